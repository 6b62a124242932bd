/* digest: SHA-256 and the ids factd derives from it, in one place.
 *
 *     char sha[DIGEST_SHA256_HEX + 1], id[SOURCE_ID_LEN + 1];
 *     if (digest_sha256_hex(text, len, sha))
 *         source_id_of(sha, id);          // an article's id: its SHA-256's first 12 digits
 *
 * Hex is lowercase.  An article's id is the first SOURCE_ID_LEN hex digits of the SHA-256 of
 * its bytes; a fact's id (merge.c) is the first FACT_ID_LEN digits of the SHA-256 of its kind,
 * a colon and its key.  Both are 12 digits, the form the API's id pattern gives. */
#ifndef FACTD_DIGEST_H
#define FACTD_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

#define DIGEST_SHA256_BYTES 32
#define DIGEST_SHA256_HEX 64
#define SOURCE_ID_LEN 12
#define FACT_ID_LEN 12

/* The SHA-256 of data[0..len) into out; false if the library failed. */
bool digest_sha256(const void *data, size_t len, unsigned char out[DIGEST_SHA256_BYTES]);
/* n bytes as 2n lowercase hex digits and a NUL into hex. */
void digest_hex(const unsigned char *bytes, size_t n, char *hex);
/* The SHA-256 of data[0..len) as 64 lowercase hex digits and a NUL; false (hex empty) if the
 * library failed. */
bool digest_sha256_hex(const void *data, size_t len, char hex[DIGEST_SHA256_HEX + 1]);
/* Whether s is a SHA-256 in lowercase hex (64 digits). */
bool digest_is_sha256_hex(const char *s);
/* An article's id from its SHA-256 in hex. */
void source_id_of(const char *sha256_hex, char id[SOURCE_ID_LEN + 1]);
/* A fact's id: the first FACT_ID_LEN hex digits of the SHA-256 of "kind:key"; false if the
 * library failed. */
bool fact_id_of(const char *kind, const char *key, char id[FACT_ID_LEN + 1]);

#endif
