/* Looks up the files built into the binary (see util/embedded.h and util/embed.sh). */
#include "util/embedded.h"

#include <string.h>

const embedded_asset *embedded_find(const char *path)
{
    for (const embedded_asset *a = embedded_assets; a->path; a++)
        if (strcmp(a->path, path) == 0)
            return a;
    return NULL;
}
