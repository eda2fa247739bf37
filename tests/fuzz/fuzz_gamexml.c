/* fuzz-seeds: tests/data/gamexml/bad instances/games tests/data/claims */
/* libFuzzer harness for the game XML reader: any bytes must give either a
 * finished game or an error record, never a crash, leak or abort; an
 * accepted game must survive write-then-read unchanged, and the solver and
 * the exports must run on it within small limits. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "proofs/chk_spe.h"
#include "solver/model/export.h"
#include "solver/model/gamexml.h"
#include "tests/fuzz/roundtrip.h"
#include "solver/model/game.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"
#include "solver/game/spe.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A fixed game for the profile reader (the active-if tree of issue 4). */
static const char tree[] =
    "<scnfg version=\"1\" leader=\"L\"><player id=\"L\"/><player id=\"F\"/>"
    "<action id=\"m\" player=\"L\" stage=\"1\"/>"
    "<action id=\"f\" player=\"F\" stage=\"2\"><observes ref=\"m\"/>"
    "<active-if><eq ref=\"m\" value=\"0\"/></active-if></action>"
    "<action id=\"e\" player=\"L\" stage=\"3\"><observes ref=\"m\"/><observes ref=\"f\"/></action>"
    "<utility id=\"uL\" player=\"L\"><table parents=\"m f e\">1 1 3 0 5/4 5/4 5/4 5/4</table></utility>"
    "<utility id=\"uF\" player=\"F\"><table parents=\"m f e\">1 1 0 2 1/2 1/2 1/2 1/2</table></utility>"
    "</scnfg>";

static void try_profile (const uint8_t *data, size_t size) {
  scnfg_error e;
  error_init (&e);
  game *g = NULL;
  if (!gamexml_read_memory (&g, tree, sizeof tree - 1, "tree", &e)) abort ();
  game_profile *p = NULL;
  error_init (&e);
  if (result_read_profile_memory (&p, g, (const char *) data, size, "fuzz-profile", &e)) {
    chk_spe_report rep;
    if (!chk_spe_check (g, p, GAME_TIE_STRONG, NULL, &rep, &e)) abort ();
    profile_free (p);
  } else if (p || !error_is_set (&e)) {
    abort ();
  }
  game_free (g);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  scnfg_error e;
  error_init (&e);
  game *g = NULL;
  if (!gamexml_read_memory (&g, (const char *) data, size, "fuzz", &e)) {
    if (g || !error_is_set (&e)) abort ();
    try_profile (data, size);
    return 0;
  }
  if (!g || error_is_set (&e)) abort ();
  fuzz_xml_roundtrip (g);
  /* exports and the solver, bounded */
  FILE *null = fopen ("/dev/null", "w");
  error_init (&e);
  export_efg (null, g, 2000, &e);
  export_dot (null, g);
  fclose (null);
  spe_options o;
  spe_options_init (&o);
  o.limits.max_nodes = 2000;
  o.max_profile = 4096;
  game_solution sol;
  error_init (&e);
  if (spe_solve (g, &o, &sol, &e) && sol.status == GAME_SOLVED && sol.profile) {
    chk_spe_report rep;
    if (!chk_spe_check (g, sol.profile, o.tie, NULL, &rep, &e) || rep.verdict != CHK_SPE_OK) abort ();
  }
  profile_solution_clear (&sol);
  game_free (g);
  return 0;
}
