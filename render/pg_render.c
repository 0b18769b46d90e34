#define _POSIX_C_SOURCE 200809L /* open_memstream, strcasecmp */

#include "pg_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

#include "pg_style.h"

/*
 * Two graphviz contexts, each created on first use. "plain" measures text
 * with graphviz's built-in font metrics, so DOT and SVG are the same bytes
 * on every machine; "cairo" adds the pango plugin for PNG and PDF. Pango
 * would take over text measurement in any context it is loaded into (it
 * changes every SVG coordinate), hence two contexts rather than one.
 */
extern gvplugin_library_t gvplugin_core_LTX_library, gvplugin_neato_layout_LTX_library,
    gvplugin_dot_layout_LTX_library, gvplugin_pango_LTX_library;

static lt_symlist_t pg_gv_plain_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {0, 0},
};

static lt_symlist_t pg_gv_cairo_plugins[] = {
    {"gvplugin_core_LTX_library", &gvplugin_core_LTX_library},
    {"gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library},
    {"gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library},
    {"gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library},
    {0, 0},
};

static GVC_t *pg_gvc_plain, *pg_gvc_cairo;

/* Engines of the linked layout plugins that make sense for actor graphs. */
static const char *const pg_engines[] = {"neato", "sfdp", "fdp", "circo", "twopi", "dot", "osage"};

#define PG_NEATO_MAX_NODES 100 /* graphviz.org: neato suits graphs up to about 100 nodes */
/* Routing links around nodes (splines=true) took 0.8 s for 60 nodes and 20 s for 200 */
#define PG_SPLINES_MAX_NODES 60

void pg_render_options_init(pg_render_options *o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
}

void pg_render_shutdown(void)
{
    if (pg_gvc_plain) {
        gvFreeContext(pg_gvc_plain);
        pg_gvc_plain = NULL;
    }
    if (pg_gvc_cairo) {
        gvFreeContext(pg_gvc_cairo);
        pg_gvc_cairo = NULL;
    }
}

int pg_format_from_path(const char *path, pg_format *out)
{
    static const struct {
        const char *ext;
        pg_format fmt;
    } table[] = {
        {"dot", PG_FMT_DOT}, {"gv", PG_FMT_DOT},  {"svg", PG_FMT_SVG},
        {"png", PG_FMT_PNG}, {"pdf", PG_FMT_PDF},
    };
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (dot == NULL || strchr(dot, '/') != NULL) {
        return -1;
    }
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcasecmp(dot + 1, table[i].ext) == 0) {
            *out = table[i].fmt;
            return 0;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ graphviz messages */

/* graphviz reports through agerr; collected here instead of on stderr */
static char pg_gv_msg[512];

static int pg_gv_collect(char *msg)
{
    size_t used = strlen(pg_gv_msg);
    for (const char *p = msg; *p && used + 1 < sizeof pg_gv_msg; p++) {
        pg_gv_msg[used++] = *p == '\n' ? ' ' : *p;
    }
    pg_gv_msg[used] = '\0';
    return 0;
}

static const char *gv_message(void)
{
    size_t n = strlen(pg_gv_msg);
    while (n > 0 && pg_gv_msg[n - 1] == ' ') {
        pg_gv_msg[--n] = '\0';
    }
    return n ? pg_gv_msg : "no message from graphviz";
}

/* ------------------------------------------------------------------ building the graph */

/* graphviz 2.42 takes char * where later versions take const char * */
static void gv_default(Agraph_t *ag, int kind, const char *name, const char *value)
{
    agattr(ag, kind, (char *)name, (char *)value);
}

static void gv_set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

static void gv_setf(void *obj, const char *name, double value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.2f", value);
    gv_set(obj, name, buf);
}

/*
 * The title (centred) and a legend (left-aligned lines) as the graph label.
 * Plain text: graphviz 2.42 leaks memory for every line of an HTML-like label.
 */
static void legend(pg_sbuf *b, const pg_style *st, const char *title)
{
    if (title && *title) {
        pg_style_put_label(b, title);
        pg_sbuf_puts(b, "\\n\\n");
    }
    pg_sbuf_puts(b, "node size: ");
    pg_sbuf_puts(b, st->sized ? pg_figure_name(st->size_by) : "uniform");
    if (st->coloured) {
        pg_sbuf_puts(b, " \xC2\xB7 colour: community");
    }
    pg_sbuf_puts(
        b, "\\lellipse: person \xC2\xB7 box: organization \xC2\xB7 hexagon: country"
           "\\lline width: weight \xC2\xB7 solid: speaks with \xC2\xB7 dashed: co-mentioned only\\l");
}

static void declare(Agraph_t *ag, const pg_graph *g, const pg_render_options *opt, const char *engine)
{
    char seed[32];
    snprintf(seed, sizeof seed, "%lu", opt->seed);
    gv_default(ag, AGRAPH, "layout", engine);
    gv_default(ag, AGRAPH, "start", seed); /* never "random": that one is seeded by the clock */
    gv_default(ag, AGRAPH, "overlap", "prism");
    /* at least 12pt between node boxes, so that the shortest link stays visible */
    gv_default(ag, AGRAPH, "sep", "+12");
    gv_default(ag, AGRAPH, "esep", "+8"); /* below sep: splines need room between the nodes */
    gv_default(ag, AGRAPH, "splines", g->n_nodes > PG_SPLINES_MAX_NODES ? "false" : "true");
    gv_default(ag, AGRAPH, "outputorder", "edgesfirst");
    gv_default(ag, AGRAPH, "bgcolor", "white");
    gv_default(ag, AGRAPH, "pad", "0.3");
    gv_default(ag, AGRAPH, "fontname", "Arial");
    gv_default(ag, AGRAPH, "fontsize", "12");
    gv_default(ag, AGRAPH, "labelloc", "t");

    gv_default(ag, AGNODE, "label", "\\N");
    gv_default(ag, AGNODE, "style", "filled");
    gv_default(ag, AGNODE, "fontname", "Arial");
    gv_default(ag, AGNODE, "fontsize", "10");
    gv_default(ag, AGNODE, "penwidth", "1.5");
    gv_default(ag, AGNODE, "margin", "0.12,0.06");

    gv_default(ag, AGEDGE, "penwidth", "1");
}

/* Sets the attribute to the text in b and empties b; -1 when b ran out of memory. */
static int set_buf(void *obj, const char *name, pg_sbuf *b)
{
    if (b->failed) {
        return -1;
    }
    gv_set(obj, name, b->data ? b->data : "");
    b->len = 0;
    if (b->data) {
        b->data[0] = '\0';
    }
    return 0;
}

static int build(const pg_graph *g, const pg_style *st, const pg_render_options *opt, const char *engine,
                 Agraph_t **out, pg_error *err)
{
    Agraph_t *ag = agopen("actors", Agundirected, NULL); /* named: else the SVG title is "%3" */
    Agnode_t **nodes = calloc(g->n_nodes ? g->n_nodes : 1, sizeof *nodes);
    pg_sbuf b = {0};
    int rc = PG_OK;
    if (ag == NULL || nodes == NULL) {
        goto nomem;
    }
    declare(ag, g, opt, engine);
    legend(&b, st, opt->title);
    if (set_buf(ag, "label", &b) != 0) {
        goto nomem;
    }

    for (size_t i = 0; i < g->n_nodes; i++) {
        const pg_node *n = &g->nodes[i];
        pg_node_style ns;
        pg_style_node(st, g, i, &ns);
        Agnode_t *v = nodes[i] = agnode(ag, n->id, 1);
        if (v == NULL) {
            goto nomem;
        }
        gv_set(v, "shape", ns.shape);
        gv_setf(v, "width", ns.width);
        gv_setf(v, "height", ns.height);
        gv_setf(v, "fontsize", ns.fontsize);
        gv_set(v, "fillcolor", ns.fill);
        gv_set(v, "color", ns.border);
        gv_set(v, "fontcolor", ns.font);
        pg_sbuf_puts(&b, "actor-");
        pg_style_put_text(&b, n->id, 0);
        if (set_buf(v, "id", &b) != 0) {
            goto nomem;
        }
        pg_style_put_label(&b, n->label ? n->label : n->id);
        if (set_buf(v, "label", &b) != 0) {
            goto nomem;
        }
        pg_sbuf_puts(&b, pg_kind_name(n->kind));
        if (st->coloured) {
            pg_sbuf_printf(&b, " community-%ld", n->fig.community);
        }
        if (set_buf(v, "class", &b) != 0) {
            goto nomem;
        }
        pg_style_node_tooltip(g, i, &b);
        if (set_buf(v, "tooltip", &b) != 0) {
            goto nomem;
        }
    }

    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        pg_link_style ls;
        if (l->source >= g->n_nodes || l->target >= g->n_nodes || l->source == l->target) {
            rc = pg_error_set(err, PG_EINTERNAL, "link %zu names nodes %zu and %zu of %zu", i, l->source,
                              l->target, g->n_nodes);
            goto fail;
        }
        pg_style_link(st, g, i, &ls);
        Agedge_t *e = agedge(ag, nodes[l->source], nodes[l->target], NULL, 1);
        if (e == NULL) {
            goto nomem;
        }
        gv_set(e, "class", ls.speaks_with ? "speaks-with" : "co-mention");
        gv_set(e, "style", ls.speaks_with ? "solid" : "dashed");
        gv_set(e, "color", ls.color);
        gv_setf(e, "penwidth", ls.penwidth);
        gv_setf(e, "len", ls.len);
        pg_sbuf_puts(&b, "link-");
        pg_style_put_text(&b, g->nodes[l->source].id, 0);
        pg_sbuf_puts(&b, "--");
        pg_style_put_text(&b, g->nodes[l->target].id, 0);
        if (set_buf(e, "id", &b) != 0) {
            goto nomem;
        }
        pg_style_link_tooltip(g, i, &b);
        if (set_buf(e, "tooltip", &b) != 0) {
            goto nomem;
        }
    }
    free(nodes);
    pg_sbuf_release(&b);
    *out = ag;
    return PG_OK;

nomem:
    rc = pg_error_set(err, PG_ENOMEM, "out of memory while building the diagram");
fail:
    if (ag) {
        agclose(ag);
    }
    free(nodes);
    pg_sbuf_release(&b);
    return rc;
}

/* ------------------------------------------------------------------ output */

static int write_dot(Agraph_t *ag, char **out, size_t *len, pg_error *err)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (f == NULL) {
        return pg_error_set(err, PG_ENOMEM, "out of memory while writing DOT");
    }
    int rc = agwrite(ag, f);
    if (fclose(f) != 0 || rc != 0) {
        free(buf);
        return pg_error_set(err, PG_EINTERNAL, "writing DOT failed: %s", gv_message());
    }
    *out = buf;
    *len = n;
    return PG_OK;
}

static const char *find(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(hay + i, needle, k) == 0) {
            return hay + i;
        }
    }
    return NULL;
}

/*
 * cairo stamps PDFs with the time of writing; a fixed date makes the same
 * graph the same bytes. Same length, padded with spaces, so that the
 * cross-reference offsets stay right.
 */
static void pdf_fix_dates(char *buf, size_t n)
{
    static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
    static const char fixed[] = "(D:19700101000000Z)";
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        char *p = (char *)find(buf, n, keys[k]);
        if (p == NULL) {
            continue;
        }
        p += strlen(keys[k]) - 1;
        char *close = memchr(p, ')', n - (size_t)(p - buf));
        size_t old = close ? (size_t)(close - p) + 1 : 0;
        if (old >= sizeof fixed - 1 && old < 64) {
            memcpy(p, fixed, sizeof fixed - 1);
            memset(p + sizeof fixed - 1, ' ', old - (sizeof fixed - 1));
        }
    }
}

/*
 * Copies graphviz's buffer; in SVG the graphviz version comment becomes
 * ours, so that the bytes do not depend on the graphviz release.
 */
static int copy_output(const char *data, size_t n, pg_format fmt, char **out, size_t *len, pg_error *err)
{
    static const char *const gv_comment = "<!-- Generated by graphviz";
    static const char our_comment[] = "<!-- Generated by polgraph " PG_VERSION " -->";
    size_t skip_from = n, skip_to = n;
    if (fmt == PG_FMT_SVG) {
        const char *c = find(data, n, gv_comment);
        const char *end = c ? find(c, n - (size_t)(c - data), "-->") : NULL;
        if (end) {
            skip_from = (size_t)(c - data);
            skip_to = (size_t)(end + 3 - data);
        }
    }
    size_t extra = skip_from < n ? sizeof our_comment - 1 : 0;
    size_t total = n - (skip_to - skip_from) + extra;
    char *buf = malloc(total + 1);
    if (buf == NULL) {
        return pg_error_set(err, PG_ENOMEM, "out of memory while copying the diagram");
    }
    memcpy(buf, data, skip_from);
    memcpy(buf + skip_from, our_comment, extra);
    memcpy(buf + skip_from + extra, data + skip_to, n - skip_to);
    buf[total] = '\0';
    if (fmt == PG_FMT_PDF) {
        pdf_fix_dates(buf, total);
    }
    *out = buf;
    *len = total;
    return PG_OK;
}

static int layout_and_render(GVC_t *gvc, Agraph_t *ag, const char *engine, pg_format fmt, char **out,
                             size_t *len, pg_error *err)
{
    const char *name = fmt == PG_FMT_SVG ? "svg" : fmt == PG_FMT_PNG ? "png:cairo" : "pdf:cairo";
    if (gvLayout(gvc, ag, engine) != 0) {
        return pg_error_set(err, PG_EINTERNAL, "layout with %s failed: %s", engine, gv_message());
    }
    char *data = NULL;
    unsigned int n = 0;
    int rc = gvRenderData(gvc, ag, name, &data, &n);
    if (rc != 0 || data == NULL) {
        if (data) {
            gvFreeRenderData(data);
        }
        gvFreeLayout(gvc, ag);
        if (fmt != PG_FMT_SVG) {
            return pg_error_set(err, PG_EUSAGE, "%s output needs the graphviz cairo plugin: %s",
                                fmt == PG_FMT_PNG ? "PNG" : "PDF", gv_message());
        }
        return pg_error_set(err, PG_EINTERNAL, "rendering %s failed: %s", name, gv_message());
    }
    rc = copy_output(data, n, fmt, out, len, err);
    gvFreeRenderData(data);
    gvFreeLayout(gvc, ag);
    return rc;
}

static GVC_t *context_for(pg_format fmt)
{
    if (fmt == PG_FMT_PNG || fmt == PG_FMT_PDF) {
        if (pg_gvc_cairo == NULL) {
            pg_gvc_cairo = gvContextPlugins(pg_gv_cairo_plugins, 0);
        }
        return pg_gvc_cairo;
    }
    if (pg_gvc_plain == NULL) {
        pg_gvc_plain = gvContextPlugins(pg_gv_plain_plugins, 0);
    }
    return pg_gvc_plain;
}

int pg_render(const pg_graph *g, pg_format fmt, const pg_render_options *opt, char **out, size_t *len,
              pg_error *err)
{
    pg_render_options defaults;
    pg_style st;
    Agraph_t *ag = NULL;
    int rc;

    if (g == NULL || out == NULL || len == NULL || (unsigned)fmt > PG_FMT_PDF) {
        return pg_error_set(err, PG_EUSAGE, "pg_render: invalid argument");
    }
    *out = NULL;
    *len = 0;
    if (opt == NULL) {
        pg_render_options_init(&defaults);
        opt = &defaults;
    }
    const char *engine = opt->engine ? opt->engine : g->n_nodes <= PG_NEATO_MAX_NODES ? "neato" : "sfdp";
    size_t e = 0;
    while (e < sizeof pg_engines / sizeof pg_engines[0] && strcmp(engine, pg_engines[e]) != 0) {
        e++;
    }
    if (e == sizeof pg_engines / sizeof pg_engines[0]) {
        return pg_error_set(
            err, PG_EUSAGE,
            "unknown layout engine '%s' (use one of: neato, sfdp, fdp, circo, twopi, dot, osage)",
            engine);
    }
    rc = pg_style_init(&st, g, opt->size_by, err);
    if (rc != PG_OK) {
        return rc;
    }

    pg_gv_msg[0] = '\0';
    agusererrf previous = agseterrf(pg_gv_collect);
    GVC_t *gvc = fmt == PG_FMT_DOT ? NULL : context_for(fmt);
    if (fmt != PG_FMT_DOT && gvc == NULL) {
        rc = pg_error_set(err, PG_EINTERNAL, "graphviz could not start: %s", gv_message());
    } else {
        rc = build(g, &st, opt, engine, &ag, err);
    }
    if (rc == PG_OK) {
        rc = fmt == PG_FMT_DOT ? write_dot(ag, out, len, err)
                               : layout_and_render(gvc, ag, engine, fmt, out, len, err);
    }
    if (ag) {
        agclose(ag);
    }
    agseterrf(previous);
    return rc;
}
