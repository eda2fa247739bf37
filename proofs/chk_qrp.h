/* QRP proof checker: checks a DepQBF trace (solver/model/qrp) against a QBF
 * exactly, every step, used or not. Independent of every finder: includes
 * only the QBF model and the trace reader.
 *
 * What is checked: the trace's prefix is the formula's (compared on the
 * variables that occur in clauses, blocks of the same quantifier merged);
 * a step without antecedents and id <= C (the header's clause count) is a
 * clause of the formula; one without antecedents and id > C is an initial
 * cube, which must satisfy every clause of the formula; a derived step is
 * the Q-resolvent of its antecedents (left to right, each on exactly one
 * clashing variable: existential for clauses, universal for cubes; all
 * antecedents clauses or all cubes) followed by a possibly partial
 * universal (clauses) / existential (cubes) reduction: it keeps every
 * literal of the other kind and drops only literals quantified after all
 * of them; one antecedent is a pure reduction step; the last step is the
 * empty clause (the formula is false) or the empty cube (true) and agrees
 * with the `r` line.
 *
 * Memory: the file is read twice; the first pass records each step's id and
 * its last use, the second checks and frees every step after its last use,
 * so memory is bounded by the steps alive at once (plus 16 bytes a step). */
#ifndef SCNFG_PROOFS_CHK_QRP_H
#define SCNFG_PROOFS_CHK_QRP_H

#include <stdbool.h>
#include <stddef.h>

struct qbf;
struct scnfg_error;

typedef enum chk_qrp_status { CHK_QRP_VALID = 0, CHK_QRP_INVALID = 1 } chk_qrp_status;

typedef struct chk_qrp_report {
  chk_qrp_status status;
  bool value;                    /* VALID: what the proof shows (true: empty cube) */
  unsigned long bad_step;        /* INVALID: id of the first bad step (0: the end of the trace) */
  char msg[300];                 /* one line: "valid: …" or what is wrong, naming the step */
  unsigned long steps, input_clauses, initial_cubes, derived;
  size_t peak_live_steps, peak_live_lits; /* steps and literals held at once */
} chk_qrp_report;

/* Checks the trace in the file path (a regular file: it is read twice)
 * against f (borrowed; plain QBF, no r blocks). Returns false with err set
 * on bad input — a syntax error, an antecedent that is no step of the trace,
 * a wrong prefix — and true with *r filled otherwise. Never prints. */
bool chk_qrp_check_file (const struct qbf *f, const char *path, chk_qrp_report *r, struct scnfg_error *err);

#endif
