#!/usr/bin/env python3
"""Scores person detection on CoNLL-2003 documents.

For each document NNNN.txt, polgraph builds a graph of that document alone;
the set of distinct surnames of its person nodes is compared with the set of
distinct surnames of the gold PER entities (NNNN.ents.tsv). A surname is the
last token of the name, case-folded, without a possessive 's and without
punctuation. Precision, recall and F1 are micro-averaged over all documents.
With --fold-accents, accents are dropped too, so that a dictionary label
"Alain Juppé" matches the text's "Juppe".

    bench/conll_score.py                       # development documents
    bench/conll_score.py --split train --verbose
    bench/conll_score.py --polgraph build/conll/polgraph --data ../shared/data

Exits 0 with "skipped: data not found" when the data folder is absent, so
anyone can run it.
"""

import argparse
import concurrent.futures
import unicodedata
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


FOLD_ACCENTS = False


def surname(name):
    """The last token, folded, without possessive and punctuation."""
    toks = name.split()
    if not toks:
        return ""
    last = toks[-1].casefold()
    for poss in ("'s", "\u2019s"):
        if last.endswith(poss) and len(last) > len(poss):
            last = last[: -len(poss)]
    if FOLD_ACCENTS:
        last = "".join(c for c in unicodedata.normalize("NFKD", last)
                       if not unicodedata.combining(c))
    return "".join(c for c in last if c.isalnum())


def gold_surnames(tsv):
    out = set()
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 5 and parts[3] == "PER":
                s = surname(parts[4])
                if s:
                    out.add(s)
    return out


def found_surnames(polgraph, txt, workdir):
    split = os.path.basename(os.path.dirname(txt))
    out_json = os.path.join(workdir, split + "-" + os.path.basename(txt) + ".json")
    proc = subprocess.run([polgraph, "build", txt, "-q", "-j", "1", "-o", out_json],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError("%s: polgraph failed: %s" % (txt, proc.stderr.strip()))
    with open(out_json, encoding="utf-8") as f:
        graph = json.load(f)
    os.unlink(out_json)
    out = set()
    for node in graph.get("nodes", []):
        if node.get("kind") == "person":
            s = surname(node.get("label", ""))
            if s:
                out.add(s)
    return out


def score_doc(args):
    polgraph, txt, workdir = args
    gold = gold_surnames(txt[:-4] + ".ents.tsv")
    found = found_surnames(polgraph, txt, workdir)
    return txt, gold, found


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("valid", "train", "both"), default="valid")
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data"),
                    help="folder holding conll2003/ (default ../shared/data)")
    ap.add_argument("--polgraph", default=os.path.join(REPO, "build", "release", "polgraph"))
    ap.add_argument("--jobs", type=int, default=2, help="documents scored at once (default 2)")
    ap.add_argument("--worst", type=int, default=10, help="documents with most errors to list")
    ap.add_argument("--verbose", action="store_true",
                    help="list false positives and false negatives per document")
    ap.add_argument("--fold-accents", action="store_true",
                    help="drop accents from surnames as well")
    a = ap.parse_args()
    global FOLD_ACCENTS
    FOLD_ACCENTS = a.fold_accents

    root = os.path.join(a.data, "conll2003")
    splits = ("valid", "train") if a.split == "both" else (a.split,)
    docs = []
    for sp in splits:
        docs += sorted(glob.glob(os.path.join(root, sp, "[0-9]*.txt")))
    if not docs:
        print("skipped: data not found (%s)" % root)
        return 0
    if not os.access(a.polgraph, os.X_OK):
        print("conll_score: no polgraph binary at %s (use --polgraph)" % a.polgraph,
              file=sys.stderr)
        return 2

    tp = fp = fn = 0
    rows = []
    with tempfile.TemporaryDirectory(prefix="conll_score.") as work:
        jobs = [(a.polgraph, d, work) for d in docs]
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
            for txt, gold, found in pool.map(score_doc, jobs):
                dtp = len(gold & found)
                dfp = sorted(found - gold)
                dfn = sorted(gold - found)
                tp += dtp
                fp += len(dfp)
                fn += len(dfn)
                name = os.path.join(os.path.basename(os.path.dirname(txt)),
                                    os.path.basename(txt))
                rows.append((name, dtp, dfp, dfn))

    if a.verbose:
        for name, dtp, dfp, dfn in rows:
            if dfp or dfn:
                print("%s  tp %d  fp %s  fn %s" % (name, dtp, " ".join(dfp) or "-",
                                                  " ".join(dfn) or "-"))
        print()
    worst = sorted(rows, key=lambda r: (-(len(r[2]) + len(r[3])), r[0]))[: a.worst]
    if worst and a.worst > 0:
        print("documents with most errors:")
        for name, dtp, dfp, dfn in worst:
            print("  %s  fp %d  fn %d" % (name, len(dfp), len(dfn)))
    p, r, f = prf(tp, fp, fn)
    print("conll2003 %s: %d documents, tp %d fp %d fn %d" % ("+".join(splits), len(docs),
                                                             tp, fp, fn))
    print("precision %.3f  recall %.3f  F1 %.3f" % (p, r, f))
    return 0


if __name__ == "__main__":
    sys.exit(main())
