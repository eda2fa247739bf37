/* Generic payoffs (see generic.h): the p-adic test. */
#include "instances/generic.h"

#include <gmp.h>
#include <stdio.h>

#include "solver/model/game.h"

/* True iff p divides the denominator of no constant of e, except inside skip. */
static bool prime_free (const game_expr *e, const game_expr *skip, const mpz_t p) {
  if (!e || e == skip) return true;
  if (e->op == GAME_CONST && mpz_divisible_p (mpq_denref (e->q), p)) return false;
  if (e->op == GAME_TABLE && e->qvals)
    for (size_t i = 0; i < e->nentries; i++)
      if (mpz_divisible_p (mpq_denref (e->qvals[i]), p)) return false;
  for (unsigned k = 0; k < e->nkids; k++)
    if (!prime_free (e->kids[k], skip, p)) return false;
  return true;
}

/* If e is a table over x alone with entries k/p, p prime > D, the k distinct
 * modulo p: true and p set. */
static bool perturbation (const game_expr *e, int x, const mpz_t D, mpz_t p) {
  if (e->op != GAME_TABLE || !e->qvals || e->nparents != 1 || e->parents[0] != x || !e->nentries) return false;
  mpz_set (p, mpq_denref (e->qvals[0]));
  if (mpz_cmp (p, D) <= 0 || !mpz_probab_prime_p (p, 30)) return false;
  bool ok = true;
  mpz_t a, b;
  mpz_init (a), mpz_init (b);
  for (size_t i = 0; i < e->nentries && ok; i++) {
    ok = mpz_cmp (mpq_denref (e->qvals[i]), p) == 0;
    mpz_mod (a, mpq_numref (e->qvals[i]), p);
    for (size_t j = 0; j < i && ok; j++) {
      mpz_mod (b, mpq_numref (e->qvals[j]), p);
      ok = mpz_cmp (a, b) != 0;
    }
  }
  mpz_clear (a), mpz_clear (b);
  return ok;
}

/* Stage t's test: a perturbation term of its mover and p free elsewhere. */
static bool stage_generic (const game *g, unsigned t, const mpz_t D, mpz_t p) {
  int x = g->stage_var[t - 1];
  int owner = g->vars[x].player;
  for (unsigned v = 0; v < g->nvars; v++) {
    const game_var *u = &g->vars[v];
    if (u->kind != GAME_UTILITY || u->player != owner || !u->expr || !perturbation (u->expr, x, D, p)) continue;
    bool free_elsewhere = true;
    for (unsigned w = 0; w < g->nvars && free_elsewhere; w++)
      if (g->vars[w].kind == GAME_UTILITY && g->vars[w].player == owner)
        free_elsewhere = prime_free (g->vars[w].expr, u->expr, p);
    if (free_elsewhere) return true;
  }
  return false;
}

bool generic_check (const game *g, char *why, size_t size) {
  mpz_t D, l, p;
  mpz_init_set_ui (D, 1), mpz_init (l), mpz_init (p);
  for (unsigned v = 0; v < g->nvars; v++)
    if (g->vars[v].kind == GAME_EXOGENOUS && g->vars[v].prior) {
      mpz_set_ui (l, 1);
      for (unsigned i = 0; i < g->vars[v].domain; i++) mpz_lcm (l, l, mpq_denref (g->vars[v].prior[i]));
      mpz_mul (D, D, l);
    }
  bool ok = true;
  for (unsigned t = 1; t <= g->nstages && ok; t++) {
    if (game_stage (g, t)->layers == GAME_L1) continue; /* no choice */
    ok = stage_generic (g, t, D, p);
    if (!ok && why && size)
      gmp_snprintf (why, size, "stage %u (%s): no utility of its mover over %s alone with a prime denominator above "
                    "%Zd that no other payoff of that player uses", t, game_stage (g, t)->id, game_stage (g, t)->id, D);
  }
  mpz_clear (D), mpz_clear (l), mpz_clear (p);
  return ok;
}
