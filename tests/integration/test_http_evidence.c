/* Integration tests of answers that corroboration would balloon: a store where one agreement,
 * one meeting and one long quote are reported by every one of a few hundred articles, and
 * thirty other long quotes by ten articles each.
 *
 * What a client relies on there, as openapi.yaml documents it:
 *   - a fact carries at most ten evidence spans inline, each article's first span before any
 *     article's second, in the order of its evidence pages;
 *     `source_count` stays the number of articles, `evidence_total` is every span;
 *   - GET /{kind}/{id}/evidence pages through every span, once each, in order;
 *   - no list answer passes 1 MiB, in any format: a page that would is cut short, and its
 *     `next` link goes on from the last item served, so that no item is lost.
 *
 * The articles are generated here (deterministic words, so that the same store is built on
 * every run) into a folder that `factd ingest` adds to the harness's database.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/integration/harness.h"

#define ARTICLES 300
#define RARE_QUOTES 30               /* each in ARTICLES / RARE_QUOTES articles */
#define QUOTE_BYTES 3500             /* under the extractor's 4,000-character limit */
#define INLINE_SPANS 10              /* openapi.yaml: the spans a fact carries inline */
#define PAGE_MAX_BYTES (1024 * 1024) /* openapi.yaml: the most bytes a list page answers */

/* A quotation of about QUOTE_BYTES of plain words, the same for the same seed. */
static void make_quote(strbuf *out, unsigned seed)
{
    static const char *const words[] = {"river",  "data",    "research", "shared",  "cold",
                                        "water",  "ice",     "field",    "station", "study",
                                        "season", "team",    "boat",     "coast",   "north",
                                        "south",  "measure", "record",   "sample",  "winter",
                                        "summer", "long",    "short",    "careful", "open",
                                        "plan",   "work"};
    unsigned long x = seed * 7919ul + 13;
    size_t n = 0, start = out->len;
    while (out->len - start < QUOTE_BYTES) {
        x = (x * 1103515245ul + 12345ul) & 0x7fffffff;
        if (n)
            strbuf_addch(out, ' ');
        strbuf_addstr(out, words[x % (sizeof words / sizeof words[0])]);
        if (++n % 12 == 0)
            strbuf_addch(out, '.');
    }
    out->buf[start] = (char)(out->buf[start] - 'a' + 'A');
}

/* Writes the articles into DIR/corroborated and adds them to the server's database. */
static void start_corroborated(void)
{
    harness_start();
    cr_assert_eq(harness_stop_server(), 0, "factd serve did not stop");
    char dir[400];
    snprintf(dir, sizeof dir, "%s/corroborated", harness_dir());
    cr_assert_eq(mkdir(dir, 0700), 0, "mkdir %s", dir);
    for (int i = 0; i < ARTICLES; i++) {
        strbuf text = STRBUF_INIT;
        strbuf_addstr(&text,
                      "Geneva, 3 March 2025: Norway and Chile signed the Polar Research Accord "
                      "in Geneva, officials said.\n\n"
                      "Norwegian Foreign Minister Ola Hansen met Chilean Foreign Minister Rosa "
                      "Vidal in Geneva on 3 March 2025.\n\n\xe2\x80\x9c");
        make_quote(&text, 0);
        strbuf_addstr(&text, ",\xe2\x80\x9d said Ola Hansen.\n\n\xe2\x80\x9c");
        make_quote(&text, 1 + (unsigned)(i % RARE_QUOTES));
        strbuf_addf(&text,
                    ",\xe2\x80\x9d said Rosa Vidal.\n\nThis report was filed by desk "
                    "number %d.\n",
                    i);
        char path[450];
        snprintf(path, sizeof path, "%s/%03d.txt", dir, i);
        FILE *f = fopen(path, "w");
        cr_assert(f, "cannot write %s", path);
        cr_assert_eq(fwrite(text.buf, 1, text.len, f), text.len);
        cr_assert_eq(fclose(f), 0);
        strbuf_release(&text);
    }
    char *argv[] = {"factd", "ingest", "--db", (char *)harness_db_path(), dir, NULL};
    cr_assert_eq(harness_run_factd(argv, "corroborated.log", 120), 0, "factd ingest failed");
    cr_assert(harness_restart_with(NULL), "factd serve did not come back");
}

TestSuite(http_corroboration, .init = start_corroborated, .fini = harness_stop, .timeout = 240);

/* GETs path, asserting a 200 no larger than the bound; the body in *r. */
static void get_bounded(const char *path, http_reply *r)
{
    http_reply_init(r);
    cr_assert(http_get(path, r), "GET %s failed", path);
    cr_assert_eq(r->status, 200, "GET %s: %ld %.300s", path, r->status, r->body.buf);
    cr_assert_leq(r->body.len, (size_t)PAGE_MAX_BYTES, "GET %s: %zu bytes", path, r->body.len);
}

/* Every item of a list, following `next` from `first`; each page within the bound. */
static json_t *all_items(const char *first, size_t *pages)
{
    json_t *items = json_array();
    strbuf path = STRBUF_INIT;
    strbuf_addstr(&path, first);
    for (*pages = 0; path.len; (*pages)++) {
        cr_assert_lt(*pages, 10000, "the pages of %s do not end", first);
        http_reply r;
        get_bounded(path.buf, &r);
        json_t *page = http_json(&r);
        cr_assert(page, "GET %s: not JSON", path.buf);
        json_array_extend(items, json_object_get(page, "data"));
        const char *next = json_string_value(json_object_get(page, "next"));
        strbuf_reset(&path);
        if (next)
            strbuf_addstr(&path, next);
        json_decref(page);
        http_reply_release(&r);
    }
    strbuf_release(&path);
    return items;
}

/* Checks what one fact says of its evidence against every span of its evidence pages. */
static void check_fact_evidence(const json_t *fact, const char *where)
{
    const char *id = json_string_value(json_object_get(fact, "id"));
    const json_t *inline_spans = json_object_get(fact, "sources");
    const char *link = json_string_value(json_object_get(fact, "evidence"));
    cr_assert(json_is_array(inline_spans), "%s %s: no sources", where, id);
    cr_assert_leq(json_array_size(inline_spans), (size_t)INLINE_SPANS, "%s %s: %zu spans inline",
                  where, id, json_array_size(inline_spans));
    cr_assert(link, "%s %s: no evidence link", where, id);

    strbuf first = STRBUF_INIT;
    size_t pages;
    strbuf_addf(&first, "%s?limit=1000", link);
    json_t *all = all_items(first.buf, &pages);
    json_t *articles = json_object();
    const json_t *span;
    size_t i;
    json_array_foreach(all, i, span)
        json_object_set_new(articles, json_string_value(json_object_get(span, "source_id")),
                            json_true());
    cr_assert_eq(json_integer_value(json_object_get(fact, "evidence_total")),
                 (json_int_t)json_array_size(all), "%s %s: evidence_total", where, id);
    cr_assert_eq(json_integer_value(json_object_get(fact, "source_count")),
                 (json_int_t)json_object_size(articles), "%s %s: source_count", where, id);
    /* The inline spans are as many as there are up to the limit, spans of the evidence pages
     * in their order, and cite as many of the fact's articles as they can: each article's
     * first span comes before any article's second. */
    size_t want = json_array_size(all) < INLINE_SPANS ? json_array_size(all) : INLINE_SPANS;
    cr_assert_eq(json_array_size(inline_spans), want, "%s %s: inline spans", where, id);
    size_t at = 0;
    json_t *cited = json_object();
    json_array_foreach(inline_spans, i, span) {
        while (at < json_array_size(all) && !json_equal(span, json_array_get(all, at)))
            at++;
        cr_assert_lt(at, json_array_size(all),
                     "%s %s: inline span %zu is not on the evidence "
                     "pages, or out of their order",
                     where, id, i);
        json_object_set_new(cited, json_string_value(json_object_get(span, "source_id")),
                            json_true());
    }
    size_t articles_n = json_object_size(articles);
    cr_assert_eq(json_object_size(cited), articles_n < INLINE_SPANS ? articles_n : INLINE_SPANS,
                 "%s %s: the inline spans cite %zu of %zu articles", where, id,
                 json_object_size(cited), articles_n);
    json_decref(cited);
    json_decref(articles);
    json_decref(all);
    strbuf_release(&first);
}

Test(http_corroboration, a_fact_carries_ten_spans_inline_and_says_how_many_there_are)
{
    static const char *const lists[] = {"/agreements?limit=1000", "/meetings?limit=1000",
                                        "/quotes?limit=1000"};
    size_t widest = 0, pages;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        json_t *facts = all_items(lists[l], &pages);
        const json_t *fact;
        size_t i;
        cr_assert_gt(json_array_size(facts), 0, "%s: no facts", lists[l]);
        json_array_foreach(facts, i, fact) {
            check_fact_evidence(fact, lists[l]);
            size_t count = (size_t)json_integer_value(json_object_get(fact, "source_count"));
            widest = count > widest ? count : widest;
            /* The single resource shows the same. */
            char path[160];
            snprintf(path, sizeof path, "%.*s/%s", (int)strcspn(lists[l], "?"), lists[l],
                     json_string_value(json_object_get(fact, "id")));
            json_t *item = http_get_json_ok(path);
            cr_assert(json_equal(item, fact), "%s differs from its list entry", path);
            json_decref(item);
        }
        json_decref(facts);
    }
    cr_assert_geq(widest, (size_t)ARTICLES, "no fact is reported by every article");

    /* The facts inside timeline entries and search hits are capped the same way. */
    json_t *entries = all_items("/timeline?limit=1000", &pages);
    const json_t *e;
    size_t i;
    json_array_foreach(entries, i, e)
        check_fact_evidence(json_object_get(e, "fact"), "/timeline");
    json_decref(entries);
    json_t *hits = all_items("/search?q=river&kind=quote&limit=1", &pages);
    cr_assert_gt(json_array_size(hits), 0, "no quote found for 'river'");
    json_array_foreach(hits, i, e)
        check_fact_evidence(json_object_get(e, "fact"), "/search");
    json_decref(hits);
}

Test(http_corroboration, evidence_pages_hold_every_span_once_in_order)
{
    json_t *agreements = http_get_json_ok("/agreements?sort=-sources&limit=1&evidence=none");
    const json_t *widest = json_array_get(json_object_get(agreements, "data"), 0);
    const char *link = json_string_value(json_object_get(widest, "evidence"));
    cr_assert(link, "the agreement has no evidence link");
    cr_assert_null(json_object_get(widest, "sources"), "evidence=none still has sources");

    /* Small pages, counted: every span once, in (source_id, start, end) order. */
    char path[256];
    size_t pages;
    snprintf(path, sizeof path, "%s?limit=7&count=exact", link);
    json_t *first = http_get_json_ok(path);
    json_int_t total = json_integer_value(json_object_get(first, "total"));
    cr_assert_geq(total, ARTICLES, "%s: total %lld", path, (long long)total);
    json_decref(first);
    json_t *spans = all_items(path, &pages);
    cr_assert_eq(json_array_size(spans), (size_t)total, "the pages hold %zu of %lld spans",
                 json_array_size(spans), (long long)total);
    cr_assert_eq(pages, (size_t)((total + 6) / 7), "pages of 7: %zu", pages);
    for (size_t i = 1; i < json_array_size(spans); i++) {
        const json_t *a = json_array_get(spans, i - 1), *b = json_array_get(spans, i);
        int by_source = strcmp(json_string_value(json_object_get(a, "source_id")),
                               json_string_value(json_object_get(b, "source_id")));
        json_int_t a0 = json_integer_value(json_object_get(a, "start"));
        json_int_t b0 = json_integer_value(json_object_get(b, "start"));
        json_int_t a1 = json_integer_value(json_object_get(a, "end"));
        json_int_t b1 = json_integer_value(json_object_get(b, "end"));
        cr_assert(by_source < 0 || (by_source == 0 && (a0 < b0 || (a0 == b0 && a1 < b1))),
                  "span %zu does not come after span %zu", i, i - 1);
        cr_assert(json_is_string(json_object_get(b, "excerpt")), "span %zu has no excerpt", i);
    }
    json_decref(spans);

    /* A page of CSV or NDJSON, and only some fields. */
    snprintf(path, sizeof path, "%s?limit=3&format=csv&fields=source_id,start,end", link);
    http_reply r;
    get_bounded(path, &r);
    cr_assert(strncmp(r.body.buf, "source_id,start,end\r\n", 21) == 0, "%s: %s", path, r.body.buf);
    http_reply_release(&r);

    /* An unknown fact, a wrong cursor and a parameter it does not take are errors. */
    snprintf(path, sizeof path, "%s", link);
    char *slash = strchr(path + 1, '/');
    cr_assert(slash);
    snprintf(slash, sizeof path - (size_t)(slash - path), "/000000000000/evidence");
    http_reply_init(&r);
    cr_assert(http_get(path, &r));
    cr_assert_eq(r.status, 404, "%s: %ld", path, r.status);
    http_reply_release(&r);
    snprintf(path, sizeof path, "%s?cursor=WyJzaWduZWQiXQ", link);
    http_reply_init(&r);
    cr_assert(http_get(path, &r));
    cr_assert_eq(r.status, 400, "%s: %ld", path, r.status);
    http_reply_release(&r);
    snprintf(path, sizeof path, "%s?evidence=none", link);
    http_reply_init(&r);
    cr_assert(http_get(path, &r));
    cr_assert_eq(r.status, 400, "%s: %ld", path, r.status);
    http_reply_release(&r);
    json_decref(agreements);
}

/* The bytes of every page of `first`, summed; *items gets how many items they held. */
static size_t bytes_of_every_page(const char *first, size_t *items, size_t *pages)
{
    strbuf path = STRBUF_INIT;
    size_t bytes = 0;
    *items = 0;
    strbuf_addstr(&path, first);
    for (*pages = 0; path.len; (*pages)++) {
        cr_assert_lt(*pages, 1000, "the pages of %s do not end", first);
        http_reply r;
        get_bounded(path.buf, &r);
        bytes += r.body.len;
        strbuf link = STRBUF_INIT;
        strbuf_reset(&path);
        if (http_header(&r, "Link", &link)) {
            /* <url>; rel="next" */
            cr_assert(link.len > 2 && link.buf[0] == '<' && strchr(link.buf, '>'));
            strbuf_add(&path, link.buf + 1, (size_t)(strchr(link.buf, '>') - link.buf - 1));
        }
        strbuf_release(&link);
        json_t *doc = http_json(&r);
        if (doc) {
            *items += json_array_size(json_object_get(doc, "data"));
        } else {
            /* CSV counts its rows past the header (a line break inside quotes is part of a
             * cell), NDJSON its lines. */
            bool csv = strstr(first, "format=csv") != NULL, quoted = false;
            size_t lines = 0;
            for (size_t i = 0; i < r.body.len; i++) {
                quoted ^= csv && r.body.buf[i] == '"';
                lines += !quoted && r.body.buf[i] == '\n';
            }
            *items += csv ? lines - 1 : lines;
        }
        json_decref(doc);
        http_reply_release(&r);
    }
    strbuf_release(&path);
    return bytes;
}

Test(http_corroboration, no_list_answer_passes_the_byte_bound_and_no_item_is_lost)
{
    json_t *count = http_get_json_ok("/quotes?limit=1&count=exact&evidence=none");
    size_t quotes = (size_t)json_integer_value(json_object_get(count, "total"));
    json_decref(count);
    cr_assert_gt(quotes, RARE_QUOTES, "the long quotes were not all found");

    /* Every quote at once would pass the bound in every format: each page stays within it,
     * and following next still gives every quote once. */
    static const char *const formats[] = {"", "&pretty=1", "&format=csv", "&format=ndjson"};
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        char first[128];
        size_t items, pages;
        snprintf(first, sizeof first, "/quotes?limit=1000%s", formats[f]);
        size_t bytes = bytes_of_every_page(first, &items, &pages);
        cr_assert_gt(bytes, (size_t)PAGE_MAX_BYTES, "%s: the quotes make only %zu bytes", first,
                     bytes);
        cr_assert_gt(pages, 1, "%s: %zu bytes in one page", first, bytes);
        cr_assert_eq(items, quotes, "%s: %zu items over %zu pages, not %zu", first, items, pages,
                     quotes);
    }
    size_t pages;
    json_t *all = all_items("/quotes?limit=1000", &pages);
    json_t *ids = json_object();
    const json_t *q;
    size_t i;
    json_array_foreach(all, i, q)
        json_object_set_new(ids, json_string_value(json_object_get(q, "id")), json_true());
    cr_assert_eq(json_object_size(ids), quotes, "a quote came twice or not at all");
    json_decref(ids);
    json_decref(all);

    /* The same for the search hits that carry the long quotes. */
    count = http_get_json_ok("/search?q=river&kind=quote&limit=1&count=exact&evidence=none");
    size_t hits = (size_t)json_integer_value(json_object_get(count, "total")), items;
    json_decref(count);
    cr_assert_gt(hits, RARE_QUOTES, "the long quotes are not all found by /search");
    bytes_of_every_page("/search?q=river&kind=quote&limit=1000", &items, &pages);
    cr_assert_eq(items, hits, "/search: %zu of %zu hits", items, hits);
    cr_assert_gt(pages, 1, "/search: one page");
}
