#!/bin/bash
# polgraph actors: list, check and import-cameo on small dictionaries written
# here and on fixtures/cameo/sample.actors.
. "$(dirname "$0")/lib.inc"
cd "$SRC"
SAMPLE=fixtures/cameo/sample.actors

# --- help and usage
expect_exit 0 "actors --help" "$PG" actors --help
grep -q "import-cameo" "$WORK/out" && ok || fail "actors --help lacks import-cameo"
for sub in list check import-cameo; do
    expect_exit 0 "actors $sub --help" "$PG" actors $sub --help
    grep -q "^usage: polgraph actors $sub" "$WORK/out" && ok || fail "actors $sub --help: no usage line"
done
expect_exit 2 "actors without a subcommand" "$PG" actors
expect_exit 2 "an unknown subcommand" "$PG" actors frobnicate
expect_stderr "not a subcommand" "an unknown subcommand"
grep -q "actors" <("$PG" --help) && ok || fail "polgraph --help does not list actors"

# --- import-cameo
expect_exit 0 "import the sample" "$PG" actors import-cameo "$SAMPLE" -o "$WORK/sample.json"
expect_stderr "sample.actors: 7 records (persons 4, organizations 2, countries 1)" "import summary"
expect_exit 0 "import the sample again, to standard output" "$PG" actors import-cameo -q "$SAMPLE"
cmp -s "$WORK/out" "$WORK/sample.json" && ok || fail "import is not deterministic (file and stdout differ)"
[ ! -s "$WORK/err" ] && ok || fail "-q still writes to standard error"
# what the sample says, read by an independent JSON parser
expect_exit 0 "the imported dictionary is as the sample says" $PY - "$WORK/sample.json" <<'PYEOF'
import json, sys
d = {a["id"]: a for a in json.load(open(sys.argv[1]))["actors"]}
assert sorted(d) == ["angela-merkel", "emmanuel-macron", "germany", "kremlin",
                     "north-atlantic-treaty-organization", "olaf-scholz", "vladimir-putin"], sorted(d)
m = d["angela-merkel"]
assert m["kind"] == "person" and m["country"] == "DEU" and m["name"] == "Angela Merkel"
assert m["aliases"] == ["Merkel", "Chancellor Merkel"]
# 20051122-20211208: the end is exclusive
assert {"title": "DEUGOV", "from": "2005-11-22", "to": "2021-12-07"} in m["roles"], m["roles"]
assert {"title": "DEUELI"} in m["roles"]
# YYMMDD: 000507 is 2000-05-07; ">" includes its day
p = d["vladimir-putin"]["roles"]
assert {"title": "RUSGOV", "from": "2000-05-07", "to": "2008-05-06"} in p, p
assert {"title": "RUSGOV", "from": "2012-05-07"} in p, p
assert {"title": "FRAELI", "to": "2017-05-13"} in d["emmanuel-macron"]["roles"]
assert d["olaf-scholz"]["roles"] == [{"title": "DEUGOV", "from": "2021-12-08"}]
assert d["germany"]["kind"] == "country" and d["germany"]["country"] == "DEU"
assert d["kremlin"]["kind"] == "organization" and d["kremlin"]["country"] == "RUS"
n = d["north-atlantic-treaty-organization"]
assert n["kind"] == "organization" and "country" not in n
PYEOF

# build reads it: Putin, Macron and Scholz are found in the fixture articles
expect_exit 0 "build with the imported dictionary only" "$PG" build -q --no-builtin \
    --actors "$WORK/sample.json" fixtures/articles -o "$WORK/g.json"
expect_exit 0 "the imported actors are in the graph" $PY - "$WORK/g.json" <<'PYEOF'
import json, sys
nodes = {n["id"]: n for n in json.load(open(sys.argv[1]))["nodes"]}
for want in ["vladimir-putin", "emmanuel-macron", "olaf-scholz"]:
    assert want in nodes and nodes[want]["in_dictionary"], want
PYEOF

# problems with file and line; nothing written on failure
printf '# first\n+SYNONYM_BEFORE_A_NAME\n' > "$WORK/bad.actors"
expect_exit 2 "a synonym before any name" "$PG" actors import-cameo "$WORK/bad.actors" -o "$WORK/bad.json"
expect_stderr "bad.actors:2: " "a synonym before any name"
[ ! -e "$WORK/bad.json" ] && ok || fail "a failed import left an output file"
printf 'A_NAME_\n\t[USAGOV 990101-000101\n' > "$WORK/open.actors"
expect_exit 2 "an unterminated [" "$PG" actors import-cameo "$WORK/open.actors"
expect_stderr "open.actors:2: unterminated" "an unterminated ["
printf 'PRESIDENT [~GOV]\n' > "$WORK/agents.actors"
expect_exit 2 "an agents dictionary" "$PG" actors import-cameo "$WORK/agents.actors"
expect_stderr "agents dictionaries are not actor dictionaries" "an agents dictionary"
printf 'A_NAME_\n\t[USAGOV 19990231-20000101]\n\t[USAGOV >20000101]\n' > "$WORK/date.actors"
expect_exit 0 "a bad date is a warning" "$PG" actors import-cameo "$WORK/date.actors" -o "$WORK/date.json"
expect_stderr "date.actors:2: bad date '19990231'" "a bad date is a warning"
expect_exit 2 "a bad date with --strict" "$PG" actors import-cameo --strict "$WORK/date.actors"
expect_stderr "date.actors:2: bad date" "a bad date with --strict"
expect_exit 2 "a missing input" "$PG" actors import-cameo "$WORK/nothing.actors"
expect_exit 2 "no input" "$PG" actors import-cameo

# --- list
expect_exit 0 "list the built-in dictionary" "$PG" actors list
grep -Eq '^angela-merkel +person +DEU +Angela Merkel$' "$WORK/out" && ok || fail "list lacks Merkel"
tail -1 "$WORK/out" | grep -Eq '^[0-9]+ actors \(persons [0-9]+, organizations [0-9]+, countries [0-9]+\)$' \
    && ok || fail "list does not end with the count"
expect_exit 0 "list the sample only" "$PG" actors list --no-builtin --actors "$WORK/sample.json"
[ "$(wc -l < "$WORK/out")" -eq 8 ] && ok || fail "list --no-builtin: expected 7 actors and a count"
tail -1 "$WORK/out" | grep -q '^7 actors (persons 4, organizations 2, countries 1)$' && ok || fail "list count"
grep -Eq '^north-atlantic-treaty-organization +organization +- +North Atlantic Treaty Organization$' \
    "$WORK/out" && ok || fail "list: an actor with no country"
head -1 "$WORK/out" | grep -q '^angela-merkel ' && ok || fail "list is not sorted by id"
expect_exit 2 "list --no-builtin alone" "$PG" actors list --no-builtin

# --- check
expect_exit 0 "check the imported sample" "$PG" actors check "$WORK/sample.json"
grep -q '^7 actors, 0 warnings$' "$WORK/out" && ok || fail "check sample: summary"
"$PG" actors check >"$WORK/out" 2>"$WORK/err"
[ $? -le 1 ] && ok || fail "the built-in dictionary does not load"

cat > "$WORK/broken.json" <<'JSONEOF'
{"actors": [
  {"id": "a-b", "name": "A B", "kind": "person"},
  {"id": "c-d", "name": "C D", "kind": "robot"}
]}
JSONEOF
expect_exit 2 "check a schema error" "$PG" actors check "$WORK/broken.json"
expect_stderr "broken.json:3: actors\[1\].kind" "check a schema error"
printf '{"actors": [\n  {"id": "a-b",\n' > "$WORK/cut.json"
expect_exit 2 "check cut JSON" "$PG" actors check "$WORK/cut.json"
expect_stderr "cut.json:[0-9]*:[0-9]*: " "check cut JSON"

cat > "$WORK/conflict.json" <<'JSONEOF'
{"actors": [
  {"id": "george-bush", "name": "George Bush", "aliases": ["Bush"],
   "roles": [{"title": "President", "from": "1989-01-20", "to": "1993-01-20", "descriptions": ["US President"]}]},
  {"id": "bill-clinton", "name": "Bill Clinton",
   "roles": [{"title": "President", "from": "1993-01-20", "to": "2001-01-20", "descriptions": ["US President"]}]},
  {"id": "george-w-bush", "name": "George W. Bush", "aliases": ["Bush"],
   "roles": [{"title": "President", "from": "2000-01-20", "to": "2009-01-20", "descriptions": ["US president"]}]},
  {"id": "Someone_Else", "name": "Someone Else", "country": "XYZ"}
]}
JSONEOF
expect_exit 1 "check conflicts" "$PG" actors check "$WORK/conflict.json"
grep -q "conflict.json:6: george-w-bush: alias 'Bush' is also a name or alias of 'george-bush'" "$WORK/out" \
    && ok || fail "check: a shared alias"
grep -q "conflict.json:6: george-w-bush: 'US president' (2000-01-20..2009-01-20) is also held by 'bill-clinton'" \
    "$WORK/out" && ok || fail "check: overlapping holders"
grep -q "bill-clinton: 'US President'" "$WORK/out" && fail "check: a hand-over day is not an overlap" || ok
grep -q "conflict.json:8: Someone_Else: id is not a lower-case slug" "$WORK/out" && ok || fail "check: id"
grep -q "conflict.json:8: Someone_Else: country 'XYZ'" "$WORK/out" && ok || fail "check: country"
grep -q '^4 actors, 4 warnings$' "$WORK/out" && ok || fail "check conflicts: summary"
sed 's/^/    /' "$WORK/out"

finish
