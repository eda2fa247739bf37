/* The one XML writer of the project: escaping (the only code that escapes
 * XML) and small helpers for declarations, elements and attributes. Needs
 * no libxml2. Every helper writes to a FILE and leaves error checking to
 * the caller (ferror). */
#ifndef SCNFG_BASE_XMLW_H
#define SCNFG_BASE_XMLW_H

#include <gmp.h>
#include <stdbool.h>
#include <stdio.h>

/* <?xml version="1.0" encoding="UTF-8"?> and a newline. */
void xmlw_decl (FILE *f);

/* s as the text of an attribute value in double quotes: & < > " become
 * their predefined entity references, tab, newline and carriage return
 * character references (so that attribute normalisation keeps them), and
 * the other control characters, which XML 1.0 cannot carry at all, the
 * reference to U+FFFD (the replacement character). Bytes >= 0x80 pass
 * unchanged (UTF-8). */
void xmlw_esc (FILE *f, const char *s);
/* s as element text: the same, except that tab and newline stay as they are. */
void xmlw_text (FILE *f, const char *s);

/* "%*s<name": opens a start tag indented by 'indent' spaces. */
void xmlw_open (FILE *f, int indent, const char *name);

/* Attributes, each written as ' name="value"' (leading space). */
void xmlw_attr_str (FILE *f, const char *name, const char *v);            /* v escaped */
void xmlw_attr_rat (FILE *f, const char *name, const mpq_t q);            /* canonical p/q or p */
void xmlw_attr_uint (FILE *f, const char *name, unsigned long long v);    /* decimal */
void xmlw_attr_bool (FILE *f, const char *name, bool v);                  /* true / false */

#endif
