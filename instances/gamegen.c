/* Seeded random S-CNFG generator (see gamegen.h). Every draw comes from the
 * project's splitmix64 in a fixed order, so a seed fixes the bytes. */
#include "instances/gamegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/prng.h"
#include "base/require.h"
#include "solver/model/game.h"

void gamegen_params_init (gamegen_params *p) {
  memset (p, 0, sizeof *p);
  p->stages = 4;
  p->domain = 2;
}

/* A random rational p/q, q in 1..4, value in [0, 4]. */
static void rand_reward (prng *r, mpq_t out) {
  long q = (long) prng_range (r, 1, 4);
  long n = (long) prng_range (r, 0, 4 * q);
  mpq_set_si (out, n, (unsigned long) q);
  mpq_canonicalize (out);
}

static game *win_lose (const gamegen_params *p, prng *r) {
  game *g = game_new ("random win-lose game");
  int L = game_add_player (g, "L"), F = game_add_player (g, "F");
  game_set_leader (g, L);
  unsigned T = p->stages;
  int *x = mem_alloc ((T + 1) * sizeof *x);
  char id[32];
  for (unsigned t = 1; t <= T; t++) {
    snprintf (id, sizeof id, "x%u", t);
    x[t - 1] = game_add_var (g, GAME_ACTION, id, 2);
    game_set_owner (g, x[t - 1], prng_chance (r, 1, 2) ? L : F);
    game_set_stage (g, x[t - 1], t);
    game_set_layers (g, x[t - 1], GAME_L2);
    for (unsigned s = 1; s < t; s++) game_add_observation (g, x[t - 1], x[s - 1]);
  }
  unsigned m = p->clauses ? p->clauses : 2 * T;
  game_expr **cl = mem_alloc ((m + 1) * sizeof *cl);
  for (unsigned j = 0; j < m; j++) {
    game_expr *lit[3];
    unsigned k = T < 3 ? T : 3;
    for (unsigned i = 0; i < k; i++) {
      int v = x[prng_below (r, T)];
      lit[i] = prng_chance (r, 1, 2) ? game_expr_var (v) : game_expr_not (game_expr_var (v));
    }
    snprintf (id, sizeof id, "c%u", j + 1);
    int c = game_add_var (g, GAME_ENDOGENOUS, id, 2);
    game_set_expr (g, c, k ? game_expr_nary (GAME_OR, k, lit) : game_expr_const (0));
    cl[j] = game_expr_var (c);
  }
  int f = game_add_var (g, GAME_ENDOGENOUS, "F", 2);
  game_set_expr (g, f, m ? game_expr_nary (GAME_AND, m, cl) : game_expr_const (1));
  int uL = game_add_var (g, GAME_UTILITY, "uL", 0);
  game_set_owner (g, uL, L);
  game_set_expr (g, uL, game_expr_var (f));
  int uF = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, uF, F);
  game_set_expr (g, uF, game_expr_not (game_expr_var (f)));
  free (cl), free (x);
  return g;
}

/* The random game under construction: players, confounders u[0..K), stages
 * x[0..T) with their owners (0 leader, 1 follower). */
typedef struct gen {
  game *g;
  prng *r;
  const gamegen_params *p;
  int pl[2];
  unsigned T, K;
  int *u, *x;
  unsigned *owner;
} gen;

/* K binary confounders with random priors, each revealed at a random stage. */
static void add_confounders (gen *G) {
  char id[32];
  mpq_t prior[2];
  mpq_init (prior[0]), mpq_init (prior[1]);
  for (unsigned k = 0; k < G->K; k++) {
    snprintf (id, sizeof id, "u%u", k + 1);
    G->u[k] = game_add_var (G->g, GAME_EXOGENOUS, id, 2);
    long w0 = (long) prng_range (G->r, 0, 3), w1 = (long) prng_range (G->r, w0 ? 0 : 1, 3);
    mpq_set_si (prior[0], w0, (unsigned long) (w0 + w1));
    mpq_set_si (prior[1], w1, (unsigned long) (w0 + w1));
    mpq_canonicalize (prior[0]), mpq_canonicalize (prior[1]);
    game_set_prior (G->g, G->u[k], (const mpq_t *) prior);
    game_set_position (G->g, G->u[k], (unsigned) prng_range (G->r, 1, G->T + 1));
  }
  mpq_clear (prior[0]), mpq_clear (prior[1]);
}

/* Stage t's observations: every earlier stage with perfect information,
 * else its owner's own stages and a coin flip, keeping perfect recall. */
static void add_observations (gen *G, unsigned t) {
  game *g = G->g;
  bool pi = G->p->perfect_info;
  for (unsigned s = 1; s < t; s++) {
    bool own = G->owner[s - 1] == G->owner[t - 1];
    bool obs = pi || own || prng_chance (G->r, 1, 2);
    if (!pi && !obs) {
      /* perfect recall: an earlier own stage that observed x_s forces it */
      for (unsigned q = s + 1; q < t && !obs; q++)
        if (G->owner[q - 1] == G->owner[t - 1]) {
          const game_var *w = &g->vars[G->x[q - 1]];
          for (unsigned j = 0; j < w->nobs; j++) obs |= w->obs[j] == G->x[s - 1];
        }
    }
    if (obs) game_add_observation (g, G->x[t - 1], G->x[s - 1]);
  }
  if (pi)
    for (unsigned k = 0; k < G->K; k++)
      if (g->vars[G->u[k]].position <= t) game_add_observation (g, G->x[t - 1], G->u[k]);
}

/* Stage t's instinct (a table over a revealed confounder, or over an earlier
 * action, or none) and, on a quarter of the later stages, an active-if. */
static void add_instinct (gen *G, unsigned t, unsigned d) {
  game *g = G->g;
  prng *r = G->r;
  unsigned kind = (unsigned) prng_below (r, 3);
  int src = -1;
  if (kind == 0 && G->K) {
    unsigned k = (unsigned) prng_below (r, G->K);
    if (g->vars[G->u[k]].position <= t) src = G->u[k];
  } else if (kind == 1 && t > 1) {
    src = G->x[prng_below (r, t - 1)];
  }
  if (src >= 0) {
    unsigned ds = g->vars[src].domain;
    long *vals = mem_alloc (ds * sizeof *vals);
    for (unsigned i = 0; i < ds; i++) vals[i] = (long) prng_below (r, d);
    game_set_expr (g, G->x[t - 1], game_expr_table (1, &src, ds, vals, NULL));
    free (vals);
  }
  if (t > 1 && prng_chance (r, 1, 4)) {
    int s = G->x[prng_below (r, t - 1)];
    game_set_active_if (g, G->x[t - 1], game_expr_eq (s, (long) prng_below (r, g->vars[s].domain)));
  }
}

/* Stage t: domain, owner, layers, observations, instinct, active-if. */
static void add_stage (gen *G, unsigned t) {
  game *g = G->g;
  char id[32];
  snprintf (id, sizeof id, "x%u", t);
  unsigned d = (unsigned) prng_range (G->r, 2, G->p->domain);
  int xt = G->x[t - 1] = game_add_var (g, GAME_ACTION, id, d);
  G->owner[t - 1] = (unsigned) prng_below (G->r, 2);
  game_set_owner (g, xt, G->pl[G->owner[t - 1]]);
  game_set_stage (g, xt, t);
  unsigned roll = (unsigned) prng_below (G->r, 20);
  game_set_layers (g, xt, roll < 12 ? GAME_LAYERS_ALL : roll < 14 ? GAME_L1 : roll < 17 ? GAME_L2 : GAME_L2 | GAME_L3);
  add_observations (G, t);
  add_instinct (G, t, d);
}

/* Player i's utility: a table over up to 3 parents from the pool, plus an
 * indicator bonus. */
static void add_utility (gen *G, unsigned i, const int *pool, unsigned npool, mpq_t q) {
  game *g = G->g;
  prng *r = G->r;
  char id[32];
  int par[3];
  unsigned np = 0, want = npool < 3 ? npool : 3;
  while (np < want) {
    int c = pool[prng_below (r, npool)];
    bool dup = false;
    for (unsigned j = 0; j < np; j++) dup |= par[j] == c;
    if (!dup) par[np++] = c;
  }
  size_t size = 1;
  for (unsigned j = 0; j < np; j++) size *= g->vars[par[j]].domain;
  mpq_t *vals = mem_alloc (size * sizeof *vals);
  for (size_t j = 0; j < size; j++) mpq_init (vals[j]), rand_reward (r, vals[j]);
  snprintf (id, sizeof id, "u%s", i ? "F" : "L");
  int ut = game_add_var (g, GAME_UTILITY, id, 0);
  game_set_owner (g, ut, G->pl[i]);
  game_set_expr (g, ut, game_expr_table (np, par, size, NULL, (const mpq_t *) vals));
  for (size_t j = 0; j < size; j++) mpq_clear (vals[j]);
  free (vals);
  if (npool) {
    int c = pool[prng_below (r, npool)];
    rand_reward (r, q);
    game_expr *k2[2] = {game_expr_const_q (q), game_expr_eq (c, (long) prng_below (r, g->vars[c].domain))};
    snprintf (id, sizeof id, "b%s", i ? "F" : "L");
    int b = game_add_var (g, GAME_UTILITY, id, 0);
    game_set_owner (g, b, G->pl[i]);
    game_set_expr (g, b, game_expr_nary (GAME_PROD, 2, k2));
  }
}

/* payoff_conf: the mover of x_t is paid by a random table over (u_k, x_t)
 * for every confounder u_k revealed at or before t. */
static void add_payoff_conf (gen *G) {
  game *g = G->g;
  char id[48];
  for (unsigned t = 1; t <= G->T; t++)
    for (unsigned k = 0; k < G->K; k++) {
      if (g->vars[G->u[k]].position > t) continue;
      int par[2] = {G->u[k], G->x[t - 1]};
      size_t size = (size_t) g->vars[par[0]].domain * g->vars[par[1]].domain;
      mpq_t *vals = mem_alloc (size * sizeof *vals);
      for (size_t j = 0; j < size; j++) mpq_init (vals[j]), rand_reward (G->r, vals[j]);
      snprintf (id, sizeof id, "c%s_%s", g->vars[par[1]].id, g->vars[par[0]].id);
      int c = game_add_var (g, GAME_UTILITY, id, 0);
      game_set_owner (g, c, G->pl[G->owner[t - 1]]);
      game_set_expr (g, c, game_expr_table (2, par, size, NULL, (const mpq_t *) vals));
      for (size_t j = 0; j < size; j++) mpq_clear (vals[j]);
      free (vals);
    }
}

/* generic: the mover of x_t is paid k_a / p_t for action a (k a random
 * permutation of 1..d_t), p_t the t-th prime above max(D, 6, domain), D the
 * product of the confounders' prior denominators (6 and the domain: above
 * every other payoff denominator, 1..4, and every numerator). Every joint probability of the exogenous
 * variables is m / D with 0 < m <= D < p_t, every other payoff constant has
 * a denominator prime to p_t, so the mover's (unnormalised) expected gain of
 * a over a' at an information set has p_t-adic valuation -1: never zero. */
static void add_generic (gen *G) {
  game *g = G->g;
  char id[48];
  mpz_t D, p;
  mpz_init_set_ui (D, 1), mpz_init (p);
  for (unsigned k = 0; k < G->K; k++) mpz_mul (D, D, mpq_denref (g->vars[G->u[k]].prior[0]));
  mpz_set (p, D);
  unsigned floor = G->p->domain > 6 ? G->p->domain : 6;
  if (mpz_cmp_ui (p, floor) < 0) mpz_set_ui (p, floor);
  for (unsigned t = 1; t <= G->T; t++) {
    mpz_nextprime (p, p);
    int xt = G->x[t - 1];
    unsigned d = g->vars[xt].domain;
    long *perm = mem_alloc (d * sizeof *perm);
    for (unsigned a = 0; a < d; a++) perm[a] = (long) a + 1;
    for (unsigned a = d; a > 1; a--) {
      unsigned j = (unsigned) prng_below (G->r, a);
      long tmp = perm[a - 1];
      perm[a - 1] = perm[j], perm[j] = tmp;
    }
    mpq_t *vals = mem_alloc (d * sizeof *vals);
    for (unsigned a = 0; a < d; a++) {
      mpq_init (vals[a]);
      mpz_set_si (mpq_numref (vals[a]), perm[a]);
      mpz_set (mpq_denref (vals[a]), p);
      mpq_canonicalize (vals[a]);
    }
    snprintf (id, sizeof id, "g%s", g->vars[xt].id);
    int v = game_add_var (g, GAME_UTILITY, id, 0);
    game_set_owner (g, v, G->pl[G->owner[t - 1]]);
    game_set_expr (g, v, game_expr_table (1, &xt, d, NULL, (const mpq_t *) vals));
    for (unsigned a = 0; a < d; a++) mpq_clear (vals[a]);
    free (vals), free (perm);
  }
  mpz_clear (D), mpz_clear (p);
}

static game *general (const gamegen_params *p, prng *r) {
  gen G = {.g = game_new ("random game"), .r = r, .p = p, .T = p->stages, .K = p->confounders};
  game *g = G.g;
  G.pl[0] = game_add_player (g, "L");
  G.pl[1] = game_add_player (g, "F");
  game_set_leader (g, G.pl[0]);
  unsigned T = G.T, K = G.K;
  G.u = mem_alloc ((K + 1) * sizeof *G.u);
  add_confounders (&G);
  G.x = mem_alloc ((T + 1) * sizeof *G.x);
  G.owner = mem_alloc ((T + 1) * sizeof *G.owner);
  for (unsigned t = 1; t <= T; t++) add_stage (&G, t);
  /* a Boolean endogenous node over two earlier variables */
  int e = -1;
  if (T >= 2) {
    int a = G.x[prng_below (r, T)], b = G.x[prng_below (r, T)];
    game_expr *k2[2] = {game_expr_eq (a, 0), game_expr_eq (b, (long) prng_below (r, g->vars[b].domain))};
    game_op op = prng_chance (r, 1, 2) ? GAME_XOR : GAME_OR;
    e = game_add_var (g, GAME_ENDOGENOUS, "e1", 2);
    game_set_expr (g, e, game_expr_nary (op, 2, k2));
  }
  unsigned npool = T + K + (e >= 0);
  int *pool = mem_alloc ((npool + 1) * sizeof *pool);
  unsigned n = 0;
  for (unsigned t = 0; t < T; t++) pool[n++] = G.x[t];
  for (unsigned k = 0; k < K; k++) pool[n++] = G.u[k];
  if (e >= 0) pool[n++] = e;
  mpq_t q;
  mpq_init (q);
  for (unsigned i = 0; i < 2; i++) add_utility (&G, i, pool, npool, q);
  mpq_clear (q);
  if (p->payoff_conf) add_payoff_conf (&G);
  if (p->generic) add_generic (&G);
  free (pool), free (G.x), free (G.owner), free (G.u);
  return g;
}

game *gamegen_random (const gamegen_params *p) {
  if (p->stages > 64 || p->domain < 2 || p->domain > 16 || p->confounders > 16) return NULL;
  if (p->win_lose && (p->stages < 1 || p->clauses > 100000)) return NULL;
  prng r;
  prng_seed (&r, p->seed);
  game *g = p->win_lose ? win_lose (p, &r) : general (p, &r);
  scnfg_error err;
  error_init (&err);
  INVARIANT (game_finish (g, &err), "the generated game fails its checks: %s", err.msg);
  return g;
}
