/**
 * Order books as offer crossing and the payment engine read them (rippled's {@code BookTip},
 * {@code OfferStream}, {@code Offer}): the offers of a book from the best quality down, with unfunded,
 * expired and missing ones set aside for removal; and the crossing of an OfferCreate without FlowCross
 * (rippled's {@code Taker}, direct and bridged through the native currency).
 */
package org.stoxum.engine.tx.offers;
