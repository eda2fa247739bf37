/* scnfg gen: seeded QBF/SSAT generators writing strict QDIMACS (DESIGN §7);
 * the game families are cli/gengames.c. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
#include "cli/gengames.h"
#include "cli/opt.h"
#include "instances/qbffam.h"
#include "instances/qbfgen.h"
#include "solver/model/qbf.h"
#include "solver/model/qdimacs.h"

const char cmd_gen_summary[] = "generate a QBF/SSAT formula in QDIMACS (random, ssat, chen-interian, kbkf, ...)";

enum { F_RANDOM = 1, F_SSAT = 2, F_CI = 4, F_KBKF = 8, F_QPARITY = 16, F_CR = 32, F_EQUALITY = 64 };
#define F_BLOCKS (F_RANDOM | F_SSAT)
#define F_SEEDED (F_RANDOM | F_SSAT | F_CI)
#define F_CRAFTED (F_KBKF | F_QPARITY | F_CR | F_EQUALITY)
#define F_ALL (F_SEEDED | F_CRAFTED)

static const struct { const char *name; int id; } families[] = {
  {"random", F_RANDOM}, {"ssat", F_SSAT}, {"chen-interian", F_CI}, {"kbkf", F_KBKF},
  {"qparity", F_QPARITY}, {"cr", F_CR},   {"equality", F_EQUALITY},
};

#define MAX_COUNT 1000000 /* any single count: variables, clauses, n */
#define STR_(x) #x
#define STR(x) STR_ (x)

typedef struct args {
  uint64_t seed;
  const char *out;
  unsigned clauses, ci[4], n; /* ci: --forall, --exists, --forall-lits, --exists-lits */
  qbffam_blocks b; /* --blocks, --vars, --lits, --forall-first, --exists-first */
} args;

/* "a,b,c": 1..QBFGEN_MAX_BLOCKS counts 0..MAX_COUNT. */
static bool parse_list (const char *s, void *dst, const char **why) {
  (void) why;
  qbffam_list *l = dst;
  char item[32];
  l->n = 0;
  for (const char *p = s;; p++) {
    const char *e = strchr (p, ',');
    size_t len = e ? (size_t) (e - p) : strlen (p);
    uint64_t u;
    if (l->n == QBFGEN_MAX_BLOCKS || len == 0 || len >= sizeof item) return false;
    memcpy (item, p, len), item[len] = 0;
    if (!cli_parse_u64 (item, &u) || u > MAX_COUNT) return false;
    l->v[l->n++] = (unsigned) u;
    if (!e) return true;
    p = e;
  }
}

#define A(field) offsetof (args, field)
#define COUNT(nm, field, lo, text, fams) \
  {.name = nm, .kind = OPT_UNSIGNED, .off = A (field), .min = lo, .max = MAX_COUNT, .bad = text, .tag = fams}
#define LIST(nm, field) \
  {.name = nm, .kind = OPT_CUSTOM, .off = A (field), .parse = parse_list, \
   .bad = " (1 to 16 comma-separated integers)", .tag = F_BLOCKS}
static const opt options[] = {
  {.name = "--seed", .kind = OPT_U64, .off = A (seed), .arg = "S", .help = "seed, 0..2^64-1",
   .bad = " (an integer 0..2^64-1)", .tag = F_ALL},
  {.name = "-o", .kind = OPT_STRING, .off = A (out), .arg = "FILE", .help = "output file (default: stdout; '-' is stdout)",
   .tag = F_ALL},
  COUNT ("--blocks", b.blocks, 1, " (an integer 1..16)", F_BLOCKS),
  LIST ("--vars", b.vars),
  LIST ("--lits", b.lits),
  COUNT ("--clauses", clauses, 0, " (an integer 0..1000000)", F_BLOCKS | F_CI),
  {.name = "--forall-first", .kind = OPT_FLAG, .off = A (b.forall_first), .tag = F_BLOCKS},
  {.name = "--exists-first", .kind = OPT_FLAG, .off = A (b.exists_first), .tag = F_BLOCKS},
  COUNT ("--forall", ci[0], 1, " (an integer 1..1000000)", F_CI),
  COUNT ("--exists", ci[1], 1, " (an integer 1..1000000)", F_CI),
  COUNT ("--forall-lits", ci[2], 0, " (an integer 0..1000000)", F_CI),
  COUNT ("--exists-lits", ci[3], 0, " (an integer 0..1000000)", F_CI),
  COUNT ("--n", n, 1, " (an integer >= 1)", F_CRAFTED),
  {.name = NULL},
};

static const opt_section sections[] = {{options, 0}, {NULL, 0}};

static const opt_cmd cmd = {
  .name = "gen", .sections = sections, .max_pos = 1, .extra = "unexpected argument '%s' (one FAMILY only)",
  .once = true, .width = 17, .footer = "\nexit codes: 0 written, 2 bad parameters or write error (one line on stderr)\n",
  .usage = "usage: scnfg gen FAMILY [--seed S] [params] [-o FILE]\n\n"
                "Writes a strict QDIMACS formula (innermost block exists) to stdout or FILE (written\n"
                "atomically). The same parameters and seed give the same bytes on every machine.\n"
                "The first line is a comment with the full generating command (defaults filled in).\n\n"
                "families:\n"
                "  random         random k-block prefix CNF, Chen-Interian model: blocks alternate,\n"
                "                 innermost exists; every clause takes exactly L_b distinct variables of\n"
                "                 block b with random polarity\n"
                "      --blocks K          number of blocks, 1..16 (default: length of --vars, else " STR (QBFFAM_RANDOM_BLOCKS) ")\n"
                "      --vars N1,N2,...    variables per block, outermost first (one value: every block)\n"
                "      --lits L1,L2,...    literals per clause from each block (one value: every block)\n"
                "      --clauses M         number of clauses\n"
                "      --forall-first      outermost block forall (needs an even K)\n"
                "      --exists-first      outermost block exists (needs an odd K)\n"
                "                 default without --blocks/--vars: --vars 5,5,10 --lits 1,1,3 --clauses " STR (QBFFAM_RANDOM_CLAUSES) "\n"
                "                 (E A E); with K given the outermost quantifier follows from K's parity\n"
                "  ssat           like random, but at least one outer block becomes an r block; each of\n"
                "                 its variables is true with probability k/d, d in {2..5}, 0<k<d\n"
                "  chen-interian  the 2-block forall-exists case of the model\n"
                "      --forall V --exists V --forall-lits L --exists-lits L --clauses M\n"
                "                 (defaults " STR (QBFFAM_CI_FORALL) ", " STR (QBFFAM_CI_EXISTS) ", " STR (QBFFAM_CI_FORALL_LITS) ", " STR (QBFFAM_CI_EXISTS_LITS) ", " STR (QBFFAM_CI_CLAUSES) ")\n"
                "  kbkf --n N     Kleine Buening-Karpinski-Floegel formulas (4N+1 vars, 4N+2 clauses)\n"
                "  qparity --n N  QParity (2N+1 vars, 4N clauses)\n"
                "  cr --n N       completion principle CR_N (N^2+2N+1 vars, 2N^2+2 clauses; N <= 999)\n"
                "  equality --n N equality formulas (3N vars, 2N+1 clauses)\n"
                "The crafted families (kbkf, qparity, cr, equality) are false for every N >= 1; they\n"
                "accept --seed and ignore it. random, ssat and chen-interian require --seed.\n\n"
                "game families (write a game XML file instead; see their own --help):\n"
                "  random-game    seeded random S-CNFG (scnfg gen random-game --help)\n"
                "  signaling      seeded random signaling game (scnfg gen signaling --help)\n\n"
                "options:\n",
};

/* A seeded formula (random, ssat, chen-interian) and its comment line. */
static int seeded (const args *x, const opt_result *r, int fam, const char *name, qbf **f, char *comment,
                   size_t size) {
  qbfgen_random p;
  memset (&p, 0, sizeof p);
  p.random_blocks = fam == F_SSAT;
  if (fam == F_CI) {
    p.nblocks = 2, p.first_forall = true;
    p.block_vars[0] = x->ci[0], p.block_vars[1] = x->ci[1], p.block_lits[0] = x->ci[2], p.block_lits[1] = x->ci[3];
    p.nclauses = opt_given (&cmd, r, "--clauses") ? x->clauses : QBFFAM_CI_CLAUSES;
  } else {
    char msg[200];
    if (!qbffam_set_blocks (&p, &x->b, msg, sizeof msg)) return cli_usage_error ("gen", "%s", msg);
    p.nclauses = opt_given (&cmd, r, "--clauses") ? x->clauses : QBFFAM_RANDOM_CLAUSES;
  }
  const char *why;
  if (!qbfgen_random_check (&p, &why)) return cli_usage_error ("gen", "%s", why);
  *f = qbfgen_random_formula (&p, x->seed);
  FILE *m = fmemopen (comment, size, "w");
  if (!m) return cli_usage_error ("gen", "out of memory");
  qbffam_comment (m, name, &p, x->seed);
  fclose (m);
  return CLI_EXIT_OK;
}

static int write_formula (const char *path, const char *comment, qbf *f) {
  scnfg_error err;
  error_init (&err);
  afile out;
  if (!afile_open (&out, path, &err)) return qbf_free (f), cli_report (&err);
  fputs (comment, out.f);
  bool ok = qdimacs_write (out.f, f);
  qbf_free (f);
  if (!ok) {
    error_set (&err, ERROR_IO, strcmp (path, "-") ? path : "<stdout>", 0, 0, "write error");
    afile_abort (&out);
    return cli_report (&err);
  }
  return afile_commit (&out, &err) ? CLI_EXIT_OK : cli_report (&err);
}

int cmd_gen (int argc, char **argv) {
  if (argc > 1 && !strcmp (argv[1], "random-game")) return gengames_random_game (argc, argv);
  if (argc > 1 && !strcmp (argv[1], "signaling")) return gengames_signaling (argc, argv);
  args x = {.out = "-", .ci = {QBFFAM_CI_FORALL, QBFFAM_CI_EXISTS, QBFFAM_CI_FORALL_LITS, QBFFAM_CI_EXISTS_LITS}};
  opt_result r;
  int rc;
  if (!opt_parse (&cmd, argc, argv, &x, &r, &rc)) return rc;
  if (!r.npos) return cli_usage_error ("gen", "no FAMILY given (see --help)");
  const char *name = r.pos[0];
  int fam = 0;
  for (size_t k = 0; k < sizeof families / sizeof *families; k++)
    if (!strcmp (name, families[k].name)) fam = families[k].id;
  if (!fam) return cli_usage_error ("gen", "unknown family '%s' (see --help)", name);
  for (const opt *o = options; o->name; o++)
    if (opt_given (&cmd, &r, o->name) && !(o->tag & fam))
      return cli_usage_error ("gen", "option %s does not apply to family %s", o->name, name);
  if ((fam & F_SEEDED) && !opt_given (&cmd, &r, "--seed")) return cli_usage_error ("gen", "family %s needs --seed S", name);
  char comment[600];
  qbf *f = NULL;
  if (fam & F_CRAFTED) {
    if (!opt_given (&cmd, &r, "--n")) return cli_usage_error ("gen", "family %s needs --n N", name);
    if (!(f = qbffam_crafted (name, x.n))) return cli_usage_error ("gen", "--n %u too large for family %s", x.n, name);
    snprintf (comment, sizeof comment, "c scnfg gen %s --n %u\n", name, x.n);
  } else if ((rc = seeded (&x, &r, fam, name, &f, comment, sizeof comment)))
    return rc;
  return write_formula (x.out, comment, f);
}
