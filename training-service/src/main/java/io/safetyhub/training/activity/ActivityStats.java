package io.safetyhub.training.activity;

/**
 * Activities of one district, month and kind.
 *
 * @param month {@code yyyy-MM}
 */
public record ActivityStats(String district, String month, ActivityKind kind, long activities, long participants,
                            long onlineReach) {
}
