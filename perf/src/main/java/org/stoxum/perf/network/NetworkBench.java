package org.stoxum.perf.network;

import java.io.PrintStream;
import org.stoxum.perf.load.LoadGenerator;
import org.stoxum.perf.load.LoadOptions;

/**
 * The validator-network benchmark: starts validators of the built distribution on 127.0.0.1, waits until
 * they all validate, runs the load generator against the first one with ledgers closed by consensus (stock
 * timers), reports, and stops the nodes again whatever happens (an error, Ctrl-C).
 */
public final class NetworkBench {
    private NetworkBench() {
    }

    public static void main(String[] args) {
        NetworkOptions opt;
        LoadOptions load;
        try {
            opt = NetworkOptions.parse(args);
            // Checked before anything starts; the real ports are filled in once they are chosen.
            load = LoadOptions.parse(opt.loadArgs(1, 1));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(opt, load, System.err) ? 0 : 1);
    }

    private static boolean run(NetworkOptions opt, LoadOptions planned, PrintStream err) {
        ValidatorNetwork net;
        try {
            net = new ValidatorNetwork(opt, err);
        } catch (java.io.IOException e) {
            err.println("could not plan the network: " + e.getMessage());
            return false;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(net::close, "stop-validators"));
        try {
            long t0 = System.nanoTime();
            net.makeKeys();
            net.start();
            err.printf("%d validators started (logs in their folders), waiting for a validated ledger%n",
                    net.nodes().size());
            net.awaitValidated();
            err.printf("validated ledger on every node after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            ValidatorNetwork.Node target = net.nodes().get(0);
            LoadOptions load = LoadOptions.parse(opt.loadArgs(target.wsPort, target.rpcPort));
            double[] cpuBefore = cpu(net);
            long seqBefore = net.validatedSeq(target);
            long loadStart = System.nanoTime();
            String report = LoadGenerator.runAndReport(load, err);
            double seconds = (System.nanoTime() - loadStart) / 1e9;
            long seqAfter = net.validatedSeq(target);
            double[] cpuAfter = cpu(net);
            System.out.print(report);
            System.out.printf("validators: %d, load on node 0; %d ledgers validated in %.1f s of load "
                    + "(one every %.2f s)%n", net.nodes().size(), seqAfter - seqBefore, seconds,
                    seqAfter > seqBefore ? seconds / (seqAfter - seqBefore) : Double.NaN);
            for (ValidatorNetwork.Node n : net.nodes()) {
                System.out.printf("node %d: %s; CPU during the load %.1f s (%.2f cores)%n", n.index,
                        net.describe(n), cpuAfter[n.index] - cpuBefore[n.index],
                        (cpuAfter[n.index] - cpuBefore[n.index]) / seconds);
            }
            return true;
        } catch (Exception e) {
            err.println("network benchmark failed: " + e);
            for (ValidatorNetwork.Node n : net.nodes()) {
                err.printf("node %d: %s%n", n.index, n.process == null ? "not started" : net.describe(n));
            }
            err.print(net.logTails(40));
            return false;
        } finally {
            net.close();
        }
    }

    private static double[] cpu(ValidatorNetwork net) {
        return net.nodes().stream().mapToDouble(n -> ValidatorNetwork.cpuSeconds(n.process)).toArray();
    }
}
