/* suite: certified benchmark suites, sweeps and their bookkeeping (issue 10).
 * An orchestrator like verify (DESIGN §6): it generates instances of a QBF
 * family, decides each with two independent deciders (scnfg's QBF side and
 * the game side through the reduction; depqbf where the game side hits its
 * deterministic node limit), checks the strategy certificate wherever one is
 * produced, and keeps only certified instances. Keep/drop decisions use
 * deterministic limits only (SAT-call and node budgets), never wall clock.
 *
 * Sizes. For the seeded families the size n is the number of variables and
 * the clause count is round(ratio * n), ratio in thousandths:
 *   random, ssat:   E A E with n/4, n/4, n - 2(n/4) variables, 1,1,3 literals
 *                   per clause from the blocks (ssat: some outer block r)
 *   chen-interian:  A E with round(2n/5), n - round(2n/5) variables, 2,3 lits
 * For the crafted families (kbkf, qparity, cr, equality) the size is the
 * family's own n and there is one instance per size (they are not seeded).
 *
 * Files of a suite directory DIR (names: FAMILY-nSIZE-aATTEMPT, zero padded):
 *   instances/NAME.qdimacs, games/NAME.xml, games/NAME.efg (tree up to the
 *   export limit), certificates/NAME.xml (where produced), index.csv,
 *   timing.csv, params, and the resume journal .journal/ (one record per
 *   evaluated candidate, its times beside it in NAME.time until the run
 *   finishes and timing.csv holds them). */
#ifndef SCNFG_ORCHESTRATE_SUITE_H
#define SCNFG_ORCHESTRATE_SUITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct qbf;

enum { SUITE_RANDOM, SUITE_SSAT, SUITE_CI, SUITE_KBKF, SUITE_QPARITY, SUITE_CR, SUITE_EQUALITY, SUITE_NFAMILIES };

/* Family names as in 'scnfg gen'; lookup returns -1 for an unknown name. */
const char *suite_family_name (int fam);
int suite_family_lookup (const char *name);
bool suite_family_seeded (int fam); /* random, ssat, chen-interian */

/* One family's parameters: sizes lo..hi and clauses per variable (x1000). */
typedef struct suite_params {
  unsigned lo, hi;
  unsigned ratio_milli; /* seeded families only */
} suite_params;

/* The family's default ratio (near its 50% true point at the gen defaults). */
unsigned suite_default_ratio (int fam);

/* Parses "9", "9.5", "5.875" (at most 3 decimals, 0 < r <= 1000) into
 * thousandths; prints it back the shortest way ("9.5"). */
bool suite_parse_ratio (const char *s, unsigned *milli);
void suite_print_ratio (char *buf, size_t size, unsigned milli);

/* Seed of candidate (fam, size, attempt) of a run seeded with 'base'
 * (splitmix64 mixing; independent of the order of evaluation). */
uint64_t suite_seed (uint64_t base, int fam, unsigned size, unsigned attempt);

/* "random-n020-a003". */
void suite_name (char *buf, size_t size, int fam, unsigned n, unsigned attempt);

/* The formula of family fam, size n, ratio (seeded families) and seed; also
 * the 'scnfg gen' comment line that regenerates it ("c scnfg gen ...\n")
 * into comment. Returns NULL with *why set if the size does not fit the
 * family's shape. */
struct qbf *suite_formula (int fam, unsigned n, unsigned ratio_milli, uint64_t seed, char *comment,
                           size_t comment_size, const char **why);

/* Runs 'prog FILE' (depqbf) with stdout/stderr to /dev/null and a wall-clock
 * timeout (> 0). Returns 10/20 (its answer), 0 on timeout (killed), -1 if it
 * could not run or answered otherwise. *seconds gets the elapsed time. */
int suite_run_depqbf (const char *prog, const char *file, double timeout, double *seconds);

/* Options of the candidate evaluation (deterministic limits). */
typedef struct suite_opts {
  uint64_t qbf_max_nodes;  /* QBF side: CEGAR SAT calls / SSAT nodes */
  uint64_t game_max_nodes; /* game side (SPE) nodes */
  size_t max_profile;      /* SPE profile entries kept for the certificate */
  size_t efg_max_nodes;    /* export limit of the .efg tree */
  double depqbf_timeout;   /* seconds; hitting it is an error, not a drop */
  const char *depqbf;      /* program name ("depqbf") */
} suite_opts;

void suite_opts_init (suite_opts *o);

/* Outcome of one candidate. */
enum { SUITE_KEPT = 1, SUITE_DROPPED = 2, SUITE_ERR_FAIL = 3, SUITE_ERR_TIMEOUT = 4, SUITE_ERR_IO = 5,
       SUITE_SURPLUS = 6 /* journal only: certified, beyond the per-size count, files removed */ };

/* Evaluates candidate (fam, n, attempt) of the run seeded with 'seed' into
 * DIR: generates it, verifies it (verify_instance with deterministic
 * limits, plus depqbf when the game side hits its limit on an r-free
 * formula), and if certified writes its files. The journal record
 * DIR/.journal/NAME (the commit point, written last and atomically) holds
 * the outcome and, for a kept instance, its index.csv and timing.csv rows.
 * Errors (a disagreement, a failed certificate or round trip: SUITE_ERR_FAIL;
 * depqbf's timeout: SUITE_ERR_TIMEOUT; a file error: SUITE_ERR_IO) write no
 * record, so a rerun retries them; 'note' says what happened. Returns the
 * outcome. Never prints. */
int suite_evaluate (const char *dir, int fam, unsigned n, unsigned ratio_milli, unsigned attempt, uint64_t seed,
                    const suite_opts *o, char *note, size_t note_size);

/* Reads the journal record of NAME: SUITE_KEPT, SUITE_SURPLUS or
 * SUITE_DROPPED, 0 if there is none (or it is unreadable). For a kept record
 * with 'index_row' non-NULL, its index.csv row (without newline) is copied
 * there. 'timing_row' (if non-NULL) gets the timing.csv row from NAME.time,
 * or "" when the times were already moved into timing.csv. A kept record
 * whose output files are missing counts as absent (0). */
int suite_journal_read (const char *dir, const char *name, char *index_row, size_t isz, char *timing_row,
                        size_t tsz);

/* Removes NAME.time (once timing.csv holds the times: the journal left
 * behind by a finished run is then reproducible too). */
void suite_journal_drop_times (const char *dir, const char *name);

/* Removes NAME's output files (a certified candidate beyond the per-size
 * count); its journal record stays and says 'surplus'. */
void suite_discard (const char *dir, const char *name);

/* CSV headers of index.csv and timing.csv (without newline). */
const char *suite_index_header (void);
const char *suite_timing_header (void);

/* Creates DIR and its subdirectories (and removes leftover temporary files
 * of an interrupted run). Returns false (message in 'note') on failure. */
bool suite_prepare_dir (const char *dir, char *note, size_t note_size);

/* Writes 'text' atomically to path; false on failure. */
bool suite_write_text (const char *path, const char *text);

/* The whole (small) file at path as a new string (free); NULL if it cannot be read. */
char *suite_read_text (const char *path);

/* One measured run of one side of one formula, in a child process (so that
 * its peak memory is its own): side 'q' QBF side (CEGAR; SSAT for r
 * blocks), 'g' game side (SPE of the reduction), 'd' depqbf (on 'file').
 * Fills answer (10, 20, or 0 unknown/limit; for SSAT 10 iff value > 0),
 * seconds, and peak resident KB of the child. Returns false if the child
 * failed. */
typedef struct suite_measure {
  int answer;
  double seconds;
  long peak_kb;
} suite_measure;
bool suite_measure_side (char side, const struct qbf *f, const char *file, const suite_opts *o,
                         suite_measure *m);

/* Median of n doubles (sorts v); 0 for n == 0. */
double suite_median (double *v, size_t n);

#endif
