/**
 * Validator manifests and tokens, byte-compatible with stoxumd and the validator-keys tool.
 *
 * <p>{@link org.stoxum.codec.manifest.Manifest} is the master key's signed statement naming the current
 * ephemeral signing key (or revoking the master key); {@link org.stoxum.codec.manifest.ValidatorToken} is the
 * {@code [validator_token]} config value that hands a server its manifest and signing secret. Which
 * manifest wins for a master key is the engine's business (its {@code ManifestCache}).
 */
package org.stoxum.codec.manifest;
