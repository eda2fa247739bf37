/* scnfg merge: joins partial sweep CSVs, or partial suite directories (the
 * outputs of the jobs that --emit-jobs lists), into one. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "orchestrate/suite.h"

const char cmd_merge_summary[] = "join partial sweep CSVs or partial suite directories";

static void help (void) {
  printf ("usage: scnfg merge --csv OUT IN.csv...\n"
          "       scnfg merge --out DIR PARTDIR...\n\n"
          "--csv: the rows of every input (same header required) into OUT, sorted field by field\n"
          "(numbers numerically), duplicates removed.\n"
          "--out: the files of partial suites (instances, games, certificates, journal) into DIR,\n"
          "and their index.csv and timing.csv joined the same way; the parts' params and\n"
          "arguments must be identical. The result equals a single run's directory (but\n"
          "timing.csv). exit: 0 merged, 2 bad usage, I/O error or mismatching parts.\n");
}

static char *slurp (const char *path) {
  FILE *f = fopen (path, "r");
  if (!f) return NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  int c;
  while ((c = fgetc (f)) != EOF) fputc (c, m);
  fclose (f), fclose (m);
  return buf;
}

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
static int merge_csv (const char *out, char **in, int n) {
  char *header = NULL, **rows = NULL;
  size_t nrows = 0, cap = 0;
  int rc = CLI_EXIT_OK;
  for (int i = 0; i < n && rc == CLI_EXIT_OK; i++) {
    char *text = slurp (in[i]);
    if (!text) {
      fprintf (stderr, "%s: cannot read: %s\n", in[i], strerror (errno));
      rc = CLI_EXIT_USAGE;
      break;
    }
    char *save, *line = strtok_r (text, "\n", &save);
    if (!line) {
      fprintf (stderr, "%s: empty\n", in[i]);
      rc = CLI_EXIT_USAGE;
    } else if (!header)
      header = mem_strdup (line);
    else if (strcmp (header, line)) {
      fprintf (stderr, "%s:1: header differs from %s's\n", in[i], in[0]);
      rc = CLI_EXIT_USAGE;
    }
    while (rc == CLI_EXIT_OK && (line = strtok_r (NULL, "\n", &save))) {
      mem_reserve ((void **) &rows, &cap, nrows + 1, sizeof *rows);
      rows[nrows++] = mem_strdup (line);
    }
    free (text);
  }
  if (rc == CLI_EXIT_OK) {
    qsort (rows, nrows, sizeof *rows, cmp_line);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream (&buf, &len);
    fprintf (m, "%s\n", header);
    for (size_t i = 0; i < nrows; i++)
      if (!i || strcmp (rows[i], rows[i - 1])) fprintf (m, "%s\n", rows[i]);
    fclose (m);
    if (!suite_write_text (out, buf)) {
      fprintf (stderr, "%s: cannot write\n", out);
      rc = CLI_EXIT_USAGE;
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

static bool copy_dir (const char *part, const char *out, const char *sub) {
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
      if (!copy_file (s, t)) fprintf (stderr, "%s: cannot copy to %s\n", s, t), ok = false;
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

static int merge_dirs (const char *out, char **parts, int n) {
  char note[512];
  if (!suite_prepare_dir (out, note, sizeof note)) return fprintf (stderr, "%s\n", note), CLI_EXIT_USAGE;
  int rc = CLI_EXIT_OK;
  /* params and arguments must agree */
  const char *same[2] = {"params", ".journal/args"};
  for (int k = 0; k < 2 && rc == CLI_EXIT_OK; k++) {
    char *ref = NULL;
    for (int i = 0; i < n && rc == CLI_EXIT_OK; i++) {
      char *p = join (parts[i], same[k]);
      char *t = slurp (p);
      if (!t) fprintf (stderr, "%s: missing (not a finished part?)\n", p), rc = CLI_EXIT_USAGE;
      else if (!ref) ref = t, t = NULL;
      else if (strcmp (ref, t)) fprintf (stderr, "%s: differs from %s/%s\n", p, parts[0], same[k]), rc = CLI_EXIT_USAGE;
      free (t), free (p);
    }
    if (rc == CLI_EXIT_OK) {
      char *p = join (out, same[k]);
      char *t = slurp (p);
      if (t && strcmp (t, ref))
        fprintf (stderr, "%s: differs from the parts' %s\n", p, same[k]), rc = CLI_EXIT_USAGE;
      else if (!suite_write_text (p, ref))
        fprintf (stderr, "%s: cannot write\n", p), rc = CLI_EXIT_USAGE;
      free (t), free (p);
    }
    free (ref);
  }
  for (int i = 0; i < n && rc == CLI_EXIT_OK; i++) {
    char *ix = join (parts[i], "index.csv");
    struct stat stt;
    if (stat (ix, &stt) != 0) fprintf (stderr, "%s: missing (the part did not finish)\n", ix), rc = CLI_EXIT_USAGE;
    free (ix);
    static const char *const subs[] = {"instances", "games", "certificates", ".journal"};
    for (int k = 0; k < 4 && rc == CLI_EXIT_OK; k++)
      if (!copy_dir (parts[i], out, subs[k])) rc = CLI_EXIT_USAGE;
  }
  const char *csvs[2] = {"index.csv", "timing.csv"};
  for (int k = 0; k < 2 && rc == CLI_EXIT_OK; k++) {
    char **in = mem_calloc ((size_t) n, sizeof *in);
    for (int i = 0; i < n; i++) in[i] = join (parts[i], csvs[k]);
    char *o = join (out, csvs[k]);
    rc = merge_csv (o, in, n);
    for (int i = 0; i < n; i++) free (in[i]);
    free (in), free (o);
  }
  if (rc == CLI_EXIT_OK) printf ("merged %d parts into %s\n", n, out);
  return rc;
}

int cmd_merge (int argc, char **argv) {
  const char *csv = NULL, *out = NULL;
  int first = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) return help (), CLI_EXIT_OK;
    if (!strcmp (a, "--csv") || !strcmp (a, "--out")) {
      if (i + 1 >= argc) return cli_usage_error ("merge", "%s needs a value", a);
      *(a[2] == 'c' ? &csv : &out) = argv[++i];
    } else if (a[0] == '-' && a[1])
      return cli_usage_error ("merge", "unknown option '%s' (see --help)", a);
    else {
      first = i;
      break;
    }
  }
  if (!csv == !out) return cli_usage_error ("merge", "one of --csv OUT or --out DIR is needed (see --help)");
  if (!first) return cli_usage_error ("merge", "no inputs");
  for (int i = first; i < argc; i++)
    if (argv[i][0] == '-') return cli_usage_error ("merge", "options go before the inputs ('%s')", argv[i]);
  return csv ? merge_csv (csv, argv + first, argc - first) : merge_dirs (out, argv + first, argc - first);
}
