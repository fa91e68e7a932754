package org.stoxum.engine.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The trusted-validator setup gathered from the config and the validators file.
 *
 * @param trusted       statically trusted validator master keys ({@code [validators]} and
 *                      {@code [validator_keys]} of both files, merged, duplicates dropped)
 * @param listSites     validator list publisher sites, http or https
 * @param publisherKeys trusted list publisher master keys, 33 bytes each, as upper-case hex
 * @param file          the validators file that was read, if any
 */
public record ValidatorsConfig(List<NodeKeyEntry> trusted, List<URI> listSites, List<String> publisherKeys,
                               Optional<Path> file) {
    /** The validators file looked for in the config directory when {@code [validators_file]} is absent. */
    public static final String DEFAULT_FILE_NAME = "validators.txt";

    /** Nothing trusted: stand-alone mode and configs without validators. */
    public static final ValidatorsConfig NONE = new ValidatorsConfig(List.of(), List.of(), List.of(), Optional.empty());

    public ValidatorsConfig {
        trusted = List.copyOf(trusted);
        listSites = List.copyOf(listSites);
        publisherKeys = List.copyOf(publisherKeys);
    }
}
