/**
 * Order books as the payment engine reads them (rippled's {@code BookTip}, {@code OfferStream},
 * {@code Offer}): the offers of a book from the best quality down, with unfunded, expired and missing ones
 * set aside for removal.
 */
package org.stoxum.engine.tx.offers;
