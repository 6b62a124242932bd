/* list: the list endpoints and what every list shares.
 *
 * A list answer is a page of items plus where the next page starts.  Whatever the list
 * (a collection, /search, /timeline), render_list() turns it into the response the client
 * asked for:
 *   JSON    {"data": [...], "next": URL-or-null[, "total": N]}
 *   CSV     a header row of the items' top-level fields, then one row per item (RFC 4180);
 *           a text cell that a spreadsheet would run as a formula (= + - @ tab CR first)
 *           starts with a single quote, as OWASP advises against CSV injection
 *   NDJSON  one item per line
 * with the fields picked by `fields=`, an RFC 8288 `Link: <next>; rel="next"` header and,
 * for count=exact, `X-Total-Count`.  The next URL repeats the request's own parameters with
 * the cursor of the page's last item, so filters, sort and format carry over.
 *
 * Cursors are opaque to clients: base64url of a small JSON array (the sort, then the last
 * item's sort key and id) that only this file reads and writes.
 */
#include "api/api_internal.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/log.h"

/* --- cursors --- */

void api_cursor_encode(const json_t *doc, strbuf *out)
{
    char *json = json_dumps(doc, JSON_COMPACT);
    if (!json)
        return;
    size_t len = strlen(json);
    unsigned char *b64 = malloc(4 * ((len + 2) / 3) + 1);
    if (b64) {
        int n = EVP_EncodeBlock(b64, (const unsigned char *)json, (int)len);
        for (int i = 0; i < n && b64[i] != '='; i++)
            strbuf_addch(out, (char)(b64[i] == '+' ? '-' : b64[i] == '/' ? '_' : b64[i]));
    }
    free(b64);
    free(json);
}

json_t *api_cursor_decode(const char *cursor)
{
    size_t len = strlen(cursor);
    strbuf b64 = STRBUF_INIT;
    json_t *doc = NULL;

    if (len == 0 || len % 4 == 1 || len > 512)
        return NULL;
    for (size_t i = 0; i < len; i++)
        strbuf_addch(&b64, (char)(cursor[i] == '-' ? '+' : cursor[i] == '_' ? '/' : cursor[i]));
    size_t pad = (4 - len % 4) % 4;
    for (size_t i = 0; i < pad; i++)
        strbuf_addch(&b64, '=');
    unsigned char *raw = malloc(b64.len);
    if (raw) {
        int n = EVP_DecodeBlock(raw, (const unsigned char *)b64.buf, (int)b64.len);
        /* EVP_DecodeBlock counts the padding as zero bytes. */
        if (n >= (int)pad)
            doc = json_loadb((const char *)raw, (size_t)n - pad, JSON_REJECT_DUPLICATES, NULL);
    }
    free(raw);
    strbuf_release(&b64);
    if (doc && !json_is_array(doc)) {
        json_decref(doc);
        doc = NULL;
    }
    return doc;
}

/* --- formats --- */

/* The weight (0..1000) the Accept header gives the media type `type` ("text/html"): that of
 * its most specific matching range (type/subtype, then type/any, then any/any), -1 when none
 * matches.  With `exact`, only the type named itself counts (no wildcard). */
int api_accept_weight(const char *accept, const char *type, bool exact)
{
    int best = -1, best_rank = -1;
    const char *slash = strchr(type, '/');
    size_t major_len = slash ? (size_t)(slash - type) : strlen(type);
    const char *p = accept;

    while (*p) {
        p += strspn(p, " \t,");
        if (!*p)
            break;
        size_t range_len = strcspn(p, ";, \t");
        const char *range = p;
        p += range_len;
        int weight = 1000;
        while (*p && *p != ',') {
            p += strspn(p, " \t;");
            if ((p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
                double q = strtod(p + 2, NULL);
                weight = q <= 0 ? 0 : q >= 1 ? 1000 : (int)(q * 1000 + 0.5);
            }
            p += strcspn(p, ";,");
        }
        int rank = -1;
        if (range_len == strlen(type) && strncasecmp(range, type, range_len) == 0)
            rank = 2;
        else if (!exact && range_len == major_len + 2 && strncasecmp(range, type, major_len) == 0 &&
                 range[major_len] == '/' && range[major_len + 1] == '*')
            rank = 1;
        else if (!exact && range_len == 3 && strncmp(range, "*/*", 3) == 0)
            rank = 0;
        if (rank > best_rank) {
            best_rank = rank;
            best = weight;
        }
    }
    return best;
}

enum api_format list_format(const api_request *req, const api_query *q)
{
    if (q->format_given || !req->accept)
        return q->format;
    int json = api_accept_weight(req->accept, "application/json", false);
    int csv = api_accept_weight(req->accept, "text/csv", true);
    int ndjson = api_accept_weight(req->accept, "application/x-ndjson", true);
    int nd2 = api_accept_weight(req->accept, "application/ndjson", true);
    if (nd2 > ndjson)
        ndjson = nd2;
    if (csv > 0 && csv > json && csv >= ndjson)
        return API_FORMAT_CSV;
    if (ndjson > 0 && ndjson > json)
        return API_FORMAT_NDJSON;
    return API_FORMAT_JSON;
}

/* Whether a spreadsheet would run a cell of this text as a formula: it starts with = + - @,
 * a tab or a carriage return (OWASP's list for CSV injection). */
static bool csv_formula_like(const char *s)
{
    return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/* One CSV field, quoted when it holds a comma, quote or line break; with `as_text`, a
 * single quote goes first, which spreadsheets show as text instead of running the rest. */
static void csv_field(strbuf *out, const char *s, bool as_text)
{
    if (!s[strcspn(s, ",\"\r\n")]) {
        if (as_text)
            strbuf_addch(out, '\'');
        strbuf_addstr(out, s);
        return;
    }
    strbuf_addch(out, '"');
    if (as_text)
        strbuf_addch(out, '\'');
    for (; *s; s++) {
        if (*s == '"')
            strbuf_addch(out, '"');
        strbuf_addch(out, *s);
    }
    strbuf_addch(out, '"');
}

/* A JSON value as one CSV cell: scalars as text, a list of names (strings, or objects with a
 * "name") joined by "; ", an object with a "name" as that name, anything else as JSON. */
static void csv_value(strbuf *cell, const json_t *v)
{
    size_t i;
    const json_t *item;

    switch (json_typeof(v)) {
    case JSON_STRING:
        strbuf_add(cell, json_string_value(v), json_string_length(v));
        return;
    case JSON_INTEGER:
        strbuf_addf(cell, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return;
    case JSON_REAL:
        strbuf_addf(cell, "%.15g", json_real_value(v));
        return;
    case JSON_TRUE:
        strbuf_addstr(cell, "true");
        return;
    case JSON_FALSE:
        strbuf_addstr(cell, "false");
        return;
    case JSON_NULL:
        return;
    case JSON_OBJECT:
        if (json_object_get(v, "name")) {
            csv_value(cell, json_object_get(v, "name"));
            return;
        }
        break;
    case JSON_ARRAY: {
        bool names = true;
        json_array_foreach(v, i, item)
            if (!json_is_string(item) && !json_is_string(json_object_get(item, "name")))
                names = false;
        if (!names)
            break;
        json_array_foreach(v, i, item) {
            if (i)
                strbuf_addstr(cell, "; ");
            csv_value(cell, json_is_string(item) ? item : json_object_get(item, "name"));
        }
        return;
    }
    }
    char *json = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (json)
        strbuf_addstr(cell, json);
    free(json);
}

/* One CSV row: the cells of item under the columns of `first`'s fields. */
static void csv_row(strbuf *out, const json_t *first, const json_t *item)
{
    const char *key;
    json_t *value;
    size_t col = 0;
    strbuf cell = STRBUF_INIT;

    json_object_foreach((json_t *)first, key, value) {
        strbuf_reset(&cell);
        const json_t *v = json_object_get(item, key);
        if (v)
            csv_value(&cell, v);
        strbuf_addstr(out, col++ ? "," : "");
        /* A number's cell is left as it is: no number is a formula, and -1 stays -1. */
        const char *text = cell.buf ? cell.buf : "";
        csv_field(out, text, v && !json_is_number(v) && csv_formula_like(text));
    }
    strbuf_addstr(out, "\r\n");
    strbuf_release(&cell);
}

/* The CSV document of items; the header lists the first item's fields, or `known` (as
 * `fields=` picked them) when there is no item. */
static void render_csv(strbuf *out, const json_t *items, const char *const *known,
                       const char *fields)
{
    const json_t *first = json_array_get(items, 0), *item;
    const char *key;
    json_t *value;
    size_t i, col = 0;

    if (first) {
        json_object_foreach((json_t *)first, key, value) {
            strbuf_addstr(out, col++ ? "," : "");
            csv_field(out, key, false);
        }
    } else {
        for (size_t k = 0; known && known[k]; k++) {
            if (fields && !api_field_wanted(fields, known[k]))
                continue;
            strbuf_addstr(out, col++ ? "," : "");
            csv_field(out, known[k], false);
        }
    }
    strbuf_addstr(out, "\r\n");
    json_array_foreach(items, i, item)
        csv_row(out, first, item);
}

static int dump_to_strbuf(const char *buffer, size_t size, void *data)
{
    strbuf_add(data, buffer, size);
    return 0;
}

static void render_ndjson(strbuf *out, const json_t *items)
{
    size_t i;
    const json_t *item;
    json_array_foreach(items, i, item) {
        json_dump_callback(item, dump_to_strbuf, out, JSON_COMPACT | JSON_REAL_PRECISION(15));
        strbuf_addch(out, '\n');
    }
}

/* --- fields= --- */

bool api_field_wanted(const char *fields, const char *name)
{
    size_t n = strlen(name);
    if (strcmp(name, "id") == 0)
        return true;
    for (const char *p = fields; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len;
        if (*p == ',')
            p++;
    }
    return false;
}

bool api_fields_check(const char *fields, const char *const *known, strbuf *detail)
{
    for (const char *p = fields; p && *p;) {
        size_t len = strcspn(p, ",");
        bool found = false;
        for (size_t k = 0; known && known[k] && !found; k++)
            found = strlen(known[k]) == len && strncmp(known[k], p, len) == 0;
        if (!found) {
            strbuf_addf(detail, "fields: no field '%.*s' here; the fields are ", (int)len, p);
            for (size_t k = 0; known && known[k]; k++)
                strbuf_addf(detail, "%s%s", k ? ", " : "", known[k]);
            return false;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    return true;
}

void api_fields_apply(json_t *item, const char *fields)
{
    const char *key;
    json_t *value;
    void *tmp;
    if (!fields || !json_is_object(item))
        return;
    json_object_foreach_safe(item, tmp, key, value) {
        if (!api_field_wanted(fields, key))
            json_object_del(item, key);
    }
}

/* --- the page --- */

/* The URL of the next page: the path, the request's parameters but the cursor, then the
 * cursor of the last item.  A feed's cursor is a number, its last entry's seq: the next page
 * is then the entries since it (since=N, in place of the request's own). */
static void next_url(const api_request *req, const char *path, const json_t *cursor, strbuf *url)
{
    char sep = '?';
    bool since = json_is_integer(cursor);
    strbuf_addstr(url, path);
    for (size_t i = 0; i < req->nparams; i++) {
        const api_param *p = &req->params[i];
        if (strcmp(p->key, "cursor") == 0 || strcmp(p->key, "after") == 0 ||
            (since && strcmp(p->key, "since") == 0))
            continue;
        strbuf_addch(url, sep);
        sep = '&';
        render_query_value(url, p->key);
        if (p->value) {
            strbuf_addch(url, '=');
            render_query_value(url, p->value);
        }
    }
    strbuf_addch(url, sep);
    if (since) {
        strbuf_addf(url, "since=%" JSON_INTEGER_FORMAT, json_integer_value(cursor));
        return;
    }
    strbuf_addstr(url, "cursor=");
    api_cursor_encode(cursor, url);
}

void render_list(api_response *resp, const api_request *req, const api_query *q, const char *path,
                 json_t *items, const json_t *cursor, long long total,
                 const char *const *known_fields)
{
    strbuf link = STRBUF_INIT, header = STRBUF_INIT;
    size_t i;
    json_t *item;

    json_array_foreach(items, i, item)
        api_fields_apply(item, q->fields);
    if (cursor)
        next_url(req, path, cursor, &link);

    enum api_format format = list_format(req, q);
    if (format == API_FORMAT_JSON) {
        json_t *doc = json_pack("{s:O, s:o}", "data", items, "next",
                                link.len ? json_string(link.buf) : json_null());
        if (doc && total >= 0)
            json_object_set_new(doc, "total", json_integer(total));
        render_json(resp, 200, API_CT_JSON, doc, q->pretty);
    } else {
        strbuf body = STRBUF_INIT;
        if (format == API_FORMAT_CSV)
            render_csv(&body, items, known_fields, q->fields);
        else
            render_ndjson(&body, items);
        size_t len;
        char *bytes = strbuf_detach(&body, &len);
        render_bytes(resp, 200, format == API_FORMAT_CSV ? API_CT_CSV : API_CT_NDJSON, bytes, len);
    }
    if (resp->status == 200) {
        if (link.len) {
            strbuf_addf(&header, "<%s>; rel=\"next\"", link.buf);
            render_add_header(resp, "Link", header.buf);
        }
        if (total >= 0) {
            strbuf_reset(&header);
            strbuf_addf(&header, "%lld", total);
            render_add_header(resp, "X-Total-Count", header.buf);
        }
    }
    strbuf_release(&link);
    strbuf_release(&header);
}

/* --- the bound on a page's bytes --- */

/* What one item of a page adds to the answer in the format asked, near enough to choose how
 * many items fit (the answer itself is measured once rendered). */
static size_t item_bytes(const json_t *item, const json_t *first, enum api_format format,
                         bool pretty)
{
    const size_t flags = JSON_COMPACT | JSON_REAL_PRECISION(15);
    if (format == API_FORMAT_CSV) {
        strbuf row = STRBUF_INIT;
        csv_row(&row, first, item);
        size_t n = row.len;
        strbuf_release(&row);
        return n;
    }
    if (format == API_FORMAT_NDJSON || !pretty)
        return json_dumpb(item, NULL, 0, flags) + 1;
    /* Indented, the item sits two levels deep: four more spaces on each of its lines. */
    char *text = json_dumps(item, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
    size_t n = 0, lines = 1;
    for (const char *p = text; p && *p; p++, n++)
        lines += *p == '\n';
    free(text);
    return n + 4 * lines + 2;
}

/* How many items a shorter page of this one should ask for, so that its answer of `len`
 * bytes comes within API_PAGE_MAX_BYTES: the leading items that fit beside what the page has
 * besides its items, at least one and fewer than the page has.  From the third try on at
 * most half, so that a poor guess still ends in a few tries. */
static int items_that_fit(const json_t *items, enum api_format format, bool pretty, size_t len,
                          int tries)
{
    size_t n = json_array_size(items), sum = 0, fit = 0;
    size_t *sizes = calloc(n, sizeof *sizes);
    if (!sizes)
        return (int)(n / 2);
    for (size_t i = 0; i < n; i++) {
        sizes[i] = item_bytes(json_array_get(items, i), json_array_get(items, 0), format, pretty);
        sum += sizes[i];
    }
    size_t used = len > sum ? len - sum : 0;
    while (fit < n && used + sizes[fit] <= API_PAGE_MAX_BYTES)
        used += sizes[fit++];
    free(sizes);
    if (fit < 1)
        fit = 1;
    if (fit > n - 1)
        fit = n - 1;
    if (tries >= 2 && fit > n / 2)
        fit = n / 2;
    return (int)fit;
}

static void list_page_release(list_page *page)
{
    json_decref(page->items);
    json_decref(page->next);
    page->items = page->next = NULL;
}

void serve_list(api_response *resp, const api_request *req, const api_query *q, const char *path,
                list_fetch_fn fetch, void *ctx, const char *const *known_fields)
{
    int limit = q->limit;
    for (int tries = 0;; tries++) {
        list_page page = {.items = NULL, .next = NULL, .total = -1};
        if (!fetch(ctx, limit, &page, resp))
            return;
        render_list(resp, req, q, path, page.items, page.next, page.total, known_fields);
        size_t n = json_array_size(page.items);
        bool too_large = resp->status == 200 && resp->len > API_PAGE_MAX_BYTES && n > 1;
        if (too_large)
            limit = items_that_fit(page.items, list_format(req, q), q->pretty, resp->len, tries);
        list_page_release(&page);
        if (!too_large)
            return;
    }
}

/* --- the collections --- */

static const char *const source_fields[] = {"id",          "file",   "title", "byline",
                                            "dateline",    "sha256", "chars", "published",
                                            "ingested_at", NULL};
static const char *const agreement_fields[] = {
    "id",      "name",         "aliases",        "acronym",
    "signed",  "place",        "parties",        "signatories",
    "sources", "source_count", "evidence_total", "evidence",
    "rule",    "confidence",   "disputed",       "disputes",
    NULL};
static const char *const meeting_fields[] = {
    "id",         "date",         "place",          "occasion", "participants",
    "sources",    "source_count", "evidence_total", "evidence", "rule",
    "confidence", "disputed",     "disputes",       NULL};
static const char *const quote_fields[] = {"id",      "text",         "speaker",        "cue",
                                           "sources", "source_count", "evidence_total", "evidence",
                                           "rule",    "confidence",   "disputed",       "disputes",
                                           NULL};
static const char *const person_fields[] = {"id",     "name",     "title",    "aliases",
                                            "counts", "disputed", "disputes", NULL};
static const char *const person_item_fields[] = {"id",       "name",     "title",    "aliases",
                                                 "counts",   "disputed", "disputes", "agreements",
                                                 "meetings", "quotes",   NULL};

const char *const *api_kind_fields(enum store_kind kind, bool item)
{
    switch (kind) {
    case STORE_SOURCES:
        return source_fields;
    case STORE_AGREEMENTS:
        return agreement_fields;
    case STORE_MEETINGS:
        return meeting_fields;
    case STORE_QUOTES:
        return quote_fields;
    case STORE_PEOPLE:
        return item ? person_item_fields : person_fields;
    }
    return NULL;
}

/* Checks `sort` against the kind's sort fields; sets *field and *desc. */
static bool check_sort(enum store_kind kind, const char *sort, const char **field, bool *desc,
                       strbuf *detail)
{
    const char *const *fields = store_sort_fields(kind);
    *desc = sort && sort[0] == '-';
    *field = sort ? sort + (*desc ? 1 : 0) : fields[0];
    for (size_t i = 0; fields[i]; i++)
        if (strcmp(fields[i], *field) == 0)
            return true;
    strbuf_addstr(detail, "sort: this list sorts on ");
    for (size_t i = 0; fields[i]; i++)
        strbuf_addf(detail, "%s%s", i ? ", " : "", fields[i]);
    strbuf_addstr(detail, " (a leading '-' for descending order)");
    return false;
}

/* Reads a list cursor: ["<sort>", key_null, key, id] made for this very sort. */
static bool check_cursor(const char *text, const char *sort, store_cursor *c, json_t **doc)
{
    json_t *d = api_cursor_decode(text);
    json_t *key = json_array_get(d, 2);
    const char *id = json_string_value(json_array_get(d, 3));

    *doc = d;
    memset(c, 0, sizeof *c);
    if (json_array_size(d) != 4 || !json_is_string(json_array_get(d, 0)) ||
        strcmp(json_string_value(json_array_get(d, 0)), sort) != 0 ||
        !json_is_boolean(json_array_get(d, 1)) || !(json_is_string(key) || json_is_integer(key)) ||
        !id || !router_id_ok(id))
        return false;
    c->key_null = json_is_true(json_array_get(d, 1));
    c->key_is_int = json_is_integer(key);
    c->key_int = json_is_integer(key) ? json_integer_value(key) : 0;
    c->key_text = json_string_value(key);
    c->id = id;
    return true;
}

/* What answer_list() fetches a page with. */
typedef struct collection_fetch {
    store *st;
    store_list_query query;
    const char *sort_token;
    const char *collection;
    const api_query *q;
} collection_fetch;

static bool fetch_collection(void *arg, int limit, list_page *out, api_response *resp)
{
    collection_fetch *c = arg;
    store_page page;
    bool ok = false;

    c->query.limit = limit;
    switch (store_list_page(c->st, &c->query, &page)) {
    case STORE_OK:
        break;
    case STORE_BAD_QUERY:
        problem_respond(resp, c->q->pretty, "bad-parameter",
                        "q is not a valid search expression: %s", store_errmsg(c->st));
        goto out;
    default:
        log_error("api: %s failed: %s", c->collection, store_errmsg(c->st));
        problem_respond(resp, c->q->pretty, "internal",
                        "the database could not answer the request");
        goto out;
    }
    out->items = rows_json(page.rows, page.n);
    out->total = page.total;
    if (page.more) {
        const store_cursor *next = &page.next;
        out->next = json_pack("[s, b, o, s]", c->sort_token, next->key_null,
                              next->key_is_int ? json_integer(next->key_int)
                                               : json_string(next->key_text),
                              next->id);
    }
    ok = true;
out:
    store_page_release(&page);
    return ok;
}

void answer_list(store *st, const route_match *m, const api_request *req, api_response *resp,
                 const api_query *q)
{
    enum store_kind kind = m->route->kind;
    collection_fetch fetch = {.st = st,
                              .query = {.kind = kind,
                                        .limit = q->limit,
                                        .after = q->after,
                                        .evidence = q->evidence,
                                        .count = q->count,
                                        .filters = q->filters},
                              .collection = m->route->collection,
                              .q = q};
    store_cursor cursor;
    json_t *cursor_doc = NULL;
    strbuf detail = STRBUF_INIT, sort_token = STRBUF_INIT;
    const char *field;
    bool desc;

    if (!check_sort(kind, q->sort, &field, &desc, &detail) ||
        (q->fields && !api_fields_check(q->fields, api_kind_fields(kind, false), &detail))) {
        problem_respond(resp, q->pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    strbuf_addf(&sort_token, "%s%s", desc ? "-" : "", field);
    if (q->cursor && !check_cursor(q->cursor, sort_token.buf, &cursor, &cursor_doc)) {
        problem_respond(resp, q->pretty, "bad-parameter",
                        "cursor is not the cursor of a next link of this list and sort");
        goto out;
    }
    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        goto out;
    }
    if (q->as_of_given) {
        asof_order order = {field, desc, sort_token.buf, q->cursor ? &cursor : NULL};
        answer_list_as_of(st, m, req, resp, q, &order);
        goto out;
    }
    fetch.query.sort = field;
    fetch.query.descending = desc;
    fetch.query.cursor = q->cursor ? &cursor : NULL;
    fetch.sort_token = sort_token.buf;
    serve_list(resp, req, q, m->route->collection, fetch_collection, &fetch,
               api_kind_fields(kind, false));
out:
    json_decref(cursor_doc);
    strbuf_release(&detail);
    strbuf_release(&sort_token);
}
