package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.support.Engines;

import java.time.Clock;

/** Test access to package-private alarm moves. */
public final class Testing {
    private Testing() {
    }

    public static void acknowledge(Engines e, String id, Clock clock) {
        synchronized (e.store) {
            Alarm a = e.store.byId(id).orElseThrow();
            e.store.save(a.moved("ACKNOWLEDGE", AlarmStateMachine.next(a.status(), AlarmStateMachine.Action.ACKNOWLEDGE),
                    "ent.chem", clock.instant(), null, null), AlarmEvent.Change.ACKNOWLEDGED);
        }
    }
}
