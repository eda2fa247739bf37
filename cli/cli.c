/* Shared CLI helpers (see cli.h). */
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"

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
  if (!s || !*s || *s == '-' || *s == '+' || *s == ' ') return false;
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
  if (!s || !*s || *s == '-' || *s == '+' || *s == ' ') return false;
  errno = 0;
  char *end;
  double v = strtod (s, &end);
  if (errno || *end || !(v >= 0) || v > 1e9) return false;
  *out = v;
  return true;
}

int cli_parse_limit (const char *cmd, int argc, char **argv, int *i, scnfg_limits *l) {
  const char *o = argv[*i];
  bool t = !strcmp (o, "--timeout"), n = !strcmp (o, "--max-nodes"), m = !strcmp (o, "--max-mem");
  if (!t && !n && !m) return 0;
  if (*i + 1 >= argc) return cli_usage_error (cmd, "option %s needs a value", o), -1;
  const char *v = argv[++*i];
  uint64_t u;
  if (t) {
    if (!cli_parse_seconds (v, &l->timeout)) return cli_usage_error (cmd, "bad --timeout '%s' (seconds >= 0)", v), -1;
  } else if (!cli_parse_u64 (v, &u)) {
    return cli_usage_error (cmd, "bad %s '%s' (a non-negative integer)", o, v), -1;
  } else if (n) {
    l->max_nodes = u;
  } else {
    if (u > SIZE_MAX / (1024 * 1024)) return cli_usage_error (cmd, "bad --max-mem '%s'", v), -1;
    l->max_mem = (size_t) u * 1024 * 1024;
  }
  return 1;
}
