/* read: the API side of the store: pages and single resources as typed rows (rows.h).
 *
 * Pages use keyset pagination (id > after ORDER BY id LIMIT limit + 1): the extra row only
 * says whether there is a next page, and no page costs more than its own rows, however deep.
 * A fact's evidence comes from a range scan of the evidence primary key, cut after the first
 * STORE_EVIDENCE_INLINE spans: a fact that a thousand articles report must not make every
 * page that shows it a megabyte.  Such a fact says how many spans it has (evidence_total,
 * counted only when there are more than it shows); store_evidence_page pages through them
 * all, in keyset pages over the same key.  People get their counts from one range scan of
 * fact_people by person; a single person also lists the agreements, meetings and quotes they
 * take part in.  All the queries of one answer run in one read transaction, so an answer
 * never mixes an old and a new fact set.
 */
#include "store/store_private.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- columns to rows --- */

bool store_col_names(store_arena *a, db_stmt *row, int i, store_names *names)
{
    json_t *list = store_column_json(row, i, NULL);
    size_t k;
    json_t *name;
    bool ok = true;

    memset(names, 0, sizeof(*names));
    if (json_array_size(list) &&
        !(names->v = store_arena_alloc(a, json_array_size(list) * sizeof(*names->v))))
        ok = false;
    json_array_foreach(list, k, name) {
        if (!ok)
            break;
        if (!json_is_string(name))
            continue;
        const char *copy = store_arena_strndup(a, json_string_value(name),
                                               json_string_length(name));
        ok = copy != NULL;
        names->v[names->n++] = copy;
    }
    json_decref(list);
    return ok;
}

/* A string member of a person entry, copied (NULL when absent or null). */
static bool member_text(store_arena *a, const json_t *entry, const char *key, const char **out)
{
    const json_t *v = json_object_get(entry, key);
    *out = NULL;
    if (!json_is_string(v))
        return true;
    *out = store_arena_strndup(a, json_string_value(v), json_string_length(v));
    return *out != NULL;
}

/* A column's JSON list of people ({"name", "title", "person_id"}, as write.c stores
 * signatories and participants) into *refs; none should it not parse.  False when out of
 * memory. */
static bool col_people(store_arena *a, db_stmt *row, int i, store_person_refs *refs)
{
    json_t *list = store_column_json(row, i, NULL);
    size_t k;
    json_t *entry;
    bool ok = true;

    memset(refs, 0, sizeof(*refs));
    if (json_array_size(list) &&
        !(refs->v = store_arena_alloc(a, json_array_size(list) * sizeof(*refs->v))))
        ok = false;
    json_array_foreach(list, k, entry) {
        if (!ok)
            break;
        if (!json_is_object(entry))
            continue;
        store_person_ref *ref = &refs->v[refs->n++];
        ok = member_text(a, entry, "name", &ref->name) &&
             member_text(a, entry, "title", &ref->title) &&
             member_text(a, entry, "person_id", &ref->person_id);
    }
    json_decref(list);
    return ok;
}

/* One value of a disputed attribute ({"value", "sources", "evidence"}, ingest/disputes.c)
 * into *out.  False when out of memory. */
static bool dispute_value(store_arena *a, const json_t *entry, store_dispute_value *out)
{
    const json_t *value = json_object_get(entry, "value"), *evidence, *x;
    size_t k;
    memset(out, 0, sizeof(*out));
    out->sources = json_integer_value(json_object_get(entry, "sources"));
    out->is_set = json_is_array(value);
    size_t n = out->is_set ? json_array_size(value) : 1;
    if (!(out->members.v = store_arena_alloc(a, n * sizeof(*out->members.v))))
        return false;
    if (out->is_set) {
        json_array_foreach(value, k, x)
            if (json_is_string(x) &&
                !(out->members.v[out->members.n++] = store_arena_strndup(a, json_string_value(x),
                                                                         json_string_length(x))))
                return false;
    } else if (json_is_string(value)) {
        if (!(out->members.v[out->members.n++] = store_arena_strndup(a, json_string_value(value),
                                                                     json_string_length(value))))
            return false;
    }
    evidence = json_object_get(entry, "evidence");
    if (json_array_size(evidence) &&
        !(out->evidence = store_arena_alloc(a, json_array_size(evidence) * sizeof(*out->evidence))))
        return false;
    json_array_foreach(evidence, k, x) {
        store_span *span = &out->evidence[out->n_evidence++];
        span->start = json_integer_value(json_object_get(x, "start"));
        span->end = json_integer_value(json_object_get(x, "end"));
        span->excerpt = NULL;
        if (!member_text(a, x, "source_id", &span->source_id))
            return false;
    }
    return true;
}

/* A column's disputes ({"attribute": [value, ...]}, as write.c stores them; NULL when the
 * sources agree) into *out, attributes in name order.  False when out of memory. */
static bool col_disputes(store_arena *a, db_stmt *row, int i, store_disputes *out)
{
    json_t *doc = store_column_json(row, i, NULL), *values;
    const char *attribute;
    bool ok = true;

    memset(out, 0, sizeof(*out));
    if (!json_is_object(doc) || !json_object_size(doc)) {
        json_decref(doc);
        return true;
    }
    if (!(out->v = store_arena_alloc(a, json_object_size(doc) * sizeof(*out->v))))
        ok = false;
    json_object_foreach(doc, attribute, values) {
        if (!ok)
            break;
        /* keep the attributes in name order, as the stored text has them */
        size_t at = out->n;
        while (at > 0 && strcmp(out->v[at - 1].attribute, attribute) > 0) {
            out->v[at] = out->v[at - 1];
            at--;
        }
        store_dispute *d = &out->v[at];
        out->n++;
        memset(d, 0, sizeof(*d));
        if (!(d->attribute = store_arena_strndup(a, attribute, strlen(attribute))) ||
            (json_array_size(values) &&
             !(d->values = store_arena_alloc(a, json_array_size(values) * sizeof(*d->values))))) {
            ok = false;
            break;
        }
        size_t k;
        json_t *entry;
        json_array_foreach(values, k, entry)
            if (!(ok = dispute_value(a, entry, &d->values[d->n_values++])))
                break;
    }
    json_decref(doc);
    return ok;
}

/* The columns every fact ends with: its source count, rule and confidence.  The evidence is
 * read later (store_attach_evidence). */
static bool col_provenance(store_arena *a, db_stmt *row, int count_col, int rule_col,
                           int confidence_col, store_provenance *p)
{
    memset(p, 0, sizeof(*p));
    p->source_count = db_column_int64(row, count_col);
    p->confidence_known = !db_column_is_null(row, confidence_col);
    p->confidence = p->confidence_known ? db_column_double(row, confidence_col) : 0.0;
    return store_row_text(a, row, rule_col, &p->rule);
}

/* --- one row per kind (all of *out set; false when out of memory) --- */

static bool read_source(store_arena *a, db_stmt *row, store_row *out)
{
    store_source *s = &out->source;
    memset(out, 0, sizeof(*out));
    out->kind = STORE_SOURCES;
    s->chars = db_column_int64(row, 6);
    return store_row_text(a, row, 0, &s->id) && store_row_text(a, row, 1, &s->file) &&
           store_row_text(a, row, 2, &s->title) && store_row_text(a, row, 3, &s->byline) &&
           store_row_text(a, row, 4, &s->dateline) && store_row_text(a, row, 5, &s->sha256) &&
           store_row_text(a, row, 7, &s->published) && store_row_text(a, row, 8, &s->ingested_at);
}

static bool read_person(store_arena *a, db_stmt *row, store_row *out)
{
    store_person *p = &out->person;
    memset(out, 0, sizeof(*out));
    out->kind = STORE_PEOPLE;
    return store_row_text(a, row, 0, &p->id) && store_row_text(a, row, 1, &p->name) &&
           store_row_text(a, row, 2, &p->title) && store_col_names(a, row, 3, &p->aliases) &&
           col_disputes(a, row, 4, &p->disputes);
}

static bool read_agreement(store_arena *a, db_stmt *row, store_row *out)
{
    store_agreement *ag = &out->agreement;
    memset(out, 0, sizeof(*out));
    out->kind = STORE_AGREEMENTS;
    return store_row_text(a, row, 0, &ag->id) && store_row_text(a, row, 1, &ag->name) &&
           store_col_names(a, row, 2, &ag->aliases) && store_row_text(a, row, 3, &ag->acronym) &&
           store_row_text(a, row, 4, &ag->signed_date) && store_row_text(a, row, 5, &ag->place) &&
           store_col_names(a, row, 6, &ag->parties) && col_people(a, row, 7, &ag->signatories) &&
           col_provenance(a, row, 10, 8, 9, &ag->provenance) &&
           col_disputes(a, row, 11, &ag->disputes);
}

static bool read_meeting(store_arena *a, db_stmt *row, store_row *out)
{
    store_meeting *m = &out->meeting;
    memset(out, 0, sizeof(*out));
    out->kind = STORE_MEETINGS;
    return store_row_text(a, row, 0, &m->id) && store_row_text(a, row, 1, &m->date) &&
           store_row_text(a, row, 2, &m->place) && store_row_text(a, row, 3, &m->occasion) &&
           col_people(a, row, 4, &m->participants) &&
           col_provenance(a, row, 7, 5, 6, &m->provenance) && col_disputes(a, row, 8, &m->disputes);
}

static bool read_quote(store_arena *a, db_stmt *row, store_row *out)
{
    store_quote *q = &out->quote;
    memset(out, 0, sizeof(*out));
    out->kind = STORE_QUOTES;
    return store_row_text(a, row, 0, &q->id) && store_row_text(a, row, 1, &q->text) &&
           store_row_text(a, row, 2, &q->speaker.person_id) &&
           store_row_text(a, row, 3, &q->speaker.name) &&
           store_row_text(a, row, 4, &q->speaker.title) && store_row_text(a, row, 5, &q->cue) &&
           col_provenance(a, row, 8, 6, 7, &q->provenance) && col_disputes(a, row, 9, &q->disputes);
}

/* The columns each read_* reads, in order; query.c appends its sort key after them. */
#define SOURCE_SELECT \
    "SELECT id, file, title, byline, dateline, sha256, chars, published, ingested_at"
#define PERSON_SELECT "SELECT id, name, title, aliases, disputes"
#define AGREEMENT_SELECT                                                                        \
    "SELECT id, name, aliases, acronym, signed, place, parties, signatories, rule, confidence," \
    " nsources, disputes"
#define MEETING_SELECT \
    "SELECT id, date, place, occasion, participants, rule, confidence, nsources, disputes"
#define QUOTE_SELECT                                                                          \
    "SELECT id, text, speaker_person_id, speaker_name, speaker_title, cue, rule, confidence," \
    " nsources, disputes"
#define SOURCE_COLUMNS SOURCE_SELECT " FROM sources"
#define PERSON_COLUMNS PERSON_SELECT " FROM people"
#define AGREEMENT_COLUMNS AGREEMENT_SELECT " FROM agreements"
#define MEETING_COLUMNS MEETING_SELECT " FROM meetings"
#define QUOTE_COLUMNS QUOTE_SELECT " FROM quotes"
#define BY_ID " WHERE id = ?1"

static const char SQL_GET_SOURCE[] = SOURCE_COLUMNS BY_ID;
static const char SQL_COUNT_SOURCES[] = "SELECT count(*) FROM sources";
static const char SQL_GET_PERSON[] = PERSON_COLUMNS BY_ID;
static const char SQL_COUNT_PEOPLE[] = "SELECT count(*) FROM people";
static const char SQL_GET_AGREEMENT[] = AGREEMENT_COLUMNS BY_ID;
static const char SQL_COUNT_AGREEMENTS[] = "SELECT count(*) FROM agreements";
static const char SQL_GET_MEETING[] = MEETING_COLUMNS BY_ID;
static const char SQL_COUNT_MEETINGS[] = "SELECT count(*) FROM meetings";
static const char SQL_GET_QUOTE[] = QUOTE_COLUMNS BY_ID;
static const char SQL_COUNT_QUOTES[] = "SELECT count(*) FROM quotes";

/* The inline spans of one fact: each article's first span before any article's second (so
 * that they cite as many of its articles as they can), served in the evidence pages' order.
 * The first ?3 spans in that order are all of the first ?3 articles (by id): each of those
 * has a first span before any other article's span.  So only those articles' spans are
 * ranked, found on the primary key up to the ?3rd article, and a fact that thousands of
 * articles report costs what one of ten does. */
#define EVIDENCE_OF(alias)                                                                  \
    "SELECT source_id, cp_start, cp_end, excerpt FROM ("                                    \
    "  SELECT source_id, cp_start, cp_end, excerpt, row_number() OVER ("                    \
    "    PARTITION BY source_id ORDER BY cp_start, cp_end) AS nth"                          \
    "  FROM evidence WHERE kind = ?1 AND fact_id = ?2 AND source_id <= coalesce(("          \
    "    SELECT max(source_id) FROM (SELECT DISTINCT source_id FROM evidence"               \
    "      WHERE kind = ?1 AND fact_id = ?2 ORDER BY source_id LIMIT ?3) AS first_articles" \
    "  ), '')"                                                                              \
    "  ORDER BY nth, source_id, cp_start, cp_end LIMIT ?3)" alias                           \
    " ORDER BY source_id, cp_start, cp_end"
static const char SQL_EVIDENCE_OF[] = EVIDENCE_OF("");
static const char SQL_EVIDENCE_OF_PG[] = EVIDENCE_OF(" AS e");
static const char SQL_EVIDENCE_COUNT[] =
    "SELECT count(*) FROM evidence WHERE kind = ?1 AND fact_id = ?2";
/* A page of one fact's evidence: the spans after (?3, ?4, ?5) in the order served. */
static const char SQL_EVIDENCE_PAGE[] =
    "SELECT source_id, cp_start, cp_end, excerpt FROM evidence"
    " WHERE kind = ?1 AND fact_id = ?2 AND (source_id, cp_start, cp_end) > (?3, ?4, ?5)"
    " ORDER BY source_id, cp_start, cp_end LIMIT ?6";
/* Whether a fact of each kind exists, for its evidence pages. */
static const char SQL_HAS_AGREEMENT[] = "SELECT 1 FROM agreements" BY_ID;
static const char SQL_HAS_MEETING[] = "SELECT 1 FROM meetings" BY_ID;
static const char SQL_HAS_QUOTE[] = "SELECT 1 FROM quotes" BY_ID;

static const char SQL_SOURCE_TEXT[] = "SELECT text FROM sources WHERE id = ?1";

/* How many facts of each kind every person whose id is in [?1, ?2] takes part in. */
static const char SQL_PERSON_COUNTS_RANGE[] =
    "SELECT person_id, kind, count(DISTINCT fact_id) FROM fact_people"
    " WHERE person_id >= ?1 AND person_id <= ?2"
    " GROUP BY person_id, kind ORDER BY person_id";

/* The facts of one kind a person (?1) takes part in, oldest first, undated last. */
static const char SQL_PERSON_AGREEMENTS[] =
    "SELECT id, name, signed FROM agreements WHERE id IN"
    " (SELECT fact_id FROM fact_people WHERE person_id = ?1 AND kind = 'agreement')"
    " ORDER BY signed IS NULL, signed, id";
static const char SQL_PERSON_MEETINGS[] =
    "SELECT id, date, place FROM meetings WHERE id IN"
    " (SELECT fact_id FROM fact_people WHERE person_id = ?1 AND kind = 'meeting')"
    " ORDER BY date IS NULL, date, id";
static const char SQL_PERSON_QUOTES[] =
    "SELECT id, text FROM quotes WHERE id IN"
    " (SELECT fact_id FROM fact_people WHERE person_id = ?1 AND kind = 'quote')"
    " ORDER BY id";

static int attach_person_counts(store *st, store_arena *a, store_row *rows, size_t n);
static int attach_person_facts(store *st, store_arena *a, store_row *row);

static const store_kind_info kinds[] = {
    [STORE_SOURCES] = {"source", "sources", NULL, SOURCE_SELECT, SQL_GET_SOURCE, SQL_COUNT_SOURCES,
                       read_source, NULL, NULL},
    [STORE_AGREEMENTS] = {"agreement", "agreements", "agreement", AGREEMENT_SELECT,
                          SQL_GET_AGREEMENT, SQL_COUNT_AGREEMENTS, read_agreement, NULL, NULL},
    [STORE_MEETINGS] = {"meeting", "meetings", "meeting", MEETING_SELECT, SQL_GET_MEETING,
                        SQL_COUNT_MEETINGS, read_meeting, NULL, NULL},
    [STORE_QUOTES] = {"quote", "quotes", "quote", QUOTE_SELECT, SQL_GET_QUOTE, SQL_COUNT_QUOTES,
                      read_quote, NULL, NULL},
    [STORE_PEOPLE] = {"person", "people", NULL, PERSON_SELECT, SQL_GET_PERSON, SQL_COUNT_PEOPLE,
                      read_person, attach_person_counts, attach_person_facts},
};

const store_kind_info *store_kind_info_of(enum store_kind kind)
{
    if ((unsigned)kind >= sizeof(kinds) / sizeof(kinds[0]) || !kinds[kind].read)
        return NULL;
    return &kinds[kind];
}

/* The disputes of a fact's or a person's row; NULL for a source. */
static store_disputes *disputes_of(store_row *row)
{
    switch (row->kind) {
    case STORE_AGREEMENTS:
        return &row->agreement.disputes;
    case STORE_MEETINGS:
        return &row->meeting.disputes;
    case STORE_QUOTES:
        return &row->quote.disputes;
    case STORE_PEOPLE:
        return &row->person.disputes;
    case STORE_SOURCES:
        break;
    }
    return NULL;
}

/* The excerpt of one span of a fact's evidence, which every span of its disputes is. */
static const char SQL_EVIDENCE_EXCERPT[] =
    "SELECT excerpt FROM evidence WHERE kind = ?1 AND fact_id = ?2 AND source_id = ?3"
    " AND cp_start = ?4 AND cp_end = ?5";

/* Gives each span of the disputes of rows[0..n) its excerpt, from the facts' evidence. */
static int attach_dispute_excerpts(store *st, const store_kind_info *k, store_arena *a,
                                   store_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        store_disputes *d = disputes_of(&rows[i]);
        for (size_t j = 0; d && j < d->n; j++)
            for (size_t v = 0; v < d->v[j].n_values; v++)
                for (size_t e = 0; e < d->v[j].values[v].n_evidence; e++) {
                    store_span *span = &d->v[j].values[v].evidence[e];
                    db_stmt *stmt = store_query(st, SQL_EVIDENCE_EXCERPT);
                    if (!stmt)
                        return STORE_ERROR;
                    db_bind_text(stmt, 1, k->evidence_kind, -1);
                    db_bind_text(stmt, 2, store_row_id(&rows[i]), -1);
                    db_bind_text(stmt, 3, span->source_id, -1);
                    db_bind_int64(stmt, 4, span->start);
                    db_bind_int64(stmt, 5, span->end);
                    int rc = db_step(stmt);
                    bool ok = rc != DB_ROW || store_row_text(a, stmt, 0, &span->excerpt);
                    store_query_done(stmt);
                    if (rc != DB_ROW && rc != DB_DONE)
                        return store_db_fail(st, "reading the evidence of a dispute");
                    if (!ok)
                        return store_fail(st, "out of memory");
                }
    }
    return STORE_OK;
}

/* The provenance of a fact's row; NULL for a source or a person. */
static store_provenance *provenance_of(store_row *row)
{
    switch (row->kind) {
    case STORE_AGREEMENTS:
        return &row->agreement.provenance;
    case STORE_MEETINGS:
        return &row->meeting.provenance;
    case STORE_QUOTES:
        return &row->quote.provenance;
    case STORE_SOURCES:
    case STORE_PEOPLE:
        break;
    }
    return NULL;
}

/* One evidence row (source_id, start, end, excerpt) into *span; the excerpt only when the
 * evidence is read in full.  False when out of memory. */
static bool read_span(store_arena *a, db_stmt *row, enum store_evidence mode, store_span *span)
{
    span->start = db_column_int64(row, 1);
    span->end = db_column_int64(row, 2);
    span->excerpt = NULL;
    return store_row_text(a, row, 0, &span->source_id) &&
           (mode != STORE_EVIDENCE_FULL || store_row_text(a, row, 3, &span->excerpt));
}

/* How many evidence spans one fact has, in *total. */
static int count_evidence(store *st, const char *kind, const char *id, long long *total)
{
    db_stmt *stmt = store_query(st, SQL_EVIDENCE_COUNT);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, kind, -1);
    db_bind_text(stmt, 2, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        *total = db_column_int64(stmt, 0);
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "counting evidence");
}

/* Gives each fact of rows[0..n) STORE_EVIDENCE_INLINE of its spans (each article's first
 * before any article's second), as much of each as asked, and evidence_total, how many it
 * has in all: read one span past the inline ones, a fact is counted only when that span
 * exists. */
int store_attach_evidence(store *st, const store_kind_info *k, store_arena *a, store_row *rows,
                          size_t n, enum store_evidence mode)
{
    int rc = DB_DONE;

    if (!k->evidence_kind || !n)
        return STORE_OK;
    for (size_t i = 0; i < n; i++) {
        store_provenance *p = provenance_of(&rows[i]);
        if (p)
            p->shown = mode;
    }
    if (mode == STORE_EVIDENCE_NONE)
        return STORE_OK;
    db_stmt *stmt = store_query(st, STORE_SQL(st, SQL_EVIDENCE_OF));
    if (!stmt)
        return STORE_ERROR;
    for (size_t i = 0; i < n; i++) {
        store_provenance *p = provenance_of(&rows[i]);
        const char *id = store_row_id(&rows[i]);
        long long total = 0;
        if (!p)
            continue;
        if (!(p->spans = store_arena_alloc(a, STORE_EVIDENCE_INLINE * sizeof(*p->spans)))) {
            store_fail(st, "out of memory");
            goto fail;
        }
        db_reset(stmt);
        db_bind_text(stmt, 1, k->evidence_kind, -1);
        db_bind_text(stmt, 2, id, -1);
        db_bind_int64(stmt, 3, STORE_EVIDENCE_INLINE + 1);
        while ((rc = db_step(stmt)) == DB_ROW && total < STORE_EVIDENCE_INLINE) {
            if (!read_span(a, stmt, mode, &p->spans[p->n_spans])) {
                store_fail(st, "out of memory");
                goto fail;
            }
            p->n_spans++;
            total++;
        }
        if (rc == DB_ROW) {
            /* More than the inline spans: count them all (another statement, so this one is
             * done first). */
            db_reset(stmt);
            if (count_evidence(st, k->evidence_kind, id, &total) != STORE_OK)
                goto fail;
            rc = DB_DONE;
        }
        if (rc != DB_DONE)
            break;
        p->evidence_total = total;
    }
    store_query_done(stmt);
    if (rc != DB_DONE)
        return store_db_fail(st, "reading evidence");
    return mode == STORE_EVIDENCE_FULL ? attach_dispute_excerpts(st, k, a, rows, n) : STORE_OK;
fail:
    store_query_done(stmt);
    return STORE_ERROR;
}

/* store_list_evidence() inside the caller's read transaction. */
static int evidence_page_locked(store *st, const store_evidence_query *query,
                                store_evidence_page *page)
{
    const store_kind_info *k = store_kind_info_of(query->kind);
    const char *has_sql = query->kind == STORE_AGREEMENTS ? SQL_HAS_AGREEMENT
                          : query->kind == STORE_MEETINGS ? SQL_HAS_MEETING
                          : query->kind == STORE_QUOTES   ? SQL_HAS_QUOTE
                                                          : NULL;
    const store_evidence_cursor *c = query->cursor;
    size_t cap = 0;
    int rc;

    if (!k || !has_sql)
        return store_fail(st, "no evidence pages for kind %d", (int)query->kind);
    if (query->limit < 1 || query->limit == INT_MAX)
        return store_fail(st, "limit %d out of range", query->limit);
    if (!query->id)
        return store_fail(st, "no id given");
    if (query->evidence == STORE_EVIDENCE_NONE)
        return store_fail(st, "a page of evidence shows the spans");

    db_stmt *stmt = store_query(st, has_sql);
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, query->id, -1);
    rc = db_step(stmt);
    store_query_done(stmt);
    if (rc == DB_DONE) {
        store_fail(st, "no %s with id '%s'", k->noun, query->id);
        return STORE_NOT_FOUND;
    }
    if (rc != DB_ROW)
        return store_db_fail(st, "finding the fact");

    if (!(stmt = store_query(st, SQL_EVIDENCE_PAGE)))
        return STORE_ERROR;
    db_bind_text(stmt, 1, k->evidence_kind, -1);
    db_bind_text(stmt, 2, query->id, -1);
    /* The first page starts after ('', -1, -1), before every span: source ids are not empty. */
    db_bind_text(stmt, 3, c && c->source_id ? c->source_id : "", -1);
    db_bind_int64(stmt, 4, c ? c->start : -1);
    db_bind_int64(stmt, 5, c ? c->end : -1);
    db_bind_int64(stmt, 6, (long long)query->limit + 1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        if ((int)page->n == query->limit) {
            page->more = true;
            break;
        }
        store_span *spans = store_arena_reserve(page->arena, page->spans, page->n, &cap,
                                                sizeof(*spans));
        if (!spans || !read_span(page->arena, stmt, query->evidence, &spans[page->n])) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
        page->spans = spans;
        page->n++;
    }
    store_query_done(stmt);
    if (rc != DB_DONE && rc != DB_ROW)
        return store_db_fail(st, "reading evidence");
    if (page->more) {
        const store_span *last = &page->spans[page->n - 1];
        page->next = (store_evidence_cursor){last->source_id, last->start, last->end};
    }
    if (query->count)
        return count_evidence(st, k->evidence_kind, query->id, &page->total);
    return STORE_OK;
}

int store_list_evidence(store *st, const store_evidence_query *query, store_evidence_page *page)
{
    memset(page, 0, sizeof *page);
    page->total = -1;
    if (!(page->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_evidence_page_release(page);
        return STORE_ERROR;
    }
    int rc = evidence_page_locked(st, query, page);
    if (rc == STORE_OK && store_commit(st))
        rc = STORE_ERROR;
    if (rc != STORE_OK) {
        store_rollback(st);
        store_evidence_page_release(page);
    }
    return rc;
}

/* A page's people in id order, to find a person by id. */
typedef struct person_by_id {
    const char *id;
    store_person *person;
} person_by_id;

static int compare_person_ids(const void *x, const void *y)
{
    const person_by_id *a = x, *b = y;
    return strcmp(a->id, b->id);
}

/* The person whose id this is among the sorted ones, or NULL. */
static store_person *find_person(const person_by_id *sorted, size_t n, const char *id)
{
    person_by_id key = {id, NULL};
    const person_by_id *found = id ? bsearch(&key, sorted, n, sizeof(key), compare_person_ids)
                                   : NULL;
    return found ? found->person : NULL;
}

/* Gives each person of a page their counts: how many agreements, meetings and quotes they
 * take part in, zero included.  One range scan of fact_people over the page's ids, whatever
 * order the page is in. */
static int attach_person_counts(store *st, store_arena *a, store_row *rows, size_t n)
{
    person_by_id *sorted;
    size_t nsorted = 0;
    db_stmt *stmt;
    int rc;

    if (!n)
        return STORE_OK;
    if (!(sorted = store_arena_alloc(a, n * sizeof(*sorted))))
        return store_fail(st, "out of memory");
    for (size_t i = 0; i < n; i++) {
        store_person *p = &rows[i].person;
        p->agreement_count = p->meeting_count = p->quote_count = 0;
        if (p->id)
            sorted[nsorted++] = (person_by_id){p->id, p};
    }
    if (!nsorted)
        return STORE_OK;
    qsort(sorted, nsorted, sizeof(*sorted), compare_person_ids);
    if (!(stmt = store_query(st, SQL_PERSON_COUNTS_RANGE)))
        return STORE_ERROR;
    db_bind_text(stmt, 1, sorted[0].id, -1);
    db_bind_text(stmt, 2, sorted[nsorted - 1].id, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        store_person *p = find_person(sorted, nsorted, db_column_text(stmt, 0, NULL));
        const char *kind = db_column_text(stmt, 1, NULL);
        long long count = db_column_int64(stmt, 2);
        if (!p || !kind)
            continue;
        if (strcmp(kind, "agreement") == 0)
            p->agreement_count = count;
        else if (strcmp(kind, "meeting") == 0)
            p->meeting_count = count;
        else if (strcmp(kind, "quote") == 0)
            p->quote_count = count;
    }
    store_query_done(stmt);
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "counting a person's facts");
}

/* The rows of one of SQL_PERSON_AGREEMENTS, _MEETINGS, _QUOTES for person id: each of their
 * `ncols` text columns into an array of that many strings per fact, in *out, *n facts. */
static int read_briefs(store *st, store_arena *a, const char *sql, const char *id, int ncols,
                       const char ***out, size_t *n)
{
    db_stmt *stmt = store_query(st, sql);
    const char **v = NULL;
    size_t cap = 0;
    int rc;

    *out = NULL;
    *n = 0;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char **grown = store_arena_reserve(a, v, *n, &cap, (size_t)ncols * sizeof(*v));
        bool ok = grown != NULL;
        for (int c = 0; ok && c < ncols; c++)
            ok = store_row_text(a, stmt, c, &grown[*n * (size_t)ncols + (size_t)c]);
        if (!ok) {
            store_query_done(stmt);
            return store_fail(st, "out of memory");
        }
        v = grown;
        (*n)++;
    }
    store_query_done(stmt);
    *out = v;
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading a person's facts");
}

/* Gives one person the lists of the agreements, meetings and quotes they take part in, each
 * fact in brief ({id, name, signed}, {id, date, place}, {id, text}): the fact itself is one
 * request away. */
static int attach_person_facts(store *st, store_arena *a, store_row *row)
{
    store_person *p = &row->person;
    const char **agreements, **meetings, **quotes;

    if (read_briefs(st, a, SQL_PERSON_AGREEMENTS, p->id, 3, &agreements, &p->n_agreements) ||
        read_briefs(st, a, SQL_PERSON_MEETINGS, p->id, 3, &meetings, &p->n_meetings) ||
        read_briefs(st, a, SQL_PERSON_QUOTES, p->id, 2, &quotes, &p->n_quotes))
        return STORE_ERROR;
    p->agreements = store_arena_alloc(a, (p->n_agreements + 1) * sizeof(*p->agreements));
    p->meetings = store_arena_alloc(a, (p->n_meetings + 1) * sizeof(*p->meetings));
    p->quotes = store_arena_alloc(a, (p->n_quotes + 1) * sizeof(*p->quotes));
    if (!p->agreements || !p->meetings || !p->quotes)
        return store_fail(st, "out of memory");
    for (size_t i = 0; i < p->n_agreements; i++)
        p->agreements[i] = (store_agreement_brief){agreements[3 * i], agreements[3 * i + 1],
                                                   agreements[3 * i + 2]};
    for (size_t i = 0; i < p->n_meetings; i++)
        p->meetings[i] = (store_meeting_brief){meetings[3 * i], meetings[3 * i + 1],
                                               meetings[3 * i + 2]};
    for (size_t i = 0; i < p->n_quotes; i++)
        p->quotes[i] = (store_quote_brief){quotes[2 * i], quotes[2 * i + 1]};
    p->facts_read = true;
    return STORE_OK;
}

/* One row of a kind by id, with its evidence as asked, what its list entry shows and, with
 * `item`, what a single resource shows beyond it. */
static int get_row_locked(store *st, enum store_kind kind, const char *id,
                          enum store_evidence evidence, bool item, store_arena *a, store_row *row)
{
    const store_kind_info *k = store_kind_info_of(kind);
    db_stmt *stmt = NULL;

    memset(row, 0, sizeof(*row));
    if (!k)
        return store_fail(st, "unknown kind %d", (int)kind);
    if (!id)
        return store_fail(st, "no id given");
    if (!(stmt = store_query(st, k->get_sql)))
        return STORE_ERROR;
    db_bind_text(stmt, 1, id, -1);
    int rc = db_step(stmt);
    if (rc == DB_DONE) {
        store_query_done(stmt);
        store_fail(st, "no %s with id '%s'", k->noun, id);
        return STORE_NOT_FOUND;
    }
    if (rc != DB_ROW) {
        store_query_done(stmt);
        return store_db_fail(st, "reading");
    }
    bool read = k->read(a, stmt, row);
    store_query_done(stmt);
    if (!read)
        return store_fail(st, "out of memory");
    if (store_attach_evidence(st, k, a, row, 1, evidence) ||
        (k->complete_page && k->complete_page(st, a, row, 1)) ||
        (item && k->complete_item && k->complete_item(st, a, row)))
        return STORE_ERROR;
    return STORE_OK;
}

int store_get_item_locked(store *st, enum store_kind kind, const char *id,
                          enum store_evidence evidence, store_arena *a, store_row *row)
{
    return get_row_locked(st, kind, id, evidence, true, a, row);
}

int store_get_listed_locked(store *st, enum store_kind kind, const char *id, store_arena *a,
                            store_row *row)
{
    return get_row_locked(st, kind, id, STORE_EVIDENCE_FULL, false, a, row);
}

int store_get_item(store *st, enum store_kind kind, const char *id, enum store_evidence evidence,
                   store_item *item)
{
    memset(item, 0, sizeof(*item));
    if (!(item->arena = store_arena_new()))
        return store_fail(st, "out of memory");
    if (store_begin_read(st)) {
        store_item_release(item);
        return STORE_ERROR;
    }
    int rc = store_get_item_locked(st, kind, id, evidence, item->arena, &item->row);
    if (rc == STORE_OK && store_commit(st))
        rc = STORE_ERROR;
    if (rc != STORE_OK) {
        store_rollback(st);
        store_item_release(item);
    }
    return rc;
}

int store_source_text(store *st, const char *id, char **text, size_t *len)
{
    db_stmt *stmt = store_query(st, SQL_SOURCE_TEXT);
    int result = STORE_ERROR;

    *text = NULL;
    *len = 0;
    if (!stmt)
        return STORE_ERROR;
    db_bind_text(stmt, 1, id ? id : "", -1);
    int rc = db_step(stmt);
    if (rc == DB_ROW) {
        size_t n = 0;
        const void *blob = db_column_blob(stmt, 0, &n);
        /* One spare NUL so that callers may print it, though len is the length. */
        char *copy = malloc(n + 1);
        if (!copy) {
            result = store_fail(st, "out of memory");
        } else {
            if (n)
                memcpy(copy, blob, n);
            copy[n] = '\0';
            *text = copy;
            *len = n;
            result = STORE_OK;
        }
    } else if (rc == DB_DONE) {
        result = STORE_NOT_FOUND;
        store_fail(st, "no source with id '%s'", id ? id : "");
    } else {
        store_db_fail(st, "reading a source text");
    }
    store_query_done(stmt);
    return result;
}

int store_count(store *st, enum store_kind kind, long long *count)
{
    const store_kind_info *k = store_kind_info_of(kind);
    db_stmt *stmt;

    *count = 0;
    if (!k)
        return store_fail(st, "unknown kind %d", (int)kind);
    if (!(stmt = store_query(st, k->count_sql)))
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        *count = db_column_int64(stmt, 0);
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "counting");
}

static const char SQL_VERSION[] =
    "SELECT key, value FROM meta WHERE key IN ('generation', 'modified_at')";
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

/* SQLite's data version of the handle's database, which changes whenever another connection
 * commits to it (and not when this one does). */
static int store_data_version(store *st, long long *out)
{
    db_stmt *stmt = store_query(st, SQL_DATA_VERSION);
    if (!stmt)
        return STORE_ERROR;
    int rc = db_step(stmt);
    if (rc == DB_ROW)
        *out = db_column_int64(stmt, 0);
    store_query_done(stmt);
    return rc == DB_ROW ? STORE_OK : store_db_fail(st, "reading SQLite's data version");
}

/* Every request the server answers asks for the version first, so a read-only handle keeps
 * the last one it read with the data_version of that moment: such a handle commits nothing
 * itself, so while data_version stands still no connection has committed since, and the kept
 * version holds.  The pragma costs a read transaction but no table.  The pragma is read
 * before the meta rows: a commit between the two makes the next call read them again.
 * PostgreSQL has no such counter: the generation row, which every write transaction bumps
 * (write.c), is read each time. */
int store_get_version(store *st, store_version *out)
{
    long long data_version = 0;
    bool kept = st->readonly && !store_pg(st) && store_data_version(st, &data_version) == STORE_OK;
    if (kept && st->version_known && data_version == st->data_version) {
        *out = st->version;
        return STORE_OK;
    }

    db_stmt *stmt = store_query(st, SQL_VERSION);
    int rc;

    memset(out, 0, sizeof *out);
    if (!stmt)
        return STORE_ERROR;
    while ((rc = db_step(stmt)) == DB_ROW) {
        const char *key = db_column_text(stmt, 0, NULL);
        const char *value = db_column_text(stmt, 1, NULL);
        if (!key || !value)
            continue;
        if (strcmp(key, "generation") == 0)
            out->generation = db_column_int64(stmt, 1);
        else
            snprintf(out->modified_at, sizeof out->modified_at, "%s", value);
    }
    store_query_done(stmt);
    if (rc == DB_DONE && kept) {
        st->version = *out;
        st->data_version = data_version;
        st->version_known = true;
    }
    return rc == DB_DONE ? STORE_OK : store_db_fail(st, "reading the data version");
}
