package org.stoxum.engine.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;

/**
 * Gathers the trusted-validator setup from the config and the validators file, and reads node key
 * lists ({@code <base58 node public key> [comment]} per line) wherever they appear.
 */
final class ValidatorsReader {
    /** A key, then optionally whitespace and a comment, as stoxumd's validator and cluster lists read. */
    private static final Pattern KEY_LINE = Pattern.compile("\\s*([A-Za-z0-9]+)(?:\\s+(?:(.*\\S)\\s*)?)?");

    static final String VALIDATORS = "validators";
    static final String VALIDATOR_KEYS = "validator_keys";
    static final String LIST_SITES = "validator_list_sites";
    static final String LIST_KEYS = "validator_list_keys";
    static final String VALIDATORS_FILE = "validators_file";

    /** The sections a validators file may hold. */
    private static final Set<String> FILE_SECTIONS = Set.of(VALIDATORS, VALIDATOR_KEYS, LIST_SITES, LIST_KEYS);

    private ValidatorsReader() {
    }

    /** A line of a key list together with the file it came from. */
    private record Sourced(ReadContext ctx, String section, IniLine line) {
    }

    /**
     * @param ini          the config file
     * @param ctx          the config file's context
     * @param profile      the alphabet keys are written in
     * @param lookForFile  whether {@code validators.txt} beside the config is read when
     *                     {@code [validators_file]} is absent (false for the embedded defaults)
     */
    static ValidatorsConfig read(IniFile ini, ReadContext ctx, NetworkProfile profile, boolean lookForFile) {
        List<Sourced> validators = lines(ini, VALIDATORS, ctx);
        List<Sourced> validatorKeys = lines(ini, VALIDATOR_KEYS, ctx);
        List<Sourced> sites = lines(ini, LIST_SITES, ctx);
        List<Sourced> listKeys = lines(ini, LIST_KEYS, ctx);

        Optional<Path> file = validatorsFile(ini, ctx, lookForFile);
        if (file.isPresent()) {
            ReadContext fileCtx = ctx.forFile(file.get().toString());
            IniFile vf = IniFile.parse(fileCtx.source, readFile(file.get(), fileCtx));
            fileCtx.warnAll(vf.warnings());
            for (IniSection s : vf.sections()) {
                if (!FILE_SECTIONS.contains(s.name().toLowerCase(Locale.ROOT)) && !(s.name().isEmpty() && s.isEmpty())) {
                    fileCtx.warn(s.headerLine(), "section [" + s.name() + "] is not used in a validators file");
                }
            }
            if (!vf.exists(VALIDATORS) && !vf.exists(VALIDATOR_KEYS) && !vf.exists(LIST_KEYS)) {
                throw fileCtx.error(0, "a validators file must contain a [validators], [validator_keys] or "
                        + "[validator_list_keys] section");
            }
            validators.addAll(lines(vf, VALIDATORS, fileCtx));
            validatorKeys.addAll(lines(vf, VALIDATOR_KEYS, fileCtx));
            sites.addAll(lines(vf, LIST_SITES, fileCtx));
            listKeys.addAll(lines(vf, LIST_KEYS, fileCtx));
        }
        validators.addAll(validatorKeys);

        Map<String, NodeKeyEntry> trusted = new LinkedHashMap<>();
        for (Sourced s : validators) {
            NodeKeyEntry e = nodeKey(s.ctx, s.line, "[" + s.section + "]", profile);
            if (trusted.putIfAbsent(Hex.encode(e.publicKey()), e) != null) {
                s.ctx.warn(s.line.number(), "validator key " + e.token() + " is listed more than once");
            }
        }
        List<URI> siteUris = new ArrayList<>();
        for (Sourced s : sites) {
            siteUris.add(site(s.ctx, s.line));
        }
        Map<String, String> publishers = new LinkedHashMap<>();
        for (Sourced s : listKeys) {
            byte[] key = KeyTokens.hexPublic(s.line.text()).orElseThrow(() -> s.ctx.error(s.line.number(),
                    "[validator_list_keys]: expected a 33-byte public key in hex (66 digits, ED... for ed25519), got '"
                            + s.line.text() + "'"));
            if (publishers.putIfAbsent(Hex.encode(key), s.line.text()) != null) {
                s.ctx.warn(s.line.number(), "publisher key " + s.line.text() + " is listed more than once");
            }
        }
        if (!siteUris.isEmpty() && publishers.isEmpty()) {
            throw ctx.error(ini.section(LIST_SITES).map(IniSection::headerLine).orElse(0),
                    "[validator_list_sites] needs [validator_list_keys]: the keys that sign the sites' lists");
        }
        return new ValidatorsConfig(List.copyOf(trusted.values()), siteUris, List.copyOf(publishers.keySet()), file);
    }

    private static List<Sourced> lines(IniFile ini, String section, ReadContext ctx) {
        List<Sourced> out = new ArrayList<>();
        ini.section(section).ifPresent(s -> s.lines().forEach(l -> out.add(new Sourced(ctx, section, l))));
        return out;
    }

    private static Optional<Path> validatorsFile(IniFile ini, ReadContext ctx, boolean lookForDefault) {
        Optional<IniLine> named = NodeConfigLoader.single(ini, VALIDATORS_FILE, ctx);
        if (named.isPresent()) {
            IniLine l = named.get();
            Path p = ctx.path(l.number(), "[validators_file]", l.text());
            if (!Files.exists(p)) {
                throw ctx.error(l.number(), "[validators_file]: the file does not exist: " + p);
            }
            if (!Files.isRegularFile(p)) {
                throw ctx.error(l.number(), "[validators_file]: not a regular file: " + p);
            }
            return Optional.of(p);
        }
        if (!lookForDefault) {
            return Optional.empty();
        }
        Path p = ctx.baseDir.resolve(ValidatorsConfig.DEFAULT_FILE_NAME);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static String readFile(Path file, ReadContext ctx) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(ctx.source, 0, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** One {@code <node public key> [comment]} line. */
    static NodeKeyEntry nodeKey(ReadContext ctx, IniLine line, String what, NetworkProfile profile) {
        Matcher m = KEY_LINE.matcher(line.text());
        if (!m.matches()) {
            throw ctx.error(line.number(), what + ": expected '<node public key> [comment]', got '" + line.text() + "'");
        }
        String token = m.group(1);
        byte[] key = KeyTokens.nodePublic(profile, token).orElseThrow(() -> ctx.error(line.number(),
                what + ": '" + token + "' is not a node public key in the " + profile.configName()
                        + " alphabet (base58, starting with " + expectedStart(profile) + ")"));
        return new NodeKeyEntry(key, token, m.group(2) == null ? "" : m.group(2), ctx.source, line.number());
    }

    private static String expectedStart(NetworkProfile profile) {
        return profile == NetworkProfile.RIPPLE ? "'n'" : "'E'";
    }

    private static URI site(ReadContext ctx, IniLine line) {
        try {
            URI uri = new URI(line.text());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ctx.error(line.number(), "[validator_list_sites]: expected an http:// or https:// address, got '"
                + line.text() + "'");
    }
}
