package io.safetyhub.simulator.mqtt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceCredentialsTest {

    @Test
    void shouldLogEachDeviceInAsItselfWhenAFileListsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devices.secrets");
        Files.writeString(file, "# registered with device-adapter\nGA-0001=s3cr=t:x\n\n  GA-0002 = other\n");

        DeviceCredentials credentials = DeviceCredentials.file(file);

        assertEquals(new DeviceCredentials.Login("GA-0001", "s3cr=t:x"), credentials.forDevice("GA-0001").orElseThrow());
        assertEquals(" other", credentials.forDevice("GA-0002").orElseThrow().password());
        assertTrue(credentials.perDevice());
    }

    @Test
    void shouldFailWhenADeviceIsNotInTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("devices.secrets");
        Files.writeString(file, "GA-0001=secret\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceCredentials.file(file).forDevice("GA-0009"));
        assertTrue(e.getMessage().contains("GA-0009"));
    }

    @Test
    void shouldRefuseALineWithoutASecretWhenParsing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceCredentials.parse(List.of("GA-0001=ok", "GA-0002"), "f"));
        assertTrue(e.getMessage().contains("line 2"));
    }

    @Test
    void shouldShareOneConnectionWhenOneAccountServesAll() {
        DeviceCredentials shared = DeviceCredentials.shared("plant", "pw");

        assertEquals("plant", shared.forDevice("LOAD-00001").orElseThrow().username());
        assertFalse(shared.perDevice());
        assertTrue(DeviceCredentials.none().forDevice("GA-0001").isEmpty());
        assertTrue(DeviceCredentials.ownId("pw").perDevice());
    }

    @Test
    void shouldNeverPrintTheSecretWhenLogged() {
        assertFalse(new DeviceCredentials.Login("GA-0001", "hunter2").toString().contains("hunter2"));
    }
}
