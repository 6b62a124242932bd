/* http_headers: request headers as the transport reads them (see http_headers.h).
 *
 * Each parser walks its header once, left to right, without allocating.  Malformed input
 * never matches: an unparseable If-None-Match or If-Modified-Since answers the full
 * response, an unparseable Accept-Encoding element is skipped.  Dates are converted with
 * fixed English tables and timegm(), so the locale never matters.
 */
#include "server/http_headers.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static const char *skip_ows(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* An RFC 9110 qvalue ("0", "0.5", "1.000") in thousandths; -1 when malformed. */
static int parse_qvalue(const char *s, size_t len)
{
    if (len == 0 || (s[0] != '0' && s[0] != '1'))
        return -1;
    int whole = s[0] - '0', fraction = 0;
    size_t digits = 0;
    if (len > 1) {
        if (s[1] != '.' || len > 5)
            return -1;
        for (size_t i = 2; i < len; i++, digits++) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            fraction = fraction * 10 + (s[i] - '0');
        }
    }
    for (; digits < 3; digits++)
        fraction *= 10;
    int q = whole * 1000 + fraction;
    return q > 1000 ? -1 : q;
}

static bool token_is(const char *s, size_t len, const char *word)
{
    return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

enum http_gzip_use http_gzip_negotiate(const char *accept_encoding)
{
    /* Weights in thousandths; -1: the coding is not listed. */
    int q_gzip = -1, q_identity = -1, q_any = -1;

    if (!accept_encoding)
        return HTTP_GZIP_NO;
    const char *s = accept_encoding;
    for (;;) {
        s += strspn(s, " \t,");
        if (!*s)
            break;
        const char *coding = s;
        size_t coding_len = strcspn(s, " \t;,");
        int q = 1000;
        bool ok = coding_len > 0;
        s += coding_len;
        for (;;) {
            s = skip_ows(s);
            if (*s != ';')
                break;
            s = skip_ows(s + 1);
            size_t param_len = strcspn(s, " \t;,");
            if (param_len >= 2 && (s[0] == 'q' || s[0] == 'Q') && s[1] == '=') {
                q = parse_qvalue(s + 2, param_len - 2);
                ok = ok && q >= 0;
            }
            s += param_len;
        }
        if (*s && *s != ',') {
            ok = false;
            s += strcspn(s, ",");
        }
        if (!ok)
            continue;
        if (token_is(coding, coding_len, "gzip") || token_is(coding, coding_len, "x-gzip"))
            q_gzip = max_int(q_gzip, q);
        else if (token_is(coding, coding_len, "identity"))
            q_identity = max_int(q_identity, q);
        else if (token_is(coding, coding_len, "*"))
            q_any = max_int(q_any, q);
    }

    /* "*" stands for every coding the header does not name, identity included. */
    int gzip = q_gzip >= 0 ? q_gzip : q_any >= 0 ? q_any : 0;
    int identity = q_identity >= 0 ? q_identity : q_any;
    if (gzip == 0)
        return HTTP_GZIP_NO;
    if (identity == 0)
        return HTTP_GZIP_REQUIRED;
    return identity > gzip ? HTTP_GZIP_NO : HTTP_GZIP_PREFERRED;
}

enum http_tag_match http_if_none_match(const char *if_none_match, const char *etag)
{
    if (!if_none_match)
        return HTTP_TAG_NO_MATCH;
    const char *s = skip_ows(if_none_match);
    if (*s == '*')
        return *skip_ows(s + 1) == '\0' ? HTTP_TAG_ANY : HTTP_TAG_NO_MATCH;

    size_t etag_len = etag ? strlen(etag) : 0;
    for (;;) {
        s += strspn(s, " \t,");
        if (!*s)
            return HTTP_TAG_NO_MATCH;
        if (s[0] == 'W' && s[1] == '/')
            s += 2; /* weak comparison: W/"x" matches "x" */
        if (*s != '"')
            return HTTP_TAG_NO_MATCH;
        const char *close = strchr(s + 1, '"');
        if (!close)
            return HTTP_TAG_NO_MATCH;
        size_t len = (size_t)(close - s) + 1;
        if (etag && len == etag_len && memcmp(s, etag, len) == 0)
            return HTTP_TAG_LISTED;
        s = skip_ows(close + 1);
        if (*s && *s != ',')
            return HTTP_TAG_NO_MATCH;
    }
}

void http_date_format(time_t t, char out[HTTP_DATE_SIZE])
{
    struct tm tm;
    if (!gmtime_r(&t, &tm)) {
        t = 0;
        gmtime_r(&t, &tm);
    }
    /* Years past 9999 do not fit the format; no database is stamped that late. */
    char wide[64];
    snprintf(wide, sizeof wide, "%s, %02d %s %04d %02d:%02d:%02d GMT", weekdays[tm.tm_wday],
             tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    snprintf(out, HTTP_DATE_SIZE, "%.29s", wide);
}

static int month_index(const char *name)
{
    for (int i = 0; i < 12; i++)
        if (strcmp(name, months[i]) == 0)
            return i;
    return -1;
}

/* Fills *out from broken-down UTC fields after checking their ranges. */
static bool utc_time(int year, int month, int day, int hour, int minute, int second, time_t *out)
{
    if (year < 1970 || year > 9999 || month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 ||
        minute > 59 || second > 60 || hour < 0 || minute < 0 || second < 0)
        return false;
    struct tm tm = {.tm_year = year - 1900,
                    .tm_mon = month,
                    .tm_mday = day,
                    .tm_hour = hour,
                    .tm_min = minute,
                    .tm_sec = second};
    time_t t = timegm(&tm);
    if (t == (time_t)-1)
        return false;
    *out = t;
    return true;
}

bool http_date_parse(const char *s, time_t *out)
{
    char weekday[10], month[4];
    int day, year, hour, minute, second, end = -1;

    if (!s)
        return false;
    /* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
    if (sscanf(s, "%9[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", weekday, &day, month, &year,
               &hour, &minute, &second, &end) == 7 &&
        end > 0 && s[end] == '\0')
        return utc_time(year, month_index(month), day, hour, minute, second, out);
    /* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years: 70-99 are 19xx) */
    end = -1;
    if (sscanf(s, "%9[A-Za-z], %2d-%3[A-Za-z]-%2d %2d:%2d:%2d GMT%n", weekday, &day, month, &year,
               &hour, &minute, &second, &end) == 7 &&
        end > 0 && s[end] == '\0')
        return utc_time(year + (year < 70 ? 2000 : 1900), month_index(month), day, hour, minute,
                        second, out);
    /* asctime: Sun Nov  6 08:49:37 1994 */
    end = -1;
    if (sscanf(s, "%3[A-Za-z] %3[A-Za-z] %2d %2d:%2d:%2d %4d%n", weekday, month, &day, &hour,
               &minute, &second, &year, &end) == 7 &&
        end > 0 && s[end] == '\0')
        return utc_time(year, month_index(month), day, hour, minute, second, out);
    return false;
}

bool http_iso8601_parse(const char *s, time_t *out)
{
    int year, month, day, hour, minute, second, end = -1;
    if (!s)
        return false;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &year, &month, &day, &hour, &minute, &second,
               &end) != 6 ||
        end <= 0 || s[end] != '\0')
        return false;
    return utc_time(year, month - 1, day, hour, minute, second, out);
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* True when s[0..len) is "scheme://host[:port]" as a browser serialises an origin. */
static bool origin_well_formed(const char *s, size_t len)
{
    size_t i = 0;

    if (len == 0 || !is_alpha(s[0]))
        return false;
    while (i < len &&
           (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        i++;
    if (i + 3 >= len || memcmp(s + i, "://", 3) != 0)
        return false;
    i += 3;
    size_t host_start = i;
    if (s[i] == '[') { /* an IPv6 literal */
        while (i < len && s[i] != ']')
            i++;
        if (i == len)
            return false;
        i++;
    } else {
        while (i < len && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '-' || s[i] == '.' ||
                           s[i] == '_' || s[i] == '~'))
            i++;
    }
    if (i == host_start)
        return false;
    if (i < len && s[i] == ':') {
        size_t port_start = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        if (i == port_start || i - port_start > 5)
            return false;
    }
    return i == len;
}

/* Trims OWS around s[0..*len) and returns the start. */
static const char *trim_element(const char *s, size_t *len)
{
    while (*len && (*s == ' ' || *s == '\t')) {
        s++;
        (*len)--;
    }
    while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
        (*len)--;
    return s;
}

bool http_cors_spec_valid(const char *spec, strbuf *why)
{
    if (!spec)
        return false;
    if (strcmp(spec, "*") == 0)
        return true;
    const char *s = spec;
    for (;;) {
        size_t len = strcspn(s, ",");
        const char *element = trim_element(s, &len);
        if (len == 0) {
            strbuf_addstr(why, "an empty origin in the list");
            return false;
        }
        if (len == 1 && element[0] == '*') {
            strbuf_addstr(why, "'*' must stand alone, not in a list of origins");
            return false;
        }
        if (!origin_well_formed(element, len)) {
            strbuf_addf(why, "'%.*s' is not an origin (scheme://host[:port], without a path)",
                        (int)len, element);
            return false;
        }
        s += strcspn(s, ",");
        if (!*s)
            return true;
        s++;
    }
}

const char *http_cors_allow(const char *spec, const char *origin)
{
    if (!spec || !origin || !*origin)
        return NULL;
    if (strcmp(spec, "*") == 0)
        return "*";
    size_t origin_len = strlen(origin);
    const char *s = spec;
    for (;;) {
        size_t len = strcspn(s, ",");
        const char *element = trim_element(s, &len);
        if (len == origin_len && memcmp(element, origin, len) == 0)
            return origin;
        s += strcspn(s, ",");
        if (!*s)
            return NULL;
        s++;
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t http_unescape_keeping_nul(char *s)
{
    char *out = s;
    const char *in = s;
    while (*in) {
        int hi, lo;
        if (in[0] == '%' && (hi = hex_value(in[1])) >= 0 && (lo = hex_value(in[2])) >= 0 &&
            (hi | lo) != 0) {
            *out++ = (char)(hi * 16 + lo);
            in += 3;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
    return (size_t)(out - s);
}

/* Parses a Content-Length value: one or more decimal digits, nothing else. */
static bool parse_length(const char *s, unsigned long long *out)
{
    unsigned long long v = 0;
    if (*s < '0' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        unsigned digit = (unsigned)(*s - '0');
        if (v > (ULLONG_MAX - digit) / 10)
            return false;
        v = v * 10 + digit;
    }
    *out = v;
    return *s == '\0';
}

void http_framing_add(http_framing *f, const char *name, const char *value)
{
    if (!name || !value)
        return;
    if (strcasecmp(name, "Content-Length") == 0) {
        unsigned long long length;
        if (!parse_length(value, &length))
            f->lengths_disagree = true;
        else if (f->content_lengths == 0)
            f->content_length = length;
        else if (length != f->content_length)
            f->lengths_disagree = true;
        f->content_lengths++;
    } else if (strcasecmp(name, "Transfer-Encoding") == 0) {
        f->transfer_encodings++;
        /* A comma-separated list; empty elements do not count (RFC 9110 section 5.6.1). */
        for (const char *s = value; *s;) {
            s = skip_ows(s);
            const char *end = s + strcspn(s, ",");
            size_t len = (size_t)(end - s);
            while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
                len--;
            if (len) {
                f->codings++;
                if (!token_is(s, len, "chunked"))
                    f->other_coding = true;
            }
            s = *end ? end + 1 : end;
        }
    }
}

const char *http_framing_fault(const http_framing *f, bool http10)
{
    if (f->content_lengths && f->transfer_encodings)
        return "the request has both Content-Length and Transfer-Encoding";
    if (f->lengths_disagree)
        return "the request's Content-Length fields disagree (or one is not a number)";
    if (f->transfer_encodings && http10)
        return "an HTTP/1.0 request cannot use Transfer-Encoding";
    if (f->transfer_encodings && (f->codings != 1 || f->other_coding))
        return "the only transfer coding taken is chunked, once";
    return NULL;
}

size_t http_query_params(const char *target)
{
    const char *query = target ? strchr(target, '?') : NULL;
    if (!query || !query[1])
        return 0;
    size_t n = 1;
    for (const char *s = query + 1; (s = strchr(s, '&')); s++)
        n++;
    return n;
}
