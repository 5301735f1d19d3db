package org.budgetnarrator.model.reading;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionedLayoutReaderTest {

    /** The module runs with user.dir = model/, so the shared seeds are two levels up from it. */
    private static final Path SEED = Path.of("..", "..", "shared", "seeds", "xianning-city-2024-final-accounts.txt");

    /** Three tables as {@code pdftotext -layout} prints a report in the national layout (figures right-aligned). */
    private static final String LAID_OUT = String.join("\n",
            "   一、收入支出决算总表",
            "                                            公开 01 表",
            "部门：河西县财政局                                 金额单位：万元",
            "         收入项目        决算数          支出项目      决算数",
            "一般公共预算财政拨款收入           919.60 一般公共服务支出        504.40",
            "其他收入                    11.48 社会保障和就业支出        426.68",
            "       本年收入合计          931.08    本年支出合计        931.08",
            "          总计           931.08     总计           931.08",
            "\f   二、收入决算表",
            "                                                   公开 02 表",
            "部门：河西县财政局                                        金额单位：万元",
            "                              本年收入 财政拨款         其他收",
            "科目编码                 科目名称",
            "                              合计   收入           入",
            "                      合计     931.08   919.60     11.48",
            "201       一般公共服务支出           504.40   492.92     11.48",
            "20106     财政事务               504.40   492.92     11.48",
            "\f   三、支出决算表",
            "                                                   公开 03 表",
            "部门：河西县财政局                                        金额单位：万元",
            "                              本年支出      基本支      项目支",
            "科目编码                 科目名称",
            "                              合计        出         出",
            "                      合计     931.08   829.53   101.55",
            "201       一般公共服务支出           504.40   402.85   101.55",
            "") + "\n";

    @Test
    void aLaidOutReportIsReadByWhereItsFiguresStandUnderTheHeaders() {
        ReadResult result = ReportReader.standard().read(ReportSource.ofText("laid-out.txt", LAID_OUT));
        assertTrue(result.report().notes().contains("按" + new PositionedLayoutReader().name() + "表式读取"), result.report().notes().toString());
        assertEquals("11.48", cell(result, "T01", "other_income", "amount"));
        assertEquals("426.68", cell(result, "T01", "208", "amount"));
        assertEquals("931.08", cell(result, "T01", "expenditure_grand_total", "amount"));
        assertEquals("919.60", cell(result, "T02", "total", "fiscal"));
        assertEquals("11.48", cell(result, "T02", "20106", "otherIncome"));
        assertEquals(null, cell(result, "T02", "20106", "superiorSubsidy"));
        assertEquals("101.55", cell(result, "T03", "201", "project"));
        assertEquals(0, result.report().uncertainCells().size(), result.report().uncertainCells().toString());
    }

    @Test
    void figuresALineSetsTighterAreSettledByTheFilesTheyStandInAndNeverPlacedWrong() {
        // pdftotext sets a line tighter now and then: 11.48 then stands under 财政拨款收入 beside 492.92
        String tight = LAID_OUT.replace("201       一般公共服务支出           504.40   492.92     11.48",
                        "201       一般公共服务支出           504.40 492.92 11.48")
                .replace("20106     财政事务               504.40   492.92     11.48",
                        "20106     财政事务                      492.92 11.48");
        ReadResult result = ReportReader.standard().read(ReportSource.ofText("laid-out.txt", tight));
        assertEquals("492.92", cell(result, "T02", "201", "fiscal"));
        assertEquals("11.48", cell(result, "T02", "201", "otherIncome"));
        Map<String, String> truth = Map.of("total/total", "931.08", "total/fiscal", "919.60", "total/otherIncome", "11.48",
                "201/total", "504.40", "201/fiscal", "492.92", "201/otherIncome", "11.48", "20106/fiscal", "492.92",
                "20106/otherIncome", "11.48");
        for (ReadingReport.Placed p : result.report().placedCells()) {
            if (p.table().equals("T02")) {
                assertEquals(truth.get(p.row() + "/" + p.column()), p.value(), p.toString());
            }
        }
        // 20106's figures both stand right of 财政拨款收入's centre; 201's line shows their two files are two columns in
        // order, and 本年收入合计 has its own: so they are 财政拨款收入 and 其他收入
        assertEquals("492.92", cell(result, "T02", "20106", "fiscal"));
        assertEquals("11.48", cell(result, "T02", "20106", "otherIncome"));
    }

    @Test
    void aFigureWhoseEdgeStandsOnAHeadersCentreIsReportedUncertain() {
        // 492.92 ends on 财政拨款收入's centre: it fits that column and 本年收入合计
        String border = LAID_OUT.replace("20106     财政事务               504.40   492.92     11.48",
                "20106     财政事务" + " ".repeat(17) + "492.92" + " ".repeat(9) + "11.48");
        ReadResult result = ReportReader.standard().read(ReportSource.ofText("laid-out.txt", border));
        assertTrue(result.report().uncertainCells().stream()
                        .anyMatch(u -> u.table().equals("T02") && "20106".equals(u.row()) && u.value().equals("492.92")),
                result.report().uncertainCells().toString());
        assertTrue(result.report().placedCells().stream()
                .noneMatch(p -> p.table().equals("T02") && p.row().equals("20106") && p.value().equals("492.92")));
    }

    @Test
    void aSqueezedHeadersLabelsAreAssembledInOrderAndItsColumnsPlacedByTheFiguresFiles() {
        // pdftotext -layout pulls a header's words up to each other: 上缴上 / 级支出 and 经营支 / 出 overlap, and the
        // header stands left of its figures; a line leaving its last four cells blank is placed by the full lines' files
        String t03 = String.join("\n",
                "   三、支出决算表",
                "                                                              公开 03 表",
                "部门：河西县财政局                                                 金额单位：万元",
                "                                                              对附属",
                "                             本年支出            项目支 上缴上 经营支",
                "科目编码               科目名称              基本支出                     单位补",
                "                              合计              出    级支出   出",
                "                                                              助支出",
                "208       社会保障和就业支出           257.51    250.00      7.51    0.00    0.00    0.00",
                "20805     行政事业单位养老支出          257.51    250.00      7.51    0.00    0.00    0.00",
                "210       卫生健康支出               12.84     12.84",
                "") + "\n";
        String report = LAID_OUT.substring(0, LAID_OUT.indexOf("\f   三、")) + "\f" + t03;
        ReadResult result = ReportReader.standard().read(ReportSource.ofText("squeezed.txt", report));
        assertEquals("257.51", cell(result, "T03", "208", "total"));
        assertEquals("250.00", cell(result, "T03", "208", "basic"));
        assertEquals("7.51", cell(result, "T03", "208", "project"));
        assertEquals("0.00", cell(result, "T03", "20805", "subsidiary"));
        assertEquals("12.84", cell(result, "T03", "210", "total"));
        assertEquals("12.84", cell(result, "T03", "210", "basic"));
        assertEquals(null, cell(result, "T03", "210", "project"));
        assertTrue(result.report().uncertainCells().stream().noneMatch(u -> u.table().equals("T03")),
                result.report().uncertainCells().toString());
    }

    @Test
    void whereTheRowsIdentitiesAllowTwoColumnsForAFileItsFiguresAreUncertain() {
        // no line fills its block: 总 = 基本 + X holds for X under any of the four columns right of 基本支出
        String t03 = String.join("\n",
                "   三、支出决算表",
                "                                                              公开 03 表",
                "部门：河西县财政局                                                 金额单位：万元",
                "                                                              对附属",
                "                             本年支出            项目支 上缴上 经营支",
                "科目编码               科目名称              基本支出                     单位补",
                "                              合计              出    级支出   出",
                "                                                              助支出",
                "208       社会保障和就业支出           257.51    250.00                      7.51",
                "20805     行政事业单位养老支出          257.51    250.00                      7.51",
                "") + "\n";
        String report = LAID_OUT.substring(0, LAID_OUT.indexOf("\f   三、")) + "\f" + t03;
        ReadResult result = ReportReader.standard().read(ReportSource.ofText("squeezed.txt", report));
        assertEquals("257.51", cell(result, "T03", "208", "total"));
        assertEquals("250.00", cell(result, "T03", "208", "basic"));
        assertTrue(result.report().uncertainCells().stream()
                        .anyMatch(u -> u.table().equals("T03") && "208".equals(u.row()) && u.value().equals("7.51")
                                && u.alternatives().size() >= 2),
                result.report().uncertainCells().toString());
        assertTrue(result.report().placedCells().stream()
                .noneMatch(p -> p.table().equals("T03") && p.value().equals("7.51")));
    }

    @Test
    void theXianningSeedRunTogetherIsLeftToTheNationalReader() throws Exception {
        ReportSource seed = ReportSource.ofText("xianning.txt", Files.readString(SEED));
        assertEquals(0, new PositionedLayoutReader().score(seed));
        assertTrue(new PositionedLayoutReader().score(ReportSource.ofText("laid-out.txt", LAID_OUT)) > 0);
    }

    @SuppressWarnings("unchecked")
    private static String cell(ReadResult result, String table, String row, String column) {
        for (Map<String, Object> r : (List<Map<String, Object>>) result.document().get("publishedTables")) {
            if (r.get("table").equals(table) && r.get("row").equals(row) && r.get("period") == null) {
                Object v = r.get(column);
                return v == null ? null : v.toString();
            }
        }
        return null;
    }
}
