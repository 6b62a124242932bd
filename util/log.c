/* log: one line per event on stderr (see log.h).
 *
 * Each line is built in full first and written with a single fputs() under a mutex, so lines
 * from different threads never interleave.  Access lines (log_event_buffered) are kept in a
 * buffer instead and written together, by a background thread every LOG_FLUSH_MS, when the
 * buffer passes LOG_BUFFER_BYTES, before any other line (so the order holds) and at exit: a
 * request then costs no system call of its own.  The settings are read from the environment once
 * (FACTD_LOG_LEVEL, FACTD_LOG_FORMAT) and never change afterwards.
 *
 * Text lines read "2025-10-31T09:15:02.123Z WARN message"; JSON lines are objects
 * {"ts", "level", "msg"} built with Jansson.  Messages may carry file names or article text,
 * so bytes that are not UTF-8 are replaced by U+FFFD before they reach the JSON encoder, and
 * in text lines every control character is escaped (\x1b, \u009b): a file named with
 * terminal escape sequences must not repaint the operator's terminal or forge a line. */
#include "util/log.h"

#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "util/strbuf.h"
#include "util/utf8.h"

#define LOG_BUFFER_BYTES (64u << 10)
#define LOG_FLUSH_MS 100

static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static pthread_once_t log_flusher_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
/* Buffered lines not yet written; under log_lock. */
static strbuf log_pending = STRBUF_INIT;
/* Whether the background writer runs (buffered lines wait for it). */
static bool log_flusher_running;
/* Written once inside pthread_once, read-only afterwards. */
static enum log_level log_threshold = LOG_INFO;
static bool log_json;

static const struct {
    const char *name;  /* as FACTD_LOG_LEVEL spells it, and as JSON lines show it */
    const char *label; /* as text lines show it */
    enum log_level level;
} log_levels[] = {
    {"debug", "DEBUG", LOG_DEBUG}, {"info", "INFO", LOG_INFO},    {"warn", "WARN", LOG_WARN},
    {"warning", "WARN", LOG_WARN}, {"error", "ERROR", LOG_ERROR},
};

static void log_read_env(void)
{
    const char *level = getenv("FACTD_LOG_LEVEL");
    const char *format = getenv("FACTD_LOG_FORMAT");

    if (level && *level) {
        for (size_t i = 0; i < sizeof(log_levels) / sizeof(log_levels[0]); i++) {
            if (!strcasecmp(level, log_levels[i].name)) {
                log_threshold = log_levels[i].level;
                break;
            }
        }
    }
    log_json = format && !strcasecmp(format, "json");
}

void log_init(void)
{
    pthread_once(&log_once, log_read_env);
}

/* The first table entry for level (so LOG_WARN shows as "warn", not "warning"). */
static size_t log_level_index(enum log_level level)
{
    for (size_t i = 0; i < sizeof(log_levels) / sizeof(log_levels[0]); i++)
        if (log_levels[i].level == level)
            return i;
    return 1; /* info */
}

/* UTC time with milliseconds, ISO 8601: "2025-10-31T09:15:02.123Z". */
static void log_timestamp(char out[32])
{
    struct timespec now;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03ldZ", now.tv_nsec / 1000000L);
}

/* Copies msg into out with every ill-formed UTF-8 byte replaced by U+FFFD. */
static void log_sanitize(strbuf *out, const char *msg, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        uint32_t cp = utf8_next(msg, len, &i);
        if (cp == 0xFFFD && !(i - start == 3 && utf8_valid(msg + start, 3))) {
            strbuf_addstr(out, "\xEF\xBF\xBD");
            continue;
        }
        strbuf_add(out, msg + start, i - start);
    }
}

/* Copies msg into out with each control character escaped: C0 and DEL as \xNN, C1 (U+0080
 * to U+009F, which some terminals obey as escape sequences) as \u00NN.  Text lines only:
 * Jansson escapes what JSON needs. */
static void log_escape_controls(strbuf *out, const char *msg, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)msg[i];
        if (c < 0x20 || c == 0x7f) {
            strbuf_addf(out, "\\x%02x", c);
        } else if (c == 0xc2 && i + 1 < len && (unsigned char)msg[i + 1] >= 0x80 &&
                   (unsigned char)msg[i + 1] <= 0x9f) {
            strbuf_addf(out, "\\u%04x", (unsigned char)msg[++i]);
        } else {
            strbuf_addch(out, (char)c);
        }
    }
}

bool log_enabled(enum log_level level)
{
    log_init();
    return level >= log_threshold;
}

bool log_is_json(void)
{
    log_init();
    return log_json;
}

/* Writes what is buffered; the caller holds log_lock. */
static void log_flush_locked(void)
{
    if (log_pending.len) {
        fwrite(log_pending.buf, 1, log_pending.len, stderr);
        fflush(stderr);
        strbuf_reset(&log_pending);
    }
}

void log_flush(void)
{
    pthread_mutex_lock(&log_lock);
    log_flush_locked();
    pthread_mutex_unlock(&log_lock);
}

static void *log_flusher(void *unused)
{
    (void)unused;
    const struct timespec pause = {0, LOG_FLUSH_MS * 1000000L};
    for (;;) {
        nanosleep(&pause, NULL);
        log_flush();
    }
    return NULL;
}

/* A child of fork() has no flusher: it writes its own lines at once, and never the parent's
 * buffered ones (which the parent writes). */
static void log_fork_prepare(void)
{
    pthread_mutex_lock(&log_lock);
}

static void log_fork_parent(void)
{
    pthread_mutex_unlock(&log_lock);
}

static void log_fork_child(void)
{
    strbuf_reset(&log_pending);
    log_flusher_running = false;
    pthread_mutex_unlock(&log_lock);
}

/* The background writer of buffered lines, started with the first of them; without it (no
 * thread could be made) lines are written at once. */
static void log_start_flusher(void)
{
    pthread_t thread;
    pthread_attr_t attr;
    sigset_t all, old;

    if (pthread_attr_init(&attr) != 0)
        return;
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    /* Signals stay with the threads that wait for them. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    log_flusher_running = pthread_create(&thread, &attr, log_flusher, NULL) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (log_flusher_running) {
        atexit(log_flush);
        pthread_atfork(log_fork_prepare, log_fork_parent, log_fork_child);
    }
}

__attribute__((format(printf, 4, 0))) static void
log_vevent(enum log_level level, const json_t *fields, bool buffered, const char *fmt, va_list ap)
{
    if (!log_enabled(level))
        return;

    strbuf msg = STRBUF_INIT, line = STRBUF_INIT;
    char ts[32];
    size_t lvl = log_level_index(level);

    strbuf_vaddf(&msg, fmt, ap);
    /* One event, one line: a message never spans lines. */
    for (size_t i = 0; i < msg.len; i++)
        if (msg.buf[i] == '\n' || msg.buf[i] == '\r')
            msg.buf[i] = ' ';
    log_timestamp(ts);

    if (log_json) {
        strbuf clean = STRBUF_INIT;
        log_sanitize(&clean, msg.buf, msg.len);
        json_t *obj = json_pack("{s:s, s:s, s:s%}", "ts", ts, "level", log_levels[lvl].name, "msg",
                                clean.buf, clean.len);
        if (obj && json_is_object(fields))
            json_object_update(obj, (json_t *)fields);
        char *text = obj ? json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        if (text)
            strbuf_addf(&line, "%s\n", text);
        free(text);
        json_decref(obj);
        strbuf_release(&clean);
    }
    if (!line.len) {
        strbuf_addf(&line, "%s %s ", ts, log_levels[lvl].label);
        log_escape_controls(&line, msg.buf, msg.len);
        strbuf_addch(&line, '\n');
    }

    if (buffered)
        pthread_once(&log_flusher_once, log_start_flusher);
    pthread_mutex_lock(&log_lock);
    if (buffered && log_flusher_running) {
        strbuf_add(&log_pending, line.buf, line.len);
        if (log_pending.len >= LOG_BUFFER_BYTES)
            log_flush_locked();
    } else {
        log_flush_locked();
        fputs(line.buf, stderr);
        fflush(stderr);
    }
    pthread_mutex_unlock(&log_lock);

    strbuf_release(&line);
    strbuf_release(&msg);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vevent(level, NULL, false, fmt, ap);
    va_end(ap);
}

void log_event(enum log_level level, const json_t *fields, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vevent(level, fields, false, fmt, ap);
    va_end(ap);
}

void log_event_buffered(enum log_level level, const json_t *fields, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_vevent(level, fields, true, fmt, ap);
    va_end(ap);
}
