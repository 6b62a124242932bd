/* harness: the real factd binary, serving the bundled corpus, for integration tests.
 *
 * harness_start() (a Criterion .init) makes a temporary directory, runs
 * `factd ingest --db DIR/facts.db corpus`, starts `factd serve` on a free port and waits
 * until GET /healthz answers 200.  harness_stop() (the matching .fini) sends SIGTERM, checks
 * that the server exits 0 and removes the directory.  The binary comes from $FACTD_BIN
 * (default build/factd); tests run from the repository root.
 *
 * The http_* helpers speak to that server with libcurl and collect status, headers and body.
 *
 * The contract check (`make test-contract`): with FACTD_TEST_PROXY set to a Prism executable
 * (tests/contract/install prints its path), each server the harness starts gets a Prism proxy
 * in front of it, `prism proxy openapi.yaml URL --errors` (FACTD_TEST_OPENAPI names another
 * document), started once the server is ready and stopped with it.  Every GET without a body
 * that the http_* helpers send then goes twice: straight to factd, whose answer the test gets
 * byte for byte, and through the proxy, which checks factd's answer against the document.
 * Drift is a response that breaks the document (a member, type, status, media type or header
 * it does not allow) or a request the document refuses while factd answers it 2xx or 3xx (the
 * document is stricter than the server); each fails the test where it happens (non-fatally,
 * so that the test runs on), with Prism's account of it.  A request that both refuse (factd
 * with a 4xx, Prism with its own 401, 404 or 422) is fine: factd's answer to it is not
 * checked, since Prism never forwards it.  HEAD, other methods and requests with a body go
 * straight to factd only: Prism cannot check a HEAD, and a write must not happen twice.
 */
#ifndef FACTD_TEST_HARNESS_H
#define FACTD_TEST_HARNESS_H

#include <curl/curl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "util/strbuf.h"

#define HARNESS_CORPUS "corpus"

/* --- the server --- */

void harness_start(void);
void harness_stop(void);
/* Starts the server listening on `listen` (NULL: the default 127.0.0.1); false when it did not
 * come up (e.g. the address is not available here). */
bool harness_start_listen(const char *listen);
/* Stops the server (as harness_stop_server() does) and starts another on the same database
 * with the extra `factd serve` arguments (NULL-terminated), e.g. {"--cors", "*", NULL}; the
 * contract check's proxy comes along.  False when it did not come up. */
bool harness_restart_with(const char *const args[]);
/* Sends SIGTERM and waits; returns the exit status (128+N when killed by signal N, -1 when it
 * did not stop in time and had to be killed). */
int harness_stop_server(void);
/* True when something answers GET /healthz on the server's port (asked quietly). */
bool harness_answers(void);
unsigned short harness_port(void);
/* The database the server serves: a SQLite file in harness_dir(), or with
 * FACTD_TEST_ENGINE=postgresql (and FACTD_TEST_PG, tests/pg/pgtmp run) a postgresql:// URL
 * of a database made for the test on that server and dropped after it. */
const char *harness_db_path(void);
/* Whether the tests run on PostgreSQL (FACTD_TEST_ENGINE=postgresql). */
bool harness_on_postgres(void);
const char *harness_dir(void);
/* Path of the factd binary under test. */
const char *harness_factd(void);

/* Runs factd with argv (argv[0] is ignored and replaced by the binary), waits at most
 * timeout_s seconds, returns its exit status as harness_stop_server() does.  Output goes to
 * DIR/<log_name>. */
int harness_run_factd(char *const argv[], const char *log_name, int timeout_s);

/* A port nothing listens on right now. */
unsigned short harness_free_port(void);

/* Starts program with argv, its output appended to log_path, with no signal blocked; the
 * child is killed if the test process dies.  Returns its pid. */
pid_t harness_spawn(const char *program, char *const argv[], const char *log_path);
/* Copies a file (a server's log) to stderr under its name; nothing when it does not exist. */
void harness_print_file(const char *path);
/* Removes a folder and everything in it. */
void harness_remove_tree(const char *dir);

/* True when the contract check's proxy runs in front of the server. */
bool harness_proxied(void);
/* How many drifts from the document the contract check has seen in this test (0 without it). */
unsigned harness_drift_count(void);

/* --- HTTP --- */

typedef struct http_reply {
    long status;
    strbuf headers; /* the header block of the final response, "Name: value\r\n" lines */
    strbuf body;
} http_reply;

void http_reply_init(http_reply *r);
void http_reply_release(http_reply *r);

/* Sends METHOD path (relative to the server, query included) with an optional body on the
 * given handle (NULL: a fresh one) and fills r.  False on a transport error (logged). */
bool http_request_on(CURL *curl, const char *method, const char *path, const char *body,
                     size_t body_len, http_reply *r);
bool http_request(const char *method, const char *path, const char *body, http_reply *r);
bool http_get(const char *path, http_reply *r);
bool http_head(const char *path, http_reply *r);
/* As http_request_on, with extra request headers: a NULL-terminated list of "Name: value"
 * strings (NULL for none), e.g. {"If-None-Match: \"...\"", "Accept: text/csv", NULL}. */
bool http_request_with(CURL *curl, const char *method, const char *path,
                       const char *const headers[], const char *body, size_t body_len,
                       http_reply *r);
bool http_get_with(const char *path, const char *const headers[], http_reply *r);
/* GET straight to factd, never seen by the contract check's proxy: for a test that counts
 * requests exactly (the proxy's copy of a GET is a second request). */
bool http_get_direct(const char *path, http_reply *r);

/* GET path, asserting a 200 with a JSON body; the body parsed (new reference). */
json_t *http_get_json_ok(const char *path);
/* GET path, asserting a problem of this status and type ("/problems/bad-parameter"). */
void http_expect_problem(const char *path, long status, const char *type);
/* Every item of the list at path (a new reference): the data of its pages, following each
 * page's `next` until it is null. */
json_t *http_get_every_item(const char *path);
/* Every evidence span of a fact as served (a new reference): its `sources` when they are all
 * inline, else every page of its `evidence` link. */
json_t *http_fact_evidence(const json_t *fact);
/* The value of header `name` (case-insensitive) copied into value; false when absent. */
bool http_header(const http_reply *r, const char *name, strbuf *value);
/* The body parsed as JSON (new reference), or NULL. */
json_t *http_json(const http_reply *r);

/* --- the corpus --- */

typedef struct corpus_file {
    char name[256]; /* base name */
    char *data;     /* exact bytes */
    size_t len;
} corpus_file;

/* Reads every .txt of the corpus folder, sorted by name. */
size_t corpus_load(corpus_file **files);
void corpus_free(corpus_file *files, size_t n);

/* Byte offset of code point cp in s[0..len), decoding UTF-8 independently of the code under
 * test; (size_t)-1 when cp is past the end. */
size_t test_cp_to_byte(const char *s, size_t len, size_t cp);
/* Number of code points in s[0..len). */
size_t test_cp_count(const char *s, size_t len);

#endif
