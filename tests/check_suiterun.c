/* Tests of orchestrate/suiterun's argument handling (the runs themselves are
 * tests/check_suite.c through the CLI): ranges, families, --only, params
 * files with their exact error lines. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/suiterun.h"
#include "tests/testutil.h"

START_TEST (ranges) {
  unsigned lo, hi;
  ck_assert (suiterun_parse_range ("6..7", &lo, &hi) && lo == 6 && hi == 7);
  ck_assert (suiterun_parse_range ("1..100000", &lo, &hi) && lo == 1 && hi == 100000);
  ck_assert (!suiterun_parse_range ("7..6", &lo, &hi));
  ck_assert (!suiterun_parse_range ("0..3", &lo, &hi));
  ck_assert (!suiterun_parse_range ("1..100001", &lo, &hi));
  ck_assert (!suiterun_parse_range ("-1..3", &lo, &hi));
  ck_assert (!suiterun_parse_range ("3", &lo, &hi));
  ck_assert (!suiterun_parse_range ("..3", &lo, &hi));
}
END_TEST

START_TEST (families_and_only) {
  suiterun_args a = {.only_fam = -1};
  char msg[200];
  ck_assert (suiterun_set_families (&a, "random,kbkf", 0, msg, sizeof msg));
  ck_assert_uint_eq (a.nf, 2);
  ck_assert_int_eq (a.fams[0].fam, SUITE_RANDOM);
  ck_assert_uint_eq (a.fams[0].p.ratio_milli, 9000);
  ck_assert_int_eq (a.fams[1].fam, SUITE_KBKF);
  ck_assert (suiterun_set_families (&a, "chen-interian", 0, msg, sizeof msg) && a.fams[0].p.ratio_milli == 5800);
  ck_assert (suiterun_set_families (&a, "ssat", 12000, msg, sizeof msg) && a.fams[0].p.ratio_milli == 12000);
  ck_assert (!suiterun_set_families (&a, "random,nope", 0, msg, sizeof msg));
  ck_assert_str_eq (msg, "unknown family 'nope' (see --help)");
  ck_assert (!suiterun_set_families (&a, "cr,cr", 0, msg, sizeof msg));
  ck_assert_str_eq (msg, "family 'cr' given twice");
  ck_assert (!suiterun_set_families (&a, ",", 0, msg, sizeof msg));
  ck_assert_str_eq (msg, "--family lists no family");
  ck_assert (suiterun_set_families (&a, "kbkf", 0, msg, sizeof msg));
  a.fams[0].p.lo = 3, a.fams[0].p.hi = 5;
  ck_assert (suiterun_set_only (&a, "kbkf:4") && a.only_fam == SUITE_KBKF && a.only_n == 4);
  ck_assert (suiterun_only_fits (&a));
  ck_assert (suiterun_set_only (&a, "kbkf:6") && !suiterun_only_fits (&a));
  ck_assert (suiterun_set_only (&a, "cr:4") && !suiterun_only_fits (&a));
  ck_assert (!suiterun_set_only (&a, "kbkf"));
  ck_assert (!suiterun_set_only (&a, "kbkf:-1"));
  ck_assert (!suiterun_set_only (&a, "nope:1"));
}
END_TEST

START_TEST (params_file) {
  char *d = tu_tmpdir ();
  char *p = tu_write (d, "params", "# comment\nrandom.sizes=4..9\nrandom.ratio=7.5\nkbkf.sizes=2..3\ncr.sizes=1..1\n");
  suiterun_args a = {.only_fam = -1};
  char msg[200];
  ck_assert (suiterun_set_families (&a, "random,kbkf", 0, msg, sizeof msg));
  ck_assert (suiterun_read_params (&a, p, stderr));
  ck_assert (a.fams[0].sizes_set && a.fams[0].p.lo == 4 && a.fams[0].p.hi == 9 && a.fams[0].p.ratio_milli == 7500);
  ck_assert (a.fams[1].sizes_set && a.fams[1].p.lo == 2 && a.fams[1].p.hi == 3);
  free (p);
  p = tu_write (d, "bad", "random.sizes=4..9\nrandom.colour=red\n");
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  ck_assert (!suiterun_read_params (&a, p, m));
  fclose (m);
  char want[600];
  snprintf (want, sizeof want, "%s:2: unknown key 'colour'\n", p);
  ck_assert_str_eq (buf, want);
  free (buf), free (p);
  tu_rmdir (d), free (d);
}
END_TEST

Suite *suiterun_suite (void) {
  Suite *s = suite_create ("suiterun");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, ranges);
  tcase_add_test (tc, families_and_only);
  tcase_add_test (tc, params_file);
  suite_add_tcase (s, tc);
  return s;
}
