package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.domain.PublicTable.Side;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.TableLayout;
import org.budgetnarrator.model.read.PublishedTables;
import org.budgetnarrator.model.read.YearData;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nine public tables (公开01–09) as the report published them, from the stored published tables
 * ({@link PublishedTables}): in the report's order, each under its number and title with the 部门 and 金额单位 line,
 * its printed rows (the 行次 where the report printed them), the 合计/总计 and carry-over rows of the template,
 * and blank cells left blank — a figure is never made up here, neither a 0 for a blank nor a sum the report did
 * not print. Money is right-aligned with two decimals; the header row repeats on every page the table runs over.
 */
final class PublicTables {

    /** Table text: 小五 (9 pt), as published tables print it. */
    static final int SIZE = 9;
    /** Left and right cell margins, twips. */
    private static final int CELL_MARGIN = 60;
    /** The narrowest column: three characters of a header a line. */
    private static final int MIN_COLUMN = 3 * SIZE * 20 + 2 * CELL_MARGIN + 40;
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final List<PublicTable> NINE = List.of(PublicTable.T01, PublicTable.T02, PublicTable.T03, PublicTable.T04,
            PublicTable.T05, PublicTable.T06, PublicTable.T07, PublicTable.T08, PublicTable.T09);

    /** The columns the national template prints for a table (a side of 01 and 04); others print where stored. */
    private static final Map<PublicTable, List<Column>> TEMPLATE = Map.of(
            PublicTable.T02, List.of(Column.TOTAL, Column.FISCAL, Column.SUPERIOR_SUBSIDY, Column.SERVICE_INCOME, Column.OPERATING_INCOME,
                    Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME),
            PublicTable.T03, List.of(Column.TOTAL, Column.BASIC, Column.PROJECT, Column.REMITTANCE, Column.BUSINESS, Column.SUBSIDIARY),
            PublicTable.T05, List.of(Column.TOTAL, Column.BASIC, Column.PROJECT),
            PublicTable.T06, List.of(Column.AMOUNT),
            PublicTable.T07, List.of(Column.CARRY_BEGIN, Column.INCOME, Column.TOTAL, Column.BASIC, Column.PROJECT, Column.CARRY_END),
            PublicTable.T08, List.of(Column.TOTAL, Column.BASIC, Column.PROJECT),
            PublicTable.T09, List.of(Column.BUDGET, Column.ACTUAL));

    private PublicTables() {
    }

    static void write(XWPFDocument doc, YearData data) {
        PublishedTables tables = data.tables();
        List<PublicTable> order = NINE.stream().sorted(Comparator.comparingInt(t -> position(tables, t))).toList();
        int n = 0;
        for (PublicTable table : order) {
            Optional<TableLayout> layout = tables.layout(table);
            String title = layout.map(TableLayout::title).filter(t -> !t.isBlank()).orElse(table.title());
            WordReport.heading(doc, ORDINALS[n++] + "、" + title, 1);
            List<PublishedRow> rows = tables.rows(table);
            if (rows.isEmpty() && !emptyByNature(table, tables)) {
                WordReport.body(doc, WordReport.GAP + title + "（" + table.number() + "表）的数据未录入】");
                continue;
            }
            caption(doc, data, table, layout);
            switch (table) {
                case T01, T04 -> twoSided(doc, table, rows);
                case T09 -> oneSided(doc, table, rows, false);
                default -> oneSided(doc, table, rows, true);
            }
            if (rows.isEmpty()) {
                note(doc, "注：本单位无此项内容，本表无数据。");
            }
        }
    }

    /** Where the report printed the table; the template's order where it did not say. */
    private static int position(PublishedTables tables, PublicTable table) {
        return tables.layout(table).map(TableLayout::position).orElse(table.ordinal() + 1);
    }

    /**
     * 07 and 08 print empty, with a remark, when the department has no such funds: shown by the stored 公开01 row of
     * the fund's appropriation income being blank or zero. Without that row nothing is known, and the table is a gap.
     */
    private static boolean emptyByNature(PublicTable table, PublishedTables tables) {
        String income = switch (table) {
            case T07 -> "government_fund_budget_appropriation";
            case T08 -> "state_capital_budget_appropriation";
            default -> null;
        };
        if (income == null) {
            return false;
        }
        return tables.row(PublicTable.T01, income).map(r -> r.cell(Column.AMOUNT) == null || r.cell(Column.AMOUNT).signum() == 0)
                .orElse(false);
    }

    /** The table's number right-aligned, then 部门 on the left and 金额单位 on the right, as the reports print them. */
    private static void caption(XWPFDocument doc, YearData data, PublicTable table, Optional<TableLayout> layout) {
        String label = layout.map(TableLayout::label).filter(l -> !l.isBlank()).orElse(table.number());
        if (label.startsWith("公开") || label.startsWith("表")) {
            XWPFParagraph number = tableText(doc);
            number.setAlignment(ParagraphAlignment.RIGHT);
            WordReport.run(number, label.endsWith("表") ? label : label + "表", WordReport.BODY_FONT, 12, false);
        }
        XWPFParagraph line = tableText(doc);
        CTTabStop tab = line.getCTP().getPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(OfficialLayout.TEXT_WIDTH));
        WordReport.run(line, "部门：" + nz(data.department().name()), WordReport.BODY_FONT, 12, false);
        line.createRun().addTab();
        WordReport.run(line, "金额单位：万元", WordReport.BODY_FONT, 12, false);
    }

    private static XWPFParagraph tableText(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        single(p);
        p.setKeepNext(true);
        return p;
    }

    private static void note(XWPFDocument doc, String text) {
        XWPFParagraph p = tableText(doc);
        p.setKeepNext(false);
        WordReport.run(p, text, WordReport.BODY_FONT, 10, false);
    }

    /** One-sided tables (02, 03, 05–09): 科目编码 and 科目名称 (or 项目), 行次 where printed, then the money columns. */
    private static void oneSided(XWPFDocument doc, PublicTable table, List<PublishedRow> stored, boolean codes) {
        List<Column> columns = columns(table, stored, TEMPLATE.getOrDefault(table, table.columns()));
        boolean lineNos = stored.stream().anyMatch(PublicTables::printsLineNo);
        List<Line> lines = new ArrayList<>();
        Map<String, PublishedRow> byKey = byKey(stored);
        // The template's totals print even where the report's transcription left them out: blank, never summed here.
        List<PublicTable.NamedRow> missing = table.namedRows().stream().filter(r -> !byKey.containsKey(r.key())).toList();
        boolean totalsFirst = table.codes() == PublicTable.Codes.FUNCTIONAL;
        if (table.codes() == PublicTable.Codes.NONE) {
            // 三公: the items in the template's order, then the report's own rows (single trips).
            table.namedRows().forEach(r -> lines.add(byKey.containsKey(r.key()) ? Line.of(byKey.get(r.key()), display(table, byKey.get(r.key())))
                    : Line.template(r.key(), label(table, r))));
            stored.stream().filter(PublishedRow::isAccount).forEach(r -> lines.add(Line.of(r, display(table, r))));
        } else if (totalsFirst) {
            missing.forEach(r -> lines.add(Line.template(r.key(), label(table, r))));
        }
        if (table.codes() != PublicTable.Codes.NONE) {
            stored.forEach(r -> lines.add(Line.of(r, display(table, r))));
        }
        if (!totalsFirst && table.codes() != PublicTable.Codes.NONE) {
            missing.forEach(r -> lines.add(Line.template(r.key(), label(table, r))));
        }
        List<String> head = new ArrayList<>();
        if (codes) {
            head.add("科目编码");
            head.add("科目名称");
        } else {
            head.add("项目");
        }
        if (lineNos) {
            head.add("行次");
        }
        columns.forEach(c -> head.add(header(table, c)));
        int nameWidth = nameWidth(lines.stream().map(Line::name).toList());
        int[] widths = widths(codes, nameWidth, lineNos, columns.stream().mapToInt(c -> moneyWidth(lines, c)).toArray());
        XWPFTable t = table(doc, head, widths);
        for (Line line : lines) {
            XWPFTableRow row = t.createRow();
            int c = 0;
            if (codes) {
                text(row, c++, line.row() != null && line.row().isAccount() ? line.row().key() : "", ParagraphAlignment.LEFT);
            }
            text(row, c++, line.name(), line.isTotal() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            if (lineNos) {
                text(row, c++, line.lineNo(), ParagraphAlignment.CENTER);
            }
            for (Column column : columns) {
                text(row, c++, value(line.row(), column), ParagraphAlignment.RIGHT);
            }
        }
        widths(t, widths);
    }

    /**
     * 01 and 04: 收入 on the left, 支出 on the right. The sources face the 类; 本年收入合计 faces 本年支出合计, the
     * carry-over rows face each other, and 总计 faces 总计 on the last line, as the template prints them.
     */
    private static void twoSided(XWPFDocument doc, PublicTable table, List<PublishedRow> stored) {
        Map<String, PublishedRow> byKey = byKey(stored);
        List<Line> incomeTop = new ArrayList<>();
        List<Line> incomeBottom = new ArrayList<>();
        List<Line> spendTop = new ArrayList<>();
        List<Line> spendBottom = new ArrayList<>();
        boolean incomeTotals = false;
        for (PublicTable.NamedRow named : table.namedRows()) {
            PublishedRow row = byKey.get(named.key());
            Line line = row != null ? Line.of(row, display(table, row)) : Line.template(named.key(), label(table, named));
            if (named.side() == Side.INCOME) {
                incomeTotals |= named.key().equals("income_total");
                (incomeTotals ? incomeBottom : incomeTop).add(line);
            } else {
                spendBottom.add(line);
            }
        }
        // Rows the template does not name (the 类 of the 支出 side) in the report's order.
        stored.stream().filter(PublishedRow::isAccount).forEach(r -> spendTop.add(Line.of(r, display(table, r))));
        List<Column> incomeColumns = List.of(Column.AMOUNT);
        List<Column> spendColumns = table == PublicTable.T04
                ? columns(table, stored.stream().filter(r -> r.side() == Side.EXPENDITURE).toList(),
                List.of(Column.TOTAL, Column.GENERAL, Column.FUND, Column.STATE_CAPITAL))
                : List.of(Column.AMOUNT);
        boolean lineNos = stored.stream().anyMatch(PublicTables::printsLineNo);
        List<String> head = new ArrayList<>();
        head.add("收入项目");
        if (lineNos) {
            head.add("行次");
        }
        incomeColumns.forEach(c -> head.add(table == PublicTable.T04 ? "金额" : header(table, c)));
        head.add("支出项目");
        if (lineNos) {
            head.add("行次");
        }
        spendColumns.forEach(c -> head.add(header(table, c)));

        int top = Math.max(incomeTop.size(), spendTop.size());
        int bottom = Math.max(incomeBottom.size(), spendBottom.size());
        List<Line> left = new ArrayList<>(incomeTop);
        pad(left, top);
        List<Line> right = new ArrayList<>(spendTop);
        pad(right, top);
        // Totals on the same line at the top of the bottom block and 总计 on the last: carry-overs in between.
        left.addAll(align(incomeBottom, bottom));
        right.addAll(align(spendBottom, bottom));

        int lineNo = lineNos ? figureWidth(3) : 0;
        int[] leftMoney = incomeColumns.stream().mapToInt(c -> Math.max(moneyWidth(left, c), figureWidth(9))).toArray();
        int[] rightMoney = spendColumns.stream().mapToInt(c -> Math.max(moneyWidth(right, c), figureWidth(9))).toArray();
        int numbers = 2 * lineNo + java.util.Arrays.stream(leftMoney).sum() + java.util.Arrays.stream(rightMoney).sum();
        int names = (OfficialLayout.TEXT_WIDTH - numbers) / 2;
        int[] widths = new int[head.size()];
        int c = 0;
        widths[c++] = names;
        if (lineNos) {
            widths[c++] = lineNo;
        }
        for (int m : leftMoney) {
            widths[c++] = m;
        }
        widths[c++] = OfficialLayout.TEXT_WIDTH - numbers - names;
        if (lineNos) {
            widths[c++] = lineNo;
        }
        for (int m : rightMoney) {
            widths[c++] = m;
        }
        XWPFTable t = table(doc, head, widths);
        for (int i = 0; i < left.size(); i++) {
            XWPFTableRow row = t.createRow();
            int k = 0;
            k = side(row, k, left.get(i), lineNos, incomeColumns);
            side(row, k, right.get(i), lineNos, spendColumns);
        }
        widths(t, widths);
    }

    private static int side(XWPFTableRow row, int c, Line line, boolean lineNos, List<Column> columns) {
        text(row, c++, line.name(), line.isTotal() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        if (lineNos) {
            text(row, c++, line.lineNo(), ParagraphAlignment.CENTER);
        }
        for (Column column : columns) {
            text(row, c++, value(line.row(), column), ParagraphAlignment.RIGHT);
        }
        return c;
    }

    /** The bottom block of one side: its first row (本年…合计) first, its last (总计) last, blank lines between. */
    private static List<Line> align(List<Line> block, int size) {
        List<Line> out = new ArrayList<>(block);
        if (out.size() < size) {
            Line last = out.isEmpty() ? Line.blank("") : out.remove(out.size() - 1);
            pad(out, size - 1);
            out.add(last);
        }
        return out;
    }

    private static void pad(List<Line> lines, int size) {
        while (lines.size() < size) {
            lines.add(Line.blank(""));
        }
    }

    /** The template's columns, then every other column of the table a stored row fills, in the template's order. */
    private static List<Column> columns(PublicTable table, List<PublishedRow> stored, List<Column> template) {
        List<Column> out = new ArrayList<>(template);
        for (Column c : table.columns()) {
            if (!out.contains(c) && stored.stream().anyMatch(r -> r.cell(c) != null)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String header(PublicTable table, Column column) {
        return switch (table) {
            case T02 -> column == Column.TOTAL ? "本年收入合计" : column.label();
            case T03 -> column == Column.TOTAL ? "本年支出合计" : column.label();
            case T01, T06 -> column == Column.AMOUNT ? "决算数" : column.label();
            case T07, T08 -> column == Column.TOTAL ? "本年支出合计" : column.label();
            default -> column.label();
        };
    }

    /** The name as the report printed it; the template's where the report's row is not stored. */
    private static String display(PublicTable table, PublishedRow row) {
        if (row.name() != null && !row.name().isBlank()) {
            return row.name();
        }
        return table.namedRow(row.key()).map(n -> label(table, n)).orElse(row.key());
    }

    private static String label(PublicTable table, PublicTable.NamedRow row) {
        if (row.key().endsWith("grand_total")) {
            return "总计";
        }
        return row.label();
    }

    private static String value(PublishedRow row, Column column) {
        if (row == null) {
            return "";
        }
        BigDecimal v = row.cell(column);
        if (v == null) {
            return "";
        }
        return column.kind() == PublicTable.Kind.MONEY ? WordReport.money(v) : v.stripTrailingZeros().toPlainString();
    }

    private static Map<String, PublishedRow> byKey(List<PublishedRow> rows) {
        Map<String, PublishedRow> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.key(), r));
        return out;
    }

    /** The width (twips) a figure needs on one line in 小五: a digit is about 0.6 em, plus the cell's margins. */
    static int figureWidth(int chars) {
        return (int) Math.ceil(chars * 0.6 * SIZE * 20) + 2 * CELL_MARGIN + 40;
    }

    /** A column of figures: as wide as its longest figure, a blank column no narrower than a short header needs. */
    private static int moneyWidth(List<Line> lines, Column column) {
        int longest = lines.stream().mapToInt(l -> value(l.row(), column).length()).max().orElse(0);
        return Math.max(figureWidth(longest), MIN_COLUMN);
    }

    /** Wide enough for the longest name on one line (a CJK character is one em of 小五). */
    private static int nameWidth(List<String> names) {
        int longest = names.stream().mapToInt(PublicTables::ems).max().orElse(8);
        return longest * SIZE * 20 + 2 * CELL_MARGIN + 40;
    }

    private static int ems(String text) {
        double ems = 0;
        for (char ch : text.toCharArray()) {
            ems += ch < 0x2E80 ? 0.6 : 1;
        }
        return (int) Math.ceil(ems);
    }

    /**
     * Codes and 行次 as narrow as their figures, each money column as wide as its longest figure; the name column
     * takes the rest of the type area, so that names stay on one line wherever the page has room for it. Where it has
     * not, the money columns keep their width (a figure must never wrap) and the names wrap.
     */
    private static int[] widths(boolean codes, int nameWidth, boolean lineNos, int[] money) {
        // A 项 code is seven digits; one more for the width digits take in a CJK font.
        int code = codes ? figureWidth(8) : 0;
        int lineNo = lineNos ? figureWidth(3) : 0;
        int numbers = 0;
        for (int m : money) {
            numbers += m;
        }
        int name = OfficialLayout.TEXT_WIDTH - code - lineNo - numbers;
        int[] out = new int[(codes ? 2 : 1) + (lineNos ? 1 : 0) + money.length];
        int spare = name - nameWidth;
        int c = 0;
        if (codes) {
            out[c++] = code;
        }
        out[c++] = name;
        if (lineNos) {
            out[c++] = lineNo;
        }
        for (int m : money) {
            // Room the name does not need is shared out to the figures, so the table fills the type area.
            out[c++] = spare > 0 && money.length > 0 ? m + spare / 2 / money.length : m;
        }
        if (spare > 0 && money.length > 0) {
            out[codes ? 1 : 0] = name - (spare / 2 / money.length) * money.length;
        }
        return out;
    }

    /** A fixed-layout table of the given column widths (twips), its header row repeated on every page. */
    private static XWPFTable table(XWPFDocument doc, List<String> head, int[] widths) {
        XWPFTable t = doc.createTable(1, head.size());
        CTTblPr pr = t.getCTTbl().getTblPr() != null ? t.getCTTbl().getTblPr() : t.getCTTbl().addNewTblPr();
        CTTblWidth width = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(total));
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        t.setCellMargins(0, CELL_MARGIN, 0, CELL_MARGIN);
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < head.size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            width(cell, widths[c]);
            cell.getCTTc().getTcPr().addNewVAlign().setVal(STVerticalJc.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            single(p);
            p.setAlignment(ParagraphAlignment.CENTER);
            WordReport.run(p, head.get(c), WordReport.HEADING_FONT, SIZE, false);
        }
        return t;
    }

    /** Every cell its column's width: Word reads the grid, LibreOffice and older readers the cells. */
    private static void widths(XWPFTable t, int[] widths) {
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < row.getTableCells().size() && c < widths.length; c++) {
                width(row.getCell(c), widths[c]);
            }
        }
    }

    private static void text(XWPFTableRow row, int c, String text, ParagraphAlignment align) {
        XWPFTableCell cell = row.getCell(c) != null ? row.getCell(c) : row.addNewTableCell();
        row.setCantSplitRow(true);
        XWPFParagraph p = cell.getParagraphs().get(0);
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        if (!pr.isSetVAlign()) {
            pr.addNewVAlign().setVal(STVerticalJc.CENTER);
        }
        single(p);
        p.setAlignment(align);
        WordReport.run(p, text == null ? "" : text, WordReport.BODY_FONT, SIZE, false);
    }

    private static void width(XWPFTableCell cell, int twips) {
        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
    }

    /** Table text on single lines, not the body's fixed 28 pt. */
    static void single(XWPFParagraph p) {
        p.setSpacingBetween(1.0);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setIndentationFirstLine(0);
    }

    /** A row the report printed without 行次 has none stored. */
    private static boolean printsLineNo(PublishedRow row) {
        return row.lineNo() != null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One printed line of a table: the stored row (null for a template row the report's transcription lacks). */
    private record Line(PublishedRow row, String key, String name) {
        static Line of(PublishedRow row, String name) {
            return new Line(row, row.key(), name);
        }

        /** A row of the template the stored table lacks: its name, its cells blank. */
        static Line template(String key, String name) {
            return new Line(null, key, name);
        }

        static Line blank(String name) {
            return new Line(null, null, name);
        }

        /** 合计 and 总计 lines print centred, as the template prints them. */
        boolean isTotal() {
            return key != null && (key.equalsIgnoreCase("total") || key.endsWith("_total")) && !key.startsWith("carry");
        }

        String lineNo() {
            return row == null || !printsLineNo(row) ? "" : String.valueOf(row.lineNo());
        }
    }
}
