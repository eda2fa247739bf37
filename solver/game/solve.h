/* The one way in to the game finders: game_solve runs a solution concept
 * (spe, sse, scne, satisficing, mixed) on a finished game with one options
 * struct, and returns one answer type. The options are declared once per
 * solver family in the tables below (name, default, minimum, maximum, help),
 * from which the struct fields, the defaults, the setter by name and the
 * --help lines are generated (as CEGAR_OPTIONS in solver/qbf/cegar.h).
 *
 * Not behind it: the signaling-game analysis (signal.h). It takes a
 * recognised signal_game, not a game, and answers with every pure PBE
 * family, their refinements and the layer analysis (signal_result), not one
 * solution profile; callers run signal_game_init and signal_solve. */
#ifndef SCNFG_SOLVER_GAME_SOLVE_H
#define SCNFG_SOLVER_GAME_SOLVE_H

#include <gmp.h>
#include <stdbool.h>
#include <stdio.h>

#include "base/limits.h"
#include "solver/game/mixed.h"
#include "solver/game/spe.h"
#include "solver/model/profile.h"

struct game;
struct scnfg_error;

typedef enum game_concept {
  GAME_CONCEPT_SPE,         /* "spe": subgame-perfect (spe.h) */
  GAME_CONCEPT_SSE,         /* "sse": pure-commitment Stackelberg (sse.h) */
  GAME_CONCEPT_SCNE,        /* "scne": S-CNE, commitment with layer choice (sse.h) */
  GAME_CONCEPT_SATISFICING, /* "satisficing": eps-satisficing follower (sse.h) */
  GAME_CONCEPT_MIXED,       /* "mixed": mixed commitment (mixed.h) */
} game_concept;

/* "spe", "sse", "scne", "satisficing", "mixed"; false if unknown. */
bool game_concept_parse (const char *s, game_concept *out);
const char *game_concept_name (game_concept c);

/* Option families: the options every concept reads, and one table per
 * finder family. Values are long long; 0/1 options are flags. */
typedef enum game_opt_family { GAME_OPT_COMMON, GAME_OPT_SPE, GAME_OPT_COMMIT, GAME_OPT_MIXED } game_opt_family;

#define GAME_OPT_SIZE_MAX 4000000000000000000LL

#define GAME_OPTIONS_COMMON(X)                                                                                   \
  X (max_profile, 1048576, 0, GAME_OPT_SIZE_MAX, "store the profile up to this many information sets (0: never)") \
  X (max_outcomes, 1000, 0, GAME_OPT_SIZE_MAX, "outcomes listed with a stored profile")

/* spe (spe.h: spe_options). */
#define GAME_OPTIONS_SPE(X)                                                                                     \
  X (prune, 0, 0, 1, "win/lose games: skip a mover's actions once one gives it its best value")                 \
  X (win_lose, 0, 0, 1, "declare the game win/lose (checked at every visited leaf)")                            \
  X (cache_bytes, 0, 0, GAME_OPT_SIZE_MAX, "bytes of the cache of subgame values (0: off; only without profile)")

/* sse, scne, satisficing (sse.h: sse_options); eps is game_options.eps. */
#define GAME_OPTIONS_COMMIT(X)                                                                             \
  X (robust, 0, 0, 1, "satisficing: the leader assumes the worst eps-best follower choice")                \
  X (enumerate, 0, 0, 1, "always enumerate leader policies, never the pairs walk (tests)")                 \
  X (max_policies, 1048576, 0, GAME_OPT_SIZE_MAX, "leader policies enumerated at most (0: no limit)")     \
  X (max_tree, 1048576, 0, GAME_OPT_SIZE_MAX, "nodes of the expanded game tree at most (0: no limit)")   \
  X (unpruned, 0, 0, 1, "sse, scne: the pairs walk without pruning and cache (tests)")                     \
  X (pairs_cache_bytes, 67108864, 0, GAME_OPT_SIZE_MAX, "sse, scne: bytes of the cache of pair sets (0: off)")

/* mixed (mixed.h: mixed_options). */
#define GAME_OPTIONS_MIXED(X) \
  X (max_cert, 16384, 0, GAME_OPT_SIZE_MAX, "tree: keep the per-node frontiers up to this many choice nodes (0: never)")

#define GAME_OPT_FIELD(name, def, lo, hi, help) long long name;

typedef struct game_options {
  game_tie tie;           /* follower tie-break (default strong; mixed: strong or weak) */
  scnfg_limits limits;    /* timeout and max_nodes; the clock starts in game_solve */
  mpq_t eps;              /* satisficing: epsilon >= 0 (default 0) */
  GAME_OPTIONS_COMMON (GAME_OPT_FIELD)
  struct {
    GAME_OPTIONS_SPE (GAME_OPT_FIELD)
  } spe;
  struct {
    GAME_OPTIONS_COMMIT (GAME_OPT_FIELD)
  } commit;
  struct {
    GAME_OPTIONS_MIXED (GAME_OPT_FIELD)
  } mixed;
} game_options;

#undef GAME_OPT_FIELD

typedef struct game_opt_info {
  const char *name;
  long long def, lo, hi;
  const char *help;
} game_opt_info;

/* Family f's option table (*n entries, static storage), for parsers and --help. */
const game_opt_info *game_opt_table (game_opt_family f, unsigned *n);

/* Caller storage: every option at its default, tie strong, no limits, eps 0.
 * Clear with game_options_clear. */
void game_options_init (game_options *o);
void game_options_clear (game_options *o);
/* Sets the option 'name' (names are unique over all families) to 'value';
 * false (nothing changed) if the name is unknown or the value out of range. */
bool game_options_set (game_options *o, const char *name, long long value);
/* Writes family f's --help lines ("  --NAME N  help (default D)", '_' written
 * as '-') to out. */
void game_opt_help (FILE *out, game_opt_family f);

/* What game_solve answers. For mixed, the solution is mixed->sol (mixed
 * holds the commitment and certificate as well); for every other concept it
 * is sol. game_answer_solution gives the right one. */
typedef struct game_answer {
  game_concept concept;
  game_solution sol;       /* spe, sse, scne, satisficing */
  mixed_solution *mixed;   /* mixed: owned, NULL otherwise */
  spe_stats spe;           /* spe: search statistics (zero otherwise) */
  bool has_sol;            /* sol is initialised (internal, for clearing) */
} game_answer;

const game_solution *game_answer_solution (const game_answer *a);
void game_answer_clear (game_answer *a);
/* Moves the solution of a pure concept (not mixed) into *out, which the
 * caller then clears with profile_solution_clear, and clears a. */
void game_answer_move (game_answer *a, game_solution *out);

/* Solves finished g (borrowed) under concept c with opt (borrowed; NULL:
 * defaults) into ans (initialised here even on failure: clear it with
 * game_answer_clear). Returns false with an ERROR_INPUT record when g does
 * not fit the concept (the finder's message: spe needs perfect information,
 * the commitment concepts two players, mixed a supported shape and the tie
 * strong, or weak on one-shot games); the solution is then not worth
 * reading. A limit hit is no failure: the solution's status is GAME_UNKNOWN
 * with its reason. eps and robust are read by satisficing only. Starts the
 * clock of (a copy of) opt->limits. Never prints. */
bool game_solve (const struct game *g, game_concept c, const game_options *opt, game_answer *ans,
                 struct scnfg_error *err);

#endif
