/* api_target: request targets for the API unit suites.
 *
 * api_target_split() cuts "/path?k=v&k2" in place: target keeps the path, params (at most
 * max) point into the query, split on & and = without decoding ("k" alone: a NULL value).
 * Returns the number of parameters; the ones past max are dropped.
 */
#ifndef FACTD_TESTS_API_TARGET_H
#define FACTD_TESTS_API_TARGET_H

#include <stddef.h>

#include "api/api.h"

size_t api_target_split(char *target, api_param *params, size_t max);

#endif
