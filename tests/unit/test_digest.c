/* util/digest: SHA-256, hex, and the ids factd derives from them. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/digest.h"

/* FIPS 180-2's example: SHA-256("abc"). */
#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

Test(digest, sha256_in_lowercase_hex)
{
    char hex[DIGEST_SHA256_HEX + 1];
    cr_assert(digest_sha256_hex("abc", 3, hex));
    cr_assert_str_eq(hex, ABC_SHA256);
    cr_assert(digest_sha256_hex("", 0, hex));
    cr_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

Test(digest, hex_of_bytes)
{
    const unsigned char bytes[] = {0x00, 0x0f, 0xa0, 0xff};
    char hex[9];
    digest_hex(bytes, sizeof bytes, hex);
    cr_assert_str_eq(hex, "000fa0ff");
}

Test(digest, only_64_lowercase_digits_are_a_sha256)
{
    cr_assert(digest_is_sha256_hex(ABC_SHA256));
    cr_assert_not(digest_is_sha256_hex(NULL));
    cr_assert_not(digest_is_sha256_hex(""));
    cr_assert_not(
        digest_is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    cr_assert_not(digest_is_sha256_hex(ABC_SHA256 "0"));
    char short_one[64];
    memcpy(short_one, ABC_SHA256, 63);
    short_one[63] = '\0';
    cr_assert_not(digest_is_sha256_hex(short_one));
}

Test(digest, an_article_is_named_by_its_digest)
{
    char id[SOURCE_ID_LEN + 1];
    source_id_of(ABC_SHA256, id);
    cr_assert_str_eq(id, "ba7816bf8f01");
}

Test(digest, a_fact_is_named_by_its_kind_and_key)
{
    char id[FACT_ID_LEN + 1], hex[DIGEST_SHA256_HEX + 1];
    cr_assert(fact_id_of("agreement", "harbour accord", id));
    cr_assert(digest_sha256_hex("agreement:harbour accord", 24, hex));
    cr_assert_eq(strlen(id), FACT_ID_LEN);
    cr_assert(strncmp(id, hex, FACT_ID_LEN) == 0, "%s against %s", id, hex);
    char other[FACT_ID_LEN + 1];
    cr_assert(fact_id_of("quote", "harbour accord", other));
    cr_assert_str_neq(id, other, "the kind is part of the id");
}
