package dev.logflow.helm.support;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A rendered chart: the YAML text, one document per object, and each object parsed into fabric8's typed
 * Kubernetes model (wrong types fail here; unknown fields are left for {@code Fabric8StrictValidator}).
 */
public final class Manifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String text;

    private final List<String> documents;

    private final List<HasMetadata> objects;

    private Manifests(String text, List<String> documents, List<HasMetadata> objects) {
        this.text = text;
        this.documents = documents;
        this.objects = objects;
    }

    public static Manifests parse(String text) {
        List<String> documents = splitDocuments(text);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : documents) {
            objects.add(toTyped(document));
        }
        return new Manifests(text, documents, objects);
    }

    /** The YAML documents that hold an object (comment-only and empty documents dropped). */
    public static List<String> splitDocuments(String text) {
        return DOCUMENT_SEPARATOR
                .splitAsStream(text)
                .filter(Manifests::holdsContent)
                .map(String::strip)
                .toList();
    }

    private static boolean holdsContent(String document) {
        return document.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
    }

    /** Parses one document into its registered fabric8 class; a kind fabric8 does not know is an error. */
    public static HasMetadata toTyped(String document) {
        KubernetesResource resource = SERIALIZATION.unmarshal(document);
        if (!(resource instanceof HasMetadata object)
                || resource instanceof io.fabric8.kubernetes.api.model.GenericKubernetesResource) {
            throw new IllegalArgumentException("not a known Kubernetes kind: " + firstLines(document));
        }
        return object;
    }

    private static String firstLines(String document) {
        return document.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
    }

    public String text() {
        return text;
    }

    public List<String> documents() {
        return documents;
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(object -> name.equals(object.getMetadata().getName()))
                .findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new NoSuchElementException(kind.getSimpleName() + " " + name + " not rendered"));
    }

    /** The pod template of every workload (Deployment, StatefulSet, Job), by workload name. */
    public Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class)
                .forEach(d ->
                        templates.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class)
                .forEach(s ->
                        templates.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        all(Job.class)
                .forEach(j ->
                        templates.put(j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }

    /** Every container (init containers included) of every pod the chart can run, test pods included. */
    public Stream<Container> allContainers() {
        Stream<Container> workloads = podTemplates().values().stream()
                .flatMap(template -> Stream.concat(
                        template.getSpec().getInitContainers().stream(), template.getSpec().getContainers().stream()));
        Stream<Container> pods = all(io.fabric8.kubernetes.api.model.Pod.class).stream()
                .flatMap(pod -> pod.getSpec().getContainers().stream());
        return Stream.concat(workloads, pods);
    }

    public static Container container(PodTemplateSpec template, String name) {
        return template.getSpec().getContainers().stream()
                .filter(container -> name.equals(container.getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no container " + name));
    }
}
