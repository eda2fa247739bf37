/* verify: both sides of the PSPACE construction on one instance (see
 * verify.h). An orchestrator: it may call finders (cegar, ssat, spe); the
 * checkers it calls (qcert) stay independent of them. */
#include "orchestrate/verify.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>

#include "base/version.h"
#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/xmlw.h"
#include "orchestrate/verifyproof.h"
#include "proofs/qcert.h"
#include "reductions/game2qbf.h"
#include "reductions/policy2cert.h"
#include "reductions/qbf2game.h"
#include "solver/model/aig.h"
#include "solver/model/game.h"
#include "solver/model/pdag.h"
#include "solver/model/profile.h"
#include "solver/game/solve.h"
#include "solver/game/spe.h"
#include "solver/qbf/cegar.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/ssat.h"


static const char verify_rng[] = {
#include "verify_rng.inc"
    0};

const char *verify_report_schema (void) { return verify_rng; }

void verify_opts_init (verify_opts *o) {
  memset (o, 0, sizeof *o);
  o->max_profile = 0;
  o->max_dag = (size_t) 1 << 23;
  o->max_policies = (uint64_t) 1 << 16;
  o->cache_bytes = (size_t) 64 << 20;
}

static void set_rat (char *buf, size_t size, const mpq_t q) {
  char *s = rat_to_str (q);
  snprintf (buf, size, "%s", s);
  free (s);
}

static void fresh_limits (scnfg_limits *l, const verify_opts *o) {
  limits_init (l);
  l->timeout = o->timeout;
  l->max_nodes = o->qbf_max_nodes;
  limits_start (l);
}

static const char *state_attr (int s) {
  return s == VERIFY_OK ? "ok" : s == VERIFY_FAIL ? "failed" : s == VERIFY_LIMIT ? "limit" : "n/a";
}

/* The QBF side: value of f into row (and into v when known). */
static void qbf_side (const qbf *f, const verify_opts *o, verify_row *row, mpq_t v) {
  scnfg_limits lim;
  fresh_limits (&lim, o);
  if (row->ssat) {
    row->qbf_state = ssat_solve (v, f, &lim, SSAT_DEFAULT_CACHE, NULL) ? VERIFY_OK : VERIFY_LIMIT;
  } else {
    int r = cegar_solve (f, &lim, NULL, NULL, NULL);
    row->qbf_state = r ? VERIFY_OK : VERIFY_LIMIT;
    mpq_set_ui (v, r == 10, 1);
  }
  if (row->qbf_state == VERIFY_OK) set_rat (row->qbf_value, sizeof row->qbf_value, v);
  else snprintf (row->qbf_value, sizeof row->qbf_value, "unknown"), snprintf (row->qbf_why, sizeof row->qbf_why, "limit");
  row->qbf_seconds = limits_elapsed (&lim);
}

/* DIR/NAME.aag for input path (NAME: its file name without .qdimacs); a new string. */
static char *aag_path (const char *dir, const char *path) {
  const char *b = strrchr (path, '/');
  b = b ? b + 1 : path;
  size_t n = strlen (b);
  if (n > 8 && !strcmp (b + n - 8, ".qdimacs")) n -= 8;
  size_t len = strlen (dir) + n + 6;
  char *s = mem_alloc (len);
  snprintf (s, len, "%s/%.*s.aag", dir, (int) n, b);
  return s;
}

/* The checked certificate c of f as AIGER at DIR/NAME.aag, atomically. */
static bool write_aag (const qbf *f, const cert *c, const char *dir, verify_row *row) {
  char *p = aag_path (dir, row->file);
  aig *a = aig_from_cert (c, f);
  scnfg_error err;
  error_init (&err);
  afile af;
  bool ok = a && afile_open (&af, p, &err);
  if (ok && !aig_write_aag (a, af.f, &err)) afile_abort (&af), ok = false;
  else if (ok) ok = afile_commit (&af, &err);
  if (!ok) snprintf (row->note, sizeof row->note, "certificate: cannot write %s", p);
  aig_free (a);
  free (p);
  return ok;
}

/* The certificate: the winner's policy from the stored SPE profile. */
static void certificate (const qbf *f, const game *g, const game_solution *sol, const pdag *dag, bool truth,
                         const verify_opts *o, verify_row *row) {
  double t0 = limits_now ();
  cert *c = NULL;
  if (sol->profile) c = policy2cert_extract (f, g, sol->profile, truth); /* the dense profile (--max-profile) */
  else if (dag && pdag_full (dag)) {
    row->cert_state = VERIFY_NA;
    snprintf (row->cert_why, sizeof row->cert_why, "size");
    snprintf (row->note, sizeof row->note, "certificate n/a: the policy DAG has more than %zu nodes", o->max_dag);
    return;
  } else if (dag) c = policy2cert_from_dag (f, g, dag, truth);
  if (!c) {
    row->cert_state = VERIFY_NA;
    snprintf (row->cert_why, sizeof row->cert_why, "none");
    snprintf (row->note, sizeof row->note, "certificate n/a: no policy of the winner recorded");
    return;
  }
  snprintf (row->cert_kind, sizeof row->cert_kind, "%s", truth ? "skolem" : "herbrand");
  row->cert_gates = c->ngates;
  scnfg_limits lim;
  fresh_limits (&lim, o);
  qcert_report rep;
  qcert_report_init (&rep);
  qcert_status st = qcert_check (f, c, &lim, &rep);
  row->cert_state = st == QCERT_VALID ? VERIFY_OK : st == QCERT_UNKNOWN ? VERIFY_LIMIT : VERIFY_FAIL;
  if (row->cert_state == VERIFY_FAIL) snprintf (row->note, sizeof row->note, "certificate %s", rep.msg);
  if (row->cert_state == VERIFY_LIMIT) snprintf (row->cert_why, sizeof row->cert_why, "limit");
  if (row->cert_state == VERIFY_OK && o->cert_path) {
    scnfg_error err;
    error_init (&err);
    afile a;
    cert *oc = cert_to_orig (c, f); /* the file speaks the input's numbers */
    bool ok = oc && afile_open (&a, o->cert_path, &err);
    if (ok && !cert_write (a.f, oc)) afile_abort (&a), ok = false;
    else if (ok) ok = afile_commit (&a, &err);
    cert_free (oc);
    if (!ok) {
      row->cert_state = VERIFY_FAIL;
      snprintf (row->note, sizeof row->note, "certificate: cannot write %s", o->cert_path);
    }
  }
  if (row->cert_state == VERIFY_OK && o->cert_dir && !write_aag (f, c, o->cert_dir, row)) row->cert_state = VERIFY_FAIL;
  qcert_report_clear (&rep);
  cert_free (c);
  row->cert_seconds = limits_now () - t0;
}

/* The round trip: encode the game again and decide it. */
static void round_trip (const game *g, const mpq_t qv, const verify_opts *o, verify_row *row) {
  double t0 = limits_now ();
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  qbf *h = NULL;
  scnfg_error err;
  error_init (&err);
  if (!game2qbf_encode (&h, NULL, g, one, &err)) {
    row->rt_state = VERIFY_FAIL;
    snprintf (row->note, sizeof row->note, "round trip: encode failed: %s", err.msg);
  } else {
    scnfg_limits lim;
    fresh_limits (&lim, o);
    int r = cegar_solve (h, &lim, NULL, NULL, NULL);
    if (!r) row->rt_state = VERIFY_LIMIT, snprintf (row->rt_why, sizeof row->rt_why, "limit");
    else if ((r == 10) == (mpq_sgn (qv) != 0)) row->rt_state = VERIFY_OK;
    else {
      row->rt_state = VERIFY_FAIL;
      snprintf (row->note, sizeof row->note, "round trip: the encoded game is %s, the formula %s",
                r == 10 ? "true" : "false", mpq_sgn (qv) ? "true" : "false");
    }
  }
  qbf_free (h);
  mpq_clear (one);
  row->rt_seconds = limits_now () - t0;
}

/* One commitment concept on the game: the leader's value, or why not. */
static void commitment (const game *g, game_concept concept, const verify_opts *o, int *state, char *value,
                        size_t size, double *seconds, char *why) {
  game_options so;
  game_options_init (&so);
  so.commit.max_policies = (long long) o->max_policies;
  if (!game_has_chance (g)) so.commit.max_tree = 1; /* the pairs walk: values only, never rebuild the explicit tree */
  so.max_profile = 0;
  so.max_outcomes = 0;
  so.limits.timeout = o->timeout;
  so.limits.max_nodes = o->max_nodes;
  game_answer ans;
  scnfg_error err;
  error_init (&err);
  double t0 = limits_now ();
  snprintf (value, size, "unknown");
  if (!game_solve (g, concept, &so, &ans, &err)) {
    *state = VERIFY_NA;
    snprintf (why, 12, "error");
  } else {
    *state = ans.sol.status == GAME_SOLVED ? VERIFY_OK : VERIFY_LIMIT;
    if (*state == VERIFY_OK) set_rat (value, size, ans.sol.reward[g->leader]);
    else snprintf (why, 12, "%s", strstr (ans.sol.reason, "policy limit") || strstr (ans.sol.reason, "tree limit")
                                      ? "bound" : "limit");
  }
  game_answer_clear (&ans);
  *seconds = limits_now () - t0;
  game_options_clear (&so);
}

/* "verify: NAME: COLUMN VALUE in S s" on o->progress for a column over a second. */
static void column_line (const verify_opts *o, const verify_row *row, const char *col, const char *val, double secs) {
  if (!o->progress || secs <= 1.0) return;
  const char *b = strrchr (row->file, '/');
  fprintf (o->progress, "verify: %s: %s %s in %.1f s\n", b ? b + 1 : row->file, col, val, secs);
  fflush (o->progress);
}

/* The game side: SPE through spe_solve itself (not game_solve), which records
 * the winner's policy DAG, the certificate's source (game_options cannot
 * carry it). The leader's value into gv when solved. */
static void game_side (const game *g, const verify_opts *o, pdag *dag, game_solution *sol, verify_row *row, mpq_t gv) {
  spe_options so;
  spe_options_init (&so);
  so.limits.timeout = o->timeout;
  so.limits.max_nodes = o->max_nodes;
  so.max_profile = row->ssat ? 0 : o->max_profile;
  so.max_outcomes = 0;
  so.prune = !o->no_prune;          /* exact in win/lose games; a pruned policy still certifies the winner */
  so.cache_bytes = o->cache_bytes;  /* used only when the profile is not stored */
  if (g->nstages < 23 && so.cache_bytes > ((size_t) 8 << g->nstages))
    so.cache_bytes = (size_t) 8 << g->nstages; /* 8 bytes per history at most: small games skip a large table's setup */
  so.policy = dag;
  scnfg_error err;
  error_init (&err);
  double t0 = limits_now ();
  limits_start (&so.limits);
  bool solved = spe_solve (g, &so, sol, &err); /* reduction games have perfect information */
  row->game_seconds = limits_now () - t0;
  row->game_leaves = solved ? sol->leaves : 0;
  if (solved && sol->status == GAME_SOLVED) {
    row->game_state = VERIFY_OK;
    mpq_set (gv, sol->reward[g->leader]);
    set_rat (row->game_value, sizeof row->game_value, gv);
  } else {
    row->game_state = VERIFY_LIMIT;
    snprintf (row->game_value, sizeof row->game_value, "unknown");
    snprintf (row->game_why, sizeof row->game_why, "%s", solved ? "limit" : "error");
  }
  column_line (o, row, "spe", row->game_value, row->game_seconds);
}

/* The SSE and S-CNE columns, compared with the QBF side's value. */
static void commitment_columns (const game *g, const verify_opts *o, verify_row *row) {
  if (o->no_commitment) {
    row->sse_state = row->scne_state = VERIFY_NA;
    snprintf (row->sse_value, sizeof row->sse_value, "unknown");
    snprintf (row->scne_value, sizeof row->scne_value, "unknown");
    snprintf (row->sse_why, sizeof row->sse_why, "off");
    snprintf (row->scne_why, sizeof row->scne_why, "off");
    return;
  }
  commitment (g, GAME_CONCEPT_SSE, o, &row->sse_state, row->sse_value, sizeof row->sse_value, &row->sse_seconds,
              row->sse_why);
  column_line (o, row, "sse", row->sse_value, row->sse_seconds);
  commitment (g, GAME_CONCEPT_SCNE, o, &row->scne_state, row->scne_value, sizeof row->scne_value,
              &row->scne_seconds, row->scne_why);
  column_line (o, row, "scne", row->scne_value, row->scne_seconds);
  const char *names[2] = {"SSE", "S-CNE"};
  const char *vals[2] = {row->sse_value, row->scne_value};
  int states[2] = {row->sse_state, row->scne_state};
  for (int k = 0; k < 2; k++)
    if (states[k] == VERIFY_OK && row->qbf_state == VERIFY_OK && strcmp (vals[k], row->qbf_value)) {
      row->agree = VERIFY_FAIL;
      if (!row->note[0])
        snprintf (row->note, sizeof row->note, "disagreement: QBF side %s, game side %s %s", row->qbf_value, names[k],
                  vals[k]);
    }
}

/* Certificate and round trip (r-free formulas), or why not. */
static void qbf_only_columns (const qbf *f, const game *g, const game_solution *sol, const pdag *dag, const mpq_t qv,
                              const verify_opts *o, verify_row *row) {
  if (row->ssat) {
    row->cert_state = row->rt_state = VERIFY_NA;
    snprintf (row->cert_why, sizeof row->cert_why, "ssat");
    snprintf (row->rt_why, sizeof row->rt_why, "ssat");
    return;
  }
  if (row->agree == VERIFY_OK) {
    certificate (f, g, sol, dag, mpq_sgn (qv) != 0, o, row);
    column_line (o, row, "certificate", state_attr (row->cert_state), row->cert_seconds);
  } else {
    row->cert_state = VERIFY_NA;
    snprintf (row->cert_why, sizeof row->cert_why, "%s", row->agree == VERIFY_FAIL ? "disagree" : "undecided");
  }
  if (row->qbf_state == VERIFY_OK) {
    round_trip (g, qv, o, row);
    column_line (o, row, "round-trip", state_attr (row->rt_state), row->rt_seconds);
  } else {
    row->rt_state = VERIFY_NA;
    snprintf (row->rt_why, sizeof row->rt_why, "undecided");
  }
}

void verify_instance (const char *path, const verify_opts *o, verify_row *row) {
  memset (row, 0, sizeof *row);
  snprintf (row->file, sizeof row->file, "%s", path);
  scnfg_error err;
  error_init (&err);
  qbf *f;
  if (!qdimacs_read_file (&f, path, NULL, &err, NULL)) {
    row->error = 1;
    error_format (&err, row->note, sizeof row->note);
    return;
  }
  row->ssat = qbf_is_stochastic (f);
  mpq_t qv, gv;
  mpq_inits (qv, gv, NULL);
  qbf_side (f, o, row, qv);
  column_line (o, row, "qbf", row->qbf_value, row->qbf_seconds);

  qbf2game_sizes sz;
  game *g = qbf2game_reduce (f, &sz);
  row->fvars = sz.formula_vars, row->fclauses = sz.formula_clauses, row->flits = sz.formula_lits;
  row->gvars = sz.game_vars, row->gentries = sz.game_entries;
  pdag *dag = row->ssat ? NULL : pdag_new (o->max_dag);
  game_solution sol;
  game_side (g, o, dag, &sol, row, gv);

  if (row->qbf_state == VERIFY_OK && row->game_state == VERIFY_OK) {
    row->agree = mpq_equal (qv, gv) ? VERIFY_OK : VERIFY_FAIL;
    if (row->agree == VERIFY_FAIL)
      snprintf (row->note, sizeof row->note, "disagreement: QBF side %s, game side %s", row->qbf_value,
                row->game_value);
  } else
    row->agree = VERIFY_LIMIT;
  commitment_columns (g, o, row);
  qbf_only_columns (f, g, &sol, dag, qv, o, row);
  verifyproof_run (path, f, o, row);
  profile_solution_clear (&sol);
  pdag_free (dag);
  game_free (g);
  qbf_free (f);
  mpq_clears (qv, gv, NULL);
}

int verify_status (const verify_row *rows, size_t n) {
  bool fail = false, limit = false, bad = false;
  for (size_t i = 0; i < n; i++) {
    const verify_row *r = &rows[i];
    if (r->error) bad = true;
    else if (r->agree == VERIFY_FAIL || r->cert_state == VERIFY_FAIL || r->rt_state == VERIFY_FAIL ||
             r->proof_state == VERIFY_FAIL)
      fail = true;
    else if (r->qbf_state == VERIFY_LIMIT || r->game_state == VERIFY_LIMIT) limit = true;
  }
  return fail ? 1 : bad ? 2 : limit ? 3 : 0;
}

static const char *state_word (int s, const char *ok) {
  return s == VERIFY_OK ? ok : s == VERIFY_FAIL ? "FAILED" : s == VERIFY_LIMIT ? "limit" : "n/a";
}

static const char *base_name (const char *p) {
  const char *s = strrchr (p, '/');
  return s ? s + 1 : p;
}

/* A table cell: ok (state OK), "FAILED", or "n/a:WHY". */
static const char *cell (char *buf, size_t size, int state, const char *ok, const char *why) {
  if (state == VERIFY_OK) snprintf (buf, size, "%s", ok);
  else if (state == VERIFY_FAIL) snprintf (buf, size, "FAILED");
  else snprintf (buf, size, "n/a%s%s", why[0] ? ":" : "", why);
  return buf;
}

/* A seconds cell: "-" for a column that did not run. */
static const char *secs (char *buf, size_t size, int state, double t) {
  if (state == VERIFY_NA && t == 0) snprintf (buf, size, "-");
  else snprintf (buf, size, "%.3f", t);
  return buf;
}

static void print_row (FILE *out, const verify_row *r) {
  char c[8][32], t[6][16];
  char kind[32];
  snprintf (kind, sizeof kind, "%s ok", r->cert_kind);
  fprintf (out, "%-28.28s %-9.9s %-9.9s %-9.9s %-9.9s %-14s %-13s %-6s %7s %7s %7s %7s %7s %7s", base_name (r->file),
           cell (c[0], 32, r->qbf_state, r->qbf_value, r->qbf_why), cell (c[1], 32, r->game_state, r->game_value, r->game_why),
           cell (c[2], 32, r->sse_state, r->sse_value, r->sse_why), cell (c[3], 32, r->scne_state, r->scne_value, r->scne_why),
           cell (c[4], 32, r->cert_state, kind, r->cert_why), cell (c[5], 32, r->rt_state, "same", r->rt_why),
           state_word (r->agree, "yes"), secs (t[0], 16, r->qbf_state, r->qbf_seconds),
           secs (t[1], 16, r->game_state, r->game_seconds), secs (t[2], 16, r->sse_state, r->sse_seconds),
           secs (t[3], 16, r->scne_state, r->scne_seconds), secs (t[4], 16, r->cert_state, r->cert_seconds),
           secs (t[5], 16, r->rt_state, r->rt_seconds));
  verifyproof_print_cell (out, r);
  fputc ('\n', out);
}

void verify_print_table (FILE *out, const verify_row *rows, size_t n) {
  fprintf (out, "%-28s %-9s %-9s %-9s %-9s %-14s %-13s %-6s %7s %7s %7s %7s %7s %7s", "instance", "qbf", "spe", "sse",
           "scne", "certificate", "roundtrip", "agree", "qbf-s", "spe-s", "sse-s", "scne-s", "cert-s", "rt-s");
  verifyproof_print_header (out, rows, n);
  fputc ('\n', out);
  size_t agree = 0, limit = 0, fail = 0, certs = 0, rts = 0;
  for (size_t i = 0; i < n; i++) {
    const verify_row *r = &rows[i];
    if (r->error) {
      fprintf (out, "%-28.28s error: %s\n", base_name (r->file), r->note);
      continue;
    }
    print_row (out, r);
    agree += r->agree == VERIFY_OK, limit += r->agree == VERIFY_LIMIT;
    fail += r->agree == VERIFY_FAIL || r->cert_state == VERIFY_FAIL || r->rt_state == VERIFY_FAIL ||
            r->proof_state == VERIFY_FAIL;
    certs += r->cert_state == VERIFY_OK, rts += r->rt_state == VERIFY_OK;
  }
  fprintf (out, "summary: %zu instances, %zu agree, %zu undecided (limits), %zu failed; %zu certificates valid, "
                "%zu round trips same\n", n, agree, limit, fail, certs, rts);
  for (size_t i = 0; i < n; i++)
    if (!rows[i].error && (rows[i].agree == VERIFY_FAIL || rows[i].cert_state == VERIFY_FAIL ||
                           rows[i].rt_state == VERIFY_FAIL || rows[i].proof_state == VERIFY_FAIL)) {
      fprintf (out, "first failure: %s: %s\n", rows[i].file, rows[i].note);
      break;
    }
}


/* <NAME concept=".." state=".." why=".." value=".." seconds=".."/> of one side of a row. */
static void write_side (FILE *out, const char *name, const char *concept, int state, const char *why, const char *value,
                        double seconds) {
  xmlw_open (out, 4, name);
  if (concept) xmlw_attr_str (out, "concept", concept);
  xmlw_attr_str (out, "state", state_attr (state));
  if (why[0]) xmlw_attr_str (out, "why", why);
  if (value) xmlw_attr_str (out, "value", value);
  fprintf (out, " seconds=\"%.6f\"", seconds);
}

static void write_instance (FILE *out, const verify_row *r) {
  xmlw_open (out, 2, "instance");
  xmlw_attr_str (out, "file", r->file);
  if (r->error) {
    xmlw_attr_str (out, "error", r->note);
    fputs ("/>\n", out);
    return;
  }
  xmlw_attr_str (out, "kind", r->ssat ? "ssat" : "qbf");
  xmlw_attr_str (out, "agree", state_attr (r->agree));
  fputs (">\n", out);
  fprintf (out, "    <sizes formula-vars=\"%lu\" formula-clauses=\"%lu\" formula-literals=\"%lu\" game-vars=\"%lu\" "
                "game-entries=\"%lu\"/>\n", r->fvars, r->fclauses, r->flits, r->gvars, r->gentries);
  write_side (out, "qbf-side", NULL, r->qbf_state, r->qbf_why, r->qbf_value, r->qbf_seconds);
  fputs ("/>\n", out);
  write_side (out, "game-side", "spe", r->game_state, r->game_why, r->game_value, r->game_seconds);
  xmlw_attr_uint (out, "leaves", r->game_leaves);
  fputs ("/>\n", out);
  write_side (out, "commitment", "sse", r->sse_state, r->sse_why, r->sse_state == VERIFY_OK ? r->sse_value : "unknown",
              r->sse_seconds);
  fputs ("/>\n", out);
  write_side (out, "commitment", "scne", r->scne_state, r->scne_why, r->scne_state == VERIFY_OK ? r->scne_value : "unknown",
              r->scne_seconds);
  fputs ("/>\n", out);
  xmlw_open (out, 4, "certificate");
  xmlw_attr_str (out, "state", state_attr (r->cert_state));
  if (r->cert_why[0]) xmlw_attr_str (out, "why", r->cert_why);
  if (r->cert_kind[0]) xmlw_attr_str (out, "kind", r->cert_kind), xmlw_attr_uint (out, "gates", r->cert_gates);
  fprintf (out, " seconds=\"%.6f\"/>\n", r->cert_seconds);
  write_side (out, "round-trip", NULL, r->rt_state, r->rt_why, NULL, r->rt_seconds);
  fputs ("/>\n", out);
  verifyproof_write (out, r);
  if (r->note[0]) {
    fputs ("    <note>", out);
    xmlw_text (out, r->note);
    fputs ("</note>\n", out);
  }
  fputs ("  </instance>\n", out);
}

void verify_write_report (FILE *out, const verify_row *rows, size_t n, const verify_opts *o) {
  xmlw_decl (out);
  fprintf (out, "<verify-report version=\"1\" tool=\"scnfg %s\" timeout=\"%g\" status=\"%d\">\n", SCNFG_VERSION,
           o->timeout, verify_status (rows, n));
  for (size_t i = 0; i < n; i++) write_instance (out, &rows[i]);
  fputs ("</verify-report>\n", out);
}
