/* Tests of the reference evaluator: hand-computed QBF and SSAT values, and
 * agreement with depqbf on seeded random formulas of at most 20 variables. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "instances/qbfgen.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"


static void expect_value (const char *text, const char *value) {
  qbf *f = tu_qbf (text);
  mpq_t v;
  mpq_init (v);
  ck_assert (eval_value (v, f));
  char *s = rat_to_str (v);
  ck_assert_msg (!strcmp (s, value), "value %s, expected %s for:\n%s", s, value, text);
  free (s);
  mpq_clear (v);
  qbf_free (f);
}

START_TEST (hand_values) {
  /* r 1/2 x. x = 1/2 */
  expect_value ("p cnf 1 1\nr 1/2 1 0\n1 0\n", "1/2");
  /* exists y, r 1/3 x. (x | y) & (-x | -y) = max(P(x), P(-x)) = 2/3 */
  expect_value ("p cnf 2 2\ne 2 0\nr 1/3 1 0\n1 2 0\n-1 -2 0\n", "2/3");
  /* r 1/3 x, exists y. same matrix: y = -x always works: 1 */
  expect_value ("p cnf 2 2\nr 1/3 1 0\ne 2 0\n1 2 0\n-1 -2 0\n", "1");
  /* forall x exists y. x <-> y is true; exists y forall x. x <-> y is false */
  expect_value ("p cnf 2 2\na 1 0\ne 2 0\n1 -2 0\n-1 2 0\n", "1");
  expect_value ("p cnf 3 2\ne 2 0\na 1 0\ne 3 0\n1 -2 0\n-1 2 0\n", "0");
  /* two coins: P(x1 | x2) with P = 1/4, 0.5: 1 - 3/4 * 1/2 = 5/8 */
  expect_value ("p cnf 2 1\nr 1/4 1 0\nr 0.5 2 0\n1 2 0\n", "5/8");
  /* forall over randomness: forall u r 1/2 x. (u | x) = min(1, 1/2) = 1/2 */
  expect_value ("p cnf 3 1\na 1 0\nr 1/2 2 0\ne 3 0\n1 2 0\n", "1/2");
  /* empty clause: 0; no clauses: 1 */
  expect_value ("p cnf 1 1\ne 1 0\n0\n", "0");
  expect_value ("p cnf 0 0\n", "1");
}
END_TEST

START_TEST (too_many_variables) {
  int vars[21];
  for (int i = 0; i < 21; i++) vars[i] = i + 1;
  qbf *f = qbf_new (21, 0);
  qbf_add_block (f, QBF_EXISTS, vars, 21, NULL);
  qbf_finish (f);
  mpq_t v;
  mpq_init (v);
  mpq_set_ui (v, 7, 1);
  ck_assert (!eval_value (v, f));
  ck_assert_int_eq (mpq_cmp_ui (v, 7, 1), 0);
  mpq_clear (v);
  qbf_free (f);
}
END_TEST

/* Runs depqbf on f; returns 10 (true) or 20 (false). */
static int depqbf (const qbf *f, const char *dir) {
  char path[4200];
  snprintf (path, sizeof path, "%s/f.qdimacs", dir);
  FILE *out = fopen (path, "w");
  ck_assert (qdimacs_write (out, f));
  fclose (out);
  return tu_sh (NULL, NULL, "depqbf '%s'", path);
}

/* 500 seeded random formulas: 2-5 blocks, at most 20 variables. */
START_TEST (agrees_with_depqbf) {
  char *dir = tu_tmpdir ();
  int trues = 0, falses = 0;
  for (unsigned seed = 1; seed <= 500; seed++) {
    qbfgen_random p = {0};
    p.nblocks = 2 + seed % 4;
    p.first_forall = p.nblocks % 2 == 0; /* innermost block existential */
    unsigned total = 0;
    for (unsigned b = 0; b < p.nblocks; b++) {
      p.block_vars[b] = 2 + (seed * 7 + b * 3) % 4; /* 2..5 */
      total += p.block_vars[b];
    }
    while (total > 20) total -= p.block_vars[0] - 1, p.block_vars[0] = 1;
    unsigned lits = 0;
    for (unsigned b = 0; b < p.nblocks; b++) {
      p.block_lits[b] = b + 1 == p.nblocks ? 2 : 1;
      if (p.block_lits[b] > p.block_vars[b]) p.block_lits[b] = p.block_vars[b];
      lits += p.block_lits[b];
    }
    (void) lits;
    p.nclauses = total * 2 + seed % 7;
    qbf *f = qbfgen_random_formula (&p, seed);
    ck_assert_msg (f != NULL, "generator refused seed %u", seed);
    ck_assert_uint_le (qbf_num_quantified (f), 20);
    mpq_t v;
    mpq_init (v);
    ck_assert (eval_value (v, f));
    int ref = depqbf (f, dir);
    ck_assert_msg (ref == 10 || ref == 20, "depqbf exit %d", ref);
    int mine = mpq_sgn (v) ? 10 : 20;
    ck_assert_msg (mine == ref, "seed %u: evaluator %d, depqbf %d", seed, mine, ref);
    trues += mine == 10, falses += mine == 20;
    mpq_clear (v);
    qbf_free (f);
  }
  /* the sample must exercise both answers */
  ck_assert_int_gt (trues, 50);
  ck_assert_int_gt (falses, 50);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *eval_suite (void) {
  Suite *s = suite_create ("eval");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, hand_values);
  tcase_add_test (tc, too_many_variables);
  tcase_add_test (tc, agrees_with_depqbf);
  suite_add_tcase (s, tc);
  return s;
}
