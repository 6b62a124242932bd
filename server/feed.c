/* feed: the requests that wait for the change log (see feed.h). */
#include "server/feed.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "util/log.h"

/* How often the watcher reads the log's last seq while requests wait. */
#define FEED_POLL_MS 100
/* The entries an event stream reads at a time. */
#define FEED_EVENTS_AT_ONCE 100
/* The block libmicrohttpd asks an event stream for. */
#define FEED_BLOCK 16384
/* What an event stream says first: when the connection drops, EventSource reconnects after
 * this many milliseconds (sending Last-Event-ID). */
#define FEED_GREETING "retry: 1000\n\n"
#define FEED_KEEPALIVE ": keep-alive\n\n"

struct feed {
    char *db_path;
    unsigned max_waiting;
    double keepalive_s;
    atomic_uint waiting; /* requests that count against max_waiting */
    pthread_t watcher;
    bool started;
    pthread_mutex_t lock; /* guards the list, stopping */
    pthread_cond_t wake;  /* a request was listed, or the feed stops */
    feed_waiter *head;
    bool stopping;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Takes a request off the list and resumes its connection; the lock is held. */
static void resume(feed *f, feed_waiter *w)
{
    if (w->prev)
        w->prev->next = w->next;
    else
        f->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    w->prev = w->next = NULL;
    w->listed = false;
    MHD_resume_connection(w->conn);
}

/* Lists a request and suspends its connection until `until` or an entry after w->after.
 * Both under the lock, so that the watcher never resumes a connection not yet suspended. */
static enum feed_hold park(feed *f, feed_waiter *w, struct MHD_Connection *conn, double until)
{
    pthread_mutex_lock(&f->lock);
    if (f->stopping) {
        pthread_mutex_unlock(&f->lock);
        return FEED_STOPPING;
    }
    w->conn = conn;
    w->until = until;
    w->prev = NULL;
    w->next = f->head;
    if (f->head)
        f->head->prev = w;
    f->head = w;
    w->listed = true;
    MHD_suspend_connection(conn);
    pthread_cond_signal(&f->wake);
    pthread_mutex_unlock(&f->lock);
    return FEED_HELD;
}

/* Counts one more waiting request: false when there is no room. */
static bool take_place(feed *f, feed_waiter *w)
{
    if (w->counted)
        return true;
    unsigned n = atomic_load(&f->waiting);
    do {
        if (n >= f->max_waiting)
            return false;
    } while (!atomic_compare_exchange_weak(&f->waiting, &n, n + 1));
    w->counted = true;
    return true;
}

void feed_release(feed *f, feed_waiter *w)
{
    if (f && w->counted) {
        atomic_fetch_sub(&f->waiting, 1);
        w->counted = false;
    }
}

bool feed_full(feed *f)
{
    return f && atomic_load(&f->waiting) >= f->max_waiting;
}

enum feed_hold feed_hold(feed *f, feed_waiter *w, struct MHD_Connection *conn, long long after,
                         int seconds)
{
    if (!take_place(f, w))
        return FEED_FULL;
    w->after = after;
    return park(f, w, conn, now_s() + seconds);
}

/* The watcher: while requests wait, reads the log's last seq and resumes those it has gone
 * past and those whose time is up. */
static void *watch_main(void *arg)
{
    feed *f = arg;
    store *st = NULL;
    bool warned = false;

    pthread_mutex_lock(&f->lock);
    while (!f->stopping) {
        if (!f->head) {
            pthread_cond_wait(&f->wake, &f->lock);
            continue;
        }
        pthread_mutex_unlock(&f->lock);
        char *err = NULL;
        long long last = 0;
        if (!st && !(st = store_open(f->db_path, true, &err)) && !warned) {
            log_warn("feed: cannot open %s to follow its changes: %s", f->db_path,
                     err ? err : "unknown error");
            warned = true;
        }
        free(err);
        bool known = st && store_changes_last(st, &last) == STORE_OK;
        if (st && !known) {
            if (!warned)
                log_warn("feed: cannot read the change log: %s", store_errmsg(st));
            warned = true;
            store_close(st); /* opened again next time */
            st = NULL;
        }
        if (known)
            warned = false;
        double now = now_s(), next = now + FEED_POLL_MS / 1000.0;
        pthread_mutex_lock(&f->lock);
        for (feed_waiter *w = f->head, *after; w; w = after) {
            after = w->next;
            if ((known && last > w->after) || now >= w->until)
                resume(f, w);
            else if (w->until < next)
                next = w->until;
        }
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double wait = next - now > 0 ? next - now : 0;
        deadline.tv_sec += (time_t)wait;
        deadline.tv_nsec += (long)((wait - (double)(time_t)wait) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        while (!f->stopping && pthread_cond_timedwait(&f->wake, &f->lock, &deadline) != ETIMEDOUT)
            ;
    }
    pthread_mutex_unlock(&f->lock);
    store_close(st);
    return NULL;
}

feed *feed_start(const char *db_path, unsigned max_waiting, unsigned keepalive_s)
{
    feed *f = calloc(1, sizeof *f);
    pthread_condattr_t attr;

    if (!f || !(f->db_path = strdup(db_path))) {
        free(f);
        log_error("feed: out of memory");
        return NULL;
    }
    f->max_waiting = max_waiting;
    f->keepalive_s = keepalive_s ? keepalive_s : 1;
    atomic_init(&f->waiting, 0);
    pthread_mutex_init(&f->lock, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&f->wake, &attr);
    pthread_condattr_destroy(&attr);
    int rc = pthread_create(&f->watcher, NULL, watch_main, f);
    if (rc) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("feed: cannot start the watcher thread: %s", strerror(rc));
        feed_free(f);
        return NULL;
    }
    f->started = true;
    return f;
}

void feed_stop(feed *f)
{
    if (!f)
        return;
    pthread_mutex_lock(&f->lock);
    f->stopping = true;
    while (f->head)
        resume(f, f->head);
    pthread_cond_broadcast(&f->wake);
    pthread_mutex_unlock(&f->lock);
    if (f->started)
        pthread_join(f->watcher, NULL);
    f->started = false;
}

void feed_free(feed *f)
{
    if (!f)
        return;
    feed_stop(f);
    pthread_cond_destroy(&f->wake);
    pthread_mutex_destroy(&f->lock);
    free(f->db_path);
    free(f);
}

/* --- event streams --- */

typedef struct event_stream {
    feed *f;
    feed_waiter waiter; /* waiter.after: the seq of the last event sent */
    struct MHD_Connection *conn;
    store *(*reader)(void *arg);
    void *reader_arg;
    unsigned kinds; /* of the entries sent: store_change_kind bits */
    char *text;     /* what is to be sent, from `sent` on */
    size_t len, sent;
    double quiet_until; /* a comment goes out then, unless an event does first */
    bool greeted;
} event_stream;

/* Fills s->text with what goes out next: the greeting, the events after the last one sent,
 * or a keep-alive comment when it is time; nothing when there is nothing yet.  False when
 * the database failed. */
static bool next_text(event_stream *s)
{
    const char *fixed = NULL;
    double now = now_s();

    free(s->text);
    s->text = NULL;
    s->len = s->sent = 0;
    if (!s->greeted) {
        s->greeted = true;
        fixed = FEED_GREETING;
    } else {
        store *st = s->reader(s->reader_arg);
        if (!st || !api_changes_events(st, s->waiter.after, s->kinds, FEED_EVENTS_AT_ONCE, &s->text,
                                       &s->len, &s->waiter.after))
            return false;
        if (!s->text && now >= s->quiet_until)
            fixed = FEED_KEEPALIVE;
    }
    if (fixed) {
        if (!(s->text = strdup(fixed)))
            return false;
        s->len = strlen(fixed);
    }
    if (s->text)
        s->quiet_until = now + s->f->keepalive_s;
    return true;
}

/* libmicrohttpd's content reader: what there is to send, else the connection waits (0
 * bytes, suspended) until the log or the keep-alive time moves on. */
static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    event_stream *s = cls;
    (void)pos;
    if (s->sent == s->len && !next_text(s))
        return MHD_CONTENT_READER_END_WITH_ERROR;
    if (s->sent == s->len)
        return park(s->f, &s->waiter, s->conn, s->quiet_until) == FEED_HELD
                   ? 0
                   : MHD_CONTENT_READER_END_OF_STREAM;
    size_t n = s->len - s->sent < max ? s->len - s->sent : max;
    memcpy(buf, s->text + s->sent, n);
    s->sent += n;
    return (ssize_t)n;
}

static void stream_free(void *cls)
{
    event_stream *s = cls;
    feed_release(s->f, &s->waiter);
    free(s->text);
    free(s);
}

struct MHD_Response *feed_stream(feed *f, struct MHD_Connection *conn, long long after,
                                 unsigned kinds, store *(*reader)(void *arg), void *arg,
                                 enum feed_hold *why)
{
    event_stream *s = calloc(1, sizeof *s);
    *why = FEED_HELD;
    if (!s)
        return NULL;
    s->f = f;
    s->conn = conn;
    s->reader = reader;
    s->reader_arg = arg;
    s->waiter.after = after;
    s->kinds = kinds;
    pthread_mutex_lock(&f->lock);
    bool stopping = f->stopping;
    pthread_mutex_unlock(&f->lock);
    if (stopping || !take_place(f, &s->waiter)) {
        *why = stopping ? FEED_STOPPING : FEED_FULL;
        free(s);
        return NULL;
    }
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, FEED_BLOCK,
                                                               stream_read, s, stream_free);
    if (!r)
        stream_free(s);
    return r;
}
