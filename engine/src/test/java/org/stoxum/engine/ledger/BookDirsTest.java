package org.stoxum.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.stoxum.engine.tx.jtx.Jtx.offer;
import static org.stoxum.engine.tx.jtx.Jtx.stm;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.binary.SField;
import org.stoxum.engine.tx.jtx.Account;
import org.stoxum.engine.tx.jtx.Env;
import org.stoxum.engine.tx.jtx.IOU;

class BookDirsTest {
    @Test
    void offersComeBestQualityFirstThenInPlacementOrder() {
        Account gw = Account.of("gateway");
        Account alice = Account.of("alice");
        IOU usd = IOU.of(gw, "USD");
        Env env = Env.rippled();
        env.fundRippling(stm(10_000), gw, alice);
        // the gateway sells its USD for native: TakerPays native, TakerGets USD
        long s1 = env.seq(gw);
        env.apply(offer(gw, stm(300), usd.of(100)));
        long s2 = env.seq(gw);
        env.apply(offer(gw, stm(200), usd.of(100)));
        long s3 = env.seq(gw);
        env.apply(offer(gw, stm(200), usd.of(50)));
        long s4 = env.seq(gw);
        env.apply(offer(gw, stm(400), usd.of(200)));
        List<Long> seqs = new ArrayList<>();
        List<Long> qualities = new ArrayList<>();
        for (BookDirs.Entry e : new BookDirs(env.current(), Issue.NATIVE, usd.issue())) {
            seqs.add(e.offer().getU32(SField.SEQUENCE));
            qualities.add(e.quality());
        }
        // 2 per USD (s2, then s4 placed later), 3 per USD, 4 per USD
        assertEquals(List.of(s2, s4, s1, s3), seqs);
        assertEquals(qualities.get(0), qualities.get(1));
        assertEquals(0, new BookDirs(env.current(), usd.issue(), Issue.NATIVE).iterator().hasNext() ? 1 : 0);
    }
}
