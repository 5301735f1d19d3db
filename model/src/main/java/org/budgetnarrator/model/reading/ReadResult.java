package org.budgetnarrator.model.reading;

import java.util.Map;

/**
 * A read report: what kind of document it was, the department-year it holds in the import format (JSON-shaped: the
 * keys of docs/import-format.md; null where the file was no report to read), and the reading report.
 *
 * @param partial true where the document holds only part of what the report prints (a table the reader could not
 *                read, a layout it knows only in part): stated in the reading report's notes
 */
public record ReadResult(String file, ReportKind kind, Map<String, Object> document, ReadingReport report, boolean partial) {

    /** What a file turned out to be. */
    public enum ReportKind {
        /** A department's published 部门决算: read. */
        FINAL_ACCOUNTS,
        /** The blank national template (附件：部门决算模板): recognised, not read as a department's figures. */
        TEMPLATE,
        /** Another kind of document (a budget, a self-evaluation table): not read. */
        OTHER
    }
}
