/* Shared CLI helpers (see cli.h). */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"

int cli_report (const scnfg_error *e) {
  char buf[600];
  error_format (e, buf, sizeof buf);
  fprintf (stderr, "%s\n", buf);
  return e->code == ERROR_LIMIT ? CLI_EXIT_LIMIT : CLI_EXIT_USAGE;
}

int cli_usage_error (const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start (ap, fmt);
  fprintf (stderr, "scnfg %s: ", cmd);
  vfprintf (stderr, fmt, ap);
  fputc ('\n', stderr);
  va_end (ap);
  return CLI_EXIT_USAGE;
}

bool cli_parse_u64 (const char *s, uint64_t *out) {
  if (!s) return false;
  /* a plain decimal: digits, at most one point (strtod alone takes 0x10, 1e3, inf) */
  size_t digits = strspn (s, "0123456789"), frac = 0;
  if (s[digits] == '.') frac = 1 + strspn (s + digits + 1, "0123456789");
  if (!digits || s[digits + frac]) return false;
  errno = 0;
  char *end;
  unsigned long long v = strtoull (s, &end, 10);
  if (errno || *end) return false;
  *out = v;
  return true;
}

bool cli_parse_long (const char *s, long *out) {
  if (!s || !*s || *s == ' ' || *s == '+') return false;
  errno = 0;
  char *end;
  long v = strtol (s, &end, 10);
  if (errno || *end) return false;
  *out = v;
  return true;
}

bool cli_parse_seconds (const char *s, double *out) {
  if (!s) return false;
  /* a plain decimal: digits, at most one point (strtod alone takes 0x10, 1e3, inf) */
  size_t digits = strspn (s, "0123456789"), frac = 0;
  if (s[digits] == '.') frac = 1 + strspn (s + digits + 1, "0123456789");
  if (!digits || s[digits + frac]) return false;
  errno = 0;
  char *end;
  double v = strtod (s, &end);
  if (errno || *end || !(v >= 0) || v > 1e9) return false;
  *out = v;
  return true;
}
