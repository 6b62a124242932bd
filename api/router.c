/* router: the table of every path the API answers, and matching a request path against it.
 *
 * A pattern is a sequence of "/segment" parts where a segment is either literal or a
 * parameter in braces ("{id}", "{name}"), of which a pattern has at most one.
 * Matching goes segment by segment, so "/sources/x/text" and "/sources/x" never shadow each
 * other and a trailing slash or an empty segment matches nothing.  An {id} segment of any
 * shape still selects its route (so a wrong method on it is a 405, not a 404), but only a
 * well-formed one (1..64 bytes of [A-Za-z0-9_-]) is ever handed to the store.
 */
#include "api/api_internal.h"

#include <string.h>

#define LIST_PARAMS (PARAM_LIMIT | PARAM_AFTER | PARAM_PRETTY)

static const route routes[] = {
    {"/", ROUTE_INDEX, 0, NULL, NULL, PARAM_PRETTY, "this index of the endpoints"},
    {"/sources", ROUTE_LIST, STORE_SOURCES, "/sources", "source", LIST_PARAMS,
     "every ingested article (paged: limit, after)"},
    {"/sources/{id}", ROUTE_ITEM, STORE_SOURCES, "/sources", "source", PARAM_PRETTY,
     "one article"},
    {"/sources/{id}/text", ROUTE_SOURCE_TEXT, STORE_SOURCES, "/sources", "source", 0,
     "the article's text exactly as ingested (text/plain)"},
    {"/agreements", ROUTE_LIST, STORE_AGREEMENTS, "/agreements", "agreement", LIST_PARAMS,
     "agreements with parties, signatories and evidence (paged)"},
    {"/agreements/{id}", ROUTE_ITEM, STORE_AGREEMENTS, "/agreements", "agreement",
     PARAM_PRETTY, "one agreement"},
    {"/meetings", ROUTE_LIST, STORE_MEETINGS, "/meetings", "meeting", LIST_PARAMS,
     "meetings with participants and evidence (paged)"},
    {"/meetings/{id}", ROUTE_ITEM, STORE_MEETINGS, "/meetings", "meeting", PARAM_PRETTY,
     "one meeting"},
    {"/quotes", ROUTE_LIST, STORE_QUOTES, "/quotes", "quote", LIST_PARAMS,
     "quotations with their speaker and evidence (paged)"},
    {"/quotes/{id}", ROUTE_ITEM, STORE_QUOTES, "/quotes", "quote", PARAM_PRETTY, "one quote"},
    {"/people", ROUTE_LIST, STORE_PEOPLE, "/people", "person", LIST_PARAMS,
     "people named in the articles (paged)"},
    {"/people/{id}", ROUTE_ITEM, STORE_PEOPLE, "/people", "person", PARAM_PRETTY,
     "one person"},
    {"/healthz", ROUTE_HEALTH, 0, NULL, NULL, PARAM_PRETTY,
     "200 when the database answers, 503 otherwise"},
    {"/openapi.yaml", ROUTE_OPENAPI, 0, NULL, NULL, 0, "the OpenAPI 3.1 description of the API"},
    {"/problems/{name}", ROUTE_PROBLEM_TYPE, 0, NULL, "problem type", PARAM_PRETTY,
     "what a problem type URI means"},
};

const route *router_routes(size_t *count)
{
    *count = sizeof routes / sizeof routes[0];
    return routes;
}

bool router_id_ok(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
    return n > 0 && n <= API_ID_MAX && s[n] == '\0';
}

/* Matches one pattern; on success fills match->id from the {id} segment, if any. */
static bool match_pattern(const char *pattern, const char *path, route_match *match)
{
    const char *p = pattern, *s = path;

    match->id[0] = '\0';
    match->id_ok = false;
    while (*p) {
        if (*p != '/' || *s != '/')
            return false;
        p++;
        s++;
        size_t plen = strcspn(p, "/"), slen = strcspn(s, "/");
        if (plen > 2 && p[0] == '{' && p[plen - 1] == '}') {
            if (slen == 0)
                return false;
            if (slen <= API_ID_MAX) {
                memcpy(match->id, s, slen);
                match->id[slen] = '\0';
                match->id_ok = router_id_ok(match->id);
                if (!match->id_ok)
                    match->id[0] = '\0';
            }
        } else if (plen != slen || memcmp(p, s, plen) != 0) {
            return false;
        }
        p += plen;
        s += slen;
    }
    return *s == '\0';
}

bool router_match(const char *path, route_match *match)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (match_pattern(routes[i].pattern, path, match)) {
            match->route = &routes[i];
            return true;
        }
    }
    match->route = NULL;
    return false;
}
