package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.rule.DeviceDirectory;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Acknowledge, close and shelve, each through the state machine and audited with who and when. */
@ApplicationScoped
public class AlarmLifecycleService {
    private final AlarmStore store;
    private final AlarmQueryService query;
    private final Shelves shelves;
    private final AlarmOutbox outbox;
    private final EnterpriseDirectory enterprises;
    private final WarningConfig config;
    private final DeviceDirectory devices;
    private final Clock clock;
    private final Object moves = new Object();

    public AlarmLifecycleService(AlarmStore store, AlarmQueryService query, Shelves shelves,
                                 AlarmOutbox outbox, EnterpriseDirectory enterprises, WarningConfig config,
                                 DeviceDirectory devices, Clock clock) {
        this.devices = devices;
        this.store = store;
        this.query = query;
        this.shelves = shelves;
        this.outbox = outbox;
        this.enterprises = enterprises;
        this.config = config;
        this.clock = clock;
    }

    public AlarmView acknowledge(Caller caller, String id, LifecycleRequests.Acknowledge request) {
        return move(caller, id, AlarmStateMachine.Action.ACKNOWLEDGE, request == null ? null : request.note(), null,
                AlarmEvent.Change.ACKNOWLEDGED);
    }

    public AlarmView close(Caller caller, String id, LifecycleRequests.Close request) {
        if (caller.regulator() && !caller.operator() && !caller.enterprise()) {
            throw DomainException.forbidden("the enterprise disposes of its alarms; regulators acknowledge them");
        }
        return move(caller, id, AlarmStateMachine.Action.CLOSE, request.note(), request.cause().name(),
                AlarmEvent.Change.CLOSED);
    }

    public Shelves.Shelf shelve(Caller caller, LifecycleRequests.Shelve request) {
        if (!caller.operator() && !(caller.enterprise() && request.enterpriseId().equals(caller.enterpriseId()))) {
            throw DomainException.forbidden("only operators, or the enterprise itself, may shelve its devices");
        }
        // A device this service has heard from under another enterprise is not the caller's to shelve (and its
        // existence is not confirmed): 404. The shelving is keyed by enterprise too, so it could not touch the
        // other tenant's alarms anyway.
        if (devices.enterpriseOf(request.deviceId()).filter(e -> !e.equals(request.enterpriseId())).isPresent()) {
            throw DomainException.notFound("device", request.deviceId());
        }
        Instant now = clock.instant();
        if (!request.until().isAfter(now)) {
            throw DomainException.field("until", "must be in the future");
        }
        if (request.until().isAfter(now.plus(config.shelve().maxWindow()))) {
            throw DomainException.field("until", "a maintenance window may last at most "
                    + config.shelve().maxWindow().toHours() + " h");
        }
        Shelves.Shelf shelf = new Shelves.Shelf(request.deviceId(), request.enterpriseId(), request.until(),
                request.reason(), caller.subject(), now);
        shelves.put(shelf);
        return shelf;
    }

    private AlarmView move(Caller caller, String id, AlarmStateMachine.Action action, String note, String cause,
                           AlarmEvent.Change change) {
        Alarm moved;
        // One move at a time: an alarm the store no longer holds (cleared, closed) is read from MongoDB, and only
        // these moves change such an alarm. The store's monitor is held for the in-memory step alone, never for I/O.
        synchronized (moves) {
            Alarm alarm = query.visible(caller, id);
            synchronized (store) {
                Alarm now = store.current(id).orElse(alarm); // the engine may have moved it meanwhile
                moved = now.moved(action.name(), AlarmStateMachine.next(now.status(), action), caller.subject(),
                        clock.instant(), note, cause);
                store.save(moved, change);
            }
        }
        outbox.relay(List.of(new AlarmChange(moved, change))); // waits for Kafka's ack and MongoDB
        return AlarmMapper.toView(moved, enterprises.districtOf(moved.enterpriseId()));
    }
}
