package io.safetyhub.emergency.accident;

/**
 * The figures an accident is graded by.
 *
 * @param deaths          死亡 (including the missing, 失踪, as the regulation counts them)
 * @param seriousInjuries 重伤 (including acute industrial poisoning, 急性工业中毒)
 * @param directLossYuan  直接经济损失, whole yuan
 */
public record Casualties(int deaths, int seriousInjuries, long directLossYuan) {
    public boolean fatal() {
        return deaths > 0;
    }
}
