package dz.libertaphonix.scheduler.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a job's per-store work a bounded number of stores at a time, on daemon threads of the run's
 * own, and returns the results in the stores' order. The work keeps every exception of a store inside
 * that store's result; only an {@link Error} (the process is in trouble) gets out, and it is not hidden.
 */
public final class StoresInParallel {

    private StoresInParallel() {}

    /**
     * @param threadName the threads' name prefix ({@code ecomanager-import})
     * @param activity what the work does, for the error of an interrupted run ({@code importing stores})
     * @param unit the work of one store, for the error of an escaped failure ({@code store import})
     */
    public static <S, R> List<R> map(
            List<S> stores, int parallelism, String threadName, String activity, String unit, Function<S, R> work) {
        int threadsWanted = Math.max(1, Math.min(parallelism, stores.size()));
        if (threadsWanted == 1) {
            return stores.stream().map(work).toList();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threadsWanted, task -> {
            Thread thread = new Thread(task, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (S store : stores) {
                futures.add(pool.submit(() -> work.apply(store)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(unit + " failed outside its own isolation", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
