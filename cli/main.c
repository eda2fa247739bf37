/* scnfg: thin dispatcher over the subcommands in cli/cmd_*.c. */
#include <stdio.h>
#include <string.h>

#include "base/version.h"
#include "cli/cli.h"
#include "orchestrate/pool.h"

#define CMD(name) int cmd_##name (int argc, char **argv); extern const char cmd_##name##_summary[];
#include "cmds.inc"
#undef CMD

static const struct { const char *name; int (*run) (int, char **); const char *summary; } table[] = {
#define CMD(name) {#name, cmd_##name, cmd_##name##_summary},
#include "cmds.inc"
#undef CMD
};

static void usage (FILE *f) {
  fprintf (f, "usage: scnfg COMMAND [options] (scnfg COMMAND --help for each)\n\ncommands:\n");
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    fprintf (f, "  %-10s %s\n", table[i].name, table[i].summary);
  fprintf (f, "\nexit codes: 0 ok, 1 disagreement/failed claim, 2 bad input or usage, 3 limit reached,\n"
              "130/143 interrupted (SIGINT/SIGTERM);\n"
              "solve on QBF follows QBFEVAL: 10 true, 20 false, 0 unknown.\n");
}

int main (int argc, char **argv) {
  if (argc < 2) {
    usage (stderr);
    return CLI_EXIT_USAGE;
  }
  if (!strcmp (argv[1], "--help") || !strcmp (argv[1], "-h") || !strcmp (argv[1], "help")) {
    usage (stdout);
    return 0;
  }
  if (!strcmp (argv[1], "--version")) {
    printf ("scnfg %s\n", SCNFG_VERSION);
    return 0;
  }
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (!strcmp (argv[1], table[i].name)) {
      int rc = table[i].run (argc - 1, argv + 1);
      return pool_interrupted () ? 128 + pool_interrupted () : rc; /* 130 SIGINT, 143 SIGTERM */
    }
  fprintf (stderr, "scnfg: unknown command '%s' (see scnfg --help)\n", argv[1]);
  return CLI_EXIT_USAGE;
}
