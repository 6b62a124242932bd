/* Placeholder: replaced by the real extractor. */
#include "ingest/ingest.h"

json_t *ingest_extract(const char *text, size_t len)
{
    (void)text;
    (void)len;
    return json_pack("{s:i, s:n, s:n, s:n, s:n, s:[], s:[], s:[], s:[]}", "extractor_version",
                     INGEST_EXTRACTOR_VERSION, "title", "byline", "dateline", "published", "people",
                     "agreements", "meetings", "quotes");
}
