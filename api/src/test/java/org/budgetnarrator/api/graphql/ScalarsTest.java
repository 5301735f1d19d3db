package org.budgetnarrator.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money, Decimal and Int read numbers by their digit counts, never expanding an exponent, and refuse what storage
 * cannot keep (numeric(24,6)) as BAD_USER_INPUT naming the expectation. schema.graphqls has no argument of type Money or
 * Decimal today, so these coercions are tested here rather than through /graphql.
 */
class ScalarsTest {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();
    // A guard against a hang (graphql-java's Int coercion of 1e2147483647 never returned), not a speed measure.
    private static final Duration HANG = Duration.ofSeconds(60);

    @SuppressWarnings("unchecked")
    private static Coercing<BigDecimal, String> money() {
        return (Coercing<BigDecimal, String>) Scalars.MONEY.getCoercing();
    }

    @SuppressWarnings("unchecked")
    private static Coercing<Integer, Integer> integer() {
        return (Coercing<Integer, Integer>) Scalars.INT.getCoercing();
    }

    private static void refused(Coercing<?, ?> coercing, Object input, String... mentions) {
        CoercingParseValueException e = assertTimeoutPreemptively(HANG,
                () -> assertThrows(CoercingParseValueException.class, () -> coercing.parseValue(input, CONTEXT, Locale.ROOT)), String.valueOf(input));
        assertEquals("BAD_USER_INPUT", e.getExtensions().get("code"), e.getMessage());
        for (String mention : mentions) {
            assertTrue(e.getMessage().contains(mention), mention + " in: " + e.getMessage());
        }
        assertTrue(e.getMessage().length() < 300, "the message does not echo a long input: " + e.getMessage());
    }

    @Test
    void moneyBeyondNumeric24Scale6IsRefusedWithoutExpandingTheExponent() {
        String expectation = "at most 18 integer digits and 6 decimals";
        refused(money(), "1e2147483647", expectation, "2147483648 integer digits");
        refused(money(), new BigDecimal("1e2147483647"), expectation);
        refused(money(), new BigDecimal("1e-2147483647"), expectation, "2147483647 decimals");
        refused(money(), "1".repeat(1000), expectation, "text of 1000 characters");
        refused(money(), new BigInteger("9".repeat(1000)), expectation, "1000 integer digits");
        refused(money(), "1234567890123456789", expectation, "19 integer digits");
        refused(money(), "0.1234567", expectation, "7 decimals");
        refused(money(), 1e300, expectation);
        refused(money(), "twelve", "expected a Money");
        refused(money(), true, "expected a Money");
        assertTrue(assertThrows(CoercingParseValueException.class,
                () -> Scalars.DECIMAL.getCoercing().parseValue("1e2147483647", CONTEXT, Locale.ROOT)).getMessage().contains("expected a Decimal"));
    }

    @Test
    void moneyWithinWhatStorageKeepsIsReadExactly() {
        assertEquals(new BigDecimal("123456789012345678.123456"), money().parseValue("123456789012345678.123456", CONTEXT, Locale.ROOT));
        assertEquals(new BigDecimal("-0.000001"), money().parseValue(new BigDecimal("-0.000001"), CONTEXT, Locale.ROOT));
        assertEquals(0, new BigDecimal("1").compareTo(money().parseValue("1.0000000", CONTEXT, Locale.ROOT)), "trailing zeros are no decimals");
        assertEquals(0, BigDecimal.ZERO.compareTo(money().parseValue(new BigDecimal("0E+2147483647"), CONTEXT, Locale.ROOT)));
        assertEquals(new BigDecimal("244.27"), money().parseValue(" 244.27 ", CONTEXT, Locale.ROOT));
        assertEquals(new BigDecimal("42"), money().parseValue(42, CONTEXT, Locale.ROOT));
    }

    @Test
    void moneyLiteralsHaveTheSameBounds() {
        CoercingParseLiteralException e = assertThrows(CoercingParseLiteralException.class, () -> money().parseLiteral(
                new FloatValue(new BigDecimal("1e2147483647")), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT));
        assertEquals("BAD_USER_INPUT", e.getExtensions().get("code"));
        assertEquals(new BigDecimal("244.27"), money().parseLiteral(new StringValue("244.27"), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT));
    }

    @Test
    void intReadsNumbersByTheirDigitsBeforeItsRange() {
        String expectation = "expected an Int, a whole number from -2147483648 to 2147483647";
        refused(integer(), new BigDecimal("1e2147483647"), expectation, "2147483648 digits");
        refused(integer(), new BigDecimal("1e-2147483647"), expectation, "decimals");
        refused(integer(), new BigDecimal("2147483648"), expectation, "2147483648");
        refused(integer(), new BigInteger("9".repeat(1000)), expectation, "1000 digits");
        refused(integer(), new BigDecimal("1.5"), expectation, "decimals");
        assertEquals(2147483647, integer().parseValue(new BigDecimal("2147483647"), CONTEXT, Locale.ROOT));
        assertEquals(-2147483648, integer().parseValue(new BigDecimal("-2147483648"), CONTEXT, Locale.ROOT));
        assertEquals(25, integer().parseValue(new BigDecimal("2.5E+1"), CONTEXT, Locale.ROOT));
        assertEquals(0, integer().parseValue(new BigDecimal("0E+2147483647"), CONTEXT, Locale.ROOT));
        assertEquals(2024, integer().parseValue(2024, CONTEXT, Locale.ROOT));
        assertEquals("Int", Scalars.INT.getName());
    }
}
