/* The XML writer: escaping and attribute helpers (see xmlw.h). */
#include "base/xmlw.h"

#include "base/rat.h"

void xmlw_decl (FILE *f) { fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f); }

static void escape (FILE *f, const char *s, bool attr) {
  for (; *s; s++) {
    unsigned char c = (unsigned char) *s;
    switch (c) {
    case '&': fputs ("&amp;", f); break;
    case '<': fputs ("&lt;", f); break;
    case '>': fputs ("&gt;", f); break;
    case '"': fputs ("&quot;", f); break;
    case '\r': fputs ("&#13;", f); break;
    case '\t':
    case '\n':
      if (attr) fputs (c == '\t' ? "&#9;" : "&#10;", f);
      else fputc (c, f);
      break;
    default:
      if (c < 0x20) fputs ("&#xFFFD;", f);
      else fputc (c, f);
    }
  }
}

void xmlw_esc (FILE *f, const char *s) { escape (f, s, true); }

void xmlw_text (FILE *f, const char *s) { escape (f, s, false); }

void xmlw_open (FILE *f, int indent, const char *name) { fprintf (f, "%*s<%s", indent, "", name); }

void xmlw_attr_str (FILE *f, const char *name, const char *v) {
  fprintf (f, " %s=\"", name);
  xmlw_esc (f, v);
  fputc ('"', f);
}

void xmlw_attr_rat (FILE *f, const char *name, const mpq_t q) {
  fprintf (f, " %s=\"", name);
  rat_print (f, q);
  fputc ('"', f);
}

void xmlw_attr_uint (FILE *f, const char *name, unsigned long long v) { fprintf (f, " %s=\"%llu\"", name, v); }

void xmlw_attr_bool (FILE *f, const char *name, bool v) { fprintf (f, " %s=\"%s\"", name, v ? "true" : "false"); }
