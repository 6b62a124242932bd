/* fuzz_extract: any bytes as an article.
 *
 * Input that is valid UTF-8 and within the article limit goes through ingest_extract() and
 * then ingest_merge() of that one extraction, as `factd ingest` would store and merge it.
 *
 * A slow input is a finding too, not only a crash: the target aborts (and libFuzzer keeps the
 * input) when the extraction counts more steps than FUZZ_MAX_STEPS_PER_BYTE per byte (the
 * extractor's own measure of its work, the same on every machine; the adversarial articles of
 * the unit tests stay under a third of it), or when extraction and merge together take more
 * CPU time than FUZZ_MAX_MS plus FUZZ_MAX_MS_PER_KB per kilobyte of input.  The time bound is
 * generous, for AddressSanitizer: a step whose time grows with the square of the input passes
 * it within a few tens of kilobytes.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "ingest/ingest.h"
#include "util/log.h"
#include "util/utf8.h"

#define FUZZ_MAX_STEPS_PER_BYTE 128
#define FUZZ_MAX_STEPS_BASE 100000
#define FUZZ_MAX_MS 1000.0
#define FUZZ_MAX_MS_PER_KB 50.0

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* CPU time: what other work on the machine takes is not the input's. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("FACTD_LOG_LEVEL", "error", 1);
    log_init();
    /* the patterns compile on the first extraction: not to be timed with an input */
    json_decref(ingest_extract("x", 1));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;

    if (size > INGEST_MAX_ARTICLE || !utf8_valid(text, size))
        return 0;
    double started = now_ms();
    ingest_extract_cost cost;
    json_t *extraction = ingest_extract_within(text, size, 0, &cost);
    if (!extraction)
        return 0;
    json_t *sources = json_pack("[{s:s, s:O}]", "source_id", "fuzz", "extraction", extraction);
    json_t *facts = sources ? ingest_merge(sources) : NULL;
    double took = now_ms() - started;
    json_decref(facts);
    json_decref(sources);
    json_decref(extraction);

    unsigned long long max_steps = FUZZ_MAX_STEPS_BASE +
                                   (unsigned long long)FUZZ_MAX_STEPS_PER_BYTE * size;
    if (cost.steps > max_steps) {
        fprintf(
            stderr,
            "fuzz_extract: %llu steps for %zu bytes (at most %llu): the work grows faster than the text\n",
            cost.steps, size, max_steps);
        abort();
    }
    double max_ms = FUZZ_MAX_MS + FUZZ_MAX_MS_PER_KB * (double)size / 1024.0;
    if (took > max_ms) {
        fprintf(stderr, "fuzz_extract: %.0f ms for %zu bytes (at most %.0f)\n", took, size, max_ms);
        abort();
    }
    return 0;
}
