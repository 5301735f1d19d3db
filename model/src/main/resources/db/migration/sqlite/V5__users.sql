-- Users who sign in (passwords hashed with PBKDF2-HMAC-SHA256 and a salt of their own), their role, and for
-- an officer the department whose data they may change.
CREATE TABLE app_user (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(300) NOT NULL,
    role VARCHAR(16) NOT NULL,
    department_code VARCHAR(32),
    created_at VARCHAR(40) NOT NULL
);

-- API tokens for scripts: only a hash is stored; the token is shown once when created.
CREATE TABLE api_token (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    username VARCHAR(100) NOT NULL,
    name VARCHAR(100) NOT NULL,
    created_at VARCHAR(40) NOT NULL
);

-- Every mutation: who did what to which department-year, when, and whether it succeeded.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at VARCHAR(40) NOT NULL,
    username VARCHAR(100),
    operation VARCHAR(60) NOT NULL,
    department_code VARCHAR(32),
    fiscal_year INTEGER,
    outcome VARCHAR(20) NOT NULL,
    detail TEXT
);
