/* Game files: hardened XML reading with RelaxNG validation (base/xmldoc),
 * writing (base/xmlw) (see gamexml.h). */
#include "solver/model/gamexml.h"

#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/rat.h"
#include "base/xmldoc.h"
#include "base/xmlw.h"
#include "solver/model/game.h"

static const char scnfg_rng[] = {
#include "scnfg_rng.inc"
    0};

typedef const xmldoc_node *xnode;

static size_t count_tokens (const char *s) {
  char *c = mem_strdup (s);
  size_t n = xmldoc_split (c, NULL, 0);
  free (c);
  return n;
}

/* ---- id map (open addressing) ----------------------------------------- */

typedef struct idmap {
  size_t cap;
  int *slot; /* variable index + 1, 0 empty */
  const game *g;
} idmap;

static size_t hash_str (const char *s) {
  size_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char) *s) * 1099511628211ull;
  return h;
}

static void idmap_build (idmap *m, const game *g) {
  m->g = g;
  m->cap = 16;
  while (m->cap < 2 * (size_t) g->nvars + 2) m->cap *= 2;
  m->slot = mem_calloc (m->cap, sizeof *m->slot);
  for (unsigned i = 0; i < g->nvars; i++) {
    size_t h = hash_str (g->vars[i].id) & (m->cap - 1);
    while (m->slot[h]) {
      if (!strcmp (g->vars[m->slot[h] - 1].id, g->vars[i].id)) break; /* duplicate: keep the first */
      h = (h + 1) & (m->cap - 1);
    }
    if (!m->slot[h]) m->slot[h] = (int) i + 1;
  }
}

static int idmap_get (const idmap *m, const char *id) {
  size_t h = hash_str (id) & (m->cap - 1);
  while (m->slot[h]) {
    if (!strcmp (m->g->vars[m->slot[h] - 1].id, id)) return m->slot[h] - 1;
    h = (h + 1) & (m->cap - 1);
  }
  return -1;
}

/* ---- building the game ------------------------------------------------- */

typedef struct reader {
  const char *name;
  scnfg_error *err;
  game *g;
  idmap ids;
  const scnfg_limits *lim; /* NULL: no deadline */
} reader;

/* The deadline check of the build loops (every 1024 elements). */
static bool in_time (reader *r, unsigned k, unsigned line) {
  if ((k & 1023) || !r->lim || !limits_expired (r->lim)) return true;
  return error_set (r->err, ERROR_LIMIT, r->name, line, 0, "time limit reached while reading");
}

/* "element <NAME id=...>: MSG" at n's line (xmldoc_fail); false. */
#define fail_at(r, n, ...) xmldoc_fail ((r)->err, (r)->name, (n), __VA_ARGS__)
/* Unsigned decimal attribute (the schema guarantees digits). */
#define get_count(r, n, attr, max, out, dflt) xmldoc_attr_count ((r)->err, (r)->name, (n), (attr), (max), (out), (dflt))

static int resolve (reader *r, xnode n, const char *id, const char *what) {
  int v = idmap_get (&r->ids, id);
  if (v < 0) fail_at (r, n, "%s '%s' is not a declared variable", what, id);
  return v;
}

static bool parse_rat (reader *r, xnode n, const char *s, const char *what, mpq_t q) {
  const char *why = NULL;
  if (!rat_parse_str (q, s, &why)) return fail_at (r, n, "%s '%s' is not a rational: %s", what, s, why);
  return true;
}

static game_expr *read_expr (reader *r, xnode n, bool utility);

static game_expr *read_kids (reader *r, xnode n, bool utility, game_op op) {
  unsigned cnt = 0;
  for (xnode c = xmldoc_first (n); c; c = xmldoc_next (c)) cnt++;
  game_expr **kids = mem_alloc ((cnt ? cnt : 1) * sizeof *kids);
  unsigned k = 0;
  for (xnode c = xmldoc_first (n); c; c = xmldoc_next (c)) {
    game_expr *e = read_expr (r, c, utility);
    if (!e) {
      for (unsigned i = 0; i < k; i++) game_expr_free (kids[i]);
      free (kids);
      return NULL;
    }
    kids[k++] = e;
  }
  game_expr *e = NULL;
  if (op == GAME_NOT) e = game_expr_not (kids[0]);
  else if (op == GAME_ITE) e = game_expr_ite (kids[0], kids[1], kids[2]);
  else e = game_expr_nary (op, k, kids);
  free (kids);
  return e;
}

static game_expr *read_table (reader *r, xnode n, bool utility) {
  char *ps = xmldoc_attr (n, "parents");
  char *txt = xmldoc_text (n);
  size_t np = ps ? count_tokens (ps) : 0, nv = count_tokens (txt);
  char **ptok = mem_alloc ((np + 1) * sizeof *ptok), **vtok = mem_alloc ((nv + 1) * sizeof *vtok);
  if (ps) xmldoc_split (ps, ptok, np);
  xmldoc_split (txt, vtok, nv);
  int *par = mem_alloc ((np + 1) * sizeof *par);
  long *iv = utility ? NULL : mem_alloc ((nv + 1) * sizeof *iv);
  mpq_t *qv = utility ? mem_alloc ((nv + 1) * sizeof *qv) : NULL;
  for (size_t i = 0; qv && i < nv; i++) mpq_init (qv[i]);
  bool ok = true;
  for (size_t i = 0; i < np && ok; i++) ok = (par[i] = resolve (r, n, ptok[i], "table parent")) >= 0;
  mpq_t q;
  mpq_init (q);
  for (size_t i = 0; i < nv && ok; i++) {
    if (utility) ok = parse_rat (r, n, vtok[i], "table entry", qv[i]);
    else {
      ok = parse_rat (r, n, vtok[i], "table entry", q);
      if (ok && (mpz_cmp_ui (mpq_denref (q), 1) != 0 || mpq_sgn (q) < 0 || !mpz_fits_slong_p (mpq_numref (q))))
        ok = fail_at (r, n, "table entry '%s' is not a non-negative integer", vtok[i]);
      if (ok) iv[i] = mpz_get_si (mpq_numref (q));
    }
  }
  mpq_clear (q);
  game_expr *e = ok ? game_expr_table ((unsigned) np, par, nv, iv, (const mpq_t *) qv) : NULL;
  for (size_t i = 0; qv && i < nv; i++) mpq_clear (qv[i]);
  free (qv), free (iv), free (par), free (ptok), free (vtok), free (ps), free (txt);
  return e;
}

static game_expr *read_expr (reader *r, xnode n, bool utility) {
  game_expr *e = NULL;
  if (xmldoc_is (n, "const")) {
    char *s = xmldoc_attr (n, "value");
    mpq_t q;
    mpq_init (q);
    if (parse_rat (r, n, s, "value", q)) e = game_expr_const_q (q);
    mpq_clear (q);
    free (s);
  } else if (xmldoc_is (n, "var") || xmldoc_is (n, "eq")) {
    char *s = xmldoc_attr (n, "ref");
    int v = resolve (r, n, s, "reference");
    free (s);
    if (v < 0) return NULL;
    if (xmldoc_is (n, "var")) e = game_expr_var (v);
    else {
      unsigned k;
      if (!get_count (r, n, "value", 1u << 20, &k, 0)) return NULL;
      e = game_expr_eq (v, (long) k);
    }
  } else if (xmldoc_is (n, "table")) {
    e = read_table (r, n, utility);
  } else {
    static const struct { const char *name; game_op op; } ops[] = {
        {"not", GAME_NOT}, {"and", GAME_AND}, {"or", GAME_OR},    {"xor", GAME_XOR},
        {"ite", GAME_ITE}, {"sum", GAME_SUM}, {"prod", GAME_PROD},
    };
    for (unsigned i = 0; i < sizeof ops / sizeof *ops; i++)
      if (xmldoc_is (n, ops[i].name)) e = read_kids (r, n, utility, ops[i].op);
  }
  if (e) e->line = xmldoc_line (n);
  return e;
}

static bool read_labels (reader *r, xnode n, int v) {
  char *s = xmldoc_attr (n, "labels");
  if (!s) return true;
  game_var *x = &r->g->vars[v];
  size_t k = count_tokens (s);
  bool ok = k == x->domain;
  if (!ok) fail_at (r, n, "%zu labels for a domain of %u values", k, x->domain);
  else {
    char **tok = mem_alloc ((k + 1) * sizeof *tok);
    xmldoc_split (s, tok, k);
    for (size_t i = 0; i < k && ok; i++)
      for (size_t j = 0; j < i && ok; j++)
        if (!strcmp (tok[i], tok[j])) ok = fail_at (r, n, "label '%s' used twice", tok[i]);
    if (ok) game_set_labels (r->g, v, tok);
    free (tok);
  }
  free (s);
  return ok;
}

/* First pass over a variable element: declare it with its scalar attributes. */
static bool declare_var (reader *r, xnode n) {
  game *g = r->g;
  game_kind kind = xmldoc_is (n, "exogenous") ? GAME_EXOGENOUS : xmldoc_is (n, "endogenous") ? GAME_ENDOGENOUS
                   : xmldoc_is (n, "action")  ? GAME_ACTION
                                       : GAME_UTILITY;
  unsigned d = 0;
  if (kind != GAME_UTILITY && !get_count (r, n, "domain", 1u << 20, &d, 2)) return false;
  char *id = xmldoc_attr (n, "id");
  int v = game_add_var (g, kind, id, d);
  free (id);
  game_set_line (g, v, xmldoc_line (n));
  if (kind != GAME_UTILITY && !read_labels (r, n, v)) return false;
  if (kind == GAME_ACTION || kind == GAME_UTILITY) {
    char *pl = xmldoc_attr (n, "player");
    int p = game_find_player (g, pl);
    if (p < 0) fail_at (r, n, "player '%s' is not declared", pl);
    free (pl);
    if (p < 0) return false;
    game_set_owner (g, v, p);
  }
  if (kind == GAME_ACTION) {
    unsigned t, layers = 0;
    if (!get_count (r, n, "stage", 1u << 24, &t, 0)) return false;
    game_set_stage (g, v, t);
    char *ls = xmldoc_attr (n, "layers");
    if (ls) {
      for (char *p = ls; *p; p++)
        if (*p >= '1' && *p <= '3') layers |= 1u << (*p - '0');
      free (ls);
      game_set_layers (g, v, layers);
    }
  }
  if (kind == GAME_EXOGENOUS) {
    unsigned pos;
    if (!get_count (r, n, "position", 1u << 24, &pos, 1)) return false;
    game_set_position (g, v, pos);
    xnode pr = xmldoc_first (n);
    char *txt = xmldoc_text (pr);
    size_t k = count_tokens (txt);
    bool ok = k == d;
    if (!ok) fail_at (r, pr, "prior has %zu values for a domain of %u", k, d);
    if (ok) {
      char **tok = mem_alloc ((k + 1) * sizeof *tok);
      xmldoc_split (txt, tok, k);
      mpq_t *q = mem_alloc (d * sizeof *q);
      for (unsigned i = 0; i < d; i++) mpq_init (q[i]);
      for (unsigned i = 0; i < d && ok; i++) ok = parse_rat (r, pr, tok[i], "probability", q[i]);
      if (ok) game_set_prior (g, v, (const mpq_t *) q);
      for (unsigned i = 0; i < d; i++) mpq_clear (q[i]);
      free (q), free (tok);
    }
    free (txt);
    if (!ok) return false;
  }
  return true;
}

/* Second pass: expressions and observations (every id is known now). */
static bool define_var (reader *r, xnode n, int v) {
  game *g = r->g;
  game_kind kind = g->vars[v].kind;
  if (kind == GAME_EXOGENOUS) return true;
  if (kind != GAME_ACTION) {
    game_expr *e = read_expr (r, xmldoc_first (n), kind == GAME_UTILITY);
    if (!e) return false;
    game_set_expr (g, v, e);
    return true;
  }
  for (xnode c = xmldoc_first (n); c; c = xmldoc_next (c)) {
    if (xmldoc_is (c, "observes")) {
      char *s = xmldoc_attr (c, "ref");
      int w = resolve (r, c, s, "observed variable");
      free (s);
      if (w < 0) return false;
      game_add_observation (g, v, w);
    } else {
      game_expr *e = read_expr (r, xmldoc_first (c), false);
      if (!e) return false;
      if (xmldoc_is (c, "instinct")) game_set_expr (g, v, e);
      else game_set_active_if (g, v, e);
    }
  }
  return true;
}

static bool build_game (reader *r, xnode root) {
  if (!in_time (r, 0, 0)) return false; /* the schema check may have used the time up */
  char *name = xmldoc_attr (root, "name");
  game *g = r->g = game_new (name);
  free (name);
  g->file = mem_strdup (r->name);
  char *lo = xmldoc_attr (root, "layers-observable");
  g->layers_observable = lo && !strcmp (lo, "true");
  free (lo);
  for (xnode c = xmldoc_first (root); c; c = xmldoc_next (c)) {
    if (!xmldoc_is (c, "player")) continue;
    char *id = xmldoc_attr (c, "id");
    if (game_find_player (g, id) >= 0) {
      fail_at (r, c, "duplicate player id");
      free (id);
      return false;
    }
    game_add_player (g, id);
    free (id);
  }
  char *leader = xmldoc_attr (root, "leader");
  int l = game_find_player (g, leader);
  if (l < 0) fail_at (r, root, "leader '%s' is not a declared player", leader);
  free (leader);
  if (l < 0) return false;
  game_set_leader (g, l);
  unsigned k = 0;
  for (xnode c = xmldoc_first (root); c; c = xmldoc_next (c))
    if (!in_time (r, ++k, xmldoc_line (c)) || (!xmldoc_is (c, "player") && !declare_var (r, c))) return false;
  idmap_build (&r->ids, g);
  int v = 0;
  for (xnode c = xmldoc_first (root); c; c = xmldoc_next (c))
    if (!in_time (r, ++k, xmldoc_line (c)) || (!xmldoc_is (c, "player") && !define_var (r, c, v++))) return false;
  if (!in_time (r, 0, 0)) return false;
  return game_finish (g, r->err);
}

static bool read_memory (game **out, const char *buf, size_t len, const char *name, const scnfg_limits *lim,
                         scnfg_error *err) {
  *out = NULL;
  static const char *const root_attrs[] = {"scnfg", "version", "leader", NULL};
  xmldoc *doc = xmldoc_parse_valid (buf, len, name, scnfg_rng, GAMEXML_MAX_BYTES, GAMEXML_MAX_DEPTH, root_attrs, err);
  if (!doc) return false;
  reader r = {name, err, NULL, {0, NULL, NULL}, lim};
  bool ok = build_game (&r, xmldoc_root (doc));
  free (r.ids.slot);
  xmldoc_free (doc);
  if (ok) *out = r.g;
  else game_free (r.g);
  return ok;
}

bool gamexml_read_memory (game **out, const char *buf, size_t len, const char *name, scnfg_error *err) {
  return read_memory (out, buf, len, name, NULL, err);
}

bool gamexml_read_file_lim (game **out, const char *path, const scnfg_limits *lim, scnfg_error *err) {
  char *buf;
  size_t len;
  *out = NULL;
  if (!xmldoc_slurp (path, GAMEXML_MAX_BYTES, &buf, &len, err)) return false;
  bool ok = !(lim && limits_expired (lim)) || error_set (err, ERROR_LIMIT, path, 0, 0, "time limit reached while reading");
  ok = ok && read_memory (out, buf, len, path, lim, err);
  free (buf);
  return ok;
}

bool gamexml_read_file (game **out, const char *path, scnfg_error *err) { return gamexml_read_file_lim (out, path, NULL, err); }

/* ---- writer ------------------------------------------------------------ */

static void put_rat (FILE *f, const mpq_t q) { rat_print (f, q); }

static void write_expr (FILE *f, const game *g, const game_expr *e, int ind) {
  static const char *names[] = {"const", "var", "not", "and", "or", "xor", "ite", "eq", "sum", "prod", "table"};
  fprintf (f, "%*s<%s", ind, "", names[e->op]);
  switch (e->op) {
  case GAME_CONST:
    fputs (" value=\"", f);
    put_rat (f, e->q);
    fputs ("\"/>\n", f);
    return;
  case GAME_VAR: fprintf (f, " ref=\"%s\"/>\n", g->vars[e->var].id); return;
  case GAME_EQ: fprintf (f, " ref=\"%s\" value=\"%ld\"/>\n", g->vars[e->var].id, e->k); return;
  case GAME_TABLE:
    if (e->nparents) {
      fputs (" parents=\"", f);
      for (unsigned i = 0; i < e->nparents; i++) fprintf (f, "%s%s", i ? " " : "", g->vars[e->parents[i]].id);
      fputc ('"', f);
    }
    fputc ('>', f);
    for (size_t i = 0; i < e->nentries; i++) {
      if (i) fputc (i % 16 ? ' ' : '\n', f);
      if (e->ivals) fprintf (f, "%ld", e->ivals[i]);
      else put_rat (f, e->qvals[i]);
    }
    fputs ("</table>\n", f);
    return;
  default:
    fputs (">\n", f);
    for (unsigned i = 0; i < e->nkids; i++) write_expr (f, g, e->kids[i], ind + 2);
    fprintf (f, "%*s</%s>\n", ind, "", names[e->op]);
  }
}

static void put_domain (FILE *f, const game_var *v) {
  fprintf (f, " domain=\"%u\"", v->domain);
  if (v->labels) {
    fputs (" labels=\"", f);
    for (unsigned i = 0; i < v->domain; i++) {
      if (i) fputc (' ', f);
      xmlw_esc (f, v->labels[i]);
    }
    fputc ('"', f);
  }
}

bool gamexml_write (FILE *f, const game *g) {
  xmlw_decl (f);
  fputs ("<scnfg version=\"1\" name=\"", f);
  xmlw_esc (f, g->name);
  fprintf (f, "\" leader=\"%s\"%s>\n", g->players[g->leader], g->layers_observable ? " layers-observable=\"true\"" : "");
  for (unsigned i = 0; i < g->nplayers; i++) fprintf (f, "  <player id=\"%s\"/>\n", g->players[i]);
  for (unsigned i = 0; i < g->nvars; i++) {
    const game_var *v = &g->vars[i];
    switch (v->kind) {
    case GAME_EXOGENOUS:
      fprintf (f, "  <exogenous id=\"%s\"", v->id);
      put_domain (f, v);
      fprintf (f, " position=\"%u\">\n    <prior>", v->position);
      for (unsigned j = 0; j < v->domain; j++) {
        if (j) fputc (' ', f);
        put_rat (f, v->prior[j]);
      }
      fputs ("</prior>\n  </exogenous>\n", f);
      break;
    case GAME_ENDOGENOUS:
      fprintf (f, "  <endogenous id=\"%s\"", v->id);
      put_domain (f, v);
      fputs (">\n", f);
      write_expr (f, g, v->expr, 4);
      fputs ("  </endogenous>\n", f);
      break;
    case GAME_ACTION:
      fprintf (f, "  <action id=\"%s\" player=\"%s\" stage=\"%u\"", v->id, g->players[v->player], v->stage);
      put_domain (f, v);
      fputs (" layers=\"", f);
      for (unsigned l = 1, first = 1; l <= 3; l++)
        if (v->layers & (1u << l)) fprintf (f, "%s%u", first ? "" : " ", l), first = 0;
      fputs ("\">\n", f);
      for (unsigned j = 0; j < v->nobs; j++) fprintf (f, "    <observes ref=\"%s\"/>\n", g->vars[v->obs[j]].id);
      if (v->expr) {
        fputs ("    <instinct>\n", f);
        write_expr (f, g, v->expr, 6);
        fputs ("    </instinct>\n", f);
      }
      if (v->active_if) {
        fputs ("    <active-if>\n", f);
        write_expr (f, g, v->active_if, 6);
        fputs ("    </active-if>\n", f);
      }
      fputs ("  </action>\n", f);
      break;
    case GAME_UTILITY:
      fprintf (f, "  <utility id=\"%s\" player=\"%s\">\n", v->id, g->players[v->player]);
      write_expr (f, g, v->expr, 4);
      fputs ("  </utility>\n", f);
      break;
    }
  }
  fputs ("</scnfg>\n", f);
  return !ferror (f);
}

bool gamexml_write_file (const game *g, const char *path, scnfg_error *err) {
  afile a;
  if (!afile_open (&a, path, err)) return false;
  if (!gamexml_write (a.f, g)) {
    afile_abort (&a);
    return error_set (err, ERROR_IO, path, 0, 0, "write error");
  }
  return afile_commit (&a, err);
}
