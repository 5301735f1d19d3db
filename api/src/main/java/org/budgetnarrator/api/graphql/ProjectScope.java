package org.budgetnarrator.api.graphql;

import org.budgetnarrator.model.domain.Project;

import java.util.List;

/** All projects of one department-year, for parent and subproject links. */
record ProjectScope(List<Project> projects) {

    Project parentOf(Project p) {
        if (p.parentCode() == null) {
            return null;
        }
        return projects.stream().filter(x -> p.parentCode().equals(x.code()) || p.parentCode().equals(x.name()))
                .findFirst().orElse(null);
    }

    List<Project> childrenOf(Project p) {
        return projects.stream().filter(x -> x.parentCode() != null
                && (x.parentCode().equals(p.code()) || x.parentCode().equals(p.name()))).toList();
    }
}
