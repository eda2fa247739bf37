/* Test helpers (see testutil.h). */
#define _GNU_SOURCE
#include "tests/testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <check.h>

#include "base/error.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char *tu_bin (void) {
  const char *b = getenv ("SCNFG_BIN");
  return b ? b : "bin/scnfg";
}

const char *tu_top (void) {
  const char *t = getenv ("SCNFG_TOP");
  return t ? t : ".";
}

char *tu_slurp (const char *path) {
  FILE *f = fopen (path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *s = malloc (cap);
  size_t k;
  while ((k = fread (s + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (cap - n - 1 == 0) s = realloc (s, cap *= 2);
  }
  s[n] = 0;
  fclose (f);
  return s;
}

static int vrun (char **out, char **err, const char *prefix, const char *fmt, va_list ap) {
  char *dir = tu_tmpdir ();
  char *args;
  if (vasprintf (&args, fmt, ap) < 0) abort ();
  char *cmd;
  if (asprintf (&cmd, "%s%s </dev/null >%s/out 2>%s/err", prefix, args, dir, dir) < 0) abort ();
  int st = system (cmd);
  int rc = WIFEXITED (st) ? WEXITSTATUS (st) : 128 + (WIFSIGNALED (st) ? WTERMSIG (st) : 0);
  char p[4096];
  if (out) snprintf (p, sizeof p, "%s/out", dir), *out = tu_slurp (p);
  if (err) snprintf (p, sizeof p, "%s/err", dir), *err = tu_slurp (p);
  tu_rmdir (dir);
  free (dir), free (args), free (cmd);
  return rc;
}

int tu_run (char **out, char **err, const char *fmt, ...) {
  char prefix[4200];
  snprintf (prefix, sizeof prefix, "'%s' ", tu_bin ());
  va_list ap;
  va_start (ap, fmt);
  int rc = vrun (out, err, prefix, fmt, ap);
  va_end (ap);
  return rc;
}

int tu_sh (char **out, char **err, const char *fmt, ...) {
  va_list ap;
  va_start (ap, fmt);
  int rc = vrun (out, err, "", fmt, ap);
  va_end (ap);
  return rc;
}

char *tu_tmpdir (void) {
  const char *t = getenv ("TMPDIR");
  char *d;
  if (asprintf (&d, "%s/scnfg-test-XXXXXX", t ? t : "/tmp") < 0) abort ();
  if (!mkdtemp (d)) abort ();
  return d;
}

void tu_rmdir (const char *dir) {
  char *cmd;
  if (asprintf (&cmd, "rm -rf '%s'", dir) < 0) abort ();
  if (system (cmd)) { /* best effort */ }
  free (cmd);
}

char *tu_write (const char *dir, const char *name, const char *text) {
  char *p;
  if (asprintf (&p, "%s/%s", dir, name) < 0) abort ();
  FILE *f = fopen (p, "wb");
  if (!f) abort ();
  fputs (text, f);
  fclose (f);
  return p;
}

char *tu_path (const char *rel) {
  char *p;
  if (asprintf (&p, "%s/%s", tu_top (), rel) < 0) abort ();
  return p;
}

struct qbf *tu_qbf (const char *text) {
  FILE *in = fmemopen ((void *) text, strlen (text), "r");
  qbf *f = NULL;
  scnfg_error e;
  error_init (&e);
  qdimacs_read (&f, in, "mem", NULL, &e, NULL);
  fclose (in);
  ck_assert_msg (f != NULL, "parse failed: %s (line %u)", e.msg, e.line);
  return f;
}

struct game *tu_game_file (const char *rel) {
  char *path = tu_path (rel);
  scnfg_error err;
  error_init (&err);
  game *g = NULL;
  ck_assert_msg (gamexml_read_file (&g, path, &err), "%s:%u: %s", path, err.line, err.msg);
  free (path);
  return g;
}

struct game *tu_game_fixture (const char *name) {
  char rel[300];
  snprintf (rel, sizeof rel, "instances/games/%s%s", name, strchr (name, '.') ? "" : ".xml");
  return tu_game_file (rel);
}
