#!/usr/bin/env python3
"""Checks a polgraph graph file against networkx, as DESIGN.md defines the figures.

usage: check_networkx.py graph.json
Exit 0 when networkx loads the file and every figure matches within 1e-6.
"""
import json
import sys
from fractions import Fraction

import networkx as nx
from networkx.readwrite import json_graph

TOL = 1e-6


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:
        g = json_graph.node_link_graph(data)
    except KeyError:
        # networkx 3.4 renamed the default key to "edges"; the format keeps "links"
        g = json_graph.node_link_graph(data, edges="links")
    if g.is_directed() or g.is_multigraph():
        return fail("graph must be undirected and simple")
    length = {}
    for u, v, d in g.edges(data=True):
        if d["weight"] <= 0:
            return fail(f"link {u}-{v}: weight {d['weight']}")
        # exact lengths: with floats, 1/3 + 1/3 and 2/3 are not equal and
        # networkx misses tied shortest paths that igraph (epsilon) counts
        length[(u, v)] = 1 / Fraction(d["weight"]).limit_denominator(10**9)
    nx.set_edge_attributes(g, length, "len")

    n = g.number_of_nodes()
    expect = {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": {k: float(x) for k, x in
                        nx.betweenness_centrality(g, weight="len", normalized=True).items()},
        "closeness": {k: float(x) for k, x in nx.closeness_centrality(g, distance="len").items()},
        "harmonic": {k: float(x) for k, x in nx.harmonic_centrality(g, distance="len").items()},
        # networkx stops its power iteration at tol=1e-6 per node by default;
        # a tighter tolerance gives the limit that igraph computes exactly
        "pagerank": nx.pagerank(g, weight="weight", tol=1e-13, max_iter=100000) if n else {},
    }
    eig = {v: 0.0 for v in g}
    if n:
        comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
        big = g.subgraph(comps[0])
        if big.number_of_nodes() > 1:
            ev = nx.eigenvector_centrality_numpy(big, weight="weight")
            top = max(abs(x) for x in ev.values())
            eig.update({v: abs(x) / top for v, x in ev.items()})
        else:
            eig.update({v: 1.0 for v in big})
    expect["eigenvector"] = eig

    bad = 0
    for node in data["nodes"]:
        for field, values in expect.items():
            got, want = node[field], values[node["id"]]
            if abs(got - want) > TOL * max(1.0, abs(want)):
                print(f"{node['id']}.{field}: polgraph {got!r}, networkx {want!r}")
                bad += 1
    # communities: a partition numbered 0.. in node order
    seen = []
    for node in data["nodes"]:
        c = node["community"]
        if c not in seen:
            if c != len(seen):
                print(f"{node['id']}.community: {c} breaks the numbering in node order")
                bad += 1
            seen.append(c)
    if bad:
        return fail(f"{bad} figure(s) differ")
    print(f"ok: {n} nodes, {g.number_of_edges()} links match networkx {nx.__version__}")
    return 0


def fail(msg):
    print("check_networkx: " + msg, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
