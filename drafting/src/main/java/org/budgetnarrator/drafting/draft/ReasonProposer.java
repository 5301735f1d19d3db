package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Proposes reasons for lines that need one and have none recorded: named rules over the data, and last
 * year's reasons for the same line (reuse). Proposals are only suggestions, marked as such, and stored
 * only when an officer accepts them (setReasons); a draft never uses a proposal by itself.
 */
public final class ReasonProposer {

    /** A proposed reason: which line, which catalogue reason, and which rule (or which year) proposes it. */
    public record Proposal(String subject, String aspect, String code, String note, String phrase, String rule, Integer sourceYear) {
    }

    /** Personnel accounts (养老保险、职业年金、医疗、住房公积金、提租补贴) and running costs whose budget is mostly salaries. */
    private static final Set<String> PERSONNEL_ITEMS = Set.of("2080505", "2080506", "2101101", "2101102", "2101103", "2210201",
            "2210202", "2210203", "2089999");

    private final ReasonCatalogue catalogue;
    private final StyleProfile style;

    public ReasonProposer(ReasonCatalogue catalogue, StyleProfile style) {
        this.catalogue = catalogue;
        this.style = style;
    }

    public List<Proposal> propose(YearData data) {
        List<Proposal> out = new ArrayList<>();
        DraftContext needs = new DraftContext(data, style, catalogue);
        for (AccountLine line : data.functional()) {
            if (line.level() != 3 || line.initialBudget() == null) {
                continue;
            }
            String subject = "account:" + line.code();
            BigDecimal actual = line.generalBudget() != null ? line.generalBudget() : line.actual();
            if (actual == null || !needs.needsBudgetReason(actual, line.initialBudget()) || !data.reasons(subject, "BUDGET").isEmpty()) {
                continue;
            }
            String direction = actual.compareTo(line.initialBudget()) > 0 ? "UP" : "DOWN";
            reuse(data, subject, "BUDGET", direction, out);
            boolean personnel = PERSONNEL_ITEMS.contains(line.code()) || line.project() == null || line.project().signum() == 0;
            // personnel-below-budget: a personnel line spent under its budget — staff moved out is the usual cause.
            if (personnel && direction.equals("DOWN")) {
                add(out, subject, "BUDGET", "PERSONNEL_OUT", "personnel-below-budget");
            }
            // above-budget-with-extra-allocation: spent above the initial budget, with a budget raised during the year.
            if (direction.equals("UP") && line.adjustedBudget() != null && line.adjustedBudget().compareTo(line.initialBudget()) > 0) {
                add(out, subject, "BUDGET", "EXTRA_ALLOCATION", "above-budget-with-extra-allocation");
            }
        }
        for (Project p : data.projects()) {
            String subject = "project:" + (p.code() != null ? p.code() : p.name());
            BigDecimal budget = Measures.budget(p.adjustedBudget(), p.initialBudget());
            if (p.executed() == null || budget == null || budget.signum() == 0 || !data.reasons(subject, "BUDGET").isEmpty()) {
                continue;
            }
            BigDecimal rate = Measures.executionRate(p.executed(), p.adjustedBudget(), p.initialBudget()).exact();
            if (!needs.needsBudgetReason(p.executed(), budget)) {
                continue;
            }
            reuse(data, subject, "BUDGET", "DOWN", out);
            // project-execution-near-zero: under 10% executed — funds recalled by the finance bureau, or the activity postponed.
            if (rate.compareTo(BigDecimal.TEN) < 0) {
                add(out, subject, "BUDGET", "FUNDS_RECALLED", "project-execution-near-zero");
                add(out, subject, "BUDGET", "ACTIVITY_POSTPONED", "project-execution-near-zero");
            }
        }
        return out;
    }

    /** Last year's reasons for the same line, proposed again (marked with their year) when they fit the direction. */
    private void reuse(YearData data, String subject, String aspect, String direction, List<Proposal> out) {
        for (LineReason r : data.previousReasons()) {
            if (!subject.equals(r.subject()) || !aspect.equals(r.aspect())) {
                continue;
            }
            var reason = catalogue.find(r.code());
            if (reason.isPresent() && !reason.get().fits(subject, direction)) {
                continue;
            }
            String phrase = r.note() != null ? r.note() : reason.map(ReasonCatalogue.Reason::phrase).orElse(null);
            out.add(new Proposal(subject, aspect, r.code(), r.note(), phrase, "reuse-last-year", data.previous().year()));
        }
    }

    private void add(List<Proposal> out, String subject, String aspect, String code, String rule) {
        catalogue.find(code).ifPresent(r -> out.add(new Proposal(subject, aspect, code, null, r.phrase(), rule, null)));
    }
}
