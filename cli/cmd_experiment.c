/* scnfg experiment welfare: the paper's welfare experiment, exactly
 * (orchestrate/welfare.h): S-CNE against Stackelberg welfare on random
 * leader-follower games, by confounding strength, and the eps sweep. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "instances/edit.h"
#include "orchestrate/welfare.h"
#include "orchestrate/welfarereport.h"
#include "solver/model/gamexml.h"

const char cmd_experiment_summary[] = "the welfare experiment: S-CNE vs Stackelberg on random games (welfare)";

typedef struct args {
  welfare_params p;
  const char *csv, *example;
  bool sweep, eps_on, eps_off;
} args;

/* A rational in [0, 1] into the confounding strength num/den. */
static bool parse_conf (const char *v, void *dst, const char **why) {
  welfare_params *p = dst;
  mpq_t q;
  mpq_init (q);
  bool ok = rat_parse_str (q, v, why) && mpq_sgn (q) >= 0 && mpq_cmp_ui (q, 1, 1) <= 0 &&
            mpz_fits_ulong_p (mpq_numref (q)) && mpz_fits_ulong_p (mpq_denref (q));
  if (ok) p->conf_num = mpz_get_ui (mpq_numref (q)), p->conf_den = mpz_get_ui (mpq_denref (q));
  mpq_clear (q);
  return ok;
}

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--games", .kind = OPT_UNSIGNED, .off = A (p.games), .arg = "N", .min = 1, .max = 100000,
   .range = " (1..100000)", .help = "games per family (default 50)"},
  {.name = "--seed", .kind = OPT_U64, .off = A (p.seed), .arg = "S",
   .help = "first seed (default 1); game i uses the next seed that both concepts solve"},
  {.name = "--confounding", .kind = OPT_CUSTOM, .off = A (p), .arg = "C", .parse = parse_conf,
   .msg = "--confounding '%s' is not a rational in [0, 1]",
   .help = "strength in [0, 1], a rational (1/2) or decimal (0.5): each stage's instinct\n"
           "reads an unobserved confounder with probability C (default: two families,\n"
           "C = 0 and C = 1)"},
  {.name = "--stages", .kind = OPT_UNSIGNED, .off = A (p.stages), .arg = "T", .min = 1, .max = 8, .range = " (1..8)",
   .help = "stages of the generated games (default 3); --domain D action domains (default 2)"},
  {.name = "--domain", .kind = OPT_UNSIGNED, .off = A (p.domain), .arg = "D", .min = 2, .max = 4, .range = " (2..4)"},
  {.name = "--sweep", .kind = OPT_FLAG, .off = A (sweep), .help = "C in 0, 1/10, ..., 1: one row per strength (no eps sweep)"},
  {.name = "--csv", .kind = OPT_STRING, .off = A (csv), .arg = "OUT",
   .help = "one CSV row per game and strength: seed, both concepts' exact rewards\n"
           "and welfare, the difference (the two default families: 2N rows)"},
  {.name = "--generic", .kind = OPT_FLAG, .off = A (p.generic),
   .help = "generic, payoff-relevant games: no player indifferent at any information\n"
           "set (a failing game is redrawn, the count reported) and every confounder an\n"
           "instinct may read pays its mover"},
  {.name = "--eps-sweep", .kind = OPT_FLAG, .off = A (eps_on), .help = "run the eps sweep (default: only up to 4 stages)"},
  {.name = "--no-eps-sweep", .kind = OPT_FLAG, .off = A (eps_off), .help = "do not run the eps sweep"},
  {.name = "--example", .kind = OPT_STRING, .off = A (example), .arg = "OUT",
   .help = "write the smallest game with a welfare difference (shrunk) there"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .sections = sections, .unknown = "unknown option '%s'", .max_pos = 1, .width = 19,
  .usage = "usage: scnfg experiment welfare --games N --seed S [--confounding C] [--stages T]\n"
           "                                [--domain D] [--sweep] [--csv OUT] [--example OUT.xml]\n"
           "                                [--generic] [--eps-sweep | --no-eps-sweep]\n"
           "\n",
  .footer = "\n"
            "Games: scnfg gengame random-game --stages T --domain D --confounders 2 --seed S, then every\n"
            "instinct reading an unobserved variable is replaced by 0 and each stage, with probability C,\n"
            "gets a random non-constant instinct over a revealed confounder its mover does not see.\n"
            "Both concepts use the strong tie-break. Exact rationals (decimals in parentheses).\n",
};

int cmd_experiment (int argc, char **argv) {
  args x = {0};
  welfare_params_init (&x.p);
  opt_result res;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &res, &rc)) return rc;
  welfare_params p = x.p;
  const char *csv = x.csv, *example = x.example, *what = res.npos ? res.pos[0] : NULL;
  bool sweep = x.sweep, conf = opt_given (&cmd, &res, "--confounding");
  if (!what || strcmp (what, "welfare")) return cli_usage_error (argv[0], "the only experiment is 'welfare' (see --help)");
  if (conf && sweep) return cli_usage_error (argv[0], "--confounding and --sweep exclude each other");
  if (x.eps_on && x.eps_off) return cli_usage_error (argv[0], "--eps-sweep and --no-eps-sweep exclude each other");
  p.eps_sweep = x.eps_on || (!x.eps_off && p.stages <= 4);
  afile out;
  scnfg_error err;
  error_init (&err);
  if (csv && !afile_open (&out, csv, &err)) return cli_report (&err);
  printf ("experiment welfare: %u games per family, first seed %llu, games: gengame random-game --stages %u "
          "--domain %u --confounders 2%s + confounding edit\n",
          p.games, (unsigned long long) p.seed, p.stages, p.domain, p.generic ? " (generic, payoff-relevant)" : "");
  if (sweep) welfarereport_sweep (stdout, p, csv ? out.f : NULL);
  else {
    if (csv) welfarereport_csv_header (out.f);
    if (conf) {
      welfarereport_family (stdout, stderr, &p, "confounding", csv ? out.f : NULL, example);
    } else {
      p.conf_num = 0, p.conf_den = 1;
      welfarereport_family (stdout, stderr, &p, "unconfounded", csv ? out.f : NULL, NULL);
      p.conf_num = 1, p.conf_den = 1;
      welfarereport_family (stdout, stderr, &p, "confounded", csv ? out.f : NULL, example);
    }
  }
  if (csv && !afile_commit (&out, &err)) return cli_report (&err);
  return CLI_EXIT_OK;
}
