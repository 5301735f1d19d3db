package org.budgetnarrator.model.imports;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableVocabularyTest {

    /** docs/import-format.md lists the rows and columns the importer accepts; regenerate with -Dschema.update=true. */
    @Test
    void publishedTableRowsAndColumnsMatchTheCatalogue() throws Exception {
        Path page = Path.of("..", "docs", "import-format.md");
        String text = Files.readString(page);
        int begin = text.indexOf(TableVocabulary.BEGIN);
        int end = text.indexOf(TableVocabulary.END);
        assertTrue(begin >= 0 && end > begin, "docs/import-format.md has no generated public tables section");
        String published = text.substring(begin, end + TableVocabulary.END.length() + 1);
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(page, text.replace(published, TableVocabulary.markdown()));
            published = TableVocabulary.markdown();
        }
        assertEquals(TableVocabulary.markdown(), published, "the public tables in docs/import-format.md are out of date: "
                + "run ./mvnw -pl model test -Dtest=TableVocabularyTest -Dschema.update=true");
    }
}
