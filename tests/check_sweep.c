/* Tests of orchestrate/sweep: the swept parameter with its exact errors, the
 * CSV of a tiny sweep (one side, exact columns), the emitted job lines. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/sweep.h"
#include "tests/testutil.h"

static void args_init (sweep_args *a, const char *family) {
  memset (a, 0, sizeof *a);
  a->family = family;
  a->fam = suite_family_lookup (family);
  a->size = 20, a->count = 1, a->ratio = suite_default_ratio (a->fam);
  suite_opts_init (&a->o);
}

START_TEST (param) {
  sweep_args a;
  char msg[200];
  args_init (&a, "random");
  ck_assert (sweep_set_param (&a, "ratio=6..10:2", msg, sizeof msg));
  ck_assert (a.by_ratio && a.lo == 6000 && a.hi == 10000 && a.step == 2000);
  ck_assert_str_eq (a.step_text, "2");
  ck_assert (sweep_set_param (&a, "size=2..4:1", msg, sizeof msg));
  ck_assert (!a.by_ratio && a.lo == 2 && a.hi == 4 && a.step == 1);
  ck_assert (!sweep_set_param (&a, "foo=1..2:1", msg, sizeof msg));
  ck_assert_str_eq (msg, "--param NAME is ratio or size");
  ck_assert (!sweep_set_param (&a, "ratio=1..2", msg, sizeof msg));
  ck_assert_str_eq (msg, "bad --param 'ratio=1..2' (NAME=A..B:STEP)");
  ck_assert (!sweep_set_param (&a, "size=0..2:1", msg, sizeof msg));
  ck_assert_str_eq (msg, "bad --param 'size=0..2:1' (size=A..B:STEP, integers)");
  args_init (&a, "kbkf");
  ck_assert (!sweep_set_param (&a, "ratio=1..2:1", msg, sizeof msg));
  ck_assert_str_eq (msg, "family kbkf has no ratio");
}
END_TEST

START_TEST (csv_of_a_size_sweep) {
  char *d = tu_tmpdir ();
  sweep_args a;
  char msg[200], path[600];
  args_init (&a, "qparity");
  a.sides = "q";
  ck_assert (sweep_set_param (&a, "size=2..3:1", msg, sizeof msg));
  snprintf (path, sizeof path, "%s/s.csv", d);
  ck_assert_int_eq (sweep_run (&a, path, stderr), 0);
  char *t = tu_slurp (path);
  ck_assert (!strncmp (t, sweep_header (), strlen (sweep_header ())));
  /* qparity is false for every N: share 0; 2N+1 vars, 4N clauses */
  ck_assert_ptr_nonnull (strstr (t, "\nqparity,size,2,2,5,8,1.600,1,0.000,"));
  ck_assert_ptr_nonnull (strstr (t, "\nqparity,size,3,3,7,12,1.714,1,0.000,"));
  ck_assert_ptr_nonnull (strstr (t, ",n/a,n/a,0,n/a,n/a,"));
  free (t);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (emitted_jobs) {
  sweep_args a;
  char msg[200];
  args_init (&a, "random");
  a.sides = "qg", a.seed = 5, a.count = 3;
  ck_assert (sweep_set_param (&a, "ratio=6..7:1", msg, sizeof msg));
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  ck_assert_int_eq (sweep_emit (&a, "-", "out.csv", m, stderr), 0);
  fclose (m);
  ck_assert_ptr_nonnull (strstr (buf, " sweep --family random --param ratio=6..6:1 --count 3 --seed 5 --size 20 --ratio 9 "
                                      "--sides qg --max-nodes 2000000 --qbf-max-nodes 100000 --depqbf-timeout 300 "
                                      "--quiet --csv out.csv.part-0000.csv\n"));
  ck_assert_ptr_nonnull (strstr (buf, "--param ratio=7..7:1 "));
  ck_assert_ptr_nonnull (strstr (buf, "out.csv.part-0001.csv\n"));
  free (buf);
}
END_TEST

Suite *sweep_suite (void) {
  Suite *s = suite_create ("sweep");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, param);
  tcase_add_test (tc, csv_of_a_size_sweep);
  tcase_add_test (tc, emitted_jobs);
  suite_add_tcase (s, tc);
  return s;
}
