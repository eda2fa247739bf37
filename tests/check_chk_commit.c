/* Tests of proofs/chk_commit: deliberately wrong profiles are rejected with
 * the right deviation named; mutated finder profiles of random games always
 * fail; the brute-force size limit is reported honestly. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/prng.h"
#include "instances/gamegen.h"
#include "proofs/chk_commit.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"
#include "solver/game/sse.h"
#include "tests/testutil.h"


static void expect (const game *g, const char *doc, int concept, game_tie tie, const char *eps, bool robust, int verdict,
                    unsigned stage, const char *msg) {
  scnfg_error err;
  error_init (&err);
  game_profile *p;
  ck_assert_msg (result_read_profile_memory (&p, g, doc, strlen (doc), "p.xml", &err), "%s", err.msg);
  chk_commit_options o;
  chk_commit_options_init (&o);
  o.concept = concept, o.tie = tie, o.robust = robust;
  if (eps) mpq_set_str (o.eps, eps, 10), mpq_canonicalize (o.eps);
  chk_commit_report rep;
  ck_assert (chk_commit_check (g, p, &o, &rep, &err));
  ck_assert_msg (rep.verdict == verdict, "verdict %d: %s", rep.verdict, rep.msg);
  if (verdict == CHK_COMMIT_FAILED) {
    ck_assert_uint_eq (rep.stage, stage);
    ck_assert_str_eq (rep.msg, msg);
  }
  chk_commit_options_clear (&o);
  profile_free (p);
}

#define EPSL(a, fa, fb, layer)                                                                            \
  "<profile>\n <policy stage=\"1\" action=\"a\" observes=\"\"><play obs=\"\" do=\"" a "\"/></policy>\n"   \
  " <policy stage=\"2\" action=\"f\" layer=\"" layer "\" observes=\"a\"><play obs=\"0\" do=\"" fa         \
  "\"/><play obs=\"1\" do=\"" fb "\"/></policy>\n</profile>\n"
#define EPS(a, fa, fb) EPSL (a, fa, fb, "2")

START_TEST (eps_example) {
  game *g = tu_game_fixture ("eps-example");
  expect (g, EPS ("1", "1", "0"), CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_OK, 0, NULL);
  /* the follower must take r after A (21/20 > 1) */
  expect (g, EPS ("1", "0", "0"), CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: deviating from l to r gives F 21/20 > 1");
  /* a correct follower, a suboptimal leader: A gives 0 < 1 */
  expect (g, EPS ("0", "1", "0"), CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 1,
          "leader: the policy playing B instead of A at stage 1 (action 'a') at - (first difference) gives L 1 > 0");
  /* satisficing with eps 1/10: the follower keeps l after A; the profile plays r */
  expect (g, EPS ("1", "1", "0"), CHK_COMMIT_SATISFICING, GAME_TIE_STRONG, "1/10", false, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: the instinct (worth 1, best 21/20) is within eps: the satisficing "
          "follower keeps it (l), the profile plays r");
  expect (g, EPSL ("0", "0", "0", "1"), CHK_COMMIT_SATISFICING, GAME_TIE_STRONG, "1/10", false, CHK_COMMIT_OK, 0, NULL);
  /* the satisficing follower reports its lowest sufficient layer: here 1 */
  expect (g, EPS ("0", "0", "0"), CHK_COMMIT_SATISFICING, GAME_TIE_STRONG, "1/10", false, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f'): reported layer 2, expected 1 (the lowest allowed layer containing the policy on the "
          "positive-probability (o, x~))");
  /* eps 0: keeping l after A is not allowed */
  expect (g, EPS ("0", "0", "0"), CHK_COMMIT_SATISFICING, GAME_TIE_STRONG, "0", false, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: deviating from l to r gives F 21/20 > 1");
  game_free (g);
}
END_TEST

START_TEST (tie_variant) {
  game *g = tu_game_fixture ("eps-tie");
  expect (g, EPS ("1", "1", "0"), CHK_COMMIT_SSE, GAME_TIE_WEAK, NULL, false, CHK_COMMIT_OK, 0, NULL);
  expect (g, EPS ("0", "0", "0"), CHK_COMMIT_SSE, GAME_TIE_WEAK, NULL, false, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: tie-break weak selects r, the profile plays l");
  expect (g, EPS ("0", "0", "0"), CHK_COMMIT_SSE, GAME_TIE_INSTINCT_WEAK, NULL, false, CHK_COMMIT_OK, 0, NULL);
  expect (g, EPSL ("1", "1", "0", "1"), CHK_COMMIT_SATISFICING, GAME_TIE_WEAK, "0", true, CHK_COMMIT_OK, 0, NULL);
  expect (g, EPS ("0", "0", "0"), CHK_COMMIT_SATISFICING, GAME_TIE_WEAK, "0", true, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f', player F) at a=A: robust: the eps-best choice worst for the leader is r, the profile "
          "plays l");
  expect (g, EPSL ("0", "0", "0", "1"), CHK_COMMIT_SATISFICING, GAME_TIE_WEAK, "0", false, CHK_COMMIT_OK, 0, NULL);
  game_free (g);
}
END_TEST

#define TREE(m, f, e)                                                                                    \
  "<profile>\n <policy stage=\"1\" action=\"m\" observes=\"\"><play obs=\"\" do=\"" m "\"/></policy>\n" \
  " <policy stage=\"2\" action=\"f\" observes=\"m\"><play obs=\"0\" do=\"" f "\"/></policy>\n"         \
  " <policy stage=\"3\" action=\"e\" observes=\"m f\"><play obs=\"0 1\" do=\"" e "\"/></policy>\n</profile>\n"

START_TEST (tree_threats) {
  game *g = tu_game_fixture ("active-if-tree");
  expect (g, TREE ("1", "0", "0"), CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_OK, 0, NULL);
  /* y after T-b: the follower must then take b after T (2 > 1) */
  expect (g, TREE ("1", "0", "1"), CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 2,
          "stage 2 (action 'f', player F) at m=T: deviating from a to b gives F 2 > 1");
  /* same payoffs, later in the policy order: y is action 1 at the unreached T-b */
  expect (g, TREE ("1", "1", "1"), CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 3,
          "leader tie-break: the policy playing x instead of y at stage 3 (action 'e') at m=T f=b (first difference) "
          "is as good for both players and comes earlier in the policy order");
  /* a missing leader action at an unreached information set */
  expect (g,
          "<profile><policy stage=\"1\" action=\"m\" observes=\"\"><play obs=\"\" do=\"1\"/></policy>"
          "<policy stage=\"2\" action=\"f\" observes=\"m\"><play obs=\"0\" do=\"0\"/></policy>"
          "<policy stage=\"3\" action=\"e\" observes=\"m f\"/></profile>",
          CHK_COMMIT_SSE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 3,
          "stage 3 (action 'e', player L) at m=T f=b: the profile names no action");
  game_free (g);
}
END_TEST

START_TEST (layers) {
  game *g = tu_game_fixture ("l3-beats-l2");
  const char *l3 = "<profile><policy stage=\"1\" action=\"a\" layer=\"3\" intuition=\"true\" observes=\"\">"
                   "<play obs=\"\" x=\"0\" do=\"1\"/><play obs=\"\" x=\"1\" do=\"0\"/></policy></profile>";
  expect (g, l3, CHK_COMMIT_SCNE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_OK, 0, NULL);
  const char *l2 = "<profile><policy stage=\"1\" action=\"a\" layer=\"2\" intuition=\"true\" observes=\"\">"
                   "<play obs=\"\" x=\"0\" do=\"1\"/><play obs=\"\" x=\"1\" do=\"0\"/></policy></profile>";
  expect (g, l2, CHK_COMMIT_SCNE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 1,
          "stage 1 (action 'a'): reported layer 2, expected 3 (the lowest allowed layer containing the policy on "
          "the positive-probability (o, x~))");
  /* the constant policy is an SSE, not an S-CNE */
  const char *c = "<profile><policy stage=\"1\" action=\"a\" layer=\"2\" intuition=\"true\" observes=\"\">"
                  "<play obs=\"\" x=\"0\" do=\"1\"/><play obs=\"\" x=\"1\" do=\"1\"/></policy></profile>";
  expect (g, c, CHK_COMMIT_SCNE, GAME_TIE_STRONG, NULL, false, CHK_COMMIT_FAILED, 1,
          "leader: the policy playing 0 instead of 1 at stage 1 (action 'a') at intuition=1 (first difference) "
          "gives L 1 > 3/5");
  game_free (g);
}
END_TEST

/* Every finder profile passes; changing any one entry makes it fail. */
START_TEST (mutations) {
  prng r;
  prng_seed (&r, 5);
  unsigned mutated = 0;
  for (uint64_t seed = 0; seed < 120; seed++) {
    gamegen_params gp;
    gamegen_params_init (&gp);
    gp.seed = 700 + seed, gp.stages = 2 + (unsigned) (seed % 3), gp.domain = 2, gp.confounders = (unsigned) (seed % 2);
    gp.perfect_info = seed % 2;
    game *g = gamegen_random (&gp);
    sse_options o;
    sse_options_init (&o);
    o.concept = (sse_concept) (seed % 3);
    o.tie = (game_tie) ((seed / 3) % 6);
    game_solution sol;
    scnfg_error err;
    error_init (&err);
    ck_assert (sse_solve (g, &o, &sol, &err));
    if (sol.status == GAME_SOLVED) {
      chk_commit_options co;
      chk_commit_options_init (&co);
      co.concept = (int) o.concept, co.tie = o.tie;
      chk_commit_report rep;
      ck_assert (chk_commit_check (g, sol.profile, &co, &rep, &err));
      ck_assert_msg (rep.verdict == CHK_COMMIT_OK, "%s", rep.msg);
      if (rep.leader_checked) {
        /* one random filled entry, changed */
        size_t total = 0;
        for (unsigned t = 0; t < sol.profile->nstages; t++)
          for (size_t i = 0; i < sol.profile->pol[t].size; i++) total += sol.profile->pol[t].act[i] >= 0;
        if (total) {
          size_t k = (size_t) prng_below (&r, total);
          for (unsigned t = 0; t < sol.profile->nstages; t++)
            for (size_t i = 0; i < sol.profile->pol[t].size; i++)
              if (sol.profile->pol[t].act[i] >= 0 && k-- == 0) {
                unsigned d = g->vars[sol.profile->pol[t].var].domain;
                sol.profile->pol[t].act[i] = (sol.profile->pol[t].act[i] + 1) % (int) d;
                if (sol.profile->pol[t].layer == 1) sol.profile->pol[t].layer = 3; /* keep it honest */
              }
          ck_assert (chk_commit_check (g, sol.profile, &co, &rep, &err));
          ck_assert_msg (rep.verdict == CHK_COMMIT_FAILED, "seed %llu: a mutated profile passed",
                         (unsigned long long) (700 + seed));
          mutated++;
        }
      }
      chk_commit_options_clear (&co);
    }
    profile_solution_clear (&sol);
    sse_options_clear (&o);
    game_free (g);
  }
  ck_assert_uint_ge (mutated, 80);
}
END_TEST

START_TEST (brute_force_limit) {
  game *g = tu_game_fixture ("active-if-tree");
  chk_commit_options o;
  chk_commit_options_init (&o);
  o.max_brute = 2; /* 4 leader policies */
  scnfg_error err;
  error_init (&err);
  game_profile *p;
  const char *doc = TREE ("1", "0", "0");
  ck_assert (result_read_profile_memory (&p, g, doc, strlen (doc), "p.xml", &err));
  chk_commit_report rep;
  ck_assert (chk_commit_check (g, p, &o, &rep, &err));
  ck_assert_int_eq (rep.verdict, CHK_COMMIT_OK);
  ck_assert (!rep.leader_checked);
  ck_assert_msg (strstr (rep.msg, "leader optimality not checked") != NULL, "%s", rep.msg);
  profile_free (p);
  chk_commit_options_clear (&o);
  game_free (g);
}
END_TEST

Suite *chk_commit_suite (void) {
  Suite *s = suite_create ("chk_commit");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, eps_example);
  tcase_add_test (tc, tie_variant);
  tcase_add_test (tc, tree_threats);
  tcase_add_test (tc, layers);
  tcase_add_test (tc, mutations);
  tcase_add_test (tc, brute_force_limit);
  suite_add_tcase (s, tc);
  return s;
}
