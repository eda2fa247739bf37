/* Tests of solver/game/polytope: exact feasibility, witnesses, ranges,
 * optimisation, degenerate and empty systems. */
#include <check.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

#include "base/prng.h"
#include "solver/game/polytope.h"

static void row (polytope *p, const char *const *coef, polytope_sense s, const char *rhs) {
  mpq_t c[8], b;
  for (unsigned j = 0; j < p->n; j++) mpq_init (c[j]), mpq_set_str (c[j], coef[j], 10), mpq_canonicalize (c[j]);
  mpq_init (b), mpq_set_str (b, rhs, 10), mpq_canonicalize (b);
  polytope_add (p, c, s, b);
  for (unsigned j = 0; j < p->n; j++) mpq_clear (c[j]);
  mpq_clear (b);
}

static void eq_str (const mpq_t q, const char *s) {
  char *t = mpq_get_str (NULL, 10, q);
  ck_assert_str_eq (t, s);
  free (t);
}

START_TEST (simplex_beliefs) {
  /* beer-quiche at quiche: duel is a best response iff mu(wimp) >= 1/2 */
  polytope p;
  polytope_init (&p, 2);
  polytope_add_simplex (&p, NULL);
  row (&p, (const char *[]) {"1", "-1"}, POLYTOPE_GE, "0");
  mpq_t x[2], lo, hi;
  mpq_init (x[0]), mpq_init (x[1]), mpq_init (lo), mpq_init (hi);
  ck_assert (polytope_feasible (&p, x));
  mpq_t s;
  mpq_init (s);
  mpq_add (s, x[0], x[1]);
  eq_str (s, "1");
  ck_assert (mpq_cmp (x[0], x[1]) >= 0);
  bool inf = true;
  ck_assert (polytope_range (&p, 0, lo, hi, &inf));
  ck_assert (!inf);
  eq_str (lo, "1/2");
  eq_str (hi, "1");
  ck_assert (polytope_range (&p, 1, lo, hi, &inf));
  eq_str (lo, "0");
  eq_str (hi, "1/2");
  /* add mu(wimp) <= 1/3: empty */
  row (&p, (const char *[]) {"1", "0"}, POLYTOPE_LE, "1/3");
  ck_assert (!polytope_feasible (&p, x));
  ck_assert (!polytope_range (&p, 0, lo, hi, &inf));
  mpq_clear (x[0]), mpq_clear (x[1]), mpq_clear (lo), mpq_clear (hi), mpq_clear (s);
  polytope_clear (&p);
}
END_TEST

START_TEST (simplex_optimum) {
  /* max x + y s.t. x + 2y <= 4, 3x + y <= 6 (optimum (8/5, 6/5), 14/5) */
  polytope p;
  polytope_init (&p, 2);
  row (&p, (const char *[]) {"1", "2"}, POLYTOPE_LE, "4");
  row (&p, (const char *[]) {"3", "1"}, POLYTOPE_LE, "6");
  mpq_t c[2], x[2], v;
  mpq_init (c[0]), mpq_init (c[1]), mpq_init (x[0]), mpq_init (x[1]), mpq_init (v);
  mpq_set_si (c[0], -1, 1), mpq_set_si (c[1], -1, 1);
  ck_assert_int_eq (polytope_minimize (&p, c, x, v), POLYTOPE_OPTIMAL);
  eq_str (x[0], "8/5");
  eq_str (x[1], "6/5");
  eq_str (v, "-14/5");
  /* unbounded: max x s.t. x - y <= 1 */
  polytope_reset (&p);
  row (&p, (const char *[]) {"1", "-1"}, POLYTOPE_LE, "1");
  ck_assert_int_eq (polytope_minimize (&p, c, x, v), POLYTOPE_UNBOUNDED);
  mpq_t lo, hi;
  mpq_init (lo), mpq_init (hi);
  bool inf = false;
  ck_assert (polytope_range (&p, 0, lo, hi, &inf));
  ck_assert (inf);
  eq_str (lo, "0");
  /* negative right-hand sides, >= rows and redundant equalities */
  polytope_reset (&p);
  row (&p, (const char *[]) {"-1", "-1"}, POLYTOPE_LE, "-3");  /* x + y >= 3 */
  row (&p, (const char *[]) {"1", "0"}, POLYTOPE_LE, "1");
  row (&p, (const char *[]) {"2", "2"}, POLYTOPE_EQ, "8");
  row (&p, (const char *[]) {"1", "1"}, POLYTOPE_EQ, "4");
  ck_assert (polytope_range (&p, 1, lo, hi, &inf));
  eq_str (lo, "3");
  eq_str (hi, "4");
  ck_assert (!inf);
  row (&p, (const char *[]) {"0", "1"}, POLYTOPE_GE, "9/2");
  ck_assert (!polytope_feasible (&p, NULL));
  mpq_clear (c[0]), mpq_clear (c[1]), mpq_clear (x[0]), mpq_clear (x[1]), mpq_clear (v);
  mpq_clear (lo), mpq_clear (hi);
  polytope_clear (&p);
}
END_TEST

START_TEST (simplex_degenerate) {
  /* a degenerate vertex (Beale-like cycling example): Bland's rule terminates */
  polytope p;
  polytope_init (&p, 4);
  row (&p, (const char *[]) {"1/4", "-8", "-1", "9"}, POLYTOPE_LE, "0");
  row (&p, (const char *[]) {"1/2", "-12", "-1/2", "3"}, POLYTOPE_LE, "0");
  row (&p, (const char *[]) {"0", "0", "1", "0"}, POLYTOPE_LE, "1");
  mpq_t c[4], v;
  for (int j = 0; j < 4; j++) mpq_init (c[j]);
  mpq_init (v);
  mpq_set_str (c[0], "-3/4", 10), mpq_set_si (c[1], 20, 1), mpq_set_str (c[2], "-1/2", 10), mpq_set_si (c[3], 6, 1);
  mpq_canonicalize (c[0]), mpq_canonicalize (c[2]);
  ck_assert_int_eq (polytope_minimize (&p, c, NULL, v), POLYTOPE_OPTIMAL);
  eq_str (v, "-5/4");
  for (int j = 0; j < 4; j++) mpq_clear (c[j]);
  mpq_clear (v);
  /* the simplex restricted to one kept coordinate */
  polytope_reset (&p);
  bool keep[4] = {false, false, true, false};
  polytope_add_simplex (&p, keep);
  mpq_t x[4];
  for (int j = 0; j < 4; j++) mpq_init (x[j]);
  ck_assert (polytope_feasible (&p, x));
  eq_str (x[2], "1");
  eq_str (x[0], "0");
  for (int j = 0; j < 4; j++) mpq_clear (x[j]);
  polytope_clear (&p);
}
END_TEST

/* ---- cross-check against brute-force vertex enumeration ---------------- */

/* Solves the k x k system M z = r (row-major, copied) exactly; false if singular. */
static bool gauss (unsigned k, const mpq_t *M, const mpq_t *r, mpq_t *z) {
  mpq_t a[16], b[4], t;
  mpq_init (t);
  for (unsigned i = 0; i < k * k; i++) mpq_init (a[i]), mpq_set (a[i], M[i]);
  for (unsigned i = 0; i < k; i++) mpq_init (b[i]), mpq_set (b[i], r[i]);
  bool ok = true;
  for (unsigned c = 0; c < k && ok; c++) {
    unsigned piv = k;
    for (unsigned i = c; i < k; i++)
      if (mpq_sgn (a[i * k + c])) {
        piv = i;
        break;
      }
    if (piv == k) {
      ok = false;
      break;
    }
    for (unsigned j = 0; j < k; j++) mpq_swap (a[c * k + j], a[piv * k + j]);
    mpq_swap (b[c], b[piv]);
    for (unsigned i = 0; i < k; i++) {
      if (i == c || !mpq_sgn (a[i * k + c])) continue;
      mpq_div (t, a[i * k + c], a[c * k + c]);
      for (unsigned j = 0; j < k; j++) {
        mpq_t u;
        mpq_init (u);
        mpq_mul (u, t, a[c * k + j]);
        mpq_sub (a[i * k + j], a[i * k + j], u);
        mpq_clear (u);
      }
      mpq_t u;
      mpq_init (u);
      mpq_mul (u, t, b[c]);
      mpq_sub (b[i], b[i], u);
      mpq_clear (u);
    }
  }
  if (ok)
    for (unsigned i = 0; i < k; i++) mpq_div (z[i], b[i], a[i * k + i]);
  for (unsigned i = 0; i < k * k; i++) mpq_clear (a[i]);
  for (unsigned i = 0; i < k; i++) mpq_clear (b[i]);
  mpq_clear (t);
  return ok;
}

/* Row i of the system at x: sum_j a_ij x_j compared with b_i. */
static int row_cmp (const polytope *p, size_t i, const mpq_t *x) {
  mpq_t s, t;
  mpq_init (s), mpq_init (t);
  for (unsigned j = 0; j < p->n; j++) mpq_mul (t, p->a[i * p->n + j], x[j]), mpq_add (s, s, t);
  int c = mpq_cmp (s, p->b[i]);
  mpq_clear (s), mpq_clear (t);
  return c;
}

static bool feasible_at (const polytope *p, const mpq_t *x) {
  for (unsigned j = 0; j < p->n; j++)
    if (mpq_sgn (x[j]) < 0) return false;
  for (size_t i = 0; i < p->m; i++) {
    int c = row_cmp (p, i, x);
    if ((p->sense[i] == POLYTOPE_LE && c > 0) || (p->sense[i] == POLYTOPE_GE && c < 0) ||
        (p->sense[i] == POLYTOPE_EQ && c != 0))
      return false;
  }
  return true;
}

/* Minimum of c.x over the vertices of the polytope (every choice of n tight
 * constraints among the rows and the bounds x_j >= 0, plus the optional
 * extra row sum_j x_j <= box). Returns the number of feasible vertices. */
static unsigned vertices_min (const polytope *p, const mpq_t *c, const mpq_t box, mpq_t best) {
  unsigned n = p->n, nc = (unsigned) p->m + n + (box ? 1 : 0), found = 0;
  mpq_t M[16], r[4], z[4], v, t;
  for (unsigned i = 0; i < 16; i++) mpq_init (M[i]);
  for (unsigned i = 0; i < 4; i++) mpq_init (r[i]), mpq_init (z[i]);
  mpq_init (v), mpq_init (t);
  for (unsigned mask = 0; mask < 1u << nc; mask++) {
    if ((unsigned) __builtin_popcount (mask) != n) continue;
    unsigned k = 0;
    for (unsigned q = 0; q < nc; q++) {
      if (!(mask >> q & 1)) continue;
      for (unsigned j = 0; j < n; j++) {
        if (q < p->m) mpq_set (M[k * n + j], p->a[q * n + j]);
        else if (q < p->m + n) mpq_set_ui (M[k * n + j], j == q - p->m, 1);
        else mpq_set_ui (M[k * n + j], 1, 1);
      }
      if (q < p->m) mpq_set (r[k], p->b[q]);
      else if (q < p->m + n) mpq_set_ui (r[k], 0, 1);
      else mpq_set (r[k], box);
      k++;
    }
    if (!gauss (n, M, r, z) || !feasible_at (p, z)) continue;
    if (box) {
      mpq_set_ui (t, 0, 1);
      for (unsigned j = 0; j < n; j++) mpq_add (t, t, z[j]);
      if (mpq_cmp (t, box) > 0) continue;
    }
    mpq_set_ui (v, 0, 1);
    for (unsigned j = 0; j < n; j++) mpq_mul (t, c[j], z[j]), mpq_add (v, v, t);
    if (!found++ || mpq_cmp (v, best) < 0) mpq_set (best, v);
  }
  for (unsigned i = 0; i < 16; i++) mpq_clear (M[i]);
  for (unsigned i = 0; i < 4; i++) mpq_clear (r[i]), mpq_clear (z[i]);
  mpq_clear (v), mpq_clear (t);
  return found;
}

/* Checks the certificate y of polytope_solve by its definition. */
static void check_certificate (const polytope *p, const mpq_t *c, polytope_status st, const mpq_t *x, const mpq_t value,
                               const mpq_t *y) {
  mpq_t s, t;
  mpq_init (s), mpq_init (t);
  for (size_t i = 0; i < p->m; i++) {
    if (p->sense[i] == POLYTOPE_LE) ck_assert (mpq_sgn (y[i]) <= 0);
    if (p->sense[i] == POLYTOPE_GE) ck_assert (mpq_sgn (y[i]) >= 0);
  }
  if (st == POLYTOPE_EMPTY) {
    for (unsigned j = 0; j < p->n; j++) {
      mpq_set_ui (s, 0, 1);
      for (size_t i = 0; i < p->m; i++) mpq_mul (t, y[i], p->a[i * p->n + j]), mpq_add (s, s, t);
      ck_assert (mpq_sgn (s) <= 0);
    }
    mpq_set_ui (s, 0, 1);
    for (size_t i = 0; i < p->m; i++) mpq_mul (t, y[i], p->b[i]), mpq_add (s, s, t);
    ck_assert (mpq_sgn (s) > 0);
  } else if (st == POLYTOPE_OPTIMAL) {
    ck_assert (feasible_at (p, x));
    for (unsigned j = 0; j < p->n; j++) {
      mpq_set (s, c[j]);
      for (size_t i = 0; i < p->m; i++) mpq_mul (t, y[i], p->a[i * p->n + j]), mpq_sub (s, s, t);
      ck_assert (mpq_sgn (s) >= 0);
      if (mpq_sgn (x[j]) > 0) ck_assert (mpq_sgn (s) == 0);
    }
    mpq_set_ui (s, 0, 1);
    for (size_t i = 0; i < p->m; i++) {
      mpq_mul (t, y[i], p->b[i]), mpq_add (s, s, t);
      if (row_cmp (p, i, x) != 0) ck_assert (mpq_sgn (y[i]) == 0);
    }
    ck_assert (mpq_equal (s, value));
    mpq_set_ui (s, 0, 1);
    for (unsigned j = 0; j < p->n; j++) mpq_mul (t, c[j], x[j]), mpq_add (s, s, t);
    ck_assert (mpq_equal (s, value));
  }
  mpq_clear (s), mpq_clear (t);
}

START_TEST (simplex_vs_vertices) {
  prng r;
  prng_seed (&r, 20260601);
  unsigned counts[3] = {0, 0, 0};
  mpq_t coef[3], rhs, c[3], x[3], y[4], value, best, box;
  for (int j = 0; j < 3; j++) mpq_init (coef[j]), mpq_init (c[j]), mpq_init (x[j]);
  for (int i = 0; i < 4; i++) mpq_init (y[i]);
  mpq_init (rhs), mpq_init (value), mpq_init (best), mpq_init (box);
  mpq_set_ui (box, 1000000, 1);
  for (int it = 0; it < 600; it++) {
    unsigned n = 1 + (unsigned) prng_below (&r, 3), m = 1 + (unsigned) prng_below (&r, 4);
    polytope p;
    polytope_init (&p, n);
    for (unsigned i = 0; i < m; i++) {
      for (unsigned j = 0; j < n; j++) mpq_set_si (coef[j], prng_range (&r, -3, 3), (unsigned long) prng_range (&r, 1, 2));
      for (unsigned j = 0; j < n; j++) mpq_canonicalize (coef[j]);
      mpq_set_si (rhs, prng_range (&r, -4, 6), 1);
      polytope_sense s = (polytope_sense) prng_below (&r, 3);
      if (s == POLYTOPE_EQ && prng_chance (&r, 1, 2)) s = POLYTOPE_LE;
      polytope_add (&p, coef, s, rhs);
    }
    for (unsigned j = 0; j < n; j++) mpq_set_si (c[j], prng_range (&r, -3, 3), 1);
    polytope_status st = polytope_solve (&p, c, x, value, y);
    counts[st]++;
    check_certificate (&p, c, st, x, value, y);
    unsigned nv = vertices_min (&p, c, NULL, best);
    if (st == POLYTOPE_EMPTY) {
      ck_assert_uint_eq (nv, 0);
    } else if (st == POLYTOPE_OPTIMAL) {
      ck_assert_uint_gt (nv, 0);
      ck_assert (mpq_equal (best, value));
    } else {
      /* unbounded: the box's optimum beats every vertex of the polytope */
      ck_assert (feasible_at (&p, x));
      ck_assert_uint_gt (vertices_min (&p, c, box, value), 0);
      if (nv) ck_assert (mpq_cmp (value, best) < 0);
      mpq_set_si (best, -100000, 1);
      ck_assert (mpq_cmp (value, best) < 0);
    }
    polytope_clear (&p);
  }
  /* the sample covers the three outcomes */
  ck_assert_uint_gt (counts[POLYTOPE_EMPTY], 50);
  ck_assert_uint_gt (counts[POLYTOPE_OPTIMAL], 50);
  ck_assert_uint_gt (counts[POLYTOPE_UNBOUNDED], 50);
  for (int j = 0; j < 3; j++) mpq_clear (coef[j]), mpq_clear (c[j]), mpq_clear (x[j]);
  for (int i = 0; i < 4; i++) mpq_clear (y[i]);
  mpq_clear (rhs), mpq_clear (value), mpq_clear (best), mpq_clear (box);
}
END_TEST

START_TEST (simplex_duals_example) {
  /* max x + y s.t. x + 2y <= 4, 3x + y <= 6: duals (as a min of -x-y) -2/5, -1/5 */
  polytope p;
  polytope_init (&p, 2);
  row (&p, (const char *[]) {"1", "2"}, POLYTOPE_LE, "4");
  row (&p, (const char *[]) {"3", "1"}, POLYTOPE_LE, "6");
  mpq_t c[2], x[2], v, y[2];
  mpq_init (c[0]), mpq_init (c[1]), mpq_init (x[0]), mpq_init (x[1]), mpq_init (v), mpq_init (y[0]), mpq_init (y[1]);
  mpq_set_si (c[0], -1, 1), mpq_set_si (c[1], -1, 1);
  ck_assert_int_eq (polytope_solve (&p, c, x, v, y), POLYTOPE_OPTIMAL);
  eq_str (y[0], "-2/5");
  eq_str (y[1], "-1/5");
  /* x + y >= 5 makes it empty: Farkas multipliers */
  row (&p, (const char *[]) {"1", "1"}, POLYTOPE_GE, "5");
  mpq_t y3[3];
  for (int i = 0; i < 3; i++) mpq_init (y3[i]);
  ck_assert_int_eq (polytope_solve (&p, c, x, v, y3), POLYTOPE_EMPTY);
  check_certificate (&p, c, POLYTOPE_EMPTY, x, v, y3);
  for (int i = 0; i < 3; i++) mpq_clear (y3[i]);
  mpq_clear (c[0]), mpq_clear (c[1]), mpq_clear (x[0]), mpq_clear (x[1]), mpq_clear (v), mpq_clear (y[0]), mpq_clear (y[1]);
  polytope_clear (&p);
}
END_TEST

START_TEST (contract_zero_vars) {
  polytope p;
  polytope_init (&p, 0);
}
END_TEST

Suite *polytope_suite (void) {
  Suite *s = suite_create ("polytope");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 10);
  tcase_add_test (tc, simplex_beliefs);
  tcase_add_test (tc, simplex_optimum);
  tcase_add_test (tc, simplex_degenerate);
  tcase_add_test (tc, simplex_duals_example);
  tcase_add_test (tc, simplex_vs_vertices);
  suite_add_tcase (s, tc);
  TCase *tk = tcase_create ("contract");
  tcase_set_timeout (tk, 10);
  tcase_add_test_raise_signal (tk, contract_zero_vars, SIGABRT);
  suite_add_tcase (s, tk);
  return s;
}
