/* Integration tests of people on the bundled corpus: one person however the articles spell
 * them, each person's agreements, meetings and quotes, and every person_id a fact names
 * resolving to a person that lists that fact.
 *
 * The US defence secretary is the test case: the seed articles call him "Pete Hegseth",
 * "Peter Hegseth", "Hegseth" and "@SecWar", sign the 2025 framework and meet in Kuala Lumpur.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tests/integration/harness.h"

TestSuite(http_people, .init = harness_start, .fini = harness_stop);

/* GETs path, asserts 200, returns the parsed body. */

/* Every person, walking the pages of /people two at a time (so that paging is part of it). */
static json_t *all_people(void)
{
    json_t *people = json_array();
    char path[512] = "/people?limit=2";
    for (int pages = 0;; pages++) {
        cr_assert_lt(pages, 1000, "paging /people does not end");
        json_t *page = http_get_json_ok(path);
        json_array_extend(people, json_object_get(page, "data"));
        const char *next = json_string_value(json_object_get(page, "next"));
        if (next)
            snprintf(path, sizeof path, "%s", next);
        json_decref(page);
        if (!next)
            break;
    }
    return people;
}

/* True when the person's name or one of their aliases is `spelling`. */
static bool spelled(const json_t *person, const char *spelling)
{
    const char *name = json_string_value(json_object_get(person, "name"));
    const json_t *alias;
    size_t i;
    if (name && strcmp(name, spelling) == 0)
        return true;
    json_array_foreach(json_object_get(person, "aliases"), i, alias) {
        if (json_string_value(alias) && strcmp(json_string_value(alias), spelling) == 0)
            return true;
    }
    return false;
}

/* The one entry of list with this id, or NULL. */
static const json_t *entry_with_id(const json_t *list, const char *id)
{
    const json_t *e;
    size_t i;
    json_array_foreach(list, i, e) {
        const char *eid = json_string_value(json_object_get(e, "id"));
        if (eid && id && strcmp(eid, id) == 0)
            return e;
    }
    return NULL;
}

static const char *const hegseth_spellings[] = {"Pete Hegseth", "Peter Hegseth", "Hegseth",
                                                "@SecWar"};

/* The id (copied into id) of the one person any of the Hegseth spellings names. */
static void find_hegseth(const json_t *people, char id[65])
{
    const json_t *p;
    size_t i;
    id[0] = '\0';
    json_array_foreach(people, i, p) {
        for (size_t s = 0; s < sizeof hegseth_spellings / sizeof hegseth_spellings[0]; s++) {
            if (!spelled(p, hegseth_spellings[s]))
                continue;
            const char *pid = json_string_value(json_object_get(p, "id"));
            cr_assert(!id[0] || strcmp(id, pid) == 0,
                      "'%s' names person %s, another spelling names %s", hegseth_spellings[s], pid,
                      id);
            snprintf(id, 65, "%s", pid);
        }
    }
    cr_assert(id[0], "no person is spelled 'Pete Hegseth'");
}

Test(http_people, each_person_is_listed_once)
{
    json_t *people = all_people();
    const json_t *p, *q;
    size_t i, j;

    cr_assert_gt(json_array_size(people), 0);
    json_array_foreach(people, i, p) {
        const char *fields[] = {"id", "name", "title", "aliases", "counts"};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
            cr_assert(json_object_get(p, fields[f]), "person %zu lacks %s", i, fields[f]);
        cr_assert(json_is_string(json_object_get(p, "name")));
        cr_assert(json_is_array(json_object_get(p, "aliases")));
        cr_assert_null(json_object_get(p, "quotes"), "the list stays compact");
        /* No id and no name twice. */
        json_array_foreach(people, j, q) {
            if (j <= i)
                continue;
            cr_assert(!json_equal(json_object_get(p, "id"), json_object_get(q, "id")),
                      "id %s listed twice", json_string_value(json_object_get(p, "id")));
            cr_assert(strcasecmp(json_string_value(json_object_get(p, "name")),
                                 json_string_value(json_object_get(q, "name"))) != 0,
                      "two people named %s", json_string_value(json_object_get(p, "name")));
        }
    }

    /* However the articles spell him, the US defence secretary is one person, and every
     * spelling is among his name and aliases. */
    char id[65];
    find_hegseth(people, id);
    const json_t *hegseth = entry_with_id(people, id);
    for (size_t s = 0; s < sizeof hegseth_spellings / sizeof hegseth_spellings[0]; s++)
        cr_expect(spelled(hegseth, hegseth_spellings[s]), "'%s' is not a spelling of %s",
                  hegseth_spellings[s], id);
    json_decref(people);
}

Test(http_people, hegseth_has_his_quotes_the_framework_and_kuala_lumpur)
{
    json_t *people = all_people();
    char id[65], path[128];
    find_hegseth(people, id);
    json_decref(people);

    snprintf(path, sizeof path, "/people/%s", id);
    json_t *person = http_get_json_ok(path);
    cr_assert_str_eq(json_string_value(json_object_get(person, "id")), id);

    /* At least five quotes, each attributed to him by /quotes/{id}. */
    const json_t *quotes = json_object_get(person, "quotes");
    cr_assert_geq(json_array_size(quotes), 5, "%zu quotes", json_array_size(quotes));
    const json_t *entry;
    size_t i;
    json_array_foreach(quotes, i, entry) {
        char qpath[128];
        cr_assert(json_is_string(json_object_get(entry, "text")));
        snprintf(qpath, sizeof qpath, "/quotes/%s",
                 json_string_value(json_object_get(entry, "id")));
        json_t *quote = http_get_json_ok(qpath);
        cr_assert_str_eq(json_string_value(
                             json_object_get(json_object_get(quote, "speaker"), "person_id")),
                         id, "%s is not his", qpath);
        cr_assert(json_equal(json_object_get(quote, "text"), json_object_get(entry, "text")));
        json_decref(quote);
    }

    /* The 2025 framework among his agreements. */
    bool framework = false;
    json_array_foreach(json_object_get(person, "agreements"), i, entry) {
        const char *name = json_string_value(json_object_get(entry, "name"));
        const char *when = json_string_value(json_object_get(entry, "signed"));
        if (name && strstr(name, "Framework") && when && strncmp(when, "2025", 4) == 0)
            framework = true;
    }
    cr_expect(framework, "no 2025 framework among his agreements");

    /* The Kuala Lumpur meeting among his meetings. */
    bool kuala_lumpur = false;
    json_array_foreach(json_object_get(person, "meetings"), i, entry) {
        const char *place = json_string_value(json_object_get(entry, "place"));
        if (place && strstr(place, "Kuala Lumpur"))
            kuala_lumpur = true;
    }
    cr_expect(kuala_lumpur, "no meeting in Kuala Lumpur among his meetings");

    const json_t *counts = json_object_get(person, "counts");
    static const char *const members[] = {"agreements", "meetings", "quotes"};
    for (size_t m = 0; m < 3; m++)
        cr_assert_eq((size_t)json_integer_value(json_object_get(counts, members[m])),
                     json_array_size(json_object_get(person, members[m])), "counts.%s", members[m]);
    json_decref(person);
}

Test(http_people, every_person_id_of_a_fact_resolves)
{
    /* Each list, the member naming its people (a list, or the one speaker), and the member of
     * a person that lists those facts. */
    static const struct {
        const char *list, *refs, *person_member;
    } kinds[] = {{"/agreements?limit=1000", "signatories", "agreements"},
                 {"/meetings?limit=1000", "participants", "meetings"},
                 {"/quotes?limit=1000", "speaker", "quotes"}};
    int resolved = 0;

    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        json_t *doc = http_get_json_ok(kinds[k].list);
        cr_assert(json_is_null(json_object_get(doc, "next")), "%s: one page", kinds[k].list);
        const json_t *fact;
        size_t i;
        json_array_foreach(json_object_get(doc, "data"), i, fact) {
            const char *fact_id = json_string_value(json_object_get(fact, "id"));
            json_t *refs = json_object_get(fact, kinds[k].refs);
            refs = json_is_array(refs) ? json_incref(refs) : json_pack("[O]", refs);
            const json_t *ref;
            size_t j;
            json_array_foreach(refs, j, ref) {
                cr_assert(json_object_get(ref, "name") && json_object_get(ref, "title"),
                          "%s %s: a person keeps name and title", kinds[k].refs, fact_id);
                const json_t *pid = json_object_get(ref, "person_id");
                cr_assert(json_is_string(pid) || json_is_null(pid), "%s %s: person_id is served",
                          kinds[k].refs, fact_id);
                if (!json_is_string(pid))
                    continue;
                char path[128];
                snprintf(path, sizeof path, "/people/%s", json_string_value(pid));
                json_t *person = http_get_json_ok(path);
                cr_assert(entry_with_id(json_object_get(person, kinds[k].person_member), fact_id),
                          "%s does not list %s %s", path, kinds[k].person_member, fact_id);
                json_decref(person);
                resolved++;
            }
            json_decref(refs);
        }
        json_decref(doc);
    }
    cr_assert_geq(resolved, 5, "the corpus names people by id in its facts");
}

Test(http_people, detail_agrees_with_the_list)
{
    json_t *people = all_people();
    const json_t *p;
    size_t i;
    json_array_foreach(people, i, p) {
        char path[128];
        snprintf(path, sizeof path, "/people/%s", json_string_value(json_object_get(p, "id")));
        json_t *person = http_get_json_ok(path);
        const char *key;
        const json_t *value;
        json_object_foreach((json_t *)p, key, value)
            cr_assert(json_equal(json_object_get(person, key), value), "%s: %s differs", path, key);
        static const char *const members[] = {"agreements", "meetings", "quotes"};
        for (size_t m = 0; m < 3; m++) {
            const json_t *list = json_object_get(person, members[m]);
            cr_assert(json_is_array(list), "%s: %s", path, members[m]);
            cr_assert_eq(json_array_size(list),
                         (size_t)json_integer_value(
                             json_object_get(json_object_get(p, "counts"), members[m])),
                         "%s: counts.%s", path, members[m]);
        }
        json_decref(person);
    }
    json_decref(people);
}

Test(http_people, unknown_person_is_a_404_problem)
{
    static const char *const paths[] = {"/people/000000000000", "/people/no-such-person",
                                        "/people/%27%20OR%201%3D1"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        http_reply r;
        strbuf ct = STRBUF_INIT;
        http_reply_init(&r);
        cr_assert(http_get(paths[i], &r));
        cr_assert_eq(r.status, 404, "%s: %ld", paths[i], r.status);
        cr_assert(http_header(&r, "Content-Type", &ct));
        cr_assert_str_eq(ct.buf, "application/problem+json; charset=utf-8");
        json_t *doc = http_json(&r);
        cr_assert_str_eq(json_string_value(json_object_get(doc, "type")), "/problems/not-found");
        cr_assert_eq(json_integer_value(json_object_get(doc, "status")), 404);
        cr_assert(json_is_string(json_object_get(doc, "title")));
        cr_assert(json_is_string(json_object_get(doc, "detail")));
        json_decref(doc);
        strbuf_release(&ct);
        http_reply_release(&r);
    }
}
