/* Tests of the SPE search's pruning and cache (solver/game/spe, specache):
 * on 300 random win/lose games — gamegen's and QBF/SSAT reduction games
 * (qbf2game of random alternating 3-CNF, with and without r variables) —
 * pruning and the cache give exactly the plain values, the same path and
 * the same action wherever the pruned search decides one; pruning visits
 * fewer leaves; a pruned profile has the winner's moves at every history
 * its own strategy reaches and, completed arbitrarily, guarantees the value
 * (brute force); the cache hits on 3-CNF games, is exact on general games
 * (active-if, instincts, rational rewards) under every tie-break, stays in
 * its budget; win/lose detection and declaration; the CLI options. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/prng.h"
#include "instances/gamegen.h"
#include "reductions/qbf2game.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/spe.h"
#include "solver/model/qbf.h"
#include "tests/testutil.h"

/* The reduction game of a random 3-CNF over n variables with m clauses,
 * quantifiers alternating (forall first if forall_first); with 'chance'
 * every third variable is an r variable with probability k/d. */
static game *qbf_game (unsigned n, unsigned m, bool forall_first, bool chance, uint64_t seed) {
  prng r;
  prng_seed (&r, seed);
  qbf *f = qbf_new (n, m);
  mpq_t p;
  mpq_init (p);
  for (unsigned v = 1; v <= n; v++) {
    int var = (int) v;
    qbf_quant q = ((v & 1) == 1) == forall_first ? QBF_FORALL : QBF_EXISTS;
    if (chance && v % 3 == 2) {
      unsigned d = 2 + (unsigned) prng_below (&r, 4);
      mpq_set_ui (p, 1 + prng_below (&r, d - 1), d);
      mpq_canonicalize (p);
      q = QBF_RANDOM;
    }
    qbf_add_block (f, q, &var, 1, p);
  }
  mpq_clear (p);
  for (unsigned j = 0; j < m; j++) {
    int lit[3];
    for (unsigned i = 0; i < 3; i++) {
      int v;
      bool dup;
      do {
        v = 1 + (int) prng_below (&r, n);
        dup = false;
        for (unsigned h = 0; h < i; h++) dup |= abs (lit[h]) == v;
      } while (dup);
      lit[i] = prng_chance (&r, 1, 2) ? v : -v;
    }
    qbf_add_clause (f, lit, 3);
  }
  qbf_finish (f);
  game *g = qbf2game_reduce (f, NULL);
  qbf_free (f);
  return g;
}

/* A random perfect-information win/lose game whose stages have instincts
 * (a constant, an earlier action or its negation: the instinct-* tie-breaks
 * matter), some active-if conditions and some layer-1 stages. */
static game *instinct_game (unsigned T, unsigned m, uint64_t seed) {
  prng r;
  prng_seed (&r, seed);
  game *g = game_new ("instincts");
  int L = game_add_player (g, "L"), F = game_add_player (g, "F");
  game_set_leader (g, L);
  int x[16];
  for (unsigned t = 0; t < T; t++) {
    char id[24];
    snprintf (id, sizeof id, "x%u", t + 1);
    x[t] = game_add_var (g, GAME_ACTION, id, 2);
    game_set_owner (g, x[t], prng_chance (&r, 1, 2) ? L : F);
    game_set_stage (g, x[t], t + 1);
    for (unsigned s = 0; s < t; s++) game_add_observation (g, x[t], x[s]);
    unsigned kind = (unsigned) prng_below (&r, 4);
    if (kind == 1) game_set_expr (g, x[t], game_expr_const (1));
    if (kind >= 2 && t > 0) {
      game_expr *e = game_expr_var (x[prng_below (&r, t)]);
      game_set_expr (g, x[t], kind == 2 ? e : game_expr_not (e));
    }
    if (t > 0 && prng_chance (&r, 1, 5)) game_set_active_if (g, x[t], game_expr_var (x[prng_below (&r, t)]));
    if (prng_chance (&r, 1, 8)) game_set_layers (g, x[t], GAME_L1);
  }
  game_expr **cl = calloc (m + 1, sizeof *cl);
  for (unsigned j = 0; j < m; j++) {
    game_expr *lit[3];
    for (unsigned i = 0; i < 3; i++) {
      game_expr *v = game_expr_var (x[prng_below (&r, T)]);
      lit[i] = prng_chance (&r, 1, 2) ? v : game_expr_not (v);
    }
    char id[24];
    snprintf (id, sizeof id, "c%u", j + 1);
    int c = game_add_var (g, GAME_ENDOGENOUS, id, 2);
    game_set_expr (g, c, game_expr_nary (GAME_OR, 3, lit));
    cl[j] = game_expr_var (c);
  }
  int f = game_add_var (g, GAME_ENDOGENOUS, "F", 2);
  game_set_expr (g, f, game_expr_nary (GAME_AND, m, cl));
  free (cl);
  int a = game_add_var (g, GAME_UTILITY, "uL", 0), b = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, a, L), game_set_owner (g, b, F);
  game_set_expr (g, a, game_expr_var (f));
  game_set_expr (g, b, game_expr_not (game_expr_var (f)));
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  return g;
}

/* The i-th game of the mixed family: gamegen win/lose, QBF, SSAT, games
 * with instincts. */
static game *mixed_game (uint64_t i) {
  if (i % 4 == 3) return instinct_game (2 + (unsigned) (i % 11), 1 + (unsigned) (i % 13), i);
  if (i % 3 == 0) {
    gamegen_params p;
    gamegen_params_init (&p);
    p.win_lose = true, p.perfect_info = true;
    p.stages = 2 + (unsigned) (i % 13);
    p.clauses = (unsigned) (i % 7 == 0 ? 0 : p.stages + i % (3 * p.stages));
    p.seed = i;
    return gamegen_random (&p);
  }
  /* clauses per variable from 0.5 to 4.2 (the 3-SAT threshold; alternating
   * QBFs are nearly all false well below it) */
  unsigned n = 3 + (unsigned) (i % 12);
  unsigned m = (unsigned) ((n * (5 + i % 38) + 5) / 10);
  return qbf_game (n, m, i % 4 == 1, i % 3 == 2, i);
}

static void solve_ok (const game *g, const spe_options *o, game_solution *sol) {
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (spe_solve (g, o, sol, &err), "%s", err.msg);
  ck_assert_int_eq (sol->status, GAME_SOLVED);
}

/* ---- brute force over the tree (independent of spe.c) ------------------- */

typedef struct walker {
  const game *g;
  const game_profile *p;
  int fixed;       /* the player playing p */
  int fill;        /* completion of p's missing entries: -1 lowest, -2 highest action */
  int *vals;
  mpq_t r[2], t;
} walker;

/* Advances over non-branching variables; returns the branching position. */
static unsigned advance (const game *g, int *vals, unsigned k) {
  for (; k < g->nfixed; k++) {
    int v = g->order[k];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) vals[v] = (int) game_eval (x->expr, vals);
    else if (x->kind == GAME_ACTION && !game_active (g, v, vals)) vals[v] = 0;
    else if (x->kind == GAME_ACTION && x->layers == GAME_L1) vals[v] = game_instinct (g, v, vals);
    else break;
  }
  return k;
}

/* The leader's value when w->fixed plays w->p (completed by w->fill) and the
 * other player optimises against it. */
static void guarantee (walker *w, unsigned k, mpq_t out) {
  const game *g = w->g;
  k = advance (g, w->vals, k);
  if (k == g->nfixed) {
    game_rewards (g, w->vals, w->r);
    mpq_set (out, w->r[g->leader]);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t c;
  mpq_init (c);
  if (x->kind == GAME_EXOGENOUS) {
    mpq_set_ui (out, 0, 1);
    for (unsigned a = 0; a < x->domain; a++) {
      w->vals[v] = (int) a;
      guarantee (w, k + 1, c);
      mpq_mul (c, c, x->prior[a]);
      mpq_add (out, out, c);
    }
  } else if (x->player == w->fixed) {
    int a = profile_action (g, w->p, x->stage, w->vals);
    if (a < 0) a = w->fill == -1 ? 0 : (int) x->domain - 1;
    w->vals[v] = a;
    guarantee (w, k + 1, out);
  } else {
    bool max = x->player == g->leader;
    for (unsigned a = 0; a < x->domain; a++) {
      w->vals[v] = (int) a;
      guarantee (w, k + 1, c);
      if (a == 0 || (max ? mpq_cmp (c, out) > 0 : mpq_cmp (c, out) < 0)) mpq_set (out, c);
    }
  }
  mpq_clear (c);
}

/* True iff p has an action for 'owner' at every history its own policy
 * reaches (every move of the other player, every chance outcome). */
static bool covered (const game *g, const game_profile *p, int owner, int *vals, unsigned k) {
  k = advance (g, vals, k);
  if (k == g->nfixed) return true;
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  if (x->kind == GAME_ACTION && x->player == owner) {
    int a = profile_action (g, p, x->stage, vals);
    if (a < 0) return false;
    vals[v] = a;
    return covered (g, p, owner, vals, k + 1);
  }
  for (unsigned a = 0; a < x->domain; a++) {
    vals[v] = (int) a;
    if (!covered (g, p, owner, vals, k + 1)) return false;
  }
  return true;
}

static void check_guarantee (const game *g, const game_profile *p, int fixed, const mpq_t value, uint64_t i) {
  walker w;
  w.g = g, w.p = p, w.fixed = fixed;
  w.vals = calloc (g->nvars + 1, sizeof *w.vals);
  mpq_init (w.r[0]), mpq_init (w.r[1]), mpq_init (w.t);
  for (w.fill = -1; w.fill >= -2; w.fill--) {
    guarantee (&w, 0, w.t);
    ck_assert_msg (mpq_equal (w.t, value), "game %llu: player %d's pruned policy (fill %d) does not guarantee the value",
                   (unsigned long long) i, fixed, w.fill);
  }
  mpq_clear (w.r[0]), mpq_clear (w.r[1]), mpq_clear (w.t);
  free (w.vals);
}

/* ---- tests ------------------------------------------------------------- */

START_TEST (prune_and_cache_exact) {
  static const game_tie ties[] = {GAME_TIE_STRONG, GAME_TIE_WEAK, GAME_TIE_LEX, GAME_TIE_INSTINCT_STRONG,
                                  GAME_TIE_INSTINCT_WEAK, GAME_TIE_INSTINCT_LEX};
  uint64_t plain_leaves = 0, pruned_leaves = 0, cached_leaves = 0, hits = 0, nwin = 0, nlose = 0, nmid = 0;
  for (uint64_t i = 0; i < 300; i++) {
    game *g = mixed_game (i);
    ck_assert_msg (spe_win_lose (g), "game %llu not detected as win/lose", (unsigned long long) i);
    spe_options o;
    spe_options_init (&o);
    o.tie = ties[i % 6];
    game_solution plain, pruned, cached, both;
    solve_ok (g, &o, &plain);
    o.prune = true;
    spe_stats st;
    o.stats = &st;
    solve_ok (g, &o, &pruned);
    ck_assert (st.win_lose && st.pruning && !st.caching);
    o.prune = false, o.max_profile = 0, o.cache_bytes = 1 << 20;
    solve_ok (g, &o, &cached);
    ck_assert (st.caching && !st.pruning);
    hits += st.cache.hits;
    o.prune = true;
    solve_ok (g, &o, &both);
    ck_assert (st.caching && st.pruning);
    for (unsigned p = 0; p < 2; p++) {
      ck_assert_msg (mpq_equal (plain.reward[p], pruned.reward[p]), "game %llu: pruned value differs", (unsigned long long) i);
      ck_assert_msg (mpq_equal (plain.reward[p], cached.reward[p]), "game %llu: cached value differs", (unsigned long long) i);
      ck_assert_msg (mpq_equal (plain.reward[p], both.reward[p]), "game %llu: prune+cache value differs", (unsigned long long) i);
    }
    ck_assert_uint_le (pruned.leaves, plain.leaves);
    ck_assert_uint_le (cached.leaves, plain.leaves);
    plain_leaves += plain.leaves, pruned_leaves += pruned.leaves, cached_leaves += cached.leaves;
    /* same decisions wherever the pruned search decides, hence the same path */
    ck_assert_ptr_nonnull (pruned.profile);
    for (unsigned t = 0; t < g->nstages; t++) {
      const game_policy *a = &plain.profile->pol[t], *b = &pruned.profile->pol[t];
      for (size_t e = 0; e < a->size; e++)
        ck_assert_msg (b->act[e] == PROFILE_NONE || b->act[e] == a->act[e], "game %llu stage %u entry %zu: %d vs %d",
                       (unsigned long long) i, t + 1, e, b->act[e], a->act[e]);
    }
    ck_assert_uint_eq (pruned.outcomes.n, plain.outcomes.n);
    for (size_t e = 0; e < plain.outcomes.n; e++) {
      ck_assert (mpq_equal (pruned.outcomes.o[e].prob, plain.outcomes.o[e].prob));
      ck_assert (!memcmp (pruned.outcomes.o[e].vals, plain.outcomes.o[e].vals, g->nvars * sizeof (int)));
    }
    /* the winner's moves are there; both pruned policies guarantee the value */
    int *vals = calloc (g->nvars + 1, sizeof *vals);
    const mpq_t *v = (const mpq_t *) &pruned.reward[g->leader];
    if (mpq_cmp_ui (*v, 1, 1) == 0) {
      nwin++;
      ck_assert_msg (covered (g, pruned.profile, g->leader, vals, 0), "game %llu: leader move missing", (unsigned long long) i);
    } else if (mpq_sgn (*v) == 0) {
      nlose++;
      ck_assert_msg (covered (g, pruned.profile, 1 - g->leader, vals, 0), "game %llu: follower move missing",
                     (unsigned long long) i);
    } else {
      nmid++;
    }
    free (vals);
    check_guarantee (g, pruned.profile, g->leader, *v, i);
    check_guarantee (g, pruned.profile, 1 - g->leader, *v, i);
    profile_solution_clear (&plain), profile_solution_clear (&pruned);
    profile_solution_clear (&cached), profile_solution_clear (&both);
    game_free (g);
  }
  /* the family has wins, losses and strict SSAT values; pruning and the cache pay */
  ck_assert_uint_gt (nwin, 20);
  ck_assert_uint_gt (nlose, 30);
  ck_assert_uint_gt (nmid, 10);
  ck_assert_msg (pruned_leaves * 4 < plain_leaves, "pruned %llu plain %llu", (unsigned long long) pruned_leaves,
                 (unsigned long long) plain_leaves);
  ck_assert_msg (cached_leaves * 2 < plain_leaves, "cached %llu plain %llu", (unsigned long long) cached_leaves,
                 (unsigned long long) plain_leaves);
  ck_assert_uint_gt (hits, 1000);
}
END_TEST

START_TEST (cache_exact_general) {
  /* general games: active-if, instincts (layer 1, instinct-* ties), chance,
   * rational rewards, domains up to 3 — the cache alone must be exact */
  static const game_tie ties[] = {GAME_TIE_STRONG, GAME_TIE_WEAK, GAME_TIE_LEX, GAME_TIE_INSTINCT_STRONG,
                                  GAME_TIE_INSTINCT_WEAK, GAME_TIE_INSTINCT_LEX};
  uint64_t hits = 0;
  for (uint64_t i = 0; i < 240; i++) {
    gamegen_params p;
    gamegen_params_init (&p);
    p.perfect_info = true;
    p.seed = 1000 + i;
    p.stages = 4 + (unsigned) (i % 5);
    p.domain = 2 + (unsigned) (i % 2);
    p.confounders = (unsigned) (i % 3);
    game *g = gamegen_random (&p);
    spe_options o;
    spe_options_init (&o);
    o.tie = ties[i % 6];
    o.max_profile = 0;
    game_solution a, b;
    solve_ok (g, &o, &a);
    spe_stats st;
    o.stats = &st;
    o.cache_bytes = 1 << 16;
    o.prune = true; /* not win/lose: no effect */
    solve_ok (g, &o, &b);
    ck_assert (!st.pruning && st.caching);
    ck_assert_uint_le (st.cache.bytes, o.cache_bytes);
    hits += st.cache.hits;
    for (unsigned q = 0; q < g->nplayers; q++)
      ck_assert_msg (mpq_equal (a.reward[q], b.reward[q]), "game %llu: cached value differs", (unsigned long long) i);
    profile_solution_clear (&a), profile_solution_clear (&b);
    game_free (g);
  }
  ck_assert_uint_gt (hits, 100);
}
END_TEST

START_TEST (cache_hits_3cnf) {
  /* 16 alternating stages, 10 clauses (random alternating 3-CNF QBFs are
   * almost all false far below ratio 4.2; at 0.6 the values are mixed):
   * residual states repeat */
  game *g = qbf_game (16, 10, false, false, 7);
  spe_options o;
  spe_options_init (&o);
  o.max_profile = 0;
  game_solution plain, c, small;
  solve_ok (g, &o, &plain);
  ck_assert_uint_eq (plain.leaves, 1u << 16);
  spe_stats st;
  o.stats = &st;
  o.cache_bytes = (size_t) 8 << 20;
  solve_ok (g, &o, &c);
  ck_assert (st.caching);
  ck_assert (mpq_equal (plain.reward[0], c.reward[0]) && mpq_equal (plain.reward[1], c.reward[1]));
  ck_assert_uint_gt (st.cache.hits, 100);
  ck_assert_uint_gt (st.cache.determined, 10);
  ck_assert_uint_lt (c.leaves * 4, plain.leaves);
  ck_assert_uint_le (st.cache.bytes, o.cache_bytes);
  /* a tiny budget: evictions, still exact, still within the budget */
  o.cache_bytes = 4096;
  solve_ok (g, &o, &small);
  ck_assert (st.caching);
  ck_assert_uint_gt (st.cache.evictions, 0);
  ck_assert_uint_le (st.cache.bytes, 4096);
  ck_assert (mpq_equal (plain.reward[0], small.reward[0]));
  profile_solution_clear (&small);
  /* below one bucket: no cache */
  o.cache_bytes = 16;
  solve_ok (g, &o, &small);
  ck_assert (!st.caching);
  ck_assert_uint_eq (small.leaves, plain.leaves);
  profile_solution_clear (&small);
  /* with a stored profile the cache stays off and the profile complete */
  o.cache_bytes = 1 << 20;
  o.max_profile = 1 << 20;
  solve_ok (g, &o, &small);
  ck_assert (!st.caching);
  ck_assert_ptr_nonnull (small.profile);
  ck_assert_uint_eq (small.leaves, plain.leaves);
  profile_solution_clear (&small);
  profile_solution_clear (&plain), profile_solution_clear (&c);
  game_free (g);
}
END_TEST

/* Leader and follower utilities as given expressions over a 3-stage game
 * x1 (L), x2 (F), x3 (L); F := (x1 | x2) & (!x2 | x3). */
static game *custom (game_expr *ul, game_expr *uf) {
  game *g = game_new ("custom");
  int L = game_add_player (g, "L"), F = game_add_player (g, "F");
  game_set_leader (g, L);
  int x[3];
  for (int t = 0; t < 3; t++) {
    char id[24];
    snprintf (id, sizeof id, "x%d", t + 1);
    x[t] = game_add_var (g, GAME_ACTION, id, 2);
    game_set_owner (g, x[t], t == 1 ? F : L);
    game_set_stage (g, x[t], (unsigned) t + 1);
    for (int s = 0; s < t; s++) game_add_observation (g, x[t], x[s]);
  }
  game_expr *c1[2] = {game_expr_var (x[0]), game_expr_var (x[1])};
  game_expr *c2[2] = {game_expr_not (game_expr_var (x[1])), game_expr_var (x[2])};
  game_expr *cl[2] = {game_expr_nary (GAME_OR, 2, c1), game_expr_nary (GAME_OR, 2, c2)};
  int f = game_add_var (g, GAME_ENDOGENOUS, "F", 2);
  game_set_expr (g, f, game_expr_nary (GAME_AND, 2, cl));
  int a = game_add_var (g, GAME_UTILITY, "uL", 0), b = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, a, L), game_set_owner (g, b, F);
  game_set_expr (g, a, ul ? ul : game_expr_var (f));
  game_set_expr (g, b, uf ? uf : game_expr_not (game_expr_var (f)));
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  return g;
}

static int fvar (void) { return 3; } /* index of F in custom () */

START_TEST (detect_and_declare) {
  game *g = custom (NULL, NULL);
  ck_assert (spe_win_lose (g));
  game_free (g);
  /* uL = not(not F), uF = not F: detected through the leader's negation */
  g = custom (game_expr_not (game_expr_not (game_expr_var (fvar ()))), game_expr_not (game_expr_var (fvar ())));
  ck_assert (spe_win_lose (g));
  game_free (g);
  /* uL = ite(F, 1, 0), uF = ite(F, 0, 1): win/lose, not recognised, declared */
  g = custom (game_expr_ite (game_expr_var (fvar ()), game_expr_const (1), game_expr_const (0)),
              game_expr_ite (game_expr_var (fvar ()), game_expr_const (0), game_expr_const (1)));
  ck_assert (!spe_win_lose (g));
  spe_options o;
  spe_options_init (&o);
  spe_stats st;
  o.stats = &st;
  o.prune = true;
  game_solution a, b;
  solve_ok (g, &o, &a);
  ck_assert (!st.pruning && !st.win_lose);
  o.win_lose = true;
  solve_ok (g, &o, &b);
  ck_assert (st.pruning && st.win_lose);
  ck_assert_uint_lt (b.leaves, a.leaves);
  ck_assert (mpq_equal (a.reward[0], b.reward[0]) && mpq_equal (a.reward[1], b.reward[1]));
  ck_assert_int_eq (mpq_cmp_ui (a.reward[0], 1, 1), 0); /* x1 = 1, then x3 = 1 wins */
  profile_solution_clear (&a), profile_solution_clear (&b);
  game_free (g);
  /* uF = F too: not constant-sum; not detected; a false declaration is caught */
  g = custom (NULL, game_expr_var (fvar ()));
  ck_assert (!spe_win_lose (g));
  scnfg_error err;
  error_init (&err);
  ck_assert (!spe_solve (g, &o, &a, &err));
  ck_assert_int_eq (a.status, GAME_UNKNOWN);
  ck_assert_msg (strstr (err.msg, "declared win/lose, but the outcome x1=0 x2=0 x3=0 is not"), "%s", err.msg);
  profile_solution_clear (&a);
  game_free (g);
  /* a non-Boolean leader reward (x1 + F is not a utility of the right form) */
  game_expr *k[2] = {game_expr_var (0), game_expr_var (fvar ())};
  g = custom (game_expr_nary (GAME_SUM, 2, k), game_expr_not (game_expr_var (fvar ())));
  ck_assert (!spe_win_lose (g));
  game_free (g);
}
END_TEST

START_TEST (cli_prune_cache) {
  char *dir = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "gen random-game --win-lose --perfect-info --stages 14 --seed 3 -o '%s/g.xml'", dir), 0);
  char *out = NULL, *err = NULL, *out2 = NULL;
  ck_assert_int_eq (tu_run (&out, &err, "game '%s/g.xml' --concept spe --max-profile 0 -v", dir), 0);
  ck_assert_msg (strstr (err, "c nodes 32767 leaves 16384 "), "%s", err);
  ck_assert_msg (strstr (err, "c win-lose yes prune off cutoffs 0\n"), "%s", err);
  free (err);
  ck_assert_int_eq (tu_run (&out2, &err, "game '%s/g.xml' --concept spe --max-profile 0 --prune --cache-mb 1 -v", dir), 0);
  ck_assert_msg (strstr (err, "c win-lose yes prune on cutoffs "), "%s", err);
  ck_assert_msg (strstr (err, "c cache entries "), "%s", err);
  /* same rewards */
  ck_assert (!strncmp (out, out2, (size_t) (strstr (out, "c nodes") - out)));
  free (out), free (out2), free (err);
  ck_assert_int_eq (tu_run (NULL, &err, "game '%s/g.xml' --concept spe --cache-mb 1 -v", dir), 0);
  ck_assert_msg (strstr (err, "c cache off (the policy is stored: add --max-profile 0)\n"), "%s", err);
  free (err);
  ck_assert_int_eq (tu_run (NULL, NULL, "game '%s/g.xml' --concept spe --cache-mb x", dir), 2);
  ck_assert_int_eq (tu_run (NULL, NULL, "game '%s/g.xml' --concept spe --cache-mb 2000000", dir), 2);
  /* a pruned policy is a valid report whose XML says it is partial */
  ck_assert_int_eq (tu_run (&out, NULL, "game '%s/g.xml' --concept spe --prune", dir), 0);
  ck_assert_msg (strstr (out, "reward L (leader) "), "%s", out);
  free (out);
  ck_assert_int_eq (tu_run (&out, NULL, "game '%s/g.xml' --concept spe --prune --xml", dir), 0);
  ck_assert_msg (strstr (out, "status=\"solved\" reason=\"profile partial: "), "%s", out);
  free (out);
  /* not win/lose: --prune is ignored, said so */
  ck_assert_int_eq (tu_run (NULL, NULL, "gen random-game --perfect-info --stages 4 --seed 3 -o '%s/h.xml'", dir), 0);
  ck_assert_int_eq (tu_run (NULL, &err, "game '%s/h.xml' --concept spe --prune -v", dir), 0);
  ck_assert_msg (strstr (err, "c win-lose no prune off (not win/lose) cutoffs 0\n"), "%s", err);
  free (err);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *speperf_suite (void) {
  Suite *s = suite_create ("speperf");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, prune_and_cache_exact);
  tcase_add_test (tc, cache_exact_general);
  tcase_add_test (tc, cache_hits_3cnf);
  tcase_add_test (tc, detect_and_declare);
  suite_add_tcase (s, tc);
  TCase *tcl = tcase_create ("cli");
  tcase_set_timeout (tcl, 60);
  tcase_add_test (tcl, cli_prune_cache);
  suite_add_tcase (s, tcl);
  return s;
}
