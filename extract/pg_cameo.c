#include "pg_cameo.h"
#include "pg_extract.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_strmap.h"
#include "pg_text.h"

/* Longest code kept; CAMEO codes are 3 to 15 letters. */
#define PG_CODE_MAX 32
/* Longest id; longer slugs are cut. */
#define PG_ID_MAX 120

/* ------------------------------------------------------------------ */
/* Word lists                                                          */
/* ------------------------------------------------------------------ */

/* ISO 3166 alpha-3, sorted, plus the former CSK DDR SCG SUN YUG and XKX. */
static const char pg_countries[] =
    "ABWAFGAGOAIAALAALBANDAREARGARMASMATAATFATGAUSAUTAZEBDIBELBENBESBFABGDBGRBHRBHSBIHBLMBLRBLZBMUBOL"
    "BRABRBBRNBTNBVTBWACAFCANCCKCHECHLCHNCIVCMRCODCOGCOKCOLCOMCPVCRICSKCUBCUWCXRCYMCYPCZEDDRDEUDJIDMA"
    "DNKDOMDZAECUEGYERIESHESPESTETHFINFJIFLKFRAFROFSMGABGBRGEOGGYGHAGIBGINGLPGMBGNBGNQGRCGRDGRLGTMGUF"
    "GUMGUYHKGHMDHNDHRVHTIHUNIDNIMNINDIOTIRLIRNIRQISLISRITAJAMJEYJORJPNKAZKENKGZKHMKIRKNAKORKWTLAOLBN"
    "LBRLBYLCALIELKALSOLTULUXLVAMACMAFMARMCOMDAMDGMDVMEXMHLMKDMLIMLTMMRMNEMNGMNPMOZMRTMSRMTQMUSMWIMYS"
    "MYTNAMNCLNERNFKNGANICNIUNLDNORNPLNRUNZLOMNPAKPANPCNPERPHLPLWPNGPOLPRIPRKPRTPRYPSEPYFQATREUROURUS"
    "RWASAUSCGSDNSENSGPSGSSHNSJMSLBSLESLVSMRSOMSPMSRBSSDSTPSUNSURSVKSVNSWESWZSXMSYCSYRTCATCDTGOTHATJK"
    "TKLTKMTLSTONTTOTUNTURTUVTWNTZAUGAUKRUMIURYUSAUZBVATVCTVENVGBVIRVNMVUTWLFWSMXKXYEMYUGZAFZMBZWE";

/* CAMEO's own codes for countries that have an ISO code. */
static const char *const pg_cameo_countries[][2] = {
    {"USR", "SUN"}, /* Soviet Union */
    {"KSV", "XKX"}, /* Kosovo */
    {"TMP", "TLS"}, /* East Timor */
};

enum {
    PG_W_ORG = 1,      /* the name is an organisation's */
    PG_W_TITLE = 2,    /* the name is a person's, or a person's office */
    PG_W_PARTICLE = 4, /* lower case inside a name */
    PG_W_PLAIN = 8,    /* a short word that is not an acronym */
    PG_W_CAPS = 16,    /* always capitals */
};

static const char *const pg_org_words[] = {
    "ACADEMY", "ADMINISTRATION", "AGENCY", "AIRLINES", "AIRWAYS", "ALLIANCE", "ARMY", "ASSEMBLY",
    "ASSOCIATION", "AUTHORITIES", "AUTHORITY", "BANCO", "BANK", "BANQUE", "BOARD", "BRIGADE",
    "BRIGADES", "BROTHERHOOD", "BUREAU", "CABINET", "CARTEL", "CENTER", "CENTRE", "CHAMBER",
    "CLUB", "COALITION", "COLLEGE", "COMMAND", "COMMISSION", "COMMITTEE", "COMMUNITY",
    "COMPANY", "CONFEDERATION", "CONFERENCE", "CONGRESS", "CONSORTIUM", "COOPERATIVE", "CORP",
    "CORPORATION", "CORPS", "COUNCIL", "COURT", "DEPARTMENT", "DIRECTORATE", "DIVISION", "EMBASSY",
    "ENTERPRISES", "FACTION", "FEDERATION", "FORCE", "FORCES", "FORUM", "FOUNDATION", "FRONT",
    "FUND", "GOVERNMENT", "GROUP", "GUARD", "GUARDS", "HOLDINGS", "HOSPITAL", "INC",
    "INDUSTRIES", "INITIATIVE", "INSTITUTE", "INSTITUTION", "INSURGENTS", "INTERNATIONAL", "JUNTA",
    "KINGDOM", "LABORATORIES", "LEAGUE", "LEGION", "LIMITED", "LLC", "LTD", "MILITIA", "MILITIAS",
    "MINISTRY", "MISSION", "MOVEMENT", "NATIONS", "NETWORK", "OFFICE", "ORGANISATION",
    "ORGANIZATION", "PARLIAMENT", "PARTNERS", "PARTY", "PLC", "POLICE", "PROGRAM", "PROGRAMME",
    "PROJECT", "REBELS", "REGIME", "REGIMENT", "REPUBLIC", "SECRETARIAT", "SENATE", "SERVICE",
    "SERVICES", "SOCIETY", "STATES", "SYNDICATE", "SYSTEMS", "TANK", "TRIBUNAL", "TROOPS", "TRUST", "UNION",
    "UNIVERSITY", "WATCH",
};

static const char *const pg_title_words[] = {
    "ADMIRAL", "AMBASSADOR", "AMIR", "ARCHBISHOP", "AYATOLLAH", "BISHOP", "CARDINAL",
    "CHAIRMAN", "CHAIRPERSON", "CHAIRWOMAN", "CHANCELLOR", "COLONEL", "COMMANDER", "CONGRESSMAN",
    "CONGRESSWOMAN", "DR", "EMIR", "ENVOY", "GOVERNOR", "IMAM", "KING", "LEADER", "LORD",
    "MARSHAL", "MAYOR", "MINISTER", "MONARCH", "MR", "MRS", "MS", "MULLAH", "POPE", "PREMIER",
    "PRESIDENT", "PRINCE", "PRINCESS", "QUEEN", "RABBI", "SECRETARY", "SENATOR", "SHEIK",
    "SHEIKH", "SIR", "SPOKESMAN", "SPOKESPERSON", "SPOKESWOMAN", "SULTAN",
};

/* Lower case inside a name: "Bashar al-Assad", "Ministry of Defence". */
static const char *const pg_particles[] = {
    "AL", "AND", "AT", "AUF", "BIN", "BINT", "BY", "DA", "DAS", "DE", "DEL", "DELLA", "DEN",
    "DER", "DES", "DI", "DO", "DOS", "DU", "E", "EL", "ET", "FOR", "IBN", "IN", "LA", "LE",
    "LES", "OF", "ON", "THE", "TO", "UND", "VAN", "VON", "Y",
};

/* Short words of organisation names that are not acronyms. */
static const char *const pg_plain_words[] = {
    "ABU", "AID", "AIR", "ALI", "ALL", "ARM", "ART", "BAN", "BAY", "BIG", "CAR", "CO", "DAY", "DR",
    "END", "GAS", "GOD", "INC", "KIM", "LAW", "LEE", "LTD", "MAN", "MEN", "MR", "MRS", "NEW",
    "OIL", "OLD", "ONE", "OUR", "OUT", "PLC", "RED", "SAN", "SAO", "SEA", "SIX", "SRI", "ST", "SUN",
    "TEN", "TWO", "WAR", "WAY",
};

static const char *const pg_caps_words[] = {"EU", "UAE", "UK", "UN", "US", "USA", "USSR"};

int pg_country_known(const char *code)
{
    if (!code || strlen(code) != 3)
        return 0;
    size_t lo = 0, hi = (sizeof pg_countries - 1) / 3;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = memcmp(pg_countries + 3 * mid, code, 3);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* The ISO code for three letters of a CAMEO code, or NULL. */
static const char *pg_country_of(const char *three, char buf[4])
{
    memcpy(buf, three, 3);
    buf[3] = '\0';
    for (size_t i = 0; i < sizeof pg_cameo_countries / sizeof pg_cameo_countries[0]; i++)
        if (strcmp(buf, pg_cameo_countries[i][0]) == 0)
            return pg_cameo_countries[i][1];
    return pg_country_known(buf) ? buf : NULL;
}

/* ------------------------------------------------------------------ */
/* The parser                                                          */
/* ------------------------------------------------------------------ */

typedef struct pg_code {
    char *code;
    pg_day from, to;
} pg_code;

/* One actor being read: its name and synonyms as written. */
typedef struct pg_rec {
    char **names;
    size_t n_names, cap_names;
} pg_rec;

struct pg_cameo {
    pg_cameo_options opt;
    pg_cameo_stats stats;
    pg_strmap ids;   /* ids given */
    pg_strmap words; /* upper-case word -> PG_W_* flags */
    /* the input being read */
    const char *source;
    long line;
    int gap;    /* a blank or comment line since the record's last line */
    int in_xml; /* inside a multi-line <!-- --> comment */
    int stop;   /* ---STOP--- seen */
    /* records that share the codes read since their names */
    pg_rec *recs;
    size_t n_recs, cap_recs;
    pg_code *codes;
    size_t n_codes, cap_codes;
    pg_strmap seen_codes; /* "CODE from to", once a record has many codes */
    int coded;            /* a code group was read, valid or not */
};

/* Past this many codes or names in a record, duplicates are found by hash. */
#define PG_DEDUPE_LINEAR 16
/*
 * At most this many records share the codes that follow them; a longer run
 * of name lines without a code is cut, as a blank line would, so that a
 * hostile file cannot multiply its names by its codes.
 */
#define PG_GROUP_MAX 64

static int pg_nomem(pg_error *err)
{
    return pg_error_set(err, PG_ENOMEM, "out of memory");
}

static int pg_words_add(pg_strmap *m, const char *const *words, size_t n, long flag)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        long old = pg_strmap_get(m, words[i], len);
        if (pg_strmap_put(m, words[i], len, (old < 0 ? 0 : old) | flag) != 0)
            return -1;
    }
    return 0;
}

#define PG_COUNT(a) (sizeof(a) / sizeof((a)[0]))

int pg_cameo_new(pg_cameo **out, const pg_cameo_options *opt, pg_error *err)
{
    pg_cameo *p = calloc(1, sizeof *p);
    *out = NULL;
    if (!p)
        return pg_nomem(err);
    if (opt)
        p->opt = *opt;
    if (pg_words_add(&p->words, pg_org_words, PG_COUNT(pg_org_words), PG_W_ORG) != 0 ||
        pg_words_add(&p->words, pg_title_words, PG_COUNT(pg_title_words), PG_W_TITLE) != 0 ||
        pg_words_add(&p->words, pg_particles, PG_COUNT(pg_particles), PG_W_PARTICLE) != 0 ||
        pg_words_add(&p->words, pg_plain_words, PG_COUNT(pg_plain_words), PG_W_PLAIN) != 0 ||
        pg_words_add(&p->words, pg_caps_words, PG_COUNT(pg_caps_words), PG_W_CAPS) != 0) {
        pg_cameo_free(p);
        return pg_nomem(err);
    }
    *out = p;
    return PG_OK;
}

static void pg_group_clear(pg_cameo *p)
{
    for (size_t i = 0; i < p->n_recs; i++) {
        for (size_t k = 0; k < p->recs[i].n_names; k++)
            free(p->recs[i].names[k]);
        free(p->recs[i].names);
    }
    p->n_recs = 0;
    for (size_t i = 0; i < p->n_codes; i++)
        free(p->codes[i].code);
    p->n_codes = 0;
    p->coded = 0;
    pg_strmap_release(&p->seen_codes);
}

void pg_cameo_free(pg_cameo *p)
{
    if (!p)
        return;
    pg_group_clear(p);
    free(p->recs);
    free(p->codes);
    pg_strmap_release(&p->ids);
    pg_strmap_release(&p->words);
    free(p);
}

void pg_cameo_get_stats(const pg_cameo *p, pg_cameo_stats *out)
{
    *out = p->stats;
}

/* An error that ends the reading: "SOURCE:LINE: what". */
static int pg_fatal(pg_cameo *p, pg_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int pg_fatal(pg_cameo *p, pg_error *err, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return pg_error_set(err, PG_EINPUT, "%s:%ld: %s", p->source, p->line, msg);
}

/* Something the reader can skip: a warning, or an error when strict. */
static int pg_problem(pg_cameo *p, pg_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int pg_problem(pg_cameo *p, pg_error *err, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (p->opt.strict)
        return pg_error_set(err, PG_EINPUT, "%s:%ld: %s", p->source, p->line, msg);
    p->stats.warnings++;
    if (p->opt.warn) {
        char full[1024];
        snprintf(full, sizeof full, "%s:%ld: %s", p->source, p->line, msg);
        p->opt.warn(p->opt.ctx, full);
    }
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Codes and dates                                                     */
/* ------------------------------------------------------------------ */

static int pg_is_space(char c)
{
    return c == ' ' || c == '\t';
}

static void pg_trim(const char **s, size_t *n)
{
    while (*n > 0 && pg_is_space(**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && pg_is_space((*s)[*n - 1]))
        (*n)--;
}

/* "YYMMDD" or "YYYYMMDD"; two-digit years up to 30 are 20YY, else 19YY. */
static pg_day pg_cameo_date(const char *s, size_t n)
{
    if (n != 6 && n != 8)
        return PG_DAY_NONE;
    int v[8];
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return PG_DAY_NONE;
        v[i] = s[i] - '0';
    }
    int y, at;
    if (n == 6) {
        y = v[0] * 10 + v[1];
        y += y <= 30 ? 2000 : 1900;
        at = 2;
    } else {
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        at = 4;
    }
    return pg_day_from_ymd(y, v[at] * 10 + v[at + 1], v[at + 2] * 10 + v[at + 3]);
}

static size_t pg_code_key(char *key, size_t cap, const char *code, size_t n, pg_day from,
                          pg_day to)
{
    int k = snprintf(key, cap, "%.*s %ld %ld", (int)n, code, (long)from, (long)to);
    return k < 0 ? 0 : (size_t)k < cap ? (size_t)k : cap - 1;
}

/* Is the code with these dates in the record already? Remembers it if not. */
static int pg_code_seen(pg_cameo *p, const char *code, size_t n, pg_day from, pg_day to,
                        int *seen)
{
    char key[PG_CODE_MAX + 48];
    *seen = 0;
    if (p->n_codes < PG_DEDUPE_LINEAR) {
        for (size_t i = 0; i < p->n_codes && !*seen; i++)
            *seen = p->codes[i].from == from && p->codes[i].to == to &&
                    strlen(p->codes[i].code) == n && memcmp(p->codes[i].code, code, n) == 0;
        return 0;
    }
    if (p->seen_codes.n == 0) /* the first time past the bound: hash those read */
        for (size_t i = 0; i < p->n_codes; i++) {
            const pg_code *c = &p->codes[i];
            size_t kl = pg_code_key(key, sizeof key, c->code, strlen(c->code), c->from, c->to);
            if (pg_strmap_put(&p->seen_codes, key, kl, 1) != 0)
                return -1;
        }
    size_t kl = pg_code_key(key, sizeof key, code, n, from, to);
    *seen = pg_strmap_get(&p->seen_codes, key, kl) >= 0;
    return *seen ? 0 : pg_strmap_put(&p->seen_codes, key, kl, 1);
}

static int pg_add_code(pg_cameo *p, const char *code, size_t n, pg_day from, pg_day to,
                       pg_error *err)
{
    int seen;
    if (pg_code_seen(p, code, n, from, to, &seen) != 0)
        return pg_nomem(err);
    if (seen)
        return PG_OK; /* the same line twice */
    if (p->n_codes == p->cap_codes) {
        size_t cap = p->cap_codes ? p->cap_codes * 2 : 8;
        pg_code *v = realloc(p->codes, cap * sizeof *v);
        if (!v)
            return pg_nomem(err);
        p->codes = v;
        p->cap_codes = cap;
    }
    char *c = strndup(code, n);
    if (!c)
        return pg_nomem(err);
    p->codes[p->n_codes++] = (pg_code){c, from, to};
    return PG_OK;
}

static int pg_agents_error(pg_cameo *p, pg_error *err, const char *what, size_t n)
{
    return pg_fatal(p, err,
                    "'%.*s' belongs to a CAMEO agents dictionary; agents (PRESIDENT [~GOV]) are "
                    "role words, not actors, and agents dictionaries are not actor dictionaries",
                    (int)(n > 60 ? 60 : n), what);
}

/*
 * Reads the date d of the group g. A date of 7 or 9 digits is read as
 * PETRARCH reads it, without its last digit ("201005011"), with a warning.
 * *day is PG_DAY_NONE when the date is skipped.
 */
static int pg_group_date(pg_cameo *p, const char *d, size_t dn, const char *g, size_t gn,
                         pg_day *day, pg_error *err)
{
    int dl = (int)(dn > 40 ? 40 : dn), gl = (int)(gn > 60 ? 60 : gn);
    *day = pg_cameo_date(d, dn);
    if (*day != PG_DAY_NONE)
        return PG_OK;
    size_t digits = 0;
    while (digits < dn && d[digits] >= '0' && d[digits] <= '9')
        digits++;
    if (digits == dn && (dn == 7 || dn == 9)) {
        size_t use = dn - 1; /* one digit too many: the last, a slip */
        pg_day loose = pg_cameo_date(d, use);
        if (loose != PG_DAY_NONE) {
            char iso[11];
            pg_day_format(loose, iso);
            int rc = pg_problem(p, err, "date '%.*s' in '[%.*s]' has %zu digits; read as %s "
                                "(its first %zu)", dl, d, gl, g, dn, iso, use);
            if (rc == PG_OK)
                *day = loose;
            return rc;
        }
    }
    return pg_problem(p, err, "bad date '%.*s' in '[%.*s]' (expected YYMMDD or YYYYMMDD); "
                      "code skipped", dl, d, gl, g);
}

/* The inside of one [...] group: "CODE", "CODE <D", "CODE >D", "CODE A-B". */
static int pg_code_group(pg_cameo *p, const char *s, size_t n, pg_error *err)
{
    pg_trim(&s, &n);
    p->coded = 1;
    size_t cl = 0;
    while (cl < n && !pg_is_space(s[cl]))
        cl++;
    if (cl == 0)
        return pg_problem(p, err, "empty code '[]'");
    if (s[0] == '~')
        return pg_agents_error(p, err, s, n);
    const char *rest = s + cl;
    size_t rn = n - cl;
    pg_trim(&rest, &rn);
    if (cl == 3 && memcmp(s, "---", 3) == 0 && rn == 0)
        return PG_OK; /* the explicit "no code" */
    int ok = cl <= PG_CODE_MAX;
    for (size_t i = 0; i < cl && ok; i++)
        ok = (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9');
    if (!ok)
        return pg_problem(p, err, "'%.*s' is not a CAMEO code (upper-case letters and digits); "
                          "code skipped", (int)(cl > 60 ? 60 : cl), s);

    pg_day from = PG_DAY_NONE, to = PG_DAY_NONE;
    int rc = PG_OK;
    if (rn == 0)
        return pg_add_code(p, s, cl, from, to, err);
    if (rest[0] == '<' || rest[0] == '>') {
        const char *d = rest + 1;
        size_t dn = rn - 1;
        pg_day day;
        pg_trim(&d, &dn);
        if ((rc = pg_group_date(p, d, dn, s, n, &day, err)) != PG_OK || day == PG_DAY_NONE)
            return rc;
        if (rest[0] == '<')
            to = day;
        else
            from = day;
        return pg_add_code(p, s, cl, from, to, err);
    }
    const char *dash = memchr(rest, '-', rn);
    if (!dash) {
        /* PETRARCH reads "[USAGOV 19820101]" as the bare code */
        rc = pg_problem(p, err, "date restriction '%.*s' is not <DATE, >DATE or DATE-DATE; "
                        "read as the bare code", (int)(rn > 40 ? 40 : rn), rest);
        return rc == PG_OK ? pg_add_code(p, s, cl, from, to, err) : rc;
    }
    const char *a = rest, *b = dash + 1;
    size_t an = (size_t)(dash - rest), bn = rn - an - 1;
    pg_day end;
    pg_trim(&a, &an);
    pg_trim(&b, &bn);
    if ((rc = pg_group_date(p, a, an, s, n, &from, err)) != PG_OK || from == PG_DAY_NONE)
        return rc;
    if ((rc = pg_group_date(p, b, bn, s, n, &end, err)) != PG_OK || end == PG_DAY_NONE)
        return rc;
    /* the end day is the first day the code no longer applies */
    to = end - 1;
    if (end == from) {
        rc = pg_problem(p, err, "date range '%.*s' ends where it starts; read as the one day",
                        (int)(rn > 40 ? 40 : rn), rest);
        to = from;
    } else if (end < from) {
        return pg_problem(p, err, "date range '%.*s' ends before it starts; code skipped",
                          (int)(rn > 40 ? 40 : rn), rest);
    }
    return rc == PG_OK ? pg_add_code(p, s, cl, from, to, err) : rc;
}

/* The codes after a name: "[A] [B 990101-000101]", then maybe junk. */
static int pg_codes(pg_cameo *p, const char *s, size_t n, pg_error *err)
{
    size_t i = 0;
    for (;;) {
        while (i < n && pg_is_space(s[i]))
            i++;
        if (i == n)
            return PG_OK;
        if (s[i] != '[') {
            size_t left = n - i;
            return pg_problem(p, err, "text after the codes ignored: '%.*s'",
                              (int)(left > 40 ? 40 : left), s + i);
        }
        const char *close = memchr(s + i, ']', n - i);
        if (!close)
            return pg_fatal(p, err, "unterminated '[' (expected ']')");
        int rc = pg_code_group(p, s + i + 1, (size_t)(close - s) - i - 1, err);
        if (rc != PG_OK)
            return rc;
        i = (size_t)(close - s) + 1;
    }
}

/* ------------------------------------------------------------------ */
/* Words of a name                                                     */
/* ------------------------------------------------------------------ */

static int pg_is_sep(char c)
{
    return c == '_' || c == ' ' || c == '\t';
}

static int pg_upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static int pg_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int pg_is_alpha(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Upper-case key of a word without the punctuation around it; 0 if empty. */
static size_t pg_word_key(const char *w, size_t n, char *key, size_t cap)
{
    while (n > 0 && !pg_is_alpha(*w) && !(*w >= '0' && *w <= '9') && (unsigned char)*w < 0x80) {
        w++;
        n--;
    }
    while (n > 0 && !pg_is_alpha(w[n - 1]) && !(w[n - 1] >= '0' && w[n - 1] <= '9') &&
           (unsigned char)w[n - 1] < 0x80)
        n--;
    if (n == 0 || n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)pg_upper((unsigned char)w[i]);
    key[n] = '\0';
    return n;
}

static long pg_word_flags(const pg_cameo *p, const char *w, size_t n)
{
    char key[64];
    size_t k = pg_word_key(w, n, key, sizeof key);
    if (k == 0)
        return 0;
    long f = pg_strmap_get(&p->words, key, k);
    return f < 0 ? 0 : f;
}

/* Calls fn on each word of a raw name; stops when fn returns non-zero. */
typedef int (*pg_word_fn)(void *ctx, const char *w, size_t n, size_t index);

static int pg_each_word(const char *name, pg_word_fn fn, void *ctx)
{
    size_t index = 0;
    for (const char *s = name; *s;) {
        while (*s && pg_is_sep(*s))
            s++;
        const char *w = s;
        while (*s && !pg_is_sep(*s))
            s++;
        if (s > w) {
            int rc = fn(ctx, w, (size_t)(s - w), index++);
            if (rc)
                return rc;
        }
    }
    return 0;
}

typedef struct pg_flag_scan {
    const pg_cameo *p;
    long want;
} pg_flag_scan;

static int pg_has_flag_cb(void *ctx, const char *w, size_t n, size_t index)
{
    (void)index;
    pg_flag_scan *s = ctx;
    return (pg_word_flags(s->p, w, n) & s->want) != 0;
}

static int pg_name_has(const pg_cameo *p, const char *name, long flag)
{
    pg_flag_scan s = {p, flag};
    return pg_each_word(name, pg_has_flag_cb, &s);
}

/* A word that can tell two names apart: 4+ characters, not a title. */
static int pg_significant(const pg_cameo *p, const char *w, size_t n)
{
    char key[64];
    size_t k = pg_word_key(w, n, key, sizeof key);
    return k >= 4 && (pg_word_flags(p, w, n) & (PG_W_TITLE | PG_W_PARTICLE)) == 0;
}

typedef struct pg_share_scan {
    const pg_cameo *p;
    const char *w;
    size_t n;
} pg_share_scan;

static int pg_same_word_cb(void *ctx, const char *w, size_t n, size_t index)
{
    (void)index;
    pg_share_scan *s = ctx;
    char a[64], b[64];
    size_t ka = pg_word_key(w, n, a, sizeof a), kb = pg_word_key(s->w, s->n, b, sizeof b);
    return ka > 0 && ka == kb && memcmp(a, b, ka) == 0;
}

typedef struct pg_share_outer {
    const pg_cameo *p;
    const pg_rec *rec;
} pg_share_outer;

static int pg_share_cb(void *ctx, const char *w, size_t n, size_t index)
{
    (void)index;
    pg_share_outer *o = ctx;
    if (!pg_significant(o->p, w, n))
        return 0;
    pg_share_scan s = {o->p, w, n};
    const pg_rec *r = o->rec;
    if (r->n_names == 0)
        return 0; /* after a line of no name */
    return pg_each_word(r->names[0], pg_same_word_cb, &s) ||
           (r->n_names > 1 && pg_each_word(r->names[r->n_names - 1], pg_same_word_cb, &s));
}

/*
 * Does the name share a telling word with the record's name or its last
 * synonym? (Not all synonyms: a long run of them would make it quadratic.)
 */
static int pg_shares_word(const pg_cameo *p, const pg_rec *rec, const char *name)
{
    pg_share_outer o = {p, rec};
    return pg_each_word(name, pg_share_cb, &o);
}

/* ------------------------------------------------------------------ */
/* Display names and ids                                               */
/* ------------------------------------------------------------------ */

typedef struct pg_buf {
    char *s;
    size_t n, cap;
} pg_buf;

static int pg_buf_put(pg_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->n + n + 1 > cap)
            cap *= 2;
        char *v = realloc(b->s, cap);
        if (!v)
            return -1;
        b->s = v;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

/* Title case of one hyphen part: "O'Brien", "D'Alema", "McCloy"; but "Baha'i". */
static void pg_title_part(char *w, size_t n, int lower_all)
{
    int start = !lower_all;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (pg_is_alpha(c)) {
            w[i] = (char)(start ? pg_upper(c) : pg_lower(c));
            start = 0;
            letters++;
        } else if (c == '\'' || c == '`') {
            start = !lower_all && letters == 1;
        } else if (c == 0xC3 && i + 1 < n) {
            /* Latin-1 letters: U+00C0-U+00DE upper, U+00E0-U+00FE lower, but for × and ÷ */
            unsigned char d = (unsigned char)w[++i];
            if (start && d >= 0xA0 && d <= 0xBE && d != 0xB7)
                w[i] = (char)(d - 0x20);
            else if (!start && d >= 0x80 && d <= 0x9E && d != 0x97)
                w[i] = (char)(d + 0x20);
            start = 0;
            letters++;
        } else if (c >= 0xC0) {
            start = 0; /* another non-ASCII letter, left as written */
            letters++;
        }
    }
    if (!lower_all && n >= 4 && w[0] == 'M' && w[1] == 'c' && pg_is_alpha((unsigned char)w[2]) &&
        pg_is_alpha((unsigned char)w[3]))
        w[2] = (char)pg_upper((unsigned char)w[2]);
}

static int pg_is_vowel(int c)
{
    return c != 0 && strchr("AEIOUY", pg_upper(c)) != NULL;
}

/* Consonant, vowel, consonant: a word ("HER", "BET"), seldom an acronym. */
static int pg_cvc(const char *s)
{
    return !pg_is_vowel((unsigned char)s[0]) && pg_is_vowel((unsigned char)s[1]) &&
           !pg_is_vowel((unsigned char)s[2]);
}

typedef struct pg_display {
    const pg_cameo *p;
    pg_kind kind;
    pg_buf out;
    int failed;
} pg_display;

static int pg_display_cb(void *ctx, const char *w, size_t n, size_t index)
{
    pg_display *d = ctx;
    if (index > 0 && pg_buf_put(&d->out, " ", 1) != 0)
        return d->failed = 1;
    size_t at = d->out.n;
    if (pg_buf_put(&d->out, w, n) != 0)
        return d->failed = 1;
    char *s = d->out.s + at;

    size_t letters = 0, vowels = 0;
    int digit = 0, dotted = 0;
    for (size_t i = 0; i < n; i++) {
        int c = pg_upper((unsigned char)s[i]);
        if (pg_is_alpha(c)) {
            letters++;
            vowels += pg_is_vowel(c);
        }
        digit |= c >= '0' && c <= '9';
        /* U.S., U.N. -- but not the full stop of "Mr." */
        dotted |= c == '.' && i + 1 < n && pg_is_alpha((unsigned char)s[i + 1]);
    }
    long flags = pg_word_flags(d->p, w, n);
    if (digit || dotted || s[0] == '(' || (flags & PG_W_CAPS))
        return 0; /* kept as written */
    if (d->kind != PG_KIND_PERSON && letters >= 2 && letters == n &&
        !(flags & (PG_W_PLAIN | PG_W_PARTICLE)) && (vowels == 0 || letters == 2 || (letters == 3 && !pg_cvc(s))))
        return 0; /* "UN", "CIA", "KRG"; but "Lok Sabha", "Shin Bet" */
    if (index > 0 && letters == n && (flags & PG_W_PARTICLE)) {
        pg_title_part(s, n, 1);
        return 0;
    }
    /* hyphen parts: "AL-ASSAD" inside a name is "al-Assad" */
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '-')
            j++;
        int lower = (index > 0 || i > 0) && (pg_word_flags(d->p, s + i, j - i) & PG_W_PARTICLE);
        pg_title_part(s + i, j - i, lower);
        i = j + 1;
    }
    return 0;
}

/* "VLADIMIR_PUTIN_" -> "Vladimir Putin"; NULL when out of memory. */
static char *pg_display_name(const pg_cameo *p, const char *raw, pg_kind kind)
{
    pg_display d = {p, kind, {NULL, 0, 0}, 0};
    pg_each_word(raw, pg_display_cb, &d);
    if (d.failed) {
        free(d.out.s);
        return NULL;
    }
    if (!d.out.s)
        return strdup("");
    return d.out.s;
}

/*
 * A slug of the name not given before: "x", "x-2", "x-3" ... The map keeps,
 * for a slug given, the next number to try, so that a name read 10,000
 * times does not try 10,000 numbers each time.
 */
static int pg_unique_id(pg_cameo *p, const char *name, char *id, size_t cap, pg_error *err)
{
    char base[PG_ID_MAX + 1];
    pg_slug(name, strlen(name), base, sizeof base);
    if (!base[0])
        strcpy(base, "actor");
    size_t bl = strlen(base);
    long next = pg_strmap_get(&p->ids, base, bl);
    snprintf(id, cap, "%s", base);
    if (next >= 0) {
        long k = next < 2 ? 2 : next;
        for (;; k++) {
            snprintf(id, cap, "%s-%ld", base, k);
            if (pg_strmap_get(&p->ids, id, strlen(id)) < 0)
                break;
        }
        if (pg_strmap_put(&p->ids, base, bl, k + 1) != 0)
            return pg_nomem(err);
    }
    if (pg_strmap_put(&p->ids, id, strlen(id), 2) != 0)
        return pg_nomem(err);
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

static int pg_push_name(pg_rec *r, const char *s, size_t n, pg_error *err)
{
    if (r->n_names == r->cap_names) {
        size_t cap = r->cap_names ? r->cap_names * 2 : 4;
        char **v = realloc(r->names, cap * sizeof *v);
        if (!v)
            return pg_nomem(err);
        r->names = v;
        r->cap_names = cap;
    }
    char *c = strndup(s, n);
    if (!c)
        return pg_nomem(err);
    r->names[r->n_names++] = c;
    return PG_OK;
}

static int pg_new_rec(pg_cameo *p, pg_error *err)
{
    if (p->n_recs == p->cap_recs) {
        size_t cap = p->cap_recs ? p->cap_recs * 2 : 4;
        pg_rec *v = realloc(p->recs, cap * sizeof *v);
        if (!v)
            return pg_nomem(err);
        p->recs = v;
        p->cap_recs = cap;
    }
    memset(&p->recs[p->n_recs++], 0, sizeof(pg_rec));
    return PG_OK;
}

static int pg_count_cb(void *ctx, const char *w, size_t n, size_t index)
{
    (void)w;
    (void)n;
    *(size_t *)ctx = index + 1;
    return 0;
}

static size_t pg_word_count(const char *name)
{
    size_t n = 0;
    pg_each_word(name, pg_count_cb, &n);
    return n;
}

/* What the record names, and its country (see pg_cameo.h). */
static pg_kind pg_classify(const pg_cameo *p, const pg_rec *r, char country[4])
{
    char buf[4];
    country[0] = '\0';
    /* a bare country code, dated or not ("CROATIA_ [YUGHRV <910625] [HRV >910625]") */
    for (size_t i = 0; i < p->n_codes; i++) {
        const char *iso = strlen(p->codes[i].code) == 3 ? pg_country_of(p->codes[i].code, buf)
                                                          : NULL;
        if (iso) {
            memcpy(country, iso, 4);
            return PG_KIND_COUNTRY;
        }
    }
    for (size_t i = 0; i < p->n_codes && !country[0]; i++) {
        const char *c = p->codes[i].code, *iso = NULL;
        size_t n = strlen(c);
        if (n >= 6 && (memcmp(c, "MNC", 3) == 0 || memcmp(c, "NGO", 3) == 0))
            iso = pg_country_of(c + 3, buf);
        else if (n >= 3)
            iso = pg_country_of(c, buf);
        if (iso)
            memcpy(country, iso, 4);
    }
    if (pg_name_has(p, r->names[0], PG_W_ORG))
        return PG_KIND_ORGANIZATION;
    for (size_t i = 0; i < p->n_codes; i++)
        if (p->codes[i].from != PG_DAY_NONE || p->codes[i].to != PG_DAY_NONE)
            return PG_KIND_PERSON;
    if (pg_name_has(p, r->names[0], PG_W_TITLE))
        return PG_KIND_PERSON;
    /* ELI ("elites") codes individuals: "DENG_XIAOPING [CHNELI]"; but "ERGENEKON [TURELI]" */
    if (p->n_codes > 0 && strlen(p->codes[0].code) >= 6 &&
        memcmp(p->codes[0].code + 3, "ELI", 3) == 0 && pg_word_count(r->names[0]) >= 2)
        return PG_KIND_PERSON;
    return PG_KIND_ORGANIZATION;
}

static void pg_actor_clear(pg_actor *a)
{
    free(a->id);
    free(a->name);
    for (size_t i = 0; i < a->n_aliases; i++)
        free(a->aliases[i]);
    free(a->aliases);
    free(a->roles); /* titles belong to the parser's codes */
    memset(a, 0, sizeof *a);
}

static int pg_emit_rec(pg_cameo *p, const pg_rec *r, pg_error *err)
{
    pg_actor a;
    memset(&a, 0, sizeof a);
    a.kind = pg_classify(p, r, a.country);
    int rc = PG_OK;
    a.name = pg_display_name(p, r->names[0], a.kind);
    a.aliases = calloc(r->n_names, sizeof *a.aliases);
    a.roles = calloc(p->n_codes + 1, sizeof *a.roles);
    if (!a.name || !a.aliases || !a.roles) {
        rc = pg_nomem(err);
        goto out;
    }
    pg_strmap seen = {0}; /* for records of many names */
    for (size_t i = 1; i < r->n_names; i++) {
        char *s = pg_display_name(p, r->names[i], a.kind);
        if (!s) {
            rc = pg_nomem(err);
            break;
        }
        int dup = !s[0] || strcmp(s, a.name) == 0;
        if (r->n_names <= PG_DEDUPE_LINEAR) {
            for (size_t k = 0; k < a.n_aliases && !dup; k++)
                dup = strcmp(s, a.aliases[k]) == 0;
        } else if (!dup) {
            dup = pg_strmap_get(&seen, s, strlen(s)) >= 0;
            if (!dup && pg_strmap_put(&seen, s, strlen(s), 1) != 0) {
                free(s);
                rc = pg_nomem(err);
                break;
            }
        }
        if (dup)
            free(s);
        else
            a.aliases[a.n_aliases++] = s;
    }
    pg_strmap_release(&seen);
    if (rc != PG_OK)
        goto out;
    for (size_t i = 0; i < p->n_codes; i++)
        a.roles[a.n_roles++] = (pg_role){p->codes[i].code, p->codes[i].from, p->codes[i].to, NULL, 0};

    char id[PG_ID_MAX + 16];
    rc = pg_unique_id(p, a.name, id, sizeof id, err);
    if (rc == PG_OK && !(a.id = strdup(id)))
        rc = pg_nomem(err);
    if (rc == PG_OK && p->opt.record)
        rc = p->opt.record(p->opt.ctx, &a, err);
    if (rc == PG_OK) {
        p->stats.records++;
        p->stats.aliases += a.n_aliases;
        p->stats.roles += a.n_roles;
        p->stats.kinds[a.kind]++;
    }
out:
    pg_actor_clear(&a);
    return rc;
}

/* Gives out the records read so far. */
static int pg_emit(pg_cameo *p, pg_error *err)
{
    int rc = PG_OK;
    for (size_t i = 0; i < p->n_recs && rc == PG_OK; i++)
        if (p->recs[i].n_names > 0)
            rc = pg_emit_rec(p, &p->recs[i], err);
    pg_group_clear(p);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */
/* ------------------------------------------------------------------ */

static int pg_name_line(pg_cameo *p, const char *s, size_t n, pg_error *err)
{
    const char *bracket = memchr(s, '[', n);
    size_t nn = bracket ? (size_t)(bracket - s) : n;
    const char *name = s;
    pg_trim(&name, &nn);
    if (name[0] == '!' && memchr(name, '=', n - (size_t)(name - s)))
        return pg_agents_error(p, err, name, nn);

    size_t letters = 0;
    for (size_t i = 0; i < nn; i++)
        letters += !pg_is_sep(name[i]);
    if (letters == 0) {
        /* "_ [USAGOV]": no name to give; a record of no name keeps its codes from others */
        int rc = pg_problem(p, err, "a name line with no name ignored");
        if (rc == PG_OK)
            rc = pg_emit(p, err);
        if (rc == PG_OK)
            rc = pg_new_rec(p, err);
        if (rc == PG_OK && bracket)
            rc = pg_codes(p, bracket, n - (size_t)(bracket - s), err);
        return rc;
    }
    char *tmp = strndup(name, nn);
    if (!tmp)
        return pg_nomem(err);
    int rc = PG_OK;
    if (p->n_recs > 0 && p->n_recs < PG_GROUP_MAX && !p->coded && !p->gap) {
        /* no code yet: this name shares the codes that follow */
        pg_rec *last = &p->recs[p->n_recs - 1];
        if (pg_shares_word(p, last, tmp))
            rc = pg_push_name(last, name, nn, err);
        else if ((rc = pg_new_rec(p, err)) == PG_OK)
            rc = pg_push_name(&p->recs[p->n_recs - 1], name, nn, err);
    } else {
        rc = pg_emit(p, err);
        if (rc == PG_OK)
            rc = pg_new_rec(p, err);
        if (rc == PG_OK)
            rc = pg_push_name(&p->recs[p->n_recs - 1], name, nn, err);
    }
    free(tmp);
    if (rc == PG_OK && bracket)
        rc = pg_codes(p, bracket, n - (size_t)(bracket - s), err);
    return rc;
}

static int pg_synonym_line(pg_cameo *p, const char *s, size_t n, pg_error *err)
{
    if (p->n_recs == 0)
        return pg_fatal(p, err, "a synonym ('+%.*s') before any name", (int)(n > 41 ? 40 : n - 1),
                        s + 1);
    const char *bracket = memchr(s, '[', n);
    const char *name = s + 1;
    size_t nn = (bracket ? (size_t)(bracket - s) : n) - 1;
    pg_trim(&name, &nn);
    size_t letters = 0;
    for (size_t i = 0; i < nn; i++)
        letters += !pg_is_sep(name[i]);
    int rc = PG_OK;
    if (letters == 0)
        rc = pg_problem(p, err, "empty synonym '+' ignored");
    else
        rc = pg_push_name(&p->recs[p->n_recs - 1], name, nn, err);
    if (rc == PG_OK && bracket)
        rc = pg_codes(p, bracket, n - (size_t)(bracket - s), err);
    return rc;
}

static int pg_content_line(pg_cameo *p, const char *line, size_t len, pg_error *err)
{
    size_t i = 0;
    while (i < len && pg_is_space(line[i]))
        i++;
    if (i == len || line[i] == '#') {
        p->gap = 1;
        return PG_OK;
    }
    if (len - i >= 4 && memcmp(line + i, "<!--", 4) == 0) {
        /* PETRARCH's XML comments */
        p->gap = 1;
        p->in_xml = 1;
        for (size_t k = i + 4; k + 3 <= len; k++)
            if (memcmp(line + k, "-->", 3) == 0)
                p->in_xml = 0;
        return PG_OK;
    }
    if (len - i >= 10 && memcmp(line + i, "---STOP---", 10) == 0) {
        p->stop = 1;
        return PG_OK;
    }
    const char *hash = memchr(line + i, '#', len - i);
    size_t n = (hash ? (size_t)(hash - line) : len) - i;
    const char *s = line + i;
    while (n > 0 && pg_is_space(s[n - 1]))
        n--;
    int rc;
    if (s[0] == '[') {
        if (p->n_recs == 0)
            return pg_fatal(p, err, "a code line ('%.*s') before any name",
                            (int)(n > 40 ? 40 : n), s);
        rc = pg_codes(p, s, n, err);
    } else if (s[0] == '+') {
        rc = pg_synonym_line(p, s, n, err);
    } else {
        rc = pg_name_line(p, s, n, err);
    }
    p->gap = 0;
    return rc;
}

static int pg_line(pg_cameo *p, const char *line, size_t len, pg_error *err)
{
    p->line++;
    p->stats.lines++;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    if (p->in_xml) {
        for (size_t k = 0; k + 3 <= len; k++)
            if (memcmp(line + k, "-->", 3) == 0)
                p->in_xml = 0;
        return PG_OK;
    }
    char *fixed = NULL;
    size_t fixed_len = len, first_bad = 0;
    size_t bad = pg_utf8_repair(line, len, &fixed, &fixed_len, &first_bad);
    if (bad == SIZE_MAX)
        return pg_nomem(err);
    int rc = PG_OK;
    if (bad > 0) {
        rc = pg_problem(p, err, "invalid UTF-8 at byte %zu replaced by U+FFFD", first_bad + 1);
        line = fixed;
        len = fixed_len;
    }
    if (rc == PG_OK)
        rc = pg_content_line(p, line, len, err);
    free(fixed);
    return rc;
}

static void pg_begin(pg_cameo *p, const char *source)
{
    p->source = source;
    p->line = 0;
    p->gap = 0;
    p->in_xml = 0;
    p->stop = 0;
}

static int pg_end(pg_cameo *p, int rc, pg_error *err)
{
    if (rc == PG_OK)
        rc = pg_emit(p, err);
    pg_group_clear(p);
    p->source = NULL;
    return rc;
}

int pg_cameo_read_mem(pg_cameo *p, const char *text, size_t len, const char *source,
                      pg_error *err)
{
    pg_begin(p, source);
    int rc = PG_OK;
    size_t at = 0;
    while (at < len && rc == PG_OK && !p->stop) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        rc = pg_line(p, text + at, end - at, err);
        at = end;
    }
    return pg_end(p, rc, err);
}

/* Longest line accepted: CAMEO lines are short, a device has no end. */
#define PG_CAMEO_LINE_MAX ((size_t)1 << 20)

/*
 * One line with its newline into *line. 1 a line, 0 the end, -1 a NUL byte
 * or a line over PG_CAMEO_LINE_MAX, -2 out of memory.
 */
static int pg_read_line(FILE *f, char **line, size_t *cap, size_t *len)
{
    size_t n = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (c == 0 || n + 2 > PG_CAMEO_LINE_MAX)
            return -1;
        if (n + 2 > *cap) {
            size_t grown = *cap ? *cap * 2 : 256;
            char *b = realloc(*line, grown);
            if (!b)
                return -2;
            *line = b;
            *cap = grown;
        }
        (*line)[n++] = (char)c;
        if (c == '\n')
            break;
    }
    if (n == 0)
        return 0;
    (*line)[n] = '\0';
    *len = n;
    return 1;
}

int pg_cameo_read_file(pg_cameo *p, const char *path, pg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return pg_error_set(err, PG_EIO, "%s: cannot open: %s", path, strerror(errno));
    pg_begin(p, path);
    char *line = NULL;
    size_t cap = 0, got, lineno = 0;
    int rc = PG_OK;
    while (rc == PG_OK && !p->stop) {
        lineno++;
        int r = pg_read_line(f, &line, &cap, &got);
        if (r == 0)
            break;
        if (r < 0)
            rc = r == -2 ? pg_error_set(err, PG_ENOMEM, "%s: out of memory", path)
                         : pg_error_set(err, PG_EINPUT,
                                        "%s:%zu: a NUL byte or a line over 1 MiB: not an actors file",
                                        path, lineno);
        else
            rc = pg_line(p, line, got, err);
    }
    if (rc == PG_OK && ferror(f))
        rc = pg_error_set(err, PG_EIO, "%s: read error", path);
    free(line);
    fclose(f);
    return pg_end(p, rc, err);
}

/* ------------------------------------------------------------------ */
/* Dictionary JSON                                                     */
/* ------------------------------------------------------------------ */

/*
 * The collector keeps its strings in one buffer and its aliases, roles and
 * descriptions as linked lists in one array: a merge can add to an actor
 * read long before, and 25,000 actors do not make a million small objects
 * as a JSON tree would.
 */
typedef struct pg_jitem {
    size_t text; /* alias, role title or description */
    pg_day from, to;
    long next;
    long sub, sub_tail; /* a role's descriptions */
} pg_jitem;

typedef struct pg_jactor {
    size_t id, name;
    pg_kind kind;
    char country[4];
    long aliases, aliases_tail, roles, roles_tail;
} pg_jactor;

struct pg_cameo_json {
    pg_buf strs;
    pg_jitem *items;
    size_t n_items, cap_items;
    pg_jactor *actors;
    size_t n_actors, cap_actors;
    pg_strmap names; /* name -> actor */
    pg_strmap seen;  /* "actor alias" and "actor role" keys, for merges */
    pg_buf key;
    size_t merged;
};

int pg_cameo_json_new(pg_cameo_json **out, pg_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? PG_OK : pg_nomem(err);
}

void pg_cameo_json_free(pg_cameo_json *j)
{
    if (!j)
        return;
    free(j->strs.s);
    free(j->items);
    free(j->actors);
    pg_strmap_release(&j->names);
    pg_strmap_release(&j->seen);
    free(j->key.s);
    free(j);
}

size_t pg_cameo_json_size(const pg_cameo_json *j)
{
    return j->n_actors;
}

size_t pg_cameo_json_merged(const pg_cameo_json *j)
{
    return j->merged;
}

/* Offset of a copy of s in the string buffer, or (size_t)-1. */
static size_t pg_jstr(pg_cameo_json *j, const char *s)
{
    size_t at = j->strs.n;
    if (pg_buf_put(&j->strs, s, strlen(s) + 1) != 0)
        return (size_t)-1;
    return at;
}

static const char *pg_jtext(const pg_cameo_json *j, size_t off)
{
    return j->strs.s + off;
}

/* Appends an item to the list (*head, *tail); its index, or -1. */
static long pg_jitem_add(pg_cameo_json *j, long *head, long *tail, const char *text,
                         pg_day from, pg_day to)
{
    size_t t = pg_jstr(j, text);
    if (t == (size_t)-1)
        return -1;
    if (j->n_items == j->cap_items) {
        size_t cap = j->cap_items ? j->cap_items * 2 : 1024;
        pg_jitem *v = realloc(j->items, cap * sizeof *v);
        if (!v)
            return -1;
        j->items = v;
        j->cap_items = cap;
    }
    long at = (long)j->n_items++;
    j->items[at] = (pg_jitem){t, from, to, -1, -1, -1};
    if (*tail >= 0)
        j->items[*tail].next = at;
    else
        *head = at;
    *tail = at;
    return at;
}

/*
 * Is this alias (role == NULL) or role of the actor known? Remembers it if
 * not. Keys: "actor \x1f alias", "actor \x1e title from to". -1: no memory.
 */
static int pg_jseen(pg_cameo_json *j, size_t actor, const char *alias, const pg_role *role)
{
    char head[96];
    if (role)
        snprintf(head, sizeof head, "%zu\x1e%ld %ld ", actor, (long)role->from, (long)role->to);
    else
        snprintf(head, sizeof head, "%zu\x1f", actor);
    const char *text = role ? role->title : alias;
    j->key.n = 0;
    if (pg_buf_put(&j->key, head, strlen(head)) != 0 ||
        pg_buf_put(&j->key, text, strlen(text)) != 0)
        return -1;
    /* descriptions are part of a role */
    for (size_t k = 0; role && k < role->n_descriptions; k++)
        if (pg_buf_put(&j->key, "\x1d", 1) != 0 ||
            pg_buf_put(&j->key, role->descriptions[k], strlen(role->descriptions[k])) != 0)
            return -1;
    if (pg_strmap_get(&j->seen, j->key.s, j->key.n) >= 0)
        return 1;
    return pg_strmap_put(&j->seen, j->key.s, j->key.n, 1) == 0 ? 0 : -1;
}

static int pg_jrole_add(pg_cameo_json *j, pg_jactor *ja, const pg_role *r)
{
    long at = pg_jitem_add(j, &ja->roles, &ja->roles_tail, r->title, r->from, r->to);
    if (at < 0)
        return -1;
    for (size_t k = 0; k < r->n_descriptions; k++) {
        long head = j->items[at].sub, tail = j->items[at].sub_tail;
        if (pg_jitem_add(j, &head, &tail, r->descriptions[k], PG_DAY_NONE, PG_DAY_NONE) < 0)
            return -1;
        j->items[at].sub = head;
        j->items[at].sub_tail = tail;
    }
    return 0;
}

/*
 * Adds a record to the actor of the same name read before ("XI_JINPING"
 * twice, the repeated blocks of the International file): one name is one
 * actor, else the matcher would name neither.
 */
static int pg_jmerge(pg_cameo_json *j, size_t index, const pg_actor *a)
{
    pg_jactor *ja = &j->actors[index];
    if (ja->roles < 0 && a->n_roles > 0)
        ja->kind = a->kind; /* the first had no code: the second tells what it is */
    if (!ja->country[0])
        memcpy(ja->country, a->country, sizeof ja->country);
    for (size_t i = 0; i < a->n_aliases; i++) {
        if (strcmp(a->aliases[i], pg_jtext(j, ja->name)) == 0)
            continue;
        int seen = pg_jseen(j, index, a->aliases[i], NULL);
        if (seen < 0 || (!seen && pg_jitem_add(j, &ja->aliases, &ja->aliases_tail, a->aliases[i],
                                               PG_DAY_NONE, PG_DAY_NONE) < 0))
            return -1;
    }
    for (size_t i = 0; i < a->n_roles; i++) {
        int seen = pg_jseen(j, index, NULL, &a->roles[i]);
        if (seen < 0 || (!seen && pg_jrole_add(j, ja, &a->roles[i]) != 0))
            return -1;
    }
    return 0;
}

int pg_cameo_json_add(void *ctx, const pg_actor *a, pg_error *err)
{
    pg_cameo_json *j = ctx;
    size_t nl = strlen(a->name);
    long at = pg_strmap_get(&j->names, a->name, nl);
    if (at >= 0) {
        j->merged++;
        return pg_jmerge(j, (size_t)at, a) == 0 ? PG_OK : pg_nomem(err);
    }
    if (j->n_actors == j->cap_actors) {
        size_t cap = j->cap_actors ? j->cap_actors * 2 : 256;
        pg_jactor *v = realloc(j->actors, cap * sizeof *v);
        if (!v)
            return pg_nomem(err);
        j->actors = v;
        j->cap_actors = cap;
    }
    pg_jactor ja = {0, 0, a->kind, "", -1, -1, -1, -1};
    memcpy(ja.country, a->country, sizeof ja.country);
    ja.country[3] = '\0';
    ja.id = pg_jstr(j, a->id);
    ja.name = pg_jstr(j, a->name);
    if (ja.id == (size_t)-1 || ja.name == (size_t)-1 ||
        pg_strmap_put(&j->names, a->name, nl, (long)j->n_actors) != 0)
        return pg_nomem(err);
    j->actors[j->n_actors++] = ja;
    return pg_jmerge(j, j->n_actors - 1, a) == 0 ? PG_OK : pg_nomem(err);
}

/* A JSON string: UTF-8 as it is, quotes, backslashes and controls escaped. */
static int pg_jquote(pg_buf *b, const char *s)
{
    int bad = pg_buf_put(b, "\"", 1);
    const char *run = s;
    for (; *s && !bad; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        char esc[8];
        if (c == '"' || c == '\\')
            snprintf(esc, sizeof esc, "\\%c", c);
        else if (c == '\n')
            snprintf(esc, sizeof esc, "\\n");
        else if (c == '\t')
            snprintf(esc, sizeof esc, "\\t");
        else
            snprintf(esc, sizeof esc, "\\u%04X", c);
        bad = pg_buf_put(b, run, (size_t)(s - run)) || pg_buf_put(b, esc, strlen(esc));
        run = s + 1;
    }
    return bad || pg_buf_put(b, run, strlen(run)) || pg_buf_put(b, "\"", 1);
}

static int pg_jindent(pg_buf *b, int depth)
{
    static const char spaces[] = "                    ";
    return pg_buf_put(b, "\n", 1) || pg_buf_put(b, spaces, (size_t)depth * 2);
}

/* "key": value, at the given depth; 'first' says whether a comma goes before. */
static int pg_jkey(pg_buf *b, int depth, int *first, const char *key)
{
    int bad = (!*first && pg_buf_put(b, ",", 1)) || pg_jindent(b, depth) || pg_jquote(b, key) ||
              pg_buf_put(b, ": ", 2);
    *first = 0;
    return bad;
}

static int pg_jlist(pg_buf *b, const pg_cameo_json *j, long head, int depth)
{
    int bad = pg_buf_put(b, "[", 1);
    for (long i = head; i >= 0 && !bad; i = j->items[i].next)
        bad = (i != head && pg_buf_put(b, ",", 1)) || pg_jindent(b, depth + 1) ||
              pg_jquote(b, pg_jtext(j, j->items[i].text));
    return bad || pg_jindent(b, depth) || pg_buf_put(b, "]", 1);
}

static int pg_jday(pg_buf *b, int depth, int *first, const char *key, pg_day day)
{
    if (day == PG_DAY_NONE)
        return 0;
    char iso[11];
    pg_day_format(day, iso);
    return pg_jkey(b, depth, first, key) || pg_jquote(b, iso);
}

/* One actor, keys in sorted order as JSON_SORT_KEYS would write them. */
static int pg_jactor_write(pg_buf *b, const pg_cameo_json *j, const pg_jactor *a)
{
    int first = 1, bad = pg_buf_put(b, "{", 1);
    if (!bad && a->aliases >= 0)
        bad = pg_jkey(b, 3, &first, "aliases") || pg_jlist(b, j, a->aliases, 3);
    if (!bad && a->country[0])
        bad = pg_jkey(b, 3, &first, "country") || pg_jquote(b, a->country);
    bad = bad || pg_jkey(b, 3, &first, "id") || pg_jquote(b, pg_jtext(j, a->id)) ||
          pg_jkey(b, 3, &first, "kind") || pg_jquote(b, pg_kind_name(a->kind)) ||
          pg_jkey(b, 3, &first, "name") || pg_jquote(b, pg_jtext(j, a->name));
    if (!bad && a->roles >= 0) {
        bad = pg_jkey(b, 3, &first, "roles") || pg_buf_put(b, "[", 1);
        for (long i = a->roles; i >= 0 && !bad; i = j->items[i].next) {
            const pg_jitem *r = &j->items[i];
            int rfirst = 1;
            bad = (i != a->roles && pg_buf_put(b, ",", 1)) || pg_jindent(b, 4) ||
                  pg_buf_put(b, "{", 1);
            if (!bad && r->sub >= 0)
                bad = pg_jkey(b, 5, &rfirst, "descriptions") || pg_jlist(b, j, r->sub, 5);
            bad = bad || pg_jday(b, 5, &rfirst, "from", r->from) ||
                  pg_jkey(b, 5, &rfirst, "title") || pg_jquote(b, pg_jtext(j, r->text)) ||
                  pg_jday(b, 5, &rfirst, "to", r->to) || pg_jindent(b, 4) ||
                  pg_buf_put(b, "}", 1);
        }
        bad = bad || pg_jindent(b, 3) || pg_buf_put(b, "]", 1);
    }
    return bad || pg_jindent(b, 2) || pg_buf_put(b, "}", 1);
}

int pg_cameo_json_dump(const pg_cameo_json *j, char **out, size_t *len, pg_error *err)
{
    pg_buf b = {NULL, 0, 0};
    int bad = pg_buf_put(&b, "{", 1) || pg_jindent(&b, 1) || pg_buf_put(&b, "\"actors\": [", 11);
    for (size_t i = 0; i < j->n_actors && !bad; i++)
        bad = (i > 0 && pg_buf_put(&b, ",", 1)) || pg_jindent(&b, 2) ||
              pg_jactor_write(&b, j, &j->actors[i]);
    if (!bad && j->n_actors > 0)
        bad = pg_jindent(&b, 1);
    bad = bad || pg_buf_put(&b, "]", 1) || pg_jindent(&b, 0) || pg_buf_put(&b, "}\n", 2);
    *out = NULL;
    *len = 0;
    if (bad) {
        free(b.s);
        return pg_nomem(err);
    }
    *out = b.s;
    *len = b.n;
    return PG_OK;
}

/* pg_cameo_convert's callbacks: the records to the collector, warnings on. */
typedef struct pg_convert_ctx {
    pg_cameo_json *json;
    pg_cameo_warn_fn warn;
    void *warn_ctx;
} pg_convert_ctx;

static int pg_convert_record(void *ctx, const pg_actor *a, pg_error *err)
{
    return pg_cameo_json_add(((pg_convert_ctx *)ctx)->json, a, err);
}

static void pg_convert_warn(void *ctx, const char *message)
{
    pg_convert_ctx *c = ctx;
    if (c->warn)
        c->warn(c->warn_ctx, message);
}

int pg_cameo_convert(const char *text, size_t len, const char *source,
                     const pg_cameo_options *opt, char **out, size_t *out_len,
                     pg_cameo_stats *stats, pg_error *err)
{
    *out = NULL;
    *out_len = 0;
    pg_convert_ctx c = {NULL, opt ? opt->warn : NULL, opt ? opt->ctx : NULL};
    pg_cameo_options mine = {opt ? opt->strict : 0, pg_convert_record, pg_convert_warn, &c};
    pg_cameo *p = NULL;
    int rc = pg_cameo_json_new(&c.json, err);
    if (rc == PG_OK)
        rc = pg_cameo_new(&p, &mine, err);
    if (rc == PG_OK)
        rc = pg_cameo_read_mem(p, text, len, source, err);
    if (rc == PG_OK)
        rc = pg_cameo_json_dump(c.json, out, out_len, err);
    if (stats && p)
        pg_cameo_get_stats(p, stats);
    pg_cameo_free(p);
    pg_cameo_json_free(c.json);
    return rc;
}
