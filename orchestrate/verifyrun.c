/* verifyrun: verify over many instances (see verifyrun.h). */
#include "orchestrate/verifyrun.h"

#include <dirent.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
#include "orchestrate/pool.h"

static int cmp_str (const void *a, const void *b) { return strcmp (*(char *const *) a, *(char *const *) b); }

char **verifyrun_collect (const char *path, size_t *n) {
  struct stat st;
  *n = 0;
  if (stat (path, &st) != 0 || !S_ISDIR (st.st_mode)) {
    char **v = mem_alloc (sizeof *v);
    v[0] = mem_strdup (path);
    *n = 1;
    return v;
  }
  DIR *d = opendir (path);
  if (!d) return NULL;
  char **v = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir (d))) {
    size_t k = strlen (e->d_name);
    if (k < 9 || strcmp (e->d_name + k - 8, ".qdimacs")) continue;
    mem_reserve ((void **) &v, &cap, *n + 1, sizeof *v);
    v[*n] = mem_alloc (strlen (path) + k + 2);
    sprintf (v[(*n)++], "%s/%s", path, e->d_name);
  }
  closedir (d);
  if (!v) v = mem_alloc (sizeof *v); /* none: an empty array, not NULL (NULL means unreadable) */
  if (*n) qsort (v, *n, sizeof *v, cmp_str);
  return v;
}

typedef struct batch {
  char **files;
  size_t n, next, done;
  const verify_opts *o;
  verify_row *rows;
  FILE *line;
} batch;

/* "verify: K/N NAME: VERDICT (S s)", S the sum of the row's column seconds. */
static void instance_line (FILE *f, size_t k, size_t n, const verify_row *r) {
  if (!f) return;
  const char *b = strrchr (r->file, '/');
  const char *v = r->error ? "error" : verify_status (r, 1) == 1 ? "FAILED" : r->agree == VERIFY_OK ? "agree" : "undecided";
  double t = r->qbf_seconds + r->game_seconds + r->sse_seconds + r->scne_seconds + r->cert_seconds + r->rt_seconds +
             r->proof_trace_seconds + r->proof_seconds;
  fprintf (f, "verify: %zu/%zu %s: %s (%.1f s)\n", k, n, b ? b + 1 : r->file, v, t);
  fflush (f);
}

static bool batch_next (void *ctx, size_t *job) {
  batch *b = ctx;
  if (b->next == b->n) return false;
  *job = b->next++;
  return true;
}

static int batch_run (void *ctx, size_t job, void *result) {
  batch *b = ctx;
  verify_instance (b->files[job], b->o, result);
  return 0;
}

static void batch_done (void *ctx, size_t job, const pool_outcome *o, const void *result) {
  batch *b = ctx;
  verify_row *r = &b->rows[job];
  if (o->complete) memcpy (r, result, sizeof *r);
  else { /* the child died: report it, never guess */
    memset (r, 0, sizeof *r);
    snprintf (r->file, sizeof r->file, "%s", b->files[job]);
    r->error = 1;
    snprintf (r->note, sizeof r->note, "%s: the verifying process died (status %d)", b->files[job], o->status);
  }
  instance_line (b->line, ++b->done, b->n, r);
}

/* Removes dir and the files in it (the workers' temporary files). */
static void remove_dir (const char *dir) {
  DIR *d = opendir (dir);
  struct dirent *e;
  char p[4400];
  while (d && (e = readdir (d)))
    if (strcmp (e->d_name, ".") && strcmp (e->d_name, "..")) snprintf (p, sizeof p, "%s/%s", dir, e->d_name), unlink (p);
  if (d) closedir (d);
  rmdir (dir);
}

void verifyrun_all (char **files, size_t n, const verify_opts *o, verify_row *rows, int jobs, FILE *line) {
  /* a private directory for the workers' temporary files: removed below even
   * if a signal killed a worker half way */
  const char *t = getenv ("TMPDIR");
  char dir[4096];
  snprintf (dir, sizeof dir, "%s/scnfg-verify-XXXXXX", o->tmpdir ? o->tmpdir : t && *t ? t : "/tmp");
  verify_opts lo = *o;
  if (mkdtemp (dir)) lo.tmpdir = dir;
  else dir[0] = 0;
  o = &lo;
  batch b = {.files = files, .n = n, .o = o, .rows = rows, .line = line};
  /* -j 1 too runs each instance in a worker: a signal then stops a serial run
   * as it stops a parallel one (forwarded, reaped, temp files gone, 130/143) */
  pool_spec s = {.workers = jobs > 1 ? jobs : 1, .result_size = sizeof *rows, .next = batch_next, .run = batch_run,
                 .done = batch_done, .ctx = &b};
  if (!pool_run (&s))
    for (size_t i = b.next; i < n; i++) { /* never started */
      pool_outcome none = {.status = -1, .code = -1};
      batch_done (&b, i, &none, NULL);
    }
  if (dir[0]) remove_dir (dir);
}

/* s single-quoted for sh (a quote becomes '\\'' ). */
static void sq (FILE *f, const char *s) {
  fputc ('\'', f);
  for (; *s; s++)
    if (*s == '\'') fputs ("'\\''", f);
    else fputc (*s, f);
  fputc ('\'', f);
}

bool verifyrun_emit_jobs (char **files, size_t n, const verify_opts *o, const char *self, const char *parts, FILE *jobs) {
  verify_opts d;
  verify_opts_init (&d);
  for (size_t i = 0; i < n; i++) {
    sq (jobs, self);
    fputs (" verify ", jobs);
    sq (jobs, files[i]);
    if (o->timeout > 0) fprintf (jobs, " --timeout %.3f", o->timeout);
    if (o->max_nodes) fprintf (jobs, " --max-nodes %llu", (unsigned long long) o->max_nodes);
    if (o->max_profile) fprintf (jobs, " --max-profile %zu", o->max_profile);
    if (o->max_dag != d.max_dag) fprintf (jobs, " --max-dag %zu", o->max_dag);
    if (o->cache_bytes != d.cache_bytes) fprintf (jobs, " --cache-mb %zu", o->cache_bytes >> 20);
    if (o->no_commitment) fputs (" --no-commitment", jobs);
    if (o->no_prune) fputs (" --no-prune", jobs);
    if (o->depqbf_proof) fputs (" --depqbf-proof", jobs);
    if (o->cert_dir) fputs (" --cert-dir ", jobs), sq (jobs, o->cert_dir);
    const char *b = strrchr (files[i], '/');
    b = b ? b + 1 : files[i];
    size_t k = strlen (b);
    if (k > 8 && !strcmp (b + k - 8, ".qdimacs")) k -= 8;
    size_t len = strlen (parts) + k + 6;
    char *rep = mem_alloc (len);
    snprintf (rep, len, "%s/%.*s.xml", parts, (int) k, b);
    fputs (" --quiet --report ", jobs);
    sq (jobs, rep);
    fputc ('\n', jobs);
    free (rep);
  }
  return !ferror (jobs);
}
