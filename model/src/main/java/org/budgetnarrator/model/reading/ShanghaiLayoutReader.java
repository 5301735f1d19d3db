package org.budgetnarrator.model.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Shanghai's district layout of the 部门决算 tables (as 普陀区 prints them): no 公开NN labels and no 行次, nine tables in
 * their own order under bare titles (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表), the 支出 side of the two
 * 总表 by 类 name without codes, zeros printed as blank cells. With no 行次 and blank zeros, only where a figure stands
 * says which cell it is: its x under the columns' headers gives the column, its y nearest a row's code or name gives the
 * row (a cell printed over two or three lines puts its figure between them). Reads a PDF's text layer only.
 */
public final class ShanghaiLayoutReader implements LayoutReader {

    /** How a table's rows are named. */
    private enum Shape { CODES, TWO_SIDED, ECONOMIC, THREE_PUBLIC }

    private record Spec(String table, Pattern title, Shape shape) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("T01", Pattern.compile("收入支出决算总表"), Shape.TWO_SIDED),
            new Spec("T02", Pattern.compile("收入决算表"), Shape.CODES),
            new Spec("T03", Pattern.compile("支出决算表"), Shape.CODES),
            new Spec("T04", Pattern.compile("财政拨款收入支出决算总表"), Shape.TWO_SIDED),
            new Spec("T05", Pattern.compile("一般公共预算财政拨款支出决算表"), Shape.CODES),
            new Spec("T06", Pattern.compile("一般公共预算财政拨款基本支出决算(?:明细)?表"), Shape.ECONOMIC),
            new Spec("T09", Pattern.compile("财政拨款.?三公.?经费支出决算表"), Shape.THREE_PUBLIC),
            new Spec("T07", Pattern.compile("政府性基金预算财政拨款(?:收入)?支出决算表"), Shape.CODES),
            new Spec("T08", Pattern.compile("国有资本经营预算财政拨款(?:收入)?支出决算表"), Shape.CODES));

    private static final Pattern FIGURE = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{1,2}");
    private static final Pattern CODE = Pattern.compile("\\d{3}(?:\\d{2}){0,2}");
    private static final Pattern SUBCODE = Pattern.compile("\\d{2}");
    private static final Pattern ORDINAL = Pattern.compile("^[一二三四五六七八九十]+、");
    /** Where the tables end: the 情况说明 part, 名词解释. */
    private static final Pattern PART = Pattern.compile("^第[一二三四五六七八九十]+部分");
    /** The note under a table (注：本表反映…) ends it. */
    private static final Pattern NOTE = Pattern.compile("^注[:：]");
    /** A row's code and its figures stand within this many points of each other (half a row). */
    private static final double ROW_REACH = 13;
    /** Two rows nearer a figure than this to each other's distance are both possible. */
    private static final double ROW_TIE = 2;
    /** A header's range is widened by this many points to take the figures set right-aligned beneath it. */
    private static final double COLUMN_SLACK = 4;

    @Override
    public String name() {
        return "上海市区级（无公开表编号、无行次）";
    }

    @Override
    public int score(ReportSource source) {
        if (!source.positioned()) {
            return 0;
        }
        int titles = titles(source).size();
        if (titles < 3) {
            return 0;
        }
        int numbered = 0;
        for (ReportLine line : source.lines()) {
            if (line.text().contains("公开0") || line.text().contains("行次")) {
                numbered++;
            }
        }
        return numbered > 2 ? 1 : 10 + titles;
    }

    private record Title(Spec spec, int index, String text) {
    }

    /** The tables' bare titles (the table of contents prints them after an ordinal: not a table). */
    private static List<Title> titles(ReportSource source) {
        List<Title> titles = new ArrayList<>();
        List<ReportLine> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text().replace(" ", "");
            for (Spec spec : SPECS) {
                if (spec.title.matcher(text).matches() && titles.stream().noneMatch(t -> t.spec == spec)) {
                    titles.add(new Title(spec, i, text));
                    break;
                }
            }
        }
        return titles;
    }

    @Override
    public void read(ReportSource source, DocumentDraft document, ReadingReport report) {
        List<ReportLine> lines = source.lines();
        department(source, document, report);
        List<Title> titles = titles(source);
        Map<String, String> ordinals = contents(source);
        int position = 0;
        for (int t = 0; t < titles.size(); t++) {
            Title title = titles.get(t);
            int end = t + 1 < titles.size() ? titles.get(t + 1).index : lines.size();
            for (int i = title.index + 1; i < end; i++) {
                if (PART.matcher(lines.get(i).text()).find() || NOTE.matcher(lines.get(i).text()).find()) {
                    end = i;
                    break;
                }
            }
            String label = ordinals.get(title.spec.title.pattern());
            document.layout(title.spec.table, label, title.text, ++position);
            List<ReportLine> region = lines.subList(title.index + 1, end);
            new TableReading(title.spec, region, document, report).read();
        }
        for (Spec spec : SPECS) {
            if (titles.stream().noneMatch(t -> t.spec == spec)) {
                report.missing("未找到表“" + spec.title.pattern().replaceAll("\\(\\?:([^)]*)\\)\\?", "$1").replace(".?", "") + "”");
            }
        }
        OtherMatters.read(source, document, report);
        ReportNarrative.read(source, document, report);
        Identities.check(document, report);
    }

    /**
     * 十、预算绩效管理情况 and 十一、其他重要事项的情况说明: Shanghai states the projects under performance management (with
     * their grades and the problems found), 机关运行经费, 政府采购 and 国有资产占有 in set sentences, not tables; each figure is
     * read from its sentence into its cell. The 政府采购 total's awards to small and medium and to micro firms are
     * not stated as such: they are the sums of the awards the sentences state (reserved and other projects).
     */
    static final class OtherMatters {

        private static final String NUM = "(\\d+(?:\\.\\d+)?)";
        /** "编报绩效目标的2024年度项目39个": the year may stand before 项目. */
        private static final String YEAR = "(?:\\d{4}年度?)?";
        private static final String[][] SENTENCES = {
                {"OFFICE_RUNNING", "total", "amount", "机关运行经费支出(?:为)?" + NUM + "万元"},
                {"PROCUREMENT", "total", "amount", "政府采购金额[（(]以合同签订为准[）)]为" + NUM + "万元"},
                {"PROCUREMENT", "goods", "amount", "货物采购金额" + NUM + "万元"},
                {"PROCUREMENT", "works", "amount", "工程采购金额" + NUM + "万元"},
                {"PROCUREMENT", "services", "amount", "服务采购金额" + NUM + "万元"},
                {"PROCUREMENT", "reserved_sme", "planned", "面向中小企业预留政府采购项目预算金额" + NUM + "万元"},
                {"PROCUREMENT", "reserved_micro", "planned", "面向小微企业预留政府采购项目预算金额" + NUM + "万元"},
                {"PROCUREMENT", "reserved_sme", "sme", "在面向中小企业预留的?政府采购项目中，由中小企业供应商中标或成交的，采购金额" + NUM + "万元"},
                {"PROCUREMENT", "reserved_micro", "micro", "在面向小微企业预留的?政府采购项目中，由小微企业供应商中标或成交的，采购金额" + NUM + "万元"},
                {"PROCUREMENT", "other_projects", "sme", "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额" + NUM + "万元"},
                {"PERFORMANCE", "targets", "count", "编报绩效目标的" + YEAR + "项目(\\d+)个"},
                {"PERFORMANCE", "targets", "amount", "编报绩效目标的" + YEAR + "项目\\d+个，涉及预算金额" + NUM + "万元"},
                {"PERFORMANCE", "tracked", "count", "绩效跟踪评价的" + YEAR + "项目(\\d+)个"},
                {"PERFORMANCE", "tracked", "amount", "绩效跟踪评价的" + YEAR + "项目\\d+个，涉及预算金额" + NUM + "万元"},
                {"PERFORMANCE", "self_evaluated", "count", "绩效自评的" + YEAR + "项目(\\d+)个"},
                {"PERFORMANCE", "self_evaluated", "amount", "绩效自评的" + YEAR + "项目\\d+个，涉及预算金额" + NUM + "万元"},
                {"PERFORMANCE", "department_evaluated", "count", "部门评价的" + YEAR + "项目(\\d+)个"},
                {"PERFORMANCE", "department_evaluated", "amount", "部门评价的" + YEAR + "项目\\d+个，涉及预算金额" + NUM + "万元"},
                {"PERFORMANCE", "fiscal_evaluated", "count", "财政评价的" + YEAR + "项目(\\d+)个"},
                {"PERFORMANCE", "fiscal_evaluated", "amount", "财政评价的" + YEAR + "项目\\d+个，涉及预算金额" + NUM + "万元"},
                {"PERFORMANCE", "grade_excellent", "count", "绩效评级为[“\"]优[”\"]的项目(\\d+)个"},
                {"PERFORMANCE", "grade_good", "count", "绩效评级为[“\"]良[”\"]的项目(\\d+)个"},
                {"PERFORMANCE", "grade_pass", "count", "绩效评级为[“\"]合格[”\"]的项目(\\d+)个"},
                {"PERFORMANCE", "grade_fail", "count", "绩效评级为[“\"]不合格[”\"]的项目(\\d+)个"},
                {"PERFORMANCE", "problems", "count", "绩效自评中共发现问题(\\d+)个"},
                {"PERFORMANCE", "problems_rectified", "count", "绩效自评中共发现问题\\d+个，已经?完成整改的(\\d+)个"},
                {"PERFORMANCE", "problems_rectifying", "count", "绩效自评中共发现问题\\d+个，已经?完成整改的\\d+个，正在整改的(\\d+)个"},
                {"ASSETS", "vehicles", "count", "共有车辆(\\d+)辆"},
                {"ASSETS", "equipment_over_1m", "count", "单价(?:100|一百)万元[（(]含[）)]以上(?:的)?设备[（(]不含车辆[）)](\\d+)台"}};

        static void read(ReportSource source, DocumentDraft document, ReadingReport report) {
            StringBuilder text = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            for (ReportLine line : source.lines()) {
                starts.add(text.length());
                text.append(line.text().replace(" ", ""));
            }
            String all = text.toString();
            for (String[] s : SENTENCES) {
                var m = Pattern.compile(s[3]).matcher(all);
                if (!m.find()) {
                    continue;
                }
                int at = 0;
                while (at + 1 < starts.size() && starts.get(at + 1) <= m.start(1)) {
                    at++;
                }
                ReportLine line = source.lines().get(at);
                Object value = s[2].equals("count") ? (Object) Integer.valueOf(m.group(1)) : m.group(1);
                document.row(s[0], s[1], null, null, null).put(s[2], value);
                report.placed(s[0], s[1], s[2], m.group(1), line);
            }
            Map<String, Map<String, Object>> rows = Identities.rows(document, "PROCUREMENT");
            BigDecimal sme = add(rows, List.of("reserved_sme", "other_projects"), "sme");
            BigDecimal micro = add(rows, List.of("reserved_micro"), "micro");
            if (sme != null || micro != null) {
                Map<String, Object> total = document.row("PROCUREMENT", "total", null, null, null);
                if (sme != null) {
                    total.put("sme", sme.toPlainString());
                }
                if (micro != null) {
                    total.put("micro", micro.toPlainString());
                }
                report.note("政府采购合计中授予中小企业、小微企业的合同金额按预留项目与其他项目中标金额相加得出（报告未单列）");
            }
        }

        private static BigDecimal add(Map<String, Map<String, Object>> rows, List<String> keys, String column) {
            BigDecimal sum = null;
            for (String k : keys) {
                Map<String, Object> r = rows.get(k);
                if (r != null && r.get(column) != null) {
                    sum = (sum == null ? BigDecimal.ZERO : sum).add(new BigDecimal(r.get(column).toString()));
                }
            }
            return sum;
        }
    }

    private static final Pattern HEADING = Pattern.compile(
            "^(?:第[一二三四五六七八九十]+部分)?\\s*(\\S{2,40}?)\\s*20\\d{2}\\s*年度?\\s*部门决算");

    /**
     * Shanghai's reports print no 部门：line above the tables; the department is named in the heading of the tables' part
     * (第二部分 上海市普陀区财政局2024年度部门决算表) and on the cover.
     */
    private static void department(ReportSource source, DocumentDraft document, ReadingReport report) {
        String read = document.departmentName();
        if (read == null || read.equals("未识别部门")) {
            for (ReportLine line : source.lines()) {
                var m = HEADING.matcher(line.text().replace(" ", ""));
                if (m.find() && !m.group(1).contains("XX")) {
                    read = m.group(1);
                    report.note("部门名称按" + line.where() + "“" + line.text() + "”读作“" + read + "”");
                    break;
                }
            }
        }
        if (read == null || read.equals("未识别部门")) {
            return;
        }
        document.department(ReportReader.code(read), read, ReportReader.level(read));
    }

    /** The table of contents' ordinals (一、收入支出决算总表), by title: the label a table carries in the report. */
    private static Map<String, String> contents(ReportSource source) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ReportLine line : source.lines()) {
            String text = line.text().replace(" ", "");
            var m = ORDINAL.matcher(text);
            if (!m.find()) {
                continue;
            }
            String rest = text.substring(m.end());
            for (Spec spec : SPECS) {
                if (spec.title.matcher(rest).matches() && !out.containsKey(spec.title.pattern())) {
                    out.put(spec.title.pattern(), m.group().substring(0, m.group().length() - 1));
                }
            }
        }
        return out;
    }

    /** A word where it stands on its page. */
    private record Spot(ReportLine.Word word, ReportLine line) {
        double y() {
            return line.y();
        }

        double left() {
            return word.left();
        }

        double right() {
            return word.right();
        }

        String text() {
            return word.text();
        }

        int page() {
            return line.page();
        }
    }

    /** A column of the table: its key, the header's range across the page, and the block (side) it belongs to. */
    private record Col(String key, double left, double right, int block, String label) {
        double center() {
            return (left + right) / 2;
        }
    }

    /** A row of the table as printed: its key, name, block, page and vertical position (mean of its lines). */
    private static final class Anchor {
        final String key;
        final int block;
        final int page;
        final double x;
        final List<Double> ys = new ArrayList<>();
        final StringBuilder name = new StringBuilder();
        ReportLine line;

        Anchor(String key, int block, int page, double x, double y, ReportLine line) {
            this.key = key;
            this.block = block;
            this.page = page;
            this.x = x;
            this.ys.add(y);
            this.line = line;
        }

        double y() {
            return ys.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double lastY() {
            return ys.get(ys.size() - 1);
        }
    }

    private static final class TableReading {
        private final Spec spec;
        private final List<ReportLine> region;
        private final DocumentDraft document;
        private final ReadingReport report;
        private final List<Col> columns = new ArrayList<>();
        private final List<Anchor> anchors = new ArrayList<>();
        private final Map<String, ReportLine> filled = new LinkedHashMap<>();
        private double split = Double.MAX_VALUE;
        private double headerEnd;
        private int headerPage;

        TableReading(Spec spec, List<ReportLine> region, DocumentDraft document, ReadingReport report) {
            this.spec = spec;
            this.region = region;
            this.document = document;
            this.report = report;
        }

        void read() {
            if (region.isEmpty()) {
                report.missing(spec.table + "：表题之后没有内容");
                return;
            }
            headerPage = region.get(0).page();
            unit();
            if (spec.shape == Shape.THREE_PUBLIC) {
                threePublic();
                return;
            }
            headerEnd = firstRowY();
            columns();
            if (columns.isEmpty()) {
                report.missing(spec.table + "：未读出表头各栏");
                return;
            }
            if (spec.shape == Shape.TWO_SIDED || spec.shape == Shape.ECONOMIC) {
                Col first = columns.get(0);
                split = first.right + COLUMN_SLACK;
                List<Col> sided = new ArrayList<>();
                for (Col c : columns) {
                    sided.add(new Col(c.key, c.left, c.right, c.left < split ? 0 : 1, c.label));
                }
                columns.clear();
                columns.addAll(sided);
            }
            if (spec.shape == Shape.TWO_SIDED) {
                namedRows();
            } else {
                codeRows();
            }
            for (Anchor a : anchors) {
                document.row(spec.table, a.key, null, a.name.length() == 0 ? null : a.name.toString(), null);
            }
            figures();
        }

        /** Shanghai prints 万元; a table in 元 is noted, its figures kept as printed. */
        private void unit() {
            for (ReportLine line : region.subList(0, Math.min(4, region.size()))) {
                String text = line.text().replace(" ", "");
                if (text.contains("单位：元") || text.contains("单位:元")) {
                    report.note(spec.table + "：金额单位为元（其余各表为万元），数字按原样读取，需换算");
                }
            }
        }

        /**
         * The y of the table's first row on its first page: where the header ends. A 合计 heading a column is header; a
         * 合计 row stands alone among its figures.
         */
        private double firstRowY() {
            for (ReportLine line : region) {
                if (line.page() != headerPage) {
                    break;
                }
                List<String> texts = line.words().stream().map(ReportLine.Word::text)
                        .filter(t -> !FIGURE.matcher(t).matches() && !t.matches("[类款项]")).toList();
                for (String text : texts) {
                    boolean row = spec.shape == Shape.TWO_SIDED
                            ? ORDINAL.matcher(text).find() || text.equals("本年收入合计")
                            : CODE.matcher(text).matches() || text.startsWith("人员经费")
                            || text.equals("合计") && texts.size() == 1;
                    if (row) {
                        return line.y() - 9;
                    }
                }
            }
            return Double.MAX_VALUE;
        }

        private boolean inHeader(ReportLine line) {
            return line.page() == headerPage && line.y() < headerEnd;
        }

        /**
         * The columns from the header: header words that overlap across the header's lines are one column's label; a
         * word spanning two words of a lower line (本年支出 over 小计, 基本支出, 项目支出) heads a group, not a column.
         */
        private void columns() {
            List<Spot> words = new ArrayList<>();
            for (ReportLine line : region) {
                if (!inHeader(line) || line.text().contains("单位")) {
                    continue;
                }
                for (ReportLine.Word w : line.words()) {
                    if (!FIGURE.matcher(w.text()).matches()) {
                        words.add(new Spot(w, line));
                    }
                }
            }
            List<Spot> leaves = new ArrayList<>();
            for (Spot s : words) {
                boolean parent = false;
                for (ReportLine line : region) {
                    if (!inHeader(line) || line.y() <= s.y()) {
                        continue;
                    }
                    int under = 0;
                    for (ReportLine.Word w : line.words()) {
                        if (overlap(s.left(), s.right(), w.left(), w.right()) > 1) {
                            under++;
                        }
                    }
                    if (under >= 2) {
                        parent = true;
                    }
                }
                if (!parent) {
                    leaves.add(s);
                }
            }
            List<List<Spot>> clusters = new ArrayList<>();
            for (Spot s : leaves) {
                List<List<Spot>> joined = new ArrayList<>();
                for (List<Spot> c : clusters) {
                    for (Spot o : c) {
                        if (overlap(s.left(), s.right(), o.left(), o.right()) > 1) {
                            joined.add(c);
                            break;
                        }
                    }
                }
                List<Spot> merged = new ArrayList<>();
                merged.add(s);
                for (List<Spot> c : joined) {
                    merged.addAll(c);
                    clusters.remove(c);
                }
                clusters.add(merged);
            }
            List<Col> found = new ArrayList<>();
            for (List<Spot> c : clusters) {
                c.sort(Comparator.comparingDouble(Spot::y).thenComparingDouble(Spot::left));
                StringBuilder label = new StringBuilder();
                double left = Double.MAX_VALUE;
                double right = -Double.MAX_VALUE;
                for (Spot s : c) {
                    label.append(s.text());
                    left = Math.min(left, s.left());
                    right = Math.max(right, s.right());
                }
                String key = columnKey(label.toString());
                if (key != null) {
                    found.add(new Col(key, left, right, 0, label.toString()));
                }
            }
            found.sort(Comparator.comparingDouble(Col::left));
            columns.addAll(found);
        }

        /** The column a header's label names, by the words Shanghai prints (with 收/入 split across lines). */
        private String columnKey(String label) {
            String l = label.replace("（", "").replace("）", "").replace("(", "").replace(")", "");
            if (l.contains("科目") || l.contains("分类")) {
                // the code and name columns (项目 / 科目编码 / 科目名称), whatever is printed beside them
                return null;
            }
            switch (spec.table) {
                case "T01":
                case "T06":
                    return l.contains("决算数") || l.equals("金额") ? "amount" : null;
                case "T02":
                    if (l.contains("合计") || l.contains("合") && l.contains("计")) {
                        return "total";
                    }
                    if (l.contains("财政拨款")) {
                        return "fiscal";
                    }
                    if (l.contains("上级补助")) {
                        return "superiorSubsidy";
                    }
                    if (l.contains("事业收")) {
                        return "serviceIncome";
                    }
                    if (l.contains("经营收")) {
                        return "operatingIncome";
                    }
                    if (l.contains("附属单") || l.contains("缴收入")) {
                        return "subsidiaryRemittance";
                    }
                    if (l.contains("其他收")) {
                        return "otherIncome";
                    }
                    return null;
                case "T03":
                    if (l.contains("合") && l.contains("计")) {
                        return "total";
                    }
                    if (l.contains("基本支出")) {
                        return "basic";
                    }
                    if (l.contains("项目支")) {
                        return "project";
                    }
                    if (l.contains("上缴上级")) {
                        return "remittance";
                    }
                    if (l.contains("经营支")) {
                        return "business";
                    }
                    if (l.contains("对附属") || l.contains("助支出")) {
                        return "subsidiary";
                    }
                    return null;
                case "T04":
                    if (l.contains("决算数")) {
                        return "amount";
                    }
                    if (l.contains("合计") || l.equals("小计")) {
                        return "total";
                    }
                    if (l.contains("一般公共预算")) {
                        return "general";
                    }
                    if (l.contains("政府性基金")) {
                        return "fund";
                    }
                    if (l.contains("国有资本")) {
                        return "stateCapital";
                    }
                    return null;
                case "T05":
                    if (l.contains("合计") || l.equals("小计")) {
                        return "total";
                    }
                    if (l.contains("基本支出")) {
                        return "basic";
                    }
                    if (l.contains("项目支出")) {
                        return "project";
                    }
                    if (l.contains("人员经费")) {
                        return "personnel";
                    }
                    if (l.contains("公用经费")) {
                        return "operating";
                    }
                    return null;
                default:
                    if (l.contains("年初结转")) {
                        return "carryBegin";
                    }
                    if (l.contains("年末结转")) {
                        return "carryEnd";
                    }
                    if (l.contains("本年收入")) {
                        return "income";
                    }
                    if (l.contains("小计") || l.contains("合计")) {
                        return "total";
                    }
                    if (l.contains("基本支出")) {
                        return "basic";
                    }
                    if (l.contains("项目支出")) {
                        return "project";
                    }
                    return null;
            }
        }

        private int block(double x) {
            return x < split ? 0 : 1;
        }

        /** Rows by account code: 类 (3 digits) with its 款 and 项 (2 digits each, on the line or one beside it), or whole codes. */
        private void codeRows() {
            List<Spot> classes = new ArrayList<>();
            List<Spot> subs = new ArrayList<>();
            for (ReportLine line : region) {
                if (inHeader(line)) {
                    continue;
                }
                for (ReportLine.Word w : line.words()) {
                    Spot s = new Spot(w, line);
                    if (CODE.matcher(w.text()).matches()) {
                        classes.add(s);
                    } else if (SUBCODE.matcher(w.text()).matches()) {
                        subs.add(s);
                    } else if (w.text().equals("合计") || w.text().startsWith("人员经费合计") || w.text().startsWith("公用经费合计")
                            || w.text().equals("人员经费") || w.text().equals("公用经费")) {
                        String key = w.text().startsWith("人员经费") ? "personnel_total"
                                : w.text().startsWith("公用经费") ? "operating_total" : "total";
                        Anchor a = new Anchor(key, block(w.left()), line.page(), w.left(), line.y(), line);
                        a.name.append(w.text());
                        anchors.add(a);
                    }
                }
            }
            Map<Spot, List<Spot>> parts = new LinkedHashMap<>();
            for (Spot c : classes) {
                parts.put(c, new ArrayList<>());
            }
            for (Spot s : subs) {
                Spot best = null;
                for (Spot c : classes) {
                    if (c.page() != s.page() || c.text().length() != 3 || c.left() >= s.left() || block(c.left()) != block(s.left())
                            || Math.abs(c.y() - s.y()) > 12) {
                        continue;
                    }
                    if (best == null || Math.abs(c.y() - s.y()) < Math.abs(best.y() - s.y())
                            || Math.abs(c.y() - s.y()) == Math.abs(best.y() - s.y()) && c.left() > best.left()) {
                        best = c;
                    }
                }
                if (best != null) {
                    parts.get(best).add(s);
                }
            }
            for (Map.Entry<Spot, List<Spot>> e : parts.entrySet()) {
                Spot c = e.getKey();
                List<Spot> ps = e.getValue();
                ps.sort(Comparator.comparingDouble(Spot::left));
                StringBuilder code = new StringBuilder(c.text());
                for (Spot p : ps) {
                    code.append(p.text());
                }
                if (code.length() > 7) {
                    report.note(spec.table + "：" + c.line().where() + "科目编码 " + code + " 无法识别");
                    continue;
                }
                // the row stands where its code's parts stand together (款 may sit a line below its 类)
                Anchor a = new Anchor(code.toString(), block(c.left()), c.page(), c.left(), c.y(), c.line());
                for (Spot p : ps) {
                    a.ys.add(p.y());
                }
                anchors.add(a);
            }
            if (anchors.stream().noneMatch(a -> a.key.equals("total"))) {
                // an empty table (no such funds) prints its 合计 row on the header's last line
                double firstColumn = columns.stream().mapToDouble(Col::left).min().orElse(0);
                for (ReportLine line : region) {
                    for (ReportLine.Word w : line.words()) {
                        if (w.text().equals("合计") && w.right() < firstColumn && line.page() == headerPage) {
                            Anchor a = new Anchor("total", block(w.left()), line.page(), w.left(), line.y(), line);
                            a.name.append(w.text());
                            anchors.add(a);
                        }
                    }
                    if (anchors.stream().anyMatch(a -> a.key.equals("total"))) {
                        break;
                    }
                }
            }
            // a code row's name: the words beside its code, on its lines
            for (ReportLine line : region) {
                if (inHeader(line)) {
                    continue;
                }
                for (ReportLine.Word w : line.words()) {
                    if (FIGURE.matcher(w.text()).matches() || CODE.matcher(w.text()).matches() || SUBCODE.matcher(w.text()).matches()
                            || w.text().matches("[类款项合计]|合计") || w.text().chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    Anchor near = nearest(line.page(), block(w.left()), line.y(), w.left(), true);
                    boolean nameOnly = line.words().stream().noneMatch(o -> FIGURE.matcher(o.text()).matches()
                            || CODE.matcher(o.text()).matches() || SUBCODE.matcher(o.text()).matches());
                    // a name wrapped in its cell runs above and below its code, a little further than half a row
                    if (near == null) {
                        continue;
                    }
                    double dy = line.y() - near.y();
                    if (!near.key.contains("total")
                            && (Math.abs(dy) <= ROW_REACH || nameOnly && Math.abs(dy) <= 1.5 * ROW_REACH)) {
                        near.name.append(w.text());
                    }
                }
            }
        }

        /** Rows by name (the two 总表): 收入 on the left, 支出 by 类 name on the right; a wrapped name is one row. */
        private void namedRows() {
            List<String[]> income = new ArrayList<>();
            List<String[]> expenditure = new ArrayList<>();
            if (spec.table.equals("T01")) {
                for (String[] r : new String[][]{{"general_public_budget_appropriation", "一般公共预算财政拨款收入"},
                        {"government_fund_budget_appropriation", "政府性基金预算财政拨款收入"},
                        {"state_capital_budget_appropriation", "国有资本经营预算财政拨款收入"}, {"superior_subsidy", "上级补助收入"},
                        {"public_service_unit_income", "事业收入"}, {"operating_income", "经营收入"},
                        {"subsidiary_remittance", "附属单位上缴收入"}, {"other_income", "其他收入"}, {"income_total", "本年收入合计"},
                        {"non_fiscal_surplus_used", "使用非财政拨款结余"}, {"carry_forward_begin", "年初结转和结余"},
                        {"income_grand_total", "总计"}}) {
                    income.add(r);
                }
            } else {
                for (String[] r : new String[][]{{"general_public_budget_appropriation", "一般公共预算财政拨款"},
                        {"government_fund_budget_appropriation", "政府性基金预算财政拨款"},
                        {"state_capital_budget_appropriation", "国有资本经营预算财政拨款"}, {"income_total", "本年收入合计"},
                        {"carry_forward_begin", "年初财政拨款结转和结余"},
                        {"carry_forward_begin_general", "一般公共预算财政拨款"},
                        {"carry_forward_begin_fund", "政府性基金预算财政拨款"},
                        {"carry_forward_begin_state_capital", "国有资本经营预算财政拨款"}, {"income_grand_total", "总计"}}) {
                    income.add(r);
                }
            }
            for (Map.Entry<String, String> c : CLASSES.entrySet()) {
                expenditure.add(new String[]{c.getValue(), c.getKey()});
            }
            expenditure.add(new String[]{"expenditure_total", "本年支出合计"});
            if (spec.table.equals("T01")) {
                expenditure.add(new String[]{"surplus_distribution", "结余分配"});
                expenditure.add(new String[]{"carry_forward_end", "年末结转和结余"});
            } else {
                expenditure.add(new String[]{"carry_forward_end", "年末财政拨款结转和结余"});
            }
            expenditure.add(new String[]{"expenditure_grand_total", "总计"});
            int[] next = {0, 0};
            Anchor[] last = {null, null};
            for (ReportLine line : region) {
                if (inHeader(line)) {
                    continue;
                }
                for (ReportLine.Word w : line.words()) {
                    if (FIGURE.matcher(w.text()).matches()) {
                        continue;
                    }
                    int b = block(w.left());
                    List<String[]> labels = b == 0 ? income : expenditure;
                    String raw = w.text();
                    boolean ordinal = ORDINAL.matcher(raw).find();
                    String text = ORDINAL.matcher(raw).replaceFirst("");
                    int found = -1;
                    for (int k = 0; k < labels.size() && found < 0; k++) {
                        int i = (next[b] + k) % labels.size();
                        if (fits(labels.get(i)[1], text, ordinal)) {
                            found = i;
                        }
                    }
                    Anchor previous = last[b];
                    if (found < 0) {
                        if (!ordinal && previous != null && previous.page == line.page() && line.y() - previous.lastY() < 20) {
                            previous.name.append(raw);
                            previous.ys.add(line.y());
                        }
                        continue;
                    }
                    next[b] = found + 1;
                    Anchor a = new Anchor(labels.get(found)[0], b, line.page(), w.left(), line.y(), line);
                    a.name.append(raw);
                    anchors.add(a);
                    last[b] = a;
                }
            }
        }

        private static boolean fits(String label, String text, boolean ordinal) {
            if (text.equals(label) || text.startsWith(label)) {
                return true;
            }
            return (ordinal || text.length() >= 4) && text.length() >= 2 && label.startsWith(text);
        }

        private Anchor nearest(int page, int block, double y, double x, boolean leftOfX) {
            Anchor best = null;
            for (Anchor a : anchors) {
                if (a.page != page || a.block != block || leftOfX && a.x > x) {
                    continue;
                }
                if (best == null || Math.abs(a.y() - y) < Math.abs(best.y() - y)) {
                    best = a;
                }
            }
            return best;
        }

        /** Every figure below the header: its column by x, its row by y. */
        private void figures() {
            for (ReportLine line : region) {
                for (ReportLine.Word w : line.words()) {
                    if (!FIGURE.matcher(w.text()).matches()) {
                        continue;
                    }
                    if (line.page() == headerPage && line.y() < headerEnd - 12) {
                        continue;
                    }
                    place(w, line);
                }
            }
        }

        private void place(ReportLine.Word w, ReportLine line) {
            String value = w.text().replace(",", "");
            List<Col> fitting = new ArrayList<>();
            for (Col c : columns) {
                if (overlap(w.left(), w.right(), c.left - COLUMN_SLACK, c.right + COLUMN_SLACK) > 0) {
                    fitting.add(c);
                }
            }
            Col column;
            List<Col> others = new ArrayList<>();
            String why = null;
            if (fitting.size() == 1) {
                column = fitting.get(0);
            } else {
                List<Col> byDistance = new ArrayList<>(fitting.isEmpty() ? columns : fitting);
                double center = (w.left() + w.right()) / 2;
                byDistance.sort(Comparator.comparingDouble(c -> Math.abs(c.center() - center)));
                column = byDistance.get(0);
                if (byDistance.size() > 1) {
                    others.add(byDistance.get(1));
                }
                why = fitting.isEmpty() ? "数字不在任一栏目下，落在两栏之间" : "数字跨两栏";
            }
            Anchor row = rowOf(column.block, line, w);
            if (row == null) {
                report.uncertain(spec.table, null, column.key, List.of(), value, line,
                        "数字附近没有可对应的行（" + line.where() + "）");
                return;
            }
            List<String> alternatives = new ArrayList<>();
            for (Col o : others) {
                alternatives.add(spec.table + "/" + row.key + "/" + o.key);
            }
            Anchor tie = tie(row, column.block, line);
            if (tie != null) {
                alternatives.add(spec.table + "/" + tie.key + "/" + column.key);
                why = why == null ? "数字在两行之间" : why + "；且在两行之间";
            }
            String cell = row.key + "/" + column.key;
            if (filled.containsKey(cell)) {
                report.uncertain(spec.table, row.key, column.key, List.of(), value, line,
                        "该单元格已有数字（" + filled.get(cell).where() + "），又读到一个");
                return;
            }
            filled.put(cell, line);
            document.row(spec.table, row.key, null, null, null).put(column.key, value);
            if (why != null) {
                report.uncertain(spec.table, row.key, column.key, alternatives, value, line, why);
            } else {
                report.placed(spec.table, row.key, column.key, value, line);
            }
        }

        private Anchor rowOf(int block, ReportLine line, ReportLine.Word w) {
            Anchor best = nearest(line.page(), block, line.y(), w.left(), true);
            if (best == null || Math.abs(best.y() - line.y()) > ROW_REACH) {
                return null;
            }
            return best;
        }

        private Anchor tie(Anchor row, int block, ReportLine line) {
            for (Anchor a : anchors) {
                if (a != row && a.page == row.page && a.block == block
                        && Math.abs(Math.abs(a.y() - line.y()) - Math.abs(row.y() - line.y())) < ROW_TIE) {
                    return a;
                }
            }
            return null;
        }

        /** An item's heading as printed above its 预算数/决算数 pair (the 小计 pair is named by its group's heading). */
        private String itemName(ReportLine pairs, List<Col> cols, String item) {
            double left = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            for (Col c : cols) {
                if (c.key.startsWith(item + "/")) {
                    left = Math.min(left, c.left);
                    right = Math.max(right, c.right);
                }
            }
            List<Spot> heads = new ArrayList<>();
            for (ReportLine line : region) {
                if (line == pairs) {
                    break;
                }
                for (ReportLine.Word w : line.words()) {
                    String t = w.text();
                    boolean group = t.contains("购置及运行");
                    // the group's heading is centred over its three pairs, not over 小计
                    if (!group && overlap(left, right, w.left(), w.right()) <= 0 || t.contains("三公") || t.equals("小计")) {
                        continue;
                    }
                    if (item.equals("VEHICLE") == group) {
                        heads.add(new Spot(w, line));
                    }
                }
            }
            if (heads.isEmpty()) {
                return null;
            }
            // a heading wrapped in its cell: the lowest line and the one just above it
            double lowest = heads.stream().mapToDouble(Spot::y).max().orElseThrow();
            StringBuilder name = new StringBuilder();
            heads.stream().filter(h -> lowest - h.y() <= 16).sorted(Comparator.comparingDouble(Spot::y))
                    .forEach(h -> name.append(h.text()));
            return name.toString();
        }

        /**
         * 财政拨款"三公"经费: one printed row of 预算数/决算数 pairs under the items (合计, 因公出国（境）费, 公务用车购置及运行费
         * with 小计, 购置费 and 运行费, 公务接待费); stored one row per item.
         */
        private void threePublic() {
            ReportLine pairs = null;
            for (ReportLine line : region) {
                long n = line.words().stream().filter(w -> w.text().equals("预算数") || w.text().equals("决算数")).count();
                if (n >= 4) {
                    pairs = line;
                    break;
                }
            }
            if (pairs == null) {
                report.missing(spec.table + "：未读出“预算数/决算数”表头");
                return;
            }
            String[] items = {"TOTAL", "OVERSEAS_TRAVEL", "VEHICLE", "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION"};
            List<ReportLine.Word> heads = pairs.words().stream()
                    .filter(w -> w.text().equals("预算数") || w.text().equals("决算数")).toList();
            List<Col> cols = new ArrayList<>();
            int budget = 0;
            for (ReportLine.Word h : heads) {
                boolean isBudget = h.text().equals("预算数");
                int item = isBudget ? budget++ : budget - 1;
                if (item < 0 || item >= items.length) {
                    continue;
                }
                cols.add(new Col(items[item] + "/" + (isBudget ? "budget" : "actual"), h.left(), h.right(), 0, h.text()));
            }
            for (int i = 0; i < items.length; i++) {
                document.row(spec.table, items[i], null, itemName(pairs, cols, items[i]), null);
            }
            boolean below = false;
            for (ReportLine line : region) {
                if (line == pairs) {
                    below = true;
                    continue;
                }
                if (!below) {
                    continue;
                }
                for (ReportLine.Word w : line.words()) {
                    if (!FIGURE.matcher(w.text()).matches()) {
                        continue;
                    }
                    List<Col> fit = new ArrayList<>();
                    for (Col c : cols) {
                        if (overlap(w.left(), w.right(), c.left - COLUMN_SLACK, c.right + COLUMN_SLACK) > 0) {
                            fit.add(c);
                        }
                    }
                    double center = (w.left() + w.right()) / 2;
                    List<Col> near = new ArrayList<>(fit.isEmpty() ? cols : fit);
                    near.sort(Comparator.comparingDouble(c -> Math.abs(c.center() - center)));
                    Col c = near.get(0);
                    String[] rc = c.key.split("/");
                    String value = w.text().replace(",", "");
                    document.row(spec.table, rc[0], null, null, null).put(rc[1], value);
                    if (fit.size() == 1) {
                        report.placed(spec.table, rc[0], rc[1], value, line);
                    } else {
                        List<String> alt = near.size() > 1 ? List.of(spec.table + "/" + near.get(1).key) : List.of();
                        report.uncertain(spec.table, rc[0], rc[1], alt, value, line, "数字不在唯一一栏之下");
                    }
                }
                if (PART.matcher(line.text()).find()) {
                    break;
                }
            }
        }
    }

    private static double overlap(double a1, double a2, double b1, double b2) {
        return Math.min(a2, b2) - Math.max(a1, b1);
    }


    /** The 类 of the 支出功能分类科目 (2024), by name. */
    private static final String[][] FUNCTIONAL_CLASSES = {{"201", "一般公共服务支出"}, {"202", "外交支出"}, {"203", "国防支出"},
            {"204", "公共安全支出"}, {"205", "教育支出"}, {"206", "科学技术支出"}, {"207", "文化旅游体育与传媒支出"},
            {"208", "社会保障和就业支出"}, {"209", "社会保险基金支出"}, {"210", "卫生健康支出"}, {"211", "节能环保支出"},
            {"212", "城乡社区支出"}, {"213", "农林水支出"}, {"214", "交通运输支出"}, {"215", "资源勘探工业信息等支出"},
            {"216", "商业服务业等支出"}, {"217", "金融支出"}, {"219", "援助其他地区支出"}, {"220", "自然资源海洋气象等支出"},
            {"221", "住房保障支出"}, {"222", "粮油物资储备支出"}, {"223", "国有资本经营预算支出"}, {"224", "灾害防治及应急管理支出"},
            {"227", "预备费"}, {"229", "其他支出"}, {"230", "转移性支出"}, {"231", "债务还本支出"}, {"232", "债务付息支出"},
            {"233", "债务发行费用支出"}, {"234", "抗疫特别国债安排的支出"}};

    /** The 支出功能分类 类 by name (the national list and the catalogue's): the 总表 print them by name only. */
    static final Map<String, String> CLASSES = classes();

    private static Map<String, String> classes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] c : FUNCTIONAL_CLASSES) {
            out.put(c[1], c[0]);
        }
        try (InputStream in = ShanghaiLayoutReader.class.getResourceAsStream("/catalogue/functional.csv")) {
            Objects.requireNonNull(in, "catalogue/functional.csv");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length > 2 && f[0].length() == 3 && f[2].equals("类") && !out.containsKey(f[1])) {
                    out.put(f[1], f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The tables' identities, held against what was placed. */
    static final class Identities {

        static void check(DocumentDraft document, ReadingReport report) {
            Map<String, Map<String, Object>> t01 = rows(document, "T01");
            Map<String, Map<String, Object>> t04 = rows(document, "T04");
            if (!t01.isEmpty()) {
                sum(report, "T01", "本年收入合计 = 各项收入之和", t01, "income_total", "amount",
                        List.of("general_public_budget_appropriation", "government_fund_budget_appropriation",
                                "state_capital_budget_appropriation", "superior_subsidy", "public_service_unit_income",
                                "operating_income", "subsidiary_remittance", "other_income"));
                sum(report, "T01", "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", t01, "income_grand_total", "amount",
                        List.of("income_total", "non_fiscal_surplus_used", "carry_forward_begin"));
                sum(report, "T01", "本年支出合计 = 各类支出之和", t01, "expenditure_total", "amount", classKeys(t01));
                sum(report, "T01", "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", t01, "expenditure_grand_total", "amount",
                        List.of("expenditure_total", "surplus_distribution", "carry_forward_end"));
                equal(report, "T01", "收入总计 = 支出总计", value(t01, "income_grand_total", "amount"),
                        value(t01, "expenditure_grand_total", "amount"));
            }
            if (!t04.isEmpty()) {
                sum(report, "T04", "本年收入合计 = 三项财政拨款之和", t04, "income_total", "amount",
                        List.of("general_public_budget_appropriation", "government_fund_budget_appropriation",
                                "state_capital_budget_appropriation"));
                sum(report, "T04", "年初财政拨款结转和结余 = 三项之和", t04, "carry_forward_begin", "amount",
                        List.of("carry_forward_begin_general", "carry_forward_begin_fund", "carry_forward_begin_state_capital"));
                sum(report, "T04", "收入总计 = 本年收入合计 + 年初财政拨款结转和结余", t04, "income_grand_total", "amount",
                        List.of("income_total", "carry_forward_begin"));
                sum(report, "T04", "本年支出合计 = 各类支出之和", t04, "expenditure_total", "total", classKeys(t04));
                sum(report, "T04", "支出总计 = 本年支出合计 + 年末财政拨款结转和结余", t04, "expenditure_grand_total", "total",
                        List.of("expenditure_total", "carry_forward_end"));
                equal(report, "T04", "收入总计 = 支出总计", value(t04, "income_grand_total", "amount"),
                        value(t04, "expenditure_grand_total", "total"));
                for (String key : t04.keySet()) {
                    if (t04.get(key).containsKey("total")) {
                        across(report, "T04", key, t04.get(key), "total", List.of("general", "fund", "stateCapital"));
                    }
                }
            }
            across(report, document, "T02", "total", List.of("fiscal", "superiorSubsidy", "serviceIncome", "operatingIncome",
                    "subsidiaryRemittance", "otherIncome"));
            across(report, document, "T03", "total", List.of("basic", "project", "remittance", "business", "subsidiary"));
            across(report, document, "T05", "total", List.of("basic", "project"));
            for (String table : List.of("T02", "T03", "T05", "T07", "T08")) {
                hierarchy(report, rows(document, table), table);
            }
            Map<String, Map<String, Object>> t06 = rows(document, "T06");
            if (!t06.isEmpty()) {
                sum(report, "T06", "人员经费合计 = 工资福利支出 + 对个人和家庭的补助", t06, "personnel_total", "amount", List.of("301", "303"));
                sum(report, "T06", "公用经费合计 = 商品和服务支出 + 资本性支出", t06, "operating_total", "amount", List.of("302", "310"));
                hierarchy(report, t06, "T06");
            }
            Map<String, Map<String, Object>> procurement = rows(document, "PROCUREMENT");
            if (!procurement.isEmpty()) {
                sum(report, "PROCUREMENT", "政府采购金额 = 货物 + 工程 + 服务", procurement, "total", "amount",
                        List.of("goods", "works", "services"));
            }
            Map<String, Map<String, Object>> t09 = rows(document, "T09");
            for (String column : List.of("budget", "actual")) {
                if (t09.values().stream().anyMatch(r -> r.containsKey(column))) {
                    sum(report, "T09", "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（" + column + "）", t09, "TOTAL",
                            column, List.of("OVERSEAS_TRAVEL", "VEHICLE", "RECEPTION"));
                    sum(report, "T09", "公务用车购置及运行费 = 购置费 + 运行费（" + column + "）", t09, "VEHICLE", column,
                            List.of("VEHICLE_PURCHASE", "VEHICLE_OPERATION"));
                }
            }
        }

        private static List<String> classKeys(Map<String, Map<String, Object>> rows) {
            return rows.keySet().stream().filter(k -> k.matches("\\d{3}")).toList();
        }

        private static Map<String, Map<String, Object>> rows(DocumentDraft document, String table) {
            Map<String, Map<String, Object>> out = new LinkedHashMap<>();
            for (Map<String, Object> r : document.rows()) {
                if (table.equals(r.get("table")) && r.get("period") == null) {
                    out.put((String) r.get("row"), r);
                }
            }
            return out;
        }

        private static BigDecimal value(Map<String, Map<String, Object>> rows, String row, String column) {
            Map<String, Object> r = rows.get(row);
            Object v = r == null ? null : r.get(column);
            return v == null ? null : new BigDecimal(v.toString());
        }

        /** A blank cell is zero in Shanghai's tables. */
        private static BigDecimal zero(BigDecimal v) {
            return v == null ? BigDecimal.ZERO : v;
        }

        private static void sum(ReadingReport report, String table, String rule, Map<String, Map<String, Object>> rows, String total,
                                String column, List<String> parts) {
            BigDecimal printed = value(rows, total, column);
            BigDecimal sum = BigDecimal.ZERO;
            boolean any = false;
            for (String p : parts) {
                BigDecimal v = value(rows, p, column);
                any |= v != null;
                sum = sum.add(zero(v));
            }
            if (printed == null && !any) {
                return;
            }
            equal(report, table, rule, zero(printed), sum);
        }

        private static void equal(ReadingReport report, String table, String rule, BigDecimal a, BigDecimal b) {
            if (a == null && b == null) {
                return;
            }
            boolean holds = zero(a).compareTo(zero(b)) == 0;
            report.identity(table, rule, holds, holds ? zero(a).toPlainString()
                    : zero(a).toPlainString() + " ≠ " + zero(b).toPlainString() + "（差 " + zero(a).subtract(zero(b)).toPlainString() + "）");
        }

        private static void across(ReadingReport report, DocumentDraft document, String table, String total, List<String> parts) {
            Map<String, Map<String, Object>> rows = rows(document, table);
            for (Map.Entry<String, Map<String, Object>> e : rows.entrySet()) {
                across(report, table, e.getKey(), e.getValue(), total, parts);
            }
        }

        private static void across(ReadingReport report, String table, String key, Map<String, Object> row, String total,
                                   List<String> parts) {
            if (!row.containsKey(total)) {
                return;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (String p : parts) {
                Object v = row.get(p);
                sum = sum.add(v == null ? BigDecimal.ZERO : new BigDecimal(v.toString()));
            }
            equal(report, table, key + " 行：" + total + " = 各栏之和", new BigDecimal(row.get(total).toString()), sum);
        }

        /** 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, column by column. */
        private static void hierarchy(ReadingReport report, Map<String, Map<String, Object>> rows, String table) {
            if (rows.isEmpty()) {
                return;
            }
            List<String> columns = new ArrayList<>();
            for (Map<String, Object> r : rows.values()) {
                for (String k : r.keySet()) {
                    if (!List.of("table", "row", "name", "period", "lineNo").contains(k) && !columns.contains(k)) {
                        columns.add(k);
                    }
                }
            }
            for (String parent : rows.keySet()) {
                List<String> children;
                if (parent.equals("total")) {
                    children = rows.keySet().stream().filter(k -> k.matches("\\d{3}")).toList();
                } else if (parent.matches("\\d{3}|\\d{5}")) {
                    children = rows.keySet().stream().filter(k -> k.length() == parent.length() + 2 && k.startsWith(parent)).toList();
                } else {
                    continue;
                }
                if (children.isEmpty()) {
                    continue;
                }
                for (String column : columns) {
                    sum(report, table, (parent.equals("total") ? "合计" : parent) + " = 下级科目之和（" + column + "）", rows, parent,
                            column, children);
                }
            }
        }
    }
}
