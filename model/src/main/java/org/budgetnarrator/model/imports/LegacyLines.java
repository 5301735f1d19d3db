package org.budgetnarrator.model.imports;

import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.domain.PublicTable.Period;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one mapping between the public tables as published and the format-1 lines and summary fields that held
 * their figures before (income sources, functional and economic account lines, 三公 lines, office running costs,
 * procurement, equipment). The tables own the figures; the lines are their projection per account and per
 * source, which drafting and the audit read until they read the tables themselves.
 * <p>
 * Group by group, a document gives either form: format-1 lines become table rows ({@link #toTables}); table rows
 * are projected into lines ({@link #toLines}). A document giving both forms of one group is refused, since the
 * same figure would have two owners. docs/import-format.md states the mapping for people.
 */
public final class LegacyLines {

    /** Marks a line projected from the tables: its name is the report's, checked against the catalogue on the table row. */
    public static final String PROJECTED = "projected";
    /** Marks a table row converted from a format-1 line: the line was checked itself. */
    public static final String CONVERTED = "converted";

    /** A line field's place in a table: its column, in the year's row or in last year's. */
    private record Cell(PublicTable table, Column column, Period period) {
    }

    private static Cell now(PublicTable table, Column column) {
        return new Cell(table, column, Period.CURRENT);
    }

    private static Cell before(PublicTable table, Column column) {
        return new Cell(table, column, Period.PREVIOUS);
    }

    private static final Map<String, Cell> INCOME = map("amount", now(PublicTable.T01, Column.AMOUNT),
            "previousAmount", before(PublicTable.T01, Column.AMOUNT));
    private static final Map<String, Cell> ACCOUNT = map(
            "actual", now(PublicTable.T03, Column.TOTAL), "basic", now(PublicTable.T03, Column.BASIC),
            "project", now(PublicTable.T03, Column.PROJECT), "remittance", now(PublicTable.T03, Column.REMITTANCE),
            "business", now(PublicTable.T03, Column.BUSINESS), "subsidiary", now(PublicTable.T03, Column.SUBSIDIARY),
            "previousActual", before(PublicTable.T03, Column.TOTAL),
            "generalBudget", now(PublicTable.T05, Column.TOTAL), "personnel", now(PublicTable.T05, Column.PERSONNEL),
            "operating", now(PublicTable.T05, Column.OPERATING), "initialBudget", now(PublicTable.T05, Column.INITIAL_BUDGET),
            "adjustedBudget", now(PublicTable.T05, Column.ADJUSTED_BUDGET),
            "governmentFund", now(PublicTable.T07, Column.TOTAL), "stateCapital", now(PublicTable.T08, Column.TOTAL));
    private static final Map<String, Cell> ECONOMIC = map("actual", now(PublicTable.T06, Column.AMOUNT),
            "initialBudget", now(PublicTable.T06, Column.INITIAL_BUDGET));
    /** 三公: "budget" is mapped apart (see {@link #threePublicBudget}). */
    private static final Map<String, Cell> THREE_PUBLIC = map("actual", now(PublicTable.T09, Column.ACTUAL),
            "previousActual", before(PublicTable.T09, Column.ACTUAL), "groups", now(PublicTable.T09, Column.GROUPS),
            "persons", now(PublicTable.T09, Column.PERSONS), "vehicles", now(PublicTable.T09, Column.VEHICLES_HELD));

    /** A summary field's place: table, row, column, period. */
    private record SummaryCell(String field, PublicTable table, String row, Column column, Period period) {
    }

    private static final List<SummaryCell> SUMMARY = List.of(
            new SummaryCell("officeRunningCost", PublicTable.OFFICE_RUNNING, "total", Column.AMOUNT, Period.CURRENT),
            new SummaryCell("previousOfficeRunningCost", PublicTable.OFFICE_RUNNING, "total", Column.AMOUNT, Period.PREVIOUS),
            new SummaryCell("procurementTotal", PublicTable.PROCUREMENT, "total", Column.AMOUNT, Period.CURRENT),
            new SummaryCell("procurementGoods", PublicTable.PROCUREMENT, "goods", Column.AMOUNT, Period.CURRENT),
            new SummaryCell("procurementWorks", PublicTable.PROCUREMENT, "works", Column.AMOUNT, Period.CURRENT),
            new SummaryCell("procurementServices", PublicTable.PROCUREMENT, "services", Column.AMOUNT, Period.CURRENT),
            new SummaryCell("procurementSme", PublicTable.PROCUREMENT, "total", Column.SME, Period.CURRENT),
            new SummaryCell("procurementMicro", PublicTable.PROCUREMENT, "total", Column.MICRO, Period.CURRENT),
            new SummaryCell("equipmentOver1m", PublicTable.ASSETS, "equipment_over_1m", Column.COUNT, Period.CURRENT));

    /** The summary fields that are projections of table cells: an export leaves them out. */
    public static final Set<String> SUMMARY_FIELDS = Set.copyOf(SUMMARY.stream().map(SummaryCell::field).toList());

    private LegacyLines() {
    }

    /** Makes the document hold both forms, the tables owning the figures; a group given in both forms is refused. */
    public static void normalise(BoundDocument doc) {
        for (BoundRow row : doc.rows(ImportFormat.PUBLISHED)) {
            row.values().putIfAbsent("period", Period.CURRENT.name());
        }
        group(doc, ImportFormat.INCOMES, Set.of(PublicTable.T01));
        group(doc, ImportFormat.ACCOUNTS, Set.of(PublicTable.T03, PublicTable.T05, PublicTable.T07, PublicTable.T08));
        group(doc, ImportFormat.ECONOMIC_ACCOUNTS, Set.of(PublicTable.T06));
        group(doc, ImportFormat.THREE_PUBLIC, Set.of(PublicTable.T09));
        summary(doc);
    }

    private static void group(BoundDocument doc, TableSpec lines, Set<PublicTable> tables) {
        List<BoundRow> given = doc.rows(lines);
        List<BoundRow> rows = doc.rows(ImportFormat.PUBLISHED).stream().filter(r -> tables.contains(table(r))).toList();
        if (!given.isEmpty() && !rows.isEmpty()) {
            doc.problem(ImportProblem.error(given.get(0).location(), lines.key(), null, "the figures of "
                    + String.join(", ", tables.stream().map(PublicTable::number).sorted().toList()) + " are given twice: in publishedTables ("
                    + rows.get(0).location().describe() + ") and in " + lines.key() + "; give them once, as publishedTables "
                    + "(format 2) or as " + lines.key() + " (format 1)"));
            return;
        }
        if (!given.isEmpty()) {
            toTables(doc, lines);
        } else if (!rows.isEmpty()) {
            toLines(doc, lines, rows);
        }
    }

    /** Format-1 lines → table rows: every figure becomes the cell of the table that prints it. */
    private static void toTables(BoundDocument doc, TableSpec lines) {
        // Rows are collected per table and period so that each table's rows stay together and in the lines' order.
        Map<String, List<BoundRow>> byTable = new LinkedHashMap<>();
        for (PublicTable t : PublicTable.values()) {
            for (Period p : Period.values()) {
                byTable.put(t.name() + p, new ArrayList<>());
            }
        }
        for (BoundRow line : doc.rows(lines)) {
            Map<String, BoundRow> made = new LinkedHashMap<>();
            String key;
            String name;
            String keyField;
            Map<String, Cell> mapping;
            if (lines == ImportFormat.INCOMES) {
                key = line.text("source");
                name = PublicTable.T01.namedRow(key).map(PublicTable.NamedRow::label).orElse(null);
                keyField = "source";
                mapping = INCOME;
            } else if (lines == ImportFormat.THREE_PUBLIC) {
                key = line.text("item");
                name = PublicTable.T09.namedRow(key).map(PublicTable.NamedRow::label).orElse(null);
                keyField = "item";
                mapping = THREE_PUBLIC;
                threePublicBudget(line, made, key, name);
            } else {
                key = line.text("code");
                name = line.text("name");
                keyField = "code";
                mapping = lines == ImportFormat.ACCOUNTS ? ACCOUNT : ECONOMIC;
            }
            if (key == null) {
                continue;
            }
            for (Map.Entry<String, Cell> m : mapping.entrySet()) {
                Object value = line.values().get(m.getKey());
                if (value != null) {
                    Cell cell = m.getValue();
                    BoundRow row = made.computeIfAbsent(cell.table().name() + cell.period(),
                            k -> converted(line, cell.table(), cell.period(), key, keyField, name));
                    row.values().put(cell.column().key(), value);
                    row.where().put(cell.column().key(), line.at(m.getKey()));
                }
            }
            made.forEach((k, row) -> byTable.get(k).add(row));
        }
        byTable.values().forEach(doc.rows(ImportFormat.PUBLISHED)::addAll);
    }

    /**
     * The 三公 budget of format 1 was the budget as the narrative states it (全年预算数), with the table's printed 预算数
     * apart (tableBudget) where the two differ (Xianning's table repeats the actuals). In the table: 预算数 as printed,
     * and 全年预算数 only where the narrative's differs.
     */
    private static void threePublicBudget(BoundRow line, Map<String, BoundRow> made, String key, String name) {
        Object budget = line.values().get("budget");
        Object printed = line.values().get("tableBudget");
        if (budget == null && printed == null) {
            return;
        }
        BoundRow row = made.computeIfAbsent(PublicTable.T09.name() + Period.CURRENT,
                k -> converted(line, PublicTable.T09, Period.CURRENT, key, "item", name));
        if (printed != null) {
            row.values().put(Column.BUDGET.key(), printed);
            row.where().put(Column.BUDGET.key(), line.at("tableBudget"));
            if (budget != null) {
                row.values().put(Column.ADJUSTED_BUDGET.key(), budget);
                row.where().put(Column.ADJUSTED_BUDGET.key(), line.at("budget"));
            }
        } else {
            row.values().put(Column.BUDGET.key(), budget);
            row.where().put(Column.BUDGET.key(), line.at("budget"));
        }
    }

    private static BoundRow converted(BoundRow line, PublicTable table, Period period, String key, String keyField, String name) {
        BoundRow row = new BoundRow(line.location(), null);
        row.values().put("table", table.name());
        row.values().put("row", key);
        row.values().put("period", period.name());
        row.values().put(CONVERTED, Boolean.TRUE);
        row.where().put("row", line.at(keyField));
        if (name != null) {
            row.values().put("name", name);
            row.where().put("name", line.at("name"));
        }
        return row;
    }

    /** Table rows → format-1 lines, for the readers that still read lines. Rows whose mapped cells are all blank give no line. */
    private static void toLines(BoundDocument doc, TableSpec lines, List<BoundRow> rows) {
        Map<String, BoundRow> out = new LinkedHashMap<>();
        Map<String, Cell> mapping = lines == ImportFormat.INCOMES ? INCOME : lines == ImportFormat.ACCOUNTS ? ACCOUNT
                : lines == ImportFormat.ECONOMIC_ACCOUNTS ? ECONOMIC : THREE_PUBLIC;
        String keyField = lines == ImportFormat.INCOMES ? "source" : lines == ImportFormat.THREE_PUBLIC ? "item" : "code";
        Set<String> keys = lines == ImportFormat.INCOMES ? ImportFormat.INCOMES.field("source").orElseThrow().choices().keySet()
                : lines == ImportFormat.THREE_PUBLIC ? ImportFormat.THREE_PUBLIC.field("item").orElseThrow().choices().keySet() : null;
        for (BoundRow row : rows) {
            String key = row.text("row");
            boolean fits = keys != null ? keys.contains(key) : isCode(key);
            if (!fits) {
                continue;
            }
            PublicTable table = table(row);
            Period period = Period.valueOf(row.text("period"));
            for (Map.Entry<String, Cell> m : mapping.entrySet()) {
                Cell cell = m.getValue();
                Object value = row.values().get(cell.column().key());
                if (cell.table() == table && cell.period() == period && value != null) {
                    line(out, row, keyField, key).values().put(m.getKey(), value);
                    line(out, row, keyField, key).where().put(m.getKey(), row.at(cell.column().key()));
                }
            }
            if (lines == ImportFormat.THREE_PUBLIC && period == Period.CURRENT) {
                Object printed = row.values().get(Column.BUDGET.key());
                Object stated = row.values().get(Column.ADJUSTED_BUDGET.key());
                if (printed != null || stated != null) {
                    BoundRow line = line(out, row, keyField, key);
                    line.values().put("budget", stated != null ? stated : printed);
                    if (stated != null && printed != null) {
                        line.values().put("tableBudget", printed);
                    }
                }
            }
        }
        // An income line needs its amount: a source the report states only for last year gives none.
        out.values().removeIf(line -> lines == ImportFormat.INCOMES && line.values().get("amount") == null);
        if (lines == ImportFormat.ACCOUNTS || lines == ImportFormat.ECONOMIC_ACCOUNTS) {
            fillNames(out.values(), lines == ImportFormat.ACCOUNTS);
        }
        doc.rows(lines).addAll(out.values());
    }

    private static BoundRow line(Map<String, BoundRow> lines, BoundRow row, String keyField, String key) {
        BoundRow line = lines.computeIfAbsent(key, k -> {
            BoundRow l = new BoundRow(row.location(), null);
            l.values().put(PROJECTED, Boolean.TRUE);
            l.values().put(keyField, k);
            l.where().put(keyField, row.at("row"));
            return l;
        });
        if (line.values().get("name") == null && row.text("name") != null && !"item".equals(keyField) && !"source".equals(keyField)) {
            line.values().put("name", row.text("name"));
            line.where().put("name", row.at("name"));
        }
        return line;
    }

    /** Summary fields ↔ the cells of 机关运行经费, 政府采购 and 国有资产占用, table by table. */
    private static void summary(BoundDocument doc) {
        BoundRow summary = doc.single(ImportFormat.SUMMARY);
        for (PublicTable table : List.of(PublicTable.OFFICE_RUNNING, PublicTable.PROCUREMENT, PublicTable.ASSETS)) {
            List<SummaryCell> cells = SUMMARY.stream().filter(c -> c.table() == table).toList();
            List<SummaryCell> given = cells.stream().filter(c -> summary.values().get(c.field()) != null).toList();
            List<BoundRow> rows = doc.rows(ImportFormat.PUBLISHED).stream().filter(r -> table(r) == table).toList();
            if (!given.isEmpty() && !rows.isEmpty()) {
                doc.problem(ImportProblem.error(summary.at(given.get(0).field()), given.get(0).field(), null, "the figures of "
                        + table.number() + " are given twice: in publishedTables (" + rows.get(0).location().describe()
                        + ") and in summary; give them once"));
                continue;
            }
            if (!given.isEmpty()) {
                Map<String, BoundRow> made = new LinkedHashMap<>();
                for (SummaryCell c : given) {
                    BoundRow row = made.computeIfAbsent(c.row() + c.period(), k -> {
                        BoundRow r = converted(summary, table, c.period(), c.row(), c.field(),
                                table.namedRow(c.row()).map(PublicTable.NamedRow::label).orElse(null));
                        r.where().put("row", summary.at(c.field()));
                        return r;
                    });
                    row.values().put(c.column().key(), summary.values().get(c.field()));
                    row.where().put(c.column().key(), summary.at(c.field()));
                }
                doc.rows(ImportFormat.PUBLISHED).addAll(made.values());
            } else {
                for (BoundRow row : rows) {
                    for (SummaryCell c : cells) {
                        Object value = row.values().get(c.column().key());
                        if (c.row().equals(row.text("row")) && c.period().name().equals(row.text("period")) && value != null) {
                            summary.values().put(c.field(), value);
                            summary.where().put(c.field(), row.at(c.column().key()));
                        }
                    }
                }
            }
        }
    }

    /** A row printed without its name takes the catalogue's (the line's name is required). */
    private static void fillNames(Iterable<BoundRow> lines, boolean functional) {
        Catalogue catalogue = Catalogue.get();
        for (BoundRow line : lines) {
            if (line.values().get("name") == null) {
                String code = line.text("code");
                var known = functional ? catalogue.functional(code) : catalogue.economic(code);
                line.values().put("name", known.map(Catalogue.Entry::name).orElse(code));
            }
        }
    }

    private static PublicTable table(BoundRow row) {
        return PublicTable.byKey(row.text("table")).orElse(null);
    }

    static boolean isCode(String key) {
        return key != null && !key.isEmpty() && key.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static Map<String, Cell> map(Object... pairs) {
        Map<String, Cell> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Cell) pairs[i + 1]);
        }
        return out;
    }
}
