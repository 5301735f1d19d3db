package org.budgetnarrator.model.text;

import org.budgetnarrator.model.domain.PublicTable;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OneScriptTest {

    @Test
    void traditionalCharactersAndFullWidthFiguresReadAsTheSimplifiedClaim() {
        assertEquals("财政拨款收入123.45万元，占本年收入98.76%。", OneScript.of("財政撥款收入１２３．４５萬元，佔本年收入９８．７６％。"));
        assertEquals("一般公共预算财政拨款支出决算数较上年减少41.83万元", OneScript.of("一般公共預算財政撥款支出決算數較上年減少４１．８３萬元"));
        assertEquals("“三公”经费", OneScript.of("“三公”經費"));
    }

    @Test
    void simplifiedTextAndChinesePunctuationAreLeftAsWritten() {
        String simplified = "（一）收入支出决算总体情况说明：收、支总计均为429.80万元；较上年减少31.83万元。";
        assertEquals(simplified, OneScript.of(simplified));
        assertNull(OneScript.of(null));
    }

    /** Every name of the public tables reads the same after the mapping: no simplified character is mapped away. */
    @Test
    void theTablesVocabularyIsUnchangedAndTheMappingIsOneStep() {
        for (PublicTable t : PublicTable.values()) {
            assertEquals(t.title(), OneScript.of(t.title()));
        }
        String traditional = OneScript.traditional();
        String simplified = OneScript.simplified();
        assertEquals(traditional.length(), simplified.length());
        Set<Character> keys = new HashSet<>();
        for (int i = 0; i < traditional.length(); i++) {
            char t = traditional.charAt(i);
            assertTrue(keys.add(t), "mapped twice: " + t);
            assertFalse(traditional.indexOf(simplified.charAt(i)) >= 0, "a simplified character mapped again: " + simplified.charAt(i));
            assertFalse(t == simplified.charAt(i), "mapped to itself: " + t);
        }
        String text = "財政撥款收入合計１２．３４萬元";
        assertEquals(text.length(), OneScript.of(text).length(), "one character for one: offsets into the text stay valid");
        assertEquals(OneScript.of(text), OneScript.of(OneScript.of(text)));
    }
}
