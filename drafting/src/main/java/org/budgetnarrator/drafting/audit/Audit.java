package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.drafting.indicator.ScoringProfiles;
import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The audit of one department-year: the table identities over the stored figures, and the narrative
 * checks over its published texts (the 情况说明 and the self-evaluation tables' headers). Descriptive
 * reports (the self-evaluation report's prose) are not number-checked: their figures describe
 * activities, not the accounts.
 */
public final class Audit {

    /** The stored documents whose numbers speak of the accounts. */
    public static final Set<String> CHECKED_DOCUMENTS = Set.of("FINAL_ACCOUNTS_NARRATIVE", "SELF_EVALUATION_TABLE");

    private Audit() {
    }

    public static List<Finding> run(YearData data) {
        return run(data, Deadline.none());
    }

    /** The audit, stopped with {@link Deadline.ExceededException} once the deadline has passed. */
    public static List<Finding> run(YearData data, Deadline deadline) {
        deadline.check();
        List<Finding> findings = new ArrayList<>(new PublishedTableRules(data).run());
        findings.addAll(new TableRules(data).run());
        deadline.check();
        findings.addAll(new EvaluationRules(data, ScoringProfiles.national()).run());
        deadline.check();
        findings.addAll(new ClaimedResults(data, ScoringProfiles.national()).run());
        NarrativeChecker narrative = new NarrativeChecker(data, deadline);
        for (StoredDocument document : data.documents()) {
            deadline.check();
            if (CHECKED_DOCUMENTS.contains(document.kind())) {
                findings.addAll(narrative.checkTitle(document.kind(), document.title()));
                findings.addAll(narrative.check(document.kind(), document.body()));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.severity().ordinal()).thenComparing(Finding::ruleId));
        return findings;
    }

    /** Checks a text an officer gives (a draft) against the department-year's data, storing nothing. */
    public static List<Finding> checkText(YearData data, String text) {
        return checkText(data, text, Deadline.none());
    }

    /** The same, stopped with {@link Deadline.ExceededException} once the deadline has passed. */
    public static List<Finding> checkText(YearData data, String text, Deadline deadline) {
        return new NarrativeChecker(data, deadline).check("draft", text);
    }
}
