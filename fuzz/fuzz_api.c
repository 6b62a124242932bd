/* fuzz_api: bytes as a read request, through api_handle() on a small read-only database.
 *
 * The input is "METHOD PATH?QUERY\nACCEPT": the method up to the first space (GET when there
 * is none), the path up to '?', the query up to the first newline, split on '&' and '=' and
 * percent-decoded as the server does (at most 32 parameters, as the server keeps), and what
 * follows the newline, if anything, as the Accept header.  Bytes after a NUL are dropped, as
 * libmicrohttpd never hands them over.  This exercises the router, the parameter parser,
 * list cursors, sorting, fields and formats, the items, the search and the views.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "fuzz/fuzz_db.h"
#include "store/store.h"

#define MAX_PARAMS 32

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static store *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    db = fuzz_db_open();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';

    const char *method = "GET";
    char *line = buf, *accept = NULL;
    char *newline = strchr(line, '\n');
    if (newline) {
        *newline = '\0';
        accept = newline + 1;
    }
    char *space = strchr(line, ' ');
    if (space) {
        *space = '\0';
        method = line;
        line = space + 1;
    }
    char *query = strchr(line, '?');
    if (query)
        *query++ = '\0';

    api_param params[MAX_PARAMS];
    size_t n = 0;
    for (char *p = query; p && n < MAX_PARAMS;) {
        char *amp = strchr(p, '&');
        if (amp)
            *amp = '\0';
        char *eq = strchr(p, '=');
        if (eq)
            *eq = '\0';
        params[n].key = fuzz_unescape(p);
        params[n].value = eq ? fuzz_unescape(eq + 1) : NULL;
        n++;
        p = amp ? amp + 1 : NULL;
    }

    api_request req = {.method = method,
                       .path = fuzz_unescape(line),
                       .params = params,
                       .nparams = n,
                       .accept = accept,
                       .content_length = 0};
    api_response resp;
    api_handle(db, &req, &resp);
    api_response_release(&resp);
    free(buf);
    return 0;
}
