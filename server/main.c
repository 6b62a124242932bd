/* main: the factd command line.
 *
 *   factd ingest --db FILE PATH...    store articles and merge their facts
 *   factd serve --db FILE --port N    serve the REST API
 *   factd extract FILE                print one article's extraction (debugging)
 *
 * Exit status: 0 on success, 2 on a usage error (reported on one plain line that names the
 * problem), 1 when the work itself failed (the reason is the last line of the log on stderr).
 * Options are parsed with getopt_long, so they may come before or after the operands. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "server/http_headers.h"
#include "server/server.h"
#include "store/store.h"
#include "util/log.h"

#define FACTD_VERSION "0.1.0"

enum { EXIT_USAGE = 2 };

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
    "  extract FILE               print the extraction of one article as JSON\n"
    "\n"
    "options:\n"
    "  -h, --help      show this help (or a command's, after the command)\n"
    "  -V, --version   show the version\n"
    "\n"
    "environment:\n"
    "  FACTD_LOG_LEVEL   debug, info, warn or error (default info)\n"
    "  FACTD_LOG_FORMAT  text (default) or json: one JSON object per log line\n";

static const char usage_ingest[] =
    "usage: factd ingest --db FILE [--quiet] PATH...\n"
    "\n"
    "Stores every article of PATH (a .txt file, or every .txt file of a folder, in name\n"
    "order) in the SQLite database FILE, creating it when needed, then merges the facts of\n"
    "all stored articles.  Articles already stored (the same bytes) are left unchanged;\n"
    "files that are empty, larger than 8 MiB or not UTF-8 are rejected and skipped.\n"
    "\n"
    "options:\n"
    "  -d, --db FILE   the database (required)\n"
    "  -q, --quiet     no progress lines on long runs\n"
    "  -h, --help      show this help\n"
    "\n"
    "Prints a summary line on stdout.  Exit status 0 on success, 1 on failure (a path that\n"
    "does not exist, a database error), 2 on a usage error.\n";

static const char usage_serve[] =
    "usage: factd serve --db FILE --port N [--listen ADDR] [--threads N] [--timeout SECONDS]\n"
    "                   [--cors ORIGINS]\n"
    "\n"
    "Serves the facts of the database FILE over HTTP until SIGINT or SIGTERM.  The database\n"
    "is created or migrated first, and its facts merged again if an ingest was interrupted.\n"
    "\n"
    "options:\n"
    "  -d, --db FILE           the database (required)\n"
    "  -p, --port N            the TCP port, 1-65535 (required)\n"
    "  -l, --listen ADDR       the IPv4 or IPv6 address to bind (default 127.0.0.1)\n"
    "  -t, --threads N         worker threads, 1-1024 (default: one per core)\n"
    "      --timeout SECONDS   close connections idle this long (default 30)\n"
    "      --cors ORIGINS      let browser pages from ORIGINS read the API: a comma-separated\n"
    "                          list of exact origins (https://example.org,http://localhost:3000)\n"
    "                          or * for any; answers CORS preflights (OPTIONS).  Default: none\n"
    "  -h, --help              show this help\n"
    "\n"
    "Operations: GET /livez (the process runs), /readyz (the database answers and its schema\n"
    "is current), /metrics (Prometheus text format).  One log line per request; requests for\n"
    "/healthz, /livez, /readyz and /metrics are logged at debug level.\n";

static const char usage_extract[] =
    "usage: factd extract FILE\n"
    "\n"
    "Prints the extraction of one article (the mentions found in it, with code-point\n"
    "offsets) as indented JSON on stdout, without touching any database.\n"
    "\n"
    "options:\n"
    "  -h, --help   show this help\n";

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
static bool parse_number(const char *text, unsigned long min, unsigned long max,
                         unsigned long *out)
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

static int print_usage(const char *usage)
{
    fputs(usage, stdout);
    return EXIT_SUCCESS;
}

static int cmd_ingest(int argc, char **argv)
{
    static const struct option options[] = {
        { "db", required_argument, NULL, 'd' },
        { "quiet", no_argument, NULL, 'q' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *db = NULL;
    bool quiet = false;
    int c;

    while ((c = getopt_long(argc, argv, ":d:qh", options, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'q': quiet = true; break;
        case 'h': return print_usage(usage_ingest);
        default: return option_error("ingest", argv, c);
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
    int rc = ingest_run(st, argv + optind, argc - optind, !quiet, &r);
    store_close(st);
    if (rc)
        return EXIT_FAILURE;
    printf("ingest: %u articles (%u new, %u unchanged, %u rejected); "
           "facts: %u agreements, %u meetings, %u quotes, %u people\n",
           r.articles_new + r.articles_unchanged + r.articles_rejected, r.articles_new,
           r.articles_unchanged, r.articles_rejected, r.agreements, r.meetings, r.quotes,
           r.people);
    return EXIT_SUCCESS;
}

/* Creates or migrates the database and merges its facts again when an ingest stopped
 * between storing articles and merging, so that the read-only server serves current facts. */
static int prepare_database(const char *db)
{
    char *err = NULL;
    store *st = store_open(db, false, &err);
    int rc = EXIT_FAILURE;

    if (!st) {
        log_error("serve: cannot open the database %s", err ? err : db);
        free(err);
        return EXIT_FAILURE;
    }
    int stale = store_facts_stale(st);
    if (stale < 0) {
        log_error("serve: %s: %s", db, store_errmsg(st));
        goto out;
    }
    if (stale) {
        ingest_report r = { 0 };
        log_info("serve: the facts of %s are stale; merging them again", db);
        if (ingest_remerge(st, &r))
            goto out;
    }
    rc = EXIT_SUCCESS;
out:
    store_close(st);
    return rc;
}

static int cmd_serve(int argc, char **argv)
{
    enum { OPT_TIMEOUT = 1000, OPT_CORS };
    static const struct option options[] = {
        { "db", required_argument, NULL, 'd' },
        { "port", required_argument, NULL, 'p' },
        { "listen", required_argument, NULL, 'l' },
        { "threads", required_argument, NULL, 't' },
        { "timeout", required_argument, NULL, OPT_TIMEOUT },
        { "cors", required_argument, NULL, OPT_CORS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    server_config cfg = { .listen_addr = "127.0.0.1", .timeout_s = 30, .version = FACTD_VERSION };
    bool have_port = false;
    unsigned long v;
    int c;

    while ((c = getopt_long(argc, argv, ":d:p:l:t:h", options, NULL)) != -1) {
        switch (c) {
        case 'd': cfg.db_path = optarg; break;
        case 'l': cfg.listen_addr = optarg; break;
        case 'h': return print_usage(usage_serve);
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
                return usage_error("serve", "bad timeout '%s' (expected 1-86400 seconds)",
                                   optarg);
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
        default: return option_error("serve", argv, c);
        }
    }
    if (!cfg.db_path)
        return usage_error("serve", "missing --db FILE");
    if (!have_port)
        return usage_error("serve", "missing --port N");
    if (optind < argc)
        return usage_error("serve", "unexpected argument '%s'", argv[optind]);

    if (prepare_database(cfg.db_path))
        return EXIT_FAILURE;
    return server_run(&cfg) ? EXIT_FAILURE : EXIT_SUCCESS;
}

static int cmd_extract(int argc, char **argv)
{
    static const struct option options[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        if (c == 'h')
            return print_usage(usage_extract);
        return option_error("extract", argv, c);
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
    json_t *extraction = ingest_extract(text, len);
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
    { "ingest", cmd_ingest },
    { "serve", cmd_serve },
    { "extract", cmd_extract },
};

int main(int argc, char **argv)
{
    log_init();
    if (argc < 2)
        return usage_error(NULL, "missing COMMAND");

    const char *first = argv[1];
    if (!strcmp(first, "-h") || !strcmp(first, "--help") || !strcmp(first, "help"))
        return print_usage(usage_factd);
    if (!strcmp(first, "-V") || !strcmp(first, "--version")) {
        printf("factd %s\n", FACTD_VERSION);
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
