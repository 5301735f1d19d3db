package org.budgetnarrator.model.generate;

import org.budgetnarrator.model.imports.ImportFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic department-years shaped like the demo data, for scale tests and benchmarks: real
 * functional codes three levels deep with parents equal to the sums of their children, actual = basic +
 * project, basic = personnel + operating, 3–15 projects of 4–12 indicators whose texts follow the real
 * grammar, "三公" lines with last year's figures, and a share of lines that miss their budget or target.
 * The same seed and index always give the same document.
 */
public final class Generator {

    /** 项 codes with their 款 and 类, from the known catalogue. */
    private static final String[][] ITEMS = {
            {"201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务", "2010301", "行政运行"},
            {"201", "一般公共服务支出", "20103", "政府办公厅（室）及相关机构事务", "2010302", "一般行政管理事务"},
            {"201", "一般公共服务支出", "20135", "对外联络事务", "2013501", "行政运行"},
            {"201", "一般公共服务支出", "20135", "对外联络事务", "2013502", "一般行政管理事务"},
            {"208", "社会保障和就业支出", "20805", "行政事业单位养老支出", "2080505", "机关事业单位基本养老保险缴费支出"},
            {"208", "社会保障和就业支出", "20805", "行政事业单位养老支出", "2080506", "机关事业单位职业年金缴费支出"},
            {"208", "社会保障和就业支出", "20899", "其他社会保障和就业支出", "2089999", "其他社会保障和就业支出"},
            {"210", "卫生健康支出", "21011", "行政事业单位医疗", "2101101", "行政单位医疗"},
            {"210", "卫生健康支出", "21011", "行政事业单位医疗", "2101103", "公务员医疗补助"},
            {"221", "住房保障支出", "22102", "住房改革支出", "2210201", "住房公积金"},
            {"221", "住房保障支出", "22102", "住房改革支出", "2210202", "提租补贴"},
    };

    private static final String[][] INDICATORS = {
            {"产出指标", "数量指标", "举办外事活动", "≥%d 次", "%d 次"},
            {"产出指标", "数量指标", "接待外宾", "≥%d 人 次", "%d 人次"},
            {"产出指标", "数量指标", "因公出国审批数", "≥ %d 批", "%d 批"},
            {"产出指标", "质量指标", "护照回收率", "≥%d%%", "%d%%"},
            {"产出指标", "时效指标", "按时完成工作任务", "12 月底前", "按时完成"},
            {"产出指标", "成本指标", "经费控制", "≤%d 万元", "%d 万元"},
            {"效益指标", "社会效益指标", "扩大对外影响力", "显著", "显著"},
            {"效益指标", "经济效益指标", "服务外资项目", "不少于%d个", "%d个"},
            {"效益指标", "可持续影响指标", "外事干部队伍素质", "不断提升", "不断提升"},
            {"满意度指标", "服务对象满意度指标", "服务对象满意度", "≥%d%%", "%d%%"},
            {"产出指标", "数量指标", "翻译人才库", "%d 人左右", "建立 %d 人的翻译人才库"},
            {"产出指标", "数量指标", "APEC 商务旅行卡", "3批 4人次", "5批 7人次"},
    };

    private final long seed;

    public Generator(long seed) {
        this.seed = seed;
    }

    public static String code(int index) {
        return String.format("D%06d", index);
    }

    /** Department-year {@code index} (1-based) for the given year, as an import document. */
    public Map<String, Object> document(int index, int year) {
        Random r = new Random(seed * 1_000_003L + index * 31L + year);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", ImportFormat.FORMAT_ID);
        doc.put("year", year);
        doc.put("stage", "FINAL_ACCOUNTS");
        Map<String, Object> department = new LinkedHashMap<>();
        department.put("code", code(index));
        department.put("name", "生成部门" + index + "号外事办公室");
        department.put("level", index % 10 == 0 ? "PROVINCIAL" : index % 3 == 0 ? "COUNTY" : "CITY");
        department.put("region", new String[]{"湖北省", "湖南省", "河北省", "广东省"}[index % 4]);
        department.put("staffCount", 10 + r.nextInt(60));
        doc.put("department", department);

        List<Map<String, Object>> accounts = new ArrayList<>();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String[] item : ITEMS) {
            if (r.nextInt(5) == 0) {
                continue;
            }
            BigDecimal personnel = money(r, 0, 200);
            BigDecimal operating = money(r, 0, 40);
            BigDecimal project = r.nextBoolean() ? money(r, 0, 120) : BigDecimal.ZERO.setScale(2);
            BigDecimal basic = personnel.add(operating);
            BigDecimal actual = basic.add(project);
            // About one line in four misses its budget by more than 10%.
            BigDecimal initial = actual.multiply(BigDecimal.valueOf(r.nextInt(4) == 0 ? 130 + r.nextInt(60) : 95 + r.nextInt(10)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            BigDecimal[] values = {initial, actual, basic, personnel, operating, project};
            Map<String, Object> line = line(item[4], item[5], values);
            line.put("previousActual", actual.multiply(BigDecimal.valueOf(85 + r.nextInt(30)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).toPlainString());
            items.add(line);
            for (int level = 0; level < 2; level++) {
                String code = item[level * 2];
                names.put(code, item[level * 2 + 1]);
                BigDecimal[] s = sums.computeIfAbsent(code, k -> zeros());
                for (int i = 0; i < values.length; i++) {
                    s[i] = s[i].add(values[i]);
                }
            }
        }
        for (Map.Entry<String, BigDecimal[]> parent : sums.entrySet()) {
            accounts.add(line(parent.getKey(), names.get(parent.getKey()), parent.getValue()));
        }
        accounts.addAll(items);
        accounts.sort((a, b) -> ((String) a.get("code")).compareTo((String) b.get("code")));
        doc.put("accounts", accounts);

        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> line : accounts) {
            if (((String) line.get("code")).length() == 3) {
                total = total.add(new BigDecimal((String) line.get("actual")));
            }
        }
        doc.put("incomes", List.of(Map.of("source", "general_public_budget_appropriation", "amount", total.toPlainString(),
                "previousAmount", total.multiply(BigDecimal.valueOf(90 + r.nextInt(20))).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_UP).toPlainString())));

        BigDecimal travel = money(r, 0, 40);
        BigDecimal vehicle = money(r, 0, 10);
        BigDecimal reception = money(r, 0, 10);
        doc.put("threePublic", List.of(
                three("TOTAL", travel.add(vehicle).add(reception), r),
                three("OVERSEAS_TRAVEL", travel, r),
                three("VEHICLE_OPERATION", vehicle, r),
                three("RECEPTION", reception, r)));

        List<Map<String, Object>> projects = new ArrayList<>();
        int projectCount = 3 + r.nextInt(13);
        for (int p = 0; p < projectCount; p++) {
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("code", String.format("%s-P%02d", code(index), p + 1));
            project.put("name", "外事工作项目" + (p + 1));
            project.put("category", "部门预算项目");
            project.put("type", "常年性");
            BigDecimal budget = money(r, 1, 100);
            project.put("initialBudget", budget.toPlainString());
            project.put("adjustedBudget", budget.toPlainString());
            project.put("executed", budget.multiply(BigDecimal.valueOf(40 + r.nextInt(61)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).toPlainString());
            List<Map<String, Object>> indicators = new ArrayList<>();
            int indicatorCount = 4 + r.nextInt(9);
            for (int i = 0; i < indicatorCount; i++) {
                indicators.add(indicator(r, INDICATORS[(p + i) % INDICATORS.length]));
            }
            project.put("indicators", indicators);
            projects.add(project);
        }
        doc.put("projects", projects);
        doc.put("indicators", List.of(indicator(r, INDICATORS[9]), indicator(r, INDICATORS[0]), indicator(r, INDICATORS[6])));
        return doc;
    }

    private static Map<String, Object> indicator(Random r, String[] shape) {
        int target = 5 + r.nextInt(95);
        // One indicator in five misses its target.
        int actual = r.nextInt(5) == 0 ? Math.max(0, target - 1 - r.nextInt(5)) : target + r.nextInt(10);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level1", shape[0]);
        out.put("level2", shape[1]);
        out.put("name", shape[2]);
        out.put("target", shape[3].contains("%d") ? String.format(shape[3], target) : shape[3]);
        out.put("actual", shape[4].contains("%d") ? String.format(shape[4], actual) : shape[4]);
        out.put("weight", "5");
        out.put("score", actual >= target ? "5" : "4");
        return out;
    }

    private static Map<String, Object> three(String item, BigDecimal actual, Random r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", item);
        out.put("budget", actual.multiply(BigDecimal.valueOf(110 + r.nextInt(60))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP).toPlainString());
        out.put("actual", actual.toPlainString());
        out.put("previousActual", actual.multiply(BigDecimal.valueOf(80 + r.nextInt(40))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP).toPlainString());
        return out;
    }

    private static Map<String, Object> line(String code, String name, BigDecimal[] v) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("code", code);
        line.put("name", name);
        line.put("initialBudget", v[0].toPlainString());
        line.put("actual", v[1].toPlainString());
        line.put("basic", v[2].toPlainString());
        line.put("personnel", v[3].toPlainString());
        line.put("operating", v[4].toPlainString());
        line.put("project", v[5].toPlainString());
        line.put("generalBudget", v[1].toPlainString());
        return line;
    }

    private static BigDecimal[] zeros() {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        return new BigDecimal[]{z, z, z, z, z, z};
    }

    private static BigDecimal money(Random r, int min, int max) {
        return BigDecimal.valueOf(min * 100L + r.nextInt((max - min) * 100 + 1), 2);
    }
}
