#!/bin/bash
# polgraph render with the selection options, and the default cut of big
# graphs in diagrams.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

# A hand-built graph: persons p1..p4, organisation o, country c.
#   p1-p2 5 (with a call on 2020-01-10), p2-p3 1, p3-o 2, o-c 4, p4 alone
cat >"$WORK/g.json" <<'EOF'
{"directed": false, "multigraph": false,
 "graph": {"documents": 3, "weights": {"co_mention": 1.0, "speaks_with": 3.0}},
 "nodes": [
  {"id": "c", "label": "C", "kind": "country", "in_dictionary": true, "mentions": 1, "documents": 1},
  {"id": "o", "label": "O", "kind": "organization", "in_dictionary": true, "mentions": 2, "documents": 1},
  {"id": "p1", "label": "P1", "kind": "person", "in_dictionary": true, "mentions": 9, "documents": 2},
  {"id": "p2", "label": "P2", "kind": "person", "in_dictionary": true, "mentions": 8, "documents": 2},
  {"id": "p3", "label": "P3", "kind": "person", "in_dictionary": true, "mentions": 3, "documents": 1},
  {"id": "p4", "label": "P4", "kind": "person", "in_dictionary": false, "mentions": 1, "documents": 1}],
 "links": [
  {"source": "c", "target": "o", "weight": 4.0, "co_mentions": 4, "speaks_with": 0},
  {"source": "o", "target": "p3", "weight": 2.0, "co_mentions": 2, "speaks_with": 0},
  {"source": "p1", "target": "p2", "weight": 5.0, "co_mentions": 2, "speaks_with": 1,
   "interactions": [{"type": "speaks_with", "mode": "phone", "status": "occurred",
                     "date": "2020-01-10", "doc": "d1", "sentence": 1, "start": 0, "end": 20,
                     "text": "P1 phoned P2."}]},
  {"source": "p2", "target": "p3", "weight": 1.0, "co_mentions": 1, "speaks_with": 0}]}
EOF

# ids WANT DESCRIPTION: the node ids of $WORK/s.json, space-separated
ids() {
    got=$($PY -c 'import json, sys; print(" ".join(n["id"] for n in json.load(open(sys.argv[1]))["nodes"]))' "$WORK/s.json")
    if [ "$got" = "$1" ]; then ok; else fail "$2: nodes '$got', expected '$1'"; fi
}

expect_exit 0 "render --kinds person" "$PG" render "$WORK/g.json" --kinds person -o "$WORK/s.json"
ids "p1 p2 p3 p4" "--kinds person"
expect_exit 0 "render --min-weight 2" "$PG" render "$WORK/g.json" --min-weight 2 -o "$WORK/s.json"
ids "c o p1 p2 p3" "--min-weight 2"
expect_exit 0 "render --ego p3" "$PG" render "$WORK/g.json" --ego p3 -o "$WORK/s.json"
ids "o p2 p3" "--ego p3"
expect_exit 0 "render --ego p3 --depth 2" "$PG" render "$WORK/g.json" --ego p3 --depth 2 -o "$WORK/s.json"
ids "c o p1 p2 p3" "--ego p3 --depth 2"
expect_exit 0 "render --top 2 --top-by mentions" "$PG" render "$WORK/g.json" --top 2 --top-by mentions -o "$WORK/s.json"
ids "p1 p2" "--top 2 --top-by mentions"
expect_exit 0 "render --since --until" "$PG" render "$WORK/g.json" --since 2020-01-01 --until 2020-01-31 -o "$WORK/s.json"
ids "p1 p2" "--since --until"
# the selection's figures are its own: p1 and p2 alone, degree 1 each
expect_exit 0 "figures of a selection" $PY -c '
import json, sys
g = json.load(open(sys.argv[1]))
assert [n["degree"] for n in g["nodes"]] == [1, 1], g["nodes"]
assert [n["pagerank"] for n in g["nodes"]] == [0.5, 0.5], g["nodes"]
' "$WORK/s.json"
expect_exit 0 "render --since after every call" "$PG" render "$WORK/g.json" --since 2021-01-01 -o "$WORK/s.json"
ids "" "--since after every call"
expect_stderr "no actor" "--since after every call"

expect_exit 2 "render --ego unknown" "$PG" render "$WORK/g.json" --ego P1 -o "$WORK/x.svg"
expect_stderr "did you mean 'p1'" "render --ego unknown"
expect_exit 2 "render --depth without --ego" "$PG" render "$WORK/g.json" --depth 2 -o "$WORK/x.svg"
expect_exit 2 "render --since after --until" "$PG" render "$WORK/g.json" --since 2020-02-01 --until 2020-01-01 -o "$WORK/x.svg"
expect_exit 2 "render --since bad" "$PG" render "$WORK/g.json" --since 2020-13-01 -o "$WORK/x.svg"
expect_exit 2 "render --kinds bad" "$PG" render "$WORK/g.json" --kinds person,party -o "$WORK/x.svg"
expect_stderr "party" "render --kinds bad"
expect_exit 2 "render --top-by bad" "$PG" render "$WORK/g.json" --top-by fame -o "$WORK/x.svg"
expect_exit 2 "render --min-weight bad" "$PG" render "$WORK/g.json" --min-weight heavy -o "$WORK/x.svg"
expect_exit 2 "render --top bad" "$PG" render "$WORK/g.json" --top -3 -o "$WORK/x.svg"
if [ ! -e "$WORK/x.svg" ]; then ok; else fail "a failed render left an output"; fi
expect_exit 0 "render --help" "$PG" render --help
for opt in --top --top-by --min-weight --kinds --ego --depth --since --until; do
    if grep -q -- "$opt " "$WORK/out"; then ok; else fail "render --help does not list $opt"; fi
done

# a graph of 200 actors: diagrams show 150 with a note, JSON keeps all
$PY - "$WORK/big.json" <<'EOF'
import json, sys
n = 200
nodes = [{"id": "n%03d" % i, "label": "N%d" % i, "kind": "person", "in_dictionary": False,
          "mentions": 1, "documents": 1} for i in range(n)]
links = [{"source": "n%03d" % i, "target": "n%03d" % (i + 1), "weight": 1.0, "co_mentions": 1,
          "speaks_with": 0} for i in range(n - 1)]
json.dump({"directed": False, "multigraph": False,
           "graph": {"documents": 1, "weights": {"co_mention": 1.0, "speaks_with": 3.0}},
           "nodes": nodes, "links": links}, open(sys.argv[1], "w"))
EOF
count_nodes() { grep -c 'class="node[ "]' "$1"; }
expect_exit 0 "render a big graph" "$PG" render "$WORK/big.json" -o "$WORK/big.svg" -o "$WORK/big-out.json" --engine neato
expect_stderr "note: the diagram shows the 150 of 200 actors" "render a big graph"
if [ "$(count_nodes "$WORK/big.svg")" -eq 150 ]; then ok; else fail "big graph: $(count_nodes "$WORK/big.svg") nodes drawn, expected 150"; fi
expect_exit 0 "the JSON keeps every actor" $PY -c '
import json, sys
assert len(json.load(open(sys.argv[1]))["nodes"]) == 200
' "$WORK/big-out.json"
expect_exit 0 "render a big graph --top 0" "$PG" render "$WORK/big.json" --top 0 -o "$WORK/all.svg" --engine neato
if grep -q "note:" "$WORK/err"; then fail "--top 0 still printed a note"; else ok; fi
if [ "$(count_nodes "$WORK/all.svg")" -eq 200 ]; then ok; else fail "--top 0: $(count_nodes "$WORK/all.svg") nodes drawn, expected 200"; fi
expect_exit 0 "render a big graph --top 12" "$PG" render "$WORK/big.json" --top 12 -o "$WORK/t.svg"
if [ "$(count_nodes "$WORK/t.svg")" -eq 12 ]; then ok; else fail "--top 12: $(count_nodes "$WORK/t.svg") nodes drawn"; fi

finish
