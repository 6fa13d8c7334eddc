package dev.logflow.loader.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MongoReadinessCheckTest {

    @Test
    void hidesTheUserInformationOfAConnectionStringInAnError() {
        String message = "cannot reach mongodb://logflow:s3cret@db:27017/?authSource=admin nor"
                + " mongodb+srv://other:pw%40x@cluster.example.net/logflow";

        assertEquals(
                "cannot reach mongodb://***@db:27017/?authSource=admin nor"
                        + " mongodb+srv://***@cluster.example.net/logflow",
                MongoReadinessCheck.withoutCredentials(message));
    }

    @Test
    void leavesAConnectionStringWithoutCredentialsAsItIs() {
        String message = "Timed out; cluster state is {servers=[{address=127.0.0.1:1}]} for mongodb://db:27017";

        assertEquals(message, MongoReadinessCheck.withoutCredentials(message));
    }
}
