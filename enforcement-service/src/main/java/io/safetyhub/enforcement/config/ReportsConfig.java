package io.safetyhub.enforcement.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Public reports (举报, 12350) and their rewards (安全生产领域举报奖励办法, 安监总财〔2018〕19号). */
public interface ReportsConfig {
    /**
     * AES-256 key (Base64 of 32 bytes) that seals a reporter's identity and contact at rest. From the environment
     * only ({@code ENFORCEMENT_REPORTS_ENCRYPTION_KEY}); the service does not start without a valid one.
     */
    String encryptionKey();

    /** Reports one client (address as the gateway saw it) may file per day, in {@code enforcement.zone}. */
    @WithDefault("5")
    int perClientPerDay();

    /** Reports the whole service accepts per day, so that a flood cannot bury the handlers. */
    @WithDefault("500")
    int perDay();

    /** Photos one report (or one addition) may carry. */
    @WithDefault("3")
    int maxPhotos();

    /** Largest photo, decoded; a larger one is refused with 413 naming it. */
    @WithDefault("2M")
    MemorySize maxPhotoSize();

    /** Photo types accepted, detected from the bytes. */
    @WithDefault("image/jpeg,image/png,image/webp")
    List<String> photoTypes();

    Reward reward();

    interface Reward {
        /** Share of the fine paid to a reporter (奖励办法 第十一条(一): 15%). */
        @WithDefault("0.15")
        double fineShare();

        /** Least reward for a founded report that led to a fine (第十一条(一): 最低3000元). */
        @WithDefault("3000")
        long minimum();

        /** Most reward for one report (第十一条: 最高不超过30万元). */
        @WithDefault("300000")
        long maximum();

        /** Per concealed death in a 一般 accident (第十一条(二)). */
        @WithDefault("30000")
        long perDeathGeneral();

        /** Per concealed death in a 较大 accident. */
        @WithDefault("40000")
        long perDeathLarger();

        /** Per concealed death in a 重大 accident. */
        @WithDefault("50000")
        long perDeathMajor();

        /** Per concealed death in a 特别重大 accident. */
        @WithDefault("60000")
        long perDeathGravest();

        /**
         * Extra share for an enterprise's own staff (内部举报人: the 办法 lets the reward be raised for them); 0.5 pays half again as
         * much, still within {@link #maximum()}.
         */
        @WithDefault("0.5")
        double internalBonus();
    }
}
