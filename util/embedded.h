/* Files built into the binary (openapi.yaml and the dashboard's web/ files), so that a
 * factd started from any folder, an installed one or one in a container serves them.  The
 * table is generated at build time by util/embed.sh. */
#ifndef FACTD_UTIL_EMBEDDED_H
#define FACTD_UTIL_EMBEDDED_H

#include <stddef.h>

typedef struct {
    const char *path;          /* as named in the source tree: "openapi.yaml", "web/app.js" */
    const unsigned char *data; /* the file's bytes, followed by one NUL */
    size_t len;                /* without that NUL */
} embedded_asset;

/* Ends with an entry whose path is NULL. */
extern const embedded_asset embedded_assets[];

/* The asset built from PATH, or NULL when none was. */
const embedded_asset *embedded_find(const char *path);

#endif
