/* Tests of certificates (solver/model/cert) and their checker (proofs/qcert):
 * brute-force strategies of small random formulas give valid certificates;
 * corrupted ones (a function negated, a gate flipped, a forbidden
 * dependency, a missing function) fail with a concrete reason; XML round
 * trip and bad XML; the certify CLI. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "instances/qbfgen.h"
#include "proofs/qcert.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"
#include "tests/testutil.h"


/* ---- brute-force strategies (test oracle, independent of every solver) --- */

typedef struct brute {
  const qbf *f;
  int order[24];
  unsigned n;
  signed char val[64];
  unsigned char *table[24]; /* per position: the chosen value at each history (bit j = order[j]) */
} brute;

static bool matrix (const brute *b) {
  for (unsigned c = 0; c < b->f->nclauses; c++) {
    bool sat = false;
    for (const int *l = qbf_clause_lits (b->f, c); *l && !sat; l++) sat = b->val[abs (*l)] == (*l > 0);
    if (!sat) return false;
  }
  return true;
}

/* Value at depth d under history h; records every mover's choice. */
static bool rec (brute *b, unsigned d, unsigned h) {
  if (d == b->n) return matrix (b);
  int v = b->order[d];
  bool ex = qbf_quant_of (b->f, v) == QBF_EXISTS;
  b->val[v] = 0;
  bool r0 = rec (b, d + 1, h);
  b->val[v] = 1;
  bool r1 = rec (b, d + 1, h | 1u << d);
  b->val[v] = 0;
  int choice = ex ? (r0 ? 0 : 1) : (!r0 ? 0 : 1); /* the mover's best, lowest value on ties */
  b->table[d][h] = (unsigned char) choice;
  return ex ? r0 || r1 : r0 && r1;
}

/* Sub-table of t (2^k entries) with bit j fixed to 'bit': 2^(k-1) entries. */
static unsigned char *restrict_table (const unsigned char *t, unsigned k, unsigned j, int bit) {
  size_t n = (size_t) 1 << (k - 1);
  unsigned char *r = malloc (n ? n : 1);
  for (size_t i = 0; i < n; i++) {
    size_t lowmask = ((size_t) 1 << j) - 1;
    size_t h = (i & lowmask) | ((i & ~lowmask) << 1) | ((size_t) bit << j);
    r[i] = t[h];
  }
  return r;
}

/* Function of table t over order[0..k): expand on the last variable. */
static int table_lit (cert *c, const brute *b, const unsigned char *t, unsigned k) {
  if (k == 0) return t[0] ? CERT_TRUE : CERT_FALSE;
  unsigned char *t0 = restrict_table (t, k, k - 1, 0), *t1 = restrict_table (t, k, k - 1, 1);
  int l1 = table_lit (c, b, t1, k - 1), l0 = table_lit (c, b, t0, k - 1);
  free (t0), free (t1);
  return cert_ite (c, b->order[k - 1], l1, l0);
}

/* A certificate of f's winner from brute force: Skolem if true, Herbrand if false. */
static cert *brute_cert (const qbf *f, bool *truth) {
  brute b = {.f = f};
  memset (b.val, 0, sizeof b.val);
  for (unsigned i = 0; i < f->nblocks; i++)
    for (unsigned j = 0; j < f->blocks[i].nvars; j++) b.order[b.n++] = f->blocks[i].vars[j];
  ck_assert_uint_le (b.n, 14);
  for (unsigned d = 0; d < b.n; d++) b.table[d] = calloc ((size_t) 1 << d, 1);
  *truth = rec (&b, 0, 0);
  cert *c = cert_new (*truth ? CERT_SKOLEM : CERT_HERBRAND, f->nvars);
  qbf_quant mine = *truth ? QBF_EXISTS : QBF_FORALL;
  for (unsigned d = 0; d < b.n; d++)
    if (qbf_quant_of (f, b.order[d]) == mine) cert_set_function (c, b.order[d], table_lit (c, &b, b.table[d], d));
  for (unsigned d = 0; d < b.n; d++) free (b.table[d]);
  return c;
}

START_TEST (brute_force_certificates_valid) {
  int trues = 0, falses = 0;
  for (unsigned seed = 1; seed <= 200; seed++) {
    qbfgen_random p;
    memset (&p, 0, sizeof p);
    p.nblocks = 2 + seed % 3;
    p.first_forall = p.nblocks % 2 == 0;
    for (unsigned b = 0; b < p.nblocks; b++) p.block_vars[b] = 3, p.block_lits[b] = 1;
    p.block_lits[p.nblocks - 1] = 2;
    p.nclauses = 3 * p.nblocks + seed % 5;
    qbf *f = qbfgen_random_formula (&p, seed);
    ck_assert_ptr_nonnull (f);
    bool truth;
    cert *c = brute_cert (f, &truth);
    qcert_report r;
    qcert_report_init (&r);
    ck_assert_msg (qcert_check (f, c, NULL, &r) == QCERT_VALID, "seed %u: %s", seed, r.msg);
    trues += truth, falses += !truth;
    qcert_report_clear (&r);
    cert_free (c);
    qbf_free (f);
  }
  ck_assert_int_gt (trues, 20);
  ck_assert_int_gt (falses, 20);
}
END_TEST

/* forall x exists y . x <-> y */
static const char *IFF = "p cnf 2 2\na 1 0\ne 2 0\n1 -2 0\n-1 2 0\n";

START_TEST (corrupted_certificates_fail) {
  qbf *f = tu_qbf (IFF);
  qcert_report r;
  qcert_report_init (&r);
  cert *c = cert_new (CERT_SKOLEM, 2);
  cert_set_function (c, 2, 1); /* y = x */
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_VALID);
  cert_set_function (c, 2, -1); /* y = -x: falsified by any x */
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_INVALID);
  ck_assert_ptr_nonnull (r.assignment);
  ck_assert_int_ge (r.clause, 0);
  /* the counterexample really falsifies that clause under y = -x */
  ck_assert_int_eq (r.assignment[2], !r.assignment[1]);
  /* y reads itself: not an outer variable */
  cert_set_function (c, 2, 2);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_BAD_DEPENDENCY);
  ck_assert_str_eq (r.msg, "the function of variable 2 reads variable 2, which is not quantified before it");
  /* constant simplification keeps no useless gates */
  ck_assert_int_eq (cert_and (c, 1, CERT_TRUE), 1);
  ck_assert_int_eq (cert_and (c, 1, -1), CERT_FALSE);
  ck_assert_int_eq (cert_ite (c, CERT_TRUE, 1, -1), 1);
  ck_assert_uint_eq (c->ngates, 0);
  cert_free (c);
  qcert_report_clear (&r);
  qbf_free (f);
}
END_TEST

/* exists a b, forall x, exists y . y <-> (x xor a), plus (a | b): a real gate DAG */
START_TEST (gate_flip_detected) {
  qbf *f = tu_qbf ("p cnf 4 5\ne 1 2 0\na 3 0\ne 4 0\n1 2 0\n-4 3 1 0\n-4 -3 -1 0\n4 -3 1 0\n4 3 -1 0\n");
  cert *c = cert_new (CERT_SKOLEM, 4);
  cert_set_function (c, 1, CERT_TRUE);
  cert_set_function (c, 2, CERT_FALSE);
  int g1 = cert_and (c, 3, -1), g2 = cert_and (c, -3, 1); /* x & -a, -x & a */
  int y = cert_or (c, g1, g2);
  cert_set_function (c, 4, y);
  qcert_report r;
  qcert_report_init (&r);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_VALID);
  ck_assert_uint_eq (c->ngates, 3);
  c->gates[0].a = -c->gates[0].a; /* flip an input of g1: harmless, a = 1 masks it */
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_VALID);
  c->gates[0].a = -c->gates[0].a;
  c->gates[1].a = -c->gates[1].a; /* flip an input of g2: now y = x, but y must be -x */
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_INVALID);
  /* x = 1 falsifies clause 3 (-y | -x | -a), x = 0 clause 5 (y | x | -a) */
  ck_assert_str_eq (r.msg, r.assignment[3] ? "invalid: the universal assignment below falsifies clause 3"
                                           : "invalid: the universal assignment below falsifies clause 5");
  ck_assert_int_eq (r.assignment[4], r.assignment[3]);
  cert_free (c);
  /* a forbidden dependency: a reads x (inner) */
  c = cert_new (CERT_SKOLEM, 4);
  cert_set_function (c, 1, 3);
  cert_set_function (c, 2, CERT_TRUE);
  cert_set_function (c, 4, CERT_FALSE);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_BAD_DEPENDENCY);
  ck_assert_str_eq (r.msg, "the function of variable 1 reads variable 3, which is not quantified before it");
  cert_free (c);
  /* missing function */
  c = cert_new (CERT_SKOLEM, 4);
  cert_set_function (c, 1, CERT_TRUE);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_INCOMPLETE);
  ck_assert_str_eq (r.msg, "no function for existential variable 2");
  /* a function for a universal variable in a Skolem certificate */
  cert_set_function (c, 3, CERT_TRUE);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_BAD_DEPENDENCY);
  ck_assert_str_eq (r.msg, "function given for variable 3, which is not existential in the formula");
  cert_free (c);
  qcert_report_clear (&r);
  qbf_free (f);
}
END_TEST

START_TEST (herbrand_for_false) {
  /* exists y forall x . x <-> y is false: Herbrand x = -y */
  qbf *f = tu_qbf ("p cnf 3 2\ne 2 0\na 1 0\ne 3 0\n1 -2 0\n-1 2 0\n");
  cert *c = cert_new (CERT_HERBRAND, 3);
  cert_set_function (c, 1, -2);
  qcert_report r;
  qcert_report_init (&r);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_VALID);
  cert_set_function (c, 1, 2);
  ck_assert_int_eq (qcert_check (f, c, NULL, &r), QCERT_INVALID);
  ck_assert_str_eq (r.msg, "invalid: the existential assignment below satisfies every clause");
  cert_free (c);
  qcert_report_clear (&r);
  qbf_free (f);
}
END_TEST

START_TEST (xml_round_trip_and_cli) {
  char *dir = tu_tmpdir ();
  qbf *f = tu_qbf ("p cnf 4 5\ne 1 2 0\na 3 0\ne 4 0\n1 2 0\n-4 3 1 0\n-4 -3 -1 0\n4 -3 1 0\n4 3 -1 0\n");
  cert *c = cert_new (CERT_SKOLEM, 4);
  cert_set_function (c, 1, CERT_TRUE);
  cert_set_function (c, 2, CERT_FALSE);
  int g1 = cert_and (c, 3, -1);
  int g2 = cert_and (c, -3, 1);
  cert_set_function (c, 4, cert_or (c, g1, g2));
  char path[4200];
  snprintf (path, sizeof path, "%s/c.xml", dir);
  FILE *out = fopen (path, "w");
  ck_assert (cert_write (out, c));
  fclose (out);
  cert *d;
  scnfg_error e;
  error_init (&e);
  ck_assert_msg (cert_read_file (&d, path, &e), "%s:%u: %s", e.file, e.line, e.msg);
  ck_assert_uint_eq (d->ngates, c->ngates);
  ck_assert_uint_eq (d->nfuncs, c->nfuncs);
  ck_assert_int_eq (memcmp (d->gates, c->gates, c->ngates * sizeof *c->gates), 0);
  ck_assert_int_eq (memcmp (d->funcs, c->funcs, c->nfuncs * sizeof *c->funcs), 0);
  cert_free (d);
  char fpath[4200];
  snprintf (fpath, sizeof fpath, "%s/f.qdimacs", dir);
  out = fopen (fpath, "w");
  qdimacs_write (out, f);
  fclose (out);
  char *so, *se;
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fpath, path), 0);
  ck_assert_ptr_nonnull (strstr (so, "s VALID\n"));
  free (so), free (se);
  c->gates[1].a = -c->gates[1].a;
  out = fopen (path, "w");
  cert_write (out, c);
  fclose (out);
  ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fpath, path), 1);
  ck_assert_ptr_nonnull (strstr (so, "s INVALID\nc invalid: the universal assignment below falsifies clause "));
  free (so), free (se);
  /* bad XML: each gives exit 2 and one line naming file and line */
  static const struct { const char *text, *msg; } bad[] = {
    {"<qbf-certificate version=\"1\" kind=\"both\" vars=\"4\"/>",
     ":1: element <qbf-certificate>: does not match the schema: Element qbf-certificate failed to validate attributes\n"},
    {"<!DOCTYPE x [<!ENTITY a \"b\">]>\n<qbf-certificate version=\"1\" kind=\"skolem\" vars=\"4\"/>",
     ":1: document carries a DTD (<!DOCTYPE>), which is not allowed\n"},
    {"<qbf-certificate version=\"1\" kind=\"skolem\" vars=\"4\">\n<gate id=\"6\" a=\"1\" b=\"2\"/>\n</qbf-certificate>",
     ":2: <gate>: expected id=\"5\" (gate ids follow the variables, in order)\n"},
    {"<qbf-certificate version=\"1\" kind=\"skolem\" vars=\"4\">\n<gate id=\"5\" a=\"1\" b=\"5\"/>\n</qbf-certificate>",
     ":2: <gate id=\"5\">: input b must be true, false or a nonzero literal of a variable or an earlier gate\n"},
    {"<qbf-certificate version=\"1\" kind=\"skolem\" vars=\"4\">\n\n<strategy/>\n</qbf-certificate>",
     ":3: element <strategy>: does not match the schema: "},
    {"<qbf-certificate version=\"1\" kind=\"skolem\" vars=\"4\">\n<function var=\"9\" lit=\"1\"/>\n</qbf-certificate>",
     ":2: <function>: expected var=\"X\" with 1 <= X <= 4\n"},
    {"<qbf-certificate version=\"1\" kind=\"skolem\" vars=\"4\">\n<gate id=\"5\" a=\"1\"",
     ":2: not well-formed XML: "},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char *p = tu_write (dir, "bad.xml", bad[i].text);
    ck_assert_int_eq (tu_run (&so, &se, "certify '%s' '%s'", fpath, p), 2);
    char expect[600];
    snprintf (expect, sizeof expect, "%s%s", p, bad[i].msg);
    ck_assert_msg (!strncmp (se, expect, strlen (expect)), "case %zu: got '%s', expected '%s'", i, se, expect);
    ck_assert_str_eq (so, "");
    free (so), free (se), free (p);
  }
  cert_free (c);
  qbf_free (f);
  tu_rmdir (dir);
  free (dir);
}
END_TEST

Suite *qcert_suite (void) {
  Suite *s = suite_create ("qcert");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, brute_force_certificates_valid);
  tcase_add_test (tc, corrupted_certificates_fail);
  tcase_add_test (tc, gate_flip_detected);
  tcase_add_test (tc, herbrand_for_false);
  tcase_add_test (tc, xml_round_trip_and_cli);
  suite_add_tcase (s, tc);
  return s;
}
