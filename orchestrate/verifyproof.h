/* verify --depqbf-proof: the oracle's own evidence for one instance. Runs
 * DepQBF with QRP tracing (--dep-man=simple --no-qbce-dynamic
 * --traditional-qcdcl --trace) and checks the trace with proofs/chk_qrp, so
 * a row carries three independent pieces of evidence: the QBF side, the
 * game side's certificate, and DepQBF's checked proof. */
#ifndef SCNFG_ORCHESTRATE_VERIFYPROOF_H
#define SCNFG_ORCHESTRATE_VERIFYPROOF_H

#include <stdio.h>

struct qbf;
struct verify_row;
struct verify_opts;

/* Fills the proof fields of row for the formula f read from path (both
 * borrowed): proof_state VERIFY_OK (the trace is valid and shows the QBF
 * side's value, or the QBF side's value is unknown), VERIFY_FAIL (invalid,
 * unreadable, or another value; the reason in row->note if it is empty),
 * VERIFY_LIMIT (DepQBF timed out after o->timeout), VERIFY_NA (SSAT, or
 * DepQBF did not run or answer). Does nothing unless o->depqbf_proof. */
void verifyproof_run (const char *path, const struct qbf *f, const struct verify_opts *o, struct verify_row *row);

/* The table cell (" CELL", nothing if the row has no proof column) and the
 * report element <depqbf-proof …/> (nothing likewise). */
void verifyproof_print_cell (FILE *out, const struct verify_row *row);
void verifyproof_print_header (FILE *out, const struct verify_row *rows, size_t n);
void verifyproof_write (FILE *out, const struct verify_row *row);

#endif
