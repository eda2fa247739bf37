/* The tokenizer shared by the Gambit file readers (efgread, nfgread),
 * following Gambit's lexer (src/games/file.cc): numbers, quoted text with
 * \" escapes (XML-safe bytes only), braces, commas, bare symbols. Numbers
 * are read exactly: [+-]D, [+-]D/D, [+-]D.D*, .D, decimals with an optional
 * exponent e[+-]D. Errors are ERROR_INPUT records "name:line: reason"; the
 * first one is kept (later calls fail quietly). */
#ifndef SCNFG_SOLVER_MODEL_GAMBITLEX_H
#define SCNFG_SOLVER_MODEL_GAMBITLEX_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>

struct scnfg_error;

enum { GLEX_NUMBER, GLEX_TEXT, GLEX_SYMBOL, GLEX_LBRACE, GLEX_RBRACE, GLEX_COMMA, GLEX_EOF };

typedef struct gambitlex {
  const char *s, *end, *name;
  unsigned line;
  int tok;
  unsigned tline;   /* line of the current token */
  char *text;       /* current token's text (owned: free it when done) */
  size_t cap;
  size_t utf8_more; /* continuation bytes of a checked UTF-8 character still to come */
  struct scnfg_error *err;
  bool failed;
} gambitlex;

/* Starts lexing buf[0..len) for messages naming 'name' (no token read yet). */
void gambitlex_init (gambitlex *lx, const char *buf, size_t len, const char *name, struct scnfg_error *err);
/* Records "name:line: reason" (the first failure only); returns false. */
bool gambitlex_fail (gambitlex *lx, unsigned line, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));
/* Advances to the next token; false on a lexical error. */
bool gambitlex_next (gambitlex *lx);
/* The current GLEX_NUMBER token's exact value into out (does not advance). */
bool gambitlex_number (gambitlex *lx, mpq_t out);
/* The current token as an integer in [lo, hi] ('what' names it in errors); advances. */
bool gambitlex_integer (gambitlex *lx, long lo, long hi, long *out, const char *what);

/* Labels without whitespace, nonempty, unique (new array of n new strings):
 * "x y" -> "x_y", "" -> d<i>, repeats get "_2", "_3"... */
char **gambitlex_labels (char *const *names, size_t n, char d);
/* Two players' ids from their names (new strings): XML-safe, at most 60
 * characters, "" -> P1 / P2, equal names -> the second gets "_2". */
void gambitlex_two_ids (char *const names[2], char *ids[2]);

/* Reads a whole file of at most max bytes into a new buffer (*buf, free;
 * *len bytes). False with an ERROR_IO or ERROR_INPUT record otherwise. */
bool gambitlex_slurp (const char *path, size_t max, char **buf, size_t *len, struct scnfg_error *err);

#endif
