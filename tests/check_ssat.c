/* Tests of the exact SSAT solver: hand values, agreement with the reference
 * evaluator on 300 random SSAT formulas and on plain QBF, limits. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/rat.h"
#include "instances/qbfgen.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/ssat.h"
#include "tests/testutil.h"


static void expect_value (const char *text, const char *value) {
  qbf *f = tu_qbf (text);
  mpq_t v;
  mpq_init (v);
  ck_assert_int_eq (ssat_solve (v, f, NULL, 1 << 20, NULL), 1);
  char *s = rat_to_str (v);
  ck_assert_msg (!strcmp (s, value), "value %s, expected %s for:\n%s", s, value, text);
  free (s);
  mpq_clear (v);
  qbf_free (f);
}

START_TEST (hand_values) {
  expect_value ("p cnf 1 1\nr 1/2 1 0\n1 0\n", "1/2");
  expect_value ("p cnf 2 2\ne 2 0\nr 1/3 1 0\n1 2 0\n-1 -2 0\n", "2/3");
  expect_value ("p cnf 2 2\nr 1/3 1 0\ne 2 0\n1 2 0\n-1 -2 0\n", "1");
  expect_value ("p cnf 2 1\nr 1/4 1 0\nr 0.5 2 0\n1 2 0\n", "5/8");
  expect_value ("p cnf 3 1\na 1 0\nr 1/2 2 0\ne 3 0\n1 2 0\n", "1/2");
  expect_value ("p cnf 3 2\ne 2 0\na 1 0\ne 3 0\n1 -2 0\n-1 2 0\n", "0");
  expect_value ("p cnf 1 1\ne 1 0\n0\n", "0");
  expect_value ("p cnf 0 0\n", "1");
  /* three coins, at least two heads (majority), P = 1/3 each: 3*(1/9)(2/3) + 1/27 = 7/27 */
  expect_value ("p cnf 3 3\nr 1/3 1 2 3 0\n1 2 0\n1 3 0\n2 3 0\n", "7/27");
}
END_TEST

static void random_params (qbfgen_random *p, unsigned seed, unsigned maxvars) {
  memset (p, 0, sizeof *p);
  p->nblocks = 2 + seed % 4;
  p->first_forall = p->nblocks % 2 == 0;
  unsigned total = 0;
  for (unsigned b = 0; b < p->nblocks; b++) {
    p->block_vars[b] = 2 + (seed * 5 + b * 3) % 4;
    total += p->block_vars[b];
  }
  while (total > maxvars) total -= p->block_vars[0] - 1, p->block_vars[0] = 1;
  for (unsigned b = 0; b < p->nblocks; b++) {
    p->block_lits[b] = b + 1 == p->nblocks ? 2 : 1;
    if (p->block_lits[b] > p->block_vars[b]) p->block_lits[b] = p->block_vars[b];
  }
  p->nclauses = total + total / 2 + seed % 9;
}

/* 300 random SSAT formulas (and as many plain QBF) of at most 18 variables:
 * the solver agrees with the reference evaluator exactly, with and without cache. */
START_TEST (agrees_with_evaluator) {
  int fractional = 0;
  for (unsigned seed = 1; seed <= 300; seed++) {
    for (int ssat = 0; ssat < 2; ssat++) {
      qbfgen_random p;
      random_params (&p, seed, 18);
      p.random_blocks = ssat;
      qbf *f = qbfgen_random_formula (&p, seed);
      ck_assert_ptr_nonnull (f);
      mpq_t ref, v, w;
      mpq_inits (ref, v, w, NULL);
      ck_assert (eval_value (ref, f));
      ck_assert_int_eq (ssat_solve (v, f, NULL, 1 << 20, NULL), 1);
      ck_assert_int_eq (ssat_solve (w, f, NULL, 0, NULL), 1); /* no cache */
      ck_assert_msg (mpq_equal (v, ref) && mpq_equal (w, ref), "seed %u ssat %d: %s vs reference %s", seed, ssat,
                     mpq_get_str (NULL, 10, v), mpq_get_str (NULL, 10, ref));
      if (ssat && mpq_sgn (ref) && mpq_cmp_ui (ref, 1, 1)) fractional++;
      mpq_clears (ref, v, w, NULL);
      qbf_free (f);
    }
  }
  ck_assert_int_gt (fractional, 50); /* the sample exercises real expectations */
}
END_TEST

START_TEST (beyond_evaluator) {
  /* 40 coins, at least one head, P = 1/2: 1 - 2^-40 */
  char text[1024] = "p cnf 40 1\nr 1/2";
  for (int v = 1; v <= 40; v++) snprintf (text + strlen (text), sizeof text - strlen (text), " %d", v);
  strcat (text, " 0\n");
  for (int v = 1; v <= 40; v++) snprintf (text + strlen (text), sizeof text - strlen (text), "%d ", v);
  strcat (text, "0\n");
  expect_value (text, "1099511627775/1099511627776");
}
END_TEST

/* The cache is allocated lazily: a tiny search under the default 64 MB
 * budget keeps the first 1024 slots; a larger one grows the table, within
 * its budget, and keeps the value of the search without cache. */
START_TEST (cache_grows_lazily) {
  qbf *f = tu_qbf ("p cnf 3 3\nr 1/3 1 2 3 0\n1 2 0\n1 3 0\n2 3 0\n");
  mpq_t v, w;
  mpq_inits (v, w, NULL);
  ssat_stats st;
  ck_assert_int_eq (ssat_solve (v, f, NULL, SSAT_DEFAULT_CACHE, &st), 1);
  ck_assert_uint_eq (st.cache_entries, 1024);
  qbf_free (f);
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  p.nblocks = 3, p.block_vars[0] = 10, p.block_vars[1] = 10, p.block_vars[2] = 10;
  p.block_lits[0] = 1, p.block_lits[1] = 1, p.block_lits[2] = 3;
  p.nclauses = 90, p.random_blocks = true;
  f = qbfgen_random_formula (&p, 3);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (ssat_solve (v, f, NULL, SSAT_DEFAULT_CACHE, &st), 1);
  ck_assert_msg (st.cache_entries > 1024 && st.cache_stores > 1024, "entries %zu stores %llu", st.cache_entries,
                 (unsigned long long) st.cache_stores);
  ck_assert_int_eq (ssat_solve (w, f, NULL, 0, NULL), 1);
  ck_assert (mpq_equal (v, w));
  /* a 64 KB budget: at most 64 KB / (24 + 8 key words + 48) slots, and the same value */
  ck_assert_int_eq (ssat_solve (w, f, NULL, 1 << 16, &st), 1);
  ck_assert (mpq_equal (v, w));
  ck_assert_uint_le (st.cache_entries, (1 << 16) / 80);
  mpq_clears (v, w, NULL);
  qbf_free (f);
}
END_TEST

START_TEST (node_limit_unknown) {
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  p.nblocks = 3, p.block_vars[0] = 20, p.block_vars[1] = 20, p.block_vars[2] = 20;
  p.block_lits[0] = 1, p.block_lits[1] = 1, p.block_lits[2] = 2;
  p.nclauses = 150, p.random_blocks = true;
  qbf *f = qbfgen_random_formula (&p, 5);
  ck_assert_ptr_nonnull (f);
  scnfg_limits lim;
  limits_init (&lim);
  lim.max_nodes = 50;
  mpq_t v;
  mpq_init (v);
  ssat_stats st;
  ck_assert_int_eq (ssat_solve (v, f, &lim, 1 << 20, &st), 0);
  ck_assert_uint_le (st.nodes, 51);
  mpq_clear (v);
  qbf_free (f);
}
END_TEST

Suite *ssat_suite (void) {
  Suite *s = suite_create ("ssat");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, hand_values);
  tcase_add_test (tc, agrees_with_evaluator);
  tcase_add_test (tc, beyond_evaluator);
  tcase_add_test (tc, cache_grows_lazily);
  suite_add_tcase (s, tc);
  TCase *lim = tcase_create ("limits");
  tcase_set_timeout (lim, 30);
  tcase_add_test (lim, node_limit_unknown);
  suite_add_tcase (s, lim);
  return s;
}
