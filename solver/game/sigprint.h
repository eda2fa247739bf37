/* Reports of signaling analyses (solver/game/signal): the human-readable
 * table and the XML document (docs/signaling.md describes both). */
#ifndef SCNFG_SOLVER_GAME_SIGPRINT_H
#define SCNFG_SOLVER_GAME_SIGPRINT_H

#include <stdio.h>

struct signal_game;
struct signal_result;

/* Which refinements to report: bit 1 intuitive criterion, bit 2 D1. */
enum { SIGPRINT_INTUITIVE = 1, SIGPRINT_D1 = 2 };

/* Writes the human report of r (solved from sg) to f. */
void sigprint_text (FILE *f, const struct signal_game *sg, const struct signal_result *r, unsigned refine);
/* Writes the XML report (<scnfg-signal> document) of r to f. */
void sigprint_xml (FILE *f, const struct signal_game *sg, const struct signal_result *r, unsigned refine);

#endif
