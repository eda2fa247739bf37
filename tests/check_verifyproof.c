/* Tests of verify --depqbf-proof (orchestrate/verifyproof): DepQBF's traces
 * of the fixtures check and agree; a DepQBF stand-in that writes an invalid
 * trace, or one for the wrong value, fails the row (exit 1) with the reason;
 * the column is absent without the option; the report stays valid. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/error.h"
#include "base/xmldoc.h"
#include "orchestrate/verify.h"
#include "tests/testutil.h"

static void run (const char *name, const char *depqbf, bool on, verify_row *row) {
  verify_opts o;
  verify_opts_init (&o);
  o.depqbf_proof = on;
  o.depqbf = depqbf;
  o.no_commitment = true;
  char rel[200];
  snprintf (rel, sizeof rel, "instances/qbf/%s.qdimacs", name);
  char *p = tu_path (rel);
  verify_instance (p, &o, row);
  free (p);
}

START_TEST (fixtures_checked) {
  static const struct { const char *name; int value; unsigned long steps; } fx[] = {
    {"kbkf-3", 0, 70}, {"random-eae-s1", 1, 773}, {"qparity-4", 0, 95}};
  for (size_t i = 0; i < sizeof fx / sizeof *fx; i++) {
    verify_row row;
    run (fx[i].name, NULL, true, &row);
    ck_assert_msg (row.proof_state == VERIFY_OK, "%s: %s", fx[i].name, row.note);
    ck_assert_int_eq (row.proof_value, fx[i].value);
    ck_assert_uint_eq (row.proof_steps, fx[i].steps);
    ck_assert_int_eq (verify_status (&row, 1), 0);
  }
  verify_row row;
  run ("ssat-half", NULL, true, &row);
  ck_assert (row.proof_on);
  ck_assert_int_eq (row.proof_state, VERIFY_NA);
  run ("kbkf-3", NULL, false, &row);
  ck_assert (!row.proof_on);
  char *t = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&t, &len);
  verify_print_table (out, &row, 1);
  fclose (out);
  ck_assert_ptr_null (strstr (t, "depqbf-proof"));
  free (t);
}
END_TEST

START_TEST (bad_traces_fail) {
  char *dir = tu_tmpdir ();
  char *bad = tu_path ("tests/data/qrp/invalid/not-reducible.qrp"), *tiny = tu_path ("tests/data/qrp/random-eae-s1.qrp");
  static const struct { const char *script, *note; } cases[] = {
    /* an invalid trace (for another formula: the prefix does not match) */
    {"cat '%s'; exit 20", "depqbf proof: bad trace: wrong prefix: variable 2 is universal in the trace, existential in the formula"},
    /* a valid trace of the formula, but the exit code says false */
    {"cat '%s'; exit 20", "depqbf proof: the trace contradicts depqbf's answer"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char body[600], sp[4200];
    snprintf (body, sizeof body, cases[i].script, i ? tiny : bad);
    snprintf (sp, sizeof sp, "%s/fake%zu.sh", dir, i);
    FILE *o = fopen (sp, "w");
    fprintf (o, "#!/bin/sh\n%s\n", body);
    fclose (o);
    chmod (sp, 0755);
    verify_row row;
    run ("random-eae-s1", sp, true, &row);
    ck_assert_int_eq (row.proof_state, VERIFY_FAIL);
    ck_assert_msg (!strncmp (row.note, cases[i].note, strlen (cases[i].note)), "got '%s'", row.note);
    ck_assert_int_eq (verify_status (&row, 1), 1);
  }
  free (bad), free (tiny);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (cli_report) {
  char *dir = tu_tmpdir ();
  char *f = tu_path ("instances/qbf/kbkf-3.qdimacs");
  char rep[4200];
  snprintf (rep, sizeof rep, "%s/r.xml", dir);
  char *so, *se;
  ck_assert_int_eq (tu_run (&so, &se, "verify '%s' --depqbf-proof --no-commitment --report '%s'", f, rep), 0);
  ck_assert_ptr_nonnull (strstr (so, " depqbf-proof\n"));
  ck_assert_ptr_nonnull (strstr (so, " ok 70 steps\n"));
  free (so), free (se);
  char *x = tu_slurp (rep);
  ck_assert_ptr_nonnull (strstr (x, "<depqbf-proof state=\"ok\" value=\"0\" steps=\"70\" trace-seconds=\""));
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (xmldoc_validate (x, strlen (x), "report", verify_report_schema (), 1 << 20, 20, &e), "%s", e.msg);
  free (x);
  free (f);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *verifyproof_suite (void) {
  Suite *s = suite_create ("verifyproof");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, fixtures_checked);
  tcase_add_test (tc, bad_traces_fail);
  tcase_add_test (tc, cli_report);
  suite_add_tcase (s, tc);
  return s;
}
