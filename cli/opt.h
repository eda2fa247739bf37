/* opt: option tables of the subcommands. Each command declares its options
 * once, in a static table (name, kind of argument, where it is stored, value
 * name, help line, range); from it come the parser, the range checks, the
 * usage errors ("unknown option", "needs a value", "bad value") and the
 * option list of --help (STYLE §6, as Kissat's options.h).
 *
 * Values are stored into the command's own argument struct at the entry's
 * offset (plus its section's base), so one table fragment (the limits below)
 * serves every command that embeds the struct it describes. */
#ifndef SCNFG_CLI_OPT_H
#define SCNFG_CLI_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum opt_kind {
  OPT_FLAG,     /* bool = true; no value */
  OPT_STRING,   /* const char * (borrowed from argv) */
  OPT_U64,      /* uint64_t, decimal, whole string */
  OPT_UNSIGNED, /* unsigned (range checked; max defaults to UINT_MAX) */
  OPT_SIZE,     /* size_t */
  OPT_LONG,     /* long */
  OPT_SECONDS,  /* double, decimal >= 0 (<= 1e9) */
  OPT_RATIONAL, /* mpq_t (initialised by the caller): "1/3", "0.25"; bad: "bad NAME 'V': why" */
  OPT_CUSTOM,   /* 'parse' converts the value; false is a bad value */
  OPT_HELP      /* one more --help line for the option above (another form of its value); never parsed */
} opt_kind;

/* A custom conversion of 'value' into 'dst'; false: a bad value (*why, if
 * set, replaces the entry's 'bad' suffix of the message). */
typedef bool opt_parse_fn (const char *value, void *dst, const char **why);

typedef struct opt {
  const char *name;    /* "--max-nodes", "-j"; NULL ends a table */
  opt_kind kind;
  size_t off;          /* offset of the destination in the argument struct */
  const char *arg;     /* value name in --help ("N"); NULL for a flag */
  const char *help;    /* --help text ('\n' continues it, indented); NULL: not listed */
  double min, max;     /* range of a number, inclusive (max 0: none); seconds with min > 0: > 0 */
  const char *bad;     /* appended to "bad NAME 'VALUE'" (e.g. " (1..256)") */
  const char *range;   /* if set, a value out of range reads "NAME VALUE is out of range" + range */
  const char *msg;     /* if set, the whole message of any bad value (one %s: the value) */
  const char *needs;   /* if set, the message of a missing value (else the command's) */
  opt_parse_fn *parse; /* OPT_CUSTOM */
  unsigned tag;        /* free for the command (e.g. the families an option applies to) */
} opt;

/* A table and where the struct it describes sits in the argument struct. */
typedef struct opt_section {
  const opt *opts;
  size_t base;
} opt_section;

/* A command: its sections and the wording of its usage errors (NULL: the
 * default in brackets). Every message is "scnfg NAME: ..." on stderr, exit 2. */
typedef struct opt_cmd {
  const char *name;             /* NULL: argv[0] */
  const opt_section *sections;  /* ended by {NULL, 0} */
  const char *needs;            /* ["option %s needs a value"] */
  const char *unknown;          /* ["unknown option '%s' (see --help)"] */
  const char *extra;            /* [positional beyond max_pos: "unexpected argument '%s'"] */
  int max_pos;                  /* positional arguments accepted (0..OPT_MAX_POS) */
  bool rest;                    /* the first positional ends the options (r->rest is its index) */
  bool once;                    /* an option given twice is an error ("option %s given twice") */
  bool attached;                /* a short option takes its value attached too (-j4) */
  int width;                    /* column of the help texts in the option list */
  const char *usage;            /* --help text before the option list */
  const char *footer;           /* --help text after it */
  void (*help_extra) (FILE *f); /* called after the footer (dynamic parts) */
} opt_cmd;

#define OPT_MAX_POS 4

typedef struct opt_result {
  uint64_t given; /* bit i: option i (sections in order, at most 64) was given */
  int npos;
  const char *pos[OPT_MAX_POS];
  int rest; /* cmd->rest: argv index of the first positional (0: none) */
} opt_result;

/* Parses argv[1..argc-1] into 'args'. Returns true to go on; false when the
 * command is done, *rc then holding its exit status: 0 after printing --help
 * (-h too) to stdout, 2 after a usage error (printed). */
bool opt_parse (const opt_cmd *c, int argc, char **argv, void *args, opt_result *r, int *rc);

/* Whether the option 'name' (of c's tables) was given. */
bool opt_given (const opt_cmd *c, const opt_result *r, const char *name);

/* The option list of c ("  NAME ARG   help"), in table order. */
void opt_print_list (FILE *f, const opt_cmd *c);

/* The shared limit options (--timeout S, --max-nodes N, --max-mem MB), over a
 * struct scnfg_limits: put {opt_limits, offsetof (args, limits)} in a command's sections. */
extern const opt opt_limits[];

/* Shared value parsers for OPT_CUSTOM entries: a suite ratio into unsigned
 * thousandths (suite_parse_ratio), a tie-break into game_tie
 * (profile_tie_parse), a rational >= 0 into an initialised mpq_t. */
opt_parse_fn opt_ratio, opt_tie, opt_rational_nonneg;

#endif
