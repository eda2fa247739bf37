/* Exact linear programming over small polytopes {x >= 0 : rows} with mpq_t
 * data: feasibility, witnesses, coordinate ranges, and optimisation with
 * primal and dual solutions (or Farkas certificates of emptiness). Used by
 * the signaling solver (belief and mixture sets) and by the mixed-commitment
 * solver (the multiple-LPs method). Minimal by design: dense tableau,
 * Bland's rule, no presolve; meant for tens of variables and rows. */
#ifndef SCNFG_SOLVER_GAME_POLYTOPE_H
#define SCNFG_SOLVER_GAME_POLYTOPE_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum polytope_sense { POLYTOPE_LE, POLYTOPE_GE, POLYTOPE_EQ } polytope_sense;

/* A system of rows  sum_j a[j] x_j (<=|>=|=) b  over n variables x >= 0. */
typedef struct polytope {
  unsigned n;
  size_t m, cap;
  mpq_t *a;              /* m*n coefficients, row-major */
  mpq_t *b;              /* m right-hand sides */
  polytope_sense *sense; /* m senses */
} polytope;

/* Caller storage: an empty system over n >= 1 variables. */
void polytope_init (polytope *p, unsigned n);
void polytope_clear (polytope *p);
/* Removes every row (n unchanged). */
void polytope_reset (polytope *p);

/* Appends a row; coef holds n values (copied). */
void polytope_add (polytope *p, const mpq_t *coef, polytope_sense s, const mpq_t rhs);
/* Appends sum_j x_j = 1 (the simplex) and x_j = 0 for every j with
 * keep[j] false (keep may be NULL: all kept). */
void polytope_add_simplex (polytope *p, const bool *keep);

typedef enum polytope_status { POLYTOPE_EMPTY = 0, POLYTOPE_OPTIMAL = 1, POLYTOPE_UNBOUNDED = 2 } polytope_status;

/* Minimises c.x (c: n values, NULL = feasibility only) exactly by the
 * two-phase simplex method with Bland's rule (terminates; no tolerance).
 * On POLYTOPE_OPTIMAL, x (n values, initialised by the caller, may be NULL)
 * gets an optimal vertex and value (may be NULL) its objective. On
 * POLYTOPE_UNBOUNDED x gets a feasible point. */
polytope_status polytope_minimize (const polytope *p, const mpq_t *c, mpq_t *x, mpq_t value);

/* As polytope_minimize, with a certificate in y (m values, initialised by
 * the caller; may be NULL). Sign convention for row i: y_i <= 0 on a <=
 * row, y_i >= 0 on a >= row, free on an = row.
 * - POLYTOPE_OPTIMAL: y is an optimal dual solution: c_j - sum_i y_i a_ij
 *   >= 0 for every j, sum_i y_i b_i = value, and complementary slackness
 *   holds (y_i = 0 where row i is slack at x; the reduced cost is 0 where
 *   x_j > 0). With c == NULL the duals are 0.
 * - POLYTOPE_EMPTY: y is a Farkas certificate: sum_i y_i a_ij <= 0 for
 *   every j and sum_i y_i b_i > 0 (no x >= 0 satisfies the rows).
 * - POLYTOPE_UNBOUNDED: y is 0; x is feasible. */
polytope_status polytope_solve (const polytope *p, const mpq_t *c, mpq_t *x, mpq_t value, mpq_t *y);

/* True iff the system has a solution; if so and x != NULL, x gets one. */
bool polytope_feasible (const polytope *p, mpq_t *x);

/* Range of x_j over the polytope: false if it is empty; otherwise lo/hi get
 * the bounds (lo always finite since x >= 0; *hi_inf set if unbounded). */
bool polytope_range (const polytope *p, unsigned j, mpq_t lo, mpq_t hi, bool *hi_inf);

#endif
