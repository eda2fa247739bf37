/* Seeded random signaling games (DESIGN §4, §7): type theta with a random
 * positive prior, a sender observing it, a receiver observing the message,
 * small rational rewards (many ties, so that off-path beliefs and
 * refinements matter). The same parameters and seed give the same game,
 * hence the same XML bytes, on every machine. */
#ifndef SCNFG_INSTANCES_SIGGEN_H
#define SCNFG_INSTANCES_SIGGEN_H

#include <stdbool.h>
#include <stdint.h>

struct game;

typedef struct siggen_params {
  unsigned types;        /* K, 2..16 */
  unsigned messages;     /* M, 2..16 */
  unsigned actions;      /* A, 2..12 */
  bool noise;            /* add noise nu (two values, 1/2 each) read by the sender's instinct */
  bool observable;       /* layers-observable="true" */
  uint64_t seed;
} siggen_params;

/* K = 2, M = 2, A = 2, no noise, not observable, seed 0. */
void siggen_params_init (siggen_params *p);

/* A new finished game (game_free): players S (sender, the leader) and R;
 * exogenous "type" (labels t0..), action "msg" (m0..) at stage 1 observing
 * type, action "act" (a0..) at stage 2 observing msg; the sender's
 * instinct a random table over type (and noise); utility tables uS, uR
 * over (type, msg, act) with values in {0, 1/2, 1, ..., 3}; priors w/sum(w)
 * with weights w in 1..4. NULL if a parameter is out of range. */
struct game *siggen_random (const siggen_params *p);

#endif
