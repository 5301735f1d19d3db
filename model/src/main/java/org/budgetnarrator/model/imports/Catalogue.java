package org.budgetnarrator.model.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The known part of 《政府收支分类科目》: functional (类/款/项) and economic (类/款) codes with their names,
 * as collected from public documents (shared/classification, copied into resources/catalogue). It is
 * partial: a code it lacks is accepted with a warning when its shape fits.
 */
public final class Catalogue {

    public record Entry(String code, String name, String parentCode) {
    }

    private static final Catalogue INSTANCE = new Catalogue(load("catalogue/functional.csv"), load("catalogue/economic.csv"));

    private final Map<String, Entry> functional;
    private final Map<String, Entry> economic;

    private Catalogue(Map<String, Entry> functional, Map<String, Entry> economic) {
        this.functional = functional;
        this.economic = economic;
    }

    public static Catalogue get() {
        return INSTANCE;
    }

    public Optional<Entry> functional(String code) {
        return Optional.ofNullable(functional.get(code));
    }

    public Optional<Entry> economic(String code) {
        return Optional.ofNullable(economic.get(code));
    }

    public Map<String, Entry> functionalEntries() {
        return Collections.unmodifiableMap(functional);
    }

    /** Names compare equal when they differ only in full- or half-width brackets and spaces. */
    public static boolean sameName(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String name) {
        return name.replace('（', '(').replace('）', ')').replaceAll("\\s+", "");
    }

    private static Map<String, Entry> load(String resource) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,name")) {
                throw new IllegalStateException(resource + ": unexpected header " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                entries.put(cells[0], new Entry(cells[0], cells[1], cells[3].isEmpty() ? null : cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
