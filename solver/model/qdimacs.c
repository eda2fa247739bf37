/* Strict QDIMACS reader and writer (DESIGN §1), with the 'r P v… 0' SSAT extension.
 *
 * The reader is a single pass over bytes with line/column tracking. Nothing is
 * sized by the header or by the largest variable number: the body is kept in
 * the file's numbers, then renumbered densely (increasing) at the end.
 * Accepted beyond the letter of QDIMACS 1.1 (documented in docs/qdimacs.md):
 * comment lines anywhere, blank lines, CRLF line ends, several clauses on one
 * line, duplicate literals in a clause (dropped). */
#include "solver/model/qdimacs.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/afile.h"
#include "base/error.h"
#include "base/limits.h"
#include "base/mem.h"
#include "base/rat.h"
#include "solver/model/qbf.h"

#define MAX_VARS (INT_MAX - 1)

typedef struct reader {
  FILE *in;
  const char *name;
  unsigned line, col;   /* position of the next byte */
  int ch;               /* current byte (EOF at end) */
  scnfg_error *err, *warn;
  bool lenient, forall_last;
  const scnfg_limits *lim;
  unsigned long long bytes; /* read so far */
  bool stopped;             /* a limit or cap ended the input (err holds why) */
  bool too_long;            /* the token was cut at QDIMACS_MAX_TOKEN bytes */
  /* token buffer */
  char *tok;
  size_t tok_len, tok_cap;
  unsigned tok_line, tok_col;
} reader;

/* Ends the input with an error (kept as the first one). */
static void stop (reader *r, int code, const char *msg) {
  error_set (r->err, code, r->name, r->line, 0, "%s", msg);
  r->stopped = true;
  r->ch = EOF;
}

static void next (reader *r) {
  if (r->stopped) return;
  if (r->ch == '\n') r->line++, r->col = 1;
  else if (r->ch != EOF) r->col++;
  r->ch = afile_getc (r->in, r->lim);
  if (r->ch == AFILE_TIMEOUT || ((++r->bytes & 0xffff) == 0 && r->lim && limits_expired (r->lim)))
    stop (r, ERROR_LIMIT, "time limit reached while reading");
  else if (r->bytes > QDIMACS_MAX_BYTES) stop (r, ERROR_INPUT, "input larger than the cap of 2 GiB (QDIMACS_MAX_BYTES)");
}

static bool fail_at (reader *r, unsigned line, unsigned col, const char *fmt, const char *arg) {
  return error_set (r->err, ERROR_INPUT, r->name, line, col, fmt, arg);
}

#define FAIL(r, msg) fail_at ((r), (r)->tok_line, (r)->tok_col, "%s", (msg))

static void warn (reader *r, unsigned line, const char *msg) {
  error_set (r->warn, ERROR_INPUT, r->name, line, 0, "warning: %s", msg);
}

static bool is_space (int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

/* Skips blanks within a line. */
static void skip_blanks (reader *r) {
  while (is_space (r->ch)) next (r);
}

/* Reads the next token of the current line into r->tok. Returns false at end
 * of line or file (r->ch is then '\n' or EOF). Rejects bytes that are not
 * printable ASCII. */
static bool read_token (reader *r) {
  skip_blanks (r);
  if (r->ch == '\n' || r->ch == EOF) return false;
  r->tok_len = 0;
  r->tok_line = r->line, r->tok_col = r->col;
  r->too_long = false;
  while (r->ch != EOF && r->ch != '\n' && !is_space (r->ch)) {
    if (r->tok_len == QDIMACS_MAX_TOKEN) { /* checked by token_is_text before any use */
      r->too_long = true;
      break;
    }
    mem_reserve ((void **) &r->tok, &r->tok_cap, r->tok_len + 2, 1);
    r->tok[r->tok_len++] = (char) r->ch;
    bool text = r->ch >= 0x20 && r->ch <= 0x7e;
    next (r);
    if (!text) break; /* reported by token_is_text at its column, without reading on */
  }
  r->tok[r->tok_len] = 0;
  return true;
}

/* Skips the rest of the line including the newline. */
static void skip_line (reader *r) {
  while (r->ch != '\n' && r->ch != EOF) next (r);
  if (r->ch == '\n') next (r);
}

/* Checks that the token is printable ASCII (binary junk gets a clear message). */
static bool token_is_text (reader *r) {
  if (r->too_long)
    return error_set (r->err, ERROR_INPUT, r->name, r->tok_line, r->tok_col, "token longer than %d bytes", QDIMACS_MAX_TOKEN);
  for (size_t i = 0; i < r->tok_len; i++) {
    unsigned char c = (unsigned char) r->tok[i];
    if (c < 0x20 || c > 0x7e) {
      error_set (r->err, ERROR_INPUT, r->name, r->tok_line, r->tok_col + (unsigned) i,
                 "unexpected byte 0x%02x (binary data? expected printable ASCII)", c);
      return false;
    }
  }
  return true;
}

/* Parses the token as a decimal integer (optional '-'), rejecting overflow
 * beyond INT_MAX in magnitude. */
static bool token_int (reader *r, long *out, const char *what) {
  if (!token_is_text (r)) return false;
  const char *s = r->tok;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == r->tok_len) return fail_at (r, r->tok_line, r->tok_col, "expected %s, got '-'", what);
  for (size_t j = i; j < r->tok_len; j++)
    if (s[j] < '0' || s[j] > '9') return fail_at (r, r->tok_line, r->tok_col, "expected %s", what);
  if (r->tok_len - i > 10) return FAIL (r, "integer too large (overflow)");
  long v = strtol (s, NULL, 10);
  if (v > INT_MAX || v < -INT_MAX) return FAIL (r, "integer too large (overflow)");
  *out = v;
  return true;
}

typedef struct body {
  int *vars;  /* scratch: variables of a quantifier line / literals of a clause */
  size_t n, cap;
} body;

static void push (body *b, int x) {
  mem_reserve ((void **) &b->vars, &b->cap, b->n + 1, sizeof *b->vars);
  b->vars[b->n++] = x;
}

/* A set of positive ints (open addressing, linear probing): the variables
 * quantified so far, in memory by their number, not by their size. */
typedef struct intset {
  int *slot; /* 0: empty */
  size_t cap, n;
} intset;

static size_t intset_hash (int v, size_t cap) { return ((size_t) (unsigned) v * 0x9E3779B1u) & (cap - 1); }

/* Adds v (> 0); false if it was there. */
static bool intset_add (intset *s, int v) {
  if (2 * (s->n + 1) > s->cap) {
    size_t ncap = s->cap ? 2 * s->cap : 64;
    int *ns = mem_calloc (ncap, sizeof *ns);
    for (size_t i = 0; i < s->cap; i++)
      if (s->slot[i]) {
        size_t h = intset_hash (s->slot[i], ncap);
        while (ns[h]) h = (h + 1) & (ncap - 1);
        ns[h] = s->slot[i];
      }
    free (s->slot);
    s->slot = ns, s->cap = ncap;
  }
  size_t h = intset_hash (v, s->cap);
  while (s->slot[h]) {
    if (s->slot[h] == v) return false;
    h = (h + 1) & (s->cap - 1);
  }
  s->slot[h] = v, s->n++;
  return true;
}

/* A quantifier line as read (variables in the input's numbers). */
typedef struct raw_block {
  char quant;
  size_t start, n; /* its variables: qv[start .. start+n) */
  mpq_t p;
} raw_block;

/* The parse state beyond the byte reader. The body is kept in the input's
 * numbers until the end, then renumbered densely (qdimacs_read). */
typedef struct parse {
  reader r;
  bool have_header;
  body b;
  bool in_clauses, clause_open;
  unsigned clause_line, last_quant_line;
  char last_quant;
  long V, C, seen_clauses;
  intset quantified;
  raw_block *blocks;
  size_t nblocks, cap_blocks;
  int *qv;                   /* prefix variables */
  size_t nqv, cap_qv;
  int *cl;                   /* clause literals, each clause ended by 0 */
  size_t ncl, cap_cl;
  mpq_t p;
} parse;

/* 'p cnf V C' (the token "p" has been read). */
static bool read_header (parse *P, unsigned line) {
  reader *r = &P->r;
  if (strcmp (r->tok, "p")) return FAIL (r, "expected header 'p cnf V C' before anything but comments");
  long vals[2];
  if (!read_token (r) || strcmp (r->tok, "cnf"))
    return fail_at (r, line, r->tok_col, "%s", "expected 'cnf' in header 'p cnf V C'");
  for (int k = 0; k < 2; k++) {
    if (!read_token (r))
      return fail_at (r, line, r->col, "%s", k ? "expected clause count C in header 'p cnf V C'"
                                               : "expected variable count V in header 'p cnf V C'");
    if (!token_int (r, &vals[k], k ? "clause count C" : "variable count V")) return false;
    if (vals[k] < 0) return FAIL (r, k ? "negative clause count in header" : "negative variable count in header");
  }
  if (read_token (r)) return FAIL (r, "unexpected token after header 'p cnf V C'");
  P->V = vals[0], P->C = vals[1];
  if (P->V > MAX_VARS) return fail_at (r, line, 0, "%s", "variable count in header too large");
  P->have_header = true;
  return true;
}

/* 'e|a v... 0' or 'r P v... 0' (the quantifier token has been read). */
static bool read_quant_line (parse *P, unsigned line) {
  reader *r = &P->r;
  char q = r->tok[0];
  unsigned qcol = r->tok_col;
  if (P->in_clauses) return FAIL (r, "quantifier line after a clause (the prefix must come first)");
  if (q == 'r') {
    if (!read_token (r)) return fail_at (r, line, r->col, "%s", "expected a probability P after 'r'");
    if (!token_is_text (r)) return false;
    const char *why = NULL;
    if (!rat_parse (P->p, r->tok, r->tok_len, &why)) return fail_at (r, r->tok_line, r->tok_col, "bad probability: %s", why);
    if (mpq_sgn (P->p) < 0 || mpq_cmp_ui (P->p, 1, 1) > 0) return FAIL (r, "probability must lie in [0, 1]");
  }
  P->b.n = 0;
  bool ended = false;
  while (read_token (r)) {
    long v;
    if (ended) return FAIL (r, "unexpected token after the terminating 0 of a quantifier line");
    if (!token_int (r, &v, "a variable")) return false;
    if (v == 0) {
      ended = true;
      continue;
    }
    if (v < 0) return FAIL (r, "negative number in a quantifier line (variables are positive)");
    if (v > P->V) return FAIL (r, "variable exceeds the header's variable count");
    if (!intset_add (&P->quantified, (int) v)) return FAIL (r, "variable quantified twice");
    push (&P->b, (int) v);
  }
  if (!ended) return fail_at (r, line, r->col, "%s", "quantifier line not ended by 0");
  if (P->b.n == 0) return fail_at (r, line, qcol, "%s", "empty quantifier block");
  mem_reserve ((void **) &P->blocks, &P->cap_blocks, P->nblocks + 1, sizeof *P->blocks);
  raw_block *rb = &P->blocks[P->nblocks++];
  rb->quant = q, rb->start = P->nqv, rb->n = P->b.n;
  mpq_init (rb->p);
  if (q == 'r') mpq_set (rb->p, P->p);
  mem_reserve ((void **) &P->qv, &P->cap_qv, P->nqv + P->b.n, sizeof *P->qv);
  memcpy (P->qv + P->nqv, P->b.vars, P->b.n * sizeof *P->qv);
  P->nqv += P->b.n;
  P->last_quant = q, P->last_quant_line = line;
  return true;
}

/* A clause line: literals, each clause ended by 0, the line ended by 0 (a
 * clause may continue on the next line only while open). */
static bool read_clause_line (parse *P, unsigned line) {
  reader *r = &P->r;
  P->in_clauses = true;
  if (!P->clause_open && !(r->tok[0] == '-' || (r->tok[0] >= '0' && r->tok[0] <= '9')))
    return fail_at (r, r->tok_line, r->tok_col, "unknown token '%.40s': expected 'e', 'a', 'r', 'c ', a literal or 0",
                    r->tok);
  for (;;) {
    long l;
    if (!token_int (r, &l, "a literal or 0")) return false;
    if (l == 0) {
      if (P->seen_clauses == P->C) {
        if (!r->lenient) return FAIL (r, "more clauses than the header declares");
        warn (r, line, "more clauses than the header declares");
      }
      P->seen_clauses++;
      size_t n = P->clause_open ? P->b.n : 0;
      mem_reserve ((void **) &P->cl, &P->cap_cl, P->ncl + n + 1, sizeof *P->cl);
      if (n) memcpy (P->cl + P->ncl, P->b.vars, n * sizeof *P->cl);
      P->ncl += n;
      P->cl[P->ncl++] = 0;
      P->clause_open = false;
      P->b.n = 0;
    } else {
      if (labs (l) > P->V) return FAIL (r, "literal exceeds the header's variable count");
      if (!P->clause_open) P->clause_open = true, P->b.n = 0, P->clause_line = line;
      push (&P->b, (int) l);
    }
    if (!read_token (r)) break;
  }
  if (P->clause_open)
    return fail_at (r, P->clause_line, 0, "%s", r->ch == EOF ? "clause not ended by 0 at end of file"
                                                             : "clause not ended by 0 at end of line");
  return true;
}

/* One line (or the rest of one); false on the first error. */
static bool read_line (parse *P) {
  reader *r = &P->r;
  skip_blanks (r);
  if (r->ch == '\n') { /* blank line */
    next (r);
    return true;
  }
  if (r->ch == EOF) return true;
  if (r->ch == 'c' && !P->clause_open) {
    unsigned l = r->line, c = r->col;
    next (r);
    if (r->ch != EOF && r->ch != '\n' && !is_space (r->ch))
      return fail_at (r, l, c, "%s", "unknown token (a comment line starts with 'c ')");
    skip_line (r);
    return true;
  }
  if (!read_token (r)) return true;
  if (!token_is_text (r)) return false;
  unsigned line = r->tok_line;
  if (!P->have_header) return read_header (P, line);
  if (!strcmp (r->tok, "p") && !P->clause_open) return FAIL (r, "duplicate header 'p cnf V C'");
  bool is_quant = (!strcmp (r->tok, "e") || !strcmp (r->tok, "a") || !strcmp (r->tok, "r")) && !P->clause_open;
  return is_quant ? read_quant_line (P, line) : read_clause_line (P, line);
}

/* The checks at the end of the input. */
static bool read_end (parse *P, FILE *in) {
  reader *r = &P->r;
  if (ferror (in)) return error_set (r->err, ERROR_IO, r->name, r->line, 0, "read error");
  if (!P->have_header)
    return error_set (r->err, ERROR_INPUT, r->name, r->line, 0, "%s",
                      r->line <= 1 && r->col <= 1 ? "empty file: expected header 'p cnf V C'"
                                                  : "expected header 'p cnf V C' (no header found)");
  if (P->seen_clauses < P->C) {
    if (!r->lenient)
      return error_set (r->err, ERROR_INPUT, r->name, r->line, 0,
                        "fewer clauses than the header declares (%ld of %ld) at end of file", P->seen_clauses, P->C);
    warn (r, r->line, "fewer clauses than the header declares");
  }
  if (P->last_quant == 'a' && !r->forall_last) {
    if (!r->lenient)
      return error_set (r->err, ERROR_INPUT, r->name, P->last_quant_line, 0,
                        "innermost quantifier block is universal (strict QDIMACS wants it existential)");
    warn (r, P->last_quant_line, "innermost quantifier block is universal");
  }
  return true;
}

/* The reader's bytes (its buffers, and as much again for the formula it
 * builds) against lim's max_mem; false (ERROR_LIMIT) beyond it. */
static bool within_memory (parse *P) {
  const scnfg_limits *lim = P->r.lim;
  if (!lim || !lim->max_mem) return true;
  size_t held = 2 * (P->cap_qv + P->cap_cl) * sizeof (int) + P->cap_blocks * sizeof (raw_block) +
                P->quantified.cap * sizeof (int) + P->r.tok_cap + P->b.cap * sizeof (int);
  if (held <= lim->max_mem) return true;
  return error_set (P->r.err, ERROR_LIMIT, P->r.name, P->r.line, 0, "memory limit reached while reading (--max-mem %zu MB)",
                    lim->max_mem >> 20);
}

static int cmp_int (const void *a, const void *b) {
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/* The variables used (quantified or occurring), sorted, each once: *n of them. */
static int *used_vars (const parse *P, int *n) {
  size_t k = 0, cap = P->nqv + P->ncl + 1;
  int *u = mem_alloc (cap * sizeof *u);
  int max = 0;
  for (size_t i = 0; i < P->nqv; i++) u[k++] = P->qv[i];
  for (size_t i = 0; i < P->ncl; i++)
    if (P->cl[i]) u[k++] = abs (P->cl[i]);
  for (size_t i = 0; i < k; i++)
    if (u[i] > max) max = u[i];
  if ((size_t) max <= 4 * k + 1024) { /* few gaps: a mark per number, linear */
    unsigned char *seen = mem_calloc ((size_t) max + 1, 1);
    for (size_t i = 0; i < k; i++) seen[u[i]] = 1;
    k = 0;
    for (int v = 1; v <= max; v++)
      if (seen[v]) u[k++] = v;
    free (seen);
  } else {
    qsort (u, k, sizeof *u, cmp_int);
    size_t m = 0;
    for (size_t i = 0; i < k; i++)
      if (!m || u[m - 1] != u[i]) u[m++] = u[i];
    k = m;
  }
  *n = (int) k;
  return u;
}

/* The dense number of the input's variable v among the sorted 'used'. */
static int dense_of (const int *used, int n, int v) {
  if (n && used[n - 1] == n) return v; /* no gaps */
  int lo = 0, hi = n - 1;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (used[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/* The formula of the parsed body, renumbered densely in increasing order. */
static qbf *build (parse *P) {
  int n;
  int *used = used_vars (P, &n);
  qbf *f = qbf_new (P->V, P->C);
  for (size_t i = 0; i < P->nqv; i++) P->qv[i] = dense_of (used, n, P->qv[i]);
  for (size_t i = 0; i < P->ncl; i++)
    if (P->cl[i]) P->cl[i] = P->cl[i] < 0 ? -dense_of (used, n, -P->cl[i]) : dense_of (used, n, P->cl[i]);
  for (size_t b = 0; b < P->nblocks; b++) {
    const raw_block *rb = &P->blocks[b];
    qbf_quant q = rb->quant == 'e' ? QBF_EXISTS : rb->quant == 'a' ? QBF_FORALL : QBF_RANDOM;
    qbf_add_block (f, q, P->qv + rb->start, (unsigned) rb->n, rb->p);
  }
  for (size_t i = 0, start = 0; i < P->ncl; i++)
    if (!P->cl[i]) {
      qbf_add_clause (f, P->cl + start, (unsigned) (i - start));
      start = i + 1;
    }
  qbf_finish (f);
  if (n && used[n - 1] != n) { /* gaps: keep the input's numbers */
    int *orig = mem_alloc (((size_t) n + 1) * sizeof *orig);
    orig[0] = 0;
    memcpy (orig + 1, used, (size_t) n * sizeof *orig);
    qbf_set_orig (f, orig, n);
    free (orig);
  }
  free (used);
  return f;
}

bool qdimacs_read (qbf **out, FILE *in, const char *name, const qdimacs_opts *opts,
                   scnfg_error *err, scnfg_error *warnrec) {
  parse P = {.r = {.in = in, .name = name ? name : "<input>", .line = 1, .col = 0, .ch = '\0',
                   .err = err, .warn = warnrec, .lenient = opts && opts->lenient,
                   .forall_last = opts && opts->forall_last, .lim = opts ? opts->lim : NULL}};
  scnfg_error local;
  if (!P.r.err) error_init (&local), P.r.err = &local;
  next (&P.r); /* col 0 -> 1 on the first byte */
  P.r.col = 1;
  *out = NULL;
  mpq_init (P.p);
  bool ok = true;
  while (ok && P.r.ch != EOF) ok = read_line (&P) && within_memory (&P);
  if (P.r.stopped) ok = false;
  if (ok) ok = read_end (&P, in);
  if (ok) *out = build (&P);
  mpq_clear (P.p);
  for (size_t b = 0; b < P.nblocks; b++) mpq_clear (P.blocks[b].p);
  free (P.blocks), free (P.qv), free (P.cl);
  free (P.b.vars);
  free (P.r.tok);
  free (P.quantified.slot);
  return ok;
}

bool qdimacs_read_file (qbf **out, const char *path, const qdimacs_opts *opts,
                        scnfg_error *err, scnfg_error *warnrec) {
  *out = NULL;
  FILE *in = afile_open_read (path, opts ? opts->lim : NULL, err);
  if (!in) return false;
  bool ok = qdimacs_read (out, in, in == stdin ? "<stdin>" : path, opts, err, warnrec);
  afile_close (in);
  return ok;
}

bool qdimacs_write (FILE *out, const qbf *f) {
  long V = f->header_vars > qbf_orig_max (f) ? f->header_vars : qbf_orig_max (f);
  fprintf (out, "p cnf %ld %u\n", V, f->nclauses);
  for (unsigned bi = 0; bi < f->nblocks; bi++) {
    const qbf_block *b = &f->blocks[bi];
    for (unsigned i = 0; i < b->nvars;) {
      if (b->quant == QBF_RANDOM) {
        fputs ("r ", out);
        rat_print (out, f->prob[b->vars[i]]);
      } else
        fputc (b->quant, out);
      unsigned j = i;
      while (j < b->nvars && (b->quant != QBF_RANDOM || mpq_equal (f->prob[b->vars[j]], f->prob[b->vars[i]])))
        fprintf (out, " %d", qbf_orig_var (f, b->vars[j++]));
      fputs (" 0\n", out);
      i = j;
    }
  }
  for (unsigned c = 0; c < f->nclauses; c++) {
    for (const int *l = qbf_clause_lits (f, c); *l; l++) fprintf (out, "%d ", qbf_orig_lit (f, *l));
    fputs ("0\n", out);
  }
  return !ferror (out);
}
