/* sweep: phase transition and scaling sweeps (see sweep.h). */
#include "orchestrate/sweep.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/mem.h"
#include "orchestrate/pool.h"
#include "orchestrate/progress.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

static const char header[] =
    "family,param,value,size,vars,clauses,ratio,count,true_share,qbf_median_s,game_median_s,depqbf_median_s,"
    "qbf_unknown,game_unknown,depqbf_unknown,qbf_peak_kb,game_peak_kb,depqbf_peak_kb";

const char *sweep_header (void) { return header; }

static bool parse_count (const char *s, uint64_t *v) {
  char *end;
  if (s[0] < '0' || s[0] > '9') return false;
  errno = 0;
  *v = strtoull (s, &end, 10);
  return !errno && !*end;
}

bool sweep_set_param (sweep_args *a, const char *param, char *msg, size_t msg_size) {
  char lo_s[32], hi_s[32];
  const char *eq = strchr (param, '='), *dd = eq ? strstr (eq, "..") : NULL, *co = dd ? strchr (dd, ':') : NULL;
  if (!eq || !dd || !co || (size_t) (eq - param) >= sizeof a->name || (size_t) (dd - eq - 1) >= sizeof lo_s ||
      (size_t) (co - dd - 2) >= sizeof hi_s || strlen (co + 1) >= sizeof a->step_text)
    return snprintf (msg, msg_size, "bad --param '%s' (NAME=A..B:STEP)", param), false;
  snprintf (a->name, sizeof a->name, "%.*s", (int) (eq - param), param);
  snprintf (lo_s, sizeof lo_s, "%.*s", (int) (dd - eq - 1), eq + 1);
  snprintf (hi_s, sizeof hi_s, "%.*s", (int) (co - dd - 2), dd + 2);
  snprintf (a->step_text, sizeof a->step_text, "%s", co + 1);
  a->by_ratio = !strcmp (a->name, "ratio");
  if (!a->by_ratio && strcmp (a->name, "size")) return snprintf (msg, msg_size, "--param NAME is ratio or size"), false;
  if (a->by_ratio && !suite_family_seeded (a->fam))
    return snprintf (msg, msg_size, "family %s has no ratio", a->family), false;
  if (a->by_ratio) {
    if (!suite_parse_ratio (lo_s, &a->lo) || !suite_parse_ratio (hi_s, &a->hi) ||
        !suite_parse_ratio (a->step_text, &a->step) || a->lo > a->hi)
      return snprintf (msg, msg_size, "bad --param '%s' (ratio=A..B:STEP, decimals)", param), false;
  } else {
    uint64_t x, y, z;
    if (!parse_count (lo_s, &x) || !parse_count (hi_s, &y) || !parse_count (a->step_text, &z) || !x || x > y ||
        y > 100000 || !z)
      return snprintf (msg, msg_size, "bad --param '%s' (size=A..B:STEP, integers)", param), false;
    a->lo = (unsigned) x, a->hi = (unsigned) y, a->step = (unsigned) z;
  }
  return true;
}

static size_t nvalues (const sweep_args *a) { return (a->hi - a->lo) / a->step + 1; }

static void value_text (char *buf, size_t size, const sweep_args *a, unsigned v) {
  if (a->by_ratio) suite_print_ratio (buf, size, v);
  else snprintf (buf, size, "%u", v);
}

int sweep_emit (const sweep_args *a, const char *emit, const char *csv, FILE *log, FILE *err) {
  char self[4096];
  ssize_t sl = readlink ("/proc/self/exe", self, sizeof self - 1);
  if (sl > 0) self[sl] = 0;
  else snprintf (self, sizeof self, "scnfg");
  FILE *jf = strcmp (emit, "-") ? fopen (emit, "w") : log;
  if (!jf) return fprintf (err, "%s: cannot write: %s\n", emit, strerror (errno)), 2;
  for (size_t k = 0; k < nvalues (a); k++) {
    char vs[32], rs[32];
    value_text (vs, sizeof vs, a, a->lo + (unsigned) k * a->step);
    suite_print_ratio (rs, sizeof rs, a->ratio);
    fprintf (jf, "%s sweep --family %s --param %s=%s..%s:%s --count %ld --seed %llu --size %ld --ratio %s "
                 "--sides %s --max-nodes %llu --qbf-max-nodes %llu --depqbf-timeout %g --quiet --csv %s.part-%04zu.csv\n",
             self, a->family, a->name, vs, vs, a->step_text, a->count, (unsigned long long) a->seed, a->size, rs,
             a->sides, (unsigned long long) a->o.game_max_nodes, (unsigned long long) a->o.qbf_max_nodes,
             a->o.depqbf_timeout, csv, k);
  }
  if (jf != log) fclose (jf);
  return 0;
}

/* The measurements of one value, per side q, g, d. */
typedef struct value_stats {
  double *t[3];
  unsigned unknown[3], yes, known;
  long peak[3];
  unsigned long vars, clauses;
} value_stats;

/* Decides formula i of value v by every side; false on a failure (reported). */
static bool measure (const sweep_args *a, unsigned v, unsigned n, unsigned r, long i, const char *path,
                     value_stats *vs, const progress *pr, FILE *err) {
  char comment[600];
  const char *why;
  qbf *f = suite_formula (a->fam, n, r, suite_seed (a->seed, a->fam, v, (unsigned) i), comment, sizeof comment, &why);
  if (!f) return fprintf (err, "%ssweep: %s size %u: %s\n", progress_break (pr), a->family, n, why), false;
  vs->vars = qbf_num_quantified (f), vs->clauses = f->nclauses;
  FILE *w = fopen (path, "w");
  bool ok = w && qdimacs_write (w, f);
  if (w) ok = fclose (w) == 0 && ok;
  int ans = 0;
  for (const char *s = a->sides; ok && *s; s++) {
    suite_measure mm;
    if (!suite_measure_side (*s, f, path, &a->o, &mm)) {
      if (!pool_interrupted ()) /* interrupted: the CLI exits 128 + the signal, no CSV */
        fprintf (err, "%ssweep: side %c failed on %s size %u seed index %ld\n", progress_break (pr), *s, a->family, n,
               i);
      ok = false;
      break;
    }
    if (!ans && mm.answer > 0) ans = mm.answer;
    int k = *s == 'q' ? 0 : *s == 'g' ? 1 : 2;
    vs->t[k][i] = mm.seconds, vs->unknown[k] += !mm.answer;
    if (mm.peak_kb > vs->peak[k]) vs->peak[k] = mm.peak_kb;
  }
  qbf_free (f);
  vs->known += ans != 0, vs->yes += ans == 10;
  return ok;
}

static void row (FILE *m, const sweep_args *a, unsigned v, unsigned n, value_stats *vs) {
  char vt[32], rs[32];
  value_text (vt, sizeof vt, a, v);
  snprintf (rs, sizeof rs, "%.3f", vs->vars ? (double) vs->clauses / (double) vs->vars : 0);
  fprintf (m, "%s,%s,%s,%u,%lu,%lu,%s,%ld,", a->family, a->name, vt, n, vs->vars, vs->clauses, rs, a->count);
  if (vs->known) fprintf (m, "%.3f", (double) vs->yes / vs->known);
  else fputs ("n/a", m);
  const char *sd = "qgd";
  for (int s = 0; s < 3; s++)
    if (strchr (a->sides, sd[s])) fprintf (m, ",%.6f", suite_median (vs->t[s], (size_t) a->count));
    else fputs (",n/a", m);
  for (int s = 0; s < 3; s++)
    if (strchr (a->sides, sd[s])) fprintf (m, ",%u", vs->unknown[s]);
    else fputs (",n/a", m);
  for (int s = 0; s < 3; s++)
    if (strchr (a->sides, sd[s])) fprintf (m, ",%ld", vs->peak[s]);
    else fputs (",n/a", m);
  fputc ('\n', m);
}

int sweep_run (const sweep_args *a, const char *csv, FILE *err) {
  const char *tmp = getenv ("TMPDIR");
  char path[4200];
  snprintf (path, sizeof path, "%s/scnfg-sweep-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  pool_guard guard; /* a signal between the measured runs stops the loop too (exit 130/143, no temp file) */
  pool_guard_begin (&guard);
  int fd = mkstemp (path);
  if (fd < 0) return pool_guard_end (&guard), fprintf (err, "sweep: cannot create a temporary file\n"), 2;
  close (fd);
  char *buf = NULL;
  size_t blen = 0;
  FILE *m = open_memstream (&buf, &blen);
  fprintf (m, "%s\n", header);
  progress pr;
  progress_init (&pr, err, a->progress, "sweep");
  size_t total = nvalues (a) * (size_t) a->count, done = 0;
  bool ok = true;
  double *t[3];
  for (int s = 0; s < 3; s++) t[s] = mem_calloc ((size_t) a->count, sizeof (double));
  for (size_t k = 0; k < nvalues (a) && ok; k++) {
    unsigned v = a->lo + (unsigned) k * a->step;
    unsigned n = a->by_ratio ? (unsigned) a->size : v, r = a->by_ratio ? v : a->ratio;
    value_stats vs = {.t = {t[0], t[1], t[2]}};
    for (long i = 0; i < a->count && ok; i++) {
      ok = !pool_interrupted () && measure (a, v, n, r, i, path, &vs, &pr, err) && !pool_interrupted ();
      if (ok) progress_bar (&pr, ++done, total);
    }
    if (ok) row (m, a, v, n, &vs);
  }
  progress_end (&pr);
  fclose (m);
  unlink (path);
  pool_guard_end (&guard);
  for (int s = 0; s < 3; s++) free (t[s]);
  int rc = ok ? 0 : 2;
  if (ok && !suite_write_text (csv, buf)) {
    fprintf (err, "%s: cannot write\n", csv);
    rc = 2;
  }
  free (buf);
  return rc;
}
