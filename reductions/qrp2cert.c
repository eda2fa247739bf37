/* Certificate extraction from QRP proofs (see qrp2cert.h). */
#include "reductions/qrp2cert.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qrp.h"

typedef struct proof {
  size_t n, cap;
  unsigned long *id;
  size_t *lit0, *ant0;       /* step i: lits[lit0[i]..lit0[i+1]), ants likewise (n+1 entries) */
  int *lits;
  size_t nlits, cap_lits;
  size_t *ants;              /* antecedent step indices */
  size_t nants, cap_ants;
  size_t cap_lit0, cap_ant0;
} proof;

typedef struct pair { int cond, var; bool value; } pair;

static size_t find (const proof *p, unsigned long id) {
  size_t lo = 0, hi = p->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p->id[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static bool load (proof *p, const qbf *f, const char *path, scnfg_error *err) {
  FILE *in = fopen (path, "rb");
  if (!in) return error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (errno));
  qrp_reader *q = qrp_open (in, path, err);
  int k = q ? 1 : -1;
  qrp_step s;
  while (q && (k = qrp_next (q, &s, err)) == 1) {
    mem_reserve ((void **) &p->id, &p->cap, p->n + 1, sizeof *p->id);
    mem_reserve ((void **) &p->lit0, &p->cap_lit0, p->n + 2, sizeof *p->lit0);
    mem_reserve ((void **) &p->ant0, &p->cap_ant0, p->n + 2, sizeof *p->ant0);
    mem_reserve ((void **) &p->lits, &p->cap_lits, p->nlits + s.nlits, sizeof *p->lits);
    mem_reserve ((void **) &p->ants, &p->cap_ants, p->nants + s.nants, sizeof *p->ants);
    p->id[p->n] = s.id;
    p->lit0[p->n] = p->nlits, p->ant0[p->n] = p->nants;
    for (unsigned i = 0; i < s.nlits; i++) /* the trace speaks the input's numbers */
      if (!(p->lits[p->nlits++] = qbf_dense_lit (f, s.lits[i])) && k == 1)
        k = -1, error_set (err, ERROR_INPUT, path, s.line, s.column, "step %lu: variable %d is not in the formula", s.id,
                           abs (s.lits[i]));
    for (unsigned a = 0; a < s.nants && k == 1; a++) {
      size_t j = find (p, s.ants[a]);
      if (j >= p->n || p->id[j] != s.ants[a])
        k = -1, error_set (err, ERROR_INPUT, path, s.line, s.column, "step %lu: antecedent %lu is not a step of the trace",
                           s.id, s.ants[a]);
      p->ants[p->nants++] = j;
    }
    p->n++;
    p->lit0[p->n] = p->nlits, p->ant0[p->n] = p->nants;
  }
  qrp_close (q);
  fclose (in);
  if (k == 0 && !p->n) return error_set (err, ERROR_INPUT, path, 0, 0, "the trace has no steps");
  return k == 0;
}

/* Replays step i on the strengthened antecedents (d[j] for each, NULL-free)
 * into r (a buffer of 'sgn'-marked variables); returns the literal count. */
static size_t replay (const proof *p, size_t i, int *const *d, const size_t *dn, signed char *sgn, int *r) {
  size_t n = 0;
  size_t a0 = p->ant0[i], a1 = p->ant0[i + 1];
  if (a0 == a1) {
    for (size_t k = p->lit0[i]; k < p->lit0[i + 1]; k++) r[n++] = p->lits[k];
    return n;
  }
  for (size_t a = a0; a < a1; a++) {
    const int *c = d[p->ants[a]];
    size_t cn = dn[p->ants[a]];
    int pivot = 0;
    if (a > a0)
      for (size_t k = 0; k < cn && !pivot; k++)
        if (sgn[abs (c[k])] == (c[k] > 0 ? -1 : 1)) pivot = abs (c[k]);
    if (pivot) {
      sgn[pivot] = 0;
      size_t m = 0;
      for (size_t k = 0; k < n; k++)
        if (abs (r[k]) != pivot) r[m++] = r[k];
      n = m;
    }
    for (size_t k = 0; k < cn; k++)
      if (abs (c[k]) != pivot && !sgn[abs (c[k])]) sgn[abs (c[k])] = c[k] > 0 ? 1 : -1, r[n++] = c[k];
  }
  for (size_t k = 0; k < n; k++) sgn[abs (r[k])] = 0;
  return n;
}

/* Builds every function from the pairs, in proof order. */
static void functions (cert *c, const qbf *f, pair *pr, size_t np, qbf_quant mine) {
  int n = f->nvars;
  int *acc = mem_calloc ((size_t) n + 1, sizeof *acc);
  /* walk backwards: the chain is built from its default outwards */
  for (size_t k = np; k-- > 0;) {
    int x = pr[k].var;
    if (!acc[x]) acc[x] = pr[k].value ? CERT_TRUE : CERT_FALSE;
    else if (pr[k].value) acc[x] = cert_or (c, pr[k].cond, acc[x]);
    else acc[x] = cert_and (c, -pr[k].cond, acc[x]);
  }
  for (int v = 1; v <= n; v++)
    if (f->block_of[v] && qbf_quant_of (f, v) == mine) cert_set_function (c, v, acc[v] ? acc[v] : CERT_FALSE);
  free (acc);
}

cert *qrp2cert_extract (const qbf *f, const char *path, qrp2cert_stats *st, scnfg_error *err) {
  proof p = {0};
  qrp2cert_stats dummy;
  if (!st) st = &dummy;
  memset (st, 0, sizeof *st);
  if (!load (&p, f, path, err)) {
    free (p.id), free (p.lit0), free (p.ant0), free (p.lits), free (p.ants);
    return NULL;
  }
  st->steps = p.n;
  /* the cone of the last step */
  unsigned char *used = mem_calloc (p.n, 1);
  used[p.n - 1] = 1;
  for (size_t i = p.n; i-- > 0;)
    if (used[i])
      for (size_t a = p.ant0[i]; a < p.ant0[i + 1]; a++) used[p.ants[a]] = 1;
  /* the proof's kind: a cube proof ends in a step whose sources are initial cubes (no antecedents, id > C) */
  size_t src = p.n - 1;
  while (p.ant0[src] != p.ant0[src + 1]) src = p.ants[p.ant0[src]];
  FILE *in = fopen (path, "rb");
  scnfg_error e2;
  error_init (&e2);
  qrp_reader *q = in ? qrp_open (in, path, &e2) : NULL;
  long hc = q ? qrp_header_clauses (q) : 0;
  qrp_close (q);
  if (in) fclose (in);
  bool cube = (long) p.id[src] > hc;
  qbf_quant mine = cube ? QBF_EXISTS : QBF_FORALL; /* the reduced kind gets functions */
  cert *c = cert_new (cube ? CERT_SKOLEM : CERT_HERBRAND, f->nvars);
  int **d = mem_calloc (p.n, sizeof *d);
  size_t *dn = mem_calloc (p.n, sizeof *dn);
  signed char *sgn = mem_calloc ((size_t) f->nvars + 1, 1);
  size_t maxlen = 0;
  pair *pr = NULL;
  size_t np = 0, cap_pr = 0;
  int *r = NULL;
  size_t cap_r = 0;
  for (size_t i = 0; i < p.n; i++) {
    if (!used[i]) continue;
    st->cone++;
    st->proof_lits += p.lit0[i + 1] - p.lit0[i];
    size_t need = p.lit0[i + 1] - p.lit0[i];
    for (size_t a = p.ant0[i]; a < p.ant0[i + 1]; a++) need += dn[p.ants[a]];
    mem_reserve ((void **) &r, &cap_r, need + 1, sizeof *r);
    size_t n = replay (&p, i, d, dn, sgn, r);
    /* full reduction: drop literals of the reduced kind after every literal of the other kind */
    unsigned maxlev = 0;
    for (size_t k = 0; k < n; k++)
      if (qbf_quant_of (f, abs (r[k])) != mine && f->block_of[abs (r[k])] > maxlev) maxlev = f->block_of[abs (r[k])];
    int *out = mem_alloc ((n + 1) * sizeof *out);
    size_t m = 0, first = np;
    for (size_t k = 0; k < n; k++) {
      int v = abs (r[k]);
      if (qbf_quant_of (f, v) == mine && f->block_of[v] > maxlev) {
        mem_reserve ((void **) &pr, &cap_pr, np + 1, sizeof *pr);
        /* clause: falsify the literal; cube: satisfy it */
        pr[np++] = (pair) {0, v, cube ? r[k] > 0 : r[k] < 0};
      } else out[m++] = r[k];
    }
    if (np > first) {
      int cond = CERT_TRUE;
      for (size_t k = 0; k < m; k++) cond = cert_and (c, cond, cube ? out[k] : -out[k]);
      for (size_t k = first; k < np; k++) pr[k].cond = cond;
    }
    d[i] = out, dn[i] = m;
    if (m > maxlen) maxlen = m;
    /* free antecedents no later used step needs: kept simple, freed at the end */
  }
  st->reductions = np;
  functions (c, f, pr, np, mine);
  for (size_t i = 0; i < p.n; i++) free (d[i]);
  free (d), free (dn), free (sgn), free (pr), free (r), free (used);
  free (p.id), free (p.lit0), free (p.ant0), free (p.lits), free (p.ants);
  return c;
}
