package org.budgetnarrator.drafting.indicator;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Deterministic fuzzing (fixed seed): the parser and the evaluator never throw, and garbage is
 * never guessed at.
 */
class ParserFuzzTest {

    private static final long SEED = 20240607L;

    private static final List<String> VALID = List.of(
            "≥4 对", "≥ 1000 批", "≥100 人 次", "≥90%", "≤10.7 万元", "≤1000万元", "> 98%", "≥9 批 (次)", "100%",
            "100%受理", "人均费用不超过 100 元", "3批 4人次", "12 月底前", "2026年12月31日前", "按时完成交办事项", "完成",
            "圆满完成", "显著", "稳定、顺畅地运转", "不断提升", "无出现重大工作失误", "40", "60", "新增4 对",
            "建立 12 个语种 55 人的翻译人才库", "=100%", "=0 次", "<3500 本", "≤3 日", "上半年", "不少于9次", "不低于90%",
            "450 人次左右", "高质量接待外宾团组 178 批1708 人次", "圆满完成国际会议30 余场次", "936%", "控制在范 围内");

    private static final String ASCII_JUNK = "abcxyzQWE!@#$^&*()_+-=[]{};:'\",.<>/?\\|`~ ";
    private static final String OPERATORS = "≥≤<>=≈%％‰";
    private static final String DIGITS = "0123456789０１２３４５６７８９.";
    private static final String CJK_JUNK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

    @Test
    void parseNeverThrowsAndNeverFallsIntoItsSafetyNet() {
        Random r = new Random(SEED);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            inputs.add(mutate(VALID.get(r.nextInt(VALID.size())), r));
        }
        for (int i = 0; i < 500; i++) {
            inputs.add(randomString(r, 1 + r.nextInt(30), ASCII_JUNK + OPERATORS + DIGITS + CJK_JUNK));
        }
        inputs.add("完成".repeat(20_000));
        inputs.add("1".repeat(5_000) + "%");
        inputs.add("≥" + "9".repeat(3_000) + "人次");
        inputs.add("未".repeat(10_000) + "完成");
        inputs.add("1 ".repeat(5_000));
        for (String s : inputs) {
            IndicatorValue v = assertDoesNotThrow(() -> IndicatorValueParser.parse(s), s);
            assertNotNull(v, s);
            if (v instanceof IndicatorValue.Unparsed u) {
                assertFalse(u.reason().startsWith("internal error"), s + " → " + u.reason());
            }
        }
    }

    @Test
    void pureGarbageIsAlwaysUnparsed() {
        Random r = new Random(SEED + 1);
        // No digit and no recognised word: ASCII junk, operators and percent signs alone.
        String noWords = "abcxyzQWE!@#$^&*()_+=[]{};:'\",<>/?\\|`~ ≥≤<>=≈%％‰";
        for (int i = 0; i < 2000; i++) {
            String s = randomString(r, 1 + r.nextInt(40), noWords);
            assertInstanceOf(IndicatorValue.Unparsed.class, IndicatorValueParser.parse(s), s);
        }
        // Malformed numbers anywhere in an otherwise valid value.
        String[] malformed = {"1..2", "12.3.4", "≥≥5", "5%%", "%5", "≤≤", "0..", "1.2.3.4.5", "≥", "≈%"};
        for (int i = 0; i < 2000; i++) {
            String bad = malformed[r.nextInt(malformed.length)];
            String around = randomString(r, r.nextInt(4), "批人次元万对本台");
            String s = r.nextBoolean() ? bad + around : around + bad;
            assertInstanceOf(IndicatorValue.Unparsed.class, IndicatorValueParser.parse(s), s);
        }
    }

    @Test
    void evaluateNeverThrowsOnRandomPairs() {
        Random r = new Random(SEED + 2);
        ScoringProfile profile = ScoringProfiles.national();
        String[] level1 = {"产出指标", "效益指标", "成本指标", null, "满意度指标"};
        String[] level2 = {"数量指标", "经济成本指标", null, "时效指标"};
        String[] names = {"接待外宾", "资金支出进度", "公用经费控制率", null, "x"};
        for (int i = 0; i < 3000; i++) {
            String target = r.nextInt(10) == 0 ? null : mutate(VALID.get(r.nextInt(VALID.size())), r);
            String actual = r.nextInt(10) == 0 ? null : mutate(VALID.get(r.nextInt(VALID.size())), r);
            BigDecimal weight = r.nextInt(5) == 0 ? null : BigDecimal.valueOf(r.nextInt(2000), 2);
            BigDecimal recorded = r.nextBoolean() ? null : BigDecimal.valueOf(r.nextInt(2000), 2);
            IndicatorEvaluation e = assertDoesNotThrow(() -> IndicatorEvaluator.evaluate(
                    level1[r.nextInt(level1.length)], level2[r.nextInt(level2.length)], names[r.nextInt(names.length)],
                    target, actual, weight, recorded, profile), target + " / " + actual);
            assertNotNull(e.status());
            assertNotNull(e.rule());
            assertFalse(e.rule().contains("internal error"), e.rule());
            if (e.suggestedScore() != null) {
                assertTrue(e.suggestedScore().compareTo(weight) <= 0, "never above the weight: " + e);
                assertTrue(e.suggestedScore().signum() >= 0, "never negative: " + e);
            }
        }
    }

    /** A valid form mutated: characters deleted, duplicated or swapped, junk inserted, full-width forms. */
    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = r.nextInt(4);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(7)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, b.charAt(at));
                case 2 -> {
                    int other = r.nextInt(b.length());
                    char c = b.charAt(at);
                    b.setCharAt(at, b.charAt(other));
                    b.setCharAt(other, c);
                }
                case 3 -> b.insert(at, OPERATORS.charAt(r.nextInt(OPERATORS.length())));
                case 4 -> b.insert(at, randomString(r, 1 + r.nextInt(3), ASCII_JUNK + CJK_JUNK));
                case 5 -> b.replace(0, b.length(), toFullWidth(b.toString()));
                default -> b.append(randomString(r, r.nextInt(3) == 0 ? 300 + r.nextInt(700) : 1 + r.nextInt(5), CJK_JUNK + DIGITS));
            }
        }
        return b.toString();
    }

    private static String toFullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '%' ? '％' : c);
        }
        return b.toString();
    }

    private static String randomString(Random r, int length, String alphabet) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
