/* Tests of the QRP trace reader (solver/model/qrp): a DepQBF trace read in
 * ASCII and binary gives the same prefix and steps; every bad-input file of
 * tests/data/qrp/bad with its exact message, line and column. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "solver/model/qrp.h"
#include "tests/testutil.h"

/* All steps of a trace as text "id: lits | ants\n…", the prefix first. */
static char *dump (const char *rel, int *result) {
  char *path = tu_path (rel);
  FILE *in = fopen (path, "rb");
  ck_assert_ptr_nonnull (in);
  scnfg_error e;
  error_init (&e);
  qrp_reader *q = qrp_open (in, path, &e);
  ck_assert_msg (q != NULL, "%s", e.msg);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&buf, &len);
  fprintf (out, "V=%ld C=%ld\n", qrp_header_vars (q), qrp_header_clauses (q));
  for (unsigned b = 0; b < qrp_num_blocks (q); b++) {
    unsigned n;
    const int *v = qrp_block_vars (q, b, &n);
    fprintf (out, "%c", qrp_block_quant (q, b));
    for (unsigned i = 0; i < n; i++) fprintf (out, " %d", v[i]);
    fputc ('\n', out);
  }
  qrp_step s;
  int k;
  while ((k = qrp_next (q, &s, &e)) == 1) {
    fprintf (out, "%lu:", s.id);
    for (unsigned i = 0; i < s.nlits; i++) fprintf (out, " %d", s.lits[i]);
    fputs (" |", out);
    for (unsigned i = 0; i < s.nants; i++) fprintf (out, " %lu", s.ants[i]);
    fputc ('\n', out);
  }
  ck_assert_msg (k == 0, "%s", e.msg);
  *result = qrp_result (q);
  fclose (out);
  qrp_close (q);
  fclose (in);
  free (path);
  return buf;
}

START_TEST (ascii_and_binary_agree) {
  static const char *names[] = {"kbkf-3", "random-eae-s1"};
  for (int i = 0; i < 2; i++) {
    char a[200], b[200];
    snprintf (a, sizeof a, "tests/data/qrp/%s.qrp", names[i]);
    snprintf (b, sizeof b, "tests/data/qrp/%s.bqrp", names[i]);
    int ra, rb;
    char *ta = dump (a, &ra), *tb = dump (b, &rb);
    ck_assert_str_eq (ta, tb);
    ck_assert_int_eq (ra, i == 0 ? 20 : 10);
    ck_assert_int_eq (rb, ra);
    free (ta), free (tb);
  }
  int r;
  char *t = dump ("tests/data/qrp/tiny.qrp", &r);
  ck_assert_str_eq (t, "V=3 C=3\ne 1\na 2\ne 3\n1: 1 -2 3 |\n2: 1 -2 -3 |\n3: -1 2 |\n4: 1 -2 | 1 2\n5: 1 | 4\n6: -1 | 3\n"
                       "7: | 5 6\n");
  ck_assert_int_eq (r, 20);
  free (t);
}
END_TEST

/* Reads every step; returns the first error as "LINE:COL: msg" (or "" if none). */
static void first_error (const char *rel, char *got, size_t size) {
  char *path = tu_path (rel);
  FILE *in = fopen (path, "rb");
  ck_assert_ptr_nonnull (in);
  scnfg_error e;
  error_init (&e);
  qrp_reader *q = qrp_open (in, path, &e);
  qrp_step s;
  if (q)
    while (qrp_next (q, &s, &e) == 1) {}
  if (!error_is_set (&e)) snprintf (got, size, "no error");
  else snprintf (got, size, "%u:%u: %s", e.line, e.column, e.msg);
  qrp_close (q);
  fclose (in);
  free (path);
}

START_TEST (bad_files) {
  static const struct { const char *name, *msg; } bad[] = {
    {"bad-header.qrp", "1:1: expected the header 'p qrp V C' (or 'p bqrp V C' and a NUL)"},
    {"duplicate-literal.qrp", "5:10: variable 1 occurs twice in step 1"},
    {"later-antecedent.qrp", "8:12: antecedent 5 of step 4 is not an earlier step"},
    {"missing-result.qrp", "12:0: unexpected end of file: expected a step or 'r SAT' / 'r UNSAT'"},
    {"missing-zero.qrp", "8:13: expected an antecedent or 0 ending them"},
    {"not-in-prefix.qrp", "7:6: literal 4: variable 4 is not in the prefix"},
    {"out-of-order.qrp", "10:1: steps out of order: step 5 after step 6"},
    {"text-after-result.qrp", "13:1: text after the result line"},
    {"truncated.bqrp", "1:301: unexpected end of file in step 31"},
    /* the reader alone accepts these two: the checker rejects them (check_chk_qrp) */
    {"unknown-antecedent.qrp", "no error"},
    {"wrong-prefix.qrp", "no error"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char rel[200], got[400];
    snprintf (rel, sizeof rel, "tests/data/qrp/bad/%s", bad[i].name);
    first_error (rel, got, sizeof got);
    ck_assert_msg (!strcmp (got, bad[i].msg), "%s: got '%s', expected '%s'", bad[i].name, got, bad[i].msg);
  }
}
END_TEST

START_TEST (inline_bad_text) {
  static const struct { const char *text, *msg; } bad[] = {
    {"", "1:0: empty file: expected the header 'p qrp V C'"},
    {"p qrp 3 3\ne 1 2 0\na 2 0\n", "3:3: variable 2 quantified twice"},
    {"p qrp 3 3\ne 4 0\n", "2:3: prefix variable 4 is not in 1..3"},
    {"p qrp 3 3\ne 1\n", "2:4: expected a variable or 0 ending the block"},
    {"p qrp 3 3\ne 1 0\n0 1 0 0\n", "3:1: step id 0 is not positive"},
    {"p qrp 3 3\ne 1 0\n1 1 0 0\nr MAYBE\n", "4:1: expected 'r SAT' or 'r UNSAT'"},
    {"p bqrp 3 3\n", "1:1: expected the header 'p qrp V C' (or 'p bqrp V C' and a NUL)"},
    {"p bqrp 3 3", "1:1: expected the header 'p qrp V C' (or 'p bqrp V C' and a NUL)"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    FILE *in = fmemopen ((void *) bad[i].text, strlen (bad[i].text) + (bad[i].text[0] ? 0 : 1), "rb");
    if (!bad[i].text[0]) {
      fclose (in);
      in = fopen ("/dev/null", "rb");
    }
    scnfg_error e;
    error_init (&e);
    qrp_reader *q = qrp_open (in, "t", &e);
    qrp_step s;
    if (q)
      while (qrp_next (q, &s, &e) == 1) {}
    char got[400];
    snprintf (got, sizeof got, "%u:%u: %s", e.line, e.column, e.msg);
    ck_assert_msg (!strcmp (got, bad[i].msg), "case %zu: got '%s', expected '%s'", i, got, bad[i].msg);
    qrp_close (q);
    fclose (in);
  }
}
END_TEST

Suite *qrp_suite (void) {
  Suite *s = suite_create ("qrp");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, ascii_and_binary_agree);
  tcase_add_test (tc, bad_files);
  tcase_add_test (tc, inline_bad_text);
  suite_add_tcase (s, tc);
  return s;
}
