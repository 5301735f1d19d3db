package org.budgetnarrator.drafting.indicator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The words that give a qualitative target or actual its {@link Polarity}. Public so the API can
 * show which words are recognised; a text with none of them is not guessed at (the parser returns
 * {@link IndicatorValue.Unparsed}).
 *
 * <p>Reading order, and why:
 * <ol>
 *   <li>{@link #NEGATED_NEGATIVE} phrases ("无出现", "未发生", "杜绝") and the rest of their clause
 *       are set aside first: "无出现重大工作失误" is a success even though 失误 is a negative word.</li>
 *   <li>{@link #NEGATIVE} wins over everything left: "未完成" contains 完成, "不达标" contains 达标;
 *       so does a {@link #NEGATORS negator} right before a positive word ("未按期完成").</li>
 *   <li>{@link #PARTIAL} comes next: "基本完成" contains 完成, "有待提高" contains 提高.</li>
 *   <li>{@link #POSITIVE} (or a negated negative found in step 1).</li>
 *   <li>{@link #NEUTRAL}: recognised, but the words describe work without a verdict.</li>
 * </ol>
 * POSITIVE deliberately holds achievement verbs (建立, 举办, 推动, 开展 …) as well as verdicts
 * (达标, 显著): actuals are written as "what we did" sentences, and such a sentence with no
 * negative or partial word is how these tables report an achieved qualitative target.
 */
public final class QualitativeWords {

    /** Verdicts of success and achievement verbs. */
    public static final List<String> POSITIVE = List.of(
            "完成", "圆满完成", "按时完成", "按要求完成", "高质量完成", "提前完成", "按时", "按期", "及时", "如期",
            "显著", "明显", "效果显著", "成效显著", "效果明显", "达到", "达标", "实现", "满意", "合格", "合规",
            "健全", "完善", "完整", "规范", "科学", "合理", "提升", "不断提升", "提高", "增强", "扩大", "增长",
            "稳定", "顺畅", "有效", "良好", "优秀", "高质量", "相符", "完全相符", "符合", "足额", "到位", "落实",
            "建立", "建成", "新增", "举办", "承办", "开展", "组织", "推动", "推进", "成功", "正常", "范围内");

    /** Verdicts of failure, and problems stated without a negation. */
    public static final List<String> NEGATIVE = List.of(
            "未完成", "没有完成", "没完成", "未达到", "未达标", "不达标", "未实现", "未落实", "未开展", "未按时",
            "未及时", "不及时", "未能", "尚未", "滞后", "延误", "延迟", "延期", "逾期", "推迟", "不合格",
            "不满意", "不规范", "不健全", "不合理", "不科学", "不稳定", "不明显", "不显著", "无效", "较差",
            "不正常", "不到位", "超支", "超出预算", "未通过", "失败", "失误", "事故", "差错");

    /**
     * Negators: one of them right before a {@link #POSITIVE} word makes it negative ("未按期完成" is
     * caught through 完成 even though it is not listed in {@link #NEGATIVE}).
     */
    public static final List<String> NEGATORS = List.of("没有", "无法", "不能", "未能", "尚未", "未", "不", "没");

    /** Partial achievement. */
    public static final List<String> PARTIAL = List.of(
            "基本完成", "部分完成", "基本达到", "基本实现", "基本达标", "基本满意", "基本合格", "基本相符",
            "基本符合", "基本健全", "基本规范", "基本落实", "大部分", "部分实现", "部分达到", "有待提高",
            "有待加强", "有待提升", "正在", "进行中", "推进中");

    /** Recognised words that describe work or intent without saying whether it succeeded. */
    public static final List<String> NEUTRAL = List.of(
            "宣传", "弘扬", "深化", "加强", "利用", "按照", "要求", "执行", "控制", "保障", "保持", "参与",
            "协调", "交流", "合作", "积极", "全力", "持续", "不断", "努力", "争取", "确保", "力争", "服务");

    /**
     * A negation of a problem ("无出现", "未发生", "不超"); the clause it opens is read as a success.
     * Checked before {@link #NEGATIVE}, whose words ("未", "失误") it would otherwise trigger.
     */
    public static final List<String> NEGATED_NEGATIVE = List.of(
            "无出现", "未出现", "没有出现", "未发生", "没有发生", "不发生", "无发生", "杜绝", "零投诉", "无投诉",
            "无违规", "无违纪", "无差错", "零差错", "无事故", "零事故", "无重大", "不出现", "未超", "不超", "没有超");

    private static final String CLAUSE_END = "，,；;。、！!？?";

    private QualitativeWords() {
    }

    /** All recognised words, longest first (the order matching uses). */
    public static List<String> all() {
        return Stream.of(POSITIVE, NEGATIVE, PARTIAL, NEUTRAL, NEGATED_NEGATIVE)
                .flatMap(List::stream).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The polarity of a text, or empty when it holds no recognised word. */
    public static Optional<Polarity> polarityOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        StringBuilder rest = new StringBuilder(text);
        boolean negatedNegative = removeNegatedClauses(rest);
        String left = rest.toString();
        if (containsAny(left, NEGATIVE) || negatesAPositiveWord(left)) {
            return Optional.of(Polarity.NEGATIVE);
        }
        if (containsAny(left, PARTIAL)) {
            return Optional.of(Polarity.PARTIAL);
        }
        if (negatedNegative || containsAny(left, POSITIVE)) {
            return Optional.of(Polarity.POSITIVE);
        }
        if (containsAny(left, NEUTRAL)) {
            return Optional.of(Polarity.NEUTRAL);
        }
        return Optional.empty();
    }

    /** True when the text contains at least one recognised word of any list. */
    public static boolean recognises(String text) {
        return polarityOf(text).isPresent();
    }

    /** Cuts every negated-negative phrase and the rest of its clause; true if one was found. */
    private static boolean removeNegatedClauses(StringBuilder text) {
        boolean found = false;
        for (String phrase : NEGATED_NEGATIVE) {
            int at;
            while ((at = text.indexOf(phrase)) >= 0) {
                int end = at + phrase.length();
                while (end < text.length() && CLAUSE_END.indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                text.delete(at, end);
                found = true;
            }
        }
        return found;
    }

    /** True when a negator stands right before a positive word ("不" + "满意"). */
    private static boolean negatesAPositiveWord(String text) {
        for (String word : POSITIVE) {
            int at = text.indexOf(word);
            while (at >= 0) {
                for (String negator : NEGATORS) {
                    if (at >= negator.length() && text.startsWith(negator, at - negator.length())) {
                        return true;
                    }
                }
                at = text.indexOf(word, at + 1);
            }
        }
        return false;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
