/* fuzz_db: the small read-only database the API fuzz targets answer from. */
#ifndef FACTD_FUZZ_DB_H
#define FACTD_FUZZ_DB_H

#include <stddef.h>

struct store;

/* Quiets the log, ingests two articles of corpus/ into a database in a new temporary
 * directory (removed at exit) and returns a read-only handle on it; exits on failure.
 * corpus/ is looked for in the working directory, then two levels above the binary
 * (build/fuzz/NAME -> corpus/). */
struct store *fuzz_db_open(void);

/* Decodes %XX escapes in place as the server does (a %00 stays as it is), returning s. */
char *fuzz_unescape(char *s);

#endif
