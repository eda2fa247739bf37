/* Exact rationals from text: strict parsing into canonical mpq_t, printing. */
#ifndef SCNFG_BASE_RAT_H
#define SCNFG_BASE_RAT_H

#include <gmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Parses s[0..len) as "[-]D", "[-]D/D" (denominator > 0) or "[-]D.D" (an exact
 * decimal, 10^k denominator) with no spaces, into canonical 'out'. Unlike
 * mpq_set_str it rejects "1/0", "1/-2", "+1", leading spaces and empty parts.
 * On failure returns false, leaves 'out' unspecified and, if why != NULL,
 * points *why at a static reason. */
bool rat_parse (mpq_t out, const char *s, size_t len, const char **why);

/* Same for a NUL-terminated string. */
bool rat_parse_str (mpq_t out, const char *s, const char **why);

/* Prints q as "p/q" or "p" (canonical). */
void rat_print (FILE *f, const mpq_t q);

/* Returns a new string "p/q" or "p" owned by the caller (free). */
char *rat_to_str (const mpq_t q);

#endif
