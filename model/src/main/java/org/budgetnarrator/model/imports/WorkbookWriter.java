package org.budgetnarrator.model.imports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the department-year workbook: blank (the template officers fill) or holding a stored
 * department-year (an export). Both come from {@link ImportFormat}, so the template never drifts from
 * the importer.
 */
public final class WorkbookWriter {

    /** The blank template. */
    public byte[] template() {
        return write(null);
    }

    /** A workbook holding the given document (in the shape {@code DepartmentYearStore.export} returns). */
    @SuppressWarnings("unchecked")
    public byte[] write(Map<String, Object> doc) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle textStyle = wb.createCellStyle();
            textStyle.setDataFormat(wb.createDataFormat().getFormat("@"));
            for (TableSpec table : ImportFormat.TABLES) {
                Sheet sheet = wb.createSheet(table.sheet());
                sheet.createRow(0).createCell(0).setCellValue(table.title());
                if (table.single()) {
                    Row header = sheet.createRow(WorkbookReader.HEADER_ROW);
                    cell(header, 0, "字段", bold);
                    cell(header, 1, "值", bold);
                    cell(header, 2, "填写要求", bold);
                    Map<String, Object> values = doc == null ? Map.of() : record(doc, table);
                    int r = WorkbookReader.FIRST_DATA_ROW;
                    for (Field f : table.fields()) {
                        if (f.key().equals("format")) {
                            continue;
                        }
                        Row row = sheet.createRow(r++);
                        cell(row, 0, f.header(), null);
                        write(row, 1, f, values.get(f.key()), textStyle);
                        cell(row, 2, (f.required() ? "必填；" : "") + f.describeExpected(), null);
                    }
                    sheet.setColumnWidth(0, 40 * 256);
                    sheet.setColumnWidth(1, 40 * 256);
                    continue;
                }
                Row header = sheet.createRow(WorkbookReader.HEADER_ROW);
                List<Field> fields = table.fields();
                for (int c = 0; c < fields.size(); c++) {
                    cell(header, c, fields.get(c).header(), bold);
                    sheet.setColumnWidth(c, Math.max(14, fields.get(c).header().length() * 2 + 4) * 256);
                }
                List<Map<String, Object>> rows = doc == null ? List.of() : rows(doc, table);
                int r = WorkbookReader.FIRST_DATA_ROW;
                for (Map<String, Object> values : rows) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < fields.size(); c++) {
                        write(row, c, fields.get(c), values.get(fields.get(c).key()), textStyle);
                    }
                }
                sheet.createFreezePane(0, WorkbookReader.FIRST_DATA_ROW);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> doc, TableSpec table) {
        if (table == ImportFormat.DOCUMENT) {
            return doc;
        }
        Object value = doc.get(table.key());
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> doc, TableSpec table) {
        if (table == ImportFormat.BUDGET_UNITS) {
            Map<String, Object> department = (Map<String, Object>) doc.getOrDefault("department", Map.of());
            return (List<Map<String, Object>>) department.getOrDefault("budgetUnits", List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>((List<Map<String, Object>>) doc.getOrDefault(table.key(), List.of()));
        if (table == ImportFormat.INDICATORS) {
            for (Map<String, Object> project : (List<Map<String, Object>>) doc.getOrDefault("projects", List.of())) {
                Object ref = project.get("code") != null ? project.get("code") : project.get("name");
                for (Map<String, Object> indicator : (List<Map<String, Object>>) project.getOrDefault("indicators", List.of())) {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>(indicator);
                    copy.put(ImportFormat.INDICATOR_PROJECT.key(), ref);
                    rows.add(copy);
                }
            }
        }
        return rows;
    }

    /** Significant digits a numeric cell holds exactly. */
    private static final int EXACT_IN_A_CELL = 15;

    private static void write(Row row, int c, Field field, Object value, CellStyle textStyle) {
        Cell cell = row.createCell(c);
        if (!field.isNumeric()) {
            cell.setCellStyle(textStyle);
        }
        if (value == null) {
            return;
        }
        if (field.isNumeric()) {
            BigDecimal number = new BigDecimal(value.toString());
            if (number.precision() > EXACT_IN_A_CELL) {
                // A numeric cell is a double (Excel shows 15 digits): more digits are kept exactly as text.
                cell.setCellStyle(textStyle);
                cell.setCellValue(number.toPlainString());
            } else {
                cell.setCellValue(number.doubleValue());
            }
        } else if (field.type() == FieldType.ENUM) {
            cell.setCellValue(field.choices().getOrDefault(value.toString(), value.toString()));
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
