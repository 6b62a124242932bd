/* extract_helpers: look-ups over extraction and FACTS documents (see extract_helpers.h). */
#include "tests/unit/extract_helpers.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "util/strbuf.h"
#include "util/utf8.h"

json_t *extract_text(const char *text)
{
    return ingest_extract(text, strlen(text));
}

json_t *merge_texts(const char *const *ids, const char *const *texts, size_t n)
{
    json_t *sources = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(sources, json_pack("{s:s, s:o}", "source_id", ids[i], "extraction",
                                                 extract_text(texts[i])));
    json_t *facts = ingest_merge(sources);
    json_decref(sources);
    return facts;
}

const char *json_brief(const json_t *j)
{
    static char buf[4096];
    if (!j)
        return "(none)";
    char *s = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!s)
        return "(unprintable)";
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

const char *field_str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The words of s: ASCII letters folded to lower case, other code points kept, everything
 * that is neither a letter nor a digit read as a word break. */
static char *words_of(const char *s)
{
    strbuf sb = STRBUF_INIT;
    size_t len = strlen(s), i = 0;
    bool space = false;
    while (i < len) {
        size_t at = i;
        uint32_t c = utf8_next(s, len, &i);
        bool word = (c < 0x80 && isalnum((int)c)) ||
                    (c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F) && c != 0xD7 && c != 0xF7);
        if (!word) {
            space = sb.len > 0;
            continue;
        }
        if (space)
            strbuf_addch(&sb, ' ');
        space = false;
        if (c < 0x80)
            strbuf_addch(&sb, (char)tolower((int)c));
        else
            strbuf_add(&sb, s + at, i - at);
    }
    return strbuf_detach(&sb, NULL);
}

bool same_words(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    char *wa = words_of(a), *wb = words_of(b);
    bool same = strcmp(wa, wb) == 0;
    free(wa);
    free(wb);
    return same;
}

bool contains_ci(const char *hay, const char *needle)
{
    return hay && needle && strcasestr(hay, needle) != NULL;
}

bool equals_ci(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

const json_t *find_quote(const json_t *doc, const char *needle)
{
    size_t i;
    const json_t *q;
    json_array_foreach(json_object_get(doc, "quotes"), i, q) {
        if (contains_ci(field_str(q, "text"), needle))
            return q;
    }
    return NULL;
}

size_t count_quotes(const json_t *doc, const char *needle)
{
    size_t i, n = 0;
    const json_t *q;
    json_array_foreach(json_object_get(doc, "quotes"), i, q) {
        n += contains_ci(field_str(q, "text"), needle);
    }
    return n;
}

const char *speaker_name(const json_t *quote)
{
    return field_str(json_object_get(quote, "speaker"), "name");
}

static bool agreement_named(const json_t *a, const char *needle)
{
    if (contains_ci(field_str(a, "name"), needle) || contains_ci(field_str(a, "acronym"), needle))
        return true;
    size_t i;
    const json_t *alias;
    json_array_foreach(json_object_get(a, "aliases"), i, alias) {
        if (contains_ci(json_string_value(alias), needle))
            return true;
    }
    return false;
}

const json_t *find_agreement(const json_t *doc, const char *needle)
{
    size_t i;
    const json_t *a;
    json_array_foreach(json_object_get(doc, "agreements"), i, a) {
        if (agreement_named(a, needle))
            return a;
    }
    return NULL;
}

bool parties_are(const json_t *agreement, const char *a, const char *b)
{
    const json_t *parties = json_object_get(agreement, "parties");
    if (json_array_size(parties) != 2)
        return false;
    const char *p0 = json_string_value(json_array_get(parties, 0));
    const char *p1 = json_string_value(json_array_get(parties, 1));
    return (equals_ci(p0, a) && equals_ci(p1, b)) || (equals_ci(p0, b) && equals_ci(p1, a));
}

static bool named_in(const json_t *people, const char *name)
{
    size_t i;
    const json_t *p;
    json_array_foreach(people, i, p) {
        if (contains_ci(field_str(p, "name"), name))
            return true;
    }
    return false;
}

bool has_signatory(const json_t *agreement, const char *name)
{
    return named_in(json_object_get(agreement, "signatories"), name);
}

bool has_participant(const json_t *meeting, const char *name)
{
    return named_in(json_object_get(meeting, "participants"), name);
}

const json_t *find_meeting(const json_t *doc, const char *a, const char *b)
{
    size_t i;
    const json_t *m;
    json_array_foreach(json_object_get(doc, "meetings"), i, m) {
        if (has_participant(m, a) && has_participant(m, b))
            return m;
    }
    return NULL;
}

const json_t *find_person(const json_t *doc, const char *needle)
{
    size_t i;
    const json_t *p;
    json_array_foreach(json_object_get(doc, "people"), i, p) {
        if (contains_ci(field_str(p, "name"), needle))
            return p;
    }
    return NULL;
}

size_t count_people(const json_t *doc, const char *needle)
{
    size_t i, n = 0;
    const json_t *p;
    json_array_foreach(json_object_get(doc, "people"), i, p) {
        n += contains_ci(field_str(p, "name"), needle);
    }
    return n;
}

char *cp_slice(const char *text, long long start, long long end)
{
    size_t len = strlen(text);
    if (start < 0 || end < start)
        return strdup("");
    size_t a = utf8_cp_to_byte(text, len, (size_t)start);
    size_t b = utf8_cp_to_byte(text, len, (size_t)end);
    return strndup(text + a, b - a);
}

/* Calls test(excerpt, arg) for each evidence span of the fact from source_id (any source
 * when NULL); true when one call is. */
static bool any_excerpt(const json_t *fact, const char *source_id, const char *text,
                        bool (*test)(const char *, const char *), const char *arg)
{
    size_t i;
    const json_t *e;
    json_array_foreach(json_object_get(fact, "evidence"), i, e) {
        if (source_id && !equals_ci(field_str(e, "source_id"), source_id))
            continue;
        char *x = cp_slice(text, json_integer_value(json_object_get(e, "start")),
                           json_integer_value(json_object_get(e, "end")));
        bool hit = test(x, arg);
        free(x);
        if (hit)
            return true;
    }
    return false;
}

static bool excerpt_contains(const char *excerpt, const char *needle)
{
    return strstr(excerpt, needle) != NULL;
}

static bool excerpt_equals(const char *excerpt, const char *exact)
{
    return strcmp(excerpt, exact) == 0;
}

bool evidence_has(const json_t *fact, const char *source_id, const char *text, const char *needle)
{
    return any_excerpt(fact, source_id, text, excerpt_contains, needle);
}

bool evidence_is(const json_t *fact, const char *source_id, const char *text, const char *exact)
{
    return any_excerpt(fact, source_id, text, excerpt_equals, exact);
}

size_t evidence_from(const json_t *fact, const char *source_id)
{
    size_t i, n = 0;
    const json_t *e;
    json_array_foreach(json_object_get(fact, "evidence"), i, e) {
        n += equals_ci(field_str(e, "source_id"), source_id);
    }
    return n;
}

bool evidence_in_bounds(const json_t *extraction, const char *text)
{
    static const char *const KINDS[] = {"agreements", "meetings", "quotes"};
    long long chars = (long long)utf8_cp_count(text, strlen(text));
    for (size_t k = 0; k < sizeof KINDS / sizeof KINDS[0]; k++) {
        size_t i;
        const json_t *f;
        json_array_foreach(json_object_get(extraction, KINDS[k]), i, f) {
            size_t j;
            const json_t *e;
            json_array_foreach(json_object_get(f, "evidence"), j, e) {
                long long s = json_integer_value(json_object_get(e, "start"));
                long long t = json_integer_value(json_object_get(e, "end"));
                if (s < 0 || t <= s || t > chars)
                    return false;
            }
        }
    }
    return true;
}
