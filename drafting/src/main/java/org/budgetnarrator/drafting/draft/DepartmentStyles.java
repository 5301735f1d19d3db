package org.budgetnarrator.drafting.draft;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.HashMap;
import java.util.Map;

/** Each department's default style profile: {@code narrator.styles.departments.CODE: NAME}. */
@ConfigurationProperties("narrator.styles")
public class DepartmentStyles {

    private Map<String, String> departments = new HashMap<>();

    public Map<String, String> departments() {
        return departments;
    }

    public Map<String, String> getDepartments() {
        return departments;
    }

    public void setDepartments(Map<String, String> departments) {
        this.departments = departments;
    }
}
