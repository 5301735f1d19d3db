package org.budgetnarrator.model.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole import file as read, table by table, before any checking beyond its syntax. */
public final class RawDocument {

    private final String fileName;
    private final Map<String, List<RawRow>> rows = new LinkedHashMap<>();
    private final ProblemList problems;

    public RawDocument(String fileName) {
        this.fileName = fileName;
        this.problems = new ProblemList(fileName);
    }

    public String fileName() {
        return fileName;
    }

    public List<RawRow> rows(TableSpec table) {
        return rows.computeIfAbsent(table.key(), k -> new ArrayList<>());
    }

    /** The record of a single-record table, created empty at the given location when absent. */
    public RawRow single(TableSpec table, Location location) {
        List<RawRow> list = rows(table);
        if (list.isEmpty()) {
            list.add(new RawRow(location));
        }
        return list.get(0);
    }

    public boolean has(TableSpec table) {
        return rows.containsKey(table.key());
    }

    /** The problems found while reading (at most {@link ImportFormat#MAX_PROBLEMS} listed). */
    public List<ImportProblem> problems() {
        return problems.all();
    }

    ProblemList problemList() {
        return problems;
    }

    public void problem(ImportProblem problem) {
        problems.add(problem);
    }

    private boolean unreadable;

    /** Records a problem that leaves nothing to check further (malformed JSON, a damaged workbook). */
    public void fatal(ImportProblem problem) {
        problems.add(problem);
        unreadable = true;
    }

    public boolean unreadable() {
        return unreadable;
    }
}
