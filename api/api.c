/* api: answering one request, independent of HTTP.
 *
 * api_handle() checks a request in a fixed order, each step with its own answer:
 *   the path names an endpoint             else 404 not-found
 *   the method is GET or HEAD              else 405 method-not-allowed (with Allow)
 *   there is no request body               else 400 bad-request
 *   the query parameters are valid         else 400 bad-parameter (naming the parameter)
 *   the {id} in the path is well formed    else 404 not-found
 * and only then asks the store.  A store failure is a logged 500; no store handle at all is a
 * 503.  Nothing here writes: the store handle the server passes is read-only besides.
 *
 * The write API is the exception, and write.c answers it: a route's write method (POST on
 * /sources, DELETE on /sources/{id}) and the write-only route /jobs/{id} when a token is
 * configured.  Without one they answer 404 exactly as a path no route has, so a read-only
 * server shows no sign of a write API; other methods stay 405, their Allow header naming
 * the write method when there is one.
 *
 * HEAD is answered exactly like GET; the transport drops the body.
 */
#include "api/api.h"

#include <stdlib.h>
#include <string.h>

#include "api/api_internal.h"
#include "util/log.h"

/* The OpenAPI document, set once before serving (api_set_openapi) and only read after. */
static char *openapi_doc;
static size_t openapi_len;

void api_set_openapi(const char *doc, size_t len)
{
    free(openapi_doc);
    openapi_doc = NULL;
    openapi_len = 0;
    if (!doc)
        return;
    strbuf copy = STRBUF_INIT;
    strbuf_add(&copy, doc, len);
    openapi_doc = strbuf_detach(&copy, &openapi_len);
}

void api_response_release(api_response *resp)
{
    free(resp->content_type);
    free(resp->body);
    for (size_t i = 0; i < resp->nheaders; i++) {
        free(resp->headers[i].name);
        free(resp->headers[i].value);
    }
    resp->content_type = NULL;
    resp->body = NULL;
    resp->len = 0;
    resp->nheaders = 0;
}

static bool is_read_method(const char *method)
{
    return method && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
}

static void answer_store_error(store *st, api_response *resp, const api_query *q, const char *what)
{
    log_error("api: %s failed: %s", what, store_errmsg(st));
    problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
}

static void answer_unavailable(api_response *resp, const api_query *q)
{
    problem_respond(resp, q->pretty, "unavailable", "the database is not available");
}

static void answer_index(api_response *resp, const api_query *q)
{
    size_t n;
    const route *routes = router_routes(&n);
    json_t *endpoints = json_array();

    for (size_t i = 0; i < n; i++) {
        if (routes[i].action == ROUTE_INDEX ||
            (route_is_write_only(routes[i].action) && !api_writes_enabled()))
            continue;
        json_array_append_new(endpoints, json_pack("{s:s, s:s}", "path", routes[i].pattern,
                                                   "summary", routes[i].summary));
    }
    json_t *methods = api_writes_enabled() ? json_pack("[s,s,s,s]", "GET", "HEAD", "POST", "DELETE")
                                           : json_pack("[s,s]", "GET", "HEAD");
    json_t *doc = json_pack("{s:s, s:s, s:o, s:o}", "service", "factd", "description",
                            "facts (agreements, meetings, quotes, people) extracted from news "
                            "articles, each with its evidence",
                            "methods", methods, "endpoints", endpoints);
    render_json(resp, 200, API_CT_JSON, doc, q->pretty);
}

static void answer_health(store *st, api_response *resp, const api_query *q)
{
    if (ops_database_gone(st)) {
        problem_respond(resp, q->pretty, "unavailable", API_DATABASE_GONE);
        return;
    }
    if (!st || store_ping(st) != STORE_OK) {
        if (st)
            log_warn("api: health check failed: %s", store_errmsg(st));
        problem_respond(resp, q->pretty, "unavailable", "the database does not answer");
        return;
    }
    render_json(resp, 200, API_CT_JSON, json_pack("{s:s}", "status", "ok"), q->pretty);
}

static void answer_openapi(api_response *resp, const api_query *q)
{
    if (!openapi_doc) {
        problem_respond(resp, q->pretty, "not-found",
                        "the OpenAPI document was not found when the server started");
        return;
    }
    char *body = malloc(openapi_len ? openapi_len : 1);
    if (!body) {
        problem_respond(resp, q->pretty, "internal", "out of memory");
        return;
    }
    memcpy(body, openapi_doc, openapi_len);
    render_bytes(resp, 200, API_CT_YAML, body, openapi_len);
}

static void answer_problem_type(const route_match *m, api_response *resp, const api_query *q)
{
    json_t *doc = m->id_ok ? problem_describe(m->id) : NULL;
    if (!doc) {
        problem_respond(resp, q->pretty, "not-found", "no such problem type");
        return;
    }
    render_json(resp, 200, API_CT_JSON, doc, q->pretty);
}

static void answer_item(store *st, const route_match *m, api_response *resp, const api_query *q)
{
    store_item item;
    strbuf detail = STRBUF_INIT;

    if (q->fields && !api_fields_check(q->fields, api_kind_fields(m->route->kind, true), &detail)) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        strbuf_release(&detail);
        return;
    }
    strbuf_release(&detail);
    if (!st) {
        answer_unavailable(resp, q);
        return;
    }
    if (q->as_of_given) {
        answer_item_as_of(st, m, resp, q);
        return;
    }
    switch (store_get_item(st, m->route->kind, m->id, q->evidence, &item)) {
    case STORE_OK: {
        json_t *doc = row_json(&item.row);
        store_item_release(&item);
        api_fields_apply(doc, q->fields);
        render_json(resp, 200, API_CT_JSON, doc, q->pretty);
        return;
    }
    case STORE_NOT_FOUND:
        problem_respond(resp, q->pretty, "not-found", "no %s has the id '%s'", m->route->noun,
                        m->id);
        return;
    default:
        answer_store_error(st, resp, q, m->route->pattern);
        return;
    }
}

static void answer_source_text(store *st, const route_match *m, api_response *resp,
                               const api_query *q)
{
    char *text = NULL;
    size_t len = 0;

    if (!st) {
        answer_unavailable(resp, q);
        return;
    }
    if (q->as_of_given) {
        answer_source_text_as_of(st, m, resp, q);
        return;
    }
    switch (store_source_text(st, m->id, &text, &len)) {
    case STORE_OK:
        render_bytes(resp, 200, API_CT_TEXT, text, len);
        return;
    case STORE_NOT_FOUND:
        problem_respond(resp, q->pretty, "not-found", "no source has the id '%s'", m->id);
        return;
    default:
        free(text);
        answer_store_error(st, resp, q, "/sources/{id}/text");
        return;
    }
}

void api_dispatch(store *st, const api_request *req, api_response *resp, bool body_probe)
{
    route_match m = {.route = NULL};
    api_query q = {.limit = API_LIMIT_DEFAULT, .after = NULL, .pretty = false};
    strbuf detail = STRBUF_INIT;

    memset(resp, 0, sizeof *resp);
    bool found = req->path && router_match(req->path, &m);
    bool writes = api_writes_enabled();
    bool write_method = found && m.write_method && req->method &&
                        strcmp(req->method, m.write_method) == 0;
    bool write_only = found && route_is_write_only(m.route->action);
    if (!found || (write_only && !writes) || (write_method && !writes)) {
        m.route = NULL;
        render_untrusted(&detail, req->path ? req->path : "", 200);
        problem_respond(resp, false, "not-found", "no endpoint at '%s'; GET / lists them",
                        detail.buf);
        goto out;
    }
    if (write_method || (write_only && is_read_method(req->method))) {
        write_answer(st, &m, req, resp, body_probe);
        goto out;
    }
    if (!is_read_method(req->method)) {
        const char *allowed = write_allowed_methods(&m);
        render_untrusted(&detail, req->method ? req->method : "", 32);
        if (!writes)
            problem_respond(resp, false, "method-not-allowed",
                            "%s is not allowed on %s: the API is read-only", detail.buf,
                            m.route->pattern);
        else
            problem_respond(resp, false, "method-not-allowed",
                            "%s is not allowed on %s, which answers %s", detail.buf,
                            m.route->pattern, allowed);
        render_add_header(resp, "Allow", allowed);
        goto out;
    }
    if (req->has_body) {
        problem_respond(resp, false, "bad-request", "a %s request must not carry a body",
                        req->method);
        goto out;
    }
    if (!params_parse(req, m.route->params, &q, &detail)) {
        problem_respond(resp, q.pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    if (strchr(m.route->pattern, '{') && !m.id_ok) {
        problem_respond(resp, q.pretty, "not-found",
                        "no %s has this id: ids are 1 to %d characters of A-Z, a-z, 0-9, _ and -",
                        m.route->noun, API_ID_MAX);
        goto out;
    }

    if (q.as_of_given && as_of_refused(&m, resp, &q))
        goto out;
    switch (m.route->action) {
    case ROUTE_INDEX:
        if (api_accept_prefers_html(req->accept))
            ui_answer("/ui", resp, &q);
        else
            answer_index(resp, &q);
        break;
    case ROUTE_UI:
        ui_answer(m.route->pattern, resp, &q);
        break;
    case ROUTE_HEALTH:
        answer_health(st, resp, &q);
        break;
    case ROUTE_OPENAPI:
        answer_openapi(resp, &q);
        break;
    case ROUTE_PROBLEM_TYPE:
        answer_problem_type(&m, resp, &q);
        break;
    case ROUTE_LIST:
        answer_list(st, &m, req, resp, &q);
        break;
    case ROUTE_ITEM:
        answer_item(st, &m, resp, &q);
        break;
    case ROUTE_SOURCE_TEXT:
        answer_source_text(st, &m, resp, &q);
        break;
    case ROUTE_LIVEZ:
        ops_answer_livez(resp, &q);
        break;
    case ROUTE_READYZ:
        ops_answer_readyz(st, resp, &q);
        break;
    case ROUTE_METRICS:
        ops_answer_metrics(st, resp);
        break;
    case ROUTE_SEARCH:
        answer_search(st, req, resp, &q);
        break;
    case ROUTE_STATS:
        answer_stats(st, resp, &q);
        break;
    case ROUTE_TIMELINE:
        answer_timeline(st, req, resp, &q);
        break;
    case ROUTE_CONFLICTS:
        answer_conflicts(st, req, resp, &q);
        break;
    case ROUTE_CHANGES:
        answer_changes(st, req, resp, &q);
        break;
    case ROUTE_SOURCE_FACTS:
        answer_source_facts(st, &m, resp, &q);
        break;
    case ROUTE_EVIDENCE:
        answer_evidence(st, &m, req, resp, &q);
        break;
    case ROUTE_JOB:
    case ROUTE_POST_SOURCE:
    case ROUTE_DELETE_SOURCE:
        /* Answered by write_answer() above. */
        problem_respond(resp, q.pretty, "internal", "no read action on %s", m.route->pattern);
        break;
    }
    /* a long poll's answer depends on when it was asked, not only on the data */
    resp->cacheable = resp->status == 200 && !route_is_operational(m.route->action) &&
                      !(m.route->action == ROUTE_CHANGES &&
                        (q.wait || strcmp(resp->content_type, API_CT_EVENTS) == 0));
out:
    resp->route = m.route ? m.route->pattern : NULL;
    strbuf_release(&detail);
}

void api_handle(struct store *st, const api_request *req, api_response *resp)
{
    api_dispatch(st, req, resp, false);
}
