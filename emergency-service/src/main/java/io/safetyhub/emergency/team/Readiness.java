package io.safetyhub.emergency.team;

/** Whether a team can be sent now (战备状态). */
public enum Readiness { READY, STANDBY, UNAVAILABLE }
