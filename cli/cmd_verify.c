/* scnfg verify: the main job over a file or a directory of QDIMACS files. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/mem.h"
#include "cli/cli.h"
#include "orchestrate/verify.h"

const char cmd_verify_summary[] = "verify the construction on QDIMACS instances (both sides, certificates)";

static void help (void) {
  printf ("usage: scnfg verify F.qdimacs|DIR [--report R.xml] [--timeout S] [--max-nodes N]\n"
          "                    [--max-profile N] [--cache-mb N] [-j N] [--no-prune]\n"
          "                    [--no-commitment] [--quiet]\n\n"
          "Per instance: decides the QBF side (clausal-abstraction CEGAR; SSAT: exact DPLL),\n"
          "reduces it to a game and solves the game side (SPE; and pure SSE and S-CNE, whose\n"
          "leader values must agree too), extracts the winner's policy\n"
          "as a Skolem/Herbrand certificate and checks it with PicoSAT, encodes the game back\n"
          "to QBF and decides it again (round trip), and compares. Columns that do not apply\n"
          "(certificate and round trip for SSAT) or hit their own limit read n/a.\n\n"
          "  --report R.xml    XML proof report (schema orchestrate/verify.rng), written atomically\n"
          "  --timeout S       seconds per side per instance\n"
          "  --max-nodes N     node limit of the game side\n"
          "  --max-profile N   store the SPE profile (for the certificate) up to N entries\n"
          "  -j N              instances in parallel (N processes)\n"
          "  --no-commitment   skip the SSE and S-CNE columns\n"
          "  --no-prune        game side without win/lose pruning\n"
          "  --cache-mb N      game side residual-state cache (used when no profile is stored;\n"
          "                    default 64, 0: off)\n"
          "  --quiet           no progress line on stderr\n\n"
          "exit: 0 all agree, 1 a disagreement or a failed certificate/round trip (reported),\n"
          "2 bad input, 3 the QBF side or SPE hit a limit.\n");
}

static int cmp_str (const void *a, const void *b) { return strcmp (*(char *const *) a, *(char *const *) b); }

/* The instance files: 'path' itself, or DIR's *.qdimacs sorted by name. */
static char **collect (const char *path, size_t *n) {
  struct stat st;
  *n = 0;
  if (stat (path, &st) != 0 || !S_ISDIR (st.st_mode)) {
    char **v = mem_alloc (sizeof *v);
    v[0] = mem_strdup (path);
    *n = 1;
    return v;
  }
  DIR *d = opendir (path);
  if (!d) return NULL;
  char **v = NULL;
  size_t cap = 0;
  struct dirent *e;
  while ((e = readdir (d))) {
    size_t k = strlen (e->d_name);
    if (k < 9 || strcmp (e->d_name + k - 8, ".qdimacs")) continue;
    mem_reserve ((void **) &v, &cap, *n + 1, sizeof *v);
    v[*n] = mem_alloc (strlen (path) + k + 2);
    sprintf (v[(*n)++], "%s/%s", path, e->d_name);
  }
  closedir (d);
  if (*n) qsort (v, *n, sizeof *v, cmp_str);
  return v;
}

/* Runs the instances in up to 'jobs' child processes; each child sends its
 * rows back through a pipe (rows are plain data). */
static void run_parallel (char **files, size_t n, const verify_opts *o, verify_row *rows, int jobs, bool progress) {
  size_t next = 0, done = 0;
  int running = 0;
  struct { pid_t pid; int fd; size_t idx; } *w = mem_calloc ((size_t) jobs, sizeof *w);
  while (done < n) {
    while (running < jobs && next < n) {
      int fds[2];
      if (pipe (fds) != 0) break;
      pid_t pid = fork ();
      if (pid == 0) {
        close (fds[0]);
        verify_row r;
        verify_instance (files[next], o, &r);
        const char *p = (const char *) &r;
        size_t left = sizeof r;
        while (left) {
          ssize_t k = write (fds[1], p, left);
          if (k <= 0) _exit (1);
          p += k, left -= (size_t) k;
        }
        _exit (0);
      }
      close (fds[1]);
      for (int k = 0; k < jobs; k++)
        if (!w[k].pid) {
          w[k].pid = pid, w[k].fd = fds[0], w[k].idx = next;
          break;
        }
      next++, running++;
    }
    int status;
    pid_t pid = wait (&status);
    for (int k = 0; k < jobs; k++)
      if (w[k].pid && w[k].pid == pid) {
        verify_row *r = &rows[w[k].idx];
        char *p = (char *) r;
        size_t got = 0;
        ssize_t m;
        while (got < sizeof *r && (m = read (w[k].fd, p + got, sizeof *r - got)) > 0) got += (size_t) m;
        close (w[k].fd);
        if (got != sizeof *r) { /* the child died: report it, never guess */
          memset (r, 0, sizeof *r);
          snprintf (r->file, sizeof r->file, "%s", files[w[k].idx]);
          r->error = 1;
          snprintf (r->note, sizeof r->note, "%s: the verifying process died (status %d)", files[w[k].idx], status);
        }
        w[k].pid = 0;
        running--, done++;
        if (progress) fprintf (stderr, "\rverify: %zu/%zu instances done", done, n);
      }
  }
  if (progress) fputc ('\n', stderr);
  free (w);
}

int cmd_verify (int argc, char **argv) {
  const char *input = NULL, *report = NULL;
  verify_opts o;
  verify_opts_init (&o);
  long jobs = 1;
  bool quiet = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    uint64_t u;
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) return help (), CLI_EXIT_OK;
    if (!strcmp (a, "--quiet")) quiet = true;
    else if (!strcmp (a, "--no-commitment")) o.no_commitment = true;
    else if (!strcmp (a, "--no-prune")) o.no_prune = true;
    else if (!strcmp (a, "--report") || !strcmp (a, "--timeout") || !strcmp (a, "--max-nodes") ||
             !strcmp (a, "--max-profile") || !strcmp (a, "-j") || !strcmp (a, "--cache-mb")) {
      if (++i == argc) return cli_usage_error ("verify", "%s needs a value", a);
      const char *v = argv[i];
      if (!strcmp (a, "--report")) report = v;
      else if (!strcmp (a, "--timeout")) {
        if (!cli_parse_seconds (v, &o.timeout)) return cli_usage_error ("verify", "bad --timeout '%s'", v);
      } else if (!strcmp (a, "-j")) {
        if (!cli_parse_long (v, &jobs) || jobs < 1 || jobs > 256) return cli_usage_error ("verify", "bad -j '%s' (1..256)", v);
      } else if (!cli_parse_u64 (v, &u)) return cli_usage_error ("verify", "bad %s '%s'", a, v);
      else if (!strcmp (a, "--max-nodes")) o.max_nodes = u;
      else if (!strcmp (a, "--cache-mb")) {
        if (u > ((uint64_t) 1 << 20)) return cli_usage_error ("verify", "bad --cache-mb '%s'", v);
        o.cache_bytes = (size_t) u << 20;
      }
      else o.max_profile = (size_t) u;
    } else if (a[0] == '-' && a[1]) return cli_usage_error ("verify", "unknown option '%s' (see --help)", a);
    else if (input) return cli_usage_error ("verify", "more than one input");
    else input = a;
  }
  if (!input) return cli_usage_error ("verify", "no input file or directory (see --help)");
  size_t n;
  char **files = collect (input, &n);
  if (!files) {
    fprintf (stderr, "%s: cannot open directory: %s\n", input, strerror (errno));
    return CLI_EXIT_USAGE;
  }
  if (!n) {
    fprintf (stderr, "%s: no *.qdimacs files\n", input);
    free (files);
    return CLI_EXIT_USAGE;
  }
  verify_row *rows = mem_calloc (n, sizeof *rows);
  bool progress = !quiet && n > 1 && isatty (2);
  if (jobs > 1 && n > 1) {
    fflush (stdout);
    run_parallel (files, n, &o, rows, (int) jobs, progress);
  } else
    for (size_t i = 0; i < n; i++) {
      verify_instance (files[i], &o, &rows[i]);
      if (progress) fprintf (stderr, "\rverify: %zu/%zu instances done", i + 1, n);
    }
  if (progress && jobs == 1) fputc ('\n', stderr);
  verify_print_table (stdout, rows, n);
  int rc = verify_status (rows, n);
  for (size_t i = 0; i < n; i++)
    if (rows[i].error) fprintf (stderr, "%s\n", rows[i].note);
  if (report) {
    scnfg_error err;
    error_init (&err);
    afile a;
    if (!afile_open (&a, report, &err)) rc = cli_report (&err);
    else {
      verify_write_report (a.f, rows, n, &o);
      if (!afile_commit (&a, &err)) rc = cli_report (&err);
    }
  }
  for (size_t i = 0; i < n; i++) free (files[i]);
  free (files), free (rows);
  return rc;
}
