/* scnfg signal: pure PBE of a signaling game (XML or Gambit .efg), their
 * classification, the intuitive criterion and D1, and the sender's layers. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "solver/model/gameload.h"
#include "solver/model/game.h"
#include "solver/game/signal.h"
#include "solver/model/result.h"
#include "solver/model/resulttext.h"

const char cmd_signal_summary[] = "perfect Bayesian equilibria and refinements of a signaling game (G.xml|G.efg)";

typedef struct args {
  const char *out;
  unsigned refine;
  bool xml;
  uint64_t max;
} args;

static bool parse_refine (const char *v, void *dst, const char **why) {
  unsigned *r = dst;
  (void) why;
  if (!strcmp (v, "none")) *r = 0;
  else if (!strcmp (v, "intuitive")) *r = RESULT_INTUITIVE;
  else if (!strcmp (v, "d1")) *r = RESULT_D1;
  else if (!strcmp (v, "all")) *r = RESULT_INTUITIVE | RESULT_D1;
  else return false;
  return true;
}

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--refine", .kind = OPT_CUSTOM, .off = A (refine), .arg = "R", .parse = parse_refine,
   .msg = "unknown refinement '%s' (none, intuitive, d1 or all)",
   .help = "refinements reported: none, intuitive, d1 or all (default all)"},
  {.name = "--xml", .kind = OPT_FLAG, .off = A (xml), .help = "write the XML report instead of the table"},
  {.name = "-o", .kind = OPT_STRING, .off = A (out), .arg = "FILE", .help = "output file (default stdout; written atomically)"},
  {.name = "--max-strategies", .kind = OPT_U64, .off = A (max), .arg = "N", .min = 1,
   .help = "largest number of sender strategies M^K enumerated (default 1048576;\nexit 3 above it)"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "signal", .sections = sections, .unknown = "unknown option '%s' (see scnfg signal --help)", .max_pos = 1,
  .extra = "more than one game file", .width = 22,
  .usage = "usage: scnfg signal G.xml|G.efg [--refine none|intuitive|d1|all] [--xml] [-o FILE]\n"
           "                    [--max-strategies N]\n"
           "\n"
           "Enumerates every pure perfect Bayesian equilibrium of a signaling game exactly (type theta\n"
           "with a prior; stage 1 the sender observes theta and sends m; stage 2 the receiver observes m\n"
           "and acts), grouped into families sharing the sender strategy and the on-path outcome, with\n"
           "the supporting off-path beliefs and receiver mixtures; classifies them; applies the\n"
           "intuitive criterion and D1 (DESIGN 4); analyses the sender's causal layers.\n"
           "A file ending in .efg is read as a Gambit extensive game of signaling shape.\n"
           "\n",
  .footer = "Exit status: 0 done, 2 bad input or usage (also: not a signaling game), 3 limit.\n",
};

int cmd_signal (int argc, char **argv) {
  args x = {.out = "-", .refine = RESULT_INTUITIVE | RESULT_D1, .max = (uint64_t) 1 << 20};
  opt_result given;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &given, &rc)) return rc;
  if (!given.npos) return cli_usage_error ("signal", "no game file (see scnfg signal --help)");
  const char *file = given.pos[0], *out = x.out;
  unsigned refine = x.refine;
  bool xml = x.xml;
  uint64_t max = x.max;
  scnfg_error err;
  error_init (&err);
  game *g;
  bool ok = gameload_file (&g, file, NULL, &err);
  if (!ok) return cli_report (&err);
  signal_game sg;
  if (!signal_game_init (&sg, g, &err)) {
    signal_game_clear (&sg);
    game_free (g);
    return cli_report (&err);
  }
  signal_result r;
  rc = CLI_EXIT_OK;
  if (!signal_solve (&r, &sg, max, &err)) rc = cli_report (&err);
  else {
    afile af;
    if (!afile_open (&af, out, &err)) rc = cli_report (&err);
    else {
      if (xml) result_write_signal (af.f, &sg, &r, refine);
      else resulttext_signal (af.f, &sg, &r, refine);
      if (!afile_commit (&af, &err)) rc = cli_report (&err);
    }
  }
  signal_result_clear (&r);
  signal_game_clear (&sg);
  game_free (g);
  return rc;
}
