package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shipped report layouts (resources layouts/, listed in layouts/index.txt). */
public final class ReportLayouts {

    /** The national format's 一 to 十三, the layout of a style that names none. */
    public static final String NATIONAL = "national";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportLayouts() {
    }

    public static List<String> available() {
        try (InputStream in = open("layouts/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException for an unknown layout, or a file that is not one */
    public static ReportLayout load(String name) {
        String key = name == null ? NATIONAL : name;
        if (!available().contains(key)) {
            throw new IllegalArgumentException("unknown report layout '" + key + "'; available: " + available());
        }
        try (InputStream in = open("layouts/" + key + ".json")) {
            return MAPPER.readValue(in, ReportLayout.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("layouts/" + key + ".json is not a valid report layout: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = ReportLayouts.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }
}
