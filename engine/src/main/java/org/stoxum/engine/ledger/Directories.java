package org.stoxum.engine.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;

/**
 * Directories: pages of up to 32 keys chained from a root (rippled's {@code ApplyView::dirAdd/dirRemove}
 * and View.cpp's {@code dirAdd/dirDelete}). With SortedDirectories enabled pages are kept sorted (or in
 * insertion order where order matters); without it the legacy rules apply.
 */
public final class Directories {
    /** Entries per page (dirNodeMaxEntries). */
    public static final int MAX_ENTRIES = 32;
    /** Pages per directory (dirNodeMaxPages). */
    public static final long MAX_PAGES = 262_144;

    private Directories() {
    }

    /** Sets Owner on a new owner directory page (rippled's {@code describeOwnerDir}). */
    public static Consumer<SLE> describeOwnerDir(AccountId owner) {
        return sle -> sle.object().setAccountId(SField.OWNER, owner);
    }

    /**
     * Adds {@code key} to the directory {@code dir}.
     *
     * @param strictOrder keep insertion order (book directories) rather than sorted order
     * @param describe    fills in the descriptive fields of a newly created page
     * @return the page the key went to, or null when the directory is full
     */
    public static Long dirAdd(ApplyView view, Keylet dir, Hash256 key, boolean strictOrder, Consumer<SLE> describe) {
        if (view.rules().enabled(Amendments.SORTED_DIRECTORIES)) {
            return sortedAdd(view, strictOrder, dir, key, describe);
        }
        return legacyAdd(view, dir, key, describe);
    }

    private static Long sortedAdd(ApplyView view, boolean preserveOrder, Keylet dir, Hash256 key,
                                  Consumer<SLE> describe) {
        SLE root = view.peek(dir);
        if (root == null) {
            root = SLE.create(dir);
            root.object().setH256(SField.ROOT_INDEX, dir.key());
            describe.accept(root);
            root.object().setVector256(SField.INDEXES, List.of(key));
            view.insert(root);
            return 0L;
        }
        long page = root.object().getU64(SField.INDEX_PREVIOUS);
        SLE node = root;
        if (page != 0) {
            node = view.peek(Keylets.page(dir, page));
            if (node == null) {
                throw new IllegalStateException("Directory chain: root back-pointer broken.");
            }
        }
        List<Hash256> indexes = new ArrayList<>(node.object().getVector256(SField.INDEXES));
        if (indexes.size() < MAX_ENTRIES) {
            if (preserveOrder) {
                if (indexes.contains(key)) {
                    throw new IllegalStateException("dirInsert: double insertion");
                }
                indexes.add(key);
            } else {
                Collections.sort(indexes);
                int pos = Collections.binarySearch(indexes, key);
                if (pos >= 0) {
                    throw new IllegalStateException("dirInsert: double insertion");
                }
                indexes.add(-(pos + 1), key);
            }
            node.object().setVector256(SField.INDEXES, indexes);
            view.update(node);
            return page;
        }
        if (++page >= MAX_PAGES) {
            return null;
        }
        node.object().setU64(SField.INDEX_NEXT, page);
        view.update(node);
        root.object().setU64(SField.INDEX_PREVIOUS, page);
        view.update(root);
        SLE fresh = SLE.create(Keylets.page(dir, page));
        fresh.object().setH256(SField.ROOT_INDEX, dir.key());
        fresh.object().setVector256(SField.INDEXES, List.of(key));
        if (page != 1) {
            fresh.object().setU64(SField.INDEX_PREVIOUS, page - 1);
        }
        describe.accept(fresh);
        view.insert(fresh);
        return page;
    }

    private static Long legacyAdd(ApplyView view, Keylet dir, Hash256 key, Consumer<SLE> describe) {
        SLE root = view.peek(dir);
        if (root == null) {
            root = SLE.create(dir);
            root.object().setH256(SField.ROOT_INDEX, dir.key());
            view.insert(root);
            describe.accept(root);
            root.object().setVector256(SField.INDEXES, List.of(key));
            return 0L;
        }
        long nodeDir = root.object().getU64(SField.INDEX_PREVIOUS);
        SLE node = nodeDir != 0 ? view.peek(Keylets.page(dir, nodeDir)) : root;
        List<Hash256> indexes = new ArrayList<>(node.object().getVector256(SField.INDEXES));
        if (indexes.size() != MAX_ENTRIES) {
            view.update(node);
        } else if (++nodeDir == 0) {
            return null;
        } else {
            node.object().setU64(SField.INDEX_NEXT, nodeDir);
            view.update(node);
            root.object().setU64(SField.INDEX_PREVIOUS, nodeDir);
            view.update(root);
            node = SLE.create(Keylets.page(dir, nodeDir));
            node.object().setH256(SField.ROOT_INDEX, dir.key());
            view.insert(node);
            if (nodeDir != 1) {
                node.object().setU64(SField.INDEX_PREVIOUS, nodeDir - 1);
            }
            describe.accept(node);
            indexes = new ArrayList<>();
        }
        indexes.add(key);
        node.object().setVector256(SField.INDEXES, indexes);
        return nodeDir;
    }

    /**
     * Removes {@code key} from page {@code page} of the directory {@code root} (rippled's {@code dirDelete}).
     *
     * @param keepRoot keep the root page even when the directory empties
     * @param stable   keep the relative order of the remaining keys (legacy rules only)
     * @param soft     the page is a hint: look on later pages too (legacy rules only)
     */
    public static TER dirDelete(ApplyView view, boolean keepRoot, long page, Keylet root, Hash256 key,
                                boolean stable, boolean soft) {
        if (view.rules().enabled(Amendments.SORTED_DIRECTORIES)) {
            return dirRemove(view, root, page, key, keepRoot) ? TER.tesSUCCESS : TER.tefBAD_LEDGER;
        }
        return legacyDelete(view, keepRoot, page, root, key, stable, soft);
    }

    /** The SortedDirectories removal (rippled's {@code ApplyView::dirRemove}); false when the key is not there. */
    static boolean dirRemove(ApplyView view, Keylet directory, long page, Hash256 key, boolean keepRoot) {
        SLE node = view.peek(Keylets.page(directory, page));
        if (node == null) {
            return false;
        }
        final long rootPage = 0;
        List<Hash256> entries = new ArrayList<>(node.object().getVector256(SField.INDEXES));
        if (!entries.remove(key)) {
            return false;
        }
        node.object().setVector256(SField.INDEXES, entries);
        view.update(node);
        if (!entries.isEmpty()) {
            return true;
        }
        long prevPage = node.object().getU64(SField.INDEX_PREVIOUS);
        long nextPage = node.object().getU64(SField.INDEX_NEXT);
        if (page == rootPage) {
            if (nextPage == page && prevPage != page) {
                throw new IllegalStateException("Directory chain: fwd link broken");
            }
            if (prevPage == page && nextPage != page) {
                throw new IllegalStateException("Directory chain: rev link broken");
            }
            if (nextPage == prevPage && nextPage != page) {
                SLE last = view.peek(Keylets.page(directory, nextPage));
                if (last == null) {
                    throw new IllegalStateException("Directory chain: fwd link broken.");
                }
                if (last.object().getVector256(SField.INDEXES).isEmpty()) {
                    node.object().setU64(SField.INDEX_NEXT, page);
                    node.object().setU64(SField.INDEX_PREVIOUS, page);
                    view.update(node);
                    view.erase(last);
                    nextPage = page;
                    prevPage = page;
                }
            }
            if (keepRoot) {
                return true;
            }
            if (nextPage == page && prevPage == page) {
                view.erase(node);
            }
            return true;
        }
        if (nextPage == page) {
            throw new IllegalStateException("Directory chain: fwd link broken");
        }
        if (prevPage == page) {
            throw new IllegalStateException("Directory chain: rev link broken");
        }
        SLE prev = view.peek(Keylets.page(directory, prevPage));
        if (prev == null) {
            throw new IllegalStateException("Directory chain: fwd link broken.");
        }
        prev.object().setU64(SField.INDEX_NEXT, nextPage);
        view.update(prev);
        SLE next = view.peek(Keylets.page(directory, nextPage));
        if (next == null) {
            throw new IllegalStateException("Directory chain: rev link broken.");
        }
        next.object().setU64(SField.INDEX_PREVIOUS, prevPage);
        view.update(next);
        view.erase(node);
        if (nextPage != rootPage && next.object().getU64(SField.INDEX_NEXT) == rootPage
                && next.object().getVector256(SField.INDEXES).isEmpty()) {
            view.erase(next);
            prev.object().setU64(SField.INDEX_NEXT, rootPage);
            view.update(prev);
            SLE rootNode = view.peek(Keylets.page(directory, rootPage));
            if (rootNode == null) {
                throw new IllegalStateException("Directory chain: root link broken.");
            }
            rootNode.object().setU64(SField.INDEX_PREVIOUS, prevPage);
            view.update(rootNode);
            nextPage = rootPage;
        }
        if (!keepRoot && nextPage == rootPage && prevPage == rootPage
                && prev.object().getVector256(SField.INDEXES).isEmpty()) {
            view.erase(prev);
        }
        return true;
    }

    private static TER legacyDelete(ApplyView view, boolean keepRoot, long nodeDir, Keylet root, Hash256 key,
                                    boolean stable, boolean soft) {
        SLE node = view.peek(Keylets.page(root, nodeDir));
        if (node == null) {
            if (soft && nodeDir < 20) {
                return legacyDelete(view, keepRoot, nodeDir + 1, root, key, stable, true);
            }
            return TER.tefBAD_LEDGER;
        }
        List<Hash256> indexes = new ArrayList<>(node.object().getVector256(SField.INDEXES));
        int at = indexes.indexOf(key);
        if (at < 0) {
            if (soft && nodeDir < 20) {
                return legacyDelete(view, keepRoot, nodeDir + 1, root, key, stable, true);
            }
            return TER.tefBAD_LEDGER;
        }
        if (indexes.size() > 1) {
            if (stable) {
                indexes.remove(at);
            } else {
                indexes.set(at, indexes.get(indexes.size() - 1));
                indexes.remove(indexes.size() - 1);
            }
        } else {
            indexes.clear();
        }
        node.object().setVector256(SField.INDEXES, indexes);
        view.update(node);
        if (!indexes.isEmpty()) {
            return TER.tesSUCCESS;
        }
        long previous = node.object().getU64(SField.INDEX_PREVIOUS);
        long next = node.object().getU64(SField.INDEX_NEXT);
        if (nodeDir == 0) {
            if (previous == 0) {
                view.erase(node);
            } else if (!keepRoot && previous == next) {
                SLE last = view.peek(Keylets.page(root, next));
                if (last.object().getVector256(SField.INDEXES).isEmpty()) {
                    view.erase(node);
                    view.erase(last);
                }
            }
        } else if (next != 0) {
            SLE prevNode = view.peek(Keylets.page(root, previous));
            SLE nextNode = view.peek(Keylets.page(root, next));
            if (prevNode == null || nextNode == null) {
                return TER.tefBAD_LEDGER;
            }
            prevNode.object().setU64(SField.INDEX_NEXT, next);
            view.update(prevNode);
            nextNode.object().setU64(SField.INDEX_PREVIOUS, previous);
            view.update(nextNode);
            view.erase(node);
        } else if (!keepRoot && previous == 0) {
            SLE rootNode = view.peek(root);
            if (rootNode.object().getVector256(SField.INDEXES).isEmpty()) {
                view.erase(rootNode);
                view.erase(node);
            }
        }
        return TER.tesSUCCESS;
    }

    /** True when the directory {@code dir} has no entries (or does not exist). */
    public static boolean dirIsEmpty(ReadView view, Keylet dir) {
        STObject root = view.read(dir);
        if (root == null) {
            return true;
        }
        if (!root.getVector256(SField.INDEXES).isEmpty()) {
            return false;
        }
        return root.getU64(SField.INDEX_NEXT) == 0;
    }
}
