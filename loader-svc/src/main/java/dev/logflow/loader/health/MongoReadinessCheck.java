package dev.logflow.loader.health;

import dev.logflow.loader.config.LoaderConfig;
import dev.logflow.loader.store.LoaderCollections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while MongoDB answers a ping within {@code logflow.loader.ping-timeout}. */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

    static final String NAME = "mongodb";

    /** The user information of a connection string: {@code mongodb://user:password@}. */
    private static final Pattern USER_INFO = Pattern.compile("(mongodb(?:\\+srv)?://)[^@/\\s]*@");

    private final LoaderCollections collections;
    private final LoaderConfig config;

    public MongoReadinessCheck(LoaderCollections collections, LoaderConfig config) {
        this.collections = collections;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            collections
                    .database()
                    .withTimeout(config.pingTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .runCommand(new Document("ping", 1));
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("database", config.database())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("error", e.getClass().getSimpleName() + ": " + withoutCredentials(e.getMessage()))
                    .build();
        }
    }

    /**
     * The driver hides passwords in its own messages, but an error may still quote a connection string (a
     * configuration error, another driver version): its user information is replaced before it is shown.
     */
    static String withoutCredentials(String message) {
        return message == null ? "" : USER_INFO.matcher(message).replaceAll("$1***@");
    }
}
