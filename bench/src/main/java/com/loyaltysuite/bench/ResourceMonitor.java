package com.loyaltysuite.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the processes under test every second (peak memory of each group, as the sum over its
 * processes at one instant) and takes CPU readings when asked.
 */
final class ResourceMonitor implements AutoCloseable {

    private final List<ProcessProbe> probes;
    private final Map<String, Long> peakMemoryKb = new ConcurrentHashMap<>();
    private final Map<String, Integer> processes = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ResourceMonitor(List<ProcessProbe> probes) {
        this.probes = List.copyOf(probes);
        this.thread = new Thread(this::run, "bench-resources");
        thread.setDaemon(true);
        thread.start();
    }

    List<ProcessProbe> probes() {
        return probes;
    }

    /** CPU seconds used so far by each group. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (ProcessProbe probe : probes) {
            cpu.put(probe.name(), probe.read().cpuSeconds());
        }
        return cpu;
    }

    Map<String, Long> peakMemoryKb() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        probes.forEach(p -> peaks.put(p.name(), peakMemoryKb.getOrDefault(p.name(), 0L)));
        return peaks;
    }

    /** VmHWM of each group's root process (the kernel's own peak of that one process). */
    Map<String, Long> rootHwmKb() {
        Map<String, Long> hwm = new LinkedHashMap<>();
        probes.forEach(p -> hwm.put(p.name(), p.read().rootHwmKb()));
        return hwm;
    }

    Map<String, Integer> processes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        probes.forEach(p -> counts.put(p.name(), processes.getOrDefault(p.name(), 0)));
        return counts;
    }

    private void run() {
        while (running) {
            for (ProcessProbe probe : probes) {
                ProcessProbe.Reading reading = probe.read();
                peakMemoryKb.merge(probe.name(), reading.memoryKb(), Math::max);
                processes.merge(probe.name(), reading.processes(), Math::max);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
