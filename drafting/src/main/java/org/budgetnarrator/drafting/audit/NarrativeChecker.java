package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.text.OneScript;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds a narrative's numeric claims — amounts, changes, rates, shares, completion percentages, counts —
 * ties each to what it speaks of (the nearest topic before it in the paragraph) and compares it with the
 * data, at the precision it is written in. Also checks the words that carry numbers' meaning: 增加/减少,
 * 大于/小于, that a variance sentence gives its reason, and template residue.
 *
 * <p>A claim whose topic has no figure in the data is not checked: the checker never guesses. Nor is a figure
 * longer than {@value #MAX_FIGURE} characters: no figure of the accounts needs as many, and reading one takes
 * time that grows with the square of its length.
 *
 * <p>Every step takes time linear in the text's length (the claims are found by {@link NarrativeText}), and a
 * {@link Deadline} stops a check that runs past its time limit.
 */
public final class NarrativeChecker {

    /** The longest figure read as a claim, in characters (digits, separators and point). */
    static final int MAX_FIGURE = 40;
    private static final Pattern COMPARISON = Pattern.compile("决算数\\s*(大于|小于|等于|持平于?)\\s*(年初预算数|全年预算数|预算数)");
    private static final Pattern RESIDUE = Pattern.compile(
            "(?:增加|减少|增长|下降)[（(](?:增加|减少|增长|下降)[）)]|增加持平|减少持平|增长持平|XX|xxx|××|待填写|请填写|待补充|TODO|TBD"
                    + "|部门[（(]单位[）)]"
                    + "|\\{[^}]{1,20}}|[（(\\[]待[）)\\]]|[（(\\[]略[）)\\]]|……");
    private static final Pattern NONE_STATEMENT = Pattern.compile("(?:本单位|本部门)(?:当年|本年|\\d{4}\\s*年度?)?无(政府性基金预算财政拨款|国有资本经营预算财政拨款)");
    private static final Pattern FLAT = Pattern.compile("(?<![增加减少长])(?:与上年|较上年|比上年)?持平");
    /**
     * A character or a two-character word written twice: the few single characters that are never doubled in official
     * prose (为为, 的的 …), and any doubled two-character word (其中其中, 邀请邀请, 年度年度), which official prose never
     * repeats (its reduplicated forms are of single characters: 常常, 逐步逐步 is not one).
     */
    private static final Pattern REPEAT = Pattern.compile("为为|的的|是是|了了|和和|在在|([\\u4e00-\\u9fff]{2})\\1");
    /** A heading's number at a paragraph's start, left out when paragraphs are compared. */
    static final Pattern NUMBERING = Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[、.．])");
    /** The figures a sentence states for N09: its initial budget, its full-year budget and its actual. */
    static final Pattern STATED_INITIAL = Pattern.compile("年初预算(?:数)?为\\s*(\\d+(?:\\.\\d+)?)\\s*万元");
    private static final Pattern STATED_ADJUSTED = Pattern.compile("(?:全年|调整)预算(?:数)?为\\s*(\\d+(?:\\.\\d+)?)\\s*万元");
    static final Pattern STATED_ACTUAL = Pattern.compile("决算(?:数)?为\\s*(\\d+(?:\\.\\d+)?)\\s*万元");
    /** W10: a rate written without its percent sign ("增长 13.95。"). */
    private static final Pattern NO_PERCENT = Pattern.compile("(?:增长|下降|提高|降低|上升)了?\\s*\\d+\\.\\d+\\s*(?=[。，；）)]|$)");
    /** W11: slips of the pen the reports show: 上一度 for 上一年度. */
    private static final Pattern SLIP = Pattern.compile("上一度(?!量)");
    /** W12: an amount whose unit lost its 元 ("0.39 万（含…"). */
    private static final Pattern CUT_UNIT = Pattern.compile("\\d\\s*万(?![元人台册户亩辆个份件次套余多左])");
    /** The shortest paragraph and sentence whose repetition is reported as copied text. */
    private static final int COPIED_PARAGRAPH = 20;
    private static final int COPIED_SENTENCE = 30;
    /** The longest clause read before a figure: far longer than any clause of real prose. */
    private static final int CLAUSE = 120;
    private static final Pattern UP = Pattern.compile("(增加|增长|上升|提高)$");
    private static final Pattern DOWN = Pattern.compile("(减少|下降|降低)$");

    /** What a path whose item the account table does not hold stands for: claims after it are not tied to any topic. */
    private static final Topic UNKNOWN_PATH = Topic.blocker("unknown", "x");
    /**
     * The words a clause may hold besides its figure and still speak of the topic named before it: connectives, the verbs
     * of change, comparison and completion, years. Anything else names something of its own.
     */
    private static final Pattern CONNECTIVES = Pattern.compile("\\d{4}\\s*年度?|[\\d.,%％\\s]|其中|主要|分别|共计|合计|总计|"
            + "增加了?|减少了?|增长了?|下降了?|上升了?|降低了?|提高了?|持平|较上年度?|比上年度?|较上一年度?|同比|与上年度?相比|上年度?|相比|"
            + "决算数?|年初预算数?|全年预算数?|调整预算数?|预算数?|支出决算|完成|执行率?|占比?|比重|资金|金额|经费|数额|"
            + "[为是共计较比与了的约达到元万亿个项]");
    /** Words before a figure that make it an indicator's value, not an amount of the accounts. */
    private static final Pattern INDICATOR_VALUE = Pattern.compile("指标值|目标值|完成值|指标为|目标为|标准为|[≥≤＞＜><]");
    /** The names of the three budgets that fund spending: "预算" in them does not make a figure a budget. */
    /** What joins the figures of a run: "A 万元和 B 万元", "A%、B%". */
    private static final Pattern JOIN = Pattern.compile("\\s*[和及与、]\\s*");
    private static final Pattern FUNDS = Pattern.compile("一般公共预算|政府性基金预算|国有资本经营预算");
    /** Whether the report states its amounts in 元 (its figures before 元 are then amounts). */
    private final boolean yuan;
    /** A statement of use, up to the end of its sentence: "主要用于：…。". */
    /**
     * "由中小企业供应商中标或成交的，采购金额 X 万元": contracts won by SMEs in one group of projects (those reserved for
     * SMEs, the others). 小微 awards are a part of the SME ones and are not counted again.
     */
    private static final Pattern SME_AWARD = Pattern.compile(
            "由中小企业(?:供应商)?中标或成交的?[，,]?\\s*(?:采购|合同)?金额(?:为)?\\s*(\\d+(?:\\.\\d+)?)\\s*万元");
    /**
     * Last year's figure of a total is at least last year's figure of each of its parts, by the tables' identities: a
     * 总计 is the year's income (or spending) plus a carry-over that is never negative, and 本年收入/支出合计 hold the
     * appropriations and the general budget's spending. A text that says a total was flat (or moved by X) while the
     * change it states for a part puts last year's part above that is wrong in one of the two places.
     */
    private static final Map<String, List<String>> PREVIOUS_AT_LEAST;

    static {
        List<String> fiscal = List.of("income:appropriation", "expenditure:generalBudget", "expenditure:governmentFund",
                "expenditure:stateCapital");
        List<String> all = List.of("income:total", "expenditure:total", "expenditure:basic", "expenditure:project",
                "income:appropriation", "expenditure:generalBudget");
        PREVIOUS_AT_LEAST = Map.of("total:fiscal", fiscal, "total:fiscalIncome", fiscal, "total:fiscalExpenditure", fiscal,
                "total", all, "total:income", all, "income:total", List.of("income:appropriation"),
                "expenditure:total", List.of("expenditure:basic", "expenditure:project", "expenditure:generalBudget"));
    }

    /** "人员经费 X 万元，主要包括：基本工资、津贴补贴、…；": the economic items a basic-spending total is said to consist of. */
    private static final Pattern CONSISTS_OF = Pattern.compile("(人员经费|公用经费|机关运行经费)[^。；]{0,30}?主要包括[:：]([^。；]{1,600})");

    private static final Pattern USE = Pattern.compile("主要用于[:：]([^。；]{0,200})[。；]?");

    /** Two printed figures' rounding, in the report's unit. */
    private static final BigDecimal LAST_YEAR_SLACK = new BigDecimal("0.02");

    private final YearData data;
    private final List<Topic> topics;
    private final Deadline deadline;
    private int compared;

    public NarrativeChecker(YearData data) {
        this(data, Deadline.none());
    }

    /** A checker that stops with {@link Deadline.ExceededException} once the deadline has passed. */
    public NarrativeChecker(YearData data, Deadline deadline) {
        this.data = data;
        this.topics = new Lexicon(data).topics();
        this.yuan = "元".equals(data.year().moneyUnit());
        this.deadline = deadline;
    }

    /** How many claims have been compared with the data so far (each a figure the data hold). */
    public int claimsCompared() {
        return compared;
    }

    /** Checks a text; {@code document} names it in the findings' subjects (a stored document kind, or "draft"). */
    public List<Finding> check(String document, String written) {
        // Traditional characters and full-width figures read as the simplified claim, character for character, so the
        // findings' offsets stay those of the text as written.
        String text = OneScript.of(written);
        List<Finding> findings = new ArrayList<>();
        String[] paragraphs = text.split("\n", -1);
        int[] starts = new int[paragraphs.length];
        for (int p = 1; p < paragraphs.length; p++) {
            starts[p] = starts[p - 1] + paragraphs[p - 1].length() + 1;
        }
        List<List<Mention>> named = named(text, paragraphs, starts);
        LastYear lastYear = new LastYear();
        for (int p = 0; p < paragraphs.length; p++) {
            deadline.check();
            new Paragraph(document, paragraphs[p], starts[p], findings, named.get(p), lastYear).run();
        }
        lastYear.pending.forEach(Runnable::run);
        WholeText whole = new WholeText(data, deadline);
        whole.check(document, text, findings);
        compared += whole.compared();
        copied(document, paragraphs, starts, findings);
        return findings;
    }

    /** W21: the document's title checked for the year it names (the body is checked by {@link #check}). */
    public List<Finding> checkTitle(String document, String title) {
        return new WholeText(data, deadline).title(document, title == null ? null : OneScript.of(title));
    }

    /**
     * W09: a paragraph, or a long sentence, written again further on: a reason copied from one line to another, or a
     * paragraph pasted under the wrong heading. Worth an officer's look, not an error: some repetition is deliberate.
     */
    private void copied(String document, String[] paragraphs, int[] starts, List<Finding> findings) {
        Map<String, Integer> seenParagraphs = new HashMap<>();
        Map<String, Integer> seenSentences = new HashMap<>();
        for (int p = 0; p < paragraphs.length; p++) {
            String body = NUMBERING.matcher(paragraphs[p].strip()).replaceFirst("").replaceAll("\\s+", "");
            if (body.length() >= COPIED_PARAGRAPH) {
                Integer earlier = seenParagraphs.putIfAbsent(body, p);
                if (earlier != null) {
                    findings.add(new Finding("W09", Severity.WARNING, "第" + (p + 1) + "段与第" + (earlier + 1) + "段相同，疑为复制：“"
                            + shorten(body) + "”", "Paragraph " + (p + 1) + " repeats paragraph " + (earlier + 1) + ": copied text",
                            List.of(Subject.text(document, starts[p], paragraphs[p].length())), null, shorten(body)));
                    continue;
                }
            }
            int at = 0;
            for (String sentence : paragraphs[p].split("(?<=[。；])")) {
                // "主要原因：" may end a line of its own (a paragraph break before the reason): the reason is the sentence
                String key = REASON_LABEL.matcher(NUMBERING.matcher(sentence.strip()).replaceFirst("").replaceAll("\\s+", ""))
                        .replaceFirst("");
                if (key.length() >= COPIED_SENTENCE && seenSentences.putIfAbsent(key, p) != null && seenSentences.get(key) != p) {
                    findings.add(new Finding("W09", Severity.WARNING, "第" + (p + 1) + "段的句子与第" + (seenSentences.get(key) + 1)
                            + "段相同，疑为复制：“" + shorten(key) + "”", "A sentence of paragraph " + (p + 1) + " repeats one of paragraph "
                            + (seenSentences.get(key) + 1) + ": copied text",
                            List.of(Subject.text(document, starts[p] + at, sentence.length())), null, shorten(key)));
                }
                at += sentence.length();
            }
        }
    }

    private static final Pattern REASON_LABEL = Pattern.compile("^(?:主要)?原因(?:是|为)?[：:]");

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /**
     * The topics each paragraph names, in the order of the topics and then of the text, as matching each
     * paragraph alone finds them. Each topic's phrase is matched over the whole text once (matching it
     * again in every paragraph would cost a matcher per topic and paragraph); where a match runs over a line
     * break, that paragraph is matched alone, and the whole text from the next paragraph on.
     */
    private List<List<Mention>> named(String text, String[] paragraphs, int[] starts) {
        List<List<Mention>> named = new ArrayList<>(paragraphs.length);
        for (int p = 0; p < paragraphs.length; p++) {
            named.add(List.of());
        }
        for (Topic topic : topics) {
            deadline.check();
            List<Named> found = new ArrayList<>();
            Matcher m = topic.phrase().matcher(text);
            int p = 0;
            while (m.find()) {
                while (p + 1 < paragraphs.length && starts[p + 1] <= m.start()) {
                    p++;
                }
                int start = starts[p];
                if (m.end() <= start + paragraphs[p].length()) {
                    if (m.end() > m.start()) {
                        found.add(new Named(p, new Mention(m.start() - start, m.end() - start, topic, null, null)));
                    }
                    continue;
                }
                while (!found.isEmpty() && found.get(found.size() - 1).paragraph() == p) {
                    found.remove(found.size() - 1);
                }
                Matcher alone = topic.phrase().matcher(paragraphs[p]);
                while (alone.find()) {
                    if (alone.end() > alone.start()) {
                        found.add(new Named(p, new Mention(alone.start(), alone.end(), topic, null, null)));
                    }
                }
                if (p + 1 >= paragraphs.length) {
                    break;
                }
                m.region(starts[p + 1], text.length());
            }
            for (Named n : found) {
                if (named.get(n.paragraph()).isEmpty()) {
                    named.set(n.paragraph(), new ArrayList<>());
                }
                named.get(n.paragraph()).add(n.mention());
            }
        }
        return named;
    }

    private record Mention(int start, int end, Topic topic, AccountLine item, String[] names) {
    }

    /** A topic named in a paragraph, by the paragraph's index. */
    private record Named(int paragraph, Mention mention) {
    }

    /**
     * Last year's figures the text implies where the data hold none ("一般公共预算财政拨款支出 A 万元，…减少 W 万元" puts it at
     * A + W), and the claims to hold against them once the whole text is read: a claim may come before the part it is
     * bounded by (财政局 2024 says its 财政拨款收支总计 was flat in 四, then in 五 that its general-budget spending fell).
     */
    private static final class LastYear {
        final Map<String, Implied> implied = new HashMap<>();
        final List<Runnable> pending = new ArrayList<>();
    }

    /** Last year's figure of a topic as implied by this year's and a stated change (or by "持平"). */
    private record Implied(BigDecimal previous, BigDecimal amount, String change) {
    }

    private Topic topic(String id) {
        for (Topic t : topics) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /**
     * A claim in the text and its check. {@code ownClause}: an amount or a rate, which speaks of the topic before it only
     * while its clause names nothing else (see {@code bound}); the other claims (shares, counts, comparisons) carry words
     * of their own and bind to the topic before them. {@code member} of {@code members}: the claim's place in a run of
     * figures joined by 和 or 、 ("各减少 A 万元和 B 万元"), each of which speaks of its own topic, in the order named.
     */
    private record Claim(int start, int end, Runnable check, boolean ownClause, int member, int members) {

        Claim(int start, int end, Runnable check) {
            this(start, end, check, false, 0, 1);
        }
    }

    /** An amount or a percentage with the words before it, as a run of figures shares them. */
    private record Written(int start, int end, BigDecimal value, String unit, String before, boolean percent) {
    }

    /** One paragraph: the topic of a claim is the nearest one before it here. */
    private final class Paragraph {
        private final String document;
        private final String text;
        private final int base;
        private final List<Finding> findings;
        private final List<Mention> named;
        private final NarrativeText scan;
        private final Map<Integer, String> sentences = new HashMap<>();
        private int[] stops;
        private Mention current;
        /**
         * The text with the funds' names masked, for the words before a figure: "一般公共预算财政拨款基本支出 X 万元" is
         * spending of the general budget, not a budget, though "预算" stands before it.
         */
        private final String masked;

        private final LastYear lastYear;

        Paragraph(String document, String text, int base, List<Finding> findings, List<Mention> named, LastYear lastYear) {
            this.document = document;
            this.lastYear = lastYear;
            this.text = text;
            this.masked = FUNDS.matcher(text).replaceAll(m -> m.group().replace("预算", "＿＿"));
            this.base = base;
            this.findings = findings;
            this.named = named;
            this.scan = new NarrativeText(text, deadline, yuan);
        }

        void run() {
            residue();
            noneStatements();
            smeAwards();
            listedItems();
            Spans shares = new Spans(scan.shares().stream().map(f -> new NarrativeText.Span(f.start(), f.end())).toList());
            // A bracketed note (a draft's 【待补充：…】 gap) states what is missing, not a claim about the data.
            Spans notes = new Spans(scan.notes());
            // "主要用于：行政单位退休人员支出。" says what the money paid for: the things it names are not what the next
            // figure is of (a 项 line's "年初预算为…" belongs to the line, not to the 项目支出 its use mentions).
            Spans uses = new Spans(uses());
            List<Mention> mentions = mentions(shares, notes, uses);
            List<Claim> claims = claims().stream().filter(c -> !notes.overlaps(c.start(), c.end())).toList();
            // Walk topics and claims in text order: each claim is checked against the latest topic.
            List<Object> events = new ArrayList<>();
            events.addAll(mentions);
            events.addAll(claims);
            events.sort(Comparator.comparingInt(e -> e instanceof Mention m ? m.start() : ((Claim) e).start()));
            int steps = 0;
            // The topics named so far, each once, in the order last named: a run of k figures speaks of the last k.
            List<Mention> recent = new ArrayList<>();
            for (Object event : events) {
                if (++steps % 256 == 0) {
                    deadline.check();
                }
                if (event instanceof Mention m) {
                    current = m;
                    if (m.topic() != UNKNOWN_PATH) {
                        recent.removeIf(r -> r.topic().id().equals(m.topic().id()));
                        recent.add(m);
                    }
                    if (m.item() != null) {
                        checkNames(m);
                        useKind(m);
                    }
                } else if (event instanceof Claim c && c.members() > 1 && recent.size() >= c.members()) {
                    // "收入合计和支出合计各减少 A 万元和 B 万元": A is the first topic's, B the second's.
                    Mention latest = current;
                    current = recent.get(recent.size() - c.members() + c.member());
                    c.check().run();
                    current = latest;
                } else if (current != null && bound((Claim) event)) {
                    ((Claim) event).check().run();
                }
            }
        }

        /**
         * Whether a claim speaks of the current topic. A topic named in the claim's own clause does; one named in an earlier
         * clause does only while the claim's clause names nothing else ("收入总计 X 万元，增加 Y 万元" — but not "其中，年初财政拨
         * 款结转和结余 Y 万元", which speaks of something the topics do not know): such a claim is left unchecked rather than
         * compared with the wrong figure.
         */
        private boolean bound(Claim claim) {
            if (!claim.ownClause()) {
                return true;
            }
            int clause = clauseStart(claim.start());
            if (current.start() >= clause) {
                return true;
            }
            String words = CONNECTIVES.matcher(masked.substring(clause, claim.start())).replaceAll("");
            return words.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count() < 2;
        }

        /** Where the clause of a position begins; a clause is read back at most {@value #CLAUSE} characters (checks stay linear). */
        private int clauseStart(int position) {
            int limit = Math.max(0, position - CLAUSE);
            for (int i = position - 1; i >= limit; i--) {
                char c = text.charAt(i);
                if (c == '，' || c == ',' || c == '；' || c == ';' || c == '。' || c == '：' || c == ':') {
                    return i + 1;
                }
            }
            return limit;
        }

        private List<NarrativeText.Span> uses() {
            List<NarrativeText.Span> out = new ArrayList<>();
            Matcher m = USE.matcher(text);
            while (m.find()) {
                if (m.group(1).chars().noneMatch(Character::isDigit)) {
                    out.add(new NarrativeText.Span(m.start(), m.end()));
                }
            }
            return out;
        }

        private List<Mention> mentions(Spans shares, Spans notes, Spans uses) {
            List<Mention> all = new ArrayList<>();
            for (NarrativeText.Path path : scan.paths()) {
                deadline.check();
                String[] names = {name(path.classification()), name(path.section()), name(path.item())};
                Optional<AccountLine> item = resolveItem(names, statedActual(path.end()));
                if (item.isPresent()) {
                    AccountLine line = item.get();
                    Topic topic = Topic.of("account:" + line.code(), "一般公共预算财政拨款支出决算表", line.name(), "")
                            .amount(Lexicon.generalBudgetActual(line)).initial(line.initialBudget()).budget(line.adjustedBudget())
                            .expectedName(line.name()).build();
                    all.add(new Mention(path.start(), path.end(), topic, line, names));
                } else {
                    all.add(new Mention(path.start(), path.end(), UNKNOWN_PATH, null, null));
                }
            }
            all.addAll(named);
            // Longest first at each place; a mention inside another, or inside a share's base, is dropped.
            all.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start())));
            List<Mention> kept = new ArrayList<>();
            // The kept mentions do not overlap and come in text order: a later one overlaps one of them exactly
            // when it starts before the last one ends.
            int keptEnd = Integer.MIN_VALUE;
            for (Mention m : all) {
                boolean inside = m.start() < keptEnd || shares.contains(m.start(), m.end()) || notes.contains(m.start(), m.end())
                        || uses.contains(m.start(), m.end());
                if (!inside) {
                    kept.add(m);
                    keptEnd = m.end();
                }
            }
            return kept;
        }

        private List<Claim> claims() {
            List<Claim> claims = new ArrayList<>();
            List<NarrativeText.Span> shareFigures = new ArrayList<>();
            for (NarrativeText.Figure f : scan.shares()) {
                int s = f.start(), e = f.end();
                String baseText = f.word();
                shareFigures.add(new NarrativeText.Span(f.numberStart(), e));
                if (readable(f)) {
                    BigDecimal written = number(f);
                    claims.add(new Claim(s, e, () -> share(baseText, written, s, e)));
                }
            }
            List<NarrativeText.Span> bareFigures = new ArrayList<>();
            for (NarrativeText.Figure f : scan.bare()) {
                int s = f.numberStart(), e = f.numberEnd();
                String keyword = f.word();
                bareFigures.add(new NarrativeText.Span(s, e));
                if (readable(f)) {
                    BigDecimal written = number(f);
                    claims.add(new Claim(s, e, () -> amount(keyword.startsWith("预算数") ? Kind.BUDGET : Kind.AMOUNT, written, s, e)));
                }
            }
            Spans takenByShares = new Spans(shareFigures);
            Spans takenByBare = new Spans(bareFigures);
            List<Written> figures = new ArrayList<>();
            for (NarrativeText.Figure f : scan.percents()) {
                if (takenByShares.overlaps(f.start(), f.end()) || takenByBare.overlaps(f.start(), f.end()) || !readable(f)) {
                    continue;
                }
                figures.add(new Written(f.start(), f.end(), number(f), "%", before(f.start(), 14), true));
            }
            for (NarrativeText.Figure f : scan.amounts()) {
                if (takenByShares.overlaps(f.start(), f.end()) || takenByBare.overlaps(f.start(), f.end())
                        || before(f.start(), 4).endsWith("单位价值") || !readable(f)) {
                    continue;
                }
                figures.add(new Written(f.start(), f.end(), number(f), "万元", before(f.start(), 12), false));
            }
            figures.sort(Comparator.comparingInt(Written::start));
            for (List<Written> run : runs(figures)) {
                // "各减少 A 万元和 B 万元，下降 x% 和 y%": every figure of a run has the words before its first.
                String before = run.get(0).before();
                for (int i = 0; i < run.size(); i++) {
                    Written w = run.get(i);
                    int s = w.start(), e = w.end();
                    BigDecimal written = w.value();
                    Runnable check = w.percent() ? () -> percent(before, written, s, e) : () -> amountWithKeyword(before, written, s, e);
                    claims.add(new Claim(s, e, check, true, i, run.size()));
                }
            }
            for (NarrativeText.Figure f : scan.counts()) {
                if (!readable(f)) {
                    continue;
                }
                int s = f.start(), e = f.end();
                BigDecimal written = number(f);
                String unit = f.word();
                String before = before(s, 6);
                claims.add(new Claim(s, e, () -> count(unit, before, written, s, e)));
            }
            deadline.check();
            Matcher m = FLAT.matcher(text);
            while (m.find()) {
                int s = m.start(), e = m.end();
                if (!text.substring(Math.max(0, s - 6), s).contains("决算数")) {
                    claims.add(new Claim(s, e, () -> flat(s, e)));
                }
            }
            deadline.check();
            m = COMPARISON.matcher(text);
            while (m.find()) {
                int s = m.start(), e = m.end();
                String word = m.group(1);
                String against = m.group(2);
                claims.add(new Claim(s, e, () -> comparison(word, against, s, e)));
            }
            return claims;
        }

        /**
         * Figures in runs: each figure joined to the one before it by 和, 及, 与 or 、 alone, in the same unit, is of that
         * one's run ("分别为 A 万元、B 万元和 C 万元"); any other figure is a run of its own.
         */
        private List<List<Written>> runs(List<Written> figures) {
            List<List<Written>> runs = new ArrayList<>();
            Written last = null;
            for (Written w : figures) {
                boolean joined = last != null && last.unit().equals(w.unit()) && last.end() <= w.start()
                        && JOIN.matcher(text.substring(last.end(), w.start())).matches();
                if (joined) {
                    runs.get(runs.size() - 1).add(w);
                } else {
                    runs.add(new ArrayList<>(List.of(w)));
                }
                last = w;
            }
            return runs;
        }

        /**
         * W17: a 项 whose use is said to be 基本支出 (or 项目支出) while the tables print all of its spending in the other
         * column: "主要用于：…等基本支出" on a line of project spending only (财政局 2024, 2010602).
         */
        private void useKind(Mention m) {
            Matcher use = USE.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 220));
            if (!use.find() || use.start() > m.end() + 3) {
                return;
            }
            String what = use.group(1).strip();
            boolean saysBasic = what.endsWith("基本支出");
            if (!saysBasic && !what.endsWith("项目支出")) {
                return;
            }
            String code = m.item().code();
            PublicTable table = data.tables().row(PublicTable.T05, code).isPresent() ? PublicTable.T05
                    : data.tables().row(PublicTable.T03, code).isPresent() ? PublicTable.T03 : null;
            if (table == null) {
                return;
            }
            BigDecimal said = Figures.first(data.tables().cell(table, code, saysBasic ? Column.BASIC : Column.PROJECT), BigDecimal.ZERO);
            BigDecimal other = Figures.first(data.tables().cell(table, code, saysBasic ? Column.PROJECT : Column.BASIC), BigDecimal.ZERO);
            compared++;
            if (said.signum() == 0 && other.signum() > 0) {
                String kind = saysBasic ? "基本支出" : "项目支出";
                String actual = saysBasic ? "项目支出" : "基本支出";
                add("W17", Severity.WARNING, m.topic(), "use", use.start(), use.end(),
                        "“" + sentence(use.start()) + "”：文中称用于" + kind + "，但" + table.number() + "中" + code + " " + m.item().name()
                                + "的支出全部为" + actual + "（" + Figures.show(other) + " 万元）",
                        "\"" + sentence(use.start()) + "\": the use is called " + (saysBasic ? "basic" : "project") + " spending, but "
                                + table.number() + " prints all of " + code + " as " + (saysBasic ? "project" : "basic") + " spending",
                        actual, kind);
            }
        }

        /** The "支出决算为 X 万元" a 项 path's own lines state, before the next path. */
        private BigDecimal statedActual(int from) {
            int to = Math.min(text.length(), from + 200);
            int next = text.indexOf("（项）", from);
            if (next >= 0 && next < to) {
                to = next;
            }
            Matcher m = STATED_ACTUAL.matcher(text).region(from, to);
            return m.find() ? new BigDecimal(m.group(1)) : null;
        }

        private String name(NarrativeText.Span span) {
            return text.substring(span.start(), span.end());
        }

        private boolean readable(NarrativeText.Figure f) {
            return f.numberEnd() - f.numberStart() <= MAX_FIGURE;
        }

        private BigDecimal number(NarrativeText.Figure f) {
            BigDecimal written = new BigDecimal(text.substring(f.numberStart(), f.numberEnd()).replace(",", ""));
            // An amount in 元 is compared in 万元, exactly, at the precision it was written (0.01 元 = 0.000001 万元).
            return "元".equals(f.word()) ? written.movePointLeft(4) : written;
        }

        private String before(int position, int length) {
            // The clause before a figure, not reaching back past the last comma or stop.
            int from = Math.max(0, position - length);
            String window = masked.substring(from, position);
            int cut = Math.max(Math.max(window.lastIndexOf('，'), window.lastIndexOf('。')), Math.max(window.lastIndexOf('；'),
                    window.lastIndexOf('：')));
            return (cut >= 0 ? window.substring(cut + 1) : window).replaceAll("\\s+", "");
        }

        // --- the checks

        private void amountWithKeyword(String before, BigDecimal written, int s, int e) {
            if (INDICATOR_VALUE.matcher(before).find()) {
                return; // an indicator's target or actual ("成本控制指标年度目标值为≤85 万元") is not the topic's amount
            }
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
            String clause = stripChangeTail(before);
            boolean saysUp = UP.matcher(clause).find();
            if (t.amount() != null && t.previous() == null && (saysUp || DOWN.matcher(clause).find())) {
                BigDecimal previous = saysUp ? t.amount().subtract(written) : t.amount().add(written);
                String stated = (saysUp ? "增加 " : "减少 ") + Figures.show(written) + " 万元";
                lastYear.implied.putIfAbsent(t.id(), new Implied(previous, t.amount(), stated));
                lastYear.pending.add(() -> atLeastItsParts(t, previous, "较上年" + stated, Figures.show(written), "N02", s, e));
            }
            if (t.amount() == null || t.previous() == null) {
                return;
            }
            BigDecimal change = t.amount().subtract(t.previous());
            compare("N02", t, "change", written, change.abs(), s, e, t.label() + "较上年变动额", t.label() + " change from last year",
                    Figures.show(change.abs()) + " 万元（" + Figures.show(t.amount()) + " − " + Figures.show(t.previous()) + "）",
                    Figures.show(written) + " 万元");
            direction(t, change, saysUp, s, e);
        }

        /** "持平" (no change from last year) where the data show a change. */
        private void flat(int s, int e) {
            Topic t = current.topic();
            if (t.amount() != null && t.previous() == null) {
                lastYear.pending.add(() -> atLeastItsParts(t, t.amount(), "与上年持平", "持平", "W01", s, e));
            }
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

        /**
         * A total's last-year figure as the text implies it, held against the largest of its parts' last-year figures (from
         * the data, else as the text implies them). Each implied figure rests on two printed ones, hence the 0.02 allowed.
         */
        private void atLeastItsParts(Topic t, BigDecimal impliedPrevious, String claimZh, String found, String rule, int s, int e) {
            Topic largest = null;
            BigDecimal bound = null;
            String source = null;
            for (String id : PREVIOUS_AT_LEAST.getOrDefault(t.id(), List.of())) {
                Topic part = topic(id);
                if (part == null) {
                    continue;
                }
                Implied implied = lastYear.implied.get(id);
                BigDecimal known = part.previous() != null ? part.previous() : implied == null ? null : implied.previous();
                if (known != null && (bound == null || known.compareTo(bound) > 0)) {
                    largest = part;
                    bound = known;
                    source = part.previous() != null ? "上年数据"
                            : "本年 " + Figures.show(implied.amount()) + " 万元，文中称较上年" + implied.change();
                }
            }
            compared++;
            if (bound == null || bound.subtract(impliedPrevious).compareTo(LAST_YEAR_SLACK) <= 0) {
                return;
            }
            add(rule, Severity.ERROR, t, "previous", s, e,
                    "“" + sentence(s) + "”：文中称" + t.label() + claimZh + "，即上年为 " + Figures.show(impliedPrevious) + " 万元；但上年"
                            + largest.label() + "为 " + Figures.show(bound) + " 万元（" + source + "），" + t.label()
                            + "上年不能少于此数，两处说法不能同时成立",
                    "\"" + sentence(s) + "\": the text puts last year's " + t.label() + " at " + Figures.show(impliedPrevious)
                            + ", below last year's " + largest.label() + " (" + Figures.show(bound) + "), one of its parts",
                    "≥ " + Figures.show(bound), found);
        }

        /**
         * N10: the SME awards a procurement paragraph states for each group of projects (reserved for SMEs, the others) add
         * up to the SMEs' total, which cannot exceed all procurement (社会工作部 2024 gives the reserved projects' 21.07
         * again for the others, against 21.07 procured in all).
         */
        private void smeAwards() {
            Matcher m = SME_AWARD.matcher(text);
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal total = Figures.first(data.tables().cell(PublicTable.PROCUREMENT, "total", Column.AMOUNT),
                    data.year().procurementTotal());
            while (m.find()) {
                BigDecimal written = new BigDecimal(m.group(1));
                BigDecimal before = sum;
                sum = sum.add(written);
                if (total == null) {
                    continue;
                }
                compared++;
                if (sum.subtract(total).compareTo(LAST_YEAR_SLACK) > 0) {
                    BigDecimal left = total.subtract(before).max(BigDecimal.ZERO);
                    add("N10", Severity.ERROR, null, "sme", m.start(1), m.end(1),
                            "“" + sentence(m.start()) + "”：各类项目中由中小企业中标或成交的采购金额合计 " + Figures.show(sum)
                                    + " 万元，超过政府采购金额 " + Figures.show(total) + " 万元；此处至多 " + Figures.show(left) + " 万元",
                            "\"" + sentence(m.start()) + "\": the SME awards stated add up to " + Figures.show(sum)
                                    + ", more than all procurement (" + Figures.show(total) + ")",
                            "≤ " + Figures.show(left), Figures.show(written));
                    return;
                }
            }
        }

        /**
         * W15: an item named among what 人员经费 or 公用经费 "主要包括" that 公开06 prints as 0.00 or leaves blank. The list
         * is the template's full list left unedited, or an item of another line (规划局 2024 names 奖金 and 奖励金, both 0.00).
         */
        private void listedItems() {
            List<PublishedRow> rows = data.tables().rows(PublicTable.T06);
            if (rows.isEmpty()) {
                return;
            }
            Matcher m = CONSISTS_OF.matcher(text);
            while (m.find()) {
                int at = m.start(2);
                for (String item : m.group(2).split("[、，,]")) {
                    String name = item.strip();
                    int s = text.indexOf(name, at);
                    at = s < 0 ? at : s + name.length();
                    if (name.isEmpty() || s < 0) {
                        continue;
                    }
                    PublishedRow row = null;
                    for (PublishedRow r : rows) {
                        if (r.isAccount() && r.name() != null && economicName(r.name()).equals(economicName(name))) {
                            row = r;
                            break;
                        }
                    }
                    if (row == null) {
                        continue;
                    }
                    compared++;
                    BigDecimal amount = row.cell(Column.AMOUNT);
                    if (amount == null || amount.signum() == 0) {
                        add("W15", Severity.WARNING, null, "item", s, s + name.length(),
                                "“" + sentence(s) + "”：“" + name + "”列为" + m.group(1) + "的主要内容，但基本支出决算明细表中"
                                        + row.key() + " " + row.name() + "为" + (amount == null ? "空" : " 0.00"),
                                "\"" + sentence(s) + "\": " + name + " is listed among " + m.group(1) + ", but 公开06 prints "
                                        + row.key() + (amount == null ? " blank" : " as 0.00"), null, name);
                    }
                }
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
                if (t.initial() == null) {
                    ownFigures(written, s, e);
                    return;
                }
                completion(t, t.initial(), "完成年初预算", written, s, e);
            } else if (clause.contains("完成全年预算") || clause.contains("完成预算") || clause.contains("执行率")) {
                completion(t, t.budget(), "完成预算", written, s, e);
            } else if (DOWN.matcher(clause).find() || UP.matcher(clause).find()) {
                Implied implied = lastYear.implied.get(t.id());
                BigDecimal previous = t.previous() != null ? t.previous() : implied == null ? null : implied.previous();
                if (t.amount() != null && previous != null && previous.signum() == 0) {
                    // A rate of change has last year's figure as its base: from zero there is none (a unit set up this
                    // year prints "增长 100.00%" by habit, which no division gives).
                    add("W14", Severity.WARNING, t, "yoyRate", s, e,
                            "“" + sentence(s) + "”：" + t.label() + "上年数为零，变动率无从计算，文中为 " + written.toPlainString()
                                    + "%；宜写明上年无此项收支（如本年新设）",
                            "\"" + sentence(s) + "\": last year's " + t.label() + " is zero, so no rate of change exists; the text says "
                                    + written.toPlainString() + "%", null, written.toPlainString() + "%");
                    return;
                }
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

        /**
         * N09: where the data hold no initial budget, "年初预算为 A 万元，…支出决算为 B 万元，完成年初预算的 C%" is checked
         * against the sentence's own figures: C = B ÷ A. A completion rate of an initial budget stated as zero cannot be
         * right (社会工作部 2024: 年初预算 0, 95.89% = 307.82 ÷ 321.02, the full-year budget's rate under the initial's name).
         */
        private void ownFigures(BigDecimal written, int s, int e) {
            int from = Math.max(0, Math.max(text.lastIndexOf('。', s - 1) + 1, s - 160));
            String sentence = text.substring(from, s);
            Matcher initial = STATED_INITIAL.matcher(sentence);
            Matcher actual = STATED_ACTUAL.matcher(sentence);
            if (!initial.find() || !actual.find()) {
                return;
            }
            BigDecimal a = new BigDecimal(initial.group(1));
            BigDecimal b = new BigDecimal(actual.group(1));
            Topic t = current.topic();
            if (a.signum() == 0) {
                Matcher adjusted = STATED_ADJUSTED.matcher(sentence);
                rateOfZeroBudget(t, "完成年初预算", written, b, adjusted.find() ? new BigDecimal(adjusted.group(1)) : null, s, e);
                return;
            }
            BigDecimal rate = Figures.percent(b, a);
            compare("N09", t, "completion", written, rate, s, e, "完成年初预算比例（按文中数字）", "completion of the stated initial budget",
                    Figures.showPercent(rate) + "（" + Figures.show(b) + " ÷ " + Figures.show(a) + "）", Figures.show(written) + "%");
        }

        /**
         * N09: a completion rate other than zero "of" a budget that is zero (stated in the sentence, or held in the data)
         * cannot be; where it is the full-year budget's rate (actual ÷ full), the message says so.
         */
        private void rateOfZeroBudget(Topic t, String what, BigDecimal written, BigDecimal actual, BigDecimal full, int s, int e) {
            BigDecimal onFull = full == null || full.signum() == 0 ? null : Figures.percent(actual, full);
            boolean fullBasis = onFull != null && Figures.compare(written, onFull) != Figures.Match.DIFFERENT;
            add("N09", Severity.ERROR, t, "completion", s, e,
                    "“" + sentence(s) + "”：预算数为 0，“" + what + "的 " + Figures.show(written) + "%”无从计算"
                            + (fullBasis ? "；该比例为支出决算 ÷ 全年预算（" + Figures.show(actual) + " ÷ " + Figures.show(full)
                            + "），口径应为“完成全年预算”" : ""),
                    "\"" + sentence(s) + "\": the budget is zero, so no completion rate of it can be stated"
                            + (fullBasis ? "; the rate is the full-year budget's" : ""), null, Figures.show(written) + "%");
        }

        private void completion(Topic t, BigDecimal budget, String what, BigDecimal written, int s, int e) {
            // A rate other than zero "of" a zero budget is another budget's rate under its name: 社会工作部 2024 states
            // 完成年初预算的 95.89% with a 年初预算 of 0, the 全年预算's rate (307.82 ÷ 321.02).
            if (t.amount() != null && budget != null && budget.signum() == 0 && written.signum() != 0) {
                rateOfZeroBudget(t, what, written, t.amount(), what.equals("完成预算") ? null : t.budget(), s, e);
                return;
            }
            // With no budget a completion rate cannot be stated, whatever was spent ("完成预算的 0.00%" of a zero budget too).
            if (t.amount() != null && budget != null && budget.signum() == 0) {
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
                statedComparison(word, against, s, e);
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

        /**
         * W02 where the data hold no budget for the line (a report read from its publication prints a 项's 年初预算 only
         * in its text): "年初预算为 A 万元，支出决算为 B 万元。决算数大于预算数" is checked against the figures the paragraph
         * states just before the comparison (since its last comparison, so that one item's figures are not another's).
         */
        private void statedComparison(String word, String against, int s, int e) {
            // the figures stated since the paragraph's last comparison: each item states its own before its word
            int from = 0;
            Matcher earlier = COMPARISON.matcher(text).region(0, s);
            while (earlier.find()) {
                from = earlier.end();
            }
            String before = text.substring(from, s);
            // a bare 预算数 is the full-year budget where the text states one, as in the check against the data
            BigDecimal adjusted = against.startsWith("年初") ? null : lastStated(STATED_ADJUSTED, before);
            BigDecimal budget = adjusted != null || against.startsWith("全年") ? adjusted : lastStated(STATED_INITIAL, before);
            String stated = adjusted != null ? "全年预算" : "年初预算";
            BigDecimal actual = lastStated(STATED_ACTUAL, before);
            if (budget == null || actual == null) {
                return;
            }
            compared++;
            int cmp = actual.compareTo(budget);
            String right = cmp > 0 ? "大于" : cmp < 0 ? "小于" : "等于";
            if (!(word.startsWith(right) || cmp == 0 && word.startsWith("持平"))) {
                add("W02", Severity.ERROR, current == null ? null : current.topic(), "comparison", s, e,
                        "“" + sentence(s) + "”：文中支出决算 " + Figures.show(actual) + " 万元" + right + "文中" + stated
                                + " " + Figures.show(budget) + " 万元，文中写作“" + word + "”",
                        "\"" + sentence(s) + "\": the stated actual " + Figures.show(actual) + " is "
                                + (cmp > 0 ? "above" : cmp < 0 ? "below" : "equal to") + " the stated budget " + Figures.show(budget)
                                + "; the text says \"" + word + "\"", right, word);
            }
        }

        /** The last figure a pattern states in a text (its group 1), or null. */
        private static BigDecimal lastStated(Pattern stated, String in) {
            Matcher m = stated.matcher(in);
            BigDecimal last = null;
            while (m.find()) {
                last = new BigDecimal(m.group(1));
            }
            return last;
        }

        /** "原因" within 12 characters, then (after 是, 为 or a colon) at least four characters that are not stops. */
        private boolean reasonFollows(int from) {
            int at = -1;
            for (int k = from; k <= from + 12 && k < text.length(); k++) {
                if (text.startsWith("原因", k)) {
                    at = k;
                    break;
                }
            }
            if (at < 0) {
                return false;
            }
            int i = at + 2;
            while (i < text.length() && ("是为：:".indexOf(text.charAt(i)) >= 0 || NarrativeText.space(text.charAt(i)))) {
                i++;
            }
            int said = 0;
            for (; i < text.length() && said < 4; i++) {
                char c = text.charAt(i);
                if ("，。；、".indexOf(c) < 0 && !NarrativeText.space(c)) {
                    said++;
                }
            }
            return said >= 4;
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
            for (NarrativeText.Span p : scan.longPercents()) {
                String written = text.substring(p.start(), p.end());
                add("W07", Severity.WARNING, null, "precision", p.start(), p.end(),
                        "“" + sentence(p.start()) + "”：百分比“" + written + "”超过两位小数", "\"" + sentence(p.start())
                                + "\": the percentage " + written + " has more than two decimals", null, written);
            }
            m = NO_PERCENT.matcher(text);
            while (m.find()) {
                String written = m.group().strip();
                add("W10", Severity.WARNING, null, "percentSign", m.start(), m.end(),
                        "“" + sentence(m.start()) + "”：比率“" + written + "”缺少百分号", "\"" + sentence(m.start())
                                + "\": the rate " + written + " lacks its percent sign", null, written);
            }
            m = SLIP.matcher(text);
            while (m.find()) {
                add("W11", Severity.WARNING, null, "slip", m.start(), m.end(),
                        "“" + sentence(m.start()) + "”：“上一度”应为“上一年度”", "\"" + sentence(m.start()) + "\": 上一度 for 上一年度", "上一年度",
                        m.group());
            }
            m = CUT_UNIT.matcher(text);
            while (m.find()) {
                add("W12", Severity.WARNING, null, "unit", m.start(), m.end(),
                        "“" + sentence(m.start()) + "”：金额单位“万”后缺“元”", "\"" + sentence(m.start()) + "\": the unit 万 lacks 元", "万元",
                        m.group());
            }
            int open = 0;
            int close = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                open += c == '（' || c == '(' ? 1 : 0;
                close += c == '）' || c == ')' ? 1 : 0;
            }
            if (open != close) {
                add("W13", Severity.WARNING, null, "brackets", 0, text.length(),
                        "“" + sentence(0) + "”：括号不成对（左括号" + open + "个，右括号" + close + "个）",
                        "\"" + sentence(0) + "\": unbalanced brackets (" + open + " opening, " + close + " closing)", null,
                        open + "/" + close);
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

        /** The sentence around a place, trimmed, cut to 80 characters; each sentence is read once. */
        private String sentence(int at) {
            if (stops == null) {
                stops = IntStream.range(0, text.length()).filter(i -> "。；\n".indexOf(text.charAt(i)) >= 0).toArray();
            }
            int k = Arrays.binarySearch(stops, at);
            int next = k >= 0 ? k : -k - 1;
            int start = next > 0 ? stops[next - 1] + 1 : 0;
            int end = next < stops.length ? stops[next] : text.length();
            return sentences.computeIfAbsent(start, s -> {
                int from = start;
                int to = end;
                while (from < to && text.charAt(from) <= ' ') {
                    from++;
                }
                while (to > from && text.charAt(to - 1) <= ' ') {
                    to--;
                }
                return to - from > 80 ? text.substring(from, from + 77) + "…" : text.substring(from, to);
            });
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
    private Optional<AccountLine> resolveItem(String[] names, BigDecimal statedActual) {
        List<AccountLine> items = data.functional().stream().filter(a -> a.level() == 3).toList();
        Optional<AccountLine> byName = resolveItemByName(items, names);
        if (byName.isPresent() || statedActual == null) {
            return byName;
        }
        // A 项 named as no line is (an old name, another line's name), under a 款 that is named right: the one line of
        // that 款 whose spending is the figure the item states, so that its name is reported as differing (N07).
        if (items.stream().anyMatch(a -> sameName(names[2], a.name()))) {
            return Optional.empty();
        }
        List<AccountLine> siblings = items.stream().filter(a -> data.functional(a.parentCode())
                        .map(p -> sameName(names[1], p.name())
                                && data.functional(p.parentCode()).map(c -> sameName(names[0], c.name())).orElse(true))
                        .orElse(false))
                .filter(a -> {
                    BigDecimal actual = Lexicon.generalBudgetActual(a);
                    return actual != null && actual.compareTo(statedActual) == 0;
                }).toList();
        return siblings.size() == 1 ? Optional.of(siblings.get(0)) : Optional.empty();
    }

    private Optional<AccountLine> resolveItemByName(List<AccountLine> items, String[] names) {
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

    /** An economic item's name without its 支出 ending and with brackets of either width: "其他社会保障缴费支出" is 30112. */
    private static String economicName(String name) {
        return name.strip().replace('(', '（').replace(')', '）').replaceAll("(?:支出|费用)$", "");
    }

    static boolean sameName(String written, String stored) {
        return clean(written).equals(clean(stored));
    }

    static String clean(String name) {
        return name.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
    }

    /** Spans in text order that do not overlap one another, looked up by binary search. */
    private static final class Spans {
        private final int[] starts;
        private final int[] ends;

        Spans(List<NarrativeText.Span> spans) {
            starts = spans.stream().mapToInt(NarrativeText.Span::start).toArray();
            ends = spans.stream().mapToInt(NarrativeText.Span::end).toArray();
        }

        /** The last span starting before {@code position} (at or before it when {@code inclusive}), or -1. */
        private int lastStartingBefore(int position, boolean inclusive) {
            int lo = 0;
            int hi = starts.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < position || (inclusive && starts[mid] == position)) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        /** Some span shares a character with [start, end). */
        boolean overlaps(int start, int end) {
            int k = lastStartingBefore(end, false);
            return k >= 0 && ends[k] > start;
        }

        /** Some span holds all of [start, end). */
        boolean contains(int start, int end) {
            int k = lastStartingBefore(start, true);
            return k >= 0 && end <= ends[k];
        }
    }
}
