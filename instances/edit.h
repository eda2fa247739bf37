/* Instance surgery: one-step edits of games and formulas (drop a stage, a
 * variable, a clause; shrink a domain; drop an instinct or an active-if;
 * freeze a player's policy into its instincts) and a greedy shrinker that
 * applies edits while a caller's predicate still holds. Used by the claims
 * registry to minimise counterexamples and by the welfare experiment to set
 * the confounding of its games. Every result is a new finished instance. */
#ifndef SCNFG_INSTANCES_EDIT_H
#define SCNFG_INSTANCES_EDIT_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct game;
struct game_profile;
struct qbf;
struct prng;

typedef enum edit_kind {
  EDIT_DROP_VAR,        /* remove variable 'var': references read the value 0
                           (tables keep their slice at 0), observations of it
                           vanish, later stages and positions move down */
  EDIT_SHRINK_DOMAIN,   /* action or exogenous 'var': drop its largest value
                           (d >= 3; instinct values clamped to d-2, an
                           exogenous prior renormalised) */
  EDIT_DROP_INSTINCT,   /* action 'var': instinct constant 0 */
  EDIT_DROP_ACTIVE_IF,  /* action 'var': always active */
} edit_kind;

typedef struct edit_op {
  edit_kind kind;
  int var;
} edit_op;

/* Applies op to finished g (borrowed). Returns a new finished game
 * (game_free), or NULL if the edit does not apply or the result fails
 * game_finish (e.g. perfect recall broken). Never prints. */
struct game *edit_game (const struct game *g, const edit_op *op);

/* Freezes every stage owned by 'player': its instinct becomes the table of
 * its policy in p over its observation set (entries PROFILE_NONE read 0)
 * and its layers {1}; then 'leader' becomes the leader. NULL if a frozen
 * policy reads the intuition x~ (layer-3 tables are not frozen). */
struct game *edit_freeze (const struct game *g, const struct game_profile *p, int player, int leader);

/* Confounding of strength num/den: first every instinct that reads a
 * variable its mover does not observe becomes the constant 0; then each
 * stage, in order, with probability num/den (drawn from r) gets a
 * non-constant random instinct table over one exogenous variable revealed
 * at or before the stage that its mover does not observe (if there is
 * one). Returns a new finished game or NULL. */
struct game *edit_confound (const struct game *g, struct prng *r, uint64_t num, uint64_t den);

/* True iff some action's instinct reads a variable outside its observation
 * set (only stages of 'player' if player >= 0). */
bool edit_confounded (const struct game *g, int player);

/* Size measure used to compare counterexamples: stages + variables + the
 * sum of all domains. */
size_t edit_game_size (const struct game *g);

/* Greedy shrinking: tries, in a fixed order, dropping stages (last first),
 * exogenous, endogenous and utility variables, shrinking domains, dropping
 * instincts and active-if conditions; keeps the first edit after which
 * still(g', arg) holds and starts over; stops when no edit keeps it or
 * after max_tries predicate calls (0: 2000). Returns a new game (a copy of g
 * if nothing could be dropped); *tries gets the number of predicate calls. */
struct game *edit_shrink_game (const struct game *g, bool (*still) (const struct game *, void *), void *arg,
                               unsigned max_tries, unsigned *tries);

/* QBF edits: a new finished formula without clause 'clause' (var = 0) or
 * without variable 'var' (removed from the prefix and from every clause),
 * variables renumbered 1..n in prefix order. NULL if out of range. */
struct qbf *edit_qbf_drop (const struct qbf *f, unsigned clause, int var);

/* Greedy shrinking of a formula: drops variables (innermost first), then
 * clauses (last first) while still(f', arg) holds. As edit_shrink_game. */
struct qbf *edit_shrink_qbf (const struct qbf *f, bool (*still) (const struct qbf *, void *), void *arg,
                             unsigned max_tries, unsigned *tries);

#endif
