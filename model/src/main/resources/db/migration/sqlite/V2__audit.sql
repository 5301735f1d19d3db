-- The 三公 table's budget column as printed, where it differs from the evidence-supported budget
-- (Xianning's 公开09 repeats the actuals in its budget columns).
ALTER TABLE three_public_line ADD COLUMN table_budget TEXT;

-- An officer's verdict on an audit finding: accepted, or a false alarm. Keyed by department code, year and
-- the finding's fingerprint, so a verdict survives re-imports and the finding does not come back as new.
CREATE TABLE finding_review (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_code VARCHAR(32) NOT NULL,
    fiscal_year INTEGER NOT NULL,
    fingerprint VARCHAR(200) NOT NULL,
    rule_id VARCHAR(40) NOT NULL,
    status VARCHAR(16) NOT NULL,
    note TEXT,
    reviewed_by VARCHAR(100),
    reviewed_at VARCHAR(40) NOT NULL,
    UNIQUE (department_code, fiscal_year, fingerprint)
);
