package org.stoxum.cli.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.UnsignedInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.stoxum.cli.server.TestNodes;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.app.LedgerStart;
import org.xrpl.xrpl4j.client.XrplClient;
import org.xrpl.xrpl4j.crypto.keys.Base58EncodedSecret;
import org.xrpl.xrpl4j.crypto.keys.Entropy;
import org.xrpl.xrpl4j.crypto.keys.KeyPair;
import org.xrpl.xrpl4j.crypto.keys.Seed;
import org.xrpl.xrpl4j.crypto.signing.SingleSignedTransaction;
import org.xrpl.xrpl4j.crypto.signing.bc.BcSignatureService;
import org.xrpl.xrpl4j.model.client.accounts.AccountInfoRequestParams;
import org.xrpl.xrpl4j.model.client.common.LedgerSpecifier;
import org.xrpl.xrpl4j.model.client.transactions.TransactionRequestParams;
import org.xrpl.xrpl4j.model.client.transactions.TransactionResult;
import org.xrpl.xrpl4j.model.transactions.Address;
import org.xrpl.xrpl4j.model.transactions.Hash256;
import org.xrpl.xrpl4j.model.transactions.Payment;
import org.xrpl.xrpl4j.model.transactions.XrpCurrencyAmount;

/**
 * xrpl4j against stand-alone nodes: keys, Payment building and signing are always xrpl4j's; the ripple-profile
 * node is read through xrpl4j's {@link XrplClient} over JSON-RPC, the stoxum-profile node through raw
 * JSON-RPC with every address translated between the two alphabets (the signed bytes are the same).
 * Submission is raw JSON-RPC on both: xrpl4j 4's SubmitResult requires fields rippled added in 1.x
 * (accepted, applied, kept, open_ledger_cost, ...), which neither rippled 0.90.1 nor stoxumd answers.
 * Likewise XrplClient.ledger() is not used: xrpl4j parses close_time_human as rippled 1.x writes it
 * ("... 00:00:00.000000000 UTC"), not as 0.90.1 does ("2026-Nov-24 04:03:30").
 */
class Xrpl4jTest {
    private static final String GENESIS_SEED = "snoPBrXtMeMyMHUVTgbuqAfg1SUTb";
    private static final long FUND_DROPS = 1_000_000_000L;
    private static final long FEE_DROPS = 10;

    private final BcSignatureService signer = new BcSignatureService();

    /** What the scenario needs from a server: answers as xrpl4j models them, addresses in the Ripple alphabet. */
    private interface Server {
        long validatedBalance(Address account) throws Exception;

        long currentSequence(Address account) throws Exception;

        long baseFee() throws Exception;

        /** validated, TransactionResult, delivered drops, Destination of one Payment. */
        List<Object> payment(Hash256 hash) throws Exception;
    }

    @Test
    void rippleProfileThroughXrplClient() throws Exception {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), "", NetworkProfile.RIPPLE)) {
            XrplClient client = new XrplClient(HttpUrl.get("http://127.0.0.1:" + node.rpcPort + "/"),
                    Duration.ofSeconds(10), Duration.ofSeconds(30));
            scenario(node, new Server() {
                @Override
                public long validatedBalance(Address account) throws Exception {
                    return client.accountInfo(AccountInfoRequestParams.builder().account(account)
                            .ledgerSpecifier(LedgerSpecifier.VALIDATED).build())
                            .accountData().balance().value().longValue();
                }

                @Override
                public long currentSequence(Address account) throws Exception {
                    return client.accountInfo(AccountInfoRequestParams.builder().account(account)
                            .ledgerSpecifier(LedgerSpecifier.CURRENT).build())
                            .accountData().sequence().longValue();
                }

                @Override
                public long baseFee() throws Exception {
                    return client.fee().drops().baseFee().value().longValue();
                }

                @Override
                public List<Object> payment(Hash256 hash) throws Exception {
                    TransactionResult<Payment> r = client.transaction(TransactionRequestParams.of(hash), Payment.class);
                    var meta = r.metadata().orElseThrow();
                    long delivered = meta.deliveredAmount()
                            .map(a -> ((XrpCurrencyAmount) a).value().longValue()).orElse(-1L);
                    return List.of(r.validated(), meta.transactionResult(), delivered, r.transaction().destination());
                }
            });
        }
    }

    @Test
    void stoxumProfileWithTranslatedAddresses() throws Exception {
        try (TestNodes.Node node = TestNodes.start(new LedgerStart.Genesis(true), "", NetworkProfile.STOXUM)) {
            scenario(node, new Server() {
                @Override
                public long validatedBalance(Address account) {
                    return accountData(account, "validated").path("Balance").asLong();
                }

                @Override
                public long currentSequence(Address account) {
                    return accountData(account, "current").path("Sequence").asLong();
                }

                private JsonNode accountData(Address account, String ledger) {
                    JsonNode r = node.call("account_info",
                            params().put("account", toStoxum(account)).put("ledger_index", ledger));
                    assertEquals(account, toRipple(r.path("account_data").path("Account").asText()), r.toString());
                    return r.path("account_data");
                }

                @Override
                public long baseFee() {
                    return node.call("fee", params()).path("drops").path("base_fee").asLong();
                }

                @Override
                public List<Object> payment(Hash256 hash) {
                    JsonNode r = node.call("tx", params().put("transaction", hash.value()));
                    JsonNode meta = r.path("meta");
                    return List.of(r.path("validated").asBoolean(), meta.path("TransactionResult").asText(),
                            meta.path("delivered_amount").asLong(-1), toRipple(r.path("Destination").asText()));
                }
            });
        }
    }

    /** Funds three accounts from genesis, pays between them, and checks balances, results and a failure. */
    private void scenario(TestNodes.Node node, Server server) throws Exception {
        KeyPair genesis = Seed.fromBase58EncodedSecret(Base58EncodedSecret.of(GENESIS_SEED)).deriveKeyPair();
        Address genesisAddress = genesis.publicKey().deriveAddress();
        assertEquals("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", genesisAddress.value());
        assertEquals(FEE_DROPS, server.baseFee());
        long totalDrops = node.profile.totalDrops();
        assertEquals(totalDrops, server.validatedBalance(genesisAddress));

        List<KeyPair> accounts = List.of(
                Seed.secp256k1SeedFromEntropy(entropy(1)).deriveKeyPair(),
                Seed.ed25519SeedFromEntropy(entropy(2)).deriveKeyPair(),
                Seed.secp256k1SeedFromEntropy(entropy(3)).deriveKeyPair());
        long sequence = server.currentSequence(genesisAddress);
        assertEquals(1, sequence);
        Hash256 firstFunding = null;
        for (KeyPair k : accounts) {
            SingleSignedTransaction<Payment> signed = pay(genesis, sequence++, k.publicKey().deriveAddress(),
                    FUND_DROPS);
            assertEquals("tesSUCCESS", submit(node, signed));
            firstFunding = firstFunding == null ? signed.hash() : firstFunding;
        }
        ledgerAccept(node);

        for (KeyPair k : accounts) {
            assertEquals(FUND_DROPS, server.validatedBalance(k.publicKey().deriveAddress()));
        }
        assertEquals(totalDrops - 3 * (FUND_DROPS + FEE_DROPS), server.validatedBalance(genesisAddress));
        assertEquals(List.of(true, "tesSUCCESS", FUND_DROPS, accounts.get(0).publicKey().deriveAddress()),
                server.payment(firstFunding));

        // A payment between two new accounts, signed with an ed25519 key, and one too small to create an account.
        KeyPair alice = accounts.get(1);
        Address aliceAddress = alice.publicKey().deriveAddress();
        Address bob = accounts.get(2).publicKey().deriveAddress();
        Address nobody = Seed.secp256k1SeedFromEntropy(entropy(4)).deriveKeyPair().publicKey().deriveAddress();
        long aliceSeq = server.currentSequence(aliceAddress);
        SingleSignedTransaction<Payment> toBob = pay(alice, aliceSeq, bob, 25_000_000);
        assertEquals("tesSUCCESS", submit(node, toBob));
        SingleSignedTransaction<Payment> tooSmall = pay(alice, aliceSeq + 1, nobody,
                node.profile.defaultAccountReserve() / 2);
        assertEquals("tecNO_DST_INSUF_XRP", submit(node, tooSmall));
        SingleSignedTransaction<Payment> replay = pay(alice, aliceSeq, bob, 1);
        assertEquals("tefPAST_SEQ", submit(node, replay));
        ledgerAccept(node);

        assertEquals(List.of(true, "tesSUCCESS", 25_000_000L, bob), server.payment(toBob.hash()));
        List<Object> failed = server.payment(tooSmall.hash());
        assertEquals(List.of(true, "tecNO_DST_INSUF_XRP", nobody), List.of(failed.get(0), failed.get(1), failed.get(3)));
        assertEquals(FUND_DROPS + 25_000_000, server.validatedBalance(bob));
        assertEquals(FUND_DROPS - 25_000_000 - 2 * FEE_DROPS, server.validatedBalance(aliceAddress));
        assertEquals(aliceSeq + 2, server.currentSequence(aliceAddress));
    }

    /** Submits the signed blob; the answer echoes the hash and the destination in the node's alphabet. */
    private static String submit(TestNodes.Node node, SingleSignedTransaction<Payment> signed) {
        JsonNode r = node.call("submit", params().put("tx_blob", signed.signedTransactionBytes().hexValue()));
        assertEquals(signed.hash().value(), r.path("tx_json").path("hash").asText(), r.toString());
        assertEquals(address(signed.signedTransaction().destination(), node.profile),
                r.path("tx_json").path("Destination").asText(), r.toString());
        return r.path("engine_result").asText();
    }

    private SingleSignedTransaction<Payment> pay(KeyPair from, long sequence, Address to, long drops) {
        Payment payment = Payment.builder()
                .account(from.publicKey().deriveAddress())
                .fee(XrpCurrencyAmount.ofDrops(FEE_DROPS))
                .sequence(UnsignedInteger.valueOf(sequence))
                .destination(to)
                .amount(XrpCurrencyAmount.ofDrops(drops))
                .signingPublicKey(from.publicKey())
                .build();
        return signer.sign(from.privateKey(), payment);
    }

    /** xrpl4j has no ledger_accept; the project's JSON-RPC client sends it. */
    private static void ledgerAccept(TestNodes.Node node) {
        JsonNode r = node.call("ledger_accept", params());
        assertTrue(r.has("ledger_current_index"), r.toString());
    }

    private static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static Entropy entropy(int fill) {
        byte[] b = new byte[16];
        Arrays.fill(b, (byte) fill);
        return Entropy.of(b);
    }

    private static String toStoxum(Address ripple) {
        return address(ripple, NetworkProfile.STOXUM);
    }

    /** The same account in {@code profile}'s alphabet. */
    private static String address(Address ripple, NetworkProfile profile) {
        return AccountId.fromAddress(ripple.value(), NetworkProfile.RIPPLE).toAddress(profile);
    }

    private static Address toRipple(String stoxum) {
        return Address.of(AccountId.fromAddress(stoxum, NetworkProfile.STOXUM).toAddress(NetworkProfile.RIPPLE));
    }
}
