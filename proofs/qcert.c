/* Certificate checker (see qcert.h). The method is the standard one for
 * Skolem/Herbrand certificates (e.g. Niemetz, Preiner, Lonsing, Seidl, Biere,
 * "Resolution-based certificate extraction for QBF", SAT 2012): substitute
 * the functions, encode the circuits by Tseitin, and decide the remaining
 * propositional question with one SAT call. */
#include "proofs/qcert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/mem.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/sat/sat.h"

void qcert_report_init (qcert_report *r) {
  memset (r, 0, sizeof *r);
  r->clause = -1;
}

void qcert_report_clear (qcert_report *r) {
  free (r->assignment);
  qcert_report_init (r);
}

/* Variables read by the literal's cone, reported through 'reads' (a mark per
 * formula variable); gate marks in 'seen' avoid exponential revisits. */
static void cone (const cert *c, int lit, unsigned char *reads, unsigned char *seen) {
  int stack_cap = 64, n = 0;
  int *stack = mem_alloc ((size_t) stack_cap * sizeof *stack);
  stack[n++] = abs (lit);
  while (n) {
    int x = stack[--n];
    if (x == CERT_TRUE) continue;
    if (x <= c->nvars) {
      reads[x] = 1;
      continue;
    }
    unsigned g = (unsigned) (x - c->nvars - 1);
    if (seen[g]) continue;
    seen[g] = 1;
    if (n + 2 > stack_cap) stack = mem_realloc (stack, (size_t) (stack_cap *= 2) * sizeof *stack);
    stack[n++] = abs (c->gates[g].a);
    stack[n++] = abs (c->gates[g].b);
  }
  free (stack);
}

qcert_status qcert_check (const qbf *f, const cert *c, const scnfg_limits *lim, qcert_report *r) {
  qcert_report_clear (r);
  r->nvars = f->nvars;
  if (qbf_is_stochastic (f)) {
    snprintf (r->msg, sizeof r->msg, "certificates apply to plain QBF (the formula has r blocks)");
    return r->status = QCERT_INCOMPLETE;
  }
  if (c->nvars != f->nvars) {
    snprintf (r->msg, sizeof r->msg, "the certificate is for %d variables, the formula has %d", c->nvars, f->nvars);
    return r->status = QCERT_INCOMPLETE;
  }
  qbf_quant mine = c->kind == CERT_SKOLEM ? QBF_EXISTS : QBF_FORALL;
  int n = f->nvars;
  int *func = mem_calloc ((size_t) n + 1, sizeof *func);
  for (unsigned i = 0; i < c->nfuncs; i++) {
    int v = c->funcs[i].var;
    if (v < 1 || v > n || !f->block_of[v] || qbf_quant_of (f, v) != mine) {
      free (func);
      snprintf (r->msg, sizeof r->msg, "function given for variable %d, which is not %s in the formula", qbf_orig_var (f, v),
                mine == QBF_EXISTS ? "existential" : "universal");
      return r->status = QCERT_BAD_DEPENDENCY;
    }
    func[v] = c->funcs[i].lit;
  }
  /* every variable of our kind occurring in a clause needs a function */
  for (size_t i = 0; i < f->nlits; i++) {
    int v = abs (f->lits[i]);
    if (v && qbf_quant_of (f, v) == mine && !func[v]) {
      free (func);
      snprintf (r->msg, sizeof r->msg, "no function for %s variable %d", mine == QBF_EXISTS ? "existential" : "universal", qbf_orig_var (f, v));
      return r->status = QCERT_INCOMPLETE;
    }
  }
  /* dependencies: only variables earlier in the prefix; same-kind ones must have functions */
  unsigned *pos = mem_calloc ((size_t) n + 1, sizeof *pos);
  for (unsigned b = 0, k = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) pos[f->blocks[b].vars[i]] = ++k;
  unsigned char *reads = mem_calloc ((size_t) n + 1, 1), *seen = mem_calloc (c->ngates + 1, 1);
  qcert_status st = QCERT_VALID;
  for (int v = 1; v <= n && st == QCERT_VALID; v++) {
    if (!func[v]) continue;
    memset (reads, 0, (size_t) n + 1);
    memset (seen, 0, c->ngates + 1);
    cone (c, func[v], reads, seen);
    for (int w = 1; w <= n && st == QCERT_VALID; w++) {
      if (!reads[w]) continue;
      bool outer = pos[w] && pos[w] < pos[v];
      if (!outer || (qbf_quant_of (f, w) == mine && !func[w])) {
        snprintf (r->msg, sizeof r->msg, "the function of variable %d reads variable %d, %s", qbf_orig_var (f, v), qbf_orig_var (f, w),
                  !outer ? "which is not quantified before it" : "which has no function");
        st = r->status = QCERT_BAD_DEPENDENCY;
      }
    }
  }
  free (reads), free (seen), free (pos);
  if (st != QCERT_VALID) {
    free (func);
    return st;
  }
  /* encode: formula variables 1..n, gates n+1.., TRUE, clause selectors */
  sat_acct acct = {0};
  sat *s = sat_new (&acct, lim);
  for (int v = 1; v <= n; v++) sat_new_var (s);
  for (unsigned g = 0; g < c->ngates; g++) sat_new_var (s);
  int t = sat_new_var (s);
  sat_add_clause (s, &t, 1);
#define MAP(l) ((l) == CERT_TRUE ? t : (l) == CERT_FALSE ? -t : (l))
  for (unsigned g = 0; g < c->ngates; g++) {
    int o = n + 1 + (int) g, a = MAP (c->gates[g].a), b = MAP (c->gates[g].b);
    int c1[2] = {-o, a}, c2[2] = {-o, b}, c3[3] = {o, -a, -b};
    sat_add_clause (s, c1, 2), sat_add_clause (s, c2, 2), sat_add_clause (s, c3, 3);
  }
  for (int v = 1; v <= n; v++)
    if (func[v]) {
      int l = MAP (func[v]);
      int c1[2] = {-v, l}, c2[2] = {v, -l};
      sat_add_clause (s, c1, 2), sat_add_clause (s, c2, 2);
    }
#undef MAP
  if (c->kind == CERT_HERBRAND) {
    for (unsigned k = 0; k < f->nclauses; k++) sat_add_clause (s, qbf_clause_lits (f, k), qbf_clause_size (f, k));
  } else { /* some clause false: d_k -> every literal of clause k false */
    int *any = mem_alloc ((f->nclauses + 1) * sizeof *any);
    for (unsigned k = 0; k < f->nclauses; k++) {
      int d = sat_new_var (s);
      any[k] = d;
      for (const int *l = qbf_clause_lits (f, k); *l; l++) {
        int cl[2] = {-d, -*l};
        sat_add_clause (s, cl, 2);
      }
    }
    sat_add_clause (s, any, f->nclauses);
    free (any);
  }
  int res = sat_solve (s, NULL, 0, 0);
  if (res == SAT_UNSAT) {
    snprintf (r->msg, sizeof r->msg, "valid: %s certificate, %u gates, %u functions",
              c->kind == CERT_SKOLEM ? "Skolem" : "Herbrand", c->ngates, c->nfuncs);
    r->status = QCERT_VALID;
  } else if (res == SAT_SAT) {
    r->assignment = mem_calloc ((size_t) n + 1, 1);
    for (int v = 1; v <= n; v++) r->assignment[v] = sat_value (s, v) > 0;
    if (c->kind == CERT_SKOLEM) {
      for (unsigned k = 0; k < f->nclauses && r->clause < 0; k++) {
        bool sat_k = false;
        for (const int *l = qbf_clause_lits (f, k); *l && !sat_k; l++) sat_k = r->assignment[abs (*l)] == (*l > 0);
        if (!sat_k) r->clause = (int) k;
      }
      snprintf (r->msg, sizeof r->msg, "invalid: the universal assignment below falsifies clause %d", r->clause + 1);
    } else
      snprintf (r->msg, sizeof r->msg, "invalid: the existential assignment below satisfies every clause");
    r->status = QCERT_INVALID;
  } else {
    snprintf (r->msg, sizeof r->msg, "unknown: the SAT call hit a limit");
    r->status = QCERT_UNKNOWN;
  }
  sat_free (s);
  free (func);
  return r->status;
}
