/* write: the write API, enabled by a bearer token (api_set_writes).
 *
 *   POST /sources        queue an article: text/plain (the article itself) or
 *                        application/json {"text", "title"?, "url"?, "published"?}
 *                        202 {"job": {...}} with Location: /jobs/{id} once the job is
 *                        committed; 200 {"source": {...}} with Location: /sources/{id}
 *                        when those exact bytes are stored already
 *   GET /jobs/{id}       the job: queued, running, done (source_id, counts) or failed (error)
 *   DELETE /sources/{id} 204 once the article, and every fact only it supported, are gone
 *
 * Every request here is checked in a fixed order, each step with its own answer:
 *   the bearer token                      else 401 unauthorized (with WWW-Authenticate)
 *   the query parameters (pretty only)    else 400 bad-parameter
 *   the {id} in the path is well formed   else 404 not-found
 * then, for POST /sources,
 *   the media type                        else 415 unsupported-media-type
 *   a body was sent                       else 400 bad-request
 *   at most max_body bytes                else 413 payload-too-large (by Content-Length
 *                                         before anything is read, or as it is read)
 *   UTF-8, and for JSON the members       else 422 unprocessable (malformed JSON: 400)
 * and a GET or DELETE must carry no body (400), as everywhere in the API.  The checks on
 * headers run before the body is read (api_wants_body), so a request without the token
 * never has its body read at all.
 *
 * The token is kept only as its SHA-256, and a presented token is compared by its SHA-256
 * with CRYPTO_memcmp: two equal-length digests compared in constant time tell nothing of the
 * token's length or of how much of it matched.
 *
 * This file queues and deletes through the callbacks of api_write_config (the server's
 * writer) and reads jobs and sources through the caller's read-only handle: a job's row is
 * committed before the callback returns, so the handle's next read transaction sees it.
 */
#include "api/api_internal.h"

#include <openssl/crypto.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/digest.h"
#include "util/log.h"
#include "util/utf8.h"

#define TOKEN_DIGEST_BYTES DIGEST_SHA256_BYTES
#define REALM "factd"
#define HINT_TITLE_MAX 1000 /* the longest title a JSON body may give, in bytes */
#define HINT_URL_MAX 2000   /* the longest url */

static struct {
    bool enabled;
    unsigned char token_digest[TOKEN_DIGEST_BYTES];
    size_t max_body;
    int (*enqueue)(void *arg, const api_article *article, char **job_id);
    int (*delete_source)(void *arg, const char *id);
    void *arg;
} writes;


void api_set_writes(const api_write_config *cfg)
{
    OPENSSL_cleanse(&writes, sizeof writes);
    if (!cfg || !cfg->token || !*cfg->token)
        return;
    if (!digest_sha256(cfg->token, strlen(cfg->token), writes.token_digest)) {
        log_error("api: cannot digest the token; the write API stays off");
        return;
    }
    writes.max_body = cfg->max_body ? cfg->max_body : API_MAX_BODY_DEFAULT;
    writes.enqueue = cfg->enqueue;
    writes.delete_source = cfg->delete_source;
    writes.arg = cfg->arg;
    writes.enabled = true;
}

bool api_writes_enabled(void)
{
    return writes.enabled;
}

const char *write_allowed_methods(const route_match *m)
{
    if (!writes.enabled || !m->write_method)
        return API_ALLOWED_METHODS;
    if (strcmp(m->write_method, "POST") == 0)
        return API_ALLOWED_METHODS ", POST";
    if (strcmp(m->write_method, "DELETE") == 0)
        return API_ALLOWED_METHODS ", DELETE";
    return API_ALLOWED_METHODS;
}

/* --- the bearer token (RFC 6750) --- */

enum auth_result {
    AUTH_OK,
    AUTH_MISSING, /* no Authorization header, or another scheme: no error code is given */
    AUTH_INVALID, /* a Bearer credential that is malformed or not the token */
};

static bool is_token_char(char c)
{
    /* b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           strchr("-._~+/=", c) != NULL;
}

static enum auth_result check_token(const char *authorization)
{
    static const char scheme[] = "Bearer";
    const size_t scheme_len = sizeof scheme - 1;

    if (!authorization)
        return AUTH_MISSING;
    const char *p = authorization + strspn(authorization, " \t");
    if (strncasecmp(p, scheme, scheme_len) != 0 || (p[scheme_len] != ' ' && p[scheme_len] != '\t'))
        return AUTH_MISSING;
    p += scheme_len;
    p += strspn(p, " \t");
    size_t len = 0;
    while (p[len] && is_token_char(p[len]))
        len++;
    if (len == 0 || p[len + strspn(p + len, " \t")] != '\0')
        return AUTH_INVALID;
    unsigned char digest[TOKEN_DIGEST_BYTES];
    if (!digest_sha256(p, len, digest))
        return AUTH_INVALID;
    return CRYPTO_memcmp(digest, writes.token_digest, TOKEN_DIGEST_BYTES) == 0 ? AUTH_OK
                                                                               : AUTH_INVALID;
}

static void answer_unauthorized(api_response *resp, enum auth_result why)
{
    if (why == AUTH_MISSING) {
        problem_respond(resp, false, "unauthorized",
                        "this endpoint needs the server's token: Authorization: Bearer <token>");
        render_add_header(resp, "WWW-Authenticate", "Bearer realm=\"" REALM "\"");
    } else {
        problem_respond(resp, false, "unauthorized", "the bearer token is not valid");
        render_add_header(resp, "WWW-Authenticate",
                          "Bearer realm=\"" REALM "\", error=\"invalid_token\"");
    }
}

/* --- media types --- */

enum body_type { BODY_UNSUPPORTED, BODY_TEXT, BODY_JSON };

/* Compares s[0..len) with a lowercase word, ignoring ASCII case. */
static bool word_is(const char *s, size_t len, const char *word)
{
    return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

/* The body type a Content-Type names: text/plain or application/json, in UTF-8 (a charset
 * parameter, when given, must be utf-8 or its subset us-ascii; others are ignored). */
static enum body_type parse_media_type(const char *content_type)
{
    if (!content_type)
        return BODY_UNSUPPORTED;
    const char *p = content_type + strspn(content_type, " \t");
    size_t len = strcspn(p, ";");
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    enum body_type type = word_is(p, len, "text/plain")         ? BODY_TEXT
                          : word_is(p, len, "application/json") ? BODY_JSON
                                                                : BODY_UNSUPPORTED;
    if (type == BODY_UNSUPPORTED)
        return type;
    for (p = strchr(p, ';'); p; p = strchr(p + 1, ';')) {
        const char *name = p + 1 + strspn(p + 1, " \t");
        size_t name_len = strcspn(name, "= \t;");
        if (!word_is(name, name_len, "charset"))
            continue;
        const char *value = name + name_len + strspn(name + name_len, " \t");
        if (*value != '=')
            return BODY_UNSUPPORTED;
        value++;
        value += strspn(value, " \t");
        bool quoted = *value == '"';
        value += quoted;
        size_t value_len = strcspn(value, quoted ? "\"" : "; \t");
        if (!word_is(value, value_len, "utf-8") && !word_is(value, value_len, "us-ascii"))
            return BODY_UNSUPPORTED;
    }
    return type;
}

/* --- the article of a JSON body --- */

/* YYYY-MM-DD naming a day of the Gregorian calendar. */
static bool is_iso_date(const char *s)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

/* An absolute http or https URL without spaces or control characters. */
static bool is_web_url(const char *s)
{
    size_t scheme = strncasecmp(s, "https://", 8) == 0  ? 8
                    : strncasecmp(s, "http://", 7) == 0 ? 7
                                                        : 0;
    if (!scheme || !s[scheme] || s[scheme] == '/')
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* An optional string member: NULL when absent or null; false (with detail) when it is not
 * a string of 1..max bytes that passes check. */
static bool optional_string(const json_t *doc, const char *key, size_t max,
                            bool (*check)(const char *), const char *expected, const char **out,
                            strbuf *detail)
{
    const json_t *v = json_object_get(doc, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return true;
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    if (!s || len == 0 || len > max || memchr(s, '\0', len) || (check && !check(s))) {
        strbuf_addf(detail, "%s must be %s, or null", key, expected);
        return false;
    }
    *out = s;
    return true;
}

/* Reads {"text", "title"?, "url"?, "published"?} into *article (pointing into doc).  The
 * status of the answer otherwise: 400 for an empty text, 422 for anything else wrong. */
static int json_article(const json_t *doc, api_article *article, strbuf *detail)
{
    const char *key;
    const json_t *value;

    if (!json_is_object(doc)) {
        strbuf_addstr(detail, "the body must be a JSON object: {\"text\", \"title\", \"url\", "
                              "\"published\"}");
        return 422;
    }
    json_object_foreach((json_t *)doc, key, value) {
        if (strcmp(key, "text") != 0 && strcmp(key, "title") != 0 && strcmp(key, "url") != 0 &&
            strcmp(key, "published") != 0) {
            strbuf_addstr(detail, "unknown member '");
            render_untrusted(detail, key, 64);
            strbuf_addstr(detail, "': the body takes text, title, url and published");
            return 422;
        }
    }
    const json_t *text = json_object_get(doc, "text");
    if (!json_is_string(text)) {
        strbuf_addstr(detail, "text must be the article's text, a string");
        return 422;
    }
    article->text = json_string_value(text);
    article->len = json_string_length(text);
    if (article->len == 0) {
        strbuf_addstr(detail, "the text is empty");
        return 400;
    }
    if (memchr(article->text, '\0', article->len)) {
        strbuf_addstr(detail, "the text contains a NUL character");
        return 422;
    }
    if (!optional_string(doc, "title", HINT_TITLE_MAX, NULL, "a string of 1 to 1000 bytes",
                         &article->title, detail) ||
        !optional_string(doc, "url", HINT_URL_MAX, is_web_url,
                         "an absolute http or https URL of at most 2000 bytes", &article->url,
                         detail) ||
        !optional_string(doc, "published", 10, is_iso_date, "a date, YYYY-MM-DD",
                         &article->published, detail))
        return 422;
    return 200;
}

/* --- the answers --- */

/* Answers 200 {"source": {...}} when the article's bytes are stored already; false when
 * they are not (or cannot be told: the job will tell then). */
static bool answer_if_stored(store *st, const api_article *article, const api_query *q,
                             api_response *resp)
{
    char sha[DIGEST_SHA256_HEX + 1], id[SOURCE_ID_LEN + 1];
    store_item source;

    digest_sha256_hex(article->text, article->len, sha);
    if (!sha[0] || !st)
        return false;
    source_id_of(sha, id);
    int rc = store_get_item(st, STORE_SOURCES, id, STORE_EVIDENCE_FULL, &source);
    const char *stored_sha = rc == STORE_OK ? source.row.source.sha256 : NULL;
    if (rc != STORE_OK || !stored_sha || strcmp(stored_sha, sha) != 0) {
        if (rc == STORE_ERROR)
            log_warn("api: looking for a stored copy of a posted article: %s", store_errmsg(st));
        store_item_release(&source);
        return false;
    }
    strbuf location = STRBUF_INIT;
    strbuf_addf(&location, "/sources/%s", id);
    render_json(resp, 200, API_CT_JSON, json_pack("{s:o}", "source", row_json(&source.row)),
                q->pretty);
    store_item_release(&source);
    render_add_header(resp, "Location", location.buf);
    strbuf_release(&location);
    return true;
}

static void answer_post_source(store *st, const api_request *req, api_response *resp,
                               const api_query *q, bool body_probe)
{
    api_article article = {.text = req->body, .len = req->body_len};
    json_t *doc = NULL;
    strbuf detail = STRBUF_INIT;
    char *job_id = NULL;

    enum body_type type = parse_media_type(req->content_type);
    if (type == BODY_UNSUPPORTED) {
        strbuf_addstr(&detail, "POST /sources takes text/plain; charset=utf-8 (the article) or "
                               "application/json ({\"text\", \"title\", \"url\", \"published\"})");
        if (req->content_type) {
            strbuf_addstr(&detail, ", not ");
            render_untrusted(&detail, req->content_type, 100);
        }
        problem_respond(resp, q->pretty, "unsupported-media-type", "%s", detail.buf);
        goto out;
    }
    if (!req->has_body || (req->body_read && req->body_len == 0 && !req->body_too_large)) {
        problem_respond(resp, q->pretty, "bad-request", "the body is empty: POST the article");
        goto out;
    }
    if (req->body_too_large ||
        (req->content_length >= 0 && (unsigned long long)req->content_length > writes.max_body)) {
        problem_respond(resp, q->pretty, "payload-too-large",
                        "the body is larger than %zu bytes, the most this server takes",
                        writes.max_body);
        goto out;
    }
    if (!req->body_read) {
        if (body_probe) {
            resp->status = 0; /* the headers pass: the transport reads the body, asks again */
            goto out;
        }
        log_error("api: POST /sources answered before its body was read");
        problem_respond(resp, q->pretty, "internal", "the request body was not read");
        goto out;
    }
    if (!utf8_valid(req->body, req->body_len)) {
        problem_respond(resp, q->pretty, "unprocessable",
                        "the body is not UTF-8 text (or contains a NUL byte)");
        goto out;
    }
    if (type == BODY_JSON) {
        json_error_t error;
        doc = json_loadb(req->body, req->body_len,
                         JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY, &error);
        if (!doc) {
            problem_respond(resp, q->pretty, "bad-request",
                            "the body is not valid JSON: %s (line %d, column %d)", error.text,
                            error.line, error.column);
            goto out;
        }
        int status = json_article(doc, &article, &detail);
        if (status != 200) {
            problem_respond(resp, q->pretty, status == 400 ? "bad-request" : "unprocessable", "%s",
                            detail.buf);
            goto out;
        }
    }

    if (answer_if_stored(st, &article, q, resp))
        goto out;
    int queued = writes.enqueue ? writes.enqueue(writes.arg, &article, &job_id) : STORE_ERROR;
    if (queued != STORE_OK) {
        problem_respond(resp, q->pretty, "unavailable", "%s",
                        queued == STORE_UNAVAILABLE ? API_DATABASE_GONE
                                                    : "the article could not be queued");
        goto out;
    }
    store_job_status status;
    json_t *job;
    if (st && store_get_job(st, job_id, &status) == STORE_OK) {
        job = job_json(&status);
        store_job_status_release(&status);
    } else {
        /* Committed all the same; the reader will see it on the next request. */
        job = json_pack("{s:s, s:s}", "id", job_id, "state", "queued");
    }
    strbuf_addf(&detail, "/jobs/%s", job_id);
    render_json(resp, 202, API_CT_JSON, json_pack("{s:o}", "job", job), q->pretty);
    render_add_header(resp, "Location", detail.buf);
out:
    free(job_id);
    json_decref(doc);
    strbuf_release(&detail);
}

static void answer_job(store *st, const route_match *m, api_response *resp, const api_query *q)
{
    store_job_status job;

    if (!st) {
        problem_respond(resp, q->pretty, "unavailable", "the database is not available");
        return;
    }
    switch (store_get_job(st, m->id, &job)) {
    case STORE_OK:
        render_json(resp, 200, API_CT_JSON, job_json(&job), q->pretty);
        store_job_status_release(&job);
        return;
    case STORE_NOT_FOUND:
        problem_respond(resp, q->pretty, "not-found", "no job has the id '%s'", m->id);
        return;
    default:
        log_error("api: /jobs/{id} failed: %s", store_errmsg(st));
        problem_respond(resp, q->pretty, "internal", "the database could not answer the request");
        return;
    }
}

static void answer_delete_source(const route_match *m, api_response *resp, const api_query *q)
{
    int rc = writes.delete_source ? writes.delete_source(writes.arg, m->id) : STORE_ERROR;
    switch (rc) {
    case STORE_OK:
        render_bytes(resp, 204, API_CT_JSON, NULL, 0);
        return;
    case STORE_NOT_FOUND:
        problem_respond(resp, q->pretty, "not-found", "no source has the id '%s'", m->id);
        return;
    case STORE_UNAVAILABLE:
        problem_respond(resp, q->pretty, "unavailable", API_DATABASE_GONE);
        return;
    default:
        problem_respond(resp, q->pretty, "internal", "the source could not be deleted");
        return;
    }
}

void write_answer(store *st, const route_match *m, const api_request *req, api_response *resp,
                  bool body_probe)
{
    api_query q = {.limit = API_LIMIT_DEFAULT};
    strbuf detail = STRBUF_INIT;
    enum route_action action = m->write_action;

    enum auth_result auth = check_token(req->authorization);
    if (auth != AUTH_OK) {
        answer_unauthorized(resp, auth);
        goto out;
    }
    if (!params_parse(req, PARAM_PRETTY, &q, &detail)) {
        problem_respond(resp, q.pretty, "bad-parameter", "%s", detail.buf);
        goto out;
    }
    if (strchr(m->route->pattern, '{') && !m->id_ok) {
        problem_respond(resp, q.pretty, "not-found",
                        "no %s has this id: ids are 1 to %d characters of A-Z, a-z, 0-9, _ and -",
                        m->route->noun, API_ID_MAX);
        goto out;
    }
    if (action != ROUTE_POST_SOURCE && req->has_body) {
        problem_respond(resp, q.pretty, "bad-request", "a %s request must not carry a body",
                        req->method);
        goto out;
    }
    switch (action) {
    case ROUTE_POST_SOURCE:
        answer_post_source(st, req, resp, &q, body_probe);
        break;
    case ROUTE_DELETE_SOURCE:
        answer_delete_source(m, resp, &q);
        break;
    case ROUTE_JOB:
        answer_job(st, m, resp, &q);
        break;
    default:
        problem_respond(resp, q.pretty, "internal", "no write action on %s", m->route->pattern);
        break;
    }
out:
    strbuf_release(&detail);
}

bool api_wants_body(const api_request *req, size_t *max_bytes)
{
    api_response resp;

    *max_bytes = 0;
    if (!writes.enabled || !req->has_body || req->body_read)
        return false;
    /* The same checks as the answer, which stops short of the body when they pass. */
    api_dispatch(NULL, req, &resp, true);
    bool wanted = resp.status == 0;
    api_response_release(&resp);
    if (wanted)
        *max_bytes = writes.max_body;
    return wanted;
}
