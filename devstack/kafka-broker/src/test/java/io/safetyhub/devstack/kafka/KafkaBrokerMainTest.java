package io.safetyhub.devstack.kafka;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaBrokerMainTest {
    private static Properties on(int cores) {
        return KafkaBrokerMain.serverProperties(Path.of("/tmp/kafka-logs"), 9092, 9093, cores);
    }

    @Test
    void shouldRunTwoRequestHandlersAndTwoNetworkThreadsWhenOnTwoCores() {
        assertEquals("2", on(2).getProperty("num.io.threads"));
        assertEquals("2", on(2).getProperty("num.network.threads"));
    }

    @Test
    void shouldKeepTwoOfEachWhenOnOneCore() {
        assertEquals("2", on(1).getProperty("num.io.threads"));
        assertEquals("2", on(1).getProperty("num.network.threads"));
    }

    @Test
    void shouldSizeHandlersToTheCoresUpToKafkasDefaultsWhenOnALargerMachine() {
        assertEquals("8", on(16).getProperty("num.io.threads"));
        assertEquals("4", on(4).getProperty("num.io.threads"));
        assertEquals("3", on(16).getProperty("num.network.threads"));
        assertEquals("3", on(6).getProperty("num.network.threads"));
    }

    @Test
    void shouldListenOnTheGivenPortsWhenStarted() {
        assertEquals("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093", on(2).getProperty("listeners"));
    }
}
