/* scnfg export: a game as Gambit .efg (expanded tree) or Graphviz DOT (causal graph). */
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "solver/model/export.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"

const char cmd_export_summary[] = "export a game (G.xml) as Gambit .efg, Graphviz DOT or QDIMACS";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg export G.xml --to efg|dot|qdimacs [-o FILE] [--max-nodes N]\n"
           "\n"
           "  --to efg       Gambit extensive form (EFG 2 R) of the expanded tree: chance nodes at the\n"
           "                 exogenous variables, information sets from the observation sets, exact\n"
           "                 payoffs; the plain game without layer choices\n"
           "  --to dot       Graphviz DOT of the causal graph (shape by kind, colour by owner)\n"
           "  --to qdimacs   the membership encoding (scnfg encode G.xml, threshold 1)\n"
           "  --max-nodes N  largest .efg tree written (default 100000; exit 3 above it)\n"
           "  -o FILE        output file (default stdout; written atomically)\n");
}

int cmd_export (int argc, char **argv) {
  const char *file = NULL, *to = NULL, *out = "-";
  uint64_t max_nodes = 100000;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--to") || !strcmp (a, "-o") || !strcmp (a, "--max-nodes")) {
      if (i + 1 >= argc) return cli_usage_error ("export", "option %s needs a value", a);
      const char *v = argv[++i];
      if (!strcmp (a, "--to")) to = v;
      else if (!strcmp (a, "-o")) out = v;
      else if (!cli_parse_u64 (v, &max_nodes)) return cli_usage_error ("export", "bad --max-nodes '%s'", v);
    } else if (a[0] == '-' && a[1]) {
      return cli_usage_error ("export", "unknown option '%s' (see scnfg export --help)", a);
    } else if (file) {
      return cli_usage_error ("export", "more than one game file");
    } else {
      file = a;
    }
  }
  if (!file) return cli_usage_error ("export", "no game file (see scnfg export --help)");
  if (!to) return cli_usage_error ("export", "no --to (efg, dot or qdimacs)");
  if (strcmp (to, "efg") && strcmp (to, "dot")) {
    if (!strcmp (to, "qdimacs")) { /* the membership encoding with threshold 1: scnfg encode */
      int cmd_encode (int, char **);
      char *args[] = {"encode", (char *) file, "-o", (char *) out, NULL};
      return cmd_encode (4, args);
    }
    return cli_usage_error ("export", "unknown format '%s' (efg, dot or qdimacs)", to);
  }
  scnfg_error err;
  error_init (&err);
  game *g;
  if (!gamexml_read_file (&g, file, &err)) return cli_report (&err);
  int rc = CLI_EXIT_OK;
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
