#!/bin/bash
# polgraph export on the fixture graph: networkx reads the GraphML and GEXF,
# Python's csv module the CSV, and all agree with the graph JSON; the same
# bytes on every run and every way in; article text cannot inject markup or
# spreadsheet formulas; bad usage exits 2 and says what is wrong.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

same() { if cmp -s "$1" "$2"; then ok; else fail "$3"; fi; }

expect_exit 0 "build fixtures" "$PG" build fixtures/articles/*.txt -q -o "$WORK/g.json"
expect_exit 0 "export GraphML" "$PG" export "$WORK/g.json" --to graphml -o "$WORK/g.graphml"
expect_exit 0 "export GEXF" "$PG" export "$WORK/g.json" --to gexf -o "$WORK/g.gexf"
expect_exit 0 "export CSV" "$PG" export "$WORK/g.json" --to csv -o "$WORK/csv"
expect_exit 0 "export JSON" "$PG" export "$WORK/g.json" --to json -o "$WORK/again.json"
expect_exit 0 "networkx and csv read the exports as the JSON says" \
    $PY "$SRC/tests/cli/check_exports.py" "$WORK/g.json" "$WORK/g.graphml" "$WORK/g.gexf" "$WORK/csv"
cat "$WORK/out"
if grep -q "links" "$WORK/out" && ! grep -q " 0 links" "$WORK/out"; then ok; else
    fail "the fixture graph should have links to check"; fi
same "$WORK/g.json" "$WORK/again.json" "export --to json does not rewrite a canonical file as it was"

# the same bytes every time, and whichever way the graph and format arrive
expect_exit 0 "export GraphML again" "$PG" export "$WORK/g.json" --to graphml -o "$WORK/g2.graphml"
expect_exit 0 "export GEXF again" "$PG" export "$WORK/g.json" -t gexf -o "$WORK/g2.gexf"
expect_exit 0 "export CSV again" "$PG" export "$WORK/g.json" --to=csv -o "$WORK/csv2"
same "$WORK/g.graphml" "$WORK/g2.graphml" "two GraphML exports differ"
same "$WORK/g.gexf" "$WORK/g2.gexf" "two GEXF exports differ"
same "$WORK/csv/nodes.csv" "$WORK/csv2/nodes.csv" "two nodes.csv differ"
same "$WORK/csv/links.csv" "$WORK/csv2/links.csv" "two links.csv differ"
"$PG" export "$WORK/g.json" --to graphml >"$WORK/stdout.graphml" 2>"$WORK/err"
same "$WORK/g.graphml" "$WORK/stdout.graphml" "GraphML on standard output differs from -o"
"$PG" export - --to gexf <"$WORK/g.json" >"$WORK/stdin.gexf" 2>"$WORK/err"
same "$WORK/g.gexf" "$WORK/stdin.gexf" "GEXF from standard input differs"
expect_exit 0 "format from the extension of -o" "$PG" export "$WORK/g.json" -o "$WORK/ext.gexf"
same "$WORK/g.gexf" "$WORK/ext.gexf" "-o x.gexf without --to is not GEXF"
expect_exit 0 "CSV into an existing folder" "$PG" export "$WORK/g.json" --to csv -o "$WORK/csv"
if [ -z "$(ls -A "$WORK/csv" | grep -v -x -e nodes.csv -e links.csv)" ]; then ok; else
    fail "CSV folder holds more than nodes.csv and links.csv: $(ls -A "$WORK/csv")"; fi

# a graph without figures is analysed first, as build does
$PY - "$WORK/g.json" "$WORK/bare.json" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
for n in g["nodes"]:
    for k in ("degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
              "pagerank", "community"):
        n.pop(k)
json.dump(g, open(sys.argv[2], "w"))
EOF
expect_exit 0 "export a graph without figures" "$PG" export "$WORK/bare.json" --to graphml -o "$WORK/bare.graphml"
same "$WORK/g.graphml" "$WORK/bare.graphml" "analysing on export gives other figures than build"
expect_exit 0 "rewrite a graph without figures" "$PG" export "$WORK/bare.json" --to json -o "$WORK/bare-again.json"
same "$WORK/g.json" "$WORK/bare-again.json" "export --to json of a graph without figures differs from build's"

# article text that tries to break out of XML or run in a spreadsheet
$PY - "$WORK/g.json" "$WORK/evil.json" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
g["nodes"][0]["label"] = "<script>alert(\"x\")&'</script>\x01\nnext\u0085\uffff"
g["nodes"][1]["label"] = "+1 (202) 456-1111"
ev = g["links"][0]["evidence"]
ev[0]["text"] = "=cmd|' /C calc'!A0\nsecond, \"line\"\r\n]]> <!-- &amp;"
if len(ev) > 1:
    ev[1]["text"] = "@SUM(1+1)\tand, more"
json.dump(g, open(sys.argv[2], "w"))
EOF
expect_exit 0 "export hostile GraphML" "$PG" export "$WORK/evil.json" --to graphml -o "$WORK/evil.graphml"
expect_exit 0 "export hostile GEXF" "$PG" export "$WORK/evil.json" --to gexf -o "$WORK/evil.gexf"
expect_exit 0 "export hostile CSV" "$PG" export "$WORK/evil.json" --to csv -o "$WORK/evil"
expect_exit 0 "hostile text reads back as plain text" \
    $PY "$SRC/tests/cli/check_exports.py" "$WORK/evil.json" "$WORK/evil.graphml" "$WORK/evil.gexf" "$WORK/evil"
for f in "$WORK/evil.graphml" "$WORK/evil.gexf"; do
    if grep -q -e "<script" -e "<!--" -e "]]>" "$f"; then fail "markup from the text in $(basename "$f")"; else ok; fi
done
if grep -q "^angela-merkel,donald-trump,.*,\"'=cmd|' /C calc'!A0 second, \"\"line\"\"" "$WORK/evil/links.csv"; then ok; else
    fail "the formula in links.csv is not defused and quoted"; sed -n 2p "$WORK/evil/links.csv" >&2; fi

# usage and input errors: exit 2, and the message says what is wrong
expect_exit 0 "export --help" "$PG" export --help
for word in graphml gexf csv json --to --output --seed; do
    if grep -q -e "$word" "$WORK/out"; then ok; else fail "export --help does not mention $word"; fi
done
expect_exit 0 "polgraph --help" "$PG" --help
if grep -q "^  export " "$WORK/out"; then ok; else fail "polgraph --help does not list export"; fi
expect_exit 2 "unknown option" "$PG" export "$WORK/g.json" --to graphml --bogus
expect_stderr "unknown option '--bogus'" "unknown option"
expect_exit 2 "unknown format" "$PG" export "$WORK/g.json" --to xml
expect_stderr "'xml'" "unknown format"
expect_exit 2 "no format" "$PG" export "$WORK/g.json" -o "$WORK/x.txt"
expect_stderr "needs --to" "no format"
expect_exit 2 "no graph" "$PG" export --to graphml
expect_stderr "needs a graph file" "no graph"
expect_exit 2 "two graphs" "$PG" export "$WORK/g.json" "$WORK/g.json" --to graphml
expect_exit 2 "CSV without -o" "$PG" export "$WORK/g.json" --to csv
expect_stderr "FOLDER" "CSV without -o"
expect_exit 2 "missing graph" "$PG" export "$WORK/none.json" --to graphml
expect_stderr "none.json" "missing graph"
printf '{"directed": false,\n "nodes": [\n' >"$WORK/broken.json"
expect_exit 2 "broken graph" "$PG" export "$WORK/broken.json" --to gexf
expect_stderr "broken.json:" "broken graph"
: >"$WORK/file"
expect_exit 2 "CSV onto a file" "$PG" export "$WORK/g.json" --to csv -o "$WORK/file"
expect_stderr "not a folder" "CSV onto a file"
expect_exit 2 "output in a missing folder" "$PG" export "$WORK/g.json" --to graphml -o "$WORK/no/such/g.graphml"
expect_stderr "no/such/g.graphml" "output in a missing folder"
expect_exit 2 "bad seed" "$PG" export "$WORK/bare.json" --to json --seed x
if [ -z "$(find "$WORK" -name '*.XXXXXX' -o -name '*.graphml.*' -o -name '*.csv.*')" ]; then ok; else
    fail "temporary files left behind"; fi

finish
