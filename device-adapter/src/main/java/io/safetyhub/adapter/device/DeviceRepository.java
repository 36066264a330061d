package io.safetyhub.adapter.device;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.safetyhub.platform.rest.Page;
import io.safetyhub.platform.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code devices} collection, looked up by {@code _id}; the registry is small enough to read whole. */
@ApplicationScoped
public class DeviceRepository {
    private final MongoCollection<Document> devices;
    private final DeviceMapper mapper;

    public DeviceRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database,
                            DeviceMapper mapper) {
        this.devices = client.getDatabase(database).getCollection("devices");
        this.mapper = mapper;
        // For production MongoDB (the embedded server ignores non-unique indexes): the tenant-scoped listings.
        devices.createIndex(Indexes.ascending("enterpriseId"));
    }

    public Optional<Device> findById(String id) {
        return Optional.ofNullable(devices.find(Filters.eq("_id", id)).first()).map(mapper::fromDocument);
    }

    /** The device whose topics carry this MQTT id (unique: the API refuses a second one, MQTT_ID_TAKEN). */
    public Optional<Device> findByMqttId(String mqttDeviceId) {
        return Optional.ofNullable(devices.find(Filters.eq("mqttDeviceId", mqttDeviceId)).first())
                .map(mapper::fromDocument);
    }

    public List<Device> findAll() {
        return devices.find().map(mapper::fromDocument).into(new ArrayList<>());
    }

    /**
     * One page in id order. {@code enterpriseIds} null = every enterprise; {@code enterpriseId} and {@code protocol}
     * narrow further when not null.
     */
    public Page<Device> page(Collection<String> enterpriseIds, String enterpriseId, Protocol protocol, PageRequest page) {
        List<Bson> filters = new ArrayList<>();
        if (enterpriseIds != null) {
            filters.add(Filters.in("enterpriseId", enterpriseIds));
        }
        if (enterpriseId != null) {
            filters.add(Filters.eq("enterpriseId", enterpriseId));
        }
        if (protocol != null) {
            filters.add(Filters.eq("protocol", protocol.name()));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        List<Device> items = devices.find(filter).sort(Sorts.ascending("_id")).skip(page.skip()).limit(page.size())
                .map(mapper::fromDocument).into(new ArrayList<>());
        return Page.of(items, page, devices.countDocuments(filter));
    }

    /** False when a device with this id already exists. */
    public boolean insert(Device device) {
        try {
            devices.insertOne(mapper.toDocument(device));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void replace(Device device) {
        devices.replaceOne(Filters.eq("_id", device.id()), mapper.toDocument(device), new ReplaceOptions().upsert(true));
    }

    public boolean delete(String id) {
        return devices.deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
    }
}
