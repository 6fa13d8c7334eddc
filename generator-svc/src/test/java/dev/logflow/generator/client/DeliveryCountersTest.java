package dev.logflow.generator.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryCountersTest {

    @Test
    void countsIntoTheProcessWideTotalsToo() {
        DeliveryCounters totals = new DeliveryCounters();
        DeliveryCounters first = new DeliveryCounters(totals);
        DeliveryCounters second = new DeliveryCounters(totals);

        first.onSent();
        first.onAcked();
        second.onSent();
        second.onFailed();
        second.onResent(3);
        second.onRejected();
        second.onConnectError();

        assertEquals(1, first.sent());
        assertEquals(2, totals.sent());
        assertEquals(1, totals.acked());
        assertEquals(1, totals.failed());
        assertEquals(3, totals.resent());
        assertEquals(1, totals.rejected());
        assertEquals(1, totals.connectErrors());
    }
}
