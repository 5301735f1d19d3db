package org.budgetnarrator.drafting.llm;

import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.NarrativeChecker;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.TextScans;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a polished text must satisfy before it replaces the template draft: no number that the draft does not
 * print, every figure of the draft still there, every gap marker kept (no invented reason), and nothing the
 * audit's narrative checker — the same one that checks officers' texts — finds wrong that it did not find in
 * the draft. Each violation is a sentence the model is told on its retry, and the officer sees on a fallback.
 */
public final class PolishGuard {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    private static final Pattern REASON = Pattern.compile("原因|由于|因为|主要是");

    private PolishGuard() {
    }

    public static List<String> check(YearData data, Draft template, String answer) {
        List<String> violations = new ArrayList<>();
        Set<String> allowed = numbers(template.text());
        for (String n : numbers(answer)) {
            if (!allowed.contains(n)) {
                violations.add("答复中出现了草稿中没有的数字“" + n + "”");
            }
        }
        Set<String> present = numbers(answer);
        Set<String> required = new LinkedHashSet<>();
        for (Draft.PlacedFact placed : template.facts()) {
            required.addAll(numbers(placed.fact().display()));
        }
        for (String n : required) {
            if (!present.contains(n)) {
                violations.add("草稿中的数字“" + n + "”在答复中缺失");
            }
        }
        for (TextScans.Span gap : TextScans.notes(template.text(), "【待补充")) {
            String marker = template.text().substring(gap.start(), gap.end());
            if (!answer.contains(marker)) {
                violations.add("标记“" + marker + "”未原样保留（原因尚未提供，不得改写或补写）");
            }
        }
        // A reason is the officer's to give: the polish may reword the reasons the draft states, never add one.
        if (count(REASON, answer) > count(REASON, template.text())) {
            violations.add("答复新增了草稿中没有的原因表述（原因只能由经办人员提供，不得补写）");
        }
        Set<String> before = new LinkedHashSet<>();
        for (Finding f : new NarrativeChecker(data).check("draft", template.text())) {
            if (f.severity() == Severity.ERROR) {
                before.add(f.ruleId() + "|" + f.expected() + "|" + f.found());
            }
        }
        for (Finding f : new NarrativeChecker(data).check("draft", answer)) {
            if (f.severity() == Severity.ERROR && !before.contains(f.ruleId() + "|" + f.expected() + "|" + f.found())) {
                violations.add("核对发现：" + f.messageZh());
            }
        }
        return violations;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The numbers a text prints, separators dropped (4,863.67 and 4863.67 are the same figure). */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().replace(",", ""));
        }
        return out;
    }
}
