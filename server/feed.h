/* feed: the requests of `factd serve` that wait for the change log to grow (GET /changes):
 * long polls (wait=SECONDS) and event streams (Accept: text/event-stream).
 *
 * A waiting request is a suspended libmicrohttpd connection: it holds no thread and no
 * database transaction, and its worker goes on serving other connections.  The waiting
 * requests are on one list; while it is not empty a watcher thread reads the change log's
 * last seq every FEED_POLL_MS, on a read-only handle of its own (so that it sees whatever
 * process wrote: this server's writer, `factd ingest`, another server on PostgreSQL), and
 * resumes each request the log has gone past, and each whose time is up.  A long poll is
 * then answered with the page there is; an event stream sends the entries that came, or a
 * comment that keeps the connection alive, and waits again.  At most max_waiting requests
 * wait at once (an event stream counts for as long as it is open); past that the API
 * answers 503.  feed_stop() resumes every waiting request, and none waits after it: call it
 * before stopping libmicrohttpd, which must not stop with a connection suspended.
 */
#ifndef FACTD_SERVER_FEED_H
#define FACTD_SERVER_FEED_H

#include <microhttpd.h>
#include <stdbool.h>

#include "store/store.h"

typedef struct feed feed;

/* A request's place among the waiting ones; zeroed before its first use. */
typedef struct feed_waiter {
    struct MHD_Connection *conn;
    long long after; /* resumed once the log has an entry after this seq */
    double until;    /* or at this monotonic time */
    bool listed;     /* waiting now: the connection is suspended */
    bool counted;    /* counts against max_waiting */
    struct feed_waiter *prev, *next;
} feed_waiter;

/* Starts the watcher on the database at db_path.  An event stream sends a comment after
 * keepalive_s seconds without an event.  NULL when the thread cannot start (logged). */
feed *feed_start(const char *db_path, unsigned max_waiting, unsigned keepalive_s);
/* Resumes every waiting request and refuses new ones; stops the watcher. */
void feed_stop(feed *f);
/* Frees the feed once libmicrohttpd has stopped (every stream is freed). */
void feed_free(feed *f);

/* True when as many requests wait as may. */
bool feed_full(feed *f);

enum feed_hold {
    FEED_HELD,     /* the connection is suspended until the log or the time moves on */
    FEED_FULL,     /* too many wait already */
    FEED_STOPPING, /* the server is stopping: answer now */
};
/* Suspends a long poll's connection (from its access handler) until the log has an entry
 * after `after` or `seconds` pass.  The request counts against max_waiting until
 * feed_release(). */
enum feed_hold feed_hold(feed *f, feed_waiter *w, struct MHD_Connection *conn, long long after,
                         int seconds);
/* Gives back a request's place among the waiting ones (none when it holds none). */
void feed_release(feed *f, feed_waiter *w);

/* The response of an event stream of the entries of `kinds` (store_change_kind bits) after
 * `after`, read on the connection's worker thread from the handle reader(arg) gives.  NULL
 * with *why FEED_FULL or FEED_STOPPING, or out of memory (*why FEED_HELD). */
struct MHD_Response *feed_stream(feed *f, struct MHD_Connection *conn, long long after,
                                 unsigned kinds, store *(*reader)(void *arg), void *arg,
                                 enum feed_hold *why);

#endif
