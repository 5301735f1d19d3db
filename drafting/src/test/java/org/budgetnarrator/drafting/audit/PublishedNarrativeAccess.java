package org.budgetnarrator.drafting.audit;

import java.io.IOException;
import java.nio.file.Path;

/** The published narrative reader, for tests outside this package. */
public final class PublishedNarrativeAccess {

    private PublishedNarrativeAccess() {
    }

    public static String of(Path pdf) throws IOException {
        return PublishedNarrative.of(pdf);
    }
}
