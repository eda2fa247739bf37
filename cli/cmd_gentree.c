/* scnfg gentree: seeded random full game trees (instances/treegen.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "instances/treegen.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"

const char cmd_gentree_summary[] = "generate a random full perfect-information tree (--stages N --seed S)";

typedef struct args {
  uint64_t stages, domain, seed, conflict;
  const char *out;
} args;

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--stages", .kind = OPT_U64, .off = A (stages), .arg = "N"},
  {.name = "--seed", .kind = OPT_U64, .off = A (seed), .arg = "S"},
  {.name = "--domain", .kind = OPT_U64, .off = A (domain), .arg = "D"},
  {.name = "--conflict", .kind = OPT_U64, .off = A (conflict), .arg = "C"},
  {.name = "-o", .kind = OPT_STRING, .off = A (out), .arg = "FILE"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

/* The option texts are part of the usage (their columns differ). */
static const opt_cmd cmd = {
  .name = "gentree", .sections = sections, .extra = "unexpected argument '%s' (see --help)",
  .usage = "usage: scnfg gentree --stages N --seed S [--domain D] [--conflict C] [-o G.xml]\n"
      "\n"
      "A two-player perfect-information game without chance: N stages (1..20) of D actions\n"
      "(2..4, default 2), each owned by L (the leader) or F with probability 1/2, every stage\n"
      "active and observing all earlier ones; rewards k/2, k uniform in 0..20, per leaf\n"
      "(at most 2^20 leaves). The same arguments give the same bytes.\n"
      "  --conflict C  (1..20) the follower's reward is 10 - the leader's + noise of at most C/2\n"
      "                (clamped to 0..10): nearly constant-sum; default 0: independent rewards\n"
      "  -o FILE   output file (default stdout; written atomically)\n",
};

int cmd_gentree (int argc, char **argv) {
  args x = {.domain = 2, .out = "-"};
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  uint64_t stages = x.stages, domain = x.domain, seed = x.seed, conflict = x.conflict;
  const char *out = x.out;
  if (stages > 20 || domain > 4 || conflict > 20) return cli_usage_error ("gentree", "parameters out of range (see --help)");
  game *g = treegen_random ((unsigned) stages, (unsigned) domain, (unsigned) conflict, seed);
  if (!g) return cli_usage_error ("gentree", "parameters out of range (see --help)");
  scnfg_error err;
  error_init (&err);
  bool ok = gamexml_write_file (g, out, &err);
  game_free (g);
  return ok ? CLI_EXIT_OK : cli_report (&err);
}
