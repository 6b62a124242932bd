/* merge: every article's mentions to one fact set (see ingest.h).
 *
 * People join by normalised name (nicknames folded), then surnames alone and handles join
 * the one full name that carries them.  Agreements join by acronym or by any shared name;
 * a generic mention ("the 10-year defence cooperation framework") joins the named agreement
 * with the same type, parties and a compatible date whose names share its distinctive words.
 * Meetings join when two participants are the same and the dates agree (a date-less report
 * only when the place or occasion agrees too, which is how "today" and "on Friday" get their
 * date from another article).  Quotes join when speaker and words are the same.
 *
 * Each merged fact takes the most supported value of each attribute (the most precise date
 * compatible with the others), and an id hashed from what identifies it, so the same corpus
 * ingested in any order gives the same ids. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/doc.h"
#include "ingest/ingest.h"
#include "ingest/lexicon.h"
#include "util/digest.h"
#include "util/log.h"
#include "util/strbuf.h"

/* A fact's id (util/digest.h), malloc'd; NULL when out of memory. */
static char *fact_id(const char *kind, const char *key)
{
    char *out = malloc(FACT_ID_LEN + 1);
    if (out && !fact_id_of(kind, key, out))
        out[0] = '\0';
    return out;
}

/* ---- union-find ---- */

static int uf_find(int *parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void uf_union(int *parent, int a, int b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a != b)
        parent[a < b ? b : a] = a < b ? a : b;
}

static int *uf_new(size_t n)
{
    int *p = malloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = (int)i;
    return p;
}

/* The members of each cluster (cluster[i]: the root of item i) in item order, as lists:
 * next[i] is the member after i, -1 after the last.  A root is its cluster's smallest item
 * (uf_union keeps the smaller), so a cluster's list starts at its root:
 *     for (int b = root; b >= 0; b = next[b])
 * which visits a cluster in its own size rather than scanning every item. */
static int *cluster_next(const int *cluster, size_t n)
{
    int *next = malloc((n ? n : 1) * sizeof *next), *last = malloc((n ? n : 1) * sizeof *last);
    for (size_t i = 0; i < n; i++) {
        int root = cluster[i];
        next[i] = -1;
        if ((int)i != root)
            next[last[root]] = (int)i;
        last[root] = (int)i;
    }
    free(last);
    return next;
}

/* ---- counting values ---- */

typedef struct tally {
    VEC(char *) values; /* in the order first seen */
    VEC(int) counts;
    json_t *index; /* value -> position, once there are more than TALLY_SCAN values */
} tally;

/* A cluster reported by thousands of articles tallies thousands of sources: past this many
 * values a tally finds them through a hash table instead of a scan. */
#define TALLY_SCAN 16

static void tally_add(tally *t, const char *v)
{
    if (!v)
        return;
    if (t->index) {
        json_t *at = json_object_get(t->index, v);
        if (at) {
            t->counts.items[json_integer_value(at)]++;
            return;
        }
    } else {
        for (size_t i = 0; i < t->values.n; i++)
            if (strcmp(t->values.items[i], v) == 0) {
                t->counts.items[i]++;
                return;
            }
    }
    VEC_PUSH(t->values, strdup(v));
    VEC_PUSH(t->counts, 1);
    if (t->index) {
        json_object_set_new_nocheck(t->index, v, json_integer((json_int_t)t->values.n - 1));
    } else if (t->values.n > TALLY_SCAN) {
        t->index = json_object();
        for (size_t i = 0; i < t->values.n; i++)
            json_object_set_new_nocheck(t->index, t->values.items[i], json_integer((json_int_t)i));
    }
}

/* The most frequent value; ties go to the longer, then the smaller string. */
static const char *tally_best(const tally *t)
{
    int best = -1;
    for (size_t i = 0; i < t->values.n; i++) {
        if (best < 0 || t->counts.items[i] > t->counts.items[best] ||
            (t->counts.items[i] == t->counts.items[best] &&
             (strlen(t->values.items[i]) > strlen(t->values.items[best]) ||
              (strlen(t->values.items[i]) == strlen(t->values.items[best]) &&
               strcmp(t->values.items[i], t->values.items[best]) < 0))))
            best = (int)i;
    }
    return best >= 0 ? t->values.items[best] : NULL;
}

static void tally_free(tally *t)
{
    json_decref(t->index);
    for (size_t i = 0; i < t->values.n; i++)
        free(t->values.items[i]);
    free(t->values.items);
    free(t->counts.items);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- dates ---- */

static date_value parse_date(const char *s)
{
    date_value v = {0};
    if (s)
        sscanf(s, "%d-%d-%d", &v.y, &v.m, &v.d);
    return v;
}

static int precision(date_value v)
{
    return !!v.y + !!v.m + !!v.d;
}

/* Whole days from a to b (both full dates), approximately enough for "within a month". */
static long days_between(date_value a, date_value b)
{
    return (long)(b.y - a.y) * 365 + (long)(b.m - a.m) * 30 + (b.d - a.d);
}

/* The date most reports agree with (by year), made as precise as a compatible report allows. */
static date_value best_date(const date_value *dates, size_t n)
{
    date_value best = {0};
    int best_support = 0;
    for (size_t i = 0; i < n; i++) {
        if (!dates[i].y)
            continue;
        int support = 0;
        for (size_t k = 0; k < n; k++)
            support += dates[k].y && date_compatible(dates[i], dates[k]);
        if (support > best_support ||
            (support == best_support && precision(dates[i]) > precision(best))) {
            best = dates[i];
            best_support = support;
        }
    }
    return best;
}

/* ---- people ---- */

typedef struct person_item {
    const char *source;
    int idx; /* the item's place in its extraction's list (see item_index) */
    const char *key, *name, *title, *handle;
    json_t *aliases;
} person_item;

/* Where merged facts go: into the caller's list, or one at a time to fn (ingest_merge_each),
 * which then owns none of them: each is let go of as soon as fn has it. */
typedef struct fact_sink {
    ingest_fact_fn fn;
    void *ctx;
    int failed; /* fn's first non-zero answer: the facts after it are dropped */
} fact_sink;

typedef struct people_index {
    VEC(person_item) items;
    int *cluster;       /* item -> cluster root */
    VEC(int) roots;     /* cluster roots, in output order */
    char **ids;         /* per item: the person id */
    char **names;       /* per item: the canonical name */
    json_t *by_ref;     /* "source\x1fkey" -> the first item with them */
    const json_t *refs; /* or, merging without people: "source\x1fkey" -> [id, name] */
    bool annotate;      /* give each fact its merge_key and merge_members */
    fact_sink *sink;    /* NULL: the facts go into the list each merge returns */
} people_index;

/* Hands a finished fact over: appended to out, or to the sink. */
static void emit_fact(const people_index *px, json_t *out, json_t *o)
{
    fact_sink *sink = px->sink;
    if (!sink) {
        json_array_append_new(out, o);
        return;
    }
    if (!sink->failed)
        sink->failed = sink->fn(sink->ctx, o);
    json_decref(o);
}

/* An item's place in its extraction's list: its position there, or the "_idx" an
 * incremental merge gives the items it hands over out of their lists. */
static int item_index(const json_t *f, size_t pos)
{
    const json_t *i = json_object_get(f, "_idx");
    return json_is_integer(i) ? (int)json_integer_value(i) : (int)pos;
}

/* What an incremental merge needs to keep of one merged fact: the key its id is hashed
 * from (before any counter) and the items, [source_id, index], it was merged from. */
static void annotate_fact(json_t *o, const char *key, json_t *members)
{
    json_object_set_new(o, "merge_key", json_string(key));
    json_object_set_new(o, "merge_members", members);
}

static bool has_space(const char *s)
{
    return strchr(s, ' ') != NULL;
}

static const char *surname_of(const char *key)
{
    const char *sp = strrchr(key, ' ');
    return sp ? sp + 1 : key;
}

static const char *str(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

/* ---- a person's summary ----
 *
 * A person is worked out from what its reports say in sum, not one by one: how often each
 * full name, full key, title and alias is given, and the first report (in source and list
 * order), whose name and key stand in when no report gives a full name.  The full merge
 * adds each report of a cluster to an empty summary and reads the person from it; the
 * incremental one keeps the summary with the fact and adds a new report to it, so that a
 * person reported by thousands of articles is not read again for one more. */

/* Adds one to the count of v in the tally object t ({value: count}). */
static void summary_count(json_t *t, const char *v)
{
    if (!v)
        return;
    json_t *c = json_object_get(t, v);
    if (c)
        json_integer_set(c, json_integer_value(c) + 1);
    else
        json_object_set_new(t, v, json_integer(1));
}

static json_t *summary_tally(json_t *summary, const char *name)
{
    json_t *t = json_object_get(summary, name);
    if (!t)
        json_object_set_new(summary, name, t = json_object());
    return t;
}

/* The votes of a summary's reports for the values of its disputable attributes
 * (disputes.c). */
static json_t *summary_votes(json_t *summary)
{
    return summary_tally(summary, "votes");
}

/* The disputes a summary's votes show, set on the fact o when there are any. */
static void set_disputes(json_t *o, const json_t *summary)
{
    json_t *d = ingest_disputes(json_object_get(summary, "votes"));
    if (d)
        json_object_set_new(o, "disputes", d);
}

/* tally_best() of a tally object: the most frequent value; ties go to the longer, then the
 * smaller string. */
static const char *summary_best(const json_t *t)
{
    const char *best = NULL, *v;
    json_int_t best_count = 0;
    size_t best_len = 0;
    json_t *c;
    json_object_foreach((json_t *)t, v, c) {
        json_int_t n = json_integer_value(c);
        size_t len = strlen(v);
        if (!best || n > best_count ||
            (n == best_count && (len > best_len || (len == best_len && strcmp(v, best) < 0)))) {
            best = v;
            best_count = n;
            best_len = len;
        }
    }
    return best;
}

/* Whether (source, idx) comes before the item [source, idx, ...] `first` in merge order. */
static bool before_first(const json_t *first, const char *source, int idx)
{
    if (!json_is_array(first))
        return true;
    int c = strcmp(source, json_string_value(json_array_get(first, 0)));
    return c < 0 || (c == 0 && idx < json_integer_value(json_array_get(first, 1)));
}

static void person_summary_add(json_t *summary, const person_item *y)
{
    if (has_space(y->key)) {
        summary_count(summary_tally(summary, "names"), y->name);
        summary_count(summary_tally(summary, "keys"), y->key);
    }
    if (y->title)
        ingest_dispute_count(summary_votes(summary), "title", y->title, y->source, y->idx);
    json_t *aliases = summary_tally(summary, "aliases");
    summary_count(aliases, y->name);
    size_t k;
    json_t *al;
    json_array_foreach(y->aliases, k, al)
        summary_count(aliases, json_string_value(al));
    if (before_first(json_object_get(summary, "first"), y->source, y->idx))
        json_object_set_new(summary, "first",
                            json_pack("[s, i, s, s]", y->source, y->idx, y->name, y->key));
}

void ingest_merge_person_add(json_t *summary, const char *source, int idx, const json_t *report)
{
    person_item it = {.source = source,
                      .idx = idx,
                      .key = json_string_value(json_object_get(report, "key")),
                      .name = json_string_value(json_object_get(report, "name")),
                      .title = json_string_value(json_object_get(report, "title")),
                      .aliases = json_object_get(report, "aliases")};
    if (it.key && it.name)
        person_summary_add(summary, &it);
}

json_t *ingest_merge_person(const json_t *summary)
{
    const json_t *first = json_object_get(summary, "first");
    const char *name = summary_best(json_object_get(summary, "names"));
    if (!name)
        name = json_string_value(json_array_get(first, 2));
    const char *key = summary_best(json_object_get(summary, "keys"));
    if (!key)
        key = json_string_value(json_array_get(first, 3));
    if (!name || !key)
        return NULL;
    json_t *aliases = json_array(), *c;
    const json_t *all = json_object_get(summary, "aliases");
    VEC(const char *) v = {0};
    const char *a;
    json_object_foreach((json_t *)all, a, c)
        if (strcmp(a, name) != 0)
            VEC_PUSH(v, a);
    if (v.n)
        qsort(v.items, v.n, sizeof *v.items, cmp_str);
    for (size_t i = 0; i < v.n; i++)
        json_array_append_new(aliases, json_string(v.items[i]));
    free(v.items);
    char *id = fact_id("person", key);
    json_t *o = json_pack("{s:s, s:s, s:s?, s:o, s:s}", "id", id, "name", name, "title",
                          ingest_dispute_served(json_object_get(summary, "votes"), "title"),
                          "aliases", aliases, "merge_key", key);
    free(id);
    set_disputes(o, summary);
    return o;
}

static void people_merge(const json_t *sources, people_index *px, json_t *out)
{
    size_t i;
    json_t *src;
    json_array_foreach(sources, i, src) {
        const char *sid = json_string_value(json_object_get(src, "source_id"));
        json_t *people = json_object_get(json_object_get(src, "extraction"), "people");
        size_t k;
        json_t *p;
        json_array_foreach(people, k, p) {
            person_item it = {.source = sid,
                              .idx = item_index(p, k),
                              .key = json_string_value(json_object_get(p, "key")),
                              .name = json_string_value(json_object_get(p, "name")),
                              .title = json_string_value(json_object_get(p, "title")),
                              .handle = json_string_value(json_object_get(p, "handle")),
                              .aliases = json_object_get(p, "aliases")};
            if (it.key && it.name)
                VEC_PUSH(px->items, it);
        }
    }
    size_t n = px->items.n;
    int *parent = uf_new(n);
    /* Items with the same key, or the same handle in any case, are one person: each joins
     * the first item that had it (hash tables, so that a large store is not n-squared). */
    json_t *first_key = json_object(), *first_handle = json_object(), *by_surname = json_object();
    for (size_t a = 0; a < n; a++) {
        person_item *x = &px->items.items[a];
        json_t *seen = json_object_get(first_key, x->key);
        if (seen)
            uf_union(parent, (int)json_integer_value(seen), (int)a);
        else
            json_object_set_new(first_key, x->key, json_integer((json_int_t)a));
        if (x->handle) {
            char *folded = strdup(x->handle);
            for (char *c = folded; c && *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
            if (folded && (seen = json_object_get(first_handle, folded)))
                uf_union(parent, (int)json_integer_value(seen), (int)a);
            else if (folded)
                json_object_set_new(first_handle, folded, json_integer((json_int_t)a));
            free(folded);
        }
        if (has_space(x->key)) {
            const char *surname = surname_of(x->key);
            json_t *list = json_object_get(by_surname, surname);
            if (!list)
                json_object_set_new(by_surname, surname, list = json_array());
            json_array_append_new(list, json_integer((json_int_t)a));
        }
    }
    /* a surname alone joins the one full name with that surname */
    for (size_t a = 0; a < n; a++) {
        person_item *x = &px->items.items[a];
        if (has_space(x->key))
            continue;
        int match = -1;
        bool unique = true;
        size_t k;
        json_t *v;
        json_array_foreach(json_object_get(by_surname, x->key), k, v) {
            int b = (int)json_integer_value(v);
            if (match >= 0 && uf_find(parent, match) != uf_find(parent, b))
                unique = false;
            match = b;
        }
        if (match >= 0 && unique)
            uf_union(parent, (int)a, match);
    }
    json_decref(first_key);
    json_decref(first_handle);
    json_decref(by_surname);
    px->cluster = malloc((n ? n : 1) * sizeof(int));
    px->ids = calloc(n ? n : 1, sizeof(char *));
    px->names = calloc(n ? n : 1, sizeof(char *));
    for (size_t a = 0; a < n; a++)
        px->cluster[a] = uf_find(parent, (int)a);
    int *next_member = cluster_next(px->cluster, n);
    px->by_ref = json_object();
    for (size_t a = 0; a < n; a++) {
        person_item *x = &px->items.items[a];
        strbuf ref = STRBUF_INIT;
        strbuf_addf(&ref, "%s\x1f%s", x->source, x->key);
        if (!json_object_get(px->by_ref, ref.buf))
            json_object_set_new(px->by_ref, ref.buf, json_integer((json_int_t)a));
        strbuf_release(&ref);
    }
    for (size_t a = 0; a < n; a++) {
        if (px->cluster[a] != (int)a)
            continue;
        json_t *summary = json_object();
        for (int b = (int)a; b >= 0; b = next_member[b])
            person_summary_add(summary, &px->items.items[b]);
        json_t *o = ingest_merge_person(summary);
        const char *id = str(o, "id"), *name = str(o, "name");
        json_t *members = px->annotate ? json_array() : NULL;
        for (int b = (int)a; b >= 0; b = next_member[b]) {
            px->ids[b] = strdup(id);
            px->names[b] = strdup(name);
            if (members)
                json_array_append_new(members, json_pack("[s, i]", px->items.items[b].source,
                                                         px->items.items[b].idx));
        }
        if (members) {
            annotate_fact(o, str(o, "merge_key"), members);
            json_object_set_new(o, "merge_summary", summary);
        } else {
            json_object_del(o, "merge_key");
            json_decref(summary);
        }
        emit_fact(px, out, o);
    }
    free(next_member);
    free(parent);
}

/* The person item of (source, key), or -1. */
static int person_lookup(const people_index *px, const char *source, const char *key)
{
    strbuf ref = STRBUF_INIT;
    strbuf_addf(&ref, "%s\x1f%s", source, key);
    json_t *i = json_object_get(px->by_ref, ref.buf);
    strbuf_release(&ref);
    return i ? (int)json_integer_value(i) : -1;
}

/* {"person_id", "name", "title"} for a person reference of an extraction. */
static json_t *person_ref(const people_index *px, const char *source, const json_t *ref)
{
    const char *key = json_string_value(json_object_get(ref, "key"));
    const char *title = json_string_value(json_object_get(ref, "title"));
    const char *id = NULL, *name = NULL;
    if (key && px->refs) {
        strbuf at = STRBUF_INIT;
        strbuf_addf(&at, "%s\x1f%s", source, key);
        const json_t *entry = json_object_get(px->refs, at.buf);
        strbuf_release(&at);
        id = json_string_value(json_array_get(entry, 0));
        name = json_string_value(json_array_get(entry, 1));
    } else if (key) {
        int i = person_lookup(px, source, key);
        if (i >= 0) {
            id = px->ids[i];
            name = px->names[i];
        }
    }
    if (!id || !name)
        return json_pack("{s:n, s:s?, s:s?}", "person_id", "name",
                         json_string_value(json_object_get(ref, "name")), "title", title);
    return json_pack("{s:s, s:s, s:s?}", "person_id", id, "name", name, "title", title);
}

static void people_free(people_index *px)
{
    for (size_t i = 0; i < px->items.n; i++) {
        free(px->ids[i]);
        free(px->names[i]);
    }
    free(px->ids);
    free(px->names);
    free(px->cluster);
    free(px->items.items);
    json_decref(px->by_ref);
}

/* ---- facts shared helpers ---- */

typedef struct item {
    const char *source;
    const json_t *fact; /* the extraction's object */
    int idx;            /* its place in the extraction's list (item_index) */
} item;

typedef VEC(item) item_vec;

/* Whether a report of `kind` ("people", "agreements", ...) carries what identifies it: one
 * that does not cannot be merged and is left out. */
static bool item_valid(const char *kind, const json_t *f)
{
    if (!json_is_object(f))
        return false;
    if (strcmp(kind, "people") == 0)
        return json_is_string(json_object_get(f, "key")) &&
               json_is_string(json_object_get(f, "name"));
    if (!json_is_array(json_object_get(f, "evidence")))
        return false;
    if (strcmp(kind, "agreements") == 0)
        return json_is_string(json_object_get(f, "name"));
    if (strcmp(kind, "quotes") == 0)
        return json_is_string(json_object_get(f, "text"));
    if (strcmp(kind, "meetings") == 0)
        return json_is_array(json_object_get(f, "participants"));
    return false;
}

static void collect(const json_t *sources, const char *kind, item_vec *out)
{
    size_t i;
    json_t *src;
    json_array_foreach(sources, i, src) {
        const char *sid = json_string_value(json_object_get(src, "source_id"));
        size_t k;
        json_t *f;
        json_array_foreach(json_object_get(json_object_get(src, "extraction"), kind), k, f) {
            if (!item_valid(kind, f))
                continue;
            item it = {sid, f, item_index(f, k)};
            VEC_PUSH(*out, it);
        }
    }
}

/* ---- blocking ----
 *
 * Clustering compares only the pairs that could be one fact: each item files itself under
 * the keys such a pair must share (a name, an acronym, a day), and the pairs under one key
 * are compared.  The clusters are those of comparing every pair (the union of all true
 * pairs, made transitive) as long as every true pair shares a key. */

typedef struct block_entry {
    char *key; /* owned */
    int item;
} block_entry;

typedef VEC(block_entry) block_vec;

static void block_add(block_vec *v, const char *kind, const char *key, int member)
{
    strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s\x1f%s", kind, key);
    block_entry e = {strbuf_detach(&sb, NULL), member};
    VEC_PUSH(*v, e);
}

static int cmp_block(const void *a, const void *b)
{
    const block_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->item > y->item) - (x->item < y->item);
}

typedef bool (*pair_fn)(int a, int b, void *ctx);

/* Unites each pair filed under one key for which same() holds; frees the entries. */
static void block_unite(block_vec *v, int *parent, pair_fn same, void *ctx)
{
    if (v->n)
        qsort(v->items, v->n, sizeof *v->items, cmp_block);
    for (size_t run = 0, end; run < v->n; run = end) {
        for (end = run + 1; end < v->n && strcmp(v->items[end].key, v->items[run].key) == 0; end++)
            ;
        for (size_t p = run; p < end; p++)
            for (size_t q = p + 1; q < end; q++) {
                int x = v->items[p].item, y = v->items[q].item;
                if (x != y && uf_find(parent, x) != uf_find(parent, y) && same(x, y, ctx))
                    uf_union(parent, x, y);
            }
    }
    for (size_t i = 0; i < v->n; i++)
        free(v->items[i].key);
    free(v->items);
    *v = (block_vec){0};
}

/* Each item's cluster root once parent is final. */
static int *uf_roots(int *parent, size_t n)
{
    int *cluster = malloc((n ? n : 1) * sizeof(int));
    for (size_t a = 0; a < n; a++)
        cluster[a] = uf_find(parent, (int)a);
    free(parent);
    return cluster;
}

/* A fact's date as reported; an article's own date standing in for it counts as none. */
static date_value reported_date(const json_t *fact, const char *field)
{
    if (json_is_true(json_object_get(fact, "date_inferred")))
        return (date_value){0};
    return parse_date(str(fact, field));
}

static int cmp_evidence(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    int c = strcmp(str(x, "source_id"), str(y, "source_id"));
    if (c)
        return c;
    json_int_t s1 = json_integer_value(json_object_get(x, "start"));
    json_int_t s2 = json_integer_value(json_object_get(y, "start"));
    if (s1 != s2)
        return s1 < s2 ? -1 : 1;
    json_int_t e1 = json_integer_value(json_object_get(x, "end"));
    json_int_t e2 = json_integer_value(json_object_get(y, "end"));
    return e1 < e2 ? -1 : e1 > e2;
}

/* Evidence of a cluster: every member's spans, each once, ordered by source and offset. */
static json_t *cluster_evidence(const item_vec *items, const int *next, int root)
{
    VEC(json_t *) ev = {0};
    for (int i = root; i >= 0; i = next[i]) {
        size_t k;
        json_t *e;
        json_array_foreach(json_object_get(items->items[i].fact, "evidence"), k, e) {
            json_t *x = json_pack("{s:s, s:O, s:O}", "source_id", items->items[i].source, "start",
                                  json_object_get(e, "start"), "end", json_object_get(e, "end"));
            /* NOLINTNEXTLINE(bugprone-sizeof-expression) sizeof of a json_t * is meant */
            VEC_PUSH(ev, x);
        }
    }
    if (ev.n)
        qsort(ev.items, ev.n, sizeof(json_t *), cmp_evidence);
    json_t *out = json_array();
    json_t *kept = NULL; /* the last span kept (out holds it): a dropped one is freed */
    for (size_t i = 0; i < ev.n; i++) {
        if (kept && cmp_evidence(&kept, &ev.items[i]) == 0) {
            json_decref(ev.items[i]);
        } else {
            kept = ev.items[i];
            json_array_append_new(out, kept);
        }
    }
    free(ev.items);
    return out;
}

/* [[source_id, index], ...] of a cluster's members, for annotate_fact. */
static json_t *cluster_members(const item_vec *items, const int *next, int root)
{
    json_t *out = json_array();
    for (int i = root; i >= 0; i = next[i])
        json_array_append_new(out,
                              json_pack("[s, i]", items->items[i].source, items->items[i].idx));
    return out;
}

static double cluster_confidence(const item_vec *items, const int *next, int root,
                                 const char **rule)
{
    double best = 0;
    tally sources = {0};
    for (int i = root; i >= 0; i = next[i]) {
        double c = json_number_value(json_object_get(items->items[i].fact, "confidence"));
        if (c > best || !*rule) {
            if (c >= best) {
                best = c;
                *rule = str(items->items[i].fact, "rule");
            }
        }
        tally_add(&sources, items->items[i].source);
    }
    /* corroboration by more articles raises confidence a little */
    double conf = best + 0.05 * (double)(sources.values.n - 1);
    tally_free(&sources);
    return conf > 1.0 ? 1.0 : conf;
}

/* A set of strings as one sorted, "|"-joined key. */
static char *set_key(const json_t *arr, const char *field)
{
    VEC(char *) v = {0};
    size_t i;
    json_t *x;
    json_array_foreach(arr, i, x) {
        const char *s = field ? str(x, field) : json_string_value(x);
        if (s)
            VEC_PUSH(v, (char *)s);
    }
    if (v.n)
        qsort(v.items, v.n, sizeof *v.items, cmp_str);
    strbuf sb = STRBUF_INIT;
    for (size_t k = 0; k < v.n; k++) {
        if (k && strcmp(v.items[k], v.items[k - 1]) == 0)
            continue;
        if (sb.len)
            strbuf_addch(&sb, '|');
        strbuf_addstr(&sb, v.items[k]);
    }
    free(v.items);
    return strbuf_detach(&sb, NULL);
}

/* The ids a merge has given: held in `ids`, or, for a merge that does not hold its facts,
 * asked of fn (ingest_merge_each_taken). */
typedef struct taken_ids {
    json_t *ids;
    ingest_taken_fn fn;
    void *ctx;
} taken_ids;

static bool id_taken(const taken_ids *taken, const char *id, const char *key)
{
    return taken->fn ? taken->fn(taken->ctx, id, key) : json_object_get(taken->ids, id) != NULL;
}

/* Unique ids: a colliding key gets a counter. */
static char *unique_id(const char *kind, const char *key, taken_ids *taken)
{
    char *id = fact_id(kind, key);
    for (int n = 2; id_taken(taken, id, key); n++) {
        free(id);
        strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb, "%s#%d", key, n);
        id = fact_id(kind, sb.buf);
        strbuf_release(&sb);
    }
    if (!taken->fn)
        json_object_set_new(taken->ids, id, json_true());
    return id;
}

/* ---- agreements ---- */

/* What agreements_same() reads of one report, worked out once. */
typedef struct agreement_info {
    const char *source; /* the article that reports it */
    const char *acronym, *head;
    bool generic;
    date_value signed_on; /* as reported */
    char *parties;        /* set_key() of the parties */
    size_t nparties;
    VEC(char *) names;   /* agreement_key() of the name and each alias, the empty ones left out */
    VEC(char *) numbers; /* agreement_key() of each descriptor that starts with a digit */
} agreement_info;

static void agreement_info_init(agreement_info *ai, const json_t *f)
{
    size_t i;
    json_t *x;
    *ai = (agreement_info){0};
    ai->acronym = str(f, "acronym");
    ai->head = str(f, "head");
    ai->generic = json_is_true(json_object_get(f, "generic"));
    ai->signed_on = reported_date(f, "signed");
    ai->parties = set_key(json_object_get(f, "parties"), NULL);
    ai->nparties = json_array_size(json_object_get(f, "parties"));
    json_t *names = json_array();
    json_array_append(names, json_object_get(f, "name"));
    json_array_extend(names, json_object_get(f, "aliases"));
    json_array_foreach(names, i, x) {
        if (!json_is_string(x))
            continue;
        char *k = agreement_key(json_string_value(x));
        if (*k)
            VEC_PUSH(ai->names, k);
        else
            free(k);
    }
    json_decref(names);
    json_array_foreach(json_object_get(f, "descriptors"), i, x) {
        const char *w = json_string_value(x);
        /* only distinctive words: a number ("10-year") */
        if (w && isdigit((unsigned char)w[0]))
            VEC_PUSH(ai->numbers, agreement_key(w));
    }
}

static void agreement_info_release(agreement_info *ai)
{
    for (size_t i = 0; i < ai->names.n; i++)
        free(ai->names.items[i]);
    for (size_t i = 0; i < ai->numbers.n; i++)
        free(ai->numbers.items[i]);
    free(ai->names.items);
    free(ai->numbers.items);
    free(ai->parties);
}

/* A name that is only a document's type ("memorandum of understanding", "the agreement"):
 * every word a type word or "of". */
static bool bare_type_key(const char *key)
{
    for (const char *w = key; *w;) {
        size_t n = strcspn(w, " ");
        if (!(n == 2 && memcmp(w, "of", 2) == 0) && !lex_has_ci(LEX_GENERIC_HEADS, w, n) &&
            !lex_has_ci(LEX_AGREEMENT_HEADS, w, n) && !lex_has_ci(LEX_DOCUMENT_TYPE_WORDS, w, n) &&
            !lex_has_ci(LEX_DOCUMENT_PLURALS, w, n) && !lex_has_ci(LEX_BARE_TYPE_WORDS, w, n))
            return false;
        w += n;
        while (*w == ' ')
            w++;
    }
    return true;
}

/* A name both reports carry; a bare type ("memorandum of understanding") is shared only by
 * the reports of one article, never by two articles' different documents. */
static bool names_shared(const agreement_info *a, const agreement_info *b)
{
    bool one_article = a->source && b->source && strcmp(a->source, b->source) == 0;
    for (size_t i = 0; i < a->names.n; i++)
        for (size_t k = 0; k < b->names.n; k++)
            if (strcmp(a->names.items[i], b->names.items[k]) == 0 &&
                (one_article || !bare_type_key(a->names.items[i])))
                return true;
    return false;
}

static bool agreements_same(const agreement_info *a, const agreement_info *b)
{
    if (a->acronym && b->acronym)
        return strcmp(a->acronym, b->acronym) == 0;
    date_value da = a->signed_on, db = b->signed_on;
    bool same_parties = !*a->parties || !*b->parties || strcmp(a->parties, b->parties) == 0;
    if (!date_compatible(da, db) || !same_parties)
        return false;
    if (names_shared(a, b))
        return true;
    /* two documents one article tells apart ("a memorandum on X and an agreement on Y, signed
     * on Monday") stay apart */
    if (a->source && b->source && strcmp(a->source, b->source) == 0)
        return false;
    /* one document under two names: same type, same parties, the same day; or a generic
     * mention of the same type whose distinctive words the other's names carry */
    const char *ha = a->head, *hb = b->head;
    bool ga = a->generic, gb = b->generic;
    if (!ha || !hb)
        return false;
    /* "pact", "deal", "agreement" and "accord" may stand for a document of any type */
    bool heads = strcmp(ha, hb) == 0 || (ga && lex_has(LEX_ANY_TYPE_HEADS, ha, strlen(ha))) ||
                 (gb && lex_has(LEX_ANY_TYPE_HEADS, hb, strlen(hb)));
    if (!heads)
        return false;
    if (a->nparties < 2 && b->nparties < 2)
        return false;
    if (precision(da) == 3 && precision(db) == 3 && (ga || gb || strcmp(ha, hb) == 0))
        return true;
    if (ga == gb)
        return false;
    const agreement_info *g = ga ? a : b, *named = ga ? b : a;
    for (size_t i = 0; i < g->numbers.n; i++) {
        const char *kw = g->numbers.items[i];
        if (!*kw)
            return true; /* an empty key is in every name */
        for (size_t k = 0; k < named->names.n; k++)
            if (strstr(named->names.items[k], kw))
                return true;
    }
    return false;
}

static bool agreements_same_pair(int a, int b, void *ctx)
{
    const agreement_info *info = ctx;
    return agreements_same(&info[a], &info[b]);
}

/* Clusters agreement reports by agreements_same(), comparing the pairs it can hold for:
 * the same acronym, a shared name, the same day, or a generic mention with a number against
 * every named report. */
static int *cluster_agreements(const item_vec *items)
{
    size_t n = items->n;
    int *parent = uf_new(n);
    agreement_info *info = calloc(n ? n : 1, sizeof *info);
    block_vec blocks = {0};
    VEC(int) named = {0}, numbered = {0};

    for (size_t i = 0; i < n; i++) {
        agreement_info *ai = &info[i];
        agreement_info_init(ai, items->items[i].fact);
        ai->source = items->items[i].source;
        if (ai->acronym)
            block_add(&blocks, "acronym", ai->acronym, (int)i);
        for (size_t k = 0; k < ai->names.n; k++)
            block_add(&blocks, "name", ai->names.items[k], (int)i);
        if (precision(ai->signed_on) == 3) {
            char day[32];
            snprintf(day, sizeof day, "%d-%d-%d", ai->signed_on.y, ai->signed_on.m,
                     ai->signed_on.d);
            block_add(&blocks, "day", day, (int)i);
        }
        if (!ai->generic)
            VEC_PUSH(named, (int)i);
        else if (ai->numbers.n)
            VEC_PUSH(numbered, (int)i);
    }
    block_unite(&blocks, parent, agreements_same_pair, info);
    for (size_t g = 0; g < numbered.n; g++)
        for (size_t k = 0; k < named.n; k++) {
            int x = numbered.items[g], y = named.items[k];
            if (uf_find(parent, x) != uf_find(parent, y) && agreements_same(&info[x], &info[y]))
                uf_union(parent, x, y);
        }
    for (size_t i = 0; i < n; i++)
        agreement_info_release(&info[i]);
    free(info);
    free(named.items);
    free(numbered.items);
    return uf_roots(parent, n);
}

/* An agreement's summary, as a person's (see above): how often each name, alias, acronym,
 * place and set of parties is given; each reported date and each date as given (an inferred
 * one too), with how often and where first; each signatory where first named; the highest
 * confidence (as a quote's); the number of articles; and what agreements_same() reads of each
 * report ("sigs", by its JSON), so that a new report is compared with the agreement without
 * reading its reports. */
static void summary_confidence_add(json_t *summary, const item *it, bool new_source)
{
    /* cluster_confidence(): the highest confidence, with the rule of the first report that
     * has it and a rule (a report without one sets none) */
    double c = json_number_value(json_object_get(it->fact, "confidence"));
    const char *rule = str(it->fact, "rule");
    const json_t *best = json_object_get(summary, "best");
    double top = json_number_value(json_object_get(best, "confidence"));
    bool replace = !best || c > top;
    if (!replace && c == top && rule)
        replace = !json_is_string(json_object_get(best, "rule")) ||
                  before_first(json_object_get(best, "at"), it->source, it->idx);
    if (replace)
        json_object_set_new(summary, "best",
                            rule ? json_pack("{s:f, s:[s, i], s:s}", "confidence", c, "at",
                                             it->source, it->idx, "rule", rule)
                                 : json_pack("{s:f, s:n, s:n}", "confidence", c, "at", "rule"));
    json_t *count = json_object_get(summary, "sources");
    json_object_set_new(summary, "sources",
                        json_integer(json_integer_value(count) + (new_source ? 1 : 0)));
}

/* The confidence of a summary and its rule (NULL when none gave one). */
static double summary_confidence(const json_t *summary, const char **rule)
{
    const json_t *best = json_object_get(summary, "best");
    *rule = str(best, "rule");
    double conf = json_number_value(json_object_get(best, "confidence")) +
                  0.05 * (double)(json_integer_value(json_object_get(summary, "sources")) - 1);
    return conf > 1.0 ? 1.0 : conf;
}

/* Counts a date of a report at (source, idx), keeping where it was first given. */
static void summary_date(json_t *summary, const char *name, date_value d, const item *it)
{
    if (!d.y)
        return;
    char k[48];
    snprintf(k, sizeof k, "%d-%d-%d", d.y, d.m, d.d);
    json_t *t = summary_tally(summary, name), *e = json_object_get(t, k);
    if (!e) {
        json_object_set_new(t, k, json_pack("{s:i, s:[s, i]}", "n", 1, "at", it->source, it->idx));
        return;
    }
    json_object_set_new(e, "n", json_integer(json_integer_value(json_object_get(e, "n")) + 1));
    if (before_first(json_object_get(e, "at"), it->source, it->idx))
        json_object_set_new(e, "at", json_pack("[s, i]", it->source, it->idx));
}

/* best_date() of a summary's dates: the most supported, then the most precise, then the
 * first given. */
static date_value summary_best_date(const json_t *summary, const char *name)
{
    const json_t *t = json_object_get(summary, name);
    size_t n = json_object_size(t), i = 0;
    date_value *d = calloc(n ? n : 1, sizeof *d), best = {0};
    json_int_t *count = calloc(n ? n : 1, sizeof *count);
    /* NOLINTNEXTLINE(bugprone-sizeof-expression) sizeof of a json_t * is meant */
    const json_t **at = calloc(n ? n : 1, sizeof *at);
    const char *k;
    json_t *e;
    json_object_foreach((json_t *)t, k, e) {
        sscanf(k, "%d-%d-%d", &d[i].y, &d[i].m, &d[i].d);
        count[i] = json_integer_value(json_object_get(e, "n"));
        at[i++] = json_object_get(e, "at");
    }
    json_int_t best_support = 0;
    const json_t *best_at = NULL;
    for (i = 0; i < n; i++) {
        json_int_t support = 0;
        for (size_t j = 0; j < n; j++)
            support += date_compatible(d[i], d[j]) ? count[j] : 0;
        bool earlier = best_at && before_first(best_at, json_string_value(json_array_get(at[i], 0)),
                                               (int)json_integer_value(json_array_get(at[i], 1)));
        if (!best_at || support > best_support ||
            (support == best_support && (precision(d[i]) > precision(best) ||
                                         (precision(d[i]) == precision(best) && earlier)))) {
            best = d[i];
            best_support = support;
            best_at = at[i];
        }
    }
    free(d);
    free(count);
    free(at);
    return best;
}

/* What agreements_same() reads of a report, as an object agreement_info_init() takes. */
static char *agreement_sig(const json_t *f)
{
    json_t *sig = json_object(), *numbers = json_array(), *x;
    size_t i;
    const char *keys[] = {"name", "aliases", "acronym", "head", "generic", "parties"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (json_object_get(f, keys[k]))
            json_object_set(sig, keys[k], json_object_get(f, keys[k]));
    if (!json_is_true(json_object_get(f, "date_inferred")) && json_object_get(f, "signed"))
        json_object_set(sig, "signed", json_object_get(f, "signed"));
    json_array_foreach(json_object_get(f, "descriptors"), i, x)
        if (json_string_value(x) && isdigit((unsigned char)json_string_value(x)[0]))
            json_array_append(numbers, x);
    json_object_set_new(sig, "descriptors", numbers);
    char *out = json_dumps(sig, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(sig);
    return out;
}

static void agreement_summary_add(json_t *summary, const item *it, const people_index *px,
                                  bool new_source)
{
    const json_t *f = it->fact;
    bool generic = json_is_true(json_object_get(f, "generic"));
    summary_count(summary_tally(summary, generic ? "generic_names" : "names"), str(f, "name"));
    json_t *aliases = summary_tally(summary, "aliases");
    summary_count(aliases, str(f, "name"));
    size_t k;
    json_t *x;
    json_array_foreach(json_object_get(f, "aliases"), k, x)
        summary_count(aliases, json_string_value(x));
    summary_count(summary_tally(summary, "acronyms"), str(f, "acronym"));
    char *pk = set_key(json_object_get(f, "parties"), NULL);
    const json_t *evidence = json_object_get(f, "evidence");
    char *signed_s = date_format(reported_date(f, "signed"));
    ingest_dispute_vote(summary_votes(summary), "signed", signed_s, it->source, evidence);
    free(signed_s);
    ingest_dispute_vote(summary_votes(summary), "place", str(f, "place"), it->source, evidence);
    ingest_dispute_vote(summary_votes(summary), "parties", pk, it->source, evidence);
    free(pk);
    summary_date(summary, "dates", reported_date(f, "signed"), it);
    summary_date(summary, "inferred", parse_date(str(f, "signed")), it);
    json_t *sigs = summary_tally(summary, "signatories");
    json_t *signatory_names = json_array();
    json_array_foreach(json_object_get(f, "signatories"), k, x) {
        json_t *ref = person_ref(px, it->source, x);
        if (str(ref, "name"))
            json_array_append(signatory_names, json_object_get(ref, "name"));
        const char *pid = str(ref, "person_id");
        const char *idk = pid ? pid : str(ref, "name");
        json_t *seen = idk ? json_object_get(sigs, idk) : NULL;
        const json_t *at = json_object_get(seen, "at");
        int c = at ? strcmp(it->source, json_string_value(json_array_get(at, 0))) : -1;
        if (!c)
            c = it->idx < json_integer_value(json_array_get(at, 1))         ? -1
                : it->idx > json_integer_value(json_array_get(at, 1))       ? 1
                : (json_int_t)k < json_integer_value(json_array_get(at, 2)) ? -1
                                                                            : 1;
        if (idk && c < 0)
            json_object_set_new(sigs, idk,
                                json_pack("{s:[s, i, i], s:O}", "at", it->source, it->idx, (int)k,
                                          "ref", ref));
        json_decref(ref);
    }
    char *names = set_key(signatory_names, NULL);
    ingest_dispute_vote(summary_votes(summary), "signatories", names, it->source, evidence);
    free(names);
    json_decref(signatory_names);
    char *sig = agreement_sig(f);
    summary_count(summary_tally(summary, "sigs"), sig);
    free(sig);
    summary_confidence_add(summary, it, new_source);
}

static int cmp_signatory(const void *a, const void *b)
{
    const json_t *x = json_object_get(*(json_t *const *)a, "at");
    const json_t *y = json_object_get(*(json_t *const *)b, "at");
    int c = strcmp(json_string_value(json_array_get(x, 0)),
                   json_string_value(json_array_get(y, 0)));
    for (size_t i = 1; !c && i < 3; i++) {
        json_int_t p = json_integer_value(json_array_get(x, i)),
                   q = json_integer_value(json_array_get(y, i));
        c = (p > q) - (p < q);
    }
    return c;
}

json_t *ingest_merge_agreement(const json_t *summary)
{
    const char *name = summary_best(json_object_get(summary, "names"));
    if (!name)
        name = summary_best(json_object_get(summary, "generic_names"));
    if (!name)
        return NULL;
    const char *acronym = summary_best(json_object_get(summary, "acronyms"));
    date_value signed_on = summary_best_date(summary, "dates");
    if (!signed_on.y)
        signed_on = summary_best_date(summary, "inferred");
    char *signed_s = date_format(signed_on);
    json_t *party_list = json_array();
    const char *pk = ingest_dispute_served(json_object_get(summary, "votes"), "parties");
    if (pk) {
        char *copy = strdup(pk), *rest = NULL;
        for (char *tok = strtok_r(copy, "|", &rest); tok; tok = strtok_r(NULL, "|", &rest))
            json_array_append_new(party_list, json_string(tok));
        free(copy);
    }
    /* the signatories in the order they were first named */
    const json_t *sigs = json_object_get(summary, "signatories");
    size_t n = json_object_size(sigs), i = 0;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression) sizeof of a json_t * is meant */
    json_t **order = calloc(n ? n : 1, sizeof *order), *e;
    const char *k;
    json_object_foreach((json_t *)sigs, k, e)
        order[i++] = e;
    /* NOLINTNEXTLINE(bugprone-sizeof-expression) sizeof of a json_t * is meant */
    qsort(order, n, sizeof *order, cmp_signatory);
    json_t *signatories = json_array();
    for (i = 0; i < n; i++)
        json_array_append(signatories, json_object_get(order[i], "ref"));
    free(order);
    /* the aliases: every name given but the one chosen, sorted */
    json_t *aliases = json_array(), *c;
    VEC(const char *) v = {0};
    const char *a;
    json_object_foreach(json_object_get(summary, "aliases"), a, c)
        if (strcmp(a, name) != 0)
            VEC_PUSH(v, a);
    if (v.n)
        qsort(v.items, v.n, sizeof *v.items, cmp_str);
    for (i = 0; i < v.n; i++)
        json_array_append_new(aliases, json_string(v.items[i]));
    free(v.items);
    strbuf key = STRBUF_INIT;
    if (acronym) {
        strbuf_addf(&key, "acronym:%s", acronym);
    } else {
        char *nk = agreement_key(name);
        strbuf_addf(&key, "name:%s", nk);
        free(nk);
    }
    const char *rule = NULL;
    double conf = summary_confidence(summary, &rule);
    const char *place = ingest_dispute_served(json_object_get(summary, "votes"), "place");
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(name));
    json_object_set_new(o, "aliases", aliases);
    json_object_set_new(o, "acronym", acronym ? json_string(acronym) : json_null());
    json_object_set_new(o, "signed", signed_s ? json_string(signed_s) : json_null());
    json_object_set_new(o, "place", place ? json_string(place) : json_null());
    json_object_set_new(o, "parties", party_list);
    json_object_set_new(o, "signatories", signatories);
    json_object_set_new(o, "rule", json_string(rule ? rule : "named-agreement"));
    json_object_set_new(o, "confidence", json_real(conf));
    json_object_set_new(o, "merge_key", json_string(key.buf));
    set_disputes(o, summary);
    strbuf_release(&key);
    free(signed_s);
    return o;
}

void ingest_merge_agreement_add(json_t *summary, const char *source, int idx, const json_t *report,
                                const json_t *refs, bool new_source)
{
    people_index px = {.refs = refs};
    item it = {source, report, idx};
    agreement_summary_add(summary, &it, &px, new_source);
}

bool ingest_merge_agreement_matches(const json_t *sigs, const char *source, const json_t *report)
{
    agreement_info r;
    agreement_info_init(&r, report);
    r.source = source;
    bool same = false;
    size_t i;
    json_t *k;
    json_array_foreach(sigs, i, k) {
        json_t *sig = json_loads(json_string_value(k), 0, NULL);
        if (!sig)
            continue;
        agreement_info other;
        agreement_info_init(&other, sig);
        same = agreements_same(&r, &other);
        agreement_info_release(&other);
        json_decref(sig);
        if (same)
            break;
    }
    agreement_info_release(&r);
    return same;
}

static json_t *agreements_merge(const json_t *sources, const people_index *px, taken_ids *taken)
{
    item_vec items = {0};
    collect(sources, "agreements", &items);
    size_t n = items.n;
    int *cluster = cluster_agreements(&items);
    int *next = cluster_next(cluster, n);
    json_t *out = json_array();
    for (size_t a = 0; a < n; a++) {
        if (cluster[a] != (int)a)
            continue;
        json_t *summary = json_object();
        for (int b = (int)a, prev = -1; b >= 0; prev = b, b = next[b])
            agreement_summary_add(summary, &items.items[b], px,
                                  prev < 0 ||
                                      strcmp(items.items[prev].source, items.items[b].source) != 0);
        json_t *o = ingest_merge_agreement(summary);
        char *id = unique_id("agreement", str(o, "merge_key"), taken);
        json_object_set_new(o, "id", json_string(id));
        free(id);
        json_object_set_new(o, "evidence", cluster_evidence(&items, next, (int)a));
        if (px->annotate) {
            annotate_fact(o, str(o, "merge_key"), cluster_members(&items, next, (int)a));
            json_object_set_new(o, "merge_summary", summary);
        } else {
            json_object_del(o, "merge_key");
            json_decref(summary);
        }
        emit_fact(px, out, o);
    }
    free(next);
    free(cluster);
    free(items.items);
    return out;
}

/* ---- meetings ---- */

static json_t *participant_ids(const people_index *px, const char *source, const json_t *fact)
{
    json_t *ids = json_array();
    size_t k;
    json_t *p;
    json_array_foreach(json_object_get(fact, "participants"), k, p) {
        json_t *ref = person_ref(px, source, p);
        const char *pid = str(ref, "person_id");
        json_array_append_new(ids, json_string(pid                ? pid
                                               : str(ref, "name") ? str(ref, "name")
                                                                  : "?"));
        json_decref(ref);
    }
    return ids;
}

/* Each source by its id, and the first of its items (a source's items are consecutive, as
 * collect() reads the sources in order): what the meeting steps look up per report. */
static json_t *index_sources(const json_t *sources, const item_vec *items)
{
    json_t *by_id = json_object(), *src;
    size_t i;
    json_array_foreach(sources, i, src) {
        const char *id = str(src, "source_id");
        if (!json_object_get(by_id, id))
            json_object_set_new(by_id, id,
                                json_pack("{s:O, s:i}", "source", src, "first_item", -1));
    }
    for (i = 0; i < items->n; i++) {
        json_t *entry = json_object_get(by_id, items->items[i].source);
        if (json_integer_value(json_object_get(entry, "first_item")) < 0)
            json_object_set_new(entry, "first_item", json_integer((json_int_t)i));
    }
    return by_id;
}

static date_value published_of(const json_t *by_id, const char *source)
{
    const json_t *src = json_object_get(json_object_get(by_id, source), "source");
    return src ? parse_date(str(json_object_get(src, "extraction"), "published")) : (date_value){0};
}

/* Whether two meeting reports (with their participants' ids, see participant_ids) tell of
 * one meeting.  Never without a participant in common. */
static bool meetings_same(const json_t *by_id, const item *a, const item *b, const json_t *ia,
                          const json_t *ib)
{
    int common = 0;
    size_t i, k;
    json_t *x, *y;
    json_array_foreach(ia, i, x)
        json_array_foreach(ib, k, y)
            common += json_equal(x, y);
    size_t na = json_array_size(ia), nb = json_array_size(ib);
    if (common < 2 && !(common == (int)na && na == nb && na > 0))
        return false;
    /* the extractor has joined what one article tells twice; what it kept apart ("Besides the
     * talks, they met ...") stays apart */
    if (strcmp(a->source, b->source) == 0)
        return false;
    bool call_a = strcmp(str(a->fact, "rule"), "meeting-call") == 0;
    bool call_b = strcmp(str(b->fact, "rule"), "meeting-call") == 0;
    if (call_a != call_b)
        return false;
    date_value da = reported_date(a->fact, "date"), db = reported_date(b->fact, "date");
    if (!date_compatible(da, db))
        return false;
    if (da.y && db.y)
        return true;
    /* an undated report joins a dated one held at the same place or occasion, or the same
     * people's meeting that its article, written within a month after it, looks back on */
    const char *pa = str(a->fact, "place"), *pb = str(b->fact, "place");
    const char *oa = str(a->fact, "occasion"), *ob = str(b->fact, "occasion");
    if ((pa && pb && strcmp(pa, pb) == 0) || (oa && ob && strcmp(oa, ob) == 0) ||
        (!da.y && !db.y && !pa && !pb))
        return true;
    const item *undated = da.y ? b : a;
    date_value dated = da.y ? da : db;
    date_value pub = published_of(by_id, undated->source);
    if (precision(dated) == 3 && precision(pub) == 3 && na == nb && common == (int)na) {
        long gap = days_between(dated, pub);
        return gap >= 0 && gap <= 31;
    }
    return false;
}

/* Clusters meeting reports as cluster_items() would with meetings_same, comparing only the
 * pairs that share a participant (no other pair can be one meeting), each report's
 * participants resolved once: a large store is not n-squared. */
static int *cluster_meetings(const json_t *by_id, const people_index *px, const item_vec *items)
{
    size_t n = items->n, i, k;
    int *parent = uf_new(n);
    json_t **ids = calloc(n ? n : 1, sizeof(json_t *));
    json_t *by_participant = json_object(), *group, *x;
    const char *key;

    for (i = 0; i < n; i++) {
        ids[i] = participant_ids(px, items->items[i].source, items->items[i].fact);
        json_array_foreach(ids[i], k, x) {
            json_t *list = json_object_get(by_participant, json_string_value(x));
            if (!list)
                json_object_set_new(by_participant, json_string_value(x), list = json_array());
            /* once per report, in report order */
            if (!json_array_size(list) ||
                json_integer_value(json_array_get(list, json_array_size(list) - 1)) !=
                    (json_int_t)i)
                json_array_append_new(list, json_integer((json_int_t)i));
        }
    }
    json_object_foreach(by_participant, key, group) {
        size_t m = json_array_size(group);
        for (size_t p = 0; p < m; p++) {
            int a = (int)json_integer_value(json_array_get(group, p));
            for (size_t q = p + 1; q < m; q++) {
                int b = (int)json_integer_value(json_array_get(group, q));
                if (uf_find(parent, a) != uf_find(parent, b) &&
                    meetings_same(by_id, &items->items[a], &items->items[b], ids[a], ids[b]))
                    uf_union(parent, a, b);
            }
        }
    }
    int *cluster = malloc((n ? n : 1) * sizeof(int));
    for (i = 0; i < n; i++) {
        cluster[i] = uf_find(parent, (int)i);
        json_decref(ids[i]);
    }
    free(ids);
    free(parent);
    json_decref(by_participant);
    return cluster;
}

/* The date an article was written: its own, or else the date of an event it reports
 * undated that another article dates ("today", "on Friday"). */
static date_value source_reference(const json_t *by_id, const char *source, const item_vec *items,
                                   const int *cluster, const date_value *cluster_dates)
{
    date_value v = published_of(by_id, source);
    if (precision(v) == 3)
        return v;
    json_int_t first = json_integer_value(
        json_object_get(json_object_get(by_id, source), "first_item"));
    for (size_t k = first < 0 ? items->n : (size_t)first;
         k < items->n && strcmp(items->items[k].source, source) == 0; k++) {
        if (str(items->items[k].fact, "date"))
            continue;
        if (precision(cluster_dates[cluster[k]]) == 3)
            return cluster_dates[cluster[k]];
    }
    return (date_value){0};
}

/* One meeting report's votes for its date, place and participants (disputes.c). */
static void meeting_votes_add(json_t *votes, const people_index *px, const item *it)
{
    const json_t *evidence = json_object_get(it->fact, "evidence");
    char *date_s = date_format(reported_date(it->fact, "date"));
    ingest_dispute_vote(votes, "date", date_s, it->source, evidence);
    free(date_s);
    ingest_dispute_vote(votes, "place", str(it->fact, "place"), it->source, evidence);
    json_t *names = json_array(), *x;
    size_t k;
    json_array_foreach(json_object_get(it->fact, "participants"), k, x) {
        json_t *ref = person_ref(px, it->source, x);
        if (str(ref, "name"))
            json_array_append(names, json_object_get(ref, "name"));
        json_decref(ref);
    }
    char *key = set_key(names, NULL);
    ingest_dispute_vote(votes, "participants", key, it->source, evidence);
    free(key);
    json_decref(names);
}

static json_t *meetings_merge(const json_t *sources, const people_index *px, taken_ids *taken)
{
    item_vec items = {0};
    collect(sources, "meetings", &items);
    size_t n = items.n;
    json_t *by_id = index_sources(sources, &items);
    int *cluster = cluster_meetings(by_id, px, &items);
    int *next = cluster_next(cluster, n);
    /* each cluster's date, for the reference dates of undated articles */
    date_value *cluster_dates = calloc(n ? n : 1, sizeof *cluster_dates);
    for (size_t a = 0; a < n; a++) {
        if (cluster[a] != (int)a)
            continue;
        VEC(date_value) ds = {0};
        for (int b = (int)a; b >= 0; b = next[b]) {
            date_value dv = parse_date(str(items.items[b].fact, "date"));
            VEC_PUSH(ds, dv);
        }
        cluster_dates[a] = best_date(ds.items, ds.n);
        free(ds.items);
    }
    json_t *out = json_array();
    for (size_t a = 0; a < n; a++) {
        if (cluster[a] != (int)a)
            continue;
        tally occasions = {0};
        VEC(date_value) dates = {0};
        VEC(date_value) inferred = {0};
        json_t *participants = json_array();
        json_t *seen = json_object();
        json_t *votes = json_object();
        for (int b = (int)a; b >= 0; b = next[b]) {
            const json_t *f = items.items[b].fact;
            meeting_votes_add(votes, px, &items.items[b]);
            tally_add(&occasions, str(f, "occasion"));
            date_value dv = reported_date(f, "date");
            VEC_PUSH(dates, dv);
            date_value iv = parse_date(str(f, "date"));
            VEC_PUSH(inferred, iv);
            size_t k;
            json_t *x;
            json_array_foreach(json_object_get(f, "participants"), k, x) {
                json_t *ref = person_ref(px, items.items[b].source, x);
                const char *idk = str(ref, "person_id") ? str(ref, "person_id") : str(ref, "name");
                if (idk && !json_object_get(seen, idk)) {
                    json_object_set_new(seen, idk, json_true());
                    json_array_append(participants, ref);
                }
                json_decref(ref);
            }
        }
        date_value when = best_date(dates.items, dates.n);
        if (!when.y)
            when = best_date(inferred.items, inferred.n);
        free(inferred.items);
        if (!when.y) {
            /* an undated meeting is dated, to the month, by the article that reports it */
            date_value ref = source_reference(by_id, items.items[a].source, &items, cluster,
                                              cluster_dates);
            when = (date_value){ref.y, ref.m, 0};
        }
        char *date_s = date_format(when);
        char *pkey = set_key(participants, "person_id");
        strbuf key = STRBUF_INIT;
        strbuf_addf(&key, "%s|%04d-%02d", pkey, when.y, when.m);
        char *id = unique_id("meeting", key.buf, taken);
        const char *rule = NULL;
        double conf = cluster_confidence(&items, next, (int)a, &rule);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "date", date_s ? json_string(date_s) : json_null());
        const char *place = ingest_dispute_served(votes, "place");
        json_object_set_new(o, "place", place ? json_string(place) : json_null());
        json_object_set_new(o, "occasion",
                            tally_best(&occasions) ? json_string(tally_best(&occasions))
                                                   : json_null());
        json_object_set_new(o, "participants", participants);
        json_object_set_new(o, "rule", json_string(rule ? rule : "meeting-verb"));
        json_object_set_new(o, "confidence", json_real(conf));
        json_object_set_new(o, "evidence", cluster_evidence(&items, next, (int)a));
        json_t *disputes = ingest_disputes(votes);
        if (disputes)
            json_object_set_new(o, "disputes", disputes);
        json_decref(votes);
        if (px->annotate)
            annotate_fact(o, key.buf, cluster_members(&items, next, (int)a));
        emit_fact(px, out, o);
        free(id);
        free(pkey);
        free(date_s);
        strbuf_release(&key);
        json_decref(seen);
        free(dates.items);
        tally_free(&occasions);
    }
    free(next);
    free(cluster);
    free(cluster_dates);
    json_decref(by_id);
    free(items.items);
    return out;
}

/* ---- quotes ---- */

/* The words of a quote, folded for comparison. */
static char *quote_key(const char *text)
{
    strbuf sb = STRBUF_INIT;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        if (*p < 0x80) {
            if (isalnum(*p))
                strbuf_addch(&sb, (char)tolower(*p));
            p++;
            continue;
        }
        /* a whole character or nothing, so that the key stays UTF-8 ("José’s": the
         * apostrophe goes, with all three of its bytes, and the é stays whole) */
        size_t len = (*p & 0xE0) == 0xC0   ? 2
                     : (*p & 0xF0) == 0xE0 ? 3
                     : (*p & 0xF8) == 0xF0 ? 4
                                           : 1;
        size_t k = 1;
        while (k < len && (p[k] & 0xC0) == 0x80)
            k++;
        bool whole = len > 1 && k == len;
        bool punctuation = p[0] == 0xE2 && k > 1 && p[1] == 0x80; /* U+2000-U+203F */
        if (whole && !punctuation)
            strbuf_add(&sb, (const char *)p, len);
        p += k;
    }
    return strbuf_detach(&sb, NULL);
}

typedef struct quote_order {
    const char *words, *speaker; /* speaker: a person id, or NULL */
    int item;
} quote_order;

/* By words, then speaker (none first), then item. */
static int cmp_quote_order(const void *a, const void *b)
{
    const quote_order *x = a, *y = b;
    int c = strcmp(x->words, y->words);
    if (c)
        return c;
    if (!x->speaker != !y->speaker)
        return x->speaker ? 1 : -1;
    if (x->speaker && (c = strcmp(x->speaker, y->speaker)))
        return c;
    return (x->item > y->item) - (x->item < y->item);
}

/* Two reports are one quote when their words are the same and so is the speaker, or one of
 * them names none.  In words-then-speaker order that is, per run of the same words: all of
 * it when its first report names no speaker, else each run of one speaker.  Sorting makes it
 * n log n however many articles repeat the same words. */
static int *cluster_quotes(char *const *keys, json_t *const *speakers, size_t n)
{
    quote_order *order = malloc((n ? n : 1) * sizeof *order);
    int *parent = uf_new(n);
    for (size_t i = 0; i < n; i++)
        order[i] = (quote_order){keys[i], speakers[i] ? str(speakers[i], "person_id") : NULL,
                                 (int)i};
    if (n)
        qsort(order, n, sizeof *order, cmp_quote_order);
    for (size_t run = 0, end; run < n; run = end) {
        for (end = run + 1; end < n && strcmp(order[end].words, order[run].words) == 0; end++)
            ;
        bool anyone = !order[run].speaker; /* a report without a speaker joins every report */
        for (size_t k = run + 1; k < end; k++)
            if (anyone || strcmp(order[k].speaker, order[k - 1].speaker) == 0)
                uf_union(parent, order[k - 1].item, order[k].item);
    }
    free(order);
    return uf_roots(parent, n);
}

/* A quote's summary, as a person's (see above): its first report (the text and words), the
 * first that names the speaker and the first that gives a role, how often each cue is given,
 * the highest confidence with the first report that gives it with a rule, and the number of
 * articles. */
static void summary_first(json_t *summary, const char *name, const item *it, json_t *value)
{
    if (before_first(json_object_get(summary, name), it->source, it->idx))
        json_object_set_new(summary, name, json_pack("[s, i, O]", it->source, it->idx, value));
}

static void quote_summary_add(json_t *summary, const item *it, const json_t *speaker,
                              bool new_source)
{
    const char *text = str(it->fact, "text");
    if (before_first(json_object_get(summary, "first"), it->source, it->idx)) {
        char *words = quote_key(text);
        json_object_set_new(summary, "first",
                            json_pack("[s, i, s, s]", it->source, it->idx, text, words));
        free(words);
    }
    if (speaker && str(speaker, "name")) {
        summary_first(summary, "speaker", it, (json_t *)speaker);
        ingest_dispute_vote(summary_votes(summary), "speaker", str(speaker, "name"), it->source,
                            json_object_get(it->fact, "evidence"));
    }
    if (speaker && str(speaker, "title"))
        summary_first(summary, "role", it, (json_t *)speaker);
    summary_count(summary_tally(summary, "cues"), str(it->fact, "cue"));
    summary_confidence_add(summary, it, new_source);
}

/* A quote's fields from its summary, with "merge_key" (its id is the caller's: a counter may
 * be taken). */
json_t *ingest_merge_quote(const json_t *summary)
{
    const json_t *first = json_object_get(summary, "first");
    const char *text = json_string_value(json_array_get(first, 2));
    const char *words = json_string_value(json_array_get(first, 3));
    if (!text || !words)
        return NULL;
    const json_t *speaker = json_array_get(json_object_get(summary, "speaker"), 2);
    if (!speaker)
        speaker = json_array_get(json_object_get(summary, "role"), 2);
    const char *pid = speaker ? str(speaker, "person_id") : NULL;
    strbuf key = STRBUF_INIT;
    strbuf_addf(&key, "%s|%s", pid ? pid : "", words);
    const char *rule = NULL;
    double conf = summary_confidence(summary, &rule);
    const char *cue = summary_best(json_object_get(summary, "cues"));
    json_t *o = json_object();
    json_object_set_new(o, "text", json_string(text));
    json_object_set_new(o, "speaker",
                        speaker ? json_deep_copy(speaker)
                                : json_pack("{s:n, s:n, s:n}", "person_id", "name", "title"));
    json_object_set_new(o, "cue", cue ? json_string(cue) : json_null());
    json_object_set_new(o, "rule", json_string(rule ? rule : "quote"));
    json_object_set_new(o, "confidence", json_real(conf));
    json_object_set_new(o, "merge_key", json_string(key.buf));
    set_disputes(o, summary);
    strbuf_release(&key);
    return o;
}

void ingest_merge_quote_add(json_t *summary, const char *source, int idx, const json_t *report,
                            const json_t *refs, bool new_source)
{
    const json_t *sp = json_object_get(report, "speaker");
    people_index px = {.refs = refs};
    json_t *speaker = json_is_object(sp) ? person_ref(&px, source, sp) : NULL;
    item it = {source, report, idx};
    quote_summary_add(summary, &it, speaker, new_source);
    json_decref(speaker);
}

static json_t *quotes_merge(const json_t *sources, const people_index *px, taken_ids *taken)
{
    item_vec items = {0};
    collect(sources, "quotes", &items);
    size_t n = items.n;
    char **keys = malloc((n ? n : 1) * sizeof(char *));
    json_t **speakers = malloc((n ? n : 1) * sizeof(json_t *));
    for (size_t i = 0; i < n; i++) {
        keys[i] = quote_key(str(items.items[i].fact, "text"));
        json_t *sp = json_object_get(items.items[i].fact, "speaker");
        speakers[i] = json_is_object(sp) ? person_ref(px, items.items[i].source, sp) : NULL;
    }
    int *cluster = cluster_quotes(keys, speakers, n);
    int *next = cluster_next(cluster, n);
    json_t *out = json_array();
    for (size_t a = 0; a < n; a++) {
        if (cluster[a] != (int)a)
            continue;
        json_t *summary = json_object();
        for (int b = (int)a, prev = -1; b >= 0; prev = b, b = next[b])
            quote_summary_add(summary, &items.items[b], speakers[b],
                              prev < 0 ||
                                  strcmp(items.items[prev].source, items.items[b].source) != 0);
        json_t *o = ingest_merge_quote(summary);
        if (!o) { /* a summary that could not be built: the cluster is skipped, not crashed on */
            log_msg(LOG_ERROR, "merge: a quote's summary could not be built (text not UTF-8?); "
                               "its reports are left out");
            json_decref(summary);
            continue;
        }
        char *id = unique_id("quote", str(o, "merge_key"), taken);
        json_object_set_new(o, "id", json_string(id));
        free(id);
        json_object_set_new(o, "evidence", cluster_evidence(&items, next, (int)a));
        if (px->annotate) {
            annotate_fact(o, str(o, "merge_key"), cluster_members(&items, next, (int)a));
            json_object_set_new(o, "merge_summary", summary);
        } else {
            json_object_del(o, "merge_key");
            json_decref(summary);
        }
        emit_fact(px, out, o);
    }
    for (size_t i = 0; i < n; i++) {
        free(keys[i]);
        json_decref(speakers[i]);
    }
    free(keys);
    free(speakers);
    free(next);
    free(cluster);
    free(items.items);
    return out;
}

static int cmp_source(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    return strcmp(str(x, "source_id"), str(y, "source_id"));
}

json_t *ingest_merge_with(const json_t *sources_in, const json_t *refs, bool annotate)
{
    /* work in source-id order whatever the input order */
    size_t n = json_array_size(sources_in);
    json_t **v = malloc((n ? n : 1) * sizeof(json_t *));
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *s = json_array_get(sources_in, i);
        if (str(s, "source_id") && json_is_object(json_object_get(s, "extraction")))
            v[m++] = s;
    }
    qsort(v, m, sizeof(json_t *), cmp_source);
    json_t *sources = json_array();
    for (size_t i = 0; i < m; i++)
        json_array_append(sources, v[i]);
    free(v);

    people_index px = {.refs = refs, .annotate = annotate};
    json_t *out = json_object();
    if (!refs) {
        json_t *people = json_array();
        people_merge(sources, &px, people);
        json_object_set_new(out, "people", people);
    }
    taken_ids taken = {.ids = json_object()};
    json_object_set_new(out, "agreements", agreements_merge(sources, &px, &taken));
    json_object_set_new(out, "meetings", meetings_merge(sources, &px, &taken));
    json_object_set_new(out, "quotes", quotes_merge(sources, &px, &taken));
    json_decref(taken.ids);
    people_free(&px);
    json_decref(sources);
    return out;
}

int ingest_merge_each(const json_t *sources, const char *kind, const json_t *refs,
                      ingest_fact_fn fn, void *ctx)
{
    return ingest_merge_each_taken(sources, kind, refs, NULL, NULL, fn, ctx);
}

int ingest_merge_each_taken(const json_t *sources_in, const char *kind, const json_t *refs,
                            ingest_taken_fn taken_fn, void *taken_ctx, ingest_fact_fn fn, void *ctx)
{
    size_t n = json_array_size(sources_in);
    json_t **v = malloc((n ? n : 1) * sizeof(json_t *));
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *s = json_array_get(sources_in, i);
        if (str(s, "source_id") && json_is_object(json_object_get(s, "extraction")))
            v[m++] = s;
    }
    qsort(v, m, sizeof(json_t *), cmp_source);
    json_t *sources = json_array();
    for (size_t i = 0; i < m; i++)
        json_array_append(sources, v[i]);
    free(v);

    fact_sink sink = {.fn = fn, .ctx = ctx};
    people_index px = {.refs = refs, .annotate = true, .sink = &sink};
    taken_ids taken = {.ids = taken_fn ? NULL : json_object(), .fn = taken_fn, .ctx = taken_ctx};
    json_t *none = NULL;
    if (strcmp(kind, "people") == 0) {
        px.refs = NULL;
        people_merge(sources, &px, NULL);
    } else if (strcmp(kind, "agreements") == 0) {
        none = agreements_merge(sources, &px, &taken);
    } else if (strcmp(kind, "meetings") == 0) {
        none = meetings_merge(sources, &px, &taken);
    } else if (strcmp(kind, "quotes") == 0) {
        none = quotes_merge(sources, &px, &taken);
    }
    json_decref(none);
    json_decref(taken.ids);
    people_free(&px);
    json_decref(sources);
    return sink.failed;
}

json_t *ingest_merge(const json_t *sources)
{
    return ingest_merge_with(sources, NULL, false);
}

static void add_key(json_t *keys, const char *prefix, const char *value)
{
    if (!value)
        return;
    strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s%s", prefix, value);
    json_array_append_new(keys, json_string(sb.buf));
    strbuf_release(&sb);
}

/* The keys of the person references of a report: "r:<key>" for each. */
static void add_ref_keys(json_t *keys, const json_t *list)
{
    size_t i;
    json_t *x;
    json_array_foreach(list, i, x)
        add_key(keys, "r:", str(x, "key"));
}

json_t *ingest_merge_keys(const char *kind, const char *source, const json_t *f, const json_t *refs)
{
    if (!item_valid(kind, f))
        return NULL;
    json_t *keys = json_array();
    if (strcmp(kind, "people") == 0) {
        const char *key = str(f, "key");
        add_key(keys, "k:", key);
        add_key(keys, "s:", has_space(key) ? surname_of(key) : key);
        const char *handle = str(f, "handle");
        if (handle) {
            char *folded = strdup(handle);
            for (char *c = folded; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
            add_key(keys, "h:", folded);
            free(folded);
        }
    } else if (strcmp(kind, "agreements") == 0) {
        agreement_info ai;
        agreement_info_init(&ai, f);
        add_key(keys, "a:", ai.acronym);
        for (size_t k = 0; k < ai.names.n; k++)
            add_key(keys, "n:", ai.names.items[k]);
        if (precision(ai.signed_on) == 3) {
            char day[32];
            snprintf(day, sizeof day, "%d-%d-%d", ai.signed_on.y, ai.signed_on.m, ai.signed_on.d);
            add_key(keys, "d:", day);
        }
        /* a generic mention with a number is compared with every named report whose names
         * hold the number (cluster_agreements): "g:<number>" finds it from a named report */
        if (ai.generic)
            for (size_t k = 0; k < ai.numbers.n; k++)
                add_key(keys, "g:", ai.numbers.items[k]);
        agreement_info_release(&ai);
        add_ref_keys(keys, json_object_get(f, "signatories"));
    } else if (strcmp(kind, "meetings") == 0) {
        /* meetings_same() needs two participants in common, or the same one alone on both
         * sides: each pair of participants ("pp:"), a lone one ("one:"); and, since one
         * named twice counts twice, each participant ("p:") and each named twice ("pd:") */
        people_index px = {.refs = refs};
        json_t *ids = participant_ids(&px, source, f);
        size_t i, k, n = json_array_size(ids);
        for (i = 0; i < n; i++) {
            const char *a = json_string_value(json_array_get(ids, i));
            add_key(keys, "p:", a);
            for (k = i + 1; k < n; k++) {
                const char *b = json_string_value(json_array_get(ids, k));
                int c = strcmp(a, b);
                if (c == 0) {
                    add_key(keys, "pd:", a);
                    continue;
                }
                strbuf pair = STRBUF_INIT;
                strbuf_addf(&pair, "%s|%s", c < 0 ? a : b, c < 0 ? b : a);
                add_key(keys, "pp:", pair.buf);
                strbuf_release(&pair);
            }
        }
        if (n == 1)
            add_key(keys, "one:", json_string_value(json_array_get(ids, 0)));
        json_decref(ids);
        add_ref_keys(keys, json_object_get(f, "participants"));
    } else if (strcmp(kind, "quotes") == 0) {
        /* cluster_quotes(): the same words, and the same speaker unless some report of
         * them names none: "w:" (every report of the words), "q:" (of the words and one
         * speaker), "u:" (of the words and no speaker) */
        char *words = quote_key(str(f, "text"));
        json_t *sp = json_object_get(f, "speaker");
        json_t *ref = json_is_object(sp) ? person_ref(&(people_index){.refs = refs}, source, sp)
                                         : NULL;
        const char *speaker = ref ? str(ref, "person_id") : NULL;
        add_key(keys, "w:", words);
        if (speaker) {
            strbuf q = STRBUF_INIT;
            strbuf_addf(&q, "%s\x1f%s", words, speaker);
            add_key(keys, "q:", q.buf);
            strbuf_release(&q);
        } else {
            add_key(keys, "u:", words);
        }
        json_decref(ref);
        free(words);
        if (json_is_object(sp))
            add_key(keys, "r:", str(sp, "key"));
    }
    /* each key once */
    json_t *seen = json_object(), *once = json_array(), *k;
    size_t i;
    json_array_foreach(keys, i, k)
        if (!json_object_get(seen, json_string_value(k))) {
            json_object_set_new(seen, json_string_value(k), json_true());
            json_array_append(once, k);
        }
    json_decref(seen);
    json_decref(keys);
    return once;
}

/* The day key of an agreement a full merge groups by: a report with a signing day and a
 * type word pairs on its day (agreements_same) only with one of the same type and parties,
 * or with one of no parties ("dh:<day>|<head>|", which ties every key it begins), or with
 * anything when it is a generic mention whose word stands for any type ("dh:<day>|"). */
static void add_day_key(json_t *keys, const agreement_info *ai)
{
    if (precision(ai->signed_on) != 3 || !ai->head)
        return;
    strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "dh:%d-%d-%d|", ai->signed_on.y, ai->signed_on.m, ai->signed_on.d);
    if (!(ai->generic && lex_has(LEX_ANY_TYPE_HEADS, ai->head, strlen(ai->head)))) {
        strbuf_addf(&sb, "%s|", ai->head);
        strbuf_addstr(&sb, ai->parties);
    }
    json_array_append_new(keys, json_string(sb.buf));
    strbuf_release(&sb);
}

json_t *ingest_merge_group_keys(const char *kind, const char *source, const char *published,
                                const json_t *f, const json_t *refs)
{
    json_t *keys = ingest_merge_keys(kind, source, f, refs);
    if (!keys)
        return NULL;
    json_t *out = json_array(), *k;
    size_t i;
    bool quotes = strcmp(kind, "quotes") == 0, agreements = strcmp(kind, "agreements") == 0;
    bool people = strcmp(kind, "people") == 0;
    json_array_foreach(keys, i, k) {
        const char *key = json_string_value(k);
        if (strncmp(key, "r:", 2) == 0 || (quotes && strncmp(key, "w:", 2) == 0) ||
            (agreements && strncmp(key, "d:", 2) == 0))
            continue;
        if (quotes && (strncmp(key, "q:", 2) == 0 || strncmp(key, "u:", 2) == 0)) {
            /* cluster_quotes(): the words and the speaker, or the words alone (a key that
             * ties every report of them) */
            const char *sep = strchr(key, '\x1f');
            strbuf sb = STRBUF_INIT;
            if (sep)
                strbuf_addf(&sb, "qw:%.*s|%s", (int)(sep - key - 2), key + 2, sep + 1);
            else
                strbuf_addf(&sb, "qw:%s|", key + 2);
            json_array_append_new(out, json_string(sb.buf));
            strbuf_release(&sb);
            continue;
        }
        if (people && strncmp(key, "s:", 2) == 0) {
            /* a full name's surname, or a surname alone */
            strbuf sb = STRBUF_INIT;
            strbuf_addf(&sb, "%s:%s", has_space(str(f, "key")) ? "sn" : "so", key + 2);
            json_array_append_new(out, json_string(sb.buf));
            strbuf_release(&sb);
            continue;
        }
        json_array_append(out, k);
    }
    json_decref(keys);
    if (agreements) {
        agreement_info ai;
        agreement_info_init(&ai, f);
        add_day_key(out, &ai);
        agreement_info_release(&ai);
    }
    /* an undated meeting takes its month from its article's other meetings */
    date_value pub = parse_date(published);
    if (strcmp(kind, "meetings") == 0 && precision(pub) != 3) {
        strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb, "src:%s", source);
        json_array_append_new(out, json_string(sb.buf));
        strbuf_release(&sb);
    }
    return out;
}

void ingest_merge_spans_add(json_t *spans, const char *source, const json_t *report)
{
    size_t k;
    json_t *e;
    json_array_foreach(json_object_get(report, "evidence"), k, e)
        json_array_append_new(spans, json_pack("{s:s, s:O, s:O}", "source_id", source, "start",
                                               json_object_get(e, "start"), "end",
                                               json_object_get(e, "end")));
}

json_t *ingest_merge_spans(json_t *spans)
{
    size_t n = json_array_size(spans);
    /* NOLINTNEXTLINE(bugprone-sizeof-expression) sizeof of a json_t * is meant */
    json_t **v = malloc((n ? n : 1) * sizeof(json_t *));
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(spans, i);
    if (n)
        qsort(v, n, sizeof(json_t *), cmp_evidence);
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        if (!i || cmp_evidence(&v[i - 1], &v[i]) != 0)
            json_array_append(out, v[i]);
    free(v);
    return out;
}

char *ingest_merge_unique_id(const char *kind, const char *merge_key, ingest_taken_fn taken,
                             void *ctx)
{
    taken_ids t = {.fn = taken, .ctx = ctx};
    return unique_id(kind, merge_key, &t);
}
