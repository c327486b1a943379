package com.loyaltysuite.faults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The processes a scenario started, by name, each logging to {@code <name>.log} in the scenario's
 * directory. Kill means {@code kill -9} (no shutdown hook, no clean close); stop means SIGTERM.
 * Only processes started here are ever signalled.
 */
final class Processes implements AutoCloseable {

    private final Path directory;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();

    Processes(Path directory) {
        this.directory = directory;
    }

    synchronized void start(String name, List<String> command) throws IOException {
        File log = directory.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        running.put(name, process);
        commands.put(name, command);
    }

    /** Starts {@code name} again with the command it was first started with. */
    void restart(String name) throws IOException {
        List<String> command;
        synchronized (this) {
            command = commands.get(name);
        }
        start(name, command);
    }

    /** {@code kill -9}: the process gets no chance to commit, flush or leave its group. */
    void kill(String name) throws InterruptedException {
        Process process;
        synchronized (this) {
            process = running.remove(name);
        }
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    void stop(String name) throws InterruptedException {
        Process process;
        synchronized (this) {
            process = running.remove(name);
        }
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    synchronized boolean alive(String name) {
        Process process = running.get(name);
        return process != null && process.isAlive();
    }

    Path log(String name) {
        return directory.resolve(name + ".log");
    }

    @Override
    public void close() throws InterruptedException {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(running.keySet());
        }
        Collections.reverse(names);
        for (String name : names) {
            stop(name);
        }
    }
}
