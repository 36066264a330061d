package io.safetyhub.emergency.map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Great-circle distances (RFC 7946 order: longitude, latitude) against values worked out by hand from the geometry:
 * one degree of a great circle is π·R/180 = 111.195 km with the IUGG mean radius, a parallel at latitude φ is shorter
 * by cos φ.
 */
class DistanceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same point: nothing                                    | 106.65 | 29.40 | 106.65 | 29.40 | 0       | 0.001
            one degree along the equator: π·R/180                  | 0      | 0     | 1      | 0     | 111.195 | 0.001
            one degree along a meridian: π·R/180                   | 0      | 0     | 0      | 1     | 111.195 | 0.001
            pole to pole: π·R                                      | 0      | -90   | 0      | 90    | 20015.1 | 0.1
            across the antimeridian: the short way, one degree     | 179.5  | 0     | -179.5 | 0     | 111.195 | 0.001
            0.01° east at 29.40°N (chem-banan-01): 1.112·cos 29.4° | 106.65 | 29.40 | 106.66 | 29.40 | 0.9687  | 0.001
            解放碑 to 江北机场 T2 (survey: about 19 km)               | 106.5770 | 29.5570 | 106.6417 | 29.7192 | 19.09 | 0.05
            """)
    void shouldGiveTheGreatCircleDistanceWhenTwoPointsAreGiven(String row, double lon1, double lat1, double lon2, double lat2,
                                                              double km, double tolerance) {
        assertEquals(km, Distance.km(lon1, lat1, lon2, lat2), tolerance, row);
        assertEquals(km, Distance.km(lon2, lat2, lon1, lat1), tolerance, row + ", reversed");
    }
}
