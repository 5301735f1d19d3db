package org.budgetnarrator.model.reading;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the reader takes from a report's head before any table: its kind, year and department. */
class ReportReaderHeadTest {

    private static ReadResult read(String text) {
        return ReportReader.standard().read(ReportSource.ofText("head.txt", text));
    }

    @Test
    void theTemplatesSpacedPlaceholdersMarkItAsTheTemplate() {
        // As pdftotext prints the national template's PDF: the Latin placeholder set apart by spaces.
        ReadResult result = read("上海市 XX 局\n2024 年度部门决算\n第一部分 上海市 XX 局概况\n纳入上海市 XX 局 2024 年度部门决算编制范围的单位包括：\n");
        assertEquals(ReadResult.ReportKind.TEMPLATE, result.kind());
        assertNull(result.document());
    }

    @Test
    void aReportNamingOneXxInPassingIsStillADepartmentsReport() {
        ReadResult result = read("2024年度部门决算\n部门：咸宁市测试局 单位：万元\n备注：XX 局的数字见附表\n");
        assertEquals(ReadResult.ReportKind.FINAL_ACCOUNTS, result.kind());
    }

    @Test
    void theMoneyUnitAboveATableIsNotTheDepartment() {
        ReadResult result = read("上海市普陀区测试局\n2024 年度部门决算\n收入支出决算总表\n单位：万元\n部门：上海市普陀区测试局\n");
        assertEquals("上海市普陀区测试局", ((java.util.Map<?, ?>) result.document().get("department")).get("name"));
        ReadResult unit = read("2024 年度部门决算\n部门：河西县财政局          金额单位：万元\n");
        assertEquals("河西县财政局", ((java.util.Map<?, ?>) unit.document().get("department")).get("name"));
        ReadResult none = read("2024 年度部门决算\n收入支出决算总表\n单位：万元\n");
        assertEquals("未识别部门", ((java.util.Map<?, ?>) none.document().get("department")).get("name"));
    }

    @Test
    void withoutADepartmentLineTheNameIsTakenFromTheOverviewOrTheCover() {
        ReadResult overview = read("中共上海市普陀区委\n社会工作部 2024 年度\n部门决算\n第一部分 中共上海市普陀区委社会工作部概况\n");
        assertEquals("中共上海市普陀区委社会工作部", ((java.util.Map<?, ?>) overview.document().get("department")).get("name"));
        ReadResult cover = read("上海市普陀区财政局\n2024年度部门决算\n收入支出决算总表\n");
        assertEquals("上海市普陀区财政局", ((java.util.Map<?, ?>) cover.document().get("department")).get("name"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hunan-provincial-2024-department-self-evaluation.txt",
            "shijiazhuang-city-2024-budget-performance-targets.txt", "zhanjiang-city-2026-department-performance-targets.txt"})
    void aSelfEvaluationOrATargetsDeclarationIsReportedAsAnotherKindAndNotRead(String seed) throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "shared", "seeds", seed));
        ReadResult result = ReportReader.standard().read(ReportSource.ofText(seed, text));
        assertEquals(ReadResult.ReportKind.OTHER, result.kind(), result.report().notes().toString());
        assertNull(result.document());
        assertEquals(1, result.report().notes().size());
        org.junit.jupiter.api.Assertions.assertTrue(result.report().notes().get(0).endsWith("不是部门决算，未读取数据"),
                result.report().notes().toString());
    }

    @Test
    void theLevelIsJudgedFromThePlaceTheDepartmentsNameNames() {
        assertEquals("COUNTY", ReportReader.level("上海市普陀区财政局"));
        assertEquals("COUNTY", ReportReader.level("中共上海市普陀区委社会工作部"));
        assertEquals("PROVINCIAL", ReportReader.level("上海市规划和自然资源局"));
        assertEquals("CITY", ReportReader.level("中共咸宁市委外事工作委员会办公室"));
        assertEquals("PROVINCIAL", ReportReader.level("湖北省财政厅"));
        assertEquals("CITY", ReportReader.level("湖北省咸宁市财政局"));
        assertEquals("COUNTY", ReportReader.level("四川省大英县文化广电旅游局"));
        assertEquals("COUNTY", ReportReader.level("杭州市临安区高虹镇中心幼儿园"));
        assertEquals("COUNTY", ReportReader.level("重庆市綦江区三江中学"));
        assertEquals("PROVINCIAL", ReportReader.level("广西壮族自治区财政厅"));
        assertEquals("CITY", ReportReader.level("宁波市卫生信息中心"));
        assertNull(ReportReader.level("某某单位"));
    }
}
