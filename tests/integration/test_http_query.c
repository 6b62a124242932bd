/* Integration tests of filters, sorting, counts, fields and list formats over real HTTP, on
 * the bundled corpus.
 *
 * The expectations come from the corpus itself, not from a list of known answers: each
 * filter is checked against what the unfiltered list says (every item the filter keeps
 * matches it, every item that matches is kept), so the tests hold for any corpus.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tests/integration/harness.h"

TestSuite(http_query, .init = harness_start, .fini = harness_stop);


/* Every item of a list (one page of 1000). */
static json_t *all_items(const char *list)
{
    char path[256];
    snprintf(path, sizeof path, "%s%slimit=1000", list, strchr(list, '?') ? "&" : "?");
    json_t *doc = http_get_json_ok(path);
    cr_assert(json_is_null(json_object_get(doc, "next")), "%s: fits one page", list);
    json_t *items = json_incref(json_object_get(doc, "data"));
    json_decref(doc);
    return items;
}

/* path + "?" or "&" + key=value, the value percent-encoded. */
static void with_param(char *out, size_t size, const char *path, const char *key, const char *value)
{
    CURL *curl = curl_easy_init();
    char *enc = curl_easy_escape(curl, value, 0);
    snprintf(out, size, "%s%s%s=%s", path, strchr(path, '?') ? "&" : "?", key, enc);
    curl_free(enc);
    curl_easy_cleanup(curl);
}

static bool has_id(const json_t *items, const char *id)
{
    size_t i;
    const json_t *item;
    json_array_foreach(items, i, item)
        if (strcmp(json_string_value(json_object_get(item, "id")), id) == 0)
            return true;
    return false;
}

static bool list_has_name(const json_t *list, const char *name)
{
    size_t i;
    const json_t *v;
    json_array_foreach(list, i, v) {
        const char *s = json_is_string(v) ? json_string_value(v)
                                          : json_string_value(json_object_get(v, "name"));
        if (s && strcasecmp(s, name) == 0)
            return true;
    }
    return false;
}

Test(http_query, party_filter_keeps_exactly_the_agreements_of_that_party)
{
    json_t *all = all_items("/agreements");
    size_t i, checked = 0;
    const json_t *a;
    cr_assert_gt(json_array_size(all), 0);
    json_array_foreach(all, i, a) {
        const char *party = json_string_value(json_array_get(json_object_get(a, "parties"), 0));
        if (!party)
            continue;
        char upper[128], path[256];
        snprintf(upper, sizeof upper, "%s", party);
        for (char *p = upper; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
        with_param(path, sizeof path, "/agreements?limit=1000", "party", upper);
        json_t *doc = http_get_json_ok(path);
        json_t *kept = json_object_get(doc, "data");
        size_t k;
        const json_t *item, *other;
        cr_assert(has_id(kept, json_string_value(json_object_get(a, "id"))), "%s", path);
        json_array_foreach(kept, k, item)
            cr_assert(list_has_name(json_object_get(item, "parties"), party), "%s", path);
        json_array_foreach(all, k, other)
            if (list_has_name(json_object_get(other, "parties"), party))
                cr_assert(has_id(kept, json_string_value(json_object_get(other, "id"))), "%s",
                          path);
        json_decref(doc);
        checked++;
    }
    cr_assert_gt(checked, 0, "the corpus has agreements with parties");
    json_decref(all);
}

Test(http_query, speaker_filter_by_name_and_by_person_id)
{
    json_t *all = all_items("/quotes");
    size_t i, checked = 0;
    const json_t *q;
    json_array_foreach(all, i, q) {
        const json_t *speaker = json_object_get(q, "speaker");
        const char *name = json_string_value(json_object_get(speaker, "name"));
        const char *person = json_string_value(json_object_get(speaker, "person_id"));
        if (!name || !person)
            continue;
        char by_name[256], by_id[256];
        with_param(by_name, sizeof by_name, "/quotes?limit=1000", "speaker", name);
        with_param(by_id, sizeof by_id, "/quotes?limit=1000", "speaker", person);
        json_t *a = http_get_json_ok(by_name), *b = http_get_json_ok(by_id);
        size_t k;
        const json_t *item;
        cr_assert(has_id(json_object_get(b, "data"), json_string_value(json_object_get(q, "id"))));
        json_array_foreach(json_object_get(b, "data"), k, item)
            cr_assert_str_eq(json_string_value(
                                 json_object_get(json_object_get(item, "speaker"), "person_id")),
                             person, "%s", by_id);
        cr_assert_geq(json_array_size(json_object_get(a, "data")),
                      json_array_size(json_object_get(b, "data")), "%s", by_name);
        json_decref(a);
        json_decref(b);
        checked++;
    }
    cr_assert_gt(checked, 0, "the corpus has attributed quotes");
    json_decref(all);
}

Test(http_query, source_id_and_min_sources_follow_the_evidence)
{
    static const char *const facts[] = {"/agreements", "/meetings", "/quotes"};
    json_t *sources = all_items("/sources");
    for (size_t f = 0; f < 3; f++) {
        json_t *all = all_items(facts[f]);
        size_t i, union_size = 0;
        const json_t *src, *fact;
        json_array_foreach(sources, i, src) {
            char path[256];
            snprintf(path, sizeof path, "%s?limit=1000&evidence=ids&source_id=%s", facts[f],
                     json_string_value(json_object_get(src, "id")));
            json_t *doc = http_get_json_ok(path);
            size_t k;
            json_array_foreach(json_object_get(doc, "data"), k, fact) {
                bool cited = false;
                size_t e;
                const json_t *ev;
                json_t *evidence = http_fact_evidence(fact);
                json_array_foreach(evidence, e, ev)
                    cited |= strcmp(json_string_value(json_object_get(ev, "source_id")),
                                    json_string_value(json_object_get(src, "id"))) == 0;
                json_decref(evidence);
                cr_assert(cited, "%s: a fact without evidence in that source", path);
            }
            union_size += json_array_size(json_object_get(doc, "data"));
            json_decref(doc);
        }
        cr_assert_geq(union_size, json_array_size(all), "%s: every fact is in some source",
                      facts[f]);

        /* min_sources=2 keeps exactly the facts whose evidence spans two articles. */
        char path[128];
        snprintf(path, sizeof path, "%s?min_sources=2&limit=1000", facts[f]);
        json_t *doc = http_get_json_ok(path);
        size_t want = 0;
        json_array_foreach(all, i, fact) {
            json_t *ids = json_object();
            size_t e;
            const json_t *ev;
            json_t *evidence = http_fact_evidence(fact);
            json_array_foreach(evidence, e, ev)
                json_object_set_new(ids, json_string_value(json_object_get(ev, "source_id")),
                                    json_true());
            json_decref(evidence);
            cr_assert_eq(json_integer_value(json_object_get(fact, "source_count")),
                         (json_int_t)json_object_size(ids));
            if (json_object_size(ids) >= 2) {
                want++;
                cr_assert(has_id(json_object_get(doc, "data"),
                                 json_string_value(json_object_get(fact, "id"))));
            }
            json_decref(ids);
        }
        cr_assert_eq(json_array_size(json_object_get(doc, "data")), want, "%s", path);
        json_decref(doc);
        json_decref(all);
    }
    json_decref(sources);
}

Test(http_query, descending_sort_pages_and_counts)
{
    /* sort=-signed: dates never increase, undated last; paging by 2 sees every agreement
     * once; count=exact says how many there are. */
    json_t *all = all_items("/agreements?sort=-signed");
    char path[1024];
    size_t i, seen = 0;
    const json_t *a;
    const char *prev = NULL;
    bool undated = false;
    json_array_foreach(all, i, a) {
        const char *d = json_string_value(json_object_get(a, "signed"));
        if (!d) {
            undated = true;
            continue;
        }
        cr_assert_not(undated, "a dated agreement after an undated one");
        if (prev)
            cr_assert_leq(strcmp(d, prev), 0, "%s after %s", d, prev);
        prev = d;
    }
    snprintf(path, sizeof path, "/agreements?sort=-signed&limit=2&count=exact");
    for (int pages = 0;; pages++) {
        http_reply r;
        strbuf link = STRBUF_INIT;
        http_reply_init(&r);
        cr_assert(http_get(path, &r));
        cr_assert_eq(r.status, 200, "%s", path);
        json_t *doc = http_json(&r);
        cr_assert_eq(json_integer_value(json_object_get(doc, "total")),
                     (json_int_t)json_array_size(all));
        json_array_foreach(json_object_get(doc, "data"), i, a) {
            cr_assert_str_eq(json_string_value(json_object_get(a, "id")),
                             json_string_value(json_object_get(json_array_get(all, seen), "id")));
            seen++;
        }
        const char *next = json_string_value(json_object_get(doc, "next"));
        if (next) {
            cr_assert(http_header(&r, "Link", &link), "a Link header with next");
            char want[1100];
            snprintf(want, sizeof want, "<%s>; rel=\"next\"", next);
            cr_assert_str_eq(link.buf, want);
            snprintf(path, sizeof path, "%s", next);
        }
        strbuf_release(&link);
        json_decref(doc);
        http_reply_release(&r);
        if (!next)
            break;
        cr_assert_lt(pages, 100);
    }
    cr_assert_eq(seen, json_array_size(all));
    json_decref(all);
}

Test(http_query, csv_by_accept_header_has_a_row_per_item)
{
    const char *const csv[] = {"Accept: text/csv", NULL};
    const char *const nd[] = {"Accept: application/x-ndjson", NULL};
    json_t *all = all_items("/quotes");
    http_reply r;
    strbuf type = STRBUF_INIT;

    http_reply_init(&r);
    cr_assert(http_get_with("/quotes?limit=1000&fields=text,speaker", csv, &r));
    cr_assert_eq(r.status, 200);
    cr_assert(http_header(&r, "Content-Type", &type));
    cr_assert_str_eq(type.buf, "text/csv; charset=utf-8; header=present");
    cr_assert(strncmp(r.body.buf, "id,text,speaker\r\n", 17) == 0, "%.40s", r.body.buf);
    /* Rows end in CRLF; a quote may span lines only inside a quoted field. */
    size_t rows = 0;
    bool quoted = false;
    for (size_t i = 0; i < r.body.len; i++) {
        if (r.body.buf[i] == '"')
            quoted = !quoted;
        else if (!quoted && r.body.buf[i] == '\n')
            rows++;
    }
    cr_assert_eq(rows, json_array_size(all) + 1, "a header and one row per quote");
    http_reply_release(&r);

    http_reply_init(&r);
    strbuf_reset(&type);
    cr_assert(http_get_with("/quotes?limit=1000", nd, &r));
    cr_assert(http_header(&r, "Content-Type", &type));
    cr_assert_str_eq(type.buf, "application/x-ndjson; charset=utf-8");
    size_t lines = 0;
    for (size_t i = 0; i < r.body.len; i++)
        lines += r.body.buf[i] == '\n';
    cr_assert_eq(lines, json_array_size(all));
    http_reply_release(&r);
    strbuf_release(&type);
    json_decref(all);
}

Test(http_query, bad_values_name_their_parameter)
{
    static const struct {
        const char *path, *word;
    } cases[] = {
        {"/agreements?signed_from=2025-02-30", "signed_from"},
        {"/meetings?sort=name", "sort"},
        {"/quotes?min_sources=0", "min_sources"},
        {"/quotes?fields=speaker,words", "words"},
        {"/sources?format=pdf", "format"},
        {"/agreements?cursor=bm90IGEgY3Vyc29y", "cursor"},
        {"/quotes?speaker=%FF", "speaker"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        http_reply r;
        http_reply_init(&r);
        cr_assert(http_get_direct(cases[i].path, &r));
        cr_assert_eq(r.status, 400, "%s: %ld", cases[i].path, r.status);
        json_t *doc = http_json(&r);
        cr_assert_str_eq(json_string_value(json_object_get(doc, "type")),
                         "/problems/bad-parameter");
        cr_assert(strstr(json_string_value(json_object_get(doc, "detail")), cases[i].word),
                  "%s: %s", cases[i].path, r.body.buf);
        json_decref(doc);
        http_reply_release(&r);
    }
}

Test(http_query, timeline_has_every_agreement_and_meeting_in_date_order)
{
    json_t *agreements = all_items("/agreements"), *meetings = all_items("/meetings");
    json_t *timeline = all_items("/timeline?evidence=none");
    size_t i;
    const json_t *entry;
    const char *prev = NULL;
    bool undated = false;

    cr_assert_eq(json_array_size(timeline),
                 json_array_size(agreements) + json_array_size(meetings));
    json_array_foreach(timeline, i, entry) {
        const char *kind = json_string_value(json_object_get(entry, "kind"));
        const char *id = json_string_value(json_object_get(entry, "id"));
        const char *date = json_string_value(json_object_get(entry, "date"));
        const char *precision = json_string_value(json_object_get(entry, "precision"));
        const json_t *fact = json_object_get(entry, "fact");
        cr_assert(has_id(strcmp(kind, "agreement") == 0 ? agreements : meetings, id), "%s", id);
        cr_assert_str_eq(json_string_value(json_object_get(fact, "id")), id);
        cr_assert_null(json_object_get(fact, "sources"), "evidence=none reaches the facts");
        if (!date) {
            cr_assert_null(precision);
            undated = true;
            continue;
        }
        cr_assert_not(undated, "a dated entry after an undated one");
        cr_assert_str_eq(precision, strlen(date) == 10  ? "day"
                                    : strlen(date) == 7 ? "month"
                                                        : "year");
        if (prev)
            cr_assert_geq(strcmp(date, prev), 0, "%s after %s", date, prev);
        prev = date;
    }
    json_decref(agreements);
    json_decref(meetings);
    json_decref(timeline);
}

Test(http_query, source_facts_agree_with_the_filtered_lists)
{
    static const char *const lists[] = {"agreements", "meetings", "quotes"};
    json_t *sources = all_items("/sources");
    size_t i;
    const json_t *src;
    json_array_foreach(sources, i, src) {
        const char *id = json_string_value(json_object_get(src, "id"));
        char path[256];
        snprintf(path, sizeof path, "/sources/%s/facts", id);
        json_t *doc = http_get_json_ok(path);
        cr_assert_str_eq(json_string_value(json_object_get(json_object_get(doc, "source"), "id")),
                         id);
        for (size_t l = 0; l < 3; l++) {
            snprintf(path, sizeof path, "/%s?limit=1000&source_id=%s", lists[l], id);
            json_t *filtered = http_get_json_ok(path);
            cr_assert(json_equal(json_object_get(doc, lists[l]), json_object_get(filtered, "data")),
                      "%s", path);
            json_decref(filtered);
        }
        json_decref(doc);
    }
    json_decref(sources);
}
