/* scnfg solve: decide a QDIMACS file; QBFEVAL output (DESIGN §1). */
#include <gmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "solver/qbf/cegar.h"
#include "solver/qbf/eval.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "solver/qbf/ssat.h"

const char cmd_solve_summary[] = "decide a QBF or SSAT formula in QDIMACS (QBFEVAL output)";

static void cegar_table (FILE *f) {
  unsigned nopt;
  const cegar_opt_info *table = cegar_opt_table (&nopt);
  for (unsigned k = 0; k < nopt; k++) {
    const cegar_opt_info *o = &table[k];
    fprintf (f, "  %-12s %s (default %lld, %lld..%lld)\n", o->name, o->help, o->def, o->lo, o->hi);
  }
}

typedef struct args {
  qdimacs_opts q;
  scnfg_limits lim;
  bool verbose, model, strict;
  cegar_opts copts;
} args;

/* NAME=V into the cegar options. */
static bool parse_cegar (const char *nv, void *dst, const char **why) {
  const char *eq = strchr (nv, '=');
  char name[64];
  long v;
  *why = " (NAME=INTEGER, see --help)";
  if (!eq || (size_t) (eq - nv) >= sizeof name || !cli_parse_long (eq + 1, &v)) return false;
  memcpy (name, nv, (size_t) (eq - nv));
  name[eq - nv] = 0;
  *why = " (unknown option or out of range, see --help)";
  return cegar_opts_set (dst, name, v);
}

#define A(field) offsetof (args, field)
static const opt first[] = {
  {.name = "--lenient", .kind = OPT_FLAG, .off = A (q.lenient),
   .help = "clause-count mismatches and an innermost forall block are warnings"},
  {.name = "--strict", .kind = OPT_FLAG, .off = A (strict),
   .help = "reject an innermost forall block (accepted by default: QDIMACS 1.1 allows it)"},
  {.name = NULL},
};
static const opt last[] = {
  {.name = "-v", .kind = OPT_FLAG, .off = A (verbose), .help = "statistics as 'c ' lines (QBF: per quantifier level)"},
  {.name = "--model", .kind = OPT_FLAG, .off = A (model),
   .help = "print the outermost block's assignment as 'V lit 0' lines\n"
           "(true formula: its exists block; false: its forall block),\n"
           "checked before printing by deciding the formula it leaves"},
  {.name = "--cegar", .kind = OPT_CUSTOM, .off = A (copts), .arg = "NAME=V", .parse = parse_cegar,
   .needs = "option %s needs NAME=VALUE", .help = "set a QBF solver option (below)"},
  {.name = NULL},
};

static const opt_section sections[] = {{first, 0}, {opt_limits, A (lim)}, {last, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "solve", .sections = sections, .max_pos = 1, .extra = "more than one input file", .width = 19,
  .usage = "usage: scnfg solve F.qdimacs [options]\n\n"
           "Decides a QBF (prints 's cnf R V C': R = 1 true, 0 false, -1 unknown; exit 10/20/0)\n"
           "or computes the exact value of an SSAT formula with 'r P' lines (prints 's value p/q',\n"
           "exit 0; 's value unknown', exit 3, when a limit is hit). Bad input: exit 2.\n\n"
           "options:\n",
  .footer = "\nQBF is decided by clausal abstraction over PicoSAT (see docs/qbf-solver.md);\n"
            "SSAT exactly by DPLL over the prefix with a residual cache (see docs/qbf-solver.md).\n\n"
            "QBF solver options (--cegar NAME=V):\n",
  .help_extra = cegar_table,
};

/* Decides the formula the model leaves: the reference evaluator when it is
 * small enough (independent of the solver), else the solver again. Returns
 * 1 confirmed, 0 refuted, -1 unknown (limits). */
static int check_model (const qbf *f, int answer, const int *model, const scnfg_limits *lim) {
  qbf *g = cegar_substitute (f, model);
  int ok;
  if (qbf_num_quantified (g) <= EVAL_MAX_VARS) {
    mpq_t v;
    mpq_init (v);
    eval_value (v, g);
    ok = (mpq_sgn (v) ? 10 : 20) == answer;
    mpq_clear (v);
  } else
    ok = cegar_check_model (f, answer, model, lim);
  qbf_free (g);
  return ok;
}

static void print_prep (const prep_stats *p) {
  typedef unsigned long long ull;
  printf ("c prep rounds %llu clauses %u -> %u literals %zu -> %zu time %.3f\nc prep universal-reduction literals "
          "%llu\nc prep unit variables %llu\nc prep pure exists %llu forall %llu\nc prep subsumption subsumed %llu "
          "strengthened %llu\nc prep elimination variables %llu resolvents %llu\n",
          (ull) p->rounds, p->clauses_in, p->clauses_out, p->lits_in, p->lits_out, p->seconds, (ull) p->ur_lits,
          (ull) p->units, (ull) p->pure_e, (ull) p->pure_a, (ull) p->subsumed, (ull) p->strengthened,
          (ull) p->eliminated, (ull) p->resolvents);
}

static void print_stats (const cegar_stats *st) {
  if (st->prep.ran) print_prep (&st->prep);
  printf ("c solver clausal-abstraction (cegar) levels %u clauses %u iterations %llu "
          "peak-memory %.1f MB time %.3f\n",
          st->nlevels, st->clauses, (unsigned long long) st->iterations,
          (double) st->peak_bytes / (1024.0 * 1024.0), st->seconds);
  printf ("c %5s %5s %6s %7s %9s %11s %9s %10s %8s %10s %12s %8s\n", "level", "quant", "vars", "clauses",
          "solves", "refinements", "avg-len", "selectors", "avg-core", "expansions", "propagations", "time");
  for (unsigned L = 0; L < st->nlevels; L++) {
    const cegar_level_stats *l = &st->level[L];
    printf ("c %5u %5c %6u %7u %9llu %11llu %9.1f %10llu %8.1f %10llu %12llu %8.3f\n", L, l->quant, l->vars,
            l->clauses, (unsigned long long) l->solves, (unsigned long long) l->refinements,
            l->refinements ? (double) l->refine_lits / (double) l->refinements : 0.0,
            (unsigned long long) l->selectors,
            l->solves ? (double) l->core_lits / (double) l->solves : 0.0, (unsigned long long) l->expansions,
            (unsigned long long) l->propagations, l->seconds);
  }
}

int cmd_solve (int argc, char **argv) {
  args x = {0};
  limits_init (&x.lim);
  cegar_opts_init (&x.copts);
  opt_result given;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &given, &rc)) return rc;
  if (!given.npos) return cli_usage_error ("solve", "no input file (see --help)");
  x.q.forall_last = !x.strict;
  scnfg_limits lim = x.lim;
  bool verbose = x.verbose, model = x.model;
  limits_start (&lim), x.q.lim = &lim; /* the limits cover reading */
  scnfg_error err, warn;
  qbf *f = (error_init (&err), error_init (&warn), NULL);
  if (!qdimacs_read_file (&f, given.pos[0], &x.q, &err, &warn)) return cli_report (&err);
  if (error_is_set (&warn)) cli_report (&warn);
  if (verbose && f->nblocks && f->blocks[f->nblocks - 1].quant == QBF_FORALL)
    puts ("c innermost block is universal: universal reduction removes it");
  int status;
  mpq_t value;
  mpq_init (value);
  if (qbf_is_stochastic (f)) {
    ssat_stats sst;
    size_t cache = lim.max_mem ? lim.max_mem : SSAT_DEFAULT_CACHE;
    if (ssat_solve (value, f, &lim, cache, &sst)) {
      fputs ("s value ", stdout);
      rat_print (stdout, value);
      fputc ('\n', stdout);
      status = CLI_EXIT_OK;
    } else {
      puts ("s value unknown");
      status = CLI_EXIT_LIMIT;
    }
    if (verbose)
      printf ("c solver ssat-dpll nodes %llu propagations %llu cache-hits %llu cache-stores %llu "
              "cache-evictions %llu cache-entries %zu time %.3f\n",
              (unsigned long long) sst.nodes, (unsigned long long) sst.propagations,
              (unsigned long long) sst.cache_hits, (unsigned long long) sst.cache_stores,
              (unsigned long long) sst.cache_evictions, sst.cache_entries, limits_elapsed (&lim));
  } else {
    cegar_stats st;
    cegar_stats_init (&st);
    int *m = model ? mem_calloc ((size_t) f->nvars + 1, sizeof *m) : NULL;
    int res = cegar_solve (f, &lim, &x.copts, m, &st);
    bool have_model = false;
    if (res && m)
      for (int v = 1; v <= f->nvars && !have_model; v++) have_model = m[v] != 0;
    int checked = have_model ? check_model (f, res, m, &lim) : 1;
    if (checked == 0) {
      fprintf (stderr, "scnfg solve: internal error: the model of the outermost block does not check\n");
      res = 0;
    }
    int r = res == 10 ? 1 : res == 20 ? 0 : -1;
    printf ("s cnf %d %ld %ld\n", r, f->header_vars, f->header_clauses);
    status = checked == 0 ? CLI_EXIT_FAIL : res;
    if (have_model && checked == 1) {
      for (int v = 1; v <= f->nvars; v++)
        if (m[v]) printf ("V %d 0\n", qbf_orig_lit (f, m[v]));
    } else if (have_model && checked == -1) {
      puts ("c model not printed: its check hit a limit");
    }
    if (verbose) print_stats (&st);
    free (m);
    cegar_stats_clear (&st);
  }
  mpq_clear (value);
  qbf_free (f);
  return status;
}
