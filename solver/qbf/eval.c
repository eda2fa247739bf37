/* Reference evaluator (see eval.h): the value is defined by recursion over the
 * prefix (DESIGN §1); the leaves evaluate every clause under a full assignment.
 * The only shortcut: a max stops at 1, a min at 0 (values lie in [0, 1]). */
#include "solver/qbf/eval.h"

#include <stdlib.h>

#include "base/mem.h"
#include "solver/model/qbf.h"

typedef struct evaluator {
  const qbf *f;
  int *order;      /* quantified variables, outermost first */
  unsigned n;
  signed char *val; /* var -> 0/1 */
} evaluator;

static bool satisfied (const evaluator *e) {
  for (unsigned c = 0; c < e->f->nclauses; c++) {
    bool sat = false;
    for (const int *l = qbf_clause_lits (e->f, c); *l && !sat; l++) {
      int v = abs (*l);
      sat = (*l > 0) == (e->val[v] == 1);
    }
    if (!sat) return false;
  }
  return true;
}

static void rec (const evaluator *e, unsigned depth, mpq_t out) {
  if (depth == e->n) {
    mpq_set_ui (out, satisfied (e) ? 1 : 0, 1);
    return;
  }
  int v = e->order[depth];
  qbf_quant q = qbf_quant_of (e->f, v);
  mpq_t v0, v1;
  mpq_inits (v0, v1, NULL);
  e->val[v] = 0;
  rec (e, depth + 1, v0);
  bool done = (q == QBF_EXISTS && mpq_cmp_ui (v0, 1, 1) == 0) || (q == QBF_FORALL && mpq_sgn (v0) == 0);
  if (done)
    mpq_set (out, v0);
  else {
    e->val[v] = 1;
    rec (e, depth + 1, v1);
    if (q == QBF_EXISTS)
      mpq_set (out, mpq_cmp (v0, v1) >= 0 ? v0 : v1);
    else if (q == QBF_FORALL)
      mpq_set (out, mpq_cmp (v0, v1) <= 0 ? v0 : v1);
    else { /* p*v1 + (1-p)*v0 = v0 + p*(v1-v0) */
      mpq_sub (v1, v1, v0);
      mpq_mul (v1, v1, e->f->prob[v]);
      mpq_add (out, v0, v1);
    }
  }
  e->val[v] = 0;
  mpq_clears (v0, v1, NULL);
}

bool eval_value (mpq_t value, const qbf *f) {
  unsigned n = qbf_num_quantified (f);
  if (n > EVAL_MAX_VARS) return false;
  evaluator e = {.f = f, .n = n};
  e.order = mem_alloc (n * sizeof *e.order);
  e.val = mem_calloc ((size_t) f->nvars + 1, 1);
  unsigned k = 0;
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) e.order[k++] = f->blocks[b].vars[i];
  rec (&e, 0, value);
  free (e.order);
  free (e.val);
  return true;
}
