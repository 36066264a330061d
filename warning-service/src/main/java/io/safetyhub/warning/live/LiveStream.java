package io.safetyhub.warning.live;

import io.safetyhub.warning.alarm.AlarmView;
import io.safetyhub.warning.notify.NotificationChannel;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** The live channel: every notice goes to every open server-sent-events subscription, which filters by scope. */
@ApplicationScoped
public class LiveStream implements NotificationChannel {

    /** One live notice. */
    public record Notice(String change, String audience, AlarmView alarm) {
    }

    private final BroadcastProcessor<Notice> processor = BroadcastProcessor.create();

    @Override
    public void send(String change, String audience, AlarmView alarm) {
        processor.onNext(new Notice(change, audience, alarm));
    }

    public Multi<Notice> notices() {
        // A slow subscriber drops notices rather than holding up the alarm pipeline.
        return processor.onOverflow().drop();
    }
}
