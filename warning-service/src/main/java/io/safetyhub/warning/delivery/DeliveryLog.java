package io.safetyhub.warning.delivery;

import java.util.List;

/** Where delivery outcomes are kept ({@code notification_deliveries}); {@link #record} never blocks its caller. */
public interface DeliveryLog {

    /** Stores (replaces) the record; returns at once, the write happens on the log's own thread. */
    void record(Delivery delivery);

    /** Every record of the alarm, oldest change first. */
    List<Delivery> forAlarm(String alarmId);
}
