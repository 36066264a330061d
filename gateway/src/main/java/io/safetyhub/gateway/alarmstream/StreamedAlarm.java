package io.safetyhub.gateway.alarmstream;

import io.safetyhub.events.AlarmEvent;

import java.time.Instant;
import java.util.Locale;

/**
 * One alarm event as the stream sends it. The id is the Kafka position {@code <partition>-<offset>}:
 * increasing within a partition and the same after a gateway restart, so a client's Last-Event-ID stays
 * meaningful to any replica.
 *
 * @param partition  Kafka partition
 * @param offset     Kafka offset
 * @param recordTime Kafka record timestamp (producer time)
 * @param event      the event, for filtering
 * @param json       the event as sent in {@code data:}
 */
public record StreamedAlarm(int partition, long offset, Instant recordTime, AlarmEvent event, String json) {

    public String id() {
        return partition + "-" + offset;
    }

    /** The SSE {@code event:} name, the change in lower case: {@code raised}, {@code level-raised}, … */
    public String eventName() {
        return event.change() == null ? "changed" : event.change().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The SSE frame; the JSON has no line breaks, so one {@code data:} line carries it. */
    public String frame() {
        return "id: " + id() + "\nevent: " + eventName() + "\ndata: " + json + "\n\n";
    }

    /** Parses {@code <partition>-<offset>}; null when the text is not such an id. */
    static long[] parseId(String id) {
        if (id == null) {
            return null;
        }
        int dash = id.indexOf('-');
        if (dash <= 0 || dash == id.length() - 1) {
            return null;
        }
        try {
            return new long[] {Integer.parseInt(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
