/* fuzz_json_body: bytes as the JSON body of POST /sources, through api_handle() with the
 * write API enabled (a token configured and a queue that takes every article).
 *
 * The request is one the transport would read the body of: the bearer token, the JSON media
 * type and a Content-Length within the limit, so that the body itself is what is parsed and
 * checked ({"text", "title", "url", "published"}).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "fuzz/fuzz_db.h"
#include "store/store.h"

#define TOKEN "fuzz-token-0123456789"
#define MAX_BODY (2u << 20)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static store *db;

/* Takes every article: checks what the API hands over and returns a job id. */
static int enqueue(void *arg, const api_article *article, char **job_id)
{
    (void)arg;
    if (!article->text || article->len == 0 || memchr(article->text, '\0', article->len))
        abort(); /* the API must check the text before queuing it */
    *job_id = strdup("0123456789ab");
    return *job_id ? STORE_OK : STORE_ERROR;
}

static int delete_source(void *arg, const char *id)
{
    (void)arg;
    (void)id;
    return STORE_NOT_FOUND;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    db = fuzz_db_open();
    api_write_config cfg = {.token = TOKEN,
                            .max_body = MAX_BODY,
                            .enqueue = enqueue,
                            .delete_source = delete_source};
    api_set_writes(&cfg);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > MAX_BODY)
        return 0;
    /* An exact-size copy, so that a read past the body is caught. */
    char *body = malloc(size);
    if (!body)
        return 0;
    memcpy(body, data, size);
    api_request req = {.method = "POST",
                       .path = "/sources",
                       .has_body = true,
                       .authorization = "Bearer " TOKEN,
                       .content_type = "application/json",
                       .content_length = (long long)size,
                       .body_read = true,
                       .body = body,
                       .body_len = size};
    api_response resp;
    api_handle(db, &req, &resp);
    api_response_release(&resp);
    free(body);
    return 0;
}
