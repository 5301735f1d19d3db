package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.budgetnarrator.model.domain.BudgetUnit;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.List;

/**
 * 第一部分 部门概况, from what is stored for the department: its duties (部门主要职责), how its accounts are made up
 * (机构设置, from the number of 二级 units), the units its accounts consolidate (部门决算单位构成, from the stored budget
 * units) and its staff (财政供养人员数). A sub-part whose data is not stored is left out rather than written from
 * nothing; with none stored the part holds a gap for the officer.
 */
final class Overview {

    /** The kinds of the import format's budgetUnits.kind. */
    private static final String OWN_LEVEL = "本级";
    private static final String SECOND_LEVEL = "二级";
    private static final String[] ORDINALS = {"一", "二", "三", "四"};

    private Overview() {
    }

    /**
     * The units within the scope of the year's final accounts (纳入部门决算编制范围的单位), 本级 first, then the 二级
     * units, each group in stored order; units stored without a kind follow, unnamed as to level. Null where none is
     * stored.
     */
    static String units(YearData data) {
        List<BudgetUnit> all = data.budgetUnits().stream().filter(u -> u.name() != null && !u.name().isBlank()).toList();
        if (all.isEmpty()) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        group(groups, "本级", all.stream().filter(u -> OWN_LEVEL.equals(u.kind())).toList());
        group(groups, "二级单位", all.stream().filter(u -> SECOND_LEVEL.equals(u.kind())).toList());
        group(groups, "", all.stream().filter(u -> !OWN_LEVEL.equals(u.kind()) && !SECOND_LEVEL.equals(u.kind())).toList());
        return "纳入本部门" + data.year().year() + "年度部门决算编制范围的单位共" + all.size() + "个，包括："
                + String.join("；", groups) + "。";
    }

    private static void group(List<String> groups, String label, List<BudgetUnit> units) {
        if (!units.isEmpty()) {
            groups.add(label + String.join("、", units.stream().map(u -> u.name().strip()).toList()));
        }
    }

    static void write(XWPFDocument doc, YearData data) {
        Department d = data.department();
        String name = d.name() == null ? "" : d.name();
        List<String> titles = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        if (d.duties() != null && !d.duties().isBlank()) {
            titles.add("部门主要职责");
            bodies.add(d.duties().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        }
        Integer units = data.year().subUnitCount();
        if (units != null) {
            titles.add("机构设置情况");
            bodies.add(List.of(units == 0
                    ? "从单位构成看，" + name + "部门决算仅包括" + name + "本级决算，无下属单位。"
                    : "从单位构成看，" + name + "部门决算由实行独立核算的" + name + "本级决算和" + units + "个下属单位决算组成。"));
        }
        String scope = units(data);
        if (scope != null) {
            titles.add("部门决算单位构成");
            bodies.add(List.of(scope));
        }
        if (d.staffCount() != null) {
            titles.add("人员构成情况");
            bodies.add(List.of(name + "财政供养人员" + d.staffCount() + "人。"));
        }
        WordReport.part(doc, "第一部分 部门概况");
        if (titles.isEmpty()) {
            WordReport.body(doc, WordReport.GAP + "部门主要职责、机构设置和人员构成情况】");
            return;
        }
        for (int i = 0; i < titles.size(); i++) {
            WordReport.heading(doc, ORDINALS[i] + "、" + titles.get(i), 1);
            bodies.get(i).forEach(line -> WordReport.body(doc, line));
        }
    }
}
