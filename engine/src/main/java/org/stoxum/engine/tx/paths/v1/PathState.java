package org.stoxum.engine.tx.paths.v1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.STAmount;
import org.stoxum.codec.binary.SField;
import org.stoxum.codec.binary.STObject;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.codec.types.Hash256;
import org.stoxum.engine.ledger.Keylets;
import org.stoxum.engine.ledger.LedgerFlags;
import org.stoxum.engine.ledger.PaymentSandbox;
import org.stoxum.engine.ledger.TrustLines;

/**
 * One path of a payment under incremental application (rippled's {@code PathState}): the path expanded
 * into explicit account and book nodes, the quality and amounts of its latest increment, and the
 * scratch view the increment was computed in (applied only if the path wins the pass).
 */
final class PathState {
    static final int TYPE_ACCOUNT = STPathElement.TYPE_ACCOUNT;
    static final int TYPE_CURRENCY = STPathElement.TYPE_CURRENCY;
    static final int TYPE_ISSUER = STPathElement.TYPE_ISSUER;
    static final int TYPE_ALL = STPathElement.TYPE_ALL;

    private final PaymentSandbox parent;
    private PaymentSandbox view;
    private int index;
    /** The increment's rate (in per out, lower is better), unsigned; zero: dry, no more to give. */
    private long quality;
    private final STAmount inReq;
    private STAmount inAct;
    private STAmount inPass;
    private final STAmount outReq;
    private STAmount outAct;
    private STAmount outPass;
    private TER status = TER.tesSUCCESS;
    private final List<Node> nodes = new ArrayList<>();
    /** Offers found unfunded or used up by this increment, removed if the payment succeeds. */
    private final List<Hash256> unfundedOffers = new ArrayList<>();
    /** The node at which each source is first named by the path; the only node that may use it. */
    private final Map<AccountIssue, Integer> forward = new HashMap<>();
    /** The node at which the reverse pass of this increment first used each source. */
    private final Map<AccountIssue, Integer> reverse = new HashMap<>();

    PathState(PaymentSandbox parent, STAmount send, STAmount sendMax) {
        this.parent = parent;
        this.view = new PaymentSandbox(parent);
        this.inReq = sendMax;
        this.outReq = send;
    }

    // ------------------------------------------------------------------ state

    List<Node> nodes() {
        return nodes;
    }

    PaymentSandbox view() {
        return view;
    }

    /** A fresh scratch view over the payment's view. */
    void resetView() {
        view = new PaymentSandbox(parent);
    }

    STAmount inPass() {
        return inPass;
    }

    STAmount outPass() {
        return outPass;
    }

    void setInPass(STAmount a) {
        inPass = a;
    }

    void setOutPass(STAmount a) {
        outPass = a;
    }

    STAmount inReq() {
        return inReq;
    }

    STAmount inAct() {
        return inAct;
    }

    STAmount outReq() {
        return outReq;
    }

    STAmount outAct() {
        return outAct;
    }

    Map<AccountIssue, Integer> forward() {
        return forward;
    }

    Map<AccountIssue, Integer> reverse() {
        return reverse;
    }

    void insertReverse(AccountIssue ai, int nodeIndex) {
        reverse.putIfAbsent(ai, nodeIndex);
    }

    List<Hash256> unfundedOffers() {
        return unfundedOffers;
    }

    TER status() {
        return status;
    }

    void setStatus(TER s) {
        status = s;
    }

    long quality() {
        return quality;
    }

    void setQuality(long q) {
        quality = q;
    }

    int index() {
        return index;
    }

    void setIndex(int i) {
        index = i;
    }

    boolean isDry() {
        return inPass.isZero() || outPass.isZero();
    }

    /** Prepares the next increment, given what the payment has moved so far. */
    void reset(STAmount in, STAmount out) {
        inPass = inReq.zeroed();
        outPass = outReq.zeroed();
        unfundedOffers.clear();
        reverse.clear();
        for (Node n : nodes) {
            n.clear();
        }
        inAct = in;
        outAct = out;
    }

    /** True when {@code lhs} ranks below {@code rhs}: worse quality, then less output, then a later index. */
    static boolean lessPriority(PathState lhs, PathState rhs) {
        if (lhs.quality != rhs.quality) {
            return Long.compareUnsigned(lhs.quality, rhs.quality) > 0;
        }
        if (!lhs.outPass.valueEquals(rhs.outPass)) {
            return lhs.outPass.compareTo(rhs.outPass) < 0;
        }
        return lhs.index > rhs.index;
    }

    // ------------------------------------------------------------------ expansion

    /**
     * Makes the path explicit (rippled's {@code expandPath}): the sender, the SendMax issuer, every
     * element with the nodes its currency and issuer changes imply, the deliverable's issuer and the
     * receiver; then refuses loops. The outcome is in {@link #status()}.
     */
    TER expandPath(List<STPathElement> path, AccountId receiver, AccountId sender) {
        quality = 1;
        Currency maxCurrency = inReq.currency();
        AccountId maxIssuer = inReq.issuer();
        Currency outCurrency = outReq.currency();
        AccountId outIssuer = outReq.issuer();
        AccountId senderIssuer = maxCurrency.isNative() ? AccountId.ZERO : sender;
        status = TER.tesSUCCESS;
        if ((maxCurrency.isNative() && !maxIssuer.equals(AccountId.ZERO))
                || (outCurrency.isNative() && !outIssuer.equals(AccountId.ZERO))) {
            status = TER.temBAD_PATH;
        }
        if (status == TER.tesSUCCESS) {
            status = pushNode(accountType(maxCurrency), sender, maxCurrency, senderIssuer);
        }
        if (status == TER.tesSUCCESS && !maxIssuer.equals(senderIssuer)) {
            Currency nextCurrency = !path.isEmpty() ? path.get(0).currency() : outCurrency;
            AccountId nextAccount;
            if (!path.isEmpty()) {
                nextAccount = path.get(0).account();
            } else if (!outCurrency.isNative()) {
                nextAccount = outIssuer.equals(receiver) ? receiver : outIssuer;
            } else {
                nextAccount = AccountId.ZERO;
            }
            if (nextCurrency.isNative() || !maxCurrency.equals(nextCurrency) || !maxIssuer.equals(nextAccount)) {
                status = pushNode(accountType(maxCurrency), maxIssuer, maxCurrency, maxIssuer);
            }
        }
        for (STPathElement e : path) {
            if (status == TER.tesSUCCESS) {
                status = pushNode(e.type(), e.account(), e.currency(), e.issuer());
            }
        }
        if (status == TER.tesSUCCESS && !outCurrency.isNative() && !outIssuer.equals(receiver)) {
            Node back = nodes.get(nodes.size() - 1);
            if (!back.issue.currency().equals(outCurrency) || !back.account.equals(outIssuer)) {
                status = pushNode(accountType(outCurrency), outIssuer, outCurrency, outIssuer);
            }
        }
        if (status == TER.tesSUCCESS) {
            status = pushNode(accountType(outCurrency), receiver, outCurrency, receiver);
        }
        if (status == TER.tesSUCCESS) {
            for (int i = 0; i < nodes.size(); i++) {
                Node n = nodes.get(i);
                if (forward.putIfAbsent(new AccountIssue(n.account, n.issue), i) != null) {
                    status = TER.temBAD_PATH_LOOP;
                    break;
                }
            }
        }
        return status;
    }

    private static int accountType(Currency c) {
        return c.isNative() ? TYPE_ACCOUNT | TYPE_CURRENCY : TYPE_ALL;
    }

    /**
     * Appends a node, first inserting the nodes it implies (rippled's {@code pushNode}): a book when the
     * currency changes, the issuer when neither side of a rippling step issues the currency.
     */
    private TER pushNode(int type, AccountId account, Currency currency, AccountId issuer) {
        boolean pathIsEmpty = nodes.isEmpty();
        // rippled copies the previous node before implied nodes are added after it
        Node backNode = pathIsEmpty ? null : nodes.get(nodes.size() - 1);
        Issue backIssue = backNode == null ? Issue.NATIVE : backNode.issue;
        AccountId backAccount = backNode == null ? AccountId.ZERO : backNode.account;
        boolean hasAccount = (type & TYPE_ACCOUNT) != 0;
        boolean hasCurrency = (type & TYPE_CURRENCY) != 0;
        boolean hasIssuer = (type & TYPE_ISSUER) != 0;
        Currency nodeCurrency = hasCurrency ? currency : backIssue.currency();
        if ((type & ~TYPE_ALL) != 0 || (hasIssuer && nodeCurrency.isNative())
                || (hasIssuer && issuer.equals(AccountId.ZERO)) || (!hasAccount && !hasCurrency && !hasIssuer)) {
            return TER.temBAD_PATH;
        }
        TER result = TER.tesSUCCESS;
        if (hasAccount) {
            AccountId nodeIssuer = hasIssuer ? issuer : (nodeCurrency.isNative() ? AccountId.ZERO : account);
            Node node = new Node(type, account, new Issue(nodeCurrency, nodeIssuer));
            node.revRedeem = STAmount.zero(new Issue(nodeCurrency, account));
            node.revIssue = node.revRedeem;
            node.revDeliver = STAmount.zero(node.issue);
            node.fwdDeliver = node.revDeliver;
            if (!pathIsEmpty) {
                if (account.equals(AccountId.ZERO)) {
                    result = TER.temBAD_PATH;
                } else {
                    result = pushImpliedNodes(account, nodeCurrency,
                            nodeCurrency.isNative() ? AccountId.ZERO : account);
                }
            }
            if (result == TER.tesSUCCESS && !nodes.isEmpty()) {
                Node back = nodes.get(nodes.size() - 1);
                if (back.isAccount()) {
                    result = checkLine(back, node);
                }
            }
            if (result == TER.tesSUCCESS) {
                nodes.add(node);
            }
            return result;
        }
        AccountId nodeIssuer;
        if (hasIssuer) {
            nodeIssuer = issuer;
        } else if (nodeCurrency.isNative()) {
            nodeIssuer = AccountId.ZERO;
        } else if (backIssue.account().equals(AccountId.ZERO)) {
            nodeIssuer = backAccount;
        } else {
            nodeIssuer = backIssue.account();
        }
        Node node = new Node(type, AccountId.ZERO, new Issue(nodeCurrency, nodeIssuer));
        node.revDeliver = STAmount.zero(node.issue);
        node.fwdDeliver = node.revDeliver;
        if (nodeCurrency.isNative() != nodeIssuer.equals(AccountId.ZERO)) {
            result = TER.temBAD_PATH;
        } else if (backIssue.equals(node.issue)) {
            result = TER.temBAD_PATH;
        } else {
            result = pushImpliedNodes(AccountId.ZERO, backIssue.currency(), backIssue.account());
        }
        if (result == TER.tesSUCCESS) {
            nodes.add(node);
        }
        return result;
    }

    /** The line from {@code back} to {@code node} must exist, be authorised and have room. */
    private TER checkLine(Node back, Node node) {
        STObject line = view.read(Keylets.line(back.account, node.account, back.issue.currency()));
        if (line == null) {
            return TER.terNO_LINE;
        }
        STObject sleBack = view.read(Keylets.account(back.account));
        boolean high = back.account.compareTo(node.account) > 0;
        if (sleBack == null) {
            return TER.terNO_ACCOUNT;
        }
        if ((sleBack.getFlags() & LedgerFlags.REQUIRE_AUTH) != 0
                && (line.getFlags() & (high ? LedgerFlags.HIGH_AUTH : LedgerFlags.LOW_AUTH)) == 0
                && line.getAmount(SField.BALANCE).isZero()) {
            return TER.terNO_AUTH;
        }
        STAmount owed = TrustLines.creditBalance(view, node.account, back.account, node.issue.currency());
        if (owed.signum() <= 0) {
            STAmount limit = TrustLines.creditLimit(view, node.account, back.account, node.issue.currency());
            if (owed.negate().compareTo(limit) >= 0) {
                return TER.tecPATH_DRY;
            }
        }
        return TER.tesSUCCESS;
    }

    /**
     * Before delivering {@code currency}/{@code issuer} to {@code account} (zero: a book), adds a book if
     * the currency changes and the issuer if neither end of the rippling step is it.
     */
    private TER pushImpliedNodes(AccountId account, Currency currency, AccountId issuer) {
        TER result = TER.tesSUCCESS;
        if (!nodes.get(nodes.size() - 1).issue.currency().equals(currency)) {
            int type = currency.isNative() ? TYPE_CURRENCY : TYPE_CURRENCY | TYPE_ISSUER;
            result = pushNode(type, AccountId.ZERO, currency, issuer);
        }
        if (result == TER.tesSUCCESS && !currency.isNative()
                && !nodes.get(nodes.size() - 1).account.equals(issuer) && !account.equals(issuer)) {
            result = pushNode(TYPE_ALL, issuer, currency, issuer);
        }
        return result;
    }

    // ------------------------------------------------------------------ checks

    /** Refuses a path through a global freeze or out of a frozen line (status terNO_LINE). */
    void checkFreeze() {
        if (nodes.size() == 2) {
            return;
        }
        for (int i = 0; i < nodes.size() - 1; i++) {
            Node n = nodes.get(i);
            if ((n.flags & TYPE_ISSUER) != 0 && globallyFrozen(n.issue.account())) {
                status = TER.terNO_LINE;
                return;
            }
            if ((n.flags & TYPE_ACCOUNT) != 0) {
                AccountId in = n.account;
                AccountId out = nodes.get(i + 1).account;
                if (!in.equals(out)) {
                    if (globallyFrozen(out)) {
                        status = TER.terNO_LINE;
                        return;
                    }
                    STObject line = view.read(Keylets.line(in, out, n.issue.currency()));
                    if (line != null && (line.getFlags()
                            & (out.compareTo(in) > 0 ? LedgerFlags.HIGH_FREEZE : LedgerFlags.LOW_FREEZE)) != 0) {
                        status = TER.terNO_LINE;
                        return;
                    }
                }
            }
        }
    }

    private boolean globallyFrozen(AccountId account) {
        STObject sle = view.read(Keylets.account(account));
        return sle != null && (sle.getFlags() & LedgerFlags.GLOBAL_FREEZE) != 0;
    }

    /** Refuses a path through an account that set NoRipple on both of the lines it would join. */
    TER checkNoRipple(AccountId dst, AccountId src) {
        if (nodes.isEmpty()) {
            return status;
        }
        if (nodes.size() == 1) {
            Node n = nodes.get(0);
            if (n.isAccount() && !n.account.equals(src) && !n.account.equals(dst)) {
                if (!inReq.currency().equals(outReq.currency())) {
                    status = TER.terNO_LINE;
                } else {
                    status = checkNoRipple(src, n.account, dst, n.issue.currency());
                }
            }
            return status;
        }
        Node n0 = nodes.get(0);
        Node n1 = nodes.get(1);
        if (n0.isAccount() && n1.isAccount() && !n0.account.equals(src)) {
            if (!n0.issue.currency().equals(n1.issue.currency())) {
                status = TER.terNO_LINE;
                return status;
            }
            status = checkNoRipple(src, n0.account, n1.account, n0.issue.currency());
            if (status != TER.tesSUCCESS) {
                return status;
            }
        }
        int s = nodes.size() - 2;
        Node ns = nodes.get(s);
        Node nLast = nodes.get(s + 1);
        if (ns.isAccount() && nLast.isAccount() && !dst.equals(nLast.account)) {
            if (!ns.issue.currency().equals(nLast.issue.currency())) {
                status = TER.terNO_LINE;
                return status;
            }
            status = checkNoRipple(ns.account, nLast.account, dst, ns.issue.currency());
            if (status != TER.tesSUCCESS) {
                return status;
            }
        }
        for (int i = 1; i < nodes.size() - 1; i++) {
            Node prev = nodes.get(i - 1);
            Node cur = nodes.get(i);
            Node next = nodes.get(i + 1);
            if (prev.isAccount() && cur.isAccount() && next.isAccount()) {
                Currency c = cur.issue.currency();
                if (!prev.issue.currency().equals(c) || !next.issue.currency().equals(c)) {
                    status = TER.temBAD_PATH;
                    return status;
                }
                status = checkNoRipple(prev.account, cur.account, next.account, c);
                if (status != TER.tesSUCCESS) {
                    return status;
                }
            }
            if (!prev.isAccount() && cur.isAccount() && next.isAccount()
                    && !prev.issue.account().equals(cur.account)) {
                status = checkNoRipple(prev.issue.account(), cur.account, next.account, cur.issue.currency());
                if (status != TER.tesSUCCESS) {
                    return status;
                }
            }
        }
        return TER.tesSUCCESS;
    }

    /** {@code second} may not join {@code first} and {@code third} if it set NoRipple on both lines. */
    private TER checkNoRipple(AccountId first, AccountId second, AccountId third, Currency currency) {
        STObject in = view.read(Keylets.line(first, second, currency));
        STObject out = view.read(Keylets.line(second, third, currency));
        if (in == null || out == null) {
            status = TER.terNO_LINE;
        } else if ((in.getFlags() & (second.compareTo(first) > 0 ? LedgerFlags.HIGH_NO_RIPPLE
                : LedgerFlags.LOW_NO_RIPPLE)) != 0
                && (out.getFlags() & (second.compareTo(third) > 0 ? LedgerFlags.HIGH_NO_RIPPLE
                : LedgerFlags.LOW_NO_RIPPLE)) != 0) {
            status = TER.terNO_RIPPLE;
        }
        return status;
    }
}
