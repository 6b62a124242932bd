/* disputes: where the sources of one merged fact disagree (see ingest.h).
 *
 * Each report of a fact votes for the value it gives of each disputable attribute (an
 * agreement's signing date, place, parties and signatories; a meeting's date, place and
 * participants; a quote's speaker; a person's title).  A fact keeps its votes as
 *     {"signed": {"2025-10-31": {"sources": [source ids, sorted], "spans": [[source, start,
 *      end], ...: the first SPANS_KEPT in source and offset order]}, ...}, ...}
 * in its merge summary (or works them out from its reports, for meetings), so that a vote
 * added to the summary in any order gives the same votes, and an incremental merge the same
 * disputes as a full one.  A person's titles are only counted ({"n": reports, "at": [source,
 * place] of the first}): an article reports a person once, and with no spans to keep, the
 * summary of a person thousands of articles name stays small.
 *
 * The value served of a place, a set of parties or a title is the one most articles give,
 * then the most precise (the longer), then the earliest (the first report, by article id and
 * then place), then the first in code-point order (ingest_dispute_served); the disputes list
 * the values in that order.
 *
 * Two values of an attribute agree when one says less than the other and nothing else: a
 * date and a more precise one inside it ("2025-10" and "2025-10-31"), a place and a longer
 * name of it ("Kuala Lumpur" and "Kuala Lumpur, Malaysia"; a country and its capital), a
 * set and a superset of it, a title and a longer one with all its words ("Minister" and
 * "India's Defence Minister"; countries, demonyms and spellings folded, small words left
 * out: "U.S. Secretary of War" is "US Secretary of War").  An attribute is disputed when two
 * of its values do not agree; the disputes list then every value given, most sources first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "ingest/lexicon.h"

/* Spans kept as evidence of one value; the fact's own evidence has every span. */
#define SPANS_KEPT 10

/* How two values of an attribute compare. */
enum value_shape {
    SHAPE_DATE,  /* YYYY[-MM[-DD]] */
    SHAPE_PLACE, /* "City, Country": comma-separated parts */
    SHAPE_SET,   /* "a|b|c": sorted members */
    SHAPE_TITLE, /* words */
    SHAPE_NAME,  /* equal or not */
};

static const struct {
    const char *attribute;
    enum value_shape shape;
} attribute_shapes[] = {
    {"signed", SHAPE_DATE},  {"date", SHAPE_DATE},       {"place", SHAPE_PLACE},
    {"parties", SHAPE_SET},  {"signatories", SHAPE_SET}, {"participants", SHAPE_SET},
    {"speaker", SHAPE_NAME}, {"title", SHAPE_TITLE},
};

static enum value_shape shape_of(const char *attribute)
{
    for (size_t i = 0; i < sizeof attribute_shapes / sizeof attribute_shapes[0]; i++)
        if (strcmp(attribute_shapes[i].attribute, attribute) == 0)
            return attribute_shapes[i].shape;
    return SHAPE_NAME;
}

/* Inserts s into the sorted array of strings arr, once. */
static void sorted_add_string(json_t *arr, const char *s)
{
    size_t lo = 0, hi = json_array_size(arr);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(json_string_value(json_array_get(arr, mid)), s);
        if (c == 0)
            return;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    json_array_insert_new(arr, lo, json_string(s));
}

static int cmp_span(const json_t *a, const char *source, json_int_t start, json_int_t end)
{
    int c = strcmp(json_string_value(json_array_get(a, 0)), source);
    if (c)
        return c;
    json_int_t s = json_integer_value(json_array_get(a, 1)),
               e = json_integer_value(json_array_get(a, 2));
    if (s != start)
        return s < start ? -1 : 1;
    return (e > end) - (e < end);
}

/* Inserts a span into the sorted array spans, once, keeping the first SPANS_KEPT. */
static void sorted_add_span(json_t *spans, const char *source, json_int_t start, json_int_t end)
{
    size_t lo = 0, hi = json_array_size(spans);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_span(json_array_get(spans, mid), source, start, end);
        if (c == 0)
            return;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= SPANS_KEPT)
        return;
    json_array_insert_new(spans, lo, json_pack("[s, I, I]", source, start, end));
    if (json_array_size(spans) > SPANS_KEPT)
        json_array_remove(spans, SPANS_KEPT);
}

void ingest_dispute_vote(json_t *votes, const char *attribute, const char *value,
                         const char *source, const json_t *evidence)
{
    if (!votes || !value || !*value || !source)
        return;
    json_t *values = json_object_get(votes, attribute);
    if (!values)
        json_object_set_new(votes, attribute, values = json_object());
    json_t *vote = json_object_get(values, value);
    if (!vote)
        json_object_set_new(values, value, vote = json_pack("{s:[], s:[]}", "sources", "spans"));
    sorted_add_string(json_object_get(vote, "sources"), source);
    json_t *spans = json_object_get(vote, "spans");
    size_t i;
    json_t *e;
    json_array_foreach(evidence, i, e) {
        json_t *start = json_object_get(e, "start"), *end = json_object_get(e, "end");
        if (json_is_integer(start) && json_is_integer(end))
            sorted_add_span(spans, source, json_integer_value(start), json_integer_value(end));
    }
}

void ingest_dispute_count(json_t *votes, const char *attribute, const char *value,
                          const char *source, int idx)
{
    if (!votes || !value || !*value || !source)
        return;
    json_t *values = json_object_get(votes, attribute);
    if (!values)
        json_object_set_new(votes, attribute, values = json_object());
    json_t *vote = json_object_get(values, value);
    if (!vote) {
        json_object_set_new(values, value, json_pack("{s:i, s:[s, i]}", "n", 1, "at", source, idx));
        return;
    }
    json_t *n = json_object_get(vote, "n"), *at = json_object_get(vote, "at");
    json_integer_set(n, json_integer_value(n) + 1);
    int c = strcmp(source, json_string_value(json_array_get(at, 0)));
    if (c < 0 || (c == 0 && idx < json_integer_value(json_array_get(at, 1))))
        json_object_set_new(vote, "at", json_pack("[s, i]", source, idx));
}

/* --- agreement of two values --- */

/* Whether the date a says less than b and nothing else: "2025" and "2025-10" within
 * "2025-10-31". */
static bool date_within(const char *a, const char *b)
{
    size_t n = strlen(a);
    return strncmp(a, b, n) == 0 && (b[n] == '\0' || b[n] == '-');
}

/* Whether each of the `sep`-separated parts of a is a part of b (case folded for words). */
static bool parts_within(const char *a, const char *b, const char *sep)
{
    size_t seplen = strlen(sep);
    const char *p = a;
    for (;;) {
        const char *end = strstr(p, sep);
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool found = false;
        const char *q = b;
        for (;;) {
            const char *qend = strstr(q, sep);
            size_t qlen = qend ? (size_t)(qend - q) : strlen(q);
            if (qlen == len && strncasecmp(p, q, len) == 0) {
                found = true;
                break;
            }
            if (!qend)
                break;
            q = qend + seplen;
        }
        if (!found)
            return false;
        if (!end)
            return true;
        p = end + seplen;
    }
}

/* Whether each of the `sep`-separated parts of the place a is a part of b, or a country
 * whose capital is a part of b ("Malaysia" of "Kuala Lumpur"). */
static bool place_within(const char *a, const char *b)
{
    if (parts_within(a, b, ", "))
        return true;
    const char *country = lex_country(a, strlen(a));
    if (!country || strchr(a, ','))
        return false;
    for (const char *q = b;;) {
        const char *end = strstr(q, ", ");
        size_t len = end ? (size_t)(end - q) : strlen(q);
        const char *of = lex_capital_country(q, len);
        if (of && strcmp(of, country) == 0)
            return true;
        if (!end)
            return false;
        q = end + 2;
    }
}

/* Words a title may or may not have without saying another thing. */
static const char *const TITLE_SMALL_WORDS[] = {"of", "for", "and", "the", "to", "on", "&"};

/* Spellings of one title word: the first of each pair stands for the second. */
static const char *const TITLE_SPELLINGS[][2] = {
    {"defense", "defence"},
    {"european", "european union"},
};

#define TITLE_WORDS_MAX 24

/* The words of a title, folded ("India's" and "Indian": "india"), into words[] (each a
 * malloc'd string); how many. */
static size_t title_words(const char *title, char *words[TITLE_WORDS_MAX])
{
    size_t n = 0;
    const char *p = title;
    while (*p && n < TITLE_WORDS_MAX) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != ',')
            p++;
        size_t len = (size_t)(p - start);
        if (!len)
            continue;
        /* a possessive's 's (either apostrophe) */
        if (len > 2 && strncmp(start + len - 2, "'s", 2) == 0)
            len -= 2;
        else if (len > 4 && strncmp(start + len - 4, "\xe2\x80\x99s", 4) == 0)
            len -= 4;
        const char *country = lex_country(start, len);
        char *w = country ? strdup(country) : strndup(start, len);
        if (!w)
            break;
        /* "U.S." and "US": dots go */
        char *out = w;
        for (char *c = w; *c; c++)
            if (*c != '.')
                *out++ = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        *out = '\0';
        bool small = !*w;
        for (size_t i = 0; !small && i < sizeof TITLE_SMALL_WORDS / sizeof *TITLE_SMALL_WORDS; i++)
            small = strcmp(w, TITLE_SMALL_WORDS[i]) == 0;
        if (small) {
            free(w);
            continue;
        }
        for (size_t i = 0; i < sizeof TITLE_SPELLINGS / sizeof *TITLE_SPELLINGS; i++)
            if (strcmp(w, TITLE_SPELLINGS[i][0]) == 0) {
                free(w);
                w = strdup(TITLE_SPELLINGS[i][1]);
                break;
            }
        if (w)
            words[n++] = w;
    }
    return n;
}

/* Whether every word of the title a is a word of the title b (as title_words folds them). */
static bool title_within(const char *a, const char *b)
{
    char *wa[TITLE_WORDS_MAX], *wb[TITLE_WORDS_MAX];
    size_t na = title_words(a, wa), nb = title_words(b, wb);
    bool all = true;
    for (size_t i = 0; i < na && all; i++) {
        bool found = false;
        for (size_t k = 0; k < nb && !found; k++)
            found = strcmp(wa[i], wb[k]) == 0;
        all = found;
    }
    for (size_t i = 0; i < na; i++)
        free(wa[i]);
    for (size_t k = 0; k < nb; k++)
        free(wb[k]);
    return all;
}

static bool within(enum value_shape shape, const char *a, const char *b)
{
    switch (shape) {
    case SHAPE_DATE:
        return date_within(a, b);
    case SHAPE_PLACE:
        return place_within(a, b);
    case SHAPE_SET:
        return parts_within(a, b, "|");
    case SHAPE_TITLE:
        return title_within(a, b);
    case SHAPE_NAME:
        break;
    }
    return strcmp(a, b) == 0;
}

bool ingest_dispute_values_agree(const char *attribute, const char *a, const char *b)
{
    enum value_shape shape = shape_of(attribute);
    return within(shape, a, b) || within(shape, b, a);
}

/* --- the disputes of a fact --- */

typedef struct value_entry {
    const char *value;
    const json_t *vote;
    size_t sources;
} value_entry;

static value_entry entry_of(const char *value, const json_t *vote)
{
    const json_t *sources = json_object_get(vote, "sources");
    return (value_entry){value, vote,
                         sources ? json_array_size(sources)
                                 : (size_t)json_integer_value(json_object_get(vote, "n"))};
}

/* Where a value was first given: its first span, or a counted vote's first report. */
static bool first_given(const value_entry *e, const char **source, json_int_t *at)
{
    const json_t *first = json_array_get(json_object_get(e->vote, "spans"), 0);
    if (!first)
        first = json_object_get(e->vote, "at");
    *source = json_string_value(json_array_get(first, 0));
    *at = json_integer_value(json_array_get(first, 1));
    return *source != NULL;
}

/* Most sources first, then the more precise (longer) value, then the earliest given, then in
 * code-point order. */
static int cmp_entry(const void *x, const void *y)
{
    const value_entry *a = x, *b = y;
    if (a->sources != b->sources)
        return a->sources > b->sources ? -1 : 1;
    size_t la = strlen(a->value), lb = strlen(b->value);
    if (la != lb)
        return la > lb ? -1 : 1;
    const char *sa, *sb;
    json_int_t pa, pb;
    if (first_given(a, &sa, &pa) && first_given(b, &sb, &pb)) {
        int c = strcmp(sa, sb);
        if (c)
            return c;
        if (pa != pb)
            return pa < pb ? -1 : 1;
    }
    return strcmp(a->value, b->value);
}

const char *ingest_dispute_served(const json_t *votes, const char *attribute)
{
    const char *k;
    json_t *vote;
    value_entry best = {0};
    json_object_foreach(json_object_get(votes, attribute), k, vote) {
        value_entry e = entry_of(k, vote);
        if (!best.value || cmp_entry(&e, &best) < 0)
            best = e;
    }
    return best.value;
}

/* A value as served: a set's members as a list, anything else as a string. */
static json_t *value_json(enum value_shape shape, const char *value)
{
    if (shape != SHAPE_SET)
        return json_string(value);
    json_t *list = json_array();
    char *copy = strdup(value), *rest = NULL;
    for (char *tok = strtok_r(copy, "|", &rest); tok; tok = strtok_r(NULL, "|", &rest))
        json_array_append_new(list, json_string(tok));
    free(copy);
    return list;
}

/* The disputes of one attribute: NULL when its values all agree. */
static json_t *attribute_disputes(const char *attribute, const json_t *values)
{
    enum value_shape shape = shape_of(attribute);
    size_t n = json_object_size(values), i = 0;
    if (n < 2)
        return NULL;
    value_entry *v = calloc(n, sizeof *v);
    const char *k;
    json_t *vote;
    json_object_foreach((json_t *)values, k, vote)
        v[i++] = entry_of(k, vote);
    bool disputed = false;
    for (i = 0; i < n && !disputed; i++)
        for (size_t j = i + 1; j < n && !disputed; j++)
            disputed = !within(shape, v[i].value, v[j].value) &&
                       !within(shape, v[j].value, v[i].value);
    json_t *out = NULL;
    if (disputed) {
        qsort(v, n, sizeof *v, cmp_entry);
        out = json_array();
        for (i = 0; i < n; i++) {
            json_t *evidence = json_array(), *span;
            size_t s;
            json_array_foreach(json_object_get(v[i].vote, "spans"), s, span)
                json_array_append_new(evidence, json_pack("{s:O, s:O, s:O}", "source_id",
                                                          json_array_get(span, 0), "start",
                                                          json_array_get(span, 1), "end",
                                                          json_array_get(span, 2)));
            json_array_append_new(out, json_pack("{s:o, s:I, s:o}", "value",
                                                 value_json(shape, v[i].value), "sources",
                                                 (json_int_t)v[i].sources, "evidence", evidence));
        }
    }
    free(v);
    return out;
}

json_t *ingest_disputes(const json_t *votes)
{
    json_t *out = NULL, *values;
    const char *attribute;
    json_object_foreach((json_t *)votes, attribute, values) {
        json_t *d = attribute_disputes(attribute, values);
        if (!d)
            continue;
        if (!out)
            out = json_object();
        json_object_set_new(out, attribute, d);
    }
    return out;
}
