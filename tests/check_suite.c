/* Tests of suite, sweep and merge (orchestrate/suite, cli/cmd_suite, cmd_sweep,
 * cmd_merge): a small suite made twice is byte-identical but timing.csv (also
 * with -j2 and through --emit-jobs + merge); resume after deleting files;
 * index.csv content checked against gen, certify and depqbf; sweep CSV
 * columns; merge of CSVs; usage errors; calibration recorded and reused. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orchestrate/suite.h"
#include "tests/testutil.h"

/* ~10 instances: random 6..7 (4 each) and kbkf 6..7 (game side over its
 * node limit: depqbf decides). */
#define SMALL "--family random,kbkf --sizes 6..7 --ratio 12 --per-size 4 --seed 3 --max-nodes 1000 --quiet"

/* "dir/rel" (free). */
static char *join (const char *dir, const char *rel) {
  size_t n = strlen (dir) + strlen (rel) + 2;
  char *p = malloc (n);
  snprintf (p, n, "%s/%s", dir, rel);
  return p;
}

static int count_lines (const char *s) {
  int n = 0;
  for (; s && *s; s++) n += *s == '\n';
  return n;
}

START_TEST (lib_basics) {
  unsigned m;
  ck_assert (suite_parse_ratio ("9", &m) && m == 9000);
  ck_assert (suite_parse_ratio ("5.875", &m) && m == 5875);
  ck_assert (suite_parse_ratio ("0.5", &m) && m == 500);
  ck_assert (!suite_parse_ratio ("5.8751", &m));
  ck_assert (!suite_parse_ratio ("0", &m));
  ck_assert (!suite_parse_ratio ("-1", &m));
  ck_assert (!suite_parse_ratio ("1.", &m));
  ck_assert (!suite_parse_ratio ("", &m));
  char b[32];
  suite_print_ratio (b, sizeof b, 5800);
  ck_assert_str_eq (b, "5.8");
  suite_print_ratio (b, sizeof b, 9000);
  ck_assert_str_eq (b, "9");
  suite_name (b, sizeof b, SUITE_CI, 12, 3);
  ck_assert_str_eq (b, "chen-interian-n012-a003");
  ck_assert_int_eq (suite_family_lookup ("qparity"), SUITE_QPARITY);
  ck_assert_int_eq (suite_family_lookup ("nope"), -1);
  /* seeds depend on every coordinate, not on the order of evaluation */
  uint64_t s0 = suite_seed (1, SUITE_RANDOM, 10, 0);
  ck_assert (s0 == suite_seed (1, SUITE_RANDOM, 10, 0));
  ck_assert (s0 != suite_seed (1, SUITE_RANDOM, 10, 1));
  ck_assert (s0 != suite_seed (1, SUITE_RANDOM, 11, 0));
  ck_assert (s0 != suite_seed (1, SUITE_SSAT, 10, 0));
  ck_assert (s0 != suite_seed (2, SUITE_RANDOM, 10, 0));
  double v[] = {3, 1, 2, 10};
  ck_assert (suite_median (v, 4) == 2.5);
  ck_assert (suite_median (v, 3) == 2);
}
END_TEST

START_TEST (twice_identical) {
  char *d = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/a", d), 0);
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/b -j2", d), 0);
  /* every file but timing.csv, the journal included */
  ck_assert_int_eq (tu_sh (NULL, NULL, "diff -r -x timing.csv %s/a %s/b", d, d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "cmp -s %s/a/timing.csv %s/b/timing.csv", d, d), 1); /* times differ */
  char *out = NULL;
  ck_assert_int_eq (tu_sh (&out, NULL, "(ls %s/a/instances | wc -l; ls %s/a/games/*.xml | wc -l)", d, d), 0);
  ck_assert_str_eq (out, "10\n10\n");
  free (out);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (resume_after_deleting) {
  char *d = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/a", d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "cp -a %s/a %s/ref", d, d), 0);
  /* an interrupted run: outputs, a journal record, the index and a stale temporary file gone or left */
  ck_assert_int_eq (tu_sh (NULL, NULL,
                           "(cd %s/a && rm instances/random-n006-a001.qdimacs games/kbkf-n007-a000.xml "
                           "certificates/random-n007-a000.xml .journal/random-n006-a002 index.csv && "
                           "echo junk > games/x.xml.tmpAbC123)",
                           d),
                    0);
  char *out = NULL;
  ck_assert_int_eq (tu_run (&out, NULL, "suite " SMALL " --out %s/a", d), 0);
  ck_assert_ptr_nonnull (strstr (out, "10 certified instances"));
  free (out);
  ck_assert_int_eq (tu_sh (NULL, NULL, "diff -r -x timing.csv %s/a %s/ref", d, d), 0);
  /* timing.csv keeps every row (times of untouched instances come from the old file) */
  char *p = join (d, "a/timing.csv");
  char *t = tu_slurp (p);
  ck_assert_int_eq (count_lines (t), 11);
  ck_assert_ptr_null (strstr (t, "n/a"));
  free (t), free (p);
  /* a finished directory: a rerun changes nothing but timing.csv, and fast */
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/a", d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "diff -r -x timing.csv %s/a %s/ref", d, d), 0);
  /* other arguments into the same directory are refused */
  char *err = NULL;
  ck_assert_int_eq (tu_run (NULL, &err, "suite --family random,kbkf --sizes 6..7 --ratio 12 --per-size 4 --seed 4 --max-nodes 1000 --quiet --out %s/a", d), 2);
  ck_assert_ptr_nonnull (strstr (err, "other arguments"));
  free (err);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (index_content) {
  char *d = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/a", d), 0);
  char *p = join (d, "a/index.csv");
  char *idx = tu_slurp (p);
  free (p);
  ck_assert_ptr_nonnull (idx);
  ck_assert_int_eq (count_lines (idx), 11);
  ck_assert (!strncmp (idx, suite_index_header (), strlen (suite_index_header ())));
  ck_assert_str_eq (suite_index_header (),
                    "file,family,size,attempt,seed,generator,vars,clauses,literals,game_vars,game_entries,answer,"
                    "deciders,game_leaves,certificate,cert_gates,round_trip,efg");
  /* kbkf: false for every n, game side over the node limit -> depqbf */
  ck_assert_ptr_nonnull (strstr (idx, "\ninstances/kbkf-n006-a000.qdimacs,kbkf,6,0,0,\"scnfg gen kbkf --n 6\",25,26,84,"));
  ck_assert_ptr_nonnull (strstr (idx, ",false,qbf+depqbf,limit,n/a,0,"));
  /* every row: the generator regenerates the file byte for byte; the answer is depqbf's;
   * a certificate, where listed, is valid by 'scnfg certify' */
  char *out = NULL;
  int rc = tu_sh (&out, NULL,
                  "(cd %s/a && tail -n +2 index.csv | while IFS= read -r line; do "
                  "f=$(echo \"$line\" | cut -d, -f1); g=$(echo \"$line\" | cut -d'\"' -f2); "
                  "ans=$(echo \"$line\" | cut -d'\"' -f3 | cut -d, -f7); cert=$(echo \"$line\" | cut -d'\"' -f3 | cut -d, -f10); "
                  "%s ${g#scnfg } | cmp -s - $f || { echo regen $f; exit 1; }; "
                  "depqbf $f >/dev/null; r=$?; "
                  "case $ans$r in true10|false20) ;; *) echo answer $f $ans $r; exit 1;; esac; "
                  "b=$(basename $f .qdimacs); "
                  "if [ $cert != n/a ]; then %s certify $f certificates/$b.xml >/dev/null || { echo cert $f; exit 1; }; "
                  "case $cert$ans in skolemtrue|herbrandfalse) ;; *) echo kind $f; exit 1;; esac; fi; "
                  "echo ok; done | sort | uniq -c)",
                  d, tu_bin (), tu_bin ());
  ck_assert_msg (rc == 0, "%s", out);
  ck_assert_str_eq (out, "     10 ok\n");
  free (out);
  /* both answers occur among the random rows, and they carry certificates */
  ck_assert_ptr_nonnull (strstr (idx, ",true,qbf+game,"));
  ck_assert_ptr_nonnull (strstr (idx, ",skolem,"));
  ck_assert_ptr_nonnull (strstr (idx, ",false,qbf+game,"));
  ck_assert_ptr_nonnull (strstr (idx, ",herbrand,"));
  free (idx);
  /* params records what was used */
  p = join (d, "a/params");
  char *par = tu_slurp (p);
  free (p);
  ck_assert_str_eq (par, "# scnfg suite parameters (reuse with --params FILE)\nrandom.sizes=6..7\nrandom.ratio=12\n"
                         "kbkf.sizes=6..7\n");
  free (par);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (emit_jobs_and_merge) {
  char *d = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/a", d), 0);
  ck_assert_int_eq (tu_run (NULL, NULL, "suite " SMALL " --out %s/m --emit-jobs %s/jobs", d, d), 0);
  char *out = NULL;
  ck_assert_int_eq (tu_sh (&out, NULL, "(wc -l < %s/jobs)", d), 0);
  ck_assert_str_eq (out, "4\n"); /* (random, kbkf) x (6, 7) */
  free (out);
  if (tu_sh (NULL, NULL, "command -v parallel") == 0)
    ck_assert_int_eq (tu_sh (NULL, NULL, "(parallel -j2 < %s/jobs > /dev/null)", d), 0);
  else {
    fprintf (stderr, "check_suite: GNU parallel not installed: running the job list with sh instead\n");
    ck_assert_int_eq (tu_sh (NULL, NULL, "sh %s/jobs > /dev/null", d), 0);
  }
  ck_assert_int_eq (tu_run (NULL, NULL, "merge --out %s/m %s/m.parts/*", d, d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "diff -r -x timing.csv %s/a %s/m", d, d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "[ \"$(cut -d, -f1 %s/a/timing.csv)\" = \"$(cut -d, -f1 %s/m/timing.csv)\" ]",
                           d, d), 0);
  /* mismatching parts are refused */
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --family random --sizes 6..6 --per-size 1 --seed 9 --quiet --out %s/other", d), 0);
  char *err = NULL;
  ck_assert_int_eq (tu_run (NULL, &err, "merge --out %s/m2 %s/m.parts/random-n006 %s/other", d, d, d), 2);
  ck_assert_ptr_nonnull (strstr (err, "differs"));
  free (err);
  tu_rmdir (d), free (d);
}
END_TEST

static const char sweep_header[] =
    "family,param,value,size,vars,clauses,ratio,count,true_share,qbf_median_s,game_median_s,depqbf_median_s,"
    "qbf_unknown,game_unknown,depqbf_unknown,qbf_peak_kb,game_peak_kb,depqbf_peak_kb\n";

START_TEST (sweep_columns_and_merge) {
  char *d = tu_tmpdir ();
  char *err = NULL;
  ck_assert_int_eq (tu_run (NULL, &err, "sweep --family random --param ratio=6..10:2 --count 3 --seed 1 --size 8 "
                                        "--csv %s/full.csv", d), 0);
  ck_assert_ptr_nonnull (strstr (err, "ETA")); /* the progress bar */
  free (err);
  char *p = join (d, "full.csv");
  char *csv = tu_slurp (p);
  free (p);
  ck_assert (!strncmp (csv, sweep_header, strlen (sweep_header)));
  ck_assert_int_eq (count_lines (csv), 4);
  /* the deterministic columns of each row */
  ck_assert_ptr_nonnull (strstr (csv, "\nrandom,ratio,6,8,8,48,6.000,3,"));
  ck_assert_ptr_nonnull (strstr (csv, "\nrandom,ratio,8,8,8,64,8.000,3,"));
  ck_assert_ptr_nonnull (strstr (csv, "\nrandom,ratio,10,8,8,80,10.000,3,"));
  free (csv);
  /* the same sweep in parts (the emitted jobs) merges to the same rows */
  ck_assert_int_eq (tu_run (NULL, NULL, "sweep --family random --param ratio=6..10:2 --count 3 --seed 1 --size 8 "
                                        "--csv %s/part.csv --emit-jobs %s/jobs", d, d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "sh %s/jobs", d), 0);
  ck_assert_int_eq (tu_run (NULL, NULL, "merge --csv %s/merged.csv %s/part.csv.part-0002.csv %s/part.csv.part-0000.csv "
                                        "%s/part.csv.part-0001.csv", d, d, d, d), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "[ \"$(cut -d, -f1-9,13-15 %s/full.csv)\" = \"$(cut -d, -f1-9,13-15 %s/merged.csv)\" ]",
                           d, d), 0);
  /* a size sweep of a crafted family: one formula per size, depqbf times */
  ck_assert_int_eq (tu_run (NULL, NULL, "sweep --family qparity --param size=2..4:1 --count 5 --seed 1 --quiet "
                                        "--csv %s/q.csv", d), 0);
  p = join (d, "q.csv");
  csv = tu_slurp (p);
  free (p);
  ck_assert_int_eq (count_lines (csv), 4);
  ck_assert_ptr_nonnull (strstr (csv, "\nqparity,size,3,3,7,12,1.714,1,0.000,"));
  free (csv);
  /* merge refuses mismatching headers */
  free (tu_write (d, "bad.csv", "a,b\n1,2\n"));
  ck_assert_int_eq (tu_run (NULL, NULL, "merge --csv %s/x.csv %s/full.csv %s/bad.csv", d, d, d), 2);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (drops_and_errors) {
  char *d = tu_tmpdir ();
  char *out = NULL, *err = NULL;
  /* one SAT call is not enough for the QBF side: every candidate is dropped (deterministically) */
  ck_assert_int_eq (tu_run (&out, &err, "suite --family random --sizes 8..8 --per-size 2 --max-attempts 3 "
                                        "--qbf-max-nodes 1 --seed 1 --quiet --out %s/a", d), 0);
  ck_assert_ptr_nonnull (strstr (out, "0 certified instances (0 true, 0 false, 0 SSAT), 3 candidates dropped"));
  ck_assert_ptr_nonnull (strstr (err, "only 0 of 2 certified within 3 attempts"));
  free (out), free (err);
  /* a depqbf timeout is an error (exit 3), not a drop: no index, no journal record */
  ck_assert_int_eq (tu_run (NULL, &err, "suite --family kbkf --sizes 9..9 --max-nodes 100 --depqbf-timeout 0.000001 "
                                        "--seed 1 --quiet --out %s/b", d), 3);
  ck_assert_ptr_nonnull (strstr (err, "depqbf timed out"));
  free (err);
  ck_assert_int_eq (tu_sh (NULL, NULL, "test ! -e %s/b/index.csv && test ! -e %s/b/.journal/kbkf-n009-a000", d, d), 0);
  tu_rmdir (d), free (d);
}
END_TEST

START_TEST (usage_errors) {
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --family random --sizes 6..7 --out /tmp/x-none"), 2); /* no seed */
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --family nope --sizes 6..7 --seed 1 --out /tmp/x-none"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --family random --sizes 7..6 --seed 1 --out /tmp/x-none"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --family random --seed 1 --out /tmp/x-none"), 2); /* no sizes */
  ck_assert_int_eq (tu_run (NULL, NULL, "sweep --family random --param foo=1..2:1 --count 1 --seed 1 --csv /tmp/x.csv"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "sweep --family kbkf --param ratio=1..2:1 --count 1 --seed 1 --csv /tmp/x.csv"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "merge --csv /tmp/x.csv"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --help"), 0);
  ck_assert_int_eq (tu_run (NULL, NULL, "sweep --help"), 0);
  ck_assert_int_eq (tu_run (NULL, NULL, "merge --help"), 0);
}
END_TEST

START_TEST (calibration_recorded) {
  char *d = tu_tmpdir ();
  char *out = NULL;
  ck_assert_int_eq (tu_run (&out, NULL, "suite --family kbkf --sizes 1..4 --seed 1 --target-seconds 0.001 --quiet "
                                        "--out %s/c", d), 0);
  ck_assert_ptr_nonnull (strstr (out, "calibrate kbkf: sizes "));
  free (out);
  char *p = join (d, "c/params");
  char *par = tu_slurp (p);
  ck_assert_ptr_nonnull (strstr (par, "kbkf.sizes="));
  /* a fresh directory with --params reproduces the suite without measuring */
  ck_assert_int_eq (tu_run (&out, NULL, "suite --family kbkf --params %s --seed 1 --quiet --out %s/d", p, d), 0);
  ck_assert_ptr_null (strstr (out, "calibrate"));
  free (out);
  ck_assert_int_eq (tu_sh (NULL, NULL, "diff -r -x timing.csv %s/c %s/d", d, d), 0);
  free (par), free (p);
  ck_assert_int_eq (tu_run (NULL, NULL, "suite --family kbkf --params /nonexistent --seed 1 --out %s/e", d), 2);
  tu_rmdir (d), free (d);
}
END_TEST

Suite *suite_suite (void) {
  Suite *s = suite_create ("suite");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, lib_basics);
  tcase_add_test (tc, twice_identical);
  tcase_add_test (tc, resume_after_deleting);
  tcase_add_test (tc, index_content);
  tcase_add_test (tc, emit_jobs_and_merge);
  tcase_add_test (tc, sweep_columns_and_merge);
  tcase_add_test (tc, drops_and_errors);
  tcase_add_test (tc, usage_errors);
  tcase_add_test (tc, calibration_recorded);
  suite_add_tcase (s, tc);
  return s;
}
