/* The paper's welfare experiment, exactly (Thumm 2025, §"experiments"):
 * random leader-follower games from the project's generator, S-CNE against
 * Stackelberg (SSE) welfare in exact arithmetic, at a chosen confounding
 * strength, plus the eps-satisficing sweep. An orchestrator: it calls
 * game_solve and compares; the games come from gamegen + edit_confound. */
#ifndef SCNFG_ORCHESTRATE_WELFARE_H
#define SCNFG_ORCHESTRATE_WELFARE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct game;

#define WELFARE_NEPS 5 /* eps in {0, 1/100, 1/20, 1/10, 1/4} */
/* The i-th eps of the sweep as a string (i < WELFARE_NEPS). */
const char *welfare_eps (unsigned i);

typedef struct welfare_params {
  unsigned games;          /* games solved (N) */
  uint64_t seed;           /* game i draws from seed + attempt */
  uint64_t conf_num, conf_den; /* confounding strength num/den in [0, 1] */
  unsigned stages, domain, confounders; /* generator (defaults 3, 2, 2) */
  bool eps_sweep;          /* also run the satisficing sweep */
  bool shrink_example;     /* shrink the smallest differing game */
  bool generic;            /* gamegen generic + payoff_conf: no player ever indifferent
                              (instances/generic.h; a failing game is redrawn) and every
                              confounder an instinct may read is payoff-relevant */
  bool keep_games;         /* keep one welfare_game_row per game in the result */
} welfare_params;

/* N = 50, seed 1, strength 0, 3 stages, domain 2, 2 confounders, sweep on,
 * shrinking on, not generic, no per-game rows. */
void welfare_params_init (welfare_params *p);

/* The experiment's game for one seed: gamegen_random (imperfect information,
 * the parameters above), then edit_confound at strength num/den with a PRNG
 * seeded from the seed. New finished game (game_free) or NULL (also when
 * p->generic and the game fails generic_check). */
struct game *welfare_game (const welfare_params *p, uint64_t seed);

typedef struct welfare_eps_row {
  mpq_t leader, follower, welfare; /* means */
  mpq_t diff;                      /* mean welfare minus SSE-strong welfare */
  unsigned differ;                 /* games whose welfare differs from SSE */
} welfare_eps_row;

/* One solved game: its seed and both concepts' exact rewards and welfare. */
typedef struct welfare_game_row {
  uint64_t seed;
  mpq_t sse[3], scne[3];           /* leader, follower, welfare */
} welfare_game_row;

typedef struct welfare_result {
  unsigned games, skipped;         /* solved; seeds skipped (finder rejected or limit) */
  unsigned redraws;                /* generic: seeds whose game failed generic_check (not in skipped) */
  unsigned confounded;             /* games with a confounded instinct */
  unsigned differ;                 /* welfare(S-CNE) != welfare(SSE) */
  unsigned leader_differ;          /* leader's reward differs */
  mpq_t mean_sse, mean_scne;       /* mean welfare */
  mpq_t mean_diff, mean_abs, max_diff, min_diff; /* of welfare(S-CNE) - welfare(SSE) */
  mpq_t mean_leader_diff;
  mpq_t sse_leader, sse_follower;  /* mean SSE-strong rewards (the eps sweep's reference) */
  unsigned long layers[2][4];      /* S-CNE reported layers of active stages: [0] leader, [1] follower; [l] layer l */
  welfare_eps_row eps[2][WELFARE_NEPS]; /* [0] plain, [1] robust (tie strong) */
  struct game *example;            /* smallest game with a welfare difference (shrunk), or NULL */
  uint64_t example_seed;
  size_t example_size_before;
  mpq_t example_sse, example_scne; /* its welfare under both */
  welfare_game_row *rows;          /* keep_games: 'games' rows in seed order, else NULL */
} welfare_result;

void welfare_result_init (welfare_result *r);
void welfare_result_clear (welfare_result *r);

/* Runs the experiment (tie strong for both concepts): seeds seed, seed+1, ...
 * until p->games games are solved by both or 20 * games seeds were tried.
 * Never prints. */
void welfare_run (const welfare_params *p, welfare_result *r);

/* The 95 % Wilson score interval for k successes in n > 0 trials, as
 * decimals for display only (no decision is taken on it). */
void welfare_wilson (unsigned k, unsigned n, double *lo, double *hi);

#endif
