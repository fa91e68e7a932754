package org.stoxum.engine.rpc.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One client-facing port of the server, as a {@code [port_*]} section of stoxumd.cfg describes it.
 *
 * <p>Only plain ports are served here: {@code http} (JSON-RPC) and {@code ws} (WebSocket, alias
 * {@code ws2}); one port may carry both. TLS ports and the peer protocol belong elsewhere.
 *
 * @param name            section name, used in logs and to look the bound address up
 * @param ip              address to bind; the any-address binds every interface
 * @param port            port to bind; 0 binds an ephemeral port (tests)
 * @param protocols       lower-case protocol names
 * @param admin           addresses granted ADMIN; an any-address grants it to everyone
 * @param secureGateway   proxies trusted to name their users in X-User
 * @param user            HTTP Basic user required on JSON-RPC when both user and password are set
 * @param password        HTTP Basic password
 * @param adminUser       when it or adminPassword is set, ADMIN also needs matching request fields
 * @param adminPassword   see adminUser
 * @param limit           maximum concurrent connections; 0 means unlimited
 * @param sendQueueLimit  WebSocket messages that may wait to be sent before the client is dropped
 */
public record PortConfig(
        String name,
        InetAddress ip,
        int port,
        Set<String> protocols,
        List<InetAddress> admin,
        List<InetAddress> secureGateway,
        String user,
        String password,
        String adminUser,
        String adminPassword,
        int limit,
        int sendQueueLimit) {

    /** Default for {@code send_queue_limit}. */
    public static final int DEFAULT_SEND_QUEUE_LIMIT = 100;

    private static final Set<String> SERVED = Set.of("http", "ws", "ws2");

    public PortConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ip, "ip");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " in [" + name + "] is invalid");
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (String p : protocols) {
            normalized.add(p.trim().toLowerCase(Locale.ROOT));
        }
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("Missing 'protocol' in [" + name + "]");
        }
        for (String p : normalized) {
            if (!SERVED.contains(p)) {
                throw new IllegalArgumentException(
                        "protocol '" + p + "' in [" + name + "] is not served by the RPC server (http, ws only)");
            }
        }
        protocols = Set.copyOf(normalized);
        admin = List.copyOf(admin);
        secureGateway = List.copyOf(secureGateway);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        adminUser = adminUser == null ? "" : adminUser;
        adminPassword = adminPassword == null ? "" : adminPassword;
        if (limit < 0) {
            throw new IllegalArgumentException("'limit' in [" + name + "] is invalid");
        }
        if (sendQueueLimit < 1 || sendQueueLimit > 65535) {
            throw new IllegalArgumentException("'send_queue_limit' in [" + name + "] is invalid");
        }
    }

    /** A builder with the defaults of an unconfigured port. */
    public static Builder builder(String name, InetAddress ip, int port) {
        return new Builder(name, ip, port);
    }

    /** True when JSON-RPC requests are answered on this port. */
    public boolean servesHttp() {
        return protocols.contains("http");
    }

    /** True when WebSocket upgrades are accepted on this port. */
    public boolean servesWebSocket() {
        return protocols.contains("ws") || protocols.contains("ws2");
    }

    /** True when HTTP Basic credentials are demanded on JSON-RPC. */
    public boolean requiresBasicAuth() {
        return !user.isEmpty() && !password.isEmpty();
    }

    /** True when ADMIN needs admin_user/admin_password fields in the request. */
    public boolean requiresAdminCredentials() {
        return !adminUser.isEmpty() || !adminPassword.isEmpty();
    }

    /** True when {@code remote} is in the admin list (or the list holds an any-address). */
    public boolean isAdminAddress(InetAddress remote) {
        return listed(admin, remote);
    }

    /** True when {@code remote} is a trusted gateway. */
    public boolean isSecureGateway(InetAddress remote) {
        return listed(secureGateway, remote);
    }

    private static boolean listed(List<InetAddress> list, InetAddress remote) {
        for (InetAddress ip : list) {
            if (ip.isAnyLocalAddress() || ip.equals(remote)) {
                return true;
            }
        }
        return false;
    }

    /** Builds a {@link PortConfig} step by step. */
    public static final class Builder {
        private final String name;
        private final InetAddress ip;
        private final int port;
        private Set<String> protocols = Set.of("http");
        private List<InetAddress> admin = List.of();
        private List<InetAddress> secureGateway = List.of();
        private String user = "";
        private String password = "";
        private String adminUser = "";
        private String adminPassword = "";
        private int limit;
        private int sendQueueLimit = DEFAULT_SEND_QUEUE_LIMIT;

        private Builder(String name, InetAddress ip, int port) {
            this.name = name;
            this.ip = ip;
            this.port = port;
        }

        public Builder protocols(String... values) {
            this.protocols = Set.of(values);
            return this;
        }

        public Builder admin(InetAddress... values) {
            this.admin = List.of(values);
            return this;
        }

        public Builder secureGateway(InetAddress... values) {
            this.secureGateway = List.of(values);
            return this;
        }

        public Builder basicAuth(String basicUser, String basicPassword) {
            this.user = basicUser;
            this.password = basicPassword;
            return this;
        }

        public Builder adminCredentials(String adminUserName, String adminUserPassword) {
            this.adminUser = adminUserName;
            this.adminPassword = adminUserPassword;
            return this;
        }

        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        public Builder sendQueueLimit(int value) {
            this.sendQueueLimit = value;
            return this;
        }

        public PortConfig build() {
            return new PortConfig(name, ip, port, protocols, admin, secureGateway, user, password,
                    adminUser, adminPassword, limit, sendQueueLimit);
        }
    }
}
