package org.stoxum.engine.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.stoxum.codec.Hex;

/**
 * The open ledger's transactions kept across a clean stop, so that what clients submitted and saw applied
 * is not lost with the process (stoxumd loses it; this server does not). One file in the node store's
 * directory: a header line, then one transaction blob in hex a line, in the order they are to be applied
 * again. It is written whole to a temporary file, synced and renamed over, so a crash leaves either the
 * old file, the new one or none, never a torn one; the next start that resumes the chain submits them
 * again and removes the file.
 */
final class OpenLedgerFile {
    private static final String NAME = "open-ledger.txs";
    private static final String HEADER = "stoxumd open ledger transactions v1";

    private final Path file;

    /** The file of the node store at {@code dir}. */
    OpenLedgerFile(Path dir) {
        this.file = dir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Replaces the file with {@code blobs}, durably; with none, removes it. */
    void save(List<byte[]> blobs) throws IOException {
        if (blobs.isEmpty()) {
            remove();
            return;
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (byte[] blob : blobs) {
            text.append(Hex.encode(blob)).append('\n');
        }
        Path temp = file.resolveSibling(NAME + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    /**
     * The saved blobs, in order.
     *
     * @throws IOException when the file cannot be read or is not one this class wrote
     */
    List<byte[]> load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a saved open ledger");
        }
        List<byte[]> blobs = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            try {
                blobs.add(Hex.decode(line));
            } catch (RuntimeException e) {
                throw new IOException(file + " holds a line that is not hex", e);
            }
        }
        return blobs;
    }

    /** Removes the file, durably. */
    void remove() throws IOException {
        if (Files.deleteIfExists(file)) {
            syncDirectory();
        }
    }

    /** Puts an unreadable file aside so that the next start does not trip over it again. */
    Path setAside() throws IOException {
        Path aside = file.resolveSibling(NAME + ".unreadable");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** Makes the rename or removal durable: a directory entry is data of its directory. */
    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for sync; the rename is still atomic there.
        }
    }
}
