package org.budgetnarrator.drafting.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.budgetnarrator.drafting.LinearTime;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Comparison;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Deadline;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantities;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantity;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Qualitative;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Unparsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorValueParserTest {

    /** Every example of DOMAIN.md's "The indicator value grammar", in its order, with what it means. */
    static Stream<Arguments> domainGrammarExamples() {
        return Stream.of(
                arguments("≥4 对", cmp(Operator.GE, "4", "对")),
                arguments("≥ 1000 批", cmp(Operator.GE, "1000", "批")),
                arguments("≥100 人 次", cmp(Operator.GE, "100", "人次")),
                arguments("≥90%", cmp(Operator.GE, "90", "%")),
                arguments("≤10.7 万元", cmp(Operator.LE, "10.7", "万元")),
                arguments("≤1000万元", cmp(Operator.LE, "1000", "万元")),
                arguments("> 98%", cmp(Operator.GT, "98", "%")),
                arguments("≥9 批 (次)", cmp(Operator.GE, "9", "批次")),
                arguments("100%", cmp(Operator.NONE, "100", "%")),
                arguments("100%受理", cmp(Operator.NONE, "100", "%")),
                arguments("人均费用不超过 100 元", cmp(Operator.LE, "100", "元")),
                arguments("3批 4人次", qty("3", "批", "4", "人次")),
                arguments("12 月底前", deadline(null, 12, null, null)),
                arguments("2026年12月31日前", deadline(2026, 12, 31, null)),
                arguments("按时完成交办事项", qual(Polarity.POSITIVE)),
                arguments("完成", qual(Polarity.POSITIVE)),
                arguments("圆满完成", qual(Polarity.POSITIVE)),
                arguments("显著", qual(Polarity.POSITIVE)),
                arguments("稳定、顺畅地运转", qual(Polarity.POSITIVE)),
                arguments("不断提升", qual(Polarity.POSITIVE)),
                arguments("无出现重大工作失误", qual(Polarity.POSITIVE)),
                arguments("40", cmp(Operator.NONE, "40", "")),
                arguments("60", cmp(Operator.NONE, "60", "")),
                arguments("新增4 对", cmp(Operator.NONE, "4", "对")),
                arguments("建立 12 个语种 55 人的翻译人才库", qual(Polarity.POSITIVE)),
                arguments("=100%", cmp(Operator.EQ, "100", "%")),
                arguments("=0 次", cmp(Operator.EQ, "0", "次")),
                arguments("<3500 本", cmp(Operator.LT, "3500", "本")),
                arguments("≤3 日", cmp(Operator.LE, "3", "日")),
                arguments("上半年", deadline(null, null, null, "上半年")),
                arguments("不少于9次", cmp(Operator.GE, "9", "次")),
                arguments("不低于90%", cmp(Operator.GE, "90", "%")),
                arguments("450 人次左右", cmp(Operator.APPROX, "450", "人次")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainGrammarExamples")
    void everyDomainGrammarExampleReadsAsItsStructure(String text, IndicatorValue expected) {
        assertSameStructure(expected, IndicatorValueParser.parse(text), text);
    }

    /** Actuals written as sentences in the Hunan table, and other real forms from the demo data. */
    static Stream<Arguments> sentenceActualsAndOtherRealForms() {
        return Stream.of(
                arguments("130 人次", cmp(Operator.NONE, "130", "人次")),
                arguments("936%", cmp(Operator.NONE, "936", "%")),
                arguments("推动 8 个项目成功落户长沙", qual(Polarity.POSITIVE)),
                arguments("高质量接待外宾团组 178 批1708 人次", qty("178", "批", "1708", "人次")),
                arguments("圆满完成国际会议30 余场次", cmp(Operator.GE, "30", "场次")),
                arguments("5批 7人次", qty("5", "批", "7", "人次")),
                arguments("控制在范 围内", qual(Polarity.POSITIVE)),
                arguments("满意度达到 80%以上", cmp(Operator.GE, "80", "%")),
                arguments("手册对工作的指导帮助贡献不低于 80%", cmp(Operator.GE, "80", "%")),
                arguments("让参加培训人员 100% 有所收获", cmp(Operator.NONE, "100", "%")),
                arguments("3000 万", cmp(Operator.NONE, "3000", "万")),
                arguments("弘扬中美传统友谊", qual(Polarity.NEUTRAL)),
                arguments("选派 3 名干部驻村，提供专项资金共同推进乡村发展", qual(Polarity.POSITIVE)),
                arguments("全年完成审批因公出国团组任务。", qual(Polarity.POSITIVE)),
                arguments("2026年底前", deadline(2026, null, null, "年底前")),
                arguments("年内", deadline(null, null, null, "年内")),
                arguments("6月30日前完成", deadline(null, 6, 30, null)),
                arguments("约 450 人次", cmp(Operator.APPROX, "450", "人次")),
                arguments("≥-5%", cmp(Operator.GE, "-5", "%")),
                arguments("18,630.00 元", cmp(Operator.NONE, "18630.00", "元")),
                arguments("≥5 架", cmp(Operator.GE, "5", "架")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentenceActualsAndOtherRealForms")
    void sentenceActualsFollowTheDocumentedRule(String text, IndicatorValue expected) {
        assertSameStructure(expected, IndicatorValueParser.parse(text), text);
    }

    @Test
    void theOriginalTextIsKeptAsPrinted() {
        assertEquals("≥100 人 次", IndicatorValueParser.parse("≥100 人 次").text());
        assertEquals("2026年12月31日前", IndicatorValueParser.parse("2026年12月31日前").text());
    }

    @Test
    void fullWidthDigitsAndPercentSignsAreReadLikeAscii() {
        assertSameStructure(cmp(Operator.GE, "90", "%"), IndicatorValueParser.parse("≥９０％"), "≥９０％");
        assertSameStructure(cmp(Operator.GE, "1000", "批"), IndicatorValueParser.parse(">= 1000 批"), ">= 1000 批");
        assertSameStructure(deadline(2026, 12, 31, null), IndicatorValueParser.parse("２０２６年１２月３１日前"), "fullwidth date");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000", "\u00a0"})
    void nullOrBlankIsUnparsedAsEmpty(String text) {
        Unparsed u = assertInstanceOf(Unparsed.class, IndicatorValueParser.parse(text));
        assertEquals("empty", u.reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "≥≥", "%%", "12.3.4", "1..2", "≥≥5", "5%%", "!!!", "≥", "≤ 万元", "？？", "#$@",
            "1.2.3", ".5", "5.", "≥5 ≤10", "≥5 以下", "无", "/", "——", "2月30日前", "13月底前", "%5", "qwerty 123",
            "=", "≈≈", "3,4,5,,"})
    void garbageIsNeverGuessed(String text) {
        assertInstanceOf(Unparsed.class, IndicatorValueParser.parse(text), text);
    }

    @Test
    void aNumberTooLongForAnyIndicatorIsNotReadAndReadingItTakesTimeLinearInItsLength() {
        assertEquals("number of 41 characters (at most 40)", reason("≥" + "1".repeat(41) + "%"));
        assertInstanceOf(Comparison.class, IndicatorValueParser.parse("≥" + "1".repeat(40) + "%"));
        // Reading a number of n digits took time growing with n squared: a million digits took a minute.
        LinearTime.assertLinear("reading a value of digits", n -> LinearTime.repeat("1234567890", n), IndicatorValueParser::parse, 10_000, 20);
    }

    @Test
    void garbageSaysWhyItWasNotRead() {
        assertEquals("malformed number '1..2'", reason("1..2"));
        assertEquals("operator '≥' without a number", reason("≥≥5"));
        assertEquals("'%' not after a number", reason("5%%"));
        assertEquals("no recognised word", reason("abc"));
        assertEquals("not applicable", reason("无"));
        assertEquals("invalid date", reason("2月30日前"));
    }

    @Test
    void negativeOrPartialWordsAroundANumberMakeTheTextQualitative() {
        // Reading "未达到 90%" as "90%" would report the opposite of what it says.
        assertSameStructure(qual(Polarity.NEGATIVE), IndicatorValueParser.parse("未达到 90%"), "未达到 90%");
        assertSameStructure(qual(Polarity.PARTIAL), IndicatorValueParser.parse("基本完成 5 次"), "基本完成 5 次");
    }

    @Test
    void aDateInsideASentenceIsNotReadAsQuantities() {
        assertSameStructure(qual(Polarity.POSITIVE), IndicatorValueParser.parse("于2026年12月31日前完成"), "date in sentence");
    }

    @Test
    void theRecognisedWordsArePublicAndReadInTheDocumentedOrder() {
        assertTrue(QualitativeWords.all().containsAll(List.of("完成", "未完成", "基本完成", "宣传", "无出现")));
        assertEquals(Polarity.NEGATIVE, QualitativeWords.polarityOf("未完成").orElseThrow());
        assertEquals(Polarity.NEGATIVE, QualitativeWords.polarityOf("未按期完成").orElseThrow());
        assertEquals(Polarity.NEGATIVE, QualitativeWords.polarityOf("不达标").orElseThrow());
        assertEquals(Polarity.NEGATIVE, QualitativeWords.polarityOf("工作滞后").orElseThrow());
        assertEquals(Polarity.PARTIAL, QualitativeWords.polarityOf("基本达到").orElseThrow());
        assertEquals(Polarity.PARTIAL, QualitativeWords.polarityOf("有待提高").orElseThrow());
        assertEquals(Polarity.POSITIVE, QualitativeWords.polarityOf("无出现重大工作失误").orElseThrow());
        assertEquals(Polarity.POSITIVE, QualitativeWords.polarityOf("未发生安全事故").orElseThrow());
        assertEquals(Polarity.NEGATIVE, QualitativeWords.polarityOf("未发生安全事故，但培训未完成").orElseThrow());
        assertEquals(Polarity.POSITIVE, QualitativeWords.polarityOf("按要求完成任务").orElseThrow());
        assertEquals(Polarity.NEUTRAL, QualitativeWords.polarityOf("宣传湛江").orElseThrow());
        assertTrue(QualitativeWords.polarityOf("讲故事").isEmpty());
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String reason(String text) {
        return assertInstanceOf(Unparsed.class, IndicatorValueParser.parse(text)).reason();
    }

    static IndicatorValue cmp(Operator op, String number, String unit) {
        return new Comparison(op, new BigDecimal(number), unit, "");
    }

    static IndicatorValue qty(String... numberUnit) {
        List<Quantity> items = new java.util.ArrayList<>();
        for (int i = 0; i < numberUnit.length; i += 2) {
            items.add(new Quantity(new BigDecimal(numberUnit[i]), numberUnit[i + 1]));
        }
        return new Quantities(items, "");
    }

    static IndicatorValue deadline(Integer year, Integer month, Integer day, String period) {
        return new Deadline(year, month, day, period, "");
    }

    static IndicatorValue qual(Polarity polarity) {
        return new Qualitative("", polarity);
    }

    /** Same record type and fields; numbers by compareTo; the text is not compared. */
    static void assertSameStructure(IndicatorValue expected, IndicatorValue actual, String text) {
        assertEquals(expected.getClass(), actual.getClass(), text + " → " + actual);
        if (expected instanceof Comparison e) {
            Comparison a = (Comparison) actual;
            assertEquals(e.operator(), a.operator(), text + " operator");
            assertEquals(0, e.number().compareTo(a.number()), text + " number " + a.number());
            assertEquals(e.unit(), a.unit(), text + " unit");
        } else if (expected instanceof Quantities e) {
            Quantities a = (Quantities) actual;
            assertEquals(e.items().size(), a.items().size(), text + " items " + a.items());
            for (int i = 0; i < e.items().size(); i++) {
                assertEquals(0, e.items().get(i).number().compareTo(a.items().get(i).number()), text + " number " + i);
                assertEquals(e.items().get(i).unit(), a.items().get(i).unit(), text + " unit " + i);
            }
        } else if (expected instanceof Deadline e) {
            Deadline a = (Deadline) actual;
            assertEquals(e.year(), a.year(), text + " year");
            assertEquals(e.month(), a.month(), text + " month");
            assertEquals(e.day(), a.day(), text + " day");
            assertEquals(e.period(), a.period(), text + " period");
        } else if (expected instanceof Qualitative e) {
            assertEquals(e.polarity(), ((Qualitative) actual).polarity(), text + " polarity");
        } else {
            assertNull(expected, "unexpected expectation " + expected);
        }
    }
}
