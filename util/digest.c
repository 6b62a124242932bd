/* digest: see digest.h. */
#include "util/digest.h"

#include <openssl/evp.h>
#include <string.h>

bool digest_sha256(const void *data, size_t len, unsigned char out[DIGEST_SHA256_BYTES])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1 || n != DIGEST_SHA256_BYTES)
        return false;
    memcpy(out, md, DIGEST_SHA256_BYTES);
    return true;
}

void digest_hex(const unsigned char *bytes, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[bytes[i] >> 4];
        hex[2 * i + 1] = digits[bytes[i] & 0xF];
    }
    hex[2 * n] = '\0';
}

bool digest_sha256_hex(const void *data, size_t len, char hex[DIGEST_SHA256_HEX + 1])
{
    unsigned char md[DIGEST_SHA256_BYTES];
    hex[0] = '\0';
    if (!digest_sha256(data, len, md))
        return false;
    digest_hex(md, sizeof md, hex);
    return true;
}

bool digest_is_sha256_hex(const char *s)
{
    size_t n = 0;
    if (!s)
        return false;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == DIGEST_SHA256_HEX;
}

void source_id_of(const char *sha256_hex, char id[SOURCE_ID_LEN + 1])
{
    memcpy(id, sha256_hex, SOURCE_ID_LEN);
    id[SOURCE_ID_LEN] = '\0';
}

bool fact_id_of(const char *kind, const char *key, char id[FACT_ID_LEN + 1])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1 &&
              EVP_DigestUpdate(ctx, kind, strlen(kind)) == 1 &&
              EVP_DigestUpdate(ctx, ":", 1) == 1 && EVP_DigestUpdate(ctx, key, strlen(key)) == 1 &&
              EVP_DigestFinal_ex(ctx, md, &n) == 1 && n >= FACT_ID_LEN / 2;
    EVP_MD_CTX_free(ctx);
    id[0] = '\0';
    if (ok)
        digest_hex(md, FACT_ID_LEN / 2, id);
    return ok;
}
