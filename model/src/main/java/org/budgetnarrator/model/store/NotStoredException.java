package org.budgetnarrator.model.store;

/** A write names a department-year that is not stored; nothing was written (the API's NOT_FOUND). */
public class NotStoredException extends RuntimeException {
    public NotStoredException(String departmentCode, int fiscalYear) {
        super("no department-year " + departmentCode + " " + fiscalYear + " is stored");
    }
}
