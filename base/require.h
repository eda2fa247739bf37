/* The one way to fail on a caller's bug or a broken internal invariant:
 * print "scnfg: API usage: FUNCTION: message" (or "internal error") to
 * stderr and abort. Bad input never comes here: it travels back as an error
 * record (base/error.h). */
#ifndef SCNFG_BASE_REQUIRE_H
#define SCNFG_BASE_REQUIRE_H

/* REQUIRE: the caller broke the function's contract (API misuse). */
#define REQUIRE(cond, ...) \
  do { if (!(cond)) require_fail (__func__, "API usage", __VA_ARGS__); } while (0)
/* INVARIANT: the library's own bug (checked in every build, unlike assert). */
#define INVARIANT(cond, ...) \
  do { if (!(cond)) require_fail (__func__, "internal error", __VA_ARGS__); } while (0)

/* Prints "scnfg: KIND: FUNC: message" to stderr and aborts. */
_Noreturn void require_fail (const char *func, const char *kind, const char *fmt, ...)
    __attribute__ ((format (printf, 3, 4)));

#endif
