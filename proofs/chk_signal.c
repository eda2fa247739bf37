/* Independent PBE checker for signaling games (see chk_signal.h): its own
 * reading of the shape, its own reward evaluation through the model, plain
 * exact arithmetic, no use of the finder. */
#include "proofs/chk_signal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "solver/model/game.h"

typedef struct chk {
  const game *g;
  int th, m, a, snd, rcv;
  unsigned K, M, A;
  int *vals;
  mpq_t *rw;
} chk;

static void reward (chk *c, mpq_t out, unsigned t, unsigned m, unsigned a, int player) {
  memset (c->vals, 0, (c->g->nvars + 1) * sizeof *c->vals);
  c->vals[c->th] = (int) t, c->vals[c->m] = (int) m, c->vals[c->a] = (int) a;
  game_complete (c->g, c->vals);
  game_rewards (c->g, c->vals, c->rw);
  mpq_set (out, c->rw[player]);
}

/* Expected reward of 'player' when type t sends m and the receiver plays alpha[m]. */
static void expected (chk *c, mpq_t out, unsigned t, unsigned m, mpq_t *const alpha, int player) {
  mpq_t x;
  mpq_init (x);
  mpq_set_ui (out, 0, 1);
  for (unsigned a = 0; a < c->A; a++) {
    if (!mpq_sgn (alpha[m * c->A + a])) continue;
    reward (c, x, t, m, a, player);
    mpq_mul (x, x, alpha[m * c->A + a]);
    mpq_add (out, out, x);
  }
  mpq_clear (x);
}

static bool fail (chk_signal_report *rep, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));
static bool fail (chk_signal_report *rep, const char *fmt, ...) {
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (rep->msg, sizeof rep->msg, fmt, ap);
  va_end (ap);
  rep->ok = false;
  return true;
}

static bool distribution (mpq_t *const row, unsigned n) {
  mpq_t s;
  mpq_init (s);
  bool ok = true;
  for (unsigned i = 0; i < n; i++) {
    ok &= mpq_sgn (row[i]) >= 0;
    mpq_add (s, s, row[i]);
  }
  ok &= mpq_cmp_ui (s, 1, 1) == 0;
  mpq_clear (s);
  return ok;
}

static bool check (chk *c, const int *send, mpq_t *const alpha, mpq_t *const mu, chk_signal_report *rep) {
  const game *g = c->g;
  char b1[64], b2[64];
  for (unsigned t = 0; t < c->K; t++)
    if (send[t] < 0 || (unsigned) send[t] >= c->M) return fail (rep, "type %u sends no valid message", t);
  for (unsigned m = 0; m < c->M; m++) {
    if (!distribution (&alpha[m * c->A], c->A))
      return fail (rep, "the response after %s is not a distribution", game_value_label (g, c->m, (int) m, b1, sizeof b1));
    if (!distribution (&mu[m * c->K], c->K))
      return fail (rep, "the belief after %s is not a distribution", game_value_label (g, c->m, (int) m, b1, sizeof b1));
  }
  const mpq_t *prior = (const mpq_t *) g->vars[c->th].prior;
  mpq_t p, x, best, v;
  mpq_init (p), mpq_init (x), mpq_init (best), mpq_init (v);
  bool bad = false;
  /* Bayes' rule on path */
  for (unsigned m = 0; m < c->M && !bad; m++) {
    mpq_set_ui (p, 0, 1);
    for (unsigned t = 0; t < c->K; t++)
      if (send[t] == (int) m) mpq_add (p, p, prior[t]);
    if (!mpq_sgn (p)) continue;
    for (unsigned t = 0; t < c->K && !bad; t++) {
      mpq_set_ui (x, 0, 1);
      if (send[t] == (int) m) mpq_div (x, prior[t], p);
      if (!mpq_equal (x, mu[m * c->K + t]))
        bad = fail (rep, "the belief in %s after %s is not Bayes' rule", game_value_label (g, c->th, (int) t, b1, sizeof b1),
                    game_value_label (g, c->m, (int) m, b2, sizeof b2));
    }
  }
  /* receiver best responses at every message */
  for (unsigned m = 0; m < c->M && !bad; m++) {
    int arg = -1;
    for (unsigned a = 0; a < c->A; a++) {
      mpq_set_ui (v, 0, 1);
      for (unsigned t = 0; t < c->K; t++) {
        reward (c, x, t, m, a, c->rcv);
        mpq_mul (x, x, mu[m * c->K + t]);
        mpq_add (v, v, x);
      }
      if (arg < 0 || mpq_cmp (v, best) > 0) mpq_set (best, v), arg = (int) a;
    }
    for (unsigned a = 0; a < c->A && !bad; a++) {
      if (!mpq_sgn (alpha[m * c->A + a])) continue;
      mpq_set_ui (v, 0, 1);
      for (unsigned t = 0; t < c->K; t++) {
        reward (c, x, t, m, a, c->rcv);
        mpq_mul (x, x, mu[m * c->K + t]);
        mpq_add (v, v, x);
      }
      if (mpq_cmp (v, best) < 0)
        bad = fail (rep, "after %s the receiver plays %s, but %s is better under its belief",
                    game_value_label (g, c->m, (int) m, b1, sizeof b1), game_value_label (g, c->a, (int) a, b2, sizeof b2),
                    g->vars[c->a].labels ? g->vars[c->a].labels[arg] : "another action");
    }
  }
  /* sender deviations */
  for (unsigned t = 0; t < c->K && !bad; t++) {
    expected (c, best, t, (unsigned) send[t], alpha, c->snd);
    for (unsigned m = 0; m < c->M && !bad; m++) {
      expected (c, v, t, m, alpha, c->snd);
      if (mpq_cmp (v, best) > 0)
        bad = fail (rep, "type %s gains by sending %s", game_value_label (g, c->th, (int) t, b1, sizeof b1),
                    game_value_label (g, c->m, (int) m, b2, sizeof b2));
    }
  }
  mpq_clear (p), mpq_clear (x), mpq_clear (best), mpq_clear (v);
  if (!bad) rep->ok = true, snprintf (rep->msg, sizeof rep->msg, "ok");
  return true;
}

bool chk_signal_pbe (const game *g, const int *send, mpq_t *const alpha, mpq_t *const mu, chk_signal_report *rep,
                     scnfg_error *err) {
  rep->ok = false;
  snprintf (rep->msg, sizeof rep->msg, "not checked");
  if (g->nstages != 2 || g->nplayers != 2)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "chk_signal: not a two-stage two-player game");
  chk c;
  memset (&c, 0, sizeof c);
  c.g = g;
  c.m = g->stage_var[0], c.a = g->stage_var[1];
  const game_var *vm = &g->vars[c.m], *va = &g->vars[c.a];
  if (vm->nobs != 1 || g->vars[vm->obs[0]].kind != GAME_EXOGENOUS || va->nobs != 1 || va->obs[0] != c.m ||
      vm->player == va->player)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "chk_signal: not of signaling shape");
  c.th = vm->obs[0];
  c.snd = vm->player, c.rcv = va->player;
  c.K = g->vars[c.th].domain, c.M = vm->domain, c.A = va->domain;
  c.vals = mem_calloc (g->nvars + 1, sizeof *c.vals);
  c.rw = mem_alloc (g->nplayers * sizeof *c.rw);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_init (c.rw[i]);
  check (&c, send, alpha, mu, rep);
  for (unsigned i = 0; i < g->nplayers; i++) mpq_clear (c.rw[i]);
  free (c.rw), free (c.vals);
  return true;
}
