/**
 * A deterministic consensus simulator, after rippled's consensus simulation framework: a discrete-event
 * {@link org.stoxum.engine.consensus.sim.Scheduler} with a virtual clock, a
 * {@link org.stoxum.engine.consensus.sim.SimNetwork} of links with delays, drops and partitions, a
 * {@link org.stoxum.engine.consensus.sim.TrustGraph}, and {@link org.stoxum.engine.consensus.sim.SimPeer}s
 * that run the real consensus and validations code with real secp256k1 signatures over a toy ledger model.
 * Collectors record what every node did; everything random comes from one seed.
 */
package org.stoxum.engine.consensus.sim;
