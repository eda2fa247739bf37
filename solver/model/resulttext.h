/* The human tables of results: the text twins of the documents of
 * solver/model/result (pure solutions, mixed commitments, signaling
 * analyses). docs/concepts.md, mixed.md and signaling.md describe them. */
#ifndef SCNFG_SOLVER_MODEL_RESULTTEXT_H
#define SCNFG_SOLVER_MODEL_RESULTTEXT_H

#include <stddef.h>
#include <stdio.h>

#include "solver/model/behav.h"
#include "solver/model/profile.h"
#include "solver/model/sigmodel.h"

struct game;

/* Rewards, welfare, policy (up to max_lines information sets), outcomes. */
void resulttext_solution (FILE *f, const struct game *g, const game_solution *s, size_t max_lines);
/* Rewards, commitment and response (up to max_lines information sets), certificate summary. */
void resulttext_mixed (FILE *f, const struct game *g, const mixed_solution *ms, size_t max_lines);
/* The signaling report of r (solved from sg); refine: RESULT_INTUITIVE | RESULT_D1 (result.h). */
void resulttext_signal (FILE *f, const signal_game *sg, const signal_result *r, unsigned refine);

#endif
