package org.budgetnarrator.model.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The problems of one file, at most {@link ImportFormat#MAX_PROBLEMS} of them listed: a file of a million bad
 * cells must not become a million messages. The rest are counted, and a last line says how many.
 */
final class ProblemList {

    private final String fileName;
    private final List<ImportProblem> listed = new ArrayList<>();
    private long moreErrors;
    private long moreWarnings;

    ProblemList(String fileName) {
        this.fileName = fileName;
    }

    void add(ImportProblem problem) {
        if (listed.size() < ImportFormat.MAX_PROBLEMS) {
            listed.add(problem);
        } else if (problem.isError()) {
            moreErrors++;
        } else {
            moreWarnings++;
        }
    }

    void addAll(ProblemList other) {
        other.listed.forEach(this::add);
        moreErrors += other.moreErrors;
        moreWarnings += other.moreWarnings;
    }

    boolean hasErrors() {
        return moreErrors > 0 || listed.stream().anyMatch(ImportProblem::isError);
    }

    /** The listed problems, then (when some were not listed) one more that counts them. */
    List<ImportProblem> all() {
        if (moreErrors + moreWarnings == 0) {
            return Collections.unmodifiableList(listed);
        }
        List<ImportProblem> out = new ArrayList<>(listed);
        String expected = Texts.count(moreErrors + moreWarnings) + " more problems (" + Texts.count(moreErrors) + " errors, "
                + Texts.count(moreWarnings) + " warnings) not listed; at most " + Texts.count(ImportFormat.MAX_PROBLEMS)
                + " are listed per file";
        Location at = Location.file(fileName);
        out.add(moreErrors > 0 ? ImportProblem.error(at, null, null, expected) : ImportProblem.warning(at, null, null, expected));
        return Collections.unmodifiableList(out);
    }
}
