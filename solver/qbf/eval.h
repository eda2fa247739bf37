/* Reference evaluator: plain recursion over the prefix, no learning, exact.
 * Small and obviously correct; the oracle the real solvers are tested against. */
#ifndef SCNFG_SOLVER_QBF_EVAL_H
#define SCNFG_SOLVER_QBF_EVAL_H

#include <gmp.h>
#include <stdbool.h>

struct qbf;

/* Largest number of quantified variables eval_value accepts. */
#define EVAL_MAX_VARS 20

/* Sets 'value' to the formula's value: max over exists, min over forall,
 * expectation over r variables (P(v true) = f->prob[v]) of satisfaction; 0 or
 * 1 for plain QBF. Returns false, leaving 'value' untouched, if f has more
 * than EVAL_MAX_VARS quantified variables. 'f' is borrowed. */
bool eval_value (mpq_t value, const struct qbf *f);

#endif
