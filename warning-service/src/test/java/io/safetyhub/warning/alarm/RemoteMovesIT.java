package io.safetyhub.warning.alarm;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.platform.rest.DomainException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Lifecycle moves handed to the alarm's owner through the real MongoDB wire server: two {@link RemoteMoves}, one per
 * replica, on one {@code alarm_moves} collection; the owner's once-a-second {@code serve()} is called by the test.
 * A {@code @QuarkusTest} only so that it runs in the class loader of the module's other ITs and shares their
 * {@link TestInfra} (one harness per JVM).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class RemoteMovesIT {
    private static final int PARTITIONS = 2;
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private MongoClient mongo;
    private MongoCollection<Document> requests;
    private final List<RemoteMoves.Move> applied = new CopyOnWriteArrayList<>();
    private final Alarm alarm = alarm("GA-RM1");
    private final RemoteMoves.Move acknowledge = new RemoteMoves.Move(alarm.id(), AlarmStateMachine.Action.ACKNOWLEDGE,
            "on site", null, "ent.chem");

    @BeforeEach
    void collection() {
        mongo = MongoClients.create(TestInfra.shared().mongoConnectionString());
        requests = mongo.getDatabase("remote-moves-" + UUID.randomUUID()).getCollection("alarm_moves");
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void shouldApplyTheMoveOnTheOwnerWhenAnotherReplicaGetsTheCall() {
        RemoteMoves owner = replica(Set.of(0, 1), ANSWER_WITHIN);
        RemoteMoves asker = replica(Set.of(), ANSWER_WITHIN);
        owner.serveWith(m -> {
            applied.add(m);
            return alarm;
        });
        asker.serveWith(m -> {
            throw new AssertionError("a replica that does not own the alarm applied " + m);
        });

        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> asker.request(alarm, acknowledge));
        serveUntilAnswered(answer, asker, owner);

        answer.join();
        assertEquals(List.of(acknowledge), applied, "applied once, by the owner");
        assertEquals(0, requests.countDocuments(), "the answered request is removed");
    }

    @Test
    void shouldAnswerTheOwnersRefusalWhenItRefusesTheMove() {
        RemoteMoves owner = replica(Set.of(0, 1), ANSWER_WITHIN);
        RemoteMoves asker = replica(Set.of(), ANSWER_WITHIN);
        owner.serveWith(m -> {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "alarm " + m.alarmId() + " is closed");
        });

        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> asker.request(alarm, acknowledge));
        serveUntilAnswered(answer, owner);

        DomainException refused = assertInstanceOf(DomainException.class,
                assertThrows(CompletionException.class, answer::join).getCause());
        assertEquals(409, refused.status());
        assertEquals("ILLEGAL_TRANSITION", refused.code());
        assertEquals(0, requests.countDocuments());
    }

    @Test
    void shouldAnswer503AndWithdrawTheRequestWhenNoOwnerAnswersInTime() {
        RemoteMoves asker = replica(Set.of(), Duration.ofMillis(300));

        DomainException unavailable = assertThrows(DomainException.class, () -> asker.request(alarm, acknowledge));

        assertEquals(503, unavailable.status());
        assertEquals("OWNER_UNAVAILABLE", unavailable.code());
        assertEquals(0, requests.countDocuments(), "withdrawn: an owner coming later must not apply it");
        RemoteMoves lateOwner = replica(Set.of(0, 1), ANSWER_WITHIN);
        lateOwner.serveWith(m -> {
            applied.add(m);
            return alarm;
        });
        lateOwner.serve();
        assertEquals(List.of(), applied);
    }

    private RemoteMoves replica(Set<Integer> owned, Duration answerWithin) {
        Ownership ownership = new Ownership();
        ownership.assign(PARTITIONS, owned);
        return new RemoteMoves(requests, ownership, CLOCK, answerWithin);
    }

    /** What each replica's scheduler does every second, until the asker has its answer. */
    private static void serveUntilAnswered(CompletableFuture<Void> answer, RemoteMoves... replicas) {
        await().atMost(ANSWER_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (RemoteMoves r : replicas) {
                r.serve();
            }
            return answer.isDone();
        });
    }

    private static Alarm alarm(String device) {
        return new Alarm(Alarm.idFor(device, "default-gas-lel", T0), device, "gas-alarm", "chem-banan-01", "HS-1",
                "default-gas-lel", "gas_lel", AlarmEvent.Kind.THRESHOLD, AlarmLevel.YELLOW, AlarmEvent.Status.ACTIVE,
                30, 30, "%LEL", 20, T0, T0, T0, "key-" + device, "gas_lel 30", false, 0, T0, null,
                List.of(new Alarm.Transition("RAISE", null, AlarmEvent.Status.ACTIVE, "system", T0, null)));
    }
}
