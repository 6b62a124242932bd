/* Integration tests of disputes and GET /conflicts on the bundled corpus plus tests/disputes,
 * invented articles whose sources disagree: on an agreement's signing date and place (three
 * say the 14th or the 15th in Porto or Lisbon, one only "October"), on a meeting's date and
 * place (the 2nd in Tallinn, the 3rd in Riga, "June" alone), on who spoke a quote (a minister,
 * a spokesman, an unnamed official) and on a person's title (trade or finance minister); and
 * an agreement whose articles differ only in precision (a day and its month), which is no
 * dispute.  Each dispute is checked with the articles and excerpts of its evidence. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "tests/integration/harness.h"
#include "util/strbuf.h"

#define DISPUTES_CORPUS "tests/disputes"

static void start_disputed(void)
{
    harness_start();
    char *argv[] = {"factd", "ingest", "--db", (char *)harness_db_path(), DISPUTES_CORPUS, NULL};
    cr_assert_eq(harness_run_factd(argv, "disputes.log", 120), 0, "factd ingest failed");
    cr_assert(harness_restart_with(NULL), "factd serve did not come back");
}

TestSuite(http_disputes, .init = start_disputed, .fini = harness_stop, .timeout = 240);

/* The id of the source read from the file `name`. */
static char *source_of(const char *name)
{
    json_t *page = http_get_json_ok("/sources?limit=1000");
    size_t i;
    json_t *s;
    char *id = NULL;
    json_array_foreach(json_object_get(page, "data"), i, s) {
        const char *file = json_string_value(json_object_get(s, "file"));
        if (file && strcmp(file, name) == 0)
            id = strdup(json_string_value(json_object_get(s, "id")));
    }
    json_decref(page);
    cr_assert(id, "no source read from %s", name);
    return id;
}

/* The first item of a list page whose member `key` is the string `value` (a new reference). */
static json_t *find_item(const char *path, const char *key, const char *value)
{
    json_t *page = http_get_json_ok(path), *found = NULL, *x;
    size_t i;
    json_array_foreach(json_object_get(page, "data"), i, x) {
        const char *v = json_string_value(json_object_get(x, key));
        if (v && strcmp(v, value) == 0 && !found)
            found = json_incref(x);
    }
    json_decref(page);
    cr_assert(found, "%s: nothing with %s '%s'", path, key, value);
    return found;
}

/* The value entry of a dispute whose value is `value` (borrowed), or NULL. */
static json_t *dispute_value(const json_t *fact, const char *attribute, const char *value)
{
    size_t i;
    json_t *entry;
    json_array_foreach(json_object_get(json_object_get(fact, "disputes"), attribute), i, entry) {
        const char *v = json_string_value(json_object_get(entry, "value"));
        if (v && strcmp(v, value) == 0)
            return entry;
    }
    return NULL;
}

/* Checks an entry: its number of articles, and that its evidence cites exactly the sources
 * read from `files` (NULL-terminated), each span with the excerpt its source's text has
 * there. */
static void expect_entry(const json_t *fact, const char *attribute, const char *value,
                         json_int_t sources, const char *const files[])
{
    json_t *entry = dispute_value(fact, attribute, value);
    cr_assert(entry, "%s: no value '%s' among the disputes of %s",
              json_string_value(json_object_get(fact, "id")), value, attribute);
    cr_expect_eq(json_integer_value(json_object_get(entry, "sources")), sources,
                 "%s '%s': %lld sources", attribute, value,
                 (long long)json_integer_value(json_object_get(entry, "sources")));
    json_t *cited = json_object(), *span;
    size_t i;
    json_array_foreach(json_object_get(entry, "evidence"), i, span) {
        const char *sid = json_string_value(json_object_get(span, "source_id"));
        const char *excerpt = json_string_value(json_object_get(span, "excerpt"));
        cr_assert(sid && excerpt && *excerpt, "%s '%s': a span without source or excerpt",
                  attribute, value);
        json_object_set_new(cited, sid, json_true());
        /* the excerpt is the text between the offsets */
        strbuf path = STRBUF_INIT;
        strbuf_addf(&path, "/sources/%s/text", sid);
        http_reply r;
        http_reply_init(&r);
        cr_assert(http_get(path.buf, &r));
        size_t from = test_cp_to_byte(r.body.buf, r.body.len,
                                      (size_t)json_integer_value(json_object_get(span, "start")));
        size_t to = test_cp_to_byte(r.body.buf, r.body.len,
                                    (size_t)json_integer_value(json_object_get(span, "end")));
        cr_assert(from != (size_t)-1 && to != (size_t)-1 && to > from);
        cr_expect(to - from == strlen(excerpt) &&
                      memcmp(r.body.buf + from, excerpt, to - from) == 0,
                  "%s '%s': the excerpt '%s' is not the text at its span", attribute, value,
                  excerpt);
        http_reply_release(&r);
        strbuf_release(&path);
    }
    size_t n = 0;
    for (; files[n]; n++) {
        char *sid = source_of(files[n]);
        cr_expect(json_object_get(cited, sid), "%s '%s': no evidence from %s", attribute, value,
                  files[n]);
        free(sid);
    }
    cr_expect_eq(json_object_size(cited), n, "%s '%s': evidence from %zu articles, not %zu",
                 attribute, value, json_object_size(cited), n);
    json_decref(cited);
}

Test(http_disputes, an_agreement_keeps_each_signing_date_and_place_with_its_evidence)
{
    json_t *a = find_item("/agreements?limit=1000", "name", "Tidewater Fisheries Accord");
    cr_expect(json_is_true(json_object_get(a, "disputed")));
    /* the served values: the date every report agrees with, the place most reports give */
    cr_expect_str_eq(json_string_value(json_object_get(a, "signed")), "2025-10");
    cr_expect_str_eq(json_string_value(json_object_get(a, "place")), "Porto");
    json_t *signed_on = json_object_get(json_object_get(a, "disputes"), "signed");
    cr_expect_eq(json_array_size(signed_on), 3);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(signed_on, 0), "value")),
                     "2025-10-14", "most sources first");
    expect_entry(a, "signed", "2025-10-14", 2,
                 (const char *[]){"01_tidewater_signed_porto.txt", "03_tidewater_signed_lisbon.txt",
                                  NULL});
    expect_entry(a, "signed", "2025-10-15", 1,
                 (const char *[]){"02_tidewater_signed_porto_15.txt", NULL});
    expect_entry(a, "signed", "2025-10", 1, (const char *[]){"04_tidewater_month_only.txt", NULL});
    cr_expect_eq(json_array_size(json_object_get(json_object_get(a, "disputes"), "place")), 2);
    expect_entry(a, "place", "Porto", 2,
                 (const char *[]){"01_tidewater_signed_porto.txt",
                                  "02_tidewater_signed_porto_15.txt", NULL});
    expect_entry(a, "place", "Lisbon", 1, (const char *[]){"03_tidewater_signed_lisbon.txt", NULL});
    /* the parties are the same in every article: no dispute */
    cr_expect_null(json_object_get(json_object_get(a, "disputes"), "parties"));
    /* the single agreement says the same */
    strbuf path = STRBUF_INIT;
    strbuf_addf(&path, "/agreements/%s", json_string_value(json_object_get(a, "id")));
    json_t *one = http_get_json_ok(path.buf);
    cr_expect(json_equal(json_object_get(one, "disputes"), json_object_get(a, "disputes")));
    json_decref(one);
    strbuf_release(&path);
    json_decref(a);
}

Test(http_disputes, a_date_and_its_month_are_no_dispute)
{
    json_t *a = find_item("/agreements?limit=1000", "name", "Coral Shelf Compact");
    cr_expect(json_is_false(json_object_get(a, "disputed")));
    cr_expect(json_is_object(json_object_get(a, "disputes")));
    cr_expect_eq(json_object_size(json_object_get(a, "disputes")), 0);
    cr_expect_str_eq(json_string_value(json_object_get(a, "signed")), "2024-03-03");
    json_decref(a);
}

Test(http_disputes, a_meeting_keeps_each_date_and_place)
{
    json_t *m = find_item("/meetings?limit=1000&place=Tallinn", "place", "Tallinn");
    cr_expect(json_is_true(json_object_get(m, "disputed")));
    cr_expect_str_eq(json_string_value(json_object_get(m, "date")), "2025-06");
    expect_entry(m, "date", "2025-06-02", 1, (const char *[]){"08_talks_june_2.txt", NULL});
    expect_entry(m, "date", "2025-06-03", 1, (const char *[]){"09_talks_june_3.txt", NULL});
    expect_entry(m, "date", "2025-06", 1, (const char *[]){"07_talks_june_month.txt", NULL});
    expect_entry(m, "place", "Tallinn", 1, (const char *[]){"08_talks_june_2.txt", NULL});
    expect_entry(m, "place", "Riga", 1, (const char *[]){"09_talks_june_3.txt", NULL});
    json_decref(m);
}

Test(http_disputes, a_quote_keeps_each_speaker)
{
    json_t *q = find_item("/quotes?limit=1000", "text",
                          "We will keep every lighthouse lit and every station staffed,");
    cr_expect(json_is_true(json_object_get(q, "disputed")));
    /* served: the first article (by id) that names a speaker */
    const char *served = json_string_value(json_object_get(json_object_get(q, "speaker"), "name"));
    cr_assert(served);
    cr_expect(dispute_value(q, "speaker", served), "the served speaker is one of the values");
    expect_entry(q, "speaker", "Corin Zammitello", 1,
                 (const char *[]){"10_lighthouse_quote_minister.txt", NULL});
    expect_entry(q, "speaker", "Lino Fenech-Abela", 1,
                 (const char *[]){"11_lighthouse_quote_spokesman.txt", NULL});
    cr_expect_eq(json_array_size(json_object_get(json_object_get(q, "disputes"), "speaker")), 2,
                 "the unnamed official is no value");
    json_decref(q);
}

Test(http_disputes, a_person_keeps_each_title)
{
    json_t *p = find_item("/people?limit=1000", "name", "Viorela Stancuta");
    cr_expect(json_is_true(json_object_get(p, "disputed")));
    json_t *trade = dispute_value(p, "title", "Romanian Trade Minister");
    json_t *finance = dispute_value(p, "title", "Romanian Finance Minister");
    cr_expect(trade && finance);
    cr_expect_eq(json_integer_value(json_object_get(trade, "sources")), 1);
    cr_expect_eq(json_integer_value(json_object_get(finance, "sources")), 1);
    cr_expect_eq(json_array_size(json_object_get(trade, "evidence")), 0, "people have no spans");
    /* a person with one title in every article is not disputed */
    json_t *other = find_item("/people?limit=1000", "name", "Dace Ozolina");
    cr_expect(json_is_false(json_object_get(other, "disputed")));
    json_decref(other);
    json_decref(p);
}

/* Every conflict, following next from path. */
static json_t *all_conflicts(const char *first)
{
    json_t *all = json_array();
    strbuf path = STRBUF_INIT;
    strbuf_addstr(&path, first);
    for (int pages = 0; path.len; pages++) {
        cr_assert_lt(pages, 1000, "the pages of %s do not end", first);
        json_t *page = http_get_json_ok(path.buf);
        json_array_extend(all, json_object_get(page, "data"));
        const char *next = json_string_value(json_object_get(page, "next"));
        strbuf_reset(&path);
        if (next)
            strbuf_addstr(&path, next);
        json_decref(page);
    }
    strbuf_release(&path);
    return all;
}

Test(http_disputes, conflicts_list_every_disputed_fact_newest_first)
{
    json_t *all = all_conflicts("/conflicts?limit=1000");
    json_t *paged = all_conflicts("/conflicts?limit=1");
    cr_expect_eq(json_array_size(paged), json_array_size(all));
    size_t i;
    json_t *c;
    const char *last_date = NULL;
    bool undated = false;
    json_array_foreach(all, i, c) {
        cr_expect_str_eq(json_string_value(json_object_get(c, "id")),
                         json_string_value(json_object_get(json_array_get(paged, i), "id")));
        json_t *fact = json_object_get(c, "fact");
        cr_expect(json_is_true(json_object_get(fact, "disputed")));
        cr_expect(json_array_size(json_object_get(c, "attributes")) > 0);
        const char *date = json_string_value(json_object_get(c, "date"));
        if (!date) {
            undated = true;
        } else {
            cr_expect(!undated, "a dated conflict after an undated one");
            cr_expect(!last_date || strcmp(date, last_date) <= 0, "%s after %s", date, last_date);
            last_date = date;
        }
    }
    /* the disputed facts of each list, and only those, are conflicts */
    const char *lists[][2] = {{"/agreements", "agreement"},
                              {"/meetings", "meeting"},
                              {"/quotes", "quote"},
                              {"/people", "person"}};
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s?limit=1000&disputed=true", lists[k][0]);
        json_t *disputed = http_get_json_ok(path);
        snprintf(path, sizeof path, "%s?limit=1000&disputed=false", lists[k][0]);
        json_t *agreed = http_get_json_ok(path);
        snprintf(path, sizeof path, "%s?limit=1000", lists[k][0]);
        json_t *every = http_get_json_ok(path);
        size_t nd = json_array_size(json_object_get(disputed, "data"));
        cr_expect(nd > 0, "%s: no disputed item", lists[k][0]);
        cr_expect_eq(nd + json_array_size(json_object_get(agreed, "data")),
                     json_array_size(json_object_get(every, "data")), "%s", lists[k][0]);
        json_t *x;
        size_t j;
        json_array_foreach(json_object_get(agreed, "data"), j, x)
            cr_expect(json_is_false(json_object_get(x, "disputed")));
        size_t in_conflicts = 0;
        json_array_foreach(all, i, c)
            in_conflicts += strcmp(json_string_value(json_object_get(c, "kind")), lists[k][1]) == 0;
        cr_expect_eq(in_conflicts, nd, "%s: %zu disputed, %zu conflicts", lists[k][0], nd,
                     in_conflicts);
        json_decref(disputed);
        json_decref(agreed);
        json_decref(every);
    }
    json_decref(all);
    json_decref(paged);
}

Test(http_disputes, conflicts_filter_by_kind_attribute_and_source)
{
    json_t *quotes = all_conflicts("/conflicts?kind=quote");
    size_t i;
    json_t *c;
    cr_expect_geq(json_array_size(quotes), 1);
    json_array_foreach(quotes, i, c)
        cr_expect_str_eq(json_string_value(json_object_get(c, "kind")), "quote");
    json_decref(quotes);

    json_t *signed_on = all_conflicts("/conflicts?attribute=signed");
    cr_expect_eq(json_array_size(signed_on), 1);
    json_array_foreach(signed_on, i, c) {
        cr_expect_str_eq(json_string_value(json_object_get(c, "kind")), "agreement");
        cr_expect(
            json_object_get(json_object_get(json_object_get(c, "fact"), "disputes"), "signed"));
    }
    json_decref(signed_on);

    char *sid = source_of("09_talks_june_3.txt");
    strbuf path = STRBUF_INIT;
    strbuf_addf(&path, "/conflicts?source_id=%s", sid);
    json_t *of_source = all_conflicts(path.buf);
    cr_expect_eq(json_array_size(of_source), 1);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(of_source, 0), "kind")),
                     "meeting");
    json_decref(of_source);
    strbuf_release(&path);
    free(sid);

    sid = source_of("14_title_finance.txt");
    strbuf_addf(&path, "/conflicts?kind=person&source_id=%s", sid);
    json_t *people = all_conflicts(path.buf);
    cr_expect_eq(json_array_size(people), 1, "a person is in the conflicts of an article");
    json_decref(people);
    strbuf_release(&path);
    free(sid);

    json_t *counted = http_get_json_ok("/conflicts?kind=meeting&count=exact");
    cr_expect_eq(json_integer_value(json_object_get(counted, "total")),
                 (json_int_t)json_array_size(json_object_get(counted, "data")));
    json_decref(counted);
}

Test(http_disputes, bad_dispute_parameters_are_refused)
{
    const char *bad[] = {"/conflicts?attribute=colour", "/conflicts?kind=source",
                         "/conflicts?disputed=true",    "/agreements?disputed=yes",
                         "/sources?disputed=true",      "/conflicts?cursor=abc"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        http_expect_problem(bad[i], 400, "/problems/bad-parameter");
}
