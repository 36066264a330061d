package io.safetyhub.emergency.team;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.safetyhub.emergency.common.Area;
import io.safetyhub.emergency.common.Jurisdiction;
import io.safetyhub.emergency.common.RecordStore;
import io.safetyhub.emergency.common.Today;
import io.safetyhub.emergency.config.EmergencyConfig;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

import static io.safetyhub.platform.Strings.blankToNull;

/** The team library (队伍库, {@code teams}): regulators keep their area's teams, operators any. */
@ApplicationScoped
public class TeamService {
    private final RecordStore<RescueTeam> teams;
    private final Today today;

    public TeamService(MongoClient mongo, EmergencyConfig config, Today today) {
        this.teams = new RecordStore<>(mongo.getDatabase(config.database()).getCollection("teams"), RescueTeam.class);
        this.today = today;
    }

    public List<RescueTeam> list(Caller caller, Readiness readiness) {
        return teams.find(readiness == null ? Jurisdiction.area(caller)
                : Filters.and(Jurisdiction.area(caller), Filters.eq("readiness", readiness.name())), Sorts.ascending("district", "name"));
    }

    public RescueTeam get(Caller caller, String id) {
        return teams.byId(id).filter(t -> caller.sees(null, t.district(), t.town(), null))
                .orElseThrow(() -> DomainException.notFound("team", id));
    }

    public RescueTeam create(Caller caller, TeamRequest r) {
        return write(caller, "t-" + UUID.randomUUID(), r);
    }

    public RescueTeam update(Caller caller, String id, TeamRequest r) {
        RescueTeam stored = get(caller, id);
        new Area(stored.district(), stored.town()).requireKeeper(caller, "teams");
        return write(caller, id, r);
    }

    private RescueTeam write(Caller caller, String id, TeamRequest r) {
        Area area = Area.of(caller, blankToNull(r.district()), blankToNull(r.town()));
        area.requireKeeper(caller, "teams");
        RescueTeam team = new RescueTeam(id, r.name().strip(), r.specialty().strip(), r.members(), r.leader().strip(), r.phone(),
                r.readiness(), area.district(), area.town(), r.base().strip(), r.longitude(), r.latitude(), today.now(),
                caller.subject());
        teams.put(id, team);
        return team;
    }
}
