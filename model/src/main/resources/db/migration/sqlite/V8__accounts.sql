-- Accounts that can be taken away: a disabled user signs in no more and their tokens stop working; every change
-- of role, department or status bumps token_generation, which sign-in tokens carry, so tokens issued before it
-- are refused on their next request.
ALTER TABLE app_user ADD COLUMN disabled_at VARCHAR(40);
ALTER TABLE app_user ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;

-- API tokens expire and can be revoked; a token created before this migration expires 90 days after its
-- creation (computed where tokens are read).
ALTER TABLE api_token ADD COLUMN expires_at VARCHAR(40);
ALTER TABLE api_token ADD COLUMN revoked_at VARCHAR(40);

CREATE INDEX api_token_username ON api_token (username);
