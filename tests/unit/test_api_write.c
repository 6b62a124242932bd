/* Unit tests of the write API (api/write.c) driven through api_handle() and
 * api_wants_body() without HTTP: the token, the order of the checks, media types, bodies,
 * the answers, and what reaches the writer's callbacks (faked here).
 *
 * Each test gets a fresh temporary database with one stored article (to post again) and a
 * read-only handle, as the server uses; the fake enqueue queues real job rows through a
 * read-write handle, so that the 202 shows the job as GET /jobs/{id} would.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "api/api.h"
#include "api/metrics.h"
#include "store/store.h"
#include "tests/unit/api_target.h"
#include "util/digest.h"
#include "util/strbuf.h"

#define TOKEN "unit-test-token-0123456789"
#define AUTH "Bearer " TOKEN

static const char stored_text[] = "Oslo: Norway and Chile signed the Fjord Accord in Oslo.\n";

static char dir[] = "/tmp/factd-api-write-XXXXXX";
static char db_path[256];
static store *reader, *writer;
static char stored_id[13];

/* What the fake callbacks saw. */
static struct {
    int enqueued;
    strbuf text;
    char *title, *url, *published;
    int deleted;
    char delete_id[64];
    int delete_result;
} seen;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int fake_enqueue(void *arg, const api_article *a, char **job_id)
{
    cr_assert_eq(arg, &seen);
    seen.enqueued++;
    strbuf_reset(&seen.text);
    strbuf_add(&seen.text, a->text, a->len);
    free(seen.title);
    free(seen.url);
    free(seen.published);
    seen.title = dup_or_null(a->title);
    seen.url = dup_or_null(a->url);
    seen.published = dup_or_null(a->published);
    store_job_in in = {.text = a->text,
                       .len = a->len,
                       .title = a->title,
                       .url = a->url,
                       .published = a->published};
    return store_enqueue_job(writer, &in, job_id);
}

static int fake_delete(void *arg, const char *id)
{
    cr_assert_eq(arg, &seen);
    seen.deleted++;
    snprintf(seen.delete_id, sizeof seen.delete_id, "%s", id);
    return seen.delete_result;
}

static void enable_writes(size_t max_body)
{
    api_write_config cfg = {.token = TOKEN,
                            .max_body = max_body,
                            .enqueue = fake_enqueue,
                            .delete_source = fake_delete,
                            .arg = &seen};
    api_set_writes(&cfg);
    cr_assert(api_writes_enabled());
}

static void setup(void)
{
    char *err = NULL, sha[DIGEST_SHA256_HEX + 1];

    strbuf_init(&seen.text);
    cr_assert(mkdtemp(dir));
    snprintf(db_path, sizeof db_path, "%s/facts.db", dir);
    writer = store_open(db_path, false, &err);
    cr_assert(writer, "store_open: %s", err ? err : "?");
    cr_assert(digest_sha256_hex(stored_text, strlen(stored_text), sha));
    source_id_of(sha, stored_id);
    json_t *extraction = json_pack("{s:i, s:n, s:n, s:n, s:n, s:[], s:[], s:[], s:[]}",
                                   "extractor_version", 1, "title", "byline", "dateline",
                                   "published", "people", "agreements", "meetings", "quotes");
    store_source_in in = {.file = "oslo.txt",
                          .text = stored_text,
                          .len = strlen(stored_text),
                          .sha256 = sha,
                          .extraction = extraction};
    cr_assert_eq(store_put_source(writer, &in, NULL), STORE_OK, "%s", store_errmsg(writer));
    json_decref(extraction);
    reader = store_open(db_path, true, &err);
    cr_assert(reader, "store_open read-only: %s", err ? err : "?");
    enable_writes(1024);
}

static void teardown(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    api_set_writes(NULL);
    store_close(reader);
    store_close(writer);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char path[300];
        snprintf(path, sizeof path, "%s%s", db_path, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
    strbuf_release(&seen.text);
    free(seen.title);
    free(seen.url);
    free(seen.published);
}

TestSuite(api_write, .init = setup, .fini = teardown);

/* --- helpers --- */

typedef struct call {
    api_response resp;
    json_t *json;
} call;

/* A request as the transport makes it once the body is read (body NULL: none sent).  A
 * query in target ("?k=v&k2=v2", not decoded) becomes its parameters; they stay valid until
 * the next call. */
static api_request request(const char *method, const char *target, const char *auth,
                           const char *content_type, const char *body, size_t len)
{
    static char path[256];
    static api_param params[8];

    snprintf(path, sizeof path, "%s", target);
    size_t n = api_target_split(path, params, 8);
    api_request req = {.method = method,
                       .path = path,
                       .params = params,
                       .nparams = n,
                       .authorization = auth,
                       .content_type = content_type,
                       .content_length = body ? (long long)len : -1,
                       .has_body = body && len > 0,
                       .body_read = body && len > 0,
                       .body = body,
                       .body_len = body ? len : 0};
    return req;
}

static void send_request(const api_request *req, call *c)
{
    api_handle(reader, req, &c->resp);
    c->json = NULL;
    if (c->resp.content_type && strstr(c->resp.content_type, "json") && c->resp.len)
        c->json = json_loadb(c->resp.body, c->resp.len, 0, NULL);
}

static void call_api(const char *method, const char *path, const char *auth, const char *type,
                     const char *body, call *c)
{
    api_request req = request(method, path, auth, type, body, body ? strlen(body) : 0);
    send_request(&req, c);
}

static void release(call *c)
{
    api_response_release(&c->resp);
    json_decref(c->json);
}

static const char *or_none(const char *s)
{
    return s ? s : "(none)";
}

static const char *header(const call *c, const char *name)
{
    for (size_t i = 0; i < c->resp.nheaders; i++)
        if (strcasecmp(c->resp.headers[i].name, name) == 0)
            return c->resp.headers[i].value;
    return NULL;
}

static void expect_problem(const call *c, int status, const char *slug)
{
    char type[64];
    snprintf(type, sizeof type, "/problems/%s", slug);
    cr_assert_eq(c->resp.status, status, "status %d, expected %d: %.*s", c->resp.status, status,
                 (int)c->resp.len, c->resp.body ? c->resp.body : "");
    cr_assert_str_eq(json_string_value(json_object_get(c->json, "type")), type);
}

/* --- without a token --- */

Test(api_write, without_a_token_the_write_routes_are_unknown_paths)
{
    call c;
    api_set_writes(NULL);
    cr_assert(!api_writes_enabled());
    const char *const cases[][2] = {{"POST", "/sources"},
                                    {"DELETE", "/sources/abc"},
                                    {"GET", "/jobs/abc"},
                                    {"HEAD", "/jobs/abc"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call_api(cases[i][0], cases[i][1], AUTH, "text/plain", "x", &c);
        expect_problem(&c, 404, "not-found");
        cr_expect_null(c.resp.route, "%s %s has a route", cases[i][0], cases[i][1]);
        cr_expect_null(header(&c, "Allow"));
        release(&c);
    }
    call_api("PUT", "/sources", NULL, NULL, NULL, &c);
    expect_problem(&c, 405, "method-not-allowed");
    cr_expect_str_eq(header(&c, "Allow"), "GET, HEAD");
    release(&c);
    call_api("GET", "/", NULL, NULL, NULL, &c);
    cr_expect_eq(json_array_size(json_object_get(c.json, "methods")), 2);
    cr_expect_null(strstr(c.resp.body, "/jobs/"));
    release(&c);
    size_t max;
    api_request req = request("POST", "/sources", AUTH, "text/plain", "x", 1);
    req.body_read = false;
    cr_expect(!api_wants_body(&req, &max));
}

Test(api_write, with_a_token_the_index_shows_the_write_api)
{
    call c;
    call_api("GET", "/", NULL, NULL, NULL, &c);
    cr_assert_eq(c.resp.status, 200);
    cr_expect_eq(json_array_size(json_object_get(c.json, "methods")), 4);
    cr_expect(strstr(c.resp.body, "\"/jobs/{id}\""));
    release(&c);
}

/* --- the token --- */

Test(api_write, the_bearer_token)
{
    static const struct {
        const char *authorization;
        int status;
        bool invalid; /* error="invalid_token" */
    } cases[] = {
        {NULL, 401, false},
        {"", 401, false},
        {"Basic dXNlcjpwYXNz", 401, false},
        {"Bearer", 401, false},
        {"Bearer ", 401, true},
        {"Bearer " TOKEN "x", 401, true},
        {"Bearer unit-test-token", 401, true},
        {"Bearer " TOKEN " extra", 401, true},
        {"Bearer\t" TOKEN, 202, false},
        {"bearer " TOKEN, 202, false},
        {"BEARER   " TOKEN "  ", 202, false},
        {AUTH, 202, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        char body[64];
        snprintf(body, sizeof body, "Article number %zu.", i);
        call_api("POST", "/sources", cases[i].authorization, "text/plain", body, &c);
        cr_expect_eq(c.resp.status, cases[i].status, "'%s': %d", or_none(cases[i].authorization),
                     c.resp.status);
        if (cases[i].status == 401) {
            const char *www = header(&c, "WWW-Authenticate");
            cr_expect(www && strncmp(www, "Bearer realm=\"factd\"", 20) == 0);
            cr_expect_eq(www && strstr(www, "invalid_token") != NULL, cases[i].invalid, "'%s': %s",
                         or_none(cases[i].authorization), www ? www : "");
        }
        release(&c);
    }
}

Test(api_write, the_token_comes_before_everything_else)
{
    call c;
    /* Unknown job, bad media type, bad parameter, oversized: all 401 without the token. */
    call_api("GET", "/jobs/nope", NULL, NULL, NULL, &c);
    expect_problem(&c, 401, "unauthorized");
    release(&c);
    call_api("POST", "/sources", NULL, "application/xml", "<a/>", &c);
    expect_problem(&c, 401, "unauthorized");
    release(&c);
    call_api("POST", "/sources?limit=2", "Bearer wrong-token-000000", "text/plain", "x", &c);
    expect_problem(&c, 401, "unauthorized");
    release(&c);
    api_request req = request("POST", "/sources", NULL, "text/plain", NULL, 0);
    req.has_body = true;
    req.content_length = 1 << 30;
    size_t max = 1;
    cr_expect(!api_wants_body(&req, &max));
    cr_expect_eq(max, 0);
    send_request(&req, &c);
    expect_problem(&c, 401, "unauthorized");
    release(&c);
    cr_expect_eq(seen.enqueued, 0);
}

/* --- which bodies are read --- */

Test(api_write, only_a_post_whose_headers_pass_has_its_body_read)
{
    static const struct {
        const char *method, *path, *auth, *type;
        long long length;
        bool wanted;
    } cases[] = {
        {"POST", "/sources", AUTH, "text/plain", 10, true},
        {"POST", "/sources", AUTH, "application/json", -1, true}, /* chunked */
        {"POST", "/sources", AUTH, "text/plain", 1024, true},
        {"POST", "/sources", AUTH, "text/plain", 1025, false},
        {"POST", "/sources", AUTH, "text/html", 10, false},
        {"POST", "/sources", NULL, "text/plain", 10, false},
        {"POST", "/sources?limit=1", AUTH, "text/plain", 10, false},
        {"POST", "/agreements", AUTH, "text/plain", 10, false},
        {"GET", "/sources", AUTH, "text/plain", 10, false},
        {"DELETE", "/sources/abc", AUTH, "text/plain", 10, false},
        {"GET", "/jobs/abc", AUTH, "text/plain", 10, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        api_request req = request(cases[i].method, cases[i].path, cases[i].auth, cases[i].type,
                                  NULL, 0);
        req.content_length = cases[i].length;
        req.has_body = true;
        size_t max = 0;
        cr_expect_eq(api_wants_body(&req, &max), cases[i].wanted, "%s %s (%s, %lld)",
                     cases[i].method, cases[i].path, cases[i].type, cases[i].length);
        cr_expect_eq(max, cases[i].wanted ? 1024u : 0u);
    }
    /* Read already: not again. */
    api_request read = request("POST", "/sources", AUTH, "text/plain", "x", 1);
    size_t max;
    cr_expect(!api_wants_body(&read, &max));

    /* A transport that answers without reading the body it was to read gets a 500, never a
     * response without a status. */
    api_request unread = request("POST", "/sources", AUTH, "text/plain", NULL, 0);
    unread.has_body = true;
    unread.content_length = 10;
    call c;
    send_request(&unread, &c);
    expect_problem(&c, 500, "internal");
    release(&c);
    cr_expect_eq(seen.enqueued, 0);
}

Test(api_write, media_types)
{
    static const struct {
        const char *type;
        int status;
    } cases[] = {
        {"text/plain", 202},
        {"TEXT/PLAIN", 202},
        {"text/plain; charset=utf-8", 202},
        {"text/plain;charset=\"UTF-8\"", 202},
        {"text/plain; format=flowed; charset=us-ascii", 202},
        {"application/json", 422}, /* accepted, but the body is no JSON article */
        {"text/plain; charset=iso-8859-1", 415},
        {"text/plain; charset", 415},
        {"text/plainx", 415},
        {"text/html", 415},
        {"application/json-seq", 415},
        {"multipart/form-data; boundary=x", 415},
        {"", 415},
        {NULL, 415},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        char body[64];
        snprintf(body, sizeof body, "\"Media type %zu.\"", i);
        call_api("POST", "/sources", AUTH, cases[i].type, body, &c);
        cr_expect_eq(c.resp.status, cases[i].status, "'%s': %d", or_none(cases[i].type),
                     c.resp.status);
        release(&c);
    }
}

Test(api_write, bodies)
{
    call c;
    api_request req = request("POST", "/sources", AUTH, "text/plain", NULL, 0);
    send_request(&req, &c);
    expect_problem(&c, 400, "bad-request");
    release(&c);
    req = request("POST", "/sources", AUTH, "text/plain", "", 0);
    req.has_body = true; /* chunked, and nothing came */
    req.body_read = true;
    send_request(&req, &c);
    expect_problem(&c, 400, "bad-request");
    release(&c);
    req = request("POST", "/sources", AUTH, "text/plain", "x", 1);
    req.body_too_large = true;
    send_request(&req, &c);
    expect_problem(&c, 413, "payload-too-large");
    release(&c);
    static const char bad[] = "Bad \xc3\x28 UTF-8";
    call_api("POST", "/sources", AUTH, "text/plain", bad, &c);
    expect_problem(&c, 422, "unprocessable");
    release(&c);
    req = request("POST", "/sources", AUTH, "text/plain", "a\0b", 3);
    send_request(&req, &c);
    expect_problem(&c, 422, "unprocessable");
    release(&c);
    cr_expect_eq(seen.enqueued, 0);
}

Test(api_write, json_articles)
{
    static const struct {
        const char *body;
        int status;
    } cases[] = {
        {"{\"text\": \"A.\"}", 202},
        {"{\"text\": \"B.\", \"title\": null, \"url\": null, \"published\": null}", 202},
        {"{\"text\": \"C.\", \"published\": \"2024-02-29\"}", 202},
        {"{\"text\": \"D.\", \"url\": \"HTTPS://example.org/x?y=1\"}", 202},
        {"{\"text\": \"E.\", \"published\": \"2023-02-29\"}", 422},
        {"{\"text\": \"F.\", \"published\": \"2024-13-01\"}", 422},
        {"{\"text\": \"G.\", \"published\": \"2024-1-01\"}", 422},
        {"{\"text\": \"H.\", \"url\": \"https://\"}", 422},
        {"{\"text\": \"I.\", \"url\": \"https://a b\"}", 422},
        {"{\"text\": \"J.\", \"url\": \"javascript:alert(1)\"}", 422},
        {"{\"text\": \"K.\", \"title\": \"\"}", 422},
        {"{\"text\": \"L.\", \"title\": [\"x\"]}", 422},
        {"{\"text\": \"M.\", \"extra\": 1}", 422},
        {"{\"text\": null}", 422},
        {"{\"text\": \"\"}", 400},
        {"{}", 422},
        {"\"just a string\"", 422},
        {"{\"text\": \"N.\",}", 400},
        {"{\"text\": \"O.\", \"text\": \"P.\"}", 400},
        {"{\"text\": \"Q\\u0000.\"}", 422},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        call_api("POST", "/sources", AUTH, "application/json", cases[i].body, &c);
        cr_expect_eq(c.resp.status, cases[i].status, "%s: %d %.*s", cases[i].body, c.resp.status,
                     (int)c.resp.len, c.resp.body ? c.resp.body : "");
        release(&c);
    }
}

/* --- the answers --- */

Test(api_write, a_new_article_is_queued_with_its_hints)
{
    call c;
    call_api("POST", "/sources?pretty=1", AUTH, "application/json",
             "{\"text\": \"Lima: Peru and Ghana signed the Cocoa Compact.\", \"title\": \"Cocoa\","
             " \"url\": \"https://news.example/cocoa\", \"published\": \"2023-05-05\"}",
             &c);
    cr_assert_eq(c.resp.status, 202, "%.*s", (int)c.resp.len, c.resp.body);
    cr_expect_eq(seen.enqueued, 1);
    cr_expect_str_eq(seen.text.buf, "Lima: Peru and Ghana signed the Cocoa Compact.");
    cr_expect_str_eq(seen.title, "Cocoa");
    cr_expect_str_eq(seen.url, "https://news.example/cocoa");
    cr_expect_str_eq(seen.published, "2023-05-05");
    json_t *job = json_object_get(c.json, "job");
    const char *id = json_string_value(json_object_get(job, "id"));
    cr_assert(id);
    cr_expect_str_eq(json_string_value(json_object_get(job, "state")), "queued");
    char location[64];
    snprintf(location, sizeof location, "/jobs/%s", id);
    cr_expect_str_eq(header(&c, "Location"), location);
    cr_expect(!c.resp.cacheable);
    cr_expect_eq(c.resp.body[c.resp.len - 1], '\n', "pretty=1 was not honoured");
    cr_expect_str_eq(c.resp.route, "/sources");

    /* GET /jobs/{id} shows the same job. */
    call j;
    call_api("GET", location, AUTH, NULL, NULL, &j);
    cr_assert_eq(j.resp.status, 200);
    cr_expect(json_equal(j.json, job));
    cr_expect(!j.resp.cacheable);
    cr_expect_str_eq(j.resp.route, "/jobs/{id}");
    release(&j);
    release(&c);
}

Test(api_write, stored_bytes_are_200_with_the_source)
{
    call c;
    call_api("POST", "/sources", AUTH, "text/plain", stored_text, &c);
    cr_assert_eq(c.resp.status, 200, "%.*s", (int)c.resp.len, c.resp.body);
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(c.json, "source"), "id")),
                     stored_id);
    char location[64];
    snprintf(location, sizeof location, "/sources/%s", stored_id);
    cr_expect_str_eq(header(&c, "Location"), location);
    cr_expect_eq(seen.enqueued, 0);
    release(&c);
}

Test(api_write, jobs)
{
    call c;
    call_api("GET", "/jobs/0123456789abcdef", AUTH, NULL, NULL, &c);
    expect_problem(&c, 404, "not-found");
    release(&c);
    call_api("GET", "/jobs/bad%21id", AUTH, NULL, NULL, &c);
    expect_problem(&c, 404, "not-found");
    release(&c);
    call_api("GET", "/jobs/abc?limit=1", AUTH, NULL, NULL, &c);
    expect_problem(&c, 400, "bad-parameter");
    release(&c);
    api_request req = request("GET", "/jobs/abc", AUTH, "text/plain", "x", 1);
    send_request(&req, &c);
    expect_problem(&c, 400, "bad-request");
    release(&c);
    call_api("POST", "/jobs/abc", AUTH, "text/plain", "x", &c);
    expect_problem(&c, 405, "method-not-allowed");
    cr_expect_str_eq(header(&c, "Allow"), "GET, HEAD");
    release(&c);
}

Test(api_write, delete)
{
    call c;
    seen.delete_result = STORE_OK;
    call_api("DELETE", "/sources/abc123", AUTH, NULL, NULL, &c);
    cr_expect_eq(c.resp.status, 204);
    cr_expect_eq(c.resp.len, 0);
    cr_expect_str_eq(seen.delete_id, "abc123");
    release(&c);
    seen.delete_result = STORE_NOT_FOUND;
    call_api("DELETE", "/sources/abc123", AUTH, NULL, NULL, &c);
    expect_problem(&c, 404, "not-found");
    release(&c);
    seen.delete_result = STORE_ERROR;
    call_api("DELETE", "/sources/abc123", AUTH, NULL, NULL, &c);
    expect_problem(&c, 500, "internal");
    release(&c);
    cr_expect_eq(seen.deleted, 3);

    /* Not even asked: a malformed id, a body, no token. */
    call_api("DELETE", "/sources/a.b", AUTH, NULL, NULL, &c);
    expect_problem(&c, 404, "not-found");
    release(&c);
    api_request req = request("DELETE", "/sources/abc123", AUTH, "text/plain", "x", 1);
    send_request(&req, &c);
    expect_problem(&c, 400, "bad-request");
    release(&c);
    call_api("DELETE", "/sources/abc123", NULL, NULL, NULL, &c);
    expect_problem(&c, 401, "unauthorized");
    release(&c);
    cr_expect_eq(seen.deleted, 3);

    /* Other methods name the write method in Allow; DELETE elsewhere stays 405. */
    call_api("PUT", "/sources/abc123", AUTH, NULL, NULL, &c);
    expect_problem(&c, 405, "method-not-allowed");
    cr_expect_str_eq(header(&c, "Allow"), "GET, HEAD, DELETE");
    release(&c);
    call_api("DELETE", "/sources/abc123/text", AUTH, NULL, NULL, &c);
    expect_problem(&c, 405, "method-not-allowed");
    cr_expect_str_eq(header(&c, "Allow"), "GET, HEAD");
    release(&c);
}

Test(api_write, the_new_problem_types_are_described)
{
    const char *slugs[] = {"unauthorized", "payload-too-large", "unsupported-media-type",
                           "unprocessable"};
    const int statuses[] = {401, 413, 415, 422};
    for (size_t i = 0; i < sizeof slugs / sizeof slugs[0]; i++) {
        char path[64];
        call c;
        snprintf(path, sizeof path, "/problems/%s", slugs[i]);
        call_api("GET", path, NULL, NULL, NULL, &c);
        cr_assert_eq(c.resp.status, 200, "%s", path);
        cr_expect_eq(json_integer_value(json_object_get(c.json, "status")), statuses[i]);
        cr_expect(json_string_length(json_object_get(c.json, "description")) > 20);
        release(&c);
    }
}

Test(api_write, metrics_show_the_queue_and_the_ingest)
{
    api_metrics_start("test");
    api_metrics_ingest("queued", -1);
    api_metrics_ingest("done", 0.004);
    api_metrics_ingest("done", 0.3);
    api_metrics_ingest("failed", -1);
    api_metrics_ingest("unknown", 1);
    api_metrics_observe("/sources", "POST", 202, 900);
    api_metrics_observe("/sources/{id}", "DELETE", 204, 900);
    call c;
    call_api("POST", "/sources", AUTH, "text/plain", "Queued, not run.", &c);
    cr_assert_eq(c.resp.status, 202);
    release(&c);
    call_api("GET", "/metrics", NULL, NULL, NULL, &c);
    cr_assert_eq(c.resp.status, 200);
    char *text = strndup(c.resp.body, c.resp.len);
    const char *lines[] = {
        "factd_ingest_jobs_total{state=\"queued\"} 1\n",
        "factd_ingest_jobs_total{state=\"done\"} 2\n",
        "factd_ingest_jobs_total{state=\"failed\"} 1\n",
        "factd_ingest_duration_seconds_bucket{le=\"0.01\"} 1\n",
        "factd_ingest_duration_seconds_bucket{le=\"0.25\"} 1\n",
        "factd_ingest_duration_seconds_bucket{le=\"0.5\"} 2\n",
        "factd_ingest_duration_seconds_bucket{le=\"+Inf\"} 2\n",
        "factd_ingest_duration_seconds_sum 0.304000\n",
        "factd_ingest_duration_seconds_count 2\n",
        "factd_ingest_queue_length 1\n",
        "factd_ingest_jobs_running 0\n",
        "factd_http_requests_total{route=\"/sources\",method=\"POST\",status=\"202\"} 1\n",
        "factd_http_requests_total{route=\"/sources/{id}\",method=\"DELETE\",status=\"204\"} 1\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        cr_expect(strstr(text, lines[i]), "missing: %s", lines[i]);
    free(text);
    release(&c);
}
