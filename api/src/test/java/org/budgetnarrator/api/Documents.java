package org.budgetnarrator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Import documents for tests: a small valid one to break in one place at a time, and the demo files. */
final class Documents {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Documents() {
    }

    /** A small valid department-year: three account levels, an income line, a project with indicators. */
    static Map<String, Object> small(String code, int year) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "budget-narrator/department-year@1");
        doc.put("year", year);
        doc.put("stage", "FINAL_ACCOUNTS");
        doc.put("department", new LinkedHashMap<>(Map.of("code", code, "name", "测试外事办公室", "level", "CITY")));
        List<Object> accounts = new ArrayList<>();
        accounts.add(line("201", "一般公共服务支出", "120.50"));
        accounts.add(line("20135", "对外联络事务", "120.50"));
        accounts.add(line("2013501", "行政运行", "100.00"));
        accounts.add(line("2013502", "一般行政管理事务", "20.50"));
        doc.put("accounts", accounts);
        doc.put("incomes", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("source", "general_public_budget_appropriation",
                "amount", "120.50")))));
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "外事工作经费");
        project.put("adjustedBudget", "30");
        project.put("executed", "20.5");
        project.put("indicators", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("level1", "产出指标", "level2", "数量指标",
                "name", "接待外宾", "target", "40", "actual", "60")))));
        doc.put("projects", new ArrayList<>(List.of(project)));
        return doc;
    }

    static Map<String, Object> line(String code, String name, String actual) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("code", code);
        line.put("name", name);
        line.put("actual", actual);
        return line;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> account(Map<String, Object> doc, int index) {
        return (Map<String, Object>) ((List<Object>) doc.get("accounts")).get(index);
    }

    @SuppressWarnings("unchecked")
    static List<Object> accounts(Map<String, Object> doc) {
        return (List<Object>) doc.get("accounts");
    }

    static byte[] json(Map<String, Object> doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> demo(String file) {
        return read("/demo/" + file);
    }

    /** A demo file as it was written in format 1, before the public tables (test resources format1/). */
    static Map<String, Object> formatOne(String file) {
        return read("/format1/" + file);
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = Documents.class.getResourceAsStream(resource)) {
            return MAPPER.readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
