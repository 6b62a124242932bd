/* search: GET /search and GET /stats.
 *
 * GET /search?q=... answers a list (render_list: JSON, CSV or NDJSON, fields=, count=exact,
 * a Link header) of hits, best first:
 *   {"kind": "quote"|"agreement"|"source", "id", "score", "source_id",
 *    "highlights": [{"start", "end"}], "snippet", "fact"}
 * (see store/search.c for what each means).  q is an FTS5 query; one that FTS5 cannot parse
 * is a 400 naming q, never a 500.  kind narrows the hits to some kinds (comma-separated).
 * The cursor of a next link is base64url of ["search", <the store's cursor>].
 *
 * GET /stats answers the counts of store_get_stats() as one JSON document (stats_json).
 */
#include <string.h>

#include "api/api_internal.h"
#include "util/log.h"

/* How many entries the top lists of /stats hold. */
#define STATS_TOP 50

static const char *const hit_fields[] = {"kind",       "id",      "score", "source_id",
                                         "highlights", "snippet", "fact",  NULL};

/* kind=quote,agreement: the store_search_kind bits, or false with a detail. */
static bool parse_kinds(const char *list, unsigned *kinds, strbuf *detail)
{
    *kinds = 0;
    for (const char *p = list;;) {
        size_t len = strcspn(p, ",");
        unsigned bit;
        if (!store_search_kind_bit(p, len, &bit)) {
            strbuf_addstr(detail, "kind must be one or more of quote, agreement and source, "
                                  "separated by commas, not '");
            render_untrusted(detail, list, 64);
            strbuf_addch(detail, '\'');
            return false;
        }
        *kinds |= bit;
        if (!p[len])
            return true;
        p += len + 1;
    }
}

/* The store's cursor inside a /search cursor, or NULL when it is not one (*doc holds it). */
static const char *search_cursor(const char *text, json_t **doc)
{
    json_t *d = api_cursor_decode(text);
    const char *tag = json_string_value(json_array_get(d, 0));
    const char *cursor = json_string_value(json_array_get(d, 1));

    *doc = d;
    if (json_array_size(d) != 2 || !tag || strcmp(tag, "search") != 0 || !cursor ||
        !store_search_cursor_ok(cursor))
        return NULL;
    return cursor;
}

typedef struct search_fetch {
    store *st;
    store_search_query query;
    const api_query *q;
} search_fetch;

void search_query_refused(api_response *resp, bool pretty, store *st)
{
    strbuf detail = STRBUF_INIT;
    render_untrusted(&detail, store_errmsg(st), 200);
    problem_respond(resp, pretty, "bad-parameter",
                    "q is not a valid search query (%s): use words, \"phrases\", prefix*, "
                    "AND, OR, NOT and parentheses",
                    detail.buf);
    strbuf_release(&detail);
}

static bool fetch_search(void *arg, int limit, list_page *out, api_response *resp)
{
    search_fetch *f = arg;
    store_search_page page;
    bool ok = false;

    f->query.limit = limit;
    switch (store_search(f->st, &f->query, &page)) {
    case STORE_OK:
        break;
    case STORE_BAD_QUERY:
        search_query_refused(resp, f->q->pretty, f->st);
        goto out;
    default:
        log_error("api: /search failed: %s", store_errmsg(f->st));
        problem_respond(resp, f->q->pretty, "internal",
                        "the database could not answer the request");
        goto out;
    }
    out->items = json_array();
    for (size_t i = 0; i < page.n; i++)
        json_array_append_new(out->items, hit_json(&page.hits[i]));
    out->total = page.total;
    if (page.next_cursor)
        out->next = json_pack("[s, s]", "search", page.next_cursor);
    ok = true;
out:
    store_search_page_release(&page);
    return ok;
}

void answer_search(store *st, const api_request *req, api_response *resp, const api_query *q)
{
    search_fetch fetch = {
        .st = st,
        .query = {.match = q->q, .limit = q->limit, .count = q->count, .evidence = q->evidence},
        .q = q};
    json_t *cursor_doc = NULL;
    strbuf detail = STRBUF_INIT;

    if (!q->q) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "q is required: an FTS5 query such as defence, \"defence cooperation\", "
                        "defen*, or words joined by AND, OR, NOT");
        goto out;
    }
    if ((q->kind && !parse_kinds(q->kind, &fetch.query.kinds, &detail)) ||
        (q->fields && !api_fields_check(q->fields, hit_fields, &detail))) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    if (q->cursor && !(fetch.query.cursor = search_cursor(q->cursor, &cursor_doc))) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "cursor is not the cursor of a next link of /search");
        goto out;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        goto out;
    }
    if (q->as_of_given)
        answer_search_as_of(st, req, resp, q, &fetch.query, hit_fields);
    else
        serve_list(resp, req, q, "/search", fetch_search, &fetch, hit_fields);
out:
    json_decref(cursor_doc);
    strbuf_release(&detail);
}

void answer_stats(store *st, api_response *resp, const api_query *q)
{
    store_stats stats;

    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        return;
    }
    if (q->as_of_given) {
        answer_stats_as_of(st, resp, q, STATS_TOP);
        return;
    }
    if (store_get_stats(st, STATS_TOP, &stats) != STORE_OK) {
        log_error("api: /stats failed: %s", store_errmsg(st));
        problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
        return;
    }
    render_json(resp, 200, API_CT_JSON, stats_json(&stats), q->pretty);
    store_stats_release(&stats);
}
