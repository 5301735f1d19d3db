package org.budgetnarrator.api.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.export.DraftJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This server instance's drafting worker. It starts at once on a new job and, every poll interval, looks for
 * unfinished jobs: those of a restarted instance, or of another instance it can help. One loop at a time per
 * instance; instances share jobs through the database's claims.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
@Requires(property = "narrator.jobs.background", notEquals = "false")
public class DraftJobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DraftJobWorker.class);

    private final DraftJobs jobs;
    private final ExecutorService executor;
    private final String id;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public DraftJobWorker(DraftJobs jobs, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.jobs = jobs;
        this.executor = executor;
        this.id = host() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    /** Work on unfinished jobs now, in the background. */
    public void kick() {
        again.set(true);
        if (busy.compareAndSet(false, true)) {
            executor.execute(this::loop);
        }
    }

    @Scheduled(fixedDelay = "${narrator.jobs.poll:15s}", initialDelay = "${narrator.jobs.poll:15s}")
    void poll() {
        kick();
    }

    private void loop() {
        try {
            while (again.getAndSet(false)) {
                try {
                    jobs.workAll(id);
                } catch (RuntimeException e) {
                    // The database may be unreachable for a while; the next poll tries again.
                    LOG.warn("drafting worker {}: {}", id, e.toString());
                }
            }
        } finally {
            busy.set(false);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "worker";
        }
    }
}
