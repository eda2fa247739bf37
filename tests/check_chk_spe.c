/* Tests of proofs/chk_spe: deliberately wrong profiles are rejected with the
 * right deviation named; mutated SPE profiles of random games always fail. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/prng.h"
#include "instances/gamegen.h"
#include "proofs/chk_spe.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"
#include "solver/game/spe.h"
#include "tests/testutil.h"


static game_profile *read_profile (const game *g, const char *doc) {
  scnfg_error err;
  error_init (&err);
  game_profile *p;
  ck_assert_msg (result_read_profile_memory (&p, g, doc, strlen (doc), "p.xml", &err), "%s", err.msg);
  return p;
}

static void expect (const game *g, const char *doc, game_tie tie, int verdict, unsigned stage, const char *msg) {
  game_profile *p = read_profile (g, doc);
  chk_spe_report rep;
  scnfg_error err;
  error_init (&err);
  ck_assert (chk_spe_check (g, p, tie, NULL, &rep, &err));
  ck_assert_msg (rep.verdict == verdict, "verdict %d: %s", rep.verdict, rep.msg);
  if (verdict == CHK_SPE_FAILED) {
    ck_assert_uint_eq (rep.stage, stage);
    ck_assert_str_eq (rep.msg, msg);
  }
  profile_free (p);
}

#define TREE(m, f, e)                                                                                     \
  "<profile>\n <policy stage=\"1\" action=\"m\" observes=\"\"><play obs=\"\" do=\"" m "\"/></policy>\n"  \
  " <policy stage=\"2\" action=\"f\" observes=\"m\"><play obs=\"0\" do=\"" f "\"/></policy>\n"          \
  " <policy stage=\"3\" action=\"e\" observes=\"m f\"><play obs=\"0 1\" do=\"" e "\"/></policy>\n</profile>\n"

START_TEST (tree_deviations) {
  game *g = tu_game_fixture ("active-if-tree");
  expect (g, TREE ("1", "0", "0"), GAME_TIE_STRONG, CHK_SPE_OK, 0, NULL);
  /* y after T-b: the leader gains 3 by x at stage 3, but first the
     follower gains by b at stage 2 (y gives it 2 > 1) */
  expect (g, TREE ("1", "0", "1"), GAME_TIE_STRONG, CHK_SPE_FAILED, 2,
          "stage 2 (action 'f', player F) at m=T: deviating from a to b gives F 2 > 1");
  /* b after T and y after T-b: only stage 3 fails */
  expect (g, TREE ("1", "1", "1"), GAME_TIE_STRONG, CHK_SPE_FAILED, 3,
          "stage 3 (action 'e', player L) at m=T f=b: deviating from y to x gives L 3 > 0");
  /* T at stage 1 (a profitable deviation to B comes first) */
  expect (g, TREE ("0", "0", "0"), GAME_TIE_STRONG, CHK_SPE_FAILED, 1,
          "stage 1 (action 'm', player L) at -: deviating from T to B gives L 5/4 > 1");
  /* b after T: stage 1 still optimal? T now gives L 3 > 5/4, so stage 1 fails first */
  expect (g, TREE ("1", "1", "0"), GAME_TIE_STRONG, CHK_SPE_FAILED, 1,
          "stage 1 (action 'm', player L) at -: deviating from B to T gives L 3 > 5/4");
  /* a missing action at a reached-or-not active history */
  expect (g,
          "<profile><policy stage=\"1\" action=\"m\" observes=\"\"><play obs=\"\" do=\"1\"/></policy>"
          "<policy stage=\"2\" action=\"f\" observes=\"m\"><play obs=\"0\" do=\"0\"/></policy>"
          "<policy stage=\"3\" action=\"e\" observes=\"m f\"/></profile>",
          GAME_TIE_STRONG, CHK_SPE_FAILED, 3,
          "stage 3 (action 'e', player L) at m=T f=b: the profile names no action");
  game_free (g);
}
END_TEST

#define EPS(a, fa, fb)                                                                                   \
  "<profile>\n <policy stage=\"1\" action=\"a\" observes=\"\"><play obs=\"\" do=\"" a "\"/></policy>\n" \
  " <policy stage=\"2\" action=\"f\" observes=\"a\"><play obs=\"0\" do=\"" fa "\"/><play obs=\"1\" do=\"" fb "\"/></policy>\n</profile>\n"

START_TEST (tie_breaks) {
  game *g = tu_game_fixture ("eps-tie");
  /* after A the follower is indifferent: l is strong and lex, r is weak */
  expect (g, EPS ("0", "0", "0"), GAME_TIE_STRONG, CHK_SPE_OK, 0, NULL);
  expect (g, EPS ("0", "0", "0"), GAME_TIE_LEX, CHK_SPE_OK, 0, NULL);
  expect (g, EPS ("0", "0", "0"), GAME_TIE_INSTINCT_WEAK, CHK_SPE_OK, 0, NULL);
  expect (g, EPS ("1", "1", "0"), GAME_TIE_WEAK, CHK_SPE_OK, 0, NULL);
  expect (g, EPS ("1", "1", "0"), GAME_TIE_STRONG, CHK_SPE_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: tie-break strong selects l, the profile plays r");
  expect (g, EPS ("0", "1", "0"), GAME_TIE_STRONG, CHK_SPE_FAILED, 1,
          "stage 1 (action 'a', player L) at -: deviating from A to B gives L 1 > 0");
  expect (g, EPS ("1", "1", "0"), GAME_TIE_LEX, CHK_SPE_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: tie-break lex selects l, the profile plays r");
  /* a pure tie-break violation at stage 2: weak requires r after A */
  expect (g, EPS ("1", "0", "0"), GAME_TIE_WEAK, CHK_SPE_FAILED, 1,
          "stage 1 (action 'a', player L) at -: deviating from B to A gives L 3 > 1");
  expect (g, EPS ("0", "0", "0"), GAME_TIE_WEAK, CHK_SPE_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: tie-break weak selects r, the profile plays l");
  game_free (g);
}
END_TEST

START_TEST (layer_one_stage) {
  game *g = tu_game_fixture ("three-players");
  /* B's stage allows layer 1 only: its policy must be the instinct (a copy of x1) */
  const char *doc =
      "<profile>\n"
      " <policy stage=\"1\" action=\"x1\" observes=\"\"><play obs=\"\" do=\"0\"/></policy>\n"
      " <policy stage=\"2\" action=\"x2\" layer=\"2\" observes=\"x1\"><play obs=\"0\" do=\"1\"/></policy>\n"
      " <policy stage=\"3\" action=\"x3\" observes=\"x1 x2\"><play obs=\"0 0\" do=\"2\"/><play obs=\"1 1\" do=\"0\"/>"
      "</policy>\n</profile>\n";
  expect (g, doc, GAME_TIE_STRONG, CHK_SPE_FAILED, 2,
          "stage 2 (action 'x2') at x1=0: only layer 1 is allowed, so the instinct must be played");
  const char *good =
      "<profile>\n"
      " <policy stage=\"1\" action=\"x1\" observes=\"\"><play obs=\"\" do=\"0\"/></policy>\n"
      " <policy stage=\"2\" action=\"x2\" layer=\"1\" observes=\"x1\"/>\n"
      " <policy stage=\"3\" action=\"x3\" observes=\"x1 x2\"><play obs=\"0 0\" do=\"2\"/><play obs=\"1 1\" do=\"0\"/>"
      "</policy>\n</profile>\n";
  expect (g, good, GAME_TIE_STRONG, CHK_SPE_OK, 0, NULL);
  game_free (g);
}
END_TEST

START_TEST (mutated_random_profiles) {
  /* the SPE under a tie-break is unique, so changing any entry must fail,
     at the changed stage or earlier */
  prng r;
  prng_seed (&r, 99);
  unsigned mutated = 0;
  for (uint64_t seed = 0; seed < 150; seed++) {
    gamegen_params p;
    gamegen_params_init (&p);
    p.seed = 1000 + seed;
    p.perfect_info = true;
    p.stages = 2 + (unsigned) (seed % 4);
    p.domain = 3;
    p.confounders = (unsigned) (seed % 2);
    game *g = gamegen_random (&p);
    spe_options o;
    spe_options_init (&o);
    o.tie = (game_tie) (seed % 3);
    game_solution sol;
    scnfg_error err;
    error_init (&err);
    ck_assert (spe_solve (g, &o, &sol, &err));
    game_profile *pr = sol.profile;
    /* pick a random set entry of a stage with a choice */
    unsigned t = 1 + (unsigned) prng_below (&r, g->nstages);
    game_policy *pol = &pr->pol[t - 1];
    size_t idx = (size_t) prng_below (&r, pol->size);
    for (size_t k = 0; k < pol->size && pol->act[idx] == PROFILE_NONE; k++) idx = (idx + 1) % pol->size;
    if (pol->act[idx] != PROFILE_NONE && pol->layer != 1) {
      unsigned d = g->vars[pol->var].domain;
      pol->act[idx] = (pol->act[idx] + 1 + (int) prng_below (&r, d - 1)) % (int) d;
      chk_spe_report rep;
      ck_assert (chk_spe_check (g, pr, o.tie, NULL, &rep, &err));
      ck_assert_msg (rep.verdict == CHK_SPE_FAILED, "seed %llu: mutation at stage %u accepted",
                     (unsigned long long) p.seed, t);
      ck_assert_uint_le (rep.stage, t);
      mutated++;
    }
    profile_solution_clear (&sol);
    game_free (g);
  }
  ck_assert_uint_ge (mutated, 100);
}
END_TEST

START_TEST (checker_limit) {
  gamegen_params p;
  gamegen_params_init (&p);
  p.win_lose = true, p.stages = 10, p.seed = 1;
  game *g = gamegen_random (&p);
  spe_options o;
  spe_options_init (&o);
  game_solution sol;
  scnfg_error err;
  ck_assert (spe_solve (g, &o, &sol, &err));
  scnfg_limits lim;
  limits_init (&lim);
  lim.max_nodes = 50;
  chk_spe_report rep;
  ck_assert (chk_spe_check (g, sol.profile, o.tie, &lim, &rep, &err));
  ck_assert_int_eq (rep.verdict, CHK_SPE_UNKNOWN);
  profile_solution_clear (&sol);
  game_free (g);
}
END_TEST

START_TEST (cli_check) {
  char *path = tu_path ("instances/games/active-if-tree.xml");
  char *dir = tu_tmpdir ();
  char *p = tu_write (dir, "p.xml", TREE ("1", "1", "1"));
  char *out = NULL;
  ck_assert_int_eq (tu_run (&out, NULL, "check '%s' '%s' --concept spe", path, p), 1);
  ck_assert_str_eq (out, "FAILED stage 3 (action 'e', player L) at m=T f=b: deviating from y to x gives L 3 > 0\n");
  free (out);
  ck_assert_int_eq (tu_run (NULL, NULL, "check '%s' '%s' --concept spe --max-nodes 2", path, p), 3);
  ck_assert_int_eq (tu_run (NULL, NULL, "check '%s' --concept spe", path), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "check '%s' '%s' --concept mixed", path, p), 2);
  free (p);
  p = tu_write (dir, "q.xml", "<profile><policy stage=\"9\" action=\"m\" observes=\"\"/></profile>");
  char *err = NULL;
  ck_assert_int_eq (tu_run (NULL, &err, "check '%s' '%s' --concept spe", path, p), 2);
  ck_assert_msg (strstr (err, "q.xml:1: element <policy>: stage 9 does not exist"), "%s", err);
  free (err), free (p), free (path);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *chk_spe_suite (void) {
  Suite *s = suite_create ("chk_spe");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, tree_deviations);
  tcase_add_test (tc, tie_breaks);
  tcase_add_test (tc, layer_one_stage);
  tcase_add_test (tc, mutated_random_profiles);
  suite_add_tcase (s, tc);
  TCase *tl = tcase_create ("limits");
  tcase_set_timeout (tl, 30);
  tcase_add_test (tl, checker_limit);
  suite_add_tcase (s, tl);
  TCase *tcl = tcase_create ("cli");
  tcase_set_timeout (tcl, 30);
  tcase_add_test (tcl, cli_check);
  suite_add_tcase (s, tcl);
  return s;
}
