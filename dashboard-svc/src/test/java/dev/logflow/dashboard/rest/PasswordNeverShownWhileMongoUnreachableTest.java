package dev.logflow.dashboard.rest;

import dev.logflow.dashboard.fixture.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/** The password of a connection string to a port nobody listens on. */
@QuarkusTest
@TestProfile(PasswordNeverShownWhileMongoUnreachableTest.Unreachable.class)
class PasswordNeverShownWhileMongoUnreachableTest extends PasswordNeverShownTest {

    static final CapturedLog LOG = new CapturedLog("mongo-unreachable");

    /** MongoDB on a loopback port nothing listens on, with a user and password. */
    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(LOG.config());
            config.put("quarkus.mongodb.connection-string", MongoCredentials.uri("127.0.0.1:1"));
            config.put("quarkus.mongodb.server-selection-timeout", "500ms");
            return config;
        }
    }

    @Override
    CapturedLog log() {
        return LOG;
    }

    @Override
    String failureInLog() {
        return "127.0.0.1:1";
    }
}
