/* Unit tests of api/: api_handle() driven without HTTP on a small database.
 *
 * Each test gets a fresh temporary database holding two articles (one with curly quotes and
 * other multi-byte characters, so code points and bytes differ) and a hand-written FACTS
 * document: three agreements, two meetings, two quotes (one with an unknown speaker), two
 * people.  Requests go through a read-only handle, as the server uses.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "api/api.h"
#include "store/store.h"
#include "tests/unit/api_target.h"
#include "tests/unit/test_db.h"
#include "util/strbuf.h"

static const char text_a[] =
    "New Delhi: India and the US signed the \xe2\x80\x98"
    "Framework for Defence\xe2\x80\x99 "
    "in Kuala Lumpur.\n"
    "\xe2\x80\x9cThis is a new era,\xe2\x80\x9d said Defence Minister Rajnath Singh.\n"
    "They also recalled LEMOA, signed in 2016.\n";
static const char text_b[] =
    "Washington: Peter Hegseth met Rajnath Singh on the sidelines of the ASEAN meet.\n"
    "\xe2\x80\x9cOur ties have never been stronger,\xe2\x80\x9d he said. Caf\xc3\xa9 talk "
    "followed.\n";

static char dir[] = "/tmp/factd-api-test-XXXXXX";
static char db_path[256];
static store *reader;
static char *id_a, *id_b;

static char *put_source(store *st, const char *file, const char *text)
{
    char sha[65];
    char *id = NULL;
    json_t *extraction = json_pack("{s:i, s:s, s:n, s:n, s:n, s:[], s:[], s:[], s:[]}",
                                   "extractor_version", 1, "title", file, "byline", "dateline",
                                   "published", "people", "agreements", "meetings", "quotes");
    test_sha256_hex(text, strlen(text), sha);
    store_source_in in = {
        .file = file, .text = text, .len = strlen(text), .sha256 = sha, .extraction = extraction};
    cr_assert_eq(store_put_source(st, &in, &id), STORE_OK, "%s", store_errmsg(st));
    json_decref(extraction);
    return id;
}

/* Code-point span of the first occurrence of needle in text. */
static json_t *evidence(const char *source_id, const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    cr_assert(at, "fixture: '%s' not in text", needle);
    size_t start = 0, len = 0;
    for (const char *p = text; p < at; p++)
        start += ((unsigned char)*p & 0xC0) != 0x80;
    for (const char *p = at; p < at + strlen(needle); p++)
        len += ((unsigned char)*p & 0xC0) != 0x80;
    return json_pack("{s:s, s:I, s:I}", "source_id", source_id, "start", (json_int_t)start, "end",
                     (json_int_t)start + (json_int_t)len);
}

static json_t *facts_document(void)
{
    json_t *facts = json_pack(
        "{s:[{s:s, s:s, s:s, s:[]}, {s:s, s:s, s:s, s:[s]}],"
        " s:[{s:s, s:s, s:[], s:n, s:s, s:s, s:[s,s], s:[{s:s, s:s, s:s}], s:s, s:f, s:[o]},"
        "    {s:s, s:s, s:[], s:s, s:s, s:n, s:[], s:[], s:s, s:f, s:[o]},"
        "    {s:s, s:s, s:[], s:n, s:n, s:n, s:[], s:[], s:s, s:f, s:[]}],"
        " s:[{s:s, s:s, s:s, s:n, s:[{s:s, s:s, s:s}], s:s, s:f, s:[o, o]},"
        "    {s:s, s:n, s:n, s:n, s:[], s:s, s:f, s:[]}],"
        " s:[{s:s, s:s, s:{s:s, s:s, s:s}, s:s, s:s, s:f, s:[o]},"
        "    {s:s, s:s, s:{s:n, s:n, s:n}, s:n, s:s, s:f, s:[o]}]}",
        "people", "id", "p-rajnath", "name", "Rajnath Singh", "title", "Defence Minister",
        "aliases", "id", "p-hegseth", "name", "Peter Hegseth", "title", "Secretary of War",
        "aliases", "Pete Hegseth", "agreements", "id", "a1", "name", "Framework for Defence",
        "aliases", "acronym", "signed", "2025-10-31", "place", "Kuala Lumpur", "parties", "India",
        "United States", "signatories", "person_id", "p-rajnath", "name", "Rajnath Singh", "title",
        "Defence Minister", "rule", "test", "confidence", 0.9, "evidence",
        evidence(id_a, text_a, "Framework for Defence"), "id", "a2", "name",
        "Logistics Exchange Memorandum of Agreement", "aliases", "acronym", "LEMOA", "signed",
        "2016", "place", "parties", "signatories", "rule", "test", "confidence", 0.8, "evidence",
        evidence(id_a, text_a, "LEMOA"), "id", "a3", "name", "Unsourced Pact", "aliases", "acronym",
        "signed", "place", "parties", "signatories", "rule", "test", "confidence", 0.5, "evidence",
        "meetings", "id", "m1", "date", "2025-10-31", "place", "Kuala Lumpur", "occasion",
        "participants", "person_id", "p-hegseth", "name", "Peter Hegseth", "title",
        "Secretary of War", "rule", "test", "confidence", 0.7, "evidence",
        evidence(id_b, text_b, "Peter Hegseth met Rajnath Singh"),
        evidence(id_a, text_a, "in Kuala Lumpur"), "id", "m2", "date", "place", "occasion",
        "participants", "rule", "test", "confidence", 0.3, "evidence", "quotes", "id", "q1", "text",
        "This is a new era,", "speaker", "person_id", "p-rajnath", "name", "Rajnath Singh", "title",
        "Defence Minister", "cue", "said", "rule", "test", "confidence", 0.9, "evidence",
        evidence(id_a, text_a, "This is a new era,"), "id", "q2", "text",
        "Our ties have never been stronger,", "speaker", "person_id", "name", "title", "cue",
        "rule", "test", "confidence", 0.4, "evidence",
        evidence(id_b, text_b, "Our ties have never been stronger,"));
    cr_assert(facts, "fixture: the FACTS document does not pack");
    return facts;
}

static void setup(void)
{
    char *err = NULL;
    cr_assert(mkdtemp(dir), "mkdtemp");
    snprintf(db_path, sizeof db_path, "%s/facts.db", dir);
    store *writer = store_open(db_path, false, &err);
    cr_assert(writer, "store_open: %s", err ? err : "?");
    id_a = put_source(writer, "a.txt", text_a);
    id_b = put_source(writer, "b.txt", text_b);
    json_t *facts = facts_document();
    cr_assert_eq(store_replace_facts(writer, facts), STORE_OK, "%s", store_errmsg(writer));
    json_decref(facts);
    store_close(writer);
    reader = store_open(db_path, true, &err);
    cr_assert(reader, "store_open read-only: %s", err ? err : "?");
}

static void teardown(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    store_close(reader);
    reader = NULL;
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char path[300];
        snprintf(path, sizeof path, "%s%s", db_path, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
    free(id_a);
    free(id_b);
    api_set_openapi(NULL, 0);
}

/* --- request helpers --- */

typedef struct call {
    api_response resp;
    json_t *json; /* the parsed body when it is JSON */
} call;

/* Sends "METHOD path?query" through api_handle on `st`.  The query is split on & and =
 * without decoding; "k" alone gives a NULL value. */
static const char *call_accept; /* the Accept header of the next call_store, or NULL */

static void call_store(store *st, const char *method, const char *target, bool has_body, call *c)
{
    char buf[1024];
    api_param params[16];

    snprintf(buf, sizeof buf, "%s", target);
    size_t n = api_target_split(buf, params, 16);
    api_request req = {.method = method,
                       .path = buf,
                       .params = params,
                       .nparams = n,
                       .has_body = has_body,
                       .accept = call_accept};
    call_accept = NULL;
    api_handle(st, &req, &c->resp);
    c->json = NULL;
    if (c->resp.content_type && strstr(c->resp.content_type, "json"))
        c->json = json_loadb(c->resp.body ? c->resp.body : "", c->resp.len, 0, NULL);
}

static void call_api(const char *method, const char *target, call *c)
{
    call_store(reader, method, target, false, c);
}

static void call_release(call *c)
{
    json_decref(c->json);
    api_response_release(&c->resp);
}

static const char *header(const call *c, const char *name)
{
    for (size_t i = 0; i < c->resp.nheaders; i++)
        if (strcasecmp(c->resp.headers[i].name, name) == 0)
            return c->resp.headers[i].value;
    return NULL;
}

/* Asserts an RFC 9457 problem of the given status and type, whose detail mentions `word`. */
static void assert_problem(const call *c, int status, const char *type, const char *word)
{
    cr_assert_eq(c->resp.status, status, "status %d, expected %d", c->resp.status, status);
    cr_assert_str_eq(c->resp.content_type, "application/problem+json; charset=utf-8");
    cr_assert(json_is_object(c->json), "problem body is not a JSON object");
    cr_assert_str_eq(json_string_value(json_object_get(c->json, "type")), type);
    cr_assert(json_is_string(json_object_get(c->json, "title")));
    cr_assert_eq(json_integer_value(json_object_get(c->json, "status")), status);
    const char *detail = json_string_value(json_object_get(c->json, "detail"));
    cr_assert(detail, "problem without detail");
    if (word)
        cr_assert(strstr(detail, word), "detail '%s' does not mention '%s'", detail, word);
}

static void assert_json_ok(const call *c)
{
    cr_assert_eq(c->resp.status, 200, "status %d: %.*s", c->resp.status, (int)c->resp.len,
                 c->resp.body ? c->resp.body : "");
    cr_assert_str_eq(c->resp.content_type, "application/json; charset=utf-8");
    cr_assert(c->json, "body is not JSON");
}

/* The ids of a list page, in order, as one comma-separated string. */
static void page_ids(const json_t *page, strbuf *ids)
{
    const json_t *item;
    size_t i;
    json_array_foreach(json_object_get(page, "data"), i, item) {
        if (ids->len)
            strbuf_addch(ids, ',');
        strbuf_addstr(ids, json_string_value(json_object_get(item, "id")));
    }
}

static const char *const lists[] = {"/sources", "/agreements", "/meetings", "/quotes", "/people"};

TestSuite(api_routing, .init = setup, .fini = teardown);
TestSuite(api_lists, .init = setup, .fini = teardown);
TestSuite(api_params, .init = setup, .fini = teardown);
TestSuite(api_items, .init = setup, .fini = teardown);
TestSuite(api_methods, .init = setup, .fini = teardown);
TestSuite(api_meta, .init = setup, .fini = teardown);
TestSuite(api_people, .init = setup, .fini = teardown);

Test(api_routing, index_lists_every_endpoint)
{
    call c;
    call_api("GET", "/", &c);
    assert_json_ok(&c);
    const json_t *endpoints = json_object_get(c.json, "endpoints");
    cr_assert(json_is_array(endpoints));
    strbuf paths = STRBUF_INIT;
    const json_t *e;
    size_t i;
    json_array_foreach(endpoints, i, e) {
        strbuf_addstr(&paths, json_string_value(json_object_get(e, "path")));
        strbuf_addch(&paths, ' ');
    }
    const char *expected[] = {"/sources ",     "/sources/{id} ",    "/sources/{id}/text ",
                              "/agreements ",  "/agreements/{id} ", "/meetings ",
                              "/quotes ",      "/people ",          "/healthz ",
                              "/openapi.yaml "};
    for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++)
        cr_assert(strstr(paths.buf, expected[k]), "index lacks %s", expected[k]);
    strbuf_release(&paths);
    call_release(&c);
}

Test(api_routing, unknown_paths_are_404)
{
    const char *paths[] = {"/nope",           "/sources/",
                           "//sources",       "/sources//text",
                           "/agreements/x/y", "/sources/x/text/more",
                           "/Sources",        "",
                           "sources",         "/healthz/",
                           "/problems",       "/openapi.yml"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        call c;
        call_api("GET", paths[i], &c);
        assert_problem(&c, 404, "/problems/not-found", NULL);
        call_release(&c);
    }
}

Test(api_routing, untrusted_path_bytes_still_give_valid_json)
{
    call c;
    call_api("GET", "/\xff\xfe\x01\n<script>", &c);
    assert_problem(&c, 404, "/problems/not-found", "script");
    call_release(&c);
}

Test(api_lists, every_list_answers_data_and_next)
{
    const size_t expected[] = {2, 3, 2, 2, 2};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        call c;
        call_api("GET", lists[i], &c);
        assert_json_ok(&c);
        cr_assert_eq(json_object_size(c.json), 2, "%s: exactly data and next", lists[i]);
        cr_assert_eq(json_array_size(json_object_get(c.json, "data")), expected[i], "%s", lists[i]);
        cr_assert(json_is_null(json_object_get(c.json, "next")), "%s: one page only", lists[i]);
        call_release(&c);
    }
}

Test(api_lists, sources_have_the_contract_fields)
{
    call c;
    call_api("GET", "/sources", &c);
    assert_json_ok(&c);
    const json_t *src;
    size_t i;
    json_array_foreach(json_object_get(c.json, "data"), i, src) {
        const char *fields[] = {"id", "file", "title", "byline", "dateline", "sha256", "chars"};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            cr_assert(json_object_get(src, fields[k]), "source lacks %s", fields[k]);
    }
    const json_t *first = json_array_get(json_object_get(c.json, "data"), 0);
    const char *want = strcmp(id_a, id_b) < 0 ? "a.txt" : "b.txt";
    cr_assert_str_eq(json_string_value(json_object_get(first, "file")), want);
    call_release(&c);
}

Test(api_lists, paging_visits_every_item_once_in_order)
{
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        call all;
        char target[128];
        strbuf want = STRBUF_INIT;
        snprintf(target, sizeof target, "%s?limit=1000", lists[l]);
        call_api("GET", target, &all);
        assert_json_ok(&all);
        page_ids(all.json, &want);

        for (int limit = 1; limit <= 3; limit++) {
            strbuf got = STRBUF_INIT;
            int pages = 0;
            snprintf(target, sizeof target, "%s?limit=%d", lists[l], limit);
            for (;;) {
                call page;
                call_api("GET", target, &page);
                assert_json_ok(&page);
                cr_assert_leq(json_array_size(json_object_get(page.json, "data")), (size_t)limit);
                page_ids(page.json, &got);
                pages++;
                const char *next = json_string_value(json_object_get(page.json, "next"));
                if (next) {
                    cr_assert(strncmp(next, lists[l], strlen(lists[l])) == 0 &&
                                  next[strlen(lists[l])] == '?',
                              "next '%s' is not a relative URL of %s", next, lists[l]);
                    snprintf(target, sizeof target, "%s", next);
                }
                call_release(&page);
                if (!next)
                    break;
                cr_assert_lt(pages, 10, "paging does not end");
            }
            cr_assert_str_eq(got.buf, want.buf, "%s limit=%d", lists[l], limit);
            strbuf_release(&got);
        }
        strbuf_release(&want);
        call_release(&all);
    }
}

Test(api_lists, next_link_keeps_the_parameters_and_adds_a_cursor)
{
    call c;
    /* agreements come in date order, undated last: a2 (2016), a1 (2025), a3 (no date) */
    call_api("GET", "/agreements?limit=2&pretty=1", &c);
    assert_json_ok(&c);
    json_t *data = json_object_get(c.json, "data");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(data, 0), "id")), "a2");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(data, 1), "id")), "a1");
    const char *next = json_string_value(json_object_get(c.json, "next"));
    cr_assert(next && strncmp(next, "/agreements?limit=2&pretty=1&cursor=", 36) == 0, "%s", next);
    cr_assert(c.resp.len > 0 && c.resp.body[c.resp.len - 1] == '\n');
    cr_assert(memchr(c.resp.body, '\n', c.resp.len - 1), "pretty output is indented");
    call_release(&c);

    call_api("GET", "/agreements?after=a1", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_array_size(json_object_get(c.json, "data")), 1);
    cr_assert_str_eq(json_string_value(
                         json_object_get(json_array_get(json_object_get(c.json, "data"), 0), "id")),
                     "a3");
    cr_assert(json_is_null(json_object_get(c.json, "next")));
    call_release(&c);

    call_api("GET", "/agreements?after=zzz", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_array_size(json_object_get(c.json, "data")), 0);
    call_release(&c);
}

Test(api_lists, compact_by_default)
{
    call c;
    call_api("GET", "/agreements", &c);
    assert_json_ok(&c);
    cr_assert_null(memchr(c.resp.body, '\n', c.resp.len));
    cr_assert_null(strstr(c.resp.body, "\": "));
    call_release(&c);
}

Test(api_lists, evidence_excerpts_are_code_point_spans)
{
    call c;
    call_api("GET", "/agreements/a1", &c);
    assert_json_ok(&c);
    const json_t *ev = json_array_get(json_object_get(c.json, "sources"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(ev, "source_id")), id_a);
    cr_assert_str_eq(json_string_value(json_object_get(ev, "excerpt")), "Framework for Defence");
    /* 40 code points before it, but 42 bytes: the opening curly quote is 3 bytes. */
    cr_assert_eq(json_integer_value(json_object_get(ev, "start")), 40);
    call_release(&c);

    call_api("GET", "/meetings/m1", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_array_size(json_object_get(c.json, "sources")), 2);
    call_release(&c);
}

Test(api_params, bad_limits_are_400_naming_limit)
{
    const char *targets[] = {"/agreements?limit=0",
                             "/agreements?limit=abc",
                             "/agreements?limit=100000",
                             "/agreements?limit=",
                             "/agreements?limit",
                             "/agreements?limit=-1",
                             "/agreements?limit=1001",
                             "/agreements?limit=5x",
                             "/agreements?limit=+5",
                             "/agreements?limit= 5",
                             "/sources?limit=99999999999999999999"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        call c;
        call_api("GET", targets[i], &c);
        assert_problem(&c, 400, "/problems/bad-parameter", "limit");
        call_release(&c);
    }
}

Test(api_params, limit_bounds_are_accepted)
{
    const char *targets[] = {"/agreements?limit=1", "/agreements?limit=1000",
                             "/agreements?limit=50"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        call c;
        call_api("GET", targets[i], &c);
        assert_json_ok(&c);
        call_release(&c);
    }
}

Test(api_params, unknown_and_repeated_parameters_are_400)
{
    struct {
        const char *target, *word;
    } cases[] = {
        {"/agreements?foo=1", "foo"},
        {"/agreements?limit=2&limit=3", "limit"},
        {"/agreements?after=a1&after=a2", "after"},
        {"/agreements?Limit=2", "Limit"},
        {"/agreements/a1?limit=2", "limit"},
        {"/sources/x/text?pretty=1", "pretty"},
        {"/healthz?verbose", "verbose"},
        {"/agreements?pretty=2", "pretty"},
        {"/agreements?pretty=", "pretty"},
        {"/agreements?after=", "after"},
        {"/agreements?after=a/b", "after"},
        {"/agreements?after=%27", "after"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        call_api("GET", cases[i].target, &c);
        assert_problem(&c, 400, "/problems/bad-parameter", cases[i].word);
        call_release(&c);
    }
}

Test(api_params, as_of_takes_a_seq_or_an_rfc_3339_time)
{
    static const struct {
        const char *target;
        bool taken; /* else a 400 that names as_of */
    } cases[] = {
        {"/agreements?as_of=0", true},
        {"/agreements?as_of=999999999999999999", true},
        {"/meetings?as_of=2026-12-07T21:40:00Z", true},
        {"/quotes?as_of=2026-12-07t21:40:00.123456z", true},
        {"/people?as_of=2026-12-07T23:40:00+02:00", true},
        {"/people?as_of=2026-12-07T23:40:00 02:00", true}, /* a '+' sent unescaped */
        {"/people?as_of=2024-02-29T00:00:00-05:30", true},
        {"/agreements/a1?as_of=5", true},
        {"/people/p1?as_of=2026-12-07 21:40:00Z", true},
        {"/agreements?as_of=-1", false},
        {"/agreements?as_of=1000000000000000000", false},
        {"/agreements?as_of=x", false},
        {"/agreements?as_of=2026-12-07", false},
        {"/agreements?as_of=2026-12-07T21:40:00", false},
        {"/agreements?as_of=2026-02-29T00:00:00Z", false},
        {"/agreements?as_of=2026-13-01T00:00:00Z", false},
        {"/agreements?as_of=2026-12-07T24:00:00Z", false},
        {"/agreements?as_of=2026-12-07T21:40:00.Z", false},
        {"/agreements?as_of=2026-12-07T21:40:00+2:00", false},
        {"/agreements?as_of=2026-12-07T21:40:00+24:00", false},
        {"/agreements?as_of=2026-12-07T21:40:00ZZ", false},
        {"/sources?as_of=1", true},
        {"/sources/s1/text?as_of=2026-12-07T21:40:00Z", true},
        {"/stats?as_of=1", true},
        {"/sources/s1/facts?as_of=1", false},
        {"/search?q=pact&as_of=1", true},
        {"/changes?as_of=1", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        call_api("GET", cases[i].target, &c);
        if (cases[i].taken)
            cr_expect(c.resp.status == 200 || c.resp.status == 404, "%s: %d", cases[i].target,
                      c.resp.status);
        else
            assert_problem(&c, 400, "/problems/bad-parameter", "as_of");
        call_release(&c);
    }
}

Test(api_params, error_honours_pretty)
{
    call c;
    call_api("GET", "/agreements?pretty=1&limit=0", &c);
    assert_problem(&c, 400, "/problems/bad-parameter", "limit");
    cr_assert(memchr(c.resp.body, '\n', c.resp.len));
    call_release(&c);
}

Test(api_items, single_resources_are_bare_objects)
{
    const char *targets[] = {"/agreements/a2", "/meetings/m2", "/quotes/q1", "/people/p-hegseth"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        call c;
        call_api("GET", targets[i], &c);
        assert_json_ok(&c);
        cr_assert(json_is_object(c.json));
        cr_assert_null(json_object_get(c.json, "data"));
        cr_assert_str_eq(json_string_value(json_object_get(c.json, "id")),
                         strrchr(targets[i], '/') + 1);
        call_release(&c);
    }
}

Test(api_items, contract_fields_of_facts)
{
    call c;
    call_api("GET", "/agreements/a2", &c);
    assert_json_ok(&c);
    const char *agreement[] = {"id",    "name",    "aliases",     "acronym", "signed",
                               "place", "parties", "signatories", "sources"};
    for (size_t k = 0; k < sizeof agreement / sizeof agreement[0]; k++)
        cr_assert(json_object_get(c.json, agreement[k]), "agreement lacks %s", agreement[k]);
    cr_assert_str_eq(json_string_value(json_object_get(c.json, "acronym")), "LEMOA");
    call_release(&c);

    call_api("GET", "/quotes/q2", &c);
    assert_json_ok(&c);
    const json_t *speaker = json_object_get(c.json, "speaker");
    cr_assert(json_is_object(speaker));
    cr_assert(json_is_null(json_object_get(speaker, "name")), "unknown speaker has name null");
    call_release(&c);

    call_api("GET", "/sources", &c);
    assert_json_ok(&c);
    const char *first = json_string_value(
        json_object_get(json_array_get(json_object_get(c.json, "data"), 0), "id"));
    char target[128];
    snprintf(target, sizeof target, "/sources/%s", first);
    call item;
    call_api("GET", target, &item);
    assert_json_ok(&item);
    cr_assert(json_equal(item.json, json_array_get(json_object_get(c.json, "data"), 0)),
              "the item equals its list entry");
    call_release(&item);
    call_release(&c);
}

Test(api_items, unknown_and_malformed_ids_are_404)
{
    char long_id[80];
    memset(long_id, 'a', 65);
    long_id[65] = '\0';
    char max_id[80];
    memset(max_id, 'b', 64);
    max_id[64] = '\0';
    const char *ids[] = {"nope", long_id, max_id, "a1.json", "a%201", "a'1", "\xc3\xa9", "A1"};
    const char *bases[] = {"/sources/", "/agreements/", "/meetings/", "/quotes/", "/people/"};
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
            char target[256];
            call c;
            snprintf(target, sizeof target, "%s%s", bases[b], ids[i]);
            call_api("GET", target, &c);
            assert_problem(&c, 404, "/problems/not-found", NULL);
            call_release(&c);
        }
    }
    call c;
    call_api("GET", "/sources/nope/text", &c);
    assert_problem(&c, 404, "/problems/not-found", "nope");
    call_release(&c);
}

Test(api_items, source_text_is_byte_for_byte)
{
    const char *ids[] = {id_a, id_b};
    const char *texts[] = {text_a, text_b};
    for (size_t i = 0; i < 2; i++) {
        char target[128];
        call c;
        snprintf(target, sizeof target, "/sources/%s/text", ids[i]);
        call_api("GET", target, &c);
        cr_assert_eq(c.resp.status, 200);
        cr_assert_str_eq(c.resp.content_type, "text/plain; charset=utf-8");
        cr_assert_eq(c.resp.len, strlen(texts[i]));
        cr_assert(memcmp(c.resp.body, texts[i], c.resp.len) == 0);
        call_release(&c);
    }
}

Test(api_methods, writes_are_405_with_allow)
{
    const char *methods[] = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "get"};
    const char *targets[] = {"/agreements", "/agreements/a1", "/sources/x/text", "/healthz", "/"};
    for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
        for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
            call c;
            call_api(methods[m], targets[t], &c);
            assert_problem(&c, 405, "/problems/method-not-allowed", NULL);
            cr_assert_str_eq(header(&c, "Allow"), "GET, HEAD");
            call_release(&c);
        }
    }
}

Test(api_methods, write_on_unknown_path_is_404)
{
    call c;
    call_api("POST", "/nowhere", &c);
    assert_problem(&c, 404, "/problems/not-found", NULL);
    cr_assert_null(header(&c, "Allow"));
    call_release(&c);
}

Test(api_methods, head_answers_like_get)
{
    call get, head;
    call_api("GET", "/agreements?limit=2", &get);
    call_api("HEAD", "/agreements?limit=2", &head);
    cr_assert_eq(head.resp.status, 200);
    cr_assert_str_eq(head.resp.content_type, get.resp.content_type);
    cr_assert_eq(head.resp.len, get.resp.len);
    call_release(&get);
    call_release(&head);
}

Test(api_methods, get_with_a_body_is_400)
{
    call c;
    call_store(reader, "GET", "/agreements", true, &c);
    assert_problem(&c, 400, "/problems/bad-request", "body");
    call_release(&c);
}

Test(api_meta, healthz)
{
    call c;
    call_api("GET", "/healthz", &c);
    assert_json_ok(&c);
    cr_assert_str_eq(json_string_value(json_object_get(c.json, "status")), "ok");
    call_release(&c);
}

Test(api_meta, no_database_is_503)
{
    const char *targets[] = {"/healthz", "/agreements", "/sources/x", "/sources/x/text"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        call c;
        call_store(NULL, "GET", targets[i], false, &c);
        assert_problem(&c, 503, "/problems/unavailable", NULL);
        call_release(&c);
    }
    call c;
    call_store(NULL, "GET", "/", false, &c);
    assert_json_ok(&c);
    call_release(&c);
}

Test(api_meta, openapi_document)
{
    call c;
    call_api("GET", "/openapi.yaml", &c);
    assert_problem(&c, 404, "/problems/not-found", "OpenAPI");
    call_release(&c);

    static const char doc[] = "openapi: 3.1.0\ninfo: {title: factd, version: '1'}\n";
    api_set_openapi(doc, strlen(doc));
    call_api("GET", "/openapi.yaml", &c);
    cr_assert_eq(c.resp.status, 200);
    cr_assert_str_eq(c.resp.content_type, "application/yaml; charset=utf-8");
    cr_assert_eq(c.resp.len, strlen(doc));
    cr_assert(memcmp(c.resp.body, doc, c.resp.len) == 0);
    call_release(&c);
}

Test(api_meta, problem_types_resolve)
{
    const char *slugs[] = {"not-found", "bad-parameter", "method-not-allowed",
                           "internal",  "unavailable",   "bad-request"};
    for (size_t i = 0; i < sizeof slugs / sizeof slugs[0]; i++) {
        char target[64], type[64];
        call c;
        snprintf(target, sizeof target, "/problems/%s", slugs[i]);
        snprintf(type, sizeof type, "/problems/%s", slugs[i]);
        call_api("GET", target, &c);
        assert_json_ok(&c);
        cr_assert_str_eq(json_string_value(json_object_get(c.json, "type")), type);
        cr_assert(json_is_string(json_object_get(c.json, "title")));
        cr_assert(json_is_string(json_object_get(c.json, "description")));
        call_release(&c);
    }
    call c;
    call_api("GET", "/problems/teapot", &c);
    assert_problem(&c, 404, "/problems/not-found", NULL);
    call_release(&c);
}

Test(api_meta, every_problem_has_the_four_members)
{
    struct {
        const char *method, *target;
        int status;
    } cases[] = {{"GET", "/x", 404},
                 {"GET", "/agreements?limit=0", 400},
                 {"DELETE", "/quotes", 405},
                 {"GET", "/quotes/none", 404}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        call_api(cases[i].method, cases[i].target, &c);
        cr_assert_eq(c.resp.status, cases[i].status);
        cr_assert_eq(json_object_size(c.json), 4, "%s %s: type, title, status, detail",
                     cases[i].method, cases[i].target);
        call_release(&c);
    }
}

/* --- people --- */

/* The one entry of `list` (an array of {id, ...}) with this id, or NULL. */
static const json_t *entry_with_id(const json_t *list, const char *id)
{
    const json_t *e;
    size_t i;
    json_array_foreach(list, i, e) {
        const char *eid = json_string_value(json_object_get(e, "id"));
        if (eid && strcmp(eid, id) == 0)
            return e;
    }
    return NULL;
}

Test(api_people, detail_lists_agreements_meetings_and_quotes)
{
    call c;
    call_api("GET", "/people/p-rajnath", &c);
    assert_json_ok(&c);
    cr_assert_str_eq(json_string_value(json_object_get(c.json, "name")), "Rajnath Singh");
    cr_assert_str_eq(json_string_value(json_object_get(c.json, "title")), "Defence Minister");
    cr_assert(json_is_array(json_object_get(c.json, "aliases")));

    const json_t *agreements = json_object_get(c.json, "agreements");
    cr_assert_eq(json_array_size(agreements), 1);
    const json_t *a = json_array_get(agreements, 0);
    cr_assert_str_eq(json_string_value(json_object_get(a, "id")), "a1");
    cr_assert_str_eq(json_string_value(json_object_get(a, "name")), "Framework for Defence");
    cr_assert_str_eq(json_string_value(json_object_get(a, "signed")), "2025-10-31");

    cr_assert_eq(json_array_size(json_object_get(c.json, "meetings")), 0,
                 "the fixture's meeting names only Hegseth by id");
    const json_t *quotes = json_object_get(c.json, "quotes");
    cr_assert_eq(json_array_size(quotes), 1);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(quotes, 0), "id")), "q1");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(quotes, 0), "text")),
                     "This is a new era,");

    const json_t *counts = json_object_get(c.json, "counts");
    cr_assert_eq(json_integer_value(json_object_get(counts, "agreements")), 1);
    cr_assert_eq(json_integer_value(json_object_get(counts, "meetings")), 0);
    cr_assert_eq(json_integer_value(json_object_get(counts, "quotes")), 1);
    call_release(&c);

    call_api("GET", "/people/p-hegseth", &c);
    assert_json_ok(&c);
    const json_t *meetings = json_object_get(c.json, "meetings");
    cr_assert_eq(json_array_size(meetings), 1);
    const json_t *m = json_array_get(meetings, 0);
    cr_assert_str_eq(json_string_value(json_object_get(m, "id")), "m1");
    cr_assert_str_eq(json_string_value(json_object_get(m, "date")), "2025-10-31");
    cr_assert_str_eq(json_string_value(json_object_get(m, "place")), "Kuala Lumpur");
    cr_assert_eq(json_array_size(json_object_get(c.json, "quotes")), 0,
                 "q2's speaker is unknown, not Hegseth");
    call_release(&c);
}

Test(api_people, list_is_compact_and_agrees_with_the_detail)
{
    call list;
    call_api("GET", "/people?limit=1000", &list);
    assert_json_ok(&list);
    const json_t *p;
    size_t i;
    json_array_foreach(json_object_get(list.json, "data"), i, p) {
        const char *fields[] = {"id", "name", "title", "aliases", "counts"};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            cr_assert(json_object_get(p, fields[k]), "person lacks %s", fields[k]);
        cr_assert_null(json_object_get(p, "quotes"), "the list carries counts, not facts");

        char target[128];
        call item;
        snprintf(target, sizeof target, "/people/%s", json_string_value(json_object_get(p, "id")));
        call_api("GET", target, &item);
        assert_json_ok(&item);
        const char *key;
        const json_t *value;
        json_object_foreach((json_t *)p, key, value)
            cr_assert(json_equal(value, json_object_get(item.json, key)), "%s: %s differs", target,
                      key);
        const char *members[] = {"agreements", "meetings", "quotes"};
        for (size_t k = 0; k < 3; k++)
            cr_assert_eq(json_array_size(json_object_get(item.json, members[k])),
                         (size_t)json_integer_value(
                             json_object_get(json_object_get(p, "counts"), members[k])),
                         "%s: counts.%s", target, members[k]);
        call_release(&item);
    }
    call_release(&list);
}

Test(api_people, every_person_id_of_a_fact_resolves)
{
    /* Each list, the member naming its people (a list, or the one speaker), and the member of
     * a person that lists those facts. */
    static const struct {
        const char *list, *refs, *person_member;
    } kinds[] = {{"/agreements", "signatories", "agreements"},
                 {"/meetings", "participants", "meetings"},
                 {"/quotes", "speaker", "quotes"}};
    int seen = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        call c;
        call_api("GET", kinds[k].list, &c);
        assert_json_ok(&c);
        const json_t *fact;
        size_t i;
        json_array_foreach(json_object_get(c.json, "data"), i, fact) {
            json_t *refs = json_object_get(fact, kinds[k].refs);
            refs = json_is_array(refs) ? json_incref(refs) : json_pack("[O]", refs);
            const json_t *ref;
            size_t j;
            json_array_foreach(refs, j, ref) {
                cr_assert(json_object_get(ref, "name") && json_object_get(ref, "title"),
                          "%s: a person reference keeps name and title", kinds[k].list);
                cr_assert(json_object_get(ref, "person_id"), "%s: a person reference has person_id",
                          kinds[k].list);
                const char *pid = json_string_value(json_object_get(ref, "person_id"));
                if (!pid)
                    continue;
                char target[128];
                call p;
                snprintf(target, sizeof target, "/people/%s", pid);
                call_api("GET", target, &p);
                assert_json_ok(&p);
                const char *fact_id = json_string_value(json_object_get(fact, "id"));
                cr_assert(entry_with_id(json_object_get(p.json, kinds[k].person_member), fact_id),
                          "%s does not list %s %s", target, kinds[k].person_member, fact_id);
                call_release(&p);
                seen++;
            }
            json_decref(refs);
        }
        call_release(&c);
    }
    cr_assert_eq(seen, 3, "a1's signatory, m1's participant, q1's speaker");
}

Test(api_people, unknown_person_is_404)
{
    call c;
    call_api("GET", "/people/p-nobody", &c);
    assert_problem(&c, 404, "/problems/not-found", "p-nobody");
    call_release(&c);
}

/* --- filters, sorting, cursors, counts, fields, evidence and formats --- */

/* The ids of a list answer's items, joined by commas. */
static void list_ids(const call *c, char *out, size_t size)
{
    const json_t *item;
    size_t i, used = 0;
    out[0] = '\0';
    json_array_foreach(json_object_get(c->json, "data"), i, item) {
        int n = snprintf(out + used, size - used, "%s%s", i ? "," : "",
                         json_string_value(json_object_get(item, "id")));
        cr_assert(n > 0 && (size_t)n < size - used);
        used += (size_t)n;
    }
}

/* Asserts that GET target answers a list whose ids are `want` (comma-joined). */
static void assert_ids(const char *target, const char *want)
{
    char got[256];
    call c;
    call_api("GET", target, &c);
    assert_json_ok(&c);
    list_ids(&c, got, sizeof got);
    cr_assert_str_eq(got, want, "%s", target);
    call_release(&c);
}

Test(api_query, agreement_filters, .init = setup, .fini = teardown)
{
    assert_ids("/agreements?party=india", "a1");
    assert_ids("/agreements?party=United States", "a1");
    assert_ids("/agreements?party=France", "");
    assert_ids("/agreements?acronym=lemoa", "a2");
    assert_ids("/agreements?signatory=p-rajnath", "a1");
    assert_ids("/agreements?signatory=RAJNATH SINGH", "a1");
    assert_ids("/agreements?signatory=p-hegseth", "");
    /* Dates overlap at the coarser precision; undated agreements never match. */
    assert_ids("/agreements?signed_from=2020", "a1");
    assert_ids("/agreements?signed_to=2016", "a2");
    assert_ids("/agreements?signed_from=2016-06&signed_to=2016-07-01", "a2");
    assert_ids("/agreements?signed_from=2025-11", "");
    assert_ids("/agreements?signed_from=2025-10-31&signed_to=2025-10-31", "a1");
    assert_ids("/agreements?party=india&signed_to=2020", "");
}

Test(api_query, meeting_and_quote_filters, .init = setup, .fini = teardown)
{
    char target[128];
    /* A person by id, name or alias, in any case. */
    assert_ids("/meetings?participant=pete hegseth", "m1");
    assert_ids("/meetings?participant=p-hegseth", "m1");
    assert_ids("/meetings?participant=p-rajnath", "");
    assert_ids("/meetings?place=KUALA LUMPUR", "m1");
    assert_ids("/meetings?from=2025-10", "m1");
    assert_ids("/meetings?min_sources=2", "m1");
    assert_ids("/meetings?min_sources=3", "");
    assert_ids("/quotes?speaker=Rajnath Singh", "q1");
    assert_ids("/quotes?speaker=p-rajnath", "q1");
    assert_ids("/quotes?speaker=p-hegseth", "");
    snprintf(target, sizeof target, "/quotes?source_id=%s", id_b);
    assert_ids(target, "q2");
    snprintf(target, sizeof target, "/meetings?source_id=%s", id_a);
    assert_ids(target, "m1");
    snprintf(target, sizeof target, "/agreements?source_id=%s", id_b);
    assert_ids(target, "");
    /* The fixture's articles have no publication date: no quote lies in any period. */
    assert_ids("/quotes?from=2000", "");
}

Test(api_query, bad_filter_values_are_400_naming_the_parameter, .init = setup, .fini = teardown)
{
    static const struct {
        const char *target, *word;
    } cases[] = {
        {"/agreements?signed_from=2025-13", "signed_from"},
        {"/agreements?signed_to=2025-02-30", "signed_to"},
        {"/agreements?signed_from=25", "signed_from"},
        {"/meetings?from=yesterday", "from"},
        {"/quotes?min_sources=0", "min_sources"},
        {"/quotes?min_sources=-1", "min_sources"},
        {"/quotes?min_sources=99999999999", "min_sources"},
        {"/quotes?source_id=a/b", "source_id"},
        {"/agreements?sort=date", "sort"},
        {"/agreements?sort=--signed", "sort"},
        {"/agreements?count=yes", "count"},
        {"/agreements?fields=name,nope", "nope"},
        {"/agreements?fields=name,,id", "fields"},
        {"/agreements?format=xml", "format"},
        {"/agreements?evidence=some", "evidence"},
        {"/agreements?cursor=!!", "cursor"},
        {"/agreements?cursor=abcd", "cursor"},
        {"/agreements?participant=x", "participant"},
        {"/meetings?party=India", "party"},
        {"/people?evidence=none", "evidence"},
        {"/people/p-rajnath?evidence=none", "evidence"},
        {"/agreements?after=a1&cursor=WyJzaWduZWQiXQ", "cursor"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call c;
        call_api("GET", cases[i].target, &c);
        assert_problem(&c, 400, "/problems/bad-parameter", cases[i].word);
        call_release(&c);
    }
}

Test(api_query, sort_orders_with_nulls_last, .init = setup, .fini = teardown)
{
    assert_ids("/agreements", "a2,a1,a3");
    assert_ids("/agreements?sort=signed", "a2,a1,a3");
    assert_ids("/agreements?sort=-signed", "a1,a2,a3");
    assert_ids("/agreements?sort=name", "a1,a2,a3");
    assert_ids("/agreements?sort=-name", "a3,a2,a1");
    assert_ids("/agreements?sort=-id", "a3,a2,a1");
    assert_ids("/meetings?sort=-sources", "m1,m2");
    assert_ids("/meetings?sort=sources", "m2,m1");
    assert_ids("/quotes?sort=speaker", "q1,q2");
    assert_ids("/quotes?sort=-speaker", "q1,q2");
    assert_ids("/people?sort=-name", "p-rajnath,p-hegseth");
}

/* Follows next links from target, one item per page; the ids seen, comma-joined. */
static void walk_pages(const char *target, char *out, size_t size)
{
    char url[1024];
    size_t used = 0;
    snprintf(url, sizeof url, "%s", target);
    out[0] = '\0';
    for (int pages = 0;; pages++) {
        call c;
        cr_assert_lt(pages, 10, "paging does not end");
        call_api("GET", url, &c);
        assert_json_ok(&c);
        json_t *data = json_object_get(c.json, "data");
        cr_assert_leq(json_array_size(data), 1);
        if (json_array_size(data)) {
            int n = snprintf(out + used, size - used, "%s%s", used ? "," : "",
                             json_string_value(json_object_get(json_array_get(data, 0), "id")));
            used += (size_t)n;
        }
        const char *next = json_string_value(json_object_get(c.json, "next"));
        const char *link = header(&c, "Link");
        if (!next) {
            cr_assert_null(link, "no Link header on the last page");
            call_release(&c);
            break;
        }
        char want[1100];
        snprintf(want, sizeof want, "<%s>; rel=\"next\"", next);
        cr_assert_str_eq(link, want);
        cr_assert(strstr(next, "limit=1"), "next '%s' keeps the limit", next);
        snprintf(url, sizeof url, "%s", next);
        call_release(&c);
    }
}

Test(api_query, cursors_page_through_every_sort, .init = setup, .fini = teardown)
{
    char ids[256];
    walk_pages("/agreements?limit=1&sort=-signed", ids, sizeof ids);
    cr_assert_str_eq(ids, "a1,a2,a3");
    walk_pages("/agreements?limit=1&sort=-name&party=india", ids, sizeof ids);
    cr_assert_str_eq(ids, "a1");
    walk_pages("/meetings?limit=1&sort=-sources", ids, sizeof ids);
    cr_assert_str_eq(ids, "m1,m2");
    walk_pages("/quotes?limit=1&sort=speaker", ids, sizeof ids);
    cr_assert_str_eq(ids, "q1,q2");
    walk_pages("/people?limit=1&sort=name", ids, sizeof ids);
    cr_assert_str_eq(ids, "p-hegseth,p-rajnath");

    /* A cursor made for one sort is refused by another. */
    call c, other;
    call_api("GET", "/agreements?limit=1&sort=-signed", &c);
    const char *next = json_string_value(json_object_get(c.json, "next"));
    const char *cursor = strstr(next, "cursor=");
    cr_assert(cursor);
    char target[512];
    snprintf(target, sizeof target, "/agreements?sort=name&%s", cursor);
    call_api("GET", target, &other);
    assert_problem(&other, 400, "/problems/bad-parameter", "cursor");
    call_release(&other);
    call_release(&c);
}

Test(api_query, count_exact_gives_the_total_of_every_page, .init = setup, .fini = teardown)
{
    call c;
    call_api("GET", "/agreements?limit=1&count=exact", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_integer_value(json_object_get(c.json, "total")), 3);
    cr_assert_str_eq(header(&c, "X-Total-Count"), "3");
    call_release(&c);
    call_api("GET", "/agreements?party=india&count=exact", &c);
    cr_assert_eq(json_integer_value(json_object_get(c.json, "total")), 1);
    call_release(&c);
    call_api("GET", "/agreements", &c);
    cr_assert_null(json_object_get(c.json, "total"), "no total unless asked");
    cr_assert_null(header(&c, "X-Total-Count"));
    call_release(&c);
}

Test(api_query, fields_and_evidence_shape_the_items, .init = setup, .fini = teardown)
{
    call c;
    call_api("GET", "/agreements?fields=name,signed", &c);
    assert_json_ok(&c);
    json_t *first = json_array_get(json_object_get(c.json, "data"), 0);
    cr_assert_eq(json_object_size(first), 3, "id, name and signed");
    cr_assert(json_object_get(first, "id") && json_object_get(first, "name") &&
              json_object_get(first, "signed"));
    call_release(&c);

    call_api("GET", "/quotes/q1?fields=text", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_object_size(c.json), 2);
    call_release(&c);

    call_api("GET", "/meetings/m1?evidence=none", &c);
    assert_json_ok(&c);
    cr_assert_null(json_object_get(c.json, "sources"));
    cr_assert_eq(json_integer_value(json_object_get(c.json, "source_count")), 2);
    call_release(&c);

    call_api("GET", "/meetings?evidence=ids", &c);
    assert_json_ok(&c);
    json_t *sources = json_object_get(json_array_get(json_object_get(c.json, "data"), 0),
                                      "sources");
    cr_assert_eq(json_array_size(sources), 2);
    json_t *ev = json_array_get(sources, 0);
    cr_assert(json_object_get(ev, "source_id") && json_object_get(ev, "start") &&
              json_object_get(ev, "end"));
    cr_assert_null(json_object_get(ev, "excerpt"), "ids leave the excerpt out");
    call_release(&c);

    call_api("GET", "/meetings/m1", &c);
    ev = json_array_get(json_object_get(c.json, "sources"), 0);
    cr_assert(json_is_string(json_object_get(ev, "excerpt")), "full evidence by default");
    call_release(&c);
}

Test(api_query, csv_and_ndjson_by_parameter_or_accept, .init = setup, .fini = teardown)
{
    call c;
    call_api("GET", "/agreements?format=csv&fields=name,signed", &c);
    cr_assert_eq(c.resp.status, 200);
    cr_assert_str_eq(c.resp.content_type, "text/csv; charset=utf-8; header=present");
    cr_assert_str_eq(c.resp.body ? c.resp.body : "",
                     "id,name,signed\r\n"
                     "a2,Logistics Exchange Memorandum of Agreement,2016\r\n"
                     "a1,Framework for Defence,2025-10-31\r\n"
                     "a3,Unsourced Pact,\r\n");
    call_release(&c);

    /* A comma inside a value is quoted; a list of names is joined; Accept picks CSV. */
    call_accept = "text/html;q=0.9, text/csv";
    call_api("GET", "/quotes?fields=text,speaker", &c);
    cr_assert_str_eq(c.resp.content_type, "text/csv; charset=utf-8; header=present");
    cr_assert(strstr(c.resp.body, "q1,\"This is a new era,\",Rajnath Singh\r\n"), "%s",
              c.resp.body);
    call_release(&c);

    call_api("GET", "/meetings?format=csv&fields=participants&party=x", &c);
    assert_problem(&c, 400, "/problems/bad-parameter", "party");
    call_release(&c);

    call_api("GET", "/meetings?format=csv&fields=participants", &c);
    cr_assert(strstr(c.resp.body, "m1,Peter Hegseth\r\n"), "%s", c.resp.body);
    call_release(&c);

    /* An empty list still has its header row. */
    call_api("GET", "/agreements?format=csv&party=nobody&fields=name", &c);
    cr_assert_str_eq(c.resp.body ? c.resp.body : "", "id,name\r\n");
    call_release(&c);

    call_accept = "application/x-ndjson";
    call_api("GET", "/quotes", &c);
    cr_assert_str_eq(c.resp.content_type, "application/x-ndjson; charset=utf-8");
    size_t lines = 0;
    for (const char *line = c.resp.body; line && *line; lines++) {
        const char *end = strchr(line, '\n');
        cr_assert(end, "every line ends with a newline");
        json_t *item = json_loadb(line, (size_t)(end - line), 0, NULL);
        cr_assert(json_is_object(item), "line %zu is one JSON object", lines);
        json_decref(item);
        line = end + 1;
    }
    cr_assert_eq(lines, 2);
    call_release(&c);

    /* format= wins over Accept; a browser's Accept gets JSON. */
    call_accept = "text/csv";
    call_api("GET", "/quotes?format=json", &c);
    assert_json_ok(&c);
    call_release(&c);
    call_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    call_api("GET", "/quotes", &c);
    assert_json_ok(&c);
    call_release(&c);
}

/* Text a spreadsheet would run as a formula (= + - @, a tab or a carriage return first) gets
 * a single quote in front of it in CSV, lists of names included; numbers stay numbers. */
Test(api_query, csv_cells_that_would_run_as_formulas_start_with_a_quote, .init = setup,
     .fini = teardown)
{
    char *err = NULL;
    store *writer = store_open(db_path, false, &err);
    cr_assert(writer, "store_open: %s", err ? err : "?");
    test_db_replace_facts(
        writer,
        "{\"people\": [], \"meetings\": [], \"quotes\": [],"
        " \"agreements\": [{\"id\": \"a9\", \"name\": \"=HYPERLINK(\\\"http://x.example/\\\",\\\"y\\\")\","
        "   \"aliases\": [\"\\tTabbed\", \"Plain\"], \"acronym\": \"+SUM(A1)\", \"signed\": null,"
        "   \"place\": \"@cmd\", \"parties\": [\"-2+3\", \"India\"], \"signatories\": [],"
        "   \"rule\": \"\\rreturn\", \"confidence\": 0.5, \"evidence\": []},"
        "  {\"id\": \"a8\", \"name\": \"Plain - dash inside\", \"aliases\": [], \"acronym\": null,"
        "   \"signed\": null, \"place\": null, \"parties\": [], \"signatories\": [],"
        "   \"rule\": \"test\", \"confidence\": 1, \"evidence\": []}]}");
    store_close(writer);

    call c;
    call_api("GET",
             "/agreements?format=csv&sort=id&fields=name,aliases,acronym,place,parties,rule,"
             "confidence",
             &c);
    cr_assert_eq(c.resp.status, 200);
    cr_assert_str_eq(c.resp.body ? c.resp.body : "",
                     "id,name,aliases,acronym,place,parties,rule,confidence\r\n"
                     "a8,Plain - dash inside,,,,,test,1\r\n"
                     "a9,\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"y\"\")\",'\tTabbed; Plain,"
                     "'+SUM(A1),'@cmd,'-2+3; India,\"'\rreturn\",0.5\r\n");
    call_release(&c);
}

/* A fact with more spans than STORE_EVIDENCE_INLINE shows the first ten and counts them all;
 * its evidence pages hold every span once.  Spans are one code point each of text_b. */
static void replace_with_spread_evidence(int spans_a1, int spans_q1)
{
    char *err = NULL;
    store *writer = store_open(db_path, false, &err);
    cr_assert(writer, "store_open: %s", err ? err : "?");
    json_t *ev_a = json_array(), *ev_q = json_array();
    for (int i = 0; i < spans_a1; i++)
        json_array_append_new(ev_a, json_pack("{s:s, s:i, s:i}", "source_id", id_b, "start", i,
                                              "end", i + 1));
    for (int i = 0; i < spans_q1; i++)
        json_array_append_new(ev_q, json_pack("{s:s, s:i, s:i}", "source_id", id_b, "start", 20 + i,
                                              "end", 21 + i));
    json_t *facts = json_pack(
        "{s:[], s:[], s:[{s:s, s:s, s:[], s:n, s:n, s:n, s:[], s:[], s:s, s:f, s:o}],"
        " s:[{s:s, s:s, s:{s:n, s:n, s:n}, s:n, s:s, s:f, s:o}]}",
        "people", "meetings", "agreements", "id", "a1", "name", "Spread Pact", "aliases", "acronym",
        "signed", "place", "parties", "signatories", "rule", "test", "confidence", 0.5, "evidence",
        ev_a, "quotes", "id", "q1", "text", "Spread quote", "speaker", "person_id", "name", "title",
        "cue", "rule", "test", "confidence", 0.5, "evidence", ev_q);
    cr_assert(facts);
    cr_assert_eq(store_replace_facts(writer, facts), STORE_OK, "%s", store_errmsg(writer));
    json_decref(facts);
    store_close(writer);
}

Test(api_items, evidence_past_ten_spans_is_counted_and_paged)
{
    replace_with_spread_evidence(11, 10);
    call c;
    call_api("GET", "/agreements/a1", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_array_size(json_object_get(c.json, "sources")), 10);
    cr_assert_eq(json_integer_value(json_object_get(c.json, "evidence_total")), 11);
    cr_assert_eq(json_integer_value(json_object_get(c.json, "source_count")), 1);
    cr_assert_str_eq(json_string_value(json_object_get(c.json, "evidence")),
                     "/agreements/a1/evidence");
    json_t *inline_spans = json_incref(json_object_get(c.json, "sources"));
    call_release(&c);

    call_api("GET", "/quotes?evidence=ids", &c);
    assert_json_ok(&c);
    json_t *quote = json_array_get(json_object_get(c.json, "data"), 0);
    cr_assert_eq(json_array_size(json_object_get(quote, "sources")), 10);
    cr_assert_eq(json_integer_value(json_object_get(quote, "evidence_total")), 10);
    cr_assert_null(
        json_object_get(json_array_get(json_object_get(quote, "sources"), 0), "excerpt"));
    call_release(&c);

    call_api("GET", "/quotes/q1?evidence=none", &c);
    assert_json_ok(&c);
    cr_assert_null(json_object_get(c.json, "sources"));
    cr_assert_null(json_object_get(c.json, "evidence_total"));
    cr_assert_str_eq(json_string_value(json_object_get(c.json, "evidence")), "/quotes/q1/evidence");
    call_release(&c);

    /* Pages of four: 4 + 4 + 3, in order, the first ten the inline ones. */
    char target[256] = "/agreements/a1/evidence?limit=4&count=exact";
    json_t *all = json_array();
    for (int pages = 0; target[0]; pages++) {
        cr_assert_lt(pages, 3);
        call_api("GET", target, &c);
        assert_json_ok(&c);
        cr_assert_eq(json_integer_value(json_object_get(c.json, "total")), 11);
        json_array_extend(all, json_object_get(c.json, "data"));
        const char *next = json_string_value(json_object_get(c.json, "next"));
        snprintf(target, sizeof target, "%s", next ? next : "");
        call_release(&c);
    }
    cr_assert_eq(json_array_size(all), 11);
    for (size_t i = 0; i < 11; i++) {
        json_t *span = json_array_get(all, i);
        cr_assert_eq(json_integer_value(json_object_get(span, "start")), (json_int_t)i);
        cr_assert(json_is_string(json_object_get(span, "excerpt")));
        if (i < 10)
            cr_assert(json_equal(span, json_array_get(inline_spans, i)), "span %zu", i);
    }
    json_decref(all);
    json_decref(inline_spans);

    call_api("GET", "/meetings/m1/evidence", &c);
    assert_problem(&c, 404, "/problems/not-found", "meeting");
    call_release(&c);
    call_api("GET", "/agreements/a1/evidence?cursor=WyJldmlkZW5jZSJd", &c);
    assert_problem(&c, 400, "/problems/bad-parameter", "cursor");
    call_release(&c);
    call_api("GET", "/agreements/a1/evidence?fields=name", &c);
    assert_problem(&c, 400, "/problems/bad-parameter", "fields");
    call_release(&c);
}

/* --- views --- */

Test(api_views, timeline_lists_agreements_and_meetings_by_date, .init = setup, .fini = teardown)
{
    char ids[256];
    call c;
    /* a2 2016 (year), a1 2025-10-31 and m1 2025-10-31 (day: agreement before meeting), then
     * the undated a3 and m2. */
    assert_ids("/timeline", "a2,a1,m1,a3,m2");
    assert_ids("/timeline?sort=-date", "m1,a1,a2,m2,a3");
    assert_ids("/timeline?kind=meeting", "m1,m2");
    assert_ids("/timeline?from=2020&to=2025-10", "a1,m1");
    assert_ids("/timeline?min_sources=2", "m1");
    walk_pages("/timeline?limit=1", ids, sizeof ids);
    cr_assert_str_eq(ids, "a2,a1,m1,a3,m2");
    walk_pages("/timeline?limit=1&sort=-date&kind=agreement", ids, sizeof ids);
    cr_assert_str_eq(ids, "a1,a2,a3");

    call_api("GET", "/timeline?count=exact", &c);
    assert_json_ok(&c);
    cr_assert_eq(json_integer_value(json_object_get(c.json, "total")), 5);
    json_t *data = json_object_get(c.json, "data");
    json_t *a2 = json_array_get(data, 0), *m1 = json_array_get(data, 2),
           *m2 = json_array_get(data, 4);
    cr_assert_str_eq(json_string_value(json_object_get(a2, "precision")), "year");
    cr_assert_str_eq(json_string_value(json_object_get(a2, "label")),
                     "Logistics Exchange Memorandum of Agreement (LEMOA)");
    cr_assert_str_eq(json_string_value(json_object_get(m1, "precision")), "day");
    cr_assert_str_eq(json_string_value(json_object_get(m1, "label")),
                     "Meeting of Peter Hegseth in Kuala Lumpur");
    cr_assert(json_is_null(json_object_get(m2, "date")) &&
              json_is_null(json_object_get(m2, "precision")));
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(m1, "fact"), "place")),
                     "Kuala Lumpur", "each entry carries its fact");
    call_release(&c);

    static const char *const bad[][2] = {{"/timeline?kind=quote", "kind"},
                                         {"/timeline?sort=label", "sort"},
                                         {"/timeline?fields=fact,nope", "nope"},
                                         {"/timeline?party=India", "party"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        call_api("GET", bad[i][0], &c);
        assert_problem(&c, 400, "/problems/bad-parameter", bad[i][1]);
        call_release(&c);
    }
}

Test(api_views, source_facts_has_everything_one_article_says, .init = setup, .fini = teardown)
{
    char target[128];
    call c;
    snprintf(target, sizeof target, "/sources/%s/facts", id_b);
    call_api("GET", target, &c);
    assert_json_ok(&c);
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(c.json, "source"), "id")),
                     id_b);
    cr_assert_eq(json_array_size(json_object_get(c.json, "agreements")), 0);
    cr_assert_eq(json_array_size(json_object_get(c.json, "meetings")), 1);
    cr_assert_eq(json_array_size(json_object_get(c.json, "quotes")), 1);
    json_t *people = json_object_get(c.json, "people");
    cr_assert_eq(json_array_size(people), 1, "Hegseth takes part in m1; q2 has no speaker");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(people, 0), "id")),
                     "p-hegseth");
    call_release(&c);

    snprintf(target, sizeof target, "/sources/%s/facts?evidence=none", id_a);
    call_api("GET", target, &c);
    assert_json_ok(&c);
    cr_assert_eq(json_array_size(json_object_get(c.json, "agreements")), 2);
    cr_assert_null(
        json_object_get(json_array_get(json_object_get(c.json, "agreements"), 0), "sources"));
    call_release(&c);

    call_api("GET", "/sources/000000000000/facts", &c);
    assert_problem(&c, 404, "/problems/not-found", "000000000000");
    call_release(&c);
}

Test(api_query, sources_q_searches_the_article_text, .init = setup, .fini = teardown)
{
    char want[64];
    call c;
    assert_ids("/sources?q=washington", id_b);
    assert_ids("/sources?q=\"new era\"", id_a);
    assert_ids("/sources?q=Kual*", id_a);
    assert_ids("/sources?q=caf\xc3\xa9", id_b);
    assert_ids("/sources?q=nowhere", "");
    snprintf(want, sizeof want, "%s", strcmp(id_a, id_b) < 0 ? id_a : id_b);
    strcat(want, ",");
    strcat(want, strcmp(id_a, id_b) < 0 ? id_b : id_a);
    assert_ids("/sources?q=Rajnath", want);
    call_api("GET", "/sources?q=washington AND", &c);
    assert_problem(&c, 400, "/problems/bad-parameter", "q");
    call_release(&c);
    call_api("GET", "/sources?q=\"unclosed", &c);
    assert_problem(&c, 400, "/problems/bad-parameter", "q");
    call_release(&c);
}
