package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.List;

/**
 * 第一部分 部门概况, from what is stored for the department: its duties (部门主要职责), how its accounts are made up
 * (机构设置, from the number of 二级 units) and its staff (财政供养人员数). A sub-part whose data is not stored is left
 * out rather than written from nothing; with none stored the part holds a gap for the officer.
 */
final class Overview {

    private static final String[] ORDINALS = {"一", "二", "三"};

    private Overview() {
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
