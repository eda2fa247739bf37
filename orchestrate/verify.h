/* verify: the main job (DESIGN §6). An orchestrator, not a checker: it calls
 * both sides' finders and the checkers, and compares. Per instance: the QBF
 * side (clausal-abstraction CEGAR for QBF, exact DPLL for SSAT), the
 * hardness reduction, the game side (SPE by backward induction), the
 * commitment concepts (SSE, S-CNE) where they finish, the certificate
 * extracted from the game's policy and checked by PicoSAT, the
 * round trip game -> QBF decided again, and the comparison. */
#ifndef SCNFG_ORCHESTRATE_VERIFY_H
#define SCNFG_ORCHESTRATE_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct verify_opts {
  double timeout;       /* seconds per side per instance (<= 0: none) */
  uint64_t max_nodes;   /* game side node limit (0: none) */
  size_t max_profile;   /* take the certificate from the dense SPE profile when it has at most
                           this many entries (default 0: never; it comes from the policy DAG) */
  size_t max_dag;       /* policy DAG nodes at most (solver/model/pdag.h; default 2^23);
                           beyond: the certificate reads n/a */
  bool no_prune;        /* game side: plain backward induction (no win/lose pruning) */
  bool no_commitment;   /* skip the SSE and S-CNE columns */
  uint64_t max_policies;/* SSE/S-CNE policy enumeration bound (games with chance) */
  size_t cache_bytes;   /* game side residual cache budget (0: none) */
  /* Deterministic hooks (for suite, which must keep or drop instances by
   * deterministic limits only): */
  uint64_t qbf_max_nodes; /* QBF side and round trip: CEGAR SAT calls / SSAT
                             search nodes (0: none) */
  const char *cert_path;  /* if non-NULL: a certificate that checks valid is
                             written there atomically (cert XML, cert.h); a
                             write failure turns cert_state into VERIFY_FAIL */
  const char *cert_dir;   /* if non-NULL: a certificate that checks valid is
                             also written as DIR/NAME.aag (AIGER, solver/model/aig.h;
                             NAME the input's file name without .qdimacs),
                             atomically; a write failure: VERIFY_FAIL */
  bool depqbf_proof;      /* the depqbf-proof column (orchestrate/verifyproof) */
  const char *depqbf;     /* its DepQBF binary (NULL: "depqbf" on PATH) */
  const char *tmpdir;     /* temporary files go here (NULL: $TMPDIR or /tmp); verifyrun_all
                           * makes a private one and removes it, whatever became of the workers */
  FILE *progress;         /* if non-NULL: "verify: NAME: COLUMN VALUE in S s" after
                             every column that took more than a second */
} verify_opts;

void verify_opts_init (verify_opts *o);

/* Column states. */
enum { VERIFY_NA = 0, VERIFY_OK = 1, VERIFY_FAIL = 2, VERIFY_LIMIT = 3 };

/* One row of the table; plain data (no pointers), so it can cross a pipe. */
typedef struct verify_row {
  char file[512];
  bool ssat;
  int error;                 /* nonzero: the instance could not be read (msg in note) */
  /* sizes */
  unsigned long fvars, fclauses, flits, gvars, gentries;
  /* QBF side */
  int qbf_state;             /* VERIFY_OK (value known) or VERIFY_LIMIT */
  char qbf_value[192];       /* "1", "0" or a rational */
  double qbf_seconds;
  /* game side (SPE) */
  int game_state;            /* VERIFY_OK or VERIFY_LIMIT */
  char game_value[192];      /* the leader's SPE reward */
  double game_seconds;
  uint64_t game_leaves;
  /* the game's commitment concepts (pure SSE strong, S-CNE): in constant-sum
     perfect-information games the leader's value equals SPE's */
  int sse_state, scne_state;  /* VERIFY_OK, VERIFY_LIMIT (incl. --max-policies: n/a), VERIFY_NA */
  char sse_value[192], scne_value[192];
  double sse_seconds, scne_seconds;
  /* certificate from the game's policy */
  int cert_state;            /* VERIFY_OK valid, VERIFY_FAIL invalid, VERIFY_NA, VERIFY_LIMIT */
  char cert_kind[12];        /* "skolem", "herbrand" or "" */
  unsigned long cert_gates;
  double cert_seconds;
  /* round trip qbf -> game -> qbf */
  int rt_state;              /* VERIFY_OK same value, VERIFY_FAIL differs, VERIFY_NA, VERIFY_LIMIT */
  double rt_seconds;
  /* DepQBF's QRP trace, checked (orchestrate/verifyproof; only with depqbf_proof) */
  bool proof_on;
  int proof_state;           /* VERIFY_OK valid and agrees, VERIFY_FAIL, VERIFY_LIMIT, VERIFY_NA */
  int proof_value;           /* VERIFY_OK: 1 true, 0 false */
  unsigned long proof_steps;
  double proof_trace_seconds, proof_seconds; /* DepQBF writing the trace; checking it */
  /* why a cell reads n/a or limit ("" when it has a value): "limit" (a
     timeout or node limit), "bound" (--max-policies / tree bound), "size"
     (policy DAG over --max-dag), "ssat", "off" (--no-commitment),
     "undecided" / "disagree" (needs agreeing sides), "none", "error" */
  char qbf_why[12], game_why[12], sse_why[12], scne_why[12], cert_why[12], rt_why[12];
  /* verdict */
  int agree;                 /* VERIFY_OK agree, VERIFY_FAIL disagree, VERIFY_LIMIT undecided */
  char note[512];            /* the first disagreement or the reason for an n/a */
} verify_row;

/* Verifies one QDIMACS file into *row (never prints). */
void verify_instance (const char *path, const verify_opts *o, verify_row *row);

/* Exit status for a set of rows: 1 if any disagreement or failed
 * certificate/round trip, else 3 if the QBF side or SPE hit a limit (or a
 * file could not be read: 2), else 0. */
int verify_status (const verify_row *rows, size_t n);

/* Human table (one row per instance, then a summary) and XML report
 * (schema orchestrate/verify.rng, returned by verify_report_schema). */
void verify_print_table (FILE *out, const verify_row *rows, size_t n);
void verify_write_report (FILE *out, const verify_row *rows, size_t n, const verify_opts *o);
const char *verify_report_schema (void);

#endif
