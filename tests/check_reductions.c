/* Tests of both reductions (reductions/qbf2game, reductions/game2qbf):
 * structure and sizes of the hardness game, leader SPE value = formula value
 * (QBF and SSAT), the round trip qbf -> game -> qbf preserves the value, the
 * membership encoding of random win/lose games agrees with SPE, the class
 * checks of encode, and the reduce/encode CLI; policy2cert: certificates
 * from the policy DAG are valid wherever the dense profile's are, and above
 * the dense profile's limit. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "instances/gamegen.h"
#include "instances/qbfgen.h"
#include "proofs/qcert.h"
#include "reductions/game2qbf.h"
#include "reductions/policy2cert.h"
#include "reductions/qbf2game.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/cert.h"
#include "solver/model/pdag.h"
#include "solver/model/profile.h"
#include "solver/game/spe.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/ssat.h"
#include "tests/testutil.h"


/* Leader's SPE reward of g into v. */
static void spe_value (mpq_t v, const game *g) {
  spe_options o;
  spe_options_init (&o);
  o.max_profile = 0;
  game_solution s;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (spe_solve (g, &o, &s, &e), "spe: %s", e.msg);
  ck_assert_int_eq (s.status, GAME_SOLVED);
  mpq_set (v, s.reward[g->leader]);
  profile_solution_clear (&s);
}

START_TEST (hardness_structure) {
  /* forall 1, r 1/3 {2}, exists 3 . (1 | 2 | -3) & (-1 | 3) */
  qbf *f = tu_qbf ("p cnf 3 2\na 1 0\nr 1/3 2 0\ne 3 0\n1 2 -3 0\n-1 3 0\n");
  qbf2game_sizes sz;
  game *g = qbf2game_reduce (f, &sz);
  ck_assert_int_eq (g->nstages, 2);
  ck_assert_str_eq (g->players[g->leader], "L");
  const game_var *x1 = game_stage (g, 1), *x3 = game_stage (g, 2);
  ck_assert_str_eq (x1->id, "x1");
  ck_assert_str_eq (g->players[x1->player], "F"); /* the forall player moves first */
  ck_assert_str_eq (x3->id, "x3");
  ck_assert_int_eq (x3->player, g->leader);
  int u = game_find_var (g, "x2");
  ck_assert_int_ge (u, 0);
  ck_assert_int_eq (g->vars[u].kind, GAME_EXOGENOUS);
  ck_assert_uint_eq (g->vars[u].position, 2); /* revealed just before stage 2 */
  ck_assert_int_eq (mpq_cmp_si (g->vars[u].prior[0], 2, 3), 0);
  ck_assert_int_eq (mpq_cmp_si (g->vars[u].prior[1], 1, 3), 0);
  ck_assert_uint_eq (x3->nobs, 2); /* x1 and x2 */
  ck_assert (game_is_perfect_info (g));
  ck_assert_uint_eq (sz.formula_vars, 3);
  ck_assert_uint_eq (sz.formula_clauses, 2);
  ck_assert_uint_eq (sz.formula_lits, 5);
  ck_assert_uint_eq (sz.game_vars, 3 + 2 + 1 + 2); /* x1 x2 x3, c1 c2, phi, uL uF */
  /* entries: c1 = or(3 refs, 1 not) 5; c2 = or(not, ref) 4; phi = and(2 refs) 3; uL 1; uF 2 */
  ck_assert_uint_eq (sz.game_entries, 15);
  mpq_t v, w;
  mpq_inits (v, w, NULL);
  spe_value (v, g);
  ck_assert (eval_value (w, f));
  ck_assert (mpq_equal (v, w));
  /* by hand: x1 = 0 -> need x2 | -x3 and 1: x3 = 0 wins: 1; x1 = 1 -> x3 = 1 wins: 1. value 1 */
  ck_assert_int_eq (mpq_cmp_ui (v, 1, 1), 0);
  mpq_clears (v, w, NULL);
  game_free (g);
  qbf_free (f);
}
END_TEST

static void random_params (qbfgen_random *p, unsigned seed, bool ssat) {
  memset (p, 0, sizeof *p);
  p->nblocks = 2 + seed % 3;
  p->first_forall = p->nblocks % 2 == 0;
  for (unsigned b = 0; b < p->nblocks; b++) p->block_vars[b] = 2 + (seed + b) % 3, p->block_lits[b] = 1;
  p->block_lits[p->nblocks - 1] = 2;
  p->nclauses = 6 + seed % 12;
  p->random_blocks = ssat;
}

/* 300 random formulas (QBF and SSAT, at most 14 variables): the leader's SPE
 * value in the reduced game equals the formula's value; sizes are linear. */
START_TEST (hardness_values) {
  for (unsigned seed = 1; seed <= 300; seed++) {
    qbfgen_random p;
    random_params (&p, seed, seed % 2 == 0);
    qbf *f = qbfgen_random_formula (&p, seed);
    ck_assert_ptr_nonnull (f);
    qbf2game_sizes sz;
    game *g = qbf2game_reduce (f, &sz);
    size_t fs = sz.formula_vars + sz.formula_clauses + sz.formula_lits;
    ck_assert_uint_le (sz.game_vars + sz.game_entries, (size_t) QBF2GAME_SIZE_FACTOR * fs + 6);
    mpq_t v, w;
    mpq_inits (v, w, NULL);
    spe_value (v, g);
    ck_assert (eval_value (w, f));
    ck_assert_msg (mpq_equal (v, w), "seed %u: game %s, formula %s", seed, mpq_get_str (NULL, 10, v),
                   mpq_get_str (NULL, 10, w));
    mpq_clears (v, w, NULL);
    game_free (g);
    qbf_free (f);
  }
}
END_TEST

/* Round trip on 200 r-free formulas: reduce, encode, decide both exactly. */
START_TEST (round_trip) {
  int trues = 0;
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  for (unsigned seed = 1; seed <= 200; seed++) {
    qbfgen_random p;
    random_params (&p, seed, false);
    qbf *f = qbfgen_random_formula (&p, seed);
    game *g = qbf2game_reduce (f, NULL);
    qbf *h;
    scnfg_error e;
    error_init (&e);
    ck_assert_msg (game2qbf_encode (&h, NULL, g, one, &e), "seed %u: %s", seed, e.msg);
    mpq_t v, w;
    mpq_inits (v, w, NULL);
    ck_assert (eval_value (v, f));
    ck_assert_int_eq (ssat_solve (w, h, NULL, 1 << 20, NULL), 1);
    ck_assert_msg (mpq_equal (v, w), "seed %u: round trip changed the value", seed);
    trues += mpq_sgn (v) != 0;
    mpq_clears (v, w, NULL);
    qbf_free (h);
    game_free (g);
    qbf_free (f);
  }
  ck_assert_int_gt (trues, 20);
  ck_assert_int_lt (trues, 180);
  mpq_clear (one);
}
END_TEST

/* Membership on random perfect-information win/lose games (with active-if free
 * stages): QBF value = [leader's SPE reward >= t] for t in {0, 1/2, 1, 2}. */
START_TEST (membership_vs_spe) {
  static const char *ts[] = {"0", "1/2", "1", "2"};
  for (unsigned seed = 1; seed <= 150; seed++) {
    gamegen_params gp;
    gamegen_params_init (&gp);
    gp.stages = 2 + seed % 7;
    gp.perfect_info = true;
    gp.win_lose = true;
    gp.seed = seed;
    game *g = gamegen_random (&gp);
    ck_assert_ptr_nonnull (g);
    mpq_t v, t, w;
    mpq_inits (v, t, w, NULL);
    spe_value (v, g);
    for (int k = 0; k < 4; k++) {
      rat_parse_str (t, ts[k], NULL);
      qbf *h;
      scnfg_error e;
      error_init (&e);
      ck_assert_msg (game2qbf_encode (&h, NULL, g, t, &e), "seed %u: %s", seed, e.msg);
      ck_assert_int_eq (ssat_solve (w, h, NULL, 1 << 20, NULL), 1);
      ck_assert_msg ((mpq_sgn (w) != 0) == (mpq_cmp (v, t) >= 0), "seed %u t %s", seed, ts[k]);
      qbf_free (h);
    }
    mpq_clears (v, t, w, NULL);
    game_free (g);
  }
}
END_TEST

static void expect_encode_error (const char *xml, const char *msg) {
  game *g;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (gamexml_read_memory (&g, xml, strlen (xml), "g.xml", &e), "read: %s", e.msg);
  qbf *h = (qbf *) 1;
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  ck_assert (!game2qbf_encode (&h, NULL, g, one, &e));
  ck_assert_ptr_null (h);
  ck_assert_msg (strstr (e.msg, msg), "got '%s', expected '%s'", e.msg, msg);
  mpq_clear (one);
  game_free (g);
}

START_TEST (membership_class) {
  const char *head = "<scnfg version=\"1\" name=\"t\" leader=\"L\"><player id=\"L\"/><player id=\"F\"/>";
  char buf[2000];
  /* not constant-sum: both players get phi */
  snprintf (buf, sizeof buf, "%s<action id=\"a\" player=\"L\" stage=\"1\"/>"
            "<utility id=\"uL\" player=\"L\"><var ref=\"a\"/></utility>"
            "<utility id=\"uF\" player=\"F\"><var ref=\"a\"/></utility></scnfg>", head);
  expect_encode_error (buf, "not win/lose: both players get 0 when the stages play 0");
  /* a domain of 3 */
  snprintf (buf, sizeof buf, "%s<action id=\"a\" player=\"L\" stage=\"1\" domain=\"3\"/>"
            "<utility id=\"uL\" player=\"L\"><eq ref=\"a\" value=\"2\"/></utility>"
            "<utility id=\"uF\" player=\"F\"><not><eq ref=\"a\" value=\"2\"/></not></utility></scnfg>", head);
  expect_encode_error (buf, "variable 'a': has a domain other than {0,1}");
  /* chance */
  snprintf (buf, sizeof buf, "%s<exogenous id=\"u\"><prior>1/2 1/2</prior></exogenous><action id=\"a\" player=\"L\" stage=\"1\"><observes ref=\"u\"/></action>"
            "<utility id=\"uL\" player=\"L\"><var ref=\"a\"/></utility>"
            "<utility id=\"uF\" player=\"F\"><not><var ref=\"a\"/></not></utility></scnfg>", head);
  expect_encode_error (buf, "variable 'u': is exogenous");
  /* a reward of 2 */
  snprintf (buf, sizeof buf, "%s<action id=\"a\" player=\"L\" stage=\"1\"/>"
            "<utility id=\"uL\" player=\"L\"><table parents=\"a\">0 2</table></utility>"
            "<utility id=\"uF\" player=\"F\"><not><var ref=\"a\"/></not></utility></scnfg>", head);
  expect_encode_error (buf, "variable 'uL': has a table entry other than 0 and 1");
}
END_TEST

START_TEST (cli_reduce_encode) {
  char *dir = tu_tmpdir ();
  char *fx = tu_path ("instances/qbf/random-eae-s1.qdimacs");
  char *so, *se;
  ck_assert_int_eq (tu_run (&so, &se, "reduce '%s' -o '%s/g.xml'", fx, dir), 0);
  ck_assert_str_eq (so, "");
  ck_assert_ptr_nonnull (strstr (se, "c formula: 20 variables, 180 clauses, 900 literals (size 1100)\n"));
  free (so), free (se);
  ck_assert_int_eq (tu_run (&so, &se, "encode '%s/g.xml' -o '%s/rt.qdimacs'", dir, dir), 0);
  free (so), free (se);
  ck_assert_int_eq (tu_sh (NULL, NULL, "depqbf '%s/rt.qdimacs'", dir), 10); /* the fixture is true */
  ck_assert_int_eq (tu_run (&so, &se, "export '%s/g.xml' --to qdimacs -o '%s/ex.qdimacs'", dir, dir), 0);
  free (so), free (se);
  ck_assert_int_eq (tu_sh (NULL, NULL, "cmp -s '%s/rt.qdimacs' '%s/ex.qdimacs'", dir, dir), 0); /* the same bytes as encode */
  ck_assert_int_eq (tu_sh (NULL, NULL, "depqbf '%s/ex.qdimacs'", dir), 10);
  ck_assert_int_eq (tu_run (&so, &se, "encode '%s/g.xml' --threshold 3/2 -o '%s/rt.qdimacs'", dir, dir), 0);
  ck_assert_int_eq (tu_sh (NULL, NULL, "depqbf '%s/rt.qdimacs'", dir), 20);
  free (so), free (se);
  /* bad input: exit 2, no output file */
  char *g = tu_path ("instances/games/chance.xml");
  ck_assert_int_eq (tu_run (&so, &se, "encode '%s' -o '%s/x.qdimacs'", g, dir), 2);
  char out[4200];
  snprintf (out, sizeof out, "%s/x.qdimacs", dir);
  ck_assert_ptr_null (tu_slurp (out));
  ck_assert_ptr_nonnull (strstr (se, "is exogenous (encode needs a game without chance)"));
  free (so), free (se), free (g), free (fx);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

/* The certificate of g (value truth) of the leader (skolem) or the follower
 * from the dense profile (dense) or the policy DAG, checked: its qcert status
 * (-1: none extracted); *gates its size. */
static int cert_status (const qbf *f, const game *g, bool dense, bool prune, size_t cache, bool truth, bool skolem,
                        unsigned *gates) {
  spe_options o;
  spe_options_init (&o);
  o.max_profile = dense ? (size_t) 1 << 20 : 0;
  o.prune = prune;
  o.cache_bytes = cache;
  pdag *d = pdag_new (0);
  o.policy = dense ? NULL : d;
  game_solution s;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (spe_solve (g, &o, &s, &e), "spe: %s", e.msg);
  ck_assert_int_eq (s.status, GAME_SOLVED);
  ck_assert_int_eq (mpq_cmp_ui (s.reward[g->leader], truth, 1), 0);
  cert *c = dense ? policy2cert_extract (f, g, s.profile, skolem) : policy2cert_from_dag (f, g, d, skolem);
  int st = -1;
  if (c) {
    qcert_report r;
    qcert_report_init (&r);
    scnfg_limits lim;
    limits_init (&lim);
    st = (int) qcert_check (f, c, &lim, &r);
    qcert_report_clear (&r);
    *gates = c->ngates;
  }
  cert_free (c);
  pdag_free (d);
  profile_solution_clear (&s);
  return st;
}

/* 120 random r-free formulas: the DAG-built certificate is valid exactly
 * where the dense profile's is (always), with pruning and the cache on or off;
 * asked for the loser's policy, the DAG gives none. */
START_TEST (policy_dag_vs_profile) {
  unsigned trues = 0, gd = 0, gp = 0, g0;
  for (unsigned seed = 1; seed <= 120; seed++) {
    qbfgen_random p;
    random_params (&p, seed, false);
    qbf *f = qbfgen_random_formula (&p, seed);
    game *g = qbf2game_reduce (f, NULL);
    mpq_t w;
    mpq_init (w);
    ck_assert (eval_value (w, f));
    bool truth = mpq_sgn (w) != 0;
    trues += truth;
    ck_assert_int_eq (cert_status (f, g, true, true, 0, truth, truth, &g0), QCERT_VALID);
    gp += g0;
    ck_assert_int_eq (cert_status (f, g, false, true, (size_t) 1 << 20, truth, truth, &g0), QCERT_VALID);
    gd += g0;
    ck_assert_int_eq (cert_status (f, g, false, false, 0, truth, truth, &g0), QCERT_VALID);
    ck_assert_int_eq (cert_status (f, g, false, true, 0, truth, truth, &g0), QCERT_VALID);
    ck_assert_msg (cert_status (f, g, false, true, 0, truth, !truth, &g0) == -1, "seed %u: a loser's certificate", seed);
    mpq_clear (w);
    game_free (g);
    qbf_free (f);
  }
  ck_assert_uint_gt (trues, 10);
  ck_assert_uint_lt (trues, 110); /* both kinds, Herbrand too */
  ck_assert_uint_gt (gd, 0);
  ck_assert_uint_gt (gp, 0);
}
END_TEST

/* A 24-variable formula of bench/verify.sh's shape (6+6+12, 216 clauses,
 * seed 1): its dense profile is over the old 2^22 limit; the DAG certifies it. */
START_TEST (policy_dag_large) {
  qbfgen_random p = {.nblocks = 3, .block_vars = {6, 6, 12}, .block_lits = {1, 1, 3}, .nclauses = 216};
  qbf *f = qbfgen_random_formula (&p, 1);
  ck_assert_ptr_nonnull (f);
  game *g = qbf2game_reduce (f, NULL);
  ck_assert_uint_gt (profile_size (g), (size_t) 1 << 22);
  unsigned gates = 0;
  ck_assert_int_eq (cert_status (f, g, false, true, (size_t) 16 << 20, true, true, &gates), QCERT_VALID);
  ck_assert_uint_gt (gates, 0);
  game_free (g);
  qbf_free (f);
}
END_TEST

Suite *reductions_suite (void) {
  Suite *s = suite_create ("reductions");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, hardness_structure);
  tcase_add_test (tc, hardness_values);
  tcase_add_test (tc, round_trip);
  tcase_add_test (tc, membership_vs_spe);
  tcase_add_test (tc, membership_class);
  tcase_add_test (tc, cli_reduce_encode);
  tcase_add_test (tc, policy_dag_vs_profile);
  tcase_add_test (tc, policy_dag_large);
  suite_add_tcase (s, tc);
  return s;
}
