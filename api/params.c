/* params: strict parsing of query parameters.
 *
 * Every parameter a route does not take, every repeated parameter and every malformed value
 * is an error that names the parameter: a client that misspells `limit` should hear about it
 * rather than silently get 50 items.  The table below is the one place a parameter is defined.
 */
#include "api/api_internal.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/utf8.h"

typedef bool (*param_parser)(const char *value, api_query *q, strbuf *detail);

typedef struct param_def {
    const char *name;
    enum route_param bit;
    param_parser parse;
} param_def;

static bool parse_limit(const char *value, api_query *q, strbuf *detail)
{
    size_t n = strspn(value, "0123456789");
    /* At most 4 digits before converting, so no overflow is possible. */
    if (n == 0 || value[n] != '\0' || n > 4) {
        strbuf_addf(detail, "limit must be a whole number from 1 to %d", API_LIMIT_MAX);
        return false;
    }
    int limit = 0;
    for (size_t i = 0; i < n; i++)
        limit = limit * 10 + (value[i] - '0');
    if (limit < 1 || limit > API_LIMIT_MAX) {
        strbuf_addf(detail, "limit must be a whole number from 1 to %d, not %d", API_LIMIT_MAX,
                    limit);
        return false;
    }
    q->limit = limit;
    return true;
}

static bool parse_after(const char *value, api_query *q, strbuf *detail)
{
    if (!router_id_ok(value)) {
        strbuf_addf(detail,
                    "after must be the id of the last item of the previous page "
                    "(1 to %d characters of A-Z, a-z, 0-9, _ and -)",
                    API_ID_MAX);
        return false;
    }
    q->after = value;
    return true;
}

static bool parse_pretty(const char *value, api_query *q, strbuf *detail)
{
    if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0) {
        strbuf_addstr(detail, "pretty must be 0 or 1");
        return false;
    }
    q->pretty = value[0] == '1';
    return true;
}

/* A keyset cursor as `next` links carry it: base64url, checked further by list.c. */
static bool parse_cursor(const char *value, api_query *q, strbuf *detail)
{
    size_t n = strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    if (value[n] != '\0' || n > 512) {
        strbuf_addstr(detail, "cursor must be the cursor of a next link, unchanged");
        return false;
    }
    q->cursor = value;
    return true;
}

/* A field name, optionally after '-': the list checks that it sorts on it. */
static bool parse_sort(const char *value, api_query *q, strbuf *detail)
{
    const char *name = value[0] == '-' ? value + 1 : value;
    size_t n = strspn(name, "abcdefghijklmnopqrstuvwxyz_");
    if (n == 0 || name[n] != '\0' || n > 32) {
        strbuf_addstr(detail, "sort must be a field name, with a leading '-' for descending order");
        return false;
    }
    q->sort = value;
    return true;
}

static bool parse_count(const char *value, api_query *q, strbuf *detail)
{
    if (strcmp(value, "exact") != 0) {
        strbuf_addstr(detail, "count must be 'exact'");
        return false;
    }
    q->count = true;
    return true;
}

static bool parse_fields(const char *value, api_query *q, strbuf *detail)
{
    size_t n = strspn(value, "abcdefghijklmnopqrstuvwxyz_,");
    if (value[n] != '\0' || n > 512 || value[0] == ',' || value[n - 1] == ',' ||
        strstr(value, ",,")) {
        strbuf_addstr(detail, "fields must be field names separated by commas");
        return false;
    }
    q->fields = value;
    return true;
}

static bool parse_format(const char *value, api_query *q, strbuf *detail)
{
    static const struct {
        const char *name;
        enum api_format format;
    } formats[] = {{"json", API_FORMAT_JSON},
                   {"csv", API_FORMAT_CSV},
                   {"ndjson", API_FORMAT_NDJSON}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(value, formats[i].name) == 0) {
            q->format = formats[i].format;
            q->format_given = true;
            return true;
        }
    }
    strbuf_addstr(detail, "format must be json, csv or ndjson");
    return false;
}

static bool parse_evidence(const char *value, api_query *q, strbuf *detail)
{
    if (strcmp(value, "full") == 0)
        q->evidence = STORE_EVIDENCE_FULL;
    else if (strcmp(value, "ids") == 0)
        q->evidence = STORE_EVIDENCE_IDS;
    else if (strcmp(value, "none") == 0)
        q->evidence = STORE_EVIDENCE_NONE;
    else {
        strbuf_addstr(detail, "evidence must be full, ids or none");
        return false;
    }
    return true;
}

/* Free text (a name, a place, a search): valid UTF-8 without control characters, of a
 * bounded length. */
static bool text_ok(const char *name, const char *value, size_t max, strbuf *detail)
{
    size_t len = strlen(value);
    if (len > max) {
        strbuf_addf(detail, "%s is longer than %zu bytes", name, max);
        return false;
    }
    if (!utf8_valid(value, len)) {
        strbuf_addf(detail, "%s is not valid UTF-8", name);
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)value[i];
        if (c < 0x20 || c == 0x7f) {
            strbuf_addf(detail, "%s contains a control character", name);
            return false;
        }
    }
    return true;
}

static bool parse_q(const char *value, api_query *q, strbuf *detail)
{
    q->q = value;
    q->filters.q = value;
    return text_ok("q", value, API_QUERY_MAX, detail);
}

static bool parse_kind(const char *value, api_query *q, strbuf *detail)
{
    size_t n = strspn(value, "abcdefghijklmnopqrstuvwxyz,");
    if (value[n] != '\0' || n > 64) {
        strbuf_addstr(detail, "kind must be kinds separated by commas");
        return false;
    }
    q->kind = value;
    return true;
}

/* The text filters, each into its member of store_filters. */
#define TEXT_FILTER(param, member)                                             \
    static bool parse_##param(const char *value, api_query *q, strbuf *detail) \
    {                                                                          \
        q->filters.member = value;                                             \
        return text_ok(#param, value, API_TEXT_PARAM_MAX, detail);             \
    }
TEXT_FILTER(party, party)
TEXT_FILTER(signatory, signatory)
TEXT_FILTER(acronym, acronym)
TEXT_FILTER(participant, participant)
TEXT_FILTER(place, place)
TEXT_FILTER(speaker, speaker)
#undef TEXT_FILTER

/* An ISO 8601 date at year, month or day precision, with a day that exists. */
static bool iso_date_ok(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    if (n != 4 && n != 7 && n != 10)
        return false;
    if (n == 4)
        return true;
    int year = atoi(s), month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12)
        return false;
    if (n == 7)
        return true;
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day >= 1 && day <= days[month - 1] && !(month == 2 && day == 29 && !leap);
}

#define DATE_FILTER(param, member)                                                        \
    static bool parse_##param(const char *value, api_query *q, strbuf *detail)            \
    {                                                                                     \
        if (!iso_date_ok(value)) {                                                        \
            strbuf_addstr(detail, #param " must be a date: YYYY, YYYY-MM or YYYY-MM-DD"); \
            return false;                                                                 \
        }                                                                                 \
        q->filters.member = value;                                                        \
        return true;                                                                      \
    }
DATE_FILTER(signed_from, date_from)
DATE_FILTER(signed_to, date_to)
DATE_FILTER(from, date_from)
DATE_FILTER(to, date_to)
#undef DATE_FILTER

static bool parse_source_id(const char *value, api_query *q, strbuf *detail)
{
    if (!router_id_ok(value)) {
        strbuf_addstr(detail, "source_id must be the id of a source");
        return false;
    }
    q->filters.source_id = value;
    return true;
}

static bool parse_min_sources(const char *value, api_query *q, strbuf *detail)
{
    size_t n = strspn(value, "0123456789");
    int v = n > 0 && n <= 4 && value[n] == '\0' ? atoi(value) : 0;
    if (v < 1 || v > 1000) {
        strbuf_addstr(detail, "min_sources must be a whole number from 1 to 1000");
        return false;
    }
    q->filters.min_sources = v;
    return true;
}

static bool parse_disputed(const char *value, api_query *q, strbuf *detail)
{
    if (strcmp(value, "true") != 0 && strcmp(value, "false") != 0) {
        strbuf_addstr(detail, "disputed must be true or false");
        return false;
    }
    q->filters.disputed = strcmp(value, "true") == 0 ? 1 : -1;
    return true;
}

static bool parse_attribute(const char *value, api_query *q, strbuf *detail)
{
    if (!store_dispute_attribute_ok(value)) {
        strbuf_addstr(detail, "attribute must be one of signed, date, place, parties, "
                              "signatories, participants, speaker, title");
        return false;
    }
    q->attribute = value;
    return true;
}

/* A whole number of at most `digits` digits from min to max, into *out. */
static bool whole_number(const char *value, int digits, long long min, long long max,
                         long long *out)
{
    size_t n = strspn(value, "0123456789");
    if (n == 0 || n > (size_t)digits || value[n] != '\0')
        return false;
    *out = strtoll(value, NULL, 10);
    return *out >= min && *out <= max;
}

static bool parse_since(const char *value, api_query *q, strbuf *detail)
{
    if (!whole_number(value, 18, 0, API_SEQ_MAX, &q->since)) {
        strbuf_addstr(detail,
                      "since must be the seq of a change (a whole number, 0 for the start)");
        return false;
    }
    return true;
}

static bool parse_wait(const char *value, api_query *q, strbuf *detail)
{
    long long seconds;
    if (!whole_number(value, 4, 0, API_WAIT_MAX, &seconds)) {
        strbuf_addf(detail, "wait must be a whole number of seconds from 0 to %d", API_WAIT_MAX);
        return false;
    }
    q->wait = (int)seconds;
    return true;
}

/* A time in RFC 3339 (2026-12-07T21:40:07Z, with a fraction or an offset) as the change log
 * writes times, in UTC to the millisecond (YYYY-MM-DDTHH:MM:SS.mmmZ), into out.  False for
 * anything else.  A space before the offset is its '+' sent unescaped in a URL, which forms
 * decode as a space. */
static bool rfc3339_to_utc(const char *s, char out[32])
{
    struct tm tm = {0};
    const char *p = strptime(s, "%Y-%m-%d", &tm);
    if (!p || (*p != 'T' && *p != 't' && *p != ' ') || strspn(s, "0123456789") != 4)
        return false;
    p = strptime(p + 1, "%H:%M:%S", &tm);
    if (!p || tm.tm_sec > 59)
        return false;
    long ms = 0;
    if (*p == '.') {
        size_t digits = strspn(++p, "0123456789");
        if (digits == 0)
            return false;
        for (size_t i = 0; i < 3; i++)
            ms = ms * 10 + (i < digits ? p[i] - '0' : 0);
        p += digits;
    }
    long offset = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if ((*p == '+' || *p == '-' || *p == ' ') && strspn(p + 1, "0123456789") == 2 &&
               p[3] == ':' && strspn(p + 4, "0123456789") == 2) {
        long hours = (p[1] - '0') * 10 + (p[2] - '0'), minutes = (p[4] - '0') * 10 + (p[5] - '0');
        if (hours > 23 || minutes > 59)
            return false;
        offset = (hours * 60 + minutes) * 60 * (*p == '-' ? -1 : 1);
        p += 6;
    } else {
        return false;
    }
    if (*p)
        return false;
    int mday = tm.tm_mday;
    time_t t = timegm(&tm);
    if (t == (time_t)-1 || tm.tm_mday != mday)
        return false; /* a day that does not exist (timegm moved it) */
    t -= offset;
    struct tm utc;
    if (!gmtime_r(&t, &utc) || utc.tm_year + 1900 > 9999 || utc.tm_year + 1900 < 0)
        return false;
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &utc);
    return n == 19 && snprintf(out + n, 32 - n, ".%03uZ", (unsigned)ms % 1000u) == 5;
}

/* A seq of the change log, or a time: the last seq at or before it (asof.c finds which). */
static bool parse_as_of(const char *value, api_query *q, strbuf *detail)
{
    q->as_of_given = true;
    if (value[strspn(value, "0123456789")] == '\0') {
        if (whole_number(value, 18, 0, API_SEQ_MAX, &q->as_of))
            return true;
    } else if (rfc3339_to_utc(value, q->as_of_time)) {
        return true;
    }
    strbuf_addstr(detail, "as_of must be the seq of a change (a whole number) or an RFC 3339 "
                          "time such as 2026-12-07T21:40:00Z");
    return false;
}

static const param_def params[] = {
    {"limit", PARAM_LIMIT, parse_limit},
    {"after", PARAM_AFTER, parse_after},
    {"cursor", PARAM_CURSOR, parse_cursor},
    {"sort", PARAM_SORT, parse_sort},
    {"count", PARAM_COUNT, parse_count},
    {"fields", PARAM_FIELDS, parse_fields},
    {"format", PARAM_FORMAT, parse_format},
    {"evidence", PARAM_EVIDENCE, parse_evidence},
    {"q", PARAM_Q, parse_q},
    {"kind", PARAM_KIND, parse_kind},
    {"party", PARAM_PARTY, parse_party},
    {"signatory", PARAM_SIGNATORY, parse_signatory},
    {"signed_from", PARAM_SIGNED_FROM, parse_signed_from},
    {"signed_to", PARAM_SIGNED_TO, parse_signed_to},
    {"acronym", PARAM_ACRONYM, parse_acronym},
    {"participant", PARAM_PARTICIPANT, parse_participant},
    {"place", PARAM_PLACE, parse_place},
    {"from", PARAM_FROM, parse_from},
    {"to", PARAM_TO, parse_to},
    {"speaker", PARAM_SPEAKER, parse_speaker},
    {"source_id", PARAM_SOURCE_ID, parse_source_id},
    {"min_sources", PARAM_MIN_SOURCES, parse_min_sources},
    {"disputed", PARAM_DISPUTED, parse_disputed},
    {"attribute", PARAM_ATTRIBUTE, parse_attribute},
    {"since", PARAM_SINCE, parse_since},
    {"wait", PARAM_WAIT, parse_wait},
    {"as_of", PARAM_AS_OF, parse_as_of},
    {"pretty", PARAM_PRETTY, parse_pretty},
};

#define NPARAMS (sizeof params / sizeof params[0])

/* Lists the parameters in `allowed` for an error message. */
static void describe_allowed(strbuf *detail, unsigned allowed)
{
    const char *sep = "";
    if (!allowed) {
        strbuf_addstr(detail, "this endpoint takes no query parameters");
        return;
    }
    strbuf_addstr(detail, "this endpoint takes ");
    for (size_t i = 0; i < NPARAMS; i++) {
        if (allowed & params[i].bit) {
            strbuf_addf(detail, "%s%s", sep, params[i].name);
            sep = ", ";
        }
    }
}

bool params_parse(const api_request *req, unsigned allowed, api_query *q, strbuf *detail)
{
    unsigned seen = 0;

    memset(q, 0, sizeof *q);
    q->limit = API_LIMIT_DEFAULT;

    /* pretty first, so that an error about another parameter is rendered the way asked. */
    for (size_t i = 0; i < req->nparams && (allowed & PARAM_PRETTY); i++) {
        const api_param *p = &req->params[i];
        if (strcmp(p->key, "pretty") == 0 && p->value && strcmp(p->value, "1") == 0)
            q->pretty = true;
    }

    for (size_t i = 0; i < req->nparams; i++) {
        const api_param *p = &req->params[i];
        const param_def *def = NULL;
        for (size_t k = 0; k < NPARAMS; k++) {
            if (strcmp(p->key, params[k].name) == 0 && (allowed & params[k].bit)) {
                def = &params[k];
                break;
            }
        }
        if (!def) {
            strbuf_addstr(detail, "unknown query parameter '");
            render_untrusted(detail, p->key, 64);
            strbuf_addstr(detail, "': ");
            describe_allowed(detail, allowed);
            return false;
        }
        if (seen & def->bit) {
            strbuf_addf(detail, "query parameter '%s' is given more than once", def->name);
            return false;
        }
        seen |= def->bit;
        if (!p->value || !*p->value) {
            strbuf_addf(detail, "query parameter '%s' needs a value", def->name);
            return false;
        }
        if (!def->parse(p->value, q, detail))
            return false;
    }
    if (q->after && q->cursor) {
        strbuf_addstr(detail, "cursor and after both say where a page starts: give one of them");
        return false;
    }
    return true;
}
