/* Exact SSAT by DPLL over the prefix (see ssat.h).
 *
 * Method: the value recursion of DESIGN §1 (max over ∃, min over ∀,
 * P-weighted expectation over r), branching on the outermost unassigned
 * variable that still occurs, in the style of Littman, Majercik & Pitassi,
 * "Stochastic Boolean satisfiability" (J. Automated Reasoning 27, 2001),
 * with three sound reductions at every node:
 *   - conflict: an unsatisfied clause whose unassigned literals are all
 *     universal has value 0 (the ∀ player falsifies them; tautologies are
 *     dropped up front);
 *   - unit: an unsatisfied clause with exactly one unassigned ∃/r literal l
 *     and only universal literals quantified inside l otherwise (universal
 *     reduction) forces l; for an r literal the value is multiplied by P(l);
 *   - pure literals: a ∃ (∀) variable occurring in one polarity only among
 *     the unsatisfied clauses is set to satisfy (falsify) it (the value is
 *     monotone in the set of satisfied clauses).
 * Residual formulas are cached: the residual is determined exactly by the
 * set of satisfied clauses and the set of assigned variables that occur in
 * unsatisfied clauses; the full key is stored, so a hit is never a guess.
 * The cache is direct-mapped within a byte budget (older entries evicted),
 * allocated lazily: it starts at SSAT_FIRST_ENTRIES slots and doubles
 * (rehashing) whenever a store would evict while at least a quarter of the slots
 * are in use and the doubled table still fits the budget, so a small search
 * pays for a small table. */
#include "solver/qbf/ssat.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/mem.h"
#include "solver/model/qbf.h"

#define SSAT_FIRST_ENTRIES 1024

typedef struct entry {
  uint64_t hash;
  uint64_t *key; /* NULL: empty slot */
  mpq_t value;
} entry;

typedef struct solver {
  const qbf *f;
  const scnfg_limits *lim;
  int nvars;
  unsigned nclauses;
  int **clause;          /* non-tautological clauses, 0-terminated */
  unsigned *level;       /* var -> block index */
  qbf_quant *quant;      /* var -> quantifier */
  int *order;            /* occurring variables, outermost first */
  unsigned norder;
  signed char *val;      /* var -> 0 unassigned, 1 true, -1 false */
  unsigned char *pol;    /* scratch: bit 1 positive, bit 2 negative occurrence */
  int *trail;
  unsigned ntrail;
  /* cache */
  size_t key_words;
  uint64_t *key;         /* scratch key */
  entry *cache;
  size_t ncache;         /* slots now */
  size_t maxcache;       /* slots the budget allows */
  size_t nused;          /* slots holding an entry */
  bool aborted;
  ssat_stats st;
} solver;

static bool lit_true (const solver *s, int l) { return s->val[abs (l)] == (l > 0 ? 1 : -1); }

static void assign (solver *s, int l) {
  s->val[abs (l)] = l > 0 ? 1 : -1;
  s->trail[s->ntrail++] = abs (l);
}

static void undo (solver *s, unsigned mark) {
  while (s->ntrail > mark) s->val[s->trail[--s->ntrail]] = 0;
}

enum { SCAN_OPEN, SCAN_CONFLICT, SCAN_SAT, SCAN_UNIT };

/* One pass over the clauses: conflict, all satisfied, a unit literal (*unit),
 * or open; fills s->pol for the unassigned variables of unsatisfied clauses. */
static int scan (solver *s, int *unit) {
  memset (s->pol, 0, (size_t) s->nvars + 1);
  bool all_sat = true;
  for (unsigned c = 0; c < s->nclauses; c++) {
    const int *cl = s->clause[c];
    bool sat = false;
    unsigned nu = 0, min_univ = UINT32_MAX;
    int lnu = 0;
    for (const int *l = cl; *l; l++) {
      int v = abs (*l);
      if (s->val[v]) {
        if (lit_true (s, *l)) { sat = true; break; }
      } else if (s->quant[v] == QBF_FORALL) {
        if (s->level[v] < min_univ) min_univ = s->level[v];
      } else
        nu++, lnu = *l;
    }
    if (sat) continue;
    all_sat = false;
    if (nu == 0) return SCAN_CONFLICT;
    if (nu == 1 && min_univ > s->level[abs (lnu)]) {
      *unit = lnu;
      return SCAN_UNIT;
    }
    for (const int *l = cl; *l; l++)
      if (!s->val[abs (*l)]) s->pol[abs (*l)] |= *l > 0 ? 1 : 2;
  }
  return all_sat ? SCAN_SAT : SCAN_OPEN;
}

static uint64_t mix (uint64_t h, uint64_t x) {
  h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

/* Builds the residual's key into s->key; returns its hash. */
static uint64_t make_key (solver *s) {
  memset (s->key, 0, s->key_words * sizeof *s->key);
  uint64_t *sat = s->key, *asg = s->key + (s->nclauses + 63) / 64;
  for (unsigned c = 0; c < s->nclauses; c++) {
    bool is_sat = false;
    for (const int *l = s->clause[c]; *l && !is_sat; l++) is_sat = lit_true (s, *l);
    if (is_sat) {
      sat[c / 64] |= 1ULL << (c % 64);
      continue;
    }
    for (const int *l = s->clause[c]; *l; l++)
      if (s->val[abs (*l)]) asg[abs (*l) / 64] |= 1ULL << (abs (*l) % 64);
  }
  uint64_t h = 0x243f6a8885a308d3ULL;
  for (size_t i = 0; i < s->key_words; i++) h = mix (h, s->key[i]);
  return h;
}

static entry *lookup (solver *s, uint64_t h) {
  if (!s->ncache) return NULL;
  entry *e = &s->cache[h % s->ncache];
  if (e->key && e->hash == h && !memcmp (e->key, s->key, s->key_words * sizeof *s->key)) return e;
  return NULL;
}

/* Doubles the table (rehashing every entry). */
static void grow (solver *s) {
  size_t n = s->ncache;
  entry *old = s->cache;
  s->ncache = 2 * n;
  s->cache = mem_calloc (s->ncache, sizeof *s->cache);
  for (size_t i = 0; i < n; i++) {
    if (!old[i].key) continue;
    entry *e = &s->cache[old[i].hash % s->ncache];
    if (e->key) { /* cannot happen for a power-of-two doubling, kept for safety */
      mpq_clear (e->value), free (e->key);
      s->st.cache_evictions++, s->nused--;
    }
    *e = old[i];
  }
  free (old);
}

static void store (solver *s, uint64_t h, const mpq_t v) {
  if (!s->ncache) return;
  if (s->cache[h % s->ncache].key && 4 * s->nused >= s->ncache && 2 * s->ncache <= s->maxcache) grow (s);
  entry *e = &s->cache[h % s->ncache];
  if (e->key) s->st.cache_evictions++;
  else e->key = mem_alloc (s->key_words * sizeof *s->key), mpq_init (e->value), s->nused++;
  memcpy (e->key, s->key, s->key_words * sizeof *s->key);
  e->hash = h;
  mpq_set (e->value, v);
  s->st.cache_stores++;
}

static void search (solver *s, mpq_t out) {
  if (s->aborted) return;
  s->st.nodes++;
  if (s->lim && ((s->lim->max_nodes && s->st.nodes > s->lim->max_nodes) ||
                 ((s->st.nodes & 1023) == 0 && limits_expired (s->lim)))) {
    s->aborted = true;
    return;
  }
  unsigned mark = s->ntrail;
  mpq_t factor;
  mpq_init (factor);
  mpq_set_ui (factor, 1, 1);
  int r, unit = 0;
  for (;;) {
    r = scan (s, &unit);
    if (r == SCAN_UNIT) {
      int v = abs (unit);
      if (s->quant[v] == QBF_RANDOM) {
        if (unit > 0) mpq_mul (factor, factor, s->f->prob[v]);
        else {
          mpq_t q;
          mpq_init (q);
          mpq_set_ui (q, 1, 1);
          mpq_sub (q, q, s->f->prob[v]);
          mpq_mul (factor, factor, q);
          mpq_clear (q);
        }
      }
      assign (s, unit);
      s->st.propagations++;
      continue;
    }
    if (r != SCAN_OPEN) break;
    bool pure = false;
    for (unsigned i = 0; i < s->norder; i++) {
      int v = s->order[i];
      unsigned char p = s->pol[v];
      if (s->val[v] || (p != 1 && p != 2) || s->quant[v] == QBF_RANDOM) continue;
      bool sat_pos = (s->quant[v] == QBF_EXISTS) == (p == 1);
      assign (s, sat_pos ? v : -v);
      s->st.propagations++;
      pure = true;
    }
    if (!pure) break;
  }
  if (r == SCAN_CONFLICT || mpq_sgn (factor) == 0) {
    mpq_set_ui (out, 0, 1);
  } else if (r == SCAN_SAT) {
    mpq_set (out, factor);
  } else {
    uint64_t h = make_key (s);
    entry *e = lookup (s, h);
    if (e) {
      s->st.cache_hits++;
      mpq_mul (out, factor, e->value);
    } else {
      int v = 0;
      for (unsigned i = 0; i < s->norder && !v; i++)
        if (!s->val[s->order[i]] && s->pol[s->order[i]]) v = s->order[i];
      qbf_quant q = s->quant[v];
      mpq_t v0, v1;
      mpq_inits (v0, v1, NULL);
      unsigned m2 = s->ntrail;
      assign (s, -v);
      search (s, v0);
      undo (s, m2);
      bool done = (q == QBF_EXISTS && mpq_cmp_ui (v0, 1, 1) == 0) || (q == QBF_FORALL && mpq_sgn (v0) == 0);
      if (!done && !s->aborted) {
        assign (s, v);
        search (s, v1);
        undo (s, m2);
      }
      if (!s->aborted) {
        if (done) mpq_set (v1, v0);
        else if (q == QBF_EXISTS) { if (mpq_cmp (v0, v1) > 0) mpq_set (v1, v0); }
        else if (q == QBF_FORALL) { if (mpq_cmp (v0, v1) < 0) mpq_set (v1, v0); }
        else { /* v0 + p (v1 - v0) */
          mpq_sub (v1, v1, v0);
          mpq_mul (v1, v1, s->f->prob[v]);
          mpq_add (v1, v1, v0);
        }
        make_key (s); /* the recursion reused the scratch key: rebuild it (same state, same key) */
        store (s, h, v1);
        mpq_mul (out, factor, v1);
      }
      mpq_clears (v0, v1, NULL);
    }
  }
  undo (s, mark);
  mpq_clear (factor);
}

int ssat_solve (mpq_t value, const qbf *f, const scnfg_limits *lim, size_t cache_bytes, ssat_stats *st) {
  solver s = {.f = f, .lim = lim, .nvars = f->nvars};
  size_t nv = (size_t) f->nvars + 1;
  s.level = mem_calloc (nv, sizeof *s.level);
  s.quant = mem_calloc (nv, sizeof *s.quant);
  for (int v = 1; v <= f->nvars; v++) {
    s.quant[v] = qbf_quant_of (f, v);
    s.level[v] = f->block_of[v] ? f->block_of[v] - 1 : 0;
  }
  s.clause = mem_alloc ((f->nclauses + 1) * sizeof *s.clause);
  unsigned char *occ = mem_calloc (nv, 1);
  for (unsigned c = 0; c < f->nclauses; c++) {
    const int *cl = qbf_clause_lits (f, c);
    bool taut = false;
    for (const int *a = cl; *a && !taut; a++)
      for (const int *b = a + 1; *b && !taut; b++) taut = *a == -*b;
    if (taut) continue;
    unsigned n = qbf_clause_size (f, c);
    s.clause[s.nclauses] = mem_alloc ((n + 1) * sizeof (int));
    memcpy (s.clause[s.nclauses++], cl, (n + 1) * sizeof (int));
    for (const int *a = cl; *a; a++) occ[abs (*a)] = 1;
  }
  s.order = mem_alloc (nv * sizeof *s.order);
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++)
      if (occ[f->blocks[b].vars[i]]) s.order[s.norder++] = f->blocks[b].vars[i];
  free (occ);
  s.val = mem_calloc (nv, 1);
  s.pol = mem_calloc (nv, 1);
  s.trail = mem_alloc (nv * sizeof *s.trail);
  s.key_words = (s.nclauses + 63) / 64 + (nv + 63) / 64;
  s.key = mem_alloc (s.key_words * sizeof *s.key);
  if (lim && lim->max_mem && lim->max_mem < cache_bytes) cache_bytes = lim->max_mem;
  size_t per_entry = sizeof (entry) + s.key_words * sizeof (uint64_t) + 48;
  s.maxcache = cache_bytes / per_entry;
  if (s.maxcache > ((size_t) 1 << 24)) s.maxcache = (size_t) 1 << 24;
  s.ncache = s.maxcache < SSAT_FIRST_ENTRIES ? s.maxcache : SSAT_FIRST_ENTRIES;
  s.cache = mem_calloc (s.ncache ? s.ncache : 1, sizeof *s.cache);

  search (&s, value);
  s.st.cache_entries = s.ncache;

  for (size_t i = 0; i < s.ncache; i++)
    if (s.cache[i].key) mpq_clear (s.cache[i].value), free (s.cache[i].key);
  free (s.cache);
  for (unsigned c = 0; c < s.nclauses; c++) free (s.clause[c]);
  free (s.clause), free (s.level), free (s.quant), free (s.order), free (s.val), free (s.pol);
  free (s.trail), free (s.key);
  if (st) *st = s.st;
  return s.aborted ? 0 : 1;
}
