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

/* The names a kind goes by in the answers: "agreement" (search hits, timeline entries) and
 * "agreements" (its collection, in the path of a fact's evidence pages). */
static const struct kind_names {
    const char *one, *collection;
} kind_names[] = {
    [STORE_SOURCES] = {"source", "sources"},    [STORE_AGREEMENTS] = {"agreement", "agreements"},
    [STORE_MEETINGS] = {"meeting", "meetings"}, [STORE_QUOTES] = {"quote", "quotes"},
    [STORE_PEOPLE] = {"person", "people"},
};

const char *kind_name(enum store_kind kind)
{
    return (unsigned)kind < sizeof(kind_names) / sizeof(kind_names[0]) ? kind_names[kind].one
                                                                       : "unknown";
}

/* --- facts and resources --- */

static json_t *names_json(const store_names *names)
{
    json_t *list = json_array();
    for (size_t i = 0; i < names->n; i++)
        json_array_append_new(list, text_or_null(names->v[i]));
    return list;
}

/* {"name", "title", "person_id"}: a signatory, a participant, a speaker. */
static json_t *person_ref_json(const store_person_ref *ref)
{
    json_t *o = json_object();
    json_object_set_new(o, "name", text_or_null(ref->name));
    json_object_set_new(o, "title", text_or_null(ref->title));
    json_object_set_new(o, "person_id", text_or_null(ref->person_id));
    return o;
}

static json_t *person_refs_json(const store_person_refs *refs)
{
    json_t *list = json_array();
    for (size_t i = 0; i < refs->n; i++)
        json_array_append_new(list, person_ref_json(&refs->v[i]));
    return list;
}

json_t *spans_json(const store_span *spans, size_t n, enum store_evidence shown)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "source_id", text_or_null(spans[i].source_id));
        json_object_set_new(o, "start", json_integer(spans[i].start));
        json_object_set_new(o, "end", json_integer(spans[i].end));
        if (shown == STORE_EVIDENCE_FULL)
            json_object_set_new(o, "excerpt", text_or_null(spans[i].excerpt));
        json_array_append_new(list, o);
    }
    return list;
}

/* {"attribute": [{"value", "sources", "evidence"}, ...]}: every value the sources of a fact
 * give for each disputed attribute, most sources first; a set attribute's value is a list.
 * The spans carry excerpts when the fact's evidence is read in full. */
json_t *disputes_json(const store_disputes *d, enum store_evidence shown)
{
    json_t *o = json_object();
    for (size_t i = 0; i < d->n; i++) {
        json_t *values = json_array();
        for (size_t k = 0; k < d->v[i].n_values; k++) {
            const store_dispute_value *v = &d->v[i].values[k];
            json_t *value = v->is_set ? names_json(&v->members)
                                      : text_or_null(v->members.n ? v->members.v[0] : NULL);
            json_array_append_new(values, json_pack("{s:o, s:I, s:o}", "value", value, "sources",
                                                    (json_int_t)v->sources, "evidence",
                                                    spans_json(v->evidence, v->n_evidence,
                                                               shown == STORE_EVIDENCE_FULL
                                                                   ? shown
                                                                   : STORE_EVIDENCE_IDS)));
        }
        json_object_set_new(o, d->v[i].attribute, values);
    }
    return o;
}

/* "disputed", whether the sources of a fact disagree on any attribute, and "disputes", what
 * each gives where they do ({} when they agree). */
static void add_disputes(json_t *o, const store_disputes *d, enum store_evidence shown)
{
    json_object_set_new(o, "disputed", json_boolean(d->n > 0));
    json_object_set_new(o, "disputes", disputes_json(d, shown));
}

/* The members every fact ends with: its evidence ("sources", unless none was asked for), how
 * many articles tell it, how many spans it has in all and the path of the pages that hold
 * them, the rule that read it and how sure that rule is. */
static void add_provenance(json_t *o, enum store_kind kind, const char *id,
                           const store_provenance *p)
{
    bool shown = p->shown != STORE_EVIDENCE_NONE;
    if (shown)
        json_object_set_new(o, "sources", spans_json(p->spans, p->n_spans, p->shown));
    json_object_set_new(o, "source_count", json_integer(p->source_count));
    if (shown)
        json_object_set_new(o, "evidence_total", json_integer(p->evidence_total));
    json_object_set_new(o, "evidence",
                        id ? json_sprintf("/%s/%s/evidence", kind_names[kind].collection, id)
                           : json_null());
    json_object_set_new(o, "rule", text_or_null(p->rule));
    json_object_set_new(o, "confidence",
                        p->confidence_known ? json_real(p->confidence) : json_null());
}

static json_t *source_json(const store_source *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", text_or_null(s->id));
    json_object_set_new(o, "file", text_or_null(s->file));
    json_object_set_new(o, "title", text_or_null(s->title));
    json_object_set_new(o, "byline", text_or_null(s->byline));
    json_object_set_new(o, "dateline", text_or_null(s->dateline));
    json_object_set_new(o, "sha256", text_or_null(s->sha256));
    json_object_set_new(o, "chars", json_integer(s->chars));
    json_object_set_new(o, "published", text_or_null(s->published));
    json_object_set_new(o, "ingested_at", text_or_null(s->ingested_at));
    return o;
}

static json_t *agreement_json(const store_agreement *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", text_or_null(a->id));
    json_object_set_new(o, "name", text_or_null(a->name));
    json_object_set_new(o, "aliases", names_json(&a->aliases));
    json_object_set_new(o, "acronym", text_or_null(a->acronym));
    json_object_set_new(o, "signed", text_or_null(a->signed_date));
    json_object_set_new(o, "place", text_or_null(a->place));
    json_object_set_new(o, "parties", names_json(&a->parties));
    json_object_set_new(o, "signatories", person_refs_json(&a->signatories));
    add_provenance(o, STORE_AGREEMENTS, a->id, &a->provenance);
    add_disputes(o, &a->disputes, a->provenance.shown);
    return o;
}

static json_t *meeting_json(const store_meeting *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", text_or_null(m->id));
    json_object_set_new(o, "date", text_or_null(m->date));
    json_object_set_new(o, "place", text_or_null(m->place));
    json_object_set_new(o, "occasion", text_or_null(m->occasion));
    json_object_set_new(o, "participants", person_refs_json(&m->participants));
    add_provenance(o, STORE_MEETINGS, m->id, &m->provenance);
    add_disputes(o, &m->disputes, m->provenance.shown);
    return o;
}

static json_t *quote_json(const store_quote *q)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", text_or_null(q->id));
    json_object_set_new(o, "text", text_or_null(q->text));
    json_object_set_new(o, "speaker", person_ref_json(&q->speaker));
    json_object_set_new(o, "cue", text_or_null(q->cue));
    add_provenance(o, STORE_QUOTES, q->id, &q->provenance);
    add_disputes(o, &q->disputes, q->provenance.shown);
    return o;
}

/* A person: their counts, and for a single person the facts they take part in, in brief. */
static json_t *person_json(const store_person *p)
{
    json_t *o = json_object(), *counts = json_object();
    json_object_set_new(o, "id", text_or_null(p->id));
    json_object_set_new(o, "name", text_or_null(p->name));
    json_object_set_new(o, "title", text_or_null(p->title));
    json_object_set_new(o, "aliases", names_json(&p->aliases));
    json_object_set_new(counts, "agreements", json_integer(p->agreement_count));
    json_object_set_new(counts, "meetings", json_integer(p->meeting_count));
    json_object_set_new(counts, "quotes", json_integer(p->quote_count));
    json_object_set_new(o, "counts", counts);
    add_disputes(o, &p->disputes, STORE_EVIDENCE_IDS);
    if (!p->facts_read)
        return o;
    json_t *agreements = json_array(), *meetings = json_array(), *quotes = json_array();
    for (size_t i = 0; i < p->n_agreements; i++) {
        const store_agreement_brief *a = &p->agreements[i];
        json_array_append_new(agreements, json_pack("{s:o, s:o, s:o}", "id", text_or_null(a->id),
                                                    "name", text_or_null(a->name), "signed",
                                                    text_or_null(a->signed_date)));
    }
    for (size_t i = 0; i < p->n_meetings; i++) {
        const store_meeting_brief *m = &p->meetings[i];
        json_array_append_new(meetings,
                              json_pack("{s:o, s:o, s:o}", "id", text_or_null(m->id), "date",
                                        text_or_null(m->date), "place", text_or_null(m->place)));
    }
    for (size_t i = 0; i < p->n_quotes; i++) {
        const store_quote_brief *q = &p->quotes[i];
        json_array_append_new(quotes, json_pack("{s:o, s:o}", "id", text_or_null(q->id), "text",
                                                text_or_null(q->text)));
    }
    json_object_set_new(o, "agreements", agreements);
    json_object_set_new(o, "meetings", meetings);
    json_object_set_new(o, "quotes", quotes);
    return o;
}

json_t *row_json(const store_row *row)
{
    switch (row->kind) {
    case STORE_SOURCES:
        return source_json(&row->source);
    case STORE_AGREEMENTS:
        return agreement_json(&row->agreement);
    case STORE_MEETINGS:
        return meeting_json(&row->meeting);
    case STORE_QUOTES:
        return quote_json(&row->quote);
    case STORE_PEOPLE:
        return person_json(&row->person);
    }
    return json_null();
}

json_t *api_fact_json(const store_row *row)
{
    return row_json(row);
}

json_t *rows_json(const store_row *rows, size_t n)
{
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list, row_json(&rows[i]));
    return list;
}

json_t *source_facts_json(const store_source_facts *facts)
{
    json_t *doc = json_object(), *people = json_array();
    json_object_set_new(doc, "source", source_json(&facts->source));
    json_object_set_new(doc, "agreements", rows_json(facts->agreements, facts->n_agreements));
    json_object_set_new(doc, "meetings", rows_json(facts->meetings, facts->n_meetings));
    json_object_set_new(doc, "quotes", rows_json(facts->quotes, facts->n_quotes));
    for (size_t i = 0; i < facts->n_people; i++) {
        const store_person_ref *p = &facts->people[i];
        json_array_append_new(people,
                              json_pack("{s:o, s:o, s:o}", "id", text_or_null(p->person_id), "name",
                                        text_or_null(p->name), "title", text_or_null(p->title)));
    }
    json_object_set_new(doc, "people", people);
    return doc;
}

/* --- /search --- */

json_t *hit_json(const store_search_hit *hit)
{
    json_t *o = json_object(), *highlights = json_array();
    json_object_set_new(o, "kind", json_string(kind_name(hit->kind)));
    json_object_set_new(o, "id", text_or_null(hit->id));
    json_object_set_new(o, "score", json_real(hit->score));
    json_object_set_new(o, "source_id", text_or_null(hit->source_id));
    for (size_t i = 0; i < hit->n_highlights; i++)
        json_array_append_new(highlights,
                              json_pack("{s:I, s:I}", "start", (json_int_t)hit->highlights[i].start,
                                        "end", (json_int_t)hit->highlights[i].end));
    json_object_set_new(o, "highlights", highlights);
    json_t *snippet = hit->snippet ? json_string(hit->snippet) : NULL;
    json_object_set_new(o, "snippet", snippet ? snippet : json_string(""));
    json_object_set_new(o, "fact", hit->fact_found ? row_json(&hit->fact) : json_null());
    return o;
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
