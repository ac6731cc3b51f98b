package org.minsheng.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Kubernetes manifests, rendered by kubectl kustomize and read with fabric8's model, against
 * the running application: probes hit real health endpoints on the application's port, every
 * environment variable is a setting the application reads, every container is limited and locked down.
 */
@QuarkusTest
class ManifestQuarkusTest {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "production" })
    void probesMatchTheApplicationsHealthEndpointsAndPort(String overlay) {
        int appPort = productionHttpPort();
        for (PodSpec pod : pods(render(overlay), Deployment.class)) {
            Container container = pod.getContainers().get(0);
            assertProbe(container, container.getStartupProbe(), "/q/health/started", appPort);
            assertProbe(container, container.getReadinessProbe(), "/q/health/ready", appPort);
            assertProbe(container, container.getLivenessProbe(), "/q/health/live", appPort);
        }
        Service service = only(render(overlay), Service.class);
        String targetPort = service.getSpec().getPorts().get(0).getTargetPort().getStrVal();
        Container api = pods(render(overlay), Deployment.class).get(0).getContainers().get(0);
        assertTrue(api.getPorts().stream().anyMatch(p -> p.getName().equals(targetPort)), "Service targets a named port");
    }

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "production" })
    void environmentVariablesAreSettingsTheApplicationReads(String overlay) throws IOException {
        Set<String> known = knownEnvironmentNames();
        List<HasMetadata> objects = render(overlay);
        List<String> names = new ArrayList<>();
        for (ConfigMap map : all(objects, ConfigMap.class)) {
            names.addAll(map.getData().keySet());
        }
        List<PodSpec> pods = new ArrayList<>(pods(objects, Deployment.class));
        pods.addAll(pods(objects, Job.class));
        for (PodSpec pod : pods) {
            for (Container container : pod.getContainers()) {
                container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
            }
        }
        assertFalse(names.isEmpty());
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        assertEquals(List.of(), unknown, "environment variables no setting of the application reads");
    }

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "production" })
    void theHeapIsSizedFromTheContainerAndAnOutOfMemoryErrorEndsThePod(String overlay) {
        Map<String, String> config = config(render(overlay));
        assertTrue(config.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-XX:MaxRAMPercentage="), config.toString());
        assertTrue(config.get("JAVA_TOOL_OPTIONS").contains("-XX:+ExitOnOutOfMemoryError"), config.toString());
    }

    @Test
    void productionIsRateLimitedPerClientAndTheEmbeddedDemoIsNot() {
        Map<String, String> production = config(render("production"));
        assertEquals("true", production.get("MINSHENG_RATE_LIMIT_ENABLED"));
        assertEquals("true", production.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        assertFalse(production.getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "").isBlank(),
                "forwarded addresses are taken only from named proxies");
        assertFalse(config(render("embedded")).containsKey("MINSHENG_RATE_LIMIT_ENABLED"));
    }

    private static Map<String, String> config(List<HasMetadata> objects) {
        Map<String, String> data = new java.util.HashMap<>();
        all(objects, ConfigMap.class).forEach(map -> data.putAll(map.getData()));
        return data;
    }

    @ParameterizedTest
    @ValueSource(strings = { "embedded", "production" })
    void everyContainerIsLimitedAndLockedDown(String overlay) {
        List<HasMetadata> objects = render(overlay);
        List<PodSpec> pods = new ArrayList<>(pods(objects, Deployment.class));
        pods.addAll(pods(objects, Job.class));
        assertFalse(pods.isEmpty());
        for (PodSpec pod : pods) {
            assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), "pod runAsNonRoot");
            for (Container container : pod.getContainers()) {
                String name = overlay + "/" + container.getName();
                Map<String, ?> limits = container.getResources().getLimits();
                assertNotNull(limits, name + " has no limits");
                assertTrue(limits.containsKey("cpu") && limits.containsKey("memory"), name + " limits cpu and memory");
                assertTrue(container.getResources().getRequests().containsKey("memory"), name + " requests memory");
                SecurityContext security = container.getSecurityContext();
                assertNotNull(security, name + " has no security context");
                assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), name + " runAsNonRoot");
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), name + " readOnlyRootFilesystem");
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), name + " allowPrivilegeEscalation");
                assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), name + " drops all capabilities");
            }
        }
    }

    @Test
    void embeddedRunsOneReplicaWithItsDatabaseOnAVolume() {
        List<HasMetadata> objects = render("embedded");
        Deployment deployment = only(objects, Deployment.class);
        assertEquals(1, deployment.getSpec().getReplicas());
        assertEquals("Recreate", deployment.getSpec().getStrategy().getType());
        String dataDir = only(objects, ConfigMap.class).getData().get("MINSHENG_DATA_DIR");
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals(dataDir)
                && m.getName().equals("data")), "the data directory is the mounted volume");
        assertTrue(deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getPersistentVolumeClaim() != null), "the volume is a claim");
    }

    @Test
    void productionRunsReplicasOnPostgresWithTheSeedJob() {
        List<HasMetadata> objects = render("production");
        Deployment deployment = only(objects, Deployment.class);
        assertEquals(3, deployment.getSpec().getReplicas());
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (String name : List.of("MINSHENG_DB_URL", "MINSHENG_DB_USER", "MINSHENG_DB_PASSWORD")) {
            EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
            assertEquals("minsheng-db", env.getValueFrom().getSecretKeyRef().getName(), name + " from the Secret");
        }
        assertEquals("false", only(objects, ConfigMap.class).getData().get("MINSHENG_SEED_ON_START"));

        // The public key that verifies writers' tokens comes from the Secret minsheng-jwt.
        String keyPath = container.getEnv().stream().filter(e -> e.getName().equals("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                .findFirst().orElseThrow().getValue();
        var keyMount = container.getVolumeMounts().stream().filter(m -> keyPath.startsWith(m.getMountPath() + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume is mounted at " + keyPath));
        var keyVolume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(keyMount.getName())).findFirst().orElseThrow();
        assertEquals("minsheng-jwt", keyVolume.getSecret().getSecretName());
        assertEquals(keyPath.substring(keyMount.getMountPath().length() + 1),
                keyVolume.getSecret().getItems().get(0).getPath());
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                "the base's /tmp mount is kept");

        HorizontalPodAutoscaler hpa = only(objects, HorizontalPodAutoscaler.class);
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(3, hpa.getSpec().getMinReplicas());

        PodDisruptionBudget pdb = only(objects, PodDisruptionBudget.class);
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()),
                "the disruption budget selects the API pods");

        NetworkPolicy policy = only(objects, NetworkPolicy.class);
        assertTrue(podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()));
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        Set<Integer> egressPorts = new HashSet<>();
        policy.getSpec().getEgress().forEach(rule -> rule.getPorts().stream().map(NetworkPolicyPort::getPort)
                .forEach(port -> egressPorts.add(port.getIntVal())));
        assertEquals(Set.of(5432, 53), egressPorts, "egress to PostgreSQL and DNS only");
        Set<Integer> ingressPorts = new HashSet<>();
        policy.getSpec().getIngress().forEach(rule -> rule.getPorts().forEach(p -> ingressPorts.add(p.getPort().getIntVal())));
        assertEquals(Set.of(8080), ingressPorts);

        Job job = only(objects, Job.class);
        Container seed = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(container.getImage(), seed.getImage(), "the Job imports this release's bundle");
        assertTrue(seed.getEnv().stream().anyMatch(e -> e.getName().equals("MINSHENG_SEED_EXIT_AFTER_IMPORT")
                && "true".equals(e.getValue())));
        assertTrue(policy.getSpec().getPodSelector().getMatchLabels().entrySet()
                .stream()
                .allMatch(e -> e.getValue().equals(job.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey()))),
                "the network policy covers the seed Job too");
    }

    private static void assertProbe(Container container, Probe probe, String path, int appPort) {
        assertNotNull(probe, container.getName() + " has no probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        String portName = probe.getHttpGet().getPort().getStrVal();
        ContainerPort port = container.getPorts().stream().filter(p -> p.getName().equals(portName)).findFirst()
                .orElseThrow(() -> new AssertionError("probe port " + portName + " is not a container port"));
        assertEquals(appPort, port.getContainerPort(), "the container port is the application's HTTP port");
        given().when().get(path).then().statusCode(200);
    }

    /** The HTTP port outside tests: application.properties' quarkus.http.port, else Quarkus's 8080. */
    private static int productionHttpPort() {
        try {
            Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)").matcher(
                    Files.readString(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8));
            return port.find() ? Integer.parseInt(port.group(1)) : 8080;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Environment names of every setting application.properties gives or refers to. */
    private static Set<String> knownEnvironmentNames() throws IOException {
        Set<String> names = new HashSet<>();
        for (String property : ConfigProvider.getConfig().getPropertyNames()) {
            String plain = property.startsWith("%") ? property.substring(property.indexOf('.') + 1) : property;
            names.add(plain.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        names.add("JAVA_TOOL_OPTIONS"); // read by the JVM itself: heap sizing from the container
        names.add("MALLOC_ARENA_MAX"); // read by glibc's malloc: fewer arenas, less resident memory
        String properties = Files.readString(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8);
        Matcher matcher = EXPRESSION.matcher(properties);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<HasMetadata> render(String overlay) {
        boolean present = onPath("kubectl");
        if (!present && "required".equals(System.getenv("MINSHENG_MANIFEST_TESTS"))) {
            throw new IllegalStateException("kubectl is required to render the manifests (.ci/run installs it)");
        }
        Assumptions.assumeTrue(present, "kubectl is not installed; the manifests cannot be rendered here");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", "deploy/overlays/" + overlay)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), "kubectl kustomize failed:\n" + output);
            List<HasMetadata> objects = new ArrayList<>();
            for (String document : output.split("(?m)^---$")) {
                if (!document.isBlank()) {
                    objects.add(YAML.unmarshal(document));
                }
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String command) {
        return StreamSupport.stream(List.of(System.getenv("PATH").split(java.io.File.pathSeparator)).spliterator(), false)
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = all(objects, type);
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    private static List<PodSpec> pods(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
        return objects.stream().filter(type::isInstance).map(o -> o instanceof Deployment d
                ? d.getSpec().getTemplate().getSpec()
                : ((Job) o).getSpec().getTemplate().getSpec()).toList();
    }
}
