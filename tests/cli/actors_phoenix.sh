#!/bin/bash
# polgraph actors import-cameo on the full Phoenix CAMEO dictionaries (skipped
# when the shared data is not there), then a build that uses them.
. "$(dirname "$0")/lib.inc"
cd "$SRC"
DATA="$SRC/../shared/data/cameo"
if [ ! -r "$DATA/Phoenix.Countries.actors.txt" ]; then
    echo "no $DATA: skipped"
    exit 77
fi

now() { date +%s.%N; }
took() { $PY -c "import sys; print('%.2f s' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$(now)"; }

for f in Countries International MilNonState; do
    t=$(now)
    expect_exit 0 "import $f" "$PG" actors import-cameo "$DATA/Phoenix.$f.actors.txt" -o "$WORK/$f.json"
    echo "$f: $(took "$t")"
    grep -v ': warning: ' "$WORK/err" | sed 's/^/    /'
done

t=$(now)
expect_exit 0 "import Countries and International together" "$PG" actors import-cameo \
    "$DATA/Phoenix.Countries.actors.txt" "$DATA/Phoenix.International.actors.txt" -o "$WORK/ci.json"
echo "Countries + International: $(took "$t")"
grep -v ': warning: ' "$WORK/err" | sed 's/^/    /'
expect_exit 0 "the import is as large as the files" $PY - "$WORK/ci.json" <<'PYEOF'
import json, sys
actors = json.load(open(sys.argv[1]))["actors"]
assert 24000 < len(actors) < 26500, len(actors)
d = {a["id"]: a for a in actors}
p = d["vladimir-putin"]
assert p["kind"] == "person" and p["country"] == "RUS"
assert {"title": "RUSGOV", "from": "2008-05-08"} in p["roles"], p["roles"]
assert d["afghanistan"]["kind"] == "country"
PYEOF

t=$(now)
expect_exit 0 "build with the Phoenix dictionaries only" "$PG" build -q --no-builtin \
    --actors "$WORK/ci.json" fixtures/articles -o "$WORK/g.json"
echo "build: $(took "$t")"
expect_exit 0 "Putin is found" $PY - "$WORK/g.json" <<'PYEOF'
import json, sys
nodes = {n["id"]: n for n in json.load(open(sys.argv[1]))["nodes"]}
p = nodes.get("vladimir-putin")
assert p and p["in_dictionary"] and p["kind"] == "person", p
PYEOF

expect_exit 2 "the agents file is refused" "$PG" actors import-cameo "$DATA/Phoenix.agents.txt"
expect_stderr "agents dictionaries are not actor dictionaries" "the agents file is refused"
finish
