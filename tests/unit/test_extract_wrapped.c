/* Unit tests of hard-wrapped text: wire copy whose lines break at a width, in the middle of
 * sentences and of quotations, with no blank line between its paragraphs.  The lines of a
 * paragraph are read as one paragraph (one quotation, its attribution on a later line), while
 * every evidence span stays the exact bytes of the text, line breaks included.
 * Every sentence here is invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/extract_helpers.h"

static const char wrapped[] =
    "Ferry berth to open before summer\n"
    "\n"
    "KORVAL, March 3 (Wire) -- Harbour Minister Elsa Brandt said on\n"
    "Tuesday that \"the new ferry berth at Korval will open to traffic\n"
    "before the summer season begins.\" Work on the pier started last\n"
    "year.\n"
    "\"We have spent two winters on this berth and the crews deserve their\n"
    "rest now,\" Brandt told reporters at the quay, adding that the port\n"
    "would hire forty more pilots.\n"
    "Opposition leader Tomas Ek said the costs had doubled since the\n"
    "tender.\n"
    "\"Nobody in the council saw the final bill before the vote was taken,\n"
    "and nobody has seen it since,\" Ek said.\n";

static void expect_one(const json_t *ex, const char *needle, const char *words, const char *speaker)
{
    cr_expect_eq(count_quotes(ex, needle), 1, "quotes with \"%s\": %s", needle,
                 json_brief(json_object_get(ex, "quotes")));
    const json_t *q = find_quote(ex, needle);
    cr_assert_not_null(q);
    cr_expect(same_words(field_str(q, "text"), words), "text: %s", field_str(q, "text"));
    cr_expect(speaker_name(q) && strcmp(speaker_name(q), speaker) == 0, "speaker of \"%s\": %s",
              needle, json_brief(json_object_get(q, "speaker")));
}

/* a quotation broken over lines is one quotation, with the speaker its later line names */
Test(extract_wrapped, quotation_over_lines_keeps_its_speaker)
{
    json_t *ex = extract_text(wrapped);
    expect_one(ex, "ferry berth at Korval",
               "the new ferry berth at Korval will open to traffic before the summer season "
               "begins.",
               "Elsa Brandt");
    expect_one(ex, "two winters",
               "We have spent two winters on this berth and the crews deserve their rest now,",
               "Elsa Brandt");
    expect_one(ex, "final bill",
               "Nobody in the council saw the final bill before the vote was taken, and nobody "
               "has seen it since,",
               "Tomas Ek");
    cr_expect_eq(count_quotes(ex, "rest now"), 1);
    cr_expect_eq(json_array_size(json_object_get(ex, "quotes")), 3, "%s",
                 json_brief(json_object_get(ex, "quotes")));
    json_decref(ex);
}

/* the served span is the text's own bytes, the line break inside the quotation included */
Test(extract_wrapped, evidence_keeps_the_line_breaks)
{
    json_t *ex = extract_text(wrapped);
    const json_t *q = find_quote(ex, "ferry berth at Korval");
    cr_assert_not_null(q);
    cr_expect(evidence_is(q, NULL, wrapped,
                          "the new ferry berth at Korval will open to traffic\n"
                          "before the summer season begins."),
              "%s", json_brief(json_object_get(q, "evidence")));
    cr_expect(evidence_in_bounds(ex, wrapped));
    json_decref(ex);
}

/* text whose paragraphs are each one line is read as before: a short line that ends no
 * sentence (a heading) does not run into the paragraph under it */
Test(extract_wrapped, unwrapped_paragraphs_stay_apart)
{
    static const char text[] =
        "Harbour Minister Elsa Brandt visited the new ferry berth at Korval on Tuesday and met "
        "the pilots who will guide the first ships in.\n"
        "Costs\n"
        "\"Nobody in the council saw the final bill before the vote,\" opposition leader Tomas "
        "Ek said.\n";
    json_t *ex = extract_text(text);
    expect_one(ex, "final bill", "Nobody in the council saw the final bill before the vote,",
               "Tomas Ek");
    json_decref(ex);
}

Test(extract_wrapped, a_sentence_broken_across_a_blank_line_is_one_sentence)
{
    /* copied from print: a paragraph break in the middle of a sentence, after a function word,
     * before a lower-case word and inside a country's name */
    static const char text[] =
        "Norway and Chile sign accords\n"
        "\n"
        "The two memoranda were signed after long talks between Norway and the\n"
        "\n"
        "government of Chile at the royal palace in Oslo on Monday, officials said after the\n"
        "\n"
        "ceremony. The two memoranda are on cooperation for cleaner harbours in Chile and\n"
        "\n"
        "Norway and on polar research.\n";
    json_t *ex = extract_text(text);
    const json_t *agreements = json_object_get(ex, "agreements");
    const json_t *harbours = find_agreement(ex, "cleaner harbours in Chile and Norway");
    cr_expect(harbours, "%s", json_brief(agreements));
    cr_expect(parties_are(harbours, "Norway", "Chile"), "%s", json_brief(harbours));
    json_decref(ex);
}
