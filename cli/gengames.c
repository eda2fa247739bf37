/* The game families of 'scnfg gen' (see gengames.h): seeded random S-CNFGs
 * (instances/gamegen.h) and signaling games (instances/siggen.h). */
#include "cli/gengames.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "instances/gamegen.h"
#include "instances/siggen.h"
#include "solver/model/game.h"
#include "solver/model/gamexml.h"

typedef struct game_args {
  gamegen_params p;
  const char *out;
} game_args;

typedef struct signal_args {
  siggen_params p;
  const char *out;
} signal_args;

#define G(field) offsetof (game_args, field)
static const opt game_options[] = {
  {.name = "--stages", .kind = OPT_UNSIGNED, .off = G (p.stages), .arg = "N", .max = 1000000, .range = "",
   .help = "stages (0..64, default 4)"},
  {.name = "--seed", .kind = OPT_U64, .off = G (p.seed), .arg = "S",
   .help = "seed (default 0): the same seed gives the same bytes"},
  {.name = "--domain", .kind = OPT_UNSIGNED, .off = G (p.domain), .arg = "D", .max = 1000000, .range = "",
   .help = "largest action domain, 2..16 (default 2)"},
  {.name = "--confounders", .kind = OPT_UNSIGNED, .off = G (p.confounders), .arg = "K", .max = 1000000,
   .range = "", .help = "exogenous variables read by instincts (0..16, default 0)"},
  {.name = "--perfect-info", .kind = OPT_FLAG, .off = G (p.perfect_info),
   .help = "every mover observes all earlier actions and revealed variables"},
  {.name = "--win-lose", .kind = OPT_FLAG, .off = G (p.win_lose),
   .help = "binary perfect-information win/lose game (random 3-literal clauses)"},
  {.name = "--clauses", .kind = OPT_UNSIGNED, .off = G (p.clauses), .arg = "M", .max = 1000000, .range = "",
   .help = "clauses of a win/lose game (default 2N)"},
  {.name = "-o", .kind = OPT_STRING, .off = G (out), .arg = "FILE",
   .help = "output file (default stdout; written atomically)"},
  {.name = NULL},
};

#define S(field) offsetof (signal_args, field)
static const opt signal_options[] = {
  {.name = "--types", .kind = OPT_UNSIGNED, .off = S (p.types), .arg = "K", .max = 1000, .range = "",
   .help = "types, 2..16 (default 2); positive random prior (weights 1..4)"},
  {.name = "--messages", .kind = OPT_UNSIGNED, .off = S (p.messages), .arg = "M", .max = 1000, .range = "",
   .help = "sender messages, 2..16 (default 2)"},
  {.name = "--actions", .kind = OPT_UNSIGNED, .off = S (p.actions), .arg = "A", .max = 1000, .range = "",
   .help = "receiver actions, 2..12 (default 2)"},
  {.name = "--seed", .kind = OPT_U64, .off = S (p.seed), .arg = "S",
   .help = "seed (default 0): the same seed gives the same bytes"},
  {.name = "--noise", .kind = OPT_FLAG, .off = S (p.noise),
   .help = "add an exogenous noise variable (1/2, 1/2) read by the sender's instinct"},
  {.name = "--observable", .kind = OPT_FLAG, .off = S (p.observable),
   .help = "layers-observable=\"true\" (the receiver sees the sender's layer)"},
  {.name = "-o", .kind = OPT_STRING, .off = S (out), .arg = "FILE",
   .help = "output file (default stdout; written atomically)"},
  {.name = NULL},
};

static const opt_section game_sections[] = {{game_options, 0}, {NULL, 0}};
static const opt_section signal_sections[] = {{signal_options, 0}, {NULL, 0}};

static const opt_cmd game_cmd = {
  .sections = game_sections, .unknown = "unknown option '%s'", .max_pos = 1, .width = 20,
  .usage = "usage: scnfg gengame random-game --stages N --seed S [--domain D] [--confounders K]\n"
           "                     [--perfect-info] [--win-lose [--clauses M]] [-o G.xml]\n"
           "       (the same as scnfg gen random-game ...)\n"
           "\n",
};

static const opt_cmd signal_cmd = {
  .sections = signal_sections, .unknown = "unknown option '%s'", .max_pos = 1, .width = 17,
  .usage = "usage: scnfg gensignal signaling --types K --messages M --actions A --seed S\n"
           "                       [--noise] [--observable] [-o G.xml]\n"
           "       (the same as scnfg gen signaling ...)\n"
           "\n",
};

/* The one family of a generator command, or a usage error. */
static bool family (const opt_result *r, const char *cmd, const char *name) {
  if (r->npos && !strcmp (r->pos[0], name)) return true;
  cli_usage_error (cmd, "the only family here is %s (see --help)", name);
  return false;
}

/* Writes g (owned) to out. */
static int write_game (game *g, const char *out) {
  scnfg_error err;
  error_init (&err);
  bool ok = gamexml_write_file (g, out, &err);
  game_free (g);
  return ok ? CLI_EXIT_OK : cli_report (&err);
}

int gengames_random_game (int argc, char **argv) {
  game_args x = {.out = "-"};
  gamegen_params_init (&x.p);
  opt_result r;
  int rc;
  if (!opt_parse (&game_cmd, argc, argv, &x, &r, &rc)) return rc;
  if (!family (&r, argv[0], "random-game")) return CLI_EXIT_USAGE;
  game *g = gamegen_random (&x.p);
  if (!g)
    return cli_usage_error (argv[0], "parameters out of range (stages <= 64, domain 2..16, confounders <= 16%s)",
                            x.p.win_lose ? ", win-lose needs stages >= 1" : "");
  return write_game (g, x.out);
}

int gengames_signaling (int argc, char **argv) {
  signal_args x = {.out = "-"};
  siggen_params_init (&x.p);
  opt_result r;
  int rc;
  if (!opt_parse (&signal_cmd, argc, argv, &x, &r, &rc)) return rc;
  if (!family (&r, argv[0], "signaling")) return CLI_EXIT_USAGE;
  game *g = siggen_random (&x.p);
  if (!g) return cli_usage_error (argv[0], "parameters out of range (types 2..16, messages 2..16, actions 2..12)");
  return write_game (g, x.out);
}
