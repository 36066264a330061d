package io.safetyhub.warning.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.safetyhub.devstack.testing.TestInfra;

/** A client of the test harness's mongo-wire server, for *IT classes that wire a repository by hand. */
public final class TestMongo {
    private static MongoClient client;

    private TestMongo() {
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(TestInfra.shared().mongoConnectionString());
        }
        return client;
    }
}
