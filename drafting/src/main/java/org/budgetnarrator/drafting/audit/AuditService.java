package org.budgetnarrator.drafting.audit;

import jakarta.inject.Singleton;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import org.budgetnarrator.model.store.FindingReviewStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit of stored department-years, with officers' verdicts attached. */
@Singleton
public class AuditService {

    /** A finding with the verdict recorded on it, if any. */
    public record Reviewed(Finding finding, FindingReviewStore.Review review) {
        /** Errors count unless an officer marked them a false alarm. */
        public boolean countsAsError() {
            return finding.severity() == Severity.ERROR && (review == null || !"FALSE_ALARM".equals(review.status()));
        }
    }

    private final YearDataReader reader;
    private final FindingReviewStore reviews;

    public AuditService(YearDataReader reader, FindingReviewStore reviews) {
        this.reader = reader;
        this.reviews = reviews;
    }

    public Optional<List<Reviewed>> audit(String departmentCode, int fiscalYear) {
        return audit(departmentCode, fiscalYear, Deadline.none());
    }

    /** The audit, stopped with {@link Deadline.ExceededException} once the deadline has passed. */
    public Optional<List<Reviewed>> audit(String departmentCode, int fiscalYear, Deadline deadline) {
        return reader.read(departmentCode, fiscalYear).map(data -> attach(departmentCode, fiscalYear, Audit.run(data, deadline)));
    }

    public Optional<List<Reviewed>> checkText(String departmentCode, int fiscalYear, String text) {
        return checkText(departmentCode, fiscalYear, text, Deadline.none());
    }

    /** Checks a text, stopped with {@link Deadline.ExceededException} once the deadline has passed. */
    public Optional<List<Reviewed>> checkText(String departmentCode, int fiscalYear, String text, Deadline deadline) {
        return reader.read(departmentCode, fiscalYear)
                .map(data -> attach(departmentCode, fiscalYear, Audit.checkText(data, text, deadline)));
    }

    public Optional<YearData> data(String departmentCode, int fiscalYear) {
        return reader.read(departmentCode, fiscalYear);
    }

    /** Records a verdict on a finding of the current audit; empty when no such finding exists. */
    public Optional<Reviewed> review(String departmentCode, int fiscalYear, String fingerprint, String verdict, String note,
                                     String reviewedBy) {
        return review(departmentCode, fiscalYear, fingerprint, verdict, note, reviewedBy, Deadline.none());
    }

    /** The same; the audit it runs to find the finding stops once the deadline has passed. */
    public Optional<Reviewed> review(String departmentCode, int fiscalYear, String fingerprint, String verdict, String note,
                                     String reviewedBy, Deadline deadline) {
        Optional<List<Reviewed>> current = audit(departmentCode, fiscalYear, deadline);
        Optional<Reviewed> target = current.flatMap(list -> list.stream()
                .filter(r -> r.finding().fingerprint().equals(fingerprint)).findFirst());
        return target.map(r -> new Reviewed(r.finding(), reviews.save(departmentCode, fiscalYear, fingerprint,
                r.finding().ruleId(), verdict, note, reviewedBy)));
    }

    private List<Reviewed> attach(String code, int year, List<Finding> findings) {
        Map<String, FindingReviewStore.Review> verdicts = reviews.reviews(code, year);
        return findings.stream().map(f -> new Reviewed(f, verdicts.get(f.fingerprint()))).toList();
    }
}
