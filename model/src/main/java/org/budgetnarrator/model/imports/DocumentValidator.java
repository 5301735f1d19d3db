package org.budgetnarrator.model.imports;

import org.budgetnarrator.model.domain.PublicTable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules that involve more than one value: account codes against the catalogue and the hierarchy,
 * duplicate lines, references between projects and indicators. Parents missing from the file but
 * known to the catalogue are derived as the sums of their children (marked as derived).
 */
public final class DocumentValidator {

    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,32}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Money columns of an account line that a derived parent sums from its children. */
    static final List<String> ACCOUNT_AMOUNTS = ImportFormat.ACCOUNTS.fields().stream()
            .filter(f -> f.type() == FieldType.MONEY).map(Field::key).toList();

    private final Catalogue catalogue = Catalogue.get();

    public void validate(BoundDocument doc) {
        LegacyLines.normalise(doc);
        BoundRow department = doc.single(ImportFormat.DEPARTMENT);
        String code = department.text("code");
        if (code != null && !DEPARTMENT_CODE.matcher(code).matches()) {
            doc.problem(ImportProblem.error(department.at("code"), "code (部门编码)", code,
                    "expected 1 to 32 letters, digits, '-' or '_'"));
        }
        BoundRow document = doc.single(ImportFormat.DOCUMENT);
        Long year = document.integer("year");
        if (year != null && (year < 1950 || year > 2100)) {
            doc.problem(ImportProblem.error(document.at("year"), "year (年度)", year, "expected a fiscal year between 1950 and 2100"));
        }
        published(doc);
        layouts(doc);
        accounts(doc, ImportFormat.ACCOUNTS, true);
        accounts(doc, ImportFormat.ECONOMIC_ACCOUNTS, false);
        unique(doc, ImportFormat.INCOMES, r -> r.text("source"), "source");
        unique(doc, ImportFormat.THREE_PUBLIC, r -> r.text("item"), "item");
        unique(doc, ImportFormat.VEHICLES, r -> r.text("kind"), "kind");
        unique(doc, ImportFormat.BUDGET_UNITS, r -> r.text("name"), "name");
        projects(doc);
    }

    private void accounts(BoundDocument doc, TableSpec table, boolean functional) {
        List<BoundRow> rows = doc.rows(table);
        Map<String, BoundRow> byCode = new LinkedHashMap<>();
        String kind = functional ? "functional" : "economic";
        for (BoundRow row : rows) {
            String code = row.text("code");
            if (code == null) {
                continue;
            }
            int length = code.length();
            boolean shape = DIGITS.matcher(code).matches() && (length == 3 || length == 5 || (functional && length == 7));
            boolean projected = Boolean.TRUE.equals(row.values().get(LegacyLines.PROJECTED));
            if (projected) {
                // Projected from a table row, which was checked itself (shape, catalogue) where the report printed it.
                if (shape) {
                    byCode.putIfAbsent(code, row);
                }
                continue;
            }
            if (!shape) {
                doc.problem(ImportProblem.error(row.at("code"), "code (科目代码)", code, functional
                        ? "expected a functional account code of 3 (类), 5 (款) or 7 (项) digits"
                        : "expected an economic account code of 3 (类) or 5 (款) digits"));
                continue;
            }
            BoundRow earlier = byCode.putIfAbsent(code, row);
            if (earlier != null) {
                doc.problem(ImportProblem.error(row.at("code"), "code (科目代码)", code,
                        "duplicate line: the same account is already at " + earlier.location().describe()));
                continue;
            }
            Optional<Catalogue.Entry> known = functional ? catalogue.functional(code) : catalogue.economic(code);
            String name = row.text("name");
            if (known.isPresent() && name != null && !Catalogue.sameName(known.get().name(), name)) {
                doc.problem(ImportProblem.error(row.at("name"), "name (科目名称)", name,
                        "expected the catalogue's name of " + code + ": " + known.get().name()));
            } else if (known.isEmpty()) {
                doc.problem(ImportProblem.warning(row.at("code"), "code (科目代码)", code,
                        "not in the known part of the " + kind + " catalogue; accepted because its shape fits"));
            }
        }
        // Parents: present in the file, or known to the catalogue (then derived), or an error.
        List<String> codes = new ArrayList<>(byCode.keySet());
        codes.sort((a, b) -> b.length() - a.length());
        Map<String, BoundRow> derived = new LinkedHashMap<>();
        for (String code : codes) {
            ensureParent(doc, table, functional, code, byCode, derived);
        }
        for (Map.Entry<String, BoundRow> entry : derived.entrySet()) {
            BoundRow parent = entry.getValue();
            for (String amount : table.fields().stream().filter(f -> f.type() == FieldType.MONEY).map(Field::key).toList()) {
                BigDecimal sum = null;
                for (BoundRow child : byCode.values()) {
                    String childCode = child.text("code");
                    if (parentOf(childCode, functional) != null && parentOf(childCode, functional).equals(entry.getKey())
                            && child.decimal(amount) != null) {
                        sum = sum == null ? child.decimal(amount) : sum.add(child.decimal(amount));
                    }
                }
                if (sum != null) {
                    parent.values().put(amount, sum);
                }
            }
        }
    }

    private void ensureParent(BoundDocument doc, TableSpec table, boolean functional, String code,
                              Map<String, BoundRow> byCode, Map<String, BoundRow> derived) {
        String parent = parentOf(code, functional);
        if (parent == null || byCode.containsKey(parent)) {
            return;
        }
        Optional<Catalogue.Entry> known = functional ? catalogue.functional(parent) : catalogue.economic(parent);
        BoundRow child = byCode.get(code);
        if (known.isEmpty()) {
            if (Boolean.TRUE.equals(child.values().get(LegacyLines.PROJECTED))) {
                // A report may print a 项 whose 款 it leaves out: the table is kept as printed.
                doc.problem(ImportProblem.warning(child.at("code"), "row (行)", code,
                        "its parent " + parent + " is neither printed nor in the known catalogue; the line has no parent"));
                return;
            }
            doc.problem(ImportProblem.error(child.at("code"), "code (科目代码)", code,
                    "its parent " + parent + " is neither in the file nor in the catalogue; add the parent line"));
            return;
        }
        BoundRow line = new BoundRow(child.location(), null);
        line.values().put("code", parent);
        line.values().put("name", known.get().name());
        line.values().put("derived", Boolean.TRUE);
        byCode.put(parent, line);
        derived.put(parent, line);
        doc.rows(table).add(line);
        // Derive upwards in the order children come first: a derived 款 may need a derived 类.
        ensureParent(doc, table, functional, parent, byCode, derived);
    }

    /**
     * The public tables' rows: each a named row of its table or an account code whose shape the table takes, only the
     * table's columns, each row once. Names that differ from the catalogue are warnings: the report is kept as printed
     * (older reports use older names), and the audit speaks of it.
     */
    private void published(BoundDocument doc) {
        Map<String, BoundRow> seen = new HashMap<>();
        for (BoundRow row : doc.rows(ImportFormat.PUBLISHED)) {
            if (Boolean.TRUE.equals(row.values().get(LegacyLines.CONVERTED))) {
                continue;
            }
            PublicTable table = PublicTable.byKey(row.text("table")).orElse(null);
            String key = row.text("row");
            if (table == null || key == null) {
                continue;
            }
            Long lineNo = row.integer("lineNo");
            if (lineNo != null && lineNo < 1) {
                // 行次 are counted from 1; a row printed without one leaves the field out.
                doc.problem(ImportProblem.error(row.at("lineNo"), "lineNo (行次)", lineNo,
                        "expected a 行次 of 1 or more, or no lineNo for a row printed without one"));
            }
            BoundRow earlier = seen.putIfAbsent(table.name() + "/" + key + "/" + row.text("period"), row);
            if (earlier != null) {
                doc.problem(ImportProblem.error(row.at("row"), "row (行)", key,
                        "duplicate row of " + table.number() + ": already given at " + earlier.location().describe()));
                continue;
            }
            if (table.namedRow(key).isEmpty() && !table.fitsOwnRow(key)) {
                if (!table.fitsCode(key)) {
                    doc.problem(ImportProblem.error(row.at("row"), "row (行)", key, "expected a row of " + table.number() + " "
                            + table.title() + ": " + describeRows(table)));
                    continue;
                }
                Optional<Catalogue.Entry> known = table.isEconomic() ? catalogue.economic(key) : catalogue.functional(key);
                String name = row.text("name");
                if (known.isPresent() && name != null && !Catalogue.sameName(known.get().name(), name)) {
                    doc.problem(ImportProblem.warning(row.at("name"), "name (项目名称)", name,
                            "the catalogue's name of " + key + " is " + known.get().name() + "; kept as printed"));
                } else if (known.isEmpty()) {
                    doc.problem(ImportProblem.warning(row.at("row"), "row (行)", key, "not in the known part of the "
                            + (table.isEconomic() ? "economic" : "functional") + " catalogue; accepted because its shape fits"));
                }
            }
            for (PublicTable.Column column : PublicTable.Column.values()) {
                if (row.values().get(column.key()) != null && !table.allows(column)) {
                    doc.problem(ImportProblem.error(row.at(column.key()), column.key() + " (" + column.label() + ")",
                            row.values().get(column.key()), table.number() + " " + table.title() + " has no such column; its columns are "
                                    + String.join(", ", table.columns().stream().map(c -> c.key() + " (" + c.label() + ")").toList())));
                }
            }
        }
    }

    private static String describeRows(PublicTable table) {
        String codes = switch (table.codes()) {
            case FUNCTIONAL_CLASS -> "a 3-digit functional 类 code";
            case FUNCTIONAL -> "a functional account code of 3, 5 or 7 digits";
            case ECONOMIC -> "an economic account code of 3 or 5 digits";
            case NONE -> table.rowPattern() == null ? "" : "a row matching " + table.rowPattern();
        };
        return codes + (codes.isEmpty() ? "one of " : ", or one of ") + String.join(", ", table.namedRows().stream().map(r -> r.key() + " (" + r.label() + ")").toList());
    }

    private static void layouts(BoundDocument doc) {
        unique(doc, ImportFormat.TABLE_LAYOUTS, r -> r.text("table"), "table");
    }

    /** 7-digit 项 → 5-digit 款 → 3-digit 类. */
    public static String parentOf(String code, boolean functional) {
        if (code == null) {
            return null;
        }
        return switch (code.length()) {
            case 7 -> code.substring(0, 5);
            case 5 -> code.substring(0, 3);
            default -> null;
        };
    }

    private static void unique(BoundDocument doc, TableSpec table, Function<BoundRow, String> key, String field) {
        Map<String, BoundRow> seen = new HashMap<>();
        for (BoundRow row : doc.rows(table)) {
            String k = key.apply(row);
            if (k == null) {
                continue;
            }
            BoundRow earlier = seen.putIfAbsent(k, row);
            if (earlier != null) {
                doc.problem(ImportProblem.error(row.at(field), field, k,
                        "duplicate line: already given at " + earlier.location().describe()));
            }
        }
    }

    private static void projects(BoundDocument doc) {
        List<BoundRow> projects = doc.rows(ImportFormat.PROJECTS);
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            BoundRow p = projects.get(i);
            String key = p.text("code") != null ? p.text("code") : p.text("name");
            if (key == null) {
                continue;
            }
            Integer earlier = byKey.putIfAbsent(key, i);
            if (earlier != null) {
                doc.problem(ImportProblem.error(p.at(p.text("code") != null ? "code" : "name"),
                        p.text("code") != null ? "code (项目编码)" : "name (项目名称)", key,
                        "duplicate project: already given at " + projects.get(earlier).location().describe()));
            }
            if (p.text("name") != null && p.text("code") != null) {
                byKey.putIfAbsent(p.text("name"), i);
            }
        }
        for (BoundRow p : projects) {
            String parent = p.text("parentCode");
            if (parent != null && !byKey.containsKey(parent)) {
                doc.problem(ImportProblem.error(p.at("parentCode"), "parentCode (上级项目)", parent,
                        "expected the code or name of another project in this file"));
            }
        }
        List<BoundRow> indicators = doc.rows(ImportFormat.INDICATORS);
        for (int i = 0; i < indicators.size(); i++) {
            BoundRow indicator = indicators.get(i);
            String ref = indicator.text(ImportFormat.INDICATOR_PROJECT.key());
            if (ref == null) {
                continue;
            }
            Integer index = byKey.get(ref);
            if (index == null) {
                doc.problem(ImportProblem.error(indicator.at(ImportFormat.INDICATOR_PROJECT.key()), "project (所属项目)", ref,
                        "expected the code or name of a project on sheet 项目, or blank for a department-wide indicator"));
            } else {
                indicators.set(i, indicator.withParent(index));
            }
        }
    }
}
