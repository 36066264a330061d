package io.safetyhub.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.safetyhub.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The cache of verified identities, sized from configuration, with its hit rate and size as metrics. */
public class TokenCacheProducer {
    /** Tag value of Micrometer's cache meters ({@code cache_gets_total{cache="gateway-verified-tokens",result=…}}). */
    static final String CACHE_NAME = "gateway-verified-tokens";

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(GatewayConfig config, MeterRegistry meters) {
        GatewayConfig.TokenCache settings = config.tokenCache();
        VerifiedTokens tokens = VerifiedTokens.of(settings.maxEntries(), settings.maxAge());
        CaffeineCacheMetrics.monitor(meters, tokens.cache(), CACHE_NAME);
        return tokens;
    }
}
