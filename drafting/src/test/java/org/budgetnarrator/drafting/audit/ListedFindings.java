package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.PublicTable;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the real-report tests match a finding with what a careful reading listed: by its figures, or by its rows. */
final class ListedFindings {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private ListedFindings() {
    }

    /** The figures a text writes, trailing zeros aside. */
    static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(new BigDecimal(m.group()).stripTrailingZeros());
        }
        return out;
    }

    /** A finding's place as a vocabulary row, TABLE/row. */
    static String row(Subject s) {
        String number = s.table() == null ? "" : s.table().split(" ")[0];
        for (PublicTable t : PublicTable.values()) {
            if (t.number().equals(number)) {
                return t.name() + "/" + s.code();
            }
        }
        return number + "/" + s.code();
    }
}
