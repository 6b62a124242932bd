/* schema: the tables of a factd database and their forward migrations.
 *
 * PRAGMA user_version holds the number of the last migration applied.  Migrations are
 * applied in order, each with the version bump in the same transaction, so a database is
 * always at exactly one version.  A migration is never edited once released: a change to
 * the schema is a new entry at the end of `migrations`.
 *
 * Layout:
 *   sources      one row per article: the exact bytes (BLOB, so nothing is ever re-encoded),
 *                its SHA-256 (unique: the same bytes are stored once), its extraction (JSON)
 *   people, agreements, meetings, quotes
 *                the merged fact set; list-valued fields are JSON arrays
 *   evidence     where each fact is said: code-point spans into a source, with the excerpt
 *                cut when the facts were stored.  Its primary key (kind, fact_id, source_id,
 *                cp_start, cp_end) is also the order the API shows evidence in.
 *   fact_people  who takes part in which fact, in which role: the signatories of an
 *                agreement, the participants of a meeting, the speaker of a quote (version 2).
 *                Indexed by person, so a person's facts are one range scan.
 *   meta         small key/value state: facts_stale ("1" after an article is stored, "0"
 *                once the facts are merged again), generation (a counter every write
 *                transaction bumps) and modified_at (its UTC time), since version 3
 *   search_fts   the FTS5 index of article texts, agreement names and quotes (version 4,
 *                see search.c); its rowids say each row's kind and id (version 7)
 *   source_hints what the poster of an article said of it: title, URL, publication date
 *                (version 5).  The served title and date of a source take them over its
 *                extraction's; a table of its own rather than columns of sources, whose
 *                columns after the text would be read through its overflow pages.
 *   jobs         the queue of posted articles and what became of each (version 5, see
 *                jobs.c); who runs a running job and until when (owner, lease_expires_at:
 *                version 6)
 *   merge_*      the incremental merge's index of reports, blocking keys and facts
 *                (version 8, see merge_index.c; the facts' summaries, version 9)
 *   changes      the change log: what each write changed of the facts served, with each
 *                fact's versions (version 11, see changes.c)
 *
 * PostgreSQL starts at version 9: one script (pg_schema) makes the tables as the SQLite
 * migrations leave them, and pg_migrations holds what comes after, in the same way.  The
 * version is meta's 'schema_version' row.  The differences: every text column sorts and
 * compares by code point (COLLATE "C", as SQLite's BINARY does); an article's bytes are a
 * bytea; search_fts is a table with a tsvector column and a GIN index on it, its rowid a
 * column of its own, computed by the SQL function search_rowid as search.c computes it for
 * SQLite (see search.c); search_pending exists from the start.
 */
#include "store/store_private.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct migration {
    int version;
    const char *sql;
} migration;

/* The change log's table (version 11) with the engine's integer and text types. */
#define CHANGES_TABLE(integer, text) \
    CHANGES_TABLE_OF(integer, text, "'agreement', 'meeting', 'quote', 'person'")
/* The same with the kinds it takes (version 12 adds 'source'). */
#define CHANGES_TABLE_OF(integer, text, kinds)                                                  \
    "CREATE TABLE changes ("                                                                    \
    "  seq        " integer " PRIMARY KEY,"                                                     \
    "  kind       " text " NOT NULL CHECK (kind IN (" kinds ")),"                               \
    "  fact_id    " text " NOT NULL,"                                                           \
    "  op         " text " NOT NULL CHECK (op IN ('created', 'updated', 'merged', 'deleted'))," \
    "  changed_at " text " NOT NULL,"                                                           \
    "  source_id  " text ","                                                                    \
    "  into_id    " text ","                                                                    \
    "  attributes " text ","                                                                    \
    "  fact       " text ","                                                                    \
    "  until_seq  " integer ");"                                                                \
    "CREATE INDEX changes_by_fact ON changes (kind, fact_id, seq);"
/* Version 12: the change log keeps the articles too. */
#define CHANGES_KINDS_12 "'agreement', 'meeting', 'quote', 'person', 'source'"
/* A store with articles already is marked for their first versions (changes.c). */
#define SOURCES_BASELINE                                                        \
    "INSERT INTO meta (key, value) SELECT 'sources_baseline', '0' WHERE EXISTS" \
    "  (SELECT 1 FROM sources);"
/* A store with facts already is marked for their first versions (changes.c). */
#define CHANGES_BASELINE                                                        \
    "INSERT INTO meta (key, value) SELECT 'changes_baseline', '0' WHERE EXISTS" \
    "  (SELECT 1 FROM people UNION ALL SELECT 1 FROM agreements"                \
    "   UNION ALL SELECT 1 FROM meetings UNION ALL SELECT 1 FROM quotes);"

static const migration migrations[] = {
    {1, "CREATE TABLE sources ("
        "  id                TEXT PRIMARY KEY,"
        "  file              TEXT,"
        "  title             TEXT,"
        "  byline            TEXT,"
        "  dateline          TEXT,"
        "  published         TEXT,"
        "  sha256            TEXT NOT NULL UNIQUE,"
        "  chars             INTEGER NOT NULL CHECK (chars >= 0),"
        "  extractor_version INTEGER NOT NULL,"
        "  ingested_at       TEXT NOT NULL,"
        /* The large columns last, so listing sources never reads their overflow pages. */
        "  extraction        TEXT NOT NULL,"
        "  text              BLOB NOT NULL"
        ");"
        "CREATE TABLE people ("
        "  id      TEXT PRIMARY KEY,"
        "  name    TEXT NOT NULL,"
        "  title   TEXT,"
        "  aliases TEXT NOT NULL DEFAULT '[]'"
        ");"
        "CREATE TABLE agreements ("
        "  id          TEXT PRIMARY KEY,"
        "  name        TEXT NOT NULL,"
        "  aliases     TEXT NOT NULL DEFAULT '[]',"
        "  acronym     TEXT,"
        "  signed      TEXT,"
        "  place       TEXT,"
        "  parties     TEXT NOT NULL DEFAULT '[]',"
        "  signatories TEXT NOT NULL DEFAULT '[]',"
        "  rule        TEXT,"
        "  confidence  REAL"
        ");"
        "CREATE TABLE meetings ("
        "  id           TEXT PRIMARY KEY,"
        "  date         TEXT,"
        "  place        TEXT,"
        "  occasion     TEXT,"
        "  participants TEXT NOT NULL DEFAULT '[]',"
        "  rule         TEXT,"
        "  confidence   REAL"
        ");"
        "CREATE TABLE quotes ("
        "  id                TEXT PRIMARY KEY,"
        "  text              TEXT NOT NULL,"
        "  speaker_person_id TEXT,"
        "  speaker_name      TEXT,"
        "  speaker_title     TEXT,"
        "  cue               TEXT,"
        "  rule              TEXT,"
        "  confidence        REAL"
        ");"
        "CREATE INDEX quotes_by_speaker ON quotes (speaker_person_id);"
        "CREATE TABLE evidence ("
        "  kind      TEXT NOT NULL CHECK (kind IN ('agreement', 'meeting', 'quote')),"
        "  fact_id   TEXT NOT NULL,"
        "  source_id TEXT NOT NULL REFERENCES sources (id),"
        "  cp_start  INTEGER NOT NULL CHECK (cp_start >= 0),"
        "  cp_end    INTEGER NOT NULL CHECK (cp_end > cp_start),"
        "  excerpt   TEXT NOT NULL DEFAULT '',"
        "  PRIMARY KEY (kind, fact_id, source_id, cp_start, cp_end)"
        ") WITHOUT ROWID;"
        /* Cutting excerpts walks one source's spans in order; deleting a source checks here. */
        "CREATE INDEX evidence_by_source ON evidence (source_id, cp_start);"
        "CREATE TABLE meta ("
        "  key   TEXT PRIMARY KEY,"
        "  value TEXT"
        ") WITHOUT ROWID;"
        "INSERT INTO meta (key, value) VALUES ('facts_stale', '0');"},
    /* Version 2: the people of each fact as rows, so that a person's agreements, meetings and
     * quotes are found without reading every fact.  A person_id must name a stored person;
     * the role follows from the kind.  The facts a version 1 database already holds are
     * linked from their JSON lists, skipping any person_id that names no person. */
    {2,
     "CREATE TABLE fact_people ("
     "  kind      TEXT NOT NULL CHECK (kind IN ('agreement', 'meeting', 'quote')),"
     "  fact_id   TEXT NOT NULL,"
     "  person_id TEXT NOT NULL REFERENCES people (id),"
     "  role      TEXT NOT NULL CHECK (role IN ('signatory', 'participant', 'speaker')),"
     "  PRIMARY KEY (kind, fact_id, person_id, role)"
     ") WITHOUT ROWID;"
     "CREATE INDEX fact_people_by_person ON fact_people (person_id, kind, fact_id);"
     "INSERT OR IGNORE INTO fact_people (kind, fact_id, person_id, role)"
     "  SELECT 'agreement', a.id, json_extract(s.value, '$.person_id'), 'signatory'"
     "  FROM agreements AS a, json_each(a.signatories) AS s"
     "  WHERE json_valid(a.signatories) AND json_extract(s.value, '$.person_id') IN (SELECT id FROM people);"
     "INSERT OR IGNORE INTO fact_people (kind, fact_id, person_id, role)"
     "  SELECT 'meeting', m.id, json_extract(p.value, '$.person_id'), 'participant'"
     "  FROM meetings AS m, json_each(m.participants) AS p"
     "  WHERE json_valid(m.participants) AND json_extract(p.value, '$.person_id') IN (SELECT id FROM people);"
     "INSERT OR IGNORE INTO fact_people (kind, fact_id, person_id, role)"
     "  SELECT 'quote', q.id, q.speaker_person_id, 'speaker' FROM quotes AS q"
     "  WHERE q.speaker_person_id IN (SELECT id FROM people);"},
    /* Version 3: what the API filters, sorts and caches on.  Each fact keeps how many
     * articles support it (nsources, for min_sources and sort=-sources); meta keeps a
     * generation counter and the time of the last write, bumped by every write transaction
     * (ETag and Last-Modified); indexes serve the natural sort orders and the speaker and
     * source filters. */
    {3,
     "ALTER TABLE agreements ADD COLUMN nsources INTEGER NOT NULL DEFAULT 0;"
     "ALTER TABLE meetings ADD COLUMN nsources INTEGER NOT NULL DEFAULT 0;"
     "ALTER TABLE quotes ADD COLUMN nsources INTEGER NOT NULL DEFAULT 0;"
     "UPDATE agreements SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
     "  WHERE kind = 'agreement' AND fact_id = agreements.id);"
     "UPDATE meetings SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
     "  WHERE kind = 'meeting' AND fact_id = meetings.id);"
     "UPDATE quotes SET nsources = (SELECT count(DISTINCT source_id) FROM evidence"
     "  WHERE kind = 'quote' AND fact_id = quotes.id);"
     "CREATE INDEX agreements_by_signed ON agreements (signed IS NULL, coalesce(signed, ''), id);"
     "CREATE INDEX meetings_by_date ON meetings (date IS NULL, coalesce(date, ''), id);"
     "CREATE INDEX quotes_by_speaker_name ON quotes (speaker_name COLLATE NOCASE);"
     "CREATE INDEX evidence_by_source_fact ON evidence (source_id, kind, fact_id);"
     "INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', '1');"
     "INSERT OR IGNORE INTO meta (key, value)"
     "  VALUES ('modified_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));"},
    /* Version 4: full-text search (search.c).  One FTS5 row per article (name: its title,
     * body: its text), per agreement (name: its name, aliases and acronym, one a line) and
     * per quote (body: its text); kind and ref say what the row stands for.  Filled from the
     * rows already stored; write.c keeps it current. */
    {4, "CREATE VIRTUAL TABLE search_fts USING fts5 ("
        "  kind UNINDEXED, ref UNINDEXED, name, body,"
        "  tokenize = 'unicode61 remove_diacritics 2'"
        ");"
        "INSERT INTO search_fts (kind, ref, name, body)"
        "  SELECT 'source', id, coalesce(title, ''), CAST(text AS TEXT) FROM sources;"
        "INSERT INTO search_fts (kind, ref, name, body)"
        "  SELECT 'agreement', a.id, a.name"
        "    || coalesce(char(10) || (SELECT group_concat(j.value, char(10)) FROM json_each("
        "         CASE WHEN json_valid(a.aliases) THEN a.aliases ELSE '[]' END) AS j), '')"
        "    || coalesce(char(10) || a.acronym, ''), ''"
        "  FROM agreements AS a;"
        "INSERT INTO search_fts (kind, ref, name, body)"
        "  SELECT 'quote', id, '', text FROM quotes;"},
    /* Version 5: live ingestion.  source_hints keeps what a poster said of an article (one
     * row per article posted with a title, URL or date; none for articles read from files).
     * jobs is the queue of posted articles (jobs.c): seq orders it (first in, first out);
     * the text waits in the row until the job ends and is then cleared, the article being
     * stored in sources by then (or refused, with the reason in error).  attempts counts the
     * runs a crash interrupted, so that an article that brings the server down cannot do so
     * forever.  A job's source_id is no foreign key: deleting the article later leaves the
     * job's record as it was.  Timestamps are UTC ISO 8601 to the millisecond: a job lasts
     * milliseconds. */
    {5, "CREATE TABLE source_hints ("
        "  source_id TEXT PRIMARY KEY REFERENCES sources (id),"
        "  title     TEXT,"
        "  url       TEXT,"
        "  published TEXT"
        ") WITHOUT ROWID;"
        "CREATE TABLE jobs ("
        "  id             TEXT PRIMARY KEY,"
        "  seq            INTEGER NOT NULL UNIQUE,"
        "  state          TEXT NOT NULL DEFAULT 'queued'"
        "                 CHECK (state IN ('queued', 'running', 'done', 'failed')),"
        "  attempts       INTEGER NOT NULL DEFAULT 0,"
        "  created_at     TEXT NOT NULL,"
        "  started_at     TEXT,"
        "  finished_at    TEXT,"
        "  sha256         TEXT NOT NULL,"
        "  bytes          INTEGER NOT NULL CHECK (bytes >= 0),"
        "  title          TEXT,"
        "  url            TEXT,"
        "  published      TEXT,"
        "  source_id      TEXT,"
        "  already_stored INTEGER,"
        "  result         TEXT,"
        "  error          TEXT,"
        "  text           BLOB"
        ");"
        /* The oldest queued job, and the queue length, are one range scan each. */
        "CREATE INDEX jobs_by_state ON jobs (state, seq);"},
    /* Version 6: job leases, so that two servers on one database never run a job twice.  A
     * running job names the server that claimed it (owner) and holds until
     * lease_expires_at (UTC ISO 8601, like the other timestamps), which that server renews
     * while it lives; another server takes it over only once the lease has expired (or its
     * owner is known to be gone).  Jobs left running by an older factd have neither: their
     * lease counts as expired. */
    {6, "ALTER TABLE jobs ADD COLUMN owner TEXT;"
        "ALTER TABLE jobs ADD COLUMN lease_expires_at TEXT;"},
    /* Version 7: search from the index alone.  Each row of search_fts gets the rowid
     * search_rowid(kind, ref) (search.c): the kind's code above the 48 bits of the item's
     * id.  A search then filters, orders and pages by rowid and bm25, which FTS5 gives from
     * its index, instead of reading the stored row of every match for its kind and ref; an
     * article's row is deleted by its rowid.  The table is rebuilt with those rowids. */
    {7, "CREATE VIRTUAL TABLE search_fts_rowid USING fts5 ("
        "  kind UNINDEXED, ref UNINDEXED, name, body,"
        "  tokenize = 'unicode61 remove_diacritics 2'"
        ");"
        "INSERT INTO search_fts_rowid (rowid, kind, ref, name, body)"
        "  SELECT search_rowid(kind, ref), kind, ref, name, body FROM search_fts;"
        "DROP TABLE search_fts;"
        "ALTER TABLE search_fts_rowid RENAME TO search_fts;"},
    /* Version 8: the incremental merge's index (merge_index.c).  merge_sources: the articles
     * whose reports the fact set holds, with the publication date their extraction gives;
     * merge_items: each report (a person, agreement, meeting or quote an article mentions, by
     * its list and place in the extraction) with the fact it was merged into; merge_keys: the
     * blocking keys of each report (two reports that can merge share one); merge_facts: each
     * fact's merge_key (what its id is hashed from).  Empty until the next
     * merge rebuilds them ('merge_index' in meta says they are current). */
    {8, "CREATE TABLE merge_sources ("
        "  source_id TEXT PRIMARY KEY,"
        "  published TEXT"
        ") WITHOUT ROWID;"
        "CREATE TABLE merge_items ("
        "  kind      TEXT NOT NULL,"
        "  source_id TEXT NOT NULL,"
        "  idx       INTEGER NOT NULL,"
        "  fact_id   TEXT NOT NULL,"
        "  report    TEXT NOT NULL,"
        "  PRIMARY KEY (kind, source_id, idx)"
        ") WITHOUT ROWID;"
        "CREATE INDEX merge_items_by_fact ON merge_items (kind, fact_id);"
        "CREATE TABLE merge_keys ("
        "  kind      TEXT NOT NULL,"
        "  key       TEXT NOT NULL,"
        "  source_id TEXT NOT NULL,"
        "  idx       INTEGER NOT NULL,"
        "  PRIMARY KEY (kind, key, source_id, idx)"
        ") WITHOUT ROWID;"
        "CREATE INDEX merge_keys_by_item ON merge_keys (source_id, kind, idx);"
        "CREATE TABLE merge_facts ("
        "  kind      TEXT NOT NULL,"
        "  id        TEXT NOT NULL,"
        "  merge_key TEXT NOT NULL,"
        "  PRIMARY KEY (kind, id)"
        ") WITHOUT ROWID;"
        "CREATE INDEX merge_facts_by_key ON merge_facts (kind, merge_key);"},
    /* Version 9: what a fact's reports say in sum (merge_facts.summary, JSON; NULL until a
     * merge works the fact out again), so that the incremental merge adds a new report to
     * a large fact without reading the others; each blocking key's row names its report's
     * fact too (merge_keys.fact_id), so that the facts of a key are read from the key's
     * rows alone; and the articles stored since the last merge
     * (merge_pending), so that it finds them without reading every article's id
     * (merge_index.c). */
    {9, "ALTER TABLE merge_facts ADD COLUMN summary TEXT;"
        "ALTER TABLE merge_keys ADD COLUMN fact_id TEXT;"
        "UPDATE merge_keys SET fact_id = (SELECT i.fact_id FROM merge_items AS i"
        "  WHERE i.kind = merge_keys.kind AND i.source_id = merge_keys.source_id"
        "  AND i.idx = merge_keys.idx);"
        "CREATE TABLE merge_pending (source_id TEXT PRIMARY KEY) WITHOUT ROWID;"
        "INSERT INTO merge_pending (source_id) SELECT s.id FROM sources AS s"
        "  WHERE NOT EXISTS (SELECT 1 FROM merge_sources AS m WHERE m.source_id = s.id);"},
    /* Version 10: disputes, where the sources of a fact disagree (ingest/disputes.c):
     * {"attribute": [{"value", "sources", "evidence"}, ...]} as JSON, NULL when they agree.
     * The summaries of version 9 keep no votes, so the next merge of a store with articles
     * is a full one (the index is marked out of date and the facts stale). */
    {10, "ALTER TABLE people ADD COLUMN disputes TEXT;"
         "ALTER TABLE agreements ADD COLUMN disputes TEXT;"
         "ALTER TABLE meetings ADD COLUMN disputes TEXT;"
         "ALTER TABLE quotes ADD COLUMN disputes TEXT;"
         "DELETE FROM meta WHERE key = 'merge_index';"
         "UPDATE meta SET value = '1' WHERE key = 'facts_stale'"
         "  AND EXISTS (SELECT 1 FROM sources);"},
    /* Version 11: the change log (changes.c), what GET /changes serves.  One row per fact or
     * person made, changed, merged into another or gone, in the order of seq; a made or
     * changed one keeps the fact as served after the change (fact, JSON), so that its rows
     * are the versions of each fact: the version of a fact at seq S is its row of the
     * greatest seq up to S, until_seq the seq of the row after it (NULL for its latest).
     * A store that has facts already gets their versions, as made, when a factd that keeps
     * the log first opens it to write ('changes_baseline' in meta until then). */
    {11, CHANGES_TABLE("INTEGER", "TEXT") CHANGES_BASELINE},
    /* Version 12: the change log keeps the articles as /sources serves them (kind 'source'):
     * one entry when an article is stored, changed or removed, in the transaction that does
     * it, so that /sources, /stats and /search can answer as of a seq.  SQLite cannot change
     * a CHECK, so the table is made again.  A store that has articles already gets their
     * versions when a factd that keeps the log first opens it to write ('sources_baseline'
     * in meta until then); the seqs before those entries cannot tell which articles were
     * stored ('sources_logged_after' in meta, changes.c). */
    {12, "DROP INDEX changes_by_fact;"
         "ALTER TABLE changes RENAME TO changes_v11;" CHANGES_TABLE_OF(
             "INTEGER", "TEXT", CHANGES_KINDS_12) "INSERT INTO changes SELECT * FROM changes_v11;"
                                                  "DROP TABLE changes_v11;" SOURCES_BASELINE},
};

#define SCHEMA_VERSION (migrations[sizeof(migrations) / sizeof(migrations[0]) - 1].version)

/* Text that sorts and compares as SQLite's does: by code point. */
#define PG_TEXT "TEXT COLLATE \"C\""

/* The PostgreSQL schema at version 9 (PG_SCHEMA_VERSION), made in one transaction. */
#define PG_SCHEMA_VERSION 9
static const char pg_schema[] =
    "CREATE TABLE sources ("
    "  id                " PG_TEXT " PRIMARY KEY,"
    "  file              " PG_TEXT ","
    "  title             " PG_TEXT ","
    "  byline            " PG_TEXT ","
    "  dateline          " PG_TEXT ","
    "  published         " PG_TEXT ","
    "  sha256            " PG_TEXT " NOT NULL UNIQUE,"
    "  chars             BIGINT NOT NULL CHECK (chars >= 0),"
    "  extractor_version BIGINT NOT NULL,"
    "  ingested_at       " PG_TEXT " NOT NULL,"
    "  extraction        " PG_TEXT " NOT NULL,"
    "  text              BYTEA NOT NULL"
    ");"
    "CREATE TABLE people ("
    "  id      " PG_TEXT " PRIMARY KEY,"
    "  name    " PG_TEXT " NOT NULL,"
    "  title   " PG_TEXT ","
    "  aliases " PG_TEXT " NOT NULL DEFAULT '[]'"
    ");"
    "CREATE TABLE agreements ("
    "  id          " PG_TEXT " PRIMARY KEY,"
    "  name        " PG_TEXT " NOT NULL,"
    "  aliases     " PG_TEXT " NOT NULL DEFAULT '[]',"
    "  acronym     " PG_TEXT ","
    "  signed      " PG_TEXT ","
    "  place       " PG_TEXT ","
    "  parties     " PG_TEXT " NOT NULL DEFAULT '[]',"
    "  signatories " PG_TEXT " NOT NULL DEFAULT '[]',"
    "  rule        " PG_TEXT ","
    "  confidence  DOUBLE PRECISION,"
    "  nsources    BIGINT NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE meetings ("
    "  id           " PG_TEXT " PRIMARY KEY,"
    "  date         " PG_TEXT ","
    "  place        " PG_TEXT ","
    "  occasion     " PG_TEXT ","
    "  participants " PG_TEXT " NOT NULL DEFAULT '[]',"
    "  rule         " PG_TEXT ","
    "  confidence   DOUBLE PRECISION,"
    "  nsources     BIGINT NOT NULL DEFAULT 0"
    ");"
    "CREATE TABLE quotes ("
    "  id                " PG_TEXT " PRIMARY KEY,"
    "  text              " PG_TEXT " NOT NULL,"
    "  speaker_person_id " PG_TEXT ","
    "  speaker_name      " PG_TEXT ","
    "  speaker_title     " PG_TEXT ","
    "  cue               " PG_TEXT ","
    "  rule              " PG_TEXT ","
    "  confidence        DOUBLE PRECISION,"
    "  nsources          BIGINT NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX quotes_by_speaker ON quotes (speaker_person_id);"
    "CREATE INDEX quotes_by_speaker_name ON quotes (lower(speaker_name));"
    "CREATE INDEX agreements_by_signed ON agreements ((signed IS NULL), coalesce(signed, ''), id);"
    "CREATE INDEX meetings_by_date ON meetings ((date IS NULL), coalesce(date, ''), id);"
    "CREATE TABLE evidence ("
    "  kind      " PG_TEXT " NOT NULL CHECK (kind IN ('agreement', 'meeting', 'quote')),"
    "  fact_id   " PG_TEXT " NOT NULL,"
    "  source_id " PG_TEXT " NOT NULL REFERENCES sources (id),"
    "  cp_start  BIGINT NOT NULL CHECK (cp_start >= 0),"
    "  cp_end    BIGINT NOT NULL CHECK (cp_end > cp_start),"
    "  excerpt   " PG_TEXT " NOT NULL DEFAULT '',"
    "  PRIMARY KEY (kind, fact_id, source_id, cp_start, cp_end)"
    ");"
    "CREATE INDEX evidence_by_source ON evidence (source_id, cp_start);"
    "CREATE INDEX evidence_by_source_fact ON evidence (source_id, kind, fact_id);"
    "CREATE TABLE meta ("
    "  key   " PG_TEXT " PRIMARY KEY,"
    "  value " PG_TEXT ");"
    "CREATE TABLE fact_people ("
    "  kind      " PG_TEXT " NOT NULL CHECK (kind IN ('agreement', 'meeting', 'quote')),"
    "  fact_id   " PG_TEXT " NOT NULL,"
    "  person_id " PG_TEXT " NOT NULL REFERENCES people (id),"
    "  role      " PG_TEXT " NOT NULL CHECK (role IN ('signatory', 'participant', 'speaker')),"
    "  PRIMARY KEY (kind, fact_id, person_id, role)"
    ");"
    "CREATE INDEX fact_people_by_person ON fact_people (person_id, kind, fact_id);"
    /* search.c's search_rowid(): the kind's code above the id's 48 bits (an id that is not
     * 12 hex digits, which factd never makes, gives 48 bits of its MD5 here). */
    "CREATE FUNCTION search_rowid(kind text, ref text) RETURNS bigint"
    " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$"
    "  SELECT (CASE kind WHEN 'agreement' THEN 1 WHEN 'quote' THEN 2 WHEN 'source' THEN 3 END)::bigint << 48"
    "    | CASE WHEN ref ~ '^[0-9a-f]{12}$' THEN ('x' || lpad(ref, 16, '0'))::bit(64)::bigint"
    "      ELSE ('x' || lpad(substr(md5(ref), 1, 12), 16, '0'))::bit(64)::bigint END"
    "$$;"
    "CREATE TABLE search_fts ("
    "  rowid BIGINT PRIMARY KEY,"
    "  kind  " PG_TEXT " NOT NULL,"
    "  ref   " PG_TEXT " NOT NULL,"
    "  name  " PG_TEXT " NOT NULL,"
    "  body  " PG_TEXT " NOT NULL,"
    /* The row's terms as FTS5's tokenizer makes them (search.c), the name's weighted A and
     * the body's D; NULL until the transaction that added the row fills it. */
    "  doc   tsvector,"
    "  ntokens integer"
    ");"
    "CREATE INDEX search_fts_doc ON search_fts USING gin (doc);"
    "CREATE INDEX search_fts_unfilled ON search_fts (rowid) WHERE doc IS NULL;"
    "CREATE TABLE search_pending (source_id " PG_TEXT " PRIMARY KEY);"
    /* FTS5's bm25 of a row (fts5_aux.c, fts5Bm25Function; search.c): for each phrase of the
     * query ("term term term*", its last term a prefix when it ends in '*'; "A:" or "D:"
     * before it when a filter keeps it to the name or the body), its instances
     * in the row, each weighing its column's weight (name, weight A: 4; body, D: 1), then
     * k1 = 1.2, b = 0.75 against the row's length in terms and the mean one; negated, so
     * that lower is better.  A phrase's instance is where its first term is and the others
     * follow it. */
    "CREATE FUNCTION search_bm25(doc tsvector, ntokens integer, avgdl float8, phrases text[],"
    "  idfs float8[]) RETURNS float8 LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$"
    "DECLARE"
    "  k1 CONSTANT float8 := 1.2;"
    "  b CONSTANT float8 := 0.75;"
    "  score float8 := 0.0;"
    "  freq float8;"
    "  terms text[];"
    "  n integer;"
    "  prefix boolean;"
    "  col text;"
    "BEGIN"
    "  FOR i IN 1 .. coalesce(cardinality(phrases), 0) LOOP"
    "    col := CASE WHEN substr(phrases[i], 2, 1) = ':' THEN left(phrases[i], 1) END;"
    "    terms := string_to_array(CASE WHEN col IS NULL THEN phrases[i]"
    "      ELSE substr(phrases[i], 3) END, ' ');"
    "    n := cardinality(terms);"
    "    prefix := right(terms[n], 1) = '*';"
    "    IF prefix THEN terms[n] := left(terms[n], -1); END IF;"
    "    WITH hit AS ("
    "      SELECT q.k, x.pos - (q.k - 1) AS start, x.w"
    "      FROM unnest(terms) WITH ORDINALITY AS q(term, k), unnest(doc) AS u,"
    "        unnest(u.positions, u.weights) AS x(pos, w)"
    "      WHERE u.lexeme = q.term"
    "        OR (prefix AND q.k = n AND left(u.lexeme, length(q.term)) = q.term))"
    "    SELECT coalesce(sum(CASE WHEN f.w = 'A' THEN CAST(4 AS float8) ELSE CAST(1 AS float8) END),"
    "      0) INTO freq"
    "    FROM hit AS f WHERE f.k = 1 AND (col IS NULL OR f.w = col)"
    "      AND (SELECT count(DISTINCT o.k) FROM hit AS o WHERE o.start = f.start) = n;"
    "    score := score + idfs[i] * ((freq * (k1 + CAST(1 AS float8)))"
    "      / (freq + k1 * (CAST(1 AS float8) - b + b * coalesce(ntokens, 0) / avgdl)));"
    "  END LOOP;"
    "  RETURN -score;"
    "END"
    "$$;"
    "CREATE TABLE source_hints ("
    "  source_id " PG_TEXT " PRIMARY KEY REFERENCES sources (id),"
    "  title     " PG_TEXT ","
    "  url       " PG_TEXT ","
    "  published " PG_TEXT ");"
    "CREATE TABLE jobs ("
    "  id               " PG_TEXT " PRIMARY KEY,"
    "  seq              BIGINT NOT NULL UNIQUE,"
    "  state            " PG_TEXT " NOT NULL DEFAULT 'queued'"
    "                   CHECK (state IN ('queued', 'running', 'done', 'failed')),"
    "  attempts         BIGINT NOT NULL DEFAULT 0,"
    "  created_at       " PG_TEXT " NOT NULL,"
    "  started_at       " PG_TEXT ","
    "  finished_at      " PG_TEXT ","
    "  sha256           " PG_TEXT " NOT NULL,"
    "  bytes            BIGINT NOT NULL CHECK (bytes >= 0),"
    "  title            " PG_TEXT ","
    "  url              " PG_TEXT ","
    "  published        " PG_TEXT ","
    "  source_id        " PG_TEXT ","
    "  already_stored   BIGINT,"
    "  result           " PG_TEXT ","
    "  error            " PG_TEXT ","
    "  text             BYTEA,"
    "  owner            " PG_TEXT ","
    "  lease_expires_at " PG_TEXT ");"
    "CREATE INDEX jobs_by_state ON jobs (state, seq);"
    "CREATE TABLE merge_sources ("
    "  source_id " PG_TEXT " PRIMARY KEY,"
    "  published " PG_TEXT ");"
    "CREATE TABLE merge_items ("
    "  kind      " PG_TEXT " NOT NULL,"
    "  source_id " PG_TEXT " NOT NULL,"
    "  idx       BIGINT NOT NULL,"
    "  fact_id   " PG_TEXT " NOT NULL,"
    "  report    " PG_TEXT " NOT NULL,"
    "  PRIMARY KEY (kind, source_id, idx)"
    ");"
    "CREATE INDEX merge_items_by_fact ON merge_items (kind, fact_id);"
    "CREATE TABLE merge_keys ("
    "  kind      " PG_TEXT " NOT NULL,"
    "  key       " PG_TEXT " NOT NULL,"
    "  source_id " PG_TEXT " NOT NULL,"
    "  idx       BIGINT NOT NULL,"
    "  fact_id   " PG_TEXT ","
    "  PRIMARY KEY (kind, key, source_id, idx)"
    ");"
    "CREATE INDEX merge_keys_by_item ON merge_keys (source_id, kind, idx);"
    "CREATE TABLE merge_facts ("
    "  kind      " PG_TEXT " NOT NULL,"
    "  id        " PG_TEXT " NOT NULL,"
    "  merge_key " PG_TEXT " NOT NULL,"
    "  summary   " PG_TEXT ","
    "  PRIMARY KEY (kind, id)"
    ");"
    "CREATE INDEX merge_facts_by_key ON merge_facts (kind, merge_key);"
    "CREATE TABLE merge_pending (source_id " PG_TEXT " PRIMARY KEY);"
    "INSERT INTO meta (key, value) VALUES ('facts_stale', '0'), ('generation', '1'),"
    "  ('modified_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')),"
    "  ('schema_version', '9');";

/* A trigger of the change log on PostgreSQL (version 11): after `events` on `table`, the
 * row's fact (of kind `kind`, or the row's own kind when empty; its id in the column `id`)
 * is noted, in a session that keeps the log. */
#define CHANGES_TRIGGER_PG(table, events, kind, id)                               \
    "CREATE TRIGGER " table "_changes AFTER " events " ON " table " FOR EACH ROW" \
    " WHEN (current_setting('factd.changes', true) = 'on')"                       \
    " EXECUTE FUNCTION changes_touch('" kind "', '" id "');"

/* The function the change log's triggers run on PostgreSQL (version 11): it notes the fact
 * of the old and of the new row, of the kind its first argument names (the row's own kind
 * when empty), by the column its second argument names. */
#define CHANGES_TOUCH_PG                                                                \
    "CREATE FUNCTION changes_touch() RETURNS trigger LANGUAGE plpgsql AS $$"            \
    "DECLARE r jsonb;"                                                                  \
    "BEGIN"                                                                             \
    "  FOREACH r IN ARRAY ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,"    \
    "    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END] LOOP"                      \
    "    IF r IS NOT NULL THEN"                                                         \
    "      INSERT INTO pg_temp.changes_touched (kind, id)"                              \
    "        VALUES (coalesce(nullif(TG_ARGV[0], ''), r ->> 'kind'), r ->> TG_ARGV[1])" \
    "        ON CONFLICT DO NOTHING;"                                                   \
    "    END IF;"                                                                       \
    "  END LOOP;"                                                                       \
    "  RETURN NULL;"                                                                    \
    "END"                                                                               \
    "$$;"
/* The triggers on the tables that SQLite's handles watch with triggers of their own
 * (changes.c), to the same ends. */
#define CHANGES_ROW_EVENTS "INSERT OR UPDATE OR DELETE"
#define CHANGES_TRIGGERS_PG                                                      \
    CHANGES_TRIGGER_PG("people", CHANGES_ROW_EVENTS, "person", "id")             \
    CHANGES_TRIGGER_PG("agreements", CHANGES_ROW_EVENTS, "agreement", "id")      \
    CHANGES_TRIGGER_PG("meetings", CHANGES_ROW_EVENTS, "meeting", "id")          \
    CHANGES_TRIGGER_PG("quotes", CHANGES_ROW_EVENTS, "quote", "id")              \
    CHANGES_TRIGGER_PG("evidence", CHANGES_ROW_EVENTS, "", "fact_id")            \
    CHANGES_TRIGGER_PG("fact_people", CHANGES_ROW_EVENTS, "person", "person_id") \
    CHANGES_TRIGGER_PG("sources", "DELETE", "source", "id")                      \
    CHANGES_TRIGGER_PG("merge_pending", "DELETE", "source", "source_id")

/* PostgreSQL's migrations after pg_schema, each as SQLite's of the same version.  Each
 * bumps meta's schema_version. */
static const migration pg_migrations[] = {
    {PG_SCHEMA_VERSION, NULL},
    {10, "ALTER TABLE people ADD COLUMN disputes TEXT;"
         "ALTER TABLE agreements ADD COLUMN disputes TEXT;"
         "ALTER TABLE meetings ADD COLUMN disputes TEXT;"
         "ALTER TABLE quotes ADD COLUMN disputes TEXT;"
         "DELETE FROM meta WHERE key = 'merge_index';"
         "UPDATE meta SET value = '1' WHERE key = 'facts_stale'"
         "  AND EXISTS (SELECT 1 FROM sources);"},
    /* The change log as SQLite's version 11, and what SQLite's handles make for themselves
     * (changes.c): a trigger on each table a fact is read from notes the fact it touches in
     * the session's table changes_touched, and one on the articles and the merge's queue
     * notes the article a write is about; only in a session that keeps the log (the setting
     * factd.changes), so that other sessions need no such table. */
    {11, CHANGES_TABLE("BIGINT", PG_TEXT) CHANGES_BASELINE CHANGES_TOUCH_PG CHANGES_TRIGGERS_PG},
    /* As SQLite's version 12: the articles' versions too, noted (as 'article', the kind
     * 'source' being the article a write is about) on every change of a row of sources. */
    {12,
     "ALTER TABLE changes DROP CONSTRAINT changes_kind_check;"
     "ALTER TABLE changes ADD CONSTRAINT changes_kind_check CHECK (kind IN (" CHANGES_KINDS_12 "));"
     "CREATE TRIGGER sources_versions AFTER " CHANGES_ROW_EVENTS " ON sources FOR EACH ROW"
     " WHEN (current_setting('factd.changes', true) = 'on')"
     " EXECUTE FUNCTION changes_touch('article', 'id');" SOURCES_BASELINE},
};
#define PG_SCHEMA_CURRENT \
    (pg_migrations[sizeof(pg_migrations) / sizeof(pg_migrations[0]) - 1].version)

/* The schema version of a PostgreSQL database: 0 when it has no tables yet. */
static int schema_version_pg(store *st, int *version)
{
    *version = 0;
    db_stmt *stmt = db_prepare(st->conn, "SELECT to_regclass('meta') IS NOT NULL");
    int rc = stmt ? db_step(stmt) : DB_ERROR;
    bool made = rc == DB_ROW && db_column_int64(stmt, 0);
    db_finalize(stmt);
    if (rc != DB_ROW)
        return store_db_fail(st, "reading the schema version");
    if (!made)
        return STORE_OK;
    stmt = db_prepare(st->conn, "SELECT value FROM meta WHERE key = 'schema_version'");
    rc = stmt ? db_step(stmt) : DB_ERROR;
    if (rc == DB_ROW)
        *version = atoi(db_column_text(stmt, 0, NULL) ? db_column_text(stmt, 0, NULL) : "0");
    db_finalize(stmt);
    if (rc != DB_ROW && rc != DB_DONE)
        return store_db_fail(st, "reading the schema version");
    return STORE_OK;
}

static int schema_version(store *st, int *version)
{
    if (store_pg(st))
        return schema_version_pg(st, version);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        store_sql_fail(st, "reading the schema version");
        sqlite3_finalize(stmt);
        return STORE_ERROR;
    }
    *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return STORE_OK;
}

int store_schema_current(bool postgres)
{
    return postgres ? PG_SCHEMA_CURRENT : SCHEMA_VERSION;
}

int store_check_schema(store *st)
{
    int version;
    if (schema_version(st, &version))
        return STORE_ERROR;
    if (version == 0)
        return store_fail(st, "not a factd database yet (run 'factd ingest' on it first)");
    int current = store_pg(st) ? PG_SCHEMA_CURRENT : SCHEMA_VERSION;
    if (version != current)
        return store_fail(st, "schema version %d, this factd reads version %d%s", version, current,
                          version < current ? " (open it read-write once to migrate)" : "");
    return STORE_OK;
}

static int migrate_pg_locked(store *st);

/* store_migrate() on PostgreSQL: the schema script on an empty database, then the
 * migrations after it, in one transaction that holds the write lock (store.c), so that two
 * processes starting at once migrate once.  The lock is taken for the session before the
 * transaction begins: a transaction sees the tables another made only if it began after
 * that one committed (the catalog is read afresh when a transaction starts, not when it
 * waits for an advisory lock). */
static int migrate_pg(store *st)
{
    int version;
    if (schema_version(st, &version))
        return STORE_ERROR;
    if (version == PG_SCHEMA_CURRENT)
        return STORE_OK;
    if (version > PG_SCHEMA_CURRENT)
        return store_fail(st, "schema version %d is newer than this factd (%d)", version,
                          PG_SCHEMA_CURRENT);
    if (db_exec(st->conn, "SELECT pg_advisory_lock(" STORE_WRITE_LOCK ")") != DB_OK)
        return store_db_fail(st, "waiting to migrate");
    int rc = migrate_pg_locked(st);
    if (db_exec(st->conn, "SELECT pg_advisory_unlock(" STORE_WRITE_LOCK ")") != DB_OK &&
        rc == STORE_OK)
        rc = store_db_fail(st, "migrating");
    return rc;
}

/* migrate_pg() once the session holds the lock. */
static int migrate_pg_locked(store *st)
{
    int version;
    if (store_begin_write(st))
        return STORE_ERROR;
    if (schema_version(st, &version))
        goto fail;
    if (version == 0 && db_exec(st->conn, pg_schema) != DB_OK) {
        store_db_fail(st, "creating the tables");
        goto fail;
    }
    for (size_t i = 0; i < sizeof(pg_migrations) / sizeof(pg_migrations[0]); i++) {
        const migration *m = &pg_migrations[i];
        char bump[96];
        if (m->version <= version || !m->sql)
            continue;
        snprintf(bump, sizeof(bump), "UPDATE meta SET value = '%d' WHERE key = 'schema_version'",
                 m->version);
        if (db_exec(st->conn, m->sql) != DB_OK || db_exec(st->conn, bump) != DB_OK) {
            store_fail(st, "migration %d: %s", m->version, db_errmsg(st->conn));
            goto fail;
        }
    }
    return store_commit(st);

fail:
    store_rollback(st);
    return STORE_ERROR;
}

int store_migrate(store *st)
{
    if (store_pg(st))
        return migrate_pg(st);
    int version;
    if (schema_version(st, &version))
        return STORE_ERROR;
    if (version == SCHEMA_VERSION)
        return STORE_OK;
    if (version > SCHEMA_VERSION)
        return store_fail(st, "schema version %d is newer than this factd (%d)", version,
                          SCHEMA_VERSION);

    if (store_begin_write(st))
        return STORE_ERROR;
    /* Another process may have migrated while this one waited for the lock. */
    if (schema_version(st, &version))
        goto fail;
    for (size_t i = 0; i < sizeof(migrations) / sizeof(migrations[0]); i++) {
        const migration *m = &migrations[i];
        char bump[64];
        if (m->version <= version)
            continue;
        if (sqlite3_exec(st->db, m->sql, NULL, NULL, NULL) != SQLITE_OK) {
            store_fail(st, "migration %d: %s", m->version, sqlite3_errmsg(st->db));
            goto fail;
        }
        snprintf(bump, sizeof(bump), "PRAGMA user_version = %d", m->version);
        if (sqlite3_exec(st->db, bump, NULL, NULL, NULL) != SQLITE_OK) {
            store_sql_fail(st, "setting the schema version");
            goto fail;
        }
    }
    return store_commit(st);

fail:
    store_rollback(st);
    return STORE_ERROR;
}
