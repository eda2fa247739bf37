/* Tests of verify (orchestrate/verify): every bundled fixture agrees on both sides
 * with a valid certificate and the same round-trip value; the XML report is
 * valid against its schema; the exit statuses; -j gives the same rows. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/xmldoc.h"
#include "orchestrate/verify.h"
#include "tests/testutil.h"

START_TEST (fixtures_agree) {
  static const char *names[] = {"random-eae-s1", "random-aeae-s8", "kbkf-3", "ssat-mixed"};
  verify_opts o;
  verify_opts_init (&o);
  verify_row rows[4];
  for (int i = 0; i < 4; i++) {
    char rel[200];
    snprintf (rel, sizeof rel, "instances/qbf/%s.qdimacs", names[i]);
    char *p = tu_path (rel);
    verify_instance (p, &o, &rows[i]);
    free (p);
    ck_assert_int_eq (rows[i].error, 0);
    ck_assert_int_eq (rows[i].agree, VERIFY_OK);
  }
  ck_assert_str_eq (rows[0].qbf_value, "1");
  ck_assert_str_eq (rows[0].cert_kind, "skolem");
  ck_assert_int_eq (rows[0].cert_state, VERIFY_OK);
  ck_assert_int_eq (rows[0].rt_state, VERIFY_OK);
  ck_assert_str_eq (rows[1].qbf_value, "0");
  ck_assert_str_eq (rows[1].cert_kind, "herbrand");
  ck_assert_int_eq (rows[1].cert_state, VERIFY_OK);
  ck_assert_str_eq (rows[2].game_value, "0");
  ck_assert_str_eq (rows[3].qbf_value, "5/8");
  ck_assert_str_eq (rows[3].game_value, "5/8");
  ck_assert_int_eq (rows[3].cert_state, VERIFY_NA); /* SSAT: no certificate, no round trip */
  ck_assert_int_eq (rows[3].rt_state, VERIFY_NA);
  ck_assert_int_eq (verify_status (rows, 4), 0);
  /* the old path (the dense profile) gives the same certificate states */
  verify_opts od = o;
  od.max_profile = (size_t) 1 << 22;
  for (int i = 0; i < 3; i++) {
    verify_row r;
    verify_instance (rows[i].file, &od, &r);
    ck_assert_int_eq (r.cert_state, VERIFY_OK);
    ck_assert_str_eq (r.cert_kind, rows[i].cert_kind);
  }
  /* a policy DAG over its budget: the certificate reads n/a and says why */
  od.max_profile = 0, od.max_dag = 3;
  verify_row r;
  verify_instance (rows[0].file, &od, &r);
  ck_assert_int_eq (r.cert_state, VERIFY_NA);
  ck_assert_str_eq (r.note, "certificate n/a: the policy DAG has more than 3 nodes");
  /* the report validates against its schema */
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  verify_write_report (f, rows, 4, &o);
  fclose (f);
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (xmldoc_validate (buf, len, "report", verify_report_schema (), 1 << 20, 20, &e),
                 "report invalid: line %u: %s", e.line, e.msg);
  free (buf);
  /* statuses: a disagreement wins over limits; limits over success */
  rows[2].game_state = VERIFY_LIMIT, rows[2].agree = VERIFY_LIMIT;
  ck_assert_int_eq (verify_status (rows, 4), 3);
  rows[1].cert_state = VERIFY_FAIL;
  ck_assert_int_eq (verify_status (rows, 4), 1);
  /* a certificate column hitting its own limit does not change the status */
  rows[1].cert_state = VERIFY_LIMIT;
  rows[2].game_state = VERIFY_OK, rows[2].agree = VERIFY_OK;
  ck_assert_int_eq (verify_status (rows, 4), 0);
}
END_TEST

START_TEST (cli) {
  char *dir = tu_tmpdir ();
  char *fx = tu_path ("instances/qbf");
  char *o1, *o2, *err;
  /* the small fixtures, in a directory of their own */
  ck_assert_int_eq (tu_sh (NULL, NULL, "mkdir '%s/in' && cd '%s' && cp cr-3.qdimacs equality-3.qdimacs kbkf-3.qdimacs "
                                       "qparity-4.qdimacs chen-interian-s4.qdimacs ssat-half.qdimacs ssat-mixed.qdimacs '%s/in'",
                           dir, fx, dir), 0);
  free (fx);
  fx = malloc (4200);
  snprintf (fx, 4200, "%s/in", dir);
  ck_assert_int_eq (tu_run (&o1, &err, "verify '%s' --quiet --report '%s/r.xml'", fx, dir), 0);
  ck_assert_ptr_nonnull (strstr (o1, "summary: 7 instances, 7 agree, 0 undecided (limits), 0 failed; "
                                     "5 certificates valid, 5 round trips same\n"));
  ck_assert_ptr_nonnull (strstr (o1, "\nssat-mixed.qdimacs           5/8       5/8       5/8       5/8 "));
  free (err);
  ck_assert_int_eq (tu_run (&o2, &err, "verify '%s' --quiet -j 2", fx), 0);
  /* same rows but for the timing columns: compare the first two and last three columns */
  char *a = o1, *b = o2;
  for (int line = 0; line < 8; line++) {
    char la[300], lb[300];
    ck_assert_int_eq (sscanf (a, "%299[^\n]", la), 1);
    ck_assert_int_eq (sscanf (b, "%299[^\n]", lb), 1);
    ck_assert_int_eq (strncmp (la, lb, 67), 0);
    a = strchr (a, '\n') + 1, b = strchr (b, '\n') + 1;
  }
  free (o1), free (o2), free (err);
  char path[4200];
  snprintf (path, sizeof path, "%s/r.xml", dir);
  char *rep = tu_slurp (path);
  ck_assert_ptr_nonnull (rep);
  ck_assert_ptr_nonnull (strstr (rep, "<verify-report version=\"1\" tool=\"scnfg 0.1.0\" timeout=\"0\" status=\"0\">"));
  free (rep);
  /* bad input: exit 2, the error line names the file */
  char *bad = tu_write (dir, "bad.qdimacs", "p cnf 1 1\n2 0\n");
  ck_assert_int_eq (tu_run (&o1, &err, "verify '%s' --report '%s/r2.xml'", bad, dir), 2);
  ck_assert_ptr_nonnull (strstr (err, "bad.qdimacs:2:1: literal exceeds the header's variable count\n"));
  free (o1), free (err), free (bad);
  /* a game side limit: exit 3 */
  char *big = tu_path ("instances/qbf/random-eaeae-s1.qdimacs");
  ck_assert_int_eq (tu_run (&o1, &err, "verify '%s' --max-nodes 100", big), 3);
  ck_assert_ptr_nonnull (strstr (o1, "limit"));
  free (o1), free (err), free (big);
  free (fx);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* --cert-dir: a Skolem (true) and a Herbrand (false) AIGER certificate that
 * certify accepts; an SSAT instance writes none; a missing directory fails the
 * certificate column (exit 1) and leaves no file. */
START_TEST (cert_dir) {
  char *dir = tu_tmpdir ();
  char *fx = tu_path ("instances/qbf");
  char *out, *err;
  ck_assert_int_eq (tu_sh (NULL, NULL, "mkdir '%s/in' '%s/c' && cd '%s' && cp random-eae-s1.qdimacs kbkf-3.qdimacs "
                                       "ssat-half.qdimacs '%s/in'", dir, dir, fx, dir), 0);
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s/in' --quiet --no-commitment --cert-dir '%s/c'", dir, dir), 0);
  ck_assert_msg (strstr (out, "2 certificates valid"), "%s", out);
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "certify '%s/random-eae-s1.qdimacs' '%s/c/random-eae-s1.aag'", fx, dir), 0);
  ck_assert_msg (strstr (out, "s VALID\nc valid: Skolem certificate"), "%s", out);
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "certify '%s/kbkf-3.qdimacs' '%s/c/kbkf-3.aag'", fx, dir), 0);
  ck_assert_msg (strstr (out, "s VALID\nc valid: Herbrand certificate"), "%s", out);
  free (out), free (err);
  char path[4200];
  snprintf (path, sizeof path, "%s/c/kbkf-3.aag", dir);
  char *aag = tu_slurp (path);
  ck_assert_ptr_nonnull (aag);
  ck_assert_msg (!strncmp (aag, "aag ", 4) && strstr (aag, "\ni0 ") && strstr (aag, "\no0 "), "%s", aag);
  free (aag);
  ck_assert_int_eq (tu_sh (&out, NULL, "ls '%s/c'", dir), 0);
  ck_assert_str_eq (out, "kbkf-3.aag\nrandom-eae-s1.aag\n"); /* none for SSAT, no temporary left */
  free (out);
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s/in/kbkf-3.qdimacs' --no-commitment --cert-dir '%s/none'", dir, dir), 1);
  ck_assert_msg (strstr (out, "certificate: cannot write"), "%s", out);
  free (out), free (err);
  free (fx);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* The table says why a cell is n/a; the report carries it as why=".." and
 * stays valid; a progress line per instance on stderr (none with --quiet). */
START_TEST (table_reasons) {
  char *dir = tu_tmpdir ();
  char *fx = tu_path ("instances/qbf");
  char *out, *err;
  ck_assert_int_eq (tu_sh (NULL, NULL, "mkdir '%s/in' && cd '%s' && cp kbkf-3.qdimacs ssat-half.qdimacs '%s/in'", dir, fx,
                           dir), 0);
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s/in' --no-commitment --max-dag 2 --report '%s/r.xml'", dir, dir), 0);
  ck_assert_msg (strstr (out, "\nkbkf-3.qdimacs               0         0         n/a:off   n/a:off   n/a:size       same"
                              "          yes "), "%s", out);
  ck_assert_msg (strstr (out, "\nssat-half.qdimacs            1/2       1/2       n/a:off   n/a:off   n/a:ssat       "
                              "n/a:ssat      yes "), "%s", out);
  ck_assert_msg (strstr (out, "       -       -\nsummary"), "%s", out); /* SSAT: no certificate or round-trip time */
  ck_assert_msg (strstr (err, "verify: 1/2 kbkf-3.qdimacs: agree (") && strstr (err, "verify: 2/2 ssat-half.qdimacs: agree ("),
                 "%s", err);
  free (out), free (err);
  char path[4200];
  snprintf (path, sizeof path, "%s/r.xml", dir);
  char *rep = tu_slurp (path);
  ck_assert_ptr_nonnull (rep);
  ck_assert_ptr_nonnull (strstr (rep, "<commitment concept=\"sse\" state=\"n/a\" why=\"off\" value=\"unknown\""));
  ck_assert_ptr_nonnull (strstr (rep, "<certificate state=\"n/a\" why=\"size\" seconds="));
  ck_assert_ptr_nonnull (strstr (rep, "<certificate state=\"n/a\" why=\"ssat\" seconds="));
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (xmldoc_validate (rep, strlen (rep), "report", verify_report_schema (), 1 << 20, 20, &e),
                 "report invalid: line %u: %s", e.line, e.msg);
  free (rep);
  /* a limit: the game side and everything after it say so */
  char *big = tu_path ("instances/qbf/random-eaeae-s1.qdimacs");
  ck_assert_int_eq (tu_run (&out, &err, "verify '%s' --max-nodes 100 --quiet", big), 3);
  ck_assert_msg (strstr (out, " n/a:limit ") && strstr (out, " n/a:undecided "), "%s", out);
  ck_assert_str_eq (err, "");
  free (out), free (err), free (big), free (fx);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *verify_suite (void) {
  Suite *s = suite_create ("verify");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 180);
  tcase_add_test (tc, fixtures_agree);
  tcase_add_test (tc, cli);
  tcase_add_test (tc, cert_dir);
  tcase_add_test (tc, table_reasons);
  suite_add_tcase (s, tc);
  return s;
}
