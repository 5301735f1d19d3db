package org.budgetnarrator.drafting.export;

import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.measure.Percent;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DocumentKind;
import org.budgetnarrator.drafting.draft.TextScans;
import org.budgetnarrator.drafting.indicator.IndicatorEvaluation;
import org.budgetnarrator.drafting.indicator.IndicatorEvaluator;
import org.budgetnarrator.drafting.indicator.ScoringProfiles;
import org.budgetnarrator.drafting.indicator.Status;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.read.YearData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The department's report as a Word document (.docx): the public tables from the stored figures, the
 * drafted 情况说明 with official heading levels and fonts (黑体 headings, 楷体 second level, 仿宋 body — as
 * Chinese government documents use them, named in the file), the four charts (图1–图4), gaps highlighted,
 * and the self-evaluation tables with their deviation cells filled.
 */
public final class WordReport {

    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体";
    static final String BODY_FONT = "仿宋";
    private static final Pattern LEVEL1 = Pattern.compile("^[一二三四五六七八九十]+、");
    private static final Pattern LEVEL2 = Pattern.compile("^（[一二三四五六七八九十]+）");
    /** How a gap for an officer to fill starts; it ends at the next 】. */
    static final String GAP = "【待补充：";

    private WordReport() {
    }

    public static byte[] write(YearData data, Draft report, String contentHash) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DepartmentYear y = data.year();
            DocumentKind kind = DocumentKind.of(data);
            OfficialLayout.apply(doc);
            titlePage(doc, data, kind.cover(y.year()), contentHash);
            Contents contents = Contents.start(doc);
            // The overview, the public tables and the charts are the 部门决算's: a self-evaluation or a budget year prints
            // only what its own document holds.
            boolean finalAccounts = kind == DocumentKind.FINAL_ACCOUNTS;
            if (finalAccounts) {
                Overview.write(doc, data);
                part(doc, "第二部分 " + y.year() + "年度部门决算表");
                PublicTables.write(doc, data);
            }
            part(doc, report.title());
            narrative(doc, data, report, finalAccounts);
            // A budget year's indicators have targets and no actuals: there is no self-evaluation table to print.
            if (kind.holds(org.budgetnarrator.drafting.draft.SectionKind.INDICATOR_DEVIATIONS)) {
                selfEvaluation(doc, data, finalAccounts ? "第六部分 绩效自评表" : "绩效自评表");
            }
            contents.finish(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void narrative(XWPFDocument doc, YearData data, Draft report, boolean charts) throws IOException {
        int figure = 0;
        String section = null;
        List<String> lines = List.of(report.text().split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (LEVEL1.matcher(line).find()) {
                section = line;
                heading(doc, line, 1);
            } else if (LEVEL2.matcher(line).find() && line.length() < 40) {
                heading(doc, line, 2);
            } else {
                body(doc, line);
            }
            boolean lastOfSection = i + 1 == lines.size() || LEVEL1.matcher(lines.get(i + 1)).find();
            if (charts && lastOfSection && section != null) {
                byte[] chart = chartFor(section, data);
                if (chart != null) {
                    figure++;
                    picture(doc, chart, "图" + figure + "：" + captionFor(section));
                }
            }
        }
    }

    private static String captionFor(String section) {
        if (section.startsWith("一、")) {
            return "收、支决算总计变动情况";
        }
        if (section.startsWith("二、")) {
            return "收入决算结构";
        }
        if (section.startsWith("三、")) {
            return "支出决算结构";
        }
        return "财政拨款收、支决算总计变动情况";
    }

    /** 图1 after 一, 图2 after 二, 图3 after 三, 图4 after 四 — as the published reports place them. */
    private static byte[] chartFor(String section, YearData data) {
        DepartmentYear y = data.year();
        BigDecimal income = YearData.sum(data.incomes().stream().filter(i -> !i.source().startsWith("carry_forward_end")
                && !i.source().equals("surplus_distribution")).map(i -> i.amount()).toList());
        BigDecimal spent = data.functionalTotal(AccountLine::actual);
        if (income == null && spent == null) {
            return null;
        }
        if (section.startsWith("一、")) {
            return Charts.change("收、支决算总计变动情况", y.year(),
                    Charts.series("收入总计", y.previousTotalIncome(), income, "支出总计", y.previousTotalExpenditure(), spent));
        }
        if (section.startsWith("二、")) {
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            data.incomes().stream().filter(i -> !i.source().startsWith("carry") && !i.source().equals("surplus_distribution")
                    && !i.source().equals("non_fiscal_surplus_used")).forEach(i -> parts.merge(name(i.source()), i.amount(), BigDecimal::add));
            return Charts.structure("收入决算结构", parts);
        }
        if (section.startsWith("三、")) {
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            parts.put("基本支出", data.functionalTotal(AccountLine::basic));
            parts.put("项目支出", data.functionalTotal(AccountLine::project));
            return Charts.structure("支出决算结构", parts);
        }
        if (section.startsWith("四、")) {
            BigDecimal fiscal = YearData.sum(data.incomes().stream().filter(i -> i.source().endsWith("_appropriation")).map(i -> i.amount()).toList());
            return Charts.change("财政拨款收、支决算总计变动情况", y.year(),
                    Charts.series("财政拨款收入", y.previousFiscalIncome(), fiscal, "财政拨款支出", y.previousFiscalExpenditure(),
                            data.functionalTotal(AccountLine::generalBudget)));
        }
        return null;
    }

    private static String name(String source) {
        return org.budgetnarrator.model.imports.ImportFormat.INCOMES.field("source").orElseThrow().choices().getOrDefault(source, source)
                .replace("一般公共预算财政拨款收入", "财政拨款收入").replace("政府性基金预算财政拨款收入", "财政拨款收入")
                .replace("国有资本经营预算财政拨款收入", "财政拨款收入");
    }

    private static void selfEvaluation(XWPFDocument doc, YearData data, String partTitle) {
        List<Indicator> department = data.departmentIndicators();
        if (department.isEmpty() && data.projects().stream().allMatch(p -> data.indicatorsOf(p).isEmpty())) {
            return;
        }
        part(doc, partTitle);
        if (!department.isEmpty()) {
            heading(doc, data.year().year() + "年度部门整体支出绩效自评表", 1);
            indicatorTable(doc, data, department);
        }
        for (Project p : data.projects()) {
            List<Indicator> indicators = data.indicatorsOf(p);
            if (indicators.isEmpty()) {
                continue;
            }
            heading(doc, data.year().year() + "年度" + p.name() + "项目绩效自评表", 1);
            BigDecimal budget = Measures.budget(p.adjustedBudget(), p.initialBudget());
            Percent rate = Measures.executionRate(p.executed(), p.adjustedBudget(), p.initialBudget());
            body(doc, "预算数（A）：" + money(budget) + "万元；执行数（B）：" + money(p.executed()) + "万元；执行率（B/A）："
                    + (rate == null ? "—" : rate.rounded(2).toPlainString() + "%"));
            indicatorTable(doc, data, indicators);
        }
    }

    /** The 偏差原因分析及改进措施 cell of an indicator: the reasons recorded for a missed one, else a gap; 无偏差 when met. */
    private static String deviation(YearData data, Indicator i) {
        IndicatorEvaluation e = IndicatorEvaluator.evaluate(i, ScoringProfiles.national());
        if (e.status() == Status.NOT_MET) {
            List<String> phrases = data.reasons("indicator:" + i.id(), "BUDGET").stream()
                    .map(r -> r.note() != null ? r.note() : r.code()).toList();
            return phrases.isEmpty() ? GAP + i.name() + "未完成年度指标值的原因及改进措施】" : String.join("；", phrases);
        }
        return i.deviationNote() != null ? i.deviationNote() : "无偏差";
    }

    /**
     * The gaps the document prints beyond the report's text: the self-evaluation tables' deviation cells left for an
     * officer (only where the document has those tables).
     */
    public static int tableGaps(YearData data) {
        if (!DocumentKind.of(data).holds(org.budgetnarrator.drafting.draft.SectionKind.INDICATOR_DEVIATIONS)) {
            return 0;
        }
        int gaps = 0;
        for (Indicator i : data.indicators()) {
            gaps += org.budgetnarrator.drafting.draft.TextScans.notes(deviation(data, i), GAP).size();
        }
        return gaps;
    }

    private static void indicatorTable(XWPFDocument doc, YearData data, List<Indicator> indicators) {
        XWPFTable table = doc.createTable(1, 8);
        String[] header = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"};
        for (int c = 0; c < header.length; c++) {
            cell(table.getRow(0), c, header[c], true);
        }
        for (Indicator i : indicators) {
            XWPFTableRow row = table.createRow();
            String deviation = deviation(data, i);
            String[] values = {i.level1(), i.level2(), i.name(), i.target(), i.actual(), decimal(i.weight()), decimal(i.score()), deviation};
            for (int c = 0; c < values.length; c++) {
                cell(row, c, values[c] == null ? "" : values[c], false);
            }
        }
    }

    static void cell(XWPFTableRow row, int c, String text, boolean bold) {
        var cell = row.getCell(c) != null ? row.getCell(c) : row.addNewTableCell();
        XWPFParagraph p = cell.getParagraphs().get(0);
        PublicTables.single(p);
        int at = 0;
        for (TextScans.Span gap : TextScans.notes(text, GAP)) {
            run(p, text.substring(at, gap.start()), bold ? HEADING_FONT : BODY_FONT, 10, false);
            XWPFRun r = run(p, text.substring(gap.start(), gap.end()), BODY_FONT, 10, false);
            r.setTextHighlightColor("yellow");
            at = gap.end();
        }
        run(p, text.substring(at), bold ? HEADING_FONT : BODY_FONT, 10, false);
    }

    /** The cover: the department and the year's document (部门决算, 绩效自评, 预算绩效目标), in 二号, and the content hash of a final version. */
    private static void titlePage(XWPFDocument doc, YearData data, String cover, String contentHash) {
        XWPFParagraph space = doc.createParagraph();
        space.setSpacingBefore(OfficialLayout.LINE * 6);
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingBetween(44, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        run(title, data.department().name(), HEADING_FONT, 22, false);
        XWPFParagraph year = doc.createParagraph();
        year.setAlignment(ParagraphAlignment.CENTER);
        year.setSpacingBetween(44, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        run(year, cover, HEADING_FONT, 22, false);
        if (contentHash != null) {
            XWPFParagraph hash = doc.createParagraph();
            hash.setAlignment(ParagraphAlignment.CENTER);
            hash.setSpacingBefore(OfficialLayout.LINE * 4);
            run(hash, "定稿校验码（SHA-256）：" + contentHash, BODY_FONT, 9, false);
        }
    }

    /** A part of the report (第一部分 …): Heading 1, on a new page. */
    static void part(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(OfficialLayout.PART_STYLE);
        run(p, text, HEADING_FONT, OfficialLayout.BODY_SIZE, false);
    }

    /** 一级标题 (一、) in 黑体 as Heading 2, 二级标题 (（一）) in 楷体 as Heading 3: GB/T 9704's heading levels. */
    static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(level == 1 ? OfficialLayout.LEVEL1_STYLE : OfficialLayout.LEVEL2_STYLE);
        run(p, text, level == 1 ? HEADING_FONT : SUBHEADING_FONT, OfficialLayout.BODY_SIZE, false);
    }

    static void body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(OfficialLayout.BODY_STYLE);
        p.setFirstLineIndent(2 * OfficialLayout.BODY_SIZE * 20);
        int at = 0;
        for (TextScans.Span gap : TextScans.notes(text, GAP)) {
            run(p, text.substring(at, gap.start()), BODY_FONT, 16, false);
            XWPFRun r = run(p, text.substring(gap.start(), gap.end()), BODY_FONT, 16, true);
            // Gaps stand out so an officer sees what is still to be written.
            r.setTextHighlightColor("yellow");
            at = gap.end();
        }
        run(p, text.substring(at), BODY_FONT, 16, false);
    }

    private static void picture(XWPFDocument doc, byte[] png, String caption) throws IOException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        PublicTables.single(p);
        p.setKeepNext(true);
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, "chart.png",
                    Units.toEMU(Charts.PRINT_WIDTH_POINTS), Units.toEMU(Charts.PRINT_HEIGHT_POINTS));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        XWPFParagraph c = doc.createParagraph();
        c.setAlignment(ParagraphAlignment.CENTER);
        run(c, caption, BODY_FONT, 12, false);
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    static String money(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String decimal(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    static <T> List<String> column(List<T> rows, Function<T, BigDecimal> f) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(money(f.apply(r))));
        return out;
    }

    static String item(ThreePublicLine l) {
        return org.budgetnarrator.model.imports.ImportFormat.THREE_PUBLIC.field("item").orElseThrow().choices().get(l.item());
    }
}
