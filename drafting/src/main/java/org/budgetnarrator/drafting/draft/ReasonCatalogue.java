package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The reason codes for variances, each with its canonical phrase, the subjects and directions it fits,
 * and the improvement measures it implies. Shipped as data (resources reasons/catalogue.json); a file
 * of the same shape can replace it.
 */
public final class ReasonCatalogue {

    /** One reason code. */
    public record Reason(String code, String name, String phrase, List<String> directions, List<String> subjects,
                         List<String> measures) {

        /** Whether it fits a subject (by prefix, or * for any) and a direction (UP or DOWN). */
        public boolean fits(String subject, String direction) {
            boolean s = subjects.contains("*") || subjects.stream().anyMatch(subject::startsWith);
            return s && (direction == null || directions.contains(direction));
        }
    }

    private record File(String description, List<Reason> reasons) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<Reason> reasons;

    private ReasonCatalogue(List<Reason> reasons) {
        this.reasons = List.copyOf(reasons);
    }

    public static ReasonCatalogue shipped() {
        try (InputStream in = ReasonCatalogue.class.getClassLoader().getResourceAsStream("reasons/catalogue.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource reasons/catalogue.json");
            }
            return new ReasonCatalogue(MAPPER.readValue(in, File.class).reasons());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReasonCatalogue fromFile(Path path) {
        try {
            return new ReasonCatalogue(MAPPER.readValue(Files.readAllBytes(path), File.class).reasons());
        } catch (IOException e) {
            throw new IllegalArgumentException(path + " is not a reason catalogue: " + e.getMessage(), e);
        }
    }

    public List<Reason> all() {
        return reasons;
    }

    public Optional<Reason> find(String code) {
        return code == null ? Optional.empty() : reasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
