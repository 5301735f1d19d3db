package org.budgetnarrator.drafting.draft;

/**
 * A section asked for of a department-year whose document does not hold it (a 决算 section of a budget-stage year):
 * nothing is drafted, and the message says so in the officers' words.
 */
public class SectionNotHeldException extends RuntimeException {

    private final DocumentKind held;
    private final SectionKind section;

    public SectionNotHeldException(DocumentKind held, int year, SectionKind section) {
        super(held.notHeld(year, section));
        this.held = held;
        this.section = section;
    }

    /** The document the department-year holds. */
    public DocumentKind held() {
        return held;
    }

    /** The section asked for. */
    public SectionKind section() {
        return section;
    }
}
