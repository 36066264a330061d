package io.safetyhub.enterprise.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.safetyhub.enterprise.config.EnterpriseConfig;
import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo district (ten enterprises of 巴南区, 渝北区 and 江北区 that the demo users, devices and
 * scenarios refer to), upserted at startup when {@code enterprise.seed-demo=true}. Idempotent: a restart
 * rewrites nothing that is unchanged, and announces every entry again so the compacted topic has it.
 */
@ApplicationScoped
public class DemoSeed {
    static final String RESOURCE = "/seed/demo-enterprises.json";
    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    private final EnterpriseConfig config;
    private final EnterpriseService service;
    private final ObjectMapper json;

    public DemoSeed(EnterpriseConfig config, EnterpriseService service, ObjectMapper json) {
        this.config = config;
        this.service = service;
        this.json = json;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (config.seedDemo()) {
            List<Enterprise> demo = load();
            demo.forEach(e -> service.save(e, true));
            LOG.infof("demo district seeded: %d enterprises", demo.size());
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
