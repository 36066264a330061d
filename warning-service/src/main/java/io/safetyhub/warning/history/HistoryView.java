package io.safetyhub.warning.history;

import java.time.Instant;
import java.util.List;

/** A down-sampled series: one point per step with min, max and mean of the readings in it. */
public record HistoryView(String deviceId, String metric, String unit, Instant from, Instant to, long stepSeconds,
                          List<Point> points) {

    public record Point(Instant start, double min, double max, double avg, long count) {
    }
}
