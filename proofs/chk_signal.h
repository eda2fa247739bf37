/* Checker of perfect Bayesian equilibria of signaling games (DESIGN §4,
 * §3.6): verifies a profile — a pure sender strategy, a (possibly mixed)
 * receiver response and a belief at every message — exactly, recomputing
 * every reward from the model and every deviation, and names the first
 * failure. Independent of the finder (solver/game/signal.h is not used). */
#ifndef SCNFG_PROOFS_CHK_SIGNAL_H
#define SCNFG_PROOFS_CHK_SIGNAL_H

#include <gmp.h>
#include <stdbool.h>

struct game;
struct scnfg_error;

typedef struct chk_signal_report {
  bool ok;
  char msg[300];      /* the first failure, or "ok" */
} chk_signal_report;

/* g: a finished two-stage game whose stage 1 mover observes one exogenous
 * type variable (K values) and whose stage 2 mover observes the stage 1
 * action (M messages) only; A receiver actions. send[t] is type t's
 * message; alpha[m*A + a] the receiver's probability of a after m; mu[m*K
 * + t] the belief at m. Checks, in this order: every row of alpha and mu is
 * a probability distribution; at every message sent by a type of positive
 * prior, mu is Bayes' rule; at every message every action played with
 * positive probability is a best response to mu; no type gains by sending
 * another message. Returns false with an ERROR_INPUT record only if g does
 * not have this shape. */
bool chk_signal_pbe (const struct game *g, const int *send, mpq_t *const alpha, mpq_t *const mu,
                     chk_signal_report *rep, struct scnfg_error *err);

#endif
