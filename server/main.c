/* main: the factd command line.
 *
 *   factd ingest --db FILE PATH...    store articles and merge their facts
 *   factd serve --db FILE --port N    serve the REST API (and, with a token, its write API)
 *   factd reindex --db FILE           re-read the articles an older extractor read
 *   factd extract FILE                print one article's extraction (debugging)
 *
 * Exit status: 0 on success, 2 on a usage error (reported on one plain line that names the
 * problem), 1 when the work itself failed (the reason is the last line of the log on stderr).
 * Options are parsed with getopt_long, so they may come before or after the operands. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api.h"
#include "ingest/ingest.h"
#include "server/http_headers.h"
#include "server/server.h"
#include "server/writer.h"
#include "store/db.h"
#include "store/store.h"
#include "util/log.h"

#define FACTD_VERSION "0.1.0"

enum { EXIT_USAGE = 2 };

#define MAX_BODY_DEFAULT (2u << 20)
#define CONNS_PER_IP_DEFAULT 64
#define CONNS_MAX 65536u                 /* the most --max-conns and its kin take */
#define UPLOAD_MEMORY_MAX (4096ul << 20) /* the most --max-upload-memory takes */
#define TOKEN_MIN_CHARS 16
#define TOKEN_MAX_CHARS 4096

static const char usage_factd[] =
    "usage: factd COMMAND [OPTIONS]\n"
    "\n"
    "Extracts facts (agreements, meetings, quotations, people) from news articles and\n"
    "serves them, each with its evidence, over a REST API.\n"
    "\n"
    "commands:\n"
    "  ingest --db FILE PATH...   store the articles in PATH (.txt files or folders of them)\n"
    "                             and merge their facts into the database FILE\n"
    "  serve --db FILE --port N   serve the database FILE over HTTP on 127.0.0.1:N\n"
    "  reindex --db FILE          read again the articles an older extractor read\n"
    "  merge --db FILE            merge the facts of the articles stored since the last merge\n"
    "  extract FILE               print the extraction of one article as JSON\n"
    "\n"
    "options:\n"
    "  -h, --help      show this help (or a command's, after the command)\n"
    "  -V, --version   show the version\n"
    "\n"
    "environment:\n"
    "  FACTD_LOG_LEVEL   debug, info, warn or error (default info)\n"
    "  FACTD_LOG_FORMAT  text (default) or json: one JSON object per log line\n"
    "  FACTD_TOKEN       serve: the write API's bearer token (see 'factd serve --help')\n";

static const char usage_ingest[] =
    "usage: factd ingest --db FILE [--quiet] [--threads N] [--extract-budget SECONDS] PATH...\n"
    "\n"
    "Stores every article of PATH (a .txt file, or every .txt file of a folder, in name\n"
    "order) in the SQLite database FILE, creating it when needed, then merges the new\n"
    "articles' facts with the stored ones.  Articles already stored (the same bytes) are left unchanged;\n"
    "files that are empty, larger than 8 MiB or not UTF-8 are rejected and skipped, and so\n"
    "is anything that is not a regular file (a FIFO, a device, a folder).  In a folder a\n"
    "symbolic link is rejected too, never followed: only the folder's own files are read.\n"
    "\n"
    "options:\n"
    "  -d, --db FILE             the database (required)\n"
    "  -q, --quiet               no progress lines on long runs\n"
    "  -t, --threads N           extractor threads, 1-256 (default: one per core): they read\n"
    "                            and extract the files while one writer stores them, in name\n"
    "                            order, so the ids and facts are the same for any N\n"
    "      --extract-budget SECONDS\n"
    "                            the longest one article's extraction may take (default 5): an\n"
    "                            article that takes longer is rejected and skipped\n"
    "  -h, --help                show this help\n"
    "\n"
    "Prints a summary line on stdout.  Exit status 0 on success, 1 on failure (a path that\n"
    "does not exist, a database error), 2 on a usage error.\n";

static const char usage_serve[] =
    "usage: factd serve --db FILE --port N [--listen ADDR] [--threads N] [--timeout SECONDS]\n"
    "                   [--header-timeout SECONDS] [--max-conns N] [--max-conns-per-ip N]\n"
    "                   [--cors ORIGINS] [--corpus DIR] [--token-file FILE] [--max-body BYTES]\n"
    "                   [--max-uploads N] [--max-upload-memory BYTES] [--max-waiting N]\n"
    "                   [--create]\n"
    "                   [--extract-budget SECONDS]\n"
    "\n"
    "Serves the facts of the database FILE over HTTP until SIGINT or SIGTERM.  The database\n"
    "must exist (see 'factd ingest') unless --create is given; it is migrated first, and its\n"
    "facts merged again if an ingest was interrupted.  A writer thread then keeps it current\n"
    "while serving: it resumes the jobs a crash (or a server gone) left, reads the --corpus\n"
    "folder, and re-reads in the background the articles an older extractor read.  On\n"
    "SIGTERM it finishes the article it is on, never half of one.\n"
    "\n"
    "options:\n"
    "  -d, --db FILE           the database (required; it must exist unless --create).  A\n"
    "                          database this user may not write (a read-only file or folder)\n"
    "                          is served read-only, without the write API, after a warning;\n"
    "                          with a token or --corpus, which need to write, serve refuses it\n"
    "      --create            create the database FILE when it does not exist (empty)\n"
    "  -p, --port N            the TCP port, 1-65535 (required)\n"
    "  -l, --listen ADDR       the IPv4 or IPv6 address to bind (default 127.0.0.1)\n"
    "  -t, --threads N         worker threads, 1-1024 (default: one per core); as many\n"
    "                          threads extract a batch of posted articles or --corpus files\n"
    "                          at once, which the writer thread then stores in order\n"
    "      --timeout SECONDS   close a connection idle this long between requests, or while\n"
    "                          its body comes (default 30)\n"
    "      --header-timeout SECONDS\n"
    "                          close a connection that has not sent a whole request line and\n"
    "                          headers after this long without a byte (default 5, at most\n"
    "                          --timeout)\n"
    "      --max-conns N       connections open at once; past it new ones are closed at\n"
    "                          once (default 1024, fewer if the open-file limit says so)\n"
    "      --max-conns-per-ip N\n"
    "                          connections open at once from one client address, 0 for no\n"
    "                          limit (default 64; behind a proxy every client has its address)\n"
    "      --cors ORIGINS      let browser pages from ORIGINS read the API: a comma-separated\n"
    "                          list of exact origins (https://example.org,http://localhost:3000)\n"
    "                          or * for any; answers CORS preflights (OPTIONS).  Default: none\n"
    "  -c, --corpus DIR        read every new or changed .txt of DIR at start, then watch DIR\n"
    "                          and read each .txt written or moved into it (names starting\n"
    "                          with a dot are skipped: write to .name, then rename).  Only\n"
    "                          regular files inside DIR are read: a symbolic link, a FIFO or\n"
    "                          a device is refused with a warning, never opened as an article\n"
    "      --token-file FILE   enable the write API with the bearer token in FILE (its first\n"
    "                          line); it takes precedence over FACTD_TOKEN\n"
    "      --max-body BYTES    the largest request body the write API reads, with an optional\n"
    "                          k or M suffix (KiB, MiB): 1 to 8M (default 2M)\n"
    "      --max-uploads N     request bodies read at once; past it a write answers 503\n"
    "                          with Retry-After (default 16)\n"
    "      --max-upload-memory BYTES\n"
    "                          what the bodies being read may hold together, each counted at\n"
    "                          its Content-Length (--max-body when chunked); past it a write\n"
    "                          answers 503 (default 64M, at least --max-body)\n"
    "      --max-waiting N     clients waiting for changes at once (GET /changes with wait=,\n"
    "                          or as an event stream); past it they are answered 503 with\n"
    "                          Retry-After (default 256)\n"
    "      --extract-budget SECONDS\n"
    "                          the longest one article's extraction may take on the writer\n"
    "                          thread (default 5): a posted article that takes longer fails its\n"
    "                          job, a --corpus file is rejected\n"
    "  -h, --help              show this help\n"
    "\n"
    "Write API, only with a token (--token-file, else FACTD_TOKEN; without either these\n"
    "answer 404 like any unknown path).  Each request carries Authorization: Bearer TOKEN.\n"
    "A token is 16 to 4096 characters of A-Z a-z 0-9 - . _ ~ + / (and = at the end).\n"
    "  POST /sources          queue an article (text/plain; charset=utf-8, or JSON\n"
    "                         {\"text\", \"title\", \"url\", \"published\"}): 202 with its job,\n"
    "                         or 200 with the source when those bytes are stored already\n"
    "  GET /jobs/{id}         the job: queued, running, done (source, fact counts) or failed\n"
    "  DELETE /sources/{id}   delete an article and every fact only it supports: 204\n"
    "\n"
    "The HTTP layer answers by itself, with Connection: close: 414 to a request target over\n"
    "8 KiB, 431 to a query of more than 128 parameters, 400 to a body framed ambiguously (two\n"
    "Content-Length values, Content-Length with Transfer-Encoding, a coding but chunked).\n"
    "\n"
    "Operations: GET /livez (the process runs), /readyz (the database answers and its schema\n"
    "is current), /metrics (Prometheus text format).  One log line per request; requests for\n"
    "/healthz, /livez, /readyz and /metrics are logged at debug level.  When the database\n"
    "file is deleted or replaced while serving, writes answer 503, /healthz and /readyz\n"
    "answer 503 and one error is logged: restart the server on the database file.\n"
    "\n"
    "Several servers may serve one database: each runs queued jobs, every job once.  A job\n"
    "is claimed with a lease (60 s, renewed every 10 s while its server runs); a server takes\n"
    "over only jobs whose lease has expired, or whose server on this machine is gone.\n"
    "\n"
    "Exit status 0 after SIGINT or SIGTERM, 2 on a usage error (a bad option, no database\n"
    "without --create, a read-only database with a token or --corpus), 1 on any other\n"
    "failure (the reason is the last line on stderr).\n"
    "\n"
    "environment:\n"
    "  FACTD_TOKEN   the write API's token, when --token-file is not given (empty: none)\n";

static const char usage_merge[] =
    "usage: factd merge --db FILE [--force]\n"
    "\n"
    "Merges the facts of the articles stored in the database FILE since the last merge, in\n"
    "one transaction: each new article is merged only with the facts it can join, read from\n"
    "the database's index, and the facts come out exactly as a full merge would make them.\n"
    "With --force (or when the index is not current: a database an older factd merged), every\n"
    "article is merged again and the fact set replaced.  `factd serve` runs it as a process\n"
    "of its own after storing posted or dropped-in articles.\n"
    "\n"
    "options:\n"
    "  -d, --db FILE   the database (required; it must exist)\n"
    "  -f, --force     merge every article again, even when the facts are current\n"
    "  -h, --help      show this help\n"
    "\n"
    "Prints a summary line on stdout.  Exit status 0 on success, 1 on failure (no such\n"
    "database, a database error), 2 on a usage error.\n";

static const char usage_reindex[] =
    "usage: factd reindex --db FILE [--extract-budget SECONDS]\n"
    "\n"
    "Reads again, with this factd's extractor, every article of the database FILE that an\n"
    "older extractor read, replacing each one's extraction in a transaction of its own, then\n"
    "merges the facts once.  Facts the new reading still finds keep their ids.  A database\n"
    "whose articles are all current is left as it is.  `factd serve` does the same in the\n"
    "background after an upgrade.\n"
    "\n"
    "options:\n"
    "  -d, --db FILE   the database (required; it must exist)\n"
    "      --extract-budget SECONDS\n"
    "                  the longest one article's extraction may take (default 5): an article\n"
    "                  that takes longer is kept with no facts\n"
    "  -h, --help      show this help\n"
    "\n"
    "Prints a summary line on stdout.  Exit status 0 on success, 1 on failure (no such\n"
    "database, a database error), 2 on a usage error.\n";

static const char usage_extract[] =
    "usage: factd extract [--extract-budget SECONDS] FILE\n"
    "\n"
    "Prints the extraction of one article (the mentions found in it, with code-point\n"
    "offsets) as indented JSON on stdout, without touching any database.\n"
    "\n"
    "options:\n"
    "      --extract-budget SECONDS\n"
    "                the longest the extraction may take (default 5): past it, exit status 1\n"
    "  -h, --help    show this help\n";

/* Reports a usage error on one line and returns the usage exit status. */
static int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "factd%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'factd%s%s --help')\n", cmd ? " " : "", cmd ? cmd : "");
    return EXIT_USAGE;
}

/* The usage error for what getopt_long returned: an unknown option or a missing value. */
static int option_error(const char *cmd, char **argv, int c)
{
    const char *arg = argv[optind - 1];
    if (c == ':')
        return usage_error(cmd, "option '%s' needs a value", arg);
    if (optopt && strncmp(arg, "--", 2) != 0)
        return usage_error(cmd, "unknown option '-%c'", optopt);
    return usage_error(cmd, "unknown option '%s'", arg);
}

/* Parses a decimal number in [min, max]; false when text is anything else. */
static bool parse_number(const char *text, unsigned long min, unsigned long max, unsigned long *out)
{
    char *end;
    if (!text || *text < '0' || *text > '9')
        return false;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (errno || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

/* Parses a size in bytes with an optional k or M suffix (KiB, MiB) in [min, max]. */
static bool parse_size(const char *text, unsigned long min, unsigned long max, unsigned long *out)
{
    char digits[32];
    size_t len = text ? strlen(text) : 0;
    unsigned long unit = 1, v;

    if (len == 0 || len >= sizeof digits)
        return false;
    memcpy(digits, text, len + 1);
    if (digits[len - 1] == 'k' || digits[len - 1] == 'K')
        unit = 1ul << 10;
    else if (digits[len - 1] == 'm' || digits[len - 1] == 'M')
        unit = 1ul << 20;
    if (unit > 1)
        digits[len - 1] = '\0';
    if (!parse_number(digits, 0, max, &v) || v > max / unit || v * unit < min)
        return false;
    *out = v * unit;
    return true;
}

/* Parses --extract-budget: seconds, a decimal number from 0.001 to 86400, and sets it. */
static bool set_extract_budget(const char *text)
{
    char *end;
    if (!text || !*text || (*text < '0' || *text > '9'))
        return false;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || *end || !(v >= 0.001 && v <= 86400))
        return false;
    ingest_set_extract_budget(v);
    return true;
}

#define BAD_BUDGET "bad --extract-budget '%s' (expected 0.001 to 86400 seconds)"

/* True when token can be a bearer token: TOKEN_MIN_CHARS to TOKEN_MAX_CHARS characters of
 * RFC 6750's b64token (A-Z a-z 0-9 - . _ ~ + /, then = signs at the end only). */
static bool token_valid(const char *token)
{
    size_t n = strspn(token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                             "-._~+/");
    n += strspn(token + n, "=");
    return token[n] == '\0' && n >= TOKEN_MIN_CHARS && n <= TOKEN_MAX_CHARS;
}

/* Reads the token of --token-file: its first line, without surrounding white space.  NULL
 * (the reason logged) when the file cannot be read. */
static char *read_token_file(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[TOKEN_MAX_CHARS + 2];

    if (!f) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("serve: cannot read --token-file %s: %s", path, strerror(errno));
        return NULL;
    }
    if (!fgets(line, sizeof line, f))
        line[0] = '\0';
    fclose(f);
    char *start = line;
    while (isspace((unsigned char)*start))
        start++;
    size_t len = strlen(start);
    while (len && isspace((unsigned char)start[len - 1]))
        start[--len] = '\0';
    char *token = strdup(start);
    if (!token)
        log_error("serve: out of memory");
    return token;
}

static int print_usage(const char *usage)
{
    fputs(usage, stdout);
    return EXIT_SUCCESS;
}

static int cmd_ingest(int argc, char **argv)
{
    enum { OPT_EXTRACT_BUDGET = 1000 };
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},
        {"threads", required_argument, NULL, 't'},
        {"extract-budget", required_argument, NULL, OPT_EXTRACT_BUDGET},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL;
    bool quiet = false;
    unsigned threads = 0;
    unsigned long v;
    int c;

    /* NOLINTNEXTLINE(concurrency-mt-unsafe) getopt_long: options are parsed before any thread starts */
    while ((c = getopt_long(argc, argv, ":d:qt:h", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            db = optarg;
            break;
        case 'q':
            quiet = true;
            break;
        case 't':
            if (!parse_number(optarg, 1, 256, &v))
                return usage_error("ingest", "bad thread count '%s' (expected 1-256)", optarg);
            threads = (unsigned)v;
            break;
        case OPT_EXTRACT_BUDGET:
            if (!set_extract_budget(optarg))
                return usage_error("ingest", BAD_BUDGET, optarg);
            break;
        case 'h':
            return print_usage(usage_ingest);
        default:
            return option_error("ingest", argv, c);
        }
    }
    if (!db)
        return usage_error("ingest", "missing --db FILE");
    if (optind >= argc)
        return usage_error("ingest", "missing PATH (a .txt file or a folder)");

    char *err = NULL;
    store *st = store_open(db, false, &err);
    if (!st) {
        log_error("ingest: cannot open the database %s", err ? err : db);
        free(err);
        return EXIT_FAILURE;
    }
    ingest_report r;
    int rc = ingest_run(st, argv + optind, argc - optind, !quiet, threads, &r);
    store_close(st);
    if (rc)
        return EXIT_FAILURE;
    printf("ingest: %u articles (%u new, %u unchanged, %u rejected); "
           "facts: %u agreements, %u meetings, %u quotes, %u people\n",
           r.articles_new + r.articles_unchanged + r.articles_rejected, r.articles_new,
           r.articles_unchanged, r.articles_rejected, r.agreements, r.meetings, r.quotes, r.people);
    return EXIT_SUCCESS;
}

/* Opens the database for serving (creating it with --create), migrates it, and (unless the
 * writer thread will, after reading the --corpus folder) merges its facts again when an
 * ingest stopped between storing articles and merging, so that the server serves current
 * facts from its first answer.  A database this process may not write is served read-only:
 * refused (exit 2) when the write API or --corpus would need to write, else one warning. */
static int prepare_database(server_config *cfg, bool create, const char *token_from)
{
    const char *db = cfg->db_path;
    char *why = NULL;
    store *st = NULL;
    int rc = EXIT_FAILURE;

    int opened = store_open_for_serving(db, create, &st, &why);
    if (opened == STORE_ERROR) {
        log_error("serve: cannot open the database %s", why ? why : db);
        goto out;
    }
    int stale = store_facts_stale(st);
    if (stale < 0) {
        log_error("serve: %s: %s", db, store_errmsg(st));
        goto out;
    }
    if (opened == STORE_UNAVAILABLE) {
        if (cfg->token || cfg->corpus_dir) {
            rc = usage_error("serve",
                             "cannot write %s: %s needs a writable database; make it writable, "
                             "or serve it read-only without %s",
                             why ? why : db, cfg->token ? "the write API" : "--corpus",
                             cfg->token ? token_from : "--corpus");
            goto out;
        }
        log_warn("serve: cannot write %s; serving it read-only: no write API, no re-reading of "
                 "older articles%s",
                 why ? why : db,
                 stale ? ", and its facts stay stale (an ingest stopped before merging them)" : "");
        cfg->read_only = true;
        rc = EXIT_SUCCESS;
        goto out;
    }
    if (stale && !cfg->corpus_dir) {
        log_info("serve: the facts of %s are stale; merging them again", db);
        /* a merge that fails here (another writer holding a shared database's write lock past
         * its timeout) is no reason to stop: the writer merges again once it may */
        if (!writer_merge_in_child(db))
            log_warn("serve: the facts of %s stay stale for now; the writer merges them again", db);
    }
    rc = EXIT_SUCCESS;
out:
    free(why);
    store_close(st);
    return rc;
}

static int cmd_serve(int argc, char **argv)
{
    enum {
        OPT_TIMEOUT = 1000,
        OPT_CORS,
        OPT_TOKEN_FILE,
        OPT_MAX_BODY,
        OPT_HEADER_TIMEOUT,
        OPT_MAX_CONNS,
        OPT_MAX_CONNS_PER_IP,
        OPT_MAX_UPLOADS,
        OPT_MAX_UPLOAD_MEMORY,
        OPT_MAX_WAITING,
        OPT_CREATE,
        OPT_EXTRACT_BUDGET
    };
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"port", required_argument, NULL, 'p'},
        {"listen", required_argument, NULL, 'l'},
        {"threads", required_argument, NULL, 't'},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"cors", required_argument, NULL, OPT_CORS},
        {"corpus", required_argument, NULL, 'c'},
        {"token-file", required_argument, NULL, OPT_TOKEN_FILE},
        {"max-body", required_argument, NULL, OPT_MAX_BODY},
        {"header-timeout", required_argument, NULL, OPT_HEADER_TIMEOUT},
        {"max-conns", required_argument, NULL, OPT_MAX_CONNS},
        {"max-conns-per-ip", required_argument, NULL, OPT_MAX_CONNS_PER_IP},
        {"max-uploads", required_argument, NULL, OPT_MAX_UPLOADS},
        {"max-upload-memory", required_argument, NULL, OPT_MAX_UPLOAD_MEMORY},
        {"max-waiting", required_argument, NULL, OPT_MAX_WAITING},
        {"create", no_argument, NULL, OPT_CREATE},
        {"extract-budget", required_argument, NULL, OPT_EXTRACT_BUDGET},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    server_config cfg = {.listen_addr = "127.0.0.1",
                         .timeout_s = 30,
                         .version = FACTD_VERSION,
                         .max_body = MAX_BODY_DEFAULT,
                         .max_conns_per_ip = CONNS_PER_IP_DEFAULT};
    const char *token_file = NULL;
    char *token = NULL;
    bool have_port = false, create = false;
    unsigned long v;
    int c, rc;

    /* NOLINTNEXTLINE(concurrency-mt-unsafe) getopt_long: options are parsed before any thread starts */
    while ((c = getopt_long(argc, argv, ":d:p:l:t:c:h", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            cfg.db_path = optarg;
            break;
        case 'l':
            if (!server_listen_addr_valid(optarg))
                return usage_error("serve",
                                   "bad --listen address '%s' (expected an IPv4 or IPv6 "
                                   "address, e.g. 127.0.0.1, 0.0.0.0 or ::1)",
                                   optarg);
            cfg.listen_addr = optarg;
            break;
        case 'c':
            cfg.corpus_dir = optarg;
            break;
        case 'h':
            return print_usage(usage_serve);
        case 'p':
            if (!parse_number(optarg, 1, 65535, &v))
                return usage_error("serve", "bad port '%s' (expected 1-65535)", optarg);
            cfg.port = (unsigned short)v;
            have_port = true;
            break;
        case 't':
            if (!parse_number(optarg, 1, 1024, &v))
                return usage_error("serve", "bad thread count '%s' (expected 1-1024)", optarg);
            cfg.threads = (unsigned)v;
            break;
        case OPT_TIMEOUT:
            if (!parse_number(optarg, 1, 86400, &v))
                return usage_error("serve", "bad timeout '%s' (expected 1-86400 seconds)", optarg);
            cfg.timeout_s = (unsigned)v;
            break;
        case OPT_CORS: {
            strbuf why = STRBUF_INIT;
            bool valid = http_cors_spec_valid(optarg, &why);
            if (!valid)
                usage_error("serve", "bad --cors value: %s", why.len ? why.buf : "empty");
            strbuf_release(&why);
            if (!valid)
                return EXIT_USAGE;
            cfg.cors = optarg;
            break;
        }
        case OPT_TOKEN_FILE:
            token_file = optarg;
            break;
        case OPT_CREATE:
            create = true;
            break;
        case OPT_MAX_BODY:
            if (!parse_size(optarg, 1, INGEST_MAX_ARTICLE, &v))
                return usage_error("serve", "bad --max-body '%s' (expected 1 to 8M bytes)", optarg);
            cfg.max_body = v;
            break;
        case OPT_HEADER_TIMEOUT:
            if (!parse_number(optarg, 1, 86400, &v))
                return usage_error("serve", "bad header timeout '%s' (expected 1-86400 seconds)",
                                   optarg);
            cfg.header_timeout_s = (unsigned)v;
            break;
        case OPT_MAX_CONNS:
            if (!parse_number(optarg, 1, CONNS_MAX, &v))
                return usage_error("serve", "bad --max-conns '%s' (expected 1-%u)", optarg,
                                   CONNS_MAX);
            cfg.max_conns = (unsigned)v;
            break;
        case OPT_MAX_CONNS_PER_IP:
            if (!parse_number(optarg, 0, CONNS_MAX, &v))
                return usage_error("serve", "bad --max-conns-per-ip '%s' (expected 0-%u)", optarg,
                                   CONNS_MAX);
            cfg.max_conns_per_ip = (unsigned)v;
            break;
        case OPT_MAX_UPLOADS:
            if (!parse_number(optarg, 1, CONNS_MAX, &v))
                return usage_error("serve", "bad --max-uploads '%s' (expected 1-%u)", optarg,
                                   CONNS_MAX);
            cfg.max_uploads = (unsigned)v;
            break;
        case OPT_MAX_UPLOAD_MEMORY:
            if (!parse_size(optarg, 1, UPLOAD_MEMORY_MAX, &v))
                return usage_error("serve",
                                   "bad --max-upload-memory '%s' (expected 1 to %luM "
                                   "bytes)",
                                   optarg, UPLOAD_MEMORY_MAX >> 20);
            cfg.max_upload_bytes = v;
            break;
        case OPT_MAX_WAITING:
            if (!parse_number(optarg, 1, CONNS_MAX, &v))
                return usage_error("serve", "bad --max-waiting '%s' (expected 1-%u)", optarg,
                                   CONNS_MAX);
            cfg.max_waiting = (unsigned)v;
            break;
        case OPT_EXTRACT_BUDGET:
            if (!set_extract_budget(optarg))
                return usage_error("serve", BAD_BUDGET, optarg);
            break;
        default:
            return option_error("serve", argv, c);
        }
    }
    if (!cfg.db_path)
        return usage_error("serve", "missing --db FILE");
    if (cfg.max_upload_bytes && cfg.max_upload_bytes < cfg.max_body)
        return usage_error("serve",
                           "--max-upload-memory (%zu bytes) is less than --max-body "
                           "(%zu bytes): no body could be read",
                           cfg.max_upload_bytes, cfg.max_body);
    if (!have_port)
        return usage_error("serve", "missing --port N");
    if (optind < argc)
        return usage_error("serve", "unexpected argument '%s'", argv[optind]);
    /* A database that is not there is a mistake (a wrong path, a volume not mounted, a file
     * deleted) unless the operator asks for a new one: serving an empty one would hide it. */
    struct stat db_stat;
    const char *db_file = db_sqlite_path(cfg.db_path); /* NULL for PostgreSQL */
    if (!create && db_file && stat(db_file, &db_stat) != 0 && (errno == ENOENT || errno == ENOTDIR))
        return usage_error("serve",
                           "no database at %s: build one with 'factd ingest --db %s PATH...', "
                           "or pass --create to start from an empty one",
                           cfg.db_path, cfg.db_path);

    /* The token: --token-file, else FACTD_TOKEN (empty counts as unset), else none. */
    const char *from = NULL;
    if (token_file) {
        if (!(token = read_token_file(token_file)))
            return EXIT_FAILURE;
        from = "--token-file";
    } else if (getenv("FACTD_TOKEN") && *getenv("FACTD_TOKEN")) {
        if (!(token = strdup(getenv("FACTD_TOKEN")))) {
            log_error("serve: out of memory");
            return EXIT_FAILURE;
        }
        from = "FACTD_TOKEN";
    }
    if (token && !token_valid(token)) {
        free(token);
        return usage_error("serve",
                           "the token of %s is not valid: %d to %d characters of A-Z a-z 0-9 "
                           "- . _ ~ + / (and = at the end)",
                           from, TOKEN_MIN_CHARS, TOKEN_MAX_CHARS);
    }
    cfg.token = token;

    rc = prepare_database(&cfg, create, from);
    if (rc == EXIT_SUCCESS)
        rc = server_run(&cfg) ? EXIT_FAILURE : EXIT_SUCCESS;
    free(token);
    return rc;
}

static int cmd_reindex(int argc, char **argv)
{
    enum { OPT_EXTRACT_BUDGET = 1000 };
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"extract-budget", required_argument, NULL, OPT_EXTRACT_BUDGET},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL;
    char *err = NULL;
    int c;

    /* NOLINTNEXTLINE(concurrency-mt-unsafe) getopt_long: options are parsed before any thread starts */
    while ((c = getopt_long(argc, argv, ":d:h", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            db = optarg;
            break;
        case OPT_EXTRACT_BUDGET:
            if (!set_extract_budget(optarg))
                return usage_error("reindex", BAD_BUDGET, optarg);
            break;
        case 'h':
            return print_usage(usage_reindex);
        default:
            return option_error("reindex", argv, c);
        }
    }
    if (!db)
        return usage_error("reindex", "missing --db FILE");
    if (optind < argc)
        return usage_error("reindex", "unexpected argument '%s'", argv[optind]);
    /* Opening read-write would create a missing file: a misspelt path is an error here. */
    if (db_sqlite_path(db) && access(db_sqlite_path(db), F_OK) != 0) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("reindex: %s: %s", db, strerror(errno));
        return EXIT_FAILURE;
    }
    store *st = store_open(db, false, &err);
    if (!st) {
        log_error("reindex: cannot open the database %s", err ? err : db);
        free(err);
        return EXIT_FAILURE;
    }
    ingest_reindex_report r;
    int rc = ingest_reindex(st, 0, true, &r);
    long long sources = 0;
    if (rc == 0 && store_count(st, STORE_SOURCES, &sources)) {
        log_error("reindex: %s", store_errmsg(st));
        rc = -1;
    }
    store_close(st);
    if (rc)
        return EXIT_FAILURE;
    printf("reindex: %u of %lld articles read again with extractor version %d%s\n", r.reindexed,
           sources, INGEST_EXTRACTOR_VERSION, r.merged ? "; facts merged again" : "");
    return EXIT_SUCCESS;
}

static int cmd_merge(int argc, char **argv)
{
    static const struct option options[] = {
        {"db", required_argument, NULL, 'd'},
        {"force", no_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db = NULL;
    bool force = false;
    char *err = NULL;
    int c;

    /* NOLINTNEXTLINE(concurrency-mt-unsafe) getopt_long: options are parsed before any thread starts */
    while ((c = getopt_long(argc, argv, ":d:fh", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            db = optarg;
            break;
        case 'f':
            force = true;
            break;
        case 'h':
            return print_usage(usage_merge);
        default:
            return option_error("merge", argv, c);
        }
    }
    if (!db)
        return usage_error("merge", "missing --db FILE");
    if (optind < argc)
        return usage_error("merge", "unexpected argument '%s'", argv[optind]);
    if (db_sqlite_path(db) && access(db_sqlite_path(db), F_OK) != 0) {
        /* NOLINTNEXTLINE(concurrency-mt-unsafe) strerror: glibc's is thread-safe (2.32+) */
        log_error("merge: %s: %s", db, strerror(errno));
        return EXIT_FAILURE;
    }
    store *st = store_open(db, false, &err);
    if (!st) {
        log_error("merge: cannot open the database %s", err ? err : db);
        free(err);
        return EXIT_FAILURE;
    }
    int stale = force ? 1 : store_facts_stale(st);
    ingest_report r = {0};
    if (stale < 0)
        log_error("merge: %s", store_errmsg(st));
    int rc = stale < 0 ? -1 : stale ? ingest_merge_update(st, force, &r) : 0;
    store_close(st);
    if (rc)
        return EXIT_FAILURE;
    if (stale)
        printf("merge: facts: %u agreements, %u meetings, %u quotes, %u people\n", r.agreements,
               r.meetings, r.quotes, r.people);
    else
        printf("merge: the facts are current\n");
    return EXIT_SUCCESS;
}

static int cmd_extract(int argc, char **argv)
{
    enum { OPT_EXTRACT_BUDGET = 1000 };
    static const struct option options[] = {
        {"extract-budget", required_argument, NULL, OPT_EXTRACT_BUDGET},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;

    /* NOLINTNEXTLINE(concurrency-mt-unsafe) getopt_long: options are parsed before any thread starts */
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case OPT_EXTRACT_BUDGET:
            if (!set_extract_budget(optarg))
                return usage_error("extract", BAD_BUDGET, optarg);
            break;
        case 'h':
            return print_usage(usage_extract);
        default:
            return option_error("extract", argv, c);
        }
    }
    if (optind >= argc)
        return usage_error("extract", "missing FILE");
    if (argc - optind > 1)
        return usage_error("extract", "one FILE at a time");

    const char *path = argv[optind];
    const char *reason;
    char *text;
    size_t len;
    if (ingest_read_article(path, &text, &len, &reason)) {
        log_error("extract: %s: %s", path, reason);
        return EXIT_FAILURE;
    }
    ingest_extract_cost cost;
    json_t *extraction = ingest_extract_within(text, len, ingest_extract_budget(), &cost);
    if (!extraction) {
        log_error(
            "extract: %s: extraction stopped after %.1f s and %llu steps, past its %g s budget",
            path, cost.seconds, cost.steps, ingest_extract_budget());
        free(text);
        return EXIT_FAILURE;
    }
    int rc = json_dumpf(extraction, stdout, JSON_INDENT(2)) || fputc('\n', stdout) == EOF;
    json_decref(extraction);
    free(text);
    if (rc || fflush(stdout)) {
        log_error("extract: cannot write the extraction");
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"ingest", cmd_ingest}, {"serve", cmd_serve},     {"reindex", cmd_reindex},
    {"merge", cmd_merge},   {"extract", cmd_extract},
};

int main(int argc, char **argv)
{
    log_init();
    /* Every write of every command records in the change log what it changed of the facts
     * served, as the API serves them. */
    store_set_fact_renderer(api_fact_json);
    if (argc < 2)
        return usage_error(NULL, "missing COMMAND");

    const char *first = argv[1];
    if (!strcmp(first, "-h") || !strcmp(first, "--help") || !strcmp(first, "help"))
        return print_usage(usage_factd);
    if (!strcmp(first, "-V") || !strcmp(first, "--version")) {
        /* The versions a store records, so that a script can tell a store this factd would
         * read again (an older extractor) or migrate from one it serves as it is. */
        printf("factd %s (extractor version %d, schema version %d on SQLite, %d on PostgreSQL)\n",
               FACTD_VERSION, INGEST_EXTRACTOR_VERSION, store_schema_current(false),
               store_schema_current(true));
        return EXIT_SUCCESS;
    }
    if (first[0] == '-')
        return usage_error(NULL, "unknown option '%s'", first);

    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (!strcmp(first, commands[i].name)) {
            /* The command sees itself as argv[0], so getopt starts after it. */
            opterr = 0;
            optind = 1;
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    return usage_error(NULL, "unknown command '%s'", first);
}
