/* jobs: what the server's writer thread runs beside serving: posted articles, deletions,
 * and reading articles again after the extractor changed.
 *
 * One thread owns the read-write handle and calls these one at a time; readers keep their
 * own read-only handles and never wait for it (WAL).  Each operation keeps readers on a
 * consistent fact set:
 *
 *   - a job stores its article (one transaction), merges it with the facts it can join
 *     (merge_update.c, one transaction), and only then says done: once a poster sees
 *     "done", the facts are served.  One merge per job, however it ends.
 *   - a deletion removes the article and merges again the facts it was part of in one
 *     transaction (store_delete_source): no reader sees facts whose evidence is gone.
 *   - a reindex replaces extractions one article at a time while the old facts stay served
 *     (they stand on the same texts), then merges once and swaps.  A fact the new reading
 *     still finds keeps its id, since merge hashes ids from content.
 *
 * A crash at any point loses no committed article: what an unfinished job stored is found
 * again by its bytes when the job runs again, and the facts_stale flag makes the next merge
 * catch up.
 *
 * Several servers may run on one database; each claims jobs under an owner id that names
 * its process (ingest_job_owner) and holds them under a lease it renews.  A job is taken
 * from another server only when its lease expired or its process is known to be gone
 * (ingest_job_owner_gone: same machine, same pid namespace, and that pid no longer runs
 * the process that claimed it), so that a server that restarts does not run twice the jobs
 * a live neighbour is running. */
#include "ingest/ingest.h"

#include <errno.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "util/log.h"

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --- who runs a job --- */

#define BOOT_ID_LEN 36 /* "9b4e6a1c-...": /proc/sys/kernel/random/boot_id */

/* The first line of a small file, without its newline; false when it cannot be read. */
static bool read_line(const char *path, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    bool ok = fgets(out, (int)size, f) != NULL;
    fclose(f);
    if (ok)
        out[strcspn(out, "\n")] = '\0';
    return ok && out[0];
}

/* This boot's id and this process's pid namespace (the inode of /proc/self/ns/pid); false
 * when /proc does not tell. */
static bool this_machine(char boot[BOOT_ID_LEN + 1], unsigned long long *pidns)
{
    char line[64], link[64];
    if (!read_line("/proc/sys/kernel/random/boot_id", line, sizeof line) ||
        strlen(line) != BOOT_ID_LEN)
        return false;
    memcpy(boot, line, BOOT_ID_LEN + 1);
    ssize_t n = readlink("/proc/self/ns/pid", link, sizeof link - 1);
    if (n <= 0)
        return false;
    link[n] = '\0';
    return sscanf(link, "pid:[%llu]", pidns) == 1;
}

/* When process pid started, in clock ticks since boot (field 22 of /proc/PID/stat): 1 when
 * read, 0 when there is no such process, -1 when it cannot be told. */
static int process_start(long pid, unsigned long long *start)
{
    char path[64], line[1024];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? 0 : -1;
    bool ok = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    /* "PID (COMM) STATE ...": COMM may hold anything, so count from its last ')'. */
    char *p = ok ? strrchr(line, ')') : NULL;
    if (!p)
        return -1;
    p++;
    for (int field = 3; field < 22; field++) {
        p = strchr(p + 1, ' ');
        if (!p)
            return -1;
    }
    return sscanf(p, " %llu", start) == 1 ? 1 : -1;
}

int ingest_job_owner(char *out, size_t size)
{
    char boot[BOOT_ID_LEN + 1], host[256] = "";
    unsigned long long pidns = 0, start = 0;
    long pid = (long)getpid();

    if (!this_machine(boot, &pidns) || process_start(pid, &start) != 1) {
        /* Nothing to recognise this process by from elsewhere: a random start makes the id
         * unique, and ingest_job_owner_gone() never says it is gone. */
        unsigned char r[8];
        snprintf(boot, sizeof boot, "-");
        pidns = 0;
        if (RAND_bytes(r, sizeof r) != 1)
            return -1;
        memcpy(&start, r, sizeof start);
    }
    if (gethostname(host, sizeof host - 1) != 0 || !host[0])
        snprintf(host, sizeof host, "-");
    host[strcspn(host, " ")] = '\0';
    int n = snprintf(out, size, "pid %ld boot %s pidns %llu start %llu host %s", pid, boot, pidns,
                     start, host);
    return n > 0 && (size_t)n < size && (size_t)n <= INGEST_JOB_OWNER_MAX ? 0 : -1;
}

bool ingest_job_owner_gone(const char *owner)
{
    char boot[BOOT_ID_LEN + 1], here[BOOT_ID_LEN + 1];
    unsigned long long pidns, here_pidns, start, now_start;
    long pid;

    if (!owner ||
        sscanf(owner, "pid %ld boot %36s pidns %llu start %llu", &pid, boot, &pidns, &start) != 4 ||
        pid <= 0)
        return false;
    if (!this_machine(here, &here_pidns) || strcmp(boot, here) != 0 || pidns != here_pidns)
        return false;
    int rc = process_start(pid, &now_start);
    return rc == 0 || (rc == 1 && now_start != start);
}

int ingest_resume_jobs(store *st)
{
    long long requeued = 0, failed = 0, expired = 0;
    store_strings owners;

    /* This handle's own: between jobs, any still running was left by a failure. */
    if (store_expire_job_leases(st, NULL, NULL) || store_job_lease_owners(st, &owners)) {
        log_error("jobs: %s", store_errmsg(st));
        return -1;
    }
    for (size_t i = 0; i < owners.n; i++) {
        const char *owner = owners.v[i];
        if (!ingest_job_owner_gone(owner))
            continue;
        if (store_expire_job_leases(st, owner, &expired)) {
            log_error("jobs: %s", store_errmsg(st));
            store_strings_release(&owners);
            return -1;
        }
        if (expired)
            log_info("jobs: the server that ran %lld job%s is gone (%s)", expired,
                     expired == 1 ? "" : "s", owner);
    }
    store_strings_release(&owners);
    if (store_requeue_jobs(st, INGEST_JOB_ATTEMPTS, &requeued, &failed)) {
        log_error("jobs: %s", store_errmsg(st));
        return -1;
    }
    if (requeued)
        log_info("jobs: %lld interrupted job%s queued again", requeued, requeued == 1 ? "" : "s");
    if (failed)
        log_warn("jobs: %lld job%s interrupted %d times failed", failed, failed == 1 ? "" : "s",
                 INGEST_JOB_ATTEMPTS);
    return 0;
}

int ingest_run_job(store *st, ingest_job_report *report)
{
    ingest_job_report local = {0};
    ingest_job_report *r = report ? report : &local;
    store_job job;
    int result = 1;

    memset(r, 0, sizeof(*r));
    int rc = store_claim_job(st, &job);
    if (rc == STORE_NOT_FOUND)
        return 0;
    if (rc != STORE_OK) {
        log_error("jobs: %s", store_errmsg(st));
        return -1;
    }
    double started = seconds_now();
    snprintf(r->job_id, sizeof(r->job_id), "%s", job.id);
    r->waited_seconds = job.waited_seconds;

    ingest_article a = {.text = job.text,
                        .len = job.len,
                        .title = job.title,
                        .url = job.url,
                        .published = job.published};
    rc = ingest_text(st, &a, true, &r->article);
    if (rc == INGEST_OK) {
        store_fact_counts counts = {
            .agreements = r->article.agreements,
            .meetings = r->article.meetings,
            .quotes = r->article.quotes,
            .people = r->article.people,
        };
        if (store_finish_job(st, job.id, r->article.source_id, r->article.already_stored,
                             &counts)) {
            log_error("jobs: %s: %s", job.id, store_errmsg(st));
            result = -1;
        } else {
            r->done = true;
            log_debug("jobs: %s: done: source %s%s", job.id, r->article.source_id,
                      r->article.already_stored ? " (already stored)" : "");
        }
    } else {
        /* A database failure is not the poster's to know in detail: the log has it. */
        const char *reason = rc == INGEST_ERROR ? "internal error: the article could not be stored"
                                                : ingest_result_reason(rc);
        r->refusal = rc == INGEST_ERROR ? INGEST_OK : rc;
        if (store_fail_job(st, job.id, reason)) {
            log_error("jobs: %s: %s", job.id, store_errmsg(st));
            result = -1;
        } else {
            log_info("jobs: %s: failed: %s", job.id, reason);
        }
        if (rc == INGEST_ERROR)
            result = -1;
    }
    r->run_seconds = seconds_now() - started;
    store_job_release(&job);
    return result;
}

/* The merge the store runs inside its delete transaction: only the facts the article was
 * part of are merged again. */
static int merge_after_delete(store *st, const char *deleted, void *ctx)
{
    (void)ctx;
    return ingest_merge_after_delete(st, deleted) ? STORE_ERROR : STORE_OK;
}

int ingest_delete_source(store *st, const char *id, ingest_report *report)
{
    ingest_report local = {0};
    ingest_report *r = report ? report : &local;

    memset(r, 0, sizeof(*r));
    int rc = store_delete_source(st, id, merge_after_delete, NULL);
    if (rc == STORE_NOT_FOUND)
        return INGEST_NOT_FOUND;
    if (rc != STORE_OK) {
        log_error("delete: %s: %s", id, store_errmsg(st));
        return INGEST_ERROR;
    }
    log_info("delete: source %s deleted; facts merged again", id);
    if (report && ingest_count_facts(st, r))
        return INGEST_ERROR;
    return INGEST_OK;
}

/* Reads one stored article again and replaces its extraction: 1 when done, 0 when the
 * article has gone meanwhile, -1 on error (logged). */
static int reindex_one(store *st, const char *id)
{
    char *text = NULL;
    size_t len = 0;
    json_t *extraction = NULL;
    int result = -1;

    int rc = store_source_text(st, id, &text, &len);
    if (rc == STORE_NOT_FOUND)
        return 0;
    if (rc != STORE_OK) {
        log_error("reindex: %s: %s", id, store_errmsg(st));
        return -1;
    }
    ingest_extract_cost cost;
    extraction = ingest_extract_within(text ? text : "", len, ingest_extract_budget(), &cost);
    if (!extraction) {
        /* Stored with nothing found, so that it is not read again at every start. */
        log_warn("reindex: %s: extraction stopped after %.1f s, past its %g s budget; the "
                 "article is kept with no facts",
                 id, cost.seconds, ingest_extract_budget());
        extraction = json_pack("{s:i, s:n, s:n, s:n, s:n, s:[], s:[], s:[], s:[]}",
                               "extractor_version", INGEST_EXTRACTOR_VERSION, "title", "byline",
                               "dateline", "published", "people", "agreements", "meetings",
                               "quotes");
    }
    rc = store_replace_extraction(st, id, extraction);
    if (rc == STORE_OK)
        result = 1;
    else if (rc == STORE_NOT_FOUND)
        result = 0;
    else
        log_error("reindex: %s: %s", id, store_errmsg(st));
    json_decref(extraction);
    free(text);
    return result;
}

int ingest_reindex(store *st, unsigned max_articles, bool merge, ingest_reindex_report *report)
{
    ingest_reindex_report local = {0};
    ingest_reindex_report *r = report ? report : &local;
    store_strings ids;
    size_t i;
    int result = -1;

    memset(r, 0, sizeof(*r));
    if (store_outdated_sources(st, INGEST_EXTRACTOR_VERSION, &ids)) {
        log_error("reindex: %s", store_errmsg(st));
        return -1;
    }
    for (i = 0; i < ids.n; i++) {
        if (max_articles && r->reindexed == max_articles)
            break;
        int rc = reindex_one(st, ids.v[i]);
        if (rc < 0)
            goto out;
        if (rc)
            r->reindexed++;
    }
    r->remaining = (unsigned)(ids.n - i);

    int stale = store_facts_stale(st);
    if (stale < 0) {
        log_error("reindex: %s", store_errmsg(st));
        goto out;
    }
    if (merge && (r->reindexed || stale)) {
        ingest_report merged = {0};
        if (ingest_remerge(st, &merged))
            goto out;
        r->merged = true;
    }
    if (r->reindexed)
        log_info("reindex: %u article%s read again with extractor version %d%s", r->reindexed,
                 r->reindexed == 1 ? "" : "s", INGEST_EXTRACTOR_VERSION,
                 r->remaining ? "; more to go" : "");
    result = 0;
out:
    store_strings_release(&ids);
    return result;
}
