package io.safetyhub.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the real kustomize built into kubectl: the build puts a pinned kubectl at
 * {@code safetyhub.kubectl} (tools/fetch-kubectl.sh), so what the test checks is exactly what
 * {@code kubectl apply -k} would send.
 */
final class Kustomize {
    private final Path kubectl;

    private Kustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    static Kustomize fromBuild() {
        String configured = System.getProperty("safetyhub.kubectl");
        if (configured == null) {
            throw new IllegalStateException("safetyhub.kubectl is not set: run the test through Maven (./mvnw -pl k8s verify), "
                    + "which fetches the pinned kubectl first");
        }
        Path path = Path.of(configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is not an executable kubectl: the fetch-kubectl step did not run");
        }
        return new Kustomize(path);
    }

    /** The rendered multi-document YAML; a kustomize error (a missing file, a bad patch) fails with its message. */
    String build(Path kustomization) {
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
                    .redirectError(stderr.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kustomize did not finish rendering " + kustomization);
            }
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kustomize failed on " + kustomization + ": " + errors);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + kustomization, e);
        }
    }
}
