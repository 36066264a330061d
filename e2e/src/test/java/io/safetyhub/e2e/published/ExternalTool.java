package io.safetyhub.e2e.published;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool from outside the project (Redocly CLI, promtool), run as a process with a bounded wait.
 * Its standard output and error are kept apart: the tools write their findings to one and banners to the other.
 */
record ExternalTool(Path executable, String installHint) {

    /** One finished run. */
    record Run(int exitCode, String stdout, String stderr) {
        String both() {
            return (stdout + "\n" + stderr).strip();
        }
    }

    /** Fails with the install hint when the tool is not there, instead of an IOException from deep inside. */
    ExternalTool requireInstalled() {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: " + installHint);
        }
        return this;
    }

    /** Runs the tool with the given arguments, feeding {@code stdin} (may be null), and waits at most {@code timeout}. */
    Run run(List<String> arguments, String stdin, Map<String, String> environment, Duration timeout, Path workDir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "stdout-", ".txt");
        Path err = Files.createTempFile(workDir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeout);
        }
        try {
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
