package org.budgetnarrator.model.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the self-evaluation tables a report prints in its 附件: each 项目支出绩效自评表 (项目名称, 主管部门, 项目类别,
 * 预算数/执行数, the indicators with 年初目标值 and 实际完成值, 偏差原因 and 改进措施) into a project, and the
 * 部门整体支出绩效自评表 into the department-wide indicators and the summary.
 *
 * <p>The tables come as a text layer in which every cell runs one line after another: a name wraps over lines, a
 * merged 一级/二级指标 cell prints once for its block (sometimes in the middle of it, where the merged cell is centred),
 * and a row's target and actual share a line ("4 10", "3批 4人次 5批 7人次"). So a row ends at the line that carries
 * its two values; what stands before them since the previous row is, in this order, a 一级指标 label, a 二级指标
 * label and the 三级指标 name. Labels are told from names by the national indicator framework's vocabulary (and the
 * provincial frameworks for 部门整体 evaluation), never by one report's wording. A value line that cannot be split
 * into target and actual with certainty is reported uncertain, not guessed. From a PDF, where the header's columns
 * stand is known, each word goes to the column it stands in (labels, name, target, actual; 分值 and 得分 after them are
 * left out), a wrapped name's line below its values still counts to it, and a label wrapping over several rows to all
 * of them. Text cannot tell a blank 分值 from a value, so a text table with such columns is noted, not read.
 *
 * <p>A table is found at its 项目名称 line, at the 单位名称 line under a 部门整体 title, or (as this project's own
 * reports print them) at a title standing alone, which then names the project. A 绩效目标表 (指标值 without 实际完成值)
 * is no self-evaluation and is passed over. The budget row's 得分 is the execution rate's score: stored for the
 * department (budgetExecutionScore), not as a project's score.
 */
public final class SelfEvaluationTables {

    /** 一级指标 of the project framework and of the 部门整体 frameworks (national and provincial). */
    private static final Set<String> LEVEL1 = Set.of("产出指标", "效益指标", "满意度指标", "成本指标", "投入", "过程", "产出", "效益",
            "投入指标", "过程指标", "运行成本", "管理效率", "履职效能", "社会效应", "可持续发展能力", "满意度");
    /**
     * 二级指标 of the project framework, each with the 一级指标 it belongs to: where a row carries one of these under
     * another 一级 block (its own 一级 cell not printed), it belongs to its framework parent.
     */
    private static final Map<String, Set<String>> PROJECT_LEVEL2 = Map.ofEntries(
            Map.entry("数量指标", Set.of("产出指标")), Map.entry("质量指标", Set.of("产出指标")),
            Map.entry("时效指标", Set.of("产出指标")), Map.entry("成本指标", Set.of("产出指标", "成本指标")),
            Map.entry("经济成本指标", Set.of("成本指标")), Map.entry("社会成本指标", Set.of("成本指标")),
            Map.entry("生态环境成本指标", Set.of("成本指标")), Map.entry("经济效益指标", Set.of("效益指标")),
            Map.entry("社会效益指标", Set.of("效益指标")), Map.entry("生态效益指标", Set.of("效益指标")),
            Map.entry("可持续影响指标", Set.of("效益指标")), Map.entry("服务对象满意度指标", Set.of("满意度指标")));
    /** 二级指标 of the 部门整体 frameworks (national and provincial). */
    private static final Pattern DEPARTMENT_LEVEL2 = Pattern.compile("预算编制|预算执行|预算管理|资产管理|财务管理|绩效管理|项目管理|"
            + "战略管理|公用经费控制|在职人员控制|项目支出成本控制|成本控制|经济成本|核心业务产出\\d*|重点工作履行情况|经济效益|社会效益|"
            + "生态效益|可持续影响|体制机制改革|人才支撑|科技支撑|服务对象满意度|联系部门满意度|社会公众满意度|职责履行|履职效益");
    /** A score note on a 一级 label: "(50 分)", "（30分）". */
    private static final Pattern SCORE_NOTE = Pattern.compile("[(（]\\s*\\d+(?:\\.\\d+)?\\s*分\\s*[)）]$");
    /** The columns of a table's 预算执行情况 row, national and provincial. */
    private static final Pattern BUDGET_LABEL = Pattern.compile("年初预算数|全年预算数|调整后预算数|预算数|全年执行数|执行数|分值|执行率|得分");
    /** A project table's title: "2024年度外事工作经费项目绩效自评表", the project named between the year and 项目. */
    private static final Pattern PROJECT_TITLE = Pattern.compile(
            "^(?:[一二三四五六七八九十]+、)?\\s*(?:20\\d{2}\\s*年度?)?\\s*(\\S.*?)\\s*项目(?:支出)?绩效(?:评价)?自评表$");
    /** 预算数 and 执行数 printed as a sentence above the table: "预算数（A）：79万元；执行数（B）：64万元". */
    private static final Pattern INLINE_BUDGET = Pattern.compile("(预算数|执行数)[^：:；;]{0,8}[：:]\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*万元");
    private static final Pattern TRAILING_COLUMNS = Pattern.compile("分值|得分|偏差|完成情况");
    /** A title standing alone on its line, not a sentence naming one: it ends with 自评表 (and perhaps its year). */
    private static final Pattern ALONE_TITLE = Pattern.compile("自评表\\s*(?:[（(][^）)]*[)）])?$");
    private static final Pattern DEPARTMENT_TITLE = Pattern.compile("(?:部门|单位)?整体.{0,12}自评表");
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?");
    private static final Pattern FIGURES = Pattern.compile("^[0-9][0-9,]*(?:\\.[0-9]+)?%?$");
    /** A heading that ends a table's trailing text: a section, a part, a table's year title. */
    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|20\\d{2}\\s*年度?)");
    private static final Pattern ITEM = Pattern.compile("^(?:\\d+[、.．]|[（(][一二三四五六七八九十\\d]+[)）])");
    private static final Pattern CHECKED = Pattern.compile("(?:\\d+[.．、]\\s*)?([^\\s□☑■√✓✔]+?)\\s*[☑■√✓✔]");

    private SelfEvaluationTables() {
    }

    /** Reads every self-evaluation table the source prints into the document; a source without one is left as it is. */
    public static void read(ReportSource source, DocumentDraft document, ReadingReport report) {
        List<ReportLine> lines = source.lines();
        List<Integer> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text();
            if (t.startsWith("项目名称") || isDepartmentTableStart(lines, i)) {
                starts.add(i);
                titles.add(null);
            } else if (t.length() <= 60 && (PROJECT_TITLE.matcher(t).matches() || DEPARTMENT_TITLE.matcher(t).find()
                    && ALONE_TITLE.matcher(t).find()) && !headedBelow(lines, i)) {
                // A table printed under its title alone (as this project's own reports print them): the title names it.
                starts.add(i);
                titles.add(t);
            }
        }
        int read = 0;
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
            String title = titles.get(s);
            Matcher project = title == null ? null : PROJECT_TITLE.matcher(title);
            String titleName = project != null && project.matches() ? project.group(1) : null;
            boolean isProject = title == null ? lines.get(from).text().startsWith("项目名称") : titleName != null;
            Table table = new Table(source, lines.subList(from, to), report, isProject, titleName);
            if (!table.hasIndicators()) {
                continue;
            }
            read++;
            if (isProject) {
                document.project(table.project());
            } else {
                table.department(document);
            }
        }
        if (read > 0) {
            report.note("读取绩效自评表" + read + "张");
        }
    }

    /** Whether a title's table prints its own 项目名称 or 单位名称 line just below it (then that line starts it). */
    private static boolean headedBelow(List<ReportLine> lines, int title) {
        for (int j = title + 1; j < Math.min(lines.size(), title + 5); j++) {
            String t = lines.get(j).text();
            if (t.startsWith("项目名称") || t.startsWith("单位名称") || t.startsWith("部门名称")
                    || t.contains("预算部门") && t.contains("名称")) {
                return true;
            }
        }
        return false;
    }

    /** The 单位名称/部门名称 line of a 部门整体 table: its title stands a few lines above. */
    private static boolean isDepartmentTableStart(List<ReportLine> lines, int i) {
        String t = lines.get(i).text();
        if (!(t.startsWith("单位名称") || t.startsWith("部门名称") || t.contains("预算部门") && t.contains("名称"))) {
            return false;
        }
        for (int j = Math.max(0, i - 4); j < i; j++) {
            if (DEPARTMENT_TITLE.matcher(lines.get(j).text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** One table: its head fields, its indicator rows and its trailing texts. */
    private static final class Table {
        private final ReportSource source;
        private final List<ReportLine> lines;
        private final ReadingReport report;
        private final String subject;
        private final List<DocumentDraft.Indicator> indicators = new ArrayList<>();
        private String initialBudget;
        private String adjustedBudget;
        private String executed;
        private String weight;
        private String score;
        private int headerEnd = -1;
        private int rowsEnd = -1;
        /** From a PDF: where the 年初目标值 and 实际完成值 columns begin (NaN where not known). */
        private double targetFrom = Double.NaN;
        private double actualFrom = Double.NaN;
        /** From a PDF: where the 分值/得分 columns after 实际完成值 begin, and the label columns' borders. */
        private double actualTo = Double.POSITIVE_INFINITY;
        private double level1From = Double.NEGATIVE_INFINITY;
        private double level2From = Double.NaN;
        private double nameFrom = Double.NaN;

        /** The project's name where the table's title gives it (no 项目名称 line), else null. */
        private final String titleName;
        private final boolean isProject;

        Table(ReportSource source, List<ReportLine> lines, ReadingReport report, boolean isProject, String titleName) {
            this.source = source;
            this.lines = lines;
            this.report = report;
            this.titleName = titleName;
            this.isProject = isProject;
            String first = lines.get(0).text();
            this.subject = !isProject ? "部门整体" : titleName != null ? "项目：" + titleName : "项目：" + rest(first, "项目名称");
            rows();
            if (hasIndicators()) {
                budget(); // a 项目名称 line heading something else places nothing
            }
        }

        boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        private String field(String label, String... ends) {
            for (int i = 0; i < Math.min(lines.size(), headerLimit()); i++) {
                String t = lines.get(i).text();
                int at = t.indexOf(label);
                if (at >= 0) {
                    String value = t.substring(at + label.length()).strip();
                    for (String end : ends) {
                        int e = value.indexOf(end);
                        if (e >= 0) {
                            value = value.substring(0, e).strip();
                        }
                    }
                    return value.isEmpty() ? null : value;
                }
            }
            return null;
        }

        private int headerLimit() {
            return headerEnd < 0 ? lines.size() : headerEnd;
        }

        /** The 预算数/执行数 header and the figures on the line after it, column by column. */
        private void budget() {
            for (int i = 0; i < lines.size() - 1; i++) {
                ReportLine head = lines.get(i);
                if (head.text().contains("三级指标")) {
                    return;
                }
                Matcher inline = INLINE_BUDGET.matcher(head.text());
                while (inline.find()) {
                    String value = inline.group(2).replace(",", "");
                    if (inline.group(1).equals("预算数")) {
                        adjustedBudget = value;
                        report.placed("selfEvaluation", subject, "adjustedBudget", value, head);
                    } else {
                        executed = value;
                        report.placed("selfEvaluation", subject, "executed", value, head);
                    }
                }
                if (!(head.text().contains("预算数") && head.text().contains("执行数"))) {
                    continue;
                }
                ReportLine values = lines.get(i + 1);
                List<String> figures = new ArrayList<>();
                for (ReportLine.Word w : values.words()) {
                    if (!FIGURES.matcher(w.text()).matches()) {
                        if (!figures.isEmpty()) {
                            figures.clear();
                            break;
                        }
                        continue; // the row's own label before its figures: 年度资金总额
                    }
                    figures.add(w.text());
                }
                // The header's labels, wherever its words break ("年初  预算数", "全年预 算数").
                List<String> labels = new ArrayList<>();
                Matcher found = BUDGET_LABEL.matcher(compact(head.text()));
                while (found.find()) {
                    labels.add(found.group());
                }
                if (figures.size() != labels.size()) {
                    report.uncertain("selfEvaluation", subject, "budget", labels, values.text(), values,
                            "预算执行情况的数字与表头的栏数不一致，未读取");
                    return;
                }
                for (int c = 0; c < labels.size(); c++) {
                    String label = labels.get(c);
                    String value = figures.get(c).replace(",", "");
                    if (label.contains("执行率")) {
                        continue; // a ratio of the two figures, not stored
                    }
                    String column = label.startsWith("年初预算") ? "initialBudget" : label.contains("预算数") ? "adjustedBudget"
                            : label.contains("执行数") ? "executed" : label.startsWith("分值") ? "weight"
                            : label.startsWith("得分") ? "score" : null;
                    if (column == null || isProject && (column.equals("weight") || column.equals("score"))) {
                        continue; // a project's budget row scores its execution rate: the format has no field for it
                    }
                    switch (column) {
                        case "initialBudget" -> initialBudget = value;
                        case "adjustedBudget" -> adjustedBudget = value;
                        case "executed" -> executed = value;
                        case "weight" -> weight = value;
                        default -> score = value;
                    }
                    report.placed("selfEvaluation", subject, column, value, values);
                }
                return;
            }
        }

        /** The indicator rows, from the header that names 三级指标 to the 偏差 label. */
        private void rows() {
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).text().contains("三级指标")) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                return;
            }
            headerEnd = start;
            // The header's last cells may wrap below its line ("年初目标\n值\n实际完成\n值"): it ends with 完成值.
            StringBuilder head = new StringBuilder(lines.get(start).text().replace(" ", ""));
            int i = start + 1;
            while (!head.toString().contains("完成值") && i < lines.size() && i <= start + 8) {
                head.append(lines.get(i).text().replace(" ", ""));
                i++;
            }
            if (!head.toString().contains("完成值")) {
                // A targets table (绩效目标表) prints 指标值 only: no actual to read, so it is no self-evaluation.
                return;
            }
            columns(lines.subList(Math.max(0, start - 3), i));
            String after = head.substring(head.indexOf("完成值") + "完成值".length());
            if (Double.isNaN(actualFrom) && TRAILING_COLUMNS.matcher(after).find()) {
                // Columns after the actual (分值, 得分, 偏差原因) may be blank in any row: without the words' positions
                // no one can tell whose figures a line's last words are.
                report.note(subject + "绩效自评表在实际完成值之后还有“" + after + "”栏，文字中无法分清各栏，未读取其指标（请用 PDF）");
                return;
            }
            Rows rows = new Rows();
            for (; i < lines.size(); i++) {
                ReportLine line = lines.get(i);
                String t = line.text();
                if (t.startsWith("偏差") || t.startsWith("改进措施") || t.startsWith("总分") || t.startsWith("项目名称")) {
                    break;
                }
                rows.line(line);
            }
            rowsEnd = i;
            rows.end();
        }

        /**
         * From a PDF, the header's columns (一级, 二级, 三级指标, target, actual and what follows): a word belongs to the
         * column whose border it stands right of, the borders lying halfway between the header's words, as a cell's
         * text may stand wider than its header. Plain text has no columns to trust.
         */
        private void columns(List<ReportLine> header) {
            if (!source.positioned()) {
                return;
            }
            ReportLine.Word level1 = null;
            ReportLine.Word level2 = null;
            ReportLine.Word name = null;
            ReportLine.Word target = null;
            ReportLine.Word actual = null;
            ReportLine.Word after = null;
            for (ReportLine line : header) {
                for (ReportLine.Word w : line.words()) {
                    String t = w.text();
                    if (t.startsWith("一级")) {
                        level1 = w;
                    } else if (t.startsWith("二级")) {
                        level2 = w;
                    } else if (t.startsWith("三级")) {
                        name = w;
                    } else if (t.contains("实际完成")) {
                        actual = w;
                    } else if (t.contains("目标值") || t.contains("指标值") || t.startsWith("年初目标") || t.startsWith("年度指标")) {
                        target = w;
                    } else if (actual != null && w.left() > actual.right() && (after == null || w.left() < after.left())) {
                        after = w;
                    }
                }
            }
            if (target == null || actual == null || target.right() >= actual.left()) {
                return;
            }
            targetFrom = name == null ? target.left() : (name.right() + target.left()) / 2;
            actualFrom = (target.right() + actual.left()) / 2;
            if (after != null) {
                actualTo = (actual.right() + after.left()) / 2;
            }
            if (level1 != null && level2 != null && name != null && level1.right() < level2.left()
                    && level2.right() < name.left()) {
                level1From = level1.left() - 1;
                level2From = (level1.right() + level2.left()) / 2;
                nameFrom = (level2.right() + name.left()) / 2;
            }
        }

        /**
         * The rows being read: labels and name fragments gathered until a line carries the row's two values. From
         * text, the fragments come in one run (labels told from names by the frameworks' vocabulary); from a PDF whose
         * header gives the label columns, each column gathers its own, and a label whose cell wraps over the row's
         * line (centred on a block of rows) waits until it is whole.
         */
        private final class Rows {
            private final List<Fragment> pending = new ArrayList<>();
            private final List<Fragment> pending1 = new ArrayList<>();
            private final List<Fragment> pending2 = new ArrayList<>();
            /** The first row a label still gathering stands beside (-1: none). */
            private int since1 = -1;
            private int since2 = -1;
            private String level1;
            private String level2;
            /** Indexes of the rows under the current 二级 label, which a 一级 label printed among them takes over. */
            private final List<Integer> block = new ArrayList<>();
            /** From a PDF: the last row's value line and how far above it its name began, and where the name now begins. */
            private double lastValueY = Double.NaN;
            private double lastReach;
            private double nameY = Double.NaN;
            /** From a PDF: a label whose cell is whole while no row has yet closed beside its last line. */
            private Label ready1;
            private Label ready2;

            private boolean byColumn() {
                return !Double.isNaN(nameFrom);
            }

            void line(ReportLine line) {
                List<ReportLine.Word> words = line.words();
                Split split = split(words);
                int prefix = split == null ? words.size() : split.prefix();
                boolean first = true;
                for (int w = 0; w < prefix; w++) {
                    ReportLine.Word word = words.get(w);
                    Fragment f = new Fragment(word.text(), first);
                    first = false;
                    if (!byColumn()) {
                        pending.add(f);
                        continue;
                    }
                    double centre = (word.left() + word.right()) / 2;
                    if (word.right() <= level1From) {
                        continue; // the vertical 年度绩效指标 label left of the table's columns
                    }
                    List<Fragment> column = centre < level2From ? pending1 : centre < nameFrom ? pending2 : pending;
                    if (column == pending && pending.isEmpty() && !indicators.isEmpty()
                            && line.y() <= lastValueY + lastReach + 1) {
                        // The values stand centred beside a wrapped name: a line as far below them as the name began
                        // above is the last row's name going on.
                        DocumentDraft.Indicator old = indicators.get(indicators.size() - 1);
                        indicators.set(indicators.size() - 1, new DocumentDraft.Indicator(old.level1(), old.level2(),
                                tidy(old.name() + (w == 0 ? "" : " ") + word.text()), old.target(), old.actual()));
                        continue;
                    }
                    if (column == pending && pending.isEmpty()) {
                        nameY = line.y();
                    }
                    // A whole label already gathered in this column ends there: the fragment begins the next one.
                    if (column == pending1 && isWhole1(pending1)) {
                        ready1 = new Label(level1Label(join(pending1)), since1);
                        pending1.clear();
                        since1 = -1;
                    } else if (column == pending2 && isWhole2(pending2)) {
                        ready2 = new Label(join(pending2), since2);
                        pending2.clear();
                        since2 = -1;
                    }
                    f = new Fragment(word.text(), column.isEmpty() || w == 0 || !sameColumn(words.get(w - 1), centre));
                    column.add(f);
                    if (column == pending1 && since1 < 0) {
                        since1 = indicators.size();
                    } else if (column == pending2 && since2 < 0) {
                        since2 = indicators.size();
                    }
                }
                if (split == null) {
                    return;
                }
                row(split, line);
            }

            private boolean sameColumn(ReportLine.Word previous, double centre) {
                double c = (previous.left() + previous.right()) / 2;
                return (c < level2From) == (centre < level2From) && (c < nameFrom) == (centre < nameFrom);
            }

            private boolean isWhole1(List<Fragment> label) {
                String l = compact(level1Label(join(label)));
                return !label.isEmpty() && whole(l, LEVEL1.contains(l), LEVEL1);
            }

            private boolean isWhole2(List<Fragment> label) {
                String l = compact(join(label));
                return !label.isEmpty() && whole(l, isLevel2(l), PROJECT_LEVEL2.keySet());
            }

            /** A 一级 label over the rows from {@code from} (none where negative) and those that follow. */
            private void level1(String label, int from) {
                for (int r = Math.max(0, from); from >= 0 && r < indicators.size(); r++) {
                    DocumentDraft.Indicator old = indicators.get(r);
                    indicators.set(r, new DocumentDraft.Indicator(label, old.level2(), old.name(), old.target(), old.actual()));
                }
                level1 = label;
            }

            private void level2(String label, int from) {
                block.clear();
                for (int r = Math.max(0, from); from >= 0 && r < indicators.size(); r++) {
                    DocumentDraft.Indicator old = indicators.get(r);
                    indicators.set(r, new DocumentDraft.Indicator(old.level1(), label, old.name(), old.target(), old.actual()));
                    block.add(r);
                }
                level2 = label;
            }

            void end() {
                for (DocumentDraft.Indicator indicator : indicators) {
                    if (indicator.level1() == null) {
                        report.note(subject + "绩效自评表：指标“" + indicator.name() + "”未读出一级指标");
                    }
                }
                if (!pending.isEmpty()) {
                    report.note(subject + "绩效自评表：指标行“" + join(pending) + "”未读出年初目标值和实际完成值");
                }
            }

            private void row(Split split, ReportLine line) {
                String newLevel1 = null;
                String newLevel2 = null;
                int from1 = -1;
                int from2 = -1;
                if (byColumn()) {
                    if (ready1 != null) {
                        newLevel1 = ready1.text();
                        from1 = ready1.since();
                        ready1 = null;
                    }
                    if (!pending1.isEmpty() && (isWhole1(pending1) || since1 < indicators.size())) {
                        if (newLevel1 != null) {
                            level1(newLevel1, from1);
                        }
                        // A label still short of the framework's word waits a row for the rest of its cell.
                        newLevel1 = level1Label(join(pending1));
                        from1 = since1;
                        pending1.clear();
                        since1 = -1;
                    }
                    if (ready2 != null) {
                        newLevel2 = ready2.text();
                        from2 = ready2.since();
                        ready2 = null;
                    }
                    if (!pending2.isEmpty() && (isWhole2(pending2) || since2 < indicators.size())) {
                        if (newLevel2 != null) {
                            level2(tidy(newLevel2), from2);
                        }
                        newLevel2 = join(pending2);
                        from2 = since2;
                        pending2.clear();
                        since2 = -1;
                    }
                } else {
                    int at = 0;
                    int l1 = longest(at, f -> LEVEL1.contains(level1Label(f)));
                    if (l1 > 0 && l1 < pending.size()) {
                        newLevel1 = level1Label(join(pending.subList(0, l1)));
                        at = l1;
                    }
                    final int from = at;
                    int l2 = longest(from, SelfEvaluationTables::isLevel2);
                    if (l2 > from && l2 < pending.size()) {
                        newLevel2 = join(pending.subList(from, l2));
                        at = l2;
                    }
                    pending.subList(0, at).clear();
                }
                String printed = join(pending);
                String name = tidy(printed);
                pending.clear();
                if (!byColumn() && !name.equals(printed.strip())) {
                    // Words of Chinese apart on one line are two cells, not one name: a row's target and actual that
                    // differ in wording ("完成 圆满完成") do not look like values, and would run into the next name.
                    report.uncertain("selfEvaluation", subject + "/" + name, "name", List.of(printed), printed, line,
                            "三级指标名称中有以空格分开的中文词，可能混入了上一行的年初目标值和实际完成值");
                }
                lastValueY = line.y();
                lastReach = Double.isNaN(nameY) ? 0 : Math.max(0, line.y() - nameY);
                nameY = Double.NaN;
                if (newLevel2 != null) {
                    newLevel2 = tidy(newLevel2);
                }
                if (name.isEmpty()) {
                    report.uncertain("selfEvaluation", subject, "name", List.of(), line.text(), line, "指标行没有三级指标名称");
                    return;
                }
                if (newLevel1 != null) {
                    List<Integer> earlier = new ArrayList<>();
                    if (newLevel2 == null) {
                        // The 一级 cell is centred on its block: the rows of a 二级 block it cuts belong to it as well.
                        earlier.addAll(block);
                    }
                    for (int r = Math.max(0, from1); from1 >= 0 && r < indicators.size(); r++) {
                        if (!earlier.contains(r)) {
                            earlier.add(r); // beside the label's first line: its cell spans them
                        }
                    }
                    for (int r : earlier) {
                        DocumentDraft.Indicator old = indicators.get(r);
                        indicators.set(r, new DocumentDraft.Indicator(newLevel1, old.level2(), old.name(), old.target(),
                                old.actual()));
                    }
                    level1 = newLevel1;
                }
                if (newLevel2 != null) {
                    block.clear();
                    for (int r = Math.max(0, from2); from2 >= 0 && r < indicators.size(); r++) {
                        DocumentDraft.Indicator old = indicators.get(r);
                        indicators.set(r, new DocumentDraft.Indicator(old.level1(), newLevel2, old.name(), old.target(),
                                old.actual()));
                        block.add(r); // beside the label's first line: its cell spans them
                    }
                    level2 = newLevel2;
                    Set<String> parents = PROJECT_LEVEL2.get(newLevel2.replace(" ", ""));
                    if (newLevel1 == null && parents != null && level1 != null && !parents.contains(level1)
                            && parents.size() == 1) {
                        String parent = parents.iterator().next();
                        report.note(subject + "绩效自评表：二级指标“" + newLevel2 + "”印在“" + level1 + "”之后而没有自己的一级指标，按指标体系记入“"
                                + parent + "”（" + line.where() + "）");
                        level1 = parent;
                    }
                }
                block.add(indicators.size());
                indicators.add(new DocumentDraft.Indicator(level1, level2, name, split.target(), split.actual()));
                String row = subject + "/" + name;
                if (split.target() == null) {
                    report.uncertain("selfEvaluation", row, null, split.alternatives(), split.text(), line,
                            "年初目标值与实际完成值挤在一行，无法确定在哪里分开");
                } else {
                    report.placed("selfEvaluation", row, "target", split.target(), line);
                    report.placed("selfEvaluation", row, "actual", split.actual(), line);
                }
            }

            /** The end of the longest run of pending fragments from {@code from} (at most four) that is a label. */
            private int longest(int from, java.util.function.Predicate<String> label) {
                int best = from;
                StringBuilder joined = new StringBuilder();
                for (int k = from; k < Math.min(pending.size(), from + 4); k++) {
                    joined.append(pending.get(k).text());
                    if (label.test(joined.toString())) {
                        best = k + 1;
                    }
                }
                return best;
            }
        }

        /**
         * Where a line's values begin, if it carries a row's values: from a PDF by the header's columns; from text, the
         * longest tail that falls into two halves of the same shape ("显著 显著", "79 64", "30 人次 38 人次"). A tail of
         * figures only that has no such halves is a value line whose split is uncertain.
         */
        private Split split(List<ReportLine.Word> words) {
            if (!Double.isNaN(actualFrom)) {
                int end = words.size();
                while (end > 0 && (words.get(end - 1).left() + words.get(end - 1).right()) / 2 >= actualTo) {
                    end--; // 分值, 得分, 偏差原因: not the indicator's values
                }
                int prefix = end;
                int actualAt = end;
                for (int w = end - 1; w >= 0; w--) {
                    double centre = (words.get(w).left() + words.get(w).right()) / 2;
                    if (centre >= actualFrom) {
                        actualAt = w;
                        prefix = w;
                    } else if (centre >= targetFrom) {
                        prefix = w;
                    } else {
                        break;
                    }
                }
                if (prefix < actualAt && actualAt < end) {
                    return new Split(prefix, text(words, prefix, actualAt), text(words, actualAt, end),
                            text(words, prefix, end), List.of());
                }
                return null;
            }
            int n = words.size();
            for (int m = n / 2; m >= 1; m--) {
                boolean same = true;
                for (int k = 0; k < m && same; k++) {
                    same = shape(words.get(n - 2 * m + k).text()).equals(shape(words.get(n - m + k).text()));
                }
                if (same) {
                    return new Split(n - 2 * m, text(words, n - 2 * m, n - m), text(words, n - m, n),
                            text(words, n - 2 * m, n), List.of());
                }
            }
            if (n >= 2 && words.stream().allMatch(w -> w.text().chars().anyMatch(Character::isDigit))) {
                List<String> alternatives = new ArrayList<>();
                for (int k = 1; k < n; k++) {
                    alternatives.add("target=" + text(words, 0, k) + " | actual=" + text(words, k, n));
                }
                return new Split(0, null, null, text(words, 0, n), alternatives);
            }
            return null;
        }

        /** The project the table evaluates. */
        DocumentDraft.Project project() {
            String type = ticked(field("项目类型"));
            if (type != null && type.endsWith("项目") && type.length() > 2) {
                type = type.substring(0, type.length() - 2); // 常年性项目: the format keeps 常年性 / 延续性 / 一次性
            }
            String name = titleName != null ? titleName : field("项目名称");
            if (name == null && lines.size() > 1 && !lines.get(1).text().startsWith("主管部门")) {
                name = lines.get(1).text(); // the name printed on the line below its label
            }
            return new DocumentDraft.Project(name, field("主管部门", "项目实施单位"), field("项目实施单位"),
                    ticked(field("项目类别")), type, initialBudget, adjustedBudget, executed, deviation(), improvement(),
                    indicators);
        }

        /** Into the department-wide indicators and the summary. */
        void department(DocumentDraft document) {
            for (DocumentDraft.Indicator indicator : indicators) {
                document.indicator(indicator);
            }
            String basic = money(field("基本支出总额", "项目支出"));
            String project = money(field("项目支出总额"));
            if (basic == null) {
                // The label wraps ("基本支出总\n额\n429.8 项目支出总额 107.55"): read it from the joined head.
                Matcher m = Pattern.compile("基本支出总额\\s*(" + NUMBER.pattern() + ")").matcher(headText());
                basic = m.find() ? m.group(1).replace(",", "") : null;
            }
            if (basic != null && project != null && executed != null) {
                boolean holds = new java.math.BigDecimal(basic).add(new java.math.BigDecimal(project))
                        .compareTo(new java.math.BigDecimal(executed)) == 0;
                report.identity("selfEvaluation", "基本支出总额 + 项目支出总额 = 执行数", holds,
                        basic + " + " + project + " = " + executed);
            }
            String goal = goal();
            document.departmentEvaluation(new DocumentDraft.DepartmentEvaluation(initialBudget, adjustedBudget, executed,
                    basic, project, weight, score, goal, deviation(), improvement()));
        }

        private String money(String value) {
            if (value == null) {
                return null;
            }
            Matcher m = NUMBER.matcher(value);
            return m.lookingAt() ? m.group().replace(",", "") : null;
        }

        private String headText() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < headerLimit(); i++) {
                out.append(lines.get(i).text());
            }
            return out.toString();
        }

        /** 年度目标 (or 年度总体目标): the text after its label, to the indicator block's vertical label. */
        private String goal() {
            for (int i = 0; i < headerLimit(); i++) {
                String t = lines.get(i).text().replace(" ", "");
                if (t.startsWith("年度目标") || t.startsWith("年度总体目标") || t.startsWith("总体目标")) {
                    List<String> text = new ArrayList<>();
                    String first = lines.get(i).text().replaceFirst("^\\S*目标\\s*", "");
                    if (!first.isBlank()) {
                        text.add(first);
                    }
                    for (int j = i + 1; j < headerLimit(); j++) {
                        String s = lines.get(j).text();
                        // The indicator block's vertical label prints a character a line (年/度/绩/效…) or 一级指标.
                        if (s.codePointCount(0, s.length()) == 1 || s.startsWith("一级") || s.contains("三级指标")) {
                            break;
                        }
                        text.add(s);
                    }
                    return text.isEmpty() ? null : paragraphs(text);
                }
            }
            return null;
        }

        String deviation() {
            return trailing("原因分析", "改进措施");
        }

        String improvement() {
            return trailing("方案", null);
        }

        /**
         * The text after the label that ends with {@code labelEnd} (the label wraps over up to four lines: "偏差大或\n
         * 目标未完成\n原因分析"), up to the line that starts with {@code stop}, a heading, or the next table.
         */
        private String trailing(String labelEnd, String stop) {
            if (rowsEnd < 0) {
                return null;
            }
            for (int i = rowsEnd; i < lines.size(); i++) {
                StringBuilder label = new StringBuilder();
                int j = i;
                while (j < Math.min(lines.size(), i + 4) && label.length() < 20) {
                    label.append(lines.get(j).text().replace(" ", ""));
                    j++;
                    if (label.toString().endsWith(labelEnd)) {
                        break;
                    }
                }
                if (!label.toString().endsWith(labelEnd) || i != firstLabelLine(i)) {
                    continue;
                }
                List<String> text = new ArrayList<>();
                for (int k = j; k < lines.size(); k++) {
                    String t = lines.get(k).text();
                    if (stop != null && t.startsWith(stop) || HEADING.matcher(t).find() || t.startsWith("项目名称")
                            || DEPARTMENT_TITLE.matcher(t).find() || t.startsWith("总分")) {
                        break;
                    }
                    text.add(t);
                }
                return text.isEmpty() ? null : paragraphs(text);
            }
            return null;
        }

        /** A label starts a line of its own: 偏差…, 改进措施… */
        private int firstLabelLine(int i) {
            String t = lines.get(i).text();
            return t.startsWith("偏差") || t.startsWith("改进措施") ? i : -1;
        }
    }

    /** A label gathered from a PDF's label column, and the first row it stands beside. */
    private record Label(String text, int since) {
    }

    /** A line's values: the words before them, target and actual (null where the split is uncertain). */
    private record Split(int prefix, String target, String actual, String text, List<String> alternatives) {
    }

    /** A piece of a label or a name: a word, and whether it begins a line. */
    private record Fragment(String text, boolean lineStart) {
    }

    /** A 一级 label without its score note and the spaces a wrapped cell leaves: "产出指 标 (50 分)" is 产出指标. */
    private static String level1Label(String label) {
        return tidy(SCORE_NOTE.matcher(label.strip()).replaceFirst("").strip());
    }

    /** A label the vocabulary knows and that no longer word of it continues (经济成本 may yet be 经济成本指标). */
    private static boolean whole(String label, boolean known, Set<String> vocabulary) {
        return known && vocabulary.stream().noneMatch(v -> v.length() > label.length() && v.startsWith(label));
    }

    private static boolean isLevel2(String label) {
        String l = compact(label);
        return PROJECT_LEVEL2.containsKey(l) || DEPARTMENT_LEVEL2.matcher(l).matches();
    }

    private static String compact(String text) {
        return text.replace(" ", "");
    }

    /** Spaces between two Chinese characters are the layout's, not the text's ("新增国际友好 城市"); others stay. */
    private static String tidy(String text) {
        return CJK_SPACE.matcher(text).replaceAll("").strip();
    }

    private static final Pattern CJK_SPACE = Pattern.compile("(?<=[\\u4e00-\\u9fff，、；：（）])\\s+(?=[\\u4e00-\\u9fff，、；：（）])");

    /** Lines of one cell joined: a wrapped line continues without a space, words of one line keep theirs. */
    private static String join(List<Fragment> fragments) {
        StringBuilder out = new StringBuilder();
        for (Fragment f : fragments) {
            if (!f.lineStart() && !out.isEmpty()) {
                out.append(' ');
            }
            out.append(f.text());
        }
        return out.toString().strip();
    }

    /** Lines of text joined into paragraphs: a new paragraph at a numbered item. */
    private static String paragraphs(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (!out.isEmpty() && ITEM.matcher(line).find()) {
                out.append('\n');
            }
            out.append(line.strip());
        }
        return out.toString();
    }

    private static String text(List<ReportLine.Word> words, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(' ');
            }
            out.append(words.get(i).text());
        }
        return out.toString();
    }

    /** A value's shape: its figures as 9 ("3批" and "5批" alike), text as printed. */
    private static String shape(String word) {
        return NUMBER.matcher(word).replaceAll("9");
    }

    private static String rest(String line, String label) {
        return line.substring(label.length()).strip();
    }

    /** The option a 项目类别/项目类型 line ticks ("1.部门预算项目☑ 2.市直专项□"), or its plain text. */
    static String ticked(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = CHECKED.matcher(value);
        if (m.find()) {
            return m.group(1);
        }
        return value.contains("□") ? null : value;
    }
}
