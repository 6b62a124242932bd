/* Unit tests of store/search.c and store/stats.c: FTS5 queries (words, phrases, prefixes,
 * bad syntax), ranking, the kind filter, keyset paging through ties, highlights as code-point
 * offsets into the exact source text (with multi-byte characters before them), the index
 * following every write and the migration that fills it, and the numbers of /stats. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_private.h"
#include "tests/unit/test_db.h"
#include "tests/unit/test_rows.h"

/* Multi-byte characters of 2, 3 and 4 bytes before every searched word, CRLF line ends. */
static const char TEXT_A[] =
    "Zażółć gęślą jaźń — ministers met in Kraków.\r\n"
    "The “Café Accord” was signed, finally.\r\n"
    "“It will deepen defence cooperation for a decade,” the minister said.\r\n";
static const char TEXT_B[] = "日本 🤝 Poland: the Café Accord. Defence ties deepen. "
                             "Defence ties deepen.\n";
static const char QUOTE_1[] = "It will deepen defence cooperation for a decade,";
static const char QUOTE_3[] = "Defence ties deepen.";

static char *id_a, *id_b; /* the two articles, once stored */

static void make_db_path(void)
{
    test_db_make();
    id_a = id_b = NULL;
}

static void remove_db(void)
{
    test_db_remove();
    free(id_a);
    free(id_b);
}

TestSuite(search, .init = make_db_path, .fini = remove_db);

/* --- building a store --- */

static char *put_text(store *st, const char *text, const char *title)
{
    char sha[65], *id = NULL;
    test_sha256_hex(text, strlen(text), sha);
    json_t *extraction = json_pack("{s:i, s:s?, s:n, s:n, s:s, s:[], s:[], s:[], s:[]}",
                                   "extractor_version", 1, "title", title, "byline", "dateline",
                                   "published", "2025-10-31", "people", "agreements", "meetings",
                                   "quotes");
    store_source_in in = {.file = "a.txt",
                          .text = text,
                          .len = strlen(text),
                          .sha256 = sha,
                          .extraction = extraction};
    cr_assert_eq(store_put_source(st, &in, &id), STORE_OK, "%s", store_errmsg(st));
    json_decref(extraction);
    return id;
}

/* Code points in s[0..len), counted here independently of util/utf8.c. */
static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* The code-point offset of the nth (0-based) occurrence of needle in text. */
static int cp_of(const char *text, const char *needle, int nth)
{
    const char *at = text;
    for (;;) {
        at = strstr(at, needle);
        cr_assert_not_null(at, "'%s' not in the text", needle);
        if (nth-- == 0)
            return (int)cp_count(text, (size_t)(at - text));
        at++;
    }
}

/* An evidence span over the nth occurrence of needle in text (the source src). */
static json_t *span(const char *src, const char *text, const char *needle, int nth)
{
    int start = cp_of(text, needle, nth);
    return json_pack("{s:s, s:i, s:i}", "source_id", src, "start", start, "end",
                     start + (int)cp_count(needle, strlen(needle)));
}

static json_t *quote(const char *id, const char *text, json_t *speaker, json_t *evidence)
{
    return json_pack("{s:s, s:s, s:o, s:s, s:f, s:o}", "id", id, "text", text, "speaker", speaker,
                     "rule", "test", "confidence", 0.5, "evidence", evidence);
}

/* Both articles and a fact set over them (agreement and quote ids have the form factd gives
 * them, 12 hexadecimal digits, a... for agreements and c... for quotes):
 *   a00000000001 "Café Accord" (alias "the Accord", acronym CA; Poland, Japan; 2025-10), in A
 *     and B
 *   a00000000002 "Defence Pact" (Poland; undated), without evidence
 *   m1 (2025-10-31) in A, m2 (1999) without evidence
 *   c00000000001 QUOTE_1 by Anna Nowak (p1) in A; c00000000003, c00000000004 and c00000000005
 *     QUOTE_3 in B: c00000000003 by Jan Kowalski (no person), c00000000004 and c00000000005 by
 *     unknown speakers; c00000000005 at the second occurrence */
static store *build(void)
{
    store *st = test_db_open_rw();
    id_a = put_text(st, TEXT_A, "Ministers in Kraków");
    id_b = put_text(st, TEXT_B, NULL);
    const char *a = id_a, *b = id_b;

    json_t *doc = json_pack(
        "{s:[{s:s, s:s, s:s, s:[]}],"
        " s:[{s:s, s:s, s:[s], s:s, s:s, s:[s,s], s:[{s:s, s:s, s:n}], s:s, s:f, s:[o,o]},"
        "    {s:s, s:s, s:[s], s:s, s:f}],"
        " s:[{s:s, s:s, s:[], s:s, s:f, s:[o]}, {s:s, s:s, s:[], s:s, s:f}],"
        " s:[o, o, o, o]}",
        "people", "id", "p1", "name", "Anna Nowak", "title", "Minister", "aliases", "agreements",
        "id", "a00000000001", "name", "Café Accord", "aliases", "the Accord", "acronym", "CA",
        "signed", "2025-10", "parties", "Poland", "Japan", "signatories", "person_id", "p1", "name",
        "Anna Nowak", "title", "rule", "test", "confidence", 0.9, "evidence",
        span(b, TEXT_B, "Café Accord", 0), span(a, TEXT_A, "Café Accord", 0), "id", "a00000000002",
        "name", "Defence Pact", "parties", "Poland", "rule", "test", "confidence", 0.5, "meetings",
        "id", "m1", "date", "2025-10-31", "participants", "rule", "test", "confidence", 0.5,
        "evidence", span(a, TEXT_A, "ministers met in Kraków", 0), "id", "m2", "date", "1999",
        "participants", "rule", "test", "confidence", 0.5, "quotes",
        quote("c00000000001", QUOTE_1,
              json_pack("{s:s, s:s, s:s}", "name", "Nowak", "title", "Minister", "person_id", "p1"),
              json_pack("[o]", span(a, TEXT_A, QUOTE_1, 0))),
        quote("c00000000003", QUOTE_3,
              json_pack("{s:s, s:n, s:n}", "name", "Jan Kowalski", "title", "person_id"),
              json_pack("[o]", span(b, TEXT_B, QUOTE_3, 0))),
        quote("c00000000004", QUOTE_3, json_null(), json_pack("[o]", span(b, TEXT_B, QUOTE_3, 0))),
        quote("c00000000005", QUOTE_3, json_null(), json_pack("[o]", span(b, TEXT_B, QUOTE_3, 1))));
    cr_assert_not_null(doc);
    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    json_decref(doc);
    return st;
}

/* --- searching --- */

static int search(store *st, const char *match, unsigned kinds, int limit, const char *cursor,
                  test_search_page *page)
{
    store_search_query q = {
        .match = match, .kinds = kinds, .cursor = cursor, .limit = limit, .count = true};
    return test_store_search(st, &q, page);
}

/* Every hit of match as "kind:id" strings joined by spaces, best first, from one big page. */
static void hit_list(store *st, const char *match, unsigned kinds, char *out, size_t size)
{
    test_search_page page;
    cr_assert_eq(search(st, match, kinds, 1000, NULL, &page), STORE_OK, "%s: %s", match,
                 store_errmsg(st));
    cr_assert_null(page.next_cursor);
    cr_assert_eq(page.total, (long long)json_array_size(page.hits));
    out[0] = '\0';
    size_t i;
    json_t *hit;
    json_array_foreach(page.hits, i, hit) {
        size_t n = strlen(out);
        snprintf(out + n, size - n, "%s%s:%s", n ? " " : "",
                 json_string_value(json_object_get(hit, "kind")),
                 json_string_value(json_object_get(hit, "id")));
    }
    test_search_page_release(&page);
}

static const char *text_of(const char *source_id)
{
    if (id_a && strcmp(source_id, id_a) == 0)
        return TEXT_A;
    cr_assert(id_b && strcmp(source_id, id_b) == 0, "unknown source %s", source_id);
    return TEXT_B;
}

/* The code points [start, end) of text, copied (malloc'd). */
static char *cut(const char *text, size_t start, size_t end)
{
    size_t len = strlen(text), i = 0, cp = 0, from = len, to = len;
    for (; i <= len; i++) {
        if (i == len || ((unsigned char)text[i] & 0xC0) != 0x80) {
            if (cp == start)
                from = i;
            if (cp == end) {
                to = i;
                break;
            }
            cp++;
        }
    }
    cr_assert_leq(from, to);
    char *s = strndup(text + from, to - from);
    cr_assert_not_null(s);
    return s;
}

/* Asserts that every highlight of every hit is one of `words` (ASCII case aside) in the
 * served text of the hit's source, and lies inside an evidence span of a fact hit. */
static void expect_highlights(const json_t *hits, const char *const words[], size_t nwords)
{
    size_t i, k;
    const json_t *hit, *hl;
    json_array_foreach(hits, i, hit) {
        const char *kind = json_string_value(json_object_get(hit, "kind"));
        const char *src = json_string_value(json_object_get(hit, "source_id"));
        const json_t *fact = json_object_get(hit, "fact");
        if (!src)
            continue;
        cr_assert_gt(json_array_size(json_object_get(hit, "highlights")), 0, "%s %s", kind,
                     json_string_value(json_object_get(hit, "id")));
        json_array_foreach(json_object_get(hit, "highlights"), k, hl) {
            json_int_t start = json_integer_value(json_object_get(hl, "start"));
            json_int_t end = json_integer_value(json_object_get(hl, "end"));
            char *word = cut(text_of(src), (size_t)start, (size_t)end);
            bool known = false;
            for (size_t w = 0; w < nwords; w++)
                known |= strcasecmp(word, words[w]) == 0;
            cr_assert(known, "%s %s: highlight [%lld, %lld) is '%s'", kind,
                      json_string_value(json_object_get(hit, "id")), (long long)start,
                      (long long)end, word);
            free(word);
            if (strcmp(kind, "source") == 0)
                continue;
            bool inside = false;
            size_t e;
            const json_t *ev;
            json_array_foreach(json_object_get(fact, "sources"), e, ev) {
                inside |= strcmp(json_string_value(json_object_get(ev, "source_id")), src) == 0 &&
                          json_integer_value(json_object_get(ev, "start")) <= start &&
                          end <= json_integer_value(json_object_get(ev, "end"));
            }
            cr_assert(inside, "%s: a highlight outside its evidence", kind);
        }
    }
}

Test(search, words_find_every_kind)
{
    store *st = build();
    char hits[512];

    hit_list(st, "accord", 0, hits, sizeof(hits));
    cr_assert(strstr(hits, "agreement:a00000000001") && strstr(hits, "source:"), "%s", hits);
    cr_assert_not(strstr(hits, "quote:"), "%s", hits);

    /* Case and accents do not matter. */
    hit_list(st, "CAFE", 0, hits, sizeof(hits));
    cr_assert(strstr(hits, "agreement:a00000000001"), "%s", hits);
    /* An acronym and an alias find their agreement. */
    hit_list(st, "ca", STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert_str_eq(hits, "agreement:a00000000001");
    hit_list(st, "deepen", STORE_SEARCH_QUOTES, hits, sizeof(hits));
    cr_assert_str_eq(hits,
                     "quote:c00000000003 quote:c00000000004 quote:c00000000005 quote:c00000000001",
                     "the shorter quotes first, ties by id");
    hit_list(st, "nothingmatches", 0, hits, sizeof(hits));
    cr_assert_str_eq(hits, "");
    store_close(st);
}

Test(search, phrase_prefix_and_boolean_queries)
{
    store *st = build();
    char hits[512], expect[128];

    hit_list(st, "\"defence cooperation\"", 0, hits, sizeof(hits));
    snprintf(expect, sizeof(expect), "quote:c00000000001 source:%s", id_a);
    cr_assert_str_eq(hits, expect, "only the phrase in order");
    hit_list(st, "\"cooperation defence\"", 0, hits, sizeof(hits));
    cr_assert_str_eq(hits, "");

    hit_list(st, "coop*", 0, hits, sizeof(hits));
    cr_assert_str_eq(hits, expect);
    hit_list(st, "defen*", STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert_str_eq(hits, "agreement:a00000000002");

    hit_list(st, "defence NOT cooperation", STORE_SEARCH_QUOTES, hits, sizeof(hits));
    cr_assert_str_eq(hits, "quote:c00000000003 quote:c00000000004 quote:c00000000005");
    hit_list(st, "cooperation OR pact", STORE_SEARCH_QUOTES | STORE_SEARCH_AGREEMENTS, hits,
             sizeof(hits));
    cr_assert(strstr(hits, "quote:c00000000001") && strstr(hits, "agreement:a00000000002"), "%s",
              hits);
    hit_list(st, "decade AND minister", 0, hits, sizeof(hits));
    snprintf(expect, sizeof(expect), "source:%s", id_a);
    cr_assert_str_eq(hits, expect, "both words in one row");
    store_close(st);
}

Test(search, ranked_best_first_names_above_texts)
{
    store *st = build();
    test_search_page page;

    cr_assert_eq(search(st, "accord", 0, 100, NULL, &page), STORE_OK);
    cr_assert_geq(json_array_size(page.hits), 3);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(page.hits, 0), "kind")),
                     "agreement", "a name weighs more than an article's text");
    double prev = 1e300;
    size_t i;
    json_t *hit;
    json_array_foreach(page.hits, i, hit) {
        double score = json_number_value(json_object_get(hit, "score"));
        cr_assert_gt(score, 0.0, "higher is better, and every hit scores");
        cr_assert_leq(score, prev, "hits come best first");
        prev = score;
    }
    test_search_page_release(&page);
    store_close(st);
}

Test(search, kind_filter)
{
    store *st = build();
    char hits[512], expect[128];

    hit_list(st, "defence", STORE_SEARCH_SOURCES, hits, sizeof(hits));
    cr_assert(strstr(hits, id_a) && strstr(hits, id_b), "%s", hits);
    cr_assert_not(strstr(hits, "quote") || strstr(hits, "agreement"), "%s", hits);
    hit_list(st, "defence", STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert_str_eq(hits, "agreement:a00000000002");
    hit_list(st, "minister*", STORE_SEARCH_SOURCES | STORE_SEARCH_QUOTES, hits, sizeof(hits));
    snprintf(expect, sizeof(expect), "source:%s", id_a);
    cr_assert_str_eq(hits, expect, "the title and text of A");

    unsigned bit = 0;
    cr_assert(store_search_kind_bit("quote", 5, &bit));
    cr_assert_eq(bit, STORE_SEARCH_QUOTES);
    cr_assert(store_search_kind_bit("source,x", 6, &bit));
    cr_assert_eq(bit, STORE_SEARCH_SOURCES);
    cr_assert_not(store_search_kind_bit("meeting", 7, &bit));
    cr_assert_not(store_search_kind_bit("quotes", 6, &bit));
    store_close(st);
}

/* Walks every page of match at `limit` and checks it against the single page. */
static void walk(store *st, const char *match, int limit)
{
    char all[1024], walked[1024] = "";
    char *cursor = NULL;
    int pages = 0;

    hit_list(st, match, 0, all, sizeof(all));
    do {
        test_search_page page;
        cr_assert_eq(search(st, match, 0, limit, cursor, &page), STORE_OK, "%s", store_errmsg(st));
        cr_assert_leq((int)json_array_size(page.hits), limit);
        if (page.next_cursor) {
            cr_assert_eq((int)json_array_size(page.hits), limit, "only the last page is short");
            cr_assert(store_search_cursor_ok(page.next_cursor), "%s", page.next_cursor);
        }
        size_t i;
        json_t *hit;
        json_array_foreach(page.hits, i, hit) {
            size_t n = strlen(walked);
            snprintf(walked + n, sizeof(walked) - n, "%s%s:%s", n ? " " : "",
                     json_string_value(json_object_get(hit, "kind")),
                     json_string_value(json_object_get(hit, "id")));
        }
        free(cursor);
        cursor = page.next_cursor ? strdup(page.next_cursor) : NULL;
        test_search_page_release(&page);
        cr_assert_lt(++pages, 50);
    } while (cursor);
    cr_assert_str_eq(walked, all, "limit %d: no gaps, no repeats, same order", limit);
}

Test(search, paging_through_ties_has_no_gaps_or_repeats)
{
    store *st = build();
    /* c00000000003, c00000000004 and c00000000005 are the same text: equal scores, ordered by kind and id. */
    walk(st, "deepen", 1);
    walk(st, "deepen", 2);
    walk(st, "defence OR accord OR deepen OR minister", 1);
    walk(st, "defence OR accord OR deepen OR minister", 3);
    walk(st, "d*", 2);
    store_close(st);
}

Test(search, highlights_are_code_points_into_the_source_text)
{
    store *st = build();
    test_search_page page;
    static const char *const defence[] = {"defence"};

    cr_assert_eq(search(st, "defence", 0, 100, NULL, &page), STORE_OK);
    cr_assert_eq(json_array_size(page.hits), 7, "2 sources, 4 quotes, 1 agreement");
    expect_highlights(page.hits, defence, 1);

    /* The exact place: c00000000001's "defence" in A, after the Polish letters, a dash and quotes. */
    size_t i;
    json_t *hit;
    bool seen_q1 = false, seen_a = false;
    json_array_foreach(page.hits, i, hit) {
        const char *id = json_string_value(json_object_get(hit, "id"));
        const json_t *hl = json_object_get(hit, "highlights");
        if (strcmp(id, "c00000000001") == 0) {
            seen_q1 = true;
            cr_assert_str_eq(json_string_value(json_object_get(hit, "source_id")), id_a);
            cr_assert_eq(json_array_size(hl), 1);
            cr_assert_eq(json_integer_value(json_object_get(json_array_get(hl, 0), "start")),
                         cp_of(TEXT_A, "defence", 0));
            cr_assert_eq(json_integer_value(json_object_get(json_array_get(hl, 0), "end")),
                         cp_of(TEXT_A, "defence", 0) + 7);
            cr_assert(strstr(json_string_value(json_object_get(hit, "snippet")), "defence"));
            cr_assert_str_eq(json_string_value(
                                 json_object_get(json_object_get(hit, "fact"), "text")),
                             QUOTE_1);
        } else if (strcmp(id, "c00000000005") == 0) {
            /* Same text as c00000000004, but its evidence is the second sentence of B. */
            cr_assert_eq(json_integer_value(json_object_get(json_array_get(hl, 0), "start")),
                         cp_of(TEXT_B, "Defence", 1));
        } else if (strcmp(id, id_b) == 0) {
            cr_assert_eq(json_array_size(hl), 2, "both mentions in B");
            cr_assert_eq(json_integer_value(json_object_get(json_array_get(hl, 0), "start")),
                         cp_of(TEXT_B, "Defence", 0));
            cr_assert_eq(json_integer_value(json_object_get(json_array_get(hl, 1), "start")),
                         cp_of(TEXT_B, "Defence", 1));
            cr_assert_str_eq(json_string_value(json_object_get(json_object_get(hit, "fact"), "id")),
                             id_b, "a source hit carries the source");
        } else if (strcmp(id, "a00000000002") == 0) {
            cr_assert(json_is_null(json_object_get(hit, "source_id")), "no evidence, no source");
            cr_assert_eq(json_array_size(hl), 0);
            cr_assert_str_eq(json_string_value(json_object_get(hit, "snippet")), "Defence Pact");
        } else if (strcmp(id, id_a) == 0) {
            seen_a = true;
        }
    }
    cr_assert(seen_q1 && seen_a);
    test_search_page_release(&page);

    /* A phrase: one highlight per word.  Accents: "cafe" highlights "Café". */
    static const char *const phrase[] = {"defence", "cooperation"};
    cr_assert_eq(search(st, "\"defence cooperation\"", 0, 100, NULL, &page), STORE_OK);
    expect_highlights(page.hits, phrase, 2);
    cr_assert_eq(json_array_size(json_object_get(json_array_get(page.hits, 0), "highlights")), 2);
    test_search_page_release(&page);

    static const char *const cafe[] = {"café"};
    cr_assert_eq(search(st, "cafe", 0, 100, NULL, &page), STORE_OK);
    cr_assert_eq(json_array_size(page.hits), 3);
    expect_highlights(page.hits, cafe, 1);
    test_search_page_release(&page);

    /* An agreement is highlighted where its evidence names it; a prefix highlights words. */
    static const char *const accord[] = {"accord"};
    cr_assert_eq(search(st, "acc*", STORE_SEARCH_AGREEMENTS, 100, NULL, &page), STORE_OK);
    cr_assert_eq(json_array_size(page.hits), 1);
    expect_highlights(page.hits, accord, 1);
    test_search_page_release(&page);

    /* A match in the title alone is shown where the text has its words. */
    static const char *const title[] = {"ministers", "in", "kraków"};
    cr_assert_eq(search(st, "\"ministers in krakow\"", 0, 100, NULL, &page), STORE_OK);
    cr_assert_eq(json_array_size(page.hits), 1);
    cr_assert_eq(json_array_size(json_object_get(json_array_get(page.hits, 0), "highlights")), 3);
    expect_highlights(page.hits, title, 3);
    test_search_page_release(&page);
    store_close(st);
}

Test(search, bad_syntax_is_a_bad_query)
{
    store *st = build();
    static const char *const bad[] = {"\"unterminated", "defence AND", "(",
                                      "nosuchcolumn:x", "US-India",    "*",
                                      "a OR OR b",      "NEAR(",       ""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        test_search_page page;
        cr_assert_eq(search(st, bad[i], 0, 10, NULL, &page), STORE_BAD_QUERY, "'%s'", bad[i]);
        cr_assert_null(page.hits);
        cr_assert_neq(strlen(store_errmsg(st)), 0);
    }
    static const char *const bad_cursors[] = {
        "x",
        "0000000000000000",
        "0000000000000000.quote",
        "0000000000000000.meeting.c00000000001",
        "7ff0000000000000.quote.c00000000001",
        "zzzzzzzzzzzzzzzz.quote.c00000000001",
        "0000000000000000.quote.",
        "0000000000000000.quote.a b",
    };
    for (size_t i = 0; i < sizeof(bad_cursors) / sizeof(bad_cursors[0]); i++) {
        test_search_page page;
        cr_assert_not(store_search_cursor_ok(bad_cursors[i]), "%s", bad_cursors[i]);
        cr_assert_eq(search(st, "defence", 0, 10, bad_cursors[i], &page), STORE_BAD_QUERY);
    }
    cr_assert(store_search_cursor_ok("bff0000000000000.quote.c00000000001"));
    cr_assert_eq(store_ping(st), STORE_OK, "no transaction left open");
    store_close(st);
}

Test(search, index_follows_every_write)
{
    store *st = build();
    char hits[512];

    /* A new article is found as soon as it is stored. */
    char *c = put_text(st, "Zebras signed nothing at all.", NULL);
    hit_list(st, "zebras", 0, hits, sizeof(hits));
    char expect[64];
    snprintf(expect, sizeof(expect), "source:%s", c);
    cr_assert_str_eq(hits, expect);
    free(c);

    /* New facts replace the old ones in the index. */
    json_t *doc = json_pack("{s:[{s:s, s:s}], s:[{s:s, s:s}]}", "agreements", "id", "a00000000009",
                            "name", "Zebra Treaty", "quotes", "id", "c00000000009", "text",
                            "zebras everywhere");
    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    json_decref(doc);
    hit_list(st, "deepen", STORE_SEARCH_QUOTES | STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert_str_eq(hits, "", "the old quotes are gone");
    hit_list(st, "zebra*", STORE_SEARCH_QUOTES | STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert(strstr(hits, "agreement:a00000000009") && strstr(hits, "quote:c00000000009"), "%s",
              hits);

    /* A failed swap leaves the index as it was. */
    json_t *bad = json_loads("{\"quotes\": [{\"id\": \"qx\", \"text\": \"kangaroo\"},"
                             " {\"id\": \"qx\", \"text\": \"kangaroo\"}]}",
                             0, NULL);
    cr_assert_eq(store_replace_facts(st, bad), STORE_ERROR);
    json_decref(bad);
    hit_list(st, "kangaroo", 0, hits, sizeof(hits));
    cr_assert_str_eq(hits, "");
    hit_list(st, "zebra*", STORE_SEARCH_QUOTES, hits, sizeof(hits));
    cr_assert_str_eq(hits, "quote:c00000000009");
    store_close(st);
}

/* A bulk load indexes its articles at its end, all at once; one that stopped before its end
 * leaves them waiting, and the next bulk load or the server's catch-up indexes them, once. */
Test(search, bulk_load_indexes_at_its_end_and_after_a_stop)
{
    store *st = test_db_open_rw();
    char hits[512], expect[128];

    cr_assert_eq(store_bulk_begin(st), STORE_OK, "%s", store_errmsg(st));
    cr_assert_eq(store_batch_begin(st), STORE_OK, "%s", store_errmsg(st));
    char *a = put_text(st, "Walruses met the minister in Oslo.", NULL);
    char *b = put_text(st, "Walruses and otters signed a pact.", NULL);
    cr_assert_eq(store_batch_commit(st), STORE_OK, "%s", store_errmsg(st));
    hit_list(st, "walruses", 0, hits, sizeof(hits));
    cr_assert_str_eq(hits, "", "found before the end of the bulk load");
    cr_assert_eq(store_bulk_end(st), STORE_OK, "%s", store_errmsg(st));
    hit_list(st, "walruses", 0, hits, sizeof(hits));
    cr_assert(strstr(hits, a) && strstr(hits, b), "%s", hits);

    /* a load that stops before its end (the handle closed, as a crash leaves it) */
    cr_assert_eq(store_bulk_begin(st), STORE_OK, "%s", store_errmsg(st));
    char *c = put_text(st, "Narwhals crossed the fjord.", NULL);
    store_close(st);
    st = test_db_open_rw();
    hit_list(st, "narwhals", 0, hits, sizeof(hits));
    cr_assert_str_eq(hits, "", "indexed without a catch-up");
    cr_assert_eq(store_search_catch_up(st), STORE_OK, "%s", store_errmsg(st));
    cr_assert_eq(store_search_catch_up(st), STORE_OK, "%s", store_errmsg(st));
    hit_list(st, "narwhals", 0, hits, sizeof(hits));
    snprintf(expect, sizeof expect, "source:%s", c);
    cr_assert_str_eq(hits, expect, "indexed once by the catch-up");

    /* the next bulk load takes what waits first, too; an article indexed meanwhile (as a
     * re-reading by a newer extractor does) keeps its one row */
    cr_assert_eq(store_bulk_begin(st), STORE_OK, "%s", store_errmsg(st));
    char *d = put_text(st, "Pelicans left the harbour.", NULL);
    char *e = put_text(st, "Puffins nested on the cliffs.", NULL);
    store_close(st);
    st = test_db_open_rw();
    cr_assert_eq(store_index_source(st, e), STORE_OK, "%s", store_errmsg(st));
    cr_assert_eq(store_bulk_begin(st), STORE_OK, "%s", store_errmsg(st));
    hit_list(st, "pelicans", 0, hits, sizeof(hits));
    snprintf(expect, sizeof expect, "source:%s", d);
    cr_assert_str_eq(hits, expect);
    cr_assert_eq(store_bulk_end(st), STORE_OK, "%s", store_errmsg(st));
    hit_list(st, "pelicans OR narwhals OR walruses OR puffins", 0, hits, sizeof(hits));
    cr_assert_eq(strlen(hits), 5 * strlen(expect) + 4, "each article once: %s", hits);
    free(e);

    free(a);
    free(b);
    free(c);
    free(d);
    store_close(st);
}

/* The columns of version 10 and the table of version 11, which a database of an older
 * version does not have. */
#define DROP_SINCE_10                                                                        \
    " ALTER TABLE people DROP COLUMN disputes; ALTER TABLE agreements DROP COLUMN disputes;" \
    " ALTER TABLE meetings DROP COLUMN disputes; ALTER TABLE quotes DROP COLUMN disputes;"   \
    " DROP TABLE changes;"

Test(search, migration_fills_the_index_from_stored_rows)
{
    store *st = build();
    store_close(st);

    /* Back to version 3: no index (nor the tables of later versions). */
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(
        sqlite3_exec(db,
                     "DROP TABLE search_fts; DROP TABLE jobs; DROP TABLE source_hints;"
                     " DROP TABLE merge_sources; DROP TABLE merge_items; DROP TABLE merge_keys;"
                     " DROP TABLE merge_facts; DROP TABLE merge_pending;" DROP_SINCE_10
                     " PRAGMA user_version = 3;",
                     NULL, NULL, NULL),
        SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);

    char *err = NULL;
    cr_assert_null(store_open(test_db_path, true, &err), "a reader refuses the old schema");
    free(err);
    st = test_db_open_rw();
    char hits[512], expect[128];
    hit_list(st, "\"defence cooperation\"", 0, hits, sizeof(hits));
    snprintf(expect, sizeof(expect), "quote:c00000000001 source:%s", id_a);
    cr_assert_str_eq(hits, expect);
    hit_list(st, "the AND accord", STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert_str_eq(hits, "agreement:a00000000001", "aliases are indexed");
    hit_list(st, "ca", STORE_SEARCH_AGREEMENTS, hits, sizeof(hits));
    cr_assert_str_eq(hits, "agreement:a00000000001", "the acronym is indexed");
    store_close(st);
}

/* Runs sql on the test database through a connection of its own. */
static void exec_raw(const char *sql)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK, "%s: %s", sql,
                 sqlite3_errmsg(db));
    sqlite3_close(db);
}

static long long raw_int(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW, "%s", sql);
    long long v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

Test(search, rowids_say_kind_and_id)
{
    store *st = build();
    store_close(st);
    /* agreement code 1, quote 2, source 3, above the id's 48 bits */
    cr_assert_eq(raw_int("SELECT rowid FROM search_fts WHERE ref = 'a00000000002'"),
                 (1LL << 48) | 0xa00000000002LL);
    cr_assert_eq(raw_int("SELECT rowid FROM search_fts WHERE ref = 'c00000000005'"),
                 (2LL << 48) | 0xc00000000005LL);
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE kind = 'source'"
                         " AND rowid >> 48 = 3"),
                 2);
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE kind = 'source'"
                         " AND printf('%012x', rowid & ((1 << 48) - 1)) = ref"),
                 2);
}

Test(search, kinds_ranks_and_pages_come_from_the_index_alone)
{
    store *st = build();
    char hits[512], expect[256];
    hit_list(st, "defence", 0, hits, sizeof(hits));
    store_close(st);

    /* Scramble what the stored rows say of their kind: a search that read them would now
     * find no quote, or count wrong.  The ids of the page's hits are still read from them. */
    exec_raw("UPDATE search_fts_content SET c0 = 'scrambled'");
    st = test_db_open_rw();
    char again[512];
    hit_list(st, "defence", 0, again, sizeof(again));
    cr_assert_str_eq(again, hits);
    hit_list(st, "defence", STORE_SEARCH_QUOTES, again, sizeof(again));
    cr_assert_str_eq(again, "quote:c00000000003 quote:c00000000004 quote:c00000000005"
                            " quote:c00000000001");
    snprintf(expect, sizeof(expect), "source:%s", id_a);
    hit_list(st, "\"defence cooperation\"", STORE_SEARCH_SOURCES, again, sizeof(again));
    cr_assert_str_eq(again, expect);
    store_close(st);
}

Test(search, version_6_index_is_renumbered)
{
    store *st = build();
    char before[512];
    hit_list(st, "defence OR accord", 0, before, sizeof(before));
    store_close(st);

    /* As version 6 left it: rowids in the order the rows went in. */
    exec_raw(
        "CREATE VIRTUAL TABLE old_fts USING fts5 (kind UNINDEXED, ref UNINDEXED, name, body,"
        " tokenize = 'unicode61 remove_diacritics 2');"
        "INSERT INTO old_fts (kind, ref, name, body)"
        " SELECT kind, ref, name, body FROM search_fts ORDER BY rowid DESC;"
        "DROP TABLE search_fts; ALTER TABLE old_fts RENAME TO search_fts;"
        "DROP TABLE merge_sources; DROP TABLE merge_items; DROP TABLE merge_keys; DROP TABLE merge_facts;"
        "DROP TABLE merge_pending;" DROP_SINCE_10 " PRAGMA user_version = 6;");
    cr_assert_lt(raw_int("SELECT max(rowid) FROM search_fts"), 1LL << 48);

    st = test_db_open_rw();
    char after[512];
    hit_list(st, "defence OR accord", 0, after, sizeof(after));
    cr_assert_str_eq(after, before);
    store_close(st);
    cr_assert_eq(raw_int("PRAGMA user_version"), store_schema_current(false));
    cr_assert_eq(raw_int("SELECT rowid FROM search_fts WHERE ref = 'a00000000001'"),
                 (1LL << 48) | 0xa00000000001LL);
}

/* --- statistics --- */

static void expect_entry(const json_t *list, size_t i, const char *key, const char *name,
                         json_int_t count)
{
    const json_t *e = json_array_get(list, i);
    cr_assert_not_null(e, "entry %zu missing", i);
    if (name)
        cr_assert_str_eq(json_string_value(json_object_get(e, key)), name, "entry %zu", i);
    else
        cr_assert(json_is_null(json_object_get(e, key)), "entry %zu: %s null", i, key);
    cr_assert_eq(json_integer_value(json_object_get(e, "count")), count, "entry %zu", i);
}

static void expect_year(const json_t *list, size_t i, json_int_t year, json_int_t count)
{
    const json_t *e = json_array_get(list, i);
    cr_assert_not_null(e);
    if (year)
        cr_assert_eq(json_integer_value(json_object_get(e, "year")), year, "entry %zu", i);
    else
        cr_assert(json_is_null(json_object_get(e, "year")), "entry %zu: undated", i);
    cr_assert_eq(json_integer_value(json_object_get(e, "count")), count);
}

Test(search, stats_count_what_is_stored)
{
    store *st = build();
    json_t *stats;

    cr_assert_eq(test_store_stats(st, 50, &stats), STORE_OK, "%s", store_errmsg(st));
    const json_t *counts = json_object_get(stats, "counts");
    cr_assert_eq(json_integer_value(json_object_get(counts, "sources")), 2);
    cr_assert_eq(json_integer_value(json_object_get(counts, "agreements")), 2);
    cr_assert_eq(json_integer_value(json_object_get(counts, "meetings")), 2);
    cr_assert_eq(json_integer_value(json_object_get(counts, "quotes")), 4);
    cr_assert_eq(json_integer_value(json_object_get(counts, "people")), 1);

    const json_t *years = json_object_get(stats, "agreements_by_year");
    cr_assert_eq(json_array_size(years), 2);
    expect_year(years, 0, 2025, 1);
    expect_year(years, 1, 0, 1);
    years = json_object_get(stats, "meetings_by_year");
    cr_assert_eq(json_array_size(years), 2);
    expect_year(years, 0, 1999, 1);
    expect_year(years, 1, 2025, 1);

    const json_t *parties = json_object_get(stats, "agreements_by_party");
    cr_assert_eq(json_array_size(parties), 2);
    expect_entry(parties, 0, "party", "Poland", 2);
    expect_entry(parties, 1, "party", "Japan", 1);

    const json_t *speakers = json_object_get(stats, "quotes_by_speaker");
    cr_assert_eq(json_array_size(speakers), 3);
    expect_entry(speakers, 0, "speaker", NULL, 2);
    cr_assert(json_is_null(json_object_get(json_array_get(speakers, 0), "person_id")));
    expect_entry(speakers, 1, "speaker", "Anna Nowak", 1);
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(speakers, 1), "person_id")),
                     "p1", "a person's quotes go by the person's name");
    expect_entry(speakers, 2, "speaker", "Jan Kowalski", 1);
    cr_assert(json_is_null(json_object_get(json_array_get(speakers, 2), "person_id")));
    json_decref(stats);

    /* Top lists are cut at `top`; an empty store counts zeros. */
    cr_assert_eq(test_store_stats(st, 1, &stats), STORE_OK);
    cr_assert_eq(json_array_size(json_object_get(stats, "quotes_by_speaker")), 1);
    cr_assert_eq(json_array_size(json_object_get(stats, "agreements_by_party")), 1);
    json_decref(stats);
    cr_assert_eq(test_store_stats(st, 0, &stats), STORE_ERROR);
    json_t *empty = json_object();
    cr_assert_eq(store_replace_facts(st, empty), STORE_OK);
    json_decref(empty);
    cr_assert_eq(test_store_stats(st, 50, &stats), STORE_OK);
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(stats, "counts"), "quotes")),
                 0);
    cr_assert_eq(json_array_size(json_object_get(stats, "agreements_by_year")), 0);
    json_decref(stats);
    store_close(st);
}
