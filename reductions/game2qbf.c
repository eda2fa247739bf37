/* Membership reduction S-CNFG -> QBF (see game2qbf.h): the stages become the
 * prefix, the structural equations and rewards become Tseitin definitions
 * (Tseitin 1968) in the innermost ∃ block. */
#include "reductions/game2qbf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "solver/model/game.h"
#include "solver/model/qbf.h"
#include "solver/sat/sat.h"

typedef struct enc {
  const game *g;
  scnfg_error *err;
  int nv;          /* QBF variables so far */
  int top;         /* a variable forced true: constants are top / -top */
  int *lit;        /* game var -> literal of its (effective) value, 0 = none */
  int *cls;        /* clause buffer, each clause 0-terminated */
  size_t ncls, cap;
  unsigned nclauses;
  int cur;         /* game variable being encoded (for messages) */
  bool ok;
} enc;

static bool fail (enc *e, const char *what) {
  if (!e->ok) return false;
  const game_var *v = &e->g->vars[e->cur];
  error_set (e->err, ERROR_INPUT, e->g->file, v->line, 0, "variable '%s': %s (encode needs a Boolean win/lose game)",
             v->id, what);
  e->ok = false;
  return false;
}

static void clause (enc *e, int a, int b, int c) {
  mem_reserve ((void **) &e->cls, &e->cap, e->ncls + 4, sizeof *e->cls);
  if (a) e->cls[e->ncls++] = a;
  if (b) e->cls[e->ncls++] = b;
  if (c) e->cls[e->ncls++] = c;
  e->cls[e->ncls++] = 0;
  e->nclauses++;
}

static int aux (enc *e) { return ++e->nv; }

static int and2 (enc *e, int a, int b) {
  if (a == -e->top || b == -e->top || a == -b) return -e->top;
  if (a == e->top || a == b) return b;
  if (b == e->top) return a;
  int o = aux (e);
  clause (e, -o, a, 0), clause (e, -o, b, 0), clause (e, o, -a, -b);
  return o;
}

static int or2 (enc *e, int a, int b) { return -and2 (e, -a, -b); }

static int xor2 (enc *e, int a, int b) {
  if (a == e->top) return -b;
  if (a == -e->top) return b;
  if (b == e->top) return -a;
  if (b == -e->top) return a;
  int o = aux (e);
  clause (e, -o, a, b), clause (e, -o, -a, -b), clause (e, o, -a, b), clause (e, o, a, -b);
  return o;
}

/* Literal of the Boolean value of x (a game variable). */
static int ref (enc *e, int x) {
  const game_var *v = &e->g->vars[x];
  if (v->domain != 2) return fail (e, "reads a variable whose domain is not {0,1}"), e->top;
  if (!e->lit[x]) return fail (e, "reads a variable that is not encoded (exogenous?)"), e->top;
  return e->lit[x];
}

/* 0/1 value of a rational or integer constant, -1 otherwise. */
static int bit_q (const mpq_t q) { return mpq_cmp_ui (q, 0, 1) == 0 ? 0 : mpq_cmp_ui (q, 1, 1) == 0 ? 1 : -1; }

static int tseitin (enc *e, const game_expr *x);

/* One definition o <-> AND(kids) (or OR(kids)) with k+1 clauses. */
static int nary (enc *e, const game_expr *x, bool is_and) {
  int unit = is_and ? e->top : -e->top; /* neutral element */
  int *l = mem_alloc ((x->nkids + 1) * sizeof *l);
  unsigned n = 0;
  int result = 0;
  for (unsigned k = 0; k < x->nkids && !result; k++) {
    int a = tseitin (e, x->kids[k]);
    if (a == unit) continue;
    if (a == -unit) result = -unit; /* absorbing */
    else l[n++] = a;
  }
  if (!result) {
    if (n == 0) result = unit;
    else if (n == 1) result = l[0];
    else {
      int o = aux (e), s = is_and ? 1 : -1; /* OR(l) = -AND(-l) */
      for (unsigned k = 0; k < n; k++) clause (e, -o, s * l[k], 0);
      mem_reserve ((void **) &e->cls, &e->cap, e->ncls + n + 2, sizeof *e->cls);
      e->cls[e->ncls++] = o;
      for (unsigned k = 0; k < n; k++) e->cls[e->ncls++] = -s * l[k];
      e->cls[e->ncls++] = 0;
      e->nclauses++;
      result = is_and ? o : -o;
    }
  }
  free (l);
  return result;
}

static int tseitin (enc *e, const game_expr *x) {
  if (!e->ok) return e->top;
  switch (x->op) {
  case GAME_CONST: {
    int b = bit_q (x->q);
    if (b < 0) return fail (e, "has a constant other than 0 and 1"), e->top;
    return b ? e->top : -e->top;
  }
  case GAME_VAR: return ref (e, x->var);
  case GAME_EQ: {
    int l = ref (e, x->var);
    return x->k == 1 ? l : x->k == 0 ? -l : -e->top;
  }
  case GAME_NOT: return -tseitin (e, x->kids[0]);
  case GAME_AND:
  case GAME_PROD:
  case GAME_OR: return nary (e, x, x->op != GAME_OR);
  case GAME_XOR: {
    int acc = -e->top;
    for (unsigned k = 0; k < x->nkids; k++) acc = xor2 (e, acc, tseitin (e, x->kids[k]));
    return acc;
  }
  case GAME_ITE: {
    int c = tseitin (e, x->kids[0]), a = tseitin (e, x->kids[1]), b = tseitin (e, x->kids[2]);
    return or2 (e, and2 (e, c, a), and2 (e, -c, b));
  }
  case GAME_SUM:
    if (x->nkids == 1) return tseitin (e, x->kids[0]);
    return fail (e, "is a sum of several terms"), e->top;
  case GAME_TABLE: {
    int *p = mem_alloc ((x->nparents + 1) * sizeof *p);
    for (unsigned k = 0; k < x->nparents; k++) p[k] = ref (e, x->parents[k]);
    int acc = -e->top;
    for (size_t row = 0; row < x->nentries && e->ok; row++) {
      int b = x->qvals ? bit_q (x->qvals[row]) : x->ivals[row] == 0 ? 0 : x->ivals[row] == 1 ? 1 : -1;
      if (b < 0) { fail (e, "has a table entry other than 0 and 1"); break; }
      if (!b) continue;
      int term = e->top;
      size_t r = row;
      for (unsigned k = x->nparents; k-- > 0;) { /* last parent fastest */
        term = and2 (e, term, r % 2 ? p[k] : -p[k]);
        r /= 2;
      }
      acc = or2 (e, acc, term);
    }
    free (p);
    return acc;
  }
  }
  return fail (e, "has an unsupported expression"), e->top;
}

/* The single utility node of player p, or -1 (error set). */
static int utility_of (enc *e, int p) {
  int found = -1, n = 0;
  for (unsigned v = 0; v < e->g->nvars; v++)
    if (e->g->vars[v].kind == GAME_UTILITY && e->g->vars[v].player == p) found = (int) v, n++;
  if (n != 1) {
    error_set (e->err, ERROR_INPUT, e->g->file, 0, 0,
               "player '%s' has %d utility nodes; encode needs exactly one per player", e->g->players[p], n);
    e->ok = false;
    return -1;
  }
  return found;
}

/* One SAT call per assumption pair: can both players get the same reward? */
static bool constant_sum (enc *e, int rl, int rf, int nstage_vars) {
  sat_acct acct = {0};
  sat *s = sat_new (&acct, NULL);
  for (int v = 1; v <= e->nv; v++) sat_new_var (s);
  for (size_t i = 0; i < e->ncls;) {
    size_t j = i;
    while (e->cls[j]) j++;
    sat_add_clause (s, e->cls + i, (unsigned) (j - i));
    i = j + 1;
  }
  bool ok = true;
  for (int same = 0; same < 2 && ok; same++) {
    int a[2] = {same ? rl : -rl, same ? rf : -rf};
    if (sat_solve (s, a, 2, 0) == SAT_SAT) {
      char buf[160] = "";
      size_t n = 0;
      for (int v = 1; v <= nstage_vars && n + 16 < sizeof buf; v++)
        n += (size_t) snprintf (buf + n, sizeof buf - n, "%s%d", v > 1 ? " " : "", sat_value (s, v) > 0 ? 1 : 0);
      error_set (e->err, ERROR_INPUT, e->g->file, 0, 0,
                 "not win/lose: both players get %d when the stages play %s (encode needs reward(F) = 1 - reward(L))",
                 same, buf);
      ok = false;
    }
  }
  sat_free (s);
  return ok;
}

bool game2qbf_encode (qbf **out, char ***names, const game *g, const mpq_t t, scnfg_error *err) {
  *out = NULL;
  if (names) *names = NULL;
  enc e = {.g = g, .err = err, .ok = true};
  if (g->nplayers != 2)
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "encode needs exactly two players (the game has %u)", g->nplayers);
  if (!game_is_perfect_info (g))
    return error_set (err, ERROR_INPUT, g->file, 0, 0, "encode needs a perfect-information game");
  for (unsigned v = 0; v < g->nvars; v++) {
    e.cur = (int) v;
    if (g->vars[v].kind == GAME_EXOGENOUS) fail (&e, "is exogenous (encode needs a game without chance)");
    else if (g->vars[v].kind != GAME_UTILITY && g->vars[v].domain != 2) fail (&e, "has a domain other than {0,1}");
  }
  if (!e.ok) return false;
  e.lit = mem_calloc (g->nvars, sizeof *e.lit);
  /* stage variables 1..K in stage order; stages allowed only layer 1 have no choice */
  int *qvar = mem_calloc (g->nstages + 1, sizeof *qvar);
  for (unsigned st = 1; st <= g->nstages; st++)
    if (game_stage (g, st)->layers != GAME_L1) qvar[st] = ++e.nv;
  int K = e.nv;
  e.top = aux (&e);
  clause (&e, e.top, 0, 0);
  for (unsigned i = 0; i < g->nfixed && e.ok; i++) {
    int v = g->order[i];
    const game_var *gv = &g->vars[v];
    e.cur = v;
    if (gv->kind == GAME_ACTION) {
      int choice = qvar[gv->stage] ? qvar[gv->stage] : gv->expr ? tseitin (&e, gv->expr) : -e.top;
      e.lit[v] = gv->active_if ? and2 (&e, tseitin (&e, gv->active_if), choice) : choice;
    } else if (gv->kind == GAME_ENDOGENOUS) {
      e.lit[v] = tseitin (&e, gv->expr);
    }
  }
  int uL = e.ok ? utility_of (&e, g->leader) : -1;
  int uF = e.ok ? utility_of (&e, 1 - g->leader) : -1;
  int rl = 0, rf = 0;
  if (e.ok) e.cur = uL, rl = tseitin (&e, g->vars[uL].expr);
  if (e.ok) e.cur = uF, rf = tseitin (&e, g->vars[uF].expr);
  if (e.ok && !constant_sum (&e, rl, rf, K)) e.ok = false;
  if (e.ok) {
    if (mpq_cmp_ui (t, 1, 1) > 0) clause (&e, 0, 0, 0) /* nothing reaches t: false */;
    else if (mpq_sgn (t) > 0) clause (&e, rl, 0, 0);
    qbf *f = qbf_new (e.nv, e.nclauses);
    for (unsigned st = 1; st <= g->nstages; st++)
      if (qvar[st])
        qbf_add_block (f, game_stage (g, st)->player == g->leader ? QBF_EXISTS : QBF_FORALL, &qvar[st], 1, NULL);
    int *defs = mem_alloc ((size_t) (e.nv - K) * sizeof *defs);
    for (int v = K + 1; v <= e.nv; v++) defs[v - K - 1] = v;
    qbf_add_block (f, QBF_EXISTS, defs, (unsigned) (e.nv - K), NULL);
    free (defs);
    for (size_t i = 0; i < e.ncls;) {
      size_t j = i;
      while (e.cls[j]) j++;
      qbf_add_clause (f, e.cls + i, (unsigned) (j - i));
      i = j + 1;
    }
    qbf_finish (f);
    *out = f;
    if (names) {
      char **nm = mem_alloc (((size_t) e.nv + 1) * sizeof *nm);
      for (int v = 0; v <= e.nv; v++) nm[v] = mem_strdup ("");
      for (unsigned st = 1; st <= g->nstages; st++)
        if (qvar[st]) free (nm[qvar[st]]), nm[qvar[st]] = mem_strdup (game_stage (g, st)->id);
      *names = nm;
    }
  }
  free (qvar), free (e.lit), free (e.cls);
  return e.ok;
}
