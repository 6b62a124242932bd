/* access_log: one line per request (see access_log.h).
 *
 * Text lines go through util/log as they are.  JSON lines need members util/log's
 * {"ts","level","msg"} does not have, so they are built here with Jansson, in the same shape
 * and order, and written with one fputs() on stderr: stdio's own stream lock keeps them whole
 * beside util/log's lines.  The level threshold and the format come from the same
 * environment variables util/log reads (FACTD_LOG_LEVEL, FACTD_LOG_FORMAT), read once.
 *
 * The request target comes from the client: control bytes become '?', bytes that are not
 * UTF-8 become U+FFFD, and anything past 256 bytes is cut with "...".
 */
#include "server/access_log.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/strbuf.h"
#include "util/utf8.h"

#define TARGET_MAX_BYTES 256

static pthread_once_t access_once = PTHREAD_ONCE_INIT;
/* Written once inside pthread_once, read-only afterwards. */
static bool access_json;
static enum log_level access_threshold = LOG_INFO;

static void access_read_env(void)
{
    static const struct {
        const char *name;
        enum log_level level;
    } levels[] = {
        {"debug", LOG_DEBUG}, {"info", LOG_INFO},   {"warn", LOG_WARN},
        {"warning", LOG_WARN}, {"error", LOG_ERROR},
    };
    const char *level = getenv("FACTD_LOG_LEVEL");
    const char *format = getenv("FACTD_LOG_FORMAT");

    for (size_t i = 0; level && i < sizeof levels / sizeof levels[0]; i++)
        if (strcasecmp(level, levels[i].name) == 0)
            access_threshold = levels[i].level;
    access_json = format && strcasecmp(format, "json") == 0;
}

/* Appends untrusted text for a log line: see the comment at the top. */
static void add_loggable(strbuf *out, const char *s)
{
    size_t len = strlen(s), i = 0;
    while (i < len && i < TARGET_MAX_BYTES) {
        size_t start = i;
        uint32_t cp = utf8_next(s, len, &i);
        if (cp < 0x20 || cp == 0x7f)
            strbuf_addch(out, '?');
        else if (cp == 0xFFFD && !(i - start == 3 && utf8_valid(s + start, 3)))
            strbuf_addstr(out, "\xEF\xBF\xBD");
        else
            strbuf_add(out, s + start, i - start);
    }
    if (i < len)
        strbuf_addstr(out, "...");
}

/* UTC time with milliseconds, as util/log writes it: "2025-10-31T09:15:02.123Z". */
static void timestamp(char out[32])
{
    struct timespec now;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03ldZ", now.tv_nsec / 1000000L);
}

static void write_json(const access_entry *e, const char *method, const char *target,
                       const char *msg)
{
    char ts[32];
    timestamp(ts);
    json_t *line = json_pack("{s:s, s:s, s:s, s:s, s:s, s:i, s:I, s:I, s:s?}", "ts", ts, "level",
                             e->level == LOG_DEBUG ? "debug" : "info", "msg", msg, "method",
                             method, "path", target, "status", e->status, "bytes",
                             (json_int_t)e->bytes, "duration_us", (json_int_t)e->micros,
                             "route", e->route);
    char *text = line ? json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    if (text) {
        flockfile(stderr);
        fputs(text, stderr);
        fputc('\n', stderr);
        fflush(stderr);
        funlockfile(stderr);
    }
    free(text);
    json_decref(line);
}

void access_log_write(const access_entry *e)
{
    strbuf method = STRBUF_INIT, target = STRBUF_INIT, msg = STRBUF_INIT;

    pthread_once(&access_once, access_read_env);
    if (e->level < access_threshold)
        return;
    add_loggable(&method, e->method ? e->method : "");
    add_loggable(&target, e->target ? e->target : "");
    strbuf_addf(&msg, "%s %s %d %zu bytes %lld us", method.buf, target.buf, e->status, e->bytes,
                e->micros);
    if (access_json)
        write_json(e, method.buf, target.buf, msg.buf);
    else
        log_msg(e->level, "%s", msg.buf);
    strbuf_release(&method);
    strbuf_release(&target);
    strbuf_release(&msg);
}
