-- Migration 4: binary state kept between runs, one value per key (e.g. the pickled
-- StoryIndex that lets `newsprism ingest` add new articles to existing stories).

CREATE TABLE store_blobs (
    key    VARCHAR PRIMARY KEY,
    value  BLOB NOT NULL
);
