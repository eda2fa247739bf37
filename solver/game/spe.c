/* Subgame-perfect equilibrium by backward induction (Zermelo; Kuhn 1953;
 * Selten 1965) over the expanded tree of a perfect-information S-CNFG.
 *
 * The tree is walked depth-first along the game's fixing order (g->order):
 * exogenous variables are chance nodes (every value is solved, the
 * zero-probability ones too, and the expectation weights them by the prior),
 * endogenous variables are computed on the way, an inactive stage takes 0,
 * a stage whose only layer is 1 plays its instinct, and every other stage is
 * a choice of its owner, resolved with the tie-breaks of DESIGN §3. Memory is
 * two reward vectors per level: it grows with the number of variables, not
 * with the tree.
 *
 * Pruning (opt->prune; Knuth & Moore 1975, "An analysis of alpha-beta
 * pruning", reduced to its 0/1 case, as in the DPLL reading of QBF search):
 * in a win/lose game (two players, leader's reward 0/1 on every outcome,
 * follower's 1 minus it) every value vector is (v, 1 - v) with v in [0,1]
 * (v is a probability once chance nodes are there), so a mover that has
 * found an action giving it 1 cannot do better, and we stop. Exactness of
 * the choice, not only of the value: actions are still explored in index
 * order and compared with better(). For the leader, a later action can
 * replace the current best only with a higher leader value or, on a tie,
 * a higher follower value — and on a tie the follower value is equal
 * (constant sum), so nothing later replaces an action of value 1. For the
 * follower under strong/weak, a tie in its value is a tie in the leader's
 * (constant sum), so strong and weak both keep the lower index, as lex does.
 * Under instinct-* the instinct wins a tie even when it comes later, so the
 * follower stops only once its instinct has been explored (then a later tie
 * cannot replace the current best: better() keeps an explored instinct and
 * otherwise falls back to the index order). Hence the pruned search picks
 * the same action at every explored choice node and returns the same value.
 * Chance nodes are never pruned.
 *
 * Cache (opt->cache_bytes): values of subgames keyed by their residual state,
 * solver/game/specache.c (which argues that equal keys mean identical
 * subgames). Used only without a stored profile. */
#include "solver/game/spe.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"
#include "solver/model/game.h"
#include "solver/model/pdag.h"
#include "solver/game/specache.h"

/* The cache is consulted only above this many remaining branching levels:
 * below, computing the key costs more than the subtree. */
#define SPE_CACHE_MIN_LEVELS 3

void spe_options_init (spe_options *o) {
  memset (o, 0, sizeof *o);
  o->tie = GAME_TIE_STRONG;
  limits_init (&o->limits);
  o->max_profile = (size_t) 1 << 20;
  o->max_outcomes = 1000;
}

typedef struct spe {
  const game *g;
  const spe_options *opt;
  unsigned np;
  int leader;
  int *vals;
  mpq_t *scratch;   /* per level: best[np], child[np] */
  mpq_t tmp, fa, fb;
  game_profile *prof;
  uint64_t nodes, leaves, cutoffs;
  bool prune, check_wl, instinct_ties;
  specache *cache;
  pdag *dag;        /* recording the winner's policy (opt->policy when it applies) */
  unsigned *levels; /* levels[k]: branching variables at positions >= k */
  int stop;         /* 0, 1 timeout, 2 node limit, 3 declared win/lose broken */
  int *bad;         /* stop 3: a copy of the offending outcome */
} spe;

static void leaf (spe *s, mpq_t *out) {
  const game *g = s->g;
  for (unsigned p = 0; p < s->np; p++) mpq_set_ui (out[p], 0, 1);
  for (unsigned k = g->nfixed; k < g->nvars; k++) {
    const game_var *x = &g->vars[g->order[k]];
    if (x->expr->integral) {
      long v = game_eval (x->expr, s->vals);
      if (v) {
        mpq_set_si (s->tmp, v, 1);
        mpq_add (out[x->player], out[x->player], s->tmp);
      }
    } else {
      game_eval_q (s->tmp, x->expr, s->vals);
      mpq_add (out[x->player], out[x->player], s->tmp);
    }
  }
}

/* Sum of the players' rewards other than p. */
static void others (spe *s, mpq_t out, const mpq_t *v, int p) {
  mpq_set_ui (out, 0, 1);
  for (unsigned i = 0; i < s->np; i++)
    if ((int) i != p) mpq_add (out, out, v[i]);
}

/* True iff action a (values c) replaces the current best action b (values
 * best) for mover p; inst is the mover's instinct. Actions come in index
 * order, so "keep" means the lower index. */
static bool better (spe *s, int p, const mpq_t *c, int a, const mpq_t *best, int b, int inst) {
  int cmp = mpq_cmp (c[p], best[p]);
  if (cmp) return cmp > 0;
  if (p == s->leader) {
    others (s, s->fa, c, p);
    others (s, s->fb, best, p);
    return mpq_cmp (s->fa, s->fb) > 0;
  }
  game_tie t = s->opt->tie;
  if (t >= GAME_TIE_INSTINCT_STRONG) {
    if (a == inst) return true;
    if (b == inst) return false;
    t = (game_tie) (t - GAME_TIE_INSTINCT_STRONG);
  }
  int l = mpq_cmp (c[s->leader], best[s->leader]);
  if (t == GAME_TIE_STRONG) return l > 0;
  if (t == GAME_TIE_WEAK) return l < 0;
  (void) a, (void) b;
  return false;
}

static bool win_lose_vector (spe *s, const mpq_t *v) {
  int f = 1 - s->leader;
  if (mpq_sgn (v[s->leader]) != 0 && mpq_cmp_ui (v[s->leader], 1, 1) != 0) return false;
  mpq_add (s->fa, v[s->leader], v[f]);
  return mpq_cmp_ui (s->fa, 1, 1) == 0;
}

/* True iff the best value vector gives mover p its extreme (win/lose). */
static bool extreme (const spe *s, int p, const mpq_t *best) {
  return p == s->leader ? mpq_cmp_ui (best[s->leader], 1, 1) == 0 : mpq_sgn (best[s->leader]) == 0;
}

static int choose (spe *s, unsigned k, mpq_t *out);

/* ---- win/lose detection ---------------------------------------------- */

static bool expr_same (const game_expr *a, const game_expr *b) {
  if (a->op != b->op || a->nkids != b->nkids) return false;
  switch (a->op) {
  case GAME_CONST: return mpq_equal (a->q, b->q);
  case GAME_VAR: return a->var == b->var;
  case GAME_EQ: return a->var == b->var && a->k == b->k;
  case GAME_TABLE:
    if (a->nparents != b->nparents || a->nentries != b->nentries || !a->ivals != !b->ivals) return false;
    for (unsigned i = 0; i < a->nparents; i++)
      if (a->parents[i] != b->parents[i]) return false;
    for (size_t i = 0; i < a->nentries; i++)
      if (a->ivals ? a->ivals[i] != b->ivals[i] : !mpq_equal (a->qvals[i], b->qvals[i])) return false;
    return true;
  default: break;
  }
  for (unsigned i = 0; i < a->nkids; i++)
    if (!expr_same (a->kids[i], b->kids[i])) return false;
  return true;
}

static bool is01q (const mpq_t q) { return mpq_sgn (q) == 0 || mpq_cmp_ui (q, 1, 1) == 0; }

/* True iff e takes only the values 0 and 1 (as a utility expression). */
static bool bool01 (const game *g, const game_expr *e) {
  switch (e->op) {
  case GAME_NOT:
  case GAME_AND:
  case GAME_OR:
  case GAME_XOR:
  case GAME_EQ: return true;
  case GAME_CONST: return is01q (e->q);
  case GAME_VAR: return g->vars[e->var].domain == 2;
  case GAME_ITE: return bool01 (g, e->kids[1]) && bool01 (g, e->kids[2]);
  case GAME_PROD:
    for (unsigned i = 0; i < e->nkids; i++)
      if (!bool01 (g, e->kids[i])) return false;
    return true;
  case GAME_TABLE:
    for (size_t i = 0; i < e->nentries; i++)
      if (e->ivals ? e->ivals[i] != 0 && e->ivals[i] != 1 : !is01q (e->qvals[i])) return false;
    return true;
  case GAME_SUM: return false;
  }
  return false;
}

bool spe_win_lose (const game *g) {
  if (g->nplayers != 2 || g->leader < 0) return false;
  const game_expr *u[2] = {NULL, NULL};
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *x = &g->vars[i];
    if (x->kind != GAME_UTILITY) continue;
    if (u[x->player]) return false;
    u[x->player] = x->expr;
  }
  const game_expr *l = u[g->leader], *f = u[1 - g->leader];
  if (!l || !f || !bool01 (g, l)) return false;
  if (f->op == GAME_NOT && expr_same (f->kids[0], l)) return true;
  return l->op == GAME_NOT && bool01 (g, f) && expr_same (l->kids[0], f);
}

/* Solves the subgame at position k into out; returns its policy DAG node
 * (PDAG_ANY without a DAG). */
static int solve (spe *s, unsigned k, mpq_t *out) {
  const game *g = s->g;
  if (s->stop) return PDAG_ANY;
  if ((s->stop = limits_poll (&s->opt->limits, ++s->nodes))) return PDAG_ANY;
  k = game_advance_forced (g, k, s->vals, NULL);
  if (k == g->nfixed) {
    s->leaves++;
    leaf (s, out);
    if (s->check_wl && !win_lose_vector (s, out)) {
      s->stop = 3;
      memcpy (s->bad, s->vals, g->nvars * sizeof *s->vals);
    }
    return PDAG_ANY;
  }
  bool cached = false;
  int tag = PDAG_ANY;
  if (s->cache && s->levels[k] >= SPE_CACHE_MIN_LEVELS) {
    if (specache_key (s->cache, k, s->vals, out)) return PDAG_ANY; /* the rewards no longer depend on the future */
    if (specache_lookup_tag (s->cache, k, out, &tag)) return tag;
    cached = true;
  }
  tag = choose (s, k, out);
  if (cached && !s->stop) specache_store_tag (s->cache, k, (const mpq_t *) out, tag);
  return tag;
}

/* The winner's node at a choice of p at variable v: its own choice if p wins
 * the subgame (value best), else a branch over p's actions (all explored:
 * no action reached p's extreme, so nothing was pruned). */
static int record (spe *s, int v, int p, int ba, int bn, const int *kid, const mpq_t *best) {
  int winner = mpq_cmp_ui (best[s->leader], 1, 1) == 0 ? s->leader : 1 - s->leader;
  if (p == winner) return pdag_choice (s->dag, v, ba, bn);
  return pdag_branch (s->dag, v, kid[0], kid[1]);
}

/* The branching variable at position k (not a leaf): chance or choice. */
static int choose (spe *s, unsigned k, mpq_t *out) {
  const game *g = s->g;
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t *child = s->scratch + (size_t) (2 * k + 1) * s->np;
  if (x->kind == GAME_EXOGENOUS) {
    for (unsigned p = 0; p < s->np; p++) mpq_set_ui (out[p], 0, 1);
    for (unsigned a = 0; a < x->domain; a++) {
      s->vals[v] = (int) a;
      solve (s, k + 1, child);
      if (s->stop) return PDAG_ANY;
      if (mpq_sgn (x->prior[a]) == 0) continue;
      for (unsigned p = 0; p < s->np; p++) mpq_mul (s->tmp, child[p], x->prior[a]), mpq_add (out[p], out[p], s->tmp);
    }
    return PDAG_ANY; /* no DAG in games with chance */
  }
  /* a choice of x->player */
  int p = x->player, inst = game_instinct (g, v, s->vals), ba = -1, bn = PDAG_ANY, kid[2] = {PDAG_ANY, PDAG_ANY};
  mpq_t *best = s->scratch + (size_t) (2 * k) * s->np;
  for (unsigned a = 0; a < x->domain; a++) {
    s->vals[v] = (int) a;
    int n = solve (s, k + 1, child);
    if (s->stop) return PDAG_ANY;
    if (a < 2) kid[a] = n;
    if (ba < 0 || better (s, p, child, (int) a, best, ba, inst)) {
      ba = (int) a, bn = n;
      for (unsigned i = 0; i < s->np; i++) mpq_swap (best[i], child[i]);
    }
    if (s->prune && a + 1 < x->domain && extreme (s, p, best) &&
        (p == s->leader || !s->instinct_ties || inst <= (int) a)) {
      s->cutoffs++;
      break;
    }
  }
  s->vals[v] = ba;
  if (s->prof) {
    game_policy *pol = &s->prof->pol[x->stage - 1];
    pol->act[profile_index (pol, s->vals, 0)] = ba;
  }
  for (unsigned i = 0; i < s->np; i++) mpq_set (out[i], best[i]);
  return s->dag ? record (s, v, p, ba, bn, kid, (const mpq_t *) best) : PDAG_ANY;
}

/* True iff the policy DAG applies to g: win/lose, no chance, binary choices. */
static bool dag_applies (const game *g, bool wl) {
  if (!wl) return false;
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *x = &g->vars[i];
    if (x->kind == GAME_EXOGENOUS || (x->kind == GAME_ACTION && x->layers != GAME_L1 && x->domain != 2)) return false;
  }
  return true;
}

bool spe_solve (const game *g, const spe_options *opt, game_solution *sol, scnfg_error *err) {
  profile_solution_init (sol, g, "spe", opt->tie);
  if (!game_is_perfect_info (g)) {
    for (unsigned t = 1; t <= g->nstages; t++) {
      const game_var *v = game_stage (g, t);
      for (unsigned i = 0; i < g->nvars; i++) {
        const game_var *w = &g->vars[i];
        bool need = (w->kind == GAME_ACTION && w->stage < t) || (w->kind == GAME_EXOGENOUS && w->position <= t);
        bool seen = false;
        for (unsigned j = 0; j < v->nobs; j++) seen |= v->obs[j] == (int) i;
        if (need && !seen)
          return error_set (err, ERROR_INPUT, g->file, v->line, 0,
                            "SPE needs a perfect-information game: stage %u (action '%s') does not observe '%s'", t,
                            v->id, w->id);
      }
    }
  }
  double t0 = limits_now ();
  spe s;
  memset (&s, 0, sizeof s);
  s.g = g;
  s.opt = opt;
  s.np = g->nplayers;
  s.leader = g->leader;
  s.vals = mem_calloc (g->nvars + 1, sizeof *s.vals);
  size_t ns = (size_t) (2 * g->nfixed + 2) * s.np;
  s.scratch = mem_alloc (ns * sizeof *s.scratch);
  for (size_t i = 0; i < ns; i++) mpq_init (s.scratch[i]);
  mpq_init (s.tmp), mpq_init (s.fa), mpq_init (s.fb);
  size_t need = profile_size (g);
  if (opt->max_profile && need <= opt->max_profile) {
    s.prof = profile_new (g, 0);
    for (unsigned t = 1; t <= g->nstages; t++) {
      unsigned L = game_stage (g, t)->layers;
      s.prof->pol[t - 1].layer = L == GAME_L1 ? 1 : (L & GAME_L2) ? 2 : 3;
    }
  } else {
    snprintf (sol->reason, sizeof sol->reason, "profile not stored: %zu information sets over the limit %zu",
              need, opt->max_profile);
  }
  bool detected = spe_win_lose (g);
  bool wl = detected || (opt->win_lose && s.np == 2);
  s.check_wl = wl && !detected;
  s.prune = opt->prune && wl;
  s.instinct_ties = opt->tie >= GAME_TIE_INSTINCT_STRONG;
  if (s.check_wl) s.bad = mem_alloc ((g->nvars + 1) * sizeof *s.bad);
  s.levels = mem_calloc (g->nfixed + 1, sizeof *s.levels);
  for (unsigned k = g->nfixed; k-- > 0;) {
    const game_var *x = &g->vars[g->order[k]];
    s.levels[k] = s.levels[k + 1] + (x->kind == GAME_EXOGENOUS || (x->kind == GAME_ACTION && x->layers != GAME_L1));
  }
  if (opt->cache_bytes && !s.prof) s.cache = specache_new (g, s.instinct_ties, opt->cache_bytes);
  if (opt->policy && dag_applies (g, wl)) s.dag = opt->policy;
  mpq_t *root = mem_alloc (s.np * sizeof *root);
  for (unsigned i = 0; i < s.np; i++) mpq_init (root[i]);
  int root_node = solve (&s, 0, root);
  if (s.dag && !s.stop) pdag_set_root (s.dag, root_node);
  sol->nodes = s.nodes;
  sol->leaves = s.leaves;
  if (opt->stats) {
    spe_stats *st = opt->stats;
    memset (st, 0, sizeof *st);
    st->win_lose = wl;
    st->pruning = s.prune;
    st->caching = s.cache != NULL;
    st->cutoffs = s.cutoffs;
    if (s.cache) specache_get_stats (s.cache, &st->cache);
  }
  bool ok = true;
  if (s.stop == 3) {
    char buf[32], msg[160];
    size_t n = 0;
    msg[0] = 0;
    for (unsigned i = 0; i < g->nfixed && n < sizeof msg - 40; i++) {
      int v = g->order[i];
      if (g->vars[v].kind == GAME_ENDOGENOUS) continue;
      n += (size_t) snprintf (msg + n, sizeof msg - n, "%s%s=%s", n ? " " : "", g->vars[v].id,
                              game_value_label (g, v, s.bad[v], buf, sizeof buf));
    }
    ok = error_set (err, ERROR_INPUT, g->file, 0, 0, "declared win/lose, but the outcome %s is not (rewards %s)", msg,
                    "not 0/1 and 1 minus it");
    profile_free (s.prof);
    sol->status = GAME_UNKNOWN;
    snprintf (sol->reason, sizeof sol->reason, "not win/lose");
  } else if (s.stop) {
    sol->status = GAME_UNKNOWN;
    snprintf (sol->reason, sizeof sol->reason, "%s", s.stop == 1 ? "timeout" : "node limit");
    profile_free (s.prof);
  } else {
    sol->status = GAME_SOLVED;
    mpq_set_ui (sol->welfare, 0, 1);
    for (unsigned i = 0; i < s.np; i++) mpq_set (sol->reward[i], root[i]), mpq_add (sol->welfare, sol->welfare, root[i]);
    sol->profile = s.prof;
    if (s.prof && s.cutoffs)
      snprintf (sol->reason, sizeof sol->reason, "profile partial: %llu pruned choices (win/lose pruning)",
                (unsigned long long) s.cutoffs);
    if (s.prof) {
      /* the outcome distribution of the profile (and a self-check of its value) */
      mpq_t *r = mem_alloc (s.np * sizeof *r);
      for (unsigned i = 0; i < s.np; i++) mpq_init (r[i]);
      bool same = profile_evaluate (g, s.prof, r, &sol->outcomes, opt->max_outcomes, NULL);
      for (unsigned i = 0; i < s.np; i++) same = same && mpq_equal (r[i], root[i]), mpq_clear (r[i]);
      free (r);
      INVARIANT (same, "the spe profile does not reproduce its value");
    }
  }
  sol->seconds = limits_now () - t0;
  specache_free (s.cache);
  free (s.levels), free (s.bad);
  for (unsigned i = 0; i < s.np; i++) mpq_clear (root[i]);
  free (root);
  for (size_t i = 0; i < ns; i++) mpq_clear (s.scratch[i]);
  free (s.scratch);
  mpq_clear (s.tmp), mpq_clear (s.fa), mpq_clear (s.fb);
  free (s.vals);
  return ok;
}
