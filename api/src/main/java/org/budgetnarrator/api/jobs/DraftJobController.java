package org.budgetnarrator.api.jobs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.budgetnarrator.model.store.DraftJobStore;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of a bulk drafting job as one .zip, streamed: files are read from the database one at a time
 * while the archive is sent, so a job of ten thousand reports does not sit in memory.
 */
@Controller("/drafts/jobs")
public class DraftJobController {

    private static final Logger LOG = LoggerFactory.getLogger(DraftJobController.class);

    private final DraftJobStore store;
    private final ExecutorService executor;

    public DraftJobController(DraftJobStore store, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.store = store;
        this.executor = executor;
    }

    @Get("/{id}/files.zip")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> files(long id, @Nullable Authentication authentication) throws IOException {
        Access.admin(Caller.of(authentication));
        if (store.job(id).isEmpty()) {
            return HttpResponse.notFound(Map.of("message", "no drafting job " + id));
        }
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        executor.execute(() -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                store.files(id, (name, content) -> {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(content);
                    zip.closeEntry();
                });
            } catch (IOException | RuntimeException e) {
                // The client went away, or the database did: the archive stays incomplete and the client sees the break.
                LOG.warn("download of drafting job {} stopped: {}", id, e.toString());
            }
        });
        return HttpResponse.ok(new StreamedFile(in, MediaType.of("application/zip")).attach("draft-job-" + id + ".zip"));
    }
}
