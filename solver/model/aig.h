/* And-inverter graphs and Biere's ASCII AIGER format (`aag`, AIGER 1.9
 * without latches), the QBFcert framework's format for Skolem and Herbrand
 * certificates (Niemetz, Preiner, Lonsing, Seidl & Biere, SAT 2012).
 *
 * Literals follow AIGER: 2*index + negation, 0 false, 1 true; index 0 is the
 * constant, every other index an input or an AND gate, created in order, so
 * a gate's operands are always older (the graph is acyclic by construction).
 * Inputs and outputs carry a QDIMACS variable number: an input stands for a
 * variable, an output defines one. In a file the symbol table names them
 * `i<k> V` / `o<k> V`; a Skolem certificate has the universal variables as
 * inputs and one output per existential variable with a function, a
 * Herbrand certificate the roles swapped.
 *
 * Variable numbers in the symbol table are the formula's QDIMACS numbers;
 * aig_from_cert / aig_to_cert are the only places that translate them. */
#ifndef SCNFG_SOLVER_MODEL_AIG_H
#define SCNFG_SOLVER_MODEL_AIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct scnfg_error;
struct cert;
struct qbf;

typedef struct aig aig;

#define AIG_FALSE 0u
#define AIG_TRUE 1u

aig *aig_new (void);
void aig_free (aig *a); /* accepts NULL */

/* Literal of a new input standing for QDIMACS variable var (>= 1). */
unsigned aig_input (aig *a, int var);
/* Literal of the AND of a and b: constants folded (x&0, x&1, x&x, x&!x) and
 * structurally hashed (the same pair, in either order, gives the same gate).
 * Requires both literals to exist. */
unsigned aig_and (aig *a, unsigned x, unsigned y);
static inline unsigned aig_not (unsigned l) { return l ^ 1u; }
unsigned aig_or (aig *a, unsigned x, unsigned y);
unsigned aig_ite (aig *a, unsigned s, unsigned t, unsigned e); /* s ? t : e */
/* Appends an output: literal lit defines QDIMACS variable var (>= 1). */
void aig_output (aig *a, unsigned lit, int var);

unsigned aig_num_ands (const aig *a);
unsigned aig_num_inputs (const aig *a);
unsigned aig_num_outputs (const aig *a);
int aig_input_var (const aig *a, unsigned k);   /* k < aig_num_inputs, creation order */
unsigned aig_input_lit (const aig *a, unsigned k);
int aig_output_var (const aig *a, unsigned k);  /* k < aig_num_outputs */
unsigned aig_output_lit (const aig *a, unsigned k);
/* Value of literal lit under the input values in[0..num_inputs) (0/1). */
bool aig_eval (const aig *a, unsigned lit, const unsigned char *in);

/* Writes `aag M I 0 O A`: inputs 1..I in creation order, the gates after
 * them in creation order (operands first), the symbol table, no comment.
 * Returns false with ERROR_IO in err on a write error. */
bool aig_write_aag (const aig *a, FILE *out, struct scnfg_error *err);

/* Parses buf[0..len) (file names the messages). Accepts ASCII AIGER with
 * L = 0, gates in any order, every input and output named by a symbol whose
 * name is a variable number (1..INT_MAX), no two inputs (outputs) for the
 * same variable, an optional comment section. Rejects with the line: a bad
 * or binary header, latches, truncation, a literal past M, an odd input
 * literal or one defined twice, an undefined literal, a cycle of gates, a
 * missing or bad symbol. Returns a new AIG (aig_free) or NULL with err set. */
aig *aig_read_aag (const char *buf, size_t len, const char *file, struct scnfg_error *err);
/* Reads the file at path (size-capped) as above. */
aig *aig_read_aag_file (const char *path, struct scnfg_error *err);

/* The certificate c (borrowed, for formula f) as an AIG: inputs every
 * variable of f's other quantifier in prefix order (plus any other variable
 * a function reads), one output per function in c's order; a function that
 * reads a variable of c's own kind with a function gets that function
 * substituted. NULL if such substitutions form a cycle. */
aig *aig_from_cert (const struct cert *c, const struct qbf *f);

/* The AIG as a certificate for f: Skolem if its outputs are existential
 * variables of f, Herbrand if universal (with no outputs: by its inputs,
 * else Skolem iff no existential variable occurs in a clause). NULL with a
 * one-line reason in why when an input or output names a variable f does
 * not quantify, or the outputs mix quantifiers. The certificate is not
 * checked: that is proofs/qcert's job. */
struct cert *aig_to_cert (const aig *a, const struct qbf *f, char *why, size_t whysize);

#endif
