package dz.libertaphonix.scheduler.runs.runner;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The timer that beats for running jobs. Two daemon threads, created on the first run (not at a cold
 * start); a beat is a few milliseconds of Redis and SQL, so several jobs share them.
 */
@ApplicationScoped
public class Heartbeats {

    private volatile ScheduledExecutorService timer;

    /** A started heartbeat; closing it stops the beats (an in-flight beat may still finish). */
    public interface Beat extends AutoCloseable {
        @Override
        void close();
    }

    public Beat start(Runnable beat, Duration interval) {
        long millis = Math.max(1, interval.toMillis());
        ScheduledFuture<?> future = timer().scheduleAtFixedRate(beat, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService current = timer;
        if (current == null) {
            synchronized (this) {
                if (timer == null) {
                    AtomicInteger threads = new AtomicInteger();
                    timer = Executors.newScheduledThreadPool(2, runnable -> {
                        Thread thread = new Thread(runnable, "job-heartbeat-" + threads.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = timer;
            }
        }
        return current;
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
