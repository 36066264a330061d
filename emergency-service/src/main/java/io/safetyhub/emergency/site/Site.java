package io.safetyhub.emergency.site;

/** What the catalogue needs of a place to keep it and put it on the map: its id, area and coordinates. */
public sealed interface Site permits Shelter, KeyTarget {
    String id();

    String name();

    String district();

    String town();

    double longitude();

    double latitude();
}
