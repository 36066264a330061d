package io.safetyhub.emergency.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The few GeoJSON (RFC 7946) shapes the map answers: points with properties. */
public final class GeoJson {
    private GeoJson() {
    }

    public record Point(String type, List<Double> coordinates) {
    }

    public record Feature(String type, Point geometry, Map<String, Object> properties) {
    }

    /** @param total how many there were before a limit (a foreign member, RFC 7946 §6.1); left out when not limited */
    public record FeatureCollection(String type, List<Feature> features,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer total) {
    }

    /** One point feature per item that has both coordinates; the others are left out. */
    public static <T> FeatureCollection collect(List<T> items, Function<T, Double> longitude, Function<T, Double> latitude,
                                                Function<T, Map<String, Object>> properties) {
        List<Feature> features = items.stream().filter(i -> longitude.apply(i) != null && latitude.apply(i) != null)
                .map(i -> new Feature("Feature", new Point("Point", List.of(longitude.apply(i), latitude.apply(i))),
                        properties.apply(i))).toList();
        return new FeatureCollection("FeatureCollection", features, null);
    }
}
