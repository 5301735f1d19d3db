package org.budgetnarrator.drafting.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sections a report's 情况说明 has, in which order, under which numbers and titles: a 部门决算 of Shanghai's
 * districts puts 三公 seventh and 机关运行经费, 政府采购 and 国有资产 under 十一 其他重要事项, where the national format
 * gives each a section of its own. Shipped as data (resources layouts/*.json); a new layout is a file, not code.
 *
 * @param name     its key
 * @param title    what it is
 * @param part     the part's heading, {year} standing for the fiscal year
 * @param sections the sections in order
 */
public record ReportLayout(String name, String title, String part, List<Section> sections) {

    /**
     * A section: its heading, and either the content drafted under it or its numbered parts, each a section.
     *
     * @param heading as printed, with its number ("十一、其他重要事项的情况说明", "（一）机关运行经费支出情况")
     * @param content what is drafted under it, or null for a section made of parts
     * @param parts    its parts, empty when it has content
     * @param template the template its content is drafted with where the layout words it its own way (上海's 三公
     *                 section states each item's completion and share), null for the content's national template
     */
    public record Section(String heading, SectionKind content, List<Section> parts, String template) {

        public Section(String heading, SectionKind content, List<Section> parts) {
            this(heading, content, parts, null);
        }

        /** The template file's name, without ".ftl". */
        public String templateName() {
            return template != null ? template : content.template();
        }

        public Section {
            if (template != null && !template.matches("[a-z0-9-]{1,60}")) {
                throw new IllegalArgumentException("layout section '" + heading + "': template '" + template
                        + "' is not a template name (lower-case letters, digits and hyphens)");
            }
            if (template != null && content == null) {
                throw new IllegalArgumentException("layout section '" + heading + "' names a template but has no content");
            }
            parts = parts == null ? List.of() : List.copyOf(parts);
            if ((content == null) == parts.isEmpty()) {
                throw new IllegalArgumentException("layout section '" + heading + "' needs either a content or parts, not "
                        + (content == null ? "neither" : "both"));
            }
        }
    }

    public ReportLayout {
        sections = List.copyOf(sections);
    }

    /** The part's heading for a year. */
    public String part(int year) {
        return part.replace("{year}", String.valueOf(year));
    }

    /** The heading a section's content is printed under in this layout; the national one for a section it lacks. */
    public String headingOf(SectionKind content) {
        return contents().stream().filter(s -> s.content() == content).map(Section::heading).findFirst().orElse(content.title());
    }

    /** The template a section's content is drafted with in this layout (its own, or the national one). */
    public String templateOf(SectionKind content) {
        return contents().stream().filter(s -> s.content() == content).map(Section::templateName).findFirst().orElse(content.template());
    }

    /** Every section with content, parts in place of their section, in order. */
    public List<Section> contents() {
        List<Section> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.content() != null) {
                out.add(s);
            } else {
                out.addAll(s.parts());
            }
        }
        return out;
    }
}
