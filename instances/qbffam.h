/* qbffam: the QBF families of 'scnfg gen' by name, as 'scnfg gen' and the
 * suites (orchestrate/suite.h) both use them: the crafted families by name
 * and size, and the comment line that regenerates a seeded formula. */
#ifndef SCNFG_INSTANCES_QBFFAM_H
#define SCNFG_INSTANCES_QBFFAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "instances/qbfgen.h"

struct qbf;

/* Defaults of the seeded families of 'scnfg gen'; random sits near the 50%
 * true point of the model (measured with depqbf, see docs/generators.md). */
#define QBFFAM_RANDOM_BLOCKS 3 /* --vars 5,5,10 --lits 1,1,3: E A E */
#define QBFFAM_RANDOM_CLAUSES 180
#define QBFFAM_CI_FORALL 20
#define QBFFAM_CI_EXISTS 30
#define QBFFAM_CI_FORALL_LITS 2
#define QBFFAM_CI_EXISTS_LITS 3
#define QBFFAM_CI_CLAUSES 260

/* The block options of random/ssat as given (n 0: not given; one value:
 * every block; blocks 0: from the lists, else the default). */
typedef struct qbffam_list {
  unsigned v[QBFGEN_MAX_BLOCKS], n;
} qbffam_list;

typedef struct qbffam_blocks {
  unsigned blocks;
  qbffam_list vars, lits;
  bool forall_first, exists_first;
} qbffam_blocks;

/* Fills p's prefix (nblocks, first_forall, block_vars, block_lits) from b,
 * the defaults filling what is not given. False with the reason in msg
 * ("--vars needed for 5 blocks", ...). */
bool qbffam_set_blocks (qbfgen_random *p, const qbffam_blocks *b, char *msg, size_t msg_size);

/* The crafted family 'name' (kbkf, qparity, cr, equality) of size n: a new
 * formula, or NULL (not a crafted family, or n too large for it). */
struct qbf *qbffam_crafted (const char *name, unsigned n);

/* Writes "c scnfg gen FAMILY --seed S <parameters> --clauses M\n", the full
 * command that regenerates qbfgen_random_formula (p, seed): for
 * chen-interian its --forall/--exists/--forall-lits/--exists-lits, for the
 * others --blocks, --vars, --lits and --forall-first or --exists-first. */
void qbffam_comment (FILE *f, const char *family, const qbfgen_random *p, uint64_t seed);

#endif
