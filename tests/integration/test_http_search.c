/* Integration tests of GET /search and GET /stats over real HTTP, on the bundled corpus.
 *
 * Search: a quote is found by a word of its text, by a phrase of two of its words and by a
 * prefix; every highlight, cut from GET /sources/{id}/text by code points (decoded here,
 * independently of the server), is a matched term, and a fact's highlights lie inside its
 * evidence; paging visits every hit once; malformed queries are 400 problems naming the
 * parameter.  Stats: every number agrees with the lists.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tests/integration/harness.h"

TestSuite(http_search, .init = harness_start, .fini = harness_stop);


/* "/search?q=<q percent-encoded><rest>" */
static void search_path(strbuf *path, const char *q, const char *rest)
{
    strbuf_reset(path);
    strbuf_addstr(path, "/search?q=");
    for (const unsigned char *p = (const unsigned char *)q; *p; p++) {
        if (isalnum(*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~')
            strbuf_addch(path, (char)*p);
        else
            strbuf_addf(path, "%%%02X", *p);
    }
    strbuf_addstr(path, rest);
}

/* Every hit of q (one big page), checked for shape. */
static json_t *search(const char *q, const char *rest)
{
    strbuf path = STRBUF_INIT;
    search_path(&path, q, rest);
    json_t *doc = http_get_json_ok(path.buf);
    const json_t *hit;
    size_t i;
    json_array_foreach(json_object_get(doc, "data"), i, hit) {
        const char *kind = json_string_value(json_object_get(hit, "kind"));
        cr_assert(kind && (!strcmp(kind, "quote") || !strcmp(kind, "agreement") ||
                           !strcmp(kind, "source")),
                  "%s: hit %zu kind", path.buf, i);
        cr_assert(json_is_string(json_object_get(hit, "id")));
        cr_assert(json_is_number(json_object_get(hit, "score")));
        cr_assert(json_is_string(json_object_get(hit, "source_id")) ||
                  json_is_null(json_object_get(hit, "source_id")));
        cr_assert(json_is_array(json_object_get(hit, "highlights")));
        cr_assert(json_is_string(json_object_get(hit, "snippet")));
        const json_t *fact = json_object_get(hit, "fact");
        cr_assert(json_is_object(fact), "%s: hit %zu has no fact", path.buf, i);
        cr_assert(json_equal(json_object_get(fact, "id"), json_object_get(hit, "id")));
    }
    strbuf_release(&path);
    return doc;
}

static bool has_hit(const json_t *doc, const char *kind, const char *id)
{
    const json_t *hit;
    size_t i;
    json_array_foreach(json_object_get(doc, "data"), i, hit) {
        if (!strcmp(json_string_value(json_object_get(hit, "kind")), kind) &&
            !strcmp(json_string_value(json_object_get(hit, "id")), id))
            return true;
    }
    return false;
}

/* The text of a source, as GET /sources/{id}/text serves it. */
static void source_text(const char *id, strbuf *text)
{
    char path[128];
    http_reply r;
    http_reply_init(&r);
    snprintf(path, sizeof path, "/sources/%s/text", id);
    cr_assert(http_get(path, &r));
    cr_assert_eq(r.status, 200, "GET %s: %ld", path, r.status);
    strbuf_reset(text);
    strbuf_add(text, r.body.buf, r.body.len);
    http_reply_release(&r);
}

/* What a matched term must look like. */
typedef bool (*term_check)(const char *term, size_t len, const void *arg);

/* Checks every highlight of every hit of doc: cut from its source's text it passes `check`;
 * a fact's highlights lie inside the fact's evidence in that source.  Returns how many. */
static size_t check_highlights(const json_t *doc, term_check check, const void *arg)
{
    const json_t *hit, *hl, *ev;
    size_t i, k, e, checked = 0;
    strbuf text = STRBUF_INIT;

    json_array_foreach(json_object_get(doc, "data"), i, hit) {
        const char *kind = json_string_value(json_object_get(hit, "kind"));
        const char *src = json_string_value(json_object_get(hit, "source_id"));
        const json_t *fact = json_object_get(hit, "fact");
        if (!src) {
            cr_assert_eq(json_array_size(json_object_get(hit, "highlights")), 0);
            continue;
        }
        source_text(src, &text);
        json_array_foreach(json_object_get(hit, "highlights"), k, hl) {
            json_int_t start = json_integer_value(json_object_get(hl, "start"));
            json_int_t end = json_integer_value(json_object_get(hl, "end"));
            cr_assert_lt(start, end, "an empty highlight");
            size_t b0 = test_cp_to_byte(text.buf, text.len, (size_t)start);
            size_t b1 = test_cp_to_byte(text.buf, text.len, (size_t)end);
            cr_assert(b0 != (size_t)-1 && b1 != (size_t)-1, "%s: highlight past the end", src);
            cr_assert(check(text.buf + b0, b1 - b0, arg), "%s %s: highlight [%lld, %lld) is '%.*s'",
                      kind, json_string_value(json_object_get(hit, "id")), (long long)start,
                      (long long)end, (int)(b1 - b0), text.buf + b0);
            checked++;
            if (!strcmp(kind, "source"))
                continue;
            bool inside = false;
            json_t *evidence = http_fact_evidence(fact);
            json_array_foreach(evidence, e, ev) {
                inside |= !strcmp(json_string_value(json_object_get(ev, "source_id")), src) &&
                          json_integer_value(json_object_get(ev, "start")) <= start &&
                          end <= json_integer_value(json_object_get(ev, "end"));
            }
            json_decref(evidence);
            cr_assert(inside, "%s %s: highlight [%lld, %lld) outside its evidence", kind,
                      json_string_value(json_object_get(hit, "id")), (long long)start,
                      (long long)end);
        }
    }
    strbuf_release(&text);
    return checked;
}

/* The term is one of the NULL-terminated words, ASCII case aside. */
static bool is_one_of(const char *term, size_t len, const void *arg)
{
    for (const char *const *w = arg; *w; w++)
        if (strlen(*w) == len && strncasecmp(term, *w, len) == 0)
            return true;
    return false;
}

static bool starts_with(const char *term, size_t len, const void *arg)
{
    const char *prefix = arg;
    return len >= strlen(prefix) && strncasecmp(term, prefix, strlen(prefix)) == 0;
}

/* A quote of the corpus and two consecutive words of its text of at least 5 ASCII letters
 * each (lowercased), found by walking /quotes. */
static void pick_quote(char id[64], char w1[64], char w2[64])
{
    json_t *doc = http_get_json_ok("/quotes?limit=1000");
    const json_t *q;
    size_t i;
    json_array_foreach(json_object_get(doc, "data"), i, q) {
        const char *text = json_string_value(json_object_get(q, "text"));
        char prev[64] = "";
        for (const char *p = text; *p;) {
            size_t n = 0;
            while (isalpha((unsigned char)p[n]))
                n++;
            bool word = n >= 5 && n < 64 && !(p[n] & 0x80) && (p == text || !(p[-1] & 0x80));
            if (word && prev[0]) {
                snprintf(id, 64, "%s", json_string_value(json_object_get(q, "id")));
                snprintf(w1, 64, "%s", prev);
                snprintf(w2, 64, "%.*s", (int)n, p);
                for (char *c = w1; *c; c++)
                    *c = (char)tolower((unsigned char)*c);
                for (char *c = w2; *c; c++)
                    *c = (char)tolower((unsigned char)*c);
                json_decref(doc);
                return;
            }
            if (word)
                snprintf(prev, sizeof prev, "%.*s", (int)n, p);
            else if (n > 0 || *p != ' ')
                prev[0] = '\0';
            p += n ? n : 1;
        }
    }
    cr_assert_fail("no quote of the corpus has two long words in a row");
}

Test(http_search, finds_a_quote_by_a_word_of_it)
{
    char id[64], w1[64], w2[64];
    pick_quote(id, w1, w2);

    json_t *doc = search(w2, "&kind=quote&limit=1000");
    cr_assert(has_hit(doc, "quote", id), "q=%s does not find quote %s", w2, id);
    const json_t *hit;
    size_t i;
    json_array_foreach(json_object_get(doc, "data"), i, hit)
        cr_assert_str_eq(json_string_value(json_object_get(hit, "kind")), "quote", "kind=quote");
    const char *const words[] = {w2, NULL};
    cr_assert_gt(check_highlights(doc, is_one_of, words), 0);
    json_decref(doc);

    /* Without a kind every kind may answer; the article the quote is in among them. */
    doc = search(w2, "&limit=1000");
    cr_assert(has_hit(doc, "quote", id));
    json_t *quote = NULL;
    json_array_foreach(json_object_get(doc, "data"), i, hit)
        if (!strcmp(json_string_value(json_object_get(hit, "id")), id))
            quote = json_object_get(hit, "fact");
    const char *src = json_string_value(
        json_object_get(json_array_get(json_object_get(quote, "sources"), 0), "source_id"));
    cr_assert(has_hit(doc, "source", src), "the article of the quote is a hit too");
    check_highlights(doc, is_one_of, words);
    json_decref(doc);
}

Test(http_search, phrase_and_prefix_queries)
{
    char id[64], w1[64], w2[64], q[160];
    pick_quote(id, w1, w2);

    snprintf(q, sizeof q, "\"%s %s\"", w1, w2);
    json_t *doc = search(q, "&limit=1000");
    cr_assert(has_hit(doc, "quote", id), "q=%s does not find quote %s", q, id);
    const char *const words[] = {w1, w2, NULL};
    cr_assert_geq(check_highlights(doc, is_one_of, words), 2);
    json_decref(doc);

    /* The words the other way round are not the phrase. */
    snprintf(q, sizeof q, "\"%s %s\"", w2, w1);
    doc = search(q, "&kind=quote&limit=1000");
    cr_assert_not(has_hit(doc, "quote", id), "q=%s finds quote %s", q, id);
    json_decref(doc);

    char prefix[8];
    snprintf(prefix, sizeof prefix, "%.4s", w2);
    snprintf(q, sizeof q, "%s*", prefix);
    doc = search(q, "&limit=1000");
    cr_assert(has_hit(doc, "quote", id), "q=%s does not find quote %s", q, id);
    cr_assert_gt(check_highlights(doc, starts_with, prefix), 0);
    json_decref(doc);
}

Test(http_search, highlights_are_the_matched_terms_in_the_source_text)
{
    static const char *const queries[][4] = {
        {"framework", "framework", NULL, NULL},
        {"lemoa", "lemoa", NULL, NULL},
        {"hegseth OR rajnath", "hegseth", "rajnath", NULL},
        {"\"defence cooperation\"", "defence", "cooperation", NULL},
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        json_t *doc = search(queries[i][0], "&limit=1000");
        cr_assert_gt(json_array_size(json_object_get(doc, "data")), 0, "q=%s finds nothing",
                     queries[i][0]);
        cr_assert_gt(check_highlights(doc, is_one_of, &queries[i][1]), 0, "q=%s", queries[i][0]);
        json_decref(doc);
    }

    /* Agreements are found by their acronym and highlighted where their evidence has it. */
    json_t *doc = search("lemoa", "&kind=agreement");
    cr_assert_eq(json_array_size(json_object_get(doc, "data")), 1);
    const json_t *hit = json_array_get(json_object_get(doc, "data"), 0);
    cr_assert_str_eq(json_string_value(json_object_get(json_object_get(hit, "fact"), "acronym")),
                     "LEMOA");
    cr_assert_gt(json_array_size(json_object_get(hit, "highlights")), 0);
    json_decref(doc);
}

Test(http_search, ranked_and_paged_without_gaps_or_repeats)
{
    json_t *all = search("defen* OR india", "&limit=1000&count=exact");
    const json_t *data = json_object_get(all, "data");
    size_t n = json_array_size(data);
    cr_assert_gt(n, 5);
    cr_assert_eq(json_integer_value(json_object_get(all, "total")), (json_int_t)n);
    for (size_t i = 1; i < n; i++)
        cr_assert_geq(json_number_value(json_object_get(json_array_get(data, i - 1), "score")),
                      json_number_value(json_object_get(json_array_get(data, i), "score")),
                      "best first");

    strbuf path = STRBUF_INIT;
    search_path(&path, "defen* OR india", "&limit=3&count=exact");
    size_t seen = 0;
    for (int pages = 0;; pages++) {
        cr_assert_lt(pages, 1000);
        http_reply r;
        strbuf link = STRBUF_INIT;
        http_reply_init(&r);
        cr_assert(http_get(path.buf, &r));
        cr_assert_eq(r.status, 200, "%s: %ld %s", path.buf, r.status, r.body.buf);
        json_t *page = http_json(&r);
        const json_t *hit;
        size_t i;
        json_array_foreach(json_object_get(page, "data"), i, hit) {
            const json_t *want = json_array_get(data, seen);
            cr_assert(want, "more hits paged than in one page");
            cr_assert(json_equal(json_object_get(hit, "id"), json_object_get(want, "id")) &&
                          json_equal(json_object_get(hit, "kind"), json_object_get(want, "kind")),
                      "hit %zu differs when paged", seen);
            seen++;
        }
        cr_assert_eq(json_integer_value(json_object_get(page, "total")), (json_int_t)n);
        const json_t *next = json_object_get(page, "next");
        if (json_is_null(next)) {
            cr_assert_not(http_header(&r, "Link", &link));
            json_decref(page);
            http_reply_release(&r);
            break;
        }
        cr_assert_eq(json_array_size(json_object_get(page, "data")), 3);
        cr_assert(http_header(&r, "Link", &link), "a next page has a Link header");
        cr_assert(strncmp(json_string_value(next), "/search?", 8) == 0);
        strbuf_reset(&path);
        strbuf_addstr(&path, json_string_value(next));
        strbuf_release(&link);
        json_decref(page);
        http_reply_release(&r);
    }
    cr_assert_eq(seen, n, "every hit once");
    strbuf_release(&path);
    json_decref(all);
}

/* GET path answers a 400 bad-parameter problem whose detail names `param`. */
static void expect_bad(const char *path, const char *param)
{
    http_reply r;
    strbuf ct = STRBUF_INIT;
    http_reply_init(&r);
    cr_assert(http_get(path, &r));
    cr_assert_eq(r.status, 400, "GET %s: %ld, expected 400", path, r.status);
    cr_assert(http_header(&r, "Content-Type", &ct));
    cr_assert_str_eq(ct.buf, "application/problem+json; charset=utf-8");
    json_t *doc = http_json(&r);
    cr_assert_str_eq(json_string_value(json_object_get(doc, "type")), "/problems/bad-parameter");
    const char *detail = json_string_value(json_object_get(doc, "detail"));
    cr_assert(detail && strstr(detail, param), "GET %s: detail '%s' does not name %s", path,
              detail ? detail : "", param);
    json_decref(doc);
    strbuf_release(&ct);
    http_reply_release(&r);
}

Test(http_search, bad_queries_are_400_naming_the_parameter)
{
    static const char *const bad_q[] = {"\"unterminated", "defence AND",      "(", "US-India", "*",
                                        "a OR OR b",      "nosuchcolumn:word"};
    strbuf path = STRBUF_INIT;
    for (size_t i = 0; i < sizeof bad_q / sizeof bad_q[0]; i++) {
        search_path(&path, bad_q[i], "");
        expect_bad(path.buf, "q ");
    }
    expect_bad("/search", "q is required");
    expect_bad("/search?q=", "q");
    expect_bad("/search?q=india&kind=meeting", "kind");
    expect_bad("/search?q=india&kind=quote,", "kind");
    expect_bad("/search?q=india&cursor=abc", "cursor");
    expect_bad("/search?q=india&fields=nope", "fields");
    expect_bad("/search?q=india&sort=id", "sort");
    expect_bad("/stats?limit=3", "limit");
    strbuf_release(&path);

    /* Still serving. */
    json_t *doc = http_get_json_ok("/healthz");
    json_decref(doc);
}

static json_int_t list_length(const char *list)
{
    char path[64];
    snprintf(path, sizeof path, "%s?limit=1000", list);
    json_t *doc = http_get_json_ok(path);
    json_int_t n = (json_int_t)json_array_size(json_object_get(doc, "data"));
    cr_assert(json_is_null(json_object_get(doc, "next")), "%s: more than 1000", list);
    json_decref(doc);
    return n;
}

static json_int_t sum_counts(const json_t *list)
{
    json_int_t sum = 0;
    const json_t *e;
    size_t i;
    json_array_foreach(list, i, e)
        sum += json_integer_value(json_object_get(e, "count"));
    return sum;
}

Test(http_search, stats_agree_with_the_lists)
{
    json_t *stats = http_get_json_ok("/stats");
    const json_t *counts = json_object_get(stats, "counts");
    static const char *const kinds[] = {"sources", "agreements", "meetings", "quotes", "people"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        char list[32];
        snprintf(list, sizeof list, "/%s", kinds[i]);
        cr_assert_eq(json_integer_value(json_object_get(counts, kinds[i])), list_length(list),
                     "counts.%s", kinds[i]);
    }
    cr_assert_gt(json_integer_value(json_object_get(counts, "quotes")), 0);
    cr_assert_eq(sum_counts(json_object_get(stats, "agreements_by_year")),
                 json_integer_value(json_object_get(counts, "agreements")));
    cr_assert_eq(sum_counts(json_object_get(stats, "meetings_by_year")),
                 json_integer_value(json_object_get(counts, "meetings")));
    const json_t *speakers = json_object_get(stats, "quotes_by_speaker");
    if (json_array_size(speakers) < 50)
        cr_assert_eq(sum_counts(speakers), json_integer_value(json_object_get(counts, "quotes")));

    /* Each year and party count is the number of agreements of the list that have it. */
    json_t *agreements = http_get_json_ok("/agreements?limit=1000");
    const json_t *e, *a;
    size_t i, k;
    json_array_foreach(json_object_get(stats, "agreements_by_year"), i, e) {
        json_int_t n = 0;
        const json_t *year = json_object_get(e, "year");
        json_array_foreach(json_object_get(agreements, "data"), k, a) {
            const char *signed_ = json_string_value(json_object_get(a, "signed"));
            if (json_is_null(year) ? !signed_
                                   : signed_ && atoll(signed_) == json_integer_value(year))
                n++;
        }
        cr_assert_eq(json_integer_value(json_object_get(e, "count")), n, "agreements_by_year[%zu]",
                     i);
    }
    json_int_t prev = -1;
    json_array_foreach(json_object_get(stats, "agreements_by_party"), i, e) {
        const char *party = json_string_value(json_object_get(e, "party"));
        json_int_t n = 0;
        json_array_foreach(json_object_get(agreements, "data"), k, a) {
            const json_t *p;
            size_t j;
            bool has = false;
            json_array_foreach(json_object_get(a, "parties"), j, p)
                has |= !strcmp(json_string_value(p), party);
            n += has;
        }
        cr_assert_eq(json_integer_value(json_object_get(e, "count")), n, "party %s", party);
        cr_assert(prev < 0 || n <= prev, "the largest count first");
        prev = n;
    }
    /* A speaker with a person id has that many quotes in /people. */
    json_array_foreach(speakers, i, e) {
        const char *person = json_string_value(json_object_get(e, "person_id"));
        if (!person)
            continue;
        char path[96];
        snprintf(path, sizeof path, "/people/%s", person);
        json_t *p = http_get_json_ok(path);
        cr_assert_str_eq(json_string_value(json_object_get(p, "name")),
                         json_string_value(json_object_get(e, "speaker")));
        cr_assert_eq(json_integer_value(json_object_get(json_object_get(p, "counts"), "quotes")),
                     json_integer_value(json_object_get(e, "count")), "quotes of %s", person);
        json_decref(p);
    }
    json_decref(agreements);
    json_decref(stats);
}
