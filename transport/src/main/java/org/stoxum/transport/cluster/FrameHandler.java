package org.stoxum.transport.cluster;

import java.util.List;
import org.stoxum.codec.crypto.PublicKey;
import org.stoxum.codec.types.Hash256;

/** Receives the content of authenticated frames, one call per message or item. */
interface FrameHandler {
    void onHello(PublicKey from);

    /**
     * @param others  the sender's copies of other members' reports (names and addresses empty)
     * @param sources the sender's full list of load sources
     */
    void onReport(PublicKey from, MemberTable.Report own, List<MemberTable.Report> others, List<LoadSource> sources);

    void onMark(PublicKey from, Hash256 hash, Verdict verdict);

    /** @param deferred the sender held the transaction rather than applied it: not to be trusted */
    void onTransaction(PublicKey from, byte[] raw, boolean deferred);

    void onCharges(PublicKey from, List<LoadSource> charges);
}
