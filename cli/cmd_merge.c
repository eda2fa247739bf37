/* scnfg merge: joins partial sweep CSVs, partial suite directories, or verify reports (the
 * work is orchestrate/merge.c; this file parses the options). */
#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/merge.h"

const char cmd_merge_summary[] = "join partial sweep CSVs, partial suite directories or verify reports";

typedef struct args {
  const char *csv, *out, *verify;
} args;

static const opt options[] = {
  {.name = "--csv", .kind = OPT_STRING, .off = offsetof (args, csv), .arg = "OUT"},
  {.name = "--out", .kind = OPT_STRING, .off = offsetof (args, out), .arg = "DIR"},
  {.name = "--verify", .kind = OPT_STRING, .off = offsetof (args, verify), .arg = "OUT.xml"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "merge", .sections = sections, .needs = "%s needs a value", .rest = true,
  .usage = "usage: scnfg merge --csv OUT IN.csv...\n"
           "       scnfg merge --out DIR PARTDIR...\n"
           "       scnfg merge --verify OUT.xml REPORT.xml...\n\n"
           "--csv: the rows of every input (same header required) into OUT, sorted field by field\n"
           "(numbers numerically), duplicates removed.\n"
           "--out: the files of partial suites (instances, games, certificates, journal) into DIR,\n"
           "and their index.csv and timing.csv joined the same way; the parts' params and\n"
           "arguments must be identical. The result equals a single run's directory (but\n"
           "timing.csv). exit: 0 merged, 2 bad usage, I/O error or mismatching parts.\n"
           "--verify: the rows of verify reports (the parts of 'verify --emit-jobs'; same timeout)\n"
           "into one report OUT.xml, sorted by file, and their table on stdout; exit as verify\n"
           "(0 all agree, 1 a failure, 2 an unreadable instance or a bad part, 3 a limit).\n",
};

int cmd_merge (int argc, char **argv) {
  args x = {0};
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if ((x.csv != NULL) + (x.out != NULL) + (x.verify != NULL) != 1)
    return cli_usage_error ("merge", "one of --csv OUT, --out DIR or --verify OUT.xml is needed (see --help)");
  if (!r.rest) return cli_usage_error ("merge", "no inputs");
  for (int i = r.rest; i < argc; i++)
    if (argv[i][0] == '-') return cli_usage_error ("merge", "options go before the inputs ('%s')", argv[i]);
  char **in = argv + r.rest;
  int n = argc - r.rest;
  if (x.verify) return merge_verify (x.verify, in, n, stdout, stderr);
  return x.csv ? merge_csv (x.csv, in, n, stderr) : merge_dirs (x.out, in, n, stdout, stderr);
}
