package org.stoxum.codec;

import java.util.Locale;

/**
 * The constants that distinguish the STM Ledger from the XRP Ledger it was forked from.
 *
 * <p>Everything else (binary formats, hash prefixes, key derivation) is shared, so one profile value
 * threaded through the node decides how addresses are spelled, what the native currency is called and
 * how many drops the genesis account holds. {@code ripple} exists so that unmodified XRP Ledger client
 * libraries and published vectors can be used against this server.
 */
public enum NetworkProfile {
    STOXUM("stoxum",
            "xFtyEXqQ2YpfNC9zmjoaJAG5n4MSigZsKvB1UP37kwbucVrTHhD8dRLeW6",
            "STM",
            200_000_000L * 1_000_000L,
            10_000L,
            2_000L),
    RIPPLE("ripple",
            "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz",
            "XRP",
            100_000_000_000L * 1_000_000L,
            200_000_000L,
            50_000_000L);

    /** The profile a server runs when its config has no {@code [network_profile]} section. */
    public static final NetworkProfile DEFAULT = STOXUM;

    /** Drops in one unit of the native currency; the same on both networks. */
    public static final long DROPS_PER_NATIVE_UNIT = 1_000_000L;

    private final String configName;
    private final String alphabet;
    private final String nativeCurrency;
    private final long totalDrops;
    private final long defaultAccountReserve;
    private final long defaultOwnerReserve;

    NetworkProfile(String configName, String alphabet, String nativeCurrency, long totalDrops,
                   long defaultAccountReserve, long defaultOwnerReserve) {
        this.configName = configName;
        this.alphabet = alphabet;
        this.nativeCurrency = nativeCurrency;
        this.totalDrops = totalDrops;
        this.defaultAccountReserve = defaultAccountReserve;
        this.defaultOwnerReserve = defaultOwnerReserve;
    }

    /** The word used in the {@code [network_profile]} config section. */
    public String configName() {
        return configName;
    }

    /** The 58 base58 digit characters, digit value 0 first. */
    public String alphabet() {
        return alphabet;
    }

    /** The three-letter code JSON uses for the native currency ({@code STM} or {@code XRP}). */
    public String nativeCurrency() {
        return nativeCurrency;
    }

    /** Drops created at genesis: the header {@code total_coins} of ledger 1. */
    public long totalDrops() {
        return totalDrops;
    }

    /** The account reserve in drops used until a FeeSettings object or config says otherwise. */
    public long defaultAccountReserve() {
        return defaultAccountReserve;
    }

    /** The per-owned-object reserve in drops used until a FeeSettings object or config says otherwise. */
    public long defaultOwnerReserve() {
        return defaultOwnerReserve;
    }

    /**
     * Resolves the word of a {@code [network_profile]} section, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted words when {@code name} is none of them
     */
    public static NetworkProfile fromConfigName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (NetworkProfile p : values()) {
            if (p.configName.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown network profile '" + name + "': expected 'stoxum' or 'ripple'");
    }
}
