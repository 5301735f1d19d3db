package org.budgetnarrator.drafting.audit;

/**
 * What a finding is about: a table line (table, code, field) or a place in a text (document kind, offset,
 * length in characters).
 */
public record Subject(String table, String code, String field, String document, Integer offset, Integer length) {

    public static Subject line(String table, String code, String field) {
        return new Subject(table, code, field, null, null, null);
    }

    public static Subject text(String document, int offset, int length) {
        return new Subject(null, null, null, document, offset, length);
    }

    /** Without the text offset: a verdict on a text finding must survive edits elsewhere in the text. */
    String key() {
        return document != null ? document : table + ":" + code + ":" + field;
    }
}
