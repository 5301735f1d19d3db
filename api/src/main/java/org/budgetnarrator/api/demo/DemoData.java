package org.budgetnarrator.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
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
 * start-up, through the same importer as any other file. Re-running replaces them, so it is idempotent.
 */
@Singleton
@Requires(property = "narrator.demo.enabled", value = "true")
public class DemoData implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final DepartmentYearImporter importer;
    private final ResourceResolver resources;

    public DemoData(DepartmentYearImporter importer, ResourceResolver resources) {
        this.importer = importer;
        this.resources = resources;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<String> loaded = new ArrayList<>();
        for (String name : files()) {
            ImportResult result = importer.importContent(name, read("demo/" + name));
            if (!result.stored()) {
                result.errors().forEach(p -> LOG.error("demo data: {}", p.message()));
                throw new IllegalStateException("demo data " + name + " does not import: " + result.errors().size() + " errors");
            }
            loaded.add(result.departmentCode() + " " + result.year());
        }
        LOG.info("Demo data loaded: {}", String.join(", ", loaded));
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
