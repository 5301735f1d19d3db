package org.budgetnarrator.model.imports;

/** The kinds of value an import field holds; one set of rules for JSON and for workbooks. */
public enum FieldType {
    /** Free text, kept exactly as written. */
    TEXT,
    /** An identifier such as an account code; a whole number in a cell is read as its digits. */
    CODE,
    /** A whole number (counts, years). */
    INTEGER,
    /** An amount of money in the row's unit (万元 or 元), stored in 万元; never negative. */
    MONEY,
    /** An exact decimal that is not money: a percentage, a weight, a score; a trailing % is allowed. */
    DECIMAL,
    /** One of a fixed set of keys, or its Chinese name. */
    ENUM
}
