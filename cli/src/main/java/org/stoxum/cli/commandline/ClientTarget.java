package org.stoxum.cli.commandline;

import java.net.InetAddress;
import java.util.Optional;
import org.stoxum.engine.config.NodeConfig;
import org.stoxum.engine.config.PortConfig;
import org.stoxum.engine.config.PortProtocol;

/**
 * Where client mode sends its request and with which credentials: the first http or https port of
 * the config, with {@code --rpc_ip}/{@code --rpc_port} taking precedence.
 *
 * @param host          address to connect to (a wildcard bind address becomes loopback)
 * @param port          TCP port
 * @param secure        true for https
 * @param user          HTTP Basic user (stoxumd sends the header even when both are empty)
 * @param password      HTTP Basic password
 * @param adminUser     added to the request as {@code admin_user} when not empty
 * @param adminPassword added to the request as {@code admin_password} when not empty
 */
public record ClientTarget(String host, int port, boolean secure, String user, String password, String adminUser,
                           String adminPassword) {

    /**
     * @return empty when neither the config nor the command line says where the server is
     */
    public static Optional<ClientTarget> resolve(NodeConfig config, CommandLine commandLine) {
        Optional<PortConfig> port = config.clientPort();
        Optional<String> host = commandLine.rpcIp().map(InetAddress::getHostAddress)
                .or(() -> port.map(p -> connectable(p.ip())));
        Optional<Integer> number = commandLine.rpcPort().isPresent()
                ? Optional.of(commandLine.rpcPort().getAsInt()) : port.map(PortConfig::port);
        if (host.isEmpty() || number.isEmpty()) {
            return Optional.empty();
        }
        boolean secure = port.map(p -> p.protocols().contains(PortProtocol.HTTPS)).orElse(false);
        return Optional.of(new ClientTarget(host.get(), number.get(), secure,
                port.map(PortConfig::user).orElse(""), port.map(PortConfig::password).orElse(""),
                port.map(PortConfig::adminUser).orElse(""), port.map(PortConfig::adminPassword).orElse("")));
    }

    /** A server bound to every interface is reached on loopback. */
    private static String connectable(InetAddress bind) {
        if (bind.isAnyLocalAddress()) {
            return bind.getAddress().length == 4 ? "127.0.0.1" : "::1";
        }
        return bind.getHostAddress();
    }

    /** The request to send: {@code call} with this target's admin credentials added. */
    public ClientRequest.Call authorize(ClientRequest.Call call) {
        return call.withAdminCredentials(adminUser, adminPassword);
    }
}
