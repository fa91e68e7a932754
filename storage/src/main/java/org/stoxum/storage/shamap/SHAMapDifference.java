package org.stoxum.storage.shamap;

import org.stoxum.codec.types.Hash256;

/**
 * One key on which two trees disagree: {@code before} is the item in the tree {@link SHAMap#diff} was
 * called on, {@code after} the item in the other tree; either is null when that tree lacks the key.
 */
public record SHAMapDifference(Hash256 key, SHAMapItem before, SHAMapItem after) {
    public boolean isAdded() {
        return before == null;
    }

    public boolean isRemoved() {
        return after == null;
    }

    public boolean isModified() {
        return before != null && after != null;
    }
}
