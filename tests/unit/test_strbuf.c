/* Unit tests of util/strbuf: the owned growable string. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

Test(strbuf, starts_empty_and_printable)
{
    strbuf sb = STRBUF_INIT, sb2;
    cr_assert_not_null(sb.buf);
    cr_assert_str_eq(sb.buf, "");
    cr_assert_eq(sb.len, 0);
    strbuf_init(&sb2);
    cr_assert_str_eq(sb2.buf, "");
    strbuf_release(&sb);
    strbuf_release(&sb2);
    cr_assert_str_eq(sb.buf, "", "released buffers are empty again");
}

Test(strbuf, appends)
{
    strbuf sb = STRBUF_INIT;
    strbuf_addstr(&sb, "Kraków");
    strbuf_addch(&sb, ' ');
    strbuf_addf(&sb, "%d-%02d", 2025, 10);
    cr_assert_str_eq(sb.buf, "Kraków 2025-10");
    cr_assert_eq(sb.len, strlen("Kraków 2025-10"));
    strbuf_add(&sb, "a\0b", 3);
    cr_assert_eq(sb.len, strlen("Kraków 2025-10") + 3, "binary data keeps its NUL");
    cr_assert_eq(sb.buf[sb.len], '\0', "always NUL-terminated");
    strbuf_release(&sb);
}

Test(strbuf, grows_past_many_doublings)
{
    strbuf sb = STRBUF_INIT;
    for (int i = 0; i < 10000; i++)
        strbuf_addf(&sb, "%04d", i % 10000);
    cr_assert_eq(sb.len, 40000);
    cr_assert_geq(sb.alloc, sb.len + 1);
    cr_assert_eq(strncmp(sb.buf + 4 * 1234, "1234", 4), 0);
    strbuf_release(&sb);
}

Test(strbuf, formats_long_strings)
{
    strbuf sb = STRBUF_INIT;
    char big[3000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    strbuf_addf(&sb, "<%s>", big);
    cr_assert_eq(sb.len, sizeof(big) + 1);
    cr_assert_eq(sb.buf[0], '<');
    cr_assert_eq(sb.buf[sb.len - 1], '>');
    strbuf_release(&sb);
}

Test(strbuf, detach_hands_over_the_buffer)
{
    strbuf sb = STRBUF_INIT;
    size_t len = 99;
    char *empty = strbuf_detach(&sb, &len);
    cr_assert_str_eq(empty, "");
    cr_assert_eq(len, 0);
    free(empty);

    strbuf_addstr(&sb, "owned");
    char *s = strbuf_detach(&sb, &len);
    cr_assert_str_eq(s, "owned");
    cr_assert_eq(len, 5);
    cr_assert_eq(sb.len, 0, "the strbuf is empty again");
    cr_assert_str_eq(sb.buf, "");
    free(s);
    strbuf_release(&sb);
}

Test(strbuf, setlen_reset_and_trim)
{
    strbuf sb = STRBUF_INIT;
    strbuf_addstr(&sb, " \t padded text \r\n");
    strbuf_trim(&sb);
    cr_assert_str_eq(sb.buf, "padded text");
    cr_assert_eq(sb.len, 11);
    strbuf_setlen(&sb, 6);
    cr_assert_str_eq(sb.buf, "padded");
    strbuf_reset(&sb);
    cr_assert_str_eq(sb.buf, "");
    strbuf_addstr(&sb, "   ");
    strbuf_trim(&sb);
    cr_assert_eq(sb.len, 0, "all blanks trim to nothing");
    strbuf_release(&sb);

    strbuf empty = STRBUF_INIT;
    strbuf_trim(&empty);
    strbuf_reset(&empty);
    cr_assert_str_eq(empty.buf, "", "the shared empty buffer is never written");
}
