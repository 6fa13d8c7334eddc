package dev.logflow.generator.service;

import java.util.random.RandomGenerator;

/** Picks an index with probability proportional to its weight. */
final class Weighted {

    private Weighted() {}

    /** Index {@code i} with probability {@code weights[i] / sum(weights)}; weights must not all be zero. */
    static int pick(RandomGenerator random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            point -= weights[i];
            if (point < 0) {
                return i;
            }
        }
        return lastPositive(weights);
    }

    /** Where rounding left the point past every weight: the last index that can be picked at all. */
    private static int lastPositive(double[] weights) {
        int last = weights.length - 1;
        while (last > 0 && weights[last] <= 0) {
            last--;
        }
        return last;
    }
}
