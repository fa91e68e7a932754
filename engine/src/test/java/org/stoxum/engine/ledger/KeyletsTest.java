package org.stoxum.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.codec.testing.SharedVectors;

/** Every keylet against the shared ledger-object-index vectors, in both profiles. */
class KeyletsTest {
    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void everyVectorIndexIsReproduced(NetworkProfile profile) {
        JsonNode vectors = SharedVectors.json("ledger/ledger-object-indexes." + profile.configName() + ".json")
                .get("vectors");
        int checked = 0;
        for (JsonNode v : vectors) {
            Keylet k = keylet(v.get("kind").asText(), v.get("inputs"), profile);
            assertEquals(v.get("index").asText(), k.key().toString(), v.toString());
            checked++;
        }
        assertTrue(checked >= 30, "expected the full vector set, saw " + checked);
    }

    private static Keylet keylet(String kind, JsonNode in, NetworkProfile p) {
        return switch (kind) {
            case "AccountRoot" -> Keylets.account(account(in, "account", p));
            case "RippleState" -> Keylets.line(account(in, "account_a", p), account(in, "account_b", p),
                    Currency.fromJson(in.get("currency").asText(), p));
            case "Offer" -> Keylets.offer(account(in, "account", p), in.get("sequence").asLong());
            case "SignerList" -> Keylets.signers(account(in, "account", p));
            case "Escrow" -> Keylets.escrow(account(in, "account", p), in.get("sequence").asLong());
            case "PayChannel" -> Keylets.payChannel(account(in, "account", p), account(in, "destination", p),
                    in.get("sequence").asLong());
            case "FeeSettings" -> Keylets.fees();
            case "Amendments" -> Keylets.amendments();
            case "LedgerHashes (recent 256)" -> Keylets.skip();
            case "LedgerHashes (every 256th, per 65536)" -> Keylets.skip(in.get("ledger_sequence").asLong());
            case "Check" -> Keylets.check(account(in, "account", p), in.get("sequence").asLong());
            case "Ticket (2018 format)" -> Keylets.ticket(account(in, "account", p), in.get("sequence").asLong());
            case "DirectoryNode (owner root)" -> Keylets.ownerDir(account(in, "account", p));
            case "DirectoryNode (page n>0)" -> Keylets.page(Hash256.fromHex(in.get("root_index").asText()),
                    in.get("page").asLong());
            case "DirectoryNode (book root)" -> {
                Keylet base = Keylets.book(
                        new Issue(Currency.of(Hex.decode(in.get("TakerPaysCurrency").asText())),
                                AccountId.of(Hex.decode(in.get("TakerPaysIssuer").asText()))),
                        new Issue(Currency.of(Hex.decode(in.get("TakerGetsCurrency").asText())),
                                AccountId.of(Hex.decode(in.get("TakerGetsIssuer").asText()))));
                long q = Long.parseUnsignedLong(in.get("ExchangeRate").asText(), 16);
                Keylet k = Keylets.quality(base, q);
                assertEquals(q, Keylets.quality(k.key()));
                yield k;
            }
            default -> throw new AssertionError("unhandled vector kind " + kind);
        };
    }

    private static AccountId account(JsonNode in, String name, NetworkProfile p) {
        return AccountId.fromAddress(in.get(name).asText(), p);
    }

    @org.junit.jupiter.api.Test
    void nextSkipsPastEveryQualityOfABook() {
        Keylet base = Keylets.book(Issue.NATIVE, Issue.NATIVE);
        Keylet worst = Keylets.quality(base, 0xFFFF_FFFF_FFFF_FFFFL);
        Keylet next = Keylets.next(base);
        assertEquals(0, Keylets.quality(next.key()), "rippled adds 2^64: the low 64 bits are kept");
        assertTrue(next.key().compareTo(worst.key()) > 0);
    }

    /** The account cache has far fewer slots than accounts: colliding accounts must never get each other's key. */
    @org.junit.jupiter.api.Test
    void accountKeysStayRightWhenMoreAccountsThanCacheSlotsAreAsked() {
        java.util.Random random = new java.util.Random(7);
        AccountId[] accounts = new AccountId[100_000];
        for (int i = 0; i < accounts.length; i++) {
            byte[] id = new byte[20];
            random.nextBytes(id);
            accounts[i] = AccountId.of(id);
        }
        for (int round = 0; round < 2; round++) {
            for (AccountId a : accounts) {
                Hash256 expected = Hash256.of(org.stoxum.codec.hash.Sha512Half.of(
                        Hex.decode("0061" + a.toString())));
                assertEquals(expected, Keylets.account(a).key());
            }
        }
    }
}
