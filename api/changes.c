/* changes: GET /changes, the change feed.
 *
 * Each entry says what one write did to one fact or person the lists serve:
 *
 *   {"seq", "at", "op", "kind", "id", "source_id", "into", "attributes", "fact"}
 *
 * op is created, updated (attributes: the members of the served fact that changed),
 * merged (into: the fact that holds it now) or deleted; fact is the fact as its list serves
 * it after the change (null when it went), so that a client that applies every entry from
 * seq 0 holds what the lists serve.  The store's change log (store/changes.c) says which.
 *
 * The feed answers like any list (JSON pages, CSV, NDJSON by format= or Accept, fields=),
 * its cursor being the seq: `next` asks for the entries since the page's last one.  Two
 * ways to follow it without asking again and again:
 *
 *   wait=SECONDS  a long poll: with no entry after `since`, the transport holds the
 *                 request until one comes or the seconds pass, then asks again (waited),
 *                 and the answer is the page there is then, empty or not
 *   Accept: text/event-stream
 *                 an event stream (Server-Sent Events): the transport sends each entry as
 *                 an event whose id is its seq, as entries come, for as long as the client
 *                 stays; Last-Event-ID (what a browser's EventSource sends when it
 *                 reconnects) resumes after that seq, whatever `since` says
 *
 * Both need a transport that can hold a request (api_request.can_wait); without one, the
 * request is answered at once, as a page.  kind=agreement,meeting,... narrows the feed, its
 * pages, long polls and event streams alike, to the entries of those kinds. */
#include "api/api_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"

static const char *const change_fields[] = {"seq",       "at",   "op",         "kind", "id",
                                            "source_id", "into", "attributes", "fact", NULL};

/* One entry as the feed serves it. */
static json_t *change_json(const store_change *e)
{
    json_t *attributes = json_array();
    for (size_t i = 0; i < e->attributes.n; i++)
        json_array_append_new(attributes, json_string(e->attributes.v[i]));
    json_t *fact = e->fact ? json_loads(e->fact, 0, NULL) : NULL;
    return json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:o, s:o}", "seq",
                     (json_int_t)e->seq, "at", e->at, "op", e->op, "kind", e->kind, "id", e->id,
                     "source_id", e->source_id, "into", e->into, "attributes", attributes, "fact",
                     fact ? fact : json_null());
}

/* What answer_changes() fetches a page with. */
typedef struct changes_fetch {
    store *st;
    long long since;
    unsigned kinds; /* store_change_kind bits */
    const api_query *q;
} changes_fetch;

/* kind=agreement,person: the store_change_kind bits in *kinds (all when not given), or
 * false with a detail. */
static bool parse_change_kinds(const char *list, unsigned *kinds, strbuf *detail)
{
    *kinds = list ? 0 : STORE_CHANGE_ALL;
    for (const char *p = list; p;) {
        size_t len = strcspn(p, ",");
        unsigned bit;
        if (!store_change_kind_bit(p, len, &bit)) {
            strbuf_addstr(detail, "kind must be one or more of agreement, meeting, quote and "
                                  "person, separated by commas");
            return false;
        }
        *kinds |= bit;
        p = p[len] ? p + len + 1 : NULL;
    }
    return true;
}

static bool fetch_changes(void *arg, int limit, list_page *out, api_response *resp)
{
    changes_fetch *c = arg;
    store_change_page page;
    if (store_list_changes_of(c->st, c->since, c->kinds, LLONG_MAX, limit, &page) != STORE_OK) {
        log_error("api: /changes failed: %s", store_errmsg(c->st));
        problem_respond(resp, c->q->pretty, "internal",
                        "the database could not answer the request");
        return false;
    }
    out->items = json_array();
    for (size_t i = 0; i < page.n; i++)
        json_array_append_new(out->items, change_json(&page.entries[i]));
    /* the feed's cursor is the seq itself: the next link says since=N */
    if (page.more)
        out->next = json_integer(page.entries[page.n - 1].seq);
    store_change_page_release(&page);
    return true;
}

/* The seq a Last-Event-ID names: a whole number; false for anything else. */
static bool event_id_seq(const char *id, long long *seq)
{
    size_t n = id ? strspn(id, "0123456789") : 0;
    if (n == 0 || n > 18 || id[n] != '\0')
        return false;
    *seq = strtoll(id, NULL, 10);
    return true;
}

/* Whether the client asks for an event stream rather than a page. */
static bool wants_events(const api_request *req, const api_query *q)
{
    if (q->format_given || !req->accept)
        return false;
    int events = api_accept_weight(req->accept, "text/event-stream", true);
    return events > 0 && events >= api_accept_weight(req->accept, "application/json", false);
}

/* Refuses a wait the transport has no room for. */
static void refuse_waiting(api_response *resp, const api_query *q)
{
    problem_respond(resp, q->pretty, "too-many-waiting",
                    "too many clients are waiting for changes; retry in a few seconds, or "
                    "read /changes without waiting");
    render_add_header(resp, "Retry-After", "5");
}

/* Whether an entry of `kinds` follows seq `since` up to `upto`, in *any.  False when the
 * store failed. */
static bool any_change_of(store *st, long long since, unsigned kinds, long long upto, bool *any)
{
    store_change_page page;
    if (store_list_changes_of(st, since, kinds, upto, 1, &page) != STORE_OK)
        return false;
    *any = page.n > 0;
    store_change_page_release(&page);
    return true;
}

void answer_changes(store *st, const api_request *req, api_response *resp, const api_query *q)
{
    changes_fetch fetch = {.st = st, .since = q->since, .q = q};
    strbuf detail = STRBUF_INIT;

    if ((q->fields && !api_fields_check(q->fields, change_fields, &detail)) ||
        !parse_change_kinds(q->kind, &fetch.kinds, &detail)) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        strbuf_release(&detail);
        return;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        return;
    }
    if (req->can_wait && wants_events(req, q)) {
        long long resumed;
        if (req->waiters_full) {
            refuse_waiting(resp, q);
            return;
        }
        render_bytes(resp, 200, API_CT_EVENTS, NULL, 0);
        resp->stream = strcmp(req->method, "HEAD") != 0;
        resp->wait_after = event_id_seq(req->last_event_id, &resumed) ? resumed : q->since;
        resp->wait_kinds = fetch.kinds;
        return;
    }
    if (req->can_wait && q->wait && !req->waited) {
        long long last;
        bool any = false;
        if (store_changes_last(st, &last) != STORE_OK ||
            (last > q->since && !any_change_of(st, q->since, fetch.kinds, last, &any))) {
            log_error("api: /changes failed: %s", store_errmsg(st));
            problem_respond(resp, q->pretty, "internal",
                            "the database could not answer the request");
            return;
        }
        if (!any) {
            if (req->waiters_full) {
                refuse_waiting(resp, q);
                return;
            }
            resp->status = 0;
            resp->wait_seconds = q->wait;
            /* past the entries of other kinds: held until the next entry of any kind */
            resp->wait_after = last > q->since ? last : q->since;
            return;
        }
    }
    serve_list(resp, req, q, "/changes", fetch_changes, &fetch, change_fields);
}

bool api_changes_events(store *st, long long after, unsigned kinds, int max, char **text,
                        size_t *len, long long *last)
{
    store_change_page page;
    strbuf out = STRBUF_INIT;
    long long newest;

    *text = NULL;
    *len = 0;
    *last = after;
    /* read up to the newest entry of any kind, so that the stream goes past those of the
     * kinds not asked for and waits for the next entry after them */
    if (store_changes_last(st, &newest) != STORE_OK ||
        store_list_changes_of(st, after, kinds, newest, max, &page) != STORE_OK) {
        log_error("api: /changes event stream failed: %s", store_errmsg(st));
        return false;
    }
    size_t i;
    for (i = 0; i < page.n; i++) {
        json_t *entry = change_json(&page.entries[i]);
        char *data = entry ? json_dumps(entry, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
        json_decref(entry);
        if (!data)
            break;
        /* compact JSON is one line: a line break inside a string is escaped */
        strbuf_addf(&out, "id: %lld\ndata: %s\n\n", page.entries[i].seq, data);
        free(data);
        *last = page.entries[i].seq;
    }
    if (i == page.n && !page.more && newest > *last)
        *last = newest;
    store_change_page_release(&page);
    if (out.len)
        *text = strbuf_detach(&out, len);
    strbuf_release(&out);
    return true;
}
