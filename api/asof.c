/* asof: the lists and items of facts and people, the timeline and the conflicts, as the
 * store served them at a seq of the change log (?as_of=SEQ, or a time: the last seq at or
 * before it).
 *
 * A seq inside the entries of one write stands for the end of that write: the state between
 * two of its entries was never served.
 *
 * The answer is read from the log alone: each fact's entry current at that seq holds the
 * fact as its list served it then (store_list_versions), with its evidence in full.  What a
 * list does with the facts it reads is done here over those versions, as query.c does it in
 * SQL over the facts of now: the filters that a version can answer, the sort with its null
 * keys last, keyset cursors of the very shape list.c makes (a next link of a list as of a
 * seq pages through that same seq), count=exact, and the evidence asked for.  A person
 * filter finds the people by the versions of people at that seq.  A filter that needs more
 * than the versions (a quote's article's date, a search; an article's evidence when a fact
 * cites more articles than it carries inline) is refused with a 400 rather than answered
 * from the facts of now.
 *
 * A seq beyond the log's last is the present; a seq before its first entry has no facts; a
 * fact deleted since is served as it was; one not made yet is not found.
 *
 * A fact's evidence pages are its version's spans when it keeps them all (a fact of at most
 * STORE_EVIDENCE_INLINE spans then); a fact that had more is refused.
 *
 * The articles are read from their versions as the facts are (schema version 12), and an
 * article's text is its text of now while it is still stored (its id is its digest's); one
 * removed since has no text to serve.  /stats counts the versions of every kind at the seq
 * as stats.c counts the rows of now.  The seqs before the log knew a store's articles (the
 * baseline of a store that had them before version 12) are refused for all of them.  A search
 * runs on an index made in memory of the articles, agreements and quotes of then
 * (store_search_docs), and is refused when it cannot be what /search gave: an article of then
 * removed since, a hit whose fact kept fewer spans than it had.  What the log does not keep
 * at all is refused on every request: an article's facts (a fact's version shows at most its
 * first spans).
 */
#include "api/api_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/strbuf.h"

#include "util/log.h"

/* One fact of an as-of list, with the key it sorts on. */
typedef struct asof_item {
    json_t *fact;     /* the version, parsed */
    const char *kind; /* on the timeline and the conflicts, "agreement" etc.; else NULL */
    const char *id;
    bool key_null;
    bool key_is_int;
    long long key_int;
    char *key_text; /* lowered when the sort is on lower(...) */
} asof_item;

/* The member of a version a sort field reads, and whether the store sorts on it lowered
 * (query.c's sort keys). */
static const struct asof_sort {
    const char *field, *member;
    bool lower;
} asof_sorts[] = {
    {"signed", "signed", false},
    {"date", "date", false},
    {"name", "name", true},
    {"id", "id", false},
    {"sources", "source_count", false},
    {"speaker", "speaker", true},
    {"published", "published", false},
    {"title", "title", true},
};

static void ascii_lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* Whether two texts are equal as SQL's lower() of each (ASCII only) are: strcasecmp() in
 * the C locale, which factd never leaves. */
static bool same_lowered(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

/* Sets the key of it for the sort on `field` (NULL: none, a null key).  False when out of
 * memory. */
static bool set_key(asof_item *it, const char *field)
{
    const struct asof_sort *s = NULL;
    for (size_t i = 0; i < sizeof asof_sorts / sizeof asof_sorts[0] && field && !s; i++)
        if (strcmp(asof_sorts[i].field, field) == 0)
            s = &asof_sorts[i];
    json_t *v = s ? json_object_get(it->fact, s->member) : NULL;
    if (json_is_object(v)) /* a speaker: by name */
        v = json_object_get(v, "name");
    it->key_null = !v || json_is_null(v);
    it->key_is_int = json_is_integer(v);
    it->key_int = json_is_integer(v) ? json_integer_value(v) : 0;
    it->key_text = strdup(json_is_string(v) ? json_string_value(v) : "");
    if (it->key_text && s && s->lower)
        ascii_lower(it->key_text);
    return it->key_text != NULL;
}

/* The order of a list: null keys last either way, then the key, then (on the timeline and
 * the conflicts) the kind, then the id. */
static int compare_items(const void *a, const void *b, void *descending)
{
    const asof_item *x = a, *y = b;
    if (x->key_null != y->key_null)
        return x->key_null ? 1 : -1;
    int c = 0;
    if (!x->key_null)
        c = x->key_is_int ? (x->key_int > y->key_int) - (x->key_int < y->key_int)
                          : strcmp(x->key_text, y->key_text);
    if (!c && x->kind && y->kind)
        c = strcmp(x->kind, y->kind);
    if (!c)
        c = strcmp(x->id, y->id);
    return *(const bool *)descending ? -c : c;
}

/* --- evidence --- */

static void drop_excerpts(json_t *spans)
{
    size_t i;
    json_t *span;
    json_array_foreach(spans, i, span)
        json_object_del(span, "excerpt");
}

/* A version (read with its evidence in full) as served with the evidence asked for. */
static void shape_evidence(json_t *fact, enum store_evidence shown)
{
    const char *attribute;
    json_t *values, *value;
    size_t i;
    if (shown == STORE_EVIDENCE_FULL)
        return;
    drop_excerpts(json_object_get(fact, "sources"));
    json_object_foreach(json_object_get(fact, "disputes"), attribute, values)
        json_array_foreach(values, i, value)
            drop_excerpts(json_object_get(value, "evidence"));
    if (shown == STORE_EVIDENCE_NONE) {
        json_object_del(fact, "sources");
        json_object_del(fact, "evidence_total");
    }
}

/* --- the seq --- */

/* Turns the as_of asked into the seq answered: a time into the last seq at or before it, a
 * seq inside a write's entries into the end of that write (a state that was served), a seq
 * beyond the last into the last (so that the reads of one answer, one after the other, see
 * the same present whatever is written meanwhile).  False when the store failed
 * (answered). */
static bool resolve_seq(store *st, api_query *q, api_response *resp)
{
    long long last;
    if ((q->as_of_time[0] ? store_changes_seq_at(st, q->as_of_time, &q->as_of)
                          : store_changes_write_end(st, q->as_of, &q->as_of)) == STORE_OK &&
        store_changes_last(st, &last) == STORE_OK) {
        q->as_of = q->as_of < last ? q->as_of : last;
        return true;
    }
    log_error("api: as_of %lld%s failed: %s", q->as_of, q->as_of_time, store_errmsg(st));
    problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
    return false;
}

/* Refuses a seq at which the log cannot tell which articles were stored: before the
 * baseline of the articles a store had when it began to keep them (schema version 12), or
 * any seq while that baseline is still to be taken.  False when refused (answered). */
static bool sources_known(store *st, const api_query *q, api_response *resp)
{
    long long after;
    if (store_changes_sources_from(st, &after) != STORE_OK) {
        log_error("api: as_of %lld failed: %s", q->as_of, store_errmsg(st));
        problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
        return false;
    }
    if (after < 0)
        problem_respond(resp, q->pretty, "bad-parameter",
                        "as_of: the articles cannot be answered as of a seq yet: the change log "
                        "records the articles this store had before it kept them when a factd "
                        "first writes to it; ask without as_of");
    else if (after > 0 && q->as_of <= after)
        problem_respond(resp, q->pretty, "bad-parameter",
                        "as_of: the articles cannot be answered as of seq %lld: the change log "
                        "keeps them from seq %lld on; ask without as_of, or as of a later seq",
                        q->as_of, after + 1);
    return after == 0 || (after > 0 && q->as_of > after);
}

/* The versions of one kind (one fact's when id) at the seq asked, parsed, in *out (a new
 * array).  False when answered with a problem. */
static bool read_versions(store *st, enum store_kind kind, const char *id, const api_query *q,
                          api_response *resp, json_t **out)
{
    store_change_page page;
    *out = NULL;
    if (store_list_versions(st, kind_name(kind), id, q->as_of, &page) != STORE_OK) {
        log_error("api: as_of %lld failed: %s", q->as_of, store_errmsg(st));
        problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
        return false;
    }
    *out = json_array();
    for (size_t i = 0; i < page.n; i++) {
        json_t *fact = json_loads(page.entries[i].fact, 0, NULL);
        if (fact)
            json_array_append_new(*out, fact);
    }
    store_change_page_release(&page);
    return true;
}

/* --- filters --- */

/* Refuses source_id when a fact at the seq cited more articles than its inline spans show:
 * whether it cites the one asked for is not in its version.  Returns false. */
static bool refuse_source_id(const api_query *q, api_response *resp)
{
    problem_respond(resp, q->pretty, "bad-parameter",
                    "as_of: source_id cannot be answered as of seq %lld: a fact then cited more "
                    "articles than it carried inline; ask without as_of, or without source_id",
                    q->as_of);
    return false;
}

/* The filters a version cannot answer, and why; NULL when it can answer them all. */
static const char *unanswerable_filter(enum store_kind kind, const store_filters *f)
{
    if (f->q)
        return "q searches the text of now";
    if (kind == STORE_QUOTES && (f->date_from || f->date_to))
        return "from and to read the dates of the articles a quote is in";
    return NULL;
}

/* The person a person filter (signatory, participant, speaker) names, or NULL. */
static const char *person_filter(const store_filters *f)
{
    return f->signatory ? f->signatory : f->participant ? f->participant : f->speaker;
}

/* The ids of the people a person filter names as of the seq (as query.c's add_person_set
 * does now): by id, or by their name or an alias in any case. */
static json_t *people_named(const json_t *people, const char *person)
{
    json_t *ids = json_object(), *p, *alias;
    size_t i, k;
    json_array_foreach(people, i, p) {
        const char *id = json_string_value(json_object_get(p, "id"));
        bool named = (id && strcmp(id, person) == 0) ||
                     same_lowered(json_string_value(json_object_get(p, "name")), person);
        json_array_foreach(json_object_get(p, "aliases"), k, alias)
            named = named || same_lowered(json_string_value(alias), person);
        if (named && id)
            json_object_set_new(ids, id, json_true());
    }
    return ids;
}

/* The people of a fact ({"name", "title", "person_id"}): an agreement's signatories, a
 * meeting's participants, a quote's speaker; a new array. */
static json_t *people_of(const json_t *fact, enum store_kind kind)
{
    if (kind == STORE_QUOTES)
        return json_pack("[O]", json_object_get(fact, "speaker"));
    json_t *refs = json_object_get(fact, kind == STORE_AGREEMENTS ? "signatories" : "participants");
    return json_is_array(refs) ? json_copy(refs) : json_array();
}

/* Whether one of a fact's people ({"name", "title", "person_id"}) is one of `ids`, or is
 * named `person` (a name no person id stands for is matched as written). */
static bool names_person(const json_t *refs, const json_t *ids, const char *person)
{
    size_t i;
    json_t *ref;
    json_array_foreach(refs, i, ref) {
        const char *id = json_string_value(json_object_get(ref, "person_id"));
        if ((id && json_object_get(ids, id)) ||
            same_lowered(json_string_value(json_object_get(ref, "name")), person))
            return true;
    }
    return false;
}

/* Whether a fact's evidence is in an article: 1 yes, 0 no, -1 unknown (its inline spans,
 * each article's first before any second, do not cite all its articles). */
static int cites(const json_t *fact, const char *source)
{
    json_t *seen = json_object(), *span;
    size_t i;
    int found = 0;
    json_array_foreach(json_object_get(fact, "sources"), i, span) {
        const char *id = json_string_value(json_object_get(span, "source_id"));
        if (id) {
            json_object_set_new(seen, id, json_true());
            found |= strcmp(id, source) == 0;
        }
    }
    if (!found && (json_int_t)json_object_size(seen) <
                      json_integer_value(json_object_get(fact, "source_count")))
        found = -1;
    json_decref(seen);
    return found;
}

/* Whether the ISO date `date` (any precision) overlaps [from, to], as query.c's
 * add_date_range compares: at the shorter precision of the two. */
static bool date_in_range(const char *date, const char *from, const char *to)
{
    if (!date)
        return false;
    size_t n = strlen(date);
    if (from && strncmp(date, from, n < strlen(from) ? n : strlen(from)) < 0)
        return false;
    return !to || strncmp(date, to, n < strlen(to) ? n : strlen(to)) <= 0;
}

static bool any_party(const json_t *parties, const char *party)
{
    size_t i;
    json_t *p;
    json_array_foreach(parties, i, p)
        if (same_lowered(json_string_value(p), party))
            return true;
    return false;
}

/* Whether a version passes the filters of the request (those unanswerable_filter let by):
 * 1 yes, 0 no, -1 unknown (source_id of a fact that cites more articles than it carries).
 * `ids`: the people a person filter names. */
static int passes(const json_t *fact, enum store_kind kind, const store_filters *f,
                  const json_t *ids)
{
    const char *date = json_string_value(
        json_object_get(fact, kind == STORE_AGREEMENTS ? "signed" : "date"));
    const char *person = person_filter(f);
    if (f->party && !any_party(json_object_get(fact, "parties"), f->party))
        return 0;
    if (f->acronym &&
        !same_lowered(json_string_value(json_object_get(fact, "acronym")), f->acronym))
        return 0;
    if (f->place && !same_lowered(json_string_value(json_object_get(fact, "place")), f->place))
        return 0;
    if ((f->date_from || f->date_to) && !date_in_range(date, f->date_from, f->date_to))
        return 0;
    if (f->min_sources > 0 &&
        json_integer_value(json_object_get(fact, "source_count")) < f->min_sources)
        return 0;
    if (f->disputed && json_is_true(json_object_get(fact, "disputed")) != (f->disputed > 0))
        return 0;
    if (person) {
        json_t *refs = people_of(fact, kind);
        bool named = names_person(refs, ids, person);
        json_decref(refs);
        if (!named)
            return 0;
    }
    return f->source_id ? cites(fact, f->source_id) : 1;
}

/* --- people and their facts --- */

/* The kinds of facts, and what they are dated by (the timeline's and the conflicts' date). */
static const struct dated_kind {
    const char *name, *date;
    enum store_kind kind;
} dated_kinds[] = {{"agreement", "signed", STORE_AGREEMENTS},
                   {"meeting", "date", STORE_MEETINGS},
                   {"quote", NULL, STORE_QUOTES},
                   {"person", NULL, STORE_PEOPLE}};

/* Whether one of the people of a fact of `kind` is the person `id`. */
static bool names_id(const json_t *fact, enum store_kind kind, const char *id)
{
    json_t *refs = people_of(fact, kind), *ref;
    size_t i;
    bool named = false;
    json_array_foreach(refs, i, ref) {
        const char *ref_id = json_string_value(json_object_get(ref, "person_id"));
        named = named || (ref_id && strcmp(ref_id, id) == 0);
    }
    json_decref(refs);
    return named;
}

/* A person's part in the facts (`facts`: the versions of agreements, meetings and quotes at
 * the seq): those of each kind that name them (by person id), in brief and in the order
 * read.c gives them (by date, undated last, then id). */
static void add_person_facts(json_t *person, json_t *const facts[3])
{
    static const struct {
        const char *member, *brief[3];
    } parts[] = {{"agreements", {"name", "signed", NULL}},
                 {"meetings", {"date", "place", NULL}},
                 {"quotes", {"text", NULL, NULL}}};
    const char *id = json_string_value(json_object_get(person, "id"));
    bool ascending = false;
    for (size_t k = 0; k < 3; k++) {
        json_t *fact, *briefs = json_array();
        size_t i, n = 0;
        asof_item *items = calloc(json_array_size(facts[k]) + 1, sizeof *items);
        json_array_foreach(facts[k], i, fact) {
            if (!items || !id || !names_id(fact, dated_kinds[k].kind, id))
                continue;
            items[n] = (asof_item){.fact = fact,
                                   .id = json_string_value(json_object_get(fact, "id"))};
            if (!items[n].id)
                items[n].id = "";
            n += set_key(&items[n], dated_kinds[k].date);
        }
        if (items)
            qsort_r(items, n, sizeof *items, compare_items, &ascending);
        for (i = 0; i < n; i++) {
            json_t *brief = json_pack("{s:s}", "id", items[i].id);
            for (size_t b = 0; parts[k].brief[b]; b++) {
                json_t *v = json_object_get(items[i].fact, parts[k].brief[b]);
                json_object_set_new(brief, parts[k].brief[b], v ? json_incref(v) : json_null());
            }
            json_array_append_new(briefs, brief);
            free(items[i].key_text);
        }
        free(items);
        json_object_set_new(person, parts[k].member, briefs);
    }
}

/* Reads the versions of agreements, meetings and quotes at the seq into facts.  False when
 * answered with a problem (those read are in facts still). */
static bool read_facts(store *st, const api_query *q, api_response *resp, json_t *facts[3])
{
    for (size_t k = 0; k < 3; k++)
        if (!read_versions(st, dated_kinds[k].kind, NULL, q, resp, &facts[k]))
            return false;
    return true;
}

/* --- serving a list --- */

/* An as-of list: its facts, filtered and sorted, those after the cursor from `first`. */
typedef struct asof_list {
    json_t *versions; /* the arrays of versions the items point into */
    asof_item *items;
    size_t n, cap, first;
    const char *sort_token; /* a list's, or the timeline's sort */
    enum { ASOF_FACTS, ASOF_TIMELINE, ASOF_CONFLICTS } entries; /* what it lists */
    json_t *const *facts; /* the conflicts: the versions of facts, for people's items */
    bool descending;
    enum store_evidence evidence;
    bool count;
} asof_list;

static void asof_list_release(asof_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].key_text);
    free(l->items);
    json_decref(l->versions);
}

/* Adds the versions of one kind that pass the filters to l, keyed for the sort on `field`
 * (`kind`: their name on the timeline or the conflicts, else NULL).  Takes `versions`.  False when
 * answered with a problem. */
static bool add_items(asof_list *l, json_t *versions, enum store_kind kind, const char *entry_kind,
                      const char *field, const api_query *q, const json_t *ids, api_response *resp)
{
    size_t i;
    json_t *fact;
    json_array_append_new(l->versions, versions);
    json_array_foreach(versions, i, fact) {
        int passed = passes(fact, kind, &q->filters, ids);
        if (passed < 0) {
            return refuse_source_id(q, resp);
        }
        if (!passed)
            continue;
        asof_item *grown = l->n < l->cap
                               ? l->items
                               : realloc(l->items, (l->cap = 2 * l->cap + 16) * sizeof *grown);
        if (!grown) {
            problem_respond(resp, q->pretty, "internal", "out of memory");
            return false;
        }
        l->items = grown;
        asof_item *it = &l->items[l->n];
        *it = (asof_item){.fact = fact,
                          .kind = entry_kind,
                          .id = json_string_value(json_object_get(fact, "id"))};
        if (!it->id)
            it->id = "";
        if (!set_key(it, field)) {
            problem_respond(resp, q->pretty, "internal", "out of memory");
            return false;
        }
        l->n++;
    }
    return true;
}

/* An item of the list as served, from its version (taken). */
static json_t *entry_of(const asof_list *l, const asof_item *it, json_t *fact)
{
    shape_evidence(fact, l->evidence);
    switch (l->entries) {
    case ASOF_TIMELINE:
        return timeline_entry_json(it->kind, fact);
    case ASOF_CONFLICTS:
        if (strcmp(it->kind, "person") == 0) /* a person is served as their item is */
            add_person_facts(fact, l->facts);
        return conflict_entry_json(it->kind, fact);
    case ASOF_FACTS:
        break;
    }
    return fact;
}

/* The cursor of the page after `last`, of the shape each list's own cursors have. */
static json_t *cursor_after(const asof_list *l, const asof_item *last)
{
    switch (l->entries) {
    case ASOF_TIMELINE:
        return json_pack("[s, s, b, s, s, s]", "timeline", l->sort_token, last->key_null,
                         last->key_text, last->kind, last->id);
    case ASOF_CONFLICTS:
        return json_pack("[s, b, s, s, s]", "conflicts", last->key_null, last->key_text, last->kind,
                         last->id);
    case ASOF_FACTS:
        break;
    }
    return json_pack("[s, b, o, s]", l->sort_token, last->key_null,
                     last->key_is_int ? json_integer(last->key_int) : json_string(last->key_text),
                     last->id);
}

static bool fetch_as_of(void *arg, int limit, list_page *out, api_response *resp)
{
    asof_list *l = arg;
    size_t end = l->first + (size_t)limit < l->n ? l->first + (size_t)limit : l->n;
    (void)resp;
    out->items = json_array();
    for (size_t i = l->first; i < end; i++)
        json_array_append_new(out->items,
                              entry_of(l, &l->items[i], json_deep_copy(l->items[i].fact)));
    out->total = l->count ? (long long)l->n : -1;
    if (end < l->n && end > l->first)
        out->next = cursor_after(l, &l->items[end - 1]);
    return true;
}

/* Sorts l, starts its page after `mark` (a cursor's item, or the item `after` names; NULL:
 * none) and serves it. */
static void serve_as_of(asof_list *l, const asof_item *mark, const api_request *req,
                        api_response *resp, const api_query *q, const char *path,
                        const char *const *fields)
{
    if (l->n) /* items is NULL without any */
        qsort_r(l->items, l->n, sizeof *l->items, compare_items, &l->descending);
    l->count = q->count;
    while (mark && l->first < l->n && compare_items(&l->items[l->first], mark, &l->descending) <= 0)
        l->first++;
    serve_list(resp, req, q, path, fetch_as_of, l, fields);
}

/* The item `after` names, keyed for the sort on `field`, in *mark (its key_text malloc'd),
 * found among all the versions, as a list of now keys an after= id whatever the filters:
 * 1, or 0 when no fact had that id then, -1 when out of memory.  Sorted by id, the id is
 * its own key, whether a fact has it or not (query.c's cursor_of_id). */
static int mark_of_id(json_t *versions, const char *after, const char *field, asof_item *mark)
{
    size_t i;
    json_t *fact;
    if (strcmp(field, "id") == 0) {
        *mark = (asof_item){.id = after, .key_text = strdup(after)};
        return mark->key_text ? 1 : -1;
    }
    json_array_foreach(versions, i, fact) {
        const char *id = json_string_value(json_object_get(fact, "id"));
        if (id && strcmp(id, after) == 0) {
            *mark = (asof_item){.fact = fact, .id = id};
            return set_key(mark, field) ? 1 : -1;
        }
    }
    return 0;
}

/* Refuses a filter no version answers; false when it did. */
static bool answerable(enum store_kind kind, const api_query *q, api_response *resp)
{
    const char *why = unanswerable_filter(kind, &q->filters);
    if (why)
        problem_respond(resp, q->pretty, "bad-parameter",
                        "as_of: this filter cannot be answered as of a seq (%s); ask without "
                        "as_of, or without the filter",
                        why);
    return !why;
}

void answer_list_as_of(store *st, const route_match *m, const api_request *req, api_response *resp,
                       const api_query *asked, const asof_order *order)
{
    api_query seq_query = *asked, *q = &seq_query;
    enum store_kind kind = m->route->kind;
    asof_list l = {.versions = json_array(),
                   .sort_token = order->sort_token,
                   .descending = order->descending,
                   .evidence = q->evidence};
    const store_cursor *c = order->cursor;
    asof_item mark = {.id = c ? c->id : NULL,
                      .key_null = c && c->key_null,
                      .key_is_int = c && c->key_is_int,
                      .key_int = c ? c->key_int : 0,
                      .key_text = (char *)(c && c->key_text ? c->key_text : "")};
    json_t *versions, *ids = NULL;
    bool after_key = false; /* mark.key_text is mark_of_id()'s */

    if (!answerable(kind, q, resp) || !resolve_seq(st, q, resp) ||
        (kind == STORE_SOURCES && !sources_known(st, q, resp)))
        goto out;
    if (person_filter(&q->filters)) {
        json_t *people;
        if (!read_versions(st, STORE_PEOPLE, NULL, q, resp, &people))
            goto out;
        ids = people_named(people, person_filter(&q->filters));
        json_decref(people);
    }
    if (!read_versions(st, kind, NULL, q, resp, &versions))
        goto out;
    int after = q->after ? mark_of_id(versions, q->after, order->field, &mark) : 1;
    if (after < 0) {
        json_decref(versions);
        problem_respond(resp, q->pretty, "internal", "out of memory");
        goto out;
    }
    after_key = q->after && after;
    if (add_items(&l, versions, kind, NULL, order->field, q, ids, resp)) {
        /* an id no fact had then: an empty page, as a list of now answers it */
        l.first = after ? 0 : l.n;
        serve_as_of(&l, c || after_key ? &mark : NULL, req, resp, q, m->route->collection,
                    api_kind_fields(kind, false));
    }
out:
    if (after_key)
        free(mark.key_text);
    json_decref(ids);
    asof_list_release(&l);
}

void answer_timeline_as_of(store *st, const api_request *req, api_response *resp,
                           const api_query *asked, const char *sort, const store_timeline_cursor *c,
                           const char *const *fields)
{
    api_query seq_query = *asked, *q = &seq_query;
    asof_list l = {.versions = json_array(),
                   .sort_token = sort,
                   .entries = ASOF_TIMELINE,
                   .descending = sort[0] == '-',
                   .evidence = q->evidence};
    asof_item mark = {.id = c ? c->id : NULL,
                      .kind = c ? c->kind : NULL,
                      .key_null = c && c->date_null,
                      .key_text = (char *)(c && c->date ? c->date : "")};
    json_t *versions;

    if (!resolve_seq(st, q, resp))
        goto out;
    for (size_t k = 0; k < 2; k++) /* agreements and meetings */
        if ((!q->kind || strcmp(q->kind, dated_kinds[k].name) == 0) &&
            !(read_versions(st, dated_kinds[k].kind, NULL, q, resp, &versions) &&
              add_items(&l, versions, dated_kinds[k].kind, dated_kinds[k].name, dated_kinds[k].date,
                        q, NULL, resp)))
            goto out;
    serve_as_of(&l, c ? &mark : NULL, req, resp, q, "/timeline", fields);
out:
    asof_list_release(&l);
}

/* --- the conflicts --- */

/* Whether a person takes part in a fact (of `facts`, the versions of each kind) whose
 * evidence is in an article: 1 yes, 0 no, -1 unknown (cites()). */
static int person_cites(json_t *const facts[3], const char *person, const char *source)
{
    int found = 0;
    size_t i;
    json_t *fact;
    for (size_t k = 0; k < 3 && found != 1; k++)
        json_array_foreach(facts[k], i, fact) {
            if (!names_id(fact, dated_kinds[k].kind, person))
                continue;
            int c = cites(fact, source);
            found = c == 1 || found == 1 ? 1 : c < 0 ? -1 : found;
        }
    return found;
}

/* Keeps of a kind's versions those /conflicts lists: disputed (on `attribute` when given),
 * with evidence in the article source_id when given (a person: in a fact of theirs).  False
 * when that cannot be told (answered). */
static bool keep_conflicts(json_t *versions, const struct dated_kind *k, json_t *const facts[3],
                           const api_query *q, api_response *resp)
{
    for (size_t i = json_array_size(versions); i-- > 0;) {
        json_t *fact = json_array_get(versions, i);
        const char *id = json_string_value(json_object_get(fact, "id"));
        int keep = json_is_true(json_object_get(fact, "disputed")) &&
                   (!q->attribute ||
                    json_object_get(json_object_get(fact, "disputes"), q->attribute));
        if (keep && q->filters.source_id)
            keep = k->kind == STORE_PEOPLE ? person_cites(facts, id ? id : "", q->filters.source_id)
                                           : cites(fact, q->filters.source_id);
        if (keep < 0) {
            return refuse_source_id(q, resp);
        }
        if (!keep)
            json_array_remove(versions, i);
    }
    return true;
}

void answer_conflicts_as_of(store *st, const api_request *req, api_response *resp,
                            const api_query *asked, const store_timeline_cursor *c,
                            const char *const *fields)
{
    api_query seq_query = *asked, *q = &seq_query;
    asof_list l = {.versions = json_array(),
                   .entries = ASOF_CONFLICTS,
                   .descending = true,
                   .evidence = q->evidence};
    asof_item mark = {.id = c ? c->id : NULL,
                      .kind = c ? c->kind : NULL,
                      .key_null = c && c->date_null,
                      .key_text = (char *)(c && c->date ? c->date : "")};
    json_t *versions[4] = {NULL};
    bool ok = resolve_seq(st, q, resp);
    api_query unfiltered = {.as_of = q->as_of, .pretty = q->pretty}; /* kept: no more filters */

    /* every kind: a person is served with their facts, and found by article through them */
    for (size_t k = 0; k < 4 && ok; k++)
        ok = read_versions(st, dated_kinds[k].kind, NULL, q, resp, &versions[k]);
    l.facts = versions;
    for (size_t k = 0; k < 4 && ok; k++) {
        if (q->kind && strcmp(q->kind, dated_kinds[k].name) != 0)
            continue;
        json_t *kept = json_copy(versions[k]);
        ok = keep_conflicts(kept, &dated_kinds[k], versions, q, resp) &&
             add_items(&l, kept, dated_kinds[k].kind, dated_kinds[k].name, dated_kinds[k].date,
                       &unfiltered, NULL, resp);
    }
    if (ok)
        serve_as_of(&l, c ? &mark : NULL, req, resp, q, "/conflicts", fields);
    for (size_t k = 0; k < 4; k++)
        json_decref(versions[k]);
    asof_list_release(&l);
}

/* --- items --- */

void answer_item_as_of(store *st, const route_match *m, api_response *resp, const api_query *asked)
{
    api_query seq_query = *asked, *q = &seq_query;
    json_t *versions;
    if (!resolve_seq(st, q, resp) ||
        (m->route->kind == STORE_SOURCES && !sources_known(st, q, resp)) ||
        !read_versions(st, m->route->kind, m->id, q, resp, &versions))
        return;
    json_t *fact = json_array_get(versions, 0), *facts[3] = {NULL};
    bool person = m->route->kind == STORE_PEOPLE;
    if (!fact) {
        problem_respond(resp, q->pretty, "not-found", "no %s had the id '%s' at seq %lld",
                        m->route->noun, m->id, q->as_of);
    } else if (!person || read_facts(st, q, resp, facts)) {
        if (person)
            add_person_facts(fact, facts);
        shape_evidence(fact, q->evidence);
        api_fields_apply(fact, q->fields);
        render_json(resp, 200, API_CT_JSON, json_incref(fact), q->pretty);
    }
    for (size_t k = 0; k < 3; k++)
        json_decref(facts[k]);
    json_decref(versions);
}

/* --- evidence --- */

/* The order of a fact's evidence pages: by source, then start, then end. */
static int compare_spans(const void *a, const void *b)
{
    const json_t *x = *(const json_t *const *)a, *y = *(const json_t *const *)b;
    const char *xs = json_string_value(json_object_get(x, "source_id"));
    const char *ys = json_string_value(json_object_get(y, "source_id"));
    int c = strcmp(xs ? xs : "", ys ? ys : "");
    json_int_t d = c ? 0
                     : json_integer_value(json_object_get(x, "start")) -
                           json_integer_value(json_object_get(y, "start"));
    if (!c && !d)
        d = json_integer_value(json_object_get(x, "end")) -
            json_integer_value(json_object_get(y, "end"));
    return c ? c : (d > 0) - (d < 0);
}

/* Whether a span comes after the cursor's. */
static bool span_after(const json_t *span, const store_evidence_cursor *c)
{
    const char *source = json_string_value(json_object_get(span, "source_id"));
    int k = strcmp(source ? source : "", c->source_id);
    long long start = json_integer_value(json_object_get(span, "start"));
    long long end = json_integer_value(json_object_get(span, "end"));
    return k > 0 || (k == 0 && (start > c->start || (start == c->start && end > c->end)));
}

/* An as-of evidence list: the version's spans, sorted, from `first`. */
typedef struct asof_spans {
    json_t **spans;
    size_t n, first;
    bool count;
} asof_spans;

static bool fetch_spans_as_of(void *arg, int limit, list_page *out, api_response *resp)
{
    asof_spans *l = arg;
    size_t end = l->first + (size_t)limit < l->n ? l->first + (size_t)limit : l->n;
    (void)resp;
    out->items = json_array();
    for (size_t i = l->first; i < end; i++)
        json_array_append_new(out->items, json_deep_copy(l->spans[i]));
    out->total = l->count ? (long long)l->n : -1;
    if (end < l->n && end > l->first) {
        const json_t *last = l->spans[end - 1];
        out->next = json_pack("[s, O, O, O]", "evidence", json_object_get(last, "source_id"),
                              json_object_get(last, "start"), json_object_get(last, "end"));
    }
    return true;
}

void answer_evidence_as_of(store *st, const route_match *m, const api_request *req,
                           api_response *resp, const api_query *asked,
                           const store_evidence_cursor *c, const char *path,
                           const char *const *fields)
{
    api_query seq_query = *asked, *q = &seq_query;
    json_t *versions;
    if (!resolve_seq(st, q, resp) || !read_versions(st, m->route->kind, m->id, q, resp, &versions))
        return;
    json_t *fact = json_array_get(versions, 0), *spans = json_object_get(fact, "sources");
    asof_spans l = {.count = q->count};
    size_t kept = json_array_size(spans);
    json_int_t total = json_integer_value(json_object_get(fact, "evidence_total"));
    if (!fact) {
        problem_respond(resp, q->pretty, "not-found", "no %s had the id '%s' at seq %lld",
                        m->route->noun, m->id, q->as_of);
    } else if (total > (json_int_t)kept) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "as_of: the evidence of %s '%s' cannot be answered as of seq %lld: it "
                        "then had %lld spans, of which the change log keeps the first %zu; ask "
                        "without as_of",
                        m->route->noun, m->id, q->as_of, (long long)total, kept);
    } else if (!(l.spans = calloc(kept + 1, sizeof(json_t *)))) {
        problem_respond(resp, q->pretty, "internal", "out of memory");
    } else {
        for (size_t i = 0; i < kept; i++)
            l.spans[l.n++] = json_array_get(spans, i);
        if (l.n)
            qsort(l.spans, l.n, sizeof(json_t *), compare_spans);
        while (c && l.first < l.n && !span_after(l.spans[l.first], c))
            l.first++;
        serve_list(resp, req, q, path, fetch_spans_as_of, &l, fields);
    }
    free(l.spans);
    json_decref(versions);
}

/* --- an article's text --- */

void answer_source_text_as_of(store *st, const route_match *m, api_response *resp,
                              const api_query *asked)
{
    api_query seq_query = *asked, *q = &seq_query;
    json_t *versions;
    char *text = NULL;
    size_t len = 0;
    if (!resolve_seq(st, q, resp) || !sources_known(st, q, resp) ||
        !read_versions(st, STORE_SOURCES, m->id, q, resp, &versions))
        return;
    bool stored = json_array_size(versions) > 0;
    json_decref(versions);
    if (!stored) {
        problem_respond(resp, q->pretty, "not-found", "no source had the id '%s' at seq %lld",
                        m->id, q->as_of);
        return;
    }
    /* an article's id is its digest's: the text stored now under it is the text of then */
    switch (store_source_text(st, m->id, &text, &len)) {
    case STORE_OK:
        render_bytes(resp, 200, API_CT_TEXT, text, len);
        return;
    case STORE_NOT_FOUND:
        problem_respond(resp, q->pretty, "bad-parameter",
                        "as_of: the text of source '%s' cannot be answered as of seq %lld: the "
                        "article was removed since, and the change log keeps what /sources "
                        "served of it, not its text",
                        m->id, q->as_of);
        return;
    default:
        free(text);
        log_error("api: /sources/{id}/text as_of failed: %s", store_errmsg(st));
        problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
        return;
    }
}

/* --- the statistics --- */

/* One group of a count: its key, its label, how many. */
typedef struct stat_group {
    const char *key;   /* in the map of groups */
    json_t *label;     /* the year, party or speaker, borrowed */
    const char *extra; /* a speaker's person id, or NULL */
    json_int_t n;
} stat_group;

/* Largest count first, then the label (nulls last; numbers as numbers), then the person id,
 * as stats.c's top lists; `by_label` orders the by-year lists by the label alone. */
static int compare_groups(const void *a, const void *b, void *by_label)
{
    const stat_group *x = a, *y = b;
    int c = *(const bool *)by_label ? 0 : (y->n > x->n) - (y->n < x->n);
    bool xn = json_is_null(x->label), yn = json_is_null(y->label);
    if (!c && xn != yn)
        c = xn ? 1 : -1;
    if (!c && !xn && json_is_integer(x->label))
        c = (json_integer_value(x->label) > json_integer_value(y->label)) -
            (json_integer_value(x->label) < json_integer_value(y->label));
    else if (!c && !xn)
        c = strcmp(json_string_value(x->label), json_string_value(y->label));
    if (!c && (x->extra || y->extra))
        c = !x->extra ? -1 : !y->extra ? 1 : strcmp(x->extra, y->extra);
    return c;
}

/* Counts into `groups` (key -> [label, count, person id]) one under `key`. */
static void count_in(json_t *groups, const char *key, json_t *label, const char *person)
{
    json_t *g = json_object_get(groups, key);
    if (g) {
        json_array_set_new(g, 1, json_integer(json_integer_value(json_array_get(g, 1)) + 1));
        json_decref(label);
        return;
    }
    json_object_set_new(groups, key,
                        json_pack("[o, i, o]", label, 1,
                                  person ? json_string(person) : json_null()));
}

/* The groups sorted, at most `top` of them (0: all), as [{name: label, "count": n}] or with
 * the person id of a speaker. */
static json_t *ranked(json_t *groups, const char *name, bool by_label, size_t top, bool person)
{
    size_t n = json_object_size(groups), i = 0;
    stat_group *v = calloc(n + 1, sizeof *v);
    json_t *out = json_array(), *g;
    const char *key;
    if (!v)
        return out;
    json_object_foreach(groups, key, g) {
        v[i++] = (stat_group){.key = key,
                              .label = json_array_get(g, 0),
                              .extra = json_string_value(json_array_get(g, 2)),
                              .n = json_integer_value(json_array_get(g, 1))};
    }
    if (n)
        qsort_r(v, n, sizeof *v, compare_groups, &by_label);
    for (i = 0; i < n && (!top || i < top); i++) {
        json_t *entry = json_pack("{s:O}", name, v[i].label);
        if (person)
            json_object_set_new(entry, "person_id",
                                v[i].extra ? json_string(v[i].extra) : json_null());
        json_object_set_new(entry, "count", json_integer(v[i].n));
        json_array_append_new(out, entry);
    }
    free(v);
    return out;
}

/* The year of an ISO date, as stats.c reads it: its first four digits, else null. */
static json_t *year_of(const char *date)
{
    if (!date || strlen(date) < 4)
        return json_null();
    for (size_t i = 0; i < 4; i++)
        if (date[i] < '0' || date[i] > '9')
            return json_null();
    return json_integer((date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 +
                        (date[3] - '0'));
}

static json_t *by_year(const json_t *facts, const char *member)
{
    json_t *groups = json_object(), *fact, *out;
    size_t i;
    json_array_foreach(facts, i, fact) {
        json_t *year = year_of(json_string_value(json_object_get(fact, member)));
        char key[32];
        snprintf(key, sizeof key, "%lld",
                 json_is_null(year) ? -1LL : (long long)json_integer_value(year));
        count_in(groups, key, year, NULL);
    }
    out = ranked(groups, "year", true, 0, false);
    json_decref(groups);
    return out;
}

static json_t *by_party(const json_t *agreements, size_t top)
{
    json_t *groups = json_object(), *fact, *party, *out;
    size_t i, k;
    json_array_foreach(agreements, i, fact) {
        json_t *seen = json_object(); /* an agreement counts once for each party */
        json_array_foreach(json_object_get(fact, "parties"), k, party) {
            const char *name = json_string_value(party);
            if (!name || json_object_get(seen, name))
                continue;
            json_object_set_new(seen, name, json_true());
            count_in(groups, name, json_string(name), NULL);
        }
        json_decref(seen);
    }
    out = ranked(groups, "party", false, top, false);
    json_decref(groups);
    return out;
}

/* A speaker who is one of the people goes by the person's name (as of the seq), the others
 * by the name the quote gives; one group for the quotes of unknown speakers. */
static json_t *by_speaker(const json_t *quotes, const json_t *people, size_t top)
{
    json_t *groups = json_object(), *names = json_object(), *fact, *out;
    size_t i;
    json_array_foreach(people, i, fact) {
        const char *id = json_string_value(json_object_get(fact, "id"));
        if (id)
            json_object_set(names, id, json_object_get(fact, "name"));
    }
    json_array_foreach(quotes, i, fact) {
        json_t *speaker = json_object_get(fact, "speaker");
        const char *person = json_string_value(json_object_get(speaker, "person_id"));
        const char *name = json_string_value(json_object_get(speaker, "name"));
        json_t *named = person ? json_object_get(names, person) : NULL;
        strbuf key = STRBUF_INIT;
        strbuf_addf(&key, "%c%s",
                    person ? 'p'
                    : name ? 'n'
                           : 'u',
                    person ? person
                    : name ? name
                           : "");
        json_t *label = named && json_is_string(named) ? json_incref(named)
                        : name                         ? json_string(name)
                                                       : json_null();
        count_in(groups, key.buf, label, person);
        strbuf_release(&key);
    }
    out = ranked(groups, "speaker", false, top, true);
    json_decref(groups);
    json_decref(names);
    return out;
}

void answer_stats_as_of(store *st, api_response *resp, const api_query *asked, int top)
{
    static const struct {
        const char *count;
        enum store_kind kind;
    } counted[] = {{"sources", STORE_SOURCES},
                   {"agreements", STORE_AGREEMENTS},
                   {"meetings", STORE_MEETINGS},
                   {"quotes", STORE_QUOTES},
                   {"people", STORE_PEOPLE}};
    api_query seq_query = *asked, *q = &seq_query;
    json_t *versions[5] = {NULL};
    bool ok = resolve_seq(st, q, resp) && sources_known(st, q, resp);
    for (size_t k = 0; k < 5 && ok; k++)
        ok = read_versions(st, counted[k].kind, NULL, q, resp, &versions[k]);
    if (ok) {
        json_t *doc = json_object(), *counts = json_object();
        for (size_t k = 0; k < 5; k++)
            json_object_set_new(counts, counted[k].count,
                                json_integer((json_int_t)json_array_size(versions[k])));
        json_object_set_new(doc, "counts", counts);
        json_object_set_new(doc, "agreements_by_year", by_year(versions[1], "signed"));
        json_object_set_new(doc, "meetings_by_year", by_year(versions[2], "date"));
        json_object_set_new(doc, "agreements_by_party", by_party(versions[1], (size_t)top));
        json_object_set_new(doc, "quotes_by_speaker",
                            by_speaker(versions[3], versions[4], (size_t)top));
        render_json(resp, 200, API_CT_JSON, doc, q->pretty);
    }
    for (size_t k = 0; k < 5; k++)
        json_decref(versions[k]);
}

/* --- search --- */

/* The most text one search as of a seq indexes (the articles' texts and titles, the quotes'
 * texts, the agreements' names): past it the request is refused. */
#define SEARCH_AS_OF_MAX_BYTES (64u << 20)

/* A search as of a seq: the documents the index held then, made from the versions. */
typedef struct asof_search {
    store *st;
    store_search_query query;
    const api_query *q;
    json_t *versions[3]; /* of articles, agreements and quotes, which the documents point into */
    json_t *facts;       /* "kind/id" -> the version */
    store_search_doc *docs;
    size_t ndocs;
    char **texts;  /* the articles', malloc'd */
    strbuf *names; /* the agreements' names as the index holds them */
} asof_search;

static void asof_search_release(asof_search *s)
{
    for (size_t i = 0; i < s->ndocs; i++) {
        free(s->texts ? s->texts[i] : NULL);
        strbuf_release(&s->names[i]);
        free((void *)s->docs[i].spans);
    }
    free(s->texts);
    free(s->names);
    free(s->docs);
    for (size_t k = 0; k < 3; k++)
        json_decref(s->versions[k]);
    json_decref(s->facts);
}

static int compare_search_spans(const void *a, const void *b)
{
    const store_search_span *x = a, *y = b;
    int c = strcmp(x->source_id ? x->source_id : "", y->source_id ? y->source_id : "");
    if (!c)
        c = (x->start > y->start) - (x->start < y->start);
    return c ? c : (x->end > y->end) - (x->end < y->end);
}

/* The fact's evidence as the index's search reads it, in doc (spans_partial when its
 * version keeps fewer spans than it had).  False when out of memory. */
static bool search_spans(const json_t *fact, store_search_doc *doc)
{
    json_t *spans = json_object_get(fact, "sources"), *span;
    size_t i, n = json_array_size(spans);
    store_search_span *v = calloc(n + 1, sizeof *v);
    if (!v)
        return false;
    json_array_foreach(spans, i, span)
        v[i] = (store_search_span){json_string_value(json_object_get(span, "source_id")),
                                   json_integer_value(json_object_get(span, "start")),
                                   json_integer_value(json_object_get(span, "end")),
                                   json_string_value(json_object_get(span, "excerpt"))};
    if (n)
        qsort(v, n, sizeof *v, compare_search_spans);
    doc->spans = v;
    doc->nspans = n;
    doc->spans_partial = json_integer_value(json_object_get(fact, "evidence_total")) >
                         (json_int_t)n;
    return true;
}

/* Makes s's documents from the versions at the seq: each article with its text, each
 * agreement with its name, aliases and acronym a line each, each quote with its text.
 * False when answered with a problem. */
static bool search_docs(asof_search *s, api_response *resp)
{
    static const enum store_kind kinds[3] = {STORE_SOURCES, STORE_AGREEMENTS, STORE_QUOTES};
    const api_query *q = s->q;
    size_t n = 0, bytes = 0;
    for (size_t k = 0; k < 3; k++)
        if (!read_versions(s->st, kinds[k], NULL, q, resp, &s->versions[k]))
            return false;
    for (size_t k = 0; k < 3; k++)
        n += json_array_size(s->versions[k]);
    s->docs = calloc(n + 1, sizeof *s->docs);
    s->texts = calloc(n + 1, sizeof *s->texts);
    s->names = calloc(n + 1, sizeof *s->names);
    s->facts = json_object();
    if (!s->docs || !s->texts || !s->names || !s->facts)
        goto oom;
    for (size_t k = 0; k < 3; k++) {
        size_t i;
        json_t *fact;
        json_array_foreach(s->versions[k], i, fact) {
            store_search_doc *doc = &s->docs[s->ndocs];
            strbuf *name = &s->names[s->ndocs];
            strbuf key = STRBUF_INIT;
            *name = (strbuf)STRBUF_INIT;
            *doc = (store_search_doc){.kind = kinds[k],
                                      .id = json_string_value(json_object_get(fact, "id"))};
            s->ndocs++;
            if (!doc->id)
                continue;
            strbuf_addf(&key, "%s/%s", kind_name(kinds[k]), doc->id);
            json_object_set(s->facts, key.buf, fact);
            strbuf_release(&key);
            if (kinds[k] == STORE_SOURCES) {
                size_t len = 0;
                int rc = store_source_text(s->st, doc->id, &s->texts[s->ndocs - 1], &len);
                if (rc == STORE_NOT_FOUND) {
                    problem_respond(resp, q->pretty, "bad-parameter",
                                    "as_of: /search cannot be answered as of seq %lld: the "
                                    "article '%s' was removed since, and the change log keeps "
                                    "no text of it (a search ranks by every text it indexes); "
                                    "ask without as_of",
                                    q->as_of, doc->id);
                    return false;
                }
                if (rc != STORE_OK) {
                    log_error("api: /search as_of failed: %s", store_errmsg(s->st));
                    problem_respond(resp, q->pretty, "internal",
                                    "the database could not answer the request");
                    return false;
                }
                doc->name = json_string_value(json_object_get(fact, "title"));
                doc->body = s->texts[s->ndocs - 1];
                doc->body_len = len;
                bytes += len;
            } else if (kinds[k] == STORE_AGREEMENTS) {
                json_t *alias;
                size_t a;
                const char *acronym = json_string_value(json_object_get(fact, "acronym"));
                strbuf_addstr(name, json_string_value(json_object_get(fact, "name")));
                json_array_foreach(json_object_get(fact, "aliases"), a, alias)
                    strbuf_addf(name, "\n%s", json_string_value(alias));
                if (acronym)
                    strbuf_addf(name, "\n%s", acronym);
                doc->name = name->buf ? name->buf : "";
                if (!search_spans(fact, doc))
                    goto oom;
            } else {
                doc->body = json_string_value(json_object_get(fact, "text"));
                doc->body_len = doc->body ? strlen(doc->body) : 0;
                if (!search_spans(fact, doc))
                    goto oom;
            }
            bytes += (doc->name ? strlen(doc->name) : 0) + (k == 2 ? doc->body_len : 0);
            if (bytes > SEARCH_AS_OF_MAX_BYTES) {
                problem_respond(resp, q->pretty, "bad-parameter",
                                "as_of: /search cannot be answered as of seq %lld: it would index "
                                "more than the %u MiB of text one search as of a seq may read "
                                "(the articles, agreements and quotes of then); ask without as_of",
                                q->as_of, SEARCH_AS_OF_MAX_BYTES >> 20);
                return false;
            }
        }
    }
    return true;
oom:
    problem_respond(resp, q->pretty, "internal", "out of memory");
    return false;
}

static bool fetch_search_as_of(void *arg, int limit, list_page *out, api_response *resp)
{
    asof_search *s = arg;
    store_search_page page;
    bool ok = false;

    s->query.limit = limit;
    switch (store_search_docs(s->st, &s->query, s->docs, s->ndocs, &page)) {
    case STORE_OK:
        break;
    case STORE_BAD_QUERY:
        search_query_refused(resp, s->q->pretty, s->st);
        goto out;
    case STORE_CONFLICT:
        problem_respond(resp, s->q->pretty, "bad-parameter",
                        "as_of: /search cannot be answered as of seq %lld: %s, and a hit shows "
                        "where its evidence matched (a version keeps a fact's first %d spans); "
                        "ask without as_of",
                        s->q->as_of, store_errmsg(s->st), STORE_EVIDENCE_INLINE);
        goto out;
    default:
        log_error("api: /search as_of failed: %s", store_errmsg(s->st));
        problem_respond(resp, s->q->pretty, "internal",
                        "the database could not answer the request");
        goto out;
    }
    out->items = json_array();
    for (size_t i = 0; i < page.n; i++) {
        json_t *hit = hit_json(&page.hits[i]);
        strbuf key = STRBUF_INIT;
        strbuf_addf(&key, "%s/%s", kind_name(page.hits[i].kind), page.hits[i].id);
        json_t *fact = json_deep_copy(json_object_get(s->facts, key.buf));
        strbuf_release(&key);
        if (fact)
            shape_evidence(fact, s->q->evidence);
        json_object_set_new(hit, "fact", fact ? fact : json_null());
        json_array_append_new(out->items, hit);
    }
    out->total = page.total;
    if (page.next_cursor)
        out->next = json_pack("[s, s]", "search", page.next_cursor);
    ok = true;
out:
    store_search_page_release(&page);
    return ok;
}

void answer_search_as_of(store *st, const api_request *req, api_response *resp,
                         const api_query *asked, const store_search_query *query,
                         const char *const *fields)
{
    api_query seq_query = *asked, *q = &seq_query;
    asof_search s = {.st = st, .query = *query, .q = q};
    if (resolve_seq(st, q, resp) && sources_known(st, q, resp) && search_docs(&s, resp))
        serve_list(resp, req, q, "/search", fetch_search_as_of, &s, fields);
    asof_search_release(&s);
}

/* --- what the log does not keep --- */

bool as_of_refused(const route_match *m, api_response *resp, const api_query *q)
{
    const char *why;
    switch (m->route->action) {
    case ROUTE_SOURCE_FACTS:
        why = "the versions of facts show at most their first spans inline, not every fact an "
              "article had a part in, and the change log keeps no version of what the article "
              "itself said";
        break;
    default:
        return false;
    }
    problem_respond(resp, q->pretty, "bad-parameter",
                    "as_of: %s cannot be answered as of a seq (%s); ask without as_of",
                    m->route->pattern, why);
    return true;
}
