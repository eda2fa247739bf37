/* Tests of solver/qbf/cegar: the clausal-abstraction QBF solver against the
 * reference evaluator and depqbf, its models, limits and the solve CLI. */
#include <check.h>
#include <gmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/prng.h"
#include "instances/qbfgen.h"
#include "solver/qbf/cegar.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"

/* Builds a formula from a prefix string like "e1 2|a3|e4" and clauses
 * given as a 0-separated list ending with two zeros. */
static qbf *mk (const char *prefix, const int *cl) {
  qbf *f = qbf_new (0, 0);
  char *p = strdup (prefix), *save = NULL;
  for (char *b = strtok_r (p, "|", &save); b; b = strtok_r (NULL, "|", &save)) {
    int vars[64];
    unsigned n = 0;
    char *e;
    for (const char *s = b + 1; *s; s = e) {
      long v = strtol (s, &e, 10);
      if (e == s) break;
      vars[n++] = (int) v;
    }
    qbf_add_block (f, b[0] == 'a' ? QBF_FORALL : QBF_EXISTS, vars, n, NULL);
  }
  free (p);
  while (cl[0] || cl[1]) {
    unsigned n = 0;
    while (cl[n]) n++;
    qbf_add_clause (f, cl, n);
    cl += n + 1;
  }
  qbf_finish (f);
  f->header_vars = f->nvars, f->header_clauses = f->nclauses;
  return f;
}

static int ref_value (const qbf *f) {
  mpq_t v;
  mpq_init (v);
  ck_assert (eval_value (v, f));
  int r = mpq_sgn (v) ? 10 : 20;
  mpq_clear (v);
  return r;
}

/* Solves f, checks the answer against 'want' (if nonzero) and the model of
 * the outermost block (against the reference evaluator when small). */
static int solve_checked_opts (const qbf *f, int want, const cegar_opts *o) {
  int *m = calloc ((size_t) f->nvars + 1, sizeof *m);
  cegar_stats st;
  cegar_stats_init (&st);
  int r = cegar_solve (f, NULL, o, m, &st);
  ck_assert_int_ne (r, 0);
  if (want) ck_assert_int_eq (r, want);
  bool winner0 = f->nblocks && ((f->blocks[0].quant == QBF_EXISTS) == (r == 10));
  for (unsigned k = 0; f->nblocks && k < f->blocks[0].nvars; k++) {
    int v = f->blocks[0].vars[k];
    ck_assert_int_eq (abs (m[v]), winner0 ? v : 0);
  }
  if (winner0) {
    qbf *g = cegar_substitute (f, m);
    int rest = qbf_num_quantified (g) <= EVAL_MAX_VARS ? ref_value (g) : cegar_solve (g, NULL, NULL, NULL, NULL);
    ck_assert_int_eq (rest, r);
    qbf_free (g);
    ck_assert_int_eq (cegar_check_model (f, r, m, NULL), 1);
  }
  cegar_stats_clear (&st);
  free (m);
  return r;
}

static int solve_checked (const qbf *f, int want) { return solve_checked_opts (f, want, NULL); }

START_TEST (cegar_table) {
  static const struct { const char *prefix; int cl[40]; int want; } t[] = {
    { "a1|e2", { 1, 2, 0, -1, -2, 0, 0, 0 }, 10 },          /* y = not x */
    { "e2|a1", { 1, 2, 0, -1, -2, 0, 0, 0 }, 20 },          /* y chosen first */
    { "e1", { 0, 0 }, 10 },                                 /* no clauses */
    { "e1", { 1, 0, -1, 0, 0, 0 }, 20 },                    /* x and not x */
    { "a1|e2", { 1, 0, 0, 0 }, 20 },                        /* forall-only clause */
    { "a1|e2", { -1, 0, 0, 0 }, 20 },
    { "e2|a1", { 1, -1, 2, 0, 0, 0 }, 10 },                 /* tautology */
    { "e1|a2", { 1, 2, 0, 0, 0 }, 10 },                     /* reduced to (x) */
    { "e1|a2", { 1, 2, 0, -1, 2, 0, 0, 0 }, 20 },           /* reduced to (x)(-x) */
    { "a1 2|e3", { 1, 2, 3, 0, -3, 0, 0, 0 }, 20 },
    { "a1|e2|a3|e4", { 1, 2, 0, -1, -2, 0, 2, 3, 4, 0, -2, -3, -4, 0, 0, 0 }, 10 },
    { "a1|e2|a3|e4", { 3, 4, 0, -3, -4, 0, 1, 4, 0, -1, -4, 0, 0, 0 }, 20 },
    { "e1|a2|e3", { 1, 2, 3, 0, 1, -2, -3, 0, -1, 2, -3, 0, -1, -2, 3, 0, 0, 0 }, 10 }, /* parity */
    { "e1 2|a3|e4|a5|e6", { 1, 3, 4, 0, -4, 5, 6, 0, -6, -5, 0, 2, -3, 0, 0, 0 }, 10 },
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    qbf *f = mk (t[i].prefix, t[i].cl);
    if (qbf_num_quantified (f) <= EVAL_MAX_VARS) ck_assert_int_eq (ref_value (f), t[i].want);
    int r = solve_checked (f, t[i].want);
    ck_assert_msg (r == t[i].want, "formula %zu: %d, want %d", i, r, t[i].want);
    qbf_free (f);
  }
}
END_TEST

/* The options with every prep_ technique off. */
static void no_prep (cegar_opts *o) {
  unsigned nopt;
  const cegar_opt_info *table = cegar_opt_table (&nopt);
  cegar_opts_init (o);
  for (unsigned k = 0; k < nopt; k++)
    if (!strncmp (table[k].name, "prep_", 5)) ck_assert (cegar_opts_set (o, table[k].name, 0));
}

START_TEST (cegar_stats_levels) {
  static const int cl[] = { 1, 2, 0, -1, -2, 0, 2, 3, 4, 0, -2, -3, -4, 0, 0, 0 };
  qbf *f = mk ("a1|e2|a3|e4|a5", cl); /* the unused innermost forall block is dropped */
  cegar_stats st;
  cegar_stats_init (&st);
  cegar_opts o;
  no_prep (&o); /* the preprocessor would eliminate 4 (no non-tautological resolvent) */
  ck_assert_int_eq (cegar_solve (f, NULL, &o, NULL, &st), 10);
  ck_assert (!st.prep.ran);
  ck_assert_uint_eq (st.nlevels, 4);
  ck_assert_int_eq (st.level[0].quant, 'a');
  ck_assert_int_eq (st.level[3].quant, 'e');
  ck_assert_uint_eq (st.level[1].clauses, 2);
  ck_assert_uint_eq (st.level[3].clauses, 2);
  ck_assert_uint_eq (st.clauses, 4);
  uint64_t solves = 0;
  for (unsigned L = 0; L < st.nlevels; L++) solves += st.level[L].solves;
  ck_assert_uint_eq (solves, st.iterations);
  ck_assert_uint_gt (st.peak_bytes, 0);
  cegar_stats_clear (&st);
  ck_assert_ptr_null (st.level);
  qbf_free (f);
}
END_TEST

/* Random prenex CNF: 2..5 alternating blocks (innermost exists), 8..40
 * variables, clauses of 2..5 literals drawn from any block, near the
 * true/false boundary. */
static qbf *random_qbf (uint64_t seed, int *nvars) {
  prng r;
  prng_seed (&r, seed);
  int nb = (int) prng_range (&r, 2, 5), n = (int) prng_range (&r, 8, 40);
  if (n < nb) n = nb;
  int nc = (int) prng_range (&r, n, 5 * n / 2);
  qbf *f = qbf_new (n, nc);
  int vars[64], v = 1;
  for (int b = 0; b < nb; b++) {
    int left = nb - b - 1, k = b == nb - 1 ? n - v + 1 : (int) prng_range (&r, 1, n - v + 1 - left);
    for (int j = 0; j < k; j++) vars[j] = v++;
    qbf_add_block (f, ((nb - 1 - b) & 1) ? QBF_FORALL : QBF_EXISTS, vars, (unsigned) k, NULL);
  }
  for (int c = 0; c < nc; c++) {
    int k = (int) prng_range (&r, 2, 5), lits[8];
    for (int j = 0; j < k; j++) {
      int x = (int) prng_range (&r, 1, n);
      lits[j] = prng_below (&r, 2) ? x : -x;
    }
    qbf_add_clause (f, lits, (unsigned) k);
  }
  qbf_finish (f);
  *nvars = n;
  return f;
}

static int depqbf (const char *dir, const qbf *f) {
  char path[4096];
  snprintf (path, sizeof path, "%s/f.qdimacs", dir);
  FILE *o = fopen (path, "w");
  ck_assert_ptr_nonnull (o);
  ck_assert (qdimacs_write (o, f));
  fclose (o);
  return tu_sh (NULL, NULL, "depqbf '%s' >/dev/null 2>&1", path);
}

START_TEST (cegar_random_vs_depqbf_and_eval) {
  char *dir = tu_tmpdir ();
  unsigned count[3] = { 0, 0, 0 }, small = 0;
  for (uint64_t seed = 1; seed <= 1000; seed++) {
    int n;
    qbf *f = random_qbf (seed, &n);
    int d = depqbf (dir, f);
    ck_assert_msg (d == 10 || d == 20, "depqbf exit %d on seed %llu", d, (unsigned long long) seed);
    if (n <= EVAL_MAX_VARS) {
      ck_assert_msg (ref_value (f) == d, "depqbf and eval disagree on seed %llu", (unsigned long long) seed);
      small++;
    }
    int r = solve_checked (f, 0);
    ck_assert_msg (r == d, "seed %llu: cegar %d, depqbf %d", (unsigned long long) seed, r, d);
    count[r == 10]++;
    qbf_free (f);
  }
  /* the sample must exercise both answers and the evaluator */
  ck_assert_uint_ge (count[0], 200);
  ck_assert_uint_ge (count[1], 200);
  ck_assert_uint_ge (small, 200);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* The crafted families are false for every n; small ones also by the evaluator. */
START_TEST (cegar_crafted_families) {
  static const struct { const char *name; qbf *(*gen) (unsigned); unsigned max; unsigned big; } fam[] = {
    { "kbkf", qbfgen_kbkf, 10, 0 },
    { "qparity", qbfgen_qparity, 30, 300 },
    { "cr", qbfgen_cr, 10, 100 },
    { "equality", qbfgen_equality, 9, 0 },
  };
  for (size_t i = 0; i < sizeof fam / sizeof *fam; i++)
    for (unsigned n = 1; n <= fam[i].max + 1; n++) {
      unsigned size = n <= fam[i].max ? n : fam[i].big;
      if (!size) continue;
      qbf *f = fam[i].gen (size);
      ck_assert_ptr_nonnull (f);
      if (qbf_num_quantified (f) <= EVAL_MAX_VARS) ck_assert_int_eq (ref_value (f), 20);
      int r = solve_checked (f, 0);
      ck_assert_msg (r == 20, "%s n=%u: %d", fam[i].name, size, r);
      qbf_free (f);
    }
}
END_TEST

/* The project's random generator with 3..5 blocks, against depqbf. */
START_TEST (cegar_qbfgen_random_vs_depqbf) {
  char *dir = tu_tmpdir ();
  unsigned seen[2] = { 0, 0 };
  for (uint64_t seed = 1; seed <= 150; seed++) {
    qbfgen_random p;
    memset (&p, 0, sizeof p);
    p.nblocks = 3 + (unsigned) (seed % 3);
    for (unsigned b = 0; b < p.nblocks; b++) p.block_vars[b] = 4, p.block_lits[b] = 1;
    p.block_vars[p.nblocks - 1] = 12, p.block_lits[p.nblocks - 1] = 3;
    p.first_forall = p.nblocks % 2 == 0;
    static const unsigned lo[3] = { 200, 340, 820 }, span[3] = { 60, 80, 180 }; /* near the threshold */
    p.nclauses = lo[p.nblocks - 3] + (unsigned) (seed * 7919 % span[p.nblocks - 3]);
    qbf *f = qbfgen_random_formula (&p, seed);
    ck_assert_ptr_nonnull (f);
    int d = depqbf (dir, f);
    ck_assert_int_eq (solve_checked (f, d), d);
    seen[d == 10]++;
    qbf_free (f);
  }
  ck_assert_uint_ge (seen[0], 20);
  ck_assert_uint_ge (seen[1], 20);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* 'scnfg solve --model': V lines for the outermost block, which decide the rest. */
static void cli_model_case (const char *dir, const char *name, const char *text, int want_rc,
                            const char *want_v) {
  char *path = tu_write (dir, name, text);
  char *out;
  int rc = tu_run (&out, NULL, "solve --model -v '%s'", path);
  ck_assert_int_eq (rc, want_rc);
  ck_assert_msg (strstr (out, want_v), "%s: '%s' lacks '%s'", name, out, want_v);
  ck_assert_ptr_nonnull (strstr (out, "\nc level quant"));
  free (out);
  free (path);
}

START_TEST (cegar_cli_model) {
  char *dir = tu_tmpdir ();
  /* exists x forall y exists z: x must be true */
  cli_model_case (dir, "t.qdimacs", "p cnf 3 3\ne 1 0\na 2 0\ne 3 0\n1 2 3 0\n1 -2 0\n-1 2 -3 3 0\n", 10,
                  "s cnf 1 3 3\nV 1 0\n");
  /* forall x exists y: (x) (-x | y): false, the forall player sets x false */
  cli_model_case (dir, "f.qdimacs", "p cnf 2 2\na 1 0\ne 2 0\n1 2 0\n1 -2 0\n", 20, "s cnf 0 2 2\nV -1 0\n");
  /* false with an exists block outermost: no V lines */
  char *path = tu_write (dir, "n.qdimacs", "p cnf 3 3\ne 1 0\na 2 0\ne 3 0\n1 2 3 0\n-1 2 0\n1 -3 0\n");
  char *out;
  ck_assert_int_eq (tu_run (&out, NULL, "solve --model '%s'", path), 20);
  ck_assert_str_eq (out, "s cnf 0 3 3\n");
  free (out);
  free (path);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (cegar_options) {
  cegar_opts o;
  cegar_opts_init (&o);
  ck_assert_int_eq (o.own_phase, 1);
  ck_assert_int_eq (o.own_first, 0);
  ck_assert_int_eq (o.expand, 128);
  ck_assert (cegar_opts_set (&o, "expand", 0));
  ck_assert_int_eq (o.expand, 0);
  ck_assert (!cegar_opts_set (&o, "expand", -1));
  ck_assert (!cegar_opts_set (&o, "own_phase", 2));
  ck_assert (!cegar_opts_set (&o, "nosuch", 0));
  ck_assert_int_eq (o.expand, 0);
  unsigned nopt;
  const cegar_opt_info *table = cegar_opt_table (&nopt);
  ck_assert_uint_eq (nopt, 13);
  ck_assert_str_eq (table[0].name, "own_phase");
  ck_assert_str_eq (table[8].name, "prep_ur");
  /* every heuristic setting gives the same answers */
  char *dir = tu_tmpdir ();
  static const long long alt[][13] = { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
                                       { 1, 1, 1, 1, 1, 1, 100, 1000, 1, 1, 1, 1, 1 },
                                       { 0, 1, 0, 0, 1, 1000, 4000000, 2, 1, 0, 1, 0, 1 } };
  for (size_t a = 0; a < sizeof alt / sizeof *alt; a++) {
    for (unsigned k = 0; k < nopt; k++) ck_assert (cegar_opts_set (&o, table[k].name, alt[a][k]));
    for (uint64_t seed = 2001; seed <= 2100; seed++) {
      int n;
      qbf *f = random_qbf (seed, &n);
      int d = depqbf (dir, f);
      ck_assert_int_eq (solve_checked_opts (f, d, &o), d);
      qbf_free (f);
    }
    qbf *g = qbfgen_cr (6);
    ck_assert_int_eq (solve_checked_opts (g, 20, &o), 20);
    qbf_free (g);
  }
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (cegar_node_limit) {
  int n;
  for (uint64_t seed = 1;; seed++) {
    qbf *f = random_qbf (seed, &n);
    cegar_stats st;
    cegar_stats_init (&st);
    int r = cegar_solve (f, NULL, NULL, NULL, &st);
    ck_assert_int_ne (r, 0);
    if (st.iterations >= 5) {
      scnfg_limits lim;
      limits_init (&lim);
      lim.max_nodes = st.iterations - 1;
      int *m = calloc ((size_t) f->nvars + 1, sizeof *m);
      ck_assert_int_eq (cegar_solve (f, &lim, NULL, m, NULL), 0);
      for (int v = 0; v <= f->nvars; v++) ck_assert_int_eq (m[v], 0);
      lim.max_nodes = st.iterations;
      ck_assert_int_eq (cegar_solve (f, &lim, NULL, m, NULL), r);
      free (m);
      cegar_stats_clear (&st);
      qbf_free (f);
      break;
    }
    cegar_stats_clear (&st);
    qbf_free (f);
  }
}
END_TEST

START_TEST (cegar_ssat_aborts) {
  qbf *f = qbf_new (1, 1);
  mpq_t p;
  mpq_init (p);
  mpq_set_ui (p, 1, 2);
  int v = 1;
  qbf_add_block (f, QBF_RANDOM, &v, 1, p);
  qbf_add_clause (f, &v, 1);
  qbf_finish (f);
  cegar_solve (f, NULL, NULL, NULL, NULL);
}
END_TEST

/* A formula hard for the solver (equality, 2^40 moves): --timeout 1 answers
 * unknown within 2 s; --max-mem 12 (MB) answers unknown on a big CR. */
START_TEST (cegar_cli_limits) {
  char *dir = tu_tmpdir ();
  char *out;
  ck_assert_int_eq (tu_run (NULL, NULL, "gen equality --n 40 -o '%s/eq.qdimacs'", dir), 0);
  double t0 = limits_now ();
  int rc = tu_run (&out, NULL, "solve --timeout 1 '%s/eq.qdimacs'", dir);
  double t = limits_now () - t0;
  ck_assert_int_eq (rc, 0);
  ck_assert_str_eq (out, "s cnf -1 120 81\n");
  ck_assert_msg (t < 2.0, "--timeout 1 took %.2f s", t);
  free (out);
  ck_assert_int_eq (tu_run (NULL, NULL, "gen cr --n 200 -o '%s/cr.qdimacs'", dir), 0);
  /* 12 MB: enough to read the formula (--max-mem covers reading since issue 14), too little to solve it */
  rc = tu_run (&out, NULL, "solve --max-mem 12 --model '%s/cr.qdimacs'", dir);
  ck_assert_int_eq (rc, 0);
  ck_assert_str_eq (out, "s cnf -1 40401 80002\n");
  free (out);
  rc = tu_run (&out, NULL, "solve --max-mem 200 '%s/cr.qdimacs'", dir);
  ck_assert_int_eq (rc, 20);
  free (out);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *cegar_suite (void) {
  Suite *su = suite_create ("cegar");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, cegar_table);
  tcase_add_test (tc, cegar_stats_levels);
  tcase_add_test (tc, cegar_random_vs_depqbf_and_eval);
  tcase_add_test (tc, cegar_crafted_families);
  tcase_add_test (tc, cegar_qbfgen_random_vs_depqbf);
  tcase_add_test (tc, cegar_cli_model);
  tcase_add_test (tc, cegar_options);
  suite_add_tcase (su, tc);
  tc = tcase_create ("limits");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, cegar_node_limit);
  tcase_add_test (tc, cegar_cli_limits);
  suite_add_tcase (su, tc);
  tc = tcase_create ("contract");
  tcase_set_timeout (tc, 10);
  tcase_add_test_raise_signal (tc, cegar_ssat_aborts, SIGABRT);
  suite_add_tcase (su, tc);
  return su;
}
