/* scnfg verify: the main job over a file or a directory of QDIMACS files
 * (orchestrate/verify.c per instance, orchestrate/verifyrun.c over many). */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/pool.h"
#include "orchestrate/verify.h"
#include "orchestrate/verifyrun.h"

const char cmd_verify_summary[] = "verify the construction on QDIMACS instances (both sides, certificates)";

typedef struct args {
  const char *report, *emit;
  long jobs;
  bool quiet;
  verify_opts o;
} args;

static bool parse_cache (const char *v, void *dst, const char **why) {
  (void) why;
  uint64_t u;
  if (!cli_parse_u64 (v, &u) || u > ((uint64_t) 1 << 20)) return false;
  *(size_t *) dst = (size_t) u << 20;
  return true;
}

#define A(field) offsetof (args, field)
static const opt options[] = {
  {.name = "--report", .kind = OPT_STRING, .off = A (report), .arg = "R.xml",
   .help = "XML proof report (schema orchestrate/verify.rng), written atomically"},
  {.name = "--timeout", .kind = OPT_SECONDS, .off = A (o.timeout), .arg = "S", .help = "seconds per side per instance"},
  {.name = "--max-nodes", .kind = OPT_U64, .off = A (o.max_nodes), .arg = "N", .help = "node limit of the game side"},
  {.name = "--max-profile", .kind = OPT_SIZE, .off = A (o.max_profile), .arg = "N",
   .help = "take the certificate from the dense SPE profile when it has at\nmost N entries (default 0: from the policy DAG)"},
  {.name = "--max-dag", .kind = OPT_SIZE, .off = A (o.max_dag), .arg = "N",
   .help = "policy DAG nodes at most (default 2^23; beyond: certificate n/a)"},
  {.name = "-j", .kind = OPT_LONG, .off = A (jobs), .arg = "N", .min = 1, .max = 256, .bad = " (1..256)",
   .help = "instances in parallel (N processes)"},
  {.name = "--no-commitment", .kind = OPT_FLAG, .off = A (o.no_commitment), .help = "skip the SSE and S-CNE columns"},
  {.name = "--no-prune", .kind = OPT_FLAG, .off = A (o.no_prune), .help = "game side without win/lose pruning"},
  {.name = "--cache-mb", .kind = OPT_CUSTOM, .off = A (o.cache_bytes), .arg = "N", .parse = parse_cache,
   .help = "game side residual-state cache (used when no profile is stored;\ndefault 64, 0: off; at most 8 bytes per history)"},
  {.name = "--depqbf-proof", .kind = OPT_FLAG, .off = A (o.depqbf_proof),
   .help = "add a column: DepQBF's QRP trace of the instance, checked (chk_qrp)"},
  {.name = "--cert-dir", .kind = OPT_STRING, .off = A (o.cert_dir), .arg = "DIR",
   .help = "write each valid certificate as DIR/NAME.aag (AIGER; DIR must exist)"},
  {.name = "--emit-jobs", .kind = OPT_STRING, .off = A (emit), .arg = "FILE",
   .help = "write one command per instance to FILE (- stdout) instead of running;\nneeds --report R.xml: the parts go to R.xml.parts/"},
  {.name = "--quiet", .kind = OPT_FLAG, .off = A (quiet), .help = "no progress lines on stderr"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "verify", .sections = sections, .needs = "%s needs a value", .max_pos = 1,
  .extra = "more than one input", .width = 20,
  .usage = "usage: scnfg verify F.qdimacs|DIR [--report R.xml] [--timeout S] [--max-nodes N]\n"
           "                    [--max-profile N] [--max-dag N] [--cache-mb N] [-j N] [--no-prune]\n"
           "                    [--no-commitment] [--depqbf-proof] [--cert-dir DIR] [--quiet]\n"
           "                    [--emit-jobs FILE]\n\n"
           "Per instance: decides the QBF side (clausal-abstraction CEGAR; SSAT: exact DPLL),\n"
           "reduces it to a game and solves the game side (SPE; and pure SSE and S-CNE, whose\n"
           "leader values must agree too), extracts the winner's policy\n"
           "as a Skolem/Herbrand certificate and checks it with PicoSAT, encodes the game back\n"
           "to QBF and decides it again (round trip), and compares. Columns that do not apply\n"
           "(certificate and round trip for SSAT) or hit their own limit read n/a.\n\n",
  .footer = "\nexit: 0 all agree, 1 a disagreement or a failed certificate/round trip (reported),\n"
            "2 bad input, 3 the QBF side or SPE hit a limit, 130/143 interrupted by SIGINT/SIGTERM\n"
            "(the workers are stopped, no report is written).\n",
};

static int write_report (const char *report, const verify_row *rows, size_t n, const verify_opts *o) {
  scnfg_error err;
  error_init (&err);
  afile a;
  if (!afile_open (&a, report, &err)) return cli_report (&err);
  verify_write_report (a.f, rows, n, o);
  return afile_commit (&a, &err) ? CLI_EXIT_OK : cli_report (&err);
}

/* --emit-jobs: the job list, REPORT.parts/, and how to run and merge them. */
static int emit_jobs (const args *x, char **files, size_t n) {
  if (!x->report) return cli_usage_error ("verify", "--emit-jobs needs --report R.xml (the merged report)");
  char self[4096];
  ssize_t sl = readlink ("/proc/self/exe", self, sizeof self - 1);
  if (sl > 0) self[sl] = 0;
  else snprintf (self, sizeof self, "scnfg");
  size_t pl = strlen (x->report) + 8;
  char *parts = mem_alloc (pl);
  snprintf (parts, pl, "%s.parts", x->report);
  if (mkdir (parts, 0777) != 0 && errno != EEXIST) {
    fprintf (stderr, "%s: cannot create: %s\n", parts, strerror (errno));
    return free (parts), CLI_EXIT_USAGE;
  }
  bool out = !strcmp (x->emit, "-");
  FILE *jf = out ? stdout : fopen (x->emit, "w");
  bool ok = jf && verifyrun_emit_jobs (files, n, &x->o, self, parts, jf);
  if (jf && !out) ok = fclose (jf) == 0 && ok;
  if (!ok) fprintf (stderr, "%s: cannot write\n", x->emit);
  else fprintf (out ? stderr : stdout, "jobs written to %s; run: parallel -j2 < %s && %s merge --verify %s %s/*.xml\n",
                x->emit, x->emit, self, x->report, parts);
  free (parts);
  return ok ? CLI_EXIT_OK : CLI_EXIT_USAGE;
}

int cmd_verify (int argc, char **argv) {
  args x = {.jobs = 1};
  verify_opts_init (&x.o);
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if (!r.npos) return cli_usage_error ("verify", "no input file or directory (see --help)");
  const char *input = r.pos[0];
  size_t n;
  char **files = verifyrun_collect (input, &n);
  if (!files) {
    fprintf (stderr, "%s: cannot open directory: %s\n", input, strerror (errno));
    return CLI_EXIT_USAGE;
  }
  if (!n) {
    free (files);
    return cli_usage_error ("verify", "no .qdimacs files in %s", input);
  }
  if (x.emit) {
    rc = emit_jobs (&x, files, n);
    for (size_t i = 0; i < n; i++) free (files[i]);
    return free (files), rc;
  }
  verify_row *rows = mem_calloc (n, sizeof *rows);
  x.o.progress = x.quiet ? NULL : stderr; /* a column over a second */
  verifyrun_all (files, n, &x.o, rows, (int) x.jobs, x.quiet ? NULL : stderr);
  if (pool_interrupted ()) { /* no table, no report: main exits 128 + the signal */
    for (size_t i = 0; i < n; i++) free (files[i]);
    return free (files), free (rows), CLI_EXIT_USAGE;
  }
  verify_print_table (stdout, rows, n);
  rc = verify_status (rows, n);
  for (size_t i = 0; i < n; i++)
    if (rows[i].error) fprintf (stderr, "%s\n", rows[i].note);
  if (x.report) {
    int e = write_report (x.report, rows, n, &x.o);
    if (e) rc = e;
  }
  for (size_t i = 0; i < n; i++) free (files[i]);
  free (files), free (rows);
  return rc;
}
