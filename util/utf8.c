/* utf8: see utf8.h. */
#include "util/utf8.h"

/* Decodes one code point at s[p]; returns its length in bytes, or 0 when the bytes there
 * are not well-formed UTF-8 (truncated, overlong, surrogate, or past U+10FFFF). */
static size_t decode(const unsigned char *s, size_t len, size_t p, uint32_t *out)
{
    unsigned char c = s[p];
    uint32_t cp;
    size_t n;
    if (c < 0x80) {
        *out = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        cp = c & 0x1F;
        n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        cp = c & 0x0F;
        n = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
        cp = c & 0x07;
        n = 3;
    } else {
        return 0;
    }
    for (size_t k = 1; k <= n; k++) {
        if (p + k >= len || (s[p + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[p + k] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out = cp;
    return n + 1;
}

uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
    uint32_t cp;
    size_t n = decode((const unsigned char *)s, len, *i, &cp);
    if (!n) {
        *i += 1;
        return 0xFFFD;
    }
    *i += n;
    return cp;
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = decode((const unsigned char *)s, len, i, &cp);
        if (!n || cp == 0)
            return false;
        i += n;
    }
    return true;
}

size_t utf8_cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t utf8_cp_to_byte(const char *s, size_t len, size_t cp)
{
    size_t i = 0, n = 0;
    while (i < len) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == cp)
                return i;
            n++;
        }
        i++;
    }
    return len;
}

size_t utf8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    } else if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    } else if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}
