/* Integration tests of GET /changes, the change feed, on the real binary and both engines.
 *
 * The main test follows the feed through every way the facts are written: `factd ingest`
 * (the harness's corpus, then articles of tests/disputes while the server is down), posted
 * articles, a deletion, a re-extraction (an article whose stored reading found nothing, read
 * again by `factd reindex`) and `factd merge --force`.  After each step it replays the feed
 * from seq 0, and from the seq the step began at on top of the facts replayed before, and
 * asserts that both give exactly what /people, /agreements, /meetings and /quotes serve,
 * ids and JSON.  The others read the feed as NDJSON and in pages, follow it as an event
 * stream (Last-Event-ID resumes it; a change made while it is open arrives on it) and by
 * long polls (one held until a change comes; one that nothing answers; the bound on waiting
 * clients).  The as-of test saves what the lists and items serve after each kind of write,
 * then asks for each saved seq (and its time) with as_of and expects the same answers.  No assertion depends on how fast anything is: waits only bound a loop.
 */
#include <criterion/criterion.h>
#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "tests/integration/harness.h"
#include "tests/integration/write_support.h"
#include "tests/unit/replay.h"

#define DISPUTES "tests/disputes/"
#define PATIENCE_S 60.0 /* the longest a loop here waits for the server: a bound, not a check */


static void start(void)
{
    harness_start();
    support_restart_with_token(NULL);
}

TestSuite(http_changes, .init = start, .fini = harness_stop, .timeout = 600);

/* --- reading the feed and the lists --- */

/* Every entry after `since`, following the pages' next links (small pages, so that there are
 * many); each entry's seq follows the one before. */
static json_t *feed_since(long long since)
{
    char path[128];
    snprintf(path, sizeof path, "/changes?since=%lld&limit=16", since);
    json_t *all = http_get_every_item(path), *e;
    size_t i;
    json_array_foreach(all, i, e) {
        long long seq = json_integer_value(json_object_get(e, "seq"));
        cr_assert_gt(seq, since, "seq %lld after %lld", seq, since);
        since = seq;
    }
    return all;
}

static long long last_seq(void)
{
    json_t *all = feed_since(0);
    size_t n = json_array_size(all);
    long long seq = n ? json_integer_value(json_object_get(json_array_get(all, n - 1), "seq")) : 0;
    json_decref(all);
    return seq;
}

/* What the lists serve (key -> item), every page of each. */
static json_t *served(void)
{
    static const char *const lists[][2] = {{"/people?limit=1000", "person"},
                                           {"/agreements?limit=1000", "agreement"},
                                           {"/meetings?limit=1000", "meeting"},
                                           {"/quotes?limit=1000", "quote"},
                                           {"/sources?limit=1000", "source"}};
    json_t *facts = json_object();
    for (size_t l = 0; l < 5; l++) {
        json_t *items = http_get_every_item(lists[l][0]), *item;
        size_t i;
        json_array_foreach(items, i, item) {
            char key[64];
            replay_key(key, sizeof key, lists[l][1],
                       json_string_value(json_object_get(item, "id")));
            json_object_set(facts, key, item);
        }
        json_decref(items);
    }
    return facts;
}

/* Asserts that two sets of facts are the same, naming the first that differs. */
static void expect_same(const json_t *replayed, const json_t *lists, const char *what)
{
    const char *key;
    json_t *fact;
    json_object_foreach((json_t *)lists, key, fact) {
        json_t *r = json_object_get(replayed, key);
        cr_assert(r, "%s: %s is served but not in the feed", what, key);
        cr_assert(json_equal(r, fact), "%s: %s differs from what the list serves", what, key);
    }
    json_object_foreach((json_t *)replayed, key, fact)
        cr_assert(json_object_get(lists, key), "%s: %s is in the feed but not served", what, key);
}

/* What a reader of the feed holds: the facts, up to a seq. */
typedef struct follower {
    json_t *facts;
    long long seq;
} follower;

/* Replays the feed from 0, and from f->seq onto f->facts: both must give the lists.  The
 * server is idle: nothing writes between the reads. */
static void check_replay(follower *f, const char *step)
{
    json_t *lists = served(), *all = feed_since(0), *from_zero = json_object();
    replay_apply(from_zero, all);
    expect_same(from_zero, lists, step);
    json_t *later = feed_since(f->seq);
    replay_apply(f->facts, later);
    expect_same(f->facts, lists, step);
    size_t n = json_array_size(all);
    f->seq = n ? json_integer_value(json_object_get(json_array_get(all, n - 1), "seq")) : 0;
    json_decref(later);
    json_decref(all);
    json_decref(from_zero);
    json_decref(lists);
}

/* Asserts that an article's entry is due to the article itself; false for another kind's. */
static bool expect_own_article(const json_t *e, const char *step)
{
    const char *source = json_string_value(json_object_get(e, "source_id"));
    const char *id = json_string_value(json_object_get(e, "id"));
    if (strcmp(json_string_value(json_object_get(e, "kind")), "source") != 0)
        return false;
    cr_expect(source && id && strcmp(source, id) == 0, "%s: article %s's entry is due to %s", step,
              id, source ? source : "no article");
    return true;
}

/* Asserts that every entry after `since` is due to one of the articles `ids` (a
 * comma-separated list; NULL: to none), an article's own to itself, and that there is one. */
static void expect_due_to(long long since, const char *ids, const char *step)
{
    json_t *entries = feed_since(since), *e;
    size_t i;
    cr_assert(json_array_size(entries), "%s: nothing changed", step);
    json_array_foreach(entries, i, e) {
        const char *source = json_string_value(json_object_get(e, "source_id"));
        if (expect_own_article(e, step))
            continue;
        if (ids)
            cr_expect(source && strstr(ids, source), "%s: seq %lld is due to %s", step,
                      (long long)json_integer_value(json_object_get(e, "seq")),
                      source ? source : "no article");
        else
            cr_expect_null(source, "%s: an entry due to %s", step, source);
    }
    json_decref(entries);
}

/* --- writing --- */

static char *read_text(const char *name, size_t *len)
{
    char path[256], *text = NULL;
    const char *why = NULL;
    snprintf(path, sizeof path, DISPUTES "%s", name);
    cr_assert_eq(ingest_read_article(path, &text, len, &why), 0, "%s: %s", path, why);
    return text;
}

/* Posts an article of tests/disputes and waits for its job; its source id in id. */
static void post_file(const char *name, char id[SOURCE_ID_LEN + 1])
{
    size_t len;
    char *text = read_text(name, &len);
    const char *headers[] = {SUPPORT_AUTH, "Content-Type: text/plain; charset=utf-8", NULL};
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_request_with(NULL, "POST", "/sources", headers, text, len, &r));
    cr_assert_eq(r.status, 202, "POST %s: %ld %s", name, r.status, r.body.buf);
    json_t *doc = http_json(&r);
    char path[128];
    snprintf(path, sizeof path, "/jobs/%s",
             json_string_value(json_object_get(json_object_get(doc, "job"), "id")));
    json_decref(doc);
    support_source_id(text, len, id);
    free(text);
    const char *auth[] = {SUPPORT_AUTH, NULL};
    double deadline = support_now() + PATIENCE_S;
    for (;;) {
        http_reply_release(&r);
        http_reply_init(&r);
        cr_assert(http_get_with(path, auth, &r));
        if (strstr(r.body.buf, "\"state\":\"done\""))
            break;
        cr_assert(!strstr(r.body.buf, "\"state\":\"failed\""), "%s failed: %s", name, r.body.buf);
        cr_assert_lt(support_now(), deadline, "%s: its job never ended", name);
        support_sleep_ms(20);
    }
    http_reply_release(&r);
}

/* A step with the server down (it would otherwise do some of the work itself): runs `sql`
 * (or nothing) on the database, then `factd COMMAND --db DB ARGS...`, restarts the server
 * and replays the feed (check_replay).  Returns the seq the step began at. */
static long long offline_step(follower *f, const char *sql, const char *command,
                              const char *const args[], const char *step)
{
    char *argv[16] = {"factd", (char *)command, "--db", (char *)harness_db_path()};
    size_t n = 4;
    for (size_t i = 0; args && args[i] && n < 15; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    cr_assert_eq(harness_stop_server(), 0);
    if (sql)
        support_db_exec(harness_db_path(), sql);
    cr_assert_eq(harness_run_factd(argv, "changes-step.log", 120), 0, "%s: factd %s failed", step,
                 command);
    support_restart_with_token(NULL);
    long long before = f->seq;
    check_replay(f, step);
    return before;
}

/* The source id of an article of tests/disputes, in id. */
static void source_of(const char *name, char id[SOURCE_ID_LEN + 1])
{
    size_t len;
    char *text = read_text(name, &len);
    support_source_id(text, len, id);
    free(text);
}

/* A re-extraction, in two steps with the server down: the article tests/disputes/<name> is
 * read as saying nothing (as an older extractor might have) and merged so; then, marked as
 * read by an older extractor, read again by `factd reindex`.  Each returns the seq its step
 * began at. */
static long long forget_reading(follower *f, const char *name)
{
    char sql[512], id[SOURCE_ID_LEN + 1];
    source_of(name, id);
    snprintf(sql, sizeof sql,
             "UPDATE sources SET extraction = '{\"people\":[],\"agreements\":[],"
             "\"meetings\":[],\"quotes\":[]}' WHERE id = '%s';"
             "UPDATE meta SET value = '1' WHERE key = 'facts_stale';"
             "DELETE FROM meta WHERE key = 'merge_index'",
             id);
    return offline_step(f, sql, "merge", NULL, "a merge of an article that says nothing");
}

static long long read_again(follower *f, const char *name)
{
    char sql[512], id[SOURCE_ID_LEN + 1];
    source_of(name, id);
    snprintf(sql, sizeof sql, "UPDATE sources SET extractor_version = 1 WHERE id = '%s'", id);
    return offline_step(f, sql, "reindex", NULL, "factd reindex");
}

Test(http_changes, replaying_the_feed_gives_the_lists_after_every_kind_of_write)
{
    follower f = {.facts = json_object(), .seq = 0};
    char ids[512] = "", id[SOURCE_ID_LEN + 1], deleted[SOURCE_ID_LEN + 1];

    check_replay(&f, "the bundled corpus, ingested");
    cr_assert_gt(f.seq, 0, "the ingest recorded nothing");

    /* posted articles, each merged as it comes */
    static const char *const posted[] = {"01_tidewater_signed_porto.txt",
                                         "02_tidewater_signed_porto_15.txt",
                                         "10_lighthouse_quote_minister.txt"};
    for (size_t i = 0; i < 3; i++) {
        long long before = f.seq;
        post_file(posted[i], id);
        check_replay(&f, posted[i]);
        expect_due_to(before, id, posted[i]);
    }

    /* `factd ingest` of several articles into the merged store: each entry is due to one of
     * them, or (a change they made together) to none */
    static const char *const files[] = {DISPUTES "03_tidewater_signed_lisbon.txt",
                                        DISPUTES "04_tidewater_month_only.txt",
                                        DISPUTES "07_talks_june_month.txt",
                                        DISPUTES "08_talks_june_2.txt",
                                        DISPUTES "11_lighthouse_quote_spokesman.txt",
                                        NULL};
    for (size_t i = 0; files[i]; i++) {
        source_of(files[i] + strlen(DISPUTES), id);
        strcat(ids, id);
        strcat(ids, ",");
    }
    long long before = offline_step(&f, NULL, "ingest", files, "factd ingest");
    json_t *entries = feed_since(before), *e;
    size_t i;
    json_array_foreach(entries, i, e) {
        const char *source = json_string_value(json_object_get(e, "source_id"));
        cr_expect(!source || strstr(ids, source), "factd ingest: an entry due to %s", source);
    }
    json_decref(entries);

    /* a deletion */
    http_reply r;
    source_of(posted[1], deleted);
    support_delete_source(deleted, &r);
    cr_assert_eq(r.status, 204, "DELETE: %ld %s", r.status, r.body.buf);
    http_reply_release(&r);
    before = f.seq;
    check_replay(&f, "a deletion");
    expect_due_to(before, deleted, "a deletion");

    /* a re-extraction */
    before = forget_reading(&f, posted[0]);
    expect_due_to(before, NULL, "a merge of an article that says nothing");
    before = read_again(&f, posted[0]);
    expect_due_to(before, NULL, "factd reindex");

    /* a full merge of unchanged facts records nothing */
    before = offline_step(&f, NULL, "merge", (const char *const[]){"--force", NULL},
                          "factd merge --force");
    cr_expect_eq(f.seq, before, "merge --force recorded changes of facts that did not change");
    json_decref(f.facts);
}

Test(http_changes, a_store_that_had_facts_starts_the_feed_with_them)
{
    /* as a store of schema version 10 is migrated: facts and articles, no log, baselines
     * to take */
    follower f = {.facts = json_object(), .seq = 0};
    offline_step(&f,
                 "DELETE FROM changes;"
                 "INSERT INTO meta (key, value) VALUES ('changes_baseline', '0'),"
                 " ('sources_baseline', '0')",
                 "merge", NULL, "the baseline");
    json_t *entries = feed_since(0), *e;
    size_t i;
    cr_assert_eq(json_array_size(entries), json_object_size(f.facts), "one entry a fact");
    json_array_foreach(entries, i, e) {
        cr_expect_str_eq(json_string_value(json_object_get(e, "op")), "created");
        cr_expect(expect_own_article(e, "the baseline") ||
                      json_is_null(json_object_get(e, "source_id")),
                  "a baseline due to an article");
    }
    json_decref(entries);
    /* and once: the next writer finds it taken */
    long long seq = f.seq;
    offline_step(&f, NULL, "merge", NULL, "after the baseline");
    cr_expect_eq(f.seq, seq, "the baseline was taken again");
    json_decref(f.facts);
}

Test(http_changes, a_store_that_had_articles_records_them_and_refuses_the_seqs_before)
{
    /* as a store of schema version 11 is migrated: a log of facts, not of articles, which
     * the next writer records */
    follower f = {.facts = json_object(), .seq = 0};
    offline_step(&f,
                 "DELETE FROM changes WHERE kind = 'source';"
                 "INSERT INTO meta (key, value) VALUES ('sources_baseline', '0')",
                 "merge", NULL, "the articles' baseline");
    json_t *sources = http_get_every_item("/sources?limit=1000");
    cr_assert_gt(json_array_size(sources), 0);
    json_t *entries = feed_since(0), *e;
    size_t i, n = 0;
    long long before = 0;
    json_array_foreach(entries, i, e) {
        if (!expect_own_article(e, "the articles' baseline")) {
            cr_assert_eq(n, 0, "an entry of a fact after the articles' baseline");
            before = json_integer_value(json_object_get(e, "seq"));
            continue;
        }
        cr_expect_str_eq(json_string_value(json_object_get(e, "op")), "created");
        n++;
    }
    cr_assert_eq(n, json_array_size(sources), "one entry an article");
    cr_assert_gt(before, 0);
    json_decref(entries);
    /* the seqs before: which articles were stored then is not known */
    char path[128];
    snprintf(path, sizeof path, "/sources?as_of=%lld", before);
    http_expect_problem(path, 400, "/problems/bad-parameter");
    snprintf(path, sizeof path, "/stats?as_of=%lld", before);
    http_expect_problem(path, 400, "/problems/bad-parameter");
    /* those after: as served */
    snprintf(path, sizeof path, "/sources?limit=1000&as_of=%lld", f.seq);
    json_t *then = http_get_every_item(path);
    cr_expect(json_equal(then, sources), "%s differs from /sources", path);
    json_decref(then);
    json_decref(sources);
    json_decref(f.facts);
}

Test(http_changes, the_feed_pages_and_ndjson_hold_the_same_entries)
{
    json_t *all = feed_since(0);
    cr_assert_gt(json_array_size(all), 16, "too few entries to page through");
    http_reply r;
    http_reply_init(&r);
    cr_assert(http_get("/changes?since=0&limit=1000&format=ndjson", &r));
    cr_assert_eq(r.status, 200);
    strbuf type = STRBUF_INIT;
    cr_assert(http_header(&r, "Content-Type", &type));
    cr_expect(strstr(type.buf, "application/x-ndjson"), "%s", type.buf);
    size_t n = 0;
    for (char *line = r.body.buf, *end; line && *line; line = end + 1, n++) {
        end = strchr(line, '\n');
        cr_assert(end, "the last line has no line feed");
        *end = '\0';
        json_t *e = json_loads(line, 0, NULL);
        cr_assert(e, "line %zu is not JSON", n + 1);
        cr_assert(json_equal(e, json_array_get(all, n)), "line %zu differs from the page's", n + 1);
        json_decref(e);
    }
    cr_expect_eq(n, json_array_size(all));
    http_reply_release(&r);
    http_reply_init(&r);
    const char *accept[] = {"Accept: application/x-ndjson", NULL};
    cr_assert(http_get_with("/changes?limit=2", accept, &r));
    cr_expect_eq(r.status, 200);
    cr_expect(http_header(&r, "Link", &type) && strstr(type.buf, "since=2"), "Link: %s", type.buf);
    http_reply_release(&r);
    strbuf_release(&type);
    json_decref(all);
}

Test(http_changes, the_feed_checks_its_parameters)
{
    static const char *const bad[] = {"/changes?since=-1",   "/changes?since=x",
                                      "/changes?wait=61",    "/changes?wait=",
                                      "/changes?cursor=abc", "/changes?fields=no"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        http_expect_problem(bad[i], 400, "/problems/bad-parameter");
    json_t *page = http_get_json_ok("/changes?since=999999999");
    cr_expect_eq(json_array_size(json_object_get(page, "data")), 0);
    cr_expect(json_is_null(json_object_get(page, "next")));
    json_decref(page);
}

/* --- as of a seq --- */

/* The lists saved at each step: every page of each, in order (small pages on some, so that
 * their cursors are followed), and the items of each kind. */
static const char *const asof_lists[] = {
    "/agreements?limit=1000",
    "/meetings?limit=1000",
    "/quotes?limit=1000",
    "/people?limit=1000",
    "/agreements?sort=-signed&evidence=ids&limit=3",
    "/agreements?sort=name&disputed=false&min_sources=1&limit=4",
    "/agreements?signed_from=2024&signed_to=2025-10&party=PORTUGAL",
    "/meetings?sort=-date&from=2020&evidence=none&limit=2",
    "/quotes?sort=speaker&evidence=none&limit=4",
    "/quotes?sort=-sources&after=",
    "/quotes?speaker=singh&sort=speaker&after=",
    "/agreements?sort=-id&after=",
    "/people?sort=-name&limit=5",
    "/quotes?speaker=singh",
    "/meetings?participant=Hegseth&sort=sources",
    "/agreements?signatory=rajnath%20singh",
    "/quotes?limit=2&source_id=",
    "/agreements?source_id=",
    "/timeline?limit=3&count=exact",
    "/timeline?sort=-date&kind=agreement&from=2020&evidence=ids&limit=2",
    "/conflicts?limit=2&count=exact",
    "/conflicts?attribute=signed&evidence=none",
    "/conflicts?source_id=",
    "/sources?limit=1000",
    "/sources?sort=-title&limit=3&count=exact",
    "/sources?sort=published&fields=id,title,published&limit=4",
};
#define ASOF_NLISTS (sizeof asof_lists / sizeof asof_lists[0])
/* Searches as of a seq: answered as then, or refused when an article of then was removed
 * since (its text is not kept) or a hit's fact then had more spans than its version keeps. */
static const char *const asof_searches[] = {
    "/search?q=signed&limit=100&evidence=ids",
    "/search?q=minister%20OR%20spokesman&kind=quote,agreement&count=exact&limit=100",
    "/search?q=Porto&limit=2",
    "/search?q=%22green%20hydrogen%22%20OR%20tidewater*&kind=source&limit=100",
};
#define ASOF_NSEARCHES (sizeof asof_searches / sizeof asof_searches[0])
static const char *const asof_kinds[] = {"agreements", "meetings", "quotes", "people", "sources"};

/* What the API served at one seq: each list's items, each item's answer by path, the total
 * of a counted list, and when the seq's entry was made. */
typedef struct snapshot {
    long long seq;
    char at[32];
    json_t *lists[ASOF_NLISTS];
    json_t *items; /* path -> the item */
    json_t *texts; /* the path of each article's text -> the text */
    json_t *stats;
    json_t *searches[ASOF_NSEARCHES];
    long long total;
} snapshot;

/* A list's path with as_of (NULL: none) and, for `after=`, the id of the first quote, for
 * `source_id=`, that of the article `source`. */
static void asof_path(char *out, size_t size, const char *list, const char *as_of,
                      const char *first_id, const char *source)
{
    const char *end = list + strlen(list);
    const char *value = end[-1] != '=' ? "" : strstr(list, "after=") ? first_id : source;
    snprintf(out, size, "%s%s%s%s", list, value, as_of ? "&as_of=" : "", as_of ? as_of : "");
}

static long long counted_total(const char *as_of)
{
    char path[128];
    snprintf(path, sizeof path, "/meetings?count=exact&limit=1%s%s", as_of ? "&as_of=" : "",
             as_of ? as_of : "");
    json_t *page = http_get_json_ok(path);
    long long total = json_integer_value(json_object_get(page, "total"));
    json_decref(page);
    return total;
}

/* Saves what the API serves now; `source` is the article of the lists by source_id. */
static void snapshot_take(snapshot *s, const char *source)
{
    json_t *last = feed_since(0);
    size_t n = json_array_size(last);
    json_t *entry = json_array_get(last, n - 1);
    s->seq = n ? json_integer_value(json_object_get(entry, "seq")) : 0;
    snprintf(s->at, sizeof s->at, "%s", n ? json_string_value(json_object_get(entry, "at")) : "");
    json_decref(last);
    json_t *quotes = http_get_every_item("/quotes?limit=1000");
    const char *first = json_string_value(json_object_get(json_array_get(quotes, 0), "id"));
    for (size_t l = 0; l < ASOF_NLISTS; l++) {
        char path[256];
        asof_path(path, sizeof path, asof_lists[l], NULL, first ? first : "none", source);
        s->lists[l] = http_get_every_item(path);
    }
    json_decref(quotes);
    s->items = json_object();
    s->texts = json_object();
    s->stats = http_get_json_ok("/stats");
    for (size_t i = 0; i < ASOF_NSEARCHES; i++)
        s->searches[i] = http_get_every_item(asof_searches[i]);
    for (size_t k = 0; k < 5; k++) {
        char path[128];
        snprintf(path, sizeof path, "/%s?limit=1000", asof_kinds[k]);
        json_t *items = http_get_every_item(path), *item;
        size_t i;
        json_array_foreach(items, i, item) {
            snprintf(path, sizeof path, "/%s/%s", asof_kinds[k],
                     json_string_value(json_object_get(item, "id")));
            json_object_set_new(s->items, path, http_get_json_ok(path));
            if (k == 4) { /* an article: its text */
                http_reply r;
                http_reply_init(&r);
                strcat(path, "/text");
                cr_assert(http_get(path, &r) && r.status == 200, "%s: %ld", path, r.status);
                json_object_set_new(s->texts, path, json_stringn(r.body.buf, r.body.len));
                http_reply_release(&r);
            }
            if (k >= 3) /* people and articles have no evidence */
                continue;
            /* its evidence pages (small ones, to follow their cursors); null when a version
             * cannot tell them: more spans than it keeps inline */
            strbuf evidence = STRBUF_INIT;
            strbuf_addf(&evidence, "%s/evidence", path);
            json_t *spans = json_object_get(item, "sources");
            bool kept = json_integer_value(json_object_get(item, "evidence_total")) <=
                        (json_int_t)json_array_size(spans);
            strbuf_addstr(&evidence, "?limit=3");
            json_object_set_new(s->items, evidence.buf,
                                kept ? http_get_every_item(evidence.buf) : json_null());
            strbuf_release(&evidence);
        }
        json_decref(items);
    }
    s->total = counted_total(NULL);
}

static void snapshot_release(snapshot *s)
{
    for (size_t l = 0; l < ASOF_NLISTS; l++)
        json_decref(s->lists[l]);
    json_decref(s->items);
    json_decref(s->texts);
    json_decref(s->stats);
    for (size_t i = 0; i < ASOF_NSEARCHES; i++)
        json_decref(s->searches[i]);
}

/* Whether a search as of s's seq cannot be answered: an article s served is not stored now,
 * or one of `hits` is a fact that had more spans than it carried. */
static bool search_refused(const snapshot *s, const json_t *hits)
{
    size_t i;
    json_t *hit;
    json_array_foreach(hits, i, hit) {
        json_t *fact = json_object_get(hit, "fact");
        if (strcmp(json_string_value(json_object_get(hit, "kind")), "source") != 0 &&
            json_integer_value(json_object_get(fact, "evidence_total")) >
                (json_int_t)json_array_size(json_object_get(fact, "sources")))
            return true;
    }
    const char *item;
    json_t *unused;
    json_object_foreach(s->texts, item, unused) {
        char path[128];
        http_reply r;
        snprintf(path, sizeof path, "%.*s", (int)(strlen(item) - strlen("/text")), item);
        http_reply_init(&r);
        cr_assert(http_get(path, &r));
        bool gone = r.status == 404;
        http_reply_release(&r);
        if (gone)
            return true;
    }
    return false;
}

/* How many searches as of a seq were answered and refused, all steps together. */
static size_t searches_answered, searches_refused;

/* Asserts that the API answers as of `as_of` what s saved; `every_item` holds the path of
 * every item any step served: one s did not serve is not found as of it. */
static void expect_as_of(const snapshot *s, const char *as_of, const json_t *every_item,
                         const char *source)
{
    json_t *quotes = s->lists[2];
    const char *first = json_string_value(json_object_get(json_array_get(quotes, 0), "id"));
    for (size_t l = 0; l < ASOF_NLISTS; l++) {
        char path[256];
        asof_path(path, sizeof path, asof_lists[l], as_of, first ? first : "none", source);
        json_t *got = http_get_every_item(path);
        cr_expect(json_equal(got, s->lists[l]), "%s differs from what seq %lld served", path,
                  s->seq);
        json_decref(got);
    }
    const char *item;
    json_t *unused;
    json_object_foreach((json_t *)every_item, item, unused) {
        char path[256];
        json_t *saved = json_object_get(s->items, item);
        bool evidence = strstr(item, "/evidence?");
        snprintf(path, sizeof path, "%s%cas_of=%s", item, evidence ? '&' : '?', as_of);
        if (!saved) {
            http_expect_problem(path, 404, "/problems/not-found");
            continue;
        }
        if (json_is_null(saved)) { /* more spans than the version keeps */
            http_expect_problem(path, 400, "/problems/bad-parameter");
            continue;
        }
        json_t *got = evidence ? http_get_every_item(path) : http_get_json_ok(path);
        cr_expect(json_equal(got, saved), "%s differs from what seq %lld served", path, s->seq);
        json_decref(got);
    }
    cr_expect_eq(counted_total(as_of), s->total, "as_of=%s: the count differs", as_of);
    char path[256];
    for (size_t i = 0; i < ASOF_NSEARCHES; i++) {
        snprintf(path, sizeof path, "%s&as_of=%s", asof_searches[i], as_of);
        if (search_refused(s, s->searches[i])) {
            if (strstr(path, "limit=100")) { /* one page: refused at once */
                http_expect_problem(path, 400, "/problems/bad-parameter");
                searches_refused++;
            }
            continue;
        }
        json_t *got = http_get_every_item(path);
        cr_expect(json_equal(got, s->searches[i]), "%s differs from what seq %lld served", path,
                  s->seq);
        json_decref(got);
        searches_answered++;
    }
    snprintf(path, sizeof path, "/stats?as_of=%s", as_of);
    json_t *stats = http_get_json_ok(path);
    cr_expect(json_equal(stats, s->stats), "%s differs from what seq %lld served", path, s->seq);
    json_decref(stats);
    /* each article's text as of then: the same bytes while it is stored, refused once it
     * was removed (the log keeps what /sources served, not the text) */
    json_t *text;
    json_object_foreach(s->texts, item, text) {
        http_reply r;
        char article[128];
        snprintf(article, sizeof article, "%.*s", (int)(strlen(item) - strlen("/text")), item);
        http_reply_init(&r);
        cr_assert(http_get(article, &r));
        bool stored = r.status == 200;
        http_reply_release(&r);
        snprintf(path, sizeof path, "%s?as_of=%s", item, as_of);
        if (!stored) {
            http_expect_problem(path, 400, "/problems/bad-parameter");
            continue;
        }
        http_reply_init(&r);
        cr_assert(http_get(path, &r));
        cr_expect_eq(r.status, 200, "%s: %ld", path, r.status);
        cr_expect(r.body.len == json_string_length(text) &&
                      memcmp(r.body.buf, json_string_value(text), r.body.len) == 0,
                  "%s: not the text seq %lld served", path, s->seq);
        http_reply_release(&r);
    }
}

Test(http_changes, as_of_answers_what_each_seq_served)
{
    follower f = {.facts = json_object(), .seq = 0};
    snapshot shots[8];
    size_t n = 0;
    char id[SOURCE_ID_LEN + 1], source[SOURCE_ID_LEN + 1];
    http_reply r;

    source_of("01_tidewater_signed_porto.txt", source); /* posted, then re-extracted */
    check_replay(&f, "the bundled corpus, ingested");
    snapshot_take(&shots[n++], source);
    static const char *const posted[] = {"01_tidewater_signed_porto.txt",
                                         "02_tidewater_signed_porto_15.txt",
                                         "10_lighthouse_quote_minister.txt"};
    for (size_t i = 0; i < 3; i++) {
        post_file(posted[i], id);
        snapshot_take(&shots[n++], source);
    }
    /* a deletion */
    source_of(posted[1], id);
    support_delete_source(id, &r);
    cr_assert_eq(r.status, 204, "DELETE: %ld %s", r.status, r.body.buf);
    http_reply_release(&r);
    snapshot_take(&shots[n++], source);
    /* a re-extraction */
    forget_reading(&f, posted[0]);
    snapshot_take(&shots[n++], source);
    read_again(&f, posted[0]);
    snapshot_take(&shots[n++], source);
    post_file("03_tidewater_signed_lisbon.txt", id);
    snapshot_take(&shots[n++], source);

    json_t *every_item = json_object();
    for (size_t i = 0; i < n; i++)
        json_object_update(every_item, shots[i].items);
    /* the steps changed what was served: facts were made, changed and went */
    cr_assert(!json_equal(shots[0].lists[0], shots[n - 1].lists[0]),
              "the agreements never changed");
    cr_assert_gt(json_object_size(every_item), json_object_size(shots[0].items));
    cr_assert_gt(json_object_size(every_item), json_object_size(shots[n - 1].items));
    /* evidence pages both answered and refused as of a seq */
    size_t answered = 0, refused = 0;
    const char *path;
    json_t *saved;
    json_object_foreach(every_item, path, saved)
        if (strstr(path, "/evidence?") && json_is_null(saved))
            refused++;
        else if (strstr(path, "/evidence?"))
            answered++;
    cr_assert(answered > 0 && refused > 0, "evidence: %zu answered, %zu refused", answered,
              refused);
    for (size_t i = 0; i < n; i++) {
        char seq[32];
        snprintf(seq, sizeof seq, "%lld", shots[i].seq);
        expect_as_of(&shots[i], seq, every_item, source);
        /* the time of the seq's entry is that seq, unless the next write came in the same
         * millisecond */
        if (i + 1 < n && strcmp(shots[i].at, shots[i + 1].at) != 0)
            expect_as_of(&shots[i], shots[i].at, every_item, source);
    }
    /* beyond the newest seq: the present */
    expect_as_of(&shots[n - 1], "999999999", every_item, source);
    cr_expect(searches_answered > 0 && searches_refused > 0,
              "searches as of a seq: %zu answered, %zu refused", searches_answered,
              searches_refused);
    /* before the first entry: nothing */
    json_t *none = http_get_json_ok("/agreements?as_of=0");
    cr_expect_eq(json_array_size(json_object_get(none, "data")), 0);
    json_decref(none);
    none = http_get_json_ok("/people?as_of=2000-01-01T00:00:00%2B02:00");
    cr_expect_eq(json_array_size(json_object_get(none, "data")), 0);
    json_decref(none);
    http_expect_problem("/quotes/none?as_of=0", 404, "/problems/not-found");
    none = http_get_json_ok("/sources?as_of=0");
    cr_expect_eq(json_array_size(json_object_get(none, "data")), 0);
    json_decref(none);
    none = http_get_json_ok("/stats?as_of=0");
    cr_expect_eq(json_integer_value(json_object_get(json_object_get(none, "counts"), "sources")),
                 0);
    json_decref(none);
    for (size_t i = 0; i < n; i++)
        snapshot_release(&shots[i]);
    json_decref(every_item);
    json_decref(f.facts);
}

Test(http_changes, as_of_refuses_what_it_cannot_answer)
{
    static const char *const bad[] = {
        "/agreements?as_of=x",
        "/agreements?as_of=-1",
        "/agreements?as_of=2026-02-30T00:00:00Z",
        "/agreements?as_of=2026-12-07",
        "/agreements?as_of=2026-12-07T10:00:00",
        "/quotes?as_of=1&from=2025",
        "/quotes/abc?as_of=1&speaker=someone",
        "/changes?as_of=1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        http_expect_problem(bad[i], 400, "/problems/bad-parameter");
    /* what the change log does not keep: refused, saying so, whatever the seq */
    json_t *sources = http_get_every_item("/sources?limit=1000");
    const char *source = json_string_value(json_object_get(json_array_get(sources, 0), "id"));
    cr_assert(source, "no article to ask for");
    static const char *const refused[][2] = {{"/sources/", "/facts?as_of=1"},
                                             {"/sources?q=pact&as_of=1", NULL}};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        char path[160];
        http_reply r;
        snprintf(path, sizeof path, "%s%s%s", refused[i][0], refused[i][1] ? source : "",
                 refused[i][1] ? refused[i][1] : "");
        http_reply_init(&r);
        cr_assert(http_get(path, &r));
        cr_expect_eq(r.status, 400, "%s: %ld", path, r.status);
        json_t *problem = json_loads(r.body.buf, 0, NULL);
        const char *detail = json_string_value(json_object_get(problem, "detail"));
        cr_expect(detail && strncmp(detail, "as_of: ", 7) == 0 &&
                      strstr(detail, "cannot be answered"),
                  "%s: %s", path, r.body.buf);
        json_decref(problem);
        http_reply_release(&r);
    }
    json_decref(sources);
}

/* --- following: event streams and long polls --- */

/* An event stream read on a thread of its own until it has `want` events (or the test says
 * stop). */
typedef struct stream {
    char headers[3][64]; /* Accept, Last-Event-ID */
    const char *path;
    size_t want;
    strbuf text;
    json_t *events; /* [{"id", "data"}] */
    atomic_bool greeted, stop;
    long status;
    char type[128];
    pthread_t thread;
} stream;

/* Takes the events whole in s->text: "id: N", "data: JSON", a blank line. */
static void take_events(stream *s)
{
    char *end;
    while ((end = strstr(s->text.buf, "\n\n"))) {
        *end = '\0';
        const char *id = strstr(s->text.buf, "id: ");
        const char *data = strstr(s->text.buf, "data: ");
        if (strstr(s->text.buf, "retry: ") == s->text.buf)
            atomic_store(&s->greeted, true);
        if (id && data)
            json_array_append_new(s->events,
                                  json_pack("{s:I, s:o}", "id", (json_int_t)atoll(id + 4), "data",
                                            json_loads(data + 6, 0, NULL)));
        size_t rest = s->text.len - (size_t)(end + 2 - s->text.buf);
        memmove(s->text.buf, end + 2, rest + 1);
        s->text.len = rest;
    }
}

static size_t on_stream_bytes(char *data, size_t size, size_t n, void *arg)
{
    stream *s = arg;
    strbuf_add(&s->text, data, size * n);
    take_events(s);
    return json_array_size(s->events) >= s->want || atomic_load(&s->stop) ? 0 : size * n;
}

static int on_stream_progress(void *arg, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d)
{
    stream *s = arg;
    (void)a, (void)b, (void)c, (void)d;
    return atomic_load(&s->stop);
}

static void *stream_main(void *arg)
{
    stream *s = arg;
    char url[512];
    struct curl_slist *headers = NULL;
    snprintf(url, sizeof url, "http://127.0.0.1:%u%s", harness_port(), s->path);
    for (size_t i = 0; i < 3 && s->headers[i][0]; i++)
        headers = curl_slist_append(headers, s->headers[i]);
    CURL *curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_stream_bytes);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_stream_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, s);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)PATIENCE_S);
    curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &s->status);
    char *type = NULL;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
    snprintf(s->type, sizeof s->type, "%s", type ? type : "");
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);
    atomic_store(&s->greeted, true); /* whatever happened, nobody need wait for it */
    return NULL;
}

/* Opens an event stream of path resuming after last_event_id (< 0: none), on a thread. */
static void stream_open(stream *s, const char *path, long long last_event_id, size_t want)
{
    memset(s, 0, sizeof *s);
    snprintf(s->headers[0], sizeof s->headers[0], "Accept: text/event-stream");
    if (last_event_id >= 0)
        snprintf(s->headers[1], sizeof s->headers[1], "Last-Event-ID: %lld", last_event_id);
    s->path = path;
    s->want = want;
    strbuf_init(&s->text);
    s->events = json_array();
    atomic_init(&s->greeted, false);
    atomic_init(&s->stop, false);
    cr_assert_eq(pthread_create(&s->thread, NULL, stream_main, s), 0);
}

/* Waits until the stream has said its first words (its connection is then open). */
static void stream_wait_greeted(stream *s)
{
    double deadline = support_now() + PATIENCE_S;
    while (!atomic_load(&s->greeted)) {
        cr_assert_lt(support_now(), deadline, "the event stream never began");
        support_sleep_ms(10);
    }
}

static void stream_close(stream *s)
{
    atomic_store(&s->stop, true);
    pthread_join(s->thread, NULL);
    strbuf_release(&s->text);
}

/* Asserts that the events are the entries after seq `after`, in order, the same JSON. */
static void expect_events(const stream *s, long long after)
{
    json_t *entries = feed_since(after), *ev;
    size_t i;
    cr_assert_eq(s->status, 200);
    cr_expect(strstr(s->type, "text/event-stream"), "Content-Type: %s", s->type);
    cr_assert_geq(json_array_size(entries), json_array_size(s->events));
    json_array_foreach(s->events, i, ev) {
        json_t *entry = json_array_get(entries, i);
        cr_assert_eq(json_integer_value(json_object_get(ev, "id")),
                     json_integer_value(json_object_get(entry, "seq")),
                     "event %zu: its id is not its seq", i);
        cr_assert(json_equal(json_object_get(ev, "data"), entry),
                  "event %zu differs from the "
                  "entry of seq %lld",
                  i, (long long)json_integer_value(json_object_get(ev, "id")));
    }
    json_decref(entries);
}

Test(http_changes, an_event_stream_resumes_after_its_last_event_id)
{
    long long last = last_seq(), middle = last / 2;
    cr_assert_gt(last, 2);
    stream s;
    /* since says 0, but a reconnecting client's Last-Event-ID wins */
    stream_open(&s, "/changes?since=0", middle, (size_t)(last - middle));
    pthread_join(s.thread, NULL);
    cr_assert_eq(json_array_size(s.events), (size_t)(last - middle), "%zu events of %lld",
                 json_array_size(s.events), last - middle);
    expect_events(&s, middle);
    strbuf_release(&s.text);
    json_decref(s.events);
}

Test(http_changes, an_event_stream_sends_the_changes_that_come_while_it_is_open)
{
    long long last = last_seq();
    stream s;
    char id[SOURCE_ID_LEN + 1];
    stream_open(&s, "/changes", last, 1);
    stream_wait_greeted(&s);
    post_file("05_coral_compact_full_date.txt", id);
    pthread_join(s.thread, NULL);
    cr_assert_geq(json_array_size(s.events), 1, "no event came for the posted article");
    expect_events(&s, last);
    json_t *data = json_object_get(json_array_get(s.events, 0), "data");
    cr_expect_str_eq(json_string_value(json_object_get(data, "source_id")), id);
    strbuf_release(&s.text);
    json_decref(s.events);
}

/* A long poll on a thread of its own, asked again while the server has no place for it or
 * while it comes back empty. */
typedef struct long_poll {
    char path[128];
    http_reply reply;
    bool sent;
    pthread_t thread;
} long_poll;

static void *long_poll_main(void *arg)
{
    long_poll *p = arg;
    double deadline = support_now() + PATIENCE_S;
    for (;;) {
        http_reply_init(&p->reply);
        p->sent = http_get_direct(p->path, &p->reply);
        /* empty: its time ran out before the change came (a slow machine) */
        bool again = p->sent &&
                     (p->reply.status == 503 ||
                      (p->reply.status == 200 && strstr(p->reply.body.buf, "\"data\":[]")));
        if (!again || support_now() > deadline)
            return NULL;
        http_reply_release(&p->reply);
        support_sleep_ms(10);
    }
}

/* GET /changes?since=<since>&wait=1 once: its status. */
static long probe(long long since)
{
    char path[128];
    http_reply r;
    http_reply_init(&r);
    snprintf(path, sizeof path, "/changes?since=%lld&wait=1", since);
    cr_assert(http_get_direct(path, &r));
    long status = r.status;
    if (status == 503) {
        strbuf v = STRBUF_INIT;
        cr_expect(http_header(&r, "Retry-After", &v), "a 503 without Retry-After");
        cr_expect(strstr(r.body.buf, "/problems/too-many-waiting"), "%s", r.body.buf);
        strbuf_release(&v);
    } else {
        cr_assert_eq(status, 200, "%ld: %s", status, r.body.buf);
        cr_expect(strstr(r.body.buf, "\"data\":[]"), "nothing came, yet: %s", r.body.buf);
    }
    http_reply_release(&r);
    return status;
}

Test(http_changes, a_long_poll_is_answered_when_a_change_comes_and_waiting_clients_are_bounded)
{
    /* one waiting client at most: a probe answered 503 tells that the long poll waits */
    /* a short --timeout makes event streams' keep-alives, which find a closed one, frequent */
    support_restart_with_token((const char *const[]){"--max-waiting", "1", "--timeout", "4", NULL});
    long long last = last_seq();
    long_poll p = {.sent = false};
    snprintf(p.path, sizeof p.path, "/changes?since=%lld&wait=25", last);
    cr_assert_eq(pthread_create(&p.thread, NULL, long_poll_main, &p), 0);
    double deadline = support_now() + PATIENCE_S;
    while (probe(last) != 503)
        cr_assert_lt(support_now(), deadline, "the long poll never waited");
    char id[SOURCE_ID_LEN + 1];
    post_file("06_coral_compact_month.txt", id);
    pthread_join(p.thread, NULL);
    cr_assert(p.sent);
    cr_assert_eq(p.reply.status, 200, "%ld: %s", p.reply.status, p.reply.body.buf);
    json_t *doc = http_json(&p.reply), *entries = feed_since(last);
    json_t *data = json_object_get(doc, "data");
    cr_assert_gt(json_array_size(data), 0, "the long poll came back empty");
    for (size_t i = 0; i < json_array_size(data); i++)
        cr_expect(json_equal(json_array_get(data, i), json_array_get(entries, i)),
                  "entry %zu differs from the feed's", i);
    json_decref(doc);
    json_decref(entries);
    http_reply_release(&p.reply);

    /* an event stream counts as a waiting client for as long as it is open */
    stream s;
    stream_open(&s, "/changes", last_seq(), 1000);
    stream_wait_greeted(&s);
    cr_expect_eq(probe(last_seq()), 503);
    stream_close(&s);
    json_decref(s.events);
    /* its place is given back once the server sees it gone (at its next keep-alive) */
    deadline = support_now() + PATIENCE_S;
    while (probe(last_seq()) != 200)
        cr_assert_lt(support_now(), deadline, "the closed stream kept its place");
}

Test(http_changes, a_long_poll_that_nothing_answers_ends_with_an_empty_page)
{
    cr_expect_eq(probe(last_seq()), 200);
    /* with changes after since, it answers them as a page without waiting */
    json_t *page = http_get_json_ok("/changes?since=0&wait=20&limit=3");
    cr_expect_eq(json_array_size(json_object_get(page, "data")), 3);
    json_decref(page);
}

/* --- the kinds asked for --- */

/* The entries of `all` whose kind is one of the comma-separated `kinds`. */
static json_t *entries_of(const json_t *all, const char *kinds)
{
    json_t *kept = json_array(), *e;
    size_t i;
    json_array_foreach((json_t *)all, i, e) {
        const char *kind = json_string_value(json_object_get(e, "kind"));
        size_t n = strlen(kind);
        for (const char *p = kinds; p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
            if (strncmp(p, kind, n) == 0 && (p[n] == ',' || p[n] == '\0'))
                json_array_append(kept, e);
    }
    return kept;
}

Test(http_changes, the_feed_keeps_the_kinds_asked_for)
{
    static const char *const kinds[] = {"agreement", "meeting,quote", "person,agreement",
                                        "quote,meeting,agreement,person"};
    json_t *all = feed_since(0);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        char path[128];
        snprintf(path, sizeof path, "/changes?since=0&limit=3&kind=%s", kinds[k]);
        json_t *want = entries_of(all, kinds[k]), *got = http_get_every_item(path);
        cr_assert_gt(json_array_size(want), 0, "no entry of %s to keep", kinds[k]);
        cr_expect(json_equal(got, want), "%s: %zu entries, the feed has %zu of those kinds", path,
                  json_array_size(got), json_array_size(want));
        json_decref(got);
        json_decref(want);
    }
    /* an event stream of some kinds sends those alone */
    json_t *want = entries_of(all, "meeting,quote");
    stream s;
    stream_open(&s, "/changes?since=0&kind=meeting,quote", -1, json_array_size(want));
    pthread_join(s.thread, NULL);
    cr_assert_eq(json_array_size(s.events), json_array_size(want));
    json_t *ev;
    size_t i;
    json_array_foreach(s.events, i, ev)
        cr_expect(json_equal(json_object_get(ev, "data"), json_array_get(want, i)),
                  "event %zu is not the entry of a meeting or quote it should be", i);
    strbuf_release(&s.text);
    json_decref(s.events);
    json_decref(want);
    static const char *const bad[] = {"/changes?kind=bogus", "/changes?kind=agreements",
                                      "/changes?kind=agreement,", "/changes?kind=,quote",
                                      "/changes?kind="};
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
        http_expect_problem(bad[b], 400, "/problems/bad-parameter");
    json_decref(all);
}

Test(http_changes, an_event_stream_of_one_kind_goes_past_the_entries_of_others)
{
    long long last = last_seq();
    stream s;
    char id[SOURCE_ID_LEN + 1];
    /* the write makes its people's entries first: the stream must pass them by */
    stream_open(&s, "/changes?kind=quote", last, 1);
    stream_wait_greeted(&s);
    post_file("10_lighthouse_quote_minister.txt", id);
    pthread_join(s.thread, NULL);
    cr_assert_eq(json_array_size(s.events), 1, "no event came for the posted quote");
    json_t *data = json_object_get(json_array_get(s.events, 0), "data"), *after = feed_since(last);
    json_t *quotes = entries_of(after, "quote");
    cr_expect_str_eq(json_string_value(json_object_get(data, "kind")), "quote");
    cr_expect(json_equal(data, json_array_get(quotes, 0)),
              "the event is not the write's first quote");
    cr_expect_gt(json_array_size(after), json_array_size(quotes),
                 "the write made no entry of another kind to pass by");
    json_decref(quotes);
    json_decref(after);
    strbuf_release(&s.text);
    json_decref(s.events);
}
