package io.safetyhub.enforcement.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How this service's records become MongoDB documents and back: one private Jackson mapping (days as
 * {@code yyyy-MM-dd} text, which compares correctly as text in range queries; enums by name), the record's
 * {@code id} stored as {@code _id}. Separate from the REST mapping, so a stored field never reaches a caller.
 */
@ApplicationScoped
public class Stored {
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Document write(Object record) {
        Map<String, Object> fields = json.convertValue(record, FIELDS);
        Document document = new Document("_id", fields.remove("id"));
        document.putAll(fields);
        return document;
    }

    public <T> T read(Document document, Class<T> type) {
        Map<String, Object> fields = new LinkedHashMap<>(document);
        fields.put("id", fields.remove("_id"));
        return json.convertValue(fields, type);
    }

    /** A record's fields as a document without {@code _id}, for {@code $set} of an embedded value. */
    public Document fields(Object value) {
        return new Document(json.convertValue(value, FIELDS));
    }
}
