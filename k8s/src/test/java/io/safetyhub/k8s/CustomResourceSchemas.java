package io.safetyhub.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Keycloak operator's and cert-manager's resources, which have no typed model, checked against the schemas under crds/. */
final class CustomResourceSchemas {
    private static final Map<String, String> SCHEMAS = Map.of(
            "Keycloak", "/crds/keycloak-v2alpha1.json",
            "KeycloakRealmImport", "/crds/keycloakrealmimport-v2alpha1.json",
            "Certificate", "/crds/certificate-v1.json",
            "Issuer", "/crds/issuer-v1.json");

    private CustomResourceSchemas() {
    }

    static List<String> check(Rendered rendered) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        List<String> problems = new ArrayList<>();
        for (Rendered.Manifest manifest : rendered.all()) {
            String schemaPath = SCHEMAS.get(manifest.kind());
            if (schemaPath == null) {
                continue;
            }
            JsonSchema schema = load(factory, schemaPath);
            for (ValidationMessage message : schema.validate(manifest.raw())) {
                problems.add(manifest.id() + ": " + message.getMessage());
            }
        }
        return problems;
    }

    private static JsonSchema load(JsonSchemaFactory factory, String path) {
        try (InputStream in = CustomResourceSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema " + path + " is missing");
            }
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets a test feed one raw document through the same schema. */
    static List<String> check(String kind, JsonNode document) {
        JsonSchema schema = load(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7), SCHEMAS.get(kind));
        return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
    }
}
