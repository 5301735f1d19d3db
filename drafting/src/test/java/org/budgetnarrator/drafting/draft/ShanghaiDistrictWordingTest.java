package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden texts of the sections the 上海 区级 layout words its own way, drafted from the tables of a real report
 * (普陀区规划和自然资源局 2024): facts in, the exact Chinese out.
 */
class ShanghaiDistrictWordingTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");

    static YearData fixture(String report) throws Exception {
        byte[] json = Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json"));
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(report, json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    private static String body(YearData data, SectionKind section, String style) {
        return DraftEngine.shipped().draft(data, section, StyleProfiles.load(style)).text().strip();
    }

    @Test
    void threePublicItemsAreEachStatedWithCompletionChangeShareAndPartsAndAZeroBudgetHasNoCompletionRate() throws Exception {
        String text = body(fixture("putuo-planning-bureau-2024"), SectionKind.THREE_PUBLIC, "shanghai-district");
        assertEquals("""
                （一）“三公”经费财政拨款支出决算总体情况说明
                2024年度“三公”经费财政拨款支出预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：因公出国（境）费支出决算为0.00万元；公务用车购置及运行维护费支出决算为0.00万元；公务接待费支出决算为0.39万元，完成预算的13.68%。“三公”经费财政拨款支出决算数小于预算数的主要原因是：【待补充：“三公”经费财政拨款支出决算数小于全年预算数的主要原因】。公务接待费决算数小于预算数的主要原因是：【待补充：公务接待费决算数小于全年预算数的主要原因】。
                “三公”经费财政拨款支出决算数较上年减少0.15万元，下降27.78%，其中：因公出国（境）费支出与上年持平；公务用车购置及运行维护费支出与上年持平；公务接待费支出较上年减少0.15万元，下降27.78%。“三公”经费财政拨款支出决算数较上年减少的主要原因是：【待补充：“三公”经费财政拨款支出决算数较上年减少的主要原因】。公务接待费支出减少的主要原因是：【待补充：公务接待费决算数较上年减少的主要原因】。
                （二）“三公”经费财政拨款支出决算具体情况说明
                “三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；公务用车购置及运行维护费支出决算0.00万元，占0.00%；公务接待费支出决算0.39万元，占100.00%。具体情况如下：
                1.因公出国（境）费支出0.00万元。全年安排因公出国（境）团组0个、累计0人次。
                2.公务用车购置及运行维护费支出0.00万元。其中：公务用车购置支出0.00万元；公务用车运行维护支出0.00万元。截至2024年12月31日，开支财政拨款的公务用车保有量为0辆。
                3.公务接待费支出0.39万元。其中：国内公务接待支出0.39万元；外宾接待支出0.00万元。全年公务接待2批次、26人次，其中：接待外宾0批次、0人次。""",
                text);
    }

    @Test
    void performanceManagementStatesEachStagesProjectsAndAmountsTheGradesAndTheProblems() throws Exception {
        assertEquals("本部门2024年度全过程绩效管理实施情况：编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；绩效跟踪评价的2024年度项目4个，"
                        + "涉及预算金额598.42万元；绩效自评的2024年度项目4个，涉及预算金额598.42万元（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个；"
                        + "绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个）。绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个。",
                body(fixture("putuo-finance-bureau-2024"), SectionKind.PERFORMANCE, "shanghai-district"));
    }

    @Test
    void procurementStatesTheBudgetsReservedForSmallFirmsAndWhatEachGroupOfProjectsAwardedThem() throws Exception {
        String text = body(fixture("putuo-social-work-dept-2024"), SectionKind.PROCUREMENT, "shanghai-district-plain-zeros");
        assertEquals("""
                本部门2024年度政府采购支出总额21.07万元，其中：政府采购货物支出21.07万元、政府采购工程支出0万元、政府采购服务支出0万元。
                2024年度本部门面向中小企业预留政府采购项目预算金额21.07万元，面向小微企业预留政府采购项目预算金额21.07万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的采购金额21.07万元；在面向小微企业预留的政府采购项目中，由小微企业供应商中标或成交的采购金额21.07万元；在其他政府采购项目中，由中小企业供应商中标或成交的采购金额21.07万元。""",
                text);
        // Without the breakdown the national sentence on the SME total is kept.
        assertTrue(body(XianningGoldenTest.xianning(), SectionKind.PROCUREMENT, "xianning").contains("授予中小企业合同金额"));
    }

    @Test
    void aLayoutMayNameItsOwnTemplateForASectionAndAMalformedNameIsRefused() {
        assertEquals("three-public-itemized", ReportLayouts.load("shanghai-district").templateOf(SectionKind.THREE_PUBLIC));
        assertEquals("three-public", ReportLayouts.load("national").templateOf(SectionKind.THREE_PUBLIC));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportLayout.Section("七、三公", SectionKind.THREE_PUBLIC, List.of(), "../etc/passwd"));
        assertTrue(e.getMessage().contains("七、三公"), e.getMessage());
    }
}
