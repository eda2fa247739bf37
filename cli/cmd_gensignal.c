/* scnfg gensignal signaling: seeded random signaling games, the same as
 * 'scnfg gen signaling' (both are cli/gengames.c). */
#include "cli/gengames.h"

const char cmd_gensignal_summary[] = "generate a random signaling game (signaling --types K --messages M --actions A --seed S)";

int cmd_gensignal (int argc, char **argv) { return gengames_signaling (argc, argv); }
