package org.stoxum.engine.tx.paths;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stoxum.codec.amount.Currency;
import org.stoxum.codec.amount.Issue;
import org.stoxum.codec.amount.Quality;
import org.stoxum.codec.binary.STPathElement;
import org.stoxum.codec.binary.STPathSet;
import org.stoxum.codec.binary.TER;
import org.stoxum.codec.types.AccountId;
import org.stoxum.engine.ledger.Amendments;
import org.stoxum.engine.ledger.ReadView;

/**
 * Turns a payment's paths into strands of steps (rippled's {@code toStrands}/{@code toStrand}): each path
 * is completed with the source (and SendMax issuer), the books and accounts implied by the currency
 * changes, the deliverable's issuer and the destination; then consecutive elements become rippling, book
 * and native endpoint steps. Ledgers with fix1373 get rippled's {@code toStrandV2}, which checks every
 * element and the finished strand; ledgers without it (Flow was enabled before fix1373 on rippled's
 * network, and a chain may have either) get {@code toStrandV1}, which trusts the path and infers books.
 */
public final class Strands {
    private Strands() {
    }

    /** The strands of a payment, or the reason there are none. */
    public record Result(TER ter, List<List<Step>> strands) {
    }

    /** What every strand of one payment shares. */
    public record Request(AccountId src, AccountId dst, Issue deliver, Quality limitQuality, Issue sendMaxIssue,
                          boolean ownerPaysTransferFee, boolean offerCrossing) {
    }

    /**
     * The strands for {@code paths}, plus the default path when {@code addDefaultPath} (rippled's
     * {@code toStrands}): a malformed path fails the whole payment, other failures only drop that path.
     */
    public static Result toStrands(ReadView view, Request req, STPathSet paths, boolean addDefaultPath) {
        List<List<Step>> result = new ArrayList<>();
        if (addDefaultPath) {
            StrandOrError sp = toStrand(view, req, List.of());
            if (sp.ter() != TER.tesSUCCESS) {
                if (sp.ter().isTem() || paths.isEmpty()) {
                    return new Result(sp.ter(), List.of());
                }
            } else if (sp.strand().isEmpty()) {
                throw new FlowException(TER.tefEXCEPTION, "toStrand returned tes & empty strand");
            } else {
                insert(result, sp.strand());
            }
        } else if (paths.isEmpty()) {
            return new Result(TER.temRIPPLE_EMPTY, List.of());
        }
        TER lastFailTer = TER.tesSUCCESS;
        for (List<STPathElement> p : paths.paths()) {
            List<PathElem> path = p.stream().map(PathElem::of).toList();
            StrandOrError sp = toStrand(view, req, path);
            if (sp.ter() != TER.tesSUCCESS) {
                lastFailTer = sp.ter();
                if (sp.ter().isTem()) {
                    return new Result(sp.ter(), List.of());
                }
            } else if (sp.strand().isEmpty()) {
                throw new FlowException(TER.tefEXCEPTION, "toStrand returned tes & empty strand");
            } else {
                insert(result, sp.strand());
            }
        }
        if (result.isEmpty()) {
            return new Result(lastFailTer, result);
        }
        return new Result(TER.tesSUCCESS, result);
    }

    /** Adds {@code strand} unless an equal one is already there. */
    private static void insert(List<List<Step>> result, List<Step> strand) {
        for (List<Step> s : result) {
            if (sameStrand(s, strand)) {
                return;
            }
        }
        result.add(strand);
    }

    private static boolean sameStrand(List<Step> a, List<Step> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    record StrandOrError(TER ter, List<Step> strand) {
        static StrandOrError fail(TER ter) {
            return new StrandOrError(ter, List.of());
        }
    }

    /** One strand for {@code path} (empty: the default path), by the rules of the ledger's amendments. */
    static StrandOrError toStrand(ReadView view, Request req, List<PathElem> path) {
        return view.rules().enabled(Amendments.FIX1373) ? toStrandV2(view, req, path) : toStrandV1(view, req, path);
    }

    /**
     * rippled's {@code toStrandV1}: no checks on the elements beyond empty ones, the issuer of a native
     * currency is not reset, a currency change between accounts implies a book, and no final check.
     */
    private static StrandOrError toStrandV1(ReadView view, Request req, List<PathElem> path) {
        AccountId src = req.src();
        AccountId dst = req.dst();
        Issue deliver = req.deliver();
        Issue sendMaxIssue = req.sendMaxIssue();
        if (src.equals(AccountId.ZERO) || dst.equals(AccountId.ZERO) || !BookStep.consistent(deliver)
                || (sendMaxIssue != null && !BookStep.consistent(sendMaxIssue))) {
            return StrandOrError.fail(TER.temBAD_PATH);
        }
        List<PathElem> pes = normalize(req, path, true);
        Builder b = new Builder(view, req, src, dst, path.isEmpty());
        Issue start = startIssue(req);
        Currency curCurrency = start.currency();
        AccountId curAccount = start.account();
        for (int i = 0; i < pes.size() - 1; i++) {
            PathElem cur = pes.get(i);
            PathElem next = pes.get(i + 1);
            if (cur.isNone() || next.isNone()) {
                return StrandOrError.fail(TER.temBAD_PATH);
            }
            if (cur.isAccount()) {
                curAccount = cur.account();
            } else if (cur.hasIssuer()) {
                curAccount = cur.issuer();
            }
            if (cur.hasCurrency()) {
                curCurrency = cur.currency();
            }
            if (cur.isAccount() && next.isAccount()) {
                if (!curCurrency.isNative() && !curAccount.equals(cur.account()) && !curAccount.equals(next.account())) {
                    TER ter = b.add(DirectStepI.make(b.ctx(false), cur.account(), curAccount, curCurrency));
                    if (ter != TER.tesSUCCESS) {
                        return StrandOrError.fail(ter);
                    }
                    cur = PathElem.typed(PathElem.TYPE_ACCOUNT, curAccount, Currency.NATIVE, curAccount);
                }
            } else if (cur.isAccount() && next.isOffer()) {
                if (!curAccount.equals(cur.account())) {
                    TER ter = b.add(DirectStepI.make(b.ctx(false), cur.account(), curAccount, curCurrency));
                    if (ter != TER.tesSUCCESS) {
                        return StrandOrError.fail(ter);
                    }
                    cur = PathElem.typed(PathElem.TYPE_ACCOUNT, curAccount, Currency.NATIVE, curAccount);
                }
            } else if (cur.isOffer() && next.isAccount()) {
                if (!curAccount.equals(next.account()) && !next.account().equals(AccountId.ZERO)) {
                    TER ter = b.add(DirectStepI.make(b.ctx(false), curAccount, next.account(), curCurrency));
                    if (ter != TER.tesSUCCESS) {
                        return StrandOrError.fail(ter);
                    }
                }
                continue;
            }
            if (!next.isOffer() && next.hasCurrency() && !next.currency().equals(curCurrency)) {
                // a currency change between accounts goes through the book it implies
                Currency nextCurrency = next.currency();
                AccountId nextIssuer = next.hasIssuer() ? next.issuer() : curAccount;
                Issue nextIssue = new Issue(nextCurrency, nextIssuer);
                MadeStep m;
                if (curCurrency.isNative()) {
                    m = BookStep.make(b.ctx(false), Issue.NATIVE, nextIssue);
                } else if (nextCurrency.isNative()) {
                    m = BookStep.make(b.ctx(false), new Issue(curCurrency, curAccount), Issue.NATIVE);
                } else {
                    m = BookStep.make(b.ctx(false), new Issue(curCurrency, curAccount), nextIssue);
                }
                TER ter = b.add(m);
                if (ter != TER.tesSUCCESS) {
                    return StrandOrError.fail(ter);
                }
                cur = PathElem.of(null, nextCurrency, nextIssuer);
                curCurrency = nextCurrency;
                curAccount = nextIssuer;
            }
            TER ter = b.add(toStep(b.ctx(i == pes.size() - 2), cur, next, new Issue(curCurrency, curAccount)));
            if (ter != TER.tesSUCCESS) {
                return StrandOrError.fail(ter);
            }
        }
        return new StrandOrError(TER.tesSUCCESS, b.result);
    }

    /** rippled's {@code STPathElement::operator==}: the account bit and the three values, not the other bits. */
    private static boolean sameElement(PathElem a, PathElem b) {
        return (a.type() & PathElem.TYPE_ACCOUNT) == (b.type() & PathElem.TYPE_ACCOUNT)
                && a.account().equals(b.account()) && a.currency().equals(b.currency())
                && a.issuer().equals(b.issuer());
    }

    /** rippled's {@code toStrandV2}. */
    private static StrandOrError toStrandV2(ReadView view, Request req, List<PathElem> path) {
        AccountId src = req.src();
        AccountId dst = req.dst();
        Issue deliver = req.deliver();
        Issue sendMaxIssue = req.sendMaxIssue();
        if (src.equals(AccountId.ZERO) || dst.equals(AccountId.ZERO) || !BookStep.consistent(deliver)
                || (sendMaxIssue != null && !BookStep.consistent(sendMaxIssue))) {
            return StrandOrError.fail(TER.temBAD_PATH);
        }
        if ((sendMaxIssue != null && sendMaxIssue.account().equals(AccountId.ONE)) || src.equals(AccountId.ONE)
                || dst.equals(AccountId.ONE) || deliver.account().equals(AccountId.ONE)) {
            return StrandOrError.fail(TER.temBAD_PATH);
        }
        for (PathElem pe : path) {
            if (!wellFormed(pe)) {
                return StrandOrError.fail(TER.temBAD_PATH);
            }
        }
        List<PathElem> normPath = normalize(req, path, false);
        if (normPath.size() < 2) {
            return StrandOrError.fail(TER.temBAD_PATH);
        }
        Builder b = new Builder(view, req, normPath.get(0).account(), normPath.get(normPath.size() - 1).account(),
                path.isEmpty());
        Issue curIssue = startIssue(req);
        for (int i = 0; i < normPath.size() - 1; i++) {
            PathElem cur = normPath.get(i);
            PathElem next = normPath.get(i + 1);
            Currency currency = curIssue.currency();
            AccountId issuer = curIssue.account();
            if (cur.isAccount()) {
                issuer = cur.account();
            } else if (cur.hasIssuer()) {
                issuer = cur.issuer();
            }
            if (cur.hasCurrency()) {
                currency = cur.currency();
                if (currency.isNative()) {
                    issuer = AccountId.ZERO;
                }
            }
            curIssue = new Issue(currency, issuer);
            if (cur.isAccount() && next.isAccount()) {
                if (!currency.isNative() && !issuer.equals(cur.account()) && !issuer.equals(next.account())) {
                    TER ter = b.add(DirectStepI.make(b.ctx(false), cur.account(), issuer, currency));
                    if (ter != TER.tesSUCCESS) {
                        return StrandOrError.fail(ter);
                    }
                    cur = PathElem.typed(PathElem.TYPE_ACCOUNT, issuer, Currency.NATIVE, AccountId.ZERO);
                }
            } else if (cur.isAccount() && next.isOffer()) {
                if (!issuer.equals(cur.account())) {
                    TER ter = b.add(DirectStepI.make(b.ctx(false), cur.account(), issuer, currency));
                    if (ter != TER.tesSUCCESS) {
                        return StrandOrError.fail(ter);
                    }
                    cur = PathElem.typed(PathElem.TYPE_ACCOUNT, issuer, Currency.NATIVE, AccountId.ZERO);
                }
            } else if (cur.isOffer() && next.isAccount()) {
                if (!issuer.equals(next.account()) && !next.account().equals(AccountId.ZERO)) {
                    TER ter;
                    if (currency.isNative()) {
                        if (i != normPath.size() - 2) {
                            return StrandOrError.fail(TER.temBAD_PATH);
                        }
                        ter = b.add(XRPEndpointStep.make(b.ctx(false), next.account()));
                    } else {
                        ter = b.add(DirectStepI.make(b.ctx(false), issuer, next.account(), currency));
                    }
                    if (ter != TER.tesSUCCESS) {
                        return StrandOrError.fail(ter);
                    }
                }
                continue;
            }
            if (!next.isOffer() && next.hasCurrency() && !next.currency().equals(currency)) {
                return StrandOrError.fail(TER.temBAD_PATH);
            }
            TER ter = b.add(toStep(b.ctx(i == normPath.size() - 2), cur, next, curIssue));
            if (ter != TER.tesSUCCESS) {
                return StrandOrError.fail(ter);
            }
        }
        if (!checkStrand(req, b.result)) {
            return StrandOrError.fail(TER.temBAD_PATH);
        }
        return new StrandOrError(TER.tesSUCCESS, b.result);
    }

    /** The issue the source starts with: SendMax's currency (or the deliverable's) issued by the source. */
    private static Issue startIssue(Request req) {
        Currency c = req.sendMaxIssue() != null ? req.sendMaxIssue().currency() : req.deliver().currency();
        return c.isNative() ? Issue.NATIVE : new Issue(c, req.src());
    }

    /** The element rules of fix1373: known type bits, an account alone, no zero or "one" accounts. */
    private static boolean wellFormed(PathElem pe) {
        int t = pe.type();
        if ((t & ~PathElem.TYPE_ALL) != 0 || t == 0) {
            return false;
        }
        boolean hasAccount = (t & PathElem.TYPE_ACCOUNT) != 0;
        boolean hasIssuer = pe.hasIssuer();
        boolean hasCurrency = pe.hasCurrency();
        if (hasAccount && (hasIssuer || hasCurrency)) {
            return false;
        }
        if (hasIssuer && pe.issuer().equals(AccountId.ZERO)) {
            return false;
        }
        if (hasAccount && pe.account().equals(AccountId.ZERO)) {
            return false;
        }
        if (hasCurrency && hasIssuer && pe.currency().isNative() != pe.issuer().equals(AccountId.ZERO)) {
            return false;
        }
        if (hasIssuer && pe.issuer().equals(AccountId.ONE)) {
            return false;
        }
        return !(hasAccount && pe.account().equals(AccountId.ONE));
    }

    /**
     * The path with its implied ends: the source, the SendMax issuer, a book into the deliverable when the
     * currency (or, crossing offers, the issuer) still differs, the deliverable's issuer, the destination.
     * rippled's {@code toStrandV1} ({@code v1}) differs only at the end: the destination is added unless the
     * last element is exactly the destination's account element.
     */
    private static List<PathElem> normalize(Request req, List<PathElem> path, boolean v1) {
        Issue start = startIssue(req);
        Issue deliver = req.deliver();
        Issue sendMaxIssue = req.sendMaxIssue();
        List<PathElem> norm = new ArrayList<>(4 + path.size());
        norm.add(PathElem.typed(PathElem.TYPE_ALL, req.src(), start.currency(), start.account()));
        if (sendMaxIssue != null && !sendMaxIssue.account().equals(req.src())
                && (path.isEmpty() || !path.get(0).isAccount()
                || !path.get(0).account().equals(sendMaxIssue.account()))) {
            norm.add(PathElem.of(sendMaxIssue.account(), null, null));
        }
        norm.addAll(path);
        PathElem lastCurrency = null;
        for (int i = norm.size() - 1; i >= 0; i--) {
            if (norm.get(i).hasCurrency()) {
                lastCurrency = norm.get(i);
                break;
            }
        }
        if (!lastCurrency.currency().equals(deliver.currency())
                || (req.offerCrossing() && !lastCurrency.issuer().equals(deliver.account()))) {
            norm.add(PathElem.of(null, deliver.currency(), deliver.account()));
        }
        PathElem back = norm.get(norm.size() - 1);
        if (!((back.isAccount() && back.account().equals(deliver.account())) || req.dst().equals(deliver.account()))) {
            norm.add(PathElem.of(deliver.account(), null, null));
        }
        PathElem lastNode = PathElem.of(req.dst(), null, null);
        back = norm.get(norm.size() - 1);
        boolean ends = v1 ? sameElement(back, lastNode) : back.isAccount() && back.account().equals(req.dst());
        if (!ends) {
            norm.add(lastNode);
        }
        return norm;
    }

    /** The step between two consecutive elements (rippled's {@code toStep}). */
    private static MadeStep toStep(StrandContext ctx, PathElem e1, PathElem e2, Issue curIssue) {
        if (ctx.isFirst && e1.isAccount() && e1.hasCurrency() && e1.currency().isNative()) {
            return XRPEndpointStep.make(ctx, e1.account());
        }
        if (ctx.isLast && e1.type() == PathElem.TYPE_ACCOUNT && e1.account().equals(AccountId.ZERO)
                && e2.isAccount()) {
            return XRPEndpointStep.make(ctx, e2.account());
        }
        if (e1.isAccount() && e2.isAccount()) {
            return DirectStepI.make(ctx, e1.account(), e2.account(), curIssue.currency());
        }
        if (e1.isOffer() && e2.isAccount()) {
            // the strand builders never pair these
            if (ctx.view.rules().enabled(Amendments.FIX1373)) {
                return new MadeStep(TER.temBAD_PATH, null);
            }
            throw new FlowException(TER.tefEXCEPTION, "Found offer/account payment step.");
        }
        Currency outCurrency = e2.hasCurrency() ? e2.currency() : curIssue.currency();
        AccountId outIssuer = e2.hasIssuer() ? e2.issuer() : curIssue.account();
        if (curIssue.currency().isNative() && outCurrency.isNative()) {
            return new MadeStep(TER.temBAD_PATH, null);
        }
        if (outCurrency.isNative()) {
            return BookStep.make(ctx, curIssue, Issue.NATIVE);
        }
        if (curIssue.currency().isNative()) {
            return BookStep.make(ctx, Issue.NATIVE, new Issue(outCurrency, outIssuer));
        }
        return BookStep.make(ctx, curIssue, new Issue(outCurrency, outIssuer));
    }

    /** True when the steps chain from the source to the destination and end in the deliverable. */
    private static boolean checkStrand(Request req, List<Step> strand) {
        AccountId curAccount = req.src();
        Issue curIssue = startIssue(req);
        for (Step s : strand) {
            AccountId[] accts = s.directStepAccts();
            Book book = s.bookStepBook();
            if (accts == null) {
                if (book == null) {
                    throw new FlowException(TER.tefEXCEPTION, "Step should be either a direct or book step");
                }
                accts = new AccountId[] {book.in().account(), book.out().account()};
            }
            if (!accts[0].equals(curAccount)) {
                return false;
            }
            if (book != null) {
                if (!curIssue.equals(book.in())) {
                    return false;
                }
                curIssue = book.out();
            } else {
                curIssue = new Issue(curIssue.currency(), accts[1]);
            }
            curAccount = accts[1];
        }
        if (!curAccount.equals(req.dst()) || !curIssue.currency().equals(req.deliver().currency())) {
            return false;
        }
        return curIssue.account().equals(req.deliver().account()) || curIssue.account().equals(req.dst());
    }

    /** The strand being built and what its steps' contexts share. */
    private static final class Builder {
        final ReadView view;
        final Request req;
        final AccountId strandSrc;
        final AccountId strandDst;
        final boolean isDefaultPath;
        final List<Step> result = new ArrayList<>();
        final List<Set<Issue>> seenDirectIssues = List.of(new HashSet<>(), new HashSet<>());
        final Set<Issue> seenBookOuts = new HashSet<>();

        Builder(ReadView view, Request req, AccountId strandSrc, AccountId strandDst, boolean isDefaultPath) {
            this.view = view;
            this.req = req;
            this.strandSrc = strandSrc;
            this.strandDst = strandDst;
            this.isDefaultPath = isDefaultPath;
        }

        StrandContext ctx(boolean isLast) {
            return new StrandContext(view, result, strandSrc, strandDst, req.deliver(), req.limitQuality(), isLast,
                    req.ownerPaysTransferFee(), req.offerCrossing(), isDefaultPath, seenDirectIssues, seenBookOuts);
        }

        TER add(MadeStep m) {
            if (m.ter() == TER.tesSUCCESS) {
                result.add(m.step());
            }
            return m.ter();
        }
    }
}
