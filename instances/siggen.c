/* Random signaling games (see siggen.h). */
#include "instances/siggen.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/prng.h"
#include "solver/model/game.h"

void siggen_params_init (siggen_params *p) {
  p->types = 2, p->messages = 2, p->actions = 2;
  p->noise = false, p->observable = false;
  p->seed = 0;
}

static char **labels (char c, unsigned n) {
  char **l = mem_alloc (n * sizeof *l);
  for (unsigned i = 0; i < n; i++) {
    l[i] = mem_alloc (16);
    snprintf (l[i], 16, "%c%u", c, i);
  }
  return l;
}

static void free_labels (char **l, unsigned n) {
  for (unsigned i = 0; i < n; i++) free (l[i]);
  free (l);
}

game *siggen_random (const siggen_params *p) {
  unsigned K = p->types, M = p->messages, A = p->actions;
  if (K < 2 || K > 16 || M < 2 || M > 16 || A < 2 || A > 12) return NULL;
  prng r;
  prng_seed (&r, p->seed);
  char name[96];
  snprintf (name, sizeof name, "signaling K=%u M=%u A=%u seed=%llu", K, M, A, (unsigned long long) p->seed);
  game *g = game_new (name);
  int S = game_add_player (g, "S"), R = game_add_player (g, "R");
  game_set_leader (g, S);
  g->layers_observable = p->observable;
  unsigned dom = K;
  int th = game_add_var (g, GAME_EXOGENOUS, "type", dom);
  mpq_t *prior = mem_alloc (dom * sizeof *prior);
  unsigned long sum = 0, w[16];
  for (unsigned t = 0; t < dom; t++) sum += w[t] = (unsigned long) prng_range (&r, 1, 4);
  for (unsigned t = 0; t < dom; t++) mpq_init (prior[t]), mpq_set_ui (prior[t], w[t], sum), mpq_canonicalize (prior[t]);
  game_set_prior (g, th, (const mpq_t *) prior);
  for (unsigned t = 0; t < dom; t++) mpq_clear (prior[t]);
  free (prior);
  char **l = labels ('t', dom);
  game_set_labels (g, th, l);
  free_labels (l, dom);
  int nu = -1;
  if (p->noise) {
    nu = game_add_var (g, GAME_EXOGENOUS, "noise", 2);
    mpq_t h[2];
    mpq_init (h[0]), mpq_init (h[1]);
    mpq_set_ui (h[0], 1, 2), mpq_set_ui (h[1], 1, 2);
    game_set_prior (g, nu, (const mpq_t *) h);
    mpq_clear (h[0]), mpq_clear (h[1]);
  }
  int m = game_add_var (g, GAME_ACTION, "msg", M);
  game_set_owner (g, m, S);
  game_set_stage (g, m, 1);
  game_add_observation (g, m, th);
  l = labels ('m', M);
  game_set_labels (g, m, l);
  free_labels (l, M);
  {
    int parents[2] = {th, nu};
    size_t n = (size_t) dom * (nu >= 0 ? 2 : 1);
    long *iv = mem_alloc (n * sizeof *iv);
    for (size_t i = 0; i < n; i++) iv[i] = (long) prng_below (&r, M);
    game_set_expr (g, m, game_expr_table (nu >= 0 ? 2 : 1, parents, n, iv, NULL));
    free (iv);
  }
  int a = game_add_var (g, GAME_ACTION, "act", A);
  game_set_owner (g, a, R);
  game_set_stage (g, a, 2);
  game_add_observation (g, a, m);
  l = labels ('a', A);
  game_set_labels (g, a, l);
  free_labels (l, A);
  int parents[3] = {th, m, a};
  size_t n = (size_t) dom * M * A;
  mpq_t *q = mem_alloc (n * sizeof *q);
  const char *names[2] = {"uS", "uR"};
  for (int pl = 0; pl < 2; pl++) {
    for (size_t i = 0; i < n; i++) {
      mpq_init (q[i]);
      mpq_set_ui (q[i], (unsigned long) prng_range (&r, 0, 6), 2);
      mpq_canonicalize (q[i]);
    }
    int u = game_add_var (g, GAME_UTILITY, names[pl], 0);
    game_set_owner (g, u, pl ? R : S);
    game_set_expr (g, u, game_expr_table (3, parents, n, NULL, (const mpq_t *) q));
    for (size_t i = 0; i < n; i++) mpq_clear (q[i]);
  }
  free (q);
  scnfg_error err;
  error_init (&err);
  if (!game_finish (g, &err)) {
    game_free (g);
    return NULL;
  }
  return g;
}
