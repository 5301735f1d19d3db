package org.budgetnarrator.model.imports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The format's bounds fit the PostgreSQL columns, so that a value the importer accepts is stored unchanged
 * there as on SQLite (which enforces no sizes): texts within their VARCHAR, numbers within NUMERIC(24,6) and
 * INTEGER. Read from the migrations themselves.
 */
class ColumnBoundsTest {

    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+) ([A-Z]+(?:\\(\\d+(?:,\\d+)?\\))?)", Pattern.MULTILINE);
    private static final Pattern ADDED = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) ([A-Z]+(?:\\(\\d+(?:,\\d+)?\\))?)");

    /** Column types by "table.column", from every PostgreSQL migration. */
    private static Map<String, String> columns() throws IOException {
        Map<String, String> types = new HashMap<>();
        List<Path> migrations;
        try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration", "postgresql"))) {
            migrations = files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList();
        }
        for (Path migration : migrations) {
            String sql = Files.readString(migration);
            Matcher table = TABLE.matcher(sql);
            while (table.find()) {
                Matcher column = COLUMN.matcher(table.group(2));
                while (column.find()) {
                    types.put(table.group(1) + "." + column.group(1), column.group(2));
                }
            }
            Matcher added = ADDED.matcher(sql);
            while (added.find()) {
                types.put(added.group(1) + "." + added.group(2), added.group(3));
            }
        }
        assertTrue(types.size() > 100, "the migrations were read: " + types.size());
        return types;
    }

    @Test
    void everyStoredFieldFitsItsColumn() throws IOException {
        Map<String, String> types = columns();
        int checked = 0;
        for (TableSpec table : ImportFormat.TABLES) {
            for (Field field : table.fields()) {
                if (field.column() == null) {
                    continue;
                }
                String type = types.get(table.dbTable() + "." + field.column());
                assertNotNull(type, () -> "no column " + table.dbTable() + "." + field.column());
                String where = table.key() + "." + field.key() + " (" + type + ")";
                switch (field.type()) {
                    case TEXT, CODE -> {
                        assertTrue(field.maxLength() > 0, where);
                        if (type.startsWith("VARCHAR")) {
                            assertTrue(field.maxLength() <= size(type), () -> where + " allows " + field.maxLength());
                        } else {
                            assertEquals("TEXT", type, where);
                        }
                    }
                    case ENUM -> field.choices().keySet().forEach(k -> assertTrue(k.length() <= size(type), where + " " + k));
                    case MONEY, DECIMAL -> {
                        assertEquals("NUMERIC(24,6)", type, where);
                        Digits digits = field.type().digits();
                        assertTrue(digits.fraction() <= 6 && digits.integer() <= 24 - 6, where);
                    }
                    case INTEGER -> {
                        assertEquals("INTEGER", type, where);
                        assertTrue(Math.pow(10, field.type().digits().integer()) - 1 <= Integer.MAX_VALUE, where);
                    }
                    default -> throw new AssertionError(where);
                }
                checked++;
            }
        }
        assertTrue(checked > 100, "fields checked: " + checked);
        assertTrue(ImportFormat.MAX_FILE_NAME <= size(types.get("department_year.source_name")));
        assertTrue(ImportFormat.INDICATOR_PROJECT.maxLength() <= size(types.get("project.name")), "an indicator names its project");
    }

    @Test
    void derivedParentLinesStayWithinTheColumn() {
        // A derived 类 sums at most all the lines of its table, each below 10^12: the sum keeps within 18 digits.
        Digits money = FieldType.MONEY.digits();
        int rows = Math.max(ImportFormat.ACCOUNTS.maxRows(), ImportFormat.ECONOMIC_ACCOUNTS.maxRows());
        assertTrue(money.integer() + String.valueOf(rows).length() <= Digits.COLUMN.integer());
    }

    private static int size(String type) {
        Matcher m = Pattern.compile("VARCHAR\\((\\d+)\\)").matcher(type);
        assertTrue(m.matches(), type);
        return Integer.parseInt(m.group(1));
    }
}
