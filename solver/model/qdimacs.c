/* Strict QDIMACS reader and writer (DESIGN §1), with the 'r P v… 0' SSAT extension.
 *
 * The reader is a single pass over bytes with line/column tracking. Nothing is
 * sized by the header: 'p cnf 2000000000 1' with a tiny body allocates only
 * what the body uses. Accepted beyond the letter of QDIMACS 1.1 (documented in
 * docs/qdimacs.md): comment lines anywhere, blank lines, CRLF line ends, several
 * clauses on one line, duplicate literals in a clause (dropped). */
#include "solver/model/qdimacs.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
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
  /* token buffer */
  char *tok;
  size_t tok_len, tok_cap;
  unsigned tok_line, tok_col;
} reader;

static void next (reader *r) {
  if (r->ch == '\n') r->line++, r->col = 1;
  else if (r->ch != EOF) r->col++;
  r->ch = getc (r->in);
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
  while (r->ch != EOF && r->ch != '\n' && !is_space (r->ch)) {
    mem_reserve ((void **) &r->tok, &r->tok_cap, r->tok_len + 2, 1);
    r->tok[r->tok_len++] = (char) r->ch;
    next (r);
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

/* The parse state beyond the byte reader. */
typedef struct parse {
  reader r;
  qbf *f;                    /* NULL until the header is read */
  body b;
  bool in_clauses, clause_open;
  unsigned clause_line, last_quant_line;
  char last_quant;
  long V, C, seen_clauses;
  unsigned char *quantified; /* bitmap sized by the largest variable seen */
  size_t quantified_cap;
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
  P->f = qbf_new (P->V, P->C);
  return true;
}

/* Marks v quantified; false if it already was. */
static bool mark_quantified (parse *P, long v) {
  size_t need = (size_t) v / 8 + 1;
  if (need > P->quantified_cap) {
    size_t ncap = P->quantified_cap ? P->quantified_cap : 64;
    while (ncap < need) ncap *= 2;
    P->quantified = mem_realloc (P->quantified, ncap);
    memset (P->quantified + P->quantified_cap, 0, ncap - P->quantified_cap);
    P->quantified_cap = ncap;
  }
  if (P->quantified[v / 8] & (1u << (v % 8))) return false;
  P->quantified[v / 8] |= (unsigned char) (1u << (v % 8));
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
    if (!mark_quantified (P, v)) return FAIL (r, "variable quantified twice");
    push (&P->b, (int) v);
  }
  if (!ended) return fail_at (r, line, r->col, "%s", "quantifier line not ended by 0");
  if (P->b.n == 0) return fail_at (r, line, qcol, "%s", "empty quantifier block");
  qbf_add_block (P->f, q == 'e' ? QBF_EXISTS : q == 'a' ? QBF_FORALL : QBF_RANDOM, P->b.vars, (unsigned) P->b.n, P->p);
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
      qbf_add_clause (P->f, P->b.vars, (unsigned) (P->clause_open ? P->b.n : 0));
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
  if (!P->f) return read_header (P, line);
  if (!strcmp (r->tok, "p") && !P->clause_open) return FAIL (r, "duplicate header 'p cnf V C'");
  bool is_quant = (!strcmp (r->tok, "e") || !strcmp (r->tok, "a") || !strcmp (r->tok, "r")) && !P->clause_open;
  return is_quant ? read_quant_line (P, line) : read_clause_line (P, line);
}

/* The checks at the end of the input. */
static bool read_end (parse *P, FILE *in) {
  reader *r = &P->r;
  if (ferror (in)) return error_set (r->err, ERROR_IO, r->name, r->line, 0, "read error");
  if (!P->f)
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

bool qdimacs_read (qbf **out, FILE *in, const char *name, const qdimacs_opts *opts,
                   scnfg_error *err, scnfg_error *warnrec) {
  parse P = {.r = {.in = in, .name = name ? name : "<input>", .line = 1, .col = 0, .ch = '\0',
                   .err = err, .warn = warnrec, .lenient = opts && opts->lenient,
                   .forall_last = opts && opts->forall_last}};
  scnfg_error local;
  if (!P.r.err) error_init (&local), P.r.err = &local;
  next (&P.r); /* col 0 -> 1 on the first byte */
  P.r.col = 1;
  *out = NULL;
  mpq_init (P.p);
  bool ok = true;
  while (ok && P.r.ch != EOF) ok = read_line (&P);
  if (ok) ok = read_end (&P, in);
  mpq_clear (P.p);
  free (P.b.vars);
  free (P.r.tok);
  free (P.quantified);
  if (!ok) {
    qbf_free (P.f);
    return false;
  }
  qbf_finish (P.f);
  *out = P.f;
  return true;
}

bool qdimacs_read_file (qbf **out, const char *path, const qdimacs_opts *opts,
                        scnfg_error *err, scnfg_error *warnrec) {
  *out = NULL;
  if (!strcmp (path, "-")) return qdimacs_read (out, stdin, "<stdin>", opts, err, warnrec);
  FILE *in = fopen (path, "rb");
  if (!in) return error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (errno));
  bool ok = qdimacs_read (out, in, path, opts, err, warnrec);
  fclose (in);
  return ok;
}

bool qdimacs_write (FILE *out, const qbf *f) {
  long V = f->header_vars > f->nvars ? f->header_vars : f->nvars;
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
        fprintf (out, " %d", b->vars[j++]);
      fputs (" 0\n", out);
      i = j;
    }
  }
  for (unsigned c = 0; c < f->nclauses; c++) {
    for (const int *l = qbf_clause_lits (f, c); *l; l++) fprintf (out, "%d ", *l);
    fputs ("0\n", out);
  }
  return !ferror (out);
}
