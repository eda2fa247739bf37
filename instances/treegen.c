/* Random full game trees (see treegen.h). */
#include "instances/treegen.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/prng.h"
#include "base/require.h"
#include "solver/model/game.h"

struct game *treegen_random (unsigned stages, unsigned domain, unsigned conflict, uint64_t seed) {
  if (stages == 0 || stages > 20 || domain < 2 || domain > 4 || conflict > 20) return NULL;
  size_t n = 1;
  for (unsigned t = 0; t < stages; t++) {
    n *= domain;
    if (n > (size_t) 1 << 20) return NULL;
  }
  prng r;
  prng_seed (&r, seed);
  char name[96];
  snprintf (name, sizeof name, "random tree stages=%u domain=%u conflict=%u seed=%llu", stages, domain, conflict,
            (unsigned long long) seed);
  game *g = game_new (name);
  int P[2] = {game_add_player (g, "L"), game_add_player (g, "F")};
  game_set_leader (g, P[0]);
  int *act = mem_alloc (stages * sizeof *act);
  for (unsigned t = 0; t < stages; t++) {
    char id[16];
    snprintf (id, sizeof id, "x%u", t + 1);
    act[t] = game_add_var (g, GAME_ACTION, id, domain);
    game_set_owner (g, act[t], P[prng_below (&r, 2)]);
    game_set_stage (g, act[t], t + 1);
    game_set_layers (g, act[t], GAME_L2);
    for (unsigned u = 0; u < t; u++) game_add_observation (g, act[t], act[u]);
  }
  mpq_t *q = mem_alloc (n * sizeof *q);
  long *kl = mem_alloc (n * sizeof *kl);
  for (size_t i = 0; i < n; i++) mpq_init (q[i]);
  for (int p = 0; p < 2; p++) {
    for (size_t i = 0; i < n; i++) {
      long k = (long) prng_below (&r, 21);
      if (p == 0) kl[i] = k;
      else if (conflict) {
        k = 20 - kl[i] + (long) prng_range (&r, -(int64_t) conflict, (int64_t) conflict);
        k = k < 0 ? 0 : k > 20 ? 20 : k;
      }
      mpq_set_ui (q[i], (unsigned long) k, 2), mpq_canonicalize (q[i]);
    }
    int u = game_add_var (g, GAME_UTILITY, p ? "uF" : "uL", 0);
    game_set_owner (g, u, P[p]);
    game_set_expr (g, u, game_expr_table (stages, act, n, NULL, q));
  }
  for (size_t i = 0; i < n; i++) mpq_clear (q[i]);
  free (q), free (act), free (kl);
  scnfg_error err;
  error_init (&err);
  INVARIANT (game_finish (g, &err), "the generated tree fails its checks: %s", err.msg);
  return g;
}
