/* test_db: the temporary database the store-level unit suites work on.
 *
 * test_db_make() (a suite's .init) makes a fresh folder under /tmp and names the database
 * file in it; test_db_remove() (its .fini) deletes the file with its WAL, shared-memory and
 * journal companions, and the folder.  Criterion runs each test in a process of its own, so
 * each test gets its own database.
 */
#ifndef FACTD_TEST_DB_H
#define FACTD_TEST_DB_H

#include <stddef.h>

#include "store/store.h"

/* The database file of the current test. */
extern char test_db_path[128];

void test_db_make(void);
void test_db_remove(void);
/* The database opened read-write (created and migrated) or read-only; asserts it opens. */
store *test_db_open_rw(void);
store *test_db_open_ro(void);
/* Replaces the stored facts with a FACTS document given as JSON text; asserts it works. */
void test_db_replace_facts(store *st, const char *doc_text);
/* Lowercase hex SHA-256 of data[0..len). */
void test_sha256_hex(const char *data, size_t len, char hex[65]);

#endif
