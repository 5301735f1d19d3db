package org.budgetnarrator.model.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of the import format: its JSON key, its column header in the workbook, its database column.
 *
 * @param key      the JSON key, camelCase
 * @param label    the Chinese header used in the workbook and in messages
 * @param type     the kind of value
 * @param required whether a row without it is an error
 * @param column   the database column it is stored in, or null when it is not stored as a column
 * @param choices  for {@link FieldType#ENUM}: each key with its Chinese name
 * @param maxLength for {@link FieldType#TEXT} and {@link FieldType#CODE}: the most characters a value may have
 *                  (at most its column's VARCHAR size); 0 for the other kinds
 */
public record Field(String key, String label, FieldType type, boolean required, String column,
                    Map<String, String> choices, int maxLength) {

    /** A name: the usual VARCHAR(200) of names. */
    public static final int NAME = 200;
    /** A code (project codes, reason codes: VARCHAR(64)). */
    public static final int CODE_LENGTH = 64;

    /** Text of at most {@link #NAME} characters; {@link #max(int)} sets another limit. */
    public static Field text(String key, String label) {
        return new Field(key, label, FieldType.TEXT, false, snake(key), Map.of(), NAME);
    }

    public static Field code(String key, String label) {
        return new Field(key, label, FieldType.CODE, false, snake(key), Map.of(), CODE_LENGTH);
    }

    public static Field integer(String key, String label) {
        return new Field(key, label, FieldType.INTEGER, false, snake(key), Map.of(), 0);
    }

    public static Field money(String key, String label) {
        return new Field(key, label, FieldType.MONEY, false, snake(key), Map.of(), 0);
    }

    public static Field decimal(String key, String label) {
        return new Field(key, label, FieldType.DECIMAL, false, snake(key), Map.of(), 0);
    }

    /** Choices given as key, Chinese name, key, Chinese name … */
    public static Field choice(String key, String label, String... keysAndNames) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            choices.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return new Field(key, label, FieldType.ENUM, false, snake(key), choices, 0);
    }

    public Field mandatory() {
        return new Field(key, label, type, true, column, choices, maxLength);
    }

    public Field column(String name) {
        return new Field(key, label, type, required, name, choices, maxLength);
    }

    /** At most this many characters (a text or code field). */
    public Field max(int characters) {
        if (type != FieldType.TEXT && type != FieldType.CODE) {
            throw new IllegalStateException(key + " is not a text field");
        }
        return new Field(key, label, type, required, column, choices, characters);
    }

    /** The digits a number in this field may have as written in the given unit (万元 or 元); null for non-numbers. */
    public Digits digits(String unit) {
        Digits digits = type.digits();
        if (type == FieldType.MONEY && ImportFormat.YUAN.equals(unit)) {
            // Stored in 万元 with 6 decimals: an amount in 元 keeps 4 fewer.
            return new Digits(digits.integer(), digits.fraction() - ImportFormat.YUAN_SHIFT);
        }
        return digits;
    }

    /** Not stored as a column of its own (read by the importer, used otherwise). */
    public Field notStored() {
        return column(null);
    }

    public boolean isNumeric() {
        return type == FieldType.MONEY || type == FieldType.DECIMAL || type == FieldType.INTEGER;
    }

    /** The header shown in the workbook: the Chinese name, then the JSON key, so either can be matched. */
    public String header() {
        return label + " (" + key + ")";
    }

    /** The key for a value given either as a key or as its Chinese name; null when it is neither. */
    public String choiceKey(String value) {
        for (Map.Entry<String, String> choice : choices.entrySet()) {
            if (choice.getKey().equalsIgnoreCase(value) || choice.getValue().equals(value)) {
                return choice.getKey();
            }
        }
        return null;
    }

    public String describeExpected() {
        return switch (type) {
            case TEXT -> "text of at most " + Texts.count(maxLength) + " characters";
            case CODE -> "a code (letters and digits) of at most " + Texts.count(maxLength) + " characters";
            case INTEGER -> "a whole number of " + type.digits().describe();
            case MONEY -> "an amount such as 244.27 (no thousands separators, not negative; " + type.digits().describe() + ")";
            case DECIMAL -> "a decimal number such as 84.65 (" + type.digits().describe() + ")";
            case ENUM -> "one of " + String.join(", ", choices.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        };
    }

    static String snake(String key) {
        StringBuilder out = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<Field> list(Field... fields) {
        return List.of(fields);
    }
}
