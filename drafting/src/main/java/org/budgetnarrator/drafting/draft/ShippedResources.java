package org.budgetnarrator.drafting.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Data files shipped on the class path, listed in an index file (one name a line, # for comments). */
final class ShippedResources {

    private ShippedResources() {
    }

    /** The names an index lists. */
    static List<String> names(String index) {
        try (InputStream in = open(index)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream open(String path) throws IOException {
        InputStream in = ShippedResources.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing resource " + path);
        }
        return in;
    }
}
