/* replay: a client of the change feed, for the tests (see replay.h). */
#include "tests/unit/replay.h"

#include <criterion/criterion.h>
#include <string.h>

#include "store/store.h"

void replay_key(char *out, size_t size, const char *kind, const char *id)
{
    snprintf(out, size, "%s/%s", kind ? kind : "?", id ? id : "?");
}

/* Asserts that an update's attributes are the members of the fact that changed. */
static void expect_attributes(const json_t *before, const json_t *e, const char *key)
{
    json_t *changed = json_array();
    json_int_t seq = json_integer_value(json_object_get(e, "seq"));
    store_changes_diff(before, json_object_get(e, "fact"), changed);
    cr_assert(json_array_size(changed), "seq %lld: %s updated to what it was", (long long)seq, key);
    cr_assert(json_equal(changed, json_object_get(e, "attributes")),
              "seq %lld: %s: the attributes are not the members that changed", (long long)seq, key);
    json_decref(changed);
}

void replay_apply(json_t *facts, const json_t *entries)
{
    size_t i;
    json_t *e;
    json_array_foreach(entries, i, e) {
        const char *op = json_string_value(json_object_get(e, "op"));
        const char *kind = json_string_value(json_object_get(e, "kind"));
        char key[64], into[64];
        replay_key(key, sizeof key, kind, json_string_value(json_object_get(e, "id")));
        cr_assert(op && kind, "an entry without op or kind");
        json_t *before = json_object_get(facts, key);
        json_int_t seq = json_integer_value(json_object_get(e, "seq"));
        bool created = strcmp(op, "created") == 0, updated = strcmp(op, "updated") == 0;
        if (created || updated) {
            cr_assert(json_is_object(json_object_get(e, "fact")),
                      "seq %lld: %s %s without its fact", (long long)seq, key, op);
            cr_assert_eq(updated, before != NULL, "seq %lld: %s %s, but it was%s there",
                         (long long)seq, key, op, before ? "" : " not");
            if (updated)
                expect_attributes(before, e, key);
            json_object_set(facts, key, json_object_get(e, "fact"));
            continue;
        }
        cr_assert(before, "seq %lld: %s %s, but it was not there", (long long)seq, key, op);
        json_object_del(facts, key);
        if (strcmp(op, "merged") == 0) {
            replay_key(into, sizeof into, kind, json_string_value(json_object_get(e, "into")));
            cr_assert(json_object_get(facts, into), "seq %lld: %s merged into %s, not there",
                      (long long)seq, key, into);
        }
    }
}
