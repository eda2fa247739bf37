/* Tests of instances/treegen: shape, determinism (same seed, same bytes),
 * reward ranges, conflict, rejected parameters, scnfg gentree. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instances/treegen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "tests/testutil.h"

static char *xml_of (const game *g) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  ck_assert (gamexml_write (f, g));
  fclose (f);
  return buf;
}

START_TEST (shape_and_determinism) {
  game *g = treegen_random (5, 3, 0, 42), *h = treegen_random (5, 3, 0, 42), *k = treegen_random (5, 3, 0, 43);
  ck_assert (g && h && k);
  ck_assert_uint_eq (g->nstages, 5);
  ck_assert (game_is_perfect_info (g));
  for (unsigned t = 1; t <= 5; t++) {
    ck_assert_uint_eq (game_stage (g, t)->domain, 3);
    ck_assert_uint_eq (game_stage (g, t)->nobs, t - 1);
    ck_assert_uint_eq (game_stage (g, t)->layers, GAME_L2);
  }
  char *a = xml_of (g), *b = xml_of (h), *c = xml_of (k);
  ck_assert_str_eq (a, b);
  ck_assert_str_ne (a, c);
  free (a), free (b), free (c);
  /* rewards k/2 in [0, 10]; with conflict the sum stays within 10 +- 1 (C = 2) before clamping */
  game *q = treegen_random (6, 2, 2, 7);
  int vals[16] = {0};
  mpq_t r[2], s, lo, hi;
  mpq_init (r[0]), mpq_init (r[1]), mpq_init (s), mpq_init (lo), mpq_init (hi);
  mpq_set_ui (lo, 9, 1), mpq_set_ui (hi, 11, 1);
  unsigned in = 0;
  for (unsigned x = 0; x < 64; x++) {
    for (unsigned t = 0; t < 6; t++) vals[q->stage_var[t]] = (int) (x >> (5 - t) & 1);
    game_complete (q, vals);
    game_rewards (q, vals, r);
    for (int p = 0; p < 2; p++) ck_assert (mpq_sgn (r[p]) >= 0 && mpq_cmp_ui (r[p], 10, 1) <= 0);
    mpq_add (s, r[0], r[1]);
    in += mpq_cmp (s, lo) >= 0 && mpq_cmp (s, hi) <= 0;
  }
  ck_assert_uint_eq (in, 64);
  mpq_clear (r[0]), mpq_clear (r[1]), mpq_clear (s), mpq_clear (lo), mpq_clear (hi);
  game_free (g), game_free (h), game_free (k), game_free (q);
  ck_assert (treegen_random (0, 2, 0, 1) == NULL);
  ck_assert (treegen_random (21, 2, 0, 1) == NULL);
  ck_assert (treegen_random (11, 4, 0, 1) == NULL); /* 4^11 > 2^20 leaves */
  ck_assert (treegen_random (3, 5, 0, 1) == NULL);
  ck_assert (treegen_random (3, 2, 21, 1) == NULL);
}
END_TEST

START_TEST (cli) {
  char *dir = tu_tmpdir ();
  char *out = NULL, *err = NULL;
  ck_assert_int_eq (tu_run (&out, &err, "gentree --stages 3 --seed 9 -o %s/a.xml", dir), 0);
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "gentree --stages 3 --seed 9"), 0);
  char path[512];
  snprintf (path, sizeof path, "%s/a.xml", dir);
  char *file = tu_slurp (path);
  ck_assert (file != NULL);
  ck_assert_str_eq (file, out);
  ck_assert (strstr (out, "random tree stages=3 domain=2 conflict=0 seed=9") != NULL);
  free (file), free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "gentree --stages 30 --seed 1"), 2);
  free (out), free (err);
  ck_assert_int_eq (tu_run (&out, &err, "gentree --stages x"), 2);
  free (out), free (err);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *treegen_suite (void) {
  Suite *s = suite_create ("treegen");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, shape_and_determinism);
  tcase_add_test (tc, cli);
  suite_add_tcase (s, tc);
  return s;
}
