package org.budgetnarrator.model.reading;

import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national template's layout (公开01–09 with 行次 and 栏次), as PDF-to-text tools print it: columns run together and
 * empty cells vanish, so a printed row gives its figures in column order but not their columns. The reader lists every
 * placement of a row's figures that keeps their order, keeps those the table's identities allow (a total column is the
 * sum of its parts, a 类 the sum of its 款, 02's 合计 the sources of 01, 03's columns at least 05's, 04's funds those of
 * its income side and of 05), and places a figure only where one column remains; otherwise it reports the figure as
 * uncertain with the columns that fit.
 */
public final class NationalLayoutReader implements LayoutReader {

    private static final Pattern LABEL = Pattern.compile("公开\\s*0?([1-9])\\s*表");
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    private static final Pattern BLANK = Pattern.compile("[-—－–]{1,2}|/");
    private static final Pattern ORDINAL = Pattern.compile("^[（(]?[一二三四五六七八九十]+[、）)．.]\\s*");
    private static final Pattern PART = Pattern.compile("^\\s*第[一二三四五六七八九十]+部分");

    /** The 类 of the functional classification (政府收支分类科目, 2024) by name, for 01 and 04 which print no codes. */
    private static final Map<String, String> CLASSES = classes(
            "201", "一般公共服务支出", "202", "外交支出", "203", "国防支出", "204", "公共安全支出", "205", "教育支出",
            "206", "科学技术支出", "207", "文化旅游体育与传媒支出", "208", "社会保障和就业支出", "209", "社会保险基金支出",
            "210", "卫生健康支出", "211", "节能环保支出", "212", "城乡社区支出", "213", "农林水支出", "214", "交通运输支出",
            "215", "资源勘探工业信息等支出", "216", "商业服务业等支出", "217", "金融支出", "219", "援助其他地区支出",
            "220", "自然资源海洋气象等支出", "221", "住房保障支出", "222", "粮油物资储备支出", "223", "国有资本经营预算支出",
            "224", "灾害防治及应急管理支出", "227", "预备费", "229", "其他支出", "230", "转移性支出", "231", "债务还本支出",
            "232", "债务付息支出", "233", "债务发行费用支出", "234", "抗疫特别国债安排的支出");

    @Override
    public String name() {
        return "全国统一（公开01–09表）";
    }

    @Override
    public int score(ReportSource source) {
        Set<Integer> tables = new LinkedHashSet<>();
        for (ReportLine line : source.lines()) {
            Matcher m = LABEL.matcher(line.text());
            while (m.find()) {
                tables.add(Integer.parseInt(m.group(1)));
            }
        }
        return tables.size() * 10;
    }

    @Override
    public void read(ReportSource source, DocumentDraft document, ReadingReport report) {
        Map<PublicTable, List<ReportLine>> sections = sections(source, document);
        Reading reading = new Reading(document, report);
        // 01 and 05 are read first: 02, 03 and 04 are placed against them.
        for (PublicTable t : List.of(PublicTable.T01, PublicTable.T05, PublicTable.T02, PublicTable.T03, PublicTable.T04,
                PublicTable.T06, PublicTable.T07, PublicTable.T08, PublicTable.T09)) {
            List<ReportLine> lines = sections.get(t);
            if (lines == null) {
                report.note("未找到" + t.number() + "表（" + t.title() + "）");
                continue;
            }
            switch (t) {
                case T01, T04 -> reading.twoSided(t, lines);
                case T06 -> reading.economic(lines);
                case T09 -> reading.threePublic(lines, source);
                default -> reading.accounts(t, lines);
            }
        }
        ReportNarrative.read(source, document, report);
    }

    /**
     * Under 公开04's 年初财政拨款结转和结余 the three funds are printed again, as its parts: the row a fund's name is there;
     * null for any other name. One owner for the readers of every layout.
     */
    static String fundCarryOver(String name) {
        if (name.startsWith("一般公共预算")) {
            return "carry_forward_begin_general";
        }
        if (name.startsWith("政府性基金")) {
            return "carry_forward_begin_fund";
        }
        if (name.startsWith("国有资本经营")) {
            return "carry_forward_begin_state_capital";
        }
        return null;
    }

    /** Each table's lines: from its label to the next label or part, the repeated page headers included. */
    private static Map<PublicTable, List<ReportLine>> sections(ReportSource source, DocumentDraft document) {
        Map<PublicTable, List<ReportLine>> out = new LinkedHashMap<>();
        List<ReportLine> lines = source.lines();
        PublicTable current = null;
        int position = 0;
        for (int i = 0; i < lines.size(); i++) {
            ReportLine line = lines.get(i);
            Matcher m = LABEL.matcher(line.text());
            // a label stands on its own short line; "详见公开05表" in a sentence is no table
            if (m.find() && line.text().length() <= 30 && !line.text().contains("见")) {
                current = PublicTable.valueOf("T0" + m.group(1));
                if (out.containsKey(current)) {
                    continue; // the label repeated on a table's next page
                }
                out.put(current, new ArrayList<>());
                String title = i > 0 ? ORDINAL.matcher(lines.get(i - 1).text()).replaceFirst("").strip() : current.title();
                document.layout(current.name(), line.text().strip(), title.isEmpty() ? current.title() : title, ++position);
                continue;
            }
            if (PART.matcher(line.text()).find()) {
                current = null;
                continue;
            }
            if (current != null) {
                out.get(current).add(line);
            }
        }
        return out;
    }

    private static Map<String, String> classes(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i + 1], pairs[i]);
        }
        return out;
    }

    /** A word of a table's text and the line it stands on. */
    record Tok(String text, ReportLine line) {
        /** A figure, or the dash some reports print in an empty cell (it holds the cell's place, not a value). */
        boolean number() {
            return NUMBER.matcher(text).matches() || blank();
        }

        boolean blank() {
            return BLANK.matcher(text).matches();
        }

        boolean integer() {
            return NUMBER.matcher(text).matches() && !text.contains(".");
        }

        BigDecimal value() {
            return blank() ? BigDecimal.ZERO : new BigDecimal(text.replace(",", ""));
        }
    }

    /** A printed row: its key, name, 行次, figures in printed order, and the placements of them still possible. */
    static final class Row {
        final String key;
        final String name;
        final Integer lineNo;
        final ReportLine at;
        final List<Tok> figures = new ArrayList<>();
        List<Column> columns = List.of();
        List<int[]> candidates = new ArrayList<>();

        Row(String key, String name, Integer lineNo, ReportLine at) {
            this.key = key;
            this.name = name;
            this.lineNo = lineNo;
            this.at = at;
        }

        BigDecimal value(int[] candidate, Column c) {
            for (int i = 0; i < candidate.length; i++) {
                if (columns.get(candidate[i]) == c) {
                    return figures.get(i).value();
                }
            }
            return BigDecimal.ZERO;
        }

        /** The value where every remaining placement agrees, null where they differ. */
        BigDecimal certain(Column c) {
            BigDecimal v = null;
            for (int[] cand : candidates) {
                BigDecimal x = cand.length == 0 ? BigDecimal.ZERO : value(cand, c);
                if (v != null && v.compareTo(x) != 0) {
                    return null;
                }
                v = x;
            }
            return v == null ? BigDecimal.ZERO : v;
        }

        /** Keeps the placements a rule allows, unless it allows none (then the rule is contradicted, not the row). */
        boolean keep(Predicate<int[]> rule) {
            List<int[]> kept = candidates.stream().filter(rule).toList();
            if (kept.isEmpty()) {
                return false;
            }
            candidates = new ArrayList<>(kept);
            return true;
        }
    }

    /** A sum over rows, column by column: parent = Σ children. */
    record Group(String rule, Row parent, List<Row> children, List<Column> columns) {
    }

    /** A sum within a row: target = Σ parts (parts the table does not print drop out). */
    record Sum(Column target, List<Column> parts) {
    }

    static BigDecimal tolerance(int terms) {
        // each printed cell is rounded to 0.01 万元 from 元: the sum may differ by half a cent per term
        return new BigDecimal("0.005").multiply(BigDecimal.valueOf(Math.max(terms, 1) + 1L));
    }

    static boolean near(BigDecimal a, BigDecimal b, int terms) {
        return a.subtract(b).abs().compareTo(tolerance(terms)) <= 0;
    }

    /** The reading of one report's tables, the cells placed so far kept for the tables read later. */
    static final class Reading {
        private final DocumentDraft document;
        private final ReadingReport report;
        private final Map<PublicTable, Map<String, Row>> read = new LinkedHashMap<>();

        Reading(DocumentDraft document, ReadingReport report) {
            this.document = document;
            this.report = report;
        }

        // ---------------------------------------------------------------- 01 and 04: income left, expenditure right

        void twoSided(PublicTable t, List<ReportLine> lines) {
            Map<String, Row> rows = new LinkedHashMap<>();
            int nextIncome = 1;
            int nextExpenditure = -1;
            boolean beginSeen = false;
            StringBuilder pending = new StringBuilder();
            int page = -1;
            List<Column> expenditureColumns = t == PublicTable.T04
                    ? List.of(Column.TOTAL, Column.GENERAL, Column.FUND, Column.STATE_CAPITAL) : List.of(Column.AMOUNT);
            for (ReportLine line : lines) {
                if (line.text().startsWith("注")) {
                    break;
                }
                if (line.text().contains("栏次") || line.text().contains("部门：") || line.text().contains("行次")) {
                    continue;
                }
                List<Tok> toks = line.words().stream().map(w -> new Tok(w.text(), line)).toList();
                if (toks.stream().noneMatch(Tok::integer)) {
                    // a long name wrapped: its head, unless the line is the header repeated atop the next page
                    if (nextIncome > 1 && line.page() == page && toks.stream().noneMatch(Tok::number)) {
                        pending.append(line.text().replaceAll("\\s+", ""));
                    }
                    continue;
                }
                page = line.page();
                int i = 0;
                StringBuilder name = new StringBuilder(pending);
                pending.setLength(0);
                while (i < toks.size() && !toks.get(i).number()) {
                    name.append(toks.get(i++).text());
                }
                Row income = null;
                if (i < toks.size() && toks.get(i).integer() && Integer.parseInt(toks.get(i).text()) == nextIncome) {
                    int lineNo = nextIncome++;
                    i++;
                    String key = incomeKey(t, name.toString(), beginSeen);
                    if (key != null && key.equals("carry_forward_begin")) {
                        beginSeen = true;
                    }
                    List<Tok> figures = new ArrayList<>();
                    while (i < toks.size() && toks.get(i).number()
                            && !(toks.get(i).integer() && Integer.parseInt(toks.get(i).text()) == nextExpenditure)) {
                        figures.add(toks.get(i++));
                    }
                    if (key == null && (!figures.isEmpty() || name.length() > 0)) {
                        report.note(t.number() + "表" + line.where() + "：收入方的行“" + name + "”不是该表的行，未读取");
                    } else if (key != null) {
                        income = new Row(key, strip(name.toString()), lineNo, line);
                        income.figures.addAll(figures);
                        income.columns = List.of(Column.AMOUNT);
                        rows.put("in:" + key, income);
                    }
                }
                if (income == null && name.length() > 0 && i > 0 && !toks.get(i - 1).number()) {
                    // the words before the first number were no income row (its 行次 did not follow on): they name the
                    // expenditure row, unless the expenditure side names itself too
                    report.note(t.number() + "表" + line.where() + "：收入方“" + name + "”后没有接续的行次（应为" + nextIncome + "），按支出方的行读取");
                } else {
                    name.setLength(0);
                }
                while (i < toks.size() && !toks.get(i).number()) {
                    name.append(toks.get(i++).text());
                }
                if (i < toks.size() && toks.get(i).integer()) {
                    int lineNo = Integer.parseInt(toks.get(i).text());
                    if (nextExpenditure > 0 && lineNo != nextExpenditure) {
                        report.note(t.number() + "表" + line.where() + "：支出方行次" + lineNo + "不接续上一行（应为" + nextExpenditure + "）");
                    }
                    nextExpenditure = lineNo + 1;
                    i++;
                    String key = expenditureKey(name.toString());
                    Row row = key == null ? null : new Row(key, strip(name.toString()), lineNo, line);
                    while (i < toks.size() && toks.get(i).number()) {
                        if (row != null) {
                            row.figures.add(toks.get(i));
                        }
                        i++;
                    }
                    if (row != null) {
                        row.columns = expenditureColumns;
                        rows.put("out:" + key, row);
                    } else if (name.length() > 0) {
                        report.note(t.number() + "表" + line.where() + "：支出方的行“" + name + "”未能对应到功能分类的类，未读取");
                    }
                }
                if (i < toks.size()) {
                    report.note(t.number() + "表" + line.where() + "：行末的“" + toks.get(i).text() + "”未能读取");
                }
            }
            List<Sum> sums = t == PublicTable.T04
                    ? List.of(new Sum(Column.TOTAL, List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL))) : List.of();
            for (Row r : rows.values()) {
                candidates(t, r, sums);
            }
            List<Group> groups = new ArrayList<>();
            List<Row> classRows = rows.values().stream().filter(r -> r.key.matches("\\d{3}")).toList();
            Row expTotal = rows.get("out:expenditure_total");
            if (expTotal != null) {
                groups.add(new Group("本年支出合计 = Σ 各类支出", expTotal, classRows, expTotal.columns));
                List<Row> parts = new ArrayList<>(List.of(expTotal));
                addIf(parts, rows.get("out:surplus_distribution"));
                addIf(parts, rows.get("out:carry_forward_end"));
                Row grand = rows.get("out:expenditure_grand_total");
                if (grand != null) {
                    groups.add(new Group("支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", grand, parts, grand.columns));
                }
            }
            if (t == PublicTable.T04) {
                // a fund's expenditure is what it brought in this year and carried in: the funds' columns of 支出总计
                Row grand = rows.get("out:expenditure_grand_total");
                if (grand != null) {
                    Map<Column, BigDecimal> funds = new LinkedHashMap<>();
                    funds.put(Column.GENERAL, sum(rows, "in:general_public_budget_appropriation", "in:carry_forward_begin_general"));
                    funds.put(Column.FUND, sum(rows, "in:government_fund_budget_appropriation", "in:carry_forward_begin_fund"));
                    funds.put(Column.STATE_CAPITAL, sum(rows, "in:state_capital_budget_appropriation", "in:carry_forward_begin_state_capital"));
                    boolean held = grand.keep(c -> funds.entrySet().stream()
                            .allMatch(e -> near(grand.value(c, e.getKey()), e.getValue(), 3)));
                    report.identity(t.name(), "支出总计各栏 = 收入方同一资金的本年收入 + 年初结转和结余", held, detail(funds));
                }
                Map<String, Row> t05 = read.get(PublicTable.T05);
                if (t05 != null) {
                    for (Row r : classRows) {
                        if (r.figures.isEmpty()) {
                            continue;
                        }
                        Row general = t05.get(r.key);
                        BigDecimal expected = general == null ? BigDecimal.ZERO : general.certain(Column.TOTAL);
                        if (expected != null) {
                            boolean held = r.keep(c -> near(r.value(c, Column.GENERAL), expected, 1));
                            report.identity(t.name(), r.key + " 一般公共预算财政拨款栏 = 公开05表该类的本年支出", held,
                                    "公开05表：" + expected.toPlainString());
                        }
                    }
                }
            }
            solve(t, groups);
            if (t == PublicTable.T01 || t == PublicTable.T04) {
                twoSidedIdentities(t, rows);
            }
            Map<String, Row> stored = new LinkedHashMap<>();
            rows.forEach((k, v) -> stored.put(k, v));
            read.put(t, stored);
            place(t, rows.values());
        }

        private static String detail(Map<Column, BigDecimal> values) {
            List<String> parts = new ArrayList<>();
            values.forEach((c, v) -> parts.add(c.label() + " " + v.toPlainString()));
            return String.join("，", parts);
        }

        private static void addIf(List<Row> rows, Row row) {
            if (row != null) {
                rows.add(row);
            }
        }

        private static BigDecimal sum(Map<String, Row> rows, String... keys) {
            BigDecimal s = BigDecimal.ZERO;
            for (String k : keys) {
                Row r = rows.get(k);
                if (r != null) {
                    BigDecimal v = r.certain(r.columns.get(0));
                    s = s.add(v == null ? BigDecimal.ZERO : v);
                }
            }
            return s;
        }

        private void twoSidedIdentities(PublicTable t, Map<String, Row> rows) {
            List<String> sources = t == PublicTable.T01
                    ? List.of("general_public_budget_appropriation", "government_fund_budget_appropriation",
                    "state_capital_budget_appropriation", "superior_subsidy", "public_service_unit_income", "operating_income",
                    "subsidiary_remittance", "other_income")
                    : List.of("general_public_budget_appropriation", "government_fund_budget_appropriation",
                    "state_capital_budget_appropriation");
            BigDecimal income = BigDecimal.ZERO;
            for (String s : sources) {
                income = income.add(amount(rows.get("in:" + s)));
            }
            BigDecimal total = amount(rows.get("in:income_total"));
            report.identity(t.name(), "本年收入合计 = Σ 各项收入", near(total, income, sources.size()),
                    total.toPlainString() + " / " + income.toPlainString());
            BigDecimal grand = amount(rows.get("in:income_grand_total"));
            BigDecimal parts = total.add(amount(rows.get("in:non_fiscal_surplus_used"))).add(amount(rows.get("in:carry_forward_begin")));
            report.identity(t.name(), "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", near(grand, parts, 3),
                    grand.toPlainString() + " / " + parts.toPlainString());
            Row out = rows.get("out:expenditure_grand_total");
            BigDecimal outGrand = out == null ? BigDecimal.ZERO : nonNull(out.certain(out.columns.get(0)));
            report.identity(t.name(), "收入总计 = 支出总计", near(grand, outGrand, 1),
                    grand.toPlainString() + " / " + outGrand.toPlainString());
        }

        private static BigDecimal amount(Row r) {
            return r == null ? BigDecimal.ZERO : nonNull(r.certain(Column.AMOUNT));
        }

        private static BigDecimal nonNull(BigDecimal v) {
            return v == null ? BigDecimal.ZERO : v;
        }

        private static String incomeKey(PublicTable t, String printed, boolean beginSeen) {
            String name = strip(printed);
            if (name.isEmpty()) {
                return null;
            }
            if (name.equals("总计") || name.equals("收入总计")) {
                return "income_grand_total";
            }
            if (t == PublicTable.T04 && beginSeen && fundCarryOver(name) != null) {
                return fundCarryOver(name);
            }
            for (PublicTable.NamedRow row : t.namedRows()) {
                if (row.side() == PublicTable.Side.INCOME
                        && (row.label().equals(name) || name.startsWith(row.label()) || row.label().startsWith(name) && name.length() >= 4)) {
                    return row.key();
                }
            }
            return null;
        }

        private static String expenditureKey(String printed) {
            String name = strip(printed);
            if (name.isEmpty()) {
                return null;
            }
            return switch (name) {
                case "总计", "支出总计" -> "expenditure_grand_total";
                case "本年支出合计" -> "expenditure_total";
                case "结余分配" -> "surplus_distribution";
                case "年末结转和结余", "年末财政拨款结转和结余" -> "carry_forward_end";
                default -> CLASSES.get(name);
            };
        }

        // ---------------------------------------------------------------- 02, 03, 05, 07, 08: rows by account code

        void accounts(PublicTable t, List<ReportLine> lines) {
            List<ReportLine> header = new ArrayList<>();
            List<Tok> toks = new ArrayList<>();
            boolean data = false;
            int page = -1;
            for (ReportLine line : lines) {
                if (line.text().startsWith("注")) {
                    break;
                }
                List<Tok> words = line.words().stream().map(w -> new Tok(w.text(), line)).toList();
                boolean starts = !words.isEmpty() && (words.get(0).text().equals("合计") || code(t, words, 0));
                if (data && line.page() != page && !starts) {
                    continue; // the header printed again at the top of the table's next page
                }
                if (!data && !starts) {
                    header.add(line);
                    continue;
                }
                if (starts && line.page() != page) {
                    page = line.page();
                }
                data = true;
                toks.addAll(words);
            }
            List<Column> columns = printedColumns(t, header);
            int numbered = numberedColumns(header);
            if (numbered > 0 && numbered != columns.size()) {
                List<Column> template = TEMPLATE_COLUMNS.get(t);
                if (template != null && template.size() == numbered) {
                    // headings laid out side by side break apart in the text; the 栏次 count is whole
                    report.note(t.number() + "表：表头读出" + columns.size() + "栏而栏次为" + numbered + "栏，按全国模板的栏目读取");
                    columns = template;
                } else {
                    report.note(t.number() + "表：表头读出" + columns.size() + "栏而栏次为" + numbered + "栏");
                }
            }
            Map<String, Row> rows = segments(t, toks, columns, Map.of("合计", "total"));
            if (headerText(header).contains("行次")) {
                rows = lineNumbers(t, rows);
            }
            List<Sum> sums = sums(t, columns);
            for (Row r : rows.values()) {
                candidates(t, r, sums);
            }
            crossTable(t, rows);
            solve(t, hierarchy(t, rows, columns));
            read.put(t, rows);
            place(t, rows.values());
        }

        private void crossTable(PublicTable t, Map<String, Row> rows) {
            Row total = rows.get("total");
            Map<String, Row> t01 = read.get(PublicTable.T01);
            if (t == PublicTable.T02 && total != null && t01 != null) {
                // 02's 合计 is 01's income by source
                Map<Column, BigDecimal> sources = new LinkedHashMap<>();
                sources.put(Column.TOTAL, amount(t01.get("in:income_total")));
                BigDecimal general = amount(t01.get("in:general_public_budget_appropriation"));
                BigDecimal fund = amount(t01.get("in:government_fund_budget_appropriation"));
                BigDecimal capital = amount(t01.get("in:state_capital_budget_appropriation"));
                sources.put(Column.FISCAL, general.add(fund).add(capital));
                sources.put(Column.GENERAL, general);
                sources.put(Column.FUND, fund);
                sources.put(Column.STATE_CAPITAL, capital);
                sources.put(Column.SUPERIOR_SUBSIDY, amount(t01.get("in:superior_subsidy")));
                sources.put(Column.SERVICE_INCOME, amount(t01.get("in:public_service_unit_income")));
                sources.put(Column.OPERATING_INCOME, amount(t01.get("in:operating_income")));
                sources.put(Column.SUBSIDIARY_REMITTANCE, amount(t01.get("in:subsidiary_remittance")));
                sources.put(Column.OTHER_INCOME, amount(t01.get("in:other_income")));
                boolean held = total.keep(c -> sources.entrySet().stream()
                        .filter(e -> total.columns.contains(e.getKey()))
                        .allMatch(e -> near(total.value(c, e.getKey()), e.getValue(), 3)));
                report.identity(t.name(), "合计行各栏 = 公开01表的各项收入", held, detail(sources));
            }
            if (t == PublicTable.T03 && total != null && t01 != null) {
                BigDecimal spent = amount(t01.get("out:expenditure_total"));
                boolean held = total.keep(c -> near(total.value(c, Column.TOTAL), spent, 1));
                report.identity(t.name(), "合计 = 公开01表的本年支出合计", held, spent.toPlainString());
            }
            Map<String, Row> t05 = read.get(PublicTable.T05);
            if (t == PublicTable.T03 && t05 != null) {
                // 05 is the 一般公共预算财政拨款 part of 03: no column of 03 is less than 05's
                for (Row r : rows.values()) {
                    Row general = t05.get(r.key);
                    if (general == null || general.candidates.size() != 1) {
                        continue;
                    }
                    for (Column c : List.of(Column.TOTAL, Column.BASIC, Column.PROJECT)) {
                        BigDecimal least = general.columns.contains(c) ? general.certain(c) : null;
                        if (least != null && least.signum() > 0) {
                            boolean held = r.keep(cand -> r.value(cand, c).compareTo(least.subtract(tolerance(1))) >= 0);
                            if (!held) {
                                report.identity(t.name(), r.key + " " + c.label() + " ≥ 公开05表同一行", false,
                                        "公开05表：" + least.toPlainString());
                            }
                        }
                    }
                }
            }
        }

        /** 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, column by column. */
        private static List<Group> hierarchy(PublicTable t, Map<String, Row> rows, List<Column> columns) {
            List<Group> groups = new ArrayList<>();
            Row total = rows.get("total");
            List<Row> classes = rows.values().stream().filter(r -> r.key.length() == 3 && !r.key.equals("total")).toList();
            if (total != null && !classes.isEmpty()) {
                groups.add(new Group("合计 = Σ 类", total, classes, columns));
            }
            for (Row parent : rows.values()) {
                if (!parent.key.matches("\\d{3}|\\d{5}")) {
                    continue;
                }
                int childLength = parent.key.length() + 2;
                List<Row> children = rows.values().stream()
                        .filter(r -> r.key.length() == childLength && r.key.startsWith(parent.key)).toList();
                if (!children.isEmpty()) {
                    groups.add(new Group(parent.key + " = Σ " + (childLength == 5 ? "款" : "项"), parent, children, columns));
                }
            }
            return groups;
        }

        /** The rows of a table printed by code: a code followed by a name starts a row, its figures follow the name. */
        private Map<String, Row> segments(PublicTable t, List<Tok> toks, List<Column> columns, Map<String, String> named) {
            Map<String, Row> rows = new LinkedHashMap<>();
            String key = null;
            StringBuilder name = new StringBuilder();
            ReportLine at = null;
            List<Tok> figures = new ArrayList<>();
            for (int i = 0; i <= toks.size(); i++) {
                boolean end = i == toks.size();
                Tok tok = end ? null : toks.get(i);
                boolean starts = !end && (code(t, toks, i) || named.containsKey(tok.text()));
                if (end || starts) {
                    if (key != null) {
                        Row row = new Row(key, name.toString(), null, at);
                        row.figures.addAll(figures);
                        row.columns = columns;
                        if (rows.containsKey(key)) {
                            report.note(t.number() + "表" + at.where() + "：行“" + key + "”重复出现，取第一次");
                        } else {
                            rows.put(key, row);
                        }
                    }
                    if (end) {
                        break;
                    }
                    key = named.getOrDefault(tok.text(), tok.text());
                    name.setLength(0);
                    if (named.containsKey(tok.text())) {
                        name.append(tok.text());
                    }
                    figures.clear();
                    at = tok.line();
                    continue;
                }
                if (key == null) {
                    report.note(t.number() + "表" + tok.line().where() + "：行首之前的“" + tok.text() + "”未能读取");
                } else if (tok.number()) {
                    figures.add(tok);
                } else {
                    name.append(tok.text()); // a long name wraps before its figures or, in some conversions, after them
                }
            }
            return rows;
        }

        /** A code of the table's classification, followed by its name (so an amount of three digits is not read as one). */
        private static boolean code(PublicTable t, List<Tok> toks, int i) {
            Tok tok = toks.get(i);
            if (!tok.integer() || !t.fitsCode(tok.text())) {
                return false;
            }
            char first = tok.text().charAt(0);
            if (t.isEconomic() ? first != '3' && first != '5' : first != '2') {
                return false;
            }
            return i + 1 < toks.size() && !toks.get(i + 1).number();
        }

        /** The columns of the national template's account tables as it prints them (PUBLIC-TABLES.md). */
        private static final Map<PublicTable, List<Column>> TEMPLATE_COLUMNS = Map.of(
                PublicTable.T02, List.of(Column.TOTAL, Column.FISCAL, Column.SUPERIOR_SUBSIDY, Column.SERVICE_INCOME,
                        Column.OPERATING_INCOME, Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME),
                PublicTable.T03, List.of(Column.TOTAL, Column.BASIC, Column.PROJECT, Column.REMITTANCE, Column.BUSINESS,
                        Column.SUBSIDIARY),
                PublicTable.T05, List.of(Column.TOTAL, Column.BASIC, Column.PROJECT),
                PublicTable.T07, List.of(Column.CARRY_BEGIN, Column.INCOME, Column.TOTAL, Column.BASIC, Column.PROJECT,
                        Column.CARRY_END),
                PublicTable.T08, List.of(Column.TOTAL, Column.BASIC, Column.PROJECT));

        /** The 栏次 line's count (栏次 1 2 … n), 0 where none is printed. */
        private static int numberedColumns(List<ReportLine> header) {
            for (ReportLine line : header) {
                List<ReportLine.Word> words = line.words();
                if (!words.isEmpty() && words.get(0).text().equals("栏次")) {
                    int n = 0;
                    for (int i = 1; i < words.size() && words.get(i).text().equals(String.valueOf(n + 1)); i++) {
                        n++;
                    }
                    return n;
                }
            }
            return 0;
        }

        private static String headerText(List<ReportLine> header) {
            StringBuilder text = new StringBuilder();
            for (ReportLine line : header) {
                if (line.text().contains("部门：") || line.text().contains("单位：")) {
                    continue;
                }
                text.append(line.text().replaceAll("\\s+", ""));
            }
            return text.toString();
        }

        /**
         * Where the table prints a 行次 column, each row's first figure is its 行次 when it is a whole number that
         * follows on from the row before (1, 2, 3 …): an amount is rarely whole and never counts the rows.
         */
        private Map<String, Row> lineNumbers(PublicTable t, Map<String, Row> rows) {
            Map<String, Row> out = new LinkedHashMap<>();
            int next = 1;
            for (Row r : rows.values()) {
                Integer lineNo = null;
                List<Tok> figures = new ArrayList<>(r.figures);
                if (!figures.isEmpty() && figures.get(0).integer()) {
                    int n = Integer.parseInt(figures.get(0).text());
                    if (n == next || next == 1 && n <= 3) {
                        lineNo = n;
                        next = n + 1;
                        figures.remove(0);
                    }
                }
                if (lineNo == null) {
                    report.note(t.number() + "表" + r.at.where() + "：行“" + r.key + "”没有接续的行次（应为" + next + "）");
                    next++;
                }
                Row row = new Row(r.key, r.name, lineNo, r.at);
                row.figures.addAll(figures);
                row.columns = r.columns;
                out.put(r.key, row);
            }
            return out;
        }

        private static List<Column> printedColumns(PublicTable t, List<ReportLine> header) {
            String h = headerText(header);
            List<Column> out = new ArrayList<>();
            for (Column c : t.columns()) {
                boolean printed = switch (c) {
                    case TOTAL -> h.contains("合计") || h.contains("小计");
                    case FISCAL -> h.contains("财政拨款收入") || h.contains("财政拨款") && t == PublicTable.T02 && !h.contains("一般公共预算");
                    case GENERAL -> h.contains("一般公共预算财政拨款");
                    case FUND -> h.contains("政府性基金预算财政拨款");
                    case STATE_CAPITAL -> h.contains("国有资本经营预算财政拨款");
                    case INCOME -> h.replace("本年收入合计", "").contains("本年收入");
                    default -> h.contains(c.label());
                };
                if (printed) {
                    out.add(c);
                }
            }
            return out;
        }

        private static List<Sum> sums(PublicTable t, List<Column> printed) {
            List<Sum> sums = new ArrayList<>();
            switch (t) {
                case T02 -> {
                    List<Column> parts = new ArrayList<>();
                    if (printed.contains(Column.FISCAL)) {
                        parts.add(Column.FISCAL);
                        sums.add(new Sum(Column.FISCAL, List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL)));
                    } else {
                        parts.addAll(List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL));
                    }
                    parts.addAll(List.of(Column.SUPERIOR_SUBSIDY, Column.SERVICE_INCOME, Column.OPERATING_INCOME,
                            Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME));
                    sums.add(0, new Sum(Column.TOTAL, parts));
                }
                case T03 -> sums.add(new Sum(Column.TOTAL, List.of(Column.BASIC, Column.PROJECT, Column.REMITTANCE,
                        Column.BUSINESS, Column.SUBSIDIARY)));
                default -> {
                    sums.add(new Sum(Column.TOTAL, List.of(Column.BASIC, Column.PROJECT)));
                    if (printed.contains(Column.PERSONNEL) && printed.contains(Column.OPERATING)) {
                        sums.add(new Sum(Column.BASIC, List.of(Column.PERSONNEL, Column.OPERATING)));
                    }
                }
            }
            return sums;
        }

        // ---------------------------------------------------------------- 06: three 经济分类 lists side by side

        void economic(List<ReportLine> lines) {
            PublicTable t = PublicTable.T06;
            List<Tok> toks = new ArrayList<>();
            boolean data = false;
            for (ReportLine line : lines) {
                if (line.text().startsWith("注")) {
                    break;
                }
                List<Tok> words = line.words().stream().map(w -> new Tok(w.text(), line)).toList();
                if (!data && !(words.size() > 1 && code(t, words, 0))) {
                    continue;
                }
                data = true;
                toks.addAll(words);
            }
            Map<String, String> named = new LinkedHashMap<>();
            named.put("人员经费合计", "personnel_total");
            named.put("公用经费合计", "operating_total");
            named.put("合计", "total");
            Map<String, Row> rows = segments(t, toks, List.of(Column.AMOUNT), named);
            for (Row r : rows.values()) {
                candidates(t, r, List.of());
            }
            List<Group> groups = new ArrayList<>();
            for (Row parent : rows.values()) {
                if (parent.key.matches("\\d{3}")) {
                    List<Row> children = rows.values().stream()
                            .filter(r -> r.key.length() == 5 && r.key.startsWith(parent.key)).toList();
                    if (!children.isEmpty()) {
                        groups.add(new Group(parent.key + " = Σ 款", parent, children, List.of(Column.AMOUNT)));
                    }
                }
            }
            groupOf(rows, "personnel_total", "人员经费合计 = 301 + 303", List.of("301", "303")).ifPresent(groups::add);
            groupOf(rows, "operating_total", "公用经费合计 = 302 + 307 + 310 + 399", List.of("302", "307", "310", "399"))
                    .ifPresent(groups::add);
            solve(t, groups);
            Map<String, Row> t05 = read.get(PublicTable.T05);
            if (t05 != null && t05.get("total") != null) {
                BigDecimal basic = nonNull(t05.get("total").certain(Column.BASIC));
                BigDecimal both = amount(rows.get("personnel_total")).add(amount(rows.get("operating_total")));
                report.identity(t.name(), "人员经费合计 + 公用经费合计 = 公开05表基本支出合计", near(basic, both, 2),
                        both.toPlainString() + " / " + basic.toPlainString());
            }
            read.put(t, rows);
            place(t, rows.values());
        }

        private static Optional<Group> groupOf(Map<String, Row> rows, String parent, String rule, List<String> keys) {
            Row p = rows.get(parent);
            if (p == null) {
                return Optional.empty();
            }
            List<Row> children = keys.stream().map(rows::get).filter(Objects::nonNull).toList();
            return Optional.of(new Group(rule, p, children, List.of(Column.AMOUNT)));
        }

        // ---------------------------------------------------------------- 09: one printed row, 预算数 and 决算数

        private static final List<String> ITEMS = List.of("TOTAL", "OVERSEAS_TRAVEL", "VEHICLE", "VEHICLE_PURCHASE",
                "VEHICLE_OPERATION", "RECEPTION");
        private static final Pattern VEHICLE_RUNNING = Pattern.compile(
                "公务用车运行(?:维护)?费(?:用)?(?:支出|[^。；]{0,20}?支出决算为)\\s*([\\d.]+)\\s*万元");
        private static final Pattern VEHICLE_BOUGHT = Pattern.compile(
                "公务用车购置费(?:用)?(?:支出|[^。；]{0,20}?支出决算为)\\s*([\\d.]+)\\s*万元");

        void threePublic(List<ReportLine> lines, ReportSource source) {
            PublicTable t = PublicTable.T09;
            int columns = 0;
            List<Tok> figures = new ArrayList<>();
            for (ReportLine line : lines) {
                if (line.text().startsWith("注")) {
                    break;
                }
                List<Tok> words = line.words().stream().map(w -> new Tok(w.text(), line)).toList();
                if (words.isEmpty() || !words.stream().allMatch(Tok::number)) {
                    continue;
                }
                if (columns == 0 && consecutive(words)) {
                    columns = words.size(); // 栏次 1 … n
                    continue;
                }
                figures.addAll(words);
            }
            if (columns == 0) {
                // no 栏次 printed: the template's columns by its headings, 预算数 and 决算数 each of six
                String header = headerText(lines);
                columns = header.contains("预算数") && header.contains("决算数") ? 12 : header.contains("决算数") ? 6 : 0;
            }
            List<Column> sides = columns == 12 ? List.of(Column.BUDGET, Column.ACTUAL)
                    : columns == 6 ? List.of(Column.ACTUAL) : List.of();
            if (sides.isEmpty()) {
                if (!figures.isEmpty()) {
                    report.note(t.number() + "表：栏数（" + columns + "）不是全国模板的 6 或 12 栏，未读取");
                }
                return;
            }
            // one printed row of slots, item × side: each figure's slot names its row and column
            List<String> slots = new ArrayList<>();
            for (Column side : sides) {
                for (String item : ITEMS) {
                    slots.add(item + ":" + side.key());
                }
            }
            int n = figures.size();
            if (n > slots.size()) {
                report.note(t.number() + "表：数字多于栏数，未读取");
                return;
            }
            List<int[]> cands = new ArrayList<>();
            combinations(n, slots.size(), cands);
            List<int[]> kept = new ArrayList<>();
            for (int[] c : cands) {
                boolean ok = true;
                for (int s = 0; s < sides.size() && ok; s++) {
                    BigDecimal[] v = new BigDecimal[6];
                    for (int k = 0; k < 6; k++) {
                        v[k] = slot(c, figures, s * 6 + k);
                    }
                    ok = near(v[0], v[1].add(v[2]).add(v[5]), 3) && near(v[2], v[3].add(v[4]), 2);
                }
                if (ok) {
                    kept.add(c);
                }
            }
            report.identity(t.name(), "合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；车辆 = 购置 + 运行维护",
                    !kept.isEmpty(), kept.size() + " 种排列相符");
            if (kept.isEmpty()) {
                report.note(t.number() + "表：数字与各栏的恒等关系不符，未读取");
                return;
            }
            // the 情况说明 states the 决算数 of the cars' running (or purchase): where it does, it settles the column
            if (sides.contains(Column.ACTUAL)) {
                int actual = sides.indexOf(Column.ACTUAL) * 6;
                String text = source.text().replace("\n", "");
                for (Object[] said : new Object[][]{{VEHICLE_RUNNING, 4}, {VEHICLE_BOUGHT, 3}}) {
                    Matcher m = ((Pattern) said[0]).matcher(text);
                    if (m.find()) {
                        BigDecimal stated = new BigDecimal(m.group(1));
                        int slot = actual + (Integer) said[1];
                        List<int[]> fits = kept.stream().filter(c -> near(slot(c, figures, slot), stated, 1)).toList();
                        report.identity(t.name(), "情况说明所述" + label(t, ITEMS.get((Integer) said[1])) + "决算数 " + stated.toPlainString(),
                                !fits.isEmpty(), m.group());
                        if (!fits.isEmpty()) {
                            kept = fits;
                        }
                    }
                }
            }
            // each figure: its slot where every remaining arrangement agrees
            for (int i = 0; i < n; i++) {
                Set<Integer> where = new LinkedHashSet<>();
                for (int[] c : kept) {
                    where.add(c[i]);
                }
                Tok f = figures.get(i);
                if (f.blank()) {
                    continue;
                }
                if (where.size() == 1) {
                    String[] slot = slots.get(where.iterator().next()).split(":");
                    put(t, slot[0], label(t, slot[0]), null, slot[1], f);
                } else {
                    // the slots that fit lie in different rows: each alternative names its row and column (ROW.column)
                    List<String> alternatives = where.stream().map(w -> slots.get(w).replace(':', '.')).toList();
                    report.uncertain(t.name(), null, null, alternatives, f.text(), f.line(),
                            "数字少于栏数，恒等关系对这些栏同样成立");
                }
            }
        }

        private static BigDecimal slot(int[] c, List<Tok> figures, int slot) {
            for (int i = 0; i < c.length; i++) {
                if (c[i] == slot) {
                    return figures.get(i).value();
                }
            }
            return BigDecimal.ZERO;
        }

        private static boolean consecutive(List<Tok> words) {
            for (int i = 0; i < words.size(); i++) {
                if (!words.get(i).text().equals(String.valueOf(i + 1))) {
                    return false;
                }
            }
            return words.size() > 1;
        }

        private static String label(PublicTable t, String key) {
            return t.namedRow(key).map(PublicTable.NamedRow::label).orElse(key);
        }

        // ---------------------------------------------------------------- placement

        /** Every order-keeping placement of the row's figures in its columns that its own sums allow. */
        private void candidates(PublicTable t, Row r, List<Sum> sums) {
            List<int[]> all = new ArrayList<>();
            if (r.figures.size() > r.columns.size()) {
                report.note(t.number() + "表" + r.at.where() + "：行“" + r.key + "”的数字（" + r.figures.size()
                        + "个）多于该表的栏数（" + r.columns.size() + "），未读取");
                r.figures.clear();
            }
            combinations(r.figures.size(), r.columns.size(), all);
            List<int[]> kept = new ArrayList<>();
            for (int[] c : all) {
                boolean ok = true;
                for (Sum s : sums) {
                    if (!r.columns.contains(s.target()) || s.parts().stream().noneMatch(r.columns::contains)) {
                        continue;
                    }
                    BigDecimal sum = BigDecimal.ZERO;
                    int terms = 1;
                    for (Column p : s.parts()) {
                        BigDecimal v = r.value(c, p);
                        if (v.signum() != 0) {
                            terms++;
                        }
                        sum = sum.add(v);
                    }
                    if (!near(r.value(c, s.target()), sum, terms)) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    kept.add(c);
                }
            }
            if (r.columns.containsAll(List.of(Column.CARRY_BEGIN, Column.INCOME, Column.TOTAL, Column.CARRY_END))) {
                // what was carried in and received is spent or carried out
                kept = kept.stream().filter(c -> near(r.value(c, Column.CARRY_BEGIN).add(r.value(c, Column.INCOME)),
                        r.value(c, Column.TOTAL).add(r.value(c, Column.CARRY_END)), 4)).toList();
            }
            if (kept.isEmpty()) {
                report.identity(t.name(), r.key + " 合计栏 = 各组成栏之和", false, "没有一种排列相符：" + texts(r.figures));
                kept = all;
            }
            r.candidates = new ArrayList<>(kept);
        }

        private static String texts(List<Tok> figures) {
            return String.join(" ", figures.stream().map(Tok::text).toList());
        }

        /** All increasing maps of n figures into m columns. */
        private static void combinations(int n, int m, List<int[]> out) {
            combine(new int[n], 0, 0, m, out);
        }

        private static void combine(int[] cur, int i, int from, int m, List<int[]> out) {
            if (i == cur.length) {
                out.add(cur.clone());
                return;
            }
            for (int c = from; c <= m - (cur.length - i); c++) {
                cur[i] = c;
                combine(cur, i + 1, c + 1, m, out);
            }
        }

        private static final int MAX_COMBINATIONS = 200_000;

        /** Narrows the rows' placements by the sums over rows until nothing changes. */
        private void solve(PublicTable t, List<Group> groups) {
            Set<Group> broken = new LinkedHashSet<>();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Group g : groups) {
                    if (broken.contains(g)) {
                        continue;
                    }
                    List<Row> members = new ArrayList<>();
                    members.add(g.parent());
                    members.addAll(g.children());
                    changed |= bound(g, members);
                    long product = 1;
                    for (Row r : members) {
                        product *= Math.max(1, r.candidates.size());
                    }
                    if (product == 1 || product > MAX_COMBINATIONS) {
                        continue;
                    }
                    List<Set<int[]>> survivors = new ArrayList<>();
                    for (int k = 0; k < members.size(); k++) {
                        survivors.add(new LinkedHashSet<>());
                    }
                    enumerate(g, members, new int[members.size()][], 0, survivors);
                    if (survivors.get(0).isEmpty()) {
                        broken.add(g);
                        continue;
                    }
                    for (int k = 0; k < members.size(); k++) {
                        Row r = members.get(k);
                        if (!r.candidates.isEmpty() && survivors.get(k).size() < r.candidates.size()) {
                            r.candidates = new ArrayList<>(survivors.get(k));
                            changed = true;
                        }
                    }
                }
            }
            for (Group g : groups) {
                report.identity(t.name(), g.rule(), !broken.contains(g) && holds(g), g.parent().key);
            }
        }

        /**
         * Where no figure of a sum is negative, no part exceeds the whole: a child's cell is at most its settled
         * parent's (so an empty column of the parent is empty in every child), and a parent's cell at least each
         * settled child's. Cheap, and it settles groups too large to enumerate.
         */
        private static boolean bound(Group g, List<Row> members) {
            for (Row r : members) {
                for (Tok f : r.figures) {
                    if (f.value().signum() < 0) {
                        return false;
                    }
                }
            }
            boolean changed = false;
            Row parent = g.parent();
            if (parent.candidates.size() == 1) {
                for (Row child : g.children()) {
                    int before = child.candidates.size();
                    child.keep(c -> g.columns().stream().allMatch(col -> child.value(c, col)
                            .compareTo(parent.certain(col).add(tolerance(1))) <= 0));
                    changed |= child.candidates.size() < before;
                }
            }
            for (Row child : g.children()) {
                if (child.candidates.size() == 1) {
                    int before = parent.candidates.size();
                    parent.keep(c -> g.columns().stream().allMatch(col -> parent.value(c, col)
                            .compareTo(child.certain(col).subtract(tolerance(1))) >= 0));
                    changed |= parent.candidates.size() < before;
                }
            }
            return changed;
        }

        private static void enumerate(Group g, List<Row> members, int[][] chosen, int k, List<Set<int[]>> survivors) {
            if (k == members.size()) {
                if (fits(g, members, chosen)) {
                    for (int j = 0; j < members.size(); j++) {
                        if (chosen[j] != null) {
                            survivors.get(j).add(chosen[j]);
                        }
                    }
                }
                return;
            }
            Row r = members.get(k);
            if (r.candidates.isEmpty()) {
                chosen[k] = null;
                enumerate(g, members, chosen, k + 1, survivors);
                return;
            }
            for (int[] c : r.candidates) {
                chosen[k] = c;
                enumerate(g, members, chosen, k + 1, survivors);
            }
        }

        private static boolean fits(Group g, List<Row> members, int[][] chosen) {
            for (Column c : g.columns()) {
                BigDecimal parent = chosen[0] == null ? BigDecimal.ZERO : members.get(0).value(chosen[0], c);
                List<BigDecimal> parts = new ArrayList<>();
                for (int j = 1; j < members.size(); j++) {
                    parts.add(chosen[j] == null ? BigDecimal.ZERO : members.get(j).value(chosen[j], c));
                }
                if (!addsUp(parent, parts)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean holds(Group g) {
            for (Column c : g.columns()) {
                BigDecimal parent = g.parent().certain(c);
                List<BigDecimal> parts = new ArrayList<>();
                for (Row r : g.children()) {
                    parts.add(r.certain(c));
                }
                if (!parts.isEmpty() && (parent == null || parts.contains(null))) {
                    return true; // not yet placed: it is reported as uncertain, not as contradicted
                }
                if (!addsUp(parent, parts)) {
                    return false;
                }
            }
            return true;
        }

        /** A whole against the sum of its parts, allowing the rounding of each part printed (the zeros add none). */
        private static boolean addsUp(BigDecimal whole, List<BigDecimal> parts) {
            BigDecimal sum = BigDecimal.ZERO;
            int terms = 1;
            for (BigDecimal v : parts) {
                if (v.signum() != 0) {
                    terms++;
                }
                sum = sum.add(v);
            }
            return near(whole, sum, terms);
        }

        /** Writes each figure whose column is settled; reports the others with the columns that fit. */
        private void place(PublicTable t, Iterable<Row> rows) {
            for (Row r : rows) {
                for (int i = 0; i < r.figures.size(); i++) {
                    Set<Column> where = new LinkedHashSet<>();
                    for (int[] c : r.candidates) {
                        where.add(r.columns.get(c[i]));
                    }
                    Tok f = r.figures.get(i);
                    if (f.blank()) {
                        continue; // an empty cell stays absent
                    }
                    if (where.size() == 1) {
                        put(t, r.key, r.name, r.lineNo, where.iterator().next().key(), f);
                    } else {
                        report.uncertain(t.name(), r.key, null, where.stream().map(Column::key).toList(), f.text(), f.line(),
                                "数字少于栏数，表内及表间恒等关系对这些栏同样成立");
                    }
                }
            }
        }

        private void put(PublicTable t, String row, String name, Integer lineNo, String column, Tok figure) {
            String value = figure.text().replace(",", ""); // 1,234.56 as the import format writes it
            document.row(t.name(), row, name == null || name.isEmpty() ? null : name, lineNo).put(column, value);
            report.placed(t.name(), row, column, value, figure.line());
        }
    }

    private static String strip(String name) {
        return ORDINAL.matcher(name.strip()).replaceFirst("").strip();
    }
}
