/* Shared by the game-reading harnesses: g written as XML must read back
 * equal (aborts otherwise, so libFuzzer reports it). */
#ifndef SCNFG_TESTS_FUZZ_ROUNDTRIP_H
#define SCNFG_TESTS_FUZZ_ROUNDTRIP_H

#include <stdio.h>
#include <stdlib.h>

#include "base/error.h"
#include "solver/model/game.h"
#include "solver/model/gamexml.h"

static void fuzz_xml_roundtrip (const game *g) {
  scnfg_error e;
  error_init (&e);
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream (&buf, &n);
  gamexml_write (f, g);
  fclose (f);
  game *h = NULL;
  if (!gamexml_read_memory (&h, buf, n, "fuzz-rt", &e) || !game_equal (g, h)) abort ();
  game_free (h);
  free (buf);
}

#endif
