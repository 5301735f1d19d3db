-- How a generated version was written: TEMPLATE, or a model mode with the prompt version and model used, and
-- when the model's text was not taken, why (the template draft was kept).
ALTER TABLE draft_version ADD COLUMN mode VARCHAR(20);
ALTER TABLE draft_version ADD COLUMN prompt_version VARCHAR(40);
ALTER TABLE draft_version ADD COLUMN model VARCHAR(100);
ALTER TABLE draft_version ADD COLUMN fallback_reason TEXT;

-- Accepted model answers by (prompt version, model, request with its facts): the same unchanged data drafted
-- again calls no model.
CREATE TABLE model_cache (
    cache_key VARCHAR(64) PRIMARY KEY,
    prompt_version VARCHAR(40) NOT NULL,
    model VARCHAR(100) NOT NULL,
    answer TEXT NOT NULL,
    created_at VARCHAR(40) NOT NULL
);
