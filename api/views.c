/* views: what a dashboard reads in one request.
 *
 *   GET /timeline             agreements and meetings in date order (undated last), each
 *                             entry with its date's precision, a label and the fact itself
 *   GET /sources/{id}/facts   everything found in one article
 *
 *   GET /conflicts            every fact and person whose sources disagree, newest first,
 *                             each entry with the attributes disputed and the fact itself
 *
 * The timeline is a list like the others (cursor, count, fields, CSV and NDJSON, as_of);
 * its cursor is ["timeline", "<sort>", date_null, date, kind, id].  The conflicts are one too,
 * their cursor ["conflicts", date_null, date, kind, id].
 */
#include "api/api_internal.h"

#include <string.h>

#include "util/log.h"

static const char *const timeline_fields[] = {"kind",  "id",   "date", "precision",
                                              "label", "fact", NULL};

/* "day", "month" or "year" for an ISO date of that precision; NULL for no date. */
static const char *date_precision(const char *date)
{
    size_t n = date ? strlen(date) : 0;
    return n == 10 ? "day" : n == 7 ? "month" : n == 4 ? "year" : NULL;
}

/* A line a timeline shows, from the fact as served: an agreement's name (and acronym); for
 * a meeting its participants ("Meeting of A, B and C") and place. */
static json_t *entry_label(const char *kind, const json_t *fact)
{
    strbuf label = STRBUF_INIT;
    if (strcmp(kind, "agreement") == 0) {
        const char *name = json_string_value(json_object_get(fact, "name"));
        const char *acronym = json_string_value(json_object_get(fact, "acronym"));
        strbuf_addstr(&label, name ? name : "Agreement");
        if (acronym && (!name || strcmp(acronym, name) != 0))
            strbuf_addf(&label, " (%s)", acronym);
    } else {
        const json_t *people = json_object_get(fact, "participants");
        size_t n = json_array_size(people);
        strbuf_addstr(&label, n ? "Meeting of " : "Meeting");
        for (size_t i = 0; i < n; i++) {
            const char *name = json_string_value(
                json_object_get(json_array_get(people, i), "name"));
            strbuf_addf(&label, "%s%s",
                        i == 0       ? ""
                        : i + 1 == n ? " and "
                                     : ", ",
                        name ? name : "?");
        }
        const char *place = json_string_value(json_object_get(fact, "place"));
        if (place)
            strbuf_addf(&label, " in %s", place);
    }
    json_t *v = json_string(label.buf ? label.buf : "");
    strbuf_release(&label);
    return v;
}

/* The date a timeline or the conflicts show for a fact as served: an agreement's signed, a
 * meeting's date; NULL for anything else. */
static const char *fact_date(const char *kind, const json_t *fact)
{
    const char *member = strcmp(kind, "agreement") == 0 ? "signed"
                         : strcmp(kind, "meeting") == 0 ? "date"
                                                        : NULL;
    return member ? json_string_value(json_object_get(fact, member)) : NULL;
}

json_t *timeline_entry_json(const char *kind, json_t *fact)
{
    json_t *o = json_object();
    const char *date = fact_date(kind, fact);
    const char *precision = date_precision(date);
    json_object_set_new(o, "kind", json_string(kind));
    json_object_set(o, "id", json_object_get(fact, "id"));
    json_object_set_new(o, "date", date ? json_string(date) : json_null());
    json_object_set_new(o, "precision", precision ? json_string(precision) : json_null());
    json_object_set_new(o, "label", entry_label(kind, fact));
    json_object_set_new(o, "fact", fact);
    return o;
}

/* Reads a timeline cursor made for this sort. */
static bool timeline_cursor(const char *text, const char *sort, store_timeline_cursor *c,
                            json_t **doc)
{
    json_t *d = api_cursor_decode(text);
    *doc = d;
    memset(c, 0, sizeof *c);
    if (json_array_size(d) != 6 ||
        strcmp(json_string_value(json_array_get(d, 0)) ? json_string_value(json_array_get(d, 0))
                                                       : "",
               "timeline") != 0 ||
        !json_is_string(json_array_get(d, 1)) ||
        strcmp(json_string_value(json_array_get(d, 1)), sort) != 0 ||
        !json_is_boolean(json_array_get(d, 2)) || !json_is_string(json_array_get(d, 3)) ||
        !json_is_string(json_array_get(d, 4)) || !json_is_string(json_array_get(d, 5)) ||
        !router_id_ok(json_string_value(json_array_get(d, 5))))
        return false;
    c->date_null = json_is_true(json_array_get(d, 2));
    c->date = json_string_value(json_array_get(d, 3));
    c->kind = json_string_value(json_array_get(d, 4));
    c->id = json_string_value(json_array_get(d, 5));
    return true;
}

/* The entry a timeline shows (timeline_entry_json). */
static json_t *entry_json(const store_timeline_entry *entry)
{
    return timeline_entry_json(kind_name(entry->fact.kind), row_json(&entry->fact));
}

typedef struct timeline_fetch {
    store *st;
    store_timeline_query query;
    const char *sort;
    const api_query *q;
} timeline_fetch;

static bool fetch_timeline(void *arg, int limit, list_page *out, api_response *resp)
{
    timeline_fetch *f = arg;
    store_timeline_page page;

    f->query.limit = limit;
    if (store_list_timeline(f->st, &f->query, &page) != STORE_OK) {
        log_error("api: /timeline failed: %s", store_errmsg(f->st));
        problem_respond(resp, f->q->pretty, "internal",
                        "the database could not answer the request");
        return false;
    }
    out->items = json_array();
    for (size_t i = 0; i < page.n; i++)
        json_array_append_new(out->items, entry_json(&page.entries[i]));
    out->total = page.total;
    if (page.more)
        out->next = json_pack("[s, s, b, s, s, s]", "timeline", f->sort, page.next.date_null,
                              page.next.date ? page.next.date : "", page.next.kind, page.next.id);
    store_timeline_page_release(&page);
    return true;
}

void answer_timeline(store *st, const api_request *req, api_response *resp, const api_query *q)
{
    timeline_fetch fetch = {.st = st,
                            .query = {.date_from = q->filters.date_from,
                                      .date_to = q->filters.date_to,
                                      .min_sources = q->filters.min_sources,
                                      .limit = q->limit,
                                      .evidence = q->evidence,
                                      .count = q->count},
                            .q = q};
    store_timeline_cursor cursor;
    json_t *cursor_doc = NULL;
    strbuf detail = STRBUF_INIT;
    const char *sort = q->sort ? q->sort : "date";

    if (strcmp(sort, "date") != 0 && strcmp(sort, "-date") != 0) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "sort: the timeline sorts on date "
                        "(or -date, latest first)");
        goto out;
    }
    if (q->kind && strcmp(q->kind, "agreement") != 0 && strcmp(q->kind, "meeting") != 0) {
        problem_respond(resp, q->pretty, "bad-parameter", "kind must be agreement or meeting");
        goto out;
    }
    if (q->fields && !api_fields_check(q->fields, timeline_fields, &detail)) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    if (q->cursor && !timeline_cursor(q->cursor, sort, &cursor, &cursor_doc)) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "cursor is not the cursor of a next link of the timeline and sort");
        goto out;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        goto out;
    }
    if (q->as_of_given) {
        answer_timeline_as_of(st, req, resp, q, sort, q->cursor ? &cursor : NULL, timeline_fields);
        goto out;
    }
    fetch.query.kind = q->kind;
    fetch.query.descending = sort[0] == '-';
    fetch.query.cursor = q->cursor ? &cursor : NULL;
    fetch.sort = sort;
    serve_list(resp, req, q, "/timeline", fetch_timeline, &fetch, timeline_fields);
out:
    json_decref(cursor_doc);
    strbuf_release(&detail);
}

/* --- the conflicts --- */

static const char *const conflict_fields[] = {"kind", "id", "date", "attributes", "fact", NULL};

json_t *conflict_entry_json(const char *kind, json_t *fact)
{
    json_t *o = json_object(), *attributes = json_array(), *values;
    const char *date = fact_date(kind, fact), *attribute;
    json_object_foreach(json_object_get(fact, "disputes"), attribute, values)
        json_array_append_new(attributes, json_string(attribute));
    json_object_set_new(o, "kind", json_string(kind));
    json_object_set(o, "id", json_object_get(fact, "id"));
    json_object_set_new(o, "date", date ? json_string(date) : json_null());
    json_object_set_new(o, "attributes", attributes);
    json_object_set_new(o, "fact", fact);
    return o;
}

/* Reads a conflicts cursor. */
static bool conflicts_cursor(const char *text, store_timeline_cursor *c, json_t **doc)
{
    json_t *d = api_cursor_decode(text);
    const char *tag = json_string_value(json_array_get(d, 0));
    *doc = d;
    memset(c, 0, sizeof *c);
    if (json_array_size(d) != 5 || !tag || strcmp(tag, "conflicts") != 0 ||
        !json_is_boolean(json_array_get(d, 1)) || !json_is_string(json_array_get(d, 2)) ||
        !json_is_string(json_array_get(d, 3)) || !json_is_string(json_array_get(d, 4)) ||
        !router_id_ok(json_string_value(json_array_get(d, 4))))
        return false;
    c->date_null = json_is_true(json_array_get(d, 1));
    c->date = json_string_value(json_array_get(d, 2));
    c->kind = json_string_value(json_array_get(d, 3));
    c->id = json_string_value(json_array_get(d, 4));
    return true;
}

typedef struct conflicts_fetch {
    store *st;
    store_conflict_query query;
    const api_query *q;
} conflicts_fetch;

static bool fetch_conflicts(void *arg, int limit, list_page *out, api_response *resp)
{
    conflicts_fetch *f = arg;
    store_timeline_page page;

    f->query.limit = limit;
    if (store_list_conflicts(f->st, &f->query, &page) != STORE_OK) {
        log_error("api: /conflicts failed: %s", store_errmsg(f->st));
        problem_respond(resp, f->q->pretty, "internal",
                        "the database could not answer the request");
        return false;
    }
    out->items = json_array();
    for (size_t i = 0; i < page.n; i++)
        json_array_append_new(out->items, conflict_entry_json(kind_name(page.entries[i].fact.kind),
                                                              row_json(&page.entries[i].fact)));
    out->total = page.total;
    if (page.more)
        out->next = json_pack("[s, b, s, s, s]", "conflicts", page.next.date_null,
                              page.next.date ? page.next.date : "", page.next.kind, page.next.id);
    store_timeline_page_release(&page);
    return true;
}

void answer_conflicts(store *st, const api_request *req, api_response *resp, const api_query *q)
{
    conflicts_fetch fetch = {.st = st,
                             .query = {.kind = q->kind,
                                       .attribute = q->attribute,
                                       .source_id = q->filters.source_id,
                                       .limit = q->limit,
                                       .evidence = q->evidence,
                                       .count = q->count},
                             .q = q};
    store_timeline_cursor cursor;
    json_t *cursor_doc = NULL;
    strbuf detail = STRBUF_INIT;

    if (q->kind && strcmp(q->kind, "agreement") != 0 && strcmp(q->kind, "meeting") != 0 &&
        strcmp(q->kind, "quote") != 0 && strcmp(q->kind, "person") != 0) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "kind must be agreement, meeting, quote or person");
        goto out;
    }
    if (q->fields && !api_fields_check(q->fields, conflict_fields, &detail)) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    if (q->cursor && !conflicts_cursor(q->cursor, &cursor, &cursor_doc)) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "cursor is not the cursor of a next link of the conflicts");
        goto out;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        goto out;
    }
    if (q->as_of_given) {
        answer_conflicts_as_of(st, req, resp, q, q->cursor ? &cursor : NULL, conflict_fields);
        goto out;
    }
    fetch.query.cursor = q->cursor ? &cursor : NULL;
    serve_list(resp, req, q, "/conflicts", fetch_conflicts, &fetch, conflict_fields);
out:
    json_decref(cursor_doc);
    strbuf_release(&detail);
}

void answer_source_facts(store *st, const route_match *m, api_response *resp, const api_query *q)
{
    store_source_facts facts;

    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        return;
    }
    switch (store_get_source_facts(st, m->id, q->evidence, &facts)) {
    case STORE_OK:
        render_json(resp, 200, API_CT_JSON, source_facts_json(&facts), q->pretty);
        store_source_facts_release(&facts);
        return;
    case STORE_NOT_FOUND:
        problem_respond(resp, q->pretty, "not-found", "no source has the id '%s'", m->id);
        return;
    default:
        log_error("api: /sources/{id}/facts failed: %s", store_errmsg(st));
        problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
        return;
    }
}
