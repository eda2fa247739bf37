/* Tests of orchestrate/verifyrun: the instance files of a directory (sorted,
 * *.qdimacs only), and -j rows equal to the sequential ones. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/verifyrun.h"
#include "tests/testutil.h"

START_TEST (collect_sorted) {
  char *d = tu_tmpdir ();
  free (tu_write (d, "b.qdimacs", "p cnf 1 1\ne 1 0\n1 0\n"));
  free (tu_write (d, "a.qdimacs", "p cnf 2 2\na 1 0\ne 2 0\n1 2 0\n1 0\n"));
  free (tu_write (d, "notes.txt", "x\n"));
  size_t n;
  char **v = verifyrun_collect (d, &n);
  ck_assert_uint_eq (n, 2);
  char want[600];
  snprintf (want, sizeof want, "%s/a.qdimacs", d);
  ck_assert_str_eq (v[0], want);
  snprintf (want, sizeof want, "%s/b.qdimacs", d);
  ck_assert_str_eq (v[1], want);
  verify_opts o;
  verify_opts_init (&o);
  o.no_commitment = true;
  verify_row seq[2], par[2];
  verifyrun_all (v, n, &o, seq, 1, NULL);
  verifyrun_all (v, n, &o, par, 2, NULL);
  for (size_t i = 0; i < n; i++) {
    ck_assert_str_eq (seq[i].file, par[i].file);
    ck_assert_str_eq (seq[i].qbf_value, par[i].qbf_value);
    ck_assert_int_eq (seq[i].agree, par[i].agree);
  }
  ck_assert_str_eq (seq[0].qbf_value, "0"); /* forall x exists y. (x | y) & x */
  ck_assert_str_eq (seq[1].qbf_value, "1"); /* exists x. x */
  for (size_t i = 0; i < n; i++) free (v[i]);
  free (v);
  char **one = verifyrun_collect ("/nonexistent.qdimacs", &n);
  ck_assert_uint_eq (n, 1);
  ck_assert_str_eq (one[0], "/nonexistent.qdimacs");
  free (one[0]), free (one);
  tu_rmdir (d), free (d);
}
END_TEST

/* A readable directory without *.qdimacs files: an empty list, not NULL
 * (NULL is "cannot read", which printed strerror of errno 0: "Success"). */
START_TEST (collect_none) {
  char *d = tu_tmpdir ();
  free (tu_write (d, "a.txt", "x\n"));
  size_t n = 7;
  char **v = verifyrun_collect (d, &n);
  ck_assert_ptr_nonnull (v);
  ck_assert_uint_eq (n, 0);
  free (v);
  tu_rmdir (d), free (d);
}
END_TEST

Suite *verifyrun_suite (void) {
  Suite *s = suite_create ("verifyrun");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, collect_sorted);
  tcase_add_test (tc, collect_none);
  suite_add_tcase (s, tc);
  return s;
}
