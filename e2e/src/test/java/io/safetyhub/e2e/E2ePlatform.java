package io.safetyhub.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.safetyhub.devstack.testing.TestInfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The apps of this test JVM, as every class of the module starts them. warning-service starts once, with the settings
 * {@link WarningsReachPeopleIT} needs: a 15 s red deadline and a recipient group for the town of chem-banan-01 whose
 * notices go to a local WeCom-robot stand-in and a GreenMail inbox, both started here first and up until the JVM ends.
 * Restarting it with them inside that test, and again to restore the defaults, cost two graceful stops of ~9 s and
 * two starts. No other test can tell: only a red alarm meets the 15 s deadline, and none of them raises one (the gas
 * rule has no red step; crane red is 110 % load or 13.9 m/s, the scenarios drive 105 % and 12 m/s); the group is
 * reached only when a chem-banan-01 alarm goes up to the town, which at the default deadlines (orange 10 min and
 * longer) none does before the run ends, and would be delivered to the running stand-ins if one did.
 */
public final class E2ePlatform {
    static final String WARNING_SERVICE = "warning-service";
    static final String DUTY_MAILBOX = "nanpeng-duty@banan.example.cn";
    static final String ROBOT_KEY = "robot-key-e2e";
    /** Each call of the WeCom-robot stand-in: its query and body. */
    static final List<String> ROBOT_CALLS = new CopyOnWriteArrayList<>();
    private static GreenMail smtp;
    private static HttpServer wecom;

    private E2ePlatform() {
    }

    /** {@link TestInfra#startPlatform}, with warning-service started with the stand-ins' settings the first time. */
    public static synchronized Map<String, String> start(List<String> appNames) {
        TestInfra infra = TestInfra.shared();
        if (appNames.contains(WARNING_SERVICE) && smtp == null) {
            startStandIns();
            infra.startPlatform(appNames.stream().filter(name -> !name.equals(WARNING_SERVICE)).toList());
            // Not running yet: restartWith starts it with these settings, and keeps them should it be restarted.
            infra.restartWith(WARNING_SERVICE, warningSettings(), Map.of("SAFETYHUB_WECOM_KEY_NANPENG_DUTY", ROBOT_KEY));
        }
        return infra.startPlatform(appNames);
    }

    /** The stand-in inbox; started by the first {@link #start} that includes warning-service. */
    static GreenMail smtp() {
        return smtp;
    }

    private static Map<String, String> warningSettings() {
        String group = "warning.notifications.groups.nanpeng-duty.";
        // ASCII only on the command line (the enterprise id, not the town's name): CI's locale may not be UTF-8.
        return Map.of("warning.escalation.red", "15s",
                "warning.notifications.wecom.base-url", "http://127.0.0.1:" + wecom.getAddress().getPort(),
                group + "audience", "TOWN_REGULATOR", group + "enterprises", "chem-banan-01",
                group + "wecom-robots", "nanpeng-duty", group + "emails", DUTY_MAILBOX,
                "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.from", "alarms@banan.example.cn");
    }

    private static void startStandIns() {
        GreenMail inbox = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        inbox.start();
        try {
            wecom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            inbox.stop();
            throw new UncheckedIOException(e);
        }
        wecom.createContext("/cgi-bin/webhook/send", exchange -> {
            ROBOT_CALLS.add(exchange.getRequestURI().getRawQuery() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        wecom.start();
        smtp = inbox;
    }
}
