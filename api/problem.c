/* problem: RFC 9457 problem details.
 *
 * Every error the API gives is one of the types below, answered as application/problem+json
 * {"type", "title", "status", "detail"}.  The type is a relative URI, /problems/<slug>, and
 * GET on it answers the type's description, so a client following the link learns what it
 * means.  The table is the one place a problem type is defined.
 */
#include "api/api_internal.h"

#include <stdarg.h>
#include <string.h>

static const problem_type problem_types[] = {
    {"not-found", 404, "Not Found",
     "No resource exists at this path: the path is not one of the API's endpoints, or no "
     "item has the id given in it.  GET / lists the endpoints."},
    {"bad-parameter", 400, "Bad Parameter",
     "A query parameter is unknown to this endpoint, repeated, empty or out of range.  The "
     "detail names the parameter.  Lists take limit (1 to 1000, default 50) and after (the id "
     "of the last item of the previous page); every JSON endpoint takes pretty (0 or 1)."},
    {"bad-request", 400, "Bad Request",
     "The request cannot be answered as sent: a GET, HEAD or DELETE that carries a body, or "
     "a POST /sources whose body is empty or not well-formed JSON."},
    {"method-not-allowed", 405, "Method Not Allowed",
     "The endpoint does not answer this method; the Allow header lists those it does.  Every "
     "endpoint answers GET and HEAD; with the write API enabled, /sources also takes POST and "
     "/sources/{id} DELETE."},
    {"unauthorized", 401, "Unauthorized",
     "The write API (POST /sources, GET /jobs/{id}, DELETE /sources/{id}) needs the server's "
     "token, sent as Authorization: Bearer <token>.  The WWW-Authenticate header says whether "
     "it was missing or not valid."},
    {"payload-too-large", 413, "Content Too Large",
     "The request body is larger than the server takes (2 MiB unless its --max-body says "
     "otherwise).  A body announced larger by its Content-Length is refused before it is "
     "read."},
    {"unsupported-media-type", 415, "Unsupported Media Type",
     "POST /sources takes an article as text/plain; charset=utf-8, or as application/json "
     "{\"text\", \"title\", \"url\", \"published\"}; the Content-Type header says which.  "
     "Other media types and charsets are refused."},
    {"unprocessable", 422, "Unprocessable Content",
     "The body is well-formed but cannot be an article: it is not UTF-8 text, contains a NUL "
     "character, or (JSON) is not an object with a string text, an optional title (1 to 1000 "
     "bytes), url (http or https) and published date (YYYY-MM-DD), and nothing else."},
    {"internal", 500, "Internal Server Error",
     "The server failed to answer a valid request.  The failure is logged; retrying may help."},
    {"unavailable", 503, "Service Unavailable",
     "The database cannot be reached right now.  Retry later; GET /healthz tells when the "
     "service is ready again."},
    {"too-many-waiting", 503, "Service Unavailable",
     "As many clients as the server lets wait are waiting for changes already (long polls of "
     "GET /changes with wait, and its event streams; factd serve --max-waiting).  Retry after "
     "the seconds Retry-After says, or read GET /changes without waiting."},
};

const problem_type *problem_find(const char *slug)
{
    for (size_t i = 0; i < sizeof problem_types / sizeof problem_types[0]; i++)
        if (strcmp(problem_types[i].slug, slug) == 0)
            return &problem_types[i];
    return NULL;
}

void problem_respond(api_response *resp, bool pretty, const char *slug, const char *fmt, ...)
{
    const problem_type *type = problem_find(slug);
    strbuf type_uri = STRBUF_INIT, detail = STRBUF_INIT;
    va_list ap;

    if (!type)
        type = problem_find("internal");
    strbuf_addf(&type_uri, "/problems/%s", type->slug);
    va_start(ap, fmt);
    strbuf_vaddf(&detail, fmt, ap);
    va_end(ap);

    /* json_pack fails (NULL) only on invalid UTF-8, which render_json turns into a 500. */
    json_t *doc = json_pack("{s:s, s:s, s:i, s:s}", "type", type_uri.buf, "title", type->title,
                            "status", type->status, "detail", detail.buf);
    render_json(resp, type->status, API_CT_PROBLEM, doc, pretty);
    strbuf_release(&type_uri);
    strbuf_release(&detail);
}

json_t *problem_describe(const char *slug)
{
    const problem_type *type = problem_find(slug);
    if (!type)
        return NULL;
    strbuf uri = STRBUF_INIT;
    strbuf_addf(&uri, "/problems/%s", type->slug);
    json_t *doc = json_pack("{s:s, s:s, s:i, s:s}", "type", uri.buf, "title", type->title, "status",
                            type->status, "description", type->description);
    strbuf_release(&uri);
    return doc;
}
