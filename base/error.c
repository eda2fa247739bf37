/* Error records (see error.h). */
#include "base/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void error_init (scnfg_error *e) { memset (e, 0, sizeof *e); }

bool error_set (scnfg_error *e, int code, const char *file, unsigned line,
                unsigned column, const char *fmt, ...) {
  if (!e || e->code != ERROR_NONE) return false;
  e->code = code ? code : ERROR_INPUT;
  snprintf (e->file, sizeof e->file, "%s", file ? file : "");
  e->line = line;
  e->column = column;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (e->msg, sizeof e->msg, fmt, ap);
  va_end (ap);
  return false;
}

bool error_is_set (const scnfg_error *e) { return e && e->code != ERROR_NONE; }

void error_format (const scnfg_error *e, char *buf, size_t size) {
  const char *file = e->file[0] ? e->file : "<input>";
  if (e->line && e->column)
    snprintf (buf, size, "%s:%u:%u: %s", file, e->line, e->column, e->msg);
  else if (e->line)
    snprintf (buf, size, "%s:%u: %s", file, e->line, e->msg);
  else
    snprintf (buf, size, "%s: %s", file, e->msg);
}
