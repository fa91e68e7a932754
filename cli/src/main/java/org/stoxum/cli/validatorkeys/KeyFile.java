package org.stoxum.cli.validatorkeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.stoxum.codec.CodecException;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.crypto.KeyPair;
import org.stoxum.codec.crypto.KeyType;

/**
 * The validator-keys JSON file: {@code key_type}, {@code public_key}, {@code revoked}, {@code secret_key},
 * {@code token_sequence}, laid out as the validator-keys tool writes it (rippled's styled JSON: members in
 * name order, three-space indent, {@code " : "}).
 *
 * <p>Keys are base58 node keys in the chosen profile's alphabet. The file holds the master secret, so it is
 * created readable by its owner only (0600, directories made for it 0700) and replaced atomically, so an
 * interrupted write never leaves a half-written key file behind. Reading needs {@code key_type},
 * {@code secret_key}, {@code token_sequence} and {@code revoked}; {@code public_key} is derived again.
 */
final class KeyFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REQUIRED = {"key_type", "secret_key", "token_sequence", "revoked"};
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

    private KeyFile() {
    }

    /** Reads keys, with the tool's messages for each way a file can be wrong. */
    static ValidatorKeys read(Path file, NetworkProfile profile) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ToolException("Failed to open key file: " + file);
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new ToolException("Unable to parse json key file: " + file);
        }
        for (String field : REQUIRED) {
            if (!json.has(field)) {
                throw new ToolException("Key file '" + file + "' is missing \"" + field + "\" field");
            }
        }
        JsonNode type = json.get("key_type");
        KeyType keyType = Optional.of(type).filter(JsonNode::isTextual).flatMap(t -> KeyType.fromName(t.asText()))
                .orElseThrow(() -> invalid(file, "key_type", type));
        KeyPair master = secret(file, json.get("secret_key"), keyType, profile);
        JsonNode seq = json.get("token_sequence");
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 0
                || seq.longValue() > 0xFFFF_FFFFL) {
            throw invalid(file, "token_sequence", seq);
        }
        JsonNode revoked = json.get("revoked");
        if (!revoked.isBoolean()) {
            throw invalid(file, "revoked", revoked);
        }
        return new ValidatorKeys(master, seq.longValue(), revoked.booleanValue());
    }

    private static KeyPair secret(Path file, JsonNode value, KeyType keyType, NetworkProfile profile) {
        if (value.isTextual()) {
            try {
                return KeyPair.fromBase58Secret(TokenType.NODE_PRIVATE, value.asText(), keyType, profile);
            } catch (CodecException e) {
                for (NetworkProfile other : NetworkProfile.values()) {
                    if (other != profile && readsIn(value.asText(), keyType, other)) {
                        throw new ToolException(invalid(file, "secret_key", value).getMessage()
                                + " (it is in the " + other.configName() + " alphabet: add --profile "
                                + other.configName() + ")");
                    }
                }
            }
        }
        throw invalid(file, "secret_key", value);
    }

    private static boolean readsIn(String token, KeyType keyType, NetworkProfile profile) {
        try {
            KeyPair.fromBase58Secret(TokenType.NODE_PRIVATE, token, keyType, profile);
            return true;
        } catch (CodecException e) {
            return false;
        }
    }

    private static ToolException invalid(Path file, String field, JsonNode value) {
        return new ToolException("Key file '" + file + "' contains invalid \"" + field + "\" field: " + value);
    }

    /** The file's text. */
    static String format(ValidatorKeys keys, NetworkProfile profile) {
        KeyPair master = keys.master();
        return "{\n"
                + "   \"key_type\" : \"" + master.type().apiName() + "\",\n"
                + "   \"public_key\" : \"" + master.publicKey().toBase58(TokenType.NODE_PUBLIC, profile) + "\",\n"
                + "   \"revoked\" : " + keys.revoked() + ",\n"
                + "   \"secret_key\" : \"" + master.secretToBase58(TokenType.NODE_PRIVATE, profile) + "\",\n"
                + "   \"token_sequence\" : " + keys.tokenSequence() + "\n"
                + "}\n";
    }

    /** Writes a new key file; never replaces one, even one that appears while this runs. */
    static void create(Path file, ValidatorKeys keys, NetworkProfile profile) {
        if (Files.exists(file)) {
            throw refuse(file);
        }
        makeParent(file);
        byte[] text = format(keys, profile).getBytes(StandardCharsets.UTF_8);
        try (SeekableByteChannel ch = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(FILE_MODE))) {
            ch.write(ByteBuffer.wrap(text));
        } catch (FileAlreadyExistsException e) {
            throw refuse(file);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new ToolException("Cannot open key file: " + file, e);
        }
    }

    /** Replaces the key file with the keys' current state, atomically. */
    static void update(Path file, ValidatorKeys keys, NetworkProfile profile) {
        if (Files.isDirectory(file)) {
            throw new ToolException("Cannot open key file: " + file);
        }
        makeParent(file);
        Path temp;
        try {
            temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".validator-keys", ".tmp",
                    ownerOnly(FILE_MODE));
        } catch (IOException e) {
            throw new ToolException("Cannot open key file: " + file, e);
        }
        try {
            Files.write(temp, format(keys, profile).getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ToolException("Cannot open key file: " + file, e);
        }
    }

    private static ToolException refuse(Path file) {
        return new ToolException("Refusing to overwrite existing key file: " + file);
    }

    private static void makeParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent, ownerOnly(DIR_MODE));
        } catch (IOException e) {
            Path shown = file.getParent() != null ? file.getParent() : parent;
            throw new ToolException("Cannot create directory: " + shown);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do; the message about the failed write follows
        }
    }

    /** The owner-only mode as a creation attribute where the file system has POSIX modes, else nothing. */
    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> mode) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }
}
