/* fuzz-seeds: tests/data/efgread/bad instances/games */
/* libFuzzer harness for the Gambit .efg reader: any bytes give either a
 * finished game or an error record with a line, never a crash, leak or
 * abort; an accepted game's XML must be well-formed and read back equal. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "solver/model/efgread.h"
#include "solver/model/game.h"
#include "solver/model/gamexml.h"
#include "tests/fuzz/roundtrip.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  scnfg_error e;
  error_init (&e);
  game *g = NULL;
  if (!efgread_memory (&g, (const char *) data, size, "fuzz", &e)) {
    if (g || !error_is_set (&e) || (e.code == ERROR_INPUT && e.line == 0)) abort ();
    return 0;
  }
  if (!g || error_is_set (&e)) abort ();
  fuzz_xml_roundtrip (g);
  game_free (g);
  return 0;
}
