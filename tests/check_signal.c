/* Tests of solver/game/signal (with proofs/chk_signal and instances/siggen):
 * the textbook fixtures with their exact answers, shape errors, 500 random
 * games whose every reported PBE passes the independent checker, and
 * D1 survivors within intuitive survivors. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "instances/siggen.h"
#include "proofs/chk_signal.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/game/signal.h"
#include "tests/testutil.h"


static void eq_q (const mpq_t q, const char *s) {
  char *t = mpq_get_str (NULL, 10, q);
  ck_assert_str_eq (t, s);
  free (t);
}

/* Runs the checker on the family's representative and on every reported
 * off-path alternative (witness belief and witness mixture). Returns the
 * number of profiles checked. */
static unsigned check_family (const game *g, const signal_game *sg, const signal_pbe *e) {
  unsigned K = sg->K, M = sg->M, A = sg->A, n = 0;
  mpq_t *alpha = malloc ((size_t) M * A * sizeof *alpha), *mu = malloc ((size_t) M * K * sizeof *mu);
  for (unsigned i = 0; i < M * A; i++) mpq_init (alpha[i]);
  for (unsigned i = 0; i < M * K; i++) mpq_init (mu[i]);
  for (size_t k = 0; k <= e->noff; k++)
    for (size_t j = 0; j < (k < e->noff ? e->off[k].n : 1); j++) {
      signal_pbe_member (sg, e, k, j, alpha, mu);
      chk_signal_report rep;
      scnfg_error err;
      error_init (&err);
      ck_assert (chk_signal_pbe (g, e->send, alpha, mu, &rep, &err));
      ck_assert_msg (rep.ok, "%s: %s", g->name, rep.msg);
      n++;
    }
  for (unsigned i = 0; i < M * A; i++) mpq_clear (alpha[i]);
  for (unsigned i = 0; i < M * K; i++) mpq_clear (mu[i]);
  free (alpha), free (mu);
  return n;
}

static void solve (const game *g, signal_game *sg, signal_result *r) {
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (signal_game_init (sg, g, &err), "%s", err.msg);
  ck_assert_msg (signal_solve (r, sg, 0, &err), "%s", err.msg);
}

START_TEST (beer_quiche) {
  game *g = tu_game_fixture ("beer-quiche.xml");
  signal_game sg;
  signal_result r;
  solve (g, &sg, &r);
  ck_assert_uint_eq (r.n, 2);
  ck_assert_uint_eq (r.nclass[SIGNAL_POOLING], 2);
  ck_assert_uint_eq (r.nclass[SIGNAL_SEPARATING], 0);
  ck_assert_uint_eq (r.nclass[SIGNAL_PARTIAL], 0);
  /* pooling on beer: no duel at beer; duel at quiche with mu(wimp) >= 1/2 */
  signal_pbe *b = &r.pbe[0];
  ck_assert (b->send[0] == 0 && b->send[1] == 0);
  ck_assert (b->onpath[0] && !b->onpath[1]);
  ck_assert_int_eq (b->resp[0], 1);
  eq_q (b->post[0], "1/10");
  eq_q (b->pay[0], "2");
  eq_q (b->pay[1], "3");
  eq_q (b->reward_s, "29/10");
  eq_q (b->reward_r, "9/10");
  ck_assert_uint_eq (b->noff, 1);
  ck_assert_uint_eq (b->off[0].n, 2);
  signal_response *d = &b->off[0].r[0];
  ck_assert_uint_eq (d->support, 1); /* duel */
  eq_q (d->blo[0], "1/2");
  eq_q (d->bhi[0], "1");
  ck_assert (mpq_cmp_ui (d->belief[0], 1, 2) >= 0);
  signal_response *mx = &b->off[0].r[1]; /* duel/dont mixtures: mu = 1/2, duel >= 1/2 */
  ck_assert_uint_eq (mx->support, 3);
  eq_q (mx->blo[0], "1/2");
  eq_q (mx->bhi[0], "1/2");
  eq_q (mx->mlo[0], "1/2");
  eq_q (mx->mhi[0], "1");
  ck_assert (b->intuitive.survives);
  ck_assert (b->d1.survives);
  ck_assert (d->d1_ok && !mx->d1_ok);
  /* pooling on quiche: fails both at beer, broken by surly */
  signal_pbe *q = &r.pbe[1];
  ck_assert (q->send[0] == 1 && q->send[1] == 1);
  ck_assert_int_eq (q->resp[1], 1);
  ck_assert_int_eq (q->resp[0], 0);
  eq_q (q->off[0].r[0].blo[0], "1/2");
  ck_assert (!q->intuitive.survives);
  ck_assert_int_eq (q->intuitive.msg, 0);
  ck_assert_int_eq (q->intuitive.type, 1);
  ck_assert_uint_eq (q->intuitive.set, 1); /* J(beer) = {wimp} */
  ck_assert (!q->d1.survives);
  ck_assert_int_eq (q->d1.msg, 0);
  ck_assert_int_eq (q->d1.type, 1);
  ck_assert_uint_eq (q->d1.set, 1);       /* wimp deleted */
  ck_assert_int_eq (q->d1.by[0], 1);      /* by surly */
  ck_assert_uint_eq (r.nintuitive, 1);
  ck_assert_uint_eq (r.nd1, 1);
  ck_assert (check_family (g, &sg, b) == 3 && check_family (g, &sg, q) == 3);
  /* the layers change nothing here (instinct constant, all layers) */
  ck_assert (r.layers.trivial && !r.layers.changes_posterior && !r.layers.changes_reward);
  ck_assert_uint_eq (r.layers.n, 2);
  signal_result_clear (&r);
  signal_game_clear (&sg);
  game_free (g);
}
END_TEST

START_TEST (job_market) {
  game *g = tu_game_fixture ("job-market.xml");
  signal_game sg;
  signal_result r;
  solve (g, &sg, &r);
  ck_assert_uint_eq (r.n, 2);
  signal_pbe *s = &r.pbe[0], *p = &r.pbe[1];
  ck_assert_int_eq (s->cls, SIGNAL_SEPARATING);
  ck_assert (s->send[0] == 0 && s->send[1] == 1 && s->resp[0] == 0 && s->resp[1] == 1);
  ck_assert (s->intuitive.survives && s->d1.survives);
  eq_q (s->reward_s, "14/3");
  ck_assert_int_eq (p->cls, SIGNAL_POOLING);
  ck_assert (p->send[0] == 1 && p->send[1] == 1 && p->resp[1] == 1 && p->resp[0] == 1);
  /* C at E needs mu(high | E) <= 2/5 */
  signal_response *c = &p->off[0].r[0];
  ck_assert_uint_eq (c->support, 2);
  eq_q (c->blo[0], "0");
  eq_q (c->bhi[0], "2/5");
  ck_assert (!p->intuitive.survives);
  ck_assert_int_eq (p->intuitive.msg, 0);
  ck_assert_int_eq (p->intuitive.type, 0); /* high */
  ck_assert (!p->d1.survives);
  ck_assert (check_family (g, &sg, s) == 1 && check_family (g, &sg, p) == 3);
  signal_result_clear (&r);
  signal_game_clear (&sg);
  game_free (g);
}
END_TEST

static void layered (const char *name, signal_game *sg, signal_result *r, game **g) {
  *g = tu_game_fixture (name);
  solve (*g, sg, r);
}

START_TEST (layers_fixtures) {
  /* instinct only: one layered equilibrium, babbling; posteriors = prior */
  game *g;
  signal_game sg;
  signal_result r;
  layered ("beer-quiche-instinct.xml", &sg, &r, &g);
  ck_assert_uint_eq (r.n, 2); /* the plain game is unchanged */
  signal_layers *L = &r.layers;
  ck_assert (!L->skipped && !L->trivial);
  ck_assert_uint_eq (L->nstrat[1], 1);
  ck_assert_uint_eq (L->nstrat[2] + L->nstrat[3], 0);
  ck_assert_uint_eq (L->n, 1);
  ck_assert_uint_eq (L->eq[0].layer, 1);
  for (int i = 0; i < 4; i++) eq_q (L->eq[0].sigma[i], "1/2");
  ck_assert (L->eq[0].resp[0] == 1 && L->eq[0].resp[1] == 1);
  eq_q (L->eq[0].post[0], "1/10");
  eq_q (L->eq[0].post[2], "1/10");
  eq_q (L->eq[0].reward_s, "5/2");
  eq_q (L->eq[0].reward_r, "9/10");
  ck_assert (L->changes_posterior && L->changes_reward);
  signal_result_clear (&r), signal_game_clear (&sg), game_free (g);
  /* all layers, observed: babbling at L1 is sustained by punishing other
     layers off path; the plain pooling PBE reappear at L2 and at L3 */
  layered ("beer-quiche-layers.xml", &sg, &r, &g);
  L = &r.layers;
  ck_assert (sg.observable && !L->trivial);
  ck_assert (L->nstrat[1] == 1 && L->nstrat[2] == 4 && L->nstrat[3] == 9);
  ck_assert_uint_eq (L->n, 5);
  unsigned by[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < L->n; i++) by[L->eq[i].layer]++;
  ck_assert (by[1] == 1 && by[2] == 2 && by[3] == 2);
  ck_assert (L->changes_posterior && L->changes_reward);
  signal_result_clear (&r), signal_game_clear (&sg);
  /* the same game with the layer unobserved: only the plain PBE */
  g->layers_observable = false;
  ck_assert (signal_game_init (&sg, g, NULL));
  ck_assert (signal_solve (&r, &sg, 0, NULL));
  L = &r.layers;
  ck_assert (L->nstrat[1] == 1 && L->nstrat[2] == 4 && L->nstrat[3] == 4);
  ck_assert_uint_eq (L->n, 2);
  ck_assert (!L->changes_posterior && !L->changes_reward);
  signal_result_clear (&r), signal_game_clear (&sg), game_free (g);
}
END_TEST

START_TEST (checker_rejects) {
  /* the checker finds a wrong belief, a non-best response and a deviation */
  game *g = tu_game_fixture ("beer-quiche.xml");
  int send[2] = {0, 0};
  mpq_t alpha[4], mu[4];
  for (int i = 0; i < 4; i++) mpq_init (alpha[i]), mpq_init (mu[i]);
  const char *al[4] = {"0", "1", "1", "0"}, *mb[4] = {"1/10", "9/10", "1/2", "1/2"};
  for (int i = 0; i < 4; i++) mpq_set_str (alpha[i], al[i], 10), mpq_set_str (mu[i], mb[i], 10), mpq_canonicalize (mu[i]);
  chk_signal_report rep;
  scnfg_error err;
  error_init (&err);
  ck_assert (chk_signal_pbe (g, send, alpha, mu, &rep, &err) && rep.ok);
  mpq_set_ui (mu[2], 1, 3), mpq_set_ui (mu[3], 2, 3); /* duel no longer a best response */
  ck_assert (chk_signal_pbe (g, send, alpha, mu, &rep, &err) && !rep.ok);
  ck_assert_msg (strstr (rep.msg, "after quiche the receiver plays duel"), "%s", rep.msg);
  mpq_set_ui (mu[2], 1, 2), mpq_set_ui (mu[3], 1, 2);
  mpq_set_ui (mu[0], 1, 5), mpq_set_ui (mu[1], 4, 5); /* not Bayes */
  ck_assert (chk_signal_pbe (g, send, alpha, mu, &rep, &err) && !rep.ok);
  ck_assert_msg (strstr (rep.msg, "Bayes"), "%s", rep.msg);
  mpq_set_ui (mu[0], 1, 10), mpq_set_ui (mu[1], 9, 10);
  mpq_set_ui (alpha[2], 1, 4), mpq_set_ui (alpha[3], 3, 4); /* duel 1/4 < 1/2 at quiche: wimp deviates */
  ck_assert (chk_signal_pbe (g, send, alpha, mu, &rep, &err) && !rep.ok);
  ck_assert_msg (strstr (rep.msg, "type wimp gains by sending quiche"), "%s", rep.msg);
  for (int i = 0; i < 4; i++) mpq_clear (alpha[i]), mpq_clear (mu[i]);
  game_free (g);
}
END_TEST

START_TEST (not_signaling) {
  const char *bad[] = {"imperfect.xml", "chance.xml", "three-players.xml", "entry-deterrence.xml"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    game *g = tu_game_fixture (bad[i]);
    signal_game sg;
    scnfg_error err;
    error_init (&err);
    ck_assert (!signal_game_init (&sg, g, &err));
    ck_assert_int_eq (err.code, ERROR_INPUT);
    ck_assert_msg (strstr (err.msg, "not a signaling game: "), "%s", err.msg);
    signal_game_clear (&sg);
    game_free (g);
  }
}
END_TEST

/* 500 random games: every reported PBE (representatives and every off-path
 * alternative) passes the checker; D1 <= intuitive <= PBE; with the plain
 * layer structure the layered analysis finds exactly the plain outcomes. */
START_TEST (random_games) {
  unsigned checked = 0, fam = 0, nint = 0, nd1 = 0, changed = 0;
  for (uint64_t seed = 0; seed < 500; seed++) {
    siggen_params p;
    siggen_params_init (&p);
    p.seed = seed;
    p.types = 2 + seed % 2;
    p.messages = 2 + (seed / 2) % 2;
    p.actions = 2 + (seed / 4) % 2;
    p.noise = seed % 5 == 0;
    p.observable = seed % 7 == 0;
    game *g = siggen_random (&p);
    ck_assert_ptr_nonnull (g);
    signal_game sg;
    signal_result r;
    solve (g, &sg, &r);
    size_t ni = 0, nd = 0;
    for (size_t i = 0; i < r.n; i++) {
      signal_pbe *e = &r.pbe[i];
      checked += check_family (g, &sg, e);
      ck_assert_msg (!e->d1.survives || e->intuitive.survives, "seed %llu family %zu: D1 survivor fails intuitive",
                     (unsigned long long) seed, i);
      ni += e->intuitive.survives, nd += e->d1.survives;
      ck_assert (e->npure >= 1);
    }
    ck_assert_uint_eq (ni, r.nintuitive);
    ck_assert_uint_eq (nd, r.nd1);
    ck_assert (nd <= ni && ni <= r.n);
    if (r.layers.trivial) ck_assert_msg (!r.layers.changes_posterior && !r.layers.changes_reward, "seed %llu", (unsigned long long) seed);
    changed += r.layers.changes_posterior || r.layers.changes_reward;
    fam += (unsigned) r.n, nint += (unsigned) ni, nd1 += (unsigned) nd;
    signal_result_clear (&r);
    signal_game_clear (&sg);
    game_free (g);
  }
  fprintf (stderr, "signal random: %u families, %u intuitive, %u D1, %u profiles checked, %u layer-sensitive games\n", fam,
           nint, nd1, checked, changed);
  ck_assert (fam > 500 && nint < fam && nd1 < nint && changed > 0);
}
END_TEST

Suite *signal_suite (void) {
  Suite *s = suite_create ("signal");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, beer_quiche);
  tcase_add_test (tc, job_market);
  tcase_add_test (tc, checker_rejects);
  tcase_add_test (tc, layers_fixtures);
  tcase_add_test (tc, not_signaling);
  tcase_add_test (tc, random_games);
  suite_add_tcase (s, tc);
  return s;
}
