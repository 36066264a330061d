package io.safetyhub.e2e.console;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module (META-INF/services, autodetection in junit-platform.properties): after
 * each test the shared signed-in browsers leave the console ({@link ConsoleBrowser#parkAll}).
 */
public class ParkBrowsers implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        ConsoleBrowser.parkAll();
    }
}
