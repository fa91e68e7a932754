package org.stoxum.cli.validatorkeys;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.base58.TokenType;
import org.stoxum.codec.manifest.ConfigLines;
import org.stoxum.codec.manifest.Manifest;
import org.stoxum.codec.manifest.ValidatorToken;

/**
 * The four commands of the validator-keys tool, printing what the 2018 tool prints (with the server's name
 * in the profile's spelling: {@code stoxumd.cfg}, or {@code rippled.cfg} for the ripple profile).
 */
final class ValidatorKeysTool {
    private final Path keyFile;
    private final NetworkProfile profile;
    private final PrintStream out;

    ValidatorKeysTool(Path keyFile, NetworkProfile profile, PrintStream out) {
        this.keyFile = keyFile;
        this.profile = profile;
        this.out = out;
    }

    /** {@code create_keys}: a new key file, never over an existing one. */
    void createKeys() {
        KeyFile.create(keyFile, ValidatorKeys.generate(), profile);
        out.print("Validator keys stored in " + keyFile + "\n\nThis file should be stored securely and not shared.\n\n");
    }

    /** {@code create_token}: the next token, after the key file records its sequence. */
    void createToken() {
        ValidatorKeys keys = KeyFile.read(keyFile, profile);
        if (keys.revoked()) {
            throw new ToolException("Validator keys have been revoked.");
        }
        ValidatorToken token = keys.createToken().orElseThrow(() -> new ToolException(
                "Maximum number of tokens have already been generated.\n"
                        + "Revoke validator keys if previous token has been compromised."));
        KeyFile.update(keyFile, keys, profile);
        printSection(keys, "validator_token", token.configLines());
    }

    /** {@code revoke_keys}: marks the keys revoked and prints the revocation. */
    void revokeKeys() {
        ValidatorKeys keys = KeyFile.read(keyFile, profile);
        out.print(keys.revoked() ? "WARNING: Validator keys have already been revoked!\n\n"
                : "WARNING: This will revoke your validator keys!\n\n");
        Manifest revocation = keys.revoke();
        KeyFile.update(keyFile, keys, profile);
        printSection(keys, "validator_key_revocation", ConfigLines.wrap(revocation.toBase64()));
    }

    /** {@code sign <data>}: the master key's signature of the string's UTF-8 bytes, in hex. */
    void sign(String data) {
        if (data.isEmpty()) {
            throw new ToolException("Syntax error: Must specify data string to sign");
        }
        ValidatorKeys keys = KeyFile.read(keyFile, profile);
        if (keys.revoked()) {
            out.print("WARNING: Validator keys have been revoked!\n\n");
        }
        out.print(keys.sign(data.getBytes(StandardCharsets.UTF_8)) + "\n\n");
    }

    private void printSection(ValidatorKeys keys, String section, List<String> lines) {
        String server = serverName(profile);
        StringBuilder b = new StringBuilder()
                .append("Update ").append(server).append(".cfg file with these values and restart ").append(server)
                .append(":\n\n")
                .append("# validator public key: ")
                .append(keys.master().publicKey().toBase58(TokenType.NODE_PUBLIC, profile)).append("\n\n")
                .append('[').append(section).append("]\n");
        for (String line : lines) {
            b.append(line).append('\n');
        }
        out.print(b.append('\n'));
    }

    static String serverName(NetworkProfile profile) {
        return switch (profile) {
            case STOXUM -> "stoxumd";
            case RIPPLE -> "rippled";
        };
    }
}
