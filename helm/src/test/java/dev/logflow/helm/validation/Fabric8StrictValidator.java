package dev.logflow.helm.validation;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.logflow.helm.support.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks objects against fabric8's typed Kubernetes model: a kind it does not know or a value of the wrong type
 * fails the parse, and a field the model does not have (a typo such as {@code readinesProbe}) lands in some
 * {@code additionalProperties} map, which this walks recursively. It does not check required fields.
 */
public final class Fabric8StrictValidator {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes";

    private Fabric8StrictValidator() {}

    /** One message per problem, naming the object and the path of the field; empty when all objects pass. */
    public static List<String> validate(String yaml) {
        List<String> problems = new ArrayList<>();
        for (String document : Manifests.splitDocuments(yaml)) {
            try {
                HasMetadata object = Manifests.toTyped(document);
                walk(object, object.getKind() + "/" + object.getMetadata().getName(), problems);
            } catch (RuntimeException e) {
                problems.add("cannot parse " + document.lines().limit(4).toList() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static void walk(Object node, String path, List<String> problems) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, problems));
        } else if (node != null && node.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            walkModel(node, path, problems);
        }
    }

    private static void walkModel(Object node, String path, List<String> problems) {
        for (Method getter : node.getClass().getMethods()) {
            if (getter.isAnnotationPresent(JsonAnyGetter.class)) {
                Map<?, ?> unknown = (Map<?, ?>) invoke(getter, node);
                if (unknown != null && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else if (getter.getParameterCount() == 0 && getter.isAnnotationPresent(JsonProperty.class)) {
                walk(
                        invoke(getter, node),
                        path + "." + getter.getAnnotation(JsonProperty.class).value(),
                        problems);
            }
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
