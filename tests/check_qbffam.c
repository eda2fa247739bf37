/* Tests of instances/qbffam: the crafted families by name, the block
 * parameters with their defaults and errors, the regenerating comment line. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "instances/qbffam.h"
#include "solver/model/qbf.h"

START_TEST (crafted_by_name) {
  qbf *f = qbffam_crafted ("kbkf", 2);
  ck_assert_ptr_nonnull (f);
  ck_assert_int_eq (f->nvars, 9); /* 4N+1 */
  qbf_free (f);
  f = qbffam_crafted ("equality", 3);
  ck_assert_int_eq (f->nvars, 9); /* 3N */
  qbf_free (f);
  ck_assert_ptr_null (qbffam_crafted ("random", 3));
  ck_assert_ptr_null (qbffam_crafted ("cr", 1000));
}
END_TEST

START_TEST (blocks_defaults_and_errors) {
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  qbffam_blocks b = {0};
  char msg[200];
  ck_assert (qbffam_set_blocks (&p, &b, msg, sizeof msg));
  ck_assert_uint_eq (p.nblocks, 3);
  ck_assert (!p.first_forall);
  ck_assert (p.block_vars[0] == 5 && p.block_vars[1] == 5 && p.block_vars[2] == 10);
  ck_assert (p.block_lits[0] == 1 && p.block_lits[1] == 1 && p.block_lits[2] == 3);
  b.vars = (qbffam_list){{2, 3, 4, 5}, 4};
  b.lits = (qbffam_list){{1}, 1};
  ck_assert (qbffam_set_blocks (&p, &b, msg, sizeof msg));
  ck_assert_uint_eq (p.nblocks, 4);
  ck_assert (p.first_forall); /* even K: outermost forall */
  ck_assert (p.block_vars[3] == 5 && p.block_lits[3] == 1);
  b.blocks = 5;
  ck_assert (!qbffam_set_blocks (&p, &b, msg, sizeof msg));
  ck_assert_str_eq (msg, "--vars lists 4 blocks, expected 5");
  qbffam_blocks c = {.blocks = 5};
  ck_assert (!qbffam_set_blocks (&p, &c, msg, sizeof msg));
  ck_assert_str_eq (msg, "--vars needed for 5 blocks");
  qbffam_blocks d = {.blocks = 17};
  ck_assert (!qbffam_set_blocks (&p, &d, msg, sizeof msg));
  ck_assert_str_eq (msg, "bad --blocks '17' (an integer 1..16)");
  qbffam_blocks e = {.forall_first = true, .exists_first = true};
  ck_assert (!qbffam_set_blocks (&p, &e, msg, sizeof msg));
  ck_assert_str_eq (msg, "--forall-first and --exists-first exclude each other");
}
END_TEST

START_TEST (comment_line) {
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  qbffam_blocks b = {0};
  char msg[200], buf[300];
  ck_assert (qbffam_set_blocks (&p, &b, msg, sizeof msg));
  p.nclauses = 180;
  FILE *m = fmemopen (buf, sizeof buf, "w");
  qbffam_comment (m, "random", &p, 7);
  fclose (m);
  ck_assert_str_eq (buf, "c scnfg gen random --seed 7 --blocks 3 --vars 5,5,10 --lits 1,1,3 --exists-first --clauses 180\n");
  p.block_vars[0] = 20, p.block_vars[1] = 30, p.block_lits[0] = 2, p.block_lits[1] = 3, p.nclauses = 260;
  m = fmemopen (buf, sizeof buf, "w");
  qbffam_comment (m, "chen-interian", &p, 1);
  fclose (m);
  ck_assert_str_eq (buf, "c scnfg gen chen-interian --seed 1 --forall 20 --exists 30 --forall-lits 2 --exists-lits 3 "
                         "--clauses 260\n");
}
END_TEST

Suite *qbffam_suite (void) {
  Suite *s = suite_create ("qbffam");
  TCase *tc = tcase_create ("core");
  tcase_add_test (tc, crafted_by_name);
  tcase_add_test (tc, blocks_defaults_and_errors);
  tcase_add_test (tc, comment_line);
  suite_add_tcase (s, tc);
  return s;
}
