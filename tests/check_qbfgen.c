/* Tests of instances/qbfgen and 'scnfg gen': exact family structure, the random
 * model's shape, reproducibility, falsity by depqbf, CLI errors, the fixtures. */
#include <check.h>
#include <dirent.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "instances/qbfgen.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"

/* 'spec' lists the expected clauses, each ended by 0, in order. */
static void expect_clauses (const qbf *f, const int *spec, unsigned nclauses) {
  ck_assert_uint_eq (f->nclauses, nclauses);
  const int *s = spec;
  for (unsigned c = 0; c < nclauses; c++) {
    const int *l = qbf_clause_lits (f, c);
    unsigned k = 0;
    for (; s[k]; k++) ck_assert_msg (l[k] == s[k], "clause %u literal %u: %d, expected %d", c, k, l[k], s[k]);
    ck_assert_msg (l[k] == 0, "clause %u longer than expected", c);
    s += k + 1;
  }
}

/* 'spec': quantifier characters of the blocks, sizes in 'sizes'; variables in prefix order 1..n. */
static void expect_prefix (const qbf *f, const char *quants, const unsigned *sizes) {
  ck_assert_uint_eq (f->nblocks, strlen (quants));
  int v = 1;
  for (unsigned b = 0; b < f->nblocks; b++) {
    ck_assert_int_eq (f->blocks[b].quant, quants[b]);
    ck_assert_uint_eq (f->blocks[b].nvars, sizes[b]);
    for (unsigned i = 0; i < sizes[b]; i++) ck_assert_int_eq (f->blocks[b].vars[i], v++);
  }
  ck_assert_int_eq (f->nvars, v - 1);
  ck_assert_int_eq (f->header_vars, v - 1);
  ck_assert_int_eq (f->header_clauses, (long) f->nclauses);
}

START_TEST (kbkf_exact_2) {
  qbf *f = qbfgen_kbkf (2);
  /* y0=1 y1^0=2 y1^1=3 x1=4 y2^0=5 y2^1=6 x2=7 z1=8 z2=9 */
  static const unsigned sizes[] = {3, 1, 2, 1, 2};
  expect_prefix (f, "eaeae", sizes);
  static const int cls[] = {-1, 0,           1, -2, -3, 0,      2, 4, -5, -6, 0, 3, -4, -5, -6, 0,
                            5, 7, -8, -9, 0, 6, -7, -8, -9, 0, 4, 8, 0,        -4, 8, 0,
                            7, 9, 0,         -7, 9, 0};
  expect_clauses (f, cls, 10);
  qbf_free (f);
}
END_TEST

START_TEST (kbkf_counts) {
  for (unsigned n = 1; n <= 7; n++) {
    qbf *f = qbfgen_kbkf (n);
    ck_assert_int_eq (f->nvars, 4 * n + 1);
    ck_assert_uint_eq (f->nclauses, 4 * n + 2);
    ck_assert_uint_eq (f->nblocks, 2 * n + 1);
    for (unsigned b = 0; b < f->nblocks; b++) {
      ck_assert_int_eq (f->blocks[b].quant, b % 2 ? QBF_FORALL : QBF_EXISTS);
      unsigned want = b == 0 ? 3 : b % 2 ? 1 : b + 1 == f->nblocks ? n : 2;
      ck_assert_uint_eq (f->blocks[b].nvars, want);
    }
    /* the two long clauses carry all n z literals */
    ck_assert_uint_eq (qbf_clause_size (f, 2 * n), n + 2);
    ck_assert_uint_eq (qbf_clause_size (f, 2 * n + 1), n + 2);
    qbf_free (f);
  }
}
END_TEST

START_TEST (qparity_exact_2_and_counts) {
  qbf *f = qbfgen_qparity (2);
  static const unsigned sizes[] = {2, 1, 2};
  expect_prefix (f, "eae", sizes);
  /* x1=1 x2=2 z=3 t1=4 t2=5 */
  static const int cls[] = {-4, 1, 0,    4, -1, 0,    4, 2, -5, 0, -4, 2, 5, 0, 4, -2, 5, 0,
                            -4, -2, -5, 0, 3, 5, 0, -3, -5, 0};
  expect_clauses (f, cls, 8);
  qbf_free (f);
  for (unsigned n = 1; n <= 7; n++) {
    f = qbfgen_qparity (n);
    unsigned sz[] = {n, 1, n};
    expect_prefix (f, "eae", sz);
    ck_assert_uint_eq (f->nclauses, 4 * n);
    qbf_free (f);
  }
}
END_TEST

START_TEST (cr_exact_2_and_counts) {
  qbf *f = qbfgen_cr (2);
  static const unsigned sizes[] = {4, 1, 4};
  expect_prefix (f, "eae", sizes);
  /* x11=1 x12=2 x21=3 x22=4 z=5 a1=6 a2=7 b1=8 b2=9 */
  static const int cls[] = {1, 5, 6, 0, -1, -5, 8, 0, 2, 5, 6, 0, -2, -5, 9, 0, 3, 5, 7, 0, -3, -5, 8, 0,
                            4, 5, 7, 0, -4, -5, 9, 0, -6, -7, 0, -8, -9, 0};
  expect_clauses (f, cls, 10);
  qbf_free (f);
  for (unsigned n = 1; n <= 7; n++) {
    f = qbfgen_cr (n);
    unsigned sz[] = {n * n, 1, 2 * n};
    expect_prefix (f, "eae", sz);
    ck_assert_uint_eq (f->nclauses, 2 * n * n + 2);
    qbf_free (f);
  }
}
END_TEST

START_TEST (equality_exact_2_and_counts) {
  qbf *f = qbfgen_equality (2);
  static const unsigned sizes[] = {2, 2, 2};
  expect_prefix (f, "eae", sizes);
  /* x1=1 x2=2 u1=3 u2=4 t1=5 t2=6 */
  static const int cls[] = {-1, -3, -5, 0, 1, 3, -5, 0, -2, -4, -6, 0, 2, 4, -6, 0, 5, 6, 0};
  expect_clauses (f, cls, 5);
  qbf_free (f);
  for (unsigned n = 1; n <= 7; n++) {
    f = qbfgen_equality (n);
    unsigned sz[] = {n, n, n};
    expect_prefix (f, "eae", sz);
    ck_assert_uint_eq (f->nclauses, 2 * n + 1);
    ck_assert_uint_eq (qbf_clause_size (f, 2 * n), n);
    qbf_free (f);
  }
}
END_TEST

START_TEST (crafted_bad_n) {
  ck_assert_ptr_null (qbfgen_kbkf (0));
  ck_assert_ptr_null (qbfgen_qparity (0));
  ck_assert_ptr_null (qbfgen_cr (0));
  ck_assert_ptr_null (qbfgen_equality (0));
  ck_assert_ptr_null (qbfgen_kbkf (QBFGEN_MAX_VARS));
  ck_assert_ptr_null (qbfgen_qparity (QBFGEN_MAX_VARS));
  ck_assert_ptr_null (qbfgen_cr (1000));
  ck_assert_ptr_null (qbfgen_equality (QBFGEN_MAX_VARS));
}
END_TEST

static qbfgen_random params (unsigned k, const unsigned *vars, const unsigned *lits, bool forall_first,
                             unsigned m, bool ssat) {
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  p.nblocks = k, p.first_forall = forall_first, p.nclauses = m, p.random_blocks = ssat;
  for (unsigned b = 0; b < k && b < QBFGEN_MAX_BLOCKS; b++) p.block_vars[b] = vars[b], p.block_lits[b] = lits[b];
  return p;
}

/* Every clause has exactly lits[b] distinct variables of block b, in block order. */
static void expect_random_shape (const qbf *f, const qbfgen_random *p) {
  int first[QBFGEN_MAX_BLOCKS + 1];
  first[0] = 1;
  for (unsigned b = 0; b < p->nblocks; b++) first[b + 1] = first[b] + (int) p->block_vars[b];
  ck_assert_int_eq (f->nvars, first[p->nblocks] - 1);
  ck_assert_uint_eq (qbf_num_quantified (f), (unsigned) (first[p->nblocks] - 1));
  ck_assert_uint_eq (f->nclauses, p->nclauses);
  for (unsigned c = 0; c < f->nclauses; c++) {
    const int *l = qbf_clause_lits (f, c);
    for (unsigned b = 0; b < p->nblocks; b++)
      for (unsigned i = 0; i < p->block_lits[b]; i++, l++) {
        int v = abs (*l);
        ck_assert_msg (v >= first[b] && v < first[b + 1], "clause %u: %d not in block %u", c, *l, b);
      }
    ck_assert_int_eq (*l, 0); /* exact length: no literal was a duplicate */
  }
  ck_assert_int_eq (f->blocks[f->nblocks - 1].quant, QBF_EXISTS);
}

START_TEST (random_shape) {
  static const unsigned v3[] = {5, 5, 10}, l3[] = {1, 1, 3};
  qbfgen_random p = params (3, v3, l3, false, 180, false);
  qbf *f = qbfgen_random_formula (&p, 7);
  static const unsigned sizes[] = {5, 5, 10};
  expect_prefix (f, "eae", sizes);
  expect_random_shape (f, &p);
  qbf_free (f);

  static const unsigned v4[] = {3, 4, 4, 8}, l4[] = {1, 0, 2, 2};
  p = params (4, v4, l4, true, 100, false);
  f = qbfgen_random_formula (&p, 1);
  static const unsigned sizes4[] = {3, 4, 4, 8};
  expect_prefix (f, "aeae", sizes4);
  expect_random_shape (f, &p);
  qbf_free (f);

  /* a block as wide as its literal count: every clause holds all its variables */
  static const unsigned v2[] = {2, 3}, l2[] = {2, 3};
  p = params (2, v2, l2, true, 30, false);
  f = qbfgen_random_formula (&p, 5);
  expect_random_shape (f, &p);
  qbf_free (f);
}
END_TEST

static bool same_formula (const qbf *a, const qbf *b) {
  if (a->nclauses != b->nclauses || a->nlits != b->nlits || a->nblocks != b->nblocks) return false;
  if (memcmp (a->lits, b->lits, a->nlits * sizeof *a->lits)) return false;
  for (unsigned i = 0; i < a->nblocks; i++)
    if (a->blocks[i].quant != b->blocks[i].quant || a->blocks[i].nvars != b->blocks[i].nvars) return false;
  if (a->prob)
    for (int v = 1; v <= a->nvars; v++)
      if (!mpq_equal (a->prob[v], b->prob[v])) return false;
  return true;
}

START_TEST (random_reproducible) {
  static const unsigned v[] = {5, 5, 10}, l[] = {1, 1, 3};
  for (int ssat = 0; ssat < 2; ssat++) {
    qbfgen_random p = params (3, v, l, false, 60, ssat);
    qbf *a = qbfgen_random_formula (&p, 42), *b = qbfgen_random_formula (&p, 42);
    qbf *c = qbfgen_random_formula (&p, 43);
    ck_assert (same_formula (a, b));
    ck_assert (!same_formula (a, c));
    qbf_free (a), qbf_free (b), qbf_free (c);
  }
}
END_TEST

START_TEST (ssat_blocks) {
  static const unsigned v[] = {3, 3, 3, 3, 6}, l[] = {1, 1, 1, 1, 2};
  qbfgen_random p = params (5, v, l, false, 20, true);
  int seen_d[6] = {0};
  unsigned with_forall = 0;
  for (uint64_t seed = 0; seed < 200; seed++) {
    qbf *f = qbfgen_random_formula (&p, seed);
    ck_assert (qbf_is_stochastic (f));
    ck_assert_int_eq (f->blocks[f->nblocks - 1].quant, QBF_EXISTS);
    ck_assert_int_eq (qbf_quant_of (f, 18), QBF_EXISTS); /* the innermost block never becomes r */
    for (int x = 1; x <= f->nvars; x++) {
      if (qbf_quant_of (f, x) != QBF_RANDOM) continue;
      unsigned long d = mpz_get_ui (mpq_denref (f->prob[x]));
      ck_assert (mpq_sgn (f->prob[x]) > 0 && mpq_cmp_ui (f->prob[x], 1, 1) < 0);
      ck_assert (d >= 2 && d <= 5);
      seen_d[d] = 1;
    }
    for (unsigned b = 0; b < f->nblocks; b++) with_forall += f->blocks[b].quant == QBF_FORALL;
    expect_random_shape (f, &p);
    qbf_free (f);
  }
  for (int d = 2; d <= 5; d++) ck_assert_msg (seen_d[d], "no probability with denominator %d", d);
  ck_assert_uint_gt (with_forall, 0);
}
END_TEST

START_TEST (random_check_rejects) {
  static const unsigned v[] = {3, 3, 3}, l[] = {1, 1, 2}, l0[] = {1, 1, 0}, lbig[] = {1, 4, 1}, v0[] = {3, 0, 3};
  static const unsigned ones[QBFGEN_MAX_BLOCKS] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  const struct { qbfgen_random p; const char *why; } bad[] = {
    {params (0, v, l, false, 5, false), "number of blocks"},
    {params (17, ones, ones, false, 5, false), "number of blocks"},
    {params (2, v, l, false, 5, false), "odd number of blocks"},
    {params (3, v, l, true, 5, false), "even number of blocks"},
    {params (3, v0, l, false, 5, false), "at least one variable"},
    {params (3, v, lbig, false, 5, false), "more literals per clause than variables"},
    {params (3, v, l0, false, 5, false), "innermost block"},
    {params (1, v, l, false, 5, true), "SSAT needs at least 2 blocks"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    const char *why = NULL;
    ck_assert_msg (!qbfgen_random_check (&bad[i].p, &why), "case %zu accepted", i);
    ck_assert_msg (why && strstr (why, bad[i].why), "case %zu: '%s'", i, why ? why : "(null)");
    ck_assert_ptr_null (qbfgen_random_formula (&bad[i].p, 1));
  }
  qbfgen_random big = params (3, v, l, false, 5, false);
  big.block_vars[2] = QBFGEN_MAX_VARS;
  ck_assert (!qbfgen_random_check (&big, NULL));
  qbfgen_random ok = params (1, v, l + 2, false, 0, false);
  ck_assert (qbfgen_random_check (&ok, NULL));
  qbf *f = qbfgen_random_formula (&ok, 3);
  ck_assert_uint_eq (f->nclauses, 0);
  ck_assert_int_eq (f->nvars, 3);
  qbf_free (f);
}
END_TEST

/* ------------------------------------------------------------------ CLI */

START_TEST (cli_same_seed_same_bytes) {
  static const char *const runs[] = {
    "gen random --seed %d",
    "gen ssat --seed %d --blocks 4 --vars 3,4,4,8 --lits 1,1,1,2 --clauses 40",
    "gen chen-interian --seed %d --forall 6 --exists 12 --clauses 100",
    "gen random --seed %d --vars 4 --lits 1 --blocks 2 --forall-first --clauses 9",
  };
  for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
    char *a, *b, *c, *e;
    char cmd[300];
    snprintf (cmd, sizeof cmd, runs[i], 11);
    ck_assert_int_eq (tu_run (&a, &e, "%s", cmd), 0);
    ck_assert_str_eq (e, "");
    free (e);
    ck_assert_int_eq (tu_run (&b, NULL, "%s", cmd), 0);
    snprintf (cmd, sizeof cmd, runs[i], 12);
    ck_assert_int_eq (tu_run (&c, NULL, "%s", cmd), 0);
    ck_assert_str_eq (a, b);
    ck_assert_str_ne (a, c);
    ck_assert (strstr (a, "\np cnf "));
    free (a), free (b), free (c);
  }
}
END_TEST

START_TEST (cli_output_file_and_roundtrip) {
  char *dir = tu_tmpdir (), *out;
  ck_assert_int_eq (tu_run (&out, NULL, "gen ssat --seed 5 --blocks 3 --vars 3,3,4 --lits 1,1,2 --clauses 12"), 0);
  ck_assert_int_eq (tu_run (NULL, NULL, "gen ssat --seed 5 --blocks 3 --vars 3,3,4 --lits 1,1,2 --clauses 12 -o %s/f.q",
                            dir),
                    0);
  char path[4200];
  snprintf (path, sizeof path, "%s/f.q", dir);
  char *file = tu_slurp (path);
  ck_assert_str_eq (out, file);
  /* the comment line carries the full command, defaults filled in */
  ck_assert (!strncmp (file, "c scnfg gen ssat --seed 5 --blocks 3 --vars 3,3,4 --lits 1,1,2 --exists-first --clauses 12\np cnf 10 12\n",
                       strlen ("c scnfg gen ssat --seed 5 --blocks 3 --vars 3,3,4 --lits 1,1,2 --exists-first --clauses 12\np cnf 10 12\n")));
  /* strict reader accepts it; writing it again gives the same bytes after the comment */
  qbf *f;
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (qdimacs_read_file (&f, path, NULL, &err, NULL), "%s", err.msg);
  ck_assert (qbf_is_stochastic (f));
  char *again;
  size_t len;
  FILE *m = open_memstream (&again, &len);
  ck_assert (qdimacs_write (m, f));
  fclose (m);
  ck_assert_str_eq (again, strchr (file, '\n') + 1);
  free (again);
  qbf_free (f);
  free (out), free (file);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (cli_crafted_false_by_depqbf) {
  static const char *const fams[] = {"kbkf", "qparity", "cr", "equality"};
  char *dir = tu_tmpdir ();
  for (size_t i = 0; i < 4; i++)
    for (int n = 1; n <= 5; n++) {
      ck_assert_int_eq (tu_run (NULL, NULL, "gen %s --n %d --seed 99 -o %s/f.q", fams[i], n, dir), 0);
      int rc = tu_sh (NULL, NULL, "depqbf %s/f.q", dir);
      ck_assert_msg (rc == 20, "%s %d: depqbf exit %d, expected 20 (false)", fams[i], n, rc);
    }
  /* the seed is ignored by the crafted families */
  char *a, *b;
  ck_assert_int_eq (tu_run (&a, NULL, "gen kbkf --n 3 --seed 1"), 0);
  ck_assert_int_eq (tu_run (&b, NULL, "gen kbkf --n 3"), 0);
  ck_assert_str_eq (a, b);
  free (a), free (b);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (cli_bad_parameters) {
  static const struct { const char *args, *msg; } bad[] = {
    {"gen", "no FAMILY"},
    {"gen foo --seed 1", "unknown family 'foo'"},
    {"gen random", "needs --seed"},
    {"gen random --seed -1", "bad --seed '-1'"},
    {"gen random --seed 1x", "bad --seed '1x'"},
    {"gen random --seed 18446744073709551616", "bad --seed"},
    {"gen kbkf", "needs --n"},
    {"gen kbkf --n 0", "bad --n '0'"},
    {"gen qparity --n 2.5", "bad --n"},
    {"gen cr --n 5000", "--n 5000 too large"},
    {"gen kbkf --n 3 --clauses 4", "--clauses does not apply to family kbkf"},
    {"gen random --seed 1 --n 3", "--n does not apply"},
    {"gen chen-interian --seed 1 --vars 3", "--vars does not apply"},
    {"gen random --seed 1 --blocks 2 --vars 3,3 --lits 1,1 --exists-first", "odd number of blocks"},
    {"gen random --seed 1 --forall-first", "even number of blocks"},
    {"gen random --seed 1 --forall-first --exists-first --blocks 2 --vars 3 --lits 1", "exclude each other"},
    {"gen random --seed 1 --vars 3,3 --lits 1,4 --clauses 5", "more literals per clause than variables"},
    {"gen random --seed 1 --vars 3,,3", "bad --vars '3,,3'"},
    {"gen random --seed 1 --lits 1,x", "bad --lits"},
    {"gen random --seed 1 --blocks 4 --vars 3,3,3 --lits 1", "--vars lists 3 blocks, expected 4"},
    {"gen random --seed 1 --blocks 17 --vars 2 --lits 1", "bad --blocks '17'"},
    {"gen random --seed 1 --blocks 5", "--vars needed"},
    {"gen random --seed 1 --vars 2,2,2 --lits 1,1,0", "innermost block"},
    {"gen ssat --seed 1 --blocks 1 --vars 4 --lits 2", "SSAT needs at least 2 blocks"},
    {"gen random --seed 1 --bogus", "unknown option '--bogus'"},
    {"gen random --seed 1 --clauses", "--clauses needs a value"},
    {"gen random --seed 1 --seed 2", "--seed given twice"},
    {"gen random --seed 1 --clauses 1000001", "bad --clauses"},
    {"gen chen-interian --seed 1 --forall 0", "bad --forall '0'"},
    {"gen chen-interian --seed 1 --exists-lits 31", "more literals per clause than variables"},
    {"gen kbkf qparity --n 2", "unexpected argument 'qparity'"},
    {"gen kbkf --n 2 -o /nonexistent-dir-scnfg/f.q", "cannot create output file"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *out, *err;
    int rc = tu_run (&out, &err, "%s", bad[i].args);
    ck_assert_msg (rc == 2, "'%s': exit %d, expected 2", bad[i].args, rc);
    ck_assert_msg (strstr (err, bad[i].msg), "'%s': stderr '%s' lacks '%s'", bad[i].args, err, bad[i].msg);
    size_t len = strlen (err);
    ck_assert_msg (len > 0 && err[len - 1] == '\n' && !memchr (err, '\n', len - 1), "'%s': not one line: '%s'",
                   bad[i].args, err);
    ck_assert_str_eq (out, "");
    free (out), free (err);
  }
}
END_TEST

START_TEST (cli_help) {
  char *out;
  ck_assert_int_eq (tu_run (&out, NULL, "gen --help"), 0);
  static const char *const words[] = {"random", "ssat", "chen-interian", "kbkf", "qparity", "cr --n",
                                      "equality", "--blocks", "--vars", "--lits", "--clauses",
                                      "--forall-first", "--forall-lits", "--exists-lits", "--seed", "-o FILE"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    ck_assert_msg (strstr (out, words[i]), "--help lacks '%s'", words[i]);
  free (out);
}
END_TEST

/* ------------------------------------------------------------- fixtures */

/* Every instances/qbf fixture with 'c scnfg-expect: true|false' gets that
 * answer from depqbf; random fixtures stay within 20 variables; both answers occur. */
START_TEST (fixtures_agree_with_depqbf) {
  char *dirpath = tu_path ("instances/qbf");
  DIR *d = opendir (dirpath);
  ck_assert_ptr_nonnull (d);
  unsigned n_true = 0, n_false = 0, n_value = 0;
  struct dirent *e;
  while ((e = readdir (d))) {
    size_t len = strlen (e->d_name);
    if (len < 9 || strcmp (e->d_name + len - 8, ".qdimacs")) continue;
    char path[4200];
    snprintf (path, sizeof path, "%s/%s", dirpath, e->d_name);
    char *text = tu_slurp (path);
    ck_assert_ptr_nonnull (text);
    const char *tag = strstr (text, "c scnfg-expect: ");
    if (tag) {
      bool want = !strncmp (tag + 16, "true\n", 5);
      ck_assert_msg (want || !strncmp (tag + 16, "false\n", 6), "%s: bad tag", e->d_name);
      int rc = tu_sh (NULL, NULL, "depqbf '%s'", path);
      ck_assert_msg (rc == (want ? 10 : 20), "%s: depqbf exit %d", e->d_name, rc);
      want ? n_true++ : n_false++;
    } else {
      ck_assert_msg (strstr (text, "c scnfg-expect-value: "), "%s: no expectation tag", e->d_name);
      n_value++;
    }
    long v = 0;
    const char *p = strstr (text, "p cnf ");
    ck_assert (p && sscanf (p, "p cnf %ld", &v) == 1);
    bool crafted = strstr (text, "c scnfg gen kbkf") || strstr (text, "c scnfg gen qparity") ||
                   strstr (text, "c scnfg gen cr ") || strstr (text, "c scnfg gen equality");
    ck_assert_msg (crafted || v <= 20, "%s: %ld variables", e->d_name, v);
    free (text);
  }
  closedir (d);
  free (dirpath);
  ck_assert_uint_ge (n_true, 4);
  ck_assert_uint_ge (n_false, 6);
  ck_assert_uint_ge (n_value, 3);
}
END_TEST

Suite *qbfgen_suite (void) {
  Suite *s = suite_create ("qbfgen");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, kbkf_exact_2);
  tcase_add_test (tc, kbkf_counts);
  tcase_add_test (tc, qparity_exact_2_and_counts);
  tcase_add_test (tc, cr_exact_2_and_counts);
  tcase_add_test (tc, equality_exact_2_and_counts);
  tcase_add_test (tc, crafted_bad_n);
  tcase_add_test (tc, random_shape);
  tcase_add_test (tc, random_reproducible);
  tcase_add_test (tc, ssat_blocks);
  tcase_add_test (tc, random_check_rejects);
  suite_add_tcase (s, tc);
  TCase *cli = tcase_create ("cli");
  tcase_set_timeout (cli, 120);
  tcase_add_test (cli, cli_same_seed_same_bytes);
  tcase_add_test (cli, cli_output_file_and_roundtrip);
  tcase_add_test (cli, cli_crafted_false_by_depqbf);
  tcase_add_test (cli, cli_bad_parameters);
  tcase_add_test (cli, cli_help);
  tcase_add_test (cli, fixtures_agree_with_depqbf);
  suite_add_tcase (s, cli);
  return s;
}
