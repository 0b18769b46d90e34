#!/bin/bash
# pg_scan, the benchmark's yardstick: its counts on texts counted by hand,
# across the 1 MB chunks it reads in, and its errors.
. "$(dirname "$0")/lib.inc"
SCAN=$(dirname "$PG")/pg_scan
if [ ! -x "$SCAN" ]; then
    echo "note: $SCAN is not built: skipped"
    exit 77
fi
printf 'Angela Merkel\nJoe Biden\nXi Jinping\n' >"$WORK/patterns.txt"

# 8 words; runs from Angela (Angela, Angela Merkel), Merkel, Joe (2), Biden,
# Xi (2), Jinping: 9 look-ups, 3 found
printf 'Angela Merkel met Joe Biden and Xi Jinping.' >"$WORK/one.txt"
expect_exit 0 "one sentence" "$SCAN" "$WORK/patterns.txt" "$WORK/one.txt"
if [ "$(cat "$WORK/out")" = "$(printf '43\t8\t9\t3')" ]; then ok; else
    fail "one sentence: '$(cat "$WORK/out")'"
fi

# "Angela Merkel" across the first chunk's end (its last bytes are "Angela "),
# then 200,000 times "Xi Jinping. " and a last "Joe Biden"
$PY -c '
import sys
sys.stdout.write("a " * 524283 + "bb Angela Merkel met Joe Biden.\n" + "Xi Jinping. " * 200000
                 + "x" * 10 + " Joe Biden")' >"$WORK/big.txt"
# words: 524,283 + 1 + 5 + 400,000 + 1 + 2; look-ups: 6 + 3 * 200,000 + 3
expect_exit 0 "chunks" "$SCAN" "$WORK/patterns.txt" "$WORK/big.txt"
if [ "$(cat "$WORK/out")" = "$(printf '3448618\t924292\t600009\t200003')" ]; then ok; else
    fail "chunks: '$(cat "$WORK/out")'"
fi

# a folder is read whole: the two files again
mkdir "$WORK/dir"
cp "$WORK/one.txt" "$WORK/big.txt" "$WORK/dir/"
expect_exit 0 "a folder" "$SCAN" "$WORK/patterns.txt" "$WORK/dir"
if [ "$(cat "$WORK/out")" = "$(printf '3448661\t924300\t600018\t200006')" ]; then ok; else
    fail "a folder: '$(cat "$WORK/out")'"
fi

expect_exit 2 "a missing input" "$SCAN" "$WORK/patterns.txt" "$WORK/missing.txt"
expect_stderr "missing.txt" "the message names the input"
expect_exit 2 "missing patterns" "$SCAN" "$WORK/nothing.txt" "$WORK/one.txt"
expect_stderr "nothing.txt" "the message names the patterns file"
expect_exit 2 "no input" "$SCAN" "$WORK/patterns.txt"
expect_stderr "usage" "a usage line"
finish
