/* query: filtered, sorted pages of a list, with keyset cursors.
 *
 * A page is one SELECT built from the request: the kind's columns, a WHERE clause with one
 * condition per filter given, the keyset condition, ORDER BY the sort key then id, and
 * LIMIT limit + 1 (the extra row only says whether a next page exists).  Every value is a
 * bound parameter; the SQL text depends only on which filters and which sort were asked, so
 * there are few distinct texts and each is prepared once per handle (store_stmt_text).
 *
 * Keyset, not OFFSET: a page starts strictly after the (sort key, id) of the previous page's
 * last item, which the cursor carries by value.  No page costs more than its own rows, and
 * facts stored or removed meanwhile never shift a page: an item is neither skipped nor
 * repeated unless its own sort key changed.  Nulls sort last in either direction: the key is
 * ordered as (key IS NULL, coalesce(key, ''), id), the very expressions the schema indexes.
 */
#include "store/store_private.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

typedef struct sort_key {
    const char *field; /* the sort parameter's name */
    const char *expr;  /* the SQL expression sorted on */
    bool nullable;
} sort_key;

static const sort_key source_sorts[] = {{"id", "id", false},
                                        {"published", "published", true},
                                        {"title", "lower(title)", true},
                                        {0}};
static const sort_key agreement_sorts[] = {{"signed", "signed", true},
                                           {"name", "lower(name)", false},
                                           {"sources", "nsources", false},
                                           {"id", "id", false},
                                           {0}};
static const sort_key meeting_sorts[] = {{"date", "date", true},
                                         {"sources", "nsources", false},
                                         {"id", "id", false},
                                         {0}};
static const sort_key quote_sorts[] = {{"id", "id", false},
                                       {"speaker", "lower(speaker_name)", true},
                                       {"sources", "nsources", false},
                                       {0}};
static const sort_key person_sorts[] = {{"id", "id", false}, {"name", "lower(name)", false}, {0}};

static const sort_key *sorts_of(enum store_kind kind)
{
    switch (kind) {
    case STORE_SOURCES:
        return source_sorts;
    case STORE_AGREEMENTS:
        return agreement_sorts;
    case STORE_MEETINGS:
        return meeting_sorts;
    case STORE_QUOTES:
        return quote_sorts;
    case STORE_PEOPLE:
        return person_sorts;
    }
    return NULL;
}

const char *const *store_sort_fields(enum store_kind kind)
{
    static const char *const sources[] = {"id", "published", "title", NULL};
    static const char *const agreements[] = {"signed", "name", "sources", "id", NULL};
    static const char *const meetings[] = {"date", "sources", "id", NULL};
    static const char *const quotes[] = {"id", "speaker", "sources", NULL};
    static const char *const people[] = {"id", "name", NULL};
    switch (kind) {
    case STORE_SOURCES:
        return sources;
    case STORE_AGREEMENTS:
        return agreements;
    case STORE_MEETINGS:
        return meetings;
    case STORE_QUOTES:
        return quotes;
    case STORE_PEOPLE:
        return people;
    }
    return NULL;
}

static const sort_key *find_sort(enum store_kind kind, const char *field)
{
    const sort_key *keys = sorts_of(kind);
    if (!keys)
        return NULL;
    if (!field)
        return &keys[0];
    for (; keys->field; keys++)
        if (strcmp(keys->field, field) == 0)
            return keys;
    return NULL;
}

/* --- SQL with its bound values --- */

#define MAX_BINDS 40

typedef struct bound_sql {
    strbuf sql;
    struct {
        const char *text; /* NULL: an integer */
        long long num;
    } values[MAX_BINDS];
    int n;
    bool overflow;
    bool pg;       /* written in PostgreSQL's dialect */
    char *tsquery; /* on PostgreSQL, the search filter q as a tsquery (search.c); owned */
} bound_sql;

/* On PostgreSQL, turns the search filter into the tsquery add_filters binds; a query it
 * cannot read fails as SQLite's does ("what: why"). */
static int prepare_search_filter(store *st, bound_sql *b, const store_filters *f, const char *what)
{
    if (!b->pg || !f->q)
        return STORE_OK;
    int rc = store_search_tsquery(st, f->q, &b->tsquery);
    if (rc == STORE_BAD_QUERY) {
        char why[sizeof(st->errmsg)];
        snprintf(why, sizeof why, "%s", store_errmsg(st));
        store_fail(st, "%s: %s", what, why);
    }
    return rc;
}

static void bound_sql_release(bound_sql *b)
{
    strbuf_release(&b->sql);
    free(b->tsquery);
    b->tsquery = NULL;
}

static void bind_text(bound_sql *b, const char *text)
{
    if (b->n == MAX_BINDS) {
        b->overflow = true;
        return;
    }
    b->values[b->n].text = text;
    b->values[b->n].num = 0;
    b->n++;
}

static void bind_num(bound_sql *b, long long num)
{
    if (b->n == MAX_BINDS) {
        b->overflow = true;
        return;
    }
    b->values[b->n].text = NULL;
    b->values[b->n].num = num;
    b->n++;
}

static void apply_binds(const bound_sql *b, db_stmt *stmt)
{
    for (int i = 0; i < b->n; i++) {
        if (b->values[i].text)
            db_bind_text(stmt, i + 1, b->values[i].text, -1);
        else
            db_bind_int64(stmt, i + 1, b->values[i].num);
    }
}

/* A text parameter lowercased as SQLite's lower() does, in ASCII only: PostgreSQL's lower()
 * folds every letter unless the text's collation is "C", as the store's columns' is. */
#define LOWER_PARAM_PG "lower(CAST(? AS text) COLLATE \"C\")"

static const char *lower_param(const bound_sql *b)
{
    return b->pg ? LOWER_PARAM_PG : "lower(?)";
}

/* The ids of the people a person parameter names: by id, or by a name or alias. */
static void add_person_set(bound_sql *b, const char *person)
{
    strbuf_addstr(&b->sql,
                  b->pg ? "(SELECT id FROM people WHERE id = ? OR lower(name) = " LOWER_PARAM_PG
                          " OR EXISTS (SELECT 1 FROM json_array_elements_text(people.aliases::json)"
                          " AS j WHERE lower(j COLLATE \"C\") = " LOWER_PARAM_PG "))"
                        : "(SELECT id FROM people WHERE id = ? OR lower(name) = lower(?) OR EXISTS"
                          " (SELECT 1 FROM json_each(people.aliases) WHERE lower(json_each.value) ="
                          " lower(?)))");
    bind_text(b, person);
    bind_text(b, person);
    bind_text(b, person);
}

/* The condition that `column` (an ISO date at any precision) overlaps [from, to]: compared
 * at the shorter of the two precisions, "2025" overlaps "2025-10" and "2025-10-31" lies in
 * "2025-10". */
static void add_date_range(bound_sql *b, const char *column, const char *from, const char *to)
{
    /* PostgreSQL asks what type a parameter in length() is */
    const char *param = b->pg ? "CAST(? AS text)" : "?";
    strbuf_addf(&b->sql, "%s IS NOT NULL", column);
    if (from) {
        strbuf_addf(&b->sql, " AND substr(%s, 1, length(%s)) >= substr(?, 1, length(%s))", column,
                    param, column);
        bind_text(b, from);
        bind_text(b, from);
    }
    if (to) {
        strbuf_addf(&b->sql, " AND substr(%s, 1, length(%s)) <= substr(?, 1, length(%s))", column,
                    param, column);
        bind_text(b, to);
        bind_text(b, to);
    }
}

static bool has_control_char(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20)
            return true;
    return false;
}

/* Appends " AND <condition>" for every filter given. */
static void add_filters(bound_sql *b, enum store_kind kind, const char *evidence_kind,
                        const store_filters *f, bool unlinked_names)
{
    if (f->party) {
        strbuf_addstr(&b->sql,
                      b->pg ? " AND EXISTS (SELECT 1 FROM json_array_elements("
                              "agreements.parties::json) AS j WHERE json_typeof(j) ="
                              " 'string' AND lower((j #>> '{}') COLLATE \"C\") = " LOWER_PARAM_PG
                              ")"
                            : " AND EXISTS (SELECT 1 FROM json_each(agreements.parties)"
                              " WHERE lower(json_each.value) = lower(?))");
        bind_text(b, f->party);
    }
    if (f->acronym) {
        strbuf_addf(&b->sql, " AND lower(acronym) = %s", lower_param(b));
        bind_text(b, f->acronym);
    }
    if (f->signatory || f->participant) {
        const char *person = f->signatory ? f->signatory : f->participant;
        const char *list = f->signatory ? "agreements.signatories" : "meetings.participants";
        strbuf_addf(&b->sql,
                    " AND (id IN (SELECT fact_id FROM fact_people WHERE kind = '%s' AND"
                    " person_id IN ",
                    evidence_kind);
        add_person_set(b, person);
        strbuf_addch(&b->sql, ')');
        /* Names no person id stands for are found in the lists themselves: a scan, so only
         * when the stored facts have such names.  A name is in the list's JSON text as
         * written unless JSON escapes one of its characters: that text is searched first,
         * and only the lists holding the name are parsed. */
        if (unlinked_names) {
            strbuf_addstr(&b->sql, " OR ");
            if (!strpbrk(person, "\"\\") && !has_control_char(person)) {
                strbuf_addf(&b->sql,
                            b->pg ? "strpos(lower(%s), " LOWER_PARAM_PG ") > 0 AND "
                                  : "instr(lower(%s), lower(?)) > 0 AND ",
                            list);
                bind_text(b, person);
            }
            strbuf_addf(&b->sql,
                        b->pg ? "EXISTS (SELECT 1 FROM json_array_elements(%s::json) AS j WHERE"
                                " lower((j ->> 'name') COLLATE \"C\") = " LOWER_PARAM_PG ")"
                              : "EXISTS (SELECT 1 FROM json_each(%s) WHERE"
                                " lower(json_extract(json_each.value, '$.name')) = lower(?))",
                        list);
            bind_text(b, person);
        }
        strbuf_addch(&b->sql, ')');
    }
    if (f->speaker) {
        strbuf_addstr(&b->sql, " AND (speaker_person_id IN ");
        add_person_set(b, f->speaker);
        strbuf_addf(&b->sql, " OR lower(speaker_name) = %s)", lower_param(b));
        bind_text(b, f->speaker);
    }
    if (f->place) {
        strbuf_addf(&b->sql, " AND lower(place) = %s", lower_param(b));
        bind_text(b, f->place);
    }
    if (f->date_from || f->date_to) {
        strbuf_addstr(&b->sql, " AND ");
        if (kind == STORE_AGREEMENTS) {
            add_date_range(b, "signed", f->date_from, f->date_to);
        } else if (kind == STORE_MEETINGS) {
            add_date_range(b, "date", f->date_from, f->date_to);
        } else {
            /* Quotes have no date of their own: the articles they are in do. */
            strbuf_addf(&b->sql,
                        "id IN (SELECT e.fact_id FROM evidence AS e JOIN sources AS s"
                        " ON s.id = e.source_id WHERE e.kind = '%s' AND ",
                        evidence_kind);
            add_date_range(b, "s.published", f->date_from, f->date_to);
            strbuf_addch(&b->sql, ')');
        }
    }
    if (f->source_id && evidence_kind) {
        strbuf_addf(&b->sql,
                    " AND id IN (SELECT fact_id FROM evidence WHERE source_id = ? AND"
                    " kind = '%s')",
                    evidence_kind);
        bind_text(b, f->source_id);
    }
    if (f->disputed && kind != STORE_SOURCES)
        strbuf_addstr(&b->sql,
                      f->disputed > 0 ? " AND disputes IS NOT NULL" : " AND disputes IS NULL");
    if (f->min_sources > 0 && evidence_kind) {
        strbuf_addstr(&b->sql, " AND nsources >= ?");
        bind_num(b, f->min_sources);
    }
    if (f->q && kind == STORE_SOURCES) {
        /* from the index alone: rowids of sources lie above 3 << 48 (search.c) */
        if (b->pg)
            strbuf_addstr(&b->sql,
                          " AND id IN (SELECT ref FROM search_fts WHERE doc @@ CAST(? AS tsquery)"
                          " AND rowid >= " SEARCH_SOURCE_FIRST_SQL ")");
        else
            strbuf_addstr(&b->sql,
                          " AND id IN (SELECT printf('%012x', rowid & " SEARCH_REF_MASK_SQL ")"
                          " FROM search_fts WHERE search_fts MATCH ?"
                          " AND rowid >= " SEARCH_SOURCE_FIRST_SQL ")");
        bind_text(b, b->pg ? b->tsquery : f->q);
    }
}

/* For a filter by signatory or participant: whether names without a person id must be
 * searched too (store_unlinked_names); 0 without such a filter. */
static int person_filter_unlinked(store *st, const store_filters *f)
{
    return f->signatory || f->participant ? store_unlinked_names(st) : 0;
}

/* Whether a filter names something this kind cannot be filtered on (a caller's mistake). */
static bool filters_fit(enum store_kind kind, const store_filters *f)
{
    bool agreements = kind == STORE_AGREEMENTS, meetings = kind == STORE_MEETINGS,
         quotes = kind == STORE_QUOTES, facts = agreements || meetings || quotes;
    return (!f->party || agreements) && (!f->signatory || agreements) &&
           (!f->acronym || agreements) && (!f->participant || meetings) &&
           (!f->place || meetings) && (!f->speaker || quotes) &&
           (!(f->date_from || f->date_to) || facts) && (!f->source_id || facts) &&
           (f->min_sources <= 0 || facts) && (!f->q || kind == STORE_SOURCES) &&
           (!f->disputed || kind != STORE_SOURCES);
}

/* The key columns query.c appends to each row: (key IS NULL, coalesce(key, '')). */
static void add_key_columns(strbuf *sql, const sort_key *key)
{
    if (key->nullable)
        strbuf_addf(sql, ", (%s) IS NULL, coalesce(%s, '')", key->expr, key->expr);
    else
        strbuf_addf(sql, ", 0, %s", key->expr);
}

/* The keyset condition: rows strictly after the cursor in the order asked. */
static void add_keyset(bound_sql *b, const sort_key *key, bool desc, const store_cursor *c)
{
    const char *cmp = desc ? "<" : ">";

    strbuf_addstr(&b->sql, " AND ");
    if (key->nullable) {
        strbuf_addf(
            &b->sql,
            "(((%s) IS NULL) > ? OR (((%s) IS NULL) = ? AND (coalesce(%s, ''), id) %s (?, ?)))",
            key->expr, key->expr, key->expr, cmp);
        bind_num(b, c->key_null);
        bind_num(b, c->key_null);
    } else {
        strbuf_addf(&b->sql, "(%s, id) %s (?, ?)", key->expr, cmp);
    }
    if (c->key_null)
        bind_text(b, "");
    else if (c->key_is_int)
        bind_num(b, c->key_int);
    else
        bind_text(b, c->key_text ? c->key_text : "");
    bind_text(b, c->id ? c->id : "");
}

static void add_order(strbuf *sql, const sort_key *key, bool desc)
{
    const char *dir = desc ? " DESC" : "";
    if (key->nullable)
        strbuf_addf(sql, " ORDER BY (%s) IS NULL, coalesce(%s, '')%s, id%s", key->expr, key->expr,
                    dir, dir);
    else if (strcmp(key->expr, "id") == 0)
        strbuf_addf(sql, " ORDER BY id%s", dir);
    else
        strbuf_addf(sql, " ORDER BY %s%s, id%s", key->expr, dir, dir);
}

/* Fails with STORE_BAD_QUERY when SQLite rejected the FTS5 expression q (FTS5 reports a
 * malformed expression as a plain SQLITE_ERROR; I/O, locking and memory failures have codes of
 * their own), else STORE_ERROR.  (The search expression is SQLite's FTS5 for now.) */
static int step_fail(store *st, const char *what, const store_filters *f)
{
    bool bad_query = f->q && !store_pg(st) && (sqlite3_errcode(st->db) & 0xff) == SQLITE_ERROR;
    store_db_fail(st, what);
    return bad_query ? STORE_BAD_QUERY : STORE_ERROR;
}

/* The cursor of an `after` id: that item's own key.  False when no such item exists. */
static int cursor_of_id(store *st, const store_kind_info *k, const sort_key *key, const char *after,
                        store_cursor *c, char **key_text)
{
    strbuf sql = STRBUF_INIT;
    int result = STORE_OK;

    *key_text = NULL;
    memset(c, 0, sizeof *c);
    c->id = after;
    if (strcmp(key->expr, "id") == 0) {
        c->key_text = after;
        return STORE_OK;
    }
    strbuf_addstr(&sql, "SELECT 0");
    add_key_columns(&sql, key);
    strbuf_addf(&sql, " FROM %s WHERE id = ?", k->table);
    db_stmt *stmt = store_query_text(st, sql.buf);
    strbuf_release(&sql);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, after, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        c->key_null = (int)db_column_int64(stmt, 1) != 0;
        if (db_column_type(stmt, 2) == DB_INTEGER) {
            c->key_is_int = true;
            c->key_int = db_column_int64(stmt, 2);
        } else {
            const char *text = db_column_text(stmt, 2, NULL);
            *key_text = strdup(text ? text : "");
            c->key_text = *key_text;
            if (!*key_text)
                result = store_fail(st, "out of memory");
        }
    } else if (rc == DB_DONE) {
        result = STORE_NOT_FOUND;
    } else {
        result = store_db_fail(st, "finding the cursor");
    }
    store_query_done(stmt);
    return result;
}

static int count_matches(store *st, const store_kind_info *k, const store_list_query *query,
                         long long *total)
{
    bound_sql b = {.sql = STRBUF_INIT, .pg = store_pg(st)};
    int result = STORE_OK;

    int unlinked = person_filter_unlinked(st, &query->filters);
    if (unlinked < 0)
        return STORE_ERROR;
    if ((result = prepare_search_filter(st, &b, &query->filters, "counting")) != STORE_OK)
        return result;
    strbuf_addf(&b.sql, "SELECT count(*) FROM %s WHERE %s", k->table, b.pg ? "true" : "1");
    add_filters(&b, query->kind, k->evidence_kind, &query->filters, unlinked);
    db_stmt *stmt = b.overflow ? NULL : store_query_text(st, b.sql.buf);
    if (!stmt) {
        result = b.overflow ? store_fail(st, "too many filters") : STORE_ERROR;
        goto out;
    }
    apply_binds(&b, stmt);
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        *total = db_column_int64(stmt, 0);
    else
        result = step_fail(st, "counting", &query->filters);
    store_query_done(stmt);
out:
    bound_sql_release(&b);
    return result;
}

/* The sort key of a page's row (the columns add_key_columns put after the kind's own) and
 * its id into *c, the key's text in a; false when out of memory. */
static bool read_cursor(store_arena *a, db_stmt *row, int ncols, const char *id, store_cursor *c)
{
    memset(c, 0, sizeof(*c));
    c->id = id;
    c->key_null = (int)db_column_int64(row, ncols - 2) != 0;
    if (db_column_type(row, ncols - 1) == DB_INTEGER) {
        c->key_is_int = true;
        c->key_int = db_column_int64(row, ncols - 1);
        return true;
    }
    return store_row_text(a, row, ncols - 1, &c->key_text);
}

/* store_list_page() inside the caller's read transaction: the page's rows (and the strings
 * they point to) in a. */
static int list_page_locked(store *st, const store_list_query *query, store_arena *a,
                            store_page *page)
{
    const store_kind_info *k = store_kind_info_of(query->kind);
    const sort_key *key = find_sort(query->kind, query->sort);
    bound_sql b = {.sql = STRBUF_INIT, .pg = store_pg(st)};
    store_cursor from_after;
    const store_cursor *cursor = query->cursor;
    char *after_key = NULL;
    db_stmt *stmt = NULL;
    size_t cap = 0;
    int rc, result = STORE_ERROR;

    page->rows = NULL;
    page->n = 0;
    page->more = false;
    page->total = -1;
    if (!k || !key)
        return store_fail(st, "unknown kind %d or sort '%s'", (int)query->kind,
                          query->sort ? query->sort : "");
    if (!filters_fit(query->kind, &query->filters))
        return store_fail(st, "a filter does not apply to %s", k->table);
    if (query->limit < 1 || query->limit == INT_MAX)
        return store_fail(st, "limit %d out of range", query->limit);

    if (!cursor && query->after) {
        int found = cursor_of_id(st, k, key, query->after, &from_after, &after_key);
        if (found == STORE_NOT_FOUND) {
            /* The item is gone: nothing is known to come after it. */
            goto done;
        }
        if (found != STORE_OK)
            goto fail;
        cursor = &from_after;
    }

    strbuf_addstr(&b.sql, k->columns);
    add_key_columns(&b.sql, key);
    strbuf_addf(&b.sql, " FROM %s WHERE %s", k->table, b.pg ? "true" : "1");
    int unlinked = person_filter_unlinked(st, &query->filters);
    if (unlinked < 0)
        goto fail;
    if ((result = prepare_search_filter(st, &b, &query->filters, "listing")) != STORE_OK)
        goto fail;
    result = STORE_ERROR;
    add_filters(&b, query->kind, k->evidence_kind, &query->filters, unlinked);
    if (cursor)
        add_keyset(&b, key, query->descending, cursor);
    add_order(&b.sql, key, query->descending);
    strbuf_addstr(&b.sql, " LIMIT ?");
    bind_num(&b, (long long)query->limit + 1);
    if (b.overflow) {
        store_fail(st, "too many filters");
        goto fail;
    }
    if (!(stmt = store_query_text(st, b.sql.buf)))
        goto fail;
    apply_binds(&b, stmt);
    while ((rc = db_step(stmt)) == DB_ROW) {
        int ncols = db_column_count(stmt);
        if ((int)page->n == query->limit) {
            page->more = true;
            break;
        }
        store_row *rows = store_arena_reserve(a, page->rows, page->n, &cap, sizeof(*rows));
        if (!rows || !k->read(a, stmt, &rows[page->n]) ||
            !read_cursor(a, stmt, ncols, store_row_id(&rows[page->n]), &page->next)) {
            store_query_done(stmt);
            store_fail(st, "out of memory");
            goto fail;
        }
        page->rows = rows;
        page->n++;
    }
    store_query_done(stmt);
    if (rc != DB_DONE && rc != DB_ROW) {
        result = step_fail(st, "listing", &query->filters);
        goto fail;
    }
    if (!page->more)
        memset(&page->next, 0, sizeof(page->next));
    if (store_attach_evidence(st, k, a, page->rows, page->n, query->evidence) ||
        (k->complete_page && k->complete_page(st, a, page->rows, page->n)))
        goto fail;
done:
    if (query->count && (result = count_matches(st, k, query, &page->total)) != STORE_OK)
        goto fail;
    bound_sql_release(&b);
    free(after_key);
    return STORE_OK;

fail:
    if (result == STORE_OK)
        result = STORE_ERROR;
    bound_sql_release(&b);
    free(after_key);
    page->rows = NULL;
    page->n = 0;
    page->more = false;
    page->total = -1;
    memset(&page->next, 0, sizeof(page->next));
    return result;
}

int store_list_page(store *st, const store_list_query *query, store_page *page)
{
    memset(page, 0, sizeof *page);
    page->total = -1;
    if (!(page->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_page_release(page);
        return STORE_ERROR;
    }
    int rc = list_page_locked(st, query, page->arena, page);
    if (rc == STORE_OK && store_commit(st))
        rc = STORE_ERROR;
    if (rc != STORE_OK) {
        store_rollback(st);
        store_page_release(page);
    }
    return rc;
}

/* --- the timeline --- */

/* The collection a timeline's or a conflict's kind names. */
static enum store_kind kind_collection(const char *kind)
{
    return strcmp(kind, "agreement") == 0 ? STORE_AGREEMENTS
           : strcmp(kind, "meeting") == 0 ? STORE_MEETINGS
           : strcmp(kind, "quote") == 0   ? STORE_QUOTES
                                          : STORE_PEOPLE;
}

/* Reads a page of (kind, id, date) rows from rows `from` under b's conditions and order (at
 * most limit, one more telling there is a next page), then each row's fact as the fact's own
 * endpoint reads it, into page; `what` names the list in errors.  STORE_OK or STORE_ERROR
 * (the caller ends the read transaction). */
static int read_keyed_page(store *st, const char *from, bound_sql *b, int limit,
                           enum store_evidence evidence, const char *what,
                           store_timeline_page *page)
{
    const char **keys = NULL; /* the page's (kind, id, date) rows */
    size_t nkeys = 0, cap = 0;
    int rc;
    strbuf full = STRBUF_INIT;
    strbuf_addf(&full, "SELECT kind, id, date FROM %s%s", from, b->sql.buf);
    db_stmt *stmt = b->overflow ? NULL : store_query_text(st, full.buf);
    strbuf_release(&full);
    if (!stmt)
        return STORE_ERROR;
    apply_binds(b, stmt);
    while ((rc = db_step(stmt)) == DB_ROW) {
        if ((int)nkeys == limit) {
            page->more = true;
            break;
        }
        const char **grown = store_arena_reserve(page->arena, keys, nkeys, &cap, 3 * sizeof(*keys));
        if (!grown || !store_row_text(page->arena, stmt, 0, &grown[3 * nkeys]) ||
            !store_row_text(page->arena, stmt, 1, &grown[3 * nkeys + 1]) ||
            !store_row_text(page->arena, stmt, 2, &grown[3 * nkeys + 2])) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
        keys = grown;
        nkeys++;
    }
    store_query_done(stmt);
    if (rc != DB_DONE && rc != DB_ROW) {
        strbuf doing = STRBUF_INIT;
        strbuf_addf(&doing, "reading %s", what);
        store_db_fail(st, doing.buf);
        strbuf_release(&doing);
        return STORE_ERROR;
    }
    if (nkeys && !(page->entries = store_arena_alloc(page->arena, nkeys * sizeof(*page->entries))))
        return store_fail(st, "out of memory");
    for (size_t i = 0; i < nkeys; i++) {
        const char *kind = keys[3 * i], *id = keys[3 * i + 1];
        store_timeline_entry *entry = &page->entries[i];
        if (!kind || !id)
            return store_fail(st, "a row of %s without its kind or id", what);
        entry->date = keys[3 * i + 2];
        if (store_get_item_locked(st, kind_collection(kind), id, evidence, page->arena,
                                  &entry->fact) != STORE_OK)
            return STORE_ERROR;
        page->n++;
    }
    if (page->more) {
        const char *date = keys[3 * (nkeys - 1) + 2];
        page->next = (store_timeline_cursor){.date_null = date == NULL,
                                             .date = date ? date : "",
                                             .kind = keys[3 * (nkeys - 1)],
                                             .id = keys[3 * (nkeys - 1) + 1]};
    }
    return STORE_OK;
}

/* Agreements and meetings as one list of (kind, id, date, nsources). */
#define TIMELINE_ROWS                                                           \
    "(SELECT 'agreement' AS kind, id, signed AS date, nsources FROM agreements" \
    " UNION ALL SELECT 'meeting' AS kind, id, date, nsources FROM meetings)"

int store_list_timeline(store *st, const store_timeline_query *query, store_timeline_page *page)
{
    bound_sql b = {.sql = STRBUF_INIT, .pg = store_pg(st)};
    const char *cmp = query->descending ? "<" : ">", *dir = query->descending ? " DESC" : "";
    db_stmt *stmt = NULL;

    memset(page, 0, sizeof *page);
    page->total = -1;
    if (query->limit < 1 || query->limit == INT_MAX)
        return store_fail(st, "limit %d out of range", query->limit);
    if (query->kind && strcmp(query->kind, "agreement") != 0 && strcmp(query->kind, "meeting") != 0)
        return store_fail(st, "the timeline has no kind '%s'", query->kind);
    if (!(page->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_timeline_page_release(page);
        return STORE_ERROR;
    }

    strbuf_addstr(&b.sql, b.pg ? " WHERE true" : " WHERE 1");
    if (query->kind) {
        strbuf_addstr(&b.sql, " AND kind = ?");
        bind_text(&b, query->kind);
    }
    if (query->date_from || query->date_to) {
        strbuf_addstr(&b.sql, " AND ");
        add_date_range(&b, "date", query->date_from, query->date_to);
    }
    if (query->min_sources > 0) {
        strbuf_addstr(&b.sql, " AND nsources >= ?");
        bind_num(&b, query->min_sources);
    }
    if (query->count) {
        strbuf count = STRBUF_INIT;
        strbuf_addf(&count, "SELECT count(*) FROM " TIMELINE_ROWS "%s%s", b.pg ? " AS t" : "",
                    b.sql.buf);
        stmt = store_query_text(st, count.buf);
        strbuf_release(&count);
        if (!stmt)
            goto fail;
        apply_binds(&b, stmt);
        if (db_step(stmt) != DB_ROW) {
            store_db_fail(st, "counting the timeline");
            goto fail;
        }
        page->total = db_column_int64(stmt, 0);
        store_query_done(stmt);
        stmt = NULL;
    }
    if (query->cursor) {
        const store_timeline_cursor *c = query->cursor;
        strbuf_addf(&b.sql,
                    " AND ((date IS NULL) > ? OR ((date IS NULL) = ? AND"
                    " (coalesce(date, ''), kind, id) %s (?, ?, ?)))",
                    cmp);
        bind_num(&b, c->date_null);
        bind_num(&b, c->date_null);
        bind_text(&b, c->date ? c->date : "");
        bind_text(&b, c->kind);
        bind_text(&b, c->id);
    }
    strbuf_addf(&b.sql, " ORDER BY date IS NULL, coalesce(date, '')%s, kind%s, id%s LIMIT ?", dir,
                dir, dir);
    bind_num(&b, (long long)query->limit + 1);

    if (read_keyed_page(st, b.pg ? TIMELINE_ROWS " AS t" : TIMELINE_ROWS, &b, query->limit,
                        query->evidence, "the timeline", page))
        goto fail;
    if (store_commit(st))
        goto fail;
    strbuf_release(&b.sql);
    return STORE_OK;

fail:
    store_query_done(stmt);
    store_rollback(st);
    strbuf_release(&b.sql);
    store_timeline_page_release(page);
    return STORE_ERROR;
}

/* --- the conflicts --- */

/* The attributes a fact's sources may dispute (ingest/disputes.c votes on these). */
static const char *const dispute_attributes[] = {
    "signed", "date", "place", "parties", "signatories", "participants", "speaker", "title",
};

bool store_dispute_attribute_ok(const char *name)
{
    for (size_t i = 0; i < sizeof dispute_attributes / sizeof dispute_attributes[0]; i++)
        if (strcmp(dispute_attributes[i], name) == 0)
            return true;
    return false;
}

/* Every disputed fact and person as one list of (kind, id, date, disputes). */
#define CONFLICT_ROWS(undated)                                                                 \
    "(SELECT 'agreement' AS kind, id, signed AS date, disputes FROM agreements"                \
    "  WHERE disputes IS NOT NULL"                                                             \
    " UNION ALL SELECT 'meeting', id, date, disputes FROM meetings WHERE disputes IS NOT NULL" \
    " UNION ALL SELECT 'quote', id, " undated ", disputes FROM quotes"                         \
    "  WHERE disputes IS NOT NULL"                                                             \
    " UNION ALL SELECT 'person', id, " undated ", disputes FROM people"                        \
    "  WHERE disputes IS NOT NULL) AS t"
static const char SQL_CONFLICT_ROWS[] = CONFLICT_ROWS("CAST(NULL AS TEXT)");
static const char SQL_CONFLICT_ROWS_PG[] = CONFLICT_ROWS("CAST(NULL AS TEXT) COLLATE \"C\"");

int store_list_conflicts(store *st, const store_conflict_query *query, store_timeline_page *page)
{
    bound_sql b = {.sql = STRBUF_INIT, .pg = store_pg(st)};
    db_stmt *stmt = NULL;
    strbuf pattern = STRBUF_INIT;

    memset(page, 0, sizeof *page);
    page->total = -1;
    if (query->limit < 1 || query->limit == INT_MAX)
        return store_fail(st, "limit %d out of range", query->limit);
    if (query->kind && strcmp(query->kind, "agreement") != 0 &&
        strcmp(query->kind, "meeting") != 0 && strcmp(query->kind, "quote") != 0 &&
        strcmp(query->kind, "person") != 0)
        return store_fail(st, "the conflicts have no kind '%s'", query->kind);
    if (query->attribute && !store_dispute_attribute_ok(query->attribute))
        return store_fail(st, "no attribute '%s' is ever disputed", query->attribute);
    if (!(page->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_timeline_page_release(page);
        return STORE_ERROR;
    }

    strbuf_addstr(&b.sql, b.pg ? " WHERE true" : " WHERE 1");
    if (query->kind) {
        strbuf_addstr(&b.sql, " AND kind = ?");
        bind_text(&b, query->kind);
    }
    if (query->attribute) {
        /* the stored text is compact JSON: an attribute is disputed when it is a key, and a
         * key is the only place its name stands in quotes followed by ":[" (a quote inside a
         * value is escaped) */
        strbuf_addf(&pattern, "%%\"%s\":[%%", query->attribute);
        strbuf_addstr(&b.sql, " AND disputes LIKE ?");
        bind_text(&b, pattern.buf);
    }
    if (query->source_id) {
        strbuf_addstr(&b.sql,
                      " AND (EXISTS (SELECT 1 FROM evidence AS e WHERE e.kind = t.kind AND"
                      " e.fact_id = t.id AND e.source_id = ?) OR (t.kind = 'person' AND EXISTS"
                      " (SELECT 1 FROM fact_people AS fp JOIN evidence AS e ON e.kind = fp.kind"
                      " AND e.fact_id = fp.fact_id WHERE fp.person_id = t.id AND"
                      " e.source_id = ?)))");
        bind_text(&b, query->source_id);
        bind_text(&b, query->source_id);
    }
    if (query->count) {
        strbuf count = STRBUF_INIT;
        strbuf_addf(&count, "SELECT count(*) FROM %s%s", STORE_SQL(st, SQL_CONFLICT_ROWS),
                    b.sql.buf);
        stmt = b.overflow ? NULL : store_query_text(st, count.buf);
        strbuf_release(&count);
        if (!stmt)
            goto fail;
        apply_binds(&b, stmt);
        if (db_step(stmt) != DB_ROW) {
            store_db_fail(st, "counting the conflicts");
            goto fail;
        }
        page->total = db_column_int64(stmt, 0);
        store_query_done(stmt);
        stmt = NULL;
    }
    if (query->cursor) {
        const store_timeline_cursor *c = query->cursor;
        strbuf_addstr(&b.sql, " AND ((date IS NULL) > ? OR ((date IS NULL) = ? AND"
                              " (coalesce(date, ''), kind, id) < (?, ?, ?)))");
        bind_num(&b, c->date_null);
        bind_num(&b, c->date_null);
        bind_text(&b, c->date ? c->date : "");
        bind_text(&b, c->kind);
        bind_text(&b, c->id);
    }
    strbuf_addstr(&b.sql,
                  " ORDER BY date IS NULL, coalesce(date, '') DESC, kind DESC, id DESC LIMIT ?");
    bind_num(&b, (long long)query->limit + 1);

    if (read_keyed_page(st, STORE_SQL(st, SQL_CONFLICT_ROWS), &b, query->limit, query->evidence,
                        "the conflicts", page))
        goto fail;
    if (store_commit(st))
        goto fail;
    strbuf_release(&b.sql);
    strbuf_release(&pattern);
    return STORE_OK;

fail:
    store_query_done(stmt);
    store_rollback(st);
    strbuf_release(&b.sql);
    strbuf_release(&pattern);
    store_timeline_page_release(page);
    return STORE_ERROR;
}

/* --- everything one article says --- */

static const char SQL_PEOPLE_OF_SOURCE[] =
    "SELECT id, name, title FROM people WHERE id IN"
    " (SELECT fp.person_id FROM fact_people AS fp JOIN evidence AS e"
    "  ON e.kind = fp.kind AND e.fact_id = fp.fact_id WHERE e.source_id = ?1)"
    " ORDER BY lower(name), id";

/* A row of SQL_PEOPLE_OF_SOURCE into *ref; false when out of memory. */
static bool read_person_brief(store_arena *a, db_stmt *row, store_person_ref *ref)
{
    return store_row_text(a, row, 0, &ref->person_id) && store_row_text(a, row, 1, &ref->name) &&
           store_row_text(a, row, 2, &ref->title);
}

/* store_get_source_facts() inside the caller's read transaction. */
static int source_facts_locked(store *st, const char *source_id, enum store_evidence evidence,
                               store_source_facts *out)
{
    const enum store_kind kinds[] = {STORE_AGREEMENTS, STORE_MEETINGS, STORE_QUOTES};
    store_row **lists[] = {&out->agreements, &out->meetings, &out->quotes};
    size_t *counts[] = {&out->n_agreements, &out->n_meetings, &out->n_quotes};
    store_row source;
    db_stmt *stmt;
    size_t cap = 0;
    int rc;

    if ((rc = store_get_item_locked(st, STORE_SOURCES, source_id, STORE_EVIDENCE_NONE, out->arena,
                                    &source)) != STORE_OK)
        return rc;
    out->source = source.source;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        store_list_query query = {.kind = kinds[i],
                                  .limit = INT_MAX - 1,
                                  .evidence = evidence,
                                  .filters.source_id = source_id};
        store_page page = {.rows = NULL};
        if (list_page_locked(st, &query, out->arena, &page) != STORE_OK)
            return STORE_ERROR;
        *lists[i] = page.rows;
        *counts[i] = page.n;
    }
    if (!(stmt = store_query(st, SQL_PEOPLE_OF_SOURCE)))
        return STORE_ERROR;
    db_bind_text(stmt, 1, source_id, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        store_person_ref *people = store_arena_reserve(out->arena, out->people, out->n_people, &cap,
                                                       sizeof(*people));
        if (!people || !read_person_brief(out->arena, stmt, &people[out->n_people])) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
        out->people = people;
        out->n_people++;
    }
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading the people of a source");
}

int store_get_source_facts(store *st, const char *source_id, enum store_evidence evidence,
                           store_source_facts *facts)
{
    memset(facts, 0, sizeof(*facts));
    if (!(facts->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_source_facts_release(facts);
        return STORE_ERROR;
    }
    int rc = source_facts_locked(st, source_id, evidence, facts);
    if (rc == STORE_OK && store_commit(st))
        rc = STORE_ERROR;
    if (rc != STORE_OK) {
        store_rollback(st);
        store_source_facts_release(facts);
    }
    return rc;
}
