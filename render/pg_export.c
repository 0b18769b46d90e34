#include "pg_export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_style.h"

/* ------------------------------------------------------------------ text */

/* Length of the UTF-8 character at s and its code point; 0 when the bytes are not UTF-8. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
    size_t k;
    unsigned long c;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        k = 2;
        c = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        k = 3;
        c = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        k = 4;
        c = s[0] & 0x07;
    } else {
        return 0;
    }
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return k;
}

/* C0, DEL and C1: line breaks and tabs included, so every value is one line. */
static int is_control(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* U+FFFE and U+FFFF are not XML characters (surrogates never decode). */
static int is_nonchar(unsigned long cp)
{
    return cp == 0xFFFE || cp == 0xFFFF;
}

static const char *xml_entity(unsigned long cp)
{
    switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    default: return NULL;
    }
}

/*
 * Appends s[0..n) with control characters as spaces, other bytes that are
 * not UTF-8 or not XML characters as U+FFFD and, for xml, the markup
 * characters as entities (safe in text and in attribute values alike).
 */
static void put_clean(pg_sbuf *b, const char *s, size_t n, int xml)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    size_t i = 0;
    while (i < n) {
        unsigned long cp = 0;
        size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k == 0) {
            pg_sbuf_puts(b, replacement);
            k = 1;
        } else if (is_control(cp)) {
            pg_sbuf_puts(b, " ");
        } else if (is_nonchar(cp)) {
            pg_sbuf_puts(b, replacement);
        } else if (xml && xml_entity(cp)) {
            pg_sbuf_puts(b, xml_entity(cp));
        } else {
            pg_sbuf_put(b, s + i, k);
        }
        i += k;
    }
}

static void put_xml(pg_sbuf *b, const char *s)
{
    put_clean(b, s, strlen(s), 1);
}

/* An id that put_xml would change (other than by entities) cannot be kept exactly. */
static int xml_keeps(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned long cp = 0;
        size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (k == 0 || is_control(cp) || is_nonchar(cp))
            return 0;
        i += k;
    }
    return 1;
}

static int check_xml_ids(const pg_graph *g, pg_error *err)
{
    for (size_t i = 0; i < g->n_nodes; i++)
        if (!xml_keeps(g->nodes[i].id))
            return pg_error_set(err, PG_EINPUT,
                                "nodes[%zu].id: control characters or bytes that are not "
                                "UTF-8 cannot be written in XML",
                                i);
    return PG_OK;
}

/*
 * RFC 4180 field: quoted when it holds a comma or a quote (line breaks are
 * spaces by now), and a leading ' when a spreadsheet would take it for a
 * formula.
 */
static void put_csv(pg_sbuf *b, const char *s)
{
    pg_sbuf t = {0};
    put_clean(&t, s, strlen(s), 0);
    if (t.failed) {
        b->failed = 1;
        return;
    }
    const char *c = t.data ? t.data : "";
    int quote = strpbrk(c, ",\"") != NULL;
    if (quote)
        pg_sbuf_puts(b, "\"");
    if (c[0] && strchr("=+-@", c[0]))
        pg_sbuf_puts(b, "'");
    for (const char *p = c; *p; p++) {
        if (*p == '"')
            pg_sbuf_puts(b, "\"\"");
        else
            pg_sbuf_put(b, p, 1);
    }
    if (quote)
        pg_sbuf_puts(b, "\"");
    pg_sbuf_release(&t);
}

/* ------------------------------------------------------------------ numbers */

/* The precision of the graph JSON, so that both read back as the same doubles. */
static void put_real(pg_sbuf *b, double x)
{
    if (isnan(x) || x == 0.0)
        pg_sbuf_puts(b, "0"); /* also -0.0 */
    else if (isinf(x))
        pg_sbuf_puts(b, x > 0 ? "INF" : "-INF"); /* the XML Schema spelling */
    else
        pg_sbuf_printf(b, "%.10g", x);
}

/* ------------------------------------------------------------------ link texts */

static void put_cut(pg_sbuf *b, const char *s, size_t max)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    size_t n = strlen(s);
    if (n <= max) {
        pg_sbuf_put(b, s, n);
        return;
    }
    size_t cut = pg_utf8_prefix(s, n, max - (sizeof ellipsis - 1));
    while (cut > 0 && s[cut - 1] == ' ')
        cut--;
    pg_sbuf_put(b, s, cut);
    pg_sbuf_puts(b, ellipsis);
}

static void link_evidence(pg_sbuf *b, const pg_link *l)
{
    size_t used = 0;
    for (size_t k = 0; k < l->n_evidence && used < PG_EXPORT_EVIDENCE_TEXTS; k++) {
        const char *t = l->evidence[k].text;
        if (!t || !*t)
            continue;
        if (used++ > 0)
            pg_sbuf_puts(b, " | ");
        put_cut(b, t, PG_STYLE_TEXT_MAX);
    }
}

static void link_interactions(pg_sbuf *b, const pg_link *l)
{
    for (size_t k = 0; k < l->n_interactions; k++) {
        const pg_interaction *it = &l->interactions[k];
        pg_sbuf_printf(b, "%s%s/%s", k ? "; " : "", pg_mode_name(it->mode),
                       pg_status_name(it->status));
        if (it->date != PG_DAY_NONE) {
            char day[11];
            pg_day_format(it->date, day);
            pg_sbuf_printf(b, "/%s", day);
        }
    }
}

/* Interactions that add weight, as in 'speaks_with'. */
static int counted(const pg_interaction *it)
{
    return it->status == PG_STATUS_OCCURRED || it->status == PG_STATUS_PLANNED;
}

/* ------------------------------------------------------------------ fields */

typedef enum vtype { V_STRING, V_BOOL, V_LONG, V_DOUBLE } vtype;

static const char *const vtype_names[] = {"string", "boolean", "long", "double"};

#define IN_XML 1u /* GraphML and GEXF */
#define IN_CSV 2u
#define FIGURE 4u /* written only when the graph is analysed */

typedef struct field {
    const char *name;
    vtype type;
    unsigned flags;
} field;

/* A field's value; absent for an empty string, a missing date or figure. */
typedef struct value {
    int present;
    long n; /* V_BOOL, V_LONG */
    double x;
    const char *s;
    char day[11];
} value;

enum {
    NF_LABEL, NF_KIND, NF_COUNTRY, NF_IN_DICTIONARY, NF_MENTIONS, NF_DOCUMENTS,
    NF_DEGREE, NF_STRENGTH, NF_BETWEENNESS, NF_CLOSENESS, NF_HARMONIC,
    NF_EIGENVECTOR, NF_PAGERANK, NF_COMMUNITY, NF_COUNT
};

/* In the column order of nodes.csv, after the id. */
static const field node_fields[NF_COUNT] = {
    [NF_LABEL] = {"label", V_STRING, IN_XML | IN_CSV},
    [NF_KIND] = {"kind", V_STRING, IN_XML | IN_CSV},
    [NF_COUNTRY] = {"country", V_STRING, IN_XML | IN_CSV},
    [NF_IN_DICTIONARY] = {"in_dictionary", V_BOOL, IN_XML | IN_CSV},
    [NF_MENTIONS] = {"mentions", V_LONG, IN_XML | IN_CSV},
    [NF_DOCUMENTS] = {"documents", V_LONG, IN_XML | IN_CSV},
    [NF_DEGREE] = {"degree", V_LONG, IN_XML | IN_CSV | FIGURE},
    [NF_STRENGTH] = {"strength", V_DOUBLE, IN_XML | IN_CSV | FIGURE},
    [NF_BETWEENNESS] = {"betweenness", V_DOUBLE, IN_XML | IN_CSV | FIGURE},
    [NF_CLOSENESS] = {"closeness", V_DOUBLE, IN_XML | IN_CSV | FIGURE},
    [NF_HARMONIC] = {"harmonic", V_DOUBLE, IN_XML | IN_CSV | FIGURE},
    [NF_EIGENVECTOR] = {"eigenvector", V_DOUBLE, IN_XML | IN_CSV | FIGURE},
    [NF_PAGERANK] = {"pagerank", V_DOUBLE, IN_XML | IN_CSV | FIGURE},
    [NF_COMMUNITY] = {"community", V_LONG, IN_XML | IN_CSV | FIGURE},
};

enum {
    LF_WEIGHT, LF_CO_MENTIONS, LF_SPEAKS_WITH, LF_INTERACTIONS, LF_PHONE, LF_MEETING,
    LF_TALKS, LF_UNSPECIFIED, LF_FIRST_DATE, LF_LAST_DATE, LF_EVIDENCE, LF_COUNT
};

/* In the column order of links.csv, after source and target. */
static const field link_fields[LF_COUNT] = {
    [LF_WEIGHT] = {"weight", V_DOUBLE, IN_XML | IN_CSV},
    [LF_CO_MENTIONS] = {"co_mentions", V_LONG, IN_XML | IN_CSV},
    [LF_SPEAKS_WITH] = {"speaks_with", V_LONG, IN_XML | IN_CSV},
    [LF_INTERACTIONS] = {"interactions", V_STRING, IN_XML},
    [LF_PHONE] = {"phone", V_LONG, IN_CSV},
    [LF_MEETING] = {"meeting", V_LONG, IN_CSV},
    [LF_TALKS] = {"talks", V_LONG, IN_CSV},
    [LF_UNSPECIFIED] = {"unspecified", V_LONG, IN_CSV},
    [LF_FIRST_DATE] = {"first_date", V_STRING, IN_CSV},
    [LF_LAST_DATE] = {"last_date", V_STRING, IN_CSV},
    [LF_EVIDENCE] = {"evidence", V_STRING, IN_XML | IN_CSV},
};

static void node_value(const pg_graph *g, size_t i, int f, value *out)
{
    const pg_node *n = &g->nodes[i];
    const pg_figures *fig = &n->fig;
    value v;
    memset(&v, 0, sizeof v);
    v.present = g->analysed || !(node_fields[f].flags & FIGURE);
    switch (f) {
    case NF_LABEL: v.s = n->label && n->label[0] ? n->label : n->id; break;
    case NF_KIND: v.s = pg_kind_name(n->kind); break;
    case NF_COUNTRY: v.s = n->country; break;
    case NF_IN_DICTIONARY: v.n = n->in_dictionary != 0; break;
    case NF_MENTIONS: v.n = n->mentions; break;
    case NF_DOCUMENTS: v.n = n->documents; break;
    case NF_DEGREE: v.n = fig->degree; break;
    case NF_STRENGTH: v.x = fig->strength; break;
    case NF_BETWEENNESS: v.x = fig->betweenness; break;
    case NF_CLOSENESS: v.x = fig->closeness; break;
    case NF_HARMONIC: v.x = fig->harmonic; break;
    case NF_EIGENVECTOR: v.x = fig->eigenvector; break;
    case NF_PAGERANK: v.x = fig->pagerank; break;
    case NF_COMMUNITY: v.n = fig->community; break;
    }
    if (node_fields[f].type == V_STRING && (!v.s || !v.s[0]))
        v.present = 0;
    *out = v;
}

/* Texts are built in 'scratch' or v->day, which v->s then points into. */
static void link_value(const pg_graph *g, size_t i, int f, pg_sbuf *scratch, value *v)
{
    static const pg_mode modes[] = {PG_MODE_PHONE, PG_MODE_MEETING, PG_MODE_TALKS,
                                    PG_MODE_UNSPECIFIED};
    const pg_link *l = &g->links[i];
    memset(v, 0, sizeof *v);
    v->present = 1;
    scratch->len = 0;
    if (scratch->data)
        scratch->data[0] = '\0';
    switch (f) {
    case LF_WEIGHT: v->x = l->weight; break;
    case LF_CO_MENTIONS: v->n = l->co_mentions; break;
    case LF_SPEAKS_WITH: v->n = l->speaks_with; break;
    case LF_INTERACTIONS:
        link_interactions(scratch, l);
        v->s = scratch->data;
        break;
    case LF_PHONE:
    case LF_MEETING:
    case LF_TALKS:
    case LF_UNSPECIFIED:
        for (size_t k = 0; k < l->n_interactions; k++)
            v->n += counted(&l->interactions[k]) && l->interactions[k].mode == modes[f - LF_PHONE];
        break;
    case LF_FIRST_DATE:
    case LF_LAST_DATE: {
        pg_day best = PG_DAY_NONE;
        for (size_t k = 0; k < l->n_interactions; k++) {
            const pg_interaction *it = &l->interactions[k];
            if (!counted(it) || it->date == PG_DAY_NONE)
                continue;
            if (best == PG_DAY_NONE || (f == LF_FIRST_DATE ? it->date < best : it->date > best))
                best = it->date;
        }
        pg_day_format(best, v->day);
        v->s = v->day;
        break;
    }
    case LF_EVIDENCE:
        link_evidence(scratch, l);
        v->s = scratch->data;
        break;
    }
    if (link_fields[f].type == V_STRING && (!v->s || !v->s[0]))
        v->present = 0;
}

/* Numbers and booleans; strings are escaped by the caller's format. */
static void put_scalar(pg_sbuf *b, vtype type, const value *v)
{
    switch (type) {
    case V_BOOL: pg_sbuf_puts(b, v->n ? "true" : "false"); break;
    case V_LONG: pg_sbuf_printf(b, "%ld", v->n); break;
    case V_DOUBLE: put_real(b, v->x); break;
    case V_STRING: break;
    }
}

static void put_value_xml(pg_sbuf *b, vtype type, const value *v)
{
    if (type == V_STRING)
        put_xml(b, v->s);
    else
        put_scalar(b, type, v);
}

static void put_value_csv(pg_sbuf *b, vtype type, const value *v)
{
    if (!v->present)
        return;
    if (type == V_STRING)
        put_csv(b, v->s);
    else
        put_scalar(b, type, v);
}

static int finish(pg_sbuf *b, char **out, size_t *len, pg_error *err)
{
    if (b->failed || !b->data) {
        pg_sbuf_release(b);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    *out = b->data;
    *len = b->len;
    return PG_OK;
}

/* ------------------------------------------------------------------ GraphML */

static void graphml_key(pg_sbuf *b, const char *prefix, const char *domain, const char *name,
                        vtype type)
{
    pg_sbuf_printf(b, "  <key id=\"%s%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                   prefix, name, domain, name, vtype_names[type]);
}

int pg_export_graphml(const pg_graph *g, char **out, size_t *len, pg_error *err)
{
    pg_sbuf b = {0}, scratch = {0};
    int rc;
    *out = NULL;
    *len = 0;
    if ((rc = check_xml_ids(g, err)) != PG_OK)
        return rc;

    pg_sbuf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                     "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                     "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    graphml_key(&b, "g_", "graph", "generator", V_STRING);
    graphml_key(&b, "g_", "graph", "documents", V_LONG);
    graphml_key(&b, "g_", "graph", "co_mention_weight", V_DOUBLE);
    graphml_key(&b, "g_", "graph", "speaks_with_weight", V_DOUBLE);
    if (g->approximation)
        graphml_key(&b, "g_", "graph", "approximation", V_STRING);
    for (int f = 0; f < NF_COUNT; f++)
        if ((node_fields[f].flags & IN_XML) && (g->analysed || !(node_fields[f].flags & FIGURE)))
            graphml_key(&b, "n_", "node", node_fields[f].name, node_fields[f].type);
    for (int f = 0; f < LF_COUNT; f++)
        if (link_fields[f].flags & IN_XML)
            graphml_key(&b, "e_", "edge", link_fields[f].name, link_fields[f].type);

    pg_sbuf_puts(&b, "  <graph id=\"G\" edgedefault=\"undirected\">\n");
    pg_sbuf_puts(&b, "    <data key=\"g_generator\">polgraph " PG_VERSION "</data>\n");
    pg_sbuf_printf(&b, "    <data key=\"g_documents\">%ld</data>\n", g->documents);
    pg_sbuf_puts(&b, "    <data key=\"g_co_mention_weight\">");
    put_real(&b, g->w_co_mention);
    pg_sbuf_puts(&b, "</data>\n    <data key=\"g_speaks_with_weight\">");
    put_real(&b, g->w_speaks_with);
    pg_sbuf_puts(&b, "</data>\n");
    if (g->approximation) {
        pg_sbuf_puts(&b, "    <data key=\"g_approximation\">");
        put_xml(&b, g->approximation);
        pg_sbuf_puts(&b, "</data>\n");
    }

    for (size_t i = 0; i < g->n_nodes; i++) {
        pg_sbuf_puts(&b, "    <node id=\"");
        put_xml(&b, g->nodes[i].id);
        pg_sbuf_puts(&b, "\">\n");
        for (int f = 0; f < NF_COUNT; f++) {
            value v;
        node_value(g, i, f, &v);
            if (!(node_fields[f].flags & IN_XML) || !v.present)
                continue;
            pg_sbuf_printf(&b, "      <data key=\"n_%s\">", node_fields[f].name);
            put_value_xml(&b, node_fields[f].type, &v);
            pg_sbuf_puts(&b, "</data>\n");
        }
        pg_sbuf_puts(&b, "    </node>\n");
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        pg_sbuf_puts(&b, "    <edge source=\"");
        put_xml(&b, g->nodes[l->source].id);
        pg_sbuf_puts(&b, "\" target=\"");
        put_xml(&b, g->nodes[l->target].id);
        pg_sbuf_puts(&b, "\">\n");
        for (int f = 0; f < LF_COUNT; f++) {
            if (!(link_fields[f].flags & IN_XML))
                continue;
            value v;
            link_value(g, i, f, &scratch, &v);
            if (!v.present)
                continue;
            pg_sbuf_printf(&b, "      <data key=\"e_%s\">", link_fields[f].name);
            put_value_xml(&b, link_fields[f].type, &v);
            pg_sbuf_puts(&b, "</data>\n");
        }
        pg_sbuf_puts(&b, "    </edge>\n");
    }
    pg_sbuf_puts(&b, "  </graph>\n</graphml>\n");
    if (scratch.failed)
        b.failed = 1;
    pg_sbuf_release(&scratch);
    return finish(&b, out, len, err);
}

/* ------------------------------------------------------------------ GEXF */

static void gexf_attributes(pg_sbuf *b, const char *cls, const field *fields, int n, int skip,
                            int analysed)
{
    pg_sbuf_printf(b, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (int f = 0; f < n; f++) {
        if (f == skip || !(fields[f].flags & IN_XML) || (!analysed && (fields[f].flags & FIGURE)))
            continue;
        pg_sbuf_printf(b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", fields[f].name,
                       fields[f].name, vtype_names[fields[f].type]);
    }
    pg_sbuf_puts(b, "    </attributes>\n");
}

static void gexf_attvalue(pg_sbuf *b, const field *fd, const value *v)
{
    pg_sbuf_printf(b, "          <attvalue for=\"%s\" value=\"", fd->name);
    put_value_xml(b, fd->type, v);
    pg_sbuf_puts(b, "\"/>\n");
}

/* GEXF 1.2 viz shapes: disc, square, triangle, diamond. */
static const char *gexf_shape(pg_kind kind)
{
    switch (kind) {
    case PG_KIND_ORGANIZATION: return "square";
    case PG_KIND_COUNTRY: return "diamond";
    default: return "disc";
    }
}

static void gexf_node(pg_sbuf *b, const pg_graph *g, const pg_style *st, size_t i)
{
    const pg_node *n = &g->nodes[i];
    pg_node_style ns;
    pg_style_node(st, g, i, &ns);
    pg_sbuf_puts(b, "      <node id=\"");
    put_xml(b, n->id);
    pg_sbuf_puts(b, "\" label=\"");
    value label;
    node_value(g, i, NF_LABEL, &label);
    put_xml(b, label.s);
    pg_sbuf_puts(b, "\">\n        <attvalues>\n");
    for (int f = 0; f < NF_COUNT; f++) {
        value v;
        node_value(g, i, f, &v);
        if (f != NF_LABEL && (node_fields[f].flags & IN_XML) && v.present)
            gexf_attvalue(b, &node_fields[f], &v);
    }
    pg_sbuf_puts(b, "        </attvalues>\n        <viz:size value=\"");
    put_real(b, ns.width * PG_EXPORT_GEXF_SIZE_SCALE);
    pg_sbuf_printf(b, "\"/>\n        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n",
                   (ns.fill_rgb >> 16) & 0xFF, (ns.fill_rgb >> 8) & 0xFF, ns.fill_rgb & 0xFF);
    pg_sbuf_printf(b, "        <viz:shape value=\"%s\"/>\n      </node>\n", gexf_shape(n->kind));
}

static void gexf_edge(pg_sbuf *b, const pg_graph *g, const pg_style *st, size_t i,
                      pg_sbuf *scratch)
{
    const pg_link *l = &g->links[i];
    pg_link_style ls;
    unsigned r = 0, gr = 0, bl = 0, a = 255;
    pg_style_link(st, g, i, &ls);
    sscanf(ls.color, "#%2x%2x%2x%2x", &r, &gr, &bl, &a);
    pg_sbuf_printf(b, "      <edge id=\"%zu\" source=\"", i);
    put_xml(b, g->nodes[l->source].id);
    pg_sbuf_puts(b, "\" target=\"");
    put_xml(b, g->nodes[l->target].id);
    pg_sbuf_puts(b, "\" weight=\"");
    put_real(b, l->weight);
    pg_sbuf_puts(b, "\">\n        <attvalues>\n");
    for (int f = 0; f < LF_COUNT; f++) {
        if (f == LF_WEIGHT || !(link_fields[f].flags & IN_XML))
            continue;
        value v;
        link_value(g, i, f, scratch, &v);
        if (v.present)
            gexf_attvalue(b, &link_fields[f], &v);
    }
    pg_sbuf_printf(b, "        </attvalues>\n        <viz:color r=\"%u\" g=\"%u\" b=\"%u\" a=\"", r,
                   gr, bl);
    put_real(b, a / 255.0);
    pg_sbuf_puts(b, "\"/>\n        <viz:thickness value=\"");
    put_real(b, ls.penwidth);
    pg_sbuf_puts(b, "\"/>\n      </edge>\n");
}

int pg_export_gexf(const pg_graph *g, char **out, size_t *len, pg_error *err)
{
    pg_sbuf b = {0}, scratch = {0};
    pg_style st;
    int rc;
    *out = NULL;
    *len = 0;
    if ((rc = check_xml_ids(g, err)) != PG_OK || (rc = pg_style_init(&st, g, NULL, err)) != PG_OK)
        return rc;

    pg_sbuf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                     "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
                     "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                     "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
                     "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
                     "  <meta>\n    <creator>polgraph " PG_VERSION "</creator>\n");
    pg_sbuf_printf(&b, "    <description>political actors from %ld documents; link weight = ",
                   g->documents);
    put_real(&b, g->w_co_mention);
    pg_sbuf_puts(&b, " per co-mention + ");
    put_real(&b, g->w_speaks_with);
    pg_sbuf_puts(&b, " per speaks-with</description>\n  </meta>\n"
                     "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n");
    /* label and weight are the node's and edge's own XML attributes */
    gexf_attributes(&b, "node", node_fields, NF_COUNT, NF_LABEL, g->analysed);
    gexf_attributes(&b, "edge", link_fields, LF_COUNT, LF_WEIGHT, g->analysed);
    pg_sbuf_puts(&b, "    <nodes>\n");
    for (size_t i = 0; i < g->n_nodes; i++)
        gexf_node(&b, g, &st, i);
    pg_sbuf_puts(&b, "    </nodes>\n    <edges>\n");
    for (size_t i = 0; i < g->n_links; i++)
        gexf_edge(&b, g, &st, i, &scratch);
    pg_sbuf_puts(&b, "    </edges>\n  </graph>\n</gexf>\n");
    if (scratch.failed)
        b.failed = 1;
    pg_sbuf_release(&scratch);
    return finish(&b, out, len, err);
}

/* ------------------------------------------------------------------ CSV */

int pg_export_csv_nodes(const pg_graph *g, char **out, size_t *len, pg_error *err)
{
    pg_sbuf b = {0};
    *out = NULL;
    *len = 0;
    pg_sbuf_puts(&b, "id");
    for (int f = 0; f < NF_COUNT; f++)
        if (node_fields[f].flags & IN_CSV)
            pg_sbuf_printf(&b, ",%s", node_fields[f].name);
    pg_sbuf_puts(&b, "\r\n");
    for (size_t i = 0; i < g->n_nodes; i++) {
        put_csv(&b, g->nodes[i].id);
        for (int f = 0; f < NF_COUNT; f++) {
            if (!(node_fields[f].flags & IN_CSV))
                continue;
            value v;
        node_value(g, i, f, &v);
            pg_sbuf_puts(&b, ",");
            put_value_csv(&b, node_fields[f].type, &v);
        }
        pg_sbuf_puts(&b, "\r\n");
    }
    return finish(&b, out, len, err);
}

int pg_export_csv_links(const pg_graph *g, char **out, size_t *len, pg_error *err)
{
    pg_sbuf b = {0}, scratch = {0};
    *out = NULL;
    *len = 0;
    pg_sbuf_puts(&b, "source,target");
    for (int f = 0; f < LF_COUNT; f++)
        if (link_fields[f].flags & IN_CSV)
            pg_sbuf_printf(&b, ",%s", link_fields[f].name);
    pg_sbuf_puts(&b, "\r\n");
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        put_csv(&b, g->nodes[l->source].id);
        pg_sbuf_puts(&b, ",");
        put_csv(&b, g->nodes[l->target].id);
        for (int f = 0; f < LF_COUNT; f++) {
            if (!(link_fields[f].flags & IN_CSV))
                continue;
            value v;
            link_value(g, i, f, &scratch, &v);
            pg_sbuf_puts(&b, ",");
            put_value_csv(&b, link_fields[f].type, &v);
        }
        pg_sbuf_puts(&b, "\r\n");
    }
    if (scratch.failed)
        b.failed = 1;
    pg_sbuf_release(&scratch);
    return finish(&b, out, len, err);
}
