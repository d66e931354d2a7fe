-- Migration 5: an article keeps what its input said about when the page was saved or fetched
-- (CleanArticle.captured: a WARC-Date, an MHTML Date header, a saved page's stamp, a JSONL
-- capture field, a fetched URL's Date header; never the publication date) and a live page's
-- entries with their times (CleanArticle.entries), so an article read back from the store is
-- the one that went in. Articles stored before this migration had neither: NULL and [].

ALTER TABLE articles ADD COLUMN captured VARCHAR;
ALTER TABLE articles ADD COLUMN entries JSON DEFAULT '[]';
UPDATE articles SET entries = '[]' WHERE entries IS NULL;
