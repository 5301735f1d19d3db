package org.budgetnarrator.model.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole import file after checking: the rows of every table, and every problem found. */
public final class BoundDocument {

    private final String fileName;
    private final Map<TableSpec, List<BoundRow>> tables = new LinkedHashMap<>();
    private final ProblemList problems;

    public BoundDocument(String fileName) {
        this.fileName = fileName;
        this.problems = new ProblemList(fileName);
    }

    public String fileName() {
        return fileName;
    }

    public List<BoundRow> rows(TableSpec table) {
        return tables.computeIfAbsent(table, t -> new ArrayList<>());
    }

    /** The one row of a single-record table (an empty row when the file had none). */
    public BoundRow single(TableSpec table) {
        List<BoundRow> rows = rows(table);
        if (rows.isEmpty()) {
            rows.add(new BoundRow(Location.file(fileName), null));
        }
        return rows.get(0);
    }

    /** Every problem, in file order (at most {@link ImportFormat#MAX_PROBLEMS} listed, then a count of the rest). */
    public List<ImportProblem> problems() {
        return problems.all();
    }

    public void problem(ImportProblem problem) {
        problems.add(problem);
    }

    /** Takes over the problems found while reading. */
    void problemsOf(RawDocument raw) {
        problems.addAll(raw.problemList());
    }

    public boolean hasErrors() {
        return problems.hasErrors();
    }

    public String departmentCode() {
        return single(ImportFormat.DEPARTMENT).text("code");
    }

    public Integer year() {
        Long year = single(ImportFormat.DOCUMENT).integer("year");
        return year == null ? null : year.intValue();
    }
}
