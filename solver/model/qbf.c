/* QBF / SSAT formula and its builder (see qbf.h). */
#include "solver/model/qbf.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"
#include "base/require.h"

qbf *qbf_new (long header_vars, long header_clauses) {
  qbf *f = mem_calloc (1, sizeof *f);
  f->header_vars = header_vars;
  f->header_clauses = header_clauses;
  return f;
}

void qbf_free (qbf *f) {
  if (!f) return;
  for (unsigned b = 0; b < f->nblocks; b++) free (f->blocks[b].vars);
  free (f->blocks);
  if (f->prob) {
    for (size_t v = 0; v < f->cap_vars; v++) mpq_clear (f->prob[v]);
    free (f->prob);
  }
  free (f->block_of);
  free (f->lits);
  free (f->clause);
  free (f->mark);
  free (f->orig);
  free (f);
}

/* Makes block_of (and prob, if present) cover variable v. */
static void grow_vars (qbf *f, int v) {
  if (v <= f->nvars && f->cap_vars) return;
  if ((size_t) v >= f->cap_vars) {
    size_t old = f->cap_vars, cap = old ? old : 16;
    while (cap <= (size_t) v) cap *= 2;
    f->block_of = mem_realloc (f->block_of, cap * sizeof *f->block_of);
    memset (f->block_of + old, 0, (cap - old) * sizeof *f->block_of);
    if (f->prob) {
      f->prob = mem_realloc (f->prob, cap * sizeof *f->prob);
      for (size_t i = old; i < cap; i++) mpq_init (f->prob[i]);
    }
    f->cap_vars = cap;
  }
  if (v > f->nvars) f->nvars = v;
}

void qbf_add_block (qbf *f, qbf_quant q, const int *vars, unsigned n, const mpq_t p) {
  REQUIRE (!f->nclauses && !f->finished, "the prefix comes before the clauses");
  grow_vars (f, 0);
  qbf_block *b;
  if (f->nblocks && f->blocks[f->nblocks - 1].quant == q)
    b = &f->blocks[f->nblocks - 1];
  else {
    f->blocks = mem_realloc (f->blocks, (f->nblocks + 1) * sizeof *f->blocks);
    b = &f->blocks[f->nblocks++];
    b->quant = q, b->nvars = 0, b->vars = NULL;
  }
  if (q == QBF_RANDOM && !f->prob) {
    f->prob = mem_alloc (f->cap_vars * sizeof *f->prob);
    for (size_t i = 0; i < f->cap_vars; i++) mpq_init (f->prob[i]);
  }
  b->vars = mem_realloc (b->vars, (b->nvars + n) * sizeof *b->vars);
  for (unsigned i = 0; i < n; i++) {
    int v = vars[i];
    REQUIRE (v > 0, "variable %d is not positive", v);
    grow_vars (f, v);
    REQUIRE (!f->block_of[v], "variable %d quantified twice", v);
    f->block_of[v] = (unsigned) (b - f->blocks) + 1;
    b->vars[b->nvars++] = v;
    if (q == QBF_RANDOM) mpq_set (f->prob[v], p);
  }
}

void qbf_add_clause (qbf *f, const int *lits, unsigned n) {
  REQUIRE (!f->finished, "formula already finished");
  grow_vars (f, 0);
  mem_reserve ((void **) &f->lits, &f->cap_lits, f->nlits + n + 1, sizeof *f->lits);
  mem_reserve ((void **) &f->clause, &f->cap_clause, (size_t) f->nclauses + 1, sizeof *f->clause);
  f->clause[f->nclauses++] = f->nlits;
  size_t start = f->nlits;
  for (unsigned i = 0; i < n; i++) {
    int l = lits[i];
    REQUIRE (l != 0, "literal 0 in a clause");
    int v = abs (l);
    grow_vars (f, v);
    if (f->cap_mark <= (size_t) v) {
      size_t old = f->cap_mark;
      mem_reserve ((void **) &f->mark, &f->cap_mark, (size_t) v + 1, sizeof *f->mark);
      memset (f->mark + old, 0, (f->cap_mark - old) * sizeof *f->mark);
    }
    if (f->mark[v] == f->nclauses) { /* v already in this clause */
      bool dup = false;
      for (size_t j = start; j < f->nlits && !dup; j++) dup = f->lits[j] == l;
      if (dup) continue;
    }
    f->mark[v] = f->nclauses;
    f->lits[f->nlits++] = l;
  }
  f->lits[f->nlits++] = 0;
}

void qbf_finish (qbf *f) {
  REQUIRE (!f->finished, "formula already finished");
  f->finished = true;
  free (f->mark);
  f->mark = NULL, f->cap_mark = 0;
  grow_vars (f, 0);
  /* free variables: those occurring in clauses but not quantified */
  unsigned nfree = 0;
  int *free_vars = mem_alloc (((size_t) f->nvars + 1) * sizeof *free_vars);
  char *seen = mem_calloc ((size_t) f->nvars + 1, 1);
  for (size_t i = 0; i < f->nlits; i++) {
    int v = abs (f->lits[i]);
    if (v && !f->block_of[v] && !seen[v]) {
      seen[v] = 1;
      free_vars[nfree++] = v;
    }
  }
  free (seen);
  if (nfree) {
    if (f->nblocks && f->blocks[0].quant == QBF_EXISTS) {
      qbf_block *b = &f->blocks[0];
      b->vars = mem_realloc (b->vars, (b->nvars + nfree) * sizeof *b->vars);
      memcpy (b->vars + b->nvars, free_vars, nfree * sizeof *free_vars);
      b->nvars += nfree;
    } else {
      f->blocks = mem_realloc (f->blocks, (f->nblocks + 1) * sizeof *f->blocks);
      memmove (f->blocks + 1, f->blocks, f->nblocks * sizeof *f->blocks);
      f->nblocks++;
      f->blocks[0].quant = QBF_EXISTS;
      f->blocks[0].nvars = nfree;
      f->blocks[0].vars = mem_alloc (nfree * sizeof *free_vars);
      memcpy (f->blocks[0].vars, free_vars, nfree * sizeof *free_vars);
    }
    for (unsigned b = 0; b < f->nblocks; b++)
      for (unsigned i = 0; i < f->blocks[b].nvars; i++) f->block_of[f->blocks[b].vars[i]] = b + 1;
  }
  free (free_vars);
}

unsigned qbf_clause_size (const qbf *f, unsigned i) {
  const int *c = qbf_clause_lits (f, i);
  unsigned n = 0;
  while (c[n]) n++;
  return n;
}

qbf_quant qbf_quant_of (const qbf *f, int v) {
  unsigned b = f->block_of[v];
  return b ? f->blocks[b - 1].quant : QBF_EXISTS;
}

bool qbf_is_stochastic (const qbf *f) {
  for (unsigned b = 0; b < f->nblocks; b++)
    if (f->blocks[b].quant == QBF_RANDOM) return true;
  return false;
}

unsigned qbf_num_quantified (const qbf *f) {
  unsigned n = 0;
  for (unsigned b = 0; b < f->nblocks; b++) n += f->blocks[b].nvars;
  return n;
}

void qbf_set_orig (qbf *f, const int *orig, int n) {
  REQUIRE (n >= 0 && n <= f->nvars, "renumbering of %d variables for a formula of %d", n, f->nvars);
  free (f->orig);
  f->orig = mem_alloc (((size_t) f->nvars + 1) * sizeof *f->orig);
  f->orig[0] = 0;
  for (int v = 1; v <= f->nvars; v++) {
    f->orig[v] = v <= n ? orig[v] : (f->orig[v - 1] < v ? v : f->orig[v - 1] + 1);
    REQUIRE (f->orig[v] > f->orig[v - 1], "renumbering not increasing at %d", v);
  }
}

int qbf_dense_var (const qbf *f, long orig) {
  if (orig < 1) return 0;
  if (!f->orig) return orig <= f->nvars ? (int) orig : 0;
  int lo = 1, hi = f->nvars;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (f->orig[mid] < orig) lo = mid + 1;
    else if (f->orig[mid] > orig) hi = mid - 1;
    else return mid;
  }
  return 0;
}

int qbf_dense_lit (const qbf *f, long orig) {
  int v = qbf_dense_var (f, orig < 0 ? -orig : orig);
  return orig < 0 ? -v : v;
}

int qbf_orig_max (const qbf *f) { return f->nvars ? qbf_orig_var (f, f->nvars) : 0; }
