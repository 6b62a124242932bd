/* Unit tests of api/ui.c: the dashboard's files and the Accept negotiation of GET /, without
 * a socket or a database (neither needs one). */
#include <criterion/criterion.h>
#include <string.h>

#include "api/api.h"

static const char page[] = "<!doctype html><title>factd</title>";
static const char script[] = "'use strict';";

static void setup(void)
{
    cr_assert(api_set_ui_file("index.html", page, strlen(page)));
    cr_assert(api_set_ui_file("app.js", script, strlen(script)));
    cr_assert(api_set_ui_file("app.css", NULL, 0));
}

static void teardown(void)
{
    for (size_t i = 0; api_ui_file_name(i); i++)
        api_set_ui_file(api_ui_file_name(i), NULL, 0);
}

TestSuite(api_ui, .init = setup, .fini = teardown);

static void get(const char *path, const char *accept, api_response *resp)
{
    api_request req = {.method = "GET", .path = path, .accept = accept};
    api_handle(NULL, &req, resp);
}

static bool is_page(const api_response *resp)
{
    return resp->status == 200 && strncmp(resp->content_type, "text/html", 9) == 0 &&
           resp->len == strlen(page) && memcmp(resp->body, page, resp->len) == 0;
}

static bool is_index(const api_response *resp)
{
    return resp->status == 200 && strncmp(resp->content_type, "application/json", 16) == 0 &&
           resp->len > 0 && strstr(resp->body, "\"endpoints\"");
}

Test(api_ui, root_answers_the_json_index_unless_html_is_preferred)
{
    static const struct {
        const char *accept;
        bool html;
    } cases[] = {
        {NULL, false},
        {"*/*", false},
        {"application/json", false},
        {"application/json, text/html", false}, /* a tie keeps the index */
        {"text/html;q=0.5, application/json", false},
        {"text/*;q=0.9, */*", false},
        {"text/html;q=0", false},
        {"text/html", true},
        {"TEXT/HTML", true},
        {"text/html, application/json;q=0.9", true},
        /* what browsers send when they navigate */
        {"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
         true},
        {"text/*, application/json;q=0.5", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        api_response resp;
        get("/", cases[i].accept, &resp);
        if (cases[i].html)
            cr_expect(is_page(&resp), "Accept: %s should get the page", cases[i].accept);
        else
            cr_expect(is_index(&resp), "Accept: %s should get the JSON index",
                      cases[i].accept ? cases[i].accept : "(none)");
        cr_expect(resp.cacheable, "Accept: %s: GET / is cacheable", cases[i].accept);
        api_response_release(&resp);
    }
}

Test(api_ui, the_files_have_their_own_paths_and_types)
{
    api_response resp;
    get("/ui", "application/json", &resp);
    cr_expect(is_page(&resp), "/ui answers the page whatever Accept says");
    cr_expect_str_eq(resp.content_type, "text/html; charset=utf-8");
    cr_expect(resp.cacheable);
    api_response_release(&resp);

    get("/ui/app.js", NULL, &resp);
    cr_expect_eq(resp.status, 200);
    cr_expect_str_eq(resp.content_type, "text/javascript; charset=utf-8");
    cr_expect(resp.len == strlen(script) && memcmp(resp.body, script, resp.len) == 0);
    api_response_release(&resp);

    /* A file the server did not find answers 404. */
    get("/ui/app.css", NULL, &resp);
    cr_expect_eq(resp.status, 404);
    cr_expect(strstr(resp.body, "/problems/not-found"));
    api_response_release(&resp);

    /* No query parameters: the page keeps its state in the fragment. */
    api_param p = {"tab", "quotes"};
    api_request req = {.method = "GET", .path = "/ui", .params = &p, .nparams = 1};
    api_handle(NULL, &req, &resp);
    cr_expect_eq(resp.status, 400);
    api_response_release(&resp);

    cr_expect(!api_set_ui_file("other.html", page, strlen(page)));
    cr_expect(!api_accept_prefers_html(NULL));
}

Test(api_ui, the_index_lists_the_dashboard)
{
    api_response resp;
    get("/", "application/json", &resp);
    cr_assert(is_index(&resp));
    cr_expect(strstr(resp.body, "\"/ui\""));
    api_response_release(&resp);
}
