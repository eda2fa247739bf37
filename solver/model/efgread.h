/* Reader of Gambit extensive-form (.efg, "EFG 2 R|D") files of signaling
 * shape: a chance root over the types, one sender information set per type,
 * one receiver information set per message (the same for every type),
 * terminal nodes below. The grammar is Gambit's (gambitproject.org, "The
 * extensive game (.efg) file format"): quoted labels with \" escapes,
 * whitespace-separated tokens, optional commas between payoffs, rationals
 * 1/3, decimals .25 and 1.5e-2, information sets, events and outcomes
 * declared once and possibly repeated (repeats must match), outcomes at
 * non-terminal nodes adding up along the path. Every number is read
 * exactly (no floating point). */
#ifndef SCNFG_SOLVER_MODEL_EFGREAD_H
#define SCNFG_SOLVER_MODEL_EFGREAD_H

#include <stdbool.h>
#include <stddef.h>

struct game;
struct scnfg_error;

#define EFGREAD_MAX_BYTES ((size_t) 64 << 20) /* larger inputs are rejected */

/* Reads the file and builds a new finished game (game_free): players from
 * the player list (ids made XML-safe), the sender as leader; exogenous
 * "type" with the chance labels and probabilities; action "message"
 * (stage 1, observes type) and "action" (stage 2, observes message) with
 * the sender's and receiver's action labels; one utility table per player
 * over (type, message, action). Labels are made unique and free of
 * whitespace. On failure returns false with an ERROR_INPUT (or ERROR_IO)
 * record "file:line: reason"; *out is NULL. */
bool efgread_file (struct game **out, const char *path, struct scnfg_error *err);
bool efgread_memory (struct game **out, const char *buf, size_t len, const char *name, struct scnfg_error *err);

#endif
