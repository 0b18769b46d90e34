#!/usr/bin/env python3
"""Reads polgraph's exports with independent readers and compares them with the graph JSON.

usage: check_exports.py graph.json graph.graphml graph.gexf csv_folder

GraphML through networkx.read_graphml, GEXF through networkx.read_gexf (and
ElementTree for the viz attributes networkx does not read), CSV through the
csv module. Every node, link and attribute must match the JSON (reals within
1e-9); the texts must be the JSON's texts made safe as the exporter promises
(control characters as spaces, evidence summarised, CSV formulas defused).
Exit 0 when all agree.
"""
import csv
import json
import math
import os
import sys
import xml.etree.ElementTree as ET

import networkx as nx

TOL = 1e-9
EVIDENCE_TEXTS = 3
TEXT_MAX = 200  # PG_STYLE_TEXT_MAX
GEXF_SIZE_SCALE = 10.0
MIN_WIDTH, MAX_WIDTH = 0.6, 1.8
MIN_PEN, MAX_PEN = 1.0, 8.0
PALETTE = [0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7, 0x000000]
GREY = 0xD9D9D9
SHAPES = {"person": "disc", "organization": "square", "country": "diamond"}
MODES = ["phone", "meeting", "talks", "unspecified"]
COUNTED = ("occurred", "planned")
FIGURES = [("degree", int), ("strength", float), ("betweenness", float), ("closeness", float),
           ("harmonic", float), ("eigenvector", float), ("pagerank", float), ("community", int)]
NODES_HEADER = ["id", "label", "kind", "country", "in_dictionary", "mentions", "documents"] + [
    name for name, _ in FIGURES]
LINKS_HEADER = ["source", "target", "weight", "co_mentions", "speaks_with"] + MODES + [
    "first_date", "last_date", "evidence"]
GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"

problems = []


def problem(msg):
    problems.append(msg)


def close(got, want):
    return abs(got - want) <= TOL * max(1.0, abs(want))


# ------------------------------------------------------------------ what the exporter promises

def clean(s):
    out = []
    for ch in s:
        c = ord(ch)
        if c < 0x20 or 0x7F <= c <= 0x9F:
            out.append(" ")
        elif c in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def cut(text):
    b = text.encode("utf-8")
    if len(b) <= TEXT_MAX:
        return text
    k = TEXT_MAX - 3
    while k > 0 and (b[k] & 0xC0) == 0x80:
        k -= 1
    return b[:k].rstrip(b" ").decode("utf-8") + "\u2026"


def evidence_summary(link):
    texts = [e["text"] for e in link.get("evidence", []) if e.get("text")]
    return clean(" | ".join(cut(t) for t in texts[:EVIDENCE_TEXTS]))


def interactions_summary(link):
    parts = []
    for it in link.get("interactions", []):
        p = f"{it['mode']}/{it['status']}"
        if it.get("date"):
            p += "/" + it["date"]
        parts.append(p)
    return "; ".join(parts)


def defuse(s):
    return "'" + s if s[:1] in ("=", "+", "-", "@") and s else s


def node_attrs(node, analysed):
    """The typed attributes of a node in GraphML and GEXF; empty strings are absent."""
    d = {"label": clean(node.get("label") or node["id"]), "kind": clean(node["kind"]),
         "in_dictionary": node["in_dictionary"], "mentions": node["mentions"],
         "documents": node["documents"]}
    if node.get("country"):
        d["country"] = clean(node["country"])
    if analysed:
        for name, _ in FIGURES:
            d[name] = node[name]
    return d


def link_attrs(link):
    d = {"weight": float(link["weight"]), "co_mentions": link["co_mentions"],
         "speaks_with": link["speaks_with"]}
    for name, text in (("interactions", interactions_summary(link)),
                       ("evidence", evidence_summary(link))):
        if text:
            d[name] = clean(text)
    return d


def compare(where, got, want):
    if set(got) != set(want):
        problem(f"{where}: attributes {sorted(got)}, expected {sorted(want)}")
    for key in sorted(set(got) & set(want)):
        g, w = got[key], want[key]
        if isinstance(w, bool) or isinstance(g, bool):
            ok = type(g) is bool and g == w
        elif isinstance(w, float):
            ok = type(g) is float and close(g, w)
        elif isinstance(w, int):
            # an integer field must come back as an integer, a real one as a real
            ok = type(g) is int and g == w
        else:
            ok = g == w
        if not ok:
            problem(f"{where}.{key}: {g!r}, expected {w!r}")


def as_float_fields(attrs, floats):
    """JSON writes whole reals as 1.0, which json reads as float already; keep ints as ints."""
    return {k: (float(v) if k in floats else v) for k, v in attrs.items()}


REAL_FIELDS = {"strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "weight"}


# ------------------------------------------------------------------ GraphML

def check_graphml(data, path):
    g = nx.read_graphml(path)
    if g.is_directed() or g.is_multigraph():
        problem("graphml: must be an undirected simple graph")
    info = data["graph"]
    want = {"generator": info["generator"], "documents": info["documents"],
            "co_mention_weight": float(info["weights"]["co_mention"]),
            "speaks_with_weight": float(info["weights"]["speaks_with"])}
    if "approximation" in info:
        want["approximation"] = clean(info["approximation"])
    got = {k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")}
    compare("graphml graph", got, want)
    check_graph(data, "graphml", g, lambda d: d)


def check_graph(data, fmt, g, strip):
    analysed = bool(data["nodes"]) and "pagerank" in data["nodes"][0]
    ids = [n["id"] for n in data["nodes"]]
    if sorted(g.nodes) != sorted(ids):
        problem(f"{fmt}: nodes {sorted(g.nodes)[:5]}..., expected {sorted(ids)[:5]}...")
    for n in data["nodes"]:
        if n["id"] in g:
            compare(f"{fmt} node {n['id']}", strip(dict(g.nodes[n["id"]])),
                    as_float_fields(node_attrs(n, analysed), REAL_FIELDS))
    want_links = {frozenset((l["source"], l["target"])): l for l in data["links"]}
    got_links = {frozenset((u, v)) for u, v in g.edges}
    if got_links != set(want_links) or g.number_of_edges() != len(data["links"]):
        problem(f"{fmt}: {g.number_of_edges()} links, expected {len(data['links'])} "
                f"(missing {len(set(want_links) - got_links)}, extra {len(got_links - set(want_links))})")
    for key, l in want_links.items():
        if key in got_links:
            compare(f"{fmt} link {l['source']}--{l['target']}",
                    strip(dict(g.edges[l["source"], l["target"]])),
                    as_float_fields(link_attrs(l), REAL_FIELDS))


# ------------------------------------------------------------------ GEXF

def expected_style(data):
    analysed = bool(data["nodes"]) and "pagerank" in data["nodes"][0]

    def fig(n):
        v = n.get("pagerank", 0.0)
        return v if v > 0 and math.isfinite(v) else 0.0

    max_pr = max((fig(n) for n in data["nodes"]), default=0.0)
    sized = analysed and max_pr > 0
    style = {}
    for n in data["nodes"]:
        t = min(fig(n) / max_pr, 1.0) if sized else 0.0
        width = math.sqrt(MIN_WIDTH ** 2 + (MAX_WIDTH ** 2 - MIN_WIDTH ** 2) * t)
        c = n.get("community", -1)
        rgb = (PALETTE[c % len(PALETTE)] if c >= 0 else GREY) if analysed else GREY
        style[n["id"]] = (width * GEXF_SIZE_SCALE, (rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255),
                          SHAPES[n["kind"]])
    max_w = max((max(l["weight"], 0.0) for l in data["links"]), default=0.0)
    links = {}
    for l in data["links"]:
        r = min(math.sqrt(max(l["weight"], 0.0) / max_w), 1.0) if max_w > 0 else 0.0
        colour = (51, 51, 51, 0xD9 / 255) if l["speaks_with"] > 0 else (128, 128, 128, 0x99 / 255)
        links[(l["source"], l["target"])] = (MIN_PEN + (MAX_PEN - MIN_PEN) * r, colour)
    return style, links


def check_gexf(data, path):
    g = nx.read_gexf(path)
    if g.is_directed() or g.is_multigraph():
        problem("gexf: must be an undirected simple graph")

    def strip(d):
        d.pop("id", None)  # the edge's own id
        d.pop("viz", None)  # checked below
        return d

    check_graph(data, "gexf", g, strip)

    style, link_style = expected_style(data)
    # networkx reads viz:size and viz:color of nodes; the rest straight from the XML
    for n in data["nodes"]:
        if n["id"] not in g:
            continue
        v = g.nodes[n["id"]].get("viz", {})
        size, rgb, _ = style[n["id"]]
        if not close(v.get("size", -1.0), size):
            problem(f"gexf node {n['id']}: viz size {v.get('size')}, expected {size}")
        c = v.get("color", {})
        if (c.get("r"), c.get("g"), c.get("b")) != rgb:
            problem(f"gexf node {n['id']}: viz colour {c}, expected {rgb}")
    root = ET.parse(path).getroot()
    if root.tag != GEXF + "gexf" or root.get("version") != "1.2":
        problem(f"gexf: root {root.tag} version {root.get('version')}")
    for node in root.iter(GEXF + "node"):
        shape = node.find(VIZ + "shape")
        want = style.get(node.get("id"), (0, 0, "?"))[2]
        if shape is None or shape.get("value") != want:
            problem(f"gexf node {node.get('id')}: viz:shape, expected {want}")
    edges = list(root.iter(GEXF + "edge"))
    ids = [e.get("id") for e in edges]
    if len(set(ids)) != len(ids):
        problem("gexf: edge ids are not unique")
    for e in edges:
        key = (e.get("source"), e.get("target"))
        if key not in link_style:
            problem(f"gexf edge {key}: source and target not as in the JSON")
            continue
        pen, (r, gr, b, a) = link_style[key]
        th, col = e.find(VIZ + "thickness"), e.find(VIZ + "color")
        if th is None or not close(float(th.get("value")), pen):
            problem(f"gexf edge {key}: thickness {None if th is None else th.get('value')}, expected {pen}")
        if col is None or (int(col.get("r")), int(col.get("g")), int(col.get("b"))) != (r, gr, b) \
                or not close(float(col.get("a")), a):
            problem(f"gexf edge {key}: colour {None if col is None else col.attrib}, expected {(r, gr, b, a)}")


# ------------------------------------------------------------------ CSV

def read_csv(path, header):
    with open(path, "rb") as f:
        raw = f.read()
    # RFC 4180: CRLF after every record, no other line break (texts are one line)
    if raw.count(b"\n") != raw.count(b"\r\n") or raw.count(b"\r") != raw.count(b"\r\n") \
            or not raw.endswith(b"\r\n"):
        problem(f"{path}: records must end in CRLF, with no other line break")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    if rows[0] != header:
        problem(f"{path}: header {rows[0]}, expected {header}")
    lines = raw.count(b"\r\n")
    if lines != len(rows):
        problem(f"{path}: {len(rows)} records on {lines} lines")
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def check_cell(where, got, want):
    """want: a string (exact), an int or a float (parsed), or None (empty)."""
    if want is None:
        ok = got == ""
    elif isinstance(want, bool):
        ok = got == ("true" if want else "false")
    elif isinstance(want, int):
        ok = got.lstrip("-").isdigit() and int(got) == want
    elif isinstance(want, float):
        try:
            ok = close(float(got), want)
        except ValueError:
            ok = False
    else:
        ok = got == want
    if not ok:
        problem(f"{where}: {got!r}, expected {want!r}")


def check_csv(data, folder):
    analysed = bool(data["nodes"]) and "pagerank" in data["nodes"][0]
    rows = read_csv(os.path.join(folder, "nodes.csv"), NODES_HEADER)
    if len(rows) != len(data["nodes"]):
        problem(f"nodes.csv: {len(rows)} rows, expected {len(data['nodes'])}")
    for row, n in zip(rows, data["nodes"]):
        want = {"id": defuse(clean(n["id"])), "label": defuse(clean(n.get("label") or n["id"])),
                "kind": defuse(clean(n["kind"])), "country": defuse(clean(n.get("country", ""))),
                "in_dictionary": n["in_dictionary"], "mentions": n["mentions"],
                "documents": n["documents"]}
        for name, typ in FIGURES:
            want[name] = typ(n[name]) if analysed else None
        for k, w in want.items():
            check_cell(f"nodes.csv {n['id']}.{k}", row.get(k), w)
    rows = read_csv(os.path.join(folder, "links.csv"), LINKS_HEADER)
    if len(rows) != len(data["links"]):
        problem(f"links.csv: {len(rows)} rows, expected {len(data['links'])}")
    for row, l in zip(rows, data["links"]):
        counted = [it for it in l.get("interactions", []) if it["status"] in COUNTED]
        dates = sorted(it["date"] for it in counted if it.get("date"))
        want = {"source": defuse(clean(l["source"])), "target": defuse(clean(l["target"])),
                "weight": float(l["weight"]), "co_mentions": l["co_mentions"],
                "speaks_with": l["speaks_with"],
                "first_date": dates[0] if dates else "", "last_date": dates[-1] if dates else "",
                "evidence": defuse(evidence_summary(l))}
        for m in MODES:
            want[m] = sum(1 for it in counted if it["mode"] == m)
        for k, w in want.items():
            check_cell(f"links.csv {l['source']}--{l['target']}.{k}", row.get(k), w)


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    json_path, graphml, gexf, folder = argv[1:]
    with open(json_path, encoding="utf-8") as f:
        data = json.load(f)
    check_graphml(data, graphml)
    check_gexf(data, gexf)
    check_csv(data, folder)
    if problems:
        for p in problems[:40]:
            print(p)
        print(f"check_exports: {len(problems)} difference(s)", file=sys.stderr)
        return 1
    print(f"ok: GraphML, GEXF and CSV agree with {os.path.basename(json_path)}: "
          f"{len(data['nodes'])} nodes, {len(data['links'])} links (networkx {nx.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
