package org.budgetnarrator.model.imports;

/**
 * One thing wrong (or worth a warning) in an import file: where, which field, the value found and
 * what was expected. The value and field are quoted shortened and printable (a megabyte text, a NUL byte
 * or an escape sequence is never echoed back whole).
 */
public record ImportProblem(Severity severity, Location location, String field, String value, String expected) {

    public enum Severity { ERROR, WARNING }

    public ImportProblem {
        field = field == null ? null : Texts.quoted(field);
        value = value == null ? null : Texts.quoted(value);
    }

    public static ImportProblem error(Location location, String field, Object value, String expected) {
        return new ImportProblem(Severity.ERROR, location, field, value == null ? null : String.valueOf(value), expected);
    }

    public static ImportProblem warning(Location location, String field, Object value, String expected) {
        return new ImportProblem(Severity.WARNING, location, field, value == null ? null : String.valueOf(value), expected);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line, e.g. {@code a.json, $.accounts[2].actual: actual: found "-3", expected an amount … }. */
    public String message() {
        StringBuilder out = new StringBuilder();
        out.append(severity == Severity.ERROR ? "error: " : "warning: ");
        out.append(location.describe());
        if (field != null) {
            out.append(": ").append(field);
        }
        out.append(": ");
        if (value != null) {
            out.append("found \"").append(value).append("\", ");
        }
        out.append(expected);
        return out.toString();
    }
}
