/* Hardness reduction QBF/SSAT -> S-CNFG (see qbf2game.h): the prefix becomes
 * a sequence of perfect-information stages (Stockmeyer & Meyer's game reading
 * of QBF; for SSAT, Papadimitriou's "games against nature", JCSS 31, 1985),
 * the matrix becomes clause nodes of the structural causal model. */
#include "reductions/qbf2game.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"
#include "solver/model/game.h"
#include "solver/model/qbf.h"

static size_t count_entries (const game_expr *e) {
  if (!e) return 0;
  size_t n = 1 + (e->op == GAME_TABLE ? e->nentries : 0);
  for (unsigned k = 0; k < e->nkids; k++) n += count_entries (e->kids[k]);
  return n;
}

game *qbf2game_reduce (const qbf *f, qbf2game_sizes *sz) {
  game *g = game_new ("reduction of a QBF (DESIGN 5)");
  int L = game_add_player (g, "L"), F = game_add_player (g, "F");
  game_set_leader (g, L);
  int *gv = mem_calloc ((size_t) f->nvars + 1, sizeof *gv); /* QBF var -> game var */
  int *actions = mem_alloc (((size_t) f->nvars + 1) * sizeof *actions);
  int *chance = mem_alloc (((size_t) f->nvars + 1) * sizeof *chance);
  unsigned nact = 0, nchance = 0;
  char id[32];
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) {
      int v = f->blocks[b].vars[i];
      snprintf (id, sizeof id, "x%d", qbf_orig_var (f, v));
      if (f->blocks[b].quant == QBF_RANDOM) {
        int u = game_add_var (g, GAME_EXOGENOUS, id, 2);
        mpq_t prior[2];
        mpq_inits (prior[0], prior[1], NULL);
        mpq_set_ui (prior[0], 1, 1);
        mpq_sub (prior[0], prior[0], f->prob[v]);
        mpq_set (prior[1], f->prob[v]);
        game_set_prior (g, u, (const mpq_t *) prior);
        mpq_clears (prior[0], prior[1], NULL);
        game_set_position (g, u, nact + 1);
        gv[v] = u;
        chance[nchance++] = u;
      } else {
        int x = game_add_var (g, GAME_ACTION, id, 2);
        game_set_owner (g, x, f->blocks[b].quant == QBF_EXISTS ? L : F);
        game_set_stage (g, x, nact + 1);
        for (unsigned k = 0; k < nact; k++) game_add_observation (g, x, actions[k]);
        for (unsigned k = 0; k < nchance; k++) game_add_observation (g, x, chance[k]);
        gv[v] = x;
        actions[nact++] = x;
      }
    }
  game_expr **cl = mem_alloc ((f->nclauses + 1) * sizeof *cl);
  game_expr **lits = NULL;
  size_t cap = 0;
  for (unsigned c = 0; c < f->nclauses; c++) {
    unsigned n = qbf_clause_size (f, c);
    mem_reserve ((void **) &lits, &cap, n + 1, sizeof *lits);
    const int *l = qbf_clause_lits (f, c);
    for (unsigned k = 0; k < n; k++) {
      game_expr *r = game_expr_var (gv[abs (l[k])]);
      lits[k] = l[k] > 0 ? r : game_expr_not (r);
    }
    snprintf (id, sizeof id, "c%u", c + 1);
    int cv = game_add_var (g, GAME_ENDOGENOUS, id, 2);
    game_set_expr (g, cv, n ? game_expr_nary (GAME_OR, n, lits) : game_expr_const (0));
    cl[c] = game_expr_var (cv);
  }
  free (lits);
  int phi = game_add_var (g, GAME_ENDOGENOUS, "phi", 2);
  game_set_expr (g, phi, f->nclauses ? game_expr_nary (GAME_AND, f->nclauses, cl) : game_expr_const (1));
  free (cl);
  int uL = game_add_var (g, GAME_UTILITY, "uL", 0);
  game_set_owner (g, uL, L);
  game_set_expr (g, uL, game_expr_var (phi));
  int uF = game_add_var (g, GAME_UTILITY, "uF", 0);
  game_set_owner (g, uF, F);
  game_set_expr (g, uF, game_expr_not (game_expr_var (phi)));
  scnfg_error err;
  error_init (&err);
  INVARIANT (game_finish (g, &err), "the reduced game fails its checks: %s", err.msg); /* f is a finished formula */
  if (sz) {
    sz->formula_vars = qbf_num_quantified (f);
    sz->formula_clauses = f->nclauses;
    sz->formula_lits = f->nlits - f->nclauses;
    sz->game_vars = g->nvars;
    sz->game_entries = 0;
    sz->game_observations = 0;
    for (unsigned v = 0; v < g->nvars; v++) {
      sz->game_entries += count_entries (g->vars[v].expr) + count_entries (g->vars[v].active_if);
      sz->game_observations += g->vars[v].nobs;
    }
  }
  free (gv), free (actions), free (chance);
  return g;
}
