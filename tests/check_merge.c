/* Tests of orchestrate/merge: CSV rows joined, sorted field by field
 * (numbers numerically), duplicates removed; a header mismatch and a
 * missing part are errors with their exact message. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/merge.h"
#include "tests/testutil.h"

START_TEST (csv_sorted_unique) {
  char *d = tu_tmpdir ();
  char *a = tu_write (d, "a.csv", "f,n,x\nr,10,a\nr,9,b\n");
  char *b = tu_write (d, "b.csv", "f,n,x\nr,9,b\nq,100,\"c,d\"\n");
  char out[600];
  snprintf (out, sizeof out, "%s/m.csv", d);
  char *in[2] = {a, b};
  ck_assert_int_eq (merge_csv (out, in, 2, stderr), MERGE_OK);
  char *t = tu_slurp (out);
  ck_assert_str_eq (t, "f,n,x\nq,100,\"c,d\"\nr,9,b\nr,10,a\n");
  free (t);
  char *c = tu_write (d, "c.csv", "f,n\nr,1\n");
  char *in2[2] = {a, c};
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  ck_assert_int_eq (merge_csv (out, in2, 2, m), MERGE_BAD);
  fclose (m);
  char want[1400];
  snprintf (want, sizeof want, "%s:1: header differs from %s's\n", c, a);
  ck_assert_str_eq (buf, want);
  free (buf), free (a), free (b), free (c);
  tu_rmdir (d), free (d);
}
END_TEST

/* Parts with a header and no rows (tests/data/merge/header-only.csv; issue
 * 14's audit, fuzz_merge's first input: qsort (NULL, 0, ...) under UBSan)
 * merge into the header. */
START_TEST (csv_header_only) {
  char *d = tu_tmpdir ();
  char *h = tu_path ("tests/data/merge/header-only.csv");
  char *want = tu_slurp (h);
  char out[600];
  snprintf (out, sizeof out, "%s/m.csv", d);
  char *in[2] = {h, h};
  ck_assert_int_eq (merge_csv (out, in, 2, stderr), MERGE_OK);
  char *t = tu_slurp (out);
  ck_assert_str_eq (t, want);
  ck_assert_ptr_nonnull (strstr (t, "file,family,size"));
  free (t), free (want), free (h);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (dirs_need_finished_parts) {
  char *d = tu_tmpdir ();
  char out[600], part[600];
  snprintf (out, sizeof out, "%s/out", d);
  snprintf (part, sizeof part, "%s/nopart", d);
  char *in[1] = {part};
  char *buf = NULL, *lbuf = NULL;
  size_t len = 0, llen = 0;
  FILE *m = open_memstream (&buf, &len), *l = open_memstream (&lbuf, &llen);
  ck_assert_int_eq (merge_dirs (out, in, 1, l, m), MERGE_BAD);
  fclose (m), fclose (l);
  char want[1400];
  snprintf (want, sizeof want, "%s/params: missing (not a finished part?)\n", part);
  ck_assert_str_eq (buf, want);
  ck_assert_uint_eq (llen, 0);
  free (buf), free (lbuf);
  tu_rmdir (d), free (d);
}
END_TEST

Suite *merge_suite (void) {
  Suite *s = suite_create ("merge");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, csv_sorted_unique);
  tcase_add_test (tc, csv_header_only);
  tcase_add_test (tc, dirs_need_finished_parts);
  suite_add_tcase (s, tc);
  return s;
}
