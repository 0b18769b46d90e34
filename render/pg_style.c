#include "pg_style.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ figures */

static const char *const pg_figure_names_v[] = {
    "pagerank", "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "mentions",
};
#define PG_N_FIGURES (sizeof pg_figure_names_v / sizeof pg_figure_names_v[0])

int pg_figure_parse(const char *name, pg_figure *out)
{
    for (size_t i = 0; name && i < PG_N_FIGURES; i++) {
        if (strcmp(name, pg_figure_names_v[i]) == 0) {
            *out = (pg_figure)i;
            return 0;
        }
    }
    return -1;
}

const char *pg_figure_name(pg_figure f)
{
    return (size_t)f < PG_N_FIGURES ? pg_figure_names_v[f] : "pagerank";
}

const char *pg_figure_names(void)
{
    return "pagerank, degree, strength, betweenness, closeness, harmonic, eigenvector, mentions";
}

double pg_figure_value(const pg_node *n, pg_figure f)
{
    double v = 0.0;
    switch (f) {
    case PG_FIG_PAGERANK: v = n->fig.pagerank; break;
    case PG_FIG_DEGREE: v = (double)n->fig.degree; break;
    case PG_FIG_STRENGTH: v = n->fig.strength; break;
    case PG_FIG_BETWEENNESS: v = n->fig.betweenness; break;
    case PG_FIG_CLOSENESS: v = n->fig.closeness; break;
    case PG_FIG_HARMONIC: v = n->fig.harmonic; break;
    case PG_FIG_EIGENVECTOR: v = n->fig.eigenvector; break;
    case PG_FIG_MENTIONS: v = (double)n->mentions; break;
    }
    return isfinite(v) && v > 0.0 ? v : 0.0;
}

/* ------------------------------------------------------------------ scales */

static double link_weight(const pg_link *l)
{
    return isfinite(l->weight) && l->weight > 0.0 ? l->weight : 0.0;
}

int pg_style_init(pg_style *s, const pg_graph *g, const char *size_by, pg_error *err)
{
    memset(s, 0, sizeof *s);
    if (size_by == NULL) {
        size_by = "pagerank";
    }
    if (pg_figure_parse(size_by, &s->size_by) != 0) {
        return pg_error_set(err, PG_EUSAGE, "unknown figure '%s' for the node size (use one of: %s)",
                            size_by, pg_figure_names());
    }
    /* mentions are counts from the articles: valid without analysis */
    s->sized = g->analysed || s->size_by == PG_FIG_MENTIONS;
    s->coloured = g->analysed;
    for (size_t i = 0; i < g->n_nodes; i++) {
        double v = pg_figure_value(&g->nodes[i], s->size_by);
        if (v > s->max_figure) {
            s->max_figure = v;
        }
    }
    if (s->max_figure <= 0.0) {
        s->sized = 0;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        double w = link_weight(&g->links[i]);
        if (w > s->max_weight) {
            s->max_weight = w;
        }
    }
    return PG_OK;
}

/* ------------------------------------------------------------------ colours */

/* Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies */
static const unsigned pg_palette[] = {
    0xE69F00, /* orange */
    0x56B4E9, /* sky blue */
    0x009E73, /* bluish green */
    0xF0E442, /* yellow */
    0x0072B2, /* blue */
    0xD55E00, /* vermillion */
    0xCC79A7, /* reddish purple */
    0x000000, /* black */
};
#define PG_PALETTE_N (sizeof pg_palette / sizeof pg_palette[0])
#define PG_GREY 0xD9D9D9

unsigned pg_style_community_rgb(long community)
{
    if (community < 0) {
        return PG_GREY;
    }
    return pg_palette[(unsigned long)community % PG_PALETTE_N];
}

static unsigned darker(unsigned rgb)
{
    unsigned r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
    r = r * 55 / 100;
    g = g * 55 / 100;
    b = b * 55 / 100;
    return (r << 16) | (g << 8) | b;
}

static double channel_linear(unsigned c)
{
    double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

/* Black or white, whichever contrasts more with the fill (WCAG luminance). */
static unsigned text_on(unsigned rgb)
{
    double l = 0.2126 * channel_linear((rgb >> 16) & 0xFF) + 0.7152 * channel_linear((rgb >> 8) & 0xFF) +
               0.0722 * channel_linear(rgb & 0xFF);
    double with_black = (l + 0.05) / 0.05, with_white = 1.05 / (l + 0.05);
    return with_black >= with_white ? 0x000000 : 0xFFFFFF;
}

static void hex(char out[8], unsigned rgb)
{
    snprintf(out, 8, "#%06x", rgb & 0xFFFFFFu);
}

/* ------------------------------------------------------------------ nodes and links */

void pg_style_node(const pg_style *s, const pg_graph *g, size_t i, pg_node_style *out)
{
    const pg_node *n = &g->nodes[i];
    double t = 0.0, lo = PG_STYLE_MIN_WIDTH, hi = PG_STYLE_MAX_WIDTH;
    if (s->sized) {
        t = pg_figure_value(n, s->size_by) / s->max_figure;
        t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
    }
    /* area, not width, grows with the figure */
    out->width = sqrt(lo * lo + (hi * hi - lo * lo) * t);
    out->fontsize = 10.0 + 4.0 * (out->width - lo) / (hi - lo);
    switch (n->kind) {
    case PG_KIND_ORGANIZATION:
        out->shape = "box";
        out->height = out->width * 0.5;
        break;
    case PG_KIND_COUNTRY:
        out->shape = "hexagon";
        out->height = out->width * 0.6;
        break;
    default:
        out->shape = "ellipse";
        out->height = out->width * 0.6;
        break;
    }
    out->fill_rgb = s->coloured ? pg_style_community_rgb(n->fig.community) : PG_GREY;
    out->border_rgb = darker(out->fill_rgb);
    out->font_rgb = text_on(out->fill_rgb);
    hex(out->fill, out->fill_rgb);
    hex(out->border, out->border_rgb);
    hex(out->font, out->font_rgb);
}

void pg_style_link(const pg_style *s, const pg_graph *g, size_t i, pg_link_style *out)
{
    const pg_link *l = &g->links[i];
    /* sqrt: a link ten times heavier should not be ten times wider */
    double r = s->max_weight > 0.0 ? sqrt(link_weight(l) / s->max_weight) : 0.0;
    r = r > 1.0 ? 1.0 : r;
    out->penwidth = PG_STYLE_MIN_PEN + (PG_STYLE_MAX_PEN - PG_STYLE_MIN_PEN) * r;
    /*
     * neato's len runs from centre to centre: the two nodes' mean radii plus
     * a gap that shrinks as the weight grows, so that a heavy link between
     * big nodes stays short but visible
     */
    pg_node_style a, b;
    pg_style_node(s, g, l->source, &a);
    pg_style_node(s, g, l->target, &b);
    out->len = (a.width + a.height + b.width + b.height) / 4.0 + PG_STYLE_MIN_GAP +
               (PG_STYLE_MAX_GAP - PG_STYLE_MIN_GAP) * (1.0 - r);
    out->speaks_with = l->speaks_with > 0;
    snprintf(out->color, sizeof out->color, "%s", out->speaks_with ? "#333333d9" : "#80808099");
}

/* ------------------------------------------------------------------ strings */

void pg_sbuf_release(pg_sbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

static int sbuf_reserve(pg_sbuf *b, size_t extra)
{
    if (b->failed) {
        return -1;
    }
    if (b->len + extra + 1 <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void pg_sbuf_put(pg_sbuf *b, const char *s, size_t n)
{
    if (sbuf_reserve(b, n) != 0) {
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pg_sbuf_puts(pg_sbuf *b, const char *s)
{
    pg_sbuf_put(b, s, strlen(s));
}

void pg_sbuf_printf(pg_sbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        pg_sbuf_put(b, small, (size_t)n);
        return;
    }
    if (sbuf_reserve(b, (size_t)n) != 0) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the valid UTF-8 character at s, or 0 when the bytes are invalid. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80) {
        return 1;
    }
    size_t k;
    unsigned cp;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        k = 2;
        cp = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        k = 3;
        cp = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        k = 4;
        cp = s[0] & 0x07;
    } else {
        return 0;
    }
    if (n < k) {
        return 0;
    }
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((k == 3 && cp < 0x800) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return k;
}

size_t pg_utf8_prefix(const char *s, size_t n, size_t max)
{
    if (n <= max) {
        return n;
    }
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) {
        k--;
    }
    return k;
}

/* "&name;", "&#123;" or "&#x1F;" starts at s. */
static int starts_entity(const char *s)
{
    const char *p = s + 1;
    if (*p == '#') {
        p++;
        if (*p == 'x' || *p == 'X') {
            p++;
            if (!strchr("0123456789abcdefABCDEF", *p) || *p == '\0') {
                return 0;
            }
            while (*p && strchr("0123456789abcdefABCDEF", *p)) {
                p++;
            }
        } else {
            if (*p < '0' || *p > '9') {
                return 0;
            }
            while (*p >= '0' && *p <= '9') {
                p++;
            }
        }
    } else {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            return 0;
        }
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
            p++;
        }
    }
    return *p == ';';
}

enum pg_text_mode { PG_TEXT_LABEL, PG_TEXT_TOOLTIP };

/*
 * Copies text with runs of spaces and control characters as one space
 * (graphviz would write a second space as &#160;) and invalid UTF-8 as
 * U+FFFD, escaped for the attribute it goes to.
 */
static void put_repaired(pg_sbuf *b, const char *s, size_t n, enum pg_text_mode mode)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t k = 1;
        if (c <= 0x20 || c == 0x7F) {
            while (i + k < n && ((unsigned char)s[i + k] <= 0x20 || s[i + k] == 0x7F)) {
                k++;
            }
            pg_sbuf_puts(b, " ");
        } else if (mode == PG_TEXT_LABEL && c == '\\') {
            pg_sbuf_puts(b, "\\\\");
        } else if (mode == PG_TEXT_TOOLTIP && c == '\\') {
            /*
             * graphviz 2.42 unescapes tooltips and ids before replacing \N,
             * \G, \E..., so no escape keeps a backslash: U+FF3C looks alike
             */
            pg_sbuf_puts(b, "\xEF\xBC\xBC");
        } else if (c == '&' && starts_entity(s + i)) {
            /* graphviz decodes entities in labels and tooltips: keep "&amp;" literal */
            pg_sbuf_puts(b, "&amp;");
        } else if (c < 0x80) {
            pg_sbuf_put(b, s + i, 1);
        } else if ((k = utf8_char((const unsigned char *)s + i, n - i)) == 0) {
            pg_sbuf_puts(b, "\xEF\xBF\xBD");
            k = 1;
        } else {
            pg_sbuf_put(b, s + i, k);
        }
        i += k;
    }
}

void pg_style_put_text(pg_sbuf *b, const char *s, size_t max)
{
    static const char ellipsis[] = "\xE2\x80\xA6";
    size_t n = strlen(s);
    if (max == 0 || n <= max) {
        put_repaired(b, s, n, PG_TEXT_TOOLTIP);
        return;
    }
    size_t cut = pg_utf8_prefix(s, n, max > 3 ? max - 3 : 0);
    while (cut > 0 && s[cut - 1] == ' ') {
        cut--;
    }
    put_repaired(b, s, cut, PG_TEXT_TOOLTIP);
    pg_sbuf_puts(b, ellipsis);
}

void pg_style_put_label(pg_sbuf *b, const char *s)
{
    put_repaired(b, s, strlen(s), PG_TEXT_LABEL);
}

/* ------------------------------------------------------------------ tooltips */

void pg_style_node_tooltip(const pg_graph *g, size_t i, pg_sbuf *b)
{
    const pg_node *n = &g->nodes[i];
    pg_style_put_text(b, n->label ? n->label : n->id, 0);
    pg_sbuf_printf(b, " (%s", pg_kind_name(n->kind));
    if (n->country[0]) {
        pg_sbuf_puts(b, ", ");
        pg_style_put_text(b, n->country, 0);
    }
    pg_sbuf_printf(b, ")\\nmentions %ld, documents %ld", n->mentions, n->documents);
    if (g->analysed) {
        const pg_figures *f = &n->fig;
        pg_sbuf_printf(
            b, "\\npagerank %.3f, betweenness %.3f, closeness %.3f, harmonic %.3g, eigenvector %.3f",
            f->pagerank, f->betweenness, f->closeness, f->harmonic, f->eigenvector);
        pg_sbuf_printf(b, "\\ndegree %ld, strength %g, community %ld", f->degree, f->strength,
                       f->community);
    }
}

static int same_sentence(const pg_evidence *a, const pg_evidence *b)
{
    return a->sentence == b->sentence && a->doc && b->doc && strcmp(a->doc, b->doc) == 0;
}

static int quoted_elsewhere(const pg_link *l, const pg_evidence *e)
{
    for (size_t k = 0; k < l->n_interactions; k++) {
        if (same_sentence(&l->interactions[k].ev, e)) {
            return 1;
        }
    }
    return 0;
}

void pg_style_link_tooltip(const pg_graph *g, size_t i, pg_sbuf *b)
{
    enum { QUOTES = 3 };
    const pg_link *l = &g->links[i];
    const pg_node *a = &g->nodes[l->source], *c = &g->nodes[l->target];
    size_t quoted = 0;

    pg_style_put_text(b, a->label ? a->label : a->id, 0);
    pg_sbuf_puts(b, " -- ");
    pg_style_put_text(b, c->label ? c->label : c->id, 0);
    pg_sbuf_printf(b, "\\nweight %g: co-mentions %ld, speaks-with %ld", l->weight, l->co_mentions,
                   l->speaks_with);
    for (size_t k = 0; k < l->n_interactions && quoted < QUOTES; k++) {
        const pg_interaction *it = &l->interactions[k];
        pg_sbuf_printf(b, "\\n- [%s, %s", pg_mode_name(it->mode), pg_status_name(it->status));
        if (it->date != PG_DAY_NONE) {
            char day[11];
            pg_day_format(it->date, day);
            pg_sbuf_printf(b, ", %s", day);
        }
        pg_sbuf_puts(b, "] ");
        pg_style_put_text(b, it->ev.text ? it->ev.text : "", PG_STYLE_TEXT_MAX);
        quoted++;
    }
    for (size_t k = 0; k < l->n_evidence && quoted < QUOTES; k++) {
        if (quoted_elsewhere(l, &l->evidence[k])) {
            continue;
        }
        pg_sbuf_puts(b, "\\n- ");
        pg_style_put_text(b, l->evidence[k].text ? l->evidence[k].text : "", PG_STYLE_TEXT_MAX);
        quoted++;
    }
}
