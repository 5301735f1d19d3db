package org.budgetnarrator.api.graphql;

import org.budgetnarrator.model.domain.IncomeLine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The income lines of one department-year, for each line's share of 本年收入合计. */
record IncomeScope(List<IncomeLine> lines) {

    /** Carry-overs and balances are on the 总计 side of 公开01, not income of the year. */
    static final Set<String> NOT_INCOME_OF_YEAR = Set.of("carry_forward_begin", "non_fiscal_surplus_used",
            "carry_forward_end", "surplus_distribution");

    BigDecimal total() {
        BigDecimal sum = null;
        for (IncomeLine l : lines) {
            if (!NOT_INCOME_OF_YEAR.contains(l.source())) {
                sum = sum == null ? l.amount() : sum.add(l.amount());
            }
        }
        return sum;
    }
}
