/* api_internal: what the files of api/ share with each other; nothing outside api/ includes it.
 *
 *   router.c   the table of routes and matching a path against it
 *   params.c   strict parsing of the query parameters a route accepts
 *   problem.c  RFC 9457 problem types and problem+json responses
 *   render.c   turning JSON documents and bytes into an api_response
 *   api.c      api_handle(): route, check, ask the store, render
 *   ops.c      the operational endpoints: /livez, /readyz, /metrics
 *   metrics.c  the request counters and histograms behind /metrics (see metrics.h)
 *   search.c   GET /search (full-text hits) and GET /stats
 *   write.c    the write API: POST /sources, GET /jobs/{id}, DELETE /sources/{id}
 *   evidence.c GET /agreements/{id}/evidence and the same for meetings and quotes
 *   ui.c       the dashboard's files: /ui/, /ui/app.js, /ui/app.css (and / for browsers)
 *   rows.c     the JSON of the store's rows: every member of every answer about stored data
 *   changes.c  GET /changes: the change feed as pages, NDJSON, long polls and event streams
 */
#ifndef FACTD_API_INTERNAL_H
#define FACTD_API_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "api/api.h"
#include "store/store.h"
#include "util/strbuf.h"

#define API_ID_MAX 64 /* longest id accepted in a path or an `after` cursor */
#define API_LIMIT_DEFAULT 50
#define API_LIMIT_MAX 1000
/* The most bytes a page of a list answers (before compression): a page that would pass it
 * holds fewer items than `limit`, with a `next` link to the rest, but always at least one. */
#define API_PAGE_MAX_BYTES (1u << 20)

#define API_CT_JSON "application/json; charset=utf-8"
#define API_CT_PROBLEM "application/problem+json; charset=utf-8"
#define API_CT_TEXT "text/plain; charset=utf-8"
#define API_CT_YAML "application/yaml; charset=utf-8"
#define API_CT_METRICS "text/plain; version=0.0.4; charset=utf-8"
#define API_CT_CSV "text/csv; charset=utf-8; header=present"
#define API_CT_NDJSON "application/x-ndjson; charset=utf-8"
#define API_CT_HTML "text/html; charset=utf-8"
#define API_CT_JS "text/javascript; charset=utf-8"
#define API_CT_CSS "text/css; charset=utf-8"
#define API_TEXT_PARAM_MAX 200           /* longest name, party or place a filter takes, in bytes */
#define API_SEQ_MAX 999999999999999999LL /* the largest seq `since` takes */
#define API_WAIT_MAX 60                  /* the longest wait= of GET /changes, in seconds */
#define API_CT_EVENTS "text/event-stream; charset=utf-8"
#define API_QUERY_MAX 500 /* longest search expression, in bytes */
#define API_ALLOWED_METHODS "GET, HEAD"
#define API_MAX_BODY_DEFAULT (2u << 20) /* --max-body */
/* The 503 detail once the database file was deleted or replaced under the server. */
#define API_DATABASE_GONE                                                               \
    "the database file was deleted or replaced since the server opened it: writes are " \
    "refused until the server is restarted on a database file"

/* --- router.c --- */

enum route_action {
    ROUTE_INDEX,
    ROUTE_HEALTH,
    ROUTE_OPENAPI,
    ROUTE_PROBLEM_TYPE,
    ROUTE_LIST,
    ROUTE_ITEM,
    ROUTE_SOURCE_TEXT,
    ROUTE_LIVEZ, /* ops.c */
    ROUTE_READYZ,
    ROUTE_METRICS,
    ROUTE_SEARCH, /* search.c */
    ROUTE_STATS,
    ROUTE_TIMELINE, /* views.c */
    ROUTE_CONFLICTS,
    ROUTE_SOURCE_FACTS,
    ROUTE_JOB,         /* write.c: GET /jobs/{id} */
    ROUTE_POST_SOURCE, /* write.c: the write actions of a route (route.write_action) */
    ROUTE_DELETE_SOURCE,
    ROUTE_UI,       /* ui.c: the dashboard's page, script and style sheet */
    ROUTE_EVIDENCE, /* evidence.c: every evidence span of one fact, paged */
    ROUTE_CHANGES,  /* changes.c: the change feed */
};

/* Routes of operations rather than data: never cached, logged at debug level. */
static inline bool route_is_operational(enum route_action action)
{
    return action == ROUTE_HEALTH || action == ROUTE_LIVEZ || action == ROUTE_READYZ ||
           action == ROUTE_METRICS;
}

/* Query parameters, as bits of route.params (params.c defines each). */
enum route_param {
    PARAM_LIMIT = 1u << 0,
    PARAM_AFTER = 1u << 1,
    PARAM_PRETTY = 1u << 2,
    PARAM_CURSOR = 1u << 3,
    PARAM_SORT = 1u << 4,
    PARAM_COUNT = 1u << 5,
    PARAM_FIELDS = 1u << 6,
    PARAM_FORMAT = 1u << 7,
    PARAM_EVIDENCE = 1u << 8,
    PARAM_Q = 1u << 9,
    PARAM_KIND = 1u << 10,
    PARAM_PARTY = 1u << 11,
    PARAM_SIGNATORY = 1u << 12,
    PARAM_SIGNED_FROM = 1u << 13,
    PARAM_SIGNED_TO = 1u << 14,
    PARAM_ACRONYM = 1u << 15,
    PARAM_PARTICIPANT = 1u << 16,
    PARAM_PLACE = 1u << 17,
    PARAM_FROM = 1u << 18,
    PARAM_TO = 1u << 19,
    PARAM_SPEAKER = 1u << 20,
    PARAM_SOURCE_ID = 1u << 21,
    PARAM_MIN_SOURCES = 1u << 22,
    PARAM_DISPUTED = 1u << 23,
    PARAM_ATTRIBUTE = 1u << 24,
    PARAM_SINCE = 1u << 25,
    PARAM_WAIT = 1u << 26,
    PARAM_AS_OF = 1u << 27,
};

/* What every list takes, and what every fact (list or item) takes. */
#define PARAMS_LIST                                                                       \
    (PARAM_LIMIT | PARAM_AFTER | PARAM_CURSOR | PARAM_PRETTY | PARAM_SORT | PARAM_COUNT | \
     PARAM_FIELDS | PARAM_FORMAT)
#define PARAMS_FACT_ITEM (PARAM_PRETTY | PARAM_EVIDENCE | PARAM_FIELDS | PARAM_AS_OF)
#define PARAMS_FACT_LIST                                                                   \
    (PARAMS_LIST | PARAM_EVIDENCE | PARAM_SOURCE_ID | PARAM_MIN_SOURCES | PARAM_DISPUTED | \
     PARAM_AS_OF)

typedef struct route {
    const char *pattern; /* "/agreements/{id}": literal segments, at most one {param} */
    enum route_action action;
    enum store_kind kind;   /* the collection, for the list, item and text actions */
    const char *collection; /* "/agreements": the list path, for `next` links */
    const char *noun;       /* "agreement", for messages */
    unsigned params;        /* the query parameters this route accepts */
    const char *summary;    /* one line for the index at GET / */
} route;

/* Routes of the write API alone (GET /jobs/{id}): they exist only when writes are enabled,
 * and reading them needs the token too. */
static inline bool route_is_write_only(enum route_action action)
{
    return action == ROUTE_JOB;
}

typedef struct route_match {
    const route *route;
    /* The {param} segment when it is a well-formed id; "" otherwise (then id_ok is false). */
    char id[API_ID_MAX + 1];
    bool id_ok;
    /* The method that writes to this route ("POST" on /sources, "DELETE" on /sources/{id};
     * NULL for none) and what it does. */
    const char *write_method;
    enum route_action write_action;
} route_match;

/* The route table, in the order the index lists it. */
const route *router_routes(size_t *count);
/* Finds the route whose pattern matches path segment by segment.  False for an unknown path. */
bool router_match(const char *path, route_match *match);
/* True when s is a well-formed id: 1..API_ID_MAX bytes of [A-Za-z0-9_-]. */
bool router_id_ok(const char *s);

/* --- ops.c, metrics.c: the operational endpoints --- */

struct api_query;
/* GET /livez: 200 {"status":"ok"} while the process runs. */
void ops_answer_livez(api_response *resp, const struct api_query *q);
/* True when the database file was deleted or replaced since the server opened it: the
 * handle st (NULL: not asked) no longer has the file at its path, or the process that
 * writes (api_set_database_check) says so.  /healthz and /readyz then answer 503. */
bool ops_database_gone(store *st);
/* GET /readyz: 200 when the database answers and its schema is current, else 503. */
void ops_answer_readyz(store *st, api_response *resp, const struct api_query *q);
/* GET /metrics: the Prometheus text exposition. */
void ops_answer_metrics(store *st, api_response *resp);
/* Appends the request counters and process gauges of metrics.c to out. */
void metrics_render_requests(strbuf *out);
/* Appends the ingest counters and histogram of metrics.c to out. */
void metrics_render_ingest(strbuf *out);

/* --- params.c --- */

enum api_format {
    API_FORMAT_JSON,
    API_FORMAT_CSV,
    API_FORMAT_NDJSON,
};

typedef struct api_query {
    int limit;
    const char *after;  /* borrowed from the request; NULL for the first page */
    const char *cursor; /* the opaque cursor of a `next` link (base64url), checked by list.c */
    bool pretty;
    const char *sort;   /* "-signed": checked against the kind's fields by list.c */
    bool count;         /* count=exact */
    const char *fields; /* "id,name": checked against the kind's fields by list.c */
    enum api_format format;
    bool format_given; /* format= was given (it wins over Accept) */
    enum store_evidence evidence;
    const char *q;         /* a search expression */
    const char *kind;      /* "quote,agreement": checked by the endpoint */
    const char *attribute; /* /conflicts: a disputable attribute (store_dispute_attribute_ok) */
    long long since;       /* /changes: the seq after which entries are wanted */
    int wait;              /* /changes: the most seconds to wait for one (0: none) */
    bool as_of_given;      /* as_of: answer as the store served at seq as_of */
    long long as_of;       /*   that seq, once known (asof.c turns a time into it) */
    char as_of_time[32];   /*   or the time given, as the change log writes times; "" for a seq */
    store_filters filters;
} api_query;

/* Parses req's query parameters against the set `allowed` (route_param bits).  Returns true
 * with *q filled, or false with a human-readable reason naming the parameter in *detail.
 * q->pretty is set as soon as a valid pretty is seen, so the error itself can honour it. */
bool params_parse(const api_request *req, unsigned allowed, api_query *q, strbuf *detail);

/* --- problem.c --- */

typedef struct problem_type {
    const char *slug; /* "not-found": the type URI is /problems/<slug> */
    int status;
    const char *title;
    const char *description;
} problem_type;

const problem_type *problem_find(const char *slug);
/* Makes resp a problem+json response of the given type with a formatted detail. */
void problem_respond(api_response *resp, bool pretty, const char *slug, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The description document served at GET /problems/<slug>, or NULL for an unknown slug. */
json_t *problem_describe(const char *slug);

/* --- render.c --- */

/* Makes resp a JSON response of `doc` (a reference the call steals; NULL renders a 500). */
void render_json(api_response *resp, int status, const char *content_type, json_t *doc,
                 bool pretty);
/* Makes resp a response of the given bytes, which it takes over (malloc'd, or NULL when 0). */
void render_bytes(api_response *resp, int status, const char *content_type, char *body, size_t len);
/* Adds a header to resp (copied); at most the array's capacity, asserted. */
void render_add_header(api_response *resp, const char *name, const char *value);
/* Appends untrusted text for display in a message: at most max_bytes, invalid UTF-8 and
 * control characters replaced, an ellipsis when cut. */
void render_untrusted(strbuf *sb, const char *s, size_t max_bytes);
/* Appends s percent-encoded as a query value (everything but RFC 3986 unreserved). */
void render_query_value(strbuf *sb, const char *s);

/* --- rows.c: the JSON of the store's rows (new values; the rows are borrowed) --- */

/* "agreement" for STORE_AGREEMENTS: what a search hit or a timeline entry calls its kind. */
const char *kind_name(enum store_kind kind);
/* A fact or resource as its collection and its own endpoint serve it. */
json_t *row_json(const store_row *row);
/* [row_json(), ...] */
json_t *rows_json(const store_row *rows, size_t n);
/* [{"source_id", "start", "end"[, "excerpt" when shown is STORE_EVIDENCE_FULL]}, ...] */
json_t *spans_json(const store_span *spans, size_t n, enum store_evidence shown);
/* The disputes of a fact or a person as served ({} when the sources agree). */
json_t *disputes_json(const store_disputes *d, enum store_evidence shown);
/* GET /sources/{id}/facts: {"source", "agreements", "meetings", "quotes", "people"}. */
json_t *source_facts_json(const store_source_facts *facts);
/* A hit of /search: {"kind", "id", "score", "source_id", "highlights", "snippet", "fact"}. */
json_t *hit_json(const store_search_hit *hit);
/* Answers 400 for a search query the store could not parse, with the store's reason. */
void search_query_refused(api_response *resp, bool pretty, store *st);

/* GET /stats: {"counts", "agreements_by_year", "meetings_by_year", "agreements_by_party",
 * "quotes_by_speaker"}. */
json_t *stats_json(const store_stats *stats);
/* GET /jobs/{id}: {"id", "state", "created_at", "started_at", "finished_at", "source_id",
 * "already_stored", "counts": {"agreements", "meetings", "quotes", "people"}, "error"}. */
json_t *job_json(const store_job_status *job);

/* --- search.c --- */

/* GET /search: a ranked list of full-text hits (q, kind, and the list parameters). */
void answer_search(store *st, const api_request *req, api_response *resp, const api_query *q);
/* GET /stats: counts by kind, year, party and speaker. */
void answer_stats(store *st, api_response *resp, const api_query *q);

/* --- list.c --- */

/* Renders a page of a list in the format the client asked for (format=, else Accept):
 * `items` (borrowed; `fields=` is applied to them), the cursor document of the next page
 * (NULL on the last page; encoded into the next link, whose path is `path` and whose other
 * parameters are the request's), and total (-1 unless counted).  known_fields heads an empty
 * CSV. */
void render_list(api_response *resp, const api_request *req, const api_query *q, const char *path,
                 json_t *items, const json_t *cursor, long long total,
                 const char *const *known_fields);
/* The weight (0..1000) an Accept header gives a media type: that of its most specific
 * matching range (type/subtype, type/ *, then * / *), -1 when none matches; with `exact`,
 * only the type named itself counts.  Every content negotiation of the API uses it. */
int api_accept_weight(const char *accept, const char *type, bool exact);
/* The format a list answers in: format= when given, else the best the Accept header takes. */
enum api_format list_format(const api_request *req, const api_query *q);
/* Opaque cursors: base64url of a JSON array.  decode gives NULL for anything else. */
void api_cursor_encode(const json_t *doc, strbuf *out);
json_t *api_cursor_decode(const char *cursor);
/* fields=: whether a member is kept (id always is); whether every name is one of `known`
 * (else a detail naming the first that is not); dropping the others from an object. */
bool api_field_wanted(const char *fields, const char *name);
bool api_fields_check(const char *fields, const char *const *known, strbuf *detail);
void api_fields_apply(json_t *item, const char *fields);
/* The top-level fields of a kind's list items (item: of a single resource). */
const char *const *api_kind_fields(enum store_kind kind, bool item);
/* A page as a list endpoint fetched it: its items, the cursor document of the next page
 * (NULL on the last) and the total (-1 unless counted); the page owns them. */
typedef struct list_page {
    json_t *items;
    json_t *next;
    long long total;
} list_page;
/* Fetches a page of at most `limit` items into *page; or answers resp with the problem
 * (logged when it is the server's) and returns false. */
typedef bool (*list_fetch_fn)(void *ctx, int limit, list_page *page, api_response *resp);
/* Answers a list: fetches a page of q->limit items and renders it (render_list).  When the
 * answer would pass API_PAGE_MAX_BYTES, it fetches a shorter page instead, of the items that
 * fit, so that `next` starts right after the last item served; a page of one item is served
 * whatever its size. */
void serve_list(api_response *resp, const api_request *req, const api_query *q, const char *path,
                list_fetch_fn fetch, void *ctx, const char *const *known_fields);
/* --- api.c --- */

/* api_handle(), or with body_probe the same checks stopping short of a write's body: see
 * write_answer(). */
void api_dispatch(store *st, const api_request *req, api_response *resp, bool body_probe);

/* --- write.c --- */

/* Answers a request to the write API (a write method on its route, or a read of a
 * write-only route), after the route matched and the API is enabled: checks the token, the
 * parameters, the media type and the body, then acts.  With body_probe, a request whose
 * body is announced but not read yet, and whose headers pass, gets no answer (resp->status
 * 0): the transport should read the body (api_wants_body). */
void write_answer(store *st, const route_match *m, const api_request *req, api_response *resp,
                  bool body_probe);
/* The Allow header of a route: "GET, HEAD", plus its write method when writes are enabled. */
const char *write_allowed_methods(const route_match *m);

/* --- views.c --- */

void answer_timeline(store *st, const api_request *req, api_response *resp, const api_query *q);
void answer_conflicts(store *st, const api_request *req, api_response *resp, const api_query *q);
void answer_source_facts(store *st, const route_match *m, api_response *resp, const api_query *q);

/* --- changes.c --- */

/* GET /changes: the entries after `since`, or what the transport needs to wait for one
 * (wait=) or to stream them (Accept: text/event-stream). */
void answer_changes(store *st, const api_request *req, api_response *resp, const api_query *q);

/* --- evidence.c --- */

/* GET /{kind}/{id}/evidence: a page of every evidence span of one fact. */
void answer_evidence(store *st, const route_match *m, const api_request *req, api_response *resp,
                     const api_query *q);

/* --- ui.c --- */

/* GET on a dashboard route ("/ui/", "/ui/app.js", "/ui/app.css"): its file, or a 404 when
 * the server did not find it at start. */
void ui_answer(const char *pattern, api_response *resp, const api_query *q);

/* GET on a collection. */
/* A timeline entry ({"kind", "id", "date", "precision", "label", "fact"}) of the fact as
 * served (taken) of kind "agreement" or "meeting". */
json_t *timeline_entry_json(const char *kind, json_t *fact);
/* A conflict ({"kind", "id", "date", "attributes", "fact"}) of the fact or person as served
 * (taken) of kind "agreement", "meeting", "quote" or "person". */
json_t *conflict_entry_json(const char *kind, json_t *fact);

/* --- as of a seq (asof.c) --- */

/* The order of an as-of list, as answer_list() checked it. */
typedef struct asof_order {
    const char *field; /* the sort field */
    bool descending;
    const char *sort_token;     /* "-signed": what the list's cursors name */
    const store_cursor *cursor; /* the request's cursor, read; NULL: none */
} asof_order;

/* A list (q->as_of_given) as the store served it at the seq asked, from the change log. */
void answer_list_as_of(store *st, const route_match *m, const api_request *req, api_response *resp,
                       const api_query *q, const asof_order *order);
/* The timeline (q->as_of_given) as the store served it at the seq asked; sort is "date" or
 * "-date", c the request's cursor (NULL: none), fields the timeline's. */
void answer_timeline_as_of(store *st, const api_request *req, api_response *resp,
                           const api_query *q, const char *sort, const store_timeline_cursor *c,
                           const char *const *fields);
/* The conflicts (q->as_of_given) as the store served them at the seq asked; c the
 * request's cursor (NULL: none), fields the conflicts'. */
void answer_conflicts_as_of(store *st, const api_request *req, api_response *resp,
                            const api_query *q, const store_timeline_cursor *c,
                            const char *const *fields);
/* An item (q->as_of_given) as the store served it at the seq asked. */
void answer_item_as_of(store *st, const route_match *m, api_response *resp, const api_query *q);
/* A fact's evidence pages (q->as_of_given) as the store served them at the seq asked: the
 * spans its version keeps, when it keeps them all; c the request's cursor (NULL: none),
 * path the list's own, fields the evidence's. */
void answer_evidence_as_of(store *st, const route_match *m, const api_request *req,
                           api_response *resp, const api_query *q, const store_evidence_cursor *c,
                           const char *path, const char *const *fields);
/* An article's text (q->as_of_given) as stored at the seq asked: the text of now when the
 * article was stored then and is still; refused when it was removed since. */
void answer_source_text_as_of(store *st, const route_match *m, api_response *resp,
                              const api_query *q);
/* /stats (q->as_of_given) counted from the versions at the seq asked; `top` as /stats. */
void answer_stats_as_of(store *st, api_response *resp, const api_query *q, int top);
/* /search (q->as_of_given) as of the seq asked: the query run on an index, made for the
 * request, of the articles, agreements and quotes of then; query as /search reads it. */
void answer_search_as_of(store *st, const api_request *req, api_response *resp, const api_query *q,
                         const store_search_query *query, const char *const *fields);
/* Refuses as_of (q->as_of_given) on a route that cannot answer it (an article's facts) with
 * a 400 that says why; false when the route can. */
bool as_of_refused(const route_match *m, api_response *resp, const api_query *q);

void answer_list(store *st, const route_match *m, const api_request *req, api_response *resp,
                 const api_query *q);

#endif
