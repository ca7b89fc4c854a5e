-- sayso store, migration 001: the whole report, one row per record, offsets kept.
-- Table and column names are a public interface (docs/store.md): the web view and the events
-- queries read them.
--
-- Kept as shipped: the schema of version 1. New stores are created from the table descriptions
-- (src/sayso/store/tables.py, derived from the report's dataclasses), and tests/test_store_schema.py
-- checks that they still create exactly this schema. New columns from new report fields are added by
-- store/ddl.py; a rename or type change needs a new numbered migration (002_....sql).

CREATE TABLE stories (
    id BIGINT PRIMARY KEY,            -- a hash of the id of the article that opened the story
    first_article VARCHAR NOT NULL,   -- articles.id of the article that opened the story
    created_at TIMESTAMP DEFAULT current_timestamp
);

CREATE SEQUENCE article_num START 1;

CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,           -- report article id: sha256 of the exact text
    key VARCHAR NOT NULL UNIQUE,      -- sha256 of the normalised text: the deduplication key
    num BIGINT NOT NULL DEFAULT nextval('article_num'),  -- insertion order
    story_id BIGINT,                  -- stories.id: near-duplicates (the same wire story) share it
    text VARCHAR NOT NULL,
    path VARCHAR,
    published VARCHAR,                -- ISO date YYYY-MM-DD (string: compares in date order)
    title VARCHAR,
    language VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    author VARCHAR,
    fetched VARCHAR,                  -- crawl date (WARC), when known
    warnings VARCHAR[],
    schema VARCHAR NOT NULL,          -- report schema version, "sayso/1"
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

-- MinHash signatures and LSH band buckets for near-duplicate detection.
CREATE TABLE article_minhash (
    article_id VARCHAR PRIMARY KEY,
    signature BIGINT[] NOT NULL
);
CREATE TABLE lsh_buckets (
    bucket BIGINT NOT NULL,           -- hash of (band number, band of the signature)
    article_id VARCHAR NOT NULL
);

-- Canonical actors across the corpus: one row per normalised name + country.
CREATE TABLE actors (
    id BIGINT PRIMARY KEY,            -- hash of actor_key
    actor_key VARCHAR NOT NULL,       -- "normalised name|ISO3 country"; persons: "normalised name|"
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,            -- person, organization, country, media, group
    country VARCHAR,
    state_media BOOLEAN NOT NULL DEFAULT false,
    sector VARCHAR
);
CREATE TABLE actor_aliases (
    actor_id BIGINT NOT NULL,         -- actors.id
    alias VARCHAR NOT NULL,           -- normalised (case-folded, punctuation-free) name form
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_alias ON actor_aliases (alias);

-- The actors of one report, as the report has them (local ids a1, a2, ...).
CREATE TABLE article_actors (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    actor_id BIGINT NOT NULL,         -- actors.id
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    country VARCHAR,
    roles VARCHAR[],
    state_media BOOLEAN NOT NULL,
    sector VARCHAR
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    local_actor VARCHAR NOT NULL,     -- article_actors.local_id
    actor_id BIGINT NOT NULL,         -- actors.id
    ord INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR                      -- article text[start_char:end_char]
);

CREATE TABLE quotes (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,        -- "q1", ...
    ord INTEGER NOT NULL,
    type VARCHAR NOT NULL,            -- direct, indirect, mixed
    content_text VARCHAR NOT NULL,
    content_spans INTEGER[][] NOT NULL,
    start_char INTEGER,               -- first content span start (ordering, links)
    cue_text VARCHAR, cue_lemma VARCHAR, cue_start INTEGER, cue_end INTEGER,
    speaker_local VARCHAR,            -- article_actors.local_id (NULL: unresolved or no speaker)
    speaker_actor_id BIGINT,          -- actors.id
    speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
    has_speaker BOOLEAN NOT NULL,
    addressee_local VARCHAR,
    addressee_actor_id BIGINT,
    addressee_text VARCHAR, addressee_start INTEGER, addressee_end INTEGER,
    has_addressee BOOLEAN NOT NULL,
    hedged BOOLEAN NOT NULL,
    sentence_start INTEGER, sentence_end INTEGER,
    n_via INTEGER NOT NULL,           -- length of the source chain
    via_state_media BOOLEAN NOT NULL, -- some link of the chain is a state media outlet
    cluster VARCHAR                   -- quote_clusters.cluster: hash of the normalised words
);
CREATE INDEX quotes_speaker ON quotes (speaker_actor_id);
CREATE INDEX quotes_article ON quotes (article_id);

-- Source chains ("via"), nearest source first (ord 0), for quotes, claims and events.
CREATE TABLE quote_sources (
    article_id VARCHAR NOT NULL,
    item_id VARCHAR NOT NULL,         -- quotes.local_id
    ord INTEGER NOT NULL,
    local_actor VARCHAR,
    actor_id BIGINT,
    text VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER
);
CREATE TABLE claim_sources AS SELECT * FROM quote_sources WITH NO DATA;
CREATE TABLE event_sources AS SELECT * FROM quote_sources WITH NO DATA;

CREATE TABLE claims (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    text VARCHAR NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR,
    about_local VARCHAR, about_actor_id BIGINT,
    speaker_local VARCHAR, speaker_actor_id BIGINT,
    speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
    has_speaker BOOLEAN NOT NULL,
    hedged BOOLEAN NOT NULL
);

CREATE TABLE events (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    type VARCHAR NOT NULL,            -- PLOVER type
    mode VARCHAR,
    trigger_text VARCHAR NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    date_start VARCHAR, date_end VARCHAR, date_precision VARCHAR,
    date_text VARCHAR, date_span_start INTEGER, date_span_end INTEGER,
    has_date BOOLEAN NOT NULL,
    location_text VARCHAR, location_start INTEGER, location_end INTEGER, location_country VARCHAR,
    has_location BOOLEAN NOT NULL,
    negated BOOLEAN NOT NULL,
    modality VARCHAR,
    hedged BOOLEAN NOT NULL,
    cameo VARCHAR,
    intensity DOUBLE,
    count INTEGER
);
CREATE INDEX events_type ON events (type);

-- Who did it (role 'actor') and to whom (role 'recipient'), in report order.
CREATE TABLE event_actors (
    article_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,        -- events.local_id
    role VARCHAR NOT NULL,            -- actor | recipient
    ord INTEGER NOT NULL,
    local_actor VARCHAR NOT NULL,
    actor_id BIGINT                   -- actors.id (NULL when the local id is not among the report's actors)
);

CREATE SEQUENCE error_num START 1;
CREATE TABLE errors (
    id BIGINT PRIMARY KEY DEFAULT nextval('error_num'),
    path VARCHAR,
    record VARCHAR,                   -- line number, WARC record id, ...
    reason VARCHAR NOT NULL,
    logged_at TIMESTAMP DEFAULT current_timestamp
);

-- The same words carried by several articles: one cluster, with counts of articles and outlets.
CREATE VIEW quote_clusters AS
SELECT q.cluster,
       any_value(q.content_text) AS text,
       count(*) AS n_quotes,
       count(DISTINCT q.article_id) AS n_articles,
       count(DISTINCT a.outlet) AS n_outlets,
       count(DISTINCT a.story_id) AS n_stories,
       min(a.published) AS first_published
FROM quotes q JOIN articles a ON a.id = q.article_id
WHERE q.cluster IS NOT NULL
GROUP BY q.cluster;

CREATE VIEW story_sizes AS
SELECT s.id AS story_id, s.first_article, count(a.id) AS n_articles,
       count(DISTINCT a.outlet) AS n_outlets, min(a.published) AS first_published
FROM stories s LEFT JOIN articles a ON a.story_id = s.id
GROUP BY s.id, s.first_article;
