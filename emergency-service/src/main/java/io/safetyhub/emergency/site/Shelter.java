package io.safetyhub.emergency.site;

import java.time.Instant;

/** An emergency shelter (应急避难场所) of the catalogue: how many it holds, for how long, where it is and who runs it. */
public record Shelter(String id, String name, ShelterClass shelterClass, int capacity, Integer areaSquareMetres,
                      String address, String manager, String phone, String district, String town,
                      double longitude, double latitude, Instant updatedAt, String updatedBy) implements Site {
}
