package org.stoxum.codec.binary;

import java.util.List;

/**
 * Templates for the inner objects stoxumd checks wherever they appear, in binary or JSON
 * (InnerObjectFormats.cpp): SignerEntry and Signer. Every other inner object (Memo, Majority, the metadata
 * node objects) is free-form.
 */
public final class InnerObjectFormats {
    /** SignerEntry: Account and SignerWeight, both required. */
    public static final SOTemplate SIGNER_ENTRY = new SOTemplate("SignerEntry", List.of(
            new SOTemplate.Element(SField.ACCOUNT, SOTemplate.Style.REQUIRED),
            new SOTemplate.Element(SField.SIGNER_WEIGHT, SOTemplate.Style.REQUIRED)));

    /** Signer: Account, SigningPubKey and TxnSignature, all required. */
    public static final SOTemplate SIGNER = new SOTemplate("Signer", List.of(
            new SOTemplate.Element(SField.ACCOUNT, SOTemplate.Style.REQUIRED),
            new SOTemplate.Element(SField.SIGNING_PUB_KEY, SOTemplate.Style.REQUIRED),
            new SOTemplate.Element(SField.TXN_SIGNATURE, SOTemplate.Style.REQUIRED)));

    private InnerObjectFormats() {
    }

    /** The template of objects named {@code field}, or null for a free-form object. */
    public static SOTemplate forField(SField field) {
        if (field == SField.SIGNER_ENTRY) {
            return SIGNER_ENTRY;
        }
        if (field == SField.SIGNER) {
            return SIGNER;
        }
        return null;
    }
}
