/* Integration tests of the server against hostile requests: a URL and a header far over
 * libmicrohttpd's limits, thousands of parameters, bad percent-encoding, NUL bytes, invalid
 * UTF-8, negative and huge numbers, SQL metacharacters, path traversal, slowloris
 * connections and more connections than the server takes.  Each request gets a 4xx (the
 * exact status where it is deterministic), a 503 or a closed connection (or the answer, for
 * what is harmless), and the server answers GET /healthz 200 after each case.  The last test runs every case again, four
 * times, and checks that the server's resident memory does not grow.
 *
 * Requests go over raw sockets: libcurl would normalise "/../" and refuse some of these
 * bytes.  Each server here runs with --timeout 2, so that the held-open connections of the
 * slowloris case are closed within seconds.
 *
 * libmicrohttpd (0.9.75, Debian 12) answers a request line over its 32 KiB connection
 * memory with 414 and a header block over it with 431; a query of thousands of short
 * parameters that fits that memory but not its parameter records makes it close the
 * connection without an answer (it logs a 431 it cannot queue) once the idle timeout is up.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "tests/integration/harness.h"
#include "util/strbuf.h"

#define SERVER_TIMEOUT_S "2"
#define SLOW_CONNECTIONS 20
#define MANY_CONNECTIONS 1200  /* more than the server's limit, CONNECTION_LIMIT (1024) */
#define RSS_GROWTH_MAX_KB (20 * 1024)
#define IO_TIMEOUT_MS 15000
#define ROUNDS 4

/* --- raw HTTP --- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int connect_server(bool nonblocking)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(harness_port())};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM | (nonblocking ? SOCK_NONBLOCK : 0), 0);
    cr_assert(fd >= 0, "socket: %s", strerror(errno));
    int rc = connect(fd, (struct sockaddr *)&sa, sizeof sa);
    if (rc != 0 && !(nonblocking && errno == EINPROGRESS)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* The answer to a raw request: status 0 when the connection closed without one. */
typedef struct raw_reply {
    int status;
    strbuf text; /* everything received: status line, headers, body */
    double seconds;
} raw_reply;

static bool send_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false; /* the server may close before it has read everything */
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* Sends the bytes of a whole request and reads until the server closes the connection (the
 * requests say Connection: close) or IO_TIMEOUT_MS passes. */
static void raw_exchange(const char *req, size_t len, raw_reply *r)
{
    double start = now_s();
    strbuf_init(&r->text);
    r->status = 0;
    int fd = connect_server(false);
    cr_assert(fd >= 0, "cannot connect to the server: %s", strerror(errno));
    send_all(fd, req, len);
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int remaining = IO_TIMEOUT_MS - (int)((now_s() - start) * 1000);
        cr_assert(remaining > 0, "no end of the answer after %d ms", IO_TIMEOUT_MS);
        int n = poll(&p, 1, remaining);
        if (n < 0 && errno == EINTR)
            continue;
        cr_assert(n > 0, "no end of the answer after %d ms", IO_TIMEOUT_MS);
        char buf[16384];
        ssize_t got = recv(fd, buf, sizeof buf, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; /* closed (or reset) */
        strbuf_add(&r->text, buf, (size_t)got);
    }
    close(fd);
    if (r->text.len >= 12 && memcmp(r->text.buf, "HTTP/1.", 7) == 0)
        r->status = atoi(r->text.buf + 9);
    r->seconds = now_s() - start;
}

/* GET target (the request-target bytes as given) with extra header lines ("" for none). */
static void raw_get(const char *target, size_t target_len, const char *headers, raw_reply *r)
{
    strbuf req = STRBUF_INIT;
    strbuf_addstr(&req, "GET ");
    strbuf_add(&req, target, target_len);
    strbuf_addf(&req, " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n", headers);
    raw_exchange(req.buf, req.len, r);
    strbuf_release(&req);
}

static const char *raw_body(const raw_reply *r)
{
    const char *end = strstr(r->text.buf ? r->text.buf : "", "\r\n\r\n");
    return end ? end + 4 : "";
}

static void raw_release(raw_reply *r)
{
    strbuf_release(&r->text);
}

/* GET path must answer exactly `status`; for a problem, with `detail_has` in its detail. */
static void expect_status(const char *path, int status, const char *detail_has)
{
    raw_reply r;
    raw_get(path, strlen(path), "", &r);
    cr_expect_eq(r.status, status, "GET %.200s: %d, not %d", path, r.status, status);
    if (status >= 400 && r.status == status) {
        json_t *doc = json_loads(raw_body(&r), 0, NULL);
        cr_expect(json_is_object(doc), "GET %.200s: the %d is not a JSON problem: %.200s", path,
                  status, raw_body(&r));
        cr_expect_eq(json_integer_value(json_object_get(doc, "status")), status,
                     "GET %.200s: the problem's status", path);
        const char *detail = json_string_value(json_object_get(doc, "detail"));
        if (detail_has)
            cr_expect(detail && strstr(detail, detail_has), "GET %.200s: detail '%s' lacks '%s'",
                      path, detail ? detail : "(none)", detail_has);
        json_decref(doc);
    }
    raw_release(&r);
}

/* The server answers GET /healthz 200. */
static void expect_up(const char *after)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get_direct("/healthz", &r), "after %s: GET /healthz got no answer", after);
    cr_assert_eq(r.status, 200, "after %s: GET /healthz answered %ld", after, r.status);
    http_reply_release(&r);
}

/* --- the server --- */

/* Raises this process's open-file limit (the server inherits it) so that the test can hold
 * more connections than the server takes, then starts the server with a short idle
 * timeout. */
static void start_hostile(void)
{
    struct rlimit files;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < 4096 &&
        files.rlim_max > files.rlim_cur) {
        files.rlim_cur = files.rlim_max < 4096 ? files.rlim_max : 4096;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    harness_start();
    static const char *const args[] = {"--timeout", SERVER_TIMEOUT_S, NULL};
    cr_assert(harness_restart_with(args), "factd serve --timeout %s did not come up",
              SERVER_TIMEOUT_S);
}

/* The server's pid: the `factd serve` process listening on the harness's port, found by
 * its command line ("... serve --db DB --port PORT ..."). */
static pid_t server_pid(void)
{
    char port[16];
    snprintf(port, sizeof port, "%u", (unsigned)harness_port());
    DIR *proc = opendir("/proc");
    cr_assert(proc);
    pid_t found = -1;
    struct dirent *e;
    while (found < 0 && (e = readdir(proc))) {
        char path[300], args[4096];
        if (e->d_name[0] < '1' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof path, "/proc/%s/cmdline", e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        size_t n = fread(args, 1, sizeof args - 1, f);
        fclose(f);
        args[n] = '\0';
        bool serve = false, db = false, on_port = false;
        for (size_t i = 0; i < n; i += strlen(args + i) + 1) {
            const char *a = args + i, *next = i + strlen(a) + 1 < n ? a + strlen(a) + 1 : "";
            serve |= strcmp(a, "serve") == 0;
            db |= strcmp(a, "--db") == 0 && strcmp(next, harness_db_path()) == 0;
            on_port |= strcmp(a, "--port") == 0 && strcmp(next, port) == 0;
        }
        if (serve && db && on_port)
            found = atoi(e->d_name);
    }
    closedir(proc);
    cr_assert(found > 0, "no factd serve process on port %s", port);
    return found;
}

/* VmRSS of pid, in kB. */
static long rss_kb(pid_t pid)
{
    char path[64], line[256];
    long kb = -1;
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    cr_assert(f, "cannot read %s", path);
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    fclose(f);
    cr_assert(kb > 0, "no VmRSS in %s", path);
    return kb;
}

/* True when pid runs with AddressSanitizer (`make test-asan`), whose quarantine keeps freed
 * memory (up to 256 MB) on purpose: its resident size says nothing about leaks then. */
static bool runs_asan(pid_t pid)
{
    char path[64], line[512];
    bool asan = false;
    snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
    FILE *f = fopen(path, "r");
    while (f && !asan && fgets(line, sizeof line, f))
        asan = strstr(line, "libasan") != NULL;
    if (f)
        fclose(f);
    return asan;
}

TestSuite(http_hostile, .init = start_hostile, .fini = harness_stop, .timeout = 240);

/* --- the cases --- */

static void case_oversize_url(void)
{
    strbuf target = STRBUF_INIT;
    strbuf_addstr(&target, "/sources?q=");
    while (target.len < 100 * 1024)
        strbuf_addstr(&target, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    raw_reply r;
    raw_get(target.buf, target.len, "", &r);
    cr_expect_eq(r.status, 414, "a 100 KB URL: %d, not 414 URI Too Long", r.status);
    raw_release(&r);
    strbuf_release(&target);
    expect_up("a 100 KB URL");
}

static void case_oversize_header(void)
{
    strbuf header = STRBUF_INIT;
    strbuf_addstr(&header, "X-Padding: ");
    while (header.len < 100 * 1024)
        strbuf_addstr(&header, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
    strbuf_addstr(&header, "\r\n");
    raw_reply r;
    raw_get("/healthz", 8, header.buf, &r);
    cr_expect_eq(r.status, 431, "a 100 KB header: %d, not 431 Request Header Fields Too Large",
                 r.status);
    raw_release(&r);
    strbuf_release(&header);
    expect_up("a 100 KB header");
}

static void case_many_parameters(void)
{
    strbuf target = STRBUF_INIT;
    /* 5,000 distinct unknown parameters (20 KB: within the request-line limit). */
    strbuf_addstr(&target, "/sources?");
    for (int i = 0; i < 5000; i++)
        strbuf_addf(&target, "%sp=%d", i ? "&" : "", i % 10);
    raw_reply r;
    raw_get(target.buf, target.len, "", &r);
    cr_expect(r.status == 0 || r.status == 431,
              "5,000 parameters: %d, not a closed connection or 431", r.status);
    raw_release(&r);
    expect_up("5,000 parameters");

    /* Fewer, repeated: the server looks at the first 32 and answers 400. */
    strbuf_reset(&target);
    strbuf_addstr(&target, "/sources?");
    for (int i = 0; i < 200; i++)
        strbuf_addstr(&target, i ? "&limit=1" : "limit=1");
    expect_status(target.buf, 400, "more than once");
    strbuf_reset(&target);
    strbuf_addstr(&target, "/sources?");
    for (int i = 0; i < 200; i++)
        strbuf_addf(&target, "%sx%d=1", i ? "&" : "", i);
    expect_status(target.buf, 400, "unknown query parameter");
    strbuf_release(&target);
    expect_up("hundreds of parameters");
}

static void case_bad_percent_encoding(void)
{
    /* A bad escape stays as it is: a number with one is no number, a name with one is
     * matched literally (and matches nothing), a path with one is no endpoint. */
    expect_status("/sources?limit=%zz", 400, "limit");
    expect_status("/sources?limit=%", 400, "limit");
    expect_status("/sources?limit=%0", 400, "limit");
    expect_status("/sources?limit=1%", 400, "limit");
    expect_status("/agreements?party=%zz", 200, NULL);
    expect_status("/agreements?party=%", 200, NULL);
    expect_status("/agreements?party=%0", 200, NULL);
    expect_status("/search?q=%zz", 400, "q");
    expect_status("/sour%zzces", 404, NULL);
    expect_status("/%", 404, NULL);
    expect_status("/sources/%0", 404, NULL);
    expect_up("bad percent-encoding");
}

static void case_nul_bytes(void)
{
    /* %00 is kept as the three characters, never decoded into a NUL. */
    expect_status("/sources%00", 404, NULL);
    expect_status("/sources/%00", 404, NULL);
    expect_status("/sources/86a6b4ad7e43%00/text", 404, NULL);
    expect_status("/sources?limit=1%00", 400, "limit");
    expect_status("/sources?limit=%00", 400, "limit");
    expect_status("/agreements?party=a%00b", 200, NULL);
    expect_status("/search?q=a%00b", 400, "q");
    expect_status("/sources?%00=1", 400, "unknown query parameter");

    /* A raw NUL byte in the request line or a header: libmicrohttpd 0.9.75 reads the line as
     * a C string, ending it at the NUL (so this is GET /sources, a 200); later versions
     * reject it (400).  Either way no 5xx, and the server stays up. */
    static const char line_nul[] = "/sources\0/../etc/passwd";
    raw_reply r;
    raw_get(line_nul, sizeof line_nul - 1, "", &r);
    cr_expect(r.status == 200 || r.status == 400, "a NUL in the request line: %d", r.status);
    raw_release(&r);
    static const char header_nul[] = "X-Nul: a\0b\r\n";
    strbuf req = STRBUF_INIT;
    strbuf_addstr(&req, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    strbuf_add(&req, header_nul, sizeof header_nul - 1);
    strbuf_addstr(&req, "\r\n");
    raw_exchange(req.buf, req.len, &r);
    cr_expect(r.status == 200 || r.status == 400, "a NUL in a header: %d", r.status);
    raw_release(&r);
    strbuf_release(&req);
    expect_up("NUL bytes");
}

static void case_invalid_utf8(void)
{
    expect_status("/quotes?speaker=%FF%FE", 400, "speaker is not valid UTF-8");
    expect_status("/agreements?party=%C3%28", 400, "party is not valid UTF-8");
    expect_status("/meetings?place=%ED%A0%80", 400, "place is not valid UTF-8"); /* a surrogate */
    expect_status("/meetings?participant=%C0%AF", 400, "participant is not valid UTF-8");
    expect_status("/search?q=%FF", 400, "q is not valid UTF-8");
    expect_status("/sources?q=caf%E9", 400, "q is not valid UTF-8");
    expect_status("/quotes?speaker=%01", 400, "control character");
    expect_up("invalid UTF-8");
}

static void case_numbers(void)
{
    expect_status("/sources?limit=-1", 400, "limit");
    expect_status("/sources?limit=0", 400, "limit");
    expect_status("/sources?limit=99999999999999999999", 400, "limit");
    expect_status("/sources?limit=1001", 400, "limit");
    expect_status("/sources?limit=1e3", 400, "limit");
    expect_status("/sources?limit=0x10", 400, "limit");
    expect_status("/sources?limit=%2B5", 400, "limit");
    expect_status("/sources?limit=1000", 200, NULL);
    expect_status("/agreements?min_sources=1e9", 400, "min_sources");
    expect_status("/agreements?min_sources=-5", 400, "min_sources");
    expect_status("/agreements?min_sources=99999999999999999999", 400, "min_sources");
    expect_status("/agreements?min_sources=1000", 200, NULL);
    expect_status("/agreements?signed_from=99999", 400, "signed_from");
    expect_status("/agreements?signed_from=2025-13", 400, "signed_from");
    expect_status("/agreements?signed_from=-2025", 400, "signed_from");
    expect_up("negative and huge numbers");
}

static void case_sql_metacharacters(void)
{
    /* Filters are bound parameters: the text matches nothing and nothing else happens. */
    expect_status("/agreements?party=%27%20OR%201%3D1%20--", 200, NULL);
    expect_status("/agreements?party='%20OR%20'1'='1", 200, NULL);
    expect_status("/quotes?speaker=%22%3B%20DROP%20TABLE%20quotes%3B%20--", 200, NULL);
    expect_status("/meetings?place=Kuala%27%3B%20DELETE%20FROM%20sources%3B%20--", 200, NULL);
    /* A search expression with them is no valid query: 400. */
    expect_status("/search?q=%27%20OR%201%3D1%20--", 400, "q");
    expect_status("/search?q=%22%3B%20DROP%20TABLE%20sources", 400, "q");
    expect_status("/sources/%27%20OR%201%3D1", 404, NULL);
    expect_status("/agreements?sort=name;drop", 400, "sort");
    expect_status("/agreements?fields=id,name%27--", 400, "fields");

    /* The data is all still there. */
    raw_reply r;
    raw_get("/sources?limit=1000", 19, "", &r);
    cr_expect_eq(r.status, 200);
    json_t *doc = json_loads(raw_body(&r), 0, NULL);
    cr_expect_eq(json_array_size(json_object_get(doc, "data")), 5, "sources after: %zu",
                 json_array_size(json_object_get(doc, "data")));
    json_decref(doc);
    raw_release(&r);
    raw_get("/agreements?party=India", 23, "", &r);
    cr_expect_eq(r.status, 200);
    doc = json_loads(raw_body(&r), 0, NULL);
    cr_expect_gt(json_array_size(json_object_get(doc, "data")), 0, "agreements with India");
    json_decref(doc);
    raw_release(&r);
    expect_up("SQL metacharacters");
}

static void case_path_traversal(void)
{
    static const char *const paths[] = {
        "/sources/../../etc/passwd",
        "/../../../../etc/passwd",
        "/%2e%2e/",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/sources/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/sources/..",
        "/sources/86a6b4ad7e43/text/../../../etc/passwd",
        "/openapi.yaml/../../etc/passwd",
        "/problems/..%2f..%2fetc%2fpasswd",
        "/sources/..%5c..%5cwindows%5cwin.ini",
    };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        raw_reply r;
        raw_get(paths[i], strlen(paths[i]), "", &r);
        cr_expect_eq(r.status, 404, "GET %s: %d, not 404", paths[i], r.status);
        cr_expect(!strstr(r.text.buf ? r.text.buf : "", "root:"), "GET %s: leaked a file",
                  paths[i]);
        raw_release(&r);
    }
    expect_up("path traversal");
}

/* SLOW_CONNECTIONS connections that send part of a request line and hold: the server keeps
 * answering others meanwhile and closes each after its idle timeout. */
static void case_slowloris(void)
{
    int fds[SLOW_CONNECTIONS];
    static const char partial[] = "GET /sources?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    for (int i = 0; i < SLOW_CONNECTIONS; i++) {
        fds[i] = connect_server(false);
        cr_assert(fds[i] >= 0, "slow connection %d: %s", i, strerror(errno));
        cr_assert(send_all(fds[i], partial, sizeof partial - 1));
    }
    double start = now_s();
    for (int i = 0; i < 10; i++)
        expect_up("slow connections held open");
    int open = SLOW_CONNECTIONS;
    bool closed[SLOW_CONNECTIONS] = {false};
    while (open && now_s() - start < 12) {
        struct pollfd p[SLOW_CONNECTIONS];
        for (int i = 0; i < SLOW_CONNECTIONS; i++)
            p[i] = (struct pollfd){.fd = closed[i] ? -1 : fds[i], .events = POLLIN};
        if (poll(p, SLOW_CONNECTIONS, 200) <= 0)
            continue;
        for (int i = 0; i < SLOW_CONNECTIONS; i++) {
            if (closed[i] || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t n = recv(fds[i], buf, sizeof buf, 0);
            if (n > 0) {
                /* an answer is fine if it is an error (408) and the connection then ends */
                cr_expect(n >= 12 && memcmp(buf, "HTTP/1.1 4", 10) == 0,
                          "slow connection %d got '%.40s'", i, buf);
                continue;
            }
            closed[i] = true;
            open--;
        }
    }
    double took = now_s() - start;
    cr_expect_eq(open, 0, "%d of %d slow connections still open after %.1f s (timeout %s s)",
                 open, SLOW_CONNECTIONS, took, SERVER_TIMEOUT_S);
    cr_expect(took >= atoi(SERVER_TIMEOUT_S) - 0.5, "slow connections closed after %.1f s: "
              "before the timeout?", took);
    for (int i = 0; i < SLOW_CONNECTIONS; i++)
        close(fds[i]);
    expect_up("slowloris");
}

/* MANY_CONNECTIONS open at once, more than the server's connection limit, each then sending
 * a whole GET /healthz: each gets a 200, a 4xx or 503, or a closed connection, and none is
 * left hanging.  (libmicrohttpd stops accepting at its limit, so the connections past it
 * wait in the listen backlog and are answered as the others end: here every one gets 200.) */
static void case_many_connections(void)
{
    struct rlimit files;
    int n = MANY_CONNECTIONS;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY &&
        (rlim_t)n + 64 > files.rlim_cur)
        n = (int)files.rlim_cur - 64;
    cr_assert(n > 100, "too few file descriptors for the test (%d)", n);

    int *fds = calloc((size_t)n, sizeof *fds);
    int *state = calloc((size_t)n, sizeof *state); /* 0 connecting, 1 sent, 2 done, 3 idle */
    int *status = calloc((size_t)n, sizeof *status);
    struct pollfd *p = calloc((size_t)n, sizeof *p);
    cr_assert(fds && state && status && p);
    for (int i = 0; i < n; i++) {
        fds[i] = connect_server(true);
        if (fds[i] < 0)
            state[i] = 2; /* refused outright: a closed connection */
    }
    static const char req[] =
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    double start = now_s();
    int pending = 0, connecting = 0;
    for (int i = 0; i < n; i++)
        pending += state[i] != 2;
    /* Every connection established before any sends its request, so that they are all open
     * at once (an answered request would free its slot), then a moment for the server to
     * accept them: those past its limit are closed there. */
    connecting = pending;
    while (connecting && now_s() - start < 10) {
        for (int i = 0; i < n; i++)
            p[i] = (struct pollfd){.fd = state[i] == 0 ? fds[i] : -1, .events = POLLOUT};
        if (poll(p, (nfds_t)n, 500) <= 0)
            continue;
        for (int i = 0; i < n; i++) {
            if (state[i] != 0 || !p[i].revents)
                continue;
            int err = 0;
            socklen_t len = sizeof err;
            getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &err, &len);
            state[i] = err ? 2 : 3; /* 3: connected, request not sent yet */
            pending -= err != 0;
            connecting--;
        }
    }
    struct timespec settle = {.tv_nsec = 300 * 1000 * 1000};
    nanosleep(&settle, NULL);
    for (int i = 0; i < n; i++) {
        if (state[i] != 3)
            continue;
        if (send_all(fds[i], req, sizeof req - 1)) {
            state[i] = 1;
        } else {
            state[i] = 2;
            pending--;
        }
    }
    while (pending && now_s() - start < 30) {
        for (int i = 0; i < n; i++)
            p[i] = (struct pollfd){.fd = state[i] == 2 ? -1 : fds[i],
                                   .events = state[i] == 0 ? POLLOUT : POLLIN};
        if (poll(p, (nfds_t)n, 500) <= 0)
            continue;
        for (int i = 0; i < n; i++) {
            if (state[i] == 2 || !p[i].revents)
                continue;
            if (state[i] == 0) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &err, &len);
                if (err || !send_all(fds[i], req, sizeof req - 1)) {
                    state[i] = 2;
                    pending--;
                } else {
                    state[i] = 1;
                }
                continue;
            }
            char buf[4096];
            ssize_t got = recv(fds[i], buf, sizeof buf, 0);
            if (got < 0 && (errno == EAGAIN || errno == EINTR))
                continue;
            if (got > 12 && !status[i] && memcmp(buf, "HTTP/1.", 7) == 0)
                status[i] = atoi(buf + 9);
            if (got <= 0) {
                state[i] = 2;
                pending--;
            }
        }
    }
    int ok = 0, refused = 0, closed = 0, other = 0;
    for (int i = 0; i < n; i++) {
        if (status[i] == 200)
            ok++;
        else if (status[i] == 503 || (status[i] >= 400 && status[i] < 500))
            refused++;
        else if (status[i] == 0)
            closed++;
        else
            other++;
        if (fds[i] >= 0)
            close(fds[i]);
    }
    cr_log_info("%d connections: %d answered 200, %d refused (4xx/503), %d closed, %d other; "
                "%.1f s", n, ok, refused, closed, other, now_s() - start);
    cr_expect_eq(pending, 0, "%d of %d connections neither answered nor closed after 30 s",
                 pending, n);
    cr_expect_eq(other, 0, "%d connections got another status", other);
    cr_expect_gt(ok, 0, "no connection was answered");
    free(fds);
    free(state);
    free(status);
    free(p);
    expect_up("many connections");
}

/* --- the tests --- */

Test(http_hostile, oversize_url_is_414)
{
    case_oversize_url();
}

Test(http_hostile, oversize_header_is_431)
{
    case_oversize_header();
}

Test(http_hostile, thousands_of_parameters)
{
    case_many_parameters();
}

Test(http_hostile, bad_percent_encoding)
{
    case_bad_percent_encoding();
}

Test(http_hostile, nul_bytes)
{
    case_nul_bytes();
}

Test(http_hostile, invalid_utf8_in_parameters)
{
    case_invalid_utf8();
}

Test(http_hostile, negative_and_huge_numbers)
{
    case_numbers();
}

Test(http_hostile, sql_metacharacters)
{
    case_sql_metacharacters();
}

Test(http_hostile, path_traversal_is_404)
{
    case_path_traversal();
}

Test(http_hostile, slowloris_connections_time_out)
{
    case_slowloris();
}

Test(http_hostile, more_connections_than_the_limit)
{
    case_many_connections();
}

/* Every case ROUNDS times on one server: after the first round (which may grow the heap to
 * what the cases need: a memory pool for each of up to 1024 connections), the resident
 * memory stays within RSS_GROWTH_MAX_KB of where it was. */
Test(http_hostile, memory_stays_flat)
{
    pid_t pid = server_pid();
    long start = rss_kb(pid), after_first = 0, last = 0;
    for (int round = 0; round < ROUNDS; round++) {
        case_oversize_url();
        case_oversize_header();
        case_many_parameters();
        case_bad_percent_encoding();
        case_nul_bytes();
        case_invalid_utf8();
        case_numbers();
        case_sql_metacharacters();
        case_path_traversal();
        case_slowloris();
        case_many_connections();
        last = rss_kb(pid);
        cr_log_info("server RSS after round %d: %ld kB", round + 1, last);
        if (round == 0)
            after_first = last;
    }
    cr_log_info("server RSS: %ld kB at the start, %ld kB after one round, %ld kB after %d",
                start, after_first, last, ROUNDS);
    if (runs_asan(pid)) {
        cr_log_info("the server runs under AddressSanitizer: its RSS is not checked");
        return;
    }
    cr_expect_leq(last, after_first + RSS_GROWTH_MAX_KB,
                  "RSS grew from %ld kB to %ld kB over %d more rounds", after_first, last,
                  ROUNDS - 1);
    cr_expect_leq(last, start + 64 * 1024, "RSS grew from %ld kB to %ld kB", start, last);
}
