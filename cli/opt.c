/* Option tables of the subcommands (see opt.h). */
#include "cli/opt.h"

#include <gmp.h>
#include <limits.h>
#include <string.h>

#include "base/limits.h"
#include "base/rat.h"
#include "cli/cli.h"
#include "orchestrate/suite.h"
#include "solver/model/profile.h"

static const char *cmd_name (const opt_cmd *c, char **argv) { return c->name ? c->name : argv[0]; }

/* The option called 'name' and its index over all sections, or NULL. */
static const opt *lookup (const opt_cmd *c, const char *name, size_t *base, int *index) {
  int k = 0;
  for (const opt_section *s = c->sections; s->opts; s++)
    for (const opt *o = s->opts; o->name; o++, k++)
      if (o->kind != OPT_HELP && !strcmp (o->name, name)) {
        if (base) *base = s->base;
        if (index) *index = k;
        return o;
      }
  return NULL;
}

static bool in_range (const opt *o, double v) { return v >= o->min && (o->max == 0 || v <= o->max); }

/* Converts v into dst; 1 ok, 0 bad value, -1 out of range. */
static int convert (const opt *o, const char *v, void *dst, const char **why) {
  uint64_t u;
  long l;
  double d;
  switch (o->kind) {
  case OPT_FLAG: *(bool *) dst = true; return 1;
  case OPT_STRING: *(const char **) dst = v; return 1;
  case OPT_CUSTOM: return o->parse (v, dst, why) ? 1 : 0;
  case OPT_RATIONAL: return rat_parse_str (*(mpq_t *) dst, v, why) ? 1 : 0;
  case OPT_SECONDS:
    if (!cli_parse_seconds (v, &d)) return 0;
    if (o->min > 0 ? d <= 0 : !in_range (o, d)) return -1;
    *(double *) dst = d;
    return 1;
  case OPT_LONG:
    if (!cli_parse_long (v, &l)) return 0;
    if (!in_range (o, (double) l)) return -1;
    *(long *) dst = l;
    return 1;
  default: break;
  }
  if (!cli_parse_u64 (v, &u)) return 0;
  if (!in_range (o, (double) u)) return -1;
  if (o->kind == OPT_U64) *(uint64_t *) dst = u;
  else if (o->kind == OPT_SIZE) {
    if (u > SIZE_MAX) return -1;
    *(size_t *) dst = (size_t) u;
  } else {
    if (u > UINT_MAX) return -1;
    *(unsigned *) dst = (unsigned) u;
  }
  return 1;
}

/* A value for option o at argv[*i] (attached: the rest of the word). */
static bool value (const opt_cmd *c, const opt *o, int argc, char **argv, int *i, const char *attached,
                   const char **v) {
  if (attached) return *v = attached, true;
  if (*i + 1 >= argc) {
    cli_usage_error (cmd_name (c, argv), o->needs ? o->needs : c->needs ? c->needs : "option %s needs a value", o->name);
    return false;
  }
  *v = argv[++*i];
  return true;
}

static bool one (const opt_cmd *c, int argc, char **argv, int *i, char *args, opt_result *r) {
  const char *a = argv[*i], *attached = NULL, *cmd = cmd_name (c, argv);
  size_t base = 0;
  int k = 0;
  const opt *o = lookup (c, a, &base, &k);
  if (!o && c->attached && a[0] == '-' && a[1] && a[1] != '-' && a[2]) {
    char shortname[3] = {'-', a[1], 0};
    o = lookup (c, shortname, &base, &k);
    if (o && o->kind == OPT_FLAG) o = NULL;
    if (o) attached = a + 2;
  }
  if (!o) return cli_usage_error (cmd, c->unknown ? c->unknown : "unknown option '%s' (see --help)", a), false;
  if (c->once && k < 64 && (r->given >> k & 1)) return cli_usage_error (cmd, "option %s given twice", o->name), false;
  if (k < 64) r->given |= (uint64_t) 1 << k;
  const char *v = NULL;
  if (o->kind != OPT_FLAG && !value (c, o, argc, argv, i, attached, &v)) return false;
  const char *why = NULL;
  int ok = convert (o, v, args + base + o->off, &why);
  if (ok > 0) return true;
  if (o->msg) cli_usage_error (cmd, o->msg, v);
  else if (o->kind == OPT_RATIONAL) cli_usage_error (cmd, "bad %s '%s': %s", o->name, v, why ? why : "not a rational");
  else if (ok < 0 && o->range) cli_usage_error (cmd, "%s %s is out of range%s", o->name, v, o->range);
  else cli_usage_error (cmd, "bad %s '%s'%s", o->name, v, why ? why : o->bad ? o->bad : "");
  return false;
}

static void help (const opt_cmd *c) {
  if (c->usage) fputs (c->usage, stdout);
  opt_print_list (stdout, c);
  if (c->footer) fputs (c->footer, stdout);
  if (c->help_extra) c->help_extra (stdout);
}

bool opt_parse (const opt_cmd *c, int argc, char **argv, void *args, opt_result *r, int *rc) {
  memset (r, 0, sizeof *r);
  *rc = CLI_EXIT_USAGE;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp (a, "--help") || !strcmp (a, "-h")) return help (c), *rc = CLI_EXIT_OK, false;
    if (a[0] == '-' && a[1]) {
      if (!one (c, argc, argv, &i, args, r)) return false;
    } else if (c->rest) {
      r->rest = i;
      break;
    } else if (r->npos >= c->max_pos || r->npos >= OPT_MAX_POS) {
      cli_usage_error (cmd_name (c, argv), c->extra ? c->extra : "unexpected argument '%s'", a);
      return false;
    } else
      r->pos[r->npos++] = a;
  }
  return true;
}

bool opt_given (const opt_cmd *c, const opt_result *r, const char *name) {
  int k;
  return lookup (c, name, NULL, &k) && k < 64 && (r->given >> k & 1);
}

void opt_print_list (FILE *f, const opt_cmd *c) {
  int w = c->width ? c->width : 18;
  for (const opt_section *s = c->sections; s->opts; s++)
    for (const opt *o = s->opts; o->name; o++) {
      if (!o->help) continue;
      int n = fprintf (f, "  %s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
      fprintf (f, "%*s", n < w ? w - n : 1, "");
      for (const char *p = o->help; *p; p++) {
        fputc (*p, f);
        if (*p == '\n') fprintf (f, "%*s", w, "");
      }
      fputc ('\n', f);
    }
}

/* --max-mem MB into bytes. */
static bool parse_mem (const char *v, void *dst, const char **why) {
  (void) why;
  uint64_t u;
  if (!cli_parse_u64 (v, &u) || u > SIZE_MAX / (1024 * 1024)) return false;
  *(size_t *) dst = (size_t) u * 1024 * 1024;
  return true;
}

const opt opt_limits[] = {
  {.name = "--timeout", .kind = OPT_SECONDS, .off = offsetof (scnfg_limits, timeout), .arg = "S",
   .help = "wall-clock limit in seconds (unknown when hit)", .bad = " (seconds >= 0)"},
  {.name = "--max-nodes", .kind = OPT_U64, .off = offsetof (scnfg_limits, max_nodes), .arg = "N",
   .help = "node limit (QBF: SAT calls; games: search nodes)", .bad = " (a non-negative integer)"},
  {.name = "--max-mem", .kind = OPT_CUSTOM, .off = offsetof (scnfg_limits, max_mem), .arg = "M",
   .help = "memory limit in MB for the solver's own accounting", .bad = " (a non-negative integer)",
   .parse = parse_mem},
  {.name = NULL},
};

bool opt_ratio (const char *v, void *dst, const char **why) {
  (void) why;
  return suite_parse_ratio (v, dst);
}

bool opt_tie (const char *v, void *dst, const char **why) {
  (void) why;
  return profile_tie_parse (v, dst);
}

bool opt_rational_nonneg (const char *v, void *dst, const char **why) {
  mpq_t *q = dst;
  return rat_parse_str (*q, v, why) && mpq_sgn (*q) >= 0;
}
