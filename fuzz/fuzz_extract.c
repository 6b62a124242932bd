/* fuzz_extract: any bytes as an article.
 *
 * Input that is valid UTF-8 and within the article limit goes through ingest_extract() and
 * then ingest_merge() of that one extraction, as `factd ingest` would store and merge it.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ingest/ingest.h"
#include "util/log.h"
#include "util/utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("FACTD_LOG_LEVEL", "error", 1);
    log_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;

    if (size > INGEST_MAX_ARTICLE || !utf8_valid(text, size))
        return 0;
    json_t *extraction = ingest_extract(text, size);
    if (!extraction)
        return 0;
    json_t *sources = json_pack("[{s:s, s:O}]", "source_id", "fuzz", "extraction", extraction);
    json_t *facts = sources ? ingest_merge(sources) : NULL;
    json_decref(facts);
    json_decref(sources);
    json_decref(extraction);
    return 0;
}
