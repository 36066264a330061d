package io.safetyhub.emergency.material;

import java.time.Instant;

/** 调拨: {@code quantity} of an item moved from one stock to another ({@code dispatches}). */
public record Dispatch(String id, String fromMaterialId, String toMaterialId, String item, String unit, long quantity,
                       String fromDistrict, String fromTown, String toDistrict, String toTown, String reason,
                       Instant at, String by) {
}
