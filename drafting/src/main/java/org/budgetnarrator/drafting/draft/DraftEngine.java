package org.budgetnarrator.drafting.draft;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.budgetnarrator.model.read.YearData;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drafts narrative sections from a department-year's numbers with FreeMarker templates
 * (resources templates/draft/*.ftl). A folder given as the override holds templates of the same names
 * that replace the shipped ones, so an officer can change wording without rebuilding.
 */
public final class DraftEngine {

    private final Configuration freemarker;
    private final ReasonCatalogue catalogue;
    private final Path overrides;

    public DraftEngine(Path overrides, ReasonCatalogue catalogue) {
        this.catalogue = catalogue;
        this.overrides = overrides;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        List<TemplateLoader> loaders = new ArrayList<>();
        if (overrides != null) {
            if (!Files.isDirectory(overrides)) {
                throw new IllegalArgumentException("narrator.templates.dir: " + overrides + " is not a folder");
            }
            try {
                loaders.add(new FileTemplateLoader(overrides.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(DraftEngine.class.getClassLoader(), "templates/draft"));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        this.freemarker = cfg;
    }

    public static DraftEngine shipped() {
        return new DraftEngine(null, ReasonCatalogue.shipped());
    }

    public ReasonCatalogue catalogue() {
        return catalogue;
    }

    /** Where template overrides are read from, or null. */
    public Path overrides() {
        return overrides;
    }

    /**
     * One section.
     *
     * @throws SectionNotHeldException when the department-year's document does not hold it (a 决算 section of a
     *                                 budget-stage year): nothing is drafted from figures that are not there
     */
    public Draft draft(YearData data, SectionKind section, StyleProfile style) {
        DocumentKind kind = DocumentKind.of(data);
        if (!kind.holds(section)) {
            throw new SectionNotHeldException(kind, data.year().year(), section);
        }
        DraftContext ctx = new DraftContext(data, style, catalogue);
        Map<String, Object> model = new SectionModels(ctx).model(section);
        ReportLayout layout = ReportLayouts.load(style.layout());
        String title = section.finalAccounts() ? layout.headingOf(section) : section.title();
        String template = section.finalAccounts() ? layout.templateOf(section) : section.template();
        return DraftText.build(section, title, render(template + ".ftl", model), ctx.facts(), ctx.gaps(), style.name());
    }

    /**
     * The whole report of what the department-year holds, in its layout ({@link DocumentKind#layout}): a final-accounts
     * year's 情况说明 in the style's layout, a self-evaluation's blocks, or a budget year's target summary; each section
     * under its heading, parts under theirs, in order. Facts and gaps are placed in the report's own text.
     */
    public Draft report(YearData data, StyleProfile style) {
        ReportLayout layout = DocumentKind.of(data).layout(style);
        DraftContext ctx = new DraftContext(data, style, catalogue);
        SectionModels models = new SectionModels(ctx);
        StringBuilder rendered = new StringBuilder();
        for (ReportLayout.Section section : layout.sections()) {
            if (rendered.length() > 0) {
                rendered.append('\n');
            }
            rendered.append(section.heading());
            if (section.content() != null) {
                rendered.append('\n').append(render(section.templateName() + ".ftl", models.model(section.content())));
            }
            for (ReportLayout.Section part : section.parts()) {
                rendered.append('\n').append(part.heading()).append('\n')
                        .append(render(part.templateName() + ".ftl", models.model(part.content())));
            }
        }
        return DraftText.build(null, layout.part(data.year().year()), rendered.toString(), ctx.facts(), ctx.gaps(), style.name());
    }

    /** The SHA-256 of each template's source as now loaded (shipped or overridden): a report's template versions. */
    public Map<String, String> templateHashes() {
        Map<String, String> out = new java.util.TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (SectionKind section : SectionKind.values()) {
            names.add(section.template());
        }
        // A layout's own wording of a section is a template of the report too.
        for (String layout : ReportLayouts.available()) {
            ReportLayouts.load(layout).contents().forEach(s -> names.add(s.templateName()));
        }
        for (String template : names) {
            String name = template + ".ftl";
            try {
                Object source = freemarker.getTemplateLoader().findTemplateSource(name);
                try (java.io.Reader reader = freemarker.getTemplateLoader().getReader(source, "UTF-8")) {
                    StringWriter text = new StringWriter();
                    reader.transferTo(text);
                    out.put(name, sha256(text.toString()));
                } finally {
                    freemarker.getTemplateLoader().closeTemplateSource(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String render(String name, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
