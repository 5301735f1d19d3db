package org.budgetnarrator.drafting.indicator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scoring profiles shipped as resources under {@code scoring/}. A plain index file
 * ({@code scoring/index.txt}) lists them because a class path directory cannot be listed
 * portably inside a jar — the same convention as the demo data's {@code demo/index.txt}.
 */
public final class ScoringProfiles {

    /** The national profile (财政部 财预〔2020〕10号). */
    public static final String NATIONAL = "national";

    private static final String DIRECTORY = "scoring/";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ScoringProfiles() {
    }

    /** The names of the shipped profiles, in index order ("national", "budget20", "bands-80-50"). */
    public static List<String> available() {
        try (InputStream in = open(DIRECTORY + "index.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.endsWith(".json") ? l.substring(0, l.length() - 5) : l)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The profile of that name.
     *
     * @throws IllegalArgumentException when no such profile is shipped or its file is invalid
     */
    public static ScoringProfile load(String name) {
        if (name == null || !available().contains(name)) {
            throw new IllegalArgumentException("unknown scoring profile '" + name + "'; available: " + available());
        }
        try (InputStream in = open(DIRECTORY + name + ".json")) {
            ScoringProfile profile = MAPPER.readValue(in, ScoringProfile.class);
            if (!name.equals(profile.name())) {
                throw new IllegalArgumentException("scoring/" + name + ".json names itself '" + profile.name() + "'");
            }
            return profile;
        } catch (IOException e) {
            throw new IllegalArgumentException("scoring/" + name + ".json is not a valid profile: " + e.getMessage(), e);
        }
    }

    /** The national profile. */
    public static ScoringProfile national() {
        return load(NATIONAL);
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = ScoringProfiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing resource " + resource);
        }
        return in;
    }
}
