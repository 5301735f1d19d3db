package org.budgetnarrator.drafting.audit;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Something a narrative sentence can speak of — a total, an income source, an account line, a "三公"
 * item, a project — with the figures the data give for it. A null figure means the data do not say,
 * and a claim about it is not checked (never guessed).
 *
 * @param id         stable key, used in findings' subjects (e.g. {@code account:2013501}, {@code threePublic:TOTAL})
 * @param table      the table the figures come from, for subjects
 * @param label      the Chinese name used in messages
 * @param phrase     how the narrative names it
 * @param amount     the main figure (actual, amount, executed)
 * @param previous   last year's figure, for changes and rates
 * @param budget     全年预算 (adjusted budget)
 * @param initial    年初预算
 * @param shareBase  what "占 x%" means when the sentence does not say
 * @param groups     团组 count
 * @param persons    人次 count
 * @param count      a plain count: vehicles, projects, pieces of equipment
 * @param expectedName the stored name, when the narrative's name may differ (account lines)
 */
record Topic(String id, String table, String label, Pattern phrase, BigDecimal amount, BigDecimal previous, BigDecimal budget,
             BigDecimal initial, BigDecimal shareBase, Integer groups, Integer persons, Integer count, String expectedName) {

    static Builder of(String id, String table, String label, String regex) {
        return new Builder(id, table, label, Pattern.compile(regex));
    }

    /** A phrase that names something the data do not hold: it stops claims from binding to the topic before it. */
    static Topic blocker(String id, String regex) {
        return new Topic(id, null, id, Pattern.compile(regex), null, null, null, null, null, null, null, null, null);
    }

    static final class Builder {
        private final String id;
        private final String table;
        private final String label;
        private final Pattern phrase;
        private BigDecimal amount;
        private BigDecimal previous;
        private BigDecimal budget;
        private BigDecimal initial;
        private BigDecimal shareBase;
        private Integer groups;
        private Integer persons;
        private Integer count;
        private String expectedName;

        private Builder(String id, String table, String label, Pattern phrase) {
            this.id = id;
            this.table = table;
            this.label = label;
            this.phrase = phrase;
        }

        Builder amount(BigDecimal v) {
            amount = v;
            return this;
        }

        Builder previous(BigDecimal v) {
            previous = v;
            return this;
        }

        Builder budget(BigDecimal v) {
            budget = v;
            return this;
        }

        Builder initial(BigDecimal v) {
            initial = v;
            return this;
        }

        Builder shareBase(BigDecimal v) {
            shareBase = v;
            return this;
        }

        Builder groups(Integer v) {
            groups = v;
            return this;
        }

        Builder persons(Integer v) {
            persons = v;
            return this;
        }

        Builder count(Integer v) {
            count = v;
            return this;
        }

        Builder expectedName(String v) {
            expectedName = v;
            return this;
        }

        Topic build() {
            return new Topic(id, table, label, phrase, amount, previous, budget, initial, shareBase, groups, persons, count, expectedName);
        }
    }
}
