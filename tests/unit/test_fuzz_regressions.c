/* Regression tests for what the fuzz targets (fuzz/) found: each test feeds the input that
 * crashed a target, or the smallest input that shows the same fault, through the same code.
 * The crashing inputs themselves live in fuzz/regressions/ (and in the seed corpora, so that
 * the fuzzers start from them); the tests run from the repository root.
 *
 * Under `make test-asan` and `make test-valgrind` these also catch the memory errors that
 * were found, which a plain run may not notice.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "util/utf8.h"

#define REGRESSIONS "fuzz/regressions/"

/* Reads a whole file; its length in *len.  Fails the test when it cannot. */
static char *read_input(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert(f, "cannot open %s (tests run from the repository root)", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    cr_assert(size >= 0);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    cr_assert(buf);
    cr_assert_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

/* What fuzz_extract does with one input: extract, then merge that one extraction. */
static json_t *extract_and_merge(const char *text, size_t len)
{
    json_t *extraction = ingest_extract(text, len);
    cr_assert(extraction, "ingest_extract returned NULL");
    json_t *sources = json_pack("[{s:s, s:o}]", "source_id", "fuzz", "extraction", extraction);
    cr_assert(sources);
    json_t *facts = ingest_merge(sources);
    json_decref(sources);
    cr_assert(facts, "ingest_merge returned NULL");
    return facts;
}

/* Every evidence span of every fact is a complete {source_id, start, end}, and no span is
 * listed twice in one fact. */
static void expect_sound_evidence(const json_t *facts)
{
    static const char *const kinds[] = {"agreements", "meetings", "quotes"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t i;
        json_t *fact;
        json_array_foreach(json_object_get(facts, kinds[k]), i, fact) {
            json_t *evidence = json_object_get(fact, "evidence");
            cr_assert(json_is_array(evidence), "%s[%zu] has no evidence array", kinds[k], i);
            for (size_t a = 0; a < json_array_size(evidence); a++) {
                json_t *x = json_array_get(evidence, a);
                cr_assert(json_is_string(json_object_get(x, "source_id")) &&
                              json_is_integer(json_object_get(x, "start")) &&
                              json_is_integer(json_object_get(x, "end")),
                          "%s[%zu].evidence[%zu] is incomplete", kinds[k], i, a);
                for (size_t b = 0; b < a; b++) {
                    json_t *y = json_array_get(evidence, b);
                    cr_expect(!json_equal(x, y), "%s[%zu]: evidence %zu repeats %zu", kinds[k], i,
                              a, b);
                }
            }
        }
    }
}

/* fuzz_extract, crash 1: a cluster whose evidence held one span three times or more.  The
 * merge dropped each repeat after comparing it with the one before, which it had already
 * freed when that one was a repeat too (a use after free, seen as strcmp(NULL) by UBSan). */
Test(fuzz_regressions, merge_with_a_span_repeated_three_times)
{
    json_t *evidence = json_array();
    for (int i = 0; i < 4; i++)
        json_array_append_new(evidence, json_pack("{s:i, s:i}", "start", 0, "end", 21));
    json_t *sources = json_pack("[{s:s, s:{s:[{s:s, s:o}], s:[], s:[], s:[]}}]", "source_id", "a",
                                "extraction", "agreements", "name", "Framework for Defence",
                                "evidence", evidence, "meetings", "quotes", "people");
    cr_assert(sources);
    json_t *facts = ingest_merge(sources);
    json_decref(sources);
    cr_assert(facts);
    json_t *agreements = json_object_get(facts, "agreements");
    cr_assert_eq(json_array_size(agreements), 1, "%zu agreements", json_array_size(agreements));
    json_t *merged = json_object_get(json_array_get(agreements, 0), "evidence");
    cr_expect_eq(json_array_size(merged), 1, "the repeated span kept %zu times",
                 json_array_size(merged));
    expect_sound_evidence(facts);
    json_decref(facts);
}

Test(fuzz_regressions, extract_repeated_evidence_span_input)
{
    size_t len;
    char *text = read_input(REGRESSIONS "extract-repeated-evidence-span.txt", &len);
    cr_assert(utf8_valid(text, len));
    json_t *facts = extract_and_merge(text, len);
    expect_sound_evidence(facts);
    json_decref(facts);
    free(text);
}

/* fuzz_extract, crash 2: a number of one or two digits as the very last bytes of the text,
 * read as a count of documents by atoi(), which ran past the end of a buffer with no NUL after
 * it.  The text is handed over in a buffer of exactly its length, as the fuzzer does, so that
 * `make test-asan` catches a read past it. */
Test(fuzz_regressions, extract_count_at_the_very_end)
{
    size_t len;
    char *text = read_input(REGRESSIONS "extract-count-at-the-end.txt", &len);
    char *exact = malloc(len);
    cr_assert(exact);
    memcpy(exact, text, len);
    json_t *facts = extract_and_merge(exact, len);
    expect_sound_evidence(facts);
    json_decref(facts);
    free(exact);
    free(text);
}

/* fuzz_extract, crash 3: a list of documents that name their type ("MoU on A, MoU on B")
 * closing the text with no mark after it, read one token past the last (the look at an
 * article before a type).  Handed over in a buffer of exactly its length. */
Test(fuzz_regressions, extract_typed_list_at_the_very_end)
{
    static const char text[] = "Chile and Peru signed three memoranda.\n"
                               "The MoUs are on fishing, MoU on mining and MoU on dams";
    size_t len = sizeof text - 1;
    char *exact = malloc(len);
    cr_assert(exact);
    memcpy(exact, text, len);
    json_t *facts = extract_and_merge(exact, len);
    expect_sound_evidence(facts);
    json_decref(facts);
    free(exact);
}
