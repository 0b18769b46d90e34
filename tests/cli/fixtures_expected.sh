#!/bin/bash
# Each fixture article against the facts a careful reader wrote down by hand
# (fixtures/expected/*.expected): the actors, the co-mention counts and the
# speaks-with events. Differences are printed; the scores must stay at or
# above the floors below, which record what the extractor reaches today.
. "$(dirname "$0")/lib.inc"
cd "$SRC"

MIN_ACTOR_F1=${MIN_ACTOR_F1:-1.0}
MIN_COMENTION=${MIN_COMENTION:-1.0}
MIN_EVENT_F1=${MIN_EVENT_F1:-0.50}

for article in fixtures/articles/*.txt; do
    slug=$(basename "$article" .txt)
    expected="fixtures/expected/$slug.expected"
    if [ ! -f "$expected" ]; then
        fail "$slug: no expectation in fixtures/expected"
        continue
    fi
    echo "== $slug"
    "$PG" build "$article" -q -o "$WORK/$slug.json" || { fail "$slug: build failed"; continue; }
    if $PY "$SRC/tests/cli/check_expected.py" "$WORK/$slug.json" "$expected" \
        --min-actor-f1 "$MIN_ACTOR_F1" --min-comention "$MIN_COMENTION" \
        --min-event-f1 "$MIN_EVENT_F1"; then ok; else fail "$slug: below the floors"; fi
done
finish
