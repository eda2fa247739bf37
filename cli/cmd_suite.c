/* scnfg suite: certified benchmark suites (the run is orchestrate/suiterun.c,
 * the work per candidate orchestrate/suite.c; this file parses the options). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/suite.h"
#include "orchestrate/suiterun.h"

const char cmd_suite_summary[] = "generate a certified benchmark suite (instances, games, certificates, index)";

typedef struct args {
  const char *families, *sizes, *params, *emit, *only;
  unsigned ratio;
  double target;
  bool quiet;
  suiterun_args run;
} args;

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--family", .kind = OPT_STRING, .off = A (families), .arg = "F[,F...]", .help = "families (comma-separated)"},
  {.name = "--sizes", .kind = OPT_STRING, .off = A (sizes), .arg = "A..B",
   .help = "sizes (overridden per family by --params)"},
  {.name = "--ratio", .kind = OPT_CUSTOM, .off = A (ratio), .arg = "R", .parse = opt_ratio,
   .help = "clauses per variable of the seeded families (default: random,\n"
           "ssat 9, chen-interian 5.8; overridden by --params)"},
  {.name = "--per-size", .kind = OPT_LONG, .off = A (run.per_size), .arg = "K", .min = 1, .max = 100000,
   .help = "certified instances per size (seeded families; default 10)"},
  {.name = "--seed", .kind = OPT_U64, .off = A (run.seed), .arg = "S", .help = "seed of the run"},
  {.name = "--out", .kind = OPT_STRING, .off = A (run.out), .arg = "DIR",
   .help = "output directory (created; an interrupted run resumes)"},
  {.name = "--target-seconds", .kind = OPT_SECONDS, .off = A (target), .arg = "T", .min = 1,
   .help = "calibrate: ratio near 50% true, sizes where depqbf needs ~T s\n"
           "(SSAT: scnfg's SSAT solver); records DIR/params"},
  {.name = "--params", .kind = OPT_STRING, .off = A (params), .arg = "FILE",
   .help = "reuse recorded parameters (no measuring)"},
  {.name = "-j", .kind = OPT_LONG, .off = A (run.jobs), .arg = "N", .min = 1, .max = 256, .bad = " (1..256)",
   .help = "candidates in parallel (processes)"},
  {.name = "--max-nodes", .kind = OPT_U64, .off = A (run.o.game_max_nodes), .arg = "N",
   .help = "game side (SPE) node limit (default 2000000)"},
  {.name = "--qbf-max-nodes", .kind = OPT_U64, .off = A (run.o.qbf_max_nodes), .arg = "N",
   .help = "QBF side SAT-call/node limit (default 100000)"},
  {.name = "--max-profile", .kind = OPT_SIZE, .off = A (run.o.max_profile), .arg = "N",
   .help = "SPE profile entries kept for the certificate (default 2^20)"},
  {.name = "--efg-max-nodes", .kind = OPT_SIZE, .off = A (run.o.efg_max_nodes), .arg = "N",
   .help = ".efg export limit in tree nodes (default 20000)"},
  {.name = "--depqbf-timeout", .kind = OPT_SECONDS, .off = A (run.o.depqbf_timeout), .arg = "S", .min = 1,
   .help = "depqbf wall clock (default 300; a timeout is an error)"},
  {.name = "--max-attempts", .kind = OPT_LONG, .off = A (run.max_attempts), .arg = "N", .min = 1, .max = 100000,
   .help = "candidates tried per size (default 3K+10)"},
  {.name = "--emit-jobs", .kind = OPT_STRING, .off = A (emit), .arg = "FILE",
   .help = "write DIR/params and one 'scnfg suite' command per (family,\n"
           "size), writing DIR.parts/FAMILY-nSIZE, to FILE; run them with\n"
           "GNU parallel, then: scnfg merge --out DIR DIR.parts/*"},
  {.name = "--only", .kind = OPT_STRING, .off = A (only), .arg = "F:N",
   .help = "this (family, size) only (what the emitted jobs run)"},
  {.name = "--quiet", .kind = OPT_FLAG, .off = A (quiet), .help = "no progress line"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "suite", .sections = sections, .needs = "%s needs a value",
  .extra = "unexpected argument '%s' (see --help)", .attached = true, .width = 23,
  .usage =
      "usage: scnfg suite --family F[,F...] --sizes A..B --per-size K --seed S --out DIR\n"
      "                   [--target-seconds T] [--params FILE] [-j N] [limits] [--emit-jobs FILE]\n\n"
      "Generates instances of each family (those of 'scnfg gen': random, ssat, chen-interian,\n"
      "kbkf, qparity, cr, equality) and, through the reduction, their games, and keeps only\n"
      "certified instances: scnfg's QBF side and a second independent decider agree (the game\n"
      "side, SPE of the reduction; depqbf where the game side hits its node limit; SSAT needs\n"
      "the game side), and the strategy certificate from the game's policy checks wherever one\n"
      "is produced. Keep/drop decisions use deterministic limits only.\n\n"
      "Sizes: random/ssat/chen-interian: n = variables, clauses = round(ratio*n); the crafted\n"
      "families: their n, one instance per size.\n\n",
  .footer =
      "\nWrites DIR/instances/*.qdimacs, DIR/games/*.xml, *.efg, DIR/certificates/*.xml,\n"
      "DIR/index.csv, DIR/timing.csv, DIR/params (see docs/suites.md).\n"
      "exit: 0 done, 1 a disagreement or failed certificate (reported), 2 bad usage or I/O,\n"
      "3 depqbf timed out (rerun with a larger --depqbf-timeout: the run resumes),\n"
      "130/143 interrupted by SIGINT/SIGTERM (workers stopped; a rerun resumes).\n",
};

/* The families and their sizes: --family, --sizes, --params. */
static int families (args *x) {
  char msg[300];
  if (!suiterun_set_families (&x->run, x->families, x->ratio, msg, sizeof msg))
    return cli_usage_error ("suite", "%s", msg);
  if (x->sizes) {
    unsigned lo, hi;
    if (!suiterun_parse_range (x->sizes, &lo, &hi))
      return cli_usage_error ("suite", "bad --sizes '%s' (A..B, 1 <= A <= B)", x->sizes);
    for (unsigned i = 0; i < x->run.nf; i++)
      x->run.fams[i].p.lo = lo, x->run.fams[i].p.hi = hi, x->run.fams[i].sizes_set = true;
  }
  if (x->params && !suiterun_read_params (&x->run, x->params, stderr)) return CLI_EXIT_USAGE;
  for (unsigned i = 0; i < x->run.nf; i++)
    if (!x->run.fams[i].sizes_set)
      return cli_usage_error ("suite", "no sizes for family %s (--sizes or --params)",
                              suite_family_name (x->run.fams[i].fam));
  return CLI_EXIT_OK;
}

int cmd_suite (int argc, char **argv) {
  args x = {.run = {.per_size = 10, .jobs = 1, .only_fam = -1}};
  suite_opts_init (&x.run.o);
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if (!x.families) return cli_usage_error ("suite", "--family F needed (see --help)");
  if (!x.run.out) return cli_usage_error ("suite", "--out DIR needed");
  if (!opt_given (&cmd, &r, "--seed")) return cli_usage_error ("suite", "--seed S needed");
  if (x.target > 0 && x.params) return cli_usage_error ("suite", "--target-seconds and --params exclude each other");
  if ((rc = families (&x))) return rc;
  if (x.only && !suiterun_set_only (&x.run, x.only))
    return cli_usage_error ("suite", "bad --only '%s' (FAMILY:SIZE)", x.only);
  if (x.only && !x.emit && !suiterun_only_fits (&x.run))
    return cli_usage_error ("suite", "--only %s is not one of this run's (family, size)", x.only);
  char note[1024];
  if (!suite_prepare_dir (x.run.out, note, sizeof note)) return fprintf (stderr, "%s\n", note), CLI_EXIT_USAGE;
  if (x.target > 0) suiterun_calibrate (&x.run, x.target, stdout);
  x.run.progress = !x.quiet && isatty (2);
  return suiterun_run (&x.run, x.emit, stdout, stderr);
}
