/* The S-CNFG data model (DESIGN §2): players with a named leader; exogenous,
 * endogenous, action and utility variables over finite domains {0..d-1};
 * expressions and tables; observation sets, instincts, layers, active-if;
 * exact mpq_t priors and rewards. Built with the builder below (the XML
 * reader, the generators and the reductions all use it), checked once by
 * game_finish, then read-only. */
#ifndef SCNFG_SOLVER_MODEL_GAME_H
#define SCNFG_SOLVER_MODEL_GAME_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>

struct scnfg_error;

typedef enum game_kind {
  GAME_EXOGENOUS = 0,
  GAME_ENDOGENOUS = 1,
  GAME_ACTION = 2,
  GAME_UTILITY = 3,
} game_kind;

/* Expression operators. Boolean operators read "nonzero" as true and give
 * 0/1. GAME_SUM and GAME_PROD are allowed in utility expressions only. */
typedef enum game_op {
  GAME_CONST,  /* q (an integer >= 0 outside utilities) */
  GAME_VAR,    /* value of variable 'var' */
  GAME_NOT,    /* 1 kid */
  GAME_AND,    /* >= 1 kids */
  GAME_OR,     /* >= 1 kids */
  GAME_XOR,    /* >= 1 kids: parity of the true kids */
  GAME_ITE,    /* 3 kids: kid0 ? kid1 : kid2 */
  GAME_EQ,     /* [var == k] */
  GAME_SUM,    /* >= 1 kids */
  GAME_PROD,   /* >= 1 kids */
  GAME_TABLE,  /* entries over the parents' joint values, last parent fastest */
} game_op;

typedef struct game_expr {
  game_op op;
  int var;                 /* GAME_VAR, GAME_EQ */
  long k;                  /* GAME_EQ: compared value; GAME_CONST: q if integral */
  mpq_t q;                 /* GAME_CONST (always initialised) */
  unsigned nkids;
  struct game_expr **kids; /* owned */
  unsigned nparents;       /* GAME_TABLE */
  int *parents;            /* GAME_TABLE: variable indices (owned) */
  unsigned *pdom;          /* GAME_TABLE: the parents' domains (set by game_finish) */
  size_t nentries;         /* GAME_TABLE: product of the parents' domains */
  long *ivals;             /* GAME_TABLE outside utilities (owned), else NULL */
  mpq_t *qvals;            /* GAME_TABLE in utilities (owned), else NULL */
  unsigned line;           /* source line, 0 if unknown */
  bool integral;           /* set by game_finish: no rational constant, table
                              entry, sum or product below (fast path) */
} game_expr;

/* Layer bits for game_var.layers. */
enum { GAME_L1 = 1u << 1, GAME_L2 = 1u << 2, GAME_L3 = 1u << 3, GAME_LAYERS_ALL = GAME_L1 | GAME_L2 | GAME_L3 };

typedef struct game_var {
  char *id;
  game_kind kind;
  unsigned domain;         /* d >= 2 (utilities: 0) */
  char **labels;           /* NULL or 'domain' strings */
  int player;              /* action, utility: owner; else -1 */
  unsigned stage;          /* action: 1..T; else 0 */
  unsigned position;       /* exogenous: 1..T+1 (default 1); else 0 */
  mpq_t *prior;            /* exogenous: 'domain' probabilities; else NULL */
  game_expr *expr;         /* endogenous: equation; utility: value;
                              action: instinct (NULL = constant 0) */
  game_expr *active_if;    /* action: NULL = always active */
  unsigned layers;         /* action: subset of GAME_L1|GAME_L2|GAME_L3 */
  unsigned nobs;           /* action: observation set */
  int *obs;                /* sorted by fixing order after game_finish */
  unsigned line;           /* source line, 0 if unknown */
  /* computed by game_finish */
  unsigned time;           /* exogenous at p: 2p-1; action at t: 2t;
                              endogenous: max over parents (0 if none);
                              utility: 2T+2 */
  unsigned rank;           /* index in game.order */
} game_var;

typedef struct game {
  char *name;
  char *file;              /* source file name for messages (may be NULL) */
  unsigned nplayers;
  char **players;          /* ids */
  int leader;              /* player index, -1 until set */
  bool layers_observable;
  unsigned nvars;
  game_var *vars;
  /* computed by game_finish */
  bool finished;
  unsigned nstages;        /* T */
  int *stage_var;          /* stage t (1-based) is variable stage_var[t-1] */
  int *order;              /* all variables in fixing order: by time, then
                              topologically; utilities last */
  unsigned nfixed;         /* order[0..nfixed) are the non-utility variables */
  bool perfect_info;       /* see game_is_perfect_info */
  size_t cap_vars, cap_players;
  /* id indexes (hash, open addressing: 1 + index, 0 empty; the first of equal ids) */
  unsigned *var_slot, *player_slot;
  size_t var_slots, player_slots;
} game;

/* ---- building ---------------------------------------------------------- */

/* A new empty game (name may be NULL). Free with game_free (accepts NULL). */
game *game_new (const char *name);
void game_free (game *g);

/* Adds a player; returns its index. */
int game_add_player (game *g, const char *id);
void game_set_leader (game *g, int player);

/* Adds a variable with defaults (DESIGN §2): exogenous at position 1 with a
 * NULL prior (set it with game_set_prior), actions with all layers, no
 * observations, instinct 0, always active. 'domain' is ignored for
 * utilities. Returns its index. Requires game not finished. */
int game_add_var (game *g, game_kind kind, const char *id, unsigned domain);

/* Setters (the game takes ownership of expressions). */
void game_set_prior (game *g, int v, const mpq_t *prior); /* copies 'domain' values */
void game_set_position (game *g, int v, unsigned position);
void game_set_expr (game *g, int v, game_expr *e);        /* endogenous, utility, action (instinct) */
void game_set_active_if (game *g, int v, game_expr *e);   /* action */
void game_set_owner (game *g, int v, int player);         /* action, utility */
void game_set_stage (game *g, int v, unsigned stage);     /* action */
void game_set_layers (game *g, int v, unsigned layers);   /* action: GAME_L* bits */
void game_add_observation (game *g, int action, int var);
void game_set_labels (game *g, int v, char *const *labels); /* copies 'domain' strings */
void game_set_line (game *g, int v, unsigned line);

/* Expression constructors: each returns a new node owned by the caller until
 * handed to a setter or a parent constructor (which take ownership). */
game_expr *game_expr_const (long k);
game_expr *game_expr_const_q (const mpq_t q);
game_expr *game_expr_var (int v);
game_expr *game_expr_eq (int v, long k);
game_expr *game_expr_not (game_expr *a);
game_expr *game_expr_ite (game_expr *c, game_expr *a, game_expr *b);
/* op one of GAME_AND, GAME_OR, GAME_XOR, GAME_SUM, GAME_PROD; takes the kids
 * (n >= 1) and copies the array. */
game_expr *game_expr_nary (game_op op, unsigned n, game_expr **kids);
/* A table over 'parents' (copied) with 'n' entries: ivals (integers) or
 * qvals (rationals) — exactly one non-NULL; copied. n is checked against
 * the domains by game_finish. */
game_expr *game_expr_table (unsigned nparents, const int *parents, size_t n,
                            const long *ivals, const mpq_t *qvals);
void game_expr_free (game_expr *e);
game_expr *game_expr_copy (const game_expr *e);

/* Checks the game (DESIGN §2 and the rules listed in docs/game-format.md:
 * a leader among the players, unique ids, stages exactly 1..T, positions in
 * 1..T+1, priors of 'domain' values >= 0 summing to 1, table sizes,
 * values within domains, references to non-utility variables, acyclic
 * graph, stage order, observation sets fixed before the stage, perfect
 * recall) and computes the derived fields. On failure returns false with an
 * ERROR_INPUT record naming g->file, the variable's line and its element.
 * Call exactly once, after building. */
bool game_finish (game *g, struct scnfg_error *err);

/* ---- queries (after game_finish) --------------------------------------- */

/* Index of the variable or player with this id, -1 if none. */
int game_find_var (const game *g, const char *id);
int game_find_player (const game *g, const char *id);

/* Stage t (1..T) action variable. */
static inline const game_var *game_stage (const game *g, unsigned t) { return &g->vars[g->stage_var[t - 1]]; }

/* True iff every action stage observes every earlier action and every
 * exogenous variable revealed at or before its stage (DESIGN §2). */
bool game_is_perfect_info (const game *g);

/* True iff the expression (or instinct of action v) reads variable w. */
bool game_expr_reads (const game_expr *e, int w);

/* True iff g has an exogenous (chance) variable, random or not. */
bool game_has_chance (const game *g);

/* True iff the instinct of stage t (1..T) reads a variable its mover does
 * not observe (a confounder of the stage): then the layer-1 policy is not a
 * function of the mover's information set. False for a stage without
 * instinct. */
bool game_stage_confounded (const game *g, unsigned t);

/* Label of value x of variable v: its label or the number (into buf). */
const char *game_value_label (const game *g, int v, int x, char *buf, size_t size);

/* ---- evaluation ------------------------------------------------------- */

/* Integer value of e under vals (indexed by variable). Requires every
 * variable e reads to be set in vals. */
long game_eval (const game_expr *e, const int *vals);
/* Rational value (utilities). */
void game_eval_q (mpq_t out, const game_expr *e, const int *vals);

/* Value of the instinct f_X of action v (0 if none). */
int game_instinct (const game *g, int v, const int *vals);
/* True iff action v is active (its active-if holds or is absent). */
bool game_active (const game *g, int v, const int *vals);

/* The forced-variable walk shared by the finders and checkers: from
 * position k of g->order on, sets in vals every variable nobody chooses —
 * endogenous ones (computed), inactive actions (0), actions allowing layer 1
 * only (their instinct) and, if fixed != NULL, exogenous ones (fixed[v]) —
 * and returns the position of the next branching variable: an active action
 * allowing layer 2 or 3, an exogenous variable (fixed NULL), or g->nfixed
 * when every variable is set. Requires the variables before k set.
 * Inline: it runs at every node of every depth-first finder. */
static inline unsigned game_advance_forced (const game *g, unsigned k, int *vals, const int *fixed) {
  const unsigned n = g->nfixed; /* locals: the stores into vals may alias g's fields */
  const int *order = g->order;
  const game_var *vars = g->vars;
  for (; k < n; k++) {
    int v = order[k];
    const game_var *x = &vars[v];
    if (x->kind == GAME_ENDOGENOUS) vals[v] = (int) game_eval (x->expr, vals);
    else if (x->kind == GAME_EXOGENOUS) {
      if (!fixed) break;
      vals[v] = fixed[v];
    } else if (!game_active (g, v, vals)) vals[v] = 0;
    else if (x->layers == GAME_L1) vals[v] = game_instinct (g, v, vals);
    else break;
  }
  return k;
}

/* Completes a full assignment: walks g->order; exogenous values are taken
 * from vals; an action takes vals[v] if active, else 0 (written back);
 * endogenous values are computed. Utilities are not touched. */
void game_complete (const game *g, int *vals);

/* out[p] = sum of player p's utility nodes under the complete vals. */
void game_rewards (const game *g, const int *vals, mpq_t *out);

/* Equality of two finished games (structure, ids, values, labels; ignores lines). */
bool game_equal (const game *a, const game *b);

#endif
