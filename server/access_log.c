/* access_log: one line per request (see access_log.h).
 *
 * The line goes through util/log's log_event_buffered(), written off the request path: text lines show the message, JSON lines add
 * method, path, status, bytes, duration_us and route after ts, level and msg.
 *
 * The request target comes from the client: control bytes become '?', bytes that are not
 * UTF-8 become U+FFFD, and anything past 256 bytes is cut with "...".
 */
#include "server/access_log.h"

#include <jansson.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/utf8.h"

#define TARGET_MAX_BYTES 256

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

void access_log_write(const access_entry *e)
{
    strbuf method = STRBUF_INIT, target = STRBUF_INIT;

    if (!log_enabled(e->level))
        return;
    add_loggable(&method, e->method ? e->method : "");
    add_loggable(&target, e->target ? e->target : "");
    /* Text lines show only the message: the members are built for JSON lines alone. */
    json_t *fields = !log_is_json() ? NULL
                                    : json_pack("{s:s, s:s, s:i, s:I, s:I, s:s?}", "method",
                                                method.buf, "path", target.buf, "status", e->status,
                                                "bytes", (json_int_t)e->bytes, "duration_us",
                                                (json_int_t)e->micros, "route", e->route);
    log_event_buffered(e->level, fields, "%s %s %d %zu bytes %lld us", method.buf, target.buf,
                       e->status, e->bytes, e->micros);
    json_decref(fields);
    strbuf_release(&method);
    strbuf_release(&target);
}
