package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stoxum.codec.binary.JsonTesting.assertJsonEquals;
import static org.stoxum.codec.binary.JsonTesting.signedTransactions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stoxum.codec.Hex;
import org.stoxum.codec.NetworkProfile;
import org.stoxum.codec.hash.HashPrefix;
import org.stoxum.codec.hash.Sha512Half;
import org.stoxum.codec.types.AccountId;

/** signing/signed-transactions: signing blobs, multi-signing blobs, signed blobs and IDs, both profiles. */
class SignedTransactionsTest {

    @ParameterizedTest
    @EnumSource(NetworkProfile.class)
    void everySignedTransaction(NetworkProfile p) {
        JsonNode vectors = signedTransactions(p).get("vectors");
        assertEquals(43, vectors.size());
        int single = 0;
        int multi = 0;
        int multiSignatures = 0;
        for (JsonNode v : vectors) {
            String id = v.get("id").asText();
            JsonNode unsigned = v.get("tx_json_unsigned");
            byte[] blob = Hex.decode(v.get("tx_blob_hex").asText());

            assertEquals(v.get("tx_blob_hex").asText(), Hex.encode(BinaryCodec.encode(v.get("tx_json"), p)), id);
            assertJsonEquals(v.get("tx_json"), JsonTesting.withoutPathTypes(BinaryCodec.decode(blob, p)), id + " decode");
            assertEquals(v.get("hash").asText(), BinaryCodec.transactionId(blob).toString(), id);

            STObject tx = BinaryCodec.readTransaction(blob);
            assertEquals(v.get("hash").asText(), BinaryCodec.transactionId(tx).toString(), id);

            if (v.path("multisigned").asBoolean()) {
                for (JsonNode s : v.get("signers")) {
                    AccountId signer = AccountId.of(Hex.decode(s.get("account_id_hex").asText()));
                    String expected = s.get("multisig_blob_hex").asText();
                    assertEquals(expected, Hex.encode(BinaryCodec.encodeForMultiSigning(unsigned, signer, p)), id);
                    // The signed transaction yields the same message: Signers are not signed.
                    assertEquals(s.get("multisig_prefix_hex").asText() + expected,
                            Hex.encode(BinaryCodec.multiSigningData(tx, signer)), id);
                    assertEquals(s.get("multisig_hash_hex").asText(),
                            Hex.encode(Sha512Half.of(HashPrefix.TX_MULTI_SIGN, Hex.decode(expected))), id);
                    multiSignatures++;
                }
                assertTrue(tx.isPresent(SField.SIGNERS) && tx.getBlobLength(SField.SIGNING_PUB_KEY) == 0, id);
                multi++;
            } else {
                String signingBlob = v.get("signing_blob_hex").asText();
                assertEquals(signingBlob, Hex.encode(BinaryCodec.encodeForSigning(unsigned, p)), id);
                assertEquals(signingBlob, Hex.encode(tx.toSigningBytes()), id);
                assertEquals(v.get("signing_prefix_hex").asText() + signingBlob, Hex.encode(BinaryCodec.signingData(tx)), id);
                assertEquals(v.get("signing_hash_hex").asText(), tx.signingHash(HashPrefix.TX_SIGN).toString(), id);
                assertEquals(v.get("signature_hex").asText(), Hex.encode(tx.getBlob(SField.TXN_SIGNATURE)), id);
                single++;
            }
        }
        assertEquals(40, single);
        assertEquals(3, multi);
        assertEquals(7, multiSignatures);
    }
}
