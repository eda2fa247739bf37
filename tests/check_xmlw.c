/* Tests of base/xmlw, the one XML writer: escaping of every special
 * character and of control characters, in attributes and in text, and the
 * attribute helpers, byte for byte. */
#include <check.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmlw.h"

typedef struct mem {
  char *buf;
  size_t len;
  FILE *f;
} mem;

static void mem_open (mem *m) {
  m->buf = NULL, m->len = 0;
  m->f = open_memstream (&m->buf, &m->len);
  ck_assert_ptr_nonnull (m->f);
}

/* Closes m and checks its bytes. */
static void mem_expect (mem *m, const char *want) {
  fclose (m->f);
  ck_assert_str_eq (m->buf, want);
  ck_assert_uint_eq (m->len, strlen (want));
  free (m->buf);
}

START_TEST (escape_attribute) {
  mem m;
  mem_open (&m);
  xmlw_esc (m.f, "a&b<c>d\"e'f");
  mem_expect (&m, "a&amp;b&lt;c&gt;d&quot;e'f");
  mem_open (&m);
  xmlw_esc (m.f, "t\tn\nr\r");
  mem_expect (&m, "t&#9;n&#10;r&#13;");
  mem_open (&m);
  xmlw_esc (m.f, "bell\a esc\x1b us\x1f del\x7f");
  mem_expect (&m, "bell&#xFFFD; esc&#xFFFD; us&#xFFFD; del\x7f");
  mem_open (&m);
  xmlw_esc (m.f, "caf\xc3\xa9 &amp;");
  mem_expect (&m, "caf\xc3\xa9 &amp;amp;");
  mem_open (&m);
  xmlw_esc (m.f, "");
  mem_expect (&m, "");
}
END_TEST

START_TEST (escape_text) {
  mem m;
  mem_open (&m);
  xmlw_text (m.f, "x < y && y > \"z\"\n\tr\r\x01");
  mem_expect (&m, "x &lt; y &amp;&amp; y &gt; &quot;z&quot;\n\tr&#13;&#xFFFD;");
}
END_TEST

START_TEST (attributes) {
  mem m;
  mem_open (&m);
  xmlw_decl (m.f);
  xmlw_open (m.f, 2, "e");
  xmlw_attr_str (m.f, "name", "<&>");
  xmlw_attr_uint (m.f, "n", 18446744073709551615ull);
  xmlw_attr_uint (m.f, "zero", 0);
  xmlw_attr_bool (m.f, "yes", true);
  xmlw_attr_bool (m.f, "no", false);
  mpq_t q;
  mpq_init (q);
  mpq_set_si (q, -6, 4);
  mpq_canonicalize (q);
  xmlw_attr_rat (m.f, "q", q);
  mpq_set_si (q, 7, 1);
  xmlw_attr_rat (m.f, "i", q);
  mpq_clear (q);
  fputs ("/>\n", m.f);
  mem_expect (&m, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "  <e name=\"&lt;&amp;&gt;\" n=\"18446744073709551615\" zero=\"0\" yes=\"true\" no=\"false\""
                  " q=\"-3/2\" i=\"7\"/>\n");
}
END_TEST

Suite *xmlw_suite (void) {
  Suite *s = suite_create ("xmlw");
  TCase *tc = tcase_create ("core");
  tcase_set_timeout (tc, 10);
  tcase_add_test (tc, escape_attribute);
  tcase_add_test (tc, escape_text);
  tcase_add_test (tc, attributes);
  suite_add_tcase (s, tc);
  return s;
}
