/* Integration tests of paging and evidence over real HTTP.
 *
 * Paging: for every list, following `next` with limit=1 and limit=2 visits exactly the ids of
 * one limit=1000 request, in the same order, without repeats; every page but the last is full.
 * Evidence: every fact's excerpt is the slice of its source's text between start and end,
 * counted in code points (decoded here, independently of the server's code).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/integration/harness.h"

static const char *const lists[] = {"/sources", "/agreements", "/meetings", "/quotes", "/people"};
#define NLISTS (sizeof lists / sizeof lists[0])


/* Follows next links from `first`; returns every id in the order seen (a new array). */
static json_t *walk(const char *list, const char *first, int limit)
{
    json_t *ids = json_array();
    char path[512];
    int pages = 0;

    snprintf(path, sizeof path, "%s", first);
    for (;;) {
        json_t *page = http_get_json_ok(path);
        const json_t *data = json_object_get(page, "data");
        const json_t *next = json_object_get(page, "next");
        const json_t *item;
        size_t i;
        cr_assert(json_is_array(data), "%s: data", path);
        cr_assert_leq(json_array_size(data), (size_t)limit, "%s: more than limit", path);
        json_array_foreach(data, i, item) {
            json_array_append(ids, json_object_get(item, "id"));
        }
        pages++;
        cr_assert_lt(pages, 10000, "%s: paging does not end", list);
        if (json_is_null(next)) {
            cr_assert(json_array_size(data) > 0 || pages == 1, "%s: an empty last page", path);
            json_decref(page);
            break;
        }
        cr_assert(json_is_string(next), "%s: next is neither null nor a string", path);
        const char *link = json_string_value(next);
        cr_assert_eq(json_array_size(data), (size_t)limit, "%s: a page before the last is not full",
                     path);
        cr_assert(link[0] == '/' && strncmp(link, list, strlen(list)) == 0 &&
                      link[strlen(list)] == '?',
                  "next '%s' is not a relative URL of %s", link, list);
        cr_assert(strstr(link, "cursor="), "next '%s' has no cursor", link);
        snprintf(path, sizeof path, "%s", link);
        json_decref(page);
    }
    return ids;
}

static void assert_no_repeats(const json_t *ids, const char *what)
{
    for (size_t i = 0; i < json_array_size(ids); i++)
        for (size_t k = i + 1; k < json_array_size(ids); k++)
            cr_assert_not(json_equal(json_array_get(ids, i), json_array_get(ids, k)),
                          "%s: id %s repeated", what, json_string_value(json_array_get(ids, i)));
}

TestSuite(http_paging, .init = harness_start, .fini = harness_stop);
TestSuite(http_evidence, .init = harness_start, .fini = harness_stop);

Test(http_paging, following_next_visits_every_id_once_in_order)
{
    for (size_t l = 0; l < NLISTS; l++) {
        char first[128];
        snprintf(first, sizeof first, "%s?limit=1000", lists[l]);
        json_t *all = walk(lists[l], first, 1000);
        assert_no_repeats(all, lists[l]);
        for (int limit = 1; limit <= 2; limit++) {
            snprintf(first, sizeof first, "%s?limit=%d", lists[l], limit);
            json_t *paged = walk(lists[l], first, limit);
            cr_assert(json_equal(all, paged), "%s: limit=%d visits other ids than limit=1000",
                      lists[l], limit);
            json_decref(paged);
        }
        json_decref(all);
    }
}

Test(http_paging, sources_span_several_pages)
{
    json_t *ids = walk("/sources", "/sources?limit=2", 2);
    cr_assert_eq(json_array_size(ids), 5);
    json_decref(ids);

    json_t *page = http_get_json_ok("/sources?limit=2");
    cr_assert(json_is_string(json_object_get(page, "next")));
    json_decref(page);
    page = http_get_json_ok("/sources?limit=5");
    cr_assert(json_is_null(json_object_get(page, "next")), "exactly five: no next page");
    json_decref(page);
}

Test(http_paging, default_page_is_fifty)
{
    json_t *all = http_get_json_ok("/sources");
    cr_assert_leq(json_array_size(json_object_get(all, "data")), 50);
    json_decref(all);
}

/* Looks up a source's text by id, fetching and caching it. */
typedef struct text_cache {
    char id[80];
    http_reply text;
} text_cache;

static const http_reply *source_text(text_cache *cache, size_t *n, const char *id)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(cache[i].id, id) == 0)
            return &cache[i].text;
    cr_assert_lt(*n, 64);
    text_cache *c = &cache[(*n)++];
    char path[160];
    snprintf(c->id, sizeof c->id, "%s", id);
    snprintf(path, sizeof path, "/sources/%s/text", id);
    http_reply_init(&c->text);
    cr_assert(http_get(path, &c->text));
    cr_assert_eq(c->text.status, 200, "evidence names source %s, which has no text", id);
    return &c->text;
}

Test(http_evidence, excerpts_are_code_point_slices_of_the_source_text)
{
    const char *facts[] = {"/agreements?limit=1000", "/meetings?limit=1000", "/quotes?limit=1000"};
    text_cache cache[64];
    size_t ncache = 0, checked = 0;

    for (size_t f = 0; f < sizeof facts / sizeof facts[0]; f++) {
        json_t *doc = http_get_json_ok(facts[f]);
        const json_t *fact;
        size_t i;
        json_array_foreach(json_object_get(doc, "data"), i, fact) {
            cr_assert(json_is_array(json_object_get(fact, "sources")), "%s[%zu]: sources", facts[f],
                      i);
            /* Every span, those past the inline ones from the fact's evidence pages too. */
            json_t *sources = http_fact_evidence(fact);
            const json_t *ev;
            size_t k;
            json_array_foreach(sources, k, ev) {
                const char *source_id = json_string_value(json_object_get(ev, "source_id"));
                const json_t *start = json_object_get(ev, "start"),
                             *end = json_object_get(ev, "end");
                const char *excerpt = json_string_value(json_object_get(ev, "excerpt"));
                cr_assert(source_id && json_is_integer(start) && json_is_integer(end) && excerpt,
                          "%s[%zu] evidence %zu lacks source_id/start/end/excerpt", facts[f], i, k);
                const http_reply *text = source_text(cache, &ncache, source_id);
                json_int_t s = json_integer_value(start), e = json_integer_value(end);
                cr_assert(s >= 0 && e >= s, "%s[%zu]: span [%lld, %lld)", facts[f], i, (long long)s,
                          (long long)e);
                size_t bs = test_cp_to_byte(text->body.buf, text->body.len, (size_t)s);
                size_t be = test_cp_to_byte(text->body.buf, text->body.len, (size_t)e);
                cr_assert(bs != (size_t)-1 && be != (size_t)-1, "%s[%zu]: span past the text",
                          facts[f], i);
                cr_assert_eq(strlen(excerpt), be - bs, "%s[%zu]: excerpt '%s' vs text '%.*s'",
                             facts[f], i, excerpt, (int)(be - bs), text->body.buf + bs);
                cr_assert(memcmp(excerpt, text->body.buf + bs, be - bs) == 0,
                          "%s[%zu]: excerpt '%s' vs text '%.*s'", facts[f], i, excerpt,
                          (int)(be - bs), text->body.buf + bs);
                checked++;
            }
            json_decref(sources);
        }
        json_decref(doc);
    }
    for (size_t i = 0; i < ncache; i++)
        http_reply_release(&cache[i].text);
    cr_log_info("checked %zu evidence spans", checked);
}
