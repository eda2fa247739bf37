/* Game files: the XML reader (RelaxNG-validated, hardened, through
 * base/xmldoc) and writer. Schema: solver/model/scnfg.rng, compiled into the
 * binary. Profiles and results are read and written by solver/model/result. */
#ifndef SCNFG_SOLVER_MODEL_GAMEXML_H
#define SCNFG_SOLVER_MODEL_GAMEXML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct game;
struct scnfg_error;
struct scnfg_limits;

#define GAMEXML_MAX_BYTES ((size_t) 64 << 20) /* larger inputs are rejected */
#define GAMEXML_MAX_DEPTH 100                 /* deeper element nesting is rejected */

/* Reads, validates against the schema and checks (game_finish) a game file.
 * On success *out is a new finished game owned by the caller (game_free).
 * On failure returns false with an ERROR_INPUT (or ERROR_IO) record naming
 * the file, the line and the element; *out is NULL. Never prints, never
 * touches the network, rejects documents carrying a DTD. */
bool gamexml_read_file (struct game **out, const char *path, struct scnfg_error *err);
/* The same under lim's deadline (lim may be NULL; the clock counts from its
 * limits_start): checked after reading the file, after the schema check
 * (libxml2 validates in one step), every 1024 elements while building and
 * before game_finish; when it has passed, false with ERROR_LIMIT 'time limit
 * reached while reading'. */
bool gamexml_read_file_lim (struct game **out, const char *path, const struct scnfg_limits *lim,
                            struct scnfg_error *err);
/* Same from memory; 'name' is used in messages. */
bool gamexml_read_memory (struct game **out, const char *buf, size_t len, const char *name,
                          struct scnfg_error *err);

/* Writes finished g as a game file that reads back to an equal game. Returns
 * false if a write failed. */
bool gamexml_write (FILE *f, const struct game *g);
/* Atomically writes g to path ("-": stdout). */
bool gamexml_write_file (const struct game *g, const char *path, struct scnfg_error *err);

#endif
