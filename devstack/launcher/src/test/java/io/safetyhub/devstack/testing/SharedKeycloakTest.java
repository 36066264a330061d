package io.safetyhub.devstack.testing;

import io.safetyhub.devstack.testing.SharedKeycloak.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decisions around the shared test Keycloak, without any process. */
class SharedKeycloakTest {

    @TempDir
    Path dir;

    @Test
    void shouldAttachWhenTheRecordedKeycloakRunsAnswersAndIsWatched() {
        assertEquals(Decision.ATTACH, SharedKeycloak.decide(true, true, true, true, true, false));
        assertEquals(Decision.ATTACH, SharedKeycloak.decide(true, true, true, true, true, true));
    }

    @Test
    void shouldAdoptWhenTheRecordedKeycloakRunsWithoutItsReaper() {
        assertEquals(Decision.ADOPT, SharedKeycloak.decide(true, true, true, true, false, true));
    }

    @Test
    void shouldStartWhenNothingIsRecorded() {
        assertEquals(Decision.START, SharedKeycloak.decide(false, false, false, false, false, false));
    }

    @Test
    void shouldStartWhenTheRecordedKeycloakIsDeadOrDoesNotAnswer() {
        assertEquals(Decision.START, SharedKeycloak.decide(true, false, false, true, true, false));
        assertEquals(Decision.START, SharedKeycloak.decide(true, true, false, true, true, true));
    }

    @Test
    void shouldRestartWithTheNewRealmWhenNobodyUsesTheOldOne() {
        assertEquals(Decision.START, SharedKeycloak.decide(true, true, true, false, true, false));
    }

    @Test
    void shouldTryAnotherSlotWhenJvmsStillUseAKeycloakWithAnOlderRealm() {
        assertEquals(Decision.OTHER_SLOT, SharedKeycloak.decide(true, true, true, false, true, true));
    }

    @Test
    void shouldWaitTwoMinutesWhenNoIdleTimeIsSet() {
        assertEquals(120, SharedKeycloak.idleSeconds(null, null));
        assertEquals(120, SharedKeycloak.idleSeconds(" ", ""));
    }

    @Test
    void shouldPreferThePropertyOverTheEnvironmentWhenBothSetAnIdleTime() {
        assertEquals(5, SharedKeycloak.idleSeconds("5", "300"));
        assertEquals(300, SharedKeycloak.idleSeconds(null, "300"));
    }

    @Test
    void shouldNameTheSettingWhenTheIdleTimeIsNotAPositiveNumber() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> SharedKeycloak.idleSeconds("0", null));
        assertTrue(zero.getMessage().contains(SharedKeycloak.IDLE_PROPERTY), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SharedKeycloak.idleSeconds("two minutes", null));
    }

    @Test
    void shouldReadBackWhatWasRecordedWhenTheStateIsWritten() throws Exception {
        Path file = dir.resolve("shared-keycloak.properties");
        SlotState state = new SlotState(41234, 777, 778, "ab12");

        state.write(file);

        assertEquals(Optional.of(state), SlotState.read(file));
        assertFalse(Files.exists(dir.resolve("shared-keycloak.properties.new")));
    }

    @Test
    void shouldTreatTheStateAsAbsentWhenItIsMissingOrTorn() throws Exception {
        Path file = dir.resolve("shared-keycloak.properties");
        assertEquals(Optional.empty(), SlotState.read(file));

        Files.writeString(file, "port=41234\nkeycloak.pid=\n");

        assertEquals(Optional.empty(), SlotState.read(file));
    }

    @Test
    void shouldStopOnlyWhenNobodyHeldTheLeaseForTheIdleTime() {
        Duration idle = Duration.ofSeconds(120);
        long lastBusy = 1_000;

        assertFalse(KeycloakReaper.shouldStop(true, lastBusy, lastBusy + idle.toNanos() * 2, idle));
        assertFalse(KeycloakReaper.shouldStop(false, lastBusy, lastBusy + idle.toNanos() - 1, idle));
        assertTrue(KeycloakReaper.shouldStop(false, lastBusy, lastBusy + idle.toNanos(), idle));
    }

    @Test
    void shouldPollAQuarterOfTheIdleTimeWithinBoundsWhenWatching() {
        assertEquals(1000, KeycloakReaper.pollMillis(Duration.ofSeconds(120)));
        assertEquals(500, KeycloakReaper.pollMillis(Duration.ofSeconds(2)));
        assertEquals(100, KeycloakReaper.pollMillis(Duration.ofMillis(200)));
    }
}
