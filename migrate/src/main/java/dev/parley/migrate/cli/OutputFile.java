package dev.parley.migrate.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a command's output file whole or not at all: into a temporary file beside it, moved over the target
 * once complete. A failed export leaves an earlier file of that name as it was, and never a truncated one.
 *
 * <p>The file is readable by its owner only (the temporary file's permissions on POSIX systems): exports and
 * backups hold commenters' e-mail and IP addresses.
 *
 * <p>Stateless and thread-safe.
 */
final class OutputFile {

    private static final int BUFFER = 65_536;

    private OutputFile() {
    }

    /**
     * Writes a file.
     *
     * @param target the file to write
     * @param gzip true to compress what {@code body} writes with gzip
     * @param body writes the content; it need not close the stream
     * @param <T> what {@code body} returns
     * @return what {@code body} returned
     * @throws CommandFailure if the file cannot be written; the target is unchanged then
     */
    static <T> T write(Path target, boolean gzip, Function<OutputStream, T> body) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new CommandFailure("cannot write " + target + ": no such directory " + directory);
        }
        Path partial;
        try {
            partial = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new CommandFailure("cannot write in " + directory + ": " + e.getMessage(), e);
        }
        boolean moved = false;
        try {
            T result;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), BUFFER)) {
                if (gzip) {
                    try (GZIPOutputStream compressed = new GZIPOutputStream(file, BUFFER)) {
                        result = body.apply(compressed);
                        compressed.finish();
                    }
                } else {
                    result = body.apply(file);
                }
            }
            move(partial, absolute);
            moved = true;
            return result;
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + target + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new CommandFailure("cannot write " + target + ": " + e.getCause().getMessage(), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // The partial file stays behind, named as such; the command's own failure is what matters.
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
