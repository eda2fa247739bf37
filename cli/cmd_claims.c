/* scnfg claims: runs the claims registry (orchestrate/claims.h) on seeded
 * instance families and prints the table; exit 1 only on an unexpected
 * failure. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/claims.h"

const char cmd_claims_summary[] = "check the claims registry on seeded instance families";

typedef struct args {
  claims_options o;
  const char *only, *fam, *csv, *dir;
  bool no_cex, list, generic;
} args;

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--claim", .kind = OPT_STRING, .off = A (only), .arg = "NAME", .help = "run only this claim (default: all)"},
  {.name = "--family", .kind = OPT_STRING, .off = A (fam), .arg = "F",
   .help = "run only this family (default: every family the claim applies to)"},
  {.name = "--count", .kind = OPT_UNSIGNED, .off = A (o.count), .arg = "N", .min = 1, .max = 100000,
   .range = " (1..100000)", .help = "instances per (claim, family) within the claim's scope (default 30)"},
  {.name = "--seed", .kind = OPT_U64, .off = A (o.seed), .arg = "S", .help = "instance j of a family uses seed S + j (default 1)"},
  {.name = "--csv", .kind = OPT_STRING, .off = A (csv), .arg = "OUT", .help = "also write the table as CSV (atomically)"},
  {.name = "--cex-dir", .kind = OPT_STRING, .off = A (dir), .arg = "DIR",
   .help = "write the smallest counterexample of each failing row there as\n"
           "CLAIM-FAMILY[-CLASS].xml or .qdimacs (default: write none)"},
  {.name = "--no-cex", .kind = OPT_FLAG, .off = A (no_cex), .help = "do not write counterexample files (the default)"},
  {.name = "--generic", .kind = OPT_FLAG, .off = A (generic),
   .help = "generic payoffs: no player indifferent at any information set (instances\n"
           "failing the check are redrawn); only the random-game families"},
  {.name = "--list", .kind = OPT_FLAG, .off = A (list),
   .help = "list the claims (scope, families, expected status) and families"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .sections = sections, .unknown = "unexpected argument '%s'", .width = 17,
  .usage = "usage: scnfg claims [--claim NAME] [--family F] [--count N] [--seed S] [--csv OUT]\n"
           "                    [--cex-dir DIR] [--generic] [--list]\n"
           "\n",
  .footer = "\n"
            "Exit: 0 every claim held where expected (expected counterexamples allowed),\n"
            "1 an unexpected failure, 2 usage or write error. Counterexamples of regression,\n"
            "satisficing-eps0 and robust-eps0 are classified over the claim's tie-breaks: generic\n"
            "(the leader's reward differs under each), tie artefact (it holds under one), other.\n",
};

static const char *expect_name (int e) { return e == CLAIMS_HOLDS ? "held" : e == CLAIMS_CEX ? "expected-cex" : "-"; }

static void list (void) {
  for (size_t i = 0; i < claims_count (); i++) {
    const claims_claim *c = claims_get (i);
    printf ("%s\n  claim: %s\n  scope: %s\n", c->name, c->statement, c->scope);
    if (c->unavailable) printf ("  status: not available (%s)\n", c->unavailable);
    else {
      printf ("  families:");
      for (unsigned f = 0; f < CLAIMS_NFAM; f++)
        if (c->expect[f]) printf (" %s (%s)", claims_family_name ((claims_family) f), expect_name (c->expect[f]));
      printf ("\n");
    }
  }
  printf ("\nfamilies:\n");
  for (unsigned f = 0; f < CLAIMS_NFAM; f++)
    printf ("  %-13s %s\n", claims_family_name ((claims_family) f), claims_family_describe ((claims_family) f));
}

int cmd_claims (int argc, char **argv) {
  args x = {.dir = NULL};
  claims_options_init (&x.o);
  opt_result res;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &res, &rc)) return rc;
  if (x.list) return list (), CLI_EXIT_OK;
  claims_options o = x.o;
  const char *only = x.only, *fam = x.fam, *csv = x.csv, *dir = x.no_cex ? NULL : x.dir;
  const claims_claim *one = NULL;
  if (only && !(one = claims_find (only))) return cli_usage_error (argv[0], "unknown claim '%s' (see --list)", only);
  claims_family ff = CLAIMS_NFAM;
  if (fam && !claims_family_parse (fam, &ff)) return cli_usage_error (argv[0], "unknown family '%s' (see --list)", fam);
  if (fam && x.generic && !claims_family_generic (ff))
    return cli_usage_error (argv[0], "family %s has no generic variant (--generic: random-game families only)", fam);
  o.generic = x.generic;
  if (dir) {
    struct stat st;
    if (stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
      return cli_usage_error (argv[0], "--cex-dir %s is not a directory", dir);
  }
  o.cex_dir = dir;
  afile out;
  scnfg_error err;
  error_init (&err);
  if (csv && !afile_open (&out, csv, &err)) return cli_report (&err);
  if (csv)
    fprintf (out.f, "claim,family,expected,instances,held,failed,expected_cex,skipped,seconds,generic,tie_artefact,"
                    "other,redraws,cex_seed,cex_size,cex_class,cex_file,note\n");
  printf ("%-19s %-13s %-12s %9s %5s %6s %12s %7s %7s %5s %5s %8s\n", "claim", "family", "expected", "instances", "held",
          "failed", "expected-cex", "skipped", "generic", "tie", "other", "seconds");
  unsigned redraws = 0;
  int status = CLI_EXIT_OK;
  unsigned rows = 0;
  for (size_t i = 0; i < claims_count (); i++) {
    const claims_claim *c = claims_get (i);
    if (one && c != one) continue;
    if (c->unavailable) {
      if (!fam) printf ("%-19s %-13s not available: %s\n", c->name, "-", c->unavailable);
      if (csv && !fam) fprintf (out.f, "%s,-,not-available,0,0,0,0,0,0,,,,\"%s\"\n", c->name, c->unavailable);
      continue;
    }
    for (unsigned f = 0; f < CLAIMS_NFAM; f++) {
      if (fam && f != (unsigned) ff) continue;
      if (!c->expect[f] || (x.generic && !claims_family_generic ((claims_family) f))) continue;
      claims_row r;
      if (!claims_run (c, (claims_family) f, &o, &r, &err)) status = cli_report (&err), error_init (&err);
      rows++, redraws += r.redraws;
      printf ("%-19s %-13s %-12s %9u %5u %6u %12u %7u %7u %5u %5u %8.2f\n", c->name,
              claims_family_name ((claims_family) f), expect_name (r.expect), r.instances, r.held, r.failed,
              r.expected_cex, r.skipped, r.cls[CLAIMS_CLASS_GENERIC], r.cls[CLAIMS_CLASS_TIE],
              r.cls[CLAIMS_CLASS_OTHER], r.seconds);
      bool only_ties = r.cls[CLAIMS_CLASS_TIE] && !r.cls[CLAIMS_CLASS_GENERIC] && !r.cls[CLAIMS_CLASS_OTHER];
      if (r.has_cex)
        printf ("  %s%s%s: seed %llu, shrunk from size %zu to %zu%s%s\n    %s\n",
                r.failed ? "UNEXPECTED FAILURE" : "smallest expected counterexample", r.cex_class ? ", " : "",
                claims_class_name (r.cex_class), (unsigned long long) r.cex_seed, r.cex_size_before, r.cex_size,
                r.cex_file[0] ? ", written to " : "", r.cex_file, r.cex_note);
      if (only_ties) printf ("  only tie artefacts: every counterexample vanishes under some tie-break\n");
      if (r.failed && status == CLI_EXIT_OK) status = CLI_EXIT_FAIL;
      if (csv) {
        fprintf (out.f, "%s,%s,%s,%u,%u,%u,%u,%u,%.3f,%u,%u,%u,%u,", c->name, claims_family_name ((claims_family) f),
                 expect_name (r.expect), r.instances, r.held, r.failed, r.expected_cex, r.skipped, r.seconds,
                 r.cls[CLAIMS_CLASS_GENERIC], r.cls[CLAIMS_CLASS_TIE], r.cls[CLAIMS_CLASS_OTHER], r.redraws);
        if (r.has_cex)
          fprintf (out.f, "%llu,%zu,%s,%s,\"", (unsigned long long) r.cex_seed, r.cex_size, claims_class_name (r.cex_class),
                   r.cex_file);
        else fprintf (out.f, ",,,,\"");
        for (const char *p = r.cex_note; *p; p++) fputc (*p == '"' ? '\'' : *p, out.f);
        fprintf (out.f, "%s\"\n", only_ties ? "; only tie artefacts" : "");
      }
    }
  }
  if (fam && one && !rows) {
    if (csv) afile_abort (&out);
    return cli_usage_error (argv[0], "claim %s does not apply to family %s", one->name, fam);
  }
  if (x.generic) printf ("generic payoffs (instances/generic.h): %u seeds redrawn\n", redraws);
  if (csv && !afile_commit (&out, &err)) return cli_report (&err);
  return status;
}
