-- Saved versions of drafted sections (and whole reports, section REPORT): generated, edited by an officer, or
-- restored from an earlier version. Keyed by department code and year so they survive re-imports.
CREATE TABLE draft_version (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_code VARCHAR(32) NOT NULL,
    fiscal_year INTEGER NOT NULL,
    section VARCHAR(40) NOT NULL,
    version INTEGER NOT NULL,
    base_version INTEGER,
    origin VARCHAR(16) NOT NULL,
    style VARCHAR(40),
    body TEXT NOT NULL,
    author VARCHAR(100),
    created_at VARCHAR(40) NOT NULL,
    UNIQUE (department_code, fiscal_year, section, version)
);

-- Reports frozen for publication: text, the facts, reasons and template versions used, and a content hash.
-- Rows are only ever inserted: a frozen report never changes.
CREATE TABLE frozen_report (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_code VARCHAR(32) NOT NULL,
    fiscal_year INTEGER NOT NULL,
    style VARCHAR(40) NOT NULL,
    body TEXT NOT NULL,
    facts TEXT NOT NULL,
    reasons TEXT NOT NULL,
    templates TEXT NOT NULL,
    content_hash VARCHAR(64) NOT NULL UNIQUE,
    frozen_by VARCHAR(100),
    frozen_at VARCHAR(40) NOT NULL
);
