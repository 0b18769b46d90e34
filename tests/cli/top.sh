#!/bin/bash
# polgraph top: ranked tables of a hand-built graph whose figures are given.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

# four actors; pagerank b 0.4 > c 0.3 > d 0.2 > a 0.1; mentions c 9 > a 4 > b 2 > d 1
cat >"$WORK/g.json" <<'EOF'
{"directed": false, "multigraph": false,
 "graph": {"documents": 2, "weights": {"co_mention": 1.0, "speaks_with": 3.0}},
 "nodes": [
  {"id": "a", "label": "Alpha", "kind": "person", "in_dictionary": true, "mentions": 4, "documents": 1,
   "degree": 1, "strength": 2.0, "betweenness": 0.0, "closeness": 0.5, "harmonic": 1.0,
   "eigenvector": 0.5, "pagerank": 0.1, "community": 0},
  {"id": "b", "label": "Beta", "kind": "organization", "in_dictionary": true, "mentions": 2, "documents": 1,
   "degree": 2, "strength": 5.0, "betweenness": 0.5, "closeness": 0.75, "harmonic": 2.0,
   "eigenvector": 1.0, "pagerank": 0.4, "community": 1},
  {"id": "c", "label": "Gamma", "kind": "country", "in_dictionary": true, "mentions": 9, "documents": 2,
   "degree": 2, "strength": 3.0, "betweenness": 0.25, "closeness": 0.7, "harmonic": 1.5,
   "eigenvector": 0.8, "pagerank": 0.3, "community": 1},
  {"id": "d", "label": "Erdoğan", "kind": "person", "in_dictionary": true, "mentions": 1, "documents": 1,
   "degree": 1, "strength": 1.5, "betweenness": 0.0, "closeness": 0.4, "harmonic": 1.0,
   "eigenvector": 0.3, "pagerank": 0.2, "community": 0}],
 "links": [
  {"source": "a", "target": "b", "weight": 2.0, "co_mentions": 2, "speaks_with": 0},
  {"source": "b", "target": "c", "weight": 3.0, "co_mentions": 3, "speaks_with": 0},
  {"source": "c", "target": "d", "weight": 1.0, "co_mentions": 1, "speaks_with": 0}]}
EOF

# compare_out DESCRIPTION EXPECTED-FILE: the last command's standard output
compare_out() {
    if cmp -s "$WORK/out" "$2"; then ok; else
        fail "$1: output differs"; diff "$2" "$WORK/out" | sed 's/^/    /' >&2
    fi
}

# text: aligned columns, numbers right, text left; the label's width counts characters
cat >"$WORK/want.txt" <<'EOF'
rank  id  label    kind          degree  strength  betweenness  pagerank  community
   1  b   Beta     organization       2    5.0000       0.5000    0.4000          1
   2  c   Gamma    country            2    3.0000       0.2500    0.3000          1
   3  d   Erdoğan  person             1    1.5000       0.0000    0.2000          0
EOF
expect_exit 0 "top -n 3" "$PG" top "$WORK/g.json" -n 3
compare_out "top -n 3" "$WORK/want.txt"
expect_exit 0 "top -n3 --format=text" "$PG" top -n3 --format=text "$WORK/g.json"
compare_out "top -n3 --format=text" "$WORK/want.txt"

cat >"$WORK/want.csv" <<'EOF'
rank,id,label,kind,degree,strength,betweenness,pagerank,community
1,b,Beta,organization,2,5,0.5,0.4,1
2,c,Gamma,country,2,3,0.25,0.3,1
EOF
expect_exit 0 "top csv" "$PG" top "$WORK/g.json" -n 2 --format csv
compare_out "top csv" "$WORK/want.csv"

# a figure that is not a column comes after kind
cat >"$WORK/want.md" <<'EOF'
| rank | id | label | kind | mentions | degree | strength | betweenness | pagerank | community |
|---:|---|---|---|---:|---:|---:|---:|---:|---:|
| 1 | c | Gamma | country | 9 | 2 | 3.0000 | 0.2500 | 0.3000 | 1 |
| 2 | a | Alpha | person | 4 | 1 | 2.0000 | 0.0000 | 0.1000 | 0 |
EOF
expect_exit 0 "top md by mentions" "$PG" top "$WORK/g.json" -n 2 --format md --by mentions
compare_out "top md by mentions" "$WORK/want.md"

# ties go by id: degree b 2, c 2, then a 1, d 1
expect_exit 0 "top by degree" "$PG" top "$WORK/g.json" --by degree --format csv -n 0
got=$(cut -d, -f2 "$WORK/out" | tr '\n' ' ')
if [ "$got" = "id b c a d " ]; then ok; else fail "top by degree: order '$got', expected 'id b c a d '"; fi

# -n 0 and -n above the count list every actor once; the default is 10
expect_exit 0 "top -n 0" "$PG" top "$WORK/g.json" -n 0
if [ "$(wc -l <"$WORK/out")" -eq 5 ]; then ok; else fail "top -n 0: expected 5 lines"; fi
expect_exit 0 "top (default -n)" "$PG" top "$WORK/g.json"
if [ "$(wc -l <"$WORK/out")" -eq 5 ]; then ok; else fail "top: expected 5 lines"; fi

# -o writes the table to a file
expect_exit 0 "top -o" "$PG" top "$WORK/g.json" -n 3 -o "$WORK/top.txt"
if cmp -s "$WORK/top.txt" "$WORK/want.txt"; then ok; else fail "top -o: file differs"; fi

# a graph without figures is analysed first: the centre of a star ranks first
cat >"$WORK/star.json" <<'EOF'
{"directed": false, "multigraph": false,
 "graph": {"documents": 1, "weights": {"co_mention": 1.0, "speaks_with": 3.0}},
 "nodes": [
  {"id": "hub", "label": "Hub", "kind": "person", "in_dictionary": false, "mentions": 1, "documents": 1},
  {"id": "x", "label": "X", "kind": "person", "in_dictionary": false, "mentions": 1, "documents": 1},
  {"id": "y", "label": "Y", "kind": "person", "in_dictionary": false, "mentions": 1, "documents": 1},
  {"id": "z", "label": "Z", "kind": "person", "in_dictionary": false, "mentions": 1, "documents": 1}],
 "links": [
  {"source": "hub", "target": "x", "weight": 1.0, "co_mentions": 1, "speaks_with": 0},
  {"source": "hub", "target": "y", "weight": 1.0, "co_mentions": 1, "speaks_with": 0},
  {"source": "hub", "target": "z", "weight": 1.0, "co_mentions": 1, "speaks_with": 0}]}
EOF
expect_exit 0 "top of a graph without figures" "$PG" top "$WORK/star.json" -n 1 --format csv
if [ "$(sed -n 2p "$WORK/out" | cut -d, -f2,5,6)" = "hub,3,3" ]; then ok; else
    fail "top of a star: expected hub with degree 3 and strength 3, got '$(sed -n 2p "$WORK/out")'"
fi

# usage and input errors
expect_exit 0 "top --help" "$PG" top --help
if grep -q -- "--by" "$WORK/out"; then ok; else fail "top --help does not list --by"; fi
expect_exit 2 "top without a file" "$PG" top
expect_exit 2 "top with an unknown flag" "$PG" top "$WORK/g.json" --bogus
expect_stderr "unknown option '--bogus'" "top with an unknown flag"
expect_exit 2 "top --by fame" "$PG" top "$WORK/g.json" --by fame
expect_stderr "fame" "top --by fame"
expect_exit 2 "top --format xml" "$PG" top "$WORK/g.json" --format xml
expect_exit 2 "top -n -1" "$PG" top "$WORK/g.json" -n -1
expect_exit 2 "top of a missing file" "$PG" top "$WORK/missing.json"
expect_stderr "missing.json" "top of a missing file"
printf '{"nodes": [' >"$WORK/broken.json"
expect_exit 2 "top of broken JSON" "$PG" top "$WORK/broken.json"
expect_stderr "broken.json" "top of broken JSON"

finish
