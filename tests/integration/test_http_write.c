/* Integration tests of the write API and the writer thread, on the real binary: POST
 * /sources, GET /jobs/{id}, DELETE /sources/{id}, the token that enables them, the limits on
 * bodies, the --corpus folder, and re-extraction (`factd reindex`, and `serve` after an
 * upgrade).
 *
 * Each test starts from the harness's server on the bundled corpus, then restarts it with a
 * token file (and whatever else the test needs).  The articles posted here are short texts
 * written for these tests about invented agreements, so that what the extractor finds in
 * them is known.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest/ingest.h"
#include "tests/integration/harness.h"
#include "tests/integration/write_support.h"

#define JOB_TIMEOUT_S 20.0 /* generous: the binary may run under AddressSanitizer */
#define LATENCY_POSTS 20

/* Two reports of one invented agreement, each with a quote of its own: deleting one keeps
 * the agreement, with the other's evidence, and drops the deleted one's quote. */
static const char article_reykjavik[] =
    "Reykjavik, 14 February 2025: Iceland and Uruguay signed the Glacier Water Accord in "
    "Reykjavik, a pact on sharing river data and hydropower research.\n\n"
    "Iceland's Environment Minister Sofia Brandt signed for her country. \"Our rivers carry the "
    "memory of the ice, and now they carry a partnership too,\" Brandt said after the "
    "ceremony.\n";
static const char article_montevideo[] =
    "Montevideo, 15 February 2025: Uruguay and Iceland signed the Glacier Water Accord in "
    "Reykjavik on 14 February 2025, the foreign ministry in Montevideo confirmed.\n\n"
    "Uruguay's Industry Minister Tomas Ibarra welcomed the agreement. \"Small countries with "
    "big rivers have a lot to teach each other,\" Ibarra told reporters.\n";

/* An article naming an agreement of its own: "the <name> Treaty" (a name of words the
 * extractor takes as one: no digits, no small words like "In"). */
static void make_article(char *out, size_t size, const char *name)
{
    snprintf(out, size,
             "Lisbon, 3 March 2024: Portugal and Ghana signed the %s Treaty in Lisbon, "
             "officials said.\n",
             name);
}


static void start_with_token(void)
{
    harness_start();
    support_restart_with_token(NULL);
}

TestSuite(http_write, .init = start_with_token, .fini = harness_stop);
TestSuite(http_write_off, .init = harness_start, .fini = harness_stop);

/* --- helpers --- */

/* POSTs body to /sources with a Content-Type (NULL: none at all) and an Authorization
 * header (NULL: none). */
static void post(const char *content_type, const char *body, size_t len, const char *auth,
                 http_reply *r)
{
    char type[256];
    const char *headers[4];
    size_t n = 0;
    snprintf(type, sizeof type, "Content-Type:%s%s", content_type ? " " : "",
             content_type ? content_type : "");
    headers[n++] = type;
    if (auth)
        headers[n++] = auth;
    headers[n] = NULL;
    http_reply_init(r);
    cr_assert(http_request_with(NULL, "POST", "/sources", headers, body, len, r), "POST failed");
}

static void post_text(const char *text, http_reply *r)
{
    post("text/plain; charset=utf-8", text, strlen(text), SUPPORT_AUTH, r);
}

/* Asserts a problem+json answer of this status and type; returns its detail (static copy). */
static const char *expect_problem(const http_reply *r, long status, const char *type)
{
    static char detail[512];
    strbuf ct = STRBUF_INIT;
    cr_assert_eq(r->status, status, "status %ld, expected %ld: %s", r->status, status, r->body.buf);
    cr_assert(http_header(r, "Content-Type", &ct));
    cr_assert_str_eq(ct.buf, "application/problem+json; charset=utf-8");
    json_t *doc = http_json(r);
    cr_assert(doc, "not JSON: %s", r->body.buf);
    cr_assert_str_eq(json_string_value(json_object_get(doc, "type")), type);
    cr_assert_eq(json_integer_value(json_object_get(doc, "status")), status);
    const char *d = json_string_value(json_object_get(doc, "detail"));
    cr_assert(d, "a problem without a detail");
    snprintf(detail, sizeof detail, "%s", d);
    json_decref(doc);
    strbuf_release(&ct);
    return detail;
}

static void expect_header(const http_reply *r, const char *name, const char *value)
{
    strbuf v = STRBUF_INIT;
    if (!value) {
        cr_assert(!http_header(r, name, &v), "unexpected %s: %s", name, v.buf);
    } else {
        cr_assert(http_header(r, name, &v), "no %s header", name);
        cr_assert_str_eq(v.buf, value, "%s", name);
    }
    strbuf_release(&v);
}

/* GETs path with the token; returns the parsed body when the status is `status`. */
static json_t *get_authorized(const char *path, long status)
{
    const char *headers[] = {SUPPORT_AUTH, NULL};
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get_with(path, headers, &r), "GET %s failed", path);
    cr_assert_eq(r.status, status, "GET %s: %ld %s", path, r.status, r.body.buf);
    json_t *doc = http_json(&r);
    http_reply_release(&r);
    return doc;
}


static long get_status(const char *path)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get(path, &r), "GET %s failed", path);
    long status = r.status;
    http_reply_release(&r);
    return status;
}

/* The ETag of GET path. */
static char *etag_of(const char *path)
{
    http_reply r;
    strbuf tag = STRBUF_INIT;
    http_reply_init(&r);
    cr_assert(http_get(path, &r));
    cr_assert(http_header(&r, "ETag", &tag), "GET %s: no ETag", path);
    http_reply_release(&r);
    return strbuf_detach(&tag, NULL);
}

static int state_rank(const char *state)
{
    static const char *const order[] = {"queued", "running", "done", "failed"};
    for (int i = 0; i < 4; i++)
        if (state && strcmp(state, order[i]) == 0)
            return i == 3 ? 2 : i;
    cr_assert_fail("unknown job state '%s'", state ? state : "(null)");
    return -1;
}

/* Polls GET /jobs/{id} until the job is done or failed; the states seen must only move
 * forward.  Returns the final job. */
static json_t *wait_job(const char *id)
{
    char path[128];
    int rank = 0;
    double deadline = support_now() + JOB_TIMEOUT_S;
    snprintf(path, sizeof path, "/jobs/%s", id);
    for (;;) {
        json_t *job = get_authorized(path, 200);
        const char *state = json_string_value(json_object_get(job, "state"));
        int now = state_rank(state);
        cr_assert_geq(now, rank, "job %s went back to %s", id, state);
        rank = now;
        if (rank == 2)
            return job;
        json_decref(job);
        cr_assert_lt(support_now(), deadline, "job %s still %s after %.0f s", id, state,
                     JOB_TIMEOUT_S);
        support_sleep_ms(5);
    }
}

/* POSTs an article that is new, expects 202 with its job, and returns the job's id. */
static char *post_new(const char *text)
{
    http_reply r;
    post_text(text, &r);
    cr_assert_eq(r.status, 202, "POST: %ld %s", r.status, r.body.buf);
    json_t *doc = http_json(&r);
    const char *id = json_string_value(json_object_get(json_object_get(doc, "job"), "id"));
    cr_assert(id, "no job id: %s", r.body.buf);
    char location[128];
    snprintf(location, sizeof location, "/jobs/%s", id);
    expect_header(&r, "Location", location);
    char *copy = strdup(id);
    json_decref(doc);
    http_reply_release(&r);
    return copy;
}

/* Posts text and waits until its job is done; returns the job. */
static json_t *ingest_posted(const char *text)
{
    char *id = post_new(text);
    json_t *job = wait_job(id);
    const char *error = json_string_value(json_object_get(job, "error"));
    cr_assert_str_eq(json_string_value(json_object_get(job, "state")), "done", "job %s: %s", id,
                     error ? error : "");
    free(id);
    return job;
}

/* The value of one sample of the /metrics exposition, or -1 when absent. */
static double metric(const char *sample)
{
    http_reply r;
    double value = -1;
    http_reply_init(&r);
    cr_assert(http_get("/metrics", &r));
    size_t len = strlen(sample);
    for (const char *line = r.body.buf; line && *line;) {
        if (strncmp(line, sample, len) == 0 && line[len] == ' ') {
            value = strtod(line + len + 1, NULL);
            break;
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    http_reply_release(&r);
    return value;
}

/* The ids of the members of `list` (a JSON array of objects). */
static bool has_id(const json_t *list, const char *id)
{
    size_t i;
    const json_t *item;
    json_array_foreach(list, i, item) {
        const char *v = json_string_value(json_object_get(item, "id"));
        if (!v)
            v = json_string_value(json_object_get(item, "source_id"));
        if (v && strcmp(v, id) == 0)
            return true;
    }
    return false;
}

/* True when the facts of the article text are served: GET /sources/{id}/facts lists an
 * agreement (every article posted here names one).  Its source row alone is not enough: it
 * is committed before the merge that makes its facts. */
static bool facts_served(const char *text)
{
    char id[13], path[64];
    http_reply r;
    support_source_id(text, strlen(text), id);
    snprintf(path, sizeof path, "/sources/%s/facts", id);
    http_reply_init(&r);
    cr_assert(http_get(path, &r), "GET %s failed", path);
    json_t *doc = r.status == 200 ? http_json(&r) : NULL;
    bool served = json_array_size(json_object_get(doc, "agreements")) > 0;
    json_decref(doc);
    http_reply_release(&r);
    return served;
}

/* --- without a token --- */

Test(http_write_off, write_routes_do_not_exist)
{
    static const char text[] = "Some article.";
    http_reply r;

    post("text/plain", text, strlen(text), SUPPORT_AUTH, &r);
    expect_problem(&r, 404, "/problems/not-found");
    http_reply_release(&r);

    json_t *sources = http_get_json_ok("/sources?limit=1");
    const char *id = json_string_value(
        json_object_get(json_array_get(json_object_get(sources, "data"), 0), "id"));
    char path[128];
    snprintf(path, sizeof path, "/sources/%s", id);
    http_reply_init(&r);
    cr_assert(http_request("DELETE", path, NULL, &r));
    expect_problem(&r, 404, "/problems/not-found");
    cr_expect_eq(get_status(path), 200, "the source is still there");
    json_decref(sources);

    const char *with_token[] = {SUPPORT_AUTH, NULL};
    cr_assert(http_get_with("/jobs/0123456789abcdef", with_token, &r));
    expect_problem(&r, 404, "/problems/not-found");
    /* Other methods stay 405, and Allow names no write method. */
    cr_assert(http_request("PUT", "/sources", "x", &r));
    expect_problem(&r, 405, "/problems/method-not-allowed");
    expect_header(&r, "Allow", "GET, HEAD");
    http_reply_release(&r);

    json_t *index = http_get_json_ok("/");
    size_t i;
    const json_t *e;
    json_array_foreach(json_object_get(index, "endpoints"), i, e)
        cr_expect(strcmp(json_string_value(json_object_get(e, "path")), "/jobs/{id}") != 0,
                  "the index lists /jobs/{id} without a token");
    json_decref(index);
}

/* --- the token --- */

Test(http_write, a_request_without_the_token_is_401)
{
    static const char text[] = "Lisbon, 3 March 2024: Portugal and Ghana signed the Cork Oak "
                               "Treaty in Lisbon, officials said.\n";
    http_reply r;
    const char *detail;

    post("text/plain", text, strlen(text), NULL, &r);
    expect_problem(&r, 401, "/problems/unauthorized");
    expect_header(&r, "WWW-Authenticate", "Bearer realm=\"factd\"");
    http_reply_release(&r);

    post("text/plain", text, strlen(text), "Authorization: Bearer test-token-0123456789abcdeX", &r);
    detail = expect_problem(&r, 401, "/problems/unauthorized");
    cr_expect(strstr(detail, "not valid"), "%s", detail);
    expect_header(&r, "WWW-Authenticate", "Bearer realm=\"factd\", error=\"invalid_token\"");
    http_reply_release(&r);

    /* A prefix of the token, the token with more after it, another scheme. */
    const char *wrong[] = {"Authorization: Bearer test-token",
                           ("Authorization: Bearer " SUPPORT_TOKEN "0"),
                           "Authorization: Basic dGVzdDp0ZXN0", "Authorization: Bearer",
                           ("Authorization: " SUPPORT_TOKEN)};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        post("text/plain", text, strlen(text), wrong[i], &r);
        expect_problem(&r, 401, "/problems/unauthorized");
        http_reply_release(&r);
    }

    /* Reading a job and deleting need it too. */
    http_reply_init(&r);
    cr_assert(http_get("/jobs/0123456789abcdef", &r));
    expect_problem(&r, 401, "/problems/unauthorized");
    cr_assert(http_request("DELETE", "/sources/000000000000", NULL, &r));
    expect_problem(&r, 401, "/problems/unauthorized");
    http_reply_release(&r);

    /* A large body without the token is refused before it is read. */
    size_t big = 4u << 20;
    char *body = malloc(big);
    cr_assert(body);
    memset(body, 'a', big);
    post("text/plain", body, big, NULL, &r);
    expect_problem(&r, 401, "/problems/unauthorized");
    http_reply_release(&r);
    free(body);

    cr_expect_eq(metric("factd_ingest_jobs_total{state=\"queued\"}"), 0,
                 "a refused request queued a job");
    cr_expect_eq(metric("factd_ingest_queue_length"), 0);

    /* The right token, in any case of the scheme. */
    post("text/plain", text, strlen(text), "Authorization: bearer " SUPPORT_TOKEN, &r);
    cr_expect_eq(r.status, 202, "%ld %s", r.status, r.body.buf);
    http_reply_release(&r);
    cr_expect_eq(metric("factd_ingest_jobs_total{state=\"queued\"}"), 1);
}

Test(http_write, bad_write_options_stop_the_start)
{
    char *bad = "short";
    char path[400], db[400];
    snprintf(path, sizeof path, "%s/bad-token", harness_dir());
    snprintf(db, sizeof db, "%s", harness_db_path());
    support_write_file(path, bad, strlen(bad));
    char *argv[] = {"factd", "serve", "--db", db, "--port", "1", "--token-file", path, NULL};
    cr_expect_eq(harness_run_factd(argv, "bad-token.log", 30), 2);
    snprintf(path, sizeof path, "%s/no-such-token", harness_dir());
    cr_expect_eq(harness_run_factd(argv, "bad-token.log", 30), 1);
    char *max_body[] = {"factd", "serve", "--db", db, "--port", "1", "--max-body", "9M", NULL};
    cr_expect_eq(harness_run_factd(max_body, "bad-max-body.log", 30), 2);
    snprintf(path, sizeof path, "%s/no-such-folder", harness_dir());
    char *corpus[] = {"factd", "serve", "--db", db, "--port", "1", "--corpus", path, NULL};
    cr_expect_eq(harness_run_factd(corpus, "bad-corpus.log", 30), 1);
}

/* --- limits and validation --- */

Test(http_write, bodies_are_checked_before_anything_is_queued)
{
    const char *msg;
    http_reply r;

    support_restart_with_token((const char *const[]){"--max-body", "200", NULL});

    /* Content-Length over the limit: 413 before reading. */
    char big[201];
    memset(big, 'a', sizeof big);
    post("text/plain", big, sizeof big, SUPPORT_AUTH, &r);
    msg = expect_problem(&r, 413, "/problems/payload-too-large");
    cr_expect(strstr(msg, "200"), "%s", msg);
    http_reply_release(&r);

    /* A chunked body, counted as it comes. */
    const char *chunked[] = {"Content-Type: text/plain", SUPPORT_AUTH, "Transfer-Encoding: chunked",
                             NULL};
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, "POST", "/sources", chunked, big, sizeof big, &r));
    expect_problem(&r, 413, "/problems/payload-too-large");
    http_reply_release(&r);

    /* Empty. */
    post("text/plain", "", 0, SUPPORT_AUTH, &r);
    expect_problem(&r, 400, "/problems/bad-request");
    http_reply_release(&r);

    /* Not UTF-8, or a NUL byte. */
    static const char latin1[] = "Caf\xe9 au lait in Lisbon.";
    post("text/plain", latin1, strlen(latin1), SUPPORT_AUTH, &r);
    expect_problem(&r, 422, "/problems/unprocessable");
    http_reply_release(&r);
    static const char nul[] = "A text\0with a NUL byte.";
    post("text/plain", nul, sizeof nul - 1, SUPPORT_AUTH, &r);
    expect_problem(&r, 422, "/problems/unprocessable");
    http_reply_release(&r);

    /* Media types. */
    /* NULL: no Content-Type at all. */
    const char *refused[] = {"application/xml", "text/html", "application/x-www-form-urlencoded",
                             "text/plain; charset=iso-8859-1", NULL};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        post(refused[i], "Hello.", 6, SUPPORT_AUTH, &r);
        expect_problem(&r, 415, "/problems/unsupported-media-type");
        http_reply_release(&r);
    }

    /* JSON that is malformed (400) or not an article (422). */
    static const struct {
        const char *body;
        long status;
    } json_cases[] = {
        {"{\"text\": ", 400},
        {"{\"text\": \"\"}", 400},
        {"[\"text\"]", 422},
        {"{\"title\": \"No text\"}", 422},
        {"{\"text\": 42}", 422},
        {"{\"text\": \"A text.\", \"author\": \"x\"}", 422},
        {"{\"text\": \"A text.\", \"published\": \"2024-02-30\"}", 422},
        {"{\"text\": \"A text.\", \"published\": \"March 2024\"}", 422},
        {"{\"text\": \"A text.\", \"url\": \"ftp://example.org/a\"}", 422},
        {"{\"text\": \"A text.\", \"title\": 7}", 422},
        {"{\"text\": \"A\\u0000text.\"}", 422},
        {"{\"text\": \"A text.\", \"text\": \"Another.\"}", 400},
    };
    for (size_t i = 0; i < sizeof json_cases / sizeof json_cases[0]; i++) {
        post("application/json", json_cases[i].body, strlen(json_cases[i].body), SUPPORT_AUTH, &r);
        cr_expect_eq(r.status, json_cases[i].status, "%s: %ld %s", json_cases[i].body, r.status,
                     r.body.buf);
        http_reply_release(&r);
    }
    /* Other methods on the write routes. */
    http_reply_init(&r);
    cr_assert(http_request("PUT", "/sources", "x", &r));
    expect_problem(&r, 405, "/problems/method-not-allowed");
    expect_header(&r, "Allow", "GET, HEAD, POST");
    cr_assert(http_request("POST", "/sources/000000000000", "x", &r));
    expect_problem(&r, 405, "/problems/method-not-allowed");
    expect_header(&r, "Allow", "GET, HEAD, DELETE");
    cr_assert(http_request("DELETE", "/jobs/0123456789abcdef", NULL, &r));
    expect_problem(&r, 405, "/problems/method-not-allowed");
    expect_header(&r, "Allow", "GET, HEAD");
    http_reply_release(&r);

    cr_expect_eq(metric("factd_ingest_jobs_total{state=\"queued\"}"), 0,
                 "a refused request queued a job");

    /* Exactly at the limit is fine, as text or as JSON (charset in any case). */
    char at_limit[201];
    make_article(at_limit, sizeof at_limit, "Azulejo");
    size_t len = strlen(at_limit);
    memset(at_limit + len, ' ', 200 - len);
    post("text/plain; charset=UTF-8", at_limit, 200, SUPPORT_AUTH, &r);
    cr_expect_eq(r.status, 202, "%ld %s", r.status, r.body.buf);
    http_reply_release(&r);
    static const char json[] = "{\"text\": \"Accra, 4 May 2024: Ghana and Chile signed the "
                               "Kente Treaty in Accra.\", \"title\": \"Kente\"}";
    post("application/json; charset=utf-8", json, strlen(json), SUPPORT_AUTH, &r);
    cr_expect_eq(r.status, 202, "%ld %s", r.status, r.body.buf);
    http_reply_release(&r);
}

/* --- posting --- */

Test(http_write, a_posted_article_is_served_when_its_job_is_done)
{
    char text[512];
    make_article(text, sizeof text, "Tagus Estuary");
    char source_id[13], path[128];
    support_source_id(text, strlen(text), source_id);
    char *sources_etag = etag_of("/sources");
    char *agreements_etag = etag_of("/agreements");
    snprintf(path, sizeof path, "/sources/%s", source_id);
    cr_assert_eq(get_status(path), 404);

    /* As JSON, with what the poster knows of it. */
    json_t *body = json_pack("{s:s, s:s, s:s, s:s}", "text", text, "title",
                             "Portugal and Ghana sign estuary treaty", "url",
                             "https://news.example/tagus", "published", "2024-03-03");
    char *json = json_dumps(body, JSON_COMPACT);
    http_reply r;
    post("application/json", json, strlen(json), SUPPORT_AUTH, &r);
    cr_assert_eq(r.status, 202, "%ld %s", r.status, r.body.buf);
    json_t *doc = http_json(&r);
    json_t *job = json_object_get(doc, "job");
    const char *job_id = json_string_value(json_object_get(job, "id"));
    cr_assert(job_id);
    cr_expect_str_neq(json_string_value(json_object_get(job, "state")), "failed");
    cr_expect(json_is_string(json_object_get(job, "created_at")));
    expect_header(&r, "Cache-Control", "no-store");
    char location[128];
    snprintf(location, sizeof location, "/jobs/%s", job_id);
    expect_header(&r, "Location", location);

    json_t *done = wait_job(job_id);
    cr_assert_str_eq(json_string_value(json_object_get(done, "state")), "done");
    cr_expect_str_eq(json_string_value(json_object_get(done, "source_id")), source_id);
    cr_expect(json_is_false(json_object_get(done, "already_stored")));
    cr_expect(json_is_null(json_object_get(done, "error")));
    cr_expect(json_is_string(json_object_get(done, "started_at")));
    cr_expect(json_is_string(json_object_get(done, "finished_at")));
    cr_expect_geq(json_integer_value(
                      json_object_get(json_object_get(done, "counts"), "agreements")),
                  1, "the job found no agreement");

    /* Served at once: the source with its poster's title and date, its facts, new tags. */
    json_t *source = http_get_json_ok(path);
    cr_expect_str_eq(json_string_value(json_object_get(source, "title")),
                     "Portugal and Ghana sign estuary treaty");
    cr_expect_str_eq(json_string_value(json_object_get(source, "published")), "2024-03-03");
    snprintf(path, sizeof path, "/agreements?source_id=%s", source_id);
    json_t *agreements = http_get_json_ok(path);
    const json_t *first = json_array_get(json_object_get(agreements, "data"), 0);
    cr_expect(first && strstr(json_string_value(json_object_get(first, "name")), "Tagus"),
              "the posted agreement is not served");
    char *sources_etag_after = etag_of("/sources");
    char *agreements_etag_after = etag_of("/agreements");
    cr_expect_str_neq(sources_etag, sources_etag_after, "the ETag of /sources did not change");
    cr_expect_str_neq(agreements_etag, agreements_etag_after);

    /* The job stays readable; an unknown one is a 404. */
    snprintf(path, sizeof path, "/jobs/%s", job_id);
    json_t *again = get_authorized(path, 200);
    cr_expect(json_equal(again, done));
    json_decref(get_authorized("/jobs/0123456789abcdef", 404));
    json_decref(get_authorized("/jobs/not!an!id", 404));

    cr_expect_geq(metric("factd_ingest_jobs_total{state=\"done\"}"), 1);
    cr_expect_geq(metric("factd_ingest_duration_seconds_count"), 1);
    cr_expect_eq(metric("factd_ingest_queue_length"), 0);

    json_decref(again);
    json_decref(agreements);
    json_decref(source);
    json_decref(done);
    json_decref(doc);
    json_decref(body);
    free(json);
    free(sources_etag);
    free(sources_etag_after);
    free(agreements_etag);
    free(agreements_etag_after);
    http_reply_release(&r);
}

Test(http_write, the_same_bytes_again_are_200_with_the_stored_source)
{
    corpus_file *files;
    size_t n = corpus_load(&files);
    cr_assert_gt(n, 0);
    char id[13], location[64];
    support_source_id(files[0].data, files[0].len, id);
    snprintf(location, sizeof location, "/sources/%s", id);

    http_reply r;
    post("text/plain", files[0].data, files[0].len, SUPPORT_AUTH, &r);
    cr_assert_eq(r.status, 200, "%ld %s", r.status, r.body.buf);
    expect_header(&r, "Location", location);
    json_t *doc = http_json(&r);
    json_t *stored = http_get_json_ok(location);
    cr_expect(json_equal(json_object_get(doc, "source"), stored), "%s", r.body.buf);
    json_decref(doc);
    json_decref(stored);
    http_reply_release(&r);

    /* A new article: 202 the first time, 200 once stored. */
    char text[512];
    make_article(text, sizeof text, "Port Wine");
    json_decref(ingest_posted(text));
    post_text(text, &r);
    cr_expect_eq(r.status, 200, "%ld %s", r.status, r.body.buf);
    http_reply_release(&r);
    /* The same text wrapped in JSON is the same bytes. */
    json_t *wrapped = json_pack("{s:s}", "text", text);
    char *json = json_dumps(wrapped, JSON_COMPACT);
    post("application/json", json, strlen(json), SUPPORT_AUTH, &r);
    cr_expect_eq(r.status, 200, "%ld %s", r.status, r.body.buf);
    http_reply_release(&r);
    free(json);
    json_decref(wrapped);
    corpus_free(files, n);
}

/* Measures the time from a 202 to the first GET that serves the posted article's facts. */
Test(http_write, post_to_queryable_latency)
{
    static const char *const names[LATENCY_POSTS] = {"Alder",   "Birch",    "Cedar",  "Damson",
                                                     "Elm",     "Fir",      "Ginkgo", "Hazel",
                                                     "Juniper", "Larch",    "Maple",  "Nutmeg",
                                                     "Oak",     "Poplar",   "Quince", "Rowan",
                                                     "Spruce",  "Tamarind", "Walnut", "Yew"};
    double latencies[LATENCY_POSTS];
    for (int i = 0; i < LATENCY_POSTS; i++) {
        const char *name = names[i];
        char text[512];
        make_article(text, sizeof text, name);
        free(post_new(text));
        double accepted = support_now();
        while (!facts_served(text))
            cr_assert_lt(support_now() - accepted, JOB_TIMEOUT_S, "'%s' never served", name);
        latencies[i] = support_now() - accepted;
    }
    double sum = 0, max = 0;
    for (int i = 0; i < LATENCY_POSTS; i++) {
        sum += latencies[i];
        if (latencies[i] > max)
            max = latencies[i];
    }
    for (int i = 1; i < LATENCY_POSTS; i++) /* insertion sort, for the median */
        for (int k = i; k > 0 && latencies[k] < latencies[k - 1]; k--) {
            double t = latencies[k];
            latencies[k] = latencies[k - 1];
            latencies[k - 1] = t;
        }
    fprintf(stderr,
            "post-to-queryable latency over %d posts: median %.1f ms, mean %.1f ms, "
            "max %.1f ms\n",
            LATENCY_POSTS, latencies[LATENCY_POSTS / 2] * 1e3, sum / LATENCY_POSTS * 1e3,
            max * 1e3);
    cr_expect_lt(max, 2.0, "an article took %.0f ms to be served", max * 1e3);
}

/* A job whose article the writer refuses ends failed, with the reason.  POST never queues
 * such an article, so the row is put in the queue by hand, as another process could. */
Test(http_write, a_refused_job_fails_with_its_reason)
{
    char now[256], sql[512];
    support_sql_time(now, sizeof now, NULL);
    snprintf(sql, sizeof sql,
             "INSERT INTO jobs (id, seq, created_at, sha256, bytes, text) VALUES"
             " ('00000000000000aa', (SELECT coalesce(max(seq), 0) + 1 FROM jobs), %s, '', 2, %s)",
             now, harness_on_postgres() ? "'\\xfffe'::bytea" : "X'FFFE'");
    support_db_exec(harness_db_path(), sql);
    /* The writer looks at the queue every few seconds, or when woken by a post. */
    char text[512];
    make_article(text, sizeof text, "Wake Up");
    json_decref(ingest_posted(text));
    json_t *job = wait_job("00000000000000aa");
    cr_expect_str_eq(json_string_value(json_object_get(job, "state")), "failed");
    const char *error = json_string_value(json_object_get(job, "error"));
    cr_expect(error && strstr(error, "UTF-8"), "error: %s", error ? error : "(null)");
    cr_expect(json_is_null(json_object_get(job, "source_id")));
    cr_expect_geq(metric("factd_ingest_jobs_total{state=\"failed\"}"), 1);
    json_decref(job);
}

/* A posted article whose extraction runs past --extract-budget fails its job with that
 * reason (and one log line), stores nothing, and leaves the writer free for the next job.
 * 20 ms is far less than reading a megabyte of news takes, and far more than a few lines. */
Test(http_write, an_article_past_the_extraction_budget_fails_its_job)
{
    const char *const extra[] = {"--extract-budget", "0.02", NULL};
    support_restart_with_token(extra);
    strbuf big = STRBUF_INIT;
    while (big.len < 1000000) {
        strbuf_addstr(&big, article_reykjavik);
        strbuf_addstr(&big, "\n");
    }
    char *id = post_new(big.buf);
    json_t *job = wait_job(id);
    cr_expect_str_eq(json_string_value(json_object_get(job, "state")), "failed");
    const char *error = json_string_value(json_object_get(job, "error"));
    cr_expect(error && strstr(error, "time budget"), "error: %s", error ? error : "(null)");
    cr_expect(json_is_null(json_object_get(job, "source_id")));
    json_decref(job);
    free(id);

    char source[13], path[64];
    support_source_id(big.buf, big.len, source);
    snprintf(path, sizeof path, "/sources/%s", source);
    cr_expect_eq(get_status(path), 404, "nothing was stored");
    strbuf_release(&big);

    strbuf log = STRBUF_INIT;
    char log_path[512];
    snprintf(log_path, sizeof log_path, "%s/serve.log", harness_dir());
    FILE *f = fopen(log_path, "r");
    cr_assert(f, "no %s", log_path);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_add(&log, buf, n);
    fclose(f);
    cr_expect(strstr(log.buf, "extraction stopped after") &&
                  strstr(log.buf, "past its 0.02 s budget"),
              "the log says why");
    strbuf_release(&log);

    /* the next article, small, goes in within the same budget */
    char text[512];
    make_article(text, sizeof text, "Quick Budget");
    json_decref(ingest_posted(text));
}

/* --- deleting --- */

/* The evidence source ids of a fact. */
static bool evidence_from(const json_t *fact, const char *source_id)
{
    return has_id(json_object_get(fact, "sources"), source_id);
}

/* The agreement named name among /agreements, or NULL (a new reference). */
static json_t *find_agreement(const char *name)
{
    json_t *list = http_get_json_ok("/agreements?limit=1000");
    size_t i;
    json_t *a, *found = NULL;
    json_array_foreach(json_object_get(list, "data"), i, a) {
        if (strcmp(json_string_value(json_object_get(a, "name")), name) == 0) {
            found = json_incref(a);
            break;
        }
    }
    json_decref(list);
    return found;
}

/* The id of the quote of source_id, or NULL (malloc'd). */
static char *quote_of(const char *source_id)
{
    char path[128];
    snprintf(path, sizeof path, "/quotes?source_id=%s", source_id);
    json_t *list = http_get_json_ok(path);
    const char *id = json_string_value(
        json_object_get(json_array_get(json_object_get(list, "data"), 0), "id"));
    char *copy = id ? strdup(id) : NULL;
    json_decref(list);
    return copy;
}

Test(http_write, deleting_a_source_keeps_what_others_support)
{
    char reykjavik[13], montevideo[13], path[128];
    support_source_id(article_reykjavik, strlen(article_reykjavik), reykjavik);
    support_source_id(article_montevideo, strlen(article_montevideo), montevideo);
    json_decref(ingest_posted(article_reykjavik));
    json_decref(ingest_posted(article_montevideo));

    json_t *accord = find_agreement("Glacier Water Accord");
    cr_assert(accord, "the shared agreement was not found");
    cr_assert(evidence_from(accord, reykjavik) && evidence_from(accord, montevideo),
              "the agreement is not supported by both articles");
    char *accord_id = strdup(json_string_value(json_object_get(accord, "id")));
    char *brandt = quote_of(reykjavik), *ibarra = quote_of(montevideo);
    cr_assert(brandt && ibarra, "each article should have its own quote");

    snprintf(path, sizeof path, "/sources/%s", reykjavik);
    const char *auth[] = {SUPPORT_AUTH, NULL};
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, "DELETE", path, auth, NULL, 0, &r));
    cr_assert_eq(r.status, 204, "%ld %s", r.status, r.body.buf);
    cr_expect_eq(r.body.len, 0);

    /* Gone at once: the article, its text, its quote. */
    cr_expect_eq(get_status(path), 404);
    snprintf(path, sizeof path, "/sources/%s/text", reykjavik);
    cr_expect_eq(get_status(path), 404);
    snprintf(path, sizeof path, "/quotes/%s", brandt);
    cr_expect_eq(get_status(path), 404, "the deleted article's quote is still served");
    /* Kept: the agreement, under the same id, with the other article's evidence alone. */
    snprintf(path, sizeof path, "/agreements/%s", accord_id);
    json_t *kept = http_get_json_ok(path);
    cr_expect(evidence_from(kept, montevideo));
    cr_expect(!evidence_from(kept, reykjavik), "evidence of the deleted article remains");
    snprintf(path, sizeof path, "/quotes/%s", ibarra);
    cr_expect_eq(get_status(path), 200, "the other article's quote is gone");
    json_t *list = http_get_json_ok("/agreements?limit=1000");
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(list, "data"), i, a)
        cr_expect(!evidence_from(a, reykjavik), "agreement %s still cites the deleted article",
                  json_string_value(json_object_get(a, "id")));

    /* Again: 404.  A malformed id: 404.  Without the token: 401. */
    snprintf(path, sizeof path, "/sources/%s", reykjavik);
    cr_assert(http_request_with(NULL, "DELETE", path, auth, NULL, 0, &r));
    expect_problem(&r, 404, "/problems/not-found");
    cr_assert(http_request_with(NULL, "DELETE", "/sources/bad%21id", auth, NULL, 0, &r));
    expect_problem(&r, 404, "/problems/not-found");
    snprintf(path, sizeof path, "/sources/%s", montevideo);
    cr_assert(http_request("DELETE", path, NULL, &r));
    expect_problem(&r, 401, "/problems/unauthorized");
    cr_expect_eq(get_status(path), 200);
    /* A DELETE with a body is a 400, and deletes nothing. */
    cr_assert(http_request_with(NULL, "DELETE", path, auth, "{}", 2, &r));
    expect_problem(&r, 400, "/problems/bad-request");
    cr_expect_eq(get_status(path), 200);

    /* The deleted bytes may come back. */
    json_t *job = ingest_posted(article_reykjavik);
    cr_expect(json_is_false(json_object_get(job, "already_stored")));
    json_decref(job);

    http_reply_release(&r);
    json_decref(list);
    json_decref(kept);
    json_decref(accord);
    free(accord_id);
    free(brandt);
    free(ibarra);
}

/* --- the --corpus folder --- */

/* Waits until the facts of text are served; false after timeout_s. */
static bool served_within(const char *text, double timeout_s)
{
    double deadline = support_now() + timeout_s;
    while (support_now() < deadline) {
        if (facts_served(text))
            return true;
        support_sleep_ms(20);
    }
    return false;
}

Test(http_write, the_corpus_folder_is_read_and_watched)
{
    char dir[400], path[512];
    snprintf(dir, sizeof dir, "%s/incoming", harness_dir());
    cr_assert_eq(mkdir(dir, 0755), 0);
    char before[512], moved[512], written[512], rewritten[512];
    make_article(before, sizeof before, "Harbour Light");
    make_article(moved, sizeof moved, "Olive Grove");
    make_article(written, sizeof written, "Granite Coast");
    make_article(rewritten, sizeof rewritten, "Written Again");
    support_publish_file(dir, "before.txt", before);

    support_restart_with_token((const char *const[]){"--corpus", dir, NULL});
    cr_expect(served_within(before, 10), "a file there before the start was not read");

    double t0 = support_now();
    support_publish_file(dir, "moved.txt", moved);
    cr_expect(served_within(moved, 2), "a file moved in was not read within 2 s");
    fprintf(stderr, "a file moved into --corpus was served after %.0f ms\n",
            (support_now() - t0) * 1e3);
    snprintf(path, sizeof path, "%s/written.txt", dir);
    support_write_file(path, written, strlen(written));
    cr_expect(served_within(written, 2), "a file written in place was not read within 2 s");
    /* Written again in place: its new bytes are a new article. */
    support_write_file(path, rewritten, strlen(rewritten));
    cr_expect(served_within(rewritten, 2), "a rewritten file was not read again");
    char id[13];
    support_source_id(rewritten, strlen(rewritten), id);
    snprintf(path, sizeof path, "/sources/%s", id);
    json_t *source = http_get_json_ok(path);
    cr_expect_str_eq(json_string_value(json_object_get(source, "file")), "written.txt");
    json_decref(source);

    /* Not an article: other suffixes, hidden names, an empty file. */
    char other[512];
    make_article(other, sizeof other, "Hidden Cove");
    snprintf(path, sizeof path, "%s/notes.md", dir);
    support_write_file(path, other, strlen(other));
    snprintf(path, sizeof path, "%s/.hidden.txt", dir);
    support_write_file(path, other, strlen(other));
    snprintf(path, sizeof path, "%s/empty.txt", dir);
    support_write_file(path, "", 0);
    char last[512];
    make_article(last, sizeof last, "Last One");
    support_publish_file(dir, "last.txt", last);
    cr_expect(served_within(last, 2));
    cr_expect(!served_within(other, 0.2), "a file that is no .txt article was read");
    cr_expect_geq(metric("factd_ingest_jobs_total{state=\"failed\"}"), 1, "the empty file");
}

/* --- re-extraction --- */

/* Every agreement id, comma-separated, as /agreements lists them (malloc'd). */
static char *agreement_ids(void)
{
    json_t *list = http_get_json_ok("/agreements?limit=1000");
    strbuf ids = STRBUF_INIT;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(list, "data"), i, a)
        strbuf_addf(&ids, "%s,", json_string_value(json_object_get(a, "id")));
    json_decref(list);
    return strbuf_detach(&ids, NULL);
}

#define OUTDATED_SQL "SELECT count(*) FROM sources WHERE extractor_version < %d"

static long long outdated_sources(void)
{
    char sql[128];
    snprintf(sql, sizeof sql, OUTDATED_SQL, INGEST_EXTRACTOR_VERSION);
    return support_db_int(harness_db_path(), sql, -1);
}

Test(http_write, reindex_reads_older_articles_again)
{
    char *ids_before = agreement_ids();
    cr_assert_eq(harness_stop_server(), 0);
    support_db_exec(harness_db_path(), "UPDATE sources SET extractor_version = 1");
    long long total = support_db_int(harness_db_path(), "SELECT count(*) FROM sources", -1);
    cr_assert_eq(outdated_sources(), total);

    char db[400];
    snprintf(db, sizeof db, "%s", harness_db_path());
    char *reindex[] = {"factd", "reindex", "--db", db, NULL};
    cr_assert_eq(harness_run_factd(reindex, "reindex.log", 120), 0);
    cr_expect_eq(outdated_sources(), 0, "articles left at an older extractor version");
    cr_expect_eq(support_db_int(harness_db_path(),
                                "SELECT value FROM meta WHERE key = 'facts_stale'", -1),
                 0);
    /* Nothing to do the second time. */
    cr_expect_eq(harness_run_factd(reindex, "reindex.log", 120), 0);

    char *usage[] = {"factd", "reindex", NULL};
    cr_expect_eq(harness_run_factd(usage, "reindex-usage.log", 30), 2);
    char missing[450];
    snprintf(missing, sizeof missing, "%s/no-such.db", harness_dir());
    char *absent[] = {"factd", "reindex", "--db", missing, NULL};
    cr_expect_eq(harness_run_factd(absent, "reindex-absent.log", 30), 1);
    struct stat sb;
    cr_expect_neq(stat(missing, &sb), 0, "reindex created a database");

    support_restart_with_token(NULL);
    char *ids_after = agreement_ids();
    cr_expect_str_eq(ids_after, ids_before, "fact ids changed although the facts did not");
    free(ids_before);
    free(ids_after);
}

Test(http_write, serve_reads_older_articles_again_in_the_background)
{
    char *ids_before = agreement_ids();
    cr_assert_eq(harness_stop_server(), 0);
    support_db_exec(harness_db_path(), "UPDATE sources SET extractor_version = 1");
    support_restart_with_token(NULL);

    double deadline = support_now() + JOB_TIMEOUT_S;
    while (outdated_sources() > 0 ||
           support_db_int(harness_db_path(), "SELECT value FROM meta WHERE key = 'facts_stale'",
                          -1) != 0) {
        cr_assert_lt(support_now(), deadline, "serve did not read the older articles again");
        support_sleep_ms(50);
    }
    char *ids_after = agreement_ids();
    cr_expect_str_eq(ids_after, ids_before, "fact ids changed although the facts did not");
    free(ids_before);
    free(ids_after);
}

/* --- browsers --- */

Test(http_write, cors_lets_allowed_origins_post)
{
    support_restart_with_token((const char *const[]){"--cors", "https://newsroom.example", NULL});
    const char *preflight[] = {"Origin: https://newsroom.example",
                               "Access-Control-Request-Method: POST",
                               "Access-Control-Request-Headers: authorization, content-type", NULL};
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, "OPTIONS", "/sources", preflight, NULL, 0, &r));
    cr_assert_eq(r.status, 204);
    expect_header(&r, "Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE");
    expect_header(&r, "Access-Control-Allow-Headers",
                  "Accept, If-None-Match, If-Modified-Since, Authorization, Content-Type");

    char text[512];
    make_article(text, sizeof text, "Cross Origin");
    const char *headers[] = {"Origin: https://newsroom.example", "Content-Type: text/plain",
                             SUPPORT_AUTH, NULL};
    cr_assert(http_request_with(NULL, "POST", "/sources", headers, text, strlen(text), &r));
    cr_assert_eq(r.status, 202, "%ld %s", r.status, r.body.buf);
    expect_header(&r, "Access-Control-Allow-Origin", "https://newsroom.example");
    strbuf exposed = STRBUF_INIT;
    cr_assert(http_header(&r, "Access-Control-Expose-Headers", &exposed));
    cr_expect(strstr(exposed.buf, "Location"), "%s", exposed.buf);
    strbuf_release(&exposed);
    http_reply_release(&r);
}

/* --- what posters write, served as CSV --- */

/* A title a poster sends that a spreadsheet would run as a formula (CSV injection) comes out
 * of format=csv as text: a single quote first.  JSON keeps it as it was sent. */
Test(http_write, a_posted_formula_is_text_in_csv)
{
    static const char title[] = "=HYPERLINK(\"http://evil.example/\",\"Open\")";
    char text[512];
    make_article(text, sizeof text, "Spreadsheet Formula");
    json_t *body = json_pack("{s:s, s:s}", "text", text, "title", title);
    char *json = json_dumps(body, JSON_COMPACT);
    http_reply r;
    post("application/json", json, strlen(json), SUPPORT_AUTH, &r);
    cr_assert_eq(r.status, 202, "%ld %s", r.status, r.body.buf);
    json_t *doc = http_json(&r);
    const char *job_id = json_string_value(json_object_get(json_object_get(doc, "job"), "id"));
    cr_assert(job_id, "no job: %s", r.body.buf);
    json_t *job = wait_job(job_id);
    const char *source_id = json_string_value(json_object_get(job, "source_id"));
    cr_assert(source_id, "the job stored no source");

    char path[160];
    snprintf(path, sizeof path, "/sources/%s", source_id);
    json_t *source = http_get_json_ok(path);
    cr_expect_str_eq(json_string_value(json_object_get(source, "title")), title);
    json_decref(source);

    http_reply csv;
    http_reply_init(&csv);
    cr_assert(http_get("/sources?format=csv&fields=title&limit=1000", &csv));
    cr_assert_eq(csv.status, 200);
    char row[256];
    snprintf(row, sizeof row,
             "\r\n%s,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Open\"\")\"\r\n", source_id);
    cr_expect(strstr(csv.body.buf, row), "no row %s in:\n%s", row, csv.body.buf);
    cr_expect_null(strstr(csv.body.buf, ",=HYPERLINK"), "a cell starts with =:\n%s", csv.body.buf);
    http_reply_release(&csv);
    json_decref(job);
    json_decref(doc);
    json_decref(body);
    free(json);
    http_reply_release(&r);
}
