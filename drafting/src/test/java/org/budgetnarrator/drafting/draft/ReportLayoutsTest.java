package org.budgetnarrator.drafting.draft;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportLayoutsTest {

    @Test
    void everyShippedLayoutGivesEachSectionOfTheFinalAccountsOnce() {
        Set<SectionKind> finalAccounts = EnumSet.noneOf(SectionKind.class);
        for (SectionKind k : SectionKind.values()) {
            if (k.finalAccounts()) {
                finalAccounts.add(k);
            }
        }
        for (String name : ReportLayouts.available()) {
            List<SectionKind> contents = ReportLayouts.load(name).contents().stream().map(ReportLayout.Section::content).toList();
            assertEquals(finalAccounts, EnumSet.copyOf(contents), name);
            assertEquals(contents.size(), finalAccounts.size(), name + " lists a section twice");
        }
    }

    @Test
    void everyShippedStyleNamesAShippedLayout() {
        for (String style : StyleProfiles.available()) {
            String layout = StyleProfiles.load(style).layout();
            assertTrue(layout == null || ReportLayouts.available().contains(layout), style + " names " + layout);
        }
    }

    @Test
    void aShanghaiDistrictReportPutsThreePublicSeventhAndOtherMattersUnderEleven() throws Exception {
        Draft report = DraftEngine.shipped().report(XianningGoldenTest.xianning(), StyleProfiles.load("shanghai-district"));
        List<String> headings = new ArrayList<>();
        for (String line : report.text().split("\n")) {
            if (line.matches("^(?:[一二三四五六七八九十]+、|（[一二三]）).*") && line.length() < 30) {
                headings.add(line);
            }
        }
        assertEquals(List.of("一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明",
                "五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况", "（二）一般公共预算财政拨款支出决算结构情况",
                "（三）一般公共预算财政拨款支出决算具体情况", "六、一般公共预算财政拨款基本支出决算情况说明", "七、财政拨款“三公”经费支出决算情况说明",
                "（一）“三公”经费财政拨款支出决算总体情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明",
                "八、政府性基金预算财政拨款收入支出决算情况说明", "九、国有资本经营预算财政拨款收入支出决算情况说明", "十、预算绩效管理情况",
                "（一）预算绩效管理工作开展情况", "（二）部门决算中项目绩效自评结果", "十一、其他重要事项的情况说明", "（一）机关运行经费支出情况", "（二）政府采购支出情况", "（三）国有资产占有使用情况说明"), headings);
        assertEquals("第三部分 2024年度部门决算情况说明", report.title());
        assertEquals("七、财政拨款“三公”经费支出决算情况说明", DraftEngine.shipped().draft(XianningGoldenTest.xianning(),
                SectionKind.THREE_PUBLIC, StyleProfiles.load("shanghai-district")).title());
        assertEquals("（二）政府采购支出情况", DraftEngine.shipped().draft(XianningGoldenTest.xianning(),
                SectionKind.PROCUREMENT, StyleProfiles.load("shanghai-district")).title());
    }

    @Test
    void aLayoutSectionNeedsContentOrPartsNotBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportLayout.Section("十一、其他重要事项", SectionKind.ASSETS,
                        List.of(new ReportLayout.Section("（一）机关运行经费", SectionKind.OFFICE_RUNNING_COST, null))));
        assertTrue(e.getMessage().contains("十一、其他重要事项"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportLayouts.load("no-such-layout"));
    }
}
