package io.safetyhub.emergency.map;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeoJsonTest {
    record Place(String name, Double lon, Double lat) {
    }

    @Test
    void shouldPutLongitudeFirstAndLeaveOutPlacesWhenTheyHaveNoCoordinates() {
        GeoJson.FeatureCollection fc = GeoJson.collect(List.of(new Place("a", 106.5, 29.4), new Place("b", null, 29.0),
                new Place("c", 106.0, null)), Place::lon, Place::lat, p -> Map.of("name", p.name()));
        assertEquals("FeatureCollection", fc.type());
        assertEquals(1, fc.features().size());
        assertEquals(List.of(106.5, 29.4), fc.features().get(0).geometry().coordinates());
        assertEquals("a", fc.features().get(0).properties().get("name"));
    }
}
