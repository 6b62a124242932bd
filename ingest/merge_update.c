/* merge_update: the incremental merge, exact to a full one.
 *
 * A full merge (ingest_merge) clusters every report of every article.  Its clusters are the
 * connected parts of a graph whose edges join two reports that are one fact; two such
 * reports always share a blocking key (ingest_merge_keys), and a fact's id is hashed from
 * its merge_key, with a counter when facts of one kind share a key (in the order of their
 * first report).  So the facts that an added or deleted article can change are found from
 * the store's index (store/merge_index.c) without reading the rest:
 *
 *   1. People first.  The reports of the article's people, every report that shares a
 *      name key, a surname or a handle with one of them, and every report of a person any
 *      of those was merged into, to a fixed point: the people merge reads nothing else (a
 *      surname alone joins the one full name that has it, so all of a surname's reports go
 *      together).  They are merged again as a full merge would; a report whose person id
 *      or name changes makes the reports that refer to it "dirty".
 *   2. Then agreements, meetings and quotes, each on its own: the dirty reports (the
 *      article's own and those whose people changed), every report that shares a blocking
 *      key with a dirty one, and the whole of every fact any of them was in.  A report that
 *      is not dirty has the same edges as before, all inside its old fact; so the clusters
 *      of this set are exactly the full merge's.  Facts whose merge_key one of them had or
 *      has join too (the counters), and, for meetings, the other meetings of an article
 *      without a full publication date (an undated meeting takes its month from them).
 *   3. These reports are merged by ingest_merge_with (the same code as the full merge, with
 *      the people references looked up in the store) and their facts spliced in place of
 *      the old ones; a deleted article's reports are simply left out.
 *
 * Everything runs in one write transaction: readers see the facts before or after. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/ingest.h"
#include "store/merge_work.h"
#include "store/store.h"
#include "util/digest.h"
#include "util/log.h"
#include "util/strbuf.h"

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const fact_lists[] = {"agreements", "meetings", "quotes"};

typedef struct update {
    store *st;
    const char *kind; /* the list being merged again */
    json_t *
        entries; /* "source\x1fidx" -> {"source_id", "idx", "report", "published", "fact_id"?, "dirty"?} */
    json_t *queue;     /* entries added and not yet followed */
    json_t *removed;   /* source id -> true: articles whose reports are left out */
    json_t *facts;     /* old fact ids whose reports are all in entries */
    json_t *keys;      /* blocking keys already looked up */
    json_t *sources;   /* articles whose meetings are all in entries */
    json_t *refs;      /* "source\x1fkey" -> [person id, name], by article as needed */
    json_t *refs_read; /* articles whose references are in refs */
    json_t *joined;    /* "kind\x1fsource\x1fidx" -> true: new reports a fast join placed */
} update;

static char *entry_key(const char *source, json_int_t idx)
{
    strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s\x1f%lld", source, (long long)idx);
    return strbuf_detach(&sb, NULL);
}

static const char *str(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* --- the store's rows as the merge holds them --- */

/* Appends to `out` the reports store_merge_items() finds, each as {"source_id", "idx",
 * "fact_id", "report_text" (its JSON), "published"}. */
static int items_json(store *st, enum store_merge_by by, const char *kind, const char *a,
                      const char *b, json_t *out)
{
    store_merge_reports rows;
    if (store_merge_items(st, by, kind, a, b, &rows))
        return -1;
    for (size_t i = 0; i < rows.n; i++) {
        const store_merge_report *r = &rows.v[i];
        json_array_append_new(out, json_pack("{s:s, s:I, s:s, s:s%, s:s?}", "source_id",
                                             r->source_id, "idx", (json_int_t)r->idx, "fact_id",
                                             r->fact_id, "report_text", r->report, r->report_len,
                                             "published", r->published));
    }
    store_merge_reports_release(&rows);
    return 0;
}

/* Adds to refs "source\x1fkey" -> [person id, name] for each person the article knows that
 * refs has no entry for. */
static int refs_json(store *st, const char *source, json_t *refs)
{
    store_merge_ref_list rows;
    if (store_merge_refs(st, source, &rows))
        return -1;
    strbuf at = STRBUF_INIT;
    for (size_t i = 0; i < rows.n; i++) {
        strbuf_reset(&at);
        strbuf_addf(&at, "%s\x1f%s", source, rows.v[i].key);
        if (!json_object_get(refs, at.buf))
            json_object_set_new(refs, at.buf,
                                json_pack("[s, s]", rows.v[i].person_id, rows.v[i].name));
    }
    strbuf_release(&at);
    store_merge_ref_list_release(&rows);
    return 0;
}

/* Appends to the array `ids` the facts of `kind` whose merge_key is `merge_key`. */
static int facts_by_key_json(store *st, const char *kind, const char *merge_key, json_t *ids)
{
    store_strings rows;
    if (store_merge_facts_by_key(st, kind, merge_key, &rows))
        return -1;
    for (size_t i = 0; i < rows.n; i++)
        json_array_append_new(ids, json_string(rows.v[i]));
    store_strings_release(&rows);
    return 0;
}

/* Adds to the object `ids` (as keys) the facts store_merge_item_facts() finds. */
static int item_facts_json(store *st, enum store_merge_by by, const char *kind, const char *a,
                           const char *b, json_t *ids)
{
    store_strings rows;
    if (store_merge_item_facts(st, by, kind, a, b, &rows))
        return -1;
    for (size_t i = 0; i < rows.n; i++)
        json_object_set_new(ids, rows.v[i], json_true());
    store_strings_release(&rows);
    return 0;
}

/* Adds a report (a row of store_merge_items, or one of a new article) unless it is there
 * or its article is being deleted; marks it dirty when asked.  Returns the entry or NULL. */
static json_t *add_entry(update *u, json_t *row, bool dirty)
{
    const char *source = str(row, "source_id");
    if (json_object_get(u->removed, source))
        return NULL;
    char *k = entry_key(source, json_integer_value(json_object_get(row, "idx")));
    json_t *e = json_object_get(u->entries, k);
    if (!e) {
        /* the row becomes the entry: its report parsed (an indexed one comes as text), with
         * its place, as as_sources hands it over */
        const char *text = str(row, "report_text");
        json_t *report = text ? json_loads(text, 0, NULL)
                              : json_deep_copy(json_object_get(row, "report"));
        if (!report) {
            free(k);
            return NULL;
        }
        json_object_set(report, "_idx", json_object_get(row, "idx"));
        e = json_copy(row);
        json_object_del(e, "report_text");
        json_object_set_new(e, "report", report);
        json_object_set_new(u->entries, k, e);
        json_array_append_new(u->queue, json_string(k));
    }
    if (dirty && !json_is_true(json_object_get(e, "dirty"))) {
        json_object_set_new(e, "dirty", json_true());
        json_array_append_new(u->queue, json_string(k));
    }
    free(k);
    return e;
}

static int add_rows(update *u, enum store_merge_by by, const char *a, const char *b, bool dirty)
{
    json_t *rows = json_array(), *row;
    size_t i;
    if (items_json(u->st, by, u->kind, a, b, rows)) {
        json_decref(rows);
        return -1;
    }
    json_array_foreach(rows, i, row)
        add_entry(u, row, dirty);
    json_decref(rows);
    return 0;
}

/* Adds every report of an old fact. */
static int add_fact(update *u, const char *fact_id)
{
    if (!fact_id || json_object_get(u->facts, fact_id))
        return 0;
    json_object_set_new(u->facts, fact_id, json_true());
    return add_rows(u, STORE_MERGE_BY_FACT, fact_id, NULL, false);
}

static int read_refs(update *u, const char *source)
{
    if (json_object_get(u->refs_read, source))
        return 0;
    json_object_set_new(u->refs_read, source, json_true());
    return refs_json(u->st, source, u->refs);
}

static bool full_date(const char *d)
{
    int y = 0, m = 0, day = 0;
    return d && sscanf(d, "%d-%d-%d", &y, &m, &day) == 3 && y && m && day;
}

/* Follows one entry: its old fact; for a dirty one (or any person report), whatever
 * shares a blocking key with it; for a meeting of an article without a full date, that
 * article's other meetings. */
static int follow(update *u, json_t *e)
{
    const char *source = str(e, "source_id");
    bool people = strcmp(u->kind, "people") == 0;
    if (add_fact(u, str(e, "fact_id")))
        return -1;
    if (strcmp(u->kind, "meetings") == 0 && !full_date(str(e, "published")) &&
        !json_object_get(u->sources, source)) {
        json_object_set_new(u->sources, source, json_true());
        if (add_rows(u, STORE_MERGE_OF_SOURCE, source, NULL, false))
            return -1;
    }
    if (!people && !json_is_true(json_object_get(e, "dirty")))
        return 0;
    if (!people && read_refs(u, source))
        return -1;
    json_t *keys = ingest_merge_keys(u->kind, source, json_object_get(e, "report"),
                                     people ? NULL : u->refs);
    if (!keys)
        return 0;
    json_object_set(e, "keys", keys);
    size_t i;
    json_t *k;
    int rc = 0;
    bool quotes = strcmp(u->kind, "quotes") == 0, all_words = false;
    /* a quote with no speaker joins every report of its words; one with a speaker, those
     * of its speaker, and every one when some report of the words names no speaker */
    json_array_foreach(keys, i, k)
        if (quotes && strncmp(json_string_value(k), "u:", 2) == 0)
            all_words = true;
    json_array_foreach(keys, i, k) {
        const char *key = json_string_value(k);
        strbuf probe = STRBUF_INIT;
        if (strncmp(key, "r:", 2) == 0)
            continue;
        if (quotes && strncmp(key, "w:", 2) == 0 && !all_words) {
            json_t *none = json_array();
            strbuf_addf(&probe, "u:%s", key + 2);
            rc = items_json(u->st, STORE_MERGE_BY_KEY, u->kind, probe.buf, NULL, none);
            all_words = json_array_size(none) > 0;
            json_decref(none);
            strbuf_reset(&probe);
            if (rc || !all_words) {
                strbuf_release(&probe);
                if (rc)
                    break;
                continue;
            }
        }
        /* a meeting's participant against the meetings naming it twice, and back */
        if (strncmp(key, "p:", 2) == 0)
            strbuf_addf(&probe, "pd:%s", key + 2);
        else if (strncmp(key, "pd:", 3) == 0)
            strbuf_addf(&probe, "p:%s", key + 3);
        else
            strbuf_addstr(&probe, key);
        if (json_object_get(u->keys, probe.buf)) {
            strbuf_release(&probe);
            continue;
        }
        json_object_set_new(u->keys, probe.buf, json_true());
        rc = add_rows(u, STORE_MERGE_BY_KEY, probe.buf, NULL, false);
        strbuf_release(&probe);
        if (rc)
            break;
        /* a generic agreement with a number, and the named ones whose names hold it */
        if (strcmp(u->kind, "agreements") == 0 && strncmp(key, "g:", 2) == 0)
            rc = add_rows(u, STORE_MERGE_KEY_HOLDS, "n:", key + 2, false);
        else if (strcmp(u->kind, "agreements") == 0 && strncmp(key, "n:", 2) == 0)
            rc = add_rows(u, STORE_MERGE_KEY_WITHIN, "g:", key + 2, false);
        if (rc)
            break;
    }
    json_decref(keys);
    return rc;
}

static int follow_all(update *u)
{
    while (json_array_size(u->queue)) {
        json_t *k = json_incref(json_array_get(u->queue, 0));
        json_array_remove(u->queue, 0);
        json_t *e = json_object_get(u->entries, json_string_value(k));
        json_decref(k);
        if (e && follow(u, e))
            return -1;
    }
    return 0;
}

/* The entries as the articles ingest_merge_with reads: each with the reports it has in the
 * set, in their order, each carrying its place ("_idx"). */
static json_t *as_sources(update *u)
{
    json_t *by_source = json_object(), *e, *sources = json_array();
    const char *k;
    json_object_foreach(u->entries, k, e) {
        const char *source = str(e, "source_id");
        json_t *src = json_object_get(by_source, source);
        if (!src) {
            src = json_pack("{s:s, s:{s:[]}}", "source_id", source, "extraction", u->kind);
            if (str(e, "published"))
                json_object_set_new(json_object_get(src, "extraction"), "published",
                                    json_string(str(e, "published")));
            json_object_set_new(by_source, source, src);
        }
        json_array_append(json_object_get(json_object_get(src, "extraction"), u->kind),
                          json_object_get(e, "report"));
    }
    json_t *src;
    json_object_foreach(by_source, k, src) {
        json_t *list = json_object_get(json_object_get(src, "extraction"), u->kind);
        /* in extraction order: a small insertion sort per article */
        for (size_t i = 1; i < json_array_size(list); i++)
            for (size_t j = i; j > 0; j--) {
                json_t *a = json_array_get(list, j - 1), *b = json_array_get(list, j);
                if (json_integer_value(json_object_get(a, "_idx")) <=
                    json_integer_value(json_object_get(b, "_idx")))
                    break;
                json_incref(a);
                json_array_set(list, j - 1, b);
                json_array_set_new(list, j, a);
            }
        json_array_append(sources, src);
    }
    json_decref(by_source);
    return sources;
}

/* Gives each entry the id of the new fact it is in ("new_id"). */
static void mark_members(update *u, const json_t *facts)
{
    size_t i, k;
    json_t *f, *m;
    json_array_foreach(facts, i, f)
        json_array_foreach(json_object_get(f, "merge_members"), k, m) {
            char *key = entry_key(json_string_value(json_array_get(m, 0)),
                                  json_integer_value(json_array_get(m, 1)));
            json_t *e = json_object_get(u->entries, key);
            if (e)
                json_object_set(e, "new_id", json_object_get(f, "id"));
            free(key);
        }
}

/* Adds the facts that share a merge_key with a new fact or an old one of the set (their
 * counters depend on one another).  1 when it added any, 0 when none, -1 on error. */
static int add_key_sharers(update *u, const json_t *facts)
{
    json_t *mkeys = json_object(), *f, *v;
    size_t i;
    const char *k;
    int added = 0;
    json_array_foreach(facts, i, f)
        json_object_set_new(mkeys, str(f, "merge_key"), json_true());
    json_object_foreach(u->facts, k, v) {
        char *mk = NULL;
        if (store_merge_fact_key(u->st, u->kind, k, &mk)) {
            json_decref(mkeys);
            return -1;
        }
        if (mk)
            json_object_set_new(mkeys, mk, json_true());
        free(mk);
    }
    json_object_foreach(mkeys, k, v) {
        json_t *ids = json_array(), *id;
        size_t n;
        if (facts_by_key_json(u->st, u->kind, k, ids)) {
            json_decref(ids);
            json_decref(mkeys);
            return -1;
        }
        json_array_foreach(ids, n, id)
            if (!json_object_get(u->facts, json_string_value(id))) {
                if (add_fact(u, json_string_value(id)))
                    added = -1;
                else if (added >= 0)
                    added = 1;
            }
        json_decref(ids);
    }
    json_decref(mkeys);
    return added;
}

/* The people a report refers to, as refs holds them for its article, kept in the report
 * ("_refs": key -> [person id, name]): a report whose people change is dirty and written
 * again, so a stored one's "_refs" are current and its article's people need not be read. */
static void keep_refs(json_t *report, const char *source, const json_t *keys, const json_t *refs)
{
    json_t *kept = json_object(), *k;
    size_t i;
    json_array_foreach(keys, i, k) {
        const char *key = json_string_value(k);
        if (strncmp(key, "r:", 2) != 0)
            continue;
        strbuf at = STRBUF_INIT;
        strbuf_addf(&at, "%s\x1f%s", source, key + 2);
        json_t *ref = json_object_get(refs, at.buf);
        if (ref)
            json_object_set(kept, key + 2, ref);
        strbuf_release(&at);
    }
    json_object_set_new(report, "_refs", kept);
}

/* Puts into refs what the reports of the entries refer to: from "_refs" when a report has
 * them and is not dirty, else from the store. */
static int gather_refs(update *u)
{
    json_t *e;
    const char *k;
    json_object_foreach(u->entries, k, e) {
        const char *source = str(e, "source_id");
        const json_t *kept = json_object_get(json_object_get(e, "report"), "_refs");
        if (json_is_true(json_object_get(e, "dirty")) || !json_is_object(kept)) {
            if (read_refs(u, source))
                return -1;
            continue;
        }
        const char *key;
        json_t *ref;
        json_object_foreach((json_t *)kept, key, ref) {
            strbuf at = STRBUF_INIT;
            strbuf_addf(&at, "%s\x1f%s", source, key);
            json_object_set(u->refs, at.buf, ref);
            strbuf_release(&at);
        }
    }
    return 0;
}

/* Writes each entry's fact (and, for a dirty one, its keys) into the index. */
static int put_entries(update *u)
{
    json_t *e;
    const char *k;
    json_object_foreach(u->entries, k, e) {
        const char *id = str(e, "new_id");
        if (!id)
            continue; /* left out of every fact (it cannot happen for a valid report) */
        bool rekey = json_is_true(json_object_get(e, "dirty"));
        const char *old = str(e, "fact_id");
        if (!rekey && old && strcmp(old, id) == 0)
            continue; /* as it was */
        if (rekey && strcmp(u->kind, "people") != 0)
            keep_refs(json_object_get(e, "report"), str(e, "source_id"), json_object_get(e, "keys"),
                      u->refs);
        if (store_merge_put_item(u->st, u->kind, str(e, "source_id"),
                                 (int)json_integer_value(json_object_get(e, "idx")), id,
                                 json_object_get(e, "report"),
                                 rekey ? json_object_get(e, "keys") : NULL))
            return -1;
    }
    return 0;
}

static void update_reset(update *u, const char *kind)
{
    json_decref(u->entries);
    json_decref(u->queue);
    json_decref(u->facts);
    json_decref(u->keys);
    json_decref(u->sources);
    u->kind = kind;
    u->entries = json_object();
    u->queue = json_array();
    u->facts = json_object();
    u->keys = json_object();
    u->sources = json_object();
}

static char *joined_key(const char *kind, const char *source, size_t idx)
{
    strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s\x1f%s\x1f%zu", kind, source, idx);
    return strbuf_detach(&sb, NULL);
}

/* The new articles' reports of the current kind, dirty (those a fast join placed left out). */
static void add_new_reports(update *u, const json_t *added)
{
    size_t i, k;
    json_t *src, *r;
    json_array_foreach(added, i, src) {
        const json_t *x = json_object_get(src, "extraction");
        json_array_foreach(json_object_get(x, u->kind), k, r) {
            char *jk = joined_key(u->kind, str(src, "source_id"), k);
            bool placed = json_object_get(u->joined, jk) != NULL;
            free(jk);
            if (placed)
                continue;
            json_t *keys = ingest_merge_keys(u->kind, str(src, "source_id"), r, NULL);
            if (!keys)
                continue; /* the merge leaves it out */
            json_decref(keys);
            json_t *row = json_pack("{s:s, s:I, s:O, s:s?}", "source_id", str(src, "source_id"),
                                    "idx", (json_int_t)k, "report", r, "published",
                                    str(x, "published"));
            add_entry(u, row, true);
            json_decref(row);
        }
    }
}

/* Adds every report that shares a blocking key with a deleted person report: a full name
 * gone may leave one full name of its surname, which a surname given alone then joins. */
static int add_removed_person_keys(update *u, const json_t *row)
{
    const char *text = str(row, "report_text");
    json_t *report = text ? json_loads(text, 0, NULL) : NULL;
    json_t *keys = report ? ingest_merge_keys("people", str(row, "source_id"), report, NULL) : NULL;
    json_t *k;
    size_t i;
    int rc = 0;
    json_array_foreach(keys, i, k) {
        const char *key = json_string_value(k);
        if (json_object_get(u->keys, key))
            continue;
        json_object_set_new(u->keys, key, json_true());
        if ((rc = add_rows(u, STORE_MERGE_BY_KEY, key, NULL, false)))
            break;
    }
    json_decref(keys);
    json_decref(report);
    return rc;
}

/* The reports of the deleted articles' facts (the deleted reports left out), and for people
 * those that shared a key with a deleted report. */
static int add_removed_facts(update *u)
{
    const char *source;
    json_t *v;
    bool people = strcmp(u->kind, "people") == 0;
    json_object_foreach(u->removed, source, v) {
        json_t *rows = json_array(), *row;
        size_t i;
        if (items_json(u->st, STORE_MERGE_OF_SOURCE, u->kind, source, NULL, rows)) {
            json_decref(rows);
            return -1;
        }
        json_array_foreach(rows, i, row)
            if (add_fact(u, str(row, "fact_id")) || (people && add_removed_person_keys(u, row))) {
                json_decref(rows);
                return -1;
            }
        json_decref(rows);
    }
    return 0;
}

/* 1 when two people or more already have a full name with the surname `surname`, 0 when not
 * (or when the index cannot tell), -1 on error.  The people of the surname's reports (its
 * "s:" key) that are not those of its reports given alone ("k:") have a full name with it. */
static int surname_has_two_full_names(update *u, const char *surname)
{
    json_t *all = json_object(), *alone = json_object(), *v;
    const char *id;
    strbuf probe = STRBUF_INIT;
    int rc = 0, full_names = 0;
    strbuf_addf(&probe, "s:%s", surname);
    if (item_facts_json(u->st, STORE_MERGE_BY_KEY, "people", probe.buf, NULL, all))
        rc = -1;
    strbuf_reset(&probe);
    strbuf_addf(&probe, "k:%s", surname);
    if (!rc && item_facts_json(u->st, STORE_MERGE_BY_KEY, "people", probe.buf, NULL, alone))
        rc = -1;
    strbuf_release(&probe);
    if (!rc && !json_object_get(all, "") && !json_object_get(alone, ""))
        json_object_foreach(all, id, v)
            if (!json_object_get(alone, id))
                full_names++;
    json_decref(all);
    json_decref(alone);
    return rc ? rc : full_names >= 2;
}

/* Where a report of a name key no report had goes: 1 with *fact NULL when it is a person of
 * its own, 1 with *fact when it joins that person, 0 when the full path must tell, -1 on
 * error.  A full name is a person of its own unless its handle was seen (it joins that
 * handle's person) or a surname alone was given for its surname and fewer than two people
 * have a full name with it (the surname alone then joins, or leaves, the one that has it;
 * past two it joins none, before this name and after); a surname alone joins the one person
 * with a full name of that surname, if one alone has it. */
static int place_new_key(update *u, const json_t *report, const json_t *keys, char **fact)
{
    const char *key = str(report, "key");
    json_t *k, *facts = NULL;
    char *other = NULL;
    size_t i;
    int rc = 0;
    *fact = NULL;
    json_array_foreach(keys, i, k) {
        if (strncmp(json_string_value(k), "h:", 2) != 0)
            continue;
        if (store_merge_fact_of_key(u->st, "people", json_string_value(k), NULL, &other))
            return -1;
        if (other) {
            free(other);
            return 0;
        }
    }
    strbuf probe = STRBUF_INIT;
    const char *space = strrchr(key, ' ');
    if (space) {
        strbuf_addf(&probe, "k:%s", space + 1);
        if (store_merge_fact_of_key(u->st, "people", probe.buf, NULL, &other))
            rc = -1;
        else
            rc = other ? surname_has_two_full_names(u, space + 1) : 1;
        free(other);
        goto out;
    }
    strbuf_addf(&probe, "s:%s", key);
    facts = json_object();
    if (item_facts_json(u->st, STORE_MERGE_BY_KEY, "people", probe.buf, NULL, facts)) {
        rc = -1;
        goto out;
    }
    rc = 1;
    if (json_object_size(facts) == 1) {
        void *it = json_object_iter(facts);
        const char *id = json_object_iter_key(it);
        if (!*id)
            rc = 0; /* an older index: the full path */
        else
            *fact = strdup(id);
    }
out:
    strbuf_release(&probe);
    json_decref(facts);
    return rc;
}

/* Stores a report that is a person of its own (place_new_key): 1 when stored, 0 when its
 * id is taken (the full path tells), -1 on error. */
static int put_new_person(update *u, const char *source, size_t idx, const json_t *report,
                          const json_t *keys)
{
    json_t *summary = json_object(), *person = NULL, *people = NULL;
    char *taken = NULL;
    int rc = 0;
    ingest_merge_person_add(summary, source, (int)idx, report);
    if (!(person = ingest_merge_person(summary)))
        goto out;
    if (store_merge_fact_key(u->st, "people", str(person, "id"), &taken)) {
        rc = -1;
        goto out;
    }
    if (taken)
        goto out;
    json_object_set(person, "merge_summary", summary);
    people = json_pack("[O]", person);
    if (store_merge_put_people(u->st, people) ||
        store_merge_put_item(u->st, "people", source, (int)idx, str(person, "id"), report, keys)) {
        rc = -1;
        goto out;
    }
    char *jk = joined_key("people", source, idx);
    json_object_set_new(u->joined, jk, json_true());
    free(jk);
    rc = 1;
out:
    json_decref(summary);
    json_decref(person);
    json_decref(people);
    free(taken);
    return rc;
}

/* A fast join of one new person report: when a report of the same name key is in a person
 * already (and so is every report of its handle, if any), the new one joins that person and
 * nothing else moves: a full merge unites reports of one key, or one handle, and lets a
 * surname alone join the one full name that has it, which one more report of a key already
 * there does not change.  The person is worked out from its stored summary with the report
 * added; when its id or name would change, the reports that refer to it would too, and the
 * report is left to the full path.  1 when joined, 0 when not, -1 on error. */
static int join_person(update *u, const char *source, size_t idx, const json_t *report)
{
    json_t *keys = ingest_merge_keys("people", source, report, NULL);
    json_t *summary = NULL, *before = NULL, *after = NULL, *k;
    char *fact = NULL, *other = NULL;
    int rc = 0;
    size_t i;
    if (!keys)
        return 0;
    strbuf name_key = STRBUF_INIT;
    strbuf_addf(&name_key, "k:%s", str(report, "key"));
    if (store_merge_fact_of_key(u->st, "people", name_key.buf, NULL, &fact))
        goto fail;
    if (!fact) {
        int found = place_new_key(u, report, keys, &fact);
        if (found < 0)
            goto fail;
        if (!found)
            goto out;
        if (!fact) {
            rc = put_new_person(u, source, idx, report, keys);
            goto out;
        }
    }
    json_array_foreach(keys, i, k) {
        if (strncmp(json_string_value(k), "h:", 2) != 0)
            continue;
        if (store_merge_fact_of_key(u->st, "people", json_string_value(k), fact, &other))
            goto fail;
        if (other)
            goto out;
    }
    if (store_merge_fact_summary(u->st, "people", fact, &summary))
        goto fail;
    if (!summary || !(before = ingest_merge_person(summary)))
        goto out;
    ingest_merge_person_add(summary, source, (int)idx, report);
    if (!(after = ingest_merge_person(summary)) || strcmp(str(after, "id"), fact) != 0 ||
        strcmp(str(after, "id"), str(before, "id")) != 0 ||
        strcmp(str(after, "name"), str(before, "name")) != 0)
        goto out;
    json_object_set(after, "merge_summary", summary);
    json_t *people = json_pack("[O]", after);
    int bad = store_merge_put_people(u->st, people) ||
              store_merge_put_item(u->st, "people", source, (int)idx, fact, report, keys);
    json_decref(people);
    if (bad)
        goto fail;
    char *jk = joined_key("people", source, idx);
    json_object_set_new(u->joined, jk, json_true());
    free(jk);
    rc = 1;
    goto out;
fail:
    rc = -1;
out:
    strbuf_release(&name_key);
    json_decref(keys);
    json_decref(summary);
    json_decref(before);
    json_decref(after);
    free(fact);
    free(other);
    return rc;
}

typedef int (*join_fn)(update *u, const char *source, size_t idx, const json_t *report);

/* Fast joins of every report of one kind of the new articles (join_person, join_quote), one
 * report after the other: each sees the ones before it in the store. */
static int join_each(update *u, const json_t *added, const char *kind, join_fn join)
{
    size_t i, k;
    json_t *src, *r;
    json_array_foreach(added, i, src)
        json_array_foreach(json_object_get(json_object_get(src, "extraction"), kind), k, r)
            if (join(u, str(src, "source_id"), k, r) < 0)
                return -1;
    return 0;
}

/* Step 1: the people.  Fills *changed with "source\x1fkey" -> [source, key] for each
 * reference whose person id or name changed, and *gone with the old person ids that no
 * longer exist. */
static int update_people(update *u, const json_t *added, json_t *changed, json_t *gone)
{
    update_reset(u, "people");
    if (!json_object_size(u->removed) && join_each(u, added, "people", join_person))
        return -1;
    add_new_reports(u, added);
    if (add_removed_facts(u) || follow_all(u))
        return -1;
    if (!json_object_size(u->entries) && !json_object_size(u->facts))
        return 0;
    json_t *sources = as_sources(u);
    json_t *merged = ingest_merge_with(sources, NULL, true);
    json_decref(sources);
    json_t *people = json_object_get(merged, "people");
    mark_members(u, people);
    json_t *new_ids = json_object(), *f, *e;
    size_t i;
    const char *k;
    json_array_foreach(people, i, f)
        json_object_set_new(new_ids, str(f, "id"), json_string(str(f, "name")));
    int rc = 0;
    json_object_foreach(u->entries, k, e) {
        const char *old = str(e, "fact_id"), *now = str(e, "new_id");
        if (!old || !now)
            continue;
        char *old_name = NULL;
        if ((rc = store_merge_person_name(u->st, old, &old_name)))
            break;
        const char *new_name = str(new_ids, now);
        if (strcmp(old, now) != 0 || !old_name || !new_name || strcmp(old_name, new_name) != 0) {
            const char *key = str(json_object_get(e, "report"), "key");
            strbuf at = STRBUF_INIT;
            strbuf_addf(&at, "%s\x1f%s", str(e, "source_id"), key);
            json_object_set_new(changed, at.buf, json_pack("[s, s]", str(e, "source_id"), key));
            strbuf_release(&at);
        }
        free(old_name);
    }
    json_t *v;
    json_object_foreach(u->facts, k, v)
        if (!json_object_get(new_ids, k))
            json_object_set_new(gone, k, json_true());
    if (!rc && (store_merge_put_people(u->st, people) || put_entries(u)))
        rc = -1;
    json_decref(new_ids);
    json_decref(merged);
    return rc;
}

/* A fast join of one new quote report, as join_person: when a report of the same words names
 * no speaker, every report of the words is one quote, which the new one joins; else, when it
 * names a speaker, the quote of its words and speaker if there is one.  Nothing else moves.
 * The quote is worked out from its stored summary with the report added; when its merge_key
 * would change (its id with it), or another quote shares the key (ids with counters), the
 * report is left to the full path.  1 when joined, 0 when not, -1 on error. */
static int join_quote(update *u, const char *source, size_t idx, const json_t *report)
{
    json_t *keys = NULL, *summary = NULL, *before = NULL, *after = NULL, *sharers = NULL;
    json_t *evidence = NULL, *stored = NULL, *k;
    char *fact = NULL, *merge_key = NULL;
    const char *speaker_key = NULL, *words = NULL;
    int rc = 0;
    size_t i;
    strbuf probe = STRBUF_INIT;
    if (read_refs(u, source))
        return -1;
    if (!(keys = ingest_merge_keys("quotes", source, report, u->refs)))
        return 0;
    json_array_foreach(keys, i, k) {
        if (strncmp(json_string_value(k), "w:", 2) == 0)
            words = json_string_value(k) + 2;
        else if (strncmp(json_string_value(k), "q:", 2) == 0)
            speaker_key = json_string_value(k);
    }
    if (!words)
        goto out;
    strbuf_addf(&probe, "u:%s", words);
    if (store_merge_fact_of_key(u->st, "quotes", probe.buf, NULL, &fact) ||
        (!fact && speaker_key &&
         store_merge_fact_of_key(u->st, "quotes", speaker_key, NULL, &fact)))
        goto fail;
    if (!fact)
        goto out;
    if (store_merge_fact_summary(u->st, "quotes", fact, &summary) ||
        store_merge_fact_key(u->st, "quotes", fact, &merge_key))
        goto fail;
    if (!summary || !merge_key || !(before = ingest_merge_quote(summary)) ||
        strcmp(str(before, "merge_key"), merge_key) != 0)
        goto out;
    sharers = json_array();
    if (facts_by_key_json(u->st, "quotes", merge_key, sharers))
        goto fail;
    if (json_array_size(sharers) != 1)
        goto out;
    int in_fact = store_merge_source_in_fact(u->st, "quotes", source, fact);
    if (in_fact < 0)
        goto fail;
    ingest_merge_quote_add(summary, source, (int)idx, report, u->refs, !in_fact);
    if (!(after = ingest_merge_quote(summary)) || strcmp(str(after, "merge_key"), merge_key) != 0)
        goto out;
    evidence = json_array();
    json_array_foreach(json_object_get(report, "evidence"), i, k)
        json_array_append_new(evidence, json_pack("{s:s, s:O, s:O}", "source_id", source, "start",
                                                  json_object_get(k, "start"), "end",
                                                  json_object_get(k, "end")));
    stored = json_deep_copy(report);
    keep_refs(stored, source, keys, u->refs);
    if (store_merge_join_quote(u->st, fact, after,
                               strcmp(str(after, "text"), str(before, "text")) != 0, evidence) ||
        store_merge_put_fact(u->st, "quotes", fact, merge_key, summary) ||
        store_merge_put_item(u->st, "quotes", source, (int)idx, fact, stored, keys))
        goto fail;
    char *jk = joined_key("quotes", source, idx);
    json_object_set_new(u->joined, jk, json_true());
    free(jk);
    rc = 1;
    goto out;
fail:
    rc = -1;
out:
    strbuf_release(&probe);
    json_decref(keys);
    json_decref(summary);
    json_decref(before);
    json_decref(after);
    json_decref(sharers);
    json_decref(evidence);
    json_decref(stored);
    free(fact);
    free(merge_key);
    return rc;
}

/* The spans of a new report, each with its article, as a fact's evidence lists them. */
static json_t *report_spans(const char *source, const json_t *report)
{
    json_t *spans = json_array(), *k;
    size_t i;
    json_array_foreach(json_object_get(report, "evidence"), i, k)
        json_array_append_new(spans, json_pack("{s:s, s:O, s:O}", "source_id", source, "start",
                                               json_object_get(k, "start"), "end",
                                               json_object_get(k, "end")));
    return spans;
}

/* A fast join of one new agreement report, the only one of its article: the agreements it
 * can be one document with are found from its blocking keys, and compared through their
 * summaries (what agreements_same() reads of each distinct report).  When exactly one
 * agreement matches, the report joins it (no other pair changes: a full merge unites the
 * pairs that match, and every pair but the new report's is as it was); when none does and
 * no agreement has its key, it is an agreement of its own.  Else, or when the id would
 * change or take a counter, the report is left to the full path.  1 when placed, 0 when
 * not, -1 on error. */
static int join_agreement(update *u, const char *source, size_t idx, const json_t *report)
{
    json_t *keys = NULL, *candidates = json_object(), *summary = NULL, *before = NULL;
    json_t *after = NULL, *sharers = json_array(), *stored = NULL, *spans = NULL, *k, *v;
    char *merge_key = NULL, *fact = NULL;
    const char *id;
    int rc = 0;
    size_t i;
    if (read_refs(u, source)) {
        rc = -1;
        goto out;
    }
    if (!(keys = ingest_merge_keys("agreements", source, report, u->refs)))
        goto out;
    json_array_foreach(keys, i, k) {
        const char *key = json_string_value(k);
        int bad = 0;
        if (strncmp(key, "r:", 2) == 0)
            continue;
        bad = item_facts_json(u->st, STORE_MERGE_BY_KEY, "agreements", key, NULL, candidates);
        if (!bad && strncmp(key, "g:", 2) == 0)
            bad = item_facts_json(u->st, STORE_MERGE_KEY_HOLDS, "agreements", "n:", key + 2,
                                  candidates);
        else if (!bad && strncmp(key, "n:", 2) == 0)
            bad = item_facts_json(u->st, STORE_MERGE_KEY_WITHIN, "agreements", "g:", key + 2,
                                  candidates);
        if (bad)
            goto fail;
    }
    /* the agreements the report is one document with, each compared through what its summary
     * keeps of its reports; only the one it joins has its whole summary read */
    json_object_foreach(candidates, id, v) {
        json_t *sigs = json_array();
        if (store_merge_agreement_sigs(u->st, id, sigs)) {
            json_decref(sigs);
            goto fail;
        }
        bool summed = json_array_size(sigs) > 0, same = false;
        if (summed)
            same = ingest_merge_agreement_matches(sigs, source, report);
        json_decref(sigs);
        if (!summed)
            goto out; /* not summed up yet: the full path */
        if (same && fact)
            goto out; /* it would join two agreements into one */
        if (same)
            fact = strdup(id);
    }
    if (fact && store_merge_fact_summary(u->st, "agreements", fact, &summary))
        goto fail;
    if (fact && !summary)
        goto out;
    if (!summary)
        summary = json_object();
    else if (store_merge_fact_key(u->st, "agreements", fact, &merge_key))
        goto fail;
    if (fact && (!merge_key || !(before = ingest_merge_agreement(summary)) ||
                 strcmp(str(before, "merge_key"), merge_key) != 0))
        goto out;
    ingest_merge_agreement_add(summary, source, (int)idx, report, u->refs, true);
    if (!(after = ingest_merge_agreement(summary)))
        goto out;
    if (!fact) {
        merge_key = strdup(str(after, "merge_key"));
    } else if (strcmp(str(after, "merge_key"), merge_key) != 0) {
        goto out;
    }
    if (facts_by_key_json(u->st, "agreements", merge_key, sharers))
        goto fail;
    if (json_array_size(sharers) != (fact ? 1u : 0u))
        goto out;
    spans = report_spans(source, report);
    if (fact) {
        if (store_merge_join_agreement(u->st, fact, after, spans) ||
            store_merge_put_fact(u->st, "agreements", fact, merge_key, summary))
            goto fail;
    } else {
        char new_id[FACT_ID_LEN + 1];
        if (!fact_id_of("agreement", merge_key, new_id))
            goto out;
        fact = strdup(new_id);
        json_object_set_new(after, "id", json_string(new_id));
        json_object_set(after, "evidence", spans);
        json_object_set_new(after, "merge_members", json_pack("[[s, i]]", source, (int)idx));
        json_object_set(after, "merge_summary", summary);
        json_t *facts = json_pack("[O]", after);
        int bad = store_merge_splice(u->st, "agreements", NULL, 0, facts);
        json_decref(facts);
        if (bad)
            goto fail;
    }
    stored = json_deep_copy(report);
    keep_refs(stored, source, keys, u->refs);
    if (store_merge_put_item(u->st, "agreements", source, (int)idx, fact, stored, keys))
        goto fail;
    char *jk = joined_key("agreements", source, idx);
    json_object_set_new(u->joined, jk, json_true());
    free(jk);
    rc = 1;
    goto out;
fail:
    rc = -1;
out:
    json_decref(keys);
    json_decref(candidates);
    json_decref(summary);
    json_decref(before);
    json_decref(after);
    json_decref(sharers);
    json_decref(stored);
    json_decref(spans);
    free(merge_key);
    free(fact);
    return rc;
}

/* Fast joins of the new articles' agreements (join_agreement), for the articles that report
 * one: two reports of one article are told apart by rules a summary does not keep. */
static int join_agreements(update *u, const json_t *added)
{
    size_t i, k, valid, at = 0;
    json_t *src, *r;
    json_array_foreach(added, i, src) {
        const json_t *list = json_object_get(json_object_get(src, "extraction"), "agreements");
        valid = 0;
        json_array_foreach(list, k, r) {
            json_t *keys = ingest_merge_keys("agreements", str(src, "source_id"), r, NULL);
            if (keys) {
                valid++;
                at = k;
            }
            json_decref(keys);
        }
        if (valid == 1 &&
            join_agreement(u, str(src, "source_id"), at, json_array_get(list, at)) < 0)
            return -1;
    }
    return 0;
}

/* Step 2 for one list. */
static int update_facts(update *u, const char *kind, const json_t *added, const json_t *changed)
{
    update_reset(u, kind);
    /* fast joins only when no person changed: a changed one's facts are worked out again */
    if (!json_object_size(u->removed) && !json_object_size(changed) &&
        ((strcmp(kind, "quotes") == 0 && join_each(u, added, "quotes", join_quote)) ||
         (strcmp(kind, "agreements") == 0 && join_agreements(u, added))))
        return -1;
    add_new_reports(u, added);
    json_t *v;
    const char *k;
    json_object_foreach((json_t *)changed, k, v) {
        strbuf key = STRBUF_INIT;
        strbuf_addf(&key, "r:%s", json_string_value(json_array_get(v, 1)));
        int rc = add_rows(u, STORE_MERGE_BY_KEY_IN_SOURCE, key.buf,
                          json_string_value(json_array_get(v, 0)), true);
        strbuf_release(&key);
        if (rc)
            return -1;
    }
    double t0 = seconds_now();
    if (add_removed_facts(u) || follow_all(u))
        return -1;
    if (!json_object_size(u->entries) && !json_object_size(u->facts))
        return 0;
    double t1 = seconds_now(), t2 = 0, t3 = 0;
    json_t *merged = NULL, *facts = NULL;
    for (;;) {
        if (gather_refs(u))
            return -1;
        t2 = seconds_now();
        json_t *sources = as_sources(u);
        json_decref(merged);
        merged = ingest_merge_with(sources, u->refs, true);
        json_decref(sources);
        facts = json_object_get(merged, kind);
        t3 = seconds_now();
        int more = add_key_sharers(u, facts);
        if (more < 0 || (more && follow_all(u))) {
            json_decref(merged);
            return -1;
        }
        if (!more)
            break;
    }
    mark_members(u, facts);
    /* the keys of u->facts, which stays as it is until the splice is done */
    size_t n_old = 0;
    const char **old_ids = malloc((json_object_size(u->facts) + 1) * sizeof *old_ids);
    if (!old_ids) {
        json_decref(merged);
        return -1;
    }
    json_object_foreach(u->facts, k, v)
        old_ids[n_old++] = k;
    double t4 = seconds_now();
    int rc = store_merge_splice(u->st, kind, old_ids, n_old, facts);
    double t5 = seconds_now();
    rc = rc || put_entries(u) ? -1 : 0;
    log_debug("merge: %s: follow %.3f refs %.3f merge %.3f sharers %.3f splice %.3f put %.3f", kind,
              t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, seconds_now() - t5);
    free(old_ids);
    json_decref(merged);
    return rc;
}

/* Indexes the new articles (with their publication dates). */
static int index_sources(store *st, const json_t *added)
{
    size_t i;
    json_t *src;
    json_array_foreach(added, i, src)
        if (store_merge_put_source(st, str(src, "source_id"),
                                   str(json_object_get(src, "extraction"), "published")))
            return -1;
    return 0;
}

/* The incremental merge of `added` ([{"source_id", "extraction"}]) and of the deletion of
 * `removed` (a source id, or NULL), inside the caller's write transaction. */
static int update_locked(store *st, const json_t *added, const char *removed, bool last)
{
    update u = {.st = st,
                .removed = json_object(),
                .refs = json_object(),
                .refs_read = json_object(),
                .joined = json_object()};
    json_t *changed = json_object(), *gone = json_object();
    int rc = -1;
    if (removed)
        json_object_set_new(u.removed, removed, json_true());
    if (index_sources(st, added))
        goto out;
    double t0 = seconds_now();
    if (update_people(&u, added, changed, gone))
        goto out;
    log_debug("merge: people: %zu joined at once, %zu reports in %.3f s, %zu references changed",
              json_object_size(u.joined), json_object_size(u.entries), seconds_now() - t0,
              json_object_size(changed));
    for (size_t i = 0; i < sizeof fact_lists / sizeof fact_lists[0]; i++) {
        t0 = seconds_now();
        if (update_facts(&u, fact_lists[i], added, changed))
            goto out;
        log_debug("merge: %s: %zu reports of %zu facts in %.3f s", fact_lists[i],
                  json_object_size(u.entries), json_object_size(u.facts), seconds_now() - t0);
    }
    json_t *v;
    const char *k;
    json_object_foreach(gone, k, v)
        if (store_merge_drop_person(st, k))
            goto out;
    if ((removed && store_merge_drop_source(st, removed)) ||
        store_merge_index_done(st, false, last))
        goto out;
    rc = 0;
out:
    update_reset(&u, NULL);
    json_decref(u.entries);
    json_decref(u.queue);
    json_decref(u.facts);
    json_decref(u.keys);
    json_decref(u.sources);
    json_decref(u.removed);
    json_decref(u.refs);
    json_decref(u.refs_read);
    json_decref(u.joined);
    json_decref(changed);
    json_decref(gone);
    return rc;
}

/* ---- the full merge ----
 *
 * A full merge (merge --force, the first merge of a store) merges one list at a time: the
 * people, whose ids the others refer to, then agreements, meetings and quotes, which no
 * merge joins to one another.  It never holds a list:
 *
 *   1. It files each report of the list in the store's working tables (store/merge_work.h)
 *      with the keys that tie it to the reports it may be one fact with
 *      (ingest_merge_group_keys: two reports that are one fact share one).
 *   2. It reads the keys back sorted and unites the reports each key ties (tie_key), so
 *      that every report has its group; a number per report is all it keeps of the list.
 *      A person's and a quote's keys are exact: a group is one fact.
 *   3. It merges the groups in the order of their first reports: a person or a quote a
 *      report at a time into the fact's summary (merge_person, merge_quote), agreements and
 *      meetings a batch of groups at a time with ingest_merge_each_taken().  The clusters of
 *      a group are those of the whole list, since no cluster spans two groups.  Each fact
 *      is stored as soon as it is made, and the fact of each report noted.
 *   4. It indexes the reports in article order, and gives the facts of one id key made in
 *      two groups their counters in the order of their first reports (fix_counters).
 *
 * The references to people are read back from the people stored, an article at a time. */

/* Reports merged at once (whole groups, at least one): what a full merge holds. */
#define REBUILD_BATCH_REPORTS 2000

typedef struct rebuild {
    store *st;
    const char *kind; /* the list: "people", "agreements", ... */
    int items;        /* reports filed, numbered in merge order */
    int *parent;      /* union-find over the reports: the smallest of a group is its root */
    strbuf prev;      /* the key walked last, and its last report */
    int prev_item;
    bool linking; /* whether the reports under prev are tied */
    struct open_key {
        char *key; /* a key that ties every key it begins (one that ends in "|") */
        int item;
    } * open; /* those that begin the key walked, outermost first */
    size_t nopen, open_cap;
    json_t *surnames; /* people: surname -> a full name's report of each person that has it */
    json_t *doubled;  /* meetings: participants some report names twice */
    json_t *numbers;  /* agreements: number of a generic mention -> one of its reports */
    json_t *collided; /* merge keys of which two facts were made */
    unsigned facts;
} rebuild;

static int uf_root(int *parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void uf_join(int *parent, int a, int b)
{
    a = uf_root(parent, a);
    b = uf_root(parent, b);
    if (a != b)
        parent[a < b ? b : a] = a < b ? a : b;
}

/* Files each report of one article's list (store_each_extraction_list); reading the
 * people, it also indexes every article (merge_sources), whether it reports any or not. */
static int file_list(void *ctx, const char *source, const char *published, json_t *items)
{
    rebuild *rb = ctx;
    bool meetings = strcmp(rb->kind, "meetings") == 0;
    json_t *refs = NULL, *r;
    size_t i;
    int rc = 0;
    if (strcmp(rb->kind, "people") == 0 && store_merge_put_source(rb->st, source, published))
        return STORE_ERROR;
    /* a meeting's keys are its participants' person ids, a quote's its speaker's */
    if ((meetings || strcmp(rb->kind, "quotes") == 0) && json_array_size(items) &&
        refs_json(rb->st, source, refs = json_object())) {
        json_decref(refs);
        return STORE_ERROR;
    }
    json_array_foreach(items, i, r) {
        json_t *ties = ingest_merge_group_keys(rb->kind, source, published, r, refs);
        if (!ties)
            continue; /* one the merge leaves out */
        if (rb->items == INT_MAX) {
            log_error("merge: more than %d reports of %s", INT_MAX, rb->kind);
            rc = -1;
        } else {
            rc = store_merge_work_put(rb->st, rb->items++, source, (int)i, published, r, ties);
        }
        json_decref(ties);
        if (rc)
            break;
    }
    json_decref(refs);
    return rc ? STORE_ERROR : 0;
}

/* Unites the reports filed under one key (the walk is in key order, so that a key comes
 * right before the keys it begins).  A key that ends in "|" ties every key it begins (an
 * agreement's day, a quote's words).  A meeting's participant ties only where some report
 * names it twice: two participants in common, or one named twice and once, is what one
 * meeting takes (meetings_same), and the pairs tie the rest.  Surnames tie nothing here
 * (join_surname).  A generic agreement's number is noted, to tie it to the names holding
 * it. */
static int tie_key(void *ctx, const char *key, long long item)
{
    rebuild *rb = ctx;
    if (rb->prev.len && strcmp(rb->prev.buf, key) == 0) {
        if (rb->linking)
            uf_join(rb->parent, rb->prev_item, (int)item);
    } else {
        strbuf_reset(&rb->prev);
        strbuf_addstr(&rb->prev, key);
        while (rb->nopen &&
               strncmp(key, rb->open[rb->nopen - 1].key, strlen(rb->open[rb->nopen - 1].key)) != 0)
            free(rb->open[--rb->nopen].key);
        if (rb->nopen)
            uf_join(rb->parent, rb->open[rb->nopen - 1].item, (int)item);
        size_t len = strlen(key);
        if (len && key[len - 1] == '|') {
            if (rb->nopen == rb->open_cap) {
                size_t cap = rb->open_cap ? 2 * rb->open_cap : 4;
                struct open_key *more = realloc(rb->open, cap * sizeof *more);
                if (!more) {
                    log_error("merge: out of memory");
                    return -1;
                }
                rb->open = more;
                rb->open_cap = cap;
            }
            rb->open[rb->nopen].key = strdup(key);
            rb->open[rb->nopen++].item = (int)item;
        }
        rb->linking = strncmp(key, "sn:", 3) != 0 && strncmp(key, "so:", 3) != 0;
        if (rb->doubled && strncmp(key, "p:", 2) == 0)
            rb->linking = json_object_get(rb->doubled, key + 2) != NULL;
        if (rb->numbers && strncmp(key, "g:", 2) == 0)
            json_object_set_new(rb->numbers, key + 2, json_integer(item));
    }
    rb->prev_item = (int)item;
    return 0;
}

static int note_doubled(void *ctx, const char *key, long long item)
{
    (void)item;
    json_object_set_new(((rebuild *)ctx)->doubled, key + 3, json_true());
    return 0;
}

typedef struct tie_to {
    rebuild *rb;
    int item;
} tie_to;

static int tie_to_item(void *ctx, const char *key, long long item)
{
    (void)key;
    tie_to *t = ctx;
    uf_join(t->rb->parent, t->item, (int)item);
    return 0;
}

/* Notes, for a full name's surname, one report of each person (as the names and handles
 * tie them) that has it. */
static int note_surname(void *ctx, const char *key, long long item)
{
    rebuild *rb = ctx;
    json_t *list = json_object_get(rb->surnames, key + 3), *x;
    size_t i;
    int root = uf_root(rb->parent, (int)item);
    if (!list)
        json_object_set_new(rb->surnames, key + 3, list = json_array());
    json_array_foreach(list, i, x)
        if (uf_root(rb->parent, (int)json_integer_value(x)) == root)
            return 0;
    json_array_append_new(list, json_integer(item));
    return 0;
}

/* A surname alone joins the one person with a full name that has it, when there is one
 * (people_merge), taking the reports in order as it does. */
static int join_surname(void *ctx, const char *key, long long item)
{
    rebuild *rb = ctx;
    json_t *list = json_object_get(rb->surnames, key + 3), *x;
    size_t i;
    int root = -1;
    json_array_foreach(list, i, x) {
        int r = uf_root(rb->parent, (int)json_integer_value(x));
        if (root >= 0 && r != root)
            return 0;
        root = r;
    }
    if (root >= 0)
        uf_join(rb->parent, root, (int)item);
    return 0;
}

/* Every report in its group: rb->parent.  The people's groups are their clusters. */
static int tie_reports(rebuild *rb)
{
    bool meetings = strcmp(rb->kind, "meetings") == 0;
    bool agreements = strcmp(rb->kind, "agreements") == 0;
    rb->parent = malloc((rb->items ? (size_t)rb->items : 1) * sizeof *rb->parent);
    if (!rb->parent) {
        log_error("merge: out of memory");
        return -1;
    }
    for (int i = 0; i < rb->items; i++)
        rb->parent[i] = i;
    if (meetings) {
        rb->doubled = json_object();
        if (store_merge_work_keys(rb->st, "pd:", NULL, note_doubled, rb))
            return -1;
    }
    if (agreements)
        rb->numbers = json_object();
    if (store_merge_work_keys(rb->st, NULL, NULL, tie_key, rb))
        return -1;
    if (strcmp(rb->kind, "people") == 0) {
        rb->surnames = json_object();
        if (store_merge_work_keys(rb->st, "sn:", NULL, note_surname, rb) ||
            store_merge_work_keys_by_item(rb->st, "so:", join_surname, rb))
            return -1;
    }
    /* a generic mention with a number is one agreement with a named one whose name holds
     * the number (agreements_same) */
    const char *number;
    json_t *at;
    json_object_foreach(rb->numbers, number, at) {
        tie_to t = {rb, (int)json_integer_value(at)};
        if (store_merge_work_keys(rb->st, "n:", number, tie_to_item, &t))
            return -1;
    }
    return 0;
}

/* Whether a fact of the list has the id `id` already: a merge key made twice is noted, for
 * fix_counters. */
static bool id_stored(void *ctx, const char *id, const char *merge_key)
{
    rebuild *rb = ctx;
    char *key = NULL;
    if (store_merge_fact_key(rb->st, rb->kind, id, &key))
        return false; /* the write that follows fails on the id, and says why */
    bool taken = key != NULL;
    free(key);
    if (taken)
        json_object_set_new(rb->collided, merge_key, json_true());
    return taken;
}

/* A full merge's facts of one list as they are made: each stored at once (row, people,
 * spans queued, summary), the fact of each of its reports noted, and the fact let go of. */
typedef struct fact_writer {
    store *st;
    const char *kind;
    json_t *item_of; /* "source\x1fidx" -> the report's number */
    unsigned facts;
} fact_writer;

static int write_fact(void *ctx, json_t *f)
{
    fact_writer *w = ctx;
    json_t *doc = json_pack("{s:[O]}", w->kind, f), *m;
    size_t k;
    int rc = store_merge_rebuild_put(w->st, doc, w->kind) ||
                     store_merge_put_fact(w->st, w->kind, str(f, "id"),
                                          str(f, "merge_key") ? str(f, "merge_key") : "",
                                          json_object_get(f, "merge_summary"))
                 ? STORE_ERROR
                 : 0;
    json_decref(doc);
    json_array_foreach(json_object_get(f, "merge_members"), k, m) {
        if (rc)
            break;
        strbuf at = STRBUF_INIT;
        strbuf_addf(&at, "%s\x1f%lld", json_string_value(json_array_get(m, 0)),
                    (long long)json_integer_value(json_array_get(m, 1)));
        rc = store_merge_work_set_fact(w->st,
                                       json_integer_value(json_object_get(w->item_of, at.buf)),
                                       str(f, "id"));
        strbuf_release(&at);
    }
    w->facts++;
    return rc;
}

/* Indexes the reports of a list once it is merged, in merge order (an article at a time):
 * each with the fact it went into, its blocking keys and, for the lists that refer to
 * people, what its references stand for, read from the people stored. */
typedef struct indexer {
    store *st;
    const char *kind;
    char *source; /* the article whose references refs holds */
    json_t *refs; /* "source\x1fkey" -> [id, name] */
} indexer;

static int index_report(void *ctx, const char *source, int idx, json_t *report, const char *fact_id)
{
    indexer *x = ctx;
    bool people = strcmp(x->kind, "people") == 0;
    if (!people && (!x->source || strcmp(x->source, source) != 0)) {
        free(x->source);
        x->source = strdup(source);
        json_object_clear(x->refs);
        if (refs_json(x->st, source, x->refs))
            return -1;
    }
    json_t *keys = ingest_merge_keys(x->kind, source, report, x->refs);
    if (!people)
        keep_refs(report, source, keys, x->refs);
    int rc = store_merge_put_item(x->st, x->kind, source, idx, fact_id, report, keys);
    json_decref(keys);
    return rc ? -1 : 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Merges the reports `members` (whole groups), stores their facts and indexes them. */
static int merge_batch(rebuild *rb, int *members, size_t n)
{
    bool people = strcmp(rb->kind, "people") == 0;
    fact_writer w = {.st = rb->st, .kind = rb->kind, .item_of = json_object()};
    json_t *sources = json_array(), *refs = json_object(), *list = NULL;
    const char *last = NULL;
    int rc = -1;

    /* in merge order, an article's reports together, as the articles are read */
    qsort(members, n, sizeof *members, cmp_int);
    for (size_t i = 0; i < n; i++) {
        char *source, *published;
        int idx;
        json_t *report;
        if (store_merge_work_get(rb->st, members[i], &source, &idx, &published, &report))
            goto out;
        if (!last || strcmp(last, source) != 0) {
            json_t *x = json_object();
            list = json_array();
            json_object_set_new(x, rb->kind, list);
            if (published)
                json_object_set_new(x, "published", json_string(published));
            json_array_append_new(sources,
                                  json_pack("{s:s, s:o}", "source_id", source, "extraction", x));
            last = str(json_array_get(sources, json_array_size(sources) - 1), "source_id");
            if (!people && refs_json(rb->st, source, refs)) {
                free(source);
                free(published);
                json_decref(report);
                goto out;
            }
        }
        json_object_set_new(report, "_idx", json_integer(idx));
        json_array_append_new(list, report);
        strbuf at = STRBUF_INIT;
        strbuf_addf(&at, "%s\x1f%d", source, idx);
        json_object_set_new(w.item_of, at.buf, json_integer(members[i]));
        strbuf_release(&at);
        free(source);
        free(published);
    }
    if (ingest_merge_each_taken(sources, rb->kind, people ? NULL : refs, id_stored, rb, write_fact,
                                &w))
        goto out;
    rb->facts += w.facts;
    rc = 0;
out:
    json_decref(sources);
    json_decref(refs);
    json_decref(w.item_of);
    return rc;
}

/* Merges one quote from its reports (a group of quotes is one quote), a report at a time
 * into its summary and evidence, as quotes_merge() works it out: words that thousands of
 * articles repeat are not held whole. */
static int merge_quote(rebuild *rb, int root, const int *next)
{
    json_t *summary = json_object(), *spans = json_array(), *refs = json_object();
    json_t *quote = NULL, *report;
    char *source = NULL, *published = NULL, *prev = NULL, *id = NULL;
    int idx, rc = -1;
    for (int b = root; b >= 0; b = next[b]) {
        if (store_merge_work_get(rb->st, b, &source, &idx, &published, &report))
            goto out;
        bool new_source = !prev || strcmp(prev, source) != 0;
        if (new_source) {
            json_object_clear(refs);
            if (refs_json(rb->st, source, refs)) {
                json_decref(report);
                goto out;
            }
        }
        ingest_merge_quote_add(summary, source, idx, report, refs, new_source);
        ingest_merge_spans_add(spans, source, report);
        json_decref(report);
        free(prev);
        free(published);
        prev = source;
        source = published = NULL;
    }
    if (!(quote = ingest_merge_quote(summary))) {
        /* as quotes_merge() leaves it out */
        log_msg(LOG_ERROR, "merge: a quote's summary could not be built (text not UTF-8?); "
                           "its reports are left out");
        rc = 0;
        goto out;
    }
    id = ingest_merge_unique_id("quote", str(quote, "merge_key"), id_stored, rb);
    json_object_set_new(quote, "id", json_string(id));
    json_object_set_new(quote, "evidence", ingest_merge_spans(spans));
    json_t *doc = json_pack("{s:[O]}", "quotes", quote);
    int bad = store_merge_rebuild_put(rb->st, doc, "quotes") ||
              store_merge_put_fact(rb->st, "quotes", id, str(quote, "merge_key"), summary);
    json_decref(doc);
    for (int b = root; b >= 0 && !bad; b = next[b])
        bad = store_merge_work_set_fact(rb->st, b, id);
    if (bad)
        goto out;
    rb->facts++;
    rc = 0;
out:
    free(id);
    free(prev);
    json_decref(quote);
    json_decref(spans);
    json_decref(refs);
    json_decref(summary);
    return rc;
}

/* Merges one person from its reports (a group of people is one person), a report at a time
 * into its summary, as people_merge() works it out: a person that most articles name is
 * never held whole. */
static int merge_person(rebuild *rb, int root, const int *next)
{
    json_t *summary = json_object(), *person = NULL, *report;
    char *source = NULL, *published = NULL;
    int idx, rc = -1;
    for (int b = root; b >= 0; b = next[b]) {
        if (store_merge_work_get(rb->st, b, &source, &idx, &published, &report))
            goto out;
        ingest_merge_person_add(summary, source, idx, report);
        json_decref(report);
        free(source);
        free(published);
        source = published = NULL;
    }
    if (!(person = ingest_merge_person(summary)))
        goto out;
    json_t *doc = json_pack("{s:[O]}", "people", person);
    int bad = store_merge_rebuild_put(rb->st, doc, "people") ||
              store_merge_put_fact(rb->st, "people", str(person, "id"), str(person, "merge_key"),
                                   summary);
    json_decref(doc);
    for (int b = root; b >= 0 && !bad; b = next[b])
        bad = store_merge_work_set_fact(rb->st, b, str(person, "id"));
    if (bad)
        goto out;
    rb->facts++;
    rc = 0;
out:
    json_decref(person);
    json_decref(summary);
    return rc;
}

/* Merges the groups a batch at a time, in the order of their first reports. */
static int merge_groups(rebuild *rb, size_t batch)
{
    size_t n = (size_t)rb->items;
    int *next = malloc((n ? n : 1) * sizeof *next), *last = malloc((n ? n : 1) * sizeof *last);
    int *members = malloc((batch + 1) * sizeof *members);
    size_t nmembers = 0, cap = batch + 1;
    int rc = -1;
    if (!next || !last || !members) {
        log_error("merge: out of memory");
        goto out;
    }
    /* each group's reports as a list from its root, the smallest */
    for (size_t i = 0; i < n; i++) {
        int root = uf_root(rb->parent, (int)i);
        next[i] = -1;
        if ((int)i != root)
            next[last[root]] = (int)i;
        last[root] = (int)i;
    }
    free(last);
    last = NULL;
    bool people = strcmp(rb->kind, "people") == 0, quotes = strcmp(rb->kind, "quotes") == 0;
    for (size_t i = 0; i < n; i++) {
        if (rb->parent[i] != (int)i)
            continue;
        if (people || quotes) {
            if ((people ? merge_person : merge_quote)(rb, (int)i, next))
                goto out;
            continue;
        }
        for (int b = (int)i; b >= 0; b = next[b]) {
            if (nmembers == cap) {
                int *more = realloc(members, (cap *= 2) * sizeof *members);
                if (!more) {
                    log_error("merge: out of memory");
                    goto out;
                }
                members = more;
            }
            members[nmembers++] = b;
        }
        if (nmembers >= batch) {
            if (merge_batch(rb, members, nmembers))
                goto out;
            nmembers = 0;
        }
    }
    if (nmembers && merge_batch(rb, members, nmembers))
        goto out;
    rc = 0;
out:
    free(members);
    free(next);
    free(last);
    return rc;
}

typedef struct first_report {
    char *id, *source;
    int idx;
} first_report;

static int cmp_first_report(const void *a, const void *b)
{
    const first_report *x = a, *y = b;
    int c = strcmp(x->source ? x->source : "", y->source ? y->source : "");
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Facts made from one merge key take the key's id and then counters in the order of their
 * first reports, as a whole merge makes them; merged in another order (in two groups), they
 * are renamed so. */
static int fix_counters(rebuild *rb, const char *merge_key)
{
    char kind[16] = {0};
    json_t *ids = json_array();
    int rc = -1;
    /* "agreements" -> "agreement" */
    snprintf(kind, sizeof kind, "%.*s", (int)strlen(rb->kind) - 1, rb->kind);
    if (facts_by_key_json(rb->st, rb->kind, merge_key, ids)) {
        json_decref(ids);
        return -1;
    }
    size_t n = json_array_size(ids);
    first_report *f = calloc(n ? n : 1, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        f[i].id = strdup(json_string_value(json_array_get(ids, i)));
        if (store_merge_fact_first(rb->st, rb->kind, f[i].id, &f[i].source, &f[i].idx))
            goto out;
    }
    qsort(f, n, sizeof *f, cmp_first_report);
    bool same = true;
    char(*want)[FACT_ID_LEN + 1] = calloc(n ? n : 1, sizeof *want);
    for (size_t i = 0; i < n; i++) {
        strbuf key = STRBUF_INIT;
        if (i)
            strbuf_addf(&key, "%s#%zu", merge_key, i + 1);
        else
            strbuf_addstr(&key, merge_key);
        fact_id_of(kind, key.buf, want[i]);
        strbuf_release(&key);
        same = same && strcmp(want[i], f[i].id) == 0;
    }
    if (!same) {
        /* through names no fact has, so that a swap does not meet itself */
        for (size_t i = 0; i < n; i++) {
            strbuf tmp = STRBUF_INIT;
            strbuf_addf(&tmp, "~%s", f[i].id);
            int bad = store_merge_rename_fact(rb->st, rb->kind, f[i].id, tmp.buf);
            strbuf_release(&tmp);
            if (bad) {
                free(want);
                goto out;
            }
        }
        for (size_t i = 0; i < n; i++) {
            strbuf tmp = STRBUF_INIT;
            strbuf_addf(&tmp, "~%s", f[i].id);
            int bad = store_merge_rename_fact(rb->st, rb->kind, tmp.buf, want[i]);
            strbuf_release(&tmp);
            if (bad) {
                free(want);
                goto out;
            }
        }
    }
    free(want);
    rc = 0;
out:
    for (size_t i = 0; i < n; i++) {
        free(f[i].id);
        free(f[i].source);
    }
    free(f);
    json_decref(ids);
    return rc;
}

/* Merges one list of every stored article: files its reports, ties them into groups, merges
 * the groups a batch at a time (storing the facts and indexing the reports), and gives facts
 * made from one key their counters in order. */
static int rebuild_list(store *st, const char *kind, size_t batch, unsigned *facts)
{
    rebuild rb = {.st = st, .kind = kind, .prev = STRBUF_INIT, .collided = json_object()};
    int rc = -1;
    indexer x = {.st = st, .kind = kind, .refs = json_object()};
    if (store_merge_work_begin(st) || store_each_extraction_list(st, kind, file_list, &rb) ||
        tie_reports(&rb) || merge_groups(&rb, batch) ||
        store_merge_work_each_merged(st, index_report, &x))
        goto out;
    const char *merge_key;
    json_t *v;
    json_object_foreach(rb.collided, merge_key, v)
        if (fix_counters(&rb, merge_key))
            goto out;
    if (store_merge_work_end(st))
        goto out;
    log_debug("merge: %s: %d reports, %u facts", kind, rb.items, rb.facts);
    *facts = rb.facts;
    rc = 0;
out:
    while (rb.nopen)
        free(rb.open[--rb.nopen].key);
    free(rb.open);
    free(x.source);
    json_decref(x.refs);
    free(rb.parent);
    strbuf_release(&rb.prev);
    json_decref(rb.surnames);
    json_decref(rb.doubled);
    json_decref(rb.numbers);
    json_decref(rb.collided);
    return rc;
}

/* The full merge, inside the caller's write transaction: every extraction merged, the fact
 * set replaced, the index rebuilt, one list at a time (see above). */
static int rebuild_locked(store *st, size_t batch_reports, ingest_report *r)
{
    static const char *const lists[] = {"people", "agreements", "meetings", "quotes"};
    unsigned counts[4] = {0};
    if (store_merge_rebuild_begin(st))
        return -1;
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        if (rebuild_list(st, lists[l], batch_reports ? batch_reports : REBUILD_BATCH_REPORTS,
                         &counts[l]))
            return -1;
    if (store_merge_rebuild_end(st) || store_merge_index_done(st, true, true))
        return -1;
    if (r) {
        r->people = counts[0];
        r->agreements = counts[1];
        r->meetings = counts[2];
        r->quotes = counts[3];
    }
    return 0;
}

int ingest_merge_rebuild(store *st, size_t batch_reports, ingest_report *r)
{
    if (store_merge_begin(st)) {
        log_error("merge: %s", store_errmsg(st));
        return -1;
    }
    if (rebuild_locked(st, batch_reports, r)) {

        log_error("merge: %s", store_errmsg(st));
        store_merge_rollback(st);
        return -1;
    }
    if (store_merge_commit(st)) {
        log_error("merge: %s", store_errmsg(st));
        return -1;
    }
    return 0;
}

/* The articles an incremental merge takes in one transaction: many articles ingested into
 * a merged store are merged a slice at a time, so that no step holds them all. */
static size_t merge_slice = 500;

void ingest_set_merge_slice(size_t articles)
{
    merge_slice = articles ? articles : 1;
}

int ingest_merge_update(store *st, bool force, ingest_report *r)
{
    json_t *added = NULL;
    int rc = -1, ready = 0;
    size_t merged = 0, slices = 0;
    bool last = false;
    do {
        if (store_merge_begin(st)) {
            log_error("merge: %s", store_errmsg(st));
            return -1;
        }
        /* A store never merged is merged whole, not in slices: merging 10,000 new articles
         * a slice at a time reads the large facts again for every slice, about ten times
         * the time of a full merge for a third less memory. */
        if (!force && !slices && (ready = store_merge_index_ready(st)) < 0)
            goto fail;
        if (!ready) {
            if (rebuild_locked(st, 0, r))
                goto fail;
            log_debug("merge: all articles merged again");
            last = true;
        } else {
            json_decref(added);
            added = NULL;
            if (store_merge_pending_sources(st, (int)merge_slice + 1, &added))
                goto fail;
            last = json_array_size(added) <= merge_slice;
            if (!last)
                json_array_remove(added, merge_slice);
            if (update_locked(st, added, NULL, last))
                goto fail;
            merged += json_array_size(added);
        }
        double committing = seconds_now();
        if (store_merge_commit(st)) {
            log_error("merge: %s", store_errmsg(st));
            goto out;
        }
        log_debug("merge: committed in %.3f s", seconds_now() - committing);
        slices++;
    } while (!last);
    if (ready)
        log_debug("merge: %zu new articles merged in %zu slice%s", merged, slices,
                  slices == 1 ? "" : "s");
    rc = 0;
    if (ready && r && ingest_count_facts(st, r))
        rc = -1;
    goto out;
fail:
    log_error("merge: %s", store_errmsg(st));
    store_merge_rollback(st);
out:
    json_decref(added);
    return rc;
}

int ingest_merge_after_delete(store *st, const char *removed)
{
    json_t *added = NULL;
    int ready = store_merge_index_ready(st), rc;
    if (ready < 0)
        return -1;
    if (!ready)
        return rebuild_locked(st, 0, NULL);
    /* any article stored meanwhile too, in the same transaction */
    rc = store_merge_pending_sources(st, INT_MAX, &added) || update_locked(st, added, removed, true)
             ? -1
             : 0;
    json_decref(added);
    return rc;
}
