package org.budgetnarrator.drafting.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing the audit found.
 *
 * @param ruleId    the rule (see docs/audit-rules.md)
 * @param severity  ERROR, ROUNDING or WARNING
 * @param messageZh the finding in Chinese, naming the claim or line and the correct figure
 * @param messageEn the same in English
 * @param subjects  the lines or text places it concerns
 * @param expected  the figure the data give, when there is one
 * @param found     the figure found (in the table or the text)
 */
public record Finding(String ruleId, Severity severity, String messageZh, String messageEn, List<Subject> subjects,
                      String expected, String found) {

    /**
     * Stable across runs and re-imports of the same data: the rule, what it is about (lines, or the document
     * without the offset) and what it says (which quotes the sentence), so an edit elsewhere in a text keeps it.
     */
    public String fingerprint() {
        String key = ruleId + "|" + subjects.stream().map(Subject::key).collect(Collectors.joining(","));
        String said = Integer.toHexString(messageZh.hashCode());
        return (key.length() > 180 ? ruleId + "|" + Integer.toHexString(key.hashCode()) : key) + "|" + said;
    }
}
