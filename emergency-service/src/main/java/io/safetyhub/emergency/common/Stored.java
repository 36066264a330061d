package io.safetyhub.emergency.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records to MongoDB documents and back, through a Jackson mapping of this service's own (never the REST one, so
 * a stored field cannot leak into an answer): dates and instants as ISO text, enums by name, {@code id} as
 * {@code _id}. Instants are stored as the service wrote them (whole seconds), so they sort as text.
 */
public final class Stored {
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<LinkedHashMap<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private Stored() {
    }

    public static Document document(Object record) {
        Map<String, Object> fields = MAPPER.convertValue(record, AS_MAP);
        Document doc = new Document("_id", fields.remove("id"));
        doc.putAll(fields);
        return doc;
    }

    public static <T> T record(Document doc, Class<T> type) {
        Map<String, Object> fields = new LinkedHashMap<>(doc);
        fields.put("id", fields.remove("_id"));
        return MAPPER.convertValue(fields, type);
    }
}
