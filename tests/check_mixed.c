/* Tests of solver/game/mixed and proofs/chk_mixed: the fixtures
 * (active-if tree, one-shot 2x2) with exact commitments, responses, rewards
 * and certificates; tampered profiles and certificates rejected by the
 * checker; random trees of up to 20 leaves against brute force over the
 * reduced normal form (multiple LPs on its own simplex calls); mixed >= pure
 * (strong) on random trees and one-shot games; limits; the CLI. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/prng.h"
#include "base/rat.h"
#include "instances/gamegen.h"
#include "instances/treegen.h"
#include "proofs/chk_mixed.h"
#include "solver/model/behav.h"
#include "solver/model/gamexml.h"
#include "solver/game/mixed.h"
#include "solver/model/game.h"
#include "solver/game/polytope.h"
#include "solver/game/spe.h"
#include "solver/game/sse.h"
#include "tests/testutil.h"


static void eq_str (const mpq_t q, const char *s) {
  char *t = rat_to_str (q);
  ck_assert_str_eq (t, s);
  free (t);
}

static void solve_ok (const game *g, mixed_solution *ms) {
  mixed_options opt;
  mixed_options_init (&opt);
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (mixed_solve (g, &opt, ms, &err), "%s", err.msg);
  ck_assert_int_eq (ms->sol.status, GAME_SOLVED);
  ck_assert (ms->prof != NULL);
}

static int check (const game *g, const mixed_solution *ms, bool *opt_checked, char *msg, size_t size) {
  chk_mixed_report rep;
  chk_mixed_report_init (&rep);
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (chk_mixed_check (g, ms->prof, &ms->cert, &rep, &err), "%s", err.msg);
  if (rep.verdict == CHK_MIXED_OK) {
    ck_assert (mpq_equal (rep.leader, ms->sol.reward[g->leader]));
    ck_assert (mpq_equal (rep.follower, ms->sol.reward[1 - g->leader]));
  }
  if (opt_checked) *opt_checked = rep.optimality_checked;
  if (msg) snprintf (msg, size, "%s", rep.msg);
  int v = rep.verdict;
  chk_mixed_report_clear (&rep);
  return v;
}

static const mpq_t *dist (const game *g, const behav_profile *b, const char *stage_var, const int *vals) {
  int v = game_find_var (g, stage_var);
  unsigned t = g->vars[v].stage;
  const game_policy *pol = &b->pure->pol[t - 1];
  return b->prob[t - 1] + profile_index (pol, vals, 0) * g->vars[v].domain;
}

START_TEST (fixture_active_if_tree) {
  game *g = tu_game_fixture ("active-if-tree");
  mixed_solution ms;
  solve_ok (g, &ms);
  ck_assert_int_eq (ms.method, MIXED_TREE);
  eq_str (ms.sol.reward[0], "3/2");
  eq_str (ms.sol.reward[1], "1");
  eq_str (ms.sol.welfare, "5/2");
  int vals[16] = {0};
  int m = game_find_var (g, "m"), f = game_find_var (g, "f");
  const mpq_t *p = dist (g, ms.prof, "m", vals);
  eq_str (p[0], "1"), eq_str (p[1], "0");
  vals[m] = 0, vals[f] = 1;
  p = dist (g, ms.prof, "e", vals);
  eq_str (p[0], "1/2"), eq_str (p[1], "1/2");
  const game_policy *fp = &ms.prof->pure->pol[1];
  ck_assert_int_eq (fp->act[profile_index (fp, vals, 0)], 1); /* b */
  ck_assert_uint_eq (ms.sol.outcomes.n, 2);
  eq_str (ms.sol.outcomes.o[0].prob, "1/2");
  /* certificate: 3 choice nodes; the root's frontier (-inf,1] 3/2, then down to (2, 0) */
  ck_assert_int_eq (ms.cert.kind, BEHAV_CERT_TREE);
  ck_assert_uint_eq (ms.cert.nnodes, 3);
  const behav_pwl *r = &ms.cert.front[0];
  ck_assert_uint_eq (r->n, 2);
  eq_str (r->b[0], "1"), eq_str (r->vr[0], "3/2"), eq_str (r->b[1], "2"), eq_str (r->vl[1], "3/2"),
      eq_str (r->vr[1], "0");
  bool oc = false;
  ck_assert_int_eq (check (g, &ms, &oc, NULL, 0), CHK_MIXED_OK);
  ck_assert (oc);
  /* tampering: a lower root frontier no longer bounds its children */
  mpq_set_ui (ms.cert.front[0].vr[0], 1, 1), mpq_set_ui (ms.cert.front[0].vl[0], 1, 1);
  mpq_set_ui (ms.cert.front[0].vl[1], 1, 1);
  char msg[512];
  ck_assert_int_eq (check (g, &ms, NULL, msg, sizeof msg), CHK_MIXED_FAILED);
  ck_assert_msg (strstr (msg, "frontier 0") != NULL, "%s", msg);
  mixed_solution_clear (&ms);
  /* tampering the commitment: x with 2/3 makes the follower leave b */
  solve_ok (g, &ms);
  vals[m] = 0, vals[f] = 1;
  mpq_t *q = (mpq_t *) dist (g, ms.prof, "e", vals);
  mpq_set_ui (q[0], 2, 3), mpq_set_ui (q[1], 1, 3);
  ck_assert_int_eq (check (g, &ms, NULL, msg, sizeof msg), CHK_MIXED_FAILED);
  ck_assert_msg (strstr (msg, "follower plays b but a gives the follower strictly more") != NULL, "%s", msg);
  /* probabilities must sum to 1 */
  mpq_set_ui (q[0], 1, 3);
  ck_assert_int_eq (check (g, &ms, NULL, msg, sizeof msg), CHK_MIXED_FAILED);
  ck_assert_msg (strstr (msg, "sum") != NULL, "%s", msg);
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

START_TEST (fixture_oneshot) {
  game *g = tu_game_fixture ("oneshot-2x2");
  mixed_solution ms;
  solve_ok (g, &ms);
  ck_assert_int_eq (ms.method, MIXED_LPS);
  eq_str (ms.sol.reward[0], "7/2");
  eq_str (ms.sol.reward[1], "1/2");
  int vals[8] = {0};
  const mpq_t *p = dist (g, ms.prof, "l", vals);
  eq_str (p[0], "1/2"), eq_str (p[1], "1/2");
  ck_assert_int_eq (ms.prof->pure->pol[1].act[0], 1); /* R */
  /* certificate: LP L is bounded by 2, LP R by 7/2 with multiplier 1/2 on L */
  ck_assert_int_eq (ms.cert.kind, BEHAV_CERT_LP);
  eq_str (ms.cert.z[0], "2");
  eq_str (ms.cert.z[1], "7/2");
  eq_str (ms.cert.w[2], "1/2");
  bool oc = false;
  ck_assert_int_eq (check (g, &ms, &oc, NULL, 0), CHK_MIXED_OK);
  ck_assert (oc);
  char msg[512];
  mpq_set_ui (ms.cert.w[2], 1, 4); /* too small a multiplier: U's constraint fails */
  ck_assert_int_eq (check (g, &ms, NULL, msg, sizeof msg), CHK_MIXED_FAILED);
  ck_assert_msg (strstr (msg, "LP 1: dual constraint of leader action 0") != NULL, "%s", msg);
  mpq_set_ui (ms.cert.w[2], 1, 2);
  mpq_set_ui (ms.cert.z[0], 4, 1); /* a bound above the reward proves nothing */
  ck_assert_int_eq (check (g, &ms, NULL, msg, sizeof msg), CHK_MIXED_FAILED);
  mpq_set_ui (ms.cert.z[0], 2, 1);
  ms.prof->pure->pol[1].act[0] = 0; /* L: the strong tie-break picks R */
  ck_assert_int_eq (check (g, &ms, NULL, msg, sizeof msg), CHK_MIXED_FAILED);
  ck_assert_msg (strstr (msg, "strong tie-break") != NULL, "%s", msg);
  /* without a certificate the checker says so */
  ms.prof->pure->pol[1].act[0] = 1;
  chk_mixed_report rep;
  chk_mixed_report_init (&rep);
  scnfg_error err;
  error_init (&err);
  ck_assert (chk_mixed_check (g, ms.prof, NULL, &rep, &err));
  ck_assert_int_eq (rep.verdict, CHK_MIXED_OK);
  ck_assert (!rep.optimality_checked);
  ck_assert (strstr (rep.msg, "not checked") != NULL);
  chk_mixed_report_clear (&rep);
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

START_TEST (fixture_imperfect_oneshot) {
  /* the epsilon example, one-shot: A with 20/21 keeps the follower on l: 61/21 */
  game *g = tu_game_fixture ("imperfect");
  mixed_solution ms;
  solve_ok (g, &ms);
  ck_assert_int_eq (ms.method, MIXED_LPS);
  eq_str (ms.sol.reward[0], "61/21");
  eq_str (ms.sol.reward[1], "1");
  int vals[8] = {0};
  const mpq_t *p = dist (g, ms.prof, "a", vals);
  eq_str (p[0], "20/21"), eq_str (p[1], "1/21");
  ck_assert_int_eq (check (g, &ms, NULL, NULL, 0), CHK_MIXED_OK);
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

/* A one-shot game given by its tables (leader m actions, follower n). */
static game *oneshot_game (unsigned m, unsigned n, const long *ul2, const long *uf2) {
  game *g = game_new ("one-shot");
  int L = game_add_player (g, "L"), F = game_add_player (g, "F");
  game_set_leader (g, L);
  int a = game_add_var (g, GAME_ACTION, "a", m), b = game_add_var (g, GAME_ACTION, "b", n);
  game_set_owner (g, a, L), game_set_stage (g, a, 1);
  game_set_owner (g, b, F), game_set_stage (g, b, 2);
  int par[2] = {a, b};
  mpq_t *ql = malloc (m * n * sizeof *ql), *qf = malloc (m * n * sizeof *qf);
  for (unsigned i = 0; i < m * n; i++) {
    mpq_init (ql[i]), mpq_init (qf[i]);
    mpq_set_si (ql[i], ul2[i], 2), mpq_set_si (qf[i], uf2[i], 2);
    mpq_canonicalize (ql[i]), mpq_canonicalize (qf[i]);
  }
  int ul = game_add_var (g, GAME_UTILITY, "uL", 0), uf = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, ul, L), game_set_owner (g, uf, F);
  game_set_expr (g, ul, game_expr_table (2, par, m * n, NULL, ql));
  game_set_expr (g, uf, game_expr_table (2, par, m * n, NULL, qf));
  for (unsigned i = 0; i < m * n; i++) mpq_clear (ql[i]), mpq_clear (qf[i]);
  free (ql), free (qf);
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  return g;
}

START_TEST (weak_supremum) {
  mixed_options opt;
  mixed_options_init (&opt);
  opt.tie = GAME_TIE_WEAK;
  mixed_solution ms;
  scnfg_error err;
  error_init (&err);
  /* the 2x2 game: supremum 7/2, not attained: at U, D 1/2 the weak follower takes L (3/2) */
  game *g = tu_game_fixture ("oneshot-2x2");
  ck_assert (mixed_solve (g, &opt, &ms, &err));
  ck_assert (ms.weak);
  eq_str (ms.sup, "7/2");
  eq_str (ms.sol.reward[0], "3/2");
  ck_assert_int_eq (ms.prof->pure->pol[1].act[0], 0);
  mixed_solution_clear (&ms);
  game_free (g);
  /* M is a best response only at U, D 1/2 (no interior): strong 100, weak supremum 1
     (halved tables: uL rows U: L 1 R 2 M 100, D: L 1 R 0 M 100; uF U: 1 0 1/2, D: 0 1 1/2) */
  static const long ul[6] = {2, 4, 200, 2, 0, 200}, uf[6] = {2, 0, 1, 0, 2, 1};
  g = oneshot_game (2, 3, ul, uf);
  ck_assert (mixed_solve (g, &opt, &ms, &err));
  eq_str (ms.sup, "1");
  mixed_solution_clear (&ms);
  solve_ok (g, &ms);
  eq_str (ms.sol.reward[0], "100");
  ck_assert_int_eq (check (g, &ms, NULL, NULL, 0), CHK_MIXED_OK);
  mixed_solution_clear (&ms);
  /* follower actions with identical rewards form one class: the weak follower takes the worse */
  static const long ul2[4] = {6, 2, 6, 2}, uf2[4] = {1, 1, 1, 1};
  game_free (g);
  g = oneshot_game (2, 2, ul2, uf2);
  ck_assert (mixed_solve (g, &opt, &ms, &err));
  eq_str (ms.sup, "1");
  mixed_solution_clear (&ms);
  game_free (g);
  /* trees: weak is refused */
  g = tu_game_fixture ("active-if-tree");
  ck_assert (!mixed_solve (g, &opt, &ms, &err));
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

START_TEST (rejects_shapes) {
  const char *names[] = {"chance", "three-players", NULL};
  for (int i = 0; i < 3; i++) {
    game *g;
    if (names[i]) g = tu_game_fixture (names[i]);
    else {
      /* four stages, imperfect information: neither shape */
      gamegen_params gp;
      gamegen_params_init (&gp);
      gp.seed = 5;
      g = gamegen_random (&gp);
      ck_assert (!game_is_perfect_info (g));
    }
    mixed_options opt;
    mixed_options_init (&opt);
    mixed_solution ms;
    scnfg_error err;
    error_init (&err);
    bool ok = mixed_solve (g, &opt, &ms, &err);
    mixed_solution_clear (&ms);
    ck_assert_msg (!ok, "%s accepted", names[i] ? names[i] : "random imperfect");
    ck_assert_int_eq (err.code, ERROR_INPUT);
    game_free (g);
  }
}
END_TEST

/* ---- brute force over the reduced normal form -------------------------- */

typedef struct tnode {
  int owner;         /* player, -1 leaf */
  unsigned d;
  int kid[16];
  mpq_t uf, ul;      /* leaves */
} tnode;

typedef struct tree {
  size_t n;
  tnode nd[4096];
} tree;

static int build (tree *t, const game *g, int *vals, unsigned k) {
  while (k < g->nfixed) {
    int v = g->order[k];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) vals[v] = (int) game_eval (x->expr, vals);
    else if (x->kind == GAME_EXOGENOUS) vals[v] = 0;
    else if (!game_active (g, v, vals)) vals[v] = 0;
    else if (x->layers == GAME_L1) vals[v] = game_instinct (g, v, vals);
    else break;
    k++;
  }
  ck_assert_uint_lt (t->n, 4096);
  int me = (int) t->n++;
  tnode *nd = &t->nd[me];
  mpq_init (nd->uf), mpq_init (nd->ul);
  if (k == g->nfixed) {
    nd->owner = -1;
    mpq_t r[2];
    mpq_init (r[0]), mpq_init (r[1]);
    game_rewards (g, vals, r);
    mpq_set (t->nd[me].ul, r[g->leader]), mpq_set (t->nd[me].uf, r[1 - g->leader]);
    mpq_clear (r[0]), mpq_clear (r[1]);
    return me;
  }
  int v = g->order[k];
  t->nd[me].owner = g->vars[v].player;
  t->nd[me].d = g->vars[v].domain;
  for (unsigned a = 0; a < g->vars[v].domain; a++) {
    vals[v] = (int) a;
    int c = build (t, g, vals, k + 1);
    t->nd[me].kid[a] = c;
  }
  vals[v] = 0;
  return me;
}

static size_t nleaves (const tree *t) {
  size_t n = 0;
  for (size_t i = 0; i < t->n; i++) n += t->nd[i].owner < 0;
  return n;
}

/* Reduced plans of player p below node i: each plan maps nodes to actions
 * (-1 where unspecified); plans are arrays of t->n ints. */
typedef struct plans {
  size_t n, cap;
  int **p;
} plans;

static void plans_add (plans *P, int *x) {
  if (P->n == P->cap) P->cap = P->cap ? 2 * P->cap : 16, P->p = realloc (P->p, P->cap * sizeof *P->p);
  P->p[P->n++] = x;
}

static void plans_free (plans *P) {
  for (size_t i = 0; i < P->n; i++) free (P->p[i]);
  free (P->p);
}

static plans enumerate (const tree *t, int i, int p) {
  plans out = {0, 0, NULL};
  const tnode *nd = &t->nd[i];
  if (nd->owner < 0) {
    int *x = malloc (t->n * sizeof *x);
    for (size_t q = 0; q < t->n; q++) x[q] = -1;
    plans_add (&out, x);
    return out;
  }
  if (nd->owner == p) {
    for (unsigned a = 0; a < nd->d; a++) {
      plans sub = enumerate (t, nd->kid[a], p);
      for (size_t s = 0; s < sub.n; s++) {
        sub.p[s][i] = (int) a;
        plans_add (&out, sub.p[s]);
      }
      free (sub.p);
    }
    return out;
  }
  /* product over the children */
  int *x = malloc (t->n * sizeof *x);
  for (size_t q = 0; q < t->n; q++) x[q] = -1;
  plans_add (&out, x);
  for (unsigned a = 0; a < nd->d; a++) {
    plans sub = enumerate (t, nd->kid[a], p), next = {0, 0, NULL};
    for (size_t u = 0; u < out.n; u++)
      for (size_t s = 0; s < sub.n; s++) {
        int *y = malloc (t->n * sizeof *y);
        for (size_t q = 0; q < t->n; q++) y[q] = sub.p[s][q] >= 0 ? sub.p[s][q] : out.p[u][q];
        plans_add (&next, y);
      }
    plans_free (&out), plans_free (&sub);
    out = next;
  }
  return out;
}

static int outcome (const tree *t, const int *li, const int *fj, int L) {
  int i = 0;
  while (t->nd[i].owner >= 0) i = t->nd[i].kid[t->nd[i].owner == L ? li[i] : fj[i]];
  return i;
}

/* Brute force: mixed value (multiple LPs over the reduced normal form) and
 * pure SSE value (strong), both exact. */
static bool brute (const tree *t, int L, mpq_t mixed, mpq_t pure) {
  plans A = enumerate (t, 0, L), B = enumerate (t, 0, 1 - L);
  size_t nl = A.n, nf = B.n;
  if (nl * nf > 256) {
    plans_free (&A), plans_free (&B);
    return false;
  }
  int *o = malloc (nl * nf * sizeof *o);
  for (size_t i = 0; i < nl; i++)
    for (size_t j = 0; j < nf; j++) o[i * nf + j] = outcome (t, A.p[i], B.p[j], L);
  /* pure: for every leader plan, the follower's best plans, the best for the leader */
  bool first = true;
  for (size_t i = 0; i < nl; i++) {
    int bj = -1;
    for (size_t j = 0; j < nf; j++) {
      const tnode *x = &t->nd[o[i * nf + j]], *y = bj < 0 ? NULL : &t->nd[o[i * nf + bj]];
      int c = y ? mpq_cmp (x->uf, y->uf) : 1;
      if (c > 0 || (c == 0 && mpq_cmp (x->ul, y->ul) > 0)) bj = (int) j;
    }
    const mpq_t *v = &t->nd[o[i * nf + bj]].ul;
    if (first || mpq_cmp (*v, pure) > 0) mpq_set (pure, *v);
    first = false;
  }
  /* mixed: one LP per follower plan */
  first = true;
  mpq_t *coef = malloc (nl * sizeof *coef), zero, val;
  for (size_t i = 0; i < nl; i++) mpq_init (coef[i]);
  mpq_init (zero), mpq_init (val);
  for (size_t j = 0; j < nf; j++) {
    polytope p;
    polytope_init (&p, (unsigned) nl);
    polytope_add_simplex (&p, NULL);
    for (size_t j2 = 0; j2 < nf; j2++) {
      if (j2 == j) continue;
      for (size_t i = 0; i < nl; i++) mpq_sub (coef[i], t->nd[o[i * nf + j]].uf, t->nd[o[i * nf + j2]].uf);
      polytope_add (&p, coef, POLYTOPE_GE, zero);
    }
    for (size_t i = 0; i < nl; i++) mpq_neg (coef[i], t->nd[o[i * nf + j]].ul);
    if (polytope_minimize (&p, coef, NULL, val) == POLYTOPE_OPTIMAL) {
      mpq_neg (val, val);
      if (first || mpq_cmp (val, mixed) > 0) mpq_set (mixed, val);
      first = false;
    }
    polytope_clear (&p);
  }
  ck_assert (!first);
  for (size_t i = 0; i < nl; i++) mpq_clear (coef[i]);
  free (coef), free (o);
  mpq_clear (zero), mpq_clear (val);
  plans_free (&A), plans_free (&B);
  return true;
}

/* A random perfect-information tree: T stages of domain d, random owners,
 * the leader last and the follower mostly before it, every stage observing
 * all earlier ones, leaf rewards from tables over all
 * actions (0..6 in halves), optionally an active-if ending some branches. */
static game *random_tree (prng *r, unsigned T, unsigned d, bool uneven) {
  game *g = game_new ("random tree");
  int P[2] = {game_add_player (g, "L"), game_add_player (g, "F")};
  game_set_leader (g, P[0]);
  int act[8];
  char id[16];
  for (unsigned t = 0; t < T; t++) {
    snprintf (id, sizeof id, "x%u", t + 1);
    act[t] = game_add_var (g, GAME_ACTION, id, d);
    /* owners alternate, the leader moving last: where mixing pays */
    game_set_owner (g, act[t], P[(T - 1 - t) % 2 == 0 ? 0 : (int) (prng_chance (r, 3, 4) ? 1 : 0)]);
    game_set_stage (g, act[t], t + 1);
    game_set_layers (g, act[t], GAME_L2);
    for (unsigned u = 0; u < t; u++) game_add_observation (g, act[t], act[u]);
    if (uneven && t == T - 1 && t > 0) game_set_active_if (g, act[t], game_expr_eq (act[0], 0));
  }
  size_t n = 1;
  for (unsigned t = 0; t < T; t++) n *= d;
  for (int p = 0; p < 2; p++) {
    mpq_t *q = malloc (n * sizeof *q);
    for (size_t i = 0; i < n; i++) mpq_init (q[i]), mpq_set_si (q[i], prng_range (r, 0, 12), 2), mpq_canonicalize (q[i]);
    int u = game_add_var (g, GAME_UTILITY, p ? "uF" : "uL", 0);
    game_set_owner (g, u, P[p]);
    game_set_expr (g, u, game_expr_table (T, act, n, NULL, q));
    for (size_t i = 0; i < n; i++) mpq_clear (q[i]);
    free (q);
  }
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (game_finish (g, &err), "%s", err.msg);
  return g;
}

static void tree_free (tree *t) {
  for (size_t i = 0; i < t->n; i++) mpq_clear (t->nd[i].uf), mpq_clear (t->nd[i].ul);
}

START_TEST (random_trees_vs_brute_force) {
  unsigned tested = 0, strict = 0, sizes[21] = {0};
  mpq_t bm, bp;
  mpq_init (bm), mpq_init (bp);
  prng r;
  prng_seed (&r, 2010);
  for (uint64_t seed = 1; tested < 300; seed++) {
    game *g;
    if (seed % 2) {
      /* the project's random games (instincts, active-if, endogenous nodes) */
      gamegen_params gp;
      gamegen_params_init (&gp);
      gp.stages = 2 + (unsigned) (seed % 4);
      gp.domain = seed % 3 == 0 ? 3 : 2;
      gp.perfect_info = true;
      gp.confounders = 0;
      gp.seed = seed;
      g = gamegen_random (&gp);
    } else {
      unsigned T = 2 + (unsigned) prng_below (&r, 3);
      g = random_tree (&r, T, T == 2 && prng_chance (&r, 1, 2) ? 3 : 2, prng_chance (&r, 1, 3));
    }
    ck_assert (g != NULL);
    static tree t;
    t.n = 0;
    int vals[256] = {0};
    build (&t, g, vals, 0);
    size_t nl = nleaves (&t);
    if (nl > 20) {
      tree_free (&t);
      game_free (g);
      continue;
    }
    if (!brute (&t, g->leader, bm, bp)) { /* normal form over 1024 cells */
      tree_free (&t);
      game_free (g);
      continue;
    }
    sizes[nl]++;
    mixed_solution ms;
    solve_ok (g, &ms);
    ck_assert_int_eq (ms.method, MIXED_TREE);
    char *a = rat_to_str (ms.sol.reward[g->leader]), *b = rat_to_str (bm);
    ck_assert_msg (mpq_equal (ms.sol.reward[g->leader], bm), "seed %llu: tree %s, brute force %s",
                   (unsigned long long) seed, a, b);
    free (a), free (b);
    ck_assert (mpq_cmp (bm, bp) >= 0); /* mixed >= pure (strong) */
    {
      /* and pure (strong) >= SPE for the leader */
      spe_options so;
      spe_options_init (&so);
      game_solution ss;
      scnfg_error e2;
      error_init (&e2);
      ck_assert (spe_solve (g, &so, &ss, &e2));
      ck_assert (mpq_cmp (bp, ss.reward[g->leader]) >= 0);
      profile_solution_clear (&ss);
      /* the project's SSE finder agrees with the brute-force pure value */
      sse_options xo;
      sse_options_init (&xo);
      ck_assert (sse_solve (g, &xo, &ss, &e2));
      ck_assert_int_eq (ss.status, GAME_SOLVED);
      ck_assert (mpq_equal (bp, ss.reward[g->leader]));
      sse_options_clear (&xo);
      profile_solution_clear (&ss);
    }
    strict += mpq_cmp (bm, bp) > 0;
    char msg[512];
    bool oc = false;
    ck_assert_msg (check (g, &ms, &oc, msg, sizeof msg) == CHK_MIXED_OK, "seed %llu: %s", (unsigned long long) seed, msg);
    ck_assert (oc);
    /* a root frontier lowered by 1/2 is no longer an upper bound */
    mpq_t h;
    mpq_init (h);
    mpq_set_si (h, 1, 2);
    behav_pwl *rf = &ms.cert.front[0];
    for (size_t i = 0; i < rf->n; i++) mpq_sub (rf->vl[i], rf->vl[i], h), mpq_sub (rf->vr[i], rf->vr[i], h);
    mpq_clear (h);
    ck_assert_int_eq (check (g, &ms, NULL, NULL, 0), CHK_MIXED_FAILED);
    mixed_solution_clear (&ms);
    tree_free (&t);
    game_free (g);
    tested++;
  }
  /* the sample is not trivial: mixing helps in some trees, sizes vary */
  if (getenv ("MIXED_DEBUG"))
    for (int i = 0; i <= 20; i++) fprintf (stderr, "leaves %d: %u trees\n", i, sizes[i]);
  if (getenv ("MIXED_DEBUG")) fprintf (stderr, "mixed > pure in %u trees\n", strict);
  ck_assert_uint_ge (strict, 8);
  unsigned big = 0;
  for (int i = 9; i <= 20; i++) big += sizes[i];
  ck_assert_uint_gt (big, 60);
  mpq_clear (bm), mpq_clear (bp);
}
END_TEST

/* One-shot random games built directly: mixed >= pure, checker passes. */
START_TEST (random_oneshot) {
  prng r;
  prng_seed (&r, 606);
  unsigned strict = 0;
  for (int it = 0; it < 200; it++) {
    unsigned m = 2 + (unsigned) prng_below (&r, 3), n = 2 + (unsigned) prng_below (&r, 3);
    game *g = game_new ("random one-shot");
    int L = game_add_player (g, "L"), F = game_add_player (g, "F");
    game_set_leader (g, L);
    int a = game_add_var (g, GAME_ACTION, "a", m), b = game_add_var (g, GAME_ACTION, "b", n);
    game_set_owner (g, a, L), game_set_stage (g, a, 1);
    game_set_owner (g, b, F), game_set_stage (g, b, 2);
    int par[2] = {a, b};
    mpq_t *ql = malloc (m * n * sizeof *ql), *qf = malloc (m * n * sizeof *qf);
    for (unsigned i = 0; i < m * n; i++) {
      mpq_init (ql[i]), mpq_init (qf[i]);
      mpq_set_si (ql[i], prng_range (&r, 0, 6), (unsigned long) prng_range (&r, 1, 2));
      mpq_set_si (qf[i], prng_range (&r, 0, 4), 1);
      mpq_canonicalize (ql[i]);
    }
    int ul = game_add_var (g, GAME_UTILITY, "uL", 0), uf = game_add_var (g, GAME_UTILITY, "uF", 0);
    game_set_owner (g, ul, L), game_set_owner (g, uf, F);
    game_set_expr (g, ul, game_expr_table (2, par, m * n, NULL, ql));
    game_set_expr (g, uf, game_expr_table (2, par, m * n, NULL, qf));
    scnfg_error err;
    error_init (&err);
    ck_assert_msg (game_finish (g, &err), "%s", err.msg);
    mixed_solution ms;
    solve_ok (g, &ms);
    ck_assert_int_eq (ms.method, MIXED_LPS);
    /* pure SSE by brute force */
    mpq_t pure;
    mpq_init (pure);
    for (unsigned i = 0; i < m; i++) {
      int bj = -1;
      for (unsigned j = 0; j < n; j++) {
        int c = bj < 0 ? 1 : mpq_cmp (qf[i * n + j], qf[i * n + bj]);
        if (c > 0 || (c == 0 && mpq_cmp (ql[i * n + j], ql[i * n + bj]) > 0)) bj = (int) j;
      }
      if (i == 0 || mpq_cmp (ql[i * n + bj], pure) > 0) mpq_set (pure, ql[i * n + bj]);
    }
    ck_assert (mpq_cmp (ms.sol.reward[L], pure) >= 0);
    strict += mpq_cmp (ms.sol.reward[L], pure) > 0;
    {
      sse_options xo;
      sse_options_init (&xo);
      game_solution ss;
      ck_assert (sse_solve (g, &xo, &ss, &err));
      ck_assert_int_eq (ss.status, GAME_SOLVED);
      ck_assert (mpq_equal (pure, ss.reward[L]));
      sse_options_clear (&xo);
      profile_solution_clear (&ss);
    }
    char msg[512];
    bool oc = false;
    ck_assert_msg (check (g, &ms, &oc, msg, sizeof msg) == CHK_MIXED_OK, "game %d: %s", it, msg);
    ck_assert (oc);
    {
      /* the weak supremum: at most the strong value, at least what its maximiser attains */
      mixed_options wo;
      mixed_options_init (&wo);
      wo.tie = GAME_TIE_WEAK;
      mixed_solution ws;
      ck_assert (mixed_solve (g, &wo, &ws, &err));
      ck_assert (mpq_cmp (ws.sup, ms.sol.reward[L]) <= 0);
      ck_assert (mpq_cmp (ws.sol.reward[L], ws.sup) <= 0);
      mixed_solution_clear (&ws);
    }
    mpq_clear (pure);
    for (unsigned i = 0; i < m * n; i++) mpq_clear (ql[i]), mpq_clear (qf[i]);
    free (ql), free (qf);
    mixed_solution_clear (&ms);
    game_free (g);
  }
  ck_assert_uint_gt (strict, 20);
}
END_TEST

/* Larger trees in conflict (255 choice nodes): the certificate checks out. */
START_TEST (larger_trees_checked) {
  for (uint64_t seed = 1; seed <= 4; seed++) {
    game *g = treegen_random (8, 2, 4, seed);
    mixed_solution ms;
    solve_ok (g, &ms);
    ck_assert_uint_eq (ms.cert.nnodes, 255);
    ck_assert_uint_gt (ms.front_max, 2);
    char msg[512];
    bool oc = false;
    ck_assert_msg (check (g, &ms, &oc, msg, sizeof msg) == CHK_MIXED_OK, "seed %llu: %s", (unsigned long long) seed, msg);
    ck_assert (oc);
    mixed_solution_clear (&ms);
    game_free (g);
  }
}
END_TEST

START_TEST (limits) {
  gamegen_params gp;
  gamegen_params_init (&gp);
  gp.stages = 10, gp.domain = 2, gp.perfect_info = true, gp.seed = 3;
  game *g = gamegen_random (&gp);
  mixed_options opt;
  mixed_options_init (&opt);
  opt.limits.max_nodes = 100;
  mixed_solution ms;
  scnfg_error err;
  error_init (&err);
  ck_assert (mixed_solve (g, &opt, &ms, &err));
  ck_assert_int_eq (ms.sol.status, GAME_UNKNOWN);
  ck_assert_str_eq (ms.sol.reason, "node limit");
  ck_assert (ms.prof == NULL);
  mixed_solution_clear (&ms);
  /* a commitment too large to build: the value alone */
  mixed_options_init (&opt);
  opt.max_profile = 10;
  ck_assert (mixed_solve (g, &opt, &ms, &err));
  ck_assert_int_eq (ms.sol.status, GAME_SOLVED);
  ck_assert (ms.prof == NULL);
  ck_assert (strstr (ms.sol.reason, "commitment not built") != NULL);
  mixed_solution_clear (&ms);
  game_free (g);
}
END_TEST

START_TEST (cli) {
  char *out = NULL, *errs = NULL;
  char *g1 = tu_path ("instances/games/oneshot-2x2.xml"), *g2 = tu_path ("instances/games/active-if-tree.xml");
  ck_assert_int_eq (tu_run (&out, &errs, "game %s --concept mixed", g1), 0);
  ck_assert_msg (strstr (out, "reward L (leader) 7/2\n") && strstr (out, "  - -> U:1/2 D:1/2\n") &&
                     strstr (out, "  - -> R\n") && strstr (out, "certificate follower R: bound 7/2"),
                 "%s", out);
  free (out), free (errs);
  ck_assert_int_eq (tu_run (&out, &errs, "game %s --concept mixed --xml", g2), 0);
  ck_assert_msg (strstr (out, "concept=\"mixed\" method=\"letchford-conitzer-tree\"") &&
                     strstr (out, "<reward player=\"L\" value=\"3/2\"/>") &&
                     strstr (out, "<play obs=\"0 1\" mix=\"1/2 1/2\"/>") &&
                     strstr (out, "<certificate kind=\"tree\" nodes=\"3\">"),
                 "%s", out);
  free (out), free (errs);
  ck_assert_int_eq (tu_run (&out, &errs, "game %s --concept mixed --tie weak", g1), 0);
  ck_assert_msg (strstr (out, "supremum L (leader) 7/2 (weak tie-break: may not be attained") != NULL, "%s", out);
  free (out), free (errs);
  ck_assert_int_eq (tu_run (&out, &errs, "game %s --concept mixed --tie weak", g2), 2);
  free (out), free (errs);
  ck_assert_int_eq (tu_run (&out, &errs, "game %s --concept mixed --tie lex", g1), 2);
  free (out), free (errs);
  char *g3 = tu_path ("instances/games/chance.xml");
  ck_assert_int_eq (tu_run (&out, &errs, "game %s --concept mixed", g3), 2);
  ck_assert_msg (strstr (errs, "without chance") != NULL, "%s", errs);
  free (out), free (errs);
  /* scnfg check --concept mixed on the XML result, tampered and malformed ones */
  char *dir = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "game %s --concept mixed --xml -o %s/r.xml", g2, dir), 0);
  ck_assert_int_eq (tu_run (&out, &errs, "check %s %s/r.xml --concept mixed", g2, dir), 0);
  ck_assert_msg (strstr (out, "verified mixed commitment: leader 3/2, follower 1; response and certificate") != NULL,
                 "%s", out);
  free (out), free (errs);
  ck_assert_int_eq (tu_sh (NULL, NULL, "sed 's#mix=\"1/2 1/2\"#mix=\"2/3 1/3\"#' %s/r.xml > %s/t.xml; :", dir, dir), 0);
  ck_assert_int_eq (tu_run (&out, &errs, "check %s %s/t.xml --concept mixed", g2, dir), 1);
  ck_assert_msg (strstr (out, "FAILED stage 2 (f) at m=T: follower plays b but a gives") != NULL, "%s", out);
  free (out), free (errs);
  ck_assert_int_eq (tu_sh (NULL, NULL, "sed 's#mix=\"1/2 1/2\"#mix=\"1/2\"#' %s/r.xml > %s/u.xml; :", dir, dir), 0);
  ck_assert_int_eq (tu_run (&out, &errs, "check %s %s/u.xml --concept mixed", g2, dir), 2);
  ck_assert_msg (strstr (errs, "mix has 1 values") != NULL, "%s", errs);
  free (out), free (errs);
  ck_assert_int_eq (tu_sh (NULL, NULL, "sed 's#value=\"0\"/></frontier>#value=\"1\"/></frontier>#' %s/r.xml > %s/v.xml; :", dir, dir), 0);
  ck_assert_int_eq (tu_run (&out, &errs, "check %s %s/v.xml --concept mixed", g2, dir), 1);
  free (out), free (errs);
  ck_assert_int_eq (tu_run (NULL, NULL, "game %s --concept mixed --xml -o %s/o.xml", g1, dir), 0);
  ck_assert_int_eq (tu_run (&out, &errs, "check %s %s/o.xml --concept mixed", g1, dir), 0);
  ck_assert_msg (strstr (out, "leader 7/2, follower 1/2") != NULL, "%s", out);
  free (out), free (errs);
  /* a result for another game's shape */
  ck_assert_int_eq (tu_run (&out, &errs, "check %s %s/o.xml --concept mixed", g2, dir), 2);
  free (out), free (errs);
  tu_rmdir (dir);
  free (dir);
  free (g1), free (g2), free (g3);
}
END_TEST

Suite *mixed_suite (void) {
  Suite *s = suite_create ("mixed");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, fixture_active_if_tree);
  tcase_add_test (tc, fixture_oneshot);
  tcase_add_test (tc, fixture_imperfect_oneshot);
  tcase_add_test (tc, rejects_shapes);
  tcase_add_test (tc, weak_supremum);
  tcase_add_test (tc, random_trees_vs_brute_force);
  tcase_add_test (tc, random_oneshot);
  tcase_add_test (tc, larger_trees_checked);
  tcase_add_test (tc, cli);
  suite_add_tcase (s, tc);
  TCase *tl = tcase_create ("limits");
  tcase_set_timeout (tl, 60);
  tcase_add_test (tl, limits);
  suite_add_tcase (s, tl);
  return s;
}
