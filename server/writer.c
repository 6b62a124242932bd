/* writer: the writer thread of `factd serve` (see writer.h).
 *
 * The thread sleeps in poll() on two descriptors: an eventfd that writer_enqueue(),
 * writer_delete_source() and writer_stop() write to, and the inotify descriptor of the
 * --corpus folder.  Awake, it does one piece of work at a time, in this order of priority,
 * and looks at the stop flag between any two:
 *
 *   1. deletions waiting (an HTTP thread blocks on each until it is done)
 *   2. the queued jobs, oldest first, up to JOB_BATCH at a time: each article is stored in
 *      a transaction of its own, then one merge covers the batch, and only then are its jobs
 *      done (their facts served from that moment)
 *   3. a merge that failed, or that the first reading of the folder left to do
 *   4. files of the folder that were written (IN_CLOSE_WRITE) or moved in (IN_MOVED_TO):
 *      each is stored in a transaction of its own, then one merge covers them all
 *   5. a slice of the background re-reading of articles an older extractor read
 *
 * The articles of a batch of jobs, and the folder's files JOB_BATCH at a time, are extracted
 * together on extract_threads threads (ingest_prepare_many, the --threads of `factd serve`)
 * before this thread stores them one by one, in queue or name order: extraction, the
 * costly part, takes every core, and the store still has one writer.
 *
 * Merging is incremental (ingest/merge_update.c): a new article is merged with the facts it
 * can join, read from the store's merge index, on this thread; batching still keeps a burst
 * of posts (or a crash's leftovers) to one merge.  A full merge, which reads every stored
 * extraction (a store an older factd merged, or a fact set replaced), runs as a process of
 * its own (writer_merge_in_child), so that the memory it needs goes back to the system when
 * it is done.
 *
 * Every article is stored in one transaction and every fact set swapped in another, so a
 * stop (SIGTERM) or a crash (kill -9) between any two leaves whole articles and a consistent
 * fact set; at worst the facts are stale, and the next start merges them again.  A stop
 * waits for the piece of work under way (a merge included), never for the rest.
 *
 * Several servers may share one database.  Each claims jobs under an owner id of its own
 * process with a lease that a second thread renews (lease_main), so that a job another
 * live server runs is never taken from it.  Jobs left running by a stop or a crash are
 * taken back at the next start of any server on the database, at once when the process
 * that held them is known to be gone (the same machine), else once their lease has expired;
 * an idle server looks for such jobs every TAKEOVER_EVERY_S as well.
 *
 * The folder is watched before it is read, so a file that arrives during the first reading
 * is seen by one or the other (or both: the store keeps one copy of the same bytes).  Only
 * names ending in .txt that do not start with a dot count, so a writer that fills a hidden
 * temporary file and renames it into place (the usual way to publish a file whole) is read
 * once, complete.  A file written in place is read again on every close: its new bytes are
 * a new article, its older versions stay until deleted.  When the kernel's event queue
 * overflows, the whole folder is read again.  Files are opened relative to the folder's
 * descriptor and only when they are regular files, never through a symbolic link
 * (ingest_read_article_at): a FIFO would block the thread, and a link would publish a file
 * from outside the folder.
 */
#include "server/writer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "api/metrics.h"
#include "ingest/ingest.h"
#include "store/store.h"
#include "util/log.h"
#include "util/strbuf.h"

#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
/* How long the thread sleeps without a wake-up: it then looks at the queue anyway, for jobs
 * another process queued in the same database. */
#define IDLE_POLL_MS 2000
/* How long it waits after a database failure before trying again. */
#define RETRY_MS 1000
/* How often, when idle, it looks for jobs another server left (its lease expired, or it is
 * gone): those are taken over without waiting for this server's next start. */
#define TAKEOVER_EVERY_S 15.0
/* Articles re-read between two looks at the queue (each slice ends with one merge). */
#define REINDEX_SLICE 200
/* Jobs claimed at once: their articles are stored one by one and merged together. */
#define JOB_BATCH 64
#define PROGRESS_EVERY_SECONDS 2.0
/* Pages in the write-ahead log past which the thread copies it into the database before
 * its next piece of work (SQLite's own automatic checkpoint is at 1,000). */
#define CHECKPOINT_FRAMES 1000

/* A deletion an HTTP thread waits for. */
typedef struct delete_request {
    const char *id;
    int result;
    bool done;
    struct delete_request *next;
} delete_request;

/* A file of the folder that was written or moved in, and when that was seen. */
typedef struct pending_file {
    char name[NAME_MAX + 1];
    double seen;
} pending_file;

struct writer {
    char *db_path;
    char *dir;                /* the --corpus folder, or NULL */
    int dir_fd;               /* that folder, open: its files are read relative to it */
    store *st;                /* the thread's read-write handle */
    unsigned extract_threads; /* threads extracting a batch (writer_config) */
    pthread_t thread;
    int wake_fd;  /* eventfd */
    int watch_fd; /* inotify, -1 without a folder */
    atomic_bool stopping;
    atomic_bool database_gone; /* the file was deleted or replaced: no more writes */

    pthread_mutex_t intake_lock; /* guards intake */
    store *intake;               /* read-write handle for queueing jobs, from any thread */

    /* The lease thread: renews, every INGEST_JOB_RENEW_SECONDS, the leases of the jobs this
     * server runs, on a handle of its own, however long the writer thread is busy. */
    pthread_t lease_thread;
    bool lease_started;
    store *lease;
    pthread_mutex_t lease_lock;
    pthread_cond_t lease_wake; /* signalled by writer_stop() */

    pthread_mutex_t lock;   /* guards deletes */
    pthread_cond_t deleted; /* broadcast when a deletion is done */
    delete_request *deletes, **deletes_tail;

    /* The thread's own state. */
    pending_file *pending;
    size_t npending, pending_cap;
    bool rescan;          /* read the whole folder again (the event queue overflowed) */
    bool merge_needed;    /* a merge failed: try again */
    bool resume_needed;   /* jobs left running must go back to the queue */
    bool reindex_pending; /* articles of an older extractor may remain */
    double retry_at;      /* after a failure: no more tries before this time */
    double takeover_at;   /* when to look next for jobs other servers left */
};

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void wake(writer *w)
{
    uint64_t one = 1;
    ssize_t n;
    do
        n = write(w->wake_fd, &one, sizeof one);
    while (n < 0 && errno == EINTR);
}

static bool stopping(writer *w)
{
    return atomic_load(&w->stopping);
}

/* True while the database file the handle st has open is still the one at its path.  Once
 * it is not (deleted, or replaced by another file), whatever is written to it is lost when
 * the server stops: from then on every write is refused, and one error says why. */
static bool database_in_place(writer *w, store *st)
{
    if (atomic_load(&w->database_gone))
        return false;
    int moved = store_file_moved(st);
    if (moved < 0) /* not known: SQLite's own checks stand, as before this one */
        log_debug("writer: %s", store_errmsg(st));
    if (moved <= 0)
        return true;
    if (!atomic_exchange(&w->database_gone, true))
        log_error("writer: the database file %s was deleted or replaced while serving; "
                  "writes are refused (503) and /healthz and /readyz answer 503 until the "
                  "server is restarted on a database file",
                  w->db_path);
    return false;
}

static bool is_article_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* --- the folder --- */

/* Notes a file to read, once however many events name it. */
static void add_pending(writer *w, const char *name)
{
    for (size_t i = 0; i < w->npending; i++)
        if (strcmp(w->pending[i].name, name) == 0)
            return;
    if (w->npending == w->pending_cap) {
        size_t cap = w->pending_cap ? 2 * w->pending_cap : 16;
        pending_file *grown = realloc(w->pending, cap * sizeof *grown);
        if (!grown) {
            w->rescan = true; /* read the whole folder later instead */
            return;
        }
        w->pending = grown;
        w->pending_cap = cap;
    }
    pending_file *p = &w->pending[w->npending++];
    snprintf(p->name, sizeof p->name, "%s", name);
    p->seen = seconds_now();
}

/* Reads whatever inotify has queued, without blocking. */
static void drain_events(writer *w)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));

    if (w->watch_fd < 0)
        return;
    for (;;) {
        ssize_t n = read(w->watch_fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->mask & IN_Q_OVERFLOW) {
                log_warn("corpus: too many changes at once; reading %s again", w->dir);
                w->rescan = true;
            } else if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                log_warn("corpus: %s was removed or moved; no longer watching it", w->dir);
                close(w->watch_fd);
                w->watch_fd = -1;
                return;
            } else if (e->len && (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) &&
                       is_article_name(e->name)) {
                add_pending(w, e->name);
            }
            p += sizeof *e + e->len;
        }
    }
}

typedef struct file_tally {
    unsigned added, unchanged, rejected;
} file_tally;

/* Stores files names[0..n) of the folder, in that order, unless their bytes are stored (no
 * merge): all are read, then extracted together on extract_threads threads, then stored by
 * this thread.  Sets added[i] when file i added an article.  Returns how many files were
 * dealt with: n, or fewer when the database failed on the next one. */
static size_t ingest_files(writer *w, const char *const *names, size_t n, file_tally *tally,
                           bool *added)
{
    ingest_article *articles = calloc(n ? n : 1, sizeof *articles);
    ingest_prepared *prepared = calloc(n ? n : 1, sizeof *prepared);
    char **texts = calloc(n ? n : 1, sizeof *texts);
    bool *unread = calloc(n ? n : 1, sizeof *unread);
    size_t done = 0;

    if (!articles || !prepared || !texts || !unread) {
        log_error("corpus: out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const char *reason = NULL;
        size_t len = 0;
        added[i] = false;
        /* Relative to the folder and never through a link: only its own regular files. */
        if (ingest_read_article_at(w->dir_fd, names[i], &texts[i], &len, &reason)) {
            unread[i] = true;
            /* Gone since the event (renamed on, deleted) is no refusal. */
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            if (strcmp(reason, strerror(ENOENT)) != 0) {
                log_warn("corpus: %s/%s: rejected: %s", w->dir, names[i], reason);
                tally->rejected++;
                api_metrics_ingest("failed", -1);
            }
            continue;
        }
        articles[i] = (ingest_article){.text = texts[i], .len = len, .file = names[i]};
    }
    /* the unread ones are empty articles: refused as such, and skipped below */
    ingest_prepare_many(w->st, articles, n, w->extract_threads, prepared);
    for (; done < n; done++) {
        if (unread[done])
            continue;
        ingest_text_report r;
        int rc = ingest_text_prepared(w->st, &articles[done], &prepared[done], false, &r);
        if (rc == INGEST_ERROR)
            break;
        if (rc != INGEST_OK) {
            log_warn("corpus: %s/%s: rejected: %s", w->dir, names[done], ingest_result_reason(rc));
            tally->rejected++;
            api_metrics_ingest("failed", -1);
        } else if (r.already_stored) {
            tally->unchanged++;
        } else {
            log_debug("corpus: %s/%s: stored as %s", w->dir, names[done], r.source_id);
            tally->added++;
            added[done] = true;
        }
    }
out:
    for (size_t i = 0; i < n; i++) {
        free(texts ? texts[i] : NULL);
        if (prepared)
            json_decref(prepared[i].extraction);
    }
    free(articles);
    free(prepared);
    free(texts);
    free(unread);
    return done;
}

bool writer_merge_in_child(const char *db_path)
{
    char *argv[] = {"factd", "merge", "--db", (char *)db_path, NULL};
    pid_t parent = getpid(), pid = fork();
    if (pid < 0) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("writer: cannot start the merge: %s", strerror(errno));
        return false;
    }
    if (pid == 0) {
        /* only async-signal-safe calls until exec */
        sigset_t none;
        sigemptyset(&none);
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) sigprocmask: the forked child has one thread */
        sigprocmask(SIG_SETMASK, &none, NULL);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        /* its summary line is for a terminal; its log lines go where the server's go */
        int null_fd = open("/dev/null", O_WRONLY);
        if (null_fd >= 0)
            dup2(null_fd, STDOUT_FILENO);
        close_range(3, ~0U, 0);
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            log_error("writer: waiting for the merge: %s", strerror(errno));
            return false;
        }
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFSIGNALED(status))
        log_error("writer: the merge was killed by signal %d", WTERMSIG(status));
    else
        log_error("writer: the merge failed (exit status %d)", WEXITSTATUS(status));
    return false;
}

/* Merges the facts when articles were stored since the last merge.  False on failure. */
static bool merge_if_stale(writer *w)
{
    int stale = store_facts_stale(w->st);
    if (stale < 0) {
        log_error("writer: %s", store_errmsg(w->st));
        return false;
    }
    if (!stale) {
        w->merge_needed = false;
        return true;
    }
    double started = seconds_now();
    w->merge_needed = true;
    int ready = store_merge_index_ready(w->st);
    if (ready < 0)
        log_error("writer: %s", store_errmsg(w->st));
    /* The incremental merge reads only what the new articles can join, here; a full one
     * (no current index) runs in a child, whose memory goes back when it ends. */
    bool merged = ready > 0 ? ingest_merge_update(w->st, false, NULL) == 0
                            : ready == 0 && writer_merge_in_child(w->db_path);
    if (!merged) {
        w->retry_at = seconds_now() + RETRY_MS / 1000.0;
        return false;
    }
    w->merge_needed = false;
    if (ready > 0) {
        log_info("writer: facts merged in %.3f s", seconds_now() - started);
        return true;
    }
    ingest_report r = {0};
    if (ingest_count_facts(w->st, &r) == 0)
        log_info("writer: facts merged in %.2f s: %u agreements, %u meetings, %u quotes, %u people",
                 seconds_now() - started, r.agreements, r.meetings, r.quotes, r.people);
    return true;
}

static int only_articles(const struct dirent *e)
{
    return is_article_name(e->d_name);
}

/* Reads every article of the folder, in name order, then merges once (or, with !merge, lets
 * the caller merge).  Events that came for these files meanwhile are dropped: this reading
 * covers them. */
static void scan_folder(writer *w, bool merge)
{
    struct dirent **names = NULL;
    file_tally tally = {0};
    double started = seconds_now(), last_line = started;
    bool failed = false;

    w->rescan = false;
    int n = scandirat(w->dir_fd, ".", &names, only_articles, alphasort);
    if (n < 0) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("corpus: cannot read %s: %s", w->dir, strerror(errno));
        w->retry_at = seconds_now() + RETRY_MS / 1000.0;
        w->rescan = true;
        return;
    }
    /* JOB_BATCH files at a time: read, extracted together, stored in name order */
    const char *chunk[JOB_BATCH];
    bool added[JOB_BATCH];
    for (int i = 0; i < n && !stopping(w);) {
        size_t k = 0;
        for (; k < JOB_BATCH && i + (int)k < n; k++)
            chunk[k] = names[i + (int)k]->d_name;
        size_t done = ingest_files(w, chunk, k, &tally, added);
        i += (int)done;
        if (done < k) {
            failed = true;
            break;
        }
        double now = seconds_now();
        if (now - last_line >= PROGRESS_EVERY_SECONDS) {
            log_info("corpus: %d/%d files (%u new, %u unchanged, %u rejected)", i, n, tally.added,
                     tally.unchanged, tally.rejected);
            last_line = now;
        }
    }
    for (int k = 0; k < n; k++)
        free(names[k]);
    free(names);
    if (failed || stopping(w)) {
        if (failed) {
            w->rescan = true;
            w->retry_at = seconds_now() + RETRY_MS / 1000.0;
        }
        return;
    }
    log_info("corpus: %s: %d files (%u new, %u unchanged, %u rejected) in %.2f s", w->dir, n,
             tally.added, tally.unchanged, tally.rejected, seconds_now() - started);
    w->npending = 0;
    /* Counted, not timed: these files arrived before the server saw them. */
    for (unsigned k = 0; k < tally.added; k++)
        api_metrics_ingest("done", -1);
    if (merge)
        merge_if_stale(w);
    else
        w->merge_needed = true;
}

/* Reads the files events named, then merges once. */
static void ingest_pending(writer *w)
{
    file_tally tally = {0};
    double *added_seen = calloc(w->npending ? w->npending : 1, sizeof *added_seen);
    size_t i = 0;
    const char *chunk[JOB_BATCH];
    bool added[JOB_BATCH];

    while (i < w->npending && !stopping(w)) {
        size_t k = 0;
        for (; k < JOB_BATCH && i + k < w->npending; k++)
            chunk[k] = w->pending[i + k].name;
        size_t done = ingest_files(w, chunk, k, &tally, added);
        for (size_t j = 0; j < done; j++)
            if (added[j] && added_seen)
                added_seen[tally.added - 1] = w->pending[i + j].seen;
        i += done;
        if (done < k)
            break;
    }
    /* What was not read (a stop, a failure) stays pending. */
    memmove(w->pending, w->pending + i, (w->npending - i) * sizeof *w->pending);
    w->npending -= i;
    if (w->npending && !stopping(w))
        w->retry_at = seconds_now() + RETRY_MS / 1000.0;
    if (tally.added + tally.unchanged + tally.rejected)
        log_info("corpus: %u new, %u unchanged, %u rejected", tally.added, tally.unchanged,
                 tally.rejected);
    if (tally.added && merge_if_stale(w)) {
        double now = seconds_now();
        for (unsigned k = 0; added_seen && k < tally.added; k++)
            api_metrics_ingest("done", now - added_seen[k]);
    }
    free(added_seen);
}

/* --- deletions and jobs --- */

/* Runs the oldest deletion waiting, if any; true when one ran. */
static bool serve_delete(writer *w)
{
    pthread_mutex_lock(&w->lock);
    delete_request *req = w->deletes;
    pthread_mutex_unlock(&w->lock);
    if (!req)
        return false;

    int rc = database_in_place(w, w->st) ? ingest_delete_source(w->st, req->id, NULL)
                                         : INGEST_ERROR;
    pthread_mutex_lock(&w->lock);
    w->deletes = req->next;
    if (!w->deletes)
        w->deletes_tail = &w->deletes;
    req->result = rc == INGEST_OK                  ? STORE_OK
                  : rc == INGEST_NOT_FOUND         ? STORE_NOT_FOUND
                  : atomic_load(&w->database_gone) ? STORE_UNAVAILABLE
                                                   : STORE_ERROR;
    req->done = true;
    pthread_cond_broadcast(&w->deleted);
    pthread_mutex_unlock(&w->lock);
    return true;
}

/* Answers the deletions still waiting when the thread stops. */
static void refuse_deletes(writer *w)
{
    pthread_mutex_lock(&w->lock);
    for (delete_request *req = w->deletes; req; req = req->next) {
        req->result = STORE_ERROR;
        req->done = true;
    }
    w->deletes = NULL;
    w->deletes_tail = &w->deletes;
    pthread_cond_broadcast(&w->deleted);
    pthread_mutex_unlock(&w->lock);
}

/* One claimed job of a batch, and what became of its article. */
typedef struct batch_job {
    store_job job;
    int result; /* ingest_text()'s */
    ingest_text_report article;
    double article_started; /* when this run took it */
} batch_job;

/* Ends the jobs of a batch once their articles are stored and merged: done with the fact
 * counts of each, or failed with the reason of a refusal.  A job whose article could not be
 * stored or merged (the database failed) is left running for the caller to queue again.
 * False when any job was left so. */
static bool end_jobs(writer *w, batch_job *jobs, size_t n, bool merged)
{
    double now = seconds_now();
    bool all = true;
    for (size_t i = 0; i < n; i++) {
        batch_job *b = &jobs[i];
        if (b->result == INGEST_ERROR || (b->result == INGEST_OK && !merged)) {
            all = false;
            continue;
        }
        if (b->result != INGEST_OK) {
            const char *reason = ingest_result_reason(b->result);
            if (store_fail_job(w->st, b->job.id, reason)) {
                log_error("jobs: %s: %s", b->job.id, store_errmsg(w->st));
                all = false;
                continue;
            }
            log_info("jobs: %s failed: %s", b->job.id, reason);
            api_metrics_ingest("failed", -1);
            continue;
        }
        store_fact_counts counts;
        if (store_source_fact_counts(w->st, b->article.source_id, &counts) ||
            store_finish_job(w->st, b->job.id, b->article.source_id, b->article.already_stored,
                             &counts)) {
            log_error("jobs: %s: %s", b->job.id, store_errmsg(w->st));
            all = false;
            continue;
        }
        double took = b->job.waited_seconds + (now - b->article_started);
        api_metrics_ingest("done", took);
        log_info("jobs: %s done in %.3f s: source %s%s", b->job.id, took, b->article.source_id,
                 b->article.already_stored ? ", stored before" : "");
    }
    return all;
}

/* Runs the queued jobs, up to JOB_BATCH of them: each article is stored in a transaction of
 * its own, then one merge covers them all, and only then do the jobs say done, their facts
 * being served.  Returns how many jobs it claimed, or -1 when the database failed. */
static int run_jobs(writer *w)
{
    batch_job *jobs = calloc(JOB_BATCH, sizeof *jobs);
    size_t n = 0;
    int result = 0;

    if (!jobs)
        return -1;
    while (n < JOB_BATCH && !stopping(w)) {
        int rc = store_claim_job(w->st, &jobs[n].job);
        if (rc == STORE_NOT_FOUND)
            break;
        if (rc != STORE_OK) {
            log_error("jobs: %s", store_errmsg(w->st));
            result = -1;
            break;
        }
        jobs[n].article_started = seconds_now();
        /* not stored until stored: a job the loop below does not reach stays running, and
         * goes back to the queue */
        jobs[n++].result = INGEST_ERROR;
    }
    /* The batch's articles are extracted on extract_threads threads, then stored one by one
     * in queue order by this thread. */
    ingest_article *articles = n ? calloc(n, sizeof *articles) : NULL;
    ingest_prepared *prepared = n ? calloc(n, sizeof *prepared) : NULL;
    if (n && (!articles || !prepared)) {
        log_error("jobs: out of memory");
        result = -1; /* every job claimed stays running, and is resumed below */
    } else if (n) {
        for (size_t i = 0; i < n; i++)
            articles[i] = (ingest_article){.text = jobs[i].job.text,
                                           .len = jobs[i].job.len,
                                           .title = jobs[i].job.title,
                                           .url = jobs[i].job.url,
                                           .published = jobs[i].job.published};
        ingest_prepare_many(w->st, articles, n, w->extract_threads, prepared);
        for (size_t i = 0; i < n && result >= 0; i++) {
            batch_job *b = &jobs[i];
            b->result = ingest_text_prepared(w->st, &articles[i], &prepared[i], false, &b->article);
            if (b->result == INGEST_ERROR)
                result = -1;
        }
        /* extractions of articles never stored (a failure stopped the loop) */
        for (size_t i = 0; i < n; i++)
            json_decref(prepared[i].extraction);
    }
    free(articles);
    free(prepared);
    if (n) {
        /* Merged even after a failure: the articles stored so far are whole. */
        bool merged = merge_if_stale(w);
        if (!end_jobs(w, jobs, n, merged) || result < 0) {
            /* The jobs not ended go back to the queue, to be tried again. */
            w->resume_needed = ingest_resume_jobs(w->st) != 0;
            result = -1;
        } else {
            result = (int)n;
        }
    }
    for (size_t i = 0; i < n; i++)
        store_job_release(&jobs[i].job);
    free(jobs);
    return result;
}

/* Re-reads a slice of the articles an older extractor read.  After a failure the rest waits
 * for the next start: what was replaced stays, and jobs must not wait on a retry loop. */
static void reindex_slice(writer *w)
{
    ingest_reindex_report r;
    if (ingest_reindex(w->st, REINDEX_SLICE, false, &r)) {
        log_warn("writer: re-reading older articles failed; the next start tries again");
        w->reindex_pending = false;
        w->merge_needed = true;
        return;
    }
    w->reindex_pending = r.remaining > 0;
    merge_if_stale(w);
}

/* --- the thread --- */

/* Sleeps until a wake-up, a folder event or the timeout. */
static void wait_for_work(writer *w, int timeout_ms)
{
    struct pollfd fds[2] = {{.fd = w->wake_fd, .events = POLLIN},
                            {.fd = w->watch_fd, .events = POLLIN}};
    int rc = poll(fds, w->watch_fd >= 0 ? 2 : 1, timeout_ms);
    if (rc > 0 && (fds[0].revents & POLLIN)) {
        uint64_t count;
        if (read(w->wake_fd, &count, sizeof count) < 0 && errno != EAGAIN && errno != EINTR)
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            log_warn("writer: reading the wake-up counter: %s", strerror(errno));
    }
}

static void *writer_main(void *arg)
{
    writer *w = arg;

    /* Jobs a crash left running go back to the queue before any job runs. */
    w->resume_needed = ingest_resume_jobs(w->st) != 0;
    /* Articles a `factd ingest` stored but stopped before indexing are made searchable. */
    if (store_search_catch_up(w->st))
        log_warn("writer: indexing the articles an ingest left waiting: %s", store_errmsg(w->st));
    /* The folder's new articles are stored first; the jobs a crash left behind, stored next,
     * share their merge (the loop merges anyway: a crash may have left the facts stale). */
    if (w->dir && !stopping(w))
        scan_folder(w, false);
    w->merge_needed = true;
    w->reindex_pending = true;

    while (!stopping(w)) {
        /* between two pieces of work, once the log is as long as SQLite would let it grow */
        if (store_checkpoint(w->st, CHECKPOINT_FRAMES))
            log_warn("writer: %s", store_errmsg(w->st));
        drain_events(w);
        if (serve_delete(w))
            continue;
        /* Looked at on every turn, idle ones included, so that the log says it at once. */
        if (!database_in_place(w, w->st)) {
            wait_for_work(w, IDLE_POLL_MS);
            continue;
        }
        double now = seconds_now();
        if (now < w->retry_at) {
            wait_for_work(w, (int)((w->retry_at - now) * 1000) + 1);
            continue;
        }
        if (w->resume_needed) {
            w->resume_needed = ingest_resume_jobs(w->st) != 0;
            if (w->resume_needed)
                w->retry_at = seconds_now() + RETRY_MS / 1000.0;
            continue;
        }
        int ran = run_jobs(w);
        if (ran < 0) {
            w->retry_at = seconds_now() + RETRY_MS / 1000.0;
            continue;
        }
        if (ran > 0)
            continue;
        if (w->merge_needed) {
            merge_if_stale(w);
            continue;
        }
        if (w->rescan && w->dir) {
            scan_folder(w, true);
            continue;
        }
        if (w->npending) {
            ingest_pending(w);
            continue;
        }
        if (w->reindex_pending) {
            reindex_slice(w);
            continue;
        }
        if (seconds_now() >= w->takeover_at) {
            w->takeover_at = seconds_now() + TAKEOVER_EVERY_S;
            w->resume_needed = true;
            continue;
        }
        /* idle: the whole log goes into the database */
        if (store_checkpoint(w->st, 1))
            log_warn("writer: %s", store_errmsg(w->st));
        wait_for_work(w, IDLE_POLL_MS);
    }
    refuse_deletes(w);
    return NULL;
}

/* Renews the leases of the jobs this server runs until the writer stops.  A renewal that
 * fails (the write lock held too long by another process) is tried again at the next turn;
 * the lease outlasts several turns. */
static void *lease_main(void *arg)
{
    writer *w = arg;
    bool failing = false;

    pthread_mutex_lock(&w->lease_lock);
    while (!stopping(w)) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_sec += INGEST_JOB_RENEW_SECONDS;
        while (!stopping(w) && pthread_cond_timedwait(&w->lease_wake, &w->lease_lock, &until) == 0)
            ;
        if (stopping(w))
            break;
        pthread_mutex_unlock(&w->lease_lock);
        if (!atomic_load(&w->database_gone)) {
            bool failed = store_renew_job_leases(w->lease, NULL) != STORE_OK;
            if (failed && !failing)
                log_warn("jobs: renewing the leases of running jobs failed: %s; trying again "
                         "in %d s",
                         store_errmsg(w->lease), INGEST_JOB_RENEW_SECONDS);
            else if (!failed && failing)
                log_info("jobs: the leases of running jobs are renewed again");
            failing = failed;
        }
        pthread_mutex_lock(&w->lease_lock);
    }
    pthread_mutex_unlock(&w->lease_lock);
    return NULL;
}

/* --- the interface --- */

/* For /healthz and /readyz (api_set_database_check): whether the database file is gone.
 * Asked on the intake handle, which opened the same file as the thread's; when a post holds
 * it, the last answer stands rather than making a health check wait behind a write. */
static bool database_gone(void *arg)
{
    writer *w = arg;
    if (!atomic_load(&w->database_gone) && pthread_mutex_trylock(&w->intake_lock) == 0) {
        database_in_place(w, w->intake);
        pthread_mutex_unlock(&w->intake_lock);
    }
    return atomic_load(&w->database_gone);
}

/* Stops the lease thread, if it runs, and waits for it. */
static void stop_lease_thread(writer *w)
{
    if (!w->lease_started)
        return;
    atomic_store(&w->stopping, true);
    pthread_mutex_lock(&w->lease_lock);
    pthread_cond_broadcast(&w->lease_wake);
    pthread_mutex_unlock(&w->lease_lock);
    pthread_join(w->lease_thread, NULL);
    w->lease_started = false;
}

static void writer_free(writer *w)
{
    if (!w)
        return;
    store_close(w->st);
    store_close(w->intake);
    store_close(w->lease);
    if (w->wake_fd >= 0)
        close(w->wake_fd);
    if (w->watch_fd >= 0)
        close(w->watch_fd);
    if (w->dir_fd >= 0)
        close(w->dir_fd);
    pthread_mutex_destroy(&w->intake_lock);
    pthread_mutex_destroy(&w->lease_lock);
    pthread_cond_destroy(&w->lease_wake);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->deleted);
    free(w->pending);
    free(w->db_path);
    free(w->dir);
    free(w);
}

writer *writer_start(const writer_config *cfg)
{
    writer *w = calloc(1, sizeof *w);
    char *err = NULL;

    if (!w) {
        log_error("serve: out of memory");
        return NULL;
    }
    w->wake_fd = w->watch_fd = w->dir_fd = -1;
    pthread_mutex_init(&w->intake_lock, NULL);
    pthread_mutex_init(&w->lease_lock, NULL);
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&w->lease_wake, &monotonic);
    pthread_condattr_destroy(&monotonic);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->deleted, NULL);
    w->deletes_tail = &w->deletes;
    w->db_path = strdup(cfg->db_path);
    w->dir = cfg->corpus_dir ? strdup(cfg->corpus_dir) : NULL;
    w->extract_threads = cfg->extract_threads;
    if (!w->db_path || (cfg->corpus_dir && !w->dir)) {
        log_error("serve: out of memory");
        goto fail;
    }
    /* Never created here: `serve` created it (--create) or it exists. */
    if (!(w->st = store_open_mode(cfg->db_path, STORE_OPEN_EXISTING, &err)) ||
        !(w->intake = store_open_mode(cfg->db_path, STORE_OPEN_EXISTING, &err)) ||
        !(w->lease = store_open_mode(cfg->db_path, STORE_OPEN_EXISTING, &err))) {
        log_error("serve: cannot open %s for writing: %s", cfg->db_path, err ? err : "?");
        goto fail;
    }
    /* No commit of the server's copies the log into the database on the way (a pause of a
     * tenth of a second and more in the middle of a post's merge): the writer thread does
     * it between two pieces of work (writer_main). */
    store_defer_checkpoints(w->st);
    store_defer_checkpoints(w->intake);
    store_defer_checkpoints(w->lease);
    /* The jobs this server claims are its own, under a lease the lease thread renews. */
    char owner[INGEST_JOB_OWNER_MAX + 1];
    if (ingest_job_owner(owner, sizeof owner) ||
        store_set_job_owner(w->st, owner, INGEST_JOB_LEASE_SECONDS) ||
        store_set_job_owner(w->lease, owner, INGEST_JOB_LEASE_SECONDS)) {
        log_error("serve: cannot name this server as the owner of its jobs");
        goto fail;
    }
    log_debug("jobs: claimed as '%s'", owner);
    if ((w->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("serve: eventfd: %s", strerror(errno));
        goto fail;
    }
    if (w->dir) {
        if ((w->dir_fd = open(w->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            log_error("serve: cannot open --corpus %s: %s", w->dir, strerror(errno));
            goto fail;
        }
        /* Watched before the first reading, so that no file falls between the two. */
        if ((w->watch_fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) < 0 ||
            inotify_add_watch(w->watch_fd, w->dir, WATCH_EVENTS) < 0) {
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            log_error("serve: cannot watch --corpus %s: %s", w->dir, strerror(errno));
            goto fail;
        }
    }
    int rc = pthread_create(&w->lease_thread, NULL, lease_main, w);
    if (rc) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("serve: cannot start the lease thread: %s", strerror(rc));
        goto fail;
    }
    w->lease_started = true;
    rc = pthread_create(&w->thread, NULL, writer_main, w);
    if (rc) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("serve: cannot start the writer thread: %s", strerror(rc));
        goto fail;
    }
    if (w->dir)
        log_info("writer: reading and watching %s", w->dir);
    api_set_database_check(database_gone, w);
    return w;

fail:
    free(err);
    stop_lease_thread(w);
    writer_free(w);
    return NULL;
}

void writer_stop(writer *w)
{
    if (!w)
        return;
    api_set_database_check(NULL, NULL);
    atomic_store(&w->stopping, true);
    wake(w);
    pthread_join(w->thread, NULL);
    stop_lease_thread(w);
    writer_free(w);
}

int writer_enqueue(writer *w, const api_article *article, char **job_id)
{
    store_job_in in = {.text = article->text,
                       .len = article->len,
                       .title = article->title,
                       .url = article->url,
                       .published = article->published};

    pthread_mutex_lock(&w->intake_lock);
    int rc = database_in_place(w, w->intake) ? store_enqueue_job(w->intake, &in, job_id)
                                             : STORE_UNAVAILABLE;
    if (rc == STORE_ERROR)
        log_error("writer: queueing a posted article: %s", store_errmsg(w->intake));
    /* Committed to a file that was deleted meanwhile: the job is lost with it. */
    if (rc == STORE_OK && !database_in_place(w, w->intake)) {
        free(*job_id);
        *job_id = NULL;
        rc = STORE_UNAVAILABLE;
    }
    pthread_mutex_unlock(&w->intake_lock);
    if (rc != STORE_OK)
        return rc;
    api_metrics_ingest("queued", -1);
    log_info("jobs: %s queued (%zu bytes)", *job_id, article->len);
    wake(w);
    return STORE_OK;
}

int writer_delete_source(writer *w, const char *id)
{
    delete_request *req = calloc(1, sizeof *req);
    if (!req)
        return STORE_ERROR;
    req->id = id;
    req->result = STORE_ERROR;

    pthread_mutex_lock(&w->lock);
    if (atomic_load(&w->stopping) || atomic_load(&w->database_gone)) {
        pthread_mutex_unlock(&w->lock);
        free(req);
        return atomic_load(&w->database_gone) ? STORE_UNAVAILABLE : STORE_ERROR;
    }
    *w->deletes_tail = req;
    w->deletes_tail = &req->next;
    pthread_mutex_unlock(&w->lock);
    wake(w);
    pthread_mutex_lock(&w->lock);
    while (!req->done)
        pthread_cond_wait(&w->deleted, &w->lock);
    pthread_mutex_unlock(&w->lock);
    int result = req->result;
    free(req);
    return result;
}
