/* write: the ingest side of the store: articles, their extractions, the merged fact set.
 *
 * An article is stored once per distinct byte sequence: its id is the first 12 hex digits of
 * its SHA-256, so ids do not depend on the order articles arrive in.  Storing one marks the
 * merged facts stale in the same transaction; ingest then merges the new articles
 * (merge_index.c splices the facts they touch) or, for a full merge, swaps the whole fact set
 * with store_replace_facts().  What a poster said of an article
 * (title, URL, publication date) overrides what its extraction found, and is kept in
 * source_hints so that a later re-extraction (revise.c) keeps it too.
 *
 * store_replace_facts() validates the document as it inserts it, inside one transaction:
 * a malformed document (missing id, wrong type, duplicate id) rolls back and leaves the
 * previous facts served.  Evidence is treated more leniently because it points outside the
 * document: a span into an unknown source, or past the end of its text, is logged and left
 * out, and the rest of the fact set is stored.
 *
 * Each fact's people (signatories, participants, the speaker) are also written as rows of
 * fact_people, so that a person's facts are an index scan.  A person_id must name a person of
 * the same document: one that does not is a malformed document, like a duplicate id.
 *
 * Excerpts are cut once, here, so that serving never touches article texts: spans are first
 * collected in a temporary table, then each source's text is loaded once and its spans are
 * cut in one forward walk (offsets are code points, the text is bytes).
 *
 * Bulk loading (store_bulk_begin, `factd ingest`): an article goes into the search index
 * with the others at store_bulk_end(), in one INSERT ... SELECT, rather than with its own
 * transaction: FTS5 then tokenises into one large in-memory table and writes few large
 * segments, where one article batch at a time writes a small segment per commit and merges
 * them again and again (about two thirds of what storing an article cost).  Until then its
 * id waits in search_pending, committed with the article, so that a run that stops half way
 * leaves nothing unsearchable for good: the next bulk load, or the server's writer when it
 * starts (store_search_catch_up), indexes what waits. */
#include "store/store_private.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/digest.h"
#include "util/log.h"
#include "util/utf8.h"

/* --- articles --- */

static const char SQL_SOURCE_BY_SHA[] = "SELECT id FROM sources WHERE sha256 = ?1";

static const char SQL_INSERT_SOURCE[] =
    "INSERT INTO sources (id, file, title, byline, dateline, published, sha256, chars,"
    " extractor_version, ingested_at, extraction, text)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
    " ?10, ?11)";
static const char SQL_INSERT_SOURCE_PG[] =
    "INSERT INTO sources (id, file, title, byline, dateline, published, sha256, chars,"
    " extractor_version, ingested_at, extraction, text)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " NOW_SECONDS_PG ", ?10, ?11)";

static const char SQL_SET_STALE[] = "INSERT INTO meta (key, value) VALUES ('facts_stale', ?1)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value";

static const char SQL_GET_STALE[] = "SELECT value FROM meta WHERE key = 'facts_stale'";

static const char SQL_SET_UNLINKED[] = "INSERT INTO meta (key, value) VALUES ('unlinked_names', ?1)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char SQL_GET_UNLINKED[] = "SELECT value FROM meta WHERE key = 'unlinked_names'";

/* Every write transaction bumps the generation and stamps the time (readers derive ETag and
 * Last-Modified from them). */
static const char SQL_BUMP_GENERATION[] =
    "UPDATE meta SET value = CASE key WHEN 'generation' THEN CAST(value AS INTEGER) + 1"
    " ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END"
    " WHERE key IN ('generation', 'modified_at')";
static const char SQL_BUMP_GENERATION_PG[] =
    "UPDATE meta SET value = CASE key WHEN 'generation' THEN CAST(CAST(value AS bigint) + 1 AS text)"
    " ELSE " NOW_SECONDS_PG " END WHERE key IN ('generation', 'modified_at')";

static const char SQL_ALL_EXTRACTIONS[] = "SELECT id, extraction FROM sources ORDER BY id";
/* One list of every extraction, and its publication date: SQLite's JSON functions copy the
 * list's text out of the extraction, so that only the list is parsed and held. */
static const char SQL_ALL_LISTS[] = "SELECT id,"
                                    " CASE WHEN json_type(extraction, '$.published') = 'text'"
                                    "  THEN json_extract(extraction, '$.published') END,"
                                    " CASE WHEN json_type(extraction, '$.' || ?1) = 'array'"
                                    "  THEN json_extract(extraction, '$.' || ?1) END"
                                    " FROM sources ORDER BY id";
static const char SQL_ALL_LISTS_PG[] =
    "SELECT id,"
    " CASE WHEN json_typeof(extraction::json -> 'published') = 'string'"
    "  THEN extraction::json ->> 'published' END,"
    " CASE WHEN json_typeof(extraction::json -> CAST(?1 AS text)) = 'array'"
    "  THEN extraction::json -> CAST(?1 AS text) END"
    " FROM sources ORDER BY id";

/* The existing id of the article with this SHA-256 in *id_out (malloc'd): 1 when found,
 * 0 when not, STORE_ERROR on error. */
static int source_by_sha(store *st, const char *sha256, char **id_out)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_BY_SHA);
    int found = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, sha256, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        found = 1;
        if (id_out) {
            *id_out = strdup(db_column_text(stmt, 0, NULL));
            if (!*id_out)
                found = store_fail(st, "out of memory");
        }
    } else if (rc == DB_DONE) {
        found = 0;
    } else {
        store_db_fail(st, "looking up an article");
    }
    store_query_done(stmt);
    return found;
}

int store_has_source(store *st, const char *sha256)
{
    if (!digest_is_sha256_hex(sha256))
        return store_fail(st, "not a SHA-256 in lowercase hex: '%s'", sha256 ? sha256 : "");
    return source_by_sha(st, sha256, NULL);
}

int store_bump_generation(store *st)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_BUMP_GENERATION));
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "bumping the generation");
}

int store_set_stale(store *st, bool stale)
{
    db_stmt *stmt = store_query(st, SQL_SET_STALE);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, stale ? "1" : "0", -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE)
        return store_db_fail(st, "marking the facts");
    return store_bump_generation(st);
}

int store_facts_stale(store *st)
{
    db_stmt *stmt = store_query(st, SQL_GET_STALE);
    int stale = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        const char *v = db_column_text(stmt, 0, NULL);
        stale = v && !strcmp(v, "1");
    } else if (rc == DB_DONE) {
        stale = 0;
    } else {
        store_db_fail(st, "reading facts_stale");
    }
    store_query_done(stmt);
    return stale;
}

/* A string member of the extraction, or NULL. */
static const char *extraction_text(const json_t *extraction, const char *key)
{
    return json_string_value(json_object_get(extraction, key));
}

/* The search index (search.c): an article's row goes in with the article. */
static const char SQL_INDEX_SOURCE[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('source', id), 'source', id, coalesce(title, ''), CAST(text AS TEXT)"
    " FROM sources WHERE id = ?1";
static const char SQL_INDEX_SOURCE_PG[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('source', id), 'source', id, coalesce(title, ''), convert_from(text, 'UTF8')"
    " FROM sources WHERE id = ?1";

static const char SQL_CREATE_SEARCH_PENDING[] =
    "CREATE TABLE IF NOT EXISTS search_pending (source_id TEXT PRIMARY KEY) WITHOUT ROWID";
static const char SQL_CREATE_SEARCH_PENDING_PG[] =
    "CREATE TABLE IF NOT EXISTS search_pending (source_id TEXT COLLATE \"C\" PRIMARY KEY)";
static const char SQL_QUEUE_SOURCE[] =
    "INSERT OR IGNORE INTO search_pending (source_id) VALUES (?1)";
static const char SQL_QUEUE_SOURCE_PG[] =
    "INSERT INTO search_pending (source_id) VALUES (?1) ON CONFLICT DO NOTHING";
static const char SQL_HAS_SEARCH_PENDING[] =
    "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'search_pending'";
static const char SQL_HAS_SEARCH_PENDING_PG[] =
    "SELECT 1 WHERE to_regclass('search_pending') IS NOT NULL";
/* In id order, which is the index's rowid order (search.c); an article indexed meanwhile
 * (read again by revise.c) keeps its row.  One deleted meanwhile is not joined. */
static const char SQL_INDEX_PENDING[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('source', s.id), 'source', s.id, coalesce(s.title, ''),"
    "        CAST(s.text AS TEXT)"
    " FROM search_pending AS p JOIN sources AS s ON s.id = p.source_id"
    " WHERE NOT EXISTS (SELECT 1 FROM search_fts WHERE rowid = search_rowid('source', s.id))"
    " ORDER BY p.source_id";
static const char SQL_INDEX_PENDING_PG[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('source', s.id), 'source', s.id, coalesce(s.title, ''),"
    "        convert_from(s.text, 'UTF8')"
    " FROM search_pending AS p JOIN sources AS s ON s.id = p.source_id"
    " WHERE NOT EXISTS (SELECT 1 FROM search_fts WHERE rowid = search_rowid('source', s.id))"
    " ORDER BY p.source_id";
static const char SQL_CLEAR_SEARCH_PENDING[] = "DELETE FROM search_pending";

/* The page cache of a bulk load: the b-trees of sources and of the index stay in memory
 * between batches (the default is 2 MiB). */
#define BULK_CACHE_KIB 65536

int store_index_source(store *st, const char *id)
{
    if (st->bulk) {
        db_stmt *queue = store_query(st, STORE_SQL(st, SQL_QUEUE_SOURCE));
        if (!queue)
            return STORE_ERROR;
        db_bind_text(queue, 1, id, -1);
        int qrc = db_step(queue);
        store_query_done(queue);
        return qrc == DB_DONE ? STORE_OK : store_db_fail(st, "queueing the article for search");
    }
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_INDEX_SOURCE));
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "indexing the article");
}

/* Indexes the articles waiting in search_pending, in one transaction (a savepoint in a
 * batch).  Nothing to do when the table does not exist: no bulk load ever ran here. */
static int index_pending(store *st)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_HAS_SEARCH_PENDING));
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE)
        return STORE_OK;
    if (rc != DB_ROW)
        return store_db_fail(st, "looking for articles waiting for the search index");
    if (store_begin_write(st))
        return STORE_ERROR;
    if (!(stmt = store_query(st, STORE_SQL(st, SQL_INDEX_PENDING))))
        goto rollback;
    rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "indexing the articles of a bulk load");
        goto rollback;
    }
    if (!(stmt = store_query(st, SQL_CLEAR_SEARCH_PENDING)))
        goto rollback;
    rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_db_fail(st, "clearing the articles of a bulk load");
        goto rollback;
    }
    if (store_commit(st))
        goto rollback;
    return STORE_OK;
rollback:
    store_rollback(st);
    return STORE_ERROR;
}

int store_search_catch_up(store *st)
{
    return index_pending(st);
}

/* Sets the page cache size of the handle, in KiB. */
static int set_cache_kib(store *st, int kib)
{
    if (store_pg(st))
        return STORE_OK; /* the server's shared buffers are its own business */
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
    if (db_exec(st->conn, sql) != DB_OK)
        return store_db_fail(st, "setting the page cache");
    return STORE_OK;
}

int store_bulk_begin(store *st)
{
    if (st->bulk)
        return store_fail(st, "a bulk load is open already");
    /* what an earlier run left waiting goes in first, with the table made when missing */
    if (index_pending(st))
        return STORE_ERROR;
    if (db_exec(st->conn, STORE_SQL(st, SQL_CREATE_SEARCH_PENDING)) != DB_OK)
        return store_db_fail(st, "creating the table of articles waiting for search");
    if (set_cache_kib(st, BULK_CACHE_KIB))
        return STORE_ERROR;
    st->bulk = true;
    return STORE_OK;
}

int store_bulk_end(store *st)
{
    if (!st->bulk)
        return store_fail(st, "no bulk load is open");
    st->bulk = false;
    int rc = index_pending(st);
    /* back to SQLite's default (2 MiB) for whatever the handle does next */
    if (set_cache_kib(st, 2000) && rc == STORE_OK)
        rc = STORE_ERROR;
    return rc;
}

/* What the poster said of the article (schema version 5), when anything: kept apart from the
 * extraction so that re-extracting it (revise.c) keeps them. */
static const char SQL_INSERT_HINTS[] =
    "INSERT INTO source_hints (source_id, title, url, published) VALUES (?1, ?2, ?3, ?4)";

static int put_hints(store *st, const char *id, const store_source_in *src)
{
    if (!src->title && !src->url && !src->published)
        return STORE_OK;
    db_stmt *stmt = store_query(st, SQL_INSERT_HINTS);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    db_bind_text(stmt, 2, src->title, -1);
    db_bind_text(stmt, 3, src->url, -1);
    db_bind_text(stmt, 4, src->published, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "storing the article's hints");
}

int store_put_source(store *st, const store_source_in *src, char **id_out)
{
    char id[SOURCE_ID_LEN + 1];
    char *extraction = NULL;
    int result = STORE_ERROR;

    if (id_out)
        *id_out = NULL;
    if (!digest_is_sha256_hex(src->sha256))
        return store_fail(st, "not a SHA-256 in lowercase hex: '%s'",
                          src->sha256 ? src->sha256 : "");
    if (!json_is_object(src->extraction))
        return store_fail(st, "the extraction is not a JSON object");
    /* Excerpts are cut by code point and served as JSON strings: only UTF-8 can be stored. */
    if (!utf8_valid(src->text ? src->text : "", src->len))
        return store_fail(st, "the text is not valid UTF-8");
    source_id_of(src->sha256, id);

    extraction = json_dumps(src->extraction, JSON_COMPACT);
    if (!extraction)
        return store_fail(st, "the extraction cannot be serialised");

    if (store_begin_write(st))
        goto out;
    int found = source_by_sha(st, src->sha256, id_out);
    if (found < 0)
        goto rollback;
    if (found) {
        result = store_commit(st);
        goto out;
    }

    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_INSERT_SOURCE));
    if (!stmt)
        goto rollback;
    json_int_t version = json_integer_value(json_object_get(src->extraction, "extractor_version"));
    db_bind_text(stmt, 1, id, -1);
    db_bind_text(stmt, 2, src->file, -1);
    db_bind_text(stmt, 3, src->title ? src->title : extraction_text(src->extraction, "title"), -1);
    db_bind_text(stmt, 4, extraction_text(src->extraction, "byline"), -1);
    db_bind_text(stmt, 5, extraction_text(src->extraction, "dateline"), -1);
    db_bind_text(stmt, 6,
                 src->published ? src->published : extraction_text(src->extraction, "published"),
                 -1);
    db_bind_text(stmt, 7, src->sha256, -1);
    db_bind_int64(stmt, 8, (long long)utf8_cp_count(src->text ? src->text : "", src->len));
    db_bind_int64(stmt, 9, (long long)version);
    db_bind_text(stmt, 10, extraction, -1);
    /* A zero-length blob, not NULL, when the text is empty. */
    db_bind_blob(stmt, 11, src->text ? src->text : "", src->len);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE) {
        /* Two different texts whose SHA-256 share the first 48 bits land here. */
        store_db_fail(st, "storing the article");
        goto rollback;
    }
    /* One mark per batch is enough: readers see the batch whole or not at all. */
    bool marked = st->batch && st->batch_marked_stale;
    if (put_hints(st, id, src) || store_index_source(st, id) || store_merge_pending_add(st, id) ||
        (!marked && store_set_stale(st, true)))
        goto rollback;
    if (store_commit(st))
        goto rollback;
    if (st->batch)
        st->batch_marked_stale = true;
    if (id_out && !(*id_out = strdup(id))) {
        result = store_fail(st, "out of memory");
        goto out;
    }
    result = STORE_OK;
    goto out;

rollback:
    store_rollback(st);
    if (id_out) {
        free(*id_out);
        *id_out = NULL;
    }
out:
    free(extraction);
    return result;
}

int store_load_extractions(store *st, json_t **out)
{
    db_stmt *stmt = store_query(st, SQL_ALL_EXTRACTIONS);
    json_t *list = json_array();
    int rc;

    *out = NULL;
    if (!stmt || !list) {
        json_decref(list);
        return stmt ? store_fail(st, "out of memory") : STORE_ERROR;
    }
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *id = db_column_text(stmt, 0, NULL);
        json_error_t jerr;
        json_t *extraction = store_column_json(stmt, 1, &jerr);
        if (!extraction) {
            store_fail(st, "source %s: stored extraction is not JSON: %s", id, jerr.text);
            goto fail;
        }
        if (json_array_append_new(list, json_pack("{s:s, s:o}", "source_id", id, "extraction",
                                                  extraction))) {
            store_fail(st, "out of memory");
            goto fail;
        }
    }
    if (rc != DB_DONE) {
        store_db_fail(st, "reading extractions");
        goto fail;
    }
    store_query_done(stmt);
    *out = list;
    return STORE_OK;

fail:
    store_query_done(stmt);
    json_decref(list);
    return STORE_ERROR;
}

int store_each_extraction_list(store *st, const char *list, store_list_fn fn, void *ctx)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_ALL_LISTS));
    int rc, result = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, list, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *id = db_column_text(stmt, 0, NULL);
        const char *published = db_column_text(stmt, 1, NULL);
        json_t *items = NULL;
        if (!db_column_is_null(stmt, 2)) {
            json_error_t jerr;
            items = store_column_json(stmt, 2, &jerr);
            if (!items) {
                store_fail(st, "source %s: stored extraction is not JSON: %s", id, jerr.text);
                goto out;
            }
        }
        int stop = fn(ctx, id, published, items);
        json_decref(items);
        if (stop) {
            result = stop;
            goto out;
        }
    }
    if (rc != DB_DONE) {
        store_db_fail(st, "reading extractions");
        goto out;
    }
    result = STORE_OK;
out:
    store_query_done(stmt);
    return result;
}

/* --- the merged fact set --- */

static const char SQL_CLEAR_EVIDENCE[] = "DELETE FROM evidence";
static const char SQL_CLEAR_FACT_PEOPLE[] = "DELETE FROM fact_people";
static const char SQL_CLEAR_PEOPLE[] = "DELETE FROM people";
static const char SQL_CLEAR_AGREEMENTS[] = "DELETE FROM agreements";
static const char SQL_CLEAR_MEETINGS[] = "DELETE FROM meetings";
static const char SQL_CLEAR_QUOTES[] = "DELETE FROM quotes";
/* A fact set written whole is not the one the incremental merge's index describes
 * (merge_index.c): the next merge rebuilds it. */
static const char SQL_DROP_MERGE_INDEX[] = "DELETE FROM meta WHERE key = 'merge_index'";
/* The search index's fact rows (search.c), rebuilt from the new facts. */
static const char SQL_UNINDEX_FACTS[] =
    "DELETE FROM search_fts WHERE rowid < search_rowid('source', '000000000000')";
static const char SQL_INDEX_FACTS[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('agreement', a.id), 'agreement', a.id, a.name"
    "   || coalesce(char(10) || (SELECT group_concat(j.value, char(10)) FROM json_each("
    "        CASE WHEN json_valid(a.aliases) THEN a.aliases ELSE '[]' END) AS j), '')"
    "   || coalesce(char(10) || a.acronym, ''), ''"
    " FROM agreements AS a"
    " UNION ALL SELECT search_rowid('quote', id), 'quote', id, '', text FROM quotes";
static const char SQL_INDEX_FACTS_PG[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('agreement', a.id), 'agreement', a.id, " AGREEMENT_SEARCH_NAME_PG
    ", '' FROM agreements AS a"
    " UNION ALL SELECT search_rowid('quote', id), 'quote', id, '', text FROM quotes";

/* Spans waiting for their excerpt while the facts go in (temp: private to this connection). */
static const char SQL_CREATE_PENDING[] =
    "CREATE TEMP TABLE IF NOT EXISTS pending_evidence ("
    " kind TEXT NOT NULL, fact_id TEXT NOT NULL, source_id TEXT NOT NULL,"
    " cp_start INTEGER NOT NULL, cp_end INTEGER NOT NULL);"
    /* each source's spans are read in order, one source at a time: not a scan per source */
    "CREATE INDEX IF NOT EXISTS temp.pending_evidence_by_source"
    " ON pending_evidence (source_id, cp_start, cp_end)";
static const char SQL_CREATE_PENDING_PG[] =
    "CREATE TEMP TABLE IF NOT EXISTS pending_evidence ("
    " kind TEXT COLLATE \"C\" NOT NULL, fact_id TEXT COLLATE \"C\" NOT NULL, source_id TEXT COLLATE \"C\" NOT NULL,"
    " cp_start BIGINT NOT NULL, cp_end BIGINT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS pending_evidence_by_source"
    " ON pg_temp.pending_evidence (source_id, cp_start, cp_end)";
static const char SQL_CLEAR_PENDING[] = "DELETE FROM temp.pending_evidence";
static const char SQL_CLEAR_PENDING_PG[] = "DELETE FROM pg_temp.pending_evidence";
static const char SQL_ADD_PENDING[] =
    "INSERT INTO temp.pending_evidence (kind, fact_id, source_id, cp_start, cp_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_ADD_PENDING_PG[] =
    "INSERT INTO pg_temp.pending_evidence (kind, fact_id, source_id, cp_start, cp_end)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_PENDING_SOURCES[] =
    "SELECT s.id, s.text FROM sources AS s"
    " WHERE s.id IN (SELECT source_id FROM temp.pending_evidence) ORDER BY s.id";
static const char SQL_PENDING_SOURCES_PG[] =
    "SELECT s.id, s.text FROM sources AS s"
    " WHERE s.id IN (SELECT source_id FROM pg_temp.pending_evidence) ORDER BY s.id";
static const char SQL_PENDING_OF_SOURCE[] =
    "SELECT kind, fact_id, cp_start, cp_end FROM temp.pending_evidence"
    " WHERE source_id = ?1 ORDER BY cp_start, cp_end";
static const char SQL_PENDING_OF_SOURCE_PG[] =
    "SELECT kind, fact_id, cp_start, cp_end FROM pg_temp.pending_evidence"
    " WHERE source_id = ?1 ORDER BY cp_start, cp_end";
static const char SQL_INSERT_EVIDENCE[] =
    "INSERT OR IGNORE INTO evidence (kind, fact_id, source_id, cp_start, cp_end, excerpt)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_INSERT_EVIDENCE_PG[] =
    "INSERT INTO evidence (kind, fact_id, source_id, cp_start, cp_end, excerpt)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING";

/* How many articles support each fact, once its evidence is in. */
static const char SQL_COUNT_AGREEMENT_SOURCES[] =
    "UPDATE agreements SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
    " WHERE kind = 'agreement' AND fact_id = agreements.id)";
static const char SQL_COUNT_MEETING_SOURCES[] =
    "UPDATE meetings SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
    " WHERE kind = 'meeting' AND fact_id = meetings.id)";
static const char SQL_COUNT_QUOTE_SOURCES[] =
    "UPDATE quotes SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
    " WHERE kind = 'quote' AND fact_id = quotes.id)";

static const char SQL_SOURCE_CHARS[] = "SELECT chars FROM sources WHERE id = ?1";

static const char SQL_INSERT_PERSON[] =
    "INSERT INTO people (id, name, title, aliases, disputes) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_INSERT_AGREEMENT[] =
    "INSERT INTO agreements (id, name, aliases, acronym, signed, place, parties, signatories,"
    " rule, confidence, disputes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_INSERT_MEETING[] =
    "INSERT INTO meetings (id, date, place, occasion, participants, rule, confidence, disputes)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_INSERT_QUOTE[] =
    "INSERT INTO quotes (id, text, speaker_person_id, speaker_name, speaker_title, cue, rule,"
    " confidence, disputes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
/* OR IGNORE: a person named twice in one fact takes part once.  It does not cover the
 * foreign key, which still fails for a person_id that names no person. */
static const char SQL_INSERT_FACT_PERSON[] =
    "INSERT OR IGNORE INTO fact_people (kind, fact_id, person_id, role) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_INSERT_FACT_PERSON_PG[] =
    "INSERT INTO fact_people (kind, fact_id, person_id, role) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT DO NOTHING";

/* Where in the document a fact sits, for error messages: "agreements[3]". */
typedef struct fact_at {
    const char *list;
    size_t index;
    const char *id; /* once known */
} fact_at;

static int fact_fail(store *st, const fact_at *at, const char *key, const char *why)
{
    return store_fail(st, "facts: %s[%zu]%s%s%s: %s%s%s", at->list, at->index,
                      at->id ? " (id " : "", at->id ? at->id : "", at->id ? ")" : "",
                      key ? key : "", key ? ": " : "", why);
}

char *store_disputes_text(const json_t *fact)
{
    const json_t *d = json_object_get(fact, "disputes");
    if (!json_is_object(d) || json_object_size(d) == 0)
        return NULL;
    return json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
}

/* Binds the string member `key` of obj (NULL or absent binds NULL).  Fails on any other
 * type, or on a missing value when required. */
static int bind_text_field(store *st, const fact_at *at, db_stmt *stmt, int col, const json_t *obj,
                           const char *key, bool required)
{
    const json_t *v = json_object_get(obj, key);
    if (json_is_string(v)) {
        db_bind_text(stmt, col, json_string_value(v), (long long)json_string_length(v));
        return STORE_OK;
    }
    if (required)
        return fact_fail(st, at, key, v && !json_is_null(v) ? "not a string" : "missing");
    if (v && !json_is_null(v))
        return fact_fail(st, at, key, "not a string");
    db_bind_null(stmt, col);
    return STORE_OK;
}

static int bind_number_field(store *st, const fact_at *at, db_stmt *stmt, int col,
                             const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    if (json_is_number(v))
        db_bind_double(stmt, col, json_number_value(v));
    else if (!v || json_is_null(v))
        db_bind_null(stmt, col);
    else
        return fact_fail(st, at, key, "not a number");
    return STORE_OK;
}

/* Serialises the array member `key` (absent or null: "[]") into *out (malloc'd). */
static int dump_list_field(store *st, const fact_at *at, const json_t *obj, const char *key,
                           char **out)
{
    const json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (v && !json_is_null(v) && !json_is_array(v))
        return fact_fail(st, at, key, "not an array");
    *out = v && !json_is_null(v) ? json_dumps(v, JSON_COMPACT) : strdup("[]");
    return *out ? STORE_OK : store_fail(st, "out of memory");
}

/* A list of people ({"person_id", "name", "title"}, e.g. signatories) serialised into *out
 * with exactly those members, so that rendering is a plain parse. */
static int dump_person_list(store *st, const fact_at *at, const json_t *obj, const char *key,
                            char **out)
{
    const json_t *v = json_object_get(obj, key);
    json_t *clean = json_array();
    size_t i;
    const json_t *person;
    int result = STORE_ERROR;

    *out = NULL;
    if (!clean)
        return store_fail(st, "out of memory");
    if (v && !json_is_null(v) && !json_is_array(v)) {
        fact_fail(st, at, key, "not an array");
        goto out;
    }
    json_array_foreach(v, i, person) {
        json_t *entry = json_object();
        const char *members[] = {"name", "title", "person_id"};
        if (!json_is_object(person)) {
            json_decref(entry);
            fact_fail(st, at, key, "an entry is not an object");
            goto out;
        }
        for (size_t m = 0; m < sizeof(members) / sizeof(members[0]); m++) {
            const json_t *field = json_object_get(person, members[m]);
            if (field && !json_is_null(field) && !json_is_string(field)) {
                json_decref(entry);
                fact_fail(st, at, key, "an entry has a member that is not a string");
                goto out;
            }
            json_object_set_new(entry, members[m],
                                json_is_string(field) ? json_copy((json_t *)field) : json_null());
        }
        json_array_append_new(clean, entry);
    }
    *out = json_dumps(clean, JSON_COMPACT);
    result = *out ? STORE_OK : store_fail(st, "out of memory");
out:
    json_decref(clean);
    return result;
}

/* Length in code points of a source, or -1 when there is no such source. */
static int source_chars(store *st, const char *source_id, long long *chars)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_CHARS);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, source_id, -1);
    int rc = db_step(stmt);
    *chars = rc == DB_ROW ? db_column_int64(stmt, 0) : -1;
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : store_db_fail(st, "looking up a source");
}

/* Queues the fact's evidence spans; spans that cannot be served are logged and skipped. */
static int queue_evidence(store *st, const fact_at *at, const char *kind, const json_t *fact)
{
    const json_t *list = json_object_get(fact, "evidence");
    const json_t *ev;
    size_t i;

    if (list && !json_is_null(list) && !json_is_array(list))
        return fact_fail(st, at, "evidence", "not an array");
    json_array_foreach(list, i, ev) {
        const char *source_id = json_string_value(json_object_get(ev, "source_id"));
        const json_t *start = json_object_get(ev, "start"), *end = json_object_get(ev, "end");
        long long chars;

        if (!source_id || !json_is_integer(start) || !json_is_integer(end)) {
            log_warn("facts: %s %s: evidence %zu skipped: needs source_id, start and end", kind,
                     at->id, i);
            continue;
        }
        if (source_chars(st, source_id, &chars))
            return STORE_ERROR;
        json_int_t s = json_integer_value(start), e = json_integer_value(end);
        if (chars < 0) {
            log_warn("facts: %s %s: evidence %zu skipped: unknown source %s", kind, at->id, i,
                     source_id);
            continue;
        }
        if (s < 0 || e <= s || e > chars) {
            log_warn("facts: %s %s: evidence %zu skipped: span [%lld, %lld) is not inside "
                     "source %s (%lld code points)",
                     kind, at->id, i, (long long)s, (long long)e, source_id, (long long)chars);
            continue;
        }

        db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_ADD_PENDING));
        if (!stmt)
            return STORE_ERROR;
        db_bind_text(stmt, 1, kind, -1);
        db_bind_text(stmt, 2, at->id, -1);
        db_bind_text(stmt, 3, source_id, -1);
        db_bind_int64(stmt, 4, (long long)s);
        db_bind_int64(stmt, 5, (long long)e);
        int rc = db_step(stmt);
        store_query_done(stmt);
        if (rc != DB_DONE)
            return store_db_fail(st, "queueing evidence");
    }
    return STORE_OK;
}

/* Steps an insert statement of one fact; a duplicate id is the usual failure. */
static int insert_fact(store *st, const fact_at *at, db_stmt *stmt)
{
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE)
        return STORE_OK;
    if (rc == DB_CONSTRAINT && db_last_constraint(st->conn) == DB_CONSTRAINT_UNIQUE)
        return fact_fail(st, at, "id", "used twice");
    return fact_fail(st, at, NULL, db_errmsg(st->conn));
}

/* Records that person_id takes part in the fact at `at` (of `kind`) in `role`. */
static int link_person(store *st, const fact_at *at, const char *kind, const char *role,
                       const char *person_id)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_INSERT_FACT_PERSON));
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, at->id, -1);
    db_bind_text(stmt, 3, person_id, -1);
    db_bind_text(stmt, 4, role, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE)
        return STORE_OK;
    if (rc == DB_CONSTRAINT && db_last_constraint(st->conn) == DB_CONSTRAINT_FOREIGN_KEY) {
        char why[128];
        snprintf(why, sizeof(why), "'%.64s' names no person of the document", person_id);
        return fact_fail(st, at, "person_id", why);
    }
    return fact_fail(st, at, "person_id", db_errmsg(st->conn));
}

/* Links every entry of a person list (already checked by dump_person_list) that has a
 * person_id; counts those that have only a name. */
static int link_person_list(store *st, const fact_at *at, const char *kind, const char *role,
                            const json_t *list)
{
    const json_t *person;
    size_t i;

    json_array_foreach(list, i, person) {
        const char *person_id = json_string_value(json_object_get(person, "person_id"));
        if (person_id && link_person(st, at, kind, role, person_id))
            return STORE_ERROR;
        if (!person_id && json_is_string(json_object_get(person, "name")))
            st->unlinked_names++;
    }
    return STORE_OK;
}

static int put_person(store *st, const fact_at *at, const json_t *p)
{
    db_stmt *stmt = store_query(st, SQL_INSERT_PERSON);
    char *aliases = NULL, *disputes = store_disputes_text(p);
    int result = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, at->id, -1);
    if (bind_text_field(st, at, stmt, 2, p, "name", true) ||
        bind_text_field(st, at, stmt, 3, p, "title", false) ||
        dump_list_field(st, at, p, "aliases", &aliases))
        goto out;
    db_bind_text(stmt, 4, aliases, -1);
    db_bind_text(stmt, 5, disputes, -1);
    result = insert_fact(st, at, stmt);
out:
    store_query_done(stmt);
    free(aliases);
    free(disputes);
    return result;
}

static int put_agreement(store *st, const fact_at *at, const json_t *a)
{
    db_stmt *stmt = store_query(st, SQL_INSERT_AGREEMENT);
    char *aliases = NULL, *parties = NULL, *signatories = NULL, *disputes = store_disputes_text(a);
    int result = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, at->id, -1);
    if (bind_text_field(st, at, stmt, 2, a, "name", true) ||
        dump_list_field(st, at, a, "aliases", &aliases) ||
        bind_text_field(st, at, stmt, 4, a, "acronym", false) ||
        bind_text_field(st, at, stmt, 5, a, "signed", false) ||
        bind_text_field(st, at, stmt, 6, a, "place", false) ||
        dump_list_field(st, at, a, "parties", &parties) ||
        dump_person_list(st, at, a, "signatories", &signatories) ||
        bind_text_field(st, at, stmt, 9, a, "rule", false) ||
        bind_number_field(st, at, stmt, 10, a, "confidence"))
        goto out;
    db_bind_text(stmt, 3, aliases, -1);
    db_bind_text(stmt, 7, parties, -1);
    db_bind_text(stmt, 8, signatories, -1);
    db_bind_text(stmt, 11, disputes, -1);
    if (insert_fact(st, at, stmt) ||
        link_person_list(st, at, "agreement", "signatory", json_object_get(a, "signatories")))
        goto out;
    result = queue_evidence(st, at, "agreement", a);
out:
    store_query_done(stmt);
    free(aliases);
    free(parties);
    free(signatories);
    free(disputes);
    return result;
}

static int put_meeting(store *st, const fact_at *at, const json_t *m)
{
    db_stmt *stmt = store_query(st, SQL_INSERT_MEETING);
    char *participants = NULL, *disputes = store_disputes_text(m);
    int result = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, at->id, -1);
    if (bind_text_field(st, at, stmt, 2, m, "date", false) ||
        bind_text_field(st, at, stmt, 3, m, "place", false) ||
        bind_text_field(st, at, stmt, 4, m, "occasion", false) ||
        dump_person_list(st, at, m, "participants", &participants) ||
        bind_text_field(st, at, stmt, 6, m, "rule", false) ||
        bind_number_field(st, at, stmt, 7, m, "confidence"))
        goto out;
    db_bind_text(stmt, 5, participants, -1);
    db_bind_text(stmt, 8, disputes, -1);
    if (insert_fact(st, at, stmt) ||
        link_person_list(st, at, "meeting", "participant", json_object_get(m, "participants")))
        goto out;
    result = queue_evidence(st, at, "meeting", m);
out:
    store_query_done(stmt);
    free(participants);
    free(disputes);
    return result;
}

static int put_quote(store *st, const fact_at *at, const json_t *q)
{
    db_stmt *stmt = store_query(st, SQL_INSERT_QUOTE);
    const json_t *speaker = json_object_get(q, "speaker");
    const char *speaker_id = json_string_value(json_object_get(speaker, "person_id"));
    char *disputes = store_disputes_text(q);
    int result = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    if (speaker && !json_is_null(speaker) && !json_is_object(speaker)) {
        fact_fail(st, at, "speaker", "not an object");
        goto out;
    }
    db_bind_text(stmt, 1, at->id, -1);
    /* An unknown speaker (null or absent) leaves all three speaker columns NULL. */
    if (bind_text_field(st, at, stmt, 2, q, "text", true) ||
        bind_text_field(st, at, stmt, 3, speaker, "person_id", false) ||
        bind_text_field(st, at, stmt, 4, speaker, "name", false) ||
        bind_text_field(st, at, stmt, 5, speaker, "title", false) ||
        bind_text_field(st, at, stmt, 6, q, "cue", false) ||
        bind_text_field(st, at, stmt, 7, q, "rule", false) ||
        bind_number_field(st, at, stmt, 8, q, "confidence"))
        goto out;
    db_bind_text(stmt, 9, disputes, -1);
    if (insert_fact(st, at, stmt))
        goto out;
    if (speaker_id && link_person(st, at, "quote", "speaker", speaker_id))
        goto out;
    result = queue_evidence(st, at, "quote", q);
out:
    store_query_done(stmt);
    free(disputes);
    return result;
}

typedef int (*put_fact_fn)(store *st, const fact_at *at, const json_t *fact);

/* The lists of a FACTS document, in the order they are stored. */
static const struct {
    const char *list;
    put_fact_fn put;
} fact_lists[] = {
    {"people", put_person},
    {"agreements", put_agreement},
    {"meetings", put_meeting},
    {"quotes", put_quote},
};

static int put_fact_list(store *st, const json_t *facts, const char *list, put_fact_fn put)
{
    const json_t *items = json_object_get(facts, list);
    const json_t *item;
    size_t i;

    if (items && !json_is_null(items) && !json_is_array(items))
        return store_fail(st, "facts: %s: not an array", list);
    json_array_foreach(items, i, item) {
        fact_at at = {.list = list, .index = i, .id = NULL};
        if (!json_is_object(item))
            return fact_fail(st, &at, NULL, "not an object");
        at.id = json_string_value(json_object_get(item, "id"));
        if (!at.id || !*at.id)
            return fact_fail(st, &at, "id", "missing");
        if (put(st, &at, item))
            return STORE_ERROR;
    }
    return STORE_OK;
}

/* Cuts the queued spans of one source out of its text and stores them as evidence.  Spans
 * come in start order, so one forward walk over the text finds every start; each end is
 * found from its start. */
static int cut_source_spans(store *st, const char *source_id, const char *text, size_t len)
{
    db_stmt *spans = store_query(st, STORE_SQL(st, SQL_PENDING_OF_SOURCE));
    size_t at_cp = 0, at_byte = 0;
    int rc, result = STORE_ERROR;

    if (!spans)
        return STORE_ERROR;
    db_bind_text(spans, 1, source_id, -1);
    while ((rc = db_step(spans)) == DB_ROW) {
        size_t start = (size_t)db_column_int64(spans, 2);
        size_t end = (size_t)db_column_int64(spans, 3);
        assert(start >= at_cp && end > start);

        at_byte += utf8_cp_to_byte(text + at_byte, len - at_byte, start - at_cp);
        at_cp = start;
        size_t end_byte = at_byte + utf8_cp_to_byte(text + at_byte, len - at_byte, end - start);

        db_stmt *ins = store_query(st, STORE_SQL(st, SQL_INSERT_EVIDENCE));
        if (!ins)
            goto out;
        db_bind_text(ins, 1, db_column_text(spans, 0, NULL), -1);
        db_bind_text(ins, 2, db_column_text(spans, 1, NULL), -1);
        db_bind_text(ins, 3, source_id, -1);
        db_bind_int64(ins, 4, (long long)start);
        db_bind_int64(ins, 5, (long long)end);
        db_bind_text(ins, 6, text + at_byte, (int)(end_byte - at_byte));
        int irc = db_step(ins);
        store_query_done(ins);
        if (irc != DB_DONE) {
            store_db_fail(st, "storing evidence");
            goto out;
        }
    }
    if (rc != DB_DONE) {
        store_db_fail(st, "reading queued evidence");
        goto out;
    }
    result = STORE_OK;
out:
    store_query_done(spans);
    return result;
}

static int cut_all_spans(store *st)
{
    db_stmt *sources = store_query(st, STORE_SQL(st, SQL_PENDING_SOURCES));
    int rc, result = STORE_ERROR;

    if (!sources)
        return STORE_ERROR;
    while ((rc = db_step(sources)) == DB_ROW) {
        const char *id = db_column_text(sources, 0, NULL);
        size_t len = 0;
        const char *text = db_column_blob(sources, 1, &len);
        if (cut_source_spans(st, id, text ? text : "", len))
            goto out;
    }
    if (rc != DB_DONE) {
        store_db_fail(st, "reading source texts");
        goto out;
    }
    result = STORE_OK;
out:
    store_query_done(sources);
    return result;
}

/* Records how many names in person lists no person id stands for (see
 * store_unlinked_names). */
static int set_unlinked_names(store *st)
{
    db_stmt *stmt = store_query(st, SQL_SET_UNLINKED);
    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, st->unlinked_names);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "counting unlinked names");
}

int store_unlinked_names(store *st)
{
    db_stmt *stmt = store_query(st, SQL_GET_UNLINKED);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt), result;
    if (rc == DB_ROW)
        result = db_column_int64(stmt, 0) > 0;
    else if (rc == DB_DONE)
        result = 1; /* facts merged before the count was kept: there may be some */
    else
        result = store_db_fail(st, "reading the unlinked names");
    store_query_done(stmt);
    return result;
}

int store_replace_facts_begin_locked(store *st)
{
    static const char *const clear[] = {
        /* fact_people first: its rows refer to people. */
        SQL_CLEAR_FACT_PEOPLE, SQL_CLEAR_EVIDENCE, SQL_CLEAR_PEOPLE,
        SQL_CLEAR_AGREEMENTS,  SQL_CLEAR_MEETINGS, SQL_CLEAR_QUOTES,
        SQL_CLEAR_PENDING,     SQL_UNINDEX_FACTS,  SQL_DROP_MERGE_INDEX,
    };

    /* DDL with no parameters; IF NOT EXISTS makes it a no-op after the first call. */
    if (db_exec(st->conn, STORE_SQL(st, SQL_CREATE_PENDING)) != DB_OK)
        return store_db_fail(st, "creating the evidence queue");
    for (size_t i = 0; i < sizeof(clear) / sizeof(clear[0]); i++)
        if (store_query_run(st,
                            clear[i] == SQL_CLEAR_PENDING ? STORE_SQL(st, SQL_CLEAR_PENDING)
                                                          : clear[i],
                            "clearing the old facts"))
            return STORE_ERROR;
    st->unlinked_names = 0;
    return STORE_OK;
}

int store_replace_facts_put_locked(store *st, const json_t *facts, const char *list)
{
    for (size_t i = 0; i < sizeof(fact_lists) / sizeof(fact_lists[0]); i++)
        if (strcmp(fact_lists[i].list, list) == 0)
            return put_fact_list(st, facts, list, fact_lists[i].put);
    return store_fail(st, "facts: no fact list '%s'", list);
}

int store_replace_facts_end_locked(store *st)
{
    if (set_unlinked_names(st) || cut_all_spans(st) ||
        store_query_run(st, STORE_SQL(st, SQL_CLEAR_PENDING), "clearing the evidence queue") ||
        store_query_run(st, SQL_COUNT_AGREEMENT_SOURCES, "counting sources") ||
        store_query_run(st, SQL_COUNT_MEETING_SOURCES, "counting sources") ||
        store_query_run(st, SQL_COUNT_QUOTE_SOURCES, "counting sources") ||
        store_query_run(st, STORE_SQL(st, SQL_INDEX_FACTS), "indexing the facts for search") ||
        store_set_stale(st, false))
        return STORE_ERROR;
    return STORE_OK;
}

int store_replace_facts_locked(store *st, const json_t *facts)
{
    if (!json_is_object(facts))
        return store_fail(st, "facts: not a JSON object");
    if (store_replace_facts_begin_locked(st))
        return STORE_ERROR;
    for (size_t i = 0; i < sizeof(fact_lists) / sizeof(fact_lists[0]); i++)
        if (put_fact_list(st, facts, fact_lists[i].list, fact_lists[i].put))
            return STORE_ERROR;
    return store_replace_facts_end_locked(st);
}

int store_insert_facts_locked(store *st, const json_t *facts)
{
    if (db_exec(st->conn, STORE_SQL(st, SQL_CREATE_PENDING)) != DB_OK)
        return store_db_fail(st, "creating the evidence queue");
    st->unlinked_names = 0;
    for (size_t i = 0; i < sizeof(fact_lists) / sizeof(fact_lists[0]); i++)
        if (put_fact_list(st, facts, fact_lists[i].list, fact_lists[i].put))
            return STORE_ERROR;
    return STORE_OK;
}

int store_cut_pending_locked(store *st)
{
    if (cut_all_spans(st) ||
        store_query_run(st, STORE_SQL(st, SQL_CLEAR_PENDING), "clearing the evidence queue"))
        return STORE_ERROR;
    return STORE_OK;
}

static const char SQL_UPDATE_AGREEMENT[] =
    "UPDATE agreements SET name = ?2, aliases = ?3, acronym = ?4, signed = ?5, place = ?6,"
    " parties = ?7, signatories = ?8, rule = ?9, confidence = ?10, disputes = ?11 WHERE id = ?1";

int store_update_agreement_locked(store *st, const char *id, const json_t *a)
{
    db_stmt *stmt = store_query(st, SQL_UPDATE_AGREEMENT);
    char *aliases = NULL, *parties = NULL, *signatories = NULL, *disputes = store_disputes_text(a);
    fact_at at = {.list = "agreements", .index = 0, .id = id};
    int result = STORE_ERROR;

    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    if (bind_text_field(st, &at, stmt, 2, a, "name", true) ||
        dump_list_field(st, &at, a, "aliases", &aliases) ||
        bind_text_field(st, &at, stmt, 4, a, "acronym", false) ||
        bind_text_field(st, &at, stmt, 5, a, "signed", false) ||
        bind_text_field(st, &at, stmt, 6, a, "place", false) ||
        dump_list_field(st, &at, a, "parties", &parties) ||
        dump_person_list(st, &at, a, "signatories", &signatories) ||
        bind_text_field(st, &at, stmt, 9, a, "rule", false) ||
        bind_number_field(st, &at, stmt, 10, a, "confidence"))
        goto out;
    db_bind_text(stmt, 3, aliases, -1);
    db_bind_text(stmt, 7, parties, -1);
    db_bind_text(stmt, 8, signatories, -1);
    db_bind_text(stmt, 11, disputes, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    stmt = NULL;
    if (rc != DB_DONE) {
        fact_fail(st, &at, NULL, db_errmsg(st->conn));
        goto out;
    }
    st->unlinked_names = 0;
    result = link_person_list(st, &at, "agreement", "signatory", json_object_get(a, "signatories"));
out:
    store_query_done(stmt);
    free(aliases);
    free(parties);
    free(signatories);
    free(disputes);
    return result;
}

int store_add_evidence_locked(store *st, const char *kind, const char *fact_id,
                              const json_t *evidence)
{
    fact_at at = {.list = kind, .index = 0, .id = fact_id};
    json_t *fact = json_pack("{s:O}", "evidence", (json_t *)evidence);
    if (db_exec(st->conn, STORE_SQL(st, SQL_CREATE_PENDING)) != DB_OK) {
        json_decref(fact);
        return store_db_fail(st, "creating the evidence queue");
    }
    int rc = queue_evidence(st, &at, kind, fact) || store_cut_pending_locked(st);
    json_decref(fact);
    return rc ? STORE_ERROR : STORE_OK;
}

/* Notes the log's size after each commit of the handle, in place of checkpointing then. */
static int note_wal_frames(void *arg, sqlite3 *db, const char *name, int frames)
{
    (void)db;
    (void)name;
    ((store *)arg)->wal_frames = frames;
    return SQLITE_OK;
}

/* PostgreSQL checkpoints by itself: nothing to defer or run. */
int store_defer_checkpoints(store *st)
{
    if (store_pg(st))
        return STORE_OK;
    sqlite3_wal_hook(st->db, note_wal_frames, st);
    return STORE_OK;
}

int store_checkpoint(store *st, int min_frames)
{
    if (store_pg(st) || st->wal_frames < min_frames)
        return STORE_OK;
    int rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        return store_db_fail(st, "checkpointing the log");
    st->wal_frames = 0;
    return STORE_OK;
}

int store_replace_facts(store *st, const json_t *facts)
{
    if (!json_is_object(facts))
        return store_fail(st, "facts: not a JSON object");
    if (st->readonly)
        return store_fail(st, "facts: the database is open read-only");
    if (store_begin_write(st))
        return STORE_ERROR;
    if (store_replace_facts_locked(st, facts) || store_commit(st)) {
        store_rollback(st);
        return STORE_ERROR;
    }
    return STORE_OK;
}
