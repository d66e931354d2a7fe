-- Migration 1: the first newsprism store layout.
-- Articles are keyed by a hash of their content, so the same input stored twice is one row.
-- Each analysis table is keyed by story, so re-analysing a story replaces its rows.

CREATE TABLE articles (
    id            VARCHAR PRIMARY KEY,
    source_path   VARCHAR NOT NULL,
    record        INTEGER,
    outlet        VARCHAR,
    url           VARCHAR,
    title         VARCHAR,
    byline        VARCHAR,
    published     VARCHAR,            -- as in the model (ISO 8601 date or datetime)
    published_at  TIMESTAMP,          -- parsed copy of `published` for date filters and sorting
    text          VARCHAR NOT NULL,
    comments      JSON NOT NULL,
    removed       JSON NOT NULL,
    stored_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE failures (
    input_ref    VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,
    code         VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,
    recorded_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (input_ref, stage, code, message)
);

CREATE TABLE stories (
    id               VARCHAR PRIMARY KEY,
    title            VARCHAR NOT NULL,
    first_published  TIMESTAMP,
    last_published   TIMESTAMP,
    n_articles       INTEGER NOT NULL DEFAULT 0,
    outlets          JSON NOT NULL DEFAULT '[]',   -- [{"name", "articles"}], most articles first
    outlet_names     VARCHAR[] NOT NULL DEFAULT [],
    n_facts          INTEGER NOT NULL DEFAULT 0,
    n_conflicts      INTEGER NOT NULL DEFAULT 0,
    n_quotes         INTEGER NOT NULL DEFAULT 0,
    analysed         BOOLEAN NOT NULL DEFAULT false,
    report           JSON,               -- the full Report of this story, for exact round-trips
    updated_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE story_articles (
    story_id    VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    PRIMARY KEY (story_id, article_id)
);

CREATE TABLE entities (
    story_id  VARCHAR NOT NULL,
    id        VARCHAR NOT NULL,
    name      VARCHAR NOT NULL,
    type      VARCHAR NOT NULL,
    aliases   VARCHAR[] NOT NULL,
    data      JSON NOT NULL,
    PRIMARY KEY (story_id, id)
);

CREATE TABLE facts (
    story_id             VARCHAR NOT NULL,
    id                   VARCHAR NOT NULL,
    text                 VARCHAR NOT NULL,
    article_ids          VARCHAR[] NOT NULL,
    independent_sources  INTEGER NOT NULL,
    claim_of             VARCHAR,
    exclusive            BOOLEAN NOT NULL,
    data                 JSON NOT NULL,
    PRIMARY KEY (story_id, id)
);

CREATE TABLE conflicts (
    story_id   VARCHAR NOT NULL,
    id         VARCHAR NOT NULL,
    about      VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    positions  VARCHAR NOT NULL,      -- "value [n articles]; ..." for CSV readers
    data       JSON NOT NULL,
    PRIMARY KEY (story_id, id)
);

CREATE TABLE quotes (
    story_id           VARCHAR NOT NULL,
    seq                INTEGER NOT NULL,
    id                 VARCHAR NOT NULL,
    speaker            VARCHAR,
    speaker_entity_id  VARCHAR,
    channel            VARCHAR,
    variants           INTEGER NOT NULL,
    first_variant      VARCHAR,
    data               JSON NOT NULL,
    PRIMARY KEY (story_id, seq)
);

CREATE TABLE framing (
    story_id           VARCHAR NOT NULL,
    seq                INTEGER NOT NULL,
    article_id         VARCHAR NOT NULL,
    term               VARCHAR NOT NULL,
    category           VARCHAR NOT NULL,
    target_entity_id   VARCHAR,
    voice              VARCHAR NOT NULL,
    speaker_entity_id  VARCHAR,
    evidence_text      VARCHAR NOT NULL,
    evidence_start     INTEGER NOT NULL,
    evidence_end       INTEGER NOT NULL,
    PRIMARY KEY (story_id, seq)
);

CREATE TABLE claims (
    story_id        VARCHAR NOT NULL,
    id              VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    attributed_to   VARCHAR,
    data            JSON NOT NULL,
    PRIMARY KEY (story_id, id)
);

CREATE TABLE timeline (
    story_id     VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    date         VARCHAR NOT NULL,
    event        VARCHAR NOT NULL,
    article_ids  VARCHAR[] NOT NULL,
    data         JSON NOT NULL,
    PRIMARY KEY (story_id, seq)
);

CREATE TABLE summary (
    story_id     VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    article_ids  VARCHAR[] NOT NULL,
    PRIMARY KEY (story_id, seq)
);

-- Small key/value facts about the store itself (e.g. whether the search index is stale).
CREATE TABLE store_meta (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);
