package org.stoxum.codec;

/**
 * The one error the codec raises for malformed input of any kind.
 *
 * <p>It carries the rippled error token that an API answer or a peer charge should use (for example
 * {@code invalidParams}, {@code actMalformed}, {@code badSeed}), so that callers never translate
 * exception types, and nothing else (no index or number format exception) escapes the codec.
 */
public final class CodecException extends RuntimeException {
    /** Generic token for bytes or JSON that do not parse. */
    public static final String INVALID = "invalidParams";

    private final String token;

    public CodecException(String token, String message) {
        super(message);
        this.token = token;
    }

    public CodecException(String token, String message, Throwable cause) {
        super(message, cause);
        this.token = token;
    }

    /** A malformed-input error with the generic token. */
    public static CodecException invalid(String message) {
        return new CodecException(INVALID, message);
    }

    /** The rippled error vocabulary word describing what was wrong. */
    public String token() {
        return token;
    }
}
