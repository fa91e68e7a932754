package org.stoxum.codec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.stoxum.codec.NetworkProfile;

/** Result messages name the profile's native currency; tokens never change. */
class TERTest {
    @Test
    void messagesNameTheNativeCurrencyOfTheProfile() {
        assertEquals("Destination does not exist. Too little STM sent to create it.",
                TER.tecNO_DST_INSUF_XRP.message(NetworkProfile.STOXUM));
        assertEquals("Destination does not exist. Too little XRP sent to create it.",
                TER.tecNO_DST_INSUF_XRP.message(NetworkProfile.RIPPLE));
        assertEquals("Malformed: Paths are not allowed for XRP to XRP.",
                TER.temBAD_SEND_XRP_PATHS.message(NetworkProfile.RIPPLE));
        assertEquals("tecNO_DST_INSUF_XRP", TER.tecNO_DST_INSUF_XRP.token());
    }

    @Test
    void rippleMessagesNeverSayStm() {
        for (TER t : TER.values()) {
            assertFalse(t.message(NetworkProfile.RIPPLE).contains("STM"), t.token());
        }
    }
}
