/* Checker of mixed-commitment Stackelberg equilibria (DESIGN §3.3, §3.6):
 * verifies a behavioural commitment, the follower's response (strong
 * tie-break) and the certificate of optimality exactly, naming the first
 * failure. Independent of the finder: includes model headers only and never
 * solves an LP; it verifies the given multipliers or frontiers. */
#ifndef SCNFG_PROOFS_CHK_MIXED_H
#define SCNFG_PROOFS_CHK_MIXED_H

#include <gmp.h>
#include <stdbool.h>

#include "solver/model/behav.h"

struct game;
struct scnfg_error;

enum { CHK_MIXED_OK = 0, CHK_MIXED_FAILED = 1 };

typedef struct chk_mixed_report {
  int verdict;             /* CHK_MIXED_OK or CHK_MIXED_FAILED */
  bool optimality_checked; /* false if no certificate was given */
  mpq_t leader, follower;  /* the rewards recomputed from the profile */
  char msg[512];
} chk_mixed_report;

void chk_mixed_report_init (chk_mixed_report *r);
void chk_mixed_report_clear (chk_mixed_report *r);

/* Checks b (borrowed) on finished g (borrowed): every leader distribution
 * is a probability vector (where the stage is active); at every follower
 * decision (every history of a perfect-information tree; the one
 * information set of a one-shot game) the response is a best response to
 * the commitment, the best for the leader among those, then the lowest;
 * and, if c != NULL and c->kind != BEHAV_CERT_NONE, the certificate proves
 * that no commitment gives the leader more than its recomputed reward:
 *  - LP: w >= 0 and, for every follower action j and leader action i,
 *    uL(i,j) + sum_j' w_jj' (uF(i,j) - uF(i,j')) <= z_j <= leader reward;
 *  - TREE: every frontier is a non-increasing left-continuous function; at
 *    a follower node it dominates each child's frontier on [tau_i, oo),
 *    tau_i the largest threat value (minimax, recomputed) of the other
 *    children; at a leader node it dominates each child's frontier and every
 *    segment between vertices of two different children's frontiers; the
 *    root's maximum equals the leader's reward.
 * Returns false with an ERROR_INPUT record if g has chance or is neither
 * one-shot (two stages) nor of perfect information, or the certificate does
 * not fit the game's shape. */
bool chk_mixed_check (const struct game *g, const behav_profile *b, const behav_cert *c, chk_mixed_report *rep,
                      struct scnfg_error *err);

#endif
