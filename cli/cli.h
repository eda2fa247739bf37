/* Helpers shared by the subcommands: exit codes, number parsing, errors
 * (the options themselves: cli/opt.h). */
#ifndef SCNFG_CLI_CLI_H
#define SCNFG_CLI_CLI_H

#include <stdbool.h>
#include <stdint.h>

struct scnfg_error;


enum { CLI_EXIT_OK = 0, CLI_EXIT_FAIL = 1, CLI_EXIT_USAGE = 2, CLI_EXIT_LIMIT = 3 };

/* Prints "file:line:col: msg" (one line) to stderr; returns the exit status for
 * the error's class (2 for input/IO, 3 for limits). */
int cli_report (const struct scnfg_error *e);

/* Prints "scnfg CMD: msg" to stderr and returns CLI_EXIT_USAGE. */
int cli_usage_error (const char *cmd, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));

/* Strict number parsing: whole string, no overflow. Return false on failure. */
bool cli_parse_u64 (const char *s, uint64_t *out);
bool cli_parse_long (const char *s, long *out);
bool cli_parse_seconds (const char *s, double *out); /* plain decimal >= 0: DIGITS[.DIGITS], <= 1e9 */

#endif
