/* api: the REST API, independent of the HTTP transport.
 *
 * server/http.c turns each libmicrohttpd request into an api_request, calls api_handle(),
 * and sends the api_response back.  Keeping HTTP out of here lets unit tests drive the whole
 * routing, validation and rendering without a socket.
 *
 * Lists answer {"data": [...], "next": URL-or-null}; single resources the bare object;
 * errors RFC 9457 application/problem+json {"type","title","status","detail"}.
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
    const char *method;  /* "GET", "HEAD", ... */
    const char *path;    /* decoded path, without the query string */
    const api_param *params;
    size_t nparams;
    bool has_body;       /* the request announced a body (Content-Length > 0 or chunked) */
    const char *accept;  /* the Accept header, or NULL */
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
    const char *route;  /* the pattern of the route that answered ("/quotes/{id}"), or NULL
                         * when none matched: a static string, for metrics and logs */
    bool cacheable;     /* a successful read of stored data: may carry ETag/Last-Modified */
} api_response;

/* Answers one request from the read-only store handle st.  Never fails: every error becomes
 * a problem+json response. */
void api_handle(struct store *st, const api_request *req, api_response *resp);
void api_response_release(api_response *resp);

/* Sets the document GET /openapi.yaml answers (copied); NULL makes that path a 404.  Call it
 * before serving starts: api_handle() reads it without a lock. */
void api_set_openapi(const char *doc, size_t len);

#endif
