/* QBF by clausal abstraction: one incremental SAT solver per quantifier level.
 *
 * Method: counterexample-guided abstraction refinement in the clausal form of
 * Janota & Marques-Silva, "Solving QBF by Clause Selection" (QESTO, IJCAI
 * 2015) and Rabe & Tentrup, "CAQE: A Certifying QBF Solver" (FMCAD 2015); the
 * recursive game view is that of Janota, Klieber, Marques-Silva & Clarke,
 * "Solving QBF with Counterexample Guided Refinement" (RAReQS, SAT 2012, AIJ
 * 2016). The formula is kept in prenex CNF after universal reduction, so the
 * innermost literal of every clause is existential.
 *
 * Level L's solver holds the variables of block L and, per clause c it has
 * heard of, a selector: at an exists level t_c -> (c's literals at L or o_c),
 * "c is satisfied at levels <= L"; at a forall level f_c -> (no literal of c
 * at L true and not o_c), "c is still false after level L". o_c says "c is
 * satisfied by the outer levels" and is fixed by assumptions from the current
 * outer assignment (exists levels assume -o_c for the clauses still false,
 * forall levels assume o_c for those already true), so failed assumptions are
 * cores: sets of clauses.
 *
 * - An exists level L starts with its own clauses (innermost literal at L) as
 *   hard constraints. If it is UNSAT under the outer assignment, the core U
 *   (clauses false so far) is a reason for forall: as long as the outer
 *   levels leave U false, exists loses here. The forall level L-1 passes U up
 *   unchanged and the exists level L-2 learns "satisfy one of U": OR t_c.
 * - A forall level UNSAT gives a core C of clauses the outer levels satisfy;
 *   exists wins whenever they satisfy C. Passing up through the exists level
 *   L-1 (whose move sigma is replayed), C becomes (C u own clauses of L-1)
 *   minus the clauses sigma satisfies, and the forall level L-2 learns "keep
 *   one of them false": OR f_c. The innermost exists level being SAT is the
 *   base case with C empty.
 * Each learned clause excludes the current move, so the search terminates. */
#include "solver/qbf/cegar.h"

#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/mem.h"
#include "base/require.h"
#include "solver/model/qbf.h"
#include "solver/sat/sat.h"

/* clause -> (selector literal, outer variable) map of one level */
typedef struct cmap {
  unsigned *key; /* clause + 1, 0: empty */
  int *sel;      /* selector literal, 0: not yet made */
  int *out;      /* outer variable, 0: not yet made */
  size_t cap, count;
} cmap;

typedef struct level {
  qbf_quant q;
  int *vars;           /* original variables */
  unsigned nvars;
  sat *s;
  cmap map;
  unsigned *oc;        /* clauses having an outer variable here */
  int *ov;             /* ... and that variable */
  size_t noc, cap_oc, cap_ov;
  unsigned *owner;     /* solver variable -> clause (outer variables only) */
  size_t cap_owner;
  unsigned *own;       /* clauses whose innermost literal is here (exists levels) */
  size_t nown, cap_own;
  cegar_level_stats st;
} level;

typedef struct solver {
  const qbf *f;
  const scnfg_limits *lim;
  cegar_opts opts;
  sat_acct acct;
  unsigned nlevels;
  level *lv;
  int nvars;
  int *lev;            /* var -> level, -1: none */
  int *loc;            /* var -> variable in its level's solver */
  signed char *val;    /* var -> current value (1, -1) */
  /* clauses, literals sorted by level */
  int *lits;
  size_t nlits, cap_lits;
  size_t *cstart;
  unsigned *csize;
  int *cmin, *cmax;    /* outermost / innermost level of a clause */
  unsigned nclauses;
  size_t cap_cl;
  bool empty_clause;
  /* scratch */
  unsigned *set;       /* the clause set passed between levels */
  size_t nset, cap_set;
  unsigned *mark;      /* clause -> stamp */
  unsigned stamp;
  int *buf, *rbuf;
  size_t cap_buf, cap_rbuf;
  int falsify;         /* if empty_clause: a clause of f reduced to empty */
  bool over_budget;    /* the memory budget ran out while building */
} solver;

static void grow (solver *S, void **p, size_t *cap, size_t need, size_t size) {
  size_t old = *cap;
  mem_reserve (p, cap, need, size);
  S->acct.bytes += (*cap - old) * size;
  if (S->acct.bytes > S->acct.peak) S->acct.peak = S->acct.bytes;
}

static void account (solver *S, size_t bytes) {
  S->acct.bytes += bytes;
  if (S->acct.bytes > S->acct.peak) S->acct.peak = S->acct.bytes;
}

/* ---- clause map -------------------------------------------------------- */

static size_t cmap_find (const cmap *m, unsigned c) {
  size_t mask = m->cap - 1, i = ((size_t) c * 2654435761u) & mask;
  while (m->key[i] && m->key[i] != c + 1) i = (i + 1) & mask;
  return i;
}

/* Slot of clause c in level l's map (made if absent). */
static size_t cmap_slot (solver *S, cmap *m, unsigned c) {
  if (2 * (m->count + 1) > m->cap) {
    cmap n = { 0 };
    n.cap = m->cap ? 2 * m->cap : 64;
    n.key = mem_calloc (n.cap, sizeof *n.key);
    n.sel = mem_calloc (n.cap, sizeof *n.sel);
    n.out = mem_calloc (n.cap, sizeof *n.out);
    account (S, (n.cap - m->cap) * (sizeof *n.key + sizeof *n.sel + sizeof *n.out));
    for (size_t i = 0; i < m->cap; i++)
      if (m->key[i]) {
        size_t j = cmap_find (&n, m->key[i] - 1);
        n.key[j] = m->key[i], n.sel[j] = m->sel[i], n.out[j] = m->out[i];
      }
    n.count = m->count;
    free (m->key), free (m->sel), free (m->out);
    *m = n;
  }
  size_t i = cmap_find (m, c);
  if (!m->key[i]) m->key[i] = c + 1, m->count++;
  return i;
}

/* ---- helpers ----------------------------------------------------------- */

static inline int lit_val (const solver *S, int l) { return l > 0 ? S->val[l] : -S->val[-l]; }
static inline int lit_lev (const solver *S, int l) { return S->lev[abs (l)]; }

/* True iff clause c has a true literal at a level < L. */
static bool sat_below (const solver *S, unsigned c, int L) {
  const int *p = S->lits + S->cstart[c], *e = p + S->csize[c];
  for (; p < e && lit_lev (S, *p) < L; p++)
    if (lit_val (S, *p) > 0) return true;
  return false;
}

/* True iff clause c has a true literal at level L. */
static bool sat_at (const solver *S, unsigned c, int L) {
  const int *p = S->lits + S->cstart[c], *e = p + S->csize[c];
  for (; p < e && lit_lev (S, *p) <= L; p++)
    if (lit_lev (S, *p) == L && lit_val (S, *p) > 0) return true;
  return false;
}

/* Local literal of original literal l (at level l's solver). */
static inline int local (const solver *S, int l) { return l > 0 ? S->loc[l] : -S->loc[-l]; }

/* Outer variable of clause c at level L (made on first use). */
static int outer_var (solver *S, int L, unsigned c) {
  level *lv = &S->lv[L];
  size_t i = cmap_slot (S, &lv->map, c);
  if (lv->map.out[i]) return lv->map.out[i];
  int o = sat_new_var (lv->s);
  lv->map.out[i] = o;
  if (lv->q == QBF_EXISTS) { /* prefer satisfying c here: smaller counter-moves */
    if (S->opts.own_phase) sat_set_phase (lv->s, -o);
    if (S->opts.own_first) sat_set_important (lv->s, o);
  }
  grow (S, (void **) &lv->oc, &lv->cap_oc, lv->noc + 1, sizeof *lv->oc);
  grow (S, (void **) &lv->ov, &lv->cap_ov, lv->noc + 1, sizeof *lv->ov);
  lv->oc[lv->noc] = c, lv->ov[lv->noc] = o, lv->noc++;
  grow (S, (void **) &lv->owner, &lv->cap_owner, (size_t) o + 1, sizeof *lv->owner);
  lv->owner[o] = c;
  return o;
}

/* Collects into S->buf the local literals of clause c at level L; returns their number. */
static unsigned lits_at (solver *S, unsigned c, int L) {
  const int *p = S->lits + S->cstart[c], *e = p + S->csize[c];
  unsigned n = 0;
  for (; p < e && lit_lev (S, *p) <= L; p++)
    if (lit_lev (S, *p) == L) {
      grow (S, (void **) &S->buf, &S->cap_buf, n + 2, sizeof *S->buf);
      S->buf[n++] = local (S, *p);
    }
  return n;
}

/* Selector literal of clause c at level L: exists "c satisfied at <= L",
 * forall "c still false after L". 0: exists and c has no literal at <= L
 * (it cannot be satisfied there). */
static int selector (solver *S, int L, unsigned c) {
  level *lv = &S->lv[L];
  size_t i = cmap_slot (S, &lv->map, c);
  if (lv->map.sel[i]) return lv->map.sel[i];
  bool has_outer = S->cmin[c] < L;
  int o = has_outer ? outer_var (S, L, c) : 0;
  i = cmap_find (&lv->map, c); /* the map may have grown */
  unsigned n = lits_at (S, c, L);
  int sel;
  if (lv->q == QBF_EXISTS) {
    if (!n && !o) return 0;
    if (!n) sel = o;
    else if (n == 1 && !o) sel = S->buf[0];
    else {
      sel = sat_new_var (lv->s);
      lv->st.selectors++;
      if (o) S->buf[n++] = o;
      S->buf[n++] = -sel;
      sat_add_clause (lv->s, S->buf, n);
    }
  } else {
    INVARIANT (n || o, "a forall refinement names a clause with no literal here");
    if (!n) sel = -o;
    else if (n == 1 && !o) sel = -S->buf[0];
    else {
      sel = sat_new_var (lv->s);
      lv->st.selectors++;
      if (S->opts.open_phase) sat_set_phase (lv->s, sel); /* keep c open: harder for exists */
      if (o) S->buf[n++] = o;
      for (unsigned k = 0; k < n; k++) {
        int bin[2] = { -sel, -S->buf[k] };
        sat_add_clause (lv->s, bin, 2);
      }
    }
  }
  lv->map.sel[i] = sel;
  return sel;
}

/* ---- building ---------------------------------------------------------- */

static int cmp_u64 (const void *a, const void *b) {
  uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
  return (x > y) - (x < y);
}

/* taut[i]: clause i holds a literal and its negation (found before universal
 * reduction could hide it). A new array of nclauses + 1 entries. */
static bool *find_tautologies (const qbf *f) {
  bool *taut = mem_calloc (f->nclauses + 1, sizeof *taut);
  long *seen = mem_calloc ((size_t) f->nvars + 1, sizeof *seen);
  for (unsigned i = 0; i < f->nclauses; i++)
    for (const int *p = qbf_clause_lits (f, i); *p; p++) {
      long mine = *p > 0 ? (long) i + 1 : -(long) i - 1;
      if (seen[abs (*p)] == -mine) taut[i] = true;
      seen[abs (*p)] = mine;
    }
  free (seen);
  return taut;
}

/* Pass 1: universal reduction by block index. Returns used[b]: block b keeps
 * a literal of some reduced clause; notes a clause with no exists literal. */
static bool *find_used_blocks (solver *S, const bool *taut) {
  const qbf *f = S->f;
  bool *used = mem_calloc (f->nblocks + 1, sizeof *used);
  for (unsigned i = 0; i < f->nclauses; i++) {
    const int *c = qbf_clause_lits (f, i);
    int maxe = -1;
    if (taut[i]) continue;
    for (const int *p = c; *p; p++) {
      int b = (int) f->block_of[abs (*p)] - 1;
      if (qbf_quant_of (f, abs (*p)) == QBF_EXISTS && b > maxe) maxe = b;
    }
    if (maxe < 0) {
      if (!S->empty_clause) S->falsify = (int) i;
      S->empty_clause = true;
      continue;
    }
    for (const int *p = c; *p; p++)
      if ((int) f->block_of[abs (*p)] - 1 <= maxe) used[f->block_of[abs (*p)] - 1] = true;
  }
  return used;
}

/* Levels: the used blocks, equal neighbours merged; sets S->lev[v]. */
static void make_levels (solver *S, const bool *used) {
  const qbf *f = S->f;
  for (unsigned b = 0; b < f->nblocks; b++) {
    if (!used[b]) continue;
    if (!S->nlevels || S->lv[S->nlevels - 1].q != f->blocks[b].quant) {
      S->lv = mem_realloc (S->lv, (S->nlevels + 1) * sizeof *S->lv);
      memset (&S->lv[S->nlevels], 0, sizeof *S->lv);
      S->lv[S->nlevels].q = f->blocks[b].quant;
      S->nlevels++;
    }
    level *lv = &S->lv[S->nlevels - 1];
    lv->vars = mem_realloc (lv->vars, (lv->nvars + f->blocks[b].nvars) * sizeof *lv->vars);
    for (unsigned k = 0; k < f->blocks[b].nvars; k++) {
      int v = f->blocks[b].vars[k];
      lv->vars[lv->nvars++] = v;
      S->lev[v] = (int) S->nlevels - 1;
    }
  }
  account (S, S->nlevels * sizeof *S->lv);
}

/* Appends the m literals of tmp (sorted by level) as a stored clause. */
static void store_clause (solver *S, const int *tmp, size_t m) {
  grow (S, (void **) &S->lits, &S->cap_lits, S->nlits + m, sizeof *S->lits);
  size_t old = S->cap_cl;
  mem_reserve ((void **) &S->cstart, &S->cap_cl, S->nclauses + 1, sizeof *S->cstart);
  S->cap_cl = old;
  mem_reserve ((void **) &S->csize, &S->cap_cl, S->nclauses + 1, sizeof *S->csize);
  S->cap_cl = old;
  mem_reserve ((void **) &S->cmin, &S->cap_cl, S->nclauses + 1, sizeof *S->cmin);
  S->cap_cl = old;
  grow (S, (void **) &S->cmax, &S->cap_cl, S->nclauses + 1, sizeof *S->cmax);
  memcpy (S->lits + S->nlits, tmp, m * sizeof *tmp);
  S->cstart[S->nclauses] = S->nlits;
  S->csize[S->nclauses] = (unsigned) m;
  S->cmin[S->nclauses] = S->lev[abs (tmp[0])];
  S->cmax[S->nclauses] = S->lev[abs (tmp[m - 1])];
  S->nlits += m;
  S->nclauses++;
}

/* Pass 2: stores the reduced clauses, each sorted by level. */
static void store_clauses (solver *S, const bool *taut) {
  const qbf *f = S->f;
  uint64_t *key = NULL;
  int *tmp = NULL;
  size_t cap_key = 0, cap_tmp = 0;
  for (unsigned i = 0; i < f->nclauses; i++) {
    const int *c = qbf_clause_lits (f, i);
    int maxe = -1;
    if (taut[i]) continue;
    for (const int *p = c; *p; p++)
      if (qbf_quant_of (f, abs (*p)) == QBF_EXISTS && S->lev[abs (*p)] > maxe) maxe = S->lev[abs (*p)];
    if (maxe < 0) continue;
    size_t k = 0;
    for (const int *p = c; *p; p++) {
      int v = abs (*p);
      if (S->lev[v] < 0 || S->lev[v] > maxe) continue; /* universal reduction */
      mem_reserve ((void **) &key, &cap_key, k + 1, sizeof *key);
      key[k++] = ((uint64_t) S->lev[v] << 33) | ((uint64_t) v << 1) | (*p < 0);
    }
    qsort (key, k, sizeof *key, cmp_u64);
    size_t m = 0;
    mem_reserve ((void **) &tmp, &cap_tmp, k + 1, sizeof *tmp);
    for (size_t j = 0; j < k; j++) {
      int v = (int) ((key[j] >> 1) & 0xffffffffu), l = (key[j] & 1) ? -v : v;
      if (m && tmp[m - 1] == l) continue;
      tmp[m++] = l;
    }
    store_clause (S, tmp, m);
  }
  free (key);
  free (tmp);
}

/* One SAT solver per level, with the decision order and phases the options ask. */
static void make_solvers (solver *S) {
  for (unsigned L = 0; L < S->nlevels; L++) {
    level *lv = &S->lv[L];
    lv->s = sat_new (&S->acct, S->lim);
    lv->st.quant = (char) lv->q;
    lv->st.vars = lv->nvars;
    for (unsigned k = 0; k < lv->nvars; k++) S->loc[lv->vars[k]] = sat_new_var (lv->s);
  }
  if (S->opts.forall_first)
    for (unsigned L = 0; L < S->nlevels; L++)
      if (S->lv[L].q == QBF_FORALL)
        for (unsigned k = 0; k < S->lv[L].nvars; k++) sat_set_important (S->lv[L].s, S->loc[S->lv[L].vars[k]]);
  /* forall variables first take the sign that falsifies more literals */
  if (S->opts.forall_phase) {
    long *score = mem_calloc ((size_t) S->nvars + 1, sizeof *score);
    for (size_t i = 0; i < S->nlits; i++) score[abs (S->lits[i])] += S->lits[i] > 0 ? 1 : -1;
    for (unsigned L = 0; L < S->nlevels; L++)
      if (S->lv[L].q == QBF_FORALL)
        for (unsigned k = 0; k < S->lv[L].nvars; k++) {
          int v = S->lv[L].vars[k];
          if (score[v]) sat_set_phase (S->lv[L].s, score[v] > 0 ? -S->loc[v] : S->loc[v]);
        }
    free (score);
  }
}

/* Every exists level's own clauses are hard: c@L or o_c. Stops early (the
 * answer will be unknown) when the memory budget runs out. */
static void add_own_clauses (solver *S) {
  for (unsigned c = 0; c < S->nclauses; c++) {
    if (!(c & 4095) && S->lim && S->lim->max_mem && S->acct.bytes > S->lim->max_mem) {
      S->over_budget = true;
      return;
    }
    int L = S->cmax[c];
    level *lv = &S->lv[L];
    grow (S, (void **) &lv->own, &lv->cap_own, lv->nown + 1, sizeof *lv->own);
    lv->own[lv->nown++] = c;
    lv->st.clauses++;
    int o = S->cmin[c] < L ? outer_var (S, L, c) : 0;
    unsigned k = lits_at (S, c, L);
    if (o) S->buf[k++] = o;
    sat_add_clause (lv->s, S->buf, k);
  }
}

/* Universal reduction, tautologies, levels (used blocks, equal neighbours
 * merged), clause storage sorted by level, one SAT solver per level with the
 * exists levels' own clauses. */
static void build (solver *S) {
  int n = S->nvars = S->f->nvars;
  S->lev = mem_alloc (((size_t) n + 1) * sizeof *S->lev);
  S->loc = mem_calloc ((size_t) n + 1, sizeof *S->loc);
  S->val = mem_alloc ((size_t) n + 1);
  account (S, ((size_t) n + 1) * (sizeof *S->lev + sizeof *S->loc + 1));
  for (int v = 0; v <= n; v++) S->lev[v] = -1, S->val[v] = -1;
  bool *taut = find_tautologies (S->f);
  bool *used = find_used_blocks (S, taut);
  make_levels (S, used);
  store_clauses (S, taut);
  free (used);
  free (taut);
  S->mark = mem_calloc (S->nclauses + 1, sizeof *S->mark);
  account (S, (S->nclauses + 1) * (sizeof *S->mark + sizeof *S->cstart + sizeof *S->csize + sizeof *S->cmin));
  make_solvers (S);
  add_own_clauses (S);
}

static void destroy (solver *S) {
  for (unsigned L = 0; L < S->nlevels; L++) {
    level *lv = &S->lv[L];
    sat_free (lv->s);
    free (lv->vars);
    free (lv->map.key), free (lv->map.sel), free (lv->map.out);
    free (lv->oc), free (lv->ov), free (lv->owner), free (lv->own);
  }
  free (S->lv);
  free (S->lev), free (S->loc), free (S->val);
  free (S->lits), free (S->cstart), free (S->csize), free (S->cmin), free (S->cmax);
  free (S->set), free (S->mark), free (S->buf), free (S->rbuf);
}

/* ---- the game ---------------------------------------------------------- */

static void set_push (solver *S, unsigned c) {
  grow (S, (void **) &S->set, &S->cap_set, S->nset + 1, sizeof *S->set);
  S->set[S->nset++] = c;
}

/* Solves level L under the current outer assignment. */
static int solve_level (solver *S, int L) {
  level *lv = &S->lv[L];
  size_t na = 0;
  for (size_t i = 0; i < lv->noc; i++) {
    bool done = sat_below (S, lv->oc[i], L);
    if (lv->q == QBF_EXISTS && !done) {
      grow (S, (void **) &S->buf, &S->cap_buf, na + 1, sizeof *S->buf);
      S->buf[na++] = -lv->ov[i];
    } else if (lv->q == QBF_FORALL && done) {
      grow (S, (void **) &S->buf, &S->cap_buf, na + 1, sizeof *S->buf);
      S->buf[na++] = lv->ov[i];
    }
  }
  double t0 = limits_now ();
  uint64_t p0 = sat_propagations (lv->s);
  int r = sat_solve (lv->s, S->buf, (unsigned) na, 0);
  lv->st.seconds += limits_now () - t0;
  lv->st.propagations += sat_propagations (lv->s) - p0;
  lv->st.solves++;
  if (r == SAT_SAT)
    for (unsigned k = 0; k < lv->nvars; k++) {
      int v = lv->vars[k];
      S->val[v] = (signed char) sat_value (lv->s, S->loc[v]);
    }
  return r;
}

/* After level L was UNSAT: the core (clauses) into S->set. */
static void core (solver *S, int L) {
  level *lv = &S->lv[L];
  unsigned n;
  const int *a = sat_failed (lv->s, &n);
  S->nset = 0;
  for (unsigned i = 0; i < n; i++) set_push (S, lv->owner[abs (a[i])]);
  lv->st.core_lits += S->nset;
}

/* Exists won with the set S->set at levels > W; its move at exists level W
 * is replayed: the set becomes (set u own clauses of W) minus those W's
 * move satisfies. */
static void through_exists (solver *S, int W) {
  level *lv = &S->lv[W];
  S->stamp++;
  size_t m = 0;
  for (size_t i = 0; i < S->nset; i++) {
    unsigned c = S->set[i];
    if (S->mark[c] == S->stamp) continue;
    S->mark[c] = S->stamp;
    S->set[m++] = c;
  }
  S->nset = m;
  for (size_t i = 0; i < lv->nown; i++) {
    unsigned c = lv->own[i];
    if (S->mark[c] == S->stamp) continue;
    S->mark[c] = S->stamp;
    set_push (S, c);
  }
  m = 0;
  for (size_t i = 0; i < S->nset; i++)
    if (!sat_at (S, S->set[i], W)) S->set[m++] = S->set[i];
  S->nset = m;
}

/* Level R learns: OR of the selectors of S->set. */
static void refine (solver *S, int R) {
  level *lv = &S->lv[R];
  size_t n = 0;
  for (size_t i = 0; i < S->nset; i++) {
    int sel = selector (S, R, S->set[i]);
    if (!sel) continue;
    grow (S, (void **) &S->rbuf, &S->cap_rbuf, n + 1, sizeof *S->rbuf);
    S->rbuf[n++] = sel;
  }
  sat_add_clause (lv->s, S->rbuf, (unsigned) n);
  lv->st.refinements++;
  lv->st.refine_lits += n;
}

/* The exists level R = innermost - 2 learns the innermost level's clauses
 * under the current forall move tau at R+1, over fresh copies of the
 * innermost variables: the expansion of the forall block by tau, as in
 * RAReQS. Stronger than the clausal refinement (it implies it): short proofs
 * of QParity and CR need it. Every tau is expanded at most once (the copy
 * makes the innermost level satisfiable under it from then on). */
static void expand (solver *S, int R) {
  level *lv = &S->lv[R], *in = &S->lv[R + 2];
  int base = sat_num_vars (lv->s); /* innermost variable k (local 1..) -> base + k */
  for (unsigned k = 0; k < in->nvars; k++) sat_new_var (lv->s);
  for (size_t i = 0; i < in->nown; i++) {
    unsigned c = in->own[i];
    if (sat_at (S, c, R + 1)) continue;
    int o = S->cmin[c] < R ? outer_var (S, R, c) : 0;
    const int *p = S->lits + S->cstart[c], *e = p + S->csize[c];
    size_t n = 0;
    grow (S, (void **) &S->rbuf, &S->cap_rbuf, S->csize[c] + 1, sizeof *S->rbuf);
    for (; p < e; p++) {
      int L = lit_lev (S, *p);
      if (L == R) S->rbuf[n++] = local (S, *p);
      else if (L == R + 2) S->rbuf[n++] = *p > 0 ? base + S->loc[*p] : -(base + S->loc[-*p]);
    }
    if (o) S->rbuf[n++] = o;
    sat_add_clause (lv->s, S->rbuf, (unsigned) n);
    lv->st.expansion_lits += n;
  }
  lv->st.expansions++;
}

static bool out_of_budget (solver *S, uint64_t iterations) {
  const scnfg_limits *l = S->lim;
  if (!l) return false;
  if (l->max_nodes && iterations >= l->max_nodes) return true;
  if (l->max_mem && S->acct.bytes > l->max_mem) return true;
  return limits_expired (l);
}

static int play (solver *S, uint64_t *iterations) {
  if (S->empty_clause) return 20;
  if (S->over_budget) return 0;
  if (!S->nlevels) return 10; /* no clauses left */
  int L = 0, last = (int) S->nlevels - 1;
  for (;;) {
    if (out_of_budget (S, *iterations)) return 0;
    ++*iterations;
    int r = solve_level (S, L);
    if (r == SAT_UNKNOWN) return 0;
    qbf_quant winner;
    int W;
    if (r == SAT_SAT) {
      if (L < last) { L++; continue; }
      winner = QBF_EXISTS, W = L, S->nset = 0;
    } else {
      core (S, L);
      winner = S->lv[L].q == QBF_EXISTS ? QBF_FORALL : QBF_EXISTS;
      W = L - 1;
      if (W < 0) return winner == QBF_EXISTS ? 10 : 20;
    }
    if (winner == QBF_EXISTS) through_exists (S, W);
    int R = W - 1;
    if (R < 0) return winner == QBF_EXISTS ? 10 : 20;
    refine (S, R);
    if (winner == QBF_FORALL && L == last && R == last - 2 &&
        S->lv[R].st.expansion_lits < (uint64_t) S->opts.expand_lits &&
        S->lv[R].st.expansions < (uint64_t) S->opts.expand &&
        S->lv[R + 1].nvars <= (unsigned long long) S->opts.expand_vars)
      expand (S, R);
    L = R;
  }
}

/* ---- API --------------------------------------------------------------- */

void cegar_stats_init (cegar_stats *st) { memset (st, 0, sizeof *st); }

void cegar_stats_clear (cegar_stats *st) {
  free (st->level);
  memset (st, 0, sizeof *st);
}

const cegar_opt_info *cegar_opt_table (unsigned *n) {
  static const cegar_opt_info table[] = {
#define CEGAR_OPT_INFO(name, def, lo, hi, help) { #name, def, lo, hi, help },
    CEGAR_OPTIONS (CEGAR_OPT_INFO)
#undef CEGAR_OPT_INFO
  };
  *n = sizeof table / sizeof *table;
  return table;
}

void cegar_opts_init (cegar_opts *o) {
#define CEGAR_OPT_DEFAULT(name, def, lo, hi, help) o->name = def;
  CEGAR_OPTIONS (CEGAR_OPT_DEFAULT)
#undef CEGAR_OPT_DEFAULT
}

bool cegar_opts_set (cegar_opts *o, const char *name, long long value) {
#define CEGAR_OPT_SET(n, def, lo, hi, help)                 \
  if (!strcmp (name, #n)) {                                  \
    if (value < (long long) (lo) || value > (long long) (hi)) return false; \
    o->n = value;                                            \
    return true;                                             \
  }
  CEGAR_OPTIONS (CEGAR_OPT_SET)
#undef CEGAR_OPT_SET
  return false;
}

/* The clausal-abstraction solver proper (no preprocessing). */
static int solve_core (const qbf *f, const scnfg_limits *lim, const cegar_opts *opts, int *model,
                       cegar_stats *st, double t0) {
  solver S;
  memset (&S, 0, sizeof S);
  S.f = f;
  S.lim = lim;
  S.opts = *opts;
  if (model) memset (model, 0, ((size_t) f->nvars + 1) * sizeof *model);
  build (&S);
  uint64_t it = 0;
  int res = play (&S, &it);
  if (res && model && f->nblocks) {
    qbf_quant q0 = f->blocks[0].quant;
    if ((q0 == QBF_EXISTS && res == 10) || (q0 == QBF_FORALL && res == 20))
      for (unsigned k = 0; k < f->blocks[0].nvars; k++) {
        int v = f->blocks[0].vars[k];
        /* a block that was dropped or is not level 0 plays no role: any value */
        bool live = S.nlevels && S.lev[v] == 0 && !S.empty_clause;
        model[v] = live && S.val[v] > 0 ? v : -v;
      }
    if (S.empty_clause && q0 == QBF_FORALL && res == 20) /* falsify the all-forall clause */
      for (const int *p = qbf_clause_lits (f, (unsigned) S.falsify); *p; p++)
        if (model[abs (*p)]) model[abs (*p)] = -*p;
  }
  if (st) {
    free (st->level);
    st->nlevels = S.nlevels;
    st->level = mem_calloc (S.nlevels + 1, sizeof *st->level);
    for (unsigned L = 0; L < S.nlevels; L++) st->level[L] = S.lv[L].st;
    st->clauses = S.nclauses;
    st->iterations = it;
    st->peak_bytes = S.acct.peak;
    st->seconds = limits_now () - t0;
  }
  destroy (&S);
  return res;
}

/* True iff the last forall block will be expanded (an exists block before
 * it, at most expand_vars variables): elimination would rewrite the
 * innermost clauses the expansion copies, and made QParity 20x slower. */
static bool expands_last (const qbf *f, const cegar_opts *o) {
  int last_e = -1;
  for (unsigned b = 0; b < f->nblocks; b++)
    if (f->blocks[b].quant == QBF_EXISTS) last_e = (int) b;
  if (last_e < 2 || !o->expand) return false;
  return f->blocks[last_e - 1].quant == QBF_FORALL && f->blocks[last_e - 1].nvars <= o->expand_vars;
}

int cegar_solve (const qbf *f, const scnfg_limits *lim, const cegar_opts *opts, int *model,
                 cegar_stats *st) {
  REQUIRE (f && f->finished && !qbf_is_stochastic (f), "needs a finished plain QBF");
  double t0 = limits_now ();
  cegar_opts o;
  if (opts) o = *opts;
  else cegar_opts_init (&o);
  prep_opts po = { .ur = o.prep_ur, .unit = o.prep_unit, .pure = o.prep_pure, .subsume = o.prep_subsume,
                   .bve = o.prep_bve && !expands_last (f, &o) };
  if (!(po.ur || po.unit || po.pure || po.subsume || po.bve)) return solve_core (f, lim, &o, model, st, t0);
  prep *p = prep_run (f, &po, lim, st ? &st->prep : NULL);
  int res = solve_core (prep_formula (p), lim, &o, model, st, t0);
  if (res && model && f->nblocks && (f->blocks[0].quant == QBF_EXISTS) == (res == 10))
    prep_model (p, f, model);
  prep_free (p);
  return res;
}

qbf *cegar_substitute (const qbf *f, const int *model) {
  qbf *g = qbf_new (f->header_vars, f->header_clauses);
  int *buf = mem_alloc (((size_t) f->nvars + 1) * sizeof *buf);
  for (unsigned b = 0; b < f->nblocks; b++) {
    unsigned n = 0;
    for (unsigned k = 0; k < f->blocks[b].nvars; k++)
      if (!model[f->blocks[b].vars[k]]) buf[n++] = f->blocks[b].vars[k];
    if (n) qbf_add_block (g, f->blocks[b].quant, buf, n, NULL);
  }
  for (unsigned i = 0; i < f->nclauses; i++) {
    const int *c = qbf_clause_lits (f, i);
    unsigned n = 0;
    bool satisfied = false;
    for (const int *p = c; *p; p++) {
      int a = model[abs (*p)];
      if (!a) buf[n++] = *p;
      else if (a == *p) satisfied = true;
    }
    if (!satisfied) qbf_add_clause (g, buf, n);
  }
  free (buf);
  qbf_finish (g);
  if (f->orig) qbf_set_orig (g, f->orig, g->nvars); /* same numbers as f */
  return g;
}

int cegar_check_model (const qbf *f, int answer, const int *model, const scnfg_limits *lim) {
  qbf *g = cegar_substitute (f, model);
  int r = cegar_solve (g, lim, NULL, NULL, NULL);
  qbf_free (g);
  if (!r) return -1;
  return r == answer;
}
