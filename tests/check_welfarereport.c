/* Tests of orchestrate/welfarereport: the sweep table's header and one row
 * per strength (and its CSV), the family report's lines, on tiny runs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/welfarereport.h"

static int lines (const char *s) {
  int n = 0;
  for (; *s; s++) n += *s == '\n';
  return n;
}

START_TEST (sweep_table) {
  welfare_params p;
  welfare_params_init (&p);
  p.games = 1, p.stages = 2;
  char *out = NULL, *csv = NULL;
  size_t ol = 0, cl = 0;
  FILE *o = open_memstream (&out, &ol), *c = open_memstream (&csv, &cl);
  welfarereport_sweep (o, p, c);
  fclose (o), fclose (c);
  ck_assert (!strncmp (out, "confounding  games  differ   share 95% interval      mean diff ", 62));
  ck_assert_int_eq (lines (out), 14); /* header, 11 strengths, the note (2 lines) */
  ck_assert_ptr_nonnull (strstr (out, "\n0/10             1 "));
  ck_assert_ptr_nonnull (strstr (out, "\n10/10            1 "));
  ck_assert_ptr_nonnull (strstr (out, "the regression theorem"));
  const char *want = "family,confounding,seed,generic,sse_leader,sse_follower,sse_welfare,scne_leader,scne_follower,"
                     "scne_welfare,diff,diff_decimal,differ\nsweep,0/10,1,0,";
  ck_assert_msg (!strncmp (csv, want, strlen (want)), "%s", csv);
  ck_assert_int_eq (lines (csv), 12); /* one game per strength */
  ck_assert_ptr_nonnull (strstr (csv, "\nsweep,10/10,1,0,"));
  free (out), free (csv);
}
END_TEST

START_TEST (family_report) {
  welfare_params p;
  welfare_params_init (&p);
  p.games = 1, p.stages = 2, p.eps_sweep = false, p.conf_num = 0, p.conf_den = 1;
  char *out = NULL;
  size_t ol = 0;
  FILE *o = open_memstream (&out, &ol);
  welfarereport_family (o, stderr, &p, "unconfounded", NULL, NULL);
  fclose (o);
  ck_assert (!strncmp (out, "family unconfounded: confounding 0/1, 1 games (", 47));
  ck_assert_ptr_nonnull (strstr (out, "\n  mean welfare SSE       "));
  ck_assert_ptr_nonnull (strstr (out, "\n  welfare difference (S-CNE - SSE): mean "));
  ck_assert_ptr_nonnull (strstr (out, "\n  layers chosen by S-CNE (active stages): leader L1 "));
  ck_assert_ptr_nonnull (strstr (out, "\n  95% Wilson interval for the share of games that differ: [0.0000, 0.7935] (0 of 1)"));
  ck_assert_ptr_nonnull (strstr (out, "\n  (C = 0: no instinct reads an unobserved variable"));
  free (out);
}
END_TEST

Suite *welfarereport_suite (void) {
  Suite *s = suite_create ("welfarereport");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, sweep_table);
  tcase_add_test (tc, family_report);
  suite_add_tcase (s, tc);
  return s;
}
