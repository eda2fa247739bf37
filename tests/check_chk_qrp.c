/* Tests of the QRP proof checker (proofs/chk_qrp): DepQBF's traces (ASCII
 * and binary, true and false formulas) and hand-made ones are valid with
 * exact step counts; every file of tests/data/qrp/invalid fails naming its
 * step; bad input (unknown antecedent, wrong prefix) is an error with its
 * line; a long chain is checked with a bounded number of live steps; the
 * certify CLI on proofs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "proofs/chk_qrp.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"

static qbf *formula (const char *name) {
  char rel[200];
  snprintf (rel, sizeof rel, "tests/data/qrp/%s.qdimacs", name);
  char *path = tu_path (rel);
  qbf *f;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (qdimacs_read_file (&f, path, NULL, &e, NULL), "%s", e.msg);
  free (path);
  return f;
}

/* Checks tests/data/qrp/REL against formula NAME; false with *e on bad input. */
static bool check (const char *name, const char *rel, chk_qrp_report *r, scnfg_error *e) {
  qbf *f = formula (name);
  char full[200];
  snprintf (full, sizeof full, "tests/data/qrp/%s", rel);
  char *path = tu_path (full);
  error_init (e);
  bool ok = chk_qrp_check_file (f, path, r, e);
  free (path);
  qbf_free (f);
  return ok;
}

START_TEST (valid_traces) {
  static const struct { const char *f, *t; bool value; unsigned long steps, in, cubes, derived; } ok[] = {
    {"tiny", "tiny.qrp", false, 7, 3, 0, 4},
    {"tinysat", "tinysat.qrp", true, 7, 2, 2, 3},
    {"kbkf-3", "kbkf-3.qrp", false, 70, 14, 8, 48},
    {"kbkf-3", "kbkf-3.bqrp", false, 70, 14, 8, 48},
    {"equality-3", "equality-3.qrp", false, 38, 7, 0, 31},
    {"random-eae-s1", "random-eae-s1.qrp", true, 773, 180, 30, 563},
    {"random-eae-s1", "random-eae-s1.bqrp", true, 773, 180, 30, 563},
  };
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
    chk_qrp_report r;
    scnfg_error e;
    ck_assert_msg (check (ok[i].f, ok[i].t, &r, &e), "%s: %s", ok[i].t, e.msg);
    ck_assert_msg (r.status == CHK_QRP_VALID, "%s: %s", ok[i].t, r.msg);
    ck_assert_int_eq (r.value, ok[i].value);
    ck_assert_uint_eq (r.steps, ok[i].steps);
    ck_assert_uint_eq (r.input_clauses, ok[i].in);
    ck_assert_uint_eq (r.initial_cubes, ok[i].cubes);
    ck_assert_uint_eq (r.derived, ok[i].derived);
  }
}
END_TEST

START_TEST (invalid_traces) {
  static const struct { const char *t, *msg; unsigned long step; } bad[] = {
    {"cube-not-implicant", "step 7 (line 11): the initial cube does not satisfy clause 3 of the formula", 7},
    /* found by fuzz_qrp: an empty input clause passed memcpy (NULL, 0) (UBSan) */
    {"empty-input-clause", "step 1 (line 5): the input clause is not a clause of the formula", 1},
    {"drops-existential", "step 4 (line 8): drops existential literal 1 (a clause reduces only universal literals)", 4},
    {"last-not-empty", "step 6 (line 10): the last step is not empty", 6},
    {"mixed", "step 8 (line 12): antecedents 5 and 7 mix a clause and a cube", 8},
    {"not-formula-clause", "step 3 (line 7): the input clause is not a clause of the formula", 3},
    {"not-in-resolvent", "step 4 (line 8): literal 3 is not in the resolvent of its antecedents", 4},
    {"not-reducible", "step 4 (line 8): drops universal literal -2, but existential literal 3 is quantified after it", 4},
    {"tautological", "step 4 (line 8): the resolvent is tautological: variables 1 and 2 both clash", 4},
    {"wrong-result", "step 7 (line 11): the last step is the empty clause, but the trace says r SAT", 7},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char rel[200];
    snprintf (rel, sizeof rel, "invalid/%s.qrp", bad[i].t);
    chk_qrp_report r;
    scnfg_error e;
    ck_assert_msg (check ("tiny", rel, &r, &e), "%s: %s", rel, e.msg);
    ck_assert_int_eq (r.status, CHK_QRP_INVALID);
    ck_assert_str_eq (r.msg, bad[i].msg);
    ck_assert_uint_eq (r.bad_step, bad[i].step);
  }
}
END_TEST

START_TEST (bad_input) {
  static const struct { const char *f, *t, *msg; } bad[] = {
    {"tiny", "bad/unknown-antecedent.qrp", ":9: step 6: antecedent 4 is not a step of the trace"},
    {"tiny", "bad/wrong-prefix.qrp", ":3: wrong prefix: variable 3 is in quantifier block 1 of the trace but block 3 of "
                                    "the formula (counting the blocks of variables that occur)"},
    {"tinysat", "tiny.qrp", ":2: wrong prefix: variable 1 is existential in the trace, universal in the formula"},
    {"tiny", "bad/later-antecedent.qrp", ":8:12: antecedent 5 of step 4 is not an earlier step"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    chk_qrp_report r;
    scnfg_error e;
    ck_assert (!check (bad[i].f, bad[i].t, &r, &e));
    char got[600], want[600], rel[200];
    snprintf (rel, sizeof rel, "tests/data/qrp/%s", bad[i].t);
    char *path = tu_path (rel);
    error_format (&e, got, sizeof got);
    snprintf (want, sizeof want, "%s%s", path, bad[i].msg);
    ck_assert_str_eq (got, want);
    free (path);
  }
}
END_TEST

/* exists 1: (1) & (-1); a chain of n no-op reduction steps from (1), then the
 * empty clause: at most three steps are alive at once. */
START_TEST (long_chain_bounded) {
  char *dir = tu_tmpdir ();
  char path[4200];
  snprintf (path, sizeof path, "%s/chain.qrp", dir);
  FILE *o = fopen (path, "w");
  unsigned long n = 200000;
  fprintf (o, "p qrp 1 2\ne 1 0\n1 1 0 0\n2 -1 0 0\n3 1 0 1 0\n");
  for (unsigned long k = 4; k < n; k++) fprintf (o, "%lu 1 0 %lu 0\n", k, k - 1);
  fprintf (o, "%lu 0 %lu 2 0\nr UNSAT\n", n, n - 1);
  fclose (o);
  qbf *f = tu_qbf ("p cnf 1 2\ne 1 0\n1 0\n-1 0\n");
  chk_qrp_report r;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (chk_qrp_check_file (f, path, &r, &e), "%s", e.msg);
  ck_assert_msg (r.status == CHK_QRP_VALID, "%s", r.msg);
  ck_assert_uint_eq (r.steps, n);
  ck_assert_uint_le (r.peak_live_steps, 3);
  ck_assert_uint_le (r.peak_live_lits, 3);
  qbf_free (f);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (certify_cli) {
  char *f = tu_path ("tests/data/qrp/kbkf-3.qdimacs"), *t = tu_path ("tests/data/qrp/kbkf-3.bqrp");
  char *tf = tu_path ("tests/data/qrp/tiny.qdimacs"), *bad = tu_path ("tests/data/qrp/invalid/not-reducible.qrp");
  char *wp = tu_path ("tests/data/qrp/bad/wrong-prefix.qrp");
  char *so, *se;
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", f, t), 0);
  ck_assert_str_eq (so, "s VALID\nc valid: Q-resolution (the formula is false) proof, 70 steps (14 input clauses, "
                        "8 initial cubes, 48 derived)\n");
  free (so), free (se);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", tf, bad), 1);
  ck_assert_str_eq (so, "s INVALID\nc step 4 (line 8): drops universal literal -2, but existential literal 3 is "
                        "quantified after it\n");
  free (so), free (se);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", tf, wp), 2);
  ck_assert_str_eq (so, "");
  ck_assert_ptr_nonnull (strstr (se, "wrong-prefix.qrp:3: wrong prefix: variable 3"));
  free (so), free (se);
  free (f), free (t), free (tf), free (bad), free (wp);
}
END_TEST

Suite *chk_qrp_suite (void) {
  Suite *s = suite_create ("chk_qrp");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, valid_traces);
  tcase_add_test (tc, invalid_traces);
  tcase_add_test (tc, bad_input);
  tcase_add_test (tc, long_chain_bounded);
  tcase_add_test (tc, certify_cli);
  suite_add_tcase (s, tc);
  return s;
}
