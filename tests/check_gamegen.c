/* Tests of instances/gamegen: seeded determinism (same seed, same bytes),
 * parameter ranges, the perfect-information and confounding options. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instances/gamegen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "tests/testutil.h"

static char *to_xml (const game *g) {
  char *b = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&b, &n);
  gamexml_write (f, g);
  fclose (f);
  return b;
}

START_TEST (deterministic) {
  gamegen_params p;
  gamegen_params_init (&p);
  p.stages = 6, p.domain = 3, p.confounders = 2, p.seed = 12345;
  game *a = gamegen_random (&p), *b = gamegen_random (&p);
  char *xa = to_xml (a), *xb = to_xml (b);
  ck_assert_str_eq (xa, xb);
  p.seed = 12346;
  game *c = gamegen_random (&p);
  char *xc = to_xml (c);
  ck_assert_str_ne (xa, xc);
  free (xa), free (xb), free (xc);
  game_free (a), game_free (b), game_free (c);
}
END_TEST

START_TEST (ranges) {
  gamegen_params p;
  gamegen_params_init (&p);
  p.stages = 65;
  ck_assert_ptr_null (gamegen_random (&p));
  p.stages = 3, p.domain = 1;
  ck_assert_ptr_null (gamegen_random (&p));
  p.domain = 17;
  ck_assert_ptr_null (gamegen_random (&p));
  p.domain = 2, p.confounders = 17;
  ck_assert_ptr_null (gamegen_random (&p));
  p.confounders = 0, p.stages = 0;
  game *g = gamegen_random (&p);
  ck_assert_ptr_nonnull (g);
  ck_assert_uint_eq (g->nstages, 0);
  game_free (g);
}
END_TEST

START_TEST (structure) {
  for (uint64_t seed = 0; seed < 100; seed++) {
    gamegen_params p;
    gamegen_params_init (&p);
    p.seed = seed, p.stages = 5, p.domain = 4, p.confounders = 3;
    p.perfect_info = seed % 2;
    game *g = gamegen_random (&p);
    ck_assert_uint_eq (g->nplayers, 2);
    ck_assert_str_eq (g->players[g->leader], "L");
    ck_assert_uint_eq (g->nstages, 5);
    ck_assert (game_is_perfect_info (g) == p.perfect_info);
    for (unsigned t = 1; t <= 5; t++) {
      const game_var *x = game_stage (g, t);
      ck_assert (x->domain >= 2 && x->domain <= 4);
      if (!p.perfect_info)
        for (unsigned j = 0; j < x->nobs; j++) ck_assert_int_ne (g->vars[x->obs[j]].kind, GAME_EXOGENOUS);
    }
    game_free (g);
  }
  gamegen_params p;
  gamegen_params_init (&p);
  p.win_lose = true, p.stages = 8, p.clauses = 5;
  game *g = gamegen_random (&p);
  ck_assert (game_is_perfect_info (g));
  ck_assert_int_ge (game_find_var (g, "c5"), 0);
  ck_assert_int_lt (game_find_var (g, "c6"), 0);
  game_free (g);
}
END_TEST

START_TEST (cli_same_bytes) {
  char *a = NULL, *b = NULL;
  ck_assert_int_eq (tu_run (&a, NULL, "gengame random-game --stages 5 --seed 7 --domain 3 --confounders 2"), 0);
  ck_assert_int_eq (tu_run (&b, NULL, "gengame random-game --stages 5 --seed 7 --domain 3 --confounders 2"), 0);
  ck_assert_str_eq (a, b);
  ck_assert_msg (!strncmp (a, "<?xml", 5), "%s", a);
  free (a), free (b);
  ck_assert_int_eq (tu_run (NULL, NULL, "gengame random-game --stages 99 --seed 7"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "gengame random-game --stages x"), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "gengame random-qbf"), 2);
}
END_TEST

Suite *gamegen_suite (void) {
  Suite *s = suite_create ("gamegen");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, deterministic);
  tcase_add_test (tc, ranges);
  tcase_add_test (tc, structure);
  tcase_add_test (tc, cli_same_bytes);
  suite_add_tcase (s, tc);
  return s;
}
