package org.budgetnarrator.model.imports;

/**
 * The kinds of value an import field holds; one set of rules for JSON and for workbooks. The digits a number
 * of each kind may have are stated here, once: the binder checks them, the JSON Schema and
 * docs/import-format.md state them.
 */
public enum FieldType {
    /** Free text, kept exactly as written. */
    TEXT(null),
    /** An identifier such as an account code; a whole number in a cell is read as its digits. */
    CODE(null),
    /** A whole number (counts, years): INTEGER columns, 32 bits on PostgreSQL, so 9 digits always fit. */
    INTEGER(new Digits(9, 0)),
    /**
     * An amount of money in the row's unit (万元 or 元), stored in 万元; never negative. Below a trillion in
     * either unit (beyond any department's budget), so that a parent line derived as the sum of its children
     * still fits the column's 18 digits.
     */
    MONEY(new Digits(12, Digits.COLUMN.fraction())),
    /** An exact decimal that is not money: a percentage, a weight, a score; a trailing % is allowed. */
    DECIMAL(Digits.COLUMN),
    /** One of a fixed set of keys, or its Chinese name. */
    ENUM(null);

    private final Digits digits;

    FieldType(Digits digits) {
        this.digits = digits;
    }

    /** The digits a number of this kind may have (money: in 万元); null for a kind that is not a number. */
    public Digits digits() {
        return digits;
    }
}
