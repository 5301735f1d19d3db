package org.budgetnarrator.api.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: reported as the median with the spread (min–max) of the runs. */
final class Series {

    private final List<Double> values = new ArrayList<>();

    Series add(double value) {
        values.add(value);
        return this;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int size() {
        return values.size();
    }

    double median() {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "1342 (1210–1400)" with the given number of decimals; one run shows the value alone. */
    String format(int decimals) {
        if (values.isEmpty()) {
            return "—";
        }
        String f = "%." + decimals + "f";
        if (values.size() == 1) {
            return String.format(Locale.ROOT, f, values.get(0));
        }
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median(), min(), max());
    }
}
