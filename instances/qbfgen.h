/* Seeded QBF/SSAT generators (DESIGN §7): the same parameters and seed give
 * the same formula, hence the same QDIMACS bytes, on every machine. */
#ifndef SCNFG_INSTANCES_QBFGEN_H
#define SCNFG_INSTANCES_QBFGEN_H

#include <stdbool.h>
#include <stdint.h>

struct qbf;

#define QBFGEN_MAX_BLOCKS 16

/* Random prefix-CNF in the model of Chen & Interian (2005): 'nblocks' blocks
 * alternating in quantifier, the innermost existential; block b has
 * block_vars[b] variables; every clause draws exactly block_lits[b] distinct
 * variables from block b (random polarity). If 'random_blocks' is true the
 * generator makes SSAT formulas: blocks other than the innermost may be r
 * blocks with a random probability of small denominator (see qbfgen.c). */
typedef struct qbfgen_random {
  unsigned nblocks;                          /* 1..QBFGEN_MAX_BLOCKS */
  unsigned block_vars[QBFGEN_MAX_BLOCKS];    /* outermost first */
  unsigned block_lits[QBFGEN_MAX_BLOCKS];    /* literals per clause from each block */
  bool first_forall;                         /* outermost block is forall (else exists) */
  unsigned nclauses;
  bool random_blocks;                        /* SSAT: some blocks become 'r' */
} qbfgen_random;

/* Returns a new finished formula (qbf_free), or NULL if the parameters are
 * inconsistent (block_lits[b] > block_vars[b], no literal per clause, ...). */
struct qbf *qbfgen_random_formula (const qbfgen_random *p, uint64_t seed);

/* The crafted families, false for every n >= 1 (QParity, CR, equality need n >= 2 for
 * meaning but accept n >= 1). Return NULL for n == 0 or absurd n. */
struct qbf *qbfgen_kbkf (unsigned n);     /* Kleine Buening, Karpinski, Floegel 1995 */
struct qbf *qbfgen_qparity (unsigned n);  /* Beyersdorff, Chew, Janota 2015 */
struct qbf *qbfgen_cr (unsigned n);       /* completion principle, Janota & Marques-Silva 2015 */
struct qbf *qbfgen_equality (unsigned n); /* Beyersdorff, Blinkhorn, Hinde 2019 */

#endif
