/* suite: certified benchmark suites (see suite.h). An orchestrator: it calls
 * the generators, verify (both sides, the certificate checker, the round
 * trip) and depqbf as the second decider where the game side does not fit. */
#include "orchestrate/suite.h"

#include <dirent.h>
#include <errno.h>
#include <gmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <fcntl.h>
#include <unistd.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/prng.h"
#include "base/require.h"
#include "instances/qbffam.h"
#include "instances/qbfgen.h"
#include "orchestrate/pool.h"
#include "orchestrate/verify.h"
#include "reductions/qbf2game.h"
#include "solver/model/export.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/game/solve.h"
#include "solver/qbf/cegar.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/ssat.h"

static const char *const family_names[SUITE_NFAMILIES] = {"random", "ssat", "chen-interian", "kbkf",
                                                          "qparity", "cr", "equality"};

static const char index_header[] =
    "file,family,size,attempt,seed,generator,vars,clauses,literals,game_vars,game_entries,answer,deciders,"
    "game_leaves,certificate,cert_gates,round_trip,efg";
static const char timing_header[] = "file,qbf_seconds,game_seconds,depqbf_seconds,cert_seconds,roundtrip_seconds";

const char *suite_index_header (void) { return index_header; }
const char *suite_timing_header (void) { return timing_header; }

const char *suite_family_name (int fam) { return fam >= 0 && fam < SUITE_NFAMILIES ? family_names[fam] : "?"; }

int suite_family_lookup (const char *name) {
  for (int i = 0; i < SUITE_NFAMILIES; i++)
    if (!strcmp (name, family_names[i])) return i;
  return -1;
}

bool suite_family_seeded (int fam) { return fam == SUITE_RANDOM || fam == SUITE_SSAT || fam == SUITE_CI; }

/* random: 180 clauses on 20 variables (gen's default, ~50% true);
 * chen-interian: 290 on 50 (its ~50% point, docs/generators.md "Where the random defaults sit"). */
unsigned suite_default_ratio (int fam) { return fam == SUITE_CI ? 5800 : 9000; }

bool suite_parse_ratio (const char *s, unsigned *milli) {
  unsigned long v = 0;
  int frac = -1;
  if (!*s) return false;
  for (const char *p = s; *p; p++) {
    if (*p == '.' && frac < 0 && p != s && p[1]) frac = 0;
    else if (*p >= '0' && *p <= '9') {
      if (frac >= 3) return false;
      v = v * 10 + (unsigned long) (*p - '0');
      if (frac >= 0) frac++;
      if (v > 1000000000ul) return false;
    } else
      return false;
  }
  for (int k = frac < 0 ? 0 : frac; k < 3; k++) v *= 10;
  if (v == 0 || v > 1000000ul) return false;
  *milli = (unsigned) v;
  return true;
}

void suite_print_ratio (char *buf, size_t size, unsigned milli) {
  int n = snprintf (buf, size, "%u.%03u", milli / 1000, milli % 1000);
  while (n > 0 && (size_t) n < size && buf[n - 1] == '0') buf[--n] = 0;
  if (n > 0 && (size_t) n < size && buf[n - 1] == '.') buf[--n] = 0;
}

static uint64_t mix (uint64_t x) {
  prng r;
  prng_seed (&r, x);
  return prng_next (&r);
}

uint64_t suite_seed (uint64_t base, int fam, unsigned size, unsigned attempt) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a of the family name: stable across enum changes */
  for (const char *p = suite_family_name (fam); *p; p++) h = (h ^ (unsigned char) *p) * 1099511628211ull;
  return mix (mix (mix (base) ^ h) ^ ((uint64_t) size << 32 | attempt));
}

void suite_name (char *buf, size_t size, int fam, unsigned n, unsigned attempt) {
  snprintf (buf, size, "%s-n%03u-a%03u", suite_family_name (fam), n, attempt);
}

qbf *suite_formula (int fam, unsigned n, unsigned ratio_milli, uint64_t seed, char *comment, size_t comment_size,
                    const char **why) {
  *why = NULL;
  if (!suite_family_seeded (fam)) {
    qbf *f = qbffam_crafted (suite_family_name (fam), n);
    if (!f) *why = "size out of the family's range";
    else snprintf (comment, comment_size, "c scnfg gen %s --n %u\n", suite_family_name (fam), n);
    return f;
  }
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  if (fam == SUITE_CI) {
    unsigned a = (2 * n + 2) / 5;
    p.nblocks = 2, p.first_forall = true;
    p.block_vars[0] = a, p.block_vars[1] = n - a;
    p.block_lits[0] = 2, p.block_lits[1] = 3;
  } else {
    unsigned a = n / 4;
    p.nblocks = 3, p.first_forall = false;
    p.block_vars[0] = p.block_vars[1] = a, p.block_vars[2] = n - 2 * a;
    p.block_lits[0] = p.block_lits[1] = 1, p.block_lits[2] = 3;
    p.random_blocks = fam == SUITE_SSAT;
  }
  p.nclauses = (unsigned) (((uint64_t) ratio_milli * n + 500) / 1000);
  if (n > QBFGEN_MAX_VARS || n < 2 || !qbfgen_random_check (&p, why)) {
    if (!*why) *why = "size out of the family's range";
    return NULL;
  }
  qbf *f = qbfgen_random_formula (&p, seed);
  if (!f) {
    *why = "size out of the family's range";
    return NULL;
  }
  FILE *m = fmemopen (comment, comment_size, "w");
  INVARIANT (m != NULL, "cannot open a memory stream");
  qbffam_comment (m, suite_family_name (fam), &p, seed);
  fclose (m);
  return f;
}

/* depqbf in the pool's child: stdin, stdout and stderr to /dev/null. */
static int exec_depqbf (void *ctx, size_t job, void *result) {
  const char *const *argv = ctx;
  (void) job, (void) result;
  int fd = open ("/dev/null", O_RDWR);
  if (fd >= 0) dup2 (fd, 0), dup2 (fd, 1), dup2 (fd, 2);
  execlp (argv[0], argv[0], argv[1], (char *) NULL);
  return 127;
}

/* Runs depqbf on file; 10/20 its answer, 0 timed out, -1 otherwise. */
static int depqbf (const char *prog, const char *file, double timeout, pool_outcome *o) {
  const char *argv[2] = {prog, file};
  if (!pool_run1 (exec_depqbf, (void *) argv, 0, timeout, NULL, o)) return -1;
  if (o->timed_out) return 0;
  return o->exited && (o->code == 10 || o->code == 20) ? o->code : -1;
}

int suite_run_depqbf (const char *prog, const char *file, double timeout, double *seconds) {
  pool_outcome o;
  int r = depqbf (prog, file, timeout, &o);
  *seconds = o.seconds;
  return r;
}

void suite_opts_init (suite_opts *o) {
  memset (o, 0, sizeof *o);
  o->qbf_max_nodes = 100000;
  o->game_max_nodes = 2000000;
  o->max_profile = (size_t) 1 << 20;
  o->efg_max_nodes = 20000;
  o->depqbf_timeout = 300;
  o->depqbf = "depqbf";
}

static char *path_of (const char *dir, const char *sub, const char *name, const char *ext) {
  size_t n = strlen (dir) + strlen (sub) + strlen (name) + strlen (ext) + 4;
  char *p = mem_alloc (n);
  snprintf (p, n, "%s/%s/%s%s", dir, sub, name, ext);
  return p;
}

bool suite_write_text (const char *path, const char *text) {
  scnfg_error err;
  error_init (&err);
  afile a;
  if (!afile_open (&a, path, &err)) return false;
  if (fputs (text, a.f) < 0) return afile_abort (&a), false;
  return afile_commit (&a, &err);
}

static bool file_exists (const char *p) {
  struct stat st;
  return stat (p, &st) == 0;
}

/* CSV field: quoted when it holds a comma, quote or space. */
static void csv_field (FILE *m, const char *s) {
  if (!strpbrk (s, ", \"")) {
    fputs (s, m);
    return;
  }
  fputc ('"', m);
  for (; *s; s++) {
    if (*s == '"') fputc ('"', m);
    fputc (*s, m);
  }
  fputc ('"', m);
}

/* The keep/drop decision on a verified candidate: depqbf as the second
 * decider where the game side hit its limit. Returns 0 (*drop or *deciders
 * set) or an error outcome with 'note' filled. */
static int decide (const char *name, const verify_row *row, const char *work, const suite_opts *o, const char **drop,
                   const char **deciders, double *dq_seconds, char *note, size_t note_size) {
  if (row->agree == VERIFY_FAIL || row->cert_state == VERIFY_FAIL || row->rt_state == VERIFY_FAIL) {
    snprintf (note, note_size, "%s: %s", name, row->note);
    return SUITE_ERR_FAIL;
  }
  if (row->qbf_state != VERIFY_OK) *drop = "the QBF side hit its node limit";
  else if (row->game_state == VERIFY_OK) return 0;
  else if (row->ssat) *drop = "the game side hit its node limit (no second decider for SSAT)";
  else {
    int r = suite_run_depqbf (o->depqbf, work, o->depqbf_timeout, dq_seconds);
    if (r == 0) {
      snprintf (note, note_size, "%s: depqbf timed out after %g s (an error, not a drop: raise --depqbf-timeout)",
                name, o->depqbf_timeout);
      return SUITE_ERR_TIMEOUT;
    }
    if (r < 0) {
      snprintf (note, note_size, "%s: depqbf (%s) failed to run or to answer", name, o->depqbf);
      return SUITE_ERR_IO;
    }
    if ((r == 10) != !strcmp (row->qbf_value, "1")) {
      snprintf (note, note_size, "%s: disagreement: QBF side %s, depqbf %s", name, row->qbf_value,
                r == 10 ? "true" : "false");
      return SUITE_ERR_FAIL;
    }
    *deciders = "qbf+depqbf";
  }
  return 0;
}

/* Writes games/NAME.xml and (up to the export limit) games/NAME.efg of the
 * reduction of f; *efg says whether the .efg was written. False: a file error. */
static bool write_game_files (const qbf *f, const char *gxml, const char *gefg, size_t efg_max, bool *efg,
                              scnfg_error *err) {
  game *g = qbf2game_reduce (f, NULL);
  bool ok = gamexml_write_file (g, gxml, err);
  afile a;
  *efg = false;
  if (ok && afile_open (&a, gefg, err)) {
    scnfg_error e2;
    error_init (&e2);
    *efg = export_efg (a.f, g, efg_max, &e2);
    if (*efg) ok = afile_commit (&a, err);
    else {
      afile_abort (&a);
      unlink (gefg);
      if (e2.code != ERROR_LIMIT) ok = false;
    }
  } else
    ok = false;
  game_free (g);
  return ok;
}

/* The record of a kept candidate: its files and its index.csv row. */
static void kept_record (FILE *m, const verify_row *row, const char *name, int fam, unsigned n, unsigned attempt,
                         uint64_t s, const char *comment, const char *deciders, bool efg, bool cert) {
  const char *answer = row->ssat ? row->qbf_value : !strcmp (row->qbf_value, "1") ? "true" : "false";
  fprintf (m, "kept\nfiles instances/%s.qdimacs games/%s.xml", name, name);
  if (efg) fprintf (m, " games/%s.efg", name);
  if (cert) fprintf (m, " certificates/%s.xml", name);
  fputc ('\n', m);
  char gen[600];
  snprintf (gen, sizeof gen, "%s", comment + 2);
  gen[strcspn (gen, "\n")] = 0;
  fprintf (m, "instances/%s.qdimacs,%s,%u,%u,%llu,", name, suite_family_name (fam), n, attempt,
           (unsigned long long) s);
  csv_field (m, gen);
  char leaves[32];
  if (row->game_state == VERIFY_OK) snprintf (leaves, sizeof leaves, "%llu", (unsigned long long) row->game_leaves);
  else snprintf (leaves, sizeof leaves, "limit");
  fprintf (m, ",%lu,%lu,%lu,%lu,%lu,%s,%s,%s,%s,%lu,%s,%s\n", row->fvars, row->fclauses, row->flits, row->gvars,
           row->gentries, answer, deciders, leaves, cert ? row->cert_kind : "n/a", cert ? row->cert_gates : 0ul,
           row->rt_state == VERIFY_OK ? "same" : row->rt_state == VERIFY_LIMIT ? "limit" : "n/a", efg ? "yes" : "no");
}

int suite_evaluate (const char *dir, int fam, unsigned n, unsigned ratio_milli, unsigned attempt, uint64_t seed,
                    const suite_opts *o, char *note, size_t note_size) {
  char name[96], comment[600];
  suite_name (name, sizeof name, fam, n, attempt);
  note[0] = 0;
  const char *why;
  uint64_t s = suite_family_seeded (fam) ? suite_seed (seed, fam, n, attempt) : 0;
  qbf *f = suite_formula (fam, n, ratio_milli, s, comment, sizeof comment, &why);
  if (!f) {
    snprintf (note, note_size, "%s: %s", name, why);
    return SUITE_ERR_IO;
  }
  char *work = path_of (dir, ".journal", name, ".qdimacs");
  char *wcert = path_of (dir, ".journal", name, ".cert.xml");
  char *inst = path_of (dir, "instances", name, ".qdimacs");
  char *gxml = path_of (dir, "games", name, ".xml");
  char *gefg = path_of (dir, "games", name, ".efg");
  char *cpath = path_of (dir, "certificates", name, ".xml");
  char *rec = path_of (dir, ".journal", name, "");
  int outcome = SUITE_ERR_IO;
  scnfg_error err;
  error_init (&err);
  afile a;
  verify_row *row = mem_calloc (1, sizeof *row);
  char *text = NULL;
  size_t textlen = 0;

  if (!afile_open (&a, work, &err)) goto io;
  fputs (comment, a.f);
  if (!qdimacs_write (a.f, f)) {
    afile_abort (&a);
    goto io;
  }
  if (!afile_commit (&a, &err)) goto io;
  unlink (wcert);

  verify_opts vo;
  verify_opts_init (&vo);
  vo.qbf_max_nodes = o->qbf_max_nodes;
  vo.max_nodes = o->game_max_nodes;
  vo.max_profile = o->max_profile;
  vo.cert_path = wcert;
  vo.no_commitment = true; /* the game side's decider is SPE; SSE/S-CNE are verify's extra columns */
  verify_instance (work, &vo, row);

  const char *drop = NULL, *deciders = "qbf+game";
  double dq_seconds = 0;
  if (row->error) {
    snprintf (note, note_size, "%s: %s", name, row->note);
    goto io;
  }
  outcome = decide (name, row, work, o, &drop, &deciders, &dq_seconds, note, note_size);
  if (outcome) goto out;

  FILE *m = open_memstream (&text, &textlen);
  INVARIANT (m != NULL, "cannot open a memory stream");
  if (drop) {
    fprintf (m, "dropped\n%s\n", drop);
    outcome = SUITE_DROPPED;
  } else {
    bool efg, cert = row->cert_state == VERIFY_OK;
    bool ok = write_game_files (f, gxml, gefg, o->efg_max_nodes, &efg, &err);
    if (ok && cert) ok = rename (wcert, cpath) == 0;
    else if (ok) unlink (cpath);
    if (ok) ok = rename (work, inst) == 0;
    if (!ok) {
      fclose (m);
      goto io;
    }
    kept_record (m, row, name, fam, n, attempt, s, comment, deciders, efg, cert);
    outcome = SUITE_KEPT;
  }
  fclose (m);
  /* the times go beside the record (NAME.time), so that the record itself is reproducible */
  char trow[512];
  snprintf (trow, sizeof trow, "instances/%s.qdimacs,%.6f,%.6f,%.6f,%.6f,%.6f\n", name, row->qbf_seconds,
            row->game_seconds, dq_seconds, row->cert_seconds, row->rt_seconds);
  char *tpath = path_of (dir, ".journal", name, ".time");
  bool tok = suite_write_text (tpath, trow);
  free (tpath);
  if (!tok || !suite_write_text (rec, text)) {
    outcome = SUITE_ERR_IO;
    snprintf (note, note_size, "%s: cannot write the journal record", name);
  }
  goto out;
io:
  if (!note[0]) snprintf (note, note_size, "%s: %s", name, err.code ? err.msg : "file error");
  outcome = SUITE_ERR_IO;
out:
  if (outcome != SUITE_KEPT) unlink (work), unlink (wcert);
  free (text);
  free (row);
  qbf_free (f);
  free (work), free (wcert), free (inst), free (gxml), free (gefg), free (cpath), free (rec);
  return outcome;
}

char *suite_read_text (const char *path) {
  FILE *f = fopen (path, "r");
  if (!f) return NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream (&buf, &len);
  INVARIANT (m != NULL, "cannot open a memory stream");
  char chunk[4096];
  size_t k;
  while ((k = fread (chunk, 1, sizeof chunk, f)) > 0) fwrite (chunk, 1, k, m);
  fclose (f);
  fclose (m);
  return buf;
}

/* Line i (0-based) of text into buf; false if absent. */
static bool line_of (const char *text, int i, char *buf, size_t size) {
  const char *p = text;
  for (; i > 0 && p; i--) {
    p = strchr (p, '\n');
    if (p) p++;
  }
  if (!p || !*p) return false;
  size_t k = strcspn (p, "\n");
  if (k >= size) return false;
  memcpy (buf, p, k), buf[k] = 0;
  return true;
}

int suite_journal_read (const char *dir, const char *name, char *index_row, size_t isz, char *timing_row,
                        size_t tsz) {
  char *rec = path_of (dir, ".journal", name, "");
  char *text = suite_read_text (rec);
  free (rec);
  if (!text) return 0;
  char first[32];
  int r = 0;
  if (!line_of (text, 0, first, sizeof first)) r = 0;
  else if (!strcmp (first, "dropped")) r = SUITE_DROPPED;
  else if (!strcmp (first, "kept") || !strcmp (first, "surplus")) {
    char files[1024], irow[2048];
    if (line_of (text, 1, files, sizeof files) && line_of (text, 2, irow, sizeof irow) &&
        !strncmp (files, "files ", 6)) {
      r = first[0] == 'k' ? SUITE_KEPT : SUITE_SURPLUS;
      if (r == SUITE_KEPT) /* every output file must still be there */
        for (char *tok = strtok (files + 6, " "); tok && r; tok = strtok (NULL, " ")) {
          size_t n = strlen (dir) + strlen (tok) + 2;
          char *p = mem_alloc (n);
          snprintf (p, n, "%s/%s", dir, tok);
          if (!file_exists (p)) r = 0;
          free (p);
        }
      if (r && index_row) snprintf (index_row, isz, "%s", irow);
    }
  }
  free (text);
  if (r && timing_row) {
    char *tp = path_of (dir, ".journal", name, ".time");
    char *t = suite_read_text (tp);
    free (tp);
    if (!t || !line_of (t, 0, timing_row, tsz)) timing_row[0] = 0;
    free (t);
  }
  return r;
}

void suite_journal_drop_times (const char *dir, const char *name) {
  char *tp = path_of (dir, ".journal", name, ".time");
  unlink (tp);
  free (tp);
}

static void remove_named (const char *dir, const char *sub, const char *name, const char *ext) {
  char *p = path_of (dir, sub, name, ext);
  unlink (p);
  free (p);
}

void suite_discard (const char *dir, const char *name) {
  char *rec = path_of (dir, ".journal", name, "");
  char *text = suite_read_text (rec);
  if (text && !strncmp (text, "kept\n", 5)) {
    size_t n = strlen (text) + 4;
    char *t2 = mem_alloc (n);
    snprintf (t2, n, "surplus\n%s", text + 5);
    suite_write_text (rec, t2);
    free (t2);
  }
  free (text), free (rec);
  remove_named (dir, "instances", name, ".qdimacs");
  remove_named (dir, "games", name, ".xml");
  remove_named (dir, "games", name, ".efg");
  remove_named (dir, "certificates", name, ".xml");
}

/* Removes NAME.tmpXXXXXX files (afile's) left by an interrupted run. */
static void clean_tmp (const char *d) {
  DIR *h = opendir (d);
  if (!h) return;
  struct dirent *e;
  while ((e = readdir (h))) {
    const char *t = strstr (e->d_name, ".tmp");
    if (!t || strlen (t) != 10) continue;
    size_t n = strlen (d) + strlen (e->d_name) + 2;
    char *p = mem_alloc (n);
    snprintf (p, n, "%s/%s", d, e->d_name);
    unlink (p);
    free (p);
  }
  closedir (h);
}

bool suite_prepare_dir (const char *dir, char *note, size_t note_size) {
  static const char *const subs[] = {"", "/instances", "/games", "/certificates", "/.journal"};
  for (size_t i = 0; i < sizeof subs / sizeof *subs; i++) {
    size_t n = strlen (dir) + strlen (subs[i]) + 1;
    char *p = mem_alloc (n);
    snprintf (p, n, "%s%s", dir, subs[i]);
    if (mkdir (p, 0777) != 0 && errno != EEXIST) {
      snprintf (note, note_size, "%s: cannot create directory: %s", p, strerror (errno));
      free (p);
      return false;
    }
    clean_tmp (p);
    free (p);
  }
  return true;
}

/* The measured side, run in the child. */
static void child_side (char side, const qbf *f, const suite_opts *o, suite_measure *m) {
  scnfg_limits lim;
  limits_init (&lim);
  double t0 = limits_now ();
  if (side == 'q') {
    lim.max_nodes = o->qbf_max_nodes;
    limits_start (&lim);
    if (qbf_is_stochastic (f)) {
      mpq_t v, half;
      mpq_inits (v, half, NULL);
      mpq_set_ui (half, 1, 2);
      m->answer = ssat_solve (v, f, &lim, SSAT_DEFAULT_CACHE, NULL) ? (mpq_cmp (v, half) >= 0 ? 10 : 20) : 0;
      mpq_clears (v, half, NULL);
    } else
      m->answer = cegar_solve (f, &lim, NULL, NULL, NULL);
  } else {
    game *g = qbf2game_reduce (f, NULL);
    game_options so;
    game_options_init (&so);
    so.limits.max_nodes = o->game_max_nodes;
    so.max_profile = 0;
    so.max_outcomes = 0;
    game_answer ans;
    scnfg_error err;
    error_init (&err);
    m->answer = 0;
    if (game_solve (g, GAME_CONCEPT_SPE, &so, &ans, &err) && ans.sol.status == GAME_SOLVED) {
      mpq_t half;
      mpq_init (half);
      mpq_set_ui (half, 1, 2);
      m->answer = mpq_cmp (ans.sol.reward[g->leader], half) >= 0 ? 10 : 20;
      mpq_clear (half);
    }
    game_answer_clear (&ans);
    game_options_clear (&so);
    game_free (g);
  }
  m->seconds = limits_now () - t0;
}

typedef struct side_job {
  char side;
  const qbf *f;
  const suite_opts *o;
} side_job;

static int run_side (void *ctx, size_t job, void *result) {
  side_job *j = ctx;
  (void) job;
  child_side (j->side, j->f, j->o, result);
  return 0;
}

bool suite_measure_side (char side, const qbf *f, const char *file, const suite_opts *o, suite_measure *m) {
  memset (m, 0, sizeof *m);
  pool_outcome po;
  if (side == 'd') {
    int r = depqbf (o->depqbf, file, o->depqbf_timeout, &po);
    m->seconds = po.seconds, m->peak_kb = po.peak_kb;
    if (po.timed_out) return m->answer = 0, true;
    if (po.status < 0 || !po.exited) return false;
    m->answer = r;
    return r > 0;
  }
  side_job j = {side, f, o};
  suite_measure r;
  if (!pool_run1 (run_side, &j, sizeof r, 0, &r, &po)) return false;
  if (!po.complete || !po.exited || po.code) return false;
  *m = r;
  m->peak_kb = po.peak_kb;
  return true;
}

static int cmp_double (const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

double suite_median (double *v, size_t n) {
  if (!n) return 0;
  qsort (v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
