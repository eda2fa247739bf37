/* Membership reduction S-CNFG -> QBF (DESIGN §5). */
#ifndef SCNFG_REDUCTIONS_GAME2QBF_H
#define SCNFG_REDUCTIONS_GAME2QBF_H

#include <gmp.h>
#include <stdbool.h>

struct game;
struct qbf;
struct scnfg_error;

/* Encodes finished g (borrowed) with threshold t as a QBF that is true iff
 * the leader can guarantee a reward >= t. The class (else an ERROR_INPUT
 * record naming the game file and the offending variable's line):
 * perfect information, every non-utility variable Boolean (domain 2), no
 * exogenous variables, two players, each with exactly one utility node whose
 * value is 0/1 (Boolean operators, 0/1 constants and tables, 'prod' as
 * 'and'), the follower's reward 1 minus the leader's on every outcome
 * (checked exactly with one SAT call). Stages become ∃ (leader) / ∀
 * (follower) variables 1..T in stage order — a stage whose layers are {1}
 * has no choice and is defined by its instinct instead —, active-if makes the
 * effective value (active ∧ choice), endogenous and utility nodes are
 * Tseitin-encoded as innermost ∃ definitions, and R_L >= t adds the unit
 * clause [R_L] (0 < t <= 1), nothing (t <= 0) or the empty clause (t > 1).
 * On success *out is a new finished formula (qbf_free) and, if names != NULL,
 * *names a new array (free each, then the array) naming QBF variables
 * 1..nvars ("x3" for stage variables, "" for auxiliaries). */
bool game2qbf_encode (struct qbf **out, char ***names, const struct game *g, const mpq_t t, struct scnfg_error *err);

#endif
