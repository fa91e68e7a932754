package org.stoxum.storage.nodestore;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.SeekOp;
import org.lmdbjava.Txn;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.storage.shamap.SHAMapException;
import org.stoxum.storage.shamap.TreeWalk;

/** Whatever is at the node store's path, opening it either works or says clearly why not. */
class NodeStoreIdentityTest {
    @TempDir
    Path dir;

    private NodeStore open(Path path, NetworkProfile profile, int cache) {
        return NodeStore.open(new NodeStoreSettings(path, 1L << 30, 0, false, cache), profile);
    }

    private String failure(Path path, NetworkProfile profile) {
        return assertThrows(NodeStoreException.class, () -> open(path, profile, 16).close()).getMessage();
    }

    @Test
    void aFileWhereTheDirectoryShouldBe() throws Exception {
        Path file = dir.resolve("db");
        Files.write(file, new byte[] {1, 2, 3});
        assertTrue(failure(file, NetworkProfile.STOXUM).contains("is a file"));
    }

    @Test
    void randomBytesWhereTheDatabaseShouldBe() throws Exception {
        for (int size : new int[] {10, 1 << 16}) {
            Path db = dir.resolve("random" + size);
            Files.createDirectories(db);
            byte[] junk = new byte[size];
            new Random(size).nextBytes(junk);
            Files.write(db.resolve("data.mdb"), junk);
            String message = failure(db, NetworkProfile.STOXUM);
            assertTrue(message.contains("does not hold a readable LMDB environment"), message);
        }
    }

    @Test
    void anotherProgramsLmdbDatabase() {
        Path db = dir.resolve("foreign");
        writeRaw(db, "accounts", "alice", "100");
        assertTrue(failure(db, NetworkProfile.STOXUM).contains("another program"));

        Path withMeta = dir.resolve("foreign-meta");
        writeRaw(withMeta, "meta", "owner", "someone else");
        String message = failure(withMeta, NetworkProfile.STOXUM);
        assertTrue(message.contains("not a stoxumd node store") || message.contains("another program"), message);
    }

    @Test
    void anotherSchemaVersion() {
        Path db = dir.resolve("db");
        open(db, NetworkProfile.STOXUM, 16).close();
        writeRaw(db, "meta", "schema", new String(new byte[] {0, 0, 0, 99}, StandardCharsets.ISO_8859_1));
        String message = failure(db, NetworkProfile.STOXUM);
        assertTrue(message.contains("schema version 99") && message.contains("reads version " + NodeStore.SCHEMA_VERSION),
                message);
    }

    @Test
    void anotherNetworkProfile() {
        Path db = dir.resolve("db");
        open(db, NetworkProfile.STOXUM, 16).close();
        String message = failure(db, NetworkProfile.RIPPLE);
        assertTrue(message.contains("'stoxum'") && message.contains("'ripple'"), message);
        assertDoesNotThrow(() -> open(db, NetworkProfile.STOXUM, 16).close());
    }

    @Test
    void aDamagedNodeIsReportedNotUsed() {
        Path db = dir.resolve("db");
        LedgerChain.Ledger ledger;
        try (NodeStore store = open(db, NetworkProfile.STOXUM, 16)) {
            ledger = LedgerChain.fresh(9).next(200, 3);
            ledger.storeIn(store);
        }
        try (Env<byte[]> env = rawEnv(db)) {
            Dbi<byte[]> nodes = env.openDbi("nodes.1");
            try (Txn<byte[]> txn = env.txnWrite(); Cursor<byte[]> c = nodes.openCursor(txn)) {
                c.seek(SeekOp.MDB_FIRST);
                byte[] key = c.key();
                byte[] value = c.val();
                value[0] ^= 0x55;
                nodes.put(txn, key, value);
                c.close();
                txn.commit();
            }
        }
        try (NodeStore store = open(db, NetworkProfile.STOXUM, 0)) {
            SHAMapException e = assertThrows(SHAMapException.class, () -> {
                TreeWalk.nodes(store.stateMap(ledger.header()).root(), n -> { });
                TreeWalk.nodes(store.transactionMap(ledger.header()).root(), n -> { });
            });
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        }
    }

    @Test
    void onlyLmdbIsAcceptedAsBackend() {
        for (String ok : new String[] {"lmdb", "LMDB", " Lmdb "}) {
            assertDoesNotThrow(() -> NodeStoreSettings.checkBackend(ok));
        }
        for (String bad : new String[] {"RocksDB", "NuDB", "memory", "none", "", null}) {
            String message = assertThrows(IllegalArgumentException.class, () -> NodeStoreSettings.checkBackend(bad))
                    .getMessage();
            assertTrue(message.contains("LMDB"), message);
        }
    }

    private static Env<byte[]> rawEnv(Path db) {
        try {
            Files.createDirectories(db);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Env.create(SafeByteArrayProxy.INSTANCE).setMapSize(1L << 30).setMaxDbs(16).open(db.toFile());
    }

    private static void writeRaw(Path db, String table, String key, String value) {
        try (Env<byte[]> env = rawEnv(db)) {
            Dbi<byte[]> dbi = env.openDbi(table, DbiFlags.MDB_CREATE);
            dbi.put(key.getBytes(StandardCharsets.ISO_8859_1), value.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
