/* Tests of instances/generic: gamegen's generic option passes the p-adic
 * check, plain random games and a payoff whose prime is reused elsewhere do
 * not, and layer-1-only stages need no perturbation. */
#include <check.h>
#include <string.h>

#include "base/error.h"
#include "instances/gamegen.h"
#include "instances/generic.h"
#include "solver/model/gamexml.h"
#include "solver/model/game.h"
#include "tests/testutil.h"

START_TEST (generated) {
  gamegen_params p;
  gamegen_params_init (&p);
  for (unsigned s = 1; s <= 40; s++) {
    p.seed = s, p.stages = 2 + s % 6, p.domain = 2 + s % 3, p.confounders = s % 3, p.payoff_conf = s & 1;
    p.generic = true;
    game *g = gamegen_random (&p);
    char why[300] = "";
    ck_assert_msg (generic_check (g, why, sizeof why), "seed %u: %s", s, why);
    ck_assert_int_ge (game_find_var (g, "gx1"), 0);
    game_free (g);
    p.generic = false;
    g = gamegen_random (&p);
    bool choice = false;
    for (unsigned t = 1; t <= g->nstages; t++) choice |= game_stage (g, t)->layers != GAME_L1;
    ck_assert (generic_check (g, NULL, 0) == !choice);
    game_free (g);
  }
  p.seed = 3, p.stages = 3, p.confounders = 2, p.payoff_conf = true, p.generic = false;
  game *g = gamegen_random (&p);
  ck_assert_int_ge (game_find_var (g, "cx3_u1"), 0); /* u1 is revealed by stage 3 at the latest */
  game_free (g);
}
END_TEST

static game *parse (const char *xml) {
  game *g = NULL;
  scnfg_error err;
  error_init (&err);
  ck_assert_msg (gamexml_read_memory (&g, xml, strlen (xml), "t.xml", &err), "%s", err.msg);
  return g;
}

#define HEAD                                                                                                     \
  "<?xml version=\"1.0\"?>\n<scnfg version=\"1\" leader=\"L\"><player id=\"L\"/><player id=\"F\"/>"              \
  "<exogenous id=\"u\" domain=\"2\"><prior>1/3 2/3</prior></exogenous>"                                          \
  "<action id=\"x\" player=\"F\" stage=\"1\" domain=\"2\"/>"

START_TEST (hand_made) {
  /* 5 > D = 3, numerators 1, 2 distinct mod 5, no other payoff of F uses 5: generic */
  game *g = parse (HEAD "<utility id=\"g\" player=\"F\"><table parents=\"x\">1/5 2/5</table></utility>"
                        "<utility id=\"v\" player=\"F\"><table parents=\"u x\">1 1/2 0 1/4</table></utility></scnfg>");
  ck_assert (generic_check (g, NULL, 0));
  game_free (g);
  /* the prime 5 reused by another payoff of F: two terms could cancel */
  g = parse (HEAD "<utility id=\"g\" player=\"F\"><table parents=\"x\">1/5 2/5</table></utility>"
                  "<utility id=\"v\" player=\"F\"><table parents=\"u x\">1 1/5 0 1/4</table></utility></scnfg>");
  char why[300] = "";
  ck_assert (!generic_check (g, why, sizeof why));
  ck_assert_str_eq (why, "stage 1 (x): no utility of its mover over x alone with a prime denominator above 3 that no "
                         "other payoff of that player uses");
  game_free (g);
  /* a prime not above D = 3 */
  g = parse (HEAD "<utility id=\"g\" player=\"F\"><table parents=\"x\">1/3 2/3</table></utility></scnfg>");
  ck_assert (!generic_check (g, NULL, 0));
  game_free (g);
  /* equal numerators modulo the prime: indifferent */
  g = parse (HEAD "<utility id=\"g\" player=\"F\"><table parents=\"x\">1/7 8/7</table></utility></scnfg>");
  ck_assert (!generic_check (g, NULL, 0));
  game_free (g);
  /* the leader's payoff with 1/5 does not matter for F's stage */
  g = parse (HEAD "<utility id=\"g\" player=\"F\"><table parents=\"x\">1/5 2/5</table></utility>"
                  "<utility id=\"w\" player=\"L\"><table parents=\"x\">1/5 3</table></utility></scnfg>");
  ck_assert (generic_check (g, NULL, 0));
  game_free (g);
}
END_TEST

Suite *generic_suite (void) {
  Suite *s = suite_create ("generic");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 30);
  tcase_add_test (tc, generated);
  tcase_add_test (tc, hand_made);
  suite_add_tcase (s, tc);
  return s;
}
