/* write_support: what the tests that write share (the write API, test_http_write.c;
 * durability, test_durability.c; operations, test_ops.c; the change feed,
 * test_http_changes.c): hashing, small files, the server with a token, deleting an article,
 * reading the database behind a server, waiting.
 */
#ifndef FACTD_TEST_WRITE_SUPPORT_H
#define FACTD_TEST_WRITE_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "tests/integration/harness.h"

/* The token the tests configure, and its Authorization header. */
#define SUPPORT_TOKEN "test-token-0123456789abcdef"
#define SUPPORT_AUTH "Authorization: Bearer " SUPPORT_TOKEN

/* The write API's token file, written in the harness's folder: its path (static). */
const char *support_token_file(void);
/* Restarts the harness's server with the write API enabled (a token file in the harness's
 * folder) and the extra `factd serve` arguments (NULL-terminated, or NULL); asserts it comes
 * up. */
void support_restart_with_token(const char *const extra[]);

/* DELETE /sources/{id} with the token; fills r (initialised here). */
void support_delete_source(const char *id, http_reply *r);

/* Lowercase hex SHA-256 of data. */
void support_sha256_hex(const void *data, size_t len, char out[65]);
/* The source id of an article: the first 12 hex digits of its SHA-256. */
void support_source_id(const char *text, size_t len, char out[13]);

/* Writes len bytes to path (asserts). */
void support_write_file(const char *path, const void *data, size_t len);
/* Writes data to dir/.name.tmp, then renames it to dir/name: the file appears whole. */
void support_publish_file(const char *dir, const char *name, const char *data);

/* The integer the first column of the first row of sql gives on the database at path, or
 * `otherwise` when there is no row; asserts on any SQLite error. */
long long support_db_int(const char *path, const char *sql, long long otherwise);
/* Runs statements on the database at path (asserts). */
void support_db_exec(const char *path, const char *sql);
/* The SQL for the time now moved by offset ("+1 hour", "-1 minute"; NULL: now) as the store
 * writes times (UTC, ISO 8601 to the millisecond), in the dialect of the database the tests
 * run on (harness_on_postgres), into out. */
void support_sql_time(char *out, size_t size, const char *offset);
/* The SQL for a blob of the text's bytes (a quoted literal without quotes of its own). */
void support_sql_blob(char *out, size_t size, const char *text);

/* Monotonic seconds. */
double support_now(void);
void support_sleep_ms(long ms);

#endif
