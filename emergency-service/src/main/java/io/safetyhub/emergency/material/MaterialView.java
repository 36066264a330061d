package io.safetyhub.emergency.material;

import java.time.LocalDate;

/**
 * A stock as answered, with what its keeper must act on: {@code lowStock} (quantity at or below the threshold),
 * {@code expired}, {@code maintenanceDue} (the next maintenance date has come).
 */
public record MaterialView(String id, String item, String unit, long quantity, Tier tier, String district, String town,
                           String village, String location, Double longitude, Double latitude, LocalDate expiresOn,
                           LocalDate maintainedOn, LocalDate nextMaintenanceOn, long lowStockThreshold, boolean lowStock,
                           boolean expired, boolean maintenanceDue) {

    static MaterialView of(Material m, LocalDate today) {
        return new MaterialView(m.id(), m.item(), m.unit(), m.quantity(), m.tier(), m.district(), m.town(), m.village(),
                m.location(), m.longitude(), m.latitude(), m.expiresOn(), m.maintainedOn(), m.nextMaintenanceOn(),
                m.lowStockThreshold(), m.quantity() <= m.lowStockThreshold(),
                m.expiresOn() != null && m.expiresOn().isBefore(today),
                m.nextMaintenanceOn() != null && !m.nextMaintenanceOn().isAfter(today));
    }
}
