/* revise: changes to articles already stored: deleting one, replacing its extraction.
 *
 * Deleting an article removes what points at it (its evidence, its hints, its search row)
 * and then its row.  The merged facts it alone supported must go too, and the facts it
 * shared with other articles lose its evidence and may change (a date only it gave): only
 * the merge knows how, and the store does not merge.  So the caller passes its update
 * function (the incremental merge, which merges again only the facts the article was part
 * of), and the store runs it inside the same write transaction, between the delete and the
 * commit.  Readers, each on a WAL snapshot, see the fact set as
 * it was before the delete or as it is after the new merge, never a fact whose evidence is
 * gone; and what is merged is exactly what is stored, whatever another writer does.
 *
 * Replacing an extraction (a newer extractor read the article again) updates the article's
 * row in one transaction and marks the facts stale (and the incremental merge's index out of
 * date: the next merge is a full one), but leaves the merged facts alone: they
 * still stand on the same texts, so what readers see stays consistent, only not the newest
 * reading until the caller merges again, once after replacing many.  A changed title is
 * indexed again for search in the same transaction.
 */
#include "store/store_private.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_SOURCE_EXISTS[] = "SELECT 1 FROM sources WHERE id = ?1";
static const char SQL_DELETE_SOURCE_EVIDENCE[] = "DELETE FROM evidence WHERE source_id = ?1";
static const char SQL_DELETE_SOURCE_HINTS[] = "DELETE FROM source_hints WHERE source_id = ?1";
/* The row's rowid says its kind and id (search.c): one lookup, not a pass over the index. */
static const char SQL_UNINDEX_SOURCE[] =
    "DELETE FROM search_fts WHERE rowid = search_rowid('source', ?1)";
static const char SQL_DELETE_SOURCE[] = "DELETE FROM sources WHERE id = ?1";

/* The incremental merge's index no longer describes the articles (merge_index.c). */
static const char SQL_DROP_MERGE_INDEX[] = "DELETE FROM meta WHERE key = 'merge_index'";

static const char SQL_OUTDATED_SOURCES[] =
    "SELECT id FROM sources WHERE extractor_version < ?1 ORDER BY id";

static const char SQL_SOURCE_TITLE[] = "SELECT title FROM sources WHERE id = ?1";
/* The poster's title and date, when given, win over the extraction's (write.c). */
static const char SQL_REPLACE_EXTRACTION[] =
    "UPDATE sources SET extraction = ?2, extractor_version = ?3,"
    " title = coalesce((SELECT title FROM source_hints WHERE source_id = ?1), ?4),"
    " byline = ?5, dateline = ?6,"
    " published = coalesce((SELECT published FROM source_hints WHERE source_id = ?1), ?7)"
    " WHERE id = ?1";

/* The facts with evidence in one article, and the people who take part in them (as
 * store_get_source_facts lists them). */
static const char SQL_SOURCE_FACT_COUNTS[] =
    "SELECT"
    " (SELECT count(DISTINCT fact_id) FROM evidence WHERE source_id = ?1 AND kind = 'agreement'),"
    " (SELECT count(DISTINCT fact_id) FROM evidence WHERE source_id = ?1 AND kind = 'meeting'),"
    " (SELECT count(DISTINCT fact_id) FROM evidence WHERE source_id = ?1 AND kind = 'quote'),"
    " (SELECT count(DISTINCT fp.person_id) FROM fact_people AS fp JOIN evidence AS e"
    "  ON e.kind = fp.kind AND e.fact_id = fp.fact_id WHERE e.source_id = ?1)";

/* Runs a cached statement bound to one id that returns no rows. */
static int run_with_id(store *st, const char *sql, const char *id, const char *what)
{
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, what);
}

static int store_drop_merge_index(store *st)
{
    db_stmt *stmt = store_query(st, SQL_DROP_MERGE_INDEX);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "marking the merge index");
}

/* 1 when the article is stored, 0 when not, STORE_ERROR on error. */
static int source_exists(store *st, const char *id)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_EXISTS);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_ROW)
        return 1;
    return rc == DB_DONE ? 0 : store_db_fail(st, "looking up an article");
}

int store_delete_source(store *st, const char *id, store_update_fn update, void *ctx)
{
    if (st->readonly)
        return store_fail(st, "the database is open read-only");
    if (store_begin_write(st))
        return STORE_ERROR;
    int found = source_exists(st, id);
    if (found <= 0) {
        store_rollback(st);
        if (found == 0)
            store_fail(st, "no source has the id '%s'", id);
        return found == 0 ? STORE_NOT_FOUND : STORE_ERROR;
    }
    /* What refers to the row first: evidence and hints hold foreign keys to it. */
    if (run_with_id(st, SQL_DELETE_SOURCE_EVIDENCE, id, "deleting the article's evidence") ||
        run_with_id(st, SQL_DELETE_SOURCE_HINTS, id, "deleting the article's hints") ||
        run_with_id(st, SQL_UNINDEX_SOURCE, id, "removing the article from search") ||
        run_with_id(st, SQL_DELETE_SOURCE, id, "deleting the article"))
        goto fail;
    if (update ? update(st, id, ctx) : store_set_stale(st, true) || store_drop_merge_index(st))
        goto fail;
    if (store_commit(st))
        goto fail;
    return STORE_OK;

fail:
    store_rollback(st);
    return STORE_ERROR;
}

int store_outdated_sources(store *st, int version, store_strings *ids)
{
    db_stmt *stmt = store_query(st, SQL_OUTDATED_SOURCES);
    size_t cap = 0;
    int rc;

    memset(ids, 0, sizeof(*ids));
    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, version);
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *id = db_column_text(stmt, 0, NULL);
        if (!id || !store_strings_add(ids, &cap, id)) {
            store_query_done(stmt);
            store_strings_release(ids);
            return store_fail(st, "out of memory");
        }
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_strings_release(ids);
        return store_db_fail(st, "listing outdated articles");
    }
    return STORE_OK;
}

/* The article's title in *title (malloc'd, NULL when it has none): 1 when the article is
 * stored, 0 when not, STORE_ERROR on error. */
static int source_title(store *st, const char *id, char **title)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_TITLE);
    int found = STORE_ERROR;

    *title = NULL;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        const char *t = db_column_text(stmt, 0, NULL);
        found = 1;
        if (t && !(*title = strdup(t)))
            found = store_fail(st, "out of memory");
    } else if (rc == DB_DONE) {
        found = 0;
    } else {
        store_db_fail(st, "reading an article's title");
    }
    store_query_done(stmt);
    return found;
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static const char *extraction_text(const json_t *extraction, const char *key)
{
    return json_string_value(json_object_get(extraction, key));
}

int store_replace_extraction(store *st, const char *id, const json_t *extraction)
{
    char *serialised = NULL, *old_title = NULL, *new_title = NULL;
    int result = STORE_ERROR;

    if (!json_is_object(extraction))
        return store_fail(st, "the extraction is not a JSON object");
    if (!(serialised = json_dumps(extraction, JSON_COMPACT)))
        return store_fail(st, "the extraction cannot be serialised");
    if (store_begin_write(st))
        goto out;
    int found = source_title(st, id, &old_title);
    if (found <= 0) {
        if (found == 0) {
            store_fail(st, "no source has the id '%s'", id);
            result = STORE_NOT_FOUND;
        }
        goto rollback;
    }

    db_stmt *stmt = store_query(st, SQL_REPLACE_EXTRACTION);
    if (!stmt)
        goto rollback;
    db_bind_text(stmt, 1, id, -1);
    db_bind_text(stmt, 2, serialised, -1);
    db_bind_int64(stmt, 3,
                  (long long)json_integer_value(json_object_get(extraction, "extractor_version")));
    db_bind_text(stmt, 4, extraction_text(extraction, "title"), -1);
    db_bind_text(stmt, 5, extraction_text(extraction, "byline"), -1);
    db_bind_text(stmt, 6, extraction_text(extraction, "dateline"), -1);
    db_bind_text(stmt, 7, extraction_text(extraction, "published"), -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "replacing the extraction");
        goto rollback;
    }
    if (source_title(st, id, &new_title) != 1)
        goto rollback;
    if (!same_text(old_title, new_title) &&
        (run_with_id(st, SQL_UNINDEX_SOURCE, id, "removing the article from search") ||
         store_index_source(st, id)))
        goto rollback;
    if (store_set_stale(st, true) || store_drop_merge_index(st) || store_commit(st))
        goto rollback;
    result = STORE_OK;
    goto out;

rollback:
    store_rollback(st);
out:
    free(serialised);
    free(old_title);
    free(new_title);
    return result;
}

int store_source_fact_counts(store *st, const char *id, store_fact_counts *out)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_FACT_COUNTS);

    memset(out, 0, sizeof(*out));
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        out->agreements = db_column_int64(stmt, 0);
        out->meetings = db_column_int64(stmt, 1);
        out->quotes = db_column_int64(stmt, 2);
        out->people = db_column_int64(stmt, 3);
    }
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "counting an article's facts");
}
