package dev.logflow.loader.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts the load loop with the application and stops it cleanly at shutdown. */
@ApplicationScoped
public class LoaderLifecycle {

    private final LoadLoop loop;

    public LoaderLifecycle(LoadLoop loop) {
        this.loop = loop;
    }

    void onStart(@Observes StartupEvent event) {
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        loop.stop();
    }
}
