package io.safetyhub.emergency.drill;

/** 桌面演练 or 实战演练. */
public enum DrillForm { TABLETOP, LIVE }
