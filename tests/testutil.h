/* Helpers for the Check suites: running the scnfg binary, temporary files,
 * reading whole files. Test code only (not in libscnfg.a). */
#ifndef SCNFG_TESTS_TESTUTIL_H
#define SCNFG_TESTS_TESTUTIL_H

#include <stddef.h>

/* Path of the scnfg binary under test ($SCNFG_BIN) and of the source tree ($SCNFG_TOP). */
const char *tu_bin (void);
const char *tu_top (void);

/* Runs "scnfg ARGS" through /bin/sh (args are pasted verbatim; stdin from
 * /dev/null). Captures stdout and stderr into new strings (free) if the
 * pointers are non-NULL. Returns the exit status (or 128+signal). */
int tu_run (char **out, char **err, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));

/* Runs an arbitrary shell command the same way. */
int tu_sh (char **out, char **err, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));

/* A new temporary directory (free the returned path; remove with tu_rmdir). */
char *tu_tmpdir (void);
void tu_rmdir (const char *dir);

/* Writes 'text' to a new file dir/name; returns its path (free). */
char *tu_write (const char *dir, const char *name, const char *text);

/* Reads a whole file into a new NUL-terminated string (free), NULL if absent. */
char *tu_slurp (const char *path);

struct qbf;
struct game;

/* A finished formula parsed from QDIMACS text (fails the test on bad text). */
struct qbf *tu_qbf (const char *text);

/* The game file at "$SCNFG_TOP/REL" (fails the test on bad input). */
struct game *tu_game_file (const char *rel);

/* The fixture instances/games/NAME.xml (NAME may carry its own extension). */
struct game *tu_game_fixture (const char *name);

/* "$SCNFG_TOP/rel" (free). */
char *tu_path (const char *rel);

#endif
