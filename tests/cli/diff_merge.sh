#!/bin/bash
# polgraph diff on hand-written graphs (exit status, lines, JSON, tolerance,
# structure), and polgraph merge: the graphs of two halves of the fixture
# articles, merged, are the graph of all of them.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

# compare_out DESCRIPTION EXPECTED-FILE: the last command's standard output
compare_out() {
    if cmp -s "$WORK/out" "$2"; then ok; else
        fail "$1: output differs"; diff "$2" "$WORK/out" | sed 's/^/    /' >&2
    fi
}

# old: a, b, c; a-b 2 co-mentions; b-c 1 co-mention and 1 call (weight 1 + 3)
cat >"$WORK/old.json" <<'EOF'
{"directed": false, "multigraph": false,
 "graph": {"documents": 2, "weights": {"co_mention": 1.0, "speaks_with": 3.0}},
 "nodes": [
  {"id": "a", "label": "A", "kind": "person", "in_dictionary": true, "mentions": 2, "documents": 1},
  {"id": "b", "label": "B", "kind": "person", "in_dictionary": true, "mentions": 3, "documents": 2},
  {"id": "c", "label": "C", "kind": "country", "in_dictionary": true, "mentions": 1, "documents": 1}],
 "links": [
  {"source": "a", "target": "b", "weight": 2.0, "co_mentions": 2, "speaks_with": 0},
  {"source": "b", "target": "c", "weight": 4.0, "co_mentions": 1, "speaks_with": 1,
   "interactions": [{"type": "speaks_with", "mode": "phone", "status": "occurred",
                     "date": "2020-01-02", "doc": "d1", "sentence": 1, "start": 0, "end": 20,
                     "text": "B phoned C's leader."}]}]}
EOF
# new: c is gone with b-c; d is new, linked to a; b has 5 mentions; a-b 3 co-mentions
cat >"$WORK/new.json" <<'EOF'
{"directed": false, "multigraph": false,
 "graph": {"documents": 2, "weights": {"co_mention": 1.0, "speaks_with": 3.0}},
 "nodes": [
  {"id": "a", "label": "A", "kind": "person", "in_dictionary": true, "mentions": 2, "documents": 1},
  {"id": "b", "label": "B", "kind": "person", "in_dictionary": true, "mentions": 5, "documents": 2},
  {"id": "d", "label": "D", "kind": "person", "in_dictionary": false, "mentions": 1, "documents": 1}],
 "links": [
  {"source": "a", "target": "b", "weight": 3.0, "co_mentions": 3, "speaks_with": 0},
  {"source": "a", "target": "d", "weight": 1.0, "co_mentions": 1, "speaks_with": 0}]}
EOF

expect_exit 0 "diff of a file with itself" "$PG" diff "$WORK/old.json" "$WORK/old.json"
if [ ! -s "$WORK/out" ]; then ok; else fail "diff of a file with itself printed something"; fi
cp "$WORK/old.json" "$WORK/copy.json"
expect_exit 0 "diff of a file with its copy" "$PG" diff "$WORK/old.json" "$WORK/copy.json"

cat >"$WORK/want.txt" <<'EOF'
+ node d
+ link a -- d
- node c
- link b -- c
~ node b mentions 3 -> 5
~ link a -- b co_mentions 2 -> 3
~ link a -- b weight 2 -> 3
EOF
expect_exit 1 "diff of changed files" "$PG" diff "$WORK/old.json" "$WORK/new.json"
compare_out "diff of changed files" "$WORK/want.txt"
expect_exit 1 "diff -o" "$PG" diff "$WORK/old.json" "$WORK/new.json" -o "$WORK/d.txt"
if cmp -s "$WORK/d.txt" "$WORK/want.txt"; then ok; else fail "diff -o: file differs"; fi

head -4 "$WORK/want.txt" >"$WORK/want-structure.txt"
expect_exit 1 "diff --structure" "$PG" diff --structure "$WORK/old.json" "$WORK/new.json"
compare_out "diff --structure" "$WORK/want-structure.txt"

expect_exit 1 "diff --format json" "$PG" diff "$WORK/old.json" "$WORK/new.json" --format json
cp "$WORK/out" "$WORK/d.json"
expect_exit 0 "the JSON differences" $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["equal"] is False, d
assert d["nodes_added"] == ["d"], d
assert d["nodes_removed"] == ["c"], d
assert d["links_added"] == [{"source": "a", "target": "d"}], d
assert d["links_removed"] == [{"source": "b", "target": "c"}], d
assert [(c["object"], c.get("id", c.get("source")), c["field"], c["old"], c["new"])
        for c in d["changes"]] == [("node", "b", "mentions", 3, 5),
                                   ("link", "a", "co_mentions", 2, 3),
                                   ("link", "a", "weight", 2.0, 3.0)], d["changes"]
' "$WORK/d.json"
expect_exit 0 "diff --format json of equal files" "$PG" diff --format=json "$WORK/old.json" "$WORK/copy.json"
cp "$WORK/out" "$WORK/e.json"
expect_exit 0 "equal is true" $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["equal"] is True and d["changes"] == [] and d["nodes_added"] == [], d
' "$WORK/e.json"

# figures: compared within the tolerance when both files have them
$PY - "$WORK" <<'EOF'
import json, sys
work = sys.argv[1]
g = json.load(open(work + "/old.json"))
figures = {"degree": 1, "strength": 2.0, "betweenness": 0.0, "closeness": 0.5, "harmonic": 1.0,
           "eigenvector": 0.5, "pagerank": 0.25, "community": 0}
for n in g["nodes"]:
    n.update(figures)
json.dump(g, open(work + "/fig1.json", "w"))
g["nodes"][0]["pagerank"] = 0.250001
json.dump(g, open(work + "/fig2.json", "w"))
EOF
echo "~ node a pagerank 0.25 -> 0.250001" >"$WORK/want-fig.txt"
expect_exit 1 "a figure moved" "$PG" diff "$WORK/fig1.json" "$WORK/fig2.json"
compare_out "a figure moved" "$WORK/want-fig.txt"
expect_exit 0 "a figure moved within --tolerance" "$PG" diff "$WORK/fig1.json" "$WORK/fig2.json" --tolerance 1e-5
expect_exit 0 "figures are ignored by --structure" "$PG" diff "$WORK/fig1.json" "$WORK/fig2.json" --structure

# errors and usage
expect_exit 2 "diff of a missing file" "$PG" diff "$WORK/old.json" "$WORK/missing.json"
expect_stderr "missing.json" "diff of a missing file"
printf '{"nodes": [}' >"$WORK/broken.json"
expect_exit 2 "diff of broken JSON" "$PG" diff "$WORK/broken.json" "$WORK/old.json"
expect_stderr "broken.json:1:" "diff of broken JSON"
expect_exit 2 "diff of one file" "$PG" diff "$WORK/old.json"
expect_exit 2 "diff of three files" "$PG" diff "$WORK/old.json" "$WORK/old.json" "$WORK/old.json"
expect_exit 2 "diff with an unknown flag" "$PG" diff "$WORK/old.json" "$WORK/new.json" --bogus
expect_stderr "unknown option '--bogus'" "diff with an unknown flag"
expect_exit 2 "diff --tolerance -1" "$PG" diff "$WORK/old.json" "$WORK/new.json" --tolerance -1
expect_exit 2 "diff --tolerance x" "$PG" diff "$WORK/old.json" "$WORK/new.json" --tolerance x
expect_exit 2 "diff --format xml" "$PG" diff "$WORK/old.json" "$WORK/new.json" --format xml
expect_exit 0 "diff --help" "$PG" diff --help
if grep -q -- "--tolerance" "$WORK/out"; then ok; else fail "diff --help does not list --tolerance"; fi

# merge: two halves of the articles, built apart and merged, are the whole
articles=(fixtures/articles/*.txt)
n=${#articles[@]}
half=$((n / 2))
if [ "$n" -lt 4 ]; then fail "expected at least 4 fixture articles, found $n"; fi
expect_exit 0 "build all" "$PG" build -q "${articles[@]}" -o "$WORK/all.json"
expect_exit 0 "build the first half" "$PG" build -q "${articles[@]:0:half}" -o "$WORK/h1.json"
expect_exit 0 "build the second half" "$PG" build -q "${articles[@]:half}" -o "$WORK/h2.json"
expect_exit 0 "merge the halves" "$PG" merge "$WORK/h1.json" "$WORK/h2.json" -o "$WORK/merged.json"
expect_exit 0 "merged halves == all (diff)" "$PG" diff "$WORK/all.json" "$WORK/merged.json"
sed 's/^/    /' "$WORK/out" >&2
if cmp -s "$WORK/all.json" "$WORK/merged.json"; then ok; else fail "merged halves and all differ in bytes"; fi
expect_exit 0 "merge in the other order" "$PG" merge "$WORK/h2.json" "$WORK/h1.json" -o "$WORK/merged2.json"
expect_exit 0 "merge order does not matter" "$PG" diff "$WORK/merged.json" "$WORK/merged2.json"
# the halves differ from the whole, so the test above can fail
expect_exit 1 "a half is not the whole" "$PG" diff "$WORK/h1.json" "$WORK/all.json"

# three parts, one a single article; standard output; a diagram
expect_exit 0 "build the first article" "$PG" build -q "${articles[0]}" -o "$WORK/p1.json"
expect_exit 0 "build the rest of the first half" "$PG" build -q "${articles[@]:1:half-1}" -o "$WORK/p2.json"
expect_exit 0 "merge three parts to standard output" "$PG" merge "$WORK/p1.json" "$WORK/p2.json" "$WORK/h2.json"
cp "$WORK/out" "$WORK/merged3.json"
expect_exit 0 "three parts == all" "$PG" diff "$WORK/all.json" "$WORK/merged3.json"
expect_exit 0 "merge to SVG and JSON" "$PG" merge "$WORK/h1.json" "$WORK/h2.json" -o "$WORK/m.svg" -o "$WORK/m.json"
if grep -q "<svg" "$WORK/m.svg"; then ok; else fail "merge -o m.svg wrote no SVG"; fi
expect_exit 0 "merge of one file is the file" "$PG" merge "$WORK/all.json" -o "$WORK/one.json"
expect_exit 0 "merge of one file == the file" "$PG" diff "$WORK/all.json" "$WORK/one.json"

expect_exit 2 "merge of a missing file" "$PG" merge "$WORK/h1.json" "$WORK/missing.json" -o "$WORK/x.json"
expect_stderr "missing.json" "merge of a missing file"
if [ ! -e "$WORK/x.json" ]; then ok; else fail "a failed merge left an output"; fi
expect_exit 2 "merge without files" "$PG" merge -o "$WORK/x.json"
expect_exit 2 "merge with an unknown flag" "$PG" merge "$WORK/h1.json" --bogus
expect_exit 2 "merge to an unknown extension" "$PG" merge "$WORK/h1.json" -o "$WORK/x.txt"
$PY -c '
import json, sys
g = json.load(open(sys.argv[1]))
g["graph"]["weights"]["speaks_with"] = 5.0
json.dump(g, open(sys.argv[2], "w"))
' "$WORK/h2.json" "$WORK/h2w.json"
expect_exit 2 "merge of parts weighted differently" "$PG" merge "$WORK/h1.json" "$WORK/h2w.json"
expect_stderr "weights" "merge of parts weighted differently"
expect_exit 0 "merge --help" "$PG" merge --help

# progress: on a terminal (script(1) gives one) a line per part, then the
# analysis; nothing with -q, nothing when standard error is no terminal
expect_exit 0 "merge with standard error to a file" "$PG" merge "$WORK/h1.json" "$WORK/h2.json" \
    -o "$WORK/quiet.json"
if [ ! -s "$WORK/err" ]; then ok; else fail "merge wrote progress to a file"; fi
if command -v script >/dev/null 2>&1; then
    script -qec "'$PG' merge '$WORK/h1.json' '$WORK/h2.json' -o '$WORK/tty.json'" /dev/null \
        >"$WORK/tty.txt"
    if grep -q "reading part 2 of 2" "$WORK/tty.txt" && grep -q "analysing" "$WORK/tty.txt"; then
        ok
    else
        fail "merge on a terminal shows no progress"; sed 's/^/    /' "$WORK/tty.txt" >&2
    fi
    script -qec "'$PG' merge -q '$WORK/h1.json' '$WORK/h2.json' -o '$WORK/tty.json'" /dev/null \
        >"$WORK/tty.txt"
    if ! grep -q "polgraph" "$WORK/tty.txt"; then ok; else fail "merge -q shows progress"; fi
    script -qec "'$PG' build '${articles[0]}' -o '$WORK/tty.json'" /dev/null >"$WORK/tty.txt"
    if grep -q "articles, .* MB/s" "$WORK/tty.txt"; then ok; else
        fail "build on a terminal shows no progress"; sed 's/^/    /' "$WORK/tty.txt" >&2
    fi
else
    echo "note: script(1) is missing: progress on a terminal is not checked"
fi

# merge --exact and --jobs: a ring of 6,001 actors is too big for exact figures
# by default (nodes times links over 10^7), and on a ring every actor has the
# same betweenness, (k - 1) / (2 (2k - 1)), and closeness, 2 / (k + 1), for
# 2k + 1 actors; estimates from a sample of sources are not all alike.
$PY - "$WORK/ring.json" <<'EOF2'
import json, sys
n = 6001
ids = ["actor-%04d" % i for i in range(n)]
nodes = [{"id": a, "label": "Actor %d" % i, "kind": "person", "mentions": 1, "documents": 1,
          "in_dictionary": False} for i, a in enumerate(ids)]
links = [{"source": ids[i], "target": ids[(i + 1) % n], "weight": 1.0, "co_mentions": 1,
          "speaks_with": 0, "evidence": [], "interactions": []} for i in range(n)]
g = {"directed": False, "multigraph": False, "graph": {"documents": n,
     "weights": {"co_mention": 1.0, "speaks_with": 3.0}}, "nodes": nodes, "links": links}
json.dump(g, open(sys.argv[1], "w"))
EOF2
ring_figures() { # FILE EXACT(0/1): checks graph.approximation and the figures
    $PY - "$1" "$2" <<'EOF2'
import json, sys
g = json.load(open(sys.argv[1]))
exact = sys.argv[2] == "1"
k = (len(g["nodes"]) - 1) // 2
bet = {round(x["betweenness"], 6) for x in g["nodes"]}
clo = {round(x["closeness"], 6) for x in g["nodes"]}
want_bet, want_clo = round((k - 1) / (2 * (2 * k - 1)), 6), round(2 / (k + 1), 6)
if exact:
    assert "approximation" not in g["graph"], g["graph"]
    assert bet == {want_bet} and clo == {want_clo}, (bet, clo, want_bet, want_clo)
else:
    assert "estimated from the shortest paths" in g["graph"]["approximation"], g["graph"]
    assert len(bet) > 1, "estimates all equal"
EOF2
}
expect_exit 0 "merge of a big ring" "$PG" merge "$WORK/ring.json" -o "$WORK/ring-est.json"
if ring_figures "$WORK/ring-est.json" 0; then ok; else
    fail "merge of a big ring is not estimated"
fi
for j in 1 2; do
    expect_exit 0 "merge --exact --jobs $j" "$PG" merge --exact --jobs "$j" "$WORK/ring.json" \
        -o "$WORK/ring-exact$j.json"
done
if ring_figures "$WORK/ring-exact1.json" 1; then ok; else fail "merge --exact: wrong figures"; fi
if cmp -s "$WORK/ring-exact1.json" "$WORK/ring-exact2.json"; then ok; else
    fail "merge --jobs 2 gives other bytes than --jobs 1"
fi
expect_exit 2 "merge --jobs 0" "$PG" merge --jobs 0 "$WORK/ring.json" -o "$WORK/x.json"
expect_stderr "merge: --jobs '0'" "merge --jobs 0 names the option"

finish
