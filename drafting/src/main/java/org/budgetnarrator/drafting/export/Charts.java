package org.budgetnarrator.drafting.export;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The charts published reports carry, drawn with JFreeChart as PNG: a bar chart of a total this year against
 * last year, and a pie of a structure. Chinese labels use a CJK font found on the machine (Noto Sans CJK,
 * WenQuanYi …); headless.
 */
final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String FONT = cjkFont();

    /** The chart as placed on the page, in points (about 14.8 cm × 8.3 cm). */
    static final int PRINT_WIDTH_POINTS = 420;
    static final int PRINT_HEIGHT_POINTS = 236;
    /** The chart is laid out at 640 × 360 (its fonts sized for that) and drawn at this scale: 1920 px over 420 pt is 329 dpi. */
    static final int LAYOUT_WIDTH = 640;
    static final int LAYOUT_HEIGHT = 360;
    static final int SCALE = 3;

    private Charts() {
    }

    /** Bars: each series (e.g. 收入总计, 支出总计) for last year and this year, in 万元. */
    static byte[] change(String title, int year, Map<String, BigDecimal[]> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, BigDecimal[]> s : series.entrySet()) {
            if (s.getValue()[0] != null) {
                data.addValue(s.getValue()[0], (year - 1) + "年", s.getKey());
            }
            if (s.getValue()[1] != null) {
                data.addValue(s.getValue()[1], year + "年", s.getKey());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "万元", data, PlotOrientation.VERTICAL, true, false, false);
        return png(style(chart));
    }

    /** A pie of parts, in 万元; zero parts left out. */
    static byte[] structure(String title, Map<String, BigDecimal> parts) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        parts.forEach((k, v) -> {
            if (v != null && v.signum() > 0) {
                data.setValue(k, v);
            }
        });
        JFreeChart chart = ChartFactory.createPieChart(title, data, true, false, false);
        ((PiePlot<?>) chart.getPlot()).setLabelFont(new Font(FONT, Font.PLAIN, 12));
        return png(style(chart));
    }

    static Map<String, BigDecimal[]> series(Object... nameAndTwoValues) {
        Map<String, BigDecimal[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndTwoValues.length; i += 3) {
            out.put((String) nameAndTwoValues[i], new BigDecimal[]{(BigDecimal) nameAndTwoValues[i + 1], (BigDecimal) nameAndTwoValues[i + 2]});
        }
        return out;
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(FONT, Font.BOLD, 16));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(FONT, Font.PLAIN, 12));
        }
        if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot plot) {
            plot.getDomainAxis().setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
            plot.getRangeAxis().setLabelFont(new Font(FONT, Font.PLAIN, 12));
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // Printed charts need at least 200 dpi; the layout is kept and every pixel drawn three times finer.
            ChartUtils.writeScaledChartAsPNG(out, chart, LAYOUT_WIDTH, LAYOUT_HEIGHT, SCALE, SCALE);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cjkFont() {
        String[] preferred = {"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei"};
        String[] available = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String p : preferred) {
            if (Arrays.asList(available).contains(p)) {
                return p;
            }
        }
        return Font.SANS_SERIF;
    }
}
