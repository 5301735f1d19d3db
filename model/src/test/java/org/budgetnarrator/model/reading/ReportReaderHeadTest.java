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
        ReadResult none = read("上海市普陀区测试局\n2024 年度部门决算\n收入支出决算总表\n单位：万元\n");
        assertEquals("未识别部门", ((java.util.Map<?, ?>) none.document().get("department")).get("name"));
    }
}
