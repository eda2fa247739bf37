/* SPE checker by the one-shot deviation principle: in a finite perfect-
 * information game a pure profile is subgame perfect iff no mover gains by
 * changing its action at one history and following the profile afterwards.
 * The profile's value is recomputed bottom-up with its own code (not the
 * finder's), every alternative at every history is evaluated exactly, and
 * the tie-break rule is re-applied to the set of best actions. */
#include "proofs/chk_spe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/rat.h"
#include "solver/model/game.h"

typedef struct chk {
  const game *g;
  const game_profile *p;
  game_tie tie;
  const scnfg_limits *lim;
  chk_spe_report *rep;
  unsigned np;
  int *vals;
  mpq_t **alt;      /* per level: domain x np values of the alternatives */
  mpq_t tmp, sa, sb;
  bool stop;
  bool failed;
} chk;

/* Records a failure if it comes before the current first one. */
static void fail (chk *c, unsigned stage, size_t idx, int played, int dev, const char *fmt, ...)
    __attribute__ ((format (printf, 6, 7)));
static void fail (chk *c, unsigned stage, size_t idx, int played, int dev, const char *fmt, ...) {
  chk_spe_report *r = c->rep;
  if (c->failed) {
    if (stage > r->stage || (stage == r->stage && idx > r->infoset) ||
        (stage == r->stage && idx == r->infoset && dev >= r->deviation))
      return;
  }
  c->failed = true;
  r->verdict = CHK_SPE_FAILED;
  r->stage = stage, r->infoset = idx, r->played = played, r->deviation = dev;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (r->msg, sizeof r->msg, fmt, ap);
  va_end (ap);
}

static void sum_others (chk *c, mpq_t out, const mpq_t *v, int p) {
  mpq_set_ui (out, 0, 1);
  for (unsigned i = 0; i < c->np; i++)
    if ((int) i != p) mpq_add (out, out, v[i]);
}

/* The action the tie-break selects among the best actions of mover p. */
static int select_action (chk *c, const game_var *x, int p, mpq_t *const *va, int inst) {
  const game *g = c->g;
  unsigned d = x->domain;
  /* best value of the mover */
  int m = 0;
  for (unsigned a = 1; a < d; a++)
    if (mpq_cmp (va[a][p], va[m][p]) > 0) m = (int) a;
  bool *best = mem_calloc (d, sizeof *best);
  for (unsigned a = 0; a < d; a++) best[a] = mpq_equal (va[a][p], va[m][p]);
  int pick = -1;
  if (p == g->leader) {
    for (unsigned a = 0; a < d; a++) {
      if (!best[a]) continue;
      if (pick < 0) {
        pick = (int) a;
        continue;
      }
      sum_others (c, c->sa, va[a], p);
      sum_others (c, c->sb, va[pick], p);
      if (mpq_cmp (c->sa, c->sb) > 0) pick = (int) a;
    }
  } else {
    game_tie t = c->tie;
    if (t >= GAME_TIE_INSTINCT_STRONG) {
      if (inst >= 0 && (unsigned) inst < d && best[inst]) pick = inst;
      t = (game_tie) (t - GAME_TIE_INSTINCT_STRONG);
    }
    for (unsigned a = 0; a < d && pick < 0; a++) {
      if (!best[a]) continue;
      int q = (int) a;
      for (unsigned b = a + 1; b < d; b++) {
        if (!best[b]) continue;
        int cmp = mpq_cmp (va[b][g->leader], va[q][g->leader]);
        if ((t == GAME_TIE_STRONG && cmp > 0) || (t == GAME_TIE_WEAK && cmp < 0)) q = (int) b;
      }
      pick = q;
    }
  }
  free (best);
  return pick;
}

static void describe (chk *c, const game_policy *pol, size_t idx, char *buf, size_t n) {
  profile_describe_infoset (c->g, pol, idx, buf, n);
}

/* Value of the profile from order position k into out. */
static void eval (chk *c, unsigned k, mpq_t *out) {
  const game *g = c->g;
  if (c->stop) return;
  c->rep->nodes++;
  if (c->lim && c->lim->max_nodes && c->rep->nodes > c->lim->max_nodes) {
    c->stop = true;
    return;
  }
  if (c->lim && (c->rep->nodes & 4095) == 0 && limits_expired (c->lim)) {
    c->stop = true;
    return;
  }
  if (k == g->nfixed) {
    game_rewards (g, c->vals, out);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  if (x->kind == GAME_ENDOGENOUS) {
    c->vals[v] = (int) game_eval (x->expr, c->vals);
    eval (c, k + 1, out);
    return;
  }
  mpq_t *row = c->alt[k];
  if (x->kind == GAME_EXOGENOUS) {
    for (unsigned p = 0; p < c->np; p++) mpq_set_ui (out[p], 0, 1);
    for (unsigned a = 0; a < x->domain && !c->stop; a++) {
      c->vals[v] = (int) a;
      eval (c, k + 1, row);
      for (unsigned p = 0; p < c->np; p++) mpq_mul (c->tmp, row[p], x->prior[a]), mpq_add (out[p], out[p], c->tmp);
    }
    return;
  }
  if (!game_active (g, v, c->vals)) {
    c->vals[v] = 0;
    eval (c, k + 1, out);
    return;
  }
  const game_policy *pol = &c->p->pol[x->stage - 1];
  size_t idx = profile_index (pol, c->vals, pol->intuition ? game_instinct (g, v, c->vals) : 0);
  char where[600];
  int inst = game_instinct (g, v, c->vals);
  if (x->layers == GAME_L1) {
    /* no choice: the instinct is played whatever the profile says at layer 2/3 */
    if (pol->layer != 1 && pol->act[idx] != PROFILE_NONE && pol->act[idx] != inst) {
      describe (c, pol, idx, where, sizeof where);
      fail (c, x->stage, idx, pol->act[idx], inst,
            "stage %u (action '%s') at %s: only layer 1 is allowed, so the instinct must be played", x->stage, x->id,
            where);
    }
    c->vals[v] = inst;
    eval (c, k + 1, out);
    return;
  }
  if ((pol->layer == 1 && !(x->layers & GAME_L1)) || (pol->layer == 3 && !(x->layers & GAME_L3)) ||
      (pol->layer == 2 && !(x->layers & (GAME_L2 | GAME_L3))))
    fail (c, x->stage, 0, -1, -1, "stage %u (action '%s'): the profile uses layer %u, which the stage does not allow",
          x->stage, x->id, pol->layer);
  int played = pol->layer == 1 ? inst : pol->act[idx];
  unsigned d = x->domain;
  int p = x->player;
  /* values of every alternative under the profile afterwards */
  for (unsigned a = 0; a < d && !c->stop; a++) {
    c->vals[v] = (int) a;
    eval (c, k + 1, row + (size_t) a * c->np);
  }
  if (c->stop) return;
  mpq_t **va2 = mem_alloc (d * sizeof *va2);
  for (unsigned a = 0; a < d; a++) va2[a] = row + (size_t) a * c->np;
  char lb1[32], lb2[32];
  if (played < 0 || (unsigned) played >= d) {
    describe (c, pol, idx, where, sizeof where);
    fail (c, x->stage, idx, -1, 0, "stage %u (action '%s', player %s) at %s: the profile names no action", x->stage,
          x->id, g->players[p], where);
    played = 0;
  } else {
    for (unsigned a = 0; a < d; a++) {
      if (mpq_cmp (va2[a][p], va2[played][p]) > 0) {
        describe (c, pol, idx, where, sizeof where);
        char *s1 = rat_to_str (va2[a][p]), *s2 = rat_to_str (va2[played][p]);
        fail (c, x->stage, idx, played, (int) a,
              "stage %u (action '%s', player %s) at %s: deviating from %s to %s gives %s %s > %s", x->stage, x->id,
              g->players[p], where, game_value_label (g, v, played, lb1, sizeof lb1),
              game_value_label (g, v, (int) a, lb2, sizeof lb2), g->players[p], s1, s2);
        free (s1), free (s2);
        break;
      }
    }
    int want = select_action (c, x, p, (mpq_t *const *) va2, inst);
    if (want != played && mpq_equal (va2[want][p], va2[played][p])) {
      describe (c, pol, idx, where, sizeof where);
      if (p == g->leader)
        fail (c, x->stage, idx, played, want,
              "stage %u (action '%s', player %s) at %s: tie-break: the leader's %s ties %s but is better for the "
              "other players (or earlier)", x->stage, x->id, g->players[p], where,
              game_value_label (g, v, want, lb1, sizeof lb1), game_value_label (g, v, played, lb2, sizeof lb2));
      else
        fail (c, x->stage, idx, played, want,
              "stage %u (action '%s', player %s) at %s: tie-break %s selects %s, the profile plays %s", x->stage,
              x->id, g->players[p], where, profile_tie_name (c->tie), game_value_label (g, v, want, lb1, sizeof lb1),
              game_value_label (g, v, played, lb2, sizeof lb2));
    }
  }
  for (unsigned i = 0; i < c->np; i++) mpq_set (out[i], va2[played][i]);
  c->vals[v] = played;
  free (va2);
}

bool chk_spe_check (const game *g, const game_profile *p, game_tie tie, const scnfg_limits *lim, chk_spe_report *rep,
                    scnfg_error *err) {
  memset (rep, 0, sizeof *rep);
  rep->played = rep->deviation = -1;
  if (!game_is_perfect_info (g))
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "the SPE checker needs a perfect-information game");
  chk c;
  memset (&c, 0, sizeof c);
  c.g = g, c.p = p, c.tie = tie, c.lim = lim, c.rep = rep, c.np = g->nplayers;
  c.vals = mem_calloc (g->nvars + 1, sizeof *c.vals);
  c.alt = mem_alloc ((g->nfixed + 1) * sizeof *c.alt);
  size_t *sizes = mem_alloc ((g->nfixed + 1) * sizeof *sizes);
  for (unsigned k = 0; k < g->nfixed; k++) {
    const game_var *x = &g->vars[g->order[k]];
    sizes[k] = (size_t) (x->kind == GAME_ACTION ? x->domain : 1) * c.np;
    c.alt[k] = mem_alloc (sizes[k] * sizeof **c.alt);
    for (size_t i = 0; i < sizes[k]; i++) mpq_init (c.alt[k][i]);
  }
  mpq_init (c.tmp), mpq_init (c.sa), mpq_init (c.sb);
  mpq_t *root = mem_alloc (c.np * sizeof *root);
  for (unsigned i = 0; i < c.np; i++) mpq_init (root[i]);
  eval (&c, 0, root);
  if (c.stop) {
    rep->verdict = CHK_SPE_UNKNOWN;
    snprintf (rep->msg, sizeof rep->msg, "not checked: limit reached after %llu nodes",
              (unsigned long long) rep->nodes);
  } else if (!c.failed) {
    rep->verdict = CHK_SPE_OK;
    snprintf (rep->msg, sizeof rep->msg, "subgame perfect (tie-break %s), %llu nodes checked", profile_tie_name (tie),
              (unsigned long long) rep->nodes);
  }
  for (unsigned i = 0; i < c.np; i++) mpq_clear (root[i]);
  free (root);
  for (unsigned k = 0; k < g->nfixed; k++) {
    for (size_t i = 0; i < sizes[k]; i++) mpq_clear (c.alt[k][i]);
    free (c.alt[k]);
  }
  free (sizes), free (c.alt), free (c.vals);
  mpq_clear (c.tmp), mpq_clear (c.sa), mpq_clear (c.sb);
  return true;
}
