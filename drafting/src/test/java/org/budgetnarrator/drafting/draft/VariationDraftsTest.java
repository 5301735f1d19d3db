package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.drafting.audit.Audit;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.model.generate.VariationGenerator;
import org.budgetnarrator.model.generate.VariationGenerator.Variation;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A property of the drafts over real variation: every combination of the generator's variations (every income source,
 * three funds, carry-overs, 结余分配, 一级/二级 projects, 元 as unit, other layouts, minimal reports …), drafted in every
 * shipped style and so every shipped layout, gives a report the audit finds no error or rounding difference in, writes
 * no zero line where the style leaves zeros out, and lists under 其中 parts that add up to the total they follow.
 */
class VariationDraftsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** "财政拨款收入0.00万元，占…": a line of nothing, with its share. */
    private static final Pattern ZERO_LINE = Pattern.compile("[\\u4e00-\\u9fff）]0(?:\\.0+)?万?元，占");
    private static final Pattern THREE_PUBLIC_ITEM = Pattern.compile("(?:因公出国（境）费|公务用车购置及运行维护费|公务用车运行维护费|公务接待费)支出决算$");
    /** 二 and 三: "…合计A万元…其中：X a万元，占…；Y b万元，占…。" */
    private static final Pattern PARTS = Pattern.compile("(?:收入|支出)合计(\\d+(?:\\.\\d+)?)万?元[^。]*?。其中：([^。]*)。");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)万?元，占");

    @Test
    void everyVariationDraftsInEveryLayoutWithoutAuditErrorsZeroLinesOrPartsThatMissTheirTotal() throws Exception {
        VariationGenerator generator = new VariationGenerator();
        DraftEngine engine = DraftEngine.shipped();
        List<StyleProfile> styles = StyleProfiles.available().stream().map(StyleProfiles::load).toList();
        List<String> problems = new ArrayList<>();
        int drafted = 0;
        long seed = 1;
        for (Set<Variation> variations : VariationGenerator.combinations()) {
            YearData data = DraftsPassTheAuditTest.of("variation.json",
                    MAPPER.writeValueAsBytes(generator.generate(seed++, variations, null).document()));
            for (StyleProfile style : styles) {
                Draft report = engine.report(data, style);
                drafted++;
                String where = variations + " in " + style.name() + ": ";
                for (Finding f : Audit.checkText(data, report.text())) {
                    if (f.severity() != Severity.WARNING) {
                        problems.add(where + f.ruleId() + " " + f.messageZh());
                    }
                }
                if (style.omitZeroLines()) {
                    Matcher zero = ZERO_LINE.matcher(report.text());
                    while (zero.find()) {
                        // The style leaves out income sources and spending kinds of nothing; the three items of 三公 are
                        // one list that a layout which itemizes them (上海 七(二)) gives whole, each with its share.
                        String before = report.text().substring(Math.max(0, zero.start() - 16), zero.start() + 1);
                        if (!THREE_PUBLIC_ITEM.matcher(before).find()) {
                            problems.add(where + "a zero line: …" + report.text().substring(Math.max(0, zero.start() - 20), zero.end()));
                            break;
                        }
                    }
                }
                Matcher parts = PARTS.matcher(report.text());
                while (parts.find()) {
                    BigDecimal total = new BigDecimal(parts.group(1));
                    BigDecimal sum = BigDecimal.ZERO;
                    Matcher part = PART.matcher(parts.group(2));
                    while (part.find()) {
                        sum = sum.add(new BigDecimal(part.group(1)));
                    }
                    if (sum.compareTo(total) != 0) {
                        problems.add(where + "parts " + sum + " under a total of " + total + ": " + parts.group());
                    }
                }
                if (problems.size() > 20) {
                    break;
                }
            }
        }
        assertEquals(List.of(), problems.stream().limit(20).toList(), "of " + drafted + " drafts");
    }
}
