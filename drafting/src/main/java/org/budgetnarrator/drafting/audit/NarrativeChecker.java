package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a narrative's numeric claims — amounts, changes, rates, shares, completion percentages, counts —
 * ties each to what it speaks of (the nearest topic before it in the paragraph) and compares it with the
 * data, at the precision it is written in. Also checks the words that carry numbers' meaning: 增加/减少,
 * 大于/小于, that a variance sentence gives its reason, and template residue.
 *
 * <p>A claim whose topic has no figure in the data is not checked: the checker never guesses.
 */
public final class NarrativeChecker {

    /** A figure, with or without thousands separators (4,863.67). */
    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final Pattern AMOUNT = Pattern.compile(NUM + "\\s*万元");
    private static final Pattern PERCENT = Pattern.compile(NUM + "\\s*[%％]");
    private static final Pattern SHARE = Pattern.compile("占([^，。；、%％\\d]{0,24}?)的?\\s*" + NUM + "\\s*[%％]");
    private static final Pattern COUNT = Pattern.compile(NUM + "\\s*(个|人次|辆|台（套）|台)");
    private static final Pattern BARE = Pattern.compile("(预算数（A）|执行数（B）|基本支出总额|项目支出总额)\\s*" + NUM + "(?!\\s*[%％万\\d])");
    private static final Pattern PATH = Pattern.compile(
            "((?:[\\p{IsHan}“”]|[（(]室[）)])+?)\\s*[（(]类[）)]\\s*((?:[\\p{IsHan}“”]|[（(]室[）)])+?)\\s*[（(]款[）)]"
                    + "\\s*((?:[\\p{IsHan}“”]|[（(]室[）)])+?)\\s*[（(]项[）)]");
    private static final Pattern COMPARISON = Pattern.compile("决算数\\s*(大于|小于|等于|持平于?)\\s*(年初预算数|全年预算数|预算数)");
    private static final Pattern RESIDUE = Pattern.compile(
            "增加（减少）|增加\\(减少\\)|减少（增加）|增加持平|减少持平|增长持平|XX|xxx|××|待填写|请填写|待补充|TODO|TBD"
                    + "|\\{[^}]{1,20}}|[（(\\[]待[）)\\]]|[（(\\[]略[）)\\]]|……");
    private static final Pattern LONG_PERCENT = Pattern.compile("\\d+\\.\\d{3,}\\s*[%％]");
    private static final Pattern NONE_STATEMENT = Pattern.compile("(?:本单位|本部门)(?:当年|本年|\\d{4}\\s*年度?)?无(政府性基金预算财政拨款|国有资本经营预算财政拨款)");
    private static final Pattern FLAT = Pattern.compile("(?<![增加减少长])(?:与上年|较上年|比上年)?持平");
    private static final Pattern REPEAT = Pattern.compile("(为为|的的|是是|了了|和和|在在)");
    private static final Pattern UP = Pattern.compile("(增加|增长|上升|提高)$");
    private static final Pattern DOWN = Pattern.compile("(减少|下降|降低)$");

    private final YearData data;
    private final List<Topic> topics;
    private int compared;

    public NarrativeChecker(YearData data) {
        this.data = data;
        this.topics = new Lexicon(data).topics();
    }

    /** How many claims have been compared with the data so far (each a figure the data hold). */
    public int claimsCompared() {
        return compared;
    }

    /** Checks a text; {@code document} names it in the findings' subjects (a stored document kind, or "draft"). */
    public List<Finding> check(String document, String text) {
        List<Finding> findings = new ArrayList<>();
        int paragraphStart = 0;
        for (String paragraph : text.split("\n", -1)) {
            new Paragraph(document, paragraph, paragraphStart, findings).run();
            paragraphStart += paragraph.length() + 1;
        }
        return findings;
    }

    private record Mention(int start, int end, Topic topic, AccountLine item, String[] names) {
    }

    private record Claim(int start, int end, Runnable check) {
    }

    /** One paragraph: the topic of a claim is the nearest one before it here. */
    private final class Paragraph {
        private final String document;
        private final String text;
        private final int base;
        private final List<Finding> findings;
        private Mention current;

        Paragraph(String document, String text, int base, List<Finding> findings) {
            this.document = document;
            this.text = text;
            this.base = base;
            this.findings = findings;
        }

        void run() {
            residue();
            noneStatements();
            List<int[]> shareSpans = new ArrayList<>();
            Matcher share = SHARE.matcher(text);
            while (share.find()) {
                shareSpans.add(new int[]{share.start(), share.end()});
            }
            // A bracketed note (a draft's 【待补充：…】 gap) states what is missing, not a claim about the data.
            List<int[]> notes = new ArrayList<>();
            Matcher note = Pattern.compile("【[^】]*】").matcher(text);
            while (note.find()) {
                notes.add(new int[]{note.start(), note.end()});
            }
            shareSpans.addAll(notes);
            List<Mention> mentions = mentions(shareSpans);
            List<Claim> claims = claims().stream().filter(c -> !overlaps(notes, c.start(), c.end())).toList();
            // Walk topics and claims in text order: each claim is checked against the latest topic.
            List<Object> events = new ArrayList<>();
            events.addAll(mentions);
            events.addAll(claims);
            events.sort(Comparator.comparingInt(e -> e instanceof Mention m ? m.start() : ((Claim) e).start()));
            for (Object event : events) {
                if (event instanceof Mention m) {
                    current = m;
                    if (m.item() != null) {
                        checkNames(m);
                    }
                } else if (current != null) {
                    ((Claim) event).check().run();
                }
            }
        }

        private List<Mention> mentions(List<int[]> excluded) {
            List<Mention> all = new ArrayList<>();
            Matcher path = PATH.matcher(text);
            while (path.find()) {
                String[] names = {path.group(1), path.group(2), path.group(3)};
                Optional<AccountLine> item = resolveItem(names);
                if (item.isPresent()) {
                    AccountLine line = item.get();
                    Topic topic = Topic.of("account:" + line.code(), "一般公共预算财政拨款支出决算表", line.name(), "")
                            .amount(line.actual()).initial(line.initialBudget()).budget(line.adjustedBudget())
                            .expectedName(line.name()).build();
                    all.add(new Mention(path.start(), path.end(), topic, line, names));
                } else {
                    all.add(new Mention(path.start(), path.end(), Topic.blocker("unknown", "x"), null, null));
                }
            }
            for (Topic topic : topics) {
                Matcher m = topic.phrase().matcher(text);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        all.add(new Mention(m.start(), m.end(), topic, null, null));
                    }
                }
            }
            // Longest first at each place; a mention inside another, or inside a share's base, is dropped.
            all.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start())));
            List<Mention> kept = new ArrayList<>();
            for (Mention m : all) {
                boolean inside = kept.stream().anyMatch(k -> m.start() < k.end() && k.start() < m.end())
                        || excluded.stream().anyMatch(s -> m.start() >= s[0] && m.end() <= s[1]);
                if (!inside) {
                    kept.add(m);
                }
            }
            return kept;
        }

        private List<Claim> claims() {
            List<Claim> claims = new ArrayList<>();
            List<int[]> taken = new ArrayList<>();
            Matcher m = SHARE.matcher(text);
            while (m.find()) {
                int s = m.start(), e = m.end();
                String baseText = m.group(1);
                BigDecimal written = number(m.group(2));
                taken.add(new int[]{m.start(2), e});
                claims.add(new Claim(s, e, () -> share(baseText, written, s, e)));
            }
            m = BARE.matcher(text);
            while (m.find()) {
                int s = m.start(2), e = m.end(2);
                String keyword = m.group(1);
                BigDecimal written = number(m.group(2));
                taken.add(new int[]{s, e});
                claims.add(new Claim(s, e, () -> amount(keyword.startsWith("预算数") ? Kind.BUDGET : Kind.AMOUNT, written, s, e)));
            }
            m = PERCENT.matcher(text);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                int s = m.start(), e = m.end();
                BigDecimal written = number(m.group(1));
                String before = before(s, 14);
                claims.add(new Claim(s, e, () -> percent(before, written, s, e)));
            }
            m = AMOUNT.matcher(text);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end()) || before(m.start(), 4).endsWith("单位价值")) {
                    continue;
                }
                int s = m.start(), e = m.end();
                BigDecimal written = number(m.group(1));
                String before = before(s, 12);
                claims.add(new Claim(s, e, () -> amountWithKeyword(before, written, s, e)));
            }
            m = COUNT.matcher(text);
            while (m.find()) {
                int s = m.start(), e = m.end();
                BigDecimal written = number(m.group(1));
                String unit = m.group(2);
                String before = before(s, 6);
                claims.add(new Claim(s, e, () -> count(unit, before, written, s, e)));
            }
            m = FLAT.matcher(text);
            while (m.find()) {
                int s = m.start(), e = m.end();
                if (!text.substring(Math.max(0, s - 6), s).contains("决算数")) {
                    claims.add(new Claim(s, e, () -> flat(s, e)));
                }
            }
            m = COMPARISON.matcher(text);
            while (m.find()) {
                int s = m.start(), e = m.end();
                String word = m.group(1);
                String against = m.group(2);
                claims.add(new Claim(s, e, () -> comparison(word, against, s, e)));
            }
            return claims;
        }

        private String before(int position, int length) {
            // The clause before a figure, not reaching back past the last comma or stop.
            int from = Math.max(0, position - length);
            String window = text.substring(from, position);
            int cut = Math.max(Math.max(window.lastIndexOf('，'), window.lastIndexOf('。')), Math.max(window.lastIndexOf('；'),
                    window.lastIndexOf('：')));
            return (cut >= 0 ? window.substring(cut + 1) : window).replaceAll("\\s+", "");
        }

        // --- the checks

        private void amountWithKeyword(String before, BigDecimal written, int s, int e) {
            if (DOWN.matcher(stripChangeTail(before)).find() || UP.matcher(stripChangeTail(before)).find()) {
                change(before, written, s, e);
                return;
            }
            Kind kind = before.contains("年初预算") ? Kind.INITIAL
                    : before.contains("预算") ? Kind.BUDGET : Kind.AMOUNT;
            amount(kind, written, s, e);
        }

        private String stripChangeTail(String before) {
            return before.replaceAll("[（(][^）)]*[）)]$", "").replaceAll("各$", "");
        }

        private void amount(Kind kind, BigDecimal written, int s, int e) {
            Topic t = current.topic();
            BigDecimal truth = switch (kind) {
                case INITIAL -> t.initial();
                case BUDGET -> t.budget();
                default -> t.amount();
            };
            if (truth == null) {
                return;
            }
            String what = switch (kind) {
                case INITIAL -> "年初预算";
                case BUDGET -> "预算数";
                default -> "金额";
            };
            compare("N01", t, kind.field, written, truth, s, e, t.label() + what, t.label() + " " + kind.field,
                    Figures.show(truth) + " 万元", Figures.show(written) + " 万元");
        }

        private void change(String before, BigDecimal written, int s, int e) {
            Topic t = current.topic();
            if (t.amount() == null || t.previous() == null) {
                return;
            }
            BigDecimal change = t.amount().subtract(t.previous());
            String clause = stripChangeTail(before);
            boolean saysUp = UP.matcher(clause).find();
            compare("N02", t, "change", written, change.abs(), s, e, t.label() + "较上年变动额", t.label() + " change from last year",
                    Figures.show(change.abs()) + " 万元（" + Figures.show(t.amount()) + " − " + Figures.show(t.previous()) + "）",
                    Figures.show(written) + " 万元");
            direction(t, change, saysUp, s, e);
        }

        /** "持平" (no change from last year) where the data show a change. */
        private void flat(int s, int e) {
            Topic t = current.topic();
            if (t.amount() == null || t.previous() == null) {
                return;
            }
            compared++;
            BigDecimal change = t.amount().subtract(t.previous());
            if (change.signum() != 0) {
                add("W01", Severity.ERROR, t, "direction", s, e,
                        "“" + sentence(s) + "”：" + t.label() + "较上年实为" + (change.signum() > 0 ? "增加" : "减少") + " "
                                + Figures.show(change.abs()) + " 万元，文中写作“持平”",
                        "\"" + sentence(s) + "\": " + t.label() + " changed by " + Figures.show(change) + "; the text says it was flat",
                        change.signum() > 0 ? "增加" : "减少", "持平");
            }
        }

        private void direction(Topic t, BigDecimal change, boolean saysUp, int s, int e) {
            if (change.signum() == 0) {
                return;
            }
            if ((change.signum() > 0) == saysUp) {
                return;
            }
            add("W01", Severity.ERROR, t, "direction", s, e,
                    "“" + sentence(s) + "”：" + t.label() + "较上年实为" + (change.signum() > 0 ? "增加" : "减少") + " "
                            + Figures.show(change.abs()) + " 万元，文中写作“" + (saysUp ? "增加" : "减少") + "”",
                    "\"" + sentence(s) + "\": " + t.label() + " actually " + (change.signum() > 0 ? "rose" : "fell") + " by "
                            + Figures.show(change.abs()) + "; the text says it " + (saysUp ? "rose" : "fell"),
                    change.signum() > 0 ? "增加" : "减少", saysUp ? "增加" : "减少");
        }

        private void percent(String before, BigDecimal written, int s, int e) {
            Topic t = current.topic();
            String clause = before.replaceAll("[（(][^）)]*[）)]$", "");
            if (clause.contains("完成年初预算")) {
                completion(t, t.initial(), "完成年初预算", written, s, e);
            } else if (clause.contains("完成全年预算") || clause.contains("完成预算") || clause.contains("执行率")) {
                completion(t, t.budget(), "完成预算", written, s, e);
            } else if (DOWN.matcher(clause).find() || UP.matcher(clause).find()) {
                if (t.amount() == null || t.previous() == null || t.previous().signum() == 0) {
                    return;
                }
                BigDecimal change = t.amount().subtract(t.previous());
                BigDecimal rate = Figures.percent(change.abs(), t.previous());
                compare("N03", t, "yoyRate", written, rate, s, e, t.label() + "较上年变动幅度", t.label() + " rate of change",
                        Figures.showPercent(rate) + "（" + Figures.show(change.abs()) + " ÷ " + Figures.show(t.previous()) + "）",
                        Figures.show(written) + "%");
                direction(t, change, UP.matcher(clause).find(), s, e);
            }
        }

        private void completion(Topic t, BigDecimal budget, String what, BigDecimal written, int s, int e) {
            if (t.amount() != null && budget != null && budget.signum() == 0 && t.amount().signum() != 0) {
                add("W08", Severity.WARNING, t, "completion", s, e,
                        "“" + sentence(s) + "”：预算数为零，“" + what + "的 x%”无从计算，应说明无预算安排",
                        "\"" + sentence(s) + "\": the budget is zero, so a completion percentage cannot be stated", null,
                        Figures.show(written) + "%");
                return;
            }
            if (t.amount() == null || budget == null || budget.signum() == 0) {
                return;
            }
            BigDecimal rate = Figures.percent(t.amount(), budget);
            compare("N05", t, "completion", written, rate, s, e, t.label() + what + "比例", t.label() + " completion of budget",
                    Figures.showPercent(rate) + "（" + Figures.show(t.amount()) + " ÷ " + Figures.show(budget) + "）",
                    Figures.show(written) + "%");
        }

        private void share(String baseText, BigDecimal written, int s, int e) {
            Topic t = current.topic();
            BigDecimal whole = base(baseText.replaceAll("\\s+", ""), t);
            if (t.amount() == null || whole == null || whole.signum() == 0) {
                return;
            }
            BigDecimal share = Figures.percent(t.amount(), whole);
            compare("N04", t, "share", written, share, s, e, t.label() + "所占比重", t.label() + " share",
                    Figures.showPercent(share) + "（" + Figures.show(t.amount()) + " ÷ " + Figures.show(whole) + "）",
                    Figures.show(written) + "%");
        }

        /** What a share is of: named in the sentence, else the topic's own base. */
        private BigDecimal base(String named, Topic t) {
            if (named.isEmpty()) {
                return t.shareBase();
            }
            for (Topic candidate : topics) {
                String id = candidate.id();
                if (named.startsWith("本年收入") && id.equals("income:total")
                        || named.startsWith("本年支出") && id.equals("expenditure:total")
                        || named.contains("项目支出总额") && id.equals("expenditure:project")
                        || named.contains("政府采购支出总额") && id.equals("procurement:total")
                        || named.contains("中小企业合同金额") && id.equals("procurement:sme")) {
                    return candidate.amount();
                }
            }
            return null;
        }

        private void count(String unit, String before, BigDecimal written, int s, int e) {
            Topic t = current.topic();
            Integer truth = switch (unit) {
                case "人次" -> t.persons();
                case "辆", "台", "台（套）" -> t.count();
                default -> before.endsWith("团组") ? t.groups() : t.id().equals("projects") && before.contains("项目") ? t.count() : null;
            };
            if (truth == null) {
                return;
            }
            compared++;
            if (written.compareTo(BigDecimal.valueOf(truth)) != 0) {
                add("N06", Severity.ERROR, t, "count:" + unit, s, e,
                        "“" + sentence(s) + "”：" + t.label() + "的数量按数据为 " + truth + " " + unit + "，文中为 " + Figures.show(written) + " " + unit,
                        "\"" + sentence(s) + "\": " + t.label() + " counts " + truth + " " + unit + " in the data; the text says "
                                + Figures.show(written), String.valueOf(truth), Figures.show(written));
            }
        }

        private void comparison(String word, String against, int s, int e) {
            Topic t = current.topic();
            BigDecimal budget = against.startsWith("年初") ? t.initial() : t.budget() != null ? t.budget() : t.initial();
            if (t.amount() == null || budget == null) {
                return;
            }
            compared++;
            int cmp = t.amount().compareTo(budget);
            String right = cmp > 0 ? "大于" : cmp < 0 ? "小于" : "等于";
            boolean ok = word.startsWith(right) || (cmp == 0 && word.startsWith("持平"));
            if (!ok) {
                add("W02", Severity.ERROR, t, "comparison", s, e,
                        "“" + sentence(s) + "”：" + t.label() + "决算数 " + Figures.show(t.amount()) + " 万元" + right + against + " "
                                + Figures.show(budget) + " 万元，文中写作“" + word + "”",
                        "\"" + sentence(s) + "\": " + t.label() + "'s actual " + Figures.show(t.amount()) + " is "
                                + (cmp > 0 ? "above" : cmp < 0 ? "below" : "equal to") + " the budget " + Figures.show(budget)
                                + "; the text says \"" + word + "\"", right, word);
            }
            if (cmp != 0 && !reasonFollows(e)) {
                add("W03", Severity.WARNING, t, "reason", s, e,
                        "“" + sentence(s) + "”：说明了决算数与预算数的差异，但未说明主要原因",
                        "\"" + sentence(s) + "\": a variance is stated without its main reason", "主要原因", null);
            }
        }

        private boolean reasonFollows(int from) {
            String rest = text.substring(from);
            int at = rest.indexOf("原因");
            if (at < 0 || at > 12) {
                return false;
            }
            String after = rest.substring(at + 2).replaceFirst("^[是为：:\\s]+", "");
            return after.replaceAll("[，。；、\\s]", "").length() >= 4;
        }

        private void checkNames(Mention m) {
            AccountLine item = m.item();
            String[] stored = new String[3];
            stored[2] = item.name();
            Optional<AccountLine> section = data.functional(item.parentCode());
            stored[1] = section.map(AccountLine::name).orElse(null);
            stored[0] = section.flatMap(s -> data.functional(s.parentCode())).map(AccountLine::name).orElse(null);
            String[] levels = {"类", "款", "项"};
            for (int i = 0; i < 3; i++) {
                if (stored[i] != null && !sameName(m.names()[i], stored[i])) {
                    int s = m.start();
                    add("N07", Severity.WARNING, m.topic(), "name:" + levels[i], s, m.end(),
                            "“" + text.substring(m.start(), m.end()) + "”：" + levels[i] + "级科目名称“" + m.names()[i] + "”与科目表“"
                                    + stored[i] + "”不一致（" + item.code() + "）",
                            "\"" + text.substring(m.start(), m.end()) + "\": the " + levels[i] + " name \"" + m.names()[i]
                                    + "\" differs from the account table's \"" + stored[i] + "\" (" + item.code() + ")",
                            stored[i], m.names()[i]);
                }
            }
        }

        /** "本单位当年无政府性基金…" must agree with the data (W05). */
        private void noneStatements() {
            Matcher m = NONE_STATEMENT.matcher(text);
            while (m.find()) {
                boolean fund = m.group(1).startsWith("政府性基金");
                BigDecimal income = data.income(fund ? "government_fund_budget_appropriation" : "state_capital_budget_appropriation")
                        .map(i -> i.amount()).orElse(BigDecimal.ZERO);
                BigDecimal spent = data.functionalTotal(fund ? AccountLine::governmentFund : AccountLine::stateCapital);
                BigDecimal total = income.add(spent == null ? BigDecimal.ZERO : spent);
                compared++;
                if (total.signum() != 0) {
                    add("W05", Severity.ERROR, null, "none", m.start(), m.end(),
                            "“" + sentence(m.start()) + "”：文中称无" + m.group(1) + "收支，但数据中收入 " + Figures.show(income)
                                    + " 万元、支出 " + Figures.show(spent == null ? BigDecimal.ZERO : spent) + " 万元",
                            "\"" + sentence(m.start()) + "\": the text says there is no " + (fund ? "government fund" : "state capital")
                                    + " appropriation, but the data hold some", "有", "无");
                }
            }
        }

        private void residue() {
            Matcher m = RESIDUE.matcher(text);
            while (m.find()) {
                add("W04", Severity.WARNING, null, "residue", m.start(), m.end(),
                        "“" + sentence(m.start()) + "”：含模板残留“" + m.group() + "”", "\"" + sentence(m.start())
                                + "\": template residue \"" + m.group() + "\"", null, m.group());
            }
            m = LONG_PERCENT.matcher(text);
            while (m.find()) {
                add("W07", Severity.WARNING, null, "precision", m.start(), m.end(),
                        "“" + sentence(m.start()) + "”：百分比“" + m.group() + "”超过两位小数", "\"" + sentence(m.start())
                                + "\": the percentage " + m.group() + " has more than two decimals", null, m.group());
            }
            m = REPEAT.matcher(text);
            while (m.find()) {
                add("W06", Severity.WARNING, null, "repeat", m.start(), m.end(),
                        "“" + sentence(m.start()) + "”：疑似重复用字“" + m.group() + "”",
                        "\"" + sentence(m.start()) + "\": repeated characters \"" + m.group() + "\"", null, m.group());
            }
        }

        // --- helpers

        private void compare(String rule, Topic t, String field, BigDecimal written, BigDecimal truth, int s, int e,
                             String whatZh, String whatEn, String expected, String found) {
            compared++;
            Figures.Match match = Figures.compare(written, truth);
            if (match == Figures.Match.EQUAL) {
                return;
            }
            boolean rounding = match == Figures.Match.ROUNDING;
            add(rule, rounding ? Severity.ROUNDING : Severity.ERROR, t, field, s, e,
                    "“" + sentence(s) + "”中“" + text.substring(s, e).trim() + "”：" + whatZh + "按数据应为 " + expected
                            + (rounding ? "，文中为 " + found + "，属舍入差异（应四舍五入）" : "，文中为 " + found),
                    "\"" + sentence(s) + "\": " + whatEn + " should be " + expected.replaceAll("[（）]", " ").trim() + "; the text says "
                            + found + (rounding ? " (a rounding difference)" : ""),
                    expected, found);
        }

        private void add(String rule, Severity severity, Topic t, String field, int s, int e, String zh, String en,
                         String expected, String found) {
            List<Subject> subjects = new ArrayList<>();
            subjects.add(Subject.text(document, base + s, e - s));
            if (t != null && t.table() != null) {
                subjects.add(Subject.line(t.table(), t.id(), field));
            }
            findings.add(new Finding(rule, severity, zh, en, subjects, expected, found));
        }

        private String sentence(int at) {
            int start = at;
            while (start > 0 && "。；\n".indexOf(text.charAt(start - 1)) < 0) {
                start--;
            }
            int end = at;
            while (end < text.length() && "。；\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String s = text.substring(start, end).trim();
            return s.length() > 80 ? s.substring(0, 77) + "…" : s;
        }
    }

    private enum Kind {
        AMOUNT("amount"), BUDGET("budget"), INITIAL("initialBudget");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    /** The 项 line a "X（类）Y（款）Z（项）" path names: by 项 name, narrowed by 款 and 类 when several match. */
    private Optional<AccountLine> resolveItem(String[] names) {
        List<AccountLine> items = data.functional().stream().filter(a -> a.level() == 3).toList();
        List<AccountLine> exact = items.stream().filter(a -> sameName(names[2], a.name())).toList();
        List<AccountLine> candidates = exact.isEmpty()
                ? items.stream().filter(a -> a.name().contains(clean(names[2])) || clean(names[2]).contains(a.name())).toList()
                : exact;
        if (candidates.size() > 1) {
            List<AccountLine> narrowed = candidates.stream().filter(a -> data.functional(a.parentCode())
                    .map(p -> sameName(names[1], p.name())).orElse(false)).toList();
            if (!narrowed.isEmpty()) {
                candidates = narrowed;
            }
        }
        if (candidates.size() > 1) {
            List<AccountLine> narrowed = candidates.stream().filter(a -> a.code().length() == 7
                    && data.functional(a.code().substring(0, 3)).map(c -> sameName(names[0], c.name())).orElse(false)).toList();
            if (!narrowed.isEmpty()) {
                candidates = narrowed;
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean sameName(String written, String stored) {
        return clean(written).equals(clean(stored));
    }

    private static String clean(String name) {
        return name.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(s -> start < s[1] && s[0] < end);
    }
}
