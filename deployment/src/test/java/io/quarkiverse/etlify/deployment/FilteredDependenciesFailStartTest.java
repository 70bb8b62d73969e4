package io.quarkiverse.etlify.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.SoftDelete;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.etlify.CrmSerializer;
import io.quarkiverse.etlify.Etlified;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Dependencies whose rows Hibernate filters (a @SQLRestriction collection, a @SoftDelete entity): the stale
 * finder would count rows the application never sees. Both are reported by the one failure.
 */
class FilteredDependenciesFailStartTest {

    @Entity
    @SoftDelete
    public static class Team extends PanacheEntity {
        public String name;
        public Instant updatedAt;
    }

    @Entity
    public static class Task extends PanacheEntity {
        @ManyToOne
        public Project project;
        public boolean done;
        public Instant updatedAt;
    }

    @Entity
    @Etlified(crm = "hubspot", objectType = "projects", serializer = ProjectSerializer.class,
            dependencies = { "team", "openTasks" })
    public static class Project extends PanacheEntity {
        public String name;
        @ManyToOne
        public Team team;
        @OneToMany(mappedBy = "project")
        @SQLRestriction("done = false")
        public List<Task> openTasks = new ArrayList<>();
        public Instant updatedAt;
    }

    public static class ProjectSerializer implements CrmSerializer<Project> {
        @Override
        public Map<String, Object> toPayload(Project project) {
            return Map.of("name", project.name);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = TestApps.failing("filtered-dependencies",
            new String[] { "Etlify mappings do not match the Hibernate metamodel",
                    "@Etlified(crm = \"hubspot\") on " + Project.class.getName() + ": dependency 'team': "
                            + Team.class.getName() + " has a @SQLRestriction or @SoftDelete, which the stale finder"
                            + " does not apply",
                    "@Etlified(crm = \"hubspot\") on " + Project.class.getName() + ": dependency 'openTasks': "
                            + Project.class.getName() + ".openTasks has a @SQLRestriction or @SoftDelete" },
            Project.class, Team.class, Task.class, ProjectSerializer.class);

    @Test
    void startFails() {
        fail("start-up should have failed");
    }
}
