package org.budgetnarrator.model.imports;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatLimitsTest {

    /** docs/import-format.md states the limits the importer applies; regenerate with -Dschema.update=true. */
    @Test
    void publishedLimitsMatchTheImportFormat() throws Exception {
        Path page = Path.of("..", "docs", "import-format.md");
        String text = Files.readString(page);
        int begin = text.indexOf(FormatLimits.BEGIN);
        int end = text.indexOf(FormatLimits.END);
        assertTrue(begin >= 0 && end > begin, "docs/import-format.md has no generated limits section");
        String published = text.substring(begin, end + FormatLimits.END.length() + 1);
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(page, text.replace(published, FormatLimits.markdown()));
            published = FormatLimits.markdown();
        }
        assertEquals(FormatLimits.markdown(), published,
                "the limits in docs/import-format.md are out of date: run ./mvnw -pl model test -Dtest=FormatLimitsTest -Dschema.update=true");
    }
}
