/* And-inverter graphs: builder with structural hashing, ASCII AIGER reader
 * and writer, conversion to and from certificates (see aig.h). */
#include "solver/model/aig.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/require.h"
#include "base/xmldoc.h"
#include "solver/model/cert.h"
#include "solver/model/qbf.h"

#define AIG_MAX_BYTES (512u << 20)   /* file size cap */
#define AIG_MAX_INDEX (1u << 30)     /* largest M accepted (2M+1 fits an unsigned) */
#define AIG_INPUT UINT_MAX           /* node.a of an input */

typedef struct aig_node { unsigned a, b; } aig_node; /* AND operands; input: a = AIG_INPUT, b = input k */

struct aig {
  aig_node *node;           /* node 0 is the constant */
  size_t nnodes, cap_nodes;
  unsigned nands;
  unsigned *in_node;        /* input k -> node */
  int *in_var;
  size_t nin, cap_in, cap_in_var;
  unsigned *out_lit;
  int *out_var;
  size_t nout, cap_out, cap_out_var;
  unsigned *hash;           /* open addressing over AND nodes, 0 empty */
  size_t hcap;
};

aig *aig_new (void) {
  aig *a = mem_calloc (1, sizeof *a);
  a->cap_nodes = 64;
  a->node = mem_alloc (a->cap_nodes * sizeof *a->node);
  a->node[0] = (aig_node) {0, 0};
  a->nnodes = 1;
  a->hcap = 64;
  a->hash = mem_calloc (a->hcap, sizeof *a->hash);
  return a;
}

void aig_free (aig *a) {
  if (!a) return;
  free (a->node), free (a->in_node), free (a->in_var), free (a->out_lit), free (a->out_var), free (a->hash);
  free (a);
}

static unsigned new_node (aig *a, unsigned x, unsigned y) {
  REQUIRE (a->nnodes < AIG_MAX_INDEX, "more than %u nodes", AIG_MAX_INDEX);
  mem_reserve ((void **) &a->node, &a->cap_nodes, a->nnodes + 1, sizeof *a->node);
  a->node[a->nnodes] = (aig_node) {x, y};
  return (unsigned) a->nnodes++;
}

unsigned aig_input (aig *a, int var) {
  REQUIRE (var >= 1, "variable %d", var);
  unsigned n = new_node (a, AIG_INPUT, (unsigned) a->nin);
  mem_reserve ((void **) &a->in_node, &a->cap_in, a->nin + 1, sizeof *a->in_node);
  mem_reserve ((void **) &a->in_var, &a->cap_in_var, a->nin + 1, sizeof *a->in_var);
  a->in_node[a->nin] = n;
  a->in_var[a->nin++] = var;
  return 2 * n;
}

static size_t hash_pair (unsigned x, unsigned y, size_t cap) {
  uint64_t h = ((uint64_t) x << 32 | y) * 0x9e3779b97f4a7c15ull;
  return (size_t) (h >> 17) & (cap - 1);
}

static void rehash (aig *a) {
  free (a->hash);
  a->hcap *= 2;
  a->hash = mem_calloc (a->hcap, sizeof *a->hash);
  for (size_t n = 1; n < a->nnodes; n++) {
    if (a->node[n].a == AIG_INPUT) continue;
    size_t h = hash_pair (a->node[n].a, a->node[n].b, a->hcap);
    while (a->hash[h]) h = (h + 1) & (a->hcap - 1);
    a->hash[h] = (unsigned) n;
  }
}

unsigned aig_and (aig *a, unsigned x, unsigned y) {
  REQUIRE (x / 2 < a->nnodes && y / 2 < a->nnodes, "literal %u or %u does not exist", x, y);
  if (x < y) {
    unsigned t = x;
    x = y, y = t;
  }
  if (y == AIG_FALSE || x == aig_not (y)) return AIG_FALSE;
  if (y == AIG_TRUE || x == y) return x;
  size_t h = hash_pair (x, y, a->hcap);
  for (; a->hash[h]; h = (h + 1) & (a->hcap - 1)) {
    const aig_node *n = &a->node[a->hash[h]];
    if (n->a == x && n->b == y) return 2 * a->hash[h];
  }
  unsigned n = new_node (a, x, y);
  a->hash[h] = n;
  a->nands++;
  if (2 * (size_t) a->nands >= a->hcap) rehash (a);
  return 2 * n;
}

unsigned aig_or (aig *a, unsigned x, unsigned y) { return aig_not (aig_and (a, aig_not (x), aig_not (y))); }

unsigned aig_ite (aig *a, unsigned s, unsigned t, unsigned e) {
  if (s == AIG_TRUE || t == e) return t;
  if (s == AIG_FALSE) return e;
  return aig_or (a, aig_and (a, s, t), aig_and (a, aig_not (s), e));
}

void aig_output (aig *a, unsigned lit, int var) {
  REQUIRE (var >= 1 && lit / 2 < a->nnodes, "variable %d, literal %u", var, lit);
  mem_reserve ((void **) &a->out_lit, &a->cap_out, a->nout + 1, sizeof *a->out_lit);
  mem_reserve ((void **) &a->out_var, &a->cap_out_var, a->nout + 1, sizeof *a->out_var);
  a->out_lit[a->nout] = lit;
  a->out_var[a->nout++] = var;
}

unsigned aig_num_ands (const aig *a) { return a->nands; }
unsigned aig_num_inputs (const aig *a) { return (unsigned) a->nin; }
unsigned aig_num_outputs (const aig *a) { return (unsigned) a->nout; }

int aig_input_var (const aig *a, unsigned k) {
  REQUIRE (k < a->nin, "input %u of %zu", k, a->nin);
  return a->in_var[k];
}

unsigned aig_input_lit (const aig *a, unsigned k) {
  REQUIRE (k < a->nin, "input %u of %zu", k, a->nin);
  return 2 * a->in_node[k];
}

int aig_output_var (const aig *a, unsigned k) {
  REQUIRE (k < a->nout, "output %u of %zu", k, a->nout);
  return a->out_var[k];
}

unsigned aig_output_lit (const aig *a, unsigned k) {
  REQUIRE (k < a->nout, "output %u of %zu", k, a->nout);
  return a->out_lit[k];
}

bool aig_eval (const aig *a, unsigned lit, const unsigned char *in) {
  REQUIRE (lit / 2 < a->nnodes, "literal %u", lit);
  unsigned top = lit / 2;
  unsigned char *val = mem_alloc ((size_t) top + 1);
  val[0] = 0;
  for (unsigned n = 1; n <= top; n++) {
    const aig_node *d = &a->node[n];
    if (d->a == AIG_INPUT) val[n] = in[d->b] ? 1 : 0;
    else val[n] = (unsigned char) ((val[d->a / 2] ^ (d->a & 1)) & (val[d->b / 2] ^ (d->b & 1)));
  }
  bool r = (val[top] ^ (lit & 1)) != 0;
  free (val);
  return r;
}

/* ---- writer ------------------------------------------------------------ */

bool aig_write_aag (const aig *a, FILE *out, scnfg_error *err) {
  /* file index: inputs 1..I, gates I+1..I+A, both in creation order */
  unsigned *idx = mem_alloc (a->nnodes * sizeof *idx);
  unsigned ni = 0, ng = (unsigned) a->nin;
  idx[0] = 0;
  for (size_t n = 1; n < a->nnodes; n++) idx[n] = a->node[n].a == AIG_INPUT ? ++ni : ++ng;
#define L(l) (2 * idx[(l) / 2] + ((l) & 1))
  fprintf (out, "aag %u %zu 0 %zu %u\n", ng, a->nin, a->nout, a->nands);
  for (size_t k = 0; k < a->nin; k++) fprintf (out, "%u\n", L (2 * a->in_node[k]));
  for (size_t k = 0; k < a->nout; k++) fprintf (out, "%u\n", L (a->out_lit[k]));
  for (size_t n = 1; n < a->nnodes; n++)
    if (a->node[n].a != AIG_INPUT) fprintf (out, "%u %u %u\n", 2 * idx[n], L (a->node[n].a), L (a->node[n].b));
#undef L
  for (size_t k = 0; k < a->nin; k++) fprintf (out, "i%zu %d\n", k, a->in_var[k]);
  for (size_t k = 0; k < a->nout; k++) fprintf (out, "o%zu %d\n", k, a->out_var[k]);
  free (idx);
  if (fflush (out) != 0 || ferror (out)) return error_set (err, ERROR_IO, NULL, 0, 0, "cannot write the AIGER file");
  return true;
}

/* ---- reader ------------------------------------------------------------ */

typedef struct rd {
  const char *p, *end, *file;
  unsigned line;
  scnfg_error *err;
  unsigned m, ni, no, na;
  unsigned *in_lit, *in_line, *out_lit, *out_line, *and_l, *and_line;
  int *in_var, *out_var;
  unsigned *in_sym, *out_sym; /* line of each symbol */
  unsigned *def;            /* hash of defined indices: slot -> def id + 1 (inputs, then gates) */
  size_t hcap;
} rd;

/* The next line [*s, *e) without its newline (and CR); false at the end. */
static bool rd_line (rd *r, const char **s, const char **e) {
  if (r->p >= r->end) return false;
  r->line++;
  const char *q = memchr (r->p, '\n', (size_t) (r->end - r->p));
  *s = r->p;
  *e = q ? q : r->end;
  r->p = q ? q + 1 : r->end;
  if (*e > *s && (*e)[-1] == '\r') (*e)--;
  return true;
}

/* Exactly n unsigned decimal numbers separated by single spaces; false on anything else. */
static bool rd_nums (const char *s, const char *e, unsigned *v, int n) {
  for (int k = 0; k < n; k++) {
    if (k && (s == e || *s++ != ' ')) return false;
    if (s == e || *s < '0' || *s > '9') return false;
    uint64_t x = 0;
    while (s < e && *s >= '0' && *s <= '9') {
      x = 10 * x + (uint64_t) (*s++ - '0');
      if (x > UINT32_MAX) return false;
    }
    v[k] = (unsigned) x;
  }
  return s == e;
}

#define RD_FAIL(r, line, ...) error_set ((r)->err, ERROR_INPUT, (r)->file, (line), 0, __VA_ARGS__)

/* Line number past the end, for truncation messages. */
static unsigned rd_eof_line (const rd *r) { return r->line + 1; }

static size_t def_slot (const rd *r, unsigned idx) {
  size_t h = (size_t) (idx * 0x9e3779b1u) & (r->hcap - 1);
  while (r->def[h] && r->def[h] != idx) h = (h + 1) & (r->hcap - 1);
  return h;
}
/* The hash stores (index, def id) pairs side by side: def[h] index, def[h + hcap] def id. */
static unsigned def_get (const rd *r, unsigned idx) {
  size_t h = def_slot (r, idx);
  return r->def[h] ? r->def[h + r->hcap] : 0;
}

/* Records index idx (from literal lit on the current line) as def id d (>= 1). */
static bool def_put (rd *r, unsigned lit, unsigned d) {
  size_t h = def_slot (r, lit / 2);
  if (r->def[h]) {
    unsigned o = r->def[h + r->hcap] - 1;
    unsigned l = o < r->ni ? r->in_line[o] : r->and_line[o - r->ni];
    return RD_FAIL (r, r->line, "literal %u defined twice (first on line %u)", lit, l);
  }
  r->def[h] = lit / 2;
  r->def[h + r->hcap] = d;
  return true;
}

static bool rd_lit (rd *r, unsigned lit, const char *what) {
  if (lit / 2 > r->m) return RD_FAIL (r, r->line, "%s literal %u past the maximum variable index M = %u", what, lit, r->m);
  return true;
}

static bool rd_header (rd *r) {
  const char *s, *e;
  unsigned h[5];
  if (!rd_line (r, &s, &e)) return RD_FAIL (r, 1, "empty file: expected the header 'aag M I L O A'");
  if (e - s >= 4 && !memcmp (s, "aig ", 4))
    return RD_FAIL (r, 1, "binary AIGER is not supported (write ASCII 'aag')");
  if (e - s < 4 || memcmp (s, "aag ", 4) || !rd_nums (s + 4, e, h, 5))
    return RD_FAIL (r, 1, "expected the header 'aag M I L O A'");
  r->m = h[0], r->ni = h[1], r->no = h[3], r->na = h[4];
  if (h[2]) return RD_FAIL (r, 1, "latches are not supported (L = %u)", h[2]);
  if (r->m > AIG_MAX_INDEX) return RD_FAIL (r, 1, "M = %u exceeds the limit %u", r->m, AIG_MAX_INDEX);
  if ((uint64_t) r->ni + r->na > r->m)
    return RD_FAIL (r, 1, "M = %u is smaller than I + L + A = %u", r->m, r->ni + r->na);
  /* every line takes at least one byte: bounds the arrays by the file size */
  if ((uint64_t) r->ni + r->no + r->na > (uint64_t) (r->end - r->p))
    return RD_FAIL (r, 2, "unexpected end of file: the header announces %u lines", r->ni + r->no + r->na);
  return true;
}

static bool rd_body (rd *r) {
  const char *s, *e;
  unsigned v[3];
  for (unsigned k = 0; k < r->ni; k++) {
    if (!rd_line (r, &s, &e)) return RD_FAIL (r, rd_eof_line (r), "unexpected end of file: input %u of %u", k + 1, r->ni);
    if (!rd_nums (s, e, v, 1)) return RD_FAIL (r, r->line, "expected an input literal");
    if (!rd_lit (r, v[0], "input")) return false;
    if (v[0] < 2 || v[0] & 1) return RD_FAIL (r, r->line, "input literal %u is not a positive even literal", v[0]);
    r->in_lit[k] = v[0], r->in_line[k] = r->line;
    if (!def_put (r, v[0], k + 1)) return false;
  }
  for (unsigned k = 0; k < r->no; k++) {
    if (!rd_line (r, &s, &e)) return RD_FAIL (r, rd_eof_line (r), "unexpected end of file: output %u of %u", k + 1, r->no);
    if (!rd_nums (s, e, v, 1)) return RD_FAIL (r, r->line, "expected an output literal");
    if (!rd_lit (r, v[0], "output")) return false;
    r->out_lit[k] = v[0], r->out_line[k] = r->line;
  }
  for (unsigned k = 0; k < r->na; k++) {
    if (!rd_line (r, &s, &e)) return RD_FAIL (r, rd_eof_line (r), "unexpected end of file: AND gate %u of %u", k + 1, r->na);
    if (!rd_nums (s, e, v, 3)) return RD_FAIL (r, r->line, "expected an AND gate 'LHS RHS0 RHS1'");
    for (int j = 0; j < 3; j++)
      if (!rd_lit (r, v[j], "AND gate")) return false;
    if (v[0] < 2 || v[0] & 1) return RD_FAIL (r, r->line, "AND gate literal %u is not a positive even literal", v[0]);
    memcpy (r->and_l + 3 * (size_t) k, v, sizeof v);
    r->and_line[k] = r->line;
    if (!def_put (r, v[0], r->ni + k + 1)) return false;
  }
  return true;
}

/* Symbol table "i<k> V" / "o<k> V" and the optional comment section. */
static bool rd_symbols (rd *r) {
  const char *s, *e;
  while (rd_line (r, &s, &e)) {
    if (s < e && *s == 'c' && e - s == 1) return true; /* comments: the rest of the file */
    bool in = s < e && *s == 'i', out = s < e && *s == 'o';
    if (!in && !out) {
      if (s < e && (*s == 'l' || *s == 'b' || *s == 'c' || *s == 'j' || *s == 'f'))
        return RD_FAIL (r, r->line, "'%c' symbols are not supported (only inputs and outputs)", *s);
      return RD_FAIL (r, r->line, "expected a symbol 'i<k> V', 'o<k> V' or the comment line 'c'");
    }
    const char *sp = memchr (s, ' ', (size_t) (e - s));
    unsigned k[1], var[1];
    if (!sp || !rd_nums (s + 1, sp, k, 1))
      return RD_FAIL (r, r->line, "expected a symbol '%c<k> V'", *s);
    unsigned n = in ? r->ni : r->no;
    if (*k >= n) return RD_FAIL (r, r->line, "symbol for %s %u, but the file has %u", in ? "input" : "output", *k, n);
    if (!rd_nums (sp + 1, e, var, 1) || *var < 1 || *var > INT_MAX)
      return RD_FAIL (r, r->line, "the name of %s %u is not a QDIMACS variable number", in ? "input" : "output", *k);
    int *slot = in ? &r->in_var[*k] : &r->out_var[*k];
    if (*slot) return RD_FAIL (r, r->line, "%s %u named twice", in ? "input" : "output", *k);
    *slot = (int) *var;
    (in ? r->in_sym : r->out_sym)[*k] = r->line;
  }
  return true;
}

/* Literal of the AIG under construction for file literal l (defined). */
static unsigned rd_resolve (const rd *r, const unsigned *lit_of, unsigned l) {
  if (l < 2) return l;
  return lit_of[def_get (r, l / 2) - 1] ^ (l & 1);
}

static bool rd_defined (rd *r, unsigned l, unsigned line) {
  if (l < 2 || def_get (r, l / 2)) return true;
  return RD_FAIL (r, line, "undefined literal %u (no input or AND gate defines index %u)", l, l / 2);
}

/* Builds the gates in operand order (iterative DFS), finding cycles. */
static bool rd_gates (rd *r, aig *a, unsigned *lit_of) {
  unsigned char *state = mem_calloc ((size_t) r->na + 1, 1);
  unsigned *stack = mem_alloc ((2 * (size_t) r->na + 1) * sizeof *stack);
  bool ok = true;
  for (unsigned g0 = 0; g0 < r->na && ok; g0++) {
    if (state[g0]) continue;
    size_t n = 0;
    stack[n++] = g0;
    while (n && ok) {
      unsigned g = stack[n - 1];
      const unsigned *l = r->and_l + 3 * (size_t) g;
      if (state[g] == 2) {
        n--;
      } else if (state[g] == 1) {
        lit_of[r->ni + g] = aig_and (a, rd_resolve (r, lit_of, l[1]), rd_resolve (r, lit_of, l[2]));
        state[g] = 2;
        n--;
      } else {
        state[g] = 1;
        for (int j = 1; j <= 2 && ok; j++) {
          unsigned d = l[j] < 2 ? 0 : def_get (r, l[j] / 2);
          if (d <= r->ni) continue;
          unsigned c = d - r->ni - 1;
          if (state[c] == 1) ok = RD_FAIL (r, r->and_line[c], "cycle of AND gates through gate %u", r->and_l[3 * (size_t) c]);
          else if (!state[c]) stack[n++] = c;
        }
      }
    }
  }
  free (state), free (stack);
  return ok;
}

static int rd_cmp_var (const void *x, const void *y) {
  const int *a = x, *b = y;
  return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : (a[1] < b[1] ? -1 : a[1] > b[1]);
}

/* Every input / output named, no variable twice. */
static bool rd_names (rd *r, const int *var, const unsigned *line, const unsigned *sym, unsigned n, char kind) {
  const char *what = kind == 'i' ? "input" : "output";
  for (unsigned k = 0; k < n; k++)
    if (!var[k]) return RD_FAIL (r, line[k], "%s %u has no symbol '%c%u V'", what, k, kind, k);
  int *p = mem_alloc ((2 * (size_t) n + 1) * sizeof *p);
  for (unsigned k = 0; k < n; k++) p[2 * k] = var[k], p[2 * k + 1] = (int) k;
  qsort (p, n, 2 * sizeof *p, rd_cmp_var);
  unsigned bad = UINT_MAX, first = 0;
  for (unsigned k = 1; k < n; k++)
    if (p[2 * k] == p[2 * k - 2] && (bad == UINT_MAX || sym[p[2 * k + 1]] < sym[bad]))
      bad = (unsigned) p[2 * k + 1], first = (unsigned) p[2 * k - 1];
  free (p);
  if (bad == UINT_MAX) return true;
  return RD_FAIL (r, sym[bad], "variable %d names two %ss (%c%u and %c%u)", var[bad], what, kind, first, kind, bad);
}

static bool rd_parse (rd *r) {
  if (!rd_header (r)) return false;
  size_t ni = r->ni + 1u, no = r->no + 1u, na = r->na + 1u;
  r->in_lit = mem_alloc (ni * sizeof (unsigned)), r->in_line = mem_alloc (ni * sizeof (unsigned));
  r->in_sym = mem_calloc (ni, sizeof (unsigned)), r->in_var = mem_calloc (ni, sizeof (int));
  r->out_lit = mem_alloc (no * sizeof (unsigned)), r->out_line = mem_alloc (no * sizeof (unsigned));
  r->out_sym = mem_calloc (no, sizeof (unsigned)), r->out_var = mem_calloc (no, sizeof (int));
  r->and_l = mem_alloc (3 * na * sizeof (unsigned)), r->and_line = mem_alloc (na * sizeof (unsigned));
  for (r->hcap = 16; r->hcap < 2 * (ni + na); r->hcap *= 2) {}
  r->def = mem_calloc (2 * r->hcap, sizeof *r->def);
  if (!rd_body (r) || !rd_symbols (r)) return false;
  for (unsigned k = 0; k < r->no; k++)
    if (!rd_defined (r, r->out_lit[k], r->out_line[k])) return false;
  for (unsigned k = 0; k < r->na; k++)
    for (int j = 1; j <= 2; j++)
      if (!rd_defined (r, r->and_l[3 * (size_t) k + j], r->and_line[k])) return false;
  return true;
}

aig *aig_read_aag (const char *buf, size_t len, const char *file, scnfg_error *err) {
  rd r = {.p = buf, .end = buf + len, .file = file, .err = err};
  aig *a = NULL;
  bool ok = rd_parse (&r);
  unsigned *lit_of = NULL;
  /* names first: an input without a symbol has no variable to create it with */
  ok = ok && rd_names (&r, r.in_var, r.in_line, r.in_sym, r.ni, 'i') &&
       rd_names (&r, r.out_var, r.out_line, r.out_sym, r.no, 'o');
  if (ok) {
    a = aig_new ();
    lit_of = mem_alloc (((size_t) r.ni + r.na + 1) * sizeof *lit_of);
    for (unsigned k = 0; k < r.ni; k++) lit_of[k] = aig_input (a, r.in_var[k]);
    ok = rd_gates (&r, a, lit_of);
  }
  if (ok)
    for (unsigned k = 0; k < r.no; k++) aig_output (a, rd_resolve (&r, lit_of, r.out_lit[k]), r.out_var[k]);
  free (lit_of);
  free (r.in_lit), free (r.in_line), free (r.in_sym), free (r.in_var);
  free (r.out_lit), free (r.out_line), free (r.out_sym), free (r.out_var);
  free (r.and_l), free (r.and_line), free (r.def);
  if (!ok) {
    aig_free (a);
    return NULL;
  }
  return a;
}

aig *aig_read_aag_file (const char *path, scnfg_error *err) {
  char *buf;
  size_t len;
  if (!xmldoc_slurp (path, AIG_MAX_BYTES, &buf, &len, err)) return NULL;
  aig *a = aig_read_aag (buf, len, path, err);
  free (buf);
  return a;
}

/* ---- certificates ------------------------------------------------------ */

/* The one translation between the formula's variables and the QDIMACS
 * numbers of the symbol table (identity until the model renumbers). */
static int aig_orig_of (const qbf *f, int v) { return qbf_orig_var (f, v); }
static int aig_var_of (const qbf *f, int orig) { return qbf_dense_var (f, orig); }

/* Cert literal -> AIG literal given the AIG literal of each cert id (|lit|). */
static unsigned from_lit (const unsigned *val, int l) {
  if (l == CERT_TRUE) return AIG_TRUE;
  if (l == CERT_FALSE) return AIG_FALSE;
  return l > 0 ? val[l] : aig_not (val[-l]);
}

aig *aig_from_cert (const cert *c, const qbf *f) {
  int n = c->nvars;
  size_t nid = (size_t) n + c->ngates + 1;
  qbf_quant mine = c->kind == CERT_SKOLEM ? QBF_EXISTS : QBF_FORALL;
  int *func = mem_calloc ((size_t) n + 1, sizeof *func);
  for (unsigned i = 0; i < c->nfuncs; i++)
    if (c->funcs[i].var >= 1 && c->funcs[i].var <= n) func[c->funcs[i].var] = c->funcs[i].lit;
  aig *a = aig_new ();
  unsigned *val = mem_alloc (nid * sizeof *val);
  unsigned char *state = mem_calloc (nid, 1); /* 0 new, 1 open, 2 done */
  for (unsigned b = 0; b < f->nblocks; b++)
    for (unsigned i = 0; i < f->blocks[b].nvars; i++) {
      int v = f->blocks[b].vars[i];
      if (v <= n && f->blocks[b].quant != mine && !func[v]) val[v] = aig_input (a, aig_orig_of (f, v)), state[v] = 2;
    }
  int *stack = mem_alloc ((2 * nid + 2) * sizeof *stack);
  bool ok = true;
  for (unsigned i = 0; i < c->nfuncs && ok; i++) {
    size_t sp = 0;
    stack[sp++] = abs (c->funcs[i].lit);
    while (sp && ok) {
      int x = stack[sp - 1];
      if (x == CERT_TRUE || state[x] == 2) {
        sp--;
        continue;
      }
      int kid[2] = {0, 0};
      if (x > n) kid[0] = abs (c->gates[x - n - 1].a), kid[1] = abs (c->gates[x - n - 1].b);
      else if (func[x]) kid[0] = abs (func[x]);
      if (state[x] == 1) {
        if (x > n) val[x] = aig_and (a, from_lit (val, c->gates[x - n - 1].a), from_lit (val, c->gates[x - n - 1].b));
        else val[x] = func[x] ? from_lit (val, func[x]) : aig_input (a, aig_orig_of (f, x));
        state[x] = 2;
        sp--;
        continue;
      }
      state[x] = 1;
      for (int j = 0; j < 2; j++)
        if (kid[j] && kid[j] != CERT_TRUE && state[kid[j]] != 2) {
          if (state[kid[j]] == 1) ok = false; /* substitution cycle */
          else stack[sp++] = kid[j];
        }
    }
    if (ok) aig_output (a, from_lit (val, c->funcs[i].lit), aig_orig_of (f, c->funcs[i].var));
  }
  free (func), free (val), free (state), free (stack);
  if (!ok) {
    aig_free (a);
    return NULL;
  }
  return a;
}

cert *aig_to_cert (const aig *a, const qbf *f, char *why, size_t whysize) {
  cert_kind kind = CERT_SKOLEM;
  int fix = 0; /* 1 once the kind is known */
  for (size_t k = 0; k < a->nout + a->nin; k++) {
    bool out = k < a->nout;
    int orig = out ? a->out_var[k] : a->in_var[k - a->nout], v = aig_var_of (f, orig);
    if (v < 1 || v > f->nvars || !f->block_of[v] || qbf_quant_of (f, v) == QBF_RANDOM) {
      snprintf (why, whysize, "%s %zu names variable %d, which the formula does not quantify", out ? "output" : "input",
                out ? k : k - a->nout, orig);
      return NULL;
    }
    bool ex = qbf_quant_of (f, v) == QBF_EXISTS;
    cert_kind kk = ex == out ? CERT_SKOLEM : CERT_HERBRAND;
    if (out && fix && kk != kind) {
      snprintf (why, whysize, "output %zu defines %s variable %d, output 0 a%s one", k, ex ? "existential" : "universal",
                orig, ex ? " universal" : "n existential");
      return NULL;
    }
    if (!fix) kind = kk, fix = 1;
  }
  if (!fix)
    for (size_t i = 0; i < f->nlits; i++)
      if (f->lits[i] && qbf_quant_of (f, abs (f->lits[i])) == QBF_EXISTS) kind = CERT_HERBRAND;
  cert *c = cert_new (kind, f->nvars);
  int *lit = mem_alloc (a->nnodes * sizeof *lit);
  lit[0] = CERT_FALSE;
  for (size_t n = 1; n < a->nnodes; n++) {
    const aig_node *d = &a->node[n];
#define TO(l) ((l) & 1 ? -lit[(l) / 2] : lit[(l) / 2])
    lit[n] = d->a == AIG_INPUT ? aig_var_of (f, a->in_var[d->b]) : cert_and (c, TO (d->a), TO (d->b));
  }
  for (size_t k = 0; k < a->nout; k++) cert_set_function (c, aig_var_of (f, a->out_var[k]), TO (a->out_lit[k]));
#undef TO
  free (lit);
  return c;
}
