/* Certificate checker (DESIGN §6): checks a Skolem or Herbrand certificate
 * against a QBF with PicoSAT. Independent of every finder: includes only the
 * QBF model, the certificate model and the SAT wrapper. */
#ifndef SCNFG_PROOFS_QCERT_H
#define SCNFG_PROOFS_QCERT_H

#include <stdbool.h>

struct qbf;
struct cert;
struct scnfg_limits;

typedef enum qcert_status {
  QCERT_VALID = 0,        /* the certificate proves the formula true (Skolem) / false (Herbrand) */
  QCERT_INVALID = 1,      /* a counterexample assignment exists (see 'assignment') */
  QCERT_BAD_DEPENDENCY,   /* a function reads a variable it may not (see 'msg') */
  QCERT_INCOMPLETE,       /* a variable that needs a function has none, or the kind does not fit */
  QCERT_UNKNOWN,          /* a limit ended the SAT call */
} qcert_status;

typedef struct qcert_report {
  qcert_status status;
  char msg[256];          /* one line: what failed, or "valid" */
  int nvars;
  signed char *assignment;/* QCERT_INVALID: values (0/1) of variables 1..nvars, else NULL */
  int clause;             /* QCERT_INVALID Skolem: index of a falsified clause, else -1 */
} qcert_report;

void qcert_report_init (qcert_report *r);
void qcert_report_clear (qcert_report *r);

/* Checks c against f (both borrowed; f must be a plain QBF without r
 * blocks). Syntactic check first: every function reads, through its gates,
 * only variables quantified before its own in the prefix order (for Skolem:
 * universal ones of outer blocks, or existential ones that have functions
 * themselves — composition is well founded; the mirror for Herbrand);
 * every variable of the certificate's kind occurring in a clause has a
 * function. Then one SAT call: Skolem — can the matrix be falsified with the
 * existentials fixed by their functions? Herbrand — can it be satisfied with
 * the universals fixed? UNSAT means valid. 'lim' may be NULL. */
qcert_status qcert_check (const struct qbf *f, const struct cert *c, const struct scnfg_limits *lim,
                          qcert_report *r);

#endif
