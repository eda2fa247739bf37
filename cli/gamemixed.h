/* scnfg game --concept mixed: the mixed-commitment report (called by cmd_game). */
#ifndef SCNFG_CLI_GAMEMIXED_H
#define SCNFG_CLI_GAMEMIXED_H

#include <stdbool.h>
#include <stddef.h>

#include "solver/model/profile.h"

struct scnfg_limits;

/* Solves 'file' under mixed commitment and writes the report (XML if xml) to
 * outpath ("-": stdout). Returns the exit status (0, 2, 3). */
int gamemixed_run (const char *file, const struct scnfg_limits *lim, game_tie tie, bool xml, const char *outpath,
                   size_t max_print, size_t max_profile);

/* scnfg check G.xml R.xml --concept mixed: reads the result document of
 * scnfg game --concept mixed --xml and verifies it with proofs/chk_mixed.
 * Prints "verified ..." or "FAILED ..."; returns 0, 1 (a failure), 2 (bad input). */
int gamemixed_check (const char *gfile, const char *rfile);

#endif
