package io.safetyhub.training.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Stored documents are records written through one Jackson mapping: dates as ISO strings ({@code yyyy-MM-dd}
 * sorts and compares as text, so range queries work on the embedded server too), enums by name, the
 * record's {@code id} as {@code _id}. Kept apart from the REST mapping so a stored field never leaks out.
 */
@ApplicationScoped
public class DocumentCodec {
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Document toDocument(Object record) {
        try {
            Document doc = Document.parse(mapper.writeValueAsString(record));
            Object id = doc.remove("id");
            Document withId = new Document("_id", id);
            withId.putAll(doc);
            return withId;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + record.getClass().getSimpleName(), e);
        }
    }

    public <T> T fromDocument(Document doc, Class<T> type) {
        Document copy = new Document(doc);
        copy.put("id", copy.remove("_id"));
        try {
            return mapper.readValue(copy.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName() + " " + doc.get("_id"), e);
        }
    }
}
