/* scnfg suite: certified benchmark suites (issue 10; the work per instance is
 * orchestrate/suite.c, this file parses, calibrates, schedules and assembles). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/limits.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "orchestrate/suite.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_suite_summary[] = "generate a certified benchmark suite (instances, games, certificates, index)";

static void help (void) {
  printf (
      "usage: scnfg suite --family F[,F...] --sizes A..B --per-size K --seed S --out DIR\n"
      "                   [--target-seconds T] [--params FILE] [-j N] [limits] [--emit-jobs FILE]\n\n"
      "Generates instances of each family (those of 'scnfg gen': random, ssat, chen-interian,\n"
      "kbkf, qparity, cr, equality) and, through the reduction, their games, and keeps only\n"
      "certified instances: scnfg's QBF side and a second independent decider agree (the game\n"
      "side, SPE of the reduction; depqbf where the game side hits its node limit; SSAT needs\n"
      "the game side), and the strategy certificate from the game's policy checks wherever one\n"
      "is produced. Keep/drop decisions use deterministic limits only.\n\n"
      "Sizes: random/ssat/chen-interian: n = variables, clauses = round(ratio*n); the crafted\n"
      "families: their n, one instance per size.\n\n"
      "  --family F[,F...]    families (comma-separated)\n"
      "  --sizes A..B         sizes (overridden per family by --params)\n"
      "  --ratio R            clauses per variable of the seeded families (default: random,\n"
      "                       ssat 9, chen-interian 5.8; overridden by --params)\n"
      "  --per-size K         certified instances per size (seeded families; default 10)\n"
      "  --seed S             seed of the run\n"
      "  --out DIR            output directory (created; an interrupted run resumes)\n"
      "  --target-seconds T   calibrate: ratio near 50%% true, sizes where depqbf needs ~T s\n"
      "                       (SSAT: scnfg's SSAT solver); records DIR/params\n"
      "  --params FILE        reuse recorded parameters (no measuring)\n"
      "  -j N                 candidates in parallel (processes)\n"
      "  --max-nodes N        game side (SPE) node limit (default 2000000)\n"
      "  --qbf-max-nodes N    QBF side SAT-call/node limit (default 100000)\n"
      "  --max-profile N      SPE profile entries kept for the certificate (default 2^20)\n"
      "  --efg-max-nodes N    .efg export limit in tree nodes (default 20000)\n"
      "  --depqbf-timeout S   depqbf wall clock (default 300; a timeout is an error)\n"
      "  --max-attempts N     candidates tried per size (default 3K+10)\n"
      "  --emit-jobs FILE     write DIR/params and one 'scnfg suite' command per (family,\n"
      "                       size), writing DIR.parts/FAMILY-nSIZE, to FILE; run them with\n"
      "                       GNU parallel, then: scnfg merge --out DIR DIR.parts/*\n"
      "  --only F:N           this (family, size) only (what the emitted jobs run)\n"
      "  --quiet              no progress line\n\n"
      "Writes DIR/instances/*.qdimacs, DIR/games/*.xml, *.efg, DIR/certificates/*.xml,\n"
      "DIR/index.csv, DIR/timing.csv, DIR/params (see docs/suites.md).\n"
      "exit: 0 done, 1 a disagreement or failed certificate (reported), 2 bad usage or I/O,\n"
      "3 depqbf timed out (rerun with a larger --depqbf-timeout: the run resumes).\n");
}

typedef struct famspec {
  int fam;
  suite_params p;
  bool sizes_set;
} famspec;

typedef struct stream {
  int fam;
  unsigned n, ratio, need, max_attempts;
  int *state; /* per attempt: 0 unknown, -1 running, SUITE_* */
  bool error;
} stream;

static bool parse_range (const char *s, unsigned *lo, unsigned *hi) {
  const char *d = strstr (s, "..");
  if (!d) return false;
  char a[32], b[32];
  size_t k = (size_t) (d - s);
  if (k == 0 || k >= sizeof a || strlen (d + 2) >= sizeof b) return false;
  memcpy (a, s, k), a[k] = 0;
  snprintf (b, sizeof b, "%s", d + 2);
  uint64_t x, y;
  if (!cli_parse_u64 (a, &x) || !cli_parse_u64 (b, &y) || x < 1 || x > y || y > 100000) return false;
  *lo = (unsigned) x, *hi = (unsigned) y;
  return true;
}

/* The params file: "FAMILY.sizes=A..B", "FAMILY.ratio=R", '#' comments. */
static bool read_params (const char *path, famspec *fs, unsigned nf) {
  FILE *f = fopen (path, "r");
  if (!f) return fprintf (stderr, "%s: cannot open: %s\n", path, strerror (errno)), false;
  char line[512];
  unsigned ln = 0;
  bool ok = true;
  while (ok && fgets (line, sizeof line, f)) {
    ln++;
    line[strcspn (line, "\r\n")] = 0;
    if (!line[0] || line[0] == '#') continue;
    char *eq = strchr (line, '='), *dot = strchr (line, '.');
    if (!eq || !dot || dot > eq) {
      fprintf (stderr, "%s:%u: expected FAMILY.KEY=VALUE\n", path, ln);
      ok = false;
      break;
    }
    *dot = *eq = 0;
    int fam = suite_family_lookup (line);
    if (fam < 0) {
      fprintf (stderr, "%s:%u: unknown family '%s'\n", path, ln, line);
      ok = false;
      break;
    }
    famspec *s = NULL;
    for (unsigned i = 0; i < nf; i++)
      if (fs[i].fam == fam) s = &fs[i];
    if (!s) continue; /* a family this run does not make */
    if (!strcmp (dot + 1, "sizes")) {
      if (!parse_range (eq + 1, &s->p.lo, &s->p.hi))
        fprintf (stderr, "%s:%u: bad sizes '%s' (A..B)\n", path, ln, eq + 1), ok = false;
      s->sizes_set = true;
    } else if (!strcmp (dot + 1, "ratio")) {
      if (!suite_parse_ratio (eq + 1, &s->p.ratio_milli))
        fprintf (stderr, "%s:%u: bad ratio '%s'\n", path, ln, eq + 1), ok = false;
    } else
      fprintf (stderr, "%s:%u: unknown key '%s'\n", path, ln, dot + 1), ok = false;
  }
  fclose (f);
  return ok;
}

static char *params_text (const famspec *fs, unsigned nf) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  fprintf (m, "# scnfg suite parameters (reuse with --params FILE)\n");
  for (unsigned i = 0; i < nf; i++) {
    const char *name = suite_family_name (fs[i].fam);
    fprintf (m, "%s.sizes=%u..%u\n", name, fs[i].p.lo, fs[i].p.hi);
    if (suite_family_seeded (fs[i].fam)) {
      char r[32];
      suite_print_ratio (r, sizeof r, fs[i].p.ratio_milli);
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

/* Two rounds: the ratio (random, chen-interian) by bisection for share true
 * ~ 1/2 at a size (the smallest, then the middle of the band found: the 50%
 * point moves with n), then the band of sizes whose median is within a factor 3 of the
 * target (the size closest to it if none is). */
static void calibrate (famspec *s, uint64_t seed, double target, const suite_opts *o) {
  int fam = s->fam;
  double share;
  unsigned lo0 = s->p.lo, hi0 = s->p.hi, at = lo0, blo = 0, bhi = 0;
  bool ratio = fam == SUITE_RANDOM || fam == SUITE_CI;
  for (int round = 0; round < (ratio ? 2 : 1); round++) {
    if (ratio) {
      unsigned lo = round ? s->p.ratio_milli * 3 / 4 : s->p.ratio_milli / 2;
      unsigned hi = round ? s->p.ratio_milli * 4 / 3 : s->p.ratio_milli * 2;
      for (int it = 0; it < (round ? 5 : 7); it++) {
        unsigned mid = (lo + hi) / 2;
        probe (fam, at, mid, seed, target, o, &share);
        printf ("calibrate %s: n %u ratio %u.%03u: %.0f%% true\n", suite_family_name (fam), at, mid / 1000,
                mid % 1000, 100 * share);
        if (share > 0.5) lo = mid;
        else hi = mid;
      }
      s->p.ratio_milli = (lo + hi) / 2 / 10 * 10; /* two decimals */
    }
    unsigned best = lo0;
    double bestd = 1e300;
    blo = bhi = 0;
    for (unsigned n = lo0; n <= hi0; n++) {
      double med = probe (fam, n, s->p.ratio_milli, seed, target, o, &share);
      if (med < 0) break;
      printf ("calibrate %s: n %u: median %.3f s (%.0f%% true)\n", suite_family_name (fam), n, med, 100 * share);
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
  printf ("calibrate %s: sizes %u..%u%s%s\n", suite_family_name (fam), blo, bhi, ratio ? ", ratio " : "",
          ratio ? r : "");
}

/* ---- scheduling ------------------------------------------------------------ */

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

static void progress (bool on, size_t done, size_t kept, size_t goal, double t0) {
  if (!on) return;
  double el = limits_now () - t0;
  fprintf (stderr, "\rsuite: %zu evaluated, %zu/%zu kept, %.0f s", done, kept, goal, el);
}

int cmd_suite (int argc, char **argv) {
  const char *families = NULL, *sizes = NULL, *out = NULL, *params = NULL, *emit = NULL, *only = NULL;
  uint64_t seed = 0, u;
  bool have_seed = false, quiet = false;
  long per_size = 10, jobs = 1, max_attempts = 0;
  double target = 0;
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
    if (a[0] != '-') return cli_usage_error ("suite", "unexpected argument '%s' (see --help)", a);
    const char *v;
    if (!strncmp (a, "-j", 2) && a[2]) v = a + 2, a = "-j"; /* -jN */
    else if (i + 1 >= argc) return cli_usage_error ("suite", "%s needs a value", a);
    else v = argv[++i];
    if (!strcmp (a, "--family")) families = v;
    else if (!strcmp (a, "--sizes")) sizes = v;
    else if (!strcmp (a, "--out")) out = v;
    else if (!strcmp (a, "--params")) params = v;
    else if (!strcmp (a, "--emit-jobs")) emit = v;
    else if (!strcmp (a, "--only")) only = v;
    else if (!strcmp (a, "--ratio")) {
      if (!suite_parse_ratio (v, &ratio)) return cli_usage_error ("suite", "bad --ratio '%s'", v);
    }
    else if (!strcmp (a, "--seed")) {
      if (!cli_parse_u64 (v, &seed)) return cli_usage_error ("suite", "bad --seed '%s'", v);
      have_seed = true;
    } else if (!strcmp (a, "--per-size") || !strcmp (a, "-j") || !strcmp (a, "--max-attempts")) {
      long x;
      if (!cli_parse_long (v, &x) || x < 1 || x > 100000) return cli_usage_error ("suite", "bad %s '%s'", a, v);
      if (!strcmp (a, "-j") && x > 256) return cli_usage_error ("suite", "bad -j '%s' (1..256)", v);
      *(a[1] == 'j' ? &jobs : a[2] == 'p' ? &per_size : &max_attempts) = x;
    } else if (!strcmp (a, "--target-seconds") || !strcmp (a, "--depqbf-timeout")) {
      double x;
      if (!cli_parse_seconds (v, &x) || x <= 0) return cli_usage_error ("suite", "bad %s '%s'", a, v);
      *(a[2] == 't' ? &target : &o.depqbf_timeout) = x;
    } else if (!strcmp (a, "--max-nodes") || !strcmp (a, "--qbf-max-nodes") || !strcmp (a, "--max-profile") ||
               !strcmp (a, "--efg-max-nodes")) {
      if (!cli_parse_u64 (v, &u)) return cli_usage_error ("suite", "bad %s '%s'", a, v);
      if (a[2] == 'q') o.qbf_max_nodes = u;
      else if (a[2] == 'e') o.efg_max_nodes = (size_t) u;
      else if (!strcmp (a, "--max-nodes")) o.game_max_nodes = u;
      else o.max_profile = (size_t) u;
    } else
      return cli_usage_error ("suite", "unknown option '%s' (see --help)", a);
  }
  if (!families) return cli_usage_error ("suite", "--family F needed (see --help)");
  if (!out) return cli_usage_error ("suite", "--out DIR needed");
  if (!have_seed) return cli_usage_error ("suite", "--seed S needed");
  if (target > 0 && params) return cli_usage_error ("suite", "--target-seconds and --params exclude each other");

  /* families and their parameters */
  famspec fs[SUITE_NFAMILIES];
  unsigned nf = 0;
  char list[256];
  if (strlen (families) >= sizeof list) return cli_usage_error ("suite", "--family list too long");
  snprintf (list, sizeof list, "%s", families);
  for (char *t = strtok (list, ","); t; t = strtok (NULL, ",")) {
    int fam = suite_family_lookup (t);
    if (fam < 0) return cli_usage_error ("suite", "unknown family '%s' (see --help)", t);
    for (unsigned i = 0; i < nf; i++)
      if (fs[i].fam == fam) return cli_usage_error ("suite", "family '%s' given twice", t);
    memset (&fs[nf], 0, sizeof fs[nf]);
    fs[nf].fam = fam;
    fs[nf].p.ratio_milli = ratio ? ratio : suite_default_ratio (fam);
    nf++;
  }
  if (!nf) return cli_usage_error ("suite", "--family lists no family");
  if (sizes) {
    unsigned lo, hi;
    if (!parse_range (sizes, &lo, &hi)) return cli_usage_error ("suite", "bad --sizes '%s' (A..B, 1 <= A <= B)", sizes);
    for (unsigned i = 0; i < nf; i++) fs[i].p.lo = lo, fs[i].p.hi = hi, fs[i].sizes_set = true;
  }
  if (params && !read_params (params, fs, nf)) return CLI_EXIT_USAGE;
  for (unsigned i = 0; i < nf; i++)
    if (!fs[i].sizes_set)
      return cli_usage_error ("suite", "no sizes for family %s (--sizes or --params)", suite_family_name (fs[i].fam));

  int only_fam = -1;
  unsigned only_n = 0;
  if (only) {
    char tmp[64];
    snprintf (tmp, sizeof tmp, "%s", only);
    char *c = strchr (tmp, ':');
    uint64_t x;
    if (c) *c = 0;
    if (!c || (only_fam = suite_family_lookup (tmp)) < 0 || !cli_parse_u64 (c + 1, &x) || x > 100000)
      return cli_usage_error ("suite", "bad --only '%s' (FAMILY:SIZE)", only);
    only_n = (unsigned) x;
  }

  char note[1024];
  if (!suite_prepare_dir (out, note, sizeof note)) return fprintf (stderr, "%s\n", note), CLI_EXIT_USAGE;

  /* calibration */
  if (target > 0) {
    printf ("calibrating for a target of %g s (this measures wall clock; the result is DIR/params)\n", target);
    for (unsigned i = 0; i < nf; i++) calibrate (&fs[i], seed, target, &o);
    fflush (stdout);
  }
  char *ptext = params_text (fs, nf);
  size_t plen = strlen (out) + 16;
  char *ppath = mem_alloc (plen);
  snprintf (ppath, plen, "%s/params", out);
  if (!suite_write_text (ppath, ptext)) {
    fprintf (stderr, "%s: cannot write\n", ppath);
    return free (ptext), free (ppath), CLI_EXIT_USAGE;
  }

  /* the fingerprint of every argument that decides the content */
  char *fp = NULL;
  size_t fplen = 0;
  FILE *m = open_memstream (&fp, &fplen);
  fprintf (m, "seed=%llu per-size=%ld max-attempts=%ld max-nodes=%llu qbf-max-nodes=%llu max-profile=%zu "
              "efg-max-nodes=%zu\n%s", (unsigned long long) seed, per_size, max_attempts,
           (unsigned long long) o.game_max_nodes, (unsigned long long) o.qbf_max_nodes, o.max_profile,
           o.efg_max_nodes, ptext);
  fclose (m);

  if (emit) {
    char self[4096];
    ssize_t sl = readlink ("/proc/self/exe", self, sizeof self - 1);
    if (sl > 0) self[sl] = 0;
    else snprintf (self, sizeof self, "scnfg");
    FILE *jf = strcmp (emit, "-") ? fopen (emit, "w") : stdout;
    if (!jf) return fprintf (stderr, "%s: cannot write: %s\n", emit, strerror (errno)), CLI_EXIT_USAGE;
    size_t pdl = strlen (out) + 8;
    char *pdir = mem_alloc (pdl);
    snprintf (pdir, pdl, "%s.parts", out);
    if (mkdir (pdir, 0777) != 0 && errno != EEXIST)
      return fprintf (stderr, "%s: cannot create: %s\n", pdir, strerror (errno)), CLI_EXIT_USAGE;
    free (pdir);
    for (unsigned i = 0; i < nf; i++)
      for (unsigned n = fs[i].p.lo; n <= fs[i].p.hi; n++) {
        const char *name = suite_family_name (fs[i].fam);
        fprintf (jf, "%s suite --family %s --params %s/params --per-size %ld --seed %llu --max-nodes %llu "
                     "--qbf-max-nodes %llu --max-profile %zu --efg-max-nodes %zu --depqbf-timeout %g",
                 self, families, out, per_size, (unsigned long long) seed,
                 (unsigned long long) o.game_max_nodes, (unsigned long long) o.qbf_max_nodes, o.max_profile,
                 o.efg_max_nodes, o.depqbf_timeout);
        if (max_attempts) fprintf (jf, " --max-attempts %ld", max_attempts);
        fprintf (jf, " --only %s:%u --quiet --out %s.parts/%s-n%03u\n", name, n, out, name, n);
      }
    if (jf != stdout) fclose (jf);
    printf ("jobs written to %s; run: parallel -j2 < %s && %s merge --out %s %s.parts/*\n", emit, emit,
            self, out, out);
    free (fp), free (ptext), free (ppath);
    return CLI_EXIT_OK;
  }

  /* resume: same arguments only */
  size_t jl = strlen (out) + 32;
  char *jpath = mem_alloc (jl);
  snprintf (jpath, jl, "%s/.journal/args", out);
  FILE *jf = fopen (jpath, "r");
  if (jf) {
    char *old = mem_alloc (fplen + 2);
    size_t k = fread (old, 1, fplen + 1, jf);
    fclose (jf);
    bool same = k == fplen && !memcmp (old, fp, fplen);
    free (old);
    if (!same) {
      fprintf (stderr, "%s: holds a suite made with other arguments or parameters; use a fresh directory\n", out);
      free (jpath), free (fp), free (ptext), free (ppath);
      return CLI_EXIT_USAGE;
    }
  } else if (!suite_write_text (jpath, fp)) {
    fprintf (stderr, "%s: cannot write\n", jpath);
    return CLI_EXIT_USAGE;
  }
  free (jpath);

  /* the streams */
  size_t ns = 0, goal = 0;
  stream *st = NULL;
  for (unsigned i = 0; i < nf; i++)
    for (unsigned n = fs[i].p.lo; n <= fs[i].p.hi; n++) {
      if (only && (fs[i].fam != only_fam || n != only_n)) continue;
      st = mem_realloc (st, (ns + 1) * sizeof *st);
      stream *s = &st[ns++];
      memset (s, 0, sizeof *s);
      s->fam = fs[i].fam, s->n = n, s->ratio = fs[i].p.ratio_milli;
      bool seeded = suite_family_seeded (s->fam);
      s->need = seeded ? (unsigned) per_size : 1;
      s->max_attempts = seeded ? (unsigned) (max_attempts ? max_attempts : 3 * per_size + 10) : 1;
      s->state = mem_calloc (s->max_attempts, sizeof *s->state);
      for (unsigned a = 0; a < s->max_attempts; a++) {
        char name[96];
        suite_name (name, sizeof name, s->fam, n, a);
        s->state[a] = suite_journal_read (out, name, NULL, 0, NULL, 0);
      }
      goal += s->need;
    }
  if (only && !ns) return cli_usage_error ("suite", "--only %s is not one of this run's (family, size)", only);

  /* evaluate until every stream is settled */
  struct { pid_t pid; size_t s; unsigned a; } *w = mem_calloc ((size_t) jobs, sizeof *w);
  int running = 0, rc = CLI_EXIT_OK;
  size_t done = 0, kept = 0;
  bool show = !quiet && isatty (2);
  double t0 = limits_now ();
  for (;;) {
    /* a selected surplus (its files were removed) must be evaluated again */
    for (size_t i = 0; i < ns; i++) {
      unsigned cert = 0;
      for (unsigned a = 0; a < st[i].max_attempts && cert < st[i].need && st[i].state[a] > 0; a++)
        if (st[i].state[a] == SUITE_KEPT) cert++;
        else if (st[i].state[a] == SUITE_SURPLUS) st[i].state[a] = 0;
    }
    bool launched = false;
    for (size_t i = 0; i < ns && running < jobs; i++) {
      int a;
      while (running < jobs && (a = next_attempt (&st[i])) >= 0) {
        fflush (NULL);
        pid_t pid = fork ();
        if (pid < 0) {
          fprintf (stderr, "suite: fork failed: %s\n", strerror (errno));
          a = -1;
          break;
        }
        if (pid == 0) {
          char nt[1024];
          int r = suite_evaluate (out, st[i].fam, st[i].n, st[i].ratio, (unsigned) a, seed, &o, nt, sizeof nt);
          if (r != SUITE_KEPT && r != SUITE_DROPPED) fprintf (stderr, "%s%s\n", show ? "\n" : "", nt);
          _exit (r);
        }
        st[i].state[a] = -1;
        for (int k = 0; k < jobs; k++)
          if (!w[k].pid) {
            w[k].pid = pid, w[k].s = i, w[k].a = (unsigned) a;
            break;
          }
        running++, launched = true;
      }
    }
    if (!running) break;
    (void) launched;
    int status;
    pid_t pid = wait (&status);
    if (pid < 0) continue;
    for (int k = 0; k < jobs; k++)
      if (w[k].pid == pid) {
        stream *s = &st[w[k].s];
        int r = WIFEXITED (status) ? WEXITSTATUS (status) : SUITE_ERR_IO;
        if (r == SUITE_KEPT || r == SUITE_DROPPED) s->state[w[k].a] = r;
        else {
          s->state[w[k].a] = 0;
          s->error = true;
          int e = r == SUITE_ERR_FAIL ? CLI_EXIT_FAIL : r == SUITE_ERR_TIMEOUT ? CLI_EXIT_LIMIT : CLI_EXIT_USAGE;
          if (e == CLI_EXIT_FAIL || rc == CLI_EXIT_OK) rc = e;
          if (!WIFEXITED (status))
            fprintf (stderr, "suite: %s n=%u attempt %u: the process died\n", suite_family_name (s->fam), s->n,
                     w[k].a);
        }
        kept += r == SUITE_KEPT;
        done++;
        w[k].pid = 0;
        running--;
        progress (show, done, kept, goal, t0);
      }
  }
  if (show) fputc ('\n', stderr);
  free (w);

  /* assemble the index and timing files from the journal */
  size_t nrows = 0, cap = 0, ntrue = 0, nfalse = 0, nssat = 0, ndropped = 0, nsurplus = 0;
  char **irows = NULL, **trows = NULL;
  size_t tpl = strlen (out) + 16;
  char *tpath = mem_alloc (tpl);
  snprintf (tpath, tpl, "%s/timing.csv", out);
  char *old_timing = NULL; /* times moved there by an earlier run */
  FILE *otf = fopen (tpath, "r");
  if (otf) {
    size_t ol = 0;
    FILE *om = open_memstream (&old_timing, &ol);
    int c;
    fputc ('\n', om);
    while ((c = fgetc (otf)) != EOF) fputc (c, om);
    fclose (otf), fclose (om);
  }
  for (size_t i = 0; i < ns; i++) {
    stream *s = &st[i];
    unsigned cert = 0;
    for (unsigned a = 0; a < s->max_attempts; a++) {
      char name[96], ir[2048], tr[512];
      suite_name (name, sizeof name, s->fam, s->n, a);
      int r = s->state[a];
      if (r == SUITE_DROPPED) ndropped++;
      if (r != SUITE_KEPT) continue;
      if (cert == s->need) {
        suite_discard (out, name);
        nsurplus++;
        continue;
      }
      if (suite_journal_read (out, name, ir, sizeof ir, tr, sizeof tr) != SUITE_KEPT) {
        fprintf (stderr, "suite: %s: journal record lost\n", name);
        rc = rc ? rc : CLI_EXIT_USAGE;
        continue;
      }
      cert++;
      if (!tr[0]) { /* the times are in the old timing.csv */
        char key[160];
        snprintf (key, sizeof key, "\ninstances/%s.qdimacs,", name);
        const char *hit = old_timing ? strstr (old_timing, key) : NULL;
        if (hit) snprintf (tr, sizeof tr, "%.*s", (int) strcspn (hit + 1, "\n"), hit + 1);
        else snprintf (tr, sizeof tr, "instances/%s.qdimacs,n/a,n/a,n/a,n/a,n/a", name);
      }
      mem_reserve ((void **) &irows, &cap, nrows + 1, sizeof *irows);
      trows = mem_realloc (trows, cap * sizeof *trows);
      irows[nrows] = mem_strdup (ir), trows[nrows] = mem_strdup (tr);
      nrows++;
      if (strstr (ir, ",true,")) ntrue++;
      else if (strstr (ir, ",false,")) nfalse++;
      else nssat++;
    }
    if (cert < s->need && !s->error)
      fprintf (stderr, "suite: %s n=%u: only %u of %u certified within %u attempts (limits)\n",
               suite_family_name (s->fam), s->n, cert, s->need, s->max_attempts);
    if (s->error) rc = rc ? rc : CLI_EXIT_USAGE;
  }
  if (rc == CLI_EXIT_OK) {
    /* rows sorted by file name (names are zero padded) */
    for (size_t i = 1; i < nrows; i++)
      for (size_t j = i; j > 0 && strcmp (irows[j - 1], irows[j]) > 0; j--) {
        char *t = irows[j];
        irows[j] = irows[j - 1], irows[j - 1] = t;
        t = trows[j], trows[j] = trows[j - 1], trows[j - 1] = t;
      }
    char *ib = NULL, *tb = NULL;
    size_t il = 0, tl = 0;
    FILE *im = open_memstream (&ib, &il), *tm = open_memstream (&tb, &tl);
    fprintf (im, "%s\n", suite_index_header ());
    fprintf (tm, "%s\n", suite_timing_header ());
    for (size_t i = 0; i < nrows; i++) fprintf (im, "%s\n", irows[i]), fprintf (tm, "%s\n", trows[i]);
    fclose (im), fclose (tm);
    size_t pl = strlen (out) + 16;
    char *p1 = mem_alloc (pl), *p2 = mem_alloc (pl);
    snprintf (p1, pl, "%s/index.csv", out);
    snprintf (p2, pl, "%s/timing.csv", out);
    if (!suite_write_text (p1, ib) || !suite_write_text (p2, tb)) {
      fprintf (stderr, "%s: cannot write index.csv/timing.csv\n", out);
      rc = CLI_EXIT_USAGE;
    } else /* timing.csv holds the times now: the journal becomes reproducible */
      for (size_t i = 0; i < ns; i++)
        for (unsigned a = 0; a < st[i].max_attempts; a++) {
          char name[96];
          suite_name (name, sizeof name, st[i].fam, st[i].n, a);
          if (st[i].state[a] > 0) suite_journal_drop_times (out, name);
        }
    free (p1), free (p2), free (ib), free (tb);
    printf ("suite %s: %zu certified instances (%zu true, %zu false, %zu SSAT), %zu candidates dropped by limits, "
            "%zu surplus; %.1f s\n", out, nrows, ntrue, nfalse, nssat, ndropped, nsurplus, limits_now () - t0);
  } else
    fprintf (stderr, "suite: %s: index.csv not written (errors above); rerun to resume\n", out);
  for (size_t i = 0; i < nrows; i++) free (irows[i]), free (trows[i]);
  free (irows), free (trows), free (old_timing), free (tpath);
  for (size_t i = 0; i < ns; i++) free (st[i].state);
  free (st), free (fp), free (ptext), free (ppath);
  return rc;
}
