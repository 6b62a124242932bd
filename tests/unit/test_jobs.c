/* Unit tests of live ingestion: the job queue in the store (states, order, requeue after a
 * crash), ingest_text() and its refusals, ingest_run_job() (one merge per job, facts served
 * before the job says done, duplicates), deleting an article that shares a fact with another,
 * and reindexing after an upgrade of the extractor (fact ids kept).  Every article here is
 * invented. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "store/store.h"
#include "tests/unit/test_db.h"
#include "tests/unit/test_rows.h"

/* A wire story: an agreement and a meeting that only it reports, and a quote that the
 * second story repeats word for word. */
static const char WIRE[] =
    "Chile and Norway sign fisheries accord\n"
    "\n"
    "SANTIAGO, March 3, 2025 (Reuters) – Chile and Norway signed the Southern Ocean Fisheries "
    "Agreement (SOFA) in Santiago on 3 March 2025.\n"
    "\n"
    "Chilean Fisheries Minister Rosa Quintana met Norwegian Trade Minister Lars Eide in Santiago "
    "on 3 March 2025 before the ceremony.\n"
    "\n"
    "“Our boats will share what they catch,” said Quintana.\n";

/* A home paper: the same quote, and one of its own. */
static const char HOME[] =
    "Eide home with fisheries deal\n"
    "\n"
    "OSLO — Trade Minister Lars Eide flew home from Chile on Tuesday.\n"
    "\n"
    "“Our boats will share what they catch,” Chilean Fisheries Minister Rosa Quintana told "
    "reporters.\n"
    "\n"
    "“Salmon will not cost more in Oslo,” Eide said.\n";


TestSuite(jobs, .init = test_db_make, .fini = test_db_remove);

/* --- the database as a bystander sees it --- */

static long long raw_int(const char *sql, const char *param)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    if (param)
        sqlite3_bind_text(stmt, 1, param, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW, "%s", sql);
    long long n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

static void exec_raw(const char *sql)
{
    sqlite3 *db;
    char *err = NULL;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &err), SQLITE_OK, "%s", err ? err : "?");
    sqlite3_close(db);
}

/* The database is sound: SQLite's own check and every foreign key. */
static void assert_sound(void)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(test_db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    cr_assert_str_eq((const char *)sqlite3_column_text(stmt, 0), "ok");
    sqlite3_finalize(stmt);
    cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_DONE, "a foreign key names nothing");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

static long long generation(store *st)
{
    store_version v;
    cr_assert_eq(store_get_version(st, &v), STORE_OK, "%s", store_errmsg(st));
    return v.generation;
}

static long long count(store *st, enum store_kind kind)
{
    long long n = -1;
    cr_assert_eq(store_count(st, kind, &n), STORE_OK, "%s", store_errmsg(st));
    return n;
}

/* Every fact the API serves, by list: {"people": [...], "agreements": [...], ...}. */
static json_t *served_facts(store *st)
{
    static const struct {
        enum store_kind kind;
        const char *name;
    } kinds[] = {{STORE_PEOPLE, "people"},
                 {STORE_AGREEMENTS, "agreements"},
                 {STORE_MEETINGS, "meetings"},
                 {STORE_QUOTES, "quotes"}};
    json_t *all = json_object();
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        json_t *items;
        bool more;
        cr_assert_eq(test_store_list(st, kinds[i].kind, NULL, 1000, &items, &more), STORE_OK, "%s",
                     store_errmsg(st));
        cr_assert(!more);
        json_object_set_new(all, kinds[i].name, items);
    }
    return all;
}

static const char *brief(const json_t *j)
{
    static char buf[2048];
    char *s = json_dumps(j, JSON_COMPACT);
    snprintf(buf, sizeof(buf), "%s", s ? s : "?");
    free(s);
    return buf;
}

/* The served fact of a list whose text (quotes) or name (agreements) is exactly `what`. */
static json_t *served(store *st, enum store_kind kind, const char *member, const char *what)
{
    json_t *items;
    bool more;
    const json_t *item;
    size_t i;
    json_t *found = NULL;
    cr_assert_eq(test_store_list(st, kind, NULL, 1000, &items, &more), STORE_OK);
    json_array_foreach(items, i, item) {
        const char *v = json_string_value(json_object_get(item, member));
        if (v && !strcmp(v, what))
            found = json_incref((json_t *)item);
    }
    json_decref(items);
    return found;
}

static ingest_text_report ingest(store *st, const char *text, bool merge)
{
    ingest_text_report r;
    ingest_article a = {.text = text, .len = strlen(text)};
    cr_assert_eq(ingest_text(st, &a, merge, &r), INGEST_OK, "%s", store_errmsg(st));
    return r;
}

static const char *job_str(const json_t *job, const char *key)
{
    return json_string_value(json_object_get(job, key));
}

static json_t *get_job(store *st, const char *id)
{
    json_t *job = NULL;
    cr_assert_eq(test_store_get_job(st, id, &job), STORE_OK, "%s", store_errmsg(st));
    return job;
}

static char *enqueue(store *st, const char *text, size_t len)
{
    char *id = NULL;
    store_job_in in = {.text = text, .len = len};
    cr_assert_eq(store_enqueue_job(st, &in, &id), STORE_OK, "%s", store_errmsg(st));
    return id;
}

/* --- the schema --- */

Test(jobs, a_new_database_has_the_jobs_table_and_readers_accept_it)
{
    store_close(test_db_open_rw());
    cr_assert_geq(raw_int("PRAGMA user_version", NULL), 6);
    cr_assert_eq(raw_int("SELECT count(*) FROM jobs", NULL), 0);
    cr_assert_eq(raw_int("SELECT count(*) FROM pragma_table_info('jobs')"
                         " WHERE name IN ('owner', 'lease_expires_at')",
                         NULL),
                 2, "a running job has an owner and a lease (version 6)");
    cr_assert_eq(raw_int("SELECT count(*) FROM source_hints", NULL), 0);
    store *r = test_db_open_ro();
    long long queued = -1, running = -1;
    cr_assert_eq(store_job_queue(r, &queued, &running), STORE_OK, "%s", store_errmsg(r));
    cr_assert_eq(queued, 0);
    cr_assert_eq(running, 0);
    store_close(r);
}

/* --- the queue --- */

Test(jobs, a_job_goes_from_queued_to_running_to_done)
{
    store *st = test_db_open_rw();
    long long g0 = generation(st), queued, running;

    char *id = enqueue(st, WIRE, strlen(WIRE));
    cr_assert_eq(strlen(id), 16);
    cr_assert_eq(strspn(id, "0123456789abcdef"), 16, "%s", id);
    cr_assert_gt(generation(st), g0, "queueing is a write: ETags change");

    json_t *job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "id"), id);
    cr_assert_str_eq(job_str(job, "state"), "queued");
    const char *created = job_str(job, "created_at");
    cr_assert(created && strlen(created) == 24 && created[10] == 'T' && created[23] == 'Z',
              "UTC ISO 8601 to the millisecond: %s", brief(job));
    cr_assert(json_is_null(json_object_get(job, "started_at")));
    cr_assert(json_is_null(json_object_get(job, "finished_at")));
    cr_assert(json_is_null(json_object_get(job, "source_id")));
    cr_assert(json_is_null(json_object_get(job, "counts")));
    cr_assert(json_is_null(json_object_get(job, "error")));
    json_decref(job);
    cr_assert_eq(store_job_queue(st, &queued, &running), STORE_OK);
    cr_assert_eq(queued, 1);
    cr_assert_eq(running, 0);

    store_job claimed;
    cr_assert_eq(store_claim_job(st, &claimed), STORE_OK, "%s", store_errmsg(st));
    cr_assert_str_eq(claimed.id, id);
    cr_assert_eq(claimed.len, strlen(WIRE));
    cr_assert_eq(memcmp(claimed.text, WIRE, claimed.len), 0, "the bytes as posted");
    cr_assert_eq(claimed.attempts, 1);
    cr_assert_geq(claimed.waited_seconds, 0.0);
    cr_assert_null(claimed.title);
    job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "state"), "running");
    cr_assert_not_null(job_str(job, "started_at"));
    json_decref(job);
    cr_assert_eq(store_job_queue(st, &queued, &running), STORE_OK);
    cr_assert_eq(queued, 0);
    cr_assert_eq(running, 1);

    store_job none;
    cr_assert_eq(store_claim_job(st, &none), STORE_NOT_FOUND, "a running job is not claimed twice");

    store_fact_counts counts = {.agreements = 1, .meetings = 2, .quotes = 3, .people = 4};
    cr_assert_eq(store_finish_job(st, id, "0123456789ab", false, &counts), STORE_OK, "%s",
                 store_errmsg(st));
    job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "state"), "done");
    cr_assert_str_eq(job_str(job, "source_id"), "0123456789ab");
    cr_assert_not_null(job_str(job, "finished_at"));
    cr_assert(json_is_false(json_object_get(job, "already_stored")));
    json_t *expected = json_pack("{s:i, s:i, s:i, s:i}", "agreements", 1, "meetings", 2, "quotes",
                                 3, "people", 4);
    cr_assert(json_equal(json_object_get(job, "counts"), expected), "%s", brief(job));
    json_decref(expected);
    cr_assert(json_is_null(json_object_get(job, "error")));
    json_decref(job);
    cr_assert_eq(raw_int("SELECT count(*) FROM jobs WHERE text IS NULL", NULL), 1,
                 "a finished job drops its copy of the text");
    cr_assert_eq(store_job_queue(st, &queued, &running), STORE_OK);
    cr_assert_eq(queued + running, 0);

    store_job_release(&claimed);
    free(id);
    store_close(st);
}

Test(jobs, only_the_allowed_state_changes_happen)
{
    store *st = test_db_open_rw();
    store_fact_counts counts = {0};
    char *queued_id = enqueue(st, "one", 3);

    cr_assert_eq(store_finish_job(st, queued_id, "0123456789ab", false, &counts), STORE_CONFLICT,
                 "a queued job cannot be done without running");
    cr_assert(strstr(store_errmsg(st), "queued"), "%s", store_errmsg(st));
    cr_assert_eq(store_fail_job(st, queued_id, "withdrawn"), STORE_OK, "a queued job may fail");
    json_t *job = get_job(st, queued_id);
    cr_assert_str_eq(job_str(job, "state"), "failed");
    cr_assert_str_eq(job_str(job, "error"), "withdrawn");
    cr_assert(json_is_null(json_object_get(job, "counts")));
    json_decref(job);
    cr_assert_eq(store_fail_job(st, queued_id, "again"), STORE_CONFLICT, "failed is final");
    cr_assert_eq(store_finish_job(st, queued_id, "0123456789ab", false, &counts), STORE_CONFLICT);

    char *id = enqueue(st, "two", 3);
    store_job claimed;
    cr_assert_eq(store_claim_job(st, &claimed), STORE_OK);
    cr_assert_eq(store_finish_job(st, id, "0123456789ab", true, &counts), STORE_OK);
    cr_assert_eq(store_fail_job(st, id, "late"), STORE_CONFLICT, "done is final");
    cr_assert_eq(store_finish_job(st, id, "0123456789ab", true, &counts), STORE_CONFLICT);

    json_t *unknown = NULL;
    cr_assert_eq(test_store_get_job(st, "0000000000000000", &unknown), STORE_NOT_FOUND);
    cr_assert_null(unknown);
    cr_assert_eq(store_fail_job(st, "0000000000000000", "x"), STORE_NOT_FOUND);
    cr_assert_eq(store_finish_job(st, "0000000000000000", "0123456789ab", false, &counts),
                 STORE_NOT_FOUND);

    store_job_release(&claimed);
    free(queued_id);
    free(id);
    store_close(st);
}

Test(jobs, jobs_are_claimed_first_in_first_out_with_their_hints)
{
    store *st = test_db_open_rw();
    char *ids[5];
    for (int i = 0; i < 5; i++) {
        char text[32], title[32];
        snprintf(text, sizeof(text), "article %d", i);
        snprintf(title, sizeof(title), "Title %d", i);
        store_job_in in = {.text = text,
                           .len = strlen(text),
                           .title = title,
                           .url = i == 2 ? "https://example.org/2" : NULL,
                           .published = "2025-03-04"};
        cr_assert_eq(store_enqueue_job(st, &in, &ids[i]), STORE_OK, "%s", store_errmsg(st));
    }
    for (int i = 0; i < 5; i++) {
        store_job job;
        char title[32];
        cr_assert_eq(store_claim_job(st, &job), STORE_OK, "%s", store_errmsg(st));
        cr_assert_str_eq(job.id, ids[i], "claim %d", i);
        snprintf(title, sizeof(title), "Title %d", i);
        cr_assert_str_eq(job.title, title);
        cr_assert_str_eq(job.published, "2025-03-04");
        if (i == 2)
            cr_assert_str_eq(job.url, "https://example.org/2");
        else
            cr_assert_null(job.url);
        store_job_release(&job);
        free(ids[i]);
    }
    store_close(st);
}

Test(jobs, a_crash_leaves_running_jobs_that_the_next_start_queues_again)
{
    store *st = test_db_open_rw();
    char *first = enqueue(st, WIRE, strlen(WIRE));
    char *second = enqueue(st, HOME, strlen(HOME));
    store_job claimed;
    cr_assert_eq(store_claim_job(st, &claimed), STORE_OK);
    cr_assert_str_eq(claimed.id, first);
    store_job_release(&claimed);
    /* The process dies here: the handle goes away with the job still running. */
    store_close(st);

    st = test_db_open_rw();
    long long requeued = -1, failed = -1;
    cr_assert_eq(store_requeue_jobs(st, INGEST_JOB_ATTEMPTS, &requeued, &failed), STORE_OK, "%s",
                 store_errmsg(st));
    cr_assert_eq(requeued, 1);
    cr_assert_eq(failed, 0);
    json_t *job = get_job(st, first);
    cr_assert_str_eq(job_str(job, "state"), "queued");
    cr_assert(json_is_null(json_object_get(job, "started_at")));
    json_decref(job);

    /* The interrupted job still comes first, and runs to the end this time. */
    ingest_job_report r;
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert_str_eq(r.job_id, first);
    cr_assert(r.done);
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert_str_eq(r.job_id, second);
    cr_assert_eq(ingest_run_job(st, &r), 0, "nothing left");
    cr_assert_eq(count(st, STORE_SOURCES), 2);
    cr_assert_eq(store_requeue_jobs(st, INGEST_JOB_ATTEMPTS, &requeued, &failed), STORE_OK);
    cr_assert_eq(requeued + failed, 0, "a clean stop leaves nothing to requeue");
    store_close(st);
    assert_sound();
    free(first);
    free(second);
}

Test(jobs, a_job_interrupted_too_often_fails_instead_of_running_again)
{
    store *st = test_db_open_rw();
    char *id = enqueue(st, WIRE, strlen(WIRE));
    long long requeued, failed;
    for (int i = 1; i <= INGEST_JOB_ATTEMPTS; i++) {
        store_job claimed;
        cr_assert_eq(store_claim_job(st, &claimed), STORE_OK, "attempt %d", i);
        cr_assert_eq(claimed.attempts, i);
        store_job_release(&claimed);
        store_close(st);
        st = test_db_open_rw();
        cr_assert_eq(ingest_resume_jobs(st), 0);
    }
    cr_assert_eq(store_requeue_jobs(st, INGEST_JOB_ATTEMPTS, &requeued, &failed), STORE_OK);
    json_t *job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "state"), "failed", "%s", brief(job));
    cr_assert(strstr(job_str(job, "error"), "interrupted 3 times"), "%s", brief(job));
    json_decref(job);
    cr_assert_eq(ingest_run_job(st, NULL), 0);
    cr_assert_eq(count(st, STORE_SOURCES), 0);
    free(id);
    store_close(st);
}

/* --- two servers on one database: owners and leases --- */

/* A job claimed by one server stays its own while its lease holds: another server's start
 * (store_requeue_jobs) leaves it running, and that server cannot end it.  Once the lease has
 * expired (or is ended because its owner is known to be gone) it goes back to the queue,
 * and the server that lost it can no longer end it either. */
Test(jobs, a_job_is_taken_over_only_once_its_lease_has_expired)
{
    store *a = test_db_open_rw(), *b = test_db_open_rw();
    cr_assert_eq(store_set_job_owner(a, "server-a", 60), STORE_OK);
    cr_assert_eq(store_set_job_owner(b, "server-b", 60), STORE_OK);
    char *first = enqueue(a, WIRE, strlen(WIRE));
    char *second = enqueue(a, HOME, strlen(HOME));
    store_fact_counts counts = {0};

    store_job held;
    cr_assert_eq(store_claim_job(a, &held), STORE_OK, "%s", store_errmsg(a));
    cr_assert_str_eq(held.id, first);
    cr_assert_eq(raw_int("SELECT count(*) FROM jobs WHERE owner = 'server-a' AND"
                         " lease_expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+50 seconds')",
                         NULL),
                 1, "a claim takes a lease of the handle's length");

    long long requeued = -1, failed = -1;
    cr_assert_eq(store_requeue_jobs(b, INGEST_JOB_ATTEMPTS, &requeued, &failed), STORE_OK);
    cr_assert_eq(requeued + failed, 0, "a job under a live lease is not taken over");
    json_t *job = get_job(b, first);
    cr_assert_str_eq(job_str(job, "state"), "running");
    json_decref(job);
    store_strings owners;
    cr_assert_eq(store_job_lease_owners(b, &owners), STORE_OK);
    cr_assert_eq(owners.n, 1);
    cr_assert_str_eq(owners.v[0], "server-a");
    store_strings_release(&owners);
    cr_assert_eq(store_finish_job(b, first, "0123456789ab", false, &counts), STORE_CONFLICT,
                 "another server's job");
    cr_assert(strstr(store_errmsg(b), "another owner"), "%s", store_errmsg(b));

    /* The other server takes the next job; renewing extends only its own leases. */
    store_job other;
    cr_assert_eq(store_claim_job(b, &other), STORE_OK);
    cr_assert_str_eq(other.id, second);
    exec_raw("UPDATE jobs SET lease_expires_at = '2000-01-01T00:00:00.000Z'");
    long long renewed = -1;
    cr_assert_eq(store_renew_job_leases(b, &renewed), STORE_OK, "%s", store_errmsg(b));
    cr_assert_eq(renewed, 1);
    cr_assert_eq(raw_int("SELECT count(*) FROM jobs WHERE lease_expires_at > '2001'", NULL), 1,
                 "server-b renewed its lease, server-a's has expired");

    /* server-a's lease has expired: its job goes back to the queue, server-b's stays. */
    cr_assert_eq(store_requeue_jobs(b, INGEST_JOB_ATTEMPTS, &requeued, &failed), STORE_OK);
    cr_assert_eq(requeued, 1);
    job = get_job(b, first);
    cr_assert_str_eq(job_str(job, "state"), "queued");
    json_decref(job);
    cr_assert_eq(store_finish_job(a, first, "0123456789ab", false, &counts), STORE_CONFLICT,
                 "a job taken back cannot be ended by the server that lost it");
    job = get_job(b, second);
    cr_assert_str_eq(job_str(job, "state"), "running");
    json_decref(job);

    /* An owner known to be gone: its leases end at once. */
    long long expired = -1;
    cr_assert_eq(store_expire_job_leases(a, "server-b", &expired), STORE_OK);
    cr_assert_eq(expired, 1);
    cr_assert_eq(store_requeue_jobs(a, INGEST_JOB_ATTEMPTS, &requeued, &failed), STORE_OK);
    cr_assert_eq(requeued, 1);
    cr_assert_eq(store_finish_job(b, second, "0123456789ab", false, &counts), STORE_CONFLICT);

    store_job_release(&held);
    store_job_release(&other);
    free(first);
    free(second);
    store_close(a);
    store_close(b);
}

/* --- one article in memory --- */

Test(jobs, refusals_have_a_code_each)
{
    cr_assert_eq(ingest_check_text("", 0), INGEST_EMPTY);
    cr_assert_eq(ingest_check_text("x", 1), INGEST_OK);
    cr_assert_eq(ingest_check_text("caf\xc3\xa9", 5), INGEST_OK);
    cr_assert_eq(ingest_check_text("caf\xe9", 4), INGEST_NOT_UTF8, "Latin-1 is not UTF-8");
    cr_assert_eq(ingest_check_text("a\0b", 3), INGEST_NOT_UTF8, "nor is a NUL byte");
    cr_assert_eq(ingest_check_text("\xc3", 1), INGEST_NOT_UTF8, "a cut sequence");

    size_t big = INGEST_MAX_ARTICLE + 1;
    char *text = malloc(big);
    cr_assert_not_null(text);
    memset(text, 'a', big);
    cr_assert_eq(ingest_check_text(text, big - 1), INGEST_OK, "exactly the limit is fine");
    cr_assert_eq(ingest_check_text(text, big), INGEST_TOO_LARGE);

    store *st = test_db_open_rw();
    ingest_text_report r;
    ingest_article a = {.text = text, .len = big};
    cr_assert_eq(ingest_text(st, &a, true, &r), INGEST_TOO_LARGE);
    a = (ingest_article){.text = "", .len = 0};
    cr_assert_eq(ingest_text(st, &a, true, &r), INGEST_EMPTY);
    a = (ingest_article){.text = "caf\xe9", .len = 4};
    cr_assert_eq(ingest_text(st, &a, true, &r), INGEST_NOT_UTF8);
    cr_assert_eq(count(st, STORE_SOURCES), 0, "nothing refused is stored");

    cr_assert_str_eq(ingest_result_reason(INGEST_EMPTY), "empty");
    cr_assert_str_eq(ingest_result_reason(INGEST_TOO_LARGE), "larger than 8 MiB");
    cr_assert(strstr(ingest_result_reason(INGEST_NOT_UTF8), "UTF-8"));
    free(text);
    store_close(st);
}

Test(jobs, a_refused_job_fails_with_the_reason_and_stores_nothing)
{
    static const struct {
        const char *text;
        size_t len;
        int code;
        const char *reason;
    } cases[] = {
        {"", 0, INGEST_EMPTY, "empty"},
        {"Ol\xe1 mundo", 9, INGEST_NOT_UTF8, "UTF-8"},
        {"one\0two", 7, INGEST_NOT_UTF8, "NUL"},
    };
    store *st = test_db_open_rw();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *id = enqueue(st, cases[i].text, cases[i].len);
        ingest_job_report r;
        cr_assert_eq(ingest_run_job(st, &r), 1, "case %zu", i);
        cr_assert(!r.done);
        cr_assert_eq(r.refusal, cases[i].code, "case %zu", i);
        json_t *job = get_job(st, id);
        cr_assert_str_eq(job_str(job, "state"), "failed");
        cr_assert(strstr(job_str(job, "error"), cases[i].reason), "%s", brief(job));
        cr_assert(json_is_null(json_object_get(job, "source_id")));
        json_decref(job);
        free(id);
    }
    cr_assert_eq(count(st, STORE_SOURCES), 0);
    cr_assert_eq(raw_int("SELECT count(*) FROM jobs WHERE text IS NOT NULL", NULL), 0,
                 "refused texts are not kept");
    store_close(st);
}

/* A nanosecond has passed by the extractor's first look at the clock. */
#define NO_TIME 1e-9

Test(jobs, an_article_past_its_extraction_budget_fails_its_job_and_stores_nothing)
{
    cr_assert_eq(ingest_extract_budget(), INGEST_EXTRACT_SECONDS, "the default");
    store *st = test_db_open_rw();
    ingest_set_extract_budget(NO_TIME);
    ingest_text_report tr;
    ingest_article a = {.text = WIRE, .len = strlen(WIRE)};
    cr_assert_eq(ingest_text(st, &a, true, &tr), INGEST_TOO_SLOW);
    cr_assert_eq(count(st, STORE_SOURCES), 0, "nothing refused is stored");

    char *id = enqueue(st, WIRE, strlen(WIRE));
    ingest_job_report r;
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert(!r.done);
    cr_assert_eq(r.refusal, INGEST_TOO_SLOW);
    json_t *job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "state"), "failed");
    cr_assert(strstr(job_str(job, "error"), "time budget"), "%s", brief(job));
    cr_assert(json_is_null(json_object_get(job, "source_id")));
    cr_assert_eq(count(st, STORE_SOURCES), 0);
    json_decref(job);
    free(id);

    /* with the time it needs, the same article goes in */
    ingest_set_extract_budget(INGEST_EXTRACT_SECONDS);
    id = enqueue(st, WIRE, strlen(WIRE));
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert(r.done, "%s", ingest_result_reason(r.refusal));
    cr_assert_eq(count(st, STORE_SOURCES), 1);
    free(id);
    store_close(st);
}

Test(jobs, a_job_merges_once_and_its_facts_are_served_before_it_says_done)
{
    store *st = test_db_open_rw();
    store_job_in in = {.text = WIRE,
                       .len = strlen(WIRE),
                       .title = "Fisheries pact signed",
                       .url = "https://news.example/fish",
                       .published = "2025-03-04"};
    char *id = NULL;
    cr_assert_eq(store_enqueue_job(st, &in, &id), STORE_OK);
    long long before = generation(st);

    ingest_job_report r;
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert(r.done);
    cr_assert(r.article.merged);
    cr_assert(!r.article.already_stored);
    cr_assert_geq(r.run_seconds, 0.0);
    /* claim, store the article, swap the facts, finish: four write transactions, so one
     * merge (each merge is one more). */
    cr_assert_eq(generation(st) - before, 4, "one merge per job");

    json_t *job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "state"), "done", "%s", brief(job));
    cr_assert_str_eq(job_str(job, "source_id"), r.article.source_id);
    cr_assert(json_is_false(json_object_get(job, "already_stored")));
    json_t *counts = json_object_get(job, "counts");
    cr_assert_eq(json_integer_value(json_object_get(counts, "agreements")), 1, "%s", brief(job));
    cr_assert_eq(json_integer_value(json_object_get(counts, "meetings")), 1);
    cr_assert_eq(json_integer_value(json_object_get(counts, "quotes")), 1);
    cr_assert_eq(json_integer_value(json_object_get(counts, "people")), 2);
    json_decref(job);

    /* Another handle, as an API thread has, sees the facts and the poster's hints. */
    store *reader = test_db_open_ro();
    cr_assert_eq(count(reader, STORE_AGREEMENTS), 1);
    cr_assert_eq(count(reader, STORE_QUOTES), 1);
    json_t *source = NULL;
    cr_assert_eq(test_store_get(reader, STORE_SOURCES, r.article.source_id, &source), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(source, "title")), "Fisheries pact signed");
    cr_assert_str_eq(json_string_value(json_object_get(source, "published")), "2025-03-04");
    cr_assert(json_is_null(json_object_get(source, "file")));
    json_decref(source);
    store_close(reader);
    cr_assert_eq(
        raw_int("SELECT count(*) FROM source_hints WHERE url = 'https://news.example/fish'", NULL),
        1);

    /* The same bytes again: done at once with the stored article, no merge. */
    char *again = enqueue(st, WIRE, strlen(WIRE));
    before = generation(st);
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert(r.done);
    cr_assert(r.article.already_stored);
    cr_assert(!r.article.merged);
    cr_assert_eq(generation(st) - before, 2, "claim and finish only");
    job = get_job(st, again);
    cr_assert_str_eq(job_str(job, "source_id"), r.article.source_id);
    cr_assert(json_is_true(json_object_get(job, "already_stored")));
    cr_assert_eq(json_integer_value(json_object_get(json_object_get(job, "counts"), "agreements")),
                 1);
    json_decref(job);
    cr_assert_eq(count(st, STORE_SOURCES), 1);

    free(id);
    free(again);
    store_close(st);
    assert_sound();
}

Test(jobs, ingest_text_reports_the_article_and_its_facts)
{
    store *st = test_db_open_rw();
    ingest_text_report r = ingest(st, WIRE, false);
    cr_assert(!r.already_stored);
    cr_assert(!r.merged, "without merging, the caller merges later");
    cr_assert_eq(strlen(r.source_id), 12);
    cr_assert_eq(store_facts_stale(st), 1);

    r = ingest(st, HOME, true);
    cr_assert(r.merged);
    cr_assert_eq(store_facts_stale(st), 0);
    cr_assert_eq(r.agreements, 0);
    cr_assert_eq(r.quotes, 2, "its own quote and the shared one");

    r = ingest(st, WIRE, true);
    cr_assert(r.already_stored);
    cr_assert(!r.merged);
    cr_assert_eq(r.agreements, 1);
    cr_assert_eq(r.meetings, 1);
    store_close(st);
}

/* --- deleting an article --- */

Test(jobs, deleting_an_article_keeps_a_shared_fact_with_the_other_evidence_only)
{
    store *st = test_db_open_rw();
    ingest_text_report wire = ingest(st, WIRE, false);
    ingest_text_report home = ingest(st, HOME, true);

    json_t *shared = served(st, STORE_QUOTES, "text", "Our boats will share what they catch,");
    cr_assert_not_null(shared);
    cr_assert_eq(json_array_size(json_object_get(shared, "sources")), 2, "%s", brief(shared));
    json_t *own = served(st, STORE_QUOTES, "text", "Salmon will not cost more in Oslo,");
    cr_assert_not_null(own);
    cr_assert_eq(count(st, STORE_AGREEMENTS), 1);
    cr_assert_eq(count(st, STORE_MEETINGS), 1);

    long long before = generation(st);
    ingest_report r;
    cr_assert_eq(ingest_delete_source(st, wire.source_id, &r), INGEST_OK);
    cr_assert_eq(generation(st) - before, 1, "the delete and the new merge are one transaction");
    cr_assert_eq(store_facts_stale(st), 0);
    cr_assert_eq(r.agreements, 0);
    cr_assert_eq(r.quotes, 2);

    json_t *item = NULL;
    cr_assert_eq(test_store_get(st, STORE_SOURCES, wire.source_id, &item), STORE_NOT_FOUND);
    cr_assert_eq(count(st, STORE_SOURCES), 1);
    cr_assert_eq(count(st, STORE_AGREEMENTS), 0, "the agreement only it reported is gone");
    cr_assert_eq(count(st, STORE_MEETINGS), 0);
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE kind = 'source' AND ref = ?1",
                         wire.source_id),
                 0, "nor can a search find it");

    json_t *kept = served(st, STORE_QUOTES, "text", "Our boats will share what they catch,");
    cr_assert_not_null(kept, "the shared quote stays");
    cr_assert_str_eq(json_string_value(json_object_get(kept, "id")),
                     json_string_value(json_object_get(shared, "id")), "with its id");
    json_t *sources = json_object_get(kept, "sources");
    cr_assert_eq(json_array_size(sources), 1, "%s", brief(kept));
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(sources, 0), "source_id")),
                     home.source_id);
    json_t *own_after = served(st, STORE_QUOTES, "text", "Salmon will not cost more in Oslo,");
    cr_assert(json_equal(own, own_after), "the other article's facts are untouched");

    cr_assert_eq(ingest_delete_source(st, wire.source_id, &r), INGEST_NOT_FOUND);
    cr_assert_eq(ingest_delete_source(st, "000000000000", NULL), INGEST_NOT_FOUND);

    /* Posting it again brings everything back, ids included. */
    ingest_text_report back = ingest(st, WIRE, true);
    cr_assert(!back.already_stored);
    cr_assert_eq(count(st, STORE_AGREEMENTS), 1);
    json_t *again = served(st, STORE_QUOTES, "text", "Our boats will share what they catch,");
    cr_assert(json_equal(again, shared), "%s", brief(again));

    json_decref(shared);
    json_decref(own);
    json_decref(kept);
    json_decref(own_after);
    json_decref(again);
    store_close(st);
    assert_sound();
}

Test(jobs, deleting_without_a_merge_marks_the_facts_stale)
{
    store *st = test_db_open_rw();
    store_job_in in = {.text = WIRE, .len = strlen(WIRE), .url = "https://news.example/fish"};
    char *id = NULL;
    cr_assert_eq(store_enqueue_job(st, &in, &id), STORE_OK);
    ingest_job_report r;
    cr_assert_eq(ingest_run_job(st, &r), 1);
    cr_assert_eq(store_facts_stale(st), 0);

    cr_assert_eq(store_delete_source(st, r.article.source_id, NULL, NULL), STORE_OK, "%s",
                 store_errmsg(st));
    cr_assert_eq(store_facts_stale(st), 1);
    cr_assert_eq(raw_int("SELECT count(*) FROM source_hints", NULL), 0);
    cr_assert_eq(raw_int("SELECT count(*) FROM evidence", NULL), 0);
    cr_assert_eq(store_delete_source(st, r.article.source_id, NULL, NULL), STORE_NOT_FOUND);

    /* The job keeps its record of what it did. */
    json_t *job = get_job(st, id);
    cr_assert_str_eq(job_str(job, "source_id"), r.article.source_id);
    json_decref(job);

    ingest_report merged;
    cr_assert_eq(ingest_remerge(st, &merged), 0);
    cr_assert_eq(count(st, STORE_AGREEMENTS), 0);
    cr_assert_eq(count(st, STORE_PEOPLE), 0);
    free(id);
    store_close(st);
    assert_sound();
}

/* --- reindexing after an upgrade of the extractor --- */

/* Makes every stored extraction look as if version 1 had made it. */
static void age_extractions(const char *where)
{
    char sql[512];
    snprintf(sql, sizeof(sql),
             "UPDATE sources SET extractor_version = 1,"
             " extraction = json_set(extraction, '$.extractor_version', 1)%s%s",
             where ? " WHERE " : "", where ? where : "");
    exec_raw(sql);
}

Test(jobs, reindexing_current_extractions_keeps_every_fact_and_id)
{
    store *st = test_db_open_rw();
    ingest_text_report wire = ingest(st, WIRE, false);
    ingest(st, HOME, true);
    json_t *before = served_facts(st);
    cr_assert_gt(json_array_size(json_object_get(before, "quotes")), 0);

    age_extractions(NULL);
    store_strings outdated;
    cr_assert_eq(store_outdated_sources(st, INGEST_EXTRACTOR_VERSION, &outdated), STORE_OK);
    cr_assert_eq(outdated.n, 2);
    store_strings_release(&outdated);

    ingest_reindex_report r;
    cr_assert_eq(ingest_reindex(st, 0, true, &r), 0);
    cr_assert_eq(r.reindexed, 2);
    cr_assert_eq(r.remaining, 0);
    cr_assert(r.merged);
    char version[16];
    snprintf(version, sizeof version, "%d", INGEST_EXTRACTOR_VERSION);
    cr_assert_eq(raw_int("SELECT count(*) FROM sources WHERE extractor_version = ?1", version), 2);
    cr_assert_eq(
        raw_int("SELECT count(*) FROM sources"
                " WHERE json_extract(extraction, '$.extractor_version') = CAST(?1 AS INTEGER)",
                version),
        2);

    json_t *after = served_facts(st);
    cr_assert(json_equal(before, after), "every fact and id as before:\n%s", brief(after));
    json_t *source = NULL;
    cr_assert_eq(test_store_get(st, STORE_SOURCES, wire.source_id, &source), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(source, "title")),
                     "Chile and Norway sign fisheries accord");
    json_decref(source);

    /* Nothing left to do: no write at all. */
    long long g = generation(st);
    cr_assert_eq(ingest_reindex(st, 0, true, &r), 0);
    cr_assert_eq(r.reindexed, 0);
    cr_assert(!r.merged);
    cr_assert_eq(generation(st), g);

    json_decref(before);
    json_decref(after);
    store_close(st);
    assert_sound();
}

/* Without a merge (the server merges in a process of its own), reindexing leaves the facts
 * as they were and marks them stale; the merge that follows gives what a merging reindex
 * gives. */
Test(jobs, reindexing_without_a_merge_leaves_the_facts_stale_for_the_caller)
{
    store *st = test_db_open_rw();
    ingest(st, WIRE, false);
    ingest(st, HOME, true);
    json_t *before = served_facts(st);
    age_extractions(NULL);

    long long g = generation(st);
    ingest_reindex_report r;
    cr_assert_eq(ingest_reindex(st, 0, false, &r), 0);
    cr_assert_eq(r.reindexed, 2);
    cr_assert(!r.merged);
    cr_assert_eq(store_facts_stale(st), 1, "the caller is left to merge");
    cr_assert_gt(generation(st), g, "the new readings are stored");
    json_t *unmerged = served_facts(st);
    cr_assert(json_equal(before, unmerged), "the facts are the old ones until the merge");

    ingest_report merged;
    cr_assert_eq(ingest_remerge(st, &merged), 0);
    cr_assert_eq(store_facts_stale(st), 0);
    json_t *after = served_facts(st);
    cr_assert(json_equal(before, after), "every fact and id as before:\n%s", brief(after));

    json_decref(before);
    json_decref(unmerged);
    json_decref(after);
    store_close(st);
}

Test(jobs, reindexing_an_old_reading_restores_the_facts_with_the_same_ids)
{
    store *st = test_db_open_rw();
    ingest_text_report wire = ingest(st, WIRE, false);
    ingest(st, HOME, true);
    json_t *fresh = served_facts(st);
    json_t *agreement = served(st, STORE_AGREEMENTS, "name", "Southern Ocean Fisheries Agreement");
    cr_assert_not_null(agreement);

    /* An older extractor that found no quotes read the wire story. */
    char where[64], sql[160];
    snprintf(where, sizeof(where), "id = '%s'", wire.source_id);
    snprintf(sql, sizeof(sql),
             "UPDATE sources SET extraction = json_set(extraction, '$.quotes', json('[]'))"
             " WHERE %s",
             where);
    exec_raw(sql);
    age_extractions(where);
    /* an older factd kept no incremental merge index: its facts are merged whole */
    exec_raw("DELETE FROM meta WHERE key = 'merge_index'");
    ingest_report merged;
    cr_assert_eq(ingest_remerge(st, &merged), 0);
    json_t *shared = served(st, STORE_QUOTES, "text", "Our boats will share what they catch,");
    cr_assert_not_null(shared);
    cr_assert_eq(json_array_size(json_object_get(shared, "sources")), 1);
    json_decref(shared);
    json_t *kept = served(st, STORE_AGREEMENTS, "name", "Southern Ocean Fisheries Agreement");
    cr_assert_str_eq(json_string_value(json_object_get(kept, "id")),
                     json_string_value(json_object_get(agreement, "id")),
                     "an unchanged fact keeps its id");
    json_decref(kept);

    ingest_reindex_report r;
    cr_assert_eq(ingest_reindex(st, 0, true, &r), 0);
    cr_assert_eq(r.reindexed, 1, "only the outdated article is read again");
    json_t *after = served_facts(st);
    cr_assert(json_equal(fresh, after), "as a fresh ingest:\n%s", brief(after));

    json_decref(fresh);
    json_decref(agreement);
    json_decref(after);
    store_close(st);
}

Test(jobs, reindexing_past_the_budget_keeps_the_article_with_no_facts_and_does_not_come_back)
{
    store *st = test_db_open_rw();
    ingest_text_report wire = ingest(st, WIRE, false);
    ingest(st, HOME, true);
    char where[64];
    snprintf(where, sizeof(where), "id = '%s'", wire.source_id);
    age_extractions(where);

    ingest_set_extract_budget(NO_TIME);
    ingest_reindex_report r;
    cr_assert_eq(ingest_reindex(st, 0, true, &r), 0);
    cr_assert_eq(r.reindexed, 1);
    cr_assert_eq(r.remaining, 0);
    cr_assert_eq(count(st, STORE_SOURCES), 2, "the article stays");
    json_t *agreement = served(st, STORE_AGREEMENTS, "name", "Southern Ocean Fisheries Agreement");
    cr_assert_null(agreement, "only the wire story named it, and its reading found nothing");

    /* read with this extractor, it is not read again at the next start */
    cr_assert_eq(ingest_reindex(st, 0, true, &r), 0);
    cr_assert_eq(r.reindexed, 0);
    store_close(st);
}

Test(jobs, reindexing_in_batches_keeps_the_posters_hints)
{
    store *st = test_db_open_rw();
    store_job_in in = {.text = HOME,
                       .len = strlen(HOME),
                       .title = "Eide is back",
                       .published = "2025-03-05"};
    char *id = NULL;
    cr_assert_eq(store_enqueue_job(st, &in, &id), STORE_OK);
    ingest_job_report job;
    cr_assert_eq(ingest_run_job(st, &job), 1);
    ingest(st, WIRE, true);
    age_extractions(NULL);
    /* The old extractor read other titles, and search indexed them. */
    exec_raw("UPDATE sources SET title = 'Old reading', byline = 'Nobody';"
             "UPDATE search_fts SET name = 'Old reading' WHERE kind = 'source'");
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'name:reading'",
                         NULL),
                 2);

    ingest_reindex_report r;
    cr_assert_eq(ingest_reindex(st, 1, true, &r), 0);
    cr_assert_eq(r.reindexed, 1);
    cr_assert_eq(r.remaining, 1);
    cr_assert(r.merged);
    cr_assert_eq(ingest_reindex(st, 1, true, &r), 0);
    cr_assert_eq(r.reindexed, 1);
    cr_assert_eq(r.remaining, 0);

    json_t *source = NULL;
    cr_assert_eq(test_store_get(st, STORE_SOURCES, job.article.source_id, &source), STORE_OK);
    cr_assert_str_eq(json_string_value(json_object_get(source, "title")), "Eide is back",
                     "the poster's title wins over a new reading");
    cr_assert_str_eq(json_string_value(json_object_get(source, "published")), "2025-03-05");
    cr_assert(json_is_null(json_object_get(source, "byline")), "%s", brief(source));
    json_decref(source);

    /* A changed title is searchable: the search row was replaced in the same transaction. */
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'name:fisheries'"
                         " AND kind = 'source'",
                         NULL),
                 1, "the wire story's new title");
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'name:back'"
                         " AND kind = 'source'",
                         NULL),
                 1, "the poster's title");
    cr_assert_eq(raw_int("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'name:reading'",
                         NULL),
                 0);
    free(id);
    store_close(st);
    assert_sound();
}
