package io.safetyhub.enterprise.commitment;

import io.safetyhub.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Today's safety commitment (安全承诺公告) as the enterprise's principal posts it. The day is not part of
 * it: a commitment is always for today in the platform's zone.
 *
 * @param allHazardSourcesUnderControl every major hazard source (重大危险源) is under control
 * @param hazardSourceCount            major hazard sources the enterprise runs
 * @param equipmentUnderRepair         some equipment is shut down for repair (停产检修)
 * @param signedBy                     the principal who signs (主要负责人)
 * @param correction                   replaces today's earlier commitment; kept as a new version
 */
public record CommitmentRequest(@NotNull Boolean allHazardSourcesUnderControl,
                                @NotNull @Min(0) @Max(999) Integer hazardSourceCount,
                                @NotNull @Valid SpecialOperations specialOperations,
                                @NotNull Boolean equipmentUnderRepair,
                                @Size(max = 2000) @PlainText String repairNote,
                                @NotBlank @Size(max = 50) @PlainText String signedBy,
                                @Size(max = 2000) @PlainText String note,
                                boolean correction) {
}
