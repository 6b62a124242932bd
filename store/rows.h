/* rows: what the store's read side hands back: typed rows and pages, nothing of JSON.
 *
 * api/ decides what the answers look like; the store only says what is stored.  Every
 * string is NUL-terminated UTF-8 as stored, NULL for a missing value (SQL NULL).
 *
 * Ownership: each result (a page, an item, the stats, a job) owns everything its rows point
 * to, in one arena of its own, and is freed as a whole by its one release function
 * (store_page_release, store_stats_release, ...).  A row is never freed on its own, and
 * nothing in it outlives its result.  A release function takes a result that was filled or
 * zeroed (every read function zeroes its result first, also when it fails).
 */
#ifndef FACTD_STORE_ROWS_H
#define FACTD_STORE_ROWS_H

#include <stdbool.h>
#include <stddef.h>

/* Where a result's rows live (rows.c); opaque. */
typedef struct store_arena store_arena;

/* How many merged facts of each kind an article supports (has evidence in), and how many
 * people take part in them. */
typedef struct store_fact_counts {
    long long agreements, meetings, quotes, people;
} store_fact_counts;

/* --- the queue of posted articles (jobs.c) --- */

/* A posted article's job as its poster follows it (store_get_job). */
typedef struct store_job_status {
    const char *id;
    const char *state;                    /* "queued", "running", "done" or "failed" */
    const char *created_at;               /* UTC, ISO 8601 to the millisecond */
    const char *started_at, *finished_at; /* NULL until then */
    const char *source_id;                /* done: the article's id */
    int already_stored; /* done: 1 when those bytes were stored before, 0 when not; else -1 */
    bool counts_known;  /* done: counts holds the facts the article supports */
    store_fact_counts counts;
    const char *error; /* failed: the reason */
    store_arena *arena;
} store_job_status;

void store_job_status_release(store_job_status *job);

/* --- statistics (stats.c) --- */

/* How many facts are dated in one year; dated is false for the undated ones (year 0). */
typedef struct store_year_count {
    bool dated;
    long long year;
    long long count;
} store_year_count;

/* How many agreements name one party. */
typedef struct store_party_count {
    const char *party;
    long long count;
} store_party_count;

/* How many quotes one speaker has: a person (person_id set, speaker their name), a name
 * that is nobody's in /people, or nobody known (both NULL). */
typedef struct store_speaker_count {
    const char *speaker;
    const char *person_id;
    long long count;
} store_speaker_count;

/* The numbers behind GET /stats (store_stats). */
typedef struct store_stats {
    long long sources, agreements, meetings, quotes, people;
    /* oldest first, undated last */
    store_year_count *agreements_by_year, *meetings_by_year;
    size_t n_agreements_by_year, n_meetings_by_year;
    /* largest count first, then by name; at most `top` each */
    store_party_count *agreements_by_party;
    size_t n_agreements_by_party;
    store_speaker_count *quotes_by_speaker;
    size_t n_quotes_by_speaker;
    store_arena *arena;
} store_stats;

void store_stats_release(store_stats *stats);

#endif
