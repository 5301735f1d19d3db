package org.budgetnarrator.model.db;

import io.micronaut.data.annotation.MappedProperty;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rows of a result set as records of the domain, mapped by column position worked out once per result set: the
 * same columns and conversions as the Micronaut Data repositories (snake_case names, {@link MappedProperty}),
 * without their per-row, per-property lookups, which cost a nested GraphQL page more than reading the rows does.
 */
public final class RecordRows<T extends Record> {

    private static final Map<Class<?>, RecordRows<?>> CACHE = new ConcurrentHashMap<>();

    private final String[] columns;
    private final Class<?>[] types;
    private final MethodHandle constructor;

    private RecordRows(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        columns = new String[components.length];
        types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            MappedProperty mapped = mapped(type, components[i]);
            columns[i] = mapped != null && !mapped.value().isEmpty() ? mapped.value() : snake(components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no canonical constructor on " + type, e);
        }
    }

    // The annotation's targets carry it to the record's field and accessor, not to the record component itself.
    private static MappedProperty mapped(Class<?> type, RecordComponent component) {
        MappedProperty onAccessor = component.getAccessor().getAnnotation(MappedProperty.class);
        if (onAccessor != null) {
            return onAccessor;
        }
        try {
            return type.getDeclaredField(component.getName()).getAnnotation(MappedProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return (RecordRows<T>) CACHE.computeIfAbsent(type, t -> new RecordRows<>(type));
    }

    static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every row of the result set, in order. */
    public List<T> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Integer> byLabel = new HashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            byLabel.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), c);
        }
        int[] index = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            Integer at = byLabel.get(columns[i]);
            if (at == null) {
                throw new SQLException("the result has no column " + columns[i]);
            }
            index[i] = at;
        }
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                args[i] = value(rs, index[i], types[i]);
            }
            try {
                @SuppressWarnings("unchecked") T row = (T) constructor.invoke(args);
                rows.add(row);
            } catch (Throwable e) {
                throw new SQLException("cannot build a row of " + columns.length + " columns", e);
            }
        }
        return rows;
    }

    private static Object value(ResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == long.class) {
            return rs.getLong(column);
        }
        if (type == int.class) {
            return rs.getInt(column);
        }
        if (type == boolean.class) {
            return rs.getBoolean(column);
        }
        if (type == Long.class) {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }
        if (type == Integer.class) {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v;
        }
        if (type == BigDecimal.class) {
            // SQLite keeps exact decimals as TEXT; PostgreSQL as NUMERIC. Either way the exact value, never a double.
            Object v = rs.getObject(column);
            if (v == null || v instanceof BigDecimal) {
                return v;
            }
            return new BigDecimal(v.toString().trim());
        }
        if (type == Boolean.class) {
            boolean v = rs.getBoolean(column);
            return rs.wasNull() ? null : v;
        }
        if (type == String.class) {
            return rs.getString(column);
        }
        Object v = rs.getObject(column);
        return v == null ? null : type.cast(v);
    }
}
