package com.loyaltysuite.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local suite in its own process, started with the command {@code run-local.sh} uses: its output
 * goes to a log file, its ready banner gives the Kafka address, and {@link #close()} stops it (and
 * anything it started) the way Ctrl-C would, by force only if it does not stop in time.
 */
final class SuiteProcess implements AutoCloseable {

    static final String READY = "Loyalty suite is ready";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern BOOTSTRAP = Pattern.compile("Kafka bootstrap\\s+(\\S+)");

    private final Process process;
    private final String bootstrap;
    private final Path log;

    private SuiteProcess(Process process, String bootstrap, Path log) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.log = log;
    }

    /** Starts {@code command} and waits for the ready banner. */
    static SuiteProcess start(List<String> command, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copy(process, log, ready), "suite-log");
        copier.setDaemon(true);
        copier.start();
        SuiteProcess suite;
        try {
            String bootstrap = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            suite = new SuiteProcess(process, bootstrap, log);
        } catch (java.util.concurrent.ExecutionException e) {
            stop(process);
            throw new IllegalStateException("The suite did not start: " + e.getCause().getMessage() + " (see " + log + ")");
        } catch (TimeoutException e) {
            stop(process);
            throw new TimeoutException("The suite was not ready within " + timeout + " (see " + log + ")");
        }
        return suite;
    }

    /** Parses the Kafka address from a line of the ready banner, or null. */
    static String bootstrapIn(String line) {
        Matcher matcher = BOOTSTRAP.matcher(line);
        return matcher.find() ? matcher.group(1) : null;
    }

    String bootstrap() {
        return bootstrap;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (!stop(process)) {
            System.out.println("The suite did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM and was killed");
        }
    }

    private static void copy(Process process, Path log, CompletableFuture<String> ready) {
        boolean bannerSeen = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                bannerSeen |= line.contains(READY);
                String bootstrap = bannerSeen && !ready.isDone() ? bootstrapIn(line) : null;
                if (bootstrap != null) {
                    ready.complete(bootstrap);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("it exited with status " + exitValue(process)));
    }

    private static String exitValue(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * SIGTERM (the suite's shutdown hook stops services and broker), then force if it takes too long.
     * Returns whether it stopped by itself.
     */
    private static boolean stop(Process process) {
        if (!process.isAlive()) {
            return true;
        }
        boolean clean = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                clean = false;
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            clean = false;
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        return clean;
    }
}
