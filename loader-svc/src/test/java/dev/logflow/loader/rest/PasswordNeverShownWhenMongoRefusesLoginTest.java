package dev.logflow.loader.rest;

import dev.logflow.loader.support.CapturedLog;
import dev.logflow.loader.support.MongoTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The password of a connection string to a server that answers but refuses the login: the embedded stand-in has no
 * authentication, so every login fails the way a wrong password does, with the driver's credential in the error.
 */
@QuarkusTest
@TestProfile(PasswordNeverShownWhenMongoRefusesLoginTest.LoginRefused.class)
class PasswordNeverShownWhenMongoRefusesLoginTest extends PasswordNeverShownTest {

    static final CapturedLog LOG = new CapturedLog("mongo-login-refused");

    /** The embedded server, reached with a user and password. */
    public static class LoginRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return LOG.config();
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WithCredentials.class));
        }
    }

    /** {@link MongoTestResource} with a user and password in its connection string. */
    public static class WithCredentials extends MongoTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            String hostAndPort = config.get("quarkus.mongodb.connection-string").replace("mongodb://", "");
            config.put("quarkus.mongodb.connection-string", MongoCredentials.uri(hostAndPort));
            return config;
        }
    }

    @Override
    CapturedLog log() {
        return LOG;
    }

    @Override
    String failureInLog() {
        return MongoCredentials.USER;
    }
}
