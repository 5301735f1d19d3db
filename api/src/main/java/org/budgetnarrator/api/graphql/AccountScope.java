package org.budgetnarrator.api.graphql;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All account lines of one department-year, passed down to the lines' own fields (parent, children,
 * share) as GraphQL local context, so those need no further query.
 */
record AccountScope(DepartmentYear year, List<AccountLine> lines, Map<String, AccountLine> index) {

    AccountScope(DepartmentYear year, List<AccountLine> lines) {
        this(year, lines, index(lines));
    }

    private static Map<String, AccountLine> index(List<AccountLine> lines) {
        Map<String, AccountLine> out = new HashMap<>();
        lines.forEach(l -> out.put(l.classification() + ":" + l.code(), l));
        return out;
    }

    AccountLine byCode(String classification, String code) {
        return index.get(classification + ":" + code);
    }

    /** The lines of one classification in code order, each parent before its children. */
    List<AccountLine> sorted(String classification) {
        List<AccountLine> out = new ArrayList<>(lines.stream().filter(l -> l.classification().equals(classification)).toList());
        out.sort(Comparator.comparing(AccountLine::code));
        return out;
    }

    List<AccountLine> children(AccountLine parent) {
        return sorted(parent.classification()).stream().filter(l -> parent.code().equals(l.parentCode())).toList();
    }

    /** The year's total of a classification: the sum of its top-level (类) lines' actuals. */
    BigDecimal total(String classification) {
        BigDecimal sum = null;
        for (AccountLine l : lines) {
            if (l.classification().equals(classification) && l.level() == 1 && l.actual() != null) {
                sum = sum == null ? l.actual() : sum.add(l.actual());
            }
        }
        return sum;
    }
}
