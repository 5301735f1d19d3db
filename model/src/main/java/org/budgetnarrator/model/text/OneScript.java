package org.budgetnarrator.model.text;

/**
 * Text as published, read as one script: some regions publish their reports in traditional characters, and PDF text
 * may carry full-width digits and letters (１２３．４５, ％). A reader compares figures and names only after this, so
 * that 財政撥款收入１２３．４５萬元 and 财政拨款收入123.45万元 are the same claim. Chinese punctuation (，。；：（）) is kept
 * as written: it is the standard form in simplified text too.
 * <p>
 * The traditional characters mapped are those of the budget and final-accounts vocabulary (the tables' row and column
 * names, the account catalogue's names, the narrative's words); no conversion library is available here, so the table
 * is ours and grows with the reports read.
 */
public final class OneScript {

    private static final String TRADITIONAL = "預決財撥經費項總計結轉餘單國資產營會衛醫療積車輛辦購運維護萬億與為於這個們來對體發務職機關構門專戶類級縣區鄉鎮廳處員應當從數據績評價標準實現際權責範圍內險養業補貼獎勵勞動稅監審彙報說況較長減變劃規設備採訂貨額佔値臺築訊網絡軟圖書館檔學環節農氣輸債還災歷調執後續領導幹離術團組隨舉議聯協織訓練義錢幣庫證擔條無並進強嚴觀點優問題過蹤興爲儀軍陳齡傳統種廣電視廠礦鐵輕質獻糧鹽壓熱燈儲藥廢棄繳純縮綫線歲飛場稱號碼週";
    private static final String SIMPLIFIED = "预决财拨经费项总计结转余单国资产营会卫医疗积车辆办购运维护万亿与为于这个们来对体发务职机关构门专户类级县区乡镇厅处员应当从数据绩评价标准实现际权责范围内险养业补贴奖励劳动税监审汇报说况较长减变划规设备采订货额占值台筑讯网络软图书馆档学环节农气输债还灾历调执后续领导干离术团组随举议联协织训练义钱币库证担条无并进强严观点优问题过踪兴为仪军陈龄传统种广电视厂矿铁轻质献粮盐压热灯储药废弃缴纯缩线线岁飞场称号码周";

    private OneScript() {
    }

    /** The text with full-width digits, letters, ％ and ． in ASCII and the mapped traditional characters simplified. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || c == '％' || c == '．' || c == '＋' || c == '－') {
                out.append((char) (c - 0xFEE0));
            } else {
                int at = TRADITIONAL.indexOf(c);
                out.append(at >= 0 ? SIMPLIFIED.charAt(at) : c);
            }
        }
        return out.toString();
    }

    /** How many traditional characters the table maps. */
    static int mapped() {
        return TRADITIONAL.length();
    }

    static String traditional() {
        return TRADITIONAL;
    }

    static String simplified() {
        return SIMPLIFIED;
    }
}
