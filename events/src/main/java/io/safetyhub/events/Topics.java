package io.safetyhub.events;

/** Kafka topic names, {@code <domain>.<event>.v1}. A breaking change to an event is a new topic version. */
public final class Topics {
    /** {@link Reading}s from device-adapter, key = deviceId. */
    public static final String READINGS = "telemetry.readings.v1";
    /** {@link DeadLetter}s: device payloads that could not be turned into readings, key = deviceId or origin. */
    public static final String DEADLETTER = "telemetry.deadletter.v1";
    /** {@link DeviceStatus} changes, key = deviceId. */
    public static final String DEVICE_STATUS = "device.status.v1";
    /** {@link DeviceEvent}s: what devices report about themselves (alarm flag, fault, limiter cut-off…), key = deviceId. */
    public static final String DEVICE_EVENTS = "device.events.v1";
    /** {@link AlarmEvent}s from warning-service, key = alarmId. */
    public static final String ALARMS = "alarms.events.v1";
    /** {@link EnterpriseChanged}, compacted, key = enterpriseId. */
    public static final String ENTERPRISE_REGISTRY = "enterprise.registry.v1";
    /** {@link CommitmentMissing}: daily safety commitments not posted by the deadline, key = enterpriseId. */
    public static final String ENTERPRISE_COMMITMENTS = "enterprise.commitments.v1";
    /** {@link DeviceChanged}, compacted, key = deviceId (from device-adapter's device registry). */
    public static final String DEVICE_REGISTRY = "device.registry.v1";
    /** {@link CertificateReminder}s from training-service (90/30 days before expiry or review), key = certificateId. */
    public static final String TRAINING_REMINDERS = "training.reminders.v1";
    /** {@link InspectionFinding}s from enforcement-service (failed checklist items), key = enterpriseId; idempotency key findingId. */
    public static final String ENFORCEMENT_FINDINGS = "enforcement.findings.v1";

    /** {@link DutyOverdue}: 包保 duty checks not recorded by the end of their period, key = installationId; idempotency key dutyKey. */
    public static final String ENTERPRISE_DUTIES = "enterprise.duties.v1";
    /** {@link MajorHazardChanged}, compacted, key = installationId (enterprise-service's major-hazard register). */
    public static final String MAJOR_HAZARDS = "enterprise.major-hazards.v1";

    /** {@link DutyRotaChanged}, compacted, key = date/district/town (emergency-service's duty rota, 值班值守). */
    public static final String EMERGENCY_DUTY = "emergency.duty.v1";

    /** {@link CertificateRateChanged}, compacted, key = enterpriseId (training-service's 三项岗位持证率; the later asOf wins). */
    public static final String TRAINING_CERTIFICATE_RATES = "training.certificate-rates.v1";

    /** {@link DrillHeld}: an enterprise's drill held or evaluated (emergency-service), key = enterpriseId; idempotency key drillId. */
    public static final String EMERGENCY_DRILLS = "emergency.drills.v1";

    /** {@link HazardOverdue}: 重大事故隐患 past their deadline unclosed (enterprise-service), key = enterpriseId; idempotency key overdueKey. */
    public static final String ENTERPRISE_HAZARDS_OVERDUE = "enterprise.hazards-overdue.v1";

    /** The topics that hold the latest state per key (cleanup.policy=compact): deleting by age would forget it. */
    public static final java.util.Set<String> COMPACTED = java.util.Set.of(ENTERPRISE_REGISTRY, DEVICE_REGISTRY, MAJOR_HAZARDS,
            EMERGENCY_DUTY, TRAINING_CERTIFICATE_RATES);

    private Topics() {
    }
}
