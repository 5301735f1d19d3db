package org.budgetnarrator.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * The exact-decimal scalars. Output is a JSON string, so that no client reads money through binary
 * floating point; input may be a string or a number and is read exactly, within what storage keeps (PostgreSQL's
 * numeric(24,6): 18 integer digits, 6 decimals) and without ever expanding an exponent: {@code 1e2147483647} is
 * refused by its digit counts, not computed. Int is graphql-java's with the same guard in front, since its
 * coercion of a variable expands the exponent (10^2147483647) before checking the range.
 */
final class Scalars {

    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_DECIMALS = 6;
    // "-123456789012345678.123456" is 26 characters; room for an exponent form and spaces, no room for a
    // thousand-digit text whose parsing alone costs.
    private static final int MAX_DECIMAL_TEXT = 50;

    static final GraphQLScalarType MONEY = GraphQLScalarType.newScalar()
            .name("Money")
            .description("Exact decimal amount in 万元, serialized as a string (\"244.27\").")
            .coercing(new DecimalCoercing(true))
            .build();

    static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("Exact decimal that is not money, serialized as a string (\"84.65\").")
            .coercing(new DecimalCoercing(false))
            .build();

    static final GraphQLScalarType INT = graphql.Scalars.GraphQLInt.transform(b -> b.coercing(new BoundedIntCoercing()));

    /** A file of a multipart request (GraphQLHttpController puts it in the variables): never written in a query. */
    static final GraphQLScalarType UPLOAD = GraphQLScalarType.newScalar()
            .name("Upload")
            .description("A file sent with the request as multipart/form-data (the GraphQL multipart request specification).")
            .coercing(new UploadCoercing())
            .build();

    private Scalars() {
    }

    private static Map<String, Object> badUserInput() {
        return Map.of("code", "BAD_USER_INPUT");
    }

    /** Why a decimal cannot be stored, or null: its digits counted without expanding the exponent. */
    static String decimalProblem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal d = value.stripTrailingZeros();
        long decimals = Math.max(d.scale(), 0L);
        long integerDigits = Math.max((long) d.precision() - d.scale(), 0L);
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return "got a number with " + integerDigits + " integer digits";
        }
        if (decimals > MAX_DECIMALS) {
            return "got a number with " + decimals + " decimals";
        }
        return null;
    }

    /** A stored amount as text: exact, with at least two decimals ("429.80", "1.863"). */
    static String money(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        if (s.scale() < 2) {
            s = s.setScale(2);
        }
        return s.toPlainString();
    }

    /** A decimal as text without trailing zeros beyond what it holds ("10", "84.65"). */
    static String decimal(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }

    private record DecimalCoercing(boolean isMoney) implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal d) {
                return isMoney ? money(d) : decimal(d);
            }
            if (value instanceof Integer || value instanceof Long) {
                BigDecimal d = BigDecimal.valueOf(((Number) value).longValue());
                return isMoney ? money(d) : decimal(d);
            }
            if (value instanceof Rounded r) {
                return r.value().toPlainString();
            }
            throw new CoercingSerializeException("expected an exact decimal, got " + value.getClass().getSimpleName());
        }

        private String expected() {
            return "expected " + (isMoney ? "a Money" : "a Decimal") + ", an exact decimal such as \"244.27\" with at most "
                    + MAX_INTEGER_DIGITS + " integer digits and " + MAX_DECIMALS + " decimals";
        }

        /** A decimal as read from input: its value, or why there is none. */
        private record Reading(BigDecimal value, String problem) {
            static Reading of(BigDecimal value) {
                String problem = decimalProblem(value);
                return new Reading(problem == null ? value : null, problem);
            }

            static Reading refused(String problem) {
                return new Reading(null, problem);
            }
        }

        private static Reading read(Object input) {
            if (input instanceof String s) {
                String text = s.trim();
                if (text.length() > MAX_DECIMAL_TEXT) {
                    return Reading.refused("got a text of " + text.length() + " characters");
                }
                try {
                    return Reading.of(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    return Reading.refused("got \"" + text + "\"");
                }
            }
            if (input instanceof BigDecimal d) {
                return Reading.of(d);
            }
            if (input instanceof BigInteger i) {
                return Reading.of(new BigDecimal(i));
            }
            if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
                return Reading.of(BigDecimal.valueOf(((Number) input).longValue()));
            }
            if (input instanceof Number n) {
                try {
                    return Reading.of(new BigDecimal(n.toString()));
                } catch (NumberFormatException e) {
                    return Reading.refused("got " + n);
                }
            }
            return Reading.refused("got " + (input == null ? "null" : "a " + input.getClass().getSimpleName().toLowerCase(Locale.ROOT)));
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            Reading reading = read(input);
            if (reading.value() == null) {
                throw CoercingParseValueException.newCoercingParseValueException()
                        .message(expected() + "; " + reading.problem()).extensions(badUserInput()).build();
            }
            return reading.value();
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Reading reading = input instanceof StringValue s ? read(s.getValue())
                    : input instanceof FloatValue f ? read(f.getValue())
                    : input instanceof IntValue i ? read(i.getValue())
                    : Reading.refused("got a literal that is neither a number nor a string");
            if (reading.value() == null) {
                throw CoercingParseLiteralException.newCoercingParseLiteralException()
                        .message(expected() + "; " + reading.problem()).extensions(badUserInput()).build();
            }
            return reading.value();
        }
    }

    /**
     * graphql-java's Int, with a variable's number checked by its digit counts first: graphql-java turns any number
     * into a BigInteger before the range check, which for {@code 1e2147483647} never finishes.
     */
    private static final class BoundedIntCoercing implements Coercing<Integer, Integer> {

        @SuppressWarnings("unchecked")
        private static final Coercing<Integer, Integer> BUILT_IN = (Coercing<Integer, Integer>) graphql.Scalars.GraphQLInt.getCoercing();

        @Override
        public Integer serialize(Object value, GraphQLContext context, Locale locale) {
            return BUILT_IN.serialize(value, context, locale);
        }

        @Override
        public Integer parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Integer || !(input instanceof Number)) {
                return BUILT_IN.parseValue(input, context, locale);
            }
            BigDecimal value;
            try {
                value = input instanceof BigDecimal d ? d : input instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(input.toString());
            } catch (NumberFormatException e) {
                return BUILT_IN.parseValue(input, context, locale);
            }
            if (value.signum() == 0) {
                return 0;
            }
            BigDecimal d = value.stripTrailingZeros();
            long integerDigits = (long) d.precision() - d.scale();
            String problem = d.scale() > 0 ? "got a number with decimals"
                    : integerDigits > 10 ? "got a number with " + integerDigits + " digits"
                    : null;
            if (problem == null) {
                try {
                    return d.intValueExact();
                } catch (ArithmeticException e) {
                    problem = "got " + d.toPlainString();
                }
            }
            throw CoercingParseValueException.newCoercingParseValueException()
                    .message("expected an Int, a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + "; " + problem)
                    .extensions(badUserInput()).build();
        }

        @Override
        public Integer parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return BUILT_IN.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return BUILT_IN.valueToLiteral(input, context, locale);
        }
    }

    /** A rate already rounded to its digits: printed with exactly those digits ("78.00", "160.6"). */
    record Rounded(BigDecimal value) {
    }

    private static final class UploadCoercing implements graphql.schema.Coercing<Upload, Void> {

        @Override
        public Void serialize(Object result) {
            throw new graphql.schema.CoercingSerializeException("an Upload is sent, never answered");
        }

        @Override
        public Upload parseValue(Object input) {
            if (input instanceof Upload upload) {
                return upload;
            }
            throw CoercingParseValueException.newCoercingParseValueException()
                    .message("expected a file sent as multipart/form-data (its part mapped to this variable)").extensions(badUserInput()).build();
        }

        @Override
        public Upload parseLiteral(Object input) {
            throw graphql.schema.CoercingParseLiteralException.newCoercingParseLiteralException()
                    .message("an Upload is given as a variable, its file sent as multipart/form-data").extensions(badUserInput()).build();
        }
    }
}
