/* params: strict parsing of query parameters.
 *
 * Every parameter a route does not take, every repeated parameter and every malformed value
 * is an error that names the parameter: a client that misspells `limit` should hear about it
 * rather than silently get 50 items.  The table below is the one place a parameter is defined.
 */
#include "api/api_internal.h"

#include <string.h>

typedef bool (*param_parser)(const char *value, api_query *q, strbuf *detail);

typedef struct param_def {
    const char *name;
    enum route_param bit;
    param_parser parse;
} param_def;

static bool parse_limit(const char *value, api_query *q, strbuf *detail)
{
    size_t n = strspn(value, "0123456789");
    /* At most 4 digits before converting, so no overflow is possible. */
    if (n == 0 || value[n] != '\0' || n > 4) {
        strbuf_addf(detail, "limit must be a whole number from 1 to %d", API_LIMIT_MAX);
        return false;
    }
    int limit = 0;
    for (size_t i = 0; i < n; i++)
        limit = limit * 10 + (value[i] - '0');
    if (limit < 1 || limit > API_LIMIT_MAX) {
        strbuf_addf(detail, "limit must be a whole number from 1 to %d, not %d", API_LIMIT_MAX,
                    limit);
        return false;
    }
    q->limit = limit;
    return true;
}

static bool parse_after(const char *value, api_query *q, strbuf *detail)
{
    if (!router_id_ok(value)) {
        strbuf_addf(detail,
                    "after must be the id of the last item of the previous page "
                    "(1 to %d characters of A-Z, a-z, 0-9, _ and -)",
                    API_ID_MAX);
        return false;
    }
    q->after = value;
    return true;
}

static bool parse_pretty(const char *value, api_query *q, strbuf *detail)
{
    if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0) {
        strbuf_addstr(detail, "pretty must be 0 or 1");
        return false;
    }
    q->pretty = value[0] == '1';
    return true;
}

static const param_def params[] = {
    {"limit", PARAM_LIMIT, parse_limit},
    {"after", PARAM_AFTER, parse_after},
    {"pretty", PARAM_PRETTY, parse_pretty},
};

#define NPARAMS (sizeof params / sizeof params[0])

/* Lists the parameters in `allowed` for an error message. */
static void describe_allowed(strbuf *detail, unsigned allowed)
{
    const char *sep = "";
    if (!allowed) {
        strbuf_addstr(detail, "this endpoint takes no query parameters");
        return;
    }
    strbuf_addstr(detail, "this endpoint takes ");
    for (size_t i = 0; i < NPARAMS; i++) {
        if (allowed & params[i].bit) {
            strbuf_addf(detail, "%s%s", sep, params[i].name);
            sep = ", ";
        }
    }
}

bool params_parse(const api_request *req, unsigned allowed, api_query *q, strbuf *detail)
{
    unsigned seen = 0;

    q->limit = API_LIMIT_DEFAULT;
    q->after = NULL;
    q->pretty = false;

    /* pretty first, so that an error about another parameter is rendered the way asked. */
    for (size_t i = 0; i < req->nparams && (allowed & PARAM_PRETTY); i++) {
        const api_param *p = &req->params[i];
        if (strcmp(p->key, "pretty") == 0 && p->value && strcmp(p->value, "1") == 0)
            q->pretty = true;
    }

    for (size_t i = 0; i < req->nparams; i++) {
        const api_param *p = &req->params[i];
        const param_def *def = NULL;
        for (size_t k = 0; k < NPARAMS; k++) {
            if (strcmp(p->key, params[k].name) == 0 && (allowed & params[k].bit)) {
                def = &params[k];
                break;
            }
        }
        if (!def) {
            strbuf_addstr(detail, "unknown query parameter '");
            render_untrusted(detail, p->key, 64);
            strbuf_addstr(detail, "': ");
            describe_allowed(detail, allowed);
            return false;
        }
        if (seen & def->bit) {
            strbuf_addf(detail, "query parameter '%s' is given more than once", def->name);
            return false;
        }
        seen |= def->bit;
        if (!p->value || !*p->value) {
            strbuf_addf(detail, "query parameter '%s' needs a value", def->name);
            return false;
        }
        if (!def->parse(p->value, q, detail))
            return false;
    }
    return true;
}
