package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.imports.ImportFormat;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The nine public tables (公开01–09) laid out from the stored figures, in 万元. */
final class PublicTables {

    private PublicTables() {
    }

    static void write(XWPFDocument doc, YearData data) {
        List<AccountLine> functional = data.functional().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
        WordReport.heading(doc, "一、收入支出决算总表（公开01表）", 2);
        XWPFTable t1 = table(doc, "收入项目", "金额", "支出项目", "金额");
        List<IncomeLine> incomes = data.incomes();
        List<AccountLine> classes = functional.stream().filter(a -> a.level() == 1).toList();
        for (int i = 0; i < Math.max(incomes.size(), classes.size()); i++) {
            row(t1, i < incomes.size() ? source(incomes.get(i).source()) : "", i < incomes.size() ? WordReport.money(incomes.get(i).amount()) : "",
                    i < classes.size() ? classes.get(i).name() : "", i < classes.size() ? WordReport.money(classes.get(i).actual()) : "");
        }
        row(t1, "本年收入合计", WordReport.money(YearData.sum(incomes.stream().map(IncomeLine::amount).toList())),
                "本年支出合计", WordReport.money(data.functionalTotal(AccountLine::actual)));

        WordReport.heading(doc, "二、收入决算表（公开02表）", 2);
        accounts(doc, functional, new String[]{"本年收入合计", "财政拨款收入"}, AccountLine::actual, AccountLine::generalBudget);
        WordReport.heading(doc, "三、支出决算表（公开03表）", 2);
        accounts(doc, functional, new String[]{"本年支出合计", "基本支出", "项目支出"}, AccountLine::actual, AccountLine::basic, AccountLine::project);
        WordReport.heading(doc, "四、财政拨款收入支出决算总表（公开04表）", 2);
        accounts(doc, functional.stream().filter(a -> a.level() == 1).toList(), new String[]{"合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                "国有资本经营预算财政拨款"}, AccountLine::generalBudget, AccountLine::generalBudget, AccountLine::governmentFund, AccountLine::stateCapital);
        WordReport.heading(doc, "五、一般公共预算财政拨款支出决算表（公开05表）", 2);
        accounts(doc, functional, new String[]{"小计", "基本支出", "项目支出"}, AccountLine::generalBudget, AccountLine::basic, AccountLine::project);
        WordReport.heading(doc, "六、一般公共预算财政拨款基本支出决算明细表（公开06表）", 2);
        accounts(doc, data.economic(), new String[]{"决算数"}, AccountLine::actual);
        WordReport.heading(doc, "七、政府性基金预算财政拨款收入支出决算表（公开07表）", 2);
        empty(doc, data.functionalTotal(AccountLine::governmentFund), "本单位无政府性基金预算财政拨款收入支出，本表无数据。");
        WordReport.heading(doc, "八、国有资本经营预算财政拨款支出决算表（公开08表）", 2);
        empty(doc, data.functionalTotal(AccountLine::stateCapital), "本单位无国有资本经营预算财政拨款支出，本表无数据。");
        WordReport.heading(doc, "九、财政拨款“三公”经费支出决算表（公开09表）", 2);
        if (data.threePublic().isEmpty()) {
            empty(doc, null, "本单位无财政拨款“三公”经费支出，本表无数据。");
        } else {
            XWPFTable t9 = table(doc, "项目", "全年预算数", "决算数");
            for (ThreePublicLine l : data.threePublic()) {
                row(t9, WordReport.item(l), WordReport.money(l.budget()), WordReport.money(l.actual()));
            }
        }
    }

    @SafeVarargs
    private static void accounts(XWPFDocument doc, List<AccountLine> lines, String[] headers, Function<AccountLine, BigDecimal>... columns) {
        String[] all = new String[headers.length + 2];
        all[0] = "科目代码";
        all[1] = "科目名称";
        System.arraycopy(headers, 0, all, 2, headers.length);
        XWPFTable t = table(doc, all);
        for (AccountLine line : lines) {
            String[] values = new String[all.length];
            values[0] = line.code();
            values[1] = line.name();
            for (int c = 0; c < columns.length; c++) {
                values[c + 2] = WordReport.money(columns[c].apply(line));
            }
            row(t, values);
        }
    }

    private static void empty(XWPFDocument doc, BigDecimal total, String note) {
        if (total == null || total.signum() == 0) {
            XWPFTable t = table(doc, "说明");
            row(t, note);
        }
    }

    private static XWPFTable table(XWPFDocument doc, String... headers) {
        XWPFTable t = doc.createTable(1, headers.length);
        for (int c = 0; c < headers.length; c++) {
            WordReport.cell(t.getRow(0), c, headers[c], true);
        }
        return t;
    }

    private static void row(XWPFTable t, String... values) {
        XWPFTableRow row = t.createRow();
        for (int c = 0; c < values.length; c++) {
            WordReport.cell(row, c, values[c], false);
        }
    }

    private static String source(String key) {
        return ImportFormat.INCOMES.field("source").orElseThrow().choices().getOrDefault(key, key);
    }
}
