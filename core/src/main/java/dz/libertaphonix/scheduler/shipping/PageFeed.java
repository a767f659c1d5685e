package dz.libertaphonix.scheduler.shipping;

import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.CREDENTIALS_REJECTED;
import static dz.libertaphonix.scheduler.shipping.ShippingStatusSync.DEADLINE;

import dz.libertaphonix.scheduler.maystro.CourierCredentialsRejectedException;
import dz.libertaphonix.scheduler.maystro.MaystroPage;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The walk's page feed: keeps {@code width} pages in flight. Every finished request starts the next
 * one from its own thread, so a busy writer never leaves a slot idle; the pages held for in-order
 * application stay within a window of twice the width, which bounds memory while an early page is
 * retried.
 *
 * <p>Page 1 goes alone: its {@code count} says how many pages the list has, so the walk asks for
 * those and no more (a short list would otherwise cost a full width of "Invalid page" answers). A
 * later page's larger count (parcels created during the walk) extends the walk; a 404 or a page
 * without {@code next} still ends it whatever the count said. Without a count, or when page 1
 * failed, the walk keeps its width and relies on those ends alone.
 */
final class PageFeed {

    /** Parcels per list page: Maystro's fixed 20. */
    static final int PAGE_SIZE = 20;

    private final AccountRun run;
    private final int width;
    private final int cap;
    private final BlockingQueue<PageOutcome> done = new LinkedBlockingQueue<>();
    private final ExecutorService pool;
    private int nextPage = 1;
    /** The end Maystro showed: the page before an "Invalid page", or one without {@code next}. */
    private int lastPage = Integer.MAX_VALUE;
    /** The pages Maystro's {@code count} adds up to, once a page carried it. */
    private int countedPages = Integer.MAX_VALUE;

    private int pageSize = PAGE_SIZE;
    private boolean firstPageAnswered;
    private int nextToApply = 1;
    private int inFlight;
    private boolean closed;

    PageFeed(AccountRun run, int width, int cap) {
        this.run = run;
        this.width = width;
        this.cap = cap;
        this.pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("maystro-" + run.name() + "-", 0).factory());
    }

    /** Starts as many pages as the width, the window, the list's end and the stop allow. */
    synchronized void fill() {
        while (!closed
                && !run.stopped()
                && inFlight < width
                && nextPage <= (firstPageAnswered ? pagesKnown() : 1)
                && nextPage < nextToApply + 2 * width) {
            if (run.turn.context().deadlineReached()) {
                run.stop(DEADLINE);
                return;
            }
            int number = nextPage++;
            inFlight++;
            pool.execute(() -> arrive(fetch(number)));
        }
    }

    private PageOutcome fetch(int number) {
        try {
            Optional<MaystroPage> page = run.session.page(number);
            return new PageOutcome(number, page.orElse(null), page.isEmpty(), null);
        } catch (RuntimeException | Error e) {
            return new PageOutcome(number, null, false, e);
        }
    }

    private void arrive(PageOutcome outcome) {
        synchronized (this) {
            if (outcome.number() == 1) {
                firstPageAnswered = true;
            }
            if (outcome.page() != null) {
                counted(outcome.page());
            }
            if (outcome.pastEnd()) {
                // no page from here on exists: stop asking for them at once
                lastPage = Math.min(lastPage, outcome.number() - 1);
            }
            if (outcome.failure() instanceof CourierCredentialsRejectedException) {
                run.stop(CREDENTIALS_REJECTED);
            }
            // queued before the count drops, so "nothing in flight, nothing queued" means done
            done.add(outcome);
            inFlight--;
        }
        fill();
    }

    synchronized boolean drained() {
        return inFlight == 0 && done.isEmpty();
    }

    PageOutcome next() {
        return AccountRun.take(done);
    }

    void applied(int next) {
        synchronized (this) {
            nextToApply = next;
        }
        fill();
    }

    synchronized void lastPage(int number) {
        lastPage = Math.min(lastPage, number);
    }

    /** The list's last page as far as the walk knows: the end Maystro showed, or its count. */
    synchronized int lastPage() {
        return Math.min(lastPage, countedPages);
    }

    /** The pages the walk may read: up to the list's known end, never past the cap. */
    synchronized int pagesKnown() {
        return Math.min(lastPage(), cap);
    }

    private void counted(MaystroPage page) {
        int items = page.parcels().size() + page.unreadable();
        if (page.number() == 1 && !page.last() && items > 0) {
            // a full first page is the page size, should Maystro ever change its fixed 20
            pageSize = items;
        }
        if (page.count() == null) {
            return;
        }
        long pages = Math.max(page.number(), Math.ceilDiv(page.count(), (long) pageSize));
        int known = (int) Math.min(Integer.MAX_VALUE - 1, pages);
        countedPages = countedPages == Integer.MAX_VALUE ? known : Math.max(countedPages, known);
    }

    synchronized void close() {
        closed = true;
        pool.shutdownNow();
    }
}
