/* test_db: the temporary database of the store-level unit suites (see test_db.h). */
#include "tests/unit/test_db.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/digest.h"

static char test_db_dir[64];
char test_db_path[128];

void test_db_make(void)
{
    strcpy(test_db_dir, "/tmp/factd-unit-XXXXXX");
    cr_assert_not_null(mkdtemp(test_db_dir));
    snprintf(test_db_path, sizeof(test_db_path), "%s/facts.db", test_db_dir);
}

void test_db_remove(void)
{
    char p[160];
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        snprintf(p, sizeof(p), "%s%s", test_db_path, suffixes[i]);
        unlink(p);
    }
    rmdir(test_db_dir);
}

store *test_db_open_rw(void)
{
    char *err = NULL;
    store *st = store_open(test_db_path, false, &err);
    cr_assert_not_null(st, "store_open: %s", err ? err : "?");
    return st;
}

store *test_db_open_ro(void)
{
    char *err = NULL;
    store *st = store_open(test_db_path, true, &err);
    cr_assert_not_null(st, "store_open read-only: %s", err ? err : "?");
    return st;
}

void test_db_replace_facts(store *st, const char *doc_text)
{
    json_error_t jerr;
    json_t *doc = json_loads(doc_text, 0, &jerr);
    cr_assert_not_null(doc, "fixture: %s", jerr.text);
    cr_assert_eq(store_replace_facts(st, doc), STORE_OK, "%s", store_errmsg(st));
    json_decref(doc);
}

void test_sha256_hex(const char *data, size_t len, char hex[65])
{
    cr_assert(digest_sha256_hex(data, len, hex));
}
