package io.safetyhub.enterprise.audit;

import org.bson.Document;

import java.util.Date;

/** {@link AuditEntry} to and from its embedded MongoDB form. */
public final class AuditDocuments {
    private AuditDocuments() {
    }

    public static Document toDocument(AuditEntry a) {
        return new Document("who", a.who()).append("role", a.role()).append("at", Date.from(a.at()))
                .append("from", a.from()).append("to", a.to()).append("note", a.note());
    }

    public static AuditEntry fromDocument(Document d) {
        return new AuditEntry(d.getString("who"), d.getString("role"), d.getDate("at").toInstant(),
                d.getString("from"), d.getString("to"), d.getString("note"));
    }
}
