/* http: the HTTP transport of `factd serve`, on libmicrohttpd.
 *
 * libmicrohttpd runs its own threads (an internal polling thread per worker of a thread
 * pool, on epoll where the system has it, else poll): a connection costs a socket and some
 * memory, never a thread.  The handler turns the connection into an api_request, lets
 * api_handle() answer it, and queues the api_response with its headers.
 *
 * Connections (the limits a client that holds them open meets):
 *   - At most --max-conns-per-ip from one client address (libmicrohttpd refuses the next at
 *     once) and --max-conns in all (accept_connection() refuses the next at once, so that
 *     the listening socket is never left unserved while connections queue behind it).
 *   - A connection must send a whole request line and headers within --header-timeout of
 *     silence (start_request() puts it on that timeout when a request line comes in); from
 *     its headers on, while its body comes and between requests on a kept-alive
 *     connection, it may idle for --timeout.
 *   - The HTTP layer refuses by itself (problem details of type about:blank, Connection:
 *     close): a request target over TARGET_MAX_BYTES (414) or with more than
 *     QUERY_PARAMS_MAX parameters (431), which libmicrohttpd 0.9.75 cannot parse into its
 *     connection memory; a body framed ambiguously (400: two Content-Lengths that differ,
 *     Content-Length and Transfer-Encoding together, a coding other than chunked), with
 *     which a request could smuggle another; and a write with no room in the upload budget
 *     (503 with Retry-After, see "the upload budget" below).  What libmicrohttpd answers
 *     before any callback (a request line or header block over its memory, a malformed
 *     request line, Content-Length or chunk, a chunk line over its memory) keeps its own
 *     HTML page: 0.9.75 lets no application answer for it.
 *
 * Request bodies: only the write API takes one (POST /sources), and only a request whose
 * headers pass every check (api_wants_body: the route, the bearer token, the media type, a
 * Content-Length within --max-body) has its body read at all; any other body is answered
 * before it is read (400 on a GET, 401, 404, 405, 413, 415), and libmicrohttpd then closes
 * the connection.  The body is read here, chunk by chunk as libmicrohttpd hands it over,
 * into a buffer of at most --max-body bytes, once it has a place in the upload budget
 * (reserve_upload): no post processor is involved (there is no
 * form to decode, and libmicrohttpd's has had its share of CVEs).  A chunked body that
 * grows past the limit is discarded from there on and answered 413 once it ends (a response
 * cannot be queued in the middle of an upload); one that goes on past DISCARD_MAX_BYTES
 * gets its connection closed instead.
 *
 * Around the API this file does what is HTTP's rather than the API's, in this order:
 *   - CORS (--cors): a preflight OPTIONS from an allowed origin is answered 204 here;
 *     every answer to an allowed origin carries Access-Control-Allow-Origin and exposes
 *     ETag, Link, Last-Modified and X-Total-Count.
 *   - Conditional requests: a data response (api_response.cacheable) gets a strong ETag
 *     made from the database generation and the request (make_etag) and a Last-Modified
 *     from the time of the last write.  If-None-Match (a list, weak comparison, or "*") and,
 *     without it, If-Modified-Since answer 304.  The generation is read before and after
 *     the API answers: a write in between leaves the answer without validators.
 *   - The answer cache: a 200 of stored data is kept as a ready libmicrohttpd response, with
 *     its 304, and queued again for the same request on the same data, so that a repeated
 *     request or a revalidation costs the reading of the data version and no more (see
 *     "the answer cache" below).
 *   - Cache-Control: "public, max-age=0, must-revalidate" on data (caches keep it but ask
 *     every time), "no-store" on errors and the operational endpoints.
 *   - gzip when Accept-Encoding takes it and the body is 512 bytes or more; HEAD is
 *     compressed too, so its Content-Length is the one GET sends (libmicrohttpd sends the
 *     headers of the response it is given, without the body).  Vary: Accept-Encoding,
 *     Accept on every 200 and 304 (and Origin with --cors).
 *   - Metrics (api_metrics_observe) and one log line per request (access_log.c).
 *
 * Each worker thread lazily opens its own read-only store handle (SQLite connections are
 * not shared across threads here) and records it in a registry, so that server_run() can
 * close every handle after libmicrohttpd has stopped all its threads.
 *
 * The main thread blocks SIGINT and SIGTERM before starting the writer thread and the
 * daemon, so every thread inherits the mask, and then waits for them with sigwait().  On
 * one it stops the daemon first (in-flight requests finish; a DELETE among them is served
 * by the writer, still running), then the writer, which finishes its article.  SIGPIPE is
 * ignored: a client that hangs up must not kill the process.
 */
#include "server/server.h"

#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "api/api.h"
#include "api/metrics.h"
#include "server/access_log.h"
#include "server/feed.h"
#include "server/http_headers.h"
#include "server/writer.h"
#include "store/store.h"
#include "util/digest.h"
#include "util/embedded.h"
#include "util/log.h"
#include "util/strbuf.h"

#define DEFAULT_TIMEOUT_S 30
#define DEFAULT_HEADER_TIMEOUT_S 5
#define MAX_THREADS 256
#define CONNECTION_LIMIT 1024             /* --max-conns unless it says otherwise */
#define DEFAULT_MAX_UPLOADS 16            /* --max-uploads */
#define DEFAULT_UPLOAD_MEMORY (64u << 20) /* --max-upload-memory */
/* The API rejects unknown and repeated query parameters and no route takes as many as 32,
 * so a request with more is a 400 that its first 32 already decide. */
#define MAX_PARAMS 32
/* Each connection's memory in libmicrohttpd (its default, pinned here because the two limits
 * below rely on it): half of it reads the request, the rest holds a 64-byte record for each
 * query parameter and header field.  A query of more parameters than the rest holds makes
 * libmicrohttpd 0.9.75 queue a 431 it never sends, and hold the connection until it times
 * out; so start_request() refuses a target that long or with that many parameters first. */
#define CONNECTION_MEMORY (32u << 10)
#define TARGET_MAX_BYTES (8u << 10) /* a longer request target answers 414 */
#define QUERY_PARAMS_MAX 128        /* a query with more parameters answers 431 */
#define RETRY_AFTER_S 5             /* what a 503 for too many uploads says to wait */
#define REPEAT_WINDOW_S 10          /* a repeated log message is counted, not logged, this long */
#define DEFAULT_MAX_WAITING 256     /* --max-waiting */
#define KEEPALIVE_MAX_S 15          /* an event stream's longest silence (at most half --timeout) */

#define ETAG_DIGEST_BYTES 16                  /* of the SHA-256: 32 hex digits */
#define ETAG_SIZE (2 * ETAG_DIGEST_BYTES + 3) /* quoted, with the NUL */
#define GZIP_MIN_BYTES 512                    /* smaller bodies gain too little */
#define ANSWER_SLOTS 4096                     /* answers kept, by the hash of their key */
#define ANSWER_KEY_MAX 4096                   /* a request with a longer key is not kept */
#define CACHED_BODY_MAX \
    (1u << 20)                       /* the largest 200 kept: a page of facts
                                                  * reported by thousands of articles, with
                                                  * every span, runs to hundreds of kB */
#define CACHED_BYTES_MAX (16u << 20) /* the bodies of all 200s kept, together */
#define CACHE_CONTROL_DATA "public, max-age=0, must-revalidate"
#define CACHE_CONTROL_NONE "no-store"
#define VARY_REPRESENTATION "Accept-Encoding, Accept"
#define CORS_METHODS "GET, HEAD"
#define CORS_HEADERS "Accept, If-None-Match, If-Modified-Since"
#define CORS_EXPOSED_HEADERS "ETag, Link, Last-Modified, X-Total-Count"
/* With the write API enabled, browsers may post and delete too. */
#define CORS_WRITE_METHODS "GET, HEAD, POST, DELETE"
#define CORS_WRITE_HEADERS CORS_HEADERS ", Authorization, Content-Type"
#define CORS_WRITE_EXPOSED_HEADERS CORS_EXPOSED_HEADERS ", Location"
/* How much of a body past the limit is read and thrown away before the connection is cut. */
#define DISCARD_MAX_BYTES (16u << 20)
#define CORS_MAX_AGE_S "86400"

/* One answer of stored data, kept as libmicrohttpd responses ready to be queued again: the
 * 200 with every header, and the 304 that revalidates it (see the answer cache below). */
typedef struct kept_answer {
    char *key; /* see answer_key; NULL in an empty slot */
    size_t key_len;
    uint64_t hash;         /* of the key */
    store_version version; /* of the data it was made from */
    char etag[ETAG_SIZE];
    bool have_modified; /* it carries Last-Modified: `modified` */
    time_t modified;
    const char *route;       /* a route pattern: static */
    size_t len;              /* the 200's body length, which a HEAD and a 304 announce */
    struct MHD_Response *ok; /* the 200; NULL when its body was too large to keep */
    struct MHD_Response *not_modified;
} kept_answer;

typedef struct server_state {
    const char *db_path;
    const char *cors;                 /* the --cors value, or NULL */
    bool writes;                      /* the write API is enabled */
    unsigned idle_timeout_s;          /* --timeout: between requests, and while a body comes */
    unsigned header_timeout_s;        /* --header-timeout: until a request's headers are in */
    unsigned max_conns;               /* --max-conns: accept_connection() refuses past it */
    unsigned max_conns_per_ip;        /* --max-conns-per-ip (libmicrohttpd enforces it); 0: none */
    atomic_uint conns;                /* connections open, counted by track_connection() */
    pthread_mutex_t uploads_lock;     /* guards uploads and upload_bytes */
    unsigned uploads;                 /* request bodies being read (see reserve_upload) */
    size_t upload_bytes;              /* the bytes they may hold together */
    unsigned max_uploads;             /* --max-uploads */
    size_t max_upload_bytes;          /* --max-upload-memory */
    feed *feed;                       /* the requests waiting for changes (feed.h) */
    char seed[DIGEST_SHA256_HEX + 1]; /* hex digest of the build: version, OpenAPI document */
    pthread_rwlock_t answers_lock;    /* guards answers, kept_bytes and swept */
    kept_answer *answers;             /* ANSWER_SLOTS of them, by the hash of their key */
    size_t kept_bytes;                /* the bodies of the 200s kept in answers */
    store_version swept;              /* the data of the last sweep (see drop_older_answers) */
    pthread_mutex_t lock;             /* guards handles, mhd_message and the repeat count below */
    store **handles;                  /* every handle a worker opened, closed at shutdown */
    size_t nhandles, cap;
    strbuf mhd_message;  /* libmicrohttpd's message during start-up, to explain a failure */
    bool started;        /* set once the daemon runs: messages are then logged as they come */
    strbuf last_warning; /* the last message log_repeatable() logged, when, and how many */
    time_t last_warned;  /* times it came again since (see log_repeatable) */
    unsigned repeats;
} server_state;

/* What goes back to the client, assembled before it becomes a libmicrohttpd response. */
typedef struct reply {
    int status;
    const char *route;        /* for metrics and the log; NULL when none matched */
    const char *content_type; /* not sent with a 204 or a 304 */
    bool gzipped;
    char *body; /* malloc'd, NULL when empty */
    size_t len;
    bool data;            /* a response of stored data: cacheable, varies by Accept */
    char etag[ETAG_SIZE]; /* "" when none */
    char last_modified[HTTP_DATE_SIZE];
    bool preflight;           /* a CORS preflight answer */
    const char *allow_origin; /* Access-Control-Allow-Origin, NULL when none */
    const api_response *api;  /* its extra headers (Allow, Link, ...); NULL when none */
    bool close;               /* Connection: close, and libmicrohttpd closes after it */
    const char *retry_after;  /* Retry-After, or NULL */
    bool queued;              /* already queued (from the answer cache): queue_result */
    enum MHD_Result queue_result;
} reply;

/* This worker thread's read-only store handle; NULL until its first request. */
static _Thread_local store *worker_store;
/* Whether this worker already logged that it cannot open the database (log it once). */
static _Thread_local bool worker_store_failed;

/* Returns this thread's store handle, opening and registering it on first use.  NULL when
 * the database cannot be opened: the API then answers 503 and the next request retries. */
static store *thread_store(server_state *state)
{
    char *err = NULL;

    if (worker_store)
        return worker_store;
    store *st = store_open(state->db_path, true, &err);
    if (!st) {
        if (!worker_store_failed)
            log_error("http: cannot open %s read-only: %s", state->db_path,
                      err ? err : "unknown error");
        worker_store_failed = true;
        free(err);
        return NULL;
    }
    pthread_mutex_lock(&state->lock);
    if (state->nhandles == state->cap) {
        size_t cap = state->cap ? state->cap * 2 : 16;
        store **grown = realloc(state->handles, cap * sizeof(store *));
        if (!grown) {
            pthread_mutex_unlock(&state->lock);
            store_close(st);
            return NULL;
        }
        state->handles = grown;
        state->cap = cap;
    }
    state->handles[state->nhandles++] = st;
    pthread_mutex_unlock(&state->lock);
    worker_store = st;
    worker_store_failed = false;
    return st;
}

static void close_all_stores(server_state *state)
{
    pthread_mutex_lock(&state->lock);
    for (size_t i = 0; i < state->nhandles; i++)
        store_close(state->handles[i]);
    free(state->handles);
    state->handles = NULL;
    state->nhandles = state->cap = 0;
    pthread_mutex_unlock(&state->lock);
}

/* Logs a warning, unless it repeats the one logged last less than REPEAT_WINDOW_S ago: then
 * it is counted, and the next time it is logged it says how often it came meanwhile.  A flood
 * of refused connections or broken requests makes a line every few seconds, not one each. */
static void log_repeatable(server_state *state, const char *msg)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    pthread_mutex_lock(&state->lock);
    bool same = strcmp(state->last_warning.buf, msg) == 0;
    if (same && now.tv_sec - state->last_warned < REPEAT_WINDOW_S) {
        state->repeats++;
        pthread_mutex_unlock(&state->lock);
        return;
    }
    unsigned repeats = state->repeats;
    state->repeats = 0;
    state->last_warned = now.tv_sec;
    if (!same) {
        strbuf_reset(&state->last_warning);
        strbuf_addstr(&state->last_warning, msg);
    }
    pthread_mutex_unlock(&state->lock);
    if (repeats && same)
        log_warn("http: %s (%u more times since it was last logged)", msg, repeats);
    else if (repeats)
        log_warn("http: (the message before came %u times more)", repeats);
    if (!same || !repeats)
        log_warn("http: %s", msg);
}

typedef struct param_list {
    api_param items[MAX_PARAMS];
    size_t n;
} param_list;

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *value)
{
    param_list *list = cls;
    (void)kind;
    if (list->n == MAX_PARAMS)
        return MHD_NO;
    list->items[list->n].key = key ? key : "";
    list->items[list->n].value = value;
    list->n++;
    return MHD_YES;
}

/* True when the request announces a body: a non-zero Content-Length or any
 * Transfer-Encoding (chunked bodies have no length up front). */
static bool request_has_body(struct MHD_Connection *conn)
{
    const char *length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *encoding = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                       MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (encoding)
        return true;
    return length && length[strspn(length, "0")] != '\0';
}

/* One request from its request line to its completion: made by start_request() (the URI
 * callback, which sees the target before libmicrohttpd decodes it), freed by
 * finish_request() whatever way the request ends. */
typedef struct request_ctx {
    server_state *state;
    char *target; /* the request target as received: path and query, still encoded */
    enum { REQ_NEW, REQ_HEADERS_SEEN, REQ_READING_BODY, REQ_WAITING, REQ_ANSWERED } stage;
    struct timespec start; /* when the headers were in */
    int refused;           /* 414 or 431 when start_request() refused the target, else 0 */
    size_t nparams;        /* the query parameters of the target */
    /* The body of a write (REQ_READING_BODY): kept up to max_body bytes. */
    strbuf body;
    size_t max_body;
    size_t reserved;             /* what reserve_upload() counts for it; 0 when it holds none */
    unsigned long long received; /* every byte received, kept or not */
    bool too_large;
    bool body_read; /* the whole body went by */
    /* A long poll of GET /changes (REQ_WAITING: its connection is suspended until the change
     * log moves on or its time is up; then it is answered, `waited`). */
    feed_waiter waiter;
    bool waited;
    bool no_room; /* the feed found no room for it after all: the API is to refuse it */
} request_ctx;

static request_ctx *request_ctx_new(server_state *state, const char *target)
{
    request_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->state = state;
    strbuf_init(&ctx->body);
    if (!(ctx->target = strdup(target ? target : ""))) {
        free(ctx);
        return NULL;
    }
    return ctx;
}

static void release_upload(request_ctx *ctx);

static void request_ctx_free(request_ctx *ctx)
{
    release_upload(ctx);
    feed_release(ctx->state->feed, &ctx->waiter);
    free(ctx->target);
    strbuf_release(&ctx->body);
    free(ctx);
}

/* The connection's slot for its request's context (set up by track_connection()), or NULL.
 * libmicrohttpd may give up on a request between the URI callback and the handler (an error
 * it answers itself, such as a header block over its connection memory) without calling the
 * completion callback; the slot holds the context until the request completes, and the
 * connection's close frees one that never did. */
static request_ctx **connection_slot(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/* The connection callback: gives each connection its slot, and counts the open ones for
 * accept_connection(). */
static void track_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                             enum MHD_ConnectionNotificationCode code)
{
    server_state *state = cls;
    request_ctx **slot = *socket_context;
    (void)conn;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        atomic_fetch_add(&state->conns, 1);
        *socket_context = calloc(1, sizeof(request_ctx *));
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        atomic_fetch_sub(&state->conns, 1);
        if (slot) {
            if (*slot)
                request_ctx_free(*slot);
            free(slot);
            *socket_context = NULL;
        }
    }
}

/* The URI callback: a request line is in.  Makes the request's context, and puts the
 * connection on the header timeout until the headers are in (handle_request() then gives it
 * the idle timeout back).  A target libmicrohttpd would choke on (see CONNECTION_MEMORY) is
 * refused here: its query is cut off before libmicrohttpd parses it (this callback runs just
 * before, on the very bytes it parses, which are the request's own buffer), and
 * handle_request() answers 414 or 431 once the headers are in. */
static void *start_request(void *cls, const char *uri, struct MHD_Connection *conn)
{
    server_state *state = cls;
    request_ctx *ctx = request_ctx_new(state, uri);
    size_t nparams = http_query_params(uri);
    int refused = nparams > QUERY_PARAMS_MAX ? 431 : strlen(uri) > TARGET_MAX_BYTES ? 414 : 0;

    MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, state->header_timeout_s);
    if (refused) {
        char *query = strchr(uri, '?'); /* libmicrohttpd's buffer, writable: see above */
        if (query)
            query[1] = '\0';
    }
    if (ctx) {
        ctx->refused = refused;
        ctx->nparams = nparams;
    }
    request_ctx **slot = connection_slot(conn);
    if (slot) {
        if (*slot)
            request_ctx_free(*slot);
        *slot = ctx;
    }
    return ctx;
}

static void finish_request(void *cls, struct MHD_Connection *conn, void **req_cls,
                           enum MHD_RequestTerminationCode toe)
{
    request_ctx *ctx = *req_cls;
    (void)cls;
    (void)toe;
    request_ctx **slot = connection_slot(conn);
    if (slot && *slot == ctx)
        *slot = NULL;
    if (ctx) {
        request_ctx_free(ctx);
        *req_cls = NULL;
    }
}

static long long micros_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)(now.tv_sec - start->tv_sec) * 1000000LL +
           (now.tv_nsec - start->tv_nsec) / 1000;
}

/* The request headers the HTTP layer reads (NULL when absent). */
typedef struct request_headers {
    const char *accept;
    const char *accept_encoding;
    const char *if_none_match;
    const char *if_modified_since;
    const char *origin;
    const char *preflight_method; /* Access-Control-Request-Method */
    const char *authorization;
    const char *content_type;
    const char *last_event_id; /* Last-Event-ID: where an event stream resumes */
    long long content_length;  /* -1 when absent or not a number */
} request_headers;

static void read_headers(struct MHD_Connection *conn, request_headers *h)
{
#define HEADER(name) MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name)
    h->accept = HEADER(MHD_HTTP_HEADER_ACCEPT);
    h->accept_encoding = HEADER(MHD_HTTP_HEADER_ACCEPT_ENCODING);
    h->if_none_match = HEADER(MHD_HTTP_HEADER_IF_NONE_MATCH);
    h->if_modified_since = HEADER(MHD_HTTP_HEADER_IF_MODIFIED_SINCE);
    h->origin = HEADER(MHD_HTTP_HEADER_ORIGIN);
    h->preflight_method = HEADER(MHD_HTTP_HEADER_ACCESS_CONTROL_REQUEST_METHOD);
    h->authorization = HEADER(MHD_HTTP_HEADER_AUTHORIZATION);
    h->content_type = HEADER(MHD_HTTP_HEADER_CONTENT_TYPE);
    h->last_event_id = HEADER("Last-Event-ID");
    const char *length = HEADER(MHD_HTTP_HEADER_CONTENT_LENGTH);
#undef HEADER
    h->content_length = -1;
    if (length && *length >= '0' && *length <= '9') {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(length, &end, 10);
        if (!errno && *end == '\0' && v <= LLONG_MAX)
            h->content_length = (long long)v;
    }
}

/* The api_request of a connection's request line, query parameters (collected into params,
 * which must outlive req) and headers; without a body (the caller adds it once read). */
static void make_request(struct MHD_Connection *conn, const char *url, const char *method,
                         bool has_body, const request_headers *h, param_list *params,
                         api_request *req)
{
    params->n = 0;
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_param, params);
    *req = (api_request){
        .method = method,
        .path = url,
        .params = params->items,
        .nparams = params->n,
        .has_body = has_body,
        .accept = h->accept,
        .authorization = h->authorization,
        .content_type = h->content_type,
        .content_length = h->content_length,
    };
}

static char *copy_bytes(const char *p, size_t n)
{
    char *c = malloc(n ? n : 1);
    if (c && n)
        memcpy(c, p, n);
    return c;
}

/* The strong entity tag of one representation.  api_handle() is a pure function of the data
 * (the database generation and its modified time), the request (method aside, GET and HEAD
 * being one representation: its target, query included, and its Accept header, which
 * decides the format) and the build (seed: the version and the OpenAPI document); the
 * content coding follows from Accept-Encoding, the body and nothing else.  So the tag can be
 * computed before the answer is, and the same tag names the same bytes, across restarts too
 * (the answer cache relies on the same purity).  Empty when the digest fails (then no tag is
 * sent). */
static void make_etag(const server_state *state, const store_version *v, const char *target,
                      const char *accept, enum http_gzip_use gzip, char out[ETAG_SIZE])
{
    strbuf in = STRBUF_INIT;
    unsigned char md[DIGEST_SHA256_BYTES];

    out[0] = '\0';
    /* Fields end with a NUL byte, which none of them contains, so no two requests collide. */
    strbuf_addstr(&in, state->seed);
    strbuf_add(&in, "", 1);
    strbuf_addf(&in, "%lld", v->generation);
    strbuf_add(&in, "", 1);
    strbuf_addstr(&in, v->modified_at);
    strbuf_add(&in, "", 1);
    strbuf_addstr(&in, target);
    strbuf_add(&in, "", 1);
    strbuf_addstr(&in, accept ? accept : "");
    strbuf_add(&in, "", 1);
    strbuf_addf(&in, "%d", (int)gzip);
    if (digest_sha256(in.buf, in.len, md)) {
        out[0] = '"';
        digest_hex(md, ETAG_DIGEST_BYTES, out + 1);
        out[1 + 2 * ETAG_DIGEST_BYTES] = '"';
        out[2 + 2 * ETAG_DIGEST_BYTES] = '\0';
    }
    strbuf_release(&in);
}

/* Compresses in[0..len) into a gzip member (zlib, default level; deterministic: no name and
 * no time in the header, so equal bodies compress to equal bytes).  False on failure. */
static bool gzip_body(const char *in, size_t len, char **out, size_t *out_len)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (len > UINT_MAX || deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                                       Z_DEFAULT_STRATEGY) != Z_OK)
        return false;
    uLong bound = deflateBound(&zs, (uLong)len);
    char *buf = malloc(bound ? bound : 1);
    bool ok = false;
    if (buf) {
        zs.next_in = (Bytef *)(uintptr_t)in;
        zs.avail_in = (uInt)len;
        zs.next_out = (Bytef *)buf;
        zs.avail_out = (uInt)bound;
        ok = deflate(&zs, Z_FINISH) == Z_STREAM_END;
    }
    deflateEnd(&zs);
    if (!ok) {
        free(buf);
        return false;
    }
    *out = buf;
    *out_len = zs.total_out;
    return true;
}


/* True when the representation is unchanged for the client: If-None-Match names its tag (or
 * is "*"), or, without If-None-Match, If-Modified-Since is not before its last change. */
static bool not_modified(const request_headers *h, const char *etag, bool have_modified,
                         time_t modified)
{
    if (h->if_none_match)
        return http_if_none_match(h->if_none_match, etag) != HTTP_TAG_NO_MATCH;
    time_t since;
    return have_modified && http_date_parse(h->if_modified_since, &since) && modified <= since;
}

/* Gzips a 200 body when the client takes gzip and it is worth it (see enum http_gzip_use). */
static void maybe_gzip(reply *out, enum http_gzip_use gzip)
{
    char *packed;
    size_t packed_len;

    if (out->status != 200 || !out->body || !out->len || gzip == HTTP_GZIP_NO ||
        (gzip == HTTP_GZIP_PREFERRED && out->len < GZIP_MIN_BYTES))
        return;
    if (!gzip_body(out->body, out->len, &packed, &packed_len))
        return;
    if (packed_len >= out->len && gzip != HTTP_GZIP_REQUIRED) {
        free(packed);
        return;
    }
    free(out->body);
    out->body = packed;
    out->len = packed_len;
    out->gzipped = true;
}

static bool add_header(struct MHD_Response *r, const char *name, const char *value)
{
    return MHD_add_response_header(r, name, value) == MHD_YES;
}

/* The body of a 304 answered from a tag alone: libmicrohttpd never reads it. */
static ssize_t no_body(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)cls;
    (void)pos;
    (void)buf;
    (void)max;
    return MHD_CONTENT_READER_END_WITH_ERROR;
}

/* The libmicrohttpd response of `out`: the body moves into it (libmicrohttpd frees it with
 * the response), then the headers the status calls for.  A 304 carries what the 200 would
 * have told a cache (ETag, Last-Modified, Cache-Control, Vary) and no representation
 * metadata; a 204 preflight only the CORS headers.  NULL when out of memory. */
static struct MHD_Response *build_response(const server_state *state, reply *out)
{
    struct MHD_Response *r;
    bool ok = true, bodyless = out->status == 204 || out->status == 304;

    /* libmicrohttpd sends the headers of the body it is given, and the body itself unless
     * the request is a HEAD or the status a 304: so a HEAD and a 304 get the Content-Length
     * of the 200.  A 304 without the body knows only that length. */
    if (out->status != 204 && out->body && out->len) {
        r = MHD_create_response_from_buffer(out->len, out->body, MHD_RESPMEM_MUST_FREE);
        if (r)
            out->body = NULL;
    } else if (out->status == 304 && out->len) {
        r = MHD_create_response_from_callback(out->len, 4096, no_body, NULL, NULL);
    } else {
        r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (!r)
        return NULL;

    if (!bodyless && out->content_type)
        ok = ok && add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, out->content_type);
    if (!bodyless && out->gzipped)
        ok = ok && add_header(r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    if (out->etag[0])
        ok = ok && add_header(r, MHD_HTTP_HEADER_ETAG, out->etag);
    if (out->last_modified[0])
        ok = ok && add_header(r, MHD_HTTP_HEADER_LAST_MODIFIED, out->last_modified);
    if (!out->preflight)
        ok = ok && add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                              out->data ? CACHE_CONTROL_DATA : CACHE_CONTROL_NONE);
    if (out->data || out->status == 200)
        ok = ok && add_header(r, MHD_HTTP_HEADER_VARY,
                              state->cors ? VARY_REPRESENTATION ", Origin" : VARY_REPRESENTATION);
    else if (state->cors)
        ok = ok && add_header(r, MHD_HTTP_HEADER_VARY, "Origin");
    if (out->allow_origin) {
        ok = ok && add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, out->allow_origin);
        if (out->preflight)
            ok = ok &&
                 add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_METHODS,
                            state->writes ? CORS_WRITE_METHODS : CORS_METHODS) &&
                 add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_HEADERS,
                            state->writes ? CORS_WRITE_HEADERS : CORS_HEADERS) &&
                 add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_MAX_AGE, CORS_MAX_AGE_S);
        else
            ok = ok &&
                 add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_EXPOSE_HEADERS,
                            state->writes ? CORS_WRITE_EXPOSED_HEADERS : CORS_EXPOSED_HEADERS);
    }
    if (out->close)
        ok = ok && add_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    if (out->retry_after)
        ok = ok && add_header(r, MHD_HTTP_HEADER_RETRY_AFTER, out->retry_after);
    for (size_t i = 0; out->api && out->status != 304 && i < out->api->nheaders; i++)
        ok = ok && add_header(r, out->api->headers[i].name, out->api->headers[i].value);
    if (!ok) {
        MHD_destroy_response(r);
        return NULL;
    }
    return r;
}

/* Queues `out` in a response of its own (see build_response). */
static enum MHD_Result queue_reply(const server_state *state, struct MHD_Connection *conn,
                                   reply *out)
{
    struct MHD_Response *r = build_response(state, out);
    if (!r)
        return MHD_NO;
    enum MHD_Result queued = MHD_queue_response(conn, (unsigned int)out->status, r);
    MHD_destroy_response(r);
    return queued;
}

/* --- the answer cache ---
 *
 * api_handle() is a pure function of the data, the request and the build (see make_etag), so
 * the answer to the same request on the same data is the same bytes.  A 200 of stored data
 * is kept as a libmicrohttpd response, every header added, under a key of what else decides
 * its bytes and headers: the request target as received, Accept, the
 * Access-Control-Allow-Origin it carries and the content coding.  With it go the data
 * version it was made from and the 304 that revalidates it.  A request with that key on that
 * version is answered by queueing the kept response again: no API, no copy, no header to
 * format.  libmicrohttpd counts the references to a response, so one may be queued on many
 * connections at once; it is freed once the cache has let it go and the last connection is
 * done with it.  Queueing happens under the read lock, replacing under the write lock, so a
 * response is never queued after the cache dropped it.
 *
 * The slots are direct-mapped by the key's hash: a slot holds the latest answer that fell in
 * it.  The data version only moves forward, so an answer made from older data is never
 * served again: it is replaced the next time its request comes, or dropped as soon as an
 * answer of newer data is kept.  Only 200s up to CACHED_BODY_MAX are kept whole, up to CACHED_BYTES_MAX together; a
 * larger one keeps its 304 alone, which needs only the length. */

typedef struct answer_key {
    char buf[ANSWER_KEY_MAX];
    size_t len;
    bool too_long; /* not kept */
    uint64_t hash;
} answer_key;

/* Appends a field of the key: 0x01 when absent, else 0x02, its bytes and a NUL (which none
 * of them contains), so that no two requests share a key. */
static void answer_key_add(answer_key *key, const char *field)
{
    size_t n = field ? strlen(field) : 0;
    if (key->too_long || key->len + n + 2 > sizeof key->buf) {
        key->too_long = true;
        return;
    }
    key->buf[key->len++] = field ? '\2' : '\1';
    if (field) {
        memcpy(key->buf + key->len, field, n + 1);
        key->len += n + 1;
    }
}

/* 64-bit FNV-1a: a hash table's spread, not a digest. */
static uint64_t fnv1a(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3u;
    }
    return h;
}

static void answer_key_make(answer_key *key, const char *target, const char *accept,
                            const char *allow_origin, enum http_gzip_use gzip)
{
    char coding[2] = {(char)('0' + (int)gzip), '\0'};
    key->len = 0;
    key->too_long = false;
    answer_key_add(key, target);
    answer_key_add(key, accept);
    answer_key_add(key, allow_origin);
    answer_key_add(key, coding);
    key->hash = fnv1a(key->buf, key->len);
}

static bool same_version(const store_version *a, const store_version *b)
{
    return a->generation == b->generation && strcmp(a->modified_at, b->modified_at) == 0;
}

/* Empties a slot; the write lock is held. */
static void kept_answer_clear(server_state *state, kept_answer *slot)
{
    if (slot->ok) {
        state->kept_bytes -= slot->len;
        MHD_destroy_response(slot->ok);
    }
    if (slot->not_modified)
        MHD_destroy_response(slot->not_modified);
    free(slot->key);
    memset(slot, 0, sizeof *slot);
}

/* Drops every answer made from other data than `version`'s, which no request will be given
 * again: when an answer of newer data is kept (so that the cache does not fill with the
 * answers of every write since the start) and when the bodies kept reach CACHED_BYTES_MAX.
 * Once per version, since a sweep frees nothing more until the data changes again.  The
 * write lock is held. */
static void drop_older_answers(server_state *state, const store_version *version)
{
    if (same_version(&state->swept, version))
        return;
    state->swept = *version;
    for (size_t i = 0; i < ANSWER_SLOTS; i++) {
        kept_answer *slot = &state->answers[i];
        if (slot->key && !same_version(&slot->version, version))
            kept_answer_clear(state, slot);
    }
}

/* Answers from the cache when it keeps the answer to `key` on the data `version`: queues the
 * 304 or the 200 the request's conditions call for, and fills out for the metrics and the
 * log.  False when it keeps no such answer (or only the 304 of one, and the request does not
 * revalidate it): then the API is asked. */
static bool answer_from_cache(server_state *state, struct MHD_Connection *conn,
                              const answer_key *key, const store_version *version,
                              const request_headers *h, reply *out)
{
    bool answered = false;

    pthread_rwlock_rdlock(&state->answers_lock);
    const kept_answer *kept = &state->answers[key->hash % ANSWER_SLOTS];
    if (kept->key && kept->hash == key->hash && kept->key_len == key->len &&
        memcmp(kept->key, key->buf, key->len) == 0 && same_version(&kept->version, version)) {
        bool unchanged = not_modified(h, kept->etag, kept->have_modified, kept->modified);
        struct MHD_Response *r = unchanged ? kept->not_modified : kept->ok;
        if (r) {
            out->status = unchanged ? 304 : 200;
            out->route = kept->route;
            out->len = kept->len;
            out->data = true;
            out->queued = true;
            out->queue_result = MHD_queue_response(conn, (unsigned int)out->status, r);
            answered = true;
        }
    }
    pthread_rwlock_unlock(&state->answers_lock);
    return answered;
}

/* Builds the 200 of a fresh data answer (out, with its validators; status 200, or 304 when
 * the request's conditions hold) and its 304, queues the one the status calls for and keeps
 * both under `key` for the next time.  The body moves into the 200. */
static void queue_and_keep(server_state *state, struct MHD_Connection *conn, const answer_key *key,
                           const store_version *version, bool have_modified, time_t modified,
                           reply *out)
{
    kept_answer fresh = {.key_len = key->len,
                         .hash = key->hash,
                         .version = *version,
                         .have_modified = have_modified,
                         .modified = modified,
                         .route = out->route,
                         .len = out->len};
    reply full = *out, revalidation = *out;

    memcpy(fresh.etag, out->etag, sizeof fresh.etag);
    full.status = 200;
    fresh.ok = build_response(state, &full);
    out->body = full.body; /* NULL once moved into the 200 */
    revalidation.status = 304;
    revalidation.body = NULL;
    fresh.not_modified = build_response(state, &revalidation);
    fresh.key = copy_bytes(key->buf, key->len);

    struct MHD_Response *r = out->status == 304 ? fresh.not_modified : fresh.ok;
    out->queued = true;
    out->queue_result = r ? MHD_queue_response(conn, (unsigned int)out->status, r) : MHD_NO;
    if (!fresh.key || !fresh.not_modified) {
        if (fresh.ok)
            MHD_destroy_response(fresh.ok);
        if (fresh.not_modified)
            MHD_destroy_response(fresh.not_modified);
        free(fresh.key);
        return;
    }
    if (fresh.ok && fresh.len > CACHED_BODY_MAX) {
        MHD_destroy_response(fresh.ok);
        fresh.ok = NULL;
    }

    pthread_rwlock_wrlock(&state->answers_lock);
    /* answers of older data are never served again: they go as soon as newer data is seen,
     * so that the cache holds the answers of one data version, not of every write since */
    if (version->generation > state->swept.generation)
        drop_older_answers(state, version);
    kept_answer *slot = &state->answers[fresh.hash % ANSWER_SLOTS];
    kept_answer_clear(state, slot);
    if (fresh.ok && state->kept_bytes + fresh.len > CACHED_BYTES_MAX)
        drop_older_answers(state, version);
    if (fresh.ok && state->kept_bytes + fresh.len > CACHED_BYTES_MAX) {
        MHD_destroy_response(fresh.ok);
        fresh.ok = NULL;
    }
    if (fresh.ok)
        state->kept_bytes += fresh.len;
    *slot = fresh;
    pthread_rwlock_unlock(&state->answers_lock);
}

/* Answers a GET or any other request but a preflight, conditionally: from the answer cache,
 * else from the API.  Fills out (and resp, when the API was asked); queues the answer itself
 * when it comes from or goes into the cache (out->queued). */
static void answer_request(server_state *state, struct MHD_Connection *conn, const request_ctx *ctx,
                           const char *url, const char *method, bool has_body,
                           const request_headers *h, reply *out, api_response *resp)
{
    bool read_method = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    const char *route = api_route_of(url);
    store *st = thread_store(state);
    store_version before;
    enum http_gzip_use gzip = http_gzip_negotiate(h->accept_encoding);
    char etag[ETAG_SIZE] = "";
    time_t modified = 0;
    bool have_modified = false, keep = false;
    answer_key key;

    /* Only data is versioned: the operational endpoints must not depend on the database
     * more than they say (/livez not at all), and unknown paths have nothing to tag. */
    bool versioned = st && read_method && !has_body && route && !api_route_is_operational(route) &&
                     store_get_version(st, &before) == STORE_OK;
    if (versioned) {
        answer_key_make(&key, ctx->target, h->accept, out->allow_origin, gzip);
        keep = !key.too_long;
        if (keep && answer_from_cache(state, conn, &key, &before, h, out))
            return;
        make_etag(state, &before, ctx->target, h->accept, gzip, etag);
        have_modified = http_iso8601_parse(before.modified_at, &modified);
    }

    param_list params;
    api_request req;
    make_request(conn, url, method, has_body, h, &params, &req);
    req.body_read = ctx->body_read;
    req.body_too_large = ctx->too_large;
    req.body = ctx->body.buf;
    req.body_len = ctx->body.len;
    req.can_wait = state->feed != NULL;
    req.waiters_full = ctx->no_room || feed_full(state->feed);
    req.waited = ctx->waited;
    req.last_event_id = h->last_event_id;
    api_handle(st, &req, resp);
    out->status = resp->status;
    out->route = resp->route;
    out->content_type = resp->content_type;
    out->body = resp->body;
    out->len = resp->len;
    resp->body = NULL;
    resp->len = 0;
    out->api = resp;
    out->data = resp->cacheable && resp->status == 200;

    /* Validators only when no write landed while the API read: else the body may mix two
     * generations and belongs to neither tag. */
    store_version after;
    bool stable = versioned && out->data && store_get_version(st, &after) == STORE_OK &&
                  same_version(&after, &before);
    maybe_gzip(out, gzip);
    if (!stable)
        return;
    memcpy(out->etag, etag, sizeof out->etag);
    if (have_modified)
        http_date_format(modified, out->last_modified);
    if (not_modified(h, etag, have_modified, modified))
        out->status = 304; /* the body stays, for its length: see build_response() */
    if (keep && etag[0])
        queue_and_keep(state, conn, &key, &before, have_modified, modified, out);
}

/* Counts and logs a request answered with `status` and a body of `bytes`. */
static void observe(const request_ctx *ctx, const char *method, const char *route, int status,
                    size_t bytes)
{
    long long micros = micros_since(&ctx->start);
    api_metrics_observe(route, method, status, micros);
    access_entry entry = {
        .method = method,
        .target = ctx->target,
        .status = status,
        .bytes = bytes,
        .micros = micros,
        .route = route,
        .level = api_route_is_operational(route) ? LOG_DEBUG : LOG_INFO,
    };
    access_log_write(&entry);
}

/* Queues out, unless it is queued already (from the answer cache), then counts and logs the
 * request.  Frees out's body. */
static enum MHD_Result send_reply(const server_state *state, struct MHD_Connection *conn,
                                  const request_ctx *ctx, const char *url, const char *method,
                                  reply *out)
{
    bool head = strcmp(method, "HEAD") == 0;
    size_t bytes = head || out->status == 204 || out->status == 304 ? 0 : out->len;
    enum MHD_Result ok = out->queued ? out->queue_result : queue_reply(state, conn, out);
    if (ok != MHD_YES)
        log_warn("http: could not queue the response to %s %s", method, url);
    observe(ctx, method, out->route, out->status, bytes);
    free(out->body);
    out->body = NULL;
    return ok;
}

/* Answers a request the HTTP layer refuses by itself, before the API sees it: a problem of
 * type about:blank (RFC 9457 section 4.2.1: the status says it all, its phrase is the title)
 * with `detail`, and Connection: close, since what else the client sent cannot be trusted to
 * be a next request.  retry_after: the Retry-After value, or NULL. */
static enum MHD_Result refuse(server_state *state, struct MHD_Connection *conn,
                              const request_ctx *ctx, const char *url, const char *method,
                              int status, const char *retry_after, const char *detail)
{
    reply out = {.status = status,
                 .route = api_route_of(url),
                 .close = true,
                 .retry_after = retry_after,
                 .content_type = "application/problem+json; charset=utf-8"};
    const char *origin = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ORIGIN);
    out.allow_origin = http_cors_allow(state->cors, origin);
    json_t *doc = json_pack("{s:s, s:s, s:i, s:s}", "type", "about:blank", "title",
                            MHD_get_reason_phrase_for((unsigned)status), "status", status, "detail",
                            detail);
    out.body = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    out.len = out.body ? strlen(out.body) : 0;
    json_decref(doc);
    return send_reply(state, conn, ctx, url, method, &out);
}

static enum MHD_Result collect_framing(void *cls, enum MHD_ValueKind kind, const char *key,
                                       const char *value)
{
    (void)kind;
    http_framing_add(cls, key, value);
    return MHD_YES;
}

/* Refuses, once its headers are in, a request the HTTP layer does not pass on: a target
 * start_request() refused (414, 431), or a body whose framing is ambiguous (400: see
 * http_framing_fault).  True when it did, with *result what to return to libmicrohttpd. */
static bool refuse_request(server_state *state, struct MHD_Connection *conn, const request_ctx *ctx,
                           const char *url, const char *method, const char *version,
                           enum MHD_Result *result)
{
    strbuf detail = STRBUF_INIT;
    int status = 0;

    if (ctx->refused == 414) {
        status = 414;
        strbuf_addf(&detail, "the request target is %zu bytes long; the server reads at most %u",
                    strlen(ctx->target), TARGET_MAX_BYTES);
    } else if (ctx->refused == 431) {
        status = 431;
        strbuf_addf(&detail,
                    "the query has %zu parameters; the server reads at most %d (no "
                    "endpoint takes more than a few)",
                    ctx->nparams, QUERY_PARAMS_MAX);
    } else {
        http_framing framing = {0};
        MHD_get_connection_values(conn, MHD_HEADER_KIND, collect_framing, &framing);
        const char *fault = http_framing_fault(&framing,
                                               strcmp(version, MHD_HTTP_VERSION_1_0) == 0);
        if (fault) {
            status = 400;
            strbuf_addstr(&detail, fault);
        }
    }
    if (status)
        *result = refuse(state, conn, ctx, url, method, status, NULL, detail.buf);
    strbuf_release(&detail);
    return status != 0;
}

/* This worker thread's store handle, for an event stream (feed_stream). */
static store *stream_store(void *arg)
{
    return thread_store(arg);
}

/* Starts the event stream the API asked for (api_response.stream): a response that
 * libmicrohttpd reads from feed.c for as long as the client stays.  Counted and logged as it
 * starts.  Queues nothing (returns MHD_YES with *why FEED_FULL) when the room for waiting
 * clients went while the API answered. */
static enum MHD_Result answer_stream(server_state *state, struct MHD_Connection *conn,
                                     const request_ctx *ctx, const char *url, const char *method,
                                     const reply *out, const api_response *resp,
                                     enum feed_hold *why)
{
    struct MHD_Response *r = feed_stream(state->feed, conn, resp->wait_after, resp->wait_kinds,
                                         stream_store, state, why);
    if (!r && *why == FEED_STOPPING) {
        char retry_after[16];
        snprintf(retry_after, sizeof retry_after, "%d", RETRY_AFTER_S);
        return refuse(state, conn, ctx, url, method, 503, retry_after, "the server is stopping");
    }
    if (!r)
        return *why == FEED_FULL ? MHD_YES : MHD_NO;
    bool ok = add_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, resp->content_type) &&
              add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, CACHE_CONTROL_NONE) &&
              /* nginx would hold the events back to fill its buffer */
              add_header(r, "X-Accel-Buffering", "no");
    if (ok && out->allow_origin)
        ok = add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, out->allow_origin) &&
             add_header(r, MHD_HTTP_HEADER_VARY, "Origin");
    enum MHD_Result queued = ok ? MHD_queue_response(conn, MHD_HTTP_OK, r) : MHD_NO;
    MHD_destroy_response(r);
    observe(ctx, method, resp->route, MHD_HTTP_OK, 0);
    return queued;
}

/* Answers one complete request (see the comment at the top of the file for the order), then
 * counts and logs it.  A long poll of GET /changes with nothing to answer yet waits instead
 * (REQ_WAITING), and is answered when feed.c resumes it. */
static enum MHD_Result answer(server_state *state, struct MHD_Connection *conn, request_ctx *ctx,
                              const char *url, const char *method, bool has_body)
{
    request_headers h;
    reply out = {.status = 0};
    api_response resp = {.status = 0};

    read_headers(conn, &h);
    out.allow_origin = http_cors_allow(state->cors, h.origin);
    /* A CORS preflight from an allowed origin: 204 whatever the path, the real request
     * gets its own answer.  Without --cors, OPTIONS is a 405 like any other method. */
    if (out.allow_origin && strcmp(method, "OPTIONS") == 0 && h.preflight_method && !has_body) {
        out.status = 204;
        out.preflight = true;
        out.route = api_route_of(url);
    } else {
        answer_request(state, conn, ctx, url, method, has_body, &h, &out, &resp);
    }
    enum feed_hold held = FEED_HELD;
    if (out.status == 0 && resp.wait_seconds > 0) {
        held = feed_hold(state->feed, &ctx->waiter, conn, resp.wait_after, resp.wait_seconds);
        if (held == FEED_HELD) {
            api_response_release(&resp);
            ctx->stage = REQ_WAITING;
            return MHD_YES;
        }
    } else if (resp.stream) {
        enum MHD_Result streamed = answer_stream(state, conn, ctx, url, method, &out, &resp, &held);
        free(out.body);
        out.body = NULL;
        if (held != FEED_FULL) {
            api_response_release(&resp);
            return streamed;
        }
    }
    if (held != FEED_HELD) {
        /* The room for waiting clients went while the API answered (it then answers 503
         * itself), or the server is stopping (it then answers with what there is). */
        ctx->no_room = held == FEED_FULL;
        ctx->waited = held == FEED_STOPPING;
        const char *allow_origin = out.allow_origin;
        api_response_release(&resp);
        out = (reply){.status = 0, .allow_origin = allow_origin};
        resp = (api_response){.status = 0};
        answer_request(state, conn, ctx, url, method, has_body, &h, &out, &resp);
    }

    enum MHD_Result ok = send_reply(state, conn, ctx, url, method, &out);
    api_response_release(&resp);
    return ok;
}

/* Whether the API wants this request's body, and how much of it (see api_wants_body); with
 * *announced the Content-Length, -1 when there is none (a chunked body). */
static bool wants_body(struct MHD_Connection *conn, const char *url, const char *method,
                       size_t *max_bytes, long long *announced)
{
    request_headers h;
    param_list params;
    api_request req;

    read_headers(conn, &h);
    make_request(conn, url, method, true, &h, &params, &req);
    *announced = h.content_length;
    return api_wants_body(&req, max_bytes);
}

/* --- the upload budget ---
 *
 * A body the write API wants is kept in memory until it is whole (see take_chunk), so
 * clients holding many uploads open could pin as much memory as they like.  A body is read
 * only with a place in the budget: at most --max-uploads bodies at once, holding at most
 * --max-upload-memory bytes together, where each counts what it may grow to (its
 * Content-Length, or --max-body for a chunked one) from its headers until the request ends.
 * A request that finds no place is answered 503 before its body is read. */

/* Takes a place in the budget for ctx's body, of up to `bytes`.  False when there is none,
 * with why in `detail`. */
static bool reserve_upload(server_state *state, request_ctx *ctx, size_t bytes, strbuf *detail)
{
    strbuf warning = STRBUF_INIT;
    pthread_mutex_lock(&state->uploads_lock);
    if (state->uploads >= state->max_uploads) {
        strbuf_addf(detail,
                    "the server is reading as many uploads as it takes at once (%u); "
                    "retry in %d s",
                    state->max_uploads, RETRY_AFTER_S);
        strbuf_addf(&warning, "refusing uploads: %u are being read (--max-uploads)",
                    state->max_uploads);
    } else if (bytes > state->max_upload_bytes - state->upload_bytes) {
        strbuf_addf(detail,
                    "the uploads in progress hold %zu of the %zu bytes the server "
                    "keeps for them, and this one may take %zu; retry in %d s",
                    state->upload_bytes, state->max_upload_bytes, bytes, RETRY_AFTER_S);
        strbuf_addf(&warning,
                    "refusing uploads: those being read may hold all of the %zu "
                    "bytes kept for them (--max-upload-memory)",
                    state->max_upload_bytes);
    } else {
        state->uploads++;
        state->upload_bytes += bytes;
        ctx->reserved = bytes;
    }
    pthread_mutex_unlock(&state->uploads_lock);
    bool ok = warning.len == 0;
    if (!ok)
        log_repeatable(state, warning.buf);
    strbuf_release(&warning);
    return ok;
}

/* Gives back ctx's place in the budget, if it holds one. */
static void release_upload(request_ctx *ctx)
{
    server_state *state = ctx->state;
    if (!ctx->reserved || !state)
        return;
    pthread_mutex_lock(&state->uploads_lock);
    assert(state->uploads > 0 && state->upload_bytes >= ctx->reserved);
    state->uploads--;
    state->upload_bytes -= ctx->reserved;
    pthread_mutex_unlock(&state->uploads_lock);
    ctx->reserved = 0;
}

/* Takes one chunk of a body being read: kept while within the limit, else counted and
 * dropped.  False when so much was dropped that the connection should be cut. */
static bool take_chunk(request_ctx *ctx, const char *data, size_t size)
{
    ctx->received += size;
    if (!ctx->too_large && ctx->body.len + size <= ctx->max_body) {
        strbuf_add(&ctx->body, data, size);
        return true;
    }
    if (!ctx->too_large) {
        ctx->too_large = true;
        strbuf_release(&ctx->body);
    }
    return ctx->received - ctx->max_body <= DISCARD_MAX_BYTES;
}

/* The access handler.  libmicrohttpd calls it first when the headers are in, then once per
 * chunk of the body, then again once the request is complete.  A request without a body is
 * answered in the last call, which keeps the connection alive.  One with a body is answered
 * in the first, so the body is never read (libmicrohttpd then closes the connection after
 * the answer), unless it is a write the API wants the body of: that body is read chunk by
 * chunk, and the request answered once complete. */
static enum MHD_Result handle_request(void *cls, struct MHD_Connection *conn, const char *url,
                                      const char *method, const char *version,
                                      const char *upload_data, size_t *upload_data_size,
                                      void **req_cls)
{
    server_state *state = cls;
    request_ctx *ctx = *req_cls;

    if (!ctx)
        return MHD_NO; /* start_request() could not allocate: drop the connection */
    if (ctx->stage == REQ_WAITING) {
        /* resumed by feed.c: the change log moved on, or the wait is over */
        ctx->stage = REQ_ANSWERED;
        ctx->waited = true;
        feed_release(state->feed, &ctx->waiter);
        return answer(state, conn, ctx, url, method, false);
    }
    if (ctx->stage == REQ_ANSWERED) {
        /* Not expected after an answer; swallow whatever arrives. */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (ctx->stage == REQ_READING_BODY) {
        if (*upload_data_size) {
            bool keep_going = take_chunk(ctx, upload_data, *upload_data_size);
            *upload_data_size = 0;
            if (!keep_going)
                log_warn("http: %s %s: the body went on %u MiB past the limit; closing", method,
                         url, DISCARD_MAX_BYTES >> 20);
            return keep_going ? MHD_YES : MHD_NO;
        }
        ctx->stage = REQ_ANSWERED;
        ctx->body_read = true;
        return answer(state, conn, ctx, url, method, true);
    }
    bool has_body = request_has_body(conn);
    if (ctx->stage == REQ_NEW) {
        enum MHD_Result refused;
        clock_gettime(CLOCK_MONOTONIC, &ctx->start);
        /* The headers are in: from now until the next request line, the connection may wait
         * as long as an idle one (for its body, or between requests). */
        MHD_set_connection_option(conn, MHD_CONNECTION_OPTION_TIMEOUT, state->idle_timeout_s);
        if (refuse_request(state, conn, ctx, url, method, version, &refused)) {
            ctx->stage = REQ_ANSWERED;
            return refused;
        }
    }
    if (ctx->stage == REQ_NEW && !has_body) {
        ctx->stage = REQ_HEADERS_SEEN;
        return MHD_YES;
    }
    long long announced;
    if (ctx->stage == REQ_NEW && state->writes &&
        wants_body(conn, url, method, &ctx->max_body, &announced)) {
        strbuf detail = STRBUF_INIT;
        size_t most = announced > 0 ? (size_t)announced : ctx->max_body;
        if (!reserve_upload(state, ctx, most, &detail)) {
            char retry_after[16];
            snprintf(retry_after, sizeof retry_after, "%d", RETRY_AFTER_S);
            ctx->stage = REQ_ANSWERED;
            enum MHD_Result result = refuse(state, conn, ctx, url, method, 503, retry_after,
                                            detail.buf);
            strbuf_release(&detail);
            return result;
        }
        ctx->stage = REQ_READING_BODY;
        return MHD_YES;
    }
    ctx->stage = REQ_ANSWERED;
    return answer(state, conn, ctx, url, method, has_body);
}

/* The unescape callback: see http_unescape_keeping_nul(). */
static size_t unescape_keeping_nul(void *cls, struct MHD_Connection *conn, char *s)
{
    (void)cls;
    (void)conn;
    return http_unescape_keeping_nul(s);
}

/* Routes libmicrohttpd's own messages (bind failures, connection limits, protocol errors)
 * into our log.  During start-up the latest is kept instead, for the one error line that
 * explains a failed start. */
__attribute__((format(printf, 2, 0))) static void log_from_mhd(void *cls, const char *fmt,
                                                               va_list ap)
{
    server_state *state = cls;
    strbuf msg = STRBUF_INIT;
    strbuf_vaddf(&msg, fmt, ap);
    strbuf_trim(&msg);
    pthread_mutex_lock(&state->lock);
    bool started = state->started;
    if (!started) {
        strbuf_reset(&state->mhd_message);
        strbuf_add(&state->mhd_message, msg.buf, msg.len);
    }
    pthread_mutex_unlock(&state->lock);
    /* libmicrohttpd's limit is above --max-conns (see server_run), so its refusals are those
     * of the per-address limit: say so in the terms of the command line. */
    static const char limit_reached[] = "Server reached connection limit";
    if (started && state->max_conns_per_ip &&
        strncmp(msg.buf, limit_reached, sizeof limit_reached - 1) == 0) {
        strbuf_reset(&msg);
        strbuf_addf(&msg,
                    "refusing connections from an address that has %u open already "
                    "(--max-conns-per-ip)",
                    state->max_conns_per_ip);
    }
    if (started)
        log_repeatable(state, msg.buf);
    strbuf_release(&msg);
}

/* The accept policy: refuses a connection once --max-conns are open.  libmicrohttpd would
 * stop taking connections at its own limit, leaving the next ones (a health check among
 * them) waiting in the listen queue until a connection ends; refused here, they are closed
 * at once instead, and the listening socket stays served. */
static enum MHD_Result accept_connection(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
    server_state *state = cls;
    (void)addr;
    (void)addrlen;
    if (atomic_load(&state->conns) < state->max_conns)
        return MHD_YES;
    strbuf msg = STRBUF_INIT;
    strbuf_addf(&msg,
                "refusing connections: %u are open, the most the server takes "
                "(--max-conns)",
                state->max_conns);
    log_repeatable(state, msg.buf);
    strbuf_release(&msg);
    return MHD_NO;
}

typedef struct listen_addr {
    struct sockaddr_storage sa;
    bool ipv6;
    char display[INET6_ADDRSTRLEN + 8]; /* "127.0.0.1" or "[::1]" */
} listen_addr;

/* Parses an IPv4 or IPv6 literal ("::1" or "[::1]"). */
static bool parse_listen_addr(const char *text, unsigned short port, listen_addr *out)
{
    char bare[INET6_ADDRSTRLEN + 1];
    size_t len = strlen(text);

    memset(out, 0, sizeof *out);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&out->sa;
    if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        inet_ntop(AF_INET, &v4->sin_addr, out->display, sizeof out->display);
        return true;
    }
    if (len >= 2 && text[0] == '[' && text[len - 1] == ']') {
        text++;
        len -= 2;
    }
    if (len >= sizeof bare)
        return false;
    memcpy(bare, text, len);
    bare[len] = '\0';
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&out->sa;
    if (inet_pton(AF_INET6, bare, &v6->sin6_addr) != 1)
        return false;
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(port);
    out->ipv6 = true;
    snprintf(out->display, sizeof out->display, "[%s]", bare);
    return true;
}

bool server_listen_addr_valid(const char *text)
{
    listen_addr unused;
    return parse_listen_addr(text, 0, &unused);
}

/* Sets state->seed, the part of every entity tag that stands for the build: a digest of the
 * version and the OpenAPI document (which the API serves, and which can change while the
 * database does not). */
static void make_seed(server_state *state, const char *version, const strbuf *doc)
{
    strbuf in = STRBUF_INIT;

    strbuf_addstr(&in, version ? version : "");
    strbuf_add(&in, "", 1);
    strbuf_add(&in, doc->buf, doc->len);
    digest_sha256_hex(in.buf, in.len, state->seed);
    strbuf_release(&in);
}

/* Hands the dashboard's files (web/index.html, web/app.js, web/app.css), built into the
 * binary, to the API; a file the build did not embed answers 404, with a warning here.
 * Appends them to seed_in, the files being part of what the entity tags stand for. */
static void load_web(strbuf *seed_in)
{
    const char *name;
    for (size_t i = 0; (name = api_ui_file_name(i)); i++) {
        char path[256];
        snprintf(path, sizeof path, "web/%s", name);
        const embedded_asset *file = embedded_find(path);
        if (file) {
            api_set_ui_file(name, (const char *)file->data, file->len);
        } else {
            api_set_ui_file(name, NULL, 0);
            log_warn(
                "http: %s was not built into this binary; the dashboard's copy of it will answer 404",
                path);
        }
        strbuf_add(seed_in, "", 1);
        strbuf_addstr(seed_in, name);
        strbuf_add(seed_in, "", 1);
        if (file)
            strbuf_add(seed_in, file->data, file->len);
    }
}

/* Hands openapi.yaml, built into the binary, to the API, and makes the entity tags' seed
 * from it and the dashboard's files. */
static void load_openapi(server_state *state, const char *version)
{
    strbuf seed_in = STRBUF_INIT;
    const embedded_asset *doc = embedded_find("openapi.yaml");

    if (doc) {
        api_set_openapi((const char *)doc->data, doc->len);
        strbuf_add(&seed_in, doc->data, doc->len);
    } else {
        log_warn(
            "http: openapi.yaml was not built into this binary; GET /openapi.yaml will answer 404");
    }
    load_web(&seed_in); /* the dashboard's files, which join the document in the seed */
    make_seed(state, version, &seed_in);
    strbuf_release(&seed_in);
}

/* The daemon's polling flags: epoll where libmicrohttpd supports it, else poll, else select. */
static unsigned int polling_flags(const char **name)
{
    if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES) {
        *name = "epoll";
        return MHD_USE_EPOLL;
    }
    if (MHD_is_feature_supported(MHD_FEATURE_POLL) == MHD_YES) {
        *name = "poll";
        return MHD_USE_POLL;
    }
    *name = "select";
    return 0;
}

/* The write API's callbacks: the writer thread behind them. */
static int enqueue_article(void *arg, const api_article *article, char **job_id)
{
    return writer_enqueue(arg, article, job_id);
}

static int delete_source(void *arg, const char *id)
{
    return writer_delete_source(arg, id);
}

static unsigned pool_size(unsigned configured)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned n = configured ? configured : (cores > 0 ? (unsigned)cores : 1);
    return n > MAX_THREADS ? MAX_THREADS : n;
}

/* At most `wanted` connections, fewer when the process may not open that many files: each
 * connection is a socket, and every worker also holds an epoll descriptor, a wake-up pipe
 * and SQLite's database, WAL and shared-memory files. */
static unsigned connection_limit(unsigned wanted, unsigned threads)
{
    struct rlimit files;
    rlim_t reserved = 64 + (rlim_t)threads * 8, limit = wanted;

    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY &&
        files.rlim_cur < limit + reserved)
        limit = files.rlim_cur > reserved + threads ? files.rlim_cur - reserved : threads;
    return (unsigned)limit;
}

int server_run(const server_config *cfg)
{
    server_state state = {.db_path = cfg->db_path,
                          .cors = cfg->cors,
                          .mhd_message = STRBUF_INIT,
                          .last_warning = STRBUF_INIT};
    listen_addr addr;
    sigset_t stop_signals, old_mask;
    struct sigaction ignore = {.sa_handler = SIG_IGN};
    struct MHD_Daemon *daemon = NULL;
    writer *ingest_writer = NULL;
    const char *polling;
    char *err = NULL;
    int rc = 1, sig = 0;

    const char *host = cfg->listen_addr ? cfg->listen_addr : "127.0.0.1";
    if (!parse_listen_addr(host, cfg->port, &addr)) {
        log_error("serve: cannot listen on '%s': not an IPv4 or IPv6 address", host);
        return 1;
    }

    /* One handle up front, so a missing or unreadable database fails the start. */
    store *probe = store_open(cfg->db_path, true, &err);
    if (!probe) {
        log_error("serve: cannot open %s read-only: %s", cfg->db_path, err ? err : "unknown error");
        free(err);
        return 1;
    }
    if (store_ping(probe) != STORE_OK) {
        log_error("serve: %s does not answer: %s", cfg->db_path, store_errmsg(probe));
        store_close(probe);
        return 1;
    }
    store_close(probe);

    state.answers = calloc(ANSWER_SLOTS, sizeof *state.answers);
    if (!state.answers) {
        log_error("serve: out of memory");
        return 1;
    }
    load_openapi(&state, cfg->version);
    api_metrics_start(cfg->version);
    pthread_mutex_init(&state.lock, NULL);
    pthread_mutex_init(&state.uploads_lock, NULL);
    /* Hits take the read lock all the time; a writer must not wait for a gap between them. */
    pthread_rwlockattr_t prefer_writers;
    pthread_rwlockattr_init(&prefer_writers);
    pthread_rwlockattr_setkind_np(&prefer_writers, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&state.answers_lock, &prefer_writers);
    pthread_rwlockattr_destroy(&prefer_writers);
    sigaction(SIGPIPE, &ignore, NULL);
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

    writer_config wcfg = {.db_path = cfg->db_path,
                          .corpus_dir = cfg->corpus_dir,
                          .extract_threads = cfg->threads};
    if (!cfg->read_only && !(ingest_writer = writer_start(&wcfg))) {
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        goto out;
    }
    if (cfg->token && ingest_writer) {
        api_write_config writes = {.token = cfg->token,
                                   .max_body = cfg->max_body,
                                   .enqueue = enqueue_article,
                                   .delete_source = delete_source,
                                   .arg = ingest_writer};
        api_set_writes(&writes);
        state.writes = api_writes_enabled();
    }

    unsigned threads = pool_size(cfg->threads);
    state.idle_timeout_s = cfg->timeout_s ? cfg->timeout_s : DEFAULT_TIMEOUT_S;
    state.header_timeout_s = cfg->header_timeout_s ? cfg->header_timeout_s
                                                   : DEFAULT_HEADER_TIMEOUT_S;
    if (state.header_timeout_s > state.idle_timeout_s)
        state.header_timeout_s = state.idle_timeout_s;
    unsigned wanted = cfg->max_conns ? cfg->max_conns : CONNECTION_LIMIT;
    state.max_conns = connection_limit(wanted, threads);
    if (state.max_conns < wanted)
        log_warn("serve: at most %u connections (not %u): the open-file limit allows no more",
                 state.max_conns, wanted);
    state.max_conns_per_ip = cfg->max_conns_per_ip;
    state.max_uploads = cfg->max_uploads ? cfg->max_uploads : DEFAULT_MAX_UPLOADS;
    state.max_upload_bytes = cfg->max_upload_bytes ? cfg->max_upload_bytes : DEFAULT_UPLOAD_MEMORY;
    /* an event stream says something before the connection's idle timeout closes it */
    unsigned keepalive = state.idle_timeout_s / 2 < KEEPALIVE_MAX_S ? state.idle_timeout_s / 2
                                                                    : KEEPALIVE_MAX_S;
    if (!(state.feed = feed_start(cfg->db_path,
                                  cfg->max_waiting ? cfg->max_waiting : DEFAULT_MAX_WAITING,
                                  keepalive ? keepalive : 1))) {
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        goto out;
    }

    /* An internal polling thread in each worker of a pool, on epoll: a connection costs a
     * socket and its memory, never a thread, so idle connections cannot starve the workers.
     * libmicrohttpd's own connection limit stays above --max-conns (by a connection a
     * worker: accept_connection() counts a connection once it has started, and the workers
     * accept at the same time), so that its listening socket is never taken off the poll. */
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                         MHD_ALLOW_SUSPEND_RESUME | polling_flags(&polling) |
                         (addr.ipv6 ? MHD_USE_IPv6 : 0);
    daemon = MHD_start_daemon(
        flags, cfg->port, accept_connection, &state, handle_request, &state,
        MHD_OPTION_EXTERNAL_LOGGER, log_from_mhd, &state, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&addr.sa, MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
        MHD_OPTION_CONNECTION_TIMEOUT, state.header_timeout_s, MHD_OPTION_CONNECTION_LIMIT,
        state.max_conns + threads, MHD_OPTION_PER_IP_CONNECTION_LIMIT, state.max_conns_per_ip,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONNECTION_MEMORY, MHD_OPTION_UNESCAPE_CALLBACK,
        unescape_keeping_nul, NULL, MHD_OPTION_URI_LOG_CALLBACK, start_request, &state,
        MHD_OPTION_NOTIFY_COMPLETED, finish_request, NULL, MHD_OPTION_NOTIFY_CONNECTION,
        track_connection, &state, MHD_OPTION_END);
    if (!daemon) {
        pthread_mutex_lock(&state.lock);
        log_error("serve: cannot listen on %s:%u: %s", addr.display, (unsigned)cfg->port,
                  state.mhd_message.len ? state.mhd_message.buf : "the HTTP daemon did not start");
        pthread_mutex_unlock(&state.lock);
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        goto out;
    }

    pthread_mutex_lock(&state.lock);
    state.started = true;
    if (state.mhd_message.len)
        log_warn("http: %s", state.mhd_message.buf);
    pthread_mutex_unlock(&state.lock);

    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info && info->port ? info->port : cfg->port;
    strbuf per_ip = STRBUF_INIT;
    if (state.max_conns_per_ip)
        strbuf_addf(&per_ip, ", %u per address", state.max_conns_per_ip);
    log_info("listening on http://%s:%u (%u threads, %s, database %s%s; at most %u "
             "connections%s, headers within %u s, idle %u s)",
             addr.display, port, threads, polling, cfg->db_path,
             state.writes     ? ", write API enabled"
             : cfg->read_only ? ", read-only"
                              : "",
             state.max_conns, per_ip.buf, state.header_timeout_s, state.idle_timeout_s);
    strbuf_release(&per_ip);

    /* SIGINT and SIGTERM stay blocked from here on: a second signal during shutdown must
     * not kill the process halfway; the caller exits right after. */
    while (sigwait(&stop_signals, &sig) != 0)
        ;
    log_info("received %s, stopping", sig == SIGINT ? "SIGINT" : "SIGTERM");
    /* the waiting requests are answered first: libmicrohttpd must not stop with one */
    feed_stop(state.feed);
    MHD_stop_daemon(daemon);
    writer_stop(ingest_writer);
    ingest_writer = NULL;
    rc = 0;
    log_info("stopped");
out:
    writer_stop(ingest_writer);
    api_set_writes(NULL);
    feed_free(state.feed);
    close_all_stores(&state);
    strbuf_release(&state.mhd_message);
    strbuf_release(&state.last_warning);
    pthread_mutex_destroy(&state.lock);
    pthread_mutex_destroy(&state.uploads_lock);
    /* libmicrohttpd has stopped: no connection holds a kept response any more. */
    for (size_t i = 0; i < ANSWER_SLOTS; i++)
        kept_answer_clear(&state, &state.answers[i]);
    pthread_rwlock_destroy(&state.answers_lock);
    free(state.answers);
    api_set_openapi(NULL, 0);
    for (size_t i = 0; api_ui_file_name(i); i++)
        api_set_ui_file(api_ui_file_name(i), NULL, 0);
    return rc;
}
