package com.loyaltysuite.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and memory of a process and all its descendants, read from Linux's /proc: utime + stime of
 * each live process plus cutime + cstime (children that already ended); memory as the sum of each
 * process's proportional set size (PSS: shared pages, such as PostgreSQL's shared buffers, counted
 * once across the group rather than once per backend), or of VmRSS where PSS cannot be read; and
 * the root process's own peak (VmHWM).
 */
final class ProcessProbe {

    /** A group's totals at one instant. */
    record Reading(double cpuSeconds, long memoryKb, long rootHwmKb, int processes) {}

    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private final String name;
    private final long rootPid;
    private final boolean withDescendants;

    ProcessProbe(String name, long rootPid, boolean withDescendants) {
        this.name = name;
        this.rootPid = rootPid;
        this.withDescendants = withDescendants;
    }

    String name() {
        return name;
    }

    long rootPid() {
        return rootPid;
    }

    static boolean supported() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /** The parent of a process, or -1. */
    static long parentOf(long pid) {
        String[] stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    Reading read() {
        List<Long> pids = withDescendants ? withDescendants(rootPid) : List.of(rootPid);
        long ticks = 0;
        long rss = 0;
        int alive = 0;
        for (long pid : pids) {
            String[] stat = stat(pid);
            if (stat == null) {
                continue;
            }
            alive++;
            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                    + Long.parseLong(stat[14]);
            rss += memoryKb(pid);
        }
        return new Reading(ticks / TICKS_PER_SECOND, rss, status(rootPid, "VmHWM:"), alive);
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime ... */
    private static String[] stat(long pid) {
        try {
            String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long memoryKb(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no PSS here: resident size instead
        }
        return status(pid, "VmRSS:");
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
        return 0;
    }

    private static List<Long> withDescendants(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String[] stat = stat(pid);
                if (stat != null) {
                    children.computeIfAbsent(Long.parseLong(stat[1]), k -> new ArrayList<>()).add(pid);
                }
            }
        } catch (IOException e) {
            return List.of(root);
        }
        List<Long> all = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            all.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return all;
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
