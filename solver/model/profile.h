/* Pure policy profiles and solutions of S-CNFGs: the model type every
 * solution concept reports and every checker (proofs/chk_*) reads. A stage's
 * policy maps each information set — the values of its observation set, in
 * the set's fixing order, last fastest (then the intuition x~ when the
 * policy reads it) — to an action. Independent of every finder. */
#ifndef SCNFG_SOLVER_MODEL_PROFILE_H
#define SCNFG_SOLVER_MODEL_PROFILE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct game;

#define PROFILE_NONE (-1) /* no action: stage inactive there, or never reached */

typedef struct game_policy {
  unsigned stage;      /* 1..T */
  int var;             /* the stage's action variable */
  unsigned layer;      /* 1, 2 or 3 (the layer reported); SPE reports 2 */
  bool intuition;      /* indexed by (o, x~) instead of o (layer 3) */
  unsigned nobs;
  int *obs;            /* the stage's observation set (copy), fixing order */
  unsigned *radix;     /* their domains */
  size_t size;         /* entries: product of radix (times the domain if intuition) */
  int *act;            /* act[info set] = action or PROFILE_NONE */
} game_policy;

typedef struct game_profile {
  unsigned nstages;
  game_policy *pol;    /* pol[t-1] is stage t's policy */
} game_profile;

/* A new profile for finished g with every entry PROFILE_NONE, layer 2, no
 * intuition; NULL if it would hold more than max_entries entries (0: no cap). */
game_profile *profile_new (const struct game *g, size_t max_entries);
void profile_free (game_profile *p);
/* Total number of entries a profile of g needs (saturates at SIZE_MAX). */
size_t profile_size (const struct game *g);
/* Re-indexes stage t's policy by (o, x~) (intuition true) or o; entries reset. */
void profile_set_intuition (const struct game *g, game_profile *p, unsigned t, bool intuition);

/* Information-set index of pol under the (partial) assignment vals; x~ is
 * used only when pol->intuition. */
size_t profile_index (const game_policy *pol, const int *vals, int xtilde);
/* Inverse: the observed values (nobs ints) and x~ (or -1) of index idx. */
void profile_decode (const game_policy *pol, size_t idx, int *obsvals, int *xtilde);

/* The action stage t takes under vals when it is active: the policy entry
 * (PROFILE_NONE if missing); at layer 1 the instinct where the policy has no
 * entry (a layer-1 policy may keep entries: the commitment concepts report
 * the lowest sufficient layer, DESIGN §3.4, and keep the committed table). */
int profile_action (const struct game *g, const game_profile *p, unsigned t, const int *vals);

/* One terminal history with positive probability: prob and the complete
 * assignment of every non-utility variable (nvars ints). */
typedef struct game_outcome {
  mpq_t prob;
  int *vals;
} game_outcome;

typedef struct profile_outcomes {
  size_t n, cap;
  bool truncated;      /* more than the requested maximum */
  game_outcome *o;
} profile_outcomes;

void profile_outcomes_init (profile_outcomes *o);
void profile_outcomes_clear (profile_outcomes *o);

/* Plays p on g exactly: reward[p] (nplayers, initialised by the caller) gets
 * each player's expected reward; if outs != NULL, the positive-probability
 * outcomes are appended (at most max_outcomes; then truncated is set).
 * Returns false if an active stage has no action at a positive-probability
 * history (*missing_stage = that stage, if non-NULL). */
bool profile_evaluate (const struct game *g, const game_profile *p, mpq_t *reward, profile_outcomes *outs,
                       size_t max_outcomes, unsigned *missing_stage);

/* One terminal history reached with probability prob (vals complete): adds
 * prob times each player's reward to reward[] ('scratch' holds nplayers
 * initialised mpq_t) and appends the outcome to outs (may be NULL) unless it
 * already holds max_outcomes (then sets truncated). Shared by the evaluators
 * of pure and behavioural profiles. */
void profile_add_leaf (const struct game *g, const int *vals, const mpq_t prob, mpq_t *reward, mpq_t *scratch,
                       profile_outcomes *outs, size_t max_outcomes);

/* Tie-breaks (DESIGN §3). */
typedef enum game_tie {
  GAME_TIE_STRONG,
  GAME_TIE_WEAK,
  GAME_TIE_LEX,
  GAME_TIE_INSTINCT_STRONG,
  GAME_TIE_INSTINCT_WEAK,
  GAME_TIE_INSTINCT_LEX,
} game_tie;

/* Parses "strong", "weak", "lex", "instinct-strong", ...; false if unknown. */
bool profile_tie_parse (const char *s, game_tie *out);
const char *profile_tie_name (game_tie t);

/* A solution as reported by every concept. */
enum { GAME_SOLVED = 0, GAME_UNKNOWN = 1 };

typedef struct game_solution {
  char concept[24];
  game_tie tie;
  int status;            /* GAME_SOLVED or GAME_UNKNOWN (a limit hit) */
  char reason[80];       /* why UNKNOWN, or a note ("profile not stored: ...") */
  unsigned nplayers;
  mpq_t *reward;         /* per player */
  mpq_t welfare;         /* sum of the rewards */
  game_profile *profile; /* NULL if not stored (too large) */
  profile_outcomes outcomes;
  uint64_t nodes, leaves;
  double seconds;
} game_solution;

void profile_solution_init (game_solution *s, const struct game *g, const char *concept, game_tie tie);
void profile_solution_clear (game_solution *s);

/* The documents and tables of solutions: solver/model/result, resulttext. */

/* Writes "id=label ..." of the observed values of pol's index idx into buf. */
void profile_describe_infoset (const struct game *g, const game_policy *pol, size_t idx, char *buf, size_t size);

#endif
