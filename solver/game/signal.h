/* Signaling games (DESIGN §4): recognising the shape in an S-CNFG, exact
 * enumeration of all pure perfect Bayesian equilibria (grouped into
 * families sharing the sender strategy and the on-path outcome), their
 * classification, the intuitive criterion and D1, and the causal-layer
 * analysis of the sender. Every number is an exact mpq_t. Never prints. */
#ifndef SCNFG_SOLVER_GAME_SIGNAL_H
#define SCNFG_SOLVER_GAME_SIGNAL_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "solver/model/sigmodel.h"

struct game;
struct scnfg_error;

/* The types (signal_game, signal_result, ...) are model types: solver/model/sigmodel.h. */

/* Recognises the shape (signal_game in solver/model/sigmodel.h; also: two players, two stages, no
 * active-if, no other observations, K <= SIGNAL_MAX_TYPES, A <=
 * SIGNAL_MAX_ACTIONS, the receiver allows layer 2 or 3) and tabulates the
 * rewards. On failure returns false with an ERROR_INPUT record "not a
 * signaling game: ..." naming the file and the offending variable's line.
 * Clear with signal_game_clear (also after failure). */
bool signal_game_init (signal_game *sg, const struct game *g, struct scnfg_error *err);
void signal_game_clear (signal_game *sg);

/* The receiver's strategy and beliefs of one member of family e, as the
 * checker reads them (alpha: M*A mixtures, mu: M*K beliefs, initialised by
 * the caller): the representative (k == e->noff) or the j-th supporting
 * response at the k-th off-path message. */
void signal_pbe_member (const signal_game *sg, const signal_pbe *e, size_t k, size_t j, mpq_t *alpha, mpq_t *mu);

void signal_result_init (signal_result *r);
void signal_result_clear (signal_result *r);

/* Enumerates every pure PBE family of sg exactly, classifies them, applies
 * both refinements, and analyses the sender's layers. Fails with
 * ERROR_LIMIT (nothing enumerated) if more than max_strategies pure sender
 * strategies (M^K) would be enumerated (0: 2^20). The layer analysis has
 * fixed bounds of its own (4096 strategies of the layered set, 4096
 * receiver responses, 2^18 pairs): beyond them it is not enumerated and
 * res->layers.skipped is set, which is no failure. Fails with an
 * ERROR_INPUT or ERROR_LIMIT record (the families complete) if the
 * sender's instinct cannot be tabulated. */
bool signal_solve (signal_result *res, const signal_game *sg, uint64_t max_strategies, struct scnfg_error *err);

#endif
