/* changes: the change log, what each write transaction changed of the facts served.
 *
 * A client that reads the log from its start (GET /changes) must end up with exactly the
 * facts the lists serve, whatever wrote them: a posted article, `factd ingest`, a re-reading,
 * a deletion, a full merge.  Those change the fact tables in many ways (a row rewritten,
 * evidence added, a fact renamed, the whole set replaced), so the log does not ask them what
 * they did: it compares what the lists serve after the write with what it served before.
 *
 *   Noting.  On a handle that keeps the log, triggers note each fact a write touches: a row
 *   of people, agreements, meetings or quotes inserted, updated or deleted (its old and its
 *   new id), a span of a fact's evidence, a person's part in a fact (their counts).  They
 *   also note the articles the write is about (kind 'source'): one deleted, one the merge
 *   takes from its queue.  On SQLite the triggers are the handle's own (TEMP) and call the
 *   function changes_note(), which keeps the notes in the handle's memory (st->noted): a
 *   table, even a temporary one, would have every write journal its pages once more.  On
 *   PostgreSQL they belong to the schema, note in the session's temporary table
 *   changes_touched, and only in a session that set factd.changes (schema.c).  A note of a
 *   write rolled back is harmless: the fact is compared and found the same.
 *
 *   Recording.  Before the transaction commits (store_changes_flush, from store.c), each
 *   fact noted is read as its list shows it and rendered by the process's renderer (api/),
 *   and compared with its latest entry.  A fact and no version: created.  Both, and they
 *   differ: updated, naming the members that differ.  A version and no fact: the fact went,
 *   `merged` into the fact that holds its evidence now (a person: the person who has its
 *   name, as a name or an alias), else `deleted`.  Each entry names the article it is due
 *   to: the one the write was about, or of several (a merge of a batch), the first the fact
 *   cites.  A full merge rewrites every fact, and records only the ones that came out
 *   different.
 *
 *   Versions.  The entry of a made or changed fact keeps the fact as served; a fact's
 *   entries are its versions, each valid from its seq until the next one's (until_seq), so
 *   that the facts as they stood at any seq can be read back from the log alone.
 *
 *   Articles.  Since schema version 12 the log keeps the articles too (kind 'source'), as
 *   /sources serves them: a trigger on every change of a row of sources notes it (as
 *   'article', apart from the notes of the articles a write is about, which a re-extraction
 *   does not make), and it is compared and recorded as a fact is, first of all the kinds.
 *   Its entries are due to the article itself; one removed is `deleted`.  A store that had
 *   articles before takes their baseline as it took its facts' (take_baseline), and says
 *   from which seq on the log knows its articles (store_changes_sources_from).
 *
 * Seqs are given under the write lock, one after the other, so they follow the order of the
 * commits: a reader that has seen seq N never sees an entry below N appear later.
 */
#include "store/store_private.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/strbuf.h"

/* The renderer of the process (store_set_fact_renderer), set before any handle opens. */
static store_fact_renderer fact_renderer;

void store_set_fact_renderer(store_fact_renderer render)
{
    fact_renderer = render;
}

/* The kinds the log keeps, in the order a write's entries come in: the articles first, which
 * the facts cite, then people, whom the facts name. */
static const struct logged_kind {
    const char *name, *noted; /* its name in the log, and in the notes */
    enum store_kind kind;
} logged_kinds[] = {
    {"source", "article", STORE_SOURCES},
    {"person", "person", STORE_PEOPLE},
    {"agreement", "agreement", STORE_AGREEMENTS},
    {"meeting", "meeting", STORE_MEETINGS},
    {"quote", "quote", STORE_QUOTES},
};

/* The kind of a note's kind ("article", "person", ...); NULL for the articles a write is
 * about ("source"). */
static const struct logged_kind *logged_kind_of(const char *noted)
{
    for (size_t i = 0; i < sizeof logged_kinds / sizeof logged_kinds[0]; i++)
        if (strcmp(logged_kinds[i].noted, noted) == 0)
            return &logged_kinds[i];
    return NULL;
}

/* --- noting what a write touches --- */

static const char SQL_TOUCHED_CREATE_PG[] =
    "CREATE TEMP TABLE IF NOT EXISTS changes_touched ("
    " kind TEXT COLLATE \"C\" NOT NULL, id TEXT COLLATE \"C\" NOT NULL, PRIMARY KEY (kind, id));"
    "SET factd.changes = 'on'";

/* A note: "kind\x1fid". */
static void note(store *st, const char *kind, size_t kind_len, const char *id, size_t id_len)
{
    char key[128];
    if (kind_len + 1 + id_len > sizeof key)
        return; /* no fact has such an id */
    memcpy(key, kind, kind_len);
    key[kind_len] = '\x1f';
    memcpy(key + kind_len + 1, id, id_len);
    strmap_put(&st->noted, key, kind_len + 1 + id_len, 0, NULL);
}

/* changes_note(kind, id), what the SQLite triggers call. */
static void changes_note_sql(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    store *st = sqlite3_user_data(ctx);
    const char *kind = (const char *)sqlite3_value_text(argv[0]);
    const char *id = (const char *)sqlite3_value_text(argv[1]);
    (void)argc;
    if (kind && id)
        note(st, kind, (size_t)sqlite3_value_bytes(argv[0]), id,
             (size_t)sqlite3_value_bytes(argv[1]));
    sqlite3_result_null(ctx);
}

/* What the SQLite triggers watch (PostgreSQL's are in schema.c): the table, the kind of fact
 * its row is about (a literal; NULL: the row's column kind) and the column of the fact's id;
 * every change of the row, or (!all) its deletion only. */
static const struct watched {
    const char *table, *kind, *id;
    bool all;
} watched[] = {
    {"people", "'person'", "id", true},    {"agreements", "'agreement'", "id", true},
    {"meetings", "'meeting'", "id", true}, {"quotes", "'quote'", "id", true},
    {"evidence", NULL, "fact_id", true},   {"fact_people", "'person'", "person_id", true},
    {"sources", "'source'", "id", false},  {"merge_pending", "'source'", "source_id", false},
    {"sources", "'article'", "id", true},
};

/* The statement of a trigger that notes the fact of `row` ("OLD" or "NEW"). */
static void note_row(strbuf *sql, const struct watched *w, const char *row)
{
    strbuf_addstr(sql, " SELECT changes_note(");
    if (w->kind)
        strbuf_addstr(sql, w->kind);
    else
        strbuf_addf(sql, "%s.kind", row);
    strbuf_addf(sql, ", %s.%s);", row, w->id);
}

/* The handle's own function and triggers on SQLite. */
static int create_triggers_sqlite(store *st)
{
    static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
    strbuf sql = STRBUF_INIT;
    int rc = sqlite3_create_function_v2(st->db, "changes_note", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                        st, changes_note_sql, NULL, NULL, NULL) == SQLITE_OK
                 ? STORE_OK
                 : store_sql_fail(st, "registering changes_note");

    for (size_t i = 0; i < sizeof watched / sizeof watched[0] && rc == STORE_OK; i++) {
        const struct watched *w = &watched[i];
        for (size_t e = w->all ? 0 : 2; e < 3 && rc == STORE_OK; e++) {
            strbuf_reset(&sql);
            strbuf_addf(
                &sql,
                "CREATE TEMP TRIGGER IF NOT EXISTS changes_%s_%zu_%zu AFTER %s ON main.%s BEGIN",
                w->table, i, e, events[e], w->table);
            if (e != 0)
                note_row(&sql, w, "OLD");
            if (e != 2)
                note_row(&sql, w, "NEW");
            strbuf_addstr(&sql, " END");
            if (db_exec(st->conn, sql.buf) != DB_OK)
                rc = store_db_fail(st, "making the change log's triggers");
        }
    }
    strbuf_release(&sql);
    return rc;
}

/* --- reading one value --- */

/* The integer of the first column of the first row of sql (no bindings) in *out, or 0 when
 * there is no row. */
static int query_int(store *st, const char *sql, long long *out, const char *what)
{
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    *out = rc == DB_ROW ? db_column_int64(stmt, 0) : 0;
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK : store_db_fail(st, what);
}

/* The text of the first column of the first row of stmt (bound by the caller; reset here)
 * in *out, malloc'd, or NULL when there is no row or it is NULL. */
static int step_text(store *st, db_stmt *stmt, char **out, const char *what)
{
    *out = NULL;
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    const char *text = rc == DB_ROW ? db_column_text(stmt, 0, NULL) : NULL;
    *out = text ? strdup(text) : NULL;
    store_query_done(stmt);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_fail(st, what);
    return text && !*out ? store_fail(st, "out of memory") : STORE_OK;
}

/* --- the baseline --- */

static const char SQL_BASELINE_PENDING[] =
    "SELECT count(*) FROM meta WHERE key IN ('changes_baseline', 'sources_baseline')";
#define EVERY_FACT                                                                              \
    " SELECT 'person' AS kind, id FROM people UNION ALL SELECT 'agreement', id FROM agreements" \
    " UNION ALL SELECT 'meeting', id FROM meetings UNION ALL SELECT 'quote', id FROM quotes"
#define BASELINE_OF(key) " WHERE EXISTS (SELECT 1 FROM meta WHERE key = '" key "')"
/* The facts when their baseline is to be taken, the articles when theirs is. */
#define FACTS_TO_NOTE " SELECT kind, id FROM (" EVERY_FACT ") AS f" BASELINE_OF("changes_baseline")
#define ARTICLES_TO_NOTE " SELECT 'article', id FROM sources" BASELINE_OF("sources_baseline")
#define EVERY_ONE FACTS_TO_NOTE " UNION ALL" ARTICLES_TO_NOTE
static const char SQL_BASELINE_TOUCH[] = "SELECT count(changes_note(kind, id)) FROM (" EVERY_ONE
                                         ") AS every_one";
static const char SQL_BASELINE_TOUCH_PG[] =
    "INSERT INTO pg_temp.changes_touched (kind, id)" EVERY_ONE " ON CONFLICT DO NOTHING";
/* Before the articles' baseline, the seqs that cannot tell which articles were stored. */
static const char SQL_SOURCES_LOGGED_AFTER[] =
    "INSERT INTO meta (key, value) SELECT 'sources_logged_after', CAST(coalesce(max(seq), 0) AS"
    " TEXT) FROM changes WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'sources_baseline')"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
#define BASELINE_WHAT "noting the facts of the change log's baseline"
static const char SQL_BASELINE_DONE[] =
    "DELETE FROM meta WHERE key IN ('changes_baseline', 'sources_baseline')";

/* A store that had facts before it kept the log (schema version 11 marks it so), or
 * articles before it kept theirs (version 12): one transaction notes every fact or article,
 * so that its commit records each as created. */
static int take_baseline(store *st)
{
    long long pending;
    if (query_int(st, SQL_BASELINE_PENDING, &pending, "reading the change log's state"))
        return STORE_ERROR;
    if (!pending)
        return STORE_OK;
    if (store_begin_write(st))
        return STORE_ERROR;
    /* another process may have taken it meanwhile */
    long long noted;
    if (query_int(st, SQL_BASELINE_PENDING, &pending, "reading the change log's state") ||
        (pending && (store_query_run(st, SQL_SOURCES_LOGGED_AFTER, BASELINE_WHAT) ||
                     (store_pg(st) ? store_query_run(st, SQL_BASELINE_TOUCH_PG, BASELINE_WHAT)
                                   : query_int(st, SQL_BASELINE_TOUCH, &noted, BASELINE_WHAT)) ||
                     store_query_run(st, SQL_BASELINE_DONE, "noting the change log's baseline") ||
                     store_bump_generation(st))) ||
        store_commit(st)) {
        store_rollback(st);
        return STORE_ERROR;
    }
    return STORE_OK;
}

int store_changes_start(store *st)
{
    if (!fact_renderer || st->readonly || st->changes)
        return STORE_OK;
    if (store_pg(st) ? db_exec(st->conn, SQL_TOUCHED_CREATE_PG) != DB_OK
                     : create_triggers_sqlite(st) != STORE_OK)
        return store_db_fail(st, "making the change log's triggers");
    st->changes = true;
    return take_baseline(st);
}

/* --- comparing two versions --- */

size_t store_changes_diff(const json_t *before, const json_t *after, json_t *attributes)
{
    const char *key;
    json_t *value;
    size_t n = 0;

    json_object_foreach((json_t *)after, key, value) {
        if (!json_equal(value, json_object_get(before, key))) {
            json_array_append_new(attributes, json_string(key));
            n++;
        }
    }
    json_object_foreach((json_t *)before, key, value) {
        if (!json_object_get(after, key)) {
            json_array_append_new(attributes, json_string(key));
            n++;
        }
    }
    return n;
}

/* --- recording --- */

static const char SQL_TOUCHED_PG[] = "SELECT kind, id FROM pg_temp.changes_touched";
static const char SQL_TOUCHED_CLEAR_PG[] = "DELETE FROM pg_temp.changes_touched";

static const char SQL_LAST_SEQ[] = "SELECT coalesce(max(seq), 0) FROM changes";
static const char SQL_LAST_AT[] = "SELECT changed_at FROM changes ORDER BY seq DESC LIMIT 1";
static const char SQL_NOW[] = "SELECT " NOW_MS;
static const char SQL_NOW_PG[] = "SELECT " NOW_MS_PG;
/* A fact's latest entry: the version the log knows. */
static const char SQL_LATEST[] = "SELECT seq, op, fact FROM changes"
                                 " WHERE kind = ?1 AND fact_id = ?2 ORDER BY seq DESC LIMIT 1";
static const char SQL_SUPERSEDE[] = "UPDATE changes SET until_seq = ?2 WHERE seq = ?1";
static const char SQL_ADD[] =
    "INSERT INTO changes (seq, kind, fact_id, op, changed_at, source_id, into_id, attributes,"
    " fact) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* The articles a fact cites, in id order: those of its evidence (?1 its kind, ?2 its id);
 * a person's, those of the reports the merge made them of (?1 their id). */
static const char SQL_CITED_BY_FACT[] = "SELECT DISTINCT source_id FROM evidence"
                                        " WHERE kind = ?1 AND fact_id = ?2 ORDER BY source_id";
static const char SQL_CITED_BY_PERSON[] =
    "SELECT DISTINCT source_id FROM merge_items WHERE kind = 'people' AND fact_id = ?1"
    " ORDER BY source_id";

/* The facts of a kind that hold one span of evidence now. */
static const char SQL_HOLDERS_OF_SPAN[] =
    "SELECT fact_id FROM evidence"
    " WHERE source_id = ?1 AND cp_start = ?2 AND cp_end = ?3 AND kind = ?4";
/* The person who has a name: as their name first, else as one of their aliases. */
static const char SQL_PERSON_NAMED[] =
    "SELECT p.id FROM people AS p WHERE p.name = ?1 OR EXISTS (SELECT 1 FROM json_each("
    " CASE WHEN json_valid(p.aliases) THEN p.aliases ELSE '[]' END) AS j WHERE j.value = ?1)"
    " ORDER BY p.name <> ?1, p.id LIMIT 1";
static const char SQL_PERSON_NAMED_PG[] =
    "SELECT p.id FROM people AS p WHERE p.name = ?1 OR EXISTS (SELECT 1 FROM"
    " json_array_elements_text(p.aliases::json) AS j(value) WHERE j.value = ?1)"
    " ORDER BY p.name <> ?1, p.id LIMIT 1";

/* What one flush knows as it goes. */
typedef struct flush {
    store *st;
    long long seq; /* the last seq given */
    char *at;      /* the time of the transaction */
    char *notes;   /* the notes' keys, each a C string "kind\0id" */
    char **causes; /* the articles the write is about, in id order (in notes) */
    size_t ncauses;
    json_t *gone; /* [[kind, id, version, seq of its entry]]: facts that went */
} flush;

/* One fact's latest entry. */
typedef struct latest_entry {
    long long seq; /* 0: none */
    bool live;     /* a version of a fact (created or updated), not of one gone */
    char *fact;    /* the version, when live */
} latest_entry;

static int read_latest(store *st, const char *kind, const char *id, latest_entry *out)
{
    db_stmt *stmt = store_query(st, SQL_LATEST);
    memset(out, 0, sizeof *out);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        const char *op = db_column_text(stmt, 1, NULL);
        const char *fact = db_column_text(stmt, 2, NULL);
        out->seq = db_column_int64(stmt, 0);
        out->live = op && (strcmp(op, "created") == 0 || strcmp(op, "updated") == 0) && fact;
        if (out->live && !(out->fact = strdup(fact))) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
    }
    store_query_done(stmt);
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK
                                         : store_db_fail(st, "reading a fact's latest change");
}

/* The fact as its list serves it now, as JSON text (malloc'd) in *text; NULL when there is
 * no such fact. */
static int render_fact(store *st, enum store_kind kind, const char *id, char **text)
{
    store_arena *a = store_arena_new();
    store_row row;
    *text = NULL;
    if (!a)
        return store_fail(st, "out of memory");
    int rc = store_get_listed_locked(st, kind, id, a, &row);
    if (rc == STORE_OK) {
        json_t *doc = fact_renderer(&row);
        /* 15 digits, as the API prints numbers: equal texts are equal answers */
        *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
        json_decref(doc);
        if (!*text)
            rc = store_fail(st, "out of memory");
    } else if (rc == STORE_NOT_FOUND) {
        rc = STORE_OK;
    }
    store_arena_free(a);
    return rc;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether an article is one the write is about. */
static bool is_cause(const flush *f, const char *source)
{
    return source && bsearch(&source, f->causes, f->ncauses, sizeof *f->causes, compare_strings);
}

/* The article an entry of the fact (kind, id) is due to, malloc'd in *cause (NULL: none
 * known): the write's only article, else the first of them the fact cites now, or, when it
 * went, the first its last version cited (`before`, parsed) or that the fact it went into
 * (`into`) cites. */
static int cause_of(flush *f, const char *kind, const char *id, const json_t *before,
                    const char *into, char **cause)
{
    const char *found = NULL, *cited = before ? into : id;
    size_t i;
    json_t *span;
    *cause = NULL;
    if (strcmp(kind, "source") == 0) { /* an article's own entry */
        *cause = strdup(id);
        return *cause ? STORE_OK : store_fail(f->st, "out of memory");
    }
    if (f->ncauses <= 1) {
        found = f->ncauses ? f->causes[0] : NULL;
    } else {
        json_array_foreach(json_object_get(before, "sources"), i, span) {
            const char *source = json_string_value(json_object_get(span, "source_id"));
            if (is_cause(f, source) && (!found || strcmp(source, found) < 0))
                found = source;
        }
    }
    if (found || !cited || f->ncauses <= 1) {
        *cause = found ? strdup(found) : NULL;
        return found && !*cause ? store_fail(f->st, "out of memory") : STORE_OK;
    }
    bool person = strcmp(kind, "person") == 0;
    db_stmt *stmt = store_query(f->st, person ? SQL_CITED_BY_PERSON : SQL_CITED_BY_FACT);
    int rc;
    bool copied = true;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, person ? cited : kind, -1);
    if (!person)
        db_bind_text(stmt, 2, cited, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *source = db_column_text(stmt, 0, NULL);
        if (is_cause(f, source)) {
            copied = (*cause = strdup(source)) != NULL;
            break;
        }
    }
    store_query_done(stmt);
    if (!copied)
        return store_fail(f->st, "out of memory");
    return rc == DB_ROW || rc == DB_DONE ? STORE_OK
                                         : store_db_fail(f->st, "finding the article of a change");
}

/* One entry, after the fact's entry of seq `previous` (0: none), which it supersedes. */
typedef struct entry {
    const char *kind, *id, *op;
    long long previous;
    const json_t *attributes; /* updated: the members that changed */
    const char *into;         /* merged */
    const char *fact;         /* created, updated: the version */
    const char *cause;
} entry;

static int add_entry(flush *f, const entry *e)
{
    long long seq = ++f->seq;
    db_stmt *stmt;
    int rc;

    if (e->previous) {
        if (!(stmt = store_query(f->st, SQL_SUPERSEDE)))
            return STORE_ERROR;
        db_bind_int64(stmt, 1, e->previous);
        db_bind_int64(stmt, 2, seq);
        rc = db_step(stmt);
        store_query_done(stmt);
        if (rc != DB_DONE)
            return store_db_fail(f->st, "closing a fact's version");
    }
    char *attributes = e->attributes ? json_dumps(e->attributes, JSON_COMPACT) : NULL;
    if (e->attributes && !attributes)
        return store_fail(f->st, "out of memory");
    if (!(stmt = store_query(f->st, SQL_ADD))) {
        free(attributes);
        return STORE_ERROR;
    }
    db_bind_int64(stmt, 1, seq);
    db_bind_text(stmt, 2, e->kind, -1);
    db_bind_text(stmt, 3, e->id, -1);
    db_bind_text(stmt, 4, e->op, -1);
    db_bind_text(stmt, 5, f->at, -1);
    db_bind_text(stmt, 6, e->cause, -1);
    db_bind_text(stmt, 7, e->into, -1);
    db_bind_text(stmt, 8, attributes, -1);
    db_bind_text(stmt, 9, e->fact, -1);
    rc = db_step(stmt);
    store_query_done(stmt);
    free(attributes);
    return rc == DB_DONE ? STORE_OK : store_db_fail(f->st, "recording a change");
}

/* Compares one fact noted with its latest entry: records it created or updated, or keeps
 * it for later when it went. */
static int note_fact(flush *f, const struct logged_kind *k, const char *id)
{
    latest_entry latest = {.seq = 0};
    char *now = NULL, *cause = NULL;
    json_t *before = NULL, *after = NULL, *attributes = NULL;
    int rc;

    if ((rc = render_fact(f->st, k->kind, id, &now)) ||
        (rc = read_latest(f->st, k->name, id, &latest)))
        goto out;
    entry e = {.kind = k->name, .id = id, .previous = latest.seq, .fact = now};
    if (now && !latest.live) {
        e.op = "created";
    } else if (now && strcmp(now, latest.fact) != 0) {
        e.op = "updated";
        before = json_loads(latest.fact, 0, NULL);
        after = json_loads(now, 0, NULL);
        if (!(attributes = json_array()) || !after) {
            rc = store_fail(f->st, "out of memory");
            goto out;
        }
        store_changes_diff(before, after, attributes);
        e.attributes = attributes;
    } else if (!now && latest.live) {
        json_t *went = json_pack("[s, s, s, I]", k->name, id, latest.fact, (json_int_t)latest.seq);
        if (!went || json_array_append_new(f->gone, went))
            rc = store_fail(f->st, "out of memory");
        goto out;
    } else {
        goto out; /* the same as served before, or neither before nor now */
    }
    if (!(rc = cause_of(f, k->name, id, NULL, NULL, &cause))) {
        e.cause = cause;
        rc = add_entry(f, &e);
    }
out:
    free(now);
    free(latest.fact);
    free(cause);
    json_decref(before);
    json_decref(after);
    json_decref(attributes);
    return rc;
}

/* The fact a fact that went was merged into, malloc'd in *into (NULL: none): of the facts
 * of its kind, the one that holds most of the spans of its last version (the smallest id of
 * those that hold as many); for a person, the person who has their name. */
static int successor_of(flush *f, const char *kind, const json_t *before, char **into)
{
    db_stmt *stmt;
    int rc = DB_DONE;
    *into = NULL;

    if (strcmp(kind, "source") == 0) /* an article is removed, never merged */
        return STORE_OK;
    if (strcmp(kind, "person") == 0) {
        const char *name = json_string_value(json_object_get(before, "name"));
        if (!name || !(stmt = store_query(f->st, STORE_SQL(f->st, SQL_PERSON_NAMED))))
            return name ? STORE_ERROR : STORE_OK;
        db_bind_text(stmt, 1, name, -1);
        return step_text(f->st, stmt, into, "finding a person by name");
    }
    json_t *votes = json_object(), *span;
    const char *best = NULL, *id;
    json_int_t best_votes = 0;
    size_t i;
    if (!votes)
        return store_fail(f->st, "out of memory");
    json_array_foreach(json_object_get(before, "sources"), i, span) {
        if (!(stmt = store_query(f->st, SQL_HOLDERS_OF_SPAN))) {
            json_decref(votes);
            return STORE_ERROR;
        }
        db_bind_text(stmt, 1, json_string_value(json_object_get(span, "source_id")), -1);
        db_bind_int64(stmt, 2, json_integer_value(json_object_get(span, "start")));
        db_bind_int64(stmt, 3, json_integer_value(json_object_get(span, "end")));
        db_bind_text(stmt, 4, kind, -1);
        while ((rc = db_step(stmt)) == DB_ROW) {
            const char *holder = db_column_text(stmt, 0, NULL);
            if (holder)
                json_object_set_new(votes, holder,
                                    json_integer(
                                        json_integer_value(json_object_get(votes, holder)) + 1));
        }
        store_query_done(stmt);
        if (rc != DB_DONE)
            break;
    }
    json_t *count;
    json_object_foreach(votes, id, count) {
        json_int_t n = json_integer_value(count);
        if (n > best_votes || (n == best_votes && best && strcmp(id, best) < 0)) {
            best = id;
            best_votes = n;
        }
    }
    if (rc == DB_DONE && best && !(*into = strdup(best)))
        rc = DB_ERROR;
    json_decref(votes);
    return rc == DB_DONE ? STORE_OK : store_db_fail(f->st, "finding where a fact went");
}

/* Records a fact that went: merged into another, or deleted. */
static int note_gone(flush *f, const json_t *went)
{
    const char *kind = json_string_value(json_array_get(went, 0));
    const char *id = json_string_value(json_array_get(went, 1));
    json_t *before = json_loads(json_string_value(json_array_get(went, 2)), 0, NULL);
    char *into = NULL, *cause = NULL;
    int rc = STORE_OK;

    if (!before)
        return store_fail(f->st, "reading a fact's last version");
    if (!(rc = successor_of(f, kind, before, &into)) &&
        !(rc = cause_of(f, kind, id, before, into, &cause))) {
        entry e = {.kind = kind,
                   .id = id,
                   .op = into ? "merged" : "deleted",
                   .previous = json_integer_value(json_array_get(went, 3)),
                   .into = into,
                   .cause = cause};
        rc = add_entry(f, &e);
    }
    json_decref(before);
    free(into);
    free(cause);
    return rc;
}

/* A fact noted, to be compared. */
typedef struct noted_fact {
    const struct logged_kind *kind;
    const char *id; /* in the notes' keys */
} noted_fact;

/* Articles first, then people, then each kind of fact, each by id. */
static int compare_noted(const void *a, const void *b)
{
    const noted_fact *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* Sorts the notes: the facts into *facts (malloc'd, *n of them), the articles into
 * f->causes, both pointing into f->notes, a copy of the notes' keys as C strings. */
static int sort_notes(flush *f, noted_fact **facts, size_t *n)
{
    strmap *m = &f->st->noted;
    size_t count = strmap_count(m), at = 0;
    *facts = malloc((count ? count : 1) * sizeof **facts);
    f->causes = malloc((count ? count : 1) * sizeof *f->causes);
    f->notes = malloc(m->keys_len + count + 1);
    *n = 0;
    if (!*facts || !f->causes || !f->notes)
        return store_fail(f->st, "out of memory");
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].used)
            continue;
        char *key = f->notes + at;
        memcpy(key, m->keys + m->slots[i].key, m->slots[i].len);
        key[m->slots[i].len] = '\0';
        at += m->slots[i].len + 1;
        char *sep = strchr(key, '\x1f');
        if (!sep)
            continue;
        *sep = '\0';
        const struct logged_kind *k = logged_kind_of(key);
        if (k)
            (*facts)[(*n)++] = (noted_fact){k, sep + 1};
        else if (strcmp(key, "source") == 0)
            f->causes[f->ncauses++] = sep + 1;
    }
    qsort(*facts, *n, sizeof **facts, compare_noted);
    qsort(f->causes, f->ncauses, sizeof *f->causes, compare_strings);
    return STORE_OK;
}

/* Makes *at (malloc'd, "YYYY-MM-DDTHH:MM:SS.mmmZ") later than `last`, the time of the
 * write before, when the clock has not moved on: the entries of one write share a time and
 * those of two never do (store_changes_write_end), and times follow seqs
 * (store_changes_seq_at).  Storing an article and merging it are two writes, often within
 * one millisecond. */
static int after_last_write(store *st, const char *last, char **at)
{
    struct tm tm = {0};
    int ms = 0;
    if (!last || strcmp(*at, last) > 0)
        return STORE_OK;
    if (sscanf(last, "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
               &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) != 7)
        return store_fail(st, "the time of the change log's last entry is not a time: %s", last);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm) + (ms + 1) / 1000;
    char *later = malloc(32);
    if (!later || !gmtime_r(&t, &tm)) {
        free(later);
        return store_fail(st, "out of memory");
    }
    size_t n = strftime(later, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(later + n, 32 - n, ".%03dZ", (ms + 1) % 1000);
    free(*at);
    *at = later;
    return STORE_OK;
}

/* Records the entries of every fact noted: those made or changed first (people, then each
 * kind of fact), then those that went, whose successors are in place by then. */
static int record(store *st)
{
    flush f = {.st = st};
    noted_fact *facts = NULL;
    size_t n = 0;
    char *last_at = NULL;
    int rc;

    if ((rc = query_int(st, SQL_LAST_SEQ, &f.seq, "reading the change log's last seq")) ||
        (rc = step_text(st, store_query(st, STORE_SQL(st, SQL_NOW)), &f.at, "reading the time")) ||
        (rc = step_text(st, store_query(st, SQL_LAST_AT), &last_at, "reading the last time")))
        goto out;
    if (!(f.gone = json_array()) || !f.at) {
        rc = store_fail(st, "out of memory");
        goto out;
    }
    if ((rc = after_last_write(st, last_at, &f.at)))
        goto out;
    if ((rc = sort_notes(&f, &facts, &n)))
        goto out;
    for (size_t i = 0; i < n && !rc; i++)
        rc = note_fact(&f, facts[i].kind, facts[i].id);
    size_t i;
    json_t *went;
    json_array_foreach(f.gone, i, went)
        if (!rc)
            rc = note_gone(&f, went);
out:
    free(last_at);
    free(f.at);
    free(f.causes);
    free(f.notes);
    free(facts);
    json_decref(f.gone);
    return rc;
}

/* On PostgreSQL, the notes the session's triggers wrote, into st->noted. */
static int read_notes_pg(store *st)
{
    db_stmt *stmt = store_query(st, SQL_TOUCHED_PG);
    int rc;
    if (!stmt)
        return STORE_ERROR;
    while ((rc = db_step(stmt)) == DB_ROW) {
        size_t kind_len = 0, id_len = 0;
        const char *kind = db_column_text(stmt, 0, &kind_len);
        const char *id = db_column_text(stmt, 1, &id_len);
        if (kind && id)
            note(st, kind, kind_len, id, id_len);
    }
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading the facts a write touched");
}

int store_changes_flush(store *st)
{
    int rc = STORE_OK;
    if (!st->changes)
        return STORE_OK;
    if (store_pg(st))
        rc = read_notes_pg(st);
    bool any = strmap_count(&st->noted) > 0;
    if (rc == STORE_OK && any)
        rc = record(st);
    store_changes_forget(st);
    if (rc == STORE_OK && any && store_pg(st))
        rc = store_query_run(st, SQL_TOUCHED_CLEAR_PG, "forgetting the facts noted");
    return rc;
}

void store_changes_forget(store *st)
{
    strmap_release(&st->noted);
}

/* --- reading --- */

/* The entries after ?1 up to ?3 of the kinds ?4..?8 ('' for a kind not asked for). */
static const char SQL_LIST[] =
    "SELECT seq, kind, fact_id, op, changed_at, source_id, into_id, attributes, fact"
    " FROM changes WHERE seq > ?1 AND seq <= ?3 AND kind IN (?4, ?5, ?6, ?7, ?8)"
    " ORDER BY seq LIMIT ?2";

/* One row of SQL_LIST into *e, its strings in a.  False when out of memory. */
static bool read_change(store_arena *a, db_stmt *row, store_change *e)
{
    memset(e, 0, sizeof *e);
    e->seq = db_column_int64(row, 0);
    return store_row_text(a, row, 1, &e->kind) && store_row_text(a, row, 2, &e->id) &&
           store_row_text(a, row, 3, &e->op) && store_row_text(a, row, 4, &e->at) &&
           store_row_text(a, row, 5, &e->source_id) && store_row_text(a, row, 6, &e->into) &&
           store_col_names(a, row, 7, &e->attributes) && store_row_text(a, row, 8, &e->fact);
}

/* Reads the rows of stmt (bound by the caller) into *page, at most `limit` of them (more:
 * whether there was another); releases the page and fails when it cannot. */
static int read_changes(store *st, db_stmt *stmt, int limit, store_change_page *page,
                        const char *what)
{
    size_t cap = 0;
    int rc;
    while ((rc = db_step(stmt)) == DB_ROW) {
        if ((int)page->n == limit) {
            page->more = true;
            break;
        }
        store_change *v = store_arena_reserve(page->arena, page->entries, page->n, &cap, sizeof *v);
        if (!v || !read_change(page->arena, stmt, &v[page->n])) {
            store_query_done(stmt);
            store_change_page_release(page);
            return store_fail(st, "out of memory");
        }
        page->entries = v;
        page->n++;
    }
    store_query_done(stmt);
    if (rc != DB_ROW && rc != DB_DONE) {
        store_change_page_release(page);
        return store_db_fail(st, what);
    }
    return STORE_OK;
}

/* A new page, and the statement of sql to fill it with. */
static db_stmt *start_page(store *st, const char *sql, store_change_page *page)
{
    memset(page, 0, sizeof *page);
    if (!(page->arena = store_arena_new())) {
        store_fail(st, "out of memory");
        return NULL;
    }
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        store_change_page_release(page);
    return stmt;
}

static const struct change_kind {
    const char *name;
    unsigned bit;
} change_kinds[] = {{"person", STORE_CHANGE_PERSON},
                    {"agreement", STORE_CHANGE_AGREEMENT},
                    {"meeting", STORE_CHANGE_MEETING},
                    {"quote", STORE_CHANGE_QUOTE},
                    {"source", STORE_CHANGE_SOURCE}};

bool store_change_kind_bit(const char *name, size_t len, unsigned *bit)
{
    for (size_t i = 0; i < sizeof change_kinds / sizeof change_kinds[0]; i++)
        if (strlen(change_kinds[i].name) == len && memcmp(change_kinds[i].name, name, len) == 0) {
            *bit = change_kinds[i].bit;
            return true;
        }
    return false;
}

int store_list_changes(store *st, long long since, int limit, store_change_page *page)
{
    return store_list_changes_of(st, since, STORE_CHANGE_ALL, LLONG_MAX, limit, page);
}

int store_list_changes_of(store *st, long long since, unsigned kinds, long long upto, int limit,
                          store_change_page *page)
{
    if (limit < 1 || limit == INT_MAX) {
        memset(page, 0, sizeof *page);
        return store_fail(st, "limit %d out of range", limit);
    }
    db_stmt *stmt = start_page(st, SQL_LIST, page);
    if (!stmt)
        return STORE_ERROR;
    db_bind_int64(stmt, 1, since);
    db_bind_int64(stmt, 2, (long long)limit + 1);
    db_bind_int64(stmt, 3, upto);
    for (size_t i = 0; i < sizeof change_kinds / sizeof change_kinds[0]; i++)
        db_bind_text(stmt, (int)i + 4, kinds & change_kinds[i].bit ? change_kinds[i].name : "", -1);
    return read_changes(st, stmt, limit, page, "reading the change log");
}

/* The versions current at seq ?2 of the facts of kind ?1: each made at or before it, and
 * superseded after it if at all.  A fact has at most one. */
#define VERSIONS_AT                                                                         \
    "SELECT seq, kind, fact_id, op, changed_at, source_id, into_id, attributes, fact"       \
    " FROM changes WHERE kind = ?1 AND seq <= ?2 AND (until_seq IS NULL OR until_seq > ?2)" \
    " AND fact IS NOT NULL"
static const char SQL_VERSIONS_AT[] = VERSIONS_AT " ORDER BY fact_id";
static const char SQL_VERSION_AT[] = VERSIONS_AT " AND fact_id = ?3";

int store_list_versions(store *st, const char *kind, const char *id, long long as_of,
                        store_change_page *page)
{
    db_stmt *stmt = start_page(st, id ? SQL_VERSION_AT : SQL_VERSIONS_AT, page);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_int64(stmt, 2, as_of);
    if (id)
        db_bind_text(stmt, 3, id, -1);
    return read_changes(st, stmt, INT_MAX, page, "reading the versions of facts");
}

/* The entries of one write share their time (record()). */
static const char SQL_WRITE_END[] =
    "SELECT coalesce(max(seq), ?1) FROM changes"
    " WHERE changed_at = (SELECT changed_at FROM changes WHERE seq = ?1) AND seq >= ?1";

/* The seq in the first column of sql's one row, its ?1 bound to `time` or else to `seq`. */
static int query_seq(store *st, const char *sql, const char *time, long long seq, long long *out,
                     const char *what)
{
    db_stmt *stmt = store_query(st, sql);
    if (!stmt)
        return STORE_ERROR;
    if (time)
        db_bind_text(stmt, 1, time, -1);
    else
        db_bind_int64(stmt, 1, seq);
    int rc = db_step(stmt);
    *out = rc == DB_ROW ? db_column_int64(stmt, 0) : seq;
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, what);
}

int store_changes_write_end(store *st, long long seq, long long *end)
{
    return query_seq(st, SQL_WRITE_END, NULL, seq, end, "finding the end of a write");
}

static const char SQL_SEQ_AT[] = "SELECT coalesce(max(seq), 0) FROM changes WHERE changed_at <= ?1";

int store_changes_seq_at(store *st, const char *time, long long *seq)
{
    return query_seq(st, SQL_SEQ_AT, time, 0, seq, "finding the seq of a time");
}

int store_changes_last(store *st, long long *seq)
{
    return query_int(st, SQL_LAST_SEQ, seq, "reading the change log's last seq");
}

static const char SQL_SOURCES_FROM[] =
    "SELECT key, value FROM meta WHERE key IN ('sources_baseline', 'sources_logged_after')";

int store_changes_sources_from(store *st, long long *after)
{
    db_stmt *stmt = store_query(st, SQL_SOURCES_FROM);
    int rc;
    *after = 0;
    if (!stmt)
        return STORE_ERROR;
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *key = db_column_text(stmt, 0, NULL), *value = db_column_text(stmt, 1, NULL);
        if (key && strcmp(key, "sources_baseline") == 0) {
            *after = -1;
        } else if (value && *after >= 0) {
            *after = strtoll(value, NULL, 10);
        }
    }
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK
                         : store_db_fail(st, "reading since when the log keeps articles");
}
