/* The S-CNFG data model: builder, semantic checks, exact evaluation (see model.h). */
/* prefix: game_ */
#include "solver/model/game.h"

#include <assert.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"

static const char *kind_name[] = {"exogenous", "endogenous", "action", "utility"};


/* ---- building ---------------------------------------------------------- */

game *game_new (const char *name) {
  game *g = mem_calloc (1, sizeof *g);
  g->name = mem_strdup (name ? name : "");
  g->leader = -1;
  return g;
}

static void free_labels (char **labels, unsigned n) {
  if (!labels) return;
  for (unsigned i = 0; i < n; i++) free (labels[i]);
  free (labels);
}

void game_free (game *g) {
  if (!g) return;
  for (unsigned i = 0; i < g->nvars; i++) {
    game_var *v = &g->vars[i];
    free (v->id);
    free_labels (v->labels, v->domain);
    if (v->prior) {
      for (unsigned j = 0; j < v->domain; j++) mpq_clear (v->prior[j]);
      free (v->prior);
    }
    game_expr_free (v->expr);
    game_expr_free (v->active_if);
    free (v->obs);
  }
  free (g->vars);
  for (unsigned i = 0; i < g->nplayers; i++) free (g->players[i]);
  free (g->players);
  free (g->stage_var);
  free (g->order);
  free (g->name);
  free (g->file);
  free (g->var_slot), free (g->player_slot);
  free (g);
}

/* ---- id indexes: game_find_var / game_find_player in O(1) expected ---- */

static size_t id_hash (const char *s) {
  size_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char) *s) * 1099511628211ull;
  return h;
}

/* Index of id among names[0..n) through the table, -1 if absent. */
static int index_get (const unsigned *slot, size_t cap, char *const *names, const char *id) {
  if (!cap) return -1;
  for (size_t h = id_hash (id) & (cap - 1); slot[h]; h = (h + 1) & (cap - 1))
    if (!strcmp (names[slot[h] - 1], id)) return (int) slot[h] - 1;
  return -1;
}

/* Adds names[k] (keeping an earlier equal id) to the table, growing it to stay half empty. */
static void index_add (unsigned **slot, size_t *cap, char *const *names, unsigned k) {
  if (2 * ((size_t) k + 1) > *cap) {
    size_t ncap = *cap ? 2 * *cap : 64;
    unsigned *ns = mem_calloc (ncap, sizeof *ns);
    for (size_t i = 0; i < *cap; i++)
      if ((*slot)[i]) {
        size_t h = id_hash (names[(*slot)[i] - 1]) & (ncap - 1);
        while (ns[h]) h = (h + 1) & (ncap - 1);
        ns[h] = (*slot)[i];
      }
    free (*slot);
    *slot = ns, *cap = ncap;
  }
  size_t h = id_hash (names[k]) & (*cap - 1);
  for (; (*slot)[h]; h = (h + 1) & (*cap - 1))
    if (!strcmp (names[(*slot)[h] - 1], names[k])) return;
  (*slot)[h] = k + 1;
}

static char *var_id_at (const game *g, unsigned i) { return g->vars[i].id; }

/* index_add for variable k (ids live in the var records). */
static void var_index_add (game *g, unsigned k) {
  if (2 * ((size_t) k + 1) > g->var_slots) {
    size_t ncap = g->var_slots ? 2 * g->var_slots : 64;
    unsigned *ns = mem_calloc (ncap, sizeof *ns);
    for (size_t i = 0; i < g->var_slots; i++)
      if (g->var_slot[i]) {
        size_t h = id_hash (var_id_at (g, g->var_slot[i] - 1)) & (ncap - 1);
        while (ns[h]) h = (h + 1) & (ncap - 1);
        ns[h] = g->var_slot[i];
      }
    free (g->var_slot);
    g->var_slot = ns, g->var_slots = ncap;
  }
  size_t h = id_hash (g->vars[k].id) & (g->var_slots - 1);
  for (; g->var_slot[h]; h = (h + 1) & (g->var_slots - 1))
    if (!strcmp (var_id_at (g, g->var_slot[h] - 1), g->vars[k].id)) return;
  g->var_slot[h] = k + 1;
}

int game_add_player (game *g, const char *id) {
  REQUIRE (!g->finished, "game already finished");
  mem_reserve ((void **) &g->players, &g->cap_players, g->nplayers + 1, sizeof *g->players);
  g->players[g->nplayers] = mem_strdup (id);
  index_add (&g->player_slot, &g->player_slots, g->players, g->nplayers);
  return (int) g->nplayers++;
}

void game_set_leader (game *g, int player) { g->leader = player; }

int game_add_var (game *g, game_kind kind, const char *id, unsigned domain) {
  REQUIRE (!g->finished, "game already finished");
  mem_reserve ((void **) &g->vars, &g->cap_vars, g->nvars + 1, sizeof *g->vars);
  game_var *v = &g->vars[g->nvars];
  memset (v, 0, sizeof *v);
  v->id = mem_strdup (id);
  v->kind = kind;
  v->domain = kind == GAME_UTILITY ? 0 : domain;
  v->player = -1;
  if (kind == GAME_EXOGENOUS) v->position = 1;
  if (kind == GAME_ACTION) v->layers = GAME_LAYERS_ALL;
  var_index_add (g, g->nvars);
  return (int) g->nvars++;
}

static game_var *var_of (game *g, int v, const char *fn) {
  if (v < 0 || (unsigned) v >= g->nvars) require_fail (fn, "API usage", "no such variable %d", v);
  if (g->finished) require_fail (fn, "API usage", "game already finished");
  return &g->vars[v];
}

void game_set_prior (game *g, int v, const mpq_t *prior) {
  game_var *x = var_of (g, v, "game_set_prior");
  REQUIRE (x->kind == GAME_EXOGENOUS, "not exogenous");
  if (!x->prior) {
    x->prior = mem_alloc (x->domain * sizeof *x->prior);
    for (unsigned j = 0; j < x->domain; j++) mpq_init (x->prior[j]);
  }
  for (unsigned j = 0; j < x->domain; j++) mpq_set (x->prior[j], prior[j]);
}

void game_set_position (game *g, int v, unsigned position) {
  game_var *x = var_of (g, v, "game_set_position");
  REQUIRE (x->kind == GAME_EXOGENOUS, "not exogenous");
  x->position = position;
}

void game_set_expr (game *g, int v, game_expr *e) {
  game_var *x = var_of (g, v, "game_set_expr");
  REQUIRE (x->kind != GAME_EXOGENOUS, "exogenous variables have no expression");
  game_expr_free (x->expr);
  x->expr = e;
}

void game_set_active_if (game *g, int v, game_expr *e) {
  game_var *x = var_of (g, v, "game_set_active_if");
  REQUIRE (x->kind == GAME_ACTION, "not an action");
  game_expr_free (x->active_if);
  x->active_if = e;
}

void game_set_owner (game *g, int v, int player) {
  game_var *x = var_of (g, v, "game_set_owner");
  REQUIRE (x->kind == GAME_ACTION || x->kind == GAME_UTILITY, "not an action or utility");
  x->player = player;
}

void game_set_stage (game *g, int v, unsigned stage) {
  game_var *x = var_of (g, v, "game_set_stage");
  REQUIRE (x->kind == GAME_ACTION, "not an action");
  x->stage = stage;
}

void game_set_layers (game *g, int v, unsigned layers) {
  game_var *x = var_of (g, v, "game_set_layers");
  REQUIRE (x->kind == GAME_ACTION, "not an action");
  x->layers = layers;
}

void game_add_observation (game *g, int action, int var) {
  game_var *x = var_of (g, action, "game_add_observation");
  REQUIRE (x->kind == GAME_ACTION, "not an action");
  x->obs = mem_realloc (x->obs, (x->nobs + 1) * sizeof *x->obs);
  x->obs[x->nobs++] = var;
}

void game_set_labels (game *g, int v, char *const *labels) {
  game_var *x = var_of (g, v, "game_set_labels");
  free_labels (x->labels, x->domain);
  x->labels = NULL;
  if (!labels) return;
  x->labels = mem_alloc (x->domain * sizeof *x->labels);
  for (unsigned j = 0; j < x->domain; j++) x->labels[j] = mem_strdup (labels[j]);
}

void game_set_line (game *g, int v, unsigned line) { var_of (g, v, "game_set_line")->line = line; }

/* ---- expressions ------------------------------------------------------- */

static game_expr *expr_new (game_op op) {
  game_expr *e = mem_calloc (1, sizeof *e);
  e->op = op;
  e->var = -1;
  mpq_init (e->q);
  return e;
}

game_expr *game_expr_const (long k) {
  game_expr *e = expr_new (GAME_CONST);
  e->k = k;
  mpq_set_si (e->q, k, 1);
  return e;
}

game_expr *game_expr_const_q (const mpq_t q) {
  game_expr *e = expr_new (GAME_CONST);
  mpq_set (e->q, q);
  if (mpz_cmp_ui (mpq_denref (q), 1) == 0 && mpz_fits_slong_p (mpq_numref (q))) e->k = mpz_get_si (mpq_numref (q));
  return e;
}

game_expr *game_expr_var (int v) {
  game_expr *e = expr_new (GAME_VAR);
  e->var = v;
  return e;
}

game_expr *game_expr_eq (int v, long k) {
  game_expr *e = expr_new (GAME_EQ);
  e->var = v;
  e->k = k;
  return e;
}

static game_expr *with_kids (game_op op, unsigned n, game_expr **kids) {
  game_expr *e = expr_new (op);
  e->nkids = n;
  e->kids = mem_alloc (n * sizeof *kids);
  memcpy (e->kids, kids, n * sizeof *kids);
  return e;
}

game_expr *game_expr_not (game_expr *a) { return with_kids (GAME_NOT, 1, &a); }

game_expr *game_expr_ite (game_expr *c, game_expr *a, game_expr *b) {
  game_expr *k[3] = {c, a, b};
  return with_kids (GAME_ITE, 3, k);
}

game_expr *game_expr_nary (game_op op, unsigned n, game_expr **kids) {
  REQUIRE (op == GAME_AND || op == GAME_OR || op == GAME_XOR || op == GAME_SUM || op == GAME_PROD,
           "not an n-ary operator");
  REQUIRE (n >= 1, "needs at least one operand");
  return with_kids (op, n, kids);
}

game_expr *game_expr_table (unsigned nparents, const int *parents, size_t n, const long *ivals,
                            const mpq_t *qvals) {
  REQUIRE ((ivals == NULL) != (qvals == NULL), "exactly one of ivals, qvals");
  game_expr *e = expr_new (GAME_TABLE);
  e->nparents = nparents;
  e->parents = mem_alloc ((nparents ? nparents : 1) * sizeof *parents);
  if (nparents) memcpy (e->parents, parents, nparents * sizeof *parents);
  e->nentries = n;
  if (ivals) {
    e->ivals = mem_alloc ((n ? n : 1) * sizeof *ivals);
    if (n) memcpy (e->ivals, ivals, n * sizeof *ivals);
  } else {
    e->qvals = mem_alloc ((n ? n : 1) * sizeof *e->qvals);
    for (size_t i = 0; i < n; i++) mpq_init (e->qvals[i]), mpq_set (e->qvals[i], qvals[i]);
  }
  return e;
}

void game_expr_free (game_expr *e) {
  if (!e) return;
  for (unsigned i = 0; i < e->nkids; i++) game_expr_free (e->kids[i]);
  free (e->kids);
  free (e->parents);
  free (e->pdom);
  free (e->ivals);
  if (e->qvals) {
    for (size_t i = 0; i < e->nentries; i++) mpq_clear (e->qvals[i]);
    free (e->qvals);
  }
  mpq_clear (e->q);
  free (e);
}

game_expr *game_expr_copy (const game_expr *e) {
  if (!e) return NULL;
  game_expr *c;
  if (e->op == GAME_TABLE) {
    c = game_expr_table (e->nparents, e->parents, e->nentries, e->ivals, (const mpq_t *) e->qvals);
    if (e->pdom) {
      c->pdom = mem_alloc ((e->nparents ? e->nparents : 1) * sizeof *c->pdom);
      if (e->nparents) memcpy (c->pdom, e->pdom, e->nparents * sizeof *c->pdom);
    }
  } else {
    c = expr_new (e->op);
    c->var = e->var;
    c->k = e->k;
    mpq_set (c->q, e->q);
    if (e->nkids) {
      c->nkids = e->nkids;
      c->kids = mem_alloc (e->nkids * sizeof *c->kids);
      for (unsigned i = 0; i < e->nkids; i++) c->kids[i] = game_expr_copy (e->kids[i]);
    }
  }
  c->line = e->line;
  c->integral = e->integral;
  return c;
}

bool game_expr_reads (const game_expr *e, int w) {
  if (!e) return false;
  if ((e->op == GAME_VAR || e->op == GAME_EQ) && e->var == w) return true;
  for (unsigned i = 0; i < e->nparents; i++)
    if (e->parents[i] == w) return true;
  for (unsigned i = 0; i < e->nkids; i++)
    if (game_expr_reads (e->kids[i], w)) return true;
  return false;
}

bool game_has_chance (const game *g) {
  for (unsigned v = 0; v < g->nvars; v++)
    if (g->vars[v].kind == GAME_EXOGENOUS) return true;
  return false;
}

bool game_stage_confounded (const game *g, unsigned t) {
  const game_var *x = game_stage (g, t);
  for (unsigned w = 0; w < g->nvars; w++) {
    if (!game_expr_reads (x->expr, (int) w)) continue;
    bool seen = false;
    for (unsigned j = 0; j < x->nobs; j++) seen |= x->obs[j] == (int) w;
    if (!seen) return true;
  }
  return false;
}

/* ---- checks ------------------------------------------------------------ */

typedef struct checker {
  game *g;
  scnfg_error *err;
} checker;

static unsigned var_line (const game_var *v, const game_expr *e) {
  return e && e->line ? e->line : v->line;
}

/* "element <kind> 'id': " prefix in every message about a variable. */
#define VFAIL(c, v, e, fmt, ...)                                                                  \
  error_set ((c)->err, ERROR_INPUT, (c)->g->file, var_line ((v), (e)), 0, "element <%s id=\"%s\">: " fmt, \
             kind_name[(v)->kind], (v)->id, __VA_ARGS__)

typedef enum ctx { CTX_EQUATION, CTX_INSTINCT, CTX_ACTIVE, CTX_UTILITY } ctx;

static const char *ctx_name[] = {"equation", "instinct", "active-if", "utility"};

/* Checks e (in context cx of variable v); computes e->integral and *maxval
 * (an upper bound on the integer value outside utilities). */
static bool check_expr (checker *c, const game_var *v, ctx cx, game_expr *e, long *maxval) {
  game *g = c->g;
  e->integral = true;
  *maxval = 0;
  if (e->op == GAME_VAR || e->op == GAME_EQ) {
    if (e->var < 0 || (unsigned) e->var >= g->nvars) return VFAIL (c, v, e, "%s refers to an unknown variable", ctx_name[cx]);
    const game_var *w = &g->vars[e->var];
    if (w->kind == GAME_UTILITY) return VFAIL (c, v, e, "%s refers to utility node '%s'", ctx_name[cx], w->id);
    if (w == v && cx != CTX_INSTINCT && cx != CTX_ACTIVE) return VFAIL (c, v, e, "%s refers to itself", ctx_name[cx]);
    if (w == v) return VFAIL (c, v, e, "%s of an action refers to the action itself", ctx_name[cx]);
    if (e->op == GAME_EQ) {
      if (e->k < 0 || e->k >= (long) w->domain)
        return VFAIL (c, v, e, "eq compares '%s' with %ld, outside its domain 0..%u", w->id, e->k, w->domain - 1);
      *maxval = 1;
    } else {
      *maxval = (long) w->domain - 1;
    }
    return true;
  }
  switch (e->op) {
  case GAME_CONST:
    if (cx != CTX_UTILITY && (mpz_cmp_ui (mpq_denref (e->q), 1) != 0 || mpq_sgn (e->q) < 0 || !mpz_fits_slong_p (mpq_numref (e->q))))
      return VFAIL (c, v, e, "%s constant must be a non-negative integer", ctx_name[cx]);
    e->integral = mpz_cmp_ui (mpq_denref (e->q), 1) == 0 && mpz_fits_slong_p (mpq_numref (e->q));
    *maxval = e->k;
    return true;
  case GAME_SUM:
  case GAME_PROD:
    if (cx != CTX_UTILITY) return VFAIL (c, v, e, "%s may not use sum or prod (utilities only)", ctx_name[cx]);
    /* fall through */
  case GAME_NOT:
  case GAME_AND:
  case GAME_OR:
  case GAME_XOR:
  case GAME_ITE: {
    if ((e->op == GAME_NOT && e->nkids != 1) || (e->op == GAME_ITE && e->nkids != 3) || e->nkids == 0)
      return VFAIL (c, v, e, "%s has a wrong number of operands", ctx_name[cx]);
    long m[3] = {0, 0, 0};
    for (unsigned i = 0; i < e->nkids; i++) {
      long mi;
      if (!check_expr (c, v, cx, e->kids[i], &mi)) return false;
      if (e->op == GAME_SUM || e->op == GAME_PROD || !e->kids[i]->integral) e->integral = false;
      if (i < 3) m[i] = mi;
    }
    *maxval = e->op == GAME_ITE ? (m[1] > m[2] ? m[1] : m[2]) : 1;
    return true;
  }
  case GAME_TABLE: {
    size_t need = 1;
    free (e->pdom);
    e->pdom = mem_alloc ((e->nparents ? e->nparents : 1) * sizeof *e->pdom);
    for (unsigned i = 0; i < e->nparents; i++) {
      int p = e->parents[i];
      if (p < 0 || (unsigned) p >= g->nvars) return VFAIL (c, v, e, "table refers to an unknown variable%s", "");
      const game_var *w = &g->vars[p];
      if (w->kind == GAME_UTILITY) return VFAIL (c, v, e, "table parent '%s' is a utility node", w->id);
      if (w == v) return VFAIL (c, v, e, "table parent '%s' is the variable itself", w->id);
      for (unsigned j = 0; j < i; j++)
        if (e->parents[j] == p) return VFAIL (c, v, e, "table parent '%s' listed twice", w->id);
      if (need > ((size_t) 1 << 26) / w->domain) return VFAIL (c, v, e, "table over too many parent values (over %u)", 1u << 26);
      need *= w->domain;
      e->pdom[i] = w->domain;
    }
    if (e->nentries != need)
      return VFAIL (c, v, e, "table has %zu entries, expected %zu (the product of the parents' domains)", e->nentries, need);
    if (e->ivals && cx == CTX_UTILITY) return VFAIL (c, v, e, "internal: integer table in a utility%s", "");
    if (e->qvals) {
      if (cx != CTX_UTILITY) return VFAIL (c, v, e, "%s table must hold integers", ctx_name[cx]);
      e->integral = false;
      return true;
    }
    for (size_t i = 0; i < need; i++) {
      if (e->ivals[i] < 0) return VFAIL (c, v, e, "table entry %zu is negative", i + 1);
      if (e->ivals[i] > *maxval) *maxval = e->ivals[i];
    }
    return true;
  }
  default:
    return VFAIL (c, v, e, "unknown operator%s", "");
  }
}

/* Calls fn for every variable that v's definition reads (equation, instinct,
 * active-if, observations). */
static void collect_reads (const game_expr *e, int *buf, unsigned *n, unsigned cap) {
  if (!e) return;
  if ((e->op == GAME_VAR || e->op == GAME_EQ) && *n < cap) buf[(*n)++] = e->var;
  for (unsigned i = 0; i < e->nparents && *n < cap; i++) buf[(*n)++] = e->parents[i];
  for (unsigned i = 0; i < e->nkids; i++) collect_reads (e->kids[i], buf, n, cap);
}

static unsigned count_reads (const game_expr *e) {
  if (!e) return 0;
  unsigned n = (e->op == GAME_VAR || e->op == GAME_EQ) + e->nparents;
  for (unsigned i = 0; i < e->nkids; i++) n += count_reads (e->kids[i]);
  return n;
}

/* All (possibly repeated) parents of v in a new array. */
static int *parents_of (const game_var *v, unsigned *n) {
  unsigned cap = count_reads (v->expr) + count_reads (v->active_if) + v->nobs + 1;
  int *p = mem_alloc (cap * sizeof *p);
  *n = 0;
  collect_reads (v->expr, p, n, cap);
  collect_reads (v->active_if, p, n, cap);
  for (unsigned i = 0; i < v->nobs; i++) p[(*n)++] = v->obs[i];
  return p;
}

/* (key, tie, var) triples sorted by key then tie: the fixing order and the rank sort. */
typedef struct keyed {
  long long key;
  unsigned tie;
  int var;
} keyed;

static int keyed_cmp (const void *a, const void *b) {
  const keyed *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->tie > y->tie) - (x->tie < y->tie);
}

static void sort_by_rank (const game *g, int *a, unsigned n) {
  if (n < 2) return;
  keyed *kv = mem_alloc (n * sizeof *kv);
  for (unsigned i = 0; i < n; i++) kv[i] = (keyed) {(long long) g->vars[a[i]].rank, i, a[i]};
  qsort (kv, n, sizeof *kv, keyed_cmp);
  for (unsigned i = 0; i < n; i++) a[i] = kv[i].var;
  free (kv);
}

typedef struct id_ix {
  const char *id;
  unsigned ix;
} id_ix;

static int id_ix_cmp (const void *a, const void *b) {
  const id_ix *x = a, *y = b;
  int d = strcmp (x->id, y->id);
  return d ? d : (x->ix > y->ix) - (x->ix < y->ix);
}

/* first[i] = the smallest j < i with ids[j] equal to ids[i], or UINT_MAX:
 * sorted by (id, index), each run of equal ids starts with its first
 * occurrence (O(n log n); the all-pairs loop took minutes at 10^5 ids). */
static unsigned *first_duplicates (const id_ix *ids, unsigned n) {
  id_ix *s = mem_alloc ((n ? n : 1) * sizeof *s);
  unsigned *first = mem_alloc ((n ? n : 1) * sizeof *first);
  memcpy (s, ids, n * sizeof *s);
  qsort (s, n, sizeof *s, id_ix_cmp);
  for (unsigned k = 0, head = 0; k < n; k++) {
    if (k && strcmp (s[k].id, s[k - 1].id)) head = k;
    first[s[k].ix] = k == head ? UINT_MAX : s[head].ix;
  }
  free (s);
  return first;
}

static bool check_basic (checker *c) {
  game *g = c->g;
  if (g->nplayers == 0) return error_set (c->err, ERROR_INPUT, g->file, 0, 0, "the game has no players");
  id_ix *ids = mem_alloc ((g->nplayers > g->nvars ? g->nplayers : g->nvars + 1) * sizeof *ids);
  for (unsigned i = 0; i < g->nplayers; i++) ids[i] = (id_ix) {g->players[i], i};
  unsigned *first = first_duplicates (ids, g->nplayers);
  for (unsigned i = 0; i < g->nplayers; i++)
    if (first[i] != UINT_MAX) {
      free (ids), free (first);
      return error_set (c->err, ERROR_INPUT, g->file, 0, 0, "element <player id=\"%s\">: duplicate player id", g->players[i]);
    }
  free (first);
  if (g->leader < 0 || (unsigned) g->leader >= g->nplayers) {
    free (ids);
    return error_set (c->err, ERROR_INPUT, g->file, 0, 0, "element <scnfg>: the leader is not one of the players");
  }
  for (unsigned i = 0; i < g->nvars; i++) ids[i] = (id_ix) {g->vars[i].id, i};
  first = first_duplicates (ids, g->nvars);
  free (ids);
  unsigned T = 0;
  for (unsigned i = 0; i < g->nvars; i++) {
    game_var *v = &g->vars[i];
    unsigned j = first[i];
    bool bad = j != UINT_MAX || (v->kind != GAME_UTILITY && (v->domain < 2 || v->domain > (1u << 20)));
    if (bad) free (first);
    if (j != UINT_MAX) return VFAIL (c, v, (game_expr *) NULL, "duplicate id (first declared on line %u)", g->vars[j].line);
    if (v->kind != GAME_UTILITY && v->domain < 2) return VFAIL (c, v, (game_expr *) NULL, "domain %u is below 2", v->domain);
    if (v->kind != GAME_UTILITY && v->domain > (1u << 20)) return VFAIL (c, v, (game_expr *) NULL, "domain %u is too large", v->domain);
    if (v->kind == GAME_ACTION) T++;
  }
  free (first);
  g->nstages = T;
  g->stage_var = mem_alloc ((T ? T : 1) * sizeof *g->stage_var);
  for (unsigned t = 0; t < T; t++) g->stage_var[t] = -1;
  for (unsigned i = 0; i < g->nvars; i++) {
    game_var *v = &g->vars[i];
    if (v->kind == GAME_ACTION) {
      if (v->stage < 1) return VFAIL (c, v, (game_expr *) NULL, "stage %u must be at least 1", v->stage);
      if (v->stage > T)
        return VFAIL (c, v, (game_expr *) NULL, "stage %u leaves a gap: the %u actions must have stages 1..%u", v->stage, T, T);
      if (g->stage_var[v->stage - 1] >= 0)
        return VFAIL (c, v, (game_expr *) NULL, "stage %u already belongs to action '%s'", v->stage, g->vars[g->stage_var[v->stage - 1]].id);
      g->stage_var[v->stage - 1] = (int) i;
    }
  }
  for (unsigned t = 0; t < T; t++)
    if (g->stage_var[t] < 0)
      return error_set (c->err, ERROR_INPUT, g->file, 0, 0, "stages must be numbered 1..%u without gaps: no action has stage %u", T, t + 1);
  for (unsigned i = 0; i < g->nvars; i++) {
    game_var *v = &g->vars[i];
    if ((v->kind == GAME_ACTION || v->kind == GAME_UTILITY) && (v->player < 0 || (unsigned) v->player >= g->nplayers))
      return VFAIL (c, v, (game_expr *) NULL, "owner is not a player%s", "");
    if (v->kind == GAME_EXOGENOUS) {
      if (v->position < 1 || v->position > T + 1)
        return VFAIL (c, v, (game_expr *) NULL, "position %u is outside 1..%u (T+1)", v->position, T + 1);
      if (!v->prior) return VFAIL (c, v, (game_expr *) NULL, "has no prior%s", "");
      mpq_t sum;
      mpq_init (sum);
      bool neg = false;
      for (unsigned j = 0; j < v->domain; j++) {
        if (mpq_sgn (v->prior[j]) < 0) neg = true;
        mpq_add (sum, sum, v->prior[j]);
      }
      bool one = mpq_cmp_ui (sum, 1, 1) == 0;
      char *s = one ? NULL : mpq_get_str (NULL, 10, sum);
      if (neg) VFAIL (c, v, (game_expr *) NULL, "prior has a negative probability%s", "");
      else if (!one) VFAIL (c, v, (game_expr *) NULL, "prior sums to %s, not exactly 1", s);
      if (s) {
        void (*fr) (void *, size_t);
        mp_get_memory_functions (NULL, NULL, &fr);
        fr (s, strlen (s) + 1);
      }
      mpq_clear (sum);
      if (neg || !one) return false;
    }
    if (v->kind == GAME_ACTION) {
      if (v->layers == 0 || (v->layers & ~(unsigned) GAME_LAYERS_ALL))
        return VFAIL (c, v, (game_expr *) NULL, "layers must be a non-empty subset of {1,2,3}%s", "");
      for (unsigned j = 0; j < v->nobs; j++) {
        int w = v->obs[j];
        if (w < 0 || (unsigned) w >= g->nvars) return VFAIL (c, v, (game_expr *) NULL, "observes an unknown variable%s", "");
        if (g->vars[w].kind == GAME_UTILITY) return VFAIL (c, v, (game_expr *) NULL, "observes utility node '%s'", g->vars[w].id);
        if (w == (int) i) return VFAIL (c, v, (game_expr *) NULL, "observes itself%s", "");
        for (unsigned k = 0; k < j; k++)
          if (v->obs[k] == w) return VFAIL (c, v, (game_expr *) NULL, "observes '%s' twice", g->vars[w].id);
      }
    }
    if ((v->kind == GAME_ENDOGENOUS || v->kind == GAME_UTILITY) && !v->expr)
      return VFAIL (c, v, (game_expr *) NULL, "has no %s", v->kind == GAME_UTILITY ? "value" : "equation");
    long m;
    if (v->expr) {
      ctx cx = v->kind == GAME_UTILITY ? CTX_UTILITY : v->kind == GAME_ACTION ? CTX_INSTINCT : CTX_EQUATION;
      if (!check_expr (c, v, cx, v->expr, &m)) return false;
      if (cx != CTX_UTILITY && m > (long) v->domain - 1)
        return VFAIL (c, v, v->expr, "%s can take value %ld, outside the domain 0..%u", ctx_name[cx], m, v->domain - 1);
    }
    if (v->active_if && !check_expr (c, v, CTX_ACTIVE, v->active_if, &m)) return false;
  }
  return true;
}

static void heap_push (int *h, unsigned *n, int x) {
  unsigned i = (*n)++;
  for (; i && h[(i - 1) / 2] > x; i = (i - 1) / 2) h[i] = h[(i - 1) / 2];
  h[i] = x;
}

static int heap_pop (int *h, unsigned *n) {
  int top = h[0], x = h[--*n];
  unsigned i = 0;
  for (;;) {
    unsigned c = 2 * i + 1;
    if (c >= *n) break;
    if (c + 1 < *n && h[c + 1] < h[c]) c++;
    if (h[c] >= x) break;
    h[i] = h[c], i = c;
  }
  if (*n) h[i] = x;
  return top;
}

/* Kahn's algorithm (lowest index first) over the parent edges; then times and order. */
static bool order_vars (checker *c) {
  game *g = c->g;
  unsigned n = g->nvars;
  unsigned *indeg = mem_calloc (n + 1, sizeof *indeg);
  unsigned *nkids = mem_calloc (n + 1, sizeof *nkids);
  int **par = mem_alloc ((n + 1) * sizeof *par);
  unsigned *npar = mem_alloc ((n + 1) * sizeof *npar);
  for (unsigned i = 0; i < n; i++) {
    par[i] = parents_of (&g->vars[i], &npar[i]);
    indeg[i] = npar[i];
    for (unsigned j = 0; j < npar[i]; j++) nkids[par[i][j]]++;
  }
  /* children lists */
  size_t *start = mem_calloc (n + 1, sizeof *start);
  for (unsigned i = 0; i < n; i++) start[i + 1] = start[i] + nkids[i];
  int *kids = mem_alloc ((start[n] + 1) * sizeof *kids);
  size_t *fill = mem_alloc ((n + 1) * sizeof *fill);
  for (unsigned i = 0; i < n; i++) fill[i] = start[i];
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < npar[i]; j++) kids[fill[par[i][j]]++] = (int) i;
  int *topo = mem_alloc ((n + 1) * sizeof *topo);
  unsigned nt = 0;
  /* the lowest ready index first (a binary min-heap) keeps the order canonical */
  bool *done = mem_calloc (n + 1, sizeof *done);
  int *ready = mem_alloc ((n + 1) * sizeof *ready);
  unsigned nready = 0;
  for (unsigned i = 0; i < n; i++)
    if (!indeg[i]) heap_push (ready, &nready, (int) i);
  while (nready) {
    int v = heap_pop (ready, &nready);
    topo[nt++] = v;
    done[v] = true;
    for (size_t k = start[v]; k < start[v + 1]; k++)
      if (--indeg[kids[k]] == 0) heap_push (ready, &nready, kids[k]);
  }
  bool ok = true;
  if (nt < n) {
    /* report the first variable (by line, then index) left on a cycle */
    int bad = -1;
    for (unsigned i = 0; i < n; i++)
      if (!done[i] && (bad < 0 || (g->vars[i].line && g->vars[i].line < g->vars[bad].line))) bad = (int) i;
    ok = VFAIL (c, &g->vars[bad], (game_expr *) NULL, "lies on a cycle of the causal graph%s", "");
  }
  unsigned T = g->nstages;
  if (ok) {
    for (unsigned k = 0; k < n; k++) {
      game_var *v = &g->vars[topo[k]];
      if (v->kind == GAME_EXOGENOUS) v->time = 2 * v->position - 1;
      else if (v->kind == GAME_ACTION) v->time = 2 * v->stage;
      else if (v->kind == GAME_UTILITY) v->time = 2 * T + 2;
      else {
        v->time = 0;
        for (unsigned j = 0; j < npar[topo[k]]; j++)
          if (g->vars[par[topo[k]][j]].time > v->time) v->time = g->vars[par[topo[k]][j]].time;
      }
    }
    for (unsigned i = 0; i < n && ok; i++) {
      game_var *v = &g->vars[i];
      if (v->kind != GAME_ACTION) continue;
      unsigned np = 0;
      int *p = mem_alloc ((count_reads (v->expr) + count_reads (v->active_if) + 1) * sizeof *p);
      collect_reads (v->expr, p, &np, count_reads (v->expr) + 1);
      unsigned ninst = np;
      collect_reads (v->active_if, p, &np, np + count_reads (v->active_if) + 1);
      for (unsigned j = 0; j < np && ok; j++)
        if (g->vars[p[j]].time >= v->time)
          ok = VFAIL (c, v, j < ninst ? v->expr : v->active_if, "%s reads '%s', which is not fixed before stage %u",
                      j < ninst ? "instinct" : "active-if", g->vars[p[j]].id, v->stage);
      free (p);
      for (unsigned j = 0; j < v->nobs && ok; j++)
        if (g->vars[v->obs[j]].time >= v->time)
          ok = VFAIL (c, v, (game_expr *) NULL, "observes '%s', which is not fixed before stage %u", g->vars[v->obs[j]].id, v->stage);
    }
  }
  if (ok) {
    /* order: non-utility variables by (time, topological rank), then utilities */
    unsigned *trank = mem_alloc ((n + 1) * sizeof *trank);
    for (unsigned k = 0; k < n; k++) trank[topo[k]] = k;
    g->order = mem_alloc ((n + 1) * sizeof *g->order);
    unsigned no = 0;
    for (unsigned k = 0; k < n; k++)
      if (g->vars[topo[k]].kind != GAME_UTILITY) g->order[no++] = topo[k];
    g->nfixed = no;
    keyed *kv = mem_alloc ((no + 1) * sizeof *kv);
    for (unsigned i = 0; i < no; i++) kv[i] = (keyed) {(long long) g->vars[g->order[i]].time, trank[g->order[i]], g->order[i]};
    qsort (kv, no, sizeof *kv, keyed_cmp);
    for (unsigned i = 0; i < no; i++) g->order[i] = kv[i].var;
    free (kv);
    for (unsigned i = 0; i < n; i++)
      if (g->vars[i].kind == GAME_UTILITY) g->order[no++] = (int) i;
    for (unsigned k = 0; k < n; k++) g->vars[g->order[k]].rank = k;
    free (trank);
  }
  for (unsigned i = 0; i < n; i++) free (par[i]);
  free (par), free (npar), free (indeg), free (nkids), free (start), free (kids), free (fill), free (topo), free (done),
      free (ready);
  return ok;
}

static bool contains (const int *a, unsigned n, int x) {
  for (unsigned i = 0; i < n; i++)
    if (a[i] == x) return true;
  return false;
}

/* The full perfect-recall check of stage t (every earlier own stage), in
 * the order that names the first failure. */
static bool check_recall_stage (checker *c, unsigned t) {
  game *g = c->g;
  game_var *v = &g->vars[g->stage_var[t - 1]];
  for (unsigned s = 1; s < t; s++) {
    const game_var *w = &g->vars[g->stage_var[s - 1]];
    if (w->player != v->player) continue;
    if (!contains (v->obs, v->nobs, g->stage_var[s - 1]))
      return VFAIL (c, v, (game_expr *) NULL, "perfect recall: player '%s' does not observe its own earlier action '%s' (stage %u)",
                    g->players[v->player], w->id, s);
    for (unsigned j = 0; j < w->nobs; j++)
      if (!contains (v->obs, v->nobs, w->obs[j]))
        return VFAIL (c, v, (game_expr *) NULL, "perfect recall: player '%s' forgets '%s', observed at stage %u",
                      g->players[v->player], g->vars[w->obs[j]].id, s);
  }
  return true;
}

/* Perfect recall by induction over each player's stages: a stage observing
 * the player's previous stage and all it observed observes every earlier own
 * stage and all they observed (those passed before). Linear in the
 * observations; a failing stage is reported by check_recall_stage. */
static bool check_recall (checker *c) {
  game *g = c->g;
  unsigned *mark = mem_calloc ((size_t) g->nvars + 1, sizeof *mark);
  int *prev = mem_alloc (((size_t) g->nplayers + 1) * sizeof *prev);
  for (unsigned p = 0; p < g->nplayers; p++) prev[p] = -1;
  bool ok = true;
  for (unsigned t = 1; t <= g->nstages && ok; t++) {
    const game_var *v = &g->vars[g->stage_var[t - 1]];
    if (v->player < 0 || (unsigned) v->player >= g->nplayers) continue;
    for (unsigned j = 0; j < v->nobs; j++) mark[v->obs[j]] = t;
    int w = prev[v->player];
    bool fine = w < 0 || mark[w] == t;
    for (unsigned j = 0; fine && w >= 0 && j < g->vars[w].nobs; j++) fine = mark[g->vars[w].obs[j]] == t;
    if (!fine) ok = check_recall_stage (c, t);
    prev[v->player] = g->stage_var[t - 1];
  }
  free (mark), free (prev);
  return ok;
}

/* Perfect information: every stage observes every earlier action and every
 * exogenous variable of position <= its stage (counted, distinct observations). */
static bool perfect_info_of (const game *g) {
  unsigned T = g->nstages;
  unsigned *exo = mem_calloc ((size_t) T + 2, sizeof *exo); /* exo[t]: exogenous with position <= t */
  for (unsigned i = 0; i < g->nvars; i++)
    if (g->vars[i].kind == GAME_EXOGENOUS && g->vars[i].position <= T) exo[g->vars[i].position]++;
  for (unsigned t = 1; t <= T; t++) exo[t] += exo[t - 1];
  unsigned *mark = mem_calloc ((size_t) g->nvars + 1, sizeof *mark);
  bool perfect = true;
  for (unsigned t = 1; t <= T && perfect; t++) {
    const game_var *v = game_stage (g, t);
    unsigned have = 0;
    for (unsigned j = 0; j < v->nobs; j++) {
      int o = v->obs[j];
      const game_var *w = &g->vars[o];
      bool need = (w->kind == GAME_ACTION && w->stage < t) || (w->kind == GAME_EXOGENOUS && w->position <= t);
      if (need && mark[o] != t) mark[o] = t, have++;
    }
    perfect = have == (t - 1) + exo[t];
  }
  free (exo), free (mark);
  return perfect;
}

bool game_finish (game *g, scnfg_error *err) {
  REQUIRE (!g->finished, "called twice");
  checker c = {g, err};
  if (!check_basic (&c) || !order_vars (&c) || !check_recall (&c)) return false;
  for (unsigned i = 0; i < g->nvars; i++)
    if (g->vars[i].kind == GAME_ACTION) sort_by_rank (g, g->vars[i].obs, g->vars[i].nobs);
  g->finished = true;
  g->perfect_info = perfect_info_of (g);
  return true;
}

/* ---- queries ----------------------------------------------------------- */

int game_find_var (const game *g, const char *id) {
  if (!g->var_slots) return -1;
  for (size_t h = id_hash (id) & (g->var_slots - 1); g->var_slot[h]; h = (h + 1) & (g->var_slots - 1))
    if (!strcmp (var_id_at (g, g->var_slot[h] - 1), id)) return (int) g->var_slot[h] - 1;
  return -1;
}

int game_find_player (const game *g, const char *id) { return index_get (g->player_slot, g->player_slots, g->players, id); }

bool game_is_perfect_info (const game *g) {
  REQUIRE (g->finished, "game not finished");
  return g->perfect_info;
}

const char *game_value_label (const game *g, int v, int x, char *buf, size_t size) {
  const game_var *w = &g->vars[v];
  if (w->labels && x >= 0 && (unsigned) x < w->domain) return w->labels[x];
  snprintf (buf, size, "%d", x);
  return buf;
}

/* ---- evaluation -------------------------------------------------------- */

static size_t table_index (const game_expr *e, const int *vals) {
  size_t idx = 0;
  for (unsigned i = 0; i < e->nparents; i++) idx = idx * e->pdom[i] + (size_t) vals[e->parents[i]];
  return idx;
}

long game_eval (const game_expr *e, const int *vals) {
  switch (e->op) {
  case GAME_CONST: return e->k;
  case GAME_VAR: return vals[e->var];
  case GAME_EQ: return vals[e->var] == e->k;
  case GAME_NOT: return !game_eval (e->kids[0], vals);
  case GAME_AND:
    for (unsigned i = 0; i < e->nkids; i++)
      if (!game_eval (e->kids[i], vals)) return 0;
    return 1;
  case GAME_OR:
    for (unsigned i = 0; i < e->nkids; i++)
      if (game_eval (e->kids[i], vals)) return 1;
    return 0;
  case GAME_XOR: {
    long x = 0;
    for (unsigned i = 0; i < e->nkids; i++) x ^= game_eval (e->kids[i], vals) != 0;
    return x;
  }
  case GAME_ITE: return game_eval (e->kids[0], vals) ? game_eval (e->kids[1], vals) : game_eval (e->kids[2], vals);
  case GAME_TABLE: return e->ivals[table_index (e, vals)];
  case GAME_SUM:
  case GAME_PROD: break; /* utilities only: game_eval_q */
  }
  assert (0 && "game_eval: operator needs game_eval_q");
  return 0;
}

/* Truth of a kid in a utility expression (nonzero). */
static bool truth_q (const game_expr *e, const int *vals) {
  if (e->integral) return game_eval (e, vals) != 0;
  mpq_t t;
  mpq_init (t);
  game_eval_q (t, e, vals);
  bool r = mpq_sgn (t) != 0;
  mpq_clear (t);
  return r;
}

void game_eval_q (mpq_t out, const game_expr *e, const int *vals) {
  if (e->integral && e->op != GAME_CONST) {
    mpq_set_si (out, game_eval (e, vals), 1);
    return;
  }
  switch (e->op) {
  case GAME_CONST: mpq_set (out, e->q); return;
  case GAME_VAR: mpq_set_si (out, vals[e->var], 1); return;
  case GAME_EQ: mpq_set_si (out, vals[e->var] == e->k, 1); return;
  case GAME_NOT: mpq_set_si (out, !truth_q (e->kids[0], vals), 1); return;
  case GAME_AND:
  case GAME_OR: {
    bool want = e->op == GAME_OR;
    for (unsigned i = 0; i < e->nkids; i++)
      if (truth_q (e->kids[i], vals) == want) {
        mpq_set_si (out, want, 1);
        return;
      }
    mpq_set_si (out, !want, 1);
    return;
  }
  case GAME_XOR: {
    long x = 0;
    for (unsigned i = 0; i < e->nkids; i++) x ^= truth_q (e->kids[i], vals);
    mpq_set_si (out, x, 1);
    return;
  }
  case GAME_ITE: game_eval_q (out, truth_q (e->kids[0], vals) ? e->kids[1] : e->kids[2], vals); return;
  case GAME_TABLE:
    if (e->qvals) mpq_set (out, e->qvals[table_index (e, vals)]);
    else mpq_set_si (out, e->ivals[table_index (e, vals)], 1);
    return;
  case GAME_SUM:
  case GAME_PROD: {
    mpq_t t;
    mpq_init (t);
    game_eval_q (out, e->kids[0], vals);
    for (unsigned i = 1; i < e->nkids; i++) {
      game_eval_q (t, e->kids[i], vals);
      if (e->op == GAME_SUM) mpq_add (out, out, t);
      else mpq_mul (out, out, t);
    }
    mpq_clear (t);
    return;
  }
  }
}

int game_instinct (const game *g, int v, const int *vals) {
  const game_expr *e = g->vars[v].expr;
  return e ? (int) game_eval (e, vals) : 0;
}

bool game_active (const game *g, int v, const int *vals) {
  const game_expr *e = g->vars[v].active_if;
  return !e || game_eval (e, vals) != 0;
}

void game_complete (const game *g, int *vals) {
  for (unsigned k = 0; k < g->nfixed; k++) {
    int v = g->order[k];
    const game_var *x = &g->vars[v];
    if (x->kind == GAME_ENDOGENOUS) vals[v] = (int) game_eval (x->expr, vals);
    else if (x->kind == GAME_ACTION && !game_active (g, v, vals)) vals[v] = 0;
  }
}

void game_rewards (const game *g, const int *vals, mpq_t *out) {
  mpq_t t;
  mpq_init (t);
  for (unsigned p = 0; p < g->nplayers; p++) mpq_set_ui (out[p], 0, 1);
  for (unsigned k = g->nfixed; k < g->nvars; k++) {
    const game_var *x = &g->vars[g->order[k]];
    game_eval_q (t, x->expr, vals);
    mpq_add (out[x->player], out[x->player], t);
  }
  mpq_clear (t);
}

/* ---- equality ---------------------------------------------------------- */

static bool expr_equal (const game_expr *a, const game_expr *b) {
  if (!a || !b) return a == b;
  if (a->op != b->op || a->nkids != b->nkids) return false;
  switch (a->op) {
  case GAME_CONST:
    if (!mpq_equal (a->q, b->q)) return false;
    break;
  case GAME_VAR:
    if (a->var != b->var) return false;
    break;
  case GAME_EQ:
    if (a->var != b->var || a->k != b->k) return false;
    break;
  case GAME_TABLE:
    if (a->nparents != b->nparents || a->nentries != b->nentries || !a->ivals != !b->ivals) return false;
    if (a->nparents && memcmp (a->parents, b->parents, a->nparents * sizeof *a->parents)) return false;
    for (size_t i = 0; i < a->nentries; i++)
      if (a->ivals ? a->ivals[i] != b->ivals[i] : !mpq_equal (a->qvals[i], b->qvals[i])) return false;
    break;
  default: break;
  }
  for (unsigned i = 0; i < a->nkids; i++)
    if (!expr_equal (a->kids[i], b->kids[i])) return false;
  return true;
}

static bool str_equal (const char *a, const char *b) { return !strcmp (a ? a : "", b ? b : ""); }

bool game_equal (const game *a, const game *b) {
  if (!str_equal (a->name, b->name) || a->nplayers != b->nplayers || a->leader != b->leader ||
      a->layers_observable != b->layers_observable || a->nvars != b->nvars)
    return false;
  for (unsigned i = 0; i < a->nplayers; i++)
    if (strcmp (a->players[i], b->players[i])) return false;
  for (unsigned i = 0; i < a->nvars; i++) {
    const game_var *x = &a->vars[i], *y = &b->vars[i];
    if (strcmp (x->id, y->id) || x->kind != y->kind || x->domain != y->domain || x->player != y->player ||
        x->stage != y->stage || x->position != y->position || x->layers != y->layers || x->nobs != y->nobs ||
        !x->labels != !y->labels || !x->prior != !y->prior)
      return false;
    for (unsigned j = 0; x->labels && j < x->domain; j++)
      if (strcmp (x->labels[j], y->labels[j])) return false;
    for (unsigned j = 0; x->prior && j < x->domain; j++)
      if (!mpq_equal (x->prior[j], y->prior[j])) return false;
    if (x->nobs && memcmp (x->obs, y->obs, x->nobs * sizeof *x->obs)) return false;
    if (!expr_equal (x->expr, y->expr) || !expr_equal (x->active_if, y->active_if)) return false;
  }
  return true;
}
