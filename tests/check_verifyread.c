/* Tests of verifyread (orchestrate/verifyread) and the scale-out path:
 * verify --emit-jobs writes one job per instance, GNU parallel -j 2 runs
 * them, merge --verify joins their reports into the report and table of a
 * single run (but the seconds); bad parts and usage fail with exit 2. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "orchestrate/verify.h"
#include "orchestrate/verifyread.h"
#include "tests/testutil.h"

/* s with every seconds="..." attribute removed, in place. */
static void drop_seconds (char *s) {
  char *w = s;
  for (const char *r = s; *r;) {
    if (!strncmp (r, " seconds=\"", 10) || !strncmp (r, " trace-seconds=\"", 16)) {
      r = strchr (strchr (r, '"') + 1, '"') + 1;
      continue;
    }
    *w++ = *r++;
  }
  *w = 0;
}

static char *slurp_in (const char *dir, const char *name) {
  char p[4200];
  snprintf (p, sizeof p, "%s/%s", dir, name);
  char *t = tu_slurp (p);
  ck_assert_msg (t != NULL, "%s", p);
  return t;
}

START_TEST (emit_parallel_merge) {
  char *d = tu_tmpdir ();
  char *fx = tu_path ("instances/qbf");
  char *out, *err;
  ck_assert_int_eq (tu_sh (NULL, NULL, "mkdir '%s/in' '%s/c' && cd '%s' && cp kbkf-3.qdimacs cr-3.qdimacs ssat-half.qdimacs "
                                       "random-aeae-s8.qdimacs '%s/in'", d, d, fx, d), 0);
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s/in' --no-commitment --timeout 60 --cert-dir '%s/c' --emit-jobs "
                                        "'%s/jobs' --report '%s/r.xml'", d, d, d, d), 0);
  ck_assert_msg (strstr (out, "jobs written to ") && strstr (out, " merge --verify "), "%s", out);
  free (out), free (err);
  char *jobs = slurp_in (d, "jobs");
  int lines = 0;
  for (char *p = jobs; (p = strchr (p, '\n')); p++) lines++;
  ck_assert_int_eq (lines, 4);
  ck_assert_msg (strstr (jobs, " verify '") && strstr (jobs, "/in/kbkf-3.qdimacs' --timeout 60.000 --no-commitment "
                                                                 "--cert-dir '"), "%s", jobs);
  ck_assert_msg (strstr (jobs, "--quiet --report '") && strstr (jobs, "/r.xml.parts/kbkf-3.xml'\n"), "%s", jobs);
  free (jobs);
  if (tu_sh (NULL, NULL, "command -v parallel") == 0)
    ck_assert_int_eq (tu_sh (NULL, NULL, "(parallel -j 2 < '%s/jobs' > /dev/null)", d), 0);
  else {
    fprintf (stderr, "check_verifyread: GNU parallel not installed: running the job list with sh instead\n");
    ck_assert_int_eq (tu_sh (NULL, NULL, "(sh '%s/jobs' > /dev/null)", d), 0);
  }
  ck_assert_int_eq (tu_run (&out, &err, "merge --verify '%s/r.xml' '%s/r.xml.parts/'*.xml", d, d), 0);
  ck_assert_msg (strstr (out, "summary: 4 instances, 4 agree, 0 undecided (limits), 0 failed; 3 certificates valid, "
                              "3 round trips same\n"), "%s", out);
  ck_assert_msg (strstr (out, "\ncr-3.qdimacs ") < strstr (out, "\nkbkf-3.qdimacs "), "%s", out); /* sorted */
  free (out), free (err);
  /* the same report as one sequential run, but the seconds */
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s/in' --no-commitment --timeout 60 --quiet --report '%s/one.xml'", d, d), 0);
  free (out), free (err);
  char *a = slurp_in (d, "r.xml"), *b = slurp_in (d, "one.xml");
  drop_seconds (a), drop_seconds (b);
  ck_assert_str_eq (a, b);
  free (a), free (b);
  ck_assert_int_eq (tu_sh (&out, NULL, "ls '%s/c'", d), 0);
  ck_assert_str_eq (out, "cr-3.aag\nkbkf-3.aag\nrandom-aeae-s8.aag\n");
  free (out);
  /* the reader: rows with their states and values */
  verify_row *rows = NULL;
  size_t n = 0, cap = 0;
  double t = 0;
  scnfg_error e;
  error_init (&e);
  char p[4200];
  snprintf (p, sizeof p, "%s/r.xml", d);
  ck_assert (verifyread_report (p, &rows, &n, &cap, &t, &e));
  ck_assert_uint_eq (n, 4);
  ck_assert (t == 60);
  ck_assert_str_eq (rows[3].game_value, "1/2");
  ck_assert (rows[3].ssat);
  ck_assert_str_eq (rows[3].cert_why, "ssat");
  ck_assert_str_eq (rows[1].cert_kind, "herbrand");
  ck_assert_int_eq (rows[1].cert_state, VERIFY_OK);
  ck_assert_str_eq (rows[1].sse_why, "off");
  ck_assert_int_eq (verify_status (rows, n), 0);
  free (rows);
  /* bad parts: exit 2, one line naming the file */
  char *bad = tu_write (d, "bad.xml", "<verify-report version=\"1\"/>\n");
  ck_assert_int_eq (tu_run (&out, &err, "merge --verify '%s/m.xml' '%s'", d, bad), 2);
  ck_assert_msg (strstr (err, "bad.xml") && !strchr (strchr (err, '\n') + 1, '\n'), "%s", err);
  free (out), free (err), free (bad);
  ck_assert_int_eq (tu_sh (NULL, NULL, "(sed 's/timeout=\"60\"/timeout=\"5\"/' '%s/one.xml' > '%s/t5.xml')", d, d), 0);
  ck_assert_int_eq (tu_run (&out, &err, "merge --verify '%s/m.xml' '%s/one.xml' '%s/t5.xml'", d, d, d), 2);
  ck_assert_msg (strstr (err, "t5.xml: timeout 5 differs from "), "%s", err);
  free (out), free (err);
  snprintf (p, sizeof p, "%s/m.xml", d);
  ck_assert_ptr_null (tu_slurp (p)); /* no output on failure */
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s/in' --emit-jobs '%s/j2'", d, d), 2);
  ck_assert_msg (strstr (err, "--emit-jobs needs --report R.xml"), "%s", err);
  free (out), free (err), free (fx);
  tu_rmdir (d);
  free (d);
}
END_TEST

Suite *verifyread_suite (void) {
  Suite *s = suite_create ("verifyread");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, emit_parallel_merge);
  suite_add_tcase (s, tc);
  return s;
}
