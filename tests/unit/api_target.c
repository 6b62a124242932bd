/* api_target: request targets for the API unit suites (see api_target.h). */
#include "tests/unit/api_target.h"

#include <string.h>

size_t api_target_split(char *target, api_param *params, size_t max)
{
    size_t n = 0;
    char *query = strchr(target, '?');
    if (!query)
        return 0;
    *query++ = '\0';
    for (char *save = NULL, *kv = strtok_r(query, "&", &save); kv && n < max;
         kv = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(kv, '=');
        if (eq)
            *eq++ = '\0';
        params[n].key = kv;
        params[n].value = eq;
        n++;
    }
    return n;
}
