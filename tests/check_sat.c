/* Tests of solver/sat/sat: the PicoSAT wrapper (assumptions, cores, limits, accounting). */
#include <check.h>
#include <signal.h>
#include <stdlib.h>

#include "base/limits.h"
#include "solver/sat/sat.h"

static void add2 (sat *s, int a, int b) {
  int c[2] = { a, b };
  sat_add_clause (s, c, 2);
}

/* Pigeonhole: n+1 pigeons, n holes (UNSAT, hard for resolution). */
static sat *php (int n, sat_acct *acct, const scnfg_limits *lim) {
  sat *s = sat_new (acct, lim);
  int p = n + 1;
  for (int i = 0; i < p * n; i++) sat_new_var (s);
  int *c = malloc ((size_t) n * sizeof *c);
  for (int i = 0; i < p; i++) {
    for (int j = 0; j < n; j++) c[j] = i * n + j + 1;
    sat_add_clause (s, c, (unsigned) n);
  }
  for (int j = 0; j < n; j++)
    for (int i = 0; i < p; i++)
      for (int k = i + 1; k < p; k++) add2 (s, -(i * n + j + 1), -(k * n + j + 1));
  free (c);
  return s;
}

START_TEST (sat_basic) {
  sat *s = sat_new (NULL, NULL);
  ck_assert_int_eq (sat_new_var (s), 1);
  ck_assert_int_eq (sat_new_var (s), 2);
  ck_assert_int_eq (sat_new_var (s), 3);
  ck_assert_int_eq (sat_num_vars (s), 3);
  add2 (s, 1, 2);
  add2 (s, -1, 3);
  int a[2] = { -2, -3 };
  ck_assert_int_eq (sat_solve (s, a, 2, 0), SAT_UNSAT);
  unsigned n;
  const int *f = sat_failed (s, &n);
  ck_assert_uint_eq (n, 2); /* both assumptions are needed */
  ck_assert (f[0] == -2 || f[0] == -3);
  ck_assert (f[1] == -2 || f[1] == -3);
  ck_assert_int_ne (f[0], f[1]);
  int b[1] = { -2 };
  ck_assert_int_eq (sat_solve (s, b, 1, 0), SAT_SAT);
  ck_assert_int_eq (sat_value (s, 1), 1);
  ck_assert_int_eq (sat_value (s, 2), -1);
  ck_assert_int_eq (sat_value (s, 3), 1);
  /* assumptions are forgotten after a call */
  ck_assert_int_eq (sat_solve (s, NULL, 0, 0), SAT_SAT);
  int u[1] = { -1 };
  sat_add_clause (s, u, 1);
  int c[1] = { -2 };
  ck_assert_int_eq (sat_solve (s, c, 1, 0), SAT_UNSAT);
  f = sat_failed (s, &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_int_eq (f[0], -2);
  sat_add_clause (s, NULL, 0);
  ck_assert_int_eq (sat_solve (s, NULL, 0, 0), SAT_UNSAT);
  sat_failed (s, &n);
  ck_assert_uint_eq (n, 0);
  sat_free (s);
  sat_free (NULL);
}
END_TEST

START_TEST (sat_core_is_subset) {
  /* x_i -> y, assumptions x_1..x_5 and -y: every core contains -y */
  sat *s = sat_new (NULL, NULL);
  for (int i = 0; i < 6; i++) sat_new_var (s);
  for (int i = 1; i <= 5; i++) add2 (s, -i, 6);
  int a[6] = { 1, 2, 3, 4, 5, -6 };
  ck_assert_int_eq (sat_solve (s, a, 6, 0), SAT_UNSAT);
  unsigned n;
  const int *f = sat_failed (s, &n);
  ck_assert_uint_ge (n, 2);
  ck_assert_uint_le (n, 6);
  int has_y = 0;
  for (unsigned i = 0; i < n; i++) has_y |= f[i] == -6;
  ck_assert (has_y);
  sat_free (s);
}
END_TEST

START_TEST (sat_propagation_limit_rearmed) {
  sat *s = php (9, NULL, NULL);
  ck_assert_int_eq (sat_solve (s, NULL, 0, 1000), SAT_UNKNOWN);
  uint64_t p = sat_propagations (s);
  ck_assert_uint_ge (p, 1000);
  /* the limit counts from this call, not from the start */
  ck_assert_int_eq (sat_solve (s, NULL, 0, 1000), SAT_UNKNOWN);
  ck_assert_uint_gt (sat_propagations (s), p);
  sat_free (s);
  sat *t = php (4, NULL, NULL);
  ck_assert_int_eq (sat_solve (t, NULL, 0, 0), SAT_UNSAT);
  sat_free (t);
}
END_TEST

START_TEST (sat_deadline) {
  scnfg_limits lim;
  limits_init (&lim);
  lim.timeout = 0.2;
  limits_start (&lim);
  sat *s = php (12, NULL, &lim);
  double t0 = limits_now ();
  ck_assert_int_eq (sat_solve (s, NULL, 0, 0), SAT_UNKNOWN);
  ck_assert (limits_now () - t0 < 2.0);
  sat_free (s);
}
END_TEST

START_TEST (sat_memory) {
  sat_acct acct = { 0, 0 };
  sat *s = php (6, &acct, NULL);
  ck_assert_uint_gt (acct.bytes, 1000);
  ck_assert_uint_ge (acct.peak, acct.bytes);
  sat_free (s);
  ck_assert_uint_eq (acct.bytes, 0);
  /* a memory budget interrupts the search */
  scnfg_limits lim;
  limits_init (&lim);
  lim.max_mem = 1;
  sat_acct a2 = { 0, 0 };
  sat *t = php (10, &a2, &lim);
  ck_assert_int_eq (sat_solve (t, NULL, 0, 0), SAT_UNKNOWN);
  sat_free (t);
}
END_TEST

START_TEST (sat_value_after_unsat_aborts) {
  sat *s = sat_new (NULL, NULL);
  sat_new_var (s);
  sat_add_clause (s, NULL, 0);
  sat_solve (s, NULL, 0, 0);
  sat_value (s, 1);
}
END_TEST

START_TEST (sat_failed_after_sat_aborts) {
  sat *s = sat_new (NULL, NULL);
  sat_new_var (s);
  sat_solve (s, NULL, 0, 0);
  unsigned n;
  sat_failed (s, &n);
}
END_TEST

START_TEST (sat_unknown_var_aborts) {
  sat *s = sat_new (NULL, NULL);
  int c[1] = { 2 };
  sat_add_clause (s, c, 1);
}
END_TEST

Suite *sat_suite (void) {
  Suite *su = suite_create ("sat");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 20);
  tcase_add_test (tc, sat_basic);
  tcase_add_test (tc, sat_core_is_subset);
  suite_add_tcase (su, tc);
  tc = tcase_create ("limits");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, sat_propagation_limit_rearmed);
  tcase_add_test (tc, sat_deadline);
  tcase_add_test (tc, sat_memory);
  suite_add_tcase (su, tc);
  tc = tcase_create ("contract");
  tcase_set_timeout (tc, 10);
  tcase_add_test_raise_signal (tc, sat_value_after_unsat_aborts, SIGABRT);
  tcase_add_test_raise_signal (tc, sat_failed_after_sat_aborts, SIGABRT);
  tcase_add_test_raise_signal (tc, sat_unknown_var_aborts, SIGABRT);
  suite_add_tcase (su, tc);
  return su;
}
