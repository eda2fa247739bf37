/* Tests of orchestrate/progress: the exact bytes of the line and the bar, nothing when off. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/progress.h"

START_TEST (line_and_bar) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  progress p;
  progress_init (&p, m, true, "sweep");
  progress_line (&p, "%d/%d done", 1, 2);
  progress_bar (&p, 0, 4);
  progress_end (&p);
  fclose (m);
  ck_assert_str_eq (buf, "\rsweep: 1/2 done\rsweep [..............................] 0/4  elapsed 0:00  ETA 0:00 \n");
  ck_assert_str_eq (progress_break (&p), "\n");
  free (buf);
}
END_TEST

START_TEST (bar_full) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  progress p;
  progress_init (&p, m, true, "x");
  progress_bar (&p, 3, 3);
  fclose (m);
  ck_assert_str_eq (buf, "\rx [##############################] 3/3  elapsed 0:00  ETA 0:00 ");
  free (buf);
}
END_TEST

START_TEST (off_prints_nothing) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  progress p;
  progress_init (&p, m, false, "suite");
  progress_line (&p, "x");
  progress_bar (&p, 1, 2);
  progress_end (&p);
  fclose (m);
  ck_assert_uint_eq (len, 0);
  ck_assert_str_eq (progress_break (&p), "");
  free (buf);
}
END_TEST

Suite *progress_suite (void) {
  Suite *s = suite_create ("progress");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, line_and_bar);
  tcase_add_test (tc, bar_full);
  tcase_add_test (tc, off_prints_nothing);
  suite_add_tcase (s, tc);
  return s;
}
