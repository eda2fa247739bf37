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
#include "solver/qbf/cegar.h"
#include "solver/qbf/eval.h"
#include "solver/qbf/qbf.h"
#include "solver/qbf/qdimacs.h"
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
static int solve_checked (const qbf *f, int want) {
  int *m = calloc ((size_t) f->nvars + 1, sizeof *m);
  cegar_stats st;
  cegar_stats_init (&st);
  int r = cegar_solve (f, NULL, NULL, m, &st);
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
  ck_assert_uint_eq (st.iterations, st.level ? st.iterations : 0);
  cegar_stats_clear (&st);
  free (m);
  return r;
}

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

START_TEST (cegar_stats_levels) {
  static const int cl[] = { 1, 2, 0, -1, -2, 0, 2, 3, 4, 0, -2, -3, -4, 0, 0, 0 };
  qbf *f = mk ("a1|e2|a3|e4|a5", cl); /* the unused innermost forall block is dropped */
  cegar_stats st;
  cegar_stats_init (&st);
  ck_assert_int_eq (cegar_solve (f, NULL, NULL, NULL, &st), 10);
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

Suite *cegar_suite (void) {
  Suite *su = suite_create ("cegar");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, cegar_table);
  tcase_add_test (tc, cegar_stats_levels);
  tcase_add_test (tc, cegar_random_vs_depqbf_and_eval);
  suite_add_tcase (su, tc);
  tc = tcase_create ("limits");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, cegar_node_limit);
  suite_add_tcase (su, tc);
  tc = tcase_create ("contract");
  tcase_set_timeout (tc, 10);
  tcase_add_test_raise_signal (tc, cegar_ssat_aborts, SIGABRT);
  suite_add_tcase (su, tc);
  return su;
}
