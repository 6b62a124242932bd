/* Unit tests of util/utf8: validation, decoding, and the code-point arithmetic evidence
 * offsets rely on. */
#include <criterion/criterion.h>
#include <string.h>

#include "util/utf8.h"

#define VALID(s) utf8_valid((s), sizeof(s) - 1)

Test(utf8, accepts_well_formed_text)
{
    cr_assert(VALID(""));
    cr_assert(VALID("plain ASCII\r\n"));
    cr_assert(VALID("Kraków"));                /* 2 bytes */
    cr_assert(VALID("“Café” — 日本"));         /* 3 bytes */
    cr_assert(VALID("🤝 \xF4\x8F\xBF\xBF")); /* 4 bytes, and U+10FFFF */
    cr_assert(VALID("\xEF\xBB\xBFwith a BOM"));
}

Test(utf8, rejects_ill_formed_text)
{
    cr_assert_not(VALID("caf\xE9"), "Latin-1");
    cr_assert_not(VALID("\xC0\x80"), "overlong NUL");
    cr_assert_not(VALID("\xC1\xBF"), "overlong 2-byte");
    cr_assert_not(VALID("\xE0\x80\xAF"), "overlong 3-byte");
    cr_assert_not(VALID("\xF0\x80\x80\xAF"), "overlong 4-byte");
    cr_assert_not(VALID("\xED\xA0\x80"), "UTF-16 surrogate");
    cr_assert_not(VALID("\xF4\x90\x80\x80"), "past U+10FFFF");
    cr_assert_not(VALID("\xE2\x80"), "truncated at the end");
    cr_assert_not(VALID("\xE2\x80x"), "truncated in the middle");
    cr_assert_not(VALID("\x80"), "lone continuation byte");
    cr_assert_not(VALID("\xFF\xFE"), "UTF-16 byte order mark");
    cr_assert_not(utf8_valid("a\0b", 3), "NUL");
}

Test(utf8, next_decodes_and_replaces)
{
    const char s[] = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\xA4\x9D\xFFz";
    size_t i = 0, len = sizeof(s) - 1;
    cr_assert_eq(utf8_next(s, len, &i), 'a');
    cr_assert_eq(i, 1);
    cr_assert_eq(utf8_next(s, len, &i), 0xE9);
    cr_assert_eq(i, 3);
    cr_assert_eq(utf8_next(s, len, &i), 0x201C);
    cr_assert_eq(i, 6);
    cr_assert_eq(utf8_next(s, len, &i), 0x1F91D);
    cr_assert_eq(i, 10);
    cr_assert_eq(utf8_next(s, len, &i), 0xFFFD, "an invalid byte decodes as U+FFFD");
    cr_assert_eq(i, 11, "and advances by one");
    cr_assert_eq(utf8_next(s, len, &i), 'z');
    cr_assert_eq(i, len);

    /* A sequence cut by len is invalid, not read past the end. */
    i = 0;
    cr_assert_eq(utf8_next("\xE2\x80\x9C", 2, &i), 0xFFFD);
    cr_assert_eq(i, 1);
}

Test(utf8, counts_code_points)
{
    cr_assert_eq(utf8_cp_count("", 0), 0);
    cr_assert_eq(utf8_cp_count("abc", 3), 3);
    const char s[] = "Kraków “Café” 🤝\r\n";
    cr_assert_eq(utf8_cp_count(s, sizeof(s) - 1), 17, "as Python's len() counts");
}

Test(utf8, converts_code_points_to_bytes)
{
    const char s[] = "日本 and “Café” 🤝!";
    size_t len = sizeof(s) - 1;
    cr_assert_eq(utf8_cp_to_byte(s, len, 0), 0);
    cr_assert_eq(utf8_cp_to_byte(s, len, 1), 3);
    cr_assert_eq(utf8_cp_to_byte(s, len, 2), 6);
    cr_assert_eq(utf8_cp_to_byte(s, len, 7), 11, "the opening curly quote");
    cr_assert_eq(utf8_cp_to_byte(s, len, 8), 14, "C after the 3-byte quote");
    size_t emoji = utf8_cp_to_byte(s, len, 14);
    cr_assert_eq(emoji, len - 5);
    cr_assert_eq(memcmp(s + emoji, "🤝", 4), 0);
    cr_assert_eq(utf8_cp_to_byte(s, len, 15), emoji + 4);
    cr_assert_eq(utf8_cp_to_byte(s, len, 16), len, "one past the last code point is the end");
    cr_assert_eq(utf8_cp_to_byte(s, len, 1000), len, "past the end clamps to len");

    /* Cutting [8, 12) gives the word between the quotes. */
    size_t a = utf8_cp_to_byte(s, len, 8), b = utf8_cp_to_byte(s, len, 12);
    cr_assert_eq(b - a, 5);
    cr_assert_eq(memcmp(s + a, "Café", 5), 0);
}

Test(utf8, encode_round_trips)
{
    static const uint32_t cps[] = {0x24,   0x7F,   0x80,    0xE9,    0x7FF,   0x800,
                                   0x201C, 0xFFFD, 0x10000, 0x1F91D, 0x10FFFF};
    for (size_t k = 0; k < sizeof(cps) / sizeof(cps[0]); k++) {
        char buf[4];
        size_t n = utf8_encode(cps[k], buf), i = 0;
        size_t expect = cps[k] < 0x80 ? 1 : cps[k] < 0x800 ? 2 : cps[k] < 0x10000 ? 3 : 4;
        cr_assert_eq(n, expect, "U+%04X", cps[k]);
        cr_assert(utf8_valid(buf, n), "U+%04X", cps[k]);
        cr_assert_eq(utf8_next(buf, n, &i), cps[k]);
        cr_assert_eq(i, n);
    }
}
