package org.budgetnarrator.drafting.audit;

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
        List<Finding> findings = new ArrayList<>(new TableRules(data).run());
        findings.addAll(new EvaluationRules(data, org.budgetnarrator.drafting.indicator.ScoringProfiles.national()).run());
        NarrativeChecker narrative = new NarrativeChecker(data);
        for (StoredDocument document : data.documents()) {
            if (CHECKED_DOCUMENTS.contains(document.kind())) {
                findings.addAll(narrative.check(document.kind(), document.body()));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.severity().ordinal()).thenComparing(Finding::ruleId));
        return findings;
    }

    /** Checks a text an officer gives (a draft) against the department-year's data, storing nothing. */
    public static List<Finding> checkText(YearData data, String text) {
        return new NarrativeChecker(data).check("draft", text);
    }
}
