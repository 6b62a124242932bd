/* strbuf: the one owned, growable, NUL-terminated byte string used across factd.
 *
 * A strbuf owns its buffer; strbuf_release() frees it, strbuf_detach() hands it to the
 * caller.  `buf` is never NULL after strbuf_init(), so it can always be printed. */
#ifndef FACTD_STRBUF_H
#define FACTD_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *buf;
    size_t len;
    size_t alloc;
} strbuf;

#define STRBUF_INIT                               \
    {                                             \
        .buf = strbuf_empty, .len = 0, .alloc = 0 \
    }
extern char strbuf_empty[];

void strbuf_init(strbuf *sb);
void strbuf_release(strbuf *sb);
char *strbuf_detach(strbuf *sb, size_t *len);
void strbuf_grow(strbuf *sb, size_t extra);
void strbuf_add(strbuf *sb, const void *data, size_t len);
void strbuf_addstr(strbuf *sb, const char *s);
void strbuf_addch(strbuf *sb, char c);
void strbuf_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void strbuf_reset(strbuf *sb);
void strbuf_setlen(strbuf *sb, size_t len);
/* Trims ASCII whitespace at both ends. */
void strbuf_trim(strbuf *sb);

#endif
