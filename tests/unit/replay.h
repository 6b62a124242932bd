/* replay: a client of the change feed, for the tests that follow it.
 *
 * replay_apply() applies entries of the feed (as GET /changes serves them, or as the unit
 * tests build them from the store's rows) to a set of facts, keyed "kind/id", as a client
 * that follows the feed would, and checks each entry on the way: a created fact is not in
 * the set yet, an updated one is, and its `attributes` are exactly the members its version
 * changed; a merged or deleted one is there, and a merged one went into a fact that is
 * there.  Shared by the unit tests (test_changes.c) and the integration tests
 * (test_http_changes.c). */
#ifndef FACTD_TESTS_REPLAY_H
#define FACTD_TESTS_REPLAY_H

#include <jansson.h>
#include <stddef.h>

/* "kind/id", the key of a fact in a set. */
void replay_key(char *out, size_t size, const char *kind, const char *id);
/* Applies the entries (an array) in order to facts (key -> fact), asserting as above. */
void replay_apply(json_t *facts, const json_t *entries);

#endif
