/* render: filling an api_response.
 *
 * Each render_* call replaces whatever the response held, so a handler that fails halfway
 * can still answer a clean problem.  JSON is serialised by Jansson straight into a strbuf
 * (compact, or indented with a final newline for ?pretty=1); the buffer then becomes the
 * response body, which the transport frees with free().
 */
#include "api/api_internal.h"

#include <assert.h>
#include <string.h>

#include "util/utf8.h"

/* Served when a document cannot be built or serialised at all: it needs no allocation. */
static const char fallback_problem[] =
    "{\"type\":\"/problems/internal\",\"title\":\"Internal Server Error\",\"status\":500,"
    "\"detail\":\"the response could not be rendered\"}";

static char *copy_string(const char *s)
{
    strbuf sb = STRBUF_INIT;
    strbuf_addstr(&sb, s);
    return strbuf_detach(&sb, NULL);
}

static void reset(api_response *resp)
{
    api_response_release(resp);
    memset(resp, 0, sizeof *resp);
}

void render_bytes(api_response *resp, int status, const char *content_type, char *body, size_t len)
{
    reset(resp);
    resp->status = status;
    resp->content_type = copy_string(content_type);
    resp->body = body;
    resp->len = len;
}

static int dump_to_strbuf(const char *buffer, size_t size, void *data)
{
    strbuf_add(data, buffer, size);
    return 0;
}

void render_json(api_response *resp, int status, const char *content_type, json_t *doc, bool pretty)
{
    strbuf out = STRBUF_INIT;
    /* 15 significant digits print 0.9 as 0.9, not 0.90000000000000002. */
    size_t flags = (pretty ? JSON_INDENT(2) : JSON_COMPACT) | JSON_REAL_PRECISION(15);

    if (!doc || json_dump_callback(doc, dump_to_strbuf, &out, flags) != 0) {
        json_decref(doc);
        strbuf_release(&out);
        strbuf_addstr(&out, fallback_problem);
        size_t len;
        char *body = strbuf_detach(&out, &len);
        render_bytes(resp, 500, API_CT_PROBLEM, body, len);
        return;
    }
    json_decref(doc);
    if (pretty)
        strbuf_addch(&out, '\n');
    size_t len;
    char *body = strbuf_detach(&out, &len);
    render_bytes(resp, status, content_type, body, len);
}

void render_add_header(api_response *resp, const char *name, const char *value)
{
    size_t cap = sizeof resp->headers / sizeof resp->headers[0];
    assert(resp->nheaders < cap);
    if (resp->nheaders >= cap)
        return;
    resp->headers[resp->nheaders].name = copy_string(name);
    resp->headers[resp->nheaders].value = copy_string(value);
    resp->nheaders++;
}

void render_untrusted(strbuf *sb, const char *s, size_t max_bytes)
{
    size_t len = strlen(s), i = 0, written = 0;
    while (i < len) {
        if (written >= max_bytes) {
            strbuf_addstr(sb, "\u2026");
            return;
        }
        uint32_t c = utf8_next(s, len, &i);
        if (c < 0x20 || c == 0x7f)
            c = 0xFFFD;
        char enc[4];
        size_t n = utf8_encode(c, enc);
        strbuf_add(sb, enc, n);
        written += n;
    }
}

void render_query_value(strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~') {
            strbuf_addch(sb, (char)*p);
        } else {
            strbuf_addch(sb, '%');
            strbuf_addch(sb, hex[*p >> 4]);
            strbuf_addch(sb, hex[*p & 0xF]);
        }
    }
}
