/* extract: one article's text to its extraction document (see ingest.h).
 *
 * The finders run in dependency order on one doc: people first (everything else refers to
 * them), then dates and countries, agreements (which meetings date themselves from), meetings
 * and quotes.  Each pass counts its steps against the extraction's budget (doc_step), and
 * none starts once the budget has run out. */
#include <stdlib.h>
#include <time.h>

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
        json_array_append_new(a, json_pack("{s:s, s:s, s:s?, s:o, s:s?, s:s?}", "key", p->key,
                                           "name", p->name, "title", p->title, "aliases", aliases,
                                           "handle", p->handle, "gender", p->gender ? g : NULL));
    }
    return a;
}

static double clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

json_t *ingest_extract_within(const char *text, size_t len, double seconds,
                              ingest_extract_cost *cost)
{
    static void (*const FINDERS[])(doc *) = {people_find,     dates_find,    countries_find,
                                             agreements_find, meetings_find, quotes_find};
    double started = clock_seconds();
    extract_budget budget = {.deadline = seconds > 0 ? started + seconds : 0,
                             .until_clock = BUDGET_CLOCK_STEPS};
    doc d;
    doc_parse(&d, text, len, &budget);
    for (size_t i = 0; i < sizeof FINDERS / sizeof FINDERS[0] && !doc_expired(&d); i++)
        FINDERS[i](&d);
    json_t *out = NULL;
    if (!doc_expired(&d)) {
        char *published = date_format(d.published);
        out = json_pack("{s:i, s:s?, s:s?, s:s?, s:s?, s:o, s:O, s:O, s:O}", "extractor_version",
                        INGEST_EXTRACTOR_VERSION, "title", d.title, "byline", d.byline, "dateline",
                        d.dateline ? d.dateline : d.dateline_credit, "published", published,
                        "people", people_json(&d), "agreements", d.agreements, "meetings",
                        d.meetings, "quotes", d.quotes);
        free(published);
    }
    if (cost)
        *cost = (ingest_extract_cost){.steps = budget.steps,
                                      .seconds = clock_seconds() - started,
                                      .expired = budget.expired};
    doc_free(&d);
    return out;
}

json_t *ingest_extract(const char *text, size_t len)
{
    return ingest_extract_within(text, len, 0, NULL);
}

/* Set once at start, before any thread extracts (see ingest.h). */
static double extract_budget_seconds = INGEST_EXTRACT_SECONDS;

void ingest_set_extract_budget(double seconds)
{
    extract_budget_seconds = seconds;
}

double ingest_extract_budget(void)
{
    return extract_budget_seconds;
}
