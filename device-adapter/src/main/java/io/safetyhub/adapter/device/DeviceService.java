package io.safetyhub.adapter.device;

import io.safetyhub.adapter.enterprise.EnterpriseDistricts;
import io.safetyhub.adapter.installation.HazardSourceRule;
import io.safetyhub.adapter.installation.Installation;
import io.safetyhub.adapter.installation.Installations;
import io.safetyhub.adapter.installation.InstallationsLoad;
import io.safetyhub.adapter.units.CanonicalUnits;
import io.safetyhub.events.DeviceChanged;
import io.safetyhub.platform.Caller;
import io.safetyhub.platform.Problem;
import io.safetyhub.platform.rest.DomainException;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The device registry's rules. Reading: an enterprise user sees its own devices, a district regulator those of the
 * enterprises in its district, a city regulator and operators all. Writing: operators only. Invisible devices are
 * reported as absent (404), so that ids of other tenants cannot be probed.
 */
@ApplicationScoped
public class DeviceService {
    private final DeviceRepository repository;
    private final DeviceRegistry registry;
    private final DeviceMapper mapper;
    private final RegistryPublisher publisher;
    private final EnterpriseDistricts districts;
    private final Installations installations;
    private final InstallationsLoad installationsLoad;
    private final Clock clock;

    public DeviceService(DeviceRepository repository, DeviceRegistry registry, DeviceMapper mapper,
                         RegistryPublisher publisher, EnterpriseDistricts districts, Installations installations,
                         InstallationsLoad installationsLoad, Clock clock) {
        this.installations = installations;
        this.installationsLoad = installationsLoad;
        this.repository = repository;
        this.registry = registry;
        this.mapper = mapper;
        this.publisher = publisher;
        this.districts = districts;
        this.clock = clock;
    }

    /**
     * One page of the devices the caller sees, in id order, optionally of one enterprise and one protocol. The
     * tenant rule is {@link Caller#sees}: applied to the enterprises of the local registry view, then to Mongo.
     */
    public Page<DeviceResponse> list(Caller caller, String enterpriseId, Protocol protocol, PageRequest page) {
        List<String> enterprises = caller.seesAll() ? null : districts.visibleTo(caller);
        Page<Device> devices = repository.page(enterprises, enterpriseId, protocol, page);
        Map<String, Installation> bound = installations.findAll(devices.items().stream().map(Device::hazardSourceId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return devices.map(d -> mapper.toResponse(d, HazardSourceRule.binding(claimOf(d), bound.get(d.hazardSourceId()))));
    }

    public DeviceResponse get(Caller caller, String id) {
        return response(visible(caller, id));
    }

    private DeviceResponse response(Device d) {
        Installation found = installations.find(d.hazardSourceId()).orElse(null);
        return mapper.toResponse(d, HazardSourceRule.binding(claimOf(d), found));
    }

    private static HazardSourceRule.Claim claimOf(Device d) {
        return d == null ? null : new HazardSourceRule.Claim(d.hazardSourceId(), d.hazardGrade(), d.enterpriseId());
    }

    /** 400 naming hazardSourceId / hazardGrade unless they match the register (see the rule's allowances). */
    private void requireKnownInstallation(Device device, Device previous) {
        List<Problem.FieldError> errors = HazardSourceRule.check(claimOf(device), claimOf(previous),
                installations.find(device.hazardSourceId()), installationsLoad.loaded());
        if (!errors.isEmpty()) {
            throw new DomainException(400, "VALIDATION_FAILED", "the request has invalid fields", errors);
        }
    }

    public DeviceResponse create(Caller caller, DeviceRequest request) {
        requireOperator(caller);
        DeviceKind kind = validate(request);
        Instant now = clock.instant();
        Device device = mapper.fromRequest(request, kind, now, now);
        requireKnownInstallation(device, null);
        requireUniqueMqttId(device);
        if (!repository.insert(device)) {
            throw DomainException.conflict("DEVICE_EXISTS", "device " + request.id() + " is already registered");
        }
        registry.applied(null, device);
        publisher.changed(device, DeviceChanged.Change.CREATED);
        return response(device);
    }

    public DeviceResponse replace(Caller caller, String id, DeviceRequest request) {
        requireOperator(caller);
        DeviceKind kind = validate(request);
        if (!id.equals(request.id())) {
            throw DomainException.field("id", "must equal the id in the path, " + id);
        }
        Device before = repository.findById(id).orElseThrow(() -> DomainException.notFound("device", id));
        Device after = mapper.fromRequest(request, kind, before.createdAt(), clock.instant());
        requireKnownInstallation(after, before);
        requireUniqueMqttId(after);
        repository.replace(after);
        registry.applied(before, after);
        publisher.changed(after, DeviceChanged.Change.UPDATED);
        return response(after);
    }

    /** Registers a device unless one with its id exists; true when it was added. For the demo seed. */
    public boolean registerIfAbsent(Device device) {
        if (!repository.insert(device)) {
            return false;
        }
        registry.applied(null, device);
        publisher.changed(device, DeviceChanged.Change.CREATED);
        return true;
    }

    public void delete(Caller caller, String id) {
        requireOperator(caller);
        Device before = repository.findById(id).orElseThrow(() -> DomainException.notFound("device", id));
        repository.delete(id);
        registry.applied(before, null);
        publisher.changed(before, DeviceChanged.Change.DELETED);
    }

    private Device visible(Caller caller, String id) {
        Device device = repository.findById(id).orElseThrow(() -> DomainException.notFound("device", id));
        if (!districts.sees(caller, device.enterpriseId())) {
            throw DomainException.notFound("device", id);
        }
        return device;
    }

    private static void requireOperator(Caller caller) {
        if (!caller.operator()) {
            throw DomainException.forbidden("only operators administer devices");
        }
    }

    private void requireUniqueMqttId(Device device) {
        if (device.mqttDeviceId() == null) {
            return;
        }
        registry.byMqttId(device.mqttDeviceId()).filter(other -> !other.id().equals(device.id())).ifPresent(other -> {
            throw DomainException.conflict("MQTT_ID_TAKEN",
                    "MQTT device id " + device.mqttDeviceId() + " is already bound to device " + other.id());
        });
    }

    /** The rules Bean Validation cannot express; every fault is reported, nothing is written. */
    static DeviceKind validate(DeviceRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        DeviceKind kind = DeviceKind.fromTopicName(request.kind()).orElse(null);
        if (kind == null) {
            errors.add(new Problem.FieldError("kind", "must be one of gas-alarm, gas-detector, tower-crane, tank"));
        }
        if ((request.hazardGrade() == null) != (request.hazardSourceId() == null || request.hazardSourceId().isBlank())) {
            errors.add(new Problem.FieldError("hazardGrade", "hazardSourceId and hazardGrade go together"));
        }
        Map<String, String> units = request.metricUnits() == null ? Map.of() : request.metricUnits();
        units.forEach((metric, unit) -> {
            if (CanonicalUnits.convert(metric, Objects.requireNonNullElse(unit, ""), 1.0).isEmpty()) {
                errors.add(new Problem.FieldError("metricUnits." + metric,
                        "unit '" + unit + "' does not convert to a canonical unit of '" + metric + "'"));
            }
        });
        if (request.protocol() == Protocol.OPC_UA) {
            if (request.opcUaEndpoint() == null) {
                errors.add(new Problem.FieldError("opcUaEndpoint", "is required for protocol OPC_UA"));
            }
            Map<String, String> nodes = request.opcUaNodeIds() == null ? Map.of() : request.opcUaNodeIds();
            if (nodes.isEmpty()) {
                errors.add(new Problem.FieldError("opcUaNodeIds", "needs a node id per metric for protocol OPC_UA"));
            }
            nodes.forEach((metric, node) -> {
                if (node == null || node.isBlank()) {
                    errors.add(new Problem.FieldError("opcUaNodeIds." + metric, "must not be blank"));
                } else if (!units.containsKey(metric)) {
                    errors.add(new Problem.FieldError("metricUnits." + metric,
                            "is required for a bound OPC UA node: its value carries no unit"));
                }
            });
        } else if (request.protocol() == Protocol.MQTT && request.opcUaEndpoint() != null) {
            errors.add(new Problem.FieldError("opcUaEndpoint", "is only for protocol OPC_UA"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(400, "VALIDATION_FAILED", "the request has invalid fields", errors);
        }
        return kind;
    }
}
