/**
 * This server's validator identity and what it knows of other validators' keys.
 *
 * <p>{@link org.stoxum.engine.validator.ValidatorIdentity} reads {@code [validator_token]},
 * {@code [validation_seed]} and {@code [validator_key_revocation]} once at start-up;
 * {@link org.stoxum.engine.validator.ManifestCache} keeps the newest manifest of every master key (ours,
 * gossiped ones, those of validator lists) with stoxumd's acceptance rules;
 * {@link org.stoxum.engine.validator.ValidationCreate} answers the {@code validation_create} admin command.
 */
package org.stoxum.engine.validator;
