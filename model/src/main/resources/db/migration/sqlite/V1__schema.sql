-- Budget Narrator schema. Money and other exact decimals are TEXT (SQLite: TEXT, so that SQLite's
-- numeric affinity never turns them into binary floating point; PostgreSQL: NUMERIC).
CREATE TABLE department (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code VARCHAR(32) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    admin_level VARCHAR(16) NOT NULL,
    region VARCHAR(100),
    staff_count INTEGER,
    duties TEXT
);
CREATE INDEX department_name_idx ON department (name);

CREATE TABLE budget_unit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_id BIGINT NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    kind VARCHAR(16)
);
CREATE INDEX budget_unit_department_idx ON budget_unit (department_id);

CREATE TABLE department_year (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_id BIGINT NOT NULL REFERENCES department (id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    stage VARCHAR(32) NOT NULL,
    money_unit VARCHAR(8) NOT NULL,
    source_name VARCHAR(500),
    imported_at VARCHAR(40) NOT NULL,
    initial_budget TEXT,
    adjusted_budget TEXT,
    executed TEXT,
    basic_expenditure TEXT,
    project_expenditure TEXT,
    business_expenditure TEXT,
    fund_fiscal_appropriation TEXT,
    fund_general_budget TEXT,
    fund_government_fund TEXT,
    fund_special_account TEXT,
    fund_other TEXT,
    sub_unit_count INTEGER,
    previous_total_income TEXT,
    previous_total_expenditure TEXT,
    previous_fiscal_income TEXT,
    previous_fiscal_expenditure TEXT,
    previous_general_budget_expenditure TEXT,
    office_running_cost TEXT,
    previous_office_running_cost TEXT,
    procurement_total TEXT,
    procurement_goods TEXT,
    procurement_works TEXT,
    procurement_services TEXT,
    procurement_sme TEXT,
    procurement_micro TEXT,
    equipment_over_1m INTEGER,
    budget_execution_weight TEXT,
    budget_execution_score TEXT,
    total_score TEXT,
    overall_goal TEXT,
    overall_outcome TEXT,
    deviation_analysis TEXT,
    improvement_plan TEXT,
    UNIQUE (department_id, fiscal_year)
);

CREATE TABLE income_line (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source VARCHAR(64) NOT NULL,
    amount TEXT NOT NULL,
    previous_amount TEXT
);
CREATE INDEX income_line_year_idx ON income_line (department_year_id);

CREATE TABLE account_line (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    classification VARCHAR(16) NOT NULL,
    code VARCHAR(16) NOT NULL,
    name VARCHAR(200) NOT NULL,
    line_level INTEGER NOT NULL,
    parent_code VARCHAR(16),
    derived BOOLEAN NOT NULL,
    initial_budget TEXT,
    adjusted_budget TEXT,
    actual TEXT,
    basic TEXT,
    personnel TEXT,
    operating TEXT,
    project TEXT,
    remittance TEXT,
    business TEXT,
    subsidiary TEXT,
    general_budget TEXT,
    government_fund TEXT,
    state_capital TEXT,
    previous_actual TEXT,
    UNIQUE (department_year_id, classification, code)
);

CREATE TABLE three_public_line (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    item VARCHAR(32) NOT NULL,
    budget TEXT,
    actual TEXT,
    previous_actual TEXT,
    groups_count INTEGER,
    persons_count INTEGER,
    vehicles_count INTEGER
);
CREATE INDEX three_public_line_year_idx ON three_public_line (department_year_id);

CREATE TABLE vehicle_holding (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind VARCHAR(100) NOT NULL,
    vehicle_count INTEGER NOT NULL
);
CREATE INDEX vehicle_holding_year_idx ON vehicle_holding (department_year_id);

CREATE TABLE project (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    code VARCHAR(64),
    name VARCHAR(300) NOT NULL,
    money_unit VARCHAR(8),
    supervisor VARCHAR(200),
    implementing_unit VARCHAR(200),
    category VARCHAR(100),
    project_type VARCHAR(32),
    project_level INTEGER,
    parent_code VARCHAR(300),
    purpose TEXT,
    initial_budget TEXT,
    adjusted_budget TEXT,
    executed TEXT,
    fund_current_year TEXT,
    fund_carry_over TEXT,
    fund_other TEXT,
    plan_march TEXT,
    plan_june TEXT,
    plan_october TEXT,
    plan_december TEXT,
    goal TEXT,
    outcome TEXT,
    score TEXT,
    deviation_analysis TEXT,
    improvement_plan TEXT
);
CREATE INDEX project_year_idx ON project (department_year_id);

CREATE TABLE indicator (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    project_id BIGINT REFERENCES project (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    level1 VARCHAR(100) NOT NULL,
    level2 VARCHAR(100),
    name VARCHAR(300) NOT NULL,
    description TEXT,
    period_target TEXT,
    target TEXT,
    actual TEXT,
    weight TEXT,
    score TEXT,
    basis TEXT,
    deviation_note TEXT
);
CREATE INDEX indicator_year_idx ON indicator (department_year_id);
CREATE INDEX indicator_project_idx ON indicator (project_id);

CREATE TABLE document (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind VARCHAR(40) NOT NULL,
    title VARCHAR(300),
    body TEXT NOT NULL
);
CREATE INDEX document_year_idx ON document (department_year_id);

CREATE TABLE data_note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    subject VARCHAR(200),
    body TEXT NOT NULL
);
CREATE INDEX data_note_year_idx ON data_note (department_year_id);
