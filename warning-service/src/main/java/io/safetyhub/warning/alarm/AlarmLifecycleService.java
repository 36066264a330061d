package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.rule.DeviceDirectory;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

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
    private final RemoteMoves remote;
    private final Event<AlarmClosed> closed;
    private final Object moves = new Object();

    public AlarmLifecycleService(AlarmStore store, AlarmQueryService query, Shelves shelves,
                                 AlarmOutbox outbox, EnterpriseDirectory enterprises, WarningConfig config,
                                 DeviceDirectory devices, Clock clock, RemoteMoves remote,
                                 Event<AlarmClosed> closed) {
        this.remote = remote;
        this.closed = closed;
        remote.serveWith(this::applyOwned);
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
        return move(caller, id, AlarmStateMachine.Action.ACKNOWLEDGE, request == null ? null : request.note(), null);
    }

    public AlarmView close(Caller caller, String id, LifecycleRequests.Close request) {
        if (caller.regulator() && !caller.operator() && !caller.enterprise()) {
            throw DomainException.forbidden("the enterprise disposes of its alarms; regulators acknowledge them");
        }
        return move(caller, id, AlarmStateMachine.Action.CLOSE, request.note(), request.cause().name());
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

    /**
     * Scope is checked here, by whichever replica got the call; the move itself is made by the alarm's owner (the
     * only one holding it in memory): here when this replica owns it, else handed over ({@link RemoteMoves}).
     */
    private AlarmView move(Caller caller, String id, AlarmStateMachine.Action action, String note, String cause) {
        Alarm alarm = query.visible(caller, id);
        RemoteMoves.Move move = new RemoteMoves.Move(id, action, note, cause, caller.subject());
        Alarm moved;
        if (store.owns(Ownership.keyOf(alarm))) {
            moved = applyOwned(move);
        } else {
            remote.request(alarm, move);
            moved = store.byId(id).orElse(alarm);
        }
        return AlarmMapper.toView(moved, enterprises.placeOf(moved.enterpriseId()));
    }

    /** Applies a move of an alarm this replica owns, through the state machine; waits until stored and on Kafka. */
    private Alarm applyOwned(RemoteMoves.Move move) {
        AlarmEvent.Change change = move.action() == AlarmStateMachine.Action.CLOSE ? AlarmEvent.Change.CLOSED
                : AlarmEvent.Change.ACKNOWLEDGED;
        Alarm moved;
        // One move at a time: an alarm the store no longer holds (cleared, closed) is read from MongoDB, and only
        // these moves change such an alarm. The store's monitor is held for the in-memory step alone, never for I/O.
        synchronized (moves) {
            Alarm alarm = store.byId(move.alarmId()).orElseThrow(() -> DomainException.notFound("alarm", move.alarmId()));
            synchronized (store) {
                Alarm now = store.current(move.alarmId()).orElse(alarm); // the engine may have moved it meanwhile
                moved = now.moved(move.action().name(), AlarmStateMachine.next(now.status(), move.action()), move.by(),
                        clock.instant(), move.note(), move.cause());
                store.save(moved, change);
            }
        }
        if (change == AlarmEvent.Change.CLOSED) {
            closed.fire(new AlarmClosed(moved)); // opens the regulator's verification (stored before it is relayed)
        }
        outbox.relay(List.of(new AlarmChange(moved, change))); // waits for Kafka's ack and MongoDB
        return moved;
    }
}
