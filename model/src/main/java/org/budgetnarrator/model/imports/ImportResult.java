package org.budgetnarrator.model.imports;

import java.util.List;

/**
 * What an import did: stored the department-year (ok) or stored nothing (errors), with every problem.
 *
 * @param file           the file name
 * @param stored         true when the department-year was written
 * @param departmentCode the department, when the file named one
 * @param year           the fiscal year, when the file named one
 * @param problems       errors and warnings, in file order
 * @param lines          how many rows of all tables were stored (0 when nothing was)
 */
public record ImportResult(String file, boolean stored, String departmentCode, Integer year,
                           List<ImportProblem> problems, int lines) {

    public List<ImportProblem> errors() {
        return problems.stream().filter(ImportProblem::isError).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** One line for the command line: {@code ok  xianning.json  XN-WB 2024  164 lines, 1 warning}. */
    public String summary() {
        if (stored) {
            return "ok      " + file + "  " + departmentCode + " " + year + "  " + lines + " lines"
                    + (warnings().isEmpty() ? "" : ", " + warnings().size() + " warning" + (warnings().size() == 1 ? "" : "s"));
        }
        return "FAILED  " + file + "  " + errors().size() + " error" + (errors().size() == 1 ? "" : "s") + ", nothing stored";
    }
}
