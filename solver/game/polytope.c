/* Exact small polytopes (see polytope.h). Method: the two-phase simplex
 * method on a dense tableau (Dantzig 1951) with Bland's smallest-index rule
 * (Bland 1977), which cannot cycle, so every answer is exact and final. */
#include "solver/game/polytope.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/mem.h"
#include "base/require.h"

void polytope_init (polytope *p, unsigned n) {
  REQUIRE (n > 0, "no variables");
  p->n = n;
  p->m = p->cap = 0;
  p->a = NULL, p->b = NULL, p->sense = NULL;
}

void polytope_reset (polytope *p) {
  for (size_t i = 0; i < p->m; i++) {
    for (unsigned j = 0; j < p->n; j++) mpq_clear (p->a[i * p->n + j]);
    mpq_clear (p->b[i]);
  }
  p->m = 0;
}

void polytope_clear (polytope *p) {
  polytope_reset (p);
  free (p->a), free (p->b), free (p->sense);
  p->a = NULL, p->b = NULL, p->sense = NULL;
  p->cap = 0;
}

void polytope_add (polytope *p, const mpq_t *coef, polytope_sense s, const mpq_t rhs) {
  if (p->m == p->cap) {
    size_t cap = p->cap ? 2 * p->cap : 8;
    p->a = mem_realloc (p->a, cap * p->n * sizeof *p->a);
    p->b = mem_realloc (p->b, cap * sizeof *p->b);
    p->sense = mem_realloc (p->sense, cap * sizeof *p->sense);
    p->cap = cap;
  }
  for (unsigned j = 0; j < p->n; j++) mpq_init (p->a[p->m * p->n + j]), mpq_set (p->a[p->m * p->n + j], coef[j]);
  mpq_init (p->b[p->m]);
  mpq_set (p->b[p->m], rhs);
  p->sense[p->m] = s;
  p->m++;
}

void polytope_add_simplex (polytope *p, const bool *keep) {
  mpq_t *c = mem_alloc (p->n * sizeof *c), one, zero;
  mpq_init (one), mpq_init (zero);
  mpq_set_ui (one, 1, 1);
  for (unsigned j = 0; j < p->n; j++) mpq_init (c[j]), mpq_set_ui (c[j], 1, 1);
  polytope_add (p, c, POLYTOPE_EQ, one);
  for (unsigned j = 0; j < p->n; j++) {
    if (!keep || keep[j]) continue;
    for (unsigned k = 0; k < p->n; k++) mpq_set_ui (c[k], k == j, 1);
    polytope_add (p, c, POLYTOPE_EQ, zero);
  }
  for (unsigned j = 0; j < p->n; j++) mpq_clear (c[j]);
  free (c);
  mpq_clear (one), mpq_clear (zero);
}

typedef struct tab {
  size_t m, cols;      /* cols = N variables + 1 (rhs last) */
  size_t nart0;        /* first artificial column */
  mpq_t *t;            /* (m+1) x cols; row m is the objective (reduced costs, -value) */
  size_t *basis;
} tab;

#define T(tb, i, j) ((tb)->t[(i) * (tb)->cols + (j)])

static void pivot (tab *tb, size_t r, size_t e, mpq_t tmp) {
  size_t N = tb->cols;
  mpq_t piv;
  mpq_init (piv);
  mpq_set (piv, T (tb, r, e));
  for (size_t j = 0; j < N; j++) mpq_div (T (tb, r, j), T (tb, r, j), piv);
  for (size_t i = 0; i <= tb->m; i++) {
    if (i == r || !mpq_sgn (T (tb, i, e))) continue;
    mpq_set (piv, T (tb, i, e));
    for (size_t j = 0; j < N; j++) {
      if (!mpq_sgn (T (tb, r, j))) continue;
      mpq_mul (tmp, piv, T (tb, r, j));
      mpq_sub (T (tb, i, j), T (tb, i, j), tmp);
    }
  }
  tb->basis[r] = e;
  mpq_clear (piv);
}

/* Runs the simplex on the objective row with entering columns < limit.
 * Returns false if unbounded. */
static bool run (tab *tb, size_t limit, mpq_t tmp, mpq_t best) {
  size_t rhs = tb->cols - 1;
  for (;;) {
    size_t e = limit;
    for (size_t j = 0; j < limit; j++)
      if (mpq_sgn (T (tb, tb->m, j)) < 0) {
        e = j;
        break;
      }
    if (e == limit) return true;
    size_t r = tb->m;
    for (size_t i = 0; i < tb->m; i++) {
      if (mpq_sgn (T (tb, i, e)) <= 0) continue;
      mpq_div (tmp, T (tb, i, rhs), T (tb, i, e));
      int c = r == tb->m ? -1 : mpq_cmp (tmp, best);
      if (c < 0 || (c == 0 && tb->basis[i] < tb->basis[r])) r = i, mpq_set (best, tmp);
    }
    if (r == tb->m) return false;
    pivot (tb, r, e, tmp);
  }
}

polytope_status polytope_solve (const polytope *p, const mpq_t *c, mpq_t *x, mpq_t value, mpq_t *y) {
  size_t m = p->m, n = p->n;
  /* count slack and artificial columns */
  size_t nslack = 0, nart = 0;
  int *flip = mem_alloc ((m + 1) * sizeof *flip);
  for (size_t i = 0; i < m; i++) {
    int s = mpq_sgn (p->b[i]);
    flip[i] = s < 0;
    polytope_sense se = p->sense[i];
    if (flip[i] && se != POLYTOPE_EQ) se = se == POLYTOPE_LE ? POLYTOPE_GE : POLYTOPE_LE;
    if (se != POLYTOPE_EQ) nslack++;
    if (se != POLYTOPE_LE) nart++;
  }
  tab tb;
  tb.m = m;
  tb.cols = n + nslack + nart + 1;
  tb.nart0 = n + nslack;
  tb.t = mem_alloc ((m + 1) * tb.cols * sizeof *tb.t);
  tb.basis = mem_alloc ((m + 1) * sizeof *tb.basis);
  size_t *ident = mem_alloc ((m + 1) * sizeof *ident); /* the row's initial unit column */
  for (size_t k = 0; k < (m + 1) * tb.cols; k++) mpq_init (tb.t[k]);
  size_t rhs = tb.cols - 1, sl = n, art = tb.nart0;
  for (size_t i = 0; i < m; i++) {
    for (size_t j = 0; j < n; j++) {
      mpq_set (T (&tb, i, j), p->a[i * n + j]);
      if (flip[i]) mpq_neg (T (&tb, i, j), T (&tb, i, j));
    }
    mpq_set (T (&tb, i, rhs), p->b[i]);
    if (flip[i]) mpq_neg (T (&tb, i, rhs), T (&tb, i, rhs));
    polytope_sense se = p->sense[i];
    if (flip[i] && se != POLYTOPE_EQ) se = se == POLYTOPE_LE ? POLYTOPE_GE : POLYTOPE_LE;
    if (se == POLYTOPE_LE) {
      mpq_set_ui (T (&tb, i, sl), 1, 1);
      ident[i] = sl;
      tb.basis[i] = sl++;
    } else {
      if (se == POLYTOPE_GE) mpq_set_si (T (&tb, i, sl++), -1, 1);
      mpq_set_ui (T (&tb, i, art), 1, 1);
      ident[i] = art;
      tb.basis[i] = art++;
    }
  }
  mpq_t tmp, best;
  mpq_init (tmp), mpq_init (best);
  /* phase 1: minimise the sum of the artificials */
  for (size_t i = 0; i < m; i++)
    if (tb.basis[i] >= tb.nart0)
      for (size_t j = 0; j < tb.cols; j++)
        if (j < tb.nart0 || j == rhs) mpq_sub (T (&tb, m, j), T (&tb, m, j), T (&tb, i, j));
  bool bounded = run (&tb, tb.cols - 1, tmp, best);
  assert (bounded);
  (void) bounded;
  polytope_status st = POLYTOPE_OPTIMAL;
  if (mpq_sgn (T (&tb, m, rhs)) != 0) {
    st = POLYTOPE_EMPTY;
    /* Farkas multipliers from the phase-1 reduced costs: an artificial
       column has cost 1, a slack column cost 0 (d = cost - y'.e_i). */
    if (y)
      for (size_t i = 0; i < m; i++) {
        if (ident[i] >= tb.nart0) mpq_set_ui (tmp, 1, 1), mpq_sub (y[i], tmp, T (&tb, m, ident[i]));
        else mpq_neg (y[i], T (&tb, m, ident[i]));
        if (flip[i]) mpq_neg (y[i], y[i]);
      }
    goto done;
  }
  /* drive the artificials (at level 0) out of the basis */
  for (size_t i = 0; i < m; i++) {
    if (tb.basis[i] < tb.nart0) continue;
    for (size_t j = 0; j < tb.nart0; j++)
      if (mpq_sgn (T (&tb, i, j))) {
        pivot (&tb, i, j, tmp);
        break;
      }
  }
  /* phase 2 */
  for (size_t j = 0; j < tb.cols; j++) mpq_set_ui (T (&tb, m, j), 0, 1);
  if (c) {
    for (size_t j = 0; j < n; j++) mpq_set (T (&tb, m, j), c[j]);
    for (size_t i = 0; i < m; i++) {
      size_t bj = tb.basis[i];
      if (bj >= n || !mpq_sgn (c[bj])) continue;
      for (size_t j = 0; j < tb.cols; j++) {
        mpq_mul (tmp, c[bj], T (&tb, i, j));
        mpq_sub (T (&tb, m, j), T (&tb, m, j), tmp);
      }
    }
    if (!run (&tb, tb.nart0, tmp, best)) st = POLYTOPE_UNBOUNDED;
  }
  if (x)
    for (size_t j = 0; j < n; j++) mpq_set_ui (x[j], 0, 1);
  if (x)
    for (size_t i = 0; i < m; i++)
      if (tb.basis[i] < n) mpq_set (x[tb.basis[i]], T (&tb, i, rhs));
  if (value && st == POLYTOPE_OPTIMAL) mpq_neg (value, T (&tb, m, rhs));
  /* optimal duals from the phase-2 reduced costs of the unit columns
     (every unit column has cost 0 there: d = -y'.e_i) */
  if (y)
    for (size_t i = 0; i < m; i++) {
      if (st == POLYTOPE_OPTIMAL) mpq_neg (y[i], T (&tb, m, ident[i]));
      else mpq_set_ui (y[i], 0, 1);
      if (flip[i]) mpq_neg (y[i], y[i]);
    }
done:
  for (size_t k = 0; k < (m + 1) * tb.cols; k++) mpq_clear (tb.t[k]);
  free (tb.t), free (tb.basis), free (flip), free (ident);
  mpq_clear (tmp), mpq_clear (best);
  return st;
}

polytope_status polytope_minimize (const polytope *p, const mpq_t *c, mpq_t *x, mpq_t value) {
  return polytope_solve (p, c, x, value, NULL);
}

bool polytope_feasible (const polytope *p, mpq_t *x) {
  return polytope_minimize (p, NULL, x, NULL) != POLYTOPE_EMPTY;
}

bool polytope_range (const polytope *p, unsigned j, mpq_t lo, mpq_t hi, bool *hi_inf) {
  mpq_t *c = mem_alloc (p->n * sizeof *c);
  for (unsigned k = 0; k < p->n; k++) mpq_init (c[k]), mpq_set_si (c[k], k == j, 1);
  bool ok = polytope_minimize (p, c, NULL, lo) == POLYTOPE_OPTIMAL;
  if (ok) {
    mpq_set_si (c[j], -1, 1);
    polytope_status s = polytope_minimize (p, c, NULL, hi);
    *hi_inf = s == POLYTOPE_UNBOUNDED;
    if (!*hi_inf) mpq_neg (hi, hi);
  }
  for (unsigned k = 0; k < p->n; k++) mpq_clear (c[k]);
  free (c);
  return ok;
}
