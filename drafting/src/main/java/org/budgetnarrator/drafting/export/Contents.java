package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table of contents (目录) on its own page after the cover: a Word TOC field over the three heading levels
 * (第一部分 …, 一、…, （一）…), marked dirty and with the document set to update its fields on opening, so that Word
 * lays it out again with the page numbers of its own layout. Its result is written already: a line telling the reader
 * how to update it, then the headings, one entry each at its level, so that a reader that does not update fields
 * (LibreOffice converting to PDF) still lists the report's parts and sections. Page numbers are left to the update:
 * they depend on the reader's fonts and layout, and a number guessed here could be wrong.
 */
final class Contents {

    static final String TITLE = "目　录";
    /** Headings 1–3 as entries, hyperlinked, without page numbers in web view, and outline levels read too. */
    static final String INSTRUCTION = " TOC \\o \"1-3\" \\h \\z \\u ";
    static final String PLACEHOLDER = "本目录在打开文档时更新；如未更新，请在目录上单击右键，选择“更新域”。";
    /** The heading styles the entries are made from, and the style of each entry. */
    private static final Map<String, String> LEVELS = Map.of(OfficialLayout.PART_STYLE, OfficialLayout.TOC1_STYLE,
            OfficialLayout.LEVEL1_STYLE, OfficialLayout.TOC2_STYLE, OfficialLayout.LEVEL2_STYLE, OfficialLayout.TOC3_STYLE);
    private static final int ENTRY_SIZE = OfficialLayout.TOC_SIZE;

    private final XWPFParagraph field;

    private Contents(XWPFParagraph field) {
        this.field = field;
    }

    /** The 目录 page: its title, and the field's start with its instruction line. Call right after the cover. */
    static Contents start(XWPFDocument doc) {
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setPageBreak(true);
        title.setIndentationFirstLine(0);
        WordReport.run(title, TITLE, WordReport.HEADING_FONT, OfficialLayout.BODY_SIZE, false);
        XWPFParagraph field = doc.createParagraph();
        field.setStyle(OfficialLayout.TOC1_STYLE);
        CTFldChar begin = field.createRun().getCTR().addNewFldChar();
        begin.setFldCharType(STFldCharType.BEGIN);
        // Dirty: Word recomputes the field before showing it, even where updateFields is not honoured.
        begin.setDirty(Boolean.TRUE);
        field.createRun().getCTR().addNewInstrText().setStringValue(INSTRUCTION);
        field.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        WordReport.run(field, PLACEHOLDER, WordReport.BODY_FONT, ENTRY_SIZE, false);
        doc.enforceUpdateFields();
        return new Contents(field);
    }

    /** Writes an entry for every heading after the 目录 page and closes the field: call when the document is written. */
    void finish(XWPFDocument doc) {
        List<XWPFParagraph> headings = new ArrayList<>();
        List<IBodyElement> body = doc.getBodyElements();
        for (int i = body.indexOf(field) + 1; i < body.size(); i++) {
            if (body.get(i) instanceof XWPFParagraph p && p.getStyle() != null && LEVELS.containsKey(p.getStyle()) && !p.getText().isBlank()) {
                headings.add(p);
            }
        }
        XWPFParagraph last = field;
        IBodyElement next = body.get(body.indexOf(field) + 1);
        for (XWPFParagraph heading : headings) {
            XWPFParagraph entry = insertBefore(doc, (XWPFParagraph) next);
            entry.setStyle(LEVELS.get(heading.getStyle()));
            WordReport.run(entry, heading.getText(), WordReport.BODY_FONT, ENTRY_SIZE, false);
            last = entry;
        }
        last.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static XWPFParagraph insertBefore(XWPFDocument doc, XWPFParagraph anchor) {
        try (XmlCursor cursor = anchor.getCTP().newCursor()) {
            return doc.insertNewParagraph(cursor);
        }
    }
}
