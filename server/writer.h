/* writer: the one thread of `factd serve` that writes articles and facts.
 *
 * It owns the read-write store handle: at start it puts back the jobs a crash left running,
 * reads every new or changed .txt of the --corpus folder, merges the facts if they are
 * stale and re-reads, in the background, the articles an older extractor read.  Then it
 * runs, one at a time and each whole: deletions asked for by DELETE /sources/{id}, the jobs
 * POST /sources queued, and the files that appear in the folder (inotify).  Readers keep
 * their own read-only handles and never wait for it (WAL).
 *
 * POST /sources does not wait for it: writer_enqueue() commits the job row on a second
 * handle kept for that alone (one short INSERT, behind a lock), wakes the thread and
 * returns, so a 202 is sent once the job is durable, however long the writer's current
 * merge takes.
 */
#ifndef FACTD_SERVER_WRITER_H
#define FACTD_SERVER_WRITER_H

#include <stdbool.h>

#include "api/api.h"

typedef struct writer writer;

typedef struct writer_config {
    const char *db_path;
    const char *corpus_dir;   /* --corpus: the folder to read and watch, or NULL */
    unsigned extract_threads; /* threads extracting a batch of jobs or files (--threads;
                               * 0: one per core); the writer thread stores them alone */
} writer_config;

/* Opens the handles, watches the folder and starts the thread.  NULL when any of that
 * fails, with the reason logged. */
writer *writer_start(const writer_config *cfg);
/* Asks the thread to stop after the article it is on (never halfway through one), waits
 * for it and closes everything.  NULL is a no-op. */
void writer_stop(writer *w);

/* Queues a posted article: STORE_OK once its job is committed (*job_id, malloc'd, its id),
 * STORE_UNAVAILABLE when the database file was deleted or replaced while serving (every
 * write is refused from then on, with one error in the log), else STORE_ERROR (logged).
 * Any thread. */
int writer_enqueue(writer *w, const api_article *article, char **job_id);
/* Deletes a source through the thread and waits until readers see the facts without it:
 * STORE_OK, STORE_NOT_FOUND, STORE_UNAVAILABLE (as for writer_enqueue) or STORE_ERROR.  Any
 * thread but the writer's. */
int writer_delete_source(writer *w, const char *id);

/* Runs `factd merge --db db_path` (this very binary, /proc/self/exe) and waits for it: true
 * when it merged.  A merge holds every stored extraction in memory at once, tens of
 * kilobytes an article; in a process of its own, all of it goes back to the system when it
 * exits, and the server keeps only what serving needs however large the store grows.  The
 * child is killed if the calling thread's process dies (SQLite rolls its transaction back;
 * the facts stay stale for the next start).  The thread blocks meanwhile. */
bool writer_merge_in_child(const char *db_path);

#endif
