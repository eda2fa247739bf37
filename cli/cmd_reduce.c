/* scnfg reduce: QBF/SSAT -> S-CNFG, the hardness construction (DESIGN §5). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "reductions/qbf2game.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_reduce_summary[] = "reduce a QBF/SSAT formula to an S-CNFG game file (hardness)";

static void help (FILE *f) {
  fprintf (f, "usage: scnfg reduce F.qdimacs [-o G.xml] [--lenient]\n\n"
          "Writes the game of DESIGN 5: one stage per exists/forall variable in prefix order\n"
          "(leader L = the exists player, follower F = the forall player), r variables as\n"
          "exogenous chance variables revealed at their prefix position, clause nodes c<j>,\n"
          "phi = and(c<j>), rewards uL = phi, uF = 1 - phi. The leader's SPE value equals the\n"
          "formula's value. Prints the sizes of both sides as 'c ' lines on stderr and checks\n"
          "game size <= %d x formula size (vars + clauses + literals vs vars + entries).\n"
          "exit: 0 written, 1 size check failed, 2 bad input.\n", QBF2GAME_SIZE_FACTOR);
}

typedef struct args {
  const char *out;
  qdimacs_opts q;
} args;

static const opt options[] = {
  {.name = "--lenient", .kind = OPT_FLAG, .off = offsetof (args, q.lenient)},
  {.name = "-o", .kind = OPT_STRING, .off = offsetof (args, out), .arg = "G.xml"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "reduce", .sections = sections, .needs = "%s needs a file name", .max_pos = 1,
  .extra = "more than one input file", .help_extra = help,
};

int cmd_reduce (int argc, char **argv) {
  args x = {.out = "-"};
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if (!r.npos) return cli_usage_error ("reduce", "no input file (see --help)");
  const char *in = r.pos[0], *out = x.out;
  qdimacs_opts opts = x.q;
  scnfg_error err;
  error_init (&err);
  qbf *f;
  if (!qdimacs_read_file (&f, in, &opts, &err, NULL)) return cli_report (&err);
  qbf2game_sizes sz;
  game *g = qbf2game_reduce (f, &sz);
  size_t fs = sz.formula_vars + sz.formula_clauses + sz.formula_lits, gs = sz.game_vars + sz.game_entries;
  fprintf (stderr, "c formula: %zu variables, %zu clauses, %zu literals (size %zu)\n", sz.formula_vars,
           sz.formula_clauses, sz.formula_lits, fs);
  fprintf (stderr, "c game: %zu variables, %zu expression/table entries (size %zu), %zu observation links\n",
           sz.game_vars, sz.game_entries, gs, sz.game_observations);
  rc = CLI_EXIT_OK;
  if (gs > (size_t) QBF2GAME_SIZE_FACTOR * fs + 6) {
    fprintf (stderr, "scnfg reduce: game size %zu exceeds %d x formula size %zu\n", gs, QBF2GAME_SIZE_FACTOR, fs);
    rc = CLI_EXIT_FAIL;
  } else if (!gamexml_write_file (g, out, &err))
    rc = cli_report (&err);
  game_free (g);
  qbf_free (f);
  return rc;
}
