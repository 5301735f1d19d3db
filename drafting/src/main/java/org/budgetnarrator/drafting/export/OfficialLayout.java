package org.budgetnarrator.drafting.export;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.math.BigInteger;

/**
 * The page and type of an official document as GB/T 9704-2012《党政机关公文格式》 sets them: A4 paper, margins of
 * 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right), body text in 仿宋 三号 (16 pt) on a fixed 28 pt line,
 * headings 一级 in 黑体 and 二级 in 楷体 at 三号, and the page number in the footer as "— 1 —". The headings are real
 * paragraph styles with outline levels, so that Word's navigation pane and table of contents find them.
 */
final class OfficialLayout {

    /** A4 in twentieths of a point (twips): 210 mm × 297 mm. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = mm(37);
    static final int MARGIN_BOTTOM = mm(35);
    static final int MARGIN_LEFT = mm(28);
    static final int MARGIN_RIGHT = mm(26);
    /** The width of the type area (版心), 156 mm. */
    static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

    static final String BODY_STYLE = "Normal";
    /** A part of the report (第一部分 …): outline level 1, centred, on a new page. */
    static final String PART_STYLE = "Heading1";
    /** 一级标题 (一、…): 黑体. */
    static final String LEVEL1_STYLE = "Heading2";
    /** 二级标题 (（一）…): 楷体. */
    static final String LEVEL2_STYLE = "Heading3";
    /** The 目录's entries of the three heading levels. */
    static final String TOC1_STYLE = "TOC1";
    static final String TOC2_STYLE = "TOC2";
    static final String TOC3_STYLE = "TOC3";
    /** The 目录's entries: 四号. */
    static final int TOC_SIZE = 14;
    /** 三号. */
    static final int BODY_SIZE = 16;
    /** The fixed line of GB/T 9704's 22 lines a page: 28 pt, in twips. */
    static final int LINE = 28 * 20;

    private OfficialLayout() {
    }

    static int mm(double millimetres) {
        return (int) Math.round(millimetres / 25.4 * 1440);
    }

    /**
     * The two ways an A4 sheet is printed. A landscape page is the portrait sheet turned a quarter to the left, as a
     * wide table is bound into the report: its margins are the portrait ones turned with it (the portrait right edge
     * at the top, its top edge at the left), so that the type area keeps its 156 mm × 225 mm and only lies on its side.
     */
    enum Page {
        PORTRAIT(PAGE_WIDTH, PAGE_HEIGHT, MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT),
        LANDSCAPE(PAGE_HEIGHT, PAGE_WIDTH, MARGIN_RIGHT, MARGIN_LEFT, MARGIN_TOP, MARGIN_BOTTOM);

        final int width;
        final int height;
        final int top;
        final int bottom;
        final int left;
        final int right;

        Page(int width, int height, int top, int bottom, int left, int right) {
            this.width = width;
            this.height = height;
            this.top = top;
            this.bottom = bottom;
            this.left = left;
            this.right = right;
        }

        /** The width of the type area, twips. */
        int textWidth() {
            return width - left - right;
        }

        /** The page number's dash sits 7 mm below the type area (GB/T 9704 7.5) on either page. */
        int footer() {
            return bottom - mm(7);
        }

        void applyTo(CTSectPr sect) {
            CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
            size.setW(BigInteger.valueOf(width));
            size.setH(BigInteger.valueOf(height));
            size.setOrient(this == PORTRAIT ? STPageOrientation.PORTRAIT : STPageOrientation.LANDSCAPE);
            CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
            margins.setTop(BigInteger.valueOf(top));
            margins.setBottom(BigInteger.valueOf(bottom));
            margins.setLeft(BigInteger.valueOf(left));
            margins.setRight(BigInteger.valueOf(right));
            margins.setHeader(BigInteger.valueOf(mm(15)));
            margins.setFooter(BigInteger.valueOf(footer()));
            margins.setGutter(BigInteger.ZERO);
        }
    }

    /**
     * Ends the section being written, printed on the given page, at the last paragraph written (an empty one where the
     * last thing written is a table, or a part's heading); what follows starts a new section on a new page. The first section keeps the
     * cover's empty first-page footer; the later ones have no first page of their own, and take the numbered footer
     * of the section before them, so that the page numbers run on through every section.
     */
    static void endSection(XWPFDocument doc, Page page) {
        CTSectPr body = doc.getDocument().getBody().getSectPr();
        boolean first = doc.getParagraphs().stream().noneMatch(p -> p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr());
        java.util.List<org.apache.poi.xwpf.usermodel.IBodyElement> elements = doc.getBodyElements();
        XWPFParagraph last;
        if (!elements.isEmpty() && elements.get(elements.size() - 1) instanceof XWPFParagraph p
                && !(p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr())) {
            if (PART_STYLE.equals(p.getStyle())) {
                // A part's heading goes with the table that opens it, onto the next section's first page.
                try (org.apache.xmlbeans.XmlCursor cursor = p.getCTP().newCursor()) {
                    last = doc.insertNewParagraph(cursor);
                }
            } else {
                last = p;
            }
        } else {
            last = doc.createParagraph();
        }
        CTPPr pPr = last.getCTP().isSetPPr() ? last.getCTP().getPPr() : last.getCTP().addNewPPr();
        CTSectPr sect = pPr.addNewSectPr();
        sect.set(body.copy());
        if (first) {
            // The cover's section ends here: every later one runs on without an unnumbered first page.
            if (body.isSetTitlePg()) {
                body.unsetTitlePg();
            }
        } else {
            while (sect.sizeOfFooterReferenceArray() > 0) {
                sect.removeFooterReference(0);
            }
            while (sect.sizeOfHeaderReferenceArray() > 0) {
                sect.removeHeaderReference(0);
            }
            if (sect.isSetTitlePg()) {
                sect.unsetTitlePg();
            }
        }
        page.applyTo(sect);
    }

    /** Page size, margins, the styles and the numbered footer: call before anything is written. */
    static void apply(XWPFDocument doc) {
        styles(doc);
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        Page.PORTRAIT.applyTo(sect);
        footer(doc);
        // The cover carries no page number: the first page has its own, empty, footer.
        if (!sect.isSetTitlePg()) {
            sect.addNewTitlePg();
        }
        doc.createFooter(HeaderFooterType.FIRST);
    }

    private static void styles(XWPFDocument doc) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTRPr defaults = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        fonts(defaults, WordReport.BODY_FONT);
        defaults.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        defaults.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        defaults.addNewLang().setEastAsia("zh-CN");

        CTStyle normal = styles.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId(BODY_STYLE);
        normal.setDefault(true);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        fixedLine(normal.addNewPPr(), 0);
        CTRPr normalRun = normal.addNewRPr();
        fonts(normalRun, WordReport.BODY_FONT);
        normalRun.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE * 2L));

        CTPPrGeneral part = heading(styles, PART_STYLE, "heading 1", 0, WordReport.HEADING_FONT);
        part.addNewJc().setVal(STJc.CENTER);
        part.getInd().setFirstLine(BigInteger.ZERO);
        part.addNewPageBreakBefore();
        heading(styles, LEVEL1_STYLE, "heading 2", 1, WordReport.HEADING_FONT);
        heading(styles, LEVEL2_STYLE, "heading 3", 2, WordReport.SUBHEADING_FONT);

        toc(styles, TOC1_STYLE, "toc 1", 0);
        toc(styles, TOC2_STYLE, "toc 2", 1);
        toc(styles, TOC3_STYLE, "toc 3", 2);

        CTStyle footer = styles.addNewStyle();
        footer.setType(STStyleType.PARAGRAPH);
        footer.setStyleId("Footer");
        footer.addNewName().setVal("footer");
        footer.addNewBasedOn().setVal(BODY_STYLE);
        CTSpacing single = footer.addNewPPr().addNewSpacing();
        single.setLine(BigInteger.valueOf(240));
        single.setLineRule(STLineSpacingRule.AUTO);
        doc.createStyles().setStyles(styles);
    }

    /** A paragraph style on the body text, followed by body text; priority orders Word's style gallery. */
    private static CTStyle paragraphStyle(CTStyles styles, String id, String name, int priority) {
        CTStyle s = styles.addNewStyle();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId(id);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal(BODY_STYLE);
        s.addNewNext().setVal(BODY_STYLE);
        s.addNewUiPriority().setVal(BigInteger.valueOf(priority));
        return s;
    }

    private static CTPPrGeneral heading(CTStyles styles, String id, String name, int outline, String font) {
        CTStyle s = paragraphStyle(styles, id, name, 9);
        s.addNewQFormat();
        CTPPrGeneral p = s.addNewPPr();
        p.addNewKeepNext();
        p.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        fixedLine(p, 0);
        // Headings of an official document start flush with the body's first-line indent of two characters.
        p.addNewInd().setFirstLine(BigInteger.valueOf(BODY_SIZE * 20L * 2));
        CTRPr r = s.addNewRPr();
        fonts(r, font);
        r.addNewSz().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        r.addNewSzCs().setVal(BigInteger.valueOf(BODY_SIZE * 2L));
        return p;
    }

    /** An entry of the 目录: indented two characters a level, its page number at the right after a dotted leader. */
    private static void toc(CTStyles styles, String id, String name, int level) {
        CTStyle s = paragraphStyle(styles, id, name, 39);
        CTPPrGeneral p = s.addNewPPr();
        CTTabStop tab = p.addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setLeader(STTabTlc.DOT);
        tab.setPos(BigInteger.valueOf(TEXT_WIDTH));
        CTSpacing spacing = p.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        CTInd ind = p.addNewInd();
        ind.setLeft(BigInteger.valueOf(level * 2L * TOC_SIZE * 20));
        ind.setFirstLine(BigInteger.ZERO);
        CTRPr r = s.addNewRPr();
        fonts(r, WordReport.BODY_FONT);
        r.addNewSz().setVal(BigInteger.valueOf(TOC_SIZE * 2L));
    }

    private static void fixedLine(CTPPrGeneral p, int before) {
        CTSpacing spacing = p.addNewSpacing();
        spacing.setLine(BigInteger.valueOf(LINE));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.ZERO);
    }

    private static void fonts(CTRPr r, String font) {
        CTFonts f = r.addNewRFonts();
        f.setEastAsia(font);
        f.setAscii(font);
        f.setHAnsi(font);
        f.setCs(font);
    }

    /** The page number, centred, between two dashes (一字线), in 宋体 四号 as GB/T 9704 7.5 prints it. */
    private static void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setStyle("Footer");
        p.setAlignment(ParagraphAlignment.CENTER);
        pageRun(p, "— ");
        pageRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        pageRun(p, null).getCTR().addNewInstrText().setStringValue(" PAGE ");
        pageRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        pageRun(p, "1");
        pageRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        pageRun(p, " —");
    }

    private static XWPFRun pageRun(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        if (text != null) {
            r.setText(text);
        }
        r.setFontFamily("宋体", XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("宋体", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("宋体", XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(14);
        return r;
    }
}
