package io.safetyhub.enterprise.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.disclosure.Disclosure;
import io.safetyhub.enterprise.disclosure.DisclosureService;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import io.safetyhub.enterprise.riskcolour.RiskColourService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo district (twelve enterprises of 巴南区, 渝北区, 江北区 and 九龙坡区 that the demo users, devices and
 * scenarios refer to, with disclosures and hazards in every state), upserted at startup when {@code enterprise.seed-demo=true}. Idempotent: a restart
 * rewrites nothing that is unchanged, and announces every entry again so the compacted topic has it.
 */
@ApplicationScoped
public class DemoSeed {
    static final String RESOURCE = "/seed/demo-enterprises.json";
    static final String DISCLOSURES = "/seed/demo-disclosures.json";
    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    private final EnterpriseConfig config;
    private final EnterpriseService service;
    private final ObjectMapper json;

    private final DisclosureService disclosures;
    private final DemoHazards demoHazards;
    private final DemoMajorHazards demoMajorHazards;
    private final DemoRiskPoints demoRiskPoints;
    private final DemoDuties demoDuties;
    private final DemoAssessment demoAssessment;
    private final RiskColourService riskColours;
    private final Clock clock;

    public DemoSeed(EnterpriseConfig config, EnterpriseService service, ObjectMapper json,
                    DisclosureService disclosures, DemoHazards demoHazards, DemoMajorHazards demoMajorHazards,
                    DemoRiskPoints demoRiskPoints, DemoDuties demoDuties, DemoAssessment demoAssessment, RiskColourService riskColours,
                    Clock clock) {
        this.config = config;
        this.service = service;
        this.json = json;
        this.disclosures = disclosures;
        this.demoHazards = demoHazards;
        this.demoMajorHazards = demoMajorHazards;
        this.demoRiskPoints = demoRiskPoints;
        this.demoDuties = demoDuties;
        this.demoAssessment = demoAssessment;
        this.riskColours = riskColours;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (config.seedDemo()) {
            List<Enterprise> demo = load();
            demo.forEach(e -> service.save(e, true));
            Map<String, Disclosure> disclosures = loadDisclosures();
            disclosures.forEach((id, d) -> {
                if (!this.disclosures.exists(id)) {
                    this.disclosures.save(id, d, "demo-seed");
                }
            });
            int hazards = demoHazards.seed(clock.instant(), config.zone());
            int installations = demoMajorHazards.seed();
            int riskPoints = demoRiskPoints.seed();
            boolean duties = demoDuties.seed();
            boolean assessed = demoAssessment.seed();
            // The file's colours were just written back; colours computed from assessments or risk points (or
            // overridden) apply again.
            riskColours.applyAll(demo.stream().map(Enterprise::id).toList());
            LOG.infof("demo district seeded: %d enterprises, %d disclosures, %d new hazards, %d new major-hazard "
                    + "installations, %d new risk points, duty holders %s, assessment %s", demo.size(), disclosures.size(),
                    hazards, installations, riskPoints, duties ? "named" : "kept", assessed ? "recorded" : "kept");
        }
    }

    /** Disclosures are written only where none exists, so that an enterprise's own edits survive a restart. */
    Map<String, Disclosure> loadDisclosures() {
        try (InputStream in = DemoSeed.class.getResourceAsStream(DISCLOSURES)) {
            if (in == null) {
                throw new IllegalStateException(DISCLOSURES + " is missing from the build");
            }
            return json.readValue(in, new TypeReference<Map<String, Disclosure>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DISCLOSURES, e);
        }
    }

    List<Enterprise> load() {
        try (InputStream in = DemoSeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return json.readValue(in, new TypeReference<List<Enterprise>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
