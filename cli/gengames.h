/* gengames: the game families of 'scnfg gen' (random-game, signaling), also
 * reachable as 'scnfg gengame random-game' and 'scnfg gensignal signaling'.
 * argv[0] names the command for the messages ("gen", "gengame", ...),
 * argv[1..] holds the family and its options. Return the exit status. */
#ifndef SCNFG_CLI_GENGAMES_H
#define SCNFG_CLI_GENGAMES_H

int gengames_random_game (int argc, char **argv);
int gengames_signaling (int argc, char **argv);

#endif
