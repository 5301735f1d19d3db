-- What a saved draft's text was drafted from: the SHA-256 of the figures (subject, field, exact value) the template
-- printed for that section when the version was saved. When the current template prints other figures, the data
-- changed after the text was written and the version is shown as stale beside the fresh draft; nothing is rewritten.
-- Versions saved before this column existed have none: their basis is unknown and they count as stale.
ALTER TABLE draft_version ADD COLUMN based_on VARCHAR(64);
