-- Migration 3: each story keeps its place in the newest-first list (1 = newest), so the
-- unfiltered story list reads its page's rows instead of sorting every story per request.
-- Writers refresh it in the same transaction as any change to stories (refresh_recency).

ALTER TABLE stories ADD COLUMN recency INTEGER;

UPDATE stories SET recency = ranked.position
FROM (
    SELECT id, row_number() OVER (ORDER BY last_published DESC NULLS LAST, id) AS position FROM stories
) ranked
WHERE stories.id = ranked.id;
