/* scnfg gensignal signaling: seeded random signaling games
 * (instances/siggen.h), the target of 'scnfg gen signaling ...' once the
 * dispatcher in cmd_gen forwards it (argv[0] "gen", argv[1] "signaling"). */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "cli/cli.h"
#include "instances/siggen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"

const char cmd_gensignal_summary[] = "generate a random signaling game (signaling --types K --messages M --actions A --seed S)";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg gensignal signaling --types K --messages M --actions A --seed S\n"
           "                       [--noise] [--observable] [-o G.xml]\n"
           "       (the same as scnfg gen signaling ...)\n"
           "\n"
           "  --types K      types, 2..16 (default 2); positive random prior (weights 1..4)\n"
           "  --messages M   sender messages, 2..16 (default 2)\n"
           "  --actions A    receiver actions, 2..12 (default 2)\n"
           "  --seed S       seed (default 0): the same seed gives the same bytes\n"
           "  --noise        add an exogenous noise variable (1/2, 1/2) read by the sender's instinct\n"
           "  --observable   layers-observable=\"true\" (the receiver sees the sender's layer)\n"
           "  -o FILE        output file (default stdout; written atomically)\n");
}

int cmd_gensignal (int argc, char **argv) {
  siggen_params p;
  siggen_params_init (&p);
  const char *out = "-", *family = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--noise")) {
      p.noise = true;
    } else if (!strcmp (a, "--observable")) {
      p.observable = true;
    } else if (!strcmp (a, "--types") || !strcmp (a, "--messages") || !strcmp (a, "--actions") ||
               !strcmp (a, "--seed") || !strcmp (a, "-o")) {
      if (i + 1 >= argc) return cli_usage_error (argv[0], "option %s needs a value", a);
      const char *v = argv[++i];
      uint64_t u = 0;
      if (strcmp (a, "-o") && !cli_parse_u64 (v, &u)) return cli_usage_error (argv[0], "bad %s '%s'", a, v);
      if (!strcmp (a, "-o")) out = v;
      else if (!strcmp (a, "--seed")) p.seed = u;
      else if (u > 1000) return cli_usage_error (argv[0], "%s %s is out of range", a, v);
      else if (!strcmp (a, "--types")) p.types = (unsigned) u;
      else if (!strcmp (a, "--messages")) p.messages = (unsigned) u;
      else p.actions = (unsigned) u;
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error (argv[0], "unknown option '%s'", a);
    } else if (family) {
      return cli_usage_error (argv[0], "unexpected argument '%s'", a);
    } else {
      family = a;
    }
  }
  if (!family || strcmp (family, "signaling"))
    return cli_usage_error (argv[0], "the only family here is signaling (see --help)");
  game *g = siggen_random (&p);
  if (!g) return cli_usage_error (argv[0], "parameters out of range (types 2..16, messages 2..16, actions 2..12)");
  scnfg_error err;
  error_init (&err);
  bool ok = gamexml_write_file (g, out, &err);
  game_free (g);
  return ok ? CLI_EXIT_OK : cli_report (&err);
}
