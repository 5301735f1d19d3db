package org.budgetnarrator.model.reading;

import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national layout's nine tables read by where their figures stand (a PDF's text layer, or {@code pdftotext -layout}
 * text): each table found by its heading (一、收入支出决算总表, a 公开NN表/表N label, the 金额单位 line), its columns by the
 * header cells across the page, its rows by line — account rows by 科目编码, named rows (本年收入合计, 年初结转和结余, 总计 …)
 * by name, 01 and 04 in two blocks, 收入 and 支出.
 * <p>
 * A table's figures are right-aligned in their cells and its headers centred, so a figure's right edge lies past the
 * centre of its own column's header and short of the next one's: that, not the nearest header, gives its column (a
 * header is often narrower than its figures and stands left of them). A name is left-aligned or centred, so its left
 * edge lies short of its column's centre and past the previous one's. A figure whose edge falls on a centre fits two
 * columns: it is reported uncertain, never placed silently.
 * <p>
 * {@code pdftotext -layout} sets one character a column whatever its width (a CJK character takes one, not two), so
 * plain text is measured in characters here, not in the display columns the source gives. It also sets each line at a
 * pitch of its own, so a header's wrapped labels drift against each other and against the figures: in such text a
 * header gives its labels' order, and the figures' files across the page give the columns' places (see fromFiles).
 * {@code pdftotext -fixed 4.5} (half a CJK character of 9-point type) keeps one scale on every line: read as a PDF is.
 */
public final class PositionedLayoutReader implements LayoutReader {

    private record Spec(PublicTable table, Pattern title) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(PublicTable.T01, Pattern.compile("收入支出决算(?:总)?表")),
            new Spec(PublicTable.T02, Pattern.compile("收入决算表")),
            new Spec(PublicTable.T03, Pattern.compile("支出决算表")),
            new Spec(PublicTable.T04, Pattern.compile("财政拨款收入支出决算总表")),
            new Spec(PublicTable.T05, Pattern.compile("一般公共预算财政拨款支出决算表")),
            new Spec(PublicTable.T06, Pattern.compile("一般公共预算财政拨款基本支出决算(?:明细)?表")),
            new Spec(PublicTable.T07, Pattern.compile("政府性基金预算财政拨款(?:收入)?支出决算表")),
            new Spec(PublicTable.T08, Pattern.compile("国有资本经营预算财政拨款(?:收入)?支出决算表")),
            new Spec(PublicTable.T09, Pattern.compile("(?:一般公共预算)?财政拨款.?三公.?经费支出决算表")));

    private static final Pattern FIGURE = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)\\.\\d{1,2}");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,6}");
    private static final Pattern CODE = Pattern.compile("\\d{3}(?:\\d{2}){0,2}");
    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|\\d{1,2}[.．、])?(?:20\\d{2}年度?)?(.+)$");
    private static final Pattern LABEL = Pattern.compile("^(?:公开0?[1-9]表?|表[1-9一二三四五六七八九十]+表?|[一二三四五六七八九十]+)$");
    private static final Pattern UNIT = Pattern.compile("(?:金额)?单位[:：]\\s*((?:亿|万|千|百)?元)");
    private static final Pattern PART = Pattern.compile("^第[一二三四五六七八九十]+部分");
    private static final Pattern NOTE = Pattern.compile("^注[:：]");

    @Override
    public String name() {
        return "全国统一表式（按表头各栏位置读取）";
    }

    /**
     * Above the non-positioned national reading (which scores ten a labelled table) where the tables are laid out: a PDF,
     * or text whose figures stand apart in columns; nothing for text that runs a row's words together (pdftotext without
     * -layout), which only the national reader's figure counting can read.
     */
    @Override
    public int score(ReportSource source) {
        List<Found> tables = tables(source);
        if (tables.size() < 3) {
            return 0;
        }
        if (!source.positioned()) {
            int rows = 0;
            int apart = 0;
            for (Found f : tables) {
                for (ReportLine line : f.lines) {
                    List<ReportLine.Word> w = line.words();
                    if (w.stream().filter(x -> FIGURE.matcher(x.text()).matches()).count() < 1 || w.size() < 2) {
                        continue;
                    }
                    rows++;
                    for (int i = 1; i < w.size(); i++) {
                        if (w.get(i).left() - w.get(i - 1).right() >= 3) {
                            apart++;
                            break;
                        }
                    }
                }
            }
            if (rows == 0 || apart * 10 < rows * 8) {
                return 0;
            }
        }
        return 100 + tables.size();
    }

    /** A table found: which, its heading's text, its label, and its lines after the 金额单位 line. */
    private record Found(PublicTable table, String title, String label, String unit, List<ReportLine> lines) {
    }

    private static List<Found> tables(ReportSource source) {
        List<ReportLine> lines = source.lines();
        List<int[]> starts = new ArrayList<>();
        List<Found> out = new ArrayList<>();
        List<Object[]> heads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text().replace(" ", "");
            Spec spec = spec(text);
            int after = i;
            if (spec == null && i + 1 < lines.size() && lines.get(i + 1).text().replace(" ", "").length() <= 6) {
                // a long heading wrapped: its last characters on a line of their own (…决算明细 / 表)
                text = text + lines.get(i + 1).text().replace(" ", "");
                spec = spec(text);
                after = i + 1;
            }
            if (spec == null) {
                continue;
            }
            // a heading of a table is followed by its 金额单位 line (the table of contents' entries are not)
            String label = null;
            for (int j = after + 1; j < Math.min(lines.size(), after + 4); j++) {
                String next = lines.get(j).text().replace(" ", "");
                Matcher u = UNIT.matcher(next);
                if (u.find()) {
                    if (label == null && !text.matches("^(?:[一二三四五六七八九十]+、|\\d{1,2}[.．、]).*")) {
                        break; // a bare title (Shanghai's layout) is the Shanghai reader's
                    }
                    heads.add(new Object[]{spec, text, label, u.group(1), j});
                    starts.add(new int[]{i, j});
                    break;
                }
                if (LABEL.matcher(next).matches()) {
                    label = lines.get(j).text().strip();
                } else {
                    break;
                }
            }
        }
        for (int k = 0; k < heads.size(); k++) {
            Object[] h = heads.get(k);
            int from = (Integer) h[4] + 1;
            int end = k + 1 < starts.size() ? starts.get(k + 1)[0] : lines.size();
            for (int i = from; i < end; i++) {
                String t = lines.get(i).text();
                if (PART.matcher(t).find() || NOTE.matcher(t).find()) {
                    end = i;
                    break;
                }
            }
            Spec spec = (Spec) h[0];
            if (out.stream().anyMatch(f -> f.table == spec.table)) {
                continue;
            }
            out.add(new Found(spec.table, (String) h[1], (String) h[2], (String) h[3], lines.subList(from, Math.max(from, end))));
        }
        return out;
    }

    private static Spec spec(String text) {
        Matcher h = HEADING.matcher(text);
        if (!h.matches()) {
            return null;
        }
        for (Spec s : SPECS) {
            if (s.title.matcher(h.group(1)).matches()) {
                return s;
            }
        }
        return null;
    }

    @Override
    public void read(ReportSource source, DocumentDraft document, ReadingReport report) {
        List<Found> tables = tables(source);
        int position = 0;
        String unit = null;
        for (Found f : tables) {
            document.layout(f.table.name(), f.label, f.title.replaceFirst("^[一二三四五六七八九十]+、", ""), ++position);
            if (unit != null && !unit.equals(f.unit)) {
                report.note(f.table.number() + "表的金额单位为" + f.unit + "，与前表（" + unit + "）不同，数字按原样读取");
            }
            unit = unit == null ? f.unit : unit;
            new TableReading(f, source.positioned(), document, report).read();
        }
        if ("元".equals(unit)) {
            document.moneyUnit("元");
        }
        for (PublicTable t : List.of(PublicTable.T01, PublicTable.T02, PublicTable.T03, PublicTable.T04, PublicTable.T05,
                PublicTable.T06, PublicTable.T07, PublicTable.T08, PublicTable.T09)) {
            if (tables.stream().noneMatch(f -> f.table == t)) {
                report.missing("未找到" + t.number() + "表（" + t.title() + "）");
            }
        }
        ReportNarrative.read(source, document, report);
        ShanghaiLayoutReader.Identities.check(document, report);
    }

    /** A word where the reader measures it: points (a PDF) or characters (pdftotext -layout). */
    private record Spot(String text, double left, double right, ReportLine line) {
        double center() {
            return (left + right) / 2;
        }
    }

    /** The words of a line, measured in characters for plain text (see the class comment). */
    static List<Spot> spots(ReportLine line, boolean positioned) {
        List<Spot> out = new ArrayList<>();
        double shift = 0;
        for (ReportLine.Word w : line.words()) {
            if (positioned) {
                out.add(new Spot(w.text(), w.left(), w.right(), line));
                continue;
            }
            int chars = w.text().codePointCount(0, w.text().length());
            double left = w.left() - shift;
            out.add(new Spot(w.text(), left, left + chars, line));
            shift += (w.right() - w.left()) - chars;
        }
        return out;
    }

    /** What a header cell heads. */
    private enum Role { CODE, NAME, LINE_NO, VALUE, OTHER }

    /** A column from a header cell: its label, role, the key of its cells, its centre and its block (01/04: 0 收入, 1 支出). */
    private record Col(String label, Role role, String key, double center, double left, double right, int block, double edge) {
    }

    /** A printed row: its key, printed name, block, page and where it stands down the page. */
    private record Anchor(String key, String name, int block, int page, double y, ReportLine line) {
    }

    private static final class TableReading {
        private final Found found;
        private final PublicTable table;
        private final boolean positioned;
        private final DocumentDraft document;
        private final ReadingReport report;
        private final Map<String, ReportLine> filled = new LinkedHashMap<>();
        private int trips;
        private java.util.Set<Col> crowded = java.util.Set.of();
        /** Text: a column whose file the identities could not tell from other columns' (see byIdentities). */
        private final Map<Col, List<Col>> doubtful = new java.util.HashMap<>();
        /** Text: a figure's column settled by its file, or the columns its file may stand under where two fit. */
        private final Map<Spot, Col> settled = new java.util.HashMap<>();
        private final Map<Spot, List<Col>> unsettled = new java.util.HashMap<>();

        TableReading(Found found, boolean positioned, DocumentDraft document, ReadingReport report) {
            this.found = found;
            this.table = found.table;
            this.positioned = positioned;
            this.document = document;
            this.report = report;
        }

        /** Half a row: a figure of a cell wrapped over lines stands this far from its row's name at most. */
        private double reach() {
            return positioned ? 9 : 1.5;
        }

        /** Within this of a header's centre a figure's edge fits both columns. */
        private double tie() {
            return positioned ? 1.0 : 0.5;
        }

        void read() {
            List<ReportLine> lines = found.lines;
            if (lines.isEmpty()) {
                report.missing(table.number() + "表：表题之后没有内容");
                return;
            }
            // page by page: each page of a table repeats its header row
            Map<Integer, List<ReportLine>> pages = new LinkedHashMap<>();
            for (ReportLine line : lines) {
                pages.computeIfAbsent(line.page(), p -> new ArrayList<>()).add(line);
            }
            List<Col> columns = null;
            Map<String, Integer> incomeNext = new LinkedHashMap<>();
            incomeNext.put("next", 0);
            List<String> header = null;
            for (List<ReportLine> page : pages.values()) {
                int body = 0;
                if (header == null) {
                    while (body < page.size() && (isHeader(page.get(body)) || wrappedTotal(page.subList(0, body), page.get(body)))) {
                        body++;
                    }
                } else {
                    // the header row repeated atop the next page: its lines as the first page printed them (a row
                    // with no figure, such as 公务用车购置费 left blank, is no header)
                    while (body < page.size() && header.contains(page.get(body).text().replace(" ", ""))) {
                        body++;
                    }
                }
                if (header == null && body > 0) {
                    header = page.subList(0, body).stream().map(l -> l.text().replace(" ", "")).toList();
                }
                List<Col> here = columns(page.subList(0, body));
                if (!positioned && body > 0) {
                    here = fromFiles(here, page.subList(0, body), page.subList(body, page.size()));
                }
                if (here.stream().anyMatch(c -> c.role == Role.VALUE)) {
                    columns = here;
                } else if (columns == null) {
                    continue;
                } else {
                    body = 0; // the page carries on without repeating the header
                }
                rows(columns, page.subList(body, page.size()), incomeNext);
            }
            if (columns == null) {
                report.missing(table.number() + "表：未读出表头各栏");
            }
        }

        /**
         * Text: pdftotext -layout sets each line on its own, so a header's wrapped labels drift against each other and
         * against the figures by several characters (a label's pieces overlap their neighbours', the header stands left
         * of its figures). What the header says reliably is its labels' order; where the figures stand is said by the
         * figures themselves, across the page (each page of a table is laid out on its own). So each block's labels are
         * assembled from the header's lines as the table's columns (every piece taken in order, each label a column of
         * this table, none twice), and their positions are the files of the page's full lines (a figure under every
         * label): each column's figures' median right edge, or where no line fills its block, the files the rows'
         * identities allow (byIdentities). Where the header is laid out to scale (toScale), the labels cannot be
         * assembled, or no placement holds, the header's own positions stand.
         */
        private List<Col> fromFiles(List<Col> columns, List<ReportLine> header, List<ReportLine> body) {
            if (table == PublicTable.T01 || table == PublicTable.T06 || table == PublicTable.T09 || toScale(header)) {
                return columns;
            }
            List<Col> out = new ArrayList<>(columns);
            int blocks = columns.stream().mapToInt(Col::block).max().orElse(0) + 1;
            for (int b = 0; b < blocks; b++) {
                final int block = b;
                List<Col> fixed = columns.stream().filter(c -> c.block == block
                        && (c.role == Role.CODE || c.role == Role.NAME || c.role == Role.LINE_NO)).toList();
                if (fixed.isEmpty()) {
                    continue;
                }
                double from = fixed.stream().mapToDouble(Col::right).max().orElseThrow();
                double to = columns.stream().filter(c -> c.block > block).mapToDouble(Col::left).min().orElse(Double.MAX_VALUE);
                List<List<Spot>> pieces = new ArrayList<>();
                for (ReportLine line : header) {
                    pieces.add(spots(line, false).stream().filter(s -> s.center() > from && s.center() < to
                            && role(s.text) == Role.VALUE).toList());
                }
                List<String> labels = labels(pieces);
                if (labels == null || labels.isEmpty()) {
                    continue;
                }
                // the files: lines with a figure under every label of the block
                double right = to;
                List<double[]> full = new ArrayList<>();
                for (ReportLine line : body) {
                    List<Spot> figures = spots(line, false).stream().filter(s -> FIGURE.matcher(s.text).matches()
                            && s.right > from && s.left < right).toList();
                    if (figures.size() == labels.size()) {
                        full.add(figures.stream().mapToDouble(Spot::right).toArray());
                    }
                }
                double[] edges = new double[labels.size()];
                Map<Integer, java.util.Set<Integer>> doubts = new LinkedHashMap<>();
                if (full.isEmpty()) {
                    edges = byIdentities(labels, body, from, right, doubts);
                    if (edges == null) {
                        continue;
                    }
                } else {
                    for (int k = 0; k < edges.length; k++) {
                        final int at = k;
                        double[] e = full.stream().mapToDouble(f -> f[at]).sorted().toArray();
                        edges[k] = e[e.length / 2];
                    }
                }
                double gap = 8;
                for (int k = 1; k < edges.length; k++) {
                    gap = Math.min(gap, edges[k] - edges[k - 1]);
                }
                if (gap < 2) {
                    continue;
                }
                double previous = fixed.stream().mapToDouble(Col::center).max().orElseThrow();
                out.removeIf(c -> c.block == block && c.center > previous && !fixed.contains(c));
                List<Col> made = new ArrayList<>();
                for (int k = 0; k < edges.length; k++) {
                    double center = k == 0 ? Math.max(edges[0] - gap / 2, previous + 1) : (edges[k - 1] + edges[k]) / 2;
                    String label = labels.get(k);
                    made.add(new Col(label, Role.VALUE, key(label), center, center, center, block, edges[k]));
                }
                out.addAll(made);
                doubts.forEach((k, others) -> doubtful.put(made.get(k), others.stream().map(made::get).toList()));
            }
            out.sort(Comparator.comparingDouble(Col::center));
            return out;
        }

        /**
         * A page where no line has a figure under every label (blank cells): its figures' right edges stand in fewer files
         * than there are labels, and which labels the files stand under is what the rows' own identities allow (a total
         * the sum of its parts, 年初结转 + 本年收入 = 本年支出 + 年末结转). A file the allowed placements put under
         * different labels is doubtful: its figures are reported uncertain with those labels. Neither the header's
         * positions nor the files' spacing decide between them: pdftotext -layout shifts a header line by up to eight
         * characters and narrows wide cells and blank columns alike (both were tried, and both misplaced figures). The
         * edges of the labels
         * in order (a label no file stands under gets one between its neighbours'), or null where the files are more
         * than the labels or no placement holds.
         */
        private double[] byIdentities(List<String> labels, List<ReportLine> body, double from, double right,
                                      Map<Integer, java.util.Set<Integer>> doubts) {
            List<List<Spot>> lines = new ArrayList<>();
            List<Double> all = new ArrayList<>();
            for (ReportLine line : body) {
                List<Spot> figures = spots(line, false).stream().filter(s -> FIGURE.matcher(s.text).matches()
                        && s.right > from && s.left < right).toList();
                if (!figures.isEmpty()) {
                    lines.add(figures);
                    figures.forEach(f -> all.add(f.right));
                }
            }
            if (all.isEmpty()) {
                return null;
            }
            all.sort(Double::compare);
            List<List<Double>> clusters = new ArrayList<>();
            for (double e : all) {
                if (clusters.isEmpty() || e - clusters.get(clusters.size() - 1).get(clusters.get(clusters.size() - 1).size() - 1) > DRIFT + 1) {
                    clusters.add(new ArrayList<>());
                }
                clusters.get(clusters.size() - 1).add(e);
            }
            // two files no line has a figure in both, a few characters apart, are one column whose lines pdftotext set
            // a little apart
            for (int j = clusters.size() - 1; j > 0; j--) {
                List<Double> a = clusters.get(j - 1);
                List<Double> b = clusters.get(j);
                double aMax = a.get(a.size() - 1);
                double bMin = b.get(0);
                boolean apart = lines.stream().anyMatch(l -> l.stream().anyMatch(x -> x.right >= a.get(0) && x.right <= aMax)
                        && l.stream().anyMatch(x -> x.right >= bMin && x.right <= b.get(b.size() - 1)));
                if (!apart && bMin - aMax <= 6) {
                    a.addAll(b);
                    clusters.remove(j);
                }
            }
            int files = clusters.size();
            int k = labels.size();
            if (files > k) {
                return null;
            }
            double[] fileEdges = clusters.stream().mapToDouble(c -> c.get(c.size() / 2)).toArray();
            // each line's figures by file
            List<int[]> lineFiles = new ArrayList<>();
            for (List<Spot> figures : lines) {
                int[] at = new int[figures.size()];
                for (int i = 0; i < at.length; i++) {
                    at[i] = -1;
                    for (int f = 0; f < files; f++) {
                        if (clusters.get(f).contains(figures.get(i).right)) {
                            at[i] = f;
                        }
                    }
                }
                lineFiles.add(at);
            }
            List<Column> printed = labels.stream().map(l -> Column.byKey(key(l)).orElseThrow()).toList();
            List<int[]> allowed = new ArrayList<>();
            List<int[]> choices = new ArrayList<>();
            choose(new int[files], 0, 0, k, choices);
            for (int[] choice : choices) {
                boolean holds = true;
                for (int n = 0; n < lines.size() && holds; n++) {
                    Map<Column, BigDecimal> row = new java.util.EnumMap<>(Column.class);
                    for (int i = 0; i < lines.get(n).size(); i++) {
                        row.merge(printed.get(choice[lineFiles.get(n)[i]]),
                                new BigDecimal(lines.get(n).get(i).text.replace(",", "")), BigDecimal::add);
                    }
                    holds = holdsIdentities(printed, row);
                }
                if (holds) {
                    allowed.add(choice);
                }
            }
            if (allowed.isEmpty()) {
                return null;
            }
            int[] first = allowed.get(0);
            for (int f = 0; f < files; f++) {
                java.util.Set<Integer> under = new java.util.TreeSet<>();
                for (int[] a : allowed) {
                    under.add(a[f]);
                }
                if (under.size() > 1) {
                    java.util.Set<Integer> others = new java.util.TreeSet<>(under);
                    others.remove(first[f]);
                    doubts.put(first[f], others);
                }
            }
            double[] edges = new double[k];
            java.util.Arrays.fill(edges, Double.NaN);
            for (int f = 0; f < files; f++) {
                edges[first[f]] = fileEdges[f];
            }
            // a label with no file between two that have: halfway; at either end: a column's pitch beyond
            double pitch = files > 1 ? (fileEdges[files - 1] - fileEdges[0]) / (first[files - 1] - first[0]) : 8;
            for (int i = 0; i < k; i++) {
                if (Double.isNaN(edges[i])) {
                    int before = i - 1;
                    int after = i + 1;
                    while (after < k && Double.isNaN(edges[after])) {
                        after++;
                    }
                    if (before >= 0 && after < k) {
                        edges[i] = edges[before] + (edges[after] - edges[before]) / (after - before);
                    } else if (before >= 0) {
                        edges[i] = edges[before] + pitch;
                    } else {
                        edges[i] = edges[after] - pitch * (after - i);
                    }
                }
            }
            return edges;
        }

        private static void choose(int[] current, int file, int from, int columns, List<int[]> out) {
            if (file == current.length) {
                out.add(current.clone());
                return;
            }
            for (int c = from; c <= columns - (current.length - file); c++) {
                current[file] = c;
                choose(current, file + 1, c + 1, columns, out);
            }
        }

        /** A row's figures by column against the table's identities within a row (an unprinted cell counts zero). */
        private boolean holdsIdentities(List<Column> printed, Map<Column, BigDecimal> row) {
            List<List<List<Column>>> rules = new ArrayList<>();
            switch (table) {
                case T02 -> {
                    List<Column> sources = new ArrayList<>(List.of(Column.SUPERIOR_SUBSIDY, Column.SERVICE_INCOME,
                            Column.OPERATING_INCOME, Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME));
                    if (printed.contains(Column.FISCAL)) {
                        sources.add(Column.FISCAL);
                        if (printed.contains(Column.GENERAL)) {
                            rules.add(List.of(List.of(Column.FISCAL), List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL)));
                        }
                    } else {
                        sources.addAll(List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL));
                    }
                    rules.add(List.of(List.of(Column.TOTAL), sources));
                }
                case T03 -> rules.add(List.of(List.of(Column.TOTAL), List.of(Column.BASIC, Column.PROJECT, Column.REMITTANCE,
                        Column.BUSINESS, Column.SUBSIDIARY)));
                case T04 -> rules.add(List.of(List.of(Column.TOTAL), List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL)));
                default -> {
                    rules.add(List.of(List.of(Column.TOTAL), List.of(Column.BASIC, Column.PROJECT)));
                    if (printed.contains(Column.PERSONNEL) && printed.contains(Column.OPERATING)) {
                        rules.add(List.of(List.of(Column.BASIC), List.of(Column.PERSONNEL, Column.OPERATING)));
                    }
                    if (printed.contains(Column.INCOME) && printed.contains(Column.CARRY_END)) {
                        rules.add(List.of(List.of(Column.CARRY_BEGIN, Column.INCOME), List.of(Column.TOTAL, Column.CARRY_END)));
                    }
                }
            }
            for (List<List<Column>> rule : rules) {
                if (!printed.contains(rule.get(0).get(0))) {
                    continue;
                }
                BigDecimal left = BigDecimal.ZERO;
                BigDecimal right = BigDecimal.ZERO;
                for (Column c : rule.get(0)) {
                    left = left.add(row.getOrDefault(c, BigDecimal.ZERO));
                }
                for (Column c : rule.get(1)) {
                    right = right.add(row.getOrDefault(c, BigDecimal.ZERO));
                }
                if (!NationalLayoutReader.near(left, right, rule.get(0).size() + rule.get(1).size())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a header's lines are laid out to the page's scale: each word of Chinese characters ends at least two
         * columns a character short of the next word's start (a CJK character is two columns of the text's pitch wide, as
         * pdftotext -fixed at half a character's width sets it), so its words stand where the page prints them. pdftotext
         * -layout sets a character a column and pulls a crowded line's next word up to it (a header it sets wide enough
         * may still pass for one to scale: its positions then stand, as they did before).
         */
        private static boolean toScale(List<ReportLine> header) {
            int pairs = 0;
            for (ReportLine line : header) {
                List<Spot> words = spots(line, false);
                for (int i = 1; i < words.size(); i++) {
                    Spot a = words.get(i - 1);
                    int wide = (int) a.text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
                    if (wide < 2) {
                        continue;
                    }
                    pairs++;
                    if (words.get(i).left - a.left < 2 * wide + (a.right - a.left - wide)) {
                        return false;
                    }
                }
            }
            return pairs > 0;
        }

        /** Best assembly so far: pieces left out (group headings), then the labels' spread across the page. */
        private record Assembly(int skipped, double spread, List<Label> labels) {
            boolean better(Assembly o) {
                return o == null || skipped < o.skipped || skipped == o.skipped && spread < o.spread - 1e-9;
            }
        }

        /**
         * The block's labels in order from the header's lines (top to bottom, each in order): a label takes the next
         * piece of some lines, each piece under the one above it; a piece may be left out (a heading over a group of columns); every
         * label must name a column of the table and no column twice. Null where no assembly does.
         */
        private List<String> labels(List<List<Spot>> lines) {
            lines = lines.stream().filter(l -> !l.isEmpty()).toList();
            int total = lines.stream().mapToInt(List::size).sum();
            if (total == 0 || total > 60) {
                return null;
            }
            // only a heading over two or more pieces of a lower line may be left out: over a group of columns
            java.util.Set<Spot> groups = new java.util.HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                for (Spot s : lines.get(i)) {
                    for (int j = i + 1; j < lines.size(); j++) {
                        if (lines.get(j).stream().filter(o -> o.left - 2 < s.right && s.left - 2 < o.right).count() >= 2) {
                            groups.add(s);
                        }
                    }
                }
            }
            Map<String, Assembly> memo = new java.util.HashMap<>();
            Assembly best = assemble(lines, groups, new int[lines.size()], 0L, memo);
            if (best == null || best.labels.isEmpty() || memo.size() > STATES) {
                return null;
            }
            // the lines' pieces are taken in order line by line, the labels not: across the page they stand by place
            return best.labels.stream().sorted(Comparator.comparingDouble(Label::center)).map(Label::text).toList();
        }

        /** An assembled label and where its pieces stand on average. */
        private record Label(String text, double center) {
        }

        /** Beyond so many states the header is no table's: left to its own positions. */
        private static final int STATES = 100_000;

        private Assembly assemble(List<List<Spot>> lines, java.util.Set<Spot> groups, int[] at, long used,
                                  Map<String, Assembly> memo) {
            String state = java.util.Arrays.toString(at) + "/" + used;
            if (memo.containsKey(state) || memo.size() > STATES) {
                return memo.get(state);
            }
            int m = lines.size();
            Assembly best = null;
            boolean done = true;
            for (int i = 0; i < m; i++) {
                done &= at[i] == lines.get(i).size();
            }
            if (done) {
                best = new Assembly(0, 0, List.of());
            } else {
                List<Column> all = table.columns();
                for (int mask = 1; mask < 1 << m; mask++) {
                    StringBuilder label = new StringBuilder();
                    double min = Double.MAX_VALUE;
                    double max = -Double.MAX_VALUE;
                    double sum = 0;
                    int count = 0;
                    Spot above = null;
                    double spanLeft = Double.MAX_VALUE;
                    double spanRight = -Double.MAX_VALUE;
                    boolean fits = true;
                    for (int i = 0; i < m && fits; i++) {
                        if ((mask & 1 << i) == 0) {
                            continue;
                        }
                        if (at[i] >= lines.get(i).size()) {
                            fits = false;
                            break;
                        }
                        Spot s = lines.get(i).get(at[i]);
                        // a label's pieces stand one under another, give or take the lines' drift
                        fits = above == null || s.left - 3 < spanRight && spanLeft - 3 < s.right;
                        spanLeft = Math.min(spanLeft, s.left);
                        spanRight = Math.max(spanRight, s.right);
                        label.append(s.text);
                        min = Math.min(min, s.center());
                        max = Math.max(max, s.center());
                        sum += s.center();
                        count++;
                        above = s;
                    }
                    if (!fits) {
                        continue;
                    }
                    String l = label.toString().replaceAll("[（）()\\s]", "");
                    String key = role(l) == Role.VALUE ? key(l) : null;
                    if (key == null) {
                        continue;
                    }
                    int bit = -1;
                    for (int c = 0; c < all.size(); c++) {
                        if (all.get(c).key().equals(key)) {
                            bit = c;
                        }
                    }
                    if (bit < 0 || (used & (1L << bit)) != 0) {
                        continue;
                    }
                    int[] next = at.clone();
                    for (int i = 0; i < m; i++) {
                        if ((mask & 1 << i) != 0) {
                            next[i]++;
                        }
                    }
                    Assembly rest = assemble(lines, groups, next, used | (1L << bit), memo);
                    if (rest != null) {
                        List<Label> labels = new ArrayList<>();
                        labels.add(new Label(l, sum / count));
                        labels.addAll(rest.labels);
                        Assembly a = new Assembly(rest.skipped, rest.spread + (max - min), labels);
                        if (a.better(best)) {
                            best = a;
                        }
                    }
                }
                for (int i = 0; i < m; i++) {
                    if (at[i] < lines.get(i).size() && groups.contains(lines.get(i).get(at[i]))) {
                        int[] next = at.clone();
                        next[i]++;
                        Assembly rest = assemble(lines, groups, next, used, memo);
                        if (rest != null) {
                            Assembly a = new Assembly(rest.skipped + 1, rest.spread, rest.labels);
                            if (a.better(best)) {
                                best = a;
                            }
                        }
                    }
                }
            }
            memo.put(state, best);
            return best;
        }

        /** A header line holds no figure, does not open with a code, and is no 合计 row on its own. */
        private boolean isHeader(ReportLine line) {
            List<ReportLine.Word> w = line.words();
            if (w.isEmpty() || w.stream().anyMatch(x -> FIGURE.matcher(x.text()).matches())) {
                return false;
            }
            if (CODE.matcher(w.get(0).text()).matches()) {
                return false;
            }
            String text = line.text().replace(" ", "");
            return !(text.equals("合计") || text.equals("总计") || text.matches("[—\\-\\s\\d]+") || text.endsWith("合计")
                    && w.size() == 1);
        }

        /**
         * A header's 合计 wrapped onto a line of its own (本年支出 / 合计) stands under another header's words; a 合计 row
         * stands under the names' header (科目名称, 项目).
         */
        private boolean wrappedTotal(List<ReportLine> header, ReportLine line) {
            List<Spot> lone = spots(line, positioned);
            if (header.isEmpty() || lone.size() != 1 || !lone.get(0).text.endsWith("计")) {
                return false;
            }
            for (ReportLine h : header) {
                for (Spot o : spots(h, positioned)) {
                    if (overlap(lone.get(0), o) > 0) {
                        return !o.text.matches(".*(?:名称|项目|科目).*");
                    }
                }
            }
            return false;
        }

        /**
         * The header's cells: words that overlap across the header's lines are one cell (a label wrapped in its cell); a
         * word over two or more cells of a lower line heads a group, not a column.
         */
        private List<Col> columns(List<ReportLine> header) {
            List<Spot> words = new ArrayList<>();
            for (ReportLine line : header) {
                words.addAll(spots(line, positioned));
            }
            List<Spot> leaves = new ArrayList<>();
            for (Spot s : words) {
                boolean group = false;
                for (ReportLine line : header) {
                    if (line.y() <= s.line.y()) {
                        continue;
                    }
                    int n = 0;
                    for (Spot o : spots(line, positioned)) {
                        // a group's heading stands over the middle of each of its columns' headings
                        if (o.center() > s.left && o.center() < s.right) {
                            n++;
                        }
                    }
                    group |= n >= 2;
                }
                if (!group) {
                    leaves.add(s);
                }
            }
            List<List<Spot>> clusters = new ArrayList<>();
            for (Spot s : leaves) {
                List<Spot> merged = new ArrayList<>(List.of(s));
                for (var it = clusters.iterator(); it.hasNext(); ) {
                    List<Spot> c = it.next();
                    if (c.stream().anyMatch(o -> overlap(s, o) > 0)) {
                        merged.addAll(c);
                        it.remove();
                    }
                }
                clusters.add(merged);
            }
            List<Col> out = new ArrayList<>();
            for (List<Spot> c : clusters) {
                c.sort(Comparator.comparingDouble((Spot s) -> s.line.y()).thenComparingDouble(Spot::left));
                StringBuilder label = new StringBuilder();
                double left = Double.MAX_VALUE;
                double right = -Double.MAX_VALUE;
                for (Spot s : c) {
                    label.append(s.text);
                    left = Math.min(left, s.left);
                    right = Math.max(right, s.right);
                }
                String l = label.toString().replaceAll("[（）()\\s]", "");
                Role role = role(l);
                String key = role == Role.VALUE ? key(l) : null;
                out.add(new Col(l, key == null && role == Role.VALUE ? Role.OTHER : role, key, (left + right) / 2, left, right, 0, Double.NaN));
            }
            out.sort(Comparator.comparingDouble(Col::center));
            if (table == PublicTable.T01 || table == PublicTable.T04) {
                // the 支出 block opens at its own name column, the second of the header
                int names = 0;
                List<Col> sided = new ArrayList<>();
                for (Col c : out) {
                    if (c.role == Role.NAME) {
                        names++;
                    }
                    sided.add(new Col(c.label, c.role, c.key, c.center, c.left, c.right, names >= 2 ? 1 : 0, c.edge));
                }
                out = sided;
            }
            return out;
        }

        private static Role role(String l) {
            if (l.contains("行次")) {
                return Role.LINE_NO;
            }
            if (l.contains("编码") || l.equals("科目") || l.equals("类款项")) {
                return Role.CODE;
            }
            if (l.contains("名称") || l.equals("项目") || l.endsWith("项目") && !l.contains("支出")
                    || l.equals("收入项目") || l.equals("支出项目") || l.equals("收入") || l.equals("支出")) {
                return Role.NAME;
            }
            if (l.contains("栏次")) {
                return Role.OTHER;
            }
            return Role.VALUE;
        }

        /** The column a header's label names, where the table has it. */
        private String key(String l) {
            String k;
            if (l.contains("年初结转")) {
                k = "carryBegin";
            } else if (l.contains("年末结转")) {
                k = "carryEnd";
            } else if (l.contains("年初预算")) {
                k = "initialBudget";
            } else if (l.contains("全年预算") || l.contains("调整预算")) {
                k = "adjustedBudget";
            } else if (l.contains("预算数")) {
                k = "budget";
            } else if (l.contains("决算数") || l.equals("金额")) {
                k = table == PublicTable.T09 ? "actual" : "amount";
            } else if (l.contains("合计") || l.equals("小计") || l.equals("本年支出")) {
                k = "total";
            } else if (l.contains("一般公共预算")) {
                k = "general";
            } else if (l.contains("政府性基金")) {
                k = "fund";
            } else if (l.contains("国有资本")) {
                k = "stateCapital";
            } else if (l.contains("财政拨款")) {
                k = "fiscal";
            } else if (l.contains("上级补助")) {
                k = "superiorSubsidy";
            } else if (l.contains("事业收入")) {
                k = "serviceIncome";
            } else if (l.contains("经营收入")) {
                k = "operatingIncome";
            } else if (l.contains("附属单位上缴")) {
                k = "subsidiaryRemittance";
            } else if (l.contains("其他收入")) {
                k = "otherIncome";
            } else if (l.contains("本年收入")) {
                k = "income";
            } else if (l.contains("基本支出")) {
                k = "basic";
            } else if (l.contains("项目支出")) {
                k = "project";
            } else if (l.contains("上缴上级")) {
                k = "remittance";
            } else if (l.contains("经营支出")) {
                k = "business";
            } else if (l.contains("对附属单位")) {
                k = "subsidiary";
            } else if (l.contains("人员经费")) {
                k = "personnel";
            } else if (l.contains("公用经费")) {
                k = "operating";
            } else if (l.contains("团组")) {
                k = "groups";
            } else if (l.contains("人次")) {
                k = "persons";
            } else if (l.contains("保有")) {
                k = "vehiclesHeld";
            } else if (l.contains("购置车辆")) {
                k = "vehiclesBought";
            } else if (l.contains("批次")) {
                k = "batches";
            } else {
                return null;
            }
            String key = k;
            return table.columns().stream().anyMatch(c -> c.key().equals(key)) ? key : null;
        }

        /**
         * A figure's column: past its header's centre, short of the next header's. Where the column's place is its
         * figures' file (text), a figure standing more than a character or so off the file may have drifted there from
         * the neighbouring column (pdftotext sets a line tighter or looser now and then): it fits both.
         */
        private List<Col> figureColumns(List<Col> columns, Spot s) {
            List<Col> fit = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                double next = i + 1 < columns.size() ? columns.get(i + 1).center : Double.MAX_VALUE;
                if (s.right > columns.get(i).center - tie() && s.right < next + tie()) {
                    fit.add(columns.get(i));
                }
            }
            if (fit.size() == 1 && !Double.isNaN(fit.get(0).edge)) {
                int i = columns.indexOf(fit.get(0));
                double off = s.right - fit.get(0).edge;
                int neighbour = off < -DRIFT ? i - 1 : off > DRIFT ? i + 1 : -1;
                if (neighbour >= 0 && neighbour < columns.size() && columns.get(neighbour).key != null
                        && columns.get(neighbour).block == fit.get(0).block) {
                    fit.add(off < 0 ? 0 : 1, columns.get(neighbour));
                }
            }
            return fit;
        }

        /** How far (characters) a figure of plain text may stand off its column's file and still be its column's. */
        private static final double DRIFT = 1.5;

        /** A name's column: short of its header's centre, past the previous header's. */
        private Col nameColumn(List<Col> columns, Spot s) {
            for (int i = 0; i < columns.size(); i++) {
                if (s.left < columns.get(i).center) {
                    Col c = columns.get(i);
                    // a short name centred in its cell may start a little past its header's centre as text lays it out
                    if ((c.role == Role.VALUE || c.role == Role.OTHER || c.role == Role.LINE_NO) && !INTEGER.matcher(s.text).matches() && i > 0
                            && (columns.get(i - 1).role == Role.NAME || columns.get(i - 1).role == Role.CODE)) {
                        return columns.get(i - 1);
                    }
                    return c;
                }
            }
            return columns.get(columns.size() - 1);
        }

        private void rows(List<Col> columns, List<ReportLine> body, Map<String, Integer> state) {
            List<Anchor> anchors = new ArrayList<>();
            List<Spot[]> figures = new ArrayList<>();
            StringBuilder[] pending = {new StringBuilder(), new StringBuilder()};
            for (ReportLine line : body) {
                List<Spot> spots = spots(line, positioned);
                StringBuilder[] names = {new StringBuilder(), new StringBuilder()};
                String[] codes = {null, null};
                boolean[] hasFigure = {false, false};
                for (Spot s : spots) {
                    Col named = nameColumn(columns, s);
                    if (CODE.matcher(s.text).matches() && (named.role == Role.CODE || named.role == Role.NAME)
                            && codes[named.block] == null && names[named.block].length() == 0) {
                        codes[named.block] = s.text;
                        continue;
                    }
                    if (FIGURE.matcher(s.text).matches() || INTEGER.matcher(s.text).matches()) {
                        List<Col> fit = figureColumns(columns, s);
                        Col c = fit.isEmpty() ? null : fit.get(0);
                        boolean count = c != null && fit.stream().anyMatch(x -> x.key != null && isCount(x.key));
                        if (FIGURE.matcher(s.text).matches() || count) {
                            figures.add(new Spot[]{s});
                            if (c != null) {
                                hasFigure[c.block] = true;
                            }
                            continue;
                        }
                        if (named.role == Role.LINE_NO) {
                            continue;
                        }
                    }
                    Col c = nameColumn(columns, s);
                    if (c.role == Role.NAME || c.role == Role.CODE) {
                        names[c.block].append(s.text);
                    }
                }
                for (int b = 0; b < 2; b++) {
                    String name = names[b].toString();
                    if (codes[b] == null && name.isEmpty()) {
                        continue;
                    }
                    String key = codes[b] != null ? codes[b] : rowKey(b, name, state);
                    if (key == null && pending[b].length() > 0) {
                        key = rowKey(b, pending[b] + name, state);
                        name = pending[b] + name;
                    }
                    if (key == null) {
                        if (!hasFigure[b]) {
                            // a name wrapped in its cell: its head, read with the next line
                            pending[b].append(name);
                        } else {
                            report.note(table.number() + "表" + line.where() + "：行“" + name + "”未能对应到该表的行，未读取");
                        }
                        continue;
                    }
                    pending[b].setLength(0);
                    anchors.add(new Anchor(key, name.isEmpty() ? null : name, b, line.page(), line.y(), line));
                    document.row(table.name(), key, null, name.isEmpty() ? null : name, null);
                }
            }
            crowded = crowded(columns, figures);
            if (!positioned) {
                settle(columns, figures);
            }
            Map<String, List<Spot>> byLine = new LinkedHashMap<>();
            for (Spot[] f : figures) {
                List<Col> fit = figureColumns(columns, f[0]);
                int block = fit.isEmpty() ? 0 : fit.get(0).block;
                byLine.computeIfAbsent(f[0].line.page() + "/" + f[0].line.number() + "/" + block, k -> new ArrayList<>()).add(f[0]);
            }
            for (List<Spot> row : byLine.values()) {
                placeRow(columns, anchors, row);
            }
        }

        /**
         * The columns under which the figures of a page stand in two files (their right edges two apart): the header's
         * position has not told them apart (pdftotext lays a header's lines out on their own), so no figure there is
         * placed for certain.
         */
        private java.util.Set<Col> crowded(List<Col> columns, List<Spot[]> figures) {
            List<Double> edges = new ArrayList<>();
            for (Spot[] f : figures) {
                edges.add(f[0].right);
            }
            edges.sort(Double::compare);
            List<Double> files = new ArrayList<>();
            double tolerance = positioned ? 1.5 : 2;
            double last = -Double.MAX_VALUE;
            int members = 0;
            for (double e : edges) {
                if (e - last > tolerance) {
                    if (members == 1) {
                        files.remove(files.size() - 1); // a figure alone on its edge: a line set tighter, not a file
                    }
                    files.add(e);
                    members = 0;
                }
                members++;
                last = e;
            }
            if (members == 1) {
                files.remove(files.size() - 1);
            }
            java.util.Set<Col> out = new java.util.HashSet<>();
            for (Col c : columns) {
                int i = columns.indexOf(c);
                double next = i + 1 < columns.size() ? columns.get(i + 1).center : Double.MAX_VALUE;
                if (files.stream().filter(e -> e > c.center && e < next).count() > 1) {
                    out.add(c);
                }
            }
            return out;
        }

        private static boolean isCount(String key) {
            return Column.byKey(key).map(c -> c.kind() != PublicTable.Kind.MONEY).orElse(false);
        }

        /**
         * A line's figures of one block keep their order: where their positions put two in one column (text laid out
         * tighter on one line than on the others), a line with a figure for every column of its block places them in
         * order; any other line's figures are reported uncertain with the columns they fit.
         */
        /**
         * Text: the figures of a page stand in files (one right edge a column), in the columns' order, while a header's
         * lines drift against them. Each file goes under the column its edge points to, or a neighbour where two files
         * point to one column; of the assignments that keep the columns' order, those that move the fewest files are
         * kept, and a file they do not agree on is uncertain.
         */
        private void settle(List<Col> columns, List<Spot[]> figures) {
            settled.clear();
            unsettled.clear();
            for (int pass = 0; pass < 4; pass++) {
                int block = pass % 2;
                boolean counts = pass >= 2;
                // money and counts (三公's 团组数, 人次 …) are files of their own kinds
                List<Col> values = columns.stream().filter(c -> c.block == block && c.key != null && c.role == Role.VALUE
                        && isCount(c.key) == counts).toList();
                if (values.isEmpty()) {
                    continue;
                }
                List<Spot> mine = new ArrayList<>();
                for (Spot[] f : figures) {
                    List<Col> fit = figureColumns(columns, f[0]).stream().filter(c -> c.key != null).toList();
                    if (!fit.isEmpty() && values.contains(fit.get(0)) && FIGURE.matcher(f[0].text).matches() != counts) {
                        mine.add(f[0]);
                    }
                }
                mine.sort(Comparator.comparingDouble(Spot::right));
                List<List<Spot>> files = new ArrayList<>();
                double last = -Double.MAX_VALUE;
                for (Spot f : mine) {
                    if (f.right - last > 1) {
                        files.add(new ArrayList<>());
                    }
                    files.get(files.size() - 1).add(f);
                    last = f.right;
                }
                // two files are two columns only where a line has a figure in each: otherwise one column whose lines
                // pdftotext set a little apart
                for (int j = files.size() - 1; j > 0; j--) {
                    List<Spot> a = files.get(j - 1);
                    List<Spot> b = files.get(j);
                    boolean apart = a.stream().anyMatch(x -> b.stream().anyMatch(y -> y.line == x.line));
                    if (!apart && b.get(0).right - a.get(a.size() - 1).right <= 4) {
                        a.addAll(b);
                        files.remove(j);
                    }
                }
                files.removeIf(f -> f.size() < 2);
                if (files.isEmpty() || files.size() > 14) {
                    continue;
                }
                int[] rule = new int[files.size()];
                for (int j = 0; j < files.size(); j++) {
                    List<Spot> file = files.get(j);
                    Spot middle = file.get(file.size() / 2);
                    rule[j] = values.indexOf(figureColumns(columns, middle).stream().filter(c -> c.key != null).findFirst().orElseThrow());
                }
                List<int[]> best = new ArrayList<>();
                int[] score = {-1};
                assign(rule, values.size(), 0, -1, new int[files.size()], 0, best, score);
                if (best.isEmpty()) {
                    continue; // more files than the columns can take in order: left to the lines' own reading
                }
                for (int j = 0; j < files.size(); j++) {
                    java.util.Set<Integer> options = new java.util.TreeSet<>();
                    for (int[] a : best) {
                        options.add(a[j]);
                    }
                    for (Spot f : files.get(j)) {
                        if (options.size() == 1) {
                            settled.put(f, values.get(options.iterator().next()));
                        } else {
                            unsettled.put(f, options.stream().map(values::get).toList());
                        }
                    }
                }
            }
        }

        /** A line with a figure under every money column of its block: its figures in order, whatever their drift. */
        private boolean fillsItsBlock(List<Col> columns, List<Anchor> anchors, List<Spot> figures) {
            List<Col> first = figureColumns(columns, figures.get(0));
            int block = first.isEmpty() ? 0 : first.get(0).block;
            List<Col> values = columns.stream().filter(c -> c.block == block && c.key != null && c.role == Role.VALUE
                    && !isCount(c.key)).toList();
            if (values.size() != figures.size() || !figures.stream().allMatch(f -> FIGURE.matcher(f.text).matches())) {
                return false;
            }
            for (int i = 0; i < figures.size(); i++) {
                place(columns, anchors, figures.get(i), values.get(i), null);
            }
            return true;
        }

        private static void assign(int[] rule, int columns, int j, int previous, int[] current, int moved, List<int[]> best,
                                   int[] score) {
            if (j == rule.length) {
                int kept = rule.length - moved;
                if (kept > score[0]) {
                    score[0] = kept;
                    best.clear();
                }
                if (kept == score[0]) {
                    best.add(current.clone());
                }
                return;
            }
            if (rule.length - moved < score[0]) {
                return;
            }
            for (int a = rule[j] - 1; a <= rule[j] + 1; a++) {
                if (a > previous && a < columns) {
                    current[j] = a;
                    assign(rule, columns, j + 1, a, current, moved + (a == rule[j] ? 0 : 1), best, score);
                }
            }
        }

        private void placeRow(List<Col> columns, List<Anchor> anchors, List<Spot> figures) {
            if (!positioned && fillsItsBlock(columns, anchors, figures)) {
                return;
            }
            if (!positioned && figures.stream().allMatch(f -> settled.containsKey(f) || unsettled.containsKey(f))) {
                int last = -1;
                boolean ordered = true;
                for (Spot f : figures) {
                    if (settled.containsKey(f)) {
                        int at = columns.indexOf(settled.get(f));
                        ordered &= at > last;
                        last = at;
                    }
                }
                if (ordered) {
                    for (Spot f : figures) {
                        if (settled.containsKey(f) && figureColumns(columns, f).stream().filter(c -> c.key != null).count() > 1) {
                            // its file settles it, but the figure itself stands on a header's centre: not for certain
                            place(columns, anchors, f, settled.get(f), "数字的位置在两栏交界");
                        } else if (settled.containsKey(f)) {
                            place(columns, anchors, f, settled.get(f), null);
                        } else {
                            List<Col> options = unsettled.get(f);
                            place(columns, anchors, f, options.get(0),
                                    "数字所在的一列可归入" + options.size() + "栏，表头的位置未能区分");
                        }
                    }
                    return;
                }
            }
            List<List<Col>> fits = new ArrayList<>();
            boolean ordered = true;
            int last = -1;
            for (Spot s : figures) {
                List<Col> fit = figureColumns(columns, s).stream().filter(c -> c.key != null).toList();
                fits.add(fit);
                int at = fit.isEmpty() ? -1 : columns.indexOf(fit.get(0));
                ordered &= fit.size() == 1 && at > last;
                last = Math.max(last, at);
            }
            if (ordered) {
                for (Spot s : figures) {
                    place(columns, anchors, s, null, null);
                }
                return;
            }
            int block = fits.stream().filter(f -> !f.isEmpty()).map(f -> f.get(0).block).findFirst().orElse(0);
            List<Col> values = columns.stream().filter(c -> c.block == block && c.key != null && c.role == Role.VALUE).toList();
            if (values.size() == figures.size()) {
                for (int i = 0; i < figures.size(); i++) {
                    place(columns, anchors, figures.get(i), values.get(i), null);
                }
                return;
            }
            for (int i = 0; i < figures.size(); i++) {
                place(columns, anchors, figures.get(i), null, "同一行的数字按位置落在同一栏，无法确定各自的栏目");
            }
        }

        private void place(List<Col> columns, List<Anchor> anchors, Spot s, Col forced, String doubt) {
            ReportLine line = s.line;
            String value = s.text.replace(",", "");
            List<Col> fit = forced != null ? List.of(forced) : figureColumns(columns, s);
            if (fit.isEmpty() || fit.get(0).key == null && fit.size() == 1) {
                report.uncertain(table.name(), null, null, List.of(), value, line, "数字不在任一可识别的栏目之下（" + line.where() + (fit.isEmpty() ? "" : "，" + fit.get(0).label) + "）");
                return;
            }
            Col column = fit.stream().filter(c -> c.key != null).findFirst().orElse(fit.get(0));
            List<Anchor> near = new ArrayList<>();
            for (Anchor a : anchors) {
                if (a.page == line.page() && a.block == column.block && Math.abs(a.y - line.y()) <= reach()) {
                    near.add(a);
                }
            }
            near.sort(Comparator.comparingDouble(a -> Math.abs(a.y - line.y())));
            if (near.isEmpty()) {
                report.uncertain(table.name(), null, column.key, List.of(), value, line, "数字附近没有可对应的行（" + line.where() + "）");
                return;
            }
            Anchor row = near.get(0);
            List<String> alternatives = new ArrayList<>();
            String why = null;
            if (near.size() > 1 && Math.abs(Math.abs(near.get(1).y - line.y()) - Math.abs(row.y - line.y())) < (positioned ? 2 : 0.5)) {
                alternatives.add(near.get(1).key + "/" + column.key);
                why = "数字在两行之间";
            }
            if (fit.size() > 1) {
                for (Col c : fit) {
                    if (c != column && c.key != null) {
                        alternatives.add(c.key);
                    }
                }
                why = why == null ? "数字的位置在两栏交界" : why + "；且在两栏交界";
            }
            if (doubtful.containsKey(column)) {
                for (Col c : doubtful.get(column)) {
                    if (!alternatives.contains(c.key)) {
                        alternatives.add(c.key);
                    }
                }
                why = why == null ? "该列数字可归入" + (doubtful.get(column).size() + 1) + "栏，表内各栏的加总关系未能区分"
                        : why + "；且表内各栏的加总关系未能区分";
            }
            if (forced == null && crowded.contains(column) && why == null) {
                for (Col c : columns) {
                    if (c != column && c.key != null && c.block == column.block) {
                        alternatives.add(c.key);
                    }
                }
                why = "该栏之下的数字排成两列，表头的位置未能区分";
            }
            if (doubt != null) {
                for (Col c : columns) {
                    if (c != column && c.key != null && c.block == column.block && !alternatives.contains(c.key)) {
                        alternatives.add(c.key);
                    }
                }
                why = why == null ? doubt : why + "；" + doubt;
            }
            if (column.key == null) {
                report.uncertain(table.name(), row.key, null, alternatives, value, line, "数字所在的栏目“" + column.label + "”不是该表的栏目");
                return;
            }
            String cell = row.key + "/" + column.key;
            if (filled.containsKey(cell)) {
                report.uncertain(table.name(), row.key, column.key, List.of(), value, line,
                        "该单元格已有数字（" + filled.get(cell).where() + "），又读到一个");
                return;
            }
            filled.put(cell, line);
            if (isCount(column.key) == FIGURE.matcher(value).matches()) {
                report.uncertain(table.name(), row.key, column.key, alternatives, value, line,
                        "数字的写法（" + (isCount(column.key) ? "带小数" : "整数") + "）与栏目“" + column.label + "”不符");
                return;
            }
            Object stored = isCount(column.key) ? (Object) Integer.valueOf(value) : value;
            document.row(table.name(), row.key, null, null, null).put(column.key, stored);
            if (why != null) {
                report.uncertain(table.name(), row.key, column.key, alternatives, value, line, why);
            } else {
                report.placed(table.name(), row.key, column.key, value, line);
            }
        }

        /** A named row's key (01 and 04 by side, 06's totals, 09's items); null where the name is no row of the table. */
        private String rowKey(int block, String printed, Map<String, Integer> state) {
            String name = printed.replaceAll("\\s", "").replaceFirst("^[（(]?[一二三四五六七八九十]+[、）)．.]", "");
            if (name.isEmpty()) {
                return null;
            }
            switch (table) {
                case T01, T04 -> {
                    return block == 0 ? income(name, state) : expenditure(name);
                }
                case T06 -> {
                    return name.startsWith("人员经费") ? "personnel_total" : name.startsWith("公用经费") ? "operating_total"
                            : name.equals("合计") || name.equals("总计") ? "total" : null;
                }
                case T09 -> {
                    if (name.equals("合计") || name.equals("总计")) {
                        return "TOTAL";
                    }
                    if (name.contains("出国")) {
                        return name.startsWith("赴") ? "trip_" + (++trips) : "OVERSEAS_TRAVEL";
                    }
                    if (name.contains("购置及运行") || name.contains("购置和运行")) {
                        return "VEHICLE";
                    }
                    if (name.contains("公务用车") && name.contains("购置")) {
                        return "VEHICLE_PURCHASE";
                    }
                    if (name.contains("公务用车") && name.contains("运行")) {
                        return "VEHICLE_OPERATION";
                    }
                    if (name.contains("外宾")) {
                        return "RECEPTION_FOREIGN";
                    }
                    if (name.contains("国内")) {
                        return "RECEPTION_DOMESTIC";
                    }
                    if (name.contains("接待")) {
                        return "RECEPTION";
                    }
                    // a single trip abroad, as 09 lists them after its items: trip_1, trip_2 … in the report's order
                    return "trip_" + (++trips);
                }
                default -> {
                    return name.equals("合计") || name.equals("总计") ? "total" : null;
                }
            }
        }

        /** 收入 rows in the template's order; under 年初财政拨款结转和结余 (04) the three funds are its parts. */
        private String income(String name, Map<String, Integer> state) {
            if (name.equals("总计") || name.equals("收入总计")) {
                return "income_grand_total";
            }
            boolean beginSeen = state.getOrDefault("begin", 0) > 0;
            if (table == PublicTable.T04 && beginSeen && NationalLayoutReader.fundCarryOver(name) != null) {
                return NationalLayoutReader.fundCarryOver(name);
            }
            for (PublicTable.NamedRow row : table.namedRows()) {
                if (row.side() == PublicTable.Side.INCOME && (row.label().equals(name) || name.startsWith(row.label()))) {
                    if (row.key().equals("carry_forward_begin")) {
                        state.put("begin", 1);
                    }
                    return row.key();
                }
            }
            return null;
        }

        private String expenditure(String name) {
            if (name.equals("总计") || name.equals("支出总计")) {
                return "expenditure_grand_total";
            }
            for (PublicTable.NamedRow row : table.namedRows()) {
                if (row.side() == PublicTable.Side.EXPENDITURE && row.label().equals(name)) {
                    return row.key();
                }
            }
            return ShanghaiLayoutReader.CLASSES.get(name);
        }

        private static double overlap(Spot a, Spot b) {
            return Math.min(a.right, b.right) - Math.max(a.left, b.left);
        }
    }
}
