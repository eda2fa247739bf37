/* Reader of Gambit strategic-form (.nfg, "NFG 1 R|D") files, both forms:
 * the payoff form ({ "P1" "P2" } { 2 3 } then one payoff per player for
 * every strategy profile, player 1's strategy changing fastest) and the
 * outcome form (strategy labels { { "a" "b" } { "x" "y" } }, a list of
 * outcomes { "label" payoffs } and one outcome number per profile, 0 = all
 * payoffs zero). The grammar and the exact numbers are those of
 * gambitlex.h; commas between payoffs are optional.
 *
 * A two-player table becomes a one-shot leader-follower S-CNFG: the leader's
 * action at stage 1, the follower's at stage 2, neither observing the
 * other's realised action, layer 2 only, one utility table per player over
 * (leader, follower). The follower still best-responds to the leader's
 * committed (pure or mixed) policy, so sse, scne and mixed mean commitment
 * to a row. Tables of n != 2 players are refused. */
#ifndef SCNFG_SOLVER_MODEL_NFGREAD_H
#define SCNFG_SOLVER_MODEL_NFGREAD_H

#include <stdbool.h>
#include <stddef.h>

struct game;
struct scnfg_error;

#define NFGREAD_MAX_BYTES ((size_t) 64 << 20)  /* larger inputs are rejected */
#define NFGREAD_MAX_PROFILES ((size_t) 1 << 22) /* strategy profiles at most */

/* Reads the file and builds a new finished game (game_free): player ids
 * from the names (XML-safe; "" -> P1, P2; equal names made distinct), the
 * leader is player 1, or the player whose name or id is 'leader' (NULL: player
 * 1); actions "s1" (player 1's strategies) and "s2" (player 2's) with the
 * strategy labels made unique and free of whitespace (payoff form: 1, 2,
 * ...); utilities "u1", "u2". On failure returns false with an ERROR_INPUT
 * (or ERROR_IO) record "file:line: reason"; *out is NULL. */
bool nfgread_file (struct game **out, const char *path, const char *leader, struct scnfg_error *err);
bool nfgread_memory (struct game **out, const char *buf, size_t len, const char *name, const char *leader,
                     struct scnfg_error *err);

#endif
