/* Gambit .efg and Graphviz DOT exports (see export.h). The .efg follows
 * Gambit's extensive-form format, version 2 with rational numbers: a
 * prefix listing of the tree, "c" chance nodes, "p" player nodes, "t"
 * terminal nodes, each player node naming its player and information set. */
#include "solver/model/export.h"

#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"

typedef struct efg {
  const game *g;
  FILE *f;              /* NULL while counting */
  int *vals;
  size_t nodes, max;
  game_profile *iset;   /* act[] holds the information set number, or -1 */
  unsigned *next_iset;  /* per player */
  unsigned next_chance, next_outcome;
  mpq_t *pay;
} efg;

/* Gambit strings: double quotes are escaped with a backslash. */
static void put_str (FILE *f, const char *s) {
  fputc ('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc ('\\', f);
    fputc (*s, f);
  }
  fputc ('"', f);
}

static bool walk (efg *e, unsigned k) {
  const game *g = e->g;
  while (k < g->nfixed) {
    int v = g->order[k];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) e->vals[v] = (int) game_eval (x->expr, e->vals);
    else if (x->kind == GAME_ACTION && !game_active (g, v, e->vals)) e->vals[v] = 0;
    else if (x->kind == GAME_ACTION && x->layers == GAME_L1) e->vals[v] = game_instinct (g, v, e->vals);
    else break;
    k++;
  }
  if (++e->nodes > e->max) return false;
  char lb[64];
  if (k == g->nfixed) {
    if (e->f) {
      game_rewards (g, e->vals, e->pay);
      fprintf (e->f, "t \"\" %u \"\" { ", ++e->next_outcome);
      for (unsigned p = 0; p < g->nplayers; p++) {
        if (p) fputs (", ", e->f);
        rat_print (e->f, e->pay[p]);
      }
      fputs (" }\n", e->f);
    }
    return true;
  }
  int v = g->order[k];
  const game_var *x = &g->vars[v];
  if (e->f) {
    if (x->kind == GAME_EXOGENOUS) {
      fprintf (e->f, "c ");
      put_str (e->f, x->id);
      fprintf (e->f, " %u \"\" { ", ++e->next_chance);
      for (unsigned a = 0; a < x->domain; a++) {
        put_str (e->f, game_value_label (g, v, (int) a, lb, sizeof lb));
        fputc (' ', e->f);
        rat_print (e->f, x->prior[a]);
        fputc (' ', e->f);
      }
      fputs ("} 0\n", e->f);
    } else {
      game_policy *pol = &e->iset->pol[x->stage - 1];
      size_t idx = profile_index (pol, e->vals, 0);
      bool fresh = pol->act[idx] == PROFILE_NONE;
      if (fresh) pol->act[idx] = (int) ++e->next_iset[x->player];
      fprintf (e->f, "p \"\" %d %d ", x->player + 1, pol->act[idx]);
      char desc[700], name[800];
      profile_describe_infoset (g, pol, idx, desc, sizeof desc);
      snprintf (name, sizeof name, "stage %u %s: %s", x->stage, x->id, desc);
      put_str (e->f, name);
      fputs (" { ", e->f);
      for (unsigned a = 0; a < x->domain; a++) {
        put_str (e->f, game_value_label (g, v, (int) a, lb, sizeof lb));
        fputc (' ', e->f);
      }
      fputs ("} 0\n", e->f);
    }
  }
  for (unsigned a = 0; a < x->domain; a++) {
    e->vals[v] = (int) a;
    if (!walk (e, k + 1)) return false;
  }
  return true;
}

bool export_efg (FILE *f, const game *g, size_t max_nodes, scnfg_error *err) {
  efg e;
  memset (&e, 0, sizeof e);
  e.g = g;
  e.max = max_nodes;
  e.vals = mem_calloc (g->nvars + 1, sizeof *e.vals);
  bool ok = walk (&e, 0);
  if (!ok) {
    free (e.vals);
    return error_set (err, ERROR_LIMIT, g->file, 0, 0, "the game tree has more than %zu nodes (raise --max-nodes)",
                      max_nodes);
  }
  if (profile_size (g) > ((size_t) 1 << 26)) {
    free (e.vals);
    return error_set (err, ERROR_LIMIT, g->file, 0, 0, "too many information sets to number");
  }
  e.f = f;
  e.nodes = 0;
  e.max = (size_t) -1;
  e.iset = profile_new (g, 0);
  e.next_iset = mem_calloc (g->nplayers, sizeof *e.next_iset);
  e.pay = mem_alloc (g->nplayers * sizeof *e.pay);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_init (e.pay[p]);
  fputs ("EFG 2 R ", f);
  put_str (f, g->name);
  fputs (" { ", f);
  for (unsigned p = 0; p < g->nplayers; p++) {
    put_str (f, g->players[p]);
    fputc (' ', f);
  }
  fputs ("}\n", f);
  put_str (f, "Exported by scnfg: the plain game without layer choices (Pearl's layers and intuitions are not "
              "represented; stages allowing only layer 1 play their instinct and have no node; inactive stages "
              "have no node). Chance nodes are the exogenous variables, information sets the observation sets.");
  fputs ("\n\n", f);
  walk (&e, 0);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_clear (e.pay[p]);
  free (e.pay), free (e.next_iset), free (e.vals);
  profile_free (e.iset);
  if (ferror (f)) return error_set (err, ERROR_IO, NULL, 0, 0, "write error");
  return true;
}

/* ---- DOT --------------------------------------------------------------- */

static const char *palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

static void reads (const game_expr *e, int *seen, int child, FILE *f, const game *g, const char *style) {
  if (!e) return;
  int one[1];
  const int *ps = e->parents;
  unsigned n = e->nparents;
  if (e->op == GAME_VAR || e->op == GAME_EQ) one[0] = e->var, ps = one, n = 1;
  for (unsigned i = 0; i < n; i++) {
    if (seen[ps[i]] == child + 1) continue;
    seen[ps[i]] = child + 1;
    fprintf (f, "  \"%s\" -> \"%s\"%s;\n", g->vars[ps[i]].id, g->vars[child].id, style);
  }
  for (unsigned i = 0; i < e->nkids; i++) reads (e->kids[i], seen, child, f, g, style);
}

void export_dot (FILE *f, const game *g) {
  fputs ("digraph scnfg {\n  rankdir=LR;\n  label=", f);
  put_str (f, g->name);
  fputs (";\n  node [fontname=\"Helvetica\"];\n", f);
  for (unsigned p = 0; p < g->nplayers; p++)
    fprintf (f, "  /* player %s%s: %s */\n", g->players[p], (int) p == g->leader ? " (leader)" : "",
             palette[p % (sizeof palette / sizeof *palette)]);
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *v = &g->vars[i];
    const char *color = v->player >= 0 ? palette[v->player % (sizeof palette / sizeof *palette)] : "#7f7f7f";
    fprintf (f, "  \"%s\" [", v->id);
    switch (v->kind) {
    case GAME_EXOGENOUS:
      fprintf (f, "shape=ellipse, style=dashed, color=\"%s\", label=\"%s\\nexogenous, position %u\"", color, v->id,
               v->position);
      break;
    case GAME_ENDOGENOUS: fprintf (f, "shape=box, color=\"%s\", label=\"%s\"", color, v->id); break;
    case GAME_ACTION:
      fprintf (f, "shape=diamond, style=bold, color=\"%s\", label=\"%s\\nstage %u, %s\"", color, v->id, v->stage,
               g->players[v->player]);
      break;
    case GAME_UTILITY:
      fprintf (f, "shape=octagon, color=\"%s\", label=\"%s\\n%s\"", color, v->id, g->players[v->player]);
      break;
    }
    fputs ("];\n", f);
  }
  int *seen = mem_calloc (g->nvars + 1, sizeof *seen);
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *v = &g->vars[i];
    reads (v->expr, seen, (int) i, f, g, v->kind == GAME_ACTION ? " [label=\"instinct\"]" : "");
    reads (v->active_if, seen, (int) i, f, g, " [label=\"active-if\", style=dotted]");
    for (unsigned j = 0; j < v->nobs; j++)
      fprintf (f, "  \"%s\" -> \"%s\" [style=dashed, color=\"#7f7f7f\"];\n", g->vars[v->obs[j]].id, v->id);
  }
  free (seen);
  fputs ("}\n", f);
}
