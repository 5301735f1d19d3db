package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The shipped style profiles (resources styles/, listed in styles/index.txt). */
public final class StyleProfiles {

    public static final String DEFAULT = "default";
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StyleProfiles() {
    }

    public static List<String> available() {
        return ShippedResources.names("styles/index.txt");
    }

    /** @throws IllegalArgumentException for an unknown profile */
    public static StyleProfile load(String name) {
        if (name == null || !available().contains(name)) {
            throw new IllegalArgumentException("unknown style profile '" + name + "'; available: " + available());
        }
        try (InputStream in = ShippedResources.open("styles/" + name + ".json")) {
            return MAPPER.readValue(in, StyleProfile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("styles/" + name + ".json is not a valid style profile: " + e.getMessage(), e);
        }
    }
}
