/* scnfg gengame random-game: seeded random S-CNFGs, the same as 'scnfg gen
 * random-game' (both are cli/gengames.c). */
#include "cli/gengames.h"

const char cmd_gengame_summary[] = "generate a random game (random-game --stages N --seed S)";

int cmd_gengame (int argc, char **argv) { return gengames_random_game (argc, argv); }
