/* http: the HTTP transport of `factd serve`, on libmicrohttpd.
 *
 * libmicrohttpd runs its own threads (an internal polling thread per worker of a thread
 * pool, on epoll where the system has it, else poll).  The API is GET-only, so a request
 * body is an error (400, or 405 for another method) and is answered before it is read.
 * The handler turns the connection into an api_request, lets api_handle() answer it, and
 * queues the api_response with its headers.
 *
 * Each worker thread lazily opens its own read-only store handle (SQLite connections are
 * not shared across threads here) and records it in a registry, so that server_run() can
 * close every handle after libmicrohttpd has stopped all its threads.
 *
 * The main thread blocks SIGINT and SIGTERM before starting the daemon, so every thread
 * libmicrohttpd creates inherits the mask, and then waits for them with sigwait().
 * SIGPIPE is ignored: a client that hangs up must not kill the process.
 */
#include "server/server.h"

#include <arpa/inet.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "store/store.h"
#include "util/log.h"
#include "util/strbuf.h"

#define DEFAULT_TIMEOUT_S 30
#define MAX_THREADS 256
#define CONNECTION_LIMIT 1024
#define OPENAPI_MAX_BYTES (4u << 20)
/* The API knows three query parameters and rejects repeats, so any request with more than
 * three of them is a 400 decided by its first four; keeping the first 32 is plenty. */
#define MAX_PARAMS 32
#define LOG_PATH_MAX 256

typedef struct server_state {
    const char *db_path;
    pthread_mutex_t lock; /* guards handles and mhd_message */
    store **handles;      /* every handle a worker opened, closed at shutdown */
    size_t nhandles, cap;
    strbuf mhd_message;   /* libmicrohttpd's message during start-up, to explain a failure */
    bool started;         /* set once the daemon runs: messages are then logged as they come */
} server_state;

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
    const char *length =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *encoding =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
    if (encoding)
        return true;
    return length && length[strspn(length, "0")] != '\0';
}

/* Appends untrusted request text to a log line: control bytes become '?', long text is cut. */
static void add_loggable(strbuf *line, const char *s)
{
    size_t n = 0;
    for (; *s && n < LOG_PATH_MAX; s++, n++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f)
            strbuf_addch(line, '?');
        else
            strbuf_addch(line, *s);
    }
    if (*s)
        strbuf_addstr(line, "...");
}

static void log_request(const char *method, const char *path, const param_list *params,
                        int status, size_t bytes, long long micros)
{
    strbuf line = STRBUF_INIT;

    add_loggable(&line, method);
    strbuf_addch(&line, ' ');
    add_loggable(&line, path);
    for (size_t i = 0; i < params->n; i++) {
        strbuf_addch(&line, i ? '&' : '?');
        add_loggable(&line, params->items[i].key);
        if (params->items[i].value) {
            strbuf_addch(&line, '=');
            add_loggable(&line, params->items[i].value);
        }
    }
    log_msg(strcmp(path, "/healthz") == 0 ? LOG_DEBUG : LOG_INFO, "%s %d %zu bytes %lld us",
            line.buf, status, bytes, micros);
    strbuf_release(&line);
}

static long long micros_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)(now.tv_sec - start->tv_sec) * 1000000LL +
           (now.tv_nsec - start->tv_nsec) / 1000;
}

/* Hands resp to libmicrohttpd: the body moves into the MHD response (freed by it). */
static enum MHD_Result send_response(struct MHD_Connection *conn, api_response *resp)
{
    struct MHD_Response *reply;
    enum MHD_Result ok = MHD_NO;

    if (resp->body && resp->len) {
        reply = MHD_create_response_from_buffer(resp->len, resp->body, MHD_RESPMEM_MUST_FREE);
        if (reply)
            resp->body = NULL;
    } else {
        reply = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (!reply)
        return MHD_NO;
    if (resp->content_type &&
        MHD_add_response_header(reply, MHD_HTTP_HEADER_CONTENT_TYPE, resp->content_type) != MHD_YES)
        goto out;
    for (size_t i = 0; i < resp->nheaders; i++)
        if (MHD_add_response_header(reply, resp->headers[i].name, resp->headers[i].value) !=
            MHD_YES)
            goto out;
    ok = MHD_queue_response(conn, (unsigned int)resp->status, reply);
out:
    MHD_destroy_response(reply);
    return ok;
}

/* The access handler.  libmicrohttpd calls it first when the headers are in, then again
 * once the request is complete.  A request without a body is answered in the second call,
 * which keeps the connection alive; one with a body is answered in the first, so the body is
 * never read (libmicrohttpd then closes the connection after the answer). */
static enum MHD_Result handle_request(void *cls, struct MHD_Connection *conn, const char *url,
                                      const char *method, const char *version,
                                      const char *upload_data, size_t *upload_data_size,
                                      void **req_cls)
{
    static int headers_seen, answered; /* their addresses mark a request's progress */
    server_state *state = cls;
    param_list params = {.n = 0};
    api_response resp;
    struct timespec start;

    (void)version;
    (void)upload_data;
    if (*req_cls == &answered) {
        /* Not expected after an answer; swallow whatever arrives. */
        *upload_data_size = 0;
        return MHD_YES;
    }
    bool has_body = request_has_body(conn);
    if (*req_cls == NULL && !has_body) {
        *req_cls = &headers_seen;
        return MHD_YES;
    }
    *req_cls = &answered;
    clock_gettime(CLOCK_MONOTONIC, &start);

    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_param, &params);
    api_request req = {
        .method = method,
        .path = url,
        .params = params.items,
        .nparams = params.n,
        .has_body = has_body,
        .accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT),
    };
    api_handle(thread_store(state), &req, &resp);

    size_t bytes = strcmp(method, "HEAD") == 0 ? 0 : resp.len;
    enum MHD_Result ok = send_response(conn, &resp);
    if (ok != MHD_YES)
        log_warn("http: could not queue the response to %s %s", method, url);
    log_request(method, url, &params, resp.status, bytes, micros_since(&start));
    api_response_release(&resp);
    return ok;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %HH escapes in the path and query in place, except %00: a decoded NUL would cut
 * the C string short, so "/%00" would read as "/" and "/sources/x%00y" as "/sources/x".
 * Left encoded, such a path simply matches no route and such a value fails validation. */
static size_t unescape_keeping_nul(void *cls, struct MHD_Connection *conn, char *s)
{
    char *out = s;
    const char *in = s;
    (void)cls;
    (void)conn;
    while (*in) {
        int hi, lo;
        if (in[0] == '%' && (hi = hex_value(in[1])) >= 0 && (lo = hex_value(in[2])) >= 0 &&
            (hi | lo) != 0) {
            *out++ = (char)(hi * 16 + lo);
            in += 3;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
    return (size_t)(out - s);
}

/* Routes libmicrohttpd's own messages (bind failures, connection limits, protocol errors)
 * into our log.  During start-up the latest is kept instead, for the one error line that
 * explains a failed start. */
static void log_from_mhd(void *cls, const char *fmt, va_list ap)
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
    if (started)
        log_warn("http: %s", msg.buf);
    strbuf_release(&msg);
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

/* Reads a whole file into sb; false when it cannot be read or is implausibly large. */
static bool read_file(const char *path, strbuf *sb)
{
    FILE *f = fopen(path, "rb");
    char chunk[8192];
    size_t n;
    bool ok = true;

    if (!f)
        return false;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        strbuf_add(sb, chunk, n);
        if (sb->len > OPENAPI_MAX_BYTES) {
            ok = false;
            break;
        }
    }
    if (ferror(f))
        ok = false;
    fclose(f);
    if (!ok)
        strbuf_reset(sb);
    return ok;
}

/* Loads openapi.yaml from the working directory, else from ../openapi.yaml next to the
 * binary (build/factd -> openapi.yaml), and hands it to the API. */
static void load_openapi(void)
{
    strbuf doc = STRBUF_INIT, path = STRBUF_INIT;
    bool found = read_file("openapi.yaml", &doc);

    if (found) {
        strbuf_addstr(&path, "openapi.yaml");
    } else {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            exe[n] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                strbuf_addf(&path, "%s/../openapi.yaml", exe);
                found = read_file(path.buf, &doc);
            }
        }
    }
    if (found) {
        api_set_openapi(doc.buf, doc.len);
        log_debug("http: serving %s at /openapi.yaml", path.buf);
    } else {
        log_warn("http: openapi.yaml not found; GET /openapi.yaml will answer 404");
    }
    strbuf_release(&doc);
    strbuf_release(&path);
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

static unsigned pool_size(unsigned configured)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned n = configured ? configured : (cores > 0 ? (unsigned)cores : 1);
    return n > MAX_THREADS ? MAX_THREADS : n;
}

/* At most CONNECTION_LIMIT connections, fewer when the process may not open that many files:
 * each connection is a socket, and every worker also holds an epoll descriptor, a wake-up
 * pipe and SQLite's database, WAL and shared-memory files. */
static unsigned connection_limit(unsigned threads)
{
    struct rlimit files;
    rlim_t reserved = 64 + (rlim_t)threads * 8, limit = CONNECTION_LIMIT;

    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY &&
        files.rlim_cur < limit + reserved)
        limit = files.rlim_cur > reserved + threads ? files.rlim_cur - reserved : threads;
    return (unsigned)limit;
}

int server_run(const server_config *cfg)
{
    server_state state = {.db_path = cfg->db_path, .mhd_message = STRBUF_INIT};
    listen_addr addr;
    sigset_t stop_signals, old_mask;
    struct sigaction ignore = {.sa_handler = SIG_IGN};
    struct MHD_Daemon *daemon = NULL;
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

    load_openapi();
    pthread_mutex_init(&state.lock, NULL);
    sigaction(SIGPIPE, &ignore, NULL);
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

    unsigned threads = pool_size(cfg->threads);
    unsigned timeout = cfg->timeout_s ? cfg->timeout_s : DEFAULT_TIMEOUT_S;
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                         polling_flags(&polling) | (addr.ipv6 ? MHD_USE_IPv6 : 0);
    daemon = MHD_start_daemon(flags, cfg->port, NULL, NULL, handle_request, &state,
                              MHD_OPTION_EXTERNAL_LOGGER, log_from_mhd, &state,
                              MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr.sa,
                              MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)timeout,
                              MHD_OPTION_CONNECTION_LIMIT, connection_limit(threads),
                              MHD_OPTION_UNESCAPE_CALLBACK, unescape_keeping_nul, NULL,
                              MHD_OPTION_END);
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
    log_info("listening on http://%s:%u (%u threads, %s, database %s)", addr.display, port,
             threads, polling, cfg->db_path);

    /* SIGINT and SIGTERM stay blocked from here on: a second signal during shutdown must
     * not kill the process halfway; the caller exits right after. */
    while (sigwait(&stop_signals, &sig) != 0)
        ;
    log_info("received %s, stopping", sig == SIGINT ? "SIGINT" : "SIGTERM");
    MHD_stop_daemon(daemon);
    rc = 0;
    log_info("stopped");
out:
    close_all_stores(&state);
    strbuf_release(&state.mhd_message);
    pthread_mutex_destroy(&state.lock);
    api_set_openapi(NULL, 0);
    return rc;
}
