/* Checker of pure commitments (SSE, S-CNE, epsilon-satisficing follower).
 *
 * Independent of the finder in solver/game/sse.c: no explicit game tree is
 * shared. Every history at which a choice stage is active is listed once
 * (with its chance probability); continuation values are recomputed by
 * walking the causal model forward from the history with game_eval. The
 * follower's prescribed choice at each information set is recomputed from
 * Bayes beliefs (DESIGN §3) and compared with the profile; the leader's
 * optimality, its follower-best tie-break and the policy order are checked
 * by brute force over every pure leader policy (each re-solved for the
 * follower) when there are few enough of them. */
#include "proofs/chk_commit.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/require.h"
#include "solver/model/game.h"

void chk_commit_options_init (chk_commit_options *o) {
  memset (o, 0, sizeof *o);
  o->concept = CHK_COMMIT_SSE;
  o->tie = GAME_TIE_STRONG;
  mpq_init (o->eps);
  o->max_brute = 4096;
  o->max_histories = 200000;
}

void chk_commit_options_clear (chk_commit_options *o) { mpq_clear (o->eps); }

bool chk_commit_concept_parse (const char *s, int *out) {
  static const char *names[] = {"sse", "scne", "satisficing"};
  for (int i = 0; i < 3; i++)
    if (!strcmp (s, names[i])) {
      *out = i;
      return true;
    }
  return false;
}

typedef struct hist {
  unsigned stage, k;  /* the stage and its order position */
  int *vals;          /* values fixed before the stage (snapshot) */
  mpq_t prior;        /* product of the chance probabilities */
  int xt;             /* the intuition f_X(pa_X) */
  size_t okey, key;   /* observation index; key at the concept's resolution */
} hist;

typedef struct chk {
  const game *g;
  const chk_commit_options *o;
  chk_commit_report *rep;
  int L, F;
  hist *h;
  size_t nh, caph;
  size_t *idx;        /* histories sorted by (stage, key) */
  bool *kres;         /* per stage: key includes x~ */
  bool *tres;         /* follower tables indexed by (o, x~) (satisficing) */
  bool *inst_ok;      /* satisficing: the instinct is playable */
  bool stop, failed;
  mpq_t t1;
  uint64_t steps;
} chk;

static void fail (chk *c, unsigned stage, size_t idx, int played, int dev, const char *fmt, ...)
    __attribute__ ((format (printf, 6, 7)));
static void fail (chk *c, unsigned stage, size_t idx, int played, int dev, const char *fmt, ...) {
  chk_commit_report *r = c->rep;
  if (c->failed && (stage > r->stage || (stage == r->stage && idx > r->infoset) ||
                    (stage == r->stage && idx == r->infoset && dev >= r->deviation)))
    return;
  c->failed = true;
  r->verdict = CHK_COMMIT_FAILED;
  r->stage = stage, r->infoset = idx, r->played = played, r->deviation = dev;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (r->msg, sizeof r->msg, fmt, ap);
  va_end (ap);
}

static bool choice (const game_var *x) { return (x->layers & (GAME_L2 | GAME_L3)) != 0; }

static bool expired (chk *c) {
  if (c->stop) return true;
  if ((++c->steps & 1023) == 0 && c->o->lim && limits_expired (c->o->lim)) c->stop = true;
  return c->stop;
}

/* Lists every history where a choice stage is active. */
static void expand (chk *c, unsigned k, int *vals, const mpq_t prob) {
  const game *g = c->g;
  if (expired (c)) return;
  k = game_advance_forced (g, k, vals, NULL);
  if (k == g->nfixed) return;
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t q;
  mpq_init (q);
  if (x->kind == GAME_EXOGENOUS) {
    for (unsigned a = 0; a < x->domain && !c->stop; a++) {
      vals[v] = (int) a;
      mpq_mul (q, prob, x->prior[a]);
      expand (c, k + 1, vals, q);
    }
  } else {
    if (c->nh >= c->o->max_histories) {
      c->stop = true;
      mpq_clear (q);
      return;
    }
    mem_reserve ((void **) &c->h, &c->caph, c->nh + 1, sizeof *c->h);
    hist *h = &c->h[c->nh++];
    h->stage = x->stage, h->k = k;
    h->vals = mem_alloc (g->nvars * sizeof *h->vals);
    memcpy (h->vals, vals, g->nvars * sizeof *vals);
    mpq_init (h->prior);
    mpq_set (h->prior, prob);
    h->xt = game_instinct (g, v, vals);
    size_t o = 0;
    for (unsigned i = 0; i < x->nobs; i++) o = o * g->vars[x->obs[i]].domain + (size_t) vals[x->obs[i]];
    h->okey = o;
    h->key = c->kres[x->stage] ? o * x->domain + (size_t) h->xt : o;
    for (unsigned a = 0; a < x->domain && !c->stop; a++) {
      vals[v] = (int) a;
      expand (c, k + 1, vals, prob);
    }
  }
  mpq_clear (q);
}

static int cmp_hist (const void *a, const void *b) {
  const hist *x = *(hist *const *) a, *y = *(hist *const *) b;
  if (x->stage != y->stage) return x->stage < y->stage ? -1 : 1;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* The action the profiles play at stage s under vals (-1 if none). */
static int act_of (chk *c, const game_profile *lead, const game_profile *fol, unsigned s, const int *vals) {
  const game_var *x = game_stage (c->g, s);
  int a = profile_action (c->g, x->player == c->L ? lead : fol, s, vals);
  return a >= 0 && (unsigned) a < x->domain ? a : -1;
}

/* Expected (leader, follower) rewards from order position k under vals. */
static void play (chk *c, unsigned k, int *vals, const game_profile *lead, const game_profile *fol, mpq_t l, mpq_t f) {
  const game *g = c->g;
  for (; k < g->nfixed; k++) {
    int v = g->order[k];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) vals[v] = (int) game_eval (x->expr, vals);
    else if (x->kind == GAME_ACTION && !game_active (g, v, vals)) vals[v] = 0;
    else if (x->kind == GAME_ACTION && !choice (x)) vals[v] = game_instinct (g, v, vals);
    else if (x->kind == GAME_ACTION) {
      int a = act_of (c, lead, fol, x->stage, vals);
      vals[v] = a < 0 ? 0 : a; /* missing entries are reported elsewhere */
    } else break;
  }
  if (k == g->nfixed) {
    mpq_t r[2];
    mpq_init (r[0]), mpq_init (r[1]);
    game_rewards (g, vals, r);
    mpq_set (l, r[c->L]), mpq_set (f, r[c->F]);
    mpq_clear (r[0]), mpq_clear (r[1]);
    return;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  mpq_t l2, f2, t;
  mpq_init (l2), mpq_init (f2), mpq_init (t);
  mpq_set_ui (l, 0, 1), mpq_set_ui (f, 0, 1);
  int *save = mem_alloc (g->nvars * sizeof *save);
  memcpy (save, vals, g->nvars * sizeof *save);
  for (unsigned a = 0; a < x->domain; a++) {
    if (mpq_sgn (x->prior[a]) == 0) continue;
    memcpy (vals, save, g->nvars * sizeof *save);
    vals[v] = (int) a;
    play (c, k + 1, vals, lead, fol, l2, f2);
    mpq_mul (t, l2, x->prior[a]), mpq_add (l, l, t);
    mpq_mul (t, f2, x->prior[a]), mpq_add (f, f, t);
  }
  free (save);
  mpq_clear (l2), mpq_clear (f2), mpq_clear (t);
}

/* Continuation after history h with its stage playing a. */
static void cont (chk *c, const hist *h, int a, const game_profile *lead, const game_profile *fol, mpq_t l, mpq_t f) {
  int *w = mem_alloc (c->g->nvars * sizeof *w);
  memcpy (w, h->vals, c->g->nvars * sizeof *w);
  w[c->g->order[h->k]] = a;
  play (c, h->k + 1, w, lead, fol, l, f);
  free (w);
}

/* Weight of h under the leader's policy: chance x committed (mode 1) or
 * uniform (mode 2) leader actions; all = every earlier choice stage of both
 * players must match (positive probability under the whole profile). */
static void weight (chk *c, const hist *h, const game_profile *lead, const game_profile *fol, int mode, mpq_t w) {
  const game *g = c->g;
  mpq_set (w, h->prior);
  for (unsigned s = 1; s < h->stage && mpq_sgn (w); s++) {
    const game_var *x = game_stage (g, s);
    int v = g->stage_var[s - 1];
    if (!choice (x) || !game_active (g, v, h->vals)) continue;
    if (x->player == c->L || fol) {
      if (mode == 2 && x->player == c->L) {
        mpq_set_ui (c->t1, 1, x->domain);
        mpq_mul (w, w, c->t1);
      } else if (act_of (c, lead, fol, s, h->vals) != h->vals[v]) {
        mpq_set_ui (w, 0, 1);
      }
    }
  }
}

static void describe (chk *c, const game_profile *p, const hist *h, char *buf, size_t n, size_t *idx) {
  const game_policy *pol = &p->pol[h->stage - 1];
  *idx = profile_index (pol, h->vals, h->xt);
  profile_describe_infoset (c->g, pol, *idx, buf, n);
}

/* The follower's pick (own implementation of DESIGN §3's tie-breaks). */
static int pick (game_tie tie, unsigned d, mpq_t *qf, mpq_t *ql, int inst) {
  int best = 0;
  for (unsigned a = 1; a < d; a++)
    if (mpq_cmp (qf[a], qf[best]) > 0) best = (int) a;
  if (tie >= GAME_TIE_INSTINCT_STRONG && inst >= 0 && (unsigned) inst < d && mpq_equal (qf[inst], qf[best]))
    return inst;
  game_tie t = tie >= GAME_TIE_INSTINCT_STRONG ? (game_tie) (tie - GAME_TIE_INSTINCT_STRONG) : tie;
  int r = -1;
  for (unsigned a = 0; a < d; a++) {
    if (mpq_cmp (qf[a], qf[best])) continue;
    if (r < 0 || (t == GAME_TIE_STRONG && mpq_cmp (ql[a], ql[r]) > 0) || (t == GAME_TIE_WEAK && mpq_cmp (ql[a], ql[r]) < 0))
      r = (int) a;
  }
  return r;
}

#define KEEP (-2)

/* q / tot as a new string: a value conditional on the information set. */
static char *cond_str (const mpq_t q, const mpq_t tot) {
  mpq_t x;
  mpq_init (x);
  mpq_div (x, q, tot);
  char *s = rat_to_str (x);
  mpq_clear (x);
  return s;
}

/* Records why the profile's follower choice 'got' at history h differs from
 * the prescribed 'want' (qf: the group's Q values, a = d the instinct; br the
 * best response; keep: the satisficing follower keeps its instinct). */
static void report_mismatch (chk *c, const game_profile *check, const hist *h, const game_var *x, int got, int want,
                             int br, bool keep, const mpq_t *qf, const mpq_t *mu, size_t n) {
  const game *g = c->g;
  const chk_commit_options *o = c->o;
  bool sat = o->concept == CHK_COMMIT_SATISFICING;
  unsigned d = x->domain;
  char where[300], lb1[32], lb2[32], lb3[32];
  size_t ix;
  describe (c, check, h, where, sizeof where, &ix);
  int v = g->stage_var[x->stage - 1];
  const char *pl = g->players[c->F];
  if (got < 0) {
    fail (c, x->stage, ix, -1, want, "stage %u (action '%s', player %s) at %s: the profile names no action",
          x->stage, x->id, pl, where);
    return;
  }
  const char *sw = game_value_label (g, v, want, lb1, sizeof lb1), *sg = game_value_label (g, v, got, lb2, sizeof lb2);
  unsigned gi = (unsigned) got;
  mpq_t tot;
  mpq_init (tot);
  for (size_t r = 0; r < n; r++) mpq_add (tot, tot, mu[r]);
  if (sat && keep) {
    char *a1 = cond_str (qf[d], tot), *a2 = cond_str (qf[br], tot);
    fail (c, x->stage, ix, got, want,
          "stage %u (action '%s', player %s) at %s: the instinct (worth %s, best %s) is within eps: the "
          "satisficing follower keeps it (%s), the profile plays %s", x->stage, x->id, pl, where, a1, a2, sw, sg);
    free (a1), free (a2);
  } else if (sat && o->robust) {
    fail (c, x->stage, ix, got, want,
          "stage %u (action '%s', player %s) at %s: robust: the eps-best choice worst for the leader is %s, the "
          "profile plays %s", x->stage, x->id, pl, where, sw, sg);
  } else if (mpq_cmp (qf[want], qf[gi]) > 0) {
    char *a1 = cond_str (qf[want], tot), *a2 = cond_str (qf[gi], tot);
    fail (c, x->stage, ix, got, want, "stage %u (action '%s', player %s) at %s: deviating from %s to %s gives %s %s > %s",
          x->stage, x->id, pl, where, sg, game_value_label (g, v, want, lb3, sizeof lb3), pl, a1, a2);
    free (a1), free (a2);
  } else if (sat && (unsigned) got == (unsigned) h->xt) {
    fail (c, x->stage, ix, got, want,
          "stage %u (action '%s', player %s) at %s: the instinct %s is not within eps of the best: the "
          "follower best-responds with %s", x->stage, x->id, pl, where, sg, sw);
  } else {
    fail (c, x->stage, ix, got, want, "stage %u (action '%s', player %s) at %s: tie-break %s selects %s, the profile plays %s",
          x->stage, x->id, pl, where, profile_tie_name (o->tie), sw, sg);
  }
  mpq_clear (tot);
}

/* The follower's prescribed choices given the leader's play in 'lead',
 * last stage first, written into 'out' (and best responses into 'beta' for
 * satisficing). Continuations use 'contp' for the follower's reported play
 * (p itself when checking p; out when solving). If check != NULL, its
 * follower entries are compared and failures recorded. */
static void respond (chk *c, const game_profile *lead, const game_profile *contp, game_profile *out, game_profile *beta,
                     const game_profile *check) {
  const game *g = c->g;
  const chk_commit_options *o = c->o;
  bool sat = o->concept == CHK_COMMIT_SATISFICING;
  size_t i = c->nh;
  unsigned maxd = 2;
  for (unsigned t = 1; t <= g->nstages; t++)
    if (game_stage (g, t)->domain > maxd) maxd = game_stage (g, t)->domain;
  mpq_t *qf = mem_alloc (3 * (maxd + 1) * sizeof *qf), *ql = qf + (maxd + 1), *q0 = ql + (maxd + 1);
  for (unsigned a = 0; a < 3 * (maxd + 1); a++) mpq_init (qf[a]);
  mpq_t l, f, s1, thr;
  mpq_init (l), mpq_init (f), mpq_init (s1), mpq_init (thr);
  mpq_t *mu = NULL;
  size_t capmu = 0;
  while (i > 0 && !c->stop) {
    /* the group ending at i-1 */
    size_t j = i;
    const hist *last = &c->h[c->idx[i - 1]];
    while (j > 0 && c->h[c->idx[j - 1]].stage == last->stage && c->h[c->idx[j - 1]].key == last->key) j--;
    const game_var *x = game_stage (g, last->stage);
    size_t n = i - j;
    if (x->player != c->F) {
      i = j;
      continue;
    }
    unsigned d = x->domain;
    if (n > capmu) {
      mu = mem_realloc (mu, n * sizeof *mu);
      for (size_t q = capmu; q < n; q++) mpq_init (mu[q]);
      capmu = n;
    }
    bool any = false;
    for (int mode = 1; mode <= 2 && !any; mode++)
      for (size_t q = 0; q < n; q++) {
        weight (c, &c->h[c->idx[j + q]], lead, NULL, mode, mu[q]);
        any |= mpq_sgn (mu[q]) != 0;
      }
    if (!any)
      for (size_t q = 0; q < n; q++) mpq_set_ui (mu[q], 1, 1);
    int inst = -1;
    for (size_t q = 0; q < n; q++) {
      if (!mpq_sgn (mu[q])) continue;
      int xt = c->h[c->idx[j + q]].xt;
      if (inst == -1) inst = xt;
      else if (inst != xt) inst = -3;
    }
    if (inst < 0) inst = -1;
    /* Q values: a = d is the instinct; system "rep" uses contp, "beta" uses beta */
    const game_profile *fs = sat ? beta : contp;
    for (unsigned a = 0; a <= d; a++) mpq_set_ui (qf[a], 0, 1), mpq_set_ui (ql[a], 0, 1), mpq_set_ui (q0[a], 0, 1);
    for (size_t q = 0; q < n; q++) {
      if (!mpq_sgn (mu[q])) continue;
      const hist *h = &c->h[c->idx[j + q]];
      for (unsigned a = 0; a <= d; a++) {
        cont (c, h, a == d ? h->xt : (int) a, lead, fs, l, f);
        mpq_mul (s1, mu[q], f), mpq_add (qf[a], qf[a], s1);
        mpq_mul (s1, mu[q], l), mpq_add (ql[a], ql[a], s1);
        if (sat && o->robust) {
          cont (c, h, a == d ? h->xt : (int) a, lead, contp, l, f);
          mpq_mul (s1, mu[q], l), mpq_add (q0[a], q0[a], s1);
        }
      }
    }
    int br = pick (o->tie, d, qf, ql, inst), choice_ = br;
    bool iok = c->inst_ok[x->stage];
    if (sat && !o->robust) {
      mpq_sub (thr, qf[br], o->eps);
      if (iok && mpq_cmp (qf[d], thr) >= 0) choice_ = KEEP;
    } else if (sat) {
      mpq_sub (thr, qf[br], o->eps);
      choice_ = -3;
      for (unsigned a = 0; a <= d; a++) {
        if (a == d && !iok) break;
        if (mpq_cmp (qf[a], thr) < 0) continue;
        unsigned cur = choice_ == KEEP ? d : (unsigned) choice_;
        if (choice_ == -3 || mpq_cmp (q0[a], q0[cur]) < 0) choice_ = a == d ? KEEP : (int) a;
      }
    }
    for (size_t q = 0; q < n; q++) {
      const hist *h = &c->h[c->idx[j + q]];
      int want = choice_ == KEEP ? h->xt : choice_;
      game_policy *po = &out->pol[x->stage - 1];
      po->act[profile_index (po, h->vals, h->xt)] = want;
      if (beta) {
        game_policy *pb = &beta->pol[x->stage - 1];
        pb->act[profile_index (pb, h->vals, h->xt)] = br;
      }
      if (!check) continue;
      int got = act_of (c, check, check, x->stage, h->vals);
      if (got == want) continue;
      report_mismatch (c, check, h, x, got, want, br, choice_ == KEEP, qf, mu, n);
    }
    i = j;
  }
  for (size_t q = 0; q < capmu; q++) mpq_clear (mu[q]);
  free (mu);
  for (unsigned a = 0; a < 3 * (maxd + 1); a++) mpq_clear (qf[a]);
  free (qf);
  mpq_clear (l), mpq_clear (f), mpq_clear (s1), mpq_clear (thr);
}

/* A fresh profile with the checker's table resolutions: leader stages at
 * the key resolution, follower stages at tres/kres. */
static game_profile *fresh (chk *c) {
  game_profile *p = profile_new (c->g, 0);
  for (unsigned t = 1; t <= c->g->nstages; t++) {
    const game_var *x = game_stage (c->g, t);
    if (!choice (x)) p->pol[t - 1].layer = 1;
    if (c->kres[t] || (x->player == c->F && c->tres[t])) profile_set_intuition (c->g, p, t, true);
  }
  return p;
}

static void root_value (chk *c, const game_profile *lead, const game_profile *fol, mpq_t l, mpq_t f) {
  int *w = mem_calloc (c->g->nvars + 1, sizeof *w);
  play (c, 0, w, lead, fol, l, f);
  free (w);
}

/* Structure and layers of p. */
static void check_structure (chk *c, const game_profile *p) {
  const game *g = c->g;
  const chk_commit_options *o = c->o;
  char where[300];
  size_t ix;
  for (size_t q = 0; q < c->nh; q++) {
    const hist *h = &c->h[c->idx[q]];
    const game_var *x = game_stage (g, h->stage);
    if (x->player != c->L) continue;
    if (act_of (c, p, p, h->stage, h->vals) < 0) {
      describe (c, p, h, where, sizeof where, &ix);
      fail (c, h->stage, ix, -1, 0, "stage %u (action '%s', player %s) at %s: the profile names no action", h->stage,
            x->id, g->players[c->L], where);
    }
  }
  mpq_t w;
  mpq_init (w);
  for (unsigned t = 1; t <= g->nstages; t++) {
    const game_var *x = game_stage (g, t);
    unsigned L = x->layers, rep = p->pol[t - 1].layer, want;
    if (!choice (x)) want = 1;
    else if (o->concept == CHK_COMMIT_SCNE || (o->concept == CHK_COMMIT_SATISFICING && x->player == c->F)) {
      bool l1 = true, l2 = true;
      size_t no = 1;
      for (unsigned i = 0; i < x->nobs; i++) no *= g->vars[x->obs[i]].domain;
      int *seen = mem_alloc (no * sizeof *seen);
      for (size_t i = 0; i < no; i++) seen[i] = -1;
      for (size_t q = 0; q < c->nh; q++) {
        const hist *h = &c->h[q];
        if (h->stage != t) continue;
        weight (c, h, p, p, 1, w);
        if (!mpq_sgn (w)) continue;
        int a = act_of (c, p, p, t, h->vals);
        if (a != h->xt) l1 = false;
        if (seen[h->okey] < 0) seen[h->okey] = a;
        else if (seen[h->okey] != a) l2 = false;
      }
      free (seen);
      want = (L & GAME_L1) && l1 ? 1 : (L & GAME_L2) && l2 ? 2 : (L & GAME_L3) ? 3 : (L & GAME_L2) ? 2 : 1;
    } else {
      want = (L & GAME_L2) ? 2 : 3;
    }
    if (rep != want)
      fail (c, t, SIZE_MAX, -1, -1, "stage %u (action '%s'): reported layer %u, expected %u (%s)", t, x->id, rep, want,
            o->concept == CHK_COMMIT_SSE || (o->concept == CHK_COMMIT_SATISFICING && x->player == c->L)
                ? "pure commitment reports the L2 policy"
                : "the lowest allowed layer containing the policy on the positive-probability (o, x~)");
  }
  mpq_clear (w);
}

/* Brute force over every leader policy at the concept's resolution. */
static void check_leader (chk *c, const game_profile *p) {
  const game *g = c->g;
  chk_commit_report *rep = c->rep;
  /* positions: leader groups in the policy order */
  size_t np = 0;
  size_t *start = mem_alloc ((c->nh + 1) * sizeof *start), *len = mem_alloc ((c->nh + 1) * sizeof *len);
  double count = 1;
  for (size_t q = 0; q < c->nh;) {
    const hist *h = &c->h[c->idx[q]];
    size_t r = q;
    while (r < c->nh && c->h[c->idx[r]].stage == h->stage && c->h[c->idx[r]].key == h->key) r++;
    if (game_stage (g, h->stage)->player == c->L) {
      start[np] = q, len[np] = r - q, np++;
      count *= game_stage (g, h->stage)->domain;
    }
    q = r;
  }
  if (count > (double) c->o->max_brute) {
    snprintf (rep->msg, sizeof rep->msg, "follower responses, tie-breaks and layers verified; leader optimality not "
              "checked (%.0f leader policies over the limit %llu)", count, (unsigned long long) c->o->max_brute);
    free (start), free (len);
    return;
  }
  int *dig = mem_calloc (np + 1, sizeof *dig), *best = mem_calloc (np + 1, sizeof *best), *pd = mem_calloc (np + 1, sizeof *pd);
  for (size_t k = 0; k < np; k++) {
    const hist *h = &c->h[c->idx[start[k]]];
    pd[k] = act_of (c, p, p, h->stage, h->vals);
  }
  mpq_t bl, bf, l, f, pl, pf;
  mpq_init (bl), mpq_init (bf), mpq_init (l), mpq_init (f), mpq_init (pl), mpq_init (pf);
  root_value (c, p, p, pl, pf);
  bool have = false;
  for (;;) {
    if (expired (c)) break;
    game_profile *cand = fresh (c), *fol = fresh (c), *beta = fresh (c);
    for (size_t k = 0; k < np; k++)
      for (size_t q = 0; q < len[k]; q++) {
        const hist *h = &c->h[c->idx[start[k] + q]];
        game_policy *po = &cand->pol[h->stage - 1];
        po->act[profile_index (po, h->vals, h->xt)] = dig[k];
      }
    respond (c, cand, fol, fol, c->o->concept == CHK_COMMIT_SATISFICING ? beta : NULL, NULL);
    root_value (c, cand, fol, l, f);
    rep->policies++;
    int cl = have ? mpq_cmp (l, bl) : 1;
    if (cl > 0 || (cl == 0 && mpq_cmp (f, bf) > 0)) {
      have = true;
      mpq_set (bl, l), mpq_set (bf, f);
      memcpy (best, dig, np * sizeof *dig);
    }
    profile_free (cand), profile_free (fol), profile_free (beta);
    size_t k = np;
    while (k-- > 0)
      if ((unsigned) dig[k] + 1 < game_stage (g, c->h[c->idx[start[k]]].stage)->domain) break;
    if (k == (size_t) -1) break;
    dig[k]++;
    for (size_t r = k + 1; r < np; r++) dig[r] = 0;
  }
  if (!c->stop) {
    rep->leader_checked = true;
    size_t first = 0;
    while (first < np && best[first] == pd[first]) first++;
    int cl = mpq_cmp (bl, pl), cf = mpq_cmp (bf, pf);
    if (first < np) {
      const hist *h = &c->h[c->idx[start[first]]];
      const game_var *x = game_stage (g, h->stage);
      int v = g->stage_var[h->stage - 1];
      char where[300], lb1[32], lb2[32];
      size_t ix;
      describe (c, p, h, where, sizeof where, &ix);
      char *a1 = rat_to_str (bl), *a2 = rat_to_str (pl), *a3 = rat_to_str (bf), *a4 = rat_to_str (pf);
      const char *sb = game_value_label (g, v, best[first], lb1, sizeof lb1);
      const char *sp = pd[first] < 0 ? "nothing" : game_value_label (g, v, pd[first], lb2, sizeof lb2);
      if (cl > 0)
        fail (c, h->stage, ix, pd[first], best[first],
              "leader: the policy playing %s instead of %s at stage %u (action '%s') at %s (first difference) gives "
              "%s %s > %s", sb, sp, h->stage, x->id, where, g->players[c->L], a1, a2);
      else if (cl == 0 && cf > 0)
        fail (c, h->stage, ix, pd[first], best[first],
              "leader tie-break: the policy playing %s instead of %s at stage %u (action '%s') at %s (first "
              "difference) gives %s as much and %s %s > %s", sb, sp, h->stage, x->id, where, g->players[c->L],
              g->players[c->F], a3, a4);
      else if (cl == 0 && cf == 0)
        fail (c, h->stage, ix, pd[first], best[first],
              "leader tie-break: the policy playing %s instead of %s at stage %u (action '%s') at %s (first "
              "difference) is as good for both players and comes earlier in the policy order", sb, sp, h->stage,
              x->id, where);
      else
        INVARIANT (false, "the brute force is below the profile");
      free (a1), free (a2), free (a3), free (a4);
    }
  }
  mpq_clear (bl), mpq_clear (bf), mpq_clear (l), mpq_clear (f), mpq_clear (pl), mpq_clear (pf);
  free (dig), free (best), free (pd), free (start), free (len);
}

bool chk_commit_check (const game *g, const game_profile *p, const chk_commit_options *o, chk_commit_report *rep,
                       scnfg_error *err) {
  memset (rep, 0, sizeof *rep);
  rep->played = rep->deviation = -1;
  if (g->nplayers != 2)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "commitment concepts need exactly two players; the game has %u",
                      g->nplayers);
  chk c;
  memset (&c, 0, sizeof c);
  c.g = g, c.o = o, c.rep = rep, c.L = g->leader, c.F = 1 - g->leader;
  unsigned T = g->nstages;
  c.kres = mem_calloc (T + 2, sizeof *c.kres);
  c.tres = mem_calloc (T + 2, sizeof *c.tres);
  c.inst_ok = mem_calloc (T + 2, sizeof *c.inst_ok);
  for (unsigned t = 1; t <= T; t++) {
    const game_var *x = game_stage (g, t);
    if (o->concept == CHK_COMMIT_SCNE) c.kres[t] = (x->layers & GAME_L3) != 0;
    if (o->concept == CHK_COMMIT_SATISFICING && x->player == c.F) {
      c.inst_ok[t] = (x->layers & (GAME_L1 | GAME_L3)) || !game_stage_confounded (g, t);
      c.tres[t] = c.inst_ok[t];
    }
  }
  mpq_init (c.t1);
  int *vals = mem_calloc (g->nvars + 1, sizeof *vals);
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  expand (&c, 0, vals, one);
  mpq_clear (one);
  free (vals);
  if (!c.stop) {
    hist **ptr = mem_alloc ((c.nh + 1) * sizeof *ptr);
    for (size_t q = 0; q < c.nh; q++) ptr[q] = &c.h[q];
    qsort (ptr, c.nh, sizeof *ptr, cmp_hist);
    c.idx = mem_alloc ((c.nh + 1) * sizeof *c.idx);
    for (size_t q = 0; q < c.nh; q++) c.idx[q] = (size_t) (ptr[q] - c.h);
    free (ptr);
    check_structure (&c, p);
    game_profile *exp = fresh (&c), *beta = fresh (&c);
    respond (&c, p, p, exp, o->concept == CHK_COMMIT_SATISFICING ? beta : NULL, p);
    profile_free (exp), profile_free (beta);
    if (!c.failed && !c.stop) check_leader (&c, p);
  }
  if (c.stop) {
    rep->verdict = CHK_COMMIT_UNKNOWN;
    snprintf (rep->msg, sizeof rep->msg, "not checked: limit reached (%zu histories)", c.nh);
  } else if (!c.failed) {
    rep->verdict = CHK_COMMIT_OK;
    if (rep->leader_checked)
      snprintf (rep->msg, sizeof rep->msg,
                "follower responses, tie-break %s, layers, and leader optimality over %llu policies",
                profile_tie_name (o->tie), (unsigned long long) rep->policies);
  }
  for (size_t q = 0; q < c.nh; q++) free (c.h[q].vals), mpq_clear (c.h[q].prior);
  free (c.h), free (c.idx), free (c.kres), free (c.tres), free (c.inst_ok);
  mpq_clear (c.t1);
  return true;
}
