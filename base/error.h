/* Error records: bad input travels back to the caller with file, line, column. */
#ifndef SCNFG_BASE_ERROR_H
#define SCNFG_BASE_ERROR_H

#include <stdbool.h>
#include <stddef.h>

/* Error classes (the CLI maps them to exit statuses). */
enum {
  ERROR_NONE = 0,
  ERROR_INPUT = 2, /* malformed or unsupported input: exit 2 */
  ERROR_IO = 4,    /* cannot open, read or write a file: exit 2 */
  ERROR_LIMIT = 3, /* a resource limit ended the run: exit 3 */
};

/* One error record. Only the *first* error reported into it is kept.
 * line/column are 1-based; 0 means unknown. */
typedef struct scnfg_error {
  int code;
  char file[256];
  unsigned line, column;
  char msg[200];
} scnfg_error;

/* Clears 'e' (code ERROR_NONE). */
void error_init (scnfg_error *e);

/* Records an error unless 'e' is NULL or already holds one. 'file' may be NULL.
 * Returns false, so that readers can write 'return error_set (...)'. */
bool error_set (scnfg_error *e, int code, const char *file, unsigned line,
                unsigned column, const char *fmt, ...)
    __attribute__ ((format (printf, 6, 7)));

/* True iff 'e' holds an error. */
bool error_is_set (const scnfg_error *e);

/* Writes "file:line:col: msg" (fields omitted when unknown) into buf. */
void error_format (const scnfg_error *e, char *buf, size_t size);

#endif
