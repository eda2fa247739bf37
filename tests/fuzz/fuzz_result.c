/* fuzz-seeds: tests/data/result */
/* libFuzzer harness for the result-document readers (solver/model/result):
 * any bytes read as a mixed-commitment result (behavioural profile and LP or
 * tree certificate) and as a pure profile, against a fixed one-shot game and
 * a fixed perfect-information tree (instances/games, read from the top of
 * the tree: mk/fuzz.sh runs there), give a result or an error record with a
 * line, never a crash, leak or abort; an accepted mixed result is checked
 * by proofs/chk_mixed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "proofs/chk_mixed.h"
#include "solver/model/behav.h"
#include "solver/model/game.h"
#include "solver/model/gamexml.h"
#include "solver/model/profile.h"
#include "solver/model/result.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static game *load (const char *path) {
  scnfg_error e;
  error_init (&e);
  game *g = NULL;
  if (!gamexml_read_file (&g, path, &e)) {
    fprintf (stderr, "fuzz_result: %s:%u: %s (run from the top of the tree)\n", e.file, e.line, e.msg);
    abort ();
  }
  return g;
}

static void try_game (const game *g, const uint8_t *data, size_t size) {
  scnfg_error e;
  error_init (&e);
  behav_profile *b = NULL;
  behav_cert c;
  if (result_read_mixed_memory (&b, &c, g, (const char *) data, size, "fuzz", &e)) {
    if (!b || error_is_set (&e)) abort ();
    chk_mixed_report rep;
    chk_mixed_report_init (&rep);
    chk_mixed_check (g, b, &c, &rep, &e);
    chk_mixed_report_clear (&rep);
    behav_free (b);
    behav_cert_clear (&c);
  } else if (b || !error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) {
    abort ();
  }
  error_init (&e);
  game_profile *p = NULL;
  if (result_read_profile_memory (&p, g, (const char *) data, size, "fuzz", &e)) profile_free (p);
  else if (p || !error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) abort ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  static game *oneshot, *tree;
  if (!oneshot) oneshot = load ("instances/games/oneshot-2x2.xml"), tree = load ("instances/games/active-if-tree.xml");
  try_game (oneshot, data, size);
  try_game (tree, data, size);
  return 0;
}
