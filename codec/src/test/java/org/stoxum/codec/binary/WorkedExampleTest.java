package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.types.AccountId;

/** protocol.md 6.3: the genesis Payment and the multi-signed AccountSet, byte for byte. */
class WorkedExampleTest {
    private static final String GENESIS_ID = "B5F762798A53D543A014CAF8B297CFF8F2F937E8";
    private static final String DESTINATION_ID = "AA066C988C712815CC37AF71472B7CBBBD4E2A0A";
    private static final String GENESIS_KEY = "0330E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD020";
    private static final String SIGNATURE = "3044022048712D4AE9477CB3007B9E5871F7CAD5C58BD739F0C996D42E205DE3D56DF9200220"
            + "216032D4267E2129B1DE677E0A2F8261715E7ABCA42E6681C1C54785FF3B6EC2";
    private static final String SIGNING_DATA = "535458001200002280000000240000000161400000003B9ACA0068400000000000000A7321"
            + "0330E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD0208114B5F7"
            + "62798A53D543A014CAF8B297CFF8F2F937E88314AA066C988C712815CC37AF71472B7CBBBD"
            + "4E2A0A";
    private static final String SIGNED_BLOB = "1200002280000000240000000161400000003B9ACA0068400000000000000A73210330E7FC"
            + "9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD02074463044022048712D"
            + "4AE9477CB3007B9E5871F7CAD5C58BD739F0C996D42E205DE3D56DF9200220216032D4267E21"
            + "29B1DE677E0A2F8261715E7ABCA42E6681C1C54785FF3B6EC28114B5F762798A53D543A014CA"
            + "F8B297CFF8F2F937E88314AA066C988C712815CC37AF71472B7CBBBD4E2A0A";
    private static final String TX_ID = "58FBEDC629015D34A75E6007BE9B955E9978141E4D585F1D04F5DCA705A2C0CA";
    private static final String MULTI_SIGN_DATA = "534D54001200032280000000240000000168400000000000001473008114AA066C988C712815"
            + "CC37AF71472B7CBBBD4E2A0AB5F762798A53D543A014CAF8B297CFF8F2F937E8";

    @Test
    void genesisPaymentFromJson() {
        NetworkProfile p = NetworkProfile.STOXUM;
        ObjectNode tx = JsonNodeFactory.instance.objectNode();
        tx.put("TransactionType", "Payment");
        tx.put("Account", AccountId.of(Hex.decode(GENESIS_ID)).toAddress(p));
        tx.put("Destination", "xzgxKW5HyMF2ZdSzwGuXWrSBZbmAuA5sFq");
        tx.put("Amount", "1000000000");
        tx.put("Fee", "10");
        tx.put("Sequence", 1);
        tx.put("Flags", 2147483648L);
        tx.put("SigningPubKey", GENESIS_KEY);

        STObject unsigned = BinaryCodec.fromJson(tx, p);
        assertEquals(SIGNING_DATA, Hex.encode(BinaryCodec.signingData(unsigned)));
        assertEquals(SIGNING_DATA.substring(8), Hex.encode(BinaryCodec.encodeForSigning(tx, p)));

        tx.put("TxnSignature", SIGNATURE);
        assertEquals(SIGNED_BLOB, Hex.encode(BinaryCodec.encode(tx, p)));
        assertEquals(TX_ID, BinaryCodec.transactionId(Hex.decode(SIGNED_BLOB)).toString());
        // The signature is not signed: the signing data is unchanged once it is added.
        assertEquals(SIGNING_DATA, Hex.encode(BinaryCodec.signingData(BinaryCodec.fromJson(tx, p))));
        assertEquals("xzgxKW5HyMF2ZdSzwGuXWrSBZbmAuA5sFq",
                BinaryCodec.decode(Hex.decode(SIGNED_BLOB), p).get("Destination").asText());
    }

    @Test
    void genesisPaymentBuiltInJava() {
        STObject tx = STObject.newTransaction(TxType.PAYMENT)
                .setU32(SField.FLAGS, 0x8000_0000L)
                .setU32(SField.SEQUENCE, 1)
                .setAmount(SField.AMOUNT, STAmount.ofDrops(1_000_000_000L))
                .setAmount(SField.FEE, STAmount.ofDrops(10))
                .setBlob(SField.SIGNING_PUB_KEY, Hex.decode(GENESIS_KEY))
                .setAccountId(SField.ACCOUNT, AccountId.of(Hex.decode(GENESIS_ID)))
                .setAccountId(SField.DESTINATION, AccountId.of(Hex.decode(DESTINATION_ID)));
        assertEquals(SIGNING_DATA, Hex.encode(BinaryCodec.signingData(tx)));
        tx.setBlob(SField.TXN_SIGNATURE, Hex.decode(SIGNATURE));
        assertEquals(SIGNED_BLOB, Hex.encode(tx.toBytes()));
        assertEquals(TX_ID, tx.hash(HashPrefix.TRANSACTION_ID).toString());
        assertEquals(tx, BinaryCodec.readTransaction(Hex.decode(SIGNED_BLOB)));
    }

    @Test
    void multiSignedAccountSet() {
        NetworkProfile p = NetworkProfile.RIPPLE;
        ObjectNode tx = JsonNodeFactory.instance.objectNode();
        tx.put("TransactionType", "AccountSet");
        tx.put("Account", DESTINATION_ID);
        tx.put("Fee", "20");
        tx.put("Sequence", 1);
        tx.put("Flags", 2147483648L);
        tx.put("SigningPubKey", "");
        AccountId genesis = AccountId.of(Hex.decode(GENESIS_ID));
        assertEquals(MULTI_SIGN_DATA, Hex.encode(BinaryCodec.multiSigningData(BinaryCodec.fromJson(tx, p), genesis)));
        assertEquals(MULTI_SIGN_DATA.substring(8), Hex.encode(BinaryCodec.encodeForMultiSigning(tx, genesis, p)));
    }
}
