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

/* SIGTERM to 'verify -j 2' once both workers run: exit 143, no worker left, no
 * report and no temporary file. The formulas take far longer than the test. */
START_TEST (sigterm_stops_verify) {
  char *d = tu_tmpdir (), *out = NULL;
  const char *b = tu_bin ();
  int rc = tu_sh (&out, NULL,
                  "{ d='%s'; b='%s'; $b gen qparity --n 40 -o $d/a.qdimacs && $b gen qparity --n 41 -o $d/b.qdimacs"
                  " || exit 9; $b verify $d -j 2 --timeout 30 --quiet --report $d/r.xml & p=$!; i=0;"
                  " while [ $(pgrep -P $p | wc -l) -lt 2 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done;"
                  " sleep 0.2; kill -TERM $p; wait $p; echo rc=$?; sleep 0.1;"
                  " echo left=$(pgrep -f \"verify $d \" | wc -l); ls -A $d | tr '\\n' ' '; }",
                  d, b);
  ck_assert_int_eq (rc, 0);
  ck_assert_str_eq (out, "rc=143\nleft=0\na.qdimacs b.qdimacs ");
  free (out);
  tu_rmdir (d), free (d);
}
END_TEST

/* The serial path (-j 1) stops as the pool does: SIGTERM while a (fake,
 * sleeping) depqbf runs ends the run within the pool's grace, exit 143, no
 * process and no temporary file left (the trace lived in a private
 * directory under $TMPDIR), no report. */
START_TEST (sigterm_stops_serial_verify) {
  char *d = tu_tmpdir (), *out = NULL;
  const char *b = tu_bin ();
  int rc = tu_sh (&out, NULL,
                  "{ d='%s'; b='%s'; mkdir $d/bin $d/tmp; $b gen qparity --n 4 -o $d/a.qdimacs || exit 9;"
                  " printf '#!/bin/sh\\ntouch %%s/started\\nexec sleep 30\\n' $d > $d/bin/depqbf; chmod +x $d/bin/depqbf;"
                  " TMPDIR=$d/tmp PATH=$d/bin:$PATH $b verify $d/a.qdimacs -j 1 --depqbf-proof --timeout 30 --quiet --report $d/r.xml & p=$!;"
                  " i=0; while [ ! -e $d/started ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done;"
                  " t0=$(date +%%s); kill -TERM $p; wait $p; echo rc=$?; t1=$(date +%%s); echo quick=$((t1 - t0 <= 4));"
                  " sleep 0.2; echo left=$(pgrep -f \"$d/\" | wc -l); ls -A $d/tmp | wc -l; ls $d | tr '\\n' ' '; }",
                  d, b);
  ck_assert_int_eq (rc, 0);
  ck_assert_str_eq (out, "rc=143\nquick=1\nleft=0\n0\na.qdimacs bin started tmp ");
  free (out);
  tu_rmdir (d), free (d);
}
END_TEST

/* sweep stops on SIGTERM and on SIGINT (reset to the default: a background
 * job starts with SIGINT ignored) between and during its measured runs:
 * 143 / 130, no CSV, its temporary formula file gone. */
START_TEST (signals_stop_serial_sweep) {
  char *d = tu_tmpdir (), *out = NULL;
  const char *b = tu_bin ();
  for (int k = 0; k < 2; k++) {
    int rc = tu_sh (&out, NULL,
                    "{ d='%s'; mkdir -p $d/tmp; TMPDIR=$d/tmp env --default-signal=INT '%s' sweep --family qparity"
                    " --param size=30..60:10 --count 3 --seed 1 --sides g --csv $d/o.csv --quiet & p=$!;"
                    " i=0; while [ -z \"$(ls -A $d/tmp)\" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done; sleep 0.5;"
                    " kill -%s $p; wait $p; echo rc=$?; ls -A $d/tmp | wc -l; ls $d | tr '\\n' ' '; }",
                    d, b, k ? "INT" : "TERM");
    ck_assert_int_eq (rc, 0);
    ck_assert_str_eq (out, k ? "rc=130\n0\ntmp " : "rc=143\n0\ntmp ");
    free (out);
  }
  tu_rmdir (d), free (d);
}
END_TEST

Suite *verifyrun_suite (void) {
  Suite *s = suite_create ("verifyrun");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, collect_sorted);
  tcase_add_test (tc, collect_none);
  tcase_add_test (tc, sigterm_stops_verify);
  tcase_add_test (tc, sigterm_stops_serial_verify);
  tcase_add_test (tc, signals_stop_serial_sweep);
  suite_add_tcase (s, tc);
  return s;
}
