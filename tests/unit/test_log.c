/* Unit tests of util/log: the level threshold and the two line formats.  Criterion runs
 * each test in its own process, so each reads the environment afresh. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"

static char path[64];
static int saved_stderr = -1;

/* Sends stderr to a temporary file until read_log(). */
static void capture(const char *level, const char *format)
{
    if (level)
        setenv("FACTD_LOG_LEVEL", level, 1);
    else
        unsetenv("FACTD_LOG_LEVEL");
    if (format)
        setenv("FACTD_LOG_FORMAT", format, 1);
    else
        unsetenv("FACTD_LOG_FORMAT");
    strcpy(path, "/tmp/factd-log-XXXXXX");
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    fflush(stderr);
    saved_stderr = dup(2);
    dup2(fd, 2);
    close(fd);
    log_init();
}

static char *read_log(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    unlink(path);
    return buf;
}

Test(log, text_lines_with_threshold)
{
    capture("warn", NULL);
    log_debug("hidden %d", 1);
    log_info("hidden %d", 2);
    log_warn("shown %s", "warning");
    log_error("shown\nerror");
    char *out = read_log();

    cr_assert_null(strstr(out, "hidden"), "%s", out);
    char *first = strstr(out, " WARN shown warning\n");
    cr_assert_not_null(first, "%s", out);
    cr_assert_not_null(strstr(out, " ERROR shown error\n"), "one event, one line: %s", out);
    /* "2025-10-31T09:15:02.123Z" */
    cr_assert_eq(out[4], '-');
    cr_assert_eq(out[10], 'T');
    cr_assert_eq(out[19], '.');
    cr_assert_eq(out[23], 'Z');
}

Test(log, default_level_is_info)
{
    capture("nonsense", NULL);
    log_debug("hidden");
    log_info("shown");
    char *out = read_log();
    cr_assert_null(strstr(out, "hidden"));
    cr_assert_not_null(strstr(out, " INFO shown\n"), "%s", out);
}

Test(log, json_lines)
{
    capture("DEBUG", "json");
    log_debug("file %s: \"quoted\"", "caf\xe9.txt");
    log_warn("second");
    char *out = read_log();

    char *nl = strchr(out, '\n');
    cr_assert_not_null(nl);
    *nl = '\0';
    json_error_t err;
    json_t *line = json_loads(out, 0, &err);
    cr_assert_not_null(line, "not JSON (%s): %s", err.text, out);
    cr_assert_str_eq(json_string_value(json_object_get(line, "level")), "debug");
    cr_assert_str_eq(json_string_value(json_object_get(line, "msg")),
                     "file caf\xEF\xBF\xBD.txt: \"quoted\"", "invalid UTF-8 becomes U+FFFD");
    cr_assert_eq(json_string_length(json_object_get(line, "ts")), 24);
    json_decref(line);

    line = json_loads(nl + 1, 0, &err);
    cr_assert_not_null(line, "not JSON (%s): %s", err.text, nl + 1);
    cr_assert_str_eq(json_string_value(json_object_get(line, "level")), "warn");
    json_decref(line);
}

/* Access lines wait in a buffer (no system call per request), but never behind a line
 * logged after them, and none is lost at a flush. */
Test(log, buffered_lines_keep_their_order_and_arrive)
{
    capture(NULL, NULL);
    log_event_buffered(LOG_INFO, NULL, "access %d", 1);
    log_event_buffered(LOG_INFO, NULL, "access %d", 2);
    log_warn("a warning after them");
    log_event_buffered(LOG_INFO, NULL, "access %d", 3);
    log_flush();
    char *out = read_log();

    char *one = strstr(out, "INFO access 1"), *two = strstr(out, "INFO access 2");
    char *warn = strstr(out, "WARN a warning after them"), *three = strstr(out, "INFO access 3");
    cr_assert(one && two && warn && three, "%s", out);
    cr_expect(one < two && two < warn && warn < three, "out of order:\n%s", out);
}

/* A buffer bigger than its bound is written without waiting for the background writer. */
Test(log, a_full_buffer_is_written_at_once)
{
    capture(NULL, NULL);
    char pad[1024];
    memset(pad, 'x', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    for (int i = 0; i < 200; i++)
        log_event_buffered(LOG_INFO, NULL, "line %d %s", i, pad);
    fflush(stderr);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long written = ftell(f);
    fclose(f);
    log_flush();
    read_log();
    /* 200 lines of over 1 kB: at least the first 64 kB are out before any flush. */
    cr_expect_geq(written, 64 * 1024, "only %ld bytes written", written);
}

Test(log, buffered_lines_below_the_threshold_are_dropped)
{
    capture("warn", NULL);
    log_event_buffered(LOG_INFO, NULL, "hidden access");
    log_flush();
    char *out = read_log();
    cr_expect_null(strstr(out, "hidden access"), "%s", out);
}

/* A file name (or a request target) with control characters cannot repaint the terminal or
 * forge a line: each is escaped in text lines, and the JSON encoder escapes them too. */
Test(log, control_characters_are_escaped)
{
    capture(NULL, NULL);
    log_warn("ingest: %s: rejected", "evil\x1b[31mred\x07\ttab\x7f\xc2\x9b"
                                     "2J.txt");
    char *out = read_log();

    cr_assert_not_null(strstr(out, " WARN ingest: evil\\x1b[31mred\\x07\\x09tab\\x7f\\u009b2J.txt:"
                                   " rejected\n"),
                       "%s", out);
    for (const char *p = out; *p; p++)
        cr_assert(((unsigned char)*p >= 0x20 && *p != 0x7f) || (*p == '\n' && p[1] == '\0'),
                  "a raw control byte 0x%02x in: %s", (unsigned char)*p, out);
}

Test(log, control_characters_in_json_lines)
{
    capture(NULL, "json");
    log_warn("file %s", "a\x1b[2Jb.txt");
    char *out = read_log();
    for (const char *p = out; *p; p++)
        cr_assert((unsigned char)*p >= 0x20 || (*p == '\n' && p[1] == '\0'),
                  "a raw control byte 0x%02x in: %s", (unsigned char)*p, out);
    json_t *line = json_loads(out, JSON_DISABLE_EOF_CHECK, NULL);
    cr_assert_not_null(line, "%s", out);
    cr_assert_str_eq(json_string_value(json_object_get(line, "msg")), "file a\x1b[2Jb.txt");
    json_decref(line);
}
