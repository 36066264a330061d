package io.safetyhub.enterprise.riskpoint;

import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** 一图三清单 of one enterprise: the risk map and the lists of control measures and check tasks. */
@ApplicationScoped
public class RiskLists {
    private final RiskPointService points;
    private final RiskPointRepository repository;

    public RiskLists(RiskPointService points, RiskPointRepository repository) {
        this.points = points;
        this.repository = repository;
    }

    /** A point on the map: where it is and its colour. */
    public record MapPoint(String id, String name, Double longitude, Double latitude, RiskColour colour, double value,
                           GradingMethod method) {
    }

    /** The risk map (一图): every point with a position and its colour; {@code unplaced} counts those without one. */
    public record RiskMap(String enterpriseId, List<MapPoint> points, int unplaced) {
    }

    /** One control measure with the point it belongs to (管控措施清单). */
    public record MeasureRow(String pointId, String pointName, RiskColour colour, String measureId, String description,
                             int tasks) {
    }

    /** One check task with its measure and point (排查任务清单). */
    public record TaskRow(String pointId, String pointName, RiskColour colour, String measureId, String measure,
                          String taskId, String content, CheckFrequency frequency, String post) {
    }

    public RiskMap map(Caller caller, String enterpriseId) {
        List<MapPoint> placed = new ArrayList<>();
        int[] unplaced = {0};
        repository.forEach(points.ownScope(caller, enterpriseId), p -> {
            if (p.longitude() == null || p.latitude() == null) {
                unplaced[0]++;
            } else {
                placed.add(new MapPoint(p.id(), p.name(), p.longitude(), p.latitude(), p.colour(), p.value(), p.method()));
            }
        });
        return new RiskMap(enterpriseId, placed, unplaced[0]);
    }

    public Page<MeasureRow> measures(Caller caller, String enterpriseId, PageRequest page) {
        List<MeasureRow> rows = new ArrayList<>();
        repository.forEach(points.ownScope(caller, enterpriseId), p -> p.measures().forEach(m ->
                rows.add(new MeasureRow(p.id(), p.name(), p.colour(), m.id(), m.description(), m.tasks().size()))));
        return Page.slice(rows, page);
    }

    public Page<TaskRow> tasks(Caller caller, String enterpriseId, CheckFrequency frequency, PageRequest page) {
        List<TaskRow> rows = new ArrayList<>();
        repository.forEach(points.ownScope(caller, enterpriseId), p -> p.measures().forEach(m -> m.tasks().stream()
                .filter(t -> frequency == null || t.frequency() == frequency)
                .forEach(t -> rows.add(new TaskRow(p.id(), p.name(), p.colour(), m.id(), m.description(), t.id(),
                        t.content(), t.frequency(), t.post())))));
        return Page.slice(rows, page);
    }
}
