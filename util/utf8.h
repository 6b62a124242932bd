/* utf8: validation and code-point arithmetic.
 *
 * Evidence offsets in the API count Unicode code points (as Python and the W3C
 * TextPositionSelector do), while the C code works on bytes; these helpers convert. */
#ifndef FACTD_UTF8_H
#define FACTD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when buf[0..len) is well-formed UTF-8 (no overlongs, surrogates or NULs). */
bool utf8_valid(const char *buf, size_t len);
/* Decodes the code point at s[*i] (bounded by len), advances *i; invalid bytes decode as
 * U+FFFD and advance by one. */
uint32_t utf8_next(const char *s, size_t len, size_t *i);
/* Number of code points in s[0..len). */
size_t utf8_cp_count(const char *s, size_t len);
/* Byte offset of code point number cp in s[0..len), or len when cp is past the end. */
size_t utf8_cp_to_byte(const char *s, size_t len, size_t cp);
/* Appends code point c to out (at most 4 bytes), returns the bytes written. */
size_t utf8_encode(uint32_t c, char out[4]);

#endif
