/* strbuf: growable strings (see strbuf.h).  Allocation failure aborts: factd cannot do
 * anything useful without memory, and checking every append would bury the logic. */
#include "util/strbuf.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char strbuf_empty[1];

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("factd: out of memory\n", stderr);
        abort();
    }
    return q;
}

void strbuf_init(strbuf *sb)
{
    sb->buf = strbuf_empty;
    sb->len = 0;
    sb->alloc = 0;
}

void strbuf_release(strbuf *sb)
{
    if (sb->alloc)
        free(sb->buf);
    strbuf_init(sb);
}

char *strbuf_detach(strbuf *sb, size_t *len)
{
    char *out;
    if (!sb->alloc)
        strbuf_grow(sb, 0);
    out = sb->buf;
    if (len)
        *len = sb->len;
    strbuf_init(sb);
    return out;
}

void strbuf_grow(strbuf *sb, size_t extra)
{
    size_t need = sb->len + extra + 1;
    if (need <= sb->alloc)
        return;
    size_t n = sb->alloc ? sb->alloc : 64;
    while (n < need)
        n *= 2;
    if (!sb->alloc) {
        sb->buf = xrealloc(NULL, n);
        sb->buf[0] = '\0';
    } else {
        sb->buf = xrealloc(sb->buf, n);
    }
    sb->alloc = n;
}

void strbuf_add(strbuf *sb, const void *data, size_t len)
{
    strbuf_grow(sb, len);
    memcpy(sb->buf + sb->len, data, len);
    sb->len += len;
    sb->buf[sb->len] = '\0';
}

void strbuf_addstr(strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(strbuf *sb, char c)
{
    strbuf_add(sb, &c, 1);
}

void strbuf_vaddf(strbuf *sb, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    strbuf_grow(sb, (size_t)n);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void strbuf_addf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

void strbuf_reset(strbuf *sb)
{
    strbuf_setlen(sb, 0);
}

void strbuf_setlen(strbuf *sb, size_t len)
{
    assert(len <= sb->len);
    sb->len = len;
    if (sb->alloc)
        sb->buf[len] = '\0';
}

void strbuf_trim(strbuf *sb)
{
    size_t a = 0, b = sb->len;
    while (a < b && strchr(" \t\r\n\f\v", sb->buf[a]))
        a++;
    while (b > a && strchr(" \t\r\n\f\v", sb->buf[b - 1]))
        b--;
    if (!sb->alloc)
        return;
    memmove(sb->buf, sb->buf + a, b - a);
    sb->len = b - a;
    sb->buf[sb->len] = '\0';
}
