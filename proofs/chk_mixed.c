/* Checker of mixed-commitment equilibria (see chk_mixed.h). Its own exact
 * arithmetic: the follower's values are recomputed by walking the tree
 * with the leader's distributions; the LP certificate is weak duality
 * checked inequality by inequality; the tree certificate is checked
 * locally (a certified upper bound on the achievable set at every node,
 * Letchford & Conitzer 2010), with piecewise-linear comparisons done at
 * the union of breakpoints (between them both sides are linear). */
#include "proofs/chk_mixed.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "solver/model/game.h"

void chk_mixed_report_init (chk_mixed_report *r) {
  memset (r, 0, sizeof *r);
  mpq_init (r->leader), mpq_init (r->follower);
}

void chk_mixed_report_clear (chk_mixed_report *r) { mpq_clear (r->leader), mpq_clear (r->follower); }

typedef struct ck {
  const game *g;
  const behav_profile *b;
  const behav_cert *c;
  int L, F;
  int *vals, *fixed;
  chk_mixed_report *rep;
  bool failed;
  size_t node;  /* preorder index of choice nodes */
  mpq_t a, b2, c2;
} ck;

static void fail (ck *k, const char *fmt, ...) {
  if (k->failed) return;
  k->failed = true;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (k->rep->msg, sizeof k->rep->msg, fmt, ap);
  va_end (ap);
}

static void history (ck *k, unsigned upto, char *buf, size_t size) {
  const game *g = k->g;
  size_t n = 0;
  buf[0] = 0;
  char lb[32];
  for (unsigned t = 1; t < upto && n < size; t++) {
    int v = g->stage_var[t - 1];
    if (!game_active (g, v, k->vals)) continue;
    n += (size_t) snprintf (buf + n, size - n, "%s%s=%s", n ? " " : "", g->vars[v].id,
                            game_value_label (g, v, k->vals[v], lb, sizeof lb));
  }
  if (!n) snprintf (buf, size, "(root)");
}

static unsigned advance (ck *k, unsigned i) { return game_advance_forced (k->g, i, k->vals, k->fixed); }

static void leaf (ck *k, mpq_t uf, mpq_t ul) {
  mpq_t r[2];
  mpq_init (r[0]), mpq_init (r[1]);
  game_rewards (k->g, k->vals, r);
  mpq_set (uf, r[k->F]), mpq_set (ul, r[k->L]);
  mpq_clear (r[0]), mpq_clear (r[1]);
}

/* The leader's distribution at stage t under k->vals: checked, or NULL. */
static const mpq_t *dist_at (ck *k, const game_var *x) {
  const behav_profile *b = k->b;
  const game_policy *pol = &b->pure->pol[x->stage - 1];
  size_t idx = profile_index (pol, k->vals, 0);
  char h[256];
  if (!b->prob[x->stage - 1] || pol->act[idx] == PROFILE_NONE) {
    history (k, x->stage, h, sizeof h);
    fail (k, "stage %u (%s) at %s: no leader distribution", x->stage, x->id, h);
    return NULL;
  }
  const mpq_t *p = b->prob[x->stage - 1] + idx * x->domain;
  mpq_set_ui (k->a, 0, 1);
  for (unsigned a = 0; a < x->domain; a++) {
    if (mpq_sgn (p[a]) < 0) {
      history (k, x->stage, h, sizeof h);
      fail (k, "stage %u (%s) at %s: negative probability", x->stage, x->id, h);
      return NULL;
    }
    mpq_add (k->a, k->a, p[a]);
  }
  if (mpq_cmp_ui (k->a, 1, 1)) {
    history (k, x->stage, h, sizeof h);
    fail (k, "stage %u (%s) at %s: probabilities sum to %s, not 1", x->stage, x->id, h, "another value");
    return NULL;
  }
  return p;
}

/* Checks the follower's choice among children values (cf, cl); returns the
 * chosen index or -1 (failure recorded). */
static int check_choice (ck *k, int v, int chosen, const mpq_t *cf, const mpq_t *cl) {
  const game_var *x = &k->g->vars[v];
  char h[256], lb[32], lb2[32];
  if (chosen < 0 || (unsigned) chosen >= x->domain) {
    history (k, x->stage, h, sizeof h);
    fail (k, "stage %u (%s) at %s: no follower action", x->stage, x->id, h);
    return -1;
  }
  for (unsigned a = 0; a < x->domain; a++) {
    int c = mpq_cmp (cf[a], cf[chosen]);
    int l = mpq_cmp (cl[a], cl[chosen]);
    const char *why = NULL;
    if (c > 0) why = "gives the follower strictly more";
    else if (c == 0 && l > 0) why = "is as good for the follower and better for the leader (strong tie-break)";
    else if (c == 0 && l == 0 && (int) a < chosen) why = "ties and has a lower index";
    if (why) {
      history (k, x->stage, h, sizeof h);
      fail (k, "stage %u (%s) at %s: follower plays %s but %s %s", x->stage, x->id, h,
            game_value_label (k->g, v, chosen, lb, sizeof lb),
            game_value_label (k->g, v, (int) a, lb2, sizeof lb2), why);
      return -1;
    }
  }
  return chosen;
}

/* ---- piecewise-linear frontiers (the checker's own) -------------------- */

/* Value of piece i of f at u. */
static void piece (ck *k, mpq_t out, const behav_pwl *f, size_t i, const mpq_t u) {
  if (i == 0) {
    mpq_set (out, f->vr[0]);
    return;
  }
  mpq_sub (k->a, f->vr[i], f->vl[i]);
  mpq_sub (k->b2, u, f->b[i - 1]);
  mpq_mul (k->a, k->a, k->b2);
  mpq_sub (k->b2, f->b[i], f->b[i - 1]);
  mpq_div (k->a, k->a, k->b2);
  mpq_add (out, f->vl[i], k->a);
}

/* f(u) (right == false) or f(u+) (right == true); false if undefined. */
static bool at (ck *k, mpq_t out, const behav_pwl *f, const mpq_t u, bool right) {
  for (size_t i = 0; i < f->n; i++)
    if (right ? mpq_cmp (u, f->b[i]) < 0 : mpq_cmp (u, f->b[i]) <= 0) {
      piece (k, out, f, i, u);
      return true;
    }
  return false;
}

static bool wellformed (const behav_pwl *f) {
  if (f->n == 0 || !mpq_equal (f->vl[0], f->vr[0])) return false;
  for (size_t i = 1; i < f->n; i++)
    if (mpq_cmp (f->b[i - 1], f->b[i]) >= 0 || mpq_cmp (f->vl[i], f->vr[i]) < 0 || mpq_cmp (f->vr[i - 1], f->vl[i]) < 0)
      return false;
  return true;
}

/* F >= H on [lo, max H] (lo NULL: everywhere H is defined). */
static bool dominates (ck *k, const behav_pwl *F, const behav_pwl *H, const mpq_t *lo) {
  const mpq_t *M = &H->b[H->n - 1];
  if (lo && mpq_cmp (*lo, *M) > 0) return true;
  if (mpq_cmp (F->b[F->n - 1], *M) < 0) return false;
  mpq_t x, fv, hv;
  mpq_init (x), mpq_init (fv), mpq_init (hv);
  bool ok = true;
  /* candidate points: lo, every breakpoint of F and H within range */
  size_t n = F->n + H->n + 1;
  for (size_t i = 0; i < n && ok; i++) {
    if (i < F->n) mpq_set (x, F->b[i]);
    else if (i < F->n + H->n) mpq_set (x, H->b[i - F->n]);
    else if (lo) mpq_set (x, *lo);
    else break;
    if (lo && mpq_cmp (x, *lo) < 0) continue;
    if (mpq_cmp (x, *M) > 0) continue;
    at (k, fv, F, x, false), at (k, hv, H, x, false);
    if (mpq_cmp (fv, hv) < 0) ok = false;
    if (ok && mpq_cmp (x, *M) < 0) {
      at (k, fv, F, x, true), at (k, hv, H, x, true);
      if (mpq_cmp (fv, hv) < 0) ok = false;
    }
  }
  mpq_clear (x), mpq_clear (fv), mpq_clear (hv);
  return ok;
}

/* F dominates the segment P-Q (u of P <= u of Q, v of P > v of Q). */
static bool dominates_segment (ck *k, const behav_pwl *F, const mpq_t pu, const mpq_t pv, const mpq_t qu,
                               const mpq_t qv) {
  behav_pwl s;
  behav_pwl_init (&s);
  behav_pwl_push (&s, pu, pv, pv);
  if (mpq_cmp (qu, pu) > 0) behav_pwl_push (&s, qu, pv, qv);
  bool ok = dominates (k, F, &s, NULL);
  behav_pwl_clear (&s);
  return ok;
}

typedef struct vtx {
  size_t n;
  mpq_t *u, *v;
} vtx;

static void vertices (const behav_pwl *f, vtx *out) {
  out->n = 0;
  out->u = mem_alloc (2 * f->n * sizeof *out->u);
  out->v = mem_alloc (2 * f->n * sizeof *out->v);
  for (size_t i = 0; i < f->n; i++) {
    if (i) {
      mpq_init (out->u[out->n]), mpq_init (out->v[out->n]);
      mpq_set (out->u[out->n], f->b[i - 1]), mpq_set (out->v[out->n], f->vl[i]);
      out->n++;
    }
    mpq_init (out->u[out->n]), mpq_init (out->v[out->n]);
    mpq_set (out->u[out->n], f->b[i]), mpq_set (out->v[out->n], f->vr[i]);
    out->n++;
  }
}

static void vtx_clear (vtx *x) {
  for (size_t i = 0; i < x->n; i++) mpq_clear (x->u[i]), mpq_clear (x->v[i]);
  free (x->u), free (x->v);
}

/* ---- the tree walk -------------------------------------------------------- */

/* Recomputes (uf, ul) under the profile, the threat value t, and (if the
 * certificate is checked) the subtree's certified frontier into fr. */
static void walk (ck *k, unsigned i, mpq_t uf, mpq_t ul, mpq_t t, behav_pwl *fr) {
  const game *g = k->g;
  if (k->failed) return;
  i = advance (k, i);
  if (i == g->nfixed) {
    leaf (k, uf, ul);
    mpq_set (t, uf);
    if (fr) {
      behav_pwl_reset (fr);
      behav_pwl_push (fr, uf, ul, ul);
    }
    return;
  }
  int v = g->order[i];
  const game_var *x = &g->vars[v];
  size_t me = k->node++;
  const behav_pwl *mine = NULL;
  char h[256];
  if (fr) {
    if (me >= k->c->nnodes) {
      fail (k, "the certificate has %zu frontiers, fewer than the choice nodes", k->c->nnodes);
      return;
    }
    mine = &k->c->front[me];
    if (!wellformed (mine)) {
      history (k, x->stage, h, sizeof h);
      fail (k, "certificate: frontier %zu (stage %u at %s) is not a non-increasing piecewise-linear function", me,
            x->stage, h);
      return;
    }
  }
  unsigned d = x->domain;
  mpq_t *cf = mem_alloc (d * sizeof *cf), *cl = mem_alloc (d * sizeof *cl), *ct = mem_alloc (d * sizeof *ct);
  behav_pwl *cfr = fr ? mem_alloc (d * sizeof *cfr) : NULL;
  for (unsigned a = 0; a < d; a++) {
    mpq_init (cf[a]), mpq_init (cl[a]), mpq_init (ct[a]);
    if (cfr) behav_pwl_init (&cfr[a]);
  }
  const mpq_t *p = NULL;
  if (x->player == k->L) p = dist_at (k, x);
  int chosen = PROFILE_NONE;
  if (x->player != k->L) chosen = k->b->pure->pol[x->stage - 1].act[profile_index (&k->b->pure->pol[x->stage - 1], k->vals, 0)];
  for (unsigned a = 0; a < d && !k->failed; a++) {
    k->vals[v] = (int) a;
    walk (k, i + 1, cf[a], cl[a], ct[a], cfr ? &cfr[a] : NULL);
  }
  k->vals[v] = 0;
  if (!k->failed) {
    if (x->player == k->L) {
      mpq_set_ui (uf, 0, 1), mpq_set_ui (ul, 0, 1);
      mpq_set (t, ct[0]);
      for (unsigned a = 0; a < d; a++) {
        mpq_mul (k->c2, p[a], cf[a]), mpq_add (uf, uf, k->c2);
        mpq_mul (k->c2, p[a], cl[a]), mpq_add (ul, ul, k->c2);
        if (mpq_cmp (ct[a], t) < 0) mpq_set (t, ct[a]);
      }
    } else {
      int c = check_choice (k, v, chosen, cf, cl);
      if (c >= 0) {
        mpq_set (uf, cf[c]), mpq_set (ul, cl[c]);
        mpq_set (t, ct[0]);
        for (unsigned a = 1; a < d; a++)
          if (mpq_cmp (ct[a], t) > 0) mpq_set (t, ct[a]);
      }
    }
  }
  if (!k->failed && fr) {
    bool ok = true;
    mpq_t tau;
    mpq_init (tau);
    for (unsigned a = 0; a < d && ok; a++) {
      if (x->player == k->L) {
        ok = dominates (k, mine, &cfr[a], NULL);
        continue;
      }
      bool any = false;
      for (unsigned j = 0; j < d; j++)
        if (j != a && (!any || mpq_cmp (ct[j], tau) > 0)) mpq_set (tau, ct[j]), any = true;
      ok = dominates (k, mine, &cfr[a], (const mpq_t *) &tau);
    }
    if (ok && x->player == k->L) {
      vtx *V = mem_alloc (d * sizeof *V);
      for (unsigned a = 0; a < d; a++) vertices (&cfr[a], &V[a]);
      for (unsigned a = 0; a < d && ok; a++)
        for (unsigned c = a + 1; c < d && ok; c++)
          for (size_t r = 0; r < V[a].n && ok; r++)
            for (size_t q = 0; q < V[c].n && ok; q++) {
              const vtx *A = &V[a], *C = &V[c];
              int o = mpq_cmp (A->u[r], C->u[q]);
              const mpq_t *pu = o <= 0 ? &A->u[r] : &C->u[q], *pv = o <= 0 ? &A->v[r] : &C->v[q];
              const mpq_t *qu = o <= 0 ? &C->u[q] : &A->u[r], *qv = o <= 0 ? &C->v[q] : &A->v[r];
              if (mpq_cmp (*pv, *qv) <= 0) continue; /* Q dominates P: covered by the child's frontier */
              ok = dominates_segment (k, mine, *pu, *pv, *qu, *qv);
            }
      for (unsigned a = 0; a < d; a++) vtx_clear (&V[a]);
      free (V);
    }
    mpq_clear (tau);
    if (!ok) {
      history (k, x->stage, h, sizeof h);
      fail (k, "certificate: frontier %zu (stage %u at %s) does not bound what its children achieve", me, x->stage,
            h);
    } else {
      behav_pwl_copy (fr, mine);
    }
  }
  for (unsigned a = 0; a < d; a++) {
    mpq_clear (cf[a]), mpq_clear (cl[a]), mpq_clear (ct[a]);
    if (cfr) behav_pwl_clear (&cfr[a]);
  }
  free (cf), free (cl), free (ct), free (cfr);
}

/* ---- one-shot games -------------------------------------------------------- */

static void oneshot (ck *k) {
  const game *g = k->g;
  const behav_cert *c = k->c;
  unsigned lt = game_stage (g, 1)->player == k->L ? 1 : 2, ft = 3 - lt;
  int lv = g->stage_var[lt - 1], fv = g->stage_var[ft - 1];
  unsigned nl = g->vars[lv].domain, nf = g->vars[fv].domain;
  mpq_t *UL = mem_alloc ((size_t) nl * nf * sizeof *UL), *UF = mem_alloc ((size_t) nl * nf * sizeof *UF);
  for (unsigned i = 0; i < nl; i++)
    for (unsigned j = 0; j < nf; j++) {
      for (unsigned q = 0; q < g->nvars; q++) k->vals[q] = g->vars[q].kind == GAME_EXOGENOUS ? k->fixed[q] : 0;
      k->vals[lv] = (int) i, k->vals[fv] = (int) j;
      game_complete (g, k->vals);
      mpq_init (UL[i * nf + j]), mpq_init (UF[i * nf + j]);
      leaf (k, UF[i * nf + j], UL[i * nf + j]);
    }
  for (unsigned q = 0; q < g->nvars; q++) k->vals[q] = g->vars[q].kind == GAME_EXOGENOUS ? k->fixed[q] : 0;
  game_complete (g, k->vals);
  const mpq_t *p = dist_at (k, &g->vars[lv]);
  mpq_t *ef = mem_alloc (nf * sizeof *ef), *el = mem_alloc (nf * sizeof *el);
  for (unsigned j = 0; j < nf; j++) {
    mpq_init (ef[j]), mpq_init (el[j]);
    for (unsigned i = 0; p && i < nl; i++) {
      mpq_mul (k->a, p[i], UF[i * nf + j]), mpq_add (ef[j], ef[j], k->a);
      mpq_mul (k->a, p[i], UL[i * nf + j]), mpq_add (el[j], el[j], k->a);
    }
  }
  if (p) {
    const game_policy *fp = &k->b->pure->pol[ft - 1];
    int r = check_choice (k, fv, fp->act[profile_index (fp, k->vals, 0)], ef, el);
    if (r >= 0) mpq_set (k->rep->leader, el[r]), mpq_set (k->rep->follower, ef[r]);
  }
  if (!k->failed && c && c->kind == BEHAV_CERT_LP) {
    k->rep->optimality_checked = true;
    if (c->nl != nl || c->nf != nf || c->lstage != lt || c->fstage != ft) {
      fail (k, "certificate: its shape (%u x %u) does not fit the game (%u x %u)", c->nl, c->nf, nl, nf);
    }
    for (unsigned j = 0; j < nf && !k->failed; j++) {
      const mpq_t *w = c->w + (size_t) j * nf;
      for (unsigned j2 = 0; j2 < nf; j2++)
        if (mpq_sgn (w[j2]) < 0) fail (k, "certificate: LP %u: negative multiplier for follower action %u", j, j2);
      if (mpq_cmp (c->z[j], k->rep->leader) > 0)
        fail (k, "certificate: LP %u: bound exceeds the leader's reward (not optimal)", j);
      for (unsigned i = 0; i < nl && !k->failed; i++) {
        mpq_set (k->b2, UL[i * nf + j]);
        for (unsigned j2 = 0; j2 < nf; j2++) {
          mpq_sub (k->a, UF[i * nf + j], UF[i * nf + j2]);
          mpq_mul (k->a, k->a, w[j2]);
          mpq_add (k->b2, k->b2, k->a);
        }
        if (mpq_cmp (k->b2, c->z[j]) > 0)
          fail (k, "certificate: LP %u: dual constraint of leader action %u violated", j, i);
      }
    }
  } else if (!k->failed && c && c->kind == BEHAV_CERT_TREE) {
    fail (k, "certificate: a tree certificate for a one-shot game");
  }
  for (unsigned j = 0; j < nf; j++) mpq_clear (ef[j]), mpq_clear (el[j]);
  for (size_t q = 0; q < (size_t) nl * nf; q++) mpq_clear (UL[q]), mpq_clear (UF[q]);
  free (ef), free (el), free (UL), free (UF);
}

bool chk_mixed_check (const game *g, const behav_profile *b, const behav_cert *c, chk_mixed_report *rep,
                      scnfg_error *err) {
  rep->verdict = CHK_MIXED_OK;
  rep->optimality_checked = false;
  rep->msg[0] = 0;
  if (g->nplayers != 2 || g->leader < 0)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "mixed commitment needs exactly two players");
  ck k;
  memset (&k, 0, sizeof k);
  k.g = g, k.b = b, k.c = c, k.L = g->leader, k.F = 1 - g->leader, k.rep = rep;
  k.vals = mem_calloc (g->nvars + 1, sizeof *k.vals);
  k.fixed = mem_calloc (g->nvars + 1, sizeof *k.fixed);
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *x = &g->vars[i];
    if (x->kind != GAME_EXOGENOUS) continue;
    int n = 0;
    for (unsigned a = 0; a < x->domain; a++)
      if (mpq_sgn (x->prior[a])) k.fixed[i] = (int) a, n++;
    if (n != 1) {
      free (k.vals), free (k.fixed);
      return error_set (err, ERROR_INPUT, g->file, x->line, 0, "mixed commitment: exogenous '%s' is random", x->id);
    }
  }
  bool tree = game_is_perfect_info (g);
  if (!tree && g->nstages != 2) {
    free (k.vals), free (k.fixed);
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "mixed commitment: neither one-shot nor perfect information");
  }
  mpq_init (k.a), mpq_init (k.b2), mpq_init (k.c2);
  if (tree) {
    bool cert = c && c->kind == BEHAV_CERT_TREE;
    if (c && c->kind == BEHAV_CERT_LP) fail (&k, "certificate: an LP certificate for a tree");
    mpq_t t;
    mpq_init (t);
    behav_pwl root;
    behav_pwl_init (&root);
    walk (&k, 0, rep->follower, rep->leader, t, cert ? &root : NULL);
    if (!k.failed && cert) {
      rep->optimality_checked = true;
      if (k.node != c->nnodes) fail (&k, "certificate: %zu frontiers for %zu choice nodes", c->nnodes, k.node);
      else if (mpq_cmp (root.vr[0], rep->leader) > 0)
        fail (&k, "certificate: the root frontier allows the leader more than its reward (not optimal)");
    }
    behav_pwl_clear (&root);
    mpq_clear (t);
  } else {
    oneshot (&k);
  }
  if (k.failed) rep->verdict = CHK_MIXED_FAILED;
  else if (!rep->optimality_checked) snprintf (rep->msg, sizeof rep->msg, "leader optimality not checked (no certificate)");
  else snprintf (rep->msg, sizeof rep->msg, "response and certificate of optimality verified");
  mpq_clear (k.a), mpq_clear (k.b2), mpq_clear (k.c2);
  free (k.vals), free (k.fixed);
  return true;
}
