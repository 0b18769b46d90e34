#!/bin/sh
# Installs what is missing, builds polgraph, and draws the graph of the
# bundled sample articles: graph.json and graph.svg in this folder.
set -eu
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" >/dev/null
./build/release/polgraph build fixtures/articles -o graph.json -o graph.svg
echo "wrote graph.json and graph.svg"
