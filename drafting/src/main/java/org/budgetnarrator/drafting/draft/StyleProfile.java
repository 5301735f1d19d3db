package org.budgetnarrator.drafting.draft;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How a department writes its numbers and when a line needs a reason. Shipped as data
 * (resources styles/*.json); the Xianning and Hunan styles are those of their published reports.
 *
 * @param name               its key
 * @param title              what it is
 * @param moneyFixedDecimals true: amounts always with two decimals (429.80); false: as stored, trailing zeros
 *                           dropped (429.8), the way many reports print them
 * @param thousandsSeparator amounts with separators (4,863.67)
 * @param percentDigits      digits of percentages by kind: share, completion, yoyRate (rounded half up once)
 * @param percentOverrides   digits for one subject and kind, "subject/kind" → digits, as a report printed them;
 *                           "prefix*&#47;kind" matches a subject prefix
 * @param spellPath          write 项 lines as 类（类）款（款）项（项）
 * @param budgetVariance     a line needs a reason against its budget when it differs by this percentage or more
 * @param previousChange     … against last year by this percentage or more
 * @param executionBelow     … when its execution rate is under this percentage
 * @param reasonsOptional    subjects (prefixes, with aspect: "threePublic:/PREVIOUS") whose reasons may be left out
 * @param layout             the report layout (resources layouts/), null for the national format
 * @param zeroPercentPlain   a percentage that rounds to zero is written "0", without decimals
 * @param omitZeroLines      leave out income sources and spending kinds that are zero, as most reports do (a
 *                           line the data hold no figure for is always left out)
 * @param zeroMoneyPlain     an amount that rounds to zero is written "0", without decimals, as some reports print
 *                           every zero (工程采购金额0万元) beside two-decimal amounts
 */
public record StyleProfile(String name, String title, boolean moneyFixedDecimals, boolean thousandsSeparator,
                           Map<String, Integer> percentDigits, Map<String, Integer> percentOverrides, boolean spellPath,
                           BigDecimal budgetVariance, BigDecimal previousChange, BigDecimal executionBelow,
                           java.util.List<String> reasonsOptional, boolean omitZeroLines, String layout,
                           boolean zeroPercentPlain, boolean zeroMoneyPlain) {

    public int digits(String subject, String kind) {
        Integer exact = percentOverrides.get(subject + "/" + kind);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Integer> o : percentOverrides.entrySet()) {
            String key = o.getKey();
            int slash = key.lastIndexOf('/');
            if (key.substring(slash + 1).equals(kind) && key.substring(0, slash).endsWith("*")
                    && subject.startsWith(key.substring(0, slash - 1))) {
                return o.getValue();
            }
        }
        return percentDigits.getOrDefault(kind, 2);
    }

    public boolean reasonOptional(String subject, String aspect) {
        return reasonsOptional != null && reasonsOptional.stream().anyMatch(o -> {
            int slash = o.lastIndexOf('/');
            return o.substring(slash + 1).equals(aspect) && subject.startsWith(o.substring(0, slash));
        });
    }
}
