package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;

import java.util.List;

/** What one simulated device measures, tick by tick. */
interface DeviceModel {

    DeviceAddress address();

    /** The measurements of the next telemetry message. */
    List<Measurement> next();
}
