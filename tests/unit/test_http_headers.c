/* Unit tests of server/http_headers: Accept-Encoding negotiation, If-None-Match matching,
 * HTTP dates both ways, the --cors list, body framing and query parameter counts. */
#include <criterion/criterion.h>
#include <string.h>

#include "server/http_headers.h"

Test(http_headers, gzip_negotiation_follows_rfc_9110)
{
    static const struct {
        const char *header;
        enum http_gzip_use expected;
    } cases[] = {
        {NULL, HTTP_GZIP_NO},
        {"", HTTP_GZIP_NO},
        {"identity", HTTP_GZIP_NO},
        {"gzip", HTTP_GZIP_PREFERRED},
        {"GZIP", HTTP_GZIP_PREFERRED},
        {"x-gzip", HTTP_GZIP_PREFERRED},
        {"gzip, deflate, br", HTTP_GZIP_PREFERRED},
        {"br;q=1.0, gzip;q=0.8, *;q=0.1", HTTP_GZIP_PREFERRED},
        {"deflate, br", HTTP_GZIP_NO},
        {"gzip;q=0", HTTP_GZIP_NO},
        {"gzip; q=0.000", HTTP_GZIP_NO},
        {"*", HTTP_GZIP_PREFERRED},
        {"*;q=0", HTTP_GZIP_NO},
        {"*;q=0, gzip", HTTP_GZIP_REQUIRED},
        {"gzip, identity;q=0", HTTP_GZIP_REQUIRED},
        {"gzip;q=0.5, identity", HTTP_GZIP_NO},
        {"gzip;q=0.5, identity;q=0.5", HTTP_GZIP_PREFERRED},
        {"gzip;q=0.5", HTTP_GZIP_PREFERRED},
        {"gzip;q=2", HTTP_GZIP_NO}, /* a malformed weight: the element is skipped */
        {"gzip;q=0.1234", HTTP_GZIP_NO},
        {"gzip;q=abc, deflate", HTTP_GZIP_NO},
        {"  ,, gzip ,", HTTP_GZIP_PREFERRED},
        {"gzip;level=9;q=1", HTTP_GZIP_PREFERRED},
        {"gzipx", HTTP_GZIP_NO},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_eq(http_gzip_negotiate(cases[i].header), cases[i].expected, "Accept-Encoding: %s",
                     cases[i].header ? cases[i].header : "(none)");
}

Test(http_headers, if_none_match_lists_and_weak_comparison)
{
    const char *tag = "\"0123abcd\"";
    static const struct {
        const char *header;
        enum http_tag_match expected;
    } cases[] = {
        {NULL, HTTP_TAG_NO_MATCH},
        {"", HTTP_TAG_NO_MATCH},
        {"\"0123abcd\"", HTTP_TAG_LISTED},
        {"W/\"0123abcd\"", HTTP_TAG_LISTED},
        {"\"other\", \"0123abcd\"", HTTP_TAG_LISTED},
        {"\"other\",W/\"0123abcd\" ,\"x\"", HTTP_TAG_LISTED},
        {"\"other\"", HTTP_TAG_NO_MATCH},
        {"\"0123abcd", HTTP_TAG_NO_MATCH},
        {"0123abcd", HTTP_TAG_NO_MATCH},
        {"\"0123abc\"", HTTP_TAG_NO_MATCH},
        {"\"0123abcdd\"", HTTP_TAG_NO_MATCH},
        {"*", HTTP_TAG_ANY},
        {" * ", HTTP_TAG_ANY},
        {"*, \"x\"", HTTP_TAG_NO_MATCH},
        {"\"x\" junk, \"0123abcd\"", HTTP_TAG_NO_MATCH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_eq(http_if_none_match(cases[i].header, tag), cases[i].expected,
                     "If-None-Match: %s", cases[i].header ? cases[i].header : "(none)");
    cr_expect_eq(http_if_none_match("\"0123abcd\"", NULL), HTTP_TAG_NO_MATCH);
    cr_expect_eq(http_if_none_match("*", NULL), HTTP_TAG_ANY);
}

Test(http_headers, dates_format_as_imf_fixdate)
{
    char out[HTTP_DATE_SIZE];
    http_date_format(784111777, out);
    cr_expect_str_eq(out, "Sun, 06 Nov 1994 08:49:37 GMT");
    http_date_format(0, out);
    cr_expect_str_eq(out, "Thu, 01 Jan 1970 00:00:00 GMT");
    http_date_format(1761868800, out);
    cr_expect_str_eq(out, "Fri, 31 Oct 2025 00:00:00 GMT");
}

Test(http_headers, dates_parse_in_all_three_formats)
{
    time_t t;
    cr_assert(http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t));
    cr_expect_eq(t, 784111777);
    cr_assert(http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t));
    cr_expect_eq(t, 784111777);
    cr_assert(http_date_parse("Sun Nov  6 08:49:37 1994", &t));
    cr_expect_eq(t, 784111777);
    cr_assert(http_date_parse("Friday, 31-Oct-25 00:00:00 GMT", &t));
    cr_expect_eq(t, 1761868800);

    const char *bad[] = {"",
                         "yesterday",
                         "Sun, 06 Nov 1994 08:49:37",
                         "Sun, 06 Nov 1994 08:49:37 UTC",
                         "Sun, 06 Xyz 1994 08:49:37 GMT",
                         "Sun, 32 Nov 1994 08:49:37 GMT",
                         "Sun, 06 Nov 1994 24:00:00 GMT",
                         "Sun, 06 Nov 1994 08:49:37 GMT trailing",
                         "2025-10-31T00:00:00Z"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_expect_not(http_date_parse(bad[i], &t), "'%s' parsed", bad[i]);
    cr_expect_not(http_date_parse(NULL, &t));
}

Test(http_headers, store_times_parse)
{
    time_t t;
    cr_assert(http_iso8601_parse("2025-10-31T00:00:00Z", &t));
    cr_expect_eq(t, 1761868800);
    cr_expect_not(http_iso8601_parse("2025-10-31 00:00:00", &t));
    cr_expect_not(http_iso8601_parse("2025-10-31T00:00:00Z+", &t));
    cr_expect_not(http_iso8601_parse("2025-13-01T00:00:00Z", &t));
    cr_expect_not(http_iso8601_parse(NULL, &t));
}

Test(http_headers, cors_spec_validation)
{
    const char *good[] = {"*",
                          "https://example.org",
                          "http://localhost:3000",
                          "https://a.example, https://b.example:8443",
                          "http://[::1]:8080",
                          "app+x://host.local"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        strbuf why = STRBUF_INIT;
        cr_expect(http_cors_spec_valid(good[i], &why), "'%s' refused: %s", good[i], why.buf);
        strbuf_release(&why);
    }
    const char *bad[] = {"",
                         "example.org",
                         "https://example.org/",
                         "https://example.org/x",
                         "https://",
                         "*,https://a.example",
                         "https://a.example,,https://b.example",
                         "https://a.example,",
                         "https://a.example:",
                         "https://a.example:123456",
                         "null",
                         "https://a b.example",
                         "1http://a.example"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strbuf why = STRBUF_INIT;
        cr_expect_not(http_cors_spec_valid(bad[i], &why), "'%s' accepted", bad[i]);
        cr_expect(why.len > 0, "'%s': no reason given", bad[i]);
        strbuf_release(&why);
    }
}

Test(http_headers, cors_allows_exact_origins_only)
{
    const char *spec = "https://a.example, http://localhost:3000";
    cr_expect_str_eq(http_cors_allow(spec, "https://a.example"), "https://a.example");
    cr_expect_str_eq(http_cors_allow(spec, "http://localhost:3000"), "http://localhost:3000");
    cr_expect_null(http_cors_allow(spec, "https://a.example.evil"));
    cr_expect_null(http_cors_allow(spec, "https://A.example"));
    cr_expect_null(http_cors_allow(spec, "http://localhost"));
    cr_expect_null(http_cors_allow(spec, "https://a"));
    cr_expect_null(http_cors_allow(spec, ""));
    cr_expect_null(http_cors_allow(spec, NULL));
    cr_expect_null(http_cors_allow(NULL, "https://a.example"));
    cr_expect_str_eq(http_cors_allow("*", "https://anything.example"), "*");
}

/* The fault of a request with the given header fields (name, value pairs, NULL-ended). */
static const char *framing_fault(const char *const fields[], bool http10)
{
    http_framing f = {0};
    for (size_t i = 0; fields[i]; i += 2)
        http_framing_add(&f, fields[i], fields[i + 1]);
    return http_framing_fault(&f, http10);
}

Test(http_headers, framing_refuses_what_rfc_9112_calls_ambiguous)
{
    static const struct {
        const char *fields[9];
        bool http10;
        bool sound;
    } cases[] = {
        {{NULL}, false, true},
        {{"Host", "x", "Accept", "*/*", NULL}, false, true},
        {{"Content-Length", "5", NULL}, false, true},
        {{"content-length", "0", NULL}, true, true},
        {{"Content-Length", "5", "Content-Length", "5", NULL}, false, true},
        {{"Content-Length", "5", "Content-Length", "005", NULL}, false, true},
        {{"Transfer-Encoding", "chunked", NULL}, false, true},
        {{"Transfer-Encoding", "Chunked", NULL}, false, true},
        {{"Transfer-Encoding", " chunked ,", NULL}, false, true},
        /* smuggling: the first length or the coding would win, the rest be a request */
        {{"Content-Length", "5", "Content-Length", "60", NULL}, false, false},
        {{"Content-Length", "5", "CONTENT-LENGTH", "6", "Content-Length", "5", NULL}, false, false},
        {{"Content-Length", "5", "Content-Length", "5x", NULL}, false, false},
        {{"Content-Length", "5", "Content-Length", "", NULL}, false, false},
        {{"Content-Length", "5", "Content-Length", "99999999999999999999999", NULL}, false, false},
        {{"Content-Length", "5", "Transfer-Encoding", "chunked", NULL}, false, false},
        {{"Transfer-Encoding", "chunked", "Content-Length", "0", NULL}, false, false},
        /* no length can be read from any coding but chunked, once */
        {{"Transfer-Encoding", "identity", NULL}, false, false},
        {{"Transfer-Encoding", "gzip, chunked", NULL}, false, false},
        {{"Transfer-Encoding", "chunked, gzip", NULL}, false, false},
        {{"Transfer-Encoding", "chunked", "Transfer-Encoding", "chunked", NULL}, false, false},
        {{"Transfer-Encoding", "chunked, chunked", NULL}, false, false},
        {{"Transfer-Encoding", "", NULL}, false, false},
        {{"Transfer-Encoding", "chunkedx", NULL}, false, false},
        {{"Transfer-Encoding", "chunked", NULL}, true, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *fault = framing_fault(cases[i].fields, cases[i].http10);
        const char *const *f = cases[i].fields;
        if (cases[i].sound)
            cr_expect_null(fault, "case %zu (%s: %s ...) refused: %s", i, f[0] ? f[0] : "-",
                           f[0] ? f[1] : "-", fault);
        else
            cr_expect_not_null(fault, "case %zu (%s: %s, %s: %s) accepted", i, f[0], f[1],
                               f[2] ? f[2] : "-", f[2] ? f[3] : "-");
    }
}

Test(http_headers, framing_keeps_the_length)
{
    http_framing f = {0};
    http_framing_add(&f, "Content-Length", "1234");
    http_framing_add(&f, "Content-Length", "1234");
    cr_expect_eq(f.content_lengths, 2);
    cr_expect_eq(f.content_length, 1234);
    cr_expect_null(http_framing_fault(&f, false));
}

Test(http_headers, query_parameters_are_counted_as_received)
{
    static const struct {
        const char *target;
        size_t expected;
    } cases[] = {
        {"/sources", 0},
        {"/sources?", 0},
        {"/sources?limit=1", 1},
        {"/sources?a&b", 2},
        {"/sources?a=1&b=2&c", 3},
        {"/sources?&", 2},
        {"/sources?a=%26&b", 2},
        {"/a?b?c&d", 2},
        {"", 0},
        {NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_eq(http_query_params(cases[i].target), cases[i].expected, "%s: %zu, not %zu",
                     cases[i].target ? cases[i].target : "(null)",
                     http_query_params(cases[i].target), cases[i].expected);
}
