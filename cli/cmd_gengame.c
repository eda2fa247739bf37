/* scnfg gengame random-game: seeded random S-CNFGs (instances/gamegen.h).
 * Also the target of 'scnfg gen random-game ...' (cmd_gen dispatches here
 * with its own argv: argv[0] "gen", argv[1] "random-game"). */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "cli/cli.h"
#include "instances/gamegen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"

const char cmd_gengame_summary[] = "generate a random game (random-game --stages N --seed S)";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg gengame random-game --stages N --seed S [--domain D] [--confounders K]\n"
           "                     [--perfect-info] [--win-lose [--clauses M]] [-o G.xml]\n"
           "       (the same as scnfg gen random-game ...)\n"
           "\n"
           "  --stages N        stages (0..64, default 4)\n"
           "  --seed S          seed (default 0): the same seed gives the same bytes\n"
           "  --domain D        largest action domain, 2..16 (default 2)\n"
           "  --confounders K   exogenous variables read by instincts (0..16, default 0)\n"
           "  --perfect-info    every mover observes all earlier actions and revealed variables\n"
           "  --win-lose        binary perfect-information win/lose game (random 3-literal clauses)\n"
           "  --clauses M       clauses of a win/lose game (default 2N)\n"
           "  -o FILE           output file (default stdout; written atomically)\n");
}

int cmd_gengame (int argc, char **argv) {
  gamegen_params p;
  gamegen_params_init (&p);
  const char *out = "-", *family = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--perfect-info")) {
      p.perfect_info = true;
    } else if (!strcmp (a, "--win-lose")) {
      p.win_lose = true;
    } else if (!strcmp (a, "--stages") || !strcmp (a, "--seed") || !strcmp (a, "--domain") ||
               !strcmp (a, "--confounders") || !strcmp (a, "--clauses") || !strcmp (a, "-o")) {
      if (i + 1 >= argc) return cli_usage_error (argv[0], "option %s needs a value", a);
      const char *v = argv[++i];
      uint64_t u = 0;
      if (strcmp (a, "-o") && !cli_parse_u64 (v, &u)) return cli_usage_error (argv[0], "bad %s '%s'", a, v);
      if (!strcmp (a, "-o")) out = v;
      else if (!strcmp (a, "--seed")) p.seed = u;
      else if (u > 1000000) return cli_usage_error (argv[0], "%s %s is out of range", a, v);
      else if (!strcmp (a, "--stages")) p.stages = (unsigned) u;
      else if (!strcmp (a, "--domain")) p.domain = (unsigned) u;
      else if (!strcmp (a, "--confounders")) p.confounders = (unsigned) u;
      else p.clauses = (unsigned) u;
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error (argv[0], "unknown option '%s'", a);
    } else if (family) {
      return cli_usage_error (argv[0], "unexpected argument '%s'", a);
    } else {
      family = a;
    }
  }
  if (!family || strcmp (family, "random-game"))
    return cli_usage_error (argv[0], "the only family here is random-game (see --help)");
  game *g = gamegen_random (&p);
  if (!g)
    return cli_usage_error (argv[0], "parameters out of range (stages <= 64, domain 2..16, confounders <= 16%s)",
                            p.win_lose ? ", win-lose needs stages >= 1" : "");
  scnfg_error err;
  error_init (&err);
  bool ok = gamexml_write_file (g, out, &err);
  game_free (g);
  return ok ? CLI_EXIT_OK : cli_report (&err);
}
