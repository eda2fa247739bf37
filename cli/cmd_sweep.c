/* scnfg sweep: phase transition and scaling of both sides (the work is
 * orchestrate/sweep.c; this file parses the options). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/suite.h"
#include "orchestrate/sweep.h"

const char cmd_sweep_summary[] = "phase transition / scaling sweep of both sides (CSV for bench/plot.sh)";

typedef struct args {
  const char *param, *csv, *emit;
  bool quiet;
  sweep_args s;
} args;

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--family", .kind = OPT_STRING, .off = A (s.family), .arg = "F"},
  {.name = "--count", .kind = OPT_LONG, .off = A (s.count), .arg = "K", .min = 1, .max = 100000},
  {.name = "--seed", .kind = OPT_U64, .off = A (s.seed), .arg = "S"},
  {.name = "--csv", .kind = OPT_STRING, .off = A (csv), .arg = "OUT"},
  {.name = "--param", .kind = OPT_STRING, .off = A (param), .arg = "ratio=A..B:STEP",
   .help = "clauses per variable (decimals), at size --size"},
  {.name = "--param", .kind = OPT_HELP, .arg = "size=A..B:STEP",
   .help = "size n (see scnfg suite --help), at ratio --ratio"},
  {.name = "--size", .kind = OPT_LONG, .off = A (s.size), .arg = "N", .min = 1, .max = 100000,
   .help = "fixed size of a ratio sweep (default 20)"},
  {.name = "--ratio", .kind = OPT_CUSTOM, .off = A (s.ratio), .arg = "R", .parse = opt_ratio,
   .help = "fixed ratio of a size sweep (default: the family's)"},
  {.name = "--sides", .kind = OPT_STRING, .off = A (s.sides), .arg = "qgd",
   .help = "sides to run (default qgd; ssat: qg)"},
  {.name = "--max-nodes", .kind = OPT_U64, .off = A (s.o.game_max_nodes), .arg = "N",
   .help = "game side node limit (default 2000000)"},
  {.name = "--qbf-max-nodes", .kind = OPT_U64, .off = A (s.o.qbf_max_nodes), .arg = "N",
   .help = "QBF side SAT-call limit (default 100000)"},
  {.name = "--depqbf-timeout", .kind = OPT_SECONDS, .off = A (s.o.depqbf_timeout), .arg = "S", .min = 1,
   .help = "seconds (default 300)"},
  {.name = "--emit-jobs", .kind = OPT_STRING, .off = A (emit), .arg = "FILE",
   .help = "one 'scnfg sweep' per value into FILE (GNU parallel), then\n"
           "scnfg merge --csv OUT OUT.part-*.csv"},
  {.name = "--quiet", .kind = OPT_FLAG, .off = A (quiet), .help = "no progress bar on stderr"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "sweep", .sections = sections, .needs = "%s needs a value",
  .extra = "unexpected argument '%s' (see --help)", .width = 27,
  .usage =
      "usage: scnfg sweep --family F --param NAME=A..B:STEP --count K --seed S --csv OUT\n"
      "                   [--size N] [--ratio R] [--sides qgd] [--max-nodes N] [--qbf-max-nodes N]\n"
      "                   [--depqbf-timeout S] [--emit-jobs FILE] [--quiet]\n\n"
      "For each value of the swept parameter, K formulas of family F (seeded from S, the\n"
      "value and the index, so any split of the sweep gives the same formulas) are decided\n"
      "by each side in its own process: q the QBF side (CEGAR; SSAT solver), g the game\n"
      "side (SPE of the reduction), d depqbf. One CSV row per value: share true, median\n"
      "seconds and peak resident memory (KB, maximum over the K runs) of each side.\n\n",
  .footer = "\nTimed-out or limited runs count as unknown (their time is included in the median).\n"
            "SSAT: 'true' means value >= 1/2. exit: 0 written, 2 bad usage or I/O,\n"
            "130/143 interrupted by SIGINT/SIGTERM (workers stopped, no CSV).\n",
};

int cmd_sweep (int argc, char **argv) {
  args x = {.s = {.size = 20}};
  suite_opts_init (&x.s.o);
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  sweep_args *s = &x.s;
  if (!s->family || !x.param || !s->count || !opt_given (&cmd, &r, "--seed") || !x.csv)
    return cli_usage_error ("sweep", "--family, --param, --count, --seed and --csv are needed (see --help)");
  if ((s->fam = suite_family_lookup (s->family)) < 0) return cli_usage_error ("sweep", "unknown family '%s'", s->family);
  if (!s->ratio) s->ratio = suite_default_ratio (s->fam);
  if (!s->sides) s->sides = s->fam == SUITE_SSAT ? "qg" : "qgd";
  if (strspn (s->sides, "qgd") != strlen (s->sides) || !*s->sides)
    return cli_usage_error ("sweep", "bad --sides '%s'", s->sides);
  if (s->fam == SUITE_SSAT && strchr (s->sides, 'd')) return cli_usage_error ("sweep", "depqbf cannot decide SSAT");
  char msg[300];
  if (!sweep_set_param (s, x.param, msg, sizeof msg)) return cli_usage_error ("sweep", "%s", msg);
  if (!suite_family_seeded (s->fam)) s->count = 1; /* crafted: one formula per size */
  if (x.emit) return sweep_emit (s, x.emit, x.csv, stdout, stderr);
  s->progress = !x.quiet;
  return sweep_run (s, x.csv, stderr);
}
