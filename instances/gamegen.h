/* Seeded random S-CNFGs (DESIGN §7): the same parameters and seed give the
 * same game, hence the same XML bytes, on every machine. */
#ifndef SCNFG_INSTANCES_GAMEGEN_H
#define SCNFG_INSTANCES_GAMEGEN_H

#include <stdbool.h>
#include <stdint.h>

struct game;

typedef struct gamegen_params {
  unsigned stages;       /* T >= 0 */
  unsigned domain;       /* largest action domain D >= 2 (each action draws 2..D) */
  unsigned confounders;  /* exogenous variables read by instincts (K) */
  bool perfect_info;     /* every mover observes every earlier action and revealed variable */
  bool win_lose;         /* binary perfect-information win/lose game: F := and of random
                            3-literal clauses over the actions, R_L = F, R_F = 1 - F */
  unsigned clauses;      /* win_lose: number of clauses (0: 2T) */
  bool payoff_conf;      /* random games: for every stage t and every confounder revealed at or
                            before t, the mover gets a utility table over (confounder, x_t)
                            (ids "c<x>_<u>"): a confounder an instinct may read is payoff-relevant */
  bool generic;          /* random games: for every stage t, the mover gets a utility table over
                            x_t alone (id "g<x>") with values k/p_t, k a permutation of 1..d_t and
                            p_t the t-th prime above the product of the priors' denominators
                            (and above 6 and the domain);
                            then no player is indifferent between two actions at any information
                            set (instances/generic.h checks it) */
  uint64_t seed;
} gamegen_params;

/* 4 stages, domain 2, no confounders, imperfect information, seed 0. */
void gamegen_params_init (gamegen_params *p);

/* A new finished two-player game (leader "L", follower "F"; game_free), or
 * NULL if the parameters are out of range (stages > 64, domain outside
 * 2..16, confounders > 16). Random games: stage owners, domains, instincts
 * (tables over a confounder or an earlier action), active-if conditions,
 * layer sets, a few Boolean endogenous nodes, and per player a rational
 * table utility (denominators 1..4, values in [0, 4]) plus an indicator
 * bonus. Without perfect_info, confounders are observed by nobody and each
 * earlier action is observed with probability 1/2, closed under perfect
 * recall. payoff_conf and generic add their utility terms after every other
 * draw, so without them a seed gives the same game as before. */
struct game *gamegen_random (const gamegen_params *p);

#endif
