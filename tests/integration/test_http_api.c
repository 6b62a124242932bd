/* Integration tests of the REST API over real HTTP: every endpoint, the sources and their
 * texts against the corpus files, every error path, HEAD, and that no request changes data.
 *
 * The assertions about facts are structural (they hold whatever the extractor finds); the
 * content of specific facts is checked in test_http_facts.c.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/integration/harness.h"
#include "util/digest.h"

static const char *const lists[] = {"/sources", "/agreements", "/meetings", "/quotes", "/people"};
#define NLISTS (sizeof lists / sizeof lists[0])

/* GETs path, asserts 200 JSON, returns the parsed body. */
static json_t *get_json(const char *path)
{
    http_reply r;
    strbuf ct = STRBUF_INIT;
    http_reply_init(&r);
    cr_assert(http_get(path, &r), "GET %s failed", path);
    cr_assert_eq(r.status, 200, "GET %s: %ld %s", path, r.status, r.body.buf);
    cr_assert(http_header(&r, "Content-Type", &ct), "GET %s: no Content-Type", path);
    cr_assert_str_eq(ct.buf, "application/json; charset=utf-8", "GET %s", path);
    json_t *doc = http_json(&r);
    cr_assert(doc, "GET %s: body is not JSON", path);
    strbuf_release(&ct);
    http_reply_release(&r);
    return doc;
}

/* Sends the request and asserts a problem+json answer of that status and type; when `word`
 * is given the detail must mention it. */
static void expect_problem(const char *method, const char *path, const char *body, long status,
                           const char *type, const char *word)
{
    http_reply r;
    strbuf ct = STRBUF_INIT;
    http_reply_init(&r);
    cr_assert(http_request(method, path, body, &r), "%s %s failed", method, path);
    cr_assert_eq(r.status, status, "%s %s: %ld, expected %ld", method, path, r.status, status);
    cr_assert(http_header(&r, "Content-Type", &ct));
    cr_assert_str_eq(ct.buf, "application/problem+json; charset=utf-8", "%s %s", method, path);
    json_t *doc = http_json(&r);
    cr_assert(json_is_object(doc), "%s %s: problem is not a JSON object", method, path);
    cr_assert_str_eq(json_string_value(json_object_get(doc, "type")), type, "%s %s", method, path);
    cr_assert(json_is_string(json_object_get(doc, "title")), "%s %s: title", method, path);
    cr_assert_eq(json_integer_value(json_object_get(doc, "status")), status, "%s %s: status member",
                 method, path);
    const char *detail = json_string_value(json_object_get(doc, "detail"));
    cr_assert(detail, "%s %s: detail", method, path);
    if (word)
        cr_assert(strstr(detail, word), "%s %s: detail '%s' does not name '%s'", method, path,
                  detail, word);
    if (status == 405) {
        cr_assert(http_header(&r, "Allow", &ct), "%s %s: 405 without Allow", method, path);
        cr_assert_str_eq(ct.buf, "GET, HEAD");
    }
    json_decref(doc);
    strbuf_release(&ct);
    http_reply_release(&r);
}

static void sha256_hex(const char *data, size_t len, char out[65])
{
    cr_assert(digest_sha256_hex(data, len, out));
}

static bool is_string_or_null(const json_t *v)
{
    return json_is_string(v) || json_is_null(v);
}

TestSuite(http_endpoints, .init = harness_start, .fini = harness_stop);
TestSuite(http_sources, .init = harness_start, .fini = harness_stop);
TestSuite(http_errors, .init = harness_start, .fini = harness_stop);
TestSuite(http_head, .init = harness_start, .fini = harness_stop);

Test(http_endpoints, index)
{
    json_t *doc = get_json("/");
    const json_t *endpoints = json_object_get(doc, "endpoints");
    cr_assert(json_array_size(endpoints) >= 12);
    json_decref(doc);
}

Test(http_endpoints, healthz)
{
    json_t *doc = get_json("/healthz");
    cr_assert_str_eq(json_string_value(json_object_get(doc, "status")), "ok");
    json_decref(doc);
}

Test(http_endpoints, every_list_has_data_and_next)
{
    for (size_t i = 0; i < NLISTS; i++) {
        json_t *doc = get_json(lists[i]);
        cr_assert(json_is_array(json_object_get(doc, "data")), "%s: data", lists[i]);
        const json_t *next = json_object_get(doc, "next");
        cr_assert(json_is_null(next) || json_is_string(next), "%s: next", lists[i]);
        json_decref(doc);
    }
}

Test(http_endpoints, every_item_of_every_list_resolves)
{
    for (size_t i = 0; i < NLISTS; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s?limit=1000", lists[i]);
        json_t *doc = get_json(path);
        const json_t *item;
        size_t k;
        json_array_foreach(json_object_get(doc, "data"), k, item) {
            const char *id = json_string_value(json_object_get(item, "id"));
            cr_assert(id, "%s[%zu] has no id", lists[i], k);
            snprintf(path, sizeof path, "%s/%s", lists[i], id);
            /* The resource shows every member of its list entry, unchanged; it may show
             * more (a person lists their facts, where the list gives counts). */
            json_t *single = get_json(path);
            const char *key;
            const json_t *value;
            json_object_foreach((json_t *)item, key, value)
                cr_assert(json_equal(json_object_get(single, key), value),
                          "%s: %s differs from its list entry", path, key);
            if (strcmp(lists[i], "/people") != 0)
                cr_assert(json_equal(single, item), "%s differs from its list entry", path);
            json_decref(single);
        }
        json_decref(doc);
    }
}

Test(http_endpoints, facts_have_the_contract_fields)
{
    static const struct {
        const char *list;
        const char *fields[10];
    } shapes[] = {
        {"/agreements?limit=1000",
         {"id", "name", "aliases", "acronym", "signed", "place", "parties", "signatories",
          "sources"}},
        {"/meetings?limit=1000", {"id", "date", "place", "occasion", "participants", "sources"}},
        {"/quotes?limit=1000", {"id", "text", "speaker", "sources"}},
        {"/people?limit=1000", {"id", "name"}},
    };
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        json_t *doc = get_json(shapes[s].list);
        const json_t *item;
        size_t k;
        json_array_foreach(json_object_get(doc, "data"), k, item) {
            for (size_t f = 0; f < 10 && shapes[s].fields[f]; f++)
                cr_assert(json_object_get(item, shapes[s].fields[f]), "%s[%zu] lacks %s",
                          shapes[s].list, k, shapes[s].fields[f]);
            const json_t *sources = json_object_get(item, "sources");
            cr_assert(!sources || json_is_array(sources));
        }
        json_decref(doc);
    }

    json_t *doc = get_json("/agreements?limit=1000");
    const json_t *a;
    size_t k;
    json_array_foreach(json_object_get(doc, "data"), k, a) {
        cr_assert(json_is_string(json_object_get(a, "name")));
        cr_assert(json_is_array(json_object_get(a, "aliases")));
        cr_assert(is_string_or_null(json_object_get(a, "acronym")));
        cr_assert(is_string_or_null(json_object_get(a, "place")));
        cr_assert(json_is_array(json_object_get(a, "parties")));
        const char *when = json_string_value(json_object_get(a, "signed"));
        if (when) {
            size_t len = strlen(when);
            cr_assert(len == 4 || len == 7 || len == 10, "signed '%s' is not ISO 8601", when);
            for (size_t c = 0; c < len; c++)
                cr_assert(c == 4 || c == 7 ? when[c] == '-' : (when[c] >= '0' && when[c] <= '9'),
                          "signed '%s' is not ISO 8601", when);
        }
        const json_t *sig;
        size_t j;
        json_array_foreach(json_object_get(a, "signatories"), j, sig) {
            cr_assert(json_object_get(sig, "name") && json_object_get(sig, "title"));
        }
    }
    json_decref(doc);

    doc = get_json("/quotes?limit=1000");
    const json_t *q;
    json_array_foreach(json_object_get(doc, "data"), k, q) {
        cr_assert(json_is_string(json_object_get(q, "text")));
        const json_t *speaker = json_object_get(q, "speaker");
        cr_assert(json_is_object(speaker));
        cr_assert(is_string_or_null(json_object_get(speaker, "name")));
        cr_assert(json_object_get(speaker, "title"));
    }
    json_decref(doc);
}

Test(http_endpoints, problem_types_resolve)
{
    const char *types[] = {"/problems/not-found", "/problems/bad-parameter",
                           "/problems/method-not-allowed", "/problems/internal",
                           "/problems/unavailable"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        json_t *doc = get_json(types[i]);
        cr_assert_str_eq(json_string_value(json_object_get(doc, "type")), types[i]);
        cr_assert(json_is_string(json_object_get(doc, "title")));
        cr_assert(json_is_string(json_object_get(doc, "description")));
        json_decref(doc);
    }
}

Test(http_endpoints, openapi_yaml)
{
    FILE *f = fopen("openapi.yaml", "rb");
    if (!f) {
        /* Not written yet: the server then says so with a 404 problem. */
        expect_problem("GET", "/openapi.yaml", NULL, 404, "/problems/not-found", NULL);
        return;
    }
    strbuf want = STRBUF_INIT, ct = STRBUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_add(&want, chunk, n);
    fclose(f);

    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get("/openapi.yaml", &r));
    cr_assert_eq(r.status, 200);
    cr_assert(http_header(&r, "Content-Type", &ct));
    cr_assert(strncmp(ct.buf, "application/yaml", 16) == 0, "Content-Type %s", ct.buf);
    cr_assert_eq(r.body.len, want.len);
    cr_assert(memcmp(r.body.buf, want.buf, want.len) == 0);
    http_reply_release(&r);
    strbuf_release(&want);
    strbuf_release(&ct);
}

static size_t collect_body(char *data, size_t size, size_t n, void *sb)
{
    strbuf_add(sb, data, size * n);
    return size * n;
}

/* GET http://127.0.0.1:port/path into body; the status, or 0 on a transport error. */
static long get_from_port(unsigned short port, const char *path, strbuf *body)
{
    char url[512];
    long status = 0;
    CURL *curl = curl_easy_init();
    cr_assert(curl);
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", port, path);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 5L);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    return status;
}

static void read_whole(const char *path, strbuf *sb)
{
    FILE *f = fopen(path, "rb");
    cr_assert(f, "%s: %s", path, strerror(errno));
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        strbuf_add(sb, chunk, n);
    fclose(f);
}

/* The OpenAPI document and the dashboard are built into the binary: a copy of it installed
 * away from the source tree, started in a folder that has neither (as an installed or
 * containerised one is), still serves them, byte for byte what the source tree holds. */
Test(http_endpoints, documents_served_from_any_working_directory)
{
    char factd[PATH_MAX], db[PATH_MAX], port_arg[16], log_path[PATH_MAX];
    if (harness_on_postgres())
        cr_skip_test("the database's path relative to the working directory: SQLite's concern");
    strbuf bin = STRBUF_INIT;
    read_whole(harness_factd(), &bin);
    snprintf(factd, sizeof factd, "%s/bin", harness_dir());
    cr_assert(mkdir(factd, 0755) == 0 || errno == EEXIST);
    snprintf(factd, sizeof factd, "%s/bin/factd", harness_dir());
    int out = open(factd, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    cr_assert(out >= 0 && write(out, bin.buf, bin.len) == (ssize_t)bin.len && close(out) == 0);
    strbuf_release(&bin);
    cr_assert(realpath(harness_db_path(), db), "%s", harness_db_path());
    unsigned short port = harness_free_port();
    snprintf(port_arg, sizeof port_arg, "%u", port);
    snprintf(log_path, sizeof log_path, "%s/elsewhere.log", harness_dir());

    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        if (chdir("/") != 0)
            _exit(126);
        char *argv[] = {factd, "serve", "--db", db, "--port", port_arg, NULL};
        execv(factd, argv);
        _exit(127);
    }
    strbuf body = STRBUF_INIT, want = STRBUF_INIT;
    long status = 0;
    for (int i = 0; i < 100 && status != 200; i++) {
        strbuf_reset(&body);
        status = get_from_port(port, "/livez", &body);
        if (status != 200)
            usleep(50 * 1000);
    }
    cr_assert_eq(status, 200, "the server started in / did not answer");

    const char *files[][2] = {{"/openapi.yaml", "openapi.yaml"},
                              {"/ui", "web/index.html"},
                              {"/ui/app.js", "web/app.js"},
                              {"/ui/app.css", "web/app.css"}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        strbuf_reset(&body);
        strbuf_reset(&want);
        read_whole(files[i][1], &want);
        cr_expect_eq(get_from_port(port, files[i][0], &body), 200, "%s", files[i][0]);
        cr_expect(body.len == want.len && memcmp(body.buf, want.buf, want.len) == 0,
                  "%s is not %s byte for byte (%zu bytes, want %zu)", files[i][0], files[i][1],
                  body.len, want.len);
    }
    kill(pid, SIGTERM);
    int wstatus;
    waitpid(pid, &wstatus, 0);
    cr_expect(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0);
    strbuf_release(&body);
    strbuf_release(&want);
}

Test(http_sources, lists_the_corpus_with_the_contract_fields)
{
    corpus_file *files;
    size_t nfiles = corpus_load(&files);
    cr_assert_eq(nfiles, 5, "the bundled corpus has five articles");

    json_t *doc = get_json("/sources");
    const json_t *data = json_object_get(doc, "data");
    cr_assert_eq(json_array_size(data), 5);
    cr_assert(json_is_null(json_object_get(doc, "next")));

    bool seen[5] = {false};
    const json_t *src;
    size_t i;
    json_array_foreach(data, i, src) {
        const char *fields[] = {"id", "file", "title", "byline", "dateline", "sha256", "chars"};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
            cr_assert(json_object_get(src, fields[f]), "source %zu lacks %s", i, fields[f]);
        cr_assert(json_is_string(json_object_get(src, "id")));
        cr_assert(is_string_or_null(json_object_get(src, "title")));
        cr_assert(is_string_or_null(json_object_get(src, "byline")));
        cr_assert(is_string_or_null(json_object_get(src, "dateline")));

        const char *file = json_string_value(json_object_get(src, "file"));
        cr_assert(file, "source %zu: file", i);
        size_t k = 0;
        while (k < nfiles && strcmp(files[k].name, file) != 0)
            k++;
        cr_assert_lt(k, nfiles, "file '%s' is not a corpus file", file);
        cr_assert_not(seen[k], "file '%s' listed twice", file);
        seen[k] = true;

        char sha[65];
        sha256_hex(files[k].data, files[k].len, sha);
        cr_assert_str_eq(json_string_value(json_object_get(src, "sha256")), sha, "%s", file);
        cr_assert_eq(json_integer_value(json_object_get(src, "chars")),
                     (json_int_t)test_cp_count(files[k].data, files[k].len), "%s: chars", file);
    }
    json_decref(doc);
    corpus_free(files, nfiles);
}

Test(http_sources, text_is_the_file_byte_for_byte)
{
    corpus_file *files;
    size_t nfiles = corpus_load(&files);
    json_t *doc = get_json("/sources");
    const json_t *src;
    size_t i;
    json_array_foreach(json_object_get(doc, "data"), i, src) {
        const char *file = json_string_value(json_object_get(src, "file"));
        size_t k = 0;
        while (k < nfiles && strcmp(files[k].name, file) != 0)
            k++;
        cr_assert_lt(k, nfiles);

        char path[256];
        http_reply r;
        strbuf ct = STRBUF_INIT;
        http_reply_init(&r);
        snprintf(path, sizeof path, "/sources/%s/text",
                 json_string_value(json_object_get(src, "id")));
        cr_assert(http_get(path, &r));
        cr_assert_eq(r.status, 200, "%s", path);
        cr_assert(http_header(&r, "Content-Type", &ct));
        cr_assert_str_eq(ct.buf, "text/plain; charset=utf-8");
        cr_assert_eq(r.body.len, files[k].len, "%s: %zu bytes, file has %zu", file, r.body.len,
                     files[k].len);
        cr_assert(memcmp(r.body.buf, files[k].data, files[k].len) == 0, "%s differs", file);
        strbuf_release(&ct);
        http_reply_release(&r);
    }
    json_decref(doc);
    corpus_free(files, nfiles);
}

Test(http_errors, unknown_path_is_404)
{
    const char *paths[] = {
        "/nope",       "/sources/",     "/agreements/x/y",      "/healthz/extra",       "/%00",
        "/healthz%00", "/sources%00/x", "/sources/%2e%2e/text", "/..%2f..%2fetc/passwd"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        expect_problem("GET", paths[i], NULL, 404, "/problems/not-found", NULL);
}

Test(http_errors, unknown_id_is_404)
{
    char long_id[100];
    memset(long_id, 'a', 65);
    long_id[65] = '\0';
    const char *ids[] = {"nope", "0000000000000000", long_id, "bad%20id", "%C3%A9t%C3%A9"};
    for (size_t l = 0; l < NLISTS; l++) {
        for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
            char path[256];
            snprintf(path, sizeof path, "%s/%s", lists[l], ids[i]);
            expect_problem("GET", path, NULL, 404, "/problems/not-found", NULL);
        }
    }
    expect_problem("GET", "/sources/nope/text", NULL, 404, "/problems/not-found", NULL);
}

Test(http_errors, bad_limit_is_400)
{
    const char *values[] = {"limit=0",  "limit=abc",  "limit=100000", "limit=",     "limit",
                            "limit=-1", "limit=1001", "limit=1.5",    "limit=%201", "limit=1%00"};
    for (size_t l = 0; l < NLISTS; l++) {
        for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
            char path[256];
            snprintf(path, sizeof path, "%s?%s", lists[l], values[i]);
            expect_problem("GET", path, NULL, 400, "/problems/bad-parameter", "limit");
        }
    }
}

Test(http_errors, unknown_or_repeated_parameter_is_400)
{
    for (size_t l = 0; l < NLISTS; l++) {
        char path[256];
        snprintf(path, sizeof path, "%s?color=red", lists[l]);
        expect_problem("GET", path, NULL, 400, "/problems/bad-parameter", "color");
        snprintf(path, sizeof path, "%s?limit=1&limit=2", lists[l]);
        expect_problem("GET", path, NULL, 400, "/problems/bad-parameter", "limit");
        snprintf(path, sizeof path, "%s?after=x&after=y", lists[l]);
        expect_problem("GET", path, NULL, 400, "/problems/bad-parameter", "after");
        snprintf(path, sizeof path, "%s?pretty=yes", lists[l]);
        expect_problem("GET", path, NULL, 400, "/problems/bad-parameter", "pretty");
    }
    expect_problem("GET", "/healthz?x=1", NULL, 400, "/problems/bad-parameter", "x");
}

/* The write API's routes (POST /sources, DELETE /sources/{id}) do not exist on a server
 * without a token, such as this one: 404 like any unknown path (test_http_write.c has the
 * server with a token).  Every other write is a 405. */
static bool is_write_route(const char *method, const char *path)
{
    return (strcmp(method, "POST") == 0 && strcmp(path, "/sources") == 0) ||
           (strcmp(method, "DELETE") == 0 && strncmp(path, "/sources/", 9) == 0 &&
            !strchr(path + 9, '/'));
}

Test(http_errors, writes_are_405_with_allow)
{
    const char *methods[] = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    for (size_t l = 0; l < NLISTS; l++) {
        for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
            if (is_write_route(methods[m], lists[l]))
                expect_problem(methods[m], lists[l], NULL, 404, "/problems/not-found", NULL);
            else
                expect_problem(methods[m], lists[l], NULL, 405, "/problems/method-not-allowed",
                               NULL);
        }
        if (is_write_route("POST", lists[l]))
            expect_problem("POST", lists[l], "{\"name\":\"x\"}", 404, "/problems/not-found", NULL);
        else
            expect_problem("POST", lists[l], "{\"name\":\"x\"}", 405,
                           "/problems/method-not-allowed", NULL);
    }
    expect_problem("DELETE", "/agreements/some-id", NULL, 405, "/problems/method-not-allowed",
                   NULL);
    expect_problem("POST", "/nowhere", NULL, 404, "/problems/not-found", NULL);
}

Test(http_errors, large_upload_is_refused_without_reading_it)
{
    size_t len = 4u << 20;
    char *body = malloc(len + 1);
    cr_assert(body);
    memset(body, 'x', len);
    body[len] = '\0';
    expect_problem("POST", "/agreements", body, 405, "/problems/method-not-allowed", NULL);
    expect_problem("GET", "/agreements", body, 400, "/problems/bad-request", "body");
    free(body);
    /* The server is still healthy afterwards. */
    json_decref(get_json("/healthz"));
}

Test(http_errors, get_with_a_body_is_400)
{
    expect_problem("GET", "/sources", "{}", 400, "/problems/bad-request", "body");
}

Test(http_errors, requests_change_nothing)
{
    json_t *before[NLISTS];
    for (size_t l = 0; l < NLISTS; l++) {
        char path[64];
        snprintf(path, sizeof path, "%s?limit=1000", lists[l]);
        before[l] = get_json(path);
    }
    const char *methods[] = {"POST", "PUT", "DELETE", "PATCH"};
    for (size_t l = 0; l < NLISTS; l++) {
        const json_t *item = json_array_get(json_object_get(before[l], "data"), 0);
        const char *id = json_string_value(json_object_get(item, "id"));
        for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
            http_reply r;
            char path[256];
            http_reply_init(&r);
            snprintf(path, sizeof path, "%s/%s", lists[l], id ? id : "x");
            cr_assert(http_request(methods[m], path, "{\"id\":\"changed\"}", &r));
            cr_assert_eq(r.status, is_write_route(methods[m], path) ? 404 : 405);
            cr_assert(http_request(methods[m], lists[l], "[]", &r));
            cr_assert_eq(r.status, is_write_route(methods[m], lists[l]) ? 404 : 405);
            http_reply_release(&r);
        }
    }
    for (size_t l = 0; l < NLISTS; l++) {
        char path[64];
        snprintf(path, sizeof path, "%s?limit=1000", lists[l]);
        json_t *after = get_json(path);
        cr_assert(json_equal(before[l], after), "%s changed", lists[l]);
        json_decref(after);
        json_decref(before[l]);
    }
}

Test(http_head, answers_headers_without_a_body)
{
    json_t *sources = get_json("/sources");
    char text_path[256];
    snprintf(text_path, sizeof text_path, "/sources/%s/text",
             json_string_value(
                 json_object_get(json_array_get(json_object_get(sources, "data"), 0), "id")));
    json_decref(sources);
    const char *paths[] = {"/", "/sources", "/agreements?limit=2", "/healthz", text_path, "/nope"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_reply get, head;
        strbuf get_len = STRBUF_INIT, head_len = STRBUF_INIT, get_ct = STRBUF_INIT,
               head_ct = STRBUF_INIT;
        http_reply_init(&get);
        http_reply_init(&head);
        cr_assert(http_get(paths[i], &get));
        cr_assert(http_head(paths[i], &head));
        cr_assert_eq(head.status, get.status, "HEAD %s", paths[i]);
        cr_assert_eq(head.body.len, 0, "HEAD %s has a body", paths[i]);
        cr_assert(http_header(&head, "Content-Length", &head_len), "HEAD %s", paths[i]);
        cr_assert(http_header(&get, "Content-Length", &get_len));
        cr_assert_str_eq(head_len.buf, get_len.buf, "HEAD %s: Content-Length", paths[i]);
        cr_assert(http_header(&head, "Content-Type", &head_ct));
        cr_assert(http_header(&get, "Content-Type", &get_ct));
        cr_assert_str_eq(head_ct.buf, get_ct.buf);
        strbuf_release(&get_len);
        strbuf_release(&head_len);
        strbuf_release(&get_ct);
        strbuf_release(&head_ct);
        http_reply_release(&get);
        http_reply_release(&head);
    }
}
