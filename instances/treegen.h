/* Seeded random full game trees (DESIGN §7): two-player perfect-information
 * S-CNFGs without chance in which every stage is active, for the
 * mixed-commitment benchmark (bench/mixed.sh). */
#ifndef SCNFG_INSTANCES_TREEGEN_H
#define SCNFG_INSTANCES_TREEGEN_H

#include <stdint.h>

struct game;

/* A new finished game (game_free): players L (leader) and F; stages
 * 1..stages, each of domain 'domain', owned by L or F with probability 1/2
 * each, layers {2}, observing every earlier stage; each player's reward is
 * one table over all the actions (domain^stages leaves) with values k/2:
 * the leader's k uniform in 0..20; the follower's k uniform in 0..20 if
 * conflict is 0, else 20 - k_L + e with e uniform in -conflict..conflict,
 * clamped to 0..20 (rewards in conflict, nearly constant-sum). NULL if
 * stages is 0 or above 20, domain outside 2..4, conflict above 20, or the
 * tree would exceed 2^20 leaves. The same arguments give the same game. */
struct game *treegen_random (unsigned stages, unsigned domain, unsigned conflict, uint64_t seed);

#endif
