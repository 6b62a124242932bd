/* Integration tests of the HTTP layer around the API (server/http.c): entity tags and
 * conditional requests, Last-Modified, gzip, HEAD, CORS, Cache-Control and Vary, the charset
 * of every Content-Type, the operational endpoints (/livez, /readyz, /metrics) and the log
 * line of each request.
 *
 * Most tests speak to the harness's server.  Those that need other options (--cors, a JSON
 * log) start a second server of their own on the same database, and speak to it with the
 * small libcurl helper below.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <jansson.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "tests/integration/harness.h"

#define DATA_CACHE_CONTROL "public, max-age=0, must-revalidate"
#define METRICS_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"
#define EXTRA_START_TIMEOUT_S 30
#define LOG_WAIT_S 5

TestSuite(http_protocol, .init = harness_start, .fini = harness_stop);

/* --- helpers --- */

static void sleep_ms(long ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* The value of header `name`, malloc'd, or NULL when the reply has none. */
static char *header_copy(const http_reply *r, const char *name)
{
    strbuf value = STRBUF_INIT;
    if (!http_header(r, name, &value)) {
        strbuf_release(&value);
        return NULL;
    }
    return strbuf_detach(&value, NULL);
}

static void expect_header(const http_reply *r, const char *name, const char *expected,
                          const char *what)
{
    char *value = header_copy(r, name);
    if (!expected)
        cr_expect_null(value, "%s: unexpected %s: %s", what, name, value);
    else if (!value)
        cr_expect_fail("%s: no %s header (expected '%s')", what, name, expected);
    else
        cr_expect_str_eq(value, expected, "%s: %s", what, name);
    free(value);
}

/* True when the comma-separated header `name` lists `token` (case-insensitively). */
static bool header_lists(const http_reply *r, const char *name, const char *token)
{
    char *value = header_copy(r, name);
    bool found = false;
    size_t len = strlen(token);
    for (char *s = value; s && *s && !found;) {
        s += strspn(s, " ,");
        size_t n = strcspn(s, ",");
        size_t trimmed = n;
        while (trimmed && s[trimmed - 1] == ' ')
            trimmed--;
        found = trimmed == len && strncasecmp(s, token, len) == 0;
        s += n;
    }
    free(value);
    return found;
}

/* GETs path (with extra headers) from the harness's server; asserts the transport worked. */
static void get(const char *path, const char *const headers[], http_reply *r)
{
    http_reply_init(r);
    cr_assert(http_get_with(path, headers, r), "GET %s failed", path);
}

static void head(const char *path, const char *const headers[], http_reply *r)
{
    http_reply_init(r);
    cr_assert(http_request_with(NULL, "HEAD", path, headers, NULL, 0, r), "HEAD %s failed", path);
}

/* The ETag of a 200 answer to GET path, malloc'd. */
static char *etag_of(const char *path, const char *const headers[])
{
    http_reply r;
    get(path, headers, &r);
    cr_assert_eq(r.status, 200, "GET %s: %ld", path, r.status);
    char *etag = header_copy(&r, "ETag");
    cr_assert(etag, "GET %s: no ETag", path);
    http_reply_release(&r);
    return etag;
}

/* The id of the first source, malloc'd. */
static char *first_source_id(void)
{
    http_reply r;
    get("/sources?limit=1", NULL, &r);
    json_t *doc = http_json(&r);
    const char *id = json_string_value(
        json_object_get(json_array_get(json_object_get(doc, "data"), 0), "id"));
    cr_assert(id, "/sources has no first id");
    char *copy = strdup(id);
    json_decref(doc);
    http_reply_release(&r);
    return copy;
}

/* Inflates a gzip body with zlib; asserts it is one. */
static void gunzip(const strbuf *in, strbuf *out)
{
    z_stream zs;
    unsigned char chunk[16384];
    memset(&zs, 0, sizeof zs);
    cr_assert_eq(inflateInit2(&zs, 15 + 16), Z_OK);
    zs.next_in = (unsigned char *)in->buf;
    zs.avail_in = (uInt)in->len;
    int rc;
    do {
        zs.next_out = chunk;
        zs.avail_out = sizeof chunk;
        rc = inflate(&zs, Z_NO_FLUSH);
        cr_assert(rc == Z_OK || rc == Z_STREAM_END, "inflate: %d", rc);
        strbuf_add(out, chunk, sizeof chunk - zs.avail_out);
    } while (rc != Z_STREAM_END);
    cr_assert_eq(zs.avail_in, 0, "bytes after the gzip member");
    inflateEnd(&zs);
}

/* Writes text to DIR/name (harness directory) and returns the path, malloc'd. */
static char *write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", harness_dir(), name);
    FILE *f = fopen(path, "wb");
    cr_assert(f, "fopen %s: %s", path, strerror(errno));
    cr_assert_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    cr_assert_eq(fclose(f), 0);
    return strdup(path);
}

/* --- a second server, with options of its own --- */

typedef struct extra_server {
    pid_t pid;
    unsigned short port;
} extra_server;

static size_t collect_body(char *data, size_t size, size_t n, void *user)
{
    strbuf_add(user, data, size * n);
    return size * n;
}

static size_t collect_header(char *data, size_t size, size_t n, void *user)
{
    strbuf *headers = user;
    if (size * n >= 5 && strncmp(data, "HTTP/", 5) == 0)
        strbuf_reset(headers);
    strbuf_add(headers, data, size * n);
    return size * n;
}

/* Sends METHOD path to 127.0.0.1:port with extra headers; false on a transport error. */
static bool request_port(unsigned short port, const char *method, const char *path,
                         const char *const headers[], http_reply *r)
{
    char url[512];
    struct curl_slist *list = NULL;
    CURL *curl = curl_easy_init();
    cr_assert(curl);
    strbuf_reset(&r->headers);
    strbuf_reset(&r->body);
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", (unsigned)port, path);
    for (size_t i = 0; headers && headers[i]; i++)
        list = curl_slist_append(list, headers[i]);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r->headers);
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    else if (strcmp(method, "GET") != 0)
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return rc == CURLE_OK;
}

static void extra(const extra_server *s, const char *method, const char *path,
                  const char *const headers[], http_reply *r)
{
    http_reply_init(r);
    cr_assert(request_port(s->port, method, path, headers, r), "%s %s failed", method, path);
}

/* Starts `factd serve` on the harness's database with the extra arguments (NULL-terminated),
 * its output in DIR/log_name, and waits until /healthz answers. */
static void extra_start(extra_server *s, const char *const args[], const char *log_name)
{
    char port[16], log_path[512];
    const char *argv[32];
    size_t n = 0;

    s->port = harness_free_port();
    snprintf(port, sizeof port, "%u", (unsigned)s->port);
    snprintf(log_path, sizeof log_path, "%s/%s", harness_dir(), log_name);
    argv[n++] = harness_factd();
    argv[n++] = "serve";
    argv[n++] = "--db";
    argv[n++] = harness_db_path();
    argv[n++] = "--port";
    argv[n++] = port;
    for (size_t i = 0; args && args[i] && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;

    s->pid = harness_spawn(harness_factd(), (char *const *)argv, log_path);
    time_t deadline = time(NULL) + EXTRA_START_TIMEOUT_S;
    while (time(NULL) < deadline) {
        int status;
        cr_assert_neq(waitpid(s->pid, &status, WNOHANG), s->pid, "the second server exited");
        http_reply r;
        http_reply_init(&r);
        bool up = request_port(s->port, "GET", "/healthz", NULL, &r) && r.status == 200;
        http_reply_release(&r);
        if (up)
            return;
        sleep_ms(20);
    }
    kill(s->pid, SIGKILL);
    waitpid(s->pid, NULL, 0);
    cr_assert_fail("the second server did not become ready");
}

static void extra_stop(extra_server *s)
{
    int status = 0;
    kill(s->pid, SIGTERM);
    cr_assert_eq(waitpid(s->pid, &status, 0), s->pid);
    cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "the second server did not exit cleanly (status %d)", status);
}

/* --- entity tags and conditional requests --- */

Test(http_protocol, etag_is_strong_stable_and_specific)
{
    char *a = etag_of("/agreements?limit=2", NULL);
    char *b = etag_of("/agreements?limit=2", NULL);
    cr_expect_str_eq(a, b, "the same request got two tags");
    cr_expect(a[0] == '"' && a[strlen(a) - 1] == '"' && strlen(a) > 2, "not a strong tag: %s", a);

    char *other_query = etag_of("/agreements?limit=3", NULL);
    char *other_path = etag_of("/meetings?limit=2", NULL);
    const char *gzip[] = {"Accept-Encoding: gzip", NULL};
    char *gzipped = etag_of("/agreements?limit=2", gzip);
    char *pretty = etag_of("/agreements?limit=2&pretty=1", NULL);
    cr_expect_str_neq(a, other_query);
    cr_expect_str_neq(a, other_path);
    cr_expect_str_neq(a, gzipped, "gzip and identity share a tag");
    cr_expect_str_neq(a, pretty);

    char *id = first_source_id();
    char path[128];
    snprintf(path, sizeof path, "/sources/%s/text", id);
    free(etag_of(path, NULL));
    snprintf(path, sizeof path, "/sources/%s", id);
    free(etag_of(path, NULL));
    free(etag_of("/openapi.yaml", NULL));
    free(etag_of("/", NULL));
    free(id);
    free(a);
    free(b);
    free(other_query);
    free(other_path);
    free(gzipped);
    free(pretty);
}

Test(http_protocol, etag_differs_between_formats_of_a_list)
{
    http_reply csv;
    get("/agreements?format=csv", NULL, &csv);
    char *type = header_copy(&csv, "Content-Type");
    /* CSV is part of the API: a wrong answer here fails the test, it is no reason to skip. */
    cr_assert_eq(csv.status, 200, "format=csv answered %ld: %s", csv.status, csv.body.buf);
    cr_assert(type && strncmp(type, "text/csv", 8) == 0, "format=csv answered Content-Type %s",
              type ? type : "(none)");
    char *json = etag_of("/agreements", NULL);
    char *csv_tag = header_copy(&csv, "ETag");
    cr_assert(csv_tag, "the CSV list has no ETag");
    cr_expect_str_neq(json, csv_tag);

    const char *accept_csv[] = {"Accept: text/csv", NULL};
    char *negotiated = etag_of("/agreements", accept_csv);
    cr_expect_str_neq(json, negotiated, "Accept: text/csv got the JSON tag");
    const char *accept_ndjson[] = {"Accept: application/x-ndjson", NULL};
    char *ndjson = etag_of("/agreements", accept_ndjson);
    cr_expect_str_neq(json, ndjson);
    cr_expect_str_neq(negotiated, ndjson);
    free(type);
    free(json);
    free(csv_tag);
    free(negotiated);
    free(ndjson);
    http_reply_release(&csv);
}

Test(http_protocol, no_validators_on_errors_and_operations)
{
    const char *paths[] = {"/healthz",
                           "/livez",
                           "/readyz",
                           "/metrics",
                           "/nope",
                           "/agreements?limit=0",
                           "/agreements/000000000000"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_reply r;
        get(paths[i], NULL, &r);
        expect_header(&r, "ETag", NULL, paths[i]);
        expect_header(&r, "Last-Modified", NULL, paths[i]);
        expect_header(&r, "Cache-Control", "no-store", paths[i]);
        http_reply_release(&r);
    }
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_request("DELETE", "/agreements", NULL, &r));
    cr_expect_eq(r.status, 405);
    expect_header(&r, "Cache-Control", "no-store", "DELETE /agreements");
    expect_header(&r, "ETag", NULL, "DELETE /agreements");
    http_reply_release(&r);
}

Test(http_protocol, data_responses_are_cacheable_and_vary)
{
    const char *paths[] = {"/",       "/sources",      "/agreements?limit=1", "/quotes",
                           "/people", "/openapi.yaml", "/problems/not-found"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_reply r;
        get(paths[i], NULL, &r);
        cr_expect_eq(r.status, 200, "%s", paths[i]);
        expect_header(&r, "Cache-Control", DATA_CACHE_CONTROL, paths[i]);
        cr_expect(header_lists(&r, "Vary", "Accept-Encoding"), "%s: Vary", paths[i]);
        cr_expect(header_lists(&r, "Vary", "Accept"), "%s: Vary", paths[i]);
        cr_expect(!header_lists(&r, "Vary", "Origin"), "%s: Vary: Origin without --cors", paths[i]);
        http_reply_release(&r);
    }
}

/* Asserts a 304 as RFC 9110 section 15.4.5 wants it, for a 200 that carried `etag` and had
 * a body of `length` bytes. */
static void expect_not_modified(const http_reply *r, const char *etag, size_t length,
                                const char *what)
{
    char expected_length[32];
    cr_expect_eq(r->status, 304, "%s: %ld", what, r->status);
    cr_expect_eq(r->body.len, 0, "%s: a 304 with a body", what);
    expect_header(r, "ETag", etag, what);
    expect_header(r, "Cache-Control", DATA_CACHE_CONTROL, what);
    cr_expect(header_lists(r, "Vary", "Accept-Encoding"), "%s: Vary", what);
    char *modified = header_copy(r, "Last-Modified");
    cr_expect(modified, "%s: no Last-Modified", what);
    free(modified);
    expect_header(r, "Content-Type", NULL, what);
    /* Only the length the 200 would have (RFC 9110 section 8.6). */
    snprintf(expected_length, sizeof expected_length, "%zu", length);
    char *got_length = header_copy(r, "Content-Length");
    if (got_length)
        cr_expect_str_eq(got_length, expected_length, "%s: Content-Length of a 304", what);
    free(got_length);
}

Test(http_protocol, if_none_match_answers_304)
{
    const char *path = "/agreements?limit=5";
    http_reply full;
    get(path, NULL, &full);
    cr_assert_eq(full.status, 200);
    char *etag = header_copy(&full, "ETag");
    cr_assert(etag);

    char exact[128], weak[128], list[192], other[128];
    snprintf(exact, sizeof exact, "If-None-Match: %s", etag);
    snprintf(weak, sizeof weak, "If-None-Match: W/%s", etag);
    snprintf(list, sizeof list, "If-None-Match: \"nope\", W/\"other\",%s", etag);
    snprintf(other, sizeof other, "If-None-Match: \"nope\", W/\"other\"");
    const char *cases[][2] = {{exact, NULL},
                              {weak, NULL},
                              {list, NULL},
                              {"If-None-Match: *", NULL}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        http_reply r;
        get(path, cases[i], &r);
        expect_not_modified(&r, etag, full.body.len, cases[i][0]);
        http_reply_release(&r);

        head(path, cases[i], &r);
        cr_expect_eq(r.status, 304, "HEAD with %s: %ld", cases[i][0], r.status);
        http_reply_release(&r);
    }

    const char *miss[] = {other, NULL};
    http_reply r;
    get(path, miss, &r);
    cr_expect_eq(r.status, 200, "a list without our tag: %ld", r.status);
    cr_expect(r.body.len == full.body.len && memcmp(r.body.buf, full.body.buf, r.body.len) == 0);
    expect_header(&r, "ETag", etag, "a list without our tag");
    http_reply_release(&r);

    /* The tag belongs to its request: another path or query does not match it. */
    const char *ours[] = {exact, NULL};
    get("/agreements?limit=4", ours, &r);
    cr_expect_eq(r.status, 200);
    http_reply_release(&r);
    /* "*" matches a current representation only. */
    const char *any[] = {"If-None-Match: *", NULL};
    get("/agreements/000000000000", any, &r);
    cr_expect_eq(r.status, 404);
    http_reply_release(&r);
    get("/nope", any, &r);
    cr_expect_eq(r.status, 404);
    http_reply_release(&r);

    free(etag);
    http_reply_release(&full);
}

Test(http_protocol, if_none_match_on_a_gzipped_representation)
{
    const char *gzip[] = {"Accept-Encoding: gzip", NULL};
    http_reply full;
    get("/agreements?limit=1000", gzip, &full);
    cr_assert_eq(full.status, 200);
    expect_header(&full, "Content-Encoding", "gzip", "the full list");
    char *etag = header_copy(&full, "ETag");
    char condition[128];
    snprintf(condition, sizeof condition, "If-None-Match: %s", etag);
    const char *both[] = {"Accept-Encoding: gzip", condition, NULL};
    http_reply r;
    get("/agreements?limit=1000", both, &r);
    expect_not_modified(&r, etag, full.body.len, "gzip revalidation");
    http_reply_release(&r);
    /* The identity representation has a tag of its own. */
    const char *identity[] = {condition, NULL};
    get("/agreements?limit=1000", identity, &r);
    cr_expect_eq(r.status, 200);
    http_reply_release(&r);
    free(etag);
    http_reply_release(&full);
}

Test(http_protocol, etag_changes_after_an_ingest)
{
    http_reply before;
    get("/sources?limit=1000", NULL, &before);
    cr_assert_eq(before.status, 200);
    char *etag = header_copy(&before, "ETag");
    cr_assert(etag);
    json_t *doc = http_json(&before);
    size_t sources_before = json_array_size(json_object_get(doc, "data"));
    json_decref(doc);

    char *article = write_file("late_article.txt",
                               "Oslo, 3 March 2025: Norway and Chile signed a polar research "
                               "agreement on Monday, officials said.\n");
    char *argv[] = {"factd", "ingest", "--db", (char *)harness_db_path(), "--quiet", article, NULL};
    cr_assert_eq(harness_run_factd(argv, "late_ingest.log", 120), 0, "factd ingest failed");

    char condition[128];
    snprintf(condition, sizeof condition, "If-None-Match: %s", etag);
    const char *revalidate[] = {condition, NULL};
    http_reply after;
    get("/sources?limit=1000", revalidate, &after);
    cr_expect_eq(after.status, 200, "the old tag still matched after an ingest");
    char *new_etag = header_copy(&after, "ETag");
    cr_assert(new_etag);
    cr_expect_str_neq(etag, new_etag);
    doc = http_json(&after);
    cr_expect_eq(json_array_size(json_object_get(doc, "data")), sources_before + 1);
    json_decref(doc);

    /* The new tag validates from now on. */
    snprintf(condition, sizeof condition, "If-None-Match: %s", new_etag);
    http_reply again;
    get("/sources?limit=1000", revalidate, &again);
    cr_expect_eq(again.status, 304);

    http_reply_release(&again);
    http_reply_release(&after);
    http_reply_release(&before);
    free(article);
    free(etag);
    free(new_etag);
}

Test(http_protocol, last_modified_and_if_modified_since)
{
    const char *path = "/quotes?limit=3";
    http_reply r;
    get(path, NULL, &r);
    cr_assert_eq(r.status, 200);
    char *modified = header_copy(&r, "Last-Modified");
    cr_assert(modified, "no Last-Modified");
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = strptime(modified, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cr_assert(end && *end == '\0', "Last-Modified is not an IMF-fixdate: %s", modified);
    time_t when = timegm(&tm);
    cr_expect(llabs((long long)(time(NULL) - when)) < 3600,
              "Last-Modified %s is not the time of the ingest", modified);
    http_reply_release(&r);

    char since[128], old[] = "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT";
    snprintf(since, sizeof since, "If-Modified-Since: %s", modified);
    const struct {
        const char *headers[3];
        long status;
    } cases[] = {
        {{since, NULL}, 304},
        {{"If-Modified-Since: Fri, 31 Dec 9999 23:59:59 GMT", NULL}, 304},
        {{old, NULL}, 200},
        {{"If-Modified-Since: yesterday", NULL}, 200},
        /* If-None-Match wins: a tag that does not match answers in full. */
        {{since, "If-None-Match: \"nope\"", NULL}, 200},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        get(path, cases[i].headers, &r);
        cr_expect_eq(r.status, cases[i].status, "case %zu (%s): %ld", i, cases[i].headers[0],
                     r.status);
        if (r.status == 304)
            expect_header(&r, "Last-Modified", modified, "If-Modified-Since");
        http_reply_release(&r);
    }
    /* Errors are not conditional. */
    const char *after[] = {since, NULL};
    get("/agreements?limit=0", after, &r);
    cr_expect_eq(r.status, 400);
    http_reply_release(&r);
    free(modified);
}

/* --- gzip and HEAD --- */

Test(http_protocol, gzip_when_accepted_and_worth_it)
{
    const char *path = "/agreements?limit=1000";
    http_reply identity, gzipped;
    get(path, NULL, &identity);
    cr_assert_eq(identity.status, 200);
    cr_assert_geq(identity.body.len, 512, "the list is too short to test gzip");
    expect_header(&identity, "Content-Encoding", NULL, "without Accept-Encoding");

    const char *accept[] = {"Accept-Encoding: gzip, deflate, br", NULL};
    get(path, accept, &gzipped);
    cr_assert_eq(gzipped.status, 200);
    expect_header(&gzipped, "Content-Encoding", "gzip", "Accept-Encoding: gzip");
    cr_expect(header_lists(&gzipped, "Vary", "Accept-Encoding"));
    cr_expect_lt(gzipped.body.len, identity.body.len);
    char length[32];
    snprintf(length, sizeof length, "%zu", gzipped.body.len);
    expect_header(&gzipped, "Content-Length", length, "gzip");
    expect_header(&gzipped, "Content-Type", "application/json; charset=utf-8", "gzip");
    strbuf plain = STRBUF_INIT;
    gunzip(&gzipped.body, &plain);
    cr_expect(plain.len == identity.body.len &&
                  memcmp(plain.buf, identity.body.buf, plain.len) == 0,
              "the gzipped body is not the identity body");
    strbuf_release(&plain);

    /* What each Accept-Encoding gets, on a large and on a small body. */
    const struct {
        const char *header;
        const char *path;
        const char *coding;
    } cases[] = {
        {"Accept-Encoding: gzip;q=0", path, NULL},
        {"Accept-Encoding: identity", path, NULL},
        {"Accept-Encoding: br", path, NULL},
        {"Accept-Encoding: *", path, "gzip"},
        {"Accept-Encoding: *;q=0, identity", path, NULL},
        {"Accept-Encoding: gzip;q=0.5, identity", path, NULL},
        {"Accept-Encoding: gzip", "/livez", NULL},
        {"Accept-Encoding: gzip, identity;q=0", "/livez", "gzip"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *headers[] = {cases[i].header, NULL};
        http_reply r;
        get(cases[i].path, headers, &r);
        cr_expect_eq(r.status, 200);
        expect_header(&r, "Content-Encoding", cases[i].coding, cases[i].header);
        if (cases[i].coding) {
            strbuf body = STRBUF_INIT;
            gunzip(&r.body, &body);
            strbuf_release(&body);
        }
        http_reply_release(&r);
    }
    http_reply_release(&identity);
    http_reply_release(&gzipped);
}

Test(http_protocol, head_has_the_headers_of_get_and_no_body)
{
    char *id = first_source_id();
    char text[128];
    snprintf(text, sizeof text, "/sources/%s/text", id);
    const char *paths[] = {"/agreements?limit=1000",
                           "/agreements?limit=1",
                           text,
                           "/openapi.yaml",
                           "/metrics",
                           "/nope"};
    const char *names[] = {"Content-Type", "Content-Length", "Content-Encoding",
                           "ETag",         "Last-Modified",  "Cache-Control",
                           "Vary"};
    const char *gzip[] = {"Accept-Encoding: gzip", NULL};
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        for (int compressed = 0; compressed < 2; compressed++) {
            http_reply g, h;
            get(paths[p], compressed ? gzip : NULL, &g);
            head(paths[p], compressed ? gzip : NULL, &h);
            cr_expect_eq(h.status, g.status, "HEAD %s", paths[p]);
            cr_expect_eq(h.body.len, 0, "HEAD %s has a body", paths[p]);
            for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
                if (strcmp(paths[p], "/metrics") == 0 && strcmp(names[n], "Content-Length") == 0)
                    continue; /* the counters move between the two requests */
                char *want = header_copy(&g, names[n]);
                char what[256];
                snprintf(what, sizeof what, "HEAD %s%s", paths[p], compressed ? " (gzip)" : "");
                expect_header(&h, names[n], want, what);
                free(want);
            }
            http_reply_release(&g);
            http_reply_release(&h);
        }
    }
    free(id);
}

/* --- Content-Type --- */

Test(http_protocol, every_content_type_has_a_charset)
{
    char *id = first_source_id();
    char item[128], text[128];
    snprintf(item, sizeof item, "/sources/%s", id);
    snprintf(text, sizeof text, "/sources/%s/text", id);
    const char *paths[] = {"/",
                           "/sources",
                           item,
                           text,
                           "/agreements?limit=1",
                           "/agreements?format=csv",
                           "/agreements?format=ndjson",
                           "/openapi.yaml",
                           "/problems/not-found",
                           "/healthz",
                           "/livez",
                           "/readyz",
                           "/metrics",
                           "/nope",
                           "/agreements?limit=0",
                           "/agreements/000000000000"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_reply r;
        get(paths[i], NULL, &r);
        char *type = header_copy(&r, "Content-Type");
        cr_expect(type, "%s: no Content-Type", paths[i]);
        if (type)
            cr_expect(strcasestr(type, "charset=utf-8"), "%s (%ld): Content-Type %s", paths[i],
                      r.status, type);
        free(type);
        http_reply_release(&r);
    }
    http_reply r;
    get("/openapi.yaml", NULL, &r);
    expect_header(&r, "Content-Type", "application/yaml; charset=utf-8", "/openapi.yaml");
    http_reply_release(&r);
    http_reply_init(&r);
    cr_assert(http_request("DELETE", "/sources", NULL, &r));
    expect_header(&r, "Content-Type", "application/problem+json; charset=utf-8", "405");
    http_reply_release(&r);
    free(id);
}

/* --- CORS --- */

Test(http_protocol, no_cors_headers_without_the_option)
{
    const char *origin[] = {"Origin: https://app.example", NULL};
    http_reply r;
    get("/agreements", origin, &r);
    cr_expect_eq(r.status, 200);
    expect_header(&r, "Access-Control-Allow-Origin", NULL, "without --cors");
    expect_header(&r, "Access-Control-Expose-Headers", NULL, "without --cors");
    http_reply_release(&r);

    const char *preflight[] = {"Origin: https://app.example", "Access-Control-Request-Method: GET",
                               NULL};
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, "OPTIONS", "/agreements", preflight, NULL, 0, &r));
    cr_expect_eq(r.status, 405, "a preflight without --cors: %ld", r.status);
    expect_header(&r, "Allow", "GET, HEAD", "OPTIONS without --cors");
    expect_header(&r, "Access-Control-Allow-Origin", NULL, "OPTIONS without --cors");
    http_reply_release(&r);
}

Test(http_protocol, cors_for_listed_origins)
{
    extra_server s;
    const char *args[] = {"--cors", "https://app.example,http://localhost:3000", NULL};
    extra_start(&s, args, "cors.log");

    const char *allowed[] = {"Origin: http://localhost:3000", NULL};
    http_reply r;
    extra(&s, "GET", "/agreements?limit=1", allowed, &r);
    cr_expect_eq(r.status, 200);
    expect_header(&r, "Access-Control-Allow-Origin", "http://localhost:3000", "allowed origin");
    cr_expect(header_lists(&r, "Vary", "Origin"), "no Vary: Origin");
    cr_expect(header_lists(&r, "Vary", "Accept-Encoding"));
    const char *exposed[] = {"ETag", "Link", "Last-Modified", "X-Total-Count"};
    for (size_t i = 0; i < sizeof exposed / sizeof exposed[0]; i++)
        cr_expect(header_lists(&r, "Access-Control-Expose-Headers", exposed[i]),
                  "%s is not exposed", exposed[i]);
    http_reply_release(&r);

    /* Errors carry it too, so that a page can read the problem. */
    extra(&s, "GET", "/nope", allowed, &r);
    cr_expect_eq(r.status, 404);
    expect_header(&r, "Access-Control-Allow-Origin", "http://localhost:3000", "404");
    http_reply_release(&r);

    const char *refused[] = {"Origin: https://evil.example", NULL};
    extra(&s, "GET", "/agreements?limit=1", refused, &r);
    cr_expect_eq(r.status, 200);
    expect_header(&r, "Access-Control-Allow-Origin", NULL, "another origin");
    cr_expect(header_lists(&r, "Vary", "Origin"));
    http_reply_release(&r);

    extra(&s, "GET", "/agreements?limit=1", NULL, &r);
    expect_header(&r, "Access-Control-Allow-Origin", NULL, "no Origin");
    http_reply_release(&r);

    /* A preflight from a listed origin: 204, whatever the path. */
    const char *preflight[] = {"Origin: https://app.example", "Access-Control-Request-Method: GET",
                               "Access-Control-Request-Headers: if-none-match", NULL};
    const char *targets[] = {"/agreements", "/quotes/0123456789ab", "/metrics"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        extra(&s, "OPTIONS", targets[i], preflight, &r);
        cr_expect_eq(r.status, 204, "preflight %s: %ld", targets[i], r.status);
        cr_expect_eq(r.body.len, 0);
        expect_header(&r, "Access-Control-Allow-Origin", "https://app.example", "preflight");
        expect_header(&r, "Access-Control-Allow-Methods", "GET, HEAD", "preflight");
        cr_expect(header_lists(&r, "Access-Control-Allow-Headers", "If-None-Match"));
        cr_expect(header_lists(&r, "Access-Control-Allow-Headers", "Accept"));
        char *max_age = header_copy(&r, "Access-Control-Max-Age");
        cr_expect(max_age && atoi(max_age) > 0, "no Access-Control-Max-Age");
        free(max_age);
        http_reply_release(&r);
    }

    /* Not a preflight: another origin, or OPTIONS without a requested method. */
    const char *evil_preflight[] = {"Origin: https://evil.example",
                                    "Access-Control-Request-Method: GET", NULL};
    extra(&s, "OPTIONS", "/agreements", evil_preflight, &r);
    cr_expect_eq(r.status, 405);
    expect_header(&r, "Access-Control-Allow-Origin", NULL, "preflight from another origin");
    http_reply_release(&r);
    const char *bare_options[] = {"Origin: https://app.example", NULL};
    extra(&s, "OPTIONS", "/agreements", bare_options, &r);
    cr_expect_eq(r.status, 405);
    http_reply_release(&r);

    extra_stop(&s);
}

Test(http_protocol, cors_for_any_origin)
{
    extra_server s;
    const char *args[] = {"--cors", "*", NULL};
    extra_start(&s, args, "cors_any.log");
    const char *origin[] = {"Origin: https://anywhere.example", NULL};
    http_reply r;
    extra(&s, "GET", "/sources", origin, &r);
    cr_expect_eq(r.status, 200);
    expect_header(&r, "Access-Control-Allow-Origin", "*", "--cors *");
    http_reply_release(&r);
    const char *preflight[] = {"Origin: https://anywhere.example",
                               "Access-Control-Request-Method: HEAD", NULL};
    extra(&s, "OPTIONS", "/sources", preflight, &r);
    cr_expect_eq(r.status, 204);
    expect_header(&r, "Access-Control-Allow-Origin", "*", "preflight, --cors *");
    http_reply_release(&r);
    extra_stop(&s);
}

Test(http_protocol, bad_cors_values_are_usage_errors)
{
    const char *values[] = {"", "example.org", "https://example.org/path", "*,https://a.example"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        char port[16];
        snprintf(port, sizeof port, "%u", (unsigned)harness_free_port());
        char *argv[] = {"factd",  "serve", "--db",   (char *)harness_db_path(),
                        "--port", port,    "--cors", (char *)values[i],
                        NULL};
        cr_expect_eq(harness_run_factd(argv, "bad_cors.log", 30), 2, "--cors '%s'", values[i]);
    }
}

/* --- operations --- */

Test(http_protocol, livez_and_readyz)
{
    http_reply r;
    get("/livez", NULL, &r);
    cr_expect_eq(r.status, 200);
    json_t *doc = http_json(&r);
    cr_expect_str_eq(json_string_value(json_object_get(doc, "status")), "ok");
    json_decref(doc);
    expect_header(&r, "Content-Type", "application/json; charset=utf-8", "/livez");
    http_reply_release(&r);

    get("/readyz", NULL, &r);
    cr_expect_eq(r.status, 200);
    doc = http_json(&r);
    cr_expect_str_eq(json_string_value(json_object_get(doc, "status")), "ready");
    cr_expect(json_integer_value(json_object_get(doc, "schema_version")) >= 1);
    cr_expect(json_integer_value(json_object_get(doc, "generation")) >= 1);
    json_decref(doc);
    http_reply_release(&r);

    get("/livez?pretty=1", NULL, &r);
    cr_expect_eq(r.status, 200);
    http_reply_release(&r);
    get("/livez?verbose=1", NULL, &r);
    cr_expect_eq(r.status, 400);
    http_reply_release(&r);
}

/* The value of one sample (name and labels exactly as exposed) in a scrape; 0 when absent. */
static double sample(const char *scrape, const char *series)
{
    size_t len = strlen(series);
    for (const char *line = scrape; line && *line;) {
        if (strncmp(line, series, len) == 0 && line[len] == ' ')
            return strtod(line + len + 1, NULL);
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return 0;
}

static char *scrape(void)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get_direct("/metrics", &r));
    cr_assert_eq(r.status, 200);
    char *text = strbuf_detach(&r.body, NULL);
    http_reply_release(&r);
    return text;
}

Test(http_protocol, metrics_exposition)
{
    http_reply r;
    get("/metrics", NULL, &r);
    cr_assert_eq(r.status, 200);
    expect_header(&r, "Content-Type", METRICS_CONTENT_TYPE, "/metrics");
    expect_header(&r, "Cache-Control", "no-store", "/metrics");

    /* Every line is a comment or "name{labels} value". */
    regex_t sample_line;
    cr_assert_eq(
        regcomp(&sample_line,
                "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*\\})? "
                "-?[0-9]+(\\.[0-9]+)?(e[-+]?[0-9]+)?$",
                REG_EXTENDED | REG_NOSUB),
        0);
    char *text = strbuf_detach(&r.body, NULL);
    char *rest = NULL;
    for (char *line = strtok_r(text, "\n", &rest); line; line = strtok_r(NULL, "\n", &rest)) {
        if (strncmp(line, "# HELP ", 7) == 0 || strncmp(line, "# TYPE ", 7) == 0)
            continue;
        cr_expect_eq(regexec(&sample_line, line, 0, NULL, 0), 0, "not a sample: '%s'", line);
    }
    regfree(&sample_line);
    free(text);
    http_reply_release(&r);

    text = scrape();
    const char *types[] = {"# TYPE factd_http_requests_total counter",
                           "# TYPE factd_http_request_duration_seconds histogram",
                           "# TYPE factd_facts gauge",
                           "# TYPE factd_database_bytes gauge",
                           "# TYPE factd_uptime_seconds gauge",
                           "# TYPE factd_build_info gauge"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        cr_expect(strstr(text, types[i]), "no '%s'", types[i]);
    cr_expect_eq(sample(text, "factd_database_up"), 1);
    cr_expect_gt(sample(text, "factd_database_bytes"), 0);
    cr_expect_geq(sample(text, "factd_database_generation"), 1);
    cr_expect_gt(sample(text, "factd_database_last_write_timestamp_seconds"), 1.7e9);
    cr_expect_gt(sample(text, "factd_process_start_time_seconds"), 1.7e9);
    cr_expect(strstr(text, "factd_build_info{version=\""), "no build info");

    corpus_file *files;
    size_t n = corpus_load(&files);
    corpus_free(files, n);
    cr_expect_eq(sample(text, "factd_sources"), (double)n);
    const char *kinds[][2] = {{"/agreements?limit=1000", "factd_facts{kind=\"agreement\"}"},
                              {"/meetings?limit=1000", "factd_facts{kind=\"meeting\"}"},
                              {"/quotes?limit=1000", "factd_facts{kind=\"quote\"}"},
                              {"/people?limit=1000", "factd_people"}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        get(kinds[i][0], NULL, &r);
        json_t *doc = http_json(&r);
        cr_expect_eq(sample(text, kinds[i][1]),
                     (double)json_array_size(json_object_get(doc, "data")), "%s", kinds[i][1]);
        json_decref(doc);
        http_reply_release(&r);
    }
    free(text);
}

Test(http_protocol, metrics_count_requests)
{
    static const char ok[] =
        "factd_http_requests_total{route=\"/sources/{id}\",method=\"GET\",status=\"200\"}";
    static const char missing[] =
        "factd_http_requests_total{route=\"/sources/{id}\",method=\"GET\",status=\"404\"}";
    static const char unmatched[] =
        "factd_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}";
    static const char count[] =
        "factd_http_request_duration_seconds_count{route=\"/sources/{id}\"}";
    static const char inf[] =
        "factd_http_request_duration_seconds_bucket{route=\"/sources/{id}\",le=\"+Inf\"}";
    static const char not_modified[] =
        "factd_http_requests_total{route=\"/sources/{id}\",method=\"GET\",status=\"304\"}";

    char *id = first_source_id();
    char path[128];
    snprintf(path, sizeof path, "/sources/%s", id);
    char *etag = etag_of(path, NULL);
    char *before = scrape();

    for (int i = 0; i < 3; i++) {
        http_reply r;
        http_reply_init(&r);
        cr_assert(http_get_direct(path, &r));
        cr_assert_eq(r.status, 200);
        http_reply_release(&r);
    }
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get_direct("/sources/000000000000", &r));
    cr_assert(http_get_direct("/no/such/path", &r));
    http_reply_release(&r);
    char condition[128];
    snprintf(condition, sizeof condition, "If-None-Match: %s", etag);
    const char *revalidate[] = {condition, NULL};
    get(path, revalidate, &r);
    cr_assert_eq(r.status, 304);
    http_reply_release(&r);

    char *after = scrape();
    cr_expect_eq(sample(after, ok) - sample(before, ok), 3, "200s of /sources/{id}");
    cr_expect_eq(sample(after, missing) - sample(before, missing), 1);
    cr_expect_eq(sample(after, unmatched) - sample(before, unmatched), 1);
    cr_expect_geq(sample(after, not_modified) - sample(before, not_modified), 1);
    double counted = sample(after, count) - sample(before, count);
    cr_expect_geq(counted, 5, "durations counted: %g", counted);
    cr_expect_eq(sample(after, inf), sample(after, count), "+Inf bucket and _count differ");
    cr_expect_gt(sample(after, "factd_uptime_seconds"), 0);
    free(before);
    free(after);
    free(etag);
    free(id);
}

/* --- the log --- */

/* Waits until DIR/log_name has a line containing every one of `needles`; returns it,
 * malloc'd, or NULL. */
static char *wait_log_line(const char *log_name, const char *const needles[])
{
    char path[512], line[8192];
    snprintf(path, sizeof path, "%s/%s", harness_dir(), log_name);
    for (int tries = 0; tries < LOG_WAIT_S * 50; tries++) {
        FILE *f = fopen(path, "r");
        while (f && fgets(line, sizeof line, f)) {
            bool all = true;
            for (size_t i = 0; needles[i] && all; i++)
                all = strstr(line, needles[i]) != NULL;
            if (all) {
                fclose(f);
                line[strcspn(line, "\n")] = '\0';
                return strdup(line);
            }
        }
        if (f)
            fclose(f);
        sleep_ms(20);
    }
    return NULL;
}

Test(http_protocol, one_text_log_line_per_request)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get_direct("/agreements?limit=2&pretty=1", &r));
    char bytes[64];
    snprintf(bytes, sizeof bytes, " 200 %zu bytes ", r.body.len);
    http_reply_release(&r);
    const char *needles[] = {" INFO GET /agreements?limit=2&pretty=1", bytes, " us", NULL};
    char *line = wait_log_line("serve.log", needles);
    cr_expect(line, "no log line for GET /agreements?limit=2&pretty=1 with%s", bytes);
    free(line);

    /* Probes stay out of an info-level log. */
    const char *level = getenv("FACTD_LOG_LEVEL");
    if (!level || strcasecmp(level, "debug") != 0) {
        get("/livez", NULL, &r);
        http_reply_release(&r);
        get("/healthz", NULL, &r);
        http_reply_release(&r);
        http_reply_init(&r);
        cr_assert(http_get_direct("/people?limit=1", &r));
        http_reply_release(&r);
        const char *later[] = {" GET /people?limit=1 200 ", NULL};
        free(wait_log_line("serve.log", later));
        const char *probe[] = {"GET /livez", NULL};
        const char *health[] = {"GET /healthz", NULL};
        char path[512], text[8192];
        snprintf(path, sizeof path, "%s/serve.log", harness_dir());
        FILE *f = fopen(path, "r");
        cr_assert(f);
        while (fgets(text, sizeof text, f)) {
            cr_expect_null(strstr(text, probe[0]), "a probe logged at info: %s", text);
            cr_expect_null(strstr(text, health[0]), "a probe logged at info: %s", text);
        }
        fclose(f);
    }
}

Test(http_protocol, json_log_lines_have_separate_fields)
{
    setenv("FACTD_LOG_FORMAT", "json", 1);
    setenv("FACTD_LOG_LEVEL", "debug", 1);
    extra_server s;
    extra_start(&s, NULL, "json.log");

    http_reply r;
    extra(&s, "GET", "/agreements?limit=2", NULL, &r);
    size_t sent = r.body.len;
    http_reply_release(&r);
    extra(&s, "HEAD", "/agreements?limit=2", NULL, &r);
    http_reply_release(&r);
    extra(&s, "GET", "/livez", NULL, &r);
    http_reply_release(&r);

    const char *get_line[] = {"\"method\":\"GET\"", "\"path\":\"/agreements?limit=2\"", NULL};
    const char *head_line[] = {"\"method\":\"HEAD\"", "\"path\":\"/agreements?limit=2\"", NULL};
    const char *probe_line[] = {"\"path\":\"/livez\"", NULL};
    char *line = wait_log_line("json.log", get_line);
    cr_assert(line, "no JSON log line for GET /agreements?limit=2");
    json_t *doc = json_loads(line, 0, NULL);
    cr_assert(json_is_object(doc), "not JSON: %s", line);
    cr_expect_str_eq(json_string_value(json_object_get(doc, "level")), "info");
    cr_expect(json_is_string(json_object_get(doc, "ts")));
    cr_expect(json_is_string(json_object_get(doc, "msg")));
    cr_expect_eq(json_integer_value(json_object_get(doc, "status")), 200);
    cr_expect_eq(json_integer_value(json_object_get(doc, "bytes")), (json_int_t)sent);
    cr_expect(json_is_integer(json_object_get(doc, "duration_us")));
    cr_expect_geq(json_integer_value(json_object_get(doc, "duration_us")), 0);
    cr_expect_str_eq(json_string_value(json_object_get(doc, "route")), "/agreements");
    json_decref(doc);
    free(line);

    line = wait_log_line("json.log", head_line);
    cr_assert(line, "no JSON log line for HEAD");
    doc = json_loads(line, 0, NULL);
    cr_expect_eq(json_integer_value(json_object_get(doc, "bytes")), 0, "HEAD sends no body");
    json_decref(doc);
    free(line);

    line = wait_log_line("json.log", probe_line);
    cr_assert(line, "no debug line for /livez");
    doc = json_loads(line, 0, NULL);
    cr_expect_str_eq(json_string_value(json_object_get(doc, "level")), "debug");
    json_decref(doc);
    free(line);

    extra_stop(&s);
}

/* The same request on the same data is answered from the server's copy of its last answer:
 * the same bytes, with the same headers the API gave (Link, X-Total-Count), every time. */
Test(http_protocol, a_repeated_request_gets_the_same_answer_and_headers)
{
    const char *path = "/agreements?limit=2&count=exact&fields=name";
    http_reply first;
    get(path, NULL, &first);
    cr_assert_eq(first.status, 200);
    char *link = header_copy(&first, "Link"), *total = header_copy(&first, "X-Total-Count");
    char *etag = header_copy(&first, "ETag");
    cr_assert(link && total && etag, "a first page with a next page and a count");
    for (int i = 0; i < 3; i++) {
        http_reply again;
        get(path, NULL, &again);
        cr_assert_eq(again.status, 200);
        cr_assert_eq(again.body.len, first.body.len);
        cr_assert(memcmp(again.body.buf, first.body.buf, first.body.len) == 0);
        expect_header(&again, "Link", link, path);
        expect_header(&again, "X-Total-Count", total, path);
        expect_header(&again, "ETag", etag, path);
        expect_header(&again, "Content-Type", "application/json; charset=utf-8", path);
        http_reply_release(&again);
    }
    http_reply_release(&first);
    free(link);
    free(total);
    free(etag);
}

/* --- answers kept by the server (the answer cache of server/http.c) --- */

/* Seconds since the epoch of an IMF-fixdate header value; asserts it is one. */
static time_t http_date_seconds(const char *value)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = value ? strptime(value, "%a, %d %b %Y %H:%M:%S GMT", &tm) : NULL;
    cr_assert(end && *end == '\0', "not an IMF-fixdate: %s", value ? value : "(none)");
    return timegm(&tm);
}

/* Asserts that two answers to one request carry the same status, bytes and headers that
 * describe them (Date aside, which is the time of sending). */
static void expect_same_answer(const http_reply *a, const http_reply *b, const char *what)
{
    static const char *const names[] = {"ETag",           "Last-Modified", "Cache-Control",
                                        "Vary",           "Content-Type",  "Content-Encoding",
                                        "Content-Length", "Link",          "X-Total-Count"};
    cr_expect_eq(a->status, b->status, "%s: status", what);
    cr_expect(a->body.len == b->body.len && memcmp(a->body.buf, b->body.buf, a->body.len) == 0,
              "%s: other bytes", what);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *value = header_copy(a, names[i]);
        expect_header(b, names[i], value, what);
        free(value);
    }
}

/* The server gives a kept answer again while the data stays as it was; a write by another
 * process retires it, and the next request gets the new data with headers of its own. */
Test(http_protocol, kept_answers_follow_the_data)
{
    const char *path = "/sources?limit=2&count=exact";
    const char *gzip[] = {"Accept-Encoding: gzip", NULL};
    http_reply first, again, gzipped;
    get(path, NULL, &first);
    cr_assert_eq(first.status, 200);
    get(path, NULL, &again);
    expect_same_answer(&first, &again, "the same request again");
    get(path, gzip, &gzipped);
    cr_assert_eq(gzipped.status, 200);
    char *etag = header_copy(&first, "ETag"), *total = header_copy(&first, "X-Total-Count");
    char *modified = header_copy(&first, "Last-Modified");
    char *gzip_etag = header_copy(&gzipped, "ETag"), *link = header_copy(&first, "Link");
    cr_assert(etag && total && modified && gzip_etag && link);
    free(link);
    cr_expect_str_neq(etag, gzip_etag, "gzip and identity share a tag");

    char *article =
        write_file("kept_answer_article.txt",
                   "Tromso, 9 January 2025: Norway and Iceland signed an Arctic fishing "
                   "agreement in Tromso on Thursday, the ministry said.\n");
    char *argv[] = {"factd", "ingest", "--db", (char *)harness_db_path(), "--quiet", article, NULL};
    cr_assert_eq(harness_run_factd(argv, "kept_answer_ingest.log", 120), 0, "factd ingest failed");

    http_reply after;
    get(path, NULL, &after);
    cr_assert_eq(after.status, 200);
    char *new_etag = header_copy(&after, "ETag"), *new_total = header_copy(&after, "X-Total-Count");
    char *new_modified = header_copy(&after, "Last-Modified");
    cr_assert(new_etag && new_total && new_modified);
    cr_expect_str_neq(etag, new_etag, "the kept answer outlived the write");
    cr_expect_eq(atol(new_total), atol(total) + 1, "X-Total-Count %s after %s", new_total, total);
    cr_expect_geq(http_date_seconds(new_modified), http_date_seconds(modified));
    link = header_copy(&after, "Link");
    cr_expect(link, "no Link after the write");
    free(link);
    json_t *doc = http_json(&after);
    cr_expect_eq(json_integer_value(json_object_get(doc, "total")), atol(new_total));
    json_decref(doc);

    /* HEAD, revalidations and the gzip representation follow the new data too. */
    http_reply r;
    head(path, NULL, &r);
    cr_expect_eq(r.status, 200);
    cr_expect_eq(r.body.len, 0, "HEAD with a body");
    expect_header(&r, "ETag", new_etag, "HEAD after the write");
    expect_header(&r, "X-Total-Count", new_total, "HEAD after the write");
    char length[32];
    snprintf(length, sizeof length, "%zu", after.body.len);
    expect_header(&r, "Content-Length", length, "HEAD after the write");
    http_reply_release(&r);

    char condition[128];
    snprintf(condition, sizeof condition, "If-None-Match: %s", new_etag);
    const char *current[] = {condition, NULL};
    get(path, current, &r);
    expect_not_modified(&r, new_etag, after.body.len, "the new tag");
    http_reply_release(&r);
    snprintf(condition, sizeof condition, "If-None-Match: %s", etag);
    get(path, current, &r);
    cr_expect_eq(r.status, 200, "the old tag still matched: %ld", r.status);
    expect_same_answer(&after, &r, "revalidating the old tag");
    http_reply_release(&r);

    get(path, gzip, &r);
    cr_expect_eq(r.status, 200);
    expect_header(&r, "X-Total-Count", new_total, "gzip after the write");
    char *new_gzip_etag = header_copy(&r, "ETag");
    cr_expect(new_gzip_etag && strcmp(new_gzip_etag, gzip_etag) != 0,
              "the kept gzip answer outlived the write");
    free(new_gzip_etag);
    http_reply_release(&r);

    free(article);
    free(etag);
    free(total);
    free(modified);
    free(gzip_etag);
    free(new_etag);
    free(new_total);
    free(new_modified);
    http_reply_release(&after);
    http_reply_release(&gzipped);
    http_reply_release(&again);
    http_reply_release(&first);
}

/* Answers to one target that differ by Accept, Accept-Encoding or method are kept apart: asked
 * in turn, each comes back as it was the first time. */
Test(http_protocol, kept_answers_keep_representations_apart)
{
    const char *path = "/agreements?limit=1000";
    static const struct {
        const char *method;
        const char *headers[3];
    } variants[] = {
        {"GET", {NULL}},
        {"GET", {"Accept-Encoding: gzip", NULL}},
        {"GET", {"Accept: text/csv", NULL}},
        {"GET", {"Accept: text/csv", "Accept-Encoding: gzip", NULL}},
        {"HEAD", {NULL}},
        {"HEAD", {"Accept-Encoding: gzip", NULL}},
    };
    enum { NVARIANTS = sizeof variants / sizeof variants[0] };
    http_reply first[NVARIANTS];

    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < NVARIANTS; i++) {
            http_reply r;
            http_reply_init(&r);
            cr_assert(http_request_with(NULL, variants[i].method, path, variants[i].headers, NULL,
                                        0, &r));
            cr_assert_eq(r.status, 200, "variant %zu: %ld", i, r.status);
            if (round == 0) {
                first[i] = r;
                continue;
            }
            char what[64];
            snprintf(what, sizeof what, "variant %zu, round %d", i, round);
            expect_same_answer(&first[i], &r, what);
            http_reply_release(&r);
        }
    }

    /* Four representations, four tags; a HEAD has its GET's tag and length. */
    char *tags[4];
    for (size_t i = 0; i < 4; i++) {
        tags[i] = header_copy(&first[i], "ETag");
        cr_assert(tags[i]);
        for (size_t j = 0; j < i; j++)
            cr_expect_str_neq(tags[i], tags[j], "variants %zu and %zu share a tag", i, j);
    }
    expect_header(&first[1], "Content-Encoding", "gzip", "gzip");
    expect_header(&first[2], "Content-Encoding", NULL, "CSV");
    for (size_t i = 4; i < NVARIANTS; i++) {
        cr_expect_eq(first[i].body.len, 0, "HEAD with a body");
        expect_header(&first[i], "ETag", tags[i - 4], "HEAD");
        char length[32];
        snprintf(length, sizeof length, "%zu", first[i - 4].body.len);
        expect_header(&first[i], "Content-Length", length, "HEAD");
    }
    for (size_t i = 0; i < 4; i++)
        free(tags[i]);
    for (size_t i = 0; i < NVARIANTS; i++)
        http_reply_release(&first[i]);
}
