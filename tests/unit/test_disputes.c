/* Unit tests of disputes (ingest/disputes.c): which values of an attribute agree (a less
 * precise date, place, set or title that says nothing else is no dispute), what a fact's
 * disputes list (every value, most sources first, with its sources and first spans), and
 * that the votes do not depend on the order they come in.  Every value here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

/* An evidence array with one span. */
static json_t *span(int start, int end)
{
    return json_pack("[{s:i, s:i}]", "start", start, "end", end);
}

/* Adds a vote with one span and lets go of the span. */
static void vote(json_t *votes, const char *attribute, const char *value, const char *source,
                 int start)
{
    json_t *e = span(start, start + 5);
    ingest_dispute_vote(votes, attribute, value, source, e);
    json_decref(e);
}

Test(disputes, dates_of_less_precision_agree)
{
    cr_expect(ingest_dispute_values_agree("signed", "2025-10", "2025-10-31"));
    cr_expect(ingest_dispute_values_agree("signed", "2025", "2025-10-31"));
    cr_expect(ingest_dispute_values_agree("date", "2025-10-31", "2025"));
    cr_expect(ingest_dispute_values_agree("date", "2025-10-31", "2025-10-31"));
    cr_expect(!ingest_dispute_values_agree("signed", "2025-10-30", "2025-10-31"));
    cr_expect(!ingest_dispute_values_agree("signed", "2025-11", "2025-10-31"));
    cr_expect(!ingest_dispute_values_agree("date", "2024", "2025-10"));
    /* a year is not the start of a longer year's text */
    cr_expect(!ingest_dispute_values_agree("date", "2025-1", "2025-10"));
}

Test(disputes, a_place_and_a_longer_name_of_it_agree)
{
    cr_expect(ingest_dispute_values_agree("place", "Porto", "Porto"));
    cr_expect(ingest_dispute_values_agree("place", "Porto", "porto"));
    cr_expect(ingest_dispute_values_agree("place", "Suva", "Grand Pacific Hotel, Suva"));
    cr_expect(ingest_dispute_values_agree("place", "Kuala Lumpur, Malaysia", "Kuala Lumpur"));
    /* a country and its capital */
    cr_expect(ingest_dispute_values_agree("place", "Malaysia", "Kuala Lumpur"));
    cr_expect(!ingest_dispute_values_agree("place", "Porto", "Lisbon"));
    cr_expect(!ingest_dispute_values_agree("place", "Tallinn", "Riga"));
    cr_expect(!ingest_dispute_values_agree("place", "India", "Kuala Lumpur"));
    cr_expect(!ingest_dispute_values_agree("place", "Port", "Porto"));
}

Test(disputes, a_set_and_its_superset_agree)
{
    cr_expect(ingest_dispute_values_agree("parties", "Ghana", "Ghana|Portugal"));
    cr_expect(ingest_dispute_values_agree("participants", "A B|C D", "A B|C D|E F"));
    cr_expect(ingest_dispute_values_agree("signatories", "A B|C D", "A B|C D"));
    cr_expect(!ingest_dispute_values_agree("parties", "Ghana|Spain", "Ghana|Portugal"));
    cr_expect(!ingest_dispute_values_agree("participants", "A B|C D|G H", "A B|C D|E F"));
}

Test(disputes, titles_agree_when_one_has_no_word_the_other_lacks)
{
    cr_expect(ingest_dispute_values_agree("title", "Minister", "Foreign Minister"));
    cr_expect(ingest_dispute_values_agree("title", "Defence Minister", "India’s Defence Minister"));
    cr_expect(ingest_dispute_values_agree("title", "Indian Defense Minister",
                                          "India's Defence Minister"));
    cr_expect(
        ingest_dispute_values_agree("title", "U.S. Secretary of Trade", "US Secretary of Trade"));
    cr_expect(ingest_dispute_values_agree("title", "Natural Resources Minister",
                                          "Canada's Minister of Natural Resources"));
    cr_expect(!ingest_dispute_values_agree("title", "Romanian Trade Minister",
                                           "Romanian Finance Minister"));
    cr_expect(
        !ingest_dispute_values_agree("title", "US Defense Secretary", "US Secretary of Trade"));
}

Test(disputes, speakers_agree_only_when_the_same)
{
    cr_expect(ingest_dispute_values_agree("speaker", "Corin Zammit", "Corin Zammit"));
    cr_expect(!ingest_dispute_values_agree("speaker", "Corin Zammit", "Lino Fenech"));
}

Test(disputes, precision_variants_make_no_dispute)
{
    json_t *votes = json_object();
    vote(votes, "signed", "2024-03-03", "aaa", 10);
    vote(votes, "signed", "2024-03", "bbb", 20);
    vote(votes, "signed", "2024", "ccc", 30);
    vote(votes, "place", "Suva", "aaa", 10);
    vote(votes, "place", "Grand Pacific Hotel, Suva", "bbb", 20);
    vote(votes, "parties", "Fiji|Samoa", "aaa", 10);
    vote(votes, "parties", "Fiji", "bbb", 20);
    cr_expect_null(ingest_disputes(votes));
    json_decref(votes);
}

Test(disputes, each_value_with_its_sources_and_spans_most_sources_first)
{
    json_t *votes = json_object();
    vote(votes, "signed", "2025-10-15", "ccc", 40);
    vote(votes, "signed", "2025-10-14", "bbb", 30);
    vote(votes, "signed", "2025-10-14", "aaa", 10);
    vote(votes, "signed", "2025-10-14", "aaa", 20); /* a second report of one article */
    vote(votes, "signed", "2025-10", "ddd", 50);
    vote(votes, "place", "Porto", "aaa", 10);
    json_t *d = ingest_disputes(votes);
    cr_assert_not_null(d);
    cr_expect_null(json_object_get(d, "place"), "one place given is no dispute");
    json_t *signed_on = json_object_get(d, "signed");
    cr_assert_eq(json_array_size(signed_on), 3);
    json_t *first = json_array_get(signed_on, 0);
    cr_expect_str_eq(json_string_value(json_object_get(first, "value")), "2025-10-14");
    cr_expect_eq(json_integer_value(json_object_get(first, "sources")), 2, "articles, not reports");
    json_t *ev = json_object_get(first, "evidence");
    cr_assert_eq(json_array_size(ev), 3);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(ev, 0), "source_id")), "aaa");
    cr_expect_eq(json_integer_value(json_object_get(json_array_get(ev, 0), "start")), 10);
    cr_expect_eq(json_integer_value(json_object_get(json_array_get(ev, 1), "start")), 20);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(ev, 2), "source_id")), "bbb");
    /* then by precision: the full date before the month */
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(signed_on, 1), "value")),
                     "2025-10-15");
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(signed_on, 2), "value")),
                     "2025-10");
    json_decref(d);
    json_decref(votes);
}

Test(disputes, a_set_value_is_served_as_its_members)
{
    json_t *votes = json_object();
    vote(votes, "parties", "Ghana|Portugal", "aaa", 10);
    vote(votes, "parties", "Ghana|Spain", "bbb", 10);
    json_t *d = ingest_disputes(votes);
    cr_assert_not_null(d);
    json_t *value = json_object_get(json_array_get(json_object_get(d, "parties"), 0), "value");
    cr_assert(json_is_array(value));
    cr_expect_eq(json_array_size(value), 2);
    json_decref(d);
    json_decref(votes);
}

/* The votes are what a summary keeps, and a summary is built in article order by a full
 * merge and in arrival order by an incremental one: both must hold the same. */
Test(disputes, votes_do_not_depend_on_their_order)
{
    json_t *forward = json_object(), *backward = json_object();
    const char *sources[] = {"a1", "b2", "c3", "d4", "e5", "f6",
                             "g7", "h8", "i9", "j0", "k1", "l2"};
    size_t n = sizeof sources / sizeof sources[0];
    for (size_t i = 0; i < n; i++)
        vote(forward, "place", i % 3 ? "Porto" : "Lisbon", sources[i], (int)i * 7);
    for (size_t i = n; i-- > 0;)
        vote(backward, "place", i % 3 ? "Porto" : "Lisbon", sources[i], (int)i * 7);
    cr_expect(json_equal(forward, backward));
    json_t *d = ingest_disputes(forward);
    json_t *porto = json_array_get(json_object_get(d, "place"), 0);
    cr_expect_eq(json_integer_value(json_object_get(porto, "sources")), 8);
    cr_expect_eq(json_array_size(json_object_get(porto, "evidence")), 8);
    json_decref(d);
    json_decref(forward);
    json_decref(backward);
}

Test(disputes, at_most_ten_spans_a_value_the_first_in_article_order)
{
    json_t *votes = json_object();
    char source[16];
    for (int i = 30; i > 0; i--) {
        snprintf(source, sizeof source, "s%02d", i);
        vote(votes, "speaker", "Corin Zammit", source, i);
    }
    vote(votes, "speaker", "Lino Fenech", "s99", 1);
    json_t *d = ingest_disputes(votes);
    json_t *first = json_array_get(json_object_get(d, "speaker"), 0);
    cr_expect_eq(json_integer_value(json_object_get(first, "sources")), 30);
    json_t *ev = json_object_get(first, "evidence");
    cr_assert_eq(json_array_size(ev), 10);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(ev, 0), "source_id")), "s01");
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(ev, 9), "source_id")), "s10");
    json_decref(d);
    json_decref(votes);
}

/* A person's titles are counted, not listed by article: their votes stay small. */
Test(disputes, counted_votes_dispute_as_listed_ones_do)
{
    json_t *votes = json_object();
    const char *sources[] = {"a1", "b2", "c3"};
    for (int i = 0; i < 3; i++)
        ingest_dispute_count(votes, "title", "Romanian Finance Minister", sources[i], 0);
    ingest_dispute_count(votes, "title", "Minister", "d4", 0);
    cr_expect_null(ingest_disputes(votes), "a title and a shorter one agree");
    ingest_dispute_count(votes, "title", "Romanian Trade Minister", "e5", 0);
    json_t *d = ingest_disputes(votes);
    cr_assert_not_null(d);
    json_t *first = json_array_get(json_object_get(d, "title"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(first, "value")),
                     "Romanian Finance Minister");
    cr_expect_eq(json_integer_value(json_object_get(first, "sources")), 3);
    cr_expect_eq(json_array_size(json_object_get(first, "evidence")), 0);
    cr_expect_eq(json_array_size(json_object_get(d, "title")), 3);
    json_decref(d);
    json_decref(votes);
}

/* The value served: most articles, then the more precise, then the earliest given, then the
 * first in code-point order. */
Test(disputes, the_value_served_follows_the_rule)
{
    json_t *votes = json_object();
    vote(votes, "place", "Lisbon", "bbb", 10);
    vote(votes, "place", "Lisbon", "bbb", 40); /* one article twice: one source */
    vote(votes, "place", "Porto", "ccc", 10);
    vote(votes, "place", "Porto", "ddd", 10);
    cr_expect_str_eq(ingest_dispute_served(votes, "place"), "Porto", "most articles");
    vote(votes, "place", "Grand Porto", "eee", 10);
    vote(votes, "place", "Grand Porto", "fff", 10);
    cr_expect_str_eq(ingest_dispute_served(votes, "place"), "Grand Porto", "then more precise");
    vote(votes, "place", "Braga Vilas", "aaa", 10);
    vote(votes, "place", "Braga Vilas", "zzz", 10);
    cr_expect_str_eq(ingest_dispute_served(votes, "place"), "Braga Vilas", "then the earliest");
    cr_expect_null(ingest_dispute_served(votes, "parties"));
    json_t *d = ingest_disputes(votes);
    cr_expect_str_eq(json_string_value(
                         json_object_get(json_array_get(json_object_get(d, "place"), 0), "value")),
                     "Braga Vilas", "the disputes list the served value first");
    json_decref(d);
    ingest_dispute_count(votes, "title", "Sea Minister", "mmm", 3);
    ingest_dispute_count(votes, "title", "Air Minister", "mmm", 1);
    cr_expect_str_eq(ingest_dispute_served(votes, "title"), "Air Minister",
                     "a counted vote's earliest: its first report");
    json_decref(votes);
}
