package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo fixtures as YearData, read straight from the model module's resources (no database). */
final class Demo {

    private Demo() {
    }

    static YearData load(String file) {
        try (InputStream in = Demo.class.getResourceAsStream("/demo/" + file)) {
            return fromJson(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YearData fromJson(String name, byte[] json) {
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(name, json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }
}
