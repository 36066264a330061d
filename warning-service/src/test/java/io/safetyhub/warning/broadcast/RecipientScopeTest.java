package io.safetyhub.warning.broadcast;

import io.safetyhub.platform.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 15 item 6: a reader of a multi-district warning sees only the recipient lines within its scope. */
class RecipientScopeTest {
    private static final List<WarningView.Recipient> LINES = List.of(
            new WarningView.Recipient("chem-banan-01", "长江化工", "巴南区", "界石镇", null, null),
            new WarningView.Recipient("chem-banan-02", "南泉化工", "巴南区", "南泉街道", null, null),
            new WarningView.Recipient("build-yubei-01", "渝北建工", "渝北区", "龙溪街道", null, null));

    @Test
    void shouldShowOnlyItsDistrictsLinesWhenADistrictRegulatorReads() {
        Caller banan = new Caller("reg.banan", true, false, false, null, "巴南区", null, null);
        assertEquals(List.of("chem-banan-01", "chem-banan-02"), ids(banan));
    }

    @Test
    void shouldShowOnlyItsTownsLinesWhenATownRegulatorReads() {
        Caller town = new Caller("reg.jieshi", true, false, false, null, "巴南区", "界石镇", null);
        assertEquals(List.of("chem-banan-01"), ids(town));
    }

    @Test
    void shouldShowEveryLineWhenACityRegulatorOrAnOperatorReads() {
        assertEquals(3, ids(new Caller("reg.city", true, false, false, null, null, null, null)).size());
        assertEquals(3, ids(new Caller("ops", false, false, true, null, null, null, null)).size());
    }

    @Test
    void shouldShowOnlyItsOwnLineWhenAnEnterpriseReads() {
        assertEquals(List.of("build-yubei-01"),
                ids(new Caller("ent.build", false, true, false, "build-yubei-01", null, null, null)));
    }

    private static List<String> ids(Caller caller) {
        return RecipientScope.visibleTo(caller, LINES).stream().map(WarningView.Recipient::enterpriseId).toList();
    }
}
