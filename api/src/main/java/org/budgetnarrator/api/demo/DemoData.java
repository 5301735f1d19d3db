package org.budgetnarrator.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the four seed departments (transcribed from their published documents, resources demo/) at
 * start-up, through the same importer as any other file. A department-year already stored is kept as it is.
 */
@Singleton
@Requires(property = "narrator.demo.enabled", value = "true")
public class DemoData implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DepartmentYearImporter importer;
    private final ResourceResolver resources;
    private final DepartmentYearStore store;

    public DemoData(DepartmentYearImporter importer, ResourceResolver resources, DepartmentYearStore store) {
        this.importer = importer;
        this.resources = resources;
        this.store = store;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<String> loaded = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String name : files()) {
            byte[] content = read("demo/" + name);
            String key = key(content);
            if (store.exists(key.substring(0, key.lastIndexOf(' ')), Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1)))) {
                // Never overwrite a stored department-year: an officer may have edited the demo data.
                kept.add(key);
                continue;
            }
            ImportResult result = importer.importContent(name, content);
            if (!result.stored()) {
                result.errors().forEach(p -> LOG.error("demo data: {}", p.message()));
                throw new IllegalStateException("demo data " + name + " does not import: " + result.errors().size() + " errors");
            }
            loaded.add(result.departmentCode() + " " + result.year());
        }
        if (!loaded.isEmpty()) {
            LOG.info("Demo data loaded: {}", String.join(", ", loaded));
        }
        if (!kept.isEmpty()) {
            LOG.info("Demo data already stored, kept as it is: {}", String.join(", ", kept));
        }
    }

    private static String key(byte[] content) {
        try {
            com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(content);
            return doc.path("department").path("code").asText() + " " + doc.path("year").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo files, listed in demo/index.txt (a jar cannot be listed portably). */
    public List<String> files() {
        return new String(read("demo/index.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private byte[] read(String path) {
        try (InputStream in = resources.getResourceAsStream("classpath:" + path)
                .orElseThrow(() -> new IllegalStateException("missing resource " + path))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
