#!/bin/sh
# Prints file $1 as a comma-separated list of C byte constants, so that
#   static const char x[] = {
#   #include "x.inc"
#   0};
# embeds it (used for the RelaxNG schemas compiled into the binary).
od -An -v -tx1 "$1" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^ *//'
