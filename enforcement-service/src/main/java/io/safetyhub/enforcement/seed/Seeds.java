package io.safetyhub.enforcement.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enforcement.checklist.Checklist;
import io.safetyhub.enforcement.checklist.ChecklistRepository;
import io.safetyhub.enforcement.config.EnforcementConfig;
import io.safetyhub.enforcement.inspector.Inspector;
import io.safetyhub.enforcement.inspector.InspectorRepository;
import io.safetyhub.enforcement.penalty.Violation;
import io.safetyhub.enforcement.penalty.ViolationRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Data the service starts with. The checklists (with the major-hazard criteria) and the violation catalogue are
 * reference data: seeded in every environment, but only where absent, so an operator's edits survive a restart.
 * The demo inspector roster is seeded only with {@code enforcement.seed-demo=true}.
 */
@ApplicationScoped
public class Seeds {
    private static final Logger LOG = Logger.getLogger(Seeds.class);

    private final ChecklistRepository checklists;
    private final ViolationRepository violations;
    private final InspectorRepository inspectors;
    private final EnforcementConfig config;
    private final ObjectMapper json;

    public Seeds(
            ChecklistRepository checklists,
            ViolationRepository violations,
            InspectorRepository inspectors,
            EnforcementConfig config,
            ObjectMapper json) {
        this.checklists = checklists;
        this.violations = violations;
        this.inspectors = inspectors;
        this.config = config;
        this.json = json;
    }

    void onStart(@Observes @Priority(20) StartupEvent ignored) {
        long lists = read("seed/checklists.json", Checklist[].class).stream().filter(checklists::insertIfAbsent).count();
        long entries = read("seed/violations.json", Violation[].class).stream().filter(violations::insertIfAbsent).count();
        LOG.infof("reference data: %d checklist(s) and %d catalogue entr(ies) added", lists, entries);
        if (config.seedDemo()) {
            List<Inspector> demo = read("seed/demo-inspectors.json", Inspector[].class);
            demo.forEach(inspectors::put);
            LOG.infof("demo inspector roster: %d inspectors", demo.size());
        }
    }

    private <T> List<T> read(String resource, Class<T[]> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return Arrays.asList(json.readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
