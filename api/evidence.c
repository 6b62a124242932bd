/* evidence: GET /agreements/{id}/evidence, /meetings/{id}/evidence, /quotes/{id}/evidence.
 *
 * A fact carries only STORE_EVIDENCE_INLINE of its spans in "sources"; these pages hold
 * all of them, in the same order (source, start, end), as a list like the others: limit,
 * cursor, count=exact, fields, CSV and NDJSON, and the byte bound of serve_list().  Each item
 * is the Evidence of the contract, {source_id, start, end, excerpt}.  The cursor of a next
 * link is base64url of ["evidence", source_id, start, end] of the last span served.
 * as_of answers from the fact's version at that seq (asof.c).
 */
#include "api/api_internal.h"

#include <string.h>

#include "util/log.h"

static const char *const evidence_fields[] = {"source_id", "start", "end", "excerpt", NULL};

/* Reads an evidence cursor; false when it is not one. */
static bool evidence_cursor(const char *text, store_evidence_cursor *c, json_t **doc)
{
    json_t *d = api_cursor_decode(text);
    const char *tag = json_string_value(json_array_get(d, 0));
    const char *source_id = json_string_value(json_array_get(d, 1));
    const json_t *start = json_array_get(d, 2), *end = json_array_get(d, 3);

    *doc = d;
    memset(c, 0, sizeof *c);
    if (json_array_size(d) != 4 || !tag || strcmp(tag, "evidence") != 0 || !source_id ||
        !router_id_ok(source_id) || !json_is_integer(start) || !json_is_integer(end))
        return false;
    c->source_id = source_id;
    c->start = json_integer_value(start);
    c->end = json_integer_value(end);
    return true;
}

typedef struct evidence_fetch {
    store *st;
    store_evidence_query query;
    const route_match *m;
    const api_query *q;
} evidence_fetch;

static bool fetch_evidence(void *arg, int limit, list_page *out, api_response *resp)
{
    evidence_fetch *f = arg;
    store_evidence_page page;
    bool ok = false;

    f->query.limit = limit;
    switch (store_list_evidence(f->st, &f->query, &page)) {
    case STORE_OK:
        break;
    case STORE_NOT_FOUND:
        problem_respond(resp, f->q->pretty, "not-found", "no %s has the id '%s'", f->m->route->noun,
                        f->m->id);
        goto out;
    default:
        log_error("api: %s failed: %s", f->m->route->pattern, store_errmsg(f->st));
        problem_respond(resp, f->q->pretty, "internal",
                        "the database could not answer the request");
        goto out;
    }
    out->items = spans_json(page.spans, page.n, f->query.evidence);
    out->total = page.total;
    if (page.more)
        out->next = json_pack("[s, s, I, I]", "evidence", page.next.source_id,
                              (json_int_t)page.next.start, (json_int_t)page.next.end);
    ok = true;
out:
    store_evidence_page_release(&page);
    return ok;
}

void answer_evidence(store *st, const route_match *m, const api_request *req, api_response *resp,
                     const api_query *q)
{
    evidence_fetch fetch = {.st = st,
                            .query = {.kind = m->route->kind,
                                      .id = m->id,
                                      .evidence = STORE_EVIDENCE_FULL,
                                      .count = q->count},
                            .m = m,
                            .q = q};
    store_evidence_cursor cursor;
    json_t *cursor_doc = NULL;
    strbuf detail = STRBUF_INIT, path = STRBUF_INIT;

    if (q->fields && !api_fields_check(q->fields, evidence_fields, &detail)) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    if (q->cursor && !evidence_cursor(q->cursor, &cursor, &cursor_doc)) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "cursor is not the cursor of a next link of an evidence list");
        goto out;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        goto out;
    }
    fetch.query.cursor = q->cursor ? &cursor : NULL;
    strbuf_addf(&path, "%s/%s/evidence", m->route->collection, m->id);
    if (q->as_of_given)
        answer_evidence_as_of(st, m, req, resp, q, fetch.query.cursor, path.buf, evidence_fields);
    else
        serve_list(resp, req, q, path.buf, fetch_evidence, &fetch, evidence_fields);
out:
    json_decref(cursor_doc);
    strbuf_release(&detail);
    strbuf_release(&path);
}
