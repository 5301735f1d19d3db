package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report states only what the department-year's document holds: final accounts draft the 情况说明, a self-evaluation
 * its three blocks, a budget year a summary of its targets; a section of another document is refused, and a document
 * with nothing entered has nothing to draft.
 */
class StageDraftsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DraftEngine engine = DraftEngine.shipped();
    private final StyleProfile style = StyleProfiles.load(StyleProfiles.DEFAULT);

    private static Map<String, Object> demo(String file) throws Exception {
        return MAPPER.readValue(StageDraftsTest.class.getResourceAsStream("/demo/" + file).readAllBytes(),
                new TypeReference<LinkedHashMap<String, Object>>() {
                });
    }

    private static YearData data(String file, Map<String, Object> doc) throws Exception {
        return DraftsPassTheAuditTest.of(file, MAPPER.writeValueAsBytes(doc));
    }

    private static YearData data(String file) throws Exception {
        return data(file, demo(file));
    }

    private static List<String> headings(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.matches("^[一二三四五六七八九十]+、.*") && line.length() < 40) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void eachStageHoldsItsOwnSections() {
        assertEquals(EnumSet.range(SectionKind.TOTALS, SectionKind.IMPROVEMENT_PLAN), DocumentKind.FINAL_ACCOUNTS.sections());
        assertEquals(EnumSet.of(SectionKind.INDICATOR_DEVIATIONS, SectionKind.SELF_EVALUATION_DEVIATION, SectionKind.IMPROVEMENT_PLAN),
                DocumentKind.SELF_EVALUATION.sections());
        assertEquals(EnumSet.of(SectionKind.BUDGET_GOAL, SectionKind.BUDGET_FUNDS, SectionKind.KEY_TASKS, SectionKind.TARGET_INDICATORS),
                DocumentKind.BUDGET_TARGETS.sections());
        assertEquals(DocumentKind.BUDGET_TARGETS, DocumentKind.ofStage("BUDGET"));
        assertThrows(IllegalArgumentException.class, () -> DocumentKind.ofStage("DRAFT"));
    }

    @Test
    void finalAccountsDraftTheWholeReportAsBefore() throws Exception {
        YearData xianning = XianningGoldenTest.xianning();
        Draft report = engine.report(xianning, style);
        assertEquals("第三部分 2024年度部门决算情况说明", report.title());
        assertEquals(List.of("一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明",
                "五、一般公共预算财政拨款支出决算情况说明", "六、一般公共预算财政拨款基本支出决算情况说明", "七、政府性基金预算财政拨款收入支出决算情况说明",
                "八、国有资本经营预算财政拨款支出决算情况说明", "九、财政拨款“三公”经费支出决算情况说明", "十、机关运行经费支出说明", "十一、政府采购支出说明",
                "十二、国有资产占用情况说明", "十三、预算绩效情况说明"), headings(report.text()));
        // The self-evaluation tables a 部门决算 carries are drafted too; a budget's targets are not there.
        assertTrue(engine.draft(xianning, SectionKind.INDICATOR_DEVIATIONS, style).text().length() > 0);
        SectionNotHeldException refused = assertThrows(SectionNotHeldException.class,
                () -> engine.draft(xianning, SectionKind.BUDGET_GOAL, style));
        assertEquals("2024年度仅有部门决算（含绩效自评），无部门预算（绩效目标），不能起草“年度总体绩效目标”。", refused.getMessage());
        assertEquals(java.util.Optional.empty(), DocumentKind.of(xianning).nothingToDraft(xianning));
    }

    @Test
    void aSelfEvaluationYearDraftsOnlyItsSelfEvaluationBlocks() throws Exception {
        YearData hunan = data("hunan-2024.json");
        Draft report = engine.report(hunan, style);
        assertEquals("2024年度部门整体支出绩效自评情况说明", report.title());
        assertEquals("""
                一、偏差大或目标未完成原因分析
                2024年度预算数为5462.27万元，执行数为4624.00万元，执行率为84.65%。主要原因：【待补充：预算执行偏差的主要原因】。
                二、绩效指标偏差原因分析及改进措施
                各项绩效指标均已完成年度指标值，无偏差。
                三、改进措施及结果应用方案
                【待补充：改进措施及结果应用方案】""", report.text());
        assertEquals(2, report.missing().size());
        assertFalse(report.text().contains("决算"), report.text());
        assertFalse(report.text().contains("收入支出决算总体情况"));

        SectionNotHeldException refused = assertThrows(SectionNotHeldException.class, () -> engine.draft(hunan, SectionKind.TOTALS, style));
        assertEquals("2024年度仅有绩效自评，无部门决算，不能起草“一、收入支出决算总体情况说明”。", refused.getMessage());
        assertEquals(DocumentKind.SELF_EVALUATION, refused.held());
        assertEquals(SectionKind.TOTALS, refused.section());
        assertThrows(SectionNotHeldException.class, () -> engine.draft(hunan, SectionKind.PERFORMANCE, style));
        assertThrows(SectionNotHeldException.class, () -> engine.draft(hunan, SectionKind.KEY_TASKS, style));
    }

    @Test
    void aBudgetYearDraftsASummaryOfItsTargetsAndNoFinalAccounts() throws Exception {
        YearData zhanjiang = data("zhanjiang-2026.json");
        Draft report = engine.report(zhanjiang, style);
        assertEquals("2026年度部门预算绩效目标", report.title());
        assertEquals(List.of("一、年度总体绩效目标", "二、预算安排情况", "三、年度重点工作任务及项目绩效目标", "四、部门整体绩效指标"),
                headings(report.text()));
        for (String word : List.of("决算", "执行数", "执行率", "偏差", "实际完成")) {
            assertFalse(report.text().contains(word), word + " in " + report.text());
        }
        assertEquals(List.of(), report.missing(), "the declaration states everything the summary says");
        assertTrue(report.text().startsWith("一、年度总体绩效目标\n统筹协助本市重大外事工作和涉外活动，"), report.text());

        assertEquals("2026年度部门预算支出1141.23万元，其中：基本支出1069.37万元，占93.70%；项目支出71.86万元，占6.30%。"
                        + "按资金来源分，财政拨款1141.23万元。\n预算项目共7个，预算资金合计71.86万元。",
                engine.draft(zhanjiang, SectionKind.BUDGET_FUNDS, style).text());
        String tasks = engine.draft(zhanjiang, SectionKind.KEY_TASKS, style).text();
        assertEquals("（1）2025年非税工作经费：预算18630.00元。主要实施内容：补充人员经费及公用经费。"
                + "绩效目标：确保单位正常运转和人员工资福利及时发放到位。", tasks.split("\n")[0]);
        assertEquals("（5）推动对外交流合作：预算40000.00元。主要实施内容：组团出访印尼和澳大利亚两国，进行友城交流，共商强化友城联络平台，"
                + "拓展并深化友城在经贸、旅游、教育、科研方面的务实合作。拜会昆士兰州投资贸易促进署、澳大利亚悉尼港、面向印尼中华总商会、"
                + "印尼广东总商会等有关社团商企进行招商推介，与邦加-勿里洞省签署加强交流合作意向书，进一步推动两地在经贸领域深度合作。"
                + "绩效目标：驻穗领馆官员来湛访问考察次数 ≥ 3次，参加领馆活动次数 ≥ 6次。", tasks.split("\n")[4]);
        assertEquals(7, tasks.split("\n").length);
        String indicators = engine.draft(zhanjiang, SectionKind.TARGET_INDICATORS, style).text();
        assertEquals(11, indicators.split("\n").length, "the two rows the declaration fills with 无 state nothing: " + indicators);
        assertEquals("（1）支出及时率（产出指标—数量指标）：年度指标值为“100%”。", indicators.split("\n")[0]);
        assertEquals("（8）严控经费开支（效益指标—成本指标）：年度指标值为“在预算范围内，严格执行财务管理制度，控制各类支出”。",
                indicators.split("\n")[7]);
        assertEquals("（11）职工满意度(%)（满意度指标—服务对象满意度指标）：年度指标值为“100%”。", indicators.split("\n")[10]);

        SectionNotHeldException refused = assertThrows(SectionNotHeldException.class,
                () -> engine.draft(zhanjiang, SectionKind.TOTALS, style));
        assertEquals("2026年度仅有部门预算（绩效目标），无部门决算，不能起草“一、收入支出决算总体情况说明”。", refused.getMessage());
        assertEquals("2026年度仅有部门预算（绩效目标），无绩效自评，不能起草“偏差原因分析及改进措施”。",
                assertThrows(SectionNotHeldException.class, () -> engine.draft(zhanjiang, SectionKind.INDICATOR_DEVIATIONS, style)).getMessage());
    }

    @Test
    void aBudgetYearWithProjectsButNoDepartmentSplitStatesItsProjects() throws Exception {
        YearData shijiazhuang = data("shijiazhuang-2024.json");
        Draft report = engine.report(shijiazhuang, style);
        assertEquals("2024年度部门预算绩效目标", report.title());
        assertFalse(report.text().contains("决算"), report.text());
        assertEquals("预算项目共8个，预算资金合计1123.74万元，均为当年财政拨款。", engine.draft(shijiazhuang, SectionKind.BUDGET_FUNDS, style).text());
        assertEquals("（1）办公设备购置（项目编码13010024P0097121005）：预算10.70万元，均为当年财政拨款。"
                        + "主要实施内容：用于办公设备购置,提高工作效率,确保日常办公正常开展。"
                        + "资金支出计划：6月底前支出60%，10月底前支出90%，12月底前支出100%。"
                        + "绩效指标：办公设备购置数量“≥8台”；设备验收合格率/达标率“≥95%”；及时性“≥100%”；预算控制数“≤10.7 万元”；"
                        + "办公设备正常运行“≥95%”；设备使用人员满意度“≥95%”。",
                engine.draft(shijiazhuang, SectionKind.KEY_TASKS, style).text().split("\n")[0]);
        assertEquals("""
                （1）计划领事保护培训、APEC商务旅行卡培训等（产出指标—数量指标）：年度指标值为“450 人次左右”。
                （2）培训对象满意度（满意度指标—服务对象满意度指标）：年度指标值为“≥90%”。
                （3）接待外国友好组织和团体、民间友好人士来访（产出指标—数量指标）：年度指标值为“不少于9次”。
                （4）组织我市友好经济代表团出访（产出指标—数量指标）：年度指标值为“不少于6次”。""",
                engine.draft(shijiazhuang, SectionKind.TARGET_INDICATORS, style).text());
    }

    @Test
    void whatTheDeclarationLacksIsAGapNeverInvented() throws Exception {
        Map<String, Object> doc = demo("zhanjiang-2026.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
        summary.remove("overallGoal");
        summary.remove("basicExpenditure");
        summary.remove("projectExpenditure");
        summary.remove("fundFiscalAppropriation");
        summary.remove("fundOther");
        doc.remove("projects");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) doc.get("indicators");
        indicators.get(0).remove("target");
        YearData lacking = data("zhanjiang-2026.json", doc);
        assertEquals("【待补充：年度总体绩效目标未录入】", engine.draft(lacking, SectionKind.BUDGET_GOAL, style).text());
        assertEquals("【待补充：部门预算支出及其资金来源未录入】", engine.draft(lacking, SectionKind.BUDGET_FUNDS, style).text());
        assertEquals("【待补充：年度重点工作任务及预算项目未录入】", engine.draft(lacking, SectionKind.KEY_TASKS, style).text());
        Draft targets = engine.draft(lacking, SectionKind.TARGET_INDICATORS, style);
        assertEquals("（1）支出及时率（产出指标—数量指标）：【待补充：支出及时率的年度指标值未录入】", targets.text().split("\n")[0]);
        assertEquals(1, targets.missing().size());
        // Its indicators are still something to draft.
        assertEquals(java.util.Optional.empty(), DocumentKind.of(lacking).nothingToDraft(lacking));
    }

    @Test
    void aYearWhoseDocumentHoldsNothingHasNothingToDraftWithTheReason() throws Exception {
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("format", "budget-narrator/department-year@2");
        budget.put("year", 2026);
        budget.put("stage", "BUDGET");
        budget.put("department", Map.of("code", "T-EMPTY", "name", "测试空白部门", "level", "CITY"));
        YearData empty = data("empty.json", budget);
        assertEquals("2026年度部门预算（绩效目标）未录入总体绩效目标、预算金额、重点工作任务和绩效指标，无可起草的内容。",
                DocumentKind.of(empty).nothingToDraft(empty).orElseThrow());
        budget.put("stage", "SELF_EVALUATION");
        YearData emptyEvaluation = data("empty.json", budget);
        assertEquals("2026年度绩效自评未录入预算执行数、绩效指标和偏差分析，无可起草的内容。",
                DocumentKind.of(emptyEvaluation).nothingToDraft(emptyEvaluation).orElseThrow());
        budget.put("stage", "FINAL_ACCOUNTS");
        YearData emptyAccounts = data("empty.json", budget);
        assertEquals("2026年度部门决算未录入收入、支出数据和决算公开表，无可起草的内容。",
                DocumentKind.of(emptyAccounts).nothingToDraft(emptyAccounts).orElseThrow());
    }
}
