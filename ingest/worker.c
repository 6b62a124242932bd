/* worker: the `factd ingest` run: files in, articles and merged facts out.
 *
 * A run first resolves its paths into one ordered list of files (a folder gives its *.txt
 * files sorted by name), failing before any work when a path does not exist.  Then each file
 * is read (only a regular file, and in a folder never through a symbolic link), checked
 * (non-empty, at most INGEST_MAX_ARTICLE bytes, UTF-8), hashed with SHA-256
 * and, unless those exact bytes are stored already, extracted and stored with its extraction,
 * all or nothing; BATCH_FILES articles share a transaction (store_batch_begin).  A file that
 * cannot be an article is counted as rejected and the run goes on; a database failure stops
 * it.  ingest_text() is that path for one article in memory, which posted articles (jobs.c)
 * take too.
 *
 * Merging needs every article at once, so it runs once at the end: when anything new was
 * stored, or an earlier run stopped between storing and merging (the store's facts_stale
 * flag), every stored extraction is merged again and the fact set replaced as a whole. */
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "util/log.h"
#include "util/utf8.h"

/* Articles stored in one transaction (each its own savepoint), or as many as come in this
 * long: a commit per article would cost more than storing it.  A crash loses at most the
 * open batch, which the next run stores again. */
#define BATCH_FILES 64
#define BATCH_SECONDS 0.5

/* A progress line every this many files, or this often, whichever comes first. */
#define PROGRESS_EVERY_FILES 500
#define PROGRESS_EVERY_SECONDS 2.0

/* The files of a run, in order.  A file found in a folder is read relative to that folder's
 * descriptor, opened once when the folder is listed, so that what is read is a file inside
 * the folder whatever happens to the folder's path meanwhile. */
typedef struct file_entry {
    char *path;   /* as logged: the path given, or folder/name; malloc'd */
    int dirfd;    /* the folder it was found in (its name is the path's last component), or
                   * -1 for a path given as is */
} file_entry;

typedef struct file_list {
    file_entry *files;
    size_t n, alloc;
    int *dirfds;  /* the folders' descriptors, closed with the list */
    size_t ndirs;
} file_list;

static void file_list_release(file_list *fl)
{
    for (size_t i = 0; i < fl->n; i++)
        free(fl->files[i].path);
    free(fl->files);
    for (size_t i = 0; i < fl->ndirs; i++)
        close(fl->dirfds[i]);
    free(fl->dirfds);
    memset(fl, 0, sizeof *fl);
}

/* Appends dir/name (or name alone when dir is NULL); -1 when out of memory. */
static int file_list_add(file_list *fl, const char *dir, int dirfd, const char *name)
{
    if (fl->n == fl->alloc) {
        size_t alloc = fl->alloc ? fl->alloc * 2 : 64;
        file_entry *grown = realloc(fl->files, alloc * sizeof(*grown));
        if (!grown)
            return -1;
        fl->files = grown;
        fl->alloc = alloc;
    }
    char *path;
    if (dir) {
        size_t dl = strlen(dir), size = dl + strlen(name) + 2;
        bool slash = dl && dir[dl - 1] == '/';
        path = malloc(size);
        if (path)
            snprintf(path, size, "%s%s%s", dir, slash ? "" : "/", name);
    } else {
        path = strdup(name);
    }
    if (!path)
        return -1;
    fl->files[fl->n++] = (file_entry){.path = path, .dirfd = dir ? dirfd : -1};
    return 0;
}

static bool has_txt_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".txt");
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const file_entry *)a)->path, ((const file_entry *)b)->path);
}

/* Adds every *.txt of one folder (not recursing, skipping hidden names), sorted by name in
 * byte order so that the order does not depend on the locale.  Each is read later relative
 * to the folder's descriptor, without following links (ingest_read_article_at). */
static int collect_folder(const char *dir, file_list *fl)
{
    size_t first = fl->n;
    int *grown = realloc(fl->dirfds, (fl->ndirs + 1) * sizeof(*grown));
    if (!grown) {
        log_error("ingest: out of memory");
        return -1;
    }
    fl->dirfds = grown;
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0) {
        log_error("ingest: %s: %s", dir, strerror(errno));
        return -1;
    }
    fl->dirfds[fl->ndirs++] = dirfd;
    /* The listing reads a descriptor of its own: closedir() closes what fdopendir() took. */
    int listfd = dup(dirfd);
    DIR *d = listfd >= 0 ? fdopendir(listfd) : NULL;
    if (!d) {
        log_error("ingest: %s: %s", dir, strerror(errno));
        if (listfd >= 0)
            close(listfd);
        return -1;
    }
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !has_txt_suffix(e->d_name))
            continue;
        if (file_list_add(fl, dir, dirfd, e->d_name)) {
            log_error("ingest: out of memory");
            closedir(d);
            return -1;
        }
    }
    int err = errno;
    closedir(d);
    if (err) {
        log_error("ingest: %s: %s", dir, strerror(err));
        return -1;
    }
    if (fl->n > first)
        qsort(fl->files + first, fl->n - first, sizeof(file_entry), compare_entries);
    return 0;
}

/* Resolves the command line's paths into the files to read, in order. */
static int collect_paths(char *const *paths, int npaths, file_list *fl)
{
    for (int i = 0; i < npaths; i++) {
        struct stat sb;
        if (stat(paths[i], &sb)) {
            log_error("ingest: %s: %s", paths[i], strerror(errno));
            return -1;
        }
        if (S_ISDIR(sb.st_mode)) {
            if (collect_folder(paths[i], fl))
                return -1;
        } else if (file_list_add(fl, NULL, -1, paths[i])) {
            log_error("ingest: out of memory");
            return -1;
        }
    }
    return 0;
}

int ingest_check_text(const char *text, size_t len)
{
    if (len == 0)
        return INGEST_EMPTY;
    if (len > INGEST_MAX_ARTICLE)
        return INGEST_TOO_LARGE;
    if (!utf8_valid(text, len))
        return INGEST_NOT_UTF8;
    return INGEST_OK;
}

const char *ingest_result_reason(int result)
{
    switch (result) {
    case INGEST_OK: return "ok";
    case INGEST_EMPTY: return "empty";
    case INGEST_TOO_LARGE: return "larger than 8 MiB";
    case INGEST_NOT_UTF8: return "not valid UTF-8 (or contains NUL bytes)";
    case INGEST_NOT_FOUND: return "no such article";
    case INGEST_TOO_SLOW: return "its extraction ran past the time budget (--extract-budget)";
    default: return "internal error";
    }
}

/* Why a file that is not a regular file cannot be an article. */
static const char *file_kind_refusal(mode_t mode)
{
    if (S_ISLNK(mode))
        return "a symbolic link: only regular files inside the folder are read";
    if (S_ISDIR(mode))
        return "a folder, not a regular file";
    if (S_ISFIFO(mode))
        return "a named pipe (FIFO), not a regular file";
    if (S_ISSOCK(mode))
        return "a socket, not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device, not a regular file";
    return "not a regular file";
}

/* Opens name (relative to dirfd, or AT_FDCWD) for reading when it is a regular file, else
 * returns -1 with *reason.  The file is looked at before it is opened, since opening a FIFO
 * blocks until a writer comes and opening a device may do anything; it is opened without
 * blocking all the same (O_NONBLOCK), and looked at again once open, in case it was swapped
 * in between.  Without follow, a symbolic link is refused at both steps (O_NOFOLLOW). */
static int open_regular_file(int dirfd, const char *name, bool follow, const char **reason)
{
    struct stat before, after;

    if (fstatat(dirfd, name, &before, follow ? 0 : AT_SYMLINK_NOFOLLOW)) {
        *reason = strerror(errno);
        return -1;
    }
    if (!S_ISREG(before.st_mode)) {
        *reason = file_kind_refusal(before.st_mode);
        return -1;
    }
    int fd = openat(dirfd, name,
                    O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW));
    if (fd < 0) {
        *reason = errno == ELOOP ? file_kind_refusal(S_IFLNK) : strerror(errno);
        return -1;
    }
    if (fstat(fd, &after)) {
        *reason = strerror(errno);
        close(fd);
        return -1;
    }
    if (!S_ISREG(after.st_mode) || after.st_dev != before.st_dev ||
        after.st_ino != before.st_ino) {
        *reason = S_ISREG(after.st_mode) ? "replaced while it was being opened"
                                         : file_kind_refusal(after.st_mode);
        close(fd);
        return -1;
    }
    return fd;
}

/* Reads the open regular file fd whole (at most one byte past the article limit) and checks
 * it can be an article; closes fd. */
static int read_article_fd(int fd, char **text, size_t *len, const char **reason)
{
    struct stat sb;
    char *buf = NULL;
    size_t have = 0, cap;

    *text = NULL;
    *len = 0;
    if (fstat(fd, &sb)) {
        *reason = strerror(errno);
        goto fail;
    }
    if (sb.st_size > (off_t)INGEST_MAX_ARTICLE) {
        *reason = ingest_result_reason(INGEST_TOO_LARGE);
        goto fail;
    }
    /* Read up to one byte past the limit, in case the file grew since fstat(). */
    cap = (size_t)sb.st_size + 1;
    if (!(buf = malloc(cap + 1))) {
        *reason = "out of memory";
        goto fail;
    }
    for (;;) {
        if (have == cap) {
            if (cap > INGEST_MAX_ARTICLE)
                break;
            size_t grown_cap = cap * 2 > INGEST_MAX_ARTICLE + 1 ? INGEST_MAX_ARTICLE + 1 : cap * 2;
            char *grown = realloc(buf, grown_cap + 1);
            if (!grown) {
                *reason = "out of memory";
                goto fail;
            }
            buf = grown;
            cap = grown_cap;
        }
        ssize_t n = read(fd, buf + have, cap - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *reason = strerror(errno);
            goto fail;
        }
        if (n == 0)
            break;
        have += (size_t)n;
    }
    int refusal = ingest_check_text(buf, have);
    if (refusal != INGEST_OK) {
        *reason = ingest_result_reason(refusal);
        goto fail;
    }
    buf[have] = '\0';
    close(fd);
    *text = buf;
    *len = have;
    return 0;

fail:
    free(buf);
    close(fd);
    return -1;
}

int ingest_read_article(const char *path, char **text, size_t *len, const char **reason)
{
    *text = NULL;
    *len = 0;
    int fd = open_regular_file(AT_FDCWD, path, true, reason);
    return fd < 0 ? -1 : read_article_fd(fd, text, len, reason);
}

int ingest_read_article_at(int dirfd, const char *name, char **text, size_t *len,
                           const char **reason)
{
    *text = NULL;
    *len = 0;
    if (!*name || strchr(name, '/')) {
        *reason = "not a file name inside the folder";
        return -1;
    }
    int fd = open_regular_file(dirfd, name, false, reason);
    return fd < 0 ? -1 : read_article_fd(fd, text, len, reason);
}

int ingest_sha256_hex(const char *data, size_t len, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    static const char digits[] = "0123456789abcdef";

    if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
        return -1;
    for (size_t i = 0; i < mdlen; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 0xF];
    }
    hex[64] = '\0';
    return 0;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The merged facts one article supports, into its report. */
static int count_article_facts(store *st, ingest_text_report *r)
{
    store_fact_counts c;
    if (store_source_fact_counts(st, r->source_id, &c)) {
        log_error("ingest: %s", store_errmsg(st));
        return -1;
    }
    r->agreements = (unsigned)c.agreements;
    r->meetings = (unsigned)c.meetings;
    r->quotes = (unsigned)c.quotes;
    r->people = (unsigned)c.people;
    return 0;
}

int ingest_text(store *st, const ingest_article *a, bool merge, ingest_text_report *out)
{
    char sha[65];
    json_t *extraction = NULL;
    int result = INGEST_ERROR;

    memset(out, 0, sizeof(*out));
    int refusal = ingest_check_text(a->text, a->len);
    if (refusal != INGEST_OK)
        return refusal;
    if (ingest_sha256_hex(a->text, a->len, sha)) {
        log_error("ingest: SHA-256 failed");
        return INGEST_ERROR;
    }
    /* The id is the head of the SHA-256 (store/write.c). */
    memcpy(out->source_id, sha, sizeof(out->source_id) - 1);
    out->source_id[sizeof(out->source_id) - 1] = '\0';

    int known = store_has_source(st, sha);
    if (known < 0) {
        log_error("ingest: %s", store_errmsg(st));
        return INGEST_ERROR;
    }
    out->already_stored = known;
    if (!known) {
        ingest_extract_cost cost;
        extraction = ingest_extract_within(a->text, a->len, ingest_extract_budget(), &cost);
        if (!extraction) {
            log_warn("ingest: %s: refused: extraction stopped after %.1f s and %llu steps, past its "
                     "%g s budget (%zu bytes)",
                     a->file ? a->file : out->source_id, cost.seconds, cost.steps, ingest_extract_budget(),
                     a->len);
            return INGEST_TOO_SLOW;
        }
        store_source_in in = {
            .file = a->file, .text = a->text, .len = a->len, .sha256 = sha,
            .extraction = extraction, .title = a->title, .url = a->url,
            .published = a->published,
        };
        if (store_put_source(st, &in, NULL)) {
            log_error("ingest: %s: %s", a->file ? a->file : out->source_id, store_errmsg(st));
            goto out;
        }
    }
    if (merge) {
        int stale = store_facts_stale(st);
        if (stale < 0) {
            log_error("ingest: %s", store_errmsg(st));
            goto out;
        }
        if (!known || stale) {
            ingest_report merged = { 0 };
            if (ingest_remerge(st, &merged))
                goto out;
            out->merged = true;
        }
        if (count_article_facts(st, out))
            goto out;
    }
    result = INGEST_OK;
out:
    json_decref(extraction);
    return result;
}

/* Stores one file as an article unless it is stored already; a file that cannot be an
 * article is counted and logged.  Returns -1 only on a database failure. */
static int ingest_file(store *st, const file_entry *f, ingest_report *r)
{
    const char *path = f->path;
    char *text = NULL;
    size_t len;
    const char *reason;
    ingest_text_report tr;

    int unread = f->dirfd >= 0
                     ? ingest_read_article_at(f->dirfd, base_name(path), &text, &len, &reason)
                     : ingest_read_article(path, &text, &len, &reason);
    if (unread) {
        log_warn("ingest: %s: rejected: %s", path, reason);
        r->articles_rejected++;
        return 0;
    }
    ingest_article a = { .text = text, .len = len, .file = base_name(path) };
    int rc = ingest_text(st, &a, false, &tr);
    free(text);
    if (rc == INGEST_ERROR)
        return -1;
    if (rc != INGEST_OK) {
        log_warn("ingest: %s: rejected: %s", path, ingest_result_reason(rc));
        r->articles_rejected++;
    } else if (tr.already_stored) {
        log_debug("ingest: %s: unchanged", path);
        r->articles_unchanged++;
    } else {
        log_debug("ingest: %s: stored as %s", path, tr.source_id);
        r->articles_new++;
    }
    return 0;
}

int ingest_remerge(store *st, ingest_report *r)
{
    /* incremental when it can be, exact either way (merge_update.c) */
    return ingest_merge_update(st, false, r);
}

int ingest_count_facts(store *st, ingest_report *r)
{
    static const enum store_kind kinds[] = { STORE_AGREEMENTS, STORE_MEETINGS, STORE_QUOTES,
                                             STORE_PEOPLE };
    long long n[sizeof(kinds) / sizeof(kinds[0])];

    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (store_count(st, kinds[i], &n[i])) {
            log_error("ingest: %s", store_errmsg(st));
            return -1;
        }
    }
    r->agreements = (unsigned)n[0];
    r->meetings = (unsigned)n[1];
    r->quotes = (unsigned)n[2];
    r->people = (unsigned)n[3];
    return 0;
}

int ingest_run(store *st, char *const *paths, int npaths, int progress, ingest_report *r)
{
    file_list files = { 0 };
    int result = -1;

    memset(r, 0, sizeof(*r));
    if (collect_paths(paths, npaths, &files))
        goto out;

    double started = seconds_now(), last_line = started, batch_started = 0;
    unsigned batched = 0;
    for (size_t i = 0; i < files.n; i++) {
        if (!batched) {
            if (store_batch_begin(st)) {
                log_error("ingest: %s", store_errmsg(st));
                goto out;
            }
            batch_started = seconds_now();
        }
        if (ingest_file(st, &files.files[i], r)) {
            store_batch_rollback(st);
            goto out;
        }
        if (++batched == BATCH_FILES || i + 1 == files.n || seconds_now() - batch_started >= BATCH_SECONDS) {
            if (store_batch_commit(st)) {
                log_error("ingest: %s", store_errmsg(st));
                goto out;
            }
            batched = 0;
        }
        if (progress) {
            double now = seconds_now();
            if ((i + 1) % PROGRESS_EVERY_FILES == 0 || now - last_line >= PROGRESS_EVERY_SECONDS) {
                log_info("ingest: %zu/%zu files (%u new, %u unchanged, %u rejected)", i + 1,
                         files.n, r->articles_new, r->articles_unchanged, r->articles_rejected);
                last_line = now;
            }
        }
    }

    int stale = store_facts_stale(st);
    if (stale < 0) {
        log_error("ingest: %s", store_errmsg(st));
        goto out;
    }
    double stored = seconds_now();
    if (r->articles_new || stale) {
        if (progress && stored - started >= PROGRESS_EVERY_SECONDS)
            log_info("ingest: merging the facts of every stored article");
        if (ingest_remerge(st, r))
            goto out;
    } else if (ingest_count_facts(st, r)) {
        goto out;
    }
    double ended = seconds_now();
    if (progress)
        log_info("ingest: done in %.1f s (reading, extracting and storing %.1f s, merging %.1f s)",
                 ended - started, stored - started, ended - stored);
    result = 0;
out:
    file_list_release(&files);
    return result;
}
