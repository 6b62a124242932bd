/* harness: see harness.h.
 *
 * Criterion runs every test in its own process, so each test gets its own temporary
 * directory, database and server; nothing is shared between tests.  The server is a child
 * process that dies with the test (PR_SET_PDEATHSIG) even if the test crashes, and so is the
 * contract check's Prism proxy (one per server, reused by every request of the test).
 */
#include "tests/integration/harness.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"

#define START_TIMEOUT_S 30 /* generous: the binary may run under AddressSanitizer */
#define STOP_TIMEOUT_S 20
#define START_ATTEMPTS 5
#define PROXY_START_TIMEOUT_S 90 /* Node.js starting Prism while the other jobs run */
#define PROXY_STOP_TIMEOUT_S 5
#define PROXY_ATTEMPTS 3
#define PRISM_ERROR_PREFIX "https://stoplight.io/prism/errors#"

static struct {
    char dir[256];
    char db[300];
    char pg_name[64]; /* the test's database on PostgreSQL, or empty */
    char base_url[128];
    unsigned short port;
    pid_t server;
    bool curl_ready;
    char proxy_url[64]; /* empty when no proxy runs */
    pid_t proxy;
} h = {.server = -1, .proxy = -1};

/* Drifts seen by the contract check; requests may come from several threads. */
static atomic_uint drift_count;

const char *harness_factd(void)
{
    const char *bin = getenv("FACTD_BIN");
    return bin && *bin ? bin : "build/factd";
}

unsigned short harness_port(void)
{
    return h.port;
}

const char *harness_db_path(void)
{
    return h.db;
}

const char *harness_dir(void)
{
    return h.dir;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

unsigned short harness_free_port(void)
{
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    socklen_t len = sizeof addr;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert(fd >= 0, "socket: %s", strerror(errno));
    cr_assert(bind(fd, (struct sockaddr *)&addr, sizeof addr) == 0, "bind: %s", strerror(errno));
    cr_assert(getsockname(fd, (struct sockaddr *)&addr, &len) == 0);
    close(fd);
    return ntohs(addr.sin_port);
}

pid_t harness_spawn(const char *program, char *const argv[], const char *log_path)
{
    pid_t pid = fork();
    cr_assert(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        execv(program, argv);
        fprintf(stderr, "exec %s: %s\n", program, strerror(errno));
        _exit(127);
    }
    return pid;
}

/* Starts program with argv, output appended to DIR/log_name; returns the child's pid. */
static pid_t spawn_program(const char *program, char *const argv[], const char *log_name)
{
    char log_path[512];
    snprintf(log_path, sizeof log_path, "%s/%s", h.dir, log_name);
    return harness_spawn(program, argv, log_path);
}

static pid_t spawn_factd(char *const argv[], const char *log_name)
{
    return spawn_program(harness_factd(), argv, log_name);
}

/* Waits for pid at most timeout_s seconds; its exit status as harness.h describes. */
static int wait_exit(pid_t pid, int timeout_s)
{
    double deadline = now_s() + timeout_s;
    int status;
    for (;;) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR)
            return -1;
        if (now_s() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        sleep_ms(10);
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

void harness_print_file(const char *path)
{
    char line[1024];
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    fprintf(stderr, "---- %s ----\n", path);
    while (fgets(line, sizeof line, f))
        fputs(line, stderr);
    fclose(f);
}

static void print_log(const char *log_name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", h.dir, log_name);
    harness_print_file(path);
}

int harness_run_factd(char *const argv[], const char *log_name, int timeout_s)
{
    size_t n = 0;
    while (argv[n])
        n++;
    char **args = calloc(n + 1, sizeof *args);
    cr_assert(args);
    for (size_t i = 0; i < n; i++)
        args[i] = argv[i];
    args[0] = (char *)harness_factd();
    pid_t pid = spawn_factd(args, log_name);
    free(args);
    return wait_exit(pid, timeout_s);
}

static bool send_to(const char *base_url, CURL *curl, const char *method, const char *path,
                    const char *const headers[], const char *body, size_t body_len, http_reply *r,
                    bool quiet);
static bool send_request(CURL *curl, const char *method, const char *path, const char *body,
                         size_t body_len, http_reply *r, bool quiet);

/* Asks /healthz until it answers 200; false if the server exits or time runs out. */
static bool wait_ready(void)
{
    double deadline = now_s() + START_TIMEOUT_S;
    while (now_s() < deadline) {
        int status;
        if (waitpid(h.server, &status, WNOHANG) == h.server) {
            h.server = -1;
            return false;
        }
        http_reply r;
        http_reply_init(&r);
        bool ok = send_request(NULL, "GET", "/healthz", NULL, 0, &r, true) && r.status == 200;
        http_reply_release(&r);
        if (ok)
            return true;
        sleep_ms(20);
    }
    return false;
}

/* --- the contract check's proxy --- */

static const char *proxy_program(void)
{
    const char *prism = getenv("FACTD_TEST_PROXY");
    return prism && *prism ? prism : NULL;
}

static const char *proxy_document(void)
{
    const char *doc = getenv("FACTD_TEST_OPENAPI");
    return doc && *doc ? doc : "openapi.yaml";
}

bool harness_proxied(void)
{
    return h.proxy_url[0] != '\0';
}

unsigned harness_drift_count(void)
{
    return atomic_load(&drift_count);
}

static void stop_proxy(void)
{
    if (h.proxy > 0) {
        kill(h.proxy, SIGTERM);
        wait_exit(h.proxy, PROXY_STOP_TIMEOUT_S);
    }
    h.proxy = -1;
    h.proxy_url[0] = '\0';
}

/* Waits until the proxy answers anything on /healthz; false if it exits or time runs out. */
static bool wait_proxy_ready(void)
{
    double deadline = now_s() + PROXY_START_TIMEOUT_S;
    while (now_s() < deadline) {
        int status;
        if (waitpid(h.proxy, &status, WNOHANG) == h.proxy) {
            h.proxy = -1;
            return false;
        }
        http_reply r;
        http_reply_init(&r);
        bool ok = send_to(h.proxy_url, NULL, "GET", "/healthz", NULL, NULL, 0, &r, true);
        http_reply_release(&r);
        if (ok)
            return true;
        sleep_ms(50);
    }
    return false;
}

/* Starts Prism in front of the server that answers at h.base_url, when FACTD_TEST_PROXY asks
 * for it.  Prism reads the document once, at start-up. */
static bool start_proxy(void)
{
    const char *prism = proxy_program();
    if (!prism)
        return true;
    for (int attempt = 0; attempt < PROXY_ATTEMPTS; attempt++) {
        char port[16];
        snprintf(port, sizeof port, "%u", (unsigned)harness_free_port());
        snprintf(h.proxy_url, sizeof h.proxy_url, "http://127.0.0.1:%s", port);
        /* --cors=false: Prism would otherwise answer preflights and add CORS headers itself. */
        char *argv[] = {(char *)prism,
                        "proxy",
                        (char *)proxy_document(),
                        h.base_url,
                        "--errors",
                        "--port",
                        port,
                        "--host",
                        "127.0.0.1",
                        "--cors=false",
                        "--verboseLevel",
                        "warn",
                        NULL};
        h.proxy = spawn_program(prism, argv, "prism.log");
        if (wait_proxy_ready())
            return true;
        stop_proxy();
    }
    print_log("prism.log");
    return false;
}

/* Judges the proxy's answer p to a GET whose direct answer had the status direct_status: a
 * drift fails the test, non-fatally, with Prism's account of it (its sl-violations header, or
 * the problem it answered itself). */
static void judge_proxied(const char *path, const http_reply *p, long direct_status)
{
    strbuf violations = STRBUF_INIT;
    const char *what = NULL;
    const char *prism_type = NULL;
    json_t *body = NULL;

    if (http_header(p, "sl-violations", &violations)) {
        what = "the response breaks the document";
    } else {
        body = http_json(p);
        json_t *type = json_object_get(body, "type");
        if (json_is_string(type) &&
            strncmp(json_string_value(type), PRISM_ERROR_PREFIX, strlen(PRISM_ERROR_PREFIX)) == 0)
            prism_type = json_string_value(type) + strlen(PRISM_ERROR_PREFIX);
        if (!prism_type)
            ; /* factd's answer, forwarded as the document allows it */
        else if (strcmp(prism_type, "VIOLATIONS") == 0)
            what = "the response breaks the document";
        else if (p->status >= 400 && p->status < 500 && direct_status >= 400)
            ; /* the document and factd both refuse the request */
        else if (p->status >= 400 && p->status < 500)
            what = "the document refuses a request that factd answers";
        else
            what = "the proxy failed";
    }
    if (what) {
        /* Non-fatal, so that it may come from any of the test's threads. */
        atomic_fetch_add(&drift_count, 1);
        cr_expect_fail("contract drift from %s: GET %s (factd: %ld, proxy: %ld): %s: %s",
                       proxy_document(), path, direct_status, p->status, what,
                       violations.len ? violations.buf : p->body.buf);
    }
    json_decref(body);
    strbuf_release(&violations);
}

/* Sends the proxy its copy of a GET that factd answered with direct_status. */
static void check_through_proxy(const char *path, const char *const headers[], long direct_status)
{
    const char *with_identity[64];
    size_t n = 0;
    bool has_encoding = false;
    for (; headers && headers[n] && n + 2 < sizeof with_identity / sizeof *with_identity; n++) {
        with_identity[n] = headers[n];
        if (strncasecmp(headers[n], "Accept-Encoding:", 16) == 0)
            has_encoding = true;
    }
    /* Prism asks for any encoding when the client names none; ask for what the test got. */
    if (!has_encoding)
        with_identity[n++] = "Accept-Encoding: identity";
    with_identity[n] = NULL;

    /* factd has just answered this GET itself, so a proxy that drops the connection (seen
     * once in a few thousand requests on a loaded machine) is asked again before the check
     * fails; every retry is logged. */
    http_reply p;
    bool answered = false;
    for (int attempt = 1; attempt <= 3 && !answered; attempt++) {
        http_reply_init(&p);
        answered = send_to(h.proxy_url, NULL, "GET", path, with_identity, NULL, 0, &p, false);
        if (!answered) {
            http_reply_release(&p);
            fprintf(stderr, "contract check: GET %s: the proxy did not answer (attempt %d of 3)\n",
                    path, attempt);
        }
    }
    if (answered) {
        judge_proxied(path, &p, direct_status);
        http_reply_release(&p);
    } else {
        atomic_fetch_add(&drift_count, 1);
        cr_expect_fail("contract check: GET %s: the proxy did not answer", path);
    }
}

bool harness_answers(void)
{
    http_reply r;
    http_reply_init(&r);
    bool ok = send_request(NULL, "GET", "/healthz", NULL, 0, &r, true);
    http_reply_release(&r);
    return ok;
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void harness_remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

bool harness_on_postgres(void)
{
    const char *engine = getenv("FACTD_TEST_ENGINE");
    return engine && !strcmp(engine, "postgresql");
}

/* Runs one statement on the PostgreSQL server of FACTD_TEST_PG (its database `factd`). */
static void pg_server_exec(const char *sql)
{
    const char *server = getenv("FACTD_TEST_PG");
    char *err = NULL;
    cr_assert(server && *server, "FACTD_TEST_ENGINE=postgresql needs FACTD_TEST_PG");
    db_conn *d = db_open(server, DB_OPEN_EXISTING, &err);
    cr_assert_not_null(d, "connecting to %s: %s", server, err ? err : "?");
    free(err);
    int rc = db_exec(d, sql);
    cr_assert_eq(rc, DB_OK, "%s: %s", sql, db_errmsg(d));
    db_close(d);
}

/* A new database for the test on the PostgreSQL server; h.db names it. */
static void create_pg_database(void)
{
    static unsigned made;
    const char *server = getenv("FACTD_TEST_PG");
    char sql[128];
    const char *at = server ? strstr(server, "/factd?") : NULL;
    cr_assert(at, "FACTD_TEST_PG names no database `factd` (tests/pg/pgtmp): %s",
              server ? server : "unset");
    snprintf(h.pg_name, sizeof h.pg_name, "factd_test_%ld_%u", (long)getpid(), ++made);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", h.pg_name);
    pg_server_exec(sql);
    snprintf(h.db, sizeof h.db, "%.*s/%s%s", (int)(at - server), server, h.pg_name,
             at + strlen("/factd"));
}

static void drop_pg_database(void)
{
    char sql[128];
    if (!h.pg_name[0])
        return;
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", h.pg_name);
    h.pg_name[0] = '\0';
    pg_server_exec(sql);
}

/* Removes the temporary directory.  Called on every failure path of the set-up as well:
 * Criterion does not run a suite's .fini when its .init fails. */
static void discard_dir(void)
{
    drop_pg_database();
    if (h.dir[0]) {
        harness_remove_tree(h.dir);
        h.dir[0] = '\0';
    }
}

static void prepare(void)
{
    if (h.dir[0])
        return;
    if (!h.curl_ready) {
        cr_assert_eq(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
        h.curl_ready = true;
    }
    snprintf(h.dir, sizeof h.dir, "/tmp/factd-http-test-XXXXXX");
    cr_assert(mkdtemp(h.dir), "mkdtemp: %s", strerror(errno));
    if (harness_on_postgres())
        create_pg_database();
    else
        snprintf(h.db, sizeof h.db, "%s/facts.db", h.dir);
    char *ingest[] = {"factd", "ingest", "--db", h.db, HARNESS_CORPUS, NULL};
    int rc = harness_run_factd(ingest, "ingest.log", 120);
    if (rc != 0) {
        print_log("ingest.log");
        discard_dir();
        cr_assert_fail("factd ingest exited %d", rc);
    }
}

/* Starts `factd serve` on the prepared database, listening on `listen` (NULL: 127.0.0.1),
 * with the extra arguments (NULL-terminated, or NULL), then the proxy when asked for. */
static bool start_server(const char *listen, const char *const extra[])
{
    enum { MAX_ARGS = 32 };
    prepare();
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
        char port[16];
        char *argv[MAX_ARGS + 1];
        size_t n = 0;
        h.port = harness_free_port();
        snprintf(port, sizeof port, "%u", (unsigned)h.port);
        if (listen && strchr(listen, ':'))
            snprintf(h.base_url, sizeof h.base_url, "http://[%s]:%s", listen, port);
        else
            snprintf(h.base_url, sizeof h.base_url, "http://%s:%s", listen ? listen : "127.0.0.1",
                     port);
        argv[n++] = (char *)harness_factd();
        argv[n++] = "serve";
        argv[n++] = "--db";
        argv[n++] = h.db;
        argv[n++] = "--port";
        argv[n++] = port;
        if (listen) {
            argv[n++] = "--listen";
            argv[n++] = (char *)listen;
        }
        for (size_t i = 0; extra && extra[i]; i++) {
            cr_assert(n < MAX_ARGS, "too many arguments for factd serve");
            argv[n++] = (char *)extra[i];
        }
        argv[n] = NULL;
        h.server = spawn_factd(argv, "serve.log");
        if (wait_ready()) {
            if (start_proxy())
                return true;
            kill(h.server, SIGKILL);
            waitpid(h.server, NULL, 0);
            h.server = -1;
            return false;
        }
        if (h.server > 0) {
            kill(h.server, SIGKILL);
            waitpid(h.server, NULL, 0);
            h.server = -1;
        }
    }
    print_log("serve.log");
    return false;
}

bool harness_start_listen(const char *listen)
{
    return start_server(listen, NULL);
}

bool harness_restart_with(const char *const args[])
{
    int rc = harness_stop_server();
    cr_expect_eq(rc, 0, "factd serve exited %d after SIGTERM", rc);
    return start_server(NULL, args);
}

void harness_start(void)
{
    if (!harness_start_listen(NULL)) {
        discard_dir();
        cr_assert_fail("factd serve did not become ready");
    }
}

int harness_stop_server(void)
{
    stop_proxy();
    if (h.server <= 0)
        return 0;
    kill(h.server, SIGTERM);
    int rc = wait_exit(h.server, STOP_TIMEOUT_S);
    h.server = -1;
    if (rc != 0)
        print_log("serve.log");
    return rc;
}

void harness_stop(void)
{
    int rc = harness_stop_server();
    discard_dir();
    if (h.curl_ready) {
        curl_global_cleanup();
        h.curl_ready = false;
    }
    cr_expect_eq(rc, 0, "factd serve exited %d after SIGTERM", rc);
}

/* --- HTTP --- */

void http_reply_init(http_reply *r)
{
    r->status = 0;
    strbuf_init(&r->headers);
    strbuf_init(&r->body);
}

void http_reply_release(http_reply *r)
{
    strbuf_release(&r->headers);
    strbuf_release(&r->body);
}

static size_t collect_body(char *data, size_t size, size_t n, void *user)
{
    strbuf_add(user, data, size * n);
    return size * n;
}

/* Keeps the header block of the last response only (a 100 Continue comes first). */
static size_t collect_header(char *data, size_t size, size_t n, void *user)
{
    strbuf *headers = user;
    if (size * n >= 5 && strncmp(data, "HTTP/", 5) == 0)
        strbuf_reset(headers);
    strbuf_add(headers, data, size * n);
    return size * n;
}

/* Sends METHOD base_url+path with the extra headers and optional body; see harness.h. */
static bool send_to(const char *base_url, CURL *curl, const char *method, const char *path,
                    const char *const headers[], const char *body, size_t body_len, http_reply *r,
                    bool quiet)
{
    char url[1024];
    bool own = !curl;
    struct curl_slist *header_list = NULL;
    CURLcode rc;

    if (own)
        curl = curl_easy_init();
    cr_assert(curl, "curl_easy_init");
    curl_easy_reset(curl);
    strbuf_reset(&r->headers);
    strbuf_reset(&r->body);
    snprintf(url, sizeof url, "%s%s", base_url, path);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    for (size_t i = 0; headers && headers[i]; i++) {
        struct curl_slist *grown = curl_slist_append(header_list, headers[i]);
        cr_assert(grown, "curl_slist_append");
        header_list = grown;
    }
    if (header_list)
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r->body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r->headers);
    curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
    if (strcmp(method, "HEAD") == 0) {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (strcmp(method, "GET") == 0 && !body) {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
        if (body) {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
        }
    }
    rc = curl_easy_perform(curl);
    if (rc == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
    else if (!quiet)
        fprintf(stderr, "%s %s: %s\n", method, url, curl_easy_strerror(rc));
    /* The handle keeps pointing at the list until its next reset. */
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(header_list);
    if (own)
        curl_easy_cleanup(curl);
    return rc == CURLE_OK;
}

/* A request to the server itself, as the harness makes while waiting for it. */
static bool send_request(CURL *curl, const char *method, const char *path, const char *body,
                         size_t body_len, http_reply *r, bool quiet)
{
    return send_to(h.base_url, curl, method, path, NULL, body, body_len, r, quiet);
}

bool http_request_with(CURL *curl, const char *method, const char *path,
                       const char *const headers[], const char *body, size_t body_len,
                       http_reply *r)
{
    if (!send_to(h.base_url, curl, method, path, headers, body, body_len, r, false))
        return false;
    if (harness_proxied() && strcmp(method, "GET") == 0 && !body)
        check_through_proxy(path, headers, r->status);
    return true;
}

bool http_request_on(CURL *curl, const char *method, const char *path, const char *body,
                     size_t body_len, http_reply *r)
{
    return http_request_with(curl, method, path, NULL, body, body_len, r);
}

bool http_get_with(const char *path, const char *const headers[], http_reply *r)
{
    return http_request_with(NULL, "GET", path, headers, NULL, 0, r);
}

bool http_get_direct(const char *path, http_reply *r)
{
    return send_to(h.base_url, NULL, "GET", path, NULL, NULL, 0, r, false);
}

bool http_request(const char *method, const char *path, const char *body, http_reply *r)
{
    return http_request_on(NULL, method, path, body, body ? strlen(body) : 0, r);
}

bool http_get(const char *path, http_reply *r)
{
    return http_request("GET", path, NULL, r);
}

bool http_head(const char *path, http_reply *r)
{
    return http_request("HEAD", path, NULL, r);
}

bool http_header(const http_reply *r, const char *name, strbuf *value)
{
    size_t name_len = strlen(name);
    const char *line = r->headers.buf;
    while (*line) {
        const char *eol = strstr(line, "\r\n");
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        if (len > name_len && line[name_len] == ':' && strncasecmp(line, name, name_len) == 0) {
            const char *v = line + name_len + 1;
            while (*v == ' ' || *v == '\t')
                v++;
            strbuf_reset(value);
            strbuf_add(value, v, (size_t)(line + len - v));
            strbuf_trim(value);
            return true;
        }
        if (!eol)
            break;
        line = eol + 2;
    }
    return false;
}

json_t *http_json(const http_reply *r)
{
    return json_loadb(r->body.buf, r->body.len, 0, NULL);
}

/* --- the corpus --- */

static int by_name(const void *a, const void *b)
{
    return strcmp(((const corpus_file *)a)->name, ((const corpus_file *)b)->name);
}

size_t corpus_load(corpus_file **files)
{
    DIR *d = opendir(HARNESS_CORPUS);
    struct dirent *e;
    size_t n = 0, cap = 8;

    cr_assert(d, "opendir %s: %s", HARNESS_CORPUS, strerror(errno));
    *files = calloc(cap, sizeof **files);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        if (n == cap) {
            cap *= 2;
            *files = realloc(*files, cap * sizeof **files);
        }
        corpus_file *f = &(*files)[n++];
        char path[600];
        strbuf data = STRBUF_INIT;
        snprintf(f->name, sizeof f->name, "%s", e->d_name);
        snprintf(path, sizeof path, "%s/%s", HARNESS_CORPUS, e->d_name);
        FILE *fp = fopen(path, "rb");
        cr_assert(fp, "open %s", path);
        char chunk[4096];
        size_t got;
        while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
            strbuf_add(&data, chunk, got);
        fclose(fp);
        f->data = strbuf_detach(&data, &f->len);
    }
    closedir(d);
    qsort(*files, n, sizeof **files, by_name);
    return n;
}

void corpus_free(corpus_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(files[i].data);
    free(files);
}

size_t test_cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t test_cp_to_byte(const char *s, size_t len, size_t cp)
{
    size_t i = 0;
    for (size_t k = 0; k < cp; k++) {
        if (i >= len)
            return (size_t)-1;
        unsigned char c = (unsigned char)s[i];
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return i <= len ? i : (size_t)-1;
}

json_t *http_get_json_ok(const char *path)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get(path, &r), "GET %s failed", path);
    cr_assert_eq(r.status, 200, "GET %s: %ld %s", path, r.status, r.body.buf);
    json_t *doc = http_json(&r);
    cr_assert(doc, "GET %s: body is not JSON", path);
    http_reply_release(&r);
    return doc;
}

json_t *http_fact_evidence(const json_t *fact)
{
    const json_t *sources = json_object_get(fact, "sources");
    const json_t *total = json_object_get(fact, "evidence_total");
    const char *link = json_string_value(json_object_get(fact, "evidence"));
    if (json_is_array(sources) &&
        (!total || json_integer_value(total) == (json_int_t)json_array_size(sources)))
        return json_incref((json_t *)sources);
    cr_assert(link, "a fact with more evidence than it shows has no evidence link");
    strbuf path = STRBUF_INIT;
    strbuf_addf(&path, "%s?limit=1000", link);
    json_t *all = http_get_every_item(path.buf);
    strbuf_release(&path);
    return all;
}

void http_expect_problem(const char *path, long status, const char *type)
{
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get(path, &r), "GET %s failed", path);
    cr_expect_eq(r.status, status, "GET %s: %ld, expected %ld", path, r.status, status);
    json_t *doc = http_json(&r);
    const char *got = json_string_value(json_object_get(doc, "type"));
    cr_expect(got && strcmp(got, type) == 0, "GET %s: a problem of type %s, expected %s", path,
              got ? got : "(none)", type);
    json_decref(doc);
    http_reply_release(&r);
}

json_t *http_get_every_item(const char *first)
{
    json_t *all = json_array();
    strbuf path = STRBUF_INIT;
    strbuf_addstr(&path, first);
    for (int pages = 0; path.len; pages++) {
        cr_assert_lt(pages, 10000, "the pages of %s do not end", first);
        json_t *page = http_get_json_ok(path.buf);
        json_array_extend(all, json_object_get(page, "data"));
        const char *next = json_string_value(json_object_get(page, "next"));
        strbuf_reset(&path);
        if (next)
            strbuf_addstr(&path, next);
        json_decref(page);
    }
    strbuf_release(&path);
    return all;
}
