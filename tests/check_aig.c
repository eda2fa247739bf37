/* Tests of the AIG model and ASCII AIGER (solver/model/aig): structural
 * hashing and folding, the exact writer text, read/write round trip with
 * gates out of order, every bad-input file of tests/data/aig/bad with its
 * message and line, conversion to and from certificates checked by
 * proofs/qcert, and `scnfg certify F C.aag`. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "proofs/qcert.h"
#include "solver/model/aig.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"

static char *aag_text (const aig *a) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);
  scnfg_error e;
  error_init (&e);
  ck_assert (aig_write_aag (a, out, &e));
  fclose (out);
  return buf;
}

static aig *parse (const char *text, scnfg_error *e) {
  error_init (e);
  return aig_read_aag (text, strlen (text), "t.aag", e);
}

START_TEST (hashing_and_folding) {
  aig *a = aig_new ();
  unsigned x = aig_input (a, 1), y = aig_input (a, 2);
  ck_assert_uint_eq (x, 2);
  ck_assert_uint_eq (y, 4);
  ck_assert_uint_eq (aig_and (a, x, y), 6);
  ck_assert_uint_eq (aig_and (a, y, x), 6);
  ck_assert_uint_eq (aig_and (a, x, AIG_FALSE), AIG_FALSE);
  ck_assert_uint_eq (aig_and (a, AIG_TRUE, y), y);
  ck_assert_uint_eq (aig_and (a, x, x), x);
  ck_assert_uint_eq (aig_and (a, x, aig_not (x)), AIG_FALSE);
  ck_assert_uint_eq (aig_num_ands (a), 1);
  ck_assert_uint_eq (aig_or (a, x, y), 9);
  ck_assert_uint_eq (aig_ite (a, AIG_TRUE, x, y), x);
  ck_assert_uint_eq (aig_ite (a, x, y, y), y);
  ck_assert_uint_eq (aig_num_ands (a), 2);
  /* enough gates to rehash: every pair stays unique */
  unsigned l = x;
  for (int i = 0; i < 200; i++) l = aig_and (a, l, i & 1 ? y : aig_not (y) ^ 0);
  unsigned before = aig_num_ands (a);
  l = x;
  for (int i = 0; i < 200; i++) l = aig_and (a, l, i & 1 ? y : aig_not (y) ^ 0);
  ck_assert_uint_eq (aig_num_ands (a), before);
  unsigned char in[2] = {1, 0};
  unsigned xo = aig_or (a, aig_and (a, x, aig_not (y)), aig_and (a, aig_not (x), y));
  for (int v = 0; v < 4; v++) {
    in[0] = v & 1, in[1] = v >> 1;
    ck_assert_int_eq (aig_eval (a, xo, in), (v & 1) != (v >> 1));
  }
  aig_free (a);
}
END_TEST

START_TEST (write_exact_and_round_trip) {
  aig *a = aig_new ();
  unsigned x = aig_input (a, 1), y = aig_input (a, 2);
  aig_output (a, aig_and (a, x, aig_not (y)), 3);
  aig_output (a, AIG_TRUE, 4);
  char *t = aag_text (a);
  ck_assert_str_eq (t, "aag 3 2 0 2 1\n2\n4\n6\n1\n6 5 2\ni0 1\ni1 2\no0 3\no1 4\n");
  scnfg_error e;
  aig *b = parse (t, &e);
  ck_assert_msg (b != NULL, "%s", e.msg);
  char *u = aag_text (b);
  ck_assert_str_eq (u, t);
  free (t), free (u);
  aig_free (a), aig_free (b);
  /* gates out of order, an input created after a gate, CRLF, comments */
  b = parse ("aag 9 2 0 1 2\r\n18\r\n4\r\n8\r\n8 6 18\r\n6 4 19\r\ni0 7\r\ni1 5\r\no0 9\r\nc\r\nanything\n", &e);
  ck_assert_msg (b != NULL, "%s", e.msg);
  u = aag_text (b);
  ck_assert_str_eq (u, "aag 4 2 0 1 2\n2\n4\n8\n6 4 3\n8 6 2\ni0 7\ni1 5\no0 9\n");
  ck_assert_int_eq (aig_input_var (b, 0), 7);
  ck_assert_int_eq (aig_output_var (b, 0), 9);
  free (u);
  aig_free (b);
}
END_TEST

START_TEST (bad_files) {
  static const struct { const char *name; const char *msg; } bad[] = {
    {"no-header", ":1: expected the header 'aag M I L O A'"},
    {"binary", ":1: binary AIGER is not supported (write ASCII 'aag')"},
    {"latches", ":1: latches are not supported (L = 1)"},
    {"truncated", ":5: unexpected end of file: AND gate 1 of 1"},
    {"literal-past-m", ":4: output literal 6 past the maximum variable index M = 2"},
    {"undefined-gate", ":5: undefined literal 8 (no input or AND gate defines index 4)"},
    {"cycle", ":5: cycle of AND gates through gate 6"},
    {"odd-input", ":2: input literal 3 is not a positive even literal"},
    {"defined-twice", ":3: literal 2 defined twice (first on line 2)"},
    {"missing-symbol", ":3: output 0 has no symbol 'o0 V'"},
    {"input-without-symbol", ":2: input 0 has no symbol 'i0 V'"}, /* fuzz_aig: used to abort in aig_input */
    {"bad-symbol-name", ":3: the name of input 0 is not a QDIMACS variable number"},
    {"duplicate-variable", ":5: variable 5 names two inputs (i0 and i1)"},
    {"empty", ":1: empty file: expected the header 'aag M I L O A'"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char rel[200], got[600], want[600];
    snprintf (rel, sizeof rel, "tests/data/aig/bad/%s.aag", bad[i].name);
    char *path = tu_path (rel);
    scnfg_error e;
    error_init (&e);
    aig *a = aig_read_aag_file (path, &e);
    ck_assert_msg (a == NULL, "%s accepted", bad[i].name);
    ck_assert_int_eq (e.code, ERROR_INPUT);
    error_format (&e, got, sizeof got);
    snprintf (want, sizeof want, "%s%s", path, bad[i].msg);
    ck_assert_str_eq (got, want);
    free (path);
  }
}
END_TEST

/* 3 <-> 1 xor 2 under forall 1 2: true; Skolem f3 = 1 xor 2. */
static const char *XOR = "p cnf 3 4\na 1 2 0\ne 3 0\n-3 1 2 0\n-3 -1 -2 0\n3 -1 2 0\n3 1 -2 0\n";

START_TEST (cert_conversion) {
  qbf *f = tu_qbf (XOR);
  cert *c = cert_new (CERT_SKOLEM, 3);
  cert_set_function (c, 3, cert_or (c, cert_and (c, 1, -2), cert_and (c, -1, 2)));
  aig *a = aig_from_cert (c, f);
  ck_assert_ptr_nonnull (a);
  ck_assert_uint_eq (aig_num_inputs (a), 2);
  ck_assert_uint_eq (aig_num_outputs (a), 1);
  ck_assert_uint_eq (aig_num_ands (a), 3);
  char *t = aag_text (a);
  ck_assert_str_eq (t, "aag 5 2 0 1 3\n2\n4\n11\n6 4 3\n8 5 2\n10 9 7\ni0 1\ni1 2\no0 3\n");
  scnfg_error e;
  aig *b = parse (t, &e);
  char why[256] = "";
  cert *d = aig_to_cert (b, f, why, sizeof why);
  ck_assert_ptr_nonnull (d);
  ck_assert_int_eq (d->kind, CERT_SKOLEM);
  qcert_report r;
  qcert_report_init (&r);
  ck_assert_int_eq (qcert_check (f, d, NULL, &r), QCERT_VALID);
  cert_free (d);
  aig_free (b);
  /* the output negated: invalid */
  t[strlen ("aag 5 2 0 1 3\n2\n4\n1")] = '0';
  b = parse (t, &e);
  d = aig_to_cert (b, f, why, sizeof why);
  ck_assert_int_eq (qcert_check (f, d, NULL, &r), QCERT_INVALID);
  cert_free (d);
  aig_free (b);
  /* an output for a variable the formula does not quantify; mixed kinds */
  b = parse ("aag 1 1 0 1 0\n2\n2\ni0 1\no0 9\n", &e);
  ck_assert_ptr_null (aig_to_cert (b, f, why, sizeof why));
  ck_assert_str_eq (why, "output 0 names variable 9, which the formula does not quantify");
  aig_free (b);
  b = parse ("aag 1 1 0 2 0\n2\n2\n2\ni0 1\no0 3\no1 2\n", &e);
  ck_assert_ptr_null (aig_to_cert (b, f, why, sizeof why));
  ck_assert_str_eq (why, "output 1 defines universal variable 2, output 0 an existential one");
  aig_free (b);
  /* a composed certificate (3 reads 4, 4 has a function) is flattened; a cycle is refused */
  qbf *g = tu_qbf ("p cnf 4 2\na 1 0\ne 4 3 0\n-3 4 0\n3 -4 0\n");
  cert *k = cert_new (CERT_SKOLEM, 4);
  cert_set_function (k, 4, 1);
  cert_set_function (k, 3, 4);
  aig *ka = aig_from_cert (k, g);
  ck_assert_ptr_nonnull (ka);
  ck_assert_uint_eq (aig_output_lit (ka, 1), aig_input_lit (ka, 0));
  aig_free (ka);
  cert_set_function (k, 4, 3);
  ck_assert_ptr_null (aig_from_cert (k, g));
  cert_free (k);
  qbf_free (g);
  qcert_report_clear (&r);
  free (t);
  aig_free (a);
  cert_free (c);
  qbf_free (f);
}
END_TEST

START_TEST (herbrand_and_cli) {
  char *dir = tu_tmpdir ();
  /* exists 1 forall 2 exists 3: (1 | 2 | 3) & (-1 | -2 | 3) & -3 is false; Herbrand f2 = x1 */
  char *fp = tu_write (dir, "f.qdimacs", "p cnf 3 3\ne 1 0\na 2 0\ne 3 0\n1 2 3 0\n-1 -2 3 0\n-3 0\n");
  char *ok = tu_write (dir, "h.aag", "aag 1 1 0 1 0\n2\n2\ni0 1\no0 2\n");
  char *no = tu_write (dir, "n.aag", "aag 1 1 0 1 0\n2\n3\ni0 1\no0 2\n");
  char *x = tu_write (dir, "x.aag", "aag 1 1 0 1 0\n2\n2\ni0 1\no0 7\n");
  char *so, *se;
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fp, ok), 0);
  ck_assert_str_eq (so, "s VALID\nc valid: Herbrand certificate, 0 gates, 1 functions\n");
  free (so), free (se);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fp, no), 1);
  ck_assert_ptr_nonnull (strstr (so, "s INVALID\nc invalid: the existential assignment below satisfies every clause\n"));
  free (so), free (se);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fp, x), 1);
  ck_assert_str_eq (so, "s INVALID\nc output 0 names variable 7, which the formula does not quantify\n");
  free (so), free (se);
  char *bad = tu_path ("tests/data/aig/bad/cycle.aag");
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fp, bad), 2);
  ck_assert_str_eq (so, "");
  char want[4200];
  snprintf (want, sizeof want, "%s:5: cycle of AND gates through gate 6\n", bad);
  ck_assert_str_eq (se, want);
  free (so), free (se), free (bad);
  free (fp), free (ok), free (no), free (x);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *aig_suite (void) {
  Suite *s = suite_create ("aig");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, hashing_and_folding);
  tcase_add_test (tc, write_exact_and_round_trip);
  tcase_add_test (tc, bad_files);
  tcase_add_test (tc, cert_conversion);
  tcase_add_test (tc, herbrand_and_cli);
  suite_add_tcase (s, tc);
  return s;
}
