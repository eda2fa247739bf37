#!/bin/sh
# Builds and runs the libFuzzer harnesses tests/fuzz/fuzz_*.c (clang, ASan+UBSan).
# FUZZ_SECONDS (default 60) per harness; FUZZ_ONLY=name to run one harness.
set -e
EXTRA_PKGS="clang libclang-rt-14-dev" sh mk/deps.sh
secs=${FUZZ_SECONDS:-60}
out=build/fuzz
mkdir -p "$out"
# the RelaxNG schemas compiled into the game reader (as in the Makefile)
for r in $(find base solver reductions proofs orchestrate instances -name "*.rng"); do
  [ -f "$r" ] && sh mk/embed.sh "$r" > "$out/$(basename "$r" .rng)_rng.inc"
done
libsrc=$(find base solver reductions proofs orchestrate instances -name '*.c' -not -path '*/fuzz/*' | sort)
cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -I. -I$out $(pkg-config --cflags libxml-2.0)"
for h in tests/fuzz/fuzz_*.c; do
  name=$(basename "$h" .c)
  [ -n "$FUZZ_ONLY" ] && [ "$FUZZ_ONLY" != "$name" ] && continue
  [ -f "$out/$name" ] && [ -z "$(find $libsrc "$h" -newer "$out/$name")" ] ||
    clang $cflags -fsanitize=fuzzer,address,undefined -o "$out/$name" "$h" $libsrc \
      -lpicosat -lgmp $(pkg-config --libs libxml-2.0) -lm
  corpus="$out/corpus-$name"
  mkdir -p "$corpus"
  case "$name" in
    *qdimacs*) cp tests/data/qdimacs/bad/* instances/qbf/*.qdimacs "$corpus" 2>/dev/null || true ;;
    *game*|*xml*) cp instances/games/*.xml tests/data/gamexml/bad/* "$corpus" 2>/dev/null || true ;;
  esac
  echo "fuzz: $name for ${secs}s"
  "$out/$name" -max_total_time="$secs" -max_len=65536 -timeout=10 "$corpus"
done
