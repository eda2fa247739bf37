/* scnfg gen: seeded QBF/SSAT generators writing strict QDIMACS (DESIGN §7). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "cli/cli.h"
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

/* The options, each with the families that accept it. */
enum { O_SEED, O_OUT, O_BLOCKS, O_VARS, O_LITS, O_CLAUSES, O_FORALL_FIRST, O_EXISTS_FIRST,
       O_FORALL, O_EXISTS, O_FORALL_LITS, O_EXISTS_LITS, O_N, O_COUNT };
static const struct { const char *name; bool value; int fams; } options[O_COUNT] = {
  [O_SEED] = {"--seed", true, F_ALL},
  [O_OUT] = {"-o", true, F_ALL},
  [O_BLOCKS] = {"--blocks", true, F_BLOCKS},
  [O_VARS] = {"--vars", true, F_BLOCKS},
  [O_LITS] = {"--lits", true, F_BLOCKS},
  [O_CLAUSES] = {"--clauses", true, F_BLOCKS | F_CI},
  [O_FORALL_FIRST] = {"--forall-first", false, F_BLOCKS},
  [O_EXISTS_FIRST] = {"--exists-first", false, F_BLOCKS},
  [O_FORALL] = {"--forall", true, F_CI},
  [O_EXISTS] = {"--exists", true, F_CI},
  [O_FORALL_LITS] = {"--forall-lits", true, F_CI},
  [O_EXISTS_LITS] = {"--exists-lits", true, F_CI},
  [O_N] = {"--n", true, F_CRAFTED},
};

/* Defaults of the seeded families; the random ones sit near the 50% true
 * point of the model (measured with depqbf, see docs/generators.md). */
#define RANDOM_DEFAULT_BLOCKS 3
static const unsigned random_default_vars[3] = {5, 5, 10};
static const unsigned random_default_lits[3] = {1, 1, 3};
#define RANDOM_DEFAULT_CLAUSES 180
#define CI_DEFAULT_FORALL 20
#define CI_DEFAULT_EXISTS 30
#define CI_DEFAULT_FORALL_LITS 2
#define CI_DEFAULT_EXISTS_LITS 3
#define CI_DEFAULT_CLAUSES 260
#define MAX_COUNT 1000000u /* any single count: variables, clauses, n */

static void help (void) {
  printf ("usage: scnfg gen FAMILY [--seed S] [params] [-o FILE]\n\n"
          "Writes a strict QDIMACS formula (innermost block exists) to stdout or FILE (written\n"
          "atomically). The same parameters and seed give the same bytes on every machine.\n"
          "The first line is a comment with the full generating command (defaults filled in).\n\n"
          "families:\n"
          "  random         random k-block prefix CNF, Chen-Interian model: blocks alternate,\n"
          "                 innermost exists; every clause takes exactly L_b distinct variables of\n"
          "                 block b with random polarity\n"
          "      --blocks K          number of blocks, 1..16 (default: length of --vars, else %d)\n"
          "      --vars N1,N2,...    variables per block, outermost first (one value: every block)\n"
          "      --lits L1,L2,...    literals per clause from each block (one value: every block)\n"
          "      --clauses M         number of clauses\n"
          "      --forall-first      outermost block forall (needs an even K)\n"
          "      --exists-first      outermost block exists (needs an odd K)\n"
          "                 default without --blocks/--vars: --vars 5,5,10 --lits 1,1,3 --clauses %d\n"
          "                 (E A E); with K given the outermost quantifier follows from K's parity\n"
          "  ssat           like random, but at least one outer block becomes an r block; each of\n"
          "                 its variables is true with probability k/d, d in {2..5}, 0<k<d\n"
          "  chen-interian  the 2-block forall-exists case of the model\n"
          "      --forall V --exists V --forall-lits L --exists-lits L --clauses M\n"
          "                 (defaults %d, %d, %d, %d, %d)\n"
          "  kbkf --n N     Kleine Buening-Karpinski-Floegel formulas (4N+1 vars, 4N+2 clauses)\n"
          "  qparity --n N  QParity (2N+1 vars, 4N clauses)\n"
          "  cr --n N       completion principle CR_N (N^2+2N+1 vars, 2N^2+2 clauses; N <= 999)\n"
          "  equality --n N equality formulas (3N vars, 2N+1 clauses)\n"
          "The crafted families (kbkf, qparity, cr, equality) are false for every N >= 1; they\n"
          "accept --seed and ignore it. random, ssat and chen-interian require --seed.\n\n"
          "game families (write a game XML file instead; see their own --help):\n"
          "  random-game    seeded random S-CNFG (scnfg gen random-game --help)\n"
          "  signaling      seeded random signaling game (scnfg gen signaling --help)\n\n"
          "options:\n"
          "  --seed S       seed, 0..2^64-1\n"
          "  -o FILE        output file (default: stdout; '-' is stdout)\n\n"
          "exit codes: 0 written, 2 bad parameters or write error (one line on stderr)\n",
          RANDOM_DEFAULT_BLOCKS, RANDOM_DEFAULT_CLAUSES, CI_DEFAULT_FORALL, CI_DEFAULT_EXISTS,
          CI_DEFAULT_FORALL_LITS, CI_DEFAULT_EXISTS_LITS, CI_DEFAULT_CLAUSES);
}

/* A count 0..MAX_COUNT (min 'lo'). */
static bool parse_count (const char *s, unsigned lo, unsigned *out) {
  uint64_t v;
  if (!cli_parse_u64 (s, &v) || v < lo || v > MAX_COUNT) return false;
  *out = (unsigned) v;
  return true;
}

/* "a,b,c": 1..QBFGEN_MAX_BLOCKS counts; returns their number, 0 on error. */
static unsigned parse_list (const char *s, unsigned *out) {
  unsigned n = 0;
  char item[32];
  for (const char *p = s;; p++) {
    const char *e = strchr (p, ',');
    size_t len = e ? (size_t) (e - p) : strlen (p);
    if (n == QBFGEN_MAX_BLOCKS || len == 0 || len >= sizeof item) return 0;
    memcpy (item, p, len), item[len] = 0;
    if (!parse_count (item, 0, &out[n++])) return 0;
    if (!e) return n;
    p = e;
  }
}

static void print_list (FILE *f, const unsigned *a, unsigned n) {
  for (unsigned i = 0; i < n; i++) fprintf (f, "%s%u", i ? "," : "", a[i]);
}

int cmd_gen (int argc, char **argv) {
  if (argc > 1 && !strcmp (argv[1], "random-game")) {
    int cmd_gengame (int, char **);
    return cmd_gengame (argc, argv);
  }
  if (argc > 1 && !strcmp (argv[1], "signaling")) {
    int cmd_gensignal (int, char **);
    return cmd_gensignal (argc, argv);
  }
  const char *family_name = NULL, *val[O_COUNT] = {0};
  bool given[O_COUNT] = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) return help (), CLI_EXIT_OK;
    int o = 0;
    while (o < O_COUNT && strcmp (a, options[o].name)) o++;
    if (o < O_COUNT) {
      if (given[o]) return cli_usage_error ("gen", "option %s given twice", a);
      given[o] = true;
      if (options[o].value) {
        if (i + 1 >= argc) return cli_usage_error ("gen", "option %s needs a value", a);
        val[o] = argv[++i];
      }
    } else if (a[0] == '-' && a[1])
      return cli_usage_error ("gen", "unknown option '%s' (see --help)", a);
    else if (family_name)
      return cli_usage_error ("gen", "unexpected argument '%s' (one FAMILY only)", a);
    else
      family_name = a;
  }
  if (!family_name) return cli_usage_error ("gen", "no FAMILY given (see --help)");
  int fam = 0;
  for (size_t k = 0; k < sizeof families / sizeof *families; k++)
    if (!strcmp (family_name, families[k].name)) fam = families[k].id;
  if (!fam) return cli_usage_error ("gen", "unknown family '%s' (see --help)", family_name);
  for (int o = 0; o < O_COUNT; o++)
    if (given[o] && !(options[o].fams & fam))
      return cli_usage_error ("gen", "option %s does not apply to family %s", options[o].name, family_name);

  uint64_t seed = 0;
  if (given[O_SEED] && !cli_parse_u64 (val[O_SEED], &seed))
    return cli_usage_error ("gen", "bad --seed '%s' (an integer 0..2^64-1)", val[O_SEED]);
  if ((fam & F_SEEDED) && !given[O_SEED]) return cli_usage_error ("gen", "family %s needs --seed S", family_name);

  char comment[600];
  qbf *f = NULL;
  if (fam & F_CRAFTED) {
    unsigned n;
    if (!given[O_N]) return cli_usage_error ("gen", "family %s needs --n N", family_name);
    if (!parse_count (val[O_N], 1, &n)) return cli_usage_error ("gen", "bad --n '%s' (an integer >= 1)", val[O_N]);
    f = fam == F_KBKF ? qbfgen_kbkf (n) : fam == F_QPARITY ? qbfgen_qparity (n) : fam == F_CR ? qbfgen_cr (n)
                                                                                  : qbfgen_equality (n);
    if (!f) return cli_usage_error ("gen", "--n %u too large for family %s", n, family_name);
    snprintf (comment, sizeof comment, "c scnfg gen %s --n %u\n", family_name, n);
  } else {
    qbfgen_random p;
    memset (&p, 0, sizeof p);
    p.random_blocks = fam == F_SSAT;
    if (fam == F_CI) {
      unsigned v[4] = {CI_DEFAULT_FORALL, CI_DEFAULT_EXISTS, CI_DEFAULT_FORALL_LITS, CI_DEFAULT_EXISTS_LITS};
      const int opt[4] = {O_FORALL, O_EXISTS, O_FORALL_LITS, O_EXISTS_LITS};
      for (int k = 0; k < 4; k++)
        if (given[opt[k]] && !parse_count (val[opt[k]], k < 2 ? 1 : 0, &v[k]))
          return cli_usage_error ("gen", "bad %s '%s' (an integer %s..%u)", options[opt[k]].name, val[opt[k]],
                                  k < 2 ? "1" : "0", MAX_COUNT);
      p.nblocks = 2, p.first_forall = true;
      p.block_vars[0] = v[0], p.block_vars[1] = v[1], p.block_lits[0] = v[2], p.block_lits[1] = v[3];
      p.nclauses = CI_DEFAULT_CLAUSES;
    } else {
      unsigned vars[QBFGEN_MAX_BLOCKS], lits[QBFGEN_MAX_BLOCKS], nv = 0, nl = 0, k = 0;
      if (given[O_VARS] && !(nv = parse_list (val[O_VARS], vars)))
        return cli_usage_error ("gen", "bad --vars '%s' (1 to 16 comma-separated integers)", val[O_VARS]);
      if (given[O_LITS] && !(nl = parse_list (val[O_LITS], lits)))
        return cli_usage_error ("gen", "bad --lits '%s' (1 to 16 comma-separated integers)", val[O_LITS]);
      if (given[O_BLOCKS] && !parse_count (val[O_BLOCKS], 1, &k))
        return cli_usage_error ("gen", "bad --blocks '%s' (an integer 1..16)", val[O_BLOCKS]);
      if (!k) k = nv > 1 ? nv : nl > 1 ? nl : RANDOM_DEFAULT_BLOCKS;
      if (k > QBFGEN_MAX_BLOCKS) return cli_usage_error ("gen", "bad --blocks '%s' (an integer 1..16)", val[O_BLOCKS]);
      bool defaults = k == RANDOM_DEFAULT_BLOCKS;
      if (!nv && !defaults) return cli_usage_error ("gen", "--vars needed for %u blocks", k);
      if (!nl && !defaults) return cli_usage_error ("gen", "--lits needed for %u blocks", k);
      if (nv > 1 && nv != k) return cli_usage_error ("gen", "--vars lists %u blocks, expected %u", nv, k);
      if (nl > 1 && nl != k) return cli_usage_error ("gen", "--lits lists %u blocks, expected %u", nl, k);
      if (given[O_FORALL_FIRST] && given[O_EXISTS_FIRST])
        return cli_usage_error ("gen", "--forall-first and --exists-first exclude each other");
      p.nblocks = k;
      p.first_forall = given[O_FORALL_FIRST] || (!given[O_EXISTS_FIRST] && k % 2 == 0);
      for (unsigned b = 0; b < k; b++) {
        p.block_vars[b] = !nv ? random_default_vars[b] : nv == 1 ? vars[0] : vars[b];
        p.block_lits[b] = !nl ? random_default_lits[b] : nl == 1 ? lits[0] : lits[b];
      }
      p.nclauses = RANDOM_DEFAULT_CLAUSES;
    }
    if (given[O_CLAUSES] && !parse_count (val[O_CLAUSES], 0, &p.nclauses))
      return cli_usage_error ("gen", "bad --clauses '%s' (an integer 0..%u)", val[O_CLAUSES], MAX_COUNT);
    const char *why;
    if (!qbfgen_random_check (&p, &why)) return cli_usage_error ("gen", "%s", why);
    f = qbfgen_random_formula (&p, seed);
    FILE *m = fmemopen (comment, sizeof comment, "w");
    if (!m) return cli_usage_error ("gen", "out of memory");
    fprintf (m, "c scnfg gen %s --seed %llu", family_name, (unsigned long long) seed);
    if (fam == F_CI)
      fprintf (m, " --forall %u --exists %u --forall-lits %u --exists-lits %u", p.block_vars[0], p.block_vars[1],
               p.block_lits[0], p.block_lits[1]);
    else {
      fprintf (m, " --blocks %u --vars ", p.nblocks), print_list (m, p.block_vars, p.nblocks);
      fprintf (m, " --lits "), print_list (m, p.block_lits, p.nblocks);
      fprintf (m, " %s", p.first_forall ? "--forall-first" : "--exists-first");
    }
    fprintf (m, " --clauses %u\n", p.nclauses);
    fclose (m);
  }

  scnfg_error err;
  error_init (&err);
  afile out;
  const char *path = given[O_OUT] ? val[O_OUT] : "-";
  if (!afile_open (&out, path, &err)) return qbf_free (f), cli_report (&err);
  fputs (comment, out.f);
  bool ok = qdimacs_write (out.f, f);
  qbf_free (f);
  if (!ok) {
    error_set (&err, ERROR_IO, strcmp (path, "-") ? path : "<stdout>", 0, 0, "write error");
    afile_abort (&out);
    return cli_report (&err);
  }
  if (!afile_commit (&out, &err)) return cli_report (&err);
  return CLI_EXIT_OK;
}
