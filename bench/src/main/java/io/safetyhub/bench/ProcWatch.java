package io.safetyhub.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples the processes once a second from the start of a window until it is closed (after the drain) and keeps,
 * per name, the first sample, the sample at the end of the load ({@link #loadEnded()}) and the last: cores are
 * averaged over the load, CPU seconds summed until the drain is over. A process that exits before the window ends
 * (the load generator) is still measured over the part it lived, and one restarted by a drill is measured from its
 * new start (a changed pid starts it afresh).
 */
public final class ProcWatch implements AutoCloseable {
    private record Timed(ProcSampler.Sample sample, long nanos) {
    }

    private final Supplier<Map<String, Long>> pids;
    private final Map<String, Timed> first = new LinkedHashMap<>();
    private final Map<String, Timed> atLoadEnd = new LinkedHashMap<>();
    private final Map<String, Timed> last = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean loadOver;

    public ProcWatch(Supplier<Map<String, Long>> pids) {
        this.pids = pids;
        sampleOnce();
        this.thread = new Thread(this::loop, "proc-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            sampleOnce();
        }
    }

    private synchronized void sampleOnce() {
        long now = System.nanoTime();
        ProcSampler.sample(pids.get()).forEach((name, s) -> {
            Timed f = first.get(name);
            if (f == null || f.sample().pid() != s.pid()) {
                first.put(name, new Timed(s, now));
            }
            last.put(name, new Timed(s, now));
            if (!loadOver) {
                atLoadEnd.put(name, new Timed(s, now));
            }
            peakRssKb.merge(name, s.rssKb(), Math::max);
        });
    }

    /** The load has stopped: cores are averaged up to here; CPU seconds go on being counted through the drain. */
    public synchronized void loadEnded() {
        sampleOnce();
        loadOver = true;
    }

    /** Average cores over the load, RSS at the last sample, the highest RSS seen, CPU seconds up to the last sample. */
    public synchronized List<ProcSampler.Usage> usage() {
        List<ProcSampler.Usage> out = new ArrayList<>();
        last.forEach((name, l) -> {
            Timed f = first.get(name);
            Timed e = atLoadEnd.getOrDefault(name, l);
            if (e.sample().pid() != f.sample().pid()) {
                e = l; // restarted after the load: measured from its new start
            }
            double seconds = (e.nanos() - f.nanos()) / 1e9;
            double cores = seconds < 0.5 ? 0 : (e.sample().cpuSeconds() - f.sample().cpuSeconds()) / seconds;
            double cpu = l.sample().cpuSeconds() - f.sample().cpuSeconds();
            double jit = l.sample().jitSeconds() - f.sample().jitSeconds();
            double gc = l.sample().gcSeconds() - f.sample().gcSeconds();
            out.add(new ProcSampler.Usage(name, l.sample().pid(), Math.round(cores * 100) / 100.0,
                    l.sample().rssKb() / 1024, peakRssKb.get(name) / 1024, Math.round(cpu * 100) / 100.0,
                    Math.round(jit * 100) / 100.0, Math.round(gc * 100) / 100.0));
        });
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        sampleOnce();
    }
}
