/* Tests of the policy DAG (solver/model/pdag): hash consing, the collapse of
 * a branch with equal kids, topological ids, the node budget, the root. */
#include <check.h>

#include "solver/model/pdag.h"

START_TEST (consing) {
  pdag *d = pdag_new (0);
  ck_assert_int_eq (pdag_root (d), -1);
  int a = pdag_choice (d, 5, 1, PDAG_ANY);
  ck_assert_int_eq (a, 1);
  ck_assert_int_eq (pdag_choice (d, 5, 1, PDAG_ANY), a); /* shared */
  int b = pdag_choice (d, 5, 0, PDAG_ANY);
  ck_assert_int_eq (b, 2);
  ck_assert_int_eq (pdag_branch (d, 4, a, a), a); /* the move does not matter */
  int c = pdag_branch (d, 4, a, b);
  ck_assert_int_eq (c, 3);
  ck_assert_int_eq (pdag_branch (d, 4, a, b), c);
  ck_assert_int_ne (pdag_branch (d, 4, b, a), c);
  int e = pdag_choice (d, 3, 0, c);
  ck_assert_int_gt (e, c); /* children are older */
  const pdag_node *n = pdag_node_at (d, e);
  ck_assert_int_eq (n->var, 3);
  ck_assert_int_eq (n->act, 0);
  ck_assert_int_eq (n->kid[0], c);
  ck_assert_int_eq (n->kid[1], PDAG_ANY);
  n = pdag_node_at (d, c);
  ck_assert_int_eq (n->act, -1);
  ck_assert_int_eq (n->kid[0], a);
  ck_assert_int_eq (n->kid[1], b);
  ck_assert_uint_eq (pdag_size (d), 5);
  /* many distinct nodes: the table grows and still finds every one */
  int prev = e;
  for (int i = 0; i < 5000; i++) prev = pdag_choice (d, 100 + i, i & 1, prev);
  ck_assert_uint_eq (pdag_size (d), 5005);
  ck_assert_int_eq (pdag_choice (d, 100, 0, e), 6);
  ck_assert (!pdag_full (d));
  pdag_set_root (d, prev);
  ck_assert_int_eq (pdag_root (d), 5005);
  pdag_free (d);
}
END_TEST

START_TEST (budget) {
  pdag *d = pdag_new (2);
  int a = pdag_choice (d, 1, 1, PDAG_ANY), b = pdag_choice (d, 1, 0, PDAG_ANY);
  ck_assert_int_eq (pdag_choice (d, 1, 1, PDAG_ANY), a); /* an existing node is still found */
  ck_assert (!pdag_full (d));
  ck_assert_int_eq (pdag_branch (d, 2, a, b), PDAG_ANY); /* a third: over the budget */
  ck_assert (pdag_full (d));
  ck_assert_int_eq (pdag_choice (d, 1, 1, PDAG_ANY), PDAG_ANY); /* full: nothing any more */
  ck_assert_uint_eq (pdag_size (d), 2);
  pdag_free (d);
  pdag_free (NULL);
}
END_TEST

Suite *pdag_suite (void) {
  Suite *s = suite_create ("pdag");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, consing);
  tcase_add_test (tc, budget);
  suite_add_tcase (s, tc);
  return s;
}
