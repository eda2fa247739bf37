/* qbffam: the QBF families by name (see qbffam.h). */
#include "instances/qbffam.h"

#include <string.h>

#include "solver/model/qbf.h"

qbf *qbffam_crafted (const char *name, unsigned n) {
  if (!strcmp (name, "kbkf")) return qbfgen_kbkf (n);
  if (!strcmp (name, "qparity")) return qbfgen_qparity (n);
  if (!strcmp (name, "cr")) return qbfgen_cr (n);
  if (!strcmp (name, "equality")) return qbfgen_equality (n);
  return NULL;
}

static void print_list (FILE *f, const unsigned *a, unsigned n) {
  for (unsigned i = 0; i < n; i++) fprintf (f, "%s%u", i ? "," : "", a[i]);
}

void qbffam_comment (FILE *f, const char *family, const qbfgen_random *p, uint64_t seed) {
  fprintf (f, "c scnfg gen %s --seed %llu", family, (unsigned long long) seed);
  if (!strcmp (family, "chen-interian"))
    fprintf (f, " --forall %u --exists %u --forall-lits %u --exists-lits %u", p->block_vars[0], p->block_vars[1],
             p->block_lits[0], p->block_lits[1]);
  else {
    fprintf (f, " --blocks %u --vars ", p->nblocks), print_list (f, p->block_vars, p->nblocks);
    fprintf (f, " --lits "), print_list (f, p->block_lits, p->nblocks);
    fprintf (f, " %s", p->first_forall ? "--forall-first" : "--exists-first");
  }
  fprintf (f, " --clauses %u\n", p->nclauses);
}

static const unsigned random_vars[QBFFAM_RANDOM_BLOCKS] = {5, 5, 10};
static const unsigned random_lits[QBFFAM_RANDOM_BLOCKS] = {1, 1, 3};

bool qbffam_set_blocks (qbfgen_random *p, const qbffam_blocks *b, char *msg, size_t msg_size) {
  unsigned k = b->blocks, nv = b->vars.n, nl = b->lits.n;
  if (!k) k = nv > 1 ? nv : nl > 1 ? nl : QBFFAM_RANDOM_BLOCKS;
  bool defaults = k == QBFFAM_RANDOM_BLOCKS;
  if (k > QBFGEN_MAX_BLOCKS) snprintf (msg, msg_size, "bad --blocks '%u' (an integer 1..16)", k);
  else if (!nv && !defaults) snprintf (msg, msg_size, "--vars needed for %u blocks", k);
  else if (!nl && !defaults) snprintf (msg, msg_size, "--lits needed for %u blocks", k);
  else if (nv > 1 && nv != k) snprintf (msg, msg_size, "--vars lists %u blocks, expected %u", nv, k);
  else if (nl > 1 && nl != k) snprintf (msg, msg_size, "--lits lists %u blocks, expected %u", nl, k);
  else if (b->forall_first && b->exists_first)
    snprintf (msg, msg_size, "--forall-first and --exists-first exclude each other");
  else {
    p->nblocks = k;
    p->first_forall = b->forall_first || (!b->exists_first && k % 2 == 0);
    for (unsigned i = 0; i < k; i++) {
      p->block_vars[i] = !nv ? random_vars[i] : nv == 1 ? b->vars.v[0] : b->vars.v[i];
      p->block_lits[i] = !nl ? random_lits[i] : nl == 1 ? b->lits.v[0] : b->lits.v[i];
    }
    return true;
  }
  return false;
}
