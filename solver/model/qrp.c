/* QRP trace reader, ASCII and binary, one step at a time (see qrp.h). */
#include "solver/model/qrp.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"

#define QRP_MAX_VAR (1 << 28) /* largest variable accepted in a prefix */

typedef struct qrp_block { char quant; int *vars; unsigned n; } qrp_block;

struct qrp_reader {
  FILE *in;
  const char *file;
  bool binary, done;
  int result;
  long hv, hc;
  qrp_block *blocks;
  unsigned nblocks;
  size_t cap_blocks;
  int maxvar;
  unsigned char *inprefix;  /* var -> 1 if quantified */
  unsigned *mark;           /* var -> 1 + step index that last held it (duplicates) */
  unsigned long stepno, last_id;
  int *lits;
  size_t nlits, cap_lits;
  unsigned long *ants;
  size_t nants, cap_ants;
  char *line;               /* ASCII: the current line */
  size_t cap_line;
  unsigned lineno;
  unsigned long off;        /* binary: bytes read */
};

#define QRP_FAIL(r, col, ...) \
  error_set (err, ERROR_INPUT, (r)->file, (r)->binary ? 1 : (r)->lineno, (col), __VA_ARGS__)

/* ---- ASCII ------------------------------------------------------------- */

/* The next line without its newline, or NULL at the end of the file. */
static char *next_line (qrp_reader *r) {
  ssize_t n = getline (&r->line, &r->cap_line, r->in);
  if (n < 0) return NULL;
  r->lineno++;
  if (n && r->line[n - 1] == '\n') r->line[--n] = 0;
  if (n && r->line[n - 1] == '\r') r->line[--n] = 0;
  if (strlen (r->line) != (size_t) n) r->line[0] = 1; /* a NUL inside: not a number, rejected below */
  return r->line;
}

/* A decimal integer token at *p (optional '-' if neg_ok), spaces skipped; false if none. */
static bool tok_num (const char **p, bool neg_ok, long long *v) {
  const char *s = *p;
  while (*s == ' ' || *s == '\t') s++;
  bool neg = false;
  if (neg_ok && *s == '-') neg = true, s++;
  if (*s < '0' || *s > '9') return false;
  long long x = 0;
  while (*s >= '0' && *s <= '9') {
    x = 10 * x + (*s++ - '0');
    if (x > (long long) 1 << 40) return false;
  }
  if (*s && *s != ' ' && *s != '\t') return false;
  *v = neg ? -x : x;
  *p = s;
  return true;
}

/* 1-based column of the next token at p (or of the end of the line). */
static unsigned col_at (const char *l, const char *p) {
  while (*p == ' ' || *p == '\t') p++;
  return (unsigned) (p - l) + 1;
}

static bool at_end (const char *p) {
  while (*p == ' ' || *p == '\t') p++;
  return !*p;
}

/* ---- binary ------------------------------------------------------------ */

static int get_byte (qrp_reader *r) {
  int c = getc (r->in);
  if (c != EOF) r->off++;
  return c;
}

/* A varint; false at the end of the file or past 2^40. */
static bool get_varint (qrp_reader *r, unsigned long long *v) {
  unsigned long long x = 0;
  for (unsigned shift = 0; shift <= 40; shift += 7) {
    int c = get_byte (r);
    if (c == EOF) return false;
    x |= (unsigned long long) (c & 127) << shift;
    if (!(c & 128)) {
      *v = x;
      return true;
    }
  }
  return false;
}

/* ---- common ------------------------------------------------------------ */

static bool add_var (qrp_reader *r, long long v, unsigned col, scnfg_error *err) {
  if (v < 1 || v > r->hv || v > QRP_MAX_VAR)
    return QRP_FAIL (r, col, "prefix variable %lld is not in 1..%ld", v, r->hv < QRP_MAX_VAR ? r->hv : (long) QRP_MAX_VAR);
  if (v > r->maxvar) {
    r->inprefix = mem_realloc (r->inprefix, (size_t) v + 1);
    memset (r->inprefix + r->maxvar + 1, 0, (size_t) (v - r->maxvar));
    r->maxvar = (int) v;
  }
  if (r->inprefix[v]) return QRP_FAIL (r, col, "variable %lld quantified twice", v);
  r->inprefix[v] = 1;
  qrp_block *b = &r->blocks[r->nblocks - 1];
  b->vars = mem_realloc (b->vars, (b->n + 1) * sizeof *b->vars);
  b->vars[b->n++] = (int) v;
  return true;
}

static void new_block (qrp_reader *r, char q) {
  mem_reserve ((void **) &r->blocks, &r->cap_blocks, r->nblocks + 1, sizeof *r->blocks);
  r->blocks[r->nblocks++] = (qrp_block) {q, NULL, 0};
}

/* The header, read byte by byte: a newline ends the ASCII one, a NUL the binary one. */
static bool header (qrp_reader *r, scnfg_error *err) {
  char h[128];
  size_t n = 0;
  int c;
  r->lineno = 1;
  while ((c = get_byte (r)) != EOF && c != '\n' && c != 0 && n < sizeof h - 1) h[n++] = (char) c;
  h[n] = 0;
  if (n && h[n - 1] == '\r' && c == '\n') h[--n] = 0;
  if (!n && c == EOF) return QRP_FAIL (r, 0, "empty file: expected the header 'p qrp V C'");
  r->binary = c == 0;
  const char *want = r->binary ? "p bqrp " : "p qrp ", *p = h + strlen (want);
  long long v, k;
  if (strncmp (h, want, strlen (want)) || !tok_num (&p, false, &v) || !tok_num (&p, false, &k) || !at_end (p))
    return QRP_FAIL (r, 1, "expected the header 'p qrp V C' (or 'p bqrp V C' and a NUL)");
  r->hv = (long) v, r->hc = (long) k;
  return true;
}

/* ASCII prefix: 'e'/'a' lines; stops at (and keeps) the first other line. */
static bool prefix_ascii (qrp_reader *r, scnfg_error *err) {
  char *l;
  while ((l = next_line (r)) && (l[0] == 'e' || l[0] == 'a') && (l[1] == ' ' || l[1] == '\t')) {
    new_block (r, l[0]);
    const char *p = l + 1;
    long long v;
    for (;;) {
      unsigned col = col_at (l, p);
      if (!tok_num (&p, false, &v)) return QRP_FAIL (r, col, "expected a variable or 0 ending the block");
      if (!v) break;
      if (!add_var (r, v, col, err)) return false;
    }
    if (!at_end (p)) return QRP_FAIL (r, 0, "text after the 0 ending the block");
  }
  if (!l) return QRP_FAIL (r, 0, "unexpected end of file: expected a step or 'r SAT' / 'r UNSAT'");
  r->lineno--; /* the current line is the first step: qrp_next reads it from r->line */
  r->stepno = ULONG_MAX;
  return true;
}

static bool prefix_binary (qrp_reader *r, scnfg_error *err) {
  for (;;) {
    int c = get_byte (r);
    if (c != 0) {
      if (c == EOF) return QRP_FAIL (r, (unsigned) r->off + 1, "unexpected end of file in the prefix");
      ungetc (c, r->in), r->off--;
      return true;
    }
    int q = get_byte (r);
    if (q == 'r') {
      ungetc (q, r->in), ungetc (0, r->in), r->off -= 2;
      return true;
    }
    if (q != 'e' && q != 'a') return QRP_FAIL (r, (unsigned) r->off, "expected 'e' or 'a' starting a prefix block");
    new_block (r, (char) q);
    unsigned long long v;
    for (;;) {
      unsigned col = (unsigned) r->off + 1;
      if (!get_varint (r, &v)) return QRP_FAIL (r, col, "unexpected end of file in the prefix");
      if (!v) break;
      if (!add_var (r, (long long) v, col, err)) return false;
    }
  }
}

qrp_reader *qrp_open (FILE *in, const char *file, scnfg_error *err) {
  qrp_reader *r = mem_calloc (1, sizeof *r);
  r->in = in;
  r->file = file;
  if (!header (r, err) || !(r->binary ? prefix_binary (r, err) : prefix_ascii (r, err))) {
    qrp_close (r);
    return NULL;
  }
  r->mark = mem_calloc ((size_t) r->maxvar + 1, sizeof *r->mark);
  return r;
}

void qrp_close (qrp_reader *r) {
  if (!r) return;
  for (unsigned b = 0; b < r->nblocks; b++) free (r->blocks[b].vars);
  free (r->blocks), free (r->inprefix), free (r->mark), free (r->lits), free (r->ants), free (r->line);
  free (r);
}

bool qrp_is_binary (const qrp_reader *r) { return r->binary; }
long qrp_header_vars (const qrp_reader *r) { return r->hv; }
long qrp_header_clauses (const qrp_reader *r) { return r->hc; }
unsigned qrp_num_blocks (const qrp_reader *r) { return r->nblocks; }
char qrp_block_quant (const qrp_reader *r, unsigned b) { return r->blocks[b].quant; }
const int *qrp_block_vars (const qrp_reader *r, unsigned b, unsigned *n) {
  *n = r->blocks[b].n;
  return r->blocks[b].vars;
}
int qrp_result (const qrp_reader *r) { return r->done ? r->result : 0; }

/* Appends literal l (from a step) after the prefix and duplicate checks. */
static bool add_lit (qrp_reader *r, long long l, unsigned col, scnfg_error *err) {
  long long v = l < 0 ? -l : l;
  if (v > r->maxvar || !r->inprefix[v]) return QRP_FAIL (r, col, "literal %lld: variable %lld is not in the prefix", l, v);
  if (r->mark[v] == r->stepno + 1) return QRP_FAIL (r, col, "variable %lld occurs twice in step %lu", v, r->last_id);
  r->mark[v] = (unsigned) (r->stepno + 1);
  mem_reserve ((void **) &r->lits, &r->cap_lits, r->nlits + 1, sizeof *r->lits);
  r->lits[r->nlits++] = (int) l;
  return true;
}

static bool add_ant (qrp_reader *r, long long a, unsigned col, scnfg_error *err) {
  if (a < 1 || (unsigned long long) a >= r->last_id)
    return QRP_FAIL (r, col, "antecedent %lld of step %lu is not an earlier step", a, r->last_id);
  mem_reserve ((void **) &r->ants, &r->cap_ants, r->nants + 1, sizeof *r->ants);
  r->ants[r->nants++] = (unsigned long) a;
  return true;
}

static bool set_id (qrp_reader *r, long long id, unsigned col, scnfg_error *err) {
  if (id < 1) return QRP_FAIL (r, col, "step id %lld is not positive", id);
  if ((unsigned long long) id <= r->last_id)
    return QRP_FAIL (r, col, "steps out of order: step %lld after step %lu", id, r->last_id);
  r->last_id = (unsigned long) id;
  r->stepno++;
  r->nlits = r->nants = 0;
  return true;
}

static int result_line (qrp_reader *r, const char *l, scnfg_error *err) {
  if (!strcmp (l, "r SAT")) r->result = 10;
  else if (!strcmp (l, "r UNSAT")) r->result = 20;
  else return QRP_FAIL (r, 1, "expected 'r SAT' or 'r UNSAT'"), -1;
  r->done = true;
  return 0;
}

static int next_ascii (qrp_reader *r, qrp_step *s, scnfg_error *err) {
  const char *l;
  if (r->stepno == ULONG_MAX) { /* the line read by the prefix */
    r->stepno = 0;
    r->lineno++;
    l = r->line;
  } else if (!(l = next_line (r))) {
    r->lineno++; /* the missing line */
    return QRP_FAIL (r, 0, "unexpected end of file: expected a step or 'r SAT' / 'r UNSAT'"), -1;
  }
  if (l[0] == 'r') {
    if (result_line (r, l, err) < 0) return -1;
    if (next_line (r)) return QRP_FAIL (r, 1, "text after the result line"), -1;
    return 0;
  }
  const char *p = l;
  long long x;
  if (!tok_num (&p, false, &x)) return QRP_FAIL (r, 1, "expected a step 'ID LITS 0 ANTECEDENTS 0' or 'r SAT' / 'r UNSAT'"), -1;
  if (!set_id (r, x, 1, err)) return -1;
  s->line = r->lineno, s->column = 0;
  for (int part = 0; part < 2; part++)
    for (;;) {
      unsigned col = col_at (l, p);
      if (!tok_num (&p, part == 0, &x))
        return QRP_FAIL (r, col, "expected %s or 0 ending them", part ? "an antecedent" : "a literal"), -1;
      if (!x) break;
      if (!(part ? add_ant (r, x, col, err) : add_lit (r, x, col, err))) return -1;
    }
  if (!at_end (p)) return QRP_FAIL (r, col_at (l, p), "text after the 0 ending the antecedents"), -1;
  return 1;
}

static int next_binary (qrp_reader *r, qrp_step *s, scnfg_error *err) {
  unsigned long long x;
  unsigned col = (unsigned) r->off + 1;
  if (!get_varint (r, &x)) return QRP_FAIL (r, col, "unexpected end of file: expected a step or the result"), -1;
  if (!x) {
    char buf[16];
    size_t n = fread (buf, 1, sizeof buf, r->in);
    if ((n == 6 && !memcmp (buf, "r SAT\n", 6)) || (n == 8 && !memcmp (buf, "r UNSAT\n", 8))) {
      r->result = n == 6 ? 10 : 20;
      r->done = true;
      return 0;
    }
    return QRP_FAIL (r, col + 1, "expected 'r SAT' or 'r UNSAT' and the end of the file"), -1;
  }
  if (!set_id (r, (long long) x, col, err)) return -1;
  s->line = 1, s->column = col;
  for (int part = 0; part < 2; part++)
    for (;;) {
      col = (unsigned) r->off + 1;
      if (!get_varint (r, &x)) return QRP_FAIL (r, col, "unexpected end of file in step %lu", r->last_id), -1;
      if (!x) break;
      long long v = part ? (long long) x : (x & 1 ? -(long long) (x >> 1) : (long long) (x >> 1));
      if (!part && x < 2) return QRP_FAIL (r, col, "literal code %llu is not a literal", x), -1;
      if (!(part ? add_ant (r, v, col, err) : add_lit (r, v, col, err))) return -1;
    }
  return 1;
}

int qrp_next (qrp_reader *r, qrp_step *s, scnfg_error *err) {
  if (r->done) return 0;
  int k = r->binary ? next_binary (r, s, err) : next_ascii (r, s, err);
  if (k == 1) {
    s->id = r->last_id;
    s->lits = r->lits, s->nlits = (unsigned) r->nlits;
    s->ants = r->ants, s->nants = (unsigned) r->nants;
  }
  return k;
}
