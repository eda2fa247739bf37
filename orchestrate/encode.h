/* encode: a game file to a QDIMACS file through the membership encoding
 * (reductions/game2qbf.h), as 'scnfg encode' and 'scnfg export --to qdimacs'
 * write it: the comment "c scnfg encode IN --threshold T", one "c var V =
 * NAME" line per named variable, then the formula. */
#ifndef SCNFG_ORCHESTRATE_ENCODE_H
#define SCNFG_ORCHESTRATE_ENCODE_H

#include <gmp.h>
#include <stdbool.h>

struct scnfg_error;

/* Reads the game 'in', encodes it with threshold t and writes the result
 * to 'out' ("-": stdout) atomically. False with *err set (bad input, a game
 * outside the class, a file error). */
bool encode_file (const char *in, const mpq_t t, const char *out, struct scnfg_error *err);

#endif
