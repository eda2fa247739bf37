/* Tests of solver/qbf/prep: each technique on a formula made for it (exact
 * counts), and random formulas with and without each technique against the
 * reference evaluator and depqbf, models re-checked on the original formula. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/prng.h"
#include "instances/qbfgen.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/cegar.h"
#include "solver/qbf/eval.h"
#include "solver/qbf/prep.h"
#include "tests/testutil.h"

static int value (const qbf *f) {
  mpq_t v;
  mpq_init (v);
  ck_assert (eval_value (v, f));
  int r = mpq_sgn (v) ? 10 : 20;
  mpq_clear (v);
  return r;
}

static const prep_opts ALL = {.ur = true, .unit = true, .pure = true, .subsume = true, .bve = true};

/* One technique alone on a formula built for it: exact statistics and value. */
START_TEST (prep_each_technique) {
  static const struct {
    const char *text;
    prep_opts o;
    unsigned out;     /* clauses left */
    int val;          /* value (10/20) */
    unsigned which;   /* statistic checked: 0 ur, 1 unit, 2 pure_e, 3 pure_a, 4 subsumed, 5 strengthened, 6 eliminated */
    unsigned count;
  } t[] = {
    /* e1 a2 e3: (1 2) reduces to (1) */
    {"p cnf 3 2\ne 1 0\na 2 0\ne 3 0\n1 2 0\n3 -1 0\n", {.ur = true}, 2, 10, 0, 1},
    /* units 1 then 2, (-2 3) becomes (3): three units, nothing left */
    {"p cnf 3 3\ne 1 2 3 0\n1 0\n-1 2 0\n-2 3 0\n", {.unit = true}, 0, 10, 1, 3},
    /* 1 pure positive, 2 pure negative: both set, nothing left */
    {"p cnf 3 2\ne 1 2 3 0\n1 3 0\n-2 -3 0\n", {.pure = true}, 0, 10, 2, 2},
    /* a1 e2: 1 only positive, the forall player sets it false: (2)(-2) left, false */
    {"p cnf 2 2\na 1 0\ne 2 0\n1 2 0\n1 -2 0\n", {.pure = true}, 2, 20, 3, 1},
    /* (1 2) subsumes (1 2 3) and (1 2 -3) */
    {"p cnf 3 4\ne 1 2 3 0\n1 2 0\n1 2 3 0\n1 2 -3 0\n-1 -2 0\n", {.subsume = true}, 2, 10, 4, 2},
    /* (1 2) strengthens (-1 2 3) to (2 3), which (1 2) does not subsume */
    {"p cnf 3 3\ne 1 2 3 0\n1 2 0\n-1 2 3 0\n-2 -3 0\n", {.subsume = true}, 3, 10, 5, 1},
    /* a1 e2 3: eliminating 2 gives (1 3), eliminating 3 gives (1), reduced to the empty clause: false */
    {"p cnf 3 3\na 1 0\ne 2 3 0\n1 2 0\n-2 3 0\n-3 0\n", {.ur = true, .bve = true}, 1, 20, 6, 2},
  };
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    qbf *f = tu_qbf (t[i].text);
    prep_stats st;
    prep *p = prep_run (f, &t[i].o, NULL, &st);
    const qbf *g = prep_formula (p);
    uint64_t got[] = {st.ur_lits, st.units, st.pure_e, st.pure_a, st.subsumed, st.strengthened, st.eliminated};
    ck_assert_msg (got[t[i].which] == t[i].count, "case %zu: statistic %u is %llu, want %u", i, t[i].which,
                   (unsigned long long) got[t[i].which], t[i].count);
    ck_assert_msg (g->nclauses == t[i].out, "case %zu: %u clauses left, want %u", i, g->nclauses, t[i].out);
    ck_assert_uint_eq (st.clauses_out, g->nclauses);
    ck_assert_int_eq (value (f), t[i].val);
    ck_assert_int_eq (value (g), t[i].val);
    ck_assert_int_eq (g->nvars, f->nvars);
    ck_assert_uint_eq (g->nblocks, f->nblocks);
    prep_free (p);
    qbf_free (f);
  }
}
END_TEST

/* Random prenex CNF, 1..4 blocks (innermost exists), 6..16 variables,
 * clauses of 1..4 literals (short ones make units, pure literals and
 * subsumption happen). */
static qbf *random_small (uint64_t seed) {
  prng r;
  prng_seed (&r, seed);
  int nb = (int) prng_range (&r, 1, 4), n = (int) prng_range (&r, 6, 16);
  int nc = (int) prng_range (&r, n, 3 * n);
  qbf *f = qbf_new (n, nc);
  int vars[32], v = 1;
  for (int b = 0; b < nb; b++) {
    int left = nb - b - 1, k = b == nb - 1 ? n - v + 1 : (int) prng_range (&r, 1, n - v + 1 - left);
    for (int j = 0; j < k; j++) vars[j] = v++;
    qbf_add_block (f, ((nb - 1 - b) & 1) ? QBF_FORALL : QBF_EXISTS, vars, (unsigned) k, NULL);
  }
  for (int c = 0; c < nc; c++) {
    int k = (int) prng_range (&r, 1, 4), lits[4];
    for (int j = 0; j < k; j++) {
      int x = (int) prng_range (&r, 1, n);
      lits[j] = prng_below (&r, 2) ? x : -x;
    }
    qbf_add_clause (f, lits, (unsigned) k);
  }
  qbf_finish (f);
  return f;
}

/* The configurations: each technique alone, all, all but one. */
static prep_opts config (unsigned k) {
  prep_opts o = ALL;
  bool *field[] = {&o.ur, &o.unit, &o.pure, &o.subsume, &o.bve};
  if (k < 5) {
    memset (&o, 0, sizeof o);
    *field[k] = true;
    if (k == 4) o.ur = true; /* elimination needs universal reduction */
  } else if (k > 5) {
    *field[k - 6] = false;
  }
  return o;
}
#define NCONFIG 11

static void set_prep (cegar_opts *c, const prep_opts *o) {
  cegar_opts_init (c);
  c->prep_ur = o->ur, c->prep_unit = o->unit, c->prep_pure = o->pure;
  c->prep_subsume = o->subsume, c->prep_bve = o->bve;
}

/* Elimination never drops a resolvent it finds too long: y's resolvent
 * (x1 .. x71) has 71 > 64 literals, so y stays and the formula stays false. */
START_TEST (prep_long_resolvent_kept) {
  qbf *f = qbf_new (72, 73);
  int vars[72], c[72];
  for (int v = 1; v <= 72; v++) vars[v - 1] = v;
  qbf_add_block (f, QBF_EXISTS, vars, 72, NULL);
  for (int v = 1; v <= 70; v++) c[v - 1] = v;
  c[70] = 72; /* y */
  qbf_add_clause (f, c, 71);
  c[0] = -72, c[1] = 71;
  qbf_add_clause (f, c, 2);
  for (int v = 1; v <= 71; v++) {
    c[0] = -v;
    qbf_add_clause (f, c, 1);
  }
  qbf_finish (f);
  prep_opts o = {.ur = true, .bve = true};
  prep_stats st;
  prep *p = prep_run (f, &o, NULL, &st);
  ck_assert_uint_eq (st.eliminated, 1); /* 71 only: (-y) */
  ck_assert_uint_eq (prep_formula (p)->nclauses, 72);
  cegar_opts co;
  set_prep (&co, &o);
  ck_assert_int_eq (cegar_solve (f, NULL, &co, NULL, NULL), 20);
  prep_free (p);
  qbf_free (f);
}
END_TEST

/* Solves f with preprocessing o; checks the answer 'want' and the model of
 * the outermost block on the original f (by the evaluator when small). */
static void solve_and_check (const qbf *f, const prep_opts *o, int want, uint64_t seed, unsigned k) {
  cegar_opts c;
  set_prep (&c, o);
  int *m = calloc ((size_t) f->nvars + 1, sizeof *m);
  int r = cegar_solve (f, NULL, &c, m, NULL);
  ck_assert_msg (r == want, "seed %llu config %u: %d, want %d", (unsigned long long) seed, k, r, want);
  bool winner0 = f->nblocks && (f->blocks[0].quant == QBF_EXISTS) == (r == 10);
  for (unsigned j = 0; f->nblocks && j < f->blocks[0].nvars; j++) {
    int v = f->blocks[0].vars[j];
    ck_assert_int_eq (abs (m[v]), winner0 ? v : 0);
  }
  if (winner0) {
    qbf *g = cegar_substitute (f, m);
    int rest = qbf_num_quantified (g) <= EVAL_MAX_VARS ? value (g) : cegar_solve (g, NULL, NULL, NULL, NULL);
    ck_assert_msg (rest == r, "seed %llu config %u: the model does not check", (unsigned long long) seed, k);
    qbf_free (g);
  }
  free (m);
}

START_TEST (prep_random_vs_eval) {
  unsigned seen[2] = {0, 0};
  prep_stats sum;
  memset (&sum, 0, sizeof sum);
  for (uint64_t seed = 1; seed <= 250; seed++) {
    qbf *f = random_small (seed);
    int want = value (f);
    seen[want == 10]++;
    for (unsigned k = 0; k < NCONFIG; k++) {
      prep_opts o = config (k);
      prep_stats st;
      prep *p = prep_run (f, &o, NULL, &st);
      ck_assert_msg (value (prep_formula (p)) == want, "seed %llu config %u: prep changed the value",
                     (unsigned long long) seed, k);
      prep_free (p);
      if (k == 5) {
        sum.units += st.units, sum.pure_e += st.pure_e, sum.pure_a += st.pure_a, sum.ur_lits += st.ur_lits;
        sum.subsumed += st.subsumed, sum.strengthened += st.strengthened, sum.eliminated += st.eliminated;
      }
      solve_and_check (f, &o, want, seed, k);
    }
    qbf_free (f);
  }
  ck_assert_uint_ge (seen[0], 40);
  ck_assert_uint_ge (seen[1], 40);
  /* every technique did something on the sample */
  ck_assert_uint_gt (sum.units, 0);
  ck_assert_uint_gt (sum.pure_e, 0);
  ck_assert_uint_gt (sum.pure_a, 0);
  ck_assert_uint_gt (sum.ur_lits, 0);
  ck_assert_uint_gt (sum.subsumed, 0);
  ck_assert_uint_gt (sum.strengthened, 0);
  ck_assert_uint_gt (sum.eliminated, 0);
}
END_TEST

static int depqbf (const char *dir, const qbf *f) {
  char path[4096];
  snprintf (path, sizeof path, "%s/f.qdimacs", dir);
  FILE *o = fopen (path, "w");
  ck_assert_ptr_nonnull (o);
  ck_assert (qdimacs_write (o, f));
  fclose (o);
  return tu_sh (NULL, NULL, "depqbf '%s' >/dev/null 2>&1", path);
}

/* The project's generator (E A E, 5 + 5 + 20 variables, 95..134 clauses,
 * near the threshold): every configuration agrees with depqbf. */
START_TEST (prep_qbfgen_vs_depqbf) {
  char *dir = tu_tmpdir ();
  unsigned seen[2] = {0, 0};
  for (uint64_t seed = 1; seed <= 40; seed++) {
    qbfgen_random p;
    memset (&p, 0, sizeof p);
    p.nblocks = 3;
    p.block_vars[0] = p.block_vars[1] = 5, p.block_lits[0] = p.block_lits[1] = 1;
    p.block_vars[2] = 20, p.block_lits[2] = 2;
    p.nclauses = 95 + (unsigned) (seed * 7 % 40);
    qbf *f = qbfgen_random_formula (&p, seed);
    ck_assert_ptr_nonnull (f);
    int d = depqbf (dir, f);
    ck_assert (d == 10 || d == 20);
    seen[d == 10]++;
    for (unsigned k = 0; k < NCONFIG; k++) {
      prep_opts o = config (k);
      solve_and_check (f, &o, d, seed, k);
    }
    qbf_free (f);
  }
  ck_assert_uint_ge (seen[0], 5);
  ck_assert_uint_ge (seen[1], 5);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* solve -v prints one statistics line per technique; --cegar turns one off. */
START_TEST (prep_cli_stats) {
  char *dir = tu_tmpdir ();
  char *path = tu_write (dir, "f.qdimacs", "p cnf 3 3\na 1 0\ne 2 3 0\n1 2 0\n-2 3 0\n-3 0\n");
  char *out;
  ck_assert_int_eq (tu_run (&out, NULL, "solve -v --model '%s'", path), 20);
  ck_assert_ptr_nonnull (strstr (out, "s cnf 0 3 3\nV -1 0\n"));
  ck_assert_ptr_nonnull (strstr (out, "c prep rounds 0 clauses 3 -> 1 literals 5 -> 0 time "));
  ck_assert_ptr_nonnull (strstr (out, "c prep universal-reduction literals 1\n"));
  ck_assert_ptr_nonnull (strstr (out, "c prep unit variables 2\n"));
  ck_assert_ptr_nonnull (strstr (out, "c prep pure exists 0 forall 0\n"));
  ck_assert_ptr_nonnull (strstr (out, "c prep subsumption subsumed 0 strengthened 0\n"));
  ck_assert_ptr_nonnull (strstr (out, "c prep elimination variables 0 resolvents 0\n"));
  free (out);
  ck_assert_int_eq (tu_run (&out, NULL, "solve -v --cegar prep_unit=0 --cegar prep_pure=0 --cegar prep_subsume=0 '%s'", path), 20);
  ck_assert_ptr_nonnull (strstr (out, "c prep unit variables 0\n"));
  ck_assert_ptr_nonnull (strstr (out, "c prep elimination variables 2 resolvents 2\n"));
  free (out);
  free (path);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *prep_suite (void) {
  Suite *s = suite_create ("prep");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, prep_each_technique);
  tcase_add_test (tc, prep_long_resolvent_kept);
  tcase_add_test (tc, prep_random_vs_eval);
  tcase_add_test (tc, prep_qbfgen_vs_depqbf);
  tcase_add_test (tc, prep_cli_stats);
  suite_add_tcase (s, tc);
  return s;
}
