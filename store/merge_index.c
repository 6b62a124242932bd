/* merge_index: what the incremental merge (ingest/merge_update.c) reads and writes.
 *
 * A full merge reads every extraction; an incremental one reads only the reports that can
 * take part in the clusters a new or deleted article touches.  It finds them here, by
 * indexed look-ups: the reports filed under one blocking key (merge_keys), the reports of
 * one fact or of one article (merge_items), the facts hashed from one key (merge_facts).
 * Each report is kept as the JSON object of its extraction, so that merging a cluster again
 * reads the cluster's reports and no article's whole extraction.
 *
 * The index is current when meta.merge_index is '1': a full merge (store_merge_index_done)
 * sets it, anything that replaces the fact set otherwise (store_replace_facts, an
 * extraction replaced) clears it, and the next merge is then a full one.
 *
 * Writing part of the fact set (store_merge_splice) removes the old facts a recomputed
 * cluster had and inserts the new ones.  Evidence rows that stay the same are kept, so that
 * only new spans are cut out of their articles; a fact's search row is found by its rowid,
 * search_rowid(kind, id) (search.c). */
#include "store/store_private.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_INDEX_READY[] = "SELECT value FROM meta WHERE key = 'merge_index'";
static const char SQL_INDEX_SET[] = "INSERT INTO meta (key, value) VALUES ('merge_index', '1')"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char SQL_INDEX_DROP[] = "DELETE FROM meta WHERE key = 'merge_index'";
static const char SQL_CLEAR_SOURCES[] = "DELETE FROM merge_sources";
static const char SQL_CLEAR_ITEMS[] = "DELETE FROM merge_items";
static const char SQL_CLEAR_KEYS[] = "DELETE FROM merge_keys";
static const char SQL_CLEAR_FACTS[] = "DELETE FROM merge_facts";

/* The stored articles the index does not hold yet (new since the last merge): each article
 * stored is noted in merge_pending (store_merge_pending_add), and indexing it takes the note
 * away (store_merge_put_source); a note whose article was deleted meanwhile is dropped. */
static const char SQL_PENDING_SOURCES[] =
    "SELECT s.id, s.extraction FROM merge_pending AS p JOIN sources AS s ON s.id = p.source_id"
    " WHERE NOT EXISTS (SELECT 1 FROM merge_sources AS m WHERE m.source_id = s.id)"
    " ORDER BY p.source_id LIMIT ?1";
static const char SQL_PENDING_ADD[] = "INSERT OR IGNORE INTO merge_pending (source_id) VALUES (?1)";
static const char SQL_PENDING_ADD_PG[] =
    "INSERT INTO merge_pending (source_id) VALUES (?1) ON CONFLICT DO NOTHING";
static const char SQL_PENDING_DONE[] = "DELETE FROM merge_pending WHERE source_id = ?1";
static const char SQL_PENDING_GONE[] =
    "DELETE FROM merge_pending WHERE"
    " NOT EXISTS (SELECT 1 FROM sources AS s WHERE s.id = merge_pending.source_id)"
    " OR EXISTS (SELECT 1 FROM merge_sources AS m WHERE m.source_id = merge_pending.source_id)";
static const char SQL_CLEAR_PENDING_SOURCES[] = "DELETE FROM merge_pending";

#define ITEM_COLUMNS                                                                    \
    "SELECT i.source_id, i.idx, i.fact_id, i.report, m.published FROM merge_items AS i" \
    " LEFT JOIN merge_sources AS m ON m.source_id = i.source_id"
static const char SQL_ITEMS_BY_KEY[] = ITEM_COLUMNS
    " JOIN merge_keys AS k ON k.kind = i.kind AND k.source_id = i.source_id AND k.idx = i.idx"
    " WHERE k.kind = ?1 AND k.key = ?2";
static const char SQL_ITEMS_BY_KEY_IN_SOURCE[] = ITEM_COLUMNS
    " JOIN merge_keys AS k ON k.kind = i.kind AND k.source_id = i.source_id AND k.idx = i.idx"
    " WHERE k.kind = ?1 AND k.key = ?2 AND k.source_id = ?3";
/* Keys of one prefix ("n:") whose rest holds ?3, and keys of one prefix ("g:") whose rest
 * ?3 holds: a generic agreement with a number against the named ones (see ingest.h). */
static const char SQL_ITEMS_KEY_HOLDS[] = ITEM_COLUMNS
    " JOIN merge_keys AS k ON k.kind = i.kind AND k.source_id = i.source_id AND k.idx = i.idx"
    " WHERE k.kind = ?1 AND k.key > ?2 AND k.key < ?2 || char(1114111) AND instr(substr(k.key, length(?2) + 1), ?3) > 0";
static const char SQL_ITEMS_KEY_HOLDS_PG[] = ITEM_COLUMNS
    " JOIN merge_keys AS k ON k.kind = i.kind AND k.source_id = i.source_id AND k.idx = i.idx"
    " WHERE k.kind = ?1 AND k.key > ?2 AND k.key < ?2 || chr(1114111) AND strpos(substr(k.key, length(CAST(?2 AS text)) + 1), CAST(?3 AS text)) > 0";
static const char SQL_ITEMS_KEY_WITHIN[] = ITEM_COLUMNS
    " JOIN merge_keys AS k ON k.kind = i.kind AND k.source_id = i.source_id AND k.idx = i.idx"
    " WHERE k.kind = ?1 AND k.key >= ?2 AND k.key < ?2 || char(1114111) AND instr(?3, substr(k.key, length(?2) + 1)) > 0";
static const char SQL_ITEMS_KEY_WITHIN_PG[] = ITEM_COLUMNS
    " JOIN merge_keys AS k ON k.kind = i.kind AND k.source_id = i.source_id AND k.idx = i.idx"
    " WHERE k.kind = ?1 AND k.key >= ?2 AND k.key < ?2 || chr(1114111) AND strpos(CAST(?3 AS text), substr(k.key, length(CAST(?2 AS text)) + 1)) > 0";
/* The same, the facts alone, from the keys' rows (no report read). */
#define FACT_COLUMNS "SELECT DISTINCT k.fact_id FROM merge_keys AS k"
static const char SQL_FACTS_OF_KEY[] = FACT_COLUMNS " WHERE k.kind = ?1 AND k.key = ?2";
static const char SQL_FACTS_KEY_HOLDS[] = FACT_COLUMNS
    " WHERE k.kind = ?1 AND k.key > ?2 AND k.key < ?2 || char(1114111) AND instr(substr(k.key, length(?2) + 1), ?3) > 0";
static const char SQL_FACTS_KEY_HOLDS_PG[] = FACT_COLUMNS
    " WHERE k.kind = ?1 AND k.key > ?2 AND k.key < ?2 || chr(1114111) AND strpos(substr(k.key, length(CAST(?2 AS text)) + 1), CAST(?3 AS text)) > 0";
static const char SQL_FACTS_KEY_WITHIN[] = FACT_COLUMNS
    " WHERE k.kind = ?1 AND k.key >= ?2 AND k.key < ?2 || char(1114111) AND instr(?3, substr(k.key, length(?2) + 1)) > 0";
static const char SQL_FACTS_KEY_WITHIN_PG[] = FACT_COLUMNS
    " WHERE k.kind = ?1 AND k.key >= ?2 AND k.key < ?2 || chr(1114111) AND strpos(CAST(?3 AS text), substr(k.key, length(CAST(?2 AS text)) + 1)) > 0";
/* SQLite's planner would rather scan the kind's range of the primary key. */
static const char SQL_ITEMS_BY_FACT[] =
    "SELECT i.source_id, i.idx, i.fact_id, i.report, m.published FROM merge_items AS i INDEXED BY merge_items_by_fact"
    " LEFT JOIN merge_sources AS m ON m.source_id = i.source_id WHERE i.kind = ?1 AND i.fact_id = ?2";
static const char SQL_ITEMS_BY_FACT_PG[] =
    "SELECT i.source_id, i.idx, i.fact_id, i.report, m.published FROM merge_items AS i"
    " LEFT JOIN merge_sources AS m ON m.source_id = i.source_id WHERE i.kind = ?1 AND i.fact_id = ?2";
static const char SQL_ITEMS_OF_SOURCE[] = ITEM_COLUMNS " WHERE i.kind = ?1 AND i.source_id = ?2";

/* The people the reports of one article refer to, by the key the article knows them by
 * (the first report with that key, as the merge takes it). */
static const char SQL_REFS_OF_SOURCE[] =
    "SELECT json_extract(i.report, '$.key'), i.fact_id, p.name FROM merge_items AS i"
    " JOIN people AS p ON p.id = i.fact_id WHERE i.kind = 'people' AND i.source_id = ?1 ORDER BY i.idx";
static const char SQL_REFS_OF_SOURCE_PG[] =
    "SELECT i.report::json ->> 'key', i.fact_id, p.name FROM merge_items AS i"
    " JOIN people AS p ON p.id = i.fact_id WHERE i.kind = 'people' AND i.source_id = ?1 ORDER BY i.idx";
static const char SQL_PERSON_NAME[] = "SELECT name FROM people WHERE id = ?1";

static const char SQL_FACTS_BY_KEY[] =
    "SELECT id FROM merge_facts WHERE kind = ?1 AND merge_key = ?2";
static const char SQL_FACT_KEY[] = "SELECT merge_key FROM merge_facts WHERE kind = ?1 AND id = ?2";

static const char SQL_PUT_SOURCE[] =
    "INSERT OR REPLACE INTO merge_sources (source_id, published) VALUES (?1, ?2)";
static const char SQL_PUT_SOURCE_PG[] =
    "INSERT INTO merge_sources (source_id, published) VALUES (?1, ?2)"
    " ON CONFLICT (source_id) DO UPDATE SET published = excluded.published";
static const char SQL_DROP_SOURCE[] = "DELETE FROM merge_sources WHERE source_id = ?1";
static const char SQL_DROP_SOURCE_ITEMS[] = "DELETE FROM merge_items WHERE source_id = ?1";
static const char SQL_DROP_SOURCE_KEYS[] = "DELETE FROM merge_keys WHERE source_id = ?1";
static const char SQL_PUT_ITEM[] =
    "INSERT INTO merge_items (kind, source_id, idx, fact_id, report) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (kind, source_id, idx) DO UPDATE SET fact_id = excluded.fact_id";
/* A report whose keys change (its people did) keeps what they stand for now, too. */
static const char SQL_PUT_ITEM_REPORT[] =
    "INSERT INTO merge_items (kind, source_id, idx, fact_id, report) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (kind, source_id, idx) DO UPDATE SET fact_id = excluded.fact_id, report = excluded.report";
static const char SQL_DROP_ITEM_KEYS[] =
    "DELETE FROM merge_keys WHERE source_id = ?2 AND kind = ?1 AND idx = ?3";
static const char SQL_PUT_KEY[] =
    "INSERT OR IGNORE INTO merge_keys (kind, key, source_id, idx, fact_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_PUT_KEY_PG[] = "INSERT INTO merge_keys (kind, key, source_id, idx, fact_id)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING";
static const char SQL_MOVE_ITEM_KEYS[] =
    "UPDATE merge_keys SET fact_id = ?4 WHERE source_id = ?2 AND kind = ?1 AND idx = ?3";
static const char SQL_PUT_FACT[] =
    "INSERT OR REPLACE INTO merge_facts (kind, id, merge_key, summary) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_PUT_FACT_PG[] =
    "INSERT INTO merge_facts (kind, id, merge_key, summary) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (kind, id) DO UPDATE SET merge_key = excluded.merge_key, summary = excluded.summary";
static const char SQL_FACT_SUMMARY[] =
    "SELECT summary FROM merge_facts WHERE kind = ?1 AND id = ?2";
static const char SQL_AGREEMENT_SIGS[] =
    "SELECT s.key FROM merge_facts AS f, json_each(f.summary, '$.sigs') AS s"
    " WHERE f.kind = 'agreements' AND f.id = ?1";
static const char SQL_AGREEMENT_SIGS_PG[] =
    "SELECT s FROM merge_facts AS f, json_object_keys(f.summary::json -> 'sigs') AS s"
    " WHERE f.kind = 'agreements' AND f.id = ?1";
/* The fact of one report filed under a key (every report of a person's name key or handle is
 * in one person), other than ?3 when given. */
static const char SQL_FACT_OF_KEY[] =
    "SELECT i.fact_id FROM merge_keys AS k"
    " JOIN merge_items AS i ON i.kind = k.kind AND i.source_id = k.source_id AND i.idx = k.idx"
    " WHERE k.kind = ?1 AND k.key = ?2 AND (?3 IS NULL OR i.fact_id <> ?3) LIMIT 1";
static const char SQL_FACT_OF_KEY_PG[] =
    "SELECT i.fact_id FROM merge_keys AS k"
    " JOIN merge_items AS i ON i.kind = k.kind AND i.source_id = k.source_id AND i.idx = k.idx"
    " WHERE k.kind = ?1 AND k.key = ?2 AND (CAST(?3 AS text) IS NULL OR i.fact_id <> ?3) LIMIT 1";
static const char SQL_DROP_FACT[] = "DELETE FROM merge_facts WHERE kind = ?1 AND id = ?2";
static const char SQL_DROP_PERSON_FACT[] =
    "DELETE FROM merge_facts WHERE kind = 'people' AND id = ?1";

/* Splicing facts. */
static const char SQL_DROP_FTS_ROW[] = "DELETE FROM search_fts WHERE rowid = search_rowid(?1, ?2)";
static const char SQL_INDEX_AGREEMENT[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('agreement', a.id), 'agreement', a.id, a.name"
    "   || coalesce(char(10) || (SELECT group_concat(j.value, char(10)) FROM json_each("
    "        CASE WHEN json_valid(a.aliases) THEN a.aliases ELSE '[]' END) AS j), '')"
    "   || coalesce(char(10) || a.acronym, ''), ''"
    " FROM agreements AS a WHERE a.id = ?1";
static const char SQL_INDEX_AGREEMENT_PG[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('agreement', a.id), 'agreement', a.id, " AGREEMENT_SEARCH_NAME_PG
    ", '' FROM agreements AS a WHERE a.id = ?1";
static const char SQL_INDEX_QUOTE[] =
    "INSERT INTO search_fts (rowid, kind, ref, name, body)"
    " SELECT search_rowid('quote', id), 'quote', id, '', text FROM quotes WHERE id = ?1";
static const char SQL_DROP_FACT_PEOPLE[] =
    "DELETE FROM fact_people WHERE kind = ?1 AND fact_id = ?2";
static const char SQL_DROP_AGREEMENT[] = "DELETE FROM agreements WHERE id = ?1";
static const char SQL_DROP_MEETING[] = "DELETE FROM meetings WHERE id = ?1";
static const char SQL_DROP_QUOTE[] = "DELETE FROM quotes WHERE id = ?1";
static const char SQL_DROP_PERSON[] = "DELETE FROM people WHERE id = ?1";
static const char SQL_UPSERT_PERSON[] =
    "INSERT INTO people (id, name, title, aliases, disputes) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,"
    " aliases = excluded.aliases, disputes = excluded.disputes";
/* The old facts' evidence that the new facts do not have again; then the new spans already
 * stored, which need no cutting. */
static const char SQL_DROP_OLD_EVIDENCE[] =
    "DELETE FROM evidence AS e WHERE e.kind = ?1 AND e.fact_id = ?2 AND NOT EXISTS"
    " (SELECT 1 FROM temp.pending_evidence AS p WHERE p.source_id = e.source_id AND p.cp_start = e.cp_start"
    "  AND p.cp_end = e.cp_end AND p.kind = e.kind AND p.fact_id = e.fact_id)";
static const char SQL_DROP_OLD_EVIDENCE_PG[] =
    "DELETE FROM evidence AS e WHERE e.kind = ?1 AND e.fact_id = ?2 AND NOT EXISTS"
    " (SELECT 1 FROM pg_temp.pending_evidence AS p WHERE p.source_id = e.source_id AND p.cp_start = e.cp_start"
    "  AND p.cp_end = e.cp_end AND p.kind = e.kind AND p.fact_id = e.fact_id)";
static const char SQL_DROP_PENDING_STORED[] =
    "DELETE FROM temp.pending_evidence AS p WHERE EXISTS (SELECT 1 FROM evidence AS e"
    " WHERE e.kind = p.kind AND e.fact_id = p.fact_id AND e.source_id = p.source_id"
    " AND e.cp_start = p.cp_start AND e.cp_end = p.cp_end)";
static const char SQL_DROP_PENDING_STORED_PG[] =
    "DELETE FROM pg_temp.pending_evidence AS p WHERE EXISTS (SELECT 1 FROM evidence AS e"
    " WHERE e.kind = p.kind AND e.fact_id = p.fact_id AND e.source_id = p.source_id"
    " AND e.cp_start = p.cp_start AND e.cp_end = p.cp_end)";
static const char SQL_COUNT_AGREEMENT[] =
    "UPDATE agreements SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
    " WHERE kind = 'agreement' AND fact_id = ?1) WHERE id = ?1";
static const char SQL_COUNT_MEETING[] =
    "UPDATE meetings SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
    " WHERE kind = 'meeting' AND fact_id = ?1) WHERE id = ?1";
static const char SQL_COUNT_QUOTE[] =
    "UPDATE quotes SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
    " WHERE kind = 'quote' AND fact_id = ?1) WHERE id = ?1";
static const char SQL_UPDATE_QUOTE[] =
    "UPDATE quotes SET text = ?2, speaker_person_id = ?3, speaker_name = ?4, speaker_title = ?5,"
    " cue = ?6, rule = ?7, confidence = ?8, disputes = ?9 WHERE id = ?1";
static const char SQL_SOURCE_IN_FACT[] =
    "SELECT 1 FROM merge_items WHERE kind = ?1 AND source_id = ?2 AND fact_id = ?3 LIMIT 1";
/* A new report's article among a fact's sources: counted when its first span goes in. */
static const char SQL_HAS_SOURCE_EVIDENCE[] =
    "SELECT 1 FROM evidence WHERE kind = ?1 AND fact_id = ?2 AND source_id = ?3 LIMIT 1";
static const char SQL_BUMP_AGREEMENT[] =
    "UPDATE agreements SET nsources = nsources + 1 WHERE id = ?1";
static const char SQL_BUMP_MEETING[] = "UPDATE meetings SET nsources = nsources + 1 WHERE id = ?1";
static const char SQL_BUMP_QUOTE[] = "UPDATE quotes SET nsources = nsources + 1 WHERE id = ?1";
static const char SQL_SET_UNLINKED_SOME[] =
    "INSERT INTO meta (key, value) VALUES ('unlinked_names', '1')"
    " ON CONFLICT (key) DO UPDATE SET value = CASE WHEN CAST(value AS INTEGER) > 0 THEN value ELSE '1' END";

/* Runs a statement bound to up to three texts and that returns no rows. */
static int run_texts(store *st, const char *sql, const char *a, const char *b, const char *c,
                     const char *what)
{
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, a, -1);
    if (b)
        db_bind_text(stmt, 2, b, -1);
    if (c)
        db_bind_text(stmt, 3, c, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, what);
}

int store_merge_index_ready(store *st)
{
    db_stmt *stmt = store_query(st, SQL_INDEX_READY);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt), ready = 0;
    if (rc == DB_ROW) {
        const char *v = db_column_text(stmt, 0, NULL);
        ready = v && strcmp(v, "1") == 0;
    }
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? ready
                                         : store_db_fail(st, "reading the merge index state");
}

int store_merge_index_clear(store *st)
{
    static const char *const clear[] = {SQL_INDEX_DROP,  SQL_CLEAR_SOURCES,
                                        SQL_CLEAR_ITEMS, SQL_CLEAR_KEYS,
                                        SQL_CLEAR_FACTS, SQL_CLEAR_PENDING_SOURCES};
    for (size_t i = 0; i < sizeof clear / sizeof clear[0]; i++)
        if (store_query_run(st, clear[i], "clearing the merge index"))
            return STORE_ERROR;
    return STORE_OK;
}

int store_merge_index_done(store *st, bool full, bool fresh)
{
    if (store_query_run(st, SQL_INDEX_SET, "marking the merge index"))
        return STORE_ERROR;
    /* a full merge has marked the facts fresh already (one generation per merge) */
    return full ? STORE_OK : store_set_stale(st, !fresh);
}

int store_merge_pending_sources(store *st, int limit, json_t **out)
{
    if (store_query_run(st, SQL_PENDING_GONE, "listing the articles to merge"))
        return STORE_ERROR;
    db_stmt *stmt = store_query(st, SQL_PENDING_SOURCES);
    json_t *list = json_array();
    int rc;

    *out = NULL;
    if (!stmt) {
        json_decref(list);
        return STORE_ERROR;
    }
    db_bind_int64(stmt, 1, limit);
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *id = db_column_text(stmt, 0, NULL);
        json_t *extraction = store_column_json(stmt, 1, NULL);
        if (!extraction) {
            store_fail(st, "source %s: stored extraction is not JSON", id);
            store_query_done(stmt);
            json_decref(list);
            return STORE_ERROR;
        }
        json_array_append_new(list,
                              json_pack("{s:s, s:o}", "source_id", id, "extraction", extraction));
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        json_decref(list);
        return store_db_fail(st, "listing the articles to merge");
    }
    *out = list;
    return STORE_OK;
}

/* Reads one row of the items look-ups into *out, its strings in a; false when out of
 * memory. */
static bool read_report(store_arena *a, db_stmt *row, store_merge_report *out)
{
    size_t len = 0;
    const char *report = db_column_text(row, 3, &len);
    out->idx = db_column_int64(row, 1);
    out->report_len = report ? len : 0;
    out->report = store_arena_strndup(a, report ? report : "", out->report_len);
    return out->report && store_row_text(a, row, 0, &out->source_id) &&
           store_row_text(a, row, 2, &out->fact_id) && store_row_text(a, row, 4, &out->published);
}

int store_merge_items(store *st, enum store_merge_by by, const char *kind, const char *a,
                      const char *b, store_merge_reports *out)
{
    static const char *const sql[] = {
        [STORE_MERGE_BY_KEY] = SQL_ITEMS_BY_KEY,
        [STORE_MERGE_BY_KEY_IN_SOURCE] = SQL_ITEMS_BY_KEY_IN_SOURCE,
        [STORE_MERGE_KEY_HOLDS] = SQL_ITEMS_KEY_HOLDS,
        [STORE_MERGE_KEY_WITHIN] = SQL_ITEMS_KEY_WITHIN,
        [STORE_MERGE_BY_FACT] = SQL_ITEMS_BY_FACT,
        [STORE_MERGE_OF_SOURCE] = SQL_ITEMS_OF_SOURCE,
    };
    static const char *const sql_pg[] = {
        [STORE_MERGE_BY_KEY] = SQL_ITEMS_BY_KEY,
        [STORE_MERGE_BY_KEY_IN_SOURCE] = SQL_ITEMS_BY_KEY_IN_SOURCE,
        [STORE_MERGE_KEY_HOLDS] = SQL_ITEMS_KEY_HOLDS_PG,
        [STORE_MERGE_KEY_WITHIN] = SQL_ITEMS_KEY_WITHIN_PG,
        [STORE_MERGE_BY_FACT] = SQL_ITEMS_BY_FACT_PG,
        [STORE_MERGE_OF_SOURCE] = SQL_ITEMS_OF_SOURCE,
    };
    db_stmt *stmt = store_query(st, store_pg(st) ? sql_pg[by] : sql[by]);
    size_t cap = 0;
    int rc;

    memset(out, 0, sizeof(*out));
    if (!stmt)
        return STORE_ERROR;
    if (!(out->arena = store_arena_new())) {
        store_query_done(stmt);
        return store_fail(st, "out of memory");
    }
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, a, -1);
    if (b)
        db_bind_text(stmt, 3, b, -1);
    /* the report stays text: the caller parses the ones it did not have yet */
    while ((rc = db_step(stmt)) == DB_ROW) {
        store_merge_report *v = store_arena_reserve(out->arena, out->v, out->n, &cap,
                                                    sizeof(*out->v));
        if (!v || !read_report(out->arena, stmt, &v[out->n])) {
            store_query_done(stmt);
            store_merge_reports_release(out);
            return store_fail(st, "out of memory");
        }
        out->v = v;
        out->n++;
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_merge_reports_release(out);
        return store_db_fail(st, "reading the merge index");
    }
    return STORE_OK;
}

int store_merge_refs(store *st, const char *source, store_merge_ref_list *refs)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_REFS_OF_SOURCE));
    size_t cap = 0;
    int rc;

    memset(refs, 0, sizeof(*refs));
    if (!stmt)
        return STORE_ERROR;
    if (!(refs->arena = store_arena_new())) {
        store_query_done(stmt);
        return store_fail(st, "out of memory");
    }
    db_bind_text(stmt, 1, source, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        if (db_column_is_null(stmt, 0))
            continue;
        store_merge_ref *v = store_arena_reserve(refs->arena, refs->v, refs->n, &cap,
                                                 sizeof(*refs->v));
        if (!v || !store_row_text(refs->arena, stmt, 0, &v[refs->n].key) ||
            !store_row_text(refs->arena, stmt, 1, &v[refs->n].person_id) ||
            !store_row_text(refs->arena, stmt, 2, &v[refs->n].name)) {
            store_query_done(stmt);
            store_merge_ref_list_release(refs);
            return store_fail(st, "out of memory");
        }
        refs->v = v;
        refs->n++;
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_merge_ref_list_release(refs);
        return store_db_fail(st, "reading an article's people");
    }
    return STORE_OK;
}

int store_merge_person_name(store *st, const char *id, char **name)
{
    db_stmt *stmt = store_query(st, SQL_PERSON_NAME);
    *name = NULL;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW && !db_column_is_null(stmt, 0))
        *name = strdup(db_column_text(stmt, 0, NULL));
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading a person");
}

/* Fills ids with the first column of every row of stmt, bound already; a NULL stands as
 * `null_as` (or is left NULL). */
static int read_strings(store *st, db_stmt *stmt, const char *null_as, store_strings *ids)
{
    size_t cap = 0;
    int rc;
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *id = db_column_text(stmt, 0, NULL);
        if (!store_strings_add(ids, &cap, id ? id : null_as)) {
            store_query_done(stmt);
            store_strings_release(ids);
            return store_fail(st, "out of memory");
        }
    }
    store_query_done(stmt);
    if (rc != DB_DONE) {
        store_strings_release(ids);
        return store_db_fail(st, "reading the facts of a key");
    }
    return STORE_OK;
}

int store_merge_facts_by_key(store *st, const char *kind, const char *merge_key, store_strings *ids)
{
    db_stmt *stmt = store_query(st, SQL_FACTS_BY_KEY);
    memset(ids, 0, sizeof(*ids));
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, merge_key, -1);
    return read_strings(st, stmt, NULL, ids);
}

int store_merge_fact_key(store *st, const char *kind, const char *id, char **merge_key)
{
    db_stmt *stmt = store_query(st, SQL_FACT_KEY);
    *merge_key = NULL;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        *merge_key = strdup(db_column_text(stmt, 0, NULL));
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading a fact's key");
}

int store_merge_put_source(store *st, const char *source, const char *published)
{
    return run_texts(st, STORE_SQL(st, SQL_PUT_SOURCE), source, published, NULL,
                     "indexing an article") ||
                   run_texts(st, SQL_PENDING_DONE, source, NULL, NULL, "indexing an article")
               ? STORE_ERROR
               : STORE_OK;
}

int store_merge_pending_add(store *st, const char *source)
{
    return run_texts(st, STORE_SQL(st, SQL_PENDING_ADD), source, NULL, NULL,
                     "noting an article to merge");
}

int store_merge_drop_source(store *st, const char *source)
{
    if (run_texts(st, SQL_DROP_SOURCE, source, NULL, NULL, "unindexing an article") ||
        run_texts(st, SQL_DROP_SOURCE_ITEMS, source, NULL, NULL, "unindexing an article") ||
        run_texts(st, SQL_DROP_SOURCE_KEYS, source, NULL, NULL, "unindexing an article"))
        return STORE_ERROR;
    return STORE_OK;
}

int store_merge_put_item(store *st, const char *kind, const char *source, int idx,
                         const char *fact_id, const json_t *report, const json_t *keys)
{
    db_stmt *stmt = store_query(st, keys ? SQL_PUT_ITEM_REPORT : SQL_PUT_ITEM);
    char *text = json_dumps(report, JSON_COMPACT);
    int rc;

    if (!stmt || !text) {
        free(text);
        return stmt ? store_fail(st, "out of memory") : STORE_ERROR;
    }
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, source, -1);
    db_bind_int64(stmt, 3, idx);
    db_bind_text(stmt, 4, fact_id, -1);
    db_bind_text(stmt, 5, text, -1);
    rc = db_step(stmt);
    store_query_done(stmt);
    free(text);
    if (rc != DB_DONE)
        return store_db_fail(st, "indexing a report");
    if (!keys) {
        /* the same keys, now filed under the report's new fact */
        if (!(stmt = store_query(st, SQL_MOVE_ITEM_KEYS)))
            return STORE_ERROR;
        db_bind_text(stmt, 1, kind, -1);
        db_bind_text(stmt, 2, source, -1);
        db_bind_int64(stmt, 3, idx);
        db_bind_text(stmt, 4, fact_id, -1);
        rc = db_step(stmt);
        store_query_done(stmt);
        return rc == DB_DONE ? STORE_OK : store_db_fail(st, "indexing a report's keys");
    }
    if (!(stmt = store_query(st, SQL_DROP_ITEM_KEYS)))
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, source, -1);
    db_bind_int64(stmt, 3, idx);
    rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_DONE)
        return store_db_fail(st, "indexing a report's keys");
    size_t i;
    json_t *k;
    json_array_foreach(keys, i, k) {
        if (!(stmt = store_query(st, STORE_SQL(st, SQL_PUT_KEY))))
            return STORE_ERROR;
        db_bind_text(stmt, 1, kind, -1);
        db_bind_text(stmt, 2, json_string_value(k), -1);
        db_bind_text(stmt, 3, source, -1);
        db_bind_int64(stmt, 4, idx);
        db_bind_text(stmt, 5, fact_id, -1);
        rc = db_step(stmt);
        store_query_done(stmt);
        if (rc != DB_DONE)
            return store_db_fail(st, "indexing a report's keys");
    }
    return STORE_OK;
}

int store_merge_put_fact(store *st, const char *kind, const char *id, const char *merge_key,
                         const json_t *summary)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_PUT_FACT));
    char *text = summary ? json_dumps(summary, JSON_COMPACT) : NULL;
    if (!stmt) {
        free(text);
        return STORE_ERROR;
    }
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, id, -1);
    db_bind_text(stmt, 3, merge_key, -1);
    if (text)
        db_bind_text(stmt, 4, text, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    free(text);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "indexing a fact");
}

int store_merge_fact_summary(store *st, const char *kind, const char *id, json_t **summary)
{
    db_stmt *stmt = store_query(st, SQL_FACT_SUMMARY);
    *summary = NULL;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW && db_column_type(stmt, 0) == DB_TEXT)
        *summary = store_column_json(stmt, 0, NULL);
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading a fact's summary");
}

int store_merge_agreement_sigs(store *st, const char *id, json_t *sigs)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_AGREEMENT_SIGS));
    int rc;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        size_t len = 0;
        const char *sig = db_column_text(stmt, 0, &len);
        if (json_array_append_new(sigs, json_stringn(sig ? sig : "", len))) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
    }
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading an agreement's summary");
}

int store_merge_fact_of_key(store *st, const char *kind, const char *key, const char *other_than,
                            char **fact_id)
{
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_FACT_OF_KEY));
    *fact_id = NULL;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, key, -1);
    if (other_than)
        db_bind_text(stmt, 3, other_than, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW && !(*fact_id = strdup(db_column_text(stmt, 0, NULL)))) {
        store_query_done(stmt);
        return store_fail(st, "out of memory");
    }
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK
                                         : store_db_fail(st, "reading the fact of a key");
}

/* The evidence kind, table and statements of a fact list. */
static const struct splice_kind {
    const char *list, *evidence_kind, *drop_sql, *count_sql, *bump_sql;
    const char *index_sql, *index_sql_pg; /* SQLite's, PostgreSQL's */
} splice_kinds[] = {
    {"agreements", "agreement", SQL_DROP_AGREEMENT, SQL_COUNT_AGREEMENT, SQL_BUMP_AGREEMENT,
     SQL_INDEX_AGREEMENT, SQL_INDEX_AGREEMENT_PG},
    {"meetings", "meeting", SQL_DROP_MEETING, SQL_COUNT_MEETING, SQL_BUMP_MEETING, NULL, NULL},
    {"quotes", "quote", SQL_DROP_QUOTE, SQL_COUNT_QUOTE, SQL_BUMP_QUOTE, SQL_INDEX_QUOTE,
     SQL_INDEX_QUOTE},
};

/* The statement that indexes a fact of kind k for search, in the handle's dialect. */
static const char *index_sql_of(const store *st, const struct splice_kind *k)
{
    return store_pg(st) ? k->index_sql_pg : k->index_sql;
}

static const struct splice_kind *splice_kind_of(const char *list)
{
    for (size_t i = 0; i < sizeof splice_kinds / sizeof splice_kinds[0]; i++)
        if (strcmp(splice_kinds[i].list, list) == 0)
            return &splice_kinds[i];
    return NULL;
}

/* Removes the index row of a fact and its search row. */
static int drop_fact_row(store *st, const struct splice_kind *k, const char *id)
{
    if (run_texts(st, SQL_DROP_FACT, k->list, id, NULL, "unindexing a fact"))
        return STORE_ERROR;
    return k->index_sql ? run_texts(st, SQL_DROP_FTS_ROW, k->evidence_kind, id, NULL,
                                    "removing a fact from search")
                        : STORE_OK;
}

/* Inserts a fact's search row and its index row. */
static int index_fact(store *st, const struct splice_kind *k, const char *id, const char *merge_key,
                      const json_t *summary)
{
    if (k->index_sql &&
        run_texts(st, index_sql_of(st, k), id, NULL, NULL, "indexing a fact for search"))
        return STORE_ERROR;
    return store_merge_put_fact(st, k->list, id, merge_key, summary);
}

int store_merge_splice(store *st, const char *list, const char *const *old_ids, size_t n_old,
                       const json_t *facts)
{
    size_t i;
    json_t *x;
    const struct splice_kind *k = splice_kind_of(list);
    if (!k)
        return store_fail(st, "merge index: no fact list '%s'", list);
    /* the new facts first, their spans queued: the old evidence they keep stays */
    for (i = 0; i < n_old; i++) {
        const char *id = old_ids[i];
        if (run_texts(st, SQL_DROP_FACT_PEOPLE, k->evidence_kind, id, NULL,
                      "removing a fact's people") ||
            run_texts(st, k->drop_sql, id, NULL, NULL, "removing a fact") ||
            drop_fact_row(st, k, id))
            return STORE_ERROR;
    }
    json_t *doc = json_pack("{s:O}", list, facts);
    int rc = store_insert_facts_locked(st, doc);
    json_decref(doc);
    if (rc)
        return STORE_ERROR;
    if (st->unlinked_names && store_query_run(st, SQL_SET_UNLINKED_SOME, "counting unlinked names"))
        return STORE_ERROR;
    for (i = 0; i < n_old; i++)
        if (run_texts(st, STORE_SQL(st, SQL_DROP_OLD_EVIDENCE), k->evidence_kind, old_ids[i], NULL,
                      "removing old evidence"))
            return STORE_ERROR;
    if (store_query_run(st, STORE_SQL(st, SQL_DROP_PENDING_STORED), "keeping stored evidence") ||
        store_cut_pending_locked(st))
        return STORE_ERROR;
    json_array_foreach(facts, i, x) {
        const char *id = json_string_value(json_object_get(x, "id"));
        const char *merge_key = json_string_value(json_object_get(x, "merge_key"));
        if (run_texts(st, k->count_sql, id, NULL, NULL, "counting sources") ||
            index_fact(st, k, id, merge_key ? merge_key : "", json_object_get(x, "merge_summary")))
            return STORE_ERROR;
    }
    return STORE_OK;
}

int store_merge_put_people(store *st, const json_t *people)
{
    size_t i;
    json_t *p;
    json_array_foreach(people, i, p) {
        db_stmt *stmt = store_query(st, SQL_UPSERT_PERSON);
        char *aliases = json_dumps(json_object_get(p, "aliases"), JSON_COMPACT | JSON_ENCODE_ANY);
        char *disputes = store_disputes_text(p);
        if (!stmt || !aliases) {
            free(aliases);
            free(disputes);
            return stmt ? store_fail(st, "out of memory") : STORE_ERROR;
        }
        db_bind_text(stmt, 1, json_string_value(json_object_get(p, "id")), -1);
        db_bind_text(stmt, 2, json_string_value(json_object_get(p, "name")), -1);
        db_bind_text(stmt, 3, json_string_value(json_object_get(p, "title")), -1);
        db_bind_text(stmt, 4, aliases, -1);
        db_bind_text(stmt, 5, disputes, -1);
        int rc = db_step(stmt);
        store_query_done(stmt);
        free(aliases);
        free(disputes);
        if (rc != DB_DONE)
            return store_db_fail(st, "storing a person");
        const char *merge_key = json_string_value(json_object_get(p, "merge_key"));
        if (store_merge_put_fact(st, "people", json_string_value(json_object_get(p, "id")),
                                 merge_key ? merge_key : "", json_object_get(p, "merge_summary")))
            return STORE_ERROR;
    }
    return STORE_OK;
}

int store_merge_drop_person(store *st, const char *id)
{
    if (run_texts(st, SQL_DROP_PERSON, id, NULL, NULL, "removing a person"))
        return STORE_ERROR;
    return run_texts(st, SQL_DROP_PERSON_FACT, id, NULL, NULL, "unindexing a person");
}

int store_merge_begin(store *st)
{
    if (st->readonly)
        return store_fail(st, "the database is open read-only");
    /* the reports of the facts touched are read scattered over the index: keep more of it */
    if (!store_pg(st) && db_exec(st->conn, "PRAGMA cache_size = -32768") != DB_OK)
        return store_db_fail(st, "sizing the page cache");
    return store_begin_write(st);
}

int store_merge_commit(store *st)
{
    if (store_commit(st)) {
        store_rollback(st);
        return STORE_ERROR;
    }
    return STORE_OK;
}

void store_merge_rollback(store *st)
{
    store_rollback(st);
}

int store_merge_rebuild_begin(store *st)
{
    return store_replace_facts_begin_locked(st) || store_merge_index_clear(st) ? STORE_ERROR
                                                                               : STORE_OK;
}

int store_merge_rebuild_put(store *st, const json_t *facts, const char *list)
{
    return store_replace_facts_put_locked(st, facts, list);
}

int store_merge_rebuild_end(store *st)
{
    return store_replace_facts_end_locked(st);
}

/* 1 when the fact has a span of the article `source`, 0 when not. */
static int has_source_evidence(store *st, const struct splice_kind *k, const char *id,
                               const char *source)
{
    db_stmt *stmt = store_query(st, SQL_HAS_SOURCE_EVIDENCE);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, k->evidence_kind, -1);
    db_bind_text(stmt, 2, id, -1);
    db_bind_text(stmt, 3, source, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_fail(st, "reading a fact's evidence");
    return rc == DB_ROW;
}

/* Adds a new report's spans (all of one article) to a fact's evidence, and counts the
 * article among its sources when they are its first there, as a full count would. */
static int join_spans(store *st, const struct splice_kind *k, const char *id,
                      const json_t *evidence)
{
    const char *source = json_string_value(
        json_object_get(json_array_get(evidence, 0), "source_id"));
    if (!source)
        return STORE_OK;
    int had = has_source_evidence(st, k, id, source);
    if (had < 0 || store_add_evidence_locked(st, k->evidence_kind, id, evidence))
        return STORE_ERROR;
    int has = had ? 1 : has_source_evidence(st, k, id, source);
    if (has < 0)
        return STORE_ERROR;
    return !had && has ? run_texts(st, k->bump_sql, id, NULL, NULL, "counting sources") : STORE_OK;
}

int store_merge_source_in_fact(store *st, const char *kind, const char *source, const char *id)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_IN_FACT);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, source, -1);
    db_bind_text(stmt, 3, id, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_fail(st, "reading a fact's reports");
    return rc == DB_ROW;
}

/* Binds the string `key` of o (NULL when absent or not a string). */
static void bind_member(db_stmt *stmt, int col, const json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    if (v)
        db_bind_text(stmt, col, v, -1);
    else
        db_bind_null(stmt, col);
}

int store_merge_join_quote(store *st, const char *id, const json_t *quote, bool text_changed,
                           const json_t *evidence)
{
    const struct splice_kind *k = splice_kind_of("quotes");
    db_stmt *stmt = store_query(st, SQL_UPDATE_QUOTE);
    if (!stmt)
        return STORE_ERROR;
    const json_t *speaker = json_object_get(quote, "speaker");
    db_bind_text(stmt, 1, id, -1);
    bind_member(stmt, 2, quote, "text");
    bind_member(stmt, 3, speaker, "person_id");
    bind_member(stmt, 4, speaker, "name");
    bind_member(stmt, 5, speaker, "title");
    bind_member(stmt, 6, quote, "cue");
    bind_member(stmt, 7, quote, "rule");
    db_bind_double(stmt, 8, json_number_value(json_object_get(quote, "confidence")));
    char *disputes = store_disputes_text(quote);
    db_bind_text(stmt, 9, disputes, -1);
    int rc = db_step(stmt);
    store_query_done(stmt);
    free(disputes);
    if (rc != DB_DONE)
        return store_db_fail(st, "updating a quote");
    if (join_spans(st, k, id, evidence))
        return STORE_ERROR;
    if (text_changed &&
        (run_texts(st, SQL_DROP_FTS_ROW, k->evidence_kind, id, NULL,
                   "removing a fact from search") ||
         run_texts(st, index_sql_of(st, k), id, NULL, NULL, "indexing a fact for search")))
        return STORE_ERROR;
    return STORE_OK;
}

int store_merge_item_facts(store *st, enum store_merge_by by, const char *kind, const char *a,
                           const char *b, store_strings *ids)
{
    const char *sql = by == STORE_MERGE_BY_KEY       ? SQL_FACTS_OF_KEY
                      : by == STORE_MERGE_KEY_HOLDS  ? STORE_SQL(st, SQL_FACTS_KEY_HOLDS)
                      : by == STORE_MERGE_KEY_WITHIN ? STORE_SQL(st, SQL_FACTS_KEY_WITHIN)
                                                     : NULL;
    memset(ids, 0, sizeof(*ids));
    if (!sql)
        return store_fail(st, "merge index: no such look-up of facts");
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, a, -1);
    if (b)
        db_bind_text(stmt, 3, b, -1);
    /* a key row of an older index names no fact: "" stands for one not known */
    return read_strings(st, stmt, "", ids);
}

int store_merge_join_agreement(store *st, const char *id, const json_t *agreement,
                               const json_t *evidence)
{
    const struct splice_kind *k = splice_kind_of("agreements");
    if (store_update_agreement_locked(st, id, agreement))
        return STORE_ERROR;
    if (st->unlinked_names && store_query_run(st, SQL_SET_UNLINKED_SOME, "counting unlinked names"))
        return STORE_ERROR;
    if (join_spans(st, k, id, evidence) ||
        run_texts(st, SQL_DROP_FTS_ROW, k->evidence_kind, id, NULL,
                  "removing a fact from search") ||
        run_texts(st, index_sql_of(st, k), id, NULL, NULL, "indexing a fact for search"))
        return STORE_ERROR;
    return STORE_OK;
}
