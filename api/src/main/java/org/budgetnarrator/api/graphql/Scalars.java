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
import java.util.Locale;

/**
 * The exact-decimal scalars. Output is a JSON string, so that no client reads money through binary
 * floating point; input may be a string or a number and is read exactly.
 */
final class Scalars {

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

    private Scalars() {
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

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                if (input instanceof String s) {
                    return new BigDecimal(s.trim());
                }
                if (input instanceof BigDecimal d) {
                    return d;
                }
                if (input instanceof Number n) {
                    return new BigDecimal(n.toString());
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new CoercingParseValueException("expected a decimal such as \"244.27\", got " + input);
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue s) {
                try {
                    return new BigDecimal(s.getValue().trim());
                } catch (NumberFormatException e) {
                    throw new CoercingParseLiteralException("expected a decimal such as \"244.27\", got \"" + s.getValue() + "\"");
                }
            }
            if (input instanceof FloatValue f) {
                return f.getValue();
            }
            if (input instanceof IntValue i) {
                return new BigDecimal(i.getValue());
            }
            throw new CoercingParseLiteralException("expected a decimal such as \"244.27\"");
        }
    }

    /** A rate already rounded to its digits: printed with exactly those digits ("78.00", "160.6"). */
    record Rounded(BigDecimal value) {
    }
}
