/* Loading a game file of any accepted format, detected by content: a file
 * whose first word (after whitespace) is NFG is a Gambit strategic game
 * (nfgread.h), EFG a Gambit extensive game (efgread.h), anything else a
 * game document (gamexml.h). */
#ifndef SCNFG_SOLVER_MODEL_GAMELOAD_H
#define SCNFG_SOLVER_MODEL_GAMELOAD_H

#include <stdbool.h>

struct game;
struct scnfg_error;
struct scnfg_limits;

typedef enum gameload_format { GAMELOAD_XML, GAMELOAD_EFG, GAMELOAD_NFG } gameload_format;

/* The format of the file at path by its first bytes (GAMELOAD_XML if it
 * cannot be opened: the XML reader then reports the error). */
gameload_format gameload_detect (const char *path);

/* Reads the file into a new finished game (game_free). 'leader' (NULL:
 * the format's default) names the leader of a .nfg table; it is refused for
 * the other formats, whose files name their leader. On failure returns
 * false with the reader's record; *out is NULL. */
bool gameload_file (struct game **out, const char *path, const char *leader, struct scnfg_error *err);

/* The same; a game document's reading also checks lim's deadline (see
 * gamexml_read_file_lim; NULL: none). The .efg and .nfg readers are capped
 * in size (64 MiB) but not timed. */
bool gameload_file_lim (struct game **out, const char *path, const char *leader, const struct scnfg_limits *lim,
                        struct scnfg_error *err);

#endif
