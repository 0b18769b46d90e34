#!/usr/bin/env python3
"""Scores polgraph's graph of one article against its hand-written expectation.

usage: check_expected.py graph.json article.expected [--min-actor-f1 X]
       [--min-comention X] [--min-event-f1 X] [--quiet]

The expectation (fixtures/expected/README.md) lists the actors, the
speaks-with events (pair, mode, status, initiator, date) and the co-mention
counts a careful reader finds. This prints every difference, the scores, and
exits 1 when a score is below its minimum.
"""
import argparse
import collections
import json
import sys


def read_expected(path):
    exp = {"actors": set(), "absent": set(), "events": collections.Counter(), "comentions": {}}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].split()
            if not line:
                continue
            if line[0] == "actor":
                exp["actors"].add(line[1])
            elif line[0] == "absent":
                exp["absent"].add(line[1])
            elif line[0] == "event":
                exp["events"][tuple(line[1:7])] += 1
            elif line[0] == "comention":
                exp["comentions"][(line[1], line[2])] = int(line[3])
    return exp


def read_graph(path):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    got = {"actors": {n["id"] for n in g["nodes"]}, "events": collections.Counter(), "comentions": {}}
    for link in g["links"]:
        pair = (link["source"], link["target"])
        if link["co_mentions"]:
            got["comentions"][pair] = link["co_mentions"]
        for i in link["interactions"]:
            got["events"][pair + (i["mode"], i["status"], i.get("initiator", "-"), i.get("date", "-"))] += 1
    return got


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("expected")
    ap.add_argument("--min-actor-f1", type=float, default=0.0)
    ap.add_argument("--min-comention", type=float, default=0.0)
    ap.add_argument("--min-event-f1", type=float, default=0.0)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    exp, got = read_expected(a.expected), read_graph(a.graph)
    say = (lambda *x: None) if a.quiet else print

    for x in sorted(exp["actors"] - got["actors"]):
        say(f"  missing actor {x}")
    for x in sorted(got["actors"] - exp["actors"]):
        say(f"  extra actor {x}")
    bad_absent = exp["absent"] & got["actors"]
    for x in sorted(bad_absent):
        say(f"  actor {x} must not appear")
    tp = len(exp["actors"] & got["actors"])
    actor = f1(tp, len(got["actors"] - exp["actors"]), len(exp["actors"] - got["actors"]))

    pairs = set(exp["comentions"]) | set(got["comentions"])
    same = 0
    for p in sorted(pairs):
        e, g = exp["comentions"].get(p, 0), got["comentions"].get(p, 0)
        if e == g:
            same += 1
        else:
            say(f"  co-mentions {p[0]} -- {p[1]}: expected {e}, found {g}")
    comention = same / len(pairs) if pairs else 1.0

    etp = sum((exp["events"] & got["events"]).values())
    for e in sorted((exp["events"] - got["events"]).elements()):
        say("  missing event " + " ".join(e))
    for e in sorted((got["events"] - exp["events"]).elements()):
        say("  extra event " + " ".join(e))
    event = f1(etp, sum((got["events"] - exp["events"]).values()), sum((exp["events"] - got["events"]).values()))

    print(f"actors P {actor[0]:.2f} R {actor[1]:.2f} F1 {actor[2]:.2f}; "
          f"co-mention pairs exact {comention:.2f} ({same}/{len(pairs)}); "
          f"events P {event[0]:.2f} R {event[1]:.2f} F1 {event[2]:.2f}")
    ok = (not bad_absent and actor[2] >= a.min_actor_f1 and comention >= a.min_comention
          and event[2] >= a.min_event_f1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
