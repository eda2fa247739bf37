/* scnfg sweep: phase transition and scaling of both sides (issue 10). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/limits.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "orchestrate/suite.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_sweep_summary[] = "phase transition / scaling sweep of both sides (CSV for bench/plot.sh)";

static const char header[] =
    "family,param,value,size,vars,clauses,ratio,count,true_share,qbf_median_s,game_median_s,depqbf_median_s,"
    "qbf_unknown,game_unknown,depqbf_unknown,qbf_peak_kb,game_peak_kb,depqbf_peak_kb";

static void help (void) {
  printf ("usage: scnfg sweep --family F --param NAME=A..B:STEP --count K --seed S --csv OUT\n"
          "                   [--size N] [--ratio R] [--sides qgd] [--max-nodes N] [--qbf-max-nodes N]\n"
          "                   [--depqbf-timeout S] [--emit-jobs FILE] [--quiet]\n\n"
          "For each value of the swept parameter, K formulas of family F (seeded from S, the\n"
          "value and the index, so any split of the sweep gives the same formulas) are decided\n"
          "by each side in its own process: q the QBF side (CEGAR; SSAT solver), g the game\n"
          "side (SPE of the reduction), d depqbf. One CSV row per value: share true, median\n"
          "seconds and peak resident memory (KB, maximum over the K runs) of each side.\n\n"
          "  --param ratio=A..B:STEP  clauses per variable (decimals), at size --size\n"
          "  --param size=A..B:STEP   size n (see scnfg suite --help), at ratio --ratio\n"
          "  --size N                 fixed size of a ratio sweep (default 20)\n"
          "  --ratio R                fixed ratio of a size sweep (default: the family's)\n"
          "  --sides qgd              sides to run (default qgd; ssat: qg)\n"
          "  --max-nodes N            game side node limit (default 2000000)\n"
          "  --qbf-max-nodes N        QBF side SAT-call limit (default 100000)\n"
          "  --depqbf-timeout S       seconds (default 300)\n"
          "  --emit-jobs FILE         one 'scnfg sweep' per value into FILE (GNU parallel), then\n"
          "                           scnfg merge --csv OUT OUT.part-*.csv\n"
          "  --quiet                  no progress bar on stderr\n\n"
          "Timed-out or limited runs count as unknown (their time is included in the median).\n"
          "SSAT: 'true' means value >= 1/2. exit: 0 written, 2 bad usage or I/O.\n");
}

static void bar (size_t done, size_t total, double t0) {
  double el = limits_now () - t0, eta = done ? el / (double) done * (double) (total - done) : 0;
  int w = 30, k = total ? (int) (w * done / total) : w;
  fprintf (stderr, "\rsweep [");
  for (int i = 0; i < w; i++) fputc (i < k ? '#' : '.', stderr);
  fprintf (stderr, "] %zu/%zu  elapsed %d:%02d  ETA %d:%02d ", done, total, (int) el / 60, (int) el % 60,
           (int) eta / 60, (int) eta % 60);
}

int cmd_sweep (int argc, char **argv) {
  const char *family = NULL, *param = NULL, *csv = NULL, *sides = NULL, *emit = NULL;
  uint64_t seed = 0, u;
  bool have_seed = false, quiet = false;
  long count = 0, size = 20;
  unsigned ratio = 0;
  suite_opts o;
  suite_opts_init (&o);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) return help (), CLI_EXIT_OK;
    if (!strcmp (a, "--quiet")) {
      quiet = true;
      continue;
    }
    if (a[0] != '-') return cli_usage_error ("sweep", "unexpected argument '%s' (see --help)", a);
    if (i + 1 >= argc) return cli_usage_error ("sweep", "%s needs a value", a);
    const char *v = argv[++i];
    if (!strcmp (a, "--family")) family = v;
    else if (!strcmp (a, "--param")) param = v;
    else if (!strcmp (a, "--csv")) csv = v;
    else if (!strcmp (a, "--sides")) sides = v;
    else if (!strcmp (a, "--emit-jobs")) emit = v;
    else if (!strcmp (a, "--seed")) {
      if (!cli_parse_u64 (v, &seed)) return cli_usage_error ("sweep", "bad --seed '%s'", v);
      have_seed = true;
    } else if (!strcmp (a, "--count") || !strcmp (a, "--size")) {
      long x;
      if (!cli_parse_long (v, &x) || x < 1 || x > 100000) return cli_usage_error ("sweep", "bad %s '%s'", a, v);
      *(a[2] == 'c' ? &count : &size) = x;
    } else if (!strcmp (a, "--ratio")) {
      if (!suite_parse_ratio (v, &ratio)) return cli_usage_error ("sweep", "bad --ratio '%s'", v);
    } else if (!strcmp (a, "--depqbf-timeout")) {
      if (!cli_parse_seconds (v, &o.depqbf_timeout) || o.depqbf_timeout <= 0)
        return cli_usage_error ("sweep", "bad %s '%s'", a, v);
    } else if (!strcmp (a, "--max-nodes") || !strcmp (a, "--qbf-max-nodes")) {
      if (!cli_parse_u64 (v, &u)) return cli_usage_error ("sweep", "bad %s '%s'", a, v);
      *(a[2] == 'q' ? &o.qbf_max_nodes : &o.game_max_nodes) = u;
    } else
      return cli_usage_error ("sweep", "unknown option '%s' (see --help)", a);
  }
  if (!family || !param || !count || !have_seed || !csv)
    return cli_usage_error ("sweep", "--family, --param, --count, --seed and --csv are needed (see --help)");
  int fam = suite_family_lookup (family);
  if (fam < 0) return cli_usage_error ("sweep", "unknown family '%s'", family);
  if (!ratio) ratio = suite_default_ratio (fam);
  if (!sides) sides = fam == SUITE_SSAT ? "qg" : "qgd";
  if (strspn (sides, "qgd") != strlen (sides) || !*sides) return cli_usage_error ("sweep", "bad --sides '%s'", sides);
  if (fam == SUITE_SSAT && strchr (sides, 'd')) return cli_usage_error ("sweep", "depqbf cannot decide SSAT");

  /* NAME=A..B:STEP */
  char name[16], lo_s[32], hi_s[32], st_s[32];
  const char *eq = strchr (param, '='), *dd = eq ? strstr (eq, "..") : NULL, *co = dd ? strchr (dd, ':') : NULL;
  if (!eq || !dd || !co || (size_t) (eq - param) >= sizeof name || (size_t) (dd - eq - 1) >= sizeof lo_s ||
      (size_t) (co - dd - 2) >= sizeof hi_s || strlen (co + 1) >= sizeof st_s)
    return cli_usage_error ("sweep", "bad --param '%s' (NAME=A..B:STEP)", param);
  snprintf (name, sizeof name, "%.*s", (int) (eq - param), param);
  snprintf (lo_s, sizeof lo_s, "%.*s", (int) (dd - eq - 1), eq + 1);
  snprintf (hi_s, sizeof hi_s, "%.*s", (int) (co - dd - 2), dd + 2);
  snprintf (st_s, sizeof st_s, "%s", co + 1);
  bool by_ratio = !strcmp (name, "ratio");
  if (!by_ratio && strcmp (name, "size")) return cli_usage_error ("sweep", "--param NAME is ratio or size");
  if (by_ratio && !suite_family_seeded (fam)) return cli_usage_error ("sweep", "family %s has no ratio", family);
  unsigned lo, hi, step;
  if (by_ratio) {
    if (!suite_parse_ratio (lo_s, &lo) || !suite_parse_ratio (hi_s, &hi) || !suite_parse_ratio (st_s, &step) || lo > hi)
      return cli_usage_error ("sweep", "bad --param '%s' (ratio=A..B:STEP, decimals)", param);
  } else {
    uint64_t x, y, z;
    if (!cli_parse_u64 (lo_s, &x) || !cli_parse_u64 (hi_s, &y) || !cli_parse_u64 (st_s, &z) || !x || x > y ||
        y > 100000 || !z)
      return cli_usage_error ("sweep", "bad --param '%s' (size=A..B:STEP, integers)", param);
    lo = (unsigned) x, hi = (unsigned) y, step = (unsigned) z;
  }
  if (!suite_family_seeded (fam)) count = 1; /* crafted: one formula per size */
  size_t nvals = (hi - lo) / step + 1;

  if (emit) {
    char self[4096];
    ssize_t sl = readlink ("/proc/self/exe", self, sizeof self - 1);
    if (sl > 0) self[sl] = 0;
    else snprintf (self, sizeof self, "scnfg");
    FILE *jf = strcmp (emit, "-") ? fopen (emit, "w") : stdout;
    if (!jf) return fprintf (stderr, "%s: cannot write: %s\n", emit, strerror (errno)), CLI_EXIT_USAGE;
    for (size_t k = 0; k < nvals; k++) {
      unsigned v = lo + (unsigned) k * step;
      char vs[32];
      if (by_ratio) suite_print_ratio (vs, sizeof vs, v);
      else snprintf (vs, sizeof vs, "%u", v);
      char rs[32];
      suite_print_ratio (rs, sizeof rs, ratio);
      fprintf (jf, "%s sweep --family %s --param %s=%s..%s:%s --count %ld --seed %llu --size %ld --ratio %s "
                   "--sides %s --max-nodes %llu --qbf-max-nodes %llu --depqbf-timeout %g --quiet --csv %s.part-%04zu.csv\n",
               self, family, name, vs, vs, st_s, count, (unsigned long long) seed, size, rs, sides,
               (unsigned long long) o.game_max_nodes, (unsigned long long) o.qbf_max_nodes, o.depqbf_timeout, csv, k);
    }
    if (jf != stdout) fclose (jf);
    return CLI_EXIT_OK;
  }

  char path[] = "/tmp/scnfg-sweep-XXXXXX";
  int fd = mkstemp (path);
  if (fd < 0) return fprintf (stderr, "sweep: cannot create a temporary file\n"), CLI_EXIT_USAGE;
  close (fd);
  char *buf = NULL;
  size_t blen = 0;
  FILE *m = open_memstream (&buf, &blen);
  fprintf (m, "%s\n", header);
  double t0 = limits_now ();
  size_t total = nvals * (size_t) count, done = 0;
  bool show = !quiet;
  int rc = CLI_EXIT_OK;
  double *tq = mem_calloc ((size_t) count, sizeof (double)), *tg = mem_calloc ((size_t) count, sizeof (double)),
         *td = mem_calloc ((size_t) count, sizeof (double));
  for (size_t k = 0; k < nvals && rc == CLI_EXIT_OK; k++) {
    unsigned v = lo + (unsigned) k * step;
    unsigned n = by_ratio ? (unsigned) size : v, r = by_ratio ? v : ratio;
    unsigned yes = 0, known = 0, uq = 0, ug = 0, ud = 0;
    long pq = 0, pg = 0, pd = 0;
    unsigned long vars = 0, clauses = 0;
    for (long i = 0; i < count; i++) {
      char comment[600];
      const char *why;
      qbf *f = suite_formula (fam, n, r, suite_seed (seed, fam, v, (unsigned) i), comment, sizeof comment, &why);
      if (!f) {
        fprintf (stderr, "%ssweep: %s size %u: %s\n", show ? "\n" : "", family, n, why);
        rc = CLI_EXIT_USAGE;
        break;
      }
      vars = qbf_num_quantified (f), clauses = f->nclauses;
      FILE *w = fopen (path, "w");
      bool ok = w && qdimacs_write (w, f);
      if (w) ok = fclose (w) == 0 && ok;
      int ans = 0;
      suite_measure mm;
      for (const char *s = sides; ok && *s; s++) {
        if (!suite_measure_side (*s, f, path, &o, &mm)) {
          fprintf (stderr, "%ssweep: side %c failed on %s size %u seed index %ld\n", show ? "\n" : "", *s, family,
                   n, i);
          rc = CLI_EXIT_USAGE;
          ok = false;
          break;
        }
        if (!ans && mm.answer > 0) ans = mm.answer;
        if (*s == 'q') tq[i] = mm.seconds, uq += !mm.answer, pq = mm.peak_kb > pq ? mm.peak_kb : pq;
        if (*s == 'g') tg[i] = mm.seconds, ug += !mm.answer, pg = mm.peak_kb > pg ? mm.peak_kb : pg;
        if (*s == 'd') td[i] = mm.seconds, ud += !mm.answer, pd = mm.peak_kb > pd ? mm.peak_kb : pd;
      }
      qbf_free (f);
      if (!ok) break;
      known += ans != 0, yes += ans == 10;
      done++;
      if (show) bar (done, total, t0);
    }
    if (rc != CLI_EXIT_OK) break;
    char vs[32], rs[32];
    if (by_ratio) suite_print_ratio (vs, sizeof vs, v);
    else snprintf (vs, sizeof vs, "%u", v);
    snprintf (rs, sizeof rs, "%.3f", vars ? (double) clauses / (double) vars : 0);
    fprintf (m, "%s,%s,%s,%u,%lu,%lu,%s,%ld,", family, name, vs, n, vars, clauses, rs, count);
    if (known) fprintf (m, "%.3f", (double) yes / known);
    else fputs ("n/a", m);
    const char *sd = "qgd";
    double *ts[3] = {tq, tg, td};
    for (int s = 0; s < 3; s++)
      if (strchr (sides, sd[s])) fprintf (m, ",%.6f", suite_median (ts[s], (size_t) count));
      else fputs (",n/a", m);
    unsigned us[3] = {uq, ug, ud};
    long ps[3] = {pq, pg, pd};
    for (int s = 0; s < 3; s++)
      if (strchr (sides, sd[s])) fprintf (m, ",%u", us[s]);
      else fputs (",n/a", m);
    for (int s = 0; s < 3; s++)
      if (strchr (sides, sd[s])) fprintf (m, ",%ld", ps[s]);
      else fputs (",n/a", m);
    fputc ('\n', m);
  }
  if (show) fputc ('\n', stderr);
  fclose (m);
  unlink (path);
  free (tq), free (tg), free (td);
  if (rc == CLI_EXIT_OK && !suite_write_text (csv, buf)) {
    fprintf (stderr, "%s: cannot write\n", csv);
    rc = CLI_EXIT_USAGE;
  }
  free (buf);
  return rc;
}
