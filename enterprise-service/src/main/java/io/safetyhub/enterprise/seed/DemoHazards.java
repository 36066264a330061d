package io.safetyhub.enterprise.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseRepository;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.hazard.Hazard;
import io.safetyhub.enterprise.hazard.HazardGrade;
import io.safetyhub.enterprise.hazard.HazardRepository;
import io.safetyhub.enterprise.hazard.HazardSource;
import io.safetyhub.enterprise.hazard.HazardStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo hazards in every state, inserted once (an existing id is left alone, so a restart neither
 * duplicates nor resets them). Dates are relative to the first seeding so that one is overdue and the
 * major ones have an age; the audit trail walks the legal path to the seeded state.
 */
@ApplicationScoped
public class DemoHazards {
    static final String RESOURCE = "/seed/demo-hazards.json";

    /** One row of the seed file. */
    record Row(String id, String enterpriseId, HazardSource source, HazardGrade grade, Sector category,
               String description, String responsiblePerson, String measures, Double funds, int reportedDaysAgo,
               int deadlineInDays, HazardStatus status) {
    }

    private final HazardRepository hazards;
    private final EnterpriseRepository registry;
    private final ObjectMapper json;

    public DemoHazards(HazardRepository hazards, EnterpriseRepository registry, ObjectMapper json) {
        this.hazards = hazards;
        this.registry = registry;
        this.json = json;
    }

    /** @return how many were inserted by this call */
    int seed(Instant now, ZoneId zone) {
        int inserted = 0;
        for (Row row : load()) {
            if (hazards.findById(row.id()).isPresent()) {
                continue;
            }
            Enterprise e = registry.findById(row.enterpriseId()).orElseThrow();
            Instant reported = now.minus(Duration.ofDays(row.reportedDaysAgo())).truncatedTo(ChronoUnit.MILLIS);
            List<AuditEntry> history = history(row, reported);
            hazards.insert(new Hazard(row.id(), e.id(), e.district(), e.town(), row.source(), row.grade(), row.category(),
                    row.description(), row.responsiblePerson(), row.measures(), row.funds(),
                    LocalDate.ofInstant(now, zone).plusDays(row.deadlineInDays()), row.status(), reported,
                    history.get(history.size() - 1).at(), history));
            inserted++;
        }
        return inserted;
    }

    private static List<AuditEntry> history(Row row, Instant reported) {
        List<HazardStatus> path = switch (row.status()) {
            case REPORTED -> List.of(HazardStatus.REPORTED);
            case RECTIFYING -> List.of(HazardStatus.REPORTED, HazardStatus.RECTIFYING);
            case RECTIFIED -> List.of(HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.RECTIFIED);
            case REJECTED -> List.of(HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.RECTIFIED,
                    HazardStatus.REJECTED);
            case CLOSED -> List.of(HazardStatus.REPORTED, HazardStatus.RECTIFYING, HazardStatus.RECTIFIED,
                    HazardStatus.CLOSED);
        };
        List<AuditEntry> entries = new ArrayList<>();
        HazardStatus previous = null;
        for (int i = 0; i < path.size(); i++) {
            HazardStatus to = path.get(i);
            boolean regulatorStep = to == HazardStatus.REJECTED
                    || to == HazardStatus.CLOSED && row.grade() == HazardGrade.MAJOR;
            String note = to == HazardStatus.REJECTED ? "验收不合格：吸收装置未与报警联锁" : "demo seed";
            entries.add(new AuditEntry("demo-seed", regulatorStep ? "regulator" : "enterprise",
                    reported.plus(Duration.ofHours(i)), previous == null ? null : previous.name(), to.name(), note));
            previous = to;
        }
        return entries;
    }

    private List<Row> load() {
        try (InputStream in = DemoHazards.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return json.readValue(in, new TypeReference<List<Row>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
