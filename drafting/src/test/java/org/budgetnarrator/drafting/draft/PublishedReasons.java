package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons a published report gives for its variances, recorded as an officer would record them (a note on the
 * subject and aspect the draft asks about), so that a draft of the report from its tables can be compared with the
 * published text. Read from the PDF at test time: the reports are others' publications and their text is not kept in
 * the repository.
 */
final class PublishedReasons {

    private static final Pattern SECTION = Pattern.compile("^([一二三四五六七八九十]+)、");
    private static final Pattern PART = Pattern.compile("^[（(]([一二三四五六七八九十]+)[）)]");
    private static final Pattern ITEM = Pattern.compile("^(\\d+)[、．.]");
    /** "主要原因：…。", "主要原因是…。", "决算数小于预算数的主要原因：…。" — the clause up to the sentence's end. */
    private static final Pattern REASON = Pattern.compile("([^。；，]*?)主要原因(?:是|为)?[：:]?([^。]+)。");
    private static final Pattern ITEM_NAME = Pattern.compile("（款）([^（]+)（项）");

    private PublishedReasons() {
    }

    /** The data with the published narrative's reasons recorded. */
    static YearData recorded(YearData data, String narrative) {
        List<LineReason> reasons = new ArrayList<>(data.reasons());
        String section = "";
        String part = "";
        List<AccountLine> items = data.functional().stream().filter(a -> a.level() == 3).sorted((a, b) -> a.code().compareTo(b.code())).toList();
        int number = 0;
        String itemText = "";
        for (String paragraph : narrative.split("\n")) {
            Matcher s = SECTION.matcher(paragraph);
            if (s.find()) {
                section = s.group(1);
                part = "";
                number = 0;
            }
            Matcher p = PART.matcher(paragraph);
            if (p.find()) {
                part = p.group(1);
                number = 0;
            }
            // A numbered item runs on until the next heading: the PDF's text may break its heading from its body.
            Matcher item = ITEM.matcher(paragraph);
            if (item.find()) {
                number = Integer.parseInt(item.group(1));
                itemText = paragraph;
            } else if (number > 0) {
                itemText = itemText + paragraph;
            }
            Matcher r = REASON.matcher(paragraph);
            while (r.find()) {
                // The PDF's text puts spaces between Chinese and digits; the reason is recorded as written.
                String text = r.group(2).replaceAll("\\s+", "");
                Optional<String[]> target = target(section, part, number, r.group(1), number > 0 ? itemText : paragraph, items);
                target.ifPresent(t -> reasons.add(new LineReason(null, null, reasons.size() + 1, t[0], t[1], null, text)));
            }
        }
        return new YearData(data.department(), data.year(), data.previous(), data.incomes(), data.accounts(), data.previousAccounts(),
                data.threePublic(), data.vehicles(), data.projects(), data.indicators(), reasons, data.documents(), data.notes(),
                data.previousReasons(), data.tables(), data.budgetUnits());
    }

    /** The subject and aspect a reason speaks to, by where the report gives it (上海 区级 layout). */
    private static Optional<String[]> target(String section, String part, int item, String lead, String paragraph, List<AccountLine> items) {
        boolean budget = lead.contains("预算数");
        switch (section) {
            case "一":
                return Optional.of(new String[]{"total", "PREVIOUS"});
            case "四":
                return Optional.of(new String[]{"total:fiscal", "PREVIOUS"});
            case "五":
                if (part.equals("一")) {
                    return Optional.of(new String[]{"expenditure:generalBudget", "PREVIOUS"});
                }
                if (part.equals("三") && item == 0) {
                    return Optional.of(new String[]{"expenditure:generalBudget", "BUDGET"});
                }
                if (part.equals("三")) {
                    return account(item, paragraph, items).map(code -> new String[]{"account:" + code, "BUDGET"});
                }
                return Optional.empty();
            case "七":
                if (budget) {
                    return Optional.of(new String[]{"threePublic:TOTAL", "BUDGET"});
                }
                String who = lead.contains("公务接待") ? "RECEPTION" : lead.contains("公务用车") ? "VEHICLE" : lead.contains("出国") ? "OVERSEAS_TRAVEL" : "TOTAL";
                return Optional.of(new String[]{"threePublic:" + who, "PREVIOUS"});
            case "十一":
                return part.equals("一") ? Optional.of(new String[]{"officeRunningCost", "PREVIOUS"}) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The 项 a numbered paragraph of 五（三） speaks of: by its name, else by its place among the 项 in code order. */
    private static Optional<String> account(int item, String paragraph, List<AccountLine> items) {
        Matcher name = ITEM_NAME.matcher(paragraph.replaceAll("\\s", ""));
        if (name.find()) {
            String n = name.group(1);
            Optional<String> byName = items.stream().filter(a -> a.name().equals(n)).map(AccountLine::code).findFirst();
            if (byName.isPresent()) {
                return byName;
            }
        }
        return item >= 1 && item <= items.size() ? Optional.of(items.get(item - 1).code()) : Optional.empty();
        // An item paragraph whose number the PDF's text lost and whose name matches no line is left unrecorded.
    }
}
