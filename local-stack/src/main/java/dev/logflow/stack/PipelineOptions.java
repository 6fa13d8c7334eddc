package dev.logflow.stack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the pipeline.
 *
 * @param workDir every file the run writes: MongoDB data, Flume's output and channel, logs
 * @param persistentMongo H2 file backend (data survives a restart) instead of the memory backend
 * @param flumeChannel {@code memory} (fast) or {@code file} (survives a Flume crash)
 * @param fixedPorts the documented ports (27017, 44444, 8080-8082) instead of free random ones
 * @param generatorAutostart whether the generator starts sending on its own
 * @param generatorRate events per second when it does; 0 means as fast as it can
 * @param generatorConnections TCP connections from the generator to Flume
 * @param serviceJavaOptions JVM options for the three Quarkus services
 * @param replayDirs folders the generator may replay files from, besides the shared samples
 * @param flumeEnvironment extra {@code FLUME_*} settings of the agent's launcher, e.g. a small channel capacity
 * @param serviceProperties extra system properties per service module, e.g. {@code loader-svc} to its settings
 */
public record PipelineOptions(
        Path workDir,
        boolean persistentMongo,
        String flumeChannel,
        boolean fixedPorts,
        boolean generatorAutostart,
        int generatorRate,
        int generatorConnections,
        String serviceJavaOptions,
        List<Path> replayDirs,
        Map<String, String> flumeEnvironment,
        Map<String, Map<String, String>> serviceProperties) {

    public PipelineOptions {
        replayDirs = List.copyOf(replayDirs);
        flumeEnvironment = Map.copyOf(flumeEnvironment);
        serviceProperties = Map.copyOf(serviceProperties);
    }

    /** Small heaps and the serial collector: each service stays well under 150 MB RSS on two cores. */
    public static final String DEFAULT_SERVICE_JAVA_OPTIONS =
            "-XX:+UseSerialGC -Xms32m -Xmx96m -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -Xss512k"
                    + " -XX:MaxDirectMemorySize=32m -XX:CICompilerCount=2";

    /** The local run: persistent data, the documented ports, a gentle stream of generated events (none at rate 0). */
    public static PipelineOptions local(Path workDir, int generatorRate) {
        return new PipelineOptions(
                workDir,
                true,
                "memory",
                true,
                generatorRate > 0,
                generatorRate,
                1,
                DEFAULT_SERVICE_JAVA_OPTIONS,
                List.of(),
                Map.of(),
                Map.of());
    }

    /** Tests and benchmarks: throw-away data, random ports, the generator waits to be told. */
    public static PipelineOptions isolated(Path workDir) {
        return new PipelineOptions(
                workDir,
                false,
                "memory",
                false,
                false,
                0,
                1,
                DEFAULT_SERVICE_JAVA_OPTIONS,
                List.of(),
                Map.of(),
                Map.of());
    }

    /** The same options with the H2 file backend ({@code true}: data survives a MongoDB restart) or memory. */
    public PipelineOptions withPersistentMongo(boolean persistent) {
        return new PipelineOptions(
                workDir,
                persistent,
                flumeChannel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                generatorConnections,
                serviceJavaOptions,
                replayDirs,
                flumeEnvironment,
                serviceProperties);
    }

    public PipelineOptions withFlumeChannel(String channel) {
        return new PipelineOptions(
                workDir,
                persistentMongo,
                channel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                generatorConnections,
                serviceJavaOptions,
                replayDirs,
                flumeEnvironment,
                serviceProperties);
    }

    public PipelineOptions withReplayDirs(List<Path> dirs) {
        return new PipelineOptions(
                workDir,
                persistentMongo,
                flumeChannel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                generatorConnections,
                serviceJavaOptions,
                dirs,
                flumeEnvironment,
                serviceProperties);
    }

    public PipelineOptions withServiceJavaOptions(String javaOptions) {
        return new PipelineOptions(
                workDir,
                persistentMongo,
                flumeChannel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                generatorConnections,
                javaOptions,
                replayDirs,
                flumeEnvironment,
                serviceProperties);
    }

    public PipelineOptions withGeneratorConnections(int connections) {
        return new PipelineOptions(
                workDir,
                persistentMongo,
                flumeChannel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                connections,
                serviceJavaOptions,
                replayDirs,
                flumeEnvironment,
                serviceProperties);
    }

    /** The same options with one more {@code FLUME_*} setting for the agent's launcher. */
    public PipelineOptions withFlumeEnvironment(String name, String value) {
        Map<String, String> environment = new HashMap<>(flumeEnvironment);
        environment.put(name, value);
        return new PipelineOptions(
                workDir,
                persistentMongo,
                flumeChannel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                generatorConnections,
                serviceJavaOptions,
                replayDirs,
                environment,
                serviceProperties);
    }

    /** The same options with one more system property for a service, e.g. {@code loader-svc}. */
    public PipelineOptions withServiceProperty(String module, String key, String value) {
        Map<String, String> properties = new HashMap<>(serviceProperties.getOrDefault(module, Map.of()));
        properties.put(key, value);
        Map<String, Map<String, String>> byModule = new HashMap<>(serviceProperties);
        byModule.put(module, Map.copyOf(properties));
        return new PipelineOptions(
                workDir,
                persistentMongo,
                flumeChannel,
                fixedPorts,
                generatorAutostart,
                generatorRate,
                generatorConnections,
                serviceJavaOptions,
                replayDirs,
                flumeEnvironment,
                byModule);
    }
}
