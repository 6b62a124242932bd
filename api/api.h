/* api: the REST API, independent of the HTTP transport.
 *
 * server/http.c turns each libmicrohttpd request into an api_request, calls api_handle(),
 * and sends the api_response back.  Keeping HTTP out of here lets unit tests drive the whole
 * routing, validation and rendering without a socket.
 *
 * Lists answer {"data": [...], "next": URL-or-null}; single resources the bare object;
 * errors RFC 9457 application/problem+json {"type","title","status","detail"}.
 *
 * The write API (POST /sources, GET /jobs/{id}, DELETE /sources/{id}) exists only once
 * api_set_writes() has configured a bearer token; the process behind it (the writer thread
 * of server/writer.c) is reached through the callbacks of api_write_config, so that this
 * module still never writes by itself.  A write's body is read by the transport, which asks
 * api_wants_body() first: only a request whose headers pass every check (route, method,
 * token, media type, announced length) has its body read at all.
 */
#ifndef FACTD_API_H
#define FACTD_API_H

#include <stdbool.h>
#include <stddef.h>

struct store;
struct store_row;
struct json_t;

typedef struct api_param {
    const char *key;
    const char *value; /* NULL for a bare "?key" */
} api_param;

typedef struct api_request {
    const char *method; /* "GET", "HEAD", ... */
    const char *path;   /* decoded path, without the query string */
    const api_param *params;
    size_t nparams;
    bool has_body;      /* the request announced a body (Content-Length > 0 or chunked) */
    const char *accept; /* the Accept header, or NULL */
    /* For the write API (NULL / 0 when absent): */
    const char *authorization; /* the Authorization header */
    const char *content_type;  /* the Content-Type header */
    long long content_length;  /* the announced Content-Length; -1 when none (chunked) */
    bool body_read;            /* the transport read the body: body[0..body_len) */
    bool body_too_large;       /* the body went past the limit and was discarded */
    const char *body;
    size_t body_len;
    /* Waiting for changes (GET /changes): the transport can hold the request until one
     * comes (a long poll, an event stream), unless it holds as many as it may already
     * (waiters_full); waited: it held it, and the request is to be answered now whatever
     * came.  last_event_id: the Last-Event-ID header (an event stream resumed), or NULL. */
    bool can_wait;
    bool waiters_full;
    bool waited;
    const char *last_event_id;
} api_request;

typedef struct api_header {
    char *name;
    char *value;
} api_header;

typedef struct api_response {
    int status;
    char *content_type; /* malloc'd */
    char *body;         /* malloc'd, may be NULL when len is 0 */
    size_t len;
    api_header headers[8];
    size_t nheaders;
    const char *route; /* the pattern of the route that answered ("/quotes/{id}"), or NULL
                         * when none matched: a static string, for metrics and logs */
    bool cacheable;    /* a successful read of stored data: may carry ETag/Last-Modified */
    /* GET /changes, answered by the transport (only when the request can_wait):
     *   status 0 and wait_seconds > 0: no entry after wait_after yet; hold the request until
     *     the change log goes past it or wait_seconds pass, then ask again with `waited`
     *   stream (status 200, the content type set, no body): send the entries after
     *     wait_after as an event stream (api_changes_events) for as long as the client
     *     stays; of the kinds wait_kinds alone (store_change_kind bits) */
    int wait_seconds;
    bool stream;
    long long wait_after;
    unsigned wait_kinds;
} api_response;

/* Answers one request from the read-only store handle st.  Never fails: every error becomes
 * a problem+json response. */
void api_handle(struct store *st, const api_request *req, api_response *resp);
void api_response_release(api_response *resp);

/* A fact or a person as its list serves it (a new reference): the renderer the store's
 * change log keeps the versions of facts with (store_set_fact_renderer). */
struct json_t *api_fact_json(const struct store_row *row);

/* The next events of an event stream of GET /changes: those of the entries of `kinds`
 * (store_change_kind bits) after seq `after`, at most `max`, as text/event-stream ("id: SEQ",
 * "data: ENTRY", a blank line), in *text (malloc'd, *len bytes; none when there is no entry),
 * with *last the seq the stream has read to (past entries of other kinds; after, when
 * none).  False when the database failed (logged). */
bool api_changes_events(struct store *st, long long after, unsigned kinds, int max, char **text,
                        size_t *len, long long *last);

/* Sets the document GET /openapi.yaml answers (copied); NULL makes that path a 404.  Call it
 * before serving starts: api_handle() reads it without a lock. */
void api_set_openapi(const char *doc, size_t len);

/* The dashboard's files (api/ui.c): api_ui_file_name(i) names the i-th ("index.html",
 * "app.js", "app.css"; NULL past the last), which the server reads from web/ and hands over
 * with api_set_ui_file (copied; NULL makes its path a 404; false for an unknown name).  Call
 * it before serving starts, like api_set_openapi(). */
const char *api_ui_file_name(size_t i);
bool api_set_ui_file(const char *name, const char *doc, size_t len);
/* True when an Accept header prefers text/html to application/json: GET / then answers the
 * dashboard instead of the JSON index. */
bool api_accept_prefers_html(const char *accept);

/* A posted article, checked (non-empty UTF-8, at most the article limit), on its way to
 * the queue.  title, url and published (YYYY-MM-DD) are what a JSON body said, or NULL. */
typedef struct api_article {
    const char *text;
    size_t len;
    const char *title, *url, *published;
} api_article;

/* What the write API needs from the process that serves it. */
typedef struct api_write_config {
    const char *token; /* the bearer token (copied, kept as its SHA-256); NULL: no writes */
    size_t max_body;   /* the largest request body read, in bytes */
    /* Queues the article: returns STORE_OK once the job row is committed, with *job_id
     * (malloc'd) its id, or STORE_ERROR with the reason logged.  Called from any thread. */
    int (*enqueue)(void *arg, const api_article *article, char **job_id);
    /* Deletes an article and re-merges the facts, returning when readers see the result:
     * STORE_OK, STORE_NOT_FOUND, or STORE_ERROR (logged).  Called from any thread. */
    int (*delete_source)(void *arg, const char *id);
    void *arg;
} api_write_config;

/* Enables the write API (cfg->token set) or disables it (cfg NULL or no token).  Call it
 * before serving starts, like api_set_openapi(). */
void api_set_writes(const api_write_config *cfg);
/* True when the write API is enabled. */
bool api_writes_enabled(void);

/* Lets /healthz and /readyz ask the process that writes whether the database file it has
 * open is still the one at the path: gone(arg) returns true once it was deleted or replaced
 * (the writes are refused from then on).  A worker's own handle may have been opened on the
 * replacement, so it cannot tell by itself.  NULL turns the question off.  Call it before
 * serving starts and after it has stopped. */
void api_set_database_check(bool (*gone)(void *arg), void *arg);

/* Whether the transport should read this request's body (req->has_body set, the body not
 * yet read): true for a write whose headers pass every check, with *max_bytes the most it
 * may keep (past that, it discards the rest and sets body_too_large).  False for any other
 * request, which api_handle() then answers without its body. */
bool api_wants_body(const api_request *req, size_t *max_bytes);

#endif
