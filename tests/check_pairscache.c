/* Tests of solver/game/pairscache: a stored set comes back exactly under its
 * key and only under it, the table starts small and grows within its budget,
 * the budget is never exceeded, a budget below the first slots is refused. */
#include <check.h>
#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "instances/gamegen.h"
#include "solver/game/pairscache.h"
#include "solver/model/game.h"

static game *wl_game (unsigned stages) {
  gamegen_params p;
  gamegen_params_init (&p);
  p.seed = 11, p.stages = stages, p.perfect_info = true, p.win_lose = true;
  game *g = gamegen_random (&p);
  ck_assert_ptr_nonnull (g);
  return g;
}

/* The first branching position at or after k (an action). */
static unsigned branching (const game *g, unsigned k) {
  while (k < g->nfixed && g->vars[g->order[k]].kind != GAME_ACTION) k++;
  return k;
}

START_TEST (store_and_lookup) {
  game *g = wl_game (8);
  pairscache *c = pairscache_new (g, false, (size_t) 1 << 20);
  ck_assert_ptr_nonnull (c);
  int *vals = calloc (g->nvars + 1, sizeof *vals);
  mpq_t det[2], v[4];
  mpq_init (det[0]), mpq_init (det[1]);
  for (int i = 0; i < 4; i++) mpq_init (v[i]);
  mpq_set_ui (v[0], 1, 1), mpq_set_ui (v[1], 0, 1), mpq_set_ui (v[2], 0, 1), mpq_set_ui (v[3], 7, 3);
  unsigned k = branching (g, 0);
  ck_assert (!pairscache_key (c, k, vals, det)); /* the root's rewards depend on the future */
  size_t n;
  const mpq_t *got;
  ck_assert (!pairscache_lookup (c, k, &n, &got));
  pairscache_store (c, k, 2, (const mpq_t *) v);
  ck_assert (!pairscache_key (c, k, vals, det));
  ck_assert (pairscache_lookup (c, k, &n, &got));
  ck_assert_uint_eq (n, 2);
  for (int i = 0; i < 4; i++) ck_assert (mpq_equal (got[i], v[i]));
  /* a deeper position has another key */
  unsigned k2 = branching (g, k + 1);
  ck_assert_uint_lt (k2, g->nfixed);
  vals[g->order[k]] = 1;
  if (!pairscache_key (c, k2, vals, det)) ck_assert (!pairscache_lookup (c, k2, &n, &got));
  pairscache_stats st;
  pairscache_get_stats (c, &st);
  ck_assert_uint_eq (st.stores, 1);
  ck_assert_uint_eq (st.hits, 1);
  ck_assert_uint_eq (st.slots, 64);
  mpq_clear (det[0]), mpq_clear (det[1]);
  for (int i = 0; i < 4; i++) mpq_clear (v[i]);
  free (vals);
  pairscache_free (c);
  game_free (g);
}
END_TEST

/* Many distinct states: a large budget lets the table grow past 64 slots;
 * a small one keeps it and its bytes within the budget. */
START_TEST (grows_within_budget) {
  game *g = wl_game (14);
  size_t budgets[2] = {(size_t) 1 << 22, 8192};
  for (int b = 0; b < 2; b++) {
    pairscache *c = pairscache_new (g, false, budgets[b]);
    ck_assert_ptr_nonnull (c);
    int *vals = calloc (g->nvars + 1, sizeof *vals);
    mpq_t det[2], v[2];
    mpq_init (det[0]), mpq_init (det[1]), mpq_init (v[0]), mpq_init (v[1]);
    unsigned stores = 0;
    for (unsigned r = 0; r < 4096; r++) {
      unsigned k = branching (g, (r * 7) % g->nfixed);
      if (k >= g->nfixed) continue;
      for (unsigned j = 0; j < k; j++) vals[g->order[j]] = (int) ((r >> (j % 12)) & 1) % (int) g->vars[g->order[j]].domain;
      if (pairscache_key (c, k, vals, det)) continue;
      size_t n;
      const mpq_t *got;
      if (pairscache_lookup (c, k, &n, &got)) continue; /* as the walk: store only after a miss */
      mpq_set_ui (v[0], r, 1), mpq_set_ui (v[1], 1, r + 1);
      pairscache_store (c, k, 1, (const mpq_t *) v);
      stores++;
      if (pairscache_lookup (c, k, &n, &got)) ck_assert (n == 1 && mpq_equal (got[0], v[0]) && mpq_equal (got[1], v[1]));
    }
    pairscache_stats st;
    pairscache_get_stats (c, &st);
    ck_assert_uint_gt (stores, 150);
    ck_assert_uint_le (st.bytes, budgets[b]);
    ck_assert_uint_le (st.peak, budgets[b]);
    if (b == 0) ck_assert_uint_gt (st.slots, 64);
    else ck_assert_uint_le (st.slots * 48, budgets[b]);
    mpq_clear (det[0]), mpq_clear (det[1]), mpq_clear (v[0]), mpq_clear (v[1]);
    free (vals);
    pairscache_free (c);
  }
  ck_assert_ptr_null (pairscache_new (g, false, 100));
  game_free (g);
}
END_TEST

Suite *pairscache_suite (void) {
  Suite *s = suite_create ("pairscache");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, store_and_lookup);
  tcase_add_test (tc, grows_within_budget);
  suite_add_tcase (s, tc);
  return s;
}
