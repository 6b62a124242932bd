/* store_private: what the files of store/ share and nobody else may use.
 *
 *   store.c   handles: open, close, errors, the statement cache, transactions (on SQLite or
 *             PostgreSQL: statements whose dialects differ have a NAME_PG text, STORE_SQL)
 *   schema.c  the schema and its forward migrations
 *   write.c   the ingest side: articles, extractions, the merged fact set
 *   revise.c  changes to stored articles: deleting one, replacing its extraction
 *   jobs.c    the queue of posted articles
 *   read.c    the API side: single resources and evidence as typed rows (rows.h)
 *   query.c   filtered, sorted pages with keyset cursors; the timeline; one source's facts
 *   search.c  full-text search over the FTS5 index
 *   stats.c   counts for /stats
 *   rows.c    the arena a read result's rows live in, and the results' release functions
 *   changes.c the change log: what each write transaction changed of the facts served
 */
#ifndef FACTD_STORE_PRIVATE_H
#define FACTD_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store/db.h"
#include "store/store.h"
#include "util/strmap.h"

/* Every statement a handle has prepared; SQL texts are static strings, so a statement is
 * found by the address of its text.  Room for every static SQL text of store/ (about 110 today) with
 * some to spare: a writable handle may use all of them. */
#define STORE_STMT_CACHE 160
#define STORE_DYNAMIC_CACHE 32

struct store {
    /* The SQLite connection, or NULL on PostgreSQL (pg). */
    sqlite3 *db;
    bool pg;
    /* The same connection through db.h, which the files moved to it speak (the others still
     * use db's SQLite API; both see the same statements). */
    db_conn *conn;
    bool readonly;
    /* What the handle was opened on (a path or a postgresql:// URI), for store_filename. */
    char *target;
    /* The file at the path when it was opened (store_file_moved). */
    bool file_known;
    unsigned long long file_dev, file_ino;
    char errmsg[512];
    struct {
        const char *sql;
        db_stmt *stmt;
    } cache[STORE_STMT_CACHE];
    int ncache;
    /* Statements of SQL built at run time (filtered lists), found by their text; the oldest
     * is replaced when full. */
    struct {
        char *sql;
        db_stmt *stmt;
    } dynamic[STORE_DYNAMIC_CACHE];
    int ndynamic, next_dynamic;
    /* Who claims jobs on this handle (store_set_job_owner), and for how long; NULL, 0: no
     * owner, no lease. */
    char *job_owner;
    int job_lease_seconds;
    /* On PostgreSQL: a write transaction is open (its search rows are filled before it
     * commits), and the in-memory SQLite database whose FTS5 tokenizer makes their terms. */
    bool write_open;
    sqlite3 *tokenizer_db;
    /* A batch is open (store_batch_begin): each write is a savepoint inside it. */
    bool batch;
    /* Bulk loading (store_bulk_begin): articles wait in search_pending for the index. */
    bool bulk;
    /* An article of the open batch already marked the facts stale and bumped the generation,
     * in a savepoint since released: the batch's other articles need not again. */
    bool batch_marked_stale;
    /* Frames in the write-ahead log after this handle's last commit, when it checkpoints
     * itself (store_defer_checkpoints); else 0. */
    int wal_frames;
    /* Names without a person id in the person lists of the facts being written. */
    long long unlinked_names;
    /* The handle keeps the change log (changes.c): its writes note the facts they touch
     * (in `noted`, on SQLite), and each write transaction records what changed before it
     * commits. */
    bool changes;
    strmap noted;
    /* What store_get_version() last read on a read-only handle, and SQLite's data_version
     * when it did (see there); version_known is false until then. */
    store_version version;
    long long data_version;
    bool version_known;
};

/* The key of the advisory lock every write transaction on PostgreSQL takes ("fact" in
 * ASCII), so that writers run one at a time as they do on SQLite. */
#define STORE_WRITE_LOCK "1717658484"

/* Whether the handle speaks PostgreSQL (else SQLite). */
static inline bool store_pg(const store *st)
{
    return st->pg;
}

/* The text of a statement in the handle's dialect: where SQLite and PostgreSQL differ, a
 * statement's PostgreSQL text stands beside it as NAME_PG. */
#define STORE_SQL(st, name) (store_pg(st) ? name##_PG : (name))

/* The prepared statement for sql (a static string), reset and with no bindings; NULL on
 * error with the reason in st->errmsg.  The caller resets it when done (store_query_done)
 * so that no statement keeps a read snapshot open. */
db_stmt *store_query(store *st, const char *sql);
void store_query_done(db_stmt *stmt);
/* Runs the cached statement sql (no bindings) that returns no rows: STORE_OK, else
 * STORE_ERROR with what failed in st->errmsg. */
int store_query_run(store *st, const char *sql, const char *what);
/* A statement for SQL built at run time (cached by its text, a few dozen at most); reset
 * with store_query_done() after use like any other. */
db_stmt *store_query_text(store *st, const char *sql);
/* The same statements through SQLite's API, for the files not yet moved to db.h. */
sqlite3_stmt *store_stmt(store *st, const char *sql);
void store_done(sqlite3_stmt *stmt);

/* Sets the handle's error message; returns STORE_ERROR for `return store_fail(...)`. */
int store_fail(store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets the error message to "what: <SQLite's message>"; returns STORE_ERROR. */
int store_sql_fail(store *st, const char *what);
/* Sets the error message to "what: <the connection's last error>"; returns STORE_ERROR. */
int store_db_fail(store *st, const char *what);

/* Whether some name in a fact's person list (participants, signatories) has no person id,
 * in the facts last written: 1 (or when not known), 0, or STORE_ERROR.  A filter by person
 * searches the lists' JSON only when there is such a name; otherwise the person ids say it all. */
int store_unlinked_names(store *st);

/* Transactions.  Writers take the write lock at once (IMMEDIATE) so that two writers queue on
 * busy_timeout instead of failing on a lock upgrade; readers use a deferred one so that every
 * query of one API answer sees the same snapshot. */
int store_begin_write(store *st);
int store_begin_read(store *st);
int store_commit(store *st);
void store_rollback(store *st);

/* --- the arena of a read result (rows.c) --- */

store_arena *store_arena_new(void);
/* n bytes aligned for any type; NULL when out of memory.  Freed with the arena only. */
void *store_arena_alloc(store_arena *a, size_t n);
/* p (old_n bytes, from a) made new_n bytes long: in place when it is the last allocation. */
void *store_arena_grow(store_arena *a, void *p, size_t old_n, size_t new_n);
/* The array v of n elements of `size` bytes, with room for one more: v itself while n is
 * below *cap, else a copy with twice the room (*cap updated).  NULL when out of memory. */
void *store_arena_reserve(store_arena *a, void *v, size_t n, size_t *cap, size_t size);
char *store_arena_strndup(store_arena *a, const char *s, size_t n);
void store_arena_free(store_arena *a);
/* Appends a copy of s (or NULL) to list, making its arena when it has none; *cap is the
 * room its array has (0 at first).  False when out of memory. */
bool store_strings_add(store_strings *list, size_t *cap, const char *s);
/* The text of column i of row copied into a, in *out (NULL for SQL NULL); false when out
 * of memory. */
bool store_row_text(store_arena *a, db_stmt *row, int i, const char **out);
/* Column i of row, a JSON list of names (as write.c stores aliases and parties), into
 * *names: its strings, none should it not parse.  False when out of memory. */
bool store_col_names(store_arena *a, db_stmt *row, int i, store_names *names);
/* Column i of row parsed as JSON (a new reference), or NULL for SQL NULL or text that does
 * not parse, with the reason in *err when err is given. */
json_t *store_column_json(db_stmt *row, int i, json_error_t *err);

/* What read.c knows of each kind, for query.c. */
typedef struct store_kind_info {
    const char *noun; /* for messages */
    const char *table;
    const char *evidence_kind; /* evidence.kind, or NULL when the kind has none */
    const char *columns;       /* "SELECT <the columns read reads>", without FROM */
    const char *get_sql, *count_sql;
    /* Fills *out from a row of `columns` (strings into a); false when out of memory. */
    bool (*read)(store_arena *a, db_stmt *row, store_row *out);
    /* What a page's rows show beyond their columns (people: their counts), or NULL; also run
     * on a single resource, so that it shows everything its list entry does. */
    int (*complete_page)(store *st, store_arena *a, store_row *rows, size_t n);
    /* What a single resource shows beyond its list entry (a person: their facts), or NULL. */
    int (*complete_item)(store *st, store_arena *a, store_row *row);
} store_kind_info;

const store_kind_info *store_kind_info_of(enum store_kind kind);
/* Gives each fact of rows[0..n) its evidence as asked (read.c), in a. */
int store_attach_evidence(store *st, const store_kind_info *k, store_arena *a, store_row *rows,
                          size_t n, enum store_evidence mode);
/* store_get_item() inside the caller's read transaction, the row's strings in a. */
int store_get_item_locked(store *st, enum store_kind kind, const char *id,
                          enum store_evidence evidence, store_arena *a, store_row *row);
/* One fact or person as its list shows it (every member an entry of the list has, the
 * evidence in full; a person without the facts a single person lists), inside the caller's
 * transaction.  STORE_NOT_FOUND when there is none. */
int store_get_listed_locked(store *st, enum store_kind kind, const char *id, store_arena *a,
                            store_row *row);

/* The change log (changes.c).  start: on a writable handle once its schema is current, when
 * the process has a fact renderer (store_set_fact_renderer): the handle notes from then on
 * the facts its writes touch, and a store that had facts before it kept the log gets their
 * first versions.  flush: inside a write transaction, just before it commits: records one
 * entry for each fact whose served form the transaction changed, and forgets the notes. */
int store_changes_start(store *st);
int store_changes_flush(store *st);
/* Forgets the notes of a write rolled back. */
void store_changes_forget(store *st);
/* A statement for SQL built at run time (cached by its text, a few dozen at most); reset
 * with store_done() after use like any other. */
sqlite3_stmt *store_stmt_text(store *st, const char *sql);

/* Inside a write transaction (write.c): every write transaction bumps the generation
 * (store_set_stale does it too), so that readers' ETags change. */
int store_bump_generation(store *st);
/* Sets meta.facts_stale and bumps the generation. */
int store_set_stale(store *st, bool stale);
/* A search_fts row's rowid (search.c): the kind's code (agreement 1, quote 2, source 3) above
 * the 48 bits of the item's 12-hex-digit id, so that rowid order is (kind, id) order. */
#define SEARCH_REF_BITS 48
#define SEARCH_REF_MASK_SQL "281474976710655"     /* (1 << 48) - 1 */
#define SEARCH_SOURCE_FIRST_SQL "844424930131968" /* 3 << 48: the first source's row */
/* The name column of an agreement's search row on PostgreSQL (a: the agreements row): its
 * name, each alias and its acronym, one a line, as SQLite's texts write it. */
#define AGREEMENT_SEARCH_NAME_PG                                                           \
    "a.name || coalesce(chr(10) || (SELECT string_agg(j.value, chr(10) ORDER BY j.n)"      \
    " FROM json_array_elements_text(a.aliases::json) WITH ORDINALITY AS j(value, n)), '')" \
    " || coalesce(chr(10) || a.acronym, '')"
/* The time now to the millisecond (UTC, ISO 8601), as the store writes the times of jobs
 * and changes; on PostgreSQL the statement's start, as SQLite's 'now' is. */
#define NOW_MS "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define NOW_MS_PG \
    "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
/* The time now as the store writes it (UTC, ISO 8601, to the second), on PostgreSQL. */
#define NOW_SECONDS_PG "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
/* The search expression q (FTS5's syntax: words, "phrases", prefix*, AND, OR, NOT and
 * parentheses) as the text of a PostgreSQL tsquery over the index's terms, in *out
 * (malloc'd): STORE_OK, STORE_BAD_QUERY when q is not such an expression, or STORE_ERROR
 * (search.c). */
int store_search_tsquery(store *st, const char *q, char **out);
/* On PostgreSQL: gives the search index's new rows their terms (search.c), inside the write
 * transaction that added them, which store_commit() ends. */
int store_search_fill_pg(store *st);
/* Registers search_rowid(kind, ref) on a new handle (search.c): the rowid of an item's row in
 * search_fts, which encodes its kind and id so that a search reads the index alone. */
int store_register_search_functions(store *st);
/* Adds the search row of a stored article. */
int store_index_source(store *st, const char *id);
/* store_replace_facts() inside the caller's write transaction; marks the facts fresh. */
int store_replace_facts_locked(store *st, const json_t *facts);
/* The same in steps, so that a fact set too large to hold is written a list at a time:
 * begin empties the facts, put stores the list `list` of the FACTS document `facts` (people
 * before the lists that refer to them; a list may be put in several parts), end cuts the
 * excerpts, counts the sources, indexes the facts for search and marks them fresh. */
int store_replace_facts_begin_locked(store *st);
int store_replace_facts_put_locked(store *st, const json_t *facts, const char *list);
int store_replace_facts_end_locked(store *st);
/* Inserts the facts of a FACTS document (only the lists it has) next to those stored, their
 * spans queued in temp.pending_evidence for store_cut_pending_locked (merge_index.c). */
int store_insert_facts_locked(store *st, const json_t *facts);
/* Cuts the excerpts of the queued spans and stores them as evidence; empties the queue. */
int store_cut_pending_locked(store *st);
/* Adds the spans `evidence` ([{"source_id", "start", "end"}]) to one fact's evidence, cut
 * from their articles (spans it has already are kept once). */
int store_add_evidence_locked(store *st, const char *kind, const char *fact_id,
                              const json_t *evidence);
/* Updates the row of the agreement `id` to the fields of `agreement` (as stored by
 * store_insert_facts_locked) and links its signatories (st->unlinked_names counts those
 * with a name alone). */
int store_update_agreement_locked(store *st, const char *id, const json_t *agreement);

/* The disputes of a fact (its "disputes" object, ingest/disputes.c) as the JSON text its
 * row keeps, keys sorted, malloc'd; NULL when it has none (the column is then NULL). */
char *store_disputes_text(const json_t *fact);

/* Creates or upgrades the schema of a writable handle (schema.c). */
int store_migrate(store *st);
/* Checks that a read-only handle's schema is the one this build knows (schema.c). */
int store_check_schema(store *st);

#endif
