/**
 * Clustering: several servers of one operator, in one datacenter, acting as one ({@code [node_seed]},
 * {@code [cluster_nodes]}; stoxumd's {@code Cluster}, {@code TMCluster} and resource gossip).
 *
 * <p>Members talk over Aeron (UDP), not over the peer protocol: each subscribes on its own endpoint and
 * holds one exclusive publication to every other member. Messages are SBE ({@code stoxum-cluster.xml},
 * package {@code org.stoxum.codec.sbe.cluster}); every frame carries the sender's and receiver's node keys,
 * a random session per link and start, a sequence number and a time stamp, and ends with the sender's
 * node-key signature, so a frame is authenticated on its own before it is decoded
 * ({@link org.stoxum.transport.cluster.FrameAuthenticator}). High-rate content (signature verdicts,
 * relayed transactions, pushed charges) is batched for a few milliseconds to share one signature.
 *
 * <p>What is shared:
 * <ul>
 *   <li>signature verdicts: a hash checked at one member is {@code GOOD} or {@code BAD} at all;</li>
 *   <li>relayed transactions, which members apply as trusted whatever their own load;</li>
 *   <li>status reports every 10 s: the load fee (the cluster fee is the median of the fresh ones), and the
 *       endpoints with a large resource balance, which every member adds to its own balance for 30 s;</li>
 *   <li>pushed charges, so an endpoint dropped at one member is refused at all before the next report.</li>
 * </ul>
 *
 * <p>One thread runs the duty cycle ({@link org.stoxum.transport.cluster.ClusterAgent}) and alone writes
 * the cluster's state; engine threads publish requests through a ring buffer and read immutable
 * snapshots through {@link org.stoxum.transport.cluster.Cluster}.
 */
package org.stoxum.transport.cluster;
