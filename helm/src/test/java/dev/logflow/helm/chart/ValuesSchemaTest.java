package dev.logflow.helm.chart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logflow.helm.support.HelmChart;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** values.schema.json and the chart's own checks refuse bad values before anything reaches a cluster. */
class ValuesSchemaTest {

    @Test
    void shouldRefuseAFlumeChannelTypeItDoesNotKnowNamingTheValueAndTheChoices() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("flume.channel.type", "disk")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("/flume/channel/type")
                .hasMessageContaining("'memory', 'file'");
    }

    @Test
    void shouldRefuseAMisspelledKeyInsteadOfIgnoringIt() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("generator.replica", 3)))
                .hasMessageContaining("/generator")
                .hasMessageContaining("additional properties 'replica' not allowed");
    }

    @Test
    void shouldRefuseAReplicaCountThatIsNotANumber() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("mongodb.replicas", "three")))
                .hasMessageContaining("/mongodb/replicas")
                .hasMessageContaining("integer");
    }

    @Test
    void shouldRefuseTurningTheBundledMongoDbOffWithoutSayingWhereTheDatabaseIs() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("mongodb.enabled", false)))
                .hasMessageContaining("VALUES VALIDATION")
                .hasMessageContaining(
                        "mongodb.enabled=false needs externalMongodb.connectionString or externalMongodb.existingSecret");
    }

    @Test
    void shouldRefuseAConnectionStringThatIsNotAMongoDbUri() {
        assertThatThrownBy(() -> HelmChart.render(Map.of(
                        "mongodb.enabled", false, "externalMongodb.connectionString", "postgres://db:5432/logflow")))
                .hasMessageContaining("/externalMongodb/connectionString");
    }
}
