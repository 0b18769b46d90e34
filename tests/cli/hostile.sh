#!/bin/bash
# Hostile and broken input: bad bytes, binary and empty files, huge lines
# and sentences, malformed records and schemas, unknown flags, failures and
# signals that must leave outputs alone, and markup that must come out
# escaped in every format. Every message is one "polgraph: " line.
. "$(dirname "$0")/lib.inc"
cd "$WORK"

# stderr_clean DESCRIPTION: every line of the last standard error is a message
stderr_clean() {
    if grep -qv '^polgraph: ' "$WORK/err"; then
        fail "$1: standard error has lines that are not 'polgraph: ' messages"
        sed 's/^/    /' "$WORK/err" | head -20 >&2
    else ok; fi
}

# check DESCRIPTION PYTHON-CODE ARG...: the Python code exits 0
check() {
    what=$1; code=$2; shift 2
    if $PY -c "$code" "$@" >"$WORK/pyout" 2>&1; then ok; else
        fail "$what"; sed 's/^/    /' "$WORK/pyout" | tail -5 >&2
    fi
}

# seconds since START (a date +%s.%N value)
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# no_temp_files PREFIX DESCRIPTION: nothing named PREFIX.XXXXXX is left
no_temp_files() {
    if ls "$1".?????? >/dev/null 2>&1; then fail "$2: temporary file left: $(ls "$1".??????)"
    else ok; fi
}

NODES='import json, sys; g = json.load(open(sys.argv[1])); ids = {n["id"] for n in g["nodes"]}'

# --- bytes ---------------------------------------------------------------

# invalid UTF-8: a warning naming the article and the byte, the article used
printf 'Angela Merkel met Olaf Scholz in Caf\xe9 Einstein in Berlin.\n' > latin1.txt
expect_exit 0 "invalid UTF-8 article" "$PG" build -q latin1.txt -o latin1.json
expect_stderr "latin1.txt: byte 36: invalid UTF-8" "invalid UTF-8 is reported with its byte"
stderr_clean "invalid UTF-8 article"
check "invalid UTF-8 article gives its actors" "$NODES; assert {'angela-merkel', 'olaf-scholz'} <= ids, ids" latin1.json

# NUL bytes inside a text article and a JSONL record: replaced, never cut short
{ printf 'Angela Merkel met Olaf Scholz in Berlin.\0 The talks were long. '
  printf 'Officials said the meeting went well and that more meetings would follow soon. %.0s' 1 2 3
  printf 'Later\0Merkel called Emmanuel Macron.\n'; } > nul.txt
expect_exit 0 "article with NUL bytes" "$PG" build -q nul.txt -o nul.json
expect_stderr "nul.txt: byte 40:" "NUL bytes are reported with their byte"
stderr_clean "article with NUL bytes"
check "NUL bytes do not cut the article short" "$NODES; assert 'emmanuel-macron' in ids, ids" nul.json
check "no NUL in the graph" 'import sys; assert b"\\u0000" not in open(sys.argv[1], "rb").read()' nul.json
printf '{"id": "n", "text": "Angela Merkel\\u0000 met Olaf Scholz.\\u0000 Then Merkel called Emmanuel Macron."}\n' > nul.jsonl
expect_exit 0 "JSONL text with \\u0000" "$PG" build -q nul.jsonl -o nuljl.json
check "\\u0000 in JSONL does not cut the text" "$NODES; assert 'emmanuel-macron' in ids, ids" nuljl.json

# a binary file among articles is reported and skipped; the others are read
mkdir bin
printf 'Angela Merkel met Olaf Scholz in Berlin.\n' > bin/a.txt
head -c 8192 "$PG" > bin/b.txt
printf 'Joe Biden called Emmanuel Macron on Monday.\n' > bin/c.txt
expect_exit 0 "folder with a binary file" "$PG" build -q bin -o bin.json
expect_stderr "bin/b.txt: binary file, skipped" "the binary file is reported"
stderr_clean "folder with a binary file"
check "the other articles are read" "$NODES; assert {'angela-merkel', 'joe-biden'} <= ids, ids; assert g['graph']['documents'] == 2" bin.json

# empty input: an empty graph, not an error
: > empty.txt
printf ' \n\t\n' > blank.txt
: > empty.jsonl
for f in empty.txt blank.txt; do
    expect_exit 0 "$f" "$PG" build -q "$f" -o "$f.json"
    stderr_clean "$f"
    check "$f gives an empty graph" "$NODES; assert ids == set() and g['links'] == []" "$f.json"
done
expect_exit 2 "an empty JSONL file has no article" "$PG" build -q empty.jsonl -o ej.json
expect_stderr "no article" "an empty JSONL file is reported"
stderr_clean "empty JSONL file"

# --- size ----------------------------------------------------------------

# Actors of our own, so that the counts below do not depend on the built-in dictionary.
cat > two.json <<'EOF'
{"actors": [
  {"id": "angela-merkel", "name": "Angela Merkel", "kind": "person", "aliases": ["Merkel"]},
  {"id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"]}]}
EOF
BOUND=${PG_HOSTILE_SECONDS:-30}

# 50 MB on one line with no sentence end: bounded work (sentences cut at 1000 tokens)
yes 'Merkel and Putin spoke about the weather and the harvest and' | tr '\n' ' ' |
    head -c 50000000 > line.txt
t0=$(date +%s.%N)
expect_exit 0 "50 MB line without a sentence end" timeout "$BOUND" "$PG" build -q line.txt \
    --no-builtin --actors two.json --no-discover -o line.json
echo "50 MB single line: $(elapsed "$t0") s"
check "the 50 MB line links the two" \
    'import json, sys; g = json.load(open(sys.argv[1])); assert len(g["links"]) == 1 and g["links"][0]["co_mentions"] > 1000, g["links"]' line.json

# millions of tiny sentences
yes 'A.' | head -n 2000000 | tr '\n' ' ' > tiny.txt
t0=$(date +%s.%N)
expect_exit 0 "2,000,000 tiny sentences" timeout "$BOUND" "$PG" build -q tiny.txt -o tiny.json
echo "2,000,000 tiny sentences: $(elapsed "$t0") s"

# two names 100,000 times each in one sentence: 200 cuts of 1000 tokens
# hold both, then the final '.' is a sentence by itself
{ yes 'Merkel Putin' | head -n 100000 | tr '\n' ' '; printf '.\n'; } > names.txt
t0=$(date +%s.%N)
expect_exit 0 "a name 200,000 times in one sentence" timeout "$BOUND" "$PG" build -q names.txt \
    --no-builtin --actors two.json --no-discover -o names.json
echo "200,000 names in one sentence: $(elapsed "$t0") s"
check "mentions and co-mentions are counted exactly" '
import json, sys
g = json.load(open(sys.argv[1]))
m = {n["id"]: n["mentions"] for n in g["nodes"]}
assert m == {"angela-merkel": 100000, "vladimir-putin": 100000}, m
assert len(g["links"]) == 1 and g["links"][0]["co_mentions"] == 200, g["links"]
assert len(g["links"][0]["evidence"]) <= 5' names.json

# --- malformed records and schemas ---------------------------------------

cat > mixed.jsonl <<'EOF'
{"id": "a", "text": "Angela Merkel met Olaf Scholz in Berlin."}
{"id": "b", "text": oops}
{"id": "c", "text": "Joe Biden called Emmanuel Macron."}
[1, 2, 3]
{"id": "d", "text": 42}
{"id": "e", "date": "2017-01-28\nX", "text": "Xi Jinping met Joe Biden in Bali."}
EOF
expect_exit 0 "JSONL with bad records" "$PG" build -q mixed.jsonl -o mixed.json
expect_stderr "mixed.jsonl:2:[0-9][0-9]*: " "a syntax error names file:line:col"
expect_stderr "mixed.jsonl:4:" "a record that is not an object names its line"
expect_stderr "mixed.jsonl:5:.*text" "a text that is not a string names its line and field"
expect_stderr "mixed.jsonl:6:.*date.*\\\\nX" "a bad date is quoted on one line"
stderr_clean "JSONL with bad records"
check "the good records are read" "$NODES; assert {'angela-merkel', 'joe-biden', 'xi-jinping'} <= ids, ids; assert g['graph']['documents'] == 3, g['graph']" mixed.json

# dictionaries that are JSON but not dictionaries: exit 2, the field named
printf 'Angela Merkel met Olaf Scholz.\n' > one.txt
bad_dict() {
    printf '%s\n' "$2" > bad.json
    expect_exit 2 "dictionary with a bad $1" "$PG" build -q one.txt --actors bad.json -o bd.json
    expect_stderr "bad.json.*$1" "the message names $1"
    stderr_clean "dictionary with a bad $1"
}
bad_dict 'actors' '{"actors": {"id": "x"}}'
bad_dict 'actors\[0\].name' '{"actors": [{"id": "x"}]}'
bad_dict 'actors\[0\].kind' '{"actors": [{"id": "x", "name": "X", "kind": "robot"}]}'
bad_dict 'actors\[0\].country' '{"actors": [{"id": "x", "name": "X", "country": 7}]}'
bad_dict 'actors\[0\].aliases\[1\]' '{"actors": [{"id": "x", "name": "X", "aliases": ["Y", ""]}]}'
bad_dict 'actors\[0\].roles\[0\].from' '{"actors": [{"id": "x", "name": "X", "roles": [{"title": "T", "from": "2020-13-01"}]}]}'
bad_dict 'actors\[1\].id' '{"actors": [{"id": "x", "name": "X"}, {"id": "x", "name": "Y"}]}'
if [ -f bd.json ]; then fail "a failed build wrote its output"; else ok; fi
# a device as a dictionary is refused at once, not read forever
expect_exit 2 "/dev/zero as a dictionary" timeout 20 "$PG" build -q one.txt --actors /dev/zero -o bd.json
expect_stderr "/dev/zero: byte 0:" "the NUL byte is reported"
expect_exit 2 "/dev/zero as a graph" timeout 20 "$PG" render /dev/zero -o bd.svg
expect_exit 2 "/dev/zero as a graph on standard input" timeout 20 "$PG" export - --to json </dev/zero
expect_stderr "<stdin>:1:1:" "the graph reader stops at the NUL byte"
expect_exit 2 "/dev/zero as an article" timeout 20 "$PG" build -q /dev/zero -o bd.json
expect_stderr "binary file" "/dev/zero is a binary file"
expect_exit 2 "/dev/zero checked as a dictionary" timeout 20 "$PG" actors check /dev/zero
expect_stderr "/dev/zero: byte 0:" "actors check reports the NUL byte"
expect_exit 2 "/dev/zero imported as CAMEO" timeout 20 "$PG" actors import-cameo /dev/zero -o bd.json
expect_stderr "/dev/zero:1:" "import-cameo names the line"

# graph files that are JSON but not graphs: exit 2 from every reader, the field named
expect_exit 0 "a good graph" "$PG" build -q one.txt -o good.json
bad_graph() {
    printf '%s\n' "$2" > badg.json
    for cmd in "render badg.json -o bg.svg" "export badg.json --to graphml" "top badg.json" \
               "merge badg.json good.json -o bg.json" "diff good.json badg.json"; do
        # shellcheck disable=SC2086
        expect_exit 2 "$cmd with a bad $1" "$PG" $cmd
        expect_stderr "badg.json.*$1" "$cmd names $1"
        stderr_clean "$cmd with a bad $1"
    done
}
bad_graph 'nodes' '{"nodes": "none"}'
bad_graph 'nodes\[0\].id' '{"nodes": [{"id": 5}]}'
bad_graph 'nodes\[1\].id' '{"nodes": [{"id": "a"}, {"id": "a"}]}'
bad_graph 'nodes\[0\].mentions' '{"nodes": [{"id": "a", "mentions": -1}]}'
bad_graph 'links\[0\].target' '{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]}'
bad_graph 'links\[0\].weight' '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "weight": "heavy"}]}'
bad_graph 'links\[0\].interactions\[0\].mode' '{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "interactions": [{"mode": "telepathy", "status": "occurred", "doc": "d", "sentence": 0, "start": 0, "end": 1, "text": "t"}]}]}'
bad_graph 'graph.weights.co_mention' '{"graph": {"weights": {"co_mention": -1}}, "nodes": []}'
for f in bg.svg bg.json; do
    if [ -e "$f" ]; then fail "a failed command wrote $f"; else ok; fi
done

# --- the command line ----------------------------------------------------

expect_exit 0 "polgraph --help" "$PG" --help
COMMANDS=$(sed -n '/^commands:/,/^$/s/^  \([a-z-][a-z-]*\) .*/\1/p' "$WORK/out")
if [ -n "$COMMANDS" ]; then ok; else fail "no commands in 'polgraph --help'"; fi
for cmd in $COMMANDS; do
    expect_exit 0 "$cmd --help" "$PG" "$cmd" --help
    if head -1 "$WORK/out" | grep -q "^usage: polgraph $cmd"; then ok; else
        fail "$cmd --help does not start with its usage"; fi
    expect_exit 2 "$cmd with an unknown flag" "$PG" "$cmd" --no-such-flag
    expect_stderr "no-such-flag" "$cmd names the unknown flag"
    stderr_clean "$cmd with an unknown flag"
done
expect_exit 2 "no command" "$PG"
stderr_clean "no command"
expect_exit 2 "an unknown command" "$PG" frobnicate
stderr_clean "an unknown command"
expect_exit 2 "build with no input" "$PG" build
stderr_clean "build with no input"
expect_exit 2 "an unknown output extension" "$PG" build one.txt -o graph.xyz
stderr_clean "an unknown output extension"
expect_exit 2 "a bad --date" "$PG" build one.txt --date 2017-02-30 -o x.json
stderr_clean "a bad --date"
# a file name with a line break and a terminal escape stays on one line
expect_exit 2 "a missing input with control characters in its name" "$PG" build $'no\nsuch\e[2J.txt'
expect_stderr 'no\\nsuch\\x1b\[2J.txt' "control characters in a name are escaped"
stderr_clean "a name with control characters"

# diff: 0 same, 1 different, 2 bad input
printf 'Joe Biden called Emmanuel Macron.\n' > other.txt
expect_exit 0 "another graph" "$PG" build -q other.txt -o other.json
expect_exit 0 "diff of a graph with itself" "$PG" diff good.json good.json
expect_exit 1 "diff of different graphs" "$PG" diff good.json other.json
expect_exit 2 "diff of a missing file" "$PG" diff good.json missing.json
stderr_clean "diff of a missing file"

# actors check: 0 clean, 1 a failed check (warnings), 2 a file that does not load
cat > clean.json <<'EOF'
{"actors": [{"id": "jane-doe", "name": "Jane Doe", "kind": "person", "country": "GBR"}]}
EOF
cat > clash.json <<'EOF'
{"actors": [{"id": "jane-doe", "name": "Jane Doe"}, {"id": "jane-doe-2", "name": "Jane Doe"}]}
EOF
if grep -q '^  actors ' <("$PG" --help); then
    expect_exit 0 "actors check of a clean dictionary" "$PG" actors check clean.json
    expect_exit 1 "actors check of a name two actors share" "$PG" actors check clash.json
    expect_exit 2 "actors check of a dictionary that does not load" "$PG" actors check bad.json
    stderr_clean "actors check of a dictionary that does not load"
fi

# --- failures leave outputs alone ----------------------------------------

echo old > keep.json
expect_exit 2 "build with a missing --actors file" "$PG" build -q one.txt --actors missing.json -o keep.json
stderr_clean "build with a missing --actors file"
if [ "$(cat keep.json)" = old ]; then ok; else fail "a failed build replaced its output"; fi
no_temp_files keep.json "a failed build"

expect_exit 2 "an output in a missing folder" "$PG" build -q one.txt -o "$WORK/first.json" -o "$WORK/nodir/x.svg"
expect_stderr "nodir/x.svg" "the output that cannot be written is named"
stderr_clean "an output in a missing folder"
if [ -e first.json ]; then fail "a failed build wrote its other output"; else ok; fi
no_temp_files "$WORK/first.json" "an output in a missing folder"

touch plainfile
expect_exit 2 "an output under a file" "$PG" build -q one.txt -o keep.json -o plainfile/x.json
if [ "$(cat keep.json)" = old ]; then ok; else fail "a failed build replaced its other output"; fi
no_temp_files keep.json "an output under a file"

if [ "$(id -u)" -ne 0 ]; then
    mkdir ro && echo old > ro/g.json && chmod 555 ro
    expect_exit 2 "an output in a read-only folder" "$PG" build -q one.txt -o ro/g.json
    stderr_clean "an output in a read-only folder"
    if [ "$(cat ro/g.json)" = old ]; then ok; else fail "the read-only output changed"; fi
    no_temp_files ro/g.json "an output in a read-only folder"
    chmod 755 ro
else
    echo "note: running as root, the read-only folder case is not checked"
fi

echo old > keep.svg
expect_exit 2 "render of a bad graph" "$PG" render badg.json -o keep.svg
if [ "$(cat keep.svg)" = old ]; then ok; else fail "a failed render replaced its output"; fi

# SIGINT and SIGTERM during a long build: no temporary file, the old output intact
yes 'Angela Merkel met Vladimir Putin in Berlin on Monday, officials said.' | head -c 60000000 > big.txt
for sig in INT TERM; do
    echo old > sig.json
    echo old > sig.svg
    "$PG" build -q big.txt -o sig.json -o sig.svg 2>"$WORK/err" &
    pid=$!
    sleep 1
    if kill -0 "$pid" 2>/dev/null; then
        kill -"$sig" "$pid"
        wait "$pid"
        got=$?
        want=$((128 + $(kill -l "$sig")))
        if [ "$got" -eq "$want" ]; then ok; else fail "SIG$sig: exit $got, expected $want"; fi
        for f in sig.json sig.svg; do
            if [ "$(cat $f)" = old ]; then ok; else fail "SIG$sig replaced $f"; fi
            no_temp_files "$f" "SIG$sig"
        done
    else
        wait "$pid"
        echo "note: the build finished within a second; SIG$sig not checked"
    fi
done
rm -f big.txt line.txt tiny.txt names.txt

# --- markup and quotes come out escaped in every format -------------------

cat > evil.json <<'EOF'
{"actors": [
  {"id": "steffen-seibert", "name": "Steffen <b>Seibert</b>", "kind": "person", "country": "DEU",
   "aliases": ["Seibert"]},
  {"id": "evil\"<id>&'", "name": "Evil \"Corp\" & <Co> ]]> -->", "kind": "organization",
   "aliases": ["Evilcorp"]}]}
EOF
cat > evil.txt <<'EOF'
Angela Merkel met Seibert in Berlin on Monday. <script>alert(1)</script> Seibert said "Merkel & Evilcorp" agreed ]]> --> <!-- x.

Evilcorp called Merkel on Tuesday & Seibert "was there".
EOF
expect_exit 0 "build with markup in names and text" "$PG" build -q evil.txt --actors evil.json \
    --date 2017-01-28 -o evil.json.out.json -o evil.dot -o evil.svg
stderr_clean "build with markup"
check "JSON keeps names and text exactly" '
import json, sys
g = json.load(open(sys.argv[1]))
labels = {n["id"]: n["label"] for n in g["nodes"]}
assert labels.get("steffen-seibert") == "Steffen <b>Seibert</b>", labels
assert labels.get("evil\"<id>&'"'"'") == "Evil \"Corp\" & <Co> ]]> -->", labels
texts = [e["text"] for l in g["links"] for e in l["evidence"]]
assert any("<script>alert(1)</script>" in t for t in texts), texts' evil.json.out.json
expect_exit 0 "dot accepts the DOT file" dot -Tsvg -o evil-dot.svg evil.dot
check "the DOT keeps the labels" '
import sys
d = open(sys.argv[1]).read()
assert "Seibert" in d and "Evil" in d' evil.dot
XMLCHECK='
import sys, xml.dom.minidom as m
raw = open(sys.argv[1], "rb").read()
assert b"<script" not in raw.lower(), "raw <script in " + sys.argv[1]
assert b"<b>" not in raw, "raw <b> in " + sys.argv[1]
m.parseString(raw)'
check "the SVG is well-formed without raw markup" "$XMLCHECK" evil.svg
check "the SVG from dot is well-formed" "$XMLCHECK" evil-dot.svg
check "the SVG shows the label as text" '
import sys, xml.dom.minidom as m
d = m.parse(sys.argv[1])
text = "".join(t.firstChild.data for t in d.getElementsByTagName("text") if t.firstChild)
assert "Steffen <b>Seibert</b>" in text, text' evil.svg
expect_exit 0 "render the JSON" "$PG" render evil.json.out.json -o evil2.svg -o evil2.dot
check "the rendered SVG is well-formed without raw markup" "$XMLCHECK" evil2.svg
expect_exit 0 "dot accepts the rendered DOT" dot -Tsvg -o /dev/null evil2.dot

if grep -q '^  export ' <("$PG" --help); then
    for fmt in graphml gexf; do
        expect_exit 0 "export $fmt" "$PG" export evil.json.out.json --to $fmt -o "evil.$fmt"
        check "the $fmt is well-formed without raw markup" "$XMLCHECK" "evil.$fmt"
    done
    check "networkx reads the GraphML labels" '
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
labels = {n: d.get("label") for n, d in g.nodes(data=True)}
assert "Steffen <b>Seibert</b>" in labels.values(), labels' evil.graphml
    expect_exit 0 "export csv" "$PG" export evil.json.out.json --to csv -o evilcsv
    check "the CSV files parse with the same columns in every row" '
import csv, sys
for name in ("nodes.csv", "links.csv"):
    rows = list(csv.reader(open(sys.argv[1] + "/" + name, newline="")))
    assert len(rows) > 1, name
    assert all(len(r) == len(rows[0]) for r in rows), name
nodes = list(csv.DictReader(open(sys.argv[1] + "/nodes.csv", newline="")))
assert any("Steffen <b>Seibert</b>" in r.values() for r in nodes), nodes
assert any("Evil \"Corp\" & <Co> ]]> -->" in r.values() for r in nodes), nodes' evilcsv
else
    echo "note: no export command; GraphML, GEXF and CSV not checked"
fi

finish
