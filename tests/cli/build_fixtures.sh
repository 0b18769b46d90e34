#!/bin/bash
# polgraph build on the fixture articles: networkx reads the JSON and agrees
# with every figure, graphviz accepts the DOT, the SVG is well-formed, and a
# second run gives the same bytes.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

expect_exit 0 "build fixtures" "$PG" build fixtures/articles -q \
    -o "$WORK/a.json" -o "$WORK/a.dot" -o "$WORK/a.svg"
expect_exit 0 "build fixtures again" "$PG" build fixtures/articles -q \
    -o "$WORK/b.json" -o "$WORK/b.dot" -o "$WORK/b.svg"
for ext in json dot svg; do
    if cmp -s "$WORK/a.$ext" "$WORK/b.$ext"; then ok; else fail "two runs differ in .$ext"; fi
done

expect_exit 0 "networkx agrees with the figures" $PY "$SRC/tests/cli/check_networkx.py" "$WORK/a.json"
cat "$WORK/out"
expect_exit 0 "dot accepts the DOT file" dot -Tsvg -o "$WORK/dot.svg" "$WORK/a.dot"
expect_exit 0 "the SVG is well-formed XML" $PY -c \
    'import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == "svg"' \
    "$WORK/a.svg"
if grep -q "graphviz version" "$WORK/a.svg"; then fail "the SVG names the graphviz version"; else ok; fi

# render from the JSON gives the same diagram as build
expect_exit 0 "render the JSON" "$PG" render "$WORK/a.json" -o "$WORK/r.svg" -o "$WORK/r.dot"
if cmp -s "$WORK/a.svg" "$WORK/r.svg"; then ok; else fail "render and build SVGs differ"; fi
if cmp -s "$WORK/a.dot" "$WORK/r.dot"; then ok; else fail "render and build DOTs differ"; fi

# standard input and JSON Lines give the same graph as the files
finish
