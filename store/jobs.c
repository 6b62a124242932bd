/* jobs: the queue of posted articles (schema version 5).
 *
 * POST /sources queues an article here and answers at once; the server's writer thread
 * claims the oldest queued job, stores and merges the article (ingest_run_job) and ends the
 * job done or failed.  The queue lives in the database, so a job outlives the process that
 * queued it:
 *
 *     queued --claim--> running --finish--> done
 *       |                  |
 *       +------fail--------+-----fail-----> failed
 *
 *     running --lease expired, then store_requeue_jobs()--> queued (or failed once it has
 *                                                           been tried max_attempts times)
 *
 * Several servers may share one database, so a running job says whose it is: the claim
 * writes the handle's owner (store_set_job_owner: the server process) and a lease,
 * lease_expires_at, which that server renews while it runs (store_renew_job_leases).  A
 * job is taken back into the queue only once its lease has expired: its server died, or
 * stopped renewing.  A server that knows the owner is gone (a process of the same machine
 * that no longer exists) may end the lease at once (store_expire_job_leases) instead of
 * waiting for it.  Finishing or failing a running job checks that this handle still owns
 * it, so a server that lost its job to another cannot end it too.
 *
 * Each change is one short write transaction that bumps the generation, as every write
 * does (store_get_version: the ETag of GET /jobs/{id} changes with its state).  A claim is
 * one UPDATE ... RETURNING of the oldest queued row, so two runners never get the same job.
 * Ids are 16 random hex digits (64 bits from RAND_bytes): they tell nothing of how many jobs
 * there were and one cannot be guessed from another.  The order is seq, one more than the
 * largest so far, not the timestamp, which two jobs of one millisecond share.
 *
 * Lease changes are not data the API serves, so they do not bump the generation.
 *
 * A job keeps its text only while it waits or runs.  Once done, the article is in sources
 * (the same bytes); a failed job's text is what was refused, which no endpoint serves.
 * Dropping it keeps a finished job to a few hundred bytes, so that the history of jobs costs
 * little however many large articles went through.
 */
#include "store/store_private.h"

#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/digest.h"

/* A job's id: 8 random bytes in hex. */
#define JOB_ID_BYTES 8

/* When a lease of `seconds` (an SQL expression) taken now ends; NULL (no lease) for 0. */
#define LEASE_UNTIL(seconds)                                                               \
    "CASE WHEN " seconds " > 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+' || " seconds \
    " || ' seconds') END"
/* The same on PostgreSQL: the statement's start, as SQLite's 'now' is. */
#define LEASE_UNTIL_PG(seconds)                                                      \
    "CASE WHEN CAST(" seconds " AS integer) > 0 THEN to_char((statement_timestamp()" \
    " + make_interval(secs => CAST(" seconds " AS integer))) AT TIME ZONE 'UTC',"    \
    " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') END"
/* A running job whose lease has ended: no lease at all (an older factd, no owner), or past. */
#define LEASE_EXPIRED "(lease_expires_at IS NULL OR lease_expires_at <= " NOW_MS ")"
#define LEASE_EXPIRED_PG "(lease_expires_at IS NULL OR lease_expires_at <= " NOW_MS_PG ")"

static const char SQL_INSERT_JOB[] =
    "INSERT INTO jobs (id, seq, created_at, sha256, bytes, title, url, published, text)"
    " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM jobs), " NOW_MS ","
    " ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_INSERT_JOB_PG[] =
    "INSERT INTO jobs (id, seq, created_at, sha256, bytes, title, url, published, text)"
    " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM jobs), " NOW_MS_PG ","
    " ?2, ?3, ?4, ?5, ?6, ?7)";

static const char SQL_GET_JOB[] =
    "SELECT id, state, created_at, started_at, finished_at, source_id, already_stored, result,"
    " error FROM jobs WHERE id = ?1";

static const char SQL_JOB_STATE[] = "SELECT state, owner FROM jobs WHERE id = ?1";

static const char SQL_ANY_QUEUED[] = "SELECT 1 FROM jobs WHERE state = 'queued' LIMIT 1";

static const char SQL_CLAIM_JOB[] =
    "UPDATE jobs SET state = 'running', started_at = " NOW_MS ", attempts = attempts + 1,"
    " owner = ?1, lease_expires_at = " LEASE_UNTIL(
        "?2") " WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY seq LIMIT 1)"
              " RETURNING id, text, title, url, published, attempts,"
              " (julianday(started_at) - julianday(created_at)) * 86400.0";
static const char SQL_CLAIM_JOB_PG[] =
    "UPDATE jobs SET state = 'running', started_at = " NOW_MS_PG ", attempts = attempts + 1,"
    " owner = ?1, lease_expires_at = " LEASE_UNTIL_PG(
        "?2") " WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY seq LIMIT 1"
              " FOR UPDATE SKIP LOCKED)"
              " RETURNING id, text, title, url, published, attempts,"
              " extract(epoch FROM CAST(started_at AS timestamptz) - CAST(created_at AS timestamptz))";

static const char SQL_FINISH_JOB[] =
    "UPDATE jobs SET state = 'done', finished_at = " NOW_MS ", source_id = ?2,"
    " already_stored = ?3, result = ?4, error = NULL, text = NULL, lease_expires_at = NULL"
    " WHERE id = ?1 AND state = 'running' AND owner IS ?5";
static const char SQL_FINISH_JOB_PG[] =
    "UPDATE jobs SET state = 'done', finished_at = " NOW_MS_PG ", source_id = ?2,"
    " already_stored = ?3, result = ?4, error = NULL, text = NULL, lease_expires_at = NULL"
    " WHERE id = ?1 AND state = 'running' AND owner IS NOT DISTINCT FROM ?5";

static const char SQL_FAIL_JOB[] =
    "UPDATE jobs SET state = 'failed', finished_at = " NOW_MS ", error = ?2, text = NULL,"
    " lease_expires_at = NULL"
    " WHERE id = ?1 AND (state = 'queued' OR (state = 'running' AND owner IS ?3))";
static const char SQL_FAIL_JOB_PG[] =
    "UPDATE jobs SET state = 'failed', finished_at = " NOW_MS_PG ", error = ?2, text = NULL,"
    " lease_expires_at = NULL"
    " WHERE id = ?1 AND (state = 'queued' OR (state = 'running' AND owner IS NOT DISTINCT FROM ?3))";

static const char SQL_ANY_EXPIRED[] =
    "SELECT 1 FROM jobs WHERE state = 'running' AND " LEASE_EXPIRED " LIMIT 1";
static const char SQL_ANY_EXPIRED_PG[] =
    "SELECT 1 FROM jobs WHERE state = 'running' AND " LEASE_EXPIRED_PG " LIMIT 1";

static const char SQL_ABANDON_JOBS[] =
    "UPDATE jobs SET state = 'failed', finished_at = " NOW_MS ", text = NULL,"
    " lease_expires_at = NULL,"
    " error = 'interrupted ' || attempts || ' times: the server stopped while it ran'"
    " WHERE state = 'running' AND attempts >= ?1 AND " LEASE_EXPIRED;
static const char SQL_ABANDON_JOBS_PG[] =
    "UPDATE jobs SET state = 'failed', finished_at = " NOW_MS_PG ", text = NULL,"
    " lease_expires_at = NULL,"
    " error = 'interrupted ' || attempts || ' times: the server stopped while it ran'"
    " WHERE state = 'running' AND attempts >= ?1 AND " LEASE_EXPIRED_PG;

static const char SQL_REQUEUE_JOBS[] =
    "UPDATE jobs SET state = 'queued', started_at = NULL, owner = NULL, lease_expires_at = NULL"
    " WHERE state = 'running' AND " LEASE_EXPIRED;
static const char SQL_REQUEUE_JOBS_PG[] =
    "UPDATE jobs SET state = 'queued', started_at = NULL, owner = NULL, lease_expires_at = NULL"
    " WHERE state = 'running' AND " LEASE_EXPIRED_PG;

static const char SQL_ANY_OWN_RUNNING[] =
    "SELECT 1 FROM jobs WHERE state = 'running' AND owner = ?1 LIMIT 1";

static const char SQL_RENEW_LEASES[] = "UPDATE jobs SET lease_expires_at = " LEASE_UNTIL(
    "?2") " WHERE state = 'running' AND owner = ?1";
static const char SQL_RENEW_LEASES_PG[] = "UPDATE jobs SET lease_expires_at = " LEASE_UNTIL_PG(
    "?2") " WHERE state = 'running' AND owner = ?1";

static const char SQL_ANY_LEASE_OF[] = "SELECT 1 FROM jobs WHERE state = 'running' AND owner IS ?1"
                                       " AND lease_expires_at IS NOT NULL LIMIT 1";
static const char SQL_ANY_LEASE_OF_PG[] =
    "SELECT 1 FROM jobs WHERE state = 'running' AND owner IS NOT DISTINCT FROM ?1"
    " AND lease_expires_at IS NOT NULL LIMIT 1";

static const char SQL_EXPIRE_LEASES[] =
    "UPDATE jobs SET lease_expires_at = NULL"
    " WHERE state = 'running' AND owner IS ?1 AND lease_expires_at IS NOT NULL";
static const char SQL_EXPIRE_LEASES_PG[] =
    "UPDATE jobs SET lease_expires_at = NULL"
    " WHERE state = 'running' AND owner IS NOT DISTINCT FROM ?1 AND lease_expires_at IS NOT NULL";

static const char SQL_LEASE_OWNERS[] =
    "SELECT DISTINCT owner FROM jobs WHERE state = 'running' AND owner IS NOT NULL"
    " AND NOT " LEASE_EXPIRED " ORDER BY owner";
static const char SQL_LEASE_OWNERS_PG[] =
    "SELECT DISTINCT owner FROM jobs WHERE state = 'running' AND owner IS NOT NULL"
    " AND NOT " LEASE_EXPIRED_PG " ORDER BY owner";

static const char SQL_JOB_QUEUE[] = "SELECT (SELECT count(*) FROM jobs WHERE state = 'queued'),"
                                    " (SELECT count(*) FROM jobs WHERE state = 'running')";

/* Commits a write transaction that changed something, bumping the generation first. */
static int commit_change(store *st)
{
    if (store_bump_generation(st) || store_commit(st)) {
        store_rollback(st);
        return STORE_ERROR;
    }
    return STORE_OK;
}

int store_enqueue_job(store *st, const store_job_in *in, char **id_out)
{
    unsigned char raw[JOB_ID_BYTES];
    char id[2 * JOB_ID_BYTES + 1], sha[DIGEST_SHA256_HEX + 1];
    const char *text = in->text ? in->text : "";

    *id_out = NULL;
    if (RAND_bytes(raw, sizeof(raw)) != 1)
        return store_fail(st, "no random bytes for a job id");
    digest_hex(raw, sizeof(raw), id);
    if (!digest_sha256_hex(text, in->len, sha))
        return store_fail(st, "SHA-256 failed");

    if (store_begin_write(st))
        return STORE_ERROR;
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_INSERT_JOB));
    if (!stmt)
        goto fail;
    db_bind_text(stmt, 1, id, -1);
    db_bind_text(stmt, 2, sha, -1);
    db_bind_int64(stmt, 3, (long long)in->len);
    db_bind_text(stmt, 4, in->title, -1);
    db_bind_text(stmt, 5, in->url, -1);
    db_bind_text(stmt, 6, in->published, -1);
    /* A zero-length blob, not NULL, for an empty text: the runner refuses it with a reason. */
    db_bind_blob(stmt, 7, text, in->len);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "queueing the article");
        goto fail;
    }
    if (commit_change(st))
        return STORE_ERROR;
    if (!(*id_out = strdup(id)))
        return store_fail(st, "out of memory");
    return STORE_OK;

fail:
    store_rollback(st);
    return STORE_ERROR;
}

/* The fact counts a finished job keeps (its result, as store_finish_job writes it); false
 * when there are none or they do not parse. */
static bool parse_counts(db_stmt *row, int i, store_fact_counts *counts)
{
    json_t *doc = store_column_json(row, i, NULL);
    bool ok = json_is_object(doc);
    if (ok) {
        counts->agreements = json_integer_value(json_object_get(doc, "agreements"));
        counts->meetings = json_integer_value(json_object_get(doc, "meetings"));
        counts->quotes = json_integer_value(json_object_get(doc, "quotes"));
        counts->people = json_integer_value(json_object_get(doc, "people"));
    }
    json_decref(doc);
    return ok;
}

/* The job row of SQL_GET_JOB into *job; false when out of memory. */
static bool read_job(db_stmt *row, store_job_status *job)
{
    store_arena *a = job->arena;
    job->already_stored = db_column_is_null(row, 6) ? -1 : (int)db_column_int64(row, 6) ? 1 : 0;
    job->counts_known = parse_counts(row, 7, &job->counts);
    return store_row_text(a, row, 0, &job->id) && store_row_text(a, row, 1, &job->state) &&
           store_row_text(a, row, 2, &job->created_at) &&
           store_row_text(a, row, 3, &job->started_at) &&
           store_row_text(a, row, 4, &job->finished_at) &&
           store_row_text(a, row, 5, &job->source_id) && store_row_text(a, row, 8, &job->error);
}

int store_get_job(store *st, const char *id, store_job_status *job)
{
    db_stmt *stmt;
    int result;

    memset(job, 0, sizeof(*job));
    if (!(job->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (!(stmt = store_query(st, SQL_GET_JOB))) {
        store_job_status_release(job);
        return STORE_ERROR;
    }
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        result = read_job(stmt, job) ? STORE_OK : store_fail(st, "out of memory");
    else if (rc == DB_DONE)
        result = STORE_NOT_FOUND;
    else
        result = store_db_fail(st, "reading a job");
    store_query_done(stmt);
    if (result != STORE_OK)
        store_job_status_release(job);
    return result;
}

static char *column_strdup(db_stmt *stmt, int i)
{
    const char *s = db_column_text(stmt, i, NULL);
    return s ? strdup(s) : NULL;
}

void store_job_release(store_job *job)
{
    free(job->id);
    free(job->text);
    free(job->title);
    free(job->url);
    free(job->published);
    memset(job, 0, sizeof(*job));
}

/* Copies the claimed row into *job; STORE_ERROR when out of memory. */
static int copy_claimed(store *st, db_stmt *row, store_job *job)
{
    size_t len = 0;
    const void *text = db_column_blob(row, 1, &len);

    job->id = column_strdup(row, 0);
    job->text = malloc(len + 1);
    if (job->text) {
        if (len)
            memcpy(job->text, text, len);
        job->text[len] = '\0';
    }
    job->len = len;
    job->title = column_strdup(row, 2);
    job->url = column_strdup(row, 3);
    job->published = column_strdup(row, 4);
    job->attempts = (int)db_column_int64(row, 5);
    job->waited_seconds = db_column_double(row, 6);
    if (!job->id || !job->text || (!job->title && !db_column_is_null(row, 2)) ||
        (!job->url && !db_column_is_null(row, 3)) ||
        (!job->published && !db_column_is_null(row, 4)))
        return store_fail(st, "out of memory");
    return STORE_OK;
}

int store_claim_job(store *st, store_job *job)
{
    memset(job, 0, sizeof(*job));

    /* The runner polls: an empty queue is answered without taking the write lock. */
    db_stmt *stmt = store_query(st, SQL_ANY_QUEUED);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE)
        return STORE_NOT_FOUND;
    if (rc != DB_ROW)
        return store_db_fail(st, "looking for a queued job");

    if (store_begin_write(st))
        return STORE_ERROR;
    if (!(stmt = store_query(st, STORE_SQL(st, SQL_CLAIM_JOB))))
        goto fail;
    db_bind_text(stmt, 1, st->job_owner, -1);
    db_bind_int64(stmt, 2, st->job_owner ? st->job_lease_seconds : 0);
    rc = db_step(stmt);
    if (rc == DB_ROW && copy_claimed(st, stmt, job)) {
        store_query_done(stmt);
        goto fail;
    }
    bool claimed = rc == DB_ROW;
    while (rc == DB_ROW)
        rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "claiming a job");
        goto fail;
    }
    if (!claimed) {
        /* Another runner took the last one since the look above. */
        store_rollback(st);
        return STORE_NOT_FOUND;
    }
    if (commit_change(st))
        goto fail_released;
    return STORE_OK;

fail:
    store_rollback(st);
fail_released:
    store_job_release(job);
    return STORE_ERROR;
}

/* Why an UPDATE of a job changed no row: STORE_NOT_FOUND or STORE_CONFLICT (the state is in
 * the message). */
static int job_unchanged(store *st, const char *id, const char *wanted)
{
    db_stmt *stmt = store_query(st, SQL_JOB_STATE);
    int result;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        const char *state = db_column_text(stmt, 0, NULL);
        const char *owner = db_column_text(stmt, 1, NULL);
        if (state && strcmp(state, "running") == 0 && strstr(wanted, "running"))
            store_fail(st, "job %s is running under another owner (%s), not this one", id,
                       owner ? owner : "none");
        else
            store_fail(st, "job %s is %s, not %s", id, state ? state : "?", wanted);
        result = STORE_CONFLICT;
    } else if (rc == DB_DONE) {
        store_fail(st, "no job has the id '%s'", id);
        result = STORE_NOT_FOUND;
    } else {
        result = store_db_fail(st, "reading a job's state");
    }
    store_query_done(stmt);
    return result;
}

/* Runs a prepared UPDATE of one job in its own write transaction: STORE_OK when it changed
 * the job, else why not (job_unchanged).  The statement is reset here. */
static int update_job(store *st, db_stmt *stmt, const char *id, const char *wanted)
{
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "updating a job");
        store_rollback(st);
        return STORE_ERROR;
    }
    if (db_changes(st->conn) == 0) {
        int why = job_unchanged(st, id, wanted);
        store_rollback(st);
        return why;
    }
    return commit_change(st);
}

int store_finish_job(store *st, const char *id, const char *source_id, bool already_stored,
                     const store_fact_counts *counts)
{
    char *result = NULL;
    int rc = STORE_ERROR;

    if (counts) {
        json_t *c = json_pack("{s:I, s:I, s:I, s:I}", "agreements", (json_int_t)counts->agreements,
                              "meetings", (json_int_t)counts->meetings, "quotes",
                              (json_int_t)counts->quotes, "people", (json_int_t)counts->people);
        result = c ? json_dumps(c, JSON_COMPACT) : NULL;
        json_decref(c);
        if (!result)
            return store_fail(st, "out of memory");
    }
    if (store_begin_write(st))
        goto out;
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_FINISH_JOB));
    if (!stmt) {
        store_rollback(st);
        goto out;
    }
    db_bind_text(stmt, 1, id, -1);
    db_bind_text(stmt, 2, source_id, -1);
    db_bind_int64(stmt, 3, already_stored);
    db_bind_text(stmt, 4, result, -1);
    db_bind_text(stmt, 5, st->job_owner, -1);
    rc = update_job(st, stmt, id, "running");
out:
    free(result);
    return rc;
}

int store_fail_job(store *st, const char *id, const char *reason)
{
    if (store_begin_write(st))
        return STORE_ERROR;
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_FAIL_JOB));
    if (!stmt) {
        store_rollback(st);
        return STORE_ERROR;
    }
    db_bind_text(stmt, 1, id, -1);
    db_bind_text(stmt, 2, reason ? reason : "failed", -1);
    db_bind_text(stmt, 3, st->job_owner, -1);
    return update_job(st, stmt, id, "queued or running");
}

int store_requeue_jobs(store *st, int max_attempts, long long *requeued, long long *failed)
{
    long long n_failed = 0, n_requeued = 0;

    if (requeued)
        *requeued = 0;
    if (failed)
        *failed = 0;
    /* Asked often (every server looks now and then): nothing expired costs no write lock. */
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_ANY_EXPIRED));
    if (!stmt)
        return STORE_ERROR;
    int any = db_step(stmt);
    store_query_done(stmt);
    if (any == DB_DONE)
        return STORE_OK;
    if (any != DB_ROW)
        return store_db_fail(st, "looking for expired job leases");
    if (store_begin_write(st))
        return STORE_ERROR;
    stmt = store_query(st, STORE_SQL(st, SQL_ABANDON_JOBS));
    if (!stmt)
        goto fail;
    db_bind_int64(stmt, 1, max_attempts);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "failing interrupted jobs");
        goto fail;
    }
    n_failed = db_changes(st->conn);
    if (!(stmt = store_query(st, STORE_SQL(st, SQL_REQUEUE_JOBS))))
        goto fail;
    rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "requeueing interrupted jobs");
        goto fail;
    }
    n_requeued = db_changes(st->conn);
    if (n_failed + n_requeued == 0) {
        store_rollback(st);
    } else if (commit_change(st)) {
        return STORE_ERROR;
    }
    if (requeued)
        *requeued = n_requeued;
    if (failed)
        *failed = n_failed;
    return STORE_OK;

fail:
    store_rollback(st);
    return STORE_ERROR;
}

int store_job_queue(store *st, long long *queued, long long *running)
{
    db_stmt *stmt = store_query(st, SQL_JOB_QUEUE);

    *queued = *running = 0;
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        *queued = db_column_int64(stmt, 0);
        *running = db_column_int64(stmt, 1);
    }
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "counting jobs");
}

int store_set_job_owner(store *st, const char *owner, int lease_seconds)
{
    char *copy = NULL;
    if (owner && !(copy = strdup(owner)))
        return store_fail(st, "out of memory");
    free(st->job_owner);
    st->job_owner = copy;
    st->job_lease_seconds = lease_seconds > 0 ? lease_seconds : 0;
    return STORE_OK;
}

/* Runs a prepared UPDATE of job leases in its own write transaction; *changed (may be NULL)
 * gets how many rows it changed.  The statement is reset here. */
static int update_leases(store *st, db_stmt *stmt, const char *what, long long *changed)
{
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, what);
        store_rollback(st);
        return STORE_ERROR;
    }
    if (changed)
        *changed = db_changes(st->conn);
    if (store_commit(st)) {
        store_rollback(st);
        return STORE_ERROR;
    }
    return STORE_OK;
}

int store_renew_job_leases(store *st, long long *renewed)
{
    if (renewed)
        *renewed = 0;
    if (!st->job_owner || st->job_lease_seconds <= 0)
        return STORE_OK;
    /* Renewed every few seconds: with nothing running, no write lock is taken. */
    db_stmt *stmt = store_query(st, SQL_ANY_OWN_RUNNING);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, st->job_owner, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE)
        return STORE_OK;
    if (rc != DB_ROW)
        return store_db_fail(st, "looking for running jobs");
    if (store_begin_write(st))
        return STORE_ERROR;
    if (!(stmt = store_query(st, STORE_SQL(st, SQL_RENEW_LEASES)))) {
        store_rollback(st);
        return STORE_ERROR;
    }
    db_bind_text(stmt, 1, st->job_owner, -1);
    db_bind_int64(stmt, 2, st->job_lease_seconds);
    return update_leases(st, stmt, "renewing job leases", renewed);
}

int store_expire_job_leases(store *st, const char *owner, long long *expired)
{
    if (expired)
        *expired = 0;
    if (!owner && !st->job_owner)
        return STORE_OK;
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_ANY_LEASE_OF));
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, owner ? owner : st->job_owner, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE)
        return STORE_OK;
    if (rc != DB_ROW)
        return store_db_fail(st, "looking for job leases");
    if (store_begin_write(st))
        return STORE_ERROR;
    stmt = store_query(st, STORE_SQL(st, SQL_EXPIRE_LEASES));
    if (!stmt) {
        store_rollback(st);
        return STORE_ERROR;
    }
    db_bind_text(stmt, 1, owner ? owner : st->job_owner, -1);
    return update_leases(st, stmt, "ending job leases", expired);
}

int store_job_lease_owners(store *st, store_strings *owners)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_LEASE_OWNERS));
    size_t cap = 0;
    int rc;

    memset(owners, 0, sizeof(*owners));
    if (!stmt)
        return STORE_ERROR;
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *owner = db_column_text(stmt, 0, NULL);
        if (owner && !(st->job_owner && strcmp(owner, st->job_owner) == 0) &&
            !store_strings_add(owners, &cap, owner)) {
            store_query_done(stmt);
            store_strings_release(owners);
            return store_fail(st, "out of memory");
        }
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_strings_release(owners);
        return store_db_fail(st, "listing the owners of running jobs");
    }
    return STORE_OK;
}
