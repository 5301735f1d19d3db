package org.budgetnarrator.drafting.draft;

import java.util.List;

/**
 * A drafted section (or a whole report): its text, the gaps it still has, and every fact it printed with
 * its place, sentence by sentence.
 *
 * @param section   the section (or REPORT)
 * @param title     its heading
 * @param text      the text, without heading
 * @param missing   what an officer still has to supply, each marked in the text as 【待补充：…】
 * @param facts     the facts printed, with their offsets in {@code text}
 * @param sentences the sentences, each with the facts it used
 * @param style     the style profile used
 */
public record Draft(SectionKind section, String title, String text, List<Gap> missing, List<PlacedFact> facts,
                    List<Sentence> sentences, String style) {

    /** A reason the draft lacks: where, and what. */
    public record Gap(String subject, String aspect, String description, int offset, int length) {
    }

    /** A fact and where it stands in the text. */
    public record PlacedFact(Fact fact, int offset, int length) {
    }

    /** One sentence (ending in 。 or ；) and the facts it used. */
    public record Sentence(String text, int offset, List<PlacedFact> facts) {
    }
}
