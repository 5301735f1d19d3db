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
 * @param moneyDecimals      the decimals amounts are rounded to (half up, once, from the stored exact value): 2 in
 *                           most reports (the default), 4 where a report prints its 万元 to the yuan's hundredth
 * @param percentFixedDecimals true (the default): percentages always with their digits (14.00); false: trailing zeros
 *                           dropped (14), as some reports print them
 * @param totals             how the opening paragraph states the two totals (default {@link TotalsPhrasing#TOGETHER_EQUAL})
 * @param changeEach         where both totals are one figure and changed alike, their change is stated once with 各
 *                           (收、支总计各增加…; default true); where they differ each is stated with its own change
 * @param totalsBasis        which totals the opening paragraph speaks of (default {@link TotalsBasis#GRAND_TOTAL})
 * @param carryOvers         the income paragraph adds the carry-over and the non-fiscal surplus used (此外…), the
 *                           expenditure paragraph the 结余分配 and the year-end carry-over, as some layouts do
 * @param funds              how the income paragraph states the three kinds of appropriation (default
 *                           {@link AppropriationFunds#ONE})
 * @param fiscalTotals       how the 财政拨款 totals paragraph states its two totals (default
 *                           {@link TotalsPhrasing#TOGETHER_EQUAL}; APART and INCOME_PARTS state them apart)
 * @param lineChanges        each income source and spending kind with its change from last year, where known
 * @param zeroMoneyPlain     an amount that rounds to zero is written "0", without decimals, as some reports print
 *                           every zero (工程采购金额0万元) beside two-decimal amounts
 * @param zeroMoneyPlainIn   subjects (prefixes: "procurement:") whose zero amounts are written "0", as some reports
 *                           print the zeros of one paragraph (政府采购: 工程采购金额0万元) unlike the rest
 * @param changePairs        the opening paragraph states the two totals' changes as one pair with 各 (收入合计和支出合计各
 *                           减少A万元和B万元，下降x%和y%) where both moved the same way, even where they are one figure, as
 *                           some reports print them; the audit reads such a pair figure by figure
 */
public record StyleProfile(String name, String title, boolean moneyFixedDecimals, boolean thousandsSeparator,
                           Map<String, Integer> percentDigits, Map<String, Integer> percentOverrides, boolean spellPath,
                           BigDecimal budgetVariance, BigDecimal previousChange, BigDecimal executionBelow,
                           java.util.List<String> reasonsOptional, boolean omitZeroLines, String layout,
                           boolean zeroPercentPlain, Integer moneyDecimals, Boolean percentFixedDecimals,
                           TotalsPhrasing totals, Boolean changeEach, TotalsBasis totalsBasis, Boolean carryOvers,
                           AppropriationFunds funds, TotalsPhrasing fiscalTotals, Boolean lineChanges,
                           Boolean zeroMoneyPlain, Boolean changePairs, java.util.List<String> zeroMoneyPlainIn) {

    /** How an income paragraph states the appropriations of the three budgets. */
    public enum AppropriationFunds {
        /** 财政拨款收入 as one line. */
        ONE,
        /** 一般公共预算, 政府性基金预算 and 国有资本经营预算财政拨款收入 each as a line, in place of 财政拨款收入. */
        APART,
        /** 财政拨款收入 as one line, then the three it comprises (包括…). */
        WITHIN
    }

    /** How the opening paragraph states 收入总计 and 支出总计. */
    public enum TotalsPhrasing {
        /** 收、支总计均为X万元 (when the two are equal; else as APART). */
        TOGETHER_EQUAL,
        /** 收、支总计X万元 (when the two are equal; else as APART). */
        TOGETHER,
        /** 收入总计X万元，支出总计Y万元. */
        APART,
        /** 收入总计X万元, then its parts, 年初结转和结余 and 本年收入合计, each with its change: a paragraph of the income side. */
        INCOME_PARTS
    }

    /** Which totals the opening paragraph states. */
    public enum TotalsBasis {
        /** 收入总计 and 支出总计, with the carry-overs: equal by the balancing identity of 公开01. */
        GRAND_TOTAL,
        /** 本年收入合计 and 本年支出合计, the year's own: these differ in most years. */
        YEAR
    }

    public StyleProfile {
        moneyDecimals = moneyDecimals == null ? 2 : moneyDecimals;
        if (moneyDecimals < 0 || moneyDecimals > 6) {
            throw new IllegalArgumentException("style '" + name + "': moneyDecimals " + moneyDecimals + " is not 0 to 6");
        }
        percentFixedDecimals = percentFixedDecimals == null || percentFixedDecimals;
        totals = totals == null ? TotalsPhrasing.TOGETHER_EQUAL : totals;
        changeEach = changeEach == null || changeEach;
        totalsBasis = totalsBasis == null ? TotalsBasis.GRAND_TOTAL : totalsBasis;
        carryOvers = carryOvers != null && carryOvers;
        funds = funds == null ? AppropriationFunds.ONE : funds;
        fiscalTotals = fiscalTotals == null ? TotalsPhrasing.TOGETHER_EQUAL : fiscalTotals;
        lineChanges = lineChanges != null && lineChanges;
        zeroMoneyPlain = zeroMoneyPlain != null && zeroMoneyPlain;
        changePairs = changePairs != null && changePairs;
        zeroMoneyPlainIn = zeroMoneyPlainIn == null ? java.util.List.of() : java.util.List.copyOf(zeroMoneyPlainIn);
    }


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

    /** Whether a zero amount of this subject is written "0". */
    public boolean zeroMoneyPlain(String subject) {
        return zeroMoneyPlain || zeroMoneyPlainIn.stream().anyMatch(subject::startsWith);
    }

    public boolean reasonOptional(String subject, String aspect) {
        return reasonsOptional != null && reasonsOptional.stream().anyMatch(o -> {
            int slash = o.lastIndexOf('/');
            return o.substring(slash + 1).equals(aspect) && subject.startsWith(o.substring(0, slash));
        });
    }
}
