/* scnfg export: a game as Gambit .efg (expanded tree) or Graphviz DOT (causal graph). */
#include <gmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/encode.h"
#include "solver/model/export.h"
#include "solver/model/gameload.h"
#include "solver/model/game.h"

const char cmd_export_summary[] = "export a game (G.xml) as Gambit .efg, Graphviz DOT or QDIMACS";

typedef struct args {
  const char *to, *out;
  uint64_t max_nodes;
} args;

static const opt options[] = {
  {.name = "--to", .kind = OPT_STRING, .off = offsetof (args, to), .arg = "efg",
   .help = "Gambit extensive form (EFG 2 R) of the expanded tree: chance nodes at the\n"
           "exogenous variables, information sets from the observation sets, exact\n"
           "payoffs; the plain game without layer choices"},
  {.name = "--to", .kind = OPT_HELP, .arg = "dot", .help = "Graphviz DOT of the causal graph (shape by kind, colour by owner)"},
  {.name = "--to", .kind = OPT_HELP, .arg = "qdimacs", .help = "the membership encoding (scnfg encode G.xml, threshold 1)"},
  {.name = "--max-nodes", .kind = OPT_U64, .off = offsetof (args, max_nodes), .arg = "N",
   .help = "largest .efg tree written (default 100000; exit 3 above it)"},
  {.name = "-o", .kind = OPT_STRING, .off = offsetof (args, out), .arg = "FILE",
   .help = "output file (default stdout; written atomically)"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "export", .sections = sections, .unknown = "unknown option '%s' (see scnfg export --help)", .max_pos = 1,
  .extra = "more than one game file", .width = 17,
  .usage = "usage: scnfg export G.xml --to efg|dot|qdimacs [-o FILE] [--max-nodes N]\n\n",
};

int cmd_export (int argc, char **argv) {
  args x = {.out = "-", .max_nodes = 100000};
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  const char *file = r.npos ? r.pos[0] : NULL, *to = x.to, *out = x.out;
  uint64_t max_nodes = x.max_nodes;
  if (!file) return cli_usage_error ("export", "no game file (see scnfg export --help)");
  if (!to) return cli_usage_error ("export", "no --to (efg, dot or qdimacs)");
  if (strcmp (to, "efg") && strcmp (to, "dot")) {
    if (strcmp (to, "qdimacs")) return cli_usage_error ("export", "unknown format '%s' (efg, dot or qdimacs)", to);
    mpq_t one; /* the membership encoding with threshold 1, as scnfg encode writes it */
    mpq_init (one);
    mpq_set_ui (one, 1, 1);
    scnfg_error err;
    error_init (&err);
    rc = encode_file (file, one, out, &err) ? CLI_EXIT_OK : cli_report (&err);
    mpq_clear (one);
    return rc;
  }
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gameload_file (&g, file, NULL, &err)) return cli_report (&err);
  rc = CLI_EXIT_OK;
  if (!strcmp (to, "efg")) {
    /* count first so that nothing is written when the tree is too large */
    FILE *null = fopen ("/dev/null", "w");
    bool fits = null && export_efg (null, g, (size_t) max_nodes, &err);
    if (null) fclose (null);
    if (!fits) rc = cli_report (&err);
  }
  afile a;
  if (rc == CLI_EXIT_OK && afile_open (&a, out, &err)) {
    if (!strcmp (to, "efg")) export_efg (a.f, g, (size_t) max_nodes, &err);
    else export_dot (a.f, g);
    if (!afile_commit (&a, &err)) rc = cli_report (&err);
  } else if (rc == CLI_EXIT_OK) {
    rc = cli_report (&err);
  }
  game_free (g);
  return rc;
}
