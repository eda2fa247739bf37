/* Tests of solver/model/nfgread (and the content detection of
 * solver/model/gameload): both .nfg forms give the same one-shot
 * leader-follower game, numbers are exact, ids and labels are made safe and
 * distinct, the commitment values of hand-solved tables come out exactly,
 * --leader picks the leader, n-player tables and bad files are refused with
 * their line and reason. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "solver/model/gameload.h"
#include "solver/model/game.h"
#include "solver/model/nfgread.h"
#include "tests/testutil.h"

static game *nfg_file (const char *rel, const char *leader) {
  char *path = tu_path (rel);
  scnfg_error err;
  error_init (&err);
  game *g;
  ck_assert_msg (nfgread_file (&g, path, leader, &err), "%s: %s:%u: %s", rel, err.file, err.line, err.msg);
  free (path);
  return g;
}

/* The utility u (u1/u2) at (row r, column c) equals num/den. */
static void pay_is (const game *g, const char *u, int r, int c, long num, unsigned long den) {
  int vals[8] = {0};
  int s1 = game_find_var (g, "s1"), s2 = game_find_var (g, "s2"), v = game_find_var (g, u);
  ck_assert (s1 >= 0 && s2 >= 0 && v >= 0);
  vals[s1] = r, vals[s2] = c;
  mpq_t q, want;
  mpq_inits (q, want, NULL);
  game_eval_q (q, g->vars[v].expr, vals);
  mpq_set_si (want, num, den);
  mpq_canonicalize (want);
  ck_assert_msg (mpq_equal (q, want), "%s(%d,%d) = %s", u, r, c, mpq_get_str (NULL, 10, q));
  mpq_clears (q, want, NULL);
}

static const char *label (const game *g, const char *var, int x) {
  static char buf[32];
  return game_value_label (g, game_find_var (g, var), x, buf, sizeof buf);
}

START_TEST (test_payoff_form) {
  game *g = nfg_file ("tests/data/nfg/commit-payoff.nfg", NULL);
  ck_assert_uint_eq (g->nplayers, 2);
  ck_assert_str_eq (g->players[0], "Leader");
  ck_assert_str_eq (g->players[1], "Follower");
  ck_assert_int_eq (g->leader, 0);
  const game_var *s1 = &g->vars[game_find_var (g, "s1")], *s2 = &g->vars[game_find_var (g, "s2")];
  ck_assert_uint_eq (s1->stage, 1);
  ck_assert_uint_eq (s2->stage, 2);
  ck_assert_uint_eq (s2->nobs, 0); /* the follower does not see the realised row */
  ck_assert_uint_eq (s1->layers, GAME_L2);
  ck_assert_str_eq (label (g, "s1", 1), "2");
  /* (U,L) (D,L) (U,R) (D,R), player 1 fastest */
  pay_is (g, "u1", 0, 0, 2, 1), pay_is (g, "u2", 0, 0, 1, 1);
  pay_is (g, "u1", 1, 0, 1, 1), pay_is (g, "u2", 1, 0, 0, 1);
  pay_is (g, "u1", 0, 1, 4, 1), pay_is (g, "u2", 0, 1, 0, 1);
  pay_is (g, "u1", 1, 1, 3, 1), pay_is (g, "u2", 1, 1, 1, 1);
  game_free (g);
}
END_TEST

START_TEST (test_outcome_form_same_table) {
  game *a = nfg_file ("tests/data/nfg/commit-payoff.nfg", NULL);
  game *b = nfg_file ("tests/data/nfg/commit-outcome.nfg", NULL);
  ck_assert_str_eq (label (b, "s1", 0), "U");
  ck_assert_str_eq (label (b, "s2", 1), "R");
  const char *us[2] = {"u1", "u2"};
  int vals[8] = {0};
  mpq_t x, y;
  mpq_inits (x, y, NULL);
  for (int r = 0; r < 2; r++)
    for (int c = 0; c < 2; c++)
      for (int i = 0; i < 2; i++) {
        vals[game_find_var (a, "s1")] = r, vals[game_find_var (a, "s2")] = c;
        game_eval_q (x, a->vars[game_find_var (a, us[i])].expr, vals);
        vals[game_find_var (b, "s1")] = r, vals[game_find_var (b, "s2")] = c;
        game_eval_q (y, b->vars[game_find_var (b, us[i])].expr, vals);
        ck_assert (mpq_equal (x, y));
      }
  mpq_clears (x, y, NULL);
  game_free (a), game_free (b);
}
END_TEST

START_TEST (test_decimals_ids_labels) {
  game *g = nfg_file ("tests/data/nfg/decimals.nfg", NULL);
  ck_assert_str_eq (g->players[0], "P1");
  ck_assert_str_eq (g->players[1], "P2");
  ck_assert_str_eq (label (g, "s1", 0), "A");
  ck_assert_str_eq (label (g, "s1", 1), "A_2");
  pay_is (g, "u1", 0, 0, 4, 5);  /* 0.80 */
  pay_is (g, "u1", 1, 0, 1, 3);  /* 1/3 */
  pay_is (g, "u2", 1, 1, -1, 2); /* -.5 */
  game_free (g);
}
END_TEST

START_TEST (test_memory_forms) {
  static const char *good[] = {
    "NFG 1 R \"\" { \"a\" \"a\" } { 2 2 } 1,2, 3,4 ,5 6 7 8",
    "NFG 1 D \"t\" { \"x y\" \"\" } { 2 2 } \"c\" 1e1 2.5E-1 +3 -4/8 .5 5. 0 0",
  };
  scnfg_error err;
  for (size_t i = 0; i < 2; i++) {
    error_init (&err);
    game *g;
    ck_assert_msg (nfgread_memory (&g, good[i], strlen (good[i]), "m.nfg", NULL, &err), "%zu: %s", i, err.msg);
    if (i == 0) {
      ck_assert_str_eq (g->players[0], "a");
      ck_assert_str_eq (g->players[1], "a_2");
      pay_is (g, "u2", 1, 1, 8, 1);
      pay_is (g, "u1", 0, 1, 5, 1);
    } else {
      ck_assert_str_eq (g->players[0], "x_y");
      ck_assert_str_eq (g->players[1], "P2");
      pay_is (g, "u1", 0, 0, 10, 1);
      pay_is (g, "u2", 0, 0, 1, 4);
      pay_is (g, "u2", 1, 0, -1, 2);
      pay_is (g, "u1", 0, 1, 1, 2);
      pay_is (g, "u2", 0, 1, 5, 1);
    }
    game_free (g);
  }
}
END_TEST

START_TEST (test_leader_option) {
  game *g = nfg_file ("tests/data/nfg/leader2.nfg", "Col");
  ck_assert_int_eq (g->leader, 1);
  ck_assert_uint_eq (g->vars[game_find_var (g, "s2")].stage, 1);
  ck_assert_uint_eq (g->vars[game_find_var (g, "s1")].stage, 2);
  game_free (g);
  char *path = tu_path ("tests/data/nfg/leader2.nfg");
  scnfg_error err;
  error_init (&err);
  ck_assert (!nfgread_file (&g, path, "Nobody", &err));
  ck_assert_ptr_null (g);
  ck_assert_uint_eq (err.line, 1);
  ck_assert_ptr_nonnull (strstr (err.msg, "'Nobody' is not a player"));
  free (path);
}
END_TEST

START_TEST (test_detect) {
  char *p = tu_path ("tests/data/nfg/commit-payoff.nfg");
  ck_assert_int_eq (gameload_detect (p), GAMELOAD_NFG);
  free (p);
  p = tu_path ("instances/games/beer-quiche.efg");
  ck_assert_int_eq (gameload_detect (p), GAMELOAD_EFG);
  free (p);
  p = tu_path ("instances/games/oneshot-2x2.xml");
  ck_assert_int_eq (gameload_detect (p), GAMELOAD_XML);
  scnfg_error err;
  error_init (&err);
  game *g;
  ck_assert (!gameload_file (&g, p, "L", &err)); /* --leader is for .nfg only */
  ck_assert_ptr_nonnull (strstr (err.msg, "--leader applies to .nfg"));
  free (p);
}
END_TEST

/* scnfg game F.nfg: the reward lines (hand-solved values in the files' comments). */
static void rewards (const char *file, const char *opts, const char *want) {
  char *out = NULL, *errs = NULL, *p = tu_path (file);
  int rc = tu_run (&out, &errs, "game %s %s", p, opts);
  ck_assert_msg (rc == 0, "%s %s: rc %d: %s", file, opts, rc, errs);
  ck_assert_msg (strstr (out, want), "%s %s: no '%s' in\n%s", file, opts, want, out);
  free (out), free (errs), free (p);
}

START_TEST (test_cli_commitment) {
  rewards ("tests/data/nfg/commit-payoff.nfg", "--concept sse", "reward Leader (leader) 3\nreward Follower 1\n");
  rewards ("tests/data/nfg/commit-payoff.nfg", "--concept mixed", "reward Leader (leader) 7/2\nreward Follower 1/2\n");
  rewards ("tests/data/nfg/commit-outcome.nfg", "--concept mixed", "reward Leader (leader) 7/2\n");
  rewards ("tests/data/nfg/commit-outcome.nfg", "--concept scne", "reward Leader (leader) 3\n");
  rewards ("tests/data/nfg/decimals.nfg", "--concept sse", "reward P1 (leader) 4/5\nreward P2 1\n");
  rewards ("tests/data/nfg/leader2.nfg", "--concept sse --leader Col", "reward Row 1\nreward Col (leader) 3\n");
  rewards ("tests/data/nfg/leader2.nfg", "--concept mixed --leader Col", "reward Col (leader) 3\n");
  rewards ("tests/data/nfg/leader2.nfg", "--concept sse", "reward Row (leader) 1\n");
}
END_TEST

/* Every bad file: exit 2, one line "FILE:LINE: reason", nothing on stdout. */
START_TEST (test_bad_files) {
  static const struct { const char *file; unsigned line; const char *why; } bad[] = {
    {"three-players", 1, "a strategic game of 3 players: only two-player tables are read"},
    {"bad-version", 1, "only NFG version 1 is accepted"},
    {"bad-number", 4, "malformed number '1.2.3'"},
    {"short-payoffs", 5, "expected a payoff"},
    {"trailing-payoff", 4, "unexpected '9' after the last payoff"},
    {"bad-outcome-number", 6, "expected an outcome number (0 or a listed outcome), found '2'"},
    {"one-strategy", 2, "player 1 has 1 strategy"},
    {"no-player-list", 1, "expected '{' before the player list"},
    {"unterminated-label", 1, "end of file inside a quoted label"},
    {"too-short", 2, "4000000 strategy profiles, but only 5 bytes left for their payoffs"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char rel[96], want[200];
    snprintf (rel, sizeof rel, "tests/data/nfg/%s.nfg", bad[i].file);
    char *p = tu_path (rel), *out = NULL, *errs = NULL;
    int rc = tu_run (&out, &errs, "game %s --concept sse", p);
    snprintf (want, sizeof want, "%s:%u: %s", p, bad[i].line, bad[i].why);
    ck_assert_msg (rc == 2, "%s: rc %d", rel, rc);
    ck_assert_msg (!strncmp (errs, want, strlen (want)), "%s: got %s", rel, errs);
    ck_assert_msg (strchr (errs, '\n') == errs + strlen (errs) - 1, "%s: more than one line: %s", rel, errs);
    ck_assert_str_eq (out, "");
    free (p), free (out), free (errs);
  }
}
END_TEST

Suite *nfgread_suite (void) {
  Suite *s = suite_create ("nfgread");
  TCase *tc = tcase_create ("nfgread");
  tcase_set_timeout (tc, 20);
  tcase_add_test (tc, test_payoff_form);
  tcase_add_test (tc, test_outcome_form_same_table);
  tcase_add_test (tc, test_decimals_ids_labels);
  tcase_add_test (tc, test_memory_forms);
  tcase_add_test (tc, test_leader_option);
  tcase_add_test (tc, test_detect);
  tcase_add_test (tc, test_cli_commitment);
  tcase_add_test (tc, test_bad_files);
  suite_add_tcase (s, tc);
  return s;
}
