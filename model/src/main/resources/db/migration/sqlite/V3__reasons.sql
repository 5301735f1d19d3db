-- Officers' reasons for a line's variance (against the budget, or against last year): a code of the reason
-- catalogue and/or a note. Stored with the department-year; drafts use them and never invent one.
CREATE TABLE line_reason (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    subject VARCHAR(200) NOT NULL,
    aspect VARCHAR(16) NOT NULL,
    code VARCHAR(64),
    note TEXT
);
CREATE INDEX line_reason_year_idx ON line_reason (department_year_id);
