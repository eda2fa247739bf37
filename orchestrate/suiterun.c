/* suiterun: the driver of a certified suite (see suiterun.h). */
#include "orchestrate/suiterun.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/mem.h"
#include "orchestrate/pool.h"
#include "orchestrate/progress.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

bool suiterun_parse_range (const char *s, unsigned *lo, unsigned *hi) {
  const char *d = strstr (s, "..");
  if (!d) return false;
  char a[32], b[32];
  size_t k = (size_t) (d - s);
  if (k == 0 || k >= sizeof a || strlen (d + 2) >= sizeof b) return false;
  memcpy (a, s, k), a[k] = 0;
  snprintf (b, sizeof b, "%s", d + 2);
  char *ea, *eb;
  if (a[0] < '0' || a[0] > '9' || b[0] < '0' || b[0] > '9') return false;
  errno = 0;
  unsigned long long x = strtoull (a, &ea, 10), y = strtoull (b, &eb, 10);
  if (errno || *ea || *eb || x < 1 || x > y || y > 100000) return false;
  *lo = (unsigned) x, *hi = (unsigned) y;
  return true;
}

bool suiterun_set_families (suiterun_args *a, const char *families, unsigned ratio, char *msg, size_t msg_size) {
  char list[256];
  a->nf = 0;
  a->families = families;
  if (strlen (families) >= sizeof list) return snprintf (msg, msg_size, "--family list too long"), false;
  snprintf (list, sizeof list, "%s", families);
  for (char *t = strtok (list, ","); t; t = strtok (NULL, ",")) {
    int fam = suite_family_lookup (t);
    if (fam < 0) return snprintf (msg, msg_size, "unknown family '%s' (see --help)", t), false;
    for (unsigned i = 0; i < a->nf; i++)
      if (a->fams[i].fam == fam) return snprintf (msg, msg_size, "family '%s' given twice", t), false;
    suiterun_family *f = &a->fams[a->nf++];
    memset (f, 0, sizeof *f);
    f->fam = fam;
    f->p.ratio_milli = ratio ? ratio : suite_default_ratio (fam);
  }
  if (!a->nf) return snprintf (msg, msg_size, "--family lists no family"), false;
  return true;
}

bool suiterun_set_only (suiterun_args *a, const char *s) {
  char tmp[64];
  snprintf (tmp, sizeof tmp, "%s", s);
  char *c = strchr (tmp, ':'), *end;
  if (!c) return false;
  *c = 0;
  if ((a->only_fam = suite_family_lookup (tmp)) < 0 || c[1] < '0' || c[1] > '9') return false;
  errno = 0;
  unsigned long long x = strtoull (c + 1, &end, 10);
  if (errno || *end || x > 100000) return false;
  a->only_n = (unsigned) x;
  return true;
}

bool suiterun_only_fits (const suiterun_args *a) {
  for (unsigned i = 0; i < a->nf; i++)
    if (a->fams[i].fam == a->only_fam && a->fams[i].p.lo <= a->only_n && a->only_n <= a->fams[i].p.hi) return true;
  return false;
}

/* One "FAMILY.KEY=VALUE" line of a params file; false on an error (printed). */
static bool params_line (suiterun_args *a, char *line, const char *path, unsigned ln, FILE *err) {
  char *eq = strchr (line, '='), *dot = strchr (line, '.');
  if (!eq || !dot || dot > eq) return fprintf (err, "%s:%u: expected FAMILY.KEY=VALUE\n", path, ln), false;
  *dot = *eq = 0;
  int fam = suite_family_lookup (line);
  if (fam < 0) return fprintf (err, "%s:%u: unknown family '%s'\n", path, ln, line), false;
  suiterun_family *s = NULL;
  for (unsigned i = 0; i < a->nf; i++)
    if (a->fams[i].fam == fam) s = &a->fams[i];
  if (!s) return true; /* a family this run does not make */
  if (!strcmp (dot + 1, "sizes")) {
    s->sizes_set = true;
    if (!suiterun_parse_range (eq + 1, &s->p.lo, &s->p.hi))
      return fprintf (err, "%s:%u: bad sizes '%s' (A..B)\n", path, ln, eq + 1), false;
  } else if (!strcmp (dot + 1, "ratio")) {
    if (!suite_parse_ratio (eq + 1, &s->p.ratio_milli))
      return fprintf (err, "%s:%u: bad ratio '%s'\n", path, ln, eq + 1), false;
  } else
    return fprintf (err, "%s:%u: unknown key '%s'\n", path, ln, dot + 1), false;
  return true;
}

bool suiterun_read_params (suiterun_args *a, const char *path, FILE *err) {
  FILE *f = fopen (path, "r");
  if (!f) return fprintf (err, "%s: cannot open: %s\n", path, strerror (errno)), false;
  char line[512];
  unsigned ln = 0;
  bool ok = true;
  while (ok && fgets (line, sizeof line, f)) {
    ln++;
    line[strcspn (line, "\r\n")] = 0;
    if (line[0] && line[0] != '#') ok = params_line (a, line, path, ln, err);
  }
  fclose (f);
  return ok;
}

static char *params_text (const suiterun_args *a) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  fprintf (m, "# scnfg suite parameters (reuse with --params FILE)\n");
  for (unsigned i = 0; i < a->nf; i++) {
    const char *name = suite_family_name (a->fams[i].fam);
    fprintf (m, "%s.sizes=%u..%u\n", name, a->fams[i].p.lo, a->fams[i].p.hi);
    if (suite_family_seeded (a->fams[i].fam)) {
      char r[32];
      suite_print_ratio (r, sizeof r, a->fams[i].p.ratio_milli);
      fprintf (m, "%s.ratio=%s\n", name, r);
    }
  }
  fclose (m);
  return buf;
}

/* ---- calibration ---------------------------------------------------------- */

#define PROBES 8

/* Median seconds of depqbf (or, for SSAT, scnfg's SSAT solver) on PROBES
 * formulas of (fam, n, ratio); *share_true gets the share answered true. */
static double probe (int fam, unsigned n, unsigned ratio, uint64_t seed, double target, const suite_opts *o,
                     double *share_true) {
  double t[PROBES];
  unsigned np = suite_family_seeded (fam) ? PROBES : 1, yes = 0, k = 0;
  suite_opts po = *o;
  po.depqbf_timeout = 10 * target;
  po.qbf_max_nodes = 0;
  char path[] = "/tmp/scnfg-calibrate-XXXXXX";
  int fd = mkstemp (path);
  if (fd < 0) return -1;
  close (fd);
  for (unsigned i = 0; i < np; i++) {
    char comment[600];
    const char *why;
    qbf *f = suite_formula (fam, n, ratio, suite_seed (seed ^ 0x63616c6962ull, fam, n, i), comment, sizeof comment,
                            &why);
    if (!f) break;
    FILE *out = fopen (path, "w");
    bool w = out && qdimacs_write (out, f);
    if (out) fclose (out);
    suite_measure m;
    bool ok = w && suite_measure_side (fam == SUITE_SSAT ? 'q' : 'd', f, path, &po, &m);
    qbf_free (f);
    if (!ok && !(w && m.answer == 0)) break;
    t[k++] = m.answer ? m.seconds : 10 * target;
    yes += m.answer == 10;
  }
  unlink (path);
  *share_true = k ? (double) yes / k : 0;
  return k ? suite_median (t, k) : -1;
}

/* The ratio (random, chen-interian) by bisection for share true ~ 1/2 at size 'at'. */
static void calibrate_ratio (suiterun_family *s, int round, unsigned at, uint64_t seed, double target,
                             const suite_opts *o, FILE *log) {
  double share;
  unsigned lo = round ? s->p.ratio_milli * 3 / 4 : s->p.ratio_milli / 2;
  unsigned hi = round ? s->p.ratio_milli * 4 / 3 : s->p.ratio_milli * 2;
  for (int it = 0; it < (round ? 5 : 7); it++) {
    unsigned mid = (lo + hi) / 2;
    probe (s->fam, at, mid, seed, target, o, &share);
    fprintf (log, "calibrate %s: n %u ratio %u.%03u: %.0f%% true\n", suite_family_name (s->fam), at, mid / 1000,
             mid % 1000, 100 * share);
    if (share > 0.5) lo = mid;
    else hi = mid;
  }
  s->p.ratio_milli = (lo + hi) / 2 / 10 * 10; /* two decimals */
}

/* Two rounds: the ratio at a size (the smallest, then the middle of the band
 * found: the 50% point moves with n), then the band of sizes whose median is
 * within a factor 3 of the target (the size closest to it if none is). */
static void calibrate (suiterun_family *s, uint64_t seed, double target, const suite_opts *o, FILE *log) {
  int fam = s->fam;
  double share;
  unsigned lo0 = s->p.lo, hi0 = s->p.hi, at = lo0, blo = 0, bhi = 0;
  bool ratio = fam == SUITE_RANDOM || fam == SUITE_CI;
  for (int round = 0; round < (ratio ? 2 : 1); round++) {
    if (ratio) calibrate_ratio (s, round, at, seed, target, o, log);
    unsigned best = lo0;
    double bestd = 1e300;
    blo = bhi = 0;
    for (unsigned n = lo0; n <= hi0; n++) {
      double med = probe (fam, n, s->p.ratio_milli, seed, target, o, &share);
      if (med < 0) break;
      fprintf (log, "calibrate %s: n %u: median %.3f s (%.0f%% true)\n", suite_family_name (fam), n, med,
               100 * share);
      double d = med > target ? med / target : target / (med > 1e-6 ? med : 1e-6);
      if (d < bestd) bestd = d, best = n;
      if (d <= 3) {
        if (!blo) blo = n;
        bhi = n;
      } else if (blo)
        break;
      if (med > 3 * target) break;
    }
    if (!blo) blo = bhi = best;
    at = (blo + bhi) / 2;
  }
  s->p.lo = blo, s->p.hi = bhi;
  char r[32];
  suite_print_ratio (r, sizeof r, s->p.ratio_milli);
  fprintf (log, "calibrate %s: sizes %u..%u%s%s\n", suite_family_name (fam), blo, bhi, ratio ? ", ratio " : "",
           ratio ? r : "");
}

void suiterun_calibrate (suiterun_args *a, double target, FILE *log) {
  fprintf (log, "calibrating for a target of %g s (this measures wall clock; the result is DIR/params)\n", target);
  for (unsigned i = 0; i < a->nf; i++) calibrate (&a->fams[i], a->seed, target, &a->o, log);
  fflush (log);
}

/* ---- the job list of a split run ------------------------------------------- */

/* The fingerprint of every argument that decides the content. */
static char *fingerprint (const suiterun_args *a, const char *ptext, size_t *len) {
  char *fp = NULL;
  FILE *m = open_memstream (&fp, len);
  fprintf (m, "seed=%llu per-size=%ld max-attempts=%ld max-nodes=%llu qbf-max-nodes=%llu max-profile=%zu "
              "efg-max-nodes=%zu\n%s", (unsigned long long) a->seed, a->per_size, a->max_attempts,
           (unsigned long long) a->o.game_max_nodes, (unsigned long long) a->o.qbf_max_nodes, a->o.max_profile,
           a->o.efg_max_nodes, ptext);
  fclose (m);
  return fp;
}

static int emit_jobs (const suiterun_args *a, const char *emit, FILE *log, FILE *err) {
  char self[4096];
  ssize_t sl = readlink ("/proc/self/exe", self, sizeof self - 1);
  if (sl > 0) self[sl] = 0;
  else snprintf (self, sizeof self, "scnfg");
  FILE *jf = strcmp (emit, "-") ? fopen (emit, "w") : log;
  if (!jf) return fprintf (err, "%s: cannot write: %s\n", emit, strerror (errno)), SUITERUN_USAGE;
  size_t pdl = strlen (a->out) + 8;
  char *pdir = mem_alloc (pdl);
  snprintf (pdir, pdl, "%s.parts", a->out);
  int e = mkdir (pdir, 0777) != 0 && errno != EEXIST ? errno : 0;
  if (e) fprintf (err, "%s: cannot create: %s\n", pdir, strerror (e));
  free (pdir);
  if (e) return SUITERUN_USAGE;
  const suite_opts *o = &a->o;
  for (unsigned i = 0; i < a->nf; i++)
    for (unsigned n = a->fams[i].p.lo; n <= a->fams[i].p.hi; n++) {
      const char *name = suite_family_name (a->fams[i].fam);
      fprintf (jf, "%s suite --family %s --params %s/params --per-size %ld --seed %llu --max-nodes %llu "
                   "--qbf-max-nodes %llu --max-profile %zu --efg-max-nodes %zu --depqbf-timeout %g",
               self, a->families, a->out, a->per_size, (unsigned long long) a->seed,
               (unsigned long long) o->game_max_nodes, (unsigned long long) o->qbf_max_nodes, o->max_profile,
               o->efg_max_nodes, o->depqbf_timeout);
      if (a->max_attempts) fprintf (jf, " --max-attempts %ld", a->max_attempts);
      fprintf (jf, " --only %s:%u --quiet --out %s.parts/%s-n%03u\n", name, n, a->out, name, n);
    }
  if (jf != log) fclose (jf);
  fprintf (log, "jobs written to %s; run: parallel -j2 < %s && %s merge --out %s %s.parts/*\n", emit, emit, self,
           a->out, a->out);
  return SUITERUN_OK;
}

/* Resume: the directory's journal must come from the same arguments (or be
 * new: then they are recorded). */
static int same_arguments (const char *out, const char *fp, size_t fplen, FILE *err) {
  size_t jl = strlen (out) + 32;
  char *jpath = mem_alloc (jl);
  snprintf (jpath, jl, "%s/.journal/args", out);
  FILE *jf = fopen (jpath, "r");
  int rc = SUITERUN_OK;
  if (jf) {
    char *old = mem_alloc (fplen + 2);
    size_t k = fread (old, 1, fplen + 1, jf);
    fclose (jf);
    bool same = k == fplen && !memcmp (old, fp, fplen);
    free (old);
    if (!same) {
      fprintf (err, "%s: holds a suite made with other arguments or parameters; use a fresh directory\n", out);
      rc = SUITERUN_USAGE;
    }
  } else if (!suite_write_text (jpath, fp)) {
    fprintf (err, "%s: cannot write\n", jpath);
    rc = SUITERUN_USAGE;
  }
  free (jpath);
  return rc;
}

/* ---- scheduling ------------------------------------------------------------ */

typedef struct stream {
  int fam;
  unsigned n, ratio, need, max_attempts;
  int *state; /* per attempt: 0 unknown, -1 running, SUITE_* */
  bool error;
} stream;

typedef struct run {
  const suiterun_args *a;
  stream *st;
  size_t ns, goal, done, kept;
  int rc;
  progress pr;
  FILE *err;
} run;

typedef struct job_result {
  int outcome;
  char note[1024];
} job_result;

/* Selection state of a stream: returns true when it is settled (the first
 * 'need' certified attempts are known, or every attempt is known). */
static bool settled (const stream *s) {
  unsigned cert = 0;
  for (unsigned a = 0; a < s->max_attempts; a++) {
    int st = s->state[a];
    if (st <= 0) return false;
    if (st == SUITE_KEPT || st == SUITE_SURPLUS) cert++;
    if (cert == s->need) return true;
  }
  return true;
}

/* Next attempt to evaluate, or -1 (none needed now). */
static int next_attempt (stream *s) {
  if (s->error || settled (s)) return -1;
  unsigned cert = 0, running = 0;
  int first = -1;
  for (unsigned a = 0; a < s->max_attempts; a++) {
    int st = s->state[a];
    if (st == SUITE_KEPT || st == SUITE_SURPLUS) cert++;
    else if (st == -1) running++;
    else if (st == 0 && first < 0) first = (int) a;
  }
  return cert + running < s->need ? first : -1;
}

#define JOB(i, a) ((size_t) (i) << 32 | (size_t) (a))

static bool run_next (void *ctx, size_t *job) {
  run *r = ctx;
  /* a selected surplus (its files were removed) must be evaluated again */
  for (size_t i = 0; i < r->ns; i++) {
    stream *s = &r->st[i];
    unsigned cert = 0;
    for (unsigned a = 0; a < s->max_attempts && cert < s->need && s->state[a] > 0; a++)
      if (s->state[a] == SUITE_KEPT) cert++;
      else if (s->state[a] == SUITE_SURPLUS) s->state[a] = 0;
  }
  for (size_t i = 0; i < r->ns; i++) {
    int a = next_attempt (&r->st[i]);
    if (a < 0) continue;
    r->st[i].state[a] = -1;
    *job = JOB (i, a);
    return true;
  }
  return false;
}

static int run_job (void *ctx, size_t job, void *result) {
  run *r = ctx;
  job_result *jr = result;
  const stream *s = &r->st[job >> 32];
  jr->outcome = suite_evaluate (r->a->out, s->fam, s->n, s->ratio, (unsigned) (job & 0xffffffffu), r->a->seed,
                                &r->a->o, jr->note, sizeof jr->note);
  return jr->outcome;
}

static void run_done (void *ctx, size_t job, const pool_outcome *o, const void *result) {
  run *r = ctx;
  if (o->interrupted) return; /* stopped by a signal: neither done nor failed (a rerun resumes it) */
  stream *s = &r->st[job >> 32];
  unsigned a = (unsigned) (job & 0xffffffffu);
  const job_result *jr = result;
  int x = o->complete ? jr->outcome : SUITE_ERR_IO;
  if (o->complete && x != SUITE_KEPT && x != SUITE_DROPPED)
    fprintf (r->err, "%s%s\n", progress_break (&r->pr), jr->note);
  if (x == SUITE_KEPT || x == SUITE_DROPPED) s->state[a] = x;
  else {
    s->state[a] = 0;
    s->error = true;
    int e = x == SUITE_ERR_FAIL ? SUITERUN_FAIL : x == SUITE_ERR_TIMEOUT ? SUITERUN_TIMEOUT : SUITERUN_USAGE;
    if (e == SUITERUN_FAIL || r->rc == SUITERUN_OK) r->rc = e;
    if (!o->complete)
      fprintf (r->err, "suite: %s n=%u attempt %u: the process died\n", suite_family_name (s->fam), s->n, a);
  }
  r->kept += x == SUITE_KEPT;
  r->done++;
  progress_line (&r->pr, "%zu evaluated, %zu/%zu kept, %.0f s", r->done, r->kept, r->goal,
                 progress_elapsed (&r->pr));
}

/* The streams of the run, their states read from the journal. */
static void make_streams (run *r) {
  const suiterun_args *a = r->a;
  for (unsigned i = 0; i < a->nf; i++)
    for (unsigned n = a->fams[i].p.lo; n <= a->fams[i].p.hi; n++) {
      if (a->only_fam >= 0 && (a->fams[i].fam != a->only_fam || n != a->only_n)) continue;
      r->st = mem_realloc (r->st, (r->ns + 1) * sizeof *r->st);
      stream *s = &r->st[r->ns++];
      memset (s, 0, sizeof *s);
      s->fam = a->fams[i].fam, s->n = n, s->ratio = a->fams[i].p.ratio_milli;
      bool seeded = suite_family_seeded (s->fam);
      s->need = seeded ? (unsigned) a->per_size : 1;
      s->max_attempts = seeded ? (unsigned) (a->max_attempts ? a->max_attempts : 3 * a->per_size + 10) : 1;
      s->state = mem_calloc (s->max_attempts, sizeof *s->state);
      for (unsigned k = 0; k < s->max_attempts; k++) {
        char name[96];
        suite_name (name, sizeof name, s->fam, n, k);
        s->state[k] = suite_journal_read (a->out, name, NULL, 0, NULL, 0);
      }
      r->goal += s->need;
    }
}

/* ---- index.csv and timing.csv from the journal ------------------------------ */

typedef struct rows {
  char **index, **timing;
  size_t n, cap, ntrue, nfalse, nssat, ndropped, nsurplus;
  char *old_timing; /* "\n" + the timing.csv of an earlier run (times moved there) */
} rows;

/* The rows of one stream's first 'need' certified attempts (a later one is
 * surplus: its files go). */
static void stream_rows (run *r, stream *s, rows *w) {
  const char *out = r->a->out;
  unsigned cert = 0;
  for (unsigned a = 0; a < s->max_attempts; a++) {
    char name[96], ir[2048], tr[512];
    suite_name (name, sizeof name, s->fam, s->n, a);
    int x = s->state[a];
    if (x == SUITE_DROPPED) w->ndropped++;
    if (x != SUITE_KEPT) continue;
    if (cert == s->need) {
      suite_discard (out, name);
      w->nsurplus++;
      continue;
    }
    if (suite_journal_read (out, name, ir, sizeof ir, tr, sizeof tr) != SUITE_KEPT) {
      fprintf (r->err, "suite: %s: journal record lost\n", name);
      r->rc = r->rc ? r->rc : SUITERUN_USAGE;
      continue;
    }
    cert++;
    if (!tr[0]) { /* the times are in the old timing.csv */
      char key[160];
      snprintf (key, sizeof key, "\ninstances/%s.qdimacs,", name);
      const char *hit = w->old_timing ? strstr (w->old_timing, key) : NULL;
      if (hit) snprintf (tr, sizeof tr, "%.*s", (int) strcspn (hit + 1, "\n"), hit + 1);
      else snprintf (tr, sizeof tr, "instances/%s.qdimacs,n/a,n/a,n/a,n/a,n/a", name);
    }
    mem_reserve ((void **) &w->index, &w->cap, w->n + 1, sizeof *w->index);
    w->timing = mem_realloc (w->timing, w->cap * sizeof *w->timing);
    w->index[w->n] = mem_strdup (ir), w->timing[w->n] = mem_strdup (tr);
    w->n++;
    if (strstr (ir, ",true,")) w->ntrue++;
    else if (strstr (ir, ",false,")) w->nfalse++;
    else w->nssat++;
  }
  if (cert < s->need && !s->error)
    fprintf (r->err, "suite: %s n=%u: only %u of %u certified within %u attempts (limits)\n",
             suite_family_name (s->fam), s->n, cert, s->need, s->max_attempts);
  if (s->error) r->rc = r->rc ? r->rc : SUITERUN_USAGE;
}

/* Writes index.csv and timing.csv (rows sorted by file name: names are zero
 * padded); then the journal's times go (timing.csv holds them). */
static bool write_tables (run *r, rows *w) {
  for (size_t i = 1; i < w->n; i++)
    for (size_t j = i; j > 0 && strcmp (w->index[j - 1], w->index[j]) > 0; j--) {
      char *t = w->index[j];
      w->index[j] = w->index[j - 1], w->index[j - 1] = t;
      t = w->timing[j], w->timing[j] = w->timing[j - 1], w->timing[j - 1] = t;
    }
  char *ib = NULL, *tb = NULL;
  size_t il = 0, tl = 0;
  FILE *im = open_memstream (&ib, &il), *tm = open_memstream (&tb, &tl);
  fprintf (im, "%s\n", suite_index_header ());
  fprintf (tm, "%s\n", suite_timing_header ());
  for (size_t i = 0; i < w->n; i++) fprintf (im, "%s\n", w->index[i]), fprintf (tm, "%s\n", w->timing[i]);
  fclose (im), fclose (tm);
  const char *out = r->a->out;
  size_t pl = strlen (out) + 16;
  char *p1 = mem_alloc (pl), *p2 = mem_alloc (pl);
  snprintf (p1, pl, "%s/index.csv", out);
  snprintf (p2, pl, "%s/timing.csv", out);
  bool ok = suite_write_text (p1, ib) && suite_write_text (p2, tb);
  if (ok)
    for (size_t i = 0; i < r->ns; i++)
      for (unsigned a = 0; a < r->st[i].max_attempts; a++) {
        char name[96];
        suite_name (name, sizeof name, r->st[i].fam, r->st[i].n, a);
        if (r->st[i].state[a] > 0) suite_journal_drop_times (out, name);
      }
  free (p1), free (p2), free (ib), free (tb);
  return ok;
}

static void assemble (run *r, FILE *log) {
  const char *out = r->a->out;
  rows w;
  memset (&w, 0, sizeof w);
  size_t tpl = strlen (out) + 16;
  char *tpath = mem_alloc (tpl);
  snprintf (tpath, tpl, "%s/timing.csv", out);
  char *old = suite_read_text (tpath);
  if (old) { /* a newline in front: every row then starts after one */
    w.old_timing = mem_alloc (strlen (old) + 2);
    w.old_timing[0] = '\n';
    strcpy (w.old_timing + 1, old);
    free (old);
  }
  free (tpath);
  for (size_t i = 0; i < r->ns; i++) stream_rows (r, &r->st[i], &w);
  if (r->rc == SUITERUN_OK) {
    if (!write_tables (r, &w)) {
      fprintf (r->err, "%s: cannot write index.csv/timing.csv\n", out);
      r->rc = SUITERUN_USAGE;
    } else
      fprintf (log, "suite %s: %zu certified instances (%zu true, %zu false, %zu SSAT), %zu candidates dropped by "
                    "limits, %zu surplus; %.1f s\n", out, w.n, w.ntrue, w.nfalse, w.nssat, w.ndropped, w.nsurplus,
               progress_elapsed (&r->pr));
  } else
    fprintf (r->err, "suite: %s: index.csv not written (errors above); rerun to resume\n", out);
  for (size_t i = 0; i < w.n; i++) free (w.index[i]), free (w.timing[i]);
  free (w.index), free (w.timing), free (w.old_timing);
}

int suiterun_run (const suiterun_args *a, const char *emit, FILE *log, FILE *err) {
  char *ptext = params_text (a);
  size_t plen = strlen (a->out) + 16, fplen = 0;
  char *ppath = mem_alloc (plen);
  snprintf (ppath, plen, "%s/params", a->out);
  bool written = suite_write_text (ppath, ptext);
  if (!written) fprintf (err, "%s: cannot write\n", ppath);
  char *fp = written ? fingerprint (a, ptext, &fplen) : NULL;
  free (ppath), free (ptext);
  int rc = !written ? SUITERUN_USAGE : emit ? emit_jobs (a, emit, log, err) : same_arguments (a->out, fp, fplen, err);
  free (fp);
  if (rc != SUITERUN_OK || emit) return rc;
  run r = {.a = a, .rc = SUITERUN_OK, .err = err};
  make_streams (&r);
  progress_init (&r.pr, err, a->progress, "suite");
  pool_spec ps = {.workers = (int) a->jobs, .result_size = sizeof (job_result), .next = run_next, .run = run_job,
                  .done = run_done, .ctx = &r};
  if (!pool_run (&ps) && !pool_interrupted ()) fprintf (err, "suite: fork failed: %s\n", strerror (errno));
  progress_end (&r.pr);
  char note[1024];
  if (pool_interrupted ()) /* the journal keeps what was finished; no index, no temp file */
    suite_prepare_dir (a->out, note, sizeof note);
  else
    assemble (&r, log);
  for (size_t i = 0; i < r.ns; i++) free (r.st[i].state);
  free (r.st);
  return r.rc;
}
