/* rows: the JSON of what the store reads.
 *
 * The store hands back typed rows (store/rows.h); this file alone decides the members, their
 * order and their names in the answers (../shared/CONTRACT.md and openapi.yaml).  Each
 * *_json() function builds a new Jansson value from rows it only borrows.  A string that is
 * not valid UTF-8 (Jansson refuses it) is served as null, as a missing one is.
 */
#include "api/api_internal.h"

/* A string, or null when there is none. */
static json_t *text_or_null(const char *s)
{
    json_t *v = s ? json_string(s) : NULL;
    return v ? v : json_null();
}

/* --- /stats --- */

static json_t *years_json(const store_year_count *years, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list,
                              json_pack("{s:o, s:I}", "year",
                                        years[i].dated ? json_integer(years[i].year) : json_null(),
                                        "count", (json_int_t)years[i].count));
    return list;
}

json_t *stats_json(const store_stats *stats)
{
    json_t *doc = json_object(), *counts = json_object();
    json_t *parties = json_array(), *speakers = json_array();

    json_object_set_new(counts, "sources", json_integer(stats->sources));
    json_object_set_new(counts, "agreements", json_integer(stats->agreements));
    json_object_set_new(counts, "meetings", json_integer(stats->meetings));
    json_object_set_new(counts, "quotes", json_integer(stats->quotes));
    json_object_set_new(counts, "people", json_integer(stats->people));
    json_object_set_new(doc, "counts", counts);
    json_object_set_new(doc, "agreements_by_year",
                        years_json(stats->agreements_by_year, stats->n_agreements_by_year));
    json_object_set_new(doc, "meetings_by_year",
                        years_json(stats->meetings_by_year, stats->n_meetings_by_year));
    for (size_t i = 0; i < stats->n_agreements_by_party; i++) {
        const store_party_count *p = &stats->agreements_by_party[i];
        json_array_append_new(parties, json_pack("{s:o, s:I}", "party", text_or_null(p->party),
                                                 "count", (json_int_t)p->count));
    }
    json_object_set_new(doc, "agreements_by_party", parties);
    for (size_t i = 0; i < stats->n_quotes_by_speaker; i++) {
        const store_speaker_count *s = &stats->quotes_by_speaker[i];
        json_array_append_new(speakers,
                              json_pack("{s:o, s:o, s:I}", "speaker", text_or_null(s->speaker),
                                        "person_id", text_or_null(s->person_id), "count",
                                        (json_int_t)s->count));
    }
    json_object_set_new(doc, "quotes_by_speaker", speakers);
    return doc;
}

/* --- /jobs/{id} --- */

json_t *job_json(const store_job_status *job)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "id", text_or_null(job->id));
    json_object_set_new(doc, "state", text_or_null(job->state));
    json_object_set_new(doc, "created_at", text_or_null(job->created_at));
    json_object_set_new(doc, "started_at", text_or_null(job->started_at));
    json_object_set_new(doc, "finished_at", text_or_null(job->finished_at));
    json_object_set_new(doc, "source_id", text_or_null(job->source_id));
    json_object_set_new(doc, "already_stored",
                        job->already_stored < 0 ? json_null() : json_boolean(job->already_stored));
    json_object_set_new(doc, "counts",
                        job->counts_known ? json_pack("{s:I, s:I, s:I, s:I}", "agreements",
                                                      (json_int_t)job->counts.agreements,
                                                      "meetings", (json_int_t)job->counts.meetings,
                                                      "quotes", (json_int_t)job->counts.quotes,
                                                      "people", (json_int_t)job->counts.people)
                                          : json_null());
    json_object_set_new(doc, "error", text_or_null(job->error));
    return doc;
}
