#!/bin/bash
# The polgraph benchmark: stage by stage, the whole build with 1 and 2
# jobs, grep -F and pg_scan (a single pass that tokenises and looks up the
# capitalised runs) on the same input for scale, and the render of a big graph.
#
#   bench/run.sh                          # a generated corpus of 100 MB
#   bench/run.sh --mb 1000                # 1 GB generated
#   bench/run.sh --corpus /data/bbc       # a folder, file or JSON Lines as it is
#   bench/run.sh --corpus /data/bbc --repeat 20   # 20 copies in one JSON Lines file
#   bench/run.sh --dict cameo.json                # also extract with a big dictionary
#
# Options: --build DIR (default build/release; built when missing),
# --work DIR (scratch, default a temporary folder; generated corpora are
# kept there between runs when given), --jobs "1 2" (whole-build runs),
# --rounds N (each whole build, grep and render N times, the median; default 3),
# --actors N (nodes of the render test, default 2000; 0 skips it),
# --seed N (generator and analysis seed), --dict FILE (a JSON dictionary
# added to the built-in one, e.g. 'polgraph actors import-cameo' output).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build/release
WORK=
MB=100
CORPUS=
REPEAT=1
JOBS="1 2"
ACTORS=2000
ROUNDS=3
SEED=1
DICT=

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
    case $1 in
    --build) BUILD=$(cd "$2" && pwd); shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --mb) MB=$2; shift 2 ;;
    --corpus) CORPUS=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --actors) ACTORS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --dict) DICT=$2; shift 2 ;;
    -h | --help) usage 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage 2 ;;
    esac
done

case $ROUNDS in
'' | *[!0-9]* | 0) echo "run.sh: --rounds: expected a whole number from 1, not '$ROUNDS'" >&2; exit 2 ;;
esac

if [ -z "$WORK" ]; then
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/polgraph-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

PG=$BUILD/polgraph
PB=$BUILD/pg_bench
PS=$BUILD/pg_scan
if [ ! -x "$PG" ] || [ ! -x "$PB" ] || [ ! -x "$PS" ]; then
    echo "building polgraph, pg_bench and pg_scan in $BUILD" >&2
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD" -j "$(nproc)" --target polgraph pg_bench pg_scan >/dev/null
fi

# ------------------------------------------------------------------ corpus
if [ -z "$CORPUS" ]; then
    INPUT=$WORK/gen-$MB-$SEED.jsonl
    [ -s "$INPUT" ] || python3 "$ROOT/bench/gen_corpus.py" --mb "$MB" --seed "$SEED" --jsonl "$INPUT"
    NAME="generated corpus, $MB MB (seed $SEED)"
elif [ "$REPEAT" -gt 1 ]; then
    INPUT=$WORK/$(basename "$CORPUS")-x$REPEAT.jsonl
    # every copy keeps its articles' ids with "#k" after them, so documents stay apart
    python3 - "$CORPUS" "$REPEAT" "$INPUT" <<'EOF'
import json, os, sys
src, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
records = []
def add_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        records.append({"id": path, "text": f.read()})
if os.path.isdir(src):
    for d, dirs, files in sorted(os.walk(src)):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith((".txt", ".text", ".md")) and not name.startswith("."):
                add_text(os.path.join(d, name))
elif src.endswith((".jsonl", ".ndjson")):
    with open(src, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
else:
    add_text(src)
with open(out, "w", encoding="utf-8") as f:
    for i in range(k):
        for n, r in enumerate(records):
            r = dict(r, id="%s#%d" % (r.get("id", n), i))
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF
    NAME="$CORPUS x $REPEAT (one JSON Lines file)"
else
    INPUT=$CORPUS
    NAME="$CORPUS"
fi
BYTES=$(du -sbL --apparent-size "$INPUT" | cut -f1)
MBYTES=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "# polgraph benchmark: $NAME, $MBYTES MB"
echo "# $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ------------------------------------------------------------------ stages
echo "## Stages (one thread; pg_bench)"
echo
"$PB" "$INPUT" >"$WORK/stages.tsv" 2>"$WORK/stages.err" || { cat "$WORK/stages.err" >&2; exit 1; }
awk -F'\t' 'NR == 1 { printf "%-20s %9s %9s %11s %9s %9s\n", "stage", "seconds", "MB/s", "articles/s", "RSS MB", "CPU s"; next }
            { printf "%-20s %9.3f %9.1f %11.0f %9.1f %9.3f\n", $1, $2, $3, $4, $5, $6 }' "$WORK/stages.tsv"
sed 's/^pg_bench: /  graph: /' "$WORK/stages.err"
if [ -n "$DICT" ]; then
    # the matcher's cost with a big dictionary: the extract stage again
    "$PB" --actors "$DICT" --until graph "$INPUT" >"$WORK/dict.tsv" 2>"$WORK/stages.err" ||
        { cat "$WORK/stages.err" >&2; exit 1; }
    N_ACTORS=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["actors"]))' "$DICT")
    awk -F'\t' -v n="$N_ACTORS" '$1 == "extract" { printf "%-20s %9.3f %9.1f %11.0f %9.1f %9.3f\n", "extract +" n " actors", $2, $3, $4, $5, $6 }' "$WORK/dict.tsv"
fi
echo

# ------------------------------------------------------------------ whole process
echo "## Whole process: polgraph build INPUT -o out.json"
echo
printf "%-12s %9s %9s %9s\n" "run" "seconds" "MB/s" "RSS MB"
# $1 label, then the command, run $ROUNDS times; prints a row (the median
# time, the largest peak memory) and leaves the seconds in $SECS
timed() {
    local label=$1 r
    shift
    : >"$WORK/times"
    for ((r = 0; r < ROUNDS; r++)); do
        /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/cmd.err" ||
            { cat "$WORK/cmd.err" >&2; exit 1; }
        cat "$WORK/time" >>"$WORK/times"
    done
    read -r SECS KB < <(sort -n "$WORK/times" |
        awk '{ s[NR] = $1; if ($2 > k) k = $2 } END { print s[int((NR + 1) / 2)], k }')
    awk -v l="$label" -v s="$SECS" -v k="$KB" -v b="$RATE_BYTES" \
        'BEGIN { r = b > 0 && s > 0 ? sprintf("%9.1f", b / 1e6 / s) : sprintf("%9s", "-")
                 printf "%-12s %9.2f %s %9.1f\n", l, s, r, k / 1024 }'
}
RATE_BYTES=$BYTES
declare -A BUILD_SECS
for j in $JOBS; do
    timed "jobs $j" "$PG" build -q --jobs "$j" "$INPUT" -o "$WORK/out-$j.json"
    BUILD_SECS[$j]=$SECS
done
for j in $JOBS; do
    cmp -s "$WORK/out-${JOBS%% *}.json" "$WORK/out-$j.json" ||
        echo "warning: --jobs $j wrote other bytes than --jobs ${JOBS%% *}" >&2
done

# grep -F over the dictionary's names, aliases and role descriptions
python3 - "$ROOT/data" "$WORK/patterns.txt" <<'EOF'
import glob, json, os, sys
forms = set()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    with open(path, encoding="utf-8") as f:
        for a in json.load(f)["actors"]:
            forms.add(a["name"])
            forms.update(a.get("aliases", []))
            for r in a.get("roles", []):
                forms.update(r.get("descriptions", []))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("\n".join(sorted(forms)) + "\n")
EOF
GREP_R=
[ -d "$INPUT" ] && GREP_R=-r
# the C locale: grep's fastest, byte by byte; into a pipe, as GNU grep stops at
# the first match when its output is /dev/null
export GREP_R INPUT WORK
timed "grep -F" sh -c 'LC_ALL=C grep $GREP_R -F -o -f "$WORK/patterns.txt" "$INPUT" | wc -l'
echo "grep: $(LC_ALL=C grep $GREP_R -F -o -f "$WORK/patterns.txt" "$INPUT" | wc -l) matches" >"$WORK/grep.count"
GREP_SECS=$SECS
# the targets' yardstick: tokenising and looking up capitalised runs, no more
timed "pg_scan" "$PS" "$WORK/patterns.txt" "$INPUT"
SCAN_SECS=$SECS
echo
echo "grep: $(wc -l <"$WORK/patterns.txt") patterns (names, aliases, role descriptions of data/*.json)"
cat "$WORK/grep.count"
"$PS" "$WORK/patterns.txt" "$INPUT" |
    awk -F'\t' '{ printf "pg_scan: %d words, %d capitalised runs looked up, %d found\n",
                       $2, $3, $4 }'
for j in $JOBS; do
    awk -v j="$j" -v p="${BUILD_SECS[$j]}" -v g="$GREP_SECS" -v s="$SCAN_SECS" \
        'BEGIN { printf "polgraph --jobs %s / grep: %.2f (below 1: polgraph is faster);" \
                        " / pg_scan: %.2f\n", j, (g > 0 ? p / g : 0), (s > 0 ? p / s : 0) }'
done
echo

# ------------------------------------------------------------------ big render
if [ "$ACTORS" -gt 0 ]; then
    echo "## Render of a $ACTORS-actor graph (sfdp, straight links)"
    echo
    WIDE=$WORK/wide-$ACTORS-$SEED.jsonl
    [ -s "$WIDE" ] || python3 "$ROOT/bench/gen_corpus.py" --mb 8 --people $((ACTORS * 2)) \
        --seed "$SEED" --jsonl "$WIDE" 2>/dev/null
    "$PG" build -q "$WIDE" -o "$WORK/wide.json"
    NODES=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$WORK/wide.json")
    [ "$NODES" -ge "$ACTORS" ] || echo "warning: the graph has only $NODES actors" >&2
    printf "%-12s %9s %9s %9s\n" "run" "seconds" "" "RSS MB"
    RATE_BYTES=0
    timed "render" "$PG" render "$WORK/wide.json" --top "$ACTORS" -o "$WORK/wide.svg"
    echo
    echo "$NODES actors in the graph, the $ACTORS ranked highest by PageRank drawn; SVG of" \
        "$(du -k "$WORK/wide.svg" | cut -f1) KB"
fi
