/* Integration test of durability: `factd serve --corpus DIR` killed with SIGKILL while it
 * ingests 1,000 articles, then checked and restarted.
 *
 * The articles come from a deterministic generator (a seeded LCG picks countries, people,
 * places, dates and phrasings), so every run sees the same 1,000 texts; the moment of the
 * kill is seeded too: once the database holds a chosen number of articles, plus a chosen
 * delay.  Three articles are posted just after the start, while the writer reads the
 * folder: each 202 promises a committed job.
 *
 * After the kill the database must pass PRAGMA integrity_check and foreign_key_check, and
 * every stored article must be whole: its bytes those of its file (or of the post), its
 * SHA-256 and id those of its bytes, its extraction a JSON object.  Every job answered 202
 * must be in the queue.  The restart stores the rest, then merges the facts of all 1,003:
 * it is killed again during that merge (a seeded delay after the last article is stored),
 * and the same checks run.  A third start must then finish the jobs, merge the facts and
 * stop cleanly on SIGTERM.
 *
 * This test drives its own server processes (the harness's serves the bundled corpus), with
 * its own small HTTP client.
 */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/integration/harness.h"
#include "tests/integration/write_support.h"
#include "util/strbuf.h"

#define ARTICLES 1000
#define POSTED 3
#define SEED 20251031u
#define READY_TIMEOUT_S 60.0
#define FINISH_TIMEOUT_S 240.0 /* a merge of 1,000 articles takes seconds, more under ASan */

static struct {
    char dir[64], corpus[128], db[128], token[128];
    unsigned short port;
    pid_t server;
} d = {.server = -1};

/* --- the articles --- */

static unsigned lcg_state;

static unsigned next_random(void)
{
    lcg_state = lcg_state * 1103515245u + 12345u;
    return (lcg_state >> 8) & 0xFFFFFF;
}

#define PICK(list) ((list)[next_random() % (sizeof(list) / sizeof((list)[0]))])

static const char *const countries[] = {
    "Norway",  "Chile",   "Kenya",   "Vietnam", "Portugal", "Ghana",   "Peru",
    "Finland", "Morocco", "Uruguay", "Estonia", "Malaysia", "Senegal", "Iceland",
    "Jordan",  "Bhutan",  "Latvia",  "Namibia", "Ecuador",  "Tunisia",
};
static const char *const cities[] = {"Lisbon", "Nairobi",  "Hanoi",   "Oslo",       "Lima",
                                     "Accra",  "Rabat",    "Tallinn", "Montevideo", "Helsinki",
                                     "Dakar",  "Windhoek", "Quito"};
static const char *const first_names[] = {"Amara", "Bento", "Chiara", "Dmitri", "Elif",
                                          "Farid", "Greta", "Hiro",   "Ines",   "Jonas",
                                          "Kaveh", "Lena",  "Mateo",  "Nadia",  "Oskar"};
static const char *const last_names[] = {"Okafor",   "Lindqvist", "Moreau",   "Tanaka",
                                         "Haddad",   "Novak",     "Silva",    "Brennan",
                                         "Kowalski", "Rahman",    "Ferreira", "Duval"};
static const char *const titles[] = {"Foreign Minister", "Trade Minister", "Energy Minister",
                                     "Defence Minister", "Prime Minister"};
static const char *const topics[] = {"Fisheries",        "Rail Freight",      "Solar Power",
                                     "Vaccine Research", "Water Sharing",     "Port Logistics",
                                     "Seed Banks",       "Coastal Protection"};
static const char *const kinds[] = {"Agreement", "Accord", "Treaty", "Protocol", "Pact"};
static const char *const months[] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
static const char *const sayings[] = {
    "This is a good day for both our peoples", "We have waited a long time for this",
    "The work starts now, not tomorrow",       "Neighbours far apart can still share a harbour",
    "Nobody expected us to agree so soon",
};

/* Appends one generated article, number i, to out. */
static void generate_article(unsigned i, strbuf *out)
{
    const char *a = PICK(countries), *b = PICK(countries);
    while (b == a)
        b = PICK(countries);
    const char *city = PICK(cities), *topic = PICK(topics), *kind = PICK(kinds);
    char p1[64], p2[64];
    snprintf(p1, sizeof p1, "%s %s", PICK(first_names), PICK(last_names));
    snprintf(p2, sizeof p2, "%s %s", PICK(first_names), PICK(last_names));
    const char *t1 = PICK(titles), *t2 = PICK(titles);
    unsigned day = 1 + next_random() % 28, year = 2015 + next_random() % 11;
    const char *month = PICK(months);

    strbuf_addf(out, "%s, %u %s %u: %s and %s signed the %s %s %s in %s on %u %s %u.\n\n", city,
                day, month, year, a, b, topic, kind, i % 7 ? "" : "of Friendship", city, day, month,
                year);
    switch (next_random() % 3) {
    case 0:
        strbuf_addf(out, "%s %s of %s met %s %s of %s in %s to discuss %s.\n\n", t1, p1, a, t2, p2,
                    b, city, topic);
        break;
    case 1:
        strbuf_addf(out, "The text was signed by %s %s and %s %s after two days of talks.\n\n", t1,
                    p1, t2, p2);
        break;
    default:
        strbuf_addf(out, "Officials from %s and %s said the deal on %s had taken a year.\n\n", a, b,
                    topic);
        break;
    }
    strbuf_addf(out, "\u201c%s,\u201d %s said.\n\n", PICK(sayings), p1);
    if (next_random() % 2)
        strbuf_addf(out, "\u201c%s,\u201d %s told reporters in %s.\n\n", PICK(sayings), p2, city);
    strbuf_addf(out, "Dispatch %u of the generated wire.\n", i);
}

/* Writes the articles to d.corpus as NNNN.txt; returns them (to check against). */
static char **generate_corpus(void)
{
    char **texts = calloc(ARTICLES, sizeof *texts);
    cr_assert(texts);
    lcg_state = SEED;
    for (unsigned i = 0; i < ARTICLES; i++) {
        strbuf text = STRBUF_INIT;
        char path[200];
        generate_article(i, &text);
        snprintf(path, sizeof path, "%s/%04u.txt", d.corpus, i);
        support_write_file(path, text.buf, text.len);
        texts[i] = strbuf_detach(&text, NULL);
    }
    return texts;
}

static const char *const posted_texts[POSTED] = {
    "Tunis, 9 April 2024: Tunisia and Latvia signed the Amber Route Treaty in Tunis.\n",
    "Quito, 10 April 2024: Ecuador and Estonia signed the Andes Data Pact in Quito.\n",
    "Dakar, 11 April 2024: Senegal and Bhutan signed the Baobab Seed Protocol in Dakar.\n",
};

/* --- the server --- */

static void make_dirs(void)
{
    cr_assert_eq(curl_global_init(CURL_GLOBAL_DEFAULT), CURLE_OK);
    snprintf(d.dir, sizeof d.dir, "/tmp/factd-durability-XXXXXX");
    cr_assert(mkdtemp(d.dir), "mkdtemp: %s", strerror(errno));
    snprintf(d.corpus, sizeof d.corpus, "%s/corpus", d.dir);
    snprintf(d.db, sizeof d.db, "%s/facts.db", d.dir);
    snprintf(d.token, sizeof d.token, "%s/token", d.dir);
    cr_assert_eq(mkdir(d.corpus, 0755), 0);
    support_write_file(d.token, SUPPORT_TOKEN, strlen(SUPPORT_TOKEN));
}

static void remove_dirs(void)
{
    if (d.server > 0) {
        kill(d.server, SIGKILL);
        waitpid(d.server, NULL, 0);
        d.server = -1;
    }
    if (d.dir[0])
        harness_remove_tree(d.dir);
    curl_global_cleanup();
}

static size_t collect(char *data, size_t size, size_t n, void *user)
{
    strbuf_add(user, data, size * n);
    return size * n;
}

/* One request to the server: its status (0 when it does not answer), its body in body. */
static long request(const char *method, const char *path, const char *const headers[],
                    const char *data, strbuf *body)
{
    char url[256];
    struct curl_slist *list = NULL;
    long status = 0;
    CURL *curl = curl_easy_init();
    cr_assert(curl);
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", (unsigned)d.port, path);
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, body);
    for (size_t i = 0; headers && headers[i]; i++)
        list = curl_slist_append(list, headers[i]);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    if (strcmp(method, "GET") != 0)
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    if (data)
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, data);
    strbuf_reset(body);
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return status;
}

static void print_log(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", d.dir, name);
    harness_print_file(path);
}

/* Starts `factd serve --corpus` on the test's folder and waits until it answers. */
static void start_server(const char *log_name)
{
    char port[16], log_path[256];
    d.port = harness_free_port();
    snprintf(port, sizeof port, "%u", (unsigned)d.port);
    snprintf(log_path, sizeof log_path, "%s/%s", d.dir, log_name);
    char *argv[] = {(char *)harness_factd(),
                    "serve",
                    "--db",
                    d.db,
                    "--create",
                    "--port",
                    port,
                    "--corpus",
                    d.corpus,
                    "--token-file",
                    d.token,
                    NULL};
    pid_t pid = harness_spawn(argv[0], argv, log_path);
    d.server = pid;
    strbuf body = STRBUF_INIT;
    double deadline = support_now() + READY_TIMEOUT_S;
    while (request("GET", "/healthz", NULL, NULL, &body) != 200) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            d.server = -1;
            print_log(log_name);
            cr_assert_fail("factd serve exited before it was ready");
        }
        cr_assert_lt(support_now(), deadline, "factd serve did not become ready");
        support_sleep_ms(10);
    }
    strbuf_release(&body);
}

static void kill_server(int sig)
{
    int status;
    cr_assert_gt(d.server, 0);
    kill(d.server, sig);
    cr_assert_eq(waitpid(d.server, &status, 0), d.server);
    d.server = -1;
    if (sig == SIGKILL)
        cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "not killed: %d", status);
    else
        cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "exit status %d", status);
}

/* --- the checks --- */

/* PRAGMA integrity_check and foreign_key_check on the database, as a crash left it. */
static void check_integrity(void)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    cr_assert_eq(sqlite3_open_v2(d.db, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(stmt, 0), "ok");
    sqlite3_finalize(stmt);
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt, NULL), SQLITE_OK);
    cr_expect_eq(sqlite3_step(stmt), SQLITE_DONE, "a row breaks a foreign key");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

/* Every stored article is whole: the bytes of its file (or of a post), hashed as stored,
 * with an extraction.  Returns how many there are. */
static long long check_articles(char **texts)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    long long n = 0;

    cr_assert_eq(sqlite3_open_v2(d.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT id, file, sha256, text, extraction FROM sources",
                                    -1, &stmt, NULL),
                 SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(stmt, 0);
        const char *file = (const char *)sqlite3_column_text(stmt, 1);
        const char *sha = (const char *)sqlite3_column_text(stmt, 2);
        const char *text = sqlite3_column_blob(stmt, 3);
        size_t len = (size_t)sqlite3_column_bytes(stmt, 3);
        const char *extraction = (const char *)sqlite3_column_text(stmt, 4);
        char actual[65];
        support_sha256_hex(text ? text : "", len, actual);
        cr_expect_str_eq(sha, actual, "source %s: its SHA-256 is not that of its text", id);
        cr_expect(strncmp(id, actual, 12) == 0, "source %s: its id is not its SHA-256's", id);
        const char *expected = NULL;
        unsigned number;
        if (file && sscanf(file, "%4u.txt", &number) == 1 && number < ARTICLES) {
            expected = texts[number];
        } else {
            for (int p = 0; p < POSTED; p++)
                if (strlen(posted_texts[p]) == len && memcmp(posted_texts[p], text, len) == 0)
                    expected = posted_texts[p];
        }
        cr_expect(expected && strlen(expected) == len && memcmp(expected, text, len) == 0,
                  "source %s (%s): not the bytes of any article", id, file ? file : "posted");
        json_t *doc = json_loads(extraction ? extraction : "", 0, NULL);
        cr_expect(json_is_object(doc), "source %s: its extraction is not a JSON object", id);
        json_decref(doc);
        n++;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

static long long db_count(const char *sql)
{
    return support_db_int(d.db, sql, -1);
}

TestSuite(durability, .init = make_dirs, .fini = remove_dirs, .timeout = 600);

Test(durability, kill_9_during_a_1000_article_ingest_loses_nothing)
{
    char **texts = generate_corpus();
    char job_ids[POSTED][24];
    double started = support_now();

    /* The seeded moment of the kill: once this many articles are stored, plus a delay. */
    lcg_state = SEED ^ 0x5eedu;
    long long kill_at = 100 + next_random() % 800;
    long delay_ms = (long)(next_random() % 25);
    long merge_delay_ms = (long)(next_random() % 3000);

    start_server("serve-1.log");
    const char *headers[] = {"Content-Type: text/plain; charset=utf-8", SUPPORT_AUTH, NULL};
    strbuf body = STRBUF_INIT;
    for (int p = 0; p < POSTED; p++) {
        long status = request("POST", "/sources", headers, posted_texts[p], &body);
        cr_assert_eq(status, 202, "POST: %ld %s", status, body.buf);
        json_t *doc = json_loads(body.buf, 0, NULL);
        snprintf(job_ids[p], sizeof job_ids[p], "%s",
                 json_string_value(json_object_get(json_object_get(doc, "job"), "id")));
        json_decref(doc);
    }
    while (db_count("SELECT count(*) FROM sources") < kill_at)
        support_sleep_ms(2);
    support_sleep_ms(delay_ms);
    kill_server(SIGKILL);
    double killed = support_now();

    check_integrity();
    long long stored = check_articles(texts);
    fprintf(stderr,
            "durability: killed after %.2f s with %lld articles stored (aimed at %lld + "
            "%ld ms)\n",
            killed - started, stored, kill_at, delay_ms);
    cr_expect_geq(stored, kill_at);
    for (int p = 0; p < POSTED; p++) {
        char sql[160];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM jobs WHERE id = '%s'", job_ids[p]);
        cr_expect_eq(db_count(sql), 1, "job %s was answered 202 but is not stored", job_ids[p]);
    }

    /* The restart stores the rest; killed again while it merges. */
    start_server("serve-2.log");
    double deadline = support_now() + FINISH_TIMEOUT_S;
    while (db_count("SELECT count(*) FROM sources") < ARTICLES + POSTED) {
        if (support_now() > deadline) {
            print_log("serve-2.log");
            cr_assert_fail("the restart did not store every article in %.0f s", FINISH_TIMEOUT_S);
        }
        support_sleep_ms(5);
    }
    support_sleep_ms(merge_delay_ms);
    bool merged = db_count("SELECT value FROM meta WHERE key = 'facts_stale'") == 0;
    kill_server(SIGKILL);
    killed = support_now();
    fprintf(stderr, "durability: killed again %ld ms after the last article was stored (%s)\n",
            merge_delay_ms, merged ? "after the merge" : "before the merge ended");
    check_integrity();
    cr_expect_eq(check_articles(texts), ARTICLES + POSTED);

    /* The third start finishes: the jobs, the merge. */
    start_server("serve-3.log");
    deadline = support_now() + FINISH_TIMEOUT_S;
    while (db_count("SELECT count(*) FROM sources") < ARTICLES + POSTED ||
           db_count("SELECT count(*) FROM jobs WHERE state = 'done'") < POSTED ||
           db_count("SELECT value FROM meta WHERE key = 'facts_stale'") != 0) {
        if (support_now() > deadline) {
            print_log("serve-3.log");
            cr_assert_fail("the restart did not finish in %.0f s", FINISH_TIMEOUT_S);
        }
        support_sleep_ms(50);
    }
    double finished = support_now();
    fprintf(stderr, "durability: the restart finished in %.2f s\n", finished - killed);

    for (int p = 0; p < POSTED; p++) {
        char path[80];
        snprintf(path, sizeof path, "/jobs/%s", job_ids[p]);
        const char *auth[] = {SUPPORT_AUTH, NULL};
        cr_expect_eq(request("GET", path, auth, NULL, &body), 200);
        json_t *job = json_loads(body.buf, 0, NULL);
        cr_expect_str_eq(json_string_value(json_object_get(job, "state")), "done", "%s", body.buf);
        json_decref(job);
    }
    cr_expect_eq(request("GET", "/agreements?limit=1&count=exact", NULL, NULL, &body), 200);
    cr_expect_gt(db_count("SELECT count(*) FROM agreements"), ARTICLES / 2,
                 "too few agreements were merged");
    cr_expect_eq(db_count("SELECT count(*) FROM sources WHERE file IS NOT NULL"), ARTICLES);
    kill_server(SIGTERM);

    check_integrity();
    cr_expect_eq(check_articles(texts), ARTICLES + POSTED);
    fprintf(stderr, "durability: %.2f s in all\n", support_now() - started);

    strbuf_release(&body);
    for (unsigned i = 0; i < ARTICLES; i++)
        free(texts[i]);
    free(texts);
}

/* SIGTERM while the writer reads the folder: it stops after the article it is on (without
 * reading the rest or merging), exits 0, and leaves whole articles. */
Test(durability, sigterm_during_an_ingest_stops_after_the_current_article)
{
    char **texts = generate_corpus();
    start_server("serve-term.log");
    while (db_count("SELECT count(*) FROM sources") < 100)
        support_sleep_ms(2);
    double asked = support_now();
    kill_server(SIGTERM);
    double took = support_now() - asked;
    long long stored = check_articles(texts);
    fprintf(stderr, "durability: SIGTERM with %lld articles stored: exited 0 in %.0f ms\n", stored,
            took * 1e3);
    cr_expect_lt(took, 5.0, "the stop waited for more than the article under way");
    cr_expect_lt(stored, ARTICLES, "the whole folder was read before stopping");
    check_integrity();
    for (unsigned i = 0; i < ARTICLES; i++)
        free(texts[i]);
    free(texts);
}
