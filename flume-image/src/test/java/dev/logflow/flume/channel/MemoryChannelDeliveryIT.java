package dev.logflow.flume.channel;

/** The default agent, {@code logflow-memory.conf}: fast, not durable. */
class MemoryChannelDeliveryIT extends ChannelDeliveryContract {

    @Override
    String channel() {
        return "memory";
    }
}
