/* scnfg version: prints the tool version. */
#include <stdio.h>
#include <string.h>

#include "base/version.h"
#include "cli/cli.h"

const char cmd_version_summary[] = "print the version";

int cmd_version (int argc, char **argv) {
  if (argc > 1 && strcmp (argv[1], "--help") != 0) return cli_usage_error ("version", "unexpected argument '%s'", argv[1]);
  printf ("scnfg %s\n", SCNFG_VERSION);
  return CLI_EXIT_OK;
}
