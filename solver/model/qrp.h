/* QRP traces: DepQBF's Q-resolution / cube-resolution proofs (the QBFcert
 * framework's proof format), ASCII `qrp` and binary `bqrp`, read one step
 * at a time so that a trace of any length is read in memory bounded by its
 * longest step (the checker decides what to keep).
 *
 * ASCII:   p qrp V C                header: variables, input clauses
 *          e|a VAR ... 0             the prefix, outermost first
 *          ID LIT ... 0 ANT ... 0   one step per line: its literals, then
 *                                   its antecedents (none: an input clause
 *                                   if ID <= C, else an initial cube)
 *          r SAT|UNSAT              the result, the last line
 * Binary:  the text `p bqrp V C` and a NUL, each prefix block as NUL, the
 * byte 'e' or 'a', the variables and a 0; each step as ID, literals, 0,
 * antecedents, 0, every number a 7-bit little-endian varint (AIGER style),
 * a literal as 2|l| + (l < 0); then the text `r SAT` / `r UNSAT` and a
 * newline.
 *
 * The reader checks the syntax and what one step can show: step ids
 * strictly increasing, antecedents naming earlier ids, literals of
 * variables of the prefix, no literal twice, nothing after the result.
 * Binary traces have no lines: errors carry line 1 and the byte offset (+1)
 * as the column. */
#ifndef SCNFG_SOLVER_MODEL_QRP_H
#define SCNFG_SOLVER_MODEL_QRP_H

#include <stdbool.h>
#include <stdio.h>

struct scnfg_error;

typedef struct qrp_reader qrp_reader;

typedef struct qrp_step {
  unsigned long id;
  const int *lits;             /* owned by the reader: valid until the next qrp_next */
  unsigned nlits;
  const unsigned long *ants;   /* likewise */
  unsigned nants;
  unsigned line, column;       /* where the step starts (binary: line 1, byte + 1) */
} qrp_step;

/* Reads the header and the prefix from 'in' (borrowed; file names the
 * messages). A new reader (qrp_close) or NULL with err set. */
qrp_reader *qrp_open (FILE *in, const char *file, struct scnfg_error *err);
void qrp_close (qrp_reader *r); /* accepts NULL; does not close the stream */

bool qrp_is_binary (const qrp_reader *r);
long qrp_header_vars (const qrp_reader *r);
long qrp_header_clauses (const qrp_reader *r);
unsigned qrp_num_blocks (const qrp_reader *r);
/* Block b (outermost 0) as written: 'e' or 'a', its variables. */
char qrp_block_quant (const qrp_reader *r, unsigned b);
const int *qrp_block_vars (const qrp_reader *r, unsigned b, unsigned *n);

/* The next step into *s: 1 a step, 0 the result line was read (and nothing
 * follows it), -1 bad input (err set). */
int qrp_next (qrp_reader *r, qrp_step *s, struct scnfg_error *err);
/* After qrp_next returned 0: 10 for `r SAT`, 20 for `r UNSAT`; else 0. */
int qrp_result (const qrp_reader *r);

#endif
