package org.budgetnarrator.model.imports;

/**
 * Where a value was found: a JSON path, or a sheet, row and column of a workbook, with the file name.
 * Rows are numbered as Excel shows them (the first row is 1), columns by letter.
 */
public record Location(String file, String jsonPath, String sheet, Integer row, String column, Integer line) {

    public static Location json(String file, String path) {
        return new Location(file, path, null, null, null, null);
    }

    public static Location jsonLine(String file, int line, String path) {
        return new Location(file, path, null, null, null, line);
    }

    public static Location cell(String file, String sheet, int row, String column) {
        return new Location(file, null, sheet, row, column, null);
    }

    public static Location sheet(String file, String sheet) {
        return new Location(file, null, sheet, null, null, null);
    }

    public static Location file(String file) {
        return new Location(file, null, null, null, null, null);
    }

    public Location child(String key) {
        if (jsonPath != null) {
            return json(file, jsonPath + "." + Texts.quoted(key));
        }
        return this;
    }

    public Location index(int i) {
        if (jsonPath != null) {
            return json(file, jsonPath + "[" + i + "]");
        }
        return this;
    }

    /** Human-readable, e.g. {@code xianning.xlsx, sheet 功能分类支出, row 5, column F}. */
    public String describe() {
        StringBuilder out = new StringBuilder(file == null ? "(input)" : file);
        if (line != null) {
            out.append(", line ").append(line);
        }
        if (jsonPath != null) {
            out.append(", ").append(jsonPath);
        }
        if (sheet != null) {
            out.append(", sheet ").append(sheet);
        }
        if (row != null) {
            out.append(", row ").append(row);
        }
        if (column != null) {
            out.append(", column ").append(column);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
