/* QRP proof checker (see chk_qrp.h): Q-resolution (Kleine Büning, Karpinski
 * & Flögel 1995) and its dual, cube resolution with existential reduction
 * (Giunchiglia, Narizzano & Tacchella 2006), checked step by step as DepQBF
 * writes them (Lonsing & Biere's QRP, the QBFcert framework). */
#include "proofs/chk_qrp.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"
#include "solver/model/qbf.h"
#include "solver/model/qrp.h"

#define NONE SIZE_MAX

typedef struct stored { unsigned n; bool cube; int lits[]; } stored;

typedef struct ctx {
  const qbf *f;
  const char *path;
  unsigned long *ids;       /* step ids, increasing */
  size_t *last;             /* index of the last step using step i, NONE if unused */
  size_t n, cap_ids, cap_last;
  long hc;                  /* the header's clause count */
  stored **st;              /* steps alive */
  signed char *sgn;         /* var -> sign in the resolvent being built */
  unsigned *stamp;          /* var -> step index + 1 if in the step's literals */
  int *rv;                  /* the resolvent's variables */
  size_t nrv, cap_rv;
  unsigned *chash;          /* formula clauses by their sorted literals: index + 1, 0 empty */
  size_t hcap;
  int **csorted;            /* sorted copy of each clause */
  size_t live, live_lits;
  int *dl;                  /* the current step's literals in the formula's numbering */
  size_t cap_dl;
  chk_qrp_report *r;
} ctx;

/* A literal in the input's numbers, for messages (the trace speaks them). */
static long O (const ctx *c, int l) { return qbf_orig_lit (c->f, l); }

static int cmp_int (const void *a, const void *b) {
  int x = *(const int *) a, y = *(const int *) b;
  return x < y ? -1 : x > y;
}

static uint64_t hash_lits (const int *l, unsigned n) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned i = 0; i < n; i++) h = (h ^ (uint32_t) l[i]) * 1099511628211ull;
  return h ^ n;
}

static void build_clause_hash (ctx *c) {
  const qbf *f = c->f;
  for (c->hcap = 16; c->hcap < 2 * (size_t) f->nclauses + 2; c->hcap *= 2) {}
  c->chash = mem_calloc (c->hcap, sizeof *c->chash);
  c->csorted = mem_alloc (((size_t) f->nclauses + 1) * sizeof *c->csorted);
  for (unsigned k = 0; k < f->nclauses; k++) {
    unsigned n = qbf_clause_size (f, k);
    int *s = mem_alloc (((size_t) n + 1) * sizeof *s);
    memcpy (s, qbf_clause_lits (f, k), ((size_t) n + 1) * sizeof *s);
    qsort (s, n, sizeof *s, cmp_int);
    c->csorted[k] = s;
    size_t h = (size_t) hash_lits (s, n) & (c->hcap - 1);
    while (c->chash[h]) h = (h + 1) & (c->hcap - 1);
    c->chash[h] = k + 1;
  }
}

static bool is_formula_clause (const ctx *c, const int *lits, unsigned n) {
  int *s = mem_alloc (((size_t) n + 1) * sizeof *s);
  if (n) memcpy (s, lits, (size_t) n * sizeof *s), qsort (s, n, sizeof *s, cmp_int); /* lits may be NULL when n is 0 */
  bool found = false;
  for (size_t h = (size_t) hash_lits (s, n) & (c->hcap - 1); c->chash[h] && !found; h = (h + 1) & (c->hcap - 1)) {
    unsigned k = c->chash[h] - 1;
    found = qbf_clause_size (c->f, k) == n && !memcmp (c->csorted[k], s, (size_t) n * sizeof *s);
  }
  free (s);
  return found;
}

/* ---- the prefix -------------------------------------------------------- */

/* Level of every occurring variable with the non-occurring ones dropped and
 * equal neighbours merged: lev[v] = 1 + block index, 0 if absent. */
static unsigned levels_formula (const qbf *f, const unsigned char *occ, unsigned *lev) {
  unsigned l = 0;
  char last = 0;
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) {
      int v = f->blocks[b].vars[i];
      if (!occ[v]) continue;
      if ((char) f->blocks[b].quant != last) l++, last = (char) f->blocks[b].quant;
      lev[v] = l;
    }
  return l;
}

static bool check_prefix (ctx *c, const qrp_reader *q, scnfg_error *err) {
  const qbf *f = c->f;
  int n = f->nvars;
  unsigned char *occ = mem_calloc ((size_t) n + 1, 1);
  for (size_t i = 0; i < f->nlits; i++) occ[abs (f->lits[i])] = 1;
  occ[0] = 0;
  unsigned *lf = mem_calloc ((size_t) n + 1, sizeof *lf), *lt = mem_calloc ((size_t) n + 1, sizeof *lt);
  unsigned *line = mem_calloc ((size_t) n + 1, sizeof *line);
  levels_formula (f, occ, lf);
  unsigned l = 0;
  char last = 0;
  bool ok = true;
  for (unsigned b = 0; b < qrp_num_blocks (q) && ok; b++) {
    unsigned nv;
    const int *vars = qrp_block_vars (q, b, &nv);
    char quant = qrp_block_quant (q, b);
    for (unsigned i = 0; i < nv && ok; i++) {
      int v = qbf_dense_var (f, vars[i]);
      if (!v || !occ[v]) continue;
      if (quant != last) l++, last = quant;
      lt[v] = l, line[v] = qrp_is_binary (q) ? 1 : b + 2;
      if ((char) qbf_quant_of (f, v) != quant)
        ok = error_set (err, ERROR_INPUT, c->path, line[v], 0, "wrong prefix: variable %d is %s in the trace, %s in the formula",
                        qbf_orig_var (f, v), quant == 'e' ? "existential" : "universal", quant == 'e' ? "universal" : "existential");
    }
  }
  for (int v = 1; v <= n && ok; v++) {
    if (!occ[v]) continue;
    if (!lt[v])
      ok = error_set (err, ERROR_INPUT, c->path, qrp_is_binary (q) ? 1 : 2, 0,
                      "wrong prefix: variable %d occurs in the formula but is not in the trace's prefix", qbf_orig_var (f, v));
    else if (lt[v] != lf[v])
      ok = error_set (err, ERROR_INPUT, c->path, line[v], 0,
                      "wrong prefix: variable %d is in quantifier block %u of the trace but block %u of the formula "
                      "(counting the blocks of variables that occur)", qbf_orig_var (f, v), lt[v], lf[v]);
  }
  free (occ), free (lf), free (lt), free (line);
  return ok;
}

/* ---- pass 1: ids and last uses ----------------------------------------- */

static size_t find_id (const ctx *c, unsigned long id) {
  size_t lo = 0, hi = c->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < c->n && c->ids[lo] == id ? lo : NONE;
}

static FILE *open_trace (const ctx *c, scnfg_error *err) {
  FILE *in = fopen (c->path, "rb");
  if (!in) error_set (err, ERROR_IO, c->path, 0, 0, "cannot open: %s", strerror (errno));
  return in;
}

static bool pass1 (ctx *c, scnfg_error *err) {
  FILE *in = open_trace (c, err);
  if (!in) return false;
  qrp_reader *q = qrp_open (in, c->path, err);
  bool ok = q && check_prefix (c, q, err);
  if (ok) c->hc = qrp_header_clauses (q);
  qrp_step s;
  int k;
  while (ok && (k = qrp_next (q, &s, err)) == 1) {
    mem_reserve ((void **) &c->ids, &c->cap_ids, c->n + 1, sizeof *c->ids);
    mem_reserve ((void **) &c->last, &c->cap_last, c->n + 1, sizeof *c->last);
    c->ids[c->n] = s.id;
    c->last[c->n] = NONE;
    for (unsigned a = 0; a < s.nants && ok; a++) {
      size_t j = find_id (c, s.ants[a]);
      if (j == NONE)
        ok = error_set (err, ERROR_INPUT, c->path, s.line, s.column, "step %lu: antecedent %lu is not a step of the trace",
                        s.id, s.ants[a]);
      else c->last[j] = c->n;
    }
    c->n++;
  }
  if (ok && k < 0) ok = false;
  if (ok && ferror (in)) ok = error_set (err, ERROR_IO, c->path, 0, 0, "read error");
  qrp_close (q);
  fclose (in);
  return ok;
}

/* ---- pass 2: the steps ------------------------------------------------- */

static bool bad (ctx *c, const qrp_step *s, const char *fmt, long a, long b) {
  char what[200];
  snprintf (what, sizeof what, fmt, a, b);
  chk_qrp_report *r = c->r;
  r->status = CHK_QRP_INVALID;
  r->bad_step = s->id;
  if (s->column) snprintf (r->msg, sizeof r->msg, "step %lu (byte %u): %s", s->id, s->column, what);
  else snprintf (r->msg, sizeof r->msg, "step %lu (line %u): %s", s->id, s->line, what);
  return false;
}

static void push_var (ctx *c, int v, signed char sign) {
  c->sgn[v] = sign;
  mem_reserve ((void **) &c->rv, &c->cap_rv, c->nrv + 1, sizeof *c->rv);
  c->rv[c->nrv++] = v;
}

static signed char sign_of (int l) { return l > 0 ? 1 : -1; }

/* Resolvent of the antecedents into sgn / rv; false (reported) if invalid. */
static bool resolve (ctx *c, const qrp_step *s, bool *cube) {
  const stored *a = c->st[find_id (c, s->ants[0])];
  INVARIANT (a, "antecedent %lu not kept", s->ants[0]);
  *cube = a->cube;
  for (unsigned i = 0; i < a->n; i++) push_var (c, abs (a->lits[i]), sign_of (a->lits[i]));
  for (unsigned k = 1; k < s->nants; k++) {
    const stored *b = c->st[find_id (c, s->ants[k])];
    INVARIANT (b, "antecedent %lu not kept", s->ants[k]);
    if (b->cube != *cube)
      return bad (c, s, "antecedents %ld and %ld mix a clause and a cube", (long) s->ants[0], (long) s->ants[k]);
    int pivot = 0;
    for (unsigned i = 0; i < b->n; i++) {
      int v = abs (b->lits[i]);
      if (c->sgn[v] != -sign_of (b->lits[i])) continue;
      if (pivot) return bad (c, s, "the resolvent is tautological: variables %ld and %ld both clash", O (c, pivot), O (c, v));
      pivot = v;
    }
    if (!pivot) return bad (c, s, "antecedent %ld clashes with the resolvent so far on no variable", (long) s->ants[k], 0);
    qbf_quant q = qbf_quant_of (c->f, pivot);
    if (q != (*cube ? QBF_FORALL : QBF_EXISTS))
      return bad (c, s, *cube ? "cube resolution on existential variable %ld" : "clause resolution on universal variable %ld",
                  O (c, pivot), 0);
    c->sgn[pivot] = 0;
    for (unsigned i = 0; i < b->n; i++) {
      int v = abs (b->lits[i]);
      if (v != pivot && !c->sgn[v]) push_var (c, v, sign_of (b->lits[i]));
    }
  }
  return true;
}

/* The step's literals against the resolvent: a subset keeping every literal
 * of the other kind, dropping only reducible ones. */
static bool reduce (ctx *c, const qrp_step *s, bool cube, size_t idx) {
  qbf_quant keep = cube ? QBF_FORALL : QBF_EXISTS;
  unsigned maxlev = 0;
  int witness = 0;
  for (unsigned i = 0; i < s->nlits; i++) {
    int l = s->lits[i], v = abs (l);
    if (c->sgn[v] != sign_of (l))
      return bad (c, s, s->nants > 1 ? "literal %ld is not in the resolvent of its antecedents" : "literal %ld is not in its antecedent",
                  O (c, l), 0);
    c->stamp[v] = (unsigned) idx + 1;
    if (qbf_quant_of (c->f, v) == keep && c->f->block_of[v] > maxlev) maxlev = c->f->block_of[v], witness = l;
  }
  for (size_t i = 0; i < c->nrv; i++) {
    int v = c->rv[i];
    if (!c->sgn[v] || c->stamp[v] == idx + 1) continue;
    int l = c->sgn[v] * v;
    if (qbf_quant_of (c->f, v) == keep)
      return bad (c, s, cube ? "drops universal literal %ld (a cube reduces only existential literals)"
                             : "drops existential literal %ld (a clause reduces only universal literals)", O (c, l), 0);
    if (c->f->block_of[v] < maxlev)
      return bad (c, s, cube ? "drops existential literal %ld, but universal literal %ld is quantified after it"
                             : "drops universal literal %ld, but existential literal %ld is quantified after it", O (c, l), O (c, witness));
  }
  return true;
}

static bool initial_cube (ctx *c, const qrp_step *s) {
  const qbf *f = c->f;
  for (unsigned i = 0; i < s->nlits; i++) c->sgn[abs (s->lits[i])] = sign_of (s->lits[i]);
  unsigned bad_k = UINT32_MAX;
  for (unsigned k = 0; k < f->nclauses && bad_k == UINT32_MAX; k++) {
    bool sat = false;
    for (const int *l = qbf_clause_lits (f, k); *l && !sat; l++) sat = c->sgn[abs (*l)] == sign_of (*l);
    if (!sat) bad_k = k;
  }
  for (unsigned i = 0; i < s->nlits; i++) c->sgn[abs (s->lits[i])] = 0;
  if (bad_k != UINT32_MAX) return bad (c, s, "the initial cube does not satisfy clause %ld of the formula", (long) bad_k + 1, 0);
  return true;
}

/* Checks step s (index idx); on success *cube is its kind. */
static bool check_step (ctx *c, const qrp_step *s, size_t idx, bool *cube) {
  for (unsigned i = 0; i < s->nlits; i++) {
    int v = abs (s->lits[i]);
    if (v > c->f->nvars || !c->f->block_of[v])
      return bad (c, s, "variable %ld is not quantified in the formula", O (c, v), 0);
  }
  if (!s->nants && (long) s->id <= c->hc) {
    *cube = false;
    c->r->input_clauses++;
    if (!is_formula_clause (c, s->lits, s->nlits)) return bad (c, s, "the input clause is not a clause of the formula", 0, 0);
    return true;
  }
  if (!s->nants) {
    *cube = true;
    c->r->initial_cubes++;
    return initial_cube (c, s);
  }
  c->r->derived++;
  c->nrv = 0;
  bool ok = resolve (c, s, cube) && reduce (c, s, *cube, idx);
  for (size_t i = 0; i < c->nrv; i++) c->sgn[c->rv[i]] = 0;
  return ok;
}

static void keep_step (ctx *c, const qrp_step *s, size_t idx, bool cube) {
  stored *t = mem_alloc (sizeof *t + (size_t) s->nlits * sizeof (int));
  t->n = s->nlits, t->cube = cube;
  memcpy (t->lits, s->lits, (size_t) s->nlits * sizeof (int));
  c->st[idx] = t;
  c->live++, c->live_lits += s->nlits;
  if (c->live > c->r->peak_live_steps) c->r->peak_live_steps = c->live;
  if (c->live_lits > c->r->peak_live_lits) c->r->peak_live_lits = c->live_lits;
}

static void release (ctx *c, const qrp_step *s, size_t idx) {
  for (unsigned a = 0; a < s->nants; a++) {
    size_t j = find_id (c, s->ants[a]);
    if (c->last[j] == idx && c->st[j]) {
      c->live--, c->live_lits -= c->st[j]->n;
      free (c->st[j]);
      c->st[j] = NULL;
    }
  }
}

/* Points s->lits at the step's literals in the formula's numbering; false
 * (reported) if one names a variable the formula does not use. */
static bool to_dense (ctx *c, qrp_step *s) {
  mem_reserve ((void **) &c->dl, &c->cap_dl, (size_t) s->nlits + 1, sizeof *c->dl);
  for (unsigned i = 0; i < s->nlits; i++)
    if (!(c->dl[i] = qbf_dense_lit (c->f, s->lits[i])))
      return bad (c, s, "variable %ld is not quantified in the formula", labs ((long) s->lits[i]), 0);
  s->lits = c->dl;
  return true;
}

static bool pass2 (ctx *c, scnfg_error *err) {
  FILE *in = open_trace (c, err);
  if (!in) return false;
  qrp_reader *q = qrp_open (in, c->path, err);
  if (!q) return fclose (in), false;
  c->st = mem_calloc (c->n + 1, sizeof *c->st);
  qrp_step s = {0};
  bool cube = false, valid = true, empty = false;
  size_t idx = 0;
  int k;
  while ((k = qrp_next (q, &s, err)) == 1) {
    INVARIANT (idx < c->n && c->ids[idx] == s.id, "the trace changed between the passes");
    valid = to_dense (c, &s) && check_step (c, &s, idx, &cube);
    if (!valid) break;
    c->r->steps++;
    if (c->last[idx] != NONE) keep_step (c, &s, idx, cube);
    release (c, &s, idx);
    empty = s.nlits == 0;
    idx++;
  }
  bool ok = k >= 0 || !valid;
  if (ok && valid) {
    chk_qrp_report *r = c->r;
    int res = qrp_result (q);
    if (!c->n) snprintf (r->msg, sizeof r->msg, "the trace has no steps"), r->status = CHK_QRP_INVALID;
    else if (!empty) bad (c, &s, "the last step is not empty", 0, 0);
    else if ((res == 10) != cube)
      bad (c, &s, cube ? "the last step is the empty cube, but the trace says r UNSAT" : "the last step is the empty clause, but the trace says r SAT", 0, 0);
    else {
      r->value = cube;
      snprintf (r->msg, sizeof r->msg, "valid: %s proof, %lu steps (%lu input clauses, %lu initial cubes, %lu derived)",
                cube ? "cube-resolution (the formula is true)" : "Q-resolution (the formula is false)", r->steps,
                r->input_clauses, r->initial_cubes, r->derived);
    }
  }
  for (size_t i = 0; i < c->n; i++) free (c->st[i]);
  qrp_close (q);
  fclose (in);
  return ok;
}

bool chk_qrp_check_file (const qbf *f, const char *path, chk_qrp_report *r, scnfg_error *err) {
  memset (r, 0, sizeof *r);
  if (qbf_is_stochastic (f)) return error_set (err, ERROR_INPUT, path, 0, 0, "QRP traces apply to plain QBF (the formula has r blocks)");
  ctx c = {.f = f, .path = path, .r = r};
  c.sgn = mem_calloc ((size_t) f->nvars + 1, 1);
  c.stamp = mem_calloc ((size_t) f->nvars + 1, sizeof *c.stamp);
  build_clause_hash (&c);
  bool ok = pass1 (&c, err) && pass2 (&c, err);
  for (unsigned k = 0; k < f->nclauses; k++) free (c.csorted[k]);
  free (c.csorted), free (c.chash), free (c.sgn), free (c.stamp), free (c.rv), free (c.ids), free (c.last), free (c.st), free (c.dl);
  return ok;
}
