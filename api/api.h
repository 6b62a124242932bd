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
} api_response;

/* Answers one request from the read-only store handle st.  Never fails: every error becomes
 * a problem+json response. */
void api_handle(struct store *st, const api_request *req, api_response *resp);
void api_response_release(api_response *resp);

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
