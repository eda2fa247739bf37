/* scnfg gentree: seeded random full game trees (instances/treegen.h). */
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "cli/cli.h"
#include "instances/treegen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"

const char cmd_gentree_summary[] = "generate a random full perfect-information tree (--stages N --seed S)";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg gentree --stages N --seed S [--domain D] [--conflict C] [-o G.xml]\n"
           "\n"
           "A two-player perfect-information game without chance: N stages (1..20) of D actions\n"
           "(2..4, default 2), each owned by L (the leader) or F with probability 1/2, every stage\n"
           "active and observing all earlier ones; rewards k/2, k uniform in 0..20, per leaf\n"
           "(at most 2^20 leaves). The same arguments give the same bytes.\n"
           "  --conflict C  (1..20) the follower's reward is 10 - the leader's + noise of at most C/2\n"
           "                (clamped to 0..10): nearly constant-sum; default 0: independent rewards\n"
           "  -o FILE   output file (default stdout; written atomically)\n");
}

int cmd_gentree (int argc, char **argv) {
  uint64_t stages = 0, domain = 2, seed = 0, conflict = 0;
  const char *out = "-";
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--stages") || !strcmp (a, "--seed") || !strcmp (a, "--domain") || !strcmp (a, "--conflict") ||
               !strcmp (a, "-o")) {
      if (i + 1 >= argc) return cli_usage_error ("gentree", "option %s needs a value", a);
      const char *v = argv[++i];
      uint64_t u = 0;
      if (strcmp (a, "-o") && !cli_parse_u64 (v, &u)) return cli_usage_error ("gentree", "bad %s '%s'", a, v);
      if (!strcmp (a, "-o")) out = v;
      else if (!strcmp (a, "--seed")) seed = u;
      else if (!strcmp (a, "--stages")) stages = u;
      else if (!strcmp (a, "--conflict")) conflict = u;
      else domain = u;
    } else {
      return cli_usage_error ("gentree", "unexpected argument '%s' (see --help)", a);
    }
  }
  if (stages > 20 || domain > 4 || conflict > 20) return cli_usage_error ("gentree", "parameters out of range (see --help)");
  game *g = treegen_random ((unsigned) stages, (unsigned) domain, (unsigned) conflict, seed);
  if (!g) return cli_usage_error ("gentree", "parameters out of range (see --help)");
  scnfg_error err;
  error_init (&err);
  bool ok = gamexml_write_file (g, out, &err);
  game_free (g);
  return ok ? CLI_EXIT_OK : cli_report (&err);
}
