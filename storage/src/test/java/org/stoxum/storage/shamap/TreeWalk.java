package org.stoxum.storage.shamap;

import java.util.function.Consumer;

/** Test helper: visits every node below (and including) a node, loading as it goes. */
public final class TreeWalk {
    private TreeWalk() {
    }

    public static void nodes(SHAMapTreeNode node, Consumer<SHAMapTreeNode> visitor) {
        visitor.accept(node);
        if (node instanceof SHAMapInnerNode inner) {
            for (int i = 0; i < SHAMapInnerNode.BRANCHES; i++) {
                SHAMapTreeNode child = inner.child(i);
                if (child != null) {
                    nodes(child, visitor);
                }
            }
        }
    }
}
