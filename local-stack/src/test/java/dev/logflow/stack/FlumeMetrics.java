package dev.logflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Flume's own counters, served as JSON when the launcher gets {@code FLUME_METRICS_PORT}: the fault tests read the
 * channel's size to know when a backlog has built up and when everything accepted has gone to the files.
 */
final class FlumeMetrics {

    private final String url;
    private final JsonHttp http = new JsonHttp();

    FlumeMetrics(int port) {
        this.url = "http://127.0.0.1:" + port + "/metrics";
    }

    /** A port nobody listens on yet, for {@code FLUME_METRICS_PORT}. */
    static int freePort() {
        return Pipeline.Ports.freePort();
    }

    /** Events in the agent's channel (accepted, acknowledged, not yet written by the sink); -1 while unreachable. */
    long channelSize() {
        try {
            return channelSize(http.get(url));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long channelSize(JsonNode metrics) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> component = it.next();
            if (component.getKey().startsWith("CHANNEL.")) {
                return component.getValue().path("ChannelSize").asLong(-1);
            }
        }
        return -1;
    }
}
