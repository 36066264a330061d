package io.safetyhub.warning.stats;

import java.util.List;
import java.util.Map;

/** Open alarms by level, sector and district; response times per enterprise and month (快警、快控、快处). */
public record AlarmStatsView(long open, Map<String, Long> openByLevel, Map<String, Long> openBySector,
                             Map<String, Long> openByDistrict, List<ResponseTimes> responseTimes) {

    /** Seconds from raising to acknowledging and to clearing, over the alarms raised in that month. */
    public record ResponseTimes(String enterpriseId, String month, int acknowledged, Double meanSecondsToAcknowledge,
                                Double p90SecondsToAcknowledge, int cleared, Double meanSecondsToClear,
                                Double p90SecondsToClear) {
    }
}
