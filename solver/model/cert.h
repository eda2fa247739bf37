/* Strategy certificates for QBF (DESIGN §6): a Skolem certificate gives every
 * existential variable, a Herbrand certificate every universal variable, a
 * Boolean function of variables quantified in outer blocks, as an AND/NOT
 * DAG (AIGER-like). This module is the model and its XML reader/writer; the
 * checker is proofs/qcert.
 *
 * Literals: +v / -v for a formula variable v (1..nvars) or a gate id
 * (> nvars, in creation order), CERT_TRUE / CERT_FALSE for the constants.
 *
 * XML (schema solver/model/cert.rng, compiled in):
 *   <qbf-certificate version="1" kind="skolem|herbrand" vars="V">
 *     <gate id="G" a="LIT" b="LIT"/>        (AND; ids V+1, V+2, … in order)
 *     <function var="X" lit="LIT"/>
 *   </qbf-certificate>
 * where LIT is a nonzero integer, "true" or "false". */
#ifndef SCNFG_SOLVER_MODEL_CERT_H
#define SCNFG_SOLVER_MODEL_CERT_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

struct scnfg_error;
struct qbf;

#define CERT_TRUE INT_MAX
#define CERT_FALSE (-INT_MAX)

typedef enum cert_kind { CERT_SKOLEM = 1, CERT_HERBRAND = 2 } cert_kind;

typedef struct cert_gate { int a, b; } cert_gate;          /* AND of two literals */
typedef struct cert_function { int var, lit; } cert_function;

typedef struct cert {
  cert_kind kind;
  int nvars;                /* formula variables 1..nvars; gate ids start at nvars+1 */
  unsigned ngates;
  cert_gate *gates;         /* gate id nvars+1+i is gates[i] */
  unsigned nfuncs;
  cert_function *funcs;     /* in the order they were set */
  unsigned cap_gates, cap_funcs;
} cert;

/* A new empty certificate for a formula whose variables are 1..nvars. */
cert *cert_new (cert_kind kind, int nvars);
void cert_free (cert *c); /* accepts NULL */

/* Literal of a new AND gate over a and b, with trivial simplification
 * (constants, a AND a, a AND -a). */
int cert_and (cert *c, int a, int b);
int cert_or (cert *c, int a, int b);
/* if s then t else e */
int cert_ite (cert *c, int s, int t, int e);
/* Sets (or replaces) the function of variable var. */
void cert_set_function (cert *c, int var, int lit);
/* The function literal of var, or 0 if it has none. */
int cert_function_of (const cert *c, int var);

/* Writes the XML document. Returns false on a write error. */
bool cert_write (FILE *out, const cert *c);

/* Reads and validates a certificate file (size-capped, no DTD, no network).
 * On failure returns false with an error naming file, line and element. */
bool cert_read_file (cert **out, const char *path, struct scnfg_error *err);
/* The same from buf[0..len) ('name' for the messages). */
bool cert_read_memory (cert **out, const char *buf, size_t len, const char *name, struct scnfg_error *err);

/* Numbering (see qbf.h: a formula may be renumbered densely on reading).
 * cert_to_orig: a copy of c (made for f's variables 1..nvars) in the
 * input's numbers, for writing; NULL if a gate id would pass INT_MAX.
 * cert_from_orig: a copy of c (read from a file, in the input's numbers)
 * in f's numbers, for checking; NULL with a reason in why if c is not for
 * f's variable count or names a variable f does not use. */
cert *cert_to_orig (const cert *c, const struct qbf *f);
cert *cert_from_orig (const cert *c, const struct qbf *f, char *why, size_t whysize);

#endif
