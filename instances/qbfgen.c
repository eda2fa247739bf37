/* Seeded QBF/SSAT generators: a random prefix-CNF model and four crafted false families.
 *
 * Random model (qbfgen_random_formula): the fixed-literals-per-block model of
 *   H. Chen, Y. Interian, "A model for generating random quantified Boolean
 *   formulas", IJCAI 2005, pp. 66-71.
 * Blocks alternate in quantifier, the innermost is existential; each clause
 * takes exactly block_lits[b] distinct variables of block b, each with a fair
 * random polarity; the clauses are drawn independently (with replacement, as
 * in the model). Variables are numbered block by block, outermost first.
 * Distinct variables per block are drawn by a partial Fisher-Yates shuffle of
 * a per-block array that is kept between clauses (still uniform, and linear).
 *
 * SSAT variant (random_blocks): after the prefix quantifiers are fixed, each
 * block other than the innermost becomes an r block with chance 1/2 (if none
 * did, one of them, chosen uniformly, becomes one), so the formula always has
 * at least one r block and keeps an existential innermost block. Every
 * variable of an r block gets its own probability k/d with d uniform in
 * {2,3,4,5} and k uniform in 1..d-1 (never 0 or 1), so the exact value has a
 * small denominator. Adjacent r blocks merge (qbf_add_block).
 *
 * Crafted families (all false for every n >= 1), variables numbered in prefix order:
 *   KBKF(t): H. Kleine Buening, M. Karpinski, A. Floegel, "Resolution for
 *     quantified Boolean formulas", Information and Computation 117(1), 1995;
 *     clause form as in O. Beyersdorff, L. Chew, M. Janota, "Proof complexity
 *     of resolution-based QBF calculi", STACS 2015 (and Beyersdorff, Blinkhorn,
 *     Hinde, LMCS 15(1), 2019):
 *       E y0 y1^0 y1^1  A x1  E y2^0 y2^1  A x2 ... E yt^0 yt^1  A xt  E z1..zt.
 *       -y0;  (y0 | -y1^0 | -y1^1);
 *       i < t: (yi^0 | xi | -y(i+1)^0 | -y(i+1)^1),  (yi^1 | -xi | -y(i+1)^0 | -y(i+1)^1);
 *       (yt^0 | xt | -z1 | ... | -zt),  (yt^1 | -xt | -z1 | ... | -zt);
 *       each i: (xi | zi), (-xi | zi).
 *     4t+1 variables, 4t+2 clauses, 2t+1 blocks.
 *   QParity(n): Beyersdorff, Chew, Janota, STACS 2015:
 *       E x1..xn  A z  E t1..tn.  t1 = x1, ti = t(i-1) xor xi (Tseitin), (z | tn), (-z | -tn).
 *     2n+1 variables, 4n clauses.
 *   CR(n) (completion principle): M. Janota, J. Marques-Silva, "Expansion-based
 *     QBF solving versus Q-resolution", Theoretical Computer Science 577, 2015:
 *       E x11..xnn  A z  E a1..an b1..bn.  (xij | z | ai), (-xij | -z | bj) for all i, j;
 *       (-a1 | ... | -an);  (-b1 | ... | -bn).
 *     n^2+2n+1 variables, 2n^2+2 clauses.
 *   equality(n): O. Beyersdorff, J. Blinkhorn, L. Hinde, "Size, cost, and
 *     capacity: a semantic technique for hard random QBFs", ITCS 2018 / LMCS 15(1), 2019:
 *       E x1..xn  A u1..un  E t1..tn.  (-xi | -ui | -ti), (xi | ui | -ti);  (t1 | ... | tn).
 *     3n variables, 2n+1 clauses. (The paper writes ti for our -ti; same formula.)
 */
#include "instances/qbfgen.h"

#include <gmp.h>
#include <stdlib.h>

#include "base/mem.h"
#include "base/prng.h"
#include "solver/model/qbf.h"

/* ---------------------------------------------------------------- random */

/* Checks the parameters; on success sets *total_vars and *clause_len. */
static bool random_params_ok (const qbfgen_random *p, unsigned *total_vars, unsigned *clause_len,
                              const char **why) {
#define REJECT(msg) return (why ? (void) (*why = (msg)) : (void) 0), false
  if (!p || p->nblocks < 1 || p->nblocks > QBFGEN_MAX_BLOCKS) REJECT ("the number of blocks must be 1..16");
  /* alternation with an existential innermost block fixes the outermost quantifier */
  bool innermost_exists = p->first_forall ? p->nblocks % 2 == 0 : p->nblocks % 2 == 1;
  if (!innermost_exists)
    REJECT (p->first_forall ? "a forall-first prefix needs an even number of blocks (innermost exists)"
                            : "an exists-first prefix needs an odd number of blocks (innermost exists)");
  if (p->random_blocks && p->nblocks < 2) REJECT ("SSAT needs at least 2 blocks (only outer blocks become r)");
  uint64_t vars = 0, len = 0;
  for (unsigned b = 0; b < p->nblocks; b++) {
    if (p->block_vars[b] < 1) REJECT ("every block needs at least one variable");
    if (p->block_lits[b] > p->block_vars[b]) REJECT ("a block has more literals per clause than variables");
    vars += p->block_vars[b];
    len += p->block_lits[b];
  }
  if (p->block_lits[p->nblocks - 1] < 1) REJECT ("every clause needs a literal of the innermost block");
  if (vars > QBFGEN_MAX_VARS) REJECT ("too many variables (at most 1000000)");
  if ((uint64_t) p->nclauses * (len + 1) > QBFGEN_MAX_LITS) REJECT ("too many literals (at most 20000000 in all)");
#undef REJECT
  *total_vars = (unsigned) vars;
  *clause_len = (unsigned) len;
  return true;
}

bool qbfgen_random_check (const qbfgen_random *p, const char **why) {
  unsigned v, l;
  return random_params_ok (p, &v, &l, why);
}

qbf *qbfgen_random_formula (const qbfgen_random *p, uint64_t seed) {
  unsigned total, len;
  if (!random_params_ok (p, &total, &len, NULL)) return NULL;
  prng r;
  prng_seed (&r, seed);

  /* quantifiers: alternate, innermost exists; then, for SSAT, choose r blocks */
  qbf_quant quant[QBFGEN_MAX_BLOCKS];
  for (unsigned b = 0; b < p->nblocks; b++)
    quant[b] = ((p->nblocks - 1 - b) % 2 == 0) ? QBF_EXISTS : QBF_FORALL;
  if (p->random_blocks) {
    bool any = false;
    for (unsigned b = 0; b + 1 < p->nblocks; b++)
      if (prng_chance (&r, 1, 2)) quant[b] = QBF_RANDOM, any = true;
    if (!any) quant[prng_below (&r, p->nblocks - 1)] = QBF_RANDOM;
  }

  qbf *f = qbf_new ((long) total, (long) p->nclauses);
  int *vars = mem_alloc ((size_t) total * sizeof *vars); /* per-block shuffle arrays, concatenated */
  unsigned first[QBFGEN_MAX_BLOCKS];
  mpq_t prob;
  mpq_init (prob);
  for (unsigned b = 0, v = 0; b < p->nblocks; b++) {
    first[b] = v;
    for (unsigned i = 0; i < p->block_vars[b]; i++, v++) {
      vars[v] = (int) v + 1;
      if (quant[b] == QBF_RANDOM) {
        unsigned long d = 2 + (unsigned long) prng_below (&r, 4);
        unsigned long k = 1 + (unsigned long) prng_below (&r, d - 1);
        mpq_set_ui (prob, k, d);
        mpq_canonicalize (prob);
        qbf_add_block (f, QBF_RANDOM, &vars[v], 1, prob);
      }
    }
    if (quant[b] != QBF_RANDOM) qbf_add_block (f, quant[b], &vars[first[b]], p->block_vars[b], NULL);
  }
  mpq_clear (prob);

  int *clause = mem_alloc ((size_t) len * sizeof *clause);
  for (unsigned c = 0; c < p->nclauses; c++) {
    unsigned n = 0;
    for (unsigned b = 0; b < p->nblocks; b++) {
      int *a = &vars[first[b]];
      unsigned nv = p->block_vars[b];
      for (unsigned i = 0; i < p->block_lits[b]; i++) {
        unsigned j = i + (unsigned) prng_below (&r, nv - i);
        int t = a[i];
        a[i] = a[j], a[j] = t;
        clause[n++] = prng_chance (&r, 1, 2) ? a[i] : -a[i];
      }
    }
    qbf_add_clause (f, clause, n);
  }
  free (clause);
  free (vars);
  qbf_finish (f);
  return f;
}

/* --------------------------------------------------------------- crafted */

/* Small builder helpers: one clause or block from a literal list. */
typedef struct lits { int *a; unsigned n; } lits;

static void lits_push (lits *l, int x) { l->a[l->n++] = x; }

static void add_block_range (qbf *f, qbf_quant q, int lo, int hi, lits *tmp) {
  tmp->n = 0;
  for (int v = lo; v <= hi; v++) lits_push (tmp, v);
  qbf_add_block (f, q, tmp->a, tmp->n, NULL);
}

/* Largest n accepted by each family keeps the formula under QBFGEN_MAX_VARS
 * variables and QBFGEN_MAX_LITS literal slots. */
static bool crafted_size_ok (uint64_t vars, uint64_t lit_slots) {
  return vars <= QBFGEN_MAX_VARS && lit_slots <= QBFGEN_MAX_LITS;
}

qbf *qbfgen_kbkf (unsigned t) {
  /* y0 = 1; yi^0 = 3i-1, yi^1 = 3i, xi = 3i+1 (1 <= i <= t); zi = 3t+1+i */
  if (t == 0 || t > QBFGEN_MAX_VARS / 4) return NULL;
  uint64_t nv = 4 * (uint64_t) t + 1, nc = 4 * (uint64_t) t + 2;
  /* the two long clauses have t+3 slots, the rest at most 5 */
  if (!crafted_size_ok (nv, 5 * nc + 2 * (uint64_t) t)) return NULL;
  qbf *f = qbf_new ((long) nv, (long) nc);
  lits l = { mem_alloc (((size_t) t + 3) * sizeof (int)), 0 };
#define Y0(i) (3 * (int) (i) - 1)
#define Y1(i) (3 * (int) (i))
#define X(i) (3 * (int) (i) + 1)
#define Z(i) (3 * (int) t + 1 + (int) (i))
  for (unsigned i = 1; i <= t; i++) {
    l.n = 0;
    if (i == 1) lits_push (&l, 1);
    lits_push (&l, Y0 (i));
    lits_push (&l, Y1 (i));
    qbf_add_block (f, QBF_EXISTS, l.a, l.n, NULL);
    l.n = 0;
    lits_push (&l, X (i));
    qbf_add_block (f, QBF_FORALL, l.a, 1, NULL);
  }
  add_block_range (f, QBF_EXISTS, Z (1), Z (t), &l);

  l.n = 0, lits_push (&l, -1);
  qbf_add_clause (f, l.a, l.n);
  l.n = 0, lits_push (&l, 1), lits_push (&l, -Y0 (1)), lits_push (&l, -Y1 (1));
  qbf_add_clause (f, l.a, l.n);
  for (unsigned i = 1; i < t; i++)
    for (int side = 0; side < 2; side++) {
      l.n = 0;
      lits_push (&l, side ? Y1 (i) : Y0 (i));
      lits_push (&l, side ? -X (i) : X (i));
      lits_push (&l, -Y0 (i + 1));
      lits_push (&l, -Y1 (i + 1));
      qbf_add_clause (f, l.a, l.n);
    }
  for (int side = 0; side < 2; side++) {
    l.n = 0;
    lits_push (&l, side ? Y1 (t) : Y0 (t));
    lits_push (&l, side ? -X (t) : X (t));
    for (unsigned i = 1; i <= t; i++) lits_push (&l, -Z (i));
    qbf_add_clause (f, l.a, l.n);
  }
  for (unsigned i = 1; i <= t; i++) {
    l.n = 0, lits_push (&l, X (i)), lits_push (&l, Z (i));
    qbf_add_clause (f, l.a, l.n);
    l.n = 0, lits_push (&l, -X (i)), lits_push (&l, Z (i));
    qbf_add_clause (f, l.a, l.n);
  }
#undef Y0
#undef Y1
#undef X
#undef Z
  free (l.a);
  qbf_finish (f);
  return f;
}

qbf *qbfgen_qparity (unsigned n) {
  /* xi = i; z = n+1; ti = n+1+i */
  if (n == 0 || n > QBFGEN_MAX_VARS / 2) return NULL;
  uint64_t nv = 2 * (uint64_t) n + 1, nc = 4 * (uint64_t) n;
  if (!crafted_size_ok (nv, 4 * nc)) return NULL;
  qbf *f = qbf_new ((long) nv, (long) nc);
  int buf[3];
  lits l = { buf, 0 };
  int big_n = (int) n, z = big_n + 1;
  int *xs = mem_alloc ((size_t) n * sizeof *xs);
  lits lx = { xs, 0 };
  add_block_range (f, QBF_EXISTS, 1, big_n, &lx);
  l.n = 0, lits_push (&l, z);
  qbf_add_block (f, QBF_FORALL, l.a, 1, NULL);
  add_block_range (f, QBF_EXISTS, z + 1, z + big_n, &lx);
  free (xs);
#define T(i) (z + (int) (i))
  /* t1 <-> x1 */
  l.n = 0, lits_push (&l, -T (1)), lits_push (&l, 1);
  qbf_add_clause (f, l.a, l.n);
  l.n = 0, lits_push (&l, T (1)), lits_push (&l, -1);
  qbf_add_clause (f, l.a, l.n);
  /* ti <-> t(i-1) xor xi: forbid the four assignments with ti != t(i-1) xor xi */
  for (unsigned i = 2; i <= n; i++)
    for (int s = 0; s < 4; s++) {
      int a = s & 1, b = (s >> 1) & 1, c = a ^ b; /* t(i-1) = a, xi = b, ti must be c */
      l.n = 0;
      lits_push (&l, a ? -T (i - 1) : T (i - 1));
      lits_push (&l, b ? -(int) i : (int) i);
      lits_push (&l, c ? T (i) : -T (i));
      qbf_add_clause (f, l.a, l.n);
    }
  l.n = 0, lits_push (&l, z), lits_push (&l, T (n));
  qbf_add_clause (f, l.a, l.n);
  l.n = 0, lits_push (&l, -z), lits_push (&l, -T (n));
  qbf_add_clause (f, l.a, l.n);
#undef T
  qbf_finish (f);
  return f;
}

qbf *qbfgen_cr (unsigned n) {
  /* xij = (i-1)n + j; z = n^2+1; ai = n^2+1+i; bj = n^2+n+1+j */
  if (n == 0 || n > 999) return NULL; /* n^2+2n+1 <= QBFGEN_MAX_VARS */
  uint64_t nn = (uint64_t) n * n, nv = nn + 2 * (uint64_t) n + 1, nc = 2 * nn + 2;
  if (!crafted_size_ok (nv, 4 * 2 * nn + 2 * ((uint64_t) n + 1))) return NULL;
  qbf *f = qbf_new ((long) nv, (long) nc);
  int N = (int) n, z = N * N + 1;
  lits l = { mem_alloc (((size_t) nn + 3) * sizeof (int)), 0 };
  add_block_range (f, QBF_EXISTS, 1, N * N, &l);
  l.n = 0, lits_push (&l, z);
  qbf_add_block (f, QBF_FORALL, l.a, 1, NULL);
  add_block_range (f, QBF_EXISTS, z + 1, z + 2 * N, &l);
#define XV(i, j) (((int) (i) - 1) * N + (int) (j))
#define A(i) (z + (int) (i))
#define B(j) (z + N + (int) (j))
  for (unsigned i = 1; i <= n; i++)
    for (unsigned j = 1; j <= n; j++) {
      l.n = 0, lits_push (&l, XV (i, j)), lits_push (&l, z), lits_push (&l, A (i));
      qbf_add_clause (f, l.a, l.n);
      l.n = 0, lits_push (&l, -XV (i, j)), lits_push (&l, -z), lits_push (&l, B (j));
      qbf_add_clause (f, l.a, l.n);
    }
  l.n = 0;
  for (unsigned i = 1; i <= n; i++) lits_push (&l, -A (i));
  qbf_add_clause (f, l.a, l.n);
  l.n = 0;
  for (unsigned j = 1; j <= n; j++) lits_push (&l, -B (j));
  qbf_add_clause (f, l.a, l.n);
#undef XV
#undef A
#undef B
  free (l.a);
  qbf_finish (f);
  return f;
}

qbf *qbfgen_equality (unsigned n) {
  /* xi = i; ui = n+i; ti = 2n+i */
  if (n == 0 || n > QBFGEN_MAX_VARS / 3) return NULL;
  uint64_t nv = 3 * (uint64_t) n, nc = 2 * (uint64_t) n + 1;
  if (!crafted_size_ok (nv, 4 * 2 * (uint64_t) n + n + 1)) return NULL;
  qbf *f = qbf_new ((long) nv, (long) nc);
  int N = (int) n;
  lits l = { mem_alloc ((size_t) n * sizeof (int) + 3 * sizeof (int)), 0 };
  add_block_range (f, QBF_EXISTS, 1, N, &l);
  add_block_range (f, QBF_FORALL, N + 1, 2 * N, &l);
  add_block_range (f, QBF_EXISTS, 2 * N + 1, 3 * N, &l);
  for (int i = 1; i <= N; i++) {
    l.n = 0, lits_push (&l, -i), lits_push (&l, -(N + i)), lits_push (&l, -(2 * N + i));
    qbf_add_clause (f, l.a, l.n);
    l.n = 0, lits_push (&l, i), lits_push (&l, N + i), lits_push (&l, -(2 * N + i));
    qbf_add_clause (f, l.a, l.n);
  }
  l.n = 0;
  for (int i = 1; i <= N; i++) lits_push (&l, 2 * N + i);
  qbf_add_clause (f, l.a, l.n);
  free (l.a);
  qbf_finish (f);
  return f;
}
