package org.budgetnarrator.model.generate;

import org.budgetnarrator.model.imports.Catalogue;
import org.budgetnarrator.model.imports.ImportFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Department-years in import format 2 that show the variations real final accounts show (every income source,
 * the three funds, carry-overs, project levels, the extra disclosures, amounts in 元, another numbering and order
 * of the tables, last year's figures, or the bare minimum), with every identity of the public tables holding
 * exactly, and a narrative (情况说明) drafted from the figures on the right basis.
 * <p>
 * On request one inconsistency of a named kind is seeded into the tables, the projects or the narrative, and
 * recorded beside the document as the finding a checker is expected to make. The same seed, variations and
 * seeded kind always give the same document: all randomness comes from one {@link Random} seeded with the seed.
 */
public final class VariationGenerator {

    /** What a document shows beyond the common case. Several may be combined (see {@link #compatible}). */
    public enum Variation {
        /** 上级补助, 事业收入, 经营收入, 附属单位上缴 and 其他收入 beside 财政拨款, with 经营支出 and the other T03 columns. */
        ALL_INCOME_SOURCES,
        /** 政府性基金 and 国有资本经营 income and spending: T07 and T08 filled, T04 by fund. */
        THREE_FUNDS,
        /** 年初/年末结转和结余 in T01 and by fund in T04 (and T07/T05 columns), 使用非财政拨款结余, 结余分配. */
        CARRY_OVERS,
        /** 一级 projects with 二级 children whose amounts sum to the parent's. */
        PROJECT_LEVELS,
        /** 机关运行经费, 政府采购 (with 中小企业/小微企业), 国有资产占用, vehicles, 三公 counts and single trips. */
        EXTRA_TABLES,
        /** moneyUnit 元: every amount written in 元 with two decimals. */
        YUAN,
        /** tableLayouts: another numbering (表1, 一, 表一) and 三公 printed before 政府性基金. */
        LAYOUT,
        /** Last year's figures (rows of period PREVIOUS) for the totals the narrative compares with. */
        PREVIOUS_YEAR,
        /** Only 一般公共预算财政拨款, no carry-overs; T07, T08, T09 printed as a 合计 row without figures. */
        MINIMAL;

        /** The variations MINIMAL leaves no room for. */
        private static final Set<Variation> NOT_MINIMAL = EnumSet.of(ALL_INCOME_SOURCES, THREE_FUNDS, CARRY_OVERS, EXTRA_TABLES);
    }

    /** Every combination of variations that can be shown together (272: 2^8 without MINIMAL, 2^4 with it). */
    public static List<Set<Variation>> combinations() {
        List<Set<Variation>> out = new ArrayList<>();
        Variation[] all = Variation.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Variation> set = EnumSet.noneOf(Variation.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all[i]);
                }
            }
            if (compatible(set)) {
                out.add(set);
            }
        }
        return out;
    }

    /** Whether the variations can be shown together in one document. */
    public static boolean compatible(Set<Variation> variations) {
        return !variations.contains(Variation.MINIMAL) || Collections.disjoint(variations, Variation.NOT_MINIMAL);
    }

    /** The kinds of inconsistency that can be seeded. */
    public enum Seeded {
        /** One account cell off by more than rounding: a 类 = Σ款 or a row total identity fails. */
        WRONG_CELL(true, Set.of(), true),
        /** A printed 合计 / 本年收入合计 / 总计 off. */
        WRONG_PRINTED_TOTAL(true, Set.of(), true),
        /** Two tables disagree while each holds in itself: 05's total ≠ 04's general column, or 02's 合计 ≠ 01's 本年收入合计. */
        CROSS_TABLE(true, Set.of(), true),
        /** The narrative states 收入总计 with the value of 本年收入合计, or 一般公共预算财政拨款支出 with T03's all-source total. */
        WRONG_BASIS_NARRATIVE(false, Set.of(), false),
        /** An indicator whose actual misses its target is called 已完成 in the narrative and the project's outcome. */
        MISSED_TARGET_CALLED_MET(false, Set.of(), true),
        /** A paragraph repeated under another heading. */
        COPIED_PARAGRAPH(false, Set.of(), true),
        /** A word or character written twice (主要主要, 的的). */
        DOUBLED_CHARACTER(false, Set.of(), true),
        /** A 一级 project's executed amount ≠ the sum of its 二级 projects'. */
        LEVEL1_NOT_SUM(true, EnumSet.of(Variation.PROJECT_LEVELS), true),
        /** The 三公 合计 ≠ the sum of its parts. */
        THREE_PUBLIC_PARTS(true, Set.of(), false),
        /** 授予中小企业 more than the amount, or 授予小微企业 more than 中小企业. */
        SME_OVER_TOTAL(true, EnumSet.of(Variation.EXTRA_TABLES), false);

        private final boolean inFigures;
        private final Set<Variation> needs;
        private final boolean minimalAllows;

        Seeded(boolean inFigures, Set<Variation> needs, boolean minimalAllows) {
            this.inFigures = inFigures;
            this.needs = needs;
            this.minimalAllows = minimalAllows;
        }

        /** Whether the inconsistency is in the figures (tables, projects) rather than in the narrative's text. */
        public boolean inFigures() {
            return inFigures;
        }

        /** The variations the generator adds so that the inconsistency has something to break. */
        public Set<Variation> needs() {
            return needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs);
        }

        /** Whether it can be seeded into a document of these variations (MINIMAL has no carry-overs, 三公 or procurement). */
        public boolean possibleWith(Set<Variation> variations) {
            Set<Variation> all = variations.isEmpty() ? EnumSet.noneOf(Variation.class) : EnumSet.copyOf(variations);
            all.addAll(needs);
            return compatible(all) && (minimalAllows || !all.contains(Variation.MINIMAL));
        }
    }

    /**
     * What a checker is expected to find.
     *
     * @param where   the place: a cell {@code T05/2010301/basic}, a project {@code projects/CODE/executed}, an
     *                indicator {@code projects/CODE/indicators/NAME}, or a narrative section {@code 情况说明 二}
     * @param figures the printed figures involved, as printed (for text seeds: the offending text)
     */
    public record ExpectedFinding(Seeded kind, String where, List<String> figures) {
        public ExpectedFinding {
            figures = List.copyOf(figures);
        }
    }

    /** A generated document, the findings seeded into it, and the variations it shows (those asked, plus a seed's needs). */
    public record Generated(Map<String, Object> document, List<ExpectedFinding> expected, Set<Variation> variations) {
        public Generated {
            expected = List.copyOf(expected);
            variations = variations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(variations));
        }
    }

    /**
     * A department-year showing the variations, with one inconsistency of the seeded kind (null: none).
     *
     * @throws IllegalArgumentException when the variations cannot be combined or the kind cannot be seeded into them
     */
    public Generated generate(long seed, Set<Variation> variations, Seeded seeded) {
        Set<Variation> effective = variations.isEmpty() ? EnumSet.noneOf(Variation.class) : EnumSet.copyOf(variations);
        if (!compatible(effective)) {
            throw new IllegalArgumentException("MINIMAL cannot be combined with " + Variation.NOT_MINIMAL);
        }
        if (seeded != null) {
            if (!seeded.possibleWith(effective)) {
                throw new IllegalArgumentException(seeded + " cannot be seeded into a document of " + effective);
            }
            effective.addAll(seeded.needs);
        }
        Build build = new Build(seed, effective);
        build.model();
        Map<String, Object> document = build.document();
        List<ExpectedFinding> expected = new ArrayList<>();
        if (seeded != null) {
            expected.add(build.seed(seeded));
        }
        build.finish();
        return new Generated(document, expected, effective);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Kinds of department: name, and the 项 (or 款) of its own function, from the known catalogue. */
    private static final String[][] KINDS = {
            {"外事办公室", "2013501", "2013502"},
            {"财政局", "2010601", "2010602", "2010607", "2010608"},
            {"政府办公室", "2010301", "2010302", "2010350"},
            {"社会工作部", "2013901", "2013950", "2013999"},
            {"城市管理局", "2120101", "2120102", "2120104", "2120501"},
            {"乡村振兴局", "2130501", "2130502", "2130504", "2130505"},
            {"自然资源局", "2200150", "2200199"},
            {"统计局", "2010505", "2010506", "2010507"},
    };
    /** The personnel lines nearly every department prints. */
    private static final String[] PERSONNEL = {"2080501", "2080505", "2080506", "2101101", "2101103", "2210201", "2210202", "2210203"};
    /** Lines a 政府性基金 is spent on: a 款 printed without 项 and a 项. */
    private static final String[] FUND_LINES = {"22006", "2120399"};
    private static final String[] STATE_CAPITAL_LINES = {"2130505", "2111101"};

    private static final String[] SOURCES = {"general_public_budget_appropriation", "government_fund_budget_appropriation",
            "state_capital_budget_appropriation", "superior_subsidy", "public_service_unit_income", "operating_income",
            "subsidiary_remittance", "other_income"};
    private static final String[] SOURCE_NAMES = {"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
            "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"};
    /** T02's columns of the five non-fiscal sources, in SOURCES' order from index 3. */
    private static final String[] T02_OTHER = {"superiorSubsidy", "serviceIncome", "operatingIncome", "subsidiaryRemittance", "otherIncome"};

    private static final String[] PERSONNEL_ECONOMIC = {"30101", "30102", "30103", "30107", "30108", "30109", "30110", "30112", "30113", "30199"};
    private static final String[] PERSONNEL_SUBSIDY = {"30302", "30305", "30307"};
    private static final String[] OPERATING_ECONOMIC = {"30201", "30205", "30206", "30207", "30211", "30213", "30215", "30216", "30217",
            "30226", "30228", "30229", "30231", "30239", "30299"};
    private static final String[] CAPITAL_ECONOMIC = {"31002", "31007"};

    private static final String[] PROJECT_NAMES = {"信息化建设运维", "专项业务工作经费", "办公场所维修改造", "宣传培训经费", "课题调研经费",
            "档案数字化", "业务系统升级", "专项检查经费"};
    private static final String[] SUB_PROJECT_NAMES = {"设备购置", "运行维护", "培训组织", "宣传推广", "第三方服务"};
    private static final String[] DESTINATIONS = {"日本", "韩国", "新加坡", "德国", "法国", "澳大利亚", "新西兰", "泰国"};
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"};

    /**
     * Indicator shapes: level1, level2, name, direction (+ more is better, - less is better, 0 qualitative),
     * target format, actual format, unit of the number.
     */
    private static final String[][] INDICATORS = {
            {"产出指标", "数量指标", "完成培训", "+", "≥%d 人次", "%d 人次"},
            {"产出指标", "数量指标", "开展检查", "+", "≥%d 次", "%d 次"},
            {"产出指标", "数量指标", "更新设备", "+", "≥%d 台", "%d 台"},
            {"产出指标", "质量指标", "验收合格率", "+", "≥%d%%", "%d%%"},
            {"产出指标", "时效指标", "按时完成", "0", "12 月底前", "按时完成"},
            {"产出指标", "成本指标", "成本控制", "-", "≤%d 万元", "%d 万元"},
            {"效益指标", "社会效益指标", "服务群众", "+", "≥%d 人次", "%d 人次"},
            {"效益指标", "可持续影响指标", "长效机制", "0", "逐步完善", "逐步完善"},
            {"满意度指标", "服务对象满意度指标", "服务对象满意度", "+", "≥%d%%", "%d%%"},
    };

    private static final Pattern FIGURE = Pattern.compile("\\d+\\.\\d{2}");

    /** One functional line and its money by fund and nature, in minor units (0.01 of the document's unit). */
    private static final class Leaf {
        final String code;
        long personnelG, operatingG, projectG, carryBeginG, carryEndG, initialG, adjustedG;
        long projectF, carryBeginF, carryEndF;
        long projectS, carryBeginS, carryEndS;
        long basicO, projectO, remittance, business, subsidiary;
        final long[] incomeO = new long[5];

        Leaf(String code) {
            this.code = code;
        }

        long basicG() {
            return personnelG + operatingG;
        }

        long spendG() {
            return basicG() + projectG;
        }

        long incomeG() {
            return spendG() + carryEndG - carryBeginG;
        }

        long incomeF() {
            return projectF + carryEndF - carryBeginF;
        }

        long incomeS() {
            return projectS + carryEndS - carryBeginS;
        }

        long spendO() {
            return basicO + projectO + remittance + business + subsidiary;
        }

        long otherIncome() {
            long s = 0;
            for (long v : incomeO) {
                s += v;
            }
            return s;
        }
    }

    private record Section(String heading, List<String> paragraphs) {
    }

    private record Indicator(String[] shape, int target, int actual, boolean met) {
    }

    private static final class Project {
        String code;
        String name;
        int level;
        String parent;
        long initial, adjusted, executed;
        final List<Indicator> indicators = new ArrayList<>();
        Map<String, Object> row;
        final List<Project> children = new ArrayList<>();
    }

    /** The state of one generation. */
    private static final class Build {
        final Random r;
        final Set<Variation> v;
        final boolean minimal;
        /** Minor units per 万元: 100 (万元 with two decimals) or 1,000,000 (元 with two decimals). */
        final long perWan;
        final String unit;
        final int year;
        final String departmentCode;
        final String departmentName;
        final int kind;
        final Catalogue catalogue = Catalogue.get();

        // Style of the printed tables, drawn per document.
        final boolean zeroBlank;
        final boolean totalFirst;
        final boolean lineNumbers;
        final boolean t02Breakdown;
        final boolean t05PersonnelColumns;
        final boolean t05CarryColumns;
        final boolean t05Adjusted;
        final boolean t06Full;
        final boolean t06TotalRow;
        final boolean receptionSplit;

        final TreeMap<String, Leaf> leaves = new TreeMap<>();
        long usedSurplus, surplusDistribution, carryBeginO, carryEndO;
        long[] sources = new long[8];
        // 三公: travel, purchase, operation, reception foreign, reception domestic; budget and actual.
        final long[] threeActual = new long[5];
        final long[] threeBudget = new long[5];
        int groups, travelPersons, vehiclesHeld, vehiclesBought, receptionBatches, receptionPersons;
        final List<long[]> trips = new ArrayList<>();
        long officeRunning;
        final long[] procurement = new long[3];
        final long[] procurementSme = new long[3];
        final long[] procurementMicro = new long[3];
        final List<Project> projects = new ArrayList<>();
        final TreeMap<String, Long> economic = new TreeMap<>();

        // Last year's figures.
        long prevIncomeTotal, prevCarryBegin, prevGrand, prevExpenditureTotal, prevCarryEnd, prevFiscalGrand, prevGeneral,
                prevOfficeRunning;
        final long[] prevThree = new long[4];

        // The produced document.
        final Map<String, Object> doc = new LinkedHashMap<>();
        final List<Map<String, Object>> published = new ArrayList<>();
        final Map<String, Map<String, Object>> rowIndex = new LinkedHashMap<>();
        final List<Section> sections = new ArrayList<>();
        final Map<String, Integer> sectionIndex = new LinkedHashMap<>();
        int lineNo;

        Build(long seed, Set<Variation> variations) {
            r = new Random(seed);
            v = variations;
            minimal = v.contains(Variation.MINIMAL);
            perWan = v.contains(Variation.YUAN) ? 1_000_000L : 100L;
            unit = v.contains(Variation.YUAN) ? "元" : "万元";
            year = 2019 + r.nextInt(6);
            kind = r.nextInt(KINDS.length);
            departmentCode = "GV-" + Long.toHexString(seed).toUpperCase();
            departmentName = new String[]{"江城市", "河西县", "青山区", "南湖市", "东川县"}[r.nextInt(5)] + KINDS[kind][0];
            zeroBlank = r.nextBoolean();
            totalFirst = r.nextBoolean();
            lineNumbers = r.nextBoolean();
            t02Breakdown = v.contains(Variation.THREE_FUNDS) ? r.nextInt(3) > 0 : r.nextInt(4) == 0;
            t05PersonnelColumns = r.nextBoolean();
            t05CarryColumns = v.contains(Variation.CARRY_OVERS) && r.nextBoolean();
            t05Adjusted = r.nextInt(3) == 0;
            t06Full = r.nextBoolean();
            t06TotalRow = r.nextBoolean();
            receptionSplit = r.nextInt(3) == 0;
        }

        // ---- money -------------------------------------------------------------------------------------------------

        /** A random amount between lo and hi 万元, in minor units. */
        long wan(double lo, double hi) {
            long a = Math.round(lo * perWan);
            long b = Math.round(hi * perWan);
            return a + r.nextLong(b - a + 1);
        }

        /** value × (lo..hi)% in minor units. */
        long pct(long value, int lo, int hi) {
            return value * (lo + r.nextInt(hi - lo + 1)) / 100;
        }

        String fmt(long minor) {
            return BigDecimal.valueOf(minor, 2).toPlainString();
        }

        /** Splits total into n non-negative parts summing to it, each part ≥ 1% of its share where possible. */
        long[] split(long total, int n) {
            long[] out = new long[n];
            if (n == 0) {
                return out;
            }
            int[] w = new int[n];
            int sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = 1 + r.nextInt(100);
                sum += w[i];
            }
            long given = 0;
            for (int i = 0; i < n - 1; i++) {
                out[i] = total * w[i] / sum;
                given += out[i];
            }
            out[n - 1] = total - given;
            return out;
        }

        static String percent(long part, long whole) {
            return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                    .toPlainString();
        }

        // ---- the figures --------------------------------------------------------------------------------------------

        Leaf leaf(String code) {
            return leaves.computeIfAbsent(code, Leaf::new);
        }

        void model() {
            String[] own = KINDS[kind];
            // The department's own function: 行政运行/事业运行 carry the basic spending, the others the projects.
            boolean operatingSeen = false;
            for (int i = 1; i < own.length; i++) {
                String code = own[i];
                if (i > 1 && r.nextInt(4) == 0) {
                    continue;
                }
                Leaf l = leaf(code);
                if (code.endsWith("01") || code.endsWith("50")) {
                    l.personnelG = wan(50, 800);
                    l.operatingG = wan(5, 120);
                    operatingSeen = true;
                    if (r.nextInt(3) == 0) {
                        l.projectG = wan(1, 30);
                    }
                } else {
                    l.projectG = wan(5, 400);
                }
            }
            if (!operatingSeen) {
                Leaf first = leaf(own[1]);
                first.personnelG = wan(50, 800);
                first.operatingG = wan(5, 120);
            }
            if (leaves.values().stream().noneMatch(l -> l.projectG > 0)) {
                leaf(own[own.length - 1]).projectG += wan(5, 200);
            }
            for (String code : PERSONNEL) {
                if (r.nextInt(4) == 0 && !code.equals("2080505")) {
                    continue;
                }
                leaf(code).personnelG = wan(3, 150);
            }
            List<Leaf> general = new ArrayList<>(leaves.values());
            for (Leaf l : general) {
                l.initialG = r.nextInt(4) == 0 ? l.spendG() : pct(l.spendG(), 75, 130);
                if (l.initialG == 0) {
                    l.initialG = l.spendG();
                }
                l.adjustedG = r.nextInt(3) == 0 ? l.initialG : pct(l.spendG(), 100, 115);
            }
            if (v.contains(Variation.THREE_FUNDS)) {
                for (String code : FUND_LINES) {
                    if (leaves.containsKey(code) && leaf(code).projectF > 0) {
                        continue;
                    }
                    if (code.equals(FUND_LINES[0]) || r.nextBoolean()) {
                        leaf(code).projectF = wan(10, 300);
                    }
                }
                for (String code : STATE_CAPITAL_LINES) {
                    if (code.equals(STATE_CAPITAL_LINES[0]) || r.nextBoolean()) {
                        leaf(code).projectS = wan(5, 100);
                    }
                }
            }
            if (!minimal) {
                // Money from other sources is spent on the department's own lines (and on a 事业运行 line of its own).
                List<Leaf> own2 = new ArrayList<>();
                for (int i = 1; i < own.length; i++) {
                    if (leaves.containsKey(own[i])) {
                        own2.add(leaves.get(own[i]));
                    }
                }
                Leaf a = own2.get(r.nextInt(own2.size()));
                a.basicO += wan(1, 60);
                if (r.nextBoolean()) {
                    own2.get(r.nextInt(own2.size())).projectO += wan(1, 80);
                }
                if (v.contains(Variation.ALL_INCOME_SOURCES)) {
                    Leaf b = own2.get(r.nextInt(own2.size()));
                    b.business += wan(5, 80);
                    b.basicO += wan(5, 100);
                    own2.get(r.nextInt(own2.size())).subsidiary += wan(1, 40);
                    if (r.nextBoolean()) {
                        own2.get(r.nextInt(own2.size())).remittance += wan(1, 20);
                    }
                }
            }
            if (v.contains(Variation.CARRY_OVERS)) {
                boolean any = false;
                for (Leaf l : leaves.values()) {
                    if (l.spendG() > 0 && (r.nextInt(3) == 0 || !any && l.projectG > 0)) {
                        l.carryBeginG = pct(l.spendG(), 1, 25);
                        l.carryEndG = pct(l.spendG(), 1, 25);
                        any = true;
                    }
                    if (l.projectF > 0) {
                        l.carryBeginF = pct(l.projectF, 1, 30);
                        l.carryEndF = pct(l.projectF, 1, 30);
                    }
                    if (l.projectS > 0 && r.nextBoolean()) {
                        l.carryEndS = pct(l.projectS, 1, 30);
                    }
                }
                long spendO = leaves.values().stream().mapToLong(Leaf::spendO).sum();
                carryBeginO = Math.max(1, pct(spendO, 5, 25));
                carryEndO = Math.max(1, pct(spendO, 5, 25));
                usedSurplus = Math.max(1, pct(spendO, 1, 20));
                surplusDistribution = Math.max(1, pct(spendO, 1, 10));
            }
            // Non-fiscal income: what the year's non-fiscal spending, distribution and carry-over need, less what was carried in.
            long spendO = leaves.values().stream().mapToLong(Leaf::spendO).sum();
            long incomeO = spendO + surplusDistribution + carryEndO - usedSurplus - carryBeginO;
            long[] bySource = new long[5];
            if (incomeO > 0) {
                if (v.contains(Variation.ALL_INCOME_SOURCES)) {
                    bySource = split(incomeO, 5);
                    // Every source shows: none may come out as nothing (incomeO is far above five cents).
                    for (int i = 0; i < 5; i++) {
                        if (bySource[i] == 0) {
                            int largest = 0;
                            for (int j = 1; j < 5; j++) {
                                largest = bySource[j] > bySource[largest] ? j : largest;
                            }
                            bySource[i] += 1;
                            bySource[largest] -= 1;
                        }
                    }
                } else if (r.nextBoolean()) {
                    long[] two = split(incomeO, 2);
                    bySource[1] = two[0];
                    bySource[4] = two[1];
                } else {
                    bySource[4] = incomeO;
                }
            }
            // Each source's income lies on the lines its money is spent on.
            List<Leaf> spenders = leaves.values().stream().filter(l -> l.spendO() > 0).toList();
            for (int s = 0; s < 5; s++) {
                long[] parts = split(bySource[s], spenders.size());
                for (int i = 0; i < parts.length; i++) {
                    spenders.get(i).incomeO[s] = parts[i];
                }
            }
            sources[0] = leaves.values().stream().mapToLong(Leaf::incomeG).sum();
            sources[1] = leaves.values().stream().mapToLong(Leaf::incomeF).sum();
            sources[2] = leaves.values().stream().mapToLong(Leaf::incomeS).sum();
            System.arraycopy(bySource, 0, sources, 3, 5);

            economic();
            if (!minimal) {
                threePublic();
            }
            if (v.contains(Variation.EXTRA_TABLES)) {
                extras();
            }
            projects();
            previous();
        }

        /** 公开06: the general fund's personnel and operating spending by economic 款. */
        void economic() {
            long personnel = leaves.values().stream().mapToLong(l -> l.personnelG).sum();
            long operating = leaves.values().stream().mapToLong(l -> l.operatingG).sum();
            List<String> p = pick(PERSONNEL_ECONOMIC, 4 + r.nextInt(5));
            if (r.nextBoolean()) {
                p.addAll(pick(PERSONNEL_SUBSIDY, 1 + r.nextInt(2)));
            }
            List<String> o = pick(OPERATING_ECONOMIC, 5 + r.nextInt(7));
            if (r.nextBoolean()) {
                o.addAll(pick(CAPITAL_ECONOMIC, 1));
            }
            long[] ps = split(personnel, p.size());
            long[] os = split(operating, o.size());
            for (int i = 0; i < p.size(); i++) {
                economic.put(p.get(i), ps[i]);
            }
            for (int i = 0; i < o.size(); i++) {
                economic.put(o.get(i), os[i]);
            }
        }

        List<String> pick(String[] from, int n) {
            List<String> all = new ArrayList<>(List.of(from));
            Collections.shuffle(all, r);
            List<String> out = new ArrayList<>(all.subList(0, Math.min(n, all.size())));
            Collections.sort(out);
            return out;
        }

        void threePublic() {
            boolean extra = v.contains(Variation.EXTRA_TABLES);
            threeActual[0] = extra || r.nextBoolean() ? wan(1, 30) : 0;
            threeActual[1] = r.nextInt(4) == 0 ? wan(10, 30) : 0;
            threeActual[2] = wan(1, 20);
            threeActual[3] = receptionSplit ? wan(0, 3) : 0;
            threeActual[4] = wan(0.5, 10);
            for (int i = 0; i < 5; i++) {
                threeBudget[i] = threeActual[i] == 0 && r.nextBoolean() ? 0 : pct(Math.max(threeActual[i], perWan), 100, 150);
            }
            if (!receptionSplit) {
                threeBudget[3] = 0;
            }
            if (extra) {
                groups = threeActual[0] > 0 ? 1 + r.nextInt(3) : 0;
                travelPersons = 0;
                long[] parts = split(threeActual[0], groups);
                for (int i = 0; i < groups; i++) {
                    int persons = 1 + r.nextInt(5);
                    travelPersons += persons;
                    trips.add(new long[]{parts[i], persons, r.nextInt(DESTINATIONS.length)});
                }
                vehiclesBought = threeActual[1] > 0 ? 1 + r.nextInt(2) : 0;
                vehiclesHeld = vehiclesBought + 1 + r.nextInt(8);
                receptionBatches = 2 + r.nextInt(40);
                receptionPersons = receptionBatches * (3 + r.nextInt(8));
            }
        }

        void extras() {
            officeRunning = economic.entrySet().stream().filter(e -> !isPersonnel(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            procurement[0] = wan(1, 80);
            procurement[1] = r.nextBoolean() ? wan(5, 200) : 0;
            procurement[2] = wan(5, 300);
            for (int i = 0; i < 3; i++) {
                procurementSme[i] = pct(procurement[i], 40, 100);
                procurementMicro[i] = pct(procurementSme[i], 20, 100);
            }
        }

        static boolean isPersonnel(String economicCode) {
            return economicCode.startsWith("301") || economicCode.startsWith("303");
        }

        void projects() {
            long projectG = leaves.values().stream().mapToLong(l -> l.projectG).sum();
            int n = 2 + r.nextInt(3);
            long[] executed = split(projectG, n);
            List<String> names = pick(PROJECT_NAMES, n);
            for (int i = 0; i < n; i++) {
                Project p = new Project();
                p.code = departmentCode + "-P" + (i + 1);
                p.name = names.get(i);
                p.executed = executed[i];
                p.adjusted = pct(executed[i], 100, 120);
                p.initial = r.nextBoolean() ? p.adjusted : pct(p.adjusted, 80, 100);
                if (v.contains(Variation.PROJECT_LEVELS)) {
                    p.level = 1;
                    int k = 2 + r.nextInt(2);
                    // The children's budgets in one proportion, so that none executes beyond its own budget.
                    long[] adj = split(p.adjusted, k);
                    long[] ex = proportional(adj, p.adjusted, p.executed);
                    long[] ini = proportional(adj, p.adjusted, p.initial);
                    List<String> sub = pick(SUB_PROJECT_NAMES, k);
                    for (int j = 0; j < k; j++) {
                        Project c = new Project();
                        c.code = p.code + "-" + (j + 1);
                        c.name = p.name + sub.get(j);
                        c.level = 2;
                        c.parent = p.code;
                        c.executed = ex[j];
                        c.adjusted = adj[j];
                        c.initial = ini[j];
                        p.children.add(c);
                    }
                }
                int count = 3 + r.nextInt(3);
                for (int j = 0; j < count; j++) {
                    p.indicators.add(indicator(INDICATORS[(i * 2 + j) % INDICATORS.length], r.nextInt(8) == 0));
                }
                projects.add(p);
            }
        }

        /** parts (summing to whole) scaled to sum to target ≤ whole, each at most its part; the cents left go where room is. */
        static long[] proportional(long[] parts, long whole, long target) {
            long[] out = new long[parts.length];
            long given = 0;
            for (int i = 0; i < parts.length; i++) {
                out[i] = parts[i] * target / whole;
                given += out[i];
            }
            for (int i = 0; given < target; i = (i + 1) % parts.length) {
                if (out[i] < parts[i]) {
                    out[i]++;
                    given++;
                }
            }
            return out;
        }

        Indicator indicator(String[] shape, boolean miss) {
            String dir = shape[3];
            if (dir.equals("0")) {
                return new Indicator(shape, 0, 0, true);
            }
            boolean ratio = shape[4].contains("%%");
            int target = ratio ? 80 + r.nextInt(16) : 5 + r.nextInt(95);
            int actual;
            if (dir.equals("+")) {
                actual = miss ? Math.max(0, target - 1 - r.nextInt(Math.min(target, 5))) : Math.min(ratio ? 100 : 999, target + r.nextInt(6));
            } else {
                actual = miss ? target + 1 + r.nextInt(5) : Math.max(0, target - r.nextInt(Math.max(1, target / 4)));
            }
            return new Indicator(shape, target, actual, !miss);
        }

        void previous() {
            if (!v.contains(Variation.PREVIOUS_YEAR)) {
                return;
            }
            long incomeTotal = total(sources);
            long carryBegin = carryBeginAll();
            prevIncomeTotal = pct(incomeTotal, 80, 120);
            prevCarryBegin = v.contains(Variation.CARRY_OVERS) ? pct(Math.max(carryBegin, perWan), 50, 150) : 0;
            prevGrand = prevIncomeTotal + prevCarryBegin;
            // Last year's closing balance is this year's opening one.
            prevCarryEnd = carryBegin <= prevGrand / 2 ? carryBegin : prevGrand / 2;
            prevExpenditureTotal = prevGrand - prevCarryEnd;
            prevFiscalGrand = pct(fiscalGrand(), 80, 120);
            prevGeneral = pct(leaves.values().stream().mapToLong(Leaf::spendG).sum(), 80, 120);
            prevOfficeRunning = pct(Math.max(officeRunning, perWan), 85, 115);
            if (!minimal) {
                long travel = pct(Math.max(threeActual[0], perWan), 60, 130);
                long vehicle = pct(threeActual[1] + threeActual[2], 80, 120);
                long reception = pct(threeActual[3] + threeActual[4], 70, 130);
                prevThree[1] = travel;
                prevThree[2] = vehicle;
                prevThree[3] = reception;
                prevThree[0] = travel + vehicle + reception;
            }
        }

        static long total(long[] values) {
            long s = 0;
            for (long x : values) {
                s += x;
            }
            return s;
        }

        long carryBeginFiscal() {
            return leaves.values().stream().mapToLong(l -> l.carryBeginG + l.carryBeginF + l.carryBeginS).sum();
        }

        long carryEndFiscal() {
            return leaves.values().stream().mapToLong(l -> l.carryEndG + l.carryEndF + l.carryEndS).sum();
        }

        long carryBeginAll() {
            return carryBeginFiscal() + carryBeginO;
        }

        long carryEndAll() {
            return carryEndFiscal() + carryEndO;
        }

        long fiscalGrand() {
            return sources[0] + sources[1] + sources[2] + carryBeginFiscal();
        }

        // ---- the document -------------------------------------------------------------------------------------------

        Map<String, Object> document() {
            doc.put("format", ImportFormat.FORMAT_ID);
            if (v.contains(Variation.YUAN) || r.nextBoolean()) {
                doc.put("moneyUnit", unit);
            }
            doc.put("year", year);
            doc.put("stage", "FINAL_ACCOUNTS");
            Map<String, Object> department = new LinkedHashMap<>();
            department.put("code", departmentCode);
            department.put("name", departmentName);
            department.put("level", new String[]{"CITY", "COUNTY", "PROVINCIAL"}[r.nextInt(3)]);
            department.put("region", "生成省");
            department.put("staffCount", 10 + r.nextInt(120));
            doc.put("department", department);
            if (v.contains(Variation.LAYOUT)) {
                doc.put("tableLayouts", layouts());
            }
            doc.put("publishedTables", published);
            t01();
            t02();
            t03();
            t04();
            t05();
            t06();
            fundTable("T07", true);
            fundTable("T08", false);
            t09();
            if (v.contains(Variation.EXTRA_TABLES)) {
                extraTables();
            }
            previousRows();
            if (v.contains(Variation.EXTRA_TABLES)) {
                vehicles();
            }
            doc.put("projects", projectRows());
            narrative();
            return doc;
        }

        /** Puts the narrative into the document once the seeds have had their say. */
        void finish() {
            StringBuilder text = new StringBuilder();
            text.append("第三部分 ").append(year).append("年度部门决算情况说明");
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                text.append('\n').append(NUMERALS[i]).append('、').append(s.heading());
                for (String p : s.paragraphs()) {
                    text.append('\n').append(p);
                }
            }
            Map<String, Object> narrative = new LinkedHashMap<>();
            narrative.put("kind", "FINAL_ACCOUNTS_NARRATIVE");
            narrative.put("title", departmentName + year + "年度部门决算情况说明");
            narrative.put("text", text.toString());
            doc.put("documents", List.of(narrative));
        }

        List<Map<String, Object>> layouts() {
            // The template's own 公开01表 numbering is the one a LAYOUT document does not use.
            int style = r.nextInt(3);
            List<String> order = new ArrayList<>(List.of("T01", "T02", "T03", "T04", "T05", "T06", "T09", "T07", "T08"));
            if (v.contains(Variation.EXTRA_TABLES) && r.nextBoolean()) {
                order.add("ASSETS");
            }
            String[] titles = {"收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                    "一般公共预算财政拨款基本支出决算明细表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
                    "财政拨款“三公”经费支出决算表"};
            boolean yearInTitle = r.nextInt(3) == 0;
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                String table = order.get(i);
                String title = table.equals("ASSETS") ? "国有资产占用情况表" : titles[Integer.parseInt(table.substring(1)) - 1];
                if (table.equals("T01") && r.nextBoolean()) {
                    title = "收入支出决算表";
                }
                Map<String, Object> layout = new LinkedHashMap<>();
                layout.put("table", table);
                layout.put("label", switch (style) {
                    case 0 -> "表" + (i + 1);
                    case 1 -> NUMERALS[i];
                    default -> "表" + NUMERALS[i];
                });
                layout.put("title", (yearInTitle ? year + "年度" : "") + title);
                layout.put("position", i + 1);
                if (minimal && (table.equals("T07") || table.equals("T08") || table.equals("T09"))) {
                    layout.put("note", "本表无数据，以空表列示。");
                }
                out.add(layout);
            }
            return out;
        }

        // ---- rows ---------------------------------------------------------------------------------------------------

        Map<String, Object> row(String table, String key, String name, boolean numbered) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", table);
            row.put("row", key);
            if (name != null) {
                row.put("name", name);
            }
            if (numbered && lineNumbers) {
                row.put("lineNo", ++lineNo);
            }
            published.add(row);
            rowIndex.put(table + "/" + key, row);
            return row;
        }

        Map<String, Object> previousRow(String table, String key, String name) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", table);
            row.put("row", key);
            row.put("period", "PREVIOUS");
            if (name != null) {
                row.put("name", name);
            }
            published.add(row);
            return row;
        }

        /** A money cell: zero is printed as 0.00 or left blank, as the document's style has it. */
        void cell(Map<String, Object> row, String column, long minor) {
            if (minor == 0 && zeroBlank) {
                return;
            }
            row.put(column, fmt(minor));
        }

        String functionalName(String code) {
            return catalogue.functional(code).orElseThrow(() -> new IllegalStateException("not in the catalogue: " + code)).name();
        }

        String economicName(String code) {
            return catalogue.economic(code).orElseThrow(() -> new IllegalStateException("not in the catalogue: " + code)).name();
        }

        static String parent(String code) {
            return code.length() == 7 ? code.substring(0, 5) : code.length() == 5 ? code.substring(0, 3) : null;
        }

        /** Leaves' column values summed into their 款 and 类, in printed (code) order; all-zero leaves left out. */
        static TreeMap<String, long[]> tree(Map<String, long[]> byLeaf, int columns) {
            TreeMap<String, long[]> out = new TreeMap<>();
            for (Map.Entry<String, long[]> e : byLeaf.entrySet()) {
                long[] values = e.getValue();
                boolean any = false;
                for (long x : values) {
                    any |= x != 0;
                }
                if (!any) {
                    continue;
                }
                for (String code = e.getKey(); code != null; code = parent(code)) {
                    long[] sums = out.computeIfAbsent(code, k -> new long[columns]);
                    for (int i = 0; i < columns; i++) {
                        sums[i] += values[i];
                    }
                }
            }
            return out;
        }

        static long[] classTotal(TreeMap<String, long[]> tree, int columns) {
            long[] t = new long[columns];
            for (Map.Entry<String, long[]> e : tree.entrySet()) {
                if (e.getKey().length() == 3) {
                    for (int i = 0; i < columns; i++) {
                        t[i] += e.getValue()[i];
                    }
                }
            }
            return t;
        }

        /** A table of accounts with its 合计 row first or last; columns given as keys, values per leaf. */
        void accountTable(String table, String[] columns, Map<String, long[]> byLeaf, boolean[] printed) {
            TreeMap<String, long[]> tree = tree(byLeaf, columns.length);
            long[] total = classTotal(tree, columns.length);
            if (totalFirst) {
                values(row(table, "total", "合计", false), columns, total, printed);
            }
            for (Map.Entry<String, long[]> e : tree.entrySet()) {
                values(row(table, e.getKey(), functionalName(e.getKey()), false), columns, e.getValue(), printed);
            }
            if (!totalFirst) {
                values(row(table, "total", "合计", false), columns, total, printed);
            }
        }

        void values(Map<String, Object> row, String[] columns, long[] values, boolean[] printed) {
            for (int i = 0; i < columns.length; i++) {
                if (printed == null || printed[i]) {
                    cell(row, columns[i], values[i]);
                }
            }
        }

        void t01() {
            lineNo = 0;
            for (int i = 0; i < 8; i++) {
                cell(row("T01", SOURCES[i], SOURCE_NAMES[i], true), "amount", sources[i]);
            }
            long incomeTotal = total(sources);
            cell(row("T01", "income_total", "本年收入合计", true), "amount", incomeTotal);
            cell(row("T01", "non_fiscal_surplus_used", "使用非财政拨款结余", true), "amount", usedSurplus);
            cell(row("T01", "carry_forward_begin", "年初结转和结余", true), "amount", carryBeginAll());
            long grand = incomeTotal + usedSurplus + carryBeginAll();
            cell(row("T01", "income_grand_total", "总计", true), "amount", grand);
            Map<String, long[]> spend = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                spend.put(l.code, new long[]{t03Total(l)});
            }
            TreeMap<String, long[]> tree = tree(spend, 1);
            long expenditureTotal = 0;
            for (Map.Entry<String, long[]> e : tree.entrySet()) {
                if (e.getKey().length() == 3) {
                    cell(row("T01", e.getKey(), functionalName(e.getKey()), true), "amount", e.getValue()[0]);
                    expenditureTotal += e.getValue()[0];
                }
            }
            cell(row("T01", "expenditure_total", "本年支出合计", true), "amount", expenditureTotal);
            cell(row("T01", "surplus_distribution", "结余分配", true), "amount", surplusDistribution);
            cell(row("T01", "carry_forward_end", "年末结转和结余", true), "amount", carryEndAll());
            cell(row("T01", "expenditure_grand_total", "总计", true), "amount", expenditureTotal + surplusDistribution + carryEndAll());
            if (grand != expenditureTotal + surplusDistribution + carryEndAll()) {
                throw new IllegalStateException("the two 总计 differ: " + grand + " / " + (expenditureTotal + surplusDistribution + carryEndAll()));
            }
        }

        static long t03Basic(Leaf l) {
            return l.basicG() + l.basicO;
        }

        static long t03Project(Leaf l) {
            return l.projectG + l.projectF + l.projectS + l.projectO;
        }

        static long t03Total(Leaf l) {
            return t03Basic(l) + t03Project(l) + l.remittance + l.business + l.subsidiary;
        }

        void t02() {
            String[] columns = {"total", "fiscal", "general", "fund", "stateCapital", "superiorSubsidy", "serviceIncome",
                    "operatingIncome", "subsidiaryRemittance", "otherIncome"};
            Map<String, long[]> byLeaf = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                long fiscal = l.incomeG() + l.incomeF() + l.incomeS();
                byLeaf.put(l.code, new long[]{fiscal + l.otherIncome(), fiscal, l.incomeG(), l.incomeF(), l.incomeS(),
                        l.incomeO[0], l.incomeO[1], l.incomeO[2], l.incomeO[3], l.incomeO[4]});
            }
            boolean[] printed = {true, true, t02Breakdown, t02Breakdown, t02Breakdown, true, true, true, true, true};
            accountTable("T02", columns, byLeaf, printed);
        }

        void t03() {
            String[] columns = {"total", "basic", "project", "remittance", "business", "subsidiary"};
            boolean others = v.contains(Variation.ALL_INCOME_SOURCES);
            Map<String, long[]> byLeaf = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                byLeaf.put(l.code, new long[]{t03Total(l), t03Basic(l), t03Project(l), l.remittance, l.business, l.subsidiary});
            }
            accountTable("T03", columns, byLeaf, new boolean[]{true, true, true, others, others, others});
        }

        void t04() {
            lineNo = 0;
            long g = sources[0];
            long f = sources[1];
            long s = sources[2];
            cell(row("T04", "general_public_budget_appropriation", "一般公共预算财政拨款", true), "amount", g);
            cell(row("T04", "government_fund_budget_appropriation", "政府性基金预算财政拨款", true), "amount", f);
            cell(row("T04", "state_capital_budget_appropriation", "国有资本经营预算财政拨款", true), "amount", s);
            cell(row("T04", "income_total", "本年收入合计", true), "amount", g + f + s);
            long bg = leaves.values().stream().mapToLong(l -> l.carryBeginG).sum();
            long bf = leaves.values().stream().mapToLong(l -> l.carryBeginF).sum();
            long bs = leaves.values().stream().mapToLong(l -> l.carryBeginS).sum();
            cell(row("T04", "carry_forward_begin", "年初财政拨款结转和结余", true), "amount", bg + bf + bs);
            cell(row("T04", "carry_forward_begin_general", "一般公共预算财政拨款", true), "amount", bg);
            cell(row("T04", "carry_forward_begin_fund", "政府性基金预算财政拨款", true), "amount", bf);
            cell(row("T04", "carry_forward_begin_state_capital", "国有资本经营预算财政拨款", true), "amount", bs);
            cell(row("T04", "income_grand_total", "总计", true), "amount", g + f + s + bg + bf + bs);
            String[] columns = {"total", "general", "fund", "stateCapital"};
            Map<String, long[]> byLeaf = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                byLeaf.put(l.code, new long[]{l.spendG() + l.projectF + l.projectS, l.spendG(), l.projectF, l.projectS});
            }
            TreeMap<String, long[]> tree = tree(byLeaf, 4);
            for (Map.Entry<String, long[]> e : tree.entrySet()) {
                if (e.getKey().length() == 3) {
                    values(row("T04", e.getKey(), functionalName(e.getKey()), true), columns, e.getValue(), null);
                }
            }
            long[] spend = classTotal(tree, 4);
            values(row("T04", "expenditure_total", "本年支出合计", true), columns, spend, null);
            long eg = leaves.values().stream().mapToLong(l -> l.carryEndG).sum();
            long ef = leaves.values().stream().mapToLong(l -> l.carryEndF).sum();
            long es = leaves.values().stream().mapToLong(l -> l.carryEndS).sum();
            long[] end = {eg + ef + es, eg, ef, es};
            values(row("T04", "carry_forward_end", "年末财政拨款结转和结余", true), columns, end, null);
            values(row("T04", "expenditure_grand_total", "总计", true), columns,
                    new long[]{spend[0] + end[0], spend[1] + end[1], spend[2] + end[2], spend[3] + end[3]}, null);
        }

        void t05() {
            String[] columns = {"total", "basic", "project", "personnel", "operating", "carryBegin", "income", "carryEnd",
                    "initialBudget", "adjustedBudget"};
            Map<String, long[]> byLeaf = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                if (l.spendG() > 0) {
                    byLeaf.put(l.code, new long[]{l.spendG(), l.basicG(), l.projectG, l.personnelG, l.operatingG, l.carryBeginG,
                            l.incomeG(), l.carryEndG, l.initialG, l.adjustedG});
                }
            }
            boolean[] printed = {true, true, true, t05PersonnelColumns, t05PersonnelColumns, t05CarryColumns, t05CarryColumns,
                    t05CarryColumns, true, t05Adjusted};
            accountTable("T05", columns, byLeaf, printed);
        }

        void t06() {
            TreeMap<String, Long> byClass = new TreeMap<>();
            for (Map.Entry<String, Long> e : economic.entrySet()) {
                byClass.merge(e.getKey().substring(0, 3), e.getValue(), Long::sum);
            }
            long personnel = 0;
            long operating = 0;
            for (Map.Entry<String, Long> c : byClass.entrySet()) {
                cell(row("T06", c.getKey(), economicName(c.getKey()), false), "amount", c.getValue());
                if (isPersonnel(c.getKey())) {
                    personnel += c.getValue();
                } else {
                    operating += c.getValue();
                }
                List<String> items = new ArrayList<>();
                if (t06Full) {
                    for (String[] list : new String[][]{PERSONNEL_ECONOMIC, PERSONNEL_SUBSIDY, OPERATING_ECONOMIC, CAPITAL_ECONOMIC}) {
                        for (String code : list) {
                            if (code.startsWith(c.getKey())) {
                                items.add(code);
                            }
                        }
                    }
                } else {
                    economic.keySet().stream().filter(k -> k.startsWith(c.getKey())).forEach(items::add);
                }
                Collections.sort(items);
                for (String code : items) {
                    cell(row("T06", code, economicName(code), false), "amount", economic.getOrDefault(code, 0L));
                }
            }
            cell(row("T06", "personnel_total", "人员经费合计", false), "amount", personnel);
            cell(row("T06", "operating_total", "公用经费合计", false), "amount", operating);
            if (t06TotalRow) {
                cell(row("T06", "total", "合计", false), "amount", personnel + operating);
            }
        }

        void fundTable(String table, boolean fund) {
            String[] columns = {"carryBegin", "income", "total", "basic", "project", "carryEnd"};
            Map<String, long[]> byLeaf = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                long spend = fund ? l.projectF : l.projectS;
                if (spend > 0) {
                    byLeaf.put(l.code, fund
                            ? new long[]{l.carryBeginF, l.incomeF(), l.projectF, 0, l.projectF, l.carryEndF}
                            : new long[]{l.carryBeginS, l.incomeS(), l.projectS, 0, l.projectS, l.carryEndS});
                }
            }
            if (byLeaf.isEmpty()) {
                // The department has no such money: the table is printed with its 合计 row and no figures.
                row(table, "total", "合计", false);
                return;
            }
            accountTable(table, columns, byLeaf, null);
        }

        void t09() {
            if (minimal) {
                row("T09", "TOTAL", "合计", false);
                return;
            }
            long[] a = threeActual;
            long[] b = threeBudget;
            Map<String, Object> total = row("T09", "TOTAL", "合计", false);
            cell(total, "budget", total(b));
            cell(total, "actual", total(a));
            Map<String, Object> travel = row("T09", "OVERSEAS_TRAVEL", "因公出国（境）费", false);
            cell(travel, "budget", b[0]);
            cell(travel, "actual", a[0]);
            Map<String, Object> vehicle = row("T09", "VEHICLE", "公务用车购置及运行维护费", false);
            cell(vehicle, "budget", b[1] + b[2]);
            cell(vehicle, "actual", a[1] + a[2]);
            Map<String, Object> purchase = row("T09", "VEHICLE_PURCHASE", "公务用车购置费", false);
            cell(purchase, "budget", b[1]);
            cell(purchase, "actual", a[1]);
            Map<String, Object> operation = row("T09", "VEHICLE_OPERATION", "公务用车运行维护费", false);
            cell(operation, "budget", b[2]);
            cell(operation, "actual", a[2]);
            Map<String, Object> reception = row("T09", "RECEPTION", "公务接待费", false);
            cell(reception, "budget", b[3] + b[4]);
            cell(reception, "actual", a[3] + a[4]);
            if (receptionSplit) {
                Map<String, Object> foreign = row("T09", "RECEPTION_FOREIGN", "外宾接待费", false);
                cell(foreign, "budget", b[3]);
                cell(foreign, "actual", a[3]);
                Map<String, Object> domestic = row("T09", "RECEPTION_DOMESTIC", "国内公务接待费", false);
                cell(domestic, "budget", b[4]);
                cell(domestic, "actual", a[4]);
            }
            if (v.contains(Variation.EXTRA_TABLES)) {
                travel.put("groups", groups);
                travel.put("persons", travelPersons);
                vehicle.put("vehiclesHeld", vehiclesHeld);
                vehicle.put("vehiclesBought", vehiclesBought);
                reception.put("batches", receptionBatches);
                reception.put("persons", receptionPersons);
                for (int i = 0; i < trips.size(); i++) {
                    long[] trip = trips.get(i);
                    Map<String, Object> row = row("T09", "trip_" + (i + 1), "赴" + DESTINATIONS[(int) trip[2]] + "开展交流访问", false);
                    cell(row, "actual", trip[0]);
                    row.put("persons", (int) trip[1]);
                }
            }
        }

        void extraTables() {
            cell(row("OFFICE_RUNNING", "total", "机关运行经费", false), "amount", officeRunning);
            String[] keys = {"goods", "works", "services"};
            String[] names = {"货物", "工程", "服务"};
            boolean planned = r.nextBoolean();
            long[] plan = new long[3];
            for (int i = 0; i < 3; i++) {
                Map<String, Object> row = row("PROCUREMENT", keys[i], names[i], false);
                if (planned) {
                    plan[i] = pct(procurement[i], 100, 110);
                    cell(row, "planned", plan[i]);
                }
                cell(row, "amount", procurement[i]);
                cell(row, "sme", procurementSme[i]);
                cell(row, "micro", procurementMicro[i]);
            }
            Map<String, Object> total = row("PROCUREMENT", "total", "合计", false);
            if (planned) {
                cell(total, "planned", total(plan));
            }
            cell(total, "amount", total(procurement));
            cell(total, "sme", total(procurementSme));
            cell(total, "micro", total(procurementMicro));
            Map<String, Object> land = row("ASSETS", "land", "土地", false);
            land.put("count", 1);
            land.put("area", BigDecimal.valueOf(50_000 + r.nextInt(500_000), 2).toPlainString());
            Map<String, Object> buildings = row("ASSETS", "buildings", "房屋", false);
            buildings.put("area", BigDecimal.valueOf(100_000 + r.nextInt(2_000_000), 2).toPlainString());
            cell(buildings, "amount", wan(100, 3000));
            Map<String, Object> cars = row("ASSETS", "vehicles", "车辆", false);
            cars.put("count", vehiclesHeld);
            cell(cars, "amount", wan(10, 30) * vehiclesHeld);
            Map<String, Object> equipment = row("ASSETS", "equipment_office", "办公设备", false);
            equipment.put("count", 20 + r.nextInt(300));
            cell(equipment, "amount", wan(5, 200));
            row("ASSETS", "equipment_over_1m", "单位价值100万元（含）以上设备", false).put("count", r.nextInt(4));
        }

        void vehicles() {
            String[] kinds = {"执法执勤用车", "应急保障用车", "机要通信用车", "其他用车"};
            long[] counts = split(vehiclesHeld, kinds.length);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < kinds.length; i++) {
                Map<String, Object> kind = new LinkedHashMap<>();
                kind.put("kind", kinds[i]);
                kind.put("count", (int) counts[i]);
                out.add(kind);
            }
            doc.put("vehicles", out);
        }

        void previousRows() {
            if (!v.contains(Variation.PREVIOUS_YEAR)) {
                return;
            }
            boolean carry = v.contains(Variation.CARRY_OVERS);
            cell(previousRow("T01", "income_total", "本年收入合计"), "amount", prevIncomeTotal);
            if (carry) {
                cell(previousRow("T01", "carry_forward_begin", "年初结转和结余"), "amount", prevCarryBegin);
            }
            cell(previousRow("T01", "income_grand_total", "总计"), "amount", prevGrand);
            cell(previousRow("T01", "expenditure_total", "本年支出合计"), "amount", prevExpenditureTotal);
            if (carry) {
                cell(previousRow("T01", "carry_forward_end", "年末结转和结余"), "amount", prevCarryEnd);
            }
            cell(previousRow("T01", "expenditure_grand_total", "总计"), "amount", prevGrand);
            cell(previousRow("T04", "income_grand_total", "总计"), "amount", prevFiscalGrand);
            cell(previousRow("T04", "expenditure_grand_total", "总计"), "total", prevFiscalGrand);
            cell(previousRow("T05", "total", "合计"), "total", prevGeneral);
            if (!minimal) {
                String[] items = {"TOTAL", "OVERSEAS_TRAVEL", "VEHICLE", "RECEPTION"};
                for (int i = 0; i < 4; i++) {
                    cell(previousRow("T09", items[i], null), "actual", prevThree[i]);
                }
            }
            if (v.contains(Variation.EXTRA_TABLES)) {
                cell(previousRow("OFFICE_RUNNING", "total", "机关运行经费"), "amount", prevOfficeRunning);
            }
        }

        List<Map<String, Object>> projectRows() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Project p : projects) {
                out.add(projectRow(p, true));
                for (Project c : p.children) {
                    out.add(projectRow(c, false));
                }
            }
            return out;
        }

        Map<String, Object> projectRow(Project p, boolean withIndicators) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", p.code);
            row.put("name", p.name);
            row.put("category", "部门预算项目");
            row.put("type", new String[]{"常年性", "延续性", "一次性"}[r.nextInt(3)]);
            if (p.level > 0) {
                row.put("level", p.level);
            }
            if (p.parent != null) {
                row.put("parentCode", p.parent);
            }
            row.put("initialBudget", fmt(p.initial));
            row.put("adjustedBudget", fmt(p.adjusted));
            row.put("executed", fmt(p.executed));
            if (withIndicators) {
                row.put("goal", "按计划完成" + p.name + "各项工作任务。");
                row.put("outcome", outcome(p, null));
                List<Map<String, Object>> indicators = new ArrayList<>();
                for (Indicator i : p.indicators) {
                    indicators.add(indicatorRow(i));
                }
                row.put("indicators", indicators);
            }
            p.row = row;
            return row;
        }

        /** The outcome text: which indicators were met and which were not (all called met when one is seeded wrong). */
        String outcome(Project p, Indicator calledMet) {
            List<String> missed = new ArrayList<>();
            for (Indicator i : p.indicators) {
                if (!i.met() && i != calledMet) {
                    missed.add(i.shape()[2]);
                }
            }
            if (missed.isEmpty()) {
                return "项目按计划实施，各项绩效指标均已完成。";
            }
            return "项目按计划实施，" + String.join("、", missed) + "指标未完成年度目标，其余指标均已完成。";
        }

        Map<String, Object> indicatorRow(Indicator i) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level1", i.shape()[0]);
            row.put("level2", i.shape()[1]);
            row.put("name", i.shape()[2]);
            row.put("target", target(i));
            row.put("actual", actual(i));
            row.put("weight", "10");
            BigDecimal score = BigDecimal.TEN;
            if (!i.met()) {
                score = i.shape()[3].equals("+")
                        ? BigDecimal.TEN.multiply(BigDecimal.valueOf(i.actual())).divide(BigDecimal.valueOf(i.target()), 2, RoundingMode.HALF_UP)
                        : BigDecimal.TEN.multiply(BigDecimal.valueOf(i.target())).divide(BigDecimal.valueOf(i.actual()), 2, RoundingMode.HALF_UP);
            }
            row.put("score", score.toPlainString());
            return row;
        }

        static String target(Indicator i) {
            return i.shape()[3].equals("0") ? i.shape()[4] : String.format(i.shape()[4], i.target());
        }

        static String actual(Indicator i) {
            return i.shape()[3].equals("0") ? i.shape()[5] : String.format(i.shape()[5], i.actual());
        }

        // ---- the narrative ------------------------------------------------------------------------------------------

        String money(long minor) {
            return fmt(minor) + unit;
        }

        String change(long now, long before) {
            long d = now - before;
            if (d == 0) {
                return "持平";
            }
            String rate = percent(Math.abs(d), before);
            return d > 0 ? "增加" + money(d) + "，增长" + rate + "%" : "减少" + money(-d) + "，下降" + rate + "%";
        }

        void section(String key, String heading, List<String> paragraphs) {
            sectionIndex.put(key, sections.size());
            sections.add(new Section(heading, new ArrayList<>(paragraphs)));
        }

        String where(String key) {
            return "情况说明 " + NUMERALS[sectionIndex.get(key)];
        }

        void narrative() {
            boolean previous = v.contains(Variation.PREVIOUS_YEAR);
            String last = (year - 1) + "年度";
            long incomeTotal = total(sources);
            long grand = incomeTotal + usedSurplus + carryBeginAll();
            long expenditureTotal = leaves.values().stream().mapToLong(VariationGenerator.Build::t03Total).sum();

            StringBuilder p = new StringBuilder();
            p.append(year).append("年度收入总计").append(money(grand)).append("，支出总计").append(money(grand)).append("。");
            if (previous) {
                p.append("与").append(last).append("相比，收、支总计各").append(change(grand, prevGrand)).append("。");
            }
            if (grand != incomeTotal || grand != expenditureTotal) {
                p.append("其中，本年收入合计").append(money(incomeTotal));
                if (usedSurplus > 0) {
                    p.append("，使用非财政拨款结余").append(money(usedSurplus));
                }
                if (carryBeginAll() > 0) {
                    p.append("，年初结转和结余").append(money(carryBeginAll()));
                }
                p.append("；本年支出合计").append(money(expenditureTotal));
                if (surplusDistribution > 0) {
                    p.append("，结余分配").append(money(surplusDistribution));
                }
                if (carryEndAll() > 0) {
                    p.append("，年末结转和结余").append(money(carryEndAll()));
                }
                p.append("。");
            }
            section("overall", "收入支出决算总体情况", List.of(p.toString()));

            p = new StringBuilder();
            p.append(year).append("年度本年收入合计").append(money(incomeTotal));
            if (previous) {
                p.append("，与").append(last).append("相比").append(change(incomeTotal, prevIncomeTotal));
            }
            p.append("。其中：");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                if (sources[i] > 0) {
                    parts.add(SOURCE_NAMES[i] + money(sources[i]) + "，占本年收入合计的" + percent(sources[i], incomeTotal) + "%");
                }
            }
            p.append(String.join("；", parts)).append("。");
            section("income", "收入决算情况", List.of(p.toString()));

            long basic = leaves.values().stream().mapToLong(VariationGenerator.Build::t03Basic).sum();
            long project = leaves.values().stream().mapToLong(VariationGenerator.Build::t03Project).sum();
            long[] others = {leaves.values().stream().mapToLong(l -> l.remittance).sum(), leaves.values().stream().mapToLong(l -> l.business).sum(),
                    leaves.values().stream().mapToLong(l -> l.subsidiary).sum()};
            p = new StringBuilder();
            p.append(year).append("年度本年支出合计").append(money(expenditureTotal));
            if (previous) {
                p.append("，与").append(last).append("相比").append(change(expenditureTotal, prevExpenditureTotal));
            }
            p.append("。其中：基本支出").append(money(basic)).append("，占本年支出合计的").append(percent(basic, expenditureTotal)).append("%");
            p.append("；项目支出").append(money(project)).append("，占本年支出合计的").append(percent(project, expenditureTotal)).append("%");
            String[] otherNames = {"上缴上级支出", "经营支出", "对附属单位补助支出"};
            for (int i = 0; i < 3; i++) {
                if (others[i] > 0) {
                    p.append("；").append(otherNames[i]).append(money(others[i])).append("，占本年支出合计的")
                            .append(percent(others[i], expenditureTotal)).append("%");
                }
            }
            p.append("。");
            section("expenditure", "支出决算情况", List.of(p.toString()));

            long fiscalGrand = fiscalGrand();
            long fiscalIncome = sources[0] + sources[1] + sources[2];
            long fiscalSpend = leaves.values().stream().mapToLong(l -> l.spendG() + l.projectF + l.projectS).sum();
            p = new StringBuilder();
            p.append(year).append("年度财政拨款收入总计").append(money(fiscalGrand)).append("，支出总计").append(money(fiscalGrand)).append("。");
            if (previous) {
                p.append("与").append(last).append("相比，财政拨款收、支总计各").append(change(fiscalGrand, prevFiscalGrand)).append("。");
            }
            if (carryBeginFiscal() > 0 || carryEndFiscal() > 0) {
                p.append("其中，本年财政拨款收入").append(money(fiscalIncome)).append("，年初财政拨款结转和结余").append(money(carryBeginFiscal()))
                        .append("；本年财政拨款支出").append(money(fiscalSpend)).append("，年末财政拨款结转和结余").append(money(carryEndFiscal()))
                        .append("。");
            }
            section("fiscal", "财政拨款收入支出决算总体情况", List.of(p.toString()));

            long general = leaves.values().stream().mapToLong(Leaf::spendG).sum();
            List<String> paragraphs = new ArrayList<>();
            p = new StringBuilder();
            p.append("（一）总体情况。").append(year).append("年度一般公共预算财政拨款支出").append(money(general)).append("，占本年支出合计的")
                    .append(percent(general, expenditureTotal)).append("%");
            if (previous) {
                p.append("。与").append(last).append("相比，一般公共预算财政拨款支出").append(change(general, prevGeneral));
            }
            p.append("。");
            paragraphs.add(p.toString());
            Map<String, long[]> byLeaf = new TreeMap<>();
            for (Leaf l : leaves.values()) {
                if (l.spendG() > 0) {
                    byLeaf.put(l.code, new long[]{l.spendG(), l.initialG});
                }
            }
            TreeMap<String, long[]> tree = tree(byLeaf, 2);
            parts = new ArrayList<>();
            for (Map.Entry<String, long[]> e : tree.entrySet()) {
                if (e.getKey().length() == 3) {
                    parts.add(functionalName(e.getKey()) + "（类）" + money(e.getValue()[0]) + "，占" + percent(e.getValue()[0], general) + "%");
                }
            }
            paragraphs.add("（二）结构情况。一般公共预算财政拨款支出主要用于以下方面：" + String.join("；", parts) + "。");
            paragraphs.add("（三）具体情况。");
            for (Map.Entry<String, long[]> e : byLeaf.entrySet()) {
                String code = e.getKey();
                StringBuilder line = new StringBuilder();
                String kuan = parent(code);
                if (code.length() == 7) {
                    line.append(functionalName(parent(kuan))).append("（类）").append(functionalName(kuan)).append("（款）")
                            .append(functionalName(code)).append("（项）");
                } else {
                    line.append(functionalName(kuan)).append("（类）").append(functionalName(code)).append("（款）");
                }
                long[] values = e.getValue();
                line.append("。年初预算为").append(money(values[1])).append("，支出决算为").append(money(values[0])).append("，完成年初预算的")
                        .append(percent(values[0], values[1])).append("%。");
                paragraphs.add(line.toString());
            }
            section("general", "一般公共预算财政拨款支出决算情况", paragraphs);

            long personnel = economic.entrySet().stream().filter(e -> isPersonnel(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            long operating = economic.entrySet().stream().filter(e -> !isPersonnel(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            List<String> personnelItems = economic.entrySet().stream().filter(e -> isPersonnel(e.getKey()) && e.getValue() > 0)
                    .map(e -> economicName(e.getKey())).toList();
            List<String> operatingItems = economic.entrySet().stream().filter(e -> !isPersonnel(e.getKey()) && e.getValue() > 0)
                    .map(e -> economicName(e.getKey())).toList();
            section("basic", "一般公共预算财政拨款基本支出决算情况", List.of(year + "年度一般公共预算财政拨款基本支出" + money(personnel + operating)
                    + "，其中：人员经费" + money(personnel) + "，主要包括" + String.join("、", personnelItems) + "；公用经费" + money(operating)
                    + "，主要包括" + String.join("、", operatingItems) + "。"));

            section("fund", "政府性基金预算财政拨款收入支出决算情况", List.of(fundParagraph(true)));
            section("stateCapital", "国有资本经营预算财政拨款支出决算情况", List.of(fundParagraph(false)));
            section("three", "“三公”经费财政拨款支出决算情况", threePublicParagraphs());
            if (v.contains(Variation.EXTRA_TABLES)) {
                section("other", "其他重要事项的情况说明", otherParagraphs());
            }
            section("performance", "预算绩效情况", performanceParagraphs(null));
        }

        String fundParagraph(boolean fund) {
            String name = fund ? "政府性基金预算财政拨款" : "国有资本经营预算财政拨款";
            long spend = leaves.values().stream().mapToLong(l -> fund ? l.projectF : l.projectS).sum();
            if (spend == 0) {
                return "本部门" + year + "年度没有" + name + "收入，也没有使用" + name + "安排的支出，故" + name + "收入支出决算表以空表列示。";
            }
            long begin = leaves.values().stream().mapToLong(l -> fund ? l.carryBeginF : l.carryBeginS).sum();
            long income = leaves.values().stream().mapToLong(l -> fund ? l.incomeF() : l.incomeS()).sum();
            long end = leaves.values().stream().mapToLong(l -> fund ? l.carryEndF : l.carryEndS).sum();
            StringBuilder p = new StringBuilder();
            p.append(year).append("年度").append(name);
            if (begin > 0) {
                p.append("年初结转和结余").append(money(begin)).append("，");
            }
            p.append("本年收入").append(money(income)).append("，本年支出").append(money(spend));
            if (end > 0) {
                p.append("，年末结转和结余").append(money(end));
            }
            return p.append("。").toString();
        }

        List<String> threePublicParagraphs() {
            if (minimal) {
                return List.of("本部门" + year + "年度未发生“三公”经费财政拨款支出，故“三公”经费支出决算表以空表列示。");
            }
            long actual = total(threeActual);
            long budget = total(threeBudget);
            StringBuilder p = new StringBuilder();
            p.append(year).append("年度“三公”经费财政拨款支出预算为").append(money(budget)).append("，支出决算为").append(money(actual));
            if (budget > 0) {
                p.append("，完成预算的").append(percent(actual, budget)).append("%");
            }
            if (v.contains(Variation.PREVIOUS_YEAR)) {
                p.append("。与").append(year - 1).append("年度相比").append(change(actual, prevThree[0]));
            }
            p.append("。");
            List<String> out = new ArrayList<>();
            out.add(p.toString());
            StringBuilder detail = new StringBuilder();
            detail.append("其中：因公出国（境）费支出决算").append(money(threeActual[0]));
            if (v.contains(Variation.EXTRA_TABLES)) {
                detail.append("，全年安排因公出国（境）团组").append(groups).append("个，累计").append(travelPersons).append("人次");
            }
            detail.append("；公务用车购置及运行维护费支出决算").append(money(threeActual[1] + threeActual[2])).append("，其中公务用车购置费")
                    .append(money(threeActual[1])).append("，公务用车运行维护费").append(money(threeActual[2]));
            if (v.contains(Variation.EXTRA_TABLES)) {
                detail.append("，购置公务用车").append(vehiclesBought).append("辆，年末公务用车保有量").append(vehiclesHeld).append("辆");
            }
            detail.append("；公务接待费支出决算").append(money(threeActual[3] + threeActual[4]));
            if (v.contains(Variation.EXTRA_TABLES)) {
                detail.append("，共接待").append(receptionBatches).append("批次、").append(receptionPersons).append("人次");
            }
            out.add(detail.append("。").toString());
            return out;
        }

        List<String> otherParagraphs() {
            List<String> out = new ArrayList<>();
            StringBuilder p = new StringBuilder("（一）机关运行经费支出情况。" + year + "年度本部门机关运行经费支出" + money(officeRunning));
            if (v.contains(Variation.PREVIOUS_YEAR)) {
                p.append("，与").append(year - 1).append("年度相比").append(change(officeRunning, prevOfficeRunning));
            }
            out.add(p.append("。").toString());
            long all = total(procurement);
            out.add("（二）政府采购支出情况。" + year + "年度政府采购支出总额" + money(all) + "，其中：政府采购货物支出" + money(procurement[0])
                    + "、政府采购工程支出" + money(procurement[1]) + "、政府采购服务支出" + money(procurement[2]) + "。授予中小企业合同金额"
                    + money(total(procurementSme)) + "，占政府采购支出总额的" + percent(total(procurementSme), all) + "%，其中授予小微企业合同金额"
                    + money(total(procurementMicro)) + "。");
            out.add("（三）国有资产占用情况。截至" + year + "年12月31日，本部门共有车辆" + vehiclesHeld + "辆。");
            return out;
        }

        List<String> performanceParagraphs(Indicator calledMet) {
            long projectG = leaves.values().stream().mapToLong(l -> l.projectG).sum();
            long evaluated = projects.stream().mapToLong(p -> p.executed).sum();
            List<String> out = new ArrayList<>();
            out.add("本部门组织对" + projects.size() + "个项目开展绩效自评，涉及资金" + money(evaluated) + "，占一般公共预算项目支出总额的"
                    + percent(evaluated, projectG) + "%。");
            for (Project p : projects) {
                StringBuilder s = new StringBuilder();
                s.append(p.name).append("项目：全年预算数").append(money(p.adjusted)).append("，执行数").append(money(p.executed))
                        .append("，执行率").append(percent(p.executed, p.adjusted)).append("%。");
                for (Indicator i : p.indicators) {
                    s.append(i.shape()[2]).append("指标年度目标值为").append(target(i)).append("，实际完成值为").append(actual(i))
                            .append(i.met() || i == calledMet ? "，已完成。" : "，未完成。");
                }
                out.add(s.toString());
            }
            return out;
        }

        // ---- seeds --------------------------------------------------------------------------------------------------

        /** An amount beyond rounding: 1 to 50 万元 (0.5 to 5 for the small 三公 figures). */
        long delta(boolean small) {
            return small ? wan(0.5, 5) : wan(1, 50);
        }

        long get(Map<String, Object> row, String column) {
            Object value = row.get(column);
            return value == null ? 0 : new BigDecimal(value.toString()).movePointRight(2).longValueExact();
        }

        void set(Map<String, Object> row, String column, long minor) {
            row.put(column, fmt(minor));
        }

        Map<String, Object> indexed(String key) {
            Map<String, Object> row = rowIndex.get(key);
            if (row == null) {
                throw new IllegalStateException("no row " + key);
            }
            return row;
        }

        /** The account rows of a table that have no children printed: the 项 (and 款 printed without 项). */
        List<String> leafRows(String table) {
            List<String> codes = new ArrayList<>();
            for (String key : rowIndex.keySet()) {
                if (key.startsWith(table + "/")) {
                    String code = key.substring(table.length() + 1);
                    if (code.chars().allMatch(Character::isDigit) && code.length() > 3
                            && rowIndex.keySet().stream().noneMatch(k -> k.startsWith(table + "/" + code) && !k.equals(table + "/" + code))) {
                        codes.add(code);
                    }
                }
            }
            return codes;
        }

        ExpectedFinding seed(Seeded kind) {
            return switch (kind) {
                case WRONG_CELL -> {
                    String table = r.nextBoolean() ? "T03" : "T05";
                    List<String> codes = leafRows(table);
                    String code = codes.get(r.nextInt(codes.size()));
                    String column = r.nextBoolean() ? "basic" : "project";
                    Map<String, Object> row = indexed(table + "/" + code);
                    long wrong = get(row, column) + delta(false);
                    set(row, column, wrong);
                    yield new ExpectedFinding(kind, table + "/" + code + "/" + column, List.of(fmt(wrong)));
                }
                case WRONG_PRINTED_TOTAL -> {
                    String[][] totals = {{"T01", "income_total", "amount"}, {"T01", "expenditure_total", "amount"},
                            {"T01", "income_grand_total", "amount"}, {"T02", "total", "total"}, {"T03", "total", "total"},
                            {"T05", "total", "total"}, {"T04", "expenditure_total", "total"}};
                    String[] t = totals[r.nextInt(totals.length)];
                    Map<String, Object> row = indexed(t[0] + "/" + t[1]);
                    long printed = get(row, t[2]);
                    long d = delta(false);
                    long wrong = printed > d && r.nextBoolean() ? printed - d : printed + d;
                    set(row, t[2], wrong);
                    yield new ExpectedFinding(kind, t[0] + "/" + t[1] + "/" + t[2], List.of(fmt(wrong), fmt(printed)));
                }
                case CROSS_TABLE -> {
                    long d = delta(false);
                    if (r.nextBoolean()) {
                        // 公开05 consistent in itself, but more than 公开04's 一般公共预算 column.
                        List<String> codes = leafRows("T05");
                        String code = codes.get(r.nextInt(codes.size()));
                        for (String c = code; c != null; c = parent(c)) {
                            bump("T05/" + c, d, "total", "project", t05CarryColumns ? "income" : null);
                        }
                        bump("T05/total", d, "total", "project", t05CarryColumns ? "income" : null);
                        yield new ExpectedFinding(kind, "T05/total/total", List.of(fmt(get(indexed("T05/total"), "total")),
                                fmt(get(indexed("T04/expenditure_total"), "general"))));
                    }
                    // 公开02 consistent in itself, but more than 公开01's 本年收入合计.
                    List<String> codes = leafRows("T02");
                    String code = codes.get(r.nextInt(codes.size()));
                    for (String c = code; c != null; c = parent(c)) {
                        bump("T02/" + c, d, "total", "otherIncome", null);
                    }
                    bump("T02/total", d, "total", "otherIncome", null);
                    yield new ExpectedFinding(kind, "T02/total/total", List.of(fmt(get(indexed("T02/total"), "total")),
                            fmt(get(indexed("T01/income_total"), "amount"))));
                }
                case WRONG_BASIS_NARRATIVE -> wrongBasis(kind);
                case MISSED_TARGET_CALLED_MET -> {
                    Project p = projects.get(r.nextInt(projects.size()));
                    int at = -1;
                    for (int i = 0; i < p.indicators.size(); i++) {
                        if (!p.indicators.get(i).shape()[3].equals("0")) {
                            at = i;
                            break;
                        }
                    }
                    Indicator missed = indicator(p.indicators.get(at).shape(), true);
                    p.indicators.set(at, missed);
                    p.row.put("outcome", outcome(p, missed));
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> rows = (List<Map<String, Object>>) p.row.get("indicators");
                    rows.set(at, indicatorRow(missed));
                    List<String> paragraphs = sections.get(sectionIndex.get("performance")).paragraphs();
                    paragraphs.clear();
                    paragraphs.addAll(performanceParagraphs(missed));
                    yield new ExpectedFinding(kind, "projects/" + p.code + "/indicators/" + missed.shape()[2],
                            List.of(target(missed), actual(missed)));
                }
                case COPIED_PARAGRAPH -> {
                    String from = r.nextBoolean() ? "income" : "expenditure";
                    String[] targets = {"fiscal", "basic", "fund", "three"};
                    String to = targets[r.nextInt(targets.length)];
                    String copied = sections.get(sectionIndex.get(from)).paragraphs().get(0);
                    sections.get(sectionIndex.get(to)).paragraphs().add(copied);
                    List<String> figures = new ArrayList<>();
                    Matcher m = FIGURE.matcher(copied);
                    while (m.find()) {
                        figures.add(m.group());
                    }
                    yield new ExpectedFinding(kind, where(to), figures);
                }
                case DOUBLED_CHARACTER -> {
                    String[] keys = {"income", "expenditure", "general", "basic"};
                    String key = keys[r.nextInt(keys.length)];
                    List<String> paragraphs = sections.get(sectionIndex.get(key)).paragraphs();
                    String text = paragraphs.get(0);
                    String word = null;
                    for (String w : r.nextBoolean() ? new String[]{"其中", "主要", "年度"} : new String[]{"年度", "其中", "主要"}) {
                        if (text.contains(w)) {
                            word = w;
                            break;
                        }
                    }
                    if (word == null || r.nextInt(3) == 0) {
                        // Template residue: a particle left twice.
                        int at = text.indexOf("的");
                        if (at >= 0) {
                            paragraphs.set(0, text.substring(0, at) + "的的" + text.substring(at + 1));
                            yield new ExpectedFinding(kind, where(key), List.of("的的"));
                        }
                    }
                    int at = text.indexOf(word);
                    paragraphs.set(0, text.substring(0, at) + word + word + text.substring(at + word.length()));
                    yield new ExpectedFinding(kind, where(key), List.of(word + word));
                }
                case LEVEL1_NOT_SUM -> {
                    Project p = projects.get(r.nextInt(projects.size()));
                    long wrong = p.executed + delta(false);
                    p.row.put("executed", fmt(wrong));
                    long sum = p.children.stream().mapToLong(c -> c.executed).sum();
                    yield new ExpectedFinding(kind, "projects/" + p.code + "/executed", List.of(fmt(wrong), fmt(sum)));
                }
                case THREE_PUBLIC_PARTS -> {
                    String column = r.nextBoolean() ? "actual" : "budget";
                    Map<String, Object> row = indexed("T09/TOTAL");
                    long printed = get(row, column);
                    long wrong = printed + delta(true);
                    set(row, column, wrong);
                    yield new ExpectedFinding(kind, "T09/TOTAL/" + column, List.of(fmt(wrong), fmt(printed)));
                }
                case SME_OVER_TOTAL -> {
                    String[] keys = {"goods", "works", "services"};
                    int i = procurement[1] == 0 ? (r.nextBoolean() ? 0 : 2) : r.nextInt(3);
                    Map<String, Object> row = indexed("PROCUREMENT/" + keys[i]);
                    Map<String, Object> total = indexed("PROCUREMENT/total");
                    long d = delta(false);
                    if (r.nextBoolean()) {
                        long wrong = procurement[i] + d;
                        set(row, "sme", wrong);
                        set(total, "sme", get(total, "sme") + wrong - procurementSme[i]);
                        yield new ExpectedFinding(kind, "PROCUREMENT/" + keys[i] + "/sme", List.of(fmt(wrong), fmt(procurement[i])));
                    }
                    long wrong = procurementSme[i] + d;
                    set(row, "micro", wrong);
                    set(total, "micro", get(total, "micro") + wrong - procurementMicro[i]);
                    yield new ExpectedFinding(kind, "PROCUREMENT/" + keys[i] + "/micro", List.of(fmt(wrong), fmt(procurementSme[i])));
                }
            };
        }

        void bump(String key, long d, String... columns) {
            Map<String, Object> row = indexed(key);
            for (String column : columns) {
                if (column != null) {
                    set(row, column, get(row, column) + d);
                }
            }
        }

        ExpectedFinding wrongBasis(Seeded kind) {
            long incomeTotal = total(sources);
            long grand = incomeTotal + usedSurplus + carryBeginAll();
            long general = leaves.values().stream().mapToLong(Leaf::spendG).sum();
            long all = leaves.values().stream().mapToLong(VariationGenerator.Build::t03Total).sum();
            boolean carry = grand != incomeTotal;
            if (!carry && general == all) {
                throw new IllegalStateException("no basis to confuse: no carry-overs and no money besides the general budget");
            }
            if (carry && (general == all || r.nextBoolean())) {
                List<String> paragraphs = sections.get(sectionIndex.get("overall")).paragraphs();
                paragraphs.set(0, paragraphs.get(0).replaceFirst("收入总计" + Pattern.quote(money(grand)), "收入总计" + money(incomeTotal)));
                return new ExpectedFinding(kind, where("overall"), List.of(fmt(incomeTotal), fmt(grand)));
            }
            List<String> paragraphs = sections.get(sectionIndex.get("general")).paragraphs();
            String wrong = "一般公共预算财政拨款支出" + money(all) + "，占本年支出合计的" + percent(all, all) + "%";
            String right = "一般公共预算财政拨款支出" + money(general) + "，占本年支出合计的" + percent(general, all) + "%";
            paragraphs.set(0, paragraphs.get(0).replace(right, wrong));
            return new ExpectedFinding(kind, where("general"), List.of(fmt(all), fmt(general)));
        }
    }
}
