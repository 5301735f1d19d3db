package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The shipped report layouts (resources layouts/, listed in layouts/index.txt). */
public final class ReportLayouts {

    /** The national format's 一 to 十三, the layout of a style that names none. */
    public static final String NATIONAL = "national";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportLayouts() {
    }

    public static List<String> available() {
        return ShippedResources.names("layouts/index.txt");
    }

    /** @throws IllegalArgumentException for an unknown layout, or a file that is not one */
    public static ReportLayout load(String name) {
        String key = name == null ? NATIONAL : name;
        if (!available().contains(key)) {
            throw new IllegalArgumentException("unknown report layout '" + key + "'; available: " + available());
        }
        return read("layouts/" + key + ".json");
    }

    /**
     * The layout of a document other than the final accounts (layouts/documents/NAME.json): a self-evaluation's or a
     * budget-stage target summary's sections. Not in the index, so no style can print a 决算 in it.
     */
    static ReportLayout document(String name) {
        return read("layouts/documents/" + name + ".json");
    }

    private static ReportLayout read(String path) {
        try (InputStream in = ShippedResources.open(path)) {
            return MAPPER.readValue(in, ReportLayout.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " is not a valid report layout: " + e.getMessage(), e);
        }
    }
}
