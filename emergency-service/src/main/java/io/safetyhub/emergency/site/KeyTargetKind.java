package io.safetyhub.emergency.site;

/**
 * What a key target (重点目标, 重点防护目标) is: the places a command map must show around an accident because people
 * gather there or because damage there spreads (a reservoir, a hub, another hazardous site).
 */
public enum KeyTargetKind { SCHOOL, HOSPITAL, ELDERLY_HOME, CROWDED_PLACE, RESERVOIR, TRANSPORT_HUB, UTILITY, HAZARDOUS_SITE, OTHER }
