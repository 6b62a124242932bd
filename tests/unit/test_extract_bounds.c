/* Unit tests of the extractor's bounds: its work grows in proportion to the article on inputs
 * made to make it grow faster (tests/unit/adversarial.c: stray quotation marks of every
 * family, apostrophes, ". . .", links, one line that never breaks, runs of titles, names,
 * dates, countries, agreements, meetings, quotes), and its time budget stops an extraction
 * that would run past it.
 *
 * Work is counted, not timed: the extractor counts a step for each token, sentence, line or
 * mention its passes and their look-arounds visit (doc_step), the same count its time budget
 * is checked on.  An extractor that rescans what it has read (the comma before every token,
 * the quotation marks open before it, every person named so far) counts the square of the
 * article's length, and fails here long before the article is large. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "tests/unit/adversarial.h"
#include "tests/unit/extract_helpers.h"

/* Two sizes four times apart: steps in proportion to the text grow four times, steps in
 * proportion to its square sixteen times. */
#define SMALL_BYTES 8000
#define LARGE_BYTES 32000
/* Steps per byte may grow by this much from the small size to the large (rounding of units,
 * lines and sentences cut short). */
#define GROWTH_SLACK 1.25
/* At most this many steps per byte of any input: a word is looked at from within its sentence
 * (at most SENTENCE_MAX_TOKENS tokens), a bounded number of times per pass. */
#define MAX_STEPS_PER_BYTE 64.0

static ingest_extract_cost cost_of(const adversarial_kind *k, size_t bytes, size_t *len)
{
    char *text = adversarial_text(k, bytes, len);
    ingest_extract_cost cost;
    json_t *ex = ingest_extract_within(text, *len, 0, &cost);
    cr_assert_not_null(ex, "%s: no extraction without a budget", k->name);
    cr_assert(!cost.expired);
    json_decref(ex);
    free(text);
    return cost;
}

Test(extract_bounds, work_grows_in_proportion_to_the_article)
{
    cr_assert_gt(ADVERSARIAL_KIND_COUNT, 40);
    for (size_t i = 0; i < ADVERSARIAL_KIND_COUNT; i++) {
        const adversarial_kind *k = &ADVERSARIAL_KINDS[i];
        size_t small_len, large_len;
        ingest_extract_cost small = cost_of(k, SMALL_BYTES, &small_len);
        ingest_extract_cost large = cost_of(k, LARGE_BYTES, &large_len);
        double small_per_byte = (double)small.steps / (double)small_len;
        double large_per_byte = (double)large.steps / (double)large_len;
        cr_expect_leq(
            large_per_byte, small_per_byte * GROWTH_SLACK + 0.01,
            "%s: %.2f steps per byte at %zu bytes, %.2f at %zu: the work grows faster than the text",
            k->name, small_per_byte, small_len, large_per_byte, large_len);
        cr_expect_leq(large_per_byte, MAX_STEPS_PER_BYTE, "%s: %.2f steps per byte", k->name,
                      large_per_byte);
    }
}

Test(extract_bounds, the_generated_inputs_are_what_they_say)
{
    size_t len;
    char *quoted = adversarial_text(adversarial_find("quoted-x"), 4000, &len);
    cr_assert_eq(len, 4000);
    cr_assert_eq(strncmp(quoted, "'x' 'x' ", 8), 0);
    free(quoted);
    char *line = adversarial_text(adversarial_find("long-line"), 100000, &len);
    cr_assert_gt(len, 99000);
    cr_assert_leq(len, 100000);
    cr_assert_null(memchr(line, '\n', len), "one line, never broken");
    free(line);
    char *a = adversarial_text(adversarial_find("names-said"), 5000, &len);
    char *b = adversarial_text(adversarial_find("names-said"), 5000, &len);
    cr_assert_str_eq(a, b, "the same kind and size give the same bytes");
    cr_assert_neq(strncmp(a, a + strcspn(a, ".") + 2, 10), 0, "each repetition names someone else");
    free(a);
    free(b);
    cr_assert_null(adversarial_find("no such kind"));
}

Test(extract_bounds, a_budget_run_out_gives_no_extraction)
{
    size_t len;
    char *text = adversarial_text(adversarial_find("news-paragraphs"), 64000, &len);
    ingest_extract_cost cost;
    /* a nanosecond has passed by the first look at the clock, after the lines are read */
    json_t *ex = ingest_extract_within(text, len, 1e-9, &cost);
    cr_expect_null(ex);
    cr_expect(cost.expired);
    cr_expect_gt(cost.steps, 0);
    json_decref(ex);

    ex = ingest_extract_within(text, len, 60, &cost);
    cr_expect_not_null(ex, "a budget it fits in changes nothing");
    cr_expect(!cost.expired);
    json_t *plain = ingest_extract(text, len);
    cr_expect(json_equal(ex, plain), "the same extraction as without a budget");
    json_decref(ex);
    json_decref(plain);
    free(text);
}

Test(extract_bounds, there_takes_the_place_of_a_sentence_before_or_its_own)
{
    /* "There, ..." once sent the extractor round in a circle when no sentence before it
     * named a place */
    json_t *ex = extract_text(
        "The weather was fine.\n\n"
        "There, Defence Minister Kalo Meri met Foreign Minister Sato Ruki in Oslo.\n");
    const json_t *m = find_meeting(ex, "Kalo Meri", "Sato Ruki");
    cr_assert_not_null(m, "%s", json_brief(json_object_get(ex, "meetings")));
    cr_expect_str_eq(field_str(m, "place"), "Oslo");
    json_decref(ex);

    ex = extract_text("Talks opened in Bergen on Monday.\n\n"
                      "There, Defence Minister Kalo Meri met Foreign Minister Sato Ruki.\n");
    m = find_meeting(ex, "Kalo Meri", "Sato Ruki");
    cr_assert_not_null(m, "%s", json_brief(json_object_get(ex, "meetings")));
    cr_expect_str_eq(field_str(m, "place"), "Bergen");
    json_decref(ex);

    /* a run of them, each reading the ones before */
    strbuf text = STRBUF_INIT;
    for (int i = 0; i < 2000; i++)
        strbuf_addstr(&text, "There, Defence Minister Kalo Meri met Foreign Minister Sato Ruki. ");
    ex = extract_text(text.buf);
    cr_expect_not_null(find_meeting(ex, "Kalo Meri", "Sato Ruki"));
    json_decref(ex);
    strbuf_release(&text);
}
