/* router: the table of every path the API answers, and matching a request path against it.
 *
 * A pattern is a sequence of "/segment" parts where a segment is either literal or a
 * parameter in braces ("{id}", "{name}"), of which a pattern has at most one.
 * Matching goes segment by segment, so "/sources/x/text" and "/sources/x" never shadow each
 * other and a trailing slash or an empty segment matches nothing.  An {id} segment of any
 * shape still selects its route (so a wrong method on it is a 405, not a 404), but only a
 * well-formed one (1..64 bytes of [A-Za-z0-9_-]) is ever handed to the store.
 *
 * The write API has a table of its own: the method that writes to a route and what that
 * does (POST on /sources, DELETE on /sources/{id}); /jobs/{id} is in the main table.
 * Whether those exist at all is api.c's decision (api_writes_enabled()).
 */
#include "api/api_internal.h"

#include <string.h>

#define ITEM_PARAMS (PARAM_PRETTY | PARAM_FIELDS)
#define PARAMS_EVIDENCE_LIST                                                                 \
    (PARAM_LIMIT | PARAM_CURSOR | PARAM_PRETTY | PARAM_COUNT | PARAM_FIELDS | PARAM_FORMAT | \
     PARAM_AS_OF)

static const route routes[] = {
    {"/", ROUTE_INDEX, 0, NULL, NULL, PARAM_PRETTY, "this index of the endpoints"},
    {"/sources", ROUTE_LIST, STORE_SOURCES, "/sources", "source",
     PARAMS_LIST | PARAM_Q | PARAM_AS_OF, "every ingested article (paged; q searches their text)"},
    {"/sources/{id}", ROUTE_ITEM, STORE_SOURCES, "/sources", "source", ITEM_PARAMS | PARAM_AS_OF,
     "one article"},
    {"/sources/{id}/facts", ROUTE_SOURCE_FACTS, STORE_SOURCES, "/sources", "source",
     PARAM_PRETTY | PARAM_EVIDENCE | PARAM_AS_OF,
     "everything found in one article: its agreements, meetings, quotes and people"},
    {"/sources/{id}/text", ROUTE_SOURCE_TEXT, STORE_SOURCES, "/sources", "source", PARAM_AS_OF,
     "the article's text exactly as ingested (text/plain)"},
    {"/jobs/{id}", ROUTE_JOB, 0, NULL, "job", PARAM_PRETTY,
     "one posted article's job: queued, running, done (with its source) or failed"},
    {"/agreements", ROUTE_LIST, STORE_AGREEMENTS, "/agreements", "agreement",
     PARAMS_FACT_LIST | PARAM_PARTY | PARAM_SIGNATORY | PARAM_SIGNED_FROM | PARAM_SIGNED_TO |
         PARAM_ACRONYM,
     "agreements with parties, signatories and evidence (paged, filtered, sorted)"},
    {"/agreements/{id}", ROUTE_ITEM, STORE_AGREEMENTS, "/agreements", "agreement", PARAMS_FACT_ITEM,
     "one agreement"},
    {"/agreements/{id}/evidence", ROUTE_EVIDENCE, STORE_AGREEMENTS, "/agreements", "agreement",
     PARAMS_EVIDENCE_LIST,
     "every evidence span of one agreement, in the order of its sources (paged)"},
    {"/meetings", ROUTE_LIST, STORE_MEETINGS, "/meetings", "meeting",
     PARAMS_FACT_LIST | PARAM_PARTICIPANT | PARAM_PLACE | PARAM_FROM | PARAM_TO,
     "meetings with participants and evidence (paged, filtered, sorted)"},
    {"/meetings/{id}", ROUTE_ITEM, STORE_MEETINGS, "/meetings", "meeting", PARAMS_FACT_ITEM,
     "one meeting"},
    {"/meetings/{id}/evidence", ROUTE_EVIDENCE, STORE_MEETINGS, "/meetings", "meeting",
     PARAMS_EVIDENCE_LIST,
     "every evidence span of one meeting, in the order of its sources (paged)"},
    {"/quotes", ROUTE_LIST, STORE_QUOTES, "/quotes", "quote",
     PARAMS_FACT_LIST | PARAM_SPEAKER | PARAM_FROM | PARAM_TO,
     "quotations with their speaker and evidence (paged, filtered, sorted)"},
    {"/quotes/{id}", ROUTE_ITEM, STORE_QUOTES, "/quotes", "quote", PARAMS_FACT_ITEM, "one quote"},
    {"/quotes/{id}/evidence", ROUTE_EVIDENCE, STORE_QUOTES, "/quotes", "quote",
     PARAMS_EVIDENCE_LIST, "every evidence span of one quote, in the order of its sources (paged)"},
    {"/people", ROUTE_LIST, STORE_PEOPLE, "/people", "person",
     PARAMS_LIST | PARAM_DISPUTED | PARAM_AS_OF, "people named in the articles (paged, sorted)"},
    {"/people/{id}", ROUTE_ITEM, STORE_PEOPLE, "/people", "person", ITEM_PARAMS | PARAM_AS_OF,
     "one person"},
    {"/timeline", ROUTE_TIMELINE, 0, "/timeline", "timeline entry",
     PARAM_LIMIT | PARAM_CURSOR | PARAM_PRETTY | PARAM_SORT | PARAM_COUNT | PARAM_FIELDS |
         PARAM_FORMAT | PARAM_EVIDENCE | PARAM_KIND | PARAM_FROM | PARAM_TO | PARAM_MIN_SOURCES |
         PARAM_AS_OF,
     "agreements and meetings in date order, with the precision of each date (paged)"},
    {"/conflicts", ROUTE_CONFLICTS, 0, "/conflicts", "conflict",
     PARAM_LIMIT | PARAM_CURSOR | PARAM_PRETTY | PARAM_COUNT | PARAM_FIELDS | PARAM_FORMAT |
         PARAM_EVIDENCE | PARAM_KIND | PARAM_ATTRIBUTE | PARAM_SOURCE_ID | PARAM_AS_OF,
     "every fact and person whose sources disagree, newest first, with each value given "
     "(paged; kind, attribute, source_id)"},
    {"/changes", ROUTE_CHANGES, 0, "/changes", "change",
     PARAM_SINCE | PARAM_WAIT | PARAM_KIND | PARAM_LIMIT | PARAM_PRETTY | PARAM_FIELDS |
         PARAM_FORMAT,
     "what changed of the facts and people served, in order: each created, updated, merged "
     "into another or deleted, with its version (since, wait, kind; paged, NDJSON, event "
     "stream)"},
    {"/search", ROUTE_SEARCH, 0, "/search", "hit",
     PARAM_Q | PARAM_KIND | PARAM_LIMIT | PARAM_CURSOR | PARAM_PRETTY | PARAM_COUNT | PARAM_FIELDS |
         PARAM_FORMAT | PARAM_EVIDENCE | PARAM_AS_OF,
     "full-text search over quotes, agreement names and articles (q, kind; ranked, paged)"},
    {"/stats", ROUTE_STATS, 0, NULL, NULL, PARAM_PRETTY | PARAM_AS_OF,
     "counts by kind, agreements and meetings by year, agreements by party, quotes by speaker"},
    {"/healthz", ROUTE_HEALTH, 0, NULL, NULL, PARAM_PRETTY,
     "200 when the database answers and its file is in place, 503 otherwise"},
    {"/livez", ROUTE_LIVEZ, 0, NULL, NULL, PARAM_PRETTY, "200 while the process runs"},
    {"/readyz", ROUTE_READYZ, 0, NULL, NULL, PARAM_PRETTY,
     "200 when the database answers, its file is in place and its schema is current, "
     "503 otherwise"},
    {"/metrics", ROUTE_METRICS, 0, NULL, NULL, 0,
     "request counters and database gauges (Prometheus text format 0.0.4)"},
    {"/openapi.yaml", ROUTE_OPENAPI, 0, NULL, NULL, 0, "the OpenAPI 3.1 description of the API"},
    {"/problems/{name}", ROUTE_PROBLEM_TYPE, 0, NULL, "problem type", PARAM_PRETTY,
     "what a problem type URI means"},
    {"/ui", ROUTE_UI, 0, NULL, NULL, 0,
     "the dashboard, an HTML page over this API (also GET / from a browser)"},
    {"/ui/app.js", ROUTE_UI, 0, NULL, NULL, 0, "the dashboard's script"},
    {"/ui/app.css", ROUTE_UI, 0, NULL, NULL, 0, "the dashboard's style sheet"},
};

static const struct route_write {
    const char *pattern;
    const char *method;
    enum route_action action;
} route_writes[] = {
    {"/sources", "POST", ROUTE_POST_SOURCE},
    {"/sources/{id}", "DELETE", ROUTE_DELETE_SOURCE},
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
            match->write_method = NULL;
            match->write_action = routes[i].action;
            for (size_t w = 0; w < sizeof route_writes / sizeof route_writes[0]; w++) {
                if (strcmp(route_writes[w].pattern, routes[i].pattern) == 0) {
                    match->write_method = route_writes[w].method;
                    match->write_action = route_writes[w].action;
                }
            }
            return true;
        }
    }
    match->route = NULL;
    return false;
}
