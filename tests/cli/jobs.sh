#!/bin/bash
# polgraph build --jobs: the same bytes whatever the number of threads,
# warnings in input order, and shards merged equal one build.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

# the fixture articles, and the same as JSON Lines with two bad records,
# then a Latin-1 file and a missing one, so that warnings have an order to keep
ARTICLES=(fixtures/articles/*.txt)
$PY - "$WORK/mixed.jsonl" "${ARTICLES[@]}" <<'EOF'
import json, sys
out = open(sys.argv[1], "wb")
for i, path in enumerate(sys.argv[2:]):
    text = open(path, encoding="utf-8").read()
    out.write((json.dumps({"id": "a%d" % i, "text": text}) + "\n").encode())
    if i == 2:
        out.write(b'{"id": "broken", "text": \n')
    if i == 5:
        out.write(b'{"id": "latin1", "text": "caf\xe9 in Paris"}\n')
EOF
printf 'Talks in Paris\n\nAngela Merkel met Emmanuel Macron at a caf\xe9 on Monday.\n' >"$WORK/latin1.txt"
MIXED=("$WORK/mixed.jsonl" "$WORK/latin1.txt" "$WORK/missing.txt")

for j in 1 2 4 8; do
    expect_exit 0 "build --jobs $j" "$PG" build --jobs "$j" -q fixtures/articles -o "$WORK/dir$j.json"
    expect_exit 0 "build JSON Lines --jobs $j" "$PG" build -j "$j" -q "${MIXED[@]}" \
        -o "$WORK/mixed$j.json"
    cp "$WORK/err" "$WORK/warn$j.txt"
done
for j in 2 4 8; do
    if cmp -s "$WORK/dir1.json" "$WORK/dir$j.json"; then ok; else fail "--jobs $j gives other bytes"; fi
    if cmp -s "$WORK/mixed1.json" "$WORK/mixed$j.json"; then ok; else
        fail "--jobs $j gives other bytes for JSON Lines"
    fi
    if cmp -s "$WORK/warn1.txt" "$WORK/warn$j.txt"; then ok; else
        fail "--jobs $j gives the warnings in another order"; diff "$WORK/warn1.txt" "$WORK/warn$j.txt" >&2
    fi
done
# every warning, in the order of the input
line_of() { grep -n -- "$1" "$WORK/warn1.txt" | head -1 | cut -d: -f1; }
a=$(line_of "mixed.jsonl:4:"); b=$(line_of "mixed.jsonl:8:")
c=$(line_of "latin1.txt: byte"); d=$(line_of "missing.txt: cannot open")
if [ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ] && [ "$a" -lt "$b" ] &&
    [ "$b" -lt "$c" ] && [ "$c" -lt "$d" ]; then ok; else
    fail "warnings missing or out of order"; cat "$WORK/warn1.txt" >&2
fi
# many articles, so that they travel in several batches, with warnings
# between them: the same bytes, and the warnings in the order of the input
$PY - "$WORK/many.jsonl" "${ARTICLES[@]}" <<'EOF'
import json, sys
texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
out = open(sys.argv[1], "wb")
for i in range(700):
    if i in (64, 65, 200, 511):
        out.write(b'{"id": "broken-%d", "text": \n' % i)
    elif i in (5, 130, 399, 640):
        out.write(b'{"id": "bad-%d", "text": "Angela Merkel met \xff Emmanuel Macron."}\n' % i)
    else:
        text = texts[i % len(texts)][: 300 + 40 * (i % 50)]
        out.write((json.dumps({"id": "m%d" % i, "text": text}) + "\n").encode())
EOF
for j in 1 2 4 8; do
    expect_exit 0 "many articles, --jobs $j" "$PG" build -j "$j" -q "$WORK/many.jsonl" \
        -o "$WORK/many$j.json"
    cp "$WORK/err" "$WORK/manywarn$j.txt"
done
for j in 2 4 8; do
    if cmp -s "$WORK/many1.json" "$WORK/many$j.json"; then ok; else
        fail "--jobs $j gives other bytes for many articles"
    fi
    if cmp -s "$WORK/manywarn1.txt" "$WORK/manywarn$j.txt"; then ok; else
        fail "--jobs $j gives the warnings of many articles in another order"
        diff "$WORK/manywarn1.txt" "$WORK/manywarn$j.txt" >&2
    fi
done
# record N (line N + 1) is broken or not UTF-8 for 8 of them: warned in input order
order=$(grep -o 'many.jsonl:[0-9]*:' "$WORK/manywarn1.txt" | tr '\n' ' ')
want="many.jsonl:6: many.jsonl:65: many.jsonl:66: many.jsonl:131: many.jsonl:201: many.jsonl:400: "
want="${want}many.jsonl:512: many.jsonl:641: "
if [ "$order" = "$want" ]; then ok; else fail "warnings of many articles: '$order', want '$want'"; fi
docs=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["graph"]["documents"])' \
    "$WORK/many1.json")
if [ "$docs" = 692 ]; then ok; else fail "many articles: $docs documents, want 692"; fi

# headlines by the thousand (batches full by count, not by bytes) and a few
# articles over 64 KB (freed as soon as they are extracted, not with their batch)
$PY - "$WORK/sizes.jsonl" <<'EOF'
import json, sys
out = open(sys.argv[1], "wb")
pairs = ["Angela Merkel met Emmanuel Macron.", "Joe Biden called Xi Jinping.",
         "Vladimir Putin spoke with Recep Tayyip Erdogan."]
for i in range(3000):
    if i == 2000:
        out.write(b'{"id": "bad", "text": "Angela Merkel \xff met Joe Biden."}\n')
        continue
    text = " ".join(pairs) * 1200 if i in (1500, 2999) else pairs[i % 3]  # 1200: 140 KB
    out.write((json.dumps({"id": "s%d" % i, "text": text}) + "\n").encode())
EOF
for j in 1 2 3; do
    expect_exit 0 "headlines and big articles, --jobs $j" "$PG" build -j "$j" -q \
        "$WORK/sizes.jsonl" -o "$WORK/sizes$j.json"
    cp "$WORK/err" "$WORK/sizeswarn$j.txt"
done
for j in 2 3; do
    if cmp -s "$WORK/sizes1.json" "$WORK/sizes$j.json" &&
        cmp -s "$WORK/sizeswarn1.txt" "$WORK/sizeswarn$j.txt"; then ok; else
        fail "--jobs $j gives other bytes or warnings for headlines and big articles"
    fi
done
docs=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["graph"]["documents"])' \
    "$WORK/sizes1.json")
# record 2001 is not JSON (a byte that is not UTF-8): skipped, and told
if [ "$docs" = 2999 ]; then ok; else fail "headlines, big articles: $docs documents, not 2999"; fi
if grep -q 'sizes.jsonl:2001:' "$WORK/sizeswarn1.txt"; then ok; else
    fail "headlines: record 2001 is skipped without a word"; cat "$WORK/sizeswarn1.txt" >&2
fi

# a folder of many files, three with bytes that are not UTF-8: repaired,
# and their warnings in the order of the files, whatever the threads
mkdir -p "$WORK/manydir"
for i in $(seq -w 0 199); do
    cp "${ARTICLES[$((10#$i % ${#ARTICLES[@]}))]}" "$WORK/manydir/f$i.txt"
done
for i in 003 070 150; do printf 'Vladimir Putin met Xi Jinping in \xff Moscow.\n' >>"$WORK/manydir/f$i.txt"; done
for j in 1 2 4; do
    expect_exit 0 "many files, --jobs $j" "$PG" build -j "$j" -q "$WORK/manydir" -o "$WORK/manydir$j.json"
    grep -o 'f[0-9]*\.txt: byte' "$WORK/err" | tr '\n' ' ' >"$WORK/manydirwarn$j.txt"
done
want="f003.txt: byte f070.txt: byte f150.txt: byte "
if [ "$(cat "$WORK/manydirwarn1.txt")" = "$want" ]; then ok; else
    fail "repair warnings of many files: '$(cat "$WORK/manydirwarn1.txt")', want '$want'"
fi
for j in 2 4; do
    if cmp -s "$WORK/manydir1.json" "$WORK/manydir$j.json" &&
        cmp -s "$WORK/manydirwarn1.txt" "$WORK/manydirwarn$j.txt"; then ok; else
        fail "--jobs $j gives other bytes or warnings for many files"
    fi
done

# the default (one thread per core) agrees too
expect_exit 0 "build with the default jobs" "$PG" build -q fixtures/articles -o "$WORK/dirdef.json"
if cmp -s "$WORK/dir1.json" "$WORK/dirdef.json"; then ok; else fail "the default jobs give other bytes"; fi

expect_exit 2 "--jobs 0 is refused" "$PG" build --jobs 0 fixtures/articles -o "$WORK/x.json"
expect_stderr "jobs" "the message names --jobs"
expect_exit 2 "--jobs abc is refused" "$PG" build --jobs abc fixtures/articles -o "$WORK/x.json"

# three shards (the same paths, so the same document ids) merged = one build
if "$PG" merge --help >/dev/null 2>&1 && "$PG" diff --help >/dev/null 2>&1; then
    n=${#ARTICLES[@]}
    s1=$(( (n + 2) / 3 )); s2=$(( 2 * (n + 2) / 3 ))
    expect_exit 0 "shard 1" "$PG" build -q -j 2 "${ARTICLES[@]:0:s1}" -o "$WORK/part-1.json"
    expect_exit 0 "shard 2" "$PG" build -q -j 2 "${ARTICLES[@]:s1:s2-s1}" -o "$WORK/part-2.json"
    expect_exit 0 "shard 3" "$PG" build -q -j 2 "${ARTICLES[@]:s2}" -o "$WORK/part-3.json"
    expect_exit 0 "one build of all" "$PG" build -q -j 3 "${ARTICLES[@]}" -o "$WORK/whole.json"
    expect_exit 0 "merge the shards" "$PG" merge "$WORK"/part-*.json -o "$WORK/merged.json"
    expect_exit 0 "merged shards equal one build" "$PG" diff "$WORK/whole.json" "$WORK/merged.json"
    [ "$FAILED" -eq 0 ] || cat "$WORK/out" >&2
else
    echo "note: polgraph merge or diff is missing: the shard check is skipped"
fi
finish
