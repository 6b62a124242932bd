/* views: what a dashboard reads in one request.
 *
 *   GET /timeline             agreements and meetings in date order (undated last), each
 *                             entry with its date's precision, a label and the fact itself
 *   GET /sources/{id}/facts   everything found in one article
 *
 * The timeline is a list like the others (cursor, count, fields, CSV and NDJSON); its
 * cursor is ["timeline", "<sort>", date_null, date, kind, id].
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

/* A line a timeline shows: an agreement's name (and acronym); for a meeting its
 * participants ("Meeting of A, B and C") and place. */
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

/* The entry a timeline shows: its date's precision and a label, the fact last. */
static void complete_entries(json_t *entries)
{
    size_t i;
    json_t *entry;
    json_array_foreach(entries, i, entry) {
        const char *kind = json_string_value(json_object_get(entry, "kind"));
        const char *date = json_string_value(json_object_get(entry, "date"));
        const char *precision = date_precision(date);
        json_object_set_new(entry, "date", date ? json_string(date) : json_null());
        json_object_set_new(entry, "precision", precision ? json_string(precision) : json_null());
        json_object_set_new(entry, "label", entry_label(kind, json_object_get(entry, "fact")));
        /* The fact last, so that a CSV row reads left to right. */
        json_t *fact = json_incref(json_object_get(entry, "fact"));
        json_object_del(entry, "fact");
        json_object_set_new(entry, "fact", fact);
    }
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
    store_page page = {.items = NULL};

    f->query.limit = limit;
    if (store_timeline_page(f->st, &f->query, &page) != STORE_OK) {
        log_error("api: /timeline failed: %s", store_errmsg(f->st));
        problem_respond(resp, f->q->pretty, "internal",
                        "the database could not answer the request");
        return false;
    }
    complete_entries(page.items);
    out->items = json_incref(page.items);
    out->total = page.total;
    if (page.last) {
        out->next = json_pack("[s, s]", "timeline", f->sort);
        json_array_extend(out->next, page.last);
    }
    store_page_release(&page);
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
    fetch.query.kind = q->kind;
    fetch.query.descending = sort[0] == '-';
    fetch.query.cursor = q->cursor ? &cursor : NULL;
    fetch.sort = sort;
    serve_list(resp, req, q, "/timeline", fetch_timeline, &fetch, timeline_fields);
out:
    json_decref(cursor_doc);
    strbuf_release(&detail);
}

void answer_source_facts(store *st, const route_match *m, api_response *resp, const api_query *q)
{
    json_t *doc = NULL;

    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        return;
    }
    switch (store_source_facts(st, m->id, q->evidence, &doc)) {
    case STORE_OK:
        render_json(resp, 200, API_CT_JSON, doc, q->pretty);
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
