/* Format detection and dispatch (see gameload.h). */
#include "solver/model/gameload.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/error.h"
#include "base/limits.h"
#include "solver/model/efgread.h"
#include "solver/model/gamexml.h"
#include "solver/model/nfgread.h"

gameload_format gameload_detect (const char *path) {
  FILE *f = fopen (path, "rb");
  if (!f) return GAMELOAD_XML;
  char buf[256];
  size_t n = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[n] = 0;
  size_t i = 0;
  while (i < n && isspace ((unsigned char) buf[i])) i++;
  const char *s = buf + i;
  bool word_end = i + 3 >= n || isspace ((unsigned char) s[3]);
  if (!strncmp (s, "NFG", 3) && word_end) return GAMELOAD_NFG;
  if (!strncmp (s, "EFG", 3) && word_end) return GAMELOAD_EFG;
  return GAMELOAD_XML;
}

bool gameload_file (struct game **out, const char *path, const char *leader, scnfg_error *err) {
  return gameload_file_lim (out, path, leader, NULL, err);
}

bool gameload_file_lim (struct game **out, const char *path, const char *leader, const scnfg_limits *lim,
                        scnfg_error *err) {
  *out = NULL;
  gameload_format fmt = gameload_detect (path);
  if (fmt == GAMELOAD_NFG) return nfgread_file (out, path, leader, err);
  if (leader)
    return error_set (err, ERROR_INPUT, path, 0, 0, "--leader applies to .nfg tables only (this file names its leader)");
  if (fmt == GAMELOAD_EFG) return efgread_file (out, path, err);
  return gamexml_read_file_lim (out, path, lim, err);
}
