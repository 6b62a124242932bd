/* server: the `factd serve` process: libmicrohttpd with its internal polling thread, epoll
 * and a thread pool; one read-only store handle per worker thread; one writer thread that
 * owns the read-write handle (writer.c: posted articles, the --corpus folder, deletions,
 * re-extraction); graceful shutdown on SIGINT/SIGTERM (stop accepting, finish in-flight
 * requests, let the writer finish its article, close the database).  The HTTP layer around
 * the API: connection limits and timeouts, entity tags and conditional requests, gzip,
 * CORS, cache headers, request bodies of the write API and their budget, request metrics
 * and one log line per request (http.c). */
#ifndef FACTD_SERVER_H
#define FACTD_SERVER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct server_config {
    const char *db_path;
    const char *listen_addr; /* "127.0.0.1" by default */
    unsigned short port;
    unsigned threads;          /* worker threads in the pool; 0 picks one per core */
    unsigned timeout_s;        /* idle connection timeout: between requests, during a body */
    unsigned header_timeout_s; /* --header-timeout: until a request's headers are in (0: 5 s);
                                * never more than timeout_s */
    unsigned max_conns;        /* --max-conns: connections open at once (0: 1024) */
    unsigned max_conns_per_ip; /* --max-conns-per-ip: from one client address (0: no limit) */
    unsigned max_uploads;      /* --max-uploads: request bodies read at once (0: 16) */
    size_t max_upload_bytes;   /* --max-upload-memory: what they may hold together (0: 64 MiB);
                              * at least max_body */
    unsigned max_waiting;      /* --max-waiting: clients waiting for changes at once (0: 256) */
    const char *cors;          /* --cors: "*", or comma-separated exact origins; NULL: no CORS */
    const char *version;       /* the factd version, for metrics and entity tags */
    const char *corpus_dir;    /* --corpus: a folder of .txt articles to read and watch */
    const char *token;         /* the write API's bearer token; NULL: no write API */
    size_t max_body;           /* --max-body: the largest request body read (0: 2 MiB) */
    bool read_only;            /* the database may not be written: no writer, no write API */
} server_config;

/* True when text is an address --listen takes: an IPv4 or IPv6 literal ("::1" or "[::1]"). */
bool server_listen_addr_valid(const char *text);

/* Serves until SIGINT or SIGTERM.  Returns 0 after a clean shutdown, 1 when the server could
 * not start (the reason logged). */
int server_run(const server_config *cfg);

#endif
