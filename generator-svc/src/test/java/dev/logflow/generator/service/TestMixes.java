package dev.logflow.generator.service;

import dev.logflow.generator.config.GeneratorConfig;
import java.time.Clock;
import java.util.SplittableRandom;

/** Status and level mixes built directly, as the configuration would. */
final class TestMixes {

    record Status(double success, double redirect, double clientError, double serverError)
            implements GeneratorConfig.StatusMix {}

    record Levels(double debug, double warnFor4xx, double errorFor5xx) implements GeneratorConfig.LevelMix {}

    static final Status DEFAULT_STATUS = new Status(85, 5, 8.5, 1.5);
    static final Levels DEFAULT_LEVELS = new Levels(0.1, 0.9, 0.9);

    private TestMixes() {}

    /** A generator with the default mixes and a fixed seed. */
    static EventGenerator generator(String source) {
        return new EventGenerator(source, DEFAULT_STATUS, DEFAULT_LEVELS, new SplittableRandom(42), Clock.systemUTC());
    }
}
