/* Tests of solver/game/solve: the one way in to the game finders (concept
 * names, the option tables, game_solve against the finders called directly,
 * rejected concepts). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "solver/game/mixed.h"
#include "solver/game/solve.h"
#include "solver/game/spe.h"
#include "solver/game/sse.h"
#include "solver/model/game.h"
#include "tests/testutil.h"

static void expect_q (const mpq_t q, const char *want) {
  char *s = rat_to_str (q);
  ck_assert_str_eq (s, want);
  free (s);
}

/* Rewards of player 'id' in sol. */
static void expect_reward (const game *g, const game_solution *sol, const char *id, const char *want) {
  int p = game_find_player (g, id);
  ck_assert_int_ge (p, 0);
  expect_q (sol->reward[p], want);
}

START_TEST (concept_names) {
  static const char *names[] = {"spe", "sse", "scne", "satisficing", "mixed"};
  for (unsigned i = 0; i < 5; i++) {
    game_concept c;
    ck_assert (game_concept_parse (names[i], &c));
    ck_assert_int_eq (c, (int) i);
    ck_assert_str_eq (game_concept_name (c), names[i]);
  }
  game_concept c = GAME_CONCEPT_SSE;
  ck_assert (!game_concept_parse ("nash", &c));
  ck_assert (!game_concept_parse ("SPE", &c));
  ck_assert_int_eq (c, GAME_CONCEPT_SSE);
}
END_TEST

/* The table defaults are the finders' own defaults. */
START_TEST (option_defaults) {
  game_options o;
  game_options_init (&o);
  spe_options so;
  spe_options_init (&so);
  sse_options ss;
  sse_options_init (&ss);
  mixed_options mo;
  mixed_options_init (&mo);
  ck_assert_int_eq (o.tie, GAME_TIE_STRONG);
  ck_assert (o.limits.timeout <= 0 && o.limits.max_nodes == 0 && o.limits.max_mem == 0);
  ck_assert_int_eq (mpq_sgn (o.eps), 0);
  ck_assert_int_eq (o.max_profile, 1048576);
  ck_assert_int_eq (o.max_outcomes, 1000);
  ck_assert_uint_eq ((size_t) o.max_profile, so.max_profile);
  ck_assert_uint_eq ((size_t) o.max_profile, ss.max_profile);
  ck_assert_uint_eq ((size_t) o.max_profile, mo.max_profile);
  ck_assert_uint_eq ((size_t) o.max_outcomes, so.max_outcomes);
  ck_assert_uint_eq ((size_t) o.max_outcomes, ss.max_outcomes);
  ck_assert_uint_eq ((size_t) o.max_outcomes, mo.max_outcomes);
  ck_assert_int_eq (o.spe.prune, so.prune);
  ck_assert_int_eq (o.spe.win_lose, so.win_lose);
  ck_assert_uint_eq ((size_t) o.spe.cache_bytes, so.cache_bytes);
  ck_assert_int_eq (o.commit.robust, ss.robust);
  ck_assert_int_eq (o.commit.enumerate, ss.method == SSE_METHOD_ENUMERATE);
  ck_assert_uint_eq ((uint64_t) o.commit.max_policies, ss.max_policies);
  ck_assert_uint_eq ((size_t) o.commit.max_tree, ss.max_tree);
  ck_assert_int_eq (o.commit.max_policies, 1048576);
  ck_assert_int_eq (o.commit.max_tree, 1048576);
  ck_assert_int_eq (o.commit.unpruned, ss.unpruned);
  ck_assert_uint_eq ((size_t) o.commit.pairs_cache_bytes, ss.cache_bytes);
  ck_assert_int_eq (o.commit.pairs_cache_bytes, 67108864);
  ck_assert_uint_eq ((size_t) o.mixed.max_cert, mo.max_cert);
  ck_assert_int_eq (o.mixed.max_cert, 16384);
  sse_options_clear (&ss);
  game_options_clear (&o);
}
END_TEST

/* Every table: defaults in range, names unique over all families, and the
 * setter by name honours the ranges. */
START_TEST (option_tables) {
  static const unsigned want[4] = {2, 3, 6, 1};
  const char *seen[32];
  unsigned nseen = 0;
  for (int f = GAME_OPT_COMMON; f <= GAME_OPT_MIXED; f++) {
    unsigned n;
    const game_opt_info *t = game_opt_table ((game_opt_family) f, &n);
    ck_assert_uint_eq (n, want[f]);
    for (unsigned i = 0; i < n; i++) {
      ck_assert (t[i].lo <= t[i].def && t[i].def <= t[i].hi);
      ck_assert (t[i].help && t[i].help[0]);
      for (unsigned j = 0; j < nseen; j++) ck_assert_str_ne (seen[j], t[i].name);
      seen[nseen++] = t[i].name;
      game_options o;
      game_options_init (&o);
      ck_assert (game_options_set (&o, t[i].name, t[i].lo));
      ck_assert (game_options_set (&o, t[i].name, t[i].hi));
      ck_assert (!game_options_set (&o, t[i].name, t[i].hi + 1));
      ck_assert (!game_options_set (&o, t[i].name, t[i].lo - 1));
      game_options_clear (&o);
    }
  }
  ck_assert_uint_eq (nseen, 12);
  game_options o;
  game_options_init (&o);
  ck_assert (game_options_set (&o, "max_tree", 5));
  ck_assert_int_eq (o.commit.max_tree, 5);
  ck_assert (game_options_set (&o, "prune", 1));
  ck_assert_int_eq (o.spe.prune, 1);
  ck_assert (game_options_set (&o, "max_cert", 0));
  ck_assert_int_eq (o.mixed.max_cert, 0);
  ck_assert (game_options_set (&o, "max_outcomes", 7));
  ck_assert_int_eq (o.max_outcomes, 7);
  /* a bad value changes nothing */
  ck_assert (!game_options_set (&o, "prune", 2));
  ck_assert_int_eq (o.spe.prune, 1);
  ck_assert (!game_options_set (&o, "max_profile", -1));
  ck_assert_int_eq (o.max_profile, 1048576);
  ck_assert (!game_options_set (&o, "max-tree", 3)); /* names use '_' */
  ck_assert (!game_options_set (&o, "nope", 0));
  ck_assert_int_eq (o.commit.max_tree, 5);
  game_options_clear (&o);
}
END_TEST

START_TEST (option_help) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  game_opt_help (f, GAME_OPT_MIXED);
  game_opt_help (f, GAME_OPT_SPE);
  fclose (f);
  ck_assert_str_eq (buf,
                    "  --max-cert N  tree: keep the per-node frontiers up to this many choice nodes (0: never) "
                    "(default 16384)\n"
                    "  --prune  win/lose games: skip a mover's actions once one gives it its best value (default 0)\n"
                    "  --win-lose  declare the game win/lose (checked at every visited leaf) (default 0)\n"
                    "  --cache-bytes N  bytes of the cache of subgame values (0: off; only without profile) "
                    "(default 0)\n");
  free (buf);
}
END_TEST

/* spe and sse through game_solve give what the finders give, and the
 * worked answers of the fixtures. */
START_TEST (solve_matches_finders) {
  game *g = tu_game_fixture ("entry-deterrence.xml");
  scnfg_error err;
  error_init (&err);
  game_answer ans;
  ck_assert_msg (game_solve (g, GAME_CONCEPT_SPE, NULL, &ans, &err), "%s", err.msg);
  ck_assert_int_eq (ans.concept, GAME_CONCEPT_SPE);
  ck_assert_ptr_eq (game_answer_solution (&ans), &ans.sol);
  ck_assert_ptr_null (ans.mixed);
  ck_assert_int_eq (ans.sol.status, GAME_SOLVED);
  ck_assert_str_eq (ans.sol.concept, "spe");
  expect_reward (g, &ans.sol, "E", "1");
  expect_reward (g, &ans.sol, "I", "1");
  expect_q (ans.sol.welfare, "2");
  ck_assert_ptr_nonnull (ans.sol.profile);
  ck_assert (!ans.spe.win_lose);
  spe_options so;
  spe_options_init (&so);
  game_solution direct;
  ck_assert (spe_solve (g, &so, &direct, &err));
  ck_assert (mpq_equal (direct.reward[0], ans.sol.reward[0]) && mpq_equal (direct.reward[1], ans.sol.reward[1]));
  ck_assert_uint_eq (direct.nodes, ans.sol.nodes);
  ck_assert_uint_eq (direct.leaves, ans.sol.leaves);
  profile_solution_clear (&direct);
  game_answer_clear (&ans);
  /* SSE: the incumbent commits to fight, the entrant stays out */
  ck_assert_msg (game_solve (g, GAME_CONCEPT_SSE, NULL, &ans, &err), "%s", err.msg);
  ck_assert_str_eq (ans.sol.concept, "sse");
  expect_reward (g, &ans.sol, "E", "0");
  expect_reward (g, &ans.sol, "I", "2");
  game_solution moved;
  game_answer_move (&ans, &moved);
  ck_assert (!ans.has_sol);
  expect_reward (g, &moved, "I", "2");
  profile_solution_clear (&moved);
  game_answer_clear (&ans);
  game_free (g);
}
END_TEST

START_TEST (solve_commitment_concepts) {
  game *g = tu_game_fixture ("confounded-satisficing.xml");
  scnfg_error err;
  error_init (&err);
  game_options o;
  game_options_init (&o);
  static const struct {
    game_concept c;
    bool robust;
    const char *name, *reward;
  } want[] = {
      {GAME_CONCEPT_SSE, false, "sse", "1/2"},
      {GAME_CONCEPT_SCNE, false, "scne", "1"},
      {GAME_CONCEPT_SATISFICING, false, "satisficing", "1"},
      {GAME_CONCEPT_SATISFICING, true, "satisficing-robust", "1/2"},
  };
  for (unsigned i = 0; i < sizeof want / sizeof *want; i++) {
    o.commit.robust = want[i].robust;
    game_answer ans;
    ck_assert_msg (game_solve (g, want[i].c, &o, &ans, &err), "%s", err.msg);
    ck_assert_int_eq (ans.sol.status, GAME_SOLVED);
    ck_assert_str_eq (ans.sol.concept, want[i].name);
    expect_reward (g, &ans.sol, "L", want[i].reward);
    expect_reward (g, &ans.sol, "F", want[i].reward);
    /* the same through sse_solve */
    sse_options so;
    sse_options_init (&so);
    so.concept = want[i].c == GAME_CONCEPT_SSE    ? SSE_CONCEPT_SSE
                 : want[i].c == GAME_CONCEPT_SCNE ? SSE_CONCEPT_SCNE
                                                  : SSE_CONCEPT_SATISFICING;
    so.robust = want[i].robust;
    game_solution direct;
    ck_assert (sse_solve (g, &so, &direct, &err));
    ck_assert (mpq_equal (direct.reward[0], ans.sol.reward[0]) && mpq_equal (direct.reward[1], ans.sol.reward[1]));
    ck_assert_str_eq (direct.reason, ans.sol.reason);
    profile_solution_clear (&direct);
    sse_options_clear (&so);
    game_answer_clear (&ans);
  }
  game_options_clear (&o);
  game_free (g);
}
END_TEST

START_TEST (solve_mixed) {
  game *g = tu_game_fixture ("oneshot-2x2.xml");
  scnfg_error err;
  error_init (&err);
  game_answer ans;
  ck_assert_msg (game_solve (g, GAME_CONCEPT_MIXED, NULL, &ans, &err), "%s", err.msg);
  ck_assert_ptr_nonnull (ans.mixed);
  const game_solution *sol = game_answer_solution (&ans);
  ck_assert_ptr_eq (sol, &ans.mixed->sol);
  ck_assert_int_eq (sol->status, GAME_SOLVED);
  ck_assert_int_eq (ans.mixed->method, MIXED_LPS);
  ck_assert_ptr_nonnull (ans.mixed->prof);
  expect_reward (g, sol, "L", "7/2");
  expect_reward (g, sol, "F", "1/2");
  mixed_options mo;
  mixed_options_init (&mo);
  mixed_solution ms;
  ck_assert (mixed_solve (g, &mo, &ms, &err));
  ck_assert (mpq_equal (ms.sol.reward[0], sol->reward[0]) && mpq_equal (ms.sol.reward[1], sol->reward[1]));
  ck_assert_uint_eq (ms.choice_nodes, ans.mixed->choice_nodes);
  mixed_solution_clear (&ms);
  game_answer_clear (&ans);
  ck_assert_ptr_null (ans.mixed);
  game_free (g);
}
END_TEST

/* A limit hit is no failure: UNKNOWN with its reason. */
START_TEST (solve_limit) {
  game *g = tu_game_fixture ("entry-deterrence.xml");
  scnfg_error err;
  error_init (&err);
  game_options o;
  game_options_init (&o);
  o.limits.max_nodes = 1;
  game_answer ans;
  ck_assert (game_solve (g, GAME_CONCEPT_SPE, &o, &ans, &err));
  ck_assert_int_eq (ans.sol.status, GAME_UNKNOWN);
  ck_assert_str_eq (ans.sol.reason, "node limit");
  ck_assert (!error_is_set (&err));
  game_answer_clear (&ans);
  game_options_clear (&o);
  game_free (g);
}
END_TEST

/* A concept the game does not support: false with an ERROR_INPUT record. */
static void expect_rejected (const char *fixture, game_concept c, game_tie tie, const char *msg) {
  game *g = tu_game_fixture (fixture);
  scnfg_error err;
  error_init (&err);
  game_options o;
  game_options_init (&o);
  o.tie = tie;
  game_answer ans;
  ck_assert (!game_solve (g, c, &o, &ans, &err));
  ck_assert_int_eq (err.code, ERROR_INPUT);
  ck_assert_msg (strstr (err.msg, msg) != NULL, "%s", err.msg);
  game_answer_clear (&ans);
  game_options_clear (&o);
  game_free (g);
}

START_TEST (solve_rejects) {
  expect_rejected ("imperfect.xml", GAME_CONCEPT_SPE, GAME_TIE_STRONG, "perfect");
  expect_rejected ("three-players.xml", GAME_CONCEPT_SSE, GAME_TIE_STRONG,
                   "commitment concepts need exactly two players (a leader and a follower); the game has 3");
  expect_rejected ("three-players.xml", GAME_CONCEPT_MIXED, GAME_TIE_STRONG, "two players");
  expect_rejected ("oneshot-2x2.xml", GAME_CONCEPT_MIXED, GAME_TIE_LEX,
                   "mixed commitment: tie-break 'lex' is not supported here");
  expect_rejected ("chance.xml", GAME_CONCEPT_MIXED, GAME_TIE_STRONG, "without chance");
}
END_TEST

Suite *gamesolve_suite (void) {
  Suite *s = suite_create ("gamesolve");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, concept_names);
  tcase_add_test (tc, option_defaults);
  tcase_add_test (tc, option_tables);
  tcase_add_test (tc, option_help);
  tcase_add_test (tc, solve_matches_finders);
  tcase_add_test (tc, solve_commitment_concepts);
  tcase_add_test (tc, solve_mixed);
  tcase_add_test (tc, solve_limit);
  tcase_add_test (tc, solve_rejects);
  suite_add_tcase (s, tc);
  return s;
}
