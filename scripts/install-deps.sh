#!/bin/sh
# Installs the Debian packages polgraph needs, when they are missing.
# Safe to run again: it installs nothing when everything is there.
# Packages named as arguments are installed too (scripts/test.sh: clang).
set -eu
PACKAGES="build-essential cmake pkg-config libigraph-dev libgraphviz-dev graphviz \
libjansson-dev libcmocka-dev python3 python3-networkx python3-numpy python3-scipy valgrind $*"
missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    exit 0
fi
echo "installing:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
