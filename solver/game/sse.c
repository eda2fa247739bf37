/* Pure commitment (Stackelberg), S-CNE and the epsilon-satisficing follower.
 *
 * Two engines.
 *
 * Achievable pairs (pairs.c: the sets S(n) of (follower, leader) reward
 * pairs the leader can bring about by a pure commitment, Letchford &
 * Conitzer 2010 in its pure form; depth-first, pruned and cached) on
 * perfect-information trees without chance. The profile is rebuilt here on
 * the explicit tree with the plain sets: leader nodes in the policy order
 * take the smallest action that keeps the target pair achievable, which
 * gives the smallest optimal policy in that order (DESIGN §3).
 *
 * Enumeration (everything else): the game tree is expanded once; leader
 * policies are enumerated in the policy order like an odometer whose digits
 * are the leader's information sets; a digit the leader cannot reach with
 * positive probability (whatever the follower does) cannot change any reward
 * and is kept at 0, so the first optimal policy met is the smallest. For each
 * policy the follower's choices are made last stage first, at every
 * information set (reached or not), on beliefs from the prior and the
 * committed policy by Bayes' rule; at a probability-0 set the leader's
 * committed actions are replaced by uniform mixing, then all histories of the
 * set count alike. The follower's own earlier actions are part of what it
 * observes and are taken as given (DESIGN §2: perfect recall).
 *
 * S-CNE (DESIGN §3.4): a stage allowing layer 3 is keyed by (o, x~), which
 * contains the L2 and L1 policies; the layer reported is the lowest allowed
 * one containing the chosen table on the positive-probability (o, x~).
 * Satisficing (DESIGN §3.5): two follower systems are kept, the best
 * responses (system 1) and the played choices (system 0: the instinct when
 * within eps of the best response, else the best response; robust: the
 * eps-best option worst for the leader); the leader optimises system 0. */
#include "solver/game/sse.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/require.h"
#include "solver/game/pairs.h"
#include "solver/model/game.h"

void sse_options_init (sse_options *o) {
  memset (o, 0, sizeof *o);
  o->concept = SSE_CONCEPT_SSE;
  o->tie = GAME_TIE_STRONG;
  mpq_init (o->eps);
  o->method = SSE_METHOD_AUTO;
  o->max_policies = (uint64_t) 1 << 20;
  o->max_tree = (size_t) 1 << 20;
  limits_init (&o->limits);
  o->max_profile = (size_t) 1 << 20;
  o->max_outcomes = 1000;
  o->cache_bytes = (size_t) 64 << 20;
}

void sse_options_clear (sse_options *o) { mpq_clear (o->eps); }

static const char *concept_names[] = {"sse", "scne", "satisficing"};

const char *sse_concept_name (sse_concept c) { return concept_names[c]; }

/* ---- common ------------------------------------------------------------ */

enum { T_LEAF, T_CHANCE, T_DEC };
#define KEEP (-2) /* satisficing: the follower plays its instinct */

typedef struct tnode {
  unsigned char kind, who; /* who: 0 leader, 1 follower */
  int var;
  unsigned stage;
  int xt;                  /* T_DEC: the intuition f_X(pa_X) */
  size_t oidx;             /* T_DEC: observation index */
  uint32_t parent, kid0, nkids;
  uint32_t aux;            /* T_LEAF: leaf index; T_DEC: group */
} tnode;

typedef struct group {
  unsigned stage;
  unsigned char who;
  size_t key;
  uint32_t start, count;   /* into gnodes */
  unsigned d;
} group;

typedef struct solver {
  const game *g;
  const sse_options *opt;
  int L, F;                /* player indices */
  int *vals;
  /* per stage (1-based) */
  bool *kres;              /* groups keyed by (o, x~) */
  bool *tres;              /* table indexed by (o, x~) */
  bool *inst_ok;           /* satisficing: the instinct is playable */
  /* explicit tree */
  tnode *n;
  size_t nn, capn;
  mpq_t *rew;              /* 2 per leaf: leader, follower */
  size_t nleaves, capl;
  bool overflow;
  /* groups */
  group *grp;
  size_t ngrp;
  uint32_t *gnodes;
  /* enumeration state */
  mpq_t *w1, *w2;
  mpq_t *vl[2], *vf[2];
  uint32_t *stamp[2], cur;
  int *dec[2];             /* per group */
  bool *relevant;          /* per group (leader) */
  mpq_t *qf, *ql, *ql0, *mu;
  mpq_t t1, t2, t3, eps;
  mpq_t rw[2];             /* leaf_rewards: the two players' rewards */
  uint64_t nodes;
  int stop;                /* 0, 1 timeout, 2 node limit */
} solver;

static bool two_players (const game *g, scnfg_error *err) {
  if (g->nplayers != 2)
    return error_set (err, ERROR_INPUT, g->file, 0, 0,
                      "commitment concepts need exactly two players (a leader and a follower); the game has %u",
                      g->nplayers);
  return true;
}

static bool has_choice (const game_var *x) { return (x->layers & (GAME_L2 | GAME_L3)) != 0; }

/* ---- explicit tree ------------------------------------------------------ */

static uint32_t new_nodes (solver *s, unsigned k) {
  if (s->opt->max_tree && s->nn + k > s->opt->max_tree) {
    s->overflow = true;
    return 0;
  }
  mem_reserve ((void **) &s->n, &s->capn, s->nn + k, sizeof *s->n);
  uint32_t first = (uint32_t) s->nn;
  memset (s->n + s->nn, 0, k * sizeof *s->n);
  s->nn += k;
  return first;
}

/* The leaf's rewards under s->vals: leader into l, follower into f. */
/* The rewards of the complete assignment s->vals into s->rw (leader s->rw[s->L]). */
static void leaf_rewards (solver *s) { game_rewards (s->g, s->vals, s->rw); }

static void build (solver *s, unsigned k, uint32_t self) {
  const game *g = s->g;
  if (s->overflow) return;
  k = game_advance_forced (g, k, s->vals, NULL);
  if (k == g->nfixed) {
    mem_reserve ((void **) &s->rew, &s->capl, 2 * s->nleaves + 2, sizeof *s->rew);
    mpq_init (s->rew[2 * s->nleaves]), mpq_init (s->rew[2 * s->nleaves + 1]);
    leaf_rewards (s);
    mpq_set (s->rew[2 * s->nleaves], s->rw[s->L]), mpq_set (s->rew[2 * s->nleaves + 1], s->rw[s->F]);
    s->n[self].kind = T_LEAF;
    s->n[self].aux = (uint32_t) s->nleaves++;
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  unsigned d = x->domain;
  uint32_t kid0 = new_nodes (s, d);
  if (s->overflow) return;
  tnode *nd = &s->n[self];
  nd->var = v;
  nd->kid0 = kid0;
  nd->nkids = d;
  if (x->kind == GAME_EXOGENOUS) {
    nd->kind = T_CHANCE;
  } else {
    nd->kind = T_DEC;
    nd->who = x->player == s->L ? 0 : 1;
    nd->stage = x->stage;
    nd->xt = game_instinct (g, v, s->vals);
    size_t idx = 0;
    for (unsigned i = 0; i < x->nobs; i++) idx = idx * g->vars[x->obs[i]].domain + (size_t) s->vals[x->obs[i]];
    nd->oidx = idx;
  }
  for (unsigned a = 0; a < d; a++) {
    s->n[kid0 + a].parent = self;
    s->vals[v] = (int) a;
    build (s, k + 1, kid0 + a);
    if (s->overflow) return;
  }
}

/* The nodes of the tree below position k (vals[order[0..k)] fixed), counted
 * up to 'limit' (then limit + 1). */
static size_t count_tree (solver *s, unsigned k, size_t limit) {
  const game *g = s->g;
  k = game_advance_forced (g, k, s->vals, NULL);
  if (k == g->nfixed) return 1;
  int v = g->order[k];
  size_t n = 1;
  for (unsigned a = 0; a < g->vars[v].domain && n <= limit; a++) {
    s->vals[v] = (int) a;
    n += count_tree (s, k + 1, limit - n);
  }
  return n;
}

static size_t node_key (const solver *s, const tnode *nd) {
  return s->kres[nd->stage] ? nd->oidx * s->g->vars[nd->var].domain + (size_t) nd->xt : nd->oidx;
}

typedef struct skey {
  unsigned stage;
  size_t key;
  uint32_t node;
} skey;

static int cmp_skey (const void *a, const void *b) {
  const skey *x = a, *y = b;
  if (x->stage != y->stage) return x->stage < y->stage ? -1 : 1;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

/* The decision nodes (leader only if lead_only) sorted by (stage, key). */
static uint32_t *sorted_dec (const solver *s, bool lead_only, bool by_key, size_t *count) {
  size_t nd = 0;
  for (size_t i = 0; i < s->nn; i++) nd += s->n[i].kind == T_DEC && (!lead_only || s->n[i].who == 0);
  skey *k = mem_alloc ((nd + 1) * sizeof *k);
  nd = 0;
  for (size_t i = 0; i < s->nn; i++)
    if (s->n[i].kind == T_DEC && (!lead_only || s->n[i].who == 0))
      k[nd].stage = s->n[i].stage, k[nd].key = by_key ? node_key (s, &s->n[i]) : s->n[i].oidx,
      k[nd++].node = (uint32_t) i;
  qsort (k, nd, sizeof *k, cmp_skey);
  uint32_t *out = mem_alloc ((nd + 1) * sizeof *out);
  for (size_t i = 0; i < nd; i++) out[i] = k[i].node;
  free (k);
  *count = nd;
  return out;
}

/* Groups the decision nodes by (stage, key): the information sets in the
 * policy order. */
static void make_groups (solver *s) {
  size_t nd;
  s->gnodes = sorted_dec (s, false, true, &nd);
  s->grp = mem_alloc ((nd + 1) * sizeof *s->grp);
  s->ngrp = 0;
  for (size_t i = 0; i < nd;) {
    const tnode *x = &s->n[s->gnodes[i]];
    size_t key = node_key (s, x), j = i;
    while (j < nd && s->n[s->gnodes[j]].stage == x->stage && node_key (s, &s->n[s->gnodes[j]]) == key) {
      s->n[s->gnodes[j]].aux = (uint32_t) s->ngrp;
      j++;
    }
    group *gr = &s->grp[s->ngrp++];
    gr->stage = x->stage, gr->who = x->who, gr->key = key, gr->start = (uint32_t) i, gr->count = (uint32_t) (j - i);
    gr->d = s->g->vars[x->var].domain;
    i = j;
  }
}

/* ---- tie-breaks -------------------------------------------------------- */

/* The follower's choice among actions 0..d-1 with values qf (its own) and ql
 * (the leader's); inst = the instinct if it is a single action, else -1. */
static int follower_pick (game_tie tie, unsigned d, mpq_t *qf, mpq_t *ql, int inst) {
  unsigned m = 0;
  for (unsigned a = 1; a < d; a++)
    if (mpq_cmp (qf[a], qf[m]) > 0) m = a;
  if (tie >= GAME_TIE_INSTINCT_STRONG) {
    if (inst >= 0 && (unsigned) inst < d && mpq_equal (qf[inst], qf[m])) return inst;
    tie = (game_tie) (tie - GAME_TIE_INSTINCT_STRONG);
  }
  int pick = -1;
  for (unsigned a = 0; a < d; a++) {
    if (!mpq_equal (qf[a], qf[m])) continue;
    if (pick < 0) pick = (int) a;
    else if (tie == GAME_TIE_STRONG && mpq_cmp (ql[a], ql[pick]) > 0) pick = (int) a;
    else if (tie == GAME_TIE_WEAK && mpq_cmp (ql[a], ql[pick]) < 0) pick = (int) a;
  }
  return pick;
}

/* ---- enumeration engine ---------------------------------------------------- */

/* The action at decision node nd under system sys: the leader's digit is
 * shared by both systems; KEEP plays the intuition. */
static int node_action (const solver *s, int sys, const tnode *nd) {
  int a = s->dec[nd->who == 0 ? 0 : sys][nd->aux];
  return a == KEEP ? nd->xt : a;
}

/* Value of node i under system sys (0: the reported play, 1: best responses),
 * memoised per policy evaluation. */
static void value (solver *s, int sys, uint32_t i) {
  if (s->stamp[sys][i] == s->cur) return;
  const tnode *nd = &s->n[i];
  mpq_t *vl = &s->vl[sys][i], *vf = &s->vf[sys][i];
  if (nd->kind == T_LEAF) {
    mpq_set (*vl, s->rew[2 * nd->aux]);
    mpq_set (*vf, s->rew[2 * nd->aux + 1]);
  } else if (nd->kind == T_CHANCE) {
    const game_var *x = &s->g->vars[nd->var];
    mpq_set_ui (*vl, 0, 1), mpq_set_ui (*vf, 0, 1);
    for (unsigned a = 0; a < nd->nkids; a++) {
      if (mpq_sgn (x->prior[a]) == 0) continue;
      uint32_t k = nd->kid0 + a;
      value (s, sys, k);
      mpq_mul (s->t1, s->vl[sys][k], x->prior[a]), mpq_add (*vl, *vl, s->t1);
      mpq_mul (s->t1, s->vf[sys][k], x->prior[a]), mpq_add (*vf, *vf, s->t1);
    }
  } else {
    uint32_t k = nd->kid0 + (uint32_t) node_action (s, sys, nd);
    value (s, sys, k);
    mpq_set (*vl, s->vl[sys][k]), mpq_set (*vf, s->vf[sys][k]);
  }
  s->stamp[sys][i] = s->cur;
}

/* Top-down weights: w1 = chance x committed leader actions; w2 = chance x
 * uniform leader mixing. Parents precede children in node order. */
static void weights (solver *s) {
  mpq_set_ui (s->w1[0], 1, 1), mpq_set_ui (s->w2[0], 1, 1);
  for (size_t i = 0; i < s->nn; i++) {
    const tnode *nd = &s->n[i];
    if (nd->kind == T_LEAF) continue;
    for (unsigned a = 0; a < nd->nkids; a++) {
      uint32_t k = nd->kid0 + a;
      if (nd->kind == T_CHANCE) {
        const mpq_t *p = &s->g->vars[nd->var].prior[a];
        mpq_mul (s->w1[k], s->w1[i], *p), mpq_mul (s->w2[k], s->w2[i], *p);
      } else if (nd->who == 0) {
        if ((int) a == s->dec[0][nd->aux]) mpq_set (s->w1[k], s->w1[i]);
        else mpq_set_ui (s->w1[k], 0, 1);
        mpq_set_ui (s->t1, 1, nd->nkids);
        mpq_mul (s->w2[k], s->w2[i], s->t1);
      } else {
        mpq_set (s->w1[k], s->w1[i]), mpq_set (s->w2[k], s->w2[i]);
      }
    }
  }
}

/* Beliefs mu over the nodes of group gr (not normalised: only compared
 * within the group). */
static void beliefs (solver *s, const group *gr) {
  bool any1 = false, any2 = false;
  for (uint32_t j = 0; j < gr->count; j++) {
    uint32_t i = s->gnodes[gr->start + j];
    any1 |= mpq_sgn (s->w1[i]) != 0;
    any2 |= mpq_sgn (s->w2[i]) != 0;
  }
  for (uint32_t j = 0; j < gr->count; j++) {
    uint32_t i = s->gnodes[gr->start + j];
    if (any1) mpq_set (s->mu[j], s->w1[i]);
    else if (any2) mpq_set (s->mu[j], s->w2[i]);
    else mpq_set_ui (s->mu[j], 1, 1);
  }
}

/* qf[a], ql[a] = sum over the group of mu x values of child a under sys;
 * a = d: the instinct. */
static void qvalues (solver *s, const group *gr, int sys, mpq_t *qf, mpq_t *ql) {
  for (unsigned a = 0; a <= gr->d; a++) mpq_set_ui (qf[a], 0, 1), mpq_set_ui (ql[a], 0, 1);
  for (uint32_t j = 0; j < gr->count; j++) {
    if (mpq_sgn (s->mu[j]) == 0) continue;
    const tnode *nd = &s->n[s->gnodes[gr->start + j]];
    for (unsigned a = 0; a <= gr->d; a++) {
      uint32_t k = nd->kid0 + (a == gr->d ? (uint32_t) nd->xt : a);
      value (s, sys, k);
      mpq_mul (s->t1, s->mu[j], s->vf[sys][k]), mpq_add (qf[a], qf[a], s->t1);
      if (ql) mpq_mul (s->t1, s->mu[j], s->vl[sys][k]), mpq_add (ql[a], ql[a], s->t1);
    }
  }
}

/* The instinct of the group if it is one action on the positive-belief nodes. */
static int group_instinct (const solver *s, const group *gr) {
  int inst = -1;
  for (uint32_t j = 0; j < gr->count; j++) {
    if (mpq_sgn (s->mu[j]) == 0) continue;
    int x = s->n[s->gnodes[gr->start + j]].xt;
    if (inst < 0) inst = x;
    else if (inst != x) return -1;
  }
  return inst;
}

static void follower_decide (solver *s, const group *gr, size_t gi) {
  const sse_options *o = s->opt;
  beliefs (s, gr);
  int inst = group_instinct (s, gr);
  unsigned d = gr->d;
  if (o->concept != SSE_CONCEPT_SATISFICING) {
    qvalues (s, gr, 0, s->qf, s->ql);
    s->dec[0][gi] = follower_pick (o->tie, d, s->qf, s->ql, inst);
    return;
  }
  /* best responses (system 1) with the tie-break */
  qvalues (s, gr, 1, s->qf, s->ql);
  int beta = follower_pick (o->tie, d, s->qf, s->ql, inst);
  s->dec[1][gi] = beta;
  bool iok = s->inst_ok[gr->stage];
  if (!o->robust) {
    /* keep the instinct iff within eps of the best continuation */
    mpq_sub (s->t2, s->qf[beta], s->eps);
    s->dec[0][gi] = iok && mpq_cmp (s->qf[d], s->t2) >= 0 ? KEEP : beta;
    return;
  }
  /* robust: the worst choice for the leader among the eps-best options
     (actions, and the instinct if playable, within eps of the best response,
     the same reference as the plain rule), leader values under the robust
     play later */
  mpq_sub (s->t3, s->qf[beta], s->eps);
  mpq_t *qf0 = s->qf + (d + 1);
  qvalues (s, gr, 0, qf0, s->ql0);
  int pick = -3;
  for (unsigned a = 0; a <= d; a++) {
    if (a == d && !iok) break;
    if (mpq_cmp (s->qf[a], s->t3) < 0) continue;
    int c = a == d ? KEEP : (int) a;
    if (pick == -3 || mpq_cmp (s->ql0[a], s->ql0[pick == KEEP ? d : (unsigned) pick]) < 0) pick = c;
  }
  s->dec[0][gi] = pick;
}

/* Evaluates the leader policy in s->dec[0] (leader groups): follower choices,
 * relevance of the leader's digits, the root value (system 0). */
static void evaluate (solver *s) {
  s->cur++;
  weights (s);
  for (size_t gi = s->ngrp; gi-- > 0;) {
    const group *gr = &s->grp[gi];
    if (gr->who == 0) {
      bool rel = false;
      for (uint32_t j = 0; j < gr->count && !rel; j++) rel = mpq_sgn (s->w1[s->gnodes[gr->start + j]]) != 0;
      s->relevant[gi] = rel;
      continue;
    }
    follower_decide (s, gr, gi);
  }
  value (s, 0, 0);
}

static void alloc_enum (solver *s) {
  size_t nn = s->nn, maxd = 2, maxg = 1;
  for (size_t i = 0; i < s->ngrp; i++) {
    if (s->grp[i].d > maxd) maxd = s->grp[i].d;
    if (s->grp[i].count > maxg) maxg = s->grp[i].count;
  }
  s->w1 = mem_alloc (nn * sizeof *s->w1), s->w2 = mem_alloc (nn * sizeof *s->w2);
  for (size_t i = 0; i < nn; i++) mpq_init (s->w1[i]), mpq_init (s->w2[i]);
  for (int k = 0; k < 2; k++) {
    s->vl[k] = mem_alloc (nn * sizeof *s->vl[k]), s->vf[k] = mem_alloc (nn * sizeof *s->vf[k]);
    for (size_t i = 0; i < nn; i++) mpq_init (s->vl[k][i]), mpq_init (s->vf[k][i]);
    s->stamp[k] = mem_calloc (nn, sizeof *s->stamp[k]);
    s->dec[k] = mem_calloc (s->ngrp + 1, sizeof *s->dec[k]);
  }
  s->relevant = mem_calloc (s->ngrp + 1, sizeof *s->relevant);
  size_t nq = 2 * (maxd + 1);
  s->qf = mem_alloc (nq * sizeof *s->qf), s->ql = mem_alloc (nq * sizeof *s->ql), s->ql0 = mem_alloc (nq * sizeof *s->ql0);
  for (size_t i = 0; i < nq; i++) mpq_init (s->qf[i]), mpq_init (s->ql[i]), mpq_init (s->ql0[i]);
  s->mu = mem_alloc (maxg * sizeof *s->mu);
  for (size_t i = 0; i < maxg; i++) mpq_init (s->mu[i]);
}

static void free_enum (solver *s) {
  if (!s->w1) return;
  size_t nn = s->nn, maxd = 2, maxg = 1;
  for (size_t i = 0; i < s->ngrp; i++) {
    if (s->grp[i].d > maxd) maxd = s->grp[i].d;
    if (s->grp[i].count > maxg) maxg = s->grp[i].count;
  }
  for (size_t i = 0; i < nn; i++) mpq_clear (s->w1[i]), mpq_clear (s->w2[i]);
  free (s->w1), free (s->w2);
  for (int k = 0; k < 2; k++) {
    for (size_t i = 0; i < nn; i++) mpq_clear (s->vl[k][i]), mpq_clear (s->vf[k][i]);
    free (s->vl[k]), free (s->vf[k]), free (s->stamp[k]), free (s->dec[k]);
  }
  free (s->relevant);
  size_t nq = 2 * (maxd + 1);
  for (size_t i = 0; i < nq; i++) mpq_clear (s->qf[i]), mpq_clear (s->ql[i]), mpq_clear (s->ql0[i]);
  free (s->qf), free (s->ql), free (s->ql0);
  for (size_t i = 0; i < maxg; i++) mpq_clear (s->mu[i]);
  free (s->mu);
}

/* Enumerates the leader's policies; on success s->dec holds the chosen
 * profile, evaluated. Returns false when a limit was hit (s->stop or the
 * policy limit: *policies > max). */
static bool enumerate (solver *s, uint64_t *policies, mpq_t bl, mpq_t bf) {
  alloc_enum (s);
  size_t ng = s->ngrp;
  int *best = mem_alloc ((ng + 1) * sizeof *best);
  bool have = false, ok = true;
  *policies = 0;
  for (size_t i = 0; i < ng; i++) s->dec[0][i] = 0;
  for (;;) {
    if (s->opt->max_policies && *policies >= s->opt->max_policies) {
      ok = false;
      break;
    }
    if ((*policies & 63) == 0 && limits_expired (&s->opt->limits)) {
      s->stop = 1, ok = false;
      break;
    }
    (*policies)++;
    evaluate (s);
    s->nodes += s->nn;
    if (s->opt->limits.max_nodes && s->nodes > s->opt->limits.max_nodes) {
      s->stop = 2, ok = false;
      break;
    }
    int c = have ? mpq_cmp (s->vl[0][0], bl) : 1;
    if (c > 0 || (c == 0 && mpq_cmp (s->vf[0][0], bf) > 0)) {
      have = true;
      mpq_set (bl, s->vl[0][0]), mpq_set (bf, s->vf[0][0]);
      for (size_t i = 0; i < ng; i++) best[i] = s->grp[i].who == 0 ? s->dec[0][i] : 0;
    }
    /* next policy: the last relevant digit that can still grow */
    size_t i = ng;
    while (i-- > 0)
      if (s->grp[i].who == 0 && s->relevant[i] && (unsigned) s->dec[0][i] + 1 < s->grp[i].d) break;
    if (i == (size_t) -1) break;
    s->dec[0][i]++;
    for (size_t j = i + 1; j < ng; j++)
      if (s->grp[j].who == 0) s->dec[0][j] = 0;
  }
  if (ok) {
    for (size_t i = 0; i < ng; i++)
      if (s->grp[i].who == 0) s->dec[0][i] = best[i];
    evaluate (s);
  }
  free (best);
  return ok;
}

/* ---- achievable pairs: the profile on the explicit tree -------------- */

/* Node i's set from its children (explicit tree; fix: the leader's fixed
 * action or -1). */
static void pairs_node (solver *s, pairs_set *S, const int *fix, uint32_t i) {
  const tnode *nd = &s->n[i];
  if (nd->kind == T_LEAF) {
    S[i].n = 0;
    pairs_set_add (&S[i], s->rew[2 * nd->aux + 1], s->rew[2 * nd->aux]);
    return;
  }
  const pairs_set *kp = &S[nd->kid0];
  if (nd->who == 0 && fix[i] >= 0) pairs_leader (&S[i], kp + fix[i], 1);
  else if (nd->who == 0) pairs_leader (&S[i], kp, nd->nkids);
  else pairs_follower (&S[i], kp, nd->nkids, s->opt->tie, nd->xt);
}

/* Rebuilds the smallest optimal policy on the explicit tree; fills s->dec
 * (groups are single nodes here: perfect information). */
static void pairs_profile (solver *s, const mpq_t tf, const mpq_t tl) {
  pairs_set *S = mem_alloc (s->nn * sizeof *S);
  int *fix = mem_alloc (s->nn * sizeof *fix);
  for (size_t i = 0; i < s->nn; i++) pairs_set_init (&S[i]), fix[i] = -1;
  for (size_t i = s->nn; i-- > 0;) pairs_node (s, S, fix, (uint32_t) i);
  size_t nl;
  uint32_t *lead = sorted_dec (s, true, false, &nl);
  for (size_t q = 0; q < nl; q++) {
    uint32_t i = lead[q];
    unsigned a;
    for (a = 0; a < s->n[i].nkids; a++) {
      fix[i] = (int) a;
      for (uint32_t j = i;; j = s->n[j].parent) {
        pairs_node (s, S, fix, j);
        if (j == 0) break;
      }
      if (pairs_set_has (&S[0], tf, tl)) break;
    }
    INVARIANT (a < s->n[i].nkids, "the pairs reconstruction lost the target");
  }
  /* every set is now a single pair; the follower picks by the tie order */
  for (size_t i = 0; i < s->nn; i++) {
    const tnode *nd = &s->n[i];
    if (nd->kind != T_DEC) continue;
    if (nd->who == 0) {
      s->dec[0][nd->aux] = fix[i];
      continue;
    }
    unsigned b = 0;
    for (unsigned a = 1; a < nd->nkids; a++) {
      const pairs_set *pa = &S[nd->kid0 + a], *pb = &S[nd->kid0 + b];
      if (pairs_beats (s->opt->tie, nd->xt, a, pa->v[0], pa->v[1], b, pb->v[0], pb->v[1])) b = a;
    }
    s->dec[0][nd->aux] = (int) b;
  }
  for (size_t i = 0; i < s->nn; i++) pairs_set_clear (&S[i]);
  free (S), free (fix), free (lead);
}

/* ---- reporting ------------------------------------------------------- */

/* The layer each stage is reported at. SSE and satisficing leaders: as SPE
 * (2 when allowed). S-CNE and satisficing followers: the lowest allowed
 * layer whose policy set contains the chosen policy on the positive-
 * probability (o, x~) (DESIGN §3.4). */
static void report_layers (solver *s, game_profile *p) {
  const game *g = s->g;
  size_t nn = s->nn;
  bool *pos = mem_calloc (nn + 1, sizeof *pos);
  pos[0] = true;
  for (size_t i = 0; i < nn; i++) {
    const tnode *nd = &s->n[i];
    if (!pos[i] || nd->kind == T_LEAF) continue;
    for (unsigned a = 0; a < nd->nkids; a++) {
      if (nd->kind == T_CHANCE) pos[nd->kid0 + a] = mpq_sgn (g->vars[nd->var].prior[a]) != 0;
      else pos[nd->kid0 + a] = (int) a == node_action (s, 0, nd);
    }
  }
  for (unsigned t = 1; t <= g->nstages; t++) {
    const game_var *x = game_stage (g, t);
    unsigned L = x->layers;
    game_policy *pol = &p->pol[t - 1];
    if (!has_choice (x)) {
      pol->layer = 1;
      continue;
    }
    bool lowest = s->opt->concept == SSE_CONCEPT_SCNE ||
                  (s->opt->concept == SSE_CONCEPT_SATISFICING && x->player == s->F);
    if (!lowest) {
      pol->layer = (L & GAME_L2) ? 2 : 3;
      continue;
    }
    size_t no = 1;
    for (unsigned i = 0; i < x->nobs; i++) no *= g->vars[x->obs[i]].domain;
    int *seen = mem_alloc (no * sizeof *seen);
    for (size_t i = 0; i < no; i++) seen[i] = PROFILE_NONE;
    bool l1 = true, l2 = true;
    for (size_t i = 0; i < nn; i++) {
      const tnode *nd = &s->n[i];
      if (!pos[i] || nd->kind != T_DEC || nd->stage != t) continue;
      int a = node_action (s, 0, nd);
      if (a != nd->xt) l1 = false;
      if (seen[nd->oidx] == PROFILE_NONE) seen[nd->oidx] = a;
      else if (seen[nd->oidx] != a) l2 = false;
    }
    free (seen);
    pol->layer = (L & GAME_L1) && l1 ? 1 : (L & GAME_L2) && l2 ? 2 : (L & GAME_L3) ? 3 : (L & GAME_L2) ? 2 : 1;
  }
  free (pos);
}

static game_profile *make_profile (solver *s) {
  const game *g = s->g;
  game_profile *p = profile_new (g, 0);
  for (unsigned t = 1; t <= g->nstages; t++)
    if (s->tres[t]) profile_set_intuition (g, p, t, true);
  for (size_t i = 0; i < s->nn; i++) {
    const tnode *nd = &s->n[i];
    if (nd->kind != T_DEC) continue;
    game_policy *pol = &p->pol[nd->stage - 1];
    size_t idx = s->tres[nd->stage] ? nd->oidx * g->vars[nd->var].domain + (size_t) nd->xt : nd->oidx;
    pol->act[idx] = node_action (s, 0, nd);
  }
  report_layers (s, p);
  return p;
}

/* Profile entries needed at the chosen table resolutions. */
static size_t needed_entries (const solver *s) {
  const game *g = s->g;
  size_t total = 0;
  for (unsigned t = 1; t <= g->nstages; t++) {
    const game_var *x = game_stage (g, t);
    size_t n = 1;
    for (unsigned i = 0; i < x->nobs; i++) {
      unsigned d = g->vars[x->obs[i]].domain;
      if (n > SIZE_MAX / 64) return SIZE_MAX;
      n *= d;
    }
    if (s->tres[t]) n *= x->domain;
    if (total > SIZE_MAX - n) return SIZE_MAX;
    total += n;
  }
  return total;
}

/* ---- driver ------------------------------------------------------------ */

static void free_solver (solver *s) {
  free_enum (s);
  for (size_t i = 0; i < 2 * s->nleaves; i++) mpq_clear (s->rew[i]);
  free (s->rew), free (s->n), free (s->grp), free (s->gnodes);
  free (s->kres), free (s->tres), free (s->inst_ok), free (s->vals);
  mpq_clear (s->t1), mpq_clear (s->t2), mpq_clear (s->t3), mpq_clear (s->eps);
  mpq_clear (s->rw[0]), mpq_clear (s->rw[1]);
}

static void finish_profile (solver *s, game_solution *sol) {
  const game *g = s->g;
  game_profile *p = make_profile (s);
  mpq_t r[2];
  mpq_init (r[0]), mpq_init (r[1]);
  unsigned missing = 0;
  bool ok = profile_evaluate (g, p, r, &sol->outcomes, s->opt->max_outcomes, &missing);
  ok = ok && mpq_equal (r[s->L], sol->reward[s->L]) && mpq_equal (r[s->F], sol->reward[s->F]);
  mpq_clear (r[0]), mpq_clear (r[1]);
  INVARIANT (ok, "the %s profile does not reproduce its value (stage %u)", sol->concept, missing);
  sol->profile = p;
}

/* Rejects what the concepts do not support (see sse.h). */
static bool supported (const game *g, const sse_options *opt, scnfg_error *err) {
  if (!two_players (g, err)) return false;
  if (opt->concept == SSE_CONCEPT_SATISFICING && mpq_sgn (opt->eps) < 0)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "satisficing needs eps >= 0");
  if (opt->concept == SSE_CONCEPT_SCNE)
    for (unsigned t = 1; t <= g->nstages; t++) {
      const game_var *x = game_stage (g, t);
      if (x->layers == (GAME_L1 | GAME_L2) && game_stage_confounded (g, t))
        return error_set (err, ERROR_INPUT, g->file, x->line, 0,
                          "S-CNE: stage %u (action '%s') allows layers {1,2} and its instinct reads a variable it "
                          "does not observe: the layer choice is not a per-information-set choice (unsupported)",
                          t, x->id);
    }
  return true;
}

static void solver_init (solver *s, const game *g, const sse_options *opt) {
  unsigned T = g->nstages;
  memset (s, 0, sizeof *s);
  s->g = g, s->opt = opt;
  s->L = g->leader, s->F = 1 - g->leader;
  s->vals = mem_calloc (g->nvars + 1, sizeof *s->vals);
  s->kres = mem_calloc (T + 2, sizeof *s->kres);
  s->tres = mem_calloc (T + 2, sizeof *s->tres);
  s->inst_ok = mem_calloc (T + 2, sizeof *s->inst_ok);
  mpq_init (s->t1), mpq_init (s->t2), mpq_init (s->t3), mpq_init (s->eps);
  mpq_init (s->rw[0]), mpq_init (s->rw[1]);
  mpq_set (s->eps, opt->eps);
  for (unsigned t = 1; t <= T; t++) {
    const game_var *x = game_stage (g, t);
    bool fol = x->player == s->F;
    if (opt->concept == SSE_CONCEPT_SCNE) s->kres[t] = s->tres[t] = (x->layers & GAME_L3) != 0;
    if (opt->concept == SSE_CONCEPT_SATISFICING && fol) {
      s->inst_ok[t] = (x->layers & (GAME_L1 | GAME_L3)) || !game_stage_confounded (g, t);
      s->tres[t] = s->inst_ok[t];
    }
  }
}

static void set_stopped (const solver *s, game_solution *sol) {
  sol->status = GAME_UNKNOWN;
  snprintf (sol->reason, sizeof sol->reason, "%s", s->stop == 1 ? "timeout" : "node limit");
}

static void set_not_stored (const sse_options *opt, game_solution *sol) {
  snprintf (sol->reason, sizeof sol->reason, "profile not stored: over %zu information sets", opt->max_profile);
}

/* The pairs engine: values depth-first, then (if wanted and it fits) the
 * profile rebuilt on the explicit tree. */
static void solve_pairs (solver *s, game_solution *sol, bool want_profile) {
  const sse_options *opt = s->opt;
  pairs_walk_opts wo = {.tie = opt->tie, .unpruned = opt->unpruned, .cache_bytes = opt->cache_bytes,
                        .limits = &opt->limits};
  mpq_t tf, tl;
  mpq_init (tf), mpq_init (tl);
  s->stop = pairs_walk (s->g, &wo, tf, tl, &s->nodes, opt->stats);
  sol->nodes = s->nodes;
  if (s->stop) set_stopped (s, sol);
  else {
    mpq_set (sol->reward[s->F], tf), mpq_set (sol->reward[s->L], tl);
    mpq_add (sol->welfare, sol->reward[0], sol->reward[1]);
    sol->status = GAME_SOLVED;
    if (!want_profile) set_not_stored (opt, sol);
    else {
      /* the explicit tree, if it fits (counted first: the pruned walk visits fewer nodes) */
      if (!opt->max_tree || count_tree (s, 0, opt->max_tree) <= opt->max_tree) build (s, 0, new_nodes (s, 1));
      else s->overflow = true;
      if (s->overflow)
        snprintf (sol->reason, sizeof sol->reason, "profile not stored: game tree over %zu nodes", opt->max_tree);
      else {
        make_groups (s);
        s->dec[0] = mem_calloc (s->ngrp + 1, sizeof *s->dec[0]);
        pairs_profile (s, tf, tl);
        finish_profile (s, sol);
        free (s->dec[0]);
        s->dec[0] = NULL;
      }
    }
  }
  mpq_clear (tf), mpq_clear (tl);
}

/* The enumeration engine on the explicit tree. */
static void solve_enumerate (solver *s, game_solution *sol, bool want_profile) {
  const sse_options *opt = s->opt;
  build (s, 0, new_nodes (s, 1));
  if (s->overflow) {
    sol->status = GAME_UNKNOWN;
    snprintf (sol->reason, sizeof sol->reason, "tree limit: game tree over %zu nodes", opt->max_tree);
    return;
  }
  make_groups (s);
  uint64_t np = 0;
  mpq_t bl, bf;
  mpq_init (bl), mpq_init (bf);
  bool ok = enumerate (s, &np, bl, bf);
  sol->nodes = s->nodes;
  sol->leaves = np;
  if (ok) {
    sol->status = GAME_SOLVED;
    mpq_set (sol->reward[s->L], s->vl[0][0]), mpq_set (sol->reward[s->F], s->vf[0][0]);
    mpq_add (sol->welfare, sol->reward[0], sol->reward[1]);
    if (want_profile) finish_profile (s, sol);
    else set_not_stored (opt, sol);
  } else if (s->stop) set_stopped (s, sol);
  else {
    sol->status = GAME_UNKNOWN;
    snprintf (sol->reason, sizeof sol->reason, "policy limit: more than %llu leader policies",
              (unsigned long long) opt->max_policies);
  }
  mpq_clear (bl), mpq_clear (bf);
}

bool sse_solve (const game *g, const sse_options *opt, game_solution *sol, scnfg_error *err) {
  char cname[24];
  snprintf (cname, sizeof cname, "%s%s", sse_concept_name (opt->concept),
            opt->concept == SSE_CONCEPT_SATISFICING && opt->robust ? "-robust" : "");
  profile_solution_init (sol, g, cname, opt->tie);
  if (!supported (g, opt, err)) return false;
  double t0 = limits_now ();
  if (opt->stats) memset (opt->stats, 0, sizeof *opt->stats);
  solver s;
  solver_init (&s, g, opt);
  bool pairs = opt->method == SSE_METHOD_AUTO && opt->concept != SSE_CONCEPT_SATISFICING && !game_has_chance (g) &&
               game_is_perfect_info (g);
  bool want_profile = opt->max_profile && needed_entries (&s) <= opt->max_profile;
  if (pairs) solve_pairs (&s, sol, want_profile);
  else solve_enumerate (&s, sol, want_profile);
  if (sol->status == GAME_SOLVED && opt->concept == SSE_CONCEPT_SATISFICING && !sol->reason[0]) {
    char *e = rat_to_str (opt->eps);
    snprintf (sol->reason, sizeof sol->reason, "eps %s", e);
    free (e);
  }
  sol->seconds = limits_now () - t0;
  free_solver (&s);
  return true;
}
