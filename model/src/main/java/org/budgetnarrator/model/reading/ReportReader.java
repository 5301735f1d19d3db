package org.budgetnarrator.model.reading;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a published report: decides what kind of document it is, lets the layout reader that knows its layout best
 * read its tables, and records the year, the department and the 情况说明 as the report prints them. Nothing is stored
 * here: the result is a document in the import format, which the one importer stores (atomically) where asked.
 */
public final class ReportReader {

    /** The layouts known, best first where two score alike. */
    public static ReportReader standard() {
        return new ReportReader(List.of(new PositionedLayoutReader(), new NationalLayoutReader(), new ShanghaiLayoutReader()));
    }

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年度?\\s*(?:部门|单位)?(?:决算|部门决算)");
    private static final Pattern DEPARTMENT = Pattern.compile("^(?:部门|单位|编制单位|预算单位)[:：]\\s*(\\S.{0,60}?)\\s*(?:(?:金额|计量)?单位[:：].*)?$");
    /**
     * The national template's title and placeholders where a department's report prints its name and figures: XX部门,
     * 上海市XX局 (the text layer may space the Latin placeholder: "上海市 XX 局"), 20XX年, XXX万元, XX%, 项目XX个 (the
     * 2024 template puts them in every paragraph; a published report may carry one left over, so it takes three).
     */
    private static final Pattern TEMPLATE = Pattern.compile(
            "部门决算模板|[XＸ×]{2,}\\s*(?:部门|单位|局|厅|委|办|中心|研究所|年|万元|元|%|％|个|人次|辆|批次)|20[XＸ×]{2}\\s*年");
    /** What other documents call themselves: a budget, a self-evaluation, targets. */
    private static final Pattern OTHER = Pattern.compile("部门预算|单位预算|绩效自评表|绩效目标表|绩效目标申报表");
    private static final Pattern FINAL = Pattern.compile("决算");
    private static final Pattern OVERVIEW = Pattern.compile("第一部分\\s*(\\S{2,40}?)\\s*概况");
    private static final Pattern COVER = Pattern.compile("^\\s*(\\S{2,40}?)\\s*20\\d{2}\\s*年度?\\s*(?:部门|单位)决算");
    private static final Pattern MONEY_UNIT = Pattern.compile("(?:亿|万|千|百)?元");

    private final List<LayoutReader> layouts;

    public ReportReader(List<LayoutReader> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    public ReadResult read(ReportSource source) {
        if (source.lines().isEmpty()) {
            throw new ReadException(source.file(), "文件中没有可读的文字（空文件，或没有文字层的扫描件）");
        }
        String head = head(source, 60);
        ReadingReport report = new ReadingReport();
        if (TEMPLATE.matcher(source.text()).results().count() >= 3) {
            report.note("该文件是部门决算模板（含“XX部门”“20XX年”等占位文字），不是某一部门公开的决算，未读取数据");
            return new ReadResult(source.file(), ReadResult.ReportKind.TEMPLATE, null, report.done(), false);
        }
        if (!FINAL.matcher(head).find() && OTHER.matcher(head).find()) {
            Matcher m = OTHER.matcher(head);
            m.find();
            report.note("该文件是" + m.group() + "，不是部门决算，未读取数据");
            return new ReadResult(source.file(), ReadResult.ReportKind.OTHER, null, report.done(), false);
        }
        DocumentDraft document = new DocumentDraft();
        Matcher year = YEAR.matcher(head);
        if (year.find()) {
            document.year(Integer.parseInt(year.group(1)));
        } else {
            report.note("未读出报告年度（如“2024年度部门决算”）");
        }
        String department = null;
        for (ReportLine line : source.lines()) {
            Matcher m = DEPARTMENT.matcher(line.text());
            // "单位：万元" above a table (Shanghai prints no 部门： line) is the money unit, not a department.
            if (m.find() && !MONEY_UNIT.matcher(m.group(1).strip()).matches()) {
                department = m.group(1).strip();
                break;
            }
        }
        if (department == null) {
            // Shanghai's layout prints no 部门 line above its tables: the name stands in 第一部分's title, or the cover's.
            Matcher overview = OVERVIEW.matcher(head);
            Matcher cover = COVER.matcher(head.replace("\n", ""));
            department = overview.find() ? overview.group(1).strip() : cover.find() ? cover.group(1).strip() : null;
        }
        if (department == null) {
            report.note("未读出部门名称（表头“部门：…”或“第一部分 …概况”）");
            department = "未识别部门";
        }
        String level = level(department);
        if (level == null) {
            report.note("未能从部门名称判断行政级别（省级、市级、区县级），导入前请指定");
        }
        document.department(code(department), department, level);
        LayoutReader best = layouts.stream().filter(l -> l.score(source) > 0)
                .max(Comparator.comparingInt(l -> l.score(source))).orElse(null);
        boolean partial = false;
        if (best == null) {
            report.note("未识别出公开表的表式：只读出了表头，未读取各表数字");
            partial = true;
        } else {
            report.note("按" + best.name() + "表式读取");
            best.read(source, document, report);
        }
        SelfEvaluationTables.read(source, document, report);
        if (document.year() == null || report.incomplete()) {
            partial = true;
        }
        return new ReadResult(source.file(), ReadResult.ReportKind.FINAL_ACCOUNTS, document.toDocument(), report.done(), partial);
    }

    private static final java.util.List<String> PROVINCES = java.util.List.of("北京", "天津", "上海", "重庆", "河北", "山西",
            "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西",
            "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆");
    private static final Pattern PROVINCE_SUFFIX = Pattern.compile("^(?:省|市|(?:[\\u4e00-\\u9fff]{0,4})?自治区)");
    private static final Pattern CITY = Pattern.compile("^[\\u4e00-\\u9fff]{1,6}?(?:市|自治州|州|地区|盟)(?!场|民|政|级|属|直)");
    private static final Pattern COUNTY = Pattern.compile("^[\\u4e00-\\u9fff]{1,4}?(?:新区|自治县|县|区|旗)(?!域|间|块|划)");

    /**
     * The department's 行政级别 judged from its name's place names: a province or a municipality alone is provincial
     * (上海市规划和自然资源局), a city under it municipal (咸宁市委外办), a county or a district county-level
     * (上海市普陀区财政局); null where the name names no place the reader knows.
     */
    static String level(String name) {
        String rest = name.replaceFirst("^(?:中共|中国共产党)", "");
        boolean province = false;
        for (String p : PROVINCES) {
            if (rest.startsWith(p)) {
                rest = rest.substring(p.length());
                Matcher suffix = PROVINCE_SUFFIX.matcher(rest);
                if (suffix.find()) {
                    rest = rest.substring(suffix.end());
                }
                province = true;
                break;
            }
        }
        boolean city = false;
        Matcher c = CITY.matcher(rest);
        if (!province || !Set.of("北京", "天津", "上海", "重庆").stream().anyMatch(name.replaceFirst("^(?:中共|中国共产党)", "")::startsWith)) {
            if (c.find()) {
                rest = rest.substring(c.end());
                city = true;
            }
        }
        if (COUNTY.matcher(rest).find()) {
            return "COUNTY";
        }
        if (city) {
            return "CITY";
        }
        return province ? "PROVINCIAL" : null;
    }

    /** A stable code for a department read by name: the importer keys departments by code. */
    static String code(String name) {
        return "READ-" + Integer.toUnsignedString(name.hashCode(), 36).toUpperCase(java.util.Locale.ROOT);
    }

    private static String head(ReportSource source, int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines, source.lines().size()); i++) {
            out.append(source.lines().get(i).text()).append('\n');
        }
        return out.toString();
    }
}
