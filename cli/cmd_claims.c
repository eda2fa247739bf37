/* scnfg claims: runs the claims registry (orchestrate/claims.h) on seeded
 * instance families and prints the table; exit 1 only on an unexpected
 * failure. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "orchestrate/claims.h"

const char cmd_claims_summary[] = "check the claims registry on seeded instance families";

static void usage (FILE *f) {
  fprintf (f,
           "usage: scnfg claims [--claim NAME] [--family F] [--count N] [--seed S] [--csv OUT]\n"
           "                    [--cex-dir DIR] [--list]\n"
           "\n"
           "  --claim NAME   run only this claim (default: all)\n"
           "  --family F     run only this family (default: every family the claim applies to)\n"
           "  --count N      instances per (claim, family) within the claim's scope (default 30)\n"
           "  --seed S       instance j of a family uses seed S + j (default 1)\n"
           "  --csv OUT      also write the table as CSV (atomically)\n"
           "  --cex-dir DIR  write the smallest counterexample of each failing row there\n"
           "                 as CLAIM-FAMILY.xml or .qdimacs (default: the current directory)\n"
           "  --no-cex       do not write counterexample files\n"
           "  --list         list the claims (scope, families, expected status) and families\n"
           "\n"
           "Exit: 0 every claim held where expected (expected counterexamples allowed),\n"
           "1 an unexpected failure, 2 usage or write error.\n");
}

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
  claims_options o;
  claims_options_init (&o);
  const char *only = NULL, *fam = NULL, *csv = NULL, *dir = ".";
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) {
      usage (stdout);
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--list")) {
      list ();
      return CLI_EXIT_OK;
    } else if (!strcmp (a, "--no-cex")) {
      dir = NULL;
    } else if (!strcmp (a, "--claim") || !strcmp (a, "--family") || !strcmp (a, "--count") || !strcmp (a, "--seed") ||
               !strcmp (a, "--csv") || !strcmp (a, "--cex-dir")) {
      if (i + 1 >= argc) return cli_usage_error (argv[0], "option %s needs a value", a);
      const char *v = argv[++i];
      uint64_t u = 0;
      if (!strcmp (a, "--claim")) only = v;
      else if (!strcmp (a, "--family")) fam = v;
      else if (!strcmp (a, "--csv")) csv = v;
      else if (!strcmp (a, "--cex-dir")) dir = v;
      else if (!cli_parse_u64 (v, &u)) return cli_usage_error (argv[0], "bad %s '%s'", a, v);
      else if (!strcmp (a, "--seed")) o.seed = u;
      else if (u < 1 || u > 100000) return cli_usage_error (argv[0], "--count %s is out of range (1..100000)", v);
      else o.count = (unsigned) u;
    } else {
      return cli_usage_error (argv[0], "unexpected argument '%s'", a);
    }
  }
  const claims_claim *one = NULL;
  if (only && !(one = claims_find (only))) return cli_usage_error (argv[0], "unknown claim '%s' (see --list)", only);
  claims_family ff = CLAIMS_NFAM;
  if (fam && !claims_family_parse (fam, &ff)) return cli_usage_error (argv[0], "unknown family '%s' (see --list)", fam);
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
  if (csv) fprintf (out.f, "claim,family,expected,instances,held,failed,expected_cex,skipped,seconds,cex_seed,cex_size,cex_file,note\n");
  printf ("%-19s %-13s %-12s %9s %5s %6s %12s %7s %8s\n", "claim", "family", "expected", "instances", "held", "failed",
          "expected-cex", "skipped", "seconds");
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
      if (!c->expect[f]) continue;
      claims_row r;
      if (!claims_run (c, (claims_family) f, &o, &r, &err)) status = cli_report (&err), error_init (&err);
      rows++;
      printf ("%-19s %-13s %-12s %9u %5u %6u %12u %7u %8.2f\n", c->name, claims_family_name ((claims_family) f),
              expect_name (r.expect), r.instances, r.held, r.failed, r.expected_cex, r.skipped, r.seconds);
      if (r.has_cex)
        printf ("  %s: seed %llu, shrunk from size %zu to %zu%s%s\n    %s\n",
                r.failed ? "UNEXPECTED FAILURE" : "smallest expected counterexample", (unsigned long long) r.cex_seed,
                r.cex_size_before, r.cex_size, r.cex_file[0] ? ", written to " : "", r.cex_file, r.cex_note);
      if (r.failed && status == CLI_EXIT_OK) status = CLI_EXIT_FAIL;
      if (csv) {
        fprintf (out.f, "%s,%s,%s,%u,%u,%u,%u,%u,%.3f,", c->name, claims_family_name ((claims_family) f),
                 expect_name (r.expect), r.instances, r.held, r.failed, r.expected_cex, r.skipped, r.seconds);
        if (r.has_cex) fprintf (out.f, "%llu,%zu,%s,\"", (unsigned long long) r.cex_seed, r.cex_size, r.cex_file);
        else fprintf (out.f, ",,,\"");
        for (const char *p = r.cex_note; *p; p++) fputc (*p == '"' ? '\'' : *p, out.f);
        fprintf (out.f, "\"\n");
      }
    }
  }
  if (fam && one && !rows) {
    if (csv) afile_abort (&out);
    return cli_usage_error (argv[0], "claim %s does not apply to family %s", one->name, fam);
  }
  if (csv && !afile_commit (&out, &err)) return cli_report (&err);
  return status;
}
