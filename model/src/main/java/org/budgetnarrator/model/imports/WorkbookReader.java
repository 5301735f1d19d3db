package org.budgetnarrator.model.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;

/**
 * Reads a department-year workbook (the layout {@link WorkbookWriter} produces) into a {@link RawDocument}.
 * Row 1 of each sheet explains it, row 2 holds the headers, data starts on row 3. Record sheets (年度, 部门,
 * 年度概况) hold one field per row: the field in column A, its value in column B.
 * Numeric cells are read through their shortest decimal form, so 244.27 typed in Excel is 244.27 exactly.
 */
public final class WorkbookReader {

    static final int HEADER_ROW = 1;
    static final int FIRST_DATA_ROW = 2;

    private final DataFormatter formatter = new DataFormatter();

    public RawDocument read(String fileName, byte[] content) {
        if (content.length > ImportFormat.MAX_DOCUMENT_BYTES) {
            return JsonDocumentReader.tooLarge(fileName, content.length);
        }
        RawDocument doc = new RawDocument(fileName);
        long unpacked = unpackedSize(content);
        if (unpacked > ImportFormat.MAX_WORKBOOK_UNPACKED_BYTES) {
            doc.fatal(ImportProblem.error(Location.file(fileName), null, "more than " + Texts.count(unpacked) + " bytes unpacked",
                    "expected a workbook whose parts unpack to at most " + Texts.count(ImportFormat.MAX_WORKBOOK_UNPACKED_BYTES)
                            + " bytes (64 MiB)"));
            return doc;
        }
        Workbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (Exception | LinkageError e) {
            doc.fatal(ImportProblem.error(Location.file(fileName), null, null,
                    "expected a readable .xlsx workbook; the file is damaged or truncated (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")"));
            return doc;
        }
        try (workbook) {
            for (Sheet sheet : workbook) {
                TableSpec table = ImportFormat.bySheet(sheet.getSheetName());
                if (table == null) {
                    doc.problem(ImportProblem.warning(Location.sheet(fileName, sheet.getSheetName()), null, null,
                            "sheet not part of the format; ignored"));
                    continue;
                }
                if (table.single()) {
                    readRecord(doc, table, sheet);
                } else {
                    readTable(doc, table, sheet);
                }
            }
        } catch (IOException e) {
            doc.problem(ImportProblem.error(Location.file(fileName), null, null, "cannot read the workbook: " + e.getMessage()));
        }
        for (TableSpec required : new TableSpec[]{ImportFormat.DOCUMENT, ImportFormat.DEPARTMENT}) {
            if (!doc.has(required)) {
                doc.problem(ImportProblem.error(Location.sheet(fileName, required.sheet()), null, null,
                        "sheet " + required.sheet() + " is missing; expected it (see bin/narrator template)"));
            }
        }
        return doc;
    }

    /**
     * How many bytes the workbook's parts unpack to, counted by unpacking them (sizes in the zip headers can lie),
     * stopping once past the limit: POI would otherwise build a whole sheet's XML in memory first. A file that is
     * not a readable zip counts 0 here; POI then reports it as damaged.
     */
    private static long unpackedSize(byte[] content) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > ImportFormat.MAX_WORKBOOK_UNPACKED_BYTES) {
                        return total;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
        return total;
    }

    private void readRecord(RawDocument doc, TableSpec table, Sheet sheet) {
        RawRow record = doc.single(table, Location.sheet(doc.fileName(), sheet.getSheetName()));
        for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String name = text(row.getCell(0));
            Cell valueCell = row.getCell(1);
            if (name == null || name.isBlank()) {
                continue;
            }
            Location at = Location.cell(doc.fileName(), sheet.getSheetName(), r + 1, "B");
            var field = table.fieldByHeader(name);
            if (field.isEmpty()) {
                doc.problem(ImportProblem.error(Location.cell(doc.fileName(), sheet.getSheetName(), r + 1, "A"), null, name,
                        "expected one of the fields of sheet " + sheet.getSheetName() + ": "
                                + String.join(", ", table.fields().stream().map(Field::header).toList())));
                continue;
            }
            record.values().put(field.get().key(), value(valueCell, at));
        }
    }

    private void readTable(RawDocument doc, TableSpec table, Sheet sheet) {
        var rows = doc.rows(table);
        Row header = sheet.getRow(HEADER_ROW);
        Map<Integer, Field> columns = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        if (header != null) {
            for (Cell cell : header) {
                String name = text(cell);
                if (name == null || name.isBlank()) {
                    continue;
                }
                String letter = CellReference.convertNumToColString(cell.getColumnIndex());
                var field = table.fieldByHeader(name);
                if (field.isEmpty()) {
                    doc.problem(ImportProblem.error(Location.cell(doc.fileName(), sheet.getSheetName(), HEADER_ROW + 1, letter),
                            null, name, "expected a column header of sheet " + sheet.getSheetName() + ": "
                                    + String.join(", ", table.fields().stream().map(Field::header).toList())));
                    continue;
                }
                if (seen.putIfAbsent(field.get().key(), cell.getColumnIndex()) != null) {
                    doc.problem(ImportProblem.error(Location.cell(doc.fileName(), sheet.getSheetName(), HEADER_ROW + 1, letter),
                            null, name, "duplicate column; each field once"));
                    continue;
                }
                columns.put(cell.getColumnIndex(), field.get());
            }
        }
        for (Field f : table.fields()) {
            if (f.required() && !seen.containsKey(f.key())) {
                doc.problem(ImportProblem.error(Location.cell(doc.fileName(), sheet.getSheetName(), HEADER_ROW + 1, null),
                        f.key() + " (" + f.label() + ")", null, "column missing; expected a column headed " + f.header()));
            }
        }
        for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, columns)) {
                continue;
            }
            if (rows.size() >= table.maxRows()) {
                doc.problem(ImportProblem.error(Location.cell(doc.fileName(), sheet.getSheetName(), r + 1, null), table.key(), null,
                        "expected at most " + Texts.count(table.maxRows()) + " rows on sheet " + sheet.getSheetName()
                                + "; this row and those after it were not read"));
                break;
            }
            RawRow raw = new RawRow(Location.cell(doc.fileName(), sheet.getSheetName(), r + 1, null));
            for (Map.Entry<Integer, Field> column : columns.entrySet()) {
                String letter = CellReference.convertNumToColString(column.getKey()) + " (" + column.getValue().label() + ")";
                Location at = Location.cell(doc.fileName(), sheet.getSheetName(), r + 1, letter);
                raw.values().put(column.getValue().key(), value(row.getCell(column.getKey()), at));
            }
            rows.add(raw);
        }
    }

    private boolean blank(Row row, Map<Integer, Field> columns) {
        for (Integer c : columns.keySet()) {
            RawValue v = value(row.getCell(c), null);
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private RawValue value(Cell cell, Location at) {
        try {
            return cellValue(cell, at);
        } catch (RuntimeException e) {
            // A cell whose stored value POI cannot read (a crafted file): a problem of its field, not a failed import.
            return new RawValue(new RawValue.Unreadable("an unreadable cell"), "an unreadable cell", at, "an unreadable cell");
        }
    }

    private RawValue cellValue(Cell cell, Location at) {
        if (cell == null) {
            return RawValue.of(null, at, "blank");
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING -> {
                String s = cell.getStringCellValue();
                return RawValue.of(s == null ? null : s.strip(), at, "text");
            }
            case NUMERIC -> {
                String display = formatter.formatCellValue(cell);
                if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                    return new RawValue(display, display, at, "date");
                }
                double value = cell.getNumericCellValue();
                if (!Double.isFinite(value)) {
                    return new RawValue(new RawValue.Unreadable(display), display, at, "number");
                }
                BigDecimal number = BigDecimal.valueOf(value);
                if (display.endsWith("%")) {
                    number = number.movePointRight(2);
                }
                if (number.scale() > 0) {
                    number = number.stripTrailingZeros();
                    if (number.scale() < 0) {
                        number = number.setScale(0);
                    }
                }
                return new RawValue(number, display, at, "number");
            }
            case BOOLEAN -> {
                return RawValue.of(cell.getBooleanCellValue(), at, "boolean");
            }
            case ERROR -> {
                return new RawValue("#ERROR", formatter.formatCellValue(cell), at, "an error cell");
            }
            default -> {
                return RawValue.of(null, at, "blank");
            }
        }
    }

    private String text(Cell cell) {
        return cell == null ? null : formatter.formatCellValue(cell).strip();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
