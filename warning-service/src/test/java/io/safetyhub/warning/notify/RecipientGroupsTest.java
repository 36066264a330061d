package io.safetyhub.warning.notify;

import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets what: per audience, narrowed by district or enterprise, each recipient once. */
class RecipientGroupsTest {
    private static final String G = "warning.notifications.groups.";

    private static RecipientGroups groups(Map<String, String> settings) {
        return new RecipientGroups(Engines.config(settings).notifications().groups());
    }

    @Test
    void shouldAddressOnlyTheGroupsOfTheAudienceWhenResolving() {
        RecipientGroups groups = groups(Map.of(G + "ent.audience", "ENTERPRISE", G + "ent.wecom-robots", "plant",
                G + "town.audience", "TOWN_REGULATOR", G + "town.wecom-robots", "town-duty"));
        assertEquals(List.of("plant"), keys(groups.targets(RecipientGroups.Kind.WECOM, "ENTERPRISE", Views.gas())));
        assertEquals(List.of("town-duty"),
                keys(groups.targets(RecipientGroups.Kind.WECOM, "TOWN_REGULATOR", Views.gas())));
        assertEquals(List.of(), groups.targets(RecipientGroups.Kind.WECOM, "DISTRICT_REGULATOR", Views.gas()));
    }

    @Test
    void shouldSkipAGroupOfAnotherDistrictOrEnterpriseWhenResolving() {
        RecipientGroups groups = groups(Map.of(G + "a.audience", "ENTERPRISE", G + "a.districts", "江北区",
                G + "a.phones", "13800000001", G + "b.audience", "ENTERPRISE", G + "b.enterprises", "other-01",
                G + "b.phones", "13800000002", G + "c.audience", "ENTERPRISE", G + "c.districts", "巴南区,江北区",
                G + "c.enterprises", "chem-banan-01", G + "c.phones", "13800000003"));
        List<Target> sms = groups.targets(RecipientGroups.Kind.SMS, "ENTERPRISE", Views.gas());
        assertEquals(1, sms.size());
        assertEquals(List.of("13800000003"), sms.get(0).address());
        assertEquals(List.of("138****0003"), sms.get(0).shown());
    }

    @Test
    void shouldAddressATownsDutyRoomOnlyForAlarmsOfThatTownWhenGroupsNameTowns() {
        RecipientGroups groups = groups(Map.of(G + "np.audience", "TOWN_REGULATOR", G + "np.towns", "南彭街道",
                G + "np.emails", "np-duty@example.cn", G + "ljt.audience", "TOWN_REGULATOR", G + "ljt.towns", "李家沱街道",
                G + "ljt.emails", "ljt-duty@example.cn"));
        assertEquals(List.of("np-duty@example.cn"),
                groups.targets(RecipientGroups.Kind.EMAIL, "TOWN_REGULATOR", Views.gas()).get(0).address());
    }

    @Test
    void shouldSendToARecipientOnceWhenTwoGroupsNameIt() {
        RecipientGroups groups = groups(Map.of(G + "a.audience", "ENTERPRISE", G + "a.emails", "a@x.cn,b@x.cn",
                G + "b.audience", "ENTERPRISE", G + "b.emails", "b@x.cn"));
        Target mail = groups.targets(RecipientGroups.Kind.EMAIL, "ENTERPRISE", Views.gas()).get(0);
        assertEquals(List.of("a@x.cn", "b@x.cn"), mail.address());
        assertEquals(List.of("a***@x.cn", "b***@x.cn"), mail.shown());
    }

    @Test
    void shouldKnowNobodyListensWhenNoGroupNamesTheKind() {
        RecipientGroups groups = groups(Map.of(G + "a.audience", "ENTERPRISE", G + "a.emails", "a@x.cn"));
        assertTrue(groups.any(RecipientGroups.Kind.EMAIL));
        assertFalse(groups.any(RecipientGroups.Kind.DINGTALK));
        assertFalse(groups(Map.of()).any(RecipientGroups.Kind.EMAIL));
    }

    @Test
    void shouldListEveryRobotOnceWhenAskedForAllOfAKind() {
        RecipientGroups groups = groups(Map.of(G + "a.audience", "ENTERPRISE", G + "a.wecom-robots", "plant,office",
                G + "b.audience", "TOWN_REGULATOR", G + "b.wecom-robots", "office,town"));
        assertEquals(List.of("office", "plant", "town"), groups.all(RecipientGroups.Kind.WECOM).stream().sorted()
                .toList());
    }

    @Test
    void shouldRefuseTheSettingsWhenAGroupsAudienceIsMisspelt() {
        assertThrows(RuntimeException.class, () -> groups(Map.of(G + "x.audience", "TOWN", G + "x.phones",
                "13800000001")));
    }

    private static List<String> keys(List<Target> targets) {
        return targets.stream().map(Target::key).toList();
    }
}
