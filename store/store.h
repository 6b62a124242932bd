/* store: the SQLite database behind factd.
 *
 * One file holds the articles (byte for byte), each article's extraction, and the merged
 * facts the API serves.  WAL mode, foreign keys on, a schema version in PRAGMA user_version
 * with forward migrations.  Every statement is prepared with bound parameters.
 *
 * Writers: store_put_source() commits one article and its extraction in one transaction and
 * marks the facts stale; store_replace_facts() swaps the whole merged fact set in one
 * transaction.  Readers (the API, one read-only handle per worker thread) see either the old
 * or the new set, never a mix.
 *
 * Read functions return rendered Jansson objects in the shape the API serves (see
 * ../shared/CONTRACT.md): evidence comes with its excerpt, cut from the stored text.
 */
#ifndef FACTD_STORE_H
#define FACTD_STORE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct store store;

enum store_result {
    STORE_OK = 0,
    STORE_NOT_FOUND = 1,
    STORE_ERROR = -1,
};

enum store_kind {
    STORE_SOURCES,
    STORE_AGREEMENTS,
    STORE_MEETINGS,
    STORE_QUOTES,
    STORE_PEOPLE,
};

/* Opens (and when writable, creates and migrates) the database at path.  On failure returns
 * NULL and, when err is given, a malloc'd one-line reason. */
store *store_open(const char *path, bool readonly, char **err);
void store_close(store *st);
/* Last error message of this handle (never NULL). */
const char *store_errmsg(const store *st);

/* --- writing (ingest) --- */

typedef struct store_source_in {
    const char *file;        /* base name, or NULL */
    const char *text;        /* exact bytes as read */
    size_t len;
    const char *sha256;      /* lowercase hex of text */
    const json_t *extraction;
} store_source_in;

/* True (1) when an article with this SHA-256 is stored, 0 when not, -1 on error. */
int store_has_source(store *st, const char *sha256);
/* Stores one article and its extraction in one transaction; sets *id_out (malloc'd) to its id.
 * Storing the same bytes again is a no-op returning STORE_OK with the existing id. */
int store_put_source(store *st, const store_source_in *src, char **id_out);
/* All stored extractions as [{"source_id", "extraction"}], ordered by source id. */
int store_load_extractions(store *st, json_t **out);
/* Replaces every merged fact with `facts` (the FACTS document of ingest.h) in one transaction. */
int store_replace_facts(store *st, const json_t *facts);
/* True when articles were stored since the facts were last replaced. */
int store_facts_stale(store *st);

/* --- reading (API) --- */

/* A page of a list: items with id > after (NULL for the first page), at most limit of them,
 * in id order.  *items gets a new array; *more is set when further items exist. */
int store_list(store *st, enum store_kind kind, const char *after, int limit, json_t **items,
               bool *more);
/* One resource by id: STORE_OK with *item set, STORE_NOT_FOUND, or STORE_ERROR. */
int store_get(store *st, enum store_kind kind, const char *id, json_t **item);
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

#endif
