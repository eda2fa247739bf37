/* Tests of orchestrate/encode: the QDIMACS file of a win/lose game (its
 * comment lines exactly), and a game outside the class as an error. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "orchestrate/encode.h"
#include "tests/testutil.h"

START_TEST (win_lose_game) {
  char *d = tu_tmpdir ();
  ck_assert_int_eq (tu_run (NULL, NULL, "gengame random-game --win-lose --stages 3 --seed 1 -o %s/g.xml", d), 0);
  char in[600], out[600];
  snprintf (in, sizeof in, "%s/g.xml", d);
  snprintf (out, sizeof out, "%s/g.qdimacs", d);
  mpq_t t;
  mpq_init (t);
  mpq_set_ui (t, 1, 2);
  scnfg_error err;
  error_init (&err);
  ck_assert (encode_file (in, t, out, &err));
  char *text = tu_slurp (out), want[800];
  snprintf (want, sizeof want, "c scnfg encode %s --threshold 1/2\nc var 1 = ", in);
  ck_assert (!strncmp (text, want, strlen (want)));
  ck_assert_ptr_nonnull (strstr (text, "\np cnf "));
  free (text);
  char *bad = tu_path ("instances/games/beer-quiche-layers.xml");
  ck_assert (!encode_file (bad, t, out, &err));
  ck_assert (error_is_set (&err));
  free (bad);
  mpq_clear (t);
  tu_rmdir (d), free (d);
}
END_TEST

Suite *encode_suite (void) {
  Suite *s = suite_create ("encode");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, win_lose_game);
  suite_add_tcase (s, tc);
  return s;
}
