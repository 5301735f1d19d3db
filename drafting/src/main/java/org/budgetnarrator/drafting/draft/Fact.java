package org.budgetnarrator.drafting.draft;

/**
 * A figure a draft prints, with where it comes from. In a template it prints as its display text wrapped
 * in invisible markers; {@link DraftText} strips them and records where each fact stands in the text.
 *
 * @param index   its number within one draft
 * @param subject what it is about (e.g. {@code account:2013501}, {@code threePublic:TOTAL}, {@code total})
 * @param field   which figure (actual, initialBudget, yoyRate, share …)
 * @param value   the exact value it shows (a percentage as its exact ratio × 100, to 6 decimals)
 * @param display what is printed (rounded half up once, at display)
 */
public record Fact(int index, String subject, String field, String value, String display) {

    static final char START = '\u0001';
    static final char MIDDLE = '\u0002';
    static final char END = '\u0003';

    @Override
    public String toString() {
        return START + Integer.toString(index) + MIDDLE + display + END;
    }
}
