/* Allocation wrappers: the one place where a failed allocation aborts. */
#ifndef SCNFG_BASE_MEM_H
#define SCNFG_BASE_MEM_H

#include <stddef.h>

/* Like malloc/calloc/realloc/strdup, but never return NULL: on failure they
 * print "scnfg: out of memory" to stderr and abort (GMP does the same). */
void *mem_alloc (size_t bytes);
void *mem_calloc (size_t n, size_t size);
void *mem_realloc (void *p, size_t bytes);
char *mem_strdup (const char *s);

/* Grows *p (holding *cap elements of 'size' bytes) to hold at least 'need'. */
void mem_reserve (void **p, size_t *cap, size_t need, size_t size);

#endif
