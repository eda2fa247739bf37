/* Incremental SAT over PicoSAT (see sat.h). Traps (STYLE §5): deref only
 * after 10, failed assumptions only after 20 and copied out at once, the
 * propagation limit is cumulative (re-armed per call), time limits via the
 * interrupt callback. */
#include "solver/sat/sat.h"

#include <picosat/picosat.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/mem.h"
#include "base/require.h"

struct sat {
  PicoSAT *ps;
  sat_acct *acct;
  const scnfg_limits *lim;
  int nvars;
  int last;          /* result of the last solve */
  int inconsistent;  /* an empty clause was added */
  int *failed;       /* copy of the failed assumptions */
  unsigned nfailed;
  size_t cap_failed;
};

static void account (sat *s, size_t add, size_t sub) {
  if (!s->acct) return;
  s->acct->bytes += add;
  s->acct->bytes -= sub;
  if (s->acct->bytes > s->acct->peak) s->acct->peak = s->acct->bytes;
}

static void *ps_malloc (void *st, size_t n) {
  account (st, n, 0);
  return mem_alloc (n);
}

static void *ps_realloc (void *st, void *p, size_t old, size_t n) {
  account (st, n, old);
  return mem_realloc (p, n);
}

static void ps_free (void *st, void *p, size_t n) {
  account (st, 0, n);
  free (p);
}

static int ps_interrupted (void *st) {
  const sat *s = st;
  if (!s->lim) return 0;
  if (s->lim->max_mem && s->acct && s->acct->bytes > s->lim->max_mem) return 1;
  return limits_expired (s->lim);
}

sat *sat_new (sat_acct *acct, const scnfg_limits *lim) {
  sat *s = mem_calloc (1, sizeof *s);
  s->acct = acct;
  s->lim = lim;
  account (s, sizeof *s, 0);
  s->ps = picosat_minit (s, ps_malloc, ps_realloc, ps_free);
  picosat_set_interrupt (s->ps, s, ps_interrupted);
  return s;
}

void sat_free (sat *s) {
  if (!s) return;
  picosat_reset (s->ps);
  account (s, 0, sizeof *s + s->cap_failed * sizeof *s->failed);
  free (s->failed);
  free (s);
}

int sat_new_var (sat *s) {
  s->nvars = picosat_inc_max_var (s->ps);
  return s->nvars;
}

int sat_num_vars (const sat *s) { return s->nvars; }

void sat_add_clause (sat *s, const int *lits, unsigned n) {
  s->last = SAT_UNKNOWN; /* PicoSAT forgets the model on a new clause */
  if (!n) s->inconsistent = 1;
  for (unsigned i = 0; i < n; i++) {
    int l = lits[i];
    REQUIRE (l && abs (l) <= s->nvars, "unknown variable %d", l);
    picosat_add (s->ps, l);
  }
  picosat_add (s->ps, 0);
}

static void grow (sat *s, void **p, size_t *cap, size_t need, size_t size) {
  size_t old = *cap;
  mem_reserve (p, cap, need, size);
  account (s, *cap * size, old * size);
}

int sat_solve (sat *s, const int *a, unsigned n, uint64_t max_props) {
  s->nfailed = 0;
  s->last = SAT_UNKNOWN;
  if (s->inconsistent) return s->last = SAT_UNSAT;
  if (s->lim && limits_expired (s->lim)) return SAT_UNKNOWN;
  for (unsigned i = 0; i < n; i++) {
    REQUIRE (a[i] && abs (a[i]) <= s->nvars, "unknown variable %d", a[i]);
    picosat_assume (s->ps, a[i]);
  }
  if (max_props)
    picosat_set_propagation_limit (s->ps, picosat_propagations (s->ps) + max_props);
  else
    picosat_set_propagation_limit (s->ps, ~0ull);
  int r = picosat_sat (s->ps, -1);
  if (r == PICOSAT_SATISFIABLE) {
    s->last = SAT_SAT;
  } else if (r == PICOSAT_UNSATISFIABLE) {
    const int *f = picosat_failed_assumptions (s->ps);
    unsigned k = 0;
    while (f[k]) k++;
    grow (s, (void **) &s->failed, &s->cap_failed, k + 1, sizeof *s->failed);
    memcpy (s->failed, f, k * sizeof *f);
    s->nfailed = k;
    s->last = SAT_UNSAT;
  }
  return s->last;
}

int sat_value (const sat *s, int v) {
  REQUIRE (s->last == SAT_SAT && v >= 1 && v <= s->nvars, "needs the last answer SAT and a known variable");
  return picosat_deref (s->ps, v) > 0 ? 1 : -1;
}

const int *sat_failed (const sat *s, unsigned *n) {
  REQUIRE (s->last == SAT_UNSAT, "needs the last answer UNSAT");
  *n = s->nfailed;
  return s->failed;
}

void sat_set_phase (sat *s, int lit) {
  REQUIRE (lit && abs (lit) <= s->nvars, "unknown variable %d", lit);
  picosat_set_default_phase_lit (s->ps, abs (lit), lit > 0 ? 1 : -1);
}

void sat_set_important (sat *s, int v) {
  REQUIRE (v >= 1 && v <= s->nvars, "unknown variable %d", v);
  picosat_set_more_important_lit (s->ps, v);
}

uint64_t sat_propagations (const sat *s) { return picosat_propagations (s->ps); }
