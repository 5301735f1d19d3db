package org.budgetnarrator.drafting.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetnarrator.drafting.indicator.IndicatorEvaluation;
import org.budgetnarrator.drafting.indicator.IndicatorEvaluator;
import org.budgetnarrator.drafting.indicator.IndicatorInput;
import org.budgetnarrator.drafting.indicator.ScoringProfile;
import org.budgetnarrator.drafting.indicator.SelfEvaluation;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.measure.Percent;
import org.budgetnarrator.model.read.YearData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-evaluation tables as a workbook: the department-wide table (预算执行率 and every indicator with its
 * target, actual, weight, recorded score and the score the profile suggests) and one table per project. Every
 * figure is the stored one or the evaluator's, written as text exactly as the GraphQL API serves it.
 */
public final class SelfEvaluationWorkbook {

    private static final String[] HEAD = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "建议得分", "完成情况", "偏差原因分析及改进措施"};

    private SelfEvaluationWorkbook() {
    }

    public static byte[] write(YearData data, ScoringProfile profile) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<Indicator> departmentWide = data.indicators().stream().filter(i -> i.projectId() == null).toList();
            Sheet sheet = book.createSheet("部门整体绩效自评表");
            int r = 0;
            r = title(sheet, r, bold, data.department().name() + " " + data.year().year() + "年度部门整体支出绩效自评表");
            SelfEvaluation e = SelfEvaluation.evaluate(data.year().executed(), data.year().adjustedBudget(),
                    departmentWide.stream().map(IndicatorInput::of).toList(), data.year().totalScore(), profile);
            Row budget = sheet.createRow(r++);
            text(budget, 0, "预算执行率");
            text(budget, 3, "全年预算数 " + plain(data.year().adjustedBudget()) + " 万元");
            text(budget, 4, "执行数 " + plain(data.year().executed()) + " 万元");
            text(budget, 5, plain(e.budgetExecution().weight()));
            text(budget, 6, plain(data.year().budgetExecutionScore()));
            text(budget, 7, plain(e.budgetExecution().score()));
            text(budget, 8, rate(Measures.executionRate(data.year().executed(), data.year().adjustedBudget(), data.year().initialBudget())));
            r = indicators(sheet, r, bold, departmentWide, profile);
            Row total = sheet.createRow(r++);
            text(total, 0, "总分");
            text(total, 6, plain(e.recordedTotal()));
            text(total, 7, plain(e.suggestedTotal()));
            text(total, 8, "评分规则：" + profile.title());
            finish(book, sheet, r);

            int n = 0;
            for (Project p : data.projects()) {
                List<Indicator> own = data.indicators().stream().filter(i -> p.id() != null && p.id().equals(i.projectId())).toList();
                if (own.isEmpty()) {
                    continue;
                }
                n++;
                Sheet ps = book.createSheet(safeName(n + " " + (p.name() == null ? "项目" : p.name())));
                int pr = title(ps, 0, bold, (p.name() == null ? "项目" : p.name()) + " 项目支出绩效自评表");
                Row money = ps.createRow(pr++);
                text(money, 0, "全年预算数（万元）");
                text(money, 3, plain(p.adjustedBudget()));
                text(money, 4, "执行数（万元）");
                text(money, 5, plain(p.executed()));
                text(money, 8, rate(Measures.executionRate(p.executed(), p.adjustedBudget(), p.initialBudget())));
                pr = indicators(ps, pr, bold, own, profile);
                finish(book, ps, pr);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 执行率 as GraphQL serves it: Measures' exact percentage, rounded half up once to two decimals. */
    static String rate(Percent rate) {
        return rate == null ? "" : "执行率 " + rate.rounded(2).toPlainString() + "%";
    }

    private static int title(Sheet sheet, int r, CellStyle bold, String title) {
        Row row = sheet.createRow(r++);
        text(row, 0, title).setCellStyle(bold);
        // The title spans the table, as printed self-evaluation tables set it.
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, HEAD.length - 1));
        Row head = sheet.createRow(r++);
        for (int c = 0; c < HEAD.length; c++) {
            text(head, c, HEAD[c]).setCellStyle(bold);
        }
        return r;
    }

    private static int indicators(Sheet sheet, int r, CellStyle bold, List<Indicator> indicators, ScoringProfile profile) {
        for (Indicator i : indicators) {
            IndicatorEvaluation e = IndicatorEvaluator.evaluate(i, profile);
            Row row = sheet.createRow(r++);
            text(row, 0, i.level1());
            text(row, 1, i.level2());
            text(row, 2, i.name());
            text(row, 3, i.target());
            text(row, 4, i.actual());
            text(row, 5, plain(i.weight()));
            text(row, 6, plain(i.score()));
            text(row, 7, plain(e.suggestedScore()));
            text(row, 8, status(e));
            text(row, 9, i.deviationNote());
        }
        return r;
    }

    static String status(IndicatorEvaluation e) {
        return switch (e.status()) {
            case MET -> "达到目标";
            case EXCEEDED -> "超过目标";
            case NOT_MET -> "未达到目标";
            case NOT_COMPARABLE -> "无法比较";
            case UNPARSED -> "无法识别";
        };
    }

    private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String value) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        return cell;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * Column widths, thin borders round every cell of the table (title row aside), the title centred, and the page:
     * A4 landscape, one page wide, the print area the table and its header row repeated on every printed page.
     */
    private static void finish(Workbook book, Sheet sheet, int rows) {
        int[] widths = {12, 14, 24, 16, 16, 8, 8, 10, 12, 30};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256 * 2);
        }
        Map<CellStyle, CellStyle> bordered = new HashMap<>();
        for (int r = 1; r < rows; r++) {
            Row row = sheet.getRow(r) != null ? sheet.getRow(r) : sheet.createRow(r);
            for (int c = 0; c < HEAD.length; c++) {
                Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
                cell.setCellStyle(bordered.computeIfAbsent(cell.getCellStyle(), base -> {
                    CellStyle s = book.createCellStyle();
                    s.cloneStyleFrom(base);
                    s.setBorderTop(BorderStyle.THIN);
                    s.setBorderBottom(BorderStyle.THIN);
                    s.setBorderLeft(BorderStyle.THIN);
                    s.setBorderRight(BorderStyle.THIN);
                    s.setWrapText(true);
                    s.setVerticalAlignment(VerticalAlignment.CENTER);
                    return s;
                }));
            }
        }
        Cell title = sheet.getRow(0).getCell(0);
        CellStyle centred = book.createCellStyle();
        centred.cloneStyleFrom(title.getCellStyle());
        centred.setAlignment(HorizontalAlignment.CENTER);
        title.setCellStyle(centred);
        sheet.setAutobreaks(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, HEAD.length - 1));
        book.setPrintArea(book.getSheetIndex(sheet), 0, HEAD.length - 1, 0, rows - 1);
    }

    private static String safeName(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
