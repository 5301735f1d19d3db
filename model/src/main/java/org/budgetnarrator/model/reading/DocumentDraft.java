package org.budgetnarrator.model.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The department-year a reader builds, in the import format (budget-narrator/department-year@2): header fields, the
 * published tables' rows (one row per table, row and period, its figures as printed strings under the column keys), the
 * tables' layouts and the documents. {@link #toDocument()} gives the JSON-shaped map the importer takes.
 */
public final class DocumentDraft {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> department = new LinkedHashMap<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Map<String, Object>> layouts = new ArrayList<>();
    private final List<Map<String, Object>> documents = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<Indicator> indicators = new ArrayList<>();
    private DepartmentEvaluation departmentEvaluation;

    /**
     * An indicator of a self-evaluation table as printed: 一级 (without its score note), 二级, 三级指标, 年初目标值 and
     * 实际完成值 (null where the reader could not split them for certain).
     */
    public record Indicator(String level1, String level2, String name, String target, String actual) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "level1", level1);
            put(m, "level2", level2);
            put(m, "name", name);
            put(m, "target", target);
            put(m, "actual", actual);
            return m;
        }
    }

    /** A project of a 项目支出绩效自评表; figures as printed (in the document's money unit), null where not printed. */
    public record Project(String name, String supervisor, String implementingUnit, String category, String type,
                          String initialBudget, String adjustedBudget, String executed,
                          String deviationAnalysis, String improvementPlan, List<Indicator> indicators) {

        public Project {
            indicators = List.copyOf(indicators);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "name", name);
            put(m, "supervisor", supervisor);
            put(m, "implementingUnit", implementingUnit);
            put(m, "category", category);
            put(m, "type", type);
            put(m, "initialBudget", initialBudget);
            put(m, "adjustedBudget", adjustedBudget);
            put(m, "executed", executed);
            put(m, "deviationAnalysis", deviationAnalysis);
            put(m, "improvementPlan", improvementPlan);
            if (!indicators.isEmpty()) {
                m.put("indicators", indicators.stream().map(Indicator::toMap).toList());
            }
            return m;
        }
    }

    /**
     * The head and the trailing texts of a 部门整体支出绩效自评表, the summary fields of the import format: 预算数 and
     * 执行数, 基本/项目支出总额, 预算执行率's 分值 and 得分, 年度目标, 偏差原因 and 改进措施.
     */
    public record DepartmentEvaluation(String initialBudget, String adjustedBudget, String executed, String basicExpenditure,
                                      String projectExpenditure, String budgetExecutionWeight, String budgetExecutionScore,
                                      String overallGoal, String deviationAnalysis, String improvementPlan) {

        void into(Map<String, Object> summary) {
            put(summary, "initialBudget", initialBudget);
            put(summary, "adjustedBudget", adjustedBudget);
            put(summary, "executed", executed);
            put(summary, "basicExpenditure", basicExpenditure);
            put(summary, "projectExpenditure", projectExpenditure);
            put(summary, "budgetExecutionWeight", budgetExecutionWeight);
            put(summary, "budgetExecutionScore", budgetExecutionScore);
            put(summary, "overallGoal", overallGoal);
            put(summary, "deviationAnalysis", deviationAnalysis);
            put(summary, "improvementPlan", improvementPlan);
        }
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    public DocumentDraft() {
        header.put("format", "budget-narrator/department-year@2");
        header.put("moneyUnit", "万元");
        header.put("stage", "FINAL_ACCOUNTS");
    }

    public void year(int year) {
        header.put("year", year);
    }

    public Integer year() {
        return (Integer) header.get("year");
    }

    public void moneyUnit(String unit) {
        header.put("moneyUnit", unit);
    }

    public void department(String code, String name, String level) {
        department.put("code", code);
        department.put("name", name);
        if (level != null) {
            department.put("level", level);
        }
    }

    public String departmentName() {
        return (String) department.get("name");
    }

    /** The row of a table (current period), created on first use with its printed name and 行次 (either may be null). */
    public Map<String, Object> row(String table, String row, String name, Integer lineNumber) {
        return row(table, row, null, name, lineNumber);
    }

    public Map<String, Object> row(String table, String row, String period, String name, Integer lineNumber) {
        for (Map<String, Object> r : rows) {
            if (r.get("table").equals(table) && r.get("row").equals(row) && Objects.equals(r.get("period"), period)) {
                return r;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("table", table);
        r.put("row", row);
        if (period != null) {
            r.put("period", period);
        }
        if (name != null) {
            r.put("name", name);
        }
        if (lineNumber != null) {
            r.put("lineNo", lineNumber);
        }
        rows.add(r);
        return r;
    }

    /** Sets a cell to a figure as printed ("429.80"); the report records where it was read. */
    public void cell(String table, String row, String column, String value) {
        row(table, row, null, null).put(column, value);
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    public void layout(String table, String label, String title, int position) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("table", table);
        if (label != null) {
            l.put("label", label);
        }
        l.put("title", title);
        l.put("position", position);
        layouts.add(l);
    }

    public void document(String kind, String title, String text) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind);
        if (title != null) {
            d.put("title", title);
        }
        d.put("text", text);
        documents.add(d);
    }

    /** A project read from its self-evaluation table, in printed order. */
    public void project(Project project) {
        projects.add(Objects.requireNonNull(project));
    }

    public List<Project> projects() {
        return List.copyOf(projects);
    }

    /** A department-wide indicator (部门整体绩效自评表), in printed order. */
    public void indicator(Indicator indicator) {
        indicators.add(Objects.requireNonNull(indicator));
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators);
    }

    /** The 部门整体 table's head and texts; a report prints one such table, so a second replaces the first. */
    public void departmentEvaluation(DepartmentEvaluation evaluation) {
        departmentEvaluation = evaluation;
    }

    public DepartmentEvaluation departmentEvaluation() {
        return departmentEvaluation;
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.put("department", new LinkedHashMap<>(department));
        if (!layouts.isEmpty()) {
            doc.put("tableLayouts", layouts);
        }
        doc.put("publishedTables", rows);
        if (departmentEvaluation != null) {
            Map<String, Object> summary = new LinkedHashMap<>();
            departmentEvaluation.into(summary);
            if (!summary.isEmpty()) {
                doc.put("summary", summary);
            }
        }
        if (!projects.isEmpty()) {
            doc.put("projects", projects.stream().map(Project::toMap).toList());
        }
        if (!indicators.isEmpty()) {
            doc.put("indicators", indicators.stream().map(Indicator::toMap).toList());
        }
        if (!documents.isEmpty()) {
            doc.put("documents", documents);
        }
        return doc;
    }
}
