package dev.logflow.generator.service;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The made-up shop whose traffic the generator imitates: five services, each with its own hosts, endpoints, typical
 * latency and response size, and a share of the traffic.
 */
final class ServiceCatalog {

    private static final int MIN_ID = 1_000;
    private static final int MAX_ID = 99_999;
    private static final int SKU_DIGITS = 100_000;
    private static final int TOKEN_LENGTH = 10;
    private static final int MAX_PAGE = 40;
    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String[] CATEGORIES = {
        "shoes", "outdoor", "kitchen", "books", "toys", "garden", "electronics", "sports", "beauty", "office"
    };
    private static final String[] TERMS = {
        "running+shoes", "usb-c+cable", "coffee+grinder", "rain+jacket", "lego", "standing+desk", "headphones",
        "yoga+mat", "cast+iron+pan", "backpack", "sunscreen", "kindle", "garden+hose", "phone+case"
    };

    static final List<Profile> PROFILES = List.of(
            new Profile(
                    "checkout",
                    3,
                    20,
                    60,
                    2_400,
                    List.of(
                            new Endpoint("GET", "/api/cart/{id}", 40),
                            new Endpoint("POST", "/api/cart/{id}/items", 25),
                            new Endpoint("DELETE", "/api/cart/{id}/items/{sku}", 8),
                            new Endpoint("POST", "/api/checkout", 12),
                            new Endpoint("GET", "/api/orders/{order}", 15))),
            new Profile(
                    "catalog",
                    4,
                    35,
                    25,
                    8_000,
                    List.of(
                            new Endpoint("GET", "/api/products?page={page}", 30),
                            new Endpoint("GET", "/api/products/{sku}", 40),
                            new Endpoint("GET", "/api/categories/{category}", 15),
                            new Endpoint("GET", "/api/products/{sku}/reviews", 10),
                            new Endpoint("HEAD", "/api/products/{sku}", 5))),
            new Profile(
                    "auth",
                    2,
                    15,
                    40,
                    600,
                    List.of(
                            new Endpoint("POST", "/api/auth/login", 30),
                            new Endpoint("POST", "/api/auth/token/refresh", 35),
                            new Endpoint("GET", "/api/auth/me", 30),
                            new Endpoint("POST", "/api/auth/logout", 5))),
            new Profile(
                    "search",
                    3,
                    20,
                    90,
                    12_000,
                    List.of(
                            new Endpoint("GET", "/api/search?q={term}", 70),
                            new Endpoint("GET", "/api/search/suggest?q={term}", 30))),
            new Profile(
                    "payments",
                    2,
                    10,
                    180,
                    900,
                    List.of(
                            new Endpoint("POST", "/api/payments", 45),
                            new Endpoint("GET", "/api/payments/{payment}", 30),
                            new Endpoint("POST", "/api/payments/{payment}/refund", 5),
                            new Endpoint("POST", "/api/payments/webhook", 20))));

    private static final double[] PROFILE_WEIGHTS =
            PROFILES.stream().mapToDouble(Profile::weight).toArray();

    private ServiceCatalog() {}

    /** A service picked by its share of the traffic. */
    static Profile pick(RandomGenerator random) {
        return PROFILES.get(Weighted.pick(random, PROFILE_WEIGHTS));
    }

    /**
     * One service.
     *
     * @param name service name
     * @param hosts hosts serving it, named {@code <name>-01} and up
     * @param weight share of the traffic
     * @param medianLatencyMs typical latency of a successful request
     * @param typicalBytes typical size of a successful response
     * @param endpoints its endpoints
     */
    record Profile(
            String name,
            List<String> hosts,
            double weight,
            int medianLatencyMs,
            int typicalBytes,
            List<Endpoint> endpoints,
            double[] endpointWeights) {

        Profile(
                String name,
                int hostCount,
                double weight,
                int medianLatencyMs,
                int typicalBytes,
                List<Endpoint> endpoints) {
            this(
                    name,
                    hostNames(name, hostCount),
                    weight,
                    medianLatencyMs,
                    typicalBytes,
                    endpoints,
                    endpoints.stream().mapToDouble(Endpoint::weight).toArray());
        }

        String host(RandomGenerator random) {
            return hosts.get(random.nextInt(hosts.size()));
        }

        Endpoint endpoint(RandomGenerator random) {
            return endpoints.get(Weighted.pick(random, endpointWeights));
        }

        private static List<String> hostNames(String name, int count) {
            List<String> hosts = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                hosts.add(String.format("%s-%02d", name, i));
            }
            return List.copyOf(hosts);
        }
    }

    /**
     * One endpoint; its template holds placeholders such as {@code {id}} filled with random values.
     *
     * @param method HTTP method
     * @param literals the template's text around the placeholders
     * @param params the placeholder names, one fewer than literals
     * @param weight share of the service's traffic
     */
    record Endpoint(String method, List<String> literals, List<String> params, double weight) {

        Endpoint(String method, String template, double weight) {
            this(method, literalsOf(template), paramsOf(template), weight);
        }

        String path(RandomGenerator random) {
            if (params.isEmpty()) {
                return literals.get(0);
            }
            StringBuilder path = new StringBuilder(literals.get(0));
            for (int i = 0; i < params.size(); i++) {
                appendParam(path, params.get(i), random);
                path.append(literals.get(i + 1));
            }
            return path.toString();
        }

        private static List<String> literalsOf(String template) {
            return List.of(template.split("\\{[a-z]+}", -1));
        }

        private static List<String> paramsOf(String template) {
            List<String> params = new ArrayList<>();
            int open = template.indexOf('{');
            while (open >= 0) {
                int close = template.indexOf('}', open);
                params.add(template.substring(open + 1, close));
                open = template.indexOf('{', close);
            }
            return List.copyOf(params);
        }
    }

    private static void appendParam(StringBuilder path, String param, RandomGenerator random) {
        switch (param) {
            case "id" -> path.append(random.nextInt(MIN_ID, MAX_ID));
            case "sku" -> path.append("SKU-").append(random.nextInt(SKU_DIGITS));
            case "page" -> path.append(1 + random.nextInt(MAX_PAGE));
            case "category" -> path.append(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            case "term" -> path.append(TERMS[random.nextInt(TERMS.length)]);
            case "order" -> appendToken(path.append("ord_"), random);
            case "payment" -> appendToken(path.append("pay_"), random);
            default -> throw new IllegalArgumentException("Unknown placeholder {" + param + "}");
        }
    }

    private static void appendToken(StringBuilder path, RandomGenerator random) {
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            path.append(BASE36.charAt(random.nextInt(BASE36.length())));
        }
    }
}
