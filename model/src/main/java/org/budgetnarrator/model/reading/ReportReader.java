package org.budgetnarrator.model.reading;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a published report: decides what kind of document it is, lets the layout reader that knows its layout best
 * read its tables, and records the year, the department and the 情况说明 as the report prints them. Nothing is stored
 * here: the result is a document in the import format, which the one importer stores (atomically) where asked.
 */
public final class ReportReader {

    /** The layouts known, best first where two score alike. */
    public static ReportReader standard() {
        return new ReportReader(List.of(new NationalLayoutReader()));
    }

    private static final Pattern YEAR = Pattern.compile("(20\\d{2})\\s*年度?\\s*(?:部门|单位)?(?:决算|部门决算)");
    private static final Pattern DEPARTMENT = Pattern.compile("^(?:部门|单位|编制单位|预算单位)[:：]\\s*(\\S.{0,60}?)\\s*(?:单位[:：].*)?$");
    /** The national template's placeholders (XX部门, 20XX年) and title. */
    private static final Pattern TEMPLATE = Pattern.compile("部门决算模板|[XＸ]{2}(?:部门|单位|年)|20[XＸ]{2}\\s*年");
    /** What other documents call themselves: a budget, a self-evaluation, targets. */
    private static final Pattern OTHER = Pattern.compile("部门预算|单位预算|绩效自评表|绩效目标表|绩效目标申报表");
    private static final Pattern FINAL = Pattern.compile("决算");

    private final List<LayoutReader> layouts;

    public ReportReader(List<LayoutReader> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    public ReadResult read(ReportSource source) {
        if (source.lines().isEmpty()) {
            throw new ReadException(source.file(), "文件中没有可读的文字（空文件，或没有文字层的扫描件）");
        }
        String head = head(source, 60);
        ReadingReport report = new ReadingReport();
        if (count(TEMPLATE, source.text()) >= 3) {
            report.note("该文件是部门决算模板（含“XX部门”“20XX年”等占位文字），不是某一部门公开的决算，未读取数据");
            return new ReadResult(source.file(), ReadResult.ReportKind.TEMPLATE, null, report.done(), false);
        }
        if (!FINAL.matcher(head).find() && OTHER.matcher(head).find()) {
            Matcher m = OTHER.matcher(head);
            m.find();
            report.note("该文件是" + m.group() + "，不是部门决算，未读取数据");
            return new ReadResult(source.file(), ReadResult.ReportKind.OTHER, null, report.done(), false);
        }
        DocumentDraft document = new DocumentDraft();
        Matcher year = YEAR.matcher(head);
        if (year.find()) {
            document.year(Integer.parseInt(year.group(1)));
        } else {
            report.note("未读出报告年度（如“2024年度部门决算”）");
        }
        String department = null;
        for (ReportLine line : source.lines()) {
            Matcher m = DEPARTMENT.matcher(line.text());
            if (m.find()) {
                department = m.group(1).strip();
                break;
            }
        }
        if (department == null) {
            report.note("未读出部门名称（表头“部门：…”）");
            department = "未识别部门";
        }
        document.department(code(department), department, null);
        LayoutReader best = layouts.stream().filter(l -> l.score(source) > 0)
                .max(Comparator.comparingInt(l -> l.score(source))).orElse(null);
        boolean partial = false;
        if (best == null) {
            report.note("未识别出公开表的表式：只读出了表头，未读取各表数字");
            partial = true;
        } else {
            report.note("按" + best.name() + "表式读取");
            best.read(source, document, report);
        }
        if (document.year() == null) {
            partial = true;
        }
        return new ReadResult(source.file(), ReadResult.ReportKind.FINAL_ACCOUNTS, document.toDocument(), report.done(), partial);
    }

    /** A stable code for a department read by name: the importer keys departments by code. */
    static String code(String name) {
        return "READ-" + Integer.toUnsignedString(name.hashCode(), 36).toUpperCase(java.util.Locale.ROOT);
    }

    private static String head(ReportSource source, int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines, source.lines().size()); i++) {
            out.append(source.lines().get(i).text()).append('\n');
        }
        return out.toString();
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
