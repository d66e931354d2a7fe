-- Every query the store runs, by name. `Store` loads this file once; a block starts at a
-- `-- name: NAME` line. Parameters are DuckDB named parameters ($name). Bulk inserts read a
-- newline-delimited JSON file the store writes ($path): DuckDB reads it in C, which is ~100x
-- faster than inserting row by row from Python.

-- name: create_migrations_table
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- name: migrations_table_exists
SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations';

-- name: schema_version
SELECT coalesce(max(version), 0) FROM schema_migrations;

-- name: record_migration
INSERT INTO schema_migrations (version, name) VALUES ($version, $name);

-- name: get_meta
SELECT value FROM store_meta WHERE key = $key;

-- name: set_meta
INSERT OR REPLACE INTO store_meta (key, value) VALUES ($key, $value);

-- name: get_blob
SELECT value FROM store_blobs WHERE key = $key;

-- name: set_blob
INSERT OR REPLACE INTO store_blobs (key, value) VALUES ($key, $value);

-- name: search_index_exists
SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_articles';

-- name: rebuild_search_index
PRAGMA create_fts_index('articles', 'id', 'title', 'text', overwrite = 1);

-- ------------------------------------------------------------------ writes

-- name: known_ids
SELECT id FROM articles WHERE id IN (SELECT unnest(string_split($ids, ',')));

-- name: insert_articles
INSERT INTO articles (id, source_path, record, outlet, url, title, byline, published, published_at, captured, text, comments, removed, entries)
SELECT id, source_path, record, outlet, url, title, byline, published, published_at, captured, text, comments, removed, entries
FROM read_json($path, format = 'newline_delimited', columns = {
    id: 'VARCHAR', source_path: 'VARCHAR', record: 'INTEGER', outlet: 'VARCHAR', url: 'VARCHAR',
    title: 'VARCHAR', byline: 'VARCHAR', published: 'VARCHAR', published_at: 'TIMESTAMP', captured: 'VARCHAR',
    text: 'VARCHAR', comments: 'JSON', removed: 'JSON', entries: 'JSON'})
ON CONFLICT DO NOTHING;

-- name: replace_articles
INSERT OR REPLACE INTO articles (id, source_path, record, outlet, url, title, byline, published, published_at, captured, text, comments, removed, entries)
SELECT id, source_path, record, outlet, url, title, byline, published, published_at, captured, text, comments, removed, entries
FROM read_json($path, format = 'newline_delimited', columns = {
    id: 'VARCHAR', source_path: 'VARCHAR', record: 'INTEGER', outlet: 'VARCHAR', url: 'VARCHAR',
    title: 'VARCHAR', byline: 'VARCHAR', published: 'VARCHAR', published_at: 'TIMESTAMP', captured: 'VARCHAR',
    text: 'VARCHAR', comments: 'JSON', removed: 'JSON', entries: 'JSON'});

-- name: insert_failures
INSERT INTO failures (input_ref, stage, code, message)
SELECT input_ref, stage, code, message
FROM read_json($path, format = 'newline_delimited', columns = {
    input_ref: 'VARCHAR', stage: 'VARCHAR', code: 'VARCHAR', message: 'VARCHAR'})
ON CONFLICT DO NOTHING;

-- name: stories_losing_articles
SELECT DISTINCT story_id FROM story_articles
WHERE article_id IN (SELECT unnest($article_ids::VARCHAR[]))
  AND story_id NOT IN (SELECT unnest($story_ids::VARCHAR[]));

-- name: delete_memberships
DELETE FROM story_articles
WHERE story_id IN (SELECT unnest($story_ids::VARCHAR[]))
   OR article_id IN (SELECT unnest($article_ids::VARCHAR[]));

-- name: insert_memberships
INSERT INTO story_articles (story_id, article_id)
SELECT DISTINCT story_id, article_id
FROM read_json($path, format = 'newline_delimited', columns = {story_id: 'VARCHAR', article_id: 'VARCHAR'});

-- name: upsert_stories
INSERT OR REPLACE INTO stories (id, title, n_facts, n_conflicts, n_quotes, analysed, report)
SELECT id, title, n_facts, n_conflicts, n_quotes, analysed, report
FROM read_json($path, format = 'newline_delimited', columns = {
    id: 'VARCHAR', title: 'VARCHAR', n_facts: 'INTEGER', n_conflicts: 'INTEGER', n_quotes: 'INTEGER',
    analysed: 'BOOLEAN', report: 'JSON'});

-- name: upsert_groups
-- A regrouped story keeps its analysis only while its members are unchanged.
INSERT OR REPLACE INTO stories (id, title, n_facts, n_conflicts, n_quotes, analysed, report)
SELECT g.id, g.title,
       CASE WHEN same THEN s.n_facts ELSE 0 END,
       CASE WHEN same THEN s.n_conflicts ELSE 0 END,
       CASE WHEN same THEN s.n_quotes ELSE 0 END,
       coalesce(same AND s.analysed, false),
       CASE WHEN same THEN s.report ELSE NULL END
FROM (
    SELECT g.*, (SELECT list_sort(list(sa.article_id)) FROM story_articles sa WHERE sa.story_id = g.id)
                = list_sort(g.article_ids) AS same
    FROM read_json($path, format = 'newline_delimited', columns = {
        id: 'VARCHAR', title: 'VARCHAR', article_ids: 'VARCHAR[]'}) g
) g
LEFT JOIN stories s ON s.id = g.id;

-- name: refresh_story_stats
UPDATE stories SET
    n_articles = st.n_articles,
    first_published = st.first_published,
    last_published = st.last_published,
    outlets = coalesce(st.outlets, '[]'),
    outlet_names = coalesce(st.outlet_names, []),
    updated_at = current_timestamp
FROM (
    SELECT base.story_id, base.n_articles, base.first_published, base.last_published, agg.outlets, agg.outlet_names
    FROM (
        SELECT sa.story_id, count(*) AS n_articles,
               min(a.published_at) AS first_published, max(a.published_at) AS last_published
        FROM story_articles sa JOIN articles a ON a.id = sa.article_id
        WHERE sa.story_id IN (SELECT unnest($story_ids::VARCHAR[]))
        GROUP BY sa.story_id
    ) base
    LEFT JOIN (
        SELECT story_id,
               to_json(list({'name': outlet, 'articles': n} ORDER BY n DESC, outlet)) AS outlets,
               list(outlet ORDER BY outlet) AS outlet_names
        FROM (
            SELECT sa.story_id, a.outlet, count(*) AS n
            FROM story_articles sa JOIN articles a ON a.id = sa.article_id
            WHERE sa.story_id IN (SELECT unnest($story_ids::VARCHAR[])) AND a.outlet IS NOT NULL
            GROUP BY sa.story_id, a.outlet
        ) per_outlet
        GROUP BY story_id
    ) agg ON agg.story_id = base.story_id
) st
WHERE stories.id = st.story_id;

-- name: delete_empty_stories
DELETE FROM stories
WHERE id IN (SELECT unnest($story_ids::VARCHAR[]))
  AND id NOT IN (SELECT story_id FROM story_articles);

-- name: delete_story_rows
-- Run once per analysis table (the table name is the only thing formatted in).
DELETE FROM {table} WHERE story_id IN (SELECT unnest($story_ids::VARCHAR[]));

-- name: insert_entities
INSERT INTO entities SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', id: 'VARCHAR', name: 'VARCHAR', type: 'VARCHAR', aliases: 'VARCHAR[]', data: 'JSON'});

-- name: insert_facts
INSERT INTO facts (story_id, id, text, article_ids, independent_sources, claim_of, exclusive, data, outlets)
SELECT story_id, id, text, article_ids, independent_sources, claim_of, exclusive, data, outlets
FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', id: 'VARCHAR', text: 'VARCHAR', article_ids: 'VARCHAR[]',
    independent_sources: 'INTEGER', claim_of: 'VARCHAR', exclusive: 'BOOLEAN', data: 'JSON', outlets: 'VARCHAR[]'});

-- name: insert_conflicts
INSERT INTO conflicts SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', id: 'VARCHAR', about: 'VARCHAR', kind: 'VARCHAR', positions: 'VARCHAR', data: 'JSON'});

-- name: insert_quotes
INSERT INTO quotes SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', seq: 'INTEGER', id: 'VARCHAR', speaker: 'VARCHAR', speaker_entity_id: 'VARCHAR',
    channel: 'VARCHAR', variants: 'INTEGER', first_variant: 'VARCHAR', data: 'JSON'});

-- name: insert_framing
INSERT INTO framing SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', seq: 'INTEGER', article_id: 'VARCHAR', term: 'VARCHAR', category: 'VARCHAR',
    target_entity_id: 'VARCHAR', voice: 'VARCHAR', speaker_entity_id: 'VARCHAR',
    evidence_text: 'VARCHAR', evidence_start: 'INTEGER', evidence_end: 'INTEGER'});

-- name: insert_claims
INSERT INTO claims SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', id: 'VARCHAR', article_id: 'VARCHAR', sentence_index: 'INTEGER', text: 'VARCHAR',
    attributed_to: 'VARCHAR', data: 'JSON'});

-- name: insert_timeline
INSERT INTO timeline SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', seq: 'INTEGER', date: 'VARCHAR', event: 'VARCHAR', article_ids: 'VARCHAR[]', data: 'JSON'});

-- name: insert_summary
INSERT INTO summary SELECT * FROM read_json($path, format = 'newline_delimited', columns = {
    story_id: 'VARCHAR', seq: 'INTEGER', text: 'VARCHAR', article_ids: 'VARCHAR[]'});

-- ------------------------------------------------------------------ reads

-- name: story_report
SELECT report FROM stories WHERE id = $id;

-- name: story_exists
SELECT title FROM stories WHERE id = $id;

-- name: story_member_ids
SELECT article_id FROM story_articles WHERE story_id = $id ORDER BY article_id;

-- name: all_groups
SELECT s.id, s.title, list(sa.article_id ORDER BY sa.article_id)
FROM stories s JOIN story_articles sa ON sa.story_id = s.id
GROUP BY s.id, s.title ORDER BY s.id;

-- name: articles_by_ids
SELECT id, source_path, record, outlet, url, title, byline, published, text, comments, removed, captured, entries
FROM articles WHERE id IN (SELECT unnest($ids::VARCHAR[]));

-- name: article_page
SELECT id, source_path, record, outlet, url, title, byline, published, text, comments, removed, captured, entries
FROM articles ORDER BY id LIMIT $limit OFFSET $offset;

-- name: article_story_ids
SELECT story_id FROM story_articles WHERE article_id = $id ORDER BY story_id;

-- name: count_articles
SELECT count(*) FROM articles;

-- name: list_failures
SELECT input_ref, stage, code, message FROM failures ORDER BY recorded_at, input_ref LIMIT $limit;

-- name: list_stories
-- Newest first. The WHERE clause is the AND of the story_filter_* blocks for the filters in use (only
-- those, so the unfiltered list stays a plain top-N scan); `total` counts every match.
SELECT id, title, first_published, last_published, n_articles, outlets, n_facts, n_conflicts, n_quotes, analysed,
       count(*) OVER () AS total
FROM stories
WHERE {where}
ORDER BY last_published DESC NULLS LAST, id
LIMIT $limit OFFSET $offset;

-- name: list_stories_unfiltered
-- The same page without filters, by position (see migration 3): no sort, no window.
SELECT id, title, first_published, last_published, n_articles, outlets, n_facts, n_conflicts, n_quotes, analysed,
       $total::BIGINT AS total  -- counted apart: a count subquery here costs more than the page
FROM stories
WHERE recency > $offset AND recency <= $offset + $limit
ORDER BY recency;

-- name: refresh_recency
UPDATE stories SET recency = ranked.position
FROM (
    SELECT id, row_number() OVER (ORDER BY last_published DESC NULLS LAST, id) AS position FROM stories
) ranked
WHERE stories.id = ranked.id AND stories.recency IS DISTINCT FROM ranked.position;

-- name: story_filter_outlet
list_contains(outlet_names, $outlet::VARCHAR)

-- name: story_filter_exclude_outlet
NOT list_contains(outlet_names, $exclude_outlet::VARCHAR)

-- name: story_filter_min_outlets
len(outlet_names) >= $min_outlets

-- name: story_filter_date_from
last_published >= $date_from::TIMESTAMP

-- name: story_filter_date_to
first_published < $date_to::TIMESTAMP

-- name: story_filter_q_fts
-- Stories with an article holding every term of $q (stopwords aside), from the fts index tables.
id IN (
    WITH qt AS (
        SELECT DISTINCT stem(w, 'porter') AS term
        FROM (SELECT unnest(fts_main_articles.tokenize($q)) AS w)
        WHERE w <> '' AND w NOT IN (SELECT sw FROM fts_main_articles.stopwords)
    )
    SELECT sa.story_id
    FROM (
        SELECT t.docid
        FROM fts_main_articles.terms t
        JOIN fts_main_articles.dict d ON d.termid = t.termid
        JOIN qt ON qt.term = d.term
        GROUP BY t.docid
        HAVING count(DISTINCT t.termid) = (SELECT count(*) FROM qt)
    ) hit
    JOIN fts_main_articles.docs docs ON docs.docid = hit.docid
    JOIN story_articles sa ON sa.article_id = docs.name
)

-- name: story_filter_terms_like
-- The same while the search index is missing or stale: every term appears in one article.
id IN (
    SELECT sa.story_id FROM articles a JOIN story_articles sa ON sa.article_id = a.id
    WHERE list_bool_and([contains(lower(coalesce(a.title, '') || ' ' || a.text), t) FOR t IN $terms::VARCHAR[]])
)

-- name: count_stories
SELECT count(*) FROM stories;

-- name: search_fts
-- BM25 over article title and text, from the tables DuckDB's fts extension builds
-- (fts_main_articles.dict/terms/docs/stats). This is the sum match_bm25() computes (k = 1.2,
-- b = 0.75, any term may match), but for all documents at once: it reads only the postings of
-- the query's terms instead of evaluating the macro once per article, which is ~100x faster on
-- 100,000 articles. Only the page's rows are then joined to their text.
WITH tokens AS (
    SELECT DISTINCT stem(unnest(fts_main_articles.tokenize($q)), 'porter') AS t
),
qterms AS (
    SELECT d.termid, d.df FROM fts_main_articles.dict d JOIN tokens ON d.term = tokens.t
),
term_tf AS (
    SELECT docid, termid, count(*) AS tf
    FROM fts_main_articles.terms
    WHERE termid IN (SELECT termid FROM qterms)
    GROUP BY docid, termid
),
scores AS (
    SELECT docs.name AS id,
           sum(log((st.num_docs - q.df + 0.5) / (q.df + 0.5) + 1)
               * (tf.tf * (1.2 + 1)) / (tf.tf + 1.2 * (1 - 0.75 + 0.75 * (docs.len / st.avgdl)))) AS score
    FROM term_tf tf
    JOIN qterms q ON q.termid = tf.termid
    JOIN fts_main_articles.docs docs ON docs.docid = tf.docid
    CROSS JOIN fts_main_articles.stats st
    GROUP BY docs.name
),
hits AS (
    SELECT id, score, count(*) OVER () AS total FROM scores ORDER BY score DESC, id LIMIT $limit OFFSET $offset
)
SELECT a.id, a.title, a.outlet, a.published, a.text,
       (SELECT min(sa.story_id) FROM story_articles sa WHERE sa.article_id = a.id) AS story_id,
       h.score, h.total
FROM hits h JOIN articles a ON a.id = h.id
ORDER BY h.score DESC, a.id;

-- name: search_fts_reference
-- The extension's own scorer, kept to check search_fts against (tests) and as the baseline.
SELECT id, score FROM (SELECT id, fts_main_articles.match_bm25(id, $q) AS score FROM articles)
WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT $limit;

-- name: search_like
-- Fallback while the search index is missing or stale: every term must appear; score is the
-- number of occurrences.
WITH hits AS (
    SELECT id, score, count(*) OVER () AS total
    FROM (
        SELECT id, list_sum([len(string_split(lower(coalesce(title, '') || ' ' || text), t)) - 1
                             FOR t IN $terms::VARCHAR[]])::DOUBLE AS score
        FROM articles
        WHERE list_bool_and([contains(lower(coalesce(title, '') || ' ' || text), t) FOR t IN $terms::VARCHAR[]])
    )
    ORDER BY score DESC, id
    LIMIT $limit OFFSET $offset
)
SELECT a.id, a.title, a.outlet, a.published, a.text,
       (SELECT min(sa.story_id) FROM story_articles sa WHERE sa.article_id = a.id) AS story_id,
       h.score, h.total
FROM hits h JOIN articles a ON a.id = h.id
ORDER BY h.score DESC, a.id;

-- name: list_outlets
SELECT a.outlet, count(DISTINCT a.id), count(DISTINCT sa.story_id),
       min(a.published_at), max(a.published_at)
FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
WHERE a.outlet IS NOT NULL
GROUP BY a.outlet
ORDER BY count(DISTINCT a.id) DESC, a.outlet;

-- name: outlet_article_count
SELECT count(*) FROM articles WHERE outlet = $outlet;

-- name: count_outlets
SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL;

-- name: outlet_labels
-- Words the outlet itself (not a quoted speaker) uses for an actor; actors it labels in the
-- most stories come first, since recurring labels say more than a one-off. Spellings that
-- differ only in case are one word, shown as written (min() keeps a capitalised spelling, so
-- a name inside a label, 'director of Corniche General Hospital', is never lower-cased).
SELECT actor, actor_type, min(term) AS term, category, count(*) AS n, count(DISTINCT story_id) AS stories,
       max(actor_stories) AS actor_stories
FROM (
    SELECT coalesce(e.name, f.target_entity_id) AS actor, e.type AS actor_type, f.term, lower(f.term) AS term_key,
           f.category, f.story_id,
           count(DISTINCT f.story_id) OVER (PARTITION BY coalesce(e.name, f.target_entity_id)) AS actor_stories
    FROM framing f
    JOIN articles a ON a.id = f.article_id
    LEFT JOIN entities e ON e.story_id = f.story_id AND e.id = f.target_entity_id
    WHERE a.outlet = $outlet AND f.voice = 'outlet' AND f.target_entity_id IS NOT NULL
      AND f.category IN (SELECT unnest($categories::VARCHAR[]))
)
GROUP BY actor, actor_type, term_key, category
ORDER BY actor_stories DESC, actor, n DESC, term_key
LIMIT $limit;

-- name: outlet_exclusive_facts
-- Facts only this outlet reports, in stories another outlet covered too.
SELECT f.story_id, s.title, f.id, f.text, f.independent_sources, f.outlets
FROM facts f JOIN stories s ON s.id = f.story_id
WHERE f.outlets = [$outlet::VARCHAR] AND len(s.outlet_names) >= 2
ORDER BY s.last_published DESC NULLS LAST, f.story_id, f.id
LIMIT $limit;

-- name: outlet_blindspot_facts
-- Facts of stories this outlet covered that at least half of the story's outlets (two or
-- more) report and this outlet does not.
SELECT f.story_id, s.title, f.id, f.text, f.independent_sources, f.outlets
FROM facts f JOIN stories s ON s.id = f.story_id
WHERE list_contains(s.outlet_names, $outlet::VARCHAR) AND NOT list_contains(f.outlets, $outlet::VARCHAR)
  AND len(f.outlets) >= greatest(2, (len(s.outlet_names) + 1) // 2)
ORDER BY len(f.outlets) DESC, f.independent_sources DESC, f.story_id, f.id
LIMIT $limit;

-- ------------------------------------------------------------------ exports (flat tables)

-- name: export_facts
SELECT f.story_id, f.id AS fact_id, f.text, f.independent_sources, f.claim_of, f.exclusive,
       array_to_string(f.outlets, '; ') AS outlets, array_to_string(f.article_ids, ' ') AS article_ids
FROM facts f WHERE $story_id::VARCHAR IS NULL OR f.story_id = $story_id::VARCHAR
ORDER BY f.story_id, f.id;

-- name: export_conflicts
SELECT story_id, id AS conflict_id, about, kind, positions
FROM conflicts WHERE $story_id::VARCHAR IS NULL OR story_id = $story_id::VARCHAR
ORDER BY story_id, id;

-- name: export_quotes
SELECT story_id, id AS quote_id, speaker, speaker_entity_id, channel, variants, first_variant AS text
FROM quotes WHERE $story_id::VARCHAR IS NULL OR story_id = $story_id::VARCHAR
ORDER BY story_id, seq;

-- name: export_framing
SELECT f.story_id, f.article_id, a.outlet, f.term, f.category, f.target_entity_id, e.name AS target,
       f.voice, f.speaker_entity_id, f.evidence_text, f.evidence_start, f.evidence_end
FROM framing f
LEFT JOIN articles a ON a.id = f.article_id
LEFT JOIN entities e ON e.story_id = f.story_id AND e.id = f.target_entity_id
WHERE $story_id::VARCHAR IS NULL OR f.story_id = $story_id::VARCHAR
ORDER BY f.story_id, f.seq;
