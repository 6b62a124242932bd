/* ui: the dashboard, a single HTML page with its script and style sheet, served as files.
 *
 * The page (web/index.html, web/app.js, web/app.css in the repository) reads nothing but the
 * public API from the browser; this file only hands its three files out.  The server loads
 * them once before serving (api_set_ui_file) and they are only read after, like the OpenAPI
 * document.  A file that was not found answers 404.
 *
 * GET / answers the page instead of the JSON index when the Accept header prefers text/html
 * to application/json (a browser's navigation); a tie, a wildcard alone or no Accept at all
 * keep the index, so API clients see no change.  /ui answers the page whatever Accept says.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/api_internal.h"

static const struct ui_file {
    const char *name; /* the file name under web/ */
    const char *path; /* the route that serves it */
    const char *content_type;
} ui_files[] = {
    {"index.html", "/ui", API_CT_HTML},
    {"app.js", "/ui/app.js", API_CT_JS},
    {"app.css", "/ui/app.css", API_CT_CSS},
};

#define UI_NFILES (sizeof ui_files / sizeof ui_files[0])

/* Each file's bytes, set once before serving and only read after. */
static char *ui_doc[UI_NFILES];
static size_t ui_len[UI_NFILES];

static int ui_index_of_name(const char *name)
{
    for (size_t i = 0; i < UI_NFILES; i++)
        if (strcmp(ui_files[i].name, name) == 0)
            return (int)i;
    return -1;
}

const char *api_ui_file_name(size_t i)
{
    return i < UI_NFILES ? ui_files[i].name : NULL;
}

bool api_set_ui_file(const char *name, const char *doc, size_t len)
{
    int i = name ? ui_index_of_name(name) : -1;
    if (i < 0)
        return false;
    free(ui_doc[i]);
    ui_doc[i] = NULL;
    ui_len[i] = 0;
    if (!doc)
        return true;
    strbuf copy = STRBUF_INIT;
    strbuf_add(&copy, doc, len);
    ui_doc[i] = strbuf_detach(&copy, &ui_len[i]);
    return true;
}

bool api_accept_prefers_html(const char *accept)
{
    if (!accept)
        return false;
    int html = api_accept_weight(accept, "text/html", false);
    int json = api_accept_weight(accept, "application/json", false);
    return html > 0 && html > json;
}

void ui_answer(const char *pattern, api_response *resp, const api_query *q)
{
    for (size_t i = 0; i < UI_NFILES; i++) {
        if (strcmp(ui_files[i].path, pattern) != 0)
            continue;
        if (!ui_doc[i]) {
            problem_respond(resp, q->pretty, "not-found",
                            "the dashboard's %s was not found when the server started",
                            ui_files[i].name);
            return;
        }
        char *body = malloc(ui_len[i] ? ui_len[i] : 1);
        if (!body) {
            problem_respond(resp, q->pretty, "internal", "out of memory");
            return;
        }
        memcpy(body, ui_doc[i], ui_len[i]);
        render_bytes(resp, 200, ui_files[i].content_type, body, ui_len[i]);
        return;
    }
    problem_respond(resp, q->pretty, "not-found", "no dashboard file at %s", pattern);
}
