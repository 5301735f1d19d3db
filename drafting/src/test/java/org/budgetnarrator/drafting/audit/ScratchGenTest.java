package org.budgetnarrator.drafting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.generate.VariationGenerator;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.*;

class ScratchGenTest {
    @Test
    void dump() throws Exception {
        var g = new VariationGenerator();
        for (var k : List.of(VariationGenerator.Seeded.MISSED_TARGET_CALLED_MET, VariationGenerator.Seeded.COPIED_PARAGRAPH, VariationGenerator.Seeded.DOUBLED_CHARACTER)) {
            var gen = g.generate(5, EnumSet.of(VariationGenerator.Variation.PROJECT_LEVELS), k);
            Files.writeString(Path.of("/tmp/gen/" + k + ".json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(gen.document()));
            Files.writeString(Path.of("/tmp/gen/" + k + ".expected"), gen.expected().toString());
        }
    }
}
