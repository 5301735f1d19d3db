package org.budgetnarrator.model.imports;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row after its values were checked against their fields: money in 万元 as BigDecimal, integers as
 * Long, text as String, choices as their key.
 *
 * @param location where the row is
 * @param values   checked values by field key (absent: not given)
 * @param where    where each value was read, for later messages
 * @param parent   for an indicator: the index of its project in the projects table; null for department-wide
 */
public record BoundRow(Location location, Map<String, Object> values, Map<String, Location> where, Integer parent) {

    public BoundRow(Location location, Integer parent) {
        this(location, new LinkedHashMap<>(), new LinkedHashMap<>(), parent);
    }

    public String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public BigDecimal decimal(String key) {
        return (BigDecimal) values.get(key);
    }

    public Long integer(String key) {
        return (Long) values.get(key);
    }

    public Location at(String key) {
        return where.getOrDefault(key, location);
    }

    public BoundRow withParent(Integer newParent) {
        return new BoundRow(location, values, where, newParent);
    }
}
