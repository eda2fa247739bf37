/* Seeded QBF/SSAT generators (DESIGN §7): the same parameters and seed give
 * the same formula, hence the same QDIMACS bytes, on every machine. */
#ifndef SCNFG_INSTANCES_QBFGEN_H
#define SCNFG_INSTANCES_QBFGEN_H

#include <stdbool.h>
#include <stdint.h>

struct qbf;

#define QBFGEN_MAX_BLOCKS 16
/* Size caps: a generator returns NULL rather than build a formula with more
 * variables or more literal slots (literals plus clause terminators). */
#define QBFGEN_MAX_VARS 1000000u
#define QBFGEN_MAX_LITS 20000000u

/* Random prefix-CNF in the model of Chen & Interian (2005): 'nblocks' blocks
 * alternating in quantifier, the innermost existential; block b has
 * block_vars[b] variables (numbered block by block, outermost first); every
 * clause draws exactly block_lits[b] distinct variables from block b (random
 * polarity); clauses are drawn independently. If 'random_blocks' is true the
 * generator makes SSAT formulas: at least one block other than the innermost
 * becomes an r block, each of its variables with its own probability k/d,
 * d in {2,3,4,5}, 0 < k < d (see qbfgen.c). */
typedef struct qbfgen_random {
  unsigned nblocks;                          /* 1..QBFGEN_MAX_BLOCKS */
  unsigned block_vars[QBFGEN_MAX_BLOCKS];    /* outermost first */
  unsigned block_lits[QBFGEN_MAX_BLOCKS];    /* literals per clause from each block */
  bool first_forall;                         /* outermost block is forall (else exists) */
  unsigned nclauses;
  bool random_blocks;                        /* SSAT: some blocks become 'r' */
} qbfgen_random;

/* Returns a new finished formula (qbf_free), or NULL if the parameters are
 * inconsistent: nblocks outside 1..QBFGEN_MAX_BLOCKS; first_forall with an odd
 * (or !first_forall with an even) nblocks, which would make the innermost
 * block universal; an empty block; block_lits[b] > block_vars[b]; no literal
 * of the innermost block per clause; random_blocks with nblocks < 2; or a size
 * beyond the caps. nclauses == 0 is allowed (a true formula). */
struct qbf *qbfgen_random_formula (const qbfgen_random *p, uint64_t seed);

/* True iff qbfgen_random_formula accepts 'p'; otherwise *why (if why != NULL)
 * points to a static one-line reason. */
bool qbfgen_random_check (const qbfgen_random *p, const char **why);

/* The crafted families, false for every n >= 1 (QParity, CR, equality need n >= 2 for
 * meaning but accept n >= 1). Return NULL for n == 0 or absurd n (beyond the
 * caps above). Definitions, variable numbering and sizes are in qbfgen.c:
 *   kbkf(n): 4n+1 vars, 4n+2 clauses, 2n+1 blocks (E A E ... A E)
 *   qparity(n): 2n+1 vars, 4n clauses, E A E
 *   cr(n): n^2+2n+1 vars, 2n^2+2 clauses, E A E (n <= 999)
 *   equality(n): 3n vars, 2n+1 clauses, E A E */
struct qbf *qbfgen_kbkf (unsigned n);     /* Kleine Buening, Karpinski, Floegel 1995 */
struct qbf *qbfgen_qparity (unsigned n);  /* Beyersdorff, Chew, Janota 2015 */
struct qbf *qbfgen_cr (unsigned n);       /* completion principle, Janota & Marques-Silva 2015 */
struct qbf *qbfgen_equality (unsigned n); /* Beyersdorff, Blinkhorn, Hinde 2019 */

#endif
