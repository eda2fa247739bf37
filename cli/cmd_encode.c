/* scnfg encode: S-CNFG -> QBF, the membership construction (DESIGN §5;
 * the work is orchestrate/encode.c). */
#include <gmp.h>
#include <stddef.h>

#include "base/error.h"
#include "cli/cli.h"
#include "cli/opt.h"
#include "orchestrate/encode.h"

const char cmd_encode_summary[] = "encode a Boolean win/lose game as a QBF (membership)";

typedef struct args {
  const char *out;
  mpq_t t;
} args;

static const opt options[] = {
  {.name = "-o", .kind = OPT_STRING, .off = offsetof (args, out), .arg = "F.qdimacs"},
  {.name = "--threshold", .kind = OPT_RATIONAL, .off = offsetof (args, t), .arg = "T"},
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "encode", .sections = sections, .needs = "%s needs a value", .max_pos = 1,
  .extra = "more than one input file",
  .usage = "usage: scnfg encode G.xml [--threshold T] [-o F.qdimacs]\n\n"
           "Writes a QBF that is true iff the leader can guarantee a reward >= T (default 1):\n"
           "exists/forall per stage owner in stage order, endogenous and utility nodes as\n"
           "innermost Tseitin definitions, plus R_L >= T. The game must have perfect\n"
           "information, Boolean variables, no exogenous variables, and win/lose rewards\n"
           "(one 0/1 utility node per player, the follower's = 1 - the leader's).\n"
           "exit: 0 written, 2 bad input or a game outside that class.\n",
};

int cmd_encode (int argc, char **argv) {
  args x = {.out = "-"};
  mpq_init (x.t);
  mpq_set_ui (x.t, 1, 1);
  opt_result r;
  int rc;
  if (opt_parse (&cmd, argc, argv, &x, &r, &rc)) {
    scnfg_error err;
    error_init (&err);
    if (!r.npos) rc = cli_usage_error ("encode", "no input file (see --help)");
    else rc = encode_file (r.pos[0], x.t, x.out, &err) ? CLI_EXIT_OK : cli_report (&err);
  }
  mpq_clear (x.t);
  return rc;
}
