/* extract: one article's text to its extraction document (see ingest.h).
 *
 * The finders run in dependency order on one doc: people first (everything else refers to
 * them), then dates and countries, agreements (which meetings date themselves from), meetings
 * and quotes. */
#include <stdlib.h>

#include "ingest/doc.h"
#include "ingest/ingest.h"

static json_t *people_json(const doc *d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < d->people.n; i++) {
        const person *p = &d->people.items[i];
        json_t *aliases = json_array();
        for (size_t k = 0; k < p->aliases.n; k++)
            json_array_append_new(aliases, json_string(p->aliases.items[k]));
        char g[2] = {p->gender, 0};
        json_array_append_new(a, json_pack("{s:s, s:s, s:s?, s:o, s:s?, s:s?}", "key", p->key, "name", p->name,
                                           "title", p->title, "aliases", aliases, "handle", p->handle,
                                           "gender", p->gender ? g : NULL));
    }
    return a;
}

json_t *ingest_extract(const char *text, size_t len)
{
    doc d;
    doc_parse(&d, text, len);
    people_find(&d);
    dates_find(&d);
    countries_find(&d);
    agreements_find(&d);
    meetings_find(&d);
    quotes_find(&d);
    char *published = date_format(d.published);
    json_t *out = json_pack("{s:i, s:s?, s:s?, s:s?, s:s?, s:o, s:O, s:O, s:O}", "extractor_version",
                            INGEST_EXTRACTOR_VERSION, "title", d.title, "byline", d.byline, "dateline",
                            d.dateline, "published", published, "people", people_json(&d), "agreements",
                            d.agreements, "meetings", d.meetings, "quotes", d.quotes);
    free(published);
    doc_free(&d);
    return out;
}
