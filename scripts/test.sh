#!/bin/sh
# Installs what is missing, builds polgraph with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs every test; then builds the fuzz
# targets with clang and runs each for a few seconds on its seed corpus.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh clang libclang-rt-14-dev
cmake --preset asan
cmake --build --preset asan -j "$(nproc)"
ctest --preset asan -j "$(nproc)"
cmake --preset fuzz
cmake --build --preset fuzz -j "$(nproc)"
ctest --preset fuzz
