-- The public tables as published (公开01–09, and 机关运行经费, 政府采购, 国有资产占用 printed beside them): every printed
-- cell, a row of a table per line, in the layout of the national template (rows: account codes and named rows such
-- as income_total; columns per table), with the report's own row names and 行次. period PREVIOUS rows hold last
-- year's figures as the report states them. They own the tables' figures: income_line, account_line,
-- three_public_line and the summary's office-running, procurement and equipment columns are their projection,
-- written by the importer from them (LegacyLines).
CREATE TABLE published_row (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    table_key VARCHAR(16) NOT NULL,
    row_key VARCHAR(64) NOT NULL,
    period VARCHAR(8) NOT NULL,
    row_name VARCHAR(200),
    line_no INTEGER,
    amount TEXT,
    total TEXT,
    fiscal TEXT,
    general TEXT,
    fund TEXT,
    state_capital TEXT,
    superior_subsidy TEXT,
    service_income TEXT,
    operating_income TEXT,
    subsidiary_remittance TEXT,
    other_income TEXT,
    basic TEXT,
    project TEXT,
    remittance TEXT,
    business TEXT,
    subsidiary TEXT,
    personnel TEXT,
    operating TEXT,
    carry_begin TEXT,
    income TEXT,
    carry_end TEXT,
    initial_budget TEXT,
    adjusted_budget TEXT,
    budget TEXT,
    actual TEXT,
    planned TEXT,
    sme TEXT,
    micro TEXT,
    item_count INTEGER,
    groups_count INTEGER,
    persons_count INTEGER,
    vehicles_held INTEGER,
    vehicles_bought INTEGER,
    batch_count INTEGER,
    area TEXT,
    UNIQUE (department_year_id, table_key, row_key, period)
);
CREATE INDEX published_row_year_idx ON published_row (department_year_id);

-- How the report prints each table: its own number, title and order.
CREATE TABLE published_table (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    department_year_id BIGINT NOT NULL REFERENCES department_year (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    table_key VARCHAR(16) NOT NULL,
    label VARCHAR(100),
    title VARCHAR(300),
    table_position INTEGER,
    note TEXT,
    UNIQUE (department_year_id, table_key)
);
CREATE INDEX published_table_year_idx ON published_table (department_year_id);

-- 预算绩效: how many projects were self-evaluated, with how much money, and its share of project spending.
ALTER TABLE department_year ADD COLUMN evaluated_projects INTEGER;
ALTER TABLE department_year ADD COLUMN evaluated_amount TEXT;
ALTER TABLE department_year ADD COLUMN evaluated_share TEXT;

-- Department-years stored before: their lines become the table rows that print them (the mapping of LegacyLines).
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT department_year_id, seq, 'T01', source, 'CURRENT', amount FROM income_line;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT department_year_id, 1000 + seq, 'T01', source, 'PREVIOUS', previous_amount FROM income_line WHERE previous_amount IS NOT NULL;

INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, row_name, total, basic, project, remittance,
                           business, subsidiary)
SELECT department_year_id, 10000 + seq, 'T03', code, 'CURRENT', name, actual, basic, project, remittance, business, subsidiary
FROM account_line WHERE classification = 'FUNCTIONAL' AND derived = 0
  AND (actual IS NOT NULL OR basic IS NOT NULL OR project IS NOT NULL OR remittance IS NOT NULL OR business IS NOT NULL
       OR subsidiary IS NOT NULL);
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, row_name, total)
SELECT department_year_id, 20000 + seq, 'T03', code, 'PREVIOUS', name, previous_actual
FROM account_line WHERE classification = 'FUNCTIONAL' AND derived = 0 AND previous_actual IS NOT NULL;

INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, row_name, total, personnel, operating,
                           initial_budget, adjusted_budget)
SELECT department_year_id, 30000 + seq, 'T05', code, 'CURRENT', name, general_budget, personnel, operating, initial_budget,
       adjusted_budget
FROM account_line WHERE classification = 'FUNCTIONAL' AND derived = 0
  AND (general_budget IS NOT NULL OR personnel IS NOT NULL OR operating IS NOT NULL OR initial_budget IS NOT NULL
       OR adjusted_budget IS NOT NULL);

INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, row_name, amount, initial_budget)
SELECT department_year_id, 40000 + seq, 'T06', code, 'CURRENT', name, actual, initial_budget
FROM account_line WHERE classification = 'ECONOMIC' AND derived = 0 AND (actual IS NOT NULL OR initial_budget IS NOT NULL);

INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, row_name, total)
SELECT department_year_id, 50000 + seq, 'T07', code, 'CURRENT', name, government_fund
FROM account_line WHERE classification = 'FUNCTIONAL' AND derived = 0 AND government_fund IS NOT NULL;

INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, row_name, total)
SELECT department_year_id, 60000 + seq, 'T08', code, 'CURRENT', name, state_capital
FROM account_line WHERE classification = 'FUNCTIONAL' AND derived = 0 AND state_capital IS NOT NULL;

-- 三公: the table's printed 预算数, and the narrative's 全年预算数 where it was kept apart from it.
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, budget, adjusted_budget, actual, groups_count,
                           persons_count, vehicles_held)
SELECT department_year_id, 70000 + seq, 'T09', item, 'CURRENT', COALESCE(table_budget, budget),
       CASE WHEN table_budget IS NULL THEN NULL ELSE budget END, actual, groups_count, persons_count, vehicles_count
FROM three_public_line
WHERE budget IS NOT NULL OR table_budget IS NOT NULL OR actual IS NOT NULL OR groups_count IS NOT NULL
   OR persons_count IS NOT NULL OR vehicles_count IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, actual)
SELECT department_year_id, 71000 + seq, 'T09', item, 'PREVIOUS', previous_actual FROM three_public_line WHERE previous_actual IS NOT NULL;

INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT id, 80000, 'OFFICE_RUNNING', 'total', 'CURRENT', office_running_cost FROM department_year WHERE office_running_cost IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT id, 80001, 'OFFICE_RUNNING', 'total', 'PREVIOUS', previous_office_running_cost FROM department_year
WHERE previous_office_running_cost IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT id, 81000, 'PROCUREMENT', 'goods', 'CURRENT', procurement_goods FROM department_year WHERE procurement_goods IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT id, 81001, 'PROCUREMENT', 'works', 'CURRENT', procurement_works FROM department_year WHERE procurement_works IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount)
SELECT id, 81002, 'PROCUREMENT', 'services', 'CURRENT', procurement_services FROM department_year WHERE procurement_services IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, amount, sme, micro)
SELECT id, 81003, 'PROCUREMENT', 'total', 'CURRENT', procurement_total, procurement_sme, procurement_micro FROM department_year
WHERE procurement_total IS NOT NULL OR procurement_sme IS NOT NULL OR procurement_micro IS NOT NULL;
INSERT INTO published_row (department_year_id, seq, table_key, row_key, period, item_count)
SELECT id, 82000, 'ASSETS', 'equipment_over_1m', 'CURRENT', equipment_over_1m FROM department_year WHERE equipment_over_1m IS NOT NULL;
