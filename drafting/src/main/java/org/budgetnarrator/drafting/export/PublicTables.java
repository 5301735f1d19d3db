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
 * not print. Money is right-aligned with two decimals; the header row repeats on every page the table runs over and
 * never stands alone at the foot of a page.
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
        OfficialLayout.Page page = OfficialLayout.Page.PORTRAIT;
        int n = 0;
        for (PublicTable table : order) {
            Optional<TableLayout> layout = tables.layout(table);
            String title = layout.map(TableLayout::title).filter(t -> !t.isBlank()).orElse(table.title());
            String heading = ORDINALS[n++] + "、" + title;
            List<PublishedRow> rows = tables.rows(table);
            if (rows.isEmpty() && !emptyByNature(table, tables)) {
                page = turn(doc, page, OfficialLayout.Page.PORTRAIT);
                WordReport.heading(doc, heading, 1);
                WordReport.body(doc, WordReport.GAP + title + "（" + table.number() + "表）的数据未录入】");
                continue;
            }
            Grid grid = switch (table) {
                case T01, T04 -> twoSided(table, rows);
                case T09 -> oneSided(table, rows, false);
                default -> oneSided(table, rows, true);
            };
            // A table whose columns do not fit the portrait type area with every name on one line is printed on a
            // landscape page of its own, as the published reports print their wide tables.
            page = turn(doc, page, grid.fits(OfficialLayout.Page.PORTRAIT) ? OfficialLayout.Page.PORTRAIT : OfficialLayout.Page.LANDSCAPE);
            WordReport.heading(doc, heading, 1);
            caption(doc, data, table, layout, page);
            render(doc, grid, page.textWidth());
            if (rows.isEmpty()) {
                note(doc, "注：本单位无此项内容，本表无数据。");
            }
        }
        turn(doc, page, OfficialLayout.Page.PORTRAIT);
    }

    /** Ends the section of the current orientation where the next content wants the other one. */
    private static OfficialLayout.Page turn(XWPFDocument doc, OfficialLayout.Page current, OfficialLayout.Page wanted) {
        if (current != wanted) {
            OfficialLayout.endSection(doc, current);
        }
        return wanted;
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
    private static void caption(XWPFDocument doc, YearData data, PublicTable table, Optional<TableLayout> layout,
                                OfficialLayout.Page page) {
        String label = layout.map(TableLayout::label).filter(l -> !l.isBlank()).orElse(table.number());
        if (label.startsWith("公开") || label.startsWith("表")) {
            XWPFParagraph number = tableText(doc);
            number.setAlignment(ParagraphAlignment.RIGHT);
            // 公开01 is printed 公开01表; a label that already opens with 表 (表1, 表一) takes no second 表
            WordReport.run(number, label.endsWith("表") || label.startsWith("表") ? label : label + "表", WordReport.BODY_FONT, 12, false);
        }
        XWPFParagraph line = tableText(doc);
        CTTabStop tab = line.getCTP().getPPr().addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setPos(BigInteger.valueOf(page.textWidth()));
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
    private static Grid oneSided(PublicTable table, List<PublishedRow> stored, boolean codes) {
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
        List<GridColumn> head = new ArrayList<>();
        if (codes) {
            // A 项 code is seven digits; one more for the width digits take in a CJK font.
            head.add(new GridColumn("科目编码", Role.CODE, figureWidth(8)));
            head.add(new GridColumn("科目名称", Role.NAME, nameWidth(lines.stream().map(Line::name).toList())));
        } else {
            head.add(new GridColumn("项目", Role.NAME, nameWidth(lines.stream().map(Line::name).toList())));
        }
        if (lineNos) {
            head.add(new GridColumn("行次", Role.LINE_NO, figureWidth(3)));
        }
        columns.forEach(c -> head.add(new GridColumn(header(table, c), Role.MONEY, moneyWidth(lines, c))));
        List<List<GridCell>> body = new ArrayList<>();
        for (Line line : lines) {
            List<GridCell> row = new ArrayList<>();
            if (codes) {
                row.add(new GridCell(line.row() != null && line.row().isAccount() ? line.row().key() : "", ParagraphAlignment.LEFT));
            }
            row.add(new GridCell(line.name(), line.isTotal() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT));
            if (lineNos) {
                row.add(new GridCell(line.lineNo(), ParagraphAlignment.CENTER));
            }
            for (Column column : columns) {
                row.add(new GridCell(value(line.row(), column), ParagraphAlignment.RIGHT));
            }
            body.add(row);
        }
        return new Grid(head, body);
    }

    /**
     * 01 and 04: 收入 on the left, 支出 on the right. The sources face the 类; 本年收入合计 faces 本年支出合计, the
     * carry-over rows face each other, and 总计 faces 总计 on the last line, as the template prints them.
     */
    private static Grid twoSided(PublicTable table, List<PublishedRow> stored) {
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

        int top = Math.max(incomeTop.size(), spendTop.size());
        int bottom = Math.max(incomeBottom.size(), spendBottom.size());
        List<Line> left = new ArrayList<>(incomeTop);
        pad(left, top);
        List<Line> right = new ArrayList<>(spendTop);
        pad(right, top);
        // Totals on the same line at the top of the bottom block and 总计 on the last: carry-overs in between.
        left.addAll(align(incomeBottom, bottom));
        right.addAll(align(spendBottom, bottom));

        List<GridColumn> head = new ArrayList<>();
        head.add(new GridColumn("收入项目", Role.NAME, nameWidth(left.stream().map(Line::name).toList())));
        if (lineNos) {
            head.add(new GridColumn("行次", Role.LINE_NO, figureWidth(3)));
        }
        incomeColumns.forEach(c -> head.add(new GridColumn(table == PublicTable.T04 ? "金额" : header(table, c), Role.MONEY,
                Math.max(moneyWidth(left, c), figureWidth(9)))));
        head.add(new GridColumn("支出项目", Role.NAME, nameWidth(right.stream().map(Line::name).toList())));
        if (lineNos) {
            head.add(new GridColumn("行次", Role.LINE_NO, figureWidth(3)));
        }
        spendColumns.forEach(c -> head.add(new GridColumn(header(table, c), Role.MONEY, Math.max(moneyWidth(right, c), figureWidth(9)))));
        List<List<GridCell>> body = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            List<GridCell> row = new ArrayList<>();
            side(row, left.get(i), lineNos, incomeColumns);
            side(row, right.get(i), lineNos, spendColumns);
            body.add(row);
        }
        return new Grid(head, body);
    }

    private static void side(List<GridCell> row, Line line, boolean lineNos, List<Column> columns) {
        row.add(new GridCell(line.name(), line.isTotal() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT));
        if (lineNos) {
            row.add(new GridCell(line.lineNo(), ParagraphAlignment.CENTER));
        }
        for (Column column : columns) {
            row.add(new GridCell(value(line.row(), column), ParagraphAlignment.RIGHT));
        }
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

    /** The table in the given width of type area, its header row repeated on every page. */
    private static void render(XWPFDocument doc, Grid grid, int textWidth) {
        int[] widths = grid.widths(textWidth);
        XWPFTable t = table(doc, grid.head().stream().map(GridColumn::header).toList(), widths);
        for (List<GridCell> cells : grid.rows()) {
            XWPFTableRow row = t.createRow();
            for (int c = 0; c < cells.size(); c++) {
                text(row, c, cells.get(c).text(), cells.get(c).align());
            }
        }
        widths(t, widths);
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
        // The header (often three lines of a wrapped 年初结转和结余) is not torn across pages, and its paragraphs keep
        // with the next, which keeps the row with the first body row: a header left alone at the foot of a page made
        // LibreOffice (7.4) drop every row of the table (ReadBackTest's report-026, 公开08).
        header.setCantSplitRow(true);
        for (int c = 0; c < head.size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            width(cell, widths[c]);
            cell.getCTTc().getTcPr().addNewVAlign().setVal(STVerticalJc.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            single(p);
            p.setAlignment(ParagraphAlignment.CENTER);
            p.setKeepNext(true);
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
        // A body row is left free to break across pages (it is one line unless a name wraps): where a page break
        // fell after an unbreakable body row under a repeated header of several lines, LibreOffice (7.4) dropped the
        // rows after it.
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

    /** What a column holds: how it takes its share of a page's room. */
    enum Role { CODE, NAME, LINE_NO, MONEY }

    /** A column: its header and the narrowest width (twips) that keeps its content on one line. */
    record GridColumn(String header, Role role, int least) {
    }

    record GridCell(String text, ParagraphAlignment align) {
    }

    /** A table laid out but not yet placed: its columns and its rows of cells. */
    record Grid(List<GridColumn> head, List<List<GridCell>> rows) {

        /** The width every column needs for its content on one line: names unwrapped, figures never wrapped. */
        int needed() {
            return head.stream().mapToInt(GridColumn::least).sum();
        }

        boolean fits(OfficialLayout.Page page) {
            return needed() <= page.textWidth();
        }

        /**
         * Codes and 行次 as narrow as their figures, each money column as wide as its longest figure, the names as wide as
         * their longest; room to spare goes half to the figures and half to the names, so that the table fills the type
         * area. Where the page is too narrow even so, the money columns keep their width (a figure must never wrap) and
         * the names give up the difference and wrap.
         */
        int[] widths(int textWidth) {
            int[] out = head.stream().mapToInt(GridColumn::least).toArray();
            List<Integer> names = new ArrayList<>();
            List<Integer> money = new ArrayList<>();
            for (int c = 0; c < head.size(); c++) {
                if (head.get(c).role() == Role.NAME) {
                    names.add(c);
                } else if (head.get(c).role() == Role.MONEY) {
                    money.add(c);
                }
            }
            int spare = textWidth - needed();
            if (spare > 0 && !money.isEmpty()) {
                int each = spare / 2 / money.size();
                for (int c : money) {
                    out[c] += each;
                }
                spare -= each * money.size();
            }
            if (!names.isEmpty()) {
                int each = spare / names.size();
                for (int c : names) {
                    out[c] = Math.max(MIN_COLUMN, out[c] + each);
                }
                out[names.get(names.size() - 1)] += spare - each * names.size();
                out[names.get(names.size() - 1)] = Math.max(MIN_COLUMN, out[names.get(names.size() - 1)]);
            }
            return out;
        }
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
