/* The shared Gambit tokenizer (see gambitlex.h). */
#include "solver/model/gambitlex.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/error.h"
#include "base/mem.h"
#include "base/rat.h"

void gambitlex_init (gambitlex *lx, const char *buf, size_t len, const char *name, scnfg_error *err) {
  memset (lx, 0, sizeof *lx);
  lx->s = buf, lx->end = buf + len, lx->name = name, lx->line = 1, lx->err = err;
}

bool gambitlex_fail (gambitlex *lx, unsigned line, const char *fmt, ...) {
  char msg[200];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  if (!lx->failed) error_set (lx->err, ERROR_INPUT, lx->name, line, 0, "%s", msg);
  lx->failed = true;
  return false;
}

static void put (gambitlex *lx, size_t *n, char c) {
  if (*n + 2 > lx->cap) lx->cap = 2 * (*n + 2), lx->text = mem_realloc (lx->text, lx->cap);
  lx->text[(*n)++] = c;
  lx->text[*n] = 0;
}

/* Length of the well-formed UTF-8 sequence of a character XML 1.0 can hold
 * (no overlong forms, surrogates, U+FFFE/U+FFFF or code points past
 * U+10FFFF) at s, or 0. */
static size_t utf8_char (const unsigned char *s, size_t avail) {
  unsigned c = s[0];
  size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
  if (!n || n > avail || c > 0xf4) return 0;
  unsigned long cp = c & (0x7f >> n);
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    cp = cp << 6 | (s[i] & 0x3f);
  }
  static const unsigned long least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff) return 0;
  return n;
}

/* A quoted label may hold what XML 1.0 can: tab, LF, CR, bytes from 0x20 and
 * well-formed UTF-8; d was just read (lx->s is past it). A multibyte
 * character is checked at its first byte; its continuation bytes then pass. */
static bool label_byte (gambitlex *lx, char d) {
  unsigned char u = (unsigned char) d;
  if (lx->utf8_more) return lx->utf8_more--, true;
  if (u >= 0x80) {
    size_t k = utf8_char ((const unsigned char *) lx->s - 1, (size_t) (lx->end - lx->s) + 1);
    if (k == 0) return gambitlex_fail (lx, lx->line, "byte 0x%02x in a quoted label is not valid UTF-8", u);
    lx->utf8_more = k - 1;
    return true;
  }
  if (u < 0x20 && d != '\t' && d != '\n' && d != '\r')
    return gambitlex_fail (lx, lx->line, "control byte 0x%02x in a quoted label (XML cannot hold it)", u);
  return true;
}

/* Advances to the next token; false on a lexical error. */
bool gambitlex_next (gambitlex *lx) {
  while (lx->s < lx->end && isspace ((unsigned char) *lx->s)) {
    if (*lx->s == '\n') lx->line++;
    lx->s++;
  }
  size_t n = 0;
  if (!lx->text) lx->cap = 64, lx->text = mem_alloc (lx->cap);
  lx->text[0] = 0;
  lx->tline = lx->line;
  if (lx->s >= lx->end) return lx->tok = GLEX_EOF, true;
  char c = *lx->s;
  if (c == '{' || c == '}' || c == ',') {
    lx->s++;
    lx->tok = c == '{' ? GLEX_LBRACE : c == '}' ? GLEX_RBRACE : GLEX_COMMA;
    return true;
  }
  if (isdigit ((unsigned char) c) || c == '-' || c == '+' || c == '.') {
    while (lx->s < lx->end && (isalnum ((unsigned char) *lx->s) || strchr ("+-./", *lx->s))) put (lx, &n, *lx->s++);
    lx->tok = GLEX_NUMBER;
    return true;
  }
  if (c == '"') {
    lx->s++;
    for (;;) {
      if (lx->s >= lx->end) return gambitlex_fail (lx, lx->tline, "end of file inside a quoted label");
      char d = *lx->s++;
      if (d == '"') break;
      if (d == '\n') lx->line++;
      if (!label_byte (lx, d)) return false;
      if (d == '\\' && lx->s < lx->end && (*lx->s == '"' || *lx->s == '\\')) d = *lx->s++;
      put (lx, &n, d);
    }
    lx->tok = GLEX_TEXT;
    return true;
  }
  while (lx->s < lx->end && !isspace ((unsigned char) *lx->s)) put (lx, &n, *lx->s++);
  lx->tok = GLEX_SYMBOL;
  return true;
}

/* Gambit's number forms, exactly: [+-]D, [+-]D/D, [+-]D.D*, .D, with an
 * optional exponent e[+-]D on decimals. */
bool gambitlex_number (gambitlex *lx, mpq_t out) {
  const char *t = lx->text;
  char buf[128];
  const char *why = "malformed number";
  size_t len = strlen (t);
  if (len == 0 || len >= 100) return gambitlex_fail (lx, lx->tline, "malformed number '%.40s'", t);
  const char *e = strpbrk (t, "eE");
  size_t mlen = e ? (size_t) (e - t) : len;
  size_t k = 0;
  size_t i = 0;
  if (t[0] == '+') i = 1;
  else if (t[0] == '-') buf[k++] = '-', i = 1;
  if (i < mlen && t[i] == '.') buf[k++] = '0';
  for (; i < mlen; i++) buf[k++] = t[i];
  if (k && buf[k - 1] == '.') buf[k++] = '0';
  buf[k] = 0;
  if (e && strchr (buf, '/')) return gambitlex_fail (lx, lx->tline, "malformed number '%s'", t);
  if (!rat_parse_str (out, buf, &why)) return gambitlex_fail (lx, lx->tline, "malformed number '%s' (%s)", t, why);
  if (e) {
    char *endp;
    const char *x = e + 1;
    if (!*x || (!isdigit ((unsigned char) *x) && !((*x == '+' || *x == '-') && isdigit ((unsigned char) x[1]))))
      return gambitlex_fail (lx, lx->tline, "malformed exponent in '%s'", t);
    long ex = strtol (x, &endp, 10);
    if (*endp || ex > 1000 || ex < -1000) return gambitlex_fail (lx, lx->tline, "malformed exponent in '%s'", t);
    mpz_t p;
    mpz_init (p);
    mpz_ui_pow_ui (p, 10, (unsigned long) labs (ex));
    mpq_t f;
    mpq_init (f);
    mpq_set_z (f, p);
    if (ex >= 0) mpq_mul (out, out, f);
    else mpq_div (out, out, f);
    mpq_clear (f);
    mpz_clear (p);
  }
  return true;
}

bool gambitlex_integer (gambitlex *lx, long lo, long hi, long *out, const char *what) {
  if (lx->tok != GLEX_NUMBER) return gambitlex_fail (lx, lx->tline, "expected %s", what);
  char *endp;
  long v = strtol (lx->text, &endp, 10);
  if (*endp || !isdigit ((unsigned char) lx->text[0]) || v < lo || v > hi)
    return gambitlex_fail (lx, lx->tline, "expected %s, found '%.40s'", what, lx->text);
  *out = v;
  return gambitlex_next (lx);
}

/* ---- ids and labels ----------------------------------------------------- */

#define GLEX_ID_MAX 60
static char *safe_id (const char *s, const char *dflt) {
  char *o = mem_alloc (GLEX_ID_MAX + 2);
  size_t k = 0;
  for (; *s && k < GLEX_ID_MAX; s++) {
    char c = *s;
    if (!(isalnum ((unsigned char) c) || c == '_' || c == '.' || c == '-')) c = '_';
    if (k == 0 && !(isalpha ((unsigned char) c) || c == '_')) o[k++] = '_';
    o[k++] = c;
  }
  o[k] = 0;
  if (!k) snprintf (o, GLEX_ID_MAX + 2, "%s", dflt);
  return o;
}

/* Labels without whitespace, nonempty, unique: "x y" -> "x_y", "" -> dflt<i>, repeats -> "_2"... */
char **gambitlex_labels (char *const *names, size_t n, char d) {
  char **o = mem_alloc (n * sizeof *o);
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen (names[i]);
    char *s = mem_alloc (len + 24);
    for (size_t k = 0; k <= len; k++) s[k] = isspace ((unsigned char) names[i][k]) ? '_' : names[i][k];
    if (!len) snprintf (s, 24, "%c%zu", d, i);
    for (unsigned rep = 2;; rep++) {
      bool dup = false;
      for (size_t j = 0; j < i && !dup; j++) dup = !strcmp (o[j], s);
      if (!dup) break;
      size_t base = strlen (s);
      char *t = s;
      s = mem_alloc (base + 24);
      snprintf (s, base + 24, "%s_%u", t, rep);
      free (t);
    }
    o[i] = s;
  }
  return o;
}

void gambitlex_two_ids (char *const names[2], char *ids[2]) {
  char dflt[8];
  for (unsigned i = 0; i < 2; i++) {
    snprintf (dflt, sizeof dflt, "P%u", i + 1);
    ids[i] = safe_id (names[i], dflt);
  }
  if (!strcmp (ids[0], ids[1])) {
    char *t = mem_alloc (strlen (ids[1]) + 3);
    sprintf (t, "%s_2", ids[1]);
    free (ids[1]);
    ids[1] = t;
  }
}

bool gambitlex_slurp (const char *path, size_t max, char **out, size_t *len, scnfg_error *err) {
  *out = NULL, *len = 0;
  FILE *f = fopen (path, "rb");
  if (!f) return error_set (err, ERROR_IO, path, 0, 0, "cannot open: %s", strerror (errno));
  size_t cap = 1 << 16, n = 0;
  char *buf = mem_alloc (cap);
  for (;;) {
    if (n == cap) {
      if (cap > max) break;
      cap *= 2, buf = mem_realloc (buf, cap);
    }
    size_t k = fread (buf + n, 1, cap - n, f);
    if (!k) break;
    n += k;
  }
  bool rerr = ferror (f);
  fclose (f);
  if (rerr) {
    free (buf);
    return error_set (err, ERROR_IO, path, 0, 0, "read error");
  }
  *out = buf, *len = n;
  return true;
}
