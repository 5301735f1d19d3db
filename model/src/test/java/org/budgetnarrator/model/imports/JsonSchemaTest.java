package org.budgetnarrator.model.imports;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonSchemaTest {

    /** docs/department-year.schema.json is generated; regenerate with -Dschema.update=true when the format changes. */
    @Test
    void publishedSchemaMatchesTheImportFormat() throws Exception {
        Path published = Path.of("..", "docs", "department-year.schema.json");
        if (Boolean.getBoolean("schema.update")) {
            Files.writeString(published, JsonSchema.text());
        }
        assertEquals(JsonSchema.text(), Files.readString(published),
                "docs/department-year.schema.json is out of date: run ./mvnw -pl model test -Dtest=JsonSchemaTest -Dschema.update=true");
    }
}
