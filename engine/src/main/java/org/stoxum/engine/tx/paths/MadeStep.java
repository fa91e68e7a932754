package org.stoxum.engine.tx.paths;

import org.stoxum.codec.binary.TER;

/** A step just built, or the reason it could not be (rippled's {@code std::pair<TER, unique_ptr<Step>>}). */
record MadeStep(TER ter, Step step) {
    static MadeStep of(TER ter, Step step) {
        return ter == TER.tesSUCCESS ? new MadeStep(ter, step) : new MadeStep(ter, null);
    }
}
