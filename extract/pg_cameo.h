#ifndef PG_CAMEO_H
#define PG_CAMEO_H

/*
 * Import of CAMEO actor dictionaries (the `.actors` text format read by
 * TABARI and PETRARCH) into our actor records and dictionary JSON.
 *
 *   VLADIMIR_PUTIN_  # comment
 *   +PUTIN_
 *   	[RUSGOV 20000507-20080507]
 *   	[RUSGOV >120507]
 *   	[RUSELI]
 *
 * A record is a name line, '+' synonym lines and code lines. Each code
 * becomes a role titled with the code ("RUSGOV"): "A-B" holds from A to the
 * day before B (the end is exclusive), "<D" up to and including D, ">D"
 * from D on, a bare code has no dates. Dates are YYYYMMDD or YYMMDD (two-
 * digit years up to 30 are 20YY, the others 19YY). '#' starts a comment.
 *
 * Consecutive name lines with no code between them (no blank or comment
 * line either) share the codes that follow, as in PETRARCH; when such a
 * line shares a word with the record before it ("BORIS_YELTSIN_" then
 * "PRESIDENT_BORIS_N._YELTSIN") it is taken as a synonym of that record.
 *
 * CAMEO does not say what an actor is, so the importer decides, in order:
 * - country: one of the codes is a bare country code ("AFGHANISTAN_ [AFG]",
 *   "CROATIA_ [YUGHRV <910625] [HRV >910625]"); its country is that code;
 * - organization: the name has an organisation word (PARTY, ARMY,
 *   MINISTRY, COUNCIL, INC ...);
 * - person: a dated code (the Countries file dates the offices of people);
 * - person: a title word (PRESIDENT, MINISTER, SHEIKH ...), or a first code
 *   of the ELI sector ("elites") and a name of two words or more;
 * - organization: everything else (undated codes name groups and bodies).
 * Else the country is that of the first code that has one: its first three
 * letters when they are an ISO 3166 alpha-3 code (or USR, KSV, TMP, mapped
 * to SUN, XKX, TLS), or the three after MNC or NGO ("MNCUSA"). IGO, IMG and
 * regional codes give none.
 *
 * Names are title-cased ("VLADIMIR_PUTIN_" -> "Vladimir Putin",
 * "BASHAR_AL-ASSAD" -> "Bashar al-Assad"); short words of organisations
 * stay capitals ("UN", "CIA"). Ids are slugs of the names, made unique with
 * -2, -3 ... across everything one parser reads.
 *
 * Lines that are wrong but readable are warnings, or errors in strict
 * mode: a bad date or code (the code is skipped), text after the codes
 * (ignored), invalid UTF-8 (replaced by U+FFFD), and three slips read the
 * way PETRARCH reads them: a date of 7 or 9 digits without its last digit,
 * "[CODE DATE]" as the bare code, "A-A" as the one day A. A synonym or code
 * line before any name, an unterminated '[' and an agents dictionary
 * ("PRESIDENT [~GOV]", "!PERSON! = ...") are always errors. Messages read
 * "SOURCE:LINE: what is wrong".
 */

#include <stddef.h>

#include "pg_dict.h"
#include "pg_error.h"

/* Receives each record as it completes; 'actor' lives for the call only. */
typedef int (*pg_cameo_record_fn)(void *ctx, const pg_actor *actor, pg_error *err);
/* Receives each warning, "SOURCE:LINE: what is wrong". */
typedef void (*pg_cameo_warn_fn)(void *ctx, const char *message);

typedef struct pg_cameo_options {
    int strict;               /* warnings are errors */
    pg_cameo_record_fn record; /* may be NULL */
    pg_cameo_warn_fn warn;     /* may be NULL */
    void *ctx;                 /* passed to both */
} pg_cameo_options;

typedef struct pg_cameo_stats {
    size_t lines, records, aliases, roles, warnings;
    size_t kinds[3]; /* records by pg_kind */
} pg_cameo_stats;

typedef struct pg_cameo pg_cameo;

int pg_cameo_new(pg_cameo **out, const pg_cameo_options *opt, pg_error *err);
void pg_cameo_free(pg_cameo *p);

/*
 * Reads one whole input, line by line; records go to opt->record as they
 * complete. 'source' names the input in messages. A parser can read
 * several inputs: ids stay unique across them.
 */
int pg_cameo_read_mem(pg_cameo *p, const char *text, size_t len, const char *source,
                      pg_error *err);
int pg_cameo_read_file(pg_cameo *p, const char *path, pg_error *err);

/* Counts over everything the parser has read. */
void pg_cameo_get_stats(const pg_cameo *p, pg_cameo_stats *out);

/*
 * Collects actors as dictionary JSON (DESIGN.md "Actor dictionary"):
 * pg_cameo_json_add is a pg_cameo_record_fn whose ctx is the collector.
 * A record with the name of one added before is merged into it (aliases
 * and roles added, the first id kept): one name, one actor.
 */
typedef struct pg_cameo_json pg_cameo_json;

int pg_cameo_json_new(pg_cameo_json **out, pg_error *err);
int pg_cameo_json_add(void *json, const pg_actor *actor, pg_error *err);
size_t pg_cameo_json_size(const pg_cameo_json *j);   /* actors */
size_t pg_cameo_json_merged(const pg_cameo_json *j); /* records merged into one before */
/* {"actors": [...]} with 2-space indents, sorted keys, a final newline; *out is malloc'd. */
int pg_cameo_json_dump(const pg_cameo_json *j, char **out, size_t *len, pg_error *err);
void pg_cameo_json_free(pg_cameo_json *j);

/*
 * Converts one CAMEO text to dictionary JSON in one call. opt may be NULL;
 * its 'record' is not used. stats may be NULL.
 */
int pg_cameo_convert(const char *text, size_t len, const char *source,
                     const pg_cameo_options *opt, char **out, size_t *out_len,
                     pg_cameo_stats *stats, pg_error *err);

/*
 * 1 if 'code' is an ISO 3166 alpha-3 code (current, or one of the former
 * CSK, DDR, SCG, SUN, YUG), or XKX (Kosovo); else 0.
 */
int pg_country_known(const char *code);

#endif
