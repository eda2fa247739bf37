/* Strict rational parsing (see rat.h). */
#include "base/rat.h"

#include <stdlib.h>
#include <string.h>

#include "base/mem.h"

static bool fail (const char **why, const char *msg) {
  if (why) *why = msg;
  return false;
}

static size_t digits (const char *s, size_t i, size_t len) {
  size_t j = i;
  while (j < len && s[j] >= '0' && s[j] <= '9') j++;
  return j - i;
}

/* Sets z to the decimal digits s[i..i+n). */
static void set_digits (mpz_t z, const char *s, size_t i, size_t n) {
  char *buf = mem_alloc (n + 1);
  memcpy (buf, s + i, n);
  buf[n] = 0;
  mpz_set_str (z, buf, 10);
  free (buf);
}

bool rat_parse (mpq_t out, const char *s, size_t len, const char **why) {
  size_t i = 0;
  bool neg = false;
  if (len == 0) return fail (why, "empty number");
  if (s[0] == '-') neg = true, i++;
  size_t n = digits (s, i, len);
  if (n == 0) return fail (why, "expected a digit");
  mpz_t num, den;
  mpz_init (num);
  mpz_init_set_ui (den, 1);
  set_digits (num, s, i, n);
  i += n;
  bool ok = true;
  if (i < len && s[i] == '/') {
    i++;
    size_t m = digits (s, i, len);
    if (m == 0) ok = fail (why, "expected a denominator after '/'");
    else {
      set_digits (den, s, i, m);
      i += m;
      if (mpz_sgn (den) == 0) ok = fail (why, "zero denominator");
    }
  } else if (i < len && s[i] == '.') {
    i++;
    size_t m = digits (s, i, len);
    if (m == 0) ok = fail (why, "expected digits after '.'");
    else {
      mpz_t frac;
      mpz_init (frac);
      set_digits (frac, s, i, m);
      mpz_ui_pow_ui (den, 10, m);
      mpz_mul (num, num, den);
      mpz_add (num, num, frac);
      mpz_clear (frac);
      i += m;
    }
  }
  if (ok && i != len) ok = fail (why, "unexpected character in number");
  if (ok) {
    if (neg) mpz_neg (num, num);
    mpq_set_num (out, num);
    mpq_set_den (out, den);
    mpq_canonicalize (out);
  }
  mpz_clear (num);
  mpz_clear (den);
  return ok;
}

bool rat_parse_str (mpq_t out, const char *s, const char **why) {
  return rat_parse (out, s, strlen (s), why);
}

void rat_print (FILE *f, const mpq_t q) {
  char *s = rat_to_str (q);
  fputs (s, f);
  free (s);
}

char *rat_to_str (const mpq_t q) {
  char *s = mpq_get_str (NULL, 10, q);
  char *copy = mem_strdup (s);
  void (*freefn) (void *, size_t);
  mp_get_memory_functions (NULL, NULL, &freefn);
  freefn (s, strlen (s) + 1);
  return copy;
}
