/* Tests of solver/game/spe: exact answers on the fixtures under every
 * tie-break, limits, rejection of imperfect information, 500 seeded random
 * games whose SPE passes the independent checker, and the CLI. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "instances/gamegen.h"
#include "proofs/chk_spe.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/spe.h"
#include "tests/testutil.h"


/* rewards: the players' rewards then the welfare, space-separated */
static const struct { const char *game, *tie, *rewards, *first; } cases[] = {
    {"active-if-tree", "strong", "5/4 1/2 7/4", "m=B f=- e=-"},
    {"active-if-tree", "weak", "5/4 1/2 7/4", "m=B f=- e=-"},
    {"entry-deterrence", "strong", "1 1 2", "enter=in respond=accommodate"},
    {"entry-deterrence", "weak", "1 1 2", "enter=in respond=accommodate"},
    {"eps-example", "strong", "1 1 2", "a=B f=l"},
    {"eps-example", "instinct-lex", "1 1 2", "a=B f=l"},
    {"eps-tie", "strong", "3 1 4", "a=A f=l"},
    {"eps-tie", "weak", "1 1 2", "a=B f=l"},
    {"eps-tie", "lex", "3 1 4", "a=A f=l"},
    {"eps-tie", "instinct-weak", "3 1 4", "a=A f=l"},
    {"chance", "strong", "13/6 3/2 11/3", "x1=r u=0 x2=k"},
    {"chance", "weak", "7/6 3/2 8/3", "x1=r u=0 x2=k"},
    {"chance", "lex", "7/6 3/2 8/3", "x1=r u=0 x2=k"},
    {"three-players", "strong", "4 0 1 5", "x1=0 x2=0 x3=two"},
    {"lottery", "strong", "1 2/3 5/3", "u=0"},
};

static void outcome_str (const game *g, const int *vals, char *buf, size_t n) {
  size_t k = 0;
  char lb[32];
  buf[0] = 0;
  for (unsigned i = 0; i < g->nfixed; i++) {
    int v = g->order[i];
    if (g->vars[v].kind == GAME_ENDOGENOUS) continue;
    const char *l = g->vars[v].kind == GAME_ACTION && !game_active (g, v, vals) ? "-" : game_value_label (g, v, vals[v], lb, sizeof lb);
    k += (size_t) snprintf (buf + k, n - k, "%s%s=%s", k ? " " : "", g->vars[v].id, l);
  }
}

START_TEST (fixtures) {
  game *g = tu_game_fixture (cases[_i].game);
  spe_options o;
  spe_options_init (&o);
  ck_assert (profile_tie_parse (cases[_i].tie, &o.tie));
  game_solution sol;
  scnfg_error err;
  error_init (&err);
  ck_assert (spe_solve (g, &o, &sol, &err));
  ck_assert_int_eq (sol.status, GAME_SOLVED);
  char got[400] = "";
  size_t k = 0;
  for (unsigned i = 0; i <= g->nplayers; i++) {
    char *s = rat_to_str (i < g->nplayers ? sol.reward[i] : sol.welfare);
    k += (size_t) snprintf (got + k, sizeof got - k, "%s%s", i ? " " : "", s);
    free (s);
  }
  ck_assert_msg (!strcmp (got, cases[_i].rewards), "%s/%s: %s, expected %s", cases[_i].game, cases[_i].tie, got,
                 cases[_i].rewards);
  ck_assert_ptr_nonnull (sol.profile);
  ck_assert_uint_ge (sol.outcomes.n, 1);
  char oc[400];
  outcome_str (g, sol.outcomes.o[0].vals, oc, sizeof oc);
  ck_assert_str_eq (oc, cases[_i].first);
  /* the output passes its checker */
  chk_spe_report rep;
  ck_assert (chk_spe_check (g, sol.profile, o.tie, NULL, &rep, &err));
  ck_assert_msg (rep.verdict == CHK_SPE_OK, "%s", rep.msg);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

START_TEST (active_if_profile) {
  /* B, with x after T-b and a after T; nothing at inactive histories */
  game *g = tu_game_fixture ("active-if-tree");
  spe_options o;
  spe_options_init (&o);
  game_solution sol;
  scnfg_error err;
  ck_assert (spe_solve (g, &o, &sol, &err));
  game_profile *p = sol.profile;
  ck_assert_int_eq (p->pol[0].act[0], 1);            /* m = B */
  ck_assert_int_eq (p->pol[1].act[0], 0);            /* after T: a */
  ck_assert_int_eq (p->pol[1].act[1], PROFILE_NONE); /* after B: inactive */
  ck_assert_int_eq (p->pol[2].act[1], 0);            /* after T-b: x */
  ck_assert_int_eq (p->pol[2].act[0], PROFILE_NONE);
  ck_assert_int_eq (p->pol[2].act[2], PROFILE_NONE);
  ck_assert_int_eq (p->pol[2].act[3], PROFILE_NONE);
  ck_assert_uint_eq (sol.leaves, 4);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

START_TEST (imperfect_rejected) {
  game *g = tu_game_fixture ("imperfect");
  spe_options o;
  spe_options_init (&o);
  game_solution sol;
  scnfg_error err;
  error_init (&err);
  ck_assert (!spe_solve (g, &o, &sol, &err));
  ck_assert_str_eq (err.msg, "SPE needs a perfect-information game: stage 2 (action 'f') does not observe 'a'");
  ck_assert_uint_eq (err.line, 10);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

START_TEST (node_limit) {
  gamegen_params p;
  gamegen_params_init (&p);
  p.win_lose = true, p.stages = 12, p.seed = 5;
  game *g = gamegen_random (&p);
  spe_options o;
  spe_options_init (&o);
  o.limits.max_nodes = 1000;
  game_solution sol;
  scnfg_error err;
  ck_assert (spe_solve (g, &o, &sol, &err));
  ck_assert_int_eq (sol.status, GAME_UNKNOWN);
  ck_assert_str_eq (sol.reason, "node limit");
  ck_assert_ptr_null (sol.profile);
  profile_solution_clear (&sol);
  /* without the limit: every leaf of the binary tree, 2^13 - 1 nodes */
  o.limits.max_nodes = 0;
  o.max_profile = 0;
  ck_assert (spe_solve (g, &o, &sol, &err));
  ck_assert_int_eq (sol.status, GAME_SOLVED);
  ck_assert_uint_eq (sol.leaves, 4096);
  ck_assert_uint_eq (sol.nodes, 8191);
  ck_assert_ptr_null (sol.profile);
  ck_assert_msg (strstr (sol.reason, "profile not stored"), "%s", sol.reason);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

START_TEST (random_games_pass_checker) {
  /* 500 seeded random perfect-information games, tie-breaks in rotation */
  static const game_tie ties[] = {GAME_TIE_STRONG, GAME_TIE_WEAK, GAME_TIE_LEX, GAME_TIE_INSTINCT_STRONG};
  for (uint64_t seed = 0; seed < 500; seed++) {
    gamegen_params p;
    gamegen_params_init (&p);
    p.seed = seed;
    p.perfect_info = true;
    p.stages = 1 + (unsigned) (seed % 5);
    p.domain = 2 + (unsigned) (seed % 2);
    p.confounders = (unsigned) (seed % 3);
    p.win_lose = seed % 25 == 7;
    game *g = gamegen_random (&p);
    spe_options o;
    spe_options_init (&o);
    o.tie = ties[seed % 4];
    game_solution sol;
    scnfg_error err;
    error_init (&err);
    ck_assert (spe_solve (g, &o, &sol, &err));
    ck_assert_ptr_nonnull (sol.profile);
    chk_spe_report rep;
    ck_assert (chk_spe_check (g, sol.profile, o.tie, NULL, &rep, &err));
    ck_assert_msg (rep.verdict == CHK_SPE_OK, "seed %llu: %s", (unsigned long long) seed, rep.msg);
    /* the profile's own evaluation gives the same rewards */
    mpq_t r[2];
    mpq_init (r[0]), mpq_init (r[1]);
    ck_assert (profile_evaluate (g, sol.profile, r, NULL, 0, NULL));
    ck_assert (mpq_equal (r[0], sol.reward[0]) && mpq_equal (r[1], sol.reward[1]));
    mpq_clear (r[0]), mpq_clear (r[1]);
    profile_solution_clear (&sol);
    game_free (g);
  }
}
END_TEST

/* ---- CLI ---- */

START_TEST (cli_game) {
  char *path = tu_path ("instances/games/active-if-tree.xml");
  char *out = NULL;
  ck_assert_int_eq (tu_run (&out, NULL, "game '%s' --concept spe --tie strong", path), 0);
  ck_assert_msg (strstr (out, "reward L (leader) 5/4\nreward F 1/2\nwelfare 7/4\n"), "%s", out);
  ck_assert_msg (strstr (out, "policy stage 2 f (player F, layer 2)\n  m=T -> a\n"), "%s", out);
  ck_assert_msg (strstr (out, "  m=T f=b -> x\n"), "%s", out);
  ck_assert_msg (strstr (out, "outcome 1 m=B f=- e=-\n"), "%s", out);
  free (out);
  /* --xml, then scnfg check on it */
  char *dir = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "game '%s' --concept spe --xml -o '%s/r.xml'", path, dir), 0);
  ck_assert_int_eq (tu_run (&out, NULL, "check '%s' '%s/r.xml' --concept spe", path, dir), 0);
  ck_assert_msg (!strncmp (out, "verified subgame perfect", 24), "%s", out);
  free (out);
  char *err = NULL;
  ck_assert_int_eq (tu_run (NULL, &err, "game '%s' --concept nash", path), 2);
  ck_assert_str_eq (err, "scnfg game: unknown concept 'nash'\n");
  free (err);
  ck_assert_int_eq (tu_run (NULL, NULL, "game '%s' --concept spe --tie medium", path), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "game '%s'", path), 2);
  ck_assert_int_eq (tu_run (&out, NULL, "game --help"), 0);
  free (out);
  free (path);
  path = tu_path ("instances/games/imperfect.xml");
  ck_assert_int_eq (tu_run (NULL, &err, "game '%s' --concept spe", path), 2);
  ck_assert_msg (strstr (err, "imperfect.xml:10: SPE needs a perfect-information game"), "%s", err);
  free (err), free (path);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

START_TEST (cli_limit) {
  char *dir = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "gengame random-game --win-lose --stages 14 --seed 3 -o '%s/g.xml'", dir), 0);
  char *out = NULL, *err = NULL;
  ck_assert_int_eq (tu_run (&out, &err, "game '%s/g.xml' --concept spe --max-nodes 100", dir), 3);
  ck_assert_msg (strstr (out, "status unknown (node limit)"), "%s", out);
  ck_assert_msg (strstr (err, "UNKNOWN"), "%s", err);
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, NULL, "game '%s/g.xml' --concept spe --xml --max-nodes 100", dir), 3);
  ck_assert_msg (strstr (out, "status=\"unknown\" reason=\"node limit\""), "%s", out);
  free (out);
  ck_assert_int_eq (tu_run (NULL, NULL, "game '%s/g.xml' --concept spe --timeout x", dir), 2);
  /* 2^24 leaves take seconds: a 0.05 s deadline is hit */
  ck_assert_int_eq (tu_run (NULL, NULL, "gengame random-game --win-lose --stages 24 --seed 3 -o '%s/h.xml'", dir), 0);
  ck_assert_int_eq (tu_run (&out, NULL, "game '%s/h.xml' --concept spe --timeout 0.05", dir), 3);
  ck_assert_msg (strstr (out, "status unknown (timeout)"), "%s", out);
  free (out);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *spe_suite (void) {
  Suite *s = suite_create ("spe");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, fixtures, 0, (int) (sizeof cases / sizeof *cases));
  tcase_add_test (tc, active_if_profile);
  tcase_add_test (tc, imperfect_rejected);
  tcase_add_test (tc, random_games_pass_checker);
  suite_add_tcase (s, tc);
  TCase *tl = tcase_create ("limits");
  tcase_set_timeout (tl, 60);
  tcase_add_test (tl, node_limit);
  tcase_add_test (tl, cli_limit);
  suite_add_tcase (s, tl);
  TCase *tcl = tcase_create ("cli");
  tcase_set_timeout (tcl, 60);
  tcase_add_test (tcl, cli_game);
  suite_add_tcase (s, tcl);
  return s;
}
