package org.minsheng.seed;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.config.MinshengConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports a bundle sent over the API: unpacked within the limits ({@link UploadedBundle}), then the
 * same reader, the same checks ({@code file:line: reason}) and the same all-or-nothing transaction
 * as the seed import at start, with the importer named in a revision of every row it writes. The
 * import owns the sources the bundle declares ({@link SeedWriter.Scope}). A dry run plans and counts
 * and writes nothing.
 */
@ApplicationScoped
public class BundleImports {

    @Inject
    SeedWriter writer;

    @Inject
    MinshengConfig config;

    @Inject
    jakarta.transaction.UserTransaction transactions;

    /** What an import asks: whether to write, what it may delete, and who asks. */
    public record Request(boolean dryRun, SeedWriter.Scope scope, SeedWriter.Importer importer) {
    }

    /** A bundle read and checked, ready to write, with the files it received but does not use. */
    public record Checked(SeedBundle bundle, List<String> ignored) {
    }

    /** What an import did, or would do. */
    public record Report(boolean dryRun, SeedWriter.Scope scope, String checksum, ImportResult.Changes changes,
            ImportResult.Changes observationChanges, List<ImportResult.Deletion> deletions, List<String> ignored) {
    }

    /** How long one import may take to write, before its transaction is rolled back. */
    private static final int TIMEOUT_SECONDS = 3600;

    /** Reads, checks and writes the bundle made of {@code parts}. */
    public Report importParts(List<UploadedBundle.Part> parts, Request request) {
        return write(read(parts), request);
    }

    /**
     * The bundle made of {@code parts} (a single {@code .zip} is unpacked), read and checked:
     * {@link BundleRejectedException} when any file has a problem, LIMIT_EXCEEDED over the limits.
     */
    public Checked read(List<UploadedBundle.Part> parts) {
        MinshengConfig.Limits limits = config.limits();
        try (UploadedBundle upload = UploadedBundle.unpack(parts,
                new UploadedBundle.Limits(limits.importFiles(), limits.importBytes()))) {
            SeedBundle bundle = BundleReader.read(upload.location(), limits.importRows());
            return new Checked(bundle, upload.files().stream().filter(f -> !bundle.files().contains(f)).toList());
        }
    }

    /** Writes a checked bundle in one transaction (rolled back for a dry run), for up to an hour. */
    public Report write(Checked checked, Request request) {
        SeedWriter.Options options = new SeedWriter.Options(true, request.dryRun(), request.scope(), request.importer());
        if (request.dryRun()) {
            return report(request, checked, rolledBack(() -> writer.write(checked.bundle(), options)));
        }
        ImportResult result = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                .call(() -> writer.write(checked.bundle(), options));
        return report(request, checked, result);
    }

    /** {@code work} in a transaction that is then rolled back, whatever it did. */
    private ImportResult rolledBack(java.util.function.Supplier<ImportResult> work) {
        try {
            transactions.setTransactionTimeout(TIMEOUT_SECONDS);
            transactions.begin();
            try {
                return work.get();
            } finally {
                transactions.rollback();
                transactions.setTransactionTimeout(0);
            }
        } catch (jakarta.transaction.NotSupportedException | jakarta.transaction.SystemException e) {
            throw new IllegalStateException("cannot run a dry run's transaction", e);
        }
    }

    private static Report report(Request request, Checked checked, ImportResult result) {
        return new Report(request.dryRun(), request.scope(), result.checksum(), result.changes(),
                result.observationChanges(), result.deletions(), checked.ignored());
    }
}
