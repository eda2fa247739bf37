/* Tests of solver/model/profile: indexing, exact evaluation of a given
 * profile, outcome distributions, missing actions, tie names (the XML round trip is in
 * check_result). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/rat.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "tests/testutil.h"


static void expect_q (const mpq_t q, const char *want) {
  char *s = rat_to_str (q);
  ck_assert_str_eq (s, want);
  free (s);
}

START_TEST (index_decode) {
  game *g = tu_game_fixture ("chance");
  game_profile *p = profile_new (g, 0);
  ck_assert_uint_eq (profile_size (g), 1 + 8);
  game_policy *pol = &p->pol[1];
  ck_assert_uint_eq (pol->nobs, 2);
  ck_assert_uint_eq (pol->size, 8);
  int vals[8] = {0}, ov[2], x;
  int x1 = game_find_var (g, "x1"), u = game_find_var (g, "u");
  vals[x1] = 1, vals[u] = 2;
  size_t idx = profile_index (pol, vals, 0);
  ck_assert_uint_eq (idx, 1 * 4 + 2);
  profile_decode (pol, idx, ov, &x);
  ck_assert_int_eq (ov[0], 1);
  ck_assert_int_eq (ov[1], 2);
  ck_assert_int_eq (x, -1);
  char buf[100];
  profile_describe_infoset (g, pol, idx, buf, sizeof buf);
  ck_assert_str_eq (buf, "x1=r u=2");
  /* with the intuition: (o, x~), x~ fastest */
  profile_set_intuition (g, p, 2, true);
  ck_assert_uint_eq (pol->size, 16);
  ck_assert_uint_eq (profile_index (pol, vals, 1), 13);
  profile_decode (pol, 13, ov, &x);
  ck_assert_int_eq (x, 1);
  ck_assert_int_eq (ov[1], 2);
  ck_assert_ptr_null (profile_new (g, 8));
  profile_free (p);
  game_free (g);
}
END_TEST

START_TEST (evaluate) {
  game *g = tu_game_fixture ("chance");
  game_profile *p = profile_new (g, 0);
  mpq_t r[2];
  mpq_init (r[0]), mpq_init (r[1]);
  unsigned missing = 0;
  /* r, then no action for the follower: missing at stage 2 */
  p->pol[0].act[0] = 1;
  ck_assert (!profile_evaluate (g, p, r, NULL, 0, &missing));
  ck_assert_uint_eq (missing, 2);
  /* the weak SPE: k at u=0,1, g at u=2,3 */
  p->pol[1].act[4] = 0, p->pol[1].act[5] = 0, p->pol[1].act[6] = 1, p->pol[1].act[7] = 1;
  profile_outcomes o;
  profile_outcomes_init (&o);
  ck_assert (profile_evaluate (g, p, r, &o, 2, NULL));
  expect_q (r[0], "7/6");
  expect_q (r[1], "3/2");
  ck_assert_uint_eq (o.n, 2);
  ck_assert (o.truncated);
  expect_q (o.o[0].prob, "1/2");
  expect_q (o.o[1].prob, "1/3");
  ck_assert_int_eq (o.o[1].vals[game_find_var (g, "x2")], 0);
  profile_outcomes_clear (&o);
  /* s: the follower's entries are never used */
  p->pol[0].act[0] = 0;
  ck_assert (profile_evaluate (g, p, r, NULL, 0, NULL));
  expect_q (r[0], "1");
  mpq_clear (r[0]), mpq_clear (r[1]);
  profile_free (p);
  game_free (g);
}
END_TEST

START_TEST (ties) {
  static const char *names[] = {"strong", "weak", "lex", "instinct-strong", "instinct-weak", "instinct-lex"};
  for (unsigned i = 0; i < 6; i++) {
    game_tie t;
    ck_assert (profile_tie_parse (names[i], &t));
    ck_assert_int_eq (t, (int) i);
    ck_assert_str_eq (profile_tie_name (t), names[i]);
  }
  game_tie t;
  ck_assert (!profile_tie_parse ("Strong", &t));
  ck_assert (!profile_tie_parse ("", &t));
}
END_TEST


Suite *profile_suite (void) {
  Suite *s = suite_create ("profile");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 20);
  tcase_add_test (tc, index_decode);
  tcase_add_test (tc, evaluate);
  tcase_add_test (tc, ties);
  suite_add_tcase (s, tc);
  return s;
}
