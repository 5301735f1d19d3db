-- Bulk drafting started over the API. A job lists its department-years as items; workers (threads or server
-- instances) claim items, draft them and store the file. A claim older than the claim timeout is taken over,
-- so a job whose worker died resumes where it stopped.
CREATE TABLE draft_job (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    fiscal_year INTEGER NOT NULL,
    mode VARCHAR(20) NOT NULL,
    format VARCHAR(10) NOT NULL,
    filter TEXT,
    -- 1: draft every item again even when an earlier job drafted it from the same data.
    force_redraft INTEGER NOT NULL DEFAULT 0,
    status VARCHAR(12) NOT NULL,
    total INTEGER NOT NULL,
    started_by VARCHAR(100),
    started_at VARCHAR(40) NOT NULL,
    finished_at VARCHAR(40)
);

CREATE TABLE draft_job_item (
    job_id INTEGER NOT NULL REFERENCES draft_job (id),
    department_code VARCHAR(32) NOT NULL,
    status VARCHAR(12) NOT NULL,
    claimed_by VARCHAR(80),
    claimed_at BIGINT,
    attempts INTEGER NOT NULL DEFAULT 0,
    gaps INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    file_name VARCHAR(120),
    content BLOB,
    -- What the file was drafted from (data, templates, style, mode, format). A later job finding the same
    -- fingerprint points at this file (reused_from: its job) instead of drafting it again.
    fingerprint VARCHAR(64),
    reused_from BIGINT,
    PRIMARY KEY (job_id, department_code)
);

CREATE INDEX draft_job_item_status ON draft_job_item (job_id, status);
CREATE INDEX draft_job_item_fingerprint ON draft_job_item (department_code, fingerprint);
