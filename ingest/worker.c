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
 * Reading, checking, hashing and extracting run on extractor threads, storing on the thread
 * that called ingest_run(), the one writer: the pipeline below hands the files over in
 * their order, through a ring of a few slots per thread, so the outcome is that of one
 * thread.  The run is a bulk load of the store (store_bulk_begin): the search index takes
 * its articles at the end, in one statement.  ingest_prepare_many() is the same split for a
 * batch in memory (the server's writer).
 *
 * Merging needs every article at once, so it runs once at the end: when anything new was
 * stored, or an earlier run stopped between storing and merging (the store's facts_stale
 * flag), every stored extraction is merged again and the fact set replaced as a whole. */
#include "ingest/ingest.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "util/digest.h"
#include "util/log.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* Articles stored in one transaction (each its own savepoint), or as many as come in this
 * long: a commit per article would cost more than storing it.  A crash loses at most the
 * open batch, which the next run stores again. */
#define BATCH_FILES 64
#define BATCH_SECONDS 0.5

/* The most extractor threads a run (or a batch) starts. */
#define MAX_THREADS 256

/* A progress line every this many files, or this often, whichever comes first. */
#define PROGRESS_EVERY_FILES 500
#define PROGRESS_EVERY_SECONDS 2.0

/* The files of a run, in order.  A file found in a folder is read relative to that folder's
 * descriptor, opened once when the folder is listed, so that what is read is a file inside
 * the folder whatever happens to the folder's path meanwhile.  Names are kept one after the
 * other in one buffer (a million files take about 30 MB, not a path and an allocation each),
 * and a path to log is put together when needed (entry_path). */
typedef struct file_entry {
    size_t name; /* offset in the list's names: the name in its folder, or the path given */
    int dir;     /* the folder it was found in (an index of dirs), or -1 for a path given */
} file_entry;

typedef struct file_list {
    file_entry *files;
    size_t n, alloc;
    strbuf names;     /* NUL-terminated names, one after the other */
    char **dir_paths; /* the folders as given, and their descriptors, closed with the list */
    int *dirfds;
    size_t ndirs;
} file_list;

static void file_list_release(file_list *fl)
{
    free(fl->files);
    strbuf_release(&fl->names);
    for (size_t i = 0; i < fl->ndirs; i++) {
        free(fl->dir_paths[i]);
        close(fl->dirfds[i]);
    }
    free(fl->dir_paths);
    free(fl->dirfds);
    memset(fl, 0, sizeof *fl);
}

/* Appends a name of folder dir (an index of dirs), or a path given as is (dir -1); -1 when
 * out of memory. */
static int file_list_add(file_list *fl, int dir, const char *name)
{
    if (fl->n == fl->alloc) {
        size_t alloc = fl->alloc ? fl->alloc * 2 : 64;
        file_entry *grown = realloc(fl->files, alloc * sizeof(*grown));
        if (!grown)
            return -1;
        fl->files = grown;
        fl->alloc = alloc;
    }
    fl->files[fl->n++] = (file_entry){.name = fl->names.len, .dir = dir};
    strbuf_add(&fl->names, name, strlen(name) + 1);
    return 0;
}

/* The entry's name in its folder, or the path given. */
static const char *entry_name(const file_list *fl, const file_entry *f)
{
    return fl->names.buf + f->name;
}

/* The entry's path as logged: folder/name, or the path given. */
static void entry_path(const file_list *fl, const file_entry *f, strbuf *out)
{
    strbuf_reset(out);
    if (f->dir >= 0) {
        const char *dir = fl->dir_paths[f->dir];
        size_t dl = strlen(dir);
        strbuf_addstr(out, dir);
        if (!dl || dir[dl - 1] != '/')
            strbuf_addch(out, '/');
    }
    strbuf_addstr(out, entry_name(fl, f));
}

static bool has_txt_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && !strcmp(name + n - 4, ".txt");
}

static int compare_entries(const void *a, const void *b, void *names)
{
    return strcmp((const char *)names + ((const file_entry *)a)->name,
                  (const char *)names + ((const file_entry *)b)->name);
}

/* Adds every *.txt of one folder (not recursing, skipping hidden names), sorted by name in
 * byte order so that the order does not depend on the locale.  Each is read later relative
 * to the folder's descriptor, without following links (ingest_read_article_at). */
static int collect_folder(const char *dir, file_list *fl)
{
    size_t first = fl->n;
    int *grown = realloc(fl->dirfds, (fl->ndirs + 1) * sizeof(*grown));
    if (grown)
        fl->dirfds = grown;
    char **grown_paths = grown ? realloc(fl->dir_paths, (fl->ndirs + 1) * sizeof(*grown_paths))
                               : NULL;
    if (grown_paths)
        fl->dir_paths = grown_paths;
    char *dir_copy = grown_paths ? strdup(dir) : NULL;
    if (!dir_copy) {
        log_error("ingest: out of memory");
        return -1;
    }
    int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd < 0) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("ingest: %s: %s", dir, strerror(errno));
        free(dir_copy);
        return -1;
    }
    int dir_index = (int)fl->ndirs;
    fl->dir_paths[fl->ndirs] = dir_copy;
    fl->dirfds[fl->ndirs++] = dirfd;
    /* The listing reads a descriptor of its own: closedir() closes what fdopendir() took. */
    int listfd = dup(dirfd);
    DIR *d = listfd >= 0 ? fdopendir(listfd) : NULL;
    if (!d) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
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
        if (file_list_add(fl, dir_index, e->d_name)) {
            log_error("ingest: out of memory");
            closedir(d);
            return -1;
        }
    }
    int err = errno;
    closedir(d);
    if (err) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("ingest: %s: %s", dir, strerror(err));
        return -1;
    }
    if (fl->n > first)
        qsort_r(fl->files + first, fl->n - first, sizeof(file_entry), compare_entries,
                fl->names.buf);
    return 0;
}

/* Resolves the command line's paths into the files to read, in order. */
static int collect_paths(char *const *paths, int npaths, file_list *fl)
{
    for (int i = 0; i < npaths; i++) {
        struct stat sb;
        if (stat(paths[i], &sb)) {
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            log_error("ingest: %s: %s", paths[i], strerror(errno));
            return -1;
        }
        if (S_ISDIR(sb.st_mode)) {
            if (collect_folder(paths[i], fl))
                return -1;
        } else if (file_list_add(fl, -1, paths[i])) {
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
    case INGEST_OK:
        return "ok";
    case INGEST_EMPTY:
        return "empty";
    case INGEST_TOO_LARGE:
        return "larger than 8 MiB";
    case INGEST_NOT_UTF8:
        return "not valid UTF-8 (or contains NUL bytes)";
    case INGEST_NOT_FOUND:
        return "no such article";
    case INGEST_TOO_SLOW:
        return "its extraction ran past the time budget (--extract-budget)";
    default:
        return "internal error";
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
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
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
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        *reason = errno == ELOOP ? file_kind_refusal(S_IFLNK) : strerror(errno);
        return -1;
    }
    if (fstat(fd, &after)) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        *reason = strerror(errno);
        close(fd);
        return -1;
    }
    if (!S_ISREG(after.st_mode) || after.st_dev != before.st_dev || after.st_ino != before.st_ino) {
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
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
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
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
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

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The process's peak resident memory so far, in MiB. */
static double peak_rss_mib(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) ? 0 : (double)ru.ru_maxrss / 1024.0;
}

/* CPU time of the whole process so far (every thread, user and system). */
static double cpu_seconds_now(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru))
        return 0;
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
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

/* Checks and hashes one article (p->result says whether it can be one). */
static void prepare_article(const ingest_article *a, ingest_prepared *p)
{
    memset(p, 0, sizeof *p);
    p->result = ingest_check_text(a->text, a->len);
    if (p->result != INGEST_OK)
        return;
    if (!digest_sha256_hex(a->text, a->len, p->sha)) {
        log_error("ingest: SHA-256 failed");
        p->result = INGEST_ERROR;
    }
}

/* Extracts a prepared article within the budget; past it, p->result is INGEST_TOO_SLOW
 * (logged by store_prepared). */
static void extract_prepared(const ingest_article *a, ingest_prepared *p)
{
    p->extraction = ingest_extract_within(a->text, a->len, ingest_extract_budget(), &p->cost);
    if (!p->extraction)
        p->result = INGEST_TOO_SLOW;
}

/* The rest of ingest_text() once the article is prepared: unless its bytes are stored
 * already, stores it (extracting it first when p holds no extraction); with `merge`, merges.
 * Takes p's extraction. */
static int store_prepared(store *st, const ingest_article *a, ingest_prepared *p, bool merge,
                          ingest_text_report *out)
{
    int result = INGEST_ERROR;

    memset(out, 0, sizeof(*out));
    if (p->result == INGEST_OK || p->result == INGEST_TOO_SLOW) {
        /* The id is the head of the SHA-256 (store/write.c). */
        memcpy(out->source_id, p->sha, sizeof(out->source_id) - 1);
        out->source_id[sizeof(out->source_id) - 1] = '\0';
    }
    if (p->result != INGEST_OK && p->result != INGEST_TOO_SLOW) {
        result = p->result;
        goto out;
    }
    int known = store_has_source(st, p->sha);
    if (known < 0) {
        log_error("ingest: %s", store_errmsg(st));
        goto out;
    }
    out->already_stored = known;
    if (!known) {
        if (p->result == INGEST_OK && !p->extraction)
            extract_prepared(a, p);
        if (!p->extraction) {
            log_warn(
                "ingest: %s: refused: extraction stopped after %.1f s and %llu steps, past its "
                "%g s budget (%zu bytes)",
                a->file ? a->file : out->source_id, p->cost.seconds, p->cost.steps,
                ingest_extract_budget(), a->len);
            result = INGEST_TOO_SLOW;
            goto out;
        }
        store_source_in in = {
            .file = a->file,
            .text = a->text,
            .len = a->len,
            .sha256 = p->sha,
            .extraction = p->extraction,
            .title = a->title,
            .url = a->url,
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
            ingest_report merged = {0};
            if (ingest_remerge(st, &merged))
                goto out;
            out->merged = true;
        }
        if (count_article_facts(st, out))
            goto out;
    }
    result = INGEST_OK;
out:
    json_decref(p->extraction);
    p->extraction = NULL;
    return result;
}

int ingest_text_prepared(store *st, const ingest_article *a, ingest_prepared *p, bool merge,
                         ingest_text_report *out)
{
    return store_prepared(st, a, p, merge, out);
}

/* The articles of one ingest_prepare_many() call, shared by its threads. */
typedef struct prepare_batch {
    const ingest_article *articles;
    ingest_prepared *out;
    size_t n;
    atomic_size_t next; /* the next article a thread takes */
} prepare_batch;

static void *prepare_main(void *arg)
{
    prepare_batch *b = arg;
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->n;)
        if (b->out[i].result == INGEST_OK && !b->out[i].stored_before)
            extract_prepared(&b->articles[i], &b->out[i]);
    return NULL;
}

void ingest_prepare_many(struct store *known, const ingest_article *articles, size_t n,
                         unsigned threads, ingest_prepared *out)
{
    prepare_batch b = {.articles = articles, .out = out, .n = n};
    size_t to_extract = 0;

    /* checked and hashed here (cheap), and not extracted when already stored */
    for (size_t i = 0; i < n; i++) {
        prepare_article(&articles[i], &out[i]);
        if (out[i].result != INGEST_OK)
            continue;
        out[i].stored_before = known && store_has_source(known, out[i].sha) == 1;
        to_extract += !out[i].stored_before;
    }
    if (threads == 0)
        threads = ingest_default_threads();
    if (threads > to_extract)
        threads = (unsigned)to_extract;
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    pthread_t tids[MAX_THREADS];
    unsigned started = 0;
    atomic_init(&b.next, 0);
    /* the calling thread extracts too: threads - 1 more */
    for (; started + 1 < threads; started++)
        if (pthread_create(&tids[started], NULL, prepare_main, &b))
            break;
    prepare_main(&b);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
}

int ingest_text(store *st, const ingest_article *a, bool merge, ingest_text_report *out)
{
    ingest_prepared p;
    /* Checked and hashed here, extracted only once the store says the bytes are new. */
    prepare_article(a, &p);
    return store_prepared(st, a, &p, merge, out);
}

/* --- the pipeline of a run: extractor threads feeding the one writer ---
 *
 * File i of the run is claimed by one of the extractor threads, which reads, checks, hashes
 * and extracts it (skipping the extraction when a read-only handle of its own says the bytes
 * are stored already) and leaves the result in slot i % nslots of a ring.  The writer (the
 * thread that called ingest_run) takes slot after slot in file order and stores them, so the
 * store sees the articles in the same order, with the same outcome, whatever the number of
 * threads.  A thread claims file i only once file i - nslots has been taken: the articles in
 * memory at once are at most nslots waiting plus one per thread being read. */

/* Slots of the ring per extractor thread. */
#define SLOTS_PER_THREAD 4

typedef struct pipeline_slot {
    bool ready;         /* filled by an extractor, not yet taken by the writer */
    const char *unread; /* why the file could not be read (static), or NULL */
    char *text;         /* the article, malloc'd */
    size_t len;
    ingest_prepared prepared;
} pipeline_slot;

typedef struct pipeline {
    const file_list *files;
    const char *db_path; /* for the extractors' read-only handles, or NULL */
    pthread_mutex_t lock;
    pthread_cond_t filled; /* a slot became ready */
    pthread_cond_t room;   /* the writer took a slot, or the run stops */
    pipeline_slot *slots;
    size_t nslots;
    size_t next_claim; /* the next file an extractor takes */
    size_t next_store; /* the next file the writer takes */
    bool stopping;
} pipeline;

/* Reads and prepares file f into slot (not yet published). */
static void prepare_file(const file_list *fl, const file_entry *f, store *known,
                         pipeline_slot *slot)
{
    memset(slot, 0, sizeof *slot);
    const char *reason = NULL, *name = entry_name(fl, f);
    int unread = f->dir >= 0 ? ingest_read_article_at(fl->dirfds[f->dir], name, &slot->text,
                                                      &slot->len, &reason)
                             : ingest_read_article(name, &slot->text, &slot->len, &reason);
    if (unread) {
        slot->unread = reason ? reason : "unreadable";
        return;
    }
    ingest_article a = {.text = slot->text, .len = slot->len, .file = base_name(name)};
    prepare_article(&a, &slot->prepared);
    if (slot->prepared.result != INGEST_OK)
        return;
    /* Bytes stored by an earlier run need no extraction; the writer asks again in its own
     * transaction, and extracts there whatever it finds new after all. */
    if (known && store_has_source(known, slot->prepared.sha) == 1)
        return;
    extract_prepared(&a, &slot->prepared);
}

static void *extractor_main(void *arg)
{
    pipeline *pl = arg;
    store *known = NULL;
    if (pl->db_path) {
        char *err = NULL;
        known = store_open(pl->db_path, true, &err);
        free(err); /* without it every file is extracted, and the writer sorts them out */
    }
    pthread_mutex_lock(&pl->lock);
    for (;;) {
        while (!pl->stopping && pl->next_claim < pl->files->n &&
               pl->next_claim >= pl->next_store + pl->nslots)
            pthread_cond_wait(&pl->room, &pl->lock);
        if (pl->stopping || pl->next_claim >= pl->files->n)
            break;
        size_t i = pl->next_claim++;
        pthread_mutex_unlock(&pl->lock);

        pipeline_slot done;
        prepare_file(pl->files, &pl->files->files[i], known, &done);
        done.ready = true;

        pthread_mutex_lock(&pl->lock);
        assert(!pl->slots[i % pl->nslots].ready);
        pl->slots[i % pl->nslots] = done;
        pthread_cond_broadcast(&pl->filled);
    }
    pthread_mutex_unlock(&pl->lock);
    store_close(known);
    return NULL;
}

/* Waits for file i's slot and takes it, making room for file i + nslots. */
static void pipeline_take(pipeline *pl, size_t i, pipeline_slot *out)
{
    pipeline_slot *slot = &pl->slots[i % pl->nslots];
    pthread_mutex_lock(&pl->lock);
    while (!slot->ready)
        pthread_cond_wait(&pl->filled, &pl->lock);
    *out = *slot;
    slot->ready = false;
    pl->next_store = i + 1;
    pthread_cond_broadcast(&pl->room);
    pthread_mutex_unlock(&pl->lock);
}

/* Stores one prepared file as an article unless it is stored already; a file that cannot
 * be an article is counted and logged.  A new article's line goes to `stored`, logged once
 * its batch commits: a line says the article is in the store, which it is not before.
 * Returns -1 only on a database failure. */
static int store_file(store *st, const file_list *fl, const file_entry *f, pipeline_slot *slot,
                      ingest_report *r, strbuf *stored)
{
    strbuf path = STRBUF_INIT;
    ingest_text_report tr;
    int result = 0;

    entry_path(fl, f, &path);
    if (slot->unread) {
        log_warn("ingest: %s: rejected: %s", path.buf, slot->unread);
        r->articles_rejected++;
        goto out;
    }
    ingest_article a = {.text = slot->text, .len = slot->len, .file = base_name(entry_name(fl, f))};
    int rc = store_prepared(st, &a, &slot->prepared, false, &tr);
    if (rc == INGEST_ERROR) {
        result = -1;
    } else if (rc != INGEST_OK) {
        log_warn("ingest: %s: rejected: %s", path.buf, ingest_result_reason(rc));
        r->articles_rejected++;
    } else if (tr.already_stored) {
        log_debug("ingest: %s: unchanged", path.buf);
        r->articles_unchanged++;
    } else {
        if (log_enabled(LOG_DEBUG))
            strbuf_addf(stored, "ingest: %s: stored as %s\n", path.buf, tr.source_id);
        r->articles_new++;
    }
out:
    free(slot->text);
    slot->text = NULL;
    strbuf_release(&path);
    return result;
}

/* Logs the lines of a committed batch's new articles (store_file), one line each. */
static void log_stored(strbuf *stored)
{
    for (char *line = stored->buf, *end; (end = strchr(line, '\n')); line = end + 1) {
        *end = '\0';
        log_debug("%s", line);
    }
    strbuf_reset(stored);
}

unsigned ingest_default_threads(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (unsigned)(cores > MAX_THREADS ? MAX_THREADS : cores) : 1;
}

/* Stores every file of the list through the pipeline, in batches; progress lines when
 * asked.  0, or -1 when the database failed (logged). */
static int store_files(store *st, const file_list *files, unsigned threads, int progress,
                       double started, ingest_report *r)
{
    pipeline pl = {.files = files, .db_path = store_filename(st)};
    strbuf stored = STRBUF_INIT;
    pthread_t *tids = NULL;
    unsigned started_threads = 0;
    int result = -1;

    if (!files->n)
        return 0;
    if (threads == 0)
        threads = ingest_default_threads();
    if (threads > MAX_THREADS)
        threads = MAX_THREADS;
    if (threads > files->n)
        threads = (unsigned)files->n;
    pl.nslots = (size_t)threads * SLOTS_PER_THREAD;
    pthread_mutex_init(&pl.lock, NULL);
    pthread_cond_init(&pl.filled, NULL);
    pthread_cond_init(&pl.room, NULL);
    pl.slots = calloc(pl.nslots, sizeof *pl.slots);
    tids = calloc(threads, sizeof *tids);
    if (!pl.slots || !tids) {
        log_error("ingest: out of memory");
        goto out;
    }
    for (; started_threads < threads; started_threads++) {
        int err = pthread_create(&tids[started_threads], NULL, extractor_main, &pl);
        if (err) {
            /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
            log_error("ingest: starting an extractor thread: %s", strerror(err));
            break;
        }
    }
    if (!started_threads)
        goto out;
    log_debug("ingest: %u extractor threads", started_threads);

    double last_line = started, batch_started = 0;
    unsigned batched = 0;
    for (size_t i = 0; i < files->n; i++) {
        pipeline_slot slot;
        pipeline_take(&pl, i, &slot);
        if (!batched) {
            if (store_batch_begin(st)) {
                log_error("ingest: %s", store_errmsg(st));
                free(slot.text);
                json_decref(slot.prepared.extraction);
                goto out;
            }
            batch_started = seconds_now();
        }
        if (store_file(st, files, &files->files[i], &slot, r, &stored)) {
            store_batch_rollback(st);
            goto out;
        }
        if (++batched == BATCH_FILES || i + 1 == files->n ||
            seconds_now() - batch_started >= BATCH_SECONDS) {
            if (store_batch_commit(st)) {
                log_error("ingest: %s", store_errmsg(st));
                goto out;
            }
            log_stored(&stored);
            batched = 0;
        }
        if (progress) {
            double now = seconds_now();
            if ((i + 1) % PROGRESS_EVERY_FILES == 0 || now - last_line >= PROGRESS_EVERY_SECONDS) {
                log_info("ingest: %zu/%zu files (%u new, %u unchanged, %u rejected)", i + 1,
                         files->n, r->articles_new, r->articles_unchanged, r->articles_rejected);
                last_line = now;
            }
        }
    }
    result = 0;
out:
    pthread_mutex_lock(&pl.lock);
    pl.stopping = true;
    pthread_cond_broadcast(&pl.room);
    pthread_mutex_unlock(&pl.lock);
    for (unsigned t = 0; t < started_threads; t++)
        pthread_join(tids[t], NULL);
    for (size_t k = 0; pl.slots && k < pl.nslots; k++) {
        if (pl.slots[k].ready) {
            free(pl.slots[k].text);
            json_decref(pl.slots[k].prepared.extraction);
        }
    }
    free(pl.slots);
    free(tids);
    strbuf_release(&stored);
    pthread_cond_destroy(&pl.room);
    pthread_cond_destroy(&pl.filled);
    pthread_mutex_destroy(&pl.lock);
    return result;
}

int ingest_remerge(store *st, ingest_report *r)
{
    /* incremental when it can be, exact either way (merge_update.c) */
    return ingest_merge_update(st, false, r);
}

int ingest_count_facts(store *st, ingest_report *r)
{
    static const enum store_kind kinds[] = {STORE_AGREEMENTS, STORE_MEETINGS, STORE_QUOTES,
                                            STORE_PEOPLE};
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

int ingest_run(store *st, char *const *paths, int npaths, int progress, unsigned threads,
               ingest_report *r)
{
    file_list files = {0};
    int result = -1;

    memset(r, 0, sizeof(*r));
    if (collect_paths(paths, npaths, &files))
        goto out;

    double started = seconds_now(), cpu_started = cpu_seconds_now();
    if (store_bulk_begin(st)) {
        log_error("ingest: %s", store_errmsg(st));
        goto out;
    }
    int stored_rc = store_files(st, &files, threads, progress, started, r);
    /* what was stored goes into the search index even when a failure stopped the run */
    if (store_bulk_end(st)) {
        log_error("ingest: indexing the articles for search: %s", store_errmsg(st));
        goto out;
    }
    if (stored_rc)
        goto out;

    int stale = store_facts_stale(st);
    if (stale < 0) {
        log_error("ingest: %s", store_errmsg(st));
        goto out;
    }
    double stored = seconds_now(), cpu_stored = cpu_seconds_now(), rss_stored = peak_rss_mib();
    if (r->articles_new || stale) {
        if (progress && stored - started >= PROGRESS_EVERY_SECONDS)
            log_info("ingest: merging the facts of every stored article");
        if (ingest_remerge(st, r))
            goto out;
    } else if (ingest_count_facts(st, r)) {
        goto out;
    }
    double ended = seconds_now(), cpu_ended = cpu_seconds_now();
    if (progress)
        log_info("ingest: done in %.1f s (reading, extracting and storing %.1f s, merging %.1f s; "
                 "CPU %.1f s and %.1f s, %u extractor threads; peak RSS %.0f MiB storing, "
                 "%.0f MiB in all)",
                 ended - started, stored - started, ended - stored, cpu_stored - cpu_started,
                 cpu_ended - cpu_stored, threads ? threads : ingest_default_threads(), rss_stored,
                 peak_rss_mib());
    result = 0;
out:
    file_list_release(&files);
    return result;
}
