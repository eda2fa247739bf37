/* Tests of the strict QDIMACS reader and writer: one bad-input file per rule
 * (tests/data/qdimacs/bad/<error>.qdimacs) with its exact message and line,
 * the accepted edge cases, lenient mode, the writer, and the CLI contract. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"

static const struct bad_case {
  const char *file;
  unsigned line, column; /* column 0: none reported */
  const char *msg;
} bad_cases[] = {
  {"empty-file", 1, 0, "empty file: expected header 'p cnf V C'"},
  {"missing-header", 2, 1, "expected header 'p cnf V C' before anything but comments"},
  {"duplicate-header", 2, 1, "duplicate header 'p cnf V C'"},
  {"negative-var-count", 1, 7, "negative variable count in header"},
  {"negative-clause-count", 1, 9, "negative clause count in header"},
  {"header-missing-count", 1, 8, "expected clause count C in header 'p cnf V C'"},
  {"header-not-cnf", 1, 3, "expected 'cnf' in header 'p cnf V C'"},
  {"header-extra-token", 1, 11, "unexpected token after header 'p cnf V C'"},
  {"header-overflow", 1, 7, "integer too large (overflow)"},
  {"too-many-clauses", 3, 3, "more clauses than the header declares"},
  {"too-few-clauses", 4, 0, "fewer clauses than the header declares (2 of 3) at end of file"},
  {"literal-out-of-range", 2, 3, "literal exceeds the header's variable count"},
  {"clause-unterminated-eof", 2, 0, "clause not ended by 0 at end of file"},
  {"clause-unterminated-line", 2, 0, "clause not ended by 0 at end of line"},
  {"quantifier-after-clause", 4, 1, "quantifier line after a clause (the prefix must come first)"},
  {"quantified-twice", 3, 5, "variable quantified twice"},
  {"negative-in-prefix", 2, 5, "negative number in a quantifier line (variables are positive)"},
  {"zero-in-prefix", 2, 7, "unexpected token after the terminating 0 of a quantifier line"},
  {"empty-block", 2, 1, "empty quantifier block"},
  {"quantifier-unterminated", 2, 6, "quantifier line not ended by 0"},
  {"prefix-out-of-range", 2, 5, "variable exceeds the header's variable count"},
  {"unknown-token", 2, 1, "unknown token 'x': expected 'e', 'a', 'r', 'c ', a literal or 0"},
  {"bad-literal", 2, 3, "expected a literal or 0"},
  {"integer-overflow", 2, 3, "integer too large (overflow)"},
  {"binary-junk", 2, 3, "unexpected byte 0x01 (binary data? expected printable ASCII)"},
  {"nul-byte", 3, 1, "unexpected byte 0x00 (binary data? expected printable ASCII)"},
  {"innermost-forall", 3, 0, "innermost quantifier block is universal (strict QDIMACS wants it existential)"},
  {"probability-above-one", 2, 3, "probability must lie in [0, 1]"},
  {"probability-negative", 2, 3, "probability must lie in [0, 1]"},
  {"probability-zero-denominator", 2, 3, "bad probability: zero denominator"},
  {"probability-missing", 2, 2, "expected a probability P after 'r'"},
  {"comment-without-space", 2, 1, "unknown token (a comment line starts with 'c ')"},
  {"token-too-long", 2, 3, "token longer than 4096 bytes"},
};
#define NBAD (sizeof bad_cases / sizeof *bad_cases)

static char *bad_path (const char *name) {
  char rel[256];
  snprintf (rel, sizeof rel, "tests/data/qdimacs/bad/%s.qdimacs", name);
  return tu_path (rel);
}

START_TEST (bad_file_message) {
  const struct bad_case *c = &bad_cases[_i];
  char *path = bad_path (c->file);
  qbf *f = (qbf *) 1;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (!qdimacs_read_file (&f, path, NULL, &e, NULL), "%s accepted", c->file);
  ck_assert_ptr_null (f);
  ck_assert_int_eq (e.code, ERROR_INPUT);
  ck_assert_str_eq (e.file, path);
  ck_assert_msg (e.line == c->line, "%s: line %u, expected %u", c->file, e.line, c->line);
  ck_assert_msg (e.column == c->column, "%s: column %u, expected %u", c->file, e.column, c->column);
  ck_assert_str_eq (e.msg, c->msg);
  free (path);
}
END_TEST

/* Every bad file: one line on stderr naming file and line, exit 2, nothing on stdout. */
START_TEST (bad_file_cli) {
  const struct bad_case *c = &bad_cases[_i];
  char *path = bad_path (c->file);
  char *out, *err;
  int rc = tu_run (&out, &err, "solve --strict '%s'", path);
  ck_assert_int_eq (rc, 2);
  ck_assert_str_eq (out, "");
  char expect[1024];
  if (c->column)
    snprintf (expect, sizeof expect, "%s:%u:%u: %s\n", path, c->line, c->column, c->msg);
  else
    snprintf (expect, sizeof expect, "%s:%u: %s\n", path, c->line, c->msg);
  ck_assert_str_eq (err, expect);
  free (out), free (err), free (path);
}
END_TEST

static qbf *read_text (const char *text, bool lenient, scnfg_error *e, scnfg_error *w) {
  FILE *in = fmemopen ((void *) text, strlen (text), "r");
  qdimacs_opts o = {.lenient = lenient};
  qbf *f = NULL;
  qdimacs_read (&f, in, "mem", &o, e, w);
  fclose (in);
  return f;
}

static char *write_text (const qbf *f) {
  char *buf = NULL;
  size_t n = 0;
  FILE *out = open_memstream (&buf, &n);
  ck_assert (qdimacs_write (out, f));
  fclose (out);
  return buf;
}

START_TEST (accepts_edge_cases) {
  scnfg_error e;
  error_init (&e);
  /* comments anywhere, CRLF, blank lines, several clauses on a line, no final newline */
  const char *text = "c first\r\np cnf 4 3\r\nc between\r\n\r\ne 1 2 0\r\nc in prefix\r\na 3 0\r\ne 4 0\r\n"
                     "1 2 0 -3 4 0\r\nc between clauses\r\n\t 2 2 -4 0";
  qbf *f = read_text (text, false, &e, NULL);
  ck_assert_msg (f != NULL, "rejected: %s (line %u)", e.msg, e.line);
  ck_assert_int_eq (f->nclauses, 3);
  ck_assert_int_eq (f->nblocks, 3);
  ck_assert_int_eq (f->blocks[0].quant, QBF_EXISTS);
  ck_assert_int_eq (f->blocks[1].quant, QBF_FORALL);
  ck_assert_int_eq (qbf_clause_size (f, 2), 2); /* duplicate literal dropped */
  char *w = write_text (f);
  ck_assert_str_eq (w, "p cnf 4 3\ne 1 2 0\na 3 0\ne 4 0\n1 2 0\n-3 4 0\n2 -4 0\n");
  free (w);
  qbf_free (f);
}
END_TEST

START_TEST (free_variables_outermost_exists) {
  scnfg_error e;
  error_init (&e);
  qbf *f = read_text ("p cnf 3 1\na 1 0\ne 2 0\n1 2 3 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->nblocks, 3);
  ck_assert_int_eq (f->blocks[0].quant, QBF_EXISTS);
  ck_assert_int_eq (f->blocks[0].nvars, 1);
  ck_assert_int_eq (f->blocks[0].vars[0], 3);
  qbf_free (f);
  /* adjacent equal blocks merge; free vars merge into an outer exists */
  f = read_text ("p cnf 4 1\ne 1 0\ne 2 0\na 3 0\ne 4 0\n1 2 3 4 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->nblocks, 3);
  ck_assert_int_eq (f->blocks[0].nvars, 2);
  qbf_free (f);
}
END_TEST

START_TEST (ssat_lines) {
  scnfg_error e;
  error_init (&e);
  qbf *f = read_text ("p cnf 3 1\ne 1 0\nr 1/3 2 0\nr 0.25 3 0\n1 2 3 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert (qbf_is_stochastic (f));
  ck_assert_int_eq (f->nblocks, 2); /* the two r lines form one block */
  ck_assert_int_eq (mpq_cmp_si (f->prob[2], 1, 3), 0);
  ck_assert_int_eq (mpq_cmp_si (f->prob[3], 1, 4), 0);
  char *w = write_text (f);
  ck_assert_str_eq (w, "p cnf 3 1\ne 1 0\nr 1/3 2 0\nr 1/4 3 0\n1 2 3 0\n");
  free (w);
  qbf_free (f);
}
END_TEST

START_TEST (huge_header_small_body) {
  scnfg_error e;
  error_init (&e);
  /* memory follows the variables used, never the header's V nor the largest number */
  qbf *f = read_text ("p cnf 2000000000 1\ne 7 0\n7 -3 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->nvars, 2);
  ck_assert_int_eq (qbf_orig_max (f), 7);
  ck_assert_int_eq (f->header_vars, 2000000000L);
  ck_assert_int_eq (f->nclauses, 1);
  char *w = write_text (f);
  ck_assert_str_eq (w, "p cnf 2000000000 1\ne 7 3 0\n7 -3 0\n");
  free (w);
  qbf_free (f);
  f = read_text ("p cnf 2000000000 2000000000\n1 0\n", false, &e, NULL);
  ck_assert_ptr_null (f);
  ck_assert_str_eq (e.msg, "fewer clauses than the header declares (1 of 2000000000) at end of file");
}
END_TEST

/* Dense renumbering: 3 7 20 1000000 are 1..4 inside, in increasing order;
 * the writer and the mapping speak the input's numbers. */
START_TEST (sparse_renumbering) {
  scnfg_error e;
  error_init (&e);
  qbf *f = read_text ("p cnf 1000000 2\ne 7 1000000 0\na 20 0\ne 3 0\n7 20 3 0\n-1000000 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->nvars, 4);
  ck_assert_int_eq (f->blocks[0].vars[0], 2);
  ck_assert_int_eq (f->blocks[0].vars[1], 4);
  ck_assert_int_eq (f->blocks[1].vars[0], 3);
  ck_assert_int_eq (f->blocks[2].vars[0], 1);
  const int orig[] = {0, 3, 7, 20, 1000000};
  for (int v = 1; v <= 4; v++) {
    ck_assert_int_eq (qbf_orig_var (f, v), orig[v]);
    ck_assert_int_eq (qbf_dense_var (f, orig[v]), v);
    ck_assert_int_eq (qbf_dense_lit (f, -orig[v]), -v);
  }
  ck_assert_int_eq (qbf_orig_lit (f, -4), -1000000);
  ck_assert_int_eq (qbf_dense_var (f, 1), 0);
  ck_assert_int_eq (qbf_dense_var (f, 8), 0);
  ck_assert_int_eq (qbf_dense_var (f, 2000000), 0);
  ck_assert_int_eq (qbf_orig_max (f), 1000000);
  ck_assert_int_eq (qbf_quant_of (f, 3), QBF_FORALL);
  char *w = write_text (f);
  ck_assert_str_eq (w, "p cnf 1000000 2\ne 7 1000000 0\na 20 0\ne 3 0\n7 20 3 0\n-1000000 0\n");
  free (w);
  qbf_free (f);
  /* no gaps: the numbers stay as they are, no mapping is kept */
  f = read_text ("p cnf 3 1\ne 2 0\na 1 0\ne 3 0\n1 2 3 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_ptr_null (f->orig);
  ck_assert_int_eq (qbf_dense_var (f, 3), 3);
  ck_assert_int_eq (qbf_dense_var (f, 4), 0);
  qbf_free (f);
}
END_TEST

START_TEST (one_megabyte_line) {
  size_t n = 140000; /* ~1 MB: 140000 literals of up to 7 characters */
  size_t cap = n * 8 + 64;
  char *text = malloc (cap);
  size_t k = (size_t) snprintf (text, cap, "p cnf %zu 1\n", n);
  for (size_t v = 1; v <= n; v++) k += (size_t) snprintf (text + k, cap - k, "%s%zu ", v % 2 ? "-" : "", v);
  k += (size_t) snprintf (text + k, cap - k, "0\n");
  ck_assert_uint_gt (k, 800000);
  scnfg_error e;
  error_init (&e);
  qbf *f = read_text (text, false, &e, NULL);
  ck_assert_msg (f != NULL, "rejected: %s", e.msg);
  ck_assert_uint_eq (qbf_clause_size (f, 0), n);
  qbf_free (f);
  free (text);
}
END_TEST

START_TEST (lenient_warnings) {
  scnfg_error e, w;
  error_init (&e), error_init (&w);
  qbf *f = read_text ("p cnf 2 1\ne 1 0\na 2 0\n1 2 0\n-1 0\n", true, &e, &w);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (w.line, 5);
  ck_assert_str_eq (w.msg, "warning: more clauses than the header declares");
  qbf_free (f);
  error_init (&w);
  f = read_text ("p cnf 2 5\ne 1 0\na 2 0\n1 2 0\n", true, &e, &w);
  ck_assert_ptr_nonnull (f);
  ck_assert_str_eq (w.msg, "warning: fewer clauses than the header declares");
  qbf_free (f);
  error_init (&w);
  f = read_text ("p cnf 2 1\ne 1 0\na 2 0\n1 2 0\n", true, &e, &w);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (w.line, 3);
  ck_assert_str_eq (w.msg, "warning: innermost quantifier block is universal");
  ck_assert (!error_is_set (&e));
  qbf_free (f);
}
END_TEST

/* QDIMACS 1.1 allows an innermost forall block: forall_last reads it without
 * a warning; solve accepts it by default (a 'c' line under -v) and rejects it
 * under --strict. */
START_TEST (innermost_forall_accepted) {
  scnfg_error e, w;
  error_init (&e), error_init (&w);
  qdimacs_opts o = {.forall_last = true};
  const char *text = "p cnf 2 1\ne 1 0\na 2 0\n1 2 0\n";
  FILE *in = fmemopen ((void *) text, strlen (text), "r");
  qbf *f;
  ck_assert (qdimacs_read (&f, in, "t", &o, &e, &w));
  fclose (in);
  ck_assert (!error_is_set (&w));
  ck_assert_uint_eq (f->nblocks, 2);
  ck_assert_int_eq (f->blocks[1].quant, QBF_FORALL);
  qbf_free (f);
  char *path = bad_path ("innermost-forall"), *out, *err;
  int rc = tu_run (&out, &err, "solve '%s'", path);
  ck_assert_int_eq (rc, 10);
  ck_assert_str_eq (out, "s cnf 1 2 1\n");
  ck_assert_str_eq (err, "");
  free (out), free (err);
  rc = tu_run (&out, &err, "solve -v '%s'", path);
  ck_assert_int_eq (rc, 10);
  ck_assert_ptr_nonnull (strstr (out, "c innermost block is universal: universal reduction removes it\n"));
  free (out), free (err);
  rc = tu_run (&out, &err, "solve --strict '%s'", path);
  ck_assert_int_eq (rc, 2);
  ck_assert_ptr_nonnull (strstr (err, "innermost quantifier block is universal"));
  free (out), free (err), free (path);
}
END_TEST

START_TEST (empty_formula_and_empty_clause) {
  scnfg_error e;
  error_init (&e);
  qbf *f = read_text ("p cnf 0 0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->nclauses, 0);
  qbf_free (f);
  f = read_text ("p cnf 1 1\ne 1 0\n0\n", false, &e, NULL);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (qbf_clause_size (f, 0), 0);
  qbf_free (f);
}
END_TEST

START_TEST (cli_missing_file) {
  char *out, *err;
  int rc = tu_run (&out, &err, "solve /nonexistent/x.qdimacs");
  ck_assert_int_eq (rc, 2);
  ck_assert_str_eq (err, "/nonexistent/x.qdimacs: cannot open: No such file or directory\n");
  free (out), free (err);
  rc = tu_run (&out, &err, "solve");
  ck_assert_int_eq (rc, 2);
  free (out), free (err);
  rc = tu_run (&out, &err, "solve --bogus x");
  ck_assert_int_eq (rc, 2);
  ck_assert_str_eq (err, "scnfg solve: unknown option '--bogus' (see --help)\n");
  free (out), free (err);
}
END_TEST

/* Runs "scnfg ARGS" under a 300 MB address-space cap where that works (not
 * under the sanitizers, which reserve terabytes). */
static int run_capped (char **out, const char *args) {
#if defined(__SANITIZE_ADDRESS__)
  const char *cap = "";
#else
  const char *cap = "ulimit -v 300000; ";
#endif
  return tu_sh (out, NULL, "%s'%s' %s", cap, tu_bin (), args);
}

/* Issue 14: memory by use, not by index. */
START_TEST (cli_sparse_indices) {
  char *p1 = tu_path ("tests/data/limits/sparse-index-1e8.qdimacs");
  char *p2 = tu_path ("tests/data/limits/var-2147483646.qdimacs");
  char *p3 = tu_path ("tests/data/qdimacs/sparse-vars.qdimacs");
  char args[2048], *out;
  snprintf (args, sizeof args, "solve '%s' --model --timeout 20", p1);
  ck_assert_int_eq (run_capped (&out, args), 10);
  /* either sign of 100000000 satisfies the clause; the model is re-checked before printing */
  ck_assert_msg (!strcmp (out, "s cnf 1 100000000 1\nV 1 0\nV 100000000 0\n") ||
                     !strcmp (out, "s cnf 1 100000000 1\nV 1 0\nV -100000000 0\n"),
                 "model lines: %s", out);
  free (out);
  snprintf (args, sizeof args, "solve '%s' --model --max-mem 50 --timeout 20", p2);
  ck_assert_int_eq (run_capped (&out, args), 10);
  ck_assert_str_eq (out, "s cnf 1 2147483646 1\nV -2147483646 0\n");
  free (out);
  /* the model line speaks the input's numbers (7 and 1000000 are 2 and 4 inside) */
  ck_assert_int_eq (tu_run (&out, NULL, "solve '%s' --model", p3), 10);
  ck_assert_str_eq (out, "s cnf 1 1000000 3\nV 7 0\nV -1000000 0\n");
  free (out);
  free (p1), free (p2), free (p3);
}
END_TEST

/* Certificates and traces in the input's numbers, checked against the renumbered formula. */
START_TEST (cli_sparse_certificates) {
  char *f = tu_path ("tests/data/qdimacs/sparse-vars.qdimacs");
  char *ok = tu_path ("tests/data/qdimacs/sparse-vars-skolem.xml");
  char *later = tu_path ("tests/data/qdimacs/sparse-vars-skolem-reads-later.xml");
  char *unused = tu_path ("tests/data/qdimacs/sparse-vars-skolem-unused-var.xml");
  char *qrp = tu_path ("tests/data/qdimacs/sparse-vars.qrp");
  char *dir = tu_tmpdir ();
  char *out;
  ck_assert_int_eq (tu_run (&out, NULL, "certify '%s' '%s'", f, ok), 0);
  ck_assert_str_eq (out, "s VALID\nc valid: Skolem certificate, 0 gates, 3 functions\n");
  free (out);
  ck_assert_int_eq (tu_run (&out, NULL, "certify '%s' '%s'", f, later), 1);
  ck_assert_str_eq (out, "s INVALID\nc the function of variable 7 reads variable 20, which is not quantified before it\n");
  free (out);
  ck_assert_int_eq (tu_run (&out, NULL, "certify '%s' '%s'", f, unused), 1);
  ck_assert_str_eq (out, "s INVALID\nc the certificate names variable 8, which the formula does not use\n");
  free (out);
  ck_assert_int_eq (tu_run (&out, NULL, "certify '%s' '%s' --aag '%s/c.aag'", f, qrp, dir), 0);
  ck_assert_ptr_nonnull (strstr (out, "s VALID\n"));
  free (out);
  char path[1024];
  snprintf (path, sizeof path, "%s/c.aag", dir);
  char *aag = tu_slurp (path);
  ck_assert_ptr_nonnull (aag);
  ck_assert_str_eq (aag, "aag 1 1 0 3 0\n2\n0\n1\n0\ni0 20\no0 3\no1 7\no2 1000000\n");
  free (aag);
  ck_assert_int_eq (tu_run (&out, NULL, "certify '%s' '%s'", f, path), 0);
  ck_assert_str_eq (out, "s VALID\nc valid: Skolem certificate, 0 gates, 3 functions\n");
  free (out);
  tu_rmdir (dir);
  free (dir), free (f), free (ok), free (later), free (unused), free (qrp);
}
END_TEST

/* Issue 14: the limits hold from the first byte (timings generous for a
 * machine 4x slower; each run would take minutes or hang without them). */
START_TEST (cli_limits_cover_reading) {
  char *dir = tu_tmpdir (), *out, *err;
  /* /dev/zero: the first byte is rejected, nothing is buffered */
  ck_assert_int_eq (tu_run (&out, &err, "solve /dev/zero --timeout 5"), 2);
  ck_assert_str_eq (err, "/dev/zero:1:1: unexpected byte 0x00 (binary data? expected printable ASCII)\n");
  free (out), free (err);
  /* a FIFO nobody writes: ends at the deadline, exit 3 */
  ck_assert_int_eq (tu_sh (NULL, NULL, "mkfifo '%s/fifo'", dir), 0);
  ck_assert_int_eq (tu_run (&out, &err, "solve '%s/fifo' --timeout 1", dir), 3);
  char expect[1200];
  snprintf (expect, sizeof expect, "%s/fifo: no input before the time limit (1 s)\n", dir);
  ck_assert_str_eq (err, expect);
  ck_assert_str_eq (out, "");
  free (out), free (err);
  /* a FIFO whose writer comes late is still read */
  ck_assert_int_eq (tu_sh (&out, NULL, "(sleep 1; printf 'p cnf 1 1\\ne 1 0\\n1 0\\n' > '%s/fifo') & '%s' solve '%s/fifo' --timeout 30",
                           dir, tu_bin (), dir), 10);
  ck_assert_str_eq (out, "s cnf 1 1 1\n");
  free (out);
  /* endless comments on a pipe: the deadline is checked while reading */
  ck_assert_int_eq (tu_sh (&out, &err, "sh -c \"yes 'c x' | '%s' solve - --timeout 1\"", tu_bin ()), 3);
  ck_assert_ptr_nonnull (strstr (err, "time limit reached while reading"));
  ck_assert_str_eq (out, "");
  free (out), free (err);
  /* --max-mem covers reading: 300000 clauses need more than 1 MB */
  char mq[1100];
  snprintf (mq, sizeof mq, "%s/m.q", dir);
  FILE *f = fopen (mq, "w");
  ck_assert_ptr_nonnull (f);
  fputs ("p cnf 2 300000\n", f);
  for (int k = 0; k < 300000; k++) fputs ("1 2 0\n", f);
  fclose (f);
  ck_assert_int_eq (tu_run (&out, &err, "solve '%s/m.q' --max-mem 1", dir), 3);
  ck_assert_ptr_nonnull (strstr (err, ": memory limit reached while reading (--max-mem 1 MB)\n"));
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, NULL, "solve '%s/m.q' --max-mem 64", dir), 10);
  free (out);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *qdimacs_suite (void) {
  Suite *s = suite_create ("qdimacs");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_loop_test (tc, bad_file_message, 0, NBAD);
  tcase_add_test (tc, accepts_edge_cases);
  tcase_add_test (tc, free_variables_outermost_exists);
  tcase_add_test (tc, ssat_lines);
  tcase_add_test (tc, huge_header_small_body);
  tcase_add_test (tc, sparse_renumbering);
  tcase_add_test (tc, one_megabyte_line);
  tcase_add_test (tc, lenient_warnings);
  tcase_add_test (tc, empty_formula_and_empty_clause);
  suite_add_tcase (s, tc);
  TCase *cli = tcase_create ("cli");
  tcase_set_timeout (cli, 60);
  tcase_add_loop_test (cli, bad_file_cli, 0, NBAD);
  tcase_add_test (cli, cli_missing_file);
  tcase_add_test (cli, cli_sparse_indices);
  tcase_add_test (cli, cli_sparse_certificates);
  tcase_add_test (cli, innermost_forall_accepted);
  tcase_add_test (cli, cli_limits_cover_reading);
  suite_add_tcase (s, cli);
  return s;
}
