/* store: the database behind factd: a SQLite file, or a PostgreSQL database when the path is
 * a postgresql:// (or postgres://) URI.
 *
 * One database holds the articles (byte for byte), each article's extraction, and the merged
 * facts the API serves.  On SQLite: WAL mode, foreign keys on, a schema version in PRAGMA
 * user_version with forward migrations; on PostgreSQL the same tables (schema.c).  Every
 * statement is prepared with bound parameters.
 *
 * Writers: store_put_source() commits one article and its extraction in one transaction and
 * marks the facts stale; store_replace_facts() swaps the whole merged fact set in one
 * transaction.  Readers (the API, one read-only handle per worker thread) see either the old
 * or the new set, never a mix.
 *
 * Read functions return typed rows and pages (rows.h), nothing of JSON: api/ decides what
 * the answers look like.  Evidence comes with its excerpt, cut from the stored text.  What
 * the writers read back (ids, the owners of jobs, the merge index's reports and people) is
 * typed rows too.  JSON crosses only as the documents of ingest.h, which the store keeps in
 * its columns: an extraction, the FACTS document, and the merge's facts, reports and
 * summaries.
 */
#ifndef FACTD_STORE_H
#define FACTD_STORE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "store/rows.h"

typedef struct store store;

enum store_result {
    STORE_OK = 0,
    STORE_NOT_FOUND = 1,
    STORE_BAD_QUERY = 2,   /* the request's query (an FTS5 expression) is not valid */
    STORE_CONFLICT = 3,    /* the item is not in a state that allows the change (a job) */
    STORE_UNAVAILABLE = 4, /* the database takes no writes: its file was deleted or replaced
                            * while open (store_file_moved), or it is read-only */
    STORE_ERROR = -1,
};

/* Opens (and when writable, creates and migrates) the database at path: a file, "sqlite:FILE"
 * or a PostgreSQL URI (db_engine_of).  On failure returns NULL and, when err is given, a
 * malloc'd one-line reason. */
store *store_open(const char *path, bool readonly, char **err);

enum store_open_mode {
    STORE_OPEN_READ_ONLY, /* store_open(path, true, err); a database in a read-only folder
                            * without its -wal and -shm files is opened immutable */
    STORE_OPEN_EXISTING,  /* read-write, migrated, but never created: a missing file fails */
    STORE_OPEN_CREATE,    /* read-write, migrated, created when missing: store_open(path, false) */
};
store *store_open_mode(const char *path, enum store_open_mode mode, char **err);
void store_close(store *st);
/* The file name of the handle's database (for another handle on the same file; on
 * PostgreSQL the URI it was opened with), or NULL for an in-memory or temporary database.
 * Owned by the handle. */
const char *store_filename(store *st);

/* Whether the file this handle has open is still the one at its path: 1 when it was
 * deleted, or replaced by another file (another inode or device), since it was opened; 0
 * when it is in place; STORE_ERROR when that cannot be told.  Whatever a handle writes to a
 * file no longer at its path is lost when the handle closes, so writers look first. */
int store_file_moved(store *st);

/* Opens the database at path for `factd serve` (created when missing with create, else never):
 *   STORE_OK           *out is a read-write handle, migrated, and this process may write
 *   STORE_UNAVAILABLE  this process may not write it (a read-only file or folder, a
 *                      read-only file system): *out is a read-only handle, *why the reason
 *   STORE_ERROR        it cannot be opened at all: *why the reason
 * *why is malloc'd (or NULL). */
int store_open_for_serving(const char *path, bool create, store **out, char **why);

/* Whether this process may write to the database of a writable handle: STORE_OK, or
 * STORE_UNAVAILABLE with the reason in store_errmsg() (a file or folder it may not write,
 * a read-only file system).  Tried with a write that is rolled back. */
int store_check_writable(store *st);
/* Last error message of this handle (never NULL). */
const char *store_errmsg(const store *st);

/* --- bulk loading --- */

/* A bulk load (`factd ingest`): until store_bulk_end(), each article stored waits for the
 * search index in a table of its own (committed with the article) and goes in with all the
 * others at the end, in one statement; the handle's page cache is larger meanwhile.  The
 * articles are stored and served at once, and found by /search from store_bulk_end() on.
 * store_bulk_begin() first indexes what an earlier load left waiting.  0, or STORE_ERROR. */
int store_bulk_begin(store *st);
int store_bulk_end(store *st);
/* Indexes the articles a bulk load left waiting (it stopped before its end); the server's
 * writer calls it when it starts.  0, or STORE_ERROR. */
int store_search_catch_up(store *st);

/* --- writing (ingest) --- */

typedef struct store_source_in {
    const char *file; /* base name, or NULL */
    const char *text; /* exact bytes as read */
    size_t len;
    const char *sha256; /* lowercase hex of text */
    const json_t *extraction;
    /* What the poster said of the article, or NULL: title and published (YYYY-MM-DD) are
     * served instead of what the extraction found, url as given.  Kept across re-extraction. */
    const char *title, *url, *published;
} store_source_in;

/* A batch: the writes between store_batch_begin() and store_batch_commit() share one
 * transaction, each still all or nothing on its own (a savepoint), so that a bulk ingest
 * pays for one commit per batch instead of one per article.  A crash or a rollback drops
 * the whole batch, never part of one write.  Readers see none of it until the commit. */
int store_batch_begin(store *st);
int store_batch_commit(store *st);
void store_batch_rollback(store *st);

/* True (1) when an article with this SHA-256 is stored, 0 when not, -1 on error. */
int store_has_source(store *st, const char *sha256);
/* Stores one article and its extraction in one transaction; sets *id_out (malloc'd) to its id.
 * Storing the same bytes again is a no-op returning STORE_OK with the existing id. */
int store_put_source(store *st, const store_source_in *src, char **id_out);
/* All stored extractions as [{"source_id", "extraction"}], ordered by source id. */
int store_load_extractions(store *st, json_t **out);
/* Calls fn(ctx, source id, published, items) for each stored article in id order, with the
 * list `list` ("people", "agreements", ...) of its extraction (NULL when it has none) and its
 * publication date (NULL when none): what a full merge reads of one list, without holding
 * every extraction.  fn borrows items; a non-zero return stops the walk and is returned. */
typedef int (*store_list_fn)(void *ctx, const char *source_id, const char *published,
                             json_t *items);
int store_each_extraction_list(store *st, const char *list, store_list_fn fn, void *ctx);
/* Replaces every merged fact with `facts` (the FACTS document of ingest.h) in one transaction. */
int store_replace_facts(store *st, const json_t *facts);
/* True when articles were stored since the facts were last replaced. */
int store_facts_stale(store *st);

/* --- changing stored articles (revise.c) --- */

/* Brings the fact set up to date after the article `deleted` is gone (the incremental merge,
 * ingest_merge_after_delete); 0 or STORE_ERROR.  The store calls it inside its own write
 * transaction, so that what it merges is exactly what is stored. */
typedef int (*store_update_fn)(store *st, const char *deleted, void *ctx);

/* Deletes one article: its row, its hints, its evidence and its search row, in one
 * transaction.  With update, the same transaction then merges again the facts the article
 * was part of, so readers see the old facts or the new ones and nothing in between;
 * without, it marks the facts stale (and the merge index out of date) and the caller
 * re-merges.  STORE_NOT_FOUND for an unknown id. */
int store_delete_source(store *st, const char *id, store_update_fn update, void *ctx);
/* The ids of the articles whose extraction was made by an extractor older than version,
 * in id order; release *ids with store_strings_release(). */
int store_outdated_sources(store *st, int version, store_strings *ids);
/* Replaces one article's extraction (and the extractor_version, title, byline, dateline and
 * published it gives; the poster's hints still win) in one transaction that marks the facts
 * stale.  The merged facts are left as they are until the caller re-merges.  STORE_NOT_FOUND
 * for an unknown id. */
int store_replace_extraction(store *st, const char *id, const json_t *extraction);

/* --- the incremental merge's index (merge_index.c) --- */

/* 1 when the index describes the stored facts (an incremental merge can run), 0 when the
 * next merge must be a full one, STORE_ERROR on error. */
int store_merge_index_ready(store *st);
/* Inside a write transaction: empties the index (a full merge then fills it). */
int store_merge_index_clear(store *st);
/* Inside a write transaction: marks the index current, and the facts fresh or (articles
 * remain to merge) stale; after a full merge (`full`, the facts marked fresh already), first
 * finds the search rows of the facts it wrote. */
int store_merge_index_done(store *st, bool full, bool fresh);
/* [{"source_id", "extraction"}] of at most `limit` stored articles the index does not hold
 * yet, in id order. */
int store_merge_pending_sources(store *st, int limit, json_t **out);

/* How store_merge_items finds reports: by blocking key (a = key), by key within one article
 * (a = key, b = source), by the keys under prefix a whose rest holds b, by the keys under
 * prefix a whose rest b holds, by fact (a = fact id), of one article (a = source). */
enum store_merge_by {
    STORE_MERGE_BY_KEY,
    STORE_MERGE_BY_KEY_IN_SOURCE,
    STORE_MERGE_KEY_HOLDS,
    STORE_MERGE_KEY_WITHIN,
    STORE_MERGE_BY_FACT,
    STORE_MERGE_OF_SOURCE,
};
/* The indexed reports of list `kind` ("people", "agreements", ...) found as `by` says, in
 * *out (rows.h; release with store_merge_reports_release()). */
int store_merge_items(store *st, enum store_merge_by by, const char *kind, const char *a,
                      const char *b, store_merge_reports *out);
/* Each person the article `source` knows, by the key its extraction gives them, in *refs
 * (rows.h; release with store_merge_ref_list_release()). */
int store_merge_refs(store *st, const char *source, store_merge_ref_list *refs);
/* A stored person's name (malloc'd; NULL when there is no such person). */
int store_merge_person_name(store *st, const char *id, char **name);
/* The ids of the facts of `kind` whose merge_key is `merge_key`, in *ids (release with
 * store_strings_release()). */
int store_merge_facts_by_key(store *st, const char *kind, const char *merge_key,
                             store_strings *ids);
/* A fact's merge_key (malloc'd; NULL when not indexed). */
int store_merge_fact_key(store *st, const char *kind, const char *id, char **merge_key);

/* The write transaction an incremental merge runs in. */
int store_merge_begin(store *st);
int store_merge_commit(store *st);
void store_merge_rollback(store *st);
/* Inside it, a full merge replaces the whole fact set a list at a time, so as not to hold
 * every fact at once: begin empties the facts and the index; put stores the list `list` of the FACTS document `facts` (people
 * first; a list may come in several parts); end cuts the excerpts, counts the sources and
 * indexes the facts for search. */
int store_merge_rebuild_begin(store *st);
int store_merge_rebuild_put(store *st, const json_t *facts, const char *list);
int store_merge_rebuild_end(store *st);

/* Writing the index and part of the fact set, inside the caller's write transaction. */
int store_merge_put_source(store *st, const char *source, const char *published);
/* The write-ahead log is copied into the database by whoever commits when it has grown
 * past 1,000 pages (SQLite's automatic checkpoint), a pause in the middle of that writer's
 * work.  After store_defer_checkpoints() the handle's commits no longer do it, and
 * store_checkpoint() does it at a time of the caller's choosing, when the log has at least
 * min_frames pages since (readers may keep it from copying all). */
int store_defer_checkpoints(store *st);
int store_checkpoint(store *st, int min_frames);
/* Notes that the article `source` was stored and awaits its merge. */
int store_merge_pending_add(store *st, const char *source);
int store_merge_drop_source(store *st, const char *source);
/* Indexes one report as part of fact_id; with keys (an array of strings), replaces its
 * blocking keys and the report itself too. */
int store_merge_put_item(store *st, const char *kind, const char *source, int idx,
                         const char *fact_id, const json_t *report, const json_t *keys);
int store_merge_put_fact(store *st, const char *kind, const char *id, const char *merge_key,
                         const json_t *summary);
/* A fact's summary (the "merge_summary" its merge gave it) in *summary, NULL when it has
 * none. */
int store_merge_fact_summary(store *st, const char *kind, const char *id, json_t **summary);
/* What an agreement's summary keeps of each distinct report for agreements_same() (its
 * "sigs"), each as the JSON text it is kept under, appended to the array sigs; none when the
 * agreement has no summary.  The summary itself is not parsed: of the agreements a new report
 * is compared with, only the one it joins needs its whole summary. */
int store_merge_agreement_sigs(store *st, const char *id, json_t *sigs);
/* The fact (malloc'd id in *fact_id, NULL when none) of a report filed under the blocking
 * key `key`, other than the fact `other_than` when not NULL. */
int store_merge_fact_of_key(store *st, const char *kind, const char *key, const char *other_than,
                            char **fact_id);
/* The facts of the reports store_merge_items() would find by key (STORE_MERGE_BY_KEY,
 * STORE_MERGE_KEY_HOLDS, STORE_MERGE_KEY_WITHIN), without reading the reports, in *ids
 * ("" for a report of an older index, which names no fact; release with
 * store_strings_release()). */
int store_merge_item_facts(store *st, enum store_merge_by by, const char *kind, const char *a,
                           const char *b, store_strings *ids);
/* A new report joined the agreement `id`: its row, people, evidence (the spans `evidence`
 * added) and search row follow `agreement` (as ingest_merge_agreement gives it). */
int store_merge_join_agreement(store *st, const char *id, const json_t *agreement,
                               const json_t *evidence);
/* 1 when a report of the article `source` is in the fact `id` of `kind`, 0 when none. */
int store_merge_source_in_fact(store *st, const char *kind, const char *source, const char *id);
/* A new report joined the quote `id`: its row takes the fields of `quote` (as
 * ingest_merge_quote gives them), its evidence the spans `evidence` ([{"source_id", "start",
 * "end"}]), its search row the text when `text_changed`. */
int store_merge_join_quote(store *st, const char *id, const json_t *quote, bool text_changed,
                           const json_t *evidence);
/* Replaces the n_old facts old_ids of list `list` ("agreements", "meetings", "quotes") by
 * `facts` (annotated as ingest_merge_with gives them): rows, people, evidence, search. */
int store_merge_splice(store *st, const char *list, const char *const *old_ids, size_t n_old,
                       const json_t *facts);
/* Stores (or updates) people facts; removes a person no fact refers to any more. */
int store_merge_put_people(store *st, const json_t *people);
int store_merge_drop_person(store *st, const char *id);

/* How many merged facts of each kind an article supports (store_fact_counts, rows.h). */
int store_source_fact_counts(store *st, const char *id, store_fact_counts *out);

/* --- the queue of posted articles (jobs.c) --- */

/* A posted article and what its poster said of it (NULL when nothing). */
typedef struct store_job_in {
    const char *text;
    size_t len;
    const char *title, *url, *published;
} store_job_in;

/* Queues an article in one transaction and sets *id_out (malloc'd, 16 hex digits) to the
 * job's id.  Nothing is checked here: the caller validates, the job runner checks again. */
int store_enqueue_job(store *st, const store_job_in *in, char **id_out);

/* A job's state (store_job_status, rows.h), for GET /jobs/{id}; release *job with
 * store_job_status_release().  STORE_NOT_FOUND for an unknown id. */
int store_get_job(store *st, const char *id, store_job_status *job);

/* A claimed job: everything its runner needs.  Strings are malloc'd (store_job_release). */
typedef struct store_job {
    char *id;
    char *text; /* NUL-terminated for convenience; len bytes are the article */
    size_t len;
    char *title, *url, *published;
    int attempts;          /* runs so far, this one included */
    double waited_seconds; /* from queueing to this claim */
} store_job;

/* Who runs the jobs this handle claims, when several servers share the database: owner (a
 * string that names one server process, copied; NULL: none) and the lease a claim takes,
 * lease_seconds long, which store_renew_job_leases() extends.  A handle without an owner
 * claims jobs without a lease, which any store_requeue_jobs() may take back. */
int store_set_job_owner(store *st, const char *owner, int lease_seconds);
/* Extends, by the handle's lease, the lease of every running job the handle's owner holds
 * (*renewed: how many, may be NULL).  Takes no write lock when there is none. */
int store_renew_job_leases(store *st, long long *renewed);
/* Ends at once the leases of the running jobs of owner (NULL: the handle's own), so that
 * the next store_requeue_jobs() takes them back: for an owner known to be gone, or for a
 * server's own jobs that it could not finish. */
int store_expire_job_leases(store *st, const char *owner, long long *expired);
/* The owners, other than the handle's, of running jobs whose lease holds, in *owners
 * (release with store_strings_release()). */
int store_job_lease_owners(store *st, store_strings *owners);

/* Moves the oldest queued job to 'running' (one statement, so two runners never claim the
 * same job), owned by the handle's owner with a fresh lease, and fills *job.
 * STORE_NOT_FOUND when nothing is queued. */
int store_claim_job(store *st, store_job *job);
void store_job_release(store_job *job);
/* Ends a running job: 'done' with the article's id, whether those bytes were stored
 * already, and the fact counts; or 'failed' with a one-line reason (a queued job may fail
 * too).  The job's copy of the text is dropped either way.  STORE_NOT_FOUND for an unknown
 * id, STORE_CONFLICT for a job in another state, or running under another owner (it was
 * taken over after this handle's lease expired). */
int store_finish_job(store *st, const char *id, const char *source_id, bool already_stored,
                     const store_fact_counts *counts);
int store_fail_job(store *st, const char *id, const char *reason);
/* Running jobs whose lease has expired (their server died or stopped renewing; jobs
 * without a lease) go back to the queue, except those that have been tried max_attempts
 * times already, which fail.  Jobs another live server holds are left alone.  Sets how
 * many of each (either pointer may be NULL).  Takes no write lock when there is none. */
int store_requeue_jobs(store *st, int max_attempts, long long *requeued, long long *failed);
/* The jobs waiting and running now, for /metrics. */
int store_job_queue(store *st, long long *queued, long long *running);

/* --- reading (API) --- */

/* The read functions fill the typed rows of rows.h; each result is released with its own
 * release function, also after a failure. */

/* --- lists with filters, sorting and keyset cursors (query.c) --- */

/* Filters; NULL (or 0) is "any".  Each applies to the kinds named; the API only passes the
 * ones a list takes.  Person filters match a person id, or a name or alias of the person,
 * case-insensitively (ASCII case).  Dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD): a
 * fact matches when the period its date denotes overlaps [date_from, date_to]. */
typedef struct store_filters {
    const char *party;       /* agreements: one of the parties */
    const char *signatory;   /* agreements: a person */
    const char *acronym;     /* agreements */
    const char *participant; /* meetings: a person */
    const char *place;       /* meetings */
    const char *speaker;     /* quotes: a person, or the speaker's name as served */
    const char *date_from;   /* agreements: signed; meetings: date; quotes: published date */
    const char *date_to;     /*   of an article the quote is in */
    const char *source_id;   /* facts with evidence in this article */
    int min_sources;         /* facts supported by at least this many articles */
    int disputed;            /* facts and people: 1 those whose sources disagree, -1 those
                              * whose sources agree, 0 both */
    const char *q;           /* sources: an FTS5 query over their title and text */
} store_filters;

typedef struct store_list_query {
    enum store_kind kind;
    const char *sort;           /* a field of store_sort_fields(kind); NULL: the kind's default */
    bool descending;            /* nulls still come last */
    const store_cursor *cursor; /* NULL: the first page */
    const char *after;          /* alternatively the id of the previous page's last item */
    int limit;                  /* 1..INT_MAX-1 */
    enum store_evidence evidence;
    bool count; /* also count every match (store_page.total) */
    store_filters filters;
} store_list_query;

/* The sort fields of a kind, NULL-terminated; the first is the default. */
const char *const *store_sort_fields(enum store_kind kind);
/* A page of a filtered, sorted list.  STORE_BAD_QUERY when q is not a valid FTS5 query. */
int store_list_page(store *st, const store_list_query *query, store_page *page);
/* One fact or resource, with as much of its evidence as asked; a person with the facts they
 * take part in.  STORE_NOT_FOUND for an unknown id. */
int store_get_item(store *st, enum store_kind kind, const char *id, enum store_evidence evidence,
                   store_item *item);

typedef struct store_evidence_query {
    enum store_kind kind;                /* STORE_AGREEMENTS, STORE_MEETINGS or STORE_QUOTES */
    const char *id;                      /* the fact's */
    const store_evidence_cursor *cursor; /* NULL: the first page */
    int limit;                           /* 1..INT_MAX-1 */
    enum store_evidence evidence;        /* FULL or IDS */
    bool count;                          /* also count every span (page->total) */
} store_evidence_query;

/* A page of every evidence span of one fact, in the order served.  STORE_NOT_FOUND for an
 * unknown fact. */
int store_list_evidence(store *st, const store_evidence_query *query, store_evidence_page *page);

/* Whether `name` is an attribute whose values the sources of a fact may dispute: an
 * agreement's signed, place, parties, signatories; a meeting's date, place, participants;
 * a quote's speaker; a person's title. */
bool store_dispute_attribute_ok(const char *name);

/* The conflicts: every fact and person whose sources disagree, newest first (by the date of
 * the fact: an agreement's signing, a meeting's; quotes and people, undated, last), then by
 * kind and id; an entry's date is that date. */
typedef struct store_conflict_query {
    const char *kind;      /* "agreement", "meeting", "quote" or "person"; NULL: all */
    const char *attribute; /* only facts disputing it; NULL: any */
    const char *source_id; /* only facts (people: in facts) with evidence in this article */
    const store_timeline_cursor *cursor;
    int limit;
    enum store_evidence evidence;
    bool count;
} store_conflict_query;

/* A page of the conflicts, as a page of the timeline. */
int store_list_conflicts(store *st, const store_conflict_query *query, store_timeline_page *page);

/* The timeline: agreements and meetings in date order (undated last), each with its fact. */
typedef struct store_timeline_query {
    const char *kind; /* "agreement" or "meeting"; NULL: both */
    const char *date_from, *date_to;
    int min_sources;
    bool descending;
    const store_timeline_cursor *cursor;
    int limit;
    enum store_evidence evidence;
    bool count;
} store_timeline_query;

/* A page of the timeline. */
int store_list_timeline(store *st, const store_timeline_query *query, store_timeline_page *page);

/* Everything found in one article: the article, its agreements, meetings and quotes, and
 * the people who take part in them.  STORE_NOT_FOUND for an unknown source. */
int store_get_source_facts(store *st, const char *source_id, enum store_evidence evidence,
                           store_source_facts *facts);

/* The exact stored text of a source (malloc'd, not NUL-terminated in meaning: use len). */
int store_source_text(store *st, const char *id, char **text, size_t *len);
/* STORE_OK when the database answers a trivial query. */
int store_ping(store *st);
/* What a reader needs to validate a cache: a counter every write transaction bumps and the
 * UTC time of that write ("2025-10-31T12:00:00Z").  Two reads with the same generation see
 * the same data. */
typedef struct store_version {
    long long generation;
    char modified_at[32];
} store_version;
int store_get_version(store *st, store_version *out);

/* Number of stored items of a kind in *count. */
int store_count(store *st, enum store_kind kind, long long *count);

/* What readiness checks and metrics tell about the database itself. */
typedef struct store_db_info {
    long long bytes;     /* page_count * page_size: the data, WAL content included */
    int schema_version;  /* PRAGMA user_version; on PostgreSQL meta.schema_version */
    bool schema_current; /* the version this factd reads (else store_errmsg() says why) */
} store_db_info;
int store_database_info(store *st, store_db_info *out);
/* The schema version this factd reads and migrates to: SQLite's (PRAGMA user_version) or,
 * with postgres, PostgreSQL's (meta.schema_version). */
int store_schema_current(bool postgres);

/* --- the change log (changes.c) ---
 *
 * Every write transaction that changes what the lists serve of a fact or a person records,
 * before it commits, one entry for each: created, updated (with the members that changed),
 * merged into another fact, or deleted, with the version the fact has after the change, as
 * served.  What a fact looks like served is api/'s to say: the process gives the store its
 * renderer once, before it opens any handle; a process that gives none keeps no log. */

/* The served JSON of a fact or person as its list shows it (a new reference; NULL when out
 * of memory). */
typedef json_t *(*store_fact_renderer)(const store_row *row);
/* Sets the renderer of the process (NULL: keep no log).  Once, before any handle opens and
 * before other threads run: handles read it without a lock. */
void store_set_fact_renderer(store_fact_renderer render);

/* The entries after seq `since`, at most `limit` (1..INT_MAX-1) of them, oldest first. */
int store_list_changes(store *st, long long since, int limit, store_change_page *page);
/* The kinds of the log's entries, as bits of a kinds filter. */
enum store_change_kind {
    STORE_CHANGE_PERSON = 1u << 0,
    STORE_CHANGE_AGREEMENT = 1u << 1,
    STORE_CHANGE_MEETING = 1u << 2,
    STORE_CHANGE_QUOTE = 1u << 3,
    STORE_CHANGE_SOURCE = 1u << 4,
    STORE_CHANGE_ALL = (1u << 5) - 1,
};
/* The bit of the kind named by the `len` bytes at `name` ("meeting"); false for no kind. */
bool store_change_kind_bit(const char *name, size_t len, unsigned *bit);
/* store_list_changes() of the entries of `kinds` (store_change_kind bits) alone, and of
 * those up to seq `upto` (LLONG_MAX: all). */
int store_list_changes_of(store *st, long long since, unsigned kinds, long long upto, int limit,
                          store_change_page *page);
/* The seq of the latest entry (0 when there is none) in *seq. */
int store_changes_last(store *st, long long *seq);
/* Since when the log knows which articles were stored (schema version 12): in *after the
 * last seq whose state it cannot tell (0: it knows every seq's), or -1 while the articles a
 * store had before it kept them are still to be recorded. */
int store_changes_sources_from(store *st, long long *after);
/* The versions of the facts of `kind` ("agreement", "meeting", "quote", "person", "source") that were
 * current at seq as_of, in id order: each the entry that made the fact as it stood then
 * (seq, id, fact).  With id, that fact's alone (none: it did not exist then). */
int store_list_versions(store *st, const char *kind, const char *id, long long as_of,
                        store_change_page *page);
/* The last seq of the write that made entry `seq` in *end: a seq inside a write's entries
 * names a state no reader saw, the end of that write one it did.  The entries of a write are
 * told by their time, so writes committed in the same millisecond count as one.  seq itself
 * when no entry has it (0, or beyond the last). */
int store_changes_write_end(store *st, long long seq, long long *end);
/* The seq of the last entry made at or before `time` (UTC, as entries tell it:
 * YYYY-MM-DDTHH:MM:SS.mmmZ) in *seq, 0 when none was. */
int store_changes_seq_at(store *st, const char *time, long long *seq);
/* The members of two served versions of a fact that differ, appended to `attributes` (a
 * JSON array) as strings: those of `after` in its order, then those only `before` has.
 * Returns how many. */
size_t store_changes_diff(const json_t *before, const json_t *after, json_t *attributes);

/* --- full-text search (search.c) and statistics (stats.c) --- */

/* The kinds a search covers, as bits of store_search_query.kinds. */
enum store_search_kind {
    STORE_SEARCH_SOURCES = 1u << 0,
    STORE_SEARCH_AGREEMENTS = 1u << 1,
    STORE_SEARCH_QUOTES = 1u << 2,
};

typedef struct store_search_query {
    const char *match;  /* an FTS5 query: words, "phrases", prefix*, AND, OR, NOT, NEAR() */
    unsigned kinds;     /* store_search_kind bits; 0: every kind */
    const char *cursor; /* the previous page's next_cursor; NULL: the first page */
    int limit;          /* 1..INT_MAX-1 */
    bool count;         /* also count every hit (store_search_page.total) */
    enum store_evidence evidence; /* of the facts the hits carry */
} store_search_query;

/* One page of hits.  STORE_BAD_QUERY (the reason in store_errmsg) when match is not a valid
 * FTS5 query or the cursor is not one store_search made. */
int store_search(store *st, const store_search_query *query, store_search_page *page);
/* One span of the evidence of a document of store_search_docs(). */
typedef struct store_search_span {
    const char *source_id;
    long long start, end; /* code points */
    const char *excerpt;
} store_search_span;
/* A document to search: what the search index holds of an article (name its title, body its
 * text), an agreement (name its name, each alias and its acronym, a line each) or a quote
 * (body its text), with a fact's evidence in the order source id, start, end. */
typedef struct store_search_doc {
    enum store_kind kind; /* STORE_SOURCES, STORE_AGREEMENTS or STORE_QUOTES */
    const char *id, *name, *body;
    size_t body_len;
    const store_search_span *spans;
    size_t nspans;
    bool spans_partial; /* the fact has more spans than these: its hit cannot be placed */
} store_search_doc;
/* store_search() of an index that holds these documents alone (and no others of the store),
 * made in memory for this one call; its hits carry no fact (fact_found false).
 * STORE_CONFLICT (the reason in store_errmsg) when a hit is a fact of spans_partial. */
int store_search_docs(store *st, const store_search_query *query, const store_search_doc *docs,
                      size_t ndocs, store_search_page *page);
/* True when cursor has the shape of a next_cursor. */
bool store_search_cursor_ok(const char *cursor);
/* The bit of the kind named name[0..len) ("source", "agreement", "quote"); false for another. */
bool store_search_kind_bit(const char *name, size_t len, unsigned *bit);

/* The counts behind GET /stats (see store_stats in rows.h): how many of each kind, facts
 * by year, the parties and speakers named most.  The party and speaker lists hold at most
 * `top` entries.  Release *stats with store_stats_release(). */
int store_get_stats(store *st, int top, store_stats *stats);

#endif
