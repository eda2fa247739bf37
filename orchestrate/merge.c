/* merge: joins partial sweep CSVs, or partial suite directories (the outputs
 * of the jobs that --emit-jobs lists), into one (see merge.h). */
#include "orchestrate/merge.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/mem.h"
#include "orchestrate/suite.h"
#include "orchestrate/verify.h"
#include "orchestrate/verifyread.h"

/* Field i of a CSV line into buf (quotes removed). */
static void field (const char *line, int i, char *buf, size_t size) {
  const char *p = line;
  for (int k = 0; k < i && *p; k++) {
    bool q = false;
    for (; *p && (q || *p != ','); p++)
      if (*p == '"') q = !q;
    if (*p == ',') p++;
  }
  size_t n = 0;
  bool q = false;
  for (; *p && (q || *p != ','); p++) {
    if (*p == '"') {
      q = !q;
      continue;
    }
    if (n + 1 < size) buf[n++] = *p;
  }
  buf[n] = 0;
}

static int cmp_line (const void *a, const void *b) {
  const char *x = *(char *const *) a, *y = *(char *const *) b;
  for (int i = 0; i < 64; i++) {
    char fx[1024], fy[1024];
    field (x, i, fx, sizeof fx), field (y, i, fy, sizeof fy);
    if (!fx[0] && !fy[0]) break;
    char *ex, *ey;
    double dx = strtod (fx, &ex), dy = strtod (fy, &ey);
    int c;
    if (fx[0] && fy[0] && !*ex && !*ey) c = dx < dy ? -1 : dx > dy;
    else c = strcmp (fx, fy);
    if (c) return c;
  }
  return strcmp (x, y);
}

/* Joins CSV files: same header, rows sorted and deduplicated. */
int merge_csv (const char *out, char **in, int n, FILE *err) {
  char *header = NULL, **rows = NULL;
  size_t nrows = 0, cap = 0;
  int rc = MERGE_OK;
  for (int i = 0; i < n && rc == MERGE_OK; i++) {
    char *text = suite_read_text (in[i]);
    if (!text) {
      fprintf (err, "%s: cannot read: %s\n", in[i], strerror (errno));
      rc = MERGE_BAD;
      break;
    }
    char *save, *line = strtok_r (text, "\n", &save);
    if (!line) {
      fprintf (err, "%s: empty\n", in[i]);
      rc = MERGE_BAD;
    } else if (!header)
      header = mem_strdup (line);
    else if (strcmp (header, line)) {
      fprintf (err, "%s:1: header differs from %s's\n", in[i], in[0]);
      rc = MERGE_BAD;
    }
    while (rc == MERGE_OK && (line = strtok_r (NULL, "\n", &save))) {
      mem_reserve ((void **) &rows, &cap, nrows + 1, sizeof *rows);
      rows[nrows++] = mem_strdup (line);
    }
    free (text);
  }
  if (rc == MERGE_OK) {
    if (nrows) qsort (rows, nrows, sizeof *rows, cmp_line); /* rows is NULL without rows */
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream (&buf, &len);
    fprintf (m, "%s\n", header);
    for (size_t i = 0; i < nrows; i++)
      if (!i || strcmp (rows[i], rows[i - 1])) fprintf (m, "%s\n", rows[i]);
    fclose (m);
    if (!suite_write_text (out, buf)) {
      fprintf (err, "%s: cannot write\n", out);
      rc = MERGE_BAD;
    }
    free (buf);
  }
  for (size_t i = 0; i < nrows; i++) free (rows[i]);
  free (rows), free (header);
  return rc;
}

/* Copies src to dst atomically. */
static bool copy_file (const char *src, const char *dst) {
  FILE *f = fopen (src, "rb");
  if (!f) return false;
  scnfg_error err;
  error_init (&err);
  afile a;
  if (!afile_open (&a, dst, &err)) return fclose (f), false;
  char buf[65536];
  size_t k;
  bool ok = true;
  while ((k = fread (buf, 1, sizeof buf, f)) > 0)
    if (fwrite (buf, 1, k, a.f) != k) ok = false;
  if (ferror (f)) ok = false;
  fclose (f);
  if (!ok) return afile_abort (&a), false;
  return afile_commit (&a, &err);
}

static bool copy_dir (const char *part, const char *out, const char *sub, FILE *err) {
  size_t n = strlen (part) + strlen (sub) + 2;
  char *d = mem_alloc (n);
  snprintf (d, n, "%s/%s", part, sub);
  DIR *h = opendir (d);
  bool ok = true;
  if (h) {
    struct dirent *e;
    while (ok && (e = readdir (h))) {
      if (e->d_name[0] == '.' || strstr (e->d_name, ".tmp")) continue;
      size_t k1 = strlen (d) + strlen (e->d_name) + 2, k2 = strlen (out) + strlen (sub) + strlen (e->d_name) + 3;
      char *s = mem_alloc (k1), *t = mem_alloc (k2);
      snprintf (s, k1, "%s/%s", d, e->d_name);
      snprintf (t, k2, "%s/%s/%s", out, sub, e->d_name);
      if (!copy_file (s, t)) fprintf (err, "%s: cannot copy to %s\n", s, t), ok = false;
      free (s), free (t);
    }
    closedir (h);
  }
  free (d);
  return ok;
}

static char *join (const char *a, const char *b) {
  size_t n = strlen (a) + strlen (b) + 2;
  char *p = mem_alloc (n);
  snprintf (p, n, "%s/%s", a, b);
  return p;
}

int merge_dirs (const char *out, char **parts, int n, FILE *log, FILE *err) {
  char note[512];
  if (!suite_prepare_dir (out, note, sizeof note)) return fprintf (err, "%s\n", note), MERGE_BAD;
  int rc = MERGE_OK;
  /* params and arguments must agree */
  const char *same[2] = {"params", ".journal/args"};
  for (int k = 0; k < 2 && rc == MERGE_OK; k++) {
    char *ref = NULL;
    for (int i = 0; i < n && rc == MERGE_OK; i++) {
      char *p = join (parts[i], same[k]);
      char *t = suite_read_text (p);
      if (!t) fprintf (err, "%s: missing (not a finished part?)\n", p), rc = MERGE_BAD;
      else if (!ref) ref = t, t = NULL;
      else if (strcmp (ref, t)) fprintf (err, "%s: differs from %s/%s\n", p, parts[0], same[k]), rc = MERGE_BAD;
      free (t), free (p);
    }
    if (rc == MERGE_OK) {
      char *p = join (out, same[k]);
      char *t = suite_read_text (p);
      if (t && strcmp (t, ref))
        fprintf (err, "%s: differs from the parts' %s\n", p, same[k]), rc = MERGE_BAD;
      else if (!suite_write_text (p, ref))
        fprintf (err, "%s: cannot write\n", p), rc = MERGE_BAD;
      free (t), free (p);
    }
    free (ref);
  }
  for (int i = 0; i < n && rc == MERGE_OK; i++) {
    char *ix = join (parts[i], "index.csv");
    struct stat stt;
    if (stat (ix, &stt) != 0) fprintf (err, "%s: missing (the part did not finish)\n", ix), rc = MERGE_BAD;
    free (ix);
    static const char *const subs[] = {"instances", "games", "certificates", ".journal"};
    for (int k = 0; k < 4 && rc == MERGE_OK; k++)
      if (!copy_dir (parts[i], out, subs[k], err)) rc = MERGE_BAD;
  }
  const char *csvs[2] = {"index.csv", "timing.csv"};
  for (int k = 0; k < 2 && rc == MERGE_OK; k++) {
    char **in = mem_calloc ((size_t) n, sizeof *in);
    for (int i = 0; i < n; i++) in[i] = join (parts[i], csvs[k]);
    char *o = join (out, csvs[k]);
    rc = merge_csv (o, in, n, err);
    for (int i = 0; i < n; i++) free (in[i]);
    free (in), free (o);
  }
  if (rc == MERGE_OK) fprintf (log, "merged %d parts into %s\n", n, out);
  return rc;
}


/* ---- merge --verify ------------------------------------------------------ */

static int cmp_row (const void *a, const void *b) {
  return strcmp (((const verify_row *) a)->file, ((const verify_row *) b)->file);
}

int merge_verify (const char *out, char **in, int n, FILE *table, FILE *err) {
  verify_row *rows = NULL;
  size_t nrows = 0, cap = 0;
  double t0 = 0;
  scnfg_error e;
  for (int i = 0; i < n; i++) {
    double t;
    error_init (&e);
    if (!verifyread_report (in[i], &rows, &nrows, &cap, &t, &e)) {
      char msg[600];
      error_format (&e, msg, sizeof msg);
      fprintf (err, "%s\n", msg);
      return free (rows), MERGE_BAD;
    }
    if (i && t != t0) {
      fprintf (err, "%s: timeout %g differs from %s's %g\n", in[i], t, in[0], t0);
      return free (rows), MERGE_BAD;
    }
    t0 = t;
  }
  if (nrows) qsort (rows, nrows, sizeof *rows, cmp_row);
  verify_opts o;
  verify_opts_init (&o);
  o.timeout = t0;
  error_init (&e);
  afile a;
  if (!afile_open (&a, out, &e)) return fprintf (err, "%s: cannot write\n", out), free (rows), MERGE_BAD;
  verify_write_report (a.f, rows, nrows, &o);
  if (!afile_commit (&a, &e)) return fprintf (err, "%s: cannot write\n", out), free (rows), MERGE_BAD;
  verify_print_table (table, rows, nrows);
  int rc = verify_status (rows, nrows);
  free (rows);
  return rc;
}
