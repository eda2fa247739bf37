/* Tests of certificate extraction from QRP proofs (reductions/qrp2cert):
 * the exact functions of two hand-made proofs; every committed DepQBF trace
 * gives a certificate proofs/qcert finds valid; so do DepQBF's traces of
 * random true and false formulas; `certify --aag` writes only a checked
 * certificate. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "instances/qbfgen.h"
#include "proofs/chk_qrp.h"
#include "proofs/qcert.h"
#include "reductions/qrp2cert.h"
#include "solver/model/cert.h"
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

/* Extracts from the trace at path for f and checks the result with qcert. */
static cert *extract_valid (const qbf *f, const char *path, qrp2cert_stats *st) {
  scnfg_error e;
  error_init (&e);
  cert *c = qrp2cert_extract (f, path, st, &e);
  ck_assert_msg (c != NULL, "%s: %s", path, e.msg);
  qcert_report r;
  qcert_report_init (&r);
  ck_assert_msg (qcert_check (f, c, NULL, &r) == QCERT_VALID, "%s: %s", path, r.msg);
  qcert_report_clear (&r);
  return c;
}

START_TEST (hand_made_functions) {
  /* tiny: false; the reductions of steps 5 and 6 give x2 = ite(-x1, 1, 0) = -x1 */
  qbf *f = formula ("tiny");
  char *p = tu_path ("tests/data/qrp/tiny.qrp");
  qrp2cert_stats st;
  cert *c = extract_valid (f, p, &st);
  ck_assert_int_eq (c->kind, CERT_HERBRAND);
  ck_assert_int_eq (cert_function_of (c, 2), -1);
  ck_assert_uint_eq (st.steps, 7);
  ck_assert_uint_eq (st.cone, 7);
  ck_assert_uint_eq (st.reductions, 2);
  cert_free (c), free (p), qbf_free (f);
  /* tinysat: true; x2 = ite(x1, 1, 0) = x1 */
  f = formula ("tinysat");
  p = tu_path ("tests/data/qrp/tinysat.qrp");
  c = extract_valid (f, p, &st);
  ck_assert_int_eq (c->kind, CERT_SKOLEM);
  ck_assert_int_eq (cert_function_of (c, 2), 1);
  ck_assert_uint_eq (st.cone, 5);
  cert_free (c), free (p), qbf_free (f);
}
END_TEST

START_TEST (depqbf_traces) {
  static const struct { const char *f, *t; cert_kind kind; unsigned long cone; } tr[] = {
    {"kbkf-3", "kbkf-3.qrp", CERT_HERBRAND, 50},
    {"kbkf-3", "kbkf-3.bqrp", CERT_HERBRAND, 50},
    {"equality-3", "equality-3.qrp", CERT_HERBRAND, 38},
    {"random-eae-s1", "random-eae-s1.qrp", CERT_SKOLEM, 17},
  };
  for (size_t i = 0; i < sizeof tr / sizeof *tr; i++) {
    qbf *f = formula (tr[i].f);
    char rel[200];
    snprintf (rel, sizeof rel, "tests/data/qrp/%s", tr[i].t);
    char *p = tu_path (rel);
    qrp2cert_stats st;
    cert *c = extract_valid (f, p, &st);
    ck_assert_int_eq (c->kind, tr[i].kind);
    ck_assert_uint_eq (st.cone, tr[i].cone);
    cert_free (c), free (p), qbf_free (f);
  }
}
END_TEST

/* DepQBF's traces of random formulas: each checks, and its certificate too. */
START_TEST (random_formulas) {
  char *dir = tu_tmpdir ();
  char fp[4200], tp[4200];
  snprintf (fp, sizeof fp, "%s/f.qdimacs", dir);
  snprintf (tp, sizeof tp, "%s/f.qrp", dir);
  unsigned count[2] = {0, 0};
  for (uint64_t seed = 1; seed <= 60; seed++) {
    qbfgen_random g4 = {.nblocks = 4, .block_vars = {3, 3, 3, 6}, .block_lits = {1, 1, 1, 2},
                        .first_forall = true, .nclauses = 55 + (unsigned) (seed % 20)};
    qbfgen_random g3 = {.nblocks = 3, .block_vars = {4, 4, 8}, .block_lits = {1, 1, 2},
                        .first_forall = false, .nclauses = 80 + (unsigned) (seed % 20)};
    const qbfgen_random g = seed & 1 ? g4 : g3;
    qbf *f = qbfgen_random_formula (&g, seed);
    ck_assert_ptr_nonnull (f);
    FILE *o = fopen (fp, "w");
    ck_assert (qdimacs_write (o, f));
    fclose (o);
    int d = tu_sh (NULL, NULL, "(depqbf --dep-man=simple --no-qbce-dynamic --traditional-qcdcl --trace '%s' > '%s')",
                   fp, tp);
    ck_assert_msg (d == 10 || d == 20, "depqbf exit %d on seed %llu", d, (unsigned long long) seed);
    chk_qrp_report r;
    scnfg_error e;
    error_init (&e);
    ck_assert_msg (chk_qrp_check_file (f, tp, &r, &e), "seed %llu: %s", (unsigned long long) seed, e.msg);
    ck_assert_msg (r.status == CHK_QRP_VALID, "seed %llu: %s", (unsigned long long) seed, r.msg);
    ck_assert_int_eq (r.value, d == 10);
    cert *c = extract_valid (f, tp, NULL);
    ck_assert_int_eq (c->kind, d == 10 ? CERT_SKOLEM : CERT_HERBRAND);
    count[d == 10]++;
    cert_free (c);
    qbf_free (f);
  }
  ck_assert_uint_ge (count[0], 10);
  ck_assert_uint_ge (count[1], 10);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (certify_aag_cli) {
  char *dir = tu_tmpdir ();
  char *f = tu_path ("tests/data/qrp/tiny.qdimacs"), *t = tu_path ("tests/data/qrp/tiny.qrp");
  char *bad = tu_path ("tests/data/qrp/invalid/not-reducible.qrp");
  char out[4200];
  snprintf (out, sizeof out, "%s/h.aag", dir);
  char *so, *se;
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s' --aag '%s'", f, t, out), 0);
  ck_assert_str_eq (so, "s VALID\nc valid: Q-resolution (the formula is false) proof, 7 steps (3 input clauses, 0 initial "
                        "cubes, 4 derived)\nc Herbrand certificate checked and written: 0 AND gates, 1 outputs; proof: 7 "
                        "of 7 steps used, 12 literals, 2 reductions\n");
  free (so), free (se);
  char *text = tu_slurp (out);
  ck_assert_str_eq (text, "aag 2 2 0 1 0\n2\n4\n3\ni0 1\ni1 3\no0 2\n");
  free (text);
  /* the written AIGER certificate checks on its own */
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", f, out), 0);
  ck_assert_str_eq (so, "s VALID\nc valid: Herbrand certificate, 0 gates, 1 functions\n");
  free (so), free (se);
  /* an invalid proof writes nothing */
  char out2[4200];
  snprintf (out2, sizeof out2, "%s/none.aag", dir);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s' --aag '%s'", f, bad, out2), 1);
  ck_assert_ptr_null (tu_slurp (out2));
  free (so), free (se);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s' --aag '%s'", f, out, out2), 2);
  ck_assert_str_eq (se, "scnfg certify: --aag needs a QRP proof (.qrp, .bqrp)\n");
  free (so), free (se);
  free (f), free (t), free (bad);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *qrp2cert_suite (void) {
  Suite *s = suite_create ("qrp2cert");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, hand_made_functions);
  tcase_add_test (tc, depqbf_traces);
  tcase_add_test (tc, random_formulas);
  tcase_add_test (tc, certify_aag_cli);
  suite_add_tcase (s, tc);
  return s;
}
