/* encode: a game file to a QDIMACS file (see encode.h). */
#include "orchestrate/encode.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/rat.h"
#include "reductions/game2qbf.h"
#include "solver/model/game.h"
#include "solver/model/gamexml.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

/* Writes the comment lines and the formula. */
static bool write_qbf (FILE *out, const char *in, const mpq_t t, const qbf *f, char **names) {
  fprintf (out, "c scnfg encode %s --threshold ", in);
  rat_print (out, t);
  fputc ('\n', out);
  for (int v = 1; v <= f->nvars; v++)
    if (names[v][0]) fprintf (out, "c var %d = %s\n", v, names[v]);
  return qdimacs_write (out, f);
}

bool encode_file (const char *in, const mpq_t t, const char *out, scnfg_error *err) {
  game *g = NULL;
  qbf *f = NULL;
  char **names = NULL;
  bool ok = gamexml_read_file (&g, in, err) && game2qbf_encode (&f, &names, g, t, err);
  if (ok) {
    afile a;
    if (!afile_open (&a, out, err)) ok = false;
    else if (!write_qbf (a.f, in, t, f, names)) afile_abort (&a), ok = false;
    else ok = afile_commit (&a, err);
  }
  if (names) {
    for (int v = 0; v <= f->nvars; v++) free (names[v]);
    free (names);
  }
  qbf_free (f);
  game_free (g);
  return ok;
}
